"""Pagination iterators of the generated clients (``iter_<method>`` from ``x-pagination``).

A package is rendered from ``tests/fixtures/openapi/paging/1.0.yaml`` (offset and marker listings, a deprecated
and a PLANNED one, plain-object items, a listing without ``x-pagination``), written to a temporary directory and
imported. An ``httpx.MockTransport`` serves the listings from an in-memory item list, honouring the query values
it receives, and records every request, so the tests check what the iterators send as well as what they yield.
"""

from __future__ import annotations

import asyncio
import copy
import importlib
import inspect
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
import yaml

from scraper.atomic import write_tree
from scraper.clients import ir
from scraper.clients.ir import GenerationError
from scraper.clients.package import render_package
from tests.clients.package_import import imported, run_package_mypy
from tests.paths import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "openapi"
PAGING_SPEC = FIXTURES / "paging" / "1.0.yaml"
PACKAGE = "scp_pagingdemo"


def paging_spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(PAGING_SPEC.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("paging") / "scp-pagingdemo"
    write_tree(root, render_package([paging_spec()], source_names=["paging/1.0.yaml"]))
    return root


@pytest.fixture(scope="module")
def api(built: Path) -> Iterator[ModuleType]:
    """The imported ``scp_pagingdemo.v1_0`` module (removed from ``sys.modules`` afterwards)."""
    with imported(built, f"{PACKAGE}.v1_0") as module:
        yield module


@dataclass
class Listing:
    """A fake server: ``items`` under ``key`` at ``path``, paged by offset or by marker (the item ``id``)."""

    path: str
    key: str
    items: list[dict[str, Any]]
    style: str
    requests: list[httpx.Request] = field(default_factory=list)

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path != self.path:
            return httpx.Response(404, json={"message": f"no route {request.url.path}"})
        limit = int(request.url.params["limit"])
        if self.style == "offset":
            start = int(request.url.params.get("offset", "0"))
        else:
            marker = request.url.params.get("marker")
            ids = [item.get("id") for item in self.items]
            start = 0 if marker is None else ids.index(marker) + 1
        return httpx.Response(200, json={self.key: self.items[start : start + limit], "total_count": len(self.items)})

    def query(self, name: str) -> list[str | None]:
        return [r.url.params.get(name) for r in self.requests]


def archives(n: int) -> list[dict[str, Any]]:
    return [{"id": f"a{i}", "state": "ok"} for i in range(n)]


def servers(n: int) -> list[dict[str, Any]]:
    # ids that do not sort in list order: the marker must be the last item's id, not the largest or the count
    return [{"id": f"srv-{(i * 7) % 10}{i}", "name": f"s{i}"} for i in range(n)]


def sync_client(api: ModuleType, listing: Listing) -> Any:
    return api.Client(base_url="https://paging.test", transport=httpx.MockTransport(listing.handler))


def async_client(api: ModuleType, listing: Listing) -> Any:
    return api.AsyncClient(base_url="https://paging.test", transport=httpx.MockTransport(listing.handler))


async def collect(iterator: Any) -> list[Any]:
    return [item async for item in iterator]


# ------------------------------------------------------------------------------------------------------ offset


@pytest.mark.parametrize(("count", "offsets"), [(7, ["0", "3", "6"]), (6, ["0", "3", "6"]), (2, ["0", "2"])])
def test_offset_iterator_yields_every_item_once_in_order(
    api: ModuleType, count: int, offsets: list[str | None]
) -> None:
    """7 items by 3: pages 3, 3, 1 (a page shorter than the earlier ones stops); 6 items: 3, 3, 0 (an empty page
    stops); 2 items: 2, 0 (a short first page may be a server's own cap, so one more request tells)."""
    listing = Listing("/v1/archives", "contents", archives(count), "offset")
    with sync_client(api, listing) as client:
        got = list(client.iter_list_archives(state="ok", limit=3))
    assert [a.id for a in got] == [a["id"] for a in listing.items]
    assert all(isinstance(a, api.models.Archive) for a in got)
    assert listing.query("offset") == offsets
    assert listing.query("limit") == ["3"] * len(offsets)
    assert listing.query("state") == ["ok"] * len(offsets)


def test_offset_iterator_default_page_size_is_the_documented_default(api: ModuleType) -> None:
    listing = Listing("/v1/archives", "contents", archives(45), "offset")
    with sync_client(api, listing) as client:
        assert len(list(client.iter_list_archives())) == 45
    assert listing.query("limit") == ["20", "20", "20"]  # schema default: 20
    assert listing.query("offset") == ["0", "20", "40"]
    assert listing.query("state") == [None, None, None]  # unset optional arguments are not sent


def test_offset_iterator_async(api: ModuleType) -> None:
    listing = Listing("/v1/archives", "contents", archives(8), "offset")

    async def main() -> list[Any]:
        async with async_client(api, listing) as client:
            return await collect(client.iter_list_archives(limit=3))

    got = asyncio.run(main())
    assert [a.id for a in got] == [f"a{i}" for i in range(8)]
    assert listing.query("offset") == ["0", "3", "6"]
    assert listing.query("limit") == ["3", "3", "3"]


# ------------------------------------------------------------------------------------------------------ marker


@pytest.mark.parametrize("count", [7, 6, 1])
def test_marker_iterator_sends_the_last_items_id(api: ModuleType, count: int) -> None:
    listing = Listing("/v1/zones/z 1/servers", "servers", servers(count), "marker")
    with sync_client(api, listing) as client:
        got = list(client.iter_list_servers("z 1", name="web", limit=3))
    ids = [s["id"] for s in listing.items]
    assert [s.id for s in got] == ids
    assert len(set(ids)) == count
    # first request without a marker, then after each full page the id of its last item; a short first page is
    # followed too (a server may cap its pages below the limit), a short page after full ones is the end
    expected_markers: list[str | None] = [None, *[ids[end - 1] for end in range(3, count + 1, 3)]]
    if count < 3:
        expected_markers.append(ids[-1])
    assert listing.query("marker") == expected_markers
    assert listing.query("limit") == ["3"] * len(expected_markers)
    assert listing.query("name") == ["web"] * len(expected_markers)
    assert {r.url.raw_path.split(b"?")[0] for r in listing.requests} == {b"/v1/zones/z%201/servers"}


def test_marker_iterator_default_page_size_is_100_when_undocumented(api: ModuleType) -> None:
    listing = Listing("/v1/zones/z/servers", "servers", servers(5), "marker")
    with sync_client(api, listing) as client:
        assert len(list(client.iter_list_servers("z"))) == 5
    assert listing.query("limit") == ["100", "100"]
    assert listing.query("marker") == [None, listing.items[-1]["id"]]  # the short first page, then an empty one


@pytest.mark.parametrize(
    ("bounds", "expected"),
    [({"maximum": 50}, 50), ({"maximum": 500}, 100), ({"exclusiveMaximum": 26}, 25), ({"maximum": 0}, 100)],
)
def test_default_page_size_respects_a_documented_maximum(bounds: dict[str, int], expected: int) -> None:
    """Without a documented default the page size is 100, unless the limit's schema allows less: a server may
    refuse ``limit=100`` when its documented maximum is 50."""
    spec = paging_spec()
    limit = next(p for p in spec["paths"]["/v1/zones/{zone_id}/servers"]["get"]["parameters"] if p["name"] == "limit")
    limit["schema"].update(bounds)
    client = render_package([spec])[f"{PACKAGE}/v1_0/client.py"].decode()
    start = client.index("def iter_list_servers(")
    signature = client[start : client.index('"""', start)]
    assert re.search(rf"\blimit: int = {expected}\b", signature), signature


def test_marker_iterator_async(api: ModuleType) -> None:
    listing = Listing("/v1/zones/z/servers", "servers", servers(5), "marker")

    async def main() -> list[Any]:
        async with async_client(api, listing) as client:
            return await collect(client.iter_list_servers("z", limit=2))

    got = asyncio.run(main())
    ids = [s["id"] for s in listing.items]
    assert [s.id for s in got] == ids
    assert listing.query("marker") == [None, ids[1], ids[3]]


def test_marker_iterator_of_plain_objects_and_deprecation(api: ModuleType) -> None:
    """``images`` items are ``{type: object}``: yielded as dicts; the deprecated listing's iterator warns once."""
    runtime = importlib.import_module("docs2client_runtime")
    listing = Listing("/v1/images", "images", [{"id": f"i{i}", "size": i} for i in range(5)], "marker")
    with sync_client(api, listing) as client:
        with pytest.warns(runtime.ApiDeprecationWarning) as caught:
            iterator = client.iter_list_images()  # documented default page size: 2
        got = list(iterator)
    assert got == listing.items
    assert listing.query("marker") == [None, "i1", "i3"]
    assert listing.query("limit") == ["2", "2", "2"]
    deprecations = [w for w in caught if getattr(w.message, "operation", None) == "Client.iter_list_images"]
    assert len(deprecations) == 1
    assert deprecations[0].filename == __file__  # attributed to the caller, like the method's warning


def test_async_deprecated_and_planned_iterators(api: ModuleType) -> None:
    runtime = importlib.import_module("docs2client_runtime")
    listing = Listing("/v1/images", "images", [{"id": "only"}], "marker")

    async def deprecated() -> list[Any]:
        async with async_client(api, listing) as client:
            return await collect(client.iter_list_images())

    with pytest.warns(runtime.ApiDeprecationWarning) as caught:
        assert asyncio.run(deprecated()) == [{"id": "only"}]
    assert [getattr(w.message, "operation", None) for w in caught] == ["AsyncClient.iter_list_images"]

    async def planned() -> list[Any]:
        async with async_client(api, listing) as client:
            return await collect(client.iter_list_snapshots())

    requests_before = len(listing.requests)
    with pytest.raises(runtime.PlannedVersionError, match=r"AsyncClient\.iter_list_snapshots"):
        asyncio.run(planned())
    assert len(listing.requests) == requests_before


def test_planned_iterator_raises_before_any_request(api: ModuleType) -> None:
    runtime = importlib.import_module("docs2client_runtime")
    listing = Listing("/v1/snapshots", "snapshots", archives(3), "offset")
    with sync_client(api, listing) as client, pytest.raises(runtime.PlannedVersionError, match="iter_list_snapshots"):
        client.iter_list_snapshots()
    assert listing.requests == []


def test_full_page_without_a_marker_value_is_an_error_not_a_silent_end(api: ModuleType) -> None:
    listing = Listing("/v1/images", "images", [{"id": "i0"}, {"name": "no id"}, {"id": "i2"}], "marker")
    with sync_client(api, listing) as client, pytest.warns(Warning), pytest.raises(ValueError, match="'id'"):
        list(client.iter_list_images())


# ------------------------------------------------------------------------------------------------- the surface


def test_iterator_surface(api: ModuleType) -> None:
    """iter_ methods exactly for the x-pagination listings; the cursor is not an argument, the limit is."""
    for cls in (api.Client, api.AsyncClient):
        iters = sorted(n for n in vars(cls) if n.startswith("iter_"))
        assert iters == ["iter_list_archives", "iter_list_images", "iter_list_servers", "iter_list_snapshots"]
        archives_sig = inspect.signature(cls.iter_list_archives)
        assert list(archives_sig.parameters) == ["self", "state", "limit"]
        assert archives_sig.parameters["limit"].default == 20
        servers_sig = inspect.signature(cls.iter_list_servers)
        assert list(servers_sig.parameters) == ["self", "zone_id", "name", "limit"]
        assert servers_sig.parameters["limit"].default == 100
    assert inspect.isasyncgenfunction(api.AsyncClient.iter_list_archives)
    assert inspect.isasyncgenfunction(api.AsyncClient.iter_list_snapshots)
    doc = api.Client.iter_list_servers.__doc__ or ""
    assert "Marker pagination" in doc and "``marker``" in doc and "Server" in doc
    assert "Offset pagination" in (api.Client.iter_list_archives.__doc__ or "")


def test_no_iterators_without_x_pagination_but_where_the_body_says_it_pages() -> None:
    """A third-party spec with offset/limit parameters but no x-pagination gets an iterator only where the body has
    one array and a total or next marker (``contents`` beside ``total_count``: inferred, and said so,
    ``paging_inference``); a body with no such marker gets none (no guessing from parameter names alone)."""
    spec = paging_spec()
    for item in spec["paths"].values():
        item["get"].pop("x-pagination", None)
    files = render_package([spec])
    client = files[f"{PACKAGE}/v1_0/client.py"].decode()
    assert set(re.findall(r"def (iter_\w+)", client)) == {"iter_list_archives"}
    assert client.count("Inferred: the document does not say this listing pages") == 2  # sync and async
    spec["components"]["schemas"]["ArchiveListResponse"]["properties"].pop("total_count")
    client = render_package([spec])[f"{PACKAGE}/v1_0/client.py"].decode()
    assert "def iter_" not in client
    assert "Iterator" not in client
    petstore = render_package([yaml.safe_load((FIXTURES / "petstore-3.0.yaml").read_text(encoding="utf-8"))])
    assert not any(b"def iter_" in data for path, data in petstore.items() if path.endswith("client.py"))


def test_iterator_names_avoid_existing_methods() -> None:
    spec = paging_spec()
    clash = copy.deepcopy(spec["paths"]["/v1/keys"])
    clash["get"]["summary"] = "Iter List Archives"
    clash["get"]["operationId"] = "iterListArchives"
    spec["paths"]["/v1/other"] = clash
    pkg = ir.build_package([spec])
    names = {op.method_name for op in pkg.versions[0].operations}
    assert "iter_list_archives" in names
    paged = {op.method_name: op.pagination for op in pkg.versions[0].operations if op.pagination is not None}
    assert paged["list_archives"] is not None and paged["list_archives"].iter_name == "iter_list_archives_2"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"style": "scroll"}, "x-pagination.style is 'scroll'; expected one of 'offset', 'marker', 'page', 'token'"),
        (
            {"style": "token", "token": "start"},
            "x-pagination.next is None; expected the body field naming the next page",
        ),
        ({"offset": "start"}, "x-pagination.offset is 'start'; expected the name of one of the operation's query"),
        ({"limit": None}, "x-pagination.limit is None"),
        ({"items": ""}, "x-pagination.items is missing; expected the name of the array property"),
        ({"style": "marker"}, "x-pagination.marker is None"),
    ],
)
def test_malformed_x_pagination_is_a_located_error(change: dict[str, Any], message: str) -> None:
    spec = paging_spec()
    spec["paths"]["/v1/archives"]["get"]["x-pagination"].update(change)
    with pytest.raises(GenerationError) as err:
        render_package([spec], source_names=["paging/1.0.yaml"])
    assert "paging/1.0.yaml: /paths/~1v1~1archives/get: " in str(err.value)
    assert message in str(err.value)


