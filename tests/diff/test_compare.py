"""Hand-written spec pairs for every diff rule, each checked in both directions and on both sides of the wire."""

from __future__ import annotations

import copy
import json
import random
from typing import Any

import pytest

from scraper.diff.compare import compare
from tests.diff.diff_docs import I, S, Triple, body_doc, doc, obj, param, triples

# (id, old schema, new schema, relative location,
#  forward: (kind suffix, request severity, response severity), backward: same for new -> old)
RULES: list[tuple[str, Any, Any, str, tuple[str, str, str], tuple[str, str, str]]] = [
    (
        "optional-property",
        obj({"a": S}),
        obj({"a": S, "b": S}),
        ".b",
        ("property-added", "non-breaking", "non-breaking"),
        ("property-removed", "breaking", "breaking"),
    ),
    (
        "required-toggle",
        obj({"a": S}),
        obj({"a": S}, ["a"]),
        ".a",
        ("property-became-required", "breaking", "non-breaking"),
        ("property-became-optional", "non-breaking", "breaking"),
    ),
    (
        "type-changed",
        obj({"a": S}),
        obj({"a": {"type": "boolean"}}),
        ".a",
        ("type-changed", "breaking", "breaking"),
        ("type-changed", "breaking", "breaking"),
    ),
    (
        "type-widened",
        obj({"a": I}),
        obj({"a": {"type": "number"}}),
        ".a",
        ("type-widened", "non-breaking", "breaking"),
        ("type-narrowed", "breaking", "non-breaking"),
    ),
    (
        "type-union",
        obj({"a": S}),
        obj({"a": {"type": ["string", "integer"]}}),
        ".a",
        ("type-widened", "non-breaking", "breaking"),
        ("type-narrowed", "breaking", "non-breaking"),
    ),
    (
        "format",
        obj({"a": S}),
        obj({"a": {"type": "string", "format": "date-time"}}),
        ".a",
        ("format-added", "breaking", "non-breaking"),
        ("format-removed", "non-breaking", "breaking"),
    ),
    (
        "nullable-31",
        obj({"a": S}),
        obj({"a": {"type": ["string", "null"]}}),
        ".a",
        ("became-nullable", "non-breaking", "breaking"),
        ("became-not-nullable", "breaking", "non-breaking"),
    ),
    (
        "nullable-anyof",
        obj({"a": {"type": "array", "items": S}}),
        obj({"a": {"anyOf": [{"type": "array", "items": S}, {"type": "null"}]}}),
        ".a",
        ("became-nullable", "non-breaking", "breaking"),
        ("became-not-nullable", "breaking", "non-breaking"),
    ),
    (
        # a field known only as null (an example showed null) given no type: any value, null among them, is taken
        "null-only-to-any",
        obj({"a": {"type": "null"}}),
        obj({"a": {}}),
        ".a",
        ("type-widened", "non-breaking", "breaking"),
        ("type-narrowed", "breaking", "non-breaking"),
    ),
    (
        "null-only-to-nullable-string",
        obj({"a": {"type": "null"}}),
        obj({"a": {"type": ["string", "null"]}}),
        ".a",
        ("type-widened", "non-breaking", "breaking"),
        ("type-narrowed", "breaking", "non-breaking"),
    ),
    (
        "enum-value",
        obj({"a": {"type": "string", "enum": ["x", "y"]}}),
        obj({"a": {"type": "string", "enum": ["x", "y", "z"]}}),
        ".a",
        ("enum-value-added", "non-breaking", "non-breaking"),
        ("enum-value-removed", "breaking", "non-breaking"),
    ),
    (
        "enum-constraint",
        obj({"a": S}),
        obj({"a": {"type": "string", "enum": ["x"]}}),
        ".a",
        ("enum-added", "breaking", "non-breaking"),
        ("enum-removed", "non-breaking", "breaking"),
    ),
    (
        "max-length",
        obj({"a": {"type": "string", "maxLength": 10}}),
        obj({"a": {"type": "string", "maxLength": 5}}),
        ".a",
        ("max-length-tightened", "breaking", "non-breaking"),
        ("max-length-relaxed", "non-breaking", "non-breaking"),
    ),
    (
        "minimum-added",
        obj({"a": I}),
        obj({"a": {"type": "integer", "minimum": 1}}),
        ".a",
        ("minimum-tightened", "breaking", "non-breaking"),
        ("minimum-relaxed", "non-breaking", "non-breaking"),
    ),
    (
        "max-items",
        obj({"a": {"type": "array", "items": S, "maxItems": 3}}),
        obj({"a": {"type": "array", "items": S, "maxItems": 30}}),
        ".a",
        ("max-items-relaxed", "non-breaking", "non-breaking"),
        ("max-items-tightened", "breaking", "non-breaking"),
    ),
    (
        "pattern",
        obj({"a": {"type": "string", "pattern": "^[a-z]+$"}}),
        obj({"a": {"type": "string", "pattern": "^[a-z0-9]+$"}}),
        ".a",
        ("pattern-changed", "breaking", "non-breaking"),
        ("pattern-changed", "breaking", "non-breaking"),
    ),
    (
        "default",
        obj({"a": {"type": "integer", "default": 10}}),
        obj({"a": {"type": "integer", "default": 20}}),
        ".a",
        ("default-changed", "breaking", "info"),
        ("default-changed", "breaking", "info"),
    ),
    (
        "default-added",
        obj({"a": I}),
        obj({"a": {"type": "integer", "default": 20}}),
        ".a",
        ("default-added", "non-breaking", "info"),
        ("default-removed", "breaking", "info"),
    ),
    (
        "nested-items",
        obj({"tags": {"type": "array", "items": obj({"key": S})}}),
        obj({"tags": {"type": "array", "items": obj({"key": S}, ["key"])}}),
        ".tags[].key",
        ("property-became-required", "breaking", "non-breaking"),
        ("property-became-optional", "non-breaking", "breaking"),
    ),
    (
        "additional-properties",
        obj({"a": S}),
        obj({"a": S}, additionalProperties=False),
        "{}",
        ("additional-properties-forbidden", "breaking", "non-breaking"),
        ("additional-properties-allowed", "non-breaking", "non-breaking"),
    ),
    (
        "variants",
        obj({"a": {"oneOf": [S, I]}}),
        obj({"a": {"oneOf": [S, I, {"type": "boolean"}]}}),
        ".a<2>",
        ("variant-added", "non-breaking", "breaking"),
        ("variant-removed", "breaking", "non-breaking"),
    ),
]


