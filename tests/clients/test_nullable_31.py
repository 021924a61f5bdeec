"""OpenAPI 3.1 documents written with 3.0's ``nullable: true`` and with objects that state no ``type`` (Samsung's SCP
documents, ``fixtures/openapi/nullable31``): what the writer meant is what the models, the parameters and the
example checks read, so the contract tests agree with the models. The package built from the fixture is also
checked by the corpus test (ruff, ``mypy --strict``, install, contract tests)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from scraper.clients import ir, schema_keywords
from scraper.clients.package import render_package
from tests import paths

SPEC = paths.FIXTURES / "openapi" / "nullable31" / "scp_nullable.yaml"


def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def version() -> ir.VersionIR:
    return ir.build_package([spec()], source_names=["scp_nullable.yaml"]).versions[0]


def _ops(version: ir.VersionIR) -> dict[str, ir.OperationIR]:
    return {op.method_name: op for op in version.operations}


def test_nullable_in_a_31_document_is_honoured_with_one_warning(version: ir.VersionIR) -> None:
    assert [w for w in version.warnings if "nullable: true" in w] == [
        "an OpenAPI 3.1 document with OpenAPI 3.0's 'nullable: true' (4 times); honoured as JSON Schema's null type"
        " (type: [T, 'null']), as its writer meant"
    ]
    models = render_package([spec()], source_names=["scp_nullable.yaml"])["scp_nullable/v1_0/models.py"]
    source = models.decode("utf-8")
    assert "    account_id: str | None\n" in source  # required and nullable: the API sends null
    assert "    links: list[dict[str, Any]] | None\n" in source
    state = next(p for p in _ops(version)["show_agent"].params if p.wire_name == "state")
    assert "None" in state.annotation
    # the documented nulls are valid examples now (a 3.1 validator ignores nullable)
    assert _ops(version)["show_agent"].response_example is not None
    assert _ops(version)["show_agent"].response_example.problem is None


def test_a_31_document_without_nullable_is_left_alone() -> None:
    document = {"openapi": "3.1.0", "components": {"schemas": {"A": {"type": ["string", "null"]}}}}
    assert schema_keywords.null_types_in_document(document) == 0
    assert document["components"]["schemas"]["A"] == {"type": ["string", "null"]}


def test_an_object_without_type_is_checked_as_the_model_reads_it(version: ir.VersionIR) -> None:
    """``resource: ""`` for a properties-only ResourceInfo: valid JSON Schema, rejected by the ResourceInfo class."""
    ops = _ops(version)
    response = ops["delete_agent"].response_example
    assert response is not None and response.problem is None
    assert isinstance(response.value["resource"], dict)  # the schema's wrong example is passed over, not used
    body = ops["create_tunnel"].body
    assert body is not None and body.example is not None
    assert body.example.problem is None and isinstance(body.example.value["phase1"], dict)


def test_objects_typed_follows_subschemas_only() -> None:
    schema = {"properties": {"a": {"properties": {}}, "b": {"example": {"properties": 1}}}, "nullable": True}
    assert schema_keywords.objects_typed(schema, null_type=True) == {
        "properties": {"a": {"properties": {}, "type": "object"}, "b": {"example": {"properties": 1}}},
        "nullable": True,
        "type": ["object", "null"],
    }
    assert schema_keywords.objects_typed(schema, null_type=False)["type"] == "object"
