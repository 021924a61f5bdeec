"""The JSON Schema keywords a spec may hand to datamodel-code-generator; everything else is dropped first.

datamodel-code-generator honours extension keywords that change the code it writes: ``customTypePath``,
``customBasePath``, ``x-python-type``, ``x-python-import`` and more make ``models.py`` import and subclass any
installed module, and a non-local ``$ref`` makes it read a file or fetch a URL while generating. A spec is
untrusted input, so the schemas are rebuilt from an allowlist of standard validation and annotation keywords
(walking only the positions that hold subschemas), and ``$ref`` is kept only when it points inside the document.
A ``description`` written in HTML is kept as the plain text a browser shows (:mod:`html_text`, as the docstrings
get it): the generator writes it into ``Field(description=...)``, where tags are noise.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from scraper.clients import open_enums
from scraper.clients.html_text import plain_text
from scraper.clients.refs import component_name
from scraper.schema_patterns import pattern_problem

__all__ = [
    "fitting_values",
    "honoured_schema",
    "honoured_schemas",
    "null_types_in_document",
    "nullable_as_null_type",
    "nullable_component_names",
    "objects_typed",
    "referenced_members_only",
    "referenced_union",
]

#: Keywords whose value is data (copied as is).
_VALUE_KEYWORDS = frozenset(
    {
        "type",
        "format",
        "title",
        "description",
        "default",
        "example",
        "examples",
        "enum",
        "const",
        "required",
        "nullable",
        "readOnly",
        "writeOnly",
        "deprecated",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minProperties",
        "maxProperties",
    }
)
#: Types whose values are never objects nor arrays, and the keywords that only constrain objects or arrays.
_SCALAR_TYPES = frozenset({"string", "integer", "number", "boolean"})
_OBJECT_KEYWORDS = ("properties", "required", "additionalProperties", "patternProperties", "propertyNames")
_ARRAY_KEYWORDS = ("items", "prefixItems", "additionalItems", "contains", "minItems", "maxItems", "uniqueItems")
#: Keywords whose value is one subschema (or a boolean schema).
_SCHEMA_KEYWORDS = frozenset(
    {"items", "additionalProperties", "not", "contains", "propertyNames", "additionalItems", "if", "then", "else"}
)
#: Keywords whose value is a list of subschemas.
_SCHEMA_LIST_KEYWORDS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
#: Keywords whose value maps names to subschemas.
_SCHEMA_MAP_KEYWORDS = frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"})


#: mypy's integer Literals stay strictly inside the 64-bit signed range (its parser reads the minus apart)
_LITERAL_INT_BOUND = 2**63


def honoured_schema(schema: Any) -> Any:
    """``schema`` with only the allowlisted keywords, recursively; non-local ``$ref`` becomes an empty schema."""
    if isinstance(schema, bool):
        return schema
    if not isinstance(schema, Mapping):
        return {}
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "$ref":
            if isinstance(value, str) and value.startswith("#/"):
                out[key] = value
        elif key == "pattern":
            if isinstance(value, str) and pattern_problem(value) is None:
                out[key] = value  # a pattern that does not compile would fail in the client at first use
        elif key == "description" and isinstance(value, str):
            out[key] = plain_text(value)  # a description written in HTML (AWS's): the model's field says it as text
        elif key in _VALUE_KEYWORDS:
            if _value_fits(key, value):
                out[key] = value
        elif key == "discriminator" and isinstance(value, Mapping) and isinstance(value.get("propertyName"), str):
            out[key] = _discriminator(value)  # without its required propertyName: none (the generator's own error)
        elif key in _SCHEMA_KEYWORDS:
            out[key] = [honoured_schema(v) for v in value] if isinstance(value, list) else honoured_schema(value)
        elif key in _SCHEMA_LIST_KEYWORDS and isinstance(value, list):
            out[key] = [honoured_schema(v) for v in value]
        elif key in _SCHEMA_MAP_KEYWORDS and isinstance(value, Mapping):
            out[key] = {str(name): honoured_schema(v) for name, v in value.items()}
    if "default" in out and not _default_fits(out, out["default"]):
        del out["default"]
    if "discriminator" in out and not referenced_members_only(out):
        del out["discriminator"]
    const = out.get("const")
    if isinstance(const, int) and not isinstance(const, bool) and not -_LITERAL_INT_BOUND < const < _LITERAL_INT_BOUND:
        # mypy takes no Literal[18000000000000000000] (hey-api's const fixtures: a uint64): the same one value,
        # as bounds the model checks
        del out["const"]
        out["minimum"] = out["maximum"] = const
        out.setdefault("type", "integer")
    enum = out.get("enum")
    if "type" not in out and isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum):
        # an enum of strings admits strings only: stated, the generator makes it a StrEnum (whose members equal
        # their values, as every typed string enum's do) rather than a plain Enum (Unit.CM != "cm")
        out["type"] = "string"
    kinds = out.get("type")
    if isinstance(kinds, str) and kinds in _SCALAR_TYPES:
        # Object keywords on a scalar ({type: string, properties: {...}}, oasdiff's fixtures) constrain nothing in
        # JSON Schema (they apply to objects only), but the generator would make the field a model class and
        # reject every string; the contract test and the validator go by the type. Array keywords likewise
        # (PayPal's business_type: {type: string, items: {$ref: an enum}} became a list field).
        for keyword in (*_OBJECT_KEYWORDS, *_ARRAY_KEYWORDS):
            out.pop(keyword, None)
    extra = open_enums.extra_members(schema)
    if extra and out.get("enum") == schema.get("enum"):
        return open_enums.widened(out, extra)  # Azure's modelAsString (any string too), null among the values
    return out


#: What each value keyword's value must be (JSON Schema's own rules); a value of any other shape is dropped.
_STRING_KEYWORDS = frozenset({"format", "title", "description"})
_FLAG_KEYWORDS = frozenset({"nullable", "readOnly", "writeOnly", "deprecated", "uniqueItems"})
_COUNT_KEYWORDS = frozenset({"minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"})
_NUMBER_KEYWORDS = frozenset({"minimum", "maximum", "multipleOf"})


def _value_fits(key: str, value: Any) -> bool:
    """Whether ``value`` has the shape JSON Schema gives ``key``. A value of another shape (influxdata's
    ``required: true`` on a property, as Swagger 1 wrote it) made datamodel-code-generator reject the whole
    ``components.schemas``, so no package was made; dropped, the keyword constrains nothing, as an ill-formed
    keyword cannot."""
    if key == "type":
        return isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
    if key == "required":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    if key == "enum":
        return isinstance(value, list)
    if key in _STRING_KEYWORDS:
        return isinstance(value, str)
    if key in _FLAG_KEYWORDS:
        return isinstance(value, bool)
    if key in _COUNT_KEYWORDS:
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    if key in _NUMBER_KEYWORDS:
        return isinstance(value, int | float) and not isinstance(value, bool) and _finite(value)
    if key in ("exclusiveMinimum", "exclusiveMaximum"):
        return isinstance(value, bool) or (isinstance(value, int | float) and _finite(value))  # 3.1, 3.0
    return True  # default, example, examples, const: any value


def _finite(value: int | float) -> bool:
    """Not YAML's ``.inf`` or ``.nan``; an int of any width is (``math.isfinite`` overflows on one beyond a double)."""
    return isinstance(value, int) or math.isfinite(value)


