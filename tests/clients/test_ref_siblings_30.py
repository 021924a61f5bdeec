"""Keywords beside a ``$ref`` in a Swagger 2.0 / OpenAPI 3.0 document are ignored, as those versions say.

A Reference Object "cannot be extended with additional properties and any properties added SHALL be ignored"
(OpenAPI 3.0.3, "Reference Object"; Swagger 2.0 likewise). APIs-guru's ``je-apis.com/2.0.0.0/swagger.yaml`` writes
``{$ref: System.Decimal, description: Decimal, items: {$ref: System.Decimal}}`` for every money field: the models
made each a ``list[SystemDecimal]``, so the documented response (and its contract test, 11 of 210) failed on a number.
The shape keywords beside a reference are left out, with one warning; annotations (``description``, ``readOnly``,
``nullable``, ...) stay, as every generator keeps them. OpenAPI 3.1 applies siblings (JSON Schema 2020-12): kept.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scraper.cli import main
from scraper.clients.ref_siblings_30 import ignored_ref_siblings
from tests.clients.package_import import run_package_tests

FIXTURE = Path(__file__).parents[1] / "fixtures" / "openapi" / "robust" / "swagger2-ref-siblings.yaml"


def test_shape_keywords_beside_a_ref_are_left_out_and_annotations_kept() -> None:
    doc: dict[str, Any] = {
        "components": {
            "schemas": {
                "A": {"$ref": "#/components/schemas/B", "items": {"type": "string"}, "description": "d"},
                "C": {"$ref": "#/components/schemas/B", "type": "string", "nullable": True, "x-k": 1},
                "D": {"properties": {"$ref": {"type": "string"}, "b": {"type": "integer"}}},  # a property named $ref
                "E": {"type": "object", "example": {"$ref": "#/x", "items": 1}},  # data, not a schema
            }
        }
    }
    warnings = ignored_ref_siblings(doc)
    schemas = doc["components"]["schemas"]
    assert schemas["A"] == {"$ref": "#/components/schemas/B", "description": "d"}
    assert schemas["C"] == {"$ref": "#/components/schemas/B", "nullable": True, "x-k": 1}
    assert schemas["D"]["properties"]["b"] == {"type": "integer"} and schemas["E"]["example"]["items"] == 1
    assert warnings == [
        "2 schemas write keywords beside a $ref, which OpenAPI 3.0 and Swagger 2.0 ignore; left out (first:"
        " /components/schemas/A: items)"
    ]


def test_a_swagger_document_with_items_beside_a_ref_reads_the_reference(tmp_path: Path) -> None:
    out, report = tmp_path / "out", tmp_path / "report.json"
    assert main(["generate", "--spec", str(FIXTURE), "--out", str(out), "--report", str(report)]) == 0
    warnings = json.loads(report.read_text(encoding="utf-8"))["packages"][0]["warnings"]
    assert any("beside a $ref" in w and "ignore" in w for w in warnings), warnings
    models = next(out.glob("*/v1/models.py")).read_text(encoding="utf-8")
    assert "total: Money | None" in models and "list[Money]" not in models, models
    assert "first: Item | None" in models
    result = run_package_tests(out)
    assert result.returncode == 0, result.stdout[-2000:]
