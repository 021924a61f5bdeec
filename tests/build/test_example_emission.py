"""A documented example that contradicts its schema is never emitted as the OpenAPI ``example``.

Generated contract tests and other tools take ``example`` as a valid instance; an SCP page's ``"is_enabled":
"true"`` for a boolean, a date-time without a timezone or a number written as a string is a finding
(``example-mismatch``, with page and line) and is kept under ``x-documented-example`` beside the schema instead.
"""

from __future__ import annotations

from typing import Any

from scraper.build.openapi import emit_spec
from scraper.model import (
    ExampleRequest,
    ExampleResponse,
    Model,
    Operation,
    OperationVersion,
    Parameter,
    RequestBody,
    Response,
    Service,
    Source,
)

ITEM = {
    "type": "object",
    "properties": {
        "is_enabled": {"type": "boolean"},
        "created_at": {"type": "string", "format": "date-time"},
        "size_gb": {"type": "integer"},
    },
}


def _service(body: Any, response: Any, limit: Any) -> Service:
    source = Source("pages/scp/x.txt", "https://example.invalid/x", "Item", 1)
    op = OperationVersion(
        version="1.0",
        method="POST",
        path="/v1/items",
        summary="Create item",
        description="",
        status="CURRENT",
        source=source,
        parameters=[Parameter("limit", "query", False, {"type": "integer"}, example=limit, has_example=True, line=12)],
        request_body=RequestBody({"$ref": "#/components/schemas/Item"}),
        responses=[Response("200", "OK", {"$ref": "#/components/schemas/Item"}, 20)],
        example_request=ExampleRequest("/v1/items", body=body, has_body=True, line=30),
        example_response=ExampleResponse("200", body=response, has_body=True, line=40),
    )
    operation = Operation("Create item", op.method, op.path, {"1.0": op})
    return Service("scp", "things", "Things", operations=[operation], models={"Item": Model("Item", ITEM, source)})


def test_examples_that_contradict_the_schema_are_findings_and_not_emitted_as_examples() -> None:
    good = {"is_enabled": True, "created_at": "2024-05-01T10:00:00Z", "size_gb": 10}
    bad_body = {"is_enabled": "true", "created_at": "2024-05-01T10:00:00Z", "size_gb": 10}
    bad_response = {"is_enabled": False, "created_at": "2024-05-01T10:00:00", "size_gb": "10"}
    service = _service(bad_body, bad_response, "20")
    spec, findings = emit_spec(service, "1.0", [service.operations[0].versions["1.0"]])
    op = spec["paths"]["/v1/items"]["post"]
    request = op["requestBody"]["content"]["application/json"]
    response = op["responses"]["200"]["content"]["application/json"]
    assert "example" not in request and request["x-documented-example"] == bad_body
    assert "example" not in response and response["x-documented-example"] == bad_response
    assert "example" not in op["parameters"][0] and op["parameters"][0]["x-documented-example"] == "20"
    mismatches = sorted((f.line, f.message) for f in findings if f.kind == "example-mismatch")
    assert [line for line, _ in mismatches] == [12, 30, 40, 40]
    assert all("not emitted as the example" in message for _, message in mismatches)
    assert any("/created_at" in message and "timezone" in message for _, message in mismatches)
    # a valid example stays the example
    service = _service(good, good, 20)
    spec, findings = emit_spec(service, "1.0", [service.operations[0].versions["1.0"]])
    op = spec["paths"]["/v1/items"]["post"]
    assert op["requestBody"]["content"]["application/json"]["example"] == good
    assert op["parameters"][0]["example"] == 20
    assert not [f for f in findings if f.kind == "example-mismatch"]
