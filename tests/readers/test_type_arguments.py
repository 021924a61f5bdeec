"""A type's argument written as a raw tag reads the same from a guide's Markdown and from its HTML rendering.

Shape seen in TOAST-DOCS/ROLE ``en/api-v3-guide.md`` (``**List<UserRoleRelationProtocol>**``, a model named by the
argument) and TOAST-DOCS/E-mail ``ko/api-guide.md`` (``List<Integer>``); ``list<br>`` in RDS guides.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from scraper.document import Table
from scraper.readers import read_page

_MARKDOWN = """\
| Name | Type | Description |
|---|---|---|
| ids | List<Integer> | IDs |
| roles | **List<UserRoleRelationProtocol>** | Roles |
| tags | list<br>of tags | Tags |
| names | List<code>String</code> | Names |
"""


def _cells(format: str, text: str) -> list[tuple[str, ...]]:
    (table,) = [b for b in read_page(text, page=f"p.{format}", format=format).blocks if isinstance(b, Table)]
    return [row.cells for row in table.rows]


def test_a_type_argument_written_as_a_tag_is_kept_by_both_readers() -> None:
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(_MARKDOWN)
    expected = [
        ("ids", "List<Integer>", "IDs"),
        ("roles", "List<UserRoleRelationProtocol>", "Roles"),
        ("tags", "list\nof tags", "Tags"),
        ("names", "ListString", "Names"),
    ]
    assert _cells("markdown", _MARKDOWN) == expected
    assert _cells("html", f"<html><body>{html}</body></html>") == expected
