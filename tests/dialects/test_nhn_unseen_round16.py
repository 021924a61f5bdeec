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
from tests.dialects.text_rendering import cell_line_rendering, text_rendering


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
