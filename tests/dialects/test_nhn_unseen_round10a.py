"""Guides of the tenth robustness round, batch a (``tests/fixtures/nhn/unseen/README.md``, the rows naming this file).

Each test is one defect found by reading NHN guides (Floating IP, Cloud Search, Autocomplete, ShortURL, OTP,
Document Recognizer, AppGuard, ...) against the specs the dialect made of them, on a short synthetic mirror of the
shape: what the guide writes, what the reader made of it, and what a client needs instead.
"""

from __future__ import annotations

from scraper.model import Service
from tests.dialects.test_nhn_unseen import _read


def _kinds(service: Service) -> list[str]:
    return [f.kind for f in service.findings]


def test_an_endpoint_cell_repeating_its_urls_gives_every_region() -> None:
    # Floating IP (en): the Endpoint cell lists four URLs, then a stray link's target repeats the last two
    # (``...us1...](https://jp1...<br>https://us1...)``): six URLs for four regions, so no region template could be
    # made and the spec's one server was the first region's URL
    service, spec = _read("floating-ip-repeated-endpoint-urls.md")
    [server] = spec["servers"]
    assert server["url"] == "https://{region}-api-gizmo.example.com"
    assert server["variables"]["region"]["enum"] == ["ka1", "kb2", "jg1"]
    assert "endpoint-table" in _kinds(service)
    repeated = next(f for f in service.findings if f.kind == "endpoint-table")
    assert "repeat" in repeated.message


def test_an_environment_and_uri_table_outside_the_operations_is_the_endpoint() -> None:
    # Cloud Search, Autocomplete (en/ko/ja): ``| Environment | URI |`` over ``| REAL | https://kr1-search... |`` in
    # the common section: a URI column was no endpoint column, so the spec had no servers (missing-server)
    service, spec = _read("cloud-search-environment-uri-table.md")
    assert [s["url"] for s in spec["servers"]] == ["https://{region}-gizmo-search.example.com"]
    assert "missing-server" not in _kinds(service)
    assert "no-endpoint" not in _kinds(service)


def test_an_endpoint_written_as_a_labelled_line_is_the_server() -> None:
    # ShortURL (en/ko/ja): ``API Endpoint: https://api-shorturl...`` alone in a code block under "Basic
    # information": only a URL alone on its line was read, so the spec had no servers
    service, spec = _read("shorturl-endpoint-line-in-code.md")
    assert [s["url"] for s in spec["servers"]] == ["https://api-gizmourl.example.com"]
    assert "endpoint-from-text" in _kinds(service)
    assert "missing-server" not in _kinds(service)


def test_a_labelled_endpoint_after_some_operations_serves_only_its_part() -> None:
    # Log & Crash Search (en): ``API Endpoint: https://api-lncs-search...`` under the Log Search API's "Basic
    # Information", after the Collect Log API, which another host (api-logncrash) serves: not the whole guide's server
    service, spec = _read("log-crash-scoped-endpoint-line.md")
    assert [s["url"] for s in spec["servers"]] == ["https://api-gizmo-collect.example.com"]  # the Collect Log API's
    scoped = next(f for f in service.findings if f.kind == "scoped-endpoint")
    assert "https://api-gizmo-search.example.com" in scoped.message


def test_a_response_naming_the_common_response_body_is_that_body() -> None:
    # OTP (en/ko/ja, Korean text): ``## 응답 공통 정보`` (response common information: the words in the other
    # order than 공통 응답) documents the ``header`` envelope, and a GET's ``### 응답`` says only "공통 응답 본문"
    # (common response body): the GET was a 204 with no body ("no Response section")
    service, spec = _read("otp-ko-common-response-reference.md")
    path = "/otp/v1.0/appkeys/{appKey}/codes/{code}/verification"
    responses = spec["paths"][path]["get"]["responses"]
    assert list(responses) == ["200"]
    schema = responses["200"]["content"]["application/json"]["schema"]
    header = schema["properties"]["header"]
    assert set(header["properties"]) == {"resultCode", "resultMessage", "successful"}
    assert "no-response-section" not in _kinds(service)
    assert "common-response" in _kinds(service)


