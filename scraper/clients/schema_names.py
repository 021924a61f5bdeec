"""Class names for inline schemas, from where they are: ``<Parent><Property>``, stable under edits elsewhere.

datamodel-code-generator names an inline enum or object after its property (``volume`` -> ``Volume``) and numbers
the ones that derive the same name in the order it meets them (``Volume``, ``Volume1``, ... ``Volume9``): the
names said nothing, a docs change that added such a schema earlier in a spec renumbered every later one (renaming
public classes it never touched), and an inline schema that took a component's name turned the component into
``Role1`` (the client, which refers to components by name, then parsed responses into the enum).

So before generation every inline schema the generator would make a class of is hoisted into a component of its
own, named by its place, as openapi-python-client names them: a property's ``<Parent><Property>``, an array's
element ``...Item``, a map's value ``...Value``, the members of a ``oneOf``/``anyOf`` that become classes
``...Option<n>`` (by their position; a single one takes the name itself). The parent is the class that holds the
schema, so a name depends only on the path from its component, never on what else the document holds. Names come
from :func:`naming.pascal_case` (ASCII letters and digits; a property with none gets ``Value``) after an
identifier, so doc text never becomes code. A name already taken (a component, a name the models module imports, a
capitalised builtin, an earlier hoisted name, compared as datamodel-code-generator does, case and punctuation
folded) gets the first free suffix ``2``, ``3``, ...: components keep their names exactly, and only schemas that
derive the same name from their own places can ever shift one another. The generator is left no inline class to
name (``models.py`` checks what it still numbers).
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Iterable
from typing import Any

from scraper.clients import naming
from scraper.clients.schema_keywords import referenced_members_only

__all__ = ["REFERENCE_KEYWORDS", "RESERVED_CLASSES", "hoist_inline_classes"]

#: Class names the models module imports itself (datamodel-code-generator output) or that shadow builtins in use.
RESERVED_CLASSES = frozenset(
    {
        "Annotated",
        "Any",
        "AnyUrl",
        "AwareDatetime",
        "BaseModel",
        "ConfigDict",
        "Decimal",
        "Enum",
        "Field",
        "IntEnum",
        "Literal",
        "RootModel",
        "StrEnum",
        "UUID",
        "Optional",
        "Union",
    }
)

_COMPOSITION = ("allOf", "anyOf", "oneOf")
_UNIONS = ("anyOf", "oneOf")

#: What stays beside the ``$ref`` that replaces a hoisted schema: what the generator reads from the place of use (a
#: field's description and default, ``nullable`` for an OpenAPI 3.0 place that may hold null), not from the class.
REFERENCE_KEYWORDS = ("description", "default", "deprecated", "readOnly", "writeOnly", "nullable")


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


#: Keywords that make datamodel-code-generator turn an array's item, a map's value or a union's member into a root
#: model of its own (the constraint cannot stand inside ``list[...]``, ``dict[...]`` or beside one branch): Stripe's
#: ``prices: {items: {type: string, maxLength: 5000}}``, OpenAI's ``batch_size: {oneOf: [{enum: [auto]}, {type:
#: integer, minimum: 1}]}``, E2B's ``AdminTeamRunningSandboxCounts: {additionalProperties: {type: integer,
#: minimum: 1}}``.
_ITEM_CONSTRAINTS = frozenset({
    "maxLength", "minLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
    "minItems", "maxItems", "uniqueItems",
})  # fmt: skip


def _becomes_class(schema: Any, item: bool = False) -> bool:
    """Whether datamodel-code-generator turns this inline schema (an array's item or a union's member when
    ``item``) into a class of its own: an enum, an object with properties, a constrained item or member (a root
    model), an ``allOf`` that combines (two references, or a part with properties). ``oneOf``/``anyOf`` are not
    classes themselves (the field's type is the union); their members may be."""
    if not isinstance(schema, dict) or "$ref" in schema:
        return False
    if item and not _ITEM_CONSTRAINTS.isdisjoint(schema):
        return True
    if bool(schema.get("enum")):
        return True
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if bool(schema.get("properties")) and (kind is None or "object" in kinds):  # a string's properties apply to nothing
        return True
    parts = schema.get("allOf")
    if isinstance(parts, list):
        refs = sum(1 for p in parts if isinstance(p, dict) and "$ref" in p)
        return refs >= 2 or any(_becomes_class(p) or (isinstance(p, dict) and "allOf" in p) for p in parts)
    return False


def _bare_object(schema: dict[str, Any]) -> bool:
    """Whether ``schema`` is an object (or says no type) with no properties, parts or members of its own."""
    kind = schema.get("type", "object")
    return kind == "object" and not {"properties", "allOf", "oneOf", "anyOf", "enum", "const", "items"} & set(schema)


def hoist_inline_classes(schemas: dict[str, Any], reserved: Iterable[str]) -> None:
    """Rewrite ``schemas`` (class name -> schema, models' ``$ref`` form) in place, hoisting every inline schema that
    would become a class under its contextual name (see the module docstring). Deterministic: classes, then their
    properties, are visited in order; hoisted classes are appended after the components, in the order met.
    Idempotent: a second pass finds nothing inline left to hoist."""
    # class names are PascalCase, so only capitalised builtins (None, True, Exception, ...) can be shadowed
    taken = (
        {_key(n) for n in schemas} | {_key(n) for n in reserved} | {_key(n) for n in dir(builtins) if n[0].isupper()}
    )
    pending = list(schemas)
    while pending:
        owner = pending.pop(0)
        _Hoister(schemas, taken, pending).visit_class(owner, schemas[owner])


def _member_places(schema: dict[str, Any], name: str) -> list[tuple[list[Any], int, str]]:
    """``(members, index, place name)`` of each union member of ``schema`` that may become a class (a mapping, not
    the ``null`` type): ``<name>Option<n>`` by its position, or ``name`` itself when it is the only one."""
    found: list[tuple[list[Any], int, str]] = []
    for key in _UNIONS:
        members = schema.get(key)
        if not isinstance(members, list):
            continue
        named = [i for i, m in enumerate(members) if isinstance(m, dict) and m.get("type") != "null"]
        found.extend((members, i, name + (f"Option{i + 1}" if len(named) > 1 else "")) for i in named)
    return found


class _Hoister:
    """One class's walk: hoists what its schema holds inline, queueing each new class for its own walk."""

    def __init__(self, schemas: dict[str, Any], taken: set[str], pending: list[str]) -> None:
        self.schemas = schemas
        self.taken = taken
        self.pending = pending

    def visit_class(self, name: str, schema: Any) -> None:
        """The schema of class ``name``: its properties are named after it, its ``allOf`` parts' too (the
        generator merges them into the class), its own union members, items and map values after it."""
        if not isinstance(schema, dict):
            return
        properties = schema.get("properties")
        if isinstance(properties, dict):
            for prop, sub in list(properties.items()):
                place = name + (naming.pascal_case(str(prop)) or "Value")
                properties[prop] = self.place(sub, place)
        for part in schema.get("allOf") or []:
            if isinstance(part, dict) and "$ref" not in part:
                self.bare_object_members(part, name)
                self.visit_class(name, part)
        self.contents(schema, name)

    def bare_object_members(self, part: dict[str, Any], name: str) -> None:
        """Hoist the members of an ``allOf`` part's union that are objects with no properties of their own.

        The generator combines each member of such a union with the other parts into a class of its own and keeps
        only the members that are classes: a member saying "none of these fields" (``{type: object, not: {required:
        [password]}}``, WorkOS's ``CreateUserlandUserDto``, whose other members each require a password or a hash)
        was dropped, so the body with the common fields alone, the documented example, matched no member. As a
        class (no fields, other keys allowed) it is kept, as ``<Name>Option<n>`` like every member."""
        for members, index, place in _member_places(part, name):
            member = members[index]
            if "$ref" in member or _becomes_class(member, item=True) or not _bare_object(member):
                continue
            members[index] = self.hoist({**member, "type": "object"}, place)

    def place(self, schema: Any, name: str, item: bool = False) -> Any:
        """What stands at a place named ``name``: a reference to a new class when ``schema`` becomes one, else
        ``schema`` with its own contents hoisted."""
        if _becomes_class(schema, item):
            return self.hoist(schema, name)
        if isinstance(schema, dict) and "$ref" not in schema:
            self.contents(schema, name)
        return schema

    def contents(self, schema: dict[str, Any], name: str) -> None:
        """The places inside a schema that is no class of its own (or the class ``name``'s own): union members,
        array items, map values."""
        if "discriminator" in schema and not referenced_members_only(schema):
            # dropped as the models would drop it (an inline member has no tag to be implied), before hoisting
            # makes the members references the generator would give their class names as tags
            del schema["discriminator"]
        for members, index, place in _member_places(schema, name):
            members[index] = self.place(members[index], place, item=True)
        if isinstance(schema.get("items"), dict):
            schema["items"] = self.place(schema["items"], name + "Item", item=True)
        if isinstance(schema.get("additionalProperties"), dict):
            # a constrained value is a root model of its own, as an array's constrained item is
            schema["additionalProperties"] = self.place(schema["additionalProperties"], name + "Value", item=True)

    def hoist(self, schema: dict[str, Any], name: str) -> dict[str, Any]:
        """Make ``schema`` the class ``name`` (or the first free ``name<n>``); the reference that replaces it."""
        candidate, number = name, 1
        while _key(candidate) in self.taken:
            number += 1
            candidate = f"{name}{number}"
        self.taken.add(_key(candidate))
        self.schemas[candidate] = schema
        self.pending.append(candidate)
        ref: dict[str, Any] = {"$ref": f"#/components/schemas/{candidate}"}
        ref.update((key, schema[key]) for key in REFERENCE_KEYWORDS if key in schema)
        return ref
