"""Where a paged listing's items are and what they are, read from the models' schema set (not from generated code).

``x-pagination.items`` names the array property of the 2xx body. Whether the iterator can read it through the
response model, and what one element is, follows from the schemas the models module is generated from
(``VersionIR.schemas``: class name -> schema, every ``$ref`` in the ``#/components/schemas/<Class>`` form):

- the property holds an array whose ``items`` is a ``$ref``: the element is that class (``model``);
- an inline object, enum or composition: a class datamodel-code-generator names itself (``inline``; the name is
  looked up once the models are rendered, see ``models.inline_item_classes``), or for a union its member classes;
- ``{"type": "object"}`` without properties: a plain ``dict[str, Any]`` (``object``); anything else ``any``;
- no such array property, or a property name that datamodel-code-generator would rename (keywords, names pydantic's
  ``BaseModel`` already has, anything not a plain identifier): the items are read from the raw JSON.
"""

from __future__ import annotations

import builtins
import keyword
import re
from collections.abc import Mapping
from typing import Any

from scraper.clients.refs import component_name

__all__ = ["BASE_MODEL_NAMES", "ItemsIR", "listing_items", "model_attribute"]

from dataclasses import dataclass, field

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


@dataclass(frozen=True, slots=True)
class ItemsIR:
    """Where a listing's items are in its response model and what they are (see the module docstring).

    ``attr`` is the response model's attribute holding the array, None when the items are read from the raw JSON
    or are the body itself. ``kind`` is ``model``, ``inline``, ``object``, ``any`` or ``root`` (the body is the
    array: the method returns the list); ``model`` is the element class (``model``), the class declaring the array
    (``inline``) or the element's annotation (``root``). ``marker_attr`` is the element attribute holding the next
    marker (marker style), None when there is none to read through a model.
    """

    attr: str | None
    kind: str
    model: str | None = None
    marker_attr: str | None = None
    #: the class declaring the array (``model`` and ``inline`` kinds), whose rendered field tells a ``model`` element
    #: that the models hold as a discriminated union of its subclasses (``models.inline_item_classes``)
    owner: str | None = field(default=None, compare=False)  # where the items are read from, not what they are
    #: a ``model`` element class with a ``discriminator``: the models may hold it as the union of its subclasses
    polymorphic: bool = False
    #: a ``model`` element class that is a 3.0 ``nullable`` component: the models hold ``list[<Class> | None]``
    nullable: bool = False


#: What a listing is when its items cannot be read through the response model.
RAW_JSON = ItemsIR(attr=None, kind="any")


#: ``pydantic.BaseModel``'s attributes that a plain field name could take (not ``_``- or ``model_``-prefixed, which
#: ``model_attribute`` refuses anyway), as of the locked pydantic: a constant, because importing pydantic to list
#: them costs a run that never otherwise imports it ~0.1 s (tests/clients/test_ir.py checks it against pydantic).
BASE_MODEL_NAMES = frozenset(
    {
        "construct",
        "copy",
        "dict",
        "from_orm",
        "json",
        "parse_file",
        "parse_obj",
        "parse_raw",
        "schema",
        "schema_json",
        "update_forward_refs",
        "validate",
    }
)


def model_attribute(wire: str) -> str | None:
    """The attribute datamodel-code-generator gives the field ``wire``: the name itself when it is a plain identifier
    that it keeps as is; None for any name it would rename (``class_``, ``volume_list``, ``json_``, ``field_id``)."""
    if not _PLAIN.fullmatch(wire) or keyword.iskeyword(wire) or wire.startswith("model_"):
        return None
    if wire in BASE_MODEL_NAMES or (wire in dir(builtins) and wire[:1].islower() and wire not in ("id", "type")):
        return None
    return wire


def _class_of(node: Any) -> str | None:
    return component_name(node.get("$ref")) if isinstance(node, Mapping) else None


def _declaring(schemas: Mapping[str, Any], cls: str, wire: str, seen: frozenset[str] = frozenset()) -> tuple[str, Any]:
    """(class declaring property ``wire``, its schema) in ``cls`` or the classes it extends (``allOf``); the class is
    ``""`` when none does."""
    schema = schemas.get(cls)
    if not isinstance(schema, Mapping) or cls in seen:
        return "", None
    target = _class_of(schema)
    if target is not None and len(schema) == 1:  # an alias of another class
        return _declaring(schemas, target, wire, seen | {cls})
    properties = schema.get("properties")
    if isinstance(properties, Mapping) and wire in properties:
        return cls, properties[wire]
    # a later part redeclares what an earlier one (a base class) declared, as the generated subclass's field does
    for part in reversed(schema.get("allOf") or []):
        base = _class_of(part)
        if base is not None:
            found = _declaring(schemas, base, wire, seen | {cls})
        else:
            inline = part.get("properties") if isinstance(part, Mapping) else None
            found = (cls, inline[wire]) if isinstance(inline, Mapping) and wire in inline else ("", None)
        if found[0]:
            return found
    return "", None


