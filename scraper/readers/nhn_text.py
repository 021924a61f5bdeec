"""NHN text reader: the NHN Cloud docs site's text rendering of an API guide -> Document.

Why a reader of its own: the docs site's text rendering loses every Markdown mark. Headings are plain lines, tables
are space-separated words, code fences are gone. What survives is enough to rebuild the same blocks the Markdown
reader produces from the guide's source, so :class:`~scraper.dialects.nhn.NhnDialect` reads both the same way:

* **Tables** are recognised by their header line and rebuilt into cells:

  - parameter tables ``Name Type Format|Attribute|Attributes [Required] Description``; a row is
    ``<name> <URL|Header|Query|Body> <Format> [<mark>] <description>``; a line that is not a row continues the
    previous row's description (joined with a newline, as ``<br>`` is in the Markdown);
  - status tables ``Status Name Description``; a row is ``<status> <description>``;
  - the endpoint table ``Type Region Endpoint`` whose columns were flattened into lines: ``<type> <region1>``,
    further region lines, then the endpoint URLs in the same order -- rebuilt as one row per type with the regions
    and URLs newline-joined, as the Markdown cells are.

  A table ends at a blank line or at a line ``Example``.
* **Code**: a ``METHOD /path`` line and the header lines under it are one :class:`CodeBlock`; a JSON document (a
  line starting with ``{``, or ``[`` right after ``Example``) runs until its brackets balance, blank lines included,
  and becomes a ``json`` :class:`CodeBlock`.
* **Headings** follow the guide's conventions (blank lines are meaningful): the first line is the title (level 1);
  ``Request``/``Response`` are level 3; an operation title (level 2) is the title-like line before the operation's
  description paragraphs and its method line; a title-like line introducing a table (``Volume Status``) is level 2;
  a title-like line right before a level-2 heading is a group (level 1, ``Volume``). Title-like = short, capitalised,
  not ending in sentence punctuation. Two blank lines end an operation, so nothing after them is read as part of it.
* Everything else is a :class:`Paragraph`, one per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scraper.document import Block, CodeBlock, Document, Heading, Paragraph, ReaderError, Row, Table
from scraper.readers.json_extent import json_extent

__all__ = ["read"]

_METHOD_LINE = re.compile(r"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /\S*$")
_HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9-]*: .+$")
_PARAM_HEADER = re.compile(r"^Name Type (Format|Attributes?)( Required)? Description$")
_PARAM_ROW = re.compile(r"^(\S+) (URL|Header|Query|Body|Path|Cookie) ([A-Z][A-Za-z]*)(?: (.*))?$")
_REQUIRED_MARK = re.compile(r"^(O|X|-|Yes|No|Y|N)(?: (.*))?$")
_STATUS_HEADER = "Status Name Description"
_ENDPOINT_HEADER = "Type Region Endpoint"
_URL = re.compile(r"^https?://\S+$")
_SENTENCE_END = (".", ":", ";", ",", "!", "?")
_MAX_TITLE_WORDS = 10


@dataclass(slots=True)
class _Item:
    """One block before headings are decided: a table/code block, or a single text line (``text`` set)."""

    line: int
    blanks_before: int
    block: Block | None = None
    text: str | None = None


def read(text: str, page: str) -> Document:
    """Read one NHN text rendering into a :class:`Document`; :class:`ReaderError` if it has no content."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    if not text.strip():
        raise ReaderError(page, 1, "expected an NHN guide text rendering; the document is empty")
    items = _items(lines, page)
    document = Document(page=page, end_line=len(lines))
    document.blocks.extend(_decide_headings(items))
    return document


# ------------------------------------------------------------------------------------------------ first pass


def _items(lines: list[str], page: str) -> list[_Item]:
    items: list[_Item] = []
    index = 0
    blanks = 0
    while index < len(lines):
        stripped = lines[index].strip()
        if not stripped:
            blanks += 1
            index += 1
            continue
        after_example = bool(items) and items[-1].text == "Example"
        block: Block
        if stripped.startswith("{") or (stripped.startswith("[") and after_example):
            block, index = _json_block(lines, index)
        elif _METHOD_LINE.match(stripped):
            block, index = _method_block(lines, index)
        elif _PARAM_HEADER.match(stripped):
            block, index = _param_table(lines, index, page)
        elif stripped == _STATUS_HEADER:
            block, index = _status_table(lines, index)
        elif stripped == _ENDPOINT_HEADER:
            block, index = _endpoint_table(lines, index, page)
        else:
            items.append(_Item(line=index + 1, blanks_before=blanks, text=stripped))
            blanks = 0
            index += 1
            continue
        items.append(_Item(line=block.line, blanks_before=blanks, block=block))
        blanks = 0
    return items


def _json_block(lines: list[str], start: int) -> tuple[CodeBlock, int]:
    """Lines from ``start`` until the brackets balance (string-aware); the block's own lines if they never do."""
    balanced = json_extent(lines, start)
    if balanced is not None:
        return CodeBlock(text="\n".join(lines[start:balanced]), line=start + 1, language="json"), balanced
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    return CodeBlock(text="\n".join(lines[start:end]), line=start + 1, language="json"), end


def _method_block(lines: list[str], start: int) -> tuple[CodeBlock, int]:
    end = start + 1
    while end < len(lines) and _HEADER_LINE.match(lines[end].strip()):
        end += 1
    return CodeBlock(text="\n".join(line.strip() for line in lines[start:end]), line=start + 1), end


def _table_end(lines: list[str], index: int) -> bool:
    return index >= len(lines) or not lines[index].strip() or lines[index].strip() == "Example"


