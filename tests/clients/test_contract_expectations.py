"""A documented example that contradicts its schema makes a contract test an expected failure only where the
client checks the value.

A JSON body goes through its pydantic model, which rejects the example (strict xfail: the test fails once the docs
are fixed). A form or multipart body is a mapping sent as given: nothing rejects the example, so an xfail there
would XPASS, and strict xfail made the package's own tests fail (NHN AI Fashion v2.0 "Indexing Request", a
multipart example without the required ``format``, found by generating the 305-guide sweep).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scraper.atomic import write_tree
from scraper.clients.package import render_package
from tests.clients.package_import import contract_cases, run_package_tests

_SCHEMA = {
    "type": "object",
    "required": ["format", "productId"],
    "properties": {"format": {"type": "string"}, "productId": {"type": "string"}},
}
_EXAMPLE = {"productId": "10001"}


def _operation(operation_id: str, media_type: str) -> dict[str, Any]:
    return {
        "operationId": operation_id,
        "requestBody": {
            "required": True,
            "content": {media_type: {"schema": _SCHEMA, "example": _EXAMPLE}},
        },
        "responses": {"200": {"description": "OK"}},
    }


_SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Fashion", "version": "v2.0", "x-provider": "nhn", "x-service": "fashion"},
    "servers": [{"url": "https://fashion.example.com"}],
    "paths": {
        "/indexes": {"post": _operation("indexingRequest", "multipart/form-data")},
        "/forms": {"post": _operation("formRequest", "application/x-www-form-urlencoded")},
        "/items": {"post": _operation("createItem", "application/json")},
    },
}


def test_only_a_model_checked_body_makes_a_wrong_example_an_expected_failure(tmp_path: Path) -> None:
    root = tmp_path / "nhn-fashion"
    write_tree(root, render_package([_SPEC], source_names=["v2.0.yaml"]))
    data = contract_cases(root)
    xfail = {case["name"]: case["xfail"] for case in data["requests"]}
    assert xfail["create_item"] is not None and "'format' is a required property" in xfail["create_item"]
    assert xfail["indexing_request"] is None and xfail["form_request"] is None
    run = run_package_tests(root)
    assert run.returncode == 0, run.stdout[-2000:]
    assert "xfailed" in run.stdout and "XPASS" not in run.stdout


_INSTANCE_SCHEMA = {
    "type": "object",
    "properties": {"delete_on_termination": {"type": "boolean"}, "name": {"type": "string"}},
}
_INSTANCES = {
    "openapi": "3.1.0",
    "info": {"title": "Instance", "version": "v2", "x-provider": "nhn", "x-service": "instance"},
    "servers": [{"url": "https://instance.example.com"}],
    "paths": {
        "/servers": {
            "post": {
                "operationId": "createInstance",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": _INSTANCE_SCHEMA, "example": {"delete_on_termination": 1}}
                    },
                },
                "responses": {"200": {"description": "OK"}},
            }
        },
        "/names": {
            "post": {
                "operationId": "rename",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": _INSTANCE_SCHEMA, "example": {"name": 5}}},
                },
                "responses": {"200": {"description": "OK"}},
            }
        },
    },
}
_FINDINGS = [
    {
        "kind": "example-mismatch",
        "subject": subject,
        "version": "v2",
        "message": f"request body example at /{field}: {value} is not of type '{kind}'",
    }
    for subject, field, value, kind in [
        ("createInstance", "delete_on_termination", 1, "boolean"),
        ("rename", "name", 5, "string"),
    ]
]


def test_a_request_example_the_model_repairs_is_not_a_strict_expected_failure(tmp_path: Path) -> None:
    """NHN Compute Instance "Create Instance" documents ``"delete_on_termination": 1`` for a boolean: pydantic reads
    it as True and the request is sent, so a strict xfail XPASSed and failed the package's tests. ``5`` for a
    string is not repaired (pydantic does not turn numbers into strings): that one stays strict."""
    root = tmp_path / "nhn-instance"
    write_tree(root, render_package([_INSTANCES], findings=_FINDINGS, source_names=["v2.yaml"]))
    data = contract_cases(root)
    cases = {case["name"]: case for case in data["requests"]}
    assert cases["create_instance"]["xfail"] and cases["create_instance"]["xfail_strict"] is False
    assert cases["rename"]["xfail"] and cases["rename"].get("xfail_strict", True) is True
    run = run_package_tests(root)
    assert run.returncode == 0, run.stdout[-2000:]
