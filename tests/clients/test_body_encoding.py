"""Form and multipart bodies by OpenAPI's Encoding Object (3.1, "Encoding Object", "Style Values").

``application/x-www-form-urlencoded``: each property is serialised as a ``form`` style query parameter with
``explode: true`` unless its ``encoding`` says otherwise (``style``/``explode``: ``form``, ``spaceDelimited``,
``pipeDelimited``, ``deepObject``); an ``encoding.contentType`` alone sends the property as that type (JSON text).
``multipart/form-data``: a part takes its ``encoding.contentType``, an object part ``application/json`` (the
Encoding Object's default for objects); a caller's ``(filename, content, content type)`` tuple keeps its own type.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any
from urllib.parse import unquote

import httpx
import pytest

from scraper.atomic import write_tree
from scraper.clients import ir
from scraper.clients.package import render_package
from tests.clients.package_import import imported, run_package_tests

PACKAGE = "encoded_bodies"

ADDRESS = {"type": "object", "properties": {"city": {"type": "string"}, "zip": {"type": "integer"}}}
TAGS = {"type": "array", "items": {"type": "string"}}
LINE = {"type": "object", "properties": {"price": {"type": "string"}, "qty": {"type": "integer"}}}


def _form_op(operation_id: str, properties: dict[str, Any], encoding: dict[str, Any] | None = None) -> Any:
    media: dict[str, Any] = {"schema": {"type": "object", "properties": properties}}
    if encoding is not None:
        media["encoding"] = encoding
    return {
        "operationId": operation_id,
        "requestBody": {"required": True, "content": {"application/x-www-form-urlencoded": media}},
        "responses": {"204": {"description": "done"}},
    }


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Encoded Bodies", "version": "1.0.0"},
    "servers": [{"url": "https://enc.test"}],
    "paths": {
        "/plain": {"post": _form_op("formDefault", {"name": {"type": "string"}, "address": ADDRESS, "tags": TAGS})},
        "/styled": {
            "post": _form_op(
                "formStyled",
                {
                    "address": ADDRESS,
                    "tags": TAGS,
                    "ids": {"type": "array", "items": {"type": "integer"}},
                    "filter": ADDRESS,
                    "meta": {"type": "object"},
                    "lines": {"type": "array", "items": LINE},
                    "flag": {"type": "boolean"},
                },
                {
                    "address": {"style": "deepObject", "explode": True},
                    "tags": {"style": "pipeDelimited", "explode": False},
                    "ids": {"style": "spaceDelimited", "explode": False},
                    "filter": {"style": "form", "explode": False},
                    "meta": {"contentType": "application/json"},
                    "lines": {"style": "deepObject", "explode": True},
                },
            )
        },
        "/upload": {
            "post": {
                "operationId": "upload",
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "image": {"type": "string", "format": "binary"},
                                    "meta": ADDRESS,
                                    "note": {"type": "string"},
                                    "caption": {"type": "string"},
                                },
                            },
                            "encoding": {
                                "image": {"contentType": "image/png"},
                                "note": {"contentType": "text/markdown"},
                            },
                        }
                    },
                },
                "responses": {"204": {"description": "done"}},
            }
        },
    },
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, Any]]:
    root = tmp_path_factory.mktemp("encoding") / "encoded-bodies"
    write_tree(root, render_package([SPEC], source_names=["encoded/1.0.yaml"]))
    with imported(root, f"{PACKAGE}.v1_0_0") as module:
        yield module, root


def _sent(api: ModuleType, invoke: Any) -> httpx.Request:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    with api.Client(transport=httpx.MockTransport(handler)) as client:
        invoke(client)
    [request] = seen
    return request


def test_form_objects_and_arrays_are_exploded_by_default(built: tuple[ModuleType, Any]) -> None:
    api, _ = built
    body = {"name": "rex", "address": {"city": "Seoul", "zip": 1}, "tags": ["a", "b"]}
    request = _sent(api, lambda c: c.form_default(body=body))
    assert request.content == b"name=rex&city=Seoul&zip=1&tags=a&tags=b"


def test_form_fields_follow_their_encoding(built: tuple[ModuleType, Any]) -> None:
    api, _ = built
    body = {
        "address": {"city": "Seoul", "zip": 1},
        "tags": ["a", "b"],
        "ids": [1, 2],
        "filter": {"city": "Busan", "zip": 2},
        "meta": {"k": [1]},
        "lines": [{"price": "p1", "qty": 2}, {"price": "p2", "qty": 1}],
        "flag": True,
    }
    request = _sent(api, lambda c: c.form_styled(body=body))
    assert unquote(request.content.decode("ascii")).split("&") == [
        "address[city]=Seoul",
        "address[zip]=1",
        "tags=a|b",
        "ids=1+2",
        "filter=city,Busan,zip,2",
        'meta={"k":[1]}',
        "lines[0][price]=p1",
        "lines[0][qty]=2",
        "lines[1][price]=p2",
        "lines[1][qty]=1",
        "flag=true",
    ]


def test_multipart_parts_take_their_documented_content_type(built: tuple[ModuleType, Any]) -> None:
    api, _ = built
    body = {"image": b"\x89PNG", "meta": {"city": "Seoul"}, "note": "# hi", "caption": "plain"}
    content = _sent(api, lambda c: c.upload(body=body)).content
    assert b'name="image"; filename="upload"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n' in content
    assert b'name="meta"\r\nContent-Type: application/json\r\n\r\n{"city":"Seoul"}\r\n' in content
    assert b'name="note"\r\nContent-Type: text/markdown\r\n\r\n# hi\r\n' in content
    assert b'name="caption"\r\n\r\nplain\r\n' in content


def test_a_callers_tuple_keeps_its_content_type(built: tuple[ModuleType, Any]) -> None:
    api, _ = built
    content = _sent(api, lambda c: c.upload(body={"image": ("a.jpg", b"JPEG", "image/jpeg")})).content
    assert b'name="image"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\nJPEG\r\n' in content


def test_the_packages_own_contract_tests_pass(built: tuple[ModuleType, Any]) -> None:
    _, root = built
    result = run_package_tests(root)
    assert result.returncode == 0, result.stdout[-3000:]


def test_encoding_values_the_runtime_cannot_send_are_warned_and_left_out() -> None:
    """An unknown style, a non-boolean explode, a content type with a line break (it would become a part header
    line): each left out with a warning naming its JSON pointer, the property keeps the default."""
    bad = _form_op(
        "bad",
        {"a": ADDRESS, "b": TAGS, "c": {"type": "string"}},
        {"a": {"style": "matrix"}, "b": {"explode": "yes"}, "c": {"contentType": "text/plain\r\nX-Evil: 1"}, "d": 3},
    )
    spec = {**SPEC, "paths": {"/bad": {"post": bad}}}
    version = ir.build_package([spec], source_names=["bad.yaml"]).versions[0]
    [op] = version.operations
    assert op.body is not None and op.body.encoding == {}
    where = "/paths/~1bad/post/requestBody/content/application~1x-www-form-urlencoded/encoding"
    said = [w.split(": ")[0] for w in version.warnings if "/encoding/" in w]
    assert said == [f"{where}/{place}" for place in ("a/style", "b/explode", "c/contentType", "d")]
