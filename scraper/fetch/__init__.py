"""Fetch the live documentation pages, politely and safely (``docs2client fetch``).

* :mod:`scraper.fetch.core` -- :func:`fetch_pages` / :func:`fetch_pages_sync` and the :class:`FetchReport`
  (pages unchanged / changed / failed, affected services) that ``regenerate --online`` works from;
* :mod:`scraper.fetch.http` -- per-host rate limit, retries with exponential backoff, Retry-After;
* :mod:`scraper.fetch.validate` -- the checks a page must pass before it replaces a snapshot;
* :mod:`scraper.fetch.manifest` -- ``pages/manifest.json`` (URL, ETag, Last-Modified, sha256, size, fetched-at);
* :mod:`scraper.fetch.urls` -- the mirror rule (``--base-url`` / ``DOCS2CLIENT_BASE_URL``);
* :mod:`scraper.fetch.command` -- the command line (``configure``/``run``, re-exported here for ``scraper.cli``).
"""

from scraper.fetch.command import configure, run
from scraper.fetch.core import (
    FetchOptions,
    FetchReport,
    PageResult,
    PageStatus,
    default_user_agent,
    fetch_pages,
    fetch_pages_sync,
    select_pages,
)
from scraper.fetch.http import HostRateLimiter, RetryPolicy, fetch_retry_policy
from scraper.fetch.manifest import Manifest, ManifestRecord, load_manifest, manifest_from_snapshots, write_manifest
from scraper.fetch.urls import BASE_URL_ENV, rewrite_url

__all__ = [
    "BASE_URL_ENV",
    "FetchOptions",
    "FetchReport",
    "HostRateLimiter",
    "Manifest",
    "ManifestRecord",
    "PageResult",
    "PageStatus",
    "RetryPolicy",
    "configure",
    "default_user_agent",
    "fetch_pages",
    "fetch_pages_sync",
    "fetch_retry_policy",
    "load_manifest",
    "manifest_from_snapshots",
    "rewrite_url",
    "run",
    "select_pages",
    "write_manifest",
]
