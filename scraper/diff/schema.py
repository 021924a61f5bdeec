"""Resolved, normalised views of JSON Schemas inside one OpenAPI document.

The comparison must not care how a document *spells* a schema: ``$ref`` or inline, OpenAPI 3.0 ``nullable: true``
or 3.1 ``type: [x, "null"]``, ``anyOf: [X, {type: null}]`` (what the SCP schema grammar emits), a single-member
``allOf`` wrapping a ``$ref``. :class:`Resolver` turns every spelling into one :class:`Shape` and memoises it per
schema object, so a component referenced from forty operations is normalised once.

:meth:`Resolver.fingerprint` gives a canonical string of a schema's *structure* (documentation stripped, ``$ref``
names replaced by their expanded shapes, recursion replaced by a back-reference marker); equal fingerprints mean
"same shape", which is how a renamed component is recognised.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from scraper.diff.model import jsonable
from scraper.json_pointer import follow_tokens, unescape_token

__all__ = ["CONSTRAINTS", "NO_DEFAULT", "OTHER_KEYWORDS", "Resolver", "Shape"]

#: Validation keywords compared as "tightened" / "relaxed"; value: +1 when a larger value is looser (max*),
#: -1 when a larger value is tighter (min*), 0 when direction is unknown (pattern, multipleOf). An empty
#: ``pattern`` matches everything, so it counts as no pattern.
CONSTRAINTS: dict[str, int] = {
    "minLength": -1,
    "maxLength": 1,
    "minimum": -1,
    "maximum": 1,
    "exclusiveMinimum": -1,
    "exclusiveMaximum": 1,
    "minItems": -1,
    "maxItems": 1,
    "minProperties": -1,
    "maxProperties": 1,
    "minContains": -1,
    "maxContains": 1,
    "uniqueItems": -1,
    "pattern": 0,
    "multipleOf": 0,
}

#: JSON Schema keywords compared only as present / absent / different (``keyword-added`` narrows what is valid,
#: ``keyword-removed`` widens it, ``keyword-changed`` is both); the docs never produce them, other specs may.
OTHER_KEYWORDS: tuple[str, ...] = (
    "not",
    "if",
    "then",
    "else",
    "contains",
    "prefixItems",
    "dependentRequired",
    "dependentSchemas",
    "patternProperties",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contentSchema",
    "contentMediaType",
    "contentEncoding",
)

#: Keys that only document a schema; ignored by the structural fingerprint.
_DOC_KEYS = frozenset({"description", "title", "example", "examples", "externalDocs", "$comment", "summary"})


class _NoDefault:
    def __repr__(self) -> str:
        return "NO_DEFAULT"


NO_DEFAULT: Any = _NoDefault()


@dataclass(slots=True)
class Shape:
    """One schema, normalised. ``types`` is ``None`` when the schema does not constrain the type."""

    raw: dict[str, Any]
    ref: str | None
    types: frozenset[str] | None
    nullable: bool
    format: str | None
    enum: tuple[Any, ...] | None
    constraints: dict[str, Any]
    properties: dict[str, Any]
    required: frozenset[str]
    items: Any
    additional: Any
    variants: list[Any]
    default: Any
    deprecated: bool
    read_only: bool
    write_only: bool
    docs: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def unconstrained(cls, raw: dict[str, Any], ref: str | None) -> Shape:
        """A schema that allows any value (what a cycle of one-member ``oneOf`` wrappers says)."""
        return cls(
            raw=raw,
            ref=ref,
            types=None,
            nullable=False,
            format=None,
            enum=None,
            constraints={},
            properties={},
            required=frozenset(),
            items=None,
            additional=None,
            variants=[],
            default=NO_DEFAULT,
            deprecated=False,
            read_only=False,
            write_only=False,
        )


class Resolver:
    """Resolves local ``$ref``s of one document and memoises normalised shapes and fingerprints."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self._shapes: dict[int, Shape] = {}
        self._building: set[int] = set()  # schemas whose shape is being built (a cycle comes back to one)
        self._keep: list[Any] = []  # keeps merged temporaries alive so their id() stays unique

    # -- references -------------------------------------------------------------------------------------------
    def lookup(self, ref: str) -> Any:
        """The object a local ``#/...`` reference points at, or ``None`` when it does not resolve."""
        if not ref.startswith("#/"):
            return None
        try:
            return follow_tokens(self.document, (unescape_token(part) for part in ref[2:].split("/")))
        except LookupError:
            return None

    def deref(self, node: Any) -> tuple[Any, str | None]:
        """Follow a chain of ``$ref``s (with a loop guard); returns the target and the last reference followed.

        Sibling keys of a ``$ref`` (allowed in 3.1, e.g. a local ``description``) are merged over the target.
        Unresolvable or external references are returned as-is, so they compare by their reference text.
        """
        ref_name: str | None = None
        seen: set[str] = set()
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            target = self.lookup(ref)
            if target is None or ref in seen:
                return node, ref
            seen.add(ref)
            ref_name = ref
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            if siblings and isinstance(target, dict):
                merged = {**target, **siblings}
                self._keep.append(merged)
                node = merged
            else:
                node = target
        return node, ref_name

    # -- shapes -----------------------------------------------------------------------------------------------
    def shape(self, node: Any) -> Shape:
        """The normalised :class:`Shape` of a schema (memoised per schema object)."""
        key = id(node)
        cached = self._shapes.get(key)
        if cached is not None:
            return cached
        if key in self._building:
            # A cycle of one-member wrappers (A = oneOf[B], B = oneOf[C], C = oneOf[A]): no member says what the
            # value is, so it is unconstrained here; the wrapper that started the cycle keeps its own keywords.
            raw, ref = self.deref(node)
            return Shape.unconstrained(raw if isinstance(raw, dict) else {}, ref)
        self._building.add(key)
        try:
            result = self._build(node)
        finally:
            self._building.discard(key)
        self._shapes[key] = result
        self._keep.append(node)
        return result

    def _build(self, node: Any) -> Shape:
        raw, ref = self.deref(node)
        if not isinstance(raw, dict):
            raw = {} if raw is True or raw is None else {"not": {}}
        raw = self._flatten(raw)
        nullable = raw.get("nullable") is True
        types: frozenset[str] | None = None
        variants: list[Any] = []
        t = raw.get("type")
        if isinstance(t, str):
            types = frozenset({t})
        elif isinstance(t, list):
            types = frozenset(str(x) for x in t)
        if types is not None and "null" in types:
            nullable = True
            # a null-only schema keeps its type: it accepts null and nothing else, not any value
            types = types - {"null"} or types
        for key in ("anyOf", "oneOf"):
            members = raw.get(key)
            if not isinstance(members, list):
                continue
            rest = []
            for member in members:
                target, _ = self.deref(member)
                if isinstance(target, dict) and target.get("type") == "null" and len(target) <= 2:
                    nullable = True
                else:
                    rest.append(member)
            if len(rest) == 1 and not variants:
                single = self.shape(rest[0])
                merged = self._merge_shape(raw, single, nullable)
                return merged
            variants.extend(rest)
        enum: tuple[Any, ...] | None = None
        if isinstance(raw.get("enum"), list):
            values = raw["enum"]
            if None in values:
                nullable = True
            enum = tuple(v for v in values if v is not None)
        elif "const" in raw:
            enum = (raw["const"],)
        properties = raw.get("properties") if isinstance(raw.get("properties"), dict) else {}
        required = raw.get("required") if isinstance(raw.get("required"), list) else []
        return Shape(
            raw=raw,
            ref=ref,
            types=types,
            nullable=nullable,
            format=raw.get("format") if isinstance(raw.get("format"), str) else None,
            enum=enum,
            constraints={k: raw[k] for k in CONSTRAINTS if k in raw and not (k == "pattern" and raw[k] == "")},
            properties=dict(properties or {}),
            required=frozenset(str(r) for r in (required or [])),
            items=raw.get("items"),
            additional=raw.get("additionalProperties"),
            variants=variants,
            default=raw.get("default", NO_DEFAULT),
            deprecated=raw.get("deprecated") is True,
            read_only=raw.get("readOnly") is True,
            write_only=raw.get("writeOnly") is True,
            docs={k: raw[k] for k in ("description", "title", "example") if k in raw},
        )

    def _merge_shape(self, outer: dict[str, Any], inner: Shape, nullable: bool) -> Shape:
        """``outer`` is an ``anyOf``/``oneOf`` wrapper around one real member: the member's shape, made nullable,
        with the wrapper's own documentation and default taking precedence."""
        docs = dict(inner.docs)
        docs.update({k: outer[k] for k in ("description", "title", "example") if k in outer})
        return Shape(
            raw=inner.raw,
            ref=inner.ref,
            types=inner.types,
            nullable=nullable or inner.nullable,
            format=inner.format,
            enum=inner.enum,
            constraints=inner.constraints,
            properties=inner.properties,
            required=inner.required,
            items=inner.items,
            additional=inner.additional,
            variants=inner.variants,
            default=outer.get("default", inner.default),
            deprecated=inner.deprecated or outer.get("deprecated") is True,
            read_only=inner.read_only or outer.get("readOnly") is True,
            write_only=inner.write_only or outer.get("writeOnly") is True,
            docs=docs,
        )

    def _flatten(self, raw: dict[str, Any], inside: frozenset[int] = frozenset()) -> dict[str, Any]:
        """Merge ``allOf`` members into one schema (properties and required united, other keys first-wins).

        ``inside`` holds the schemas being flattened further up: an ``allOf`` cycle (A = allOf[B], B = allOf[A])
        contributes nothing more when it comes round again, instead of recursing for ever."""
        members = raw.get("allOf")
        if not isinstance(members, list) or not members or id(raw) in inside:
            return raw
        inside = inside | {id(raw)}
        merged: dict[str, Any] = {k: v for k, v in raw.items() if k != "allOf"}
        props: dict[str, Any] = dict(merged.get("properties") or {})
        required: list[str] = list(merged.get("required") or [])
        for member in members:
            target, _ = self.deref(member)
            if not isinstance(target, dict):
                continue
            if id(target) in inside:
                continue
            target = self._flatten(target, inside)
            for key, value in target.items():
                if key == "properties" and isinstance(value, dict):
                    for name, sub in value.items():
                        props.setdefault(name, sub)
                elif key == "required" and isinstance(value, list):
                    required.extend(r for r in value if r not in required)
                else:
                    merged.setdefault(key, value)
        if props:
            merged["properties"] = props
        if required:
            merged["required"] = required
        self._keep.append(merged)
        return merged

    # -- fingerprints -----------------------------------------------------------------------------------------
    def fingerprint(self, node: Any) -> str:
        """Canonical JSON of ``node``'s structure; recursion becomes ``{"$rec": depth}``."""
        return json.dumps(self._canon(node, []), sort_keys=True, separators=(",", ":"), default=str)

    def _canon(self, node: Any, stack: list[int]) -> Any:
        shape = self.shape(node)
        key = id(shape.raw)
        if key in stack:
            return {"$rec": len(stack) - stack.index(key)}
        stack.append(key)
        try:
            out: dict[str, Any] = {}
            if shape.types is not None:
                out["type"] = sorted(shape.types)
            if shape.nullable:
                out["nullable"] = True
            if shape.format:
                out["format"] = shape.format
            if shape.enum is not None:
                out["enum"] = sorted(json.dumps(jsonable(v), sort_keys=True) for v in shape.enum)
            if shape.constraints:
                out["constraints"] = jsonable(shape.constraints)
            if shape.default is not NO_DEFAULT:
                out["default"] = jsonable(shape.default)
            if shape.properties:
                out["properties"] = {name: self._canon(sub, stack) for name, sub in sorted(shape.properties.items())}
            if shape.required:
                out["required"] = sorted(shape.required)
            if shape.items is not None:
                out["items"] = self._canon(shape.items, stack)
            if isinstance(shape.additional, bool):
                out["additionalProperties"] = shape.additional
            elif shape.additional is not None:
                out["additionalProperties"] = self._canon(shape.additional, stack)
            if shape.variants:
                out["variants"] = sorted(
                    json.dumps(self._canon(v, stack), sort_keys=True, default=str) for v in shape.variants
                )
            for flag in ("deprecated", "read_only", "write_only"):
                if getattr(shape, flag):
                    out[flag] = True
            extra = {
                k: jsonable(v)
                for k, v in shape.raw.items()
                if k not in _DOC_KEYS
                and not k.startswith("x-")
                and k
                not in {
                    "type",
                    "nullable",
                    "format",
                    "enum",
                    "const",
                    "default",
                    "properties",
                    "required",
                    "items",
                    "additionalProperties",
                    "anyOf",
                    "oneOf",
                    "allOf",
                    "deprecated",
                    "readOnly",
                    "writeOnly",
                    "$ref",
                    *CONSTRAINTS,
                }
            }
            if extra:
                out["other"] = extra
            return out
        finally:
            stack.pop()
