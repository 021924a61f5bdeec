"""HTML reader: a rendered documentation page (Hugo/Docsy printable views, NHN's Markdown-rendered pages) -> Document.

Why a reader of its own: the live pages are HTML, and the text renderings we also keep are only one lossy view of
them. This reader turns the HTML into the same flat block list the text readers produce, so a dialect reads either
capture the same way:

* ``<h1>``..``<h6>`` -> :class:`Heading`. Docsy's printable view prints every page's title as ``<h1>`` with its
  section number in the text (``1.1.1 - CancelArchiving``); that number becomes ``Heading.number`` and its length
  the level, because the tag level says nothing about nesting there.
* Running text (``<p>``, ``<li>``, ``<dt>``/``<dd>``, ``<blockquote>``, text loose in a ``<div>``) ->
  :class:`Paragraph`, one per element; a ``<br>`` is a line break within it (``\n``), as the Markdown reader reads
  a guide's ``<br>`` (a dialect that reads a text rendering's lines, SCP's, reads a paragraph line by line); in
  text loose in a container, which no paragraph element holds, each ``<br>`` line is a paragraph, as the Markdown
  reader reads a raw HTML block's lines.
  Block-level children (a nested list, a ``<pre>``) end the paragraph and are
  read as blocks of their own.
* ``<table>`` -> :class:`Table`, ``<pre>`` -> :class:`CodeBlock` (verbatim), ``<details>`` -> its ``<summary>`` as a
  paragraph followed by the inner blocks.

Page chrome (navigation, header, footer, sidebars, the in-page TOC, breadcrumbs, ``d-print-none`` widgets) is not
content and is skipped. Docsy's "This is the multi-page printable view" banner is kept: the text renderings show it
too.

Line numbers are the 1-based source lines where an element starts (``tag.sourceline`` from ``html.parser``); text
not wrapped in any element gets the line computed from its neighbours.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import SupportsIndex

from bs4 import BeautifulSoup, Tag
from bs4.builder._htmlparser import BeautifulSoupHTMLParser, HTMLParserTreeBuilder
from bs4.element import NavigableString, PageElement

from scraper.document import Block, CodeBlock, Document, Heading, Paragraph, ReaderError, Row, Table
from scraper.page_numbers import SECTION_NUMBER
from scraper.readers import markdown
from scraper.readers.block_tags import BLOCK_TAGS
from scraper.readers.type_arguments import escape_type_arguments

__all__ = ["html_tables", "read"]

_NUMBERED_HEADING = re.compile(rf"^({SECTION_NUMBER}) - (.+)$")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

#: Elements that are never content, wherever they are.
_SKIPPED_TAGS = frozenset(
    {"nav", "aside", "footer", "script", "style", "noscript", "template", "iframe", "svg", "button", "select", "head"}
)
_SKIPPED_IDS = frozenset({"TableOfContents"})
_SKIPPED_CLASSES = frozenset({"td-toc", "td-page-meta", "td-breadcrumbs"})

#: Elements whose start and end break running text into separate paragraphs (HTML's block-level elements).
_BLOCK_TAGS = BLOCK_TAGS
#: Block elements that are themselves one paragraph: their start line is the paragraph's line.
_PARAGRAPH_TAGS = frozenset({"p", "li", "dt", "dd", "blockquote", "figcaption", "address", "caption"})

#: Block elements that hold other blocks, not a paragraph's text (cells and rows are read as tables).
_CONTAINER_TAGS = _BLOCK_TAGS - _PARAGRAPH_TAGS - frozenset({"td", "th", "tr", "thead", "tbody", "tfoot", "summary"})

#: A Markdown ATX heading line (``##### Sample Request``), its closing ``#``s apart: one a renderer read into a table
#: as a row (:func:`_table_blocks`).
_MARKDOWN_HEADING_LINE = re.compile(r"^ {0,3}(#{1,6})[ \t]+(\S.*?)(?:[ \t]+#+)?[ \t]*$", re.MULTILINE)
#: A line that starts a Markdown block (a heading, quote, table row, fence or list item).
_MARKDOWN_BLOCK_LINE = re.compile(r"^ {0,3}(?:#{1,6}[ \t]+\S|>|\||```|~~~|[-*+][ \t]+\S|\d+[.)][ \t]+\S)")
_MARKDOWN_LEFT_AS_TEXT = (
    "Markdown the page's renderer left as text in raw HTML (a '<br>' line straight over it); this heading read from"
    " its '#' line"
)

_HEADING_READ_AS_A_ROW = (
    "a Markdown heading line the page's renderer read into the table above as a row (a line straight under a table"
    " continues it in Python-Markdown); read as the heading it writes"
)

#: Chroma (Hugo's highlighter) line-number spans inside ``<pre>``: presentation, not code.
_CODE_LINE_NUMBER_CLASSES = frozenset({"ln", "lnt"})

#: ``</br>``: browsers read it as ``<br>`` (HTML's parsing rules: an end tag "br" acts as a start tag "br"), and
#: NHN's Markdown guides write it in table cells; ``html.parser`` drops it, which would glue the cell's lines.
_END_BR = re.compile(r"</br\s*>", re.IGNORECASE)

_MAX_COLSPAN = 1000
_MAX_ROWSPAN = 1000


class _PendingVoidTags(list[str]):
    """html.parser's builder keeps the names of void elements (``<br>``, ``<img>``) whose end tag may still come in a
    list and looks every end tag up in it: a page of n such elements and m end tags cost n x m (a 4 MB page: 10 s of
    its 10.6; 8 MB: 35 s). The same answers from a count of each name."""

    def __init__(self) -> None:
        super().__init__()
        self._counts: Counter[str] = Counter()

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._counts[name] > 0

    def append(self, name: str) -> None:
        self._counts[name] += 1

    def remove(self, name: str) -> None:
        self._counts[name] -= 1

    def pop(self, index: SupportsIndex = -1) -> str:  # never called by the builder; no list order is kept
        raise NotImplementedError


class _Parser(BeautifulSoupHTMLParser):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.already_closed_empty_element = _PendingVoidTags()


class _Builder(HTMLParserTreeBuilder):
    def feed(self, markup: str | bytes, _parser_class: type[BeautifulSoupHTMLParser] = _Parser) -> None:
        super().feed(markup, _parser_class)


def parse_html(text: str) -> BeautifulSoup:
    """``text`` parsed by html.parser as BeautifulSoup does, in time linear in the page (:class:`_PendingVoidTags`)."""
    return BeautifulSoup(text, builder=_Builder())


def read(text: str, page: str) -> Document:
    """Read one HTML page into a :class:`Document`.

    Raises :class:`ReaderError` (naming ``page`` and a line) when the page is empty, is not HTML at all (no element
    to read from) or holds no readable content; anything else that is there is read, however malformed the markup.
    """
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    end_line = text.count("\n") + (0 if text.endswith("\n") else 1)
    if not text.strip():
        raise ReaderError(page, 1, "expected an HTML page; the document is empty")
    text = escape_type_arguments(_END_BR.sub("<br>", text))
    try:
        soup = parse_html(text)
    except Exception as exc:  # html.parser rejects some broken declarations with assorted exception types
        raise ReaderError(page, 1, f"expected parseable HTML; the parser rejected it ({exc})") from exc

    roots = _content_roots(soup)
    if not roots:
        raise ReaderError(
            page, 1, "expected HTML markup (a <main>, .td-content, <article> or <body> element, or any tag); found none"
        )
    blocks: list[Block] = []
    for root in roots:
        blocks.extend(_Walker().walk(root))
    if not blocks:
        line = roots[0].sourceline if roots[0].sourceline is not None else 1
        raise ReaderError(
            page, line, "expected headings, paragraphs, tables or code blocks in the page's content; found none"
        )
    return Document(page=page, blocks=blocks, end_line=end_line)


# --- content root and chrome ---------------------------------------------------------------------------------------


def _content_roots(soup: BeautifulSoup) -> list[Tag]:
    """The elements holding the page's content: all outermost matches of the first selector that matches."""
    # One walk over the tags for the four selectors (``main``, ``.td-content``, ``article``, ``body``), in document
    # order as ``select`` gives them: four CSS selections took a third of the time a 100,000-row table took to read.
    candidates: dict[str, list[Tag]] = {"main": [], ".td-content": [], "article": [], "body": []}
    for tag in soup.find_all(True):
        if tag.name in ("main", "article", "body"):
            candidates[tag.name].append(tag)
        if "td-content" in _classes(tag):
            candidates[".td-content"].append(tag)
    for selector in ("main", ".td-content", "article", "body"):
        matches = [tag for tag in candidates[selector] if not _skipped(tag)]
        ids = {id(tag) for tag in matches}  # identity: bs4 compares tags by content with ==
        outermost = [tag for tag in matches if not any(id(parent) in ids for parent in tag.parents)]
        if outermost:
            return outermost
    if soup.find(True) is not None:
        return [soup]  # a fragment (e.g. Markdown rendered without a page template)
    return []


