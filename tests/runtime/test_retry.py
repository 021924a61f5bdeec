"""Retries, timeouts and errors of the runtime transports against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from tests.conftest import runtime_support

S = runtime_support()
rt = S.load_runtime()
Reply = S.Reply

FAST = rt.RetryPolicy(jitter=False)  # deterministic delays: 0.5, 1.0, 2.0


class Sleeps:
    """Records requested backoff delays instead of sleeping."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)

    async def asleep(self, seconds: float) -> None:
        self.delays.append(seconds)


def sync_transport(server: Any, sleeps: Sleeps, **kwargs: Any) -> Any:
    kwargs.setdefault("retry", FAST)
    return rt.SyncTransport(base_url=server.url, sleep=sleeps, **kwargs)


def async_transport(server: Any, sleeps: Sleeps, **kwargs: Any) -> Any:
    kwargs.setdefault("retry", FAST)
    return rt.AsyncTransport(base_url=server.url, sleep=sleeps.asleep, **kwargs)


# -- sync --------------------------------------------------------------------------------------------------------


def test_get_retried_on_503_then_succeeds() -> None:
    handler = S.sequence(Reply(503, {"error": "busy"}), Reply(503, {"error": "busy"}), Reply(200, {"ok": True}))
    sleeps = Sleeps()
    with S.serve(handler) as server, sync_transport(server, sleeps) as transport:
        response = transport.request("GET", "/v1/servers")
        assert response.status_code == 200
        assert response.json() == {"ok": True}
        assert server.hits("GET", "/v1/servers") == 3
    assert sleeps.delays == [0.5, 1.0]


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_every_retry_status_is_retried_for_idempotent_methods(status: int) -> None:
    sleeps = Sleeps()
    with S.serve(S.sequence(Reply(status), Reply(204))) as server, sync_transport(server, sleeps) as transport:
        for method in ("GET", "PUT", "DELETE"):
            assert transport.request(method, "/x").status_code == 204
        assert server.hits() == 4  # one failure, then the sequence keeps answering 204


def test_retries_exhausted_raise_error_with_status_body_and_request_id() -> None:
    reply = Reply(503, {"code": "Unavailable", "message": "try later"}, {"Scp-Request-Id": "req-503"})
    sleeps = Sleeps()
    with S.serve(S.sequence(reply)) as server, sync_transport(server, sleeps) as transport:
        with pytest.raises(rt.ServerError) as caught:
            transport.request("GET", "/v1/volumes", params={"size": 20})
        assert server.hits() == FAST.max_retries + 1
    error = caught.value
    assert type(error) is rt.ServerError
    assert error.status_code == 503
    assert error.body == {"code": "Unavailable", "message": "try later"}
    assert error.request_id == "req-503"
    assert error.method == "GET"
    assert error.url == f"{server.url}/v1/volumes?size=20"
    assert error.attempts == 4
    assert error.headers["scp-request-id"] == "req-503"
    assert "503" in str(error) and "req-503" in str(error) and "try later" in str(error)
    assert sleeps.delays == [0.5, 1.0, 2.0]


def test_500_is_not_retried_and_maps_to_internal_server_error() -> None:
    sleeps = Sleeps()
    reply = Reply(500, "boom", {"X-Openstack-Request-Id": "req-os-1"})
    with S.serve(S.sequence(reply)) as server, sync_transport(server, sleeps) as transport:
        with pytest.raises(rt.InternalServerError) as caught:
            transport.request("GET", "/x")
        assert server.hits() == 1
    assert caught.value.body == "boom"
    assert caught.value.request_id == "req-os-1"
    assert sleeps.delays == []


@pytest.mark.parametrize("status", [429, 502, 503, 504])
def test_post_is_never_retried(status: int) -> None:
    sleeps = Sleeps()
    with S.serve(S.sequence(Reply(status, {"e": 1}), Reply(200))) as server, sync_transport(server, sleeps) as t:
        with pytest.raises(rt.ApiError) as caught:
            t.request("POST", "/v1/servers", json={"name": "a"})
        assert server.hits("POST") == 1
        assert server.requests[0].json() == {"name": "a"}
    assert caught.value.status_code == status
    assert caught.value.attempts == 1
    assert sleeps.delays == []


