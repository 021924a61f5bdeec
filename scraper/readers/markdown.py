"""Markdown reader: a GitHub-flavoured Markdown page (NHN's TOAST-DOCS guides) -> Document.

Why markdown-it-py and not a regex reader: the guides are real Markdown (inline code, links, raw HTML, fences), and
a CommonMark parser gets the block structure right where hand-written rules would drift. Four real-world breakages
are repaired *before* parsing, on a copy of the source that keeps a map back to the original line numbers:

* a closing fence written on the last JSON line (``}```` ``) -- CommonMark would run the code block to the end of
  the page; the line is split into ``}`` and a fence;
* a table header row with more cells than its separator row -- CommonMark would not see a table at all; the
  separator is widened;
* a lone ``<br>`` line straight over a heading, quote, table, fence or list item -- CommonMark would open a raw
  HTML block there and swallow the Markdown up to the next blank line (a heading became raw text); a blank line is
  put after the break;
* a table written straight after a paragraph line (often one ending in a ``<br>`` continuation) -- read as a
  table (markdown-it lets tables interrupt paragraphs), listed here because it is a known breakage.

Blocks:

* headings -> :class:`Heading` (``level`` is the ``#`` count; ``number`` only for ``1.2 - Title`` style titles);
* paragraphs -> :class:`Paragraph` with inline markup flattened to text (inline code loses its backticks, links keep
  their text, ``<br>`` and the edges of block-level HTML elements such as ``<li>`` become newlines);
* GFM tables -> :class:`Table`. Rows are split from the source line (unescaped ``|``) rather than taken from the
  parser, so a row with more cells than the header keeps its text (joined into the last cell; empty extra cells are
  dropped; two rows whose line break was lost are split again) and a short row is padded; each repair is noted in
  :attr:`Row.repairs`, as are the pre-parse repairs that touched the table;
* fenced and indented code -> :class:`CodeBlock` (language from the info string);
* raw HTML blocks: a ``<pre>`` (``<pre><code>``) element becomes a :class:`CodeBlock` (entities decoded); a
  ``<table>`` becomes a :class:`Table` (read as the HTML reader reads tables: ``colspan`` and ``rowspan`` cells
  repeated where they stand, each repeat noted); ``<summary>`` text becomes a paragraph
  (``<details><summary>Example</summary>``); a block that is one heading element (``<h1>Template</h1>``) becomes a
  :class:`Heading`, as the HTML rendering shows it; other visible text becomes a paragraph; pure markup is dropped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block import table as parser_table_rule
from markdown_it.token import Token

from scraper.document import Block, CodeBlock, Document, Heading, Paragraph, ReaderError, Row, Table
from scraper.page_numbers import SECTION_NUMBER
from scraper.readers.block_tags import BLOCK_TAGS
from scraper.readers.type_arguments import is_type_argument

__all__ = ["read"]

_NUMBERED_HEADING = re.compile(rf"^({SECTION_NUMBER})\s+-\s+(.+)$")
_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_BR = re.compile(r"^</?br\s*/?>$", re.IGNORECASE)
#: A start or end tag, its name captured (raw HTML inside a paragraph or a table cell).
_TAG_NAME = re.compile(r"^</?([A-Za-z][A-Za-z0-9]*)\b[^>]*>$")
_SUMMARY = re.compile(r"<summary[^>]*>(.*?)</summary>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_TABLE_TAG = re.compile(r"<table\b", re.IGNORECASE)
#: A raw HTML code block: ``<pre>`` (with an optional ``<code>``) and nothing else.
_PRE_ELEMENT = re.compile(
    r"^\s*<pre\b[^>]*>(?:\s*<code\b[^>]*>)?(.*?)(?:</code>\s*)?</pre>\s*$", re.IGNORECASE | re.DOTALL
)
#: A raw HTML block that is one heading element and nothing else.
_HEADING_ELEMENT = re.compile(r"^\s*<h([1-6])\b[^>]*>(.*?)</h\1\s*>\s*$", re.IGNORECASE | re.DOTALL)
#: where a table element opens or closes (its extent is found by counting them: tables nest)
_TABLE_BOUNDARY = re.compile(r"<table\b|</table\s*>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\u00a0]+")
_SEPARATOR_CELL = re.compile(r"^\s*:?-+:?\s*$")
#: A line that opens a Markdown block (heading, quote, table row, fence, list item).
_MARKDOWN_BLOCK_START = re.compile(r"^ {0,3}(#{1,6}\s|>|\||```|~~~|[-*+]\s|\d+[.)]\s)")

#: Characters that may start inline markup (escapes, code, emphasis, links, images, raw HTML, entities) or that the
#: parser normalises (NUL, CR, line breaks). A table cell without any of them is plain text as it is.
_INLINE_MARKUP = re.compile(r"[\\`*_\[\]<>&!~\x00\r\n]")

_PARSER = MarkdownIt("commonmark", {"html": True}).enable("table")
#: Stands in for every token of a table but its ``table_open`` and ``table_close`` (see :func:`_table_extent`).
_DISCARDED = Token("discarded", "", 0)


def _table_extent(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """The parser's table rule, keeping only the table's ``table_open`` (whose map is its extent) and
    ``table_close``: the reader splits and reads the rows from the source lines itself (:func:`_table`), so the
    fourteen tokens a row made the parser build and inline-parse were most of the time a long table took to read
    (a 100,000-row table). Which lines are a table is decided by the parser's own rule, unchanged; the tokens left
    out are balanced open/close pairs, so nesting levels stay right."""
    if silent:
        return bool(parser_table_rule(state, start_line, end_line, True))

    def push(ttype: str, tag: str, nesting: Literal[-1, 0, 1]) -> Token:
        if ttype in ("table_open", "table_close"):
            return StateBlock.push(state, ttype, tag, nesting)
        return _DISCARDED

    state.push = push  # type: ignore[method-assign]
    try:
        return bool(parser_table_rule(state, start_line, end_line, False))
    finally:
        del state.push


_PARSER.block.ruler.at("table", _table_extent, {"alt": ["paragraph", "reference"]})  # the alternatives it had


@dataclass(slots=True)
class _Source:
    """The (possibly repaired) source lines, each mapped to its 1-based line in the original page."""

    lines: list[str] = field(default_factory=list)
    origin: list[int] = field(default_factory=list)
    #: original line -> repairs noted there (reported on the table rows they affect)
    repairs: dict[int, list[str]] = field(default_factory=dict)

    def add(self, line: str, origin: int) -> None:
        self.lines.append(line)
        self.origin.append(origin)

    def note(self, origin: int, message: str) -> None:
        self.repairs.setdefault(origin, []).append(message)

    def line_of(self, index: int) -> int:
        """Original 1-based line of 0-based repaired line ``index`` (clamped, so map ends are safe)."""
        if not self.origin:
            return 1
        return self.origin[min(max(index, 0), len(self.origin) - 1)]


def read(text: str, page: str) -> Document:
    """Read one Markdown page into a :class:`Document`.

    Raises :class:`ReaderError` (naming ``page`` and a line) only when there is nothing to read; any Markdown is
    otherwise readable, and breakage is repaired and recorded as described in the module docstring.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = text.split("\n")
    if text.endswith("\n"):
        raw_lines.pop()
    if not text.strip():
        raise ReaderError(page, 1, "expected a Markdown page; the document is empty")
    source = _repair(raw_lines)
    tokens = _PARSER.parse("\n".join(source.lines) + "\n")
    document = Document(page=page, end_line=len(raw_lines))
    document.blocks.extend(_blocks(tokens, source))
    if not document.blocks:
        raise ReaderError(page, 1, "expected Markdown content (headings, paragraphs, tables or code); found none")
    return document


