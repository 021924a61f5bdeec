"""Renderings of a change list: ``text`` for terminals, ``markdown`` for changelogs and PRs, ``json`` for machines.

All three group changes by severity (most severe first) and keep :func:`scraper.diff.compare.compare`'s order
within a group, so the output is byte-identical for the same inputs.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from scraper.diff.model import SEVERITIES, Change, Severity

__all__ = [
    "FOLD_AT",
    "FORMATS",
    "SEVERITY_HEADINGS",
    "TEXT_LISTS",
    "ChangeFold",
    "Format",
    "fold",
    "markdown_item",
    "markdown_items",
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


#: The same change (rule, place in the operation, message) on this many operations or more is one entry of the text
#: and Markdown renderings: a version's status or sunset repeated on each of its 100 operations would otherwise
#: bury the few changes a reviewer must read. JSON keeps one change per operation, for tools.
FOLD_AT = 4

#: A folded entry of the text rendering names this many operations at most (the terminal view; Markdown and JSON
#: name them all).
TEXT_LISTS = 12


@dataclass(frozen=True, slots=True)
class ChangeFold:
    """One change that several operations share (see :data:`FOLD_AT`): ``changes`` in their order."""

    changes: tuple[Change, ...]

    @property
    def first(self) -> Change:
        return self.changes[0]

    @property
    def operations(self) -> list[str]:
        return [c.operation for c in self.changes if c.operation]


def fold(group: Sequence[Change]) -> list[Change | ChangeFold]:
    """``group`` (changes of one severity) with each change that :data:`FOLD_AT` or more operations share folded
    into one :class:`ChangeFold`, at the place of its first occurrence; the rest as they are, in order."""
    shared: dict[tuple[str, str, str], list[Change]] = {}
    for change in group:
        if change.operation:
            shared.setdefault((change.kind, change.location, change.message), []).append(change)
    out: list[Change | ChangeFold] = []
    for change in group:
        same = shared.get((change.kind, change.location, change.message)) if change.operation else None
        if same is None or len(same) < FOLD_AT:
            out.append(change)
        elif same[0] is change:
            out.append(ChangeFold(tuple(same)))
    return out


def _wrapped(items: Sequence[str], *, indent: str, width: int) -> list[str]:
    """``items`` joined by ", " in lines of at most ``width`` characters, breaking only between items (an
    operation is never cut between its method and its path)."""
    lines: list[str] = []
    line = ""
    for index, item in enumerate(items):
        piece = item + ("," if index < len(items) - 1 else "")
        if line and len(indent) + len(line) + 1 + len(piece) > width:
            lines.append(indent + line)
            line = piece
        else:
            line = f"{line} {piece}" if line else piece
    if line:
        lines.append(indent + line)
    return lines


def render_text(changes: Sequence[Change], *, old_label: str = "OLD", new_label: str = "NEW") -> str:
    lines = [f"{old_label} -> {new_label}: {_summary_line(changes)}"]
    for severity, group in _grouped(changes):
        lines.append("")
        lines.append(f"{severity} ({len(group)})")
        for item in fold(group):
            if isinstance(item, Change):
                lines.append(f"  {_where(item)}: {item.message} [{item.kind}]")
                continue
            change, operations = item.first, item.operations
            where = f", {change.location}" if change.location else ""  # an operation's own change has no place
            lines.append(f"  {len(operations)} operations{where}: {change.message} [{change.kind}]")
            shown = operations if len(operations) <= TEXT_LISTS else operations[: TEXT_LISTS - 1]
            more = len(operations) - len(shown)
            tail = [f"and {more} more (--format markdown or json lists them all)"] if more else []
            lines += _wrapped([*shown, *tail], indent="    ", width=120)
    return "\n".join(lines) + "\n"


def render_markdown(
    changes: Sequence[Change], *, old_label: str = "OLD", new_label: str = "NEW", heading_level: int = 2
) -> str:
    """Markdown; ``heading_level`` is the level of the title (groups are one level deeper)."""
    h = "#" * heading_level
    lines = [f"{h} `{old_label}` → `{new_label}`", "", _summary_line(changes) + "."]
    for severity, group in _grouped(changes):
        lines += ["", f"{h}# {SEVERITY_HEADINGS[severity]}", ""]
        lines += markdown_items(group)
    return "\n".join(lines) + "\n"


def markdown_item(change: Change) -> str:
    """One change as a Markdown bullet: ``- `POST /v1/images` `request.body.x`: message``."""
    where = " ".join(f"`{p}`" for p in (change.operation, change.location) if p)
    return f"- {where}: {change.message}" if where else f"- {change.message}"


def markdown_items(group: Sequence[Change]) -> list[str]:
    """Changes of one severity as Markdown bullets, a change that many operations share as one bullet with the
    operations in a collapsed ``<details>`` block (see :func:`fold`)."""
    lines: list[str] = []
    for item in fold(group):
        if isinstance(item, Change):
            lines.append(markdown_item(item))
            continue
        change, operations = item.first, item.operations
        where = f", `{change.location}`" if change.location else ""
        lines += [
            f"- {len(operations)} operations{where}: {change.message}",
            f"  <details><summary>the {len(operations)} operations</summary>",
            "",
            "  " + ", ".join(f"`{op}`" for op in operations),
            "",
            "  </details>",
        ]
    return lines


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
