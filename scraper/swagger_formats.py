"""Values of a Swagger 2.0 document that miss a ``format`` of 2.0's own JSON schema.

2.0's schema gives some of its keywords a format: ``uri`` for the OAuth ``authorizationUrl``/``tokenUrl`` and the
contact, licence and external docs URLs, ``email`` for the contact's address, ``regex`` (through draft 4's
meta-schema) for ``pattern``. openapi-spec-validator checks them when its jsonschema-rs backend is installed (the
lock installs it), and a miss inside a ``oneOf`` (a security scheme, a parameter) comes out as one complaint about
the whole object, which the general repair (checking with jsonschema, no formats) could not locate: the whole
document was refused (APIs-guru's dracoon.team: ``tokenUrl: /oauth/token``; reloadly.com: ``tokenUrl: ''``;
ijenko.net: ``pattern`` with ``{,2}``, which Python's ``re`` takes and Rust's regex does not).

None of these values stops a client: OpenAPI 3 reads a relative URL against the server (and the client sends a
token it is given, whatever the URLs say), a generated model checks patterns with Python's ``re`` (and leaves out
one that does not compile), and the contact's address is only shown. So a complaint that comes down to format
misses alone is kept as written, with one warning per value, naming its pointer.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any

__all__ = ["format_misses", "only_format_misses", "place"]


@functools.cache
def _format_checker() -> Any:
    """A jsonschema format checker asking jsonschema-rs (the spec validator's backend) about the formats 2.0's
    schema uses, so a miss is what the validator called one; without jsonschema-rs, no format is checked (nor
    does the validator check one)."""
    from jsonschema import FormatChecker

    checker = FormatChecker(formats=())
    try:
        import jsonschema_rs
    except ImportError:  # pragma: no cover - the lock installs it
        return checker
    for name in ("uri", "email", "regex"):
        validator = jsonschema_rs.validator_for({"format": name}, validate_formats=True)
        checker.checks(name)(functools.partial(_fits, validator))
    return checker


def _fits(validator: Any, value: object) -> bool:
    return not isinstance(value, str) or bool(validator.is_valid(value))


@functools.cache
def _checking_validator() -> Any:
    from jsonschema import Draft4Validator
    from openapi_spec_validator.schemas import schema_v2

    return Draft4Validator(schema_v2, format_checker=_format_checker())


def _leaves(errors: Iterable[Any]) -> Iterator[Any]:
    for error in errors:
        yield error
        yield from _leaves(error.context or ())


def format_misses(doc: Any) -> dict[tuple[Any, ...], tuple[str, str]]:
    """Every value of ``doc`` that misses a format of 2.0's schema: its path → (format, value)."""
    out: dict[tuple[Any, ...], tuple[str, str]] = {}
    for error in _leaves(_checking_validator().iter_errors(doc)):
        if error.validator == "format" and isinstance(error.instance, str):
            out[tuple(error.absolute_path)] = (str(error.validator_value), error.instance)
    return out


def only_format_misses(path: Iterable[Any], other_errors: Iterable[Iterable[Any]], misses: Iterable[Any]) -> bool:
    """Whether a complaint at ``path`` comes down to format misses alone: some miss lies at or under it, and no
    complaint of the format-blind check (``other_errors``, their paths) lies at, under or above it."""
    here = place(path)

    def related(other: Iterable[Any]) -> bool:
        there = place(other)
        return there[: len(here)] == here or here[: len(there)] == there

    return any(place(m)[: len(here)] == here for m in misses) and not any(related(o) for o in other_errors)


def place(path: Iterable[Any]) -> tuple[str, ...]:
    """A complaint's path as text: jsonschema-rs names a key that looks like a number (a response's ``202``) as
    the number, jsonschema as the text, so the two are compared as text."""
    return tuple(str(part) for part in path)
