"""Changelog entries and semantic version bumps from two versions of one spec.

``make regenerate`` compares each new spec with the previously committed one:

- ``major`` when anything breaks (see :mod:`scraper.diff.rules`);
- ``minor`` for additions and deprecations (new operations, optional parameters, response fields, enum values...);
- ``patch`` for documentation-only changes (summaries, descriptions, examples, tags) and for other metadata the
  generated package carries, so a package whose content changed never keeps its version;
- ``none`` when the two documents are equal or differ only in provenance (``x-source``: which page, URL and
  heading an entry was read from); then no entry is written and the version stays. A CHANGELOG lists API changes
  only, so a reviewer reads no "metadata changed" noise.

Entries are headed by the package version they describe, never by a date, so regenerating from the same inputs
gives byte-identical changelogs; :func:`update_changelog` replaces a section with the same heading instead of
adding a second one, so running it twice changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from scraper.diff.compare import compare
from scraper.diff.explain import explain
from scraper.diff.model import Change, jsonable
from scraper.diff.render import SEVERITY_HEADINGS, markdown_items, summary

__all__ = ["Bump", "bump_for", "bump_version", "changelog_entry", "changelog_entry_and_changes", "update_changelog"]

Bump = Literal["major", "minor", "patch", "none"]

_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
_TITLE = "# Changelog"


def bump_for(changes: Sequence[Change]) -> Bump:
    """The semver bump a list of changes calls for (``none`` for an empty list)."""
    severities = {c.severity for c in changes}
    if "breaking" in severities:
        return "major"
    if severities & {"deprecation", "non-breaking"}:
        return "minor"
    return "patch" if changes else "none"


def bump_version(version: str, bump: Bump) -> str:
    """``1.4.2`` bumped: major ``2.0.0``, minor ``1.5.0``, patch ``1.4.3``, none ``1.4.2``.

    Only plain ``MAJOR.MINOR.PATCH`` is accepted; a generated package has no pre-release or local parts to carry.
    """
    match = _VERSION.match(version)
    if match is None:
        raise ValueError(f"package version {version!r}: expected MAJOR.MINOR.PATCH, e.g. 1.0.0")
    major, minor, patch = (int(g) for g in match.groups())
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    if bump == "patch":
        return f"{major}.{minor}.{patch + 1}"
    if bump == "none":
        return version
    raise ValueError(f"bump {bump!r}: expected major, minor, patch or none")


def _api_name(doc: dict[str, Any]) -> str:
    info = doc.get("info") or {}
    return f"{info.get('title', 'API')} {info.get('version', '')}".strip()


def changelog_entry(
    old: dict[str, Any] | None,
    new: dict[str, Any],
    *,
    package_version: str,
    siblings: Mapping[str, Mapping[str, Any]] | None = None,
) -> tuple[str, Bump]:
    """The Markdown section describing ``old`` -> ``new`` and the bump it calls for.

    ``package_version`` is the version of the package built from ``old``; the entry is headed by the bumped
    version. With ``old=None`` (first release) the entry is headed by ``package_version`` itself and the bump is
    ``none``. When nothing changed the entry is ``""`` and the bump ``none``: write an entry only when it is
    non-empty. ``siblings`` (the service's other API versions, new documents by version) let a removal say why
    (see :mod:`scraper.diff.explain`).
    """
    entry, bump, _ = changelog_entry_and_changes(old, new, package_version=package_version, siblings=siblings)
    return entry, bump


def changelog_entry_and_changes(
    old: dict[str, Any] | None,
    new: dict[str, Any],
    *,
    package_version: str,
    siblings: Mapping[str, Mapping[str, Any]] | None = None,
) -> tuple[str, Bump, list[Change]]:
    """:func:`changelog_entry` and the changes its entry lists (what the package's client-side release rules must
    not list again, :mod:`scraper.diff.change_scope`)."""
    if old is None:
        count = sum(
            1 for item in (new.get("paths") or {}).values() if isinstance(item, dict) for key in item if key in _METHODS
        )
        return f"## {package_version}\n\nInitial release: {_api_name(new)}, {count} operations.\n", "none", []
    version = str((new.get("info") or {}).get("version", ""))
    changes = explain(compare(old, new, docs=True), version=version, siblings=siblings)
    bump = bump_for(changes)
    if bump == "none" and _without_provenance(jsonable(old)) != _without_provenance(jsonable(new)):
        bump = "patch"
    if bump == "none":
        return "", "none", []
    version = bump_version(package_version, bump)
    lines = [f"## {version}", ""]
    if not changes:
        lines.append(f"Regenerated from {_api_name(new)}: metadata changed; no API changes.")
        return "\n".join(lines) + "\n", bump, []
    counts = ", ".join(f"{n} {severity}" for severity, n in summary(changes).items() if n)
    lines.append(f"{_api_name(new)} ({bump} release: {counts}).")
    for severity, heading in SEVERITY_HEADINGS.items():
        group = [c for c in changes if c.severity == severity]
        if group:
            lines += ["", f"### {heading}", ""]
            lines += markdown_items(group)
    return "\n".join(lines) + "\n", bump, changes


def _without_provenance(value: Any) -> Any:
    """``value`` without its ``x-source`` entries, at any depth (provenance is not part of the API)."""
    if isinstance(value, dict):
        return {k: _without_provenance(v) for k, v in value.items() if k != "x-source"}
    if isinstance(value, list):
        return [_without_provenance(v) for v in value]
    return value


_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})


def update_changelog(text: str | None, *entries: str) -> str:
    """``text`` (a ``CHANGELOG.md`` or ``None``) with ``entries`` on top, newest first as given.

    A section whose ``## `` heading equals an entry's heading is replaced rather than duplicated; empty entries
    are ignored. The result always starts with ``# Changelog`` and ends with one newline.
    """
    preamble, sections = _split(text or "")
    new_sections = [e.strip() + "\n" for e in entries if e.strip()]
    headings = {s.splitlines()[0].strip() for s in new_sections}
    kept = [s for s in sections if s.splitlines()[0].strip() not in headings]
    head = preamble.strip() or _TITLE
    body = [s.rstrip() for s in (*new_sections, *kept)]
    return "\n\n".join([head, *body]) + "\n"


def _split(text: str) -> tuple[str, list[str]]:
    """Preamble (up to the first ``## `` heading) and the ``## `` sections, each starting with its heading."""
    preamble: list[str] = []
    sections: list[list[str]] = []
    in_fence = False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        if line.startswith("## ") and not in_fence:
            sections.append([line])
        elif sections:
            sections[-1].append(line)
        else:
            preamble.append(line)
    return "\n".join(preamble), ["\n".join(s) for s in sections]