def test_retry_after_seconds_is_honoured() -> None:
    sleeps = Sleeps()
    first = Reply(429, {"message": "slow down"}, {"Retry-After": "7"})
    with S.serve(S.sequence(first, Reply(200, []))) as server, sync_transport(server, sleeps) as transport:
        assert transport.request("GET", "/x").json() == []
        assert server.hits() == 2
    assert sleeps.delays == [7.0]


def test_retry_after_is_capped_by_backoff_max_and_accepts_http_dates() -> None:
    sleeps = Sleeps()
    policy = rt.RetryPolicy(jitter=False, backoff_max=4.0)
    replies = [
        Reply(503, None, {"Retry-After": "120"}),
        Reply(429, None, {"Retry-After": "Fri, 31 Dec 2100 23:59:59 GMT"}),
        Reply(503, None, {"Retry-After": "Thu, 01 Jan 1970 00:00:00 GMT"}),
        Reply(200),
    ]
    with S.serve(S.sequence(*replies)) as server, sync_transport(server, sleeps, retry=policy) as transport:
        transport.request("GET", "/x")
        assert server.hits() == 4
    assert sleeps.delays == [4.0, 4.0, 0.0]


def test_retry_after_is_ignored_on_502() -> None:
    sleeps = Sleeps()
    replies = S.sequence(Reply(502, None, {"Retry-After": "9"}), Reply(200))
    with S.serve(replies) as server, sync_transport(server, sleeps) as transport:
        transport.request("GET", "/x")
    assert sleeps.delays == [0.5]


def test_rate_limit_error_carries_retry_after() -> None:
    sleeps = Sleeps()
    policy = rt.RetryPolicy(max_retries=0)
    replies = S.sequence(Reply(429, {"m": "x"}, {"Retry-After": "3", "x-request-id": "r-429"}))
    with (
        S.serve(replies) as server,
        sync_transport(server, sleeps, retry=policy) as transport,
        pytest.raises(rt.RateLimitError) as caught,
    ):
        transport.request("GET", "/x")
    assert caught.value.retry_after == 3.0
    assert caught.value.request_id == "r-429"
    assert isinstance(caught.value, rt.ClientError)


def test_timeouts_are_retried_then_answer() -> None:
    sleeps = Sleeps()
    replies = S.sequence(Reply(200, {"slow": 1}, delay=5), Reply(200, {"slow": 2}, delay=5), Reply(200, {"n": 3}))
    with S.serve(replies) as server, sync_transport(server, sleeps, timeout=0.2) as transport:
        assert transport.request("GET", "/x").json() == {"n": 3}
        assert server.hits() == 3
    assert sleeps.delays == [0.5, 1.0]


def test_timeouts_exhausted_raise_transport_error() -> None:
    sleeps = Sleeps()
    policy = rt.RetryPolicy(max_retries=1, jitter=False)
    timeout = httpx.Timeout(0.2)
    with S.serve(S.sequence(Reply(200, delay=5))) as server:
        with (
            sync_transport(server, sleeps, retry=policy, timeout=timeout) as transport,
            pytest.raises(rt.TransportError) as caught,
        ):
            transport.request("GET", "/slow")
        assert server.hits() == 2
    error = caught.value
    assert error.attempts == 2
    assert isinstance(error.__cause__, httpx.ReadTimeout)
    assert error.cause is error.__cause__
    assert error.method == "GET" and error.url.endswith("/slow")
    assert "2 attempts" in str(error) and "ReadTimeout" in str(error)


def test_post_timeout_is_not_retried() -> None:
    sleeps = Sleeps()
    with S.serve(S.sequence(Reply(200, delay=5))) as server, sync_transport(server, sleeps, timeout=0.2) as transport:
        with pytest.raises(rt.TransportError) as caught:
            transport.request("POST", "/v1/servers", json={})
        assert server.hits() == 1
    assert caught.value.attempts == 1
    assert sleeps.delays == []


