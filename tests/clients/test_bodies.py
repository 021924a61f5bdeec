"""Request and response bodies of every media type (issue 14 item 2).

JSON bodies are typed models; form and multipart bodies are field mappings (files as bytes, a binary file or a
``(filename, content, content type)`` tuple); binary bodies bytes or a binary file; text bodies ``str``. Responses:
models for JSON, ``str`` for text, ``bytes`` otherwise, the decoded value for JSON without a schema. When several
media types are offered the main method takes JSON and the others get their own method.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest
import yaml

from scraper.atomic import write_tree
from scraper.clients import ir
from scraper.clients.package import render_package
from tests import paths
from tests.clients.package_import import imported, run_package_tests

SPEC = paths.FIXTURES / "openapi" / "bodies" / "1.0.yaml"
PACKAGE = "body_kinds"


def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("bodies") / "body-kinds"
    write_tree(root, render_package([spec()], source_names=["bodies/1.0.yaml"]))
    with imported(root, f"{PACKAGE}.v1_0_0") as module:
        yield module


class Server:
    """Records requests and answers with a fixed response."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.requests: list[httpx.Request] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.response


def call(api: ModuleType, response: httpx.Response, invoke: Any) -> tuple[Any, httpx.Request]:
    server = Server(response)
    with api.Client(base_url="https://bodies.test", transport=httpx.MockTransport(server.handler)) as client:
        result = invoke(client)
    [request] = server.requests
    return result, request


def test_body_kinds_and_variants_in_the_model() -> None:
    ops = {op.method_name: op for op in ir.build_package([spec()]).versions[0].operations}
    assert {name: (op.body.kind if op.body else None) for name, op in ops.items()} == {
        "add_note": "text",
        "add_pet": "json",
        "add_pet_form": "form",
        "add_pet_multipart": "multipart",
        "get_image": None,
        "get_report": None,
        "login": "form",
        "put_file": "binary",
        "upload_photo": "multipart",
    }
    assert {name: op.returns for name, op in ops.items()} == {
        "add_note": "Any",
        "add_pet": "_models.Pet",
        "add_pet_form": "_models.Pet",
        "add_pet_multipart": "_models.Pet",
        "get_image": "bytes",
        "get_report": "_models.Pet",
        "login": "_models.LoginResponse",
        "put_file": "str",
        "upload_photo": "None",
    }


def test_form_body_is_urlencoded(api: ModuleType) -> None:
    result, request = call(
        api,
        httpx.Response(201, json={"name": "rex"}),
        lambda c: c.add_pet_form(body={"name": "rex", "tags": ["a", "b"]}),
    )
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.content == b"name=rex&tags=a&tags=b"
    assert result.name == "rex"


def test_multipart_upload_carries_filename_and_content_type(api: ModuleType) -> None:
    photo = ("cat.png", b"\x89PNG-bytes", "image/png")
    _, request = call(api, httpx.Response(204), lambda c: c.upload_photo(1, body={"caption": "hi", "file": photo}))
    assert request.url.path == "/pets/1/photo"
    assert request.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    assert b'name="caption"\r\n\r\nhi' in request.content
    assert b'name="file"; filename="cat.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG-bytes' in request.content


def test_multipart_arrays_are_one_part_per_item(api: ModuleType) -> None:
    """An array property of a multipart body (several files, ``pages: {type: array, items: {format: binary}}``, or
    several values) is one part per item under the property's name: OpenAPI's Encoding Object gives an array the
    content type of its items. A list of files raised ``TypeError: Object of type bytes is not JSON serializable``
    (the list went to a JSON text field) and a list of strings was one part holding a JSON array."""
    pages = [("p1.pdf", b"%PDF-1", "application/pdf"), b"raw-2", io.BytesIO(b"raw-3")]
    body = {"caption": "hi", "pages": pages, "labels": ["a", "b"]}
    _, request = call(api, httpx.Response(204), lambda c: c.upload_photo(1, body=body))
    content = request.content
    assert b'name="pages"; filename="p1.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1\r\n' in content
    assert content.count(b'name="pages"; filename=') == 3 and b"raw-2" in content and b"raw-3" in content
    assert b'name="labels"\r\n\r\na\r\n' in content and b'name="labels"\r\n\r\nb\r\n' in content
    assert b'["a","b"]' not in content


def test_multipart_without_files_is_still_multipart(api: ModuleType) -> None:
    _, request = call(api, httpx.Response(204), lambda c: c.upload_photo(1, body={"caption": "only text"}))
    assert request.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    assert b'name="caption"\r\n\r\nonly text' in request.content


