"""Documented literal values (SCP ``Example :`` and ``Default`` cells) as JSON values, and glued constraints.

SCP tables print values the way the server's Python code would print them (format-notes §4, §5, §7 items 9, 14):
``True``/``False``/``None``, list and dict reprs (``['a']``, ``[{'id': 1}]``), enum alternatives run together
(``VIRTUAL_SERVER | GPU_SERVER | BAREMETAL_SERVER``), a leaked swagger fragment
(``{'description': 'List of iscsi ips', 'example': ['172.30.4.3']}``), and values that contradict the declared type
(``[]`` as the default of a string parameter). :func:`coerce_doc_value` turns such a cell into the JSON value it
means, *using the declared schema to choose between readings*, and says in a note whenever it had to guess.

Readings, tried in order, the first that validates against the schema wins (``$ref`` subschemas accept anything,
since models are not known here):

1. the literal (JSON, then Python ``True``/``False``/``None``, Python list/dict reprs), e.g. ``20`` -> 20;
2. the text as a string, e.g. ``20`` for a ``string`` schema -> ``"20"`` (not offered for list/dict literals: a
   ``[]`` default is not the string ``"[]"``);
3. for ``A | B`` texts: the list ``["A", "B"]``, the first alternative, then the whole text (always noted).

When no reading validates, an *example* keeps its literal reading with a note (the example checker reports it
again in context), while a *default* is dropped (:data:`NO_VALUE`) with a note: a wrong default would be compiled
into every generated client. ``None`` in a Default cell means "no default" (format-notes §4) and gives NO_VALUE.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any, Final, Literal

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from scraper import page_numbers
from scraper.inference import parse_stringified
from scraper.linear_patterns import with_linear_patterns
from scraper.schema_patterns import without_bad_patterns

__all__ = [
    "NO_VALUE",
    "DocValueError",
    "NoValue",
    "coerce_doc_value",
    "parse_constraints",
    "split_example",
]

Role = Literal["example", "default"]


class NoValue:
    """The type of :data:`NO_VALUE`: "nothing documented", distinct from a documented ``null``."""

    _instance: NoValue | None = None

    def __new__(cls) -> NoValue:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NO_VALUE"

    def __bool__(self) -> bool:
        return False


NO_VALUE: Final = NoValue()


class DocValueError(ValueError):
    """A description's constraint suffix cannot be read (e.g. a constraint given twice). Quotes the text."""


# ---------------------------------------------------------------------------------------------------------------
# schema checks


def _strip_refs(schema: Any) -> Any:
    if isinstance(schema, dict):
        if "$ref" in schema:
            return {}
        return {key: _strip_refs(value) for key, value in schema.items()}
    if isinstance(schema, list):
        return [_strip_refs(item) for item in schema]
    return schema


@lru_cache(maxsize=1024)
def _validator(canonical: str) -> Draft202012Validator:
    validator: Draft202012Validator = with_linear_patterns(Draft202012Validator)(_strip_refs(json.loads(canonical)))
    return validator


def _problem(value: Any, schema: dict[str, Any] | None) -> str | None:
    """None when ``value`` validates against ``schema`` (or there is no schema), else a short message."""
    if schema is None:
        return None
    schema, _ = without_bad_patterns(schema)  # reported where the service is built (scraper.build)
    validator = _validator(json.dumps(schema, sort_keys=True, default=str))
    error = best_match(validator.iter_errors(value))
    return None if error is None else error.message


def _short(value: Any, limit: int = 80) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 3] + "..."


# ---------------------------------------------------------------------------------------------------------------
# literal readings


class _Unparsed:
    pass


_UNPARSED: Final = _Unparsed()
_PYTHON_CONSTANTS: Final = {"True": True, "False": False, "None": None}
_SWAGGER_KEYS: Final = frozenset({"description", "example", "type", "items", "format", "title", "default"})


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _literal(text: str) -> Any:
    """The literal ``text`` spells (JSON or Python), or ``_UNPARSED``."""
    if text in _PYTHON_CONSTANTS:
        return _PYTHON_CONSTANTS[text]
    container = parse_stringified(text)
    if container is not None:
        return container[1]
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except ValueError:
        return _UNPARSED


