"""Specs built from SCP pages of services docs2client was not built against (tests/fixtures/scp/unseen).

Every synthetic page (each mirroring one real rendering, see the folder's README) builds into valid OpenAPI with no
error, and what a dialect could only recover from examples (a page whose tables were dropped) comes out typed from
the example and marked ``x-inferred``.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from scraper.build import PageInput, build_services, build_specs
from tests.paths import FIXTURES

UNSEEN = FIXTURES / "scp" / "unseen"
EXPECTED: dict[str, dict[str, Any]] = json.loads((UNSEEN / "expected_counts.json").read_text(encoding="utf-8"))


def _built(name: str, out: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    page = PageInput(
        name=name,
        path=UNSEEN / name,
        provider="scp",
        format="html" if name.endswith(".html") else "text",
        services=tuple(EXPECTED[name]["service"].split(",")),
        covers="operation" if EXPECTED[name]["ops"] == 0 else "service",
        capture=1,
    )
    report = build_specs([page], out)
    several = len(page.services) > 1  # a category page: spec keys name the service too
    specs = {
        f"{p.parent.name} {p.stem}" if several else p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in sorted(out.rglob("*.yaml"))
    }
    return report.errors, specs


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e["ops"]))
def test_unseen_page_builds_valid_specs(name: str, tmp_path: Path) -> None:
    errors, specs = _built(name, tmp_path)
    assert errors == []
    # one spec per version the operations document (the service's version table may list more)
    assert set(specs) >= set(EXPECTED[name]["statuses"])
    operations = {
        (method, path)
        for spec in specs.values()
        for path, item in spec["paths"].items()
        for method in item
        if method in ("get", "put", "post", "delete", "patch")
    }
    assert len(operations) == EXPECTED[name]["ops"]


def test_response_read_from_the_example_gets_the_example_shape(tmp_path: Path) -> None:
    errors, specs = _built("name_resolver_tables_lost.txt", tmp_path)
    assert errors == []
    show = specs["1.0"]["paths"]["/v1/resolvers/{resolver_id}"]["get"]
    schema = show["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["x-inferred"] is True
    assert schema["properties"]["item"]["properties"]["id"] == {"type": "string"}
    assert show["parameters"][0]["schema"] == {"type": "string", "x-inferred": True}
    delete = specs["1.0"]["paths"]["/v1/resolvers/{resolver_id}"]["delete"]
    assert "content" not in delete["responses"]["204"]


def test_global_service_server_has_only_the_environment_variable(tmp_path: Path) -> None:
    errors, specs = _built("access_policy_broken_rows.txt", tmp_path)
    assert errors == []
    server = specs["1.3"]["servers"][0]
    assert server["url"] == "https://access-policy.{environment}.samsungsdscloud.com"
    assert set(server["variables"]) == {"environment"}
    assert server["variables"]["environment"]["enum"] == ["s", "g", "e"]


def _apis_only(tmp_path: Path) -> Path:
    """access_policy_broken_rows.txt without its Models part: the service's ``apis/_print`` page."""
    text = (UNSEEN / "access_policy_broken_rows.txt").read_text(encoding="utf-8")
    apis = tmp_path / "access_policy_apis.txt"
    apis.write_text(text[: text.index("\n2 - Models")], encoding="utf-8")
    return apis


@pytest.mark.parametrize("models_first", [False, True], ids=["apis-then-models", "models-then-apis"])
def test_apis_page_and_models_page_of_one_service_make_one_service(tmp_path: Path, models_first: bool) -> None:
    """SCP publishes ``<service>/apis/_print`` and ``<service>/models/_print``; both cover the whole service in a
    catalog, and neither erases what only the other documents."""
    apis = PageInput("apis.txt", _apis_only(tmp_path), "scp", "text", services=("access-policy",))
    models = PageInput(
        "models.txt", UNSEEN / "access_policy_models_pipe.txt", "scp", "text", services=("access-policy",)
    )
    first, second = (models, apis) if models_first else (apis, models)
    report = build_services([replace(first, capture=1), replace(second, capture=2)])
    assert report.errors == []
    (service,) = report.services
    assert len(service.operations) == 4
    assert sorted(service.models) == [
        "AsyncResponse",
        "Policy",
        "PolicyCreateRequest",
        "PolicyListResponse",
        "PolicyShowResponse",
    ]
    assert not [m for m in service.models.values() if m.inferred]
    assert [f.kind for f in service.findings if f.kind == "capture-part"] == ["capture-part"]


@pytest.mark.parametrize("part", ["overview", "models"])
def test_a_service_whose_pages_document_no_operation_is_an_error_not_empty_specs(tmp_path: Path, part: str) -> None:
    """A service's overview page alone (real page: en/apireference/compute/scf/, the version table, endpoint and
    version history, no operation) gave one spec per listed version, each with ``paths: {}``, and no finding; a
    Models page alone gave no spec and no word. Either is a located error, and nothing is written."""
    if part == "overview":
        text = (UNSEEN / "edge_gateway_pipe.txt").read_text(encoding="utf-8")
        path = tmp_path / "edge_overview.txt"
        path.write_text(text[: text.index("\n1 - APIs")], encoding="utf-8")
        service = "edge-gateway"
    else:
        path, service = UNSEEN / "access_policy_models_pipe.txt", "access-policy"
    page = PageInput(path.name, path, "scp", "text", services=(service,))
    out = tmp_path / "spec"
    report = build_specs([page], out)
    assert len(report.errors) == 1
    assert report.errors[0].startswith(f"{path.name}: scp/{service}: no operation is documented")
    assert not list(out.rglob("*.yaml"))


