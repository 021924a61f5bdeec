"""Guides of the eleventh robustness round (``tests/fixtures/nhn/unseen/README.md``, the rows naming this file).

The same guides as the dialect had read before, but at OLD revisions (2018-2023: Network-VPC and Compute-Instance
public APIs of 2020, SMS v2.3/v3.0 of 2020-2022, Certificate Manager v1.0 of 2020, Mobile-Device-Info of 2018,
...): the conventions of those years (other column headers, other labels, other code-block habits), on short
synthetic mirrors of each shape: what the guide writes, what the reader made of it, and what a client needs instead.
"""

from __future__ import annotations

from typing import Any

from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.model import Service
from scraper.readers import read_page
from tests.dialects.test_nhn_unseen import UNSEEN, _read
from tests.dialects.text_rendering import text_rendering


def _kinds(service: Service) -> list[str]:
    return [f.kind for f in service.findings]


def _ok_schema(operation: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = operation["responses"]["200"]["content"]["application/json"]["schema"]
    return schema


def test_an_attribute_column_of_type_words_beside_a_name_column_is_the_type() -> None:
    # Network-VPC / Compute-Instance 2020: ``이름 | 종류 | 속성 | 설명`` rows ``networks.status | Body | Enum``: 속성
    # (attribute) was read as a second name column and, holding more identifier-like cells, won: every response field
    # was named ``Array``, ``Enum``, ``String`` ("documented twice")
    service, spec = _read("vpc-ko-attribute-type-column.md")
    links = _ok_schema(spec["paths"]["/v2.0/links"]["get"])["properties"]["links"]
    assert links["type"] == "array"
    fields = links["items"]["properties"]
    assert sorted(fields) == ["id", "mtu", "peer:remote", "state"]
    assert fields["mtu"]["type"] == "integer" and fields["peer:remote"]["type"] == "boolean"
    assert "x-inferred" not in fields["mtu"]
    assert "duplicate-field" not in _kinds(service)
    assert any("'속성' holds types" in f.message for f in service.findings)


def test_an_enum_described_by_a_title_line_then_one_value_a_line_takes_them() -> None:
    # Network-VPC 2020: ``networks.status | Body | Enum | 네트워크 상태<br>**ACTIVE**<br>**DOWN**<br>**BUILD**``: the
    # values, one bold word a line under the title line, were not read (an Enum without values)
    service, spec = _read("vpc-ko-attribute-type-column.md")
    fields = _ok_schema(spec["paths"]["/v2.0/links"]["get"])["properties"]["links"]["items"]["properties"]
    assert fields["state"]["enum"] == ["UP", "DOWN"]
    assert "enum-without-values" not in _kinds(service)


def test_a_stray_pipe_after_a_declared_path_is_not_part_of_it() -> None:
    # SMS v2.3 (2020) and v3.0 (2022): ``POST /sms/v3.0/appKeys/{appKey}/requests/sendNos|`` in the [URL] code block
    # (a table cell's bar left behind): the path ended in ``sendNos|``, so a client called a URL the API has not
    service, spec = _read("sms-ko-path-with-stray-pipe.md")
    assert list(spec["paths"]) == ["/sms/v3.0/appKeys/{appKey}/requests/senders"]
    assert any("'|'" in f.message and f.line == 12 for f in service.findings)


def test_a_binary_content_type_in_the_responses_header_block_is_its_body() -> None:
    # Certificate Manager v1.0 (2020): the download's response is a ``[Response Header]`` code block saying
    # ``Content-Type:application/octet-stream`` over a PEM text block: with no table and no JSON example it was read
    # as a 204 without a body, so a client threw the file away
    service, spec = _read("certificate-ko-header-block-media-type.md")
    responses = spec["paths"]["/keystore/v1.0/appkeys/{appKey}/keys/{keyName}/files"]["get"]["responses"]
    assert list(responses) == ["200"]
    assert list(responses["200"]["content"]) == ["application/octet-stream"]
    assert "no-response-body" not in _kinds(service)


def test_hashed_key_and_value_rows_under_an_object_document_a_map() -> None:
    # SMS (2018-2022) and E-mail v1.0/v1.5 (2018-2019): ``- templateParameter | Object`` over ``-- #key# | String |
    # 치환 키(##key##)`` and ``-- #value# | Object | 치환 키에 매핑되는 Value값``: the keys and the values of a map of
    # replacement keys, not two members named ``#key#`` and ``#value#`` (with the example keys inferred)
    service, spec = _read("sms-ko-hashed-key-value-rows.md")
    body = spec["paths"]["/voice/v1.0/appKeys/{appKey}/sender/voice"]["post"]["requestBody"]
    item = body["content"]["application/json"]["schema"]["properties"]["recipientList"]["items"]
    parameters = item["properties"]["templateParameter"]
    assert parameters["type"] == "object"
    assert "properties" not in parameters
    assert parameters["additionalProperties"]["type"] == "string"
    assert _kinds(service).count("map-key") == 1
    assert not any("templateParameter" in f.message for f in service.findings if f.kind != "map-key")


def test_a_hashed_value_row_typed_object_is_any_value() -> None:
    # E-mail: ``-- #value# | Object | 치환 키에 매핑되는 Value값`` where every example shows ``"key": "value"``: Java's
    # Object, any value; a map of objects would make a client refuse the strings the guide sends
    _, spec = _read("email-ko-hashed-object-value.md")
    body = spec["paths"]["/email/v1.0/appKeys/{appKey}/sender/mail"]["post"]["requestBody"]
    parameters = body["content"]["application/json"]["schema"]["properties"]["templateParameter"]
    assert "properties" not in parameters
    assert "type" not in parameters["additionalProperties"]


def test_a_curl_commands_json_data_is_the_request_example_when_it_is_the_only_one() -> None:
    # DNS Plus (2019): the only request example is ``curl ... --data '{ "zone": { "zoneName": ..., "description": ...
    # }}'``, and the table lists ``zoneName`` and ``description`` flat: without the example the client sent them at
    # the top level, where the API expects them under ``zone``
    service, spec = _read("dnsplus-ko-curl-only-request-body.md")
    body = spec["paths"]["/names/v1.0/appkeys/{appkey}/zones"]["post"]["requestBody"]["content"]["application/json"]
    assert body["example"] == {"zone": {"zoneName": "test.example.com.", "description": "test"}}
    zone = body["schema"]["properties"]["zone"]
    assert sorted(zone["properties"]) == ["description", "zoneName"]
    assert zone["properties"]["zoneName"]["maxLength"] == 254
    assert "example-from-curl" in _kinds(service)


def test_the_curl_example_s_content_type_is_the_body_s_when_nothing_else_says() -> None:
    # E-mail 'Upload attachment' (pages/nhn, and v1.x of 2018-2020): ``fileBody | Byte[]`` read as a file part made the
    # body multipart/form-data, but the curl command sends ``-H 'Content-Type: application/json'`` and ``"fileBody":
    # []``: the body is JSON, as the command sends it
    service, spec = _read("email-ko-curl-json-byte-array.md")
    body = spec["paths"]["/email/v2.1/appKeys/{appKey}/attachfile/binaryUpload"]["post"]["requestBody"]
    assert list(body["content"]) == ["application/json"]
    assert body["content"]["application/json"]["schema"]["properties"]["fileBody"]["type"] == "array"
    assert "body-media-type" in _kinds(service)


def test_a_curl_example_reads_the_same_from_a_text_rendering_that_drops_bracket_lines() -> None:
    # the docs site's text rendering drops the curl data's bracket-only lines (``}, {`` kept, ``}]`` lost): the
    # request's example and nesting must come out as from the Markdown (the text parity floor caught E-mail)
    markdown = (
        (UNSEEN / "email-ko-curl-json-byte-array.md")
        .read_text(encoding="utf-8")
        .replace(
            '"fileBody": []',
            '"parts": [{\n        "name": "a",\n        "size": 1\n    }, {\n        "name": "b"\n    }]',
        )
    )
    text = text_rendering(markdown, drop_brackets=True)
    assert "}, {" in text and "}]" not in text
    [service] = NhnDialect().read(read_page(text, page="g.txt", format="text", provider="nhn"), PageInfo("g.txt"))
    [operation] = service.operations
    [version] = operation.versions.values()
    assert version.example_request is not None
    assert version.example_request.body == {"fileName": "file.csv", "parts": [{"name": "a", "size": 1}, {"name": "b"}]}
