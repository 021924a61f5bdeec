"""Fetch the catalog's pages, check them, and replace the snapshots that really changed.

:func:`fetch_pages` is what ``docs2client fetch`` and ``regenerate --online`` call. For each page it asks the
server conditionally (the manifest's ETag / Last-Modified, so an unchanged page costs a 304 and no body), checks a
new body with :func:`~scraper.fetch.validate.check_page`, and writes it atomically only when it passed and differs
from the snapshot. Every page ends in exactly one :class:`PageStatus`; a failure never touches the snapshot, it is
reported. The manifest is rewritten once at the end (deterministically, and only if something in it changed).
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

import httpx

from scraper import __version__
from scraper.atomic import write_atomic
from scraper.catalog import Catalog, PageEntry
from scraper.fetch.http import DownloadFailed, HostRateLimiter, RetryPolicy, Sleep, download, fetch_retry_policy
from scraper.fetch.manifest import (
    MANIFEST_NAME,
    Manifest,
    ManifestRecord,
    load_manifest,
    manifest_from_snapshots,
    sha256_hex,
    write_manifest,
)
from scraper.fetch.urls import rewrite_url
from scraper.fetch.validate import PageRejected, check_page, format_for_content_type, snapshot_file_for
from scraper.url_credentials import redact_url

__all__ = [
    "PROJECT_URL",
    "USER_AGENT_ENV",
    "FetchOptions",
    "FetchReport",
    "PageResult",
    "PageStatus",
    "default_user_agent",
    "fetch_pages",
    "fetch_pages_sync",
    "select_pages",
]

PROJECT_URL = "https://github.com/docs2client/docs2client"
USER_AGENT_ENV = "DOCS2CLIENT_USER_AGENT"


def default_user_agent() -> str:
    """``DOCS2CLIENT_USER_AGENT`` if set, else one that names the tool, its version and where to read about it."""
    return os.environ.get(USER_AGENT_ENV) or f"docs2client/{__version__} (+{PROJECT_URL}; API docs to OpenAPI)"


def _utc_now() -> datetime:
    return datetime.now(UTC)


class PageStatus(StrEnum):
    #: the server said 304, or sent exactly the bytes already on disk
    UNCHANGED = "unchanged"
    #: the snapshot was replaced by a new, checked version
    CHANGED = "changed"
    #: the server sent the page in another format than the catalog's; saved beside the old snapshot (not used yet)
    SAVED_BESIDE = "saved-beside"
    #: nothing usable arrived; the old snapshot stays
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class PageResult:
    entry: PageEntry
    status: PageStatus
    #: the URL actually requested (after the mirror rule), without its userinfo (see ``FetchOptions.base_url``)
    url: str
    #: the snapshot file (relative to the pages directory) this result is about
    file: str
    message: str = ""
    attempts: int = 0
    #: bytes of page body received (0 for a 304)
    received: int = 0


@dataclass(frozen=True, slots=True)
class FetchReport:
    results: tuple[PageResult, ...]
    manifest_path: Path
    manifest_changed: bool

    def _with(self, status: PageStatus) -> list[PageResult]:
        return [r for r in self.results if r.status is status]

    @property
    def unchanged(self) -> list[PageResult]:
        return self._with(PageStatus.UNCHANGED)

    @property
    def changed(self) -> list[PageResult]:
        return self._with(PageStatus.CHANGED)

    @property
    def saved_beside(self) -> list[PageResult]:
        return self._with(PageStatus.SAVED_BESIDE)

    @property
    def failed(self) -> list[PageResult]:
        return self._with(PageStatus.FAILED)

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def changed_files(self) -> list[str]:
        """Catalog files whose snapshot changed: what ``regenerate --online`` must re-read."""
        return sorted(r.file for r in self.changed)

    @property
    def affected_services(self) -> list[str]:
        """``provider/service`` of every service a changed page covers, sorted."""
        return sorted({f"{r.entry.provider}/{s}" for r in self.changed for s in r.entry.services})

    def summary_lines(self) -> list[str]:
        """The plain summary printed in CI logs (and after the progress bar on a terminal)."""
        lines = [
            f"pages: {len(self.unchanged)} unchanged, {len(self.changed)} changed, "
            f"{len(self.saved_beside)} saved in another format, {len(self.failed)} failed"
        ]
        for result in self.results:
            if result.status is not PageStatus.UNCHANGED:
                note = f": {result.message}" if result.message else ""
                lines.append(f"  {result.status.value:<12} {result.file} ({result.url}){note}")
        services = self.affected_services
        lines.append(f"services affected: {', '.join(services) if services else 'none'}")
        return lines


@dataclass(frozen=True, slots=True)
class FetchOptions:
    #: mirror / test server, see :mod:`scraper.fetch.urls`; may hold credentials, so it is left out of the repr
    base_url: str | None = field(default=None, repr=False)
    #: pages downloaded at the same time (over all hosts)
    concurrency: int = 4
    #: requests per second per host; None or 0 for no limit
    rate: float | None = 1.0
    #: seconds for connecting and for each read
    timeout: float = 30.0
    #: seconds for one whole download attempt (a server dripping bytes never trips ``timeout``)
    deadline: float = 120.0
    retry: RetryPolicy = field(default_factory=fetch_retry_policy)
    user_agent: str = field(default_factory=default_user_agent)
    #: smallest acceptable page, in bytes
    min_size: int = 1024
    #: reject a page smaller than this fraction of the snapshot it replaces (0 disables the check)
    max_shrink: float = 0.5
    #: send If-None-Match / If-Modified-Since from the manifest
    conditional: bool = True
    #: injectable for tests: how to wait, what time it is
    sleep: Sleep = asyncio.sleep
    clock: Callable[[], float] = time.monotonic
    now: Callable[[], datetime] = _utc_now
    #: injectable for tests (httpx.MockTransport); None uses the network
    transport: httpx.AsyncBaseTransport | None = None


def select_pages(catalog: Catalog, *, provider: str | None = None, service: str | None = None) -> list[PageEntry]:
    return [
        entry
        for entry in catalog.pages
        if (provider is None or entry.provider == provider) and (service is None or service in entry.services)
    ]


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


class _PageFetcher:
    def __init__(self, catalog: Catalog, manifest: Manifest, options: FetchOptions, client: httpx.AsyncClient):
        self.pages_dir = catalog.pages_dir
        self.catalog_files = {entry.file for entry in catalog.pages}
        self.manifest = manifest
        self.options = options
        self.client = client
        self.limiter = HostRateLimiter(options.rate, sleep=options.sleep, clock=options.clock)
        self.records: dict[str, ManifestRecord] = {}

    def _validators(self, entry: PageEntry) -> tuple[str, ManifestRecord] | None:
        """The manifest record to ask conditionally with: one for this URL whose file is still as recorded."""
        candidates = self.manifest.records_for_url(entry.url)
        candidates.sort(key=lambda item: item[0] != entry.file)  # the catalog's own file first
        for file, record in candidates:
            data = _read(self.pages_dir / file)
            if record.has_validators and data is not None and record.matches(data):
                return file, record
        return None

    def _record(self, entry: PageEntry, file: str, data: bytes, headers: Mapping[str, str]) -> None:

        fresh = ManifestRecord(
            url=entry.url,
            sha256=sha256_hex(data),
            size=len(data),
            etag=headers.get("etag"),
            last_modified=headers.get("last-modified"),
            fetched_at=self.options.now().replace(microsecond=0).isoformat(),
        )
        previous = self.manifest.get(file)
        # Same content and validators: keep the old record, so an unchanged fetch leaves the manifest as it was.
        if previous is None or replace(previous, fetched_at=fresh.fetched_at) != fresh:
            self.records[file] = fresh

    async def fetch(self, entry: PageEntry) -> PageResult:
        try:
            url = rewrite_url(entry.url, self.options.base_url)
        except ValueError as exc:
            return PageResult(entry, PageStatus.FAILED, redact_url(entry.url), entry.file, str(exc))
        # A mirror's base URL may carry credentials (``https://user:token@mirror/``): httpx sends them as basic
        # auth, and every result, summary line and repr gets the URL without them.
        shown = redact_url(url)
        headers = {"User-Agent": self.options.user_agent, "Accept": _accept_header(entry.format)}
        validators = self._validators(entry) if self.options.conditional else None
        if validators is not None:
            _, record = validators
            if record.etag:
                headers["If-None-Match"] = record.etag
            if record.last_modified:
                headers["If-Modified-Since"] = record.last_modified
        try:
            response = await download(
                self.client,
                url,
                headers=headers,
                policy=self.options.retry,
                limiter=self.limiter,
                sleep=self.options.sleep,
                deadline=self.options.deadline,
            )
        except DownloadFailed as exc:
            return PageResult(entry, PageStatus.FAILED, shown, entry.file, str(exc), exc.attempts)
        if response.status == 304:
            if validators is None:
                return PageResult(
                    entry, PageStatus.FAILED, shown, entry.file, "HTTP 304 to a request without validators", 1
                )
            return PageResult(entry, PageStatus.UNCHANGED, shown, validators[0], "", response.attempts)
        failed = _Failure(entry, shown, response.attempts, len(response.body))
        if response.status != 200:
            return failed(entry.file, f"HTTP {response.status} {response.reason}".rstrip())
        catalog_old = _read(self.pages_dir / entry.file)
        try:
            probe_format = format_for_content_type(entry.format, response.header("content-type"))
            target = snapshot_file_for(entry, probe_format) if probe_format else entry.file
            if target != entry.file and target in self.catalog_files:
                return failed(target, f"the server sent {probe_format}, but {target} is another catalog page")
            target_old = _read(self.pages_dir / target)
            old, old_format = (target_old, probe_format or entry.format) if target_old else (catalog_old, entry.format)
            page = check_page(
                entry,
                response.body,
                response.header("content-type"),
                old=old,
                old_format=old_format,
                min_size=self.options.min_size,
                max_shrink=self.options.max_shrink,
            )
        except PageRejected as exc:
            return failed(entry.file, f"{exc}; kept the old snapshot")
        self._record(entry, target, page.data, response.headers)
        changed = write_atomic(self.pages_dir / target, page.data)
        received = len(response.body)
        if target != entry.file:
            note = (
                f"the catalog lists {entry.file} as {entry.format}, the server sent {page.format}: saved as {target} "
                f"and left {entry.file} as it was (point the catalog entry at {target} to use it)"
            )
            status = PageStatus.SAVED_BESIDE if changed else PageStatus.UNCHANGED
            return PageResult(entry, status, shown, target, note if changed else "", response.attempts, received)
        status = PageStatus.CHANGED if changed else PageStatus.UNCHANGED
        return PageResult(entry, status, shown, target, "", response.attempts, received)


@dataclass(frozen=True, slots=True)
class _Failure:
    entry: PageEntry
    url: str
    attempts: int
    received: int

    def __call__(self, file: str, message: str) -> PageResult:
        return PageResult(self.entry, PageStatus.FAILED, self.url, file, message, self.attempts, self.received)


def _accept_header(fmt: str) -> str:
    if fmt == "markdown":
        return "text/markdown, text/plain;q=0.9, */*;q=0.1"
    if fmt == "text":
        return "text/plain, text/html;q=0.9, */*;q=0.1"
    return "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"


async def fetch_pages(
    catalog: Catalog,
    *,
    provider: str | None = None,
    service: str | None = None,
    options: FetchOptions | None = None,
    manifest_path: Path | None = None,
    on_result: Callable[[PageResult], None] | None = None,
) -> FetchReport:
    """Fetch the selected pages of ``catalog`` (all by default) and update snapshots and manifest.

    ``on_result`` is called as each page finishes (the progress bar). The manifest defaults to
    ``<pages>/manifest.json``; records of pages not selected are kept as they were.
    """
    options = options or FetchOptions()
    if options.concurrency < 1:
        raise ValueError(f"concurrency must be at least 1, got {options.concurrency}")
    manifest_path = manifest_path or catalog.pages_dir / MANIFEST_NAME
    previous = load_manifest(manifest_path)
    manifest = manifest_from_snapshots(catalog, previous, extra=previous.pages)
    entries = select_pages(catalog, provider=provider, service=service)
    semaphore = asyncio.Semaphore(options.concurrency)
    timeout = httpx.Timeout(options.timeout)
    async with httpx.AsyncClient(
        timeout=timeout, follow_redirects=False, transport=options.transport, trust_env=options.transport is None
    ) as client:
        fetcher = _PageFetcher(catalog, manifest, options, client)

        async def one(entry: PageEntry) -> PageResult:
            async with semaphore:
                result = await fetcher.fetch(entry)
            if on_result is not None:
                on_result(result)
            return result

        results: Sequence[PageResult] = await asyncio.gather(*(one(entry) for entry in entries))
    manifest_changed = write_manifest(manifest_path, manifest.updated(fetcher.records))
    return FetchReport(results=tuple(results), manifest_path=manifest_path, manifest_changed=manifest_changed)


def fetch_pages_sync(
    catalog: Catalog,
    *,
    provider: str | None = None,
    service: str | None = None,
    options: FetchOptions | None = None,
    manifest_path: Path | None = None,
    on_result: Callable[[PageResult], None] | None = None,
) -> FetchReport:
    """:func:`fetch_pages` for callers without an event loop (``regenerate --online``)."""
    return asyncio.run(
        fetch_pages(
            catalog,
            provider=provider,
            service=service,
            options=options,
            manifest_path=manifest_path,
            on_result=on_result,
        )
    )