def test_connection_refused_is_retried_then_raised() -> None:
    sleeps = Sleeps()
    transport = rt.SyncTransport(base_url=S.closed_port_url(), retry=FAST, sleep=sleeps)
    with transport, pytest.raises(rt.TransportError) as caught:
        transport.request("GET", "/x")
    assert caught.value.attempts == 4
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert sleeps.delays == [0.5, 1.0, 2.0]


def test_client_errors_are_not_retried() -> None:
    sleeps = Sleeps()
    with S.serve(S.sequence(Reply(404, {"message": "no such server"}))) as server:
        with sync_transport(server, sleeps) as transport, pytest.raises(rt.NotFoundError):
            transport.request("GET", "/v1/servers/abc")
        assert server.hits() == 1


def test_query_headers_and_body_are_sent_as_given() -> None:
    sleeps = Sleeps()
    with S.serve(S.sequence(Reply(200, {}))) as server:
        transport = sync_transport(server, sleeps, headers={"Scp-Api-Version": "virtualserver 1.1", "X-A": "default"})
        with transport:
            transport.request(
                "put",
                "v1/servers/1",
                params={"size": 20, "detail": True, "tag": ["a", "b"], "unset": None},
                headers={"X-A": "override"},
                json={"name": "n"},
            )
        seen = server.requests[0]
    assert seen.method == "PUT"
    assert seen.path == "/v1/servers/1"
    assert seen.query == "detail=true&size=20&tag=a&tag=b"  # sorted by name, as SCP signs it
    assert seen.header("Scp-Api-Version") == "virtualserver 1.1"
    assert seen.header("X-A") == "override"
    assert seen.json() == {"name": "n"}


def test_base_url_with_path_prefix_is_joined() -> None:
    sleeps = Sleeps()
    with S.serve(S.sequence(Reply(200))) as server:
        with rt.SyncTransport(base_url=server.url + "/v2/tenant-1/", sleep=sleeps) as transport:
            transport.request("GET", "/volumes")
        assert server.requests[0].path == "/v2/tenant-1/volumes"


def test_caller_supplied_client_is_not_closed() -> None:
    client = httpx.Client()
    with S.serve(S.sequence(Reply(200))) as server:
        transport = rt.SyncTransport(base_url=server.url, http_client=client)
        transport.request("GET", "/")
        transport.close()
        assert not client.is_closed
        client.get(server.url)
    client.close()


def test_invalid_configuration_is_rejected() -> None:
    with pytest.raises(ValueError, match="either http_client or transport"):
        rt.SyncTransport(base_url="http://x", http_client=httpx.Client(), transport=httpx.HTTPTransport())
    with pytest.raises(ValueError, match="base_url"):
        rt.SyncTransport(base_url="virtualserver.example")
    with pytest.raises(ValueError, match="max_retries"):
        rt.RetryPolicy(max_retries=-1)


def test_mock_transport_is_accepted() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"ok": 1})

    with rt.SyncTransport(base_url="https://api.example", transport=httpx.MockTransport(handler)) as transport:
        assert transport.request("GET", "/a").json() == {"ok": 1}
    assert str(seen[0].url) == "https://api.example/a"


# -- RetryPolicy and Retry-After parsing ----------------------------------------------------------------------------


def test_backoff_is_exponential_capped_and_fully_jittered() -> None:
    plain = rt.RetryPolicy(jitter=False, backoff_base=0.5, backoff_max=30.0)
    assert [plain.delay(n) for n in range(8)] == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0]
    assert plain.delay(10_000) == 30.0
    jittered = rt.RetryPolicy(rng=lambda: 0.25)
    assert [jittered.delay(n) for n in range(3)] == [0.125, 0.25, 0.5]
    real = rt.RetryPolicy()
    assert all(0.0 <= real.delay(3) <= 4.0 for _ in range(200))
    assert plain.delay(0, retry_after=12.0) == 12.0
    assert plain.delay(0, retry_after=99.0) == 30.0


