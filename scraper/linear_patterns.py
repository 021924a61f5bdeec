"""JSON Schema ``pattern`` checked in linear time, by the regex engine the generated models use.

A spec or a page from anyone may pair a backtracking pattern with a value that triggers it: ``^(a+)+$`` against
forty ``a`` and a ``!`` makes Python's ``re`` (which jsonschema's ``pattern`` keyword uses) take 2**40 steps, and
``docs2client generate`` hung checking that documented example. pydantic-core's Rust engine, which the generated
models match patterns with by default, takes linear time and agrees with them on what matches; a pattern only
Python's engine compiles (a lookaround, a back reference: ``regex_engines.py`` gives such models ``python-re``) is
matched by it, as those models do.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from scraper.schema_patterns import compiled

__all__ = ["pattern_keyword", "pattern_matches", "with_linear_patterns"]


def pattern_matches(pattern: str, text: str) -> bool:
    """Whether ``pattern`` finds a match anywhere in ``text`` (JSON Schema's unanchored ``pattern``); a pattern
    neither engine compiles matches everything (it is reported where it enters, ``schema_patterns``)."""
    rust = _rust(pattern)
    if rust is not None:
        return bool(rust.isinstance_python(text))
    python = compiled(pattern)
    return isinstance(python, str) or python.search(text) is not None


@functools.lru_cache(maxsize=4096)
def _rust(pattern: str) -> Any:
    from pydantic_core import SchemaError, SchemaValidator, core_schema

    try:
        return SchemaValidator(core_schema.str_schema(pattern=pattern, strict=True))
    except (SchemaError, RecursionError, OverflowError):
        return None


def pattern_keyword(validator: Any, pattern: Any, instance: Any, schema: Any) -> Iterator[Any]:
    """jsonschema's ``pattern`` keyword, by :func:`pattern_matches`."""
    from jsonschema.exceptions import ValidationError

    if isinstance(pattern, str) and validator.is_type(instance, "string") and not pattern_matches(pattern, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@functools.cache
def with_linear_patterns(validator_class: Any) -> Any:
    """``validator_class`` (a jsonschema validator class) with :func:`pattern_keyword` as its ``pattern``."""
    from jsonschema.validators import extend

    return extend(validator_class, {"pattern": pattern_keyword})
