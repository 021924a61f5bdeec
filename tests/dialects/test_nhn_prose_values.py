"""Values, ranges and map keys an NHN guide writes in prose (``scraper/dialects/prose_values.py``,
``valid_range.read_prose_bounds``, the keyed map entries of ``field_tables``).

Read from committed guides (``pages/nhn/``: Network Flow Log en, Traffic Mirroring en, Private CA ko) and from
``tests/fixtures/nhn/unseen/api-gateway-keyed-map-entries.md`` (API Gateway en v2.0, lines 1 and 3889-3971).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scraper.build import spec_files
from scraper.build.openapi import validate_spec
from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.dialects.prose_values import named_values, one_of_values
from scraper.dialects.valid_range import read_prose_bounds
from scraper.model import Service
from scraper.readers import markdown
from tests.dialects.html_rendering import compare
from tests.dialects.nhn_corpus import inlined
from tests.dialects.test_nhn_unseen import UNSEEN
from tests.paths import ROOT

PAGES = ROOT / "pages" / "nhn"


def _read(path: Path) -> tuple[Service, dict[str, Any]]:
    [service] = NhnDialect().read(markdown.read(path.read_text(encoding="utf-8"), path.name), PageInfo(path.name))
    _, specs = spec_files(service)
    [spec] = specs.values()
    assert validate_spec(spec) == ""
    view: dict[str, Any] = inlined(spec, spec)
    return service, view


def _body(operation: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = operation["requestBody"]["content"]["application/json"]["schema"]
    return schema


def _answer(operation: dict[str, Any]) -> dict[str, Any]:
    [response] = [r for status, r in operation["responses"].items() if status.startswith("2")]
    schema: dict[str, Any] = response["content"]["application/json"]["schema"]
    return schema


def test_a_response_field_documents_the_values_its_description_states() -> None:
    # Network Flow Log en, 'Create a flow log logger': the response row ``flowlog_logger.filter | Body | String |
    # ... One of `ALL`, `ACCEPT`, or `DROP`.<br>* ...`` says what the API sends, which a client must not enforce
    _, spec = _read(PAGES / "Network-Flow-Log__en__public-api.md")
    received = _answer(spec["paths"]["/v2.0/flowlog-loggers"]["post"])["properties"]["flowlog_logger"]["properties"]
    assert "enum" not in received["filter"]
    assert received["filter"]["x-documented-values"] == ["ALL", "ACCEPT", "DROP"]
    assert received["resource_type"]["x-documented-values"] == ["VPC", "SUBNET", "PORT"]
    # "Can be `CSV`, `PARQUET` file format", "Currently only `OBS` is supported": no marker of a whole set
    assert "x-documented-values" not in received["log_format"]
    assert "x-documented-values" not in received["storage_type"]


def test_a_request_field_takes_the_values_its_description_states() -> None:
    # Network Flow Log en, 'Create a flow log logger': ``flowlog_logger.filter | Body | String | | ... One of `ALL`,
    # `ACCEPT`, or `DROP`. The default is `ALL`.<br>* ...``: the request field was any string
    service, spec = _read(PAGES / "Network-Flow-Log__en__public-api.md")
    sent = _body(spec["paths"]["/v2.0/flowlog-loggers"]["post"])["properties"]["flowlog_logger"]["properties"]
    assert sent["filter"]["enum"] == ["ALL", "ACCEPT", "DROP"]
    assert sent["filter"]["default"] == "ALL"
    assert sent["resource_type"]["enum"] == ["VPC", "SUBNET", "PORT"]
    assert "enum" not in sent["log_format"] and "enum" not in sent["storage_type"]
    read = [f for f in service.findings if f.kind == "enum-from-prose" and "flowlog_logger.filter" in f.message]
    assert [f.line for f in read] == [220]
    assert "ALL, ACCEPT, DROP" in read[0].message


def test_a_request_field_whose_example_shows_another_value_keeps_the_words() -> None:
    # the guide's own example is what the API took: a value the words leave out says they are not the whole set
    text = (PAGES / "Network-Flow-Log__en__public-api.md").read_text(encoding="utf-8")
    text = text.replace(
        '"filter": "ALL",\n        "aggregation_interval": 1,\n        "connection_setup_only"',
        '"filter": "REJECT",\n        "aggregation_interval": 1,\n        "connection_setup_only"',
        1,
    )
    [service] = NhnDialect().read(markdown.read(text, "g.md"), PageInfo("g.md"))
    [operation] = [o for o in service.operations if o.method == "POST" and o.path == "/v2.0/flowlog-loggers"]
    [version] = operation.versions.values()
    assert version.request_body is not None
    sent = version.request_body.schema["properties"]["flowlog_logger"]["properties"]
    assert "enum" not in sent["filter"]
    assert any(f.kind == "enum-from-prose" and "'REJECT'" in f.message for f in service.findings)


def test_a_request_field_takes_the_bounds_its_description_states_a_response_field_keeps_the_words() -> None:
    # Traffic Mirroring en, 'Create Filter Groups': ``filtergroup.name | Body | String | - | Name (up to 32
    # characters, English letters/numbers/`-`/`_`)`` with no valid-range column
    service, spec = _read(PAGES / "Traffic-Mirroring__en__public-api.md")
    operation = spec["paths"]["/v2.0/mirroring/filtergroups"]["post"]
    sent = _body(operation)["properties"]["filtergroup"]["properties"]
    assert sent["name"]["maxLength"] == 32
    assert sent["description"]["maxLength"] == 255
    received = _answer(operation)["properties"]["filtergroup"]["properties"]
    assert "maxLength" not in received["name"]
    assert any(f.kind == "range-from-prose" and f.line == 391 for f in service.findings)


def test_values_in_parentheses_after_the_fields_own_name_are_documented() -> None:
    # Private CA ko: ``listCerts[].type | String | 인증서 타입(`ROOT`, `INTERMEDIATE`, `LEAF`)`` (a response)
    _, spec = _read(PAGES / "PrivateCA__ko__api-guide-v2.0.md")
    documented = [
        schema["x-documented-values"]
        for item in spec["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "responses" in operation
        for schema in _walk(operation["responses"])
        if "x-documented-values" in schema
    ]
    assert ["ROOT", "INTERMEDIATE", "LEAF"] in documented
    assert ["ACTIVE", "INACTIVE", "REVOKED", "EXPIRED", "DELETED"] in documented


def _walk(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found.extend(_walk(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_walk(value))
    return found


def test_a_map_entry_indexed_by_a_placeholder_label_is_the_maps_value() -> None:
    # API Gateway en v2.0 'Redefine gateway response': ``headers | Map`` over ``headers[{HeaderName}] | Object |
    # Required``, the example ``"headers": { "test1": "test1" }``: the row was a required member named
    # ``headers[{HeaderName}]``
    name = "api-gateway-keyed-map-entries.md"
    service, spec = _read(UNSEEN / name)
    operation = spec["paths"]["/v2.0/appkeys/{appKey}/services/{apigwServiceId}/gateway-responses"]["put"]
    body = _body(operation)
    assert sorted(body["properties"]) == ["body", "gatewayResponseType", "headers", "httpStatusCode"]
    assert "headers[{HeaderName}]" not in body.get("required", [])
    headers = body["properties"]["headers"]
    assert headers["type"] == "object"
    assert headers["additionalProperties"] == {
        "description": "Map Entry of Gateway response headers (Key: header name, Value: header value)"
    }
    received = _answer(operation)["properties"]["gatewayResponse"]["properties"]
    assert "headers[{HeaderName}]" not in received and "additionalProperties" in received["headers"]
    assert any(f.kind == "map-key" and "any value" in f.message for f in service.findings)
    assert any(f.kind == "row-repair" and "headers[{HeaderName}]" in f.message for f in service.findings)
    result = compare(UNSEEN / name, "markdown-it")
    assert not result.error and result.html_operations == result.markdown_operations


@pytest.mark.parametrize(
    ("description", "values"),
    [
        ("One of `ALL`, `ACCEPT`, or `DROP`. The default is `ALL`.", ["ALL", "ACCEPT", "DROP"]),
        # a text rendering: code spans set off by spaces, the cell's lines joined to one
        ("One of ALL , ACCEPT , or DROP . * ACCEPT only captures packets", ["ALL", "ACCEPT", "DROP"]),
        ("Either`private`, or `shared`", ["private", "shared"]),
        # Network Load Balancer en: values joined by slashes, JSON null among them
        ("Load balancer type<br>One of `shared`/`dedicated`", ["shared", "dedicated"]),
        ("Action of the IP ACL groups applied to the load balancer\nOne of `null`/`DENY`/`ALLOW`", ["DENY", "ALLOW"]),
        ("One of `application/json`", []),
        ("requires input of one of the 'HTTP' or 'MOCK' plugin", []),
        ("イメージの可視性\n`private`, `shared`のいずれか", ["private", "shared"]),
        ("イメージの可視性 private , shared のいずれか", ["private", "shared"]),
    ],
)
def test_a_stated_list_is_read_whole_or_not_at_all(description: str, values: list[str]) -> None:
    assert one_of_values(description, strict=True) == values


@pytest.mark.parametrize(
    ("description", "name", "values"),
    [
        ("Certificate type (`ROOT`, `INTERMEDIATE`, `LEAF`)", "listCerts[].type", ["ROOT", "INTERMEDIATE", "LEAF"]),
        ("Protocol(TCP, UDP, ICMP)", "rule.protocol", ["TCP", "UDP", "ICMP"]),
        ("Serial number (hexadecimal, colon-separated)", "serialNumber", []),  # Private CA en: prose
        ("Search start time (e.g., 2023-10-27T19:30:00+09:00)", "startDateTime", []),
        ("Volume size (GB)", "size", []),
        ("Delivery method (SMS, LMS)", "sendType", []),  # not the field's own name
    ],
)
def test_values_are_read_in_parentheses_only_after_the_fields_name(
    description: str, name: str, values: list[str]
) -> None:
    assert named_values(description, name) == values


@pytest.mark.parametrize(
    ("description", "kind", "bounds"),
    [
        ("Port number (1-65535)", "integer", {"minimum": 1, "maximum": 65535}),
        ("Custom response body (maximum 1,024 characters)", "string", {"maxLength": 1024}),
        ("Page size | Min 10, Max 100.", "integer", {"minimum": 10, "maximum": 100}),
        ("조회 결과의 사이즈 조건(기본: 20, 최대 1000)", "integer", {"maximum": 1000}),
        # the line under the label a clause of its own, or ending the label's when a rendering joins the lines
        (
            "Initialization container execution timeout (seconds)\n30 ~ 120 (default: 30)",
            "integer",
            {"minimum": 30, "maximum": 120},
        ),
        (
            "Initialization container execution timeout (seconds) 30 ~ 120 (default: 30)",
            "integer",
            {"minimum": 30, "maximum": 120},
        ),
        ("Enter 1-10 names", "integer", {}),
        # E-mail en 'receiverList': a thousands separator is no clause break (it read maxItems 1)
        ("List of recipients\nSend up to 1,000 persons", "array", {}),
        ("볼륨은 최소 300GB에서 최대 10,000GB까지, 100GB 단위로 설정할 수 있습니다.", "integer", {}),
        ("Keep for 1~2 days", "integer", {}),
        ("Name, max 32 characters", "integer", {}),  # a length is no bound of a number
        ("(1-3) or (5-9)", "integer", {}),
    ],
)
def test_bounds_are_read_from_whole_clauses_of_the_description(
    description: str, kind: str, bounds: dict[str, int]
) -> None:
    assert read_prose_bounds(description, kind) == bounds


def test_a_query_parameter_takes_the_bounds_its_description_states() -> None:
    # Alimtalk sender API v2.3 en, 'List Senders': ``|pageSize| Integer| X| page size(Default: 15, Max: 1000)|``
    service, spec = _read(PAGES / "Alimtalk__en__sender-api-guide-v2.3.md")
    [page_size] = [
        p
        for p in spec["paths"]["/alimtalk/v2.3/appkeys/{appkey}/senders"]["get"]["parameters"]
        if p["name"] == "pageSize"
    ]
    assert page_size["schema"]["maximum"] == 1000
    assert "minimum" not in page_size["schema"]
    assert any(f.kind == "range-from-prose" and "'pageSize'" in f.message for f in service.findings)
