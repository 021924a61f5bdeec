"""Readers: one per page format, each turning a page into the shared :class:`~scraper.document.Document`.

``read_page`` is the single entry point the rest of the tool uses. Text renderings differ by site (SCP's pipe tables
vs NHN's space-separated tables), so for ``text`` the provider picks the flavour; an NHN text page with pipe tables
is the docs site's other rendering (headings dropped), read by ``nhn_pipe``. HTML and Markdown are generic.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

from scraper.document import Document, ReaderError
from scraper.readers.page_encoding import decode_page

__all__ = ["FORMATS", "ReaderError", "format_by_name", "read_page", "sniff_format"]

FORMATS = ("text", "html", "markdown")

#: (format, provider or None for any) -> module with ``read(text: str, page: str) -> Document``
_READERS: dict[tuple[str, str | None], str] = {
    ("text", "scp"): "scraper.readers.text",
    ("text", "nhn"): "scraper.readers.nhn_text",
    ("text", None): "scraper.readers.text",
    ("html", None): "scraper.readers.html",
    ("markdown", None): "scraper.readers.markdown",
}


def read_page(source: str | bytes, *, page: str, format: str, provider: str | None = None) -> Document:
    """Read one page. ``page`` names it in errors and findings; raises :class:`ReaderError` on unreadable input."""
    if format not in FORMATS:
        raise ReaderError(page, 0, f"unknown page format {format!r}; expected one of {', '.join(FORMATS)}")
    text = decode_page(source, page) if isinstance(source, bytes) else source
    module_name = _READERS.get((format, provider)) or _READERS[(format, None)]
    if module_name == "scraper.readers.nhn_text" and _nhn_pipe().is_pipe_rendering(text):
        # the docs site's other text rendering: pipe rows, headings dropped (scraper/readers/nhn_pipe.py)
        module_name = "scraper.readers.nhn_pipe"
    module = importlib.import_module(module_name)
    document: Document = module.read(text, page)
    return document


def _nhn_pipe() -> Any:
    """The NHN pipe-rendering reader, imported when a text page is read as NHN's."""
    return importlib.import_module("scraper.readers.nhn_pipe")


def format_by_name(filename: str) -> str | None:
    """Page format from a file name: ``.html``/``.htm``/``.xhtml`` -> html, ``.md``/``.markdown`` -> markdown,
    ``.txt``/``.text`` -> text; None for any other name (a page saved as ``page`` or ``page.aspx``)."""
    lower = filename.lower()
    if lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if lower.endswith((".md", ".markdown")):
        return "markdown"
    if lower.endswith((".txt", ".text")):
        return "text"
    return None


#: The start of an HTML document (after a BOM, blank lines and comments): a doctype or an <html>/<head>/<body> tag.
#: A comment ends at its first ``-->`` (the possessive ``*+`` gives no other way to match: with a lazy ``.*?`` the
#: regex tried every grouping of the comments into one, and 30 comments before text took minutes).
_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?(?:\s|<!--.*?-->)*+<(?:!doctype\s+html|html|head|body)[\s>]", re.I | re.S
)
#: Markdown's own marks, at the start of a line: an ATX heading or a code fence (not a pipe table's separator row:
#: text renderings of SCP pages keep those).
_MARKDOWN_LINE = re.compile(rb"^(?:#{1,6}[ \t]+\S|```|~~~)", re.M)


def sniff_format(content: bytes) -> str:
    """``html`` when ``content`` starts as an HTML document, ``markdown`` when it has Markdown's own line marks,
    else ``text`` (a saved text rendering has neither: its headings and code blocks became plain lines)."""
    head = content[:65536]
    if _HTML_START.match(head):
        return "html"
    return "markdown" if _MARKDOWN_LINE.search(head) else "text"
