"""Several documented operations on one method + path (``x-operations``) and fixed query parameters.

The contract (ARCHITECTURE.md, "Spec conventions", ``x-operations``): one client method per member, named from the
member's operationId; member fields override the group's, parameters are the group's plus the member's; the group
itself gets no method.
A required ``const`` parameter (also what a fixed query string in a documented path becomes) is always sent and is
never an argument.
"""

from __future__ import annotations

import copy
import inspect
import json
import subprocess
import sys
from collections.abc import Iterator
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
from tests.clients.package_import import imported
from tests.paths import ROOT

SPEC = ROOT / "tests" / "fixtures" / "openapi" / "xoperations" / "1.0.yaml"
PACKAGE = "nhn_computeactions"


def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("xops") / "nhn-computeactions"
    write_tree(root, render_package([spec()], source_names=["xoperations/1.0.yaml"]))
    return root


@pytest.fixture(scope="module")
def api(built: Path) -> Iterator[ModuleType]:
    with imported(built, f"{PACKAGE}.v2") as module:
        yield module


def _capture(api: ModuleType) -> tuple[Any, list[httpx.Request]]:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if request.method == "POST":
            return httpx.Response(202)
        return httpx.Response(200, json={"vpcs": [], "networks": []})

    return api.Client(base_url="https://compute.test", transport=httpx.MockTransport(handler)), sent


def test_one_method_per_member_and_none_for_the_group() -> None:
    version = ir.build_package([spec()]).versions[0]
    names = {op.method_name: op for op in version.operations}
    assert sorted(names) == [
        "copy_object",
        "list_external_networks",
        "list_external_vpcs",
        "list_vpcs",
        "start_server",
        "stop_server",
    ]
    assert "server_action" not in names and "vpcs" not in names
    assert names["start_server"].body is not None and names["start_server"].body.model == "StartServerRequest"
    assert names["stop_server"].body is not None and names["stop_server"].body.model == "StopServerRequest"
    assert names["stop_server"].deprecated and not names["start_server"].deprecated
    assert names["start_server"].description == "Boots a stopped server."
    assert names["stop_server"].description == ""  # the group's text is not a member's
    # the shared path parameter is the group's; the fixed query parameter is the member's only
    assert [p.wire_name for p in names["stop_server"].path_params] == ["serverId"]
    assert [p.wire_name for p in names["list_external_vpcs"].params if p.fixed] == ["router:external"]
    assert not any(p.fixed for p in names["list_vpcs"].params)


def test_fixed_parameters_are_never_arguments(api: ModuleType) -> None:
    for name in ("list_external_vpcs", "list_external_networks"):
        parameters = inspect.signature(getattr(api.Client, name)).parameters
        assert not any("router" in p or "external" in p for p in parameters), (name, list(parameters))


def test_members_send_their_own_request(api: ModuleType) -> None:
    client, sent = _capture(api)
    with client:
        client.list_vpcs(fields="id")
        client.list_external_vpcs()
        client.list_external_networks()
        client.start_server("srv/1", body=api.models.StartServerRequest.model_validate({"os-start": None}))
        with pytest.warns(DeprecationWarning, match="2027-01-01"):
            client.stop_server("srv-2", body=api.models.StopServerRequest.model_validate({"os-stop": None}))
    assert [(r.method, r.url.path, sorted(r.url.params.multi_items())) for r in sent[:3]] == [
        ("GET", "/v2.0/vpcs", [("fields", "id")]),
        ("GET", "/v2.0/vpcs", [("router:external", "true")]),
        ("GET", "/v2.0/networks", [("router:external", "true")]),
    ]
    assert sent[3].url.raw_path == b"/v2/servers/srv%2F1/action"
    assert json.loads(sent[3].content) == {"os-start": None}
    assert json.loads(sent[4].content) == {"os-stop": None}


