"""The client module imports from ``typing`` the names its annotations use, read as Python names: an enum value
spelled like a typing name (``Literal["All", "Any", "Public"]``, a license filter of Bing's Image Search in
APIs-guru, ``microsoft.com/cognitiveservices-ImageSearch/1.0``) is text inside a literal, not a use of ``Any``. The
word search took it for one and imported ``Any`` unused, so ruff's F401 failed the package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scraper.clients.package import render_package
from tests.clients.package_import import write_package

BIN = Path(sys.executable).parent


def _spec(values: list[str]) -> dict[str, object]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Images", "version": "1.0"},
        "paths": {
            "/images": {
                "get": {
                    "operationId": "searchImages",
                    "parameters": [
                        {"name": "license", "in": "query", "schema": {"type": "string", "enum": values}},
                        {"name": "reader", "in": "query", "schema": {"type": "string", "enum": ["IO[bytes]"]}},
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}},
                        }
                    },
                }
            }
        },
        "components": {"schemas": {"Page": {"type": "object", "properties": {"total": {"type": "integer"}}}}},
    }


def _typing_import(files: dict[str, bytes]) -> str:
    client = files["images/v1_0/client.py"].decode("utf-8")
    return next(line for line in client.splitlines() if line.startswith("from typing import "))


def test_names_inside_literal_values_are_not_imported(tmp_path: Path) -> None:
    files = render_package([_spec(["All", "Any", "Public", "Literal["])], package_name="images")
    assert _typing_import(files) == "from typing import TYPE_CHECKING, Literal, Self"
    out = write_package(files, tmp_path / "out")
    ruff = subprocess.run([str(BIN / "ruff"), "check", "--no-cache", str(out)], capture_output=True, text=True)
    assert ruff.returncode == 0, ruff.stdout


def test_a_real_any_is_still_imported() -> None:
    spec = _spec(["All"])
    spec["paths"]["/images"]["get"]["parameters"].append({"name": "filter", "in": "query", "schema": {}})  # type: ignore[index]
    files = render_package([spec], package_name="images")
    assert _typing_import(files) == "from typing import TYPE_CHECKING, Any, Literal, Self"