def _overview_of(tmp_path: Path, name: str, marker: str) -> Path:
    """The overview part of an unseen page (version table, endpoint): what a re-fetch brings when the service's
    landing page is captured instead of its reference."""
    text = (UNSEEN / name).read_text(encoding="utf-8")
    path = tmp_path / f"overview_{name}"
    path.write_text(text[: text.index(marker)], encoding="utf-8")
    return path


def test_a_later_overview_capture_updates_the_service_instead_of_emptying_it(tmp_path: Path) -> None:
    """A later whole-service capture that documents neither operations nor models replaced the service whole, so the
    service had no operation left and no spec was written; now the earlier capture's operations and models stay,
    the overview's version table is merged in, and a ``capture-part`` finding names the page."""
    full = PageInput("full.txt", UNSEEN / "edge_gateway_pipe.txt", "scp", "text", services=("edge-gateway",), capture=1)
    overview_path = _overview_of(tmp_path, "edge_gateway_pipe.txt", "\n1 - APIs")
    overview = PageInput("overview.txt", overview_path, "scp", "text", services=("edge-gateway",), capture=2)
    alone = build_services([full])
    assert alone.errors == []
    report = build_services([full, overview])
    assert report.errors == []
    (service,) = report.services
    (before,) = alone.services
    assert [(op.method, op.path) for op in service.operations] == [(op.method, op.path) for op in before.operations]
    assert service.operations
    assert [v.version for v in service.versions] == [v.version for v in before.versions]
    parts = [f for f in service.findings if f.kind == "capture-part"]
    assert len(parts) == 1 and parts[0].page == "overview.txt"
    assert "neither operations nor models" in parts[0].message
    assert service.pages == ["full.txt", "overview.txt"]


#: pages/scp/001 lines 18038-18076 and 18600-18607 (Parallel File Storage: CreateSnapshot 1.0 with its Responses,
#: then the Models section cut after SnapshotCreateResponse): the field ``snapshot`` names SnapshotResponse, which
#: this page never defines
_MODEL_NAMING_AN_UNDEFINED_MODEL = """5 - Parallel File Storage
Overview
Version
| Version | Status | Not Before |
|---|---|---|
| 1.0 | CURRENT | - |
OpenAPI URL
https://parallel-filestorage.{region}.{environment}.samsungsdscloud.com
5.1 - APIs
5.1.1 - CreateSnapshot
5.1.1.1 - 1.0
post /v1/snapshots
Description
Create snapshot
State ACTIVE (CURRENT)
| Version | Not Before |
|---|---|
| 1.0 | - |
Parameters
| Type | Name | Description | Schema | Default |
|---|---|---|---|---|
| body | body required | SnapshotCreateRequest |
Responses
| HTTP Code | Description | Schema |
|---|---|---|
| 202 | Accepted | SnapshotCreateResponse |
| 400 | Bad Request | None |
5.2 - Models
5.2.8 - SnapshotCreateRequest
| Name | Description | Schema | Default |
|---|---|---|---|
| volume_id required | Volume ID Example : bfdbabf2-04d9-4e8b-a205-020f8e6da438 | string |
5.2.9 - SnapshotCreateResponse
| Name | Description | Schema | Default |
|---|---|---|---|
| snapshot required | Snapshot | SnapshotResponse |
"""


def test_a_model_field_naming_an_undefined_model_is_a_free_form_object_not_a_ref_to_nowhere(tmp_path: Path) -> None:
    """The $ref to a model no section defines made the spec validator raise (PointerToNowhere, a traceback out of
    build_specs); now the model is a free-form object with an undefined-model finding at the model naming it."""
    path = tmp_path / "section.txt"
    path.write_text(_MODEL_NAMING_AN_UNDEFINED_MODEL, encoding="utf-8")
    page = PageInput(name="section.txt", path=path, provider="scp", format="text", services=("parallel-filestorage",))
    report = build_specs([page], tmp_path / "out")
    assert report.errors == []
    spec = yaml.safe_load((tmp_path / "out" / "scp" / "parallel-filestorage" / "1.0.yaml").read_text(encoding="utf-8"))
    schemas = spec["components"]["schemas"]
    snapshot = schemas["SnapshotCreateResponse"]["properties"]["snapshot"]
    assert snapshot["$ref"] == "#/components/schemas/SnapshotResponse"
    assert schemas["SnapshotResponse"]["type"] == "object" and schemas["SnapshotResponse"]["x-inferred"] is True
    findings = [(f.kind, f.subject, f.line) for s in report.services for f in s.findings if f.kind == "undefined-model"]
    assert findings == [("undefined-model", "parallel-filestorage:SnapshotResponse", 33)]


def test_a_ref_to_nowhere_is_a_validation_message_not_a_traceback() -> None:
    from scraper.build.openapi import validate_spec

    spec = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1.0"},
        "paths": {
            "/a": {
                "get": {
                    "responses": {
                        "200": {
                            "description": "OK",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Nowhere"}}},
                        }
                    }
                }
            }
        },
        "components": {"schemas": {}},
    }
    assert "Nowhere" in validate_spec(spec)
