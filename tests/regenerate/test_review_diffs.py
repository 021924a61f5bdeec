"""A regeneration's diff is proportional to the change: one edited table row of a page changes that operation in
the spec, and that operation's code and contract data in the package (plus its version and changelog), nothing
else. Provenance carries no line numbers, so unrelated operations and models do not move."""

from __future__ import annotations

import difflib
import json
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

from scraper.regenerate import regenerate
from tests.paths import ROOT

PAGE = "scp/000_65c2559a52e6e5c4.txt"
CATALOG = f"""
[[page]]
file = "{PAGE}"
url = "https://docs.example/scp/parallel-filestorage/_print"
provider = "scp"
format = "text"
services = ["parallel-filestorage"]
capture = 1
"""
ROW = "| query | name optional | Volume Name Example : my_volume"
EDITED = "| query | name required | Volume Name Example : my_volume"
PACKAGE = "generated/scp-parallel-filestorage"
SPEC = "spec/scp/parallel-filestorage"


def _snapshot(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for folder in ("spec", "generated")
        for p in sorted((root / folder).rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def _changed_lines(old: str, new: str) -> list[int]:
    """0-based indexes of the lines of ``new`` that a diff adds or replaces, and for pure deletions the line after."""
    matcher = difflib.SequenceMatcher(a=old.splitlines(), b=new.splitlines(), autojunk=False)
    out: list[int] = []
    for tag, _i1, _i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            out.extend(range(j1, max(j2, j1 + 1)))
    return out


def _enclosing(lines: list[str], index: int, pattern: str) -> str | None:
    """The first group of the nearest line at or above ``index`` matching ``pattern``."""
    for line in reversed(lines[: index + 1]):
        if match := re.match(pattern, line):
            return match.group(1)
    return None


def _operation_at(lines: list[str], index: int) -> tuple[str | None, str | None]:
    return _enclosing(lines, index, r"^  (/\S*):$"), _enclosing(lines, index, r"^    (get|put|post|delete|patch):")


def test_one_edited_row_changes_only_that_operation(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    (pages / PAGE).parent.mkdir(parents=True)
    shutil.copy(ROOT / "pages" / PAGE, pages / PAGE)
    (pages / "catalog.toml").write_text(CATALOG, encoding="utf-8")
    paths = {"spec_dir": tmp_path / "spec", "generated_dir": tmp_path / "generated"}
    assert regenerate(catalog_path=pages / "catalog.toml", **paths) == 0
    before = _snapshot(tmp_path)

    text = (pages / PAGE).read_text(encoding="utf-8")
    assert text.count(ROW) == 1
    # the row edited, and every line of the page one further down (a blank line on top), as an edit that adds or
    # removes lines moves everything after it: no provenance may depend on that
    (pages / PAGE).write_text("\n" + text.replace(ROW, EDITED), encoding="utf-8")
    assert regenerate(catalog_path=pages / "catalog.toml", **paths) == 0
    after = _snapshot(tmp_path)

    changed = {rel for rel in before.keys() | after.keys() if before.get(rel) != after.get(rel)}
    package = "scp_parallel_filestorage"
    assert changed == {
        "spec/.regenerate.json",
        f"{SPEC}/1.0.yaml",
        f"{SPEC}/findings.json",
        f"{SPEC}/FINDINGS.md",
        f"{PACKAGE}/pyproject.toml",
        f"{PACKAGE}/CHANGELOG.md",
        f"{PACKAGE}/{package}/v1_0/client.py",
        f"{PACKAGE}/tests/test_contract_{package}_v1_0.json",
    }

    # the spec: only GET /v1/volumes
    spec_lines = after[f"{SPEC}/1.0.yaml"].splitlines()
    touched = {
        _operation_at(spec_lines, i) for i in _changed_lines(before[f"{SPEC}/1.0.yaml"], after[f"{SPEC}/1.0.yaml"])
    }
    assert touched == {("/v1/volumes", "get")}

    # the findings: their lines moved (findings keep line numbers), otherwise only those of that operation changed
    def findings(snapshot: dict[str, str]) -> list[dict[str, Any]]:
        loaded: list[dict[str, Any]] = json.loads(snapshot[f"{SPEC}/findings.json"])["findings"]
        unplaced = [{k: v for k, v in f.items() if k != "line"} for f in loaded]
        return [dict(f, message=re.sub(r"(lines? |\.txt:)\d+(-\d+)?", r"\1N", f["message"])) for f in unplaced]

    old_findings, new_findings = findings(before), findings(after)
    difference = [f for f in new_findings if f not in old_findings] + [f for f in old_findings if f not in new_findings]
    assert difference and {f["subject"] for f in difference} == {"parallel-filestorage:GET /v1/volumes"}

    # the code: only the methods of that operation (sync and async, plain and paging)
    code = after[f"{PACKAGE}/{package}/v1_0/client.py"].splitlines()
    methods = {
        _enclosing(code, i, r"^    (?:async )?def (\w+)")
        for i in _changed_lines(before[f"{PACKAGE}/{package}/v1_0/client.py"], "\n".join(code))
    }
    assert methods and all(m is not None and m.endswith("list_volumes") for m in methods), methods

    # the contract data: only that operation's cases
    def cases(snapshot: dict[str, str]) -> dict[str, list[Any]]:
        data = json.loads(snapshot[f"{PACKAGE}/tests/test_contract_{package}_v1_0.json"])
        return {key: value for key, value in data.items() if isinstance(value, list)}

    old_cases, new_cases = cases(before), cases(after)
    for key in old_cases:
        moved = [c for c in new_cases[key] if c not in old_cases[key]] + [
            c for c in old_cases[key] if c not in new_cases[key]
        ]
        assert {c["name"] for c in moved} <= {"list_volumes"}, key

    # version and changelog: one breaking change, named
    assert 'version = "2.0.0"' in after[f"{PACKAGE}/pyproject.toml"]
    entry = after[f"{PACKAGE}/CHANGELOG.md"].split("## 1.0.0")[0]
    assert "`GET /v1/volumes` `parameter.query.name`: parameter became required" in entry
    spec = yaml.safe_load(after[f"{SPEC}/1.0.yaml"])
    assert spec["paths"]["/v1/volumes"]["get"]["x-source"] == {
        "page": "pages/" + PAGE,
        "url": "https://docs.example/scp/parallel-filestorage/_print#list-volumes",
        "heading": "List volumes / 1.0",
    }
