"""A JSON body whose media type names JSON inside a vendor type is sent as JSON with that Content-Type.

OpenStack Glance (NHN Compute Image, "Change Visibility") takes ``PATCH`` with
``application/openstack-images-v2.1-json-patch``: read as binary, the method took bytes and the package's contract
test failed to pass the documented JSON Patch list (``'list' object has no attribute 'encode'``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scraper.atomic import write_tree
from scraper.clients.ir import _media_kind
from scraper.clients.package import render_package
from tests.clients.package_import import contract_cases, run_package_tests

_MEDIA = "application/openstack-images-v2.1-json-patch"
_SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Image", "version": "v2", "x-provider": "nhn", "x-service": "image"},
    "servers": [{"url": "https://image.example.com"}],
    "paths": {
        "/v2/images/{imageId}": {
            "patch": {
                "operationId": "changeVisibility",
                "parameters": [{"name": "imageId", "in": "path", "required": True, "schema": {"type": "string"}}],
                "requestBody": {
                    "required": True,
                    "content": {
                        _MEDIA: {
                            "schema": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "properties": {"op": {"type": "string"}, "path": {"type": "string"}, "value": {}},
                                },
                            },
                            "example": [{"op": "replace", "path": "/visibility", "value": "shared"}],
                        }
                    },
                },
                "responses": {"200": {"description": "OK"}},
            }
        }
    },
}


@pytest.mark.parametrize(
    ("media", "kind"),
    [
        (_MEDIA, "json"),
        ("application/json-patch+json", "json"),
        ("application/vnd.api+json; charset=utf-8", "json"),
        ("application/x-ndjson", "binary"),  # one JSON document per line: not one JSON body
        ("application/jsonl", "binary"),
    ],
)
def test_media_kinds(media: str, kind: str) -> None:
    assert _media_kind(media) == kind


def test_the_package_sends_the_json_patch_with_its_media_type(tmp_path: Path) -> None:
    root = tmp_path / "nhn-image"
    write_tree(root, render_package([_SPEC], source_names=["v2.yaml"]))
    data = contract_cases(root)
    [case] = data["requests"]
    assert case["body"]["value"] == [{"op": "replace", "path": "/visibility", "value": "shared"}]
    assert case["body"].get("kind", "json") == "json"
    run = run_package_tests(root)
    assert run.returncode == 0, run.stdout[-2000:]
    assert "Content-Type" not in run.stdout  # no mismatch reported
    client = (root / "nhn_image" / "v2" / "client.py").read_text(encoding="utf-8")
    assert _MEDIA in client


def test_a_structure_shown_for_a_raw_body_is_sent_as_its_json_text(tmp_path: Path) -> None:
    """A guide that shows a JSON object for a body of another media type (File Crafter wrote ``appliction/json``;
    any ``application/octet-stream`` example that is an object): the contract test sends the object's JSON text,
    where it tried to ``.encode`` a dict and failed."""
    spec = json.loads(json.dumps(_SPEC))
    operation = spec["paths"]["/v2/images/{imageId}"]["patch"]
    content = operation["requestBody"]["content"].pop(_MEDIA)
    content["example"] = {"op": "replace", "value": "shared"}
    operation["requestBody"]["content"]["application/octet-stream"] = {"example": content["example"]}
    root = tmp_path / "nhn-image"
    write_tree(root, render_package([spec], source_names=["v2.yaml"]))
    data = contract_cases(root)
    [case] = data["requests"]
    assert case["body"]["kind"] == "binary"
    assert json.loads(case["body"]["value"]) == {"op": "replace", "value": "shared"}
    run = run_package_tests(root)
    assert run.returncode == 0, run.stdout[-2000:]
