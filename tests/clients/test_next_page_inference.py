"""Listings whose pages name the next one (token, Stripe cursor, next link) get an ``iter_*`` method.

Real APIs mostly page by what each page returns: Google's ``nextPageToken`` sent back as ``pageToken``, AWS's
``NextMarker`` as ``Marker``, Slack's ``response_metadata.next_cursor`` as ``cursor``, Stripe's ``has_more`` with
``starting_after`` = the last item's id, Azure's ``x-ms-pageable`` ``nextLink`` and HAL/JSON:API ``links.next``. The
fixture ``paging_next/listings.yaml`` (synthetic, each path in the shape of the API it names) holds one listing of each
and three that must get no iterator (two pairing token parameters, two arrays of objects, a cursor with nothing to
pair). The generated iterators page three pages from a server on 127.0.0.1; a next link to another origin is refused
before anything is sent there, and a link's own query string is kept.
"""

from __future__ import annotations

import asyncio
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import yaml

from scraper.clients import ir
from scraper.clients.next_page_inference import inferred_next_paging
from scraper.clients.package import render_package
from tests import paths
from tests.clients.local_json_server import QuietHandler, send_json, serving
from tests.clients.package_import import imported, run_package_mypy, write_package

SPEC = paths.FIXTURES / "openapi" / "paging_next" / "listings.yaml"
ITEMS = [{"id": f"i{n}", "name": f"item {n}"} for n in range(7)]
PAGES = [ITEMS[0:3], ITEMS[3:6], ITEMS[6:7]]  # three pages


def _doc() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return doc


def _version(doc: dict[str, Any]) -> ir.VersionIR:
    return ir.build_package([doc], source_names=["listings.yaml"]).versions[0]


# -- the pairing rules -----------------------------------------------------------------------------------------------


def test_each_style_is_read_and_the_ambiguous_listings_get_no_iterator() -> None:
    version = _version(_doc())
    paged = {
        op.method_name: (op.pagination.style, op.pagination.cursor and op.pagination.cursor.wire_name)
        for op in version.operations
        if op.pagination is not None
    }
    assert paged == {
        "list_nodes": ("token", "pageToken"),
        "list_functions": ("token", "Marker"),
        "list_conversations": ("token", "cursor"),
        "list_charges": ("cursor", "starting_after"),
        "list_vms": ("link", None),
        "list_people": ("link", None),
    }
    by_name = {op.method_name: op.pagination for op in version.operations if op.pagination is not None}
    assert by_name["list_nodes"].items == "nodes"  # not Google's ``unreachable`` strings
    assert by_name["list_conversations"].next_path == ("response_metadata", "next_cursor")
    assert by_name["list_people"].next_path == ("links", "next")
    assert by_name["list_vms"].next_path == ("nextLink",) and by_name["list_vms"].items == "value"
    warnings = "\n".join(version.warnings)
    assert "/paths/~1both/get: no iterator: several token parameters (``pageToken``, ``cursor``)" in warnings
    assert "/paths/~1pairs/get: no iterator: looks paged, but which of the body's arrays (left, right)" in warnings
    assert "/paths/~1nodes/get: paged by token, inferred from query parameter ``pageToken``" in warnings
    assert "/paths/~1vms/get: paged by link, as its x-ms-pageable (nextLink) declares" in warnings
    assert "~1echo" not in warnings  # a cursor with nothing to pair is no doubt: nothing says it pages


def _query(*names: str) -> list[tuple[str, str]]:
    return [(name, "string") for name in names]


def _body(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties}


ARRAY = {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}}}
TEXT = {"type": "string"}


