"""Operation descriptions written in HTML, as plain text for docstrings and the README's tables.

CommonMark, which OpenAPI names for ``description``, allows raw HTML, and some documents write their descriptions in
it (every AWS document converted from botocore: ``<p>Creates a new web distribution. ... Send a <code>POST</code>
request ...</p> <important> <p>...</p> </important>``). A docstring shows the tags as they are, and a description's
first sentence (``<p>Creates a new web distribution.``), used as a method's headline, opened an element the README's
operations table never closed. :func:`plain_text` reads such text as a browser would show it: paragraphs and list
items on lines of their own, ``<code>`` as ````code````, a link as ``text (url)``, character references decoded.

Only text holding an element of HTML's text vocabulary (:data:`_INLINE`, :data:`_BLOCK`) is read so; anything else
is returned as written (``List<String>``, ``<id>``, an XML example: not HTML's elements, kept as text). The text's
own line breaks are kept (a Markdown description with an inline ``<br>`` keeps its lists); what a tag adds is a line
break or a blank line.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: Elements that only style their text: the text stays, the tags go (``code``-like ones are marked ````...````).
_INLINE = frozenset({"a", "abbr", "b", "cite", "code", "em", "i", "kbd", "samp", "small", "span", "strong", "sub",
                     "sup", "tt", "u", "var", "fullname"})  # fmt: skip
#: Elements that start a paragraph of their own (AWS's ``important`` and ``note`` among them).
_BLOCK = frozenset({"p", "div", "ul", "ol", "dl", "dt", "dd", "pre", "blockquote", "table", "thead", "tbody", "h1",
                    "h2", "h3", "h4", "h5", "h6", "important", "note", "para", "section"})  # fmt: skip
#: Elements that end a line: a line break, a list item, a table row.
_LINE = frozenset({"br", "li", "tr"})
#: Elements of a table row: cells separated by `` | ``.
_CELL = frozenset({"td", "th"})
_CODE = frozenset({"code", "tt", "kbd", "samp"})
_KNOWN = _INLINE | _BLOCK | _LINE | _CELL

#: A start or end tag of one of the elements above (the test whether text is read as HTML at all).
_HTML_TAG = re.compile(r"</?(" + "|".join(sorted(_KNOWN, key=len, reverse=True)) + r")(?:\s[^<>]*)?/?>", re.I)
#: A line break a tag made (the text's own are kept as written, indentation included), and the spaces around it.
_BREAK = "\x00"
_BREAKS = re.compile(r"[ \t]*\x00[ \t]*")


class _TextReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str | None] = []  # the href of each open <a>, to write after its text
        self.link_starts: list[int] = []
        self.cells = 0  # cells written in the current table row

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _LINE or tag in _BLOCK:
            self.parts.append(_BREAK)
        elif tag not in _KNOWN:
            self.parts.append(self.get_starttag_text() or "")

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], written: str) -> None:
        if tag not in _KNOWN:
            self.parts.append(written)
        elif tag in _BLOCK:
            self.parts.append(_BREAK * 2)
        elif tag == "li":
            self.parts.append(_BREAK + "- ")
        elif tag in _LINE:
            self.parts.append(_BREAK)
            self.cells = 0
        elif tag in _CELL:
            self.parts.append(" | " if self.cells else "")
            self.cells += 1
        elif tag in _CODE:
            self.parts.append("``")
        elif tag == "a":
            href = dict(attrs).get("href")
            self.links.append(href if href and re.match(r"https?://", href) else None)
            self.link_starts.append(len(self.parts))

    def handle_endtag(self, tag: str) -> None:
        if tag not in _KNOWN:
            self.parts.append(f"</{tag}>")
        elif tag in _BLOCK:
            self.parts.append(_BREAK * 2)
        elif tag in _CODE:
            self.parts.append("``")
        elif tag == "a" and self.links:
            href, start = self.links.pop(), self.link_starts.pop()
            label = "".join(self.parts[start:]).strip()
            if href and href != label:
                self.parts.append(f" ({href})")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def is_html(text: str) -> bool:
    """Whether ``text`` holds an element of HTML's text vocabulary (and so is read as HTML)."""
    return "<" in text and _HTML_TAG.search(text) is not None


def plain_text(text: str) -> str:
    """``text`` as plain text: HTML read as a browser shows it (see the module), other text as written."""
    if not is_html(text):
        return text
    reader = _TextReader()
    reader.feed(text.replace(_BREAK, ""))
    reader.close()
    joined = "".join(reader.parts).replace("````", "")
    lines = _BREAKS.sub("\n", joined.replace("\r\n", "\n"))
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", lines).strip()
