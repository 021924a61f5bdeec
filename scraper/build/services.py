"""Pages -> one finished :class:`~scraper.model.Service` per (provider, id).

Every page is read (oldest capture first), checked (:mod:`scraper.build.page_checks`) and merged into the services
it documents (:mod:`scraper.build.captures`). Then the provider-wide steps run (endpoint inference, catalog titles),
and each service is finished: its version table derived when no page gives one, its undefined models inferred. One
bad page stops only the services it documents.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import TYPE_CHECKING

from scraper.build.captures import merge_capture
from scraper.build.models import infer_models
from scraper.build.page_cache import PageCache
from scraper.build.page_checks import drop_bad_patterns, flag_plain_http, safe_services
from scraper.build.pages import PageInput, page_bytes, read_services, services_in
from scraper.build.report import BuildReport
from scraper.build.servers import infer_servers
from scraper.build.titles import catalog_titles
from scraper.build.versions import derive_versions
from scraper.dialects import DialectError
from scraper.document import ReaderError
from scraper.inference import InferenceError
from scraper.model import Service

if TYPE_CHECKING:
    from scraper.build.workers import BuildWorkers

__all__ = ["build_services", "finish_service"]


def build_services(
    pages: list[PageInput],
    *,
    only: set[tuple[str, str]] | None = None,
    cache: PageCache | None = None,
    workers: BuildWorkers | None = None,
) -> BuildReport:
    """Read every page (oldest capture first) and merge captures into one Service per (provider, id).

    Every page is read even when ``only`` names the (provider, id) of the services wanted: one service's endpoint
    can be inferred from its provider's others, so an incremental build must see them all to give the bytes of a
    full one. Only the wanted services are finished and reported. With a ``cache``, a page whose bytes, catalog
    entry and tool are unchanged since an earlier run is not read again (:mod:`scraper.build.page_cache`). With
    ``workers``, the pages to read are read by them meanwhile (:func:`_start_reading`); either way they are merged
    in the same order, so the services are the same.
    """
    report = BuildReport()
    services: dict[tuple[str, str], Service] = {}
    ordered = sorted(pages, key=lambda p: (p.capture, p.name))
    for page, reading in zip(ordered, _start_reading(ordered, cache, workers), strict=True):
        try:
            read = reading()
        except (ReaderError, DialectError) as exc:
            report.errors.append(str(exc))
            for service_id in page.services:
                report.failed_services.add((page.provider, service_id))
            continue
        except Exception as exc:
            report.errors.append(
                f"{page.name}:1: internal error while reading the page ({type(exc).__name__}: {exc}); the page is"
                " skipped -- this is a docs2client bug, please report it with the page"
            )
            for service_id in page.services:
                report.failed_services.add((page.provider, service_id))
            continue
        if not read and not page.services:
            report.errors.append(
                f"{page.name}: no API operations found (expected a {page.provider} API reference page in "
                f"{page.format} format; is --provider or --format right?)"
            )
        read = safe_services(page, read, report)
        if page.services:
            declared = set(page.services)
            found = {s.id for s in read}
            if found != declared:
                documents = (
                    f"the page documents {sorted(found)}"
                    if found
                    else f"no API operations were found on it (expected a {page.provider} API reference page in "
                    f"{page.format} format)"
                )
                report.errors.append(f"{page.name}: catalog says the page covers {sorted(declared)}, but {documents}")
                # What the page documents is in doubt, so nothing it covers (or claims to) is rewritten.
                report.failed_services.update((page.provider, service_id) for service_id in declared | found)
        for service in read:
            drop_bad_patterns(service)
            flag_plain_http(service, page.name)
            key = (service.provider, service.id)
            if key in services:
                services[key] = merge_capture(services[key], service, page.covers, page.name)
            else:
                services[key] = service
    infer_servers(services)
    catalog_titles(services, pages)
    capture = {p.name: p.capture for p in pages}
    for key in sorted(services):
        if key in report.failed_services or (only is not None and key not in only):
            continue
        service = services[key]
        if not service.operations:
            # An overview page (versions, endpoint) or a Models page alone documents no operation: its specs would
            # be empty documents, or none at all without a word.
            documented = "only models" if service.models else "only the overview: version table and endpoint"
            report.errors.append(
                f"{', '.join(service.pages)}: {service.provider}/{service.id}: no operation is documented"
                f" ({documented}); no spec is written -- catalogue the service's _print or apis/_print page"
            )
            report.failed_services.add(key)
            continue
        try:
            finish_service(service, capture)
        except InferenceError as exc:
            report.errors.append(f"{service.provider}/{service.id}: {exc}")
            report.failed_services.add(key)
            continue
        report.services.append(service)
    if cache is not None and cache.misses:
        cache.prune()
    return report


def finish_service(service: Service, capture: dict[str, int]) -> None:
    """Fill in what the pages leave out of one service: its version table, then the models no Models section defines."""
    derive_versions(service, capture)
    infer_models(service)


#: Reads one page when called (raising what reading it raises).
_Reading = Callable[[], list[Service]]


def _start_reading(pages: list[PageInput], cache: PageCache | None, workers: BuildWorkers | None) -> list[_Reading]:
    """One reading per page, in order: a page the cache holds is recalled now; the others are handed to the
    ``workers`` at once when there are two or more of them (a full build reads on every core while this process
    merges), and read here when called otherwise (one changed page, the everyday case, costs no round trip)."""
    if workers is None or not workers.parallel:
        return [partial(read_services, page) if cache is None else partial(cache.read, page) for page in pages]
    readings: list[_Reading | None] = []
    todo: list[tuple[int, PageInput, bytes, str | None]] = []  # (position, page, its bytes, its cache key)
    for page in pages:
        try:
            raw = page_bytes(page)
        except ReaderError as exc:
            readings.append(partial(_raise, exc))
            continue
        key = PageCache.key(page, raw) if cache is not None else None
        known = cache.load(key, page.name) if cache is not None and key is not None else None
        readings.append(partial(_given, known) if known is not None else None)
        if known is None:
            todo.append((len(readings) - 1, page, raw, key))
    parallel = workers is not None and workers.parallel and len(todo) > 1
    for position, page, raw, key in todo:
        future = workers.read(page, raw) if parallel and workers is not None else None
        readings[position] = partial(_read, page, raw, future, cache, key)
    return [reading for reading in readings if reading is not None]  # every position is filled by now


def _read(
    page: PageInput, raw: bytes, future: Future[list[Service]] | None, cache: PageCache | None, key: str | None
) -> list[Service]:
    """What ``page`` reads into: from its worker (read here if the worker died), remembered in the cache."""
    try:
        read = future.result() if future is not None else services_in(page, raw)
    except BrokenProcessPool:  # a worker was killed (out of memory, a signal): this process reads the page
        read = services_in(page, raw)
    if cache is not None and key is not None:
        cache.store(key, read)
    return read


def _given(services: list[Service]) -> list[Service]:
    return services


def _raise(error: Exception) -> list[Service]:
    raise error
