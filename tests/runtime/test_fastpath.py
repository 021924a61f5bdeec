"""The transports' fast path (one prebuilt request straight to the httpx transport) against the httpx.Client path.

The reference for "what used to be sent" is the same transport given ``http_client=httpx.Client(...)``: that path
still goes through ``Client.build_request`` and ``Client.send``, exactly as every request did before the fast path.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import enum
import hashlib
import hmac
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from docs2client_runtime import transport as transport_module

from tests.conftest import runtime_support

S = runtime_support()
rt = S.load_runtime()
Reply = S.Reply

SECRET = "secret-key"
NOW = 1_700_000_000.123


class Color(enum.Enum):
    RED = "red one"


TRICKY_PARAMS: list[dict[str, Any]] = [
    {},
    {"q": None},
    {"name": "a b"},
    {"path": "a/b/../c"},
    {"text": "é 한글 ✓"},
    {"plus": "a+b", "amp": "x&y=z", "hash": "#frag?", "pct": "100%", "pct2": "%41"},
    {"tags": ["a b", "c/d", None, "e+f"], "empty": [], "tuple": ("x", "y")},
    {"set": {"b", "a"}},
    {"flag": True, "off": False, "n": 0, "f": 1.5},
    {"color": Color.RED, "day": dt.date(2024, 1, 2), "at": dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)},
    {"weird key&=": "v", "": "blank key", "blank": ""},
    {"tilde": "~_.-*!'()", "semi": "a;b,c:d@e$f"},
]

TRICKY_URLS = [
    ("https://api.example.com", "/v1/volumes/abc"),
    ("https://API.Example.com:443/base/", "v1/x%2Fy"),
    ("http://api.example.com:8080/base", "/v1/./a/../b"),
    ("https://api.example.com", "/v1/caf\u00e9 name"),
    ("https://[::1]:8443", "/v1/x"),
    ("https://api.example.com", "https://other.example.com/abs/path"),
    ("https://api.example.com", "/already?x=1"),
]


def _recorder() -> tuple[list[httpx.Request], httpx.MockTransport]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"ok": True})

    return seen, httpx.MockTransport(handler)


def _scp() -> Any:
    return rt.ScpAuth("access", SECRET, "account", clock=lambda: NOW)


def _sent(
    fast: bool, method: str, base_url: str, path: str, *, auth: Any = None, **kwargs: Any
) -> tuple[httpx.Request, httpx.Response]:
    """The request one call sends, through the fast path or through an ``httpx.Client`` (the previous path)."""
    seen, mock = _recorder()
    extra: dict[str, Any] = {"headers": {"Scp-Api-Version": "test 1.0", "X-Default": "d"}}
    if fast:
        transport = rt.SyncTransport(base_url=base_url, auth=auth, transport=mock, **extra)
    else:
        transport = rt.SyncTransport(base_url=base_url, auth=auth, http_client=httpx.Client(transport=mock), **extra)
    with transport:
        response = transport.request(method, path, **kwargs)
    assert len(seen) == 1
    return seen[0], response


def _wire(request: httpx.Request) -> tuple[Any, ...]:
    return (
        request.method,
        str(request.url),
        sorted(request.headers.multi_items()),
        request.content,
        request.extensions.get("timeout"),
    )


# -- the URL, query string and signature -------------------------------------------------------------------------


@pytest.mark.parametrize("params", TRICKY_PARAMS)
@pytest.mark.parametrize(("base_url", "path"), TRICKY_URLS)
def test_fast_path_sends_the_url_httpx_would_send(base_url: str, path: str, params: dict[str, Any]) -> None:
    fast, _ = _sent(True, "GET", base_url, path, params=params)
    slow, _ = _sent(False, "GET", base_url, path, params=params)
    assert str(fast.url) == str(slow.url)
    query = dict(sorted(rt.drop_none(params).items()))  # sorted by name, as SCP's SDK sends (issue 12 item 11)
    joined = transport_module._join_url(base_url, path)
    if "?" in joined:  # a URL's own query is kept, the parameters appended (httpx's params= would replace it)
        encoded = str(httpx.QueryParams(query))
        assert str(fast.url) == str(httpx.URL(joined + ("&" + encoded if encoded else "")))
        assert str(fast.url).startswith(str(httpx.URL(joined)))
        return
    expected = httpx.Client().build_request("GET", joined, params=query).url
    assert str(fast.url) == str(expected)


@pytest.mark.parametrize("params", TRICKY_PARAMS)
def test_query_encoding_matches_httpx_query_params(params: dict[str, Any]) -> None:
    query = rt.drop_none(params)
    assert transport_module._encode_query(query) == str(httpx.QueryParams(query))


@pytest.mark.parametrize("params", TRICKY_PARAMS)
@pytest.mark.parametrize(("base_url", "path"), TRICKY_URLS[:5])
def test_signature_covers_the_url_exactly_as_received(base_url: str, path: str, params: dict[str, Any]) -> None:
    request, _ = _sent(True, "GET", base_url, path, params=params, auth=_scp())
    timestamp = request.headers["Scp-Timestamp"]
    assert timestamp == str(round(NOW * 1000))
    message = "GET" + str(request.url) + timestamp + "access" + "account" + "Openapi"
    digest = hmac.new(SECRET.encode(), message.encode(), hashlib.sha256).digest()
    assert request.headers["Scp-Signature"] == base64.b64encode(digest).decode()


def test_list_values_repeat_the_key_and_none_is_dropped() -> None:
    request, _ = _sent(True, "GET", "https://x.example", "/v", params={"a": ["1", None, "2"], "b": None, "c": True})
    assert request.url.query == b"a=1&a=2&c=true"
    assert request.url.params.get_list("a") == ["1", "2"]


# -- everything else on the request ------------------------------------------------------------------------------


CASES: list[tuple[str, dict[str, Any]]] = [
    ("GET", {}),
    ("GET", {"params": {"limit": 5}, "headers": {"X-Call": "c", "x-default": "override"}}),
    ("GET", {"headers": {"User-Agent": "mine/1.0", "Accept": "application/json", "Accept-Language": "ko-KR"}}),
    ("GET", {"headers": {"Host": "virtual.example"}}),
    ("DELETE", {}),
    ("HEAD", {}),
    ("POST", {}),
    ("POST", {"json": {"name": "é", "tags": [1, 2], "nested": {"x": None}}}),
    ("PUT", {"json": [1, "two"]}),
    ("PATCH", {"json": {"a": 1}, "headers": {"Content-Type": "application/merge-patch+json"}}),
    ("PUT", {"headers": {"Content-Length": "0"}}),
]


@pytest.mark.parametrize("signed", [False, True])
@pytest.mark.parametrize(("method", "kwargs"), CASES)
def test_fast_path_request_equals_the_client_path(method: str, kwargs: dict[str, Any], signed: bool) -> None:
    fast, fast_response = _sent(
        True, method, "https://api.example.com/base", "/v1/r", auth=_scp() if signed else None, **kwargs
    )
    slow, slow_response = _sent(
        False, method, "https://api.example.com/base", "/v1/r", auth=_scp() if signed else None, **kwargs
    )
    assert _wire(fast) == _wire(slow)
    assert fast.headers.raw[0] == slow.headers.raw[0]  # Host first, as httpx puts it
    assert fast_response.content == slow_response.content


def test_timeout_reaches_the_transport_as_extension() -> None:
    seen, mock = _recorder()
    timeout = httpx.Timeout(5.0, connect=1.5)
    with rt.SyncTransport(base_url="https://x.example", transport=mock, timeout=timeout) as transport:
        transport.request("GET", "/t")
    assert seen[0].extensions["timeout"] == {"connect": 1.5, "read": 5.0, "write": 5.0, "pool": 5.0}


# -- the response ------------------------------------------------------------------------------------------------


class CountingTransport(httpx.BaseTransport):
    """Answers from a function and counts ``handle_request`` calls (the fast path calls it directly)."""

    def __init__(self, answer: Callable[[httpx.Request], httpx.Response]) -> None:
        self.answer = answer
        self.calls = 0
        self.closed = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        return self.answer(request)

    def close(self) -> None:
        self.closed = True


def test_response_is_read_closed_and_carries_its_request() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=httpx.ByteStream(b'{"a": 1}'), headers={"Content-Type": "application/json"})

    transport = CountingTransport(answer)
    with rt.SyncTransport(base_url="https://x.example", transport=transport) as t:
        response = t.request("GET", "/r")
    assert transport.calls == 1 and transport.closed
    assert response.is_closed and response.json() == {"a": 1}
    assert str(response.request.url) == "https://x.example/r"
    assert response.elapsed.total_seconds() >= 0
    with pytest.raises(RuntimeError, match="closed"):
        t.request("GET", "/r")


def test_gzip_response_is_decoded() -> None:
    import gzip

    def answer(request: httpx.Request) -> httpx.Response:
        body = gzip.compress(b'{"zipped": true}')
        return httpx.Response(200, content=body, headers={"Content-Encoding": "gzip"})

    with rt.SyncTransport(base_url="https://x.example", transport=CountingTransport(answer)) as t:
        assert t.request("GET", "/z").json() == {"zipped": True}


def test_error_response_raises_typed_error_with_url() -> None:
    mock = httpx.MockTransport(lambda request: httpx.Response(404, json={"message": "no such volume"}))
    with rt.SyncTransport(base_url="https://x.example", transport=mock) as t, pytest.raises(rt.NotFoundError) as info:
        t.request("GET", "/v1/volumes/x", params={"q": "a b"})
    assert info.value.url == "https://x.example/v1/volumes/x?q=a+b"
    assert info.value.method == "GET" and info.value.body == {"message": "no such volume"}


def test_redirects_are_errors_not_followed() -> None:
    seen, _ = _recorder()

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(302, headers={"Location": "https://elsewhere.example/"})

    with (
        rt.SyncTransport(base_url="https://x.example", transport=httpx.MockTransport(handler)) as t,
        pytest.raises(rt.RedirectError) as info,
    ):
        t.request("DELETE", "/r")
    assert info.value.location == "https://elsewhere.example/" and info.value.status_code == 302
    assert len(seen) == 1


def test_transport_errors_are_wrapped_with_the_request_attached() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    policy = rt.RetryPolicy(max_retries=2, jitter=False)
    delays: list[float] = []
    with (
        rt.SyncTransport(
            base_url="https://x.example", transport=httpx.MockTransport(handler), retry=policy, sleep=delays.append
        ) as t,
        pytest.raises(rt.TransportError) as info,
    ):
        t.request("GET", "/r", params={"a": 1})
    assert info.value.attempts == 3 and delays == [0.5, 1.0]
    assert isinstance(info.value.cause, httpx.ConnectError)
    assert str(info.value.cause.request.url) == "https://x.example/r?a=1"


def test_http_request_is_logged_on_the_httpx_logger(caplog: pytest.LogCaptureFixture) -> None:
    _, mock = _recorder()
    with (
        caplog.at_level(logging.INFO, logger="httpx"),
        rt.SyncTransport(base_url="https://x.example", transport=mock) as t,
    ):
        t.request("GET", "/logged")
    assert any(
        r.name == "httpx" and 'GET https://x.example/logged "HTTP/1.1 200 OK"' in r.getMessage() for r in caplog.records
    )


# -- auth --------------------------------------------------------------------------------------------------------


def test_user_auth_flows_are_driven_like_httpx_client() -> None:
    """DigestAuth needs the 401 challenge response and replays the request: the whole generator protocol."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if "Authorization" not in request.headers:
            challenge = 'Digest realm="r", nonce="abc", qop="auth", algorithm=MD5'
            return httpx.Response(401, headers={"WWW-Authenticate": challenge})
        return httpx.Response(200, json={"ok": True})

    auth = httpx.DigestAuth("user", "pass")
    with rt.SyncTransport(base_url="https://x.example", transport=httpx.MockTransport(handler), auth=auth) as t:
        response = t.request("GET", "/d", params={"a": "b c"})
    assert response.status_code == 200 and len(response.history) == 1
    assert len(seen) == 2 and seen[1].headers["Authorization"].startswith("Digest ")
    assert 'uri="/d?a=b+c"' in seen[1].headers["Authorization"]


