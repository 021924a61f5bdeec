"""What every walker of the comparison shares: the two resolved documents and the list of reported changes.

Walkers only name a rule of :mod:`scraper.diff.rules` and pass its values; :meth:`Emitter.add` looks up the
severity (honouring ``--severity`` overrides) and renders the message, so no severity literal lives in a walker.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping
from typing import Any

from scraper.diff.model import Change, Severity, jsonable
from scraper.diff.rules import RULES, SCOPES, Scope, severity_of
from scraper.diff.schema import Resolver
from scraper.diff.version_segments import VersionSegments

__all__ = ["Emitter", "fmt", "iso"]


def fmt(value: Any) -> str:
    """A value as canonical JSON, for messages and for comparing values of any type."""
    return json.dumps(jsonable(value), sort_keys=True, ensure_ascii=False, default=str)


def iso(value: Any) -> str | None:
    """A YAML date or a string as text (``2026-05-31`` either way)."""
    if value is None:
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


def _version(document: dict[str, Any]) -> str | None:
    info = document.get("info")
    return iso(info.get("version")) if isinstance(info, dict) else None


class Emitter:
    """Holds the inputs and the output of one comparison."""

    def __init__(
        self,
        old: dict[str, Any],
        new: dict[str, Any],
        *,
        docs: bool,
        today: _dt.date | None,
        min_notice_days: int,
        overrides: Mapping[str, Severity],
    ) -> None:
        self.old = Resolver(old)
        self.new = Resolver(new)
        self.versions = VersionSegments.of(_version(old), _version(new))
        self.docs = docs
        self.today = today
        self.min_notice_days = min_notice_days
        self.overrides = overrides
        self.out: list[Change] = []

    def add(
        self,
        rule_id: str,
        operation: str | None,
        location: str,
        *,
        scope: Scope | None = None,
        old: Any = None,
        new: Any = None,
        **values: Any,
    ) -> None:
        """Report rule ``rule_id`` (a ``KeyError`` for an unregistered id: a bug, caught by the tests)."""
        rule = RULES[rule_id]
        side = SCOPES[scope] if scope is not None else None
        kind = f"{scope}-{rule_id}" if rule.scoped and scope is not None else rule_id
        severity = severity_of(rule, side, kind, self.overrides)
        message = rule.render(side, {"old": old, "new": new, **values})
        self.out.append(Change(kind, severity, operation, location, message, jsonable(old), jsonable(new)))

    def as_of(self) -> str:
        """How a sunset was judged, for messages: against ``today``, or not at all (then it counts as not passed)."""
        return f"as of {self.today.isoformat()}" if self.today is not None else "no reference date: not judged passed"

    def doc_change(self, op: str | None, location: str, field: str, old: Any, new: Any) -> None:
        """A documentation-only difference (reported only when ``docs`` is on)."""
        if self.docs and old != new:
            self.add(f"{field}-changed", op, location, old=old, new=new)