def _classes(tag: Tag) -> list[str]:
    value = tag.get("class")
    if value is None:
        return []
    if isinstance(value, str):
        return value.split()
    return [str(item) for item in value]


def _skipped(tag: Tag) -> bool:
    """Page chrome: never content, wherever it appears."""
    if tag.name in _SKIPPED_TAGS:
        return True
    identifier = tag.get("id")
    if identifier in _SKIPPED_IDS:
        return True
    classes = _classes(tag)
    if any(cls in _SKIPPED_CLASSES or cls.startswith("td-sidebar") for cls in classes):
        return True
    if any(_names_a_toc(name) for name in [*classes, identifier] if isinstance(name, str)):
        return True
    if "d-print-none" in classes and "pageinfo" not in classes:
        # Docsy hides its widgets (feedback, edit links) from print; the printable-view banner also carries
        # d-print-none but is content in every rendering of the page, so it stays.
        return True
    if tag.name == "a" and (_permalink(tag) or _back_to_top(tag)):
        return True
    if tag.name == "header":
        # The site header (navbar, logo) is chrome; an article's own <header> holding its title is content.
        return _chrome_header(tag)
    return False


def _names_a_toc(name: str) -> bool:
    """Whether a class or id names a generated table of contents: ``toc`` as a word of it (Python-Markdown's and
    MkDocs' ``toc``, kramdown's ``markdown-toc``, ``md-toc``) or ``table-of-contents`` / ``tableOfContents``
    (Docusaurus, VuePress, Hugo). A site's TOC repeats every heading as a link; read as content, the headings'
    titles became the service's description."""
    words = [word.lower() for word in re.split(r"[-_\s]+", name) if word]
    return "toc" in words or "tableofcontents" in name.lower().replace("-", "").replace("_", "")


