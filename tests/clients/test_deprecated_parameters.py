"""A parameter the API documents as deprecated (``deprecated: true``): said in the docstring, warned when passed."""

from __future__ import annotations

import asyncio
import warnings
from pathlib import Path
from typing import Any

import docs2client_runtime
import httpx
import pytest

from scraper.clients.package import render_package
from tests.clients.package_import import imported

SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Dep", "version": "1"},
    "servers": [{"url": "https://api.dep.test"}],
    "paths": {
        "/things": {
            "get": {
                "operationId": "listThings",
                "summary": "List things",
                "parameters": [
                    {"name": "old", "in": "query", "deprecated": True, "schema": {"type": "string"}},
                    {"name": "new", "in": "query", "schema": {"type": "string"}},
                ],
                "responses": {"204": {"description": "ok"}},
            }
        }
    },
}


def test_passing_a_deprecated_parameter_warns_and_leaving_it_out_does_not(tmp_path: Path) -> None:
    root = tmp_path / "dep"
    for rel, data in render_package([SPEC], package_name="dep").items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    client_source = (root / "dep" / "v1" / "client.py").read_text(encoding="utf-8")
    assert "old: query parameter (``old``, query). Deprecated: passing it warns" in client_source
    sent: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        return httpx.Response(204)

    with imported(root, "dep") as dep:
        with dep.Client(transport=httpx.MockTransport(answer)) as client:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                client.list_things(new="n")  # no warning
            with pytest.warns(docs2client_runtime.ApiDeprecationWarning, match="parameter 'old'") as caught:
                client.list_things(old="o")
            assert caught[0].filename == __file__  # attributed to the caller

        async def call() -> None:
            async with dep.AsyncClient(transport=httpx.MockTransport(answer)) as client:
                with pytest.warns(docs2client_runtime.ApiDeprecationWarning, match="AsyncClient.list_things"):
                    await client.list_things(old="o")

        asyncio.run(call())
    assert sent == [
        "https://api.dep.test/things?new=n",
        "https://api.dep.test/things?old=o",
        "https://api.dep.test/things?old=o",
    ]