def test_methods_openapi_lacks_get_their_own_method(api: ModuleType) -> None:
    client, sent = _capture(api)
    with client:
        client.copy_object("c", "o", destination="c2/o2")
    assert (sent[0].method, sent[0].url.path, sent[0].headers["Destination"]) == ("COPY", "/v1/c/o", "c2/o2")


def test_member_parameter_overrides_the_groups() -> None:
    doc = spec()
    group = doc["paths"]["/v2.0/vpcs"]["get"]
    override = {"name": "fields", "in": "query", "required": True, "schema": {"type": "integer"}}
    group["x-operations"][1]["parameters"].append(override)
    ops = {op.method_name: op for op in ir.build_package([doc]).versions[0].operations}
    member = next(p for p in ops["list_external_vpcs"].params if p.wire_name == "fields")
    other = next(p for p in ops["list_vpcs"].params if p.wire_name == "fields")
    assert (member.required, member.annotation) == (True, "int")
    assert (other.required, other.annotation) == (False, "str")


def test_deprecated_member_does_not_point_to_its_sibling() -> None:
    ops = {op.method_name: op for op in ir.build_package([spec()]).versions[0].operations}
    assert ops["stop_server"].newest_version is None
    assert "no newer version has it" in ops["stop_server"].deprecation_message


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ([], "x-operations must be a non-empty list"),
        ("startServer", "x-operations must be a non-empty list"),
        ([{"description": "no id"}], "x-operations[0] must be an operation with an operationId"),
        # found by fuzzing the extensions: each was an AttributeError traceback
        ([{"operationId": "a", "responses": True}], "post/x-operations/0/responses must be a mapping, got bool"),
        ([{"operationId": "a", "responses": {"200": "x"}}], "x-operations/0/responses/200 must be a mapping, got str"),
        ([{"operationId": "a", "parameters": {"a": 1}}], "post/x-operations/0/parameters must be a list, got dict"),
        ([{"operationId": "a", "requestBody": [1]}], "post/x-operations/0/requestBody must be a mapping, got list"),
    ],
)
def test_malformed_x_operations_is_a_located_error(members: Any, message: str) -> None:
    doc = copy.deepcopy(spec())
    doc["paths"]["/v2/servers/{serverId}/action"]["post"]["x-operations"] = members
    with pytest.raises(GenerationError) as info:
        ir.build_package([doc], source_names=["actions.yaml"])
    assert message in str(info.value)
    assert "actions.yaml: /paths/~1v2~1servers~1{serverId}~1action/post" in str(info.value)


def test_generated_contract_tests_cover_every_member_and_pass(built: Path) -> None:
    cases = json.loads(next((built / "tests").glob("*.json")).read_text(encoding="utf-8"))
    by_name = {c["name"]: c for c in cases["requests"]}
    assert sorted(by_name) == [
        "copy_object",
        "list_external_networks",
        "list_external_vpcs",
        "list_vpcs",
        "start_server",
        "stop_server",
    ]
    assert ["router:external", "true"] in by_name["list_external_vpcs"]["expect"]["query"]
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(built / "tests")],
        capture_output=True,
        text=True,
        cwd=built,
        env={"PYTHONPATH": str(built), "PATH": str(Path(sys.executable).parent)},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "15 passed" in result.stdout  # 6 requests, sync and async, and 3 responses


def test_a_member_without_a_body_has_no_body_keyword() -> None:
    # Object Storage's Copy an Object beside three uploads: it took the group's union of the members' bodies as an
    # optional body of its own (``body: bytes | IO[bytes] | None``), which the documented operation does not send
    document = spec()
    action = document["paths"]["/v2/servers/{serverId}/action"]["post"]
    action["x-operations"].append({"operationId": "serverStatus", "summary": "Server status"})
    names = {op.method_name: op for op in ir.build_package([document]).versions[0].operations}
    assert names["server_status"].body is None
    assert names["start_server"].body is not None and names["start_server"].body.model == "StartServerRequest"