def _permalink(link: Tag) -> bool:
    """A link to a place on the same page that shows no word, only a mark (``#``, ``¶``, ``§``, an icon, a
    zero-width space): the permalink site generators put in every heading (VuePress, Python-Markdown's ``toc``,
    Sphinx, Docusaurus), which would otherwise be read into the heading's title (``# List Volumes``,
    ``List Volumes¶``). A same-page link with a letter or digit (``see Volumes``, a footnote's ``1``) is text."""
    href = link.get("href")
    if not isinstance(href, str) or not href.startswith("#"):
        return False
    return not any(char.isalnum() for char in link.get_text())


#: What a back-to-top button says (English, Korean, Japanese docs sites).
_TOP_TEXT = re.compile(
    r"\W*(?:(?:back\s+to\s+|go\s+to\s+|scroll\s+to\s+)?top|맨\s*위로?|위로|トップ|ページ(?:の)?(?:先頭|トップ)(?:へ)?)\W*",
    re.IGNORECASE,
)


def _back_to_top(link: Tag) -> bool:
    """A same-page link that takes the reader back to the top (``<a href="#header" class="btn-top">TOP</a>``, Docsy's
    and many themes' ``back-to-top`` / ``scroll-top`` buttons): chrome at the end of the article, which read as a
    paragraph ``TOP`` after the last operation's response ("공통 응답 본문" followed by "TOP" was no longer the
    common-response reference alone). Told by a class naming it (``top`` as a word) or its text alone."""
    href = link.get("href")
    if not isinstance(href, str) or not href.startswith("#"):
        return False
    text = link.get_text(" ", strip=True)
    if not text or _TOP_TEXT.fullmatch(text):
        return True
    words = {word.lower() for cls in _classes(link) for word in re.split(r"[-_]+", cls) if word}
    return "top" in words and len(text.split()) <= 3


