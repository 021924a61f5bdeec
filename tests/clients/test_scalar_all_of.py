"""A scalar schema with its own ``enum`` that also lists scalar references under ``allOf`` is its own values.

Discord's OpenAPI 3.1 document (discord/discord-api-spec ``specs/openapi.json`` at ``74fda0f``) writes each
member of a discriminated union's tag as ``{type: integer, enum: [3], allOf: [{$ref: WebhookTypes}]}``, where
``WebhookTypes`` is an integer ``oneOf`` of ``const`` values (153 such schemas). datamodel-code-generator read the
``allOf`` as object inheritance and made the field an empty model class, so ``3`` failed to parse: 146 of 735
contract tests failed. A value must satisfy the own ``enum`` and every part, so when every part is a scalar schema
the own values already say which values are valid: the ``allOf`` is left out (a value a part refuses is dropped,
with a warning; with none left the schema is kept as written).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scraper.atomic import write_tree
from scraper.clients import ir
from scraper.clients.package import render_package
from tests.clients.package_import import imported

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Hooks", "version": "1"},
    "servers": [{"url": "https://hooks.test"}],
    "paths": {
        "/hooks/{id}": {
            "get": {
                "operationId": "getHook",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AppHook"}}},
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "HookTypes": {
                "type": "integer",
                "oneOf": [{"title": "GUILD", "const": 1}, {"title": "APPLICATION", "const": 3}],
                "format": "int32",
            },
            "Color": {"type": "string", "enum": ["red", "blue"]},
            "AppHook": {
                "type": "object",
                "required": ["type"],
                "properties": {
                    "type": {
                        "type": "integer",
                        "enum": [3],
                        "allOf": [{"$ref": "#/components/schemas/HookTypes"}],
                        "format": "int32",
                    },
                    "color": {
                        "type": "string",
                        "enum": ["red", "green"],
                        "allOf": [{"$ref": "#/components/schemas/Color"}],
                    },
                },
            },
        }
    },
}


def test_own_values_decide_a_scalar_all_of(tmp_path: Path) -> None:
    pkg = ir.build_package([SPEC], source_names=["hooks.yaml"])
    assert any("/color" in w and "'green'" in w for w in pkg.warnings), pkg.warnings
    write_tree(tmp_path / "hooks", render_package([SPEC], package_name="hooks"))
    with imported(tmp_path / "hooks", "hooks.v1") as hooks:
        parsed = hooks.models.AppHook.model_validate({"type": 3, "color": "red"})
        assert parsed.model_dump(mode="json", exclude_unset=True) == {"type": 3, "color": "red"}
