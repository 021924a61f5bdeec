"""The SCP text reader (``scraper.readers.text``) on real fragments of the pages (cited as FILE:LINE).

Expected cells come from the page text and the rules of format-notes §3-§5 (where each quirk is described), not
from the reader: e.g. a Models row ``| item_type required | Filesystem Type Example : DIR | FILE | string | |``
(001:7566) has 4 cells by the table's header, the Schema cell being the one that parses as a schema expression.
"""

from __future__ import annotations

import json

import pytest

from scraper.document import CodeBlock, Document, Heading, Paragraph, ReaderError, Table
from scraper.readers.text import read, split_pipe_row
from tests.paths import ROOT

PAGES = ROOT / "pages" / "scp"
FIELDS_HEADER = "| Name | Description | Schema | Default |\n|---|---|---|---|"
PARAMS_HEADER = "| Type | Name | Description | Schema | Default |\n|---|---|---|---|---|"


def _page_lines(name: str, first: int, last: int) -> str:
    """Lines ``first``..``last`` (1-based, inclusive) of a page."""
    lines = next(PAGES.glob(f"{name}_*.txt")).read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[first - 1 : last])


def _blocks(text: str) -> list[object]:
    return list(read(text, "t.txt"))


def _table(text: str) -> Table:
    tables = [b for b in _blocks(text) if isinstance(b, Table)]
    assert len(tables) == 1
    return tables[0]


# -- pipe splitting -------------------------------------------------------------------------------------------------


def test_split_keeps_regex_alternation_inside_a_cell() -> None:
    line = (
        "| state required | Archiving Policy State Example : ACTIVEPattern : ^(ACTIVE|INACTIVE)$ | string |"  # 001:2456
    )
    assert split_pipe_row(line) == [
        "state required",
        "Archiving Policy State Example : ACTIVEPattern : ^(ACTIVE|INACTIVE)$",
        "string",
    ]


def test_split_plain_and_empty_cells() -> None:
    assert split_pipe_row("| 1.0 | CURRENT | - |") == ["1.0", "CURRENT", "-"]
    assert split_pipe_row("| a | | b |") == ["a", "", "b"]
    assert split_pipe_row("| x | y |") == ["x", "y"]


def test_pattern_row_in_a_models_table() -> None:
    table = _table(
        f"{FIELDS_HEADER}\n| state required | State Example : ACTIVEPattern : ^(ACTIVE|INACTIVE)$ | string |"
    )
    assert table.rows[0].cells == (
        "state required",
        "State Example : ACTIVEPattern : ^(ACTIVE|INACTIVE)$",
        "string",
        "",
    )


# -- unescaped ' | ' in descriptions: right-anchored ---------------------------------------------------------------


def test_models_row_with_pipe_in_example_is_recut_from_the_right() -> None:
    table = _table(f"{FIELDS_HEADER}\n{_page_lines('001', 7566, 7566)}")
    row = table.rows[0]
    assert row.cells == ("item_type required", "Filesystem Type Example : DIR | FILE", "string", "")
    assert row.line == 3
    assert row.repairs, "a re-cut row must say so"


def test_param_row_with_pipes_in_example_keeps_schema_and_default() -> None:
    table = _table(f"{PARAMS_HEADER}\n{_page_lines('001', 5114, 5114)}")
    assert table.rows[0].cells == (
        "query",
        "server_category required",
        "Backup server category Example : VIRTUAL_SERVER | GPU_SERVER | BAREMETAL_SERVER",
        "enum (VIRTUAL_SERVER, GPU_SERVER, BAREMETAL_SERVER)",
        "None",
    )
    assert table.rows[0].repairs


def test_all_pipe_rows_of_001_keep_their_column_count() -> None:
    """Every row of every known table in 001 comes out with exactly the header's number of cells."""
    doc = read(next(PAGES.glob("001_*.txt")).read_text(encoding="utf-8"), "001")
    tables = [b for b in doc if isinstance(b, Table)]
    assert len(tables) > 1000
    for table in tables:
        for row in table.rows:
            assert len(row.cells) == len(table.header), f"001:{row.line}"


# -- dropped cells ----------------------------------------------------------------------------------------------------


