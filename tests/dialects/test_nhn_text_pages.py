"""Misreadings seen on real text renderings of docs.nhncloud.com pages, on short synthetic mirrors of their shapes
(``tests/fixtures/nhn/text`` and ``tests/fixtures/nhn/cell-lines``; their READMEs name the pages)."""

from __future__ import annotations

import pytest

from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.model import Service
from scraper.readers import read_page
from tests.paths import ROOT

TEXT = ROOT / "tests" / "fixtures" / "nhn" / "text"


def _read(text: str, name: str = "page.txt") -> Service:
    (service,) = NhnDialect().read(read_page(text, page=name, format="text", provider="nhn"), PageInfo(name))
    return service


def test_a_header_row_named_after_a_placeholder_is_the_header_the_request_line_names() -> None:
    service = _read((TEXT / "placeholder-headers.txt").read_text(encoding="utf-8"))
    (op,) = service.operations
    parameters = {(p.name, p.location): p for p in op.versions["v1.0"].parameters}
    assert set(parameters) == {("X-GH-APP-KEY", "header"), ("channel", "path")}
    assert parameters[("X-GH-APP-KEY", "header")].required
    kinds = {(f.kind, f.line) for f in service.findings}
    assert ("header-from-placeholder", 18) in kinds  # appKey: sent as X-GH-APP-KEY
    assert ("header-from-placeholder", 19) in kinds  # accessToken: the Bearer auth header's value


def test_a_placeholder_header_whose_value_is_a_template_says_so() -> None:
    text = (TEXT / "placeholder-headers.txt").read_text(encoding="utf-8")
    text = text.replace("X-GH-APP-KEY: {appKey}", "X-GH-APP-KEY: Key {appKey}")
    (op,) = _read(text).operations
    (key,) = [p for p in op.versions["v1.0"].parameters if p.location == "header"]
    assert key.name == "X-GH-APP-KEY"
    assert "Key {appKey}" in key.description


@pytest.mark.parametrize("word", ["Path", "경로", "パス", "Name"])
def test_a_body_table_whose_first_column_is_headed_path_is_read(word: str) -> None:
    text = (TEXT / "path-column-ko.txt").read_text(encoding="utf-8").replace("경로 타입", f"{word} 타입")
    service = _read(text)
    (op,) = service.operations
    body = op.versions["v1.0"].request_body
    assert body is not None
    assert body.schema["required"] == ["sender", "content"]
    assert body.schema["properties"]["sender"]["required"] == ["senderPhoneNumber"]
    assert not [f for f in service.findings if f.kind == "undocumented-example-field" and f.line < 40]


CELL_LINES = ROOT / "tests" / "fixtures" / "nhn" / "cell-lines"


def test_cell_lines_with_a_dropped_empty_cell_are_regrouped_row_by_row() -> None:
    service = _read((CELL_LINES / "dropped-empty-cell-ko.txt").read_text(encoding="utf-8"))
    (op,) = service.operations
    body = op.versions["v2.4"].request_body
    assert body is not None
    assert set(body.schema["properties"]) == {"token", "pushType", "isAdAgreement", "country", "uid"}
    assert body.schema["required"] == ["token", "pushType", "isAdAgreement", "country", "uid"]
    assert body.schema["properties"]["isAdAgreement"]["type"] == "boolean"
    assert body.schema["properties"]["country"]["description"] == "ISO 3166-1 alpha-2"
    assert not [f for f in service.findings if f.kind == "undocumented-example-field" and f.line < 40]
    repaired = [f for f in service.findings if "dropped" in f.message]
    assert [f.line for f in repaired] == [28]  # pushType's row, which lost its empty description cell


def test_a_get_body_table_without_a_required_column_under_no_response_heading_is_its_response() -> None:
    service = _read((TEXT / "get-response-without-heading.txt").read_text(encoding="utf-8"))
    (op,) = service.operations
    read = op.versions["v2"]
    assert read.request_body is None
    assert {(p.name, p.location) for p in read.parameters} == {("tenantId", "path"), ("minDisk", "query")}
    (ok,) = read.responses
    assert ok.status == "200" and ok.schema is not None
    assert set(ok.schema["properties"]["flavors"]["items"]["properties"]) == {"id", "name", "disk"}
    assert [(f.kind, f.line) for f in service.findings if f.kind == "response-under-request"] == [
        ("response-under-request", 25)
    ]
    assert not [f for f in service.findings if f.kind == "body-on-bodyless"]


def test_a_get_whose_second_table_has_a_required_column_keeps_it_in_the_request() -> None:
    text = (TEXT / "get-response-without-heading.txt").read_text(encoding="utf-8")
    text = text.replace("Format Description\nflavors Body", "Format Required Description\nflavors Body")
    text = text.replace("Body Array Flavor", "Body Array O Flavor")
    service = _read(text)
    # the table stays the request's; only the example under it (rebuilt from its bracketless lines) is the response's,
    # as any GET's JSON example under its request heading is
    moved = [f for f in service.findings if f.kind == "response-under-request"]
    assert [(f.line, "example read as the response" in f.message) for f in moved] == [(31, True)]


def test_an_example_whose_bracket_only_lines_were_dropped_is_rebuilt_as_json() -> None:
    service = _read((TEXT / "bracketless-example.txt").read_text(encoding="utf-8"))
    (op,) = service.operations
    version = op.versions["v1.0"]
    assert version.example_response is not None
    assert version.example_response.body == {
        "header": {"isSuccessful": True, "resultCode": 0, "resultMessage": "SUCCESS"},
        "gadget": {
            "gadgetId": "g-1",
            "slots": [{"slotId": 3, "size": 12.5}, {"slotId": 4, "size": 8.0}],
            "tags": ["red", "blue"],
            "active": True,
        },
    }
    (response,) = [r for r in version.responses if r.status == "200"]
    assert response.schema is not None
    slots = response.schema["properties"]["gadget"]["properties"]["slots"]
    assert slots["items"]["properties"]["size"]["type"] == "number"
    repaired = [f for f in service.findings if f.kind == "example-repaired"]
    assert [f.line for f in repaired] == [22]
    assert "bracket" in repaired[0].message
