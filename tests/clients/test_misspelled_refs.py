"""A schema that writes its reference under a misspelled key (``ref``, ``$Ref``) is read as the reference, said so.

Scalar's example document (scalar/galaxy ``src/scalar-galaxy-3.1.json`` at ``8748514``: ``POST /auth/token``'s
``201`` response) writes ``{ref: '#/components/schemas/Token'}``. JSON Schema ignores a keyword it does not know, so
the schema allowed any value: the method returned ``Any`` (the ``Token`` model unused) and not a word was said. A key
that differs from ``$ref`` only by its ``$`` or its case, holding a pointer into the document that resolves, is now
read as ``$ref`` with a warning; one that resolves nowhere is left as written, with a warning too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scraper.cli import main
from scraper.clients.misspelled_refs import misspelled_refs

FIXTURE = Path(__file__).parents[1] / "fixtures" / "openapi" / "robust" / "zz-misspelled-refs.yaml"


def _doc() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "paths": {
            "/t": {
                "post": {
                    "responses": {
                        "201": {"content": {"application/json": {"schema": {"ref": "#/components/schemas/Token"}}}}
                    }
                }
            }
        },
        "components": {
            "schemas": {
                "Token": {"type": "object", "properties": {"ref": {"type": "string"}}},
                "Page": {"properties": {"next": {"$Ref": "#/components/schemas/Page"}}},
                "Lost": {"properties": {"owner": {"ref": "#/components/schemas/Nobody"}}},
                "Data": {"example": {"ref": "#/components/schemas/Token"}},
            }
        },
    }


def test_a_misspelled_ref_that_resolves_is_read_as_the_reference() -> None:
    doc = _doc()
    warnings = misspelled_refs(doc)
    content = doc["paths"]["/t"]["post"]["responses"]["201"]["content"]["application/json"]
    assert content["schema"] == {"$ref": "#/components/schemas/Token"}
    schemas = doc["components"]["schemas"]
    assert schemas["Page"]["properties"]["next"] == {"$ref": "#/components/schemas/Page"}
    assert schemas["Lost"]["properties"]["owner"] == {"ref": "#/components/schemas/Nobody"}  # resolves nowhere
    assert schemas["Token"]["properties"] == {"ref": {"type": "string"}}  # a property named ref
    assert schemas["Data"]["example"] == {"ref": "#/components/schemas/Token"}  # data, not a schema
    assert warnings == [
        "2 schemas write their reference under a misspelled key ('$Ref', 'ref'), which JSON Schema ignores (any"
        " value); read as $ref (first: /components/schemas/Page/properties/next: '$Ref')",
        "1 schema writes a reference under a misspelled key that resolves nowhere; left as written, any value"
        " (first: /components/schemas/Lost/properties/owner: 'ref': '#/components/schemas/Nobody')",
    ]


def test_the_method_returns_the_model_the_misspelled_ref_names(tmp_path: Path) -> None:
    out, report = tmp_path / "out", tmp_path / "report.json"
    assert main(["generate", "--spec", str(FIXTURE), "--out", str(out), "--report", str(report)]) == 0
    warnings = json.loads(report.read_text(encoding="utf-8"))["packages"][0]["warnings"]
    assert any("misspelled key ('ref')" in w for w in warnings), warnings
    client = next(out.glob("*/v1/client.py")).read_text(encoding="utf-8")
    assert "def get_token(self, *, body: _models.Credentials | None = None) -> _models.Token:" in client, client
