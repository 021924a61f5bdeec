"""Guides of the sixteenth robustness round (``tests/fixtures/nhn/unseen/README.md``, the rows naming this file).

Round 16 read 24 TOAST-DOCS guides never swept before in all their renderings (Markdown, the site's HTML, its text
renderings: cells joined by spaces, pipe rows, one cell a line) and compared the specs per operation. Each test here
is a shape one rendering read differently from the Markdown, on an excerpt of the real guide (repository, path and
commit in the README's row); the renderings are made from the excerpt as the parity tests make them.
"""

from __future__ import annotations

from typing import Any

from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.readers import read_page
from tests.dialects.test_nhn_html import _operations
from tests.dialects.test_nhn_pipe_parity import _without_spaces
from tests.dialects.test_nhn_unseen import UNSEEN
from tests.dialects.text_rendering import cell_line_rendering, pipe_rendering, text_rendering


def _read(text: str, format: str) -> list[tuple[Any, ...]]:
    return _operations(NhnDialect().read(read_page(text, page="g", format=format, provider="nhn"), PageInfo("g")))


def _contracts(text: str, format: str) -> list[tuple[Any, ...]]:
    """Per operation: method, path, version, parameters (name, location, required, schema), body, responses."""
    return [(op[1:4], op[5], op[6], op[7]) for op in _read(text, format)]


def test_a_valid_value_range_column_of_several_words_keeps_the_rows_of_the_text_rendering_apart() -> None:
    # Image ja api-guide.md: a field table headed '名前 | タイプ | 有効な値の範囲 | 必須か否か | 既定値 | 説明'
    # ("valid value range", where other guides write 有効範囲). The column was no word of the vocabulary, so the
    # text reader took it for a usage column (a type per cell) and a row whose range holds spaces ('name String
    # 少なくとも 2文字, 最大 255Byte オプション ...') started no row: name, page and rows were lines of createdBy's
    # description, and the GET lost three of its query parameters.
    markdown = (UNSEEN / "image-ja-valid-value-range-column.md").read_text(encoding="utf-8")
    from_markdown = _contracts(markdown, "markdown")
    names = [name for name, location, _, _ in from_markdown[0][1] if location == "query"]
    assert names == ["basepath", "createdBy", "name", "page", "rows", "sort"]
    from_text = _contracts(text_rendering(markdown), "text")
    # the Default column beside the Description is joined into it by the site (a documented limit of this
    # rendering, tests/dialects/test_nhn_text_parity.py): compare without the defaults
    assert _without_defaults(from_text[0][1]) == _without_defaults(from_markdown[0][1])


def test_a_cell_line_table_whose_first_row_is_named_by_a_column_word_keeps_its_header_width() -> None:
    # The same guide's upload: '[オプション]' over the six header cells one a line, then the first row 'path |'
    # ('path' is a URI column's word). With 有効な値の範囲 a column word, the header's run of column words took
    # 'path' in too (seven columns, which the cells do not divide into): every row was shifted by one cell.
    markdown = (UNSEEN / "image-ja-valid-value-range-column.md").read_text(encoding="utf-8")
    from_markdown = _contracts(markdown, "markdown")
    assert list(from_markdown[1][2]["properties"]) == ["path", "overwrite", "autorename", "operationIds"]
    # descriptions compared without their whitespace: a cell's line breaks are spaces in this rendering
    assert _without_spaces(_contracts(cell_line_rendering(markdown), "text")) == _without_spaces(from_markdown)


