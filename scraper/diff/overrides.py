"""``--severity FILE``: per-rule severity overrides, one ``<rule id or kind> <severity>`` per line.

Like oasdiff's ``--severity-levels`` file::

    # a team whose clients tolerate a removed optional parameter
    parameter-removed non-breaking
    response-enum-value-added breaking    # a reported kind: only on the response side

A rule id (``property-removed``) applies wherever the rule fires; a reported kind (``request-property-removed``)
only there, and wins over the rule id. Unknown ids and severities are errors naming the file and line.
"""

from __future__ import annotations

from pathlib import Path

from scraper.diff.model import SEVERITIES, Severity
from scraper.diff.rules import RULES, rule_for_kind

__all__ = ["OverrideError", "parse_overrides", "read_overrides"]


class OverrideError(Exception):
    """The override file is unreadable or names an unknown rule or severity; the message names file and line."""


def parse_overrides(text: str, *, source: str) -> dict[str, Severity]:
    overrides: dict[str, Severity] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        if len(words) != 2:
            raise OverrideError(f"{source}:{number}: expected '<rule id> <severity>', got {line.strip()!r}")
        name, level = words
        if name not in RULES and rule_for_kind(name) is None:
            raise OverrideError(f"{source}:{number}: unknown rule id {name!r} (see the README's table of diff rules)")
        if level not in SEVERITIES:
            raise OverrideError(f"{source}:{number}: severity {level!r}: expected one of {', '.join(SEVERITIES)}")
        overrides[name] = level
    return overrides


def read_overrides(path: Path) -> dict[str, Severity]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OverrideError(f"{path}: cannot read: {exc}") from exc
    return parse_overrides(text, source=str(path))
