"""Guides whose parts are served by different hosts: each endpoint a part of the guide declares serves that part's
operations (``tests/fixtures/nhn/unseen/README.md``, the rows naming this file and ``log-crash-scoped-...``).

A client built from such a spec must send each operation to the host the guide names for it; before, the first
declared endpoint served every operation (AppGuard) or none did (Log & Crash Search: no servers at all).
"""

from __future__ import annotations

from typing import Any

from scraper.model import Service
from tests.dialects.test_nhn_unseen import _read


def _servers(spec: dict[str, Any], path: str, method: str) -> list[str]:
    return [s["url"] for s in spec["paths"][path][method].get("servers", [])]


def _kinds(service: Service) -> list[str]:
    return [f.kind for f in service.findings]


def test_an_endpoint_table_in_each_part_serves_that_parts_operations() -> None:
    # AppGuard (en/ko/ja/zh): ``## NHN AppGuard Public API`` and ``## Integrity Verification API Guide`` each open
    # with an ``[API Domain]`` table naming another host; the Integrity API's operations went to the first host
    service, spec = _read("appguard-endpoint-table-per-part.md")
    assert [s["url"] for s in spec["servers"]] == ["https://gizmoguard.api.example.com"]
    assert _servers(spec, "/v1.0/appkeys/{appkey}/dashboard/status", "get") == []
    assert _servers(spec, "/integrity-api/v1.0/client/apps/{appId}/token-info", "get") == [
        "https://api-gizmo-integrity.example.com"
    ]
    scoped = [f for f in service.findings if f.kind == "scoped-endpoint"]
    assert len(scoped) == 1 and "https://api-gizmo-integrity.example.com" in scoped[0].message
    assert "1 operation" in scoped[0].message


def test_a_labelled_endpoint_after_some_operations_serves_the_operations_of_its_part() -> None:
    # Log & Crash Search (en): ``API Endpoint: https://api-lncs-search...`` under the Log Search API's "Basic
    # Information", after the Collect Log API: the search operations had no server at all
    service, spec = _read("log-crash-scoped-endpoint-line.md")
    assert _servers(spec, "/api/v2/search/{appkey}", "post") == ["https://api-gizmo-search.example.com"]
    scoped = next(f for f in service.findings if f.kind == "scoped-endpoint")
    assert "1 operation" in scoped.message


def test_one_endpoint_table_still_serves_the_whole_guide() -> None:
    _service, spec = _read("cloud-search-environment-uri-table.md")
    assert all("servers" not in op for item in spec["paths"].values() for op in item.values())


def test_a_host_written_without_a_scheme_beside_key_value_lines_is_the_operations_host() -> None:
    # Log & Crash Search (en): ``- Log & Crash: api-logncrash.nhncloudservice.com`` over ``- Method of Delivery:
    # POST`` and ``- URI: /v2/log``: the host was dropped, so the guide had no server and every client call needed a
    # base_url (and a base_url sent the search operations there too)
    service, spec = _read("log-crash-scoped-endpoint-line.md")
    assert "/v2/log" in spec["paths"]
    assert [s["url"] for s in spec["servers"]] == ["https://api-gizmo-collect.example.com"]
    assert _servers(spec, "/api/v2/search/{appkey}", "post") == ["https://api-gizmo-search.example.com"]
    bare = next(f for f in service.findings if f.kind == "host-without-scheme")
    assert "https:// assumed" in bare.message