def _array_items(prop: Any) -> Any:
    """The ``items`` schema of an array property (also ``type: [array, null]`` and ``anyOf: [array, null]``), or None
    when the property is not an array the model declares as a list."""
    if not isinstance(prop, Mapping) or "$ref" in prop:
        return None
    kinds = prop.get("type")
    if kinds == "array" or (isinstance(kinds, list) and "array" in kinds and set(kinds) <= {"array", "null"}):
        return prop.get("items", {})
    options = prop.get("anyOf") or prop.get("oneOf")
    if isinstance(options, list) and len(options) == 2:
        arrays = [o for o in options if isinstance(o, Mapping) and o.get("type") == "array"]
        nulls = [o for o in options if isinstance(o, Mapping) and o.get("type") == "null"]
        if len(arrays) == 1 and len(nulls) == 1:
            return arrays[0].get("items", {})
    return None


def _becomes_class(schema: Mapping[str, Any]) -> bool:
    return bool(schema.get("properties") or schema.get("enum") or schema.get("allOf"))


def _nullable_reference(schema: Any) -> str | None:
    """The class of an item that is one reference or null (``anyOf``/``oneOf``: ``[{$ref: Type}, {type: 'null'}]``,
    OpenAPI 3.1's nullable reference, which is also how a 3.1 document's 3.0-style ``nullable`` component is read
    wherever it is referred to), else None."""
    if not isinstance(schema, Mapping) or {"properties", "allOf"} & set(schema):
        return None
    for key in ("anyOf", "oneOf"):
        options = schema.get(key)
        if isinstance(options, list) and len(options) == 2 and all(isinstance(o, Mapping) for o in options):
            refs = [_class_of(o) for o in options if set(o) == {"$ref"}]
            nulls = [o for o in options if o.get("type") == "null" and set(o) <= {"type", "description"}]
            if len(refs) == 1 and refs[0] is not None and len(nulls) == 1:
                return refs[0]
    return None


def _union(schema: Mapping[str, Any]) -> bool:
    """A ``oneOf``/``anyOf``: the models hold it as ``A | B`` (a discriminated one annotated with its discriminator,
    ``discriminated_wrappers``), which ``models.inline_item_classes`` reads when its members are all classes."""
    return any(isinstance(schema.get(key), list) and schema[key] for key in ("oneOf", "anyOf"))


def listing_items(schemas: Mapping[str, Any], response_model: str, wire: str, next_marker: str | None) -> ItemsIR:
    """Where the ``wire`` array of ``response_model`` is and what its elements are (see the module docstring)."""
    owner, prop = _declaring(schemas, response_model, wire)
    attr = model_attribute(wire)
    items = _array_items(prop) if owner else None
    if attr is None or items is None:
        return RAW_JSON
    marker_attr = model_attribute(next_marker) if next_marker is not None else None
    element = _class_of(items)
    nullable_element = _nullable_reference(items)
    if element is not None:
        kind = "model"
    elif nullable_element is not None:  # the models hold list[<Class> | None]: so does the iterator
        kind, element = "model", nullable_element
    elif isinstance(items, Mapping) and (_becomes_class(items) or _union(items)):
        kind, element = "inline", owner
    elif isinstance(items, Mapping) and items.get("type") == "object" and not items.get("additionalProperties"):
        return ItemsIR(attr=attr, kind="object")
    else:
        return ItemsIR(attr=attr, kind="any")
    if next_marker is not None and marker_attr is None:
        return RAW_JSON  # the marker field is renamed in the model: read the items (and the marker) as JSON
    element_schema = schemas.get(element) if kind == "model" else None
    polymorphic = isinstance(element_schema, Mapping) and "discriminator" in element_schema
    return ItemsIR(
        attr=attr,
        kind=kind,
        model=element,
        marker_attr=marker_attr,
        owner=owner,
        polymorphic=polymorphic,
        nullable=nullable_element is not None,
    )
