"""JSON pointers (RFC 6901) for the locations in messages: ``("paths", "/a/{b}", "get")`` -> ``/paths/~1a~1{b}/get``.

Every message that names a place in a JSON or YAML document (a spec given to ``generate`` or ``diff``, an example in
a page) builds the pointer here, so that a key holding ``/`` or ``~`` is escaped (``~1``, ``~0``) and the pointer can
be followed back into the document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["follow_tokens", "json_pointer", "pointer_token", "unescape_token"]


def pointer_token(part: object) -> str:
    """One reference token: ``~`` -> ``~0``, ``/`` -> ``~1`` (in that order, as RFC 6901 section 3 says)."""
    return str(part).replace("~", "~0").replace("/", "~1")


def json_pointer(parts: Iterable[object]) -> str:
    """The pointer to ``parts`` (keys and list indexes from the document's root); ``""`` is the whole document."""
    return "".join("/" + pointer_token(part) for part in parts)


def unescape_token(token: str) -> str:
    """A reference token read back: ``~1`` -> ``/``, ``~0`` -> ``~`` (in that order, RFC 6901 section 4)."""
    return token.replace("~1", "/").replace("~0", "~")


def follow_tokens(root: Any, tokens: Iterable[str]) -> Any:
    """The value ``tokens`` (already unescaped) lead to from ``root``: a mapping's key, or a list's index written in
    digits; raises ``LookupError`` when one of them leads nowhere."""
    node = root
    for token in tokens:
        if isinstance(node, Mapping) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise LookupError(token)
    return node
