"""The pages a build reads, and reading one page into the services it documents.

A :class:`PageInput` is a page as the build sees it: where its bytes are, how findings and ``x-source`` name it, and
what the catalog says about it (provider, format, which services it covers, which capture it belongs to). Reading a
page is the readers' and dialects' work; this module only bounds the input and picks the dialect.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scraper.catalog import Catalog, PageEntry
from scraper.dialects import PageInfo, dialect_for
from scraper.document import ReaderError
from scraper.model import Service
from scraper.readers import read_page

__all__ = ["MAX_PAGE_BYTES", "PageInput", "catalog_pages", "page_bytes", "read_services", "services_in"]


@dataclass(frozen=True, slots=True)
class PageInput:
    """A page to read: ``name`` is how findings and ``x-source`` refer to it (a path relative to the project)."""

    name: str
    path: Path
    provider: str
    format: str
    url: str = ""
    covers: str = "service"
    capture: int = 1
    services: tuple[str, ...] = ()
    titles: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_entry(cls, entry: PageEntry, pages_dir: Path) -> PageInput:
        return cls(
            name=f"pages/{entry.file}",
            path=entry.path(pages_dir),
            provider=entry.provider,
            format=entry.format,
            url=entry.docs or entry.url,
            covers=entry.covers,
            capture=entry.capture,
            services=entry.services,
            titles=entry.titles,
        )


def catalog_pages(catalog: Catalog) -> list[PageInput]:
    """Every page the catalog lists, named ``pages/<file>`` as the committed specs name them."""
    return [PageInput.from_entry(entry, catalog.pages_dir) for entry in catalog.pages]


#: Largest page read (the biggest real page is well under 1 MB; a 51 MB page took 2.7 GB and minutes to read).
MAX_PAGE_BYTES = 16 * 1024 * 1024


def read_services(page: PageInput) -> list[Service]:
    """The services ``page`` documents, as its provider's dialect reads them (raises ReaderError, DialectError)."""
    return services_in(page, page_bytes(page))


def page_bytes(page: PageInput) -> bytes:
    """The page file's content, refused when it cannot be read or is too large to be one reference page."""
    try:
        with page.path.open("rb") as handle:
            raw = handle.read(MAX_PAGE_BYTES + 1)
    except OSError as exc:
        raise ReaderError(page.name, 0, f"cannot read page file: {exc.strerror}") from exc
    if len(raw) > MAX_PAGE_BYTES:
        raise ReaderError(
            page.name, 0, f"page is larger than {MAX_PAGE_BYTES // (1024 * 1024)} MiB; expected one API reference page"
        )
    return raw


def services_in(page: PageInput, raw: bytes) -> list[Service]:
    """What ``raw``, the content of ``page``, documents: read into a document, then by the provider's dialect."""
    document = read_page(raw, page=page.name, format=page.format, provider=page.provider)
    return dialect_for(page.provider).read(document, PageInfo(page.name, page.url, page.services))