def fitting_values(schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """``schema`` without the value keywords whose value has another shape than JSON Schema gives them (the same
    rule the models are built by, :func:`_value_fits`; YAML's ``.inf`` and ``.nan`` are no JSON numbers), so what
    reads a schema beside the models (the contract-test values) takes such a keyword as constraining nothing, as
    the models do: ``minItems: "5"``, ``required: 5`` and ``minimum: .inf`` were tracebacks there."""
    if all(key not in _VALUE_KEYWORDS or _value_fits(key, value) for key, value in schema.items()):
        return schema
    return {key: value for key, value in schema.items() if key not in _VALUE_KEYWORDS or _value_fits(key, value)}


#: A value's JSON type, as ``type`` names it.
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),  # 2.0 is an integer to JSON Schema, but the generator would write it in an int field
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}


def _default_fits(schema: Mapping[str, Any], default: Any) -> bool:
    """Whether ``default`` passes the schema's own checks of type, enum, size and range (not its subschemas).

    A default its schema rejects is no default: the generator validates a field's default (Svix's featureFlags,
    default [] with minItems 1), so every value without that field failed to parse. ``null`` is left to the
    generator (a nullable field's default)."""
    if default is None:
        return True
    kind = schema.get("type")
    if isinstance(kind, str) and kind in _JSON_TYPES and not _is_json_type(default, kind):
        return False
    enum = schema.get("enum")
    if isinstance(enum, list) and enum and default not in enum:
        return False
    if isinstance(default, str | list | dict):
        size, low, high = len(default), *_SIZE_KEYWORDS[type(default)]
        if size < schema.get(low, 0) or size > schema.get(high, size):
            return False
    elif isinstance(default, int | float) and not isinstance(default, bool):
        return bool(schema.get("minimum", default) <= default <= schema.get("maximum", default))
    return True


