"""The 3.1 example checker is jsonschema's Draft 2020-12 validator plus ``discriminator``: it must judge instances
exactly as openapi-schema-validator's ``OAS31Validator`` (extended the same way) does, without importing it."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from jsonschema.validators import extend

from scraper.clients import ir
from scraper.clients.discriminated_examples import discriminator_errors
from scraper.linear_patterns import with_linear_patterns

_CASES: list[tuple[dict[str, Any], Any]] = [
    ({"type": "string", "pattern": "^[a-z]+$"}, "abc"),
    ({"type": "string", "pattern": "^[a-z]+$"}, "ABC"),
    ({"type": ["string", "null"]}, None),
    ({"type": "integer", "format": "int32"}, 2**40),  # formats are annotations in both
    ({"type": "string", "format": "date-time"}, "yesterday"),
    ({"type": "object", "required": ["a"], "properties": {"a": {"type": "integer"}}}, {"a": "1"}),
    ({"type": "object", "example": {"a": 1}, "xml": {"name": "x"}, "externalDocs": {"url": "u"}}, {"b": 2}),
    ({"anyOf": [{"type": "integer"}, {"type": "boolean"}]}, "x"),
    ({"type": "array", "prefixItems": [{"type": "integer"}], "items": False}, [1, 2]),
    ({"const": 3}, 3),
    ({"$defs": {"n": {"type": "number", "minimum": 2}}, "$ref": "#/$defs/n"}, 1),
    (
        {
            "oneOf": [
                {"type": "object", "properties": {"kind": {"const": "a"}}, "required": ["kind"]},
                {"type": "object", "properties": {"kind": {"const": "b"}}, "required": ["kind"]},
            ],
            "discriminator": {"propertyName": "kind"},
        },
        {"kind": "c"},
    ),
]


def _messages(validator_cls: Any, schema: dict[str, Any], value: Any) -> list[str]:
    return sorted(e.message for e in with_linear_patterns(validator_cls)(schema).iter_errors(value))


@pytest.mark.parametrize(("schema", "value"), _CASES)
def test_same_verdicts_as_oas31_validator(schema: dict[str, Any], value: Any) -> None:
    from openapi_schema_validator import OAS31Validator

    theirs = extend(OAS31Validator, validators={"discriminator": discriminator_errors})
    assert _messages(ir._OAS31_DISCRIMINATED(), schema, value) == _messages(theirs, schema, value)


def test_building_it_does_not_import_openapi_schema_validator() -> None:
    """The point of building it on jsonschema: a cold one-package run does not load the library (and
    pydantic-settings with it) before the models can start. Checked in a fresh interpreter."""
    import subprocess

    code = (
        "import sys; from scraper.clients import ir; ir._OAS31_DISCRIMINATED();"
        " print('openapi_schema_validator' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