def test_basic_auth_tuple_and_url_userinfo() -> None:
    seen, mock = _recorder()
    expected = "Basic " + base64.b64encode(b"u:p w").decode()
    with rt.SyncTransport(base_url="https://x.example", transport=mock, auth=("u", "p w")) as t:
        t.request("GET", "/a")
    with rt.SyncTransport(base_url="https://u:p%20w@x.example", transport=mock) as t:
        t.request("GET", "/b")
    assert [r.headers.get("Authorization") for r in seen] == [expected, expected]


def test_scp_subclass_goes_through_its_own_flow() -> None:
    class Tagged(rt.ScpAuth):  # type: ignore[misc,name-defined]
        def auth_flow(self, request: httpx.Request) -> Any:
            self.sign(request)
            request.headers["X-Tagged"] = "yes"
            yield request

    request, _ = _sent(
        True, "GET", "https://x.example", "/s", auth=Tagged("access", SECRET, "account", clock=lambda: NOW)
    )
    assert request.headers["X-Tagged"] == "yes"
    plain, _ = _sent(True, "GET", "https://x.example", "/s", auth=_scp())
    assert request.headers["Scp-Signature"] == plain.headers["Scp-Signature"]


def test_scp_signing_headers_match_sign() -> None:
    auth = _scp()
    request = httpx.Request("GET", "https://x.example/a?b=c+d")
    auth.sign(request)
    assert [(k, request.headers[k]) for k, _ in auth.signing_headers("GET", str(request.url))] == auth.signing_headers(
        "get", "https://x.example/a?b=c+d"
    )


