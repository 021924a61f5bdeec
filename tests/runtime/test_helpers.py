"""Runtime helpers without network: error mapping, servers, query parameters, pagination, deprecation."""

from __future__ import annotations

import asyncio
import datetime as dt
import linecache
import pickle
import subprocess
import sys
import textwrap
import warnings
from collections.abc import Sequence
from typing import Any

import httpx
import pytest

from tests.conftest import runtime_support

S = runtime_support()
rt = S.load_runtime()


def response(status: int, body: Any = None, headers: dict[str, str] | None = None, **kwargs: Any) -> httpx.Response:
    request = httpx.Request("GET", "https://api.example/v1/things?x=1", headers={"X-Auth-Token": "tok-SECRET"})
    if body is None:
        return httpx.Response(status, headers=headers, request=request, **kwargs)
    if isinstance(body, str):
        return httpx.Response(status, text=body, headers=headers, request=request)
    return httpx.Response(status, json=body, headers=headers, request=request)


# -- errors ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "cls", "family"),
    [
        (400, "BadRequestError", "ClientError"),
        (401, "AuthenticationError", "ClientError"),
        (403, "PermissionDeniedError", "ClientError"),
        (404, "NotFoundError", "ClientError"),
        (409, "ConflictError", "ClientError"),
        (422, "ClientError", "ClientError"),
        (429, "RateLimitError", "ClientError"),
        (500, "InternalServerError", "ServerError"),
        (502, "ServerError", "ServerError"),
        (503, "ServerError", "ServerError"),
    ],
)
def test_error_for_maps_statuses(status: int, cls: str, family: str) -> None:
    error = rt.error_for(response(status, {"message": "m"}))
    assert type(error) is getattr(rt, cls)
    assert isinstance(error, getattr(rt, family)) and isinstance(error, rt.ApiError)
    assert error.status_code == status
    assert error.method == "GET" and error.url == "https://api.example/v1/things?x=1"


@pytest.mark.parametrize("header", ["x-request-id", "Scp-Request-Id", "X-Openstack-Request-Id", "X-REQUEST-ID"])
def test_request_id_is_read_from_each_provider_header(header: str) -> None:
    assert rt.error_for(response(404, {}, {header: "rid-7"})).request_id == "rid-7"
    assert rt.error_for(response(404, {})).request_id is None


def test_error_text_names_status_request_and_body_but_no_request_headers() -> None:
    error = rt.error_for(response(409, {"code": "Conflict", "message": "name taken"}, {"x-request-id": "r-9"}))
    text = str(error)
    assert text.startswith("409 Conflict for GET https://api.example/v1/things?x=1 (request id r-9)")
    assert '"message": "name taken"' in text
    assert "tok-SECRET" not in text and "tok-SECRET" not in repr(error)
    assert error.body == {"code": "Conflict", "message": "name taken"}


def test_error_bodies_text_empty_and_long() -> None:
    assert rt.error_for(response(500, "plain failure")).body == "plain failure"
    assert rt.error_for(response(500)).body is None
    long = rt.error_for(response(500, "x" * 5000))
    assert long.body == "x" * 5000 and len(str(long)) < 700 and str(long).endswith("...")
    bare = rt.error_for(httpx.Response(404))
    assert bare.method == "" and str(bare) == "404 Not Found"


def test_errors_pickle_without_the_request() -> None:
    error = rt.error_for(response(429, {"m": 1}, {"Retry-After": "4", "x-request-id": "r"}))
    clone = pickle.loads(pickle.dumps(error))
    assert type(clone) is rt.RateLimitError
    assert (clone.status_code, clone.body, clone.request_id, clone.retry_after) == (429, {"m": 1}, "r", 4.0)
    assert str(clone) == str(error)
    assert b"tok-SECRET" not in pickle.dumps(error)


# -- servers -------------------------------------------------------------------------------------------------------

SCP_SERVER = {
    "url": "https://virtualserver.{region}.{environment}.samsungsdscloud.com",
    "variables": {
        "region": {"default": "kr-west1", "enum": ["kr-west1", "kr-east1", "kr-south1"]},
        "environment": {"default": "e", "enum": ["e", "s", "g"]},
    },
    "x-server-pairs": [
        {"environment": "e", "region": "kr-west1"},
        {"environment": "e", "region": "kr-east1"},
        {"environment": "s", "region": "kr-west1"},
        {"environment": "g", "region": "kr-south1"},
    ],
}