# --------------------------------------------------------------------------------------------------- repairs


def _split_cells(line: str) -> list[str]:
    """Cells of a pipe-table line: split on unescaped ``|``, outer pipes optional (GFM semantics)."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    if "\\" not in body:  # no escapes: a plain split says the same, without a step per character
        return [cell.strip() for cell in body.split("|")]
    cells: list[str] = []
    current: list[str] = []
    escaped = False
    for char in body:
        if escaped:
            current.append("|" if char == "|" else "\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    if escaped:
        current.append("\\")
    cells.append("".join(current).strip())
    return cells


def _is_separator(line: str) -> bool:
    if "-" not in line or "|" not in line:
        return False
    return all(_SEPARATOR_CELL.match(cell) for cell in _split_cells(line))


def _repair(raw_lines: list[str]) -> _Source:
    source = _Source()
    fence: str | None = None  # the opening fence run while inside a fenced block
    for index, line in enumerate(raw_lines):
        origin = index + 1
        if fence is None:
            opening = _FENCE_OPEN.match(line)
            if opening and not (opening.group(1)[0] == "`" and "`" in opening.group(2)):
                fence = opening.group(1)
            elif (
                line.lstrip().startswith("|")
                and index + 1 < len(raw_lines)
                and _is_separator(raw_lines[index + 1])
                and len(_split_cells(raw_lines[index + 1])) < len(_split_cells(line))
            ):
                # Header wider than separator: widen the separator so the table is still a table.
                header_cells = len(_split_cells(line))
                separator_cells = len(_split_cells(raw_lines[index + 1]))
                source.add(line, origin)
                raw_lines[index + 1] = "|" + "---|" * header_cells
                source.note(
                    origin,
                    f"header has {header_cells} cells but the separator row {separator_cells}; separator widened",
                )
                continue
            source.add(line, origin)
            if (
                _BR.match(line.strip())
                and index + 1 < len(raw_lines)
                and _MARKDOWN_BLOCK_START.match(raw_lines[index + 1])
            ):
                # "<br/>" straight over "#### Get IdP Token and Profiles" (Gamebase): CommonMark opens a raw HTML
                # block at the tag and runs it to the next blank line, so the heading would be raw text; the
                # guide means a break, then Markdown.
                source.add("", origin)
            continue
        stripped = line.strip()
        if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
            fence = None
            source.add(line, origin)
            continue
        closing = re.match(r"^(.*\S)\s*(" + re.escape(fence[0]) + "{" + str(len(fence)) + r",})\s*$", line)
        if closing and closing.group(1).strip(fence[0]):
            # `}```` -- the closing fence was written on the last code line; split it off.
            source.add(closing.group(1), origin)
            source.add(closing.group(2), origin)
            source.note(origin, "closing code fence written on the code line; split off")
            fence = None
            continue
        source.add(line, origin)
    return source


# ---------------------------------------------------------------------------------------------------- blocks


def _inline_text(token: Token) -> str:
    """Flatten an inline token to text: code loses backticks, links keep their text, ``<br>`` and the edges of
    block-level elements written inline (``<ul><li>..</li></ul>`` in a table cell) are newlines."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak",):
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "html_inline":
            tag = child.content.strip()
            name = _TAG_NAME.match(tag)
            if _BR.match(tag) or (name is not None and name.group(1).lower() in BLOCK_TAGS):
                parts.append("\n")  # a list item inside a cell is a line of its own, as a browser shows it
            elif is_type_argument(tag, "".join(parts)):
                # ROLE v3: "**List<UserRoleRelationProtocol>**" (the next row writes "List&lt;..."): CommonMark
                # reads a raw tag, but glued to List/Array/Map it is the type's argument, which the reader keeps
                parts.append(tag)
        elif child.type == "image":
            parts.append(child.content or "")
    return _tidy("".join(parts))


