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
from scraper.build.pages import PageInput, catalog_pages, page_bytes, services_in
from scraper.build.report import print_report
from scraper.build.spec_memo import default_spec_memo
from scraper.catalog import CatalogError, load_catalog
from scraper.dialects.provider_marks import MARK_NAMES, PROVIDER_TITLES, recognise_provider
from scraper.document import LocatedError
from scraper.readers import format_by_name, sniff_format

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
    unreadable: list[str] = []
    if args.pages:
        given = (_given_page(path, i, args, unreadable) for i, path in enumerate(args.pages, start=1))
        pages = [page for page in given if page is not None]
    else:
        try:
            pages = catalog_pages(load_catalog(args.catalog))
        except CatalogError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    report = build_specs(pages, args.out, cache=default_page_cache(), memo=default_spec_memo())
    report.errors[:0] = unreadable  # reported with the others: the pages that could be read were built
    return print_report(report, args.out)


def _given_page(path: Path, capture: int, args: argparse.Namespace, errors: list[str]) -> PageInput | None:
    """Page file ``path`` to read. Without ``--provider`` its marks name the provider, and without ``--format`` its
    name, else its content, names the format (a note on stderr says what was told, and how); None, with a located
    error in ``errors``, when the file cannot be read or nothing names one provider (:func:`_told_provider`)."""
    name = str(path)
    provider, format = args.provider, args.format or format_by_name(path.name)
    told: list[str] = []
    if provider is None or format is None:
        try:
            raw = page_bytes(PageInput(name, path, provider="", format=""))
            if format is None:
                format = sniff_format(raw)
                told.append(f"{format} by its content")
            if provider is None:
                provider, why = _told_provider(name, path, format, raw)
                told.append(why)
        except LocatedError as exc:
            errors.append(str(exc))
            return None
    if told:
        print(f"note: {name}: read as {'; '.join(told)} (--provider and --format override)", file=sys.stderr)
    return PageInput(name=name, path=path, provider=provider, format=format, capture=capture)


def _told_provider(name: str, path: Path, format: str, raw: bytes) -> tuple[str, str]:
    """The provider of page ``raw`` and why: its marks (:mod:`scraper.dialects.provider_marks`), else, when it carries
    none, the one dialect that finds operations in it; raises :class:`LocatedError` when neither or both do."""
    verdict = recognise_provider(name, raw)
    if verdict is not None:
        return verdict.provider, verdict.describe()
    found: dict[str, int] = {}
    for provider in PROVIDER_TITLES:
        try:
            services = services_in(PageInput(name, path, provider=provider, format=format), raw)
        except LocatedError:
            continue
        except (
            Exception
        ) as exc:  # a reader or dialect bug: one located line, as the build reports it, never a traceback
            raise LocatedError(
                name,
                1,
                f"internal error while reading the page as {PROVIDER_TITLES[provider]} to tell its provider"
                f" ({type(exc).__name__}: {exc}); the page is skipped -- this is a docs2client bug, please report it"
                " with the page (--provider reads it as that provider's page only)",
            ) from exc
        found[provider] = sum(len(service.operations) for service in services)
    readers = [provider for provider, count in found.items() if count]
    if len(readers) == 1:
        (provider,) = readers
        return (
            provider,
            f"{PROVIDER_TITLES[provider]}: no marks, and only its dialect finds operations ({found[provider]})",
        )
    if readers:
        counts = ", ".join(f"{PROVIDER_TITLES[p]} {found[p]}" for p in readers)
        problem = f"both providers' dialects find operations in it ({counts})"
    else:
        problem = "neither provider's dialect finds an operation in it"
    raise LocatedError(
        name,
        0,
        f"cannot tell the provider: the page carries no provider's marks ({MARK_NAMES}) and {problem}; pass --provider",
    )
