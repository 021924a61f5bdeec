"""Which documented media types a generated method offers its caller for one request body (``content_type=``).

An operation may document its body in several media types, and the server needs a specific one: Kubernetes takes
every PATCH as ``application/json-patch+json``, ``application/merge-patch+json`` or
``application/strategic-merge-patch+json`` and tells them apart by the ``Content-Type`` alone. The generator keeps
one method per kind of body (JSON takes the model, text a string, binary bytes, form fields a mapping or their
model; ``ir._media_choices`` picks each kind's default, the type sent before this choice existed), and the method
takes a ``content_type`` keyword listing every documented type of its kind when there are several.

A type is offered only where sending the method's body as it is would be what the document describes: it must be a
media type a header can carry (doc text never becomes a header unchecked), and a JSON type must document the same
schema as the default (the body is the default's model; a vendor type of another shape would be sent a body of the
wrong shape). A multipart type that differs from one offered only by its parameters is no other choice: the
runtime sends httpx's Content-Type, with the boundary it made for the request (a boundary a spec wrote is never
sent). Each one left out is a warning naming its pointer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from scraper.json_pointer import pointer_token

__all__ = ["offered_media_types"]

_TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
#: ``type/subtype`` with optional ``; name=value`` parameters (RFC 9110 "Media Type"); no control characters.
_HEADER_MEDIA = re.compile(rf'{_TOKEN}/{_TOKEN}(?:[ \t]*;[ \t]*{_TOKEN}=(?:{_TOKEN}|"[^"\\\x00-\x1f\x7f]*"))*')


def _essence(media: str) -> str:
    """``multipart/form-data`` of ``multipart/form-data; boundary=x``: the type without its parameters."""
    return media.split(";", 1)[0].strip().lower()


def offered_media_types(
    content: Mapping[str, Any],
    default: str,
    kind_of: Callable[[str], str],
    where: str,
    warn: Callable[[str], None],
) -> list[str]:
    """The media types of ``content`` (a Request Body Object's) a method whose body is sent as ``default`` may
    also send: ``default`` first, then the others of its kind (``kind_of``: json, form, multipart, text, binary) in
    document order. A JSON type whose schema differs from the default's is left out (raw kinds send the caller's
    content whatever the schema says). ``where`` is the operation's JSON pointer."""
    kind = kind_of(default)
    offered = [default]
    default_media = content.get(default)
    default_schema = default_media.get("schema") if isinstance(default_media, Mapping) else None
    for media in content:
        if not isinstance(media, str) or media == default or kind_of(media) != kind:
            continue
        at = f"{where}/requestBody/content/{pointer_token(media)}"
        if not _HEADER_MEDIA.fullmatch(media):
            warn(f"{at}: {media!r:.80} is not a media type a header can carry; not offered as a content_type")
            continue
        same = next((o for o in offered if kind == "multipart" and _essence(o) == _essence(media)), None)
        if same is not None:
            warn(
                f"{at}: the same multipart type as {same} (a multipart body's parameters, its boundary above all, "
                "are what httpx writes for each request); not offered as a content_type"
            )
            continue
        entry = content[media]
        schema = entry.get("schema") if isinstance(entry, Mapping) else None
        if kind == "json" and schema != default_schema:
            warn(
                f"{at}: documents another schema than {default}, whose model the method takes; not offered as a "
                "content_type"
            )
            continue
        offered.append(media)
    return offered