def test_keystone_token_request_gets_the_transport_timeout() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/v2.0/tokens":
            return httpx.Response(200, json={"access": {"token": {"id": "tok", "expires": "2999-01-01T00:00:00Z"}}})
        return httpx.Response(200, json={})

    auth = rt.KeystoneAuth("https://id.example/v2.0/tokens", "tenant", "user", "pw")
    mock = httpx.MockTransport(handler)
    with rt.SyncTransport(base_url="https://x.example", transport=mock, auth=auth, timeout=7.0) as t:
        t.request("GET", "/servers")
    assert [r.url.path for r in seen] == ["/v2.0/tokens", "/servers"]
    assert seen[0].extensions["timeout"]["read"] == 7.0
    assert seen[1].headers["X-Auth-Token"] == "tok"


# -- http_client and proxies -------------------------------------------------------------------------------------


def test_caller_http_client_is_honoured() -> None:
    seen, mock = _recorder()
    hooked: list[str] = []
    client = httpx.Client(
        transport=mock,
        headers={"X-Client": "mine"},
        auth=("client", "auth"),
        event_hooks={"request": [lambda request: hooked.append(str(request.url))]},
    )
    with rt.SyncTransport(base_url="https://x.example", http_client=client) as t:
        t.request("GET", "/h", params={"q": "1"})
    assert hooked == ["https://x.example/h?q=1"]
    assert seen[0].headers["X-Client"] == "mine"
    assert seen[0].headers["Authorization"].startswith("Basic ")
    assert not client.is_closed
    client.close()


