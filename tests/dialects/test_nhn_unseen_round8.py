"""Guides of the eighth robustness round (``tests/fixtures/nhn/unseen/README.md``, the rows naming this file).

Each test is one defect found by reading NHN guides the dialect had never seen (Address Search, RDS for MySQL,
Network VPC, Private DNS, ...), on a short synthetic mirror of the shape: what the guide writes, what the reader made
of it, and what a client needs instead.
"""

from __future__ import annotations

from typing import Any

from scraper.model import Service
from tests.dialects.test_nhn_unseen import _read


def _kinds(service: Service) -> list[str]:
    return [f.kind for f in service.findings]


def _response_schema(spec: dict[str, Any], path: str, method: str = "get", status: str = "200") -> dict[str, Any]:
    schema: dict[str, Any] = spec["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"]
    return schema


def test_a_pseudo_json_list_ending_in_an_ellipsis_element_is_read_for_its_structure() -> None:
    # Address Search: ``"roadAddressDetailList": [ String, ... ]`` in a pseudo-JSON response (type names as values):
    # the ellipsis inside the list made the whole example "not JSON", so the flat rows were never nested
    service, spec = _read("address-search-ko-pseudo-json-per-country.md")
    assert "invalid-example" not in _kinds(service)
    assert "pseudo-example" in _kinds(service)
    schema = _response_schema(spec, "/place/v2/appkeys/{appKey}/places")
    kr = next(s for s in schema["anyOf"] if s["title"] == "KR")
    places = kr["properties"]["body"]["properties"]["places"]
    assert places["type"] == "array"
    assert places["items"]["properties"]["aliases"]["items"]["type"] == "string"
    assert set(places["items"]["properties"]) == {"roadName", "aliases", "postCode"}
    assert kr["properties"]["header"]["properties"]["isSuccessful"]["type"] == "boolean"
    # a pseudo-JSON schema shapes the schema; it is no example of a response
    content = spec["paths"]["/place/v2/appkeys/{appKey}/places"]["get"]["responses"]["200"]["content"]
    assert "example" not in content["application/json"]


def test_responses_documented_under_headings_of_their_own_are_any_of_them() -> None:
    # Address Search: ``### 응답`` > ``#### KR`` and ``#### JP``, each a whole response body (example and table) with
    # fields in common: the two were merged into one object, every common field of the second a duplicate-field
    service, spec = _read("address-search-ko-pseudo-json-per-country.md")
    assert "duplicate-field" not in _kinds(service)
    assert "alternative-responses" in _kinds(service)
    schema = _response_schema(spec, "/place/v2/appkeys/{appKey}/places")
    assert [s["title"] for s in schema["anyOf"]] == ["KR", "JP"]
    jp = schema["anyOf"][1]
    items = jp["properties"]["body"]["properties"]["places"]["items"]
    assert set(items["properties"]) == {"address", "prefectureCode", "postCode"}


def _property(schema: dict[str, Any], dotted: str) -> dict[str, Any]:
    for name in dotted.split("."):
        if schema.get("type") == "array":
            schema = schema["items"]
        schema = schema["properties"][name]
    return schema


def test_a_status_table_gives_its_values_only_to_the_status_it_names() -> None:
    # RDS for MySQL v4.0: ``## Backups`` > ``### Backup Status`` (the group's one status table) was read as the values
    # of every Enum of the group: backupType, dbVersion, regionCode, ... each 'BACKING_UP', 'COMPLETED', ..., so the
    # guide's own examples failed (18 example-mismatch); under ``## DB Instance``, two status tables gave nothing
    service, spec = _read("rds-mysql-status-and-value-tables.md")
    backup = _response_schema(spec, "/v4.0/backups/{backupId}")
    assert _property(backup, "backup.backupStatus")["enum"] == ["BACKING_UP", "COMPLETED"]
    assert "enum" not in _property(backup, "backup.backupType")
    assert any(f.kind == "enum-without-values" and "backup.backupType" in f.message for f in service.findings), _kinds(
        service
    )
    instances = _response_schema(spec, "/v4.0/db-instances")
    # two status tables in the group: each to the field its heading names
    assert _property(instances, "dbInstances.dbInstanceStatus")["enum"] == ["AVAILABLE", "SHUTDOWN"]
    assert _property(instances, "dbInstances.progressStatus")["enum"][:2] == ["BACKING_UP", "CREATING"]
    assert "example-mismatch" not in _kinds(service)


