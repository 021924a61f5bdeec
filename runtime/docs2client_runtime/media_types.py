"""The media type a raw-bytes request body is sent as: the caller's ``content_type=``, checked against the spec.

A spec documents a binary body as one media type (``application/ocsp-request``), as any bytes
(``application/octet-stream``), or as a range (``image/*``, ``*/*``); the server often keeps or interprets the
Content-Type it receives (an object store serves the object back with it). Only the caller knows what the bytes
are, so a generated method takes ``content_type=`` and asks here, before sending, what goes into the header: a
value that is no media type (a header-injection attempt above all) or one the operation does not document is a
``ValueError`` naming the operation, never a request the server would misread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["request_media_type"]

_TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
#: RFC 9110 section 8.3.1: ``type "/" subtype parameters``, a parameter a token or an ASCII quoted-string (no
#: control characters but tab, so no CR, LF or NUL ever reaches a header); empty parameters (``;;``) as 9110 allows.
_MEDIA_TYPE = re.compile(
    rf'{_TOKEN}/{_TOKEN}(?:[ \t]*;[ \t]*(?:{_TOKEN}=(?:{_TOKEN}|"(?:[\t !#-\[\]-~]|\\[\t -~])*"))?)*'
)
#: RFC 2046 section 4.5.1: "arbitrary binary data"; documented alone, it says nothing of what the bytes are.
_ANY_BYTES = "application/octet-stream"


def _essence(media_type: str) -> str:
    """``image/png`` of ``Image/PNG; q=1``: type and subtype, lower case (RFC 9110: case-insensitive)."""
    return media_type.split(";", 1)[0].strip().lower()


def _within(essence: str, documented: str) -> bool:
    """Whether a concrete ``type/subtype`` falls in one documented media type or range."""
    wanted = _essence(documented)
    if wanted in ("*/*", _ANY_BYTES):
        return True
    if wanted.endswith("/*"):
        return essence.split("/", 1)[0] == wanted[:-2]
    return essence == wanted


def request_media_type(operation: str, argument: str, given: str | None, documented: Sequence[str]) -> str:
    """The Content-Type to send a binary request body with.

    ``documented`` is the operation's media types for the body, its default first (never empty); ``given`` is the
    caller's ``argument`` (``content_type``, or the name it got beside a parameter called so). None sends the
    default, a range (``image/*``) as ``application/octet-stream``, which claims nothing the caller did not say.
    A given value is sent as written, parameters included, when it is a media type (``type/subtype`` with optional
    ``; name=value`` parameters, RFC 9110) that falls in one of the documented types: a range takes every type of
    it (``image/*``: ``image/png``, type and subtype compared case-insensitively, parameters ignored), ``*/*`` and
    ``application/octet-stream`` take any type, another type only itself. A range given (``image/*``) is no type
    the bytes can have. Anything else is a one-line ``ValueError`` naming ``operation``, the documented types and
    the value (its ``repr``, so a CR or LF shows and is never sent); a value that is not a string a ``TypeError``.
    """
    if given is None:
        default = documented[0]
        return _ANY_BYTES if "*" in _essence(default) else default
    if not isinstance(given, str):
        raise TypeError(f"{operation}: {argument} must be a media type string or None, not {type(given).__name__}")
    if not _MEDIA_TYPE.fullmatch(given):
        raise ValueError(
            f"{operation}: {argument}={given!r:.120} is not a media type (type/subtype, optionally followed by "
            "; name=value parameters)"
        )
    essence = _essence(given)
    listed = ", ".join(" ".join(d.split()) for d in documented)
    if "*" in essence.split("/"):
        raise ValueError(
            f"{operation}: {argument}={given!r} is a range, not a type within the documented {listed:.200}"
        )
    if not any(_within(essence, d) for d in documented):
        raise ValueError(f"{operation}: {argument}={given!r} is not within the documented {listed:.200}")
    return given
