"""Lifecycle rules, each pair checked in both directions: removing operations around their sunset, sunsets
deleted, moved or unreadable, and ``x-stability-level``."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from scraper.diff.compare import compare
from tests.diff.diff_docs import doc, kinds, op_doc, triples

JAN_2026 = date(2026, 1, 1)


def two_ops(**second: Any) -> dict[str, Any]:
    """``GET /v1/a`` plus ``DELETE /v1/a`` with ``second``'s fields."""
    return doc({"/v1/a": {"get": {"responses": {}}, "delete": {"responses": {}, **second}}})


BASE = doc({"/v1/a": {"get": {"responses": {}}}})


@pytest.mark.parametrize(
    ("fields", "today", "expected"),
    [
        ({}, JAN_2026, ("operation-removed", "breaking")),
        ({"deprecated": True}, JAN_2026, ("operation-removed-deprecated", "deprecation")),
        ({"x-api-status": "DEPRECATED"}, JAN_2026, ("operation-removed-deprecated", "deprecation")),
        ({"deprecated": True, "x-sunset": "2025-12-31"}, JAN_2026, ("operation-removed-after-sunset", "deprecation")),
        ({"deprecated": True, "x-sunset": "2026-01-01"}, JAN_2026, ("operation-removed-after-sunset", "deprecation")),
        ({"deprecated": True, "x-sunset": date(2026, 1, 2)}, JAN_2026, ("operation-removed-before-sunset", "breaking")),
        ({"deprecated": True, "x-sunset": "2025-12-31"}, None, ("operation-removed-before-sunset", "breaking")),
        ({"deprecated": True, "x-sunset": "someday"}, JAN_2026, ("operation-removed-before-sunset", "breaking")),
        ({"x-stability-level": "alpha"}, JAN_2026, ("operation-removed-unstable", "non-breaking")),
        ({"x-stability-level": "beta"}, JAN_2026, ("operation-removed", "breaking")),
    ],
)
def test_operation_removal_around_the_sunset(fields: dict[str, Any], today: date | None, expected: Any) -> None:
    assert kinds(two_ops(**fields), BASE, today=today) == [expected]
    assert kinds(BASE, two_ops(**fields), today=today) == [("operation-added", "non-breaking")]


