"""A document with several security schemes: the client takes one credential per scheme (a keyword named after it)
and each operation's request carries exactly what its ``security`` asks for (the first alternative the client has
credentials for, every scheme of it), none where ``security: []``, and a one-line error naming the operation and the
keywords when the client has none of what an operation needs. Checked against a real server on 127.0.0.1.

The shape (an apiKey header for most operations, basic on the token endpoint, alternatives of apiKey or OAuth 2.0,
a key in the query, a session cookie) is what APIs-guru documents do: see tests/fixtures/multi_scheme/README.md.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from docs2client_runtime import BearerAuth, MissingCredentialsError

from scraper.atomic import write_tree
from scraper.clients.ir import build_package
from scraper.clients.package import render_package
from tests.clients.package_import import imported, run_package_mypy, run_package_tests
from tests.runtime.test_support import Recorded, Reply, serve

PACKAGE = "multi_scheme"


def _op(operation_id: str, **extra: Any) -> dict[str, Any]:
    return {"operationId": operation_id, "responses": {"204": {"description": "done"}}, **extra}


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Multi Scheme", "version": "1.0.0"},
    "servers": [{"url": "https://multi.test"}],
    "security": [{"api_key": []}],
    "paths": {
        "/items": {"get": _op("listItems")},
        "/token": {"post": _op("issueToken", security=[{"basicAuth": []}])},
        "/health": {"get": _op("health", security=[])},
        "/me": {"get": _op("getMe", security=[{"api_key": []}, {"oauth": ["read"]}])},
        "/export": {"get": _op("exportAll", security=[{"queryKey": [], "session": []}])},
        "/public": {"get": _op("maybePublic", security=[{}, {"oauth": []}])},
        "/legacy": {"get": _op("legacy", security=[{"mtls": []}])},
        # basic and an OAuth token (sent as a bearer token) both set Authorization: one request cannot carry both
        "/sync": {"post": _op("syncAll", security=[{"basicAuth": [], "oauth": []}, {"api_key": []}])},
    },
    "components": {
        "securitySchemes": {
            "api_key": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
            "basicAuth": {"type": "http", "scheme": "basic"},
            "oauth": {
                "type": "oauth2",
                "flows": {"clientCredentials": {"tokenUrl": "https://multi.test/token", "scopes": {"read": "r"}}},
            },
            "queryKey": {"type": "apiKey", "in": "query", "name": "key"},
            "session": {"type": "apiKey", "in": "cookie", "name": "sid"},
            "mtls": {"type": "mutualTLS"},
        }
    },
}

SECRETS = ("K-SECRET", "P-SECRET", "O-SECRET", "Q-SECRET", "S-SECRET")


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("schemes") / "multi-scheme"
    write_tree(root, render_package([SPEC], source_names=["multi/1.0.yaml"]))
    return root


@pytest.fixture(scope="module")
def api(written: Path) -> Iterator[ModuleType]:
    with imported(written, f"{PACKAGE}.v1_0_0") as module:
        yield module


def test_the_ir_gives_each_scheme_a_keyword_and_each_operation_its_alternatives() -> None:
    [version] = build_package([SPEC], source_names=["multi/1.0.yaml"]).versions
    keywords = {s.name: s.keyword for s in version.auth_schemes}
    assert keywords == {
        "api_key": "api_key",
        "basicAuth": "basic_auth",
        "oauth": "oauth",
        "queryKey": "query_key",
        "session": "session",
        "mtls": None,
    }
    assert version.default_requirements == [["api_key"]] and not version.requirements_inferred
    ops = {op.method_name: op for op in version.operations}
    assert ops["list_items"].requirements == [["api_key"]]
    assert ops["get_me"].requirements == [["api_key"], ["oauth"]]
    assert ops["export_all"].requirements == [["queryKey", "session"]]
    assert ops["maybe_public"].requirements == [[], ["oauth"]]
    assert not ops["health"].chooses_credentials and ops["legacy"].chooses_credentials
    assert version.operation_security == {
        "issue_token": [["basicAuth"]],
        "get_me": [["api_key"], ["oauth"]],
        "export_all": [["queryKey", "session"]],
        "maybe_public": [[], ["oauth"]],
        "legacy": [["mtls"]],
        "sync_all": [["basicAuth", "oauth"], ["api_key"]],
    }


def test_a_document_stating_no_requirement_sends_any_given_credential_and_requires_none() -> None:
    spec = {**SPEC, "security": None}
    spec.pop("security")
    [version] = build_package([spec], source_names=["multi/1.0.yaml"]).versions
    assert version.requirements_inferred
    assert version.default_requirements == [["api_key"], ["basicAuth"], ["oauth"], ["queryKey"], ["session"], []]


def test_the_readme_example_passes_what_most_operations_need() -> None:
    spec = {**SPEC, "paths": {f"/{n}": {"get": _op(n, security=[{"oauth": []}, {"basicAuth": []}])} for n in "abc"}}
    spec["paths"]["/d"] = {"get": _op("d", security=[{"basicAuth": []}])}
    spec.pop("security")
    assert build_package([spec], source_names=["multi/1.0.yaml"]).example_credentials == [("oauth", '"<token>"')]


def test_a_requirement_naming_an_undefined_scheme_is_a_located_warning() -> None:
    spec = {**SPEC, "paths": {"/x": {"get": _op("x", security=[{"nope": []}])}}}
    package = build_package([spec], source_names=["multi/1.0.yaml"])
    assert any("/paths/~1x/get" in w and "'nope'" in w for w in package.warnings), package.warnings


def test_keywords_never_clash_with_the_other_constructor_keywords() -> None:
    spec = {
        **SPEC,
        "security": [{"auth": []}],
        "components": {
            "securitySchemes": {
                "auth": {"type": "http", "scheme": "bearer"},
                "base-url": {"type": "apiKey", "in": "header", "name": "X-Base"},
            }
        },
    }
    [version] = build_package([spec], source_names=["multi/1.0.yaml"]).versions
    assert [s.keyword for s in version.auth_schemes] == ["auth_", "base_url_"]


def _record(_: Recorded) -> Reply:
    return Reply(204)


def _calls(api: ModuleType, url: str, **credentials: Any) -> None:
    with api.Client(base_url=url, **credentials) as client:
        client.list_items()
        client.issue_token()
        client.health()
        client.get_me()
        client.export_all()
        client.maybe_public()


ALL = {
    "api_key": "K-SECRET",
    "basic_auth": ("user", "P-SECRET"),
    "oauth": "O-SECRET",
    "query_key": "Q-SECRET",
    "session": "S-SECRET",
}


def _credentials(request: Recorded) -> dict[str, str]:
    """What of the credentials one request carried (header names lower-cased)."""
    out = {name.lower(): value for name, value in request.headers if name.lower() in ("x-api-key", "authorization")}
    if request.header("Cookie"):
        out["cookie"] = str(request.header("Cookie"))
    if request.query:
        out["query"] = request.query
    return out


def test_each_request_carries_exactly_its_operations_credentials(api: ModuleType) -> None:
    with serve(_record) as server:
        _calls(api, server.url, **ALL)
    sent = {r.path: _credentials(r) for r in server.requests}
    assert sent == {
        "/items": {"x-api-key": "K-SECRET"},
        "/token": {"authorization": "Basic dXNlcjpQLVNFQ1JFVA=="},
        "/health": {},
        "/me": {"x-api-key": "K-SECRET"},
        "/export": {"cookie": "sid=S-SECRET", "query": "key=Q-SECRET"},
        "/public": {"authorization": "Bearer O-SECRET"},
    }


def test_the_second_alternative_goes_when_the_client_has_only_that(api: ModuleType) -> None:
    with serve(_record) as server, api.Client(base_url=server.url, oauth=lambda: "O-FRESH") as client:
        client.get_me()
        client.maybe_public()
    assert [_credentials(r) for r in server.requests] == [{"authorization": "Bearer O-FRESH"}] * 2


def test_missing_credentials_are_one_line_naming_the_operation_and_keywords_and_nothing_is_sent(
    api: ModuleType,
) -> None:
    with serve(_record) as server, api.Client(base_url=server.url, api_key="K-SECRET") as client:
        with pytest.raises(MissingCredentialsError) as caught:
            client.export_all()
        client.legacy()  # mutual TLS: only the caller's own client can satisfy it, so it is not refused
    message = str(caught.value)
    assert message == (
        "export_all needs credentials for 'queryKey' (query_key=) and 'session' (session=);"
        " the client was given none of them"
    )
    assert [r.path for r in server.requests] == ["/legacy"]


def test_an_auth_argument_still_works_where_no_keyword_credential_fits(api: ModuleType) -> None:
    with serve(_record) as server, api.Client(base_url=server.url, auth=BearerAuth("OLD")) as client:
        client.list_items()
        client.health()
    assert [_credentials(r) for r in server.requests] == [{"authorization": "Bearer OLD"}, {}]


def test_the_async_client_sends_the_same(api: ModuleType) -> None:
    async def calls(url: str) -> None:
        async with api.AsyncClient(base_url=url, **ALL) as client:
            await client.issue_token()
            await client.export_all()

    with serve(_record) as server:
        asyncio.run(calls(server.url))
    assert [_credentials(r) for r in server.requests] == [
        {"authorization": "Basic dXNlcjpQLVNFQ1JFVA=="},
        {"cookie": "sid=S-SECRET", "query": "key=Q-SECRET"},
    ]


def test_secrets_appear_in_no_repr_and_no_error(api: ModuleType) -> None:
    def refuse(_: Recorded) -> Reply:
        return Reply(401, {"message": "no"})

    with serve(refuse) as server, api.Client(base_url=server.url, **ALL) as client:
        shown = repr(client) + repr(client._transport) + repr(client._transport.credentials)
        for call in (client.list_items, client.export_all, client.issue_token):
            with pytest.raises(Exception) as caught:
                call()
            shown += str(caught.value) + repr(caught.value)
    assert not [secret for secret in SECRETS if secret in shown], shown


def test_the_readme_and_docstring_say_how_to_pass_credentials(written: Path, api: ModuleType) -> None:
    readme = (written / "README.md").read_text(encoding="utf-8")
    assert '| `basicAuth` | HTTP basic (user and password) | `basic_auth=("user", "password")` |' in readme
    assert 'Client(api_key="...")' in readme
    doc = " ".join((api.Client.__doc__ or "").split())
    assert "``api_key``, ``basic_auth``, ``oauth``, ``query_key``, ``session``" in doc


def test_the_package_passes_its_contract_tests_and_mypy_strict(written: Path, tmp_path: Path) -> None:
    result = run_package_tests(written)
    assert result.returncode == 0, result.stdout[-3000:]
    mypy = run_package_mypy(written, str(written / PACKAGE), cache=tmp_path / ".mypy-cache")
    assert mypy.returncode == 0, mypy.stdout[-3000:] + mypy.stderr


def test_an_http_client_with_its_own_auth_stands_in(api: ModuleType) -> None:
    with serve(_record) as server:
        own = httpx.Client(auth=httpx.BasicAuth("u", "p"))
        with api.Client(base_url=server.url, http_client=own) as client:
            client.list_items()
        own.close()
    assert server.requests[0].header("Authorization") is not None


def test_an_alternative_whose_schemes_set_one_header_is_a_located_warning() -> None:
    """``security: [{basicAuth: [], oauth: []}]``: both set ``Authorization``; the generated client silently sent
    the token only. The generator says so at the requirement's JSON pointer, once per place it is written."""
    package = build_package([SPEC], source_names=["multi/1.0.yaml"])
    clashes = [w for w in package.warnings if "Authorization header" in w]
    assert clashes == [
        "multi/1.0.yaml: /paths/~1sync/post/security/0: 'basicAuth' and 'oauth' both set the Authorization header,"
        " which one request carries once: the client never sends this alternative from its keywords (a call with"
        " credentials for no other alternative raises MissingCredentialsError; auth= sends it as the caller"
        " decides)"
    ]
    document = {**SPEC, "security": [{"api_key": [], "key_again": []}]}
    document["components"] = {
        "securitySchemes": {**SPEC["components"]["securitySchemes"], "key_again": {**API_KEY_AGAIN}}
    }
    warnings = build_package([document], source_names=["multi/1.0.yaml"]).warnings
    assert any(w.startswith("multi/1.0.yaml: /security/0: 'api_key'") and "X-API-Key header" in w for w in warnings)
    assert not any("/security/0: 'basicAuth'" in w for w in build_package([{**SPEC, "paths": {}}]).warnings)