@pytest.mark.parametrize("side", ["request", "response"])
@pytest.mark.parametrize(("rule", "old", "new", "where", "forward", "backward"), RULES, ids=[r[0] for r in RULES])
def test_schema_rule_both_ways(
    side: str,
    rule: str,
    old: Any,
    new: Any,
    where: str,
    forward: tuple[str, str, str],
    backward: tuple[str, str, str],
) -> None:
    root = "request.body" if side == "request" else "response.200.body"
    severity_index = 1 if side == "request" else 2
    for a, b, expected in ((old, new, forward), (new, old, backward)):
        got = triples(body_doc(a, side), body_doc(b, side))
        assert got == [(f"{side}-{expected[0]}", expected[severity_index], root + where)], (rule, side, got)


def test_new_required_request_property_versus_response_property() -> None:
    old, new = obj({"a": S}), obj({"a": S, "b": S}, ["b"])
    assert triples(body_doc(old, "request"), body_doc(new, "request")) == [
        ("request-property-required-added", "breaking", "request.body.b")
    ]
    assert triples(body_doc(old, "response"), body_doc(new, "response")) == [
        ("response-property-added", "non-breaking", "response.200.body.b")
    ]


def test_read_only_properties_do_not_travel_in_requests() -> None:
    old = obj({"a": S})
    new = obj({"a": S, "id": {"type": "string", "readOnly": True}}, ["id"])
    assert triples(body_doc(old, "request"), body_doc(new, "request")) == []
    assert triples(body_doc(old, "response"), body_doc(new, "response")) == [
        ("response-property-added", "non-breaking", "response.200.body.id")
    ]


def test_new_response_enum_value_warns_strict_clients() -> None:
    old = obj({"state": {"type": "string", "enum": ["RUNNING"]}})
    new = obj({"state": {"type": "string", "enum": ["RUNNING", "ERROR"]}})
    [change] = compare(body_doc(old, "response"), body_doc(new, "response"))
    assert change.new == "ERROR"
    assert "strict clients" in change.message


