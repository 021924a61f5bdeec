"""Changelog entries, semver bumps and CHANGELOG.md updates."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from scraper.diff.changelog import bump_version, changelog_entry, update_changelog


def spec() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Thing", "version": "1.1"},
        "paths": {
            "/v1/things": {
                "get": {
                    "operationId": "listThings",
                    "summary": "List things",
                    "x-source": {"page": "p.txt", "line": 10},
                    "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}],
                    "responses": {"200": {"description": "OK"}},
                }
            }
        },
    }


def op(document: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = document["paths"]["/v1/things"]["get"]
    return result


@pytest.mark.parametrize(
    ("version", "bump", "expected"),
    [
        ("1.4.2", "major", "2.0.0"),
        ("1.4.2", "minor", "1.5.0"),
        ("1.4.2", "patch", "1.4.3"),
        ("1.4.2", "none", "1.4.2"),
        ("0.9.12", "minor", "0.10.0"),
    ],
)
def test_bump_version(version: str, bump: Any, expected: str) -> None:
    assert bump_version(version, bump) == expected


@pytest.mark.parametrize("version", ["1.4", "v1.4.2", "1.4.2rc1", ""])
def test_bump_version_rejects_non_semver(version: str) -> None:
    with pytest.raises(ValueError, match=r"MAJOR\.MINOR\.PATCH"):
        bump_version(version, "patch")


def test_breaking_change_is_major() -> None:
    new = spec()
    op(new)["parameters"][0]["required"] = True
    entry, bump = changelog_entry(spec(), new, package_version="1.2.3")
    assert bump == "major"
    assert entry.splitlines()[0] == "## 2.0.0"
    assert "### Breaking changes" in entry
    assert "- `GET /v1/things` `parameter.query.limit`: parameter became required" in entry


def test_addition_is_minor() -> None:
    new = spec()
    op(new)["parameters"].append({"name": "offset", "in": "query", "schema": {"type": "integer"}})
    entry, bump = changelog_entry(spec(), new, package_version="1.2.3")
    assert bump == "minor"
    assert entry.splitlines()[0] == "## 1.3.0"
    assert "optional query parameter offset added" in entry


def test_deprecation_is_minor() -> None:
    new = spec()
    op(new)["deprecated"] = True
    assert changelog_entry(spec(), new, package_version="1.2.3")[1] == "minor"


def test_documentation_only_is_patch() -> None:
    new = spec()
    op(new)["summary"] = "List all things"
    entry, bump = changelog_entry(spec(), new, package_version="1.2.3")
    assert bump == "patch"
    assert entry.splitlines()[0] == "## 1.2.4"
    assert "summary changed" in entry


def test_metadata_only_is_patch_and_says_so() -> None:
    new = spec()
    op(new)["x-api-note"] = "carried by the package"
    entry, bump = changelog_entry(spec(), new, package_version="1.2.3")
    assert bump == "patch"
    assert "no API changes" in entry


def test_provenance_only_gets_no_entry() -> None:
    """A page moved, was renamed or re-anchored: no API change, so no changelog entry and no version bump."""
    new = spec()
    op(new)["x-source"] = {"page": "q.txt", "url": "https://docs/q#list-things", "heading": "List Things"}
    assert changelog_entry(spec(), new, package_version="1.2.3") == ("", "none")


def test_nothing_changed_is_none_and_empty() -> None:
    assert changelog_entry(spec(), copy.deepcopy(spec()), package_version="1.2.3") == ("", "none")


def test_first_release() -> None:
    entry, bump = changelog_entry(None, spec(), package_version="1.0.0")
    assert bump == "none"
    assert entry == "## 1.0.0\n\nInitial release: Thing 1.1, 1 operations.\n"


def test_update_changelog_prepends_and_is_idempotent() -> None:
    first = update_changelog(None, "## 1.0.0\n\nInitial release.\n")
    assert first == "# Changelog\n\n## 1.0.0\n\nInitial release.\n"
    second = update_changelog(first, "## 1.1.0\n\n- added a thing\n")
    assert second == "# Changelog\n\n## 1.1.0\n\n- added a thing\n\n## 1.0.0\n\nInitial release.\n"
    assert update_changelog(second, "## 1.1.0\n\n- added a thing\n") == second
    replaced = update_changelog(second, "## 1.1.0\n\n- added two things\n")
    assert replaced.count("## 1.1.0") == 1 and "two things" in replaced and "## 1.0.0" in replaced
    assert update_changelog(second, "") == second


def test_update_changelog_keeps_preamble_and_orders_entries_as_given() -> None:
    text = "# Changelog\n\nAll notable changes.\n\n## 1.0.0\n\nfirst\n"
    out = update_changelog(text, "## 1.2.0\n\nc\n", "## 1.1.0\n\nb\n")
    assert out == "# Changelog\n\nAll notable changes.\n\n## 1.2.0\n\nc\n\n## 1.1.0\n\nb\n\n## 1.0.0\n\nfirst\n"


def test_regeneration_is_reproducible() -> None:
    new = spec()
    op(new)["parameters"].append({"name": "offset", "in": "query", "schema": {"type": "integer"}})
    runs = {changelog_entry(spec(), copy.deepcopy(new), package_version="2.0.0") for _ in range(3)}
    assert len(runs) == 1
