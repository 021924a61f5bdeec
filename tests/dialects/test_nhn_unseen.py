"""Guides the NHN dialect was not built against (``tests/fixtures/nhn/unseen/README.md``).

Each excerpt test is one defect the robustness campaign found on real guides outside ``pages/nhn/``: what the guide
writes, what the reader made of it, and what a client needs instead. The whole-guide test checks that every counted
operation is found, nothing else is, nothing raises and every emitted document is valid OpenAPI.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from scraper.build import PageInput, spec_files
from scraper.build.openapi import validate_spec
from scraper.dialects import PageInfo
from scraper.dialects.field_tables import required_mark
from scraper.dialects.nhn import NhnDialect
from scraper.dialects.operation_lines import parse_documented_path
from scraper.model import Service
from scraper.readers import markdown, read_page
from scraper.type_vocabulary import read_type
from tests.dialects.nhn_corpus import build_page, guide_build, inlined, match_operations, parse_operation
from tests.dialects.text_rendering import text_rendering
from tests.paths import ROOT

UNSEEN = ROOT / "tests" / "fixtures" / "nhn" / "unseen"
GUIDES = UNSEEN / "guides"


def _read(name: str) -> tuple[Service, dict[str, Any]]:
    """The service a fixture reads into and its one spec document (checked valid), with schema references inlined
    (what the guide wrote at each place, whether or not the build shares a repeated object as a component)."""
    path = UNSEEN / name
    [service] = NhnDialect().read(markdown.read(path.read_text(encoding="utf-8"), name), PageInfo(name, "", ()))
    _, specs = spec_files(service)
    assert len(specs) == 1, sorted(specs)
    [spec] = specs.values()
    assert validate_spec(spec) == ""
    view: dict[str, Any] = inlined(spec, spec)
    return service, view


def _params(operation: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(p["name"], p["in"]): p for p in operation.get("parameters", [])}


def _kinds(service: Service) -> list[str]:
    return [f.kind for f in service.findings]


def test_a_sample_request_is_the_operations_example_not_another_operation() -> None:
    service, spec = _read("leaderboard-sample-requests.md")
    base = "/leaderboard/v2.0/appkeys/{appkey}"
    assert sorted((m, p) for p, item in spec["paths"].items() for m in item) == [
        ("get", f"{base}/factor-count"),
        ("get", f"{base}/factors"),
        ("post", f"{base}/factors/{{factor}}/users"),
    ]
    assert _kinds(service).count("sample-request") == 3
    factors = _params(spec["paths"][f"{base}/factors"]["get"])
    # the sample's query values are examples of the documented parameters, not fixed values
    assert factors[("factor", "query")]["example"] == 1 and factors[("factor", "query")]["required"] is True
    assert factors[("transactionId", "query")]["example"] == 12345
    assert factors[("transactionId", "query")]["required"] is False
    assert not any("const" in p["schema"] for p in factors.values())
    # the sample POST's body (after its request line and headers, missing a comma) is the request example
    post = spec["paths"][f"{base}/factors/{{factor}}/users"]["post"]
    example = post["requestBody"]["content"]["application/json"]["example"]
    assert example == {"transactionId": 1234, "isPast": False, "userRanks": [3, 1, 4, 5, 2, 0], "isSort": False}
    assert any(f.kind == "example-repaired" and "missing commas" in f.message for f in service.findings)


def test_a_response_written_as_a_whole_http_message_gives_its_body() -> None:
    _, spec = _read("leaderboard-sample-requests.md")
    response = spec["paths"]["/leaderboard/v2.0/appkeys/{appkey}/factor-count"]["get"]["responses"]["200"]
    assert response["content"]["application/json"]["example"]["totalFactorCount"] == 5


def test_query_values_in_a_documented_path_are_examples_when_rows_document_them() -> None:
    page = GUIDES / "Cloud-Search__en__api-v2.0-guide.md"
    build = build_page(PageInput(name=page.name, path=page, provider="nhn", format="markdown"))
    assert not build.crash
    [spec] = build.specs.values()
    search = spec["paths"]["/indexing/v2.0/appkeys/{appKey}/serviceids/{serviceId}/search"]["get"]
    params = _params(search)
    for name, value in (("start", "1"), ("size", "10"), ("q_option", "and,title*1.0")):
        assert "const" not in params[(name, "query")]["schema"], name
        assert params[(name, "query")]["example"] == value
        # required by the description's own mark ("Start number (required)"), not by the value in the path
        assert params[(name, "query")]["required"] is True
    # "passage.title=180" under a row for the family "passage.*"
    assert params[("passage.title", "query")]["example"] == "180"
    assert params[("passage.title", "query")]["required"] is False
    # the rows "passage.*" and "summary.*" name families of parameters, not parameters
    assert not any(name.endswith((".", "*")) for name, _ in params)
    assert any(f["kind"] == "parameter-family" and "summary." in f["message"] for f in build.findings)
    log = spec["paths"]["/indexing/v2.0/appkeys/{appKey}/serviceids/{serviceId}/indexing_log"]["get"]
    assert _params(log)[("id", "query")]["schema"] == {"type": "string"}


def test_a_raw_html_table_in_markdown_documents_parameters() -> None:
    # Cloud-Search "View stat": the parameters of a URI with example values are a <table> with a rowspan cell
    page = GUIDES / "Cloud-Search__en__api-v2.0-guide.md"
    build = build_page(PageInput(name=page.name, path=page, provider="nhn", format="markdown"))
    [spec] = build.specs.values()
    stats = _params(spec["paths"]["/stats/v2.0/appkeys/{appKey}/serviceids/{serviceId}/stats"]["get"])
    assert stats[("kind", "query")]["example"] == "total_query_count"
    assert stats[("date", "query")]["example"] == "2024-01-29"
    assert not any("const" in p["schema"] for p in stats.values())


def test_query_values_that_name_a_format_are_placeholders() -> None:
    path = parse_documented_path(
        "/logs?container={ContainerName}&from={YYYY-MM-DDThh:mm:ssZ}&to=<end>&list={no},{no}&fixed=true"
    )
    assert path.query == [("container", None), ("from", None), ("to", None), ("list", None), ("fixed", "true")]


def test_a_fixed_query_value_that_tells_operations_apart_stays_fixed() -> None:
    text = """## Network > VPC > API v2 Guide

### List VPCs

```
GET /v2.0/vpcs
X-Auth-Token: {tokenId}
```

| Name | Type | Format | Required | Description |
|---|---|---|---|---|
| router:external | Query | Boolean | - | External networks only |

### List external networks

```
GET /v2.0/vpcs?router:external=true
X-Auth-Token: {tokenId}
```

| Name | Type | Format | Required | Description |
|---|---|---|---|---|
| router:external | Query | Boolean | O | Must be true |
"""
    [service] = NhnDialect().read(markdown.read(text, "vpc.md"), PageInfo("vpc.md", "", ()))
    external = next(op for op in service.operations if op.variant)
    [entry] = external.versions.values()
    [param] = [p for p in entry.parameters if p.name == "router:external"]
    assert param.schema.get("const") == "true" and param.required


def test_na_in_a_default_column_is_no_default() -> None:
    _, spec = _read("api-gateway-na-defaults.md")
    [item] = spec["paths"].values()
    params = _params(item["get"])
    assert "default" not in params[("startTime", "query")]["schema"]  # was "N/A" for a date-time: invalid document
    assert "default" not in params[("apigwServiceId", "path")]["schema"]
    assert params[("page", "query")]["schema"]["default"] == 1


def test_one_of_the_following_values_lists_every_value() -> None:
    service, spec = _read("compute-image-enum-default.md")
    params = _params(spec["paths"]["/v2/images"]["get"])
    member = params[("member_status", "query")]["schema"]
    assert member["enum"] == ["accepted", "pending", "rejected", "all"] and member["default"] == "accepted"
    assert params[("visibility", "query")]["schema"]["enum"] == ["public", "private", "shared"]
    assert params[("sort_dir", "query")]["schema"]["enum"] == ["asc", "desc"]
    assert "default-mismatch" not in _kinds(service)


def test_a_default_the_schema_rejects_or_prose_describes_is_no_default() -> None:
    text = """## Compute > Thing > API v2 Guide

### List things

```
GET /v2/things
```

