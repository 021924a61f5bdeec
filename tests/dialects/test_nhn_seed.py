"""The Block Storage API v2 guide (seed 003): all 12 operations, text vs Markdown, examples vs schemas."""

from __future__ import annotations

import dataclasses
from typing import Any

import jsonschema
import pytest

from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.model import Service
from scraper.readers import markdown, nhn_text
from tests import paths

PAGES = paths.PAGES / "nhn"
TEXT = "nhn/003_30998dc9651c21a0.txt"
MARKDOWN = "nhn/003_source_Storage-Block-Storage_en_public-api.md"


def _service(name: str) -> Service:
    reader = markdown if name.endswith(".md") else nhn_text
    document = reader.read((PAGES.parent / name).read_text(encoding="utf-8"), name)
    [service] = NhnDialect().read(document, PageInfo(name, "https://example.invalid/" + name))
    return service


@pytest.fixture(scope="module", params=[TEXT, MARKDOWN])
def service(request: pytest.FixtureRequest) -> Service:
    return _service(request.param)


# (method, path, title, tag, non-token parameters, request body roots, response roots)
EXPECTED = [
    ("GET", "/v2/{tenantId}/types", "List Volume Types", "Volume Type", ["tenantId"], None, ["volume_types"]),
    ("GET", "/v2/{tenantId}/volumes", "List Volumes", "Volume", ["tenantId", "sort", "limit", "offset", "marker"],
     None, ["volumes", "volumes_links"]),
    ("GET", "/v2/{tenantId}/volumes/detail", "List Volume Details", "Volume",
     ["tenantId", "sort", "limit", "offset", "marker"], None, ["volumes"]),
    ("GET", "/v2/{tenantId}/volumes/{volumeId}", "Get Volume", "Volume", ["tenantId", "volumeId"], None, ["volume"]),
    ("POST", "/v2/{tenantId}/volumes", "Create Volume", "Volume", ["tenantId"], ["volume"], ["volume"]),
    ("DELETE", "/v2/{tenantId}/volumes/{volumeId}", "Delete Volume", "Volume", ["tenantId", "volumeId"], None, None),
    ("POST", "/v2/{tenantId}/volumes/{volumeId}/action", "Create Image with Volume", "Volume",
     ["tenantId", "volumeId"], ["os-volume_upload_image"], ["os-volume_upload_image"]),
    ("GET", "/v2/{tenantId}/snapshots", "List Snapshots", "Snapshot", ["tenantId"], None, ["snapshots"]),
    ("GET", "/v2/{tenantId}/snapshots/detail", "List Snapshot Details", "Snapshot", ["tenantId"], None, ["snapshots"]),
    ("GET", "/v2/{tenantId}/snapshots/{snapshotId}", "Get Snapshot", "Snapshot", ["tenantId", "snapshotId"], None,
     ["snapshot"]),
    ("POST", "/v2/{tenantId}/snapshots", "Create Snapshot", "Snapshot", ["tenantId"], ["snapshot"], ["snapshot"]),
    ("DELETE", "/v2/{tenantId}/snapshots/{snapshotId}", "Delete Snapshot", "Snapshot", ["tenantId", "snapshotId"],
     None, None),
]  # fmt: skip


def test_service_level_reading(service: Service) -> None:
    assert (service.provider, service.id, service.title) == ("nhn", "block-storage", "Block Storage")
    assert [(v.version, v.status) for v in service.versions] == [("v2", "CURRENT")]
    assert service.server is not None
    assert service.server.url == "https://{region}-api-block-storage.infrastructure.cloud.toast.com"
    assert service.server.pairs == [{"region": "kr1"}, {"region": "jp1"}]
    assert "Korea (Pangyo) (kr1)" in service.description and "Japan (jp1)" in service.description
    assert "volumev2" in service.description
    assert service.security == [{"keystoneToken": []}]
    assert service.components_extra["securitySchemes"]["keystoneToken"]["name"] == "X-Auth-Token"


