"""The JSON Schema keywords a document uses that the generated models do not check, one warning per kind.

The models are pydantic classes written by datamodel-code-generator: types, formats, bounds, patterns, enums,
unions. Conditional and relational keywords (``if``/``then``/``else``, ``not``, ``contains``, ``propertyNames``,
``dependentSchemas``, ...) have no such form, so a value they reject is accepted in a response and sent in a request.
That is the client's honest behaviour, but never a silent one: each kind is reported once per document, at the
first schema using it (a JSON pointer) with the number of schemas that do, so a document that repeats one
keyword in every schema gives one line, not hundreds.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from scraper.json_pointer import json_pointer

__all__ = ["unchecked_keyword_warnings"]

#: The kinds reported, in this order within one schema: each kind's name in the warning and its keywords.
_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("if/then/else", ("if", "then", "else")),
    ("not", ("not",)),
    ("contains", ("contains", "minContains", "maxContains")),
    ("propertyNames", ("propertyNames",)),
    ("dependentSchemas", ("dependentSchemas",)),
    ("dependentRequired", ("dependentRequired", "dependencies")),
    ("unevaluatedProperties", ("unevaluatedProperties",)),
    ("unevaluatedItems", ("unevaluatedItems",)),
    ("$dynamicRef", ("$dynamicRef", "$recursiveRef")),
)
#: Keywords a boolean value of which is the models' own policy: they keep unknown keys (``extra="allow"``), as for
#: ``additionalProperties: false``, which is not reported either.
_POLICY_KEYWORDS = frozenset({"unevaluatedProperties", "unevaluatedItems"})

#: Where a schema holds subschemas: one, a list of them, or a map of names to them.
_ONE = frozenset(
    {"items", "additionalProperties", "not", "contains", "propertyNames", "additionalItems", "if", "then", "else"}
)
_ONE |= {"unevaluatedProperties", "unevaluatedItems"}
_LIST = frozenset({"allOf", "anyOf", "oneOf", "prefixItems", "items"})
_MAP = frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"})

#: How deep the walk goes (deeper is no real document; the spec reader bounds depth already).
_MAX_DEPTH = 64

Path = tuple[str | int, ...]


def unchecked_keyword_warnings(doc: Mapping[str, Any]) -> list[str]:
    """``pointer: what`` per keyword kind of :data:`_KINDS` that a schema of ``doc`` uses, in the order their first
    uses appear in the document."""
    found: dict[str, list[Path]] = {}
    for path, schema in _schemas(doc, (), 0):
        for kind, keywords in _KINDS:
            if any(_constrains(k, schema[k]) and not _keys_typed(k, schema) for k in keywords if k in schema):
                found.setdefault(kind, []).append(path)
    messages = []
    for kind, places in found.items():
        count = len(places)
        uses = f"{count} schemas use it; this is the first" if count > 1 else "1 schema uses it"
        messages.append(
            f"{json_pointer(places[0])}: {kind} is not checked by the generated models ({uses}):"
            " a value it rejects is accepted and sent"
        )
    return messages


def _constrains(keyword: str, value: Any) -> bool:
    """Whether ``keyword: value`` rejects anything: ``true`` and ``{}`` admit every value."""
    if value is True or (isinstance(value, Mapping) and not value):
        return False
    return not (keyword in _POLICY_KEYWORDS and value is False)


def _keys_typed(keyword: str, schema: Mapping[str, Any]) -> bool:
    """Whether the models check ``keyword`` after all: a map's ``propertyNames`` that only lists its keys
    (``{additionalProperties: {...}, propertyNames: {enum: [home, notifications]}}``, Mastodon's markers) is the
    key type ``Literal["home", "notifications"]``, which pydantic checks."""
    names = schema.get(keyword)
    if keyword != "propertyNames" or not isinstance(names, Mapping):
        return False
    values = names.get("enum")
    extra = schema.get("additionalProperties")
    return (
        not set(names) - {"enum", "type", "description", "title"}
        and names.get("type", "string") == "string"
        and isinstance(values, list)
        and bool(values)
        and all(isinstance(value, str) for value in values)
        and isinstance(extra, Mapping)
        and bool(extra)
    )


def _schemas(node: Any, path: Path, depth: int) -> Iterator[tuple[Path, Mapping[str, Any]]]:
    """Every schema of the OpenAPI document part ``node``: the ``schema`` of parameters, headers and media types
    and the members of ``components.schemas``, each with its subschemas. Examples and extensions hold data, not
    schemas, and are skipped."""
    if depth > _MAX_DEPTH:
        return
    if isinstance(node, Mapping):
        for key, value in node.items():
            if not isinstance(key, str) or key in ("example", "examples") or key.startswith("x-"):
                continue
            if key == "schema":
                yield from _schema_tree(value, (*path, key), depth + 1)
            elif key == "schemas" and path == ("components",) and isinstance(value, Mapping):
                for name, schema in value.items():
                    yield from _schema_tree(schema, (*path, key, str(name)), depth + 2)
            else:
                yield from _schemas(value, (*path, key), depth + 1)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _schemas(value, (*path, index), depth + 1)


def _schema_tree(schema: Any, path: Path, depth: int) -> Iterator[tuple[Path, Mapping[str, Any]]]:
    """``schema`` and each of its subschemas, walked only where JSON Schema holds subschemas (a property named
    ``not`` is a name, an ``enum`` member a value)."""
    if depth > _MAX_DEPTH or not isinstance(schema, Mapping):
        return
    yield path, schema
    for key, value in schema.items():
        if key in _LIST and isinstance(value, list):
            for index, sub in enumerate(value):
                yield from _schema_tree(sub, (*path, key, index), depth + 1)
        elif key in _ONE:
            yield from _schema_tree(value, (*path, key), depth + 1)
        elif key in _MAP and isinstance(value, Mapping):
            for name, sub in value.items():
                yield from _schema_tree(sub, (*path, key, str(name)), depth + 2)
