"""Raw-bytes request bodies: the caller says what the bytes are (``content_type=``), within what the spec documents.

NHN Object Storage's "Upload an Object" (``spec/nhn/object-storage/v1.yaml``, ``PUT /v1/{Account}/{Container}/
{Object}``) documents its body as ``application/octet-stream`` and stores the object with the Content-Type the
request carries; an image upload documented as ``image/*`` wants ``image/png`` or ``image/jpeg``, never the
``application/octet-stream`` the runtime sends for a range. Every generated method with a binary body takes a
keyword-only ``content_type: str | None = None``, checked by the runtime (``docs2client_runtime.media_types``)
before sending; it steps aside (``content_type_2``) for a documented parameter whose Python name it would take.
The spec below is synthetic; the shapes: OpenAPI's "Considerations for File Uploads" (a body of specific image
types; ``application/octet-stream`` for a file of any type, which 3.0.0-3.0.2 call "functionally equivalent to
``*/*``": the runtime takes any type for it, RFC 2046's "arbitrary binary data"), NHN Object Storage's uploads and
NHN Private CA's ``application/ocsp-request`` (``spec/nhn/private-ca/v2.0.yaml``).
"""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from scraper.atomic import write_tree
from scraper.clients import ir
from scraper.clients.package import render_package
from tests.clients.package_import import imported, run_package_tests

PACKAGE = "binary_uploads"


def _upload(operation_id: str, media: str, *, required: bool = True, **extra: Any) -> dict[str, Any]:
    return {
        "operationId": operation_id,
        "requestBody": {"required": required, "content": {media: {"schema": {"type": "string", "format": "binary"}}}},
        "responses": {"204": {"description": "stored"}},
        **extra,
    }


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Binary Uploads", "version": "1.0.0"},
    "servers": [{"url": "https://bin.test"}],
    "paths": {
        "/images/{name}": {"put": _upload("putImage", "image/*")},
        "/objects/{name}": {"put": _upload("putObject", "application/octet-stream", required=False)},
        "/ocsp": {"post": _upload("checkOcsp", "application/ocsp-request")},
        "/tagged/{name}": {
            "put": _upload(
                "putTagged",
                "image/*",
                parameters=[
                    {"name": "content_type", "in": "query", "schema": {"type": "string"}},
                    {"name": "contentType", "in": "header", "schema": {"type": "string"}},
                ],
            )
        },
    },
}


def keyword(op: ir.OperationIR, name: str) -> ir.ArgumentIR | None:
    return next((k for k in op.keywords if k.name == name), None)


def operations(doc: dict[str, Any] = SPEC) -> dict[str, ir.OperationIR]:
    return {op.method_name: op for op in ir.build_package([copy.deepcopy(doc)]).versions[0].operations}


def test_every_binary_body_takes_an_optional_content_type_keyword() -> None:
    ops = operations()
    for name in ("put_image", "put_object", "check_ocsp"):
        assert keyword(ops[name], "content_type") == ir.ArgumentIR("content_type", "str | None", "None"), name
        assert ops[name].keywords[-1].name == "content_type"  # last: after the body and every parameter
    said = {name: ops[name].body.binary_media_doc for name in ("put_image", "put_object", "check_ocsp")}  # type: ignore[union-attr]
    assert said["put_image"].endswith(
        "(default ``application/octet-stream``; a type within ``image/*``, else ValueError)"
    )
    assert said["put_object"].endswith("(default ``application/octet-stream``; any media type)")
    assert said["check_ocsp"].endswith(
        "(default ``application/ocsp-request``; ``application/ocsp-request``, else ValueError)"
    )


def test_the_keyword_steps_aside_for_parameters_of_its_python_name() -> None:
    """``content_type`` (query) keeps its name, ``contentType`` (header) becomes ``content_type_2``: the media type
    keyword is the next free one, ``content_type_3``."""
    op = operations()["put_tagged"]
    assert [k.name for k in op.keywords] == ["body", "content_type", "content_type_2", "content_type_3"]
    assert op.body is not None and op.body.keyword == "content_type_3"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, Path]]:
    root = tmp_path_factory.mktemp("binary") / "binary-uploads"
    write_tree(root, render_package([copy.deepcopy(SPEC)], source_names=["binary/1.0.yaml"]))
    with imported(root, f"{PACKAGE}.v1_0_0") as module:
        yield module, root


def _sent(api: ModuleType, invoke: Callable[[Any], Any]) -> list[httpx.Request]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    with api.Client(transport=httpx.MockTransport(handler)) as client:
        invoke(client)
    return seen


def test_the_default_is_the_documented_type_and_a_range_sends_octet_stream(built: tuple[ModuleType, Path]) -> None:
    api, _ = built
    image, obj, ocsp = _sent(
        api,
        lambda c: (
            c.put_image("a", body=b"\x89PNG"),
            c.put_object("b", body=b"x"),
            c.check_ocsp(body=b"\x30\x00"),
        ),
    )
    assert image.headers["Content-Type"] == "application/octet-stream" and image.content == b"\x89PNG"
    assert obj.headers["Content-Type"] == "application/octet-stream"
    assert ocsp.headers["Content-Type"] == "application/ocsp-request"