NULLABLE_SPELLINGS = [
    ("3.0.3", {"type": "string", "nullable": True}),
    ("3.1.0", {"type": ["string", "null"]}),
    ("3.1.0", {"anyOf": [{"type": "string"}, {"type": "null"}]}),
    ("3.1.0", {"oneOf": [{"$ref": "#/components/schemas/Str"}, {"type": "null"}]}),
]


@pytest.mark.parametrize("a", range(len(NULLABLE_SPELLINGS)))
@pytest.mark.parametrize("b", range(len(NULLABLE_SPELLINGS)))
def test_nullability_spellings_are_equivalent(a: int, b: int) -> None:
    schemas = {"Str": {"type": "string"}}
    (va, sa), (vb, sb) = NULLABLE_SPELLINGS[a], NULLABLE_SPELLINGS[b]
    old = body_doc(obj({"x": sa}), "response", schemas, openapi=va)
    new = body_doc(obj({"x": sb}), "response", schemas, openapi=vb)
    assert triples(old, new) == []
    plain = body_doc(obj({"x": S}), "response", schemas, openapi=vb)
    assert triples(plain, new) == [("response-became-nullable", "breaking", "response.200.body.x")]


def test_nullable_enum_with_null_member_is_nullability_not_an_enum_value() -> None:
    old = obj({"x": {"type": "string", "enum": ["a"]}})
    new = obj({"x": {"type": ["string", "null"], "enum": ["a", None]}})
    assert triples(body_doc(old, "response"), body_doc(new, "response")) == [
        ("response-became-nullable", "breaking", "response.200.body.x")
    ]


def test_renamed_component_with_same_shape_is_info_only() -> None:
    tag = obj({"key": S, "value": S}, ["key"])
    old = body_doc(
        obj({"tags": {"type": "array", "items": {"$ref": "#/components/schemas/Tag"}}}), "request", {"Tag": tag}
    )
    new = body_doc(
        obj({"tags": {"type": "array", "items": {"$ref": "#/components/schemas/Label"}}}),
        "request",
        {"Label": copy.deepcopy(tag) | {"description": "docs differ"}},
    )
    assert triples(old, new) == [("schema-renamed", "info", "components.schemas.Tag")]


def test_renamed_component_with_other_shape_reports_the_difference() -> None:
    old = body_doc({"$ref": "#/components/schemas/Tag"}, "request", {"Tag": obj({"key": S})})
    new = body_doc({"$ref": "#/components/schemas/Label"}, "request", {"Label": obj({"key": S, "v": S}, ["v"])})
    assert triples(old, new) == [
        ("schema-added", "info", "components.schemas.Label"),
        ("schema-removed", "info", "components.schemas.Tag"),
        ("request-property-required-added", "breaking", "request.body.v"),
    ]


def node_schemas(extra: dict[str, Any] | None = None, name: str = "Node") -> dict[str, Any]:
    props = {"name": S, "children": {"type": "array", "items": {"$ref": f"#/components/schemas/{name}"}}}
    return {name: obj(props | (extra or {}))}


def test_recursive_schema_terminates_and_reports_once() -> None:
    ref = {"$ref": "#/components/schemas/Node"}
    old = body_doc(ref, "response", node_schemas())
    new = body_doc(ref, "response", node_schemas({"size": I}))
    assert triples(old, new) == [("response-property-added", "non-breaking", "response.200.body.size")]
    assert triples(old, old) == []


def test_recursive_schema_rename_is_recognised() -> None:
    old = body_doc({"$ref": "#/components/schemas/Node"}, "response", node_schemas())
    new = body_doc({"$ref": "#/components/schemas/TreeNode"}, "response", node_schemas(name="TreeNode"))
    assert triples(old, new) == [("schema-renamed", "info", "components.schemas.Node")]


def test_mutually_recursive_schemas() -> None:
    def schemas(extra: dict[str, Any]) -> dict[str, Any]:
        return {
            "A": obj({"b": {"$ref": "#/components/schemas/B"}}),
            "B": obj({"a": {"$ref": "#/components/schemas/A"}, **extra}),
        }

    old = body_doc({"$ref": "#/components/schemas/A"}, "request", schemas({}))
    new = body_doc({"$ref": "#/components/schemas/A"}, "request", schemas({"n": I}))
    assert triples(old, new) == [("request-property-added", "non-breaking", "request.body.b.n")]