def _is_json_type(value: Any, kind: str) -> bool:
    return isinstance(value, _JSON_TYPES[kind]) and (kind == "boolean" or not isinstance(value, bool))


#: The keywords bounding a value's size, by its Python type (ill-typed bounds are dropped before this is read).
_SIZE_KEYWORDS: dict[type, tuple[str, str]] = {
    str: ("minLength", "maxLength"),
    list: ("minItems", "maxItems"),
    dict: ("minProperties", "maxProperties"),
}


def referenced_members_only(schema: Mapping[str, Any]) -> bool:
    """Whether every member of the ``oneOf``/``anyOf`` a ``discriminator`` stands beside is a reference.

    OpenAPI defines the discriminator over referenced schemas only: an inline member has no name to be implied, and a
    mapping can only point at references. With inline members (together.ai's ``ExecuteResponse`` outputs: ``type``
    is ``stdout`` or ``stderr`` in one member, ``error`` in another) the generator wrote placeholder tags no value
    has, so every response failed; without the discriminator the union is tried member by member, as JSON Schema
    validates it. A discriminator with no union beside it (on an allOf parent) is kept."""
    members = [m for key in ("oneOf", "anyOf") if isinstance(schema.get(key), list) for m in schema[key]]
    return all(isinstance(m, Mapping) and "$ref" in m for m in members)


def _discriminator(value: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"propertyName": value["propertyName"]}
    mapping = value.get("mapping")
    if isinstance(mapping, Mapping):
        out["mapping"] = {str(k): v for k, v in mapping.items() if isinstance(v, str) and v.startswith("#/")}
    return out


def honoured_schemas(schemas: Mapping[str, Any]) -> dict[str, Any]:
    """Every named schema of ``components.schemas`` through :func:`honoured_schema`, without the discriminators of
    ``allOf`` parents that name no schema for some of their tag's values (:func:`_uncovered_discriminators`)."""
    honoured = {name: honoured_schema(schema) for name, schema in schemas.items()}
    widened = {name: open_enums.extra_members(schema) for name, schema in schemas.items()}
    widened = {name: extra for name, extra in widened.items() if extra and "anyOf" in honoured[name]}
    if widened:
        # a named open or nullable enum keeps its class (the enum of its strings); what refers to it admits the rest
        for name in widened:
            honoured[name] = open_enums.closed_component(honoured[name])
        honoured = {name: _widened_references(schema, widened) for name, schema in honoured.items()}
    for name in _uncovered_discriminators(honoured):
        del honoured[name]["discriminator"]
    return honoured


def _widened_references(schema: Any, widened: Mapping[str, list[dict[str, Any]]]) -> Any:
    """``schema`` (honoured) with every ``$ref`` to a component of ``widened`` (its name -> what it admits beside
    its enum's strings) admitting that too."""
    if not isinstance(schema, Mapping):
        return schema
    if isinstance(schema.get("$ref"), str) and (extra := widened.get(component_name(schema["$ref"]) or "")):
        return open_enums.widened_reference(schema, extra)
    out = dict(schema)
    for key, value in schema.items():
        if key in _SCHEMA_KEYWORDS:
            out[key] = _widened_references(value, widened)
        elif key in _SCHEMA_LIST_KEYWORDS and isinstance(value, list):
            out[key] = [_widened_references(v, widened) for v in value]
        elif key in _SCHEMA_MAP_KEYWORDS and isinstance(value, Mapping):
            out[key] = {k: _widened_references(v, widened) for k, v in value.items()}
    return out


