"""A query or cookie parameter that is the credential of an apiKey scheme the operation always sends is no argument.

APIs-guru's ``spinbot.net/1.0/swagger.yaml`` (snapshot ``6cc2f82``) declares ``securityDefinitions.key`` (apiKey,
``in: query``, ``name: key``), requires it for the whole document, and also lists ``key`` as a required query
parameter of ``GET /api/acc``: the method took a required ``key=`` that never went out (the client's credential
replaces a query parameter of its name; without one the call is refused before sending), and its contract test,
expecting the argument's value in the query, failed (2 of 8). Now such a parameter is left out of the method, with a
warning; one the operation does not always send as a credential (optional security, no security, another scheme) is
kept, and its contract test no longer expects its value in the query when a credential of its name may replace
it (the sent query already left the credential's keys out; the expected one now does too). The document below is
written for the test in that shape.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scraper.clients import ir
from scraper.clients.package import render_package
from tests.clients.package_import import contract_cases, run_package_tests, write_package


def _op(operation_id: str, *params: dict[str, Any], security: Any = None) -> dict[str, Any]:
    op: dict[str, Any] = {
        "operationId": operation_id,
        "parameters": list(params),
        "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}},
    }
    if security is not None:
        op["security"] = security
    return op


KEY = {"name": "key", "in": "query", "required": True, "schema": {"type": "string"}}
SESSION = {"name": "session", "in": "cookie", "required": True, "schema": {"type": "string"}}
PAGE = {"name": "page", "in": "query", "schema": {"type": "integer"}}

SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Key In Query", "version": "1.0"},
    "servers": [{"url": "https://key.test"}],
    "components": {
        "securitySchemes": {
            "key": {"type": "apiKey", "in": "query", "name": "key"},
            "session": {"type": "apiKey", "in": "cookie", "name": "session"},
            "token": {"type": "http", "scheme": "bearer"},
        }
    },
    "security": [{"key": []}],
    "paths": {
        "/acc": {"get": _op("getInfo", KEY, PAGE)},
        "/cookie": {"get": _op("getCookie", SESSION, security=[{"session": [], "key": []}])},
        "/optional": {"get": _op("getOptional", KEY, security=[{"key": []}, {}])},
        "/open": {"get": _op("getOpen", KEY, security=[])},
        "/either": {"get": _op("getEither", KEY, security=[{"key": []}, {"token": []}])},
    },
}


def _params() -> tuple[dict[str, list[str]], list[str]]:
    version = ir.build_package([SPEC], source_names=["key.yaml"]).versions[0]
    return {op.method_name: [p.wire_name for p in op.params] for op in version.operations}, version.warnings


def test_a_parameter_the_credential_always_sends_is_left_out_with_a_warning_and_others_are_kept() -> None:
    params, warnings = _params()
    assert params == {
        "get_info": ["page"],
        "get_cookie": [],
        "get_optional": ["key"],  # the call may go without credentials: the argument is what sends it then
        "get_open": ["key"],  # no security: no credential replaces it
        "get_either": ["key"],  # the bearer alternative sends no key
    }
    said = [w for w in warnings if "credential of an apiKey security scheme" in w]
    assert said == [
        "/paths/~1cookie/get: the cookie parameter ``session`` is the credential of an apiKey security"
        " scheme the operation always sends (the client's credential replaces it): it is no argument of the method",
        "/paths/~1acc/get: the query parameter ``key`` is the credential of an apiKey security scheme the"
        " operation always sends (the client's credential replaces it): it is no argument of the method",
    ]


def test_the_contract_tests_then_pass(tmp_path: Path) -> None:
    root = write_package(render_package([SPEC], source_names=["key.yaml"]), tmp_path)
    [info] = [case for case in contract_cases(root)["requests"] if case["name"] == "get_info"]
    assert "key" not in info["kwargs"]
    done = run_package_tests(root)
    assert done.returncode == 0, done.stdout[-3000:]
