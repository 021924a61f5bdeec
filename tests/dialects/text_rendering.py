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

__all__ = ["cell_line_rendering", "pipe_rendering", "text_rendering"]

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


#: A line of a code block holding only brackets (and their comma): ``{``, ``}``, ``[``, ``],``.
_BRACKET_ONLY = re.compile(r"^\s*[\[\]{}]+,?\s*$")


def _walk(node: Tag | NavigableString, out: _Writer, drop_brackets: bool = False) -> None:
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
        code = node.get_text().rstrip("\n").expandtabs(4)
        if drop_brackets:
            code = "\n".join(line.strip() for line in code.split("\n") if not _BRACKET_ONLY.match(line))
        out.write(code)
        out.request(2)
        return
    if name == "table":
        _table(node, out)
        return
    if name == "details":
        out.request(1)
        for child in node.children:
            if isinstance(child, (Tag, NavigableString)):
                _walk(child, out, drop_brackets)
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
            _walk(child, out, drop_brackets)
    if block:
        out.request(1 if name == "li" else 2)


def text_rendering(markdown: str, *, drop_brackets: bool = False) -> str:
    """The emulated site text rendering of one guide's Markdown (see the module docstring). ``drop_brackets``: as
    renderings of Compute and Notification Hub pages are seen, every code line holding only brackets (``{``,
    ``],``) is dropped and the others are flush left (``tests/fixtures/nhn/text/README.md``)."""
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    # Browsers read ``</br>`` as ``<br>``; html.parser would drop it.
    soup = BeautifulSoup(_END_BR.sub("<br>", html), "html.parser")
    out = _Writer()
    for child in soup.children:
        if isinstance(child, (Tag, NavigableString)):
            _walk(child, out, drop_brackets)
    return out.text()


# ------------------------------------------------------------------------------------------------ the pipe rendering

#: Elements the pipe rendering leaves out with everything in them: headings (but the guide's breadcrumb title) and
#: bullet lists.
_PIPE_DROPPED = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "hr"})


