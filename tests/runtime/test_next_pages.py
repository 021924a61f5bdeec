"""Runtime 1.5: listings whose pages name the next one (``iterate_token``, ``page_token``, ``next_link``,
``next_cursor``), a URL's own query string kept, and older runtime versions found in the history without tags."""

from __future__ import annotations

import asyncio
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docs2client_runtime as rt
import httpx
import pytest
from docs2client_runtime import calls

from tests.runtime import runtime_api


def _pages(pages: dict[str | None, tuple[list[int], str | None]]) -> Any:
    asked: list[str | None] = []

    def fetch(token: str | None) -> tuple[Sequence[int], str | None]:
        asked.append(token)
        return pages[token]

    return fetch, asked


def test_iterate_token_follows_tokens_through_empty_pages_and_stops_at_none_or_empty() -> None:
    fetch, asked = _pages({None: ([1, 2], "a"), "a": ([], "b"), "b": ([3], "")})
    assert list(rt.iterate_token(fetch)) == [1, 2, 3]
    assert asked == [None, "a", "b"]


def test_iterate_token_refuses_a_repeated_token() -> None:
    fetch, _ = _pages({None: ([1], "a"), "a": ([2], "b"), "b": ([3], "a")})
    with pytest.raises(RuntimeError, match="pagination token 'a' repeated"):
        list(rt.iterate_token(fetch))


def test_aiterate_token() -> None:
    async def fetch(token: str | None) -> tuple[list[int], str | None]:
        return {None: ([1], "x"), "x": ([2], None)}[token]

    async def collect() -> list[int]:
        return [item async for item in rt.aiterate_token(fetch)]

    assert asyncio.run(collect()) == [1, 2]


def _response(body: Any, url: str = "https://api.example/v1/items?x=1") -> httpx.Response:
    return httpx.Response(200, json=body, request=httpx.Request("GET", url))


def test_page_token_reads_the_field_and_refuses_what_is_no_token() -> None:
    assert calls.page_token(_response({"meta": {"next": "t1"}}), ("meta", "next")) == "t1"
    assert calls.page_token(_response({"next": 7}), ("next",)) == "7"
    assert calls.page_token(_response({"next": ""}), ("next",)) is None
    assert calls.page_token(_response({"meta": None}), ("meta", "next")) is None
    assert (
        calls.page_token(httpx.Response(200, text="no json", request=httpx.Request("GET", "https://a")), ("n",)) is None
    )
    with pytest.raises(ValueError, match="'next' is a dict, not a token"):
        calls.page_token(_response({"next": {"a": 1}}), ("next",))


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("/v1/items?page=2&x=1", "https://api.example/v1/items?page=2&x=1"),
        ("?page=2", "https://api.example/v1/items?page=2"),
        ("https://api.example/v1/items?$skiptoken=abc", "https://api.example/v1/items?$skiptoken=abc"),
        ({"href": "/v1/items?page=3"}, "https://api.example/v1/items?page=3"),
        (None, None),
        ("", None),
    ],
)
def test_next_link_resolves_against_the_page_url(link: Any, expected: str | None) -> None:
    assert calls.next_link(_response({"links": {"next": link}}), ("links", "next")) == expected


@pytest.mark.parametrize(
    "link",
    ["https://evil.example/v1/items", "//evil.example/x", "http://api.example/v1/items", "https://api.example:8443/x"],
)
def test_next_link_to_another_origin_is_refused(link: str) -> None:
    with pytest.raises(ValueError, match=r"not following the next page's link to .*another origin") as error:
        calls.next_link(_response({"nextLink": link}), ("nextLink",))
    assert "\n" not in str(error.value)


def test_next_cursor_is_the_last_id_while_has_more() -> None:
    body = {"data": [{"id": "a"}, {"id": "b"}], "has_more": True}
    assert calls.next_cursor(_response(body), ("has_more",), "data", "id") == "b"
    assert calls.next_cursor(_response({**body, "has_more": False}), ("has_more",), "data", "id") is None
    with pytest.raises(ValueError, match="'has_more' is true but the last item has no 'id'"):
        calls.next_cursor(_response({"data": [], "has_more": True}), ("has_more",), "data", "id")


# -- a URL's own query string ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("own_client", [False, True])
def test_a_url_with_its_own_query_keeps_it(own_client: bool) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, json={})

    mock = httpx.MockTransport(handler)
    kwargs: dict[str, Any] = {"http_client": httpx.Client(transport=mock)} if own_client else {"transport": mock}
    with rt.SyncTransport(base_url="https://api.example", **kwargs) as transport:
        transport.request("GET", "https://api.example/items?page=2&api-version=1")
        transport.request("GET", "/items?page=3", params={"size": 5})
        transport.request("GET", "/items?page=4#frag", params={})
    assert seen == [
        "https://api.example/items?page=2&api-version=1",
        "https://api.example/items?page=3&size=5",
        "https://api.example/items?page=4",
    ]


# -- older runtime versions without tags ------------------------------------------------------------------------------


def test_released_versions_are_found_in_a_plain_clone_without_tags(tmp_path: Path) -> None:
    """CI clones without tags: each recorded older version is built from the last commit that still says it."""
    shallow = subprocess.run(
        ["git", "-C", str(runtime_api.ROOT), "rev-parse", "--is-shallow-repository"], capture_output=True
    )
    if shallow.stdout.strip() == b"true":
        pytest.skip("this checkout is shallow: it holds no older release to find")
    clone = tmp_path / "clone"
    done = subprocess.run(["git", "clone", "-q", "--no-tags", str(runtime_api.ROOT), str(clone)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"the repository cannot be cloned here: {done.stderr.decode()[:200]}")
    assert subprocess.run(["git", "-C", str(clone), "tag"], capture_output=True).stdout == b""
    current = runtime_api.runtime_version()
    older = [v for v in runtime_api.recorded() if v != current]
    assert older, "no older runtime version is recorded"
    for version in older:
        commit = runtime_api.release_commit(version, root=clone)
        assert commit is not None, version
        shown = subprocess.run(
            ["git", "-C", str(clone), "show", f"{commit}:runtime/pyproject.toml"], capture_output=True, check=True
        )
        assert f'version = "{version}"'.encode() in shown.stdout
    assert runtime_api.release_commit("0.0.0-never", root=clone) is None
