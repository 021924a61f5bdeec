"""Class names that cannot collide: inline schemas that datamodel-code-generator would name like a component.

datamodel-code-generator names an inline enum or object after its property (``role`` -> ``Role``) and, when that
name is already a class, renames whichever of the two it meets second. When the inline one wins, the component
becomes ``Role1`` and the client, which refers to the component by its name, would parse responses into the enum.
So before generation every inline schema whose derived name clashes with a component class, a name the models
module imports, or a builtin is hoisted into a component of its own, named ``<Parent><Property>``; the derived
names datamodel-code-generator still picks for the others can then never take a component's name.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Callable, Iterable
from typing import Any

from scraper.clients import naming

__all__ = ["hoist_colliding_inline"]

_COMPOSITION = ("allOf", "anyOf", "oneOf")


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


#: Keywords that make datamodel-code-generator turn an array's scalar item into a root model of its own (the
#: constraint cannot stand inside ``list[...]``): Stripe's ``prices: {items: {type: string, maxLength: 5000}}``.
_ITEM_CONSTRAINTS = frozenset({
    "maxLength", "minLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
})  # fmt: skip


def _becomes_class(schema: Any, item: bool = False) -> bool:
    """Whether datamodel-code-generator turns this inline schema (an array's item when ``item``) into a class of
    its own."""
    if not isinstance(schema, dict) or "$ref" in schema:
        return False
    if item and not _ITEM_CONSTRAINTS.isdisjoint(schema):
        return True
    return bool(schema.get("enum")) or bool(schema.get("properties")) or any(k in schema for k in _COMPOSITION)


def hoist_colliding_inline(
    schemas: dict[str, Any], reserved: Iterable[str], singular: Callable[[str], str] | None = None
) -> None:
    """Rewrite ``schemas`` (class name -> schema, models' ``$ref`` form) in place, hoisting the colliding inline
    schemas (see the module docstring). Deterministic: classes and properties are visited in order.

    ``singular`` is datamodel-code-generator's own ``get_singular_name``: it names an inline array item after the
    singular of its property (``projects`` -> ``Project``, which may be a component). The models worker passes it
    (it has the generator loaded; ``inflect`` costs seconds to import), so a second pass there catches what the
    first, without it, could not."""
    # class names are PascalCase, so only capitalised builtins (None, True, Exception, ...) can be shadowed
    taken = (
        {_key(n) for n in schemas} | {_key(n) for n in reserved} | {_key(n) for n in dir(builtins) if n[0].isupper()}
    )
    used = set(schemas)
    pending = list(schemas)
    while pending:
        owner = pending.pop(0)
        _visit(schemas, owner, schemas[owner], taken, used, pending, singular)


def _other_class(schemas: dict[str, Any], name: str, schema: Any, taken: set[str]) -> bool:
    """Whether ``name`` is taken by a class other than one of exactly ``schema`` (an inline item identical to the
    component it is named after is given that component's class by the generator: nothing to hoist)."""
    key = _key(name)
    if key not in taken:
        return False
    same = next((schemas[n] for n in schemas if _key(n) == key), None) == schema
    return not same


def _visit(
    schemas: dict[str, Any],
    owner: str,
    schema: Any,
    taken: set[str],
    used: set[str],
    pending: list[str],
    singular: Callable[[str], str] | None,
) -> None:
    if not isinstance(schema, dict):
        return
    properties = schema.get("properties")
    if isinstance(properties, dict):
        for prop, sub in list(properties.items()):
            target, item = (
                (sub.get("items"), True) if isinstance(sub, dict) and sub.get("type") == "array" else (sub, False)
            )
            derived = {naming.pascal_case(str(prop)) + ("Item" if item else ""), naming.pascal_case(str(prop))}
            collides = any(_key(name) in taken for name in derived)
            if item and singular is not None and not collides and str(prop).split():  # inflect fails on no words
                collides = _other_class(schemas, naming.pascal_case(singular(str(prop))), target, taken)
            if _becomes_class(target, item) and collides:
                name = naming.dedupe([owner + (naming.pascal_case(str(prop)) or "Value")], taken=used, sep="")[0]
                used.add(name)
                taken.add(_key(name))
                schemas[name] = target
                ref: dict[str, Any] = {"$ref": f"#/components/schemas/{name}"}
                if isinstance(target, dict) and target.get("nullable") is True:  # OpenAPI 3.0: its place may hold null
                    ref["nullable"] = True
                if item:
                    sub["items"] = ref
                else:
                    properties[prop] = ref
                pending.append(name)
            else:
                _visit(schemas, owner, target, taken, used, pending, singular)
    for key in _COMPOSITION:
        for part in schema.get(key) or []:
            _visit(schemas, owner, part, taken, used, pending, singular)
    if isinstance(schema.get("items"), dict):
        _visit(schemas, owner, schema["items"], taken, used, pending, singular)