def _clear_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def test_transport_sends_through_an_httpx_client_it_owns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without ``http_client`` the transport creates its own :class:`httpx.Client` (closed with it); with one it
    never closes the caller's."""
    _clear_proxy_env(monkeypatch)
    with rt.SyncTransport(base_url="https://x.example") as t:
        own = t._client
        assert isinstance(own, httpx.Client) and not own.is_closed
    assert own.is_closed
    caller = httpx.Client()
    with rt.SyncTransport(base_url="https://x.example", http_client=caller):
        pass
    assert not caller.is_closed
    caller.close()


def test_proxy_environment_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    """With HTTP_PROXY set the request goes to the proxy (absolute-form target), as httpx.Client() would send it."""
    _clear_proxy_env(monkeypatch)
    with S.serve(S.sequence(Reply(200, {"via": "proxy"}))) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        with rt.SyncTransport(base_url="http://behind-proxy.invalid", retry=rt.RetryPolicy(max_retries=0)) as t:
            assert t.request("GET", "/p", params={"a": "1"}).json() == {"via": "proxy"}

        async def run() -> Any:
            async with rt.AsyncTransport(base_url="http://behind-proxy.invalid") as t:
                return (await t.request("GET", "/p")).json()

        assert asyncio.run(run()) == {"via": "proxy"}
    assert [(r.path, r.query, r.header("Host")) for r in proxy.requests] == [
        ("/p", "a=1", "behind-proxy.invalid"),
        ("/p", "", "behind-proxy.invalid"),
    ]


# -- async -------------------------------------------------------------------------------------------------------


def test_async_fast_path_matches_sync() -> None:
    params = {"tags": ["a b", "c/d"], "flag": True, "text": "é+&"}
    sync_request, _ = _sent(True, "POST", "https://x.example", "/v1/a", auth=_scp(), params=params, json={"k": "v"})
    seen: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(201, json={"ok": True})

    async def run() -> httpx.Response:
        headers = {"Scp-Api-Version": "test 1.0", "X-Default": "d"}
        async with rt.AsyncTransport(
            base_url="https://x.example", transport=httpx.MockTransport(handler), auth=_scp(), headers=headers
        ) as t:
            response: httpx.Response = await t.request("POST", "/v1/a", params=params, json={"k": "v"})
        with pytest.raises(RuntimeError, match="closed"):
            await t.request("GET", "/v1/a")
        return response

    response = asyncio.run(run())
    assert response.status_code == 201 and response.json() == {"ok": True} and response.is_closed
    assert response.request is seen[0]
    assert _wire(seen[0]) == _wire(sync_request)


