"""``items`` as a list (draft 4's tuple form) and JSON Schema's type lists in 2.0/3.0 documents (Slack's Web API
spec): read as JSON Schema reads them, each rewrite reported, and the spec's examples checked and passing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scraper.cli import main
from scraper.clients.type_lists_30 import type_lists_in_30_document
from scraper.tuple_items import tuple_items_in_document
from tests.clients.package_import import run_package_tests

FIXTURE = Path(__file__).parents[1] / "fixtures" / "openapi" / "robust" / "swagger2-tuple-items.yaml"


def test_tuple_items_on_a_non_array_constrain_nothing_and_on_an_array_any_element() -> None:
    doc: dict[str, Any] = {
        "a": {"items": [{"$ref": "#/M"}, {"type": "null"}]},
        "b": {"type": "array", "items": [{"type": "string"}, {"type": "integer"}]},
        "example": {"items": [1, 2]},  # data, not a schema
    }
    warnings = tuple_items_in_document(doc)
    assert doc["a"] == {} and doc["b"]["items"] == {"anyOf": [{"type": "string"}, {"type": "integer"}]}
    assert doc["example"] == {"items": [1, 2]}
    assert [w.split(":")[0] for w in warnings] == ["/a", "/b"]


def test_type_lists_are_spelt_as_openapi_30_spells_them() -> None:
    doc: dict[str, Any] = {
        "s": {"type": ["string", "null"]},
        "n": {"type": "null"},
        "m": {"type": ["string", "integer"]},
        "default": {"type": ["x"]},
    }
    assert type_lists_in_30_document(doc) == 2
    assert doc["s"] == {"type": "string", "nullable": True} and doc["n"] == {"type": "null"}  # the models know it
    assert doc["m"] == {"anyOf": [{"type": "string"}, {"type": "integer"}]} and doc["default"] == {"type": ["x"]}


def test_slack_shaped_document_generates_and_its_example_passes(tmp_path: Path) -> None:
    out, report = tmp_path / "out", tmp_path / "report.json"
    # before: "not a valid Swagger 2.0 document at #: [...] is not of type 'object', 'boolean'"
    assert main(["generate", "--spec", str(FIXTURE), "--out", str(out), "--report", str(report)]) == 0
    warnings = json.loads(report.read_text(encoding="utf-8"))["packages"][0]["warnings"]
    assert any("#/definitions/Channel/properties/latest: 'items' is a list" in w for w in warnings), warnings
    assert any("type lists (1 schema)" in w for w in warnings), warnings
    assert not any("could not be checked" in w or "does not match" in w for w in warnings), warnings
    models = next(out.glob("*/v1/models.py")).read_text(encoding="utf-8")
    assert "latest: Any | None" in models and "topic: str | None" in models and "members: list[str]" in models
    result = run_package_tests(out)
    assert result.returncode == 0, result.stdout[-2000:]


def test_a_null_type_in_a_30_document_is_checked_in_examples() -> None:
    """The models read ``{type: 'null'}`` in a 3.0 document as None; the example check did not know the type
    (``UndefinedTypeCheck``), so examples meeting it went unchecked, with a warning each."""
    from scraper.clients import ir

    schema = {"type": "object", "properties": {"latest": {"anyOf": [{"type": "string"}, {"type": "null"}]}}}
    ok = {"description": "ok", "content": {"application/json": {"schema": schema, "example": {"latest": None}}}}
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "N", "version": "1"},
        "paths": {"/n": {"get": {"operationId": "getN", "responses": {"200": ok}}}},
    }
    [version] = ir.build_package([doc], source_names=["n.yaml"]).versions
    assert not any("could not be checked" in w for w in version.warnings), version.warnings  # one before