def test_an_empty_multipart_form_is_sent_as_one(api: ModuleType) -> None:
    """Every field left out (a synthesised ``{}`` in real documents' contract tests): a multipart body that is only
    the closing delimiter, as browsers send an empty form, not a request without a Content-Type (a KeyError)."""
    _, request = call(api, httpx.Response(204), lambda c: c.upload_photo(1, body={"caption": None}))
    content_type = request.headers["Content-Type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    assert request.content == b"--" + content_type.split("boundary=")[1].encode() + b"--\r\n"


def test_binary_upload_from_a_file_and_text_response(api: ModuleType) -> None:
    result, request = call(
        api, httpx.Response(200, text="sha256:abc"), lambda c: c.put_file("a b", body=io.BytesIO(b"\x00\x01"))
    )
    assert request.url.raw_path == b"/files/a%20b"
    assert request.headers["Content-Type"] == "application/octet-stream" and request.content == b"\x00\x01"
    assert result == "sha256:abc"


def test_image_download_returns_bytes(api: ModuleType) -> None:
    result, _ = call(api, httpx.Response(200, content=b"\x89PNG"), lambda c: c.get_image("i1"))
    assert result == b"\x89PNG"


def test_text_body_and_schemaless_json_response(api: ModuleType) -> None:
    result, request = call(api, httpx.Response(200, json={"any": [1]}), lambda c: c.add_note(body="milk \u2615"))
    assert request.headers["Content-Type"] == "text/plain" and request.content == "milk \u2615".encode()
    assert result == {"any": [1]}


def test_optional_form_body_may_be_left_out(api: ModuleType) -> None:
    result, request = call(api, httpx.Response(200, json={"token": "t"}), lambda c: c.login())
    assert request.content == b"" and "Content-Type" not in request.headers
    assert result.token == "t"


PATCH_SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Patch Bodies", "version": "1.0.0"},
    "servers": [{"url": "https://patch.test"}],
    "paths": {
        "/items/{id}": {
            "patch": {
                "operationId": "patchItem",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json-patch+json": {
                            "schema": {"type": "array", "items": {"$ref": "#/components/schemas/PatchOp"}}
                        }
                    },
                },
                "responses": {"204": {"description": "patched"}},
            },
            "put": {
                "operationId": "mergeItem",
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
                "requestBody": {
                    "content": {"application/merge-patch+json": {"schema": {"$ref": "#/components/schemas/Item"}}}
                },
                "responses": {"204": {"description": "merged"}},
            },
        }
    },
    "components": {
        "schemas": {
            "PatchOp": {
                "type": "object",
                "required": ["op", "path"],
                "properties": {"op": {"type": "string"}, "path": {"type": "string"}, "value": {}},
            },
            "Item": {"type": "object", "properties": {"name": {"type": "string"}}},
        }
    },
}


def test_a_json_body_of_another_json_media_type_is_sent_with_that_content_type(tmp_path: Any) -> None:
    """``application/json-patch+json`` (NHN Container Service's PATCH workload) went out as ``application/json``:
    httpx's ``json=`` names that type, and servers that take only the patch type refuse it. The documented type is
    sent; an optional body that is not given sends no Content-Type."""
    root = tmp_path / "patch-bodies"
    write_tree(root, render_package([PATCH_SPEC], source_names=["patch.yaml"]))
    with imported(root, "patch_bodies.v1_0_0") as module:
        ops = module.models
        body = module.models.PatchItemRequest([ops.PatchOp(op="replace", path="/name", value="x")])
        _, request = call(module, httpx.Response(204), lambda c: c.patch_item(id=7, body=body))
        assert request.headers["Content-Type"] == "application/json-patch+json"
        assert request.content == b'[{"op":"replace","path":"/name","value":"x"}]'
        _, merged = call(module, httpx.Response(204), lambda c: c.merge_item(id=7, body=ops.Item(name="n")))
        assert merged.headers["Content-Type"] == "application/merge-patch+json"
        _, empty = call(module, httpx.Response(204), lambda c: c.merge_item(id=7))
        assert "Content-Type" not in empty.headers and empty.content == b""


def test_a_default_only_response_and_a_wildcard_json_response_are_parsed(tmp_path: Any) -> None:
    """An operation whose one documented response is ``default`` (it covers every status, the successes too) and a
    response under ``*/*`` whose schema is a structure (what springdoc-openapi writes for every Spring endpoint):
    the first method returned None whatever came back, the second the raw bytes of the JSON. Both are the model
    now; ``*/*`` with a binary string schema stays bytes, and a ``default`` whose schema the document uses for its
    errors (a 4xx elsewhere) is still no success."""
    thing = {"$ref": "#/components/schemas/Thing"}
    error = {"$ref": "#/components/schemas/Error"}
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "Wildcards", "version": "1"},
        "paths": {
            "/only-default": {
                "get": {
                    "operationId": "onlyDefault",
                    "responses": {
                        "default": {"description": "any", "content": {"application/json": {"schema": thing}}}
                    },
                }
            },
            "/errors-only": {
                "delete": {
                    "operationId": "errorsOnly",
                    "responses": {
                        "default": {"description": "error", "content": {"application/json": {"schema": error}}}
                    },
                }
            },
            "/star": {
                "get": {
                    "operationId": "star",
                    "responses": {
                        "200": {"description": "ok", "content": {"*/*": {"schema": thing}}},
                        "404": {"description": "none", "content": {"application/json": {"schema": error}}},
                    },
                }
            },
            "/star-file": {
                "get": {
                    "operationId": "starFile",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"*/*": {"schema": {"type": "string", "format": "binary"}}},
                        }
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Thing": {"type": "object", "properties": {"id": {"type": "string"}}},
                "Error": {"type": "object", "required": ["message"], "properties": {"message": {"type": "string"}}},
            }
        },
    }
    write_tree(tmp_path, render_package([doc], package_name="wildcards"))
    with imported(tmp_path, "wildcards.v1") as module:
        answer = httpx.Response(200, json={"id": "t1"})
        default, _ = call(module, answer, lambda c: c.only_default())
        star, _ = call(module, answer, lambda c: c.star())
        star_file, _ = call(module, answer, lambda c: c.star_file())
        assert isinstance(default, module.models.Thing) and default.id == "t1"
        assert isinstance(star, module.models.Thing) and star.id == "t1"
        assert star_file == b'{"id":"t1"}'
        # a default that is the document's error shape (Error is also a 404) is no success: the empty 204 is None
        assert call(module, httpx.Response(204), lambda c: c.errors_only())[0] is None
        with pytest.raises(Exception, match="404"):
            call(module, httpx.Response(404, json={"id": "x"}), lambda c: c.only_default())
    assert run_package_tests(tmp_path).returncode == 0
