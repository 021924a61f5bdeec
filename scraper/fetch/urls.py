"""Pointing the catalog at a mirror or a test server without editing the catalog.

The rule (``--base-url URL`` or ``DOCS2CLIENT_BASE_URL``): a catalog URL ``scheme://host/path?query`` becomes
``<base>/<host>/path?query``. The base URL's scheme, host, port and path prefix replace the original scheme and
host, and the original host is kept as the first path segment. Keeping the host means one mirror can serve pages
from several sites (the catalog mixes docs.e.samsungsdscloud.com, docs.nhncloud.com and raw.githubusercontent.com)
without two pages colliding, and it is the layout ``wget --mirror`` writes, so a mirrored tree can be served as is
(``python -m http.server``). The path and query are kept byte for byte (percent-escapes are not re-encoded).

Example: base ``http://127.0.0.1:8000/mirror`` and
``https://docs.nhncloud.com/en/Storage/Block%20Storage/en/public-api/`` give
``http://127.0.0.1:8000/mirror/docs.nhncloud.com/en/Storage/Block%20Storage/en/public-api/``.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

from scraper.url_credentials import redact_url

__all__ = ["BASE_URL_ENV", "UrlError", "base_url_from_env", "rewrite_url"]

BASE_URL_ENV = "DOCS2CLIENT_BASE_URL"


class UrlError(ValueError):
    """A base URL or catalog URL cannot be used; the message says which and why."""


def _shown(url: str) -> str:
    """``url`` as an error may show it: a base URL can carry a token (userinfo, a query), so neither is shown."""
    return redact_url(urlunsplit(urlsplit(url)._replace(query="", fragment="")))


def _check_absolute(url: str, what: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UrlError(f"{what} {_shown(url)!r}: expected an absolute http(s) URL such as http://127.0.0.1:8000/")


def rewrite_url(url: str, base_url: str | None) -> str:
    """Apply the mirror rule above; with no base URL the catalog URL is returned unchanged."""
    _check_absolute(url, "catalog URL")
    if not base_url:
        return url
    _check_absolute(base_url, "base URL")
    base = urlsplit(base_url)
    if base.query or base.fragment:
        raise UrlError(f"base URL {_shown(base_url)!r}: must not have a query or fragment")
    original = urlsplit(url)
    host = original.hostname or ""
    if original.port is not None:
        host = f"{host}:{original.port}"
    path = f"{base.path.rstrip('/')}/{host}{original.path or '/'}"
    return urlunsplit((base.scheme, base.netloc, path, original.query, ""))


def base_url_from_env(flag: str | None) -> str | None:
    """The ``--base-url`` flag wins over the environment variable; empty values mean 'no mirror'."""
    if flag:
        return flag
    return os.environ.get(BASE_URL_ENV) or None