| Name | Type | Format | Required | Description |
|---|---|---|---|---|
| order | Query | Enum | - | Either `asc` or `desc`<br>Default is `newest` |
| since | Query | Datetime | - | Start time<br>Default: now |
| from | Query | String | - | Log start time (default: 5 minutes before current) |
| size | Query | Integer | - | Page size (default: 100) |
| every | Query | Integer | - | Interval in minutes. The default is 10 minutes. |
| wipe | Query | Boolean | - | Delete the volume too. Default value is `false`.<br>Keep it if `false`. |
"""
    [service] = NhnDialect().read(markdown.read(text, "t.md"), PageInfo("t.md", "", ()))
    _, specs = spec_files(service)
    [spec] = specs.values()
    assert validate_spec(spec) == ""
    params = _params(spec["paths"]["/v2/things"]["get"])
    assert params[("order", "query")]["schema"] == {"type": "string", "enum": ["asc", "desc"]}
    assert "default" not in params[("since", "query")]["schema"]
    # a default the description explains in words is no value ("5"); one that ends its clause is
    assert "default" not in params[("from", "query")]["schema"]
    assert params[("size", "query")]["schema"]["default"] == 100
    assert params[("every", "query")]["schema"]["default"] == 10
    assert params[("wipe", "query")]["schema"]["default"] is False  # Compute-Instance: "Default value is `false`."
    assert _kinds(service).count("default-mismatch") == 2


def test_enum_values_listed_one_per_line() -> None:
    service, spec = _read("rds-mariadb-enum-lists.md")
    groups = spec["paths"]["/v4.0/db-instance-groups"]["get"]["responses"]["200"]
    item = groups["content"]["application/json"]["schema"]["properties"]["dbInstanceGroups"]["items"]
    assert item["properties"]["replicationType"]["enum"] == ["STANDALONE", "HIGH_AVAILABILITY"]
    # a plain description is no list: still reported
    assert any(f.kind == "enum-without-values" and "dbInstanceStatus" in f.message for f in service.findings)


def test_enum_values_joined_by_korean_or() -> None:
    _, spec = _read("security-groups-or-enums.md")
    response = spec["paths"]["/v2.0/security-group-rules"]["get"]["responses"]["200"]
    rule = response["content"]["application/json"]["schema"]["properties"]["security_group_rules"]["items"]
    assert rule["properties"]["direction"]["enum"] == ["ingress", "egress"]
    assert rule["properties"]["ethertype"]["enum"] == ["IPv4", "IPv6"]


def test_url_parameter_rows_of_a_get_that_are_not_in_the_path_are_query_parameters() -> None:
    service, spec = _read("face-recognition-url-parameters.md")
    params = _params(spec["paths"]["/v2.0/appkeys/{appKey}/groups"]["get"])
    assert params[("limit", "query")]["required"] is True
    assert params[("next-token", "query")]["required"] is False
    assert "path-param-not-in-path" not in _kinds(service) and "path-param-optional" not in _kinds(service)
    assert _kinds(service).count("path-param-as-query") == 2


def test_url_parameter_rows_of_a_post_that_are_not_in_the_path_nor_the_body_are_query_parameters() -> None:
    service, spec = _read("face-recognition-post-url-parameters.md")
    post = spec["paths"]["/nhn-face-reco/v1.0/appkeys/{appKey}/groups/{groupId}/search"]["post"]
    params = _params(post)
    assert params[("limit", "query")]["required"] is True and params[("threshold", "query")]["required"] is True
    assert "limit" not in str(post["requestBody"]) and "image" in str(post["requestBody"])
    assert "path-param-not-in-path" not in _kinds(service)


@pytest.mark.parametrize("mark", ["옵션", "선택 사항", "Option"])
def test_optional_marks_of_unseen_guides(mark: str) -> None:
    assert required_mark(mark) == (False, "")


def test_a_triangle_mark_is_conditionally_required() -> None:
    required, note = required_mark("△")  # Container-Kubernetes (ko), RDS guides: "required under a condition"
    assert required is False and note.startswith("conditionally required")


@pytest.mark.parametrize(
    ("cell", "schema", "mark"),
    [
        # Container-Kubernetes (ko): "List of Object" read right, but reported as a spelling repair of "of Object"
        ("List of Object", {"type": "array", "items": {"type": "object"}}, ""),
        ("Array of String", {"type": "array", "items": {"type": "string"}}, ""),
        # Container-Kubernetes (ko), API guides with labels: a map's value type
        ("Map<String, String>", {"type": "object", "additionalProperties": {"type": "string"}}, ""),
        # SMS (en): the required mark written into the type cell
        ("optional, Integer", {"type": "integer"}, "optional"),
        ("required, String", {"type": "string"}, "required"),
        # NCR (en public-api @ 6dd7944, lines 73, 155, 221, 280): Go's map type after the JSON kind (it was unknown)
        ("Object map[string]string", {"type": "object", "additionalProperties": {"type": "string"}}, ""),
        ("map[string]int", {"type": "object", "additionalProperties": {"type": "integer"}}, ""),
    ],
)
def test_type_cells_of_unseen_guides(cell: str, schema: dict[str, Any], mark: str) -> None:
    reading = read_type(cell)
    assert (reading.schema, reading.known, reading.mark) == (schema, True, mark)
    assert "spelling" not in reading.note


def test_rows_marked_optional_in_korean_read_without_repairs() -> None:
    service, spec = _read("sms-optional-marks.md")
    [item] = spec["paths"].values()
    params = _params(item["get"])
    assert params[("sendNo", "query")]["required"] is False
    assert params[("requestId", "query")]["required"] is True
    assert "row-repair" not in _kinds(service)


def test_a_column_of_locations_is_the_location_whatever_its_header() -> None:
    service, spec = _read("notification-hub-category-column.md")
    params = _params(spec["paths"]["/template/v1.0/SMS/templates"]["get"])
    assert {("templateName", "query"), ("limit", "query"), ("offset", "query")} <= set(params)
    # "If limit is not set, default is 20 (maximum 1,000)": the bound in words (range-from-prose)
    assert params[("limit", "query")]["schema"] == {"type": "integer", "default": 20, "maximum": 1000}
    assert "requestBody" not in spec["paths"]["/template/v1.0/SMS/templates"]["get"]
    assert "body-on-bodyless" not in _kinds(service)


def test_rows_of_a_get_whose_only_example_is_a_curl_command_are_query_parameters() -> None:
    service, spec = _read("image-missing-commas.md")
    [item] = spec["paths"].values()
    params = _params(item["get"])
    assert params[("basepath", "query")]["required"] is True
    # its valid-range cell, 최소 1, 최대 10,000, bounds it
    assert params[("rows", "query")]["schema"] == {"type": "integer", "minimum": 1, "maximum": 10000, "default": 100}
    assert "requestBody" not in item["get"] and "body-on-bodyless" not in _kinds(service)


def test_a_curl_query_string_on_a_delete_makes_its_rows_query_parameters() -> None:
    # pages/nhn: "[Request body]" with only "curl -X DELETE '...?zoneIdList=...'", then a [Fields] table
    [spec] = guide_build("Network-DNSPLUS__en__api-guide.md").specs.values()
    delete = spec["paths"]["/dnsplus/v1.0/appkeys/{appkey}/zones/async"]["delete"]
    assert ("zoneIdList", "query") in _params(delete) and "requestBody" not in delete


def test_a_part_heading_qualified_by_a_media_type_is_that_part() -> None:
    # pages/nhn: "##### Response(json)" above the response table of a GET (it was read as the GET's body)
    [spec] = guide_build("Deploy__en__api-guide-v2.1.md").specs.values()
    listing = spec["paths"]["/api/v2.1/projects/{appKey}/artifacts"]["get"]
    assert "requestBody" not in listing
    schema = listing["responses"]["200"]["content"]["application/json"]["schema"]
    assert "isSuccessful" in str(inlined(spec, schema))


def test_an_example_missing_its_commas_is_repaired_and_said_so() -> None:
    service, spec = _read("image-missing-commas.md")
    [item] = spec["paths"].values()
    # its date-times are written '2016-02-26T15:56:50+0900' (RFC 3339 writes +09:00): the repaired example
    # contradicts the DateTime fields, so it is kept beside the schema rather than emitted as the example
    media = item["get"]["responses"]["200"]["content"]["application/json"]
    assert "example" not in media
    example = media["x-documented-example"]
    assert example["files"][0]["queues"] == [] and example["files"][0]["imageProperty"]["width"] == 90
    assert "invalid-example" not in _kinds(service)
    assert any(f.kind == "example-repaired" and "inserting them" in f.message for f in service.findings)


def _request_schema(spec: dict[str, Any], media: str = "application/json") -> dict[str, Any]:
    [item] = spec["paths"].values()
    [operation] = item.values()
    schema: dict[str, Any] = operation["requestBody"]["content"][media]["schema"]
    return schema


def test_an_element_row_documents_the_arrays_items_not_a_second_field() -> None:
    # API Gateway (ko): "resourcePathList | List" then "resourcePathList[0] | Object" then "resourcePathList[0].path"
    service, spec = _read("api-gateway-element-rows-valid-range.md")
    assert "duplicate-field" not in _kinds(service)
    paths = _request_schema(spec)["properties"]["resourcePathList"]
    assert paths["type"] == "array"
    methods = paths["items"]["properties"]["methodList"]
    assert methods["type"] == "array" and "methodPluginList" in methods["items"]["properties"]


def test_an_element_row_of_a_primitive_type_gives_the_item_type() -> None:
    # SMS (en): "tagIds[] | String" with no "tagIds" row: a list of strings (it was read as one string)
    service, spec = _read("sms-element-row-of-strings.md")
    # the rows sit in the items of the example's "uids" list (read there since round 5, as a response's rows were)
    tag_ids = _request_schema(spec)["properties"]["uids"]["items"]["properties"]["tagIds"]
    assert tag_ids["type"] == "array" and tag_ids["items"] == {"type": "string"}
    assert any(f.kind == "element-row" and "'uids.tagIds'" in f.message for f in service.findings)


def test_enum_values_listed_in_the_valid_range_column() -> None:
    # API Gateway (ko): Enum rows whose 유효 범위 column lists the values ("{pluginCode} CORS, SET_REQUEST_HEADER")
    service, spec = _read("api-gateway-element-rows-valid-range.md")
    item = _request_schema(spec)["properties"]["resourcePathList"]["items"]["properties"]
    plugin_type = item["pathPluginList"]["items"]["properties"]["pluginType"]
    assert plugin_type["enum"] == ["CORS", "SET_REQUEST_HEADER", "SET_RESPONSE_HEADER", "ADD_REQUEST_QUERY_PARAMETER"]
    method_type = item["methodList"]["items"]["properties"]["methodType"]
    assert method_type["enum"] == ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"]
    assert "enum-without-values" not in _kinds(service)


@pytest.mark.parametrize(
    ("constraint", "values"),
    [
        ("JWT", ["JWT"]),
        ("`ACTIVE`, `DOWN` 또는 `ERROR`", ["ACTIVE", "DOWN", "ERROR"]),
        ("없음", []),
        ("최대 50자", []),
        ("Min:1, Max: 20", []),
        ("None", []),
        ("", []),
    ],
)
def test_a_valid_range_cell_lists_values_or_is_prose(constraint: str, values: list[str]) -> None:
    # imported here: a helper of the dialect tested on its own, absent before the valid-range column was read
    from scraper.dialects.nhn import _constraint_values

    assert _constraint_values(constraint) == values


def test_a_multipart_media_type_in_the_type_column_is_a_file_part() -> None:
    # General OCR (ko): "image | multipart/form–data | 이미지 파일" (with an en dash); the curl sends -F 'image=@...'
    service, spec = _read("ocr-multipart-type.md")
    image = _request_schema(spec, "multipart/form-data")["properties"]["image"]
    assert image["type"] == "string" and image["format"] == "binary"
    assert any("media type of the request" in f.message for f in service.findings)
    assert read_type("multipart/form-data").schema == {"type": "string", "format": "binary"}


def test_a_header_named_row_placed_in_the_url_is_a_request_header() -> None:
    # RDS for MariaDB v2.0 (en): "X-TC-APP-KEY | URL | String | O" under "#### Request header" (it became a query
    # parameter: the app key would have been sent in the query string)
    service, spec = _read("rds-mariadb-header-in-url.md")
    params = _params(spec["paths"]["/v2.0/metrics"]["get"])
    assert ("X-TC-APP-KEY", "query") not in params
    assert params[("X-TC-APP-KEY", "header")]["required"] is True
    assert "path-param-as-header" in _kinds(service) and "path-param-as-query" not in _kinds(service)


def _guides() -> list[dict[str, str]]:
    with (GUIDES / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.parametrize("guide", _guides(), ids=lambda g: g["file"])
def test_whole_unseen_guides_read_every_counted_operation(guide: dict[str, str]) -> None:
    page: Path = GUIDES / guide["file"]
    build = build_page(PageInput(name=f"unseen/{page.name}", path=page, provider="nhn", format="markdown"))
    assert not build.crash
    for name, spec in build.specs.items():
        assert validate_spec(spec) == "", name
    counted = [parse_operation(op) for op in guide["operation_list"].split(";") if op.strip()]
    assert len(counted) == int(guide["operations"])
    result = match_operations(counted, [op.key for op in build.operations()])
    assert (result.missing, result.extra) == ({}, {})


def test_an_example_that_stays_broken_says_what_is_still_wrong() -> None:
    # Image (ko): a "// 생략" comment first (repairable), then members written inside an array (not repairable)
    text = """## Content Delivery > Image Manager > API 가이드

### 업로드

```
GET /image/v2.0/appkeys/{appkey}/files
```

#### 응답

```
{
\t"header": {
\t\t// 생략
\t},
\t"queues": [
\t\t"queueId": "0256316c"
\t]
}
```
"""
    [service] = NhnDialect().read(markdown.read(text, "t.md"), PageInfo("t.md", "", ()))
    [finding] = [f for f in service.findings if f.kind == "invalid-example"]
    assert "after repairing comments and commas still" in finding.message and "queueId" in finding.message


def test_a_japanese_guide_reads_like_its_english_and_korean_ones() -> None:
    """TOAST-DOCS Face-Recognition ja: NHN publishes every guide in Japanese too. Its ``メソッド | URI`` tables
    declared nothing ("no NHN operation found"); now the operations, the path variable, the query parameters and
    the body field read as the en/ko guides' do (名前 name, タイプ type, 必須かどうか required, デフォルト値 default,
    有効範囲 / 例 constraint columns, 説明 description)."""
    service, spec = _read("face-recognition-ja-tables.md")
    assert sorted((op.method, op.path) for op in service.operations) == [
        ("GET", "/v2.0/appkeys/{appKey}/groups"),
        ("POST", "/v2.0/appkeys/{appKey}/groups"),
    ]
    post = spec["paths"]["/v2.0/appkeys/{appKey}/groups"]["post"]
    body = post["requestBody"]["content"]["application/json"]["schema"]
    assert body["properties"]["groupId"]["type"] == "string" and body["required"] == ["groupId"]
    get = spec["paths"]["/v2.0/appkeys/{appKey}/groups"]["get"]
    params = _params(get)
    assert params[("limit", "query")]["required"] is True
    assert params[("limit", "query")]["schema"]["type"] == "integer"
    assert ("next-token", "query") in params and not params[("next-token", "query")].get("required")


def test_a_sentence_glued_to_a_path_is_prose_not_an_operation() -> None:
    """API Gateway ja writes ``- GET /membersはルート(/)に設定された...`` (no space before the sentence): it was read
    as an operation whose path was the sentence; letters of Korean, Japanese or Chinese in a path mean prose."""
    from scraper.dialects.operation_lines import find_operation_lines

    path = UNSEEN / "api-gateway-ja-glued-prose.md"
    blocks = markdown.read(path.read_text(encoding="utf-8"), path.name).blocks
    assert find_operation_lines(blocks) == []
    sample = "```\nGET /message/v1.0/templates?templateName=広告\n```\n"
    [kept] = find_operation_lines(markdown.read(sample, "q").blocks)
    assert kept.written == "/message/v1.0/templates?templateName=広告"  # letters in a query value stay


def _guide(file: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The one spec document a whole guide of ``guides/`` reads into (checked valid) and its findings."""
    page = GUIDES / file
    build = build_page(PageInput(name=f"unseen/{file}", path=page, provider="nhn", format="markdown"))
    assert not build.crash, build.crash
    specs = list(build.specs.values())
    for spec in specs:
        assert validate_spec(spec) == ""
    return {"paths": {p: i for s in specs for p, i in s["paths"].items()}}, build.findings


def test_sample_requests_with_example_values_in_the_placeholders_are_samples() -> None:
    """Mobile Device Info: ``[요청 샘플]`` over four captioned bullets, each with ``GET .../appKeys/TEST/device?...``
    (the first with ``TEST`` in the ``{appKey}`` place): five operations were read; IAP's ``[Example]`` writes
    ``POST .../consume/2014090210002254/items/1032032`` for ``.../consume/{paymentSeq}/items/{itemSeq}``; Launching
    (ja) puts the sample under ``### 例`` > ``[リクエスト]``."""
    spec, findings = _guide("Mobile-Device-Info__en__api-guide.md")
    [(path, item)] = spec["paths"].items()
    assert path == "/mobiledevice/v1.0/appKeys/{appKey}/device" and list(item) == ["get"]
    params = _params(item["get"])
    assert params[("deviceModelName", "query")]["example"] == "Galaxy"
    assert [f["kind"] for f in findings].count("sample-request") == 4
    spec, findings = _guide("IAP__ko__api-guide.md")
    consume = spec["paths"]["/inapp/v3/consume/{paymentSeq}/items/{itemSeq}"]["post"]
    assert _params(consume)[("itemSeq", "path")]["example"] == 1032032
    assert len([m for item in spec["paths"].values() for m in item]) == 3
    spec, _ = _guide("Launching__ja__api-guide.md")
    assert list(spec["paths"]) == ["/launching/v3.0/appkeys/{appKey}/configurations"]


def test_a_table_whose_names_are_all_numbers_lists_code_values_not_fields() -> None:
    """IAP (ko): ``[ResultCode]`` over ``값 | 설명`` with the row ``0 | 성공적으로 완료한 결제 건`` gave every
    response a property named ``"0"`` (a field ``_0`` in the client's model)."""
    spec, findings = _guide("IAP__ko__api-guide.md")
    for item in spec["paths"].values():
        for operation in item.values():
            schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
            assert set(schema["properties"]) == {"header", "result"}
    assert any(f["kind"] == "table-skipped" and "values of a code" in f["message"] for f in findings)