def test_a_value_the_example_shows_beyond_a_status_table_is_one_more_value() -> None:
    # RDS for PostgreSQL: ``### DB Instance Progress Status`` lists no ``NONE`` but every example shows
    # ``"progressStatus": "NONE"``: the table is a list kept elsewhere in the guide, the example what the API returns
    service, spec = _read("rds-mysql-status-and-value-tables.md")
    instances = _response_schema(spec, "/v4.0/db-instances")
    assert _property(instances, "dbInstances.progressStatus")["enum"] == ["BACKING_UP", "CREATING", "NONE"]
    assert any(f.kind == "table-example-conflict" and "'NONE'" in f.message for f in service.findings)


def test_enum_values_written_one_a_bullet_line_with_no_meaning_are_its_values() -> None:
    # RDS for MySQL: ``tlsOption | Body | Enum | TLS Option<br/>- NONE<br />- SSL<br />- X509``: no values were read
    # (only ``- VALUE: meaning`` lines were), an enum-without-values on every tlsOption
    _, spec = _read("rds-mysql-status-and-value-tables.md")
    backup = _response_schema(spec, "/v4.0/backups/{backupId}")
    assert _property(backup, "backup.tlsOption")["enum"] == ["NONE", "SSL", "X509"]


def test_a_gets_body_table_with_no_required_column_after_its_parameters_is_its_response() -> None:
    # Private DNS 'View Private DNS Zone': the ``#### Response`` heading is missing; the parameter table is followed
    # by a ``Name | Type | Format | Description`` table of Body rows (no Required column): it was read as the GET's
    # request body (body-on-bodyless) and the response as a 204
    service, spec = _read("private-dns-response-table-without-heading.md")
    operation = spec["paths"]["/v2.0/lookup/zones/{zoneId}"]["get"]
    assert "requestBody" not in operation
    assert "body-on-bodyless" not in _kinds(service)
    schema = _response_schema(spec, "/v2.0/lookup/zones/{zoneId}")
    assert _property(schema, "zone.record_count")["type"] == "integer"
    assert any(f.kind == "response-under-request" for f in service.findings)


def test_a_field_documented_as_an_array_whose_example_is_a_string_is_a_string() -> None:
    # Private DNS 'View a Recordset': ``rrset.records.content | Body | Array`` where the example shows
    # ``"content": "192.168.59.9"`` (and the other operations' rows say String): the example failed the schema
    service, spec = _read("private-dns-response-table-without-heading.md")
    schema = _response_schema(spec, "/v2.0/lookup/zones/{zoneId}/rrsets/{rrsetId}")
    assert _property(schema, "rrset.records.content")["type"] == "string"
    assert any(f.kind == "table-example-conflict" and "rrset.records.content" in f.message for f in service.findings)


def test_a_numbered_table_caption_ending_in_a_label_labels_its_table() -> None:
    # CAPTCHA: "[표 1-2] CAPTCHA 인증키 발급 response" (table 1-2, then its caption) over the response's ``key`` row:
    # the bracket held only the table's number, so the row was read as a request body field of the POST
    _, spec = _read("captcha-ko-numbered-table-captions.md")
    operation = spec["paths"]["/puzzle/v1.0/appkeys/{appKey}/keys"]["post"]
    assert "requestBody" not in operation
    schema = _response_schema(spec, "/puzzle/v1.0/appkeys/{appKey}/keys", "post")
    assert schema["properties"]["key"]["description"] == "발급 받은 인증 키"