API_KEY_AGAIN = {"type": "apiKey", "in": "header", "name": "x-api-key"}


def test_a_clashing_alternative_is_never_sent_half(api: ModuleType) -> None:
    clashing = r"^sync_all needs 'basicAuth' \(basic_auth=\) and 'oauth'"
    with (
        serve(_record) as server,
        api.Client(base_url=server.url, basic_auth=("u", "P-SECRET"), oauth="O") as client,
        pytest.raises(MissingCredentialsError, match=clashing),
    ):
        client.sync_all()
    assert server.requests == []
    with serve(_record) as server, api.Client(base_url=server.url, **ALL) as client:
        client.sync_all()  # the next alternative the client has goes instead
    assert [_credentials(r) for r in server.requests] == [{"x-api-key": "K-SECRET"}]


def test_a_credential_replaces_a_default_header_of_its_name_and_the_rule_is_documented(api: ModuleType) -> None:
    """``headers={"Authorization": ...}`` beside ``oauth=`` (or ``auth=``, or an API key keyword beside a default
    header of its name): one header goes, the explicit credential's, in both clients; the docstring says so."""
    defaults = {"authorization": "Bearer H-SECRET", "X-Api-Key": "H-KEY"}
    with serve(_record) as server:
        with api.Client(base_url=server.url, headers=defaults, oauth="O-SECRET", api_key="K-SECRET") as client:
            client.maybe_public()
            client.list_items()
        with api.Client(base_url=server.url, headers=defaults, auth=BearerAuth("A-SECRET")) as client:
            client.list_items()

    def by_name(request: Recorded, name: str) -> list[str]:
        return [value for key, value in request.headers if key.lower() == name]

    public, items, health = server.requests
    assert by_name(public, "authorization") == ["Bearer O-SECRET"]
    assert by_name(items, "x-api-key") == ["K-SECRET"]
    assert by_name(health, "authorization") == ["Bearer A-SECRET"]

    sent: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204)

    async def calls() -> None:
        async with api.AsyncClient(
            base_url="https://multi.test", headers=defaults, oauth="O-SECRET", transport=httpx.MockTransport(handler)
        ) as client:
            await client.maybe_public()

    asyncio.run(calls())
    assert sent[0].headers.get_list("Authorization") == ["Bearer O-SECRET"]
    doc = " ".join((api.Client.__doc__ or "").split())
    assert "replaces a header of the same name in ``headers``" in doc


def test_a_default_authorization_header_stands_for_the_schemes_that_set_it(api: ModuleType) -> None:
    """A bearer token or basic pair given only as a default ``Authorization`` header (as an API key in a default
    header already was) satisfies the operations that need one: the call went nowhere, MissingCredentialsError."""
    defaults = {"Authorization": "Bearer H-SECRET"}
    with serve(_record) as server, api.Client(base_url=server.url, headers=defaults) as client:
        client.issue_token()  # basic
        client.maybe_public()  # oauth, sent as a bearer token
        with pytest.raises(MissingCredentialsError) as caught:
            client.list_items()  # an X-API-Key: no default header carries it
    assert [_credentials(r) for r in server.requests] == [{"authorization": "Bearer H-SECRET"}] * 2
    assert "H-SECRET" not in str(caught.value)
