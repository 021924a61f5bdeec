"""Operations documented on a server of their own (an upload host): the transport sends them there, and the
runtime's credentials go to the base URL's origin and those servers' origins only, against real local servers (two
ports on 127.0.0.1 are two origins)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.conftest import runtime_support

S = runtime_support()
rt = S.load_runtime()
Reply = S.Reply

SECRET = "s3cret-value"

#: each auth and where its credential shows in a request the server saw (None: it did not get it)
AUTHS: dict[str, tuple[Callable[[], Any], Callable[[Any], str | None]]] = {
    "bearer": (lambda: rt.BearerAuth(SECRET), lambda r: r.header("Authorization")),
    "header": (lambda: rt.HeaderAuth({"X-Secret-Key": SECRET}), lambda r: r.header("X-Secret-Key")),
    "query": (lambda: rt.QueryAuth({"api_key": SECRET}), lambda r: r.query or None),
    "scp": (lambda: rt.ScpAuth("AK", SECRET, "acc"), lambda r: r.header("Scp-Signature")),
}


@pytest.mark.parametrize("kind", sorted(AUTHS))
def test_credentials_reach_the_base_url_and_the_operation_servers_only(kind: str) -> None:
    make, credential = AUTHS[kind]
    ok = S.sequence(Reply(200, {"ok": 1}))
    with S.serve(ok) as api, S.serve(ok) as upload, S.serve(ok) as elsewhere:
        auth = make()
        with rt.SyncTransport(base_url=api.url + "/v1", servers=[upload.url + "/up"], auth=auth) as transport:
            # the operation server first: a handler bound to the first request's origin would then refuse the API
            transport.request("POST", "/files", server=upload.url + "/up")
            transport.request("GET", "/things")
            transport.request("GET", elsewhere.url + "/steal")  # an absolute URL as the path: no credentials
        [to_upload], [to_api], [stolen] = upload.requests, api.requests, elsewhere.requests
    assert (to_upload.path, to_api.path, stolen.path) == ("/up/files", "/v1/things", "/steal")
    assert credential(to_upload) is not None and credential(to_api) is not None
    assert credential(stolen) is None and SECRET not in repr(stolen)


def test_async_transport_sends_to_the_operation_server_with_credentials() -> None:
    ok = S.sequence(Reply(200, {"ok": 1}))
    with S.serve(ok) as api, S.serve(ok) as upload, S.serve(ok) as elsewhere:
        auth = rt.BearerAuth(SECRET)

        async def calls() -> None:
            async with rt.AsyncTransport(base_url=api.url, servers=[upload.url], auth=auth) as transport:
                await transport.request("PUT", "/blob", server=upload.url)
                await transport.request("GET", "/x")
                await transport.request("GET", elsewhere.url + "/steal")

        asyncio.run(calls())
        [to_upload], [to_api], [stolen] = upload.requests, api.requests, elsewhere.requests
    assert to_upload.header("Authorization") == to_api.header("Authorization") == f"Bearer {SECRET}"
    assert stolen.header("Authorization") is None


def test_a_redirect_from_an_operation_server_elsewhere_carries_no_credentials() -> None:
    with S.serve(S.sequence(Reply(200, {"ok": 1}))) as elsewhere:
        moved = S.sequence(Reply(302, None, {"Location": elsewhere.url + "/landing"}))
        with S.serve(moved) as upload, S.serve(S.sequence(Reply(200, {}))) as api:
            client = httpx.Client(follow_redirects=True)
            auth = rt.HeaderAuth({"X-Secret-Key": SECRET})
            with rt.SyncTransport(base_url=api.url, servers=[upload.url], auth=auth, http_client=client) as transport:
                transport.request("GET", "/file", server=upload.url)
            client.close()
            [first] = upload.requests
        [landed] = elsewhere.requests
    assert first.header("X-Secret-Key") == SECRET
    assert landed.path == "/landing" and landed.header("X-Secret-Key") is None


def test_a_server_the_transport_was_not_built_with_is_refused() -> None:
    transport = rt.SyncTransport(base_url="https://api.example", servers=["https://upload.example"])
    with pytest.raises(ValueError, match="not one this transport was built with"):
        transport.request("GET", "/x", server="https://evil.example")
    for bad in (["ftp://upload.example"], ["https://user:pw@upload.example"]):
        with pytest.raises(ValueError, match="server"):
            rt.SyncTransport(base_url="https://api.example", servers=bad)
    transport.close()


def test_an_auth_alone_binds_to_its_first_origin_and_a_transport_widens_it() -> None:
    auth = rt.BearerAuth("tok")
    assert "Authorization" in next(auth.auth_flow(httpx.Request("GET", "https://one.example/a"))).headers
    assert "Authorization" not in next(auth.auth_flow(httpx.Request("GET", "https://two.example/a"))).headers
    auth.allow_origins("https://two.example/base", "https://three.example:8443")
    assert "Authorization" in next(auth.auth_flow(httpx.Request("GET", "https://two.example:443/b"))).headers
    assert "Authorization" in next(auth.auth_flow(httpx.Request("GET", "https://three.example:8443/"))).headers
    assert "Authorization" not in next(auth.auth_flow(httpx.Request("GET", "https://three.example/"))).headers
    assert "Authorization" not in next(auth.auth_flow(httpx.Request("GET", "http://two.example/b"))).headers
    with pytest.raises(ValueError, match="http"):
        auth.allow_origins("/relative")


# -- where each operation goes ----------------------------------------------------------------------------------

DOCUMENTED = rt.ServerConfig(
    template="https://{service}.{region}.api.example/v1",
    variables={"service": [], "region": ["kr-west1", "kr-east1"]},
    defaults={"service": "vs", "region": "kr-west1"},
)
OPERATIONS = {
    "upload_file": rt.ServerConfig(template="https://upload.example/api/2.0"),
    "list_files": rt.ServerConfig(template="/files/v2"),
    "run_agent": rt.ServerConfig(template="https://{agent}.agents.example", variables={"agent": []}),
    "regional": rt.ServerConfig(
        template="https://{zone}.up.example", variables={"zone": ["a", "b"]}, defaults={"zone": "b"}
    ),
}


def test_documented_servers_are_matched_by_their_template() -> None:
    assert DOCUMENTED.matches("https://vs.kr-east1.api.example/v1/")
    assert DOCUMENTED.matches("https://other.kr-west1.api.example/v1")
    assert not DOCUMENTED.matches("https://vs.kr-south1.api.example/v1")  # not an allowed region
    assert not DOCUMENTED.matches("http://127.0.0.1:8080/v1")
    assert not DOCUMENTED.matches("https://vs.kr-west1.api.example/v1/extra")


def test_operations_go_to_their_servers_when_the_client_talks_to_the_documented_api() -> None:
    for chosen, base in ((False, "https://vs.kr-west1.api.example/v1"), (True, "https://vs.kr-east1.api.example/v1")):
        routes = rt.ServerRoutes.build(base, chosen=chosen, documented=DOCUMENTED, operations=OPERATIONS)
        assert routes.url("upload_file") == "https://upload.example/api/2.0"
        assert routes.url("regional") == "https://b.up.example"
        assert routes.url("list_files") == base.split("/v1")[0] + "/files/v2"  # relative: the client's host
        assert routes.url("something_else") is None
        with pytest.raises(ValueError, match=r"needs a value for agent; pass server_overrides=\{'run_agent'"):
            routes.url("run_agent")


def test_a_proxy_or_mock_base_url_takes_every_request_but_overrides_win() -> None:
    routes = rt.ServerRoutes.build(
        "http://127.0.0.1:8080/v1",
        chosen=True,
        documented=DOCUMENTED,
        operations=OPERATIONS,
        overrides={"run_agent": "https://mine.agents.example"},
    )
    assert routes.url("upload_file") is None and routes.url("regional") is None
    assert routes.url("run_agent") == "https://mine.agents.example"
    assert routes.url("list_files") == "http://127.0.0.1:8080/files/v2"
    no_documented_server = rt.ServerRoutes.build(
        "https://api.example", chosen=True, documented=None, operations=OPERATIONS
    )
    assert no_documented_server.url("upload_file") is None


def test_bad_overrides_are_refused_with_what_is_expected() -> None:
    with pytest.raises(ValueError, match=r"'nope', which has no server of its own; expected one of \['list_files'"):
        rt.ServerRoutes.build(
            "https://a.example", chosen=False, documented=None, operations=OPERATIONS, overrides={"nope": "https://x"}
        )
    with pytest.raises(ValueError, match="must be an http:// or https:// URL"):
        rt.ServerRoutes.build(
            "https://a.example",
            chosen=False,
            documented=None,
            operations=OPERATIONS,
            overrides={"upload_file": "ftp://x"},
        )


def test_signing_and_token_auths_bind_to_their_origins_used_on_their_own() -> None:
    """ScpAuth and KeystoneAuth on a plain ``httpx.Client``: the first request's origin gets the signature or the
    token, a request to another origin (where a redirect or an absolute URL would go) goes without it."""
    from docs2client_runtime import KeystoneAuth, ScpAuth

    seen: dict[str, httpx.Headers] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v2.0/tokens":
            return httpx.Response(200, json={"access": {"token": {"id": "tok-1", "expires": "2999-01-01T00:00:00Z"}}})
        seen[request.url.host] = request.headers
        return httpx.Response(200, json={})

    scp = ScpAuth("access", "secret", "account")
    with httpx.Client(auth=scp, transport=httpx.MockTransport(handler)) as client:
        client.get("https://api.one.test/v1/x")
        client.get("https://elsewhere.test/v1/x")
    assert "Scp-Signature" in seen["api.one.test"] and "Scp-AccessKey" in seen["api.one.test"]
    assert not any(name.lower().startswith("scp-") for name in seen["elsewhere.test"])

    seen.clear()
    keystone = KeystoneAuth("https://identity.test/v2.0/tokens", "tenant", "user", "password")
    with httpx.Client(auth=keystone, transport=httpx.MockTransport(handler)) as client:
        client.get("https://api.one.test/v2/servers")
        client.get("https://elsewhere.test/v2/servers")
    assert seen["api.one.test"]["X-Auth-Token"] == "tok-1"
    assert "X-Auth-Token" not in seen["elsewhere.test"]
    keystone.allow_origins("https://elsewhere.test")  # what a transport does for its documented servers
    with httpx.Client(auth=keystone, transport=httpx.MockTransport(handler)) as client:
        client.get("https://elsewhere.test/v2/servers")
        client.get("https://api.one.test/v2/servers")
    assert seen["elsewhere.test"]["X-Auth-Token"] == "tok-1" and "X-Auth-Token" not in seen["api.one.test"]
