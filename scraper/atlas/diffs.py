"""Version diff pages' data: the project's own diff (:mod:`scraper.diff`) between consecutive API versions.

The same :func:`~scraper.diff.compare` and :func:`~scraper.diff.explain` that ``docs2client diff`` and the
changelogs use, so the atlas never tells a different story than the CLI; grouped by severity, then by operation.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from scraper.diff import SEVERITIES, Change, compare
from scraper.diff.explain import explain
from scraper.versioning import version_key

__all__ = ["VersionDiff", "version_diffs"]

#: What the pages call each severity (``info`` stays off: documentation-only changes are not compared).
SEVERITY_TITLES = {"breaking": "Breaking", "deprecation": "Deprecations", "non-breaking": "Non-breaking"}


@dataclass(frozen=True)
class VersionDiff:
    old: str
    new: str
    #: severity -> [(operation or "Document", [changes])], severities in SEVERITIES order, empty groups left out
    groups: list[tuple[str, list[tuple[str, list[Change]]]]]

    @property
    def counts(self) -> dict[str, int]:
        return {severity: sum(len(c) for _, c in ops) for severity, ops in self.groups}


def version_diffs(documents: Mapping[str, Mapping[str, Any]], *, today: _dt.date) -> list[VersionDiff]:
    """One diff per pair of consecutive versions of one service's specs (``version -> document``), oldest first."""
    versions = sorted(documents, key=version_key)
    diffs = []
    for old, new in itertools.pairwise(versions):
        changes = compare(dict(documents[old]), dict(documents[new]), today=today)
        changes = explain(changes, version=new, siblings=documents)
        diffs.append(VersionDiff(old=old, new=new, groups=_grouped(changes)))
    return diffs


def _grouped(changes: list[Change]) -> list[tuple[str, list[tuple[str, list[Change]]]]]:
    groups: list[tuple[str, list[tuple[str, list[Change]]]]] = []
    for severity in SEVERITIES:
        if severity not in SEVERITY_TITLES:
            continue
        by_operation: dict[str, list[Change]] = {}
        for change in changes:
            if change.severity == severity:
                by_operation.setdefault(change.operation or "Document", []).append(change)
        if by_operation:
            groups.append((severity, list(by_operation.items())))
    return groups