#: where a <header>'s verdict is kept on the tag (in its ``__dict__``: attribute access on a bs4 tag finds children)
_CHROME = "_docs2client_chrome_header"


def _chrome_header(header: Tag) -> bool:
    """Whether ``header`` holds a ``<nav>`` or no heading. Decided for every ``<header>`` inside it in the same pass
    (and kept on each), so headers nested thousands deep cost one walk, not one each."""
    known = vars(header).get(_CHROME)
    if known is None:
        flags: dict[int, tuple[bool, bool]] = {}  # id -> (a <nav> at or below it, a heading at or below it)
        for node in reversed([header, *header.descendants]):  # children before their parents
            if not isinstance(node, Tag):
                continue
            below = [flags[id(child)] for child in node.contents if isinstance(child, Tag)]
            nav, heading = any(n for n, _ in below), any(h for _, h in below)
            if node.name == "header":
                vars(node)[_CHROME] = nav or not heading
            flags[id(node)] = (nav or node.name == "nav", heading or node.name in _HEADINGS)
        known = vars(header)[_CHROME]
    return bool(known)


# --- block walker --------------------------------------------------------------------------------------------------


class _Walker:
    """Walks a content root in document order without recursion (real pages nest unclosed <li>/<p> deeply)."""

    def __init__(self) -> None:
        self._blocks: list[Block] = []
        self._text: list[str] = []  # the strings of the paragraph's current line
        self._lines: list[str] = []  # its lines before, each ended by a <br>
        self._line: int | None = None  # line of the paragraph being collected
        self._candidate: int | None = None  # line of the element the next paragraph would start in
        self._open_paragraphs = 0  # paragraph elements (<p>, <li>, ...) the walk is inside

    def walk(self, root: Tag) -> list[Block]:
        stack: list[tuple[PageElement, bool]] = [(root, True)]
        while stack:
            node, entering = stack.pop()
            if not entering:
                self._flush()
                if isinstance(node, Tag) and node.name in _PARAGRAPH_TAGS:
                    self._open_paragraphs -= 1
                continue
            if isinstance(node, NavigableString):
                if _is_text(node):
                    self._add_text(node)
                continue
            if not isinstance(node, Tag) or (node is not root and _skipped(node)):
                continue
            name = node.name
            if name in _HEADINGS:
                self._flush()
                self._emit(_heading(node))
            elif name == "table":
                self._flush()
                self._blocks.extend(_table_blocks(node))
            elif name == "pre":
                self._flush()
                self._emit(_code_block(node))
            elif name == "summary":
                self._flush()
                summary = _inline_text(node)
                if summary:
                    self._emit(Paragraph(summary, _line(node)))
            elif name == "br":
                if self._open_paragraphs:
                    self._break()
                else:
                    self._flush()  # text loose in a container: each line is a paragraph, as in a raw HTML block
            elif name == "img":
                self._add_alt(node)
            else:
                if name in _BLOCK_TAGS:
                    self._flush()
                    if name in _PARAGRAPH_TAGS:
                        self._candidate = _line(node)
                        self._open_paragraphs += 1
                    stack.append((node, False))
                elif self._candidate is None and not self._text:
                    self._candidate = node.sourceline
                stack.extend((child, True) for child in reversed(node.contents))
        self._flush()
        return self._blocks

    def _emit(self, block: Block | None) -> None:
        if block is not None:
            self._blocks.append(block)

    def _add_text(self, string: NavigableString) -> None:
        if _MARKDOWN_BLOCK_LINE.match(string.lstrip("\n")) and _loose(string) and _after_a_lone_br(string):
            self._add_markdown(str(string), _string_line(string))
            return
        if self._line is None:
            if not string.strip():
                return
            self._line = self._candidate if self._candidate is not None else _string_line(string)
        self._text.append(str(string))

    def _add_alt(self, image: Tag) -> None:
        """An image's alt text is its text, as the Markdown reader reads ``![alt](src)``."""
        alt = image.get("alt")
        if isinstance(alt, str) and alt.strip():
            if self._line is None:
                self._line = self._candidate if self._candidate is not None else _line(image)
            self._text.append(alt)

    def _add_markdown(self, text: str, line: int) -> None:
        """Markdown a renderer left as text (``text``, its first non-blank line at ``line``): read by the Markdown
        reader, its blocks placed at their lines here; a heading says it was rebuilt (``inferred``)."""
        self._flush()
        lines = text.split("\n")
        first = next(index for index, piece in enumerate(lines) if piece.strip())
        source = "\n".join(lines[first:])
        try:
            document = markdown.read(source, "left-as-text.md")
        except ReaderError:
            return
        shift = line - 1
        for block in document.blocks:
            if isinstance(block, Heading):
                self._emit(dataclasses.replace(block, line=block.line + shift, inferred=_MARKDOWN_LEFT_AS_TEXT))
            elif isinstance(block, Table):
                rows = tuple(dataclasses.replace(row, line=row.line + shift) for row in block.rows)
                self._emit(dataclasses.replace(block, rows=rows, line=block.line + shift))
            else:
                self._emit(dataclasses.replace(block, line=block.line + shift))

    def _break(self) -> None:
        """A ``<br>`` in a paragraph element: a line break within the paragraph (``\\n`` in its text, as the Markdown
        reader reads ``<br>`` and hard breaks), so a guide's text reads the same from its Markdown and its HTML."""
        if self._line is not None:
            self._lines.append(_normalise("".join(self._text)))
            self._text = []

    def _flush(self) -> None:
        if self._line is not None:
            lines = (*self._lines, _normalise("".join(self._text)))
            paragraph = "\n".join(line for line in lines if line)
            if paragraph:
                self._blocks.append(Paragraph(paragraph, self._line))
        self._text = []
        self._lines = []
        self._line = None
        self._candidate = None