def _param_table(lines: list[str], start: int, page: str) -> tuple[Table, int]:
    header_match = _PARAM_HEADER.match(lines[start].strip())
    assert header_match is not None
    has_required = header_match.group(2) is not None
    header = ("Name", "Type", header_match.group(1)) + (("Required",) if has_required else ()) + ("Description",)
    rows: list[list[str]] = []
    row_lines: list[int] = []
    skipped: list[Row] = []
    index = start + 1
    while not _table_end(lines, index):
        stripped = lines[index].strip()
        row = _PARAM_ROW.match(stripped)
        if row:
            name, location, data_type, rest = row.group(1), row.group(2), row.group(3), row.group(4) or ""
            cells = [name, location, data_type]
            if has_required:
                mark = _REQUIRED_MARK.match(rest)
                cells += [mark.group(1), mark.group(2) or ""] if mark else ["", rest]
            else:
                cells.append(rest)
            rows.append(cells)
            row_lines.append(index + 1)
        elif rows:
            rows[-1][-1] = f"{rows[-1][-1]}\n{stripped}" if rows[-1][-1] else stripped
        elif stripped:
            # Not a row and nothing to continue: kept as an empty row whose repair says why, so reading goes on
            # and the dialect reports it with its line.
            skipped.append(
                Row(
                    cells=(),
                    line=index + 1,
                    repairs=(f"{stripped[:60]!r} is not a table row '<name> <URL|Header|Query|Body> <Format> ...'",),
                )
            )
        index += 1
    return (
        Table(
            header=header,
            rows=(*skipped, *(Row(cells=tuple(c), line=n) for c, n in zip(rows, row_lines, strict=True))),
            line=start + 1,
        ),
        index,
    )


def _status_table(lines: list[str], start: int) -> tuple[Table, int]:
    rows: list[Row] = []
    index = start + 1
    while not _table_end(lines, index):
        status, _, description = lines[index].strip().partition(" ")
        rows.append(Row(cells=(status, description.strip()), line=index + 1))
        index += 1
    return Table(header=("Status Name", "Description"), rows=tuple(rows), line=start + 1), index


def _endpoint_table(lines: list[str], start: int, page: str) -> tuple[Table, int]:
    """``<type> <region1>`` / more region lines / the URLs in region order; a new type starts after the URLs."""
    groups: list[tuple[str, list[str], list[str], int]] = []
    index = start + 1
    while not _table_end(lines, index):
        stripped = lines[index].strip()
        if _URL.match(stripped):
            if not groups:
                raise ReaderError(page, index + 1, "expected '<type> <region>' before the endpoint URLs")
            groups[-1][2].append(stripped)
        elif not groups or groups[-1][2]:
            kind, _, region = stripped.partition(" ")
            groups.append((kind, [region.strip()] if region.strip() else [], [], index + 1))
        else:
            groups[-1][1].append(stripped)
        index += 1
    rows = tuple(
        Row(cells=(kind, "\n".join(regions), "\n".join(urls)), line=line) for kind, regions, urls, line in groups
    )
    return Table(header=("Type", "Region", "Endpoint"), rows=rows, line=start + 1), index


# ----------------------------------------------------------------------------------------------- second pass


def _title_like(text: str) -> bool:
    return (
        not text.endswith(_SENTENCE_END)
        and len(text.split()) <= _MAX_TITLE_WORDS
        and (text[0].isupper() or text[0].isdigit())
        and "{" not in text
        and text != "Example"
    )


def _is_method(item: _Item) -> bool:
    return isinstance(item.block, CodeBlock) and bool(_METHOD_LINE.match(item.block.text.split("\n", 1)[0]))


def _decide_headings(items: list[_Item]) -> list[Block]:
    levels: dict[int, int] = {}  # item index -> heading level
    if items and items[0].text is not None:
        levels[0] = 1
    for index, item in enumerate(items):
        if item.text in ("Request", "Response"):
            levels[index] = 3
    # Operation titles: walk back from each method line over the text lines of this operation (stopping at a
    # table/code block, a heading already decided, or a line after two blank lines -- the start of a section).
    for index, item in enumerate(items):
        if not _is_method(item):
            continue
        run: list[int] = []
        back = index - 1
        while back >= 0 and items[back].text is not None and back not in levels:
            run.append(back)
            if items[back].blanks_before >= 2:
                break
            back -= 1
        if not run:
            continue
        # run is nearest-first: skip description sentences; the first title-like line is the title.
        title = next((i for i in run if _title_like(items[i].text or "")), run[-1])
        levels[title] = 2
    # Section titles introducing a table outside operations (status lists): level 2.
    for index, item in enumerate(items):
        if index in levels or item.text is None or not _title_like(item.text):
            continue
        after = index + 1
        while after < len(items) and items[after].text is not None and not _title_like(items[after].text or ""):
            after += 1
        if after < len(items) and isinstance(items[after].block, Table) and after - index <= 3:
            levels[index] = 2
    # Groups: a title-like line right before a level-2 heading.
    for index, item in enumerate(items):
        if index in levels or item.text is None or not _title_like(item.text):
            continue
        if levels.get(index + 1) == 2:
            levels[index] = 1
    blocks: list[Block] = []
    for index, item in enumerate(items):
        if item.block is not None:
            blocks.append(item.block)
        elif index in levels:
            blocks.append(Heading(title=item.text or "", level=levels[index], line=item.line))
        else:
            blocks.append(Paragraph(text=item.text or "", line=item.line))
    return blocks