def test_async_auth_flow_and_transport_errors() -> None:
    calls: list[str] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if request.url.path == "/v2.0/tokens":
            return httpx.Response(200, json={"access": {"token": {"id": "tok", "expires": "2999-01-01T00:00:00Z"}}})
        if request.url.path == "/down":
            raise httpx.ReadTimeout("slow")
        return httpx.Response(200, json={"token": request.headers["X-Auth-Token"]})

    auth = rt.KeystoneAuth("https://id.example/v2.0/tokens", "tenant", "user", "pw")
    delays: list[float] = []

    async def sleep(seconds: float) -> None:
        delays.append(seconds)

    async def run() -> Any:
        async with rt.AsyncTransport(
            base_url="https://x.example",
            transport=httpx.MockTransport(handler),
            auth=auth,
            retry=rt.RetryPolicy(max_retries=1, jitter=False),
            sleep=sleep,
        ) as t:
            ok = (await t.request("GET", "/ok")).json()
            with pytest.raises(rt.TransportError) as info:
                await t.request("GET", "/down")
            return ok, info.value

    ok, error = asyncio.run(run())
    assert ok == {"token": "tok"}
    assert calls == ["/v2.0/tokens", "/ok", "/down", "/down"] and delays == [0.5]
    assert error.attempts == 2 and str(error.cause.request.url) == "https://x.example/down"


def test_url_cache_reuses_parsed_urls_and_stays_bounded() -> None:
    """A URL is parsed once per transport (``httpx.URL`` is immutable) and its text is what gets signed; the cache
    starts over past its size, so a client walking many URLs does not grow without bound."""
    cache = transport_module._UrlCache()
    first = cache.get("https://x.example/v1/a", {"b": "2", "a": "1 2"})
    assert cache.get("https://x.example/v1/a", {"b": "2", "a": "1 2"})[0] is first[0]
    assert first == (httpx.URL("https://x.example/v1/a?b=2&a=1+2"), "https://x.example/v1/a?b=2&a=1+2", "x.example")
    assert cache.get("https://[::1]:8443/v", {})[2] == httpx.URL("https://[::1]:8443/v").netloc.decode()
    for n in range(transport_module._UrlCache.SIZE + 10):
        url, text, _ = cache.get(f"https://x.example/v1/items/{n}", {})
        assert text == f"https://x.example/v1/items/{n}" and url.path == f"/v1/items/{n}"
    assert len(cache._urls) <= transport_module._UrlCache.SIZE


# -- parts prepared once per transport (header templates, the keyed HMAC, split path templates) -----------------


def test_header_templates_follow_the_call_headers_and_the_auth() -> None:
    """A template serves only requests with the same headers: call headers, a changed ``ScpAuth`` attribute or a
    request with a body get their own, and every request still gets a fresh signature for its own URL."""
    seen, mock = _recorder()
    ticks = iter(range(100))
    auth = rt.ScpAuth("access", SECRET, "account", clock=lambda: NOW + next(ticks))
    with rt.SyncTransport(base_url="https://x.example", auth=auth, transport=mock, headers={"X-Default": "d"}) as t:
        t.request("GET", "/a")
        t.request("GET", "/a", headers={"X-Call": "one"})
        t.request("GET", "/b", headers={"X-Call": "two"})
        auth.account_id = "other-account"
        t.request("GET", "/b")
        t.request("POST", "/b", json={"k": 1})
    assert [r.headers.get("X-Call") for r in seen] == [None, "one", "two", None, None]
    assert [r.headers["Scp-AccountId"] for r in seen] == ["account"] * 3 + ["other-account"] * 2
    assert [r.headers["Content-Length"] for r in seen[-1:]] == ["7"]
    for request in seen:
        timestamp = request.headers["Scp-Timestamp"]
        message = request.method + str(request.url) + timestamp + "access" + request.headers["Scp-AccountId"]
        digest = hmac.new(SECRET.encode(), (message + "Openapi").encode(), hashlib.sha256).digest()
        assert request.headers["Scp-Signature"] == base64.b64encode(digest).decode()
    assert len({r.headers["Scp-Timestamp"] for r in seen}) == len(seen)
    # the signing headers keep their place: after the others, in signing_headers' order
    names = [name for name, _ in seen[0].headers.multi_items()]
    assert names[-6:] == [name.lower() for name, _ in auth.signing_headers("GET", "https://x.example/a")]