# --- leaf blocks ---------------------------------------------------------------------------------------------------


def _heading(tag: Tag) -> Heading | None:
    title = _inline_text(tag)
    if not title:
        return None
    return _titled(title, _HEADINGS[tag.name], _line(tag))


def _titled(title: str, level: int, line: int, inferred: str = "") -> Heading:
    """A heading of ``title``; a printable view's section number (``1.2 - Title``) gives its number and level."""
    match = _NUMBERED_HEADING.match(title)
    if match:
        number = tuple(int(part) for part in match.group(1).split("."))
        return Heading(match.group(2), len(number), line, number, inferred)
    return Heading(title, level, line, None, inferred)


def _after_a_lone_br(string: NavigableString) -> bool:
    """Whether ``string`` starts a line straight under a ``<br>`` that is alone on its line: CommonMark opens a raw
    HTML block at such a line and leaves the Markdown lines under it, up to a blank line, as text (the Markdown
    reader puts a blank line after the ``<br>``, so it reads them as Markdown)."""
    br = string.previous_sibling
    if not isinstance(br, Tag) or br.name != "br" or not str(string).lstrip(" \t").startswith("\n"):
        return False
    before = br.previous_sibling
    return before is None or isinstance(before, Tag) or str(before).rstrip(" \t").endswith("\n")


def _loose(string: NavigableString) -> bool:
    """Text straight inside a block container (an article, a ``<div>``), in no paragraph or inline element: where
    a Markdown renderer leaves the raw HTML it was given, and the Markdown lines inside it."""
    parent = string.parent
    if parent is None:
        return False
    return parent.name == "[document]" or (parent.name in _CONTAINER_TAGS and not _skipped(parent))