def test_retry_decisions() -> None:
    policy = rt.RetryPolicy()
    assert policy.retries_status("get", 503) and not policy.retries_status("GET", 500)
    assert not policy.retries_status("POST", 503) and not policy.retries_status("PATCH", 503)
    request = httpx.Request("GET", "http://x")
    assert policy.retries_exception("GET", httpx.ReadTimeout("t", request=request))
    assert policy.retries_exception("DELETE", httpx.ConnectError("c", request=request))
    assert not policy.retries_exception("GET", httpx.RemoteProtocolError("p", request=request))
    assert not policy.retries_exception("POST", httpx.ReadTimeout("t", request=request))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5", 5.0),
        (" 1.5 ", 1.5),
        ("0", 0.0),
        ("-3", None),
        ("soon", None),
        ("", None),
        (None, None),
        ("Wed, 21 Oct 2015 07:28:30 GMT", 30.0),
        ("Wed, 21 Oct 2015 07:27:00 GMT", 0.0),
    ],
)
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    now = 1445412480.0  # 2015-10-21T07:28:00Z
    assert rt.parse_retry_after(value, now=now) == expected


# -- async ---------------------------------------------------------------------------------------------------------


def test_async_get_retried_on_503_and_honours_retry_after() -> None:
    sleeps = Sleeps()
    replies = S.sequence(Reply(503, None, {"Retry-After": "2"}), Reply(503), Reply(200, {"ok": 1}))

    async def main(server: Any) -> Any:
        async with async_transport(server, sleeps) as transport:
            return (await transport.request("GET", "/v1/x")).json()

    with S.serve(replies) as server:
        assert asyncio.run(main(server)) == {"ok": 1}
        assert server.hits() == 3
    assert sleeps.delays == [2.0, 1.0]


def test_async_post_not_retried_and_error_carries_details() -> None:
    sleeps = Sleeps()
    reply = Reply(503, {"message": "down"}, {"x-request-id": "async-1"})

    async def main(server: Any) -> None:
        async with async_transport(server, sleeps) as transport:
            await transport.request("POST", "/v1/x", json={"a": 1})

    with S.serve(S.sequence(reply)) as server:
        with pytest.raises(rt.ServerError) as caught:
            asyncio.run(main(server))
        assert server.hits() == 1
    assert caught.value.status_code == 503
    assert caught.value.body == {"message": "down"}
    assert caught.value.request_id == "async-1"
    assert sleeps.delays == []


def test_async_retries_exhausted() -> None:
    sleeps = Sleeps()

    async def main(server: Any) -> None:
        async with async_transport(server, sleeps) as transport:
            await transport.request("DELETE", "/v1/x")

    with S.serve(S.sequence(Reply(504, "gateway"))) as server:
        with pytest.raises(rt.ServerError) as caught:
            asyncio.run(main(server))
        assert server.hits() == 4
    assert caught.value.attempts == 4
    assert caught.value.body == "gateway"
    assert sleeps.delays == [0.5, 1.0, 2.0]


def test_async_timeouts_are_retried_then_answer() -> None:
    sleeps = Sleeps()
    replies = S.sequence(Reply(200, delay=5), Reply(200, {"n": 2}))

    async def main(server: Any) -> Any:
        async with async_transport(server, sleeps, timeout=0.2) as transport:
            return (await transport.request("GET", "/x")).json()

    with S.serve(replies) as server:
        assert asyncio.run(main(server)) == {"n": 2}
        assert server.hits() == 2
    assert sleeps.delays == [0.5]


def test_async_timeout_exhausted_and_post_timeout() -> None:
    sleeps = Sleeps()
    policy = rt.RetryPolicy(max_retries=1, jitter=False)

    async def main(server: Any, method: str) -> None:
        async with async_transport(server, sleeps, timeout=0.2, retry=policy) as transport:
            await transport.request(method, "/x")

    with S.serve(S.sequence(Reply(200, delay=5))) as server:
        with pytest.raises(rt.TransportError) as caught:
            asyncio.run(main(server, "GET"))
        assert caught.value.attempts == 2 and server.hits() == 2
        with pytest.raises(rt.TransportError) as caught:
            asyncio.run(main(server, "POST"))
        assert caught.value.attempts == 1 and server.hits() == 3
    assert isinstance(caught.value.__cause__, httpx.TimeoutException)