def test_a_cycle_of_one_member_wrappers_terminates() -> None:
    """A = oneOf[B], B = oneOf[C], C = oneOf[A] (oasdiff's data/circular3.yaml): a RecursionError traceback before;
    no member says what the value is, so the body is unconstrained, and an edit elsewhere is still reported."""
    wrappers = {
        "A": {"oneOf": [{"$ref": "#/components/schemas/B"}]},
        "B": {"anyOf": [{"$ref": "#/components/schemas/C"}, {"type": "null"}]},
        "C": {"oneOf": [{"$ref": "#/components/schemas/A"}]},
    }
    old = body_doc({"$ref": "#/components/schemas/A"}, "response", wrappers)
    assert triples(old, old) == []
    new = body_doc({"$ref": "#/components/schemas/A"}, "response", {**wrappers, "C": obj({"k": S})})
    assert ("response-type-narrowed", "non-breaking", "response.200.body") in triples(old, new)


def test_all_of_wrapper_and_ref_siblings_are_transparent() -> None:
    schemas = {"Tag": obj({"key": S})}
    old = body_doc(obj({"t": {"$ref": "#/components/schemas/Tag"}}), "response", schemas)
    new = body_doc(
        obj({"t": {"allOf": [{"$ref": "#/components/schemas/Tag"}], "description": "x"}}), "response", schemas
    )
    assert triples(old, new) == []


def test_type_change_to_another_kind_does_not_cascade() -> None:
    old = obj({"a": {"type": "array", "items": obj({"k": S})}})
    new = obj({"a": obj({"k": S, "j": S})})
    assert triples(body_doc(old, "response"), body_doc(new, "response")) == [
        ("response-type-changed", "breaking", "response.200.body.a")
    ]


# -- operations, parameters, bodies, statuses ------------------------------------------------------------------


def op_doc(**op: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"operationId": "getThing", "responses": {"200": {"description": "OK"}}}
    return doc({"/v1/things/{thing_id}": {"get": base | op}})


OP = "GET /v1/things/{thing_id}"


def ops(old: dict[str, Any], new: dict[str, Any]) -> list[Triple]:
    changes = compare(old, new)
    assert all(c.operation == OP for c in changes), changes
    return [(c.kind, c.severity, c.location) for c in changes]


def test_operation_added_and_removed() -> None:
    old = doc({"/v1/a": {"get": {"responses": {}}}})
    new = doc({"/v1/a": {"get": {"responses": {}}, "delete": {"responses": {}}}})
    assert [(c.kind, c.severity, c.operation) for c in compare(old, new)] == [
        ("operation-added", "non-breaking", "DELETE /v1/a")
    ]
    assert [(c.kind, c.severity, c.operation) for c in compare(new, old)] == [
        ("operation-removed", "breaking", "DELETE /v1/a")
    ]


def test_path_template_parameter_rename_matches_the_operation() -> None:
    old = doc({"/v1/things/{id}": {"get": {"operationId": "g", "parameters": [param("id", "path", True)]}}})
    new = doc({"/v1/things/{thing_id}": {"get": {"operationId": "g", "parameters": [param("thing_id", "path", True)]}}})
    assert ops(old, new) == [("path-parameter-renamed", "info", "parameter.path.thing_id")]


def test_required_parameter_added_is_breaking_optional_is_not() -> None:
    base = op_doc(parameters=[])
    assert ops(base, op_doc(parameters=[param("limit", required=True)])) == [
        ("parameter-required-added", "breaking", "parameter.query.limit")
    ]
    assert ops(base, op_doc(parameters=[param("limit")])) == [
        ("parameter-added", "non-breaking", "parameter.query.limit")
    ]
    assert ops(op_doc(parameters=[param("limit")]), base) == [
        ("parameter-removed", "breaking", "parameter.query.limit")
    ]


def test_parameter_required_toggle_both_ways() -> None:
    a, b = op_doc(parameters=[param("limit")]), op_doc(parameters=[param("limit", required=True)])
    assert ops(a, b) == [("parameter-became-required", "breaking", "parameter.query.limit")]
    assert ops(b, a) == [("parameter-became-optional", "non-breaking", "parameter.query.limit")]