@pytest.mark.parametrize(
    ("query", "body", "expected"),
    [
        # AWS: NextToken both ways (the name says next)
        (_query("NextToken"), _body(Items=ARRAY, NextToken=TEXT), ("token", ["NextToken"])),
        # an S3-style top-level echo of the marker sent is no next marker
        (_query("marker"), _body(items=ARRAY, marker=TEXT), None),
        # ... but NextMarker is, and wins over the echo
        (_query("marker"), _body(items=ARRAY, marker=TEXT, NextMarker=TEXT), ("token", ["NextMarker"])),
        # Meta's Graph API: paging.cursors.after, two objects down
        (
            _query("after"),
            _body(data=ARRAY, paging=_body(cursors=_body(before=TEXT, after=TEXT), next=TEXT)),
            ("token", ["paging", "cursors", "after"]),
        ),
        # an integer pageToken parameter is no token (a page number): nothing here
        ([("pageToken", "integer")], _body(items=ARRAY, nextPageToken=TEXT), None),
        # a token field of an object type is no token
        (_query("pageToken"), _body(items=ARRAY, nextPageToken=_body(a=TEXT)), None),
        # OData
        ([], _body(value=ARRAY, **{"@odata.nextLink": TEXT}), ("link", ["@odata.nextLink"])),
        # a top-level ``next`` without a URL format may be a page number or a token: no link
        ([], _body(items=ARRAY, next=TEXT), None),
        ([], _body(items=ARRAY, next={"type": "string", "format": "uri"}), ("link", ["next"])),
        # HAL: _links.next.href
        ([], _body(items=ARRAY, _links=_body(next=_body(href=TEXT))), ("link", ["_links", "next"])),
        # Train Travel (readme.com's example API): links composed with allOf and no type
        ([], _body(data=ARRAY, links={"allOf": [_body(self=TEXT), _body(next=TEXT)]}), ("link", ["links", "next"])),
        # two links: ambiguous
        ([], _body(items=ARRAY, nextLink=TEXT, links=_body(next=TEXT)), None),
        # Stripe without ids on its items: no cursor to send
        (
            _query("starting_after"),
            _body(data={"type": "array", "items": _body(name=TEXT)}, has_more={"type": "boolean"}),
            None,
        ),
        (_query("starting_after"), _body(data=ARRAY, has_more={"type": "boolean"}), ("cursor", ["has_more"])),
        # has_more as a string is no flag
        (_query("starting_after"), _body(data=ARRAY, has_more=TEXT), None),
        # Pachca (round 17): a ``cursor`` parameter and the next page's cursor as ``meta.paginate.next_page``
        (
            _query("cursor"),
            _body(data=ARRAY, meta=_body(paginate=_body(next_page=TEXT, has_next={"type": "boolean"}))),
            ("token", ["meta", "paginate", "next_page"]),
        ),
        # ... but where every page must carry it (``required``, as Pachca's does), the listing ends by ``has_next``,
        # which a token iterator does not read: no iterator (its contract cases failed, 32 of 237)
        (
            _query("cursor"),
            _body(
                data=ARRAY,
                meta=_body(paginate={**_body(next_page=TEXT, has_next={"type": "boolean"}), "required": ["next_page"]}),
            ),
            None,
        ),
        (  # required without such a flag: nothing says where it ends (Pachca's search listings)
            _query("cursor"),
            _body(data=ARRAY, meta=_body(paginate={**_body(next_page=TEXT), "required": ["next_page"]})),
            None,
        ),
        (  # required but nullable: the last page's null ends it
            _query("cursor"),
            _body(
                data=ARRAY,
                meta=_body(paginate={**_body(next_page={"type": ["string", "null"]}), "required": ["next_page"]}),
            ),
            ("token", ["meta", "paginate", "next_page"]),
        ),
        # ... but a ``next_page`` holding a URL (its format, or an example that is one) is a link, no cursor to send
        (_query("cursor"), _body(data=ARRAY, next_page={"type": "string", "format": "uri"}), None),
        (_query("cursor"), _body(data=ARRAY, next_page={"type": "string", "example": "https://x.test/p?c=2"}), None),
    ],
)
def test_pairing_rules(
    query: list[tuple[str, str]], body: dict[str, Any], expected: tuple[str, list[str]] | None
) -> None:
    found = inferred_next_paging("GET", {}, query, body, {}).pagination
    assert (None if found is None else (found["style"], found["next"])) == expected


