"""What a method returns when its response's class is a root model: the value, typed as the model's ``root`` is.

A 2xx response whose schema is not an object (an array, a map, a union, a scalar, an enum, a reference to another
class) is a pydantic ``RootModel`` in the models module; the method validates the body with it, as before, and
returns its ``root`` (``list[_models.Pet]``, not ``ListPetsResponse`` and a ``.root`` for the user to write), as
openapi-python-client and Stainless do. The root model classes stay in the models module.

Decided here, from the schema datamodel-code-generator is given (hoisted by ``schema_names``, OpenAPI 3.0's
``nullable`` as the null type), never from the generated code: the clients are rendered while the models still
are. The annotation must be the type the generator gives ``root`` or wider where mypy allows it: ``list`` and
``dict`` are invariant, so inside them a part is either exactly the generator's type or ``Any``; whatever this
module is unsure of is ``Any`` (``tests/clients/test_response_values.py`` holds the two to each other shape by shape).
A discriminated union inside a list or a map is the union of its members at any depth: the models hold it as
``Annotated[A | B, Field(discriminator=...)]`` there (``discriminated_wrappers``), never the generator's wrapper.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scraper.clients.refs import component_name
from scraper.clients.render import py_literal
from scraper.clients.schema_keywords import nullable_as_null_type, nullable_component_names, referenced_union

__all__ = ["list_items", "nullable_components", "response_value"]

#: Keywords that make the generator write a ``BaseModel`` (or an ``Enum``) for a schema, not a root model.
_CLASS_KEYWORDS = frozenset({"properties", "allOf", "enum"})
#: JSON types whose schemas the generator writes as a root model of a Python type.
_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}
#: Formats the generator gives a Python type other than the JSON type's (``models._STRING_FORMATS`` and the
#: numeric date mappings keep every other one the plain type).
_TYPED_FORMATS = {("string", "binary"): "bytes"}
#: Formats of numbers the generator maps to the plain type; any other format of a number may be ``Decimal`` etc.
_NUMBER_FORMATS = {
    "integer": frozenset({"int32", "int64", "date-time", "date", "time"}),
    "number": frozenset({"float", "double", "date-time", "date", "time"}),
}
#: Nesting beyond which a part is ``Any`` (the models' own depth limits are far below what a response nests).
_MAX_DEPTH = 12


def response_value(schemas: Mapping[str, Any], model: str, *, nullable: frozenset[str] | None) -> str | None:
    """The return annotation of a method whose response class is ``model`` when that class is a root model
    (``list[_models.Pet]``, ``_models.Cat | _models.Dog``, ``int``); None when it is a ``BaseModel`` (an object)
    or an ``Enum``, which the method returns itself. ``nullable``: for an OpenAPI 3.0 document, its nullable
    components (:func:`nullable_components`; its ``nullable`` is then read as the null type), else None."""
    schema = _root_schema(schemas, model, nullable=nullable)
    if schema is None:
        return None
    return _annotation(schema, top=model, parents=_dispatched_parents(schemas))


def _root_schema(
    schemas: Mapping[str, Any], model: str, *, nullable: frozenset[str] | None
) -> Mapping[str, Any] | None:
    """``model``'s schema as the generator reads it, when it writes a root model for it; else None."""
    schema = schemas.get(model)
    if not isinstance(schema, Mapping):
        return None
    if nullable is not None:
        schema = nullable_as_null_type(schema, nullable_components=nullable)
    schema = referenced_union(schemas, schema)  # ``allOf`` of one union or enum: a reference, as the models read it
    return schema if _is_root_model(schema) else None