def test_parameter_location_changed() -> None:
    a, b = op_doc(parameters=[param("token")]), op_doc(parameters=[param("token", "header")])
    assert ops(a, b) == [("parameter-location-changed", "breaking", "parameter.header.token")]


def test_parameter_schema_type_default_and_enum() -> None:
    a = op_doc(parameters=[param("limit", type="integer", default=20)])
    b = op_doc(parameters=[param("limit", type="string", default=20)])
    assert ops(a, b) == [("parameter-type-changed", "breaking", "parameter.query.limit")]
    c = op_doc(parameters=[param("limit", type="integer", default=50)])
    assert ops(a, c) == [("parameter-default-changed", "breaking", "parameter.query.limit")]
    d = op_doc(parameters=[param("sort", type="string", enum=["asc", "desc"])])
    e = op_doc(parameters=[param("sort", type="string", enum=["asc"])])
    assert ops(d, e) == [("parameter-enum-value-removed", "breaking", "parameter.query.sort")]
    assert ops(e, d) == [("parameter-enum-value-added", "non-breaking", "parameter.query.sort")]


def test_header_parameter_names_are_case_insensitive() -> None:
    a, b = op_doc(parameters=[param("X-Request-Id", "header")]), op_doc(parameters=[param("x-request-id", "header")])
    assert ops(a, b) == []


def test_path_item_parameters_apply_to_operations() -> None:
    a = doc({"/v1/t/{id}": {"parameters": [param("id", "path", True)], "get": {"operationId": "g"}}})
    b = doc({"/v1/t/{id}": {"get": {"operationId": "g", "parameters": [param("id", "path", True)]}}})
    assert compare(a, b) == []


def test_status_codes_added_and_removed() -> None:
    ok = {"description": "OK"}
    a = op_doc(responses={"200": ok, "404": ok})
    b = op_doc(responses={"201": ok})
    assert ops(a, b) == [
        ("response-success-status-removed", "breaking", "response.200"),
        ("response-status-added", "non-breaking", "response.201"),
        ("response-status-removed", "non-breaking", "response.404"),
    ]
    assert ops(b, a) == [
        ("response-status-added", "non-breaking", "response.200"),
        ("response-success-status-removed", "breaking", "response.201"),
        ("response-status-added", "non-breaking", "response.404"),
    ]


def test_request_body_added_removed_and_required() -> None:
    body = {"content": {"application/json": {"schema": obj({"a": S})}}}
    none, optional, required = op_doc(), op_doc(requestBody=body), op_doc(requestBody=body | {"required": True})
    assert ops(none, required) == [("request-body-required-added", "breaking", "request.body")]
    assert ops(none, optional) == [("request-body-added", "non-breaking", "request.body")]
    assert ops(optional, none) == [("request-body-removed", "breaking", "request.body")]
    assert ops(optional, required) == [("request-body-became-required", "breaking", "request.body")]
    assert ops(required, optional) == [("request-body-became-optional", "non-breaking", "request.body")]


def test_response_body_and_headers() -> None:
    content = {"application/json": {"schema": obj({"a": S})}}
    hdr = {"X-Rate": {"schema": {"type": "integer"}}}
    a = op_doc(responses={"200": {"description": "OK", "content": content}})
    b = op_doc(responses={"200": {"description": "OK", "content": content, "headers": hdr}})
    c = op_doc(responses={"200": {"description": "OK"}})
    assert ops(a, b) == [("response-header-added", "non-breaking", "response.200.header.X-Rate")]
    assert ops(b, a) == [("response-header-removed", "breaking", "response.200.header.X-Rate")]
    assert ops(a, c) == [("response-body-removed", "breaking", "response.200.body")]
    assert ops(c, a) == [("response-body-added", "non-breaking", "response.200.body")]


def test_operation_id_change_is_breaking() -> None:
    assert ops(op_doc(), op_doc(operationId="fetchThing")) == [("operation-id-changed", "breaking", "operationId")]


