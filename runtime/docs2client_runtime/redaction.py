"""Redaction: credentials never reach a repr, a log record or an exception message."""

from __future__ import annotations

import logging
from collections.abc import (
    Iterable,
    Mapping,
)

import httpx

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------------------------------
# Redaction
# --------------------------------------------------------------------------------------------------------------------

#: Header names (lower case) whose values are credentials. They are replaced by :data:`REDACTED` wherever this
#: module renders headers (reprs, log records, error messages).
SENSITIVE_HEADERS: frozenset[str] = frozenset(
    {
        "scp-signature",
        "scp-accesskey",
        "x-auth-token",
        "x-subject-token",
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
    }
)

__all__ = [
    "REDACTED",
    "SENSITIVE_HEADERS",
    "redact_headers",
    "redact_url",
    "sensitive_query_keys",
]

#: Query parameter names whose values are credentials (API keys sent in the URL): every
#: :class:`~docs2client_runtime.auth.token.QueryAuth` adds its names, and :func:`redact_url` hides their values.
sensitive_query_keys: set[str] = set()

REDACTED = "<redacted>"


def redact_headers(headers: Mapping[str, str] | httpx.Headers) -> dict[str, str]:
    """Return a plain dict of ``headers`` with credential values replaced by :data:`REDACTED`.

    Use it whenever headers are logged or shown: signatures and tokens are bearer credentials for their lifetime.
    """
    items: Iterable[tuple[str, str]] = headers.multi_items() if isinstance(headers, httpx.Headers) else headers.items()
    return {name: (REDACTED if name.lower() in SENSITIVE_HEADERS else value) for name, value in items}


def redact_url(url: str | httpx.URL) -> str:
    """``url`` without the credentials of its userinfo (``https://user:pass@host/`` -> ``https://<redacted>@host/``)
    and without the values of API-key query parameters (:data:`sensitive_query_keys`).

    Use it whenever a URL is logged or shown; the transports already strip userinfo from the URLs they send.
    """
    text = _redact_query(str(url))
    scheme, sep, rest = text.partition("://")
    if not sep:
        return text
    authority, slash, tail = rest.partition("/")
    if "@" not in authority:
        return text
    return f"{scheme}://{REDACTED}@{authority.rpartition('@')[2]}{slash}{tail}"


def _redact_query(text: str) -> str:
    """``text`` with the value of each query parameter named in :data:`sensitive_query_keys` replaced."""
    base, mark, rest = text.partition("?")
    if not mark or not sensitive_query_keys:
        return text
    query, hash_mark, fragment = rest.partition("#")
    pairs = []
    for pair in query.split("&"):
        name, equals, _ = pair.partition("=")
        decoded = httpx.QueryParams(pair)
        key = next(iter(decoded.keys()), name)
        pairs.append(f"{name}={REDACTED}" if equals and key in sensitive_query_keys else pair)
    return f"{base}?{'&'.join(pairs)}{hash_mark}{fragment}"
