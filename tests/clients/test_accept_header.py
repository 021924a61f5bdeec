"""The ``Accept`` header says what the operation documents: the media type the client reads from each documented
response (JSON first), so an API that negotiates answers in a form the client parses. ``*/*`` (httpx's default)
stays when the operation documents no response body or documents ``*/*``; an ``Accept`` the caller chose (the
client's ``headers=``, an ``http_client`` of their own) wins. (A header parameter named ``Accept`` is ignored, as
OpenAPI says.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from scraper.atomic import write_tree
from scraper.clients.accept_header import accept_value
from scraper.clients.package import render_package
from tests.clients.package_import import contract_cases, imported, run_package_tests


def _responses(**by_status: list[str]) -> dict[str, Any]:
    return {
        status.removeprefix("s"): {
            "description": "answer",
            **({"content": {m: {"schema": {"type": "object"}} for m in media}} if media else {}),
        }
        for status, media in by_status.items()
    }


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Negotiated", "version": "1.0"},
    "paths": {
        "/json": {"get": {"operationId": "getJson", "responses": _responses(s200=["application/json"])}},
        "/errors": {
            "get": {
                "operationId": "getWithErrors",
                "responses": _responses(
                    s200=["application/json; charset=utf-8"], s404=["application/problem+json"], sdefault=[]
                ),
            }
        },
        "/choice": {
            "get": {"operationId": "getChoice", "responses": _responses(s200=["application/xml", "application/json"])}
        },
        "/anything": {"get": {"operationId": "getAnything", "responses": _responses(s200=["*/*"])}},
        # Text to Speech: "Content-Type: audio/wav or audio/mpeg": the method returns the bytes of either
        "/sound": {
            "get": {
                "operationId": "getSound",
                "responses": {
                    "200": {
                        "description": "answer",
                        "content": {
                            m: {"schema": {"type": "string", "format": "binary"}} for m in ("audio/wav", "audio/mpeg")
                        },
                    }
                },
            }
        },
        "/empty": {"delete": {"operationId": "deleteEmpty", "responses": _responses(s204=[])}},
    },
}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, ModuleType]]:
    root = tmp_path_factory.mktemp("negotiated") / "negotiated"
    write_tree(root, render_package([SPEC], package_name="negotiated"))
    with imported(root, "negotiated.v1_0") as module:
        yield root, module


def _accept(api: ModuleType, call: Any, **client: Any) -> str:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204) if request.method == "DELETE" else httpx.Response(200, json={})

    transport = httpx.MockTransport(handler)
    if "http_client" in client:
        client["http_client"] = httpx.Client(transport=transport, headers=client["http_client"])
    else:
        client["transport"] = transport
    with api.Client(base_url="https://negotiated.test", **client) as c:
        call(c)
    [request] = sent
    return str(request.headers["Accept"])


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        ("get_json", "application/json"),
        ("get_with_errors", "application/json, application/problem+json"),
        ("get_choice", "application/json"),  # the one the method parses
        ("get_anything", "*/*"),
        ("get_sound", "audio/wav, audio/mpeg"),  # every type the method reads the same way, as documented
        ("delete_empty", "*/*"),
    ],
)
def test_accept_names_the_documented_media_types(package: tuple[Path, ModuleType], method: str, expected: str) -> None:
    assert _accept(package[1], lambda c: getattr(c, method)()) == expected


def test_the_callers_accept_wins(package: tuple[Path, ModuleType]) -> None:
    api = package[1]
    assert _accept(api, lambda c: c.get_json(), headers={"accept": "application/vnd.x+json"}) == (
        "application/vnd.x+json"
    )
    assert _accept(api, lambda c: c.get_json(), http_client={"Accept": "application/vnd.y+json"}) == (
        "application/vnd.y+json"
    )
    assert _accept(api, lambda c: c.get_json(), http_client={}) == "application/json"


def test_contract_tests_expect_the_accept_header(package: tuple[Path, ModuleType]) -> None:
    cases = {case["name"]: case for case in contract_cases(package[0])["requests"]}
    assert cases["get_json"]["expect"]["headers"] == {"Accept": "application/json"}
    assert cases["get_anything"]["expect"]["headers"] == {}


def test_the_packages_own_contract_tests_pass(package: tuple[Path, ModuleType]) -> None:
    result = run_package_tests(package[0])
    assert result.returncode == 0, result.stdout[-3000:]


def test_only_media_ranges_become_the_header() -> None:
    assert accept_value(["Application/JSON; charset=utf-8", "application/json"]) == "application/json"
    assert accept_value(["application/json", "text/*"]) == "application/json, text/*"
    assert accept_value(["application/json", "*/*"]) is None
    assert accept_value(["application/json\r\nX-Evil: 1"]) is None  # doc text is never a header unchecked
    assert accept_value([]) is None