def test_an_operation_id_read_again_from_its_heading_is_no_breaking_change() -> None:
    # docs2client's specs name each operation's heading (x-source); an id derived from it anew (articles left out:
    # createAContainer -> createContainer) keeps the old method name as an alias in the generated clients
    source = {"x-source": {"page": "p.md", "url": "https://docs.example/p#create-a-thing", "heading": "Get a Thing"}}
    old, new = op_doc(operationId="getAThing", **source), op_doc(operationId="getThing", **source)
    assert ops(old, new) == [("operation-id-rederived", "non-breaking", "operationId")]
    # an author's id (no heading it was read from, on either side) is still breaking
    assert ops(op_doc(operationId="getAThing"), new) == [("operation-id-changed", "breaking", "operationId")]


def test_an_operation_id_that_moves_to_another_operation_is_breaking() -> None:
    # Shape: a heading copied onto another path, corrected: the id the first path held goes to the path the heading
    # names (listDbInstances: /db-instance-groups -> /db-instances), and the first path gets its own; the old method
    # name now calls another endpoint, so no alias can keep it, however the ids were read
    def op(op_id: str, heading: str) -> dict[str, Any]:
        source = {"page": "p.md", "url": "https://docs.example/p", "heading": heading}
        return {"get": {"operationId": op_id, "responses": {"200": {"description": "OK"}}, "x-source": source}}

    old = doc({"/v1/groups": op("listInstances", "List Instances"), "/v1/instances": op("listInstances2", "List")})
    new = doc({"/v1/groups": op("listInstanceGroups", "List Instances"), "/v1/instances": op("listInstances", "List")})
    assert [(c.kind, c.severity, c.operation, c.old, c.new) for c in compare(old, new)] == [
        ("operation-id-reassigned", "breaking", "GET /v1/groups", "listInstances", "listInstanceGroups"),
        ("operation-id-reassigned", "breaking", "GET /v1/instances", "listInstances2", "listInstances"),
    ]
    assert "listInstances names another operation" in compare(old, new)[0].message


def test_deprecation_and_sunset_rules() -> None:
    plain = op_doc()
    deprecated = op_doc(deprecated=True, **{"x-api-status": "DEPRECATED", "x-sunset": "2026-05-31"})
    assert ops(plain, deprecated) == [
        ("operation-deprecated", "deprecation", "deprecated"),
        ("operation-status-deprecated", "deprecation", "x-api-status"),
        ("operation-sunset-set", "deprecation", "x-sunset"),
    ]
    assert ops(deprecated, plain) == [
        ("operation-undeprecated", "info", "deprecated"),
        ("operation-status-changed", "info", "x-api-status"),
        ("operation-sunset-removed", "info", "x-sunset"),
    ]
    earlier = op_doc(deprecated=True, **{"x-api-status": "DEPRECATED", "x-sunset": "2026-01-31"})
    assert ops(deprecated, earlier) == [("operation-sunset-moved-earlier", "deprecation", "x-sunset")]
    assert ops(earlier, deprecated) == [("operation-sunset-moved-later", "info", "x-sunset")]


def test_yaml_dates_and_strings_compare_equal() -> None:
    import datetime

    a = op_doc(**{"x-sunset": "2026-05-31"})
    b = op_doc(**{"x-sunset": datetime.date(2026, 5, 31)})
    assert compare(a, b) == []


def test_property_deprecated() -> None:
    a = body_doc(obj({"a": S}), "response")
    b = body_doc(obj({"a": {"type": "string", "deprecated": True}}), "response")
    assert triples(a, b) == [("response-deprecated", "deprecation", "response.200.body.a")]


# -- document level: info, version table, version header, servers ---------------------------------------------


def server(url: str = "https://svc.{region}.example.com", **variables: Any) -> dict[str, Any]:
    return {"url": url, "variables": variables or {"region": {"default": "kr-west1", "enum": ["kr-west1", "kr-east1"]}}}


def test_servers_url_variables_and_pairs() -> None:
    a = doc()
    a["servers"] = [server() | {"x-server-pairs": [{"region": "kr-west1"}, {"region": "kr-east1"}]}]
    b = copy.deepcopy(a)
    b["servers"][0]["variables"]["region"] = {"default": "kr-east1", "enum": ["kr-east1", "kr-south1"]}
    b["servers"][0]["x-server-pairs"] = [{"region": "kr-east1"}, {"region": "kr-south1"}]
    assert triples(a, b) == [
        ("server-variable-default-changed", "breaking", "servers[0].variables.region.default"),
        ("server-variable-value-added", "non-breaking", "servers[0].variables.region.enum"),
        ("server-variable-value-removed", "breaking", "servers[0].variables.region.enum"),
        ("server-pair-added", "non-breaking", "servers[0].x-server-pairs"),
        ("server-pair-removed", "breaking", "servers[0].x-server-pairs"),
    ]
    c = copy.deepcopy(a)
    c["servers"][0]["url"] = "https://other.{region}.example.com"
    assert triples(a, c) == [("server-url-changed", "breaking", "servers[0].url")]