def _cell_anchors(tr: Tag) -> tuple[str, ...]:
    """Per cell of a row written without spans, the section its first link names (``""`` for none), as the Markdown
    reader gives them: ``anchor`` within the page, ``path#anchor`` naming a page; ``()`` when no cell links."""
    anchors: list[str] = []
    for cell in tr.find_all(["td", "th"], recursive=False):
        link = cell.find("a", href=True)
        href = str(link["href"]).strip() if link is not None else ""
        page, _, anchor = href.partition("#")
        anchors.append("" if not anchor or re.search(r"\s", href) else f"{page}#{anchor}" if page else anchor)
    return tuple(anchors) if any(anchors) else ()


def _table(table: Tag, line_offset: int = 0) -> Table | None:
    header: tuple[str, ...] = ()
    rows: list[Row] = []
    trs = list(_own_rows(table))
    spanned = dict(zip((id(tr) for tr in trs), _spanned_cells(trs), strict=True))
    head_rows = [tr for tr in trs if _in_thead(tr, table)]
    if head_rows:
        header = spanned[id(head_rows[0])][0]
        body = [tr for tr in trs if tr is not head_rows[0]]
    elif trs and _all_header_cells(trs[0]):
        header = spanned[id(trs[0])][0]
        body = trs[1:]
    else:
        body = trs
    for tr in body:
        cells, repeated = spanned[id(tr)]
        if not cells:
            continue
        repairs: tuple[str, ...] = ()
        if repeated:
            repairs = (f"{repeated} cell(s) spanning rows (rowspan) repeated into this row",)
        if header and len(cells) < len(header):
            missing = len(header) - len(cells)
            repairs += (f"padded {missing} missing cell(s) with empty text to the header's {len(header)} columns",)
            cells = cells + ("",) * missing
        rows.append(Row(cells, _line(tr) + line_offset, repairs, anchors=() if repeated else _cell_anchors(tr)))
    if not header and not rows:
        return None
    return Table(header, tuple(rows), _line(table) + line_offset)


def _table_blocks(tag: Tag) -> list[Block]:
    """The table, and the heading lines a renderer read into it as rows as headings.

    GFM ends a table at a heading line; Python-Markdown's ``tables`` continues it over any line up to a blank one, so
    ``##### Sample Request For cURL`` straight under a table becomes a row holding the line in its first cell and
    nothing else. Such a row is that heading (marked inferred); the one-cell rows under it are the lines that
    followed the heading (paragraphs), and rows of more cells continue the table."""
    table = _table(tag)
    if table is None:
        return []
    blocks: list[Block] = []
    rows: list[Row] = []
    after_heading = False
    for row in table.rows:
        first, rest = (row.cells[0], row.cells[1:]) if row.cells else ("", ())
        lone = bool(first) and not any(rest)
        heading = _MARKDOWN_HEADING_LINE.fullmatch(first) if lone and "\n" not in first else None
        if heading is not None:
            if rows or (not blocks and table.header):
                blocks.append(Table(table.header, tuple(rows), table.line if not blocks else rows[0].line))
            rows = []
            blocks.append(_titled(heading.group(2), len(heading.group(1)), row.line, _HEADING_READ_AS_A_ROW))
            after_heading = True
        elif after_heading and lone:
            blocks.append(Paragraph(_normalise(first), row.line))
        else:
            after_heading = False
            rows.append(row)
    if not blocks:
        return [table]
    if rows:
        blocks.append(Table(table.header, tuple(rows), rows[0].line))
    return blocks


