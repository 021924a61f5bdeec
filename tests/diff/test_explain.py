"""Changes explained for readers: a deprecation is one line with its sunset, and an operation that left a later API
version because its newest page became DEPRECATED says which version and which sunset."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from scraper.cli import main
from scraper.diff.changelog import changelog_entry
from scraper.diff.compare import compare
from scraper.diff.explain import explain
from tests import paths

DEMO = paths.FIXTURES / "openapi" / "scp" / "demoserver" / "1.1.yaml"
OP = ("/v1/servers", "get")


def _spec(version: str = "1.1") -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    doc["info"]["version"] = version
    for item in doc["paths"].values():
        for op in item.values():
            op["x-doc-version"] = version  # every operation read from this version's page
    return doc


def _deprecate(doc: dict[str, Any], sunset: str = "2026-12-31") -> dict[str, Any]:
    out = copy.deepcopy(doc)
    op = out["paths"][OP[0]][OP[1]]
    op.update({"deprecated": True, "x-api-status": "DEPRECATED", "x-sunset": sunset})
    return out


def test_a_deprecation_is_one_line_with_its_sunset() -> None:
    old = _spec()
    assert old["paths"][OP[0]][OP[1]]["x-api-status"] == "CURRENT"
    raw = compare(old, _deprecate(old))
    assert len([c for c in raw if c.operation == "GET /v1/servers"]) == 3  # what compare reports
    (change,) = explain(raw)
    assert (change.kind, change.severity) == ("operation-deprecated", "deprecation")
    assert change.message == "operation deprecated (was CURRENT; sunset 2026-12-31)"
    entry, bump = changelog_entry(old, _deprecate(old), package_version="1.0.0")
    assert bump == "minor"
    bullets = [line for line in entry.splitlines() if line.startswith("- ")]
    assert bullets == ["- `GET /v1/servers` `deprecated`: operation deprecated (was CURRENT; sunset 2026-12-31)"]
    assert "1 deprecation" in entry


def test_a_removal_names_the_deprecated_page_and_its_sunset() -> None:
    """1.0's page of the operation became DEPRECATED: the carried copy leaves 1.1, and the entry says why."""
    old_11 = _spec("1.1")
    new_11 = copy.deepcopy(old_11)
    del new_11["paths"][OP[0]][OP[1]]
    new_10 = _deprecate(_spec("1.0"), sunset="2027-03-31")
    entry, bump = changelog_entry(old_11, new_11, package_version="1.2.0", siblings={"1.0": new_10, "1.1": new_11})
    assert bump == "major"
    expected = (
        "- `GET /v1/servers`: operation removed: its newest page (API 1.0) is DEPRECATED, sunset 2027-03-31, "
        "so it is no longer carried into API 1.1"
    )
    assert expected in entry.splitlines()
    # without a deprecated page behind it, a removal stays a plain removal
    plain, _ = changelog_entry(old_11, new_11, package_version="1.2.0", siblings={"1.1": new_11})
    assert "- `GET /v1/servers`: operation removed" in plain.splitlines()


def test_diff_of_two_trees_explains_the_removal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old_dir, new_dir = tmp_path / "old" / "scp" / "demo", tmp_path / "new" / "scp" / "demo"
    old_dir.mkdir(parents=True)
    new_dir.mkdir(parents=True)
    old_10, old_11 = _spec("1.0"), _spec("1.1")
    new_10 = _deprecate(old_10, sunset="2027-03-31")
    new_11 = copy.deepcopy(old_11)
    del new_11["paths"][OP[0]][OP[1]]
    for folder, docs in ((old_dir, (old_10, old_11)), (new_dir, (new_10, new_11))):
        for doc in docs:
            (folder / f"{doc['info']['version']}.yaml").write_text(yaml.safe_dump(doc), encoding="utf-8")
    assert main(["diff", str(tmp_path / "old"), str(tmp_path / "new")]) == 0
    out = capsys.readouterr().out
    assert "  scp/demo/1.0: 1 deprecation" in out
    assert "operation deprecated (was CURRENT; sunset 2027-03-31)" in out
    assert "operation removed: its newest page (API 1.0) is DEPRECATED, sunset 2027-03-31" in out