def test_server_config_from_openapi_and_defaults() -> None:
    config = rt.ServerConfig.from_openapi(SCP_SERVER)
    assert config.variables["environment"] == ["e", "s", "g"]
    assert config.defaults == {"region": "kr-west1", "environment": "e"}
    assert config.placeholders == ["region", "environment"]
    assert config.url() == "https://virtualserver.kr-west1.e.samsungsdscloud.com"
    assert config.url(region="kr-east1") == "https://virtualserver.kr-east1.e.samsungsdscloud.com"
    assert config.url(environment="s", region="kr-west1") == "https://virtualserver.kr-west1.s.samsungsdscloud.com"
    assert config.url(region=None, environment=None) == config.url()


def test_server_config_fills_the_only_documented_partner() -> None:
    config = rt.ServerConfig.from_openapi(SCP_SERVER)
    assert config.url(region="kr-south1") == "https://virtualserver.kr-south1.g.samsungsdscloud.com"
    assert config.url(environment="g") == "https://virtualserver.kr-south1.g.samsungsdscloud.com"
    assert config.url(environment="s") == "https://virtualserver.kr-west1.s.samsungsdscloud.com"


def test_server_config_rejects_undocumented_combinations() -> None:
    config = rt.ServerConfig.from_openapi(SCP_SERVER)
    with pytest.raises(ValueError) as caught:
        config.url(environment="s", region="kr-east1")
    message = str(caught.value)
    assert "environment=s, region=kr-east1 are not a documented combination" in message
    assert "environment=e, region=kr-west1; environment=e, region=kr-east1" in message
    assert "environment=g, region=kr-south1" in message
    with pytest.raises(ValueError, match=r"region='us-west1' is not documented; expected one of \['kr-west1'"):
        config.url(region="us-west1")
    with pytest.raises(ValueError, match="unknown server variable 'zone'"):
        config.url(zone="a")


def test_server_config_free_variables_and_missing_values() -> None:
    config = rt.ServerConfig(template="https://{region}-block-storage.api.nhncloudservice.com/v2/{tenant}")
    assert config.url(region="kr1", tenant="abc123") == "https://kr1-block-storage.api.nhncloudservice.com/v2/abc123"
    with pytest.raises(ValueError, match="needs a value for tenant"):
        config.url(region="kr1")
    with pytest.raises(ValueError, match="not a valid host or path segment"):
        config.url(region="kr1.evil.com/x?", tenant="t")


# -- query parameters --------------------------------------------------------------------------------------------


def test_drop_none_serialises_query_values() -> None:
    import enum

    class State(enum.Enum):
        RUNNING = "RUNNING"

    params = {
        "a": None,
        "b": True,
        "c": False,
        "d": 0,
        "e": ["x", None, 2, True],
        "f": State.RUNNING,
        "g": dt.date(2024, 5, 1),
        "h": "",
        "i": frozenset({"z", "y"}),
    }
    assert rt.drop_none(params) == {
        "b": "true",
        "c": "false",
        "d": "0",
        "e": ["x", "2", "true"],
        "f": "RUNNING",
        "g": "2024-05-01",
        "h": "",
        "i": ["y", "z"],
    }
    assert rt.drop_none(None) == {}
    assert str(httpx.URL("https://x/", params=rt.drop_none({"tag": ["a", "b"], "n": None}))) == "https://x/?tag=a&tag=b"


# -- pagination --------------------------------------------------------------------------------------------------

ITEMS = list(range(23))


def test_iterate_offset_walks_all_pages() -> None:
    calls: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> Sequence[int]:
        calls.append((offset, limit))
        return ITEMS[offset : offset + limit]

    assert list(rt.iterate_offset(fetch, limit=10)) == ITEMS
    assert calls == [(0, 10), (10, 10), (20, 10)]
    calls.clear()
    assert list(rt.iterate_offset(fetch, limit=23)) == ITEMS
    assert calls == [(0, 23), (23, 23)]  # a full last page needs one more (empty) request
    assert list(rt.iterate_offset(fetch, limit=5, start=20)) == [20, 21, 22]
    with pytest.raises(ValueError, match="limit"):
        list(rt.iterate_offset(fetch, limit=0))


def test_iterate_offset_is_lazy() -> None:
    calls: list[int] = []

    def fetch(offset: int, limit: int) -> Sequence[int]:
        calls.append(offset)
        return ITEMS[offset : offset + limit]

    iterator = rt.iterate_offset(fetch, limit=10)
    assert next(iterator) == 0
    assert calls == [0]