def test_body_row_with_three_cells() -> None:
    table = _table(_page_lines("001", 561, 564))  # 001:564 | body | body required | ArchivingPolicyCreateRequest |
    assert table.rows[1].cells == ("body", "body required", "", "ArchivingPolicyCreateRequest", "")
    assert table.rows[1].line == 4
    # every SCP body row lacks a description and default: a certain, routine repair (one finding per table)
    assert table.rows[1].routine == ("body row: empty Description and Default cells restored",)
    assert table.rows[1].repairs == ()


def test_last_models_row_without_default_and_without_description() -> None:
    text = (
        f"{FIELDS_HEADER}\n| id required | ID Example : 1 | string | |\n| contents required | array[ObjectVersions] |"
    )
    rows = _table(text).rows  # the last row is shaped like 001:2562
    assert rows[0].cells == ("id required", "ID Example : 1", "string", "")
    assert rows[0].repairs == ()
    assert rows[1].cells == ("contents required", "", "array[ObjectVersions]", "")
    assert rows[1].repairs


def test_models_row_ending_double_pipe() -> None:
    table = _table(f"{FIELDS_HEADER}\n{_page_lines('001', 17908, 17909)}")  # 001:17908 "| snapshots required | ..."
    assert table.rows[0].cells == ("snapshots required", "", "array[Snapshot]", "")
    assert table.rows[1].cells == ("snapshot_size_total_byte optional", "Example :", "any of [integer, null]", "")


@pytest.mark.parametrize(
    ("line", "schema", "default"),
    [
        ("| encrypt_enabled optional | Whether to use Encryption Example : True | boolean | True |", "boolean", "True"),
        ("| day_of_week optional | Day of week Example : MON | string | MON |", "string", "MON"),
        ("| hour optional | Hour Example : 18 | integer | 1 |", "integer", "1"),
    ],
)
def test_explicit_defaults(line: str, schema: str, default: str) -> None:
    cells = _table(f"{FIELDS_HEADER}\n{line}").rows[0].cells
    assert cells[2:] == (schema, default)


def test_one_word_description_is_not_a_default() -> None:
    """``| f | Resource | Resource |``: a model-typed field never has a default, so this is description + schema."""
    cells = _table(f"{FIELDS_HEADER}\n| resource required | Resource | Resource |").rows[0].cells
    assert cells == ("resource required", "Resource", "Resource", "")


def test_broken_models_row_without_schema() -> None:
    table = _table(f"{FIELDS_HEADER}\n{_page_lines('001', 15458, 15458)}")  # no Schema cell at all
    name, desc, schema, default = table.rows[0].cells
    assert name == "frequency optional"
    assert schema == "" and default == ""
    assert "WEEKLY" in desc and "DAILY" in desc
    assert table.rows[0].repairs


# -- 000: rows broken over two lines ---------------------------------------------------------------------------------


def test_two_line_rows_of_000_are_joined() -> None:
    text = "| Type | Name | Description | Schema | Default |\n|---|\n" + _page_lines("000", 297, 300)
    rows = _table(text).rows
    assert [r.cells for r in rows] == [
        ("query", "name optional", "Volume Name Example : my_volume", "any of [string, null]", "None"),
        ("query", "sort optional", "sort Example :", "any of [string, null]", "None"),
    ]
    assert [r.line for r in rows] == [3, 5]
    # certain (the continuation starts with no location word): routine, reported once per table
    assert all(r.routine == ("row broken over 2 lines; joined",) and r.repairs == () for r in rows)


def test_two_line_body_row_of_000() -> None:
    lines = _page_lines("000", 1, 475).split("\n")
    first = lines.index("| body | body required |") + 1  # 000:345 (the row) and 000:346 (its schema half)
    text = "| Type | Name | Description | Schema | Default |\n|---|\n" + _page_lines("000", first, first + 1)
    rows = _table(text).rows
    assert len(rows) == 1
    assert rows[0].cells[0] == "body" and rows[0].cells[3] == "AccessRuleUpdateRequest"


def test_continuation_without_a_row_is_an_error() -> None:
    text = f"{PARAMS_HEADER}\n| string | None |"
    with pytest.raises(ReaderError) as raised:
        read(text, "p.txt")
    assert raised.value.line == 3
    assert str(raised.value).startswith("p.txt:3: expected a parameter row")


