"""A valid-range or max-length cell read as JSON Schema bounds (``scraper.dialects.valid_range``)."""

from __future__ import annotations

import pytest

from scraper.dialects.valid_range import merged, read_bounds


@pytest.mark.parametrize(
    ("cell", "label", "kind", "bounds"),
    [
        ("Max. 200 characters", "Valid range", "string", {"maxLength": 200}),
        ("최대 50자", "유효 범위", "string", {"maxLength": 50}),
        ("最大200文字", "有効範囲", "string", {"maxLength": 200}),
        ("최소 2글자, 최대 255Byte", "유효 범위", "string", {"minLength": 2, "maxLength": 255}),
        (
            "Min. 10 characters, Max. 40 characters, English letters, and numbers",
            "Valid range",
            "string",
            {"minLength": 10, "maxLength": 40},
        ),
        ("최대 150자, URL 형식", "유효 범위", "string", {"maxLength": 150}),
        ("50자 이하", "제약 조건", "string", {"maxLength": 50}),
        ("100", "Max Length", "string", {"maxLength": 100}),
        ("10", "최대 길이", "array", {"maxItems": 10}),
        ("Min. 1, Max. 3,000", "Valid range", "array", {"minItems": 1, "maxItems": 3000}),
        ("최대 50개", "유효 범위", "array", {"maxItems": 50}),
        ("Max. 50 items", "Valid range", "array", {"maxItems": 50}),
        ("Min. 0, Max. 65535", "Valid range", "integer", {"minimum": 0, "maximum": 65535}),
        ("1~100", "Valid range", "integer", {"minimum": 1, "maximum": 100}),
        ("0～86400", "有効範囲", "integer", {"minimum": 0, "maximum": 86400}),
        ("100-599", "Valid range", "integer", {"minimum": 100, "maximum": 599}),
        ("-1 ~ 3", "제약 조건", "number", {"minimum": -1, "maximum": 3}),
        ("최대 1000", "유효 범위", "integer", {"maximum": 1000}),
        ("1以上", "有効範囲", "integer", {"minimum": 1}),
        ("最低2文字、最大255Byte", "有効範囲", "string", {"minLength": 2, "maxLength": 255}),
        ("Min. 0, Max. 1.00", "Valid range", "number", {"minimum": 0, "maximum": 1.0}),
        ("0.5~2.5", "Valid range", "number", {"minimum": 0.5, "maximum": 2.5}),
        ("Min. 10 or (retries+1)*timeout, Max. 3600", "Valid range", "integer", {"maximum": 3600}),
        ("100 characters or less", "Valid range", "string", {"maxLength": 100}),
    ],
)
def test_a_bound_the_cell_states_is_read(cell: str, label: str, kind: str, bounds: dict[str, int | float]) -> None:
    assert read_bounds(cell, label, kind) == bounds


@pytest.mark.parametrize(
    ("cell", "label", "kind", "why"),
    [
        ("0.123", "例", "number", "an example column states no limit"),
        ("Max. 100", "Example", "integer", "an example column states no limit"),
        ("100", "Valid range", "string", "a bare number in a range column is no length"),
        ("1000", "Max Length", "integer", "a length of an integer is not a value bound"),
        ("1~5", "Valid range", "string", "a range of a string without a unit may be of its values"),
        ("Max. 200 characters", "Valid range", "integer", "a length unit does not bound a number"),
        ("최대 65535자", "유효 범위", "object", "objects take no length"),
        ("Min. 2 bytes", "Valid range", "string", "2 bytes may be 1 character: no minimum length"),
        ("5~1", "Valid range", "integer", "a minimum above the maximum"),
        ("Max. 5, Max. 6", "Valid range", "integer", "two different maximums"),
        ("Standard: 90 bytes, Max: 255 characters (as of EUC-KR)", "Max Length", "string", "prose around a bound"),
        ("없음", "유효 범위", "string", "no value"),
        ("N/A", "Valid range", "integer", "no value"),
        ("Max. 1.5", "Valid range", "integer", "a decimal bounds no integer"),
        ("Max. 2.5 characters", "Valid range", "string", "a decimal is no length"),
        ("300K", "Max Length", "string", "an unknown unit"),
        ("Min. 10 or (retries+1)*timeout", "Valid range", "integer", "one of two alternatives is no bound"),
    ],
)
def test_what_is_not_wholly_a_bound_is_not_read(cell: str, label: str, kind: str, why: str) -> None:
    assert read_bounds(cell, label, kind) == {}, why


def test_a_bound_the_schema_already_states_is_kept() -> None:
    assert merged({"type": "string", "maxLength": 10}, {"maxLength": 50, "minLength": 1}) == {
        "type": "string",
        "maxLength": 10,
        "minLength": 1,
    }