def marker_fetch(calls: list[tuple[str | None, int]]) -> Any:
    def fetch(marker: str | None, limit: int) -> tuple[Sequence[int], str | None]:
        calls.append((marker, limit))
        start = 0 if marker is None else int(marker) + 1
        page = ITEMS[start : start + limit]
        return page, (str(page[-1]) if len(page) == limit else None)

    return fetch


def test_iterate_marker_follows_markers() -> None:
    calls: list[tuple[str | None, int]] = []
    assert list(rt.iterate_marker(marker_fetch(calls), limit=10)) == ITEMS
    assert calls == [(None, 10), ("9", 10), ("19", 10)]


def test_iterate_marker_stops_on_a_repeated_marker() -> None:
    pages = iter(range(10))

    def stuck(marker: str | None, limit: int) -> tuple[Sequence[int], str | None]:
        return [next(pages)], "same"  # new items, but the marker never moves

    with pytest.raises(RuntimeError, match="'same' repeated"):
        list(rt.iterate_marker(stuck, limit=1))


def capped(total: int, cap: int) -> tuple[list[tuple[int, int]], Any]:
    """An offset listing of ``total`` items whose server sends at most ``cap`` a page, whatever the limit says."""
    calls: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> Sequence[int]:
        calls.append((offset, limit))
        return list(range(total))[offset : offset + min(limit, cap)]

    return calls, fetch


def test_a_server_capping_its_pages_below_the_limit_loses_nothing() -> None:
    # limit=100 against a server that sends 3 a page: the first short page is not the last (it truncated to 3 of 7)
    calls, fetch = capped(7, 3)
    assert list(rt.iterate_offset(fetch, limit=100)) == list(range(7))
    assert calls == [(0, 100), (3, 100), (6, 100)]  # the 1-item page is shorter than the earlier 3: the end

    def by_marker(marker: str | None, limit: int) -> tuple[Sequence[int], str | None]:
        start = 0 if marker is None else int(marker) + 1
        page = list(range(7))[start : start + min(limit, 3)]
        return page, rt.next_marker([{"id": i} for i in page], limit, "id", "id")

    assert list(rt.iterate_marker(by_marker, limit=100)) == list(range(7))

    async def run() -> list[int]:
        async def afetch(offset: int, limit: int) -> Sequence[int]:
            return list(range(7))[offset : offset + min(limit, 3)]

        async def amarker(marker: str | None, limit: int) -> tuple[Sequence[int], str | None]:
            return by_marker(marker, limit)

        return [i async for i in rt.aiterate_offset(afetch, limit=50)] + [
            i async for i in rt.aiterate_marker(amarker, limit=50)
        ]

    assert asyncio.run(run()) == list(range(7)) * 2


def test_a_listing_shorter_than_one_page_costs_one_more_request() -> None:
    calls, fetch = capped(4, 100)
    assert list(rt.iterate_offset(fetch, limit=10)) == [0, 1, 2, 3]
    assert calls == [(0, 10), (4, 10)]


def test_a_server_ignoring_the_cursor() -> None:
    calls: list[int] = []

    def short(offset: int, limit: int) -> Sequence[int]:  # the same short page, whatever the offset
        calls.append(offset)
        return [1, 2]

    assert list(rt.iterate_offset(short, limit=10)) == [1, 2]  # the repeat ends it: nothing yielded twice
    assert calls == [0, 2]

    def full(offset: int, limit: int) -> Sequence[int]:  # the same full page forever
        return list(range(limit))

    with pytest.raises(RuntimeError, match="same page again"):
        list(rt.iterate_offset(full, limit=3))


def test_next_marker_of_a_short_page() -> None:
    assert rt.next_marker([{"id": "a"}, {"id": "b"}], 10, "id", "id") == "b"  # the server may cap its pages
    assert rt.next_marker([{"id": "a"}, {"name": "b"}], 10, "id", "id") is None  # short, no marker: the end
    assert rt.next_marker([], 10, "id", "id") is None
    with pytest.raises(ValueError, match="full page"):
        rt.next_marker([{"id": "a"}, {"name": "b"}], 2, "id", "id")