def _spanned_cells(trs: list[Tag]) -> list[tuple[tuple[str, ...], int]]:
    """Each row's cells with cells that span rows (``rowspan``) repeated where they stand, and how many were."""
    pending: dict[int, tuple[str, int]] = {}  # column -> (text, rows it still covers)
    out: list[tuple[tuple[str, ...], int]] = []
    for tr in trs:
        cells: list[str] = []
        repeated = 0
        placed: dict[int, tuple[str, int]] = {}
        for cell in [*_row_cells(tr), None]:
            while len(cells) in pending:  # cells from rows above that span into this column
                text, left = pending.pop(len(cells))
                if left > 1:
                    placed[len(cells)] = (text, left - 1)
                cells.append(text)
                repeated += 1
            if cell is None:
                break
            text = _inline_text(cell, keep_breaks=True)
            down = _span(cell, "rowspan", _MAX_ROWSPAN)
            for k in range(_colspan(cell)):
                if down > 1:
                    placed[len(cells)] = (text if k == 0 else "", down - 1)
                cells.append(text if k == 0 else "")
        pending = placed
        out.append((tuple(cells), repeated))
    return out


def html_tables(fragment: str, first_line: int) -> list[Table]:
    """The tables of an HTML fragment (raw HTML inside another format), top-level ones only, with their lines
    counted from ``first_line`` (the fragment's first line in the page)."""
    soup = parse_html(fragment)
    tables = [t for t in soup.find_all("table") if isinstance(t, Tag) and t.find_parent("table") is None]
    return [table for t in tables if (table := _table(t, first_line - 1)) is not None]


def _own_rows(table: Tag) -> Iterator[Tag]:
    """The table's ``<tr>`` elements in order, not those of tables nested in its cells."""
    stack: list[PageElement] = list(reversed(table.contents))
    while stack:
        node = stack.pop()
        if not isinstance(node, Tag) or node.name == "table" or _skipped(node):
            continue
        if node.name == "tr":
            yield node
            continue
        stack.extend(reversed(node.contents))


def _row_cells(tr: Tag) -> Iterator[Tag]:
    stack: list[PageElement] = list(reversed(tr.contents))
    while stack:
        node = stack.pop()
        if not isinstance(node, Tag) or node.name in ("table", "tr") or _skipped(node):
            continue
        if node.name in ("td", "th"):
            yield node
            continue
        stack.extend(reversed(node.contents))


def _in_thead(tr: Tag, table: Tag) -> bool:
    for parent in tr.parents:
        if parent is table:
            return False
        if parent.name == "thead":
            return True
    return False


def _all_header_cells(tr: Tag) -> bool:
    cells = list(_row_cells(tr))
    return bool(cells) and all(cell.name == "th" for cell in cells)


def _cells(tr: Tag) -> tuple[str, ...]:
    out: list[str] = []
    for cell in _row_cells(tr):
        out.append(_inline_text(cell, keep_breaks=True))
        out.extend([""] * (_colspan(cell) - 1))
    return tuple(out)


def _colspan(cell: Tag) -> int:
    return _span(cell, "colspan", _MAX_COLSPAN)


def _span(cell: Tag, attribute: str, limit: int) -> int:
    raw = cell.get(attribute)
    try:
        span = int(str(raw).strip()) if raw is not None else 1
    except ValueError:
        return 1
    return max(1, min(span, limit))


def _code_block(pre: Tag) -> CodeBlock | None:
    text = _text_of(
        pre,
        br="\n",
        descend=lambda node: node.name not in ("script", "style")
        and not _CODE_LINE_NUMBER_CLASSES.intersection(_classes(node)),
    )
    first = pre.contents[0] if pre.contents else None
    if isinstance(first, NavigableString) and text.startswith("\n"):
        text = text[1:]  # HTML drops a line break right after <pre> (not one after <pre><code>: that one shows)
    text = text.removesuffix("\n")  # the last line's own line break; blank lines after it are the code's
    if not text.strip():
        return None
    return CodeBlock(text, _line(pre), _language(pre))


#: Class prefixes that name a code block's language: ``language-json`` (CommonMark renderers, Prism, Docusaurus),
#: ``lang-json``, GitHub's ``highlight-source-json`` / ``highlight-text-xml``, Sphinx's ``highlight-json``.
_LANGUAGE_PREFIXES = ("language-", "lang-", "highlight-source-", "highlight-text-", "highlight-")
#: How many elements around a ``<pre>`` may carry its language (Docusaurus: two; Sphinx: two; GitHub: one).
_LANGUAGE_WRAPPERS = 2


