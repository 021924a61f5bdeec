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
from scraper.build.pages import PageInput, catalog_pages
from scraper.build.report import print_report
from scraper.build.spec_memo import default_spec_memo
from scraper.catalog import CatalogError, load_catalog
from scraper.readers import guess_format

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pages", nargs="*", type=Path, help="page files to read instead of the catalog")
    parser.add_argument("--provider", choices=("scp", "nhn"), help="provider of the given pages (required with PAGE)")
    parser.add_argument("--format", choices=("text", "html", "markdown"), help="page format (default: from the name)")
    parser.add_argument("--catalog", type=Path, default=Path("pages/catalog.toml"), help="page catalog")
    parser.add_argument("--out", type=Path, default=Path("spec"), help="output directory (default: spec)")


def run(args: argparse.Namespace) -> int:
    if args.pages:
        if not args.provider:
            print("error: --provider is required when pages are given", file=sys.stderr)
            return 2
        pages = [
            PageInput(
                name=str(p), path=p, provider=args.provider, format=args.format or guess_format(p.name), capture=i
            )
            for i, p in enumerate(args.pages, start=1)
        ]
    else:
        try:
            pages = catalog_pages(load_catalog(args.catalog))
        except CatalogError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    report = build_specs(pages, args.out, cache=default_page_cache(), memo=default_spec_memo())
    return print_report(report, args.out)
