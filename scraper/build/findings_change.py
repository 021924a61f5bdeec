"""What a rebuild changed in a service's findings, told apart from what only moved.

A page edit shifts the line number of every finding below it, so ``findings.json`` and ``FINDINGS.md`` can change
on hundreds of lines for one new doubt. The maintainer reviewing the regeneration needs the real change: findings
compared without their line numbers (their own, and the ``page:line`` references in their messages) say which are
new, which are gone, and how many only moved.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

__all__ = ["FindingsChange", "compare_findings"]

#: ``pages/scp/002.txt:8249`` in a message: a reference whose line moves with the page.
_PAGE_LINE = re.compile(r"(\.(?:txt|md|markdown|html?|yaml|json)):\d+(?:-\d+)?")


@dataclass(frozen=True, slots=True)
class FindingsChange:
    """Counts of findings new, gone and moved (the same finding at another line), between two ``findings.json``."""

    new: int
    gone: int
    moved: int

    def __str__(self) -> str:
        parts = [f"{self.new} new", f"{self.gone} gone"]
        if self.moved:
            parts.append(f"{self.moved} only moved to other lines")
        return "findings: " + ", ".join(parts)


def _identity(finding: dict[str, Any]) -> tuple[str, ...]:
    message = _PAGE_LINE.sub(r"\1:N", str(finding.get("message", "")))
    return (*(str(finding.get(key, "")) for key in ("kind", "page", "subject", "version")), message)


def _findings(data: bytes) -> list[dict[str, Any]] | None:
    try:
        payload = json.loads(data)
    except ValueError:
        return None
    items = payload.get("findings") if isinstance(payload, dict) else payload
    if not isinstance(items, list):
        return None
    return [item for item in items if isinstance(item, dict)]


def compare_findings(old: bytes, new: bytes) -> FindingsChange | None:
    """The change from ``old`` to ``new`` findings (``findings.json`` bytes); None when they are the same bytes or
    either is not a findings file (nothing to say)."""
    if old == new:
        return None
    before, after = _findings(old), _findings(new)
    if before is None or after is None:
        return None
    old_ids, new_ids = Counter(map(_identity, before)), Counter(map(_identity, after))
    same = old_ids & new_ids
    exact = Counter((_identity(f), f.get("line")) for f in before) & Counter(
        (_identity(f), f.get("line")) for f in after
    )
    return FindingsChange(
        new=sum((new_ids - old_ids).values()),
        gone=sum((old_ids - new_ids).values()),
        moved=sum(same.values()) - sum(exact.values()),
    )