def dep(sunset: Any = None, **extra: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {"deprecated": True, **extra}
    if sunset is not None:
        fields["x-sunset"] = sunset
    return op_doc(**fields)


def test_sunset_deleted_while_still_deprecated_is_flagged() -> None:
    assert triples(dep("2026-06-30"), dep()) == [("operation-sunset-deleted", "deprecation", "x-sunset")]
    assert triples(dep(), dep("2026-06-30")) == [("operation-sunset-set", "deprecation", "x-sunset")]
    # withdrawn together with the deprecation: information
    assert triples(dep("2026-06-30"), op_doc()) == [
        ("operation-undeprecated", "info", "deprecated"),
        ("operation-sunset-removed", "info", "x-sunset"),
    ]


def test_sunset_moved_earlier_within_and_below_the_minimum_notice() -> None:
    later, earlier, soon = dep("2026-12-31"), dep("2026-09-30"), dep("2026-02-15")
    assert kinds(later, earlier, today=JAN_2026) == [("operation-sunset-moved-earlier", "deprecation")]
    assert kinds(earlier, later, today=JAN_2026) == [("operation-sunset-moved-later", "info")]
    assert kinds(later, soon, today=JAN_2026) == [("operation-sunset-too-soon", "breaking")]
    assert kinds(soon, later, today=JAN_2026) == [("operation-sunset-moved-later", "info")]
    assert kinds(later, soon, today=None) == [("operation-sunset-moved-earlier", "deprecation")]  # no clock
    assert kinds(later, soon, today=JAN_2026, min_notice_days=30) == [("operation-sunset-moved-earlier", "deprecation")]
    [change] = compare(later, soon, today=JAN_2026)
    assert change.message == "operation sunset 2026-02-15 is less than 90 days after 2026-01-01"
    [past] = compare(later, dep("2025-12-01"), today=JAN_2026)  # a date already behind today says so
    assert past.message == "operation sunset 2025-12-01 is less than 90 days after 2026-01-01 (already past)"


def test_sunset_set_too_soon_on_deprecation() -> None:
    assert kinds(op_doc(), dep("2026-01-10"), today=JAN_2026) == [
        ("operation-deprecated", "deprecation"),
        ("operation-sunset-too-soon", "breaking"),
    ]
    assert kinds(dep("2026-01-10"), op_doc(), today=JAN_2026) == [
        ("operation-undeprecated", "info"),
        ("operation-sunset-removed", "info"),
    ]


def test_sunset_that_is_not_a_date_is_an_error_not_a_string_compare() -> None:
    assert triples(dep("2026-06-30"), dep("end of Q3")) == [("operation-sunset-invalid", "breaking", "x-sunset")]
    # back to a date: the unreadable old value is no date to compare with, so the sunset counts as newly set
    assert triples(dep("end of Q3"), dep("2026-06-30")) == [("operation-sunset-set", "deprecation", "x-sunset")]
    # "2026-10-01" < "2026-9-30" as strings; as dates it moved later
    assert triples(dep("2026-09-30"), dep("2026-10-01T00:00:00Z")) == [
        ("operation-sunset-moved-later", "info", "x-sunset")
    ]


def test_api_version_sunset_rules() -> None:
    deprecated = {"x-api-status": "DEPRECATED"}
    a = doc(**deprecated, **{"x-sunset": "2026-12-31"})
    assert triples(a, doc(**deprecated)) == [("sunset-deleted", "deprecation", "info.x-sunset")]
    assert triples(doc(**deprecated), a) == [("sunset-set", "deprecation", "info.x-sunset")]
    assert triples(a, doc(**deprecated, **{"x-sunset": "31.12.2026"})) == [
        ("sunset-invalid", "breaking", "info.x-sunset")
    ]
    soon = doc(**deprecated, **{"x-sunset": "2026-01-05"})
    assert kinds(a, soon, today=JAN_2026) == [("sunset-too-soon", "breaking")]
    assert kinds(soon, a, today=JAN_2026) == [("sunset-moved-later", "info")]
    current = doc(**{"x-api-status": "CURRENT"})
    assert triples(doc(**deprecated), current) == [("api-status-changed", "info", "info.x-api-status")]
    assert triples(current, doc(**deprecated)) == [("api-status-deprecated", "deprecation", "info.x-api-status")]


@pytest.mark.parametrize(
    ("before", "after", "forward", "backward"),
    [
        (
            "stable",
            "beta",
            [("operation-stability-decreased", "breaking")],
            [("operation-stability-increased", "info")],
        ),
        (
            "alpha",
            "draft",
            [("operation-stability-decreased", "breaking")],
            [("operation-stability-increased", "info")],
        ),
        # an invalid value is reported where it appears; from it there is no promise to compare against
        ("beta", "experimental", [("operation-stability-invalid", "breaking")], []),
    ],
)
def test_operation_stability_level(before: str, after: str, forward: Any, backward: Any) -> None:
    a, b = op_doc(**{"x-stability-level": before}), op_doc(**{"x-stability-level": after})
    assert kinds(a, b) == forward
    assert kinds(b, a) == backward
    assert [c.location for c in compare(a, b)] == ["x-stability-level"] * len(forward)


def with_param(**fields: Any) -> dict[str, Any]:
    return op_doc(
        parameters=[
            {"name": "thing_id", "in": "path", "required": True, "schema": {"type": "string"}},
            {"name": "q", "in": "query", "schema": {"type": "string"}, **fields},
        ]
    )


@pytest.mark.parametrize(
    ("fields", "today", "expected"),
    [
        ({}, JAN_2026, ("parameter-removed", "breaking")),
        ({"deprecated": True}, JAN_2026, ("parameter-removed-deprecated", "deprecation")),
        ({"deprecated": True, "x-sunset": "2025-12-31"}, JAN_2026, ("parameter-removed-deprecated", "deprecation")),
        ({"deprecated": True, "x-sunset": "2026-03-31"}, JAN_2026, ("parameter-removed-before-sunset", "breaking")),
        ({"deprecated": True, "x-sunset": "2025-12-31"}, None, ("parameter-removed-before-sunset", "breaking")),
    ],
)
def test_parameter_removal_around_the_sunset(fields: dict[str, Any], today: date | None, expected: Any) -> None:
    assert kinds(with_param(**fields), op_doc(), today=today) == [expected]
    assert kinds(op_doc(), with_param(**fields), today=today) == [("parameter-added", "non-breaking")]


PREFIXES = {"operation": "operation-", "parameter": "parameter-", "api": ""}


def subject(kind: str, sunset: Any = None, deprecated: bool = True) -> dict[str, Any]:
    """A document whose operation, parameter or API version has ``sunset`` (and is deprecated)."""
    fields: dict[str, Any] = {} if sunset is None else {"x-sunset": sunset}
    if kind == "operation":
        return op_doc(**fields, **({"deprecated": True} if deprecated else {}))
    if kind == "parameter":
        return with_param(**fields, **({"deprecated": True} if deprecated else {}))
    return doc(**fields, **({"x-api-status": "DEPRECATED"} if deprecated else {}))


@pytest.mark.parametrize("kind", sorted(PREFIXES))
def test_sunset_rules_for_every_subject(kind: str) -> None:
    p = PREFIXES[kind]

    def got(a: dict[str, Any], b: dict[str, Any]) -> list[tuple[str, str]]:
        return [k for k in kinds(a, b, today=JAN_2026) if "sunset" in k[0]]

    early, late, soon = subject(kind, "2026-09-30"), subject(kind, "2026-12-31"), subject(kind, "2026-01-20")
    assert got(subject(kind), late) == [(f"{p}sunset-set", "deprecation")]
    assert got(late, subject(kind)) == [(f"{p}sunset-deleted", "deprecation")]
    assert got(late, subject(kind, deprecated=False)) == [(f"{p}sunset-removed", "info")]
    assert got(late, early) == [(f"{p}sunset-moved-earlier", "deprecation")]
    assert got(early, late) == [(f"{p}sunset-moved-later", "info")]
    assert got(late, soon) == [(f"{p}sunset-too-soon", "breaking")]
    assert got(late, subject(kind, "next year")) == [(f"{p}sunset-invalid", "breaking")]
    assert got(subject(kind, "next year"), late) == [(f"{p}sunset-set", "deprecation")]


def test_removal_messages_say_how_the_sunset_was_judged() -> None:
    fields = {"deprecated": True, "x-sunset": "2026-03-31"}
    [judged] = compare(two_ops(**fields), BASE, today=JAN_2026)
    assert judged.message == "operation removed before its sunset 2026-03-31 (as of 2026-01-01)"
    [unjudged] = compare(two_ops(**fields), BASE)
    assert unjudged.message == "operation removed before its sunset 2026-03-31 (no reference date: not judged passed)"
