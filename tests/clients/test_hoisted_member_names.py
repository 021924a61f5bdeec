"""A hoisted body class never takes the name datamodel-code-generator gives a component's union member.

Intercom's API (intercom/Intercom-OpenAPI ``descriptions/2.16/api.intercom.io.yaml`` at ``8889625``) has the
component ``create_contact_request``: properties and an ``anyOf`` of three members that only say which property is
required; datamodel-code-generator makes those ``CreateContactRequest1`` .. ``3`` (the properties merged in). The
operation ``CreateContact`` takes ``{oneOf: [$ref: create_contact_request]}``, hoisted as ``CreateContactRequest``,
taken by the component, so numbered ``CreateContactRequest2``: the member requiring ``external_id``. The method's
``body`` was that member, and the documented example ``{email: ...}`` failed its contract test (2 of 615). A number
a component's inline union members take is no longer given to a hoisted class.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from scraper.cli import main
from tests.clients.package_import import run_package_tests

SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Contacts", "version": "1"},
    "servers": [{"url": "https://contacts.test"}],
    "paths": {
        "/contacts": {
            "post": {
                "operationId": "CreateContact",
                "requestBody": {
                    "content": {
                        "application/json": {
                            "schema": {"oneOf": [{"$ref": "#/components/schemas/create_contact_request"}]},
                            "example": {"email": "a@b.test"},
                        }
                    }
                },
                "responses": {"204": {"description": "created"}},
            }
        }
    },
    "components": {
        "schemas": {
            "create_contact_request": {
                "type": "object",
                "properties": {"email": {"type": "string"}, "external_id": {"type": "string"}},
                "anyOf": [{"required": ["email"]}, {"required": ["external_id"]}],
            }
        }
    },
}


def test_a_hoisted_body_skips_the_numbers_of_a_components_union_members(tmp_path: Path) -> None:
    spec, out = tmp_path / "contacts.yaml", tmp_path / "out"
    spec.write_text(yaml.safe_dump(SPEC), encoding="utf-8")
    assert main(["generate", "--spec", str(spec), "--out", str(out)]) == 0
    client = next(out.glob("*/v1/client.py")).read_text(encoding="utf-8")
    models = next(out.glob("*/v1/models.py")).read_text(encoding="utf-8")
    body = client.split("body: _models.", 1)[1].split(" ", 1)[0]
    assert f"class {body}(RootModel[CreateContactRequest]):" in models, (body, models)
    result = run_package_tests(out)
    assert result.returncode == 0, result.stdout[-2000:]
