"""Listings that page with offset/limit or page/per_page but carry no ``x-pagination`` get an ``iter_*`` method.

Scalar Galaxy's ``GET /planets`` takes ``limit`` and ``offset`` and answers ``{data: [...], meta: {total, next}}``;
a third-party document never says ``x-pagination``, so its listings got no iterator (round 9's open 2) and users
paged by hand. The iterator is now inferred from the parameters' names and the body's shape (one array, and a total
or next marker), said in its docstring. Checked against a server on 127.0.0.1 that caps its pages below the size
asked for, as servers may.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from scraper.clients import ir
from scraper.clients.package import render_package
from scraper.clients.paging_inference import inferred_pagination
from tests import paths
from tests.clients.local_json_server import QuietHandler, send_json, serving
from tests.clients.package_import import imported, run_package_mypy, write_package

SPEC = paths.FIXTURES / "openapi" / "paging_inferred" / "listings.yaml"
MOONS = [{"id": i, "name": f"m{i}"} for i in range(7)]
CAP = 2  # the server's own page size, below what the iterators ask for


def _doc() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return doc


def test_the_ir_infers_offset_and_page_listings_and_nothing_else() -> None:
    version = ir.build_package([_doc()], source_names=["listings.yaml"]).versions[0]
    paged = {op.method_name: op.pagination for op in version.operations if op.pagination is not None}
    assert sorted(paged) == ["list_craters", "list_moons"]
    moons, craters = paged["list_moons"], paged["list_craters"]
    assert (moons.style, moons.items, moons.cursor.wire_name, moons.limit.wire_name) == (
        "offset",
        "data",
        "offset",
        "limit",
    )
    assert moons.inferred == "query parameters ``offset`` and ``limit``, the body's array ``data`` and ``meta.total``"
    # each inferred listing is a warning naming its operation, as token, cursor and link pairings are
    said = [w for w in version.warnings if "paged by" in w]
    assert len(said) == 2 and any(w.startswith("/paths/~1moons/get: paged by offset, inferred from") for w in said)
    assert (craters.style, craters.items, craters.cursor.wire_name, craters.first_page) == (
        "page",
        "craters",
        "page",
        1,
    )


def test_a_documented_x_pagination_wins() -> None:
    doc = _doc()
    doc["paths"]["/moons"]["get"]["x-pagination"] = {
        "style": "offset",
        "items": "data",
        "limit": "limit",
        "offset": "offset",
    }
    version = ir.build_package([doc], source_names=["listings.yaml"]).versions[0]
    (op,) = [op for op in version.operations if op.method_name == "list_moons"]
    assert op.pagination is not None and op.pagination.inferred == ""


class _Handler(QuietHandler):
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = {k: int(v[0]) for k, v in parse_qs(url.query).items()}
        type(self).seen.append(f"{url.path}?{url.query}")
        if url.path == "/moons":
            start = query.get("offset", 0)
            items = MOONS[start : start + min(query.get("limit", 10), CAP)]
            body: Any = {"data": items, "meta": {"total": len(MOONS), "next": None}}
        else:
            size = min(query.get("per_page", 10), CAP)
            start = (query.get("page", 1) - 1) * size
            body = {"craters": MOONS[start : start + size], "total_count": len(MOONS)}
        send_json(self, body)


@pytest.fixture
def server() -> Iterator[str]:
    with serving(_Handler) as url:
        yield url


def test_the_iterators_page_through_everything_a_capping_server_holds(tmp_path: Path, server: str) -> None:
    files = render_package([_doc()], package_name="moons")
    client = files["moons/v1_0/client.py"].decode()
    assert "def iter_list_orbits" not in client and "def iter_list_pairs" not in client
    out = write_package(files, tmp_path / "out")
    _Handler.seen = []
    with imported(out, "moons.v1_0") as module:
        assert "Inferred" in (module.Client.iter_list_moons.__doc__ or "")
        assert "Page pagination" in (module.Client.iter_list_craters.__doc__ or "")
        with module.Client(base_url=server) as moons:
            assert [m.id for m in moons.iter_list_moons()] == [m["id"] for m in MOONS]
            assert [m.id for m in moons.iter_list_craters()] == [m["id"] for m in MOONS]

        async def both() -> tuple[list[int], list[int]]:
            async with module.AsyncClient(base_url=server) as client_:
                return [m.id async for m in client_.iter_list_moons(limit=3)], [
                    m.id async for m in client_.iter_list_craters()
                ]

        import asyncio

        assert asyncio.run(both()) == ([m["id"] for m in MOONS], [m["id"] for m in MOONS])
    assert _Handler.seen[:4] == [
        "/moons?limit=3&offset=0",
        "/moons?limit=3&offset=2",
        "/moons?limit=3&offset=4",
        "/moons?limit=3&offset=6",
    ]
    assert [s for s in _Handler.seen if s.startswith("/craters")][:2] == [
        "/craters?page=1&per_page=2",
        "/craters?page=2&per_page=2",
    ]
    mypy = run_package_mypy(out, "moons", cache=tmp_path / ".mypy")
    assert mypy.returncode == 0, mypy.stdout


def test_a_malformed_body_schema_is_no_listing_and_no_traceback() -> None:
    # what a document the validator let through may still hold where this reads: nothing to page, no exception
    query = [("page", True), ("per_page", True)]
    for body in ({"allOf": 5}, {"allOf": "x", "properties": 3}, {"properties": {"a": {"allOf": 7}, "b": 1}}, None):
        assert inferred_pagination("GET", query, body, {}) is None
    looped = {"A": {"allOf": [{"$ref": "#/components/schemas/A"}], "properties": {"a": {"type": "array"}}}}
    assert inferred_pagination("GET", query, {"$ref": "#/components/schemas/A"}, looped) is None


def test_a_count_of_pages_says_there_is_more() -> None:
    # OpenFEC (APIs-guru, round 17): 84 listings take ``page`` and ``per_page`` and answer
    # ``{api_version, results: [...], pagination: {count, page, pages, per_page}}``: no total or next by those
    # names, so none got an iterator; ``pages`` (and ``total_pages``, ``page_count``, ...) is the marker too
    query = [("page", True), ("per_page", True)]
    schemas = {
        "OffsetInfo": {"type": "object", "properties": {n: {"type": "integer"} for n in ("count", "page", "pages")}},
        "CandidatePage": {
            "type": "object",
            "properties": {
                "api_version": {"type": "string"},
                "pagination": {"$ref": "#/components/schemas/OffsetInfo"},
                "results": {"type": "array", "items": {"type": "object"}},
            },
        },
    }
    found = inferred_pagination("GET", query, {"$ref": "#/components/schemas/CandidatePage"}, schemas)
    assert found is not None and (found["style"], found["items"], found["page"]) == ("page", "results", "page")
    assert found["x-inferred"].endswith("``pagination.pages``")
    for name in ("total_pages", "pageCount", "last_page"):
        flat = {"type": "object", "properties": {"items": {"type": "array"}, name: {"type": "integer"}}}
        assert inferred_pagination("GET", query, flat, {}) is not None, name
    # the page number alone (echoed back) still says nothing about more pages
    echo = {"type": "object", "properties": {"items": {"type": "array"}, "page": {"type": "integer"}}}
    assert inferred_pagination("GET", query, echo, {}) is None