def _uncovered_discriminators(schemas: Mapping[str, Any]) -> list[str]:
    """The schemas whose ``discriminator`` stands on an ``allOf`` parent (no ``oneOf``/``anyOf`` beside it) and
    leaves a value of its tag's ``enum`` or ``const`` to no schema: neither a ``mapping`` key nor (the implied
    mapping) the name of a schema that extends the parent.

    The generator reads such a discriminator as "every instance is one of the children" and types each reference to
    the parent as the union of its children: PagerDuty's ``Restriction`` (``type`` is ``daily_restriction`` or
    ``weekly_restriction``, one child ``WeeklyRestriction``) became ``list[WeeklyRestriction]``, which rejects every
    daily restriction the API sends (and the spec's own example). Without the discriminator a reference is the
    parent's class, which takes every instance (a child's extra fields are kept: models allow extra fields)."""
    children: dict[str, set[str]] = {}
    for name, schema in schemas.items():
        parts = schema.get("allOf") if isinstance(schema, Mapping) else None
        for part in parts if isinstance(parts, list) else []:
            parent = component_name(part.get("$ref")) if isinstance(part, Mapping) else None
            if parent is not None:
                children.setdefault(parent, set()).add(name)
    uncovered = []
    for name, schema in schemas.items():
        if not isinstance(schema, Mapping) or {"oneOf", "anyOf"} & set(schema):
            continue
        discriminator = schema.get("discriminator")
        if not isinstance(discriminator, Mapping) or not isinstance(discriminator.get("propertyName"), str):
            continue
        properties = schema.get("properties")
        tag = properties.get(discriminator["propertyName"]) if isinstance(properties, Mapping) else None
        target = component_name(tag.get("$ref")) if isinstance(tag, Mapping) else None
        if target is not None:
            tag = schemas.get(target)
        if not isinstance(tag, Mapping):
            continue
        values = tag.get("enum") if isinstance(tag.get("enum"), list) else [tag["const"]] if "const" in tag else None
        if values is None:
            continue
        mapping = discriminator.get("mapping")
        covered = set(mapping) if isinstance(mapping, Mapping) else set()
        covered |= children.get(name, set())
        if not all(isinstance(v, str) and v in covered for v in values):
            uncovered.append(name)
    return uncovered


def nullable_as_null_type(
    schema: Any, *, nested: bool = False, nullable_components: frozenset[str] = frozenset(), part: bool = False
) -> Any:
    """An OpenAPI 3.0 schema (honoured form) with ``nullable: true`` spelt as JSON Schema does, recursively:
    ``{type: T, nullable: true}`` -> ``{type: [T, "null"]}`` (T a scalar or array), and a nullable reference or
    single-``allOf`` reference -> ``{anyOf: [{$ref}, {type: "null"}]}``.

    datamodel-code-generator honours ``nullable`` only on optional fields: a required one (Intercom's contact
    ``phone``, documented null in its examples) became ``phone: str`` and every response with a null failed to
    parse. Its ``strict_nullable`` option would fix that but also make every optional field with a default
    non-optional; the null type says exactly what the spec says.

    A reference that is a property's, an item's or a map value's whole schema, to a component of
    ``nullable_components`` (names of components that are themselves ``nullable: true``), is nullable too: null is
    one of that component's values wherever it is used (Plaid's Item ``error``, a required PlaidError that is null
    when there is none, failed every response with it)."""
    if not isinstance(schema, Mapping):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _SCHEMA_KEYWORDS:
            out[key] = nullable_as_null_type(value, nested=True, nullable_components=nullable_components)
        elif key in _SCHEMA_LIST_KEYWORDS and isinstance(value, list):
            out[key] = [
                nullable_as_null_type(v, nested=True, nullable_components=nullable_components, part=True) for v in value
            ]
        elif key in _SCHEMA_MAP_KEYWORDS and isinstance(value, Mapping):
            out[key] = {
                name: nullable_as_null_type(v, nested=True, nullable_components=nullable_components)
                for name, v in value.items()
            }
        else:
            out[key] = value
    # an allOf part or a union option keeps its class (a nullable base would no longer be a base)
    reference, noted = _annotated_reference(out)
    if nested and not part and "nullable" not in out and component_name(reference) in nullable_components:
        out["nullable"] = True
    if out.get("nullable") is not True:
        return out
    kind = out.get("type")
    # a component's own object schema keeps nullable: the generator makes it Optional already, and [object, null]
    # would lose that (a root model of a map); inside a schema (a property's inline object) it is needed
    if kind in ("string", "integer", "number", "boolean", "array") or (kind == "object" and nested):
        del out["nullable"]
        out["type"] = [kind, "null"]
        return out
    if isinstance(reference, str) and kind is None and not {"oneOf", "anyOf", "properties"} & set(out):
        annotations = {k: v for k, v in {**noted, **out}.items() if k in _KEPT_ANNOTATIONS}
        return {"anyOf": [{"$ref": reference}, {"type": "null"}], **annotations}
    return out


