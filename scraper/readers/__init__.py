"""Readers: one per page format, each turning a page into the shared :class:`~scraper.document.Document`.

``read_page`` is the single entry point the rest of the tool uses. Text renderings differ by site (SCP's pipe tables
vs NHN's space-separated tables), so for ``text`` the provider picks the flavour; HTML and Markdown are generic.
"""

from __future__ import annotations

import importlib

from scraper.document import Document, ReaderError

__all__ = ["FORMATS", "ReaderError", "read_page"]

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
    if isinstance(source, bytes):
        try:
            text = source.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ReaderError(page, 1, f"page is not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    else:
        text = source
    module_name = _READERS.get((format, provider)) or _READERS[(format, None)]
    module = importlib.import_module(module_name)
    document: Document = module.read(text, page)
    return document


def guess_format(filename: str) -> str:
    """Page format from a file name: ``.html``/``.htm`` -> html, ``.md`` -> markdown, anything else -> text."""
    lower = filename.lower()
    if lower.endswith((".html", ".htm")):
        return "html"
    if lower.endswith((".md", ".markdown")):
        return "markdown"
    return "text"
