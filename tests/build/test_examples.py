"""Example validation in the context of an OpenAPI document (scraper.build.examples)."""

from __future__ import annotations

import copy
import json
from typing import Any

from scraper.build.examples import ExampleChecker, ExampleIssue, check_example
from scraper.inference import ExampleSite, infer_schema
from tests.paths import PAGES


def page_json(prefix: str, line: int) -> Any:
    """The JSON block that starts (``{``) at 1-based ``line`` of ``pages/*/<prefix>_*.txt``."""
    (path,) = sorted(PAGES.glob(f"*/{prefix}_*.txt"))
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[line - 1].strip() == "{"
    for end in range(line, len(lines) + 1):
        try:
            return json.loads("\n".join(lines[line - 1 : end]))
        except ValueError:
            continue
    raise AssertionError(f"{path.name}:{line}: JSON block never closes")


LINK = {"type": "object", "properties": {"href": {"type": "string"}, "rel": {"type": "string"}}, "required": ["href"]}
RESOURCE = {
    "type": "object",
    "properties": {
        "id": {"type": "string"},
        "links": {"type": "array", "items": {"$ref": "#/components/schemas/Link"}},
        "size": {"type": ["integer", "null"]},
        "kind": {"anyOf": [{"type": "integer"}, {"type": "boolean"}]},
    },
    "required": ["id"],
}
COMPONENTS: dict[str, dict[str, Any]] = {"Link": LINK, "Resource": RESOURCE}
REF = {"$ref": "#/components/schemas/Resource"}


def test_valid_instance_has_no_issues() -> None:
    assert check_example({"id": "x", "links": [{"href": "/a"}], "size": None, "kind": True}, REF, COMPONENTS) == []


def test_refs_resolve_through_components_and_nested_refs() -> None:
    # 001:2684 shows "links": [""] where the model says array[object] (format-notes §7.6)
    issues = check_example({"id": "", "links": [""]}, REF, COMPONENTS)
    assert issues == [ExampleIssue("/links/0", "'' is not of type 'object'")]


def test_issue_paths_are_pointers_sorted_numerically() -> None:
    links: list[Any] = [{"href": "/ok"}] * 12
    links[2] = ""
    links[10] = {"rel": "self"}
    issues = check_example({"links": links, "size": ""}, REF, COMPONENTS)
    assert [issue.path for issue in issues] == ["", "/links/2", "/links/10", "/size"]
    assert issues[0].message == "'id' is a required property"
    assert issues[2].message == "'href' is a required property"
    assert issues[3].message == "'' is not of type 'integer', 'null'"
    assert str(issues[1]) == "/links/2: '' is not of type 'object'"


def test_anyof_type_failures_name_the_accepted_types() -> None:
    (issue,) = check_example({"id": "x", "kind": "3"}, REF, COMPONENTS)
    assert issue == ExampleIssue("/kind", "'3' is not of type 'integer', 'boolean'")


def test_long_values_are_abbreviated() -> None:
    (issue,) = check_example({"id": "x" * 500}, {"type": "object", "properties": {"id": {"type": "integer"}}}, {})
    assert issue.path == "/id"
    assert len(issue.message) < 80 and issue.message.endswith("is not of type 'integer'")


def test_unresolvable_reference_is_an_issue_not_a_crash() -> None:
    issues = check_example({"x": 1}, {"$ref": "#/components/schemas/Missing"}, COMPONENTS)
    assert issues == [ExampleIssue("", "unresolvable reference '#/components/schemas/Missing' in the schema")]


def test_formats_other_than_dates_are_annotations() -> None:
    # date-time and date are asserted (generated models type them; see the test below); the rest stay annotations
    assert check_example("not an address", {"type": "string", "format": "email"}, {}) == []
    assert check_example("not a uuid", {"type": "string", "format": "uuid"}, {}) == []
    assert check_example("not a date", {"type": "string", "format": "date-time"}, {}) != []


def test_cache_does_not_mix_documents_or_schemas() -> None:
    other = copy.deepcopy(COMPONENTS)
    other["Link"] = {"type": "string"}
    assert check_example({"id": "x", "links": ["/a"]}, REF, other) == []
    assert check_example({"id": "x", "links": ["/a"]}, REF, COMPONENTS) == [
        ExampleIssue("/links/0", "'/a' is not of type 'object'")
    ]
    # the same components object with two different schemas
    assert check_example(1, {"type": "integer"}, COMPONENTS) == []
    assert check_example(1, {"type": "string"}, COMPONENTS) == [ExampleIssue("", "1 is not of type 'string'")]
    # repeated checks through one checker give the same answer
    checker = ExampleChecker(COMPONENTS)
    first = checker.check({"links": [""]}, REF)
    assert checker.check({"links": [""]}, REF) == first and len(first) == 2


def test_inferred_virtual_server_model_against_its_documented_examples() -> None:
    # 002:1115 / 002:1191 ImageShowResponse (1.1, 1.0); 004:281 (1.1). Documented values carry "volumes" as a
    # string, the inferred schema says array: every documented example has exactly that issue, the normalised
    # examples have none.
    sites = [ExampleSite("002", 1115, "ImageShowResponse"), ExampleSite("002", 1191, "ImageShowResponse")]
    sites.append(ExampleSite("004", 281, "ImageShowResponse"))
    examples = [(page_json(s.page, s.line), s) for s in sites]
    inference = infer_schema(examples, side="response")
    components = {"ImageShowResponse": inference.schema}
    ref = {"$ref": "#/components/schemas/ImageShowResponse"}
    for value, _ in examples:
        issues = check_example(value, ref, components)
        assert [issue.path for issue in issues] == ["/volumes"]
        assert issues[0].message.endswith("is not of type 'array'")
    for clean in inference.normalised:
        assert check_example(clean, ref, components) == []


def test_a_date_time_without_a_timezone_is_no_date_time() -> None:
    """RFC 3339 (JSON Schema's date-time) needs seconds and an offset: generated models read ``date-time`` as an
    aware datetime and reject ``2024-05-01T10:00:00``, so the example contradicts its schema and must say so."""
    schema = {"type": "object", "properties": {"at": {"type": "string", "format": "date-time"}}}
    assert check_example({"at": "2024-05-01T10:00:00Z"}, schema, {}) == []
    assert check_example({"at": "2024-05-01T10:00:00+09:00"}, schema, {}) == []
    (issue,) = check_example({"at": "2024-05-01T10:00:00"}, schema, {})
    assert issue.path == "/at" and "date-time" in issue.message and "timezone" in issue.message
    (issue,) = check_example({"at": "2016-02-26T15:56:50+0900"}, schema, {})
    assert "+09:00" in issue.message
    day = {"type": "string", "format": "date"}
    assert check_example("2024-05-01", day, {}) == []
    assert check_example("2024-13-01", day, {}) != []