#: Keywords that describe a schema without constraining it: an ``allOf`` part of nothing else adds no type.
_ANNOTATIONS = frozenset(
    {"description", "title", "default", "deprecated", "example", "examples", "readOnly", "writeOnly", "nullable"}
)
#: What a nullable reference rewritten as ``anyOf: [ref, null]`` keeps of its annotations.
_KEPT_ANNOTATIONS = ("description", "title", "default", "deprecated")


def _annotated_reference(schema: Mapping[str, Any]) -> tuple[Any, dict[str, Any]]:
    """``(the reference, the annotations its allOf parts add)`` when ``schema`` is one reference: ``$ref`` itself,
    or an ``allOf`` of one ``$ref`` and parts that only annotate it (``allOf: [{$ref: Window}, {description: ...}]``,
    the way 3.0 documents describe a reference, DigitalOcean's Droplet ``next_backup_window``); else ``(None, {})``.
    """
    if "$ref" in schema:
        return schema["$ref"], {}
    parts = schema.get("allOf")
    if not isinstance(parts, list) or not all(isinstance(p, Mapping) for p in parts):
        return None, {}
    references = [p for p in parts if set(p) == {"$ref"}]
    others = [p for p in parts if set(p) != {"$ref"}]
    if len(references) != 1 or not all(set(p) <= _ANNOTATIONS for p in others):
        return None, {}
    return references[0]["$ref"], {k: v for p in others for k, v in p.items() if k != "nullable"}


def nullable_component_names(schemas: Mapping[str, Any]) -> frozenset[str]:
    """The components of ``schemas`` (honoured form, OpenAPI 3.0) that admit null themselves (``nullable: true``)."""
    return frozenset(
        name for name, schema in schemas.items() if isinstance(schema, Mapping) and schema.get("nullable") is True
    )


def null_types_in_document(doc: dict[str, Any]) -> int:
    """Rewrites, in place, every schema of an OpenAPI 3.1 document that still uses 3.0's ``nullable: true`` into
    JSON Schema's null type (:func:`nullable_as_null_type`), and returns how many ``nullable: true`` it had.

    3.1 dropped ``nullable``, but generators that emit 3.1 keep writing it (Samsung's SCP documents: ``openapi:
    3.1.0`` with 2,700 of them). Read as 3.1, they would be ignored: a required ``account_id`` the API sends as
    null became ``str`` and its responses failed to parse, while the example check (a 3.1 validator) rejected
    every documented null. The writer meant null, so the models, the parameters' types and the example checks
    all read it as the null type, from this one rewrite."""
    count = _count_nullable(doc, 0)
    if not count:
        return 0
    components = doc.get("components")
    schemas = components.get("schemas") if isinstance(components, dict) else None
    nullable = nullable_component_names(schemas) if isinstance(schemas, Mapping) else frozenset()
    if isinstance(schemas, dict):
        for name, schema in schemas.items():
            schemas[name] = nullable_as_null_type(schema, nullable_components=nullable)
    _rewrite_schema_positions(doc, nullable, 0)
    return count


#: How deep the document walks below look for schemas and ``nullable`` (deeper is not a real document).
_MAX_WALK_DEPTH = 64