def _tidy(text: str) -> str:
    """Strip each line; drop empty lines (``<br><br>``) so a break is always exactly one newline."""
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _cell_text(cell: str) -> str:
    if not _INLINE_MARKUP.search(cell):
        return _tidy(cell)  # plain text: what the inline parser would give back, without running it per cell
    tokens = _PARSER.parseInline(cell)
    return _inline_text(tokens[0]) if tokens else ""


#: A Markdown link to a section: ``[Store code](#store-code)`` (this page), ``[Region](./enum-code/#region)`` (a page
#: named by its path, which may be this one: API Gateway links to its own sections as ``./api-guide-v2.0/#...``).
_ANCHOR_LINK = re.compile(r"\]\(\s*([^()\s#]*)#([^()\s]+)\s*\)")


def cell_anchors(raw: Sequence[str]) -> tuple[str, ...]:
    """Per raw cell, the section its first link to one names (``""`` for none): ``anchor`` for a link within the
    page, ``path#anchor`` for one naming a page (which page it is, the dialect decides); ``()`` when no cell links."""
    anchors = tuple(
        (f"{m.group(1)}#{m.group(2)}" if m.group(1) else m.group(2)) if (m := _ANCHOR_LINK.search(cell)) else ""
        for cell in raw
    )
    return anchors if any(anchors) else ()


