"""Which schemes of one security requirement set the same place (``credential_clashes``): header names compare as
HTTP compares them (case-insensitively), query parameter and cookie names exactly; a scheme the client's keywords do
not send never clashes."""

from __future__ import annotations

from pathlib import Path

from scraper.clients.credential_clashes import clash_warnings, credential_target, refused_with_every_keyword
from scraper.clients.package import render_package
from tests.clients.package_import import contract_cases, run_package_tests, write_package


def _targets(**schemes: tuple[str, str | None]) -> dict[str, tuple[str, str]]:
    found = {name: credential_target(kind, key) for name, (kind, key) in schemes.items()}
    return {name: target for name, target in found.items() if target is not None}


def test_basic_and_bearer_clash_and_so_do_header_keys_of_one_name_in_any_case() -> None:
    targets = _targets(basic=("basic", None), bearer=("bearer", None), a=("header", "X-Key"), b=("header", "x-key"))
    warnings = clash_warnings("s: /security", [["basic", "bearer"], ["a", "b"], ["basic", "a"]], targets)
    assert [w.split(": ")[1] for w in warnings] == ["/security/0", "/security/1"]
    assert "'a' and 'b' both set the X-Key header" in warnings[1]


def test_query_and_cookie_names_compare_exactly_and_across_places_never() -> None:
    targets = _targets(q1=("query", "key"), q2=("query", "Key"), c=("cookie", "key"), h=("header", "key"))
    assert clash_warnings("s: /security", [["q1", "q2", "c", "h"]], targets) == []
    assert len(clash_warnings("s: /security", [["q1", "q1x"], ["q1", "q1"]], {**targets, "q1x": targets["q1"]})) == 2


def test_a_scheme_no_keyword_sends_has_no_target() -> None:
    assert credential_target("scp", None) is None and credential_target(None, "X") is None
    assert credential_target("header", None) is None


def test_a_call_is_refused_only_when_every_alternative_the_keywords_could_send_clashes() -> None:
    targets = _targets(basic=("basic", None), token=("header", "Authorization"), key=("header", "X-Key"))
    assert refused_with_every_keyword([["basic", "token"]], targets)
    assert refused_with_every_keyword([["basic", "token"], [], ["signed"]], targets)  # no other sendable one
    assert not refused_with_every_keyword([["basic", "token"], ["key"]], targets)
    assert not refused_with_every_keyword([["basic"], []], targets)
    assert not refused_with_every_keyword([["signed", "basic", "token"]], targets)  # auth= only: never chosen


def test_the_contract_test_of_such_an_operation_checks_the_refusal(tmp_path: Path) -> None:
    spec = {
        "openapi": "3.0.0",
        "info": {"title": "Half Sent", "version": "1.0"},
        "servers": [{"url": "https://half.test"}],
        "paths": {
            "/rotate": {
                "put": {
                    "operationId": "rotate",
                    "responses": {"200": {"description": "rotated"}},
                    "security": [{"basic": [], "token": []}],  # both set Authorization
                }
            },
            "/whoami": {"get": {"operationId": "whoami", "responses": {"204": {"description": "you"}}}},
        },
        "security": [{"token": []}],
        "components": {
            "securitySchemes": {
                "basic": {"type": "http", "scheme": "basic"},
                "token": {"type": "apiKey", "in": "header", "name": "Authorization"},
            }
        },
    }
    root = write_package(render_package([spec], package_name="half-sent"), tmp_path / "half-sent")
    [rotate] = [c for c in contract_cases(root)["requests"] if c["name"] == "rotate"]
    assert rotate.get("refused") is True
    run = run_package_tests(root)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "4 passed" in run.stdout, run.stdout[-500:]
