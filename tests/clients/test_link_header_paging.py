"""Listings paged by their ``Link`` response header get an ``iter_`` method (``next_page_inference._header_link``).

GitHub's REST description (github/rest-api-description ``descriptions/api.github.com/api.github.com.yaml``, here
as the fork jamesbratt/rest-api-description holds it at ``e523388``) documents 141 of its 156 ``GET`` listings with
``per_page``/``page`` as a bare JSON array whose 200 response has ``headers: {Link: {$ref:
'#/components/headers/link'}}`` (``<...?page=2>; rel="next", <...>; rel="last"``): none got an iterator (a bare
array carries no total or next marker), so a user paged by hand. Now a ``GET`` whose 2xx response documents a
``Link`` header and whose body is an array, or holds one, is paged by that header's ``rel="next"`` link (runtime 1.6,
``next_link_header``; the package requires it); a body naming its own next page keeps that reading, and a body with
no array gets no iterator, and one the earlier rules read as paged (``page`` and ``per_page`` beside a total) is read
as before. The document below is written for the test in GitHub's shape.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scraper.clients import ir
from scraper.clients.package import render_package
from tests.clients.package_import import contract_cases, run_package_tests, write_package

LINK = {"description": "RFC 8288 links", "schema": {"type": "string"}}
PAGE = [
    {"name": "per_page", "in": "query", "schema": {"type": "integer", "default": 30}},
    {"name": "page", "in": "query", "schema": {"type": "integer", "default": 1}},
]


def _listing(operation_id: str, schema: dict[str, Any], *, link: bool = True, method: str = "get") -> dict[str, Any]:
    ok: dict[str, Any] = {"description": "ok", "content": {"application/json": {"schema": schema}}}
    if link:
        ok["headers"] = {"Link": {"$ref": "#/components/headers/link"}}
    return {method: {"operationId": operation_id, "parameters": PAGE, "responses": {"200": ok}}}


REPOS = {"type": "array", "items": {"$ref": "#/components/schemas/repo"}}
SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Link Pages", "version": "1.0"},
    "servers": [{"url": "https://api.example"}],
    "paths": {
        "/orgs/{org}/repos": {
            **_listing("repos/list-for-org", REPOS),
            "parameters": [{"name": "org", "in": "path", "required": True, "schema": {"type": "string"}}],
        },
        "/installation/repositories": _listing(
            "apps/list-repos",
            {"type": "object", "properties": {"total_count": {"type": "integer"}, "repositories": REPOS}},
        ),
        "/links/named": _listing(
            "links/named",
            {"type": "object", "properties": {"repos": REPOS, "nextLink": {"type": "string"}}},
        ),
        "/no/header": _listing("no/header", REPOS, link=False),
        "/no/array": _listing("no/array", {"$ref": "#/components/schemas/repo"}),
        "/search": _listing("search", REPOS, method="post"),
    },
    "components": {
        "headers": {"link": LINK},
        "schemas": {
            "repo": {
                "type": "object",
                "required": ["id", "name"],
                "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
                "example": {"id": 1296269, "name": "Hello-World"},
            }
        },
    },
}


def test_a_listing_whose_response_documents_a_link_header_pages_by_it() -> None:
    version = ir.build_package([SPEC], source_names=["github.yaml"]).versions[0]
    paged = {
        op.method_name: (op.pagination.style, op.pagination.items, op.pagination.next_path, op.pagination.next_header)
        for op in version.operations
        if op.pagination is not None
    }
    assert paged == {
        "repos_list_for_org": ("link", "", (), "Link"),
        "apps_list_repos": ("page", "repositories", (), ""),  # page/per_page with a total: read as before
        "links_named": ("link", "repos", ("nextLink",), ""),  # the body names the next page: that is read
    }
    said = [w for w in version.warnings if "``Link`` header" in w]
    assert len(said) == 1 and all("paged by link, inferred from 2xx response's ``Link`` header" in w for w in said)


def test_its_iterator_follows_the_header_and_its_contract_test_walks_two_pages(tmp_path: Path) -> None:
    files = render_package([SPEC], source_names=["github.yaml"])
    root = write_package(files, tmp_path)
    assert '"docs2client-runtime>=1.6,<2"' in (root / "pyproject.toml").read_text(encoding="utf-8")
    client = next(v for k, v in files.items() if k.endswith("/client.py"))
    assert (client.decode() if isinstance(client, bytes) else client).count("_support.next_link_header(_response)") == 2
    pages = {case["name"]: case for case in contract_cases(root)["pages"]}
    assert sorted(pages) == ["iter_apps_list_repos", "iter_links_named", "iter_repos_list_for_org"]
    assert pages["iter_repos_list_for_org"]["links"] == ['<https://contract.test/contract-page-2>; rel="next"', None]
    assert pages["iter_repos_list_for_org"]["pages"][1] == [{"id": 1296269, "name": "Hello-World"}]
    done = run_package_tests(root)
    assert done.returncode == 0, done.stdout[-3000:]
