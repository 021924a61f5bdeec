"""A union member with no properties of its own, inside an ``allOf`` part, is a class, so no member is lost.

WorkOS's spec (workos/openapi-spec ``spec/open-api-spec.yaml`` at ``7fd8359``: ``CreateUserlandUserDto``) writes a
body as ``allOf: [{common fields}, {oneOf: [{type: object, not: {...password fields}}, {requires password},
{requires a hash}]}]``. datamodel-code-generator combines each member with the common part into a class and keeps
only the members that are classes, so the first (no password at all) was dropped: the documented example, the common
fields alone, matched no member and 12 of 603 contract tests failed. Such a member is now hoisted as a class of its
own (no fields, other keys allowed), so it is combined too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from scraper.cli import main
from tests.clients.package_import import run_package_tests

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Users", "version": "1"},
    "servers": [{"url": "https://users.test"}],
    "paths": {
        "/users": {
            "post": {
                "operationId": "createUser",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreateUser"}}},
                },
                "responses": {"201": {"description": "created"}},
            }
        }
    },
    "components": {
        "schemas": {
            "CreateUser": {
                "allOf": [
                    {
                        "type": "object",
                        "required": ["email"],
                        "properties": {"email": {"type": "string", "examples": ["a@b.test"]}},
                    },
                    {
                        "oneOf": [
                            {"type": "object", "not": {"required": ["password"]}},
                            {
                                "type": "object",
                                "required": ["password"],
                                "properties": {"password": {"type": "string"}},
                            },
                            {"not": {"required": ["hash"]}},  # no type: an object too, beside an object part
                        ]
                    },
                ]
            }
        }
    },
}


def test_a_member_with_no_fields_is_kept_in_the_union(tmp_path: Path) -> None:
    spec, out = tmp_path / "users.yaml", tmp_path / "out"
    spec.write_text(yaml.safe_dump(SPEC), encoding="utf-8")
    assert main(["generate", "--spec", str(spec), "--out", str(out)]) == 0
    models = next(out.glob("*/v1/models.py")).read_text(encoding="utf-8")
    assert "class CreateUserOption1(BaseModel):" in models and "class CreateUserOption3(BaseModel):" in models
    root = next(line for line in models.splitlines() if line.startswith("class CreateUser(RootModel["))
    assert root.count("CreateUser") == 4, root  # the class and its three members
    result = run_package_tests(out)
    assert result.returncode == 0, result.stdout[-2000:]
