"""A required ``api-version`` parameter without a default, sent as the document's ``info.version``
(``api_version_params``): Azure's AutoRest documents declare it on every operation; every method took a required
``api_version: str`` (round 12's 8 Azure documents: all of their methods), which the module, named after that version,
already stands for."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from types import ModuleType

import httpx
import pytest
import yaml

from scraper.atomic import write_tree
from scraper.clients import ir
from scraper.clients.api_version_params import document_version_value
from scraper.clients.package import render_package
from tests.clients.package_import import imported
from tests.paths import FIXTURES

SPEC = FIXTURES / "openapi" / "robust" / "zz-api-version-parameter.yaml"


def _doc() -> dict[str, object]:
    loaded = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    loaded["info"]["version"] = str(loaded["info"]["version"])  # YAML reads the bare date as a date
    return loaded


@pytest.mark.parametrize(
    ("param", "schema", "expected"),
    [
        ({"name": "api-version", "in": "query", "required": True}, {"type": "string"}, "2019-06-01"),
        ({"name": "API-Version", "in": "header", "required": True}, {}, "2019-06-01"),
        ({"name": "api-version", "in": "query", "required": False}, {"type": "string"}, None),
        ({"name": "api-version", "in": "path", "required": True}, {"type": "string"}, None),
        ({"name": "version", "in": "query", "required": True}, {"type": "string"}, None),
        ({"name": "api-version", "in": "query", "required": True}, {"type": "string", "default": "1"}, None),
        ({"name": "api-version", "in": "query", "required": True}, {"enum": ["2019-06-01", "2020"]}, "2019-06-01"),
        ({"name": "api-version", "in": "query", "required": True}, {"enum": ["2015-01-01"]}, None),
        ({"name": "api-version", "in": "query", "required": True}, {"pattern": "^[0-9]+$"}, None),
        ({"name": "api-version", "in": "query", "required": True}, {"pattern": "(["}, None),
        ({"name": "api-version", "in": "query", "required": True}, {"type": "integer"}, None),
    ],
)
def test_which_parameters_are_the_documents_version(
    param: dict[str, object], schema: dict[str, object], expected: str | None
) -> None:
    assert document_version_value(param, schema, "2019-06-01") == expected


def test_the_methods_send_it_without_taking_it_and_one_warning_says_so() -> None:
    [version] = ir.build_package([_doc()], source_names=[str(SPEC)]).versions
    by_name = {op.method_name: op for op in version.operations}
    for name in ("things_list", "things_put"):
        assert [(p.wire_name, p.example and p.example.value) for p in by_name[name].fixed_params] == [
            ("api-version", "2019-06-01")
        ]
        assert by_name[name].arguments == []
    # an enum of another version only: the one value it admits is sent (test_one_value_parameters), not info.version
    assert by_name["legacy_get"].arguments == []
    assert [(p.wire_name, p.example and p.example.value) for p in by_name["legacy_get"].fixed_params] == [
        ("api-version", "2015-01-01")
    ]
    assert [p.py_name for p in by_name["defaulted_get"].arguments] == ["api_version"]
    said = [w for w in version.warnings if "info.version" in w]
    assert len(said) == 1 and "/paths/~1things/get" in said[0] and "(2 operations)" in said[0], version.warnings


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("versioned") / "versioned-things"
    write_tree(root, render_package([_doc()], package_name="versioned-things"))
    with imported(root, "versioned_things.v2019_06_01") as module:
        yield module


def test_the_call_sends_the_documents_version(api: ModuleType) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=["a"])

    with api.Client(transport=httpx.MockTransport(handler)) as client:
        assert client.things_list() == ["a"]
    assert seen[0].url.params["api-version"] == "2019-06-01"
    assert "api_version" not in inspect.signature(api.Client.things_list).parameters
    assert "``api-version=2019-06-01``" in (api.Client.things_list.__doc__ or "")
