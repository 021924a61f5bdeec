"""Generated clients under hostile arguments (issue 12, items 3 and 11): what a call sends is what it means.

The demo fixture package is rendered into a temporary folder and imported; requests go to an
``httpx.MockTransport`` that records them, so each test sees the exact URL that was (or was not) sent and signed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest
import yaml
from conftest import ROOT

from scraper.atomic import write_tree
from scraper.clients.package import render_package

DEMO = ROOT / "tests" / "fixtures" / "openapi" / "scp" / "demoserver"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("demo")
    specs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(DEMO.glob("*.yaml"))]
    write_tree(root, render_package(specs))
    sys.path.insert(0, str(root))
    try:
        import scp_demoserver.v1_1 as module

        yield module
    finally:
        sys.path.remove(str(root))
        for name in [n for n in sys.modules if n == "scp_demoserver" or n.startswith("scp_demoserver.")]:
            del sys.modules[name]


def _client(demo: ModuleType, sent: list[httpx.Request], **kwargs: Any) -> Any:
    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"id": "x", "name": "n", "state": "RUNNING"})

    return demo.Client(base_url="https://api.example.test", transport=httpx.MockTransport(answer), **kwargs)


@pytest.mark.parametrize("value", ["..", ".", ""])
def test_dot_segments_are_refused_before_anything_is_sent(demo: ModuleType, value: str) -> None:
    sent: list[httpx.Request] = []
    with _client(demo, sent) as client, pytest.raises(ValueError, match="not a valid path argument"):
        client.show_servers_details(value)
    assert sent == []


@pytest.mark.parametrize(
    ("value", "path"),
    [
        ("../x", "/v1/servers/..%2Fx"),
        ("a/b", "/v1/servers/a%2Fb"),
        ("...", "/v1/servers/..."),
        ("a b?c#d", "/v1/servers/a%20b%3Fc%23d"),
        ("%2e%2e", "/v1/servers/%252e%252e"),
    ],
)
def test_other_values_are_encoded_into_one_segment(demo: ModuleType, value: str, path: str) -> None:
    sent: list[httpx.Request] = []
    with _client(demo, sent) as client:
        client.show_servers_details(value)
    assert [r.url.raw_path.decode("ascii") for r in sent] == [path]
