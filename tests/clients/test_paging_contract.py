"""The generated contract tests walk every ``iter_`` method over two pages (``scraper/clients/paging_cases.py``).

Before, a package's contract tests called each listing once and never its iterator: an iterator that stopped after
the first page, asked for the second with the wrong offset or token, or never stopped passed them all. Now each
listing whose example gives a page gets a paging case: a mock transport serves two pages made from the example (the
first naming the next), and the test checks the three items, the second request's cursor (or link) and that nothing
more was asked. The fixtures are the paging fixtures of the other tests (offset and marker ``x-pagination``, an
inferred page number, Google's token, Stripe's cursor, Azure's and HAL's links) and a deprecated listing written here.
A ``conftest.py`` dropped into the package's tests makes every iterator stop after its first page: the paging tests
must then fail, and only they.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from scraper.clients.package import render_package
from tests import paths
from tests.clients.package_import import contract_cases, run_package_tests, write_package

FIXTURES = {
    "x-pagination": paths.FIXTURES / "openapi" / "paging" / "1.0.yaml",
    "inferred": paths.FIXTURES / "openapi" / "paging_inferred" / "listings.yaml",
    "next-page": paths.FIXTURES / "openapi" / "paging_next" / "listings.yaml",
}

EXPECTED = {
    "x-pagination": {"iter_list_archives": ["offset", "2"], "iter_list_servers": ["marker", "contract-test"]},
    "inferred": {"iter_list_craters": ["page", "2"], "iter_list_moons": ["offset", "2"]},
    "next-page": {
        "iter_list_charges": ["starting_after", "contract-test"],
        "iter_list_conversations": ["cursor", "contract-page-2"],
        "iter_list_functions": ["Marker", "contract-page-2"],
        "iter_list_nodes": ["pageToken", "contract-page-2"],
        "iter_list_people": "https://contract.test/contract-page-2",
        "iter_list_vms": "https://contract.test/contract-page-2",
    },
}

DEPRECATED = {
    "openapi": "3.0.3",
    "info": {"title": "Old Listing", "version": "1.0"},
    "paths": {
        "/rooms": {
            "get": {
                "operationId": "listRooms",
                "deprecated": True,
                "parameters": [
                    {"name": "offset", "in": "query", "schema": {"type": "integer"}},
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 1}},
                ],
                "responses": {
                    "200": {
                        "description": "rooms",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "rooms": {
                                            "type": "array",
                                            "items": {"type": "object", "properties": {"id": {"type": "string"}}},
                                        }
                                    },
                                },
                                "example": {"rooms": [{"id": "r1"}]},
                            }
                        },
                    }
                },
                "x-pagination": {"style": "offset", "items": "rooms", "limit": "limit", "offset": "offset"},
            }
        }
    },
}

#: Every iterator of the runtime stops after its first page.
STOP_AFTER_FIRST_PAGE = """
import docs2client_runtime as _rt


def _first_page(iterate):
    def first(fetch, **kwargs):
        items = []
        for item in iterate(fetch, **kwargs):
            items.append(item)
            if len(items) == 2:
                break
        return iter(items)

    return first


def _afirst_page(iterate):
    async def first(fetch, **kwargs):
        count = 0
        async for item in iterate(fetch, **kwargs):
            yield item
            count += 1
            if count == 2:
                return

    return first


for _name in ("iterate_offset", "iterate_marker", "iterate_token"):
    setattr(_rt, _name, _first_page(getattr(_rt, _name)))
    setattr(_rt, "a" + _name, _afirst_page(getattr(_rt, "a" + _name)))
"""


def _package(doc: dict[str, Any], out: Path) -> Path:
    return write_package(render_package([doc], source_names=["listings.yaml"]), out)


def _load(name: str) -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(FIXTURES[name].read_text(encoding="utf-8"))
    return doc


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_every_listing_with_an_example_page_gets_a_paging_case_that_passes(name: str, tmp_path: Path) -> None:
    root = _package(_load(name), tmp_path)
    pages = contract_cases(root)["pages"]
    assert {case["name"]: case["expect"].get("cursor") or case["expect"]["url"] for case in pages} == EXPECTED[name]
    for case in pages:
        assert case["items"] == 3 and len(case["pages"]) == 2
    done = run_package_tests(root)
    assert done.returncode == 0, done.stdout[-3000:]


def test_an_iterator_that_stops_after_the_first_page_fails_only_the_paging_tests(tmp_path: Path) -> None:
    root = _package(_load("next-page"), tmp_path)
    (root / "tests" / "conftest.py").write_text(STOP_AFTER_FIRST_PAGE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rf", "-p", "no:cacheprovider", "tests"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stdout[-3000:]
    failed = set(re.findall(r"FAILED \S+::(test_\w+)\[(\w+)\]", done.stdout))
    assert failed == {(test, case) for test in ("test_pages", "test_pages_async") for case in EXPECTED["next-page"]}


def test_a_deprecated_listing_warns_from_its_iterator_and_a_small_default_page_size_is_raised(tmp_path: Path) -> None:
    root = _package(DEPRECATED, tmp_path)
    [case] = contract_cases(root)["pages"]
    assert case["name"] == "iter_list_rooms" and case["deprecated"]
    assert case["kwargs"] == {"limit": 3}  # the documented page size of 1 would make the first page a full one
    assert case["pages"] == [{"rooms": [{"id": "r1"}, {"id": "r1"}]}, {"rooms": [{"id": "r1"}]}]
    done = run_package_tests(root)
    assert done.returncode == 0, done.stdout[-3000:]
