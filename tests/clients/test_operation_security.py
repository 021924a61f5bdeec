"""Per-operation security (OpenAPI 3.1 "Operation Object" ``security``, "Security Requirement Object").

An operation's ``security`` replaces the document's; ``security: []`` (or only empty requirements) removes it: the
operation takes no credentials (a public token-issuing endpoint, a health check), so the client's ``auth`` must not
be sent there. Requirement alternatives an operation states apart from the document's default are told in its
docstring and in the README.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest
from docs2client_runtime import BearerAuth

from scraper.atomic import write_tree
from scraper.clients.package import render_package
from tests.clients.package_import import imported

PACKAGE = "secured_ops"


def _op(operation_id: str, **extra: Any) -> dict[str, Any]:
    return {"operationId": operation_id, "responses": {"204": {"description": "done"}}, **extra}


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Secured Ops", "version": "1.0.0"},
    "servers": [{"url": "https://secured.test"}],
    "security": [{"bearer": []}],
    "paths": {
        "/token": {"post": _op("issueToken", security=[])},
        "/health": {"get": _op("health", security=[{}])},
        "/items": {"get": _op("listItems")},
        "/maybe": {"get": _op("maybeAuth", security=[{}, {"bearer": []}])},
        "/admin": {"post": _op("adminAction", security=[{"bearer": []}, {"key": [], "basic": []}])},
    },
    "components": {
        "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer"},
            "basic": {"type": "http", "scheme": "basic"},
            "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
        }
    },
}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, dict[str, str]]]:
    root = tmp_path_factory.mktemp("security") / "secured-ops"
    files = render_package([SPEC], source_names=["secured/1.0.yaml"])
    write_tree(root, files)
    with imported(root, f"{PACKAGE}.v1_0_0") as module:
        yield module, {str(k): v.decode() if isinstance(v, bytes) else str(v) for k, v in files.items()}


def _sent(api: ModuleType, invoke: Any, **client: Any) -> httpx.Request:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    with api.Client(auth=BearerAuth("tok"), transport=httpx.MockTransport(handler), **client) as c:
        invoke(c)
    [request] = seen
    return request


@pytest.mark.parametrize("method", ["issue_token", "health"])
def test_an_operation_without_security_sends_no_credentials(
    package: tuple[ModuleType, dict[str, str]], method: str
) -> None:
    api, _ = package
    request = _sent(api, lambda c: getattr(c, method)())
    assert "Authorization" not in request.headers


@pytest.mark.parametrize("method", ["list_items", "maybe_auth", "admin_action"])
def test_other_operations_send_the_clients_auth(package: tuple[ModuleType, dict[str, str]], method: str) -> None:
    api, _ = package
    assert _sent(api, lambda c: getattr(c, method)()).headers["Authorization"] == "Bearer tok"


def test_a_callers_own_client_gets_no_auth_on_a_public_operation(package: tuple[ModuleType, dict[str, str]]) -> None:
    api, _ = package
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    own = httpx.Client(transport=httpx.MockTransport(handler), auth=httpx.BasicAuth("u", "p"))
    with api.Client(http_client=own, base_url="https://secured.test") as c:
        c.issue_token()
        c.list_items()
    assert "Authorization" not in seen[0].headers and seen[1].headers["Authorization"].startswith("Basic ")


def test_docstrings_and_readme_name_the_schemes_where_they_differ(package: tuple[ModuleType, dict[str, str]]) -> None:
    api, files = package
    assert "Authentication: none" in (api.Client.issue_token.__doc__ or "")
    admin = " ".join((api.Client.admin_action.__doc__ or "").split())
    assert "``bearer``, or ``key`` and ``basic``" in admin
    assert "Authentication" not in (api.Client.list_items.__doc__ or "")
    readme = files["README.md"]
    assert "| `issue_token` | none |" in readme
    assert "| `admin_action` | `bearer`, or `key` and `basic` |" in readme
    assert "| `list_items` |" not in readme.split("## Operations")[0]


def test_the_async_client_sends_no_credentials_on_a_public_operation(
    package: tuple[ModuleType, dict[str, str]],
) -> None:
    api, _ = package
    seen: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    async def calls() -> None:
        async with api.AsyncClient(auth=BearerAuth("tok"), transport=httpx.MockTransport(handler)) as c:
            await c.issue_token()
            await c.list_items()

    asyncio.run(calls())
    assert "Authorization" not in seen[0].headers and seen[1].headers["Authorization"] == "Bearer tok"