def test_a_response_header_table_listing_the_examples_header_object_is_that_object() -> None:
    # Word Suggestion: under each response, ``[Header]`` over ``isSuccessful | Boolean``, ``resultCode | Integer``,
    # ``resultMessage | String``, the members of the example's ``"header": {...}``: skipped as HTTP headers (the
    # envelope's types came from the example only)
    service, spec = _read("word-suggestion-header-table-and-glued-label.md")
    schema = _response_schema(spec, "/v1.0/appkeys/{appKey}/service-use")
    header = schema["properties"]["header"]
    assert header["properties"]["isSuccessful"]["description"] == "Search Service Use Settings API success or not"
    assert "x-inferred" not in header
    assert "header-envelope-table" in _kinds(service)


def test_a_label_glued_under_a_table_is_a_label_not_a_row() -> None:
    # Word Suggestion 'Delete Word API': ``| words | Array | Required | ... |`` then ``[Response Body]`` on the next
    # line (no blank line: Markdown makes it a row of the table): the row '[Response Body]' was a body field, the
    # response example and its [Header] table the request's (isSuccessful, resultCode, resultMessage as request
    # headers), the response a 204
    service, spec = _read("word-suggestion-header-table-and-glued-label.md")
    operation = spec["paths"]["/v1.0/appkeys/{appKey}/words"]["delete"]
    assert set(operation["requestBody"]["content"]["application/json"]["schema"]["properties"]) == {"words"}
    assert not any(p["in"] == "header" and p["name"] == "resultCode" for p in operation.get("parameters", []))
    schema = _response_schema(spec, "/v1.0/appkeys/{appKey}/words", "delete")
    assert schema["properties"]["header"]["properties"]["resultCode"]["type"] == "integer"
    assert "no-response-section" not in _kinds(service)


def test_an_example_member_written_without_quotes_is_read() -> None:
    # Word Suggestion 'Search Service Use Settings': ``serviceUseStatusCode: "ENABLE"`` (a key without quotes, and
    # no comma before it): the example was "not JSON" and unused
    service, spec = _read("word-suggestion-header-table-and-glued-label.md")
    assert "invalid-example" not in _kinds(service)
    content = spec["paths"]["/v1.0/appkeys/{appKey}/service-use"]["get"]["responses"]["200"]["content"]
    assert content["application/json"]["example"]["serviceUseStatusCode"] == "ENABLE"


def test_a_status_table_under_a_heading_of_its_own_belongs_to_its_sibling_operations_group() -> None:
    # RDS for MySQL: "## Task Information" > "### Task Status" (the one status table) beside "### List Task Details"
    # whose ``jobStatus | Body | Enum | Current task status``: the table was filed under a group "Task Status" that no
    # operation is in, so jobStatus had no values
    _, spec = _read("rds-mysql-status-and-value-tables.md")
    job = _response_schema(spec, "/v4.0/jobs/{jobId}")
    assert job["properties"]["jobStatus"]["enum"] == ["PREPARING", "RUNNING"]


def _content(spec: dict[str, Any], path: str, method: str = "get") -> tuple[str, dict[str, Any]]:
    [(status, response)] = spec["paths"][path][method]["responses"].items()
    [(media, content)] = response["content"].items()
    return status + " " + media, content["schema"]


def test_a_response_documented_as_an_image_a_sound_or_a_file_is_a_binary_body() -> None:
    # CAPTCHA: the image and sound calls shown as ``<img src=".../keys/{key}/img">`` and ``new Audio(".../sound")``;
    # Deploy 'Download Binary': "Content-Type: `application/octet-stream`"; Object Storage 'Download an Object':
    # "returned to stream": each was read as a 204 with no body, so a client threw the file away
    service, spec = _read("captcha-binary-responses.md")
    binary = {"type": "string", "format": "binary"}
    assert _content(spec, "/picture/v1.0/keys/{key}/picture") == ("200 image/*", binary)
    assert _content(spec, "/picture/v1.0/keys/{key}/voice") == ("200 audio/*", binary)
    assert _content(spec, "/picture/v1.0/appkeys/{appKey}/reports/{reportId}") == ("200 application/pdf", binary)
    archive = "/picture/v1.0/appkeys/{appKey}/archives/{archiveId}"
    assert _content(spec, archive) == ("200 application/octet-stream", binary)
    # Compute Image: "The binary data for the image is returned" (a file); 'Upload Image', whose request is
    # application/octet-stream and whose response "return status code 204", has no body
    picture = "/picture/v1.0/appkeys/{appKey}/pictures/{pictureId}"
    assert _content(spec, picture) == ("200 application/octet-stream", binary)
    assert list(spec["paths"][picture]["put"]["responses"]) == ["204"]
    assert sum(f.kind == "binary-response" for f in service.findings) == 5
    # the key call keeps its JSON response
    assert _response_schema(spec, "/picture/v1.0/appkeys/{appKey}/keys", "post")["properties"]["key"]


