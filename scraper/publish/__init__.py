"""The publish stage (``docs2client publish``); see :mod:`scraper.publish.publisher`."""

from scraper.publish.publisher import (
    REPOSITORY_URL_ENV,
    PackageInfo,
    PackageResult,
    PackageStatus,
    PublishError,
    PublishReport,
    configure,
    discover_packages,
    distribution_contents,
    existing_versions,
    index_files,
    publish,
    read_package,
    redact,
    run,
    simple_index_url,
)

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
    "redact",
    "run",
    "simple_index_url",
]
