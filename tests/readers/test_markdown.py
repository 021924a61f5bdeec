"""The Markdown reader: block structure, source lines, inline flattening and the repairs of broken Markdown."""

from __future__ import annotations

import pytest

from scraper.document import CodeBlock, Heading, Paragraph, ReaderError, Table
from scraper.readers.markdown import read


def test_headings_keep_level_line_and_dotted_number() -> None:
    doc = read("# Guide\n\ntext\n\n### 1.2 - Create Thing\n", "p.md")
    headings = [b for b in doc.blocks if isinstance(b, Heading)]
    assert headings == [
        Heading(title="Guide", level=1, line=1, number=None),
        Heading(title="Create Thing", level=3, line=5, number=(1, 2)),
    ]
    assert doc.end_line == 5


def test_inline_markup_is_flattened_to_text() -> None:
    doc = read("Use `volumev2`-type endpoint, see  [Docs](/x/) and **this**.\n", "p.md")
    assert doc.blocks == [Paragraph(text="Use volumev2-type endpoint, see Docs and this.", line=1)]


def test_table_cells_with_br_become_newlines() -> None:
    text = (
        "intro\n\n"
        "| Name | Type | Description |\n"
        "|---|---|---|\n"
        "| sort | Query | Sort field<br>e.g.) `name:asc` <br/> more</br>last |\n"
        "| limit | Query | Count |\n"
    )
    doc = read(text, "p.md")
    table = doc.blocks[1]
    assert isinstance(table, Table)
    assert table.header == ("Name", "Type", "Description")
    assert table.line == 3
    assert [r.line for r in table.rows] == [5, 6]
    assert table.rows[0].cells == ("sort", "Query", "Sort field\ne.g.) name:asc\nmore\nlast")
    assert table.rows[0].repairs == ()


def test_fenced_code_language_and_line() -> None:
    doc = read('para\n\n```json\n{"a": 1}\n```\n\n```\nGET /x\n```\n', "p.md")
    assert doc.blocks[1] == CodeBlock(text='{"a": 1}', line=4, language="json")
    assert doc.blocks[2] == CodeBlock(text="GET /x", line=8, language=None)


def test_details_summary_becomes_paragraph_and_inner_code_is_read() -> None:
    text = '<details><summary>Example</summary>\n<p>\n\n```json\n{"a": [1, 2]}\n```\n\n</p>\n</details>\n'
    doc = read(text, "p.md")
    assert doc.blocks == [Paragraph(text="Example", line=1), CodeBlock(text='{"a": [1, 2]}', line=5, language="json")]


def test_closing_fence_on_the_json_line_is_split_off() -> None:
    text = '```json\n{\n  "a": 1\n}```\n\n## After\n\n| A | B |\n|---|---|\n| 1 | 2 |\n'
    doc = read(text, "p.md")
    assert doc.blocks[0] == CodeBlock(text='{\n  "a": 1\n}', line=2, language="json")
    assert doc.blocks[1] == Heading(title="After", level=2, line=6)
    table = doc.blocks[2]
    assert isinstance(table, Table) and table.rows[0].line == 10


def test_header_wider_than_separator_is_still_a_table_and_the_repair_recorded() -> None:
    text = (
        "| Name | Type | Format | Description |\n|---|---|---|\n"
        "| a | Body | String | the a |\n| b | Body | UUID | b |\n"
    )
    doc = read(text, "p.md")
    [table] = doc.blocks
    assert isinstance(table, Table)
    assert table.header == ("Name", "Type", "Format", "Description")
    assert table.rows[0].cells == ("a", "Body", "String", "the a")
    assert any("separator" in r for r in table.rows[0].repairs)
    assert table.rows[1].repairs == ()


def test_table_written_after_a_br_continuation() -> None:
    text = "Some note<br>\n| Name | Type |\n|---|---|\n| a | Body |\n"
    doc = read(text, "p.md")
    assert isinstance(doc.blocks[0], Paragraph)
    table = doc.blocks[1]
    assert isinstance(table, Table) and table.line == 2 and table.rows[0].cells == ("a", "Body")


def test_rows_with_extra_or_missing_cells_are_repaired_and_noted() -> None:
    text = "| A | B | C |\n|---|---|---|\n| 1 | 2 | x | y |\n| 1 |\n"
    [table] = read(text, "p.md").blocks
    assert isinstance(table, Table)
    assert table.rows[0].cells == ("1", "2", "x | y")
    assert table.rows[0].repairs and "more" in table.rows[0].repairs[0]
    assert table.rows[1].cells == ("1", "", "")
    assert table.rows[1].repairs and "fewer" in table.rows[1].repairs[0]


