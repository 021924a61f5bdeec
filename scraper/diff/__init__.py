"""Comparing OpenAPI documents: classified changes, their renderings, changelog entries and version bumps.

Public API::

    compare(old, new, *, docs=False, today=None, severities=None) -> list[Change]
    render(changes, fmt, *, old_label, new_label) -> str
    changelog_entry(old, new, *, package_version) -> tuple[str, Bump]
    bump_version(version, bump) -> str
    update_changelog(text, *entries) -> str

The changelog's names are imported on first use, so that ``docs2client diff`` does not load them. ``compare`` and
``render`` are imported here: they share their names with their modules, and importing a submodule later would
otherwise replace the function with the module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scraper.diff.compare import compare
from scraper.diff.model import SEVERITIES, Change, Severity
from scraper.diff.render import render
from scraper.lazy_exports import exports_on_first_use

if TYPE_CHECKING:  # pragma: no cover - for type checkers and readers; at run time see __getattr__
    from scraper.diff.changelog import Bump, bump_for, bump_version, changelog_entry, update_changelog

_HOMES = {
    "Bump": "scraper.diff.changelog",
    "bump_for": "scraper.diff.changelog",
    "bump_version": "scraper.diff.changelog",
    "changelog_entry": "scraper.diff.changelog",
    "update_changelog": "scraper.diff.changelog",
}

__all__ = [
    "SEVERITIES",
    "Bump",
    "Change",
    "Severity",
    "bump_for",
    "bump_version",
    "changelog_entry",
    "compare",
    "render",
    "update_changelog",
]


__getattr__ = exports_on_first_use(__name__, _HOMES)
