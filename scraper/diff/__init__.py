"""Comparing OpenAPI documents: classified changes, their renderings, changelog entries and version bumps.

Public API::

    compare(old, new, *, docs=False) -> list[Change]
    render(changes, fmt, *, old_label, new_label) -> str
    changelog_entry(old, new, *, package_version) -> tuple[str, Bump]
    bump_version(version, bump) -> str
    update_changelog(text, *entries) -> str
"""

from scraper.diff.changelog import Bump, bump_for, bump_version, changelog_entry, update_changelog
from scraper.diff.compare import compare
from scraper.diff.model import SEVERITIES, Change, Severity
from scraper.diff.render import render

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
