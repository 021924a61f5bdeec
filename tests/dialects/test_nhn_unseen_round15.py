"""Guides of the fifteenth robustness round (``tests/fixtures/nhn/unseen/README.md``, the rows naming this file).

Shapes met on TOAST-DOCS guides no earlier round swept (Contact Center's Korean and Japanese Online Contact API
guides), each an excerpt of the real guide (repository, path and commit in the README's row).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scraper.build import PageInput, spec_files
from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.dialects.prose_values import bracketed_values, listed_values
from scraper.readers import markdown
from tests.dialects.nhn_corpus import build_page
from tests.dialects.test_nhn_unseen import GUIDES, UNSEEN, _params, _read


def _operations(spec: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted((m, p) for p, item in spec["paths"].items() for m in item if m != "parameters")


@pytest.mark.parametrize("name", ["contact-center-ko-result-data.md", "contact-center-ja-result-data.md"])
def test_a_result_data_heading_labels_the_response(name: str) -> None:
    # Contact Center ko/ja online-contact-api-guide-openapi-ticket.md: "#### 결과 데이터" / "#### 結果データ"
    # (result data) over the "명칭 | 변수 | 데이터 타입 | 설명" table of what the call returns, as "#### Result Data"
    # in the English guide: the label was not read, so the list's rows (ticketId, subject, ..., total, pageSize)
    # were the POST's request body
    _, spec = _read(name)
    path = "/{serviceId}/openapi/v1/ticket/enduser/{usercode}/list.json"
    assert _operations(spec) == [("post", path)]
    operation = spec["paths"][path]["post"]
    assert "requestBody" not in operation
    assert set(_params(operation)) >= {("categoryId", "query"), ("pageSize", "query")}
    result = operation["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["result"]
    # the excerpt stops before the example, so nothing says ``contents`` is a list: an object (``missing-parent``)
    item = result["properties"]["contents"]
    assert item["properties"]["ticketId"]["type"] == "string"
    assert item["properties"]["createdDt"]["type"] == "integer"
    assert result["properties"]["total"]["type"] == "integer"


def test_a_call_method_column_gives_the_interface_tables_method() -> None:
    # Contact Center ko online-contact-api-guide-openapi-service.md: the interface table's method column is headed
    # 호출방식 (call method) where the other guides write 호출방향 (call direction): no operation was found ("no NHN
    # operation found"), the en and ja versions giving GET /{serviceId}/api/v2/service.json
    _, spec = _read("contact-center-ko-call-method.md")
    assert _operations(spec) == [("get", "/{serviceId}/api/v2/service.json")]
    operation = spec["paths"]["/{serviceId}/api/v2/service.json"]["get"]
    content = operation["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["result"]
    fields = content["properties"]["content"]["properties"]
    assert fields["multiLanguage"]["type"] == "boolean"
    assert fields["languages"]["items"]["properties"]["orderNo"]["type"] == "integer"


def test_a_bracketed_list_ending_a_description_line_is_a_sent_fields_enum() -> None:
    # Notification Hub ko api-guide-v1x0/flow.md: every field's values are the bracketed list ending its cell
    # ("발송 내용 유형<br>기본값: NORMAL<br>[NORMAL(일반), AD(광고), AUTH(인증)]", "메시지 채널입니다.<br>[SMS, RCS,
    # ALIMTALK, EMAIL, PUSH]"): they were not read, so a client sent any string
    service, spec = _read("notification-hub-bracketed-values.md")
    schema = spec["paths"]["/flow/v1.0/flows"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    fields = schema["properties"]
    assert fields["messagePurpose"]["enum"] == ["NORMAL", "AD", "AUTH"]
    assert fields["messagePurpose"]["default"] == "NORMAL"
    assert fields["steps"]["items"]["properties"]["messageChannel"]["enum"] == [
        "SMS",
        "RCS",
        "ALIMTALK",
        "EMAIL",
        "PUSH",
    ]
    readings = [f for f in service.findings if f.kind == "enum-from-prose"]
    assert sorted(f.line for f in readings) == [60, 62]


@pytest.mark.parametrize(
    ("description", "values"),
    [
        ("Sent content type\nDefault: NORMAL\n[NORMAL, AD, AUTH]", ["NORMAL", "AD", "AUTH"]),
        ("발송 내용 유형\n[NORMAL(일반), AD(광고), AUTH(인증)]", ["NORMAL", "AD", "AUTH"]),
        ("Sent content type Default: NORMAL [NORMAL, AD, AUTH]", ["NORMAL", "AD", "AUTH"]),  # a text rendering
        ("Message channel.\n[SMS]", []),  # one value is no list of values
        ("See [Request Body] for the fields", []),
        ("Range\n[0, 100]", []),
        ("[SMS, RCS] are sent first", []),  # not the end of its line: a sentence
        ("Message type [sms, lms]", []),  # lower case: as often words as values
        ("[xls, xlsx, csv, json]", ["xls", "xlsx", "csv", "json"]),  # ... unless the list is the whole description
        ("[0, 100]", []),
    ],
)
def test_bracketed_values(description: str, values: list[str]) -> None:
    assert bracketed_values(description) == values


def test_a_table_headed_as_a_value_listing_lists_values_too() -> None:
    # Document OCR v2.1 en ID Card Analysis API: "key | value type | description" tables, one per card type, list the
    # keys an entry of keyValues carries; the example shows a resident card only ("key": "name"), so the resident's
    # and driver's tables were value listings and the passport's (passportType, ..., MRZ2) 17 top-level members of
    # the response beside "result"
    service, spec = _read("document-ocr-key-tables.md")
    operation = spec["paths"]["/v2.1/appkeys/{appKey}/id-card"]["post"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert sorted(schema["properties"]) == ["header", "result"]
    assert "passportType" not in str(schema)
    listings = [f for f in service.findings if f.kind == "value-listing-table"]
    assert [f.line for f in listings] == [177, 186, 201]
    assert all("keyValues" in f.message for f in listings)


def test_a_description_that_is_only_values_in_capitals_is_a_sent_fields_enum() -> None:
    # ROLE v3 ja api-v3-guide.md (swagger-codegen tables): "roleApplyPolicyCode | String | No | ALLOW, DENY",
    # "attributeOperatorTypeCode | String | Yes | ALL_CONTAINS, ..., FALSE": the description is the list of values
    # and nothing else; they were not read (any string was sent)
    service, spec = _read("role-v3-listed-values.md")
    schema = spec["paths"]["/role/v3.0/appkeys/{appKey}/users"]["post"]["requestBody"]["content"]["application/json"]
    relation = schema["schema"]["properties"]["users"]["items"]["properties"]["roleRelations"]["items"]
    assert relation["properties"]["roleApplyPolicyCode"]["enum"] == ["ALLOW", "DENY"]
    operator = relation["properties"]["conditions"]["items"]["properties"]["attributeOperatorTypeCode"]
    assert operator["enum"][:3] == ["ALL_CONTAINS", "ANY_CONTAINS", "NOT_CONTAINS"] and len(operator["enum"]) == 15
    readings = [f for f in service.findings if f.kind == "enum-from-prose"]
    assert len(readings) == 2


@pytest.mark.parametrize(
    ("description", "values"),
    [
        ("ALLOW, DENY", ["ALLOW", "DENY"]),
        ("  STRING, NUMERIC, DAY_OF_WEEK ", ["STRING", "NUMERIC", "DAY_OF_WEEK"]),
        ("ALLOW", []),
        ("ALLOW, DENY or empty", []),
        ("User ID, NAME", []),
        ("Y, n", []),
    ],
)
def test_listed_values(description: str, values: list[str]) -> None:
    assert listed_values(description) == values


def test_a_common_response_heading_ends_the_last_operation_and_answers_the_operations_it_names() -> None:
    # File Crafter ko api-guide.md: "### Export 요청" and "### Import 요청" document no response of their own, then
    # "### 공통 응답" says "Export 요청, Import 요청이 공통적으로 사용하는 응답입니다" (the response Export and Import
    # share) over the envelope: the heading was read as a label inside Import (Import had the body, Export a 204)
    service, spec = _read("file-crafter-common-response.md")
    for path in ("/file-crafter/v2.0/export/files", "/file-crafter/v2.0/import/files"):
        responses = spec["paths"][path]["post"]["responses"]
        assert list(responses) == ["200"], path
        schema = responses["200"]["content"]["application/json"]["schema"]
        assert sorted(schema["properties"]) == ["fileId", "header"], path
    readings = [f for f in service.findings if f.kind == "common-response"]
    assert [f.message.split(";")[0] for f in readings] == ["no Response section", "no Response section"]
    assert "no-response-section" not in [f.kind for f in service.findings]
    # "exportedFile.extension | String | Not Null | O | [xls, xlsx, csv, json]": the whole description is the values
    body = spec["paths"]["/file-crafter/v2.0/export/files"]["post"]["requestBody"]["content"]["application/json"]
    extension = body["schema"]["properties"]["exportedFile"]["properties"]["extension"]
    assert extension["enum"] == ["xls", "xlsx", "csv", "json"]
    # "- [Header]" over {"x-tc-app-key": "String", "x-secret-key": "String"} (no header table): the secret key is the
    # operations' credential (the guide "speaks of authentication but documents no credential header")
    [scheme] = spec["components"]["securitySchemes"].values()
    assert scheme == {**scheme, "type": "apiKey", "in": "header", "name": "x-secret-key"}
    assert "unrecognised-auth" not in [f.kind for f in service.findings]


def test_a_valid_range_listing_integers_is_an_integer_parameters_enum() -> None:
    # AppGuard ja api-guide.md (the whole guide, tests/fixtures/nhn/unseen/guides): "targetType | Integer | 任意 | 0 |
    # 0, 1 | 出力するIDタイプ(0=デバイスID, 1=ユーザーID)" and "os | Integer | 必須 | - | 1, 2 | 照会対象OS(1=Android,
    # 2=iOS)" under "有効範囲" (valid range): the listed integers were kept as words only (any integer was sent)
    page = GUIDES / "AppGuard__ja__api-guide.md"
    build = build_page(PageInput(name=page.name, path=page, provider="nhn", format="markdown"))
    assert not build.crash
    [spec] = build.specs.values()
    params = _params(spec["paths"]["/v1.0/appkeys/{appkey}/dashboard/abnormal-status"]["get"])
    assert params[("targetType", "query")]["schema"] == {"type": "integer", "enum": [0, 1], "default": 0}
    assert params[("os", "query")]["schema"]["enum"] == [1, 2]
    readings = [f for f in build.findings if f["kind"] == "enum-from-range"]
    assert [f["line"] for f in readings] == [48, 50]


def test_fixture_rows_name_this_file() -> None:
    readme = (Path(UNSEEN) / "README.md").read_text(encoding="utf-8")
    for name in (
        "contact-center-ko-result-data.md",
        "contact-center-ja-result-data.md",
        "contact-center-ko-call-method.md",
        "notification-hub-bracketed-values.md",
        "document-ocr-key-tables.md",
        "role-v3-listed-values.md",
        "file-crafter-common-response.md",
    ):
        assert f"`{name}` (test: `test_nhn_unseen_round15.py`)" in readme


def test_integers_a_valid_range_lists_restrict_a_sent_field_with_a_finding_and_a_received_one_not() -> None:
    # the AppGuard reading (above) on a body row and a response row: a sent field gets the enum and, as a
    # parameter does, an enum-from-range finding (it had none); a received field keeps the integers as words only
    # (it got the enum, so a client refused a response with a value the guide did not list)
    text = """## Security > Thing > API Guide

### Register a thing

```
POST /v1.0/things
```

#### Request Body

| Name | Type | Required | Default | Valid range | Description |
|---|---|---|---|---|---|
| os | Integer | Required | - | 1, 2 | OS (1=Android, 2=iOS) |

#### Response Body

| Name | Type | Required | Default | Valid range | Description |
|---|---|---|---|---|---|
| os | Integer | Required | - | 1, 2 | OS (1=Android, 2=iOS) |
"""
    [service] = NhnDialect().read(markdown.read(text, "t.md"), PageInfo("t.md", "", ()))
    _, specs = spec_files(service)
    [spec] = specs.values()
    operation = spec["paths"]["/v1.0/things"]["post"]
    sent = operation["requestBody"]["content"]["application/json"]["schema"]["properties"]["os"]
    assert sent["enum"] == [1, 2]
    [response] = [r for status, r in operation["responses"].items() if status.startswith("2")]
    received = response["content"]["application/json"]["schema"]["properties"]["os"]
    assert received["type"] == "integer" and "enum" not in received
    readings = [f for f in service.findings if f.kind == "enum-from-range"]
    assert [(f.line, "body field 'os'" in f.message) for f in readings] == [(13, True)]