def _table(start: int, end: int, source: _Source) -> Table:
    lines = source.lines[start:end]
    header = tuple(_cell_text(cell) for cell in _split_cells(lines[0]))
    table_repairs = [note for i in range(start, end) for note in source.repairs.get(source.line_of(i), [])]
    # Pre-parse repairs are reported once, on the first row (or on a row that itself was repaired).
    rows: list[Row] = []
    seen_origins: set[int] = set()
    for offset, line in enumerate(lines[2:], start=start + 2):
        origin = source.line_of(offset)
        for raw, repairs in _row_cells(_split_cells(line), len(header)):
            if not rows and table_repairs:
                repairs = table_repairs + repairs
            elif origin not in seen_origins:
                repairs = source.repairs.get(origin, []) + repairs
            seen_origins.add(origin)
            anchors = cell_anchors(raw)
            cells = tuple(_cell_text(cell) for cell in raw)
            rows.append(Row(cells=cells, line=origin, repairs=tuple(repairs), anchors=anchors))
    return Table(header=header, rows=tuple(rows), line=source.line_of(start))


def _row_cells(raw: list[str], width: int) -> list[tuple[list[str], list[str]]]:
    """The rows one table line holds, ``width`` cells each, with what was repaired to get them.

    Mostly one row: padded when short; when long, the cells past the header are dropped if they are all empty
    (``| ... | |``), else joined into the last cell, so no text is lost. Except when the line is several rows whose
    line breaks were lost: ``| a | b | c |   | d | e | f |`` (one row's closing ``|`` and the next row's opening
    ``|`` with only spaces between them leave one empty cell). That is read as rows when every further row starts
    with that empty cell and has exactly ``width`` cells; with fewer than three columns it is not (a two-column
    row with a ``||`` in its text looks the same).
    """
    if len(raw) < width:
        return [
            (
                raw + [""] * (width - len(raw)),
                [f"{width - len(raw)} cell(s) fewer than the header; padded with empty cells"],
            )
        ]
    extra = raw[width:]
    if not extra:
        return [(raw, [])]
    if not any(cell.strip() for cell in extra):
        return [(raw[:width], [f"{len(extra)} empty cell(s) beyond the header; dropped"])]
    chunks = [extra[i : i + width + 1] for i in range(0, len(extra), width + 1)]
    if width >= 3 and all(len(c) == width + 1 and not c[0].strip() and c[1].strip() for c in chunks):
        note = f"{len(chunks) + 1} rows written on one line (their line breaks lost); split into rows"
        return [(raw[:width], [note])] + [(chunk[1:], [note]) for chunk in chunks]
    joined = [*raw[: width - 1], " | ".join(raw[width - 1 :])]
    return [(joined, [f"{len(extra)} cell(s) more than the header; joined into the last cell"])]


