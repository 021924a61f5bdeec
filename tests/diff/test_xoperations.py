"""The diff side of ``x-operations`` (several documented operations on one method + path): members are matched by
operationId (fallback: summary) and compared like ordinary operations."""

from __future__ import annotations

import copy
import datetime
from typing import Any

from scraper.diff.compare import compare
from tests.diff.diff_docs import S, doc, obj, param

PATH = "/v2/servers/{serverId}/action"
SCHEMAS = {
    "StartServerRequest": obj({"os-start": {"type": "null"}}, ["os-start"]),
    "StopServerRequest": obj({"os-stop": {"type": "null"}}, ["os-stop"]),
    "RebootServerRequest": obj({"reboot": obj({"type": S}, ["type"])}, ["reboot"]),
}


def body(name: str) -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}}}


def member(op_id: str, schema: str, **extra: Any) -> dict[str, Any]:
    return {"operationId": op_id, "summary": op_id, "requestBody": body(schema), **extra}


def group(*members: dict[str, Any], **extra: Any) -> dict[str, Any]:
    op: dict[str, Any] = {
        "operationId": "serverAction",
        "summary": " | ".join(m["summary"] for m in members),
        "parameters": [param("serverId", "path", True)],
        "requestBody": {
            "content": {
                "application/json": {
                    "schema": {"oneOf": [m["requestBody"]["content"]["application/json"]["schema"] for m in members]}
                }
            }
        },
        "responses": {"202": {"description": "Accepted"}},
        "x-operations": list(members),
        **extra,
    }
    return doc({PATH: {"post": op}}, copy.deepcopy(SCHEMAS))


START, STOP = member("startServer", "StartServerRequest"), member("stopServer", "StopServerRequest")


def rows(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str, str | None, str]]:
    return [(c.kind, c.severity, c.operation, c.location) for c in compare(old, new)]


def test_member_added_and_removed_are_operations_added_and_removed() -> None:
    two, three = group(START, STOP), group(START, STOP, member("rebootServer", "RebootServerRequest"))
    assert rows(two, three) == [("operation-added", "non-breaking", f"POST {PATH} (rebootServer)", "")]
    assert rows(three, two) == [("operation-removed", "breaking", f"POST {PATH} (rebootServer)", "")]
    assert rows(two, copy.deepcopy(two)) == []


def test_member_removal_follows_the_sunset_rules_of_operations() -> None:
    old_stop = member("stopServer", "StopServerRequest", deprecated=True, **{"x-sunset": "2025-12-31"})
    old, new = group(START, old_stop), group(START)
    changes = compare(old, new, today=datetime.date(2026, 1, 1))
    assert [(c.kind, c.severity, c.operation) for c in changes] == [
        ("operation-removed-after-sunset", "deprecation", f"POST {PATH} (stopServer)")
    ]


def test_members_are_matched_by_operation_id_not_position() -> None:
    assert rows(group(START, STOP), group(STOP, START)) == []


def test_member_body_is_compared_like_an_ordinary_operation() -> None:
    new = group(START, STOP)
    new["components"]["schemas"]["StopServerRequest"] = obj(
        {"os-stop": {"type": "null"}, "force": {"type": "boolean"}}, ["os-stop", "force"]
    )
    assert rows(group(START, STOP), new) == [
        ("request-property-required-added", "breaking", f"POST {PATH} (stopServer)", "request.body.force")
    ]
    assert rows(new, group(START, STOP)) == [
        ("request-property-removed", "breaking", f"POST {PATH} (stopServer)", "request.body.force")
    ]


def test_member_parameters_are_the_groups_plus_its_own() -> None:
    fixed = {"name": "router:external", "in": "query", "required": True, "schema": {"type": "string", "const": "true"}}
    external = member("listExternalVpcs", "StopServerRequest", parameters=[fixed])
    old, new = group(START, external), group(START, member("listExternalVpcs", "StopServerRequest"))
    assert rows(old, new) == [
        ("parameter-removed", "breaking", f"POST {PATH} (listExternalVpcs)", "parameter.query.router:external")
    ]
    # the group's own parameters reach every member: a new required group parameter changes both
    wider = group(START, STOP)
    wider["paths"][PATH]["post"]["parameters"].append(param("dryRun", required=True))
    assert [(k, o) for k, _, o, _ in rows(group(START, STOP), wider)] == [
        ("parameter-required-added", f"POST {PATH} (startServer)"),
        ("parameter-required-added", f"POST {PATH} (stopServer)"),
    ]


def test_member_overrides_group_fields() -> None:
    old = group(START, STOP)
    new = group(START, member("stopServer", "StopServerRequest", deprecated=True))
    assert rows(old, new) == [("operation-deprecated", "deprecation", f"POST {PATH} (stopServer)", "deprecated")]
    assert rows(new, old) == [("operation-undeprecated", "info", f"POST {PATH} (stopServer)", "deprecated")]


def test_group_to_plain_operation_with_the_same_single_member_is_no_change() -> None:
    grouped = group(START)
    plain = doc(
        {
            PATH: {
                "post": {
                    "operationId": "startServer",
                    "summary": "startServer",
                    "parameters": [param("serverId", "path", True)],
                    "requestBody": body("StartServerRequest"),
                    "responses": {"202": {"description": "Accepted"}},
                }
            }
        },
        SCHEMAS,
    )
    assert rows(grouped, plain) == []
    assert rows(plain, grouped) == []
    # a plain operation that becomes a group of two: the old one lives on as the member with its operationId
    assert rows(plain, group(START, STOP)) == [("operation-added", "non-breaking", f"POST {PATH} (stopServer)", "")]


def test_member_renamed_is_matched_by_summary_and_its_new_id_is_breaking() -> None:
    renamed = dict(STOP, operationId="haltServer")
    assert rows(group(START, STOP), group(START, renamed)) == [
        ("operation-id-changed", "breaking", f"POST {PATH} (haltServer)", "operationId")
    ]


def test_a_member_without_a_body_never_takes_the_groups_union_of_bodies() -> None:
    # Object Storage's Copy an Object beside three uploads: the group's body (the union of the members' own) was
    # read as the copy's, so a change of another member's body was reported at the copy too
    status = {"operationId": "serverStatus", "summary": "serverStatus"}
    old, new = group(START), group(START)
    for document in (old, new):
        document["paths"][PATH]["post"]["x-operations"].append(dict(status))
    new["components"]["schemas"]["StartServerRequest"] = obj(
        {"os-start": {"type": "null"}, "force": {"type": "boolean"}}, ["os-start", "force"]
    )
    assert rows(old, new) == [
        ("request-property-required-added", "breaking", f"POST {PATH} (startServer)", "request.body.force")
    ]
