"""Renderings of a change list: ``text`` for terminals, ``markdown`` for changelogs and PRs, ``json`` for machines.

All three group changes by severity (most severe first) and keep :func:`scraper.diff.compare.compare`'s order
within a group, so the output is byte-identical for the same inputs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Literal

from scraper.diff.model import SEVERITIES, Change, Severity

__all__ = [
    "FORMATS",
    "SEVERITY_HEADINGS",
    "Format",
    "markdown_item",
    "render",
    "render_json",
    "render_markdown",
    "render_text",
    "summary",
]

Format = Literal["text", "markdown", "json"]
FORMATS: tuple[Format, ...] = ("text", "markdown", "json")

SEVERITY_HEADINGS: dict[Severity, str] = {
    "breaking": "Breaking changes",
    "deprecation": "Deprecations",
    "non-breaking": "Additions and other compatible changes",
    "info": "Other changes",
}


def summary(changes: Sequence[Change]) -> dict[Severity, int]:
    """Number of changes per severity (every severity present, most severe first)."""
    counts: dict[Severity, int] = dict.fromkeys(SEVERITIES, 0)
    for change in changes:
        counts[change.severity] += 1
    return counts


def _summary_line(changes: Sequence[Change]) -> str:
    if not changes:
        return "no changes"
    return ", ".join(f"{count} {severity}" for severity, count in summary(changes).items())


def _grouped(changes: Sequence[Change]) -> list[tuple[Severity, list[Change]]]:
    return [(s, [c for c in changes if c.severity == s]) for s in SEVERITIES if any(c.severity == s for c in changes)]


def _where(change: Change) -> str:
    parts = [p for p in (change.operation, change.location) if p]
    return " ".join(parts) if parts else "(document)"


def render_text(changes: Sequence[Change], *, old_label: str = "OLD", new_label: str = "NEW") -> str:
    lines = [f"{old_label} -> {new_label}: {_summary_line(changes)}"]
    for severity, group in _grouped(changes):
        lines.append("")
        lines.append(f"{severity} ({len(group)})")
        for change in group:
            lines.append(f"  {_where(change)}: {change.message} [{change.kind}]")
    return "\n".join(lines) + "\n"


def render_markdown(
    changes: Sequence[Change], *, old_label: str = "OLD", new_label: str = "NEW", heading_level: int = 2
) -> str:
    """Markdown; ``heading_level`` is the level of the title (groups are one level deeper)."""
    h = "#" * heading_level
    lines = [f"{h} `{old_label}` → `{new_label}`", "", _summary_line(changes) + "."]
    for severity, group in _grouped(changes):
        lines += ["", f"{h}# {SEVERITY_HEADINGS[severity]}", ""]
        lines += [markdown_item(change) for change in group]
    return "\n".join(lines) + "\n"


def markdown_item(change: Change) -> str:
    """One change as a Markdown bullet: ``- `POST /v1/images` `request.body.x`: message``."""
    where = " ".join(f"`{p}`" for p in (change.operation, change.location) if p)
    return f"- {where}: {change.message}" if where else f"- {change.message}"


def render_json(changes: Sequence[Change], *, old_label: str = "OLD", new_label: str = "NEW") -> str:
    payload = {
        "old": old_label,
        "new": new_label,
        "summary": summary(changes),
        "changes": [c.as_dict() for c in changes],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n"


def render(changes: Sequence[Change], fmt: Format, *, old_label: str = "OLD", new_label: str = "NEW") -> str:
    if fmt == "text":
        return render_text(changes, old_label=old_label, new_label=new_label)
    if fmt == "markdown":
        return render_markdown(changes, old_label=old_label, new_label=new_label)
    if fmt == "json":
        return render_json(changes, old_label=old_label, new_label=new_label)
    raise ValueError(f"unknown format {fmt!r}; expected one of {FORMATS}")