def test_only_a_get_is_paged_and_x_ms_pageable_needs_its_items() -> None:
    body = _body(value=ARRAY, nextLink=TEXT)
    assert (
        inferred_next_paging("POST", {}, _query("pageToken"), _body(items=ARRAY, nextPageToken=TEXT), {}).pagination
        is None
    )
    posted = inferred_next_paging("POST", {"x-ms-pageable": {"nextLinkName": "nextLink"}}, [], body, {})
    assert posted.pagination is None and "only a GET's next link is followed" in posted.doubts[0]
    missing = inferred_next_paging(
        "GET", {"x-ms-pageable": {"nextLinkName": "nextLink", "itemName": "rows"}}, [], body, {}
    )
    assert missing.pagination is None and "itemName 'rows' is no array" in missing.doubts[0]
    single = inferred_next_paging("GET", {"x-ms-pageable": {"nextLinkName": None}}, [], body, {})
    assert single.pagination is None and single.doubts == []  # every item in one response
    hostile = inferred_next_paging("GET", {"x-ms-pageable": {"nextLinkName": 5}}, [], body, {})
    assert hostile.pagination is None and "nextLinkName and itemName must be names" in hostile.doubts[0]
    echo = inferred_next_paging("GET", {}, _query("marker"), _body(items=ARRAY, marker=TEXT), {})
    assert echo.pagination is None and "top-level ``marker`` may name the next page or echo" in echo.doubts[0]
    for broken in ({"allOf": 5}, {"properties": 3}, None, {"properties": {"a": {"allOf": 7}}}):
        assert inferred_next_paging("GET", {}, _query("pageToken"), broken, {}).pagination is None


def test_a_package_with_such_a_listing_needs_runtime_1_5_and_others_keep_1_4() -> None:
    files = render_package([_doc()], package_name="nextpages")
    assert b'"docs2client-runtime>=1.5,<2"' in files["pyproject.toml"]
    doc = _doc()
    doc["paths"] = {"/echo": doc["paths"]["/echo"]}
    assert b'"docs2client-runtime>=1.4,<2"' in render_package([doc], package_name="nextpages")["pyproject.toml"]


# -- the iterators against a server ----------------------------------------------------------------------------------


class _Handler(QuietHandler):
    seen: ClassVar[list[str]] = []
    #: where /vms's second page's link leads (another origin in the refusal test)
    foreign: ClassVar[str] = ""

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        type(self).seen.append(self.path)
        host = f"http://{self.headers['Host']}"
        body: Any
        if url.path == "/nodes":
            n = int(query.get("pageToken", "0"))
            body = {"nodes": PAGES[n], "unreachable": ["us-east1"], "nextPageToken": str(n + 1) if n < 2 else ""}
        elif url.path == "/functions":
            n = int(query.get("Marker", "m0")[1:])
            body = {"Functions": PAGES[n], **({"NextMarker": f"m{n + 1}"} if n < 2 else {})}
        elif url.path == "/conversations":
            n = int(query.get("cursor", "0"))
            body = {"ok": True, "channels": PAGES[n], "response_metadata": {"next_cursor": str(n + 1) if n < 2 else ""}}
        elif url.path == "/charges":
            after = query.get("starting_after")
            start = 0 if after is None else [i["id"] for i in ITEMS].index(after) + 1
            page = ITEMS[start : start + 3]
            body = {"object": "list", "data": page, "has_more": start + 3 < len(ITEMS), "url": "/charges"}
        elif url.path == "/vms":
            n = int(query.get("$skiptoken", "0"))
            # relative links carrying their own query (api-version too, as Azure's do)
            link = f"/vms?api-version=1.0&$skiptoken={n + 1}" if n < 2 else None
            if n == 1 and type(self).foreign:
                link = type(self).foreign
            body = {"value": PAGES[n], "nextLink": link}
        elif url.path == "/people":
            n = int(query.get("page", "0"))
            body = {
                "items": PAGES[n],
                "links": {"self": self.path, **({"next": f"{host}/people?page={n + 1}"} if n < 2 else {})},
            }
        else:
            body = {"items": []}
        send_json(self, body)