def _language(pre: Tag) -> str | None:
    """The language the page gives a code block: on its ``<pre>``, its ``<code>``, or the elements sites wrap a
    ``<pre>`` in (up to :data:`_LANGUAGE_WRAPPERS` levels out), as a class or a ``data-lang`` attribute."""
    code = pre.find("code")
    candidates = [pre] + ([code] if isinstance(code, Tag) else [])
    parent = pre.parent
    for _ in range(_LANGUAGE_WRAPPERS):
        if not isinstance(parent, Tag) or parent.name in ("body", "html", "[document]"):
            break
        candidates.append(parent)
        parent = parent.parent
    for tag in candidates:
        for cls in _classes(tag):
            for prefix in _LANGUAGE_PREFIXES:
                if cls.startswith(prefix) and len(cls) > len(prefix):
                    return cls[len(prefix) :]
        lang = tag.get("data-lang")
        if isinstance(lang, str) and lang.strip():
            return lang.strip()
    return None


# --- text helpers --------------------------------------------------------------------------------------------------


def _is_text(node: NavigableString) -> bool:
    """Character data, not comments, doctypes, CDATA sections or processing instructions."""
    return type(node) is NavigableString


def _inline_text(tag: Tag, *, keep_breaks: bool = False) -> str:
    """An element's text on one line: ``<br>`` is a space, whitespace runs are one space, chrome is left out.

    With ``keep_breaks`` (table cells) a ``<br>`` and the edges of a block-level element (a list item) are line
    breaks instead, as the Markdown reader reads them in a cell, so a page gives the same cells whichever of its
    renderings is read.
    """
    br = "\n" if keep_breaks else " "
    text = _text_of(tag, br=br, descend=lambda node: not _skipped(node), pad_blocks=br, images=True)
    lines = (_normalise(line) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _text_of(tag: Tag, *, br: str, descend: Callable[[Tag], bool], pad_blocks: str = "", images: bool = False) -> str:
    """The character data under ``tag`` in document order, without recursion (deeply nested pages are fine).

    ``<br>`` becomes ``br``; an element is entered only when ``descend`` accepts it; block-level elements are
    surrounded by ``pad_blocks`` (a space or a line break) so their words do not run into their neighbours';
    with ``images`` an ``<img>`` is its alt text (running text, not code).
    """
    parts: list[str] = []
    stack: list[PageElement] = list(reversed(tag.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, NavigableString):
            if _is_text(node):
                parts.append(str(node))
        elif isinstance(node, Tag):
            if node.name == "br":
                parts.append(br)
            elif node.name == "img":
                alt = node.get("alt")
                if images and isinstance(alt, str):
                    parts.append(alt)
            elif descend(node):
                if pad_blocks and node.name in _BLOCK_TAGS:
                    parts.append(pad_blocks)
                    stack.append(NavigableString(pad_blocks))
                stack.extend(reversed(node.contents))
    return "".join(parts)


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _line(tag: Tag) -> int:
    return tag.sourceline if tag.sourceline is not None else 1


def _string_line(string: NavigableString) -> int:
    """The line a loose text node's first non-blank character is on (strings carry no position of their own)."""
    stripped = str(string)
    before = stripped[: len(stripped) - len(stripped.lstrip())].count("\n")
    # Count back to the nearest preceding element with a known line.
    newlines = 0
    for sibling in _previous_siblings(string):
        if isinstance(sibling, Tag) and sibling.sourceline is not None:
            return sibling.sourceline + str(sibling).count("\n") + newlines + before
        newlines += str(sibling).count("\n")
    parent = string.parent
    if isinstance(parent, Tag) and parent.sourceline is not None:
        return parent.sourceline + newlines + before
    return 1 + newlines + before


def _previous_siblings(node: PageElement) -> Iterable[PageElement]:
    sibling = node.previous_sibling
    while sibling is not None:
        yield sibling
        sibling = sibling.previous_sibling