def _dispatched_parents(schemas: Mapping[str, Any]) -> frozenset[str]:
    """Components the generator may replace by the union of their children where an item or a map value refers to
    them: a ``discriminator`` without ``oneOf``/``anyOf``, and components extending it through ``allOf``. It does
    so for some references and not others (opto22's ``list[tagValue]`` became ``list[BooleanValue | ...]``, Okta's
    ``list[UserFactor]`` stayed), and ``list``/``dict`` are invariant, so such a part is ``Any``."""
    extended = {
        component_name(part["$ref"])
        for child in schemas.values()
        if isinstance(child, Mapping) and isinstance(child.get("allOf"), list)
        for part in child["allOf"]
        if isinstance(part, Mapping) and isinstance(part.get("$ref"), str)
    }
    return frozenset(
        name
        for name, schema in schemas.items()
        if name in extended
        and isinstance(schema, Mapping)
        and isinstance(schema.get("discriminator"), Mapping)
        and not ({"oneOf", "anyOf"} & set(schema))
    )


def nullable_components(schemas: Mapping[str, Any], *, openapi: str) -> frozenset[str] | None:
    """What :func:`response_value` takes as ``nullable`` for the version's ``schemas`` (once per version: a 3.0
    document's nullable components, else None)."""
    return nullable_component_names(schemas) if openapi.startswith("3.0") else None


def list_items(annotation: str | None) -> str | None:
    """The element annotation of a returned list (``list[X]``, or ``list[X] | None``: a null page has no items),
    else None: what a listing's iterator yields when its page is the body itself."""
    members = [m for m in _members(annotation) if m != "None"] if annotation else []
    if len(members) == 1 and members[0].startswith("list[") and members[0].endswith("]"):
        return members[0][len("list[") : -1]
    return None


def _types(schema: Mapping[str, Any]) -> list[str]:
    kinds = schema.get("type")
    if isinstance(kinds, str):
        return [kinds]
    return [k for k in kinds if isinstance(k, str)] if isinstance(kinds, list) else []


def _is_root_model(schema: Mapping[str, Any]) -> bool:
    """Whether the generator writes ``schema`` (a component's) as a ``RootModel``: a reference (an alias, an enum
    wrapped for a body), an array, a map, a ``oneOf``/``anyOf``, a scalar, a ``const``, or a schema of no type at
    all (``RootModel[Any]``). An object with properties, an ``allOf`` or an enum is a class of its own; so is a bare
    ``{type: object}``, with or without ``additionalProperties: true|false``."""
    if _CLASS_KEYWORDS & set(schema):
        return False
    if "$ref" in schema or "oneOf" in schema or "anyOf" in schema or "const" in schema:
        return True
    kinds = _types(schema)
    if "object" in kinds:
        extra = schema.get("additionalProperties")
        return isinstance(extra, Mapping) or isinstance(schema.get("patternProperties"), Mapping)
    if kinds:
        return True
    return "items" not in schema  # no type: ``Any`` (an ``items`` alone the generator may read as an array)


def _annotation(
    schema: Any, *, top: str = "", depth: int = 0, parents: frozenset[str] = frozenset(), contained: bool = False
) -> str:
    """The generator's Python type for ``schema``, with classes as ``_models.<Class>``; ``Any`` where unsure. ``top``:
    the class whose own schema this is (the response's root model), "" for a part of it; ``parents``: the
    components a contained reference may be dispatched from (:func:`_dispatched_parents`); ``contained``: whether
    ``schema`` is an item or a map value (there the annotation must be exactly the generator's)."""
    if depth > _MAX_DEPTH or not isinstance(schema, Mapping):
        return "Any"
    if "$ref" in schema:
        name = component_name(schema["$ref"])
        if name is None or (contained and name in parents):
            return "Any"
        # (OpenAPI 3.0: a reference to a nullable component as an item or a map value is already a union with null,
        # ``nullable_as_null_type``; as a union's member it is not, as the models read it)
        return f"_models.{name}"
    if (_CLASS_KEYWORDS & set(schema)) and not top:
        return "Any"  # a class the hoisting left inline (it names every one it makes): not ours to name
    # both keywords: the generator's union is ``anyOf``'s (ElevenLabs' ``speech_to_text``), so not ``oneOf``'s
    options = [o for key in ("anyOf", "oneOf") if isinstance(schema.get(key), list) for o in schema[key]]
    if options:
        parts = _unique(_annotation(o, depth=depth + 1, parents=parents, contained=contained) for o in options)
        return "Any" if "Any" in parts else " | ".join(parts)
    if "const" in schema:
        value = schema["const"]
        return f"Literal[{py_literal(value)}]" if isinstance(value, str | bool | int) else "Any"
    kinds = _types(schema)
    if not kinds:
        return "Any"
    parts = [_typed(schema, kind, kinds, top, depth, parents) for kind in kinds]
    return "Any" if "Any" in parts else " | ".join(_unique(parts))


