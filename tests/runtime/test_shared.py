"""The runtime as one shared distribution: two generated packages share its exception classes, generated code uses
only its public API, and that API stays compatible across the runtime versions the packages accept."""

from __future__ import annotations

import ast
import copy
import importlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import docs2client_runtime
import httpx
import pytest
import yaml

from scraper.atomic import write_tree
from scraper.clients.command import load_findings
from scraper.clients.package import render_package
from tests.clients.package_import import imported
from tests.paths import FIXTURES as ALL_FIXTURES
from tests.runtime import runtime_api

FIXTURES = ALL_FIXTURES / "openapi"
RUNTIME = "docs2client_runtime"


def _specs(*paths: Path) -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in paths]


def _packages() -> dict[str, dict[str, bytes]]:
    """Generated packages of different providers and auth kinds (SCP signing, none, a header key)."""
    demo = FIXTURES / "scp" / "demoserver"
    return {
        "scp_demoserver": render_package(_specs(*sorted(demo.glob("*.yaml"))), findings=load_findings(demo)),
        "swagger_petstore_test": render_package(_specs(FIXTURES / "petstore-3.0.yaml")),
        "scp_pagingdemo": render_package(_specs(FIXTURES / "paging" / "1.0.yaml")),
        # listings paged by token, cursor and next link: runtime 1.5's names, so that package requires 1.5
        "next_pages_listings": render_package(_specs(FIXTURES / "paging_next" / "listings.yaml")),
    }


@pytest.fixture(scope="module")
def packages() -> dict[str, dict[str, bytes]]:
    return _packages()


# -- one exception hierarchy ---------------------------------------------------------------------------------------


def _not_found(request: httpx.Request) -> httpx.Response:
    return httpx.Response(404, json={"message": f"no such thing: {request.url.path}"})


@pytest.fixture
def two_packages(packages: dict[str, dict[str, bytes]], tmp_path: Path) -> Iterator[tuple[Any, Any]]:
    for name in ("scp_demoserver", "swagger_petstore_test"):
        write_tree(tmp_path / name, packages[name])
    with (
        imported(tmp_path / "scp_demoserver", "scp_demoserver") as scp,
        imported(tmp_path / "swagger_petstore_test", "swagger_petstore_test") as petstore,
    ):
        yield scp, petstore


def test_two_packages_raise_and_catch_the_same_error_classes(two_packages: tuple[Any, Any]) -> None:
    scp, petstore = two_packages
    assert scp.NotFoundError is petstore.NotFoundError is docs2client_runtime.NotFoundError
    assert scp.ApiError is petstore.ApiError is docs2client_runtime.ApiError
    mock = httpx.MockTransport(_not_found)
    auth = scp.ScpAuth("access", "secret", "account")
    scp_client = scp.Client(base_url="https://scp.example", auth=auth, transport=mock)
    pet_client = petstore.Client(base_url="https://pets.example", transport=mock)
    # what an app using both does: one except clause, written against either package (or the runtime)
    with pytest.raises(petstore.NotFoundError) as from_scp:
        scp_client.show_server("srv-1")
    with pytest.raises(scp.NotFoundError) as from_petstore:
        pet_client.get_pet_by_id(42)
    for caught in (from_scp.value, from_petstore.value):
        assert isinstance(caught, docs2client_runtime.ClientError) and caught.status_code == 404
    assert from_scp.value.url == "https://scp.example/v1/servers/srv-1"
    assert from_petstore.value.url.endswith("/pet/42")
    try:
        pet_client.get_pet_by_id(7)
    except scp.ApiError as error:  # the base class of another package catches it too
        assert type(error) is docs2client_runtime.NotFoundError
    else:  # pragma: no cover - the mock always answers 404
        pytest.fail("no error raised")


# -- generated code uses the public API only -------------------------------------------------------------------------


