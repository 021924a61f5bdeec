"""An emulation of the NHN Cloud docs site's *text rendering* of a guide, made from the guide's Markdown.

Why: the NHN text reader (``scraper/readers/nhn_text.py``) must read any NHN guide, but the repository holds the
site's text rendering of one guide only (``pages/nhn/003_30998dc9651c21a0.txt``, of
``pages/nhn/003_source_Storage-Block-Storage_en_public-api.md``). This module renders every guide's Markdown to HTML
with markdown-it-py (GFM tables, raw HTML on, as ``tests/dialects/test_nhn_html.py`` does) and then to text the way
the site does, so the text path can be compared with the Markdown path on all guides.

Calibrated against 003: ``text_rendering(003 md)`` equals the site's 003 text but for

* the site's trailing ``TOP`` link line (page chrome, not the guide).

What the site does, as emulated here:

* every Markdown mark is lost: headings, emphasis, code spans and links are their plain text; whitespace outside code
  blocks collapses to single spaces;
* blocks (paragraphs, headings, tables, code blocks, list items) are separated by one blank line, but a table has
  no margin below it: a ``<details>`` right under a table opens on the next line (``Example``); a horizontal rule
  (``---``) is two blank lines;
* a table is one line per row, its non-empty cells joined by single spaces; a line break inside a cell (``<br>``,
  ``</br>``, block-level HTML) is a line break, and a cell after a cell of several lines starts on a new line (003's
  endpoint table: ``volumev2 Korea (Pangyo)`` / ``Japan`` / the URLs);
* code blocks are verbatim but for tabs, shown as spaces to the next multiple of four.

Not calibrated (003 has none): list items are one line each without bullets; empty table cells are dropped (the
site joins cells by spaces, so an empty cell cannot be seen); block quotes are blocks.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from markdown_it import MarkdownIt

__all__ = ["text_rendering"]

_BLOCK_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "div", "blockquote", "summary", "dl", "dt", "dd"}
)
_CELL_BREAK_TAGS = frozenset({"p", "ul", "ol", "li", "div", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6"})
_END_BR = re.compile(r"</br\s*>", re.IGNORECASE)


class _Writer:
    """Text out with pending line breaks: a break request is the number of newlines wanted before the next text."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending = 0

    def request(self, newlines: int) -> None:
        self.pending = max(self.pending, newlines)

    def write(self, text: str) -> None:
        if not text:
            return
        if self.parts and self.pending:
            self.parts.append("\n" * self.pending)
        self.pending = 0
        self.parts.append(text)

    def inline(self, text: str) -> None:
        """Inline text: whitespace collapsed; a space is not written at the start of a line."""
        text = re.sub(r"\s+", " ", text)
        if self.pending or not self.parts or self.parts[-1].endswith("\n") or self.parts[-1].endswith(" "):
            text = text.lstrip(" ")
        self.write(text)

    def text(self) -> str:
        lines = [line.rstrip() for line in "".join(self.parts).split("\n")]
        return "\n".join(lines).strip("\n") + "\n"


def _cell_text(cell: Tag) -> str:
    """A cell's text: inline whitespace collapsed, ``<br>`` and block-level HTML as line breaks."""
    pieces: list[str] = []

    def walk(node: Tag | NavigableString) -> None:
        if isinstance(node, NavigableString):
            pieces.append(re.sub(r"\s+", " ", str(node)))
            return
        if node.name == "br":
            pieces.append("\n")
            return
        block = node.name in _CELL_BREAK_TAGS
        if block:
            pieces.append("\n")
        for child in node.children:
            if isinstance(child, (Tag, NavigableString)):
                walk(child)
        if block:
            pieces.append("\n")

    for child in cell.children:
        if isinstance(child, (Tag, NavigableString)):
            walk(child)
    lines = [" ".join(line.split()) for line in "".join(pieces).split("\n")]
    return "\n".join(line for line in lines if line)


def _table(table: Tag, out: _Writer) -> None:
    out.request(2)
    for row in table.find_all("tr"):
        cells = [_cell_text(c) for c in row.children if isinstance(c, Tag) and c.name in ("td", "th")]
        line = ""
        previous_multiline = False
        for cell in cells:
            if not cell:
                continue
            if line:
                line += "\n" if previous_multiline else " "
            line += cell
            previous_multiline = "\n" in cell
        out.write(line)
        out.request(1)


def _walk(node: Tag | NavigableString, out: _Writer) -> None:
    if isinstance(node, NavigableString):
        if node.__class__ is NavigableString:
            out.inline(str(node))
        return
    name = node.name
    if name == "br":
        out.request(1)
        return
    if name == "pre":
        out.request(2)
        out.write(node.get_text().rstrip("\n").expandtabs(4))
        out.request(2)
        return
    if name == "table":
        _table(node, out)
        return
    if name == "details":
        out.request(1)
        for child in node.children:
            if isinstance(child, (Tag, NavigableString)):
                _walk(child, out)
        out.request(2)
        return
    if name == "hr":
        out.request(3)
        return
    block = name in _BLOCK_TAGS
    if block:
        out.request(1 if name in ("li", "summary") else 2)
    for child in node.children:
        if isinstance(child, (Tag, NavigableString)):
            _walk(child, out)
    if block:
        out.request(1 if name == "li" else 2)


def text_rendering(markdown: str) -> str:
    """The emulated site text rendering of one guide's Markdown (see the module docstring)."""
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    # Browsers read ``</br>`` as ``<br>``; html.parser would drop it.
    soup = BeautifulSoup(_END_BR.sub("<br>", html), "html.parser")
    out = _Writer()
    for child in soup.children:
        if isinstance(child, (Tag, NavigableString)):
            _walk(child, out)
    return out.text()