def test_the_interface_table_of_a_text_rendering_declares_the_operation() -> None:
    # Contact Center ja online-contact-api-guide-openapi-helpcenter.md: '- URL: https://...' over the interface
    # table 'インターフェース名 | プロトコル | 呼び出し方向 | エンコード | ...' whose call-direction column holds the
    # method. The Markdown reads POST .../addition.json; the text rendering's header line was no table (the
    # interface columns were no words of the text reader, and 'エンコード' none of the vocabulary): "no NHN operation
    # found".
    markdown = (UNSEEN / "contact-center-ja-interface-table.md").read_text(encoding="utf-8")
    from_markdown = _contracts(markdown, "markdown")
    assert [contract[0][:2] for contract in from_markdown] == [("POST", "/{serviceId}/hc/openapi/v1/addition.json")]
    assert _contracts(text_rendering(markdown), "text") == from_markdown


def _without_defaults(parameters: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return [
        (name, location, required, {k: v for k, v in schema.items() if k != "default"})
        for name, location, required, schema in parameters
    ]


def test_a_method_and_endpoint_list_of_the_text_rendering_is_a_table() -> None:
    # System Monitoring en open-metrics-api-guide-gov.md: '#### Available Endpoints' over a 'Method | endpoint'
    # table listing the Prometheus API's paths ('GET | /prometheus/api/v1/query', ...), which the Markdown reads as a
    # list of what '[GET,POST] /prometheus/{prometheus-api-endpoint}' forwards to. The text reader knew 'endpoint'
    # as an endpoint table's URL column only, so 'Method endpoint' was no table header and each row a 'METHOD /path'
    # line: ten operations more than the Markdown's.
    markdown = (UNSEEN / "system-monitoring-method-endpoint-list.md").read_text(encoding="utf-8")
    from_markdown = _contracts(markdown, "markdown")
    assert [contract[0][:2] for contract in from_markdown] == [
        ("GET", "/prometheus/{prometheus-api-endpoint}"),
        ("POST", "/prometheus/{prometheus-api-endpoint}"),
    ]
    assert _contracts(text_rendering(markdown), "text") == from_markdown


def test_a_sentence_saying_the_response_holds_only_the_header_starts_the_response_of_the_pipe_rendering() -> None:
    # Storage Online NAS ko api-guide.md: a DELETE's '#### 응답' says only '응답 본문에는 헤더 필드 외의 내용이
    # 포함되지 않습니다.' (the response body holds nothing but the header fields), the guide's '### 응답 공통 정보'
    # documenting that header. The dialect reads a 200 with the envelope; the pipe rendering, which drops the
    # headings, rebuilt no response heading at that sentence (the pipe reader knew fewer such sentences than the
    # dialect): a 204 with no body. The two now share one pattern (table_vocabulary.COMMON_RESPONSE_SENTENCE).
    markdown = (UNSEEN / "nas-ko-header-only-response.md").read_text(encoding="utf-8")
    from_markdown = _contracts(markdown, "markdown")
    assert [status for status, _ in from_markdown[0][3]] == ["200"]
    # descriptions compared without their whitespace, as test_nhn_pipe_parity compares them (a code span's spaces)
    assert _without_spaces(_contracts(pipe_rendering(markdown), "text")) == _without_spaces(from_markdown)


def test_a_type_of_several_words_stays_one_type_cell_in_the_text_rendering() -> None:
    # Container Kubernetes ko public-api.md: 'addon_types | Body | List of object | 애드온 유형 정보의 목록'. The
    # Markdown reads a list of objects; the text reader cut the type cell after 'List' (the shortest reading that
    # matched, first of equal scores), leaving 'of object' at the head of the description, and the list's items
    # were then inferred from the example where the Markdown's are objects as written.
    markdown = (UNSEEN / "nks-ko-list-of-object-type.md").read_text(encoding="utf-8")
    from_markdown = _contracts(markdown, "markdown")
    (_, schema), *_ = from_markdown[0][3]
    assert schema["properties"]["addon_types"]["items"] == {"type": "object"}
    assert _contracts(text_rendering(markdown), "text") == from_markdown


def test_a_common_response_naming_the_operations_by_a_shared_noun_answers_them() -> None:
    # File Crafter en api-guide.md: '### Common response' says 'Response commonly used by Export and Import
    # requests.' over the envelope and 'fileId', after the operations 'Export Request' and 'Import Request', which
    # document no response of their own. The Korean guide names each in full ('Export 요청, Import 요청'), which
    # the dialect read; the English coordination sharing the noun named neither: both were 204s.
    markdown = (UNSEEN / "file-crafter-en-common-response.md").read_text(encoding="utf-8")
    contracts = _contracts(markdown, "markdown")
    assert [contract[0][:2] for contract in contracts] == [
        ("POST", "/file-crafter/v2.0/export/files"),
        ("POST", "/file-crafter/v2.0/import/files"),
    ]
    for contract in contracts:
        ((status, schema),) = contract[3]
        assert status == "200"
        assert schema["properties"]["fileId"]["type"] == "string"


def test_a_default_cell_with_a_note_after_the_value_gives_the_value() -> None:
    # Deploy en api-guide-v1.0.md, 'Run Deployment': 'nextWhenFail | Boolean | ... | false | false (stop execution)'
    # in the Default Value column: the cell was no boolean, so the field had no default ('concurrentNum | Number |
    # ... | 0' next to it had one).
    markdown = (UNSEEN / "deploy-en-default-with-note.md").read_text(encoding="utf-8")
    ((_, _, body, _),) = _contracts(markdown, "markdown")
    assert body["properties"]["nextWhenFail"]["default"] is False
    assert body["properties"]["concurrentNum"]["default"] == 0
    # a value without a note reads as before
    assert body["properties"]["async"]["default"] is False


def test_name_and_variable_rows_of_the_text_rendering_read_as_the_markdowns() -> None:
    # Contact Center en online-contact-api-guide-openapi-faq.md: 'Name | Variable | Data type | Variable type |
    # Required | Description' rows ('Service ID | serviceId | String | path | O | ...'), then result rows whose Name
    # cell holds the parent on the first row only ('result.contents | categoryId | ...', then '| parent | Integer |
    # ...' with an empty Name). In the text rendering the header was cut 'Variable' / 'type' ('Variable type' was
    # no column word), the human names of two words were cut after their first word, a row with its empty Name
    # cell dropped by the site started no row, and 'orderNo Integer Sort order(...)' read 'Sort' as a misspelt
    # 'short' type: the parameters were 'Service' and 'Language', the nested rows lines of a description.
    markdown = (UNSEEN / "contact-center-en-name-variable-rows.md").read_text(encoding="utf-8")
    from_markdown = _contracts(markdown, "markdown")
    ((_, parameters, _, responses),) = from_markdown
    assert [(name, location) for name, location, _, _ in parameters] == [("serviceId", "path"), ("language", "query")]
    ((_, schema),) = responses
    contents = schema["properties"]["result"]["properties"]["contents"]["properties"]
    assert list(contents) == ["categoryId", "parent", "name", "level", "path", "orderNo", "languages"]
    assert _contracts(text_rendering(markdown), "text") == from_markdown


def test_the_shortened_word_for_default_before_a_colon_gives_the_default() -> None:
    # CloudTrail ko api-guide-ngovc.md: 'page.limit | Integer | O | 조회 결과의 사이즈 조건(기본: 20, 최대 1000)'
    # ('기본:', default, where other guides write '기본값:'); Contact Center ja helpcenter: 'visible | int | X |
    # ... 基本: 0'. No default was read from either.
    markdown = (UNSEEN / "cloudtrail-ko-short-default-word.md").read_text(encoding="utf-8")
    ((_, _, body, _),) = _contracts(markdown, "markdown")
    assert body["properties"]["page"]["properties"]["limit"]["default"] == 20
    markdown = (UNSEEN / "contact-center-ja-interface-table.md").read_text(encoding="utf-8")
    ((_, _, body, _),) = _contracts(markdown, "markdown")
    assert body["properties"]["visible"]["default"] == 0
