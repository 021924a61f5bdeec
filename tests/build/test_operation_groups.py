"""scraper.build.openapi.group_operation: several documented operations on one method and path as one operation."""

from __future__ import annotations

from typing import Any

from scraper.build.openapi import group_operation


def _member(operation_id: str, media: str | None, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    member: dict[str, Any] = {"operationId": operation_id, "summary": operation_id, "responses": {"204": {}}}
    if media is not None:
        member["requestBody"] = {"required": True, "content": {media: {"schema": schema or {}}}}
    return member


def test_bodies_are_grouped_by_media_type_as_any_of_the_members() -> None:
    # Object Storage's PUT /{Container}/{Object}: three members upload bytes, one sends a JSON manifest; every
    # schema stood under the first member's media type (the JSON object filed as application/octet-stream), in a
    # oneOf that no upload satisfies (any bytes match all three binary schemas)
    upload = {"type": "string", "format": "binary", "description": "the object"}
    empty = {"type": "string", "format": "binary", "description": "empty data"}
    manifest = {"type": "object", "properties": {"path": {"type": "string"}}}
    group = group_operation(
        [
            _member("upload", "application/octet-stream", upload),
            _member("dlo", "application/octet-stream", empty),
            _member("slo", "application/json", manifest),
            _member("copy", None),
        ],
        "putGroup",
    )
    assert group["requestBody"] == {
        "required": False,  # a member sends none
        "content": {
            "application/octet-stream": {"schema": {"anyOf": [upload, empty]}},
            "application/json": {"schema": manifest},
        },
    }
    assert [m["operationId"] for m in group["x-operations"]] == ["upload", "dlo", "slo", "copy"]


def test_one_body_shared_by_every_member_is_that_body_required() -> None:
    schema = {"type": "object"}
    group = group_operation([_member("a", "application/json", schema), _member("b", "application/json", schema)], "g")
    assert group["requestBody"] == {"required": True, "content": {"application/json": {"schema": schema}}}
