"""Guides of the tenth robustness round, batch b (``tests/fixtures/nhn/unseen/README.md``, the rows naming this file).

Each test is one defect found by reading NHN guides the dialect had never seen (Autocomplete, Text to Speech, OTP,
Transit Hub, NAT Gateway, Network ACL, Vehicle Plate Recognizer), on a short synthetic mirror of the shape: what the
guide writes, what the reader made of it, and what a client needs instead.
"""

from __future__ import annotations

from typing import Any

from scraper.model import Service
from tests.dialects.test_nhn_unseen import _read


def _kinds(service: Service) -> list[str]:
    return [f.kind for f in service.findings]


def _params(operation: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(p["name"], p["in"]): p for p in operation.get("parameters", [])}


def test_an_environment_uri_table_is_the_endpoint() -> None:
    # Autocomplete: ``## Common`` > ``| Environment | URI |`` over ``| REAL | https://kr1-autocomplete...``
    # (ko 환경, ja 環境): a URI column was no endpoint column, so the spec had no servers ("no-endpoint")
    service, spec = _read("suggest-environment-uri-table.md")
    assert "no-endpoint" not in _kinds(service)
    [server] = spec["servers"]
    assert server["url"] == "https://{region}-suggest.api.nhncloudservice.com"
    assert server["variables"]["region"]["default"] == "kr1"


def test_a_required_mark_closing_the_description_is_read_where_no_column_holds_one() -> None:
    # Autocomplete: ``Parameter Information`` as ``Name | Description`` rows ``count | Number of results (required)``,
    # ``query | Query (required)``: every query parameter was optional
    service, spec = _read("suggest-environment-uri-table.md")
    params = _params(spec["paths"]["/suggest/v1.0/appkeys/{appKey}/lookup"]["get"])
    assert params[("limit", "query")]["required"] is True
    assert params[("term", "query")]["required"] is True
    assert params[("lang", "query")]["required"] is False
    assert "row-repair" in _kinds(service)