def test_a_template_is_not_shared_between_requests() -> None:
    """Setting the signature on one request leaves the template (and every other request) as it was."""
    seen, mock = _recorder()
    with rt.SyncTransport(base_url="https://x.example", auth=_scp(), transport=mock) as t:
        t.request("GET", "/a")
        t.request("GET", "/a")
    first, second = seen
    assert first.headers is not second.headers
    second.headers["Scp-Signature"] = "changed"
    assert first.headers["Scp-Signature"] != "changed"


def test_scp_auth_copies_and_pickles_after_signing() -> None:
    import copy
    import pickle

    auth = rt.ScpAuth("access", SECRET, "account")
    auth.signing_headers("GET", "https://x.example/a")  # keys its HMAC
    fixed = {"clock": lambda: NOW}
    for twin in (copy.deepcopy(auth), pickle.loads(pickle.dumps(auth))):
        assert SECRET not in repr(twin)
        twin._clock = auth._clock = fixed["clock"]
        assert twin.signing_headers("GET", "https://x.example/a") == auth.signing_headers("GET", "https://x.example/a")
    assert auth.signing_headers("GET", "https://x.example/a")[1][1] == rt.scp_signature(
        SECRET,
        method="GET",
        url="https://x.example/a",
        timestamp=str(round(NOW * 1000)),
        access_key="access",
        account_id="account",
    )


def test_path_segments_quote_exactly_as_quote_does() -> None:
    """The shortcut for segments with nothing to escape gives what ``quote`` gives, for every character."""
    from urllib.parse import quote

    for code in range(0x250):
        value = f"a{chr(code)}b"
        assert rt.quote_path_segment(value) == quote(value, safe="$&+:=@"), repr(chr(code))


def test_format_path_with_several_placeholders_and_repeated_templates() -> None:
    from docs2client_runtime.calls import format_path

    template = "/v1/{a}/x/{b}{c}/{a}"
    for _ in range(2):  # the second call uses the split template
        assert format_path(template, {"a": "1 2", "b": Color.RED, "c": True}) == "/v1/1%202/x/red%20onetrue/1%202"
    with pytest.raises(ValueError, match="needs a value for 'b'"):
        format_path(template, {"a": "1"})
    with pytest.raises(ValueError, match="must not be None"):
        format_path(template, {"a": "1", "b": None, "c": 1})
    assert format_path("/plain", {}) == "/plain"


def test_a_response_that_came_already_read_is_held_to_the_size_limit() -> None:
    body = b'{"pad": "' + b"x" * 2000 + b'"}'
    mock = httpx.MockTransport(lambda request: httpx.Response(200, content=body))
    small = rt.Limits(max_response_bytes=100)
    with (
        rt.SyncTransport(base_url="https://x.example", transport=mock, limits=small) as t,
        pytest.raises(rt.ResponseTooLargeError),
    ):
        t.request("GET", "/big")
    with rt.SyncTransport(base_url="https://x.example", transport=mock, limits=rt.Limits(max_response_bytes=None)) as t:
        assert t.request("GET", "/big").content == body


def test_lazy_module_imports_on_first_use_and_stays_live(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing is imported until a name is used; after that the module's namespace answers directly (a name the
    module rebinds is seen), and a missing name is the module's own AttributeError."""
    import sys

    from docs2client_runtime.calls import LazyModule

    (tmp_path / "lazy_target_mod.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    lazy = LazyModule("lazy_target_mod")
    assert "lazy_target_mod" not in sys.modules and repr(lazy) == "<lazy module 'lazy_target_mod'>"
    assert lazy.VALUE == 1
    module = sys.modules["lazy_target_mod"]
    setattr(module, "VALUE", 2)  # noqa: B010 (the module is untyped here)
    assert lazy.VALUE == 2 and repr(lazy) == "<lazy module 'lazy_target_mod'>"
    with pytest.raises(AttributeError, match="has no attribute 'MISSING'"):
        _ = lazy.MISSING
    monkeypatch.delitem(sys.modules, "lazy_target_mod")


def test_an_unhashable_header_value_gets_httpx_own_error() -> None:
    _, mock = _recorder()
    with (
        rt.SyncTransport(base_url="https://x.example", transport=mock) as t,
        pytest.raises(TypeError, match="Header value must be str or bytes"),
    ):
        t.request("GET", "/a", headers={"X-List": ["not", "a", "string"]})  # type: ignore[dict-item]
