"""``capture_responses``: the HTTP responses behind a block of calls (status, headers), sync and async."""

from __future__ import annotations

import asyncio

import docs2client_runtime as rt
import httpx
import pytest


def _answer(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/missing":
        return httpx.Response(404, json={"message": "no"})
    return httpx.Response(201, headers={"Location": f"/things{request.url.path}"}, json={"ok": True})


def test_calls_inside_the_block_are_collected_in_order_and_errors_are_raised_not_collected() -> None:
    with rt.SyncTransport(base_url="https://api.example", transport=httpx.MockTransport(_answer)) as transport:
        transport.request("GET", "/before")
        with rt.capture_responses() as responses:
            transport.request("POST", "/a")
            with rt.capture_responses() as inner:
                transport.request("POST", "/b")
            transport.request("POST", "/c")
            with pytest.raises(rt.NotFoundError) as caught:
                transport.request("GET", "/missing")
        transport.request("GET", "/after")
    assert [r.headers["Location"] for r in responses] == ["/things/a", "/things/c"]
    assert [r.headers["Location"] for r in inner] == ["/things/b"]
    assert caught.value.status_code == 404


def test_tasks_started_inside_the_block_are_collected_and_concurrent_blocks_stay_apart() -> None:
    async def block(names: list[str]) -> list[str]:
        async with rt.AsyncTransport(
            base_url="https://api.example", transport=httpx.MockTransport(_answer)
        ) as transport:
            with rt.capture_responses() as responses:
                await asyncio.gather(*(transport.request("POST", f"/{n}") for n in names))
        return sorted(r.headers["Location"] for r in responses)

    async def both() -> tuple[list[str], list[str]]:
        first, second = await asyncio.gather(block(["a", "b"]), block(["c"]))
        return first, second

    assert asyncio.run(both()) == (["/things/a", "/things/b"], ["/things/c"])
