"""The SCP Schema-cell grammar (format-notes §4-§5): expressions from the pages -> JSON Schema, and syntax errors."""

from __future__ import annotations

import re
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from scraper.schema_grammar import SchemaSyntaxError, is_schema_expression, parse_schema, to_json_schema
from tests.paths import ROOT

REF = "#/components/schemas/"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("string", {"type": "string"}),
        ("integer", {"type": "integer"}),
        ("object", {"type": "object"}),
        ("string (date-time)", {"type": "string", "format": "date-time"}),
        ("string (numeric-string)", {"type": "string", "format": "numeric-string"}),
        ("any of [string, null]", {"type": ["string", "null"]}),
        ("any of [boolean, null]", {"type": ["boolean", "null"]}),
        ("any of [string (date-time), null]", {"type": ["string", "null"], "format": "date-time"}),
        ("array[Snapshot]", {"type": "array", "items": {"$ref": REF + "Snapshot"}}),
        ("array[string]", {"type": "array", "items": {"type": "string"}}),
        ("VolumeCreateRequestV1Dot2", {"$ref": REF + "VolumeCreateRequestV1Dot2"}),
        ("enum (SSD, HDD)", {"type": "string", "enum": ["SSD", "HDD"]}),
        ("enum (5MIN, HOURLY, DAILY)", {"type": "string", "enum": ["5MIN", "HOURLY", "DAILY"]}),
        ("None", {}),
    ],
)
def test_literal_forms(text: str, expected: dict[str, Any]) -> None:
    assert to_json_schema(parse_schema(text)) == expected


@pytest.mark.parametrize(
    ("text", "admitted", "excluded"),
    [
        ("any of [array[string], null]", [["a"], None, []], ["a", [1]]),
        ("any of [array[string], string]", [["a"], "a"], [None, 1]),
        ("any of [array[string], string, null]", [["a"], "a", None], [1, [2]]),
        ("any of [enum (use, paused), null]", ["use", None], ["other"]),
        (
            "any of [array[enum (virtual_server, gpu_server)], enum (virtual_server, gpu_server), null]",
            [["gpu_server"], "virtual_server", None],
            ["k8s", ["k8s"]],
        ),
        ("any of [array[object], null]", [[{}], None], [[1], "x"]),
        ("any of [integer, null]", [1, None], ["1", 1.5]),
    ],
)
def test_composite_forms_by_meaning(text: str, admitted: list[Any], excluded: list[Any]) -> None:
    validator = Draft202012Validator(to_json_schema(parse_schema(text)))
    for value in admitted:
        assert validator.is_valid(value), value
    for value in excluded:
        assert not validator.is_valid(value), value


def test_nullable_model_array_references_the_model() -> None:
    schema = to_json_schema(parse_schema("any of [array[ObjectVersions], null]"))
    assert f"{REF}ObjectVersions" in repr(schema)
    assert Draft202012Validator(schema).is_valid(None)
    assert parse_schema("any of [array[ObjectVersions], null]").model_names() == ["ObjectVersions"]


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("array[string", 12),
        ("any of [string, ]", 16),
        ("enum (a, , b)", 6),
        ("enum (a, b", 6),
        ("WEEKLY", 0),  # an enum word, not a model name
        ("string (Date)", 8),
        ("NONE Example : DAILY", 0),
        ("", 0),
        ("string | True", 6),
    ],
)
def test_syntax_errors_are_located(text: str, position: int) -> None:
    with pytest.raises(SchemaSyntaxError) as raised:
        parse_schema(text)
    assert raised.value.position == position
    assert raised.value.text == text
    assert "expected" in str(raised.value)
    assert not is_schema_expression(text)


def test_every_schema_cell_of_the_pages_parses() -> None:
    """format-notes §4-§5: the grammar covers every Schema cell; the only failures are the 3 broken 001 rows."""
    failures: list[str] = []
    cells = 0
    for path in sorted((ROOT / "pages" / "scp").glob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            # mid-table rows written in full: | name req | desc | SCHEMA | default |  (models or parameters)
            match = re.fullmatch(
                r"\| (?:(?:path|query) \| )?\S+ (?:required|optional) \| [^|]*\| ([^|]+) \| [^|]* \|", line
            )
            if match:
                cells += 1
                if not is_schema_expression(match.group(1).strip()):
                    failures.append(f"{path.name[:3]}:{number}: {match.group(1)}")
    assert cells > 900  # 709 mid Models rows (format-notes §5) plus the simple parameter rows
    # the naive split reads "WEEKLY" as the schema of the broken rows (format-notes §7 item 7); nothing else fails
    assert failures == ["001:15458: WEEKLY", "001:15651: WEEKLY", "001:15845: WEEKLY"]


@pytest.mark.parametrize(
    ("text", "schema"),
    [
        ("enum (5, 10, 30, 60)", {"type": "integer", "enum": [5, 10, 30, 60]}),
        ("any of [enum (0, -1), null]", {"type": ["integer", "null"], "enum": [0, -1, None]}),
        ("array[enum (1, 2)]", {"type": "array", "items": {"type": "integer", "enum": [1, 2]}}),
        # a leading zero, a decimal point or a word keeps the values strings (billing's '01', '03', '05')
        ("enum (01, 03, 05)", {"type": "string", "enum": ["01", "03", "05"]}),
        ("enum (1.0, 1.1)", {"type": "string", "enum": ["1.0", "1.1"]}),
        ("enum (5, FIVE)", {"type": "string", "enum": ["5", "FIVE"]}),
    ],
)
def test_an_enum_of_integers_only_is_an_integer_enum(text: str, schema: dict[str, Any]) -> None:
    """Samsung's OpenAPI documents type an enum whose values are all integers written plainly as an integer
    (cloudmonitoring ``eventPolicyStatisticsPeriod``: 5, 10, 30, 60, 180, 360) and keep zero-padded codes strings
    (billing ``01``, ``03``, ``05``); the page prints both as ``enum (...)``. A string enum ``['5', '10']`` made the
    client reject the integer 5 the API sends."""
    assert to_json_schema(parse_schema(text)) == schema
    assert Draft202012Validator.check_schema(schema) is None
