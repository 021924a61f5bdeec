"""``docs2client spec``: pages -> services -> per-version OpenAPI specs.

From the page catalog (``pages/catalog.toml``) or from page files given on the command line (any provider, any
format); the specs go under ``--out`` (default ``spec/``). Exits non-zero with a summary of located errors when a
page or service could not be built; the other services are still written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scraper.build.emit import build_specs
from scraper.build.page_cache import default_page_cache
from scraper.build.pages import PageInput, catalog_pages, page_bytes
from scraper.build.report import print_report
from scraper.build.spec_memo import default_spec_memo
from scraper.catalog import CatalogError, load_catalog
from scraper.dialects.provider_marks import recognise_provider
from scraper.document import ReaderError
from scraper.readers import guess_format

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pages", nargs="*", type=Path, help="page files to read instead of the catalog")
    parser.add_argument(
        "--provider",
        choices=("scp", "nhn"),
        help="provider of the given pages (default: told by each page's marks, e.g. Scp-Api-Version or nhncloud)",
    )
    parser.add_argument("--format", choices=("text", "html", "markdown"), help="page format (default: from the name)")
    parser.add_argument("--catalog", type=Path, default=Path("pages/catalog.toml"), help="page catalog")
    parser.add_argument("--out", type=Path, default=Path("spec"), help="output directory (default: spec)")


def run(args: argparse.Namespace) -> int:
    unrecognised: list[str] = []
    if args.pages:
        pages = []
        for i, path in enumerate(args.pages, start=1):
            provider = args.provider or _recognised_provider(path, unrecognised)
            if provider is not None:
                pages.append(
                    PageInput(
                        name=str(path),
                        path=path,
                        provider=provider,
                        format=args.format or guess_format(path.name),
                        capture=i,
                    )
                )
    else:
        try:
            pages = catalog_pages(load_catalog(args.catalog))
        except CatalogError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    report = build_specs(pages, args.out, cache=default_page_cache(), memo=default_spec_memo())
    report.errors[:0] = unrecognised  # reported with the others: the pages that could be read were built
    return print_report(report, args.out)


def _recognised_provider(path: Path, errors: list[str]) -> str | None:
    """The provider the marks of the page at ``path`` name (a note on stderr says which and why), or None with a
    located error in ``errors``."""
    name = str(path)
    try:
        verdict = recognise_provider(name, page_bytes(PageInput(name, path, provider="", format="")))
    except ReaderError as exc:
        errors.append(str(exc))
        return None
    print(f"note: {name}: read as {verdict.describe()}; --provider overrides", file=sys.stderr)
    return verdict.provider
