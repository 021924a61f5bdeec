"""Credentials inside URLs (``https://user:password@host/``): kept out of every message and argument list.

A URL given on the command line or in the environment may carry a password. It is split off once, sent the way
its tool expects (twine reads ``TWINE_USERNAME``/``TWINE_PASSWORD``), and every URL that is printed goes through
:func:`redact_url` (``docs2client publish``: ``https://***@host/``, as the README shows).
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit, urlunsplit

__all__ = ["REDACTED", "redact_text", "redact_url", "split_credentials", "strip_credentials"]

REDACTED = "***"


def _host_part(netloc: str) -> str:
    return netloc.rpartition("@")[2]


#: the userinfo of a URL that ``urlsplit`` refuses (``http://u:p@[bad``): scheme, ``//``, then anything up to an ``@``
#: before the first ``/``, ``?`` or ``#``
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*:)?//[^/?#]*@")


def redact_url(url: str) -> str:
    """``url`` with its userinfo (user name and password) replaced by ``***`` (unchanged when it has none); a URL
    ``urlsplit`` cannot read is redacted by its text, never shown as it is."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return _USERINFO.sub(lambda m: f"{m[1] or ''}//{REDACTED}@", url, count=1)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=f"{REDACTED}@{_host_part(parts.netloc)}"))


#: ``user:password@`` anywhere in a text, with or without a scheme before it (a Swagger 2.0 ``host`` has none)
_PASSWORD_IN_TEXT = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*://)?[^\s/?#@\"':]+:[^\s/?#@\"']*@")


def redact_text(text: str) -> str:
    """``text`` (a message quoting values of a spec from anyone) with every ``user:password@`` as ``***@``."""
    return _PASSWORD_IN_TEXT.sub(lambda m: f"{m[1] or ''}{REDACTED}@", text)


def strip_credentials(url: str) -> str:
    """``url`` without its userinfo (unchanged when it has none), whatever its text: a spec from anyone may put
    credentials, or a malformed host, in a server URL."""
    try:
        return split_credentials(url)[0]
    except ValueError:
        return _USERINFO.sub(lambda m: f"{m[1] or ''}//", url, count=1)


def split_credentials(url: str) -> tuple[str, str | None, str | None]:
    """``(url without userinfo, username, password)``; the names are percent-decoded as URLs encode them."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url, None, None
    clean = urlunsplit(parts._replace(netloc=_host_part(parts.netloc)))
    username = unquote(parts.username) if parts.username is not None else None
    password = unquote(parts.password) if parts.password is not None else None
    return clean, username, password
