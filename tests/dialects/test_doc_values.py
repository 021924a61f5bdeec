"""Documented literal values and constraint suffixes (scraper.doc_values).

Cells are quoted from the committed snapshots (page:line in the comment); schemas are what the SCP Schema column
says for that row, written as JSON Schema.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from scraper.doc_values import NO_VALUE, DocValueError, NoValue, coerce_doc_value, parse_constraints, split_example
from tests.paths import PAGES

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
SERVER_CATEGORY = {"type": "string", "enum": ["VIRTUAL_SERVER", "GPU_SERVER", "BAREMETAL_SERVER"]}


# ---------------------------------------------------------------------------------------------------------------
# coerce_doc_value: real cells


def test_python_true_for_boolean() -> None:
    # 002:3581 | query | cascade optional | ... Example : True | any of [boolean, null] | True |
    schema = {"type": ["boolean", "null"]}
    assert coerce_doc_value("True", schema) == (True, None)
    assert coerce_doc_value("True", schema, role="default") == (True, None)
    # 001:7277 dr_enabled ... Example : False | any of [boolean, null]
    assert coerce_doc_value("False", schema) == (False, None)


def test_python_list_for_array() -> None:
    # 002:4128 | query | user_ids optional | User ID list Example : ['570907805e5447be84b618450ef52o0t'] |
    #          any of [array[string], null] | [] |
    schema = {"anyOf": [{"type": "array", "items": STRING}, {"type": "null"}]}
    assert coerce_doc_value("['570907805e5447be84b618450ef52o0t']", schema) == (
        ["570907805e5447be84b618450ef52o0t"],
        None,
    )
    assert coerce_doc_value("[]", schema, role="default") == ([], None)


def test_python_list_of_dicts_for_array_of_objects() -> None:
    # 001:15657 | attachments optional | Attached server Example : [{'id': 'd76...', 'name': 'baremetal-01'}] |
    #           array[object] | |
    text = "[{'id': 'd7682135392e42489948c189e29011cc', 'name': 'baremetal-01'}]"
    value, note = coerce_doc_value(text, {"type": "array", "items": {"type": "object"}})
    assert value == [{"id": "d7682135392e42489948c189e29011cc", "name": "baremetal-01"}]
    assert note is None


def test_one_value_for_a_list_is_a_one_item_list_with_a_note() -> None:
    # SCP Platform (real page, not committed): | query | display_name optional | ... Example : Networking |
    #   any of [array[string], null] |  -- the example was kept as a string, so the spec's example failed its schema
    schema = {"anyOf": [{"type": "array", "items": STRING}, {"type": "null"}]}
    value, note = coerce_doc_value("Networking", schema)
    assert value == ["Networking"]
    assert note is not None and "one value for a list" in note
    flags = {"type": "array", "items": {"type": "boolean"}}
    assert coerce_doc_value("True", flags)[0] == [True]
    # a value no one-item list of the schema takes stays as documented, reported
    value, note = coerce_doc_value("abc", {"type": "array", "items": {"type": "integer"}})
    assert value == "abc" and note is not None and "kept as documented" in note
    # a scalar schema is never wrapped
    assert coerce_doc_value("5", {"type": "integer"}) == (5, None)


def test_list_default_for_string_param_is_dropped_with_note() -> None:
    # 002:4129 | query | notification_state optional | ... Example : ACTIVE | any of [string, null] | [] |
    value, note = coerce_doc_value("[]", NULLABLE_STRING, role="default")
    assert value is NO_VALUE
    assert note is not None and note.startswith('default "[]" does not match the schema') and "dropped" in note
    # as an example it is kept (the example checker reports it in context)
    value, note = coerce_doc_value("[]", NULLABLE_STRING)
    assert value == [] and note is not None and "kept as documented" in note
    assert coerce_doc_value("ACTIVE", NULLABLE_STRING) == ("ACTIVE", None)


def test_integer_text_follows_the_schema() -> None:
    # 001:18635 capacity_tb ... Example : 100Minimum : 1Maximum : 1000 | integer
    assert coerce_doc_value("100", {"type": "integer"}) == (100, None)
    # 001:2583 | size required | Size Example : 20 | string (numeric-string) |
    assert coerce_doc_value("20", {"type": "string", "format": "numeric-string"}) == ("20", None)
    # Default column "20" of an integer query param (format-notes §4)
    assert coerce_doc_value("20", {"type": ["integer", "null"]}, role="default") == (20, None)


def test_multi_value_enum_keeps_the_first_valid_alternative() -> None:
    # 001:5114 | query | server_category required | Backup server category Example : VIRTUAL_SERVER | GPU_SERVER |
    #          BAREMETAL_SERVER | enum (VIRTUAL_SERVER, GPU_SERVER, BAREMETAL_SERVER) | None |
    value, note = coerce_doc_value("VIRTUAL_SERVER | GPU_SERVER | BAREMETAL_SERVER", SERVER_CATEGORY)
    assert value == "VIRTUAL_SERVER"
    assert note is not None and "lists alternatives" in note
    array = {"type": "array", "items": SERVER_CATEGORY}
    value, note = coerce_doc_value("VIRTUAL_SERVER | GPU_SERVER | BAREMETAL_SERVER", array)
    assert value == ["VIRTUAL_SERVER", "GPU_SERVER", "BAREMETAL_SERVER"] and note is not None


def test_multi_value_for_plain_string_and_unknown_schema() -> None:
    # 001:7566 | item_type required | Filesystem Type Example : DIR | FILE | string | |
    assert coerce_doc_value("DIR | FILE", STRING)[0] == "DIR"
    assert coerce_doc_value("DIR | FILE", None)[0] == "DIR"
    # an integer schema: the alternatives are read as literals
    assert coerce_doc_value("1 | 2", {"type": "integer"})[0] == 1


def test_swagger_fragment_leak_uses_its_example() -> None:
    # 001:15665 | iscsi_target_ips optional | List of iscsi ips Example : {'description': 'List of iscsi ips',
    #           'example': ['172.30.4.3', '172.30.4.4']} | array[string] | |
    text = "{'description': 'List of iscsi ips', 'example': ['172.30.4.3', '172.30.4.4']}"
    value, note = coerce_doc_value(text, {"type": "array", "items": STRING})
    assert value == ["172.30.4.3", "172.30.4.4"]
    assert note is not None and "swagger fragment" in note


def test_a_genuine_object_example_is_not_a_swagger_fragment() -> None:
    schema = {"type": "object"}
    assert coerce_doc_value("{'key': 'k', 'example': 1}", schema) == ({"key": "k", "example": 1}, None)


def test_empty_and_none() -> None:
    # 001:7130 | request_id required | Request ID Example : | string | |
    assert coerce_doc_value("", STRING) == (NO_VALUE, None)
    assert coerce_doc_value("   ", None) == (NO_VALUE, None)
    # Default "None" means no default (format-notes §4), even for a nullable schema
    assert coerce_doc_value("None", NULLABLE_STRING, role="default") == (NO_VALUE, None)
    # Example None: null when allowed, else nothing, with a note
    assert coerce_doc_value("None", NULLABLE_STRING) == (None, None)
    value, note = coerce_doc_value("None", STRING)
    assert value is NO_VALUE and note is not None and "non-nullable" in note


def test_plain_strings_stay_strings() -> None:
    # 002:6472 ... Example : created_at:desc | any of [string, null] | name:asc |
    assert coerce_doc_value("name:asc", NULLABLE_STRING, role="default") == ("name:asc", None)
    assert coerce_doc_value("True", STRING) == ("True", None)  # a string schema keeps the text
    assert coerce_doc_value("8.8", STRING) == ("8.8", None)
    assert coerce_doc_value("NaN", None) == ("NaN", None)  # not a JSON number
    assert coerce_doc_value("[a-z]+", None) == ("[a-z]+", None)


def test_refs_accept_anything() -> None:
    assert coerce_doc_value("{'id': 1}", {"$ref": "#/components/schemas/Tag"}) == ({"id": 1}, None)


def test_wrong_default_for_enum_is_dropped() -> None:
    value, note = coerce_doc_value("NOT_A_MEMBER", SERVER_CATEGORY, role="default")
    assert value is NO_VALUE and note is not None


def test_no_value_is_a_falsy_singleton() -> None:
    assert NoValue() is NO_VALUE and not NO_VALUE and repr(NO_VALUE) == "NO_VALUE"


# ---------------------------------------------------------------------------------------------------------------
# split_example / parse_constraints


@pytest.mark.parametrize(
    ("description", "expected"),
    [
        ("Request ID Example :", ("Request ID", "")),  # 001:7130
        ("Whether to use Encryption Example : True", ("Whether to use Encryption", "True")),  # 001:7262
        (
            "Archiving Policy State Example : ACTIVEPattern : ^(ACTIVE|INACTIVE)$",  # 001:2456
            ("Archiving Policy State", "ACTIVEPattern : ^(ACTIVE|INACTIVE)$"),
        ),
        ("Frequency DAILY | WEEKLY | NONE Example : DAILY", ("Frequency DAILY | WEEKLY | NONE", "DAILY")),  # 001:15458
        ("List of object id to detach", ("List of object id to detach", None)),  # 001:15493
        ("Example : 3", ("", "3")),
        ("CounterExample : 3", ("CounterExample : 3", None)),
    ],
)
def test_split_example(description: str, expected: tuple[str, str | None]) -> None:
    assert split_example(description) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ACTIVEPattern : ^(ACTIVE|INACTIVE)$", ("ACTIVE", {"pattern": "^(ACTIVE|INACTIVE)$"})),  # 001:2456
        (
            "restoretest1Pattern : ^[a-zA-Z0-9-_ ]*$Minimum length : 1Maximum length : 63",  # 001:7463
            ("restoretest1", {"maxLength": 63, "minLength": 1, "pattern": "^[a-zA-Z0-9-_ ]*$"}),
        ),
        ("100Minimum : 1Maximum : 1000", ("100", {"maximum": 1000, "minimum": 1})),  # 001:18635
        ("keyMaximum length : 128", ("key", {"maxLength": 128})),  # 001:2626
        ("0.5Minimum : -1.5", ("0.5", {"minimum": -1.5})),
        ("VIRTUAL_SERVER | GPU_SERVER", ("VIRTUAL_SERVER | GPU_SERVER", {})),
        ("", ("", {})),
        ("Pattern : ^a$", ("", {"pattern": "^a$"})),
    ],
)
def test_parse_constraints(text: str, expected: tuple[str, dict[str, Any]]) -> None:
    assert parse_constraints(text) == expected


def test_parse_constraints_rejects_duplicates_and_fractional_lengths() -> None:
    with pytest.raises(DocValueError, match="given twice"):
        parse_constraints("aMaximum : 1Maximum : 2")
    with pytest.raises(DocValueError, match="non-negative integer"):
        parse_constraints("aMaximum length : 1.5")


_MARKERS = ("Pattern : ", "Minimum length : ", "Maximum length : ", "Minimum : ", "Maximum : ")


def test_every_constraint_row_of_page_001() -> None:
    # Every model row of 001 with a glued constraint: the example text keeps no marker, patterns compile with the
    # literal "|" kept, and every marker on the page is accounted for.
    (path,) = sorted(PAGES.glob("scp/001_*.txt"))
    rows = [line for line in path.read_text(encoding="utf-8").split("\n") if any(m in line for m in _MARKERS)]
    assert rows
    patterns_on_page = sum(row.count("Pattern : ") for row in rows)
    patterns = 0
    for row in rows:
        description = row.split(" | ")[1]
        _text, value = split_example(description)
        assert value is not None, row
        example, constraints = parse_constraints(value)
        assert not any(m.strip() in example for m in _MARKERS), row
        assert constraints, row
        if "pattern" in constraints:
            patterns += 1
            re.compile(constraints["pattern"])
            assert constraints["pattern"] in row
        for key in ("minLength", "maxLength"):
            assert isinstance(constraints.get(key, 0), int)
    assert patterns == patterns_on_page


def test_constraints_on_separate_lines_keep_the_pattern_exact() -> None:
    """An HTML cell breaks constraints onto lines (a space in the flattened cell): the space before the next
    constraint is a separator, not the pattern's last character."""
    assert parse_constraints("sample Pattern : ^[a-z]+$ Minimum length : 3 Maximum length : 64") == (
        "sample",
        {"maxLength": 64, "minLength": 3, "pattern": "^[a-z]+$"},
    )
