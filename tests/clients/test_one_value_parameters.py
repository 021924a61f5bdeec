"""A required parameter whose ``enum`` holds one value is that value: always sent, never an argument (``ir``).

AWS's JSON-protocol documents (every ``amazonaws.com`` document of APIs-guru that posts to ``/#X-Amz-Target=...``,
round 14: CodeCommit, Comprehend Medical, Direct Connect, Security Hub) give each operation the required header
``X-Amz-Target`` with an enum of that operation's one value: every method took ``x_amz_target:
Literal["CodeCommit_20150413.DeleteFile"]``, a keyword each call had to repeat with the only value it accepts. It
is sent as a ``const`` is (``Always sends ...`` in the docstring). An open enum (``x-ms-enum`` ``modelAsString``)
and an optional parameter stay arguments. Fixture: ``robust/zz-one-value-enum-parameters.yaml``.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest
import yaml

from scraper.atomic import write_tree
from scraper.clients.package import render_package
from tests.clients.package_import import imported, run_package_tests
from tests.paths import FIXTURES

SPEC = FIXTURES / "openapi" / "robust" / "zz-one-value-enum-parameters.yaml"


def _doc() -> dict[str, Any]:
    loaded = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, ModuleType]]:
    root = tmp_path_factory.mktemp("one-value") / "one-value"
    write_tree(root, render_package([_doc()], package_name="one-value"))
    with imported(root, "one_value.v2015_04_13") as module:
        yield root, module


def test_the_one_value_header_is_no_argument_and_is_sent(built: tuple[Any, ModuleType]) -> None:
    _, api = built
    parameters = inspect.signature(api.Client.delete_file).parameters
    assert "x_amz_target" not in parameters
    assert {"flavour", "mode", "body"} <= set(parameters)
    assert "Always sends ``X-Amz-Target=CodeCommit_20150413.DeleteFile`` (header)" in (
        api.Client.delete_file.__doc__ or ""
    )
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"commitId": "c"})

    with api.Client(transport=httpx.MockTransport(handler)) as client:
        body = api.models.DeleteFileInput(repositoryName="r", filePath="f")
        assert client.delete_file(body=body, flavour="other").commitId == "c"
    [request] = seen
    assert request.headers["X-Amz-Target"] == "CodeCommit_20150413.DeleteFile"
    assert request.url.params["flavour"] == "other" and "mode" not in request.url.params


def test_the_package_tests_pass(built: tuple[Any, ModuleType]) -> None:
    root, _ = built
    done = run_package_tests(root)
    assert done.returncode == 0, done.stdout[-3000:]
