"""HTML's block-level element names, shared by the HTML reader and the Markdown reader (raw HTML inside cells).

Why one list: a table cell written ``Status<ul><li>Pending</li><li>Running</li></ul>`` is three lines to a reader of
the page, whichever rendering is read (the Markdown source or the site's HTML), so both readers break lines at the
same elements and a page gives the same cells either way.
"""

from __future__ import annotations

__all__ = ["BLOCK_TAGS"]

#: Elements whose start and end break running text (HTML's block-level elements).
BLOCK_TAGS = frozenset(
    {
        "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "form", "header", "hgroup", "hr", "html", "li", "main",
        "menu", "ol", "p", "section", "summary", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
