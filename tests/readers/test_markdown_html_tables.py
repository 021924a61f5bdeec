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