def test_async_pagination() -> None:
    async def offset_fetch(offset: int, limit: int) -> Sequence[int]:
        return ITEMS[offset : offset + limit]

    calls: list[tuple[str | None, int]] = []
    sync_fetch = marker_fetch(calls)

    async def async_marker(marker: str | None, limit: int) -> tuple[Sequence[int], str | None]:
        result: tuple[Sequence[int], str | None] = sync_fetch(marker, limit)
        return result

    async def main() -> tuple[list[int], list[int]]:
        by_offset = [item async for item in rt.aiterate_offset(offset_fetch, limit=7)]
        by_marker = [item async for item in rt.aiterate_marker(async_marker, limit=4)]
        return by_offset, by_marker

    assert asyncio.run(main()) == (ITEMS, ITEMS)
    assert calls[:2] == [(None, 4), ("3", 4)]


# -- deprecation and planned versions ----------------------------------------------------------------------------


def generated_method() -> None:
    """Stands in for a generated client method: the default stacklevel points past it, at its caller."""
    rt.warn_deprecated("create_image", "1.0", "2025-03-31", "1.3", today=dt.date(2025, 1, 10))


def test_deprecation_warning_names_sunset_and_newest_version() -> None:
    with pytest.warns(rt.ApiDeprecationWarning) as record:
        generated_method()
    warning: Any = record[0].message
    assert type(warning) is rt.ApiDeprecationWarning
    assert issubclass(type(warning), DeprecationWarning)
    text = str(warning)
    assert "create_image (API version 1.0) is deprecated" in text
    assert "2025-03-31" in text and "use version 1.3" in text
    assert (warning.operation, warning.version, warning.sunset, warning.newest) == (
        "create_image",
        "1.0",
        "2025-03-31",
        "1.3",
    )
    assert record[0].filename == __file__  # attributed to the user's call site, not the generated method
    assert linecache.getline(__file__, record[0].lineno).strip() == "generated_method()"


def test_sunset_passed_warning_from_the_sunset_date_on() -> None:
    for today, expected in [
        (dt.date(2025, 3, 30), rt.ApiDeprecationWarning),
        (dt.date(2025, 3, 31), rt.SunsetPassedWarning),
        (dt.date(2026, 1, 1), rt.SunsetPassedWarning),
    ]:
        with warnings.catch_warnings(record=True) as record:
            warnings.simplefilter("always")
            rt.warn_deprecated("create_image", "1.0", "20250331", "1.3", today=today)
        assert [type(w.message) for w in record] == [expected]
    assert "sunset date 20250331 has passed" in str(record[0].message)
    assert issubclass(rt.SunsetPassedWarning, rt.ApiDeprecationWarning)


def test_deprecation_without_sunset_or_newer_version() -> None:
    with pytest.warns(rt.ApiDeprecationWarning, match="no sunset date is documented; no newer version"):
        rt.warn_deprecated("list_servers", "1.1", None, None)
    with pytest.warns(rt.ApiDeprecationWarning, match="no newer version"):
        rt.warn_deprecated("list_servers", "1.1", "2020-01-01", "1.1", today=dt.date(2019, 1, 1))


def test_sunset_passed_warning_is_shown_by_default() -> None:
    """In a plain interpreter (default filters) a library-attributed SunsetPassedWarning prints; the ordinary
    deprecation warning stays hidden, as DeprecationWarnings outside __main__ do (PEP 565)."""
    script = textwrap.dedent(f"""
        import datetime, sys, types
        sys.path.insert(0, {str(S.RUNTIME_PATH.parent)!r})
        import docs2client_runtime as rt
        library = types.ModuleType("some_library")
        source = "def call(rt, today):\\n"
        source += "    rt.warn_deprecated('op', '1.0', '2025-03-31', '1.3', stacklevel=2, today=today)"
        exec(source, library.__dict__)
        library.call(rt, datetime.date(2025, 1, 1))
        library.call(rt, datetime.date(2025, 6, 1))
        print("done")
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env={})
    assert result.stdout.strip() == "done"
    assert "SunsetPassedWarning" in result.stderr
    assert "sunset date 2025-03-31 has passed" in result.stderr
    assert "may stop working" not in result.stderr
    quiet = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", script], capture_output=True, text=True, check=True, env={}
    )
    assert quiet.stderr == ""  # explicit -W options win over the import-time filter


def test_planned_versions_are_not_callable() -> None:
    with pytest.raises(rt.PlannedVersionError, match=r"create_image \(API version 2.0\) is PLANNED.*use version 1.3"):
        rt.raise_planned("create_image", "2.0", newest="1.3")
    assert issubclass(rt.PlannedVersionError, RuntimeError)
