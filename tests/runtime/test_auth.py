"""SCP request signing and NHN Keystone token auth of the runtime, against local servers on 127.0.0.1."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import logging
import threading
from typing import Any

import httpx
import pytest

from tests.conftest import runtime_support

S = runtime_support()
rt = S.load_runtime()
Reply = S.Reply

ACCESS_KEY = "AKEXAMPLE0123"
SECRET_KEY = "sk-EXAMPLE-secret/Key+42"
ACCOUNT_ID = "acc-0001"
SCP_HEADER_NAMES = ["Scp-AccessKey", "Scp-Signature", "Scp-Timestamp", "Scp-ClientType", "Scp-AccountId"]


def independent_signature(method: str, url: str, timestamp: str, client_type: str = "Openapi") -> str:
    """The documented algorithm, written out here without the runtime."""
    message = f"{method}{url}{timestamp}{ACCESS_KEY}{ACCOUNT_ID}{client_type}".encode()
    return base64.b64encode(hmac.new(SECRET_KEY.encode(), message, hashlib.sha256).digest()).decode()


class Ticking:
    """A clock that advances by ``step`` seconds on every reading."""

    def __init__(self, start: float, step: float = 0.0) -> None:
        self.now = start
        self.step = step

    def __call__(self) -> float:
        value = self.now
        self.now += self.step
        return value


# -- SCP signing ---------------------------------------------------------------------------------------------------

# Known answers computed outside Python with:
#   printf '%s' 'GEThttps://...?size=20&page=0' '1605290625682' 'AKEXAMPLE0123' 'acc-0001' 'Openapi' \
#     | openssl dgst -sha256 -hmac 'sk-EXAMPLE-secret/Key+42' -binary | base64
KNOWN_ANSWERS = [
    (
        "GET",
        "https://virtualserver.kr-west1.e.samsungsdscloud.com/v1/servers",
        {"size": 20, "page": 0},
        "https://virtualserver.kr-west1.e.samsungsdscloud.com/v1/servers?size=20&page=0",
        "P2gxQ8HiFJC0NMLQDK6Y9CyfGL2dFiCEOLG5AgTVxA8=",
    ),
    (
        "post",
        "https://virtualserver.kr-west1.e.samsungsdscloud.com/v1/servers",
        {"name": "a b", "tag": ["x", "y"]},
        "https://virtualserver.kr-west1.e.samsungsdscloud.com/v1/servers?name=a+b&tag=x&tag=y",
        "slA2npihjGHi86+MBs06bbTkxDHgpGfOQeUz8IGmeLI=",
    ),
]


@pytest.mark.parametrize(("method", "url", "params", "sent_url", "expected"), KNOWN_ANSWERS)
def test_scp_signature_matches_known_answer(
    method: str, url: str, params: dict[str, Any], sent_url: str, expected: str
) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200)

    auth = rt.ScpAuth(ACCESS_KEY, SECRET_KEY, ACCOUNT_ID, clock=lambda: 1605290625.682)
    with httpx.Client(transport=httpx.MockTransport(handler), auth=auth) as client:
        client.request(method, url, params=params)
    request = seen[0]
    assert str(request.url) == sent_url
    assert request.headers["Scp-Timestamp"] == "1605290625682"
    assert request.headers["Scp-Signature"] == expected
    assert request.headers["Scp-Signature"] == independent_signature(method.upper(), sent_url, "1605290625682")
    assert request.headers["Scp-AccessKey"] == ACCESS_KEY
    assert request.headers["Scp-AccountId"] == ACCOUNT_ID
    assert request.headers["Scp-ClientType"] == "Openapi"
    assert request.headers["Accept-Language"] == "en-US"
    assert rt.scp_signature(
        SECRET_KEY,
        method=method,
        url=sent_url,
        timestamp="1605290625682",
        access_key=ACCESS_KEY,
        account_id=ACCOUNT_ID,
    ) == (expected)


def test_signed_requests_over_the_wire_with_retries() -> None:
    clock = Ticking(1700000000.0, step=1.5)
    auth = rt.ScpAuth(ACCESS_KEY, SECRET_KEY, ACCOUNT_ID, client_type="Openapi", language="ko-KR", clock=clock)
    replies = S.sequence(Reply(503), Reply(200, {"ok": 1}))
    with S.serve(replies) as server:
        transport = rt.SyncTransport(base_url=server.url, auth=auth, sleep=lambda _: None)
        with transport:
            transport.request("GET", "/v1/servers", params={"size": 20, "page": 0, "detail": True})
        received = list(server.requests)
        base = server.url
    assert len(received) == 2
    timestamps = []
    for seen in received:
        names = [name for name, _ in seen.headers]
        for name in [*SCP_HEADER_NAMES, "Accept-Language"]:
            assert name in names, f"{name} not sent with this exact spelling: {names}"
        assert seen.query == "detail=true&page=0&size=20"  # sorted by name, as the vendor SDK signs
        full_url = f"{base}{seen.path}?{seen.query}"
        timestamp = seen.header("Scp-Timestamp")
        assert timestamp is not None and timestamp.isdigit() and len(timestamp) == 13
        assert seen.header("Scp-Signature") == independent_signature("GET", full_url, timestamp)
        assert seen.header("Accept-Language") == "ko-KR"
        timestamps.append(timestamp)
    assert timestamps == ["1700000000000", "1700000001500"]  # every attempt is signed afresh


def test_scp_secrets_never_leak_into_repr_errors_or_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    auth = rt.ScpAuth(ACCESS_KEY, SECRET_KEY, ACCOUNT_ID, clock=lambda: 1605290625.682)
    replies = S.sequence(Reply(503, {"message": "busy"}), Reply(403, {"message": "denied"}, {"x-request-id": "r1"}))
    with S.serve(replies) as server:
        transport = rt.SyncTransport(base_url=server.url, auth=auth, sleep=lambda _: None)
        with transport, pytest.raises(rt.PermissionDeniedError) as caught:
            transport.request("GET", "/v1/servers", params={"size": 1})
        signature = server.requests[0].header("Scp-Signature")
    with (
        rt.SyncTransport(base_url=S.closed_port_url(), auth=auth, sleep=lambda _: None) as down,
        pytest.raises(rt.TransportError) as refused,
    ):
        down.request("GET", "/v1/servers")
    assert signature
    rendered = [
        repr(auth),
        str(auth.__dict__.get("account_id")),
        str(caught.value),
        repr(caught.value),
        str(refused.value),
        repr(refused.value),
        repr(transport),
        caplog.text,
        str(rt.redact_headers({"Scp-Signature": signature, "scp-accesskey": ACCESS_KEY, "X-Other": "shown"})),
    ]
    for text in rendered:
        for secret in (SECRET_KEY, ACCESS_KEY, signature):
            assert secret not in text
    assert "retrying GET" in caplog.text  # the log did record the retry, just not the credentials
    assert "<redacted>" in repr(auth) and ACCOUNT_ID in repr(auth)
    assert rt.redact_headers(httpx.Headers({"X-Auth-Token": "t", "Authorization": "Bearer t", "A": "b"})) == {
        "x-auth-token": "<redacted>",
        "authorization": "<redacted>",
        "a": "b",
    }


def test_scp_auth_rejects_empty_keys() -> None:
    with pytest.raises(ValueError, match="non-empty"):
        rt.ScpAuth("", SECRET_KEY, ACCOUNT_ID)


# -- Keystone --------------------------------------------------------------------------------------------------------

TENANT = "tenant-0001"
USER = "user@example.com"
PASSWORD = "api-Password!-zz9"
EXPIRES = "2030-01-01T00:00:00Z"
EXPIRES_EPOCH = 1893456000.0


class Identity:
    """A Keystone v2 identity endpoint and a token-protected API in one handler."""

    def __init__(self, *, token_delay: float = 0.0) -> None:
        self.issued: list[str] = []
        self.valid: set[str] = set()
        self.reject_all = False
        self.identity_status = 200
        self.token_body: Any = None
        self.token_delay = token_delay
        self.lock = threading.Lock()

    def revoke(self) -> None:
        with self.lock:
            self.valid.clear()

    def __call__(self, seen: Any) -> Any:
        if seen.path == "/v2.0/tokens":
            credentials = seen.json()
            expected = {"auth": {"tenantId": TENANT, "passwordCredentials": {"username": USER, "password": PASSWORD}}}
            if credentials != expected or self.identity_status != 200:
                return Reply(self.identity_status if self.identity_status != 200 else 401, {"error": "bad"})
            if self.token_body is not None:
                return Reply(200, self.token_body)
            with self.lock:
                token = f"tok-{len(self.issued) + 1}"
                self.issued.append(token)
                self.valid.add(token)
            body = {"access": {"token": {"id": token, "expires": EXPIRES, "tenant": {"id": TENANT}}}}
            return Reply(200, body, delay=self.token_delay)
        token = seen.header("X-Auth-Token")
        with self.lock:
            ok = token in self.valid and not self.reject_all
        if ok:
            return Reply(200, {"volumes": [], "token": token})
        return Reply(401, {"unauthorized": {"code": 401}}, {"X-Openstack-Request-Id": "req-401"})


def keystone(server: Any, clock: Any = None) -> Any:
    kwargs = {"clock": clock} if clock is not None else {}
    return rt.KeystoneAuth(f"{server.url}/v2.0/tokens", TENANT, USER, PASSWORD, allow_http=True, **kwargs)


def api_hits(server: Any) -> int:
    return int(server.hits(path=f"/v2/{TENANT}/volumes"))


def test_keystone_token_is_issued_once_and_cached() -> None:
    identity = Identity()
    with S.serve(identity) as server:
        auth = keystone(server, clock=lambda: EXPIRES_EPOCH - 3600)
        with rt.SyncTransport(base_url=f"{server.url}/v2/{TENANT}", auth=auth) as transport:
            tokens = [transport.request("GET", "/volumes").json()["token"] for _ in range(3)]
        token_requests = [r for r in server.requests if r.path == "/v2.0/tokens"]
        assert len(token_requests) == 1
        assert token_requests[0].method == "POST"
        assert token_requests[0].header("X-Auth-Token") is None
        assert api_hits(server) == 3
    assert tokens == ["tok-1", "tok-1", "tok-1"]
    assert auth.tokens_issued == 1


def test_keystone_reissues_once_on_401_and_replays_the_request() -> None:
    identity = Identity()
    with S.serve(identity) as server:
        auth = keystone(server, clock=lambda: EXPIRES_EPOCH - 3600)
        with rt.SyncTransport(base_url=f"{server.url}/v2/{TENANT}", auth=auth) as transport:
            assert transport.request("GET", "/volumes").json()["token"] == "tok-1"
            identity.revoke()
            assert transport.request("GET", "/volumes").json()["token"] == "tok-2"
            assert transport.request("GET", "/volumes").json()["token"] == "tok-2"
        assert identity.issued == ["tok-1", "tok-2"]
        assert api_hits(server) == 4  # 1 + (401 + replay) + 1
        sent = [r.header("X-Auth-Token") for r in server.requests if r.path.endswith("/volumes")]
    assert sent == ["tok-1", "tok-1", "tok-2", "tok-2"]


def test_keystone_raises_when_still_401_after_reissue() -> None:
    identity = Identity()
    identity.reject_all = True
    with S.serve(identity) as server:
        auth = keystone(server, clock=lambda: EXPIRES_EPOCH - 3600)
        with (
            rt.SyncTransport(base_url=f"{server.url}/v2/{TENANT}", auth=auth) as transport,
            pytest.raises(rt.AuthenticationError) as caught,
        ):
            transport.request("GET", "/volumes")
        assert identity.issued == ["tok-1", "tok-2"]
        assert api_hits(server) == 2
    assert caught.value.status_code == 401
    assert caught.value.request_id == "req-401"
    assert caught.value.url.endswith(f"/v2/{TENANT}/volumes")


def test_keystone_expiry_follows_the_injected_clock() -> None:
    identity = Identity()
    clock = Ticking(EXPIRES_EPOCH - 3600)
    with S.serve(identity) as server:
        auth = rt.KeystoneAuth(
            f"{server.url}/v2.0/tokens", TENANT, USER, PASSWORD, clock=clock, margin=60.0, allow_http=True
        )
        with rt.SyncTransport(base_url=f"{server.url}/v2/{TENANT}", auth=auth) as transport:
            transport.request("GET", "/volumes")
            clock.now = EXPIRES_EPOCH - 61  # still inside the validity window minus the margin
            transport.request("GET", "/volumes")
            assert identity.issued == ["tok-1"]
            clock.now = EXPIRES_EPOCH - 59  # within the margin: treat as expired
            assert transport.request("GET", "/volumes").json()["token"] == "tok-2"
            clock.now = EXPIRES_EPOCH + 10
            assert transport.request("GET", "/volumes").json()["token"] == "tok-3"
        assert api_hits(server) == 4  # no request was sent with a stale token


def test_keystone_identity_failures_raise_clear_errors() -> None:
    identity = Identity()
    identity.identity_status = 401
    with S.serve(identity) as server:
        auth = keystone(server)
        with rt.SyncTransport(base_url=f"{server.url}/v2/{TENANT}", auth=auth) as transport:
            with pytest.raises(rt.AuthenticationError) as caught:
                transport.request("GET", "/volumes")
            assert caught.value.url == f"{server.url}/v2.0/tokens"
            assert api_hits(server) == 0
            identity.identity_status = 200
            identity.token_body = {"access": {"token": {"expires": EXPIRES}}}
            with pytest.raises(rt.ApiError, match=r"access\.token\.id"):
                transport.request("GET", "/volumes")
    assert PASSWORD not in str(caught.value) and PASSWORD not in repr(caught.value)


def test_keystone_concurrent_requests_share_one_token() -> None:
    identity = Identity(token_delay=0.2)
    with S.serve(identity) as server:
        auth = keystone(server)
        results: list[str] = []
        with rt.SyncTransport(base_url=f"{server.url}/v2/{TENANT}", auth=auth) as transport:

            def call() -> None:
                results.append(transport.request("GET", "/volumes").json()["token"])

            def run_concurrently() -> None:
                threads = [threading.Thread(target=call) for _ in range(6)]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join(timeout=10)

            run_concurrently()
            assert identity.issued == ["tok-1"]
            assert results == ["tok-1"] * 6
            # All six are rejected with tok-1 at about the same time: one re-issue serves them all.
            identity.revoke()
            results.clear()
            run_concurrently()
        assert identity.issued == ["tok-1", "tok-2"]
    assert results == ["tok-2"] * 6


def test_keystone_async_flow() -> None:
    identity = Identity()

    async def main(server: Any, auth: Any) -> list[str]:
        tokens = []
        async with rt.AsyncTransport(base_url=f"{server.url}/v2/{TENANT}", auth=auth) as transport:
            for _ in range(2):
                tokens.append((await transport.request("GET", "/volumes")).json()["token"])
            identity.revoke()
            tokens.append((await transport.request("GET", "/volumes")).json()["token"])
            results = await asyncio.gather(*(transport.request("GET", "/volumes") for _ in range(4)))
            tokens.extend(r.json()["token"] for r in results)
            identity.reject_all = True
            with pytest.raises(rt.AuthenticationError):
                await transport.request("GET", "/volumes")
        return tokens

    with S.serve(identity) as server:
        auth = keystone(server, clock=lambda: EXPIRES_EPOCH - 3600)
        assert asyncio.run(main(server, auth)) == ["tok-1", "tok-1", "tok-2", "tok-2", "tok-2", "tok-2", "tok-2"]
        assert identity.issued == ["tok-1", "tok-2", "tok-3"]


def test_keystone_secrets_stay_out_of_repr_and_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    identity = Identity()
    identity.reject_all = True
    with S.serve(identity) as server:
        auth = keystone(server, clock=lambda: EXPIRES_EPOCH - 3600)
        with (
            rt.SyncTransport(base_url=f"{server.url}/v2/{TENANT}", auth=auth) as transport,
            pytest.raises(rt.AuthenticationError) as caught,
        ):
            transport.request("GET", "/volumes")
    for text in (repr(auth), str(caught.value), repr(caught.value), caplog.text):
        for secret in (PASSWORD, "tok-1", "tok-2"):
            assert secret not in text
    assert TENANT in repr(auth)


def test_header_auth_sets_its_headers_only_on_the_first_origin() -> None:
    auth = rt.HeaderAuth({"X-Secret-Key": "s3cret", "X-TC-AUTHENTICATION-ID": "id"})
    assert "s3cret" not in repr(auth) and "X-Secret-Key" in repr(auth)
    with S.serve(S.sequence(Reply(200, {"ok": 1}))) as server:
        with rt.SyncTransport(base_url=server.url, auth=auth, sleep=lambda _: None) as transport:
            transport.request("GET", "/v1/things")
        [seen] = list(server.requests)
    assert seen.header("X-Secret-Key") == "s3cret" and seen.header("X-TC-AUTHENTICATION-ID") == "id"
    elsewhere = next(auth.auth_flow(httpx.Request("GET", "https://other.example/steal")))
    assert "X-Secret-Key" not in elsewhere.headers  # another origin never gets the credentials
    with pytest.raises(ValueError):
        rt.HeaderAuth({})


def test_bearer_auth_sends_the_token_to_the_first_origin_only() -> None:
    tokens = iter(["first", "second"])
    auth = rt.BearerAuth(lambda: next(tokens))  # a function: the current token on each request (refreshed elsewhere)
    assert repr(auth) == "BearerAuth(<token>)"
    with S.serve(S.sequence(Reply(200, {"ok": 1}), Reply(200, {"ok": 2}))) as server:
        with rt.SyncTransport(base_url=server.url, auth=auth, sleep=lambda _: None) as transport:
            transport.request("GET", "/v1/things")
            transport.request("GET", "/v1/things")
        seen = list(server.requests)
    assert [r.header("Authorization") for r in seen] == ["Bearer first", "Bearer second"]
    elsewhere = next(rt.BearerAuth("tok").auth_flow(httpx.Request("GET", "https://one.example/a")))
    assert elsewhere.headers["Authorization"] == "Bearer tok"
    fixed = rt.BearerAuth("tok")
    next(fixed.auth_flow(httpx.Request("GET", "https://one.example/a")))
    stolen = next(fixed.auth_flow(httpx.Request("GET", "https://other.example/steal")))
    assert "Authorization" not in stolen.headers  # another origin never gets the token
    for bad in ("", None):
        with pytest.raises(ValueError):
            rt.BearerAuth(bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no usable token"):
        next(rt.BearerAuth(lambda: "a\r\nX-Injected: 1").auth_flow(httpx.Request("GET", "https://one.example/a")))


def test_query_auth_adds_its_keys_and_urls_in_errors_hide_them() -> None:
    auth = rt.QueryAuth({"api_key": "k-SECRET-42"})
    assert "k-SECRET-42" not in repr(auth) and "api_key" in repr(auth)
    with S.serve(S.sequence(Reply(200, {"ok": 1}), Reply(404, {"message": "no"}))) as server:
        with rt.SyncTransport(base_url=server.url, auth=auth, sleep=lambda _: None) as transport:
            transport.request("GET", "/v1/things", params={"limit": "2"})
            with pytest.raises(rt.ApiError) as raised:
                transport.request("GET", "/v1/missing")
        first = next(iter(server.requests))
    assert sorted(first.query.split("&")) == ["api_key=k-SECRET-42", "limit=2"]
    assert "api_key=<redacted>" in raised.value.url
    assert "k-SECRET-42" not in str(raised.value) and "k-SECRET-42" not in repr(raised.value)
    assert rt.redact_url("https://h.example/a?x=1&api_key=k-SECRET-42#top") == (
        "https://h.example/a?x=1&api_key=<redacted>#top"
    )
    stolen = next(auth.auth_flow(httpx.Request("GET", "https://other.example/steal")))
    assert "k-SECRET-42" not in str(stolen.url)
    with pytest.raises(ValueError):
        rt.QueryAuth({})