def _runtime_names(source: str, path: str) -> set[str]:
    """Every ``docs2client_runtime`` name a generated module uses, qualified (``docs2client_runtime.ApiError``,
    ``docs2client_runtime.calls.format_path``): imports, attributes of an imported runtime module, and the lazy
    ``("docs2client_runtime", "Name")`` table of a package ``__init__``."""
    tree = ast.parse(source, filename=path)
    aliases: dict[str, str] = {}  # local name -> runtime module it stands for
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == RUNTIME:
                    aliases[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and str(node.module).split(".")[0] == RUNTIME:
            for alias in node.names:
                qualified = f"{node.module}.{alias.name}"
                if isinstance(getattr(importlib.import_module(str(node.module)), alias.name, None), type(ast)):
                    aliases[alias.asname or alias.name] = qualified  # a submodule: its attributes are the names
                else:
                    used.add(qualified)
        elif isinstance(node, ast.Tuple) and len(node.elts) == 2:
            first, second = node.elts
            if isinstance(first, ast.Constant) and first.value == RUNTIME and isinstance(second, ast.Constant):
                used.add(f"{RUNTIME}.{second.value}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases:
            used.add(f"{aliases[node.value.id]}.{node.attr}")
    return used


def _used_names(packages: Mapping[str, Mapping[str, bytes]]) -> set[str]:
    return {
        name
        for files in packages.values()
        for path, data in files.items()
        if path.endswith(".py")
        for name in _runtime_names(data.decode("utf-8"), path)
    }


def test_name_collection_sees_every_kind_of_use() -> None:
    """The collector itself: module aliases, submodule aliases, plain imports and the lazy table all count."""
    source = (
        "import docs2client_runtime as _rt\nfrom docs2client_runtime import calls as _support\n"
        "from docs2client_runtime import NotFoundError\n_rt.RetryPolicy\n_support.format_path\n"
        "_LAZY = {'X': ('docs2client_runtime', 'ScpAuth')}\n"
    )
    assert _runtime_names(source, "x.py") == {
        "docs2client_runtime.RetryPolicy",
        "docs2client_runtime.calls.format_path",
        "docs2client_runtime.NotFoundError",
        "docs2client_runtime.ScpAuth",
    }


def test_generated_code_uses_only_the_public_api_of_the_lowest_accepted_version(
    packages: dict[str, dict[str, bytes]],
) -> None:
    used = _used_names(packages)
    assert {"docs2client_runtime.SyncTransport", "docs2client_runtime.calls.parse_model"} <= used  # collected
    assert not [name for name in used if name.rpartition(".")[2].startswith("_")], "private runtime names used"
    current = runtime_api.recorder().public_api()["names"]
    assert sorted(used - set(current)) == [], "generated code uses names outside the runtime's public API"
    lowest = runtime_api.recorded()[runtime_api.accepted_versions()[0]]["names"]
    common = _used_names({k: v for k, v in packages.items() if k != "next_pages_listings"})
    assert sorted(common - set(lowest)) == [], "generated code uses names the lowest accepted runtime lacks"
    # each package against the lowest version its own pyproject.toml accepts (a higher floor only where it needs one)
    floors = {}
    for name, files in packages.items():
        requirement = runtime_api.package_requirement(files["pyproject.toml"])
        floors[name] = floor = runtime_api.lowest_accepted(requirement)
        missing = _used_names({name: files}) - set(runtime_api.recorded()[floor]["names"])
        assert sorted(missing) == [], f"{name} uses names runtime {floor} (its floor, {requirement}) lacks"
    assert floors["next_pages_listings"] == "1.5.0" and floors["scp_pagingdemo"] == runtime_api.accepted_versions()[0]
    assert "docs2client_runtime.iterate_token" in _used_names({"n": packages["next_pages_listings"]}) - set(lowest)


# -- compatibility of the accepted range -----------------------------------------------------------------------------


def test_current_runtime_is_accepted_and_its_api_recorded() -> None:
    version = runtime_api.runtime_version()
    assert docs2client_runtime.__version__ == version
    assert runtime_api.accepted_requirement().specifier.contains(version), "generated packages reject this runtime"
    record = runtime_api.recorded().get(version)
    assert record is not None, f"runtime {version} has no runtime/api record; run python runtime/api/record.py"
    assert record == runtime_api.recorder().public_api(), "the public API changed: python runtime/api/record.py"


@pytest.mark.parametrize("version", runtime_api.accepted_versions())
def test_current_runtime_provides_every_recorded_name_of_each_accepted_version(version: str) -> None:
    recorder = runtime_api.recorder()
    assert recorder.incompatibilities(runtime_api.recorded()[version], recorder.public_api()) == []


def test_incompatibilities_are_found() -> None:
    """The compatibility check can fail: removed names and parameters, a lost default, a required new parameter."""
    recorder = runtime_api.recorder()
    current = recorder.public_api()
    older = copy.deepcopy(current)
    older["names"]["docs2client_runtime.Vanished"] = {"kind": "function", "parameters": []}
    older["names"]["docs2client_runtime.iterate_offset"]["parameters"].append("page_size KEYWORD_ONLY=")
    retry = older["names"]["docs2client_runtime.RetryPolicy"]
    retry["members"]["give_up"] = {"kind": "method", "parameters": ["self POSITIONAL_OR_KEYWORD"]}
    newer = copy.deepcopy(current)
    newer["names"]["docs2client_runtime.warn_deprecated"]["parameters"].append("reason KEYWORD_ONLY")
    params = newer["names"]["docs2client_runtime.drop_none"]["parameters"]
    assert params == ["mapping POSITIONAL_OR_KEYWORD"]
    older["names"]["docs2client_runtime.drop_none"]["parameters"] = ["mapping POSITIONAL_OR_KEYWORD="]
    assert sorted(recorder.incompatibilities(older, newer)) == [
        "docs2client_runtime.RetryPolicy.give_up: removed",
        "docs2client_runtime.Vanished: removed",
        "docs2client_runtime.drop_none: parameter 'mapping' lost its default",
        "docs2client_runtime.iterate_offset: parameter 'page_size' removed",
        "docs2client_runtime.warn_deprecated: new parameter 'reason' has no default",
    ]
