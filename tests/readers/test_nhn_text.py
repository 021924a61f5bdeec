"""The NHN text-rendering reader: tables rebuilt from space-separated lines, JSON blocks, headings from blank lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.document import CodeBlock, Heading, Paragraph, ReaderError, Table
from scraper.readers import markdown, nhn_text
from tests import paths

FIXTURES = paths.FIXTURES / "nhn"


def _headings(text: str) -> list[tuple[str, int, int]]:
    return [(b.title, b.level, b.line) for b in nhn_text.read(text, "p.txt").blocks if isinstance(b, Heading)]


def test_param_table_rows_continuations_and_required_marks() -> None:
    text = (
        "Name Type Format Required Description\n"
        "tenantId URL String O Tenant ID\n"
        "sort Query String - Sort field\n"
        "Described as key:dir\n"
        "e.g.) name:asc\n"
        "volume.size Body Integer Yes Size (GB)\n"
        "volume.name Body String Name without a mark\n"
    )
    [table] = nhn_text.read(text, "p.txt").blocks
    assert isinstance(table, Table)
    assert table.header == ("Name", "Type", "Format", "Required", "Description")
    assert [r.cells for r in table.rows] == [
        ("tenantId", "URL", "String", "O", "Tenant ID"),
        ("sort", "Query", "String", "-", "Sort field\nDescribed as key:dir\ne.g.) name:asc"),
        ("volume.size", "Body", "Integer", "Yes", "Size (GB)"),
        ("volume.name", "Body", "String", "", "Name without a mark"),
    ]
    assert [r.line for r in table.rows] == [2, 3, 6, 7]


def test_response_table_ends_at_example_and_json_spans_blank_lines() -> None:
    text = (
        "Name Type Attributes Description\n"
        "a Body Array List\n"
        "a.b Body String B\n"
        "Example\n"
        "\n"
        "{\n"
        '  "a": [\n'
        "\n"
        '    {"b": "x}"}\n'
        "  ]\n"
        "}\n"
        "after\n"
    )
    blocks = nhn_text.read(text, "p.txt").blocks
    assert isinstance(blocks[0], Table) and blocks[0].header[2] == "Attributes" and len(blocks[0].rows) == 2
    assert blocks[1] == Paragraph(text="Example", line=4)
    code = blocks[2]
    assert isinstance(code, CodeBlock) and code.language == "json" and code.line == 6
    assert code.text.endswith("]\n}")
    assert blocks[3] == Paragraph(text="after", line=12)


def test_endpoint_table_with_flattened_columns() -> None:
    text = (
        "Type Region Endpoint\n"
        "volumev2 Korea (Pangyo)\n"
        "Japan\n"
        "https://kr1-api.example.com\n"
        "https://jp1-api.example.com\n"
        "object Korea (Pangyo)\n"
        "https://kr1-obj.example.com\n"
    )
    [table] = nhn_text.read(text, "p.txt").blocks
    assert isinstance(table, Table)
    assert [r.cells for r in table.rows] == [
        ("volumev2", "Korea (Pangyo)\nJapan", "https://kr1-api.example.com\nhttps://jp1-api.example.com"),
        ("object", "Korea (Pangyo)", "https://kr1-obj.example.com"),
    ]


def test_headings_from_blank_line_conventions() -> None:
    text = (
        "Storage > Thing > API v1 Guide\n\nIntro sentence.\n\nGroup\n\nThing Status\n\nStatuses:\n\n"
        "Status Name Description\nok Fine\n\nList Things\n\nReturn things.\n\n"
        "GET /v1/things\nX-Auth-Token: {tokenId}\n\nRequest\n\nThis API does not require a request body.\n\n"
        "Response\n\nThis API does not return a response body.\n\n\nOther Group\n\nDelete Thing\n\n"
        "DELETE /v1/things/{id}\n"
    )
    assert _headings(text) == [
        ("Storage > Thing > API v1 Guide", 1, 1),
        ("Group", 1, 5),
        ("Thing Status", 2, 7),
        ("List Things", 2, 14),
        ("Request", 3, 21),
        ("Response", 3, 25),
        ("Other Group", 1, 30),
        ("Delete Thing", 2, 32),
    ]


def test_a_line_that_is_not_a_row_is_kept_as_a_located_repair() -> None:
    document = nhn_text.read("Name Type Format Description\nnot a row at all\nid URL String Volume ID\n", "bad.txt")
    [table] = [b for b in document.blocks if isinstance(b, Table)]
    skipped, row = table.rows
    assert skipped.cells == () and skipped.line == 2 and "is not a row of the table" in skipped.repairs[0]
    assert row.cells[:3] == ("id", "URL", "String") and row.line == 3


def test_empty_page_is_a_located_error() -> None:
    with pytest.raises(ReaderError):
        nhn_text.read("\n\n", "empty.txt")


def _shape(doc_blocks: list[object]) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for block in doc_blocks:
        if isinstance(block, Heading):
            out.append(("H", block.title))
        elif isinstance(block, Paragraph):
            out.append(("P", block.text))
        elif isinstance(block, Table):
            out.append(("T", block.header, tuple(r.cells for r in block.rows)))
        elif isinstance(block, CodeBlock):
            out.append(("C", block.language, "".join(block.text.split())))
    return out


@pytest.mark.parametrize(
    ("text_page", "markdown_page"),
    [
        (FIXTURES / "demo-guide.txt", FIXTURES / "demo-guide.md"),
        (
            paths.PAGES / "nhn/003_30998dc9651c21a0.txt",
            paths.PAGES / "nhn/003_source_Storage-Block-Storage_en_public-api.md",
        ),
    ],
)
def test_text_rendering_reads_into_the_same_blocks_as_its_markdown(text_page: Path, markdown_page: Path) -> None:
    text_blocks = _shape(list(nhn_text.read(text_page.read_text(encoding="utf-8"), "t").blocks))
    md_blocks = _shape(list(markdown.read(markdown_page.read_text(encoding="utf-8"), "m").blocks))
    # The docs site adds a "TOP" link at the end; everything else matches block for block.
    assert text_blocks[-1] == ("P", "TOP")
    assert text_blocks[:-1] == md_blocks


def test_usage_column_of_marks_and_types_under_a_header_word_outside_the_vocabulary() -> None:
    """Push v2.3 (``Field | Usage | Description``): the header's middle word is no known column, its cells are a
    required mark and a type of one or more words, or a dash alone; the cut must not take the description's first
    word (``ID``, ``Date``, ``List``) nor leave a type word (``String``) in it."""
    text = (
        "Field Usage Description\n"
        "appkey Required, String Path Variable, appkey issued on product use\n"
        "provisionedResourceId Optional, String ID for provisioned resource.\n"
        "times Required, Time String Minute and hour of delivery (hh:mm)\n"
        "from Required, Date Time String Start of the period\n"
        "updatedDateTime -, DateTime String Date and time of token update\n"
        "uids -, Object Array List of UIDs to delete\n"
        "offsetUid Optional, String List following configured UID\n"
        "completedDateTime - Date and time of completion\n"
        "registered Number Number of registered tokens\n"
    )
    [table] = nhn_text.read(text, "p.txt").blocks
    assert isinstance(table, Table)
    assert table.header == ("Field", "Usage", "Description")
    assert [r.cells for r in table.rows] == [
        ("appkey", "Required, String", "Path Variable, appkey issued on product use"),
        ("provisionedResourceId", "Optional, String", "ID for provisioned resource."),
        ("times", "Required, Time String", "Minute and hour of delivery (hh:mm)"),
        ("from", "Required, Date Time String", "Start of the period"),
        ("updatedDateTime", "-, DateTime String", "Date and time of token update"),
        ("uids", "-, Object Array", "List of UIDs to delete"),
        ("offsetUid", "Optional, String", "List following configured UID"),
        ("completedDateTime", "-", "Date and time of completion"),
        ("registered", "Number", "Number of registered tokens"),
    ]


def test_a_header_word_outside_the_vocabulary_needs_a_row_of_types_under_it() -> None:
    """The cells vouch for an unknown header word, not the word: prose under such a line keeps it a paragraph."""
    text = "Guide\n\nField Usage Description\nThe usage of each field is given below.\n"
    blocks = nhn_text.read(text, "p.txt").blocks
    assert [type(b) for b in blocks] == [Heading, Paragraph, Paragraph]


def test_a_headers_label_inside_a_method_block_stays_in_it() -> None:
    """Push: ``HEADER`` between the method line and its header lines is a line of the same fenced block in the
    Markdown; read as a label of its own it would make the field table after the block a list of headers."""
    text = (
        "GET /v2/appkeys/{appkey}/message-errors?from={from}\n"
        "HEADER\n"
        "Content-Type: application/json;charset=UTF-8\n"
        "\n"
        "Field Usage Description\n"
        "from Optional, DateTime String Start\n"
    )
    code, table = nhn_text.read(text, "p.txt").blocks
    assert isinstance(code, CodeBlock) and isinstance(table, Table)
    assert code.text.split("\n") == [
        "GET /v2/appkeys/{appkey}/message-errors?from={from}",
        "HEADER",
        "Content-Type: application/json;charset=UTF-8",
    ]


def test_a_header_word_the_dialect_knows_by_its_start_is_a_column() -> None:
    """CDN ja: ``必須か`` ("whether required") is no word of the column vocabulary, but the dialect reads a header
    starting with ``必須`` as the required column; the text reader must cut the header line the same, and must not
    take the words run together after it (``必須か 有効範囲 説明``) for one column."""
    text = "名前 タイプ 必須か 有効範囲 説明\ndnsIdList String 必須 削除する証明書IDリスト\n"
    [table] = nhn_text.read(text, "p.txt").blocks
    assert isinstance(table, Table)
    assert table.header == ("名前", "タイプ", "必須か", "有効範囲", "説明")
    assert [r.cells for r in table.rows] == [("dnsIdList", "String", "必須", "", "削除する証明書IDリスト")]


def test_empty_cells_between_marks_read_as_the_marks_columns() -> None:
    """Image: the site drops the empty Valid range cells, so ``boolean Optional true`` is a Required ``Optional`` and a
    Default ``true`` (not a Valid range ``Optional`` and a Required ``true``), ``String List Optional`` a type
    ``String List``; a description of several lines whose later line holds a required word (``option``) keeps it,
    and that line starts no row; a dash stays a cell of its own column (``Integer - X``)."""
    text = (
        "Name Type Valid range Required Default Description\n"
        "realtimeService boolean Optional true Whether to provide a real-time service\n"
        "params.operationIds String List Optional List of image operation IDs.\n"
        "Creates an operation file with the option you want when uploading.\n"
        "Refer to the API related to image operation\n"
    )
    [table] = nhn_text.read(text, "p.txt").blocks
    assert isinstance(table, Table)
    assert [r.cells[:4] for r in table.rows] == [
        ("realtimeService", "boolean", "", "Optional"),
        ("params.operationIds", "String List", "", "Optional"),
    ]
    assert table.rows[1].cells[5].split("\n") == [
        "List of image operation IDs.",
        "Creates an operation file with the option you want when uploading.",
        "Refer to the API related to image operation",
    ]
    text = "값 타입 최대 길이 필수 설명\ncategoryParentId Integer - X 부모 카테고리 ID\n"
    [table] = nhn_text.read(text, "p.txt").blocks
    assert isinstance(table, Table)
    assert table.rows[0].cells == ("categoryParentId", "Integer", "-", "X", "부모 카테고리 ID")


def test_a_row_whose_marks_come_on_a_line_after_a_cell_of_several_lines() -> None:
    """Resource Watcher: ``Key | Value | Required`` rows whose Value has a ``<br>``: the site starts the Required cell
    on a line of its own, so no line has the mark; the lines together are the row. A description's list lines
    (``- IPV4: IPv4``) stay a continuation."""
    text = (
        "Key Value Required\n"
        "page 조회할 페이지 번호\n"
        "Default 값: 0\n"
        "No\n"
        "eventNameLike 검색할 이벤트 이름 No\n"
    )
    [table] = nhn_text.read(text, "p.txt").blocks
    assert isinstance(table, Table)
    assert [r.cells for r in table.rows] == [
        ("page", "조회할 페이지 번호\nDefault 값: 0", "No"),
        ("eventNameLike", "검색할 이벤트 이름", "No"),
    ]
    text = (
        "Name Type Format Required Description\n"
        "rules.etherType Body Enum O Ether type\n"
        "- IPV4: IPv4\n"
        "- IPV6: IPv6\n"
        "rules.port Body Object O Port object\n"
    )
    [table] = nhn_text.read(text, "p.txt").blocks
    assert isinstance(table, Table)
    assert [r.cells[0] for r in table.rows] == ["rules.etherType", "rules.port"]


def test_a_models_caption_over_its_table_is_no_section_heading() -> None:
    """Resource Watcher: the common response names a model (``header Header ...``) documented under a caption line
    ``Header`` (a ``- Header <a id>`` bullet in the Markdown): a paragraph, not a heading ending the section."""
    text = (
        "Guide\n"
        "\n"
        "Common Response Body\n"
        "\n"
        "Key Type Description\n"
        "header Header 응답 헤더\n"
        "\n"
        "Header\n"
        "\n"
        "Key Type Description\n"
        "isSuccessful boolean 성공 여부\n"
    )
    headings = _headings(text)
    assert headings == [("Guide", 1, 1), ("Common Response Body", 2, 3)]


def test_a_dash_alone_may_be_the_name_of_a_row() -> None:
    """Compute Image 'Upload Image': ``- | Body | Binary | O | ...`` documents the body itself; the dash is the name
    (a location follows it), not the nesting mark of a field ``Body``. A dash before a field (``- data``, where
    ``data`` reads as a type only by a spelling repair) stays a nesting mark."""
    text = (
        "Name Type Format Required Description\n"
        "tokenId Header String O Token ID\n"
        "- Body Binary O The binary data of the image file\n"
    )
    [table] = nhn_text.read(text, "p.txt").blocks
    assert isinstance(table, Table)
    assert table.rows[1].cells == ("-", "Body", "Binary", "O", "The binary data of the image file")
    text = "값 타입 Not Null 설명\nbody Object X 본문 영역\n- data Collection O 데이터 영역\n"
    [table] = nhn_text.read(text, "p.txt").blocks
    assert isinstance(table, Table)
    assert [r.cells[0] for r in table.rows] == ["body", "- data"]


def test_a_dash_alone_in_the_type_column_is_its_cell() -> None:
    """Traffic Mirroring 'Create Sessions': ``Other | Body | - | Same as the session view`` (no format). The dash was
    no type, so it stayed at the head of the description; it is the Format cell's "nothing here", as in a required
    column."""
    text = (
        "Name Type Format Description\n"
        "session.status Body Enum Initially, mainly BUILD\n"
        "Other Body - Same as the session view\n"
    )
    [table] = nhn_text.read(text, "p.txt").blocks
    assert isinstance(table, Table)
    assert table.rows[1].cells == ("Other", "Body", "-", "Same as the session view")


def test_a_name_of_two_words_when_the_columns_after_it_say_so() -> None:
    """Network Flow Log 'View a list of flow log loggers': ``Resource ID | Query | String | - | ...``. A name was one
    word, so the text read a parameter ``Resource`` with ``ID`` where the location should be. Two plain words are
    the name when that cut matches more columns; a description's continuation (``For True, query ...``, ``Optional
    DNS ...``) stays one."""
    text = (
        "Name Type Format Required Description\n"
        "Resource ID Query String - Resource ID of the flow log logger to look up\n"
        "limit Query Integer - Number of items\n"
        "Optional DNS Zone status list\n"
    )
    [table] = nhn_text.read(text, "p.txt").blocks
    assert isinstance(table, Table)
    assert [r.cells[:4] for r in table.rows] == [
        ("Resource ID", "Query", "String", "-"),
        ("limit", "Query", "Integer", "-"),
    ]
    assert table.rows[1].cells[4] == "Number of items\nOptional DNS Zone status list"
