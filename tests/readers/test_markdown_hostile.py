"""Hostile and malformed Markdown (found by tests/readers/page_fuzz): read what can be read, never a traceback."""

from __future__ import annotations

from scraper.document import Paragraph, Table
from scraper.readers import markdown


def test_a_raw_html_table_cut_short_is_read_as_far_as_it_goes() -> None:
    """A page cut off inside a raw HTML table: ``<table`` with no ``</table>`` sent the reader into endless
    recursion (RecursionError), the text around the table being read again as the whole block."""
    document = markdown.read("Before.\n\n<table><tr><th>Name</th><th>Type</", "cut.md")
    [table] = [b for b in document.blocks if isinstance(b, Table)]
    assert table.header[0] == "Name"


def test_a_nested_raw_html_table_is_one_table_and_the_text_around_it_stays() -> None:
    inner = "<table><tr><td>2</td></tr></table>"
    page = f"<div>before <table><tr><td>1</td></tr><tr><td>{inner}</td></tr></table> after</div>\n"
    blocks = markdown.read(page, "nested.md").blocks
    assert [type(b) for b in blocks].count(Table) == 1
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == ["before", "after"]


def test_thousands_of_unclosed_tables_are_read_in_one_pass() -> None:
    document = markdown.read("<div>" + "<table>" * 5000 + "x</div>\n", "deep.md")
    assert document.blocks
