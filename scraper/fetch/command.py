"""``docs2client fetch``: the command line around :func:`scraper.fetch.core.fetch_pages`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from scraper.catalog import Catalog, CatalogError, load_catalog
from scraper.fetch.core import (
    FetchOptions,
    FetchReport,
    PageResult,
    default_user_agent,
    fetch_pages_sync,
    select_pages,
)
from scraper.fetch.http import fetch_retry_policy
from scraper.fetch.manifest import MANIFEST_NAME, ManifestError, load_manifest, manifest_from_snapshots, write_manifest
from scraper.fetch.urls import BASE_URL_ENV, UrlError, base_url_from_env, rewrite_url
from scraper.url_credentials import redact_url

__all__ = ["configure", "fetch_with_progress", "in_ci", "run", "unknown_selection"]

DEFAULT_CATALOG = Path("pages/catalog.toml")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Download every catalog page, check it and replace its snapshot only when it changed and passed the checks "
        "(HTTP 200, content type, size, expected headings, readable). Unchanged pages cost a 304."
    )
    parser.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG, help="page catalog (default: %(default)s)")
    parser.add_argument("--provider", help="only this provider's pages (scp, nhn)")
    parser.add_argument("--service", help="only pages covering this service id")
    parser.add_argument(
        "--base-url",
        help=f"fetch from a mirror: https://host/path becomes BASE/host/path (also ${BASE_URL_ENV})",
    )
    parser.add_argument("--concurrency", type=int, default=4, help="pages in flight at once (default: %(default)s)")
    parser.add_argument(
        "--rate", type=float, default=1.0, help="requests per second per host, 0 = no limit (default: %(default)s)"
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per connect/read (default: %(default)s)")
    parser.add_argument(
        "--deadline", type=float, default=120.0, help="seconds per whole download attempt (default: %(default)s)"
    )
    parser.add_argument("--retries", type=int, default=4, help="retries per page (default: %(default)s)")
    parser.add_argument("--user-agent", default=None, help=f"User-Agent header (default: {default_user_agent()!r})")
    parser.add_argument(
        "--allow-shrink", action="store_true", help="accept pages less than half the size of their snapshot"
    )
    parser.add_argument(
        "--manifest-only",
        action="store_true",
        help=f"no network: recompute sha256/size of the snapshots in {MANIFEST_NAME}",
    )
    parser.add_argument("--dry-run", action="store_true", help="print the URLs that would be fetched and exit")


def in_ci() -> bool:
    """Plain output when stdout is not a terminal or a CI system says so (CI=true, as GitHub/GitLab set)."""
    ci = os.environ.get("CI", "").strip().lower()
    return (bool(ci) and ci not in ("0", "false", "no")) or not sys.stdout.isatty()


def run(args: argparse.Namespace) -> int:
    try:
        catalog = load_catalog(args.catalog)
    except CatalogError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    manifest_path = catalog.pages_dir / MANIFEST_NAME
    if args.manifest_only:
        try:
            previous = load_manifest(manifest_path)
        except ManifestError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        changed = write_manifest(manifest_path, manifest_from_snapshots(catalog, previous, extra=previous.pages))
        print(f"{manifest_path}: {'updated' if changed else 'unchanged'}")
        return 0
    problem = unknown_selection(catalog, args.provider, args.service)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    base_url = base_url_from_env(args.base_url)
    if args.dry_run:
        try:
            for entry in select_pages(catalog, provider=args.provider, service=args.service):
                print(f"{entry.file}\t{redact_url(rewrite_url(entry.url, base_url))}")
        except UrlError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        return 0
    options = FetchOptions(
        base_url=base_url,
        concurrency=args.concurrency,
        rate=args.rate or None,
        timeout=args.timeout,
        deadline=args.deadline,
        retry=fetch_retry_policy(args.retries),
        user_agent=args.user_agent or default_user_agent(),
        max_shrink=0.0 if args.allow_shrink else 0.5,
    )
    try:
        report = fetch_with_progress(catalog, args.provider, args.service, options)
    except (ManifestError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for line in report.summary_lines():
        print(line)
    return 0 if report.ok else 1


def unknown_selection(catalog: Catalog, provider: str | None, service: str | None) -> str | None:
    """Why ``--provider``/``--service`` select nothing (a typo must not fetch nothing and succeed), or None."""
    providers = sorted({entry.provider for entry in catalog.pages})
    if provider is not None and provider not in providers:
        return f"--provider {provider!r}: no page of {catalog.path} has it (known: {', '.join(providers)})"
    services = sorted({s for entry in select_pages(catalog, provider=provider) for s in entry.services})
    if service is not None and service not in services:
        scope = f" of provider {provider!r}" if provider else ""
        return f"--service {service!r}: no page{scope} in {catalog.path} covers it (known: {', '.join(services)})"
    return None


def fetch_with_progress(
    catalog: Catalog, provider: str | None, service: str | None, options: FetchOptions
) -> FetchReport:
    """Fetch with a rich progress bar on a terminal; without one (CI logs, pipes) one plain line per page as it
    finishes, so a long run shows it is alive and a log says which page took how long."""
    if in_ci():

        def line(result: PageResult) -> None:
            print(f"{result.status.value:<12} {result.file}", flush=True)

        return fetch_pages_sync(catalog, provider=provider, service=service, options=options, on_result=line)
    total = len(select_pages(catalog, provider=provider, service=service))
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("fetching pages", total=total)

        def advance(result: PageResult) -> None:
            progress.update(task, advance=1, description=f"{result.status.value}: {result.file}")

        return fetch_pages_sync(catalog, provider=provider, service=service, options=options, on_result=advance)
