"""``format: date`` and ``date-time`` parameters take ``datetime.date`` / ``datetime.datetime`` (or the text, as
before) and send ISO 8601: a date as ``YYYY-MM-DD``, a date-time as RFC 3339 with its offset. A naive datetime
has no offset, and guessing one (UTC? the local zone?) would move the instant by hours: it is refused with a
``ValueError`` that says so, before anything is sent."""

from __future__ import annotations

import copy
import datetime
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from scraper.atomic import write_tree
from scraper.clients.package import render_package
from tests.clients.package_import import imported

DATE = {"type": "string", "format": "date"}
DATE_TIME = {"type": "string", "format": "date-time"}
SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Dated", "version": "1.0"},
    "paths": {
        "/days/{day}": {
            "get": {
                "operationId": "getDay",
                "parameters": [
                    {"name": "day", "in": "path", "required": True, "schema": DATE},
                    {"name": "since", "in": "query", "schema": DATE_TIME},
                    {"name": "until", "in": "query", "schema": {"anyOf": [DATE_TIME, {"type": "null"}]}},
                    {"name": "X-As-Of", "in": "header", "schema": DATE_TIME},
                ],
                "responses": {"204": {"description": "done"}},
            }
        }
    },
}
AWARE = datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=datetime.timezone(datetime.timedelta(hours=9)))


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, ModuleType]]:
    root = tmp_path_factory.mktemp("dated") / "dated"
    write_tree(root, render_package([SPEC], package_name="dated"))
    with imported(root, "dated.v1_0") as module:
        yield root, module


def _send(api: ModuleType, call: Any) -> httpx.Request:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204)

    with api.Client(base_url="https://dated.test", transport=httpx.MockTransport(handler)) as client:
        call(client)
    [request] = sent
    return request


def test_date_parameters_are_typed_as_dates_or_text(package: tuple[Path, ModuleType]) -> None:
    source = (package[0] / "dated" / "v1_0" / "client.py").read_text(encoding="utf-8")
    assert "day: _dt.date | str" in source
    assert "since: _dt.datetime | str | None = None" in source
    assert "until: _dt.datetime | str | None = None" in source
    assert "x_as_of: _dt.datetime | str | None = None" in source


def test_dates_go_on_the_wire_as_iso_8601(package: tuple[Path, ModuleType]) -> None:
    request = _send(
        package[1],
        lambda c: c.get_day(datetime.date(2024, 5, 6), since=AWARE, until=AWARE, x_as_of=AWARE),
    )
    assert request.url.path == "/days/2024-05-06"
    assert request.url.params.get_list("since") == ["2024-05-06T07:08:09+09:00"]
    assert request.url.params.get_list("until") == ["2024-05-06T07:08:09+09:00"]
    assert request.headers["X-As-Of"] == "2024-05-06T07:08:09+09:00"


def test_text_is_still_sent_as_given(package: tuple[Path, ModuleType]) -> None:
    request = _send(package[1], lambda c: c.get_day("2024-05-06", since="2024-05-06T00:00:00Z"))
    assert request.url.path == "/days/2024-05-06"
    assert request.url.params.get_list("since") == ["2024-05-06T00:00:00Z"]


@pytest.mark.parametrize("where", ["since", "x_as_of", "day"])
def test_a_naive_datetime_is_refused_not_guessed(package: tuple[Path, ModuleType], where: str) -> None:
    naive = datetime.datetime(2024, 5, 6, 7, 8, 9)
    values: dict[str, Any] = {"day": datetime.date(2024, 5, 6), where: naive}
    with pytest.raises(ValueError, match="no timezone"):
        _send(package[1], lambda c: c.get_day(**values))


def test_a_format_that_is_no_string_is_no_date() -> None:
    """A mutated ``format`` (a list, a mapping) is ignored, as every other malformed keyword: the text type stays."""
    spec = copy.deepcopy(SPEC)
    spec["paths"]["/days/{day}"]["get"]["parameters"][1]["schema"] = {"type": "string", "format": ["date"]}
    source = render_package([spec], package_name="dated")["dated/v1_0/client.py"].decode("utf-8")
    assert "since: str | None = None" in source