@pytest.mark.parametrize("index", range(12))
def test_each_operation(service: Service, index: int) -> None:
    method, path, title, tag, params, request_roots, response_roots = EXPECTED[index]
    assert len(service.operations) == 12
    op = service.operations[index]
    entry = op.versions["v2"]
    assert (op.method, op.path, op.title, entry.tags) == (method, path, title, [tag])
    assert [p.name for p in entry.parameters] == params
    assert all(p.extensions == {"x-client-parameter": True} for p in entry.parameters if p.name == "tenantId")
    assert entry.source.heading == title and entry.source.line > 0
    assert entry.example_request is not None and entry.example_request.path == path
    if request_roots is None:
        assert entry.request_body is None and not entry.example_request.has_body
    else:
        assert entry.request_body is not None
        assert list(entry.request_body.schema["properties"]) == request_roots
        assert entry.request_body.schema["required"] == request_roots
        assert entry.example_request.has_body
    [response] = entry.responses
    if response_roots is None:
        assert (response.status, response.schema) == ("204", None)
    else:
        assert response.status == "200" and response.schema is not None
        assert list(response.schema["properties"]) == response_roots
        assert entry.example_response is not None and entry.example_response.has_body


def test_documented_quirks_are_repaired_and_reported(service: Service) -> None:
    ops = {op.title: op.versions["v2"] for op in service.operations}
    create = ops["Create Volume"].responses[0].schema
    assert create is not None
    volume = create["properties"]["volume"]["properties"]
    assert volume["id"]["format"] == "uuid"  # `volumes.id` read under `volume`
    assert volume["bootable"]["enum"] == ["true", "false"]
    assert volume["attachments"]["type"] == "array" and volume["links"]["type"] == "array"
    assert (
        volume["status"]["enum"][:3] == ["creating", "available", "attaching"] and len(volume["status"]["enum"]) == 19
    )
    details = ops["List Snapshot Details"].responses[0].schema
    assert details is not None
    assert details["properties"]["snapshots"]["items"]["properties"]["status"]["enum"][2] == "backing-up"
    request = ops["List Volumes"].parameters
    assert [p.schema for p in request if p.name == "limit"] == [{"type": "integer", "default": 1000}]
    kinds = {f.kind for f in service.findings}
    assert {"table-example-conflict", "inferred-status", "assumed-token-url", "garbled-text", "format-drift"} <= kinds
    assert {"garbled-boilerplate", "undocumented-example-field", "nullable-from-example"} <= kinds


def _normalised(service: Service) -> Any:
    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("line", "page", "source", "pages", "url")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(dataclasses.asdict(service))


def test_text_rendering_and_markdown_source_give_the_same_model() -> None:
    text, md = _service(TEXT), _service(MARKDOWN)
    assert _normalised(text) == _normalised(md)
    # ... and provenance really differs, so the comparison above did strip something.
    assert text.operations[4].versions["v2"].source.line != md.operations[4].versions["v2"].source.line


def _errors(schema: dict[str, Any], instance: Any) -> list[jsonschema.ValidationError]:
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return list(validator.iter_errors(instance))


def test_every_example_validates_or_is_covered_by_a_finding(service: Service) -> None:
    checked = 0
    for op in service.operations:
        entry = op.versions["v2"]
        pairs: list[tuple[dict[str, Any] | None, Any, bool]] = []
        if entry.example_request is not None and entry.example_request.has_body:
            pairs.append((entry.request_body.schema if entry.request_body else None, entry.example_request.body, True))
        if entry.example_response is not None and entry.example_response.has_body:
            pairs.append((entry.responses[0].schema, entry.example_response.body, False))
        for schema, body, _is_request in pairs:
            assert schema is not None
            checked += 1
            for error in _errors(schema, body):
                field = ".".join(str(p) for p in error.absolute_path if not isinstance(p, int))
                covered = [
                    f
                    for f in service.findings
                    if f.subject == op.title and f.kind == "example-format" and field in f.message
                ]
                assert error.validator == "format" and covered, f"{op.title}: {error.message} not in the findings"
    assert checked == 13