def test_marker_style_needs_next_marker() -> None:
    spec = paging_spec()
    del spec["paths"]["/v1/zones/{zone_id}/servers"]["get"]["x-pagination"]["next-marker"]
    with pytest.raises(GenerationError, match=r"x-pagination\.next-marker is None; expected the item field"):
        render_package([spec], source_names=["paging/1.0.yaml"])


def test_iterators_are_deterministic() -> None:
    first = render_package([paging_spec()])
    assert render_package([paging_spec()]) == first


# ------------------------------------------------------------------------------------------------------- typing


def test_mypy_strict_on_package_and_iterator_types(built: Path, tmp_path: Path) -> None:
    """One mypy --strict run over the generated package, its tests and a snippet that uses the iterators; the
    revealed item types must be the models (not ``Any``)."""
    snippet = built / "use_iterators.py"
    snippet.write_text(textwrap.dedent(f"""\
        from {PACKAGE}.v1_0 import AsyncClient, Client


        def use(client: Client) -> None:
            for archive in client.iter_list_archives(limit=5):
                reveal_type(archive)
            for server in client.iter_list_servers("z"):
                reveal_type(server)
            for image in client.iter_list_images():
                reveal_type(image)


        async def ause(client: AsyncClient) -> None:
            async for server in client.iter_list_servers("z", name="x"):
                reveal_type(server)
        """))
    tests = sorted(str(p) for p in (built / "tests").glob("test_*.py"))
    result = run_package_mypy(built, PACKAGE, *tests, str(snippet), cache=tmp_path / "mypy-cache")
    output = result.stdout + result.stderr
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    deprecated = [e for e in errors if "[deprecated]" in e and "iter_list_images" in e]
    assert len(deprecated) == 1, output  # the deprecated iterator is flagged like its method
    assert errors == deprecated, output
    revealed = [line.split("Revealed type is ", 1)[1] for line in result.stdout.splitlines() if "Revealed type" in line]
    assert revealed == [
        f'"{PACKAGE}.v1_0.models.Archive"',
        f'"{PACKAGE}.v1_0.models.ListServersResponseServersItem"',
        '"dict[str, Any]"',
        f'"{PACKAGE}.v1_0.models.ListServersResponseServersItem"',
    ], output
