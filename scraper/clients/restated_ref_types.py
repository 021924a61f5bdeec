"""A ``type`` beside a ``$ref`` that only restates the target's type is left out, so the reference stays one.

OpenAPI 3.1 documents generated from code write ``{type: [string], $ref: EventType}``; datamodel-code-generator
reads a ``$ref`` with such a sibling as a new schema and copies the target into a class named after the field
(``events`` -> ``Event``), which can take a component's name (exa's websets spec: the enum copy replaced the
component ``Event``, a union of 17 events, so the response model was an enum) and otherwise gives the user a copy
(``Kind``) where the document meant ``EventType``. A ``type`` naming exactly the target's types (its ``type``; an
``enum`` of strings is a string, ``properties`` an object) says nothing the reference does not: it is dropped. One
that says more (``[string, 'null']``) or something else is kept as written.
"""

from __future__ import annotations

from typing import Any

from scraper.clients import refs
from scraper.json_nodes import objects

__all__ = ["restated_types_beside_refs"]

_DATA_KEYS = frozenset({"example", "examples", "default", "enum", "const"})


def _types(schema: Any) -> frozenset[str] | None:
    """The types a schema says its values have, or None when it does not say."""
    if not isinstance(schema, dict):
        return None
    kind = schema.get("type")
    if isinstance(kind, str):
        return frozenset({kind})
    if isinstance(kind, list) and kind and all(isinstance(k, str) for k in kind):
        return frozenset(kind)
    enum = schema.get("enum")
    if isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum):
        return frozenset({"string"})
    if isinstance(schema.get("properties"), dict):
        return frozenset({"object"})
    return None


def restated_types_beside_refs(doc: dict[str, Any]) -> int:
    """Drop, in place, every ``type`` beside a local ``$ref`` that names exactly its target's types (see the module
    docstring); returns how many were dropped."""
    count = 0
    for node in objects(doc, lambda key: isinstance(key, str) and key not in _DATA_KEYS and not key.startswith("x-")):
        ref = node.get("$ref")
        if not isinstance(ref, str) or not ref.startswith("#") or "type" not in node:
            continue
        try:
            target = refs.follow(doc, {"$ref": ref})
        except refs.RefError:
            continue
        written = _types({"type": node["type"]})
        if written is not None and written == _types(target):
            del node["type"]
            count += 1
    return count
