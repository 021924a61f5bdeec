"""The grammar of SCP's Schema column, parsed into JSON Schema.

::

    S := prim [" (" fmt ")"] | "array[" S "]" | "any of [" S {", " S} "]" | "enum (" v {", " v} ")" | Model | "None"
    prim in {string, integer, number, boolean, object, null}

A real recursive-descent parser rather than regexes, because the expressions nest
(``any of [array[enum (a, b)], enum (a, b), null]``) and because the text reader uses :func:`is_schema_expression` to
decide, right-anchored, which cell of a row with unescaped ``|`` is the Schema cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

__all__ = [
    "SchemaExpr",
    "SchemaSyntaxError",
    "integer_enums",
    "is_integer_enum",
    "is_schema_expression",
    "parse_schema",
    "to_json_schema",
]

_PRIMITIVES = {"string", "integer", "number", "boolean", "object", "null"}
#: Model names are CamelCase identifiers with at least one lower-case letter (so enum-ish words such as ``WEEKLY``
#: or ``MON`` are not mistaken for models), optionally version-suffixed (``...1Dot2``, ``...V1Dot3``).
_MODEL = re.compile(r"[A-Z][A-Za-z0-9_]*[a-z][A-Za-z0-9_]*")
_FORMAT = re.compile(r"[a-z][a-z0-9-]*")


class SchemaSyntaxError(ValueError):
    """The text is not a schema expression; ``position`` is the 0-based offset where parsing stopped."""

    def __init__(self, text: str, position: int, expected: str) -> None:
        super().__init__(f"invalid schema expression {text!r} at {position}: expected {expected}")
        self.text = text
        self.position = position
        self.expected = expected


@dataclass(frozen=True, slots=True)
class SchemaExpr:
    """A parsed expression. ``kind`` is one of prim, array, anyof, enum, model, none."""

    kind: str
    name: str = ""  # primitive name or model name
    format: str | None = None
    items: tuple[SchemaExpr, ...] = ()  # array item (1) or any-of members
    values: tuple[str, ...] = ()  # enum values

    @property
    def is_model(self) -> bool:
        return self.kind == "model"

    def model_names(self) -> list[str]:
        names = [self.name] if self.kind == "model" else []
        for item in self.items:
            names.extend(item.model_names())
        return names


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def fail(self, expected: str) -> SchemaSyntaxError:
        return SchemaSyntaxError(self.text, self.pos, expected)

    def peek(self, literal: str) -> bool:
        return self.text.startswith(literal, self.pos)

    def take(self, literal: str) -> None:
        if not self.peek(literal):
            raise self.fail(repr(literal))
        self.pos += len(literal)

    def parse(self) -> SchemaExpr:
        expr = self.expr()
        if self.pos != len(self.text):
            raise self.fail("end of expression")
        return expr

    def expr(self) -> SchemaExpr:
        if self.peek("any of ["):
            self.take("any of [")
            members = [self.expr()]
            while self.peek(", "):
                self.take(", ")
                members.append(self.expr())
            self.take("]")
            return SchemaExpr("anyof", items=tuple(members))
        if self.peek("array["):
            self.take("array[")
            item = self.expr()
            self.take("]")
            return SchemaExpr("array", items=(item,))
        if self.peek("enum ("):
            self.take("enum (")
            end = self.text.find(")", self.pos)
            if end < 0:
                raise self.fail("')' closing the enum")
            values = tuple(v.strip() for v in self.text[self.pos : end].split(","))
            if not all(values):
                raise self.fail("non-empty enum values")
            self.pos = end + 1
            return SchemaExpr("enum", values=values)
        match = re.compile(r"[A-Za-z][A-Za-z0-9_-]*").match(self.text, self.pos)
        if not match:
            raise self.fail("a type name, 'array[', 'any of [' or 'enum ('")
        word = match.group(0)
        self.pos = match.end()
        if word == "None":
            return SchemaExpr("none")
        if word in _PRIMITIVES:
            fmt = None
            if self.peek(" ("):
                self.take(" (")
                fmt_match = _FORMAT.match(self.text, self.pos)
                if not fmt_match:
                    raise self.fail("a format name")
                fmt = fmt_match.group(0)
                self.pos = fmt_match.end()
                self.take(")")
            return SchemaExpr("prim", name=word, format=fmt)
        if _MODEL.fullmatch(word):
            return SchemaExpr("model", name=word)
        self.pos = match.start()
        raise self.fail("a primitive type or a CamelCase model name")


def parse_schema(text: str) -> SchemaExpr:
    """Parse one Schema cell; raises :class:`SchemaSyntaxError` naming the offset and what was expected."""
    return _Parser(text.strip()).parse()


def is_schema_expression(text: str) -> bool:
    try:
        parse_schema(text)
    except SchemaSyntaxError:
        return False
    return True


#: An integer written plainly: no sign but ``-``, no leading zero (``01`` is a code, a string), no point.
_PLAIN_INTEGER = re.compile(r"0|-?[1-9][0-9]*")


def is_integer_enum(expr: SchemaExpr) -> bool:
    """Whether ``expr`` is an ``enum (...)`` whose values are all integers written plainly (``enum (5, 10, 30)``).

    The page prints an integer enum and a string enum alike; Samsung's OpenAPI documents type the plain integers
    as integers (cloudmonitoring's ``5, 10, 30, 60, 180, 360``) and keep zero-padded codes strings (billing's
    ``01, 03, 05``), so the values decide. Read as strings, the client rejected the integer the API sends."""
    return expr.kind == "enum" and all(_PLAIN_INTEGER.fullmatch(v) for v in expr.values)


def integer_enums(expr: SchemaExpr) -> list[SchemaExpr]:
    """The integer enums (:func:`is_integer_enum`) anywhere in ``expr``, for the reader's findings."""
    found = [expr] if is_integer_enum(expr) else []
    for item in expr.items:
        found.extend(integer_enums(item))
    return found


def to_json_schema(expr: SchemaExpr, ref_prefix: str = "#/components/schemas/") -> dict[str, Any]:
    """JSON Schema (OpenAPI 3.1) for an expression. ``any of [X, null]`` collapses to a nullable X where possible."""
    if expr.kind == "prim":
        out: dict[str, Any] = {"type": expr.name}
        if expr.format:
            out["format"] = expr.format
        return out
    if expr.kind == "array":
        return {"type": "array", "items": to_json_schema(expr.items[0], ref_prefix)}
    if expr.kind == "enum":
        if is_integer_enum(expr):
            return {"type": "integer", "enum": [int(v) for v in expr.values]}
        return {"type": "string", "enum": list(expr.values)}
    if expr.kind == "model":
        return {"$ref": ref_prefix + expr.name}
    if expr.kind == "none":
        return {}
    members = [m for m in expr.items if not (m.kind == "prim" and m.name == "null")]
    nullable = len(members) != len(expr.items)
    converted = [to_json_schema(m, ref_prefix) for m in members]
    if len(converted) == 1:
        single = converted[0]
        if not nullable:
            return single
        if "type" in single and isinstance(single["type"], str):
            nullable_single = dict(single)
            nullable_single["type"] = [single["type"], "null"]
            if "enum" in nullable_single:
                nullable_single["enum"] = [*nullable_single["enum"], None]
            return nullable_single
        return {"anyOf": [single, {"type": "null"}]}
    if nullable:
        converted.append({"type": "null"})
    return {"anyOf": converted}