def test_a_method_alone_over_its_url_on_the_next_line_declares_an_operation() -> None:
    """Corporation Search (ko) writes ``POST   [Content-Type : application/x-www-form-urlencoded]`` and the URL on
    the next line of the code block: no operation was found in the guide (five documented)."""
    from scraper.dialects.operation_lines import find_operation_lines

    sample = (
        "```\nPOST   [Content-Type : application/x-www-form-urlencoded]\nhttps://h.example/v1.0/requests?p={p}\n```\n"
    )
    [found] = find_operation_lines(markdown.read(sample, "q").blocks)
    assert (found.method, found.written) == ("POST", "https://h.example/v1.0/requests?p={p}")
    assert found.headers == (("Content-Type", "application/x-www-form-urlencoded"),)
    [bare] = find_operation_lines(markdown.read("```\nGET\n/v1.0/recent\n```\n", "q").blocks)
    assert (bare.method, bare.written) == ("GET", "/v1.0/recent")
    # a method word over a sentence, or over a URL followed by more text on its line, declares nothing
    assert find_operation_lines(markdown.read("GET\n\nthe list of things\n", "q").blocks) == []
    assert find_operation_lines(markdown.read("```\nPOST\n/v1.0/things and more\n```\n", "q").blocks) == []
    spec, _ = _guide("Corporations-Search__ko__api-guide.md")
    post = spec["paths"]["/scraping/v1.0/appkeys/{appkey}/requests"]["post"]
    assert {"custNo", "crtKey", "bnoList"} <= set(
        post["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]["properties"]
    )


def test_strings_in_typographic_quotes_are_read_and_said_so() -> None:
    """Corporation Search (ko): ``“reqDate” : “2015-12-10 10:10:10”`` among ASCII-quoted members made the response
    examples invalid, so the table's top-level rows (``reqNo``) were not put under the example's ``data``."""
    from scraper.dialects.nhn import _lenient_json

    value, problem, note = _lenient_json('{"a": 1,\n“b” : “x y”, "c": "say “hi”"}')
    assert problem is None and value == {"a": 1, "b": "x y", "c": "say “hi”"} and "typographic" in note
    spec, findings = _guide("Corporations-Search__ko__api-guide.md")
    response = spec["paths"]["/scraping/v1.0/appkeys/{appkey}/requests"]["post"]["responses"]["200"]
    schema = response["content"]["application/json"]["schema"]
    assert set(schema["properties"]) == {"header", "data"}
    assert "reqNo" in schema["properties"]["data"]["properties"]
    assert any(f["kind"] == "example-repaired" and "typographic" in f["message"] for f in findings)


def test_a_table_of_http_status_codes_gives_the_responses_statuses() -> None:
    """RTCS (en): ``[Http status code]`` over ``code | 구분 | 코드명 | 설명`` rows (``200 | 성공 | ACCEPTED``, ``413 |
    에러 | Request Entity Too Large``) was read as response fields named "200", "400", ... (with a row repair each),
    and the success status was "assumed"."""
    service, spec = _read("rtcs-status-code-tables.md")
    responses = spec["paths"]["/v2/event/{appkey}/channel"]["post"]["responses"]
    assert list(responses) == ["200", "400", "401", "413", "500", "503"]
    assert set(responses["200"]["content"]["application/json"]["schema"]["properties"]) == {"accepted", "app"}
    assert "Request Entity Too Large" in responses["413"]["description"] and "content" not in responses["413"]
    assert "inferred-status" not in _kinds(service) and _kinds(service).count("status-codes") == 1
    assert not any(f.kind == "row-repair" and f.message.startswith("200") for f in service.findings)


def test_a_bracketed_method_and_a_bracket_of_methods_declare_operations() -> None:
    """System Monitoring (en) writes ``[GET] /v1.0/projects/{projectId}/jobs`` and ``[GET,POST]
    /prometheus/{prometheus-api-endpoint}``: no operation was found in the guide (12 documented)."""
    path = UNSEEN / "system-monitoring-bracketed-methods.md"
    [service] = NhnDialect().read(markdown.read(path.read_text(encoding="utf-8"), path.name), PageInfo("s", "", ()))
    _, specs = spec_files(service)
    assert all(validate_spec(spec) == "" for spec in specs.values()) and len(specs) == 2  # v1.0 and the unversioned
    assert sorted((op.method, op.path) for op in service.operations) == [
        ("GET", "/prometheus/{prometheus-api-endpoint}"),
        ("GET", "/v1.0/projects/{projectId}/jobs"),
        ("POST", "/prometheus/{prometheus-api-endpoint}"),
        ("POST", "/v1.0/projects/{projectId}/jobs"),
    ]
    from scraper.dialects.operation_lines import find_operation_lines

    assert find_operation_lines(markdown.read("```\n[GET, POST, GET] /a\n```\n", "q").blocks)[1].method == "POST"
    assert find_operation_lines(markdown.read("```\n[GET /a\n```\n", "q").blocks) == []


def test_the_text_reader_reads_bracketed_and_bare_method_lines() -> None:
    """The docs site's text rendering of System Monitoring's ``[GET] /v1.0/projects/{projectId}/jobs`` and of
    Corporation Search's ``GET`` over its URL read as their Markdown does (the text path found no operation)."""
    from scraper.readers import read_page

    text = (
        "Monitoring > System Monitoring > API Guide\n\nQuery all workspaces\n\n[URL]\n\n"
        "[GET,POST] /v1.0/projects/{projectId}/jobs\n\n\nCheck a request\n\n[HTTP request]\n\n"
        "GET\nhttps://h.example/scraping/v1.0/appkeys/{appkey}/recent?p={param}\n"
    )
    [service] = NhnDialect().read(read_page(text, page="t.txt", format="text", provider="nhn"), PageInfo("t.txt"))
    assert [(op.method, op.path) for op in service.operations] == [
        ("GET", "/v1.0/projects/{projectId}/jobs"),
        ("POST", "/v1.0/projects/{projectId}/jobs"),
        ("GET", "/scraping/v1.0/appkeys/{appkey}/recent"),
    ]


def _response_schema(operation: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = operation["responses"]["200"]["content"]["application/json"]["schema"]
    return schema


def test_flat_rows_of_nested_fields_are_read_where_the_example_has_them() -> None:
    """pages/nhn Certificate Manager v1.3 lists ``totalCount``, ..., ``certificateName`` flat for a response that
    nests them under ``body`` and ``body.data[]``; Deploy v2.1 lists ``isSuccessful``, ``artifacts``, ``id`` for
    ``header.isSuccessful``, ``body.artifacts[].id``. The rows were top-level properties the API never sends (beside
    the example's inferred ``body``, without the rows' types and descriptions)."""
    [spec] = guide_build("Certificate-Manager__en__api-guide-v1.3.md").specs.values()
    schema = _response_schema(spec["paths"]["/certmanager/v1.3/appkeys/{appKey}/certificates"]["get"])
    assert set(schema["properties"]) == {"header", "body"}
    body = schema["properties"]["body"]
    assert body["properties"]["totalCount"]["description"] == "Total number of certificates"
    item = body["properties"]["data"]["items"]["properties"]
    assert item["certificateName"]["description"] == "Certificate name"
    [spec] = guide_build("Deploy__en__api-guide-v2.1.md").specs.values()
    schema = inlined(spec, _response_schema(spec["paths"]["/api/v2.1/projects/{appKey}/artifacts"]["get"]))
    assert set(schema["properties"]) == {"header", "body"}
    assert schema["properties"]["header"]["properties"]["isSuccessful"]["description"].startswith("Request success")
    artifact = schema["properties"]["body"]["properties"]["artifacts"]["items"]["properties"]
    assert artifact["id"]["description"] == "Artifact ID"
    # "createDate | Date" shown as "2025-01-01T00:00:00+09:00": a date-time (a client would reject it as a date)
    assert artifact["createDate"]["format"] == "date-time"


def test_a_date_shown_with_a_time_is_no_date() -> None:
    """pages/nhn Network Flow Log: ``created_at | Date`` shown as ``2024-07-29 09:21:09`` (no offset: not RFC 3339)
    was ``format: date``, which a validating reader rejects; now a plain string, with a finding."""
    build = guide_build("Network-Flow-Log__en__public-api.md")
    [spec] = build.specs.values()
    listing = _response_schema(spec["paths"]["/v2.0/flowlog-loggers"]["get"])
    created = listing["properties"]["flowlog_loggers"]["items"]["properties"]["created_at"]
    assert created["type"] == "string" and "format" not in created
    assert any("documented as a date" in f["message"] and "without a format" in f["message"] for f in build.findings)


def test_header_name_and_property_name_columns_name_the_fields() -> None:
    """System Monitoring (en): ``Header name | Value | Required | Note`` under ``[Request Header]`` was skipped ("no
    name column"): the required ``X-SYSMON-REGION`` header was lost. IAP (ko): ``Property name | Value |
    Description`` with the types under Value (``isSuccessful | Boolean``)."""
    path = UNSEEN / "system-monitoring-bracketed-methods.md"
    [service] = NhnDialect().read(markdown.read(path.read_text(encoding="utf-8"), path.name), PageInfo("s", "", ()))
    [jobs] = [op for op in service.operations if op.method == "GET" and op.path.endswith("/jobs")]
    [entry] = jobs.versions.values()
    headers = {p.name: p.required for p in entry.parameters if p.location == "header"}
    assert headers == {"X-TC-APP-KEY": True, "X-SYSMON-REGION": True}
    table = markdown.read(
        "| Property name | Value | Description |\n|---|---|---|\n| isSuccessful | Boolean | ok |\n"
        "| price | Float | p |\n",
        "t",
    ).blocks[0]
    from scraper.dialects.field_tables import read_field_table

    read = read_field_table(table)  # type: ignore[arg-type]
    assert read is not None and [(r.name, r.type.schema) for r in read.rows] == [
        ("isSuccessful", {"type": "boolean"}),
        ("price", {"type": "number"}),
    ]
    assert any("holds types" in note for _, note in read.notes)


def test_note_headings_and_siblings_of_the_request_part_do_not_name_the_operation() -> None:
    """E-mail (ja, and the ko guide in pages/nhn): ``#### 広告メール送信時の注意事項`` (a note on sending ad mail)
    and ``#### [注意]`` under the operation's heading, and ``#### 照会可能なメール送信ステータスコード`` beside
    ``#### リクエスト``, named the operations (the ko spec's summaries were '광고 메일 전송 시 유의 사항' and
    '[주의]')."""
    service, _ = _read("email-ja-note-headings.md")
    assert sorted(op.title for op in service.operations) == [
        "メール送信アップデート完了一覧の照会",
        "広告性一般メール送信",
    ]
    [spec] = guide_build("E-mail__ko__api-guide.md").specs.values()
    paths = spec["paths"]
    assert paths["/email/v2.1/appKeys/{appKey}/sender/ad-mail"]["post"]["summary"] == "광고성 일반 메일 발송"
    assert (
        paths["/email/v2.1/appKeys/{appKey}/sender/update-mails"]["get"]["summary"]
        == "메일 발송 업데이트 완료 목록 조회"
    )


def test_a_url_bullet_over_an_interface_table_declares_an_operation() -> None:
    """Contact Center (en, ko, ja): ``- URL: https://{domain}.oc.nhncloud.com/...`` over ``Interface name | Protocol
    | Call direction | ...`` whose Call direction is ``POST``, under ``#### Interface Description``: no operation was
    found in the three guides tried (en ticket, ko ticket, ja category; 4 operations each)."""
    service, _ = _read("contact-center-interface-table.md")
    [operation] = service.operations
    assert (operation.method, operation.path) == ("POST", "/{serviceId}/openapi/v1/ticket/enduser/{usercode}/list.json")
    assert operation.title == "Customer Ticket List"
    from scraper.dialects.operation_lines import find_operation_lines

    # a URL bullet and a table too far apart, or a table of several rows, declare nothing
    text = "- URL: https://h.example/v1/a.json\n\n|Name|Call direction|\n|---|---|\n|a|POST|\n|b|GET|\n"
    assert find_operation_lines(markdown.read(text, "q").blocks) == []


def test_an_example_indented_with_no_break_spaces_is_read_and_said_so() -> None:
    """Contact Center (en): examples indented with U+00A0 (JSON takes only ASCII whitespace) were invalid, so their
    fields were not read; a no-break space inside a string stays."""
    from scraper.dialects.nhn import _lenient_json

    value, problem, note = _lenient_json('{\u00a0\u00a0"a": "x\u00a0y",\t\n\u00a0\u00a0“b”: 1}')
    assert problem is None and value == {"a": "x\u00a0y", "b": 1}
    assert "no-break" in note and "typographic" in note


def test_a_variable_column_of_identifiers_names_the_fields() -> None:
    """Contact Center (en): ``Name | Variable | Data type | Variable type | ...`` with ``Service ID | serviceId``:
    the words were read as the names (query parameters 'Service ID', 'Category ID', and the path placeholders
    undocumented); the Variable column's identifiers are the names."""
    service, spec = _read("contact-center-interface-table.md")
    [item] = spec["paths"].values()
    params = _params(item["post"])
    assert {("serviceId", "path"), ("usercode", "path"), ("categoryId", "query"), ("pageSize", "query")} <= set(params)
    assert not any(" " in name for name, _ in params)
    assert params[("categoryId", "query")]["schema"]["type"] == "integer"
    assert "undocumented-path-param" not in _kinds(service)


def test_examples_of_calls_are_examples_and_never_name_an_operation() -> None:
    """Gamebase (en): the closing "Support" section's ``##### Example of API Call`` shows ``GET
    .../apps/C3JmSctU/maintenances/under-maintenance`` (an operation declared earlier, with an example app id): it
    was another operation. The Push example of a call, misplaced under "Get Subscriptions Status", was named
    "Example of API Call" (the Leaderboard one "Wrapping API"); the API list that lists them names them. A
    ``<br/>`` line straight over ``#### Get IdP Token and Profiles`` swallowed the heading (named after the title)."""
    service, spec = _read("gamebase-example-calls.md")
    # the lists' other rows are operations of their own, declared by the row alone (round 12: ``listed-operation``)
    listed = {f.line for f in service.findings if f.kind == "listed-operation"}
    assert len(listed) == 9  # 7 Leaderboard and 4 Push rows, less the two the examples declare
    titles = {
        (op.method, op.path): op.title
        for op in service.operations
        if not {v.source.line for v in op.versions.values()} <= listed
    }
    apps = "/tcgb-{}/v1.3/apps/{{appId}}"
    assert titles == {
        ("GET", apps.format("gateway") + "/members/{userId}/idps/{idPCode}"): "Get IdP Token and Profiles",
        ("GET", apps.format("launching") + "/maintenances/under-maintenance"): "Check Maintenance Set",
        ("GET", apps.format("leaderboard") + "/factors/{factor}/user-count"): "Get user count in factor",
        ("POST", apps.format("inapp") + "/subscriptions/status"): "Get Subscriptions Status",
        ("POST", apps.format("push") + "/messages"): "Message > Send",
    }
    assert not any("C3JmSctU" in path for path in spec["paths"])
    assert _kinds(service).count("example-section") == 3


def test_a_table_of_the_values_a_field_takes_is_not_fields() -> None:
    """Mobile Device Info: ``[정렬 옵션 필드 상세정보]`` (the sort option's fields) over ``이름 | 설명`` rows
    ``deviceModelCode``, ..., ``gearTypeName`` lists what ``sort`` (described as ``정렬 옵션``) accepts: it gave
    seven query parameters (two duplicates of documented ones). Now ``sort``'s description lists them."""
    spec, findings = _guide("Mobile-Device-Info__en__api-guide.md")
    [item] = spec["paths"].values()
    params = _params(item["get"])
    assert sorted(name for name, _ in params) == sorted(
        ["appKey", "deviceModelCode", "deviceModelName", "sort", "pageNum", "pageSize"]
    )
    assert "launchYear (출시연도)" in params[("sort", "query")]["description"]
    kinds = [f["kind"] for f in findings]
    assert kinds.count("value-table") == 1 and "duplicate-parameter" not in kinds


def test_an_http_method_row_in_the_text_rendering_is_the_method_not_a_header() -> None:
    """IAP (en, the docs site's text rendering): ``Key Value`` over ``Http Method POST`` was cut into the header
    ``Http`` with the description ``Method POST``; ``Property name Value Description`` rows ``price long price`` lost
    their types (joined into the description). The Markdown's ``| Http Method | POST |`` was a
    'header-pattern' doubt; now the row names the method (``method-row``) and is no header."""
    from scraper.readers import read_page

    path = UNSEEN / "iap-text-method-row.txt"
    document = read_page(path.read_text(encoding="utf-8"), page=path.name, format="text", provider="nhn")
    [service] = NhnDialect().read(document, PageInfo(path.name))
    [operation] = service.operations
    [entry] = operation.versions.values()
    assert {p.name for p in entry.parameters if p.location == "header"} == {"Content-Type", "X-NHN-TCIAP-AppKey"}
    assert any(f.kind == "method-row" and "POST" in f.message for f in service.findings)
    _, specs = spec_files(service)
    [spec] = specs.values()
    schema = _response_schema(spec["paths"]["/v1/service/consume"]["post"])
    price = schema["properties"]["result"]["properties"]["price"]
    assert price["type"] == "integer" and price["description"] == "price"  # "price long price"
    assert not any("joined in the text rendering" in f.message for f in service.findings)


def test_a_number_every_example_shows_as_an_integer_is_an_integer() -> None:
    """pages/nhn Deploy v2.1: ``artifactId | Number`` (path), ``id | Number`` shown as ``1``, ``pageNum | Number``
    with default 1 were ``number`` (a client sends ``artifactId=12.0`` in the path and types the ids as floats);
    now integers, each with a finding that the guide says Number. ``Float``, or a Number shown as ``1.5``, stays a
    number."""
    build = guide_build("Deploy__en__api-guide-v2.1.md")
    [spec] = build.specs.values()
    listing = spec["paths"]["/api/v2.1/projects/{appKey}/artifacts"]["get"]
    artifact = _response_schema(listing)["properties"]["body"]["properties"]["artifacts"]["items"]["properties"]
    assert artifact["id"]["type"] == "integer"
    binaries = spec["paths"][
        "/api/v2.1/projects/{appKey}/artifacts/{artifactId}/binary-groups/{binaryGroupKey}/binaries"
    ]
    params = _params(binaries["get"])
    assert params[("artifactId", "path")]["schema"]["type"] == "integer"
    assert params[("pageNum", "query")]["schema"] == {"type": "integer", "default": 1}
    messages = [f["message"] for f in build.findings if f["kind"] == "number-as-integer"]
    assert any("'body.artifacts.id' is documented as Number" in m for m in messages)
    assert any("'artifactId' is documented as Number" in m and "path segment" in m for m in messages)
    text = """## Product > Thing > API v1.0 Guide

### Get things

```
GET /v1.0/things?page={page}
```

| Name | Type | Required | Description |
|---|---|---|---|
| page | Number | N | Page number (default: 1) |

#### Response

| Name | Type | Description |
|---|---|---|
| ratio | Float | Ratio |
| score | Number | Score |
| count | Number | Count |

```json
{"ratio": 1, "score": 1.5, "count": 3}
```
"""
    [service] = NhnDialect().read(markdown.read(text, "t.md"), PageInfo("t.md"))
    _, specs = spec_files(service)
    [spec] = specs.values()
    get = spec["paths"]["/v1.0/things"]["get"]
    schema = _response_schema(get)["properties"]
    assert (schema["ratio"]["type"], schema["score"]["type"], schema["count"]["type"]) == (
        "number",
        "number",
        "integer",
    )
    assert _params(get)[("page", "query")]["schema"] == {"type": "integer", "default": 1}


def test_a_documented_content_type_and_examples_followed_by_prose_are_read() -> None:
    """Corporation Search (ko): ``POST [Content-Type : application/x-www-form-urlencoded]`` had an
    ``application/json`` body; each request example is the JSON, then "Json데이터를 AES256 암호화 처리후, ..." and
    the encrypted string in the same code block (invalid: not used), and the last one is ``<pre><code>`` (read as
    prose). The mixed-quote ``reqList`` response stays unused, with its finding."""
    spec, findings = _guide("Corporations-Search__ko__api-guide.md")
    post = spec["paths"]["/scraping/v1.0/appkeys/{appkey}/requests"]["post"]
    content = post["requestBody"]["content"]
    assert list(content) == ["application/x-www-form-urlencoded"]
    assert content["application/x-www-form-urlencoded"]["example"]["crtKey"] == "qaz!@wsx"
    reqlists = spec["paths"]["/scraping/v1.0/appkeys/{appkey}/reqlists"]["get"]
    assert reqlists["requestBody"]["content"]["application/json"]["example"] == {"custNo": 1, "crtKey": "qaz!@wsx"}
    kinds = [f["kind"] for f in findings]
    assert kinds.count("body-media-type") == 1
    assert sum("followed by text" in f["message"] for f in findings) == 5
    assert kinds.count("invalid-example") == 1  # the reqList response: quotes inside a string, brackets unbalanced


def test_a_name_column_written_once_over_blank_cells_is_the_fields_parent() -> None:
    """Contact Center (en ticket): ``Name | Variable | Data type | Description`` result rows ``result.content |
    ticketId``, ``| subject``, ..., ``| contents.type``, then ``result | total``: the Name column holds the parent,
    written once and carried down. The rows were read as top-level fields (``ticketId`` beside the example's
    ``result``, whose fields were inferred without types or descriptions)."""
    service, spec = _read("contact-center-parent-column.md")
    [item] = spec["paths"].values()
    schema = _response_schema(item["get"])
    assert set(schema["properties"]) == {"header", "result"}
    result = schema["properties"]["result"]["properties"]
    content = result["content"]["properties"]
    assert content["categoryId"] == {"type": "integer", "description": "Category(Submission type) ID"}
    assert content["contents"]["items"]["properties"]["type"]["description"].startswith("Type of inquiry")
    assert result["total"]["description"] == "Total number of cases"
    assert any(f.kind == "table-repair" and "parent" in f.message for f in service.findings)


def test_a_table_under_a_heading_that_names_a_type_is_that_models_fields() -> None:
    """ROLE v3 (swagger-codegen tables): ``Request Body | CreateUserRequest | CreateUserRequest`` in a
    ``ParameterType`` table, then ``##### CreateUserRequest`` (``users | List&lt;CreateUserRequest.UserProtocol>``),
    ``##### CreateUserRequest.UserProtocol`` (``roleRelations | List<UserRoleRelationProtocol>``, a raw tag), ...
    Every model's rows were top-level members of one flat body (``CreateUserRequest``, ``users``, ``roleId``, ...)."""
    service, spec = _read("role-model-tables.md")
    post = spec["paths"]["/role/v3.0/appkeys/{appKey}/users"]["post"]
    assert {(p["name"], p["in"]) for p in post["parameters"]} == {("appKey", "path")}
    body = post["requestBody"]["content"]["application/json"]["schema"]
    assert list(body["properties"]) == ["users"] and body["required"] == ["users"]
    user = body["properties"]["users"]["items"]
    assert list(user["properties"]) == ["description", "roleRelations", "userId"]
    relation = user["properties"]["roleRelations"]["items"]
    assert relation["required"] == ["roleId", "scopeId"]
    condition = relation["properties"]["conditions"]["items"]
    assert condition["properties"]["attributeValues"] == {
        "type": "array",
        "items": {"type": "string"},
        "description": "Condition attribute value",
    }
    assert "unknown-type" not in _kinds(service)
    assert not any("names a model the guide does not define" in f.message for f in service.findings)
    assert sum(f.kind == "model-table" for f in service.findings) == 4


def test_a_response_of_the_common_information_is_the_guides_envelope() -> None:
    """NCR: "This API responds with common information." under a guide whose "API Common Response Information"
    documents ``header``, ``header.isSuccessful``, ...: the response was 204 No Content (no-response-body)."""
    service, spec = _read("ncr-common-response.md")
    delete = spec["paths"]["/ncr/v2.0/appkeys/{appKey}/registries/{registryNameOrId}"]["delete"]
    assert list(delete["responses"]) == ["200"]
    schema = delete["responses"]["200"]["content"]["application/json"]["schema"]
    assert list(schema["properties"]["header"]["properties"]) == ["isSuccessful", "resultCode", "resultMessage"]
    assert schema["properties"]["header"]["properties"]["resultCode"]["type"] == "integer"
    assert "no-response-body" not in _kinds(service)
    assert _kinds(service).count("common-response") == 1


def test_korean_one_of_after_the_values_lists_an_enums_values() -> None:
    """Network-Load-Balancer (ko): ``리스너의 프로토콜<br>`TCP`, `HTTP`,`HTTPS`, `TERMINATED_HTTPS` 중 하나`` ("one of",
    written after the values) on Enum rows: no values were read (enum-without-values, 73 on the guide)."""
    service, spec = _read("nlb-ko-one-of-after-values.md")
    listing = spec["paths"]["/v2.0/lbaas/listeners"]["get"]
    assert _params(listing)[("protocol", "query")]["schema"]["enum"] == ["TCP", "HTTP", "HTTPS", "TERMINATED_HTTPS"]
    listener = listing["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["listeners"]
    assert listener["items"]["properties"]["protocol"]["enum"] == ["TCP", "HTTP", "HTTPS", "TERMINATED_HTTPS"]
    post = spec["paths"]["/v2.0/lbaas/listeners/{listenerId}/errorpages"]["post"]
    errorpage = post["requestBody"]["content"]["application/json"]["schema"]["properties"]["errorpage"]
    # commas separate the values, so the '/' is in them
    assert errorpage["properties"]["content_type"]["enum"] == [
        "application/javascript",
        "application/json",
        "text/css",
        "text/html",
        "text/plain",
    ]
    # the response's 'errorpage.content_type | Body | Enum | 콘텐츠 타입' lists no values: it takes the request row's
    assert not [f for f in service.findings if f.kind == "enum-without-values"]
    assert [f.line for f in service.findings if f.kind == "enum-from-other-row"] == [130]


@pytest.mark.parametrize(
    ("description", "values"),
    [
        ("로드 밸런서 타입\n`shared`/`dedicated` 중 하나", ["shared", "dedicated"]),
        ("IP 접근 제어 타입, ALLOW, DENY 중 하나로 설정 가능", ["ALLOW", "DENY"]),
        ("충돌 옵션. none, overwrite, preserve 중 하나", ["none", "overwrite", "preserve"]),
        ("action\nnull/DENY/ALLOW 중 하나", ["DENY", "ALLOW"]),
        ("'true', 'false'중 하나로 설정 가능", ["true", "false"]),
        ("`TCP`、`HTTP`のいずれか", ["TCP", "HTTP"]),
        ("지정한 파트 중 하나 이상을 찾을 수 없습니다", []),
    ],
)
def test_values_before_one_of(description: str, values: list[str]) -> None:
    from scraper.dialects.nhn import _description_values

    assert _description_values(description) == values


def test_a_placeholder_in_a_dotted_name_documents_the_values_of_a_map() -> None:
    """Compute-Instance (en): ``server.addresses."Network Name"`` (Object) and ``server.addresses."Network
    Name".addr`` rows, with an example keyed by the network's name (``"vpc2": [{...}]``): ``"Network Name"`` was a
    property (a client could never read ``vpc2``), and ``vpc2`` an undocumented one."""
    service, spec = _read("compute-instance-map-keys.md")
    get = spec["paths"]["/v2/{tenantId}/servers/{serverId}"]["get"]
    server = get["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["server"]
    addresses = server["properties"]["addresses"]
    assert "properties" not in addresses
    port = addresses["additionalProperties"]["items"]
    assert port["properties"]["addr"]["type"] == "string"
    assert port["properties"]["OS-EXT-IPS:type"]["enum"] == ["fixed", "floating"]
    assert [f.line for f in service.findings if f.kind == "map-key"] == [31]
    assert not any("vpc2" in f.message for f in service.findings)


def test_operations_the_guide_titles_alike_are_flagged() -> None:
    """Compute-Instance (en public-api @ 58e57e6, lines 1036, 1090): "List additional block storage attached to the
    instance" over GET .../os-volume_attachments and over GET .../os-volume_attachments/{volumeId}: the second's
    operationId got a silent '2'."""
    text = (GUIDES.parent / "compute-instance-map-keys.md").read_text(encoding="utf-8").splitlines()[0] + "\n\n"
    for path in ("/v2/{tenantId}/servers/{serverId}/os-volume_attachments", "/v2/{tenantId}/servers/{id}/x"):
        text += f"### List additional block storage attached to the instance\n```\nGET {path}\n```\n\n"
        text += "#### Response\n\n| Name | In | Type | Description |\n|---|---|---|---|\n| a | Body | String | A |\n\n"
    [service] = NhnDialect().read(markdown.read(text, "t.md"), PageInfo("t.md", "", ()))
    [finding] = [f for f in service.findings if f.kind == "duplicate-title"]
    assert finding.line == 14 and "(line 3)" in finding.message


def test_a_names_and_descriptions_table_after_the_requests_own_is_a_note() -> None:
    """Storage-Object-Storage (en api-guide @ 42b9414, pages/nhn, lines 2467-2473): "##### Preserve Object
    Properties" over ``Name | Description`` rows X-Delete-At, X-Object-Worm-Retain-Until, X-Object-Meta-{key}, after
    the request's own table: they were request headers (X-Object-Worm-Retain-Until a parameter of the copy)."""
    service, spec = _read("object-storage-preserved-properties.md")
    put = spec["paths"]["/v1/{Account}/{SourceContainer}/{SourceObject}"]["put"]
    headers = {p["name"] for p in put["parameters"] if p["in"] == "header"}
    assert "X-Object-Worm-Retain-Until" not in headers
    assert {"X-Copy-From", "X-Delete-At", "X-Fresh-Metadata"} <= headers
    assert [f.line for f in service.findings if f.kind == "table-skipped"] == [41]


def test_an_operation_declared_under_another_operations_heading_takes_its_group() -> None:
    """Gamebase (en, line 2218): "##### Example of API Call" declares Push's POST .../messages under "### Get
    Subscriptions Status" (which the guide placed under "## Push"): its tag was "Get Subscriptions Status", an
    operation's title."""
    _, spec = _read("gamebase-example-calls.md")
    send = spec["paths"]["/tcgb-push/v1.3/apps/{appId}/messages"]["post"]
    assert (send["summary"], send["tags"]) == ("Message > Send", ["Push"])
    assert "Get Subscriptions Status" not in {tag["name"] for tag in spec["tags"]}


def test_a_model_named_alone_over_its_table_is_the_type_a_row_links_to() -> None:
    """Resource Watcher (ja): body rows typed with a link to a table further down (``alarm | [Alarm](#post-alarm-
    request-alarm)``, ``alarmTargets | [AlarmTarget[]](#...)``), each table under a bullet that names the model alone
    (``- Alarm <a id="post-alarm-request-alarm"></a>``). The bullet tables were read as more top-level body fields
    (``alarmName`` beside ``alarm``) and the linked types were unknown ("unknown type 'Alarm'")."""
    service, spec = _read("resource-watcher-ja-bullet-models.md")
    post = spec["paths"]["/resource-watcher/v2.0/appkeys/{appKey}/event-alarms"]["post"]
    body = post["requestBody"]["content"]["application/json"]["schema"]
    assert sorted(body["properties"]) == ["alarm", "alarmTargets", "events", "target"]
    assert sorted(body["required"]) == ["alarm", "alarmTargets"]
    alarm = body["properties"]["alarm"]
    assert alarm["type"] == "object" and sorted(alarm["properties"]) == ["alarmName", "description"]
    assert alarm["required"] == ["alarmName"]
    targets = body["properties"]["alarmTargets"]
    assert targets["type"] == "array" and "webhookUrl" in targets["items"]["properties"]
    events = body["properties"]["events"]["items"]
    assert sorted(events["properties"]) == ["eventId", "productId"]
    target = body["properties"]["target"]["properties"]
    assert target["resourceTagIds"]["type"] == "array"
    assert _kinds(service).count("model-table") == 4
    assert "unknown-type" not in _kinds(service) and "row-repair" not in _kinds(service)


def test_a_japanese_response_said_to_be_the_same_as_the_common_one_is_no_204() -> None:
    """Resource Watcher (ja): ``**[Response Body]**`` over "* 参考: [Common Response Body](#common-response-body)と
    同じです。" (the same as the common response body). The English "same as" gave a 200 whose body the guide
    describes in prose; the Japanese sentence was read as "no response body" and the operation as a 204. Since
    round 5 the body is the one the guide's Common Response Body section documents (``header`` of the ``Header``
    model), not a 200 without a schema."""
    service, spec = _read("resource-watcher-ja-bullet-models.md")
    post = spec["paths"]["/resource-watcher/v2.0/appkeys/{appKey}/event-alarms"]["post"]
    assert list(post["responses"]) == ["200"]
    schema = post["responses"]["200"]["content"]["application/json"]["schema"]
    assert set(schema["properties"]["header"]["properties"]) == {"isSuccessful", "resultCode", "resultMessage"}
    assert "common-response" in _kinds(service) and "no-response-body" not in _kinds(service)


def test_a_response_the_same_as_the_common_response_body_is_that_body() -> None:
    """Resource Watcher (ko, v1 guide): ``**[Response Body]**`` over "참고 : [Common Response Body](#common-response-
    body)와 동일합니다." (the same as the common response body) on the DELETE: a 200 with no schema (a
    ``response-in-prose`` finding), where the guide documents that body once, under ``### Common Response Body``
    (a ``header`` row typed with the ``Header`` model bulleted below it, and an example)."""
    service, spec = _read("resource-watcher-ko-common-response.md")
    delete = spec["paths"]["/resource-watcher/v1.0/appkeys/{appKey}/event-alarms/{alarmId}"]["delete"]
    content = delete["responses"]["200"]["content"]["application/json"]
    assert content["schema"]["properties"]["header"]["properties"]["resultCode"]["type"] == "integer"
    assert content["example"] == {"header": {"isSuccessful": True, "resultCode": 0, "resultMessage": "SUCCESS"}}
    assert "common-response" in _kinds(service) and "response-in-prose" not in _kinds(service)


def test_media_type_headings_over_the_body_tables_make_them_the_body() -> None:
    """Face Liveness (ja; the en guide is the same): ``#### Content-Type: application/json`` and ``#### Content-Type:
    multipart/form-data`` over a table each, after a ``[Path Variable]`` table. The label's location (path) went on
    over both tables: the body fields were query parameters ("placed in the URL but not in the path"), ``image`` an
    object as a query string, and the multipart ``imageFile`` beside the JSON ``image.url``. The first media type's
    table is the body; the other is the same body in another media type, reported and not merged into it."""
    service, spec = _read("face-liveness-ja-media-type-headings.md")
    post = spec["paths"]["/v1.0/appkeys/{appKey}/spoofing"]["post"]
    assert sorted(_params(post)) == [("appKey", "path")]
    [(media, content)] = post["requestBody"]["content"].items()
    assert media == "application/json"
    schema = content["schema"]
    assert sorted(schema["properties"]) == ["image", "spoofingCondition"]
    assert schema["required"] == ["image"]
    assert sorted(schema["properties"]["image"]["properties"]) == ["bytes", "url"]
    kinds = _kinds(service)
    assert "path-param-as-query" not in kinds and "non-scalar-parameter" not in kinds
    [finding] = [f for f in service.findings if f.kind == "alternative-body"]
    assert "multipart/form-data" in finding.message


def test_a_valid_range_of_quoted_values_lists_a_strings_values() -> None:
    """Face Liveness (ja): ``spoofingCondition | string | | "balanced" | "weak", "balanced", "strict" | ...`` in the
    有効範囲 (valid range) column: the values the string takes (they were words of the description only)."""
    _, spec = _read("face-liveness-ja-media-type-headings.md")
    schema = spec["paths"]["/v1.0/appkeys/{appKey}/spoofing"]["post"]["requestBody"]["content"]["application/json"]
    condition = schema["schema"]["properties"]["spoofingCondition"]
    assert condition["enum"] == ["weak", "balanced", "strict"] and condition["default"] == "balanced"


def test_an_object_in_a_second_pair_of_braces_is_the_members_value() -> None:
    """NKS (ja; en the same): the Get Cluster response example writes ``"health_status_reason": {`` then ``{"...node-0
    .Ready": "True", "api": "ok"}`` then ``}``, an object inside braces of its own with no key. The whole example
    was "not JSON; not used" (the response schema lost every field the table does not list)."""
    service, spec = _read("nks-ja-doubled-braces.md")
    get = spec["paths"]["/v1/clusters/{CLUSTER_ID_OR_NAME}"]["get"]
    example = get["responses"]["200"]["content"]["application/json"]["example"]
    assert example["health_status_reason"] == {"test-k8s-default-w-bnga636xulqk-node-0.Ready": "True", "api": "ok"}
    assert example["keypair"] == "test-keypair"
    assert "invalid-example" not in _kinds(service)
    assert any(f.kind == "example-repaired" and "second pair of braces" in f.message for f in service.findings)


def test_a_bracketed_caption_names_the_model_a_row_is_typed_with() -> None:
    """STT v2.1 (ja): ``result | Result | ...`` in the ``[フィールド]`` (fields) table, then ``[Result]`` over the
    table of its fields. A bracketed caption was no model name: "unknown type 'Result'" (the example alone gave
    ``result`` its shape). Now the table under ``[Result]`` is that model."""
    service, spec = _read("stt-ja-bracketed-model-caption.md")
    get = spec["paths"]["/v2.1/appkeys/{appKey}/stt/async/{taskId}/status"]["get"]
    schema = get["responses"]["200"]["content"]["application/json"]["schema"]
    result = schema["properties"]["result"]
    assert result["type"] == "object" and "inputLength" in result["properties"]
    assert result["properties"]["timeslot"]["items"]["properties"]["startTime"]["type"] == "integer"
    assert "unknown-type" not in _kinds(service)
    assert any(f.kind == "model-table" and "'Result'" in f.message for f in service.findings)


def _guide_excerpt(name: str, first: int, last: int) -> str:
    """Lines ``first``..``last`` (1-based, inclusive) of a whole guide, after its title line."""
    lines = (GUIDES / name).read_text(encoding="utf-8").splitlines()
    return lines[0] + "\n\n" + "\n".join(lines[first - 1 : last]) + "\n"


def _read_text(text: str, fmt: str) -> Service:
    page = "g.md" if fmt == "markdown" else "g.txt"
    [service] = NhnDialect().read(read_page(text, page=page, format=fmt, provider="nhn"), PageInfo(page))
    return service


def test_a_japanese_label_written_as_one_compound_is_read_by_its_parts() -> None:
    """Document Recognizer v2.0 (ja): ``[リクエストヘッダ]`` (request + header, no space between) over ``Authorization
    | X-Key-Version | Symmetric-Key``. The compound was no label: ``X-Key-Version`` was a header by its X- prefix, but
    ``Symmetric-Key`` became a body field of the multipart request."""
    service = _read_text(_guide_excerpt("Document-Recognizer__ja__api-guide-v2.0.md", 94, 141), "markdown")
    [op] = service.operations
    [version] = op.versions.values()
    headers = {p.name for p in version.parameters if p.location == "header"}
    assert {"X-Key-Version", "Symmetric-Key"} <= headers
    assert version.request_body is not None
    assert list(version.request_body.schema["properties"]) == ["image"]


def test_a_header_table_of_placeholder_values_reads_from_the_text_rendering() -> None:
    """Document Recognizer v2.0 (ja), the docs site's text rendering: ``名前 値 説明`` then ``X-Key-Version
    {x-key-version} 発行された公開鍵のバージョン``. A Value column before a Description column was read as holding
    types (IAP: ``isSuccessful Boolean true or false``), so a placeholder value started no row: every header row
    was skipped ("is not a row of the table")."""
    text = text_rendering(_guide_excerpt("Document-Recognizer__ja__api-guide-v2.0.md", 94, 141))
    service = _read_text(text, "text")
    [op] = service.operations
    [version] = op.versions.values()
    assert {"X-Key-Version", "Symmetric-Key"} <= {p.name for p in version.parameters if p.location == "header"}
    assert not any(f.kind == "table-repair" and "is not a row" in f.message for f in service.findings)


def test_a_japanese_sentence_is_no_heading_of_the_text_rendering() -> None:
    """Resource Watcher v2 (ja), text rendering: "参考: Common Response Bodyと同じです。" under ``[Response Body]``
    ends in the ideographic full stop; it was taken for a heading (a sentence ends in "." only), which cut the
    operation's response part off (a 204 in the text, a 200 in the Markdown)."""
    markdown = _guide_excerpt("ResourceWatcher__ja__api-v2-guide.md", 49, 200)
    from_markdown, from_text = _read_text(markdown, "markdown"), _read_text(text_rendering(markdown), "text")
    statuses = [
        [r.status for v in s.operations[0].versions.values() for r in v.responses] for s in (from_markdown, from_text)
    ]
    assert statuses == [["200"], ["200"]]


def test_a_compound_sample_label_ends_a_table_of_the_text_rendering() -> None:
    """AppGuard (ja), text rendering: the response table, then ``レスポンス例`` (response + example) over the example.
    Only a one-word label (``Example``, ``例``) ended a table, so the caption was read into the last row's
    description."""
    markdown = _guide_excerpt("AppGuard__ja__api-guide.md", 183, 275)
    service = _read_text(text_rendering(markdown), "text")
    descriptions = [
        str(schema)
        for op in service.operations
        for v in op.versions.values()
        for r in v.responses
        for schema in [r.schema]
    ]
    assert descriptions and not any("レスポンス例" in d for d in descriptions)


def test_a_japanese_error_code_heading_is_the_failure_part() -> None:
    """AI Fashion v2.0 (ja): ``#### エラーコード`` (error codes, one compound) over ``resultCode | resultMessage |
    説明`` rows after the response. The English "#### Error Codes" is the failure part (its table documents no fields of
    the response); the Japanese heading was no label, so the table was one more table of the response, skipped
    with a finding ("not a field table")."""
    service, spec = _read("ai-fashion-ja-error-code-heading.md")
    post = spec["paths"]["/v2.0/appkeys/{appKey}/services"]["post"]
    assert "header" in post["responses"]["200"]["content"]["application/json"]["schema"]["properties"]
    assert "table-skipped" not in _kinds(service)


def test_header_tables_map_types_and_assignable_values_of_a_japanese_guide() -> None:
    """Service Monitoring (ja; the ko guide alike): ``[Request Header]`` over ``ヘッダ名 | ヘッダ値`` (header name |
    header value; ko ``헤더 이름 | 헤더 값``), a body row typed ``Map<String、String>`` (an ideographic comma), and
    an ``割当可能な値`` (assignable values; ko ``할당 가능한 값``, en "Assignable Value") column. The header table
    was "not a field table" (the TOAST_PRODUCT_APPKEY header was lost), the map type unknown, and the assignable
    values were not read at all."""
    service, spec = _read("service-monitoring-ja-header-tables.md")
    post = spec["paths"]["/open-api/v1.0/appkey/{appKey}/scenarios"]["post"]
    assert ("TOAST_PRODUCT_APPKEY", "header") in _params(post)
    body = post["requestBody"]["content"]["application/json"]["schema"]["properties"]
    assert "割当可能な値: GET、POST、DELETE、PUT" in body["httpMethod"]["description"]
    assert body["headers"]["type"] == "object"
    assert not any("ヘッダ" in f.message for f in service.findings if f.kind == "table-skipped")
    assert not any("Map<String" in f.message for f in service.findings if f.kind in ("row-repair", "unknown-type"))


@pytest.mark.parametrize(
    ("header", "role"), [("ヘッダ名", "name"), ("ヘッダ名前", "name"), ("ヘッダ値", "value"), ("헤더 값", "value")]
)
def test_header_name_and_value_columns(header: str, role: str) -> None:
    from scraper.table_vocabulary import FIELD_COLUMN_ROLES

    assert FIELD_COLUMN_ROLES[header] == role


def test_a_row_typed_with_a_model_of_the_page_starts_a_row_of_the_text_rendering() -> None:
    """STT v2.1 (ja), text rendering: ``result Result 作業の状態がCOMPLETEDの場合の結果値`` in a ``名前 タイプ 説明``
    table, ``[Result]`` over the table of its fields further down. ``Result`` is no type word, so the line was read
    as the continuation of the row above (``taskStatus``'s description ended in "result Result ..."); a model the
    page documents in a table of its own now types a row as a type word does."""
    markdown = (UNSEEN / "stt-ja-bracketed-model-caption.md").read_text(encoding="utf-8")
    service = _read_text(text_rendering(markdown), "text")
    [op] = service.operations
    [version] = op.versions.values()
    [response] = version.responses
    assert response.schema is not None
    properties = response.schema["properties"]
    assert "result Result" not in properties["taskStatus"].get("description", "")
    assert "inputLength" in properties["result"]["properties"]


def test_japanese_or_and_ideographic_commas_list_an_enums_values() -> None:
    """Security Groups (ja; the ko guide reads ``**ingress** 또는 **egress**``): ``**ingress**または**egress**``
    (または, "or") and ``**ingress**、**egress**`` (an ideographic comma) on Enum rows gave no values."""
    _, spec = _read("security-groups-ja-or-enums.md")
    get = spec["paths"]["/v2.0/security-group-rules/{securityGroupRuleId}"]["get"]
    rule = get["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["security_group_rule"]
    assert rule["properties"]["direction"]["enum"] == ["ingress", "egress"]
    assert rule["properties"]["ethertype"]["enum"] == ["IPv4", "IPv6"]
    post = spec["paths"]["/v2.0/security-group-rules"]["post"]
    body = post["requestBody"]["content"]["application/json"]["schema"]["properties"]["security_group_rule"]
    assert body["properties"]["direction"]["enum"] == ["ingress", "egress"]


def test_japanese_one_of_after_a_comma_and_a_response_the_same_as_another() -> None:
    """Compute Image (ja): "`accpeted`、`pending`、`rejected`のうち、いずれか1つ" (one of, with a comma inside
    "のうち、いずれか") gave no values; "イメージ表示と同じレスポンスを返します" (returns the same response as Get
    Image) read as no body, a 204 (the en guide's "Returns the same response as Get Image" did too: "same as"
    was matched only with the words adjacent)."""
    service, spec = _read("compute-image-ja-one-of-and-same-response.md")
    put = spec["paths"]["/v2/images/{imageId}/members/{memberId}"]["put"]
    status = put["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["status"]
    assert status["enum"] == ["accpeted", "pending", "rejected"]
    patch = spec["paths"]["/v2/images/{imageId}"]["patch"]
    assert list(patch["responses"]) == ["200"]
    assert "response-in-prose" in _kinds(service)
    english = "## T\n\n### Share\n\n```\nPATCH /v2/images/{imageId}\n```\n\n#### Response\n\n"
    english += "Returns the same response as Get Image.\n"
    [read] = NhnDialect().read(markdown.read(english, "t.md"), PageInfo("t.md", "", ()))
    assert [r.status for v in read.operations[0].versions.values() for r in v.responses] == ["200"]


def test_a_japanese_default_ends_at_an_ideographic_comma() -> None:
    """Secure Key Manager (ja): ``pageNumber | Number | ページ番号(デフォルト値：1、正数)`` (default: 1, a positive
    number). The default ran on to "1、正数", so it was no number and the Number stayed a number; the en guide's
    "(default: 1, positive integer)" made it an integer."""
    _, spec = _read("kms-ja-default-before-ideographic-comma.md")
    [get] = [item["get"] for path, item in spec["paths"].items() if path.endswith("/keys")]
    params = _params(get)
    assert params[("pageNumber", "query")]["schema"] == {"type": "integer", "default": 1}
    assert params[("pageSize", "query")]["schema"]["default"] == 10


def test_a_japanese_key_value_method_line_declares_the_operation() -> None:
    """Log & Crash Search (ja): ``- 転送方式：POST`` (transfer method, a full-width colon) over ``- URI: /v2/log``
    in a quote. The en/ko guides write ``Method of Delivery: POST`` and declare ``POST /v2/log``; the Japanese line
    declared nothing, so the guide's ja version had 4 of its 5 operations."""
    text = (UNSEEN / "log-crash-ja-key-value-method.md").read_text(encoding="utf-8")
    [service] = NhnDialect().read(markdown.read(text, "t.md"), PageInfo("t.md", "", ()))
    assert [(op.method, op.path) for op in service.operations] == [("POST", "/v2/log")]


def test_a_response_said_to_have_no_body_stays_bodyless_whatever_follows() -> None:
    """Object Storage (ja): "レスポンス本文を返しません。" (returns no response body) under ``#### レスポンス``, then
    under ``#### コード例`` (code example) "...同じ方法で..." ("in the same way"). "同じ" (same) made the response one
    given in prose (a 200); a response the page says has no body is a 204, as the en guide reads."""
    service, spec = _read("object-storage-ja-no-body-then-same.md")
    post = spec["paths"]["/v1/{Account}/{Container}"]["post"]
    assert list(post["responses"]) == ["204"]
    kinds = _kinds(service)
    assert "response-in-prose" not in kinds and "no-response-body" not in kinds


def test_a_japanese_permission_table_is_skipped_without_a_finding() -> None:
    """RDS for PostgreSQL (ja): ``#### 必要権限`` (required permissions) over ``権限名 | 説明`` (permission name |
    description) under every operation. The en ``Permission Name`` and ko ``권한`` tables are known to list no
    fields; the Japanese one was a table-skipped finding on each of the guide's 98 operations."""
    service, spec = _read("rds-postgresql-ja-permission-table.md")
    assert list(spec["paths"]) == ["/v1.0/db-versions"]
    assert "table-skipped" not in _kinds(service)


def test_a_pseudo_json_schema_with_list_types_and_type_keys_shapes_the_body() -> None:
    """E-mail v1.5 (en): a request "example" that is a schema, ``"attachFileIdList": List:String`` and
    ``"tagExpression": List:String`` among ``"title": String`` members. Type words in value position were read
    (a pseudo-JSON schema), but ``List:String`` was not, so the whole block was "not JSON; not used"."""
    service, spec = _read("email-pseudo-json-list-types.md")
    kinds = _kinds(service)
    assert "invalid-example" not in kinds and kinds.count("pseudo-example") == 2
    body = spec["paths"]["/email/v1.5/appKeys/{appKey}/sender/tagMail"]["post"]["requestBody"]["content"]
    assert "example" not in body["application/json"]  # a schema written as JSON is no example
    assert body["application/json"]["schema"]["properties"]["tagExpression"]["type"] == "array"


def test_a_type_word_as_a_key_of_a_pseudo_json_schema_is_a_map_key() -> None:
    """Alimtalk (en, older guides): ``"templateParameter": { String: String }`` inside a pseudo-JSON schema."""
    from scraper.dialects.nhn import _lenient_json

    value, error, repair = _lenient_json('{\n  "templateParameter": {\n    String: String\n  },\n  "n": Integer\n}')
    assert error is None and "pseudo-JSON" in repair
    assert value == {"templateParameter": {"key": "string"}, "n": 0}


def test_a_usage_column_of_required_marks_and_types_types_the_rows() -> None:
    """Push v2.3 (en): ``Field | Usage | Description`` rows ``pageIndex | Optional, Number | Default is 0`` under
    ``##### Method, URL, Headers`` over ``GET .../invalid-tokens?pageIndex={pageIndex}&...``. The Usage column has
    no known header word, so the rows had no type; the label's "URL" placed them in the path, where they are no
    placeholder, so the query string's own untyped parameters were kept instead (``undocumented-query-param`` and
    ``duplicate-parameter`` on every row). Now the column is read as a mark and a type, and a URL's rows named in
    its query string are those query parameters."""
    service, spec = _read("push-usage-column.md")
    get = spec["paths"]["/push/v2.3/appkeys/{appkey}/invalid-tokens"]["get"]
    params = _params(get)
    assert params[("pageIndex", "query")]["schema"] == {"type": "number", "default": 0}
    assert params[("pageIndex", "query")]["description"] == "Default is 0"
    assert params[("from", "query")]["schema"] == {"type": "string", "format": "date-time"}
    assert params[("appkey", "path")]["required"] is True
    post = spec["paths"]["/push/v2.3/appkeys/{appkey}/schedules"]["post"]
    body = post["requestBody"]["content"]["application/json"]["schema"]
    assert (body["properties"]["fromDate"]["type"], body["properties"]["fromDate"]["format"]) == ("string", "date")
    assert body["properties"]["times"]["items"]["type"] == "string"  # a string; the example shows a list of them
    assert {"type", "fromDate", "toDate", "times"} <= set(body["required"])
    assert "days" not in body["required"]
    kinds = _kinds(service)
    assert "duplicate-parameter" not in kinds and "undocumented-query-param" not in kinds
    assert "url-row-as-query" in kinds
    assert not [f for f in service.findings if "also says" in f.message]


@pytest.mark.parametrize(
    ("cell", "schema", "mark"),
    [
        ("Required, String", {"type": "string"}, "Required"),
        ("Optional, String Array", {"type": "array", "items": {"type": "string"}}, "Optional"),
        ("Required, Array", {"type": "array"}, "Required"),
        ("-, DateTime String", {"type": "string", "format": "date-time"}, "-"),
        ("Required, Date Time String", {"type": "string", "format": "date-time"}, "Required"),
        ("Date String", {"type": "string", "format": "date"}, ""),
    ],
)
def test_type_cells_with_a_usage_mark_or_a_format_before_string(cell: str, schema: dict[str, Any], mark: str) -> None:
    reading = read_type(cell)
    assert (reading.schema, reading.mark) == (schema, mark)
    assert not read_type("Number String").known  # a number is no kind of string


def test_a_success_example_label_is_the_response_and_selective_required_is_optional() -> None:
    """RCS Bizmessage (ko): a GET's ``[Query Parameter]`` table, then ``[성공 예시]`` (success example) over the
    response JSON and ``[실패 예시]`` (failure example). 성공 (success) was no response word, so the success example
    was read as the GET's request body (``body-on-bodyless``) and the operation as a 204 with no response section;
    ``O(선택적 필수)`` (one of several fields is required) was read as required."""
    service, spec = _read("rcs-success-example-label.md")
    get = spec["paths"]["/rcs/v1.0/messages/sms"]["get"]
    assert "requestBody" not in get
    assert list(get["responses"]) == ["200"]
    schema = get["responses"]["200"]["content"]["application/json"]["schema"]
    assert "data" in schema["properties"] or "$ref" in schema
    params = _params(get)
    assert params[("messageId", "query")]["required"] is False
    assert params[("limit", "query")]["schema"]["type"] == "integer"
    kinds = _kinds(service)
    assert "body-on-bodyless" not in kinds and "no-response-section" not in kinds


def test_a_title_several_operations_share_under_headings_of_their_own_takes_the_heading_above() -> None:
    """Service Monitoring (en; ja alike with "データ転送"): "## Single Batch Monitoring" > "### Data Transfer" and
    "## Scenario Modification" > "### Data transfer", each over its own ``POST``: the operationIds were
    ``dataTransfer`` and ``dataTransfer2`` (a number that says nothing). The heading above names each one."""
    service, spec = _read("service-monitoring-generic-titles.md")
    ids = {path: item["post"]["operationId"] for path, item in spec["paths"].items() if "post" in item}
    assert ids == {
        "/v1.0/monitoring/batchmon/appkey/{appKey}/scenarios/{scenarioId}": "singleBatchMonitoringDataTransfer",
        "/open-api/v1.0/appkey/{appKey}/scenarios/{scenarioId}": "scenarioModificationDataTransfer",
    }
    summaries = sorted(item["post"]["summary"] for item in spec["paths"].values())
    assert summaries == ["Scenario Modification: Data transfer", "Single Batch Monitoring: Data Transfer"]
    assert _kinds(service).count("generic-title") == 2 and "duplicate-title" not in _kinds(service)


def test_a_table_of_the_request_examples_fields_after_the_response_example_is_the_requests() -> None:
    """Push v2.3 (en) 'Send': ``##### Request Body`` JSON, ``##### Response Body`` JSON, then the table of
    ``target.type``, ``content.default.title``, ``messageType``, ... (the request example's keys, none of the
    response's ``message`` / ``header``): the table was read as the response's fields, so the request body had no
    documented field and the response documented the request."""
    service, spec = _read("push-request-table-after-response.md")
    post = spec["paths"]["/push/v2.3/appkeys/{appkey}/messages"]["post"]
    body = post["requestBody"]["content"]["application/json"]["schema"]
    assert {"target", "content", "messageType", "timeToLiveMinute"} <= set(body["properties"])
    assert body["properties"]["target"]["properties"]["type"]["description"].startswith("Type of receiving")
    assert "appkey" not in body["properties"] and _params(post)[("appkey", "path")]["required"] is True
    assert set(body["required"]) == {"content", "messageType", "target"}  # target.type is required
    response = post["responses"]["200"]["content"]["application/json"]["schema"]
    assert set(response["properties"]) == {"message", "header"}
    assert "request-table-placed" in _kinds(service)


def test_bodies_documented_under_headings_of_their_own_are_one_of_them() -> None:
    """KakaoTalk Bizmessage brand message (ko) 'send a free-form message': one ``POST .../freestyle-messages``, then
    ``#### 텍스트형 발송 요청`` (text-type request) and ``#### 이미지형 발송 요청`` (image-type request), each a
    ``[Request body]`` table of the whole body (``senderKey``, ``chatBubbleType``, ...). Read as one body, every
    field of the second was a ``duplicate-field`` (419 on the guide) and the image type's ``image`` a field of the
    text type. Now each heading's table is one member of a ``oneOf``, titled by its heading."""
    service, spec = _read("bizmessage-ko-alternative-bodies.md")
    post = spec["paths"]["/brand-message/v1.0/appkeys/{appkey}/freestyle-messages"]["post"]
    members = post["requestBody"]["content"]["application/json"]["schema"]["oneOf"]
    assert [m["title"] for m in members] == ["텍스트형 발송 요청", "이미지형 발송 요청"]
    text, image = members
    assert "image" not in text["properties"] and "image" in image["properties"]
    assert {"senderKey", "chatBubbleType", "content"} <= set(text["required"]) & set(image["required"])
    assert "duplicate-field" not in _kinds(service) and "alternative-bodies" in _kinds(service)


def test_request_rows_listed_at_the_top_level_are_read_where_the_example_nests_them() -> None:
    """CDN v2.0 (ja) 'サービス修正' (modify service): the ``[フィールド]`` rows are ``domain``, ``cacheType``, ... at
    the top level, where the request example nests them in ``distributions: [{...}]`` (the en guide writes
    ``distributions[0].domain``). The body required ``domain`` at its root, and its own example failed it
    (``example-mismatch``: 'domain' is a required property, five times). A response's rows were already read where
    the example has them; a request's are now too."""
    service, spec = _read("cdn-ja-rows-outside-the-example-list.md")
    put = spec["paths"]["/v2.0/appKeys/{appKey}/distributions"]["put"]
    body = put["requestBody"]["content"]["application/json"]["schema"]
    assert list(body["properties"]) == ["distributions"] and body["properties"]["distributions"]["type"] == "array"
    items = body["properties"]["distributions"]["items"]
    assert {"domain", "referrerType"} <= set(items["required"]) and "cacheType" not in items["required"]
    assert items["properties"]["domain"]["maxLength"] == 255
    assert "example-mismatch" not in _kinds(service) and "table-example-conflict" in _kinds(service)


def test_a_row_with_no_location_named_in_the_query_string_is_that_query_parameter() -> None:
    """Gamebase (ko) 'Get UserId Information with Auth key': ``POST .../userIds/authKeys?authSystem={authSystem}``,
    a ``[Request Parameter]`` row ``authSystem`` with no location, and a body that is a JSON array
    (``["authKey", ...]``). The row went into the body (a POST has one), so the body was an object with
    ``authSystem`` that its own example failed, and the query parameter had no type nor description."""
    page = UNSEEN / "gamebase-ko-query-row-beside-array-body.md"
    build = build_page(PageInput(name=page.name, path=page, provider="nhn", format="markdown"))
    [spec] = build.specs.values()
    assert validate_spec(spec) == ""
    post = spec["paths"]["/tcgb-member/v1.3/apps/{appId}/members/userIds/authKeys"]["post"]
    auth_system = _params(post)[("authSystem", "query")]
    assert auth_system["required"] is True and auth_system["description"].startswith("Gamebase")
    body = post["requestBody"]["content"]["application/json"]["schema"]  # the build infers it from the example
    assert body["type"] == "array" and body["items"]["type"] == "string"
    kinds = [f["kind"] for f in build.findings]
    assert "example-mismatch" not in kinds and "url-row-as-query" in kinds


def test_a_call_to_a_url_a_response_gives_is_no_operation_of_the_api() -> None:
    """KakaoTalk Bizmessage brand message (ko): 'register a video upload' (``POST .../videos``) answers with
    ``uploadInfo.uploadUrl``, and step 2 is ``POST  {uploadInfo.uploadUrl}``, an upload to Kakao's server. It was
    read as ``POST /{uploadInfo.uploadUrl}`` on the service's own host, an operation of the API."""
    service, spec = _read("bizmessage-ko-url-from-a-response.md")
    assert sorted(spec["paths"]) == ["/brand-message/v1.0/appkeys/{appKey}/videos"]
    [finding] = [f for f in service.findings if f.kind == "url-variable"]
    assert "{uploadInfo.uploadUrl}" in finding.message


def test_an_enum_cell_whose_every_line_is_a_value_keeps_its_first_value() -> None:
    """Gamebase v1.2 (ja) 'Get member': ``member.valid | Enum | Y：正常なユーザー<br>D：退会したユーザー<br>...``.
    The first line was not read as a value (a ``Word: text`` first line is often the description), so the enum was
    D, B, M and the guide's own example (``"valid": "Y"``) failed it. When every line is a value, the first is one."""
    page = UNSEEN / "gamebase-ja-enum-value-lines.md"
    build = build_page(PageInput(name=page.name, path=page, provider="nhn", format="markdown"))
    [spec] = build.specs.values()
    get = spec["paths"]["/tcgb-member/v1.2/apps/{appId}/members/{userId}"]["get"]
    schema = get["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["properties"]["member"]["properties"]["valid"]["enum"] == ["Y", "D", "B", "M"]
    assert not [f for f in build.findings if f["kind"] == "example-mismatch" and "valid" in f["message"]]


def test_a_note_column_beside_the_description_gives_its_defaults() -> None:
    """RCS Bizmessage (ko): ``필드 | 타입 | 필수 여부 | 설명 | 비고`` (field, type, required, description, note) with
    ``isAd | Boolean | X | 광고 발송 여부 | 기본값: false``. The 비고 column was dropped, so the defaults and notes
    were lost where the text rendering (which joins the two cells) read them: the note is a line of the
    description, and its ``기본값:`` clause the default, as a description's is."""
    _, spec = _read("rcs-ko-note-column-defaults.md")
    body = spec["paths"]["/rcs/v1.0/messages/sms"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    fields = body["properties"]
    assert fields["isAd"]["default"] is False and fields["isFallback"]["default"] is False
    assert fields["isAd"]["description"] == "광고 발송 여부\n기본값: false"
    assert fields["body"]["description"] == "본문\n최대 100자"
    assert "default" not in fields["sendDateTime"]  # "기본값: 현재 시간" (the current time) describes one in words


def test_a_body_table_outside_every_operation_is_a_finding() -> None:
    """Push v2.3 (en): ``### Send`` documents ``content.default`` as a ``Map`` ("see common message type as below");
    the sibling ``### Example of Sending Messages > #### 7. Rich Messages`` shows a body nesting ``richMessage`` in
    ``content.default`` and a table of ``richMessage.*`` fields. Outside Send's section and named by none of its
    rows, the table was dropped unsaid; which operation's body it extends, and where, the guide does not say."""
    service, spec = _read("push-rich-message-table-outside-send.md")
    body = spec["paths"]["/push/v2.3/appkeys/{appkey}/messages"]["post"]["requestBody"]["content"]
    assert "richMessage" not in body["application/json"]["schema"]["properties"]
    [finding] = [f for f in service.findings if f.kind == "body-outside-operations"]
    assert finding.line == 137 and "Rich Messages" in finding.subject
    assert "richMessage.buttons" in finding.message


def test_a_necessity_column_says_which_fields_are_required() -> None:
    """Service Monitoring (en): ``Value | Type | Corresponding scenarioType | Assignable Value | Necessity |
    Default | Description`` with ``Y`` / ``N`` under Necessity (whether the field is needed). The header was no
    word of the column vocabulary, so no body field was required."""
    service, _ = _read("service-monitoring-necessity-column.md")
    [operation] = service.operations
    [version] = operation.versions.values()
    assert version.request_body is not None
    required = version.request_body.schema["required"]
    assert {"url", "httpMethod", "scenarioType", "scenarioName"} <= set(required)
    assert not {"headers", "requestBody", "browserOption"} & set(required)


def test_a_request_line_with_its_http_version_declares_the_operation_and_a_status_line_its_status() -> None:
    """Data Lake Storage (en/ko/ja, one page per operation): ``PUT /{bucket}/{objectKey} HTTP/1.1`` and
    ``GET /{bucket}?list-type=2&... HTTP/1.1``, an HTTP request line with its version: no operation was found
    ("no NHN operation found" on every page). The response is written as ``HTTP/1.1 200 OK`` over its headers
    (``ETag: String``): 204 was assumed where the guide says 200. The XML body is said, not read as JSON silently."""
    service, spec = _read("lake-storage-http-request-lines.md")
    assert sorted((m, p) for p, item in spec["paths"].items() for m in item) == [
        ("get", "/{box}"),
        ("put", "/{box}/{thingKey}"),
    ]
    put = spec["paths"]["/{box}/{thingKey}"]["put"]
    assert list(put["responses"]) == ["200"]
    listing = spec["paths"]["/{box}"]["get"]
    assert list(listing["responses"]) == ["200"]
    assert {("list-type", "query"), ("max-keys", "query"), ("box", "path")} <= set(_params(listing))
    assert "inferred-status" not in _kinds(service)
    [xml] = [f for f in service.findings if f.kind == "xml-example"]
    assert xml.line == 59 and "ListThings" in xml.subject


def test_a_field_only_an_example_shows_and_only_as_null_has_no_type() -> None:
    """Pipeline (en/ko) and NAS (en/ja): ``"paging": null``, ``"reason": null``, ``"stationId": null`` in a response
    example, documented by no row: the inferred schema was ``type: 'null'``, so a client rejected every response that
    fills the field in. A null says the field may be null, not what it is when it is not: its type is left open."""
    _, spec = _read("pipeline-null-only-example-fields.md")
    response = spec["paths"]["/api/anchor/v1.0/flows/{flow-name}/run"]["post"]["responses"]["200"]
    schema = response["content"]["application/json"]["schema"]
    assert "type" not in schema["properties"]["paging"]
    body = schema["properties"]["body"]["properties"]
    assert "type" not in body["reason"]
    assert body["tags"]["type"] == "array" and "type" not in body["tags"].get("items", {})
    assert body["flowName"]["type"] == "string"


def test_a_gets_json_example_and_its_table_under_the_request_heading_are_its_response() -> None:
    """Security Monitoring (ja v1.1, 詳細イベント状況): under ``#### リクエスト`` a ``[パラメータ]`` table, then the
    response JSON and its ``[フィールド]`` table, with no ``#### レスポンス`` heading. The parameters, the
    response's fields and all, were read as the GET's request body and the response as a 204 without a body."""
    service, spec = _read("security-watch-ja-response-under-the-request.md")
    operation = spec["paths"]["/v1.0/appkeys/{appKey}/alerts"]["get"]
    assert "requestBody" not in operation
    assert {("page", "query"), ("fromDate", "query")} <= set(_params(operation))
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert set(schema["properties"]) == {"count", "results"}
    assert schema["properties"]["results"]["items"]["properties"]["dstPort"]["type"] == "integer"
    [moved] = [f for f in service.findings if f.kind == "response-under-request"]
    assert moved.line == 25
    assert "body-on-bodyless" not in _kinds(service) and "no-response-section" not in _kinds(service)


def test_a_default_written_with_a_space_before_its_colon_is_read_whole() -> None:
    """Server Security Check (ko): ``KO, EN, JA(기본값 : KO)``; Kubernetes (ja): ``<br>default : 10``: a space before
    the colon, so the colon was taken for the value and the default was lost unsaid. Resource Watcher (en):
    ``Default value : productName:ASC,eventName:ASC``: a value with commas in it is no default of one word."""
    _, spec = _read("security-check-ko-spaced-default-colon.md")
    params = _params(spec["paths"]["/chk/v1.0/appKey/{appKey}/summary"]["get"])
    assert params[("language", "query")]["schema"].get("default") == "KO"
    assert params[("interval", "query")]["schema"].get("default") == 10
    assert "default" not in params[("sort", "query")]["schema"]


def test_flat_rows_are_read_where_the_example_nests_them_when_one_name_is_misspelt() -> None:
    """Spell Checker (en/ja/ko): the response's ``필드`` rows ``query``, ``errata``, ``erratum``, ... are flat where the
    example nests them under ``body`` and ``body.errata[]``, and one row is misspelt (``elaspedTime`` for the
    example's ``elapsedTime``): the re-nesting gave up on that one name, so all ten rows were top-level fields beside
    an inferred ``body``. Most rows match one place each: they are read there, and the misspelt one is a finding,
    read as the example's key it nearly spells. A name the example has in two places is read in the one beside the
    rows around it (Push v2.3 en: ``createdDateTime`` in ``uids[].tags[]`` and ``uids[].contacts[]``, documented
    after ``contactType`` and ``contact``)."""
    service, spec = _read("spell-checker-flat-rows-one-misspelt.md")
    response = spec["paths"]["/word-check/v1.0/appkeys/{appkey}/checks"]["post"]["responses"]["200"]
    schema = response["content"]["application/json"]["schema"]
    assert set(schema["properties"]) == {"header", "body"}
    body = schema["properties"]["body"]
    assert body.get("x-inferred") is not True
    assert set(body["properties"]) == {"text", "mistakes", "processingTime", "dictionary"}
    assert body["properties"]["processingTime"]["description"] == "Time the check took"
    mistake = body["properties"]["mistakes"]["items"]
    assert set(mistake["properties"]) == {"word", "offset", "hints", "source"}
    assert mistake["properties"]["source"]["description"] == "Where the word was found"
    assert mistake["properties"]["hints"]["items"]["properties"]["rank"]["description"] == "Rank of the correction"
    [misspelt] = [f for f in service.findings if "proccesingTime" in f.message]
    assert misspelt.kind == "table-example-conflict" and misspelt.line == 71 and "processingTime" in misspelt.message


def test_element_rows_of_two_indexes_with_different_fields_are_alternative_item_shapes() -> None:
    """Security Monitoring (ja v1.1, 監視追加, POST /vm): ``vmList[0].lbIp``, ``vmList[0].vm[0].vmId``, ... document a
    load balancer's item and ``vmList[1].vmId``, ... a lone VM's, and the note under the table says to send one or
    the other. The indexes were dropped and both shapes merged into one item requiring every field, so the guide's
    own example failed it (8 example-mismatch findings). Now each index is an item shape of its own, the items one
    of them, with a finding."""
    service, spec = _read("security-monitoring-ja-indexed-item-shapes.md")
    post = spec["paths"]["/v1.0/appkeys/{appKey}/hosts"]["post"]
    body = post["requestBody"]["content"]["application/json"]["schema"]
    items = body["properties"]["hostList"]["items"]
    shapes = items["oneOf"]
    assert [set(s["properties"]) for s in shapes] == [{"poolIp", "members", "poolId"}, {"hostId", "hostName", "os"}]
    assert [s["required"] for s in shapes] == [["poolIp", "members", "poolId"], ["hostId", "hostName"]]
    assert set(shapes[0]["properties"]["members"]["items"]["properties"]) == {"hostId", "hostName"}
    example = post["requestBody"]["content"]["application/json"]["example"]
    assert jsonschema.Draft202012Validator(body).is_valid(example)
    assert not [f for f in service.findings if f.kind == "undocumented-example-field" and "host" in f.message]
    [alternatives] = [f for f in service.findings if f.kind == "alternative-items"]
    assert alternatives.line == 42 and "hostList" in alternatives.message


def test_xml_bodies_a_raw_body_row_and_a_header_family_of_an_s3_compatible_guide() -> None:
    """Data Lake Storage (S3-compatible, en/ko/ja): XML request and response bodies (``<?xml ...?><Delete>``,
    ``<ListBucketResult>``) were emitted as application/json (only a finding said so); PutObject's one ``Body |
    Binary`` row made a multipart/form-data body with a part named ``Body`` where the API takes the object's bytes
    as the body; the header row ``x-amz-meta-\\*`` (a family of headers) lost its asterisk and became a header
    named ``x-amz-meta-``."""
    service, spec = _read("lake-storage-xml-and-raw-bodies.md")
    put = spec["paths"]["/{box}/{thingKey}"]["put"]
    assert list(put["requestBody"]["content"]) == ["application/octet-stream"]
    raw = put["requestBody"]["content"]["application/octet-stream"]["schema"]
    assert raw["type"] == "string" and raw["format"] == "binary"
    assert put["requestBody"]["required"] is True
    assert {name for name, _ in _params(put)} == {"box", "thingKey", "Content-Length"}
    [family] = [f for f in service.findings if f.kind == "header-pattern"]
    assert family.line == 22 and "x-lake-meta-*" in family.message
    delete = spec["paths"]["/{box}"]["post"]
    assert list(delete["requestBody"]["content"]) == ["application/xml"]
    assert list(delete["responses"]["200"]["content"]) == ["application/xml"]
    result = delete["responses"]["200"]["content"]["application/xml"]["schema"]
    assert set(result["properties"]) == {"DeleteResult"}
    assert "raw-body" in _kinds(service)


def test_enum_query_parameters_read_their_listed_values_and_a_url_path_location_is_the_path() -> None:
    """Server Security Check (ko): ``kind | Query | ENUM | X | 점검 종류(OS, WAS)`` and ``bss | Query | ENUM | X |
    점검 기준("M": 주요정보통신기반시설, "F": 전자금융기반시설)``: the query parameters got no values and, unlike a body
    field, no enum-without-values finding; the response's ``(Windows, Linux)`` and ``("H", "M", "L")`` were not read
    either. ``appKey | URL Path`` was a row-repair finding ('URL Path' is not a location) where it names the path."""
    service, spec = _read("security-check-ko-enum-query-parameters.md")
    get = spec["paths"]["/chk/v1.0/appKey/{appKey}/results"]["get"]
    params = _params(get)
    assert params[("target", "query")]["schema"]["enum"] == ["HOST", "APP"]
    assert params[("level", "query")]["schema"]["enum"] == ["A", "B"]
    assert "enum" not in params[("zone", "query")]["schema"]
    [unlisted] = [f for f in service.findings if f.kind == "enum-without-values"]
    assert unlisted.line == 19 and "zone" in unlisted.message
    assert ("appKey", "path") in params and "row-repair" not in _kinds(service)
    schema = get["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["properties"]["os"]["enum"] == ["Windows", "Linux"]
    assert schema["properties"]["grade"]["enum"] == ["H", "M", "L"]


def test_a_parent_only_required_rows_imply_is_required_and_so_is_the_body() -> None:
    """Compute identity API (ko, POST /v2.0/tokens): the rows ``tenantId``, ``passwordCredentials``, ... (all
    required) are read under ``auth``, where the example has them, but no row documents ``auth``: the wrapper was
    an optional member, and the body itself optional (no top-level row was required), so a client could send ``{}``.
    A parent its required rows imply is required, said in its missing-parent finding."""
    service, spec = _read("identity-required-implied-wrapper.md")
    body = spec["paths"]["/v2.0/tokens"]["post"]["requestBody"]
    assert body["required"] is True
    schema = body["content"]["application/json"]["schema"]
    assert schema["required"] == ["login"]
    assert schema["properties"]["login"]["required"] == ["tenantId", "credentials"]
    [parent] = [f for f in service.findings if f.kind == "missing-parent"]
    assert "required" in parent.message and "tenantId" in parent.message


def test_an_optional_header_of_the_common_section_is_a_parameter_of_every_operation() -> None:
    """GameTalk (en, server guide): ``## Common > #### HTTP Header`` lists ``Content-Type``, ``X-Secret-Key`` (the
    credential: a security scheme) and the optional ``X-GT-Transaction-Id``, once for the guide, and each
    operation's ``[Request Header]`` says "Checks common items". The transaction id header was on no operation; it
    is now an optional header parameter of each, with one finding."""
    service, spec = _read("gametalk-common-optional-header.md")
    rooms = "/chat-room/v1.0/appkeys/{appKey}/rooms"
    for path, method in ((rooms, "post"), (f"{rooms}/{{roomId}}", "delete")):
        params = _params(spec["paths"][path][method])
        assert params[("X-CR-Trace-Id", "header")]["required"] is False
        assert "TraceId" in params[("X-CR-Trace-Id", "header")]["description"]
        assert ("X-Secret-Key", "header") not in params and ("Content-Type", "header") not in params
    [common] = [f for f in service.findings if f.kind == "common-header"]
    assert common.line == 23 and "X-CR-Trace-Id" in common.message


def test_an_enum_without_values_takes_those_of_the_one_row_of_its_name_that_lists_them() -> None:
    """RDS for MySQL v4.0 (en): response rows ``backupSchedules.backupWndDuration | Body | Enum | Backup duration``
    and ``events.eventCategoryType``, whose values only the request row of the same name (another operation) lists:
    no values, an ``enum-without-values`` each. One row of the same dotted name, else of the same last name, that
    lists values gives them, said with its line; rows listing different values give none."""
    service, spec = _read("rds-mysql-enum-values-on-another-row.md")
    paths = spec["paths"]
    got = paths["/v4.0/db-instances/{dbInstanceId}/backup-info"]["get"]["responses"]["200"]["content"]
    body = got["application/json"]["schema"]["properties"]
    assert body["backupSchedules"]["items"]["properties"]["windowLength"]["enum"] == ["SHORT", "LONG"]
    assert body["mode"]["enum"] == ["FULL", "DIFF"]
    events = paths["/v4.0/events"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    item = events["properties"]["events"]["items"]["properties"]
    assert item["categoryType"]["enum"] == ["ALL", "INSTANCE", "BACKUP"]
    assert "enum" not in item["level"]  # two rows named 'level' list different values
    reused = {
        (f.line, f.message.split(" at line ")[1][:2]) for f in service.findings if f.kind == "enum-from-other-row"
    }
    assert reused == {(23, "39"), (24, "40"), (67, "60")}
    assert [f.line for f in service.findings if f.kind == "enum-without-values"] == [68]