def test_a_path_parameter_row_absent_from_the_path_is_a_query_parameter_said_so() -> None:
    # CAPTCHA: ``appkey`` listed as a Path Parameter of ``GET .../keys/{key}/img`` (no {appkey} in it)
    service, spec = _read("captcha-binary-responses.md")
    parameters = spec["paths"]["/picture/v1.0/keys/{key}/picture"]["get"]["parameters"]
    assert any(p["name"] == "appkey" and p["in"] == "query" for p in parameters)
    assert any(
        f.kind == "path-param-as-query" and "'appkey'" in f.message and "/picture" in f.message
        for f in service.findings
    )


def test_a_value_table_whose_note_names_a_field_gives_that_field_its_values() -> None:
    # RDS for MySQL v4.0: "### DB engine type" over ``MYSQL_V5633``, ``MYSQL_V8028``, ... and the note "You can use
    # the value for the dbVersion field of ENUM type" (ko "ENUM 타입의 dbVersion 필드에 대해 해당 값을 사용할 수
    # 있습니다", ja "...dbVersionフィールドに対して該当値を..."): 13 dbVersion Enums had no values
    service, spec = _read("rds-mysql-status-and-value-tables.md")
    backup = _response_schema(spec, "/v4.0/backups/{backupId}")
    instances = _response_schema(spec, "/v4.0/db-instances")
    for schema, dotted in ((backup, "backup.dbVersion"), (instances, "dbInstances.dbVersion")):
        assert _property(schema, dotted)["enum"][:2] == ["EXAMPLEDB_V8028", "EXAMPLEDB_V8032"], dotted
    [query] = spec["paths"]["/v4.0/db-instances"]["get"]["parameters"]
    assert query["schema"]["enum"] == ["EXAMPLEDB_V8028", "EXAMPLEDB_V8032"]
    assert not any(f.kind == "enum-without-values" and "dbVersion" in f.message for f in service.findings)
    assert any(f.kind == "field-value-table" and "dbVersion" in f.message for f in service.findings)


def test_a_deletes_rows_that_its_only_curl_example_sends_as_json_are_its_body() -> None:
    # Word Suggestion 'Delete Word API': the only request example is ``curl -X DELETE ... --data-raw '{"words":
    # [...]}'`` over the row ``words | Array | Required``: the row was read as a query parameter (a DELETE takes no
    # body), so a client sent the words in the query string
    service, spec = _read("word-suggestion-curl-json-body.md")
    terms = spec["paths"]["/v1.0/appkeys/{appKey}/terms"]["delete"]
    assert not any(p["name"] == "terms" for p in terms.get("parameters", []))
    body = terms["requestBody"]["content"]["application/json"]["schema"]
    assert body["properties"]["terms"]["type"] == "array" and body["required"] == ["terms"]
    assert any(f.kind == "body-from-curl" and "'terms'" in f.message for f in service.findings)
    # a row the curl's JSON does not send stays where a DELETE's unplaced rows go
    groups = spec["paths"]["/v1.0/appkeys/{appKey}/groups"]["delete"]
    assert [(p["name"], p["in"]) for p in groups["parameters"] if p["name"] == "groupName"] == [("groupName", "query")]
