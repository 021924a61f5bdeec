"""The publish stage: generated packages (and the shared runtime first) -> sdist and wheel -> the package index.

One module per job:

* :mod:`~scraper.publish.packages` -- the packages under ``generated/`` and what became of each (the report);
* :mod:`~scraper.publish.index` -- what the index already holds (simple page, versions, files and their contents);
* :mod:`~scraper.publish.publisher` -- build, compare, contract-test, check and upload, one package after another;
* :mod:`~scraper.publish.command` -- ``docs2client publish`` (``configure``/``run``, re-exported for ``scraper.cli``).

URLs are printed through :func:`scraper.url_credentials.redact_url`.
"""

from __future__ import annotations

from scraper.publish.command import REPOSITORY_URL_ENV, configure, run
from scraper.publish.index import distribution_contents, existing_versions, index_files, simple_index_url
from scraper.publish.packages import (
    PackageInfo,
    PackageResult,
    PackageStatus,
    PublishError,
    PublishReport,
    discover_packages,
    read_package,
)
from scraper.publish.publisher import publish

__all__ = [
    "REPOSITORY_URL_ENV",
    "PackageInfo",
    "PackageResult",
    "PackageStatus",
    "PublishError",
    "PublishReport",
    "configure",
    "discover_packages",
    "distribution_contents",
    "existing_versions",
    "index_files",
    "publish",
    "read_package",
    "run",
    "simple_index_url",
]
