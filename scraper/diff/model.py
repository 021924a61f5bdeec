"""What a diff produces: one :class:`Change` per observed difference, classified by :data:`Severity`.

A change is plain data (kind, severity, where, message, old and new value) so that the renderers, the changelog and
``--fail-on`` all work from the same list, and so that JSON output is a faithful dump of it.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["SEVERITIES", "Change", "Severity", "jsonable", "severity_rank"]

Severity = Literal["breaking", "deprecation", "non-breaking", "info"]

#: Most severe first; also the order in which renderers group changes.
SEVERITIES: tuple[Severity, ...] = ("breaking", "deprecation", "non-breaking", "info")

_RANK: dict[str, int] = {"breaking": 3, "deprecation": 2, "non-breaking": 1, "info": 0}


def severity_rank(severity: str) -> int:
    """3 for breaking down to 0 for info, so that ``rank(a) >= rank(b)`` means "at least as severe"."""
    return _RANK[severity]


def jsonable(value: Any) -> Any:
    """``value`` with YAML-only scalars (dates, datetimes) turned into ISO strings, recursively."""
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between two OpenAPI documents.

    ``kind`` is a stable identifier (``request-property-required-added``, ``operation-removed``...) meant for
    machines and tests; ``message`` is for people. ``operation`` is ``"POST /v1/images"`` or ``None`` for
    document-level changes (info, servers, components). ``location`` is JSON-pointer-ish inside the operation:
    ``request.body.tags[].key``, ``response.200.body.volumes``, ``parameter.query.limit``.
    """

    kind: str
    severity: Severity
    operation: str | None
    location: str
    message: str
    old: Any = None
    new: Any = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "operation": self.operation,
            "location": self.location,
            "message": self.message,
            "old": jsonable(self.old),
            "new": jsonable(self.new),
        }
