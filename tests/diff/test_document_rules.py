"""Rules that had no pair of their own before the registry (servers, security, media types, parameter
serialisation, version table, documentation), each checked in both directions."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.diff.diff_docs import S, body_doc, doc, obj, op_doc, param, triples

SRV_A, SRV_B = {"url": "https://a.example.com"}, {"url": "https://b.example.com"}


def with_servers(*servers: dict[str, Any]) -> dict[str, Any]:
    d = doc()
    d["servers"] = [copy.deepcopy(s) for s in servers]
    return d


def test_servers_added_and_removed_and_their_variables() -> None:
    assert triples(with_servers(SRV_A, SRV_B), with_servers(SRV_A)) == [("server-removed", "breaking", "servers")]
    assert triples(with_servers(SRV_A), with_servers(SRV_A, SRV_B)) == [("server-added", "non-breaking", "servers")]
    plain = {"url": "https://{region}.example.com", "variables": {"region": {"default": "kr"}}}
    more = copy.deepcopy(plain)
    more["variables"]["env"] = {"default": "prod"}
    where = "servers[0].variables.env"
    assert triples(with_servers(plain), with_servers(more)) == [("server-variable-added", "non-breaking", where)]
    assert triples(with_servers(more), with_servers(plain)) == [("server-variable-removed", "breaking", where)]


def test_security_requirements() -> None:
    a, b = op_doc(security=[]), op_doc(security=[{"apiKey": []}])
    assert triples(a, b) == [("security-requirement-added", "breaking", "security")]
    assert triples(b, a) == [("security-requirement-removed", "non-breaking", "security")]


def test_media_types_and_body_schemas() -> None:
    def body(content: dict[str, Any]) -> dict[str, Any]:
        return op_doc(requestBody={"content": content})

    json_only = body({"application/json": {"schema": obj({"a": S})}})
    xml_only = body({"application/xml": {"schema": obj({"a": S})}})
    both = body({"application/json": {"schema": obj({"a": S})}, "application/xml": {"schema": obj({"a": S})}})
    assert triples(json_only, xml_only) == [("request-media-type-changed", "breaking", "request.body")]
    assert triples(xml_only, json_only) == [("request-media-type-changed", "breaking", "request.body")]
    assert triples(both, json_only) == [("request-media-type-removed", "breaking", "request.body(application/xml)")]
    two_and_text = body({**both["paths"]["/v1/things/{thing_id}"]["get"]["requestBody"]["content"], "text/plain": {}})
    assert triples(both, two_and_text) == [("request-media-type-added", "non-breaking", "request.body(text/plain)")]
    assert triples(two_and_text, both) == [("request-media-type-removed", "breaking", "request.body(text/plain)")]
    untyped = body({"application/json": {}})
    assert triples(untyped, json_only) == [("request-body-schema-added", "breaking", "request.body")]
    assert triples(json_only, untyped) == [("request-body-schema-removed", "non-breaking", "request.body")]
    ok = {"description": "OK"}
    resp_untyped = op_doc(responses={"200": ok | {"content": {"application/json": {}}}})
    resp_typed = op_doc(responses={"200": ok | {"content": {"application/json": {"schema": S}}}})
    assert triples(resp_untyped, resp_typed) == [("response-body-schema-added", "non-breaking", "response.200.body")]
    assert triples(resp_typed, resp_untyped) == [("response-body-schema-removed", "breaking", "response.200.body")]


def test_parameter_serialisation_and_deprecation() -> None:
    a = op_doc(parameters=[param("ids") | {"style": "form", "explode": True}])
    b = op_doc(parameters=[param("ids") | {"style": "spaceDelimited", "explode": False}])
    assert triples(a, b) == [
        ("parameter-explode-changed", "breaking", "parameter.query.ids"),
        ("parameter-style-changed", "breaking", "parameter.query.ids"),
    ]
    assert triples(b, a) == triples(a, b)
    c = op_doc(parameters=[param("ids") | {"deprecated": True}])
    assert triples(op_doc(parameters=[param("ids")]), c) == [
        ("parameter-deprecated", "deprecation", "parameter.query.ids")
    ]
    assert triples(c, op_doc(parameters=[param("ids")])) == []  # un-deprecating a parameter needs no action


def test_items_additional_properties_format_and_undeprecated() -> None:
    untyped, typed = {"type": "array"}, {"type": "array", "items": S}
    assert triples(body_doc(untyped, "request"), body_doc(typed, "request")) == [
        ("request-items-added", "breaking", "request.body[]")
    ]
    assert triples(body_doc(typed, "response"), body_doc(untyped, "response")) == [
        ("response-items-removed", "breaking", "response.200.body[]")
    ]
    free, shaped = obj({}, additionalProperties=True), obj({}, additionalProperties={"type": "integer"})
    assert triples(body_doc(free, "request"), body_doc(shaped, "request")) == [
        ("request-additional-properties-schema-added", "breaking", "request.body{}")
    ]
    assert triples(body_doc(shaped, "request"), body_doc(free, "request")) == [
        ("request-additional-properties-schema-removed", "non-breaking", "request.body{}")
    ]
    assert triples(body_doc(free, "response"), body_doc(obj({}), "response")) == [
        ("response-additional-properties-changed", "info", "response.200.body{}")
    ]
    date, time = S | {"format": "date"}, S | {"format": "time"}
    assert triples(body_doc(date, "response"), body_doc(time, "response")) == [
        ("response-format-changed", "breaking", "response.200.body")
    ]
    deprecated = S | {"deprecated": True}
    assert triples(body_doc(deprecated, "response"), body_doc(S, "response")) == [
        ("response-undeprecated", "info", "response.200.body")
    ]


def test_version_table_rows() -> None:
    row_a = {"version": "1.0", "status": "CURRENT", "date": "2026-12-31"}
    row_b = {"version": "1.0", "status": "SUPPORTED", "date": "2027-03-31"}
    a, b = doc(**{"x-versions": [row_a]}), doc(**{"x-versions": [row_b]})
    assert triples(a, b) == [
        ("version-date-changed", "info", "info.x-versions[1.0].date"),
        ("version-status-changed", "info", "info.x-versions[1.0].status"),
    ]
    assert triples(b, a) == [
        ("version-date-moved-earlier", "deprecation", "info.x-versions[1.0].date"),
        ("version-status-changed", "info", "info.x-versions[1.0].status"),
    ]
    assert triples(a, doc(**{"x-versions": []})) == [("version-unlisted", "info", "info.x-versions[1.0]")]
    assert triples(doc(**{"x-versions": []}), a) == [("version-listed", "info", "info.x-versions[1.0]")]


def test_api_version_and_api_sunset_moves() -> None:
    assert triples(doc(), doc(version="2.0")) == [("api-version-changed", "info", "info.version")]
    assert triples(doc(version="2.0"), doc()) == [("api-version-changed", "info", "info.version")]
    early, late = doc(**{"x-sunset": "2026-06-30"}), doc(**{"x-sunset": "2026-12-31"})
    assert triples(late, early) == [("sunset-moved-earlier", "deprecation", "info.x-sunset")]
    assert triples(early, late) == [("sunset-moved-later", "info", "info.x-sunset")]
    assert triples(late, doc()) == [("sunset-removed", "info", "info.x-sunset")]  # not deprecated: information


def test_documentation_rules_only_with_docs() -> None:
    a = op_doc(tags=["a"], responses={"200": {"description": "OK", "content": {"application/json": {"schema": S}}}})
    b = copy.deepcopy(a)
    op = b["paths"]["/v1/things/{thing_id}"]["get"]
    op["tags"] = ["b"]
    media = op["responses"]["200"]["content"]["application/json"]
    media["example"] = "x"
    media["examples"] = {"one": {"value": "y"}}
    media["schema"] = S | {"title": "Name"}
    assert triples(a, b) == []
    expected = [
        ("example-changed", "info", "response.200.body"),
        ("examples-changed", "info", "response.200.body"),
        ("title-changed", "info", "response.200.body"),
        ("tags-changed", "info", "tags"),
    ]
    assert triples(a, b, docs=True) == expected
    assert triples(b, a, docs=True) == expected


def test_security_alternatives() -> None:
    one, two = op_doc(security=[{"apiKey": []}]), op_doc(security=[{"apiKey": []}, {"oauth": ["read"]}])
    assert triples(one, two) == [("security-alternative-added", "non-breaking", "security")]
    assert triples(two, one) == [("security-alternative-removed", "breaking", "security")]


def test_response_header_required_toggle() -> None:
    def with_header(required: bool) -> dict[str, Any]:
        header = {"X-Rate": {"required": required, "schema": {"type": "integer"}}}
        return op_doc(responses={"200": {"description": "OK", "headers": header}})

    loc = "response.200.header.X-Rate"
    assert triples(with_header(True), with_header(False)) == [("response-header-became-optional", "breaking", loc)]
    assert triples(with_header(False), with_header(True)) == [("response-header-became-required", "non-breaking", loc)]


def test_deprecated_parameter_removed_is_the_end_of_its_deprecation() -> None:
    a = op_doc(parameters=[param("thing_id", "path", True), param("old") | {"deprecated": True}])
    b = op_doc()
    assert triples(a, b) == [("parameter-removed-deprecated", "deprecation", "parameter.query.old")]
    assert triples(b, a) == [("parameter-added", "non-breaking", "parameter.query.old")]


@pytest.mark.parametrize(
    ("keyword", "value", "other"),
    [
        ("if", {"properties": {"a": {"const": 1}}}, {"properties": {"a": {"const": 2}}}),
        ("contains", {"type": "integer"}, {"type": "string"}),
        ("patternProperties", {"^x-": {"type": "string"}}, {"^y-": {"type": "string"}}),
        ("prefixItems", [{"type": "string"}], [{"type": "integer"}]),
    ],
)
def test_other_json_schema_keywords(keyword: str, value: Any, other: Any) -> None:
    plain = {"type": "array" if keyword in ("contains", "prefixItems") else "object"}
    a, b, c = plain, plain | {keyword: value}, plain | {keyword: other}
    for side, root in (("request", "request.body"), ("response", "response.200.body")):
        added = triples(body_doc(a, side), body_doc(b, side))
        assert added == [(f"{side}-keyword-added", "breaking" if side == "request" else "non-breaking", root)]
        removed = triples(body_doc(b, side), body_doc(a, side))
        assert removed == [(f"{side}-keyword-removed", "non-breaking" if side == "request" else "breaking", root)]
        assert triples(body_doc(b, side), body_doc(c, side)) == [(f"{side}-keyword-changed", "breaking", root)]
