"""The values of a code that a field's cell names only by a link to the section listing them.

Gamebase's guides type ``storeCode | Enum | [Store code](#store-code)`` and ``osCode | OsCode | [OS code](#os-code)``
and list the codes once, at the end, under ``## Others`` > ``### Store Code`` (a ``Code | Description`` table) or
``### Identity Provider Code`` (a bullet list of the codes alone). The readers keep the anchor a cell links to
(:attr:`scraper.document.Row.anchors`); this module finds the heading the anchor names (as the docs site and GitHub
name a heading's anchor: its words lower-cased, joined by dashes, punctuation dropped) and reads the codes its
section lists. A section that lists no codes (prose, a table of sentences) gives none, so the field keeps its
"no values" finding rather than a guess.

API Gateway links to its sections by a path to the page itself (``[...](./api-guide-v2.0/#resource-plugin)``) and to
another page's (``./enum-code/#api-gateway-region``): :func:`row_links` tells them apart by the page's own name. Its
Korean guides link to the anchors the docs site (MkDocs, Python-Markdown's table of contents) numbers for headings
with no ASCII letter (``#_37``), which shift whenever a heading is added: such an anchor names a section only when its
title is what the link says (:func:`link_agrees`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from urllib.parse import unquote

from scraper.dialects.field_tables import clean_text
from scraper.document import Block, Heading, Paragraph, Table

__all__ = ["CodeSection", "RowLink", "code_sections", "heading_anchor", "link_agrees", "names_section", "row_links"]

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
    #: Named by a number the docs site gave the anchor (``_37``), not by its title's words.
    numbered: bool = False


@dataclass(frozen=True, slots=True)
class RowLink:
    """The section a table row's cell links to: its anchor, the page it names ("" for this one) and the cell's
    text (what the link says)."""

    anchor: str
    page: str
    text: str

    @property
    def target(self) -> str:
        return f"{self.page}#{self.anchor}" if self.page else f"#{self.anchor}"


def heading_anchor(title: str) -> str:
    """The anchor a Markdown renderer gives a heading: lower case, punctuation dropped, spaces as dashes."""
    text = re.sub(r"[^\w\s-]", "", clean_text(title).lower())
    return re.sub(r"\s", "-", text.strip())


def _toc_slug(title: str) -> str:
    """Python-Markdown's ``toc`` slug (MkDocs, the NHN docs site): ASCII letters only, so a Korean title is empty."""
    text = unicodedata.normalize("NFKD", clean_text(title)).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def _toc_unique(slug: str, taken: set[str]) -> str:
    """The anchor Python-Markdown gives a slug already taken, or empty: ``_1``, ``_2``, ``deploy-stage_1``."""
    while slug in taken or not slug:
        numbered = re.fullmatch(r"(.*)_([0-9]+)", slug)
        slug = f"{numbered.group(1)}_{int(numbered.group(2)) + 1}" if numbered else f"{slug}_1"
    taken.add(slug)
    return slug


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
    taken: set[str] = set()

    def close() -> None:
        if heading is not None:
            section = CodeSection(clean_text(heading.title), heading.line, _section_codes(body))
            sections.setdefault(heading_anchor(heading.title), section)
            slug = _toc_slug(heading.title)
            toc = _toc_unique(slug, taken)
            sections.setdefault(toc, replace(section, numbered=toc != slug))

    for block in blocks:
        if isinstance(block, Heading):
            close()
            heading, body = block, []
        else:
            body.append(block)
    close()
    return sections


def _page_name(path: str) -> str:
    """The last segment of a link's page path, without a trailing slash or an extension (``./enum-code/`` ->
    ``enum-code``, ``api-guide-v2.0.md`` -> ``api-guide-v2.0``)."""
    name = PurePosixPath(unquote(path).strip().rstrip("/")).name
    return re.sub(r"\.(?:md|markdown|html?)$", "", name, flags=re.IGNORECASE)


def _this_page(path: str, page: str) -> bool:
    """A link's page path names the page read: empty, or its name is the page file's stem or ends it after an
    ``_`` (a saved copy named ``API-Gateway__en__api-guide-v2.0.md``)."""
    if not path:
        return True
    name, stem = _page_name(path).lower(), PurePosixPath(page).stem.lower()
    return bool(name) and (stem == name or stem.endswith("_" + name))


def row_links(blocks: Sequence[Block], page: str) -> dict[int, RowLink]:
    """Line of a table row -> the first section its cells link to (percent-escapes decoded), the page named ""
    when it is this one (:func:`_this_page`)."""
    found: dict[int, RowLink] = {}
    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                index = next((i for i, a in enumerate(row.anchors) if a), None)
                if index is None or row.line in found:
                    continue
                path, _, anchor = row.anchors[index].rpartition("#")
                text = clean_text(row.cells[index]) if index < len(row.cells) else ""
                found[row.line] = RowLink(unquote(anchor).lower(), "" if _this_page(path, page) else path, text.strip())
    return found


#: Words a link says that name no section: "see", "refer to", "참고" (see), "参照".
_LINK_WORDS = frozenset({"see", "refer", "to", "the", "of", "for", "참고", "참조", "参照", "参考"})


def link_agrees(text: str, title: str) -> bool:
    """What a link says shares a word with the section's title (``[리소스 플러그인 타입별 JSON 설정값]`` and ``리소스
    플러그인``): a numbered anchor is trusted only then."""
    words = {w for w in re.findall(r"\w+", text.lower()) if len(w) > 1 and w not in _LINK_WORDS}
    return bool(words & set(re.findall(r"\w+", title.lower())))


def names_section(type_text: str, section: CodeSection) -> bool:
    """The type word is the section's title written as one name (``OsCode`` for ``OS Code``)."""
    return bool(type_text) and _squashed(type_text) == _squashed(section.title)