def _html_blocks(content: str, line: int) -> list[Block]:
    if _TABLE_TAG.search(content):
        # a raw HTML table (often one with rowspan, which pipe tables cannot write) is a table, not its text
        from scraper.readers.html import html_tables

        tables: list[Block] = list(html_tables(content, line))
        if tables:
            # the text around the tables keeps its place (a label before each table is what names it)
            rest: list[Block] = []
            start = 0
            for begin, end in [*_table_elements(content), (len(content), len(content))]:
                piece = content[start:begin]  # holds no <table: every one is inside an element
                lead = len(piece) - len(piece.lstrip())  # the piece's text starts on its first non-blank line
                rest += _html_blocks(piece, line + content.count("\n", 0, start + lead))
                start = end
            return sorted(rest + tables, key=lambda block: block.line)
    heading = _HEADING_ELEMENT.match(content)
    if heading:
        # notification-hub opens with <h1>Template</h1>: a heading on the site (and to the HTML reader), so here too
        title = _tidy(html.unescape(_TAG.sub("", heading.group(2))).replace("\n", " "))
        if title:
            return [Heading(title=title, level=int(heading.group(1)), line=line)]
    pre = _PRE_ELEMENT.match(content)
    if pre:
        # Corporation Search writes one request example as <pre><code>{...}</code></pre>: code, as a fence is
        return [CodeBlock(text=html.unescape(_TAG.sub("", pre.group(1))).strip("\n"), line=line)]
    # entities decoded after the tags are gone (``&lt;b&gt;`` is text), as the site shows them and the HTML reader
    # reads them
    summaries = [_tidy(html.unescape(_TAG.sub("", s))) for s in _SUMMARY.findall(content)]
    if summaries:
        return [Paragraph(text=s, line=line) for s in summaries if s]
    text = _tidy(html.unescape(_TAG.sub("", content)))
    return [Paragraph(text=text, line=line)] if text else []


def _table_elements(content: str) -> list[tuple[int, int]]:
    """(start, end) of each outermost ``<table>`` element of ``content``: a nested table is part of its parent's, and
    one left open runs to the end (a page cut short; a stray ``</table>`` closes nothing)."""
    spans: list[tuple[int, int]] = []
    depth = begin = 0
    for match in _TABLE_BOUNDARY.finditer(content):
        if match.group().startswith("</"):
            if depth == 1:
                spans.append((begin, match.end()))
            depth = max(depth - 1, 0)
        else:
            if depth == 0:
                begin = match.start()
            depth += 1
    if depth:
        spans.append((begin, len(content)))
    return spans


def _blocks(tokens: list[Token], source: _Source) -> list[Block]:
    blocks: list[Block] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        start = token.map[0] if token.map else 0
        line = source.line_of(start)
        if token.type == "heading_open":
            title = _inline_text(tokens[index + 1]).replace("\n", " ")
            numbered = _NUMBERED_HEADING.match(title)
            number = tuple(int(part) for part in numbered.group(1).split(".")) if numbered else None
            if numbered:
                title = numbered.group(2).strip()
            if title:
                blocks.append(Heading(title=title, level=int(token.tag[1:]), line=line, number=number))
            index += 3
            continue
        if token.type == "paragraph_open":
            text = _inline_text(tokens[index + 1])
            if text:
                blocks.append(Paragraph(text=text, line=line))
            index += 3
            continue
        if token.type == "table_open" and token.map:
            blocks.append(_table(token.map[0], token.map[1], source))
            while index < len(tokens) and tokens[index].type != "table_close":
                index += 1
            index += 1
            continue
        if token.type in ("fence", "code_block"):
            language = token.info.strip().split()[0] if token.info.strip() else None
            text = token.content[:-1] if token.content.endswith("\n") else token.content
            # The code starts on the line after an opening fence.
            code_line = source.line_of(start + 1) if token.type == "fence" else line
            blocks.append(CodeBlock(text=text, line=code_line, language=language))
        elif token.type == "html_block":
            blocks.extend(_html_blocks(token.content, line))
        index += 1
    return blocks
