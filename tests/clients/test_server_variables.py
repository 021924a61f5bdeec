"""A server URL variable the document does not define, or defines without a default, is one the caller chooses.

NHN's Contact Center guides write ``https://{domain}.oc.nhncloud.com`` and name no domain (each customer has its
own), so the spec built from them has no ``variables``; the generator refused the whole document for it
("servers[0].variables.domain.default is missing"). OpenAPI requires a default, but a client can do without one:
the caller passes the variable or ``base_url``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from scraper.atomic import write_tree
from scraper.clients import ir
from scraper.clients.package import render_package
from tests.clients.package_import import imported


def _spec(server: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Online Contact", "version": "v1", "x-provider": "nhn", "x-service": "online-contact"},
        "servers": [server],
        "paths": {
            "/{serviceId}/agents": {
                "get": {
                    "operationId": "listAgents",
                    "parameters": [{"name": "serviceId", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {}}}}},
                }
            }
        },
    }


@pytest.mark.parametrize(
    ("server", "warning"),
    [
        ({"url": "https://{domain}.oc.nhncloud.com"}, "/servers/0/variables/domain is not defined"),
        (
            {"url": "https://{domain}.oc.nhncloud.com", "variables": {"domain": {"description": "yours"}}},
            "/servers/0/variables/domain defines no default",
        ),
    ],
)
def test_an_undefined_variable_has_no_default_and_a_warning(server: dict[str, Any], warning: str) -> None:
    package = ir.build_package([_spec(server)], source_names=["v1.yaml"])
    [version] = package.versions
    assert version.server is not None
    assert version.server.variables == {"domain": []} and version.server.defaults == {}
    assert [w for w in package.warnings if warning in w] == [
        f"v1.yaml: {warning} (the URL uses {{domain}}): the client has no default for it; callers pass domain= or"
        " base_url="
    ]


def test_a_defined_default_is_still_the_default_without_a_warning() -> None:
    server = {"url": "https://{domain}.example.com", "variables": {"domain": {"default": "api", "enum": ["api", "b"]}}}
    package = ir.build_package([_spec(server)], source_names=["v1.yaml"])
    assert package.versions[0].server.variables == {"domain": ["api", "b"]}  # type: ignore[union-attr]
    assert package.versions[0].server.defaults == {"domain": "api"}  # type: ignore[union-attr]
    assert not [w for w in package.warnings if "servers/0" in w]


def test_the_client_asks_for_the_variable_and_builds_the_url_from_it(tmp_path: Path) -> None:
    root = tmp_path / "nhn-online-contact"
    write_tree(root, render_package([_spec({"url": "https://{domain}.oc.nhncloud.com"})], source_names=["v1.yaml"]))
    with imported(root, "nhn_online_contact.v1") as api:
        with pytest.raises(ValueError, match="needs a value for domain"):
            api.Client()
        sent: list[httpx.Request] = []

        def handler(request: httpx.Request) -> httpx.Response:
            sent.append(request)
            return httpx.Response(200, json={})

        with api.Client(domain="acme", transport=httpx.MockTransport(handler)) as client:
            client.list_agents("svc")
        assert str(sent[0].url) == "https://acme.oc.nhncloud.com/svc/agents"
        with pytest.raises(ValueError, match="not a valid host"):
            api.Client(domain="evil.com/x?")
