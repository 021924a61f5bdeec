"""A version page whose Responses table was dropped reuses the model another version documents for that code.

Seen in SCP text renderings (tests/fixtures/scp/unseen/name_resolver_tables_lost.txt mirrors networking/dns, where
``Parameters``, ``Responses`` and ``Example HTTP request`` follow one another with their tables gone): the dialect
keeps the example's code with ``{"x-inferred": True}`` ("the example body's shape"). When another version of the
same operation documents a model for that code and the example validates against it, the model is the better
reading (named, typed, with its descriptions), and that version's error rows come with it; otherwise the shape is
inferred from the example as before.
"""

from __future__ import annotations

from typing import Any

from scraper.build.models import infer_models
from scraper.model import ExampleResponse, Model, Operation, OperationVersion, Response, Service, Source

RECORD = {
    "type": "object",
    "properties": {"id": {"type": "string"}, "ttl": {"type": "integer"}},
    "required": ["id"],
}
REF = {"$ref": "#/components/schemas/RecordShowResponse"}


def _version(version: str, responses: list[Response], example: Any, line: int) -> OperationVersion:
    return OperationVersion(
        version=version,
        method="GET",
        path="/v1/records/{record_id}",
        summary="Show record",
        description="",
        status="CURRENT",
        source=Source("pages/scp/dns.txt", "https://example.invalid/dns", "Show record", line),
        responses=responses,
        example_response=ExampleResponse("200", example, has_body=True, line=line + 20),
    )


def _service(lost_example: Any) -> tuple[Service, OperationVersion]:
    documented = _version(
        "1.0",
        [
            Response("200", "OK", REF, 12),
            Response("400", "Bad Request", None, 13),
            Response("401", "Unauthorized", None, 14),
        ],
        {"id": "r-1", "ttl": 300},
        10,
    )
    lost = _version("1.1", [Response("200", "OK", {"x-inferred": True}, 110)], lost_example, 100)
    operation = Operation("Show record", "GET", lost.path, {"1.1": lost, "1.0": documented})
    source = Source("pages/scp/dns.txt", "https://example.invalid/dns", "RecordShowResponse", 300)
    service = Service(
        "scp",
        "dns",
        "DNS",
        operations=[operation],
        models={"RecordShowResponse": Model("RecordShowResponse", RECORD, source)},
    )
    return service, lost


def test_a_dropped_responses_table_takes_the_model_and_error_rows_another_version_documents() -> None:
    service, lost = _service({"id": "r-2", "ttl": 60})
    infer_models(service)
    assert [(r.status, r.schema) for r in lost.responses] == [("200", REF), ("400", None), ("401", None)]
    [finding] = [f for f in service.findings if f.kind == "response-from-version"]
    assert (finding.page, finding.line, finding.version) == ("pages/scp/dns.txt", 110, "1.1")
    assert "1.0" in finding.message and "RecordShowResponse" in finding.message and "400, 401" in finding.message


def test_an_example_that_contradicts_the_other_versions_model_keeps_the_inferred_shape() -> None:
    service, lost = _service({"ttl": "sixty"})  # no id, ttl a string: not the 1.0 model
    infer_models(service)
    [response] = lost.responses
    assert response.schema is not None and response.schema.get("x-inferred") is True
    assert response.schema["properties"]["ttl"]["type"] == "string"
    [finding] = [f for f in service.findings if f.kind == "response-from-version"]
    assert "not reused" in finding.message and "1.0" in finding.message