def _typed(
    schema: Mapping[str, Any], kind: str, kinds: list[str], top: str, depth: int, parents: frozenset[str]
) -> str:
    """The type of one of ``schema``'s JSON types ``kind`` (``top``, ``parents``: as for :func:`_annotation`)."""
    if kind == "array":
        items = schema.get("items")
        if "prefixItems" in schema or not isinstance(items, Mapping):
            return "list[Any]"
        if top and "$ref" in items and component_name(items["$ref"]) == top:
            return "list[Any]"  # an array of itself: the generator writes ``RootModel[list]`` (models._bare_generics)
        return f"list[{_annotation(schema['items'], depth=depth + 1, parents=parents, contained=True)}]"
    if kind == "object":
        extra = schema.get("additionalProperties")
        if kinds != ["object"] or not isinstance(extra, Mapping) or not extra:
            return "dict[str, Any]"  # with null beside it the generator drops the values' type (measured)
        keys = _map_keys(schema)
        if keys is None:
            return "Any"
        return f"dict[{keys}, {_annotation(extra, depth=depth + 1, parents=parents, contained=True)}]"
    fmt = schema.get("format")
    if not isinstance(fmt, str):
        return _SCALARS.get(kind, "Any")
    if (kind, fmt) in _TYPED_FORMATS:
        return _TYPED_FORMATS[(kind, fmt)]
    if kind in _NUMBER_FORMATS and fmt not in _NUMBER_FORMATS[kind]:
        return "Any"  # ``decimal``: ``Decimal``, which the client module does not import
    return _SCALARS.get(kind, "Any")


def _map_keys(schema: Mapping[str, Any]) -> str | None:
    """A map's key type as the generator writes it: ``str``, or for ``propertyNames`` listing its keys
    (Mastodon's markers: ``{additionalProperties: Marker, propertyNames: {enum: [home, notifications]}}``)
    ``Literal["home", "notifications"]``, which ``dict``'s invariant key refuses as ``str``; None (``Any``) for
    ``propertyNames`` of another shape, whose key type is not read here."""
    names = schema.get("propertyNames")
    if names is None:
        return "str"
    if not isinstance(names, Mapping) or set(names) - {"enum", "type", "description", "title"}:
        return None
    values = names.get("enum")
    if not isinstance(values, list) or not values:
        return None
    if not all(isinstance(value, str) for value in values):
        return None
    return "Literal[" + ", ".join(py_literal(value) for value in dict.fromkeys(values)) + "]"


def _unique(parts: Any) -> list[str]:
    """The union members of ``parts`` (each an annotation, perhaps a union itself), each once, in order."""
    out: list[str] = []
    for part in parts:
        for piece in _members(part):
            if piece not in out:
                out.append(piece)
    return out


def _members(annotation: str) -> list[str]:
    """``annotation`` split at its top-level ``|`` (not one inside brackets or a ``Literal``'s quoted value)."""
    members, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(annotation):
        if quote:
            quote = "" if char == quote and annotation[index - 1] != "\\" else quote
        elif char in "'\"":
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == "|" and depth == 0:
            members.append(annotation[start:index].strip())
            start = index + 1
    members.append(annotation[start:].strip())
    return members