def test_rows_fused_on_one_line_are_split_again() -> None:
    """Two rows whose line break was lost (TOAST-DOCS RDS-FOR-POSTGRESQL en/api-guide-v1.0.md line 979: the
    ``userGroupIds`` row was read into the previous row's description): split, each noted; a trailing empty cell is
    dropped, not joined; a two-column row with ``||`` in its text is not split."""
    text = (
        "| Name | In | Type | Description |\n|---|---|---|---|\n"
        "| a | Body | Number | Latency |     | b | Body | Array | Groups |\n"
        "| c | Body | Boolean | Default: false | |\n"
        "| d | Body | String | x |  | e | Body |\n"
    )
    [table] = read(text, "p.md").blocks
    assert isinstance(table, Table)
    assert [row.cells for row in table.rows] == [
        ("a", "Body", "Number", "Latency"),
        ("b", "Body", "Array", "Groups"),
        ("c", "Body", "Boolean", "Default: false"),
        ("d", "Body", "String", "x | | e | Body"),  # not a whole second row: kept, joined
    ]
    assert [row.line for row in table.rows] == [3, 3, 4, 5]
    assert all("2 rows written on one line" in row.repairs[0] for row in table.rows[:2])
    assert "empty cell(s) beyond the header; dropped" in table.rows[2].repairs[0]
    assert "joined into the last cell" in table.rows[3].repairs[0]
    [narrow] = read("| A | B |\n|---|---|\n| 1 | x |  | y |\n", "p.md").blocks
    assert isinstance(narrow, Table) and narrow.rows[0].cells == ("1", "x | | y")


def test_unclosed_inline_code_keeps_its_backtick_and_pipes_still_split() -> None:
    text = "| Status Name | Description |\n|--|--|\n| `backing-up      | Backing up |\n"
    [table] = read(text, "p.md").blocks
    assert isinstance(table, Table) and table.rows[0].cells == ("`backing-up", "Backing up")


def test_horizontal_rules_and_bare_markup_are_dropped() -> None:
    doc = read("a\n\n---\n\n<p>\n\n</p>\n\nb\n", "p.md")
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["a", "b"]
    assert len(doc.blocks) == 2


@pytest.mark.parametrize("text", ["", "   \n\n"])
def test_empty_page_is_a_located_error(text: str) -> None:
    with pytest.raises(ReaderError) as info:
        read(text, "empty.md")
    assert info.value.page == "empty.md" and info.value.line == 1


def test_a_long_table_costs_the_parser_no_work_per_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 100,000-row table took ~80 s to read: the parser built fourteen tokens a row and inline-parsed every cell,
    and the reader parsed every cell again. The parser now only finds the table's extent; a plain cell is text as
    it is. Work is counted (inline parses, tokens), never time."""
    from scraper.readers import markdown

    calls = {"inline": 0}
    real_parse_inline = markdown._PARSER.parseInline

    def counting_parse_inline(src: str, env: object = None) -> object:
        calls["inline"] += 1
        return real_parse_inline(src)

    monkeypatch.setattr(markdown._PARSER, "parseInline", counting_parse_inline)
    rows = 5000
    text = "# API\n\n| Name | Type | Description |\n|---|---|---|\n" + "".join(
        f"| field{i} | String | Field `{i}` number {i} |\n" if i % 1000 == 0 else f"| field{i} | String | Field {i} |\n"
        for i in range(rows)
    )
    tokens = markdown._PARSER.parse(text)
    assert len(tokens) < 20  # heading, table_open, table_close: no tokens per row
    doc = read(text, "p.md")
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert len(table.rows) == rows
    assert table.rows[0].cells == ("field0", "String", "Field 0 number 0")  # markup still read where there is some
    assert table.rows[1].cells == ("field1", "String", "Field 1")
    assert calls["inline"] <= rows // 1000 + 1  # only the cells holding markup


def test_a_raw_html_heading_is_a_heading_as_in_the_html_rendering() -> None:
    """TOAST-DOCS/notification-hub ``en/api-guide-v1x0/template.md`` opens with ``<h1>Template</h1>``: the site shows
    a heading, and the HTML reader reads one, so the Markdown reader does too (it was a paragraph, and the guide's
    service title came from the next heading in the Markdown only). Entities and inline tags are text."""
    doc = read('<h1>Template</h1>\n\n<h3 id="x">Tom &amp; <code>Jerry</code></h3>\n\ntext\n', "p.md")
    assert doc.blocks == [Heading("Template", 1, 1), Heading("Tom & Jerry", 3, 3), Paragraph("text", 5)]


def test_raw_html_text_has_its_entities_decoded_as_in_the_html_rendering() -> None:
    """Raw HTML in a guide (``<p>a &amp; b</p>``, a ``<summary>``) shows its entities decoded on the site, and the
    HTML reader reads them so; the Markdown reader kept ``&amp;`` (it decoded only ``&nbsp;``)."""
    doc = read(
        "<p>a &amp; b &lt;c&gt; &#39;d&#39;&nbsp;e</p>\n\n<details><summary>A &amp; B</summary>\n\nz\n</details>\n",
        "p.md",
    )
    assert doc.blocks == [Paragraph("a & b <c> 'd' e", 1), Paragraph("A & B", 3), Paragraph("z", 5)]
