"""The values of a code that a field's cell names only by a link to the section listing them.

Gamebase's guides type ``storeCode | Enum | [Store code](#store-code)`` and ``osCode | OsCode | [OS code](#os-code)``
and list the codes once, at the end, under ``## Others`` > ``### Store Code`` (a ``Code | Description`` table) or
``### Identity Provider Code`` (a bullet list of the codes alone). The readers keep the anchor a cell links to
(:attr:`scraper.document.Row.anchors`); this module finds the heading the anchor names (as the docs site and GitHub
name a heading's anchor: its words lower-cased, joined by dashes, punctuation dropped) and reads the codes its
section lists. A section that lists no codes (prose, a table of sentences) gives none, so the field keeps its
"no values" finding rather than a guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from scraper.dialects.field_tables import clean_text
from scraper.document import Block, Heading, Paragraph, Table

__all__ = ["CodeSection", "code_sections", "heading_anchor", "names_section", "row_anchors"]

#: One code: a word of letters, digits, ``_``, ``-``, ``.`` or ``:`` (``GG``, ``ONESTORE``, ``iosgamecenter``).
_CODE = re.compile(r"[A-Za-z0-9][\w.:-]*")
#: Header words of the column a code table lists its codes in (en, ko, ja).
_CODE_COLUMNS = frozenset(
    {"code", "value", "type", "status", "코드", "값", "타입", "유형", "상태", "コード", "値", "タイプ"}
)


@dataclass(frozen=True, slots=True)
class CodeSection:
    """A heading's section and the codes it lists (empty when it lists none)."""

    title: str
    line: int
    codes: tuple[str, ...]


def heading_anchor(title: str) -> str:
    """The anchor a Markdown renderer gives a heading: lower case, punctuation dropped, spaces as dashes."""
    text = re.sub(r"[^\w\s-]", "", clean_text(title).lower())
    return re.sub(r"\s", "-", text.strip())


def _squashed(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


def _table_codes(table: Table) -> tuple[str, ...]:
    """The codes a table lists in its code column (the first, unless a header names another), when every filled
    cell of it is one code; else none."""
    header = [clean_text(h).strip().lower() for h in table.header]
    column = next((i for i, h in enumerate(header) if h in _CODE_COLUMNS), 0)
    codes = [clean_text(r.cells[column]).strip() for r in table.rows if column < len(r.cells)]
    codes = [c for c in codes if c]
    if not codes or not all(_CODE.fullmatch(c) for c in codes):
        return ()
    return tuple(dict.fromkeys(codes))


def _section_codes(section: Sequence[Block]) -> tuple[str, ...]:
    """The codes of the first code table, or list of two codes or more, among a section's blocks: the Markdown
    reader gives a list item as a paragraph of its own, on the next line, so a list of codes is a run of such
    paragraphs each one code alone."""
    run: list[str] = []
    last = 0
    for block in section:
        text = clean_text(block.text).strip() if isinstance(block, Paragraph) else ""
        if _CODE.fullmatch(text) and (not run or block.line == last + 1):
            run.append(text)
            last = block.line
            continue
        if len(run) >= 2:
            break
        run = []
        if isinstance(block, Table) and (codes := _table_codes(block)):
            return codes
        if _CODE.fullmatch(text):
            run, last = [text], block.line
    return tuple(dict.fromkeys(run)) if len(run) >= 2 else ()


def code_sections(blocks: Sequence[Block]) -> dict[str, CodeSection]:
    """Anchor -> the section of the heading it names, with the codes of the section's first code table or list of
    codes (before the next heading). One pass over the page."""
    sections: dict[str, CodeSection] = {}
    heading: Heading | None = None
    body: list[Block] = []

    def close() -> None:
        if heading is not None:
            section = CodeSection(clean_text(heading.title), heading.line, _section_codes(body))
            sections.setdefault(heading_anchor(heading.title), section)

    for block in blocks:
        if isinstance(block, Heading):
            close()
            heading, body = block, []
        else:
            body.append(block)
    close()
    return sections


def row_anchors(blocks: Sequence[Block]) -> dict[int, str]:
    """Line of a table row -> the first same-page anchor its cells link to (percent-escapes decoded)."""
    found: dict[int, str] = {}
    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                anchor = next((a for a in row.anchors if a), "")
                if anchor:
                    found.setdefault(row.line, unquote(anchor).lower())
    return found


def names_section(type_text: str, section: CodeSection) -> bool:
    """The type word is the section's title written as one name (``OsCode`` for ``OS Code``)."""
    return bool(type_text) and _squashed(type_text) == _squashed(section.title)
