"""Is a downloaded page good enough to replace its snapshot?

A documentation site that is down, redirects to a login form or serves a maintenance page usually still answers
``200``; committing that page would silently delete every operation it used to document. So a page only replaces
its snapshot when all of these hold (:func:`check_page`); otherwise :class:`PageRejected` says which one failed:

1. the content type fits the catalog format (``text/html`` for html, ``text/markdown`` or ``text/plain`` for
   markdown, ``text/plain`` for text). A catalog ``text`` page may also come back as ``text/html``: the committed
   text renderings were made from the live HTML pages, so that is the same page in another format (see
   :func:`snapshot_file_for`);
2. the body decodes in its declared charset (it is stored as UTF-8);
3. it is not trivially small (``min_size`` bytes) and not drastically smaller than the snapshot it replaces
   (less than ``max_shrink`` of the old size is treated as a truncated or wrong page);
4. it mentions what the page is known to be about: the catalog's ``expect`` strings when given, else every service
   id the page covers and the old snapshot's title (its first line). Comparison ignores case, spaces and
   punctuation, so the service id ``parallel-filestorage`` matches the heading "Parallel File Storage";
5. its reader parses it (:func:`scraper.readers.read_page`) into a non-empty document.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from bs4 import BeautifulSoup

from scraper.catalog import PageEntry
from scraper.document import ReaderError
from scraper.readers import read_page

__all__ = [
    "CONTENT_TYPES",
    "PageRejected",
    "ValidPage",
    "check_page",
    "expectations",
    "format_for_content_type",
    "snapshot_file_for",
]

#: format -> media types accepted for it (the first one is what the docs sites send).
CONTENT_TYPES: dict[str, tuple[str, ...]] = {
    "html": ("text/html", "application/xhtml+xml"),
    "markdown": ("text/markdown", "text/x-markdown", "text/plain"),
    "text": ("text/plain",),
}
_EXTENSIONS = {"html": ".html", "markdown": ".md", "text": ".txt"}


class PageRejected(Exception):
    """The downloaded page must not replace the snapshot; the message says why."""


@dataclass(frozen=True, slots=True)
class ValidPage:
    #: the format the server sent (may differ from the catalog's, see :func:`snapshot_file_for`)
    format: str
    #: the body re-encoded as UTF-8, exactly what is written to disk
    data: bytes


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    if not content_type:
        return "", None
    mime, _, params = content_type.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip().strip('"')
    return mime.strip().lower(), charset


def format_for_content_type(catalog_format: str, content_type: str | None) -> str | None:
    """The format of a response for a page the catalog lists as ``catalog_format``; None when it does not fit."""
    mime, _ = _media_type(content_type)
    if mime in CONTENT_TYPES[catalog_format]:
        return catalog_format
    if catalog_format == "text" and mime in CONTENT_TYPES["html"]:
        return "html"
    return None


def snapshot_file_for(entry: PageEntry, fetched_format: str) -> str:
    """Where a page fetched in ``fetched_format`` is stored.

    The catalog's own file when the formats agree. Otherwise the same name with the fetched format's extension
    (``scp/000_x.txt`` -> ``scp/000_x.html``), beside the old snapshot, which stays untouched: the dialects were
    checked against the committed rendering, and switching a page to another format is a catalog change a person
    makes after looking at the result, not something a fetch does silently.
    """
    if fetched_format == entry.format:
        return entry.file
    return str(PurePosixPath(entry.file).with_suffix(_EXTENSIONS[fetched_format]))


def _visible_text(text: str, fmt: str) -> str:
    if fmt == "html":
        soup = BeautifulSoup(text, "html.parser")
        for tag in soup(["script", "style", "noscript", "template"]):
            tag.decompose()
        return soup.get_text(" ")
    return text


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def expectations(entry: PageEntry, old: bytes | None, old_format: str) -> tuple[str, ...]:
    """What a page must mention: ``entry.expect``, else its service ids and the old snapshot's first line."""
    if entry.expect:
        return entry.expect
    wanted = list(entry.services)
    if old is not None:
        visible = _visible_text(old.decode("utf-8", errors="replace"), old_format)
        first = next((line.strip().lstrip("#").strip() for line in visible.splitlines() if line.strip()), "")
        if _squash(first):
            wanted.append(first[:200])
    return tuple(wanted)


def check_page(
    entry: PageEntry,
    body: bytes,
    content_type: str | None,
    *,
    old: bytes | None,
    old_format: str,
    min_size: int,
    max_shrink: float,
) -> ValidPage:
    """Run the checks in the module docstring; raise :class:`PageRejected` naming the first that fails."""
    fmt = format_for_content_type(entry.format, content_type)
    if fmt is None:
        accepted = " or ".join(CONTENT_TYPES[entry.format] + (("text/html",) if entry.format == "text" else ()))
        raise PageRejected(f"content type {content_type or '(none)'!r}, expected {accepted} for a {entry.format} page")
    _, charset = _media_type(content_type)
    encoding = charset or "utf-8"
    try:
        codecs.lookup(encoding)
        text = body.decode(encoding)
    except LookupError as exc:
        raise PageRejected(f"unknown charset {encoding!r} in content type {content_type!r}") from exc
    except UnicodeDecodeError as exc:
        raise PageRejected(f"body is not valid {encoding} ({exc.reason} at byte {exc.start})") from exc
    data = text.encode("utf-8")
    if len(data) < min_size:
        raise PageRejected(f"only {len(data)} bytes, expected at least {min_size} for a documentation page")
    if old is not None and max_shrink > 0 and len(data) < max_shrink * len(old):
        raise PageRejected(
            f"{len(data):,} bytes, less than {max_shrink:.0%} of the {len(old):,}-byte snapshot it would replace "
            "(truncated or wrong page?)"
        )
    squashed = _squash(_visible_text(text, fmt))
    missing = [want for want in expectations(entry, old, old_format) if _squash(want) not in squashed]
    if missing:
        raise PageRejected(f"does not mention {', '.join(repr(m) for m in missing)} (wrong page, login or error page?)")
    try:
        document = read_page(data, page=snapshot_file_for(entry, fmt), format=fmt, provider=entry.provider)
    except ReaderError as exc:
        raise PageRejected(f"the {fmt} reader cannot read it: {exc}") from exc
    if len(document) == 0:
        raise PageRejected(f"the {fmt} reader found no headings, paragraphs or tables in it")
    return ValidPage(format=fmt, data=data)
