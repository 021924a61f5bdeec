"""A scalar schema with its own ``enum`` (or ``const``) whose ``allOf`` parts are all scalar: its own values decide.

Discord's 3.1 document writes a union member's tag as ``{type: integer, enum: [3], allOf: [{$ref: WebhookTypes}]}``
(``WebhookTypes``: an integer ``oneOf`` of ``const`` values). datamodel-code-generator reads any ``allOf`` as
object inheritance and made the field an empty model class, so no value parsed (146 of Discord's 735 contract
tests failed). A valid value satisfies the own ``enum`` and every part; when every part is a scalar schema (a
``type`` that is no object or array, an ``enum``, a ``const``, a ``oneOf``/``anyOf`` of those), the own values,
less those a part refuses, are exactly the valid ones, so the ``allOf`` is left out. Each value a part refuses is
a warning (the document contradicts itself there); with no value left the schema is kept as written.
"""

from __future__ import annotations

from typing import Any

from scraper.clients import refs
from scraper.json_nodes import holds_schemas, located_objects
from scraper.json_pointer import json_pointer

__all__ = ["scalar_all_of_in_document"]

_SCALAR_TYPES = frozenset({"string", "integer", "number", "boolean", "null"})
_STRUCTURE_KEYS = frozenset(
    {"properties", "items", "additionalProperties", "allOf", "prefixItems", "patternProperties"}
)


def _target(doc: dict[str, Any], part: Any) -> dict[str, Any] | None:
    try:
        target = refs.follow(doc, part)
    except refs.RefError:
        return None
    return target if isinstance(target, dict) else None


def _is_scalar(doc: dict[str, Any], part: Any, depth: int = 0) -> bool:
    """Whether ``part`` only says which scalar values are valid (see the module docstring)."""
    target = _target(doc, part)
    if target is None or depth > 8 or _STRUCTURE_KEYS & set(target):
        return False
    kind = target.get("type")
    kinds = set(kind) if isinstance(kind, list) else {kind} if kind is not None else set()
    if kinds and not kinds <= _SCALAR_TYPES:
        return False
    options = [o for key in ("oneOf", "anyOf") for o in target.get(key) or []]
    if options and not all(_is_scalar(doc, o, depth + 1) for o in options):
        return False
    return bool(kinds) or "enum" in target or "const" in target or bool(options)


def _type_admits(kind: Any, value: Any) -> bool:
    kinds = set(kind) if isinstance(kind, list) else {kind}
    checks = {
        "string": isinstance(value, str),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, int | float) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
        "null": value is None,
    }
    return any(checks.get(str(k), True) for k in kinds)


def _admits(doc: dict[str, Any], part: Any, value: Any, depth: int = 0) -> bool:
    """Whether the scalar ``part`` accepts ``value`` (for what it says about values: type, enum, const, options)."""
    target = _target(doc, part) or {}
    if "type" in target and not _type_admits(target["type"], value):
        return False
    if isinstance(target.get("enum"), list) and value not in target["enum"]:
        return False
    if "const" in target and value != target["const"]:
        return False
    for key in ("oneOf", "anyOf"):
        options = target.get(key)
        if (
            isinstance(options, list)
            and options
            and depth < 8
            and not any(_admits(doc, o, value, depth + 1) for o in options)
        ):
            return False
    return True


def scalar_all_of_in_document(doc: dict[str, Any]) -> list[str]:
    """Rewrite, in place, every schema of ``doc`` with its own ``enum``/``const`` and only scalar ``allOf`` parts
    (see the module docstring); a warning (``pointer: what``) per value a part refuses."""
    warnings: list[str] = []
    for node, where in located_objects(doc, holds_schemas):
        parts = node.get("allOf")
        own = node["enum"] if isinstance(node.get("enum"), list) else [node["const"]] if "const" in node else None
        if isinstance(parts, list) and parts and own and all(_is_scalar(doc, p) for p in parts):
            kept = [v for v in own if all(_admits(doc, p, v) for p in parts)]
            refused = [v for v in own if v not in kept]
            if kept:
                for value in refused:
                    warnings.append(
                        f"{json_pointer(where)}: {value!r} is in its own values but not in what its allOf allows;"
                        " left out"
                    )
                if "enum" in node:
                    node["enum"] = kept
                del node["allOf"]
    return warnings
