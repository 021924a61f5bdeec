"""A path parameter whose value is a resource name with slashes (``x-reservedExpansion: true``, Google's
discovery-converted mark of RFC 6570's ``{+name}``; ``allowReserved: true`` written on a path parameter).

Every path value was one percent-encoded segment, so ``parent="projects/p/locations/l"`` went out as
``projects%2Fp%2Flocations%2Fl``, which Google's servers do not decode for a multi-segment variable (HTTP/JSON
transcoding leaves ``%2F`` as is): every method of the 241 googleapis.com documents taking a resource name called
the wrong resource. Now each slash-separated part is a segment of its own, escaped as any path segment is (an
empty, ``.`` or ``..`` part is still refused: it would change the call's resource); other parameters are as before.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest
import yaml

from scraper.atomic import write_tree
from scraper.clients import ir
from scraper.clients.package import render_package
from tests.clients.package_import import imported, run_package_tests, write_package
from tests.paths import FIXTURES

SPEC = FIXTURES / "openapi" / "robust" / "zz-reserved-path-expansion.yaml"


def _doc() -> dict[str, object]:
    loaded = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("names") / "resource-names"
    write_tree(root, render_package([_doc()], package_name="resource-names"))
    with imported(root, "resource_names.v1") as module:
        yield module


def _path(api: ModuleType, method: str, *args: str) -> str:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    with api.Client(transport=httpx.MockTransport(handler)) as client:
        getattr(client, method)(*args)
    return seen[0].url.raw_path.decode("ascii")


def test_a_resource_name_keeps_its_slashes(api: ModuleType) -> None:
    assert _path(api, "things_get", "projects/p/locations/l/things/a b") == "/v1/projects/p/locations/l/things/a%20b"
    assert _path(api, "things_list", "projects/p") == "/v1/projects/p/things"


def test_other_path_parameters_are_one_segment_as_before(api: ModuleType) -> None:
    assert _path(api, "ids_get", "a/b") == "/v1/ids/a%2Fb"


@pytest.mark.parametrize("name", ["projects/../admin", "projects//x", "projects/p/", "."])
def test_a_part_that_would_change_the_resource_is_refused(api: ModuleType, name: str) -> None:
    with pytest.raises(ValueError, match="not a valid path argument"):
        _path(api, "things_get", name)


def test_no_warning_for_a_path_parameter_it_honours() -> None:
    [version] = ir.build_package([_doc()], source_names=[str(SPEC)]).versions
    assert not [w for w in version.warnings if "allowReserved" in w], version.warnings


def test_the_contract_tests_expect_the_slashes(tmp_path: Path) -> None:
    root = write_package(render_package([_doc()], package_name="resource-names"), tmp_path / "resource-names")
    run = run_package_tests(root)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    ruff = subprocess.run(
        [str(Path(sys.executable).parent / "ruff"), "check", "--no-cache", str(root)], capture_output=True, text=True
    )
    assert ruff.returncode == 0, ruff.stdout[-3000:]


def test_the_docstring_says_the_slashes_stay(api: ModuleType) -> None:
    assert "its slashes separate path segments" in " ".join((api.Client.things_get.__doc__ or "").split())
    assert "slashes" not in (api.Client.ids_get.__doc__ or "")
