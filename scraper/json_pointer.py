"""JSON pointers (RFC 6901) for the locations in messages: ``("paths", "/a/{b}", "get")`` -> ``/paths/~1a~1{b}/get``.

Every message that names a place in a JSON or YAML document (a spec given to ``generate`` or ``diff``, an example in
a page) builds the pointer here, so that a key holding ``/`` or ``~`` is escaped (``~1``, ``~0``) and the pointer can
be followed back into the document.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["json_pointer", "pointer_token"]


def pointer_token(part: object) -> str:
    """One reference token: ``~`` -> ``~0``, ``/`` -> ``~1`` (in that order, as RFC 6901 section 3 says)."""
    return str(part).replace("~", "~0").replace("/", "~1")


def json_pointer(parts: Iterable[object]) -> str:
    """The pointer to ``parts`` (keys and list indexes from the document's root); ``""`` is the whole document."""
    return "".join("/" + pointer_token(part) for part in parts)
