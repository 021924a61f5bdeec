"""An optional property whose default is a list or a map (``response_types: {type: array, items: {const: code},
default: [code]}``, Polar's ``OAuth2Client``; ``{items: {type: number}, default: [1, 2]}``): the model writes
``list[Literal["code"]] | None = Field(["code"], ...)``; with ``None`` in the annotation mypy infers the default
without it, as ``list[str]`` (``list[int]``), which an invariant ``list`` of the field's items refuses, so mypy
--strict failed the models (3 errors in Polar's package). The default now names its type
(``Field(list[Literal["code"]](["code"]), ...)``), where that type is builtins and ``Literal`` only, and the model
still holds the documented default."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scraper.clients.package import render_package
from tests.clients.package_import import imported, run_package_mypy, write_package


def _spec() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Clients", "version": "1.0"},
        "paths": {
            "/clients": {
                "get": {
                    "operationId": "get_client",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OAuthClient"}}},
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "OAuthClient": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string"},
                        "response_types": {
                            "type": "array",
                            "items": {"type": "string", "const": "code"},
                            "title": "Response Types",
                            "default": ["code"],
                        },
                        "weights": {"type": "array", "items": {"type": "number"}, "default": [1, 2]},
                        "limits": {
                            "type": "object",
                            "additionalProperties": {"type": "number"},
                            "default": {"burst": 1},
                        },
                        "grid": {
                            "type": "array",
                            "items": {"type": "array", "items": {"type": "number"}},
                            "description": "rows of numbers, one list a row; the default is a single row of one",
                            "default": [[1]],
                        },
                    },
                }
            }
        },
    }


def test_container_defaults_pass_mypy_strict_and_stay_the_default(tmp_path: Path) -> None:
    files = render_package([_spec()], package_name="clients")
    out = write_package(files, tmp_path / "out")
    mypy = run_package_mypy(out, str(out / "clients"), cache=tmp_path / ".mypy")
    assert mypy.returncode == 0, mypy.stdout
    with imported(out, "clients.v1_0.models") as models:
        client = models.OAuthClient(name="x")
    assert client.response_types == ["code"]
    assert client.weights == [1, 2]
    assert client.limits == {"burst": 1}
    assert client.grid == [[1]]