class _PipeWriter:
    """Lines out: every block starts on a line of its own and no line is blank."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.current = ""

    def inline(self, text: str) -> None:
        text = re.sub(r"\s+", " ", text)
        if not self.current:
            text = text.lstrip(" ")
        self.current += text

    def end_line(self) -> None:
        if self.current.strip():
            self.lines.append(self.current.strip())
        self.current = ""

    def line(self, text: str) -> None:
        self.end_line()
        if text.strip():
            self.lines.append(text.strip())

    def text(self) -> str:
        self.end_line()
        return "\n".join(self.lines) + "\n"


def _pipe_cell(cell: Tag) -> tuple[str, bool]:
    """A cell's text on one line (``<br>``, block-level HTML and code spans as spaces) and whether it had several
    lines in the page (a line break or a block inside it)."""
    pieces: list[str] = []
    broken = False

    def walk(node: Tag | NavigableString) -> None:
        nonlocal broken
        if isinstance(node, NavigableString):
            pieces.append(str(node))
            return
        if node.name == "br":
            broken = True
            pieces.append(" ")
            return
        spaced = node.name in _CELL_BREAK_TAGS or node.name == "code"
        broken = broken or node.name in _CELL_BREAK_TAGS
        if spaced:
            pieces.append(" ")
        for child in node.children:
            if isinstance(child, (Tag, NavigableString)):
                walk(child)
        if spaced:
            pieces.append(" ")

    for child in cell.children:
        if isinstance(child, (Tag, NavigableString)):
            walk(child)
    return " ".join("".join(pieces).split()), broken


def _pipe_table(table: Tag, out: _PipeWriter, leading_pipe: bool) -> None:
    rows = [r for r in table.find_all("tr")]
    for number, row in enumerate(rows):
        cells = [_pipe_cell(c) for c in row.children if isinstance(c, Tag) and c.name in ("td", "th")]
        line = "| " if leading_pipe else ""
        for text, broken in cells:
            line += f"{text} |" if text else "|"
            if broken:
                out.line(line)
                line = ""
            else:
                line += " "
        out.line(line)
        if number == 0:
            out.line(("|" if leading_pipe else "") + "---|" * len(cells))


def _pipe_walk(node: Tag | NavigableString, out: _PipeWriter, leading_pipe: bool) -> None:
    if isinstance(node, NavigableString):
        if node.__class__ is NavigableString:
            out.inline(str(node))
        return
    name = node.name
    if name in _PIPE_DROPPED:
        return
    if name == "br":
        out.end_line()
        return
    if name == "pre":
        out.end_line()
        for line in node.get_text().split("\n"):
            out.line(line)
        return
    if name == "table":
        out.end_line()
        _pipe_table(node, out, leading_pipe)
        return
    if name == "code":
        # a code span ends its line (Instance: "uses the compute" / "type endpoint")
        out.inline(node.get_text())
        out.end_line()
        return
    block = name in _BLOCK_TAGS or name == "details"
    if block:
        out.end_line()
    for child in node.children:
        if isinstance(child, (Tag, NavigableString)):
            _pipe_walk(child, out, leading_pipe)
    if block:
        out.end_line()


def pipe_rendering(markdown: str, *, leading_pipe: bool = True) -> str:
    """The emulated *pipe* text rendering (R2) of one guide's Markdown: see ``tests/fixtures/nhn/pipe/README.md``.

    What the site does, as emulated here (calibrated against the excerpts listed in that README):

    * headings are dropped, but for the guide's title when it is a breadcrumb (``A > B > API Guide``), kept as the
      first line; bullet and numbered lists are dropped (API Gateway: the operation's one-line description under
      its title is gone);
    * no line is blank; every paragraph, label (``[URI]``), code line and table row starts a line; a code span in a
      paragraph ends the line (Instance: ``uses the compute`` / ``type endpoint``);
    * code blocks lose their indentation and blank lines (JSON flush left);
    * a table is its header row, a separator row (``|---|---|`` or ``---|---|``) and one line per row, each cell
      followed by `` |`` (``leading_pipe``: the row also starts with ``| ``); an empty cell is ``|`` alone
      (Notification Hub: ``| sender | Object | N | |``); a line break inside a cell is a space, and a code span in
      a cell is set off by spaces (Image ja: ``ID ソート方式に従って marker に``); a cell after a cell of several
      lines starts a new line (Instance's endpoint row: ``compute | Korea (Pangyo) Region ... |`` then the URLs).

    Not calibrated (no excerpt showed them): numbered lists (dropped as bullet lists are), ``<details>`` (its text
    kept), block quotes (their text kept).
    """
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    soup = BeautifulSoup(_END_BR.sub("<br>", html), "html.parser")
    out = _PipeWriter()
    first = soup.find(re.compile(r"^h[1-6]$"))
    if isinstance(first, Tag) and " > " in first.get_text():
        out.line(" ".join(first.get_text().split()))
    for child in soup.children:
        if isinstance(child, (Tag, NavigableString)):
            _pipe_walk(child, out, leading_pipe)
    return out.text()


# ---------------------------------------------------------------------------------------------- the cell-line rendering


def _cell_line_table(table: Tag, out: _PipeWriter, open_rows: bool) -> None:
    for row in table.find_all("tr"):
        cells = [c for c in row.children if isinstance(c, Tag) and c.name in ("td", "th")]
        for number, cell in enumerate(cells):
            text, _broken = _pipe_cell(cell)
            if open_rows and number == 0:
                out.line(f"| {text} |" if text else "| |")
            else:
                out.line(f"{text} |" if text else "|")


def _cell_line_walk(node: Tag | NavigableString, out: _PipeWriter, open_rows: bool = False) -> None:
    if isinstance(node, NavigableString):
        if node.__class__ is NavigableString:
            out.inline(str(node))
        return
    name = node.name
    if name == "hr":
        return
    if name == "br":
        out.end_line()
        return
    if name == "pre":
        out.end_line()
        for line in node.get_text().split("\n"):
            out.line(line)
        return
    if name == "table":
        out.end_line()
        _cell_line_table(node, out, open_rows)
        return
    if name == "li":
        out.end_line()
        out.inline("- ")
    block = name in _BLOCK_TAGS or name == "details" or name in _PIPE_DROPPED
    if block:
        out.end_line()
    for child in node.children:
        if isinstance(child, (Tag, NavigableString)):
            _cell_line_walk(child, out, open_rows)
    if block:
        out.end_line()


def cell_line_rendering(markdown: str, *, open_rows: bool = False) -> str:
    """The emulated *cell-line* text rendering (R3) of one guide's Markdown: see
    ``tests/fixtures/nhn/cell-lines/README.md``.

    What the site does, as emulated here (calibrated against the one excerpt that README lists): headings are plain
    lines; list items are lines starting ``- ``; no line is blank; code blocks lose their indentation and blank
    lines; every table cell is a line of its own ending in `` |`` (an empty cell: ``|`` alone), the header's cells
    first, with no separator row; a cell's line breaks and code spans are spaces, as in the pipe rendering.

    ``open_rows``: the variant seen on Private DNS and Notification Hub common-info (en), where each row's first cell
    is opened by a pipe (``| tokenId |`` / ``Header |`` / ...). Not calibrated (no excerpt showed one): an empty
    first cell, written ``| |``."""
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    soup = BeautifulSoup(_END_BR.sub("<br>", html), "html.parser")
    out = _PipeWriter()
    for child in soup.children:
        if isinstance(child, (Tag, NavigableString)):
            _cell_line_walk(child, out, open_rows)
    return out.text()
