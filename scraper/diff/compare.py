"""Structural comparison of two OpenAPI 3.0/3.1 documents: :func:`compare` returns classified :class:`Change`s.

Operations are matched by method and path *template* (``/v1/images/{image_id}`` matches ``/v1/images/{id}``);
parameters by location and name (path parameters by position); schemas by resolved shape, never by ``$ref`` name, so
moving a model to another component name changes nothing unless its shape changes.

The walk is split by what it walks: :mod:`~scraper.diff.walk_schemas`, :mod:`~scraper.diff.walk_document` (info,
servers, security, components, lifecycle) and :mod:`~scraper.diff.walk_operations`; the severities and messages
live in the rule registry, :mod:`scraper.diff.rules`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

from scraper.diff.model import Change, Severity
from scraper.diff.walk_operations import METHODS, OperationWalker

__all__ = ["DEFAULT_MIN_NOTICE_DAYS", "compare"]

#: a sunset set or moved closer than this to ``today`` is ``sunset-too-soon``
DEFAULT_MIN_NOTICE_DAYS = 90


class _Comparer(OperationWalker):
    def run(self, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
        self._init_schemas()
        self.info(old.get("info") or {}, new.get("info") or {})
        self.servers(old.get("servers"), new.get("servers"), None, "servers")
        self.security(old.get("security"), new.get("security"), None, "security")
        self.components(old, new)
        self.operations(old, new)
        return sorted(self.out, key=_sort_key)


def _sort_key(change: Change) -> tuple[Any, ...]:
    if change.operation is None:
        return (0, "", 0, change.location, change.kind, change.message)
    method, _, path = change.operation.partition(" ")
    return (1, path, METHODS.index(method.lower()), change.location, change.kind, change.message)


def compare(
    old: dict[str, Any],
    new: dict[str, Any],
    *,
    docs: bool = False,
    today: _dt.date | None = None,
    min_notice_days: int = DEFAULT_MIN_NOTICE_DAYS,
    severities: Mapping[str, Severity] | None = None,
) -> list[Change]:
    """Every difference between two OpenAPI 3.0/3.1 documents, classified and in a deterministic order.

    Document-level changes (info, servers, components) come first, then operations by path and method, each by
    location. With ``docs=True`` documentation-only differences (summaries, descriptions, examples, tags, titles)
    are reported too, as ``info``; the changelog uses them to decide on a patch release. ``today`` lets sunsets be
    judged (a removal after the sunset is the end of a deprecation; a sunset too close is flagged); ``severities``
    overrides the registry's levels per rule id or reported kind.
    """
    comparer = _Comparer(
        old, new, docs=docs, today=today, min_notice_days=min_notice_days, overrides=dict(severities or {})
    )
    return comparer.run(old, new)