def coerce_doc_value(text: str, schema: dict[str, Any] | None, *, role: Role = "example") -> tuple[Any, str | None]:
    """The JSON value a documented cell means, and a note when the reading was a guess (see the module docstring).

    ``schema`` is the declared JSON Schema of the field (None when unknown); ``role`` is ``"example"`` for
    ``Example :`` values and ``"default"`` for Default cells. Returns ``(NO_VALUE, note-or-None)`` for no value.
    """
    cell = text.strip()
    if not cell:
        return NO_VALUE, None
    if role == "default" and cell == "None":
        return NO_VALUE, None
    literal = _literal(cell)
    if isinstance(literal, dict) and "example" in literal and set(literal) <= _SWAGGER_KEYS:
        value = literal["example"]
        note = f"{role} {_short(cell)} is a leaked swagger fragment; used its 'example' {_short(value)}"
        problem = _problem(value, schema)
        if problem is None:
            return value, note
        return _mismatch(cell, value, problem, role)
    if literal is None and cell in ("None", "null"):
        problem = _problem(None, schema)
        if problem is None:
            return None, None
        return NO_VALUE, f"{role} {cell} given for a non-nullable schema; no {role} kept"

    readings: list[Any] = []
    multi = " | " in cell
    parts = [part.strip() for part in cell.split("|") if part.strip()] if multi else []
    if multi and schema is None:
        readings.append(_scalar(parts[0]))
    if not isinstance(literal, _Unparsed):
        readings.append(literal)
    if multi:
        readings.extend([[_scalar(part) for part in parts], _scalar(parts[0]), parts[0]])
    if not isinstance(literal, list | dict):
        readings.append(cell)
    # a list field documented with one value (``display_name`` ... ``Example : Networking``): a one-item list
    wrapped = (
        [[_scalar(cell)], [cell]] if schema is not None and not multi and not isinstance(literal, list | dict) else []
    )
    for value in [*readings, *wrapped]:
        if _problem(value, schema) is None:
            if multi:
                return value, f"{role} {_short(cell)} lists alternatives; kept {_short(value)}"
            if any(value is w for w in wrapped):
                return (
                    value,
                    f"{role} {_short(cell)} is one value for a list; read as the one-item list {_short(value)}",
                )
            return value, None
    primary = readings[0]
    problem = _problem(primary, schema) or "does not match"
    return _mismatch(cell, primary, problem, role)


def _scalar(text: str) -> Any:
    literal = _literal(text)
    if isinstance(literal, _Unparsed | list | dict):
        return text
    return literal


def _mismatch(cell: str, value: Any, problem: str, role: Role) -> tuple[Any, str]:
    if role == "default":
        return NO_VALUE, f"default {_short(cell)} does not match the schema ({problem}); dropped"
    return value, f"example {_short(cell)} does not match the schema ({problem}); kept as documented"


# ---------------------------------------------------------------------------------------------------------------
# description splitting

#: ``Example :`` then a space, the end, or a constraint line glued to an empty example (``Example :Maximum length :
#: 1000``: the text rendering joins the cell's lines with nothing, and a field without an example prints none)
_EXAMPLE_RE: Final = re.compile(
    r"(?:^|(?<=\s))Example :(?=\s|$|(?:Pattern|Minimum length|Maximum length|Minimum|Maximum) : )"
)
_NUMERIC_CONSTRAINT_RE: Final = re.compile(r"(Minimum length|Maximum length|Minimum|Maximum) : (-?\d+(?:\.\d+)?)\s*$")
_CONSTRAINT_KEYS: Final = {
    "Minimum length": "minLength",
    "Maximum length": "maxLength",
    "Minimum": "minimum",
    "Maximum": "maximum",
}
_PATTERN_MARK: Final = "Pattern : "


def split_example(description: str) -> tuple[str, str | None]:
    """Split ``<text> Example : <value>`` into ``(text, value)``.

    ``value`` is None when there is no ``Example :`` and ``""`` when it is empty; the value keeps any glued
    constraint suffix (see :func:`parse_constraints`). The first ``Example :`` wins.
    """
    match = _EXAMPLE_RE.search(description)
    if match is None:
        return description.strip(), None
    return description[: match.start()].strip(), description[match.end() :].strip()


def parse_constraints(text: str) -> tuple[str, dict[str, Any]]:
    """Split glued constraint suffixes off an example value.

    ``restoretest1Pattern : ^[a-zA-Z0-9-_ ]*$Minimum length : 1Maximum length : 63`` gives
    ``("restoretest1", {"pattern": "^[a-zA-Z0-9-_ ]*$", "minLength": 1, "maxLength": 63})``. The numeric suffixes are
    read from the end (any order); what precedes them after the first ``Pattern :`` is the pattern, verbatim
    (``|`` included). Raises :class:`DocValueError` when a constraint is given twice or a length is not an integer.
    """
    rest = text.rstrip()
    constraints: dict[str, Any] = {}
    while True:
        match = _NUMERIC_CONSTRAINT_RE.search(rest)
        if match is None:
            break
        key = _CONSTRAINT_KEYS[match.group(1)]
        if key in constraints:
            raise DocValueError(f"constraint {match.group(1)!r} given twice in {text!r}")
        number = match.group(2)
        if key in ("minLength", "maxLength") and ("." in number or number.startswith("-")):
            raise DocValueError(f"{match.group(1)} must be a non-negative integer in {text!r}, not {number}")
        value = page_numbers.number(number)
        if value is None:
            raise DocValueError(f"{match.group(1)} is a number of {len(number)} characters, more than a spec holds")
        constraints[key] = value
        # a separator between constraints (a line break in the HTML cell) is not part of what precedes it
        rest = rest[: match.start()].rstrip()
    marker = rest.find(_PATTERN_MARK)
    if marker >= 0:
        constraints["pattern"] = rest[marker + len(_PATTERN_MARK) :]
        rest = rest[:marker]
    return rest.strip(), dict(sorted(constraints.items()))