def test_version_header_rules() -> None:
    h10 = {"name": "Scp-Api-Version", "value": "svc 1.0"}
    h11 = {"name": "Scp-Api-Version", "value": "svc 1.1"}
    assert triples(doc(**{"x-api-version-header": h10}), doc(**{"x-api-version-header": h11})) == [
        ("version-header-value-changed", "info", "info.x-api-version-header")
    ]
    assert triples(doc(), doc(**{"x-api-version-header": h10})) == [
        ("version-header-added", "breaking", "info.x-api-version-header")
    ]
    assert triples(doc(**{"x-api-version-header": h10}), doc()) == [
        ("version-header-removed", "non-breaking", "info.x-api-version-header")
    ]
    renamed = {"name": "X-Api-Version", "value": "svc 1.0"}
    assert triples(doc(**{"x-api-version-header": h10}), doc(**{"x-api-version-header": renamed})) == [
        ("version-header-renamed", "breaking", "info.x-api-version-header")
    ]


def test_version_table_and_api_status() -> None:
    info_a: dict[str, Any] = {
        "x-api-status": "CURRENT",
        "x-versions": [{"version": "1.1", "status": "CURRENT", "date": None}],
    }
    info_b: dict[str, Any] = {
        "x-api-status": "DEPRECATED",
        "x-sunset": "2026-05-31",
        "x-versions": [
            {"version": "1.2", "status": "CURRENT", "date": None},
            {"version": "1.1", "status": "DEPRECATED", "date": "2026-05-31"},
        ],
    }
    a, b = doc(**info_a), doc(**info_b)
    assert triples(a, b) == [
        ("api-status-deprecated", "deprecation", "info.x-api-status"),
        ("sunset-set", "deprecation", "info.x-sunset"),
        ("version-date-moved-earlier", "deprecation", "info.x-versions[1.1].date"),
        ("version-status-deprecated", "deprecation", "info.x-versions[1.1].status"),
        ("version-listed", "info", "info.x-versions[1.2]"),
    ]


# -- documentation changes, determinism ------------------------------------------------------------------------


def test_documentation_changes_only_with_docs_flag() -> None:
    a = op_doc(summary="Get a thing", parameters=[param("limit")])
    b = op_doc(summary="Get one thing", parameters=[param("limit") | {"description": "page size"}])
    assert compare(a, b) == []
    assert triples(a, b, docs=True) == [
        ("description-changed", "info", "parameter.query.limit"),
        ("summary-changed", "info", "summary"),
    ]


def _shuffled(value: Any, rng: random.Random) -> Any:
    if isinstance(value, dict):
        items = list(value.items())
        rng.shuffle(items)
        return {k: _shuffled(v, rng) for k, v in items}
    if isinstance(value, list):
        return [_shuffled(v, rng) for v in value]
    return value


def test_order_is_deterministic_regardless_of_key_order() -> None:
    old = body_doc(obj({"a": S, "b": I, "c": {"type": "string", "enum": ["x", "y"]}}), "request")
    new = body_doc(obj({"d": S, "b": S, "c": {"type": "string", "enum": ["y", "z", "w"]}}, ["d"]), "request")
    old["paths"]["/v1/other"] = {"get": {"responses": {}}, "post": {"responses": {}}}
    expected = [json.dumps(c.as_dict()) for c in compare(old, new)]
    assert len(expected) == 8
    for seed in range(5):
        rng = random.Random(seed)
        got = [json.dumps(c.as_dict()) for c in compare(_shuffled(old, rng), _shuffled(new, rng))]
        assert got == expected


def test_identical_documents_have_no_changes() -> None:
    d = body_doc({"$ref": "#/components/schemas/Node"}, "request", node_schemas())
    assert compare(d, copy.deepcopy(d), docs=True) == []