@pytest.fixture
def server() -> Iterator[str]:
    _Handler.seen = []
    _Handler.foreign = ""
    with serving(_Handler) as url:
        yield url


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_package(render_package([_doc()], package_name="nextpages"), tmp_path_factory.mktemp("nextpages"))


ITERATORS = ["iter_list_nodes", "iter_list_functions", "iter_list_conversations", "iter_list_charges"]
ITERATORS += ["iter_list_vms", "iter_list_people"]


def test_every_style_pages_through_three_pages(package: Path, server: str) -> None:
    ids = [i["id"] for i in ITEMS]
    with imported(package, "nextpages.v1_0") as module, module.Client(base_url=server) as client:
        for name in ITERATORS:
            assert [item.id for item in getattr(client, name)()] == ids, name
        assert not hasattr(client, "iter_list_both") and not hasattr(client, "iter_list_pairs")
        assert not hasattr(client, "iter_list_echo")

        async def collect() -> dict[str, list[str]]:
            async with module.AsyncClient(base_url=server) as aclient:
                return {name: [item.id async for item in getattr(aclient, name)()] for name in ITERATORS}

        assert asyncio.run(collect()) == dict.fromkeys(ITERATORS, ids)
    seen = [s for s in _Handler.seen if s.split("?")[0] in ("/nodes", "/charges", "/vms", "/conversations")][:12]
    assert seen == [
        "/nodes",
        "/nodes?pageToken=1",
        "/nodes?pageToken=2",
        "/conversations",
        "/conversations?cursor=1",
        "/conversations?cursor=2",
        "/charges",
        "/charges?starting_after=i2",
        "/charges?starting_after=i5",
        "/vms?api-version=1.0",
        # the link's own query string is sent as it is (no params added, none lost)
        "/vms?api-version=1.0&$skiptoken=1",
        "/vms?api-version=1.0&$skiptoken=2",
    ]


@pytest.mark.parametrize("foreign", ["https://evil.example/steal", "//evil.example/steal", "http://127.0.0.1:1/x"])
def test_a_next_link_to_another_origin_is_refused(package: Path, server: str, foreign: str) -> None:
    _Handler.foreign = foreign
    with imported(package, "nextpages.v1_0") as module, module.Client(base_url=server, auth=_Bearer()) as client:
        got: list[str] = []
        with pytest.raises(ValueError, match=r"not following the next page's link to .*another origin") as error:
            got.extend(item.id for item in client.iter_list_vms())
        assert got == [i["id"] for i in PAGES[0]]  # the page naming the foreign link raises as it is read
        assert "\n" not in str(error.value)
    assert _Handler.seen == ["/vms?api-version=1.0", "/vms?api-version=1.0&$skiptoken=1"]


class _Bearer(httpx.Auth):
    """A credential that must go to no other origin."""

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = "Bearer tok-SECRET"
        yield request


def test_the_package_type_checks(package: Path, tmp_path: Path) -> None:
    mypy = run_package_mypy(package, "nextpages", cache=tmp_path / ".mypy")
    assert mypy.returncode == 0, mypy.stdout


# -- the items' type, as the models hold them ------------------------------------------------------------------------