def _count_nullable(node: Any, depth: int) -> int:
    if depth > _MAX_WALK_DEPTH:
        return 0
    if isinstance(node, Mapping):
        own = 1 if node.get("nullable") is True else 0
        return own + sum(_count_nullable(value, depth + 1) for value in node.values())
    if isinstance(node, list):
        return sum(_count_nullable(value, depth + 1) for value in node)
    return 0


def _rewrite_schema_positions(node: Any, nullable: frozenset[str], depth: int) -> None:
    """Every ``schema`` of a parameter, header or media type (anywhere but ``components.schemas``, rewritten
    already) through :func:`nullable_as_null_type`."""
    if depth > _MAX_WALK_DEPTH:
        return
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "schema" and isinstance(value, Mapping):
                node[key] = nullable_as_null_type(value, nullable_components=nullable)
            elif key == "schemas" and depth == 1:
                continue  # components.schemas
            else:
                _rewrite_schema_positions(value, nullable, depth + 1)
    elif isinstance(node, list):
        for value in node:
            _rewrite_schema_positions(value, nullable, depth + 1)


def objects_typed(schema: Any, *, null_type: bool) -> Any:
    """``schema`` with ``type: object`` stated wherever it has ``properties`` and no ``type``, recursively, as the
    generated models read it: datamodel-code-generator makes such a schema a class, which accepts only objects,
    while JSON Schema admits any non-object. Examples are checked against this reading, so an example the model
    would reject (Samsung's ``resource: ""`` for a ResourceInfo, in 40 operations of one document) is a known
    mismatch, not a contract test that fails. ``readOnly``/``writeOnly`` are left out: the models require a required
    property whatever its flags. ``null_type``: a ``nullable: true`` schema says so with the null type (OpenAPI 3.1's
    validator ignores ``nullable``; 3.0's reads it)."""
    if not isinstance(schema, Mapping):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in ("readOnly", "writeOnly"):
            # OpenAPI's validators exempt such a property from ``required``; the model requires it like any other
            # (PagerDuty's field_option example without its readOnly id passed the check and failed its test)
            continue
        if key in _SCHEMA_KEYWORDS:
            out[key] = objects_typed(value, null_type=null_type)
        elif key in _SCHEMA_LIST_KEYWORDS and isinstance(value, list):
            out[key] = [objects_typed(v, null_type=null_type) for v in value]
        elif key in _SCHEMA_MAP_KEYWORDS and isinstance(value, Mapping):
            out[key] = {name: objects_typed(v, null_type=null_type) for name, v in value.items()}
        else:
            out[key] = value
    if isinstance(out.get("properties"), Mapping) and "type" not in out:
        out["type"] = ["object", "null"] if null_type and out.get("nullable") is True else "object"
    return out


#: What a schema may say beside its one allOf reference and still be that reference.
_ANNOTATION_KEYWORDS = frozenset(
    {"description", "title", "deprecated", "default", "example", "examples", "readOnly", "writeOnly", "nullable"}
)


def referenced_union(schemas: Mapping[str, Any], schema: Any) -> Any:
    """A class's schema that is only ``allOf: [{$ref: U}]`` (with annotations) as ``{$ref: U}``, when ``U`` is a
    union or an enum. datamodel-code-generator mangles such a class: OpenMeter's measureUsageFrom (hoisted, as its
    class name is a component's) became a union of the enum and an empty model, losing the date-time branch, and an
    enum target gave no class at all; a reference beside annotations it renders as a root model of the target."""
    if not isinstance(schema, dict) or set(schema) - _ANNOTATION_KEYWORDS != {"allOf"}:
        return schema
    parts = schema["allOf"]
    if not (isinstance(parts, list) and len(parts) == 1 and isinstance(parts[0], dict) and set(parts[0]) == {"$ref"}):
        return schema
    reference = parts[0]["$ref"]
    name = component_name(reference)
    target = schemas.get(name) if name is not None else None
    if not isinstance(target, dict) or "properties" in target:
        return schema
    if not ("oneOf" in target or "anyOf" in target or isinstance(target.get("enum"), list)):
        return schema
    return {"$ref": reference, **{key: value for key, value in schema.items() if key != "allOf"}}
