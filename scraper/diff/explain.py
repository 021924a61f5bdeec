"""Changes said the way a reader of a diff or CHANGELOG needs them, after :func:`scraper.diff.compare.compare`.

Two rewrites, neither of which changes what is detected or how severe it is:

- a deprecation is one line: ``operation-deprecated`` absorbs the status change to DEPRECATED and the sunset that
  come with it (``operation deprecated (was CURRENT; sunset 2026-12-31)``) instead of three entries;
- an operation that left an API version because its newest page became DEPRECATED says so: the version policy
  (see README, Policies) carries an operation forward into later versions only while its newest page is CURRENT or
  SUPPORTED, so when the page is deprecated the operation disappears from the later versions. Given the service's
  other API versions (``siblings``), the removal names the version whose page deprecated it and its sunset.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from scraper.diff.model import Change

__all__ = ["explain"]


def _is_status_to_deprecated(change: Change) -> bool:
    # the status rule's kind says the new status (operation-status-deprecated) or not (operation-status-changed)
    return change.kind.startswith("operation-status") and change.new == "DEPRECATED"


_NUMBER = re.compile(r"\d+")


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(n) for n in _NUMBER.findall(version))


def _operation(doc: Mapping[str, Any], operation: str) -> dict[str, Any] | None:
    method, _, path = operation.partition(" ")
    item = (doc.get("paths") or {}).get(path)
    found = item.get(method.lower()) if isinstance(item, dict) else None
    return found if isinstance(found, dict) else None


def _merge_deprecations(changes: Sequence[Change]) -> list[Change]:
    deprecated = {c.operation for c in changes if c.kind == "operation-deprecated"}
    by_operation: dict[str | None, list[Change]] = {}
    for change in changes:
        by_operation.setdefault(change.operation, []).append(change)
    out: list[Change] = []
    for change in changes:
        if change.operation in deprecated and (
            change.kind == "operation-sunset-set" or _is_status_to_deprecated(change)
        ):
            continue
        if change.kind == "operation-deprecated":
            related = by_operation[change.operation]
            was = next((c.old for c in related if _is_status_to_deprecated(c)), None)
            sunset = next((c.new for c in related if c.kind == "operation-sunset-set"), None)
            notes = [f"was {was}" if was else "", f"sunset {sunset}" if sunset else ""]
            detail = "; ".join(n for n in notes if n)
            change = replace(change, message=f"operation deprecated ({detail})" if detail else change.message)
        out.append(change)
    return out


def _why_removed(change: Change, version: str, siblings: Mapping[str, Mapping[str, Any]]) -> Change:
    """``operation-removed`` from ``version`` explained by a DEPRECATED page of an earlier version, if there is one."""
    if change.kind != "operation-removed" or change.operation is None:
        return change
    earlier = sorted((v for v in siblings if _version_key(v) < _version_key(version)), key=_version_key, reverse=True)
    for other in earlier:
        op = _operation(siblings[other], change.operation)
        if op is None:
            continue
        if str(op.get("x-api-status", "")).upper() != "DEPRECATED":
            return change
        page = op.get("x-doc-version") or other
        sunset = f", sunset {op['x-sunset']}" if op.get("x-sunset") else ""
        message = (
            f"operation removed: its newest page (API {page}) is DEPRECATED{sunset}, so it is no longer carried "
            f"into API {version}"
        )
        return replace(change, message=message)
    return change


def explain(
    changes: Sequence[Change], *, version: str | None = None, siblings: Mapping[str, Mapping[str, Any]] | None = None
) -> list[Change]:
    """``changes`` of one API ``version`` rewritten for readers (see the module docstring); ``siblings`` maps the
    service's other API versions to their new documents."""
    out = _merge_deprecations(changes)
    if version is not None and siblings:
        out = [_why_removed(c, version, siblings) for c in out]
    return out