#: Train Travel's shape (a base class's ``data`` of plain objects redeclared as ``Station``s by a later ``allOf`` part)
#: and SecurityInsights' (a listing of a discriminated base class, which the models hold as the union of its
#: subclasses): the iterator's element type must be what the response model's field holds, or mypy refuses the package.
TYPED: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Typed items", "version": "1.0"},
    "paths": {
        "/stations": {
            "get": {
                "operationId": "getStations",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "allOf": [
                                        {"$ref": "#/components/schemas/Wrapper"},
                                        {
                                            "properties": {
                                                "data": {
                                                    "type": "array",
                                                    "items": {"$ref": "#/components/schemas/Station"},
                                                }
                                            }
                                        },
                                        {"properties": {"links": {"allOf": [{"properties": {"next": TEXT}}]}}},
                                    ]
                                }
                            }
                        },
                    }
                },
            }
        },
        "/rules": {
            "get": {
                "operationId": "listRules",
                "x-ms-pageable": {"nextLinkName": "nextLink"},
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RuleList"}}},
                    }
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Wrapper": {"type": "object", "properties": {"data": {"type": "array", "items": {"type": "object"}}}},
            "Station": {"type": "object", "properties": {"id": TEXT}},
            "RuleList": {
                "type": "object",
                "properties": {
                    "value": {"type": "array", "items": {"$ref": "#/components/schemas/Rule"}},
                    "nextLink": TEXT,
                },
            },
            "Rule": {
                "type": "object",
                "required": ["kind"],
                "properties": {"kind": TEXT, "id": TEXT},
                "discriminator": {
                    "propertyName": "kind",
                    "mapping": {"Fusion": "#/components/schemas/Fusion", "Scheduled": "#/components/schemas/Scheduled"},
                },
            },
            "Fusion": {"allOf": [{"$ref": "#/components/schemas/Rule"}, {"properties": {"fused": TEXT}}]},
            "Scheduled": {"allOf": [{"$ref": "#/components/schemas/Rule"}, {"properties": {"every": TEXT}}]},
        }
    },
}


def test_the_element_type_is_what_the_response_model_holds(tmp_path: Path) -> None:
    files = render_package([TYPED], package_name="typed")
    client = files["typed/v1_0/client.py"].decode()
    models = files["typed/v1_0/models.py"].decode()
    assert "def iter_get_stations(self) -> Iterator[_models.Station]:" in client
    assert "def iter_list_rules(self) -> Iterator[" in client
    rules = client.split("def iter_list_rules(self) -> Iterator[")[1].split("]:")[0]
    assert rules.replace("_models.", "") in models.replace("\n", " ").replace("  ", ""), rules  # the field's union
    out = write_package(files, tmp_path / "typed")
    mypy = run_package_mypy(out, "typed", cache=tmp_path / ".mypy")
    assert mypy.returncode == 0, mypy.stdout


def test_items_of_a_nullable_component_are_yielded_as_optional(tmp_path: Path) -> None:
    """DigitalOcean's kernels (round 14): a 3.0 listing whose items are a ``nullable: true`` component; the models hold
    ``list[Kernel | None]``, and an iterator declaring ``Iterator[Kernel]`` failed mypy --strict."""
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "Kernels", "version": "1.0"},
        "servers": [{"url": "https://api.kernels.test"}],
        "paths": {
            "/kernels": {
                "get": {
                    "operationId": "listKernels",
                    "parameters": [{"name": "pageToken", "in": "query", "schema": {"type": "string"}}],
                    "responses": {
                        "200": {
                            "description": "OK",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "kernels": {
                                                "type": "array",
                                                "items": {"$ref": "#/components/schemas/Kernel"},
                                            },
                                            "nextPageToken": {"type": "string"},
                                        },
                                    }
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Kernel": {"type": "object", "nullable": True, "properties": {"id": {"type": "integer"}}},
            }
        },
    }
    [operation] = _version(doc).operations
    assert operation.pagination is not None and operation.pagination.item_type == "_models.Kernel | None"
    root = write_package(render_package([doc], package_name="kernels"), tmp_path / "pkg")
    done = run_package_mypy(root, "kernels", cache=tmp_path / "cache")
    assert done.returncode == 0, done.stdout + done.stderr