# -- 004: squashed tables --------------------------------------------------------------------------------------------


def test_squashed_tables_of_004() -> None:
    doc = read(_page_lines("004", 1, 120), "004")
    tables = [b for b in doc if isinstance(b, Table)]
    versions = [t for t in tables if t.header == ("Version", "Not Before")]
    assert [t.rows[0].cells for t in versions] == [("1.3", "-"), ("1.2", "20260831")]
    params = next(t for t in tables if t.header[0] == "Type")
    assert len(params.rows) == 1
    assert params.rows[0].cells[0] == "body" and params.rows[0].cells[3] == "ImageCreateRequest"
    assert params.rows[0].cells[1].split() == ["body", "required"]
    responses = next(t for t in tables if t.header == ("HTTP Code", "Description", "Schema"))
    assert [r.cells for r in responses.rows] == [
        ("200", "OK", "ImageShowResponseV1Dot2"),
        ("400", "Bad Request", "None"),
        ("401", "Unauthorized", "None"),
        ("403", "Forbidden", "None"),
    ]
    assert responses.rows[0].line == 31  # 004:31


# -- JSON blocks, header listings, headings --------------------------------------------------------------------------


def test_json_block_ends_where_brackets_balance() -> None:
    text = 'Request body\n{\n"a": "}{ [",\n"b": [1, {"c": "\\"}"}]\n}\nExample HTTP response'
    blocks = _blocks(text)
    code = blocks[1]
    assert isinstance(code, CodeBlock) and code.language == "json" and code.line == 2
    assert json.loads(code.text) == {"a": "}{ [", "b": [1, {"c": '"}'}]}
    assert isinstance(blocks[2], Paragraph) and blocks[2].text == "Example HTTP response"


def test_indented_json_of_004_with_blank_lines_around() -> None:
    doc = read(_page_lines("004", 1, 110), "004")
    codes = [b for b in doc if isinstance(b, CodeBlock) and b.language == "json"]
    assert len(codes) == 2  # the request body and the 200 response
    response = json.loads(codes[1].text)
    assert response["scp_gpu_driver"] == "535.183.06"


def test_cut_json_block_stops_at_the_next_heading() -> None:
    blocks = _blocks('{\n"a": 1,\n1.2 - 1.0\npost /v1/x')
    assert isinstance(blocks[0], CodeBlock) and blocks[0].text == '{\n"a": 1,'
    assert isinstance(blocks[1], Heading) and blocks[1].number == (1, 2)


def test_header_listing_block() -> None:
    text = _page_lines("000", 42, 49)  # 000: no "Request header" label, the listing follows the path
    blocks = _blocks(text)
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Paragraph", "CodeBlock"]
    listing = blocks[2]
    assert isinstance(listing, CodeBlock) and listing.language == "http-headers" and listing.line == 3  # 000:44
    assert len(listing.text.splitlines()) == 6
    assert listing.text.splitlines()[-1] == '"Scp-Api-Version = parallel-filestorage 1.0"'


def test_headings_and_toc_lines() -> None:
    blocks = _blocks("- 1.1.7.1: 1.1\n1.1.1 - CancelArchiving\n1.1.1.1 - 1.1")
    assert isinstance(blocks[0], Paragraph)
    assert blocks[1] == Heading("CancelArchiving", 3, 2, (1, 1, 1))
    assert blocks[2] == Heading("1.1", 4, 3, (1, 1, 1, 1))


def test_nul_byte_is_a_located_error() -> None:
    with pytest.raises(ReaderError, match=r"^n\.txt:3: expected text"):
        read("a\nb\nc\x00", "n.txt")


def test_whole_pages_read_with_source_lines() -> None:
    for path in sorted(PAGES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc: Document = read(text, path.name)
        lines = text.split("\n")
        assert doc.end_line == len(lines)
        for block in doc:
            if isinstance(block, Heading):
                assert lines[block.line - 1].strip() == f"{'.'.join(map(str, block.number or ()))} - {block.title}"
            elif isinstance(block, Paragraph):
                assert lines[block.line - 1].strip() == block.text