def test_a_given_type_is_sent_as_written(built: tuple[ModuleType, Path]) -> None:
    api, _ = built
    image, obj, ocsp = _sent(
        api,
        lambda c: (
            c.put_image("a", body=b"\x89PNG", content_type="image/png"),
            c.put_object("b", body=b"{}", content_type="application/json; charset=utf-8"),
            c.check_ocsp(body=b"\x30\x00", content_type="Application/OCSP-Request"),
        ),
    )
    assert image.headers["Content-Type"] == "image/png"
    assert obj.headers["Content-Type"] == "application/json; charset=utf-8"  # octet-stream: any bytes
    assert ocsp.headers["Content-Type"] == "Application/OCSP-Request"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: c.put_image("a", body=b"x", content_type="text/plain"), "not within the documented image/*"),
        (lambda c: c.put_image("a", body=b"x", content_type="image/png\r\nX-Evil: 1"), "is not a media type"),
        (lambda c: c.put_object("b", body=b"x", content_type="png"), "is not a media type"),
        (lambda c: c.check_ocsp(body=b"x", content_type="image/png"), "application/ocsp-request"),
    ],
)
def test_a_value_outside_the_documented_types_is_refused_before_sending(
    built: tuple[ModuleType, Path], call: Callable[[Any], Any], message: str
) -> None:
    api, _ = built
    seen: list[httpx.Request] = []
    with pytest.raises(ValueError, match=message) as caught:
        _sent(api, lambda c: (seen.append(c), call(c)))
    assert str(caught.value).startswith("Client.") and "\n" not in str(caught.value)


def test_the_async_client_checks_and_sends_the_same(built: tuple[ModuleType, Path]) -> None:
    api, _ = built
    seen: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    async def run() -> None:
        async with api.AsyncClient(transport=httpx.MockTransport(handler)) as client:
            await client.put_image("a", body=b"x", content_type="image/jpeg")
            with pytest.raises(ValueError, match=r"^AsyncClient\.put_image: content_type='text/plain'"):
                await client.put_image("a", body=b"x", content_type="text/plain")

    asyncio.run(run())
    [request] = seen
    assert request.headers["Content-Type"] == "image/jpeg"


def test_each_argument_goes_where_it_belongs_when_names_clash(built: tuple[ModuleType, Path]) -> None:
    api, _ = built
    [request] = _sent(
        api,
        lambda c: c.put_tagged("t", body=b"x", content_type="q", content_type_2="h", content_type_3="image/webp"),
    )
    assert request.url.params["content_type"] == "q"
    assert request.headers["contentType"] == "h"
    assert request.headers["Content-Type"] == "image/webp"


def test_the_docstring_says_which_argument_is_which(built: tuple[ModuleType, Path]) -> None:
    api, _ = built
    doc = api.Client.put_tagged.__doc__
    assert "content_type: query parameter (``content_type``, query)" in " ".join(doc.split())
    said = " ".join(doc.split())
    assert "content_type_3: the media type of the body's bytes, sent as its Content-Type" in said
    assert "(default ``application/octet-stream``; a type within ``image/*``, else ValueError)" in said


def test_the_package_passes_its_contract_tests_and_mypy_strict(built: tuple[ModuleType, Path]) -> None:
    _, root = built
    run = run_package_tests(root)
    assert run.returncode == 0, run.stdout[-3000:]


def test_the_readme_tells_how_to_say_what_the_bytes_are(built: tuple[ModuleType, Path]) -> None:
    _, root = built
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Raw-bytes request bodies", 1)[1].split("\n## ", 1)[0]
    assert "| `put_image` | `image/*` | `content_type=` |" in section
    assert "| `put_tagged` | `image/*` | `content_type_3=` |" in section
    assert "| `put_object` | `application/octet-stream` | `content_type=` |" in section
    assert "ValueError" in section and "application/octet-stream" in section


def test_a_documented_content_type_header_leaves_the_keyword_its_name() -> None:
    """NHN Object Storage documents ``Content-type`` as a required header of its uploads ("Content type of object",
    spec/nhn/object-storage/v1.yaml); OpenAPI says such a header parameter is ignored, and the client drops it, so
    the keyword is ``content_type``, not ``content_type_2`` beside no ``content_type`` at all."""
    doc = copy.deepcopy(SPEC)
    doc["paths"]["/objects/{name}"]["put"]["parameters"] = [
        {"name": "Content-type", "in": "header", "required": True, "schema": {"type": "string"}}
    ]
    op = operations(doc)["put_object"]
    assert [k.name for k in op.keywords] == ["body", "content_type"]
    assert op.body is not None and op.body.keyword == "content_type"
