"""A property both ``required`` and ``readOnly``: OpenAPI's validators exempt it from ``required`` (in requests and
responses alike), while the generated model requires it like any other. An example that left it out passed the
generator's check and then failed its own contract test: PagerDuty's REST spec (PagerDuty/api-schema
``reference/REST/openapiv3.json`` at ``91a06fb``, ``updateCustomFieldsFieldOption``: ``field_option`` without its
readOnly ``id``, ``type``, ``created_at``, ``updated_at``; 2 of 1,334 contract tests, hidden until its examples
could be checked at all). Examples are checked as the models read the schemas: the flag exempts nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scraper.clients import ir
from scraper.clients.package import render_package
from tests.clients.package_import import run_package_tests

DOC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Options", "version": "1"},
    "paths": {
        "/options/{id}": {
            "put": {
                "operationId": "updateOption",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/Option"},
                            "example": {"value": "prod"},
                        }
                    }
                },
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/Option"},
                                "example": {"value": "prod"},
                            }
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Option": {
                "type": "object",
                "required": ["id", "value"],
                "properties": {"id": {"type": "string", "readOnly": True}, "value": {"type": "string"}},
            }
        }
    },
}


def test_an_example_without_a_required_read_only_property_is_a_known_mismatch(tmp_path: Path) -> None:
    [op] = ir.build_package([DOC], source_names=["options.yaml"]).versions[0].operations
    assert op.body is not None and op.body.example is not None
    assert op.body.example.problem is not None and "'id' is a required property" in op.body.example.problem
    assert op.response_example is not None and op.response_example.problem is not None
    out = tmp_path / "out"
    for rel, data in render_package([DOC], package_name="options").items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    result = run_package_tests(out)
    assert result.returncode == 0, result.stdout[-3000:]
