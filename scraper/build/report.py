"""What a build produced and what went wrong, and how the ``spec`` and ``regenerate`` commands print it.

Errors are collected, not raised: one bad page stops only the services it documents, so the report carries the
services that were built, one located error per page or service that was not, and the files written.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scraper.build.findings_change import FindingsChange
from scraper.model import Service

__all__ = ["BuildReport", "print_report"]


@dataclass(slots=True)
class BuildReport:
    """The outcome of :func:`scraper.build.build_services` / :func:`scraper.build.build_specs`."""

    services: list[Service] = field(default_factory=list)
    #: Located errors, one per page (or service) that could not be built.
    errors: list[str] = field(default_factory=list)
    #: (provider, service id) of services that could not be built because a page covering them failed.
    failed_services: set[tuple[str, str]] = field(default_factory=set)
    written: list[Path] = field(default_factory=list)
    #: The spec documents of every spec folder written, by ``provider/service`` and file name, each with the bytes
    #: written for it: what parsing those files gives (the package stage takes them instead of parsing again).
    documents: dict[str, dict[str, tuple[bytes, dict[str, Any]]]] = field(default_factory=dict)
    #: What changed in the findings of each service folder rewritten (``provider/service``), told apart from
    #: findings that only moved to other lines (:mod:`scraper.build.findings_change`).
    findings_changes: dict[str, FindingsChange] = field(default_factory=dict)


def print_report(report: BuildReport, out: Path) -> int:
    """One line per built service, the number of files written, then every error; returns the exit status."""
    for service in report.services:
        if (service.provider, service.id) in report.failed_services:
            continue
        versions = ", ".join(v.version for v in service.versions)
        ops = len(service.operations)
        print(
            f"{service.provider}/{service.id}: {ops} operations, versions {versions}, "
            f"{len(service.findings)} findings"
        )
        change = report.findings_changes.get(f"{service.provider}/{service.id}")
        if change is not None:
            print(f"  {change}")
    changed = len(report.written)
    print(f"{changed} file(s) changed under {out}")
    if report.errors:
        print(f"\n{len(report.errors)} error(s); the services they affect were not rewritten:", file=sys.stderr)
        for error in report.errors:
            print(f"  {error}", file=sys.stderr)
        failed = ", ".join(f"{p}/{s}" for p, s in sorted(report.failed_services))
        if failed:
            print(f"  not built: {failed}", file=sys.stderr)
        return 1
    return 0
