"""Check documented examples against their schemas, in the context of a whole OpenAPI document.

The emitter validates every example it publishes (~1000 per build) against the operation's or model's schema, and
turns each problem into an ``example-mismatch`` finding. Schemas refer to models as
``{"$ref": "#/components/schemas/X"}``, so validation happens inside a synthetic document
``{"components": {"schemas": <components>}}`` registered with a :mod:`referencing` registry; the schema under test
is placed in that document too, so its own ``#/components/...`` references resolve the same way.

Validators are cached per (components, schema) *identity* (bounded LRU). The cache keeps the objects alive, so an
identity is never reused for a different object; callers must therefore not mutate a components mapping or schema
after checking examples against it. Measured on the 239 example blocks of pages 002/004 against their 92 inferred
models: ~160 us per call, cached or not (validation dominates; building a registry and validator is cheap).

OpenAPI ``format`` is asserted for ``date-time`` and ``date`` only, by this module's own RFC 3339 reading (not a
library found or missing at run time): a generated model reads ``date-time`` as a timezone-aware datetime, so an
example ``2024-05-01T10:00:00`` contradicts its schema as surely as ``"true"`` for a boolean does, and a contract test
built from it would fail. Other formats stay annotations.

Issue paths are JSON pointers into the instance (``""`` for the root, ``/links/0``), issues are sorted by path
(array indices numerically) then message, and messages are short (long values are abbreviated).
"""

from __future__ import annotations

import json
import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

from scraper.json_pointer import json_pointer
from scraper.linear_patterns import with_linear_patterns

__all__ = ["ExampleChecker", "ExampleIssue", "check_example"]

_DOCUMENT_URI: Final = "urn:docs2client:openapi"
_SLOT: Final = "x-docs2client-checked"
_MAX_VALIDATORS: Final = 4096


#: RFC 3339 date-time (JSON Schema's ``date-time``): seconds and an offset are mandatory.
_DATE_TIME: Final = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})")
_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


def _is_date_time(instance: object) -> bool:
    """A string is a date-time when RFC 3339 says so (a value of another type is the ``type`` keyword's business)."""
    if not isinstance(instance, str):
        return True
    if not _DATE_TIME.fullmatch(instance):
        return False
    try:
        datetime.fromisoformat(instance.upper())
    except ValueError:
        return False
    return True


def _is_date(instance: object) -> bool:
    if not isinstance(instance, str):
        return True
    if not _DATE.fullmatch(instance):
        return False
    try:
        date.fromisoformat(instance)
    except ValueError:
        return False
    return True


_FORMATS: Final = FormatChecker(formats=())
_FORMATS.checkers["date-time"] = (_is_date_time, ())
_FORMATS.checkers["date"] = (_is_date, ())


@dataclass(frozen=True, order=True)
class ExampleIssue:
    """One problem of an example: JSON pointer into the instance (``""`` = root) and a short message."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path or '/'}: {self.message}"


def _short(value: Any, limit: int = 40) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str) if not isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _pointer(parts: Iterable[str | int]) -> str:
    return json_pointer(parts)


def _sort_key(issue: tuple[tuple[str | int, ...], str]) -> tuple[tuple[tuple[int, int, str], ...], str]:
    parts, message = issue
    return (tuple((1, part, "") if isinstance(part, int) else (2, 0, part) for part in parts), message)


def _message(error: ValidationError) -> str:
    """A short message; for any-of/one-of failures that are pure type mismatches, name the accepted types."""
    if error.validator in ("anyOf", "oneOf") and error.context:
        direct = [sub for sub in error.context if not sub.relative_path]
        if direct and all(sub.validator == "type" for sub in direct):
            types: list[str] = []
            for sub in direct:
                wanted = sub.validator_value
                for name in wanted if isinstance(wanted, list) else [wanted]:
                    if name not in types:
                        types.append(name)
            return f"{_short(error.instance)} is not of type {', '.join(repr(t) for t in types)}"
    message = str(error.message)
    if error.validator == "format" and error.validator_value == "date-time" and isinstance(error.instance, str):
        if _DATE_TIME.fullmatch(error.instance + "Z"):
            message += " (RFC 3339: no timezone offset, e.g. Z or +09:00)"
        elif re.fullmatch(r".*T\d{2}:\d{2}:\d{2}(?:\.\d+)?[+-]\d{4}", error.instance):
            message += " (RFC 3339 writes the offset with a colon, e.g. +09:00)"
        else:
            message += " (RFC 3339)"
    if error.validator in ("type", "enum", "const", "format", "pattern", "anyOf", "oneOf", "not"):
        full = repr(error.instance)
        if message.startswith(full):
            message = _short(error.instance) + message[len(full) :]
    if len(message) > 160:
        message = message[:157] + "..."
    return message


class ExampleChecker:
    """Validates instances against schemas that may ``$ref`` into ``components`` (``#/components/schemas/X``)."""

    def __init__(self, components: dict[str, dict[str, Any]]) -> None:
        self._components = components
        self._validators: OrderedDict[int, tuple[Any, Draft202012Validator]] = OrderedDict()

    def _validator(self, schema: dict[str, Any]) -> Draft202012Validator:
        cached = self._validators.get(id(schema))
        if cached is not None and cached[0] is schema:
            self._validators.move_to_end(id(schema))
            return cached[1]
        document = {"components": {"schemas": self._components}, _SLOT: schema}
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        registry: Registry[Any] = Registry().with_resource(_DOCUMENT_URI, resource)
        validator: Draft202012Validator = with_linear_patterns(Draft202012Validator)(
            {"$ref": f"{_DOCUMENT_URI}#/{_SLOT}"}, registry=registry, format_checker=_FORMATS
        )
        self._validators[id(schema)] = (schema, validator)
        while len(self._validators) > _MAX_VALIDATORS:
            self._validators.popitem(last=False)
        return validator

    def check(self, instance: Any, schema: dict[str, Any]) -> list[ExampleIssue]:
        """All problems of ``instance`` against ``schema``, sorted; an empty list when it validates."""
        validator = self._validator(schema)
        found: list[tuple[tuple[str | int, ...], str]] = []
        try:
            for error in validator.iter_errors(instance):
                found.append((tuple(error.absolute_path), _message(error)))
        except Unresolvable as exc:
            ref = str(getattr(exc, "ref", exc))
            found.append(((), f"unresolvable reference {'#' + ref if ref.startswith('/') else ref!r} in the schema"))
        unique = sorted(set(found), key=_sort_key)
        return [ExampleIssue(_pointer(parts), message) for parts, message in unique]


_CHECKERS: OrderedDict[int, tuple[Any, ExampleChecker]] = OrderedDict()
_MAX_CHECKERS: Final = 16


def check_example(instance: Any, schema: dict[str, Any], components: dict[str, dict[str, Any]]) -> list[ExampleIssue]:
    """Problems of ``instance`` against ``schema``; ``$ref`` s resolve into ``components`` (name -> schema).

    Convenience wrapper around :class:`ExampleChecker` with a small cache keyed by the identity of ``components``.
    """
    entry = _CHECKERS.get(id(components))
    if entry is None or entry[0] is not components:
        entry = (components, ExampleChecker(components))
        _CHECKERS[id(components)] = entry
        while len(_CHECKERS) > _MAX_CHECKERS:
            _CHECKERS.popitem(last=False)
    else:
        _CHECKERS.move_to_end(id(components))
    return entry[1].check(instance, schema)
