"""The diff on shapes seen in real release pairs (NHN guides' git history, APIs-guru's versions), each a short
synthetic pair in ``tests/fixtures/diff-real/`` whose README names where the shape was seen.

Judged as a maintainer reviewing a release reads the report: what it says changed must be what changed, at the
level the rules table gives, and nothing a version diff necessarily changes may bury it.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from scraper.diff.compare import compare
from scraper.diff.model import Change
from scraper.diff.render import render_markdown, render_text
from tests.paths import FIXTURES

PAIRS = FIXTURES / "diff-real"


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def pair(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    return load(PAIRS / name / "old.yaml"), load(PAIRS / name / "new.yaml")


def triples(changes: list[Change]) -> list[tuple[str, str, str | None, str]]:
    return [(c.kind, c.severity, c.operation, c.location) for c in changes]


def test_folded_operation_changes_have_no_empty_place() -> None:
    """Gamebase (8 operations added in one edit): the text rendering printed ``8 operations, : operation added``."""
    old = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}}
    new = copy.deepcopy(old)
    for n in range(6):
        new["paths"][f"/things/{n}"] = {"get": {"responses": {"200": {"description": "OK"}}}}
    changes = compare(old, new)
    text = render_text(changes)
    assert "6 operations: operation added [operation-added]" in text
    assert ", :" not in text
    assert "- 6 operations: operation added" in render_markdown(changes)


def test_format_added_or_removed_names_the_format_once() -> None:
    """NAS (Online NAS guide, 2026-05): ``format uri -> None [parameter-format-removed]``."""

    def document(fmt: str | None) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string"} | ({"format": fmt} if fmt else {})
        parameter = {"name": "volume_id", "in": "path", "required": True, "schema": schema}
        return {
            "openapi": "3.1.0",
            "info": {"title": "T", "version": "1"},
            "paths": {"/v/{volume_id}": {"get": {"parameters": [parameter], "responses": {}}}},
        }

    removed = compare(document("uri"), document(None))
    added = compare(document(None), document("uri"))
    assert [c.message for c in removed] == ["format uri removed"]
    assert [c.message for c in added] == ["format uri added"]


def test_a_value_one_side_lacks_reads_none_in_words() -> None:
    """Deploy (guide of 2024-02): an operationId a page gained was ``operationId None -> binaryUpload``."""

    def document(**op: Any) -> dict[str, Any]:
        return {
            "openapi": "3.1.0",
            "info": {"title": "T", "version": "1"},
            "paths": {"/upload": {"post": {"responses": {}, **op}}},
        }

    [change] = compare(document(), document(operationId="binaryUpload"))
    assert change.message == "operationId (none) -> binaryUpload (generated method names change)"
    assert change.old is None  # the JSON rendering keeps the value itself
