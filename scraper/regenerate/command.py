"""``docs2client regenerate``: the command line (what ``make regenerate`` runs); the work is in
:mod:`scraper.regenerate.pipeline`.

With ``--online`` the catalog's pages are fetched first (``docs2client fetch``); only services whose pages changed
are then rebuilt.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scraper.catalog import CatalogError, load_catalog
from scraper.job_count import add_jobs_option
from scraper.regenerate.pipeline import regenerate

__all__ = ["configure", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--catalog", type=Path, default=Path("pages/catalog.toml"), help="page catalog")
    parser.add_argument("--spec-dir", type=Path, default=Path("spec"), help="where specs go (default: spec)")
    parser.add_argument("--generated-dir", type=Path, default=Path("generated"), help="where packages go")
    parser.add_argument("--force", action="store_true", help="rebuild every service even if its inputs are unchanged")
    parser.add_argument("--online", action="store_true", help="fetch the catalog's pages first (docs2client fetch)")
    parser.add_argument("--specs-only", action="store_true", help="build specs but not client packages")
    add_jobs_option(parser)


def run(args: argparse.Namespace) -> int:
    failed_pages = 0
    if args.online:
        from scraper.fetch.command import fetch_with_progress
        from scraper.fetch.core import FetchOptions
        from scraper.fetch.urls import base_url_from_env

        try:
            catalog = load_catalog(args.catalog)
        except CatalogError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        report = fetch_with_progress(catalog, None, None, FetchOptions(base_url=base_url_from_env(None)))
        for line in report.summary_lines():
            print(line)
        failed_pages = len(report.failed)
        # Services whose pages changed now hash differently, so only they are rebuilt below.
    status = regenerate(
        catalog_path=args.catalog,
        spec_dir=args.spec_dir,
        generated_dir=args.generated_dir,
        force=args.force,
        packages=not args.specs_only,
        jobs=args.jobs,
    )
    if failed_pages:
        # after the summary and the rebuild of what did arrive: the run still failed
        print(f"error: {failed_pages} page(s) failed to fetch; their committed snapshots were used", file=sys.stderr)
        return max(status, 1)
    return status
