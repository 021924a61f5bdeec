"""A service's version table when no overview page gives one: derived from its operation pages."""

from __future__ import annotations

from collections import Counter

from scraper.model import Finding, OperationVersion, Service, ServiceVersion
from scraper.versioning import version_key

__all__ = ["derive_versions"]


def derive_versions(service: Service, capture: dict[str, int]) -> None:
    """A service with no overview table gets its version table from its operation pages.

    A version's status and date are a fact about the whole service, so the latest capture that documents the
    version decides (``capture`` maps page names to capture order); among its pages the most common reading wins.
    Pages of older captures that say otherwise are reported.
    """
    seen: dict[str, list[OperationVersion]] = {}
    for op in service.operations:
        for version, v in op.versions.items():
            seen.setdefault(version, []).append(v)
    known = {v.version for v in service.versions}
    added = False
    for version in sorted(seen, key=version_key, reverse=True):
        if version in known:
            continue
        pages = seen[version]
        latest = max(capture.get(v.source.page, 0) for v in pages)
        counts = Counter((v.status, v.sunset) for v in pages if capture.get(v.source.page, 0) == latest)
        (status, date), _ = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        service.versions.append(ServiceVersion(version, status, date))  # type: ignore[arg-type]
        added = True
        where = sorted({v.source.page for v in pages if capture.get(v.source.page, 0) == latest})
        service.findings.append(
            Finding(
                "derived-version",
                where[0],
                0,
                f"{service.id}:*",
                f"version {version} is not in a version table; status {status} {date or '-'} taken from its "
                f"operation pages in {', '.join(where)}",
                version,
            )
        )
        older = Counter((v.source.page, v.status, v.sunset) for v in pages if (v.status, v.sunset) != (status, date))
        for (page, other_status, other_date), count in sorted(older.items()):
            service.findings.append(
                Finding(
                    "capture-conflict",
                    page,
                    0,
                    f"{service.id}:*",
                    f"version {version}: {count} page(s) of this capture say {other_status} {other_date or '-'}; "
                    f"the later capture {', '.join(where)} says {status} {date or '-'} (used for the version table)",
                    version,
                )
            )
    if added:
        service.versions.sort(key=lambda v: version_key(v.version), reverse=True)
