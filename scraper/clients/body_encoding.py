"""The Encoding Object of a form or multipart request body, read into what the runtime's ``encode_body`` takes.

OpenAPI 3.1 ("Encoding Object") says per property how a field of an ``application/x-www-form-urlencoded`` body is
serialised (``style``, ``explode``, as a query parameter would be; ``contentType`` alone: the value as that type)
and which ``Content-Type`` a ``multipart/form-data`` part carries. The spec is untrusted input: only the values the
runtime can send safely are kept (a known style, a boolean explode, a content type that is a header value), every
other one is left out with a warning naming its place, so the default applies there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from scraper.json_pointer import pointer_token

__all__ = ["FORM_STYLES", "body_encoding"]

#: The styles OpenAPI defines for form fields (the query parameter styles).
FORM_STYLES = frozenset({"form", "spaceDelimited", "pipeDelimited", "deepObject"})
#: ``type/subtype`` with parameters, or a comma-separated list of them; no control characters (it becomes a part's
#: header line).
_CONTENT_TYPE = re.compile(r"[\x20-\x7e]{1,200}")


def body_encoding(
    media: Mapping[str, Any], kind: str, where: str, warn: Callable[[str], None]
) -> dict[str, dict[str, Any]]:
    """``{property: {"style"?, "explode"?, "contentType"?}}`` of the media object ``media`` of a ``kind`` ("form"
    or "multipart") body at ``where``; empty when it documents none. ``style``/``explode`` are kept for form bodies
    only (OpenAPI 3.1 ignores them elsewhere)."""
    raw = media.get("encoding")
    if raw is None:
        return {}
    here = f"{where}/encoding"
    if not isinstance(raw, Mapping):
        warn(f"{here}: expected a mapping of property names to Encoding Objects; ignored")
        return {}
    out: dict[str, dict[str, Any]] = {}
    for name, entry in raw.items():
        at = f"{here}/{pointer_token(str(name))}"
        if not isinstance(entry, Mapping):
            warn(f"{at}: expected an Encoding Object (a mapping); ignored")
            continue
        kept: dict[str, Any] = {}
        content_type = entry.get("contentType")
        if content_type is not None:
            if isinstance(content_type, str) and "/" in content_type and _CONTENT_TYPE.fullmatch(content_type):
                kept["contentType"] = content_type
            else:
                warn(f"{at}/contentType: {content_type!r:.80} is not a media type; the default is sent")
        if kind == "form":
            style = entry.get("style")
            if style is not None:
                if style in FORM_STYLES:
                    kept["style"] = style
                else:
                    warn(f"{at}/style: {style!r:.40} is no form field style ({', '.join(sorted(FORM_STYLES))}); form")
            explode = entry.get("explode")
            if explode is not None:
                if isinstance(explode, bool):
                    kept["explode"] = explode
                else:
                    warn(f"{at}/explode: expected true or false, got {explode!r:.40}; the style's default")
            if entry.get("allowReserved") is True:
                warn(f"{at}/allowReserved: not honoured; reserved characters are percent-encoded")
        if kind == "multipart" and entry.get("headers"):
            warn(f"{at}/headers: a part's own headers are not sent")
        if kept:
            out[str(name)] = kept
    return out
