"""Raw HTML tables inside Markdown (NHN guides write them where a pipe table cannot: cells spanning rows)."""

from __future__ import annotations

from scraper.document import Paragraph, Table
from scraper.readers import markdown

PAGE = """# Guide

Parameter Information

<table>
    <tr>
        <th>Name</th>
        <th>Description</th>
    </tr>
    <tr>
        <td rowspan="2">kind</td>
        <td>total_query_count - Total number of queries</td>
    </tr>
    <tr>
        <td>no_result_query_count - Number of queries without results</td>
    </tr>
    <tr>
        <td>date</td>
        <td>Date</td>
    </tr>
</table>

After.
"""


def test_a_raw_html_table_is_a_table_with_spanned_cells_repeated() -> None:
    document = markdown.read(PAGE, "page.md")
    [table] = [b for b in document.blocks if isinstance(b, Table)]
    assert table.header == ("Name", "Description")
    assert [row.cells for row in table.rows] == [
        ("kind", "total_query_count - Total number of queries"),
        ("kind", "no_result_query_count - Number of queries without results"),
        ("date", "Date"),
    ]
    assert table.line == 5 and [row.line for row in table.rows] == [10, 14, 17]
    assert table.rows[1].repairs and "rowspan" in table.rows[1].repairs[0]
    assert not table.rows[0].repairs
    # the text around the table is still read, and the table's own text is not a paragraph too
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert texts == ["Parameter Information", "After."]


def test_text_around_raw_html_tables_keeps_its_place() -> None:
    """Each table's label stays before it: a dialect names a table by the text just before it."""
    page = "# Guide\n\n<div><p>Request</p>\n<table><tr><th>A</th></tr><tr><td>1</td></tr></table>\n"
    page += "<p>Response</p>\n<table><tr><th>B</th></tr><tr><td>2</td></tr></table>\n<p>After</p></div>\n"
    document = markdown.read(page, "page.md")
    order = [b.text if isinstance(b, Paragraph) else b.header[0] for b in document.blocks if not hasattr(b, "level")]
    assert order == ["Request", "A", "Response", "B", "After"]