def test_a_table_headed_by_a_fields_name_lists_that_fields_values() -> None:
    # Document Recognizer v2.0 ID Card (en/ko/ja): after ``keyValues[0].key | String``, ``| key | value type |
    # description |`` tables list the keys a ``keyValues`` entry may carry (``**name** | string``, ...), one per
    # card type: their rows were read as response fields, duplicates of each other, and the flat rows were no longer
    # nested under the example's ``result`` (``name``, ``fileType``, ... top-level beside ``result``)
    service, spec = _read("document-recognizer-key-value-tables.md")
    schema = spec["paths"]["/v2.0/appkeys/{appKey}/gizmo-card"]["post"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]
    assert set(schema["properties"]) == {"header", "result"}
    result = schema["properties"]["result"]["properties"]
    assert set(result) == {"cardType", "keyValues"}
    assert set(result["keyValues"]["items"]["properties"]) == {"key", "value", "conf"}
    assert "duplicate-field" not in _kinds(service)
    listed = [f for f in service.findings if f.kind == "value-listing-table"]
    assert len(listed) == 2
    assert "keyValues.key" in listed[0].message


def test_a_numbered_operation_heading_names_the_operation_without_its_number() -> None:
    # Cloud Search, Autocomplete, ShortURL: ``### 1. Start``, ``### 1. Search`` (numbered within each section): the
    # list number made the operation ids (``op1Start``, ``op1Search``) and so the client's method names
    _, spec = _read("cloud-search-environment-uri-table.md")
    ids = sorted(op["operationId"] for item in spec["paths"].values() for op in item.values())
    assert ids == ["search", "start"]
    summaries = sorted(op["summary"] for item in spec["paths"].values() for op in item.values())
    assert summaries == [
        "Search",
        "Start",
    ]  # the number is the guide's list order (tests/dialects/test_operation_titles.py)


def test_a_response_header_table_beside_the_envelope_table_is_said_not_dropped() -> None:
    # Document Recognizer v2.0 ID Card: ``[Response Header]`` over ``Request-Key`` and ``[Header]`` over the
    # members of the example's ``header`` object: with the HTTP header among them, the envelope rows were not
    # read as ``header``'s fields (undocumented-example-field 'header'), and Request-Key vanished unsaid
    service, spec = _read("document-recognizer-key-value-tables.md")
    schema = spec["paths"]["/v2.0/appkeys/{appKey}/gizmo-card"]["post"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]
    header = schema["properties"]["header"]
    assert header["properties"]["isSuccessful"]["description"] == "Success or not"
    said = next(f for f in service.findings if f.kind == "response-headers")
    assert "Request-Key" in said.message
    assert "isSuccessful" not in said.message


def test_a_valid_range_of_values_joined_by_slashes_is_the_strings_values() -> None:
    # Text to Speech (en/ko/ja): ``fileType | String | Optional | MP3 | MP3/WAV``, ``language | ... | KO/EN/JA/ZH``:
    # the slash-joined values were one word of prose (no enum), and ``Up to 1,000 characters`` was no maxLength
    _, spec = _read("tts-slash-values-valid-range.md")
    body = spec["paths"]["/v1.0/appkeys/{appKey}/tts"]["post"]["requestBody"]["content"]["application/json"]
    fields = body["schema"]["properties"]
    assert fields["fileType"]["enum"] == ["MP3", "WAV"]
    assert fields["language"]["enum"] == ["KO", "EN", "JA", "ZH"]
    assert "enum" not in fields["mimeType"]  # one media type, not values
    assert fields["inputText"]["maxLength"] == 1000
    assert fields["speed"]["minimum"] == 0.5
