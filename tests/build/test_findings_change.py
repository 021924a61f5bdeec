"""A rebuild says what changed in a service's findings, apart from findings that only moved to other lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from scraper.build.findings_change import FindingsChange, compare_findings
from tests.paths import ROOT


def _file(*findings: dict[str, Any]) -> bytes:
    return json.dumps({"provider": "nhn", "service": "x", "findings": list(findings)}).encode()


def _finding(line: int, message: str = "a doubt", kind: str = "table-repair") -> dict[str, Any]:
    return {"kind": kind, "page": "p.md", "line": line, "subject": "GET /x", "message": message}


def test_moved_new_and_gone_are_told_apart() -> None:
    old = _file(_finding(10), _finding(20, "see p.md:12"), _finding(30, "gone soon"))
    new = _file(_finding(13), _finding(23, "see p.md:15"), _finding(40, "new doubt"))
    assert compare_findings(old, new) == FindingsChange(new=1, gone=1, moved=2)
    assert str(compare_findings(old, new)) == "findings: 1 new, 1 gone, 2 only moved to other lines"


def test_nothing_to_say() -> None:
    same = _file(_finding(1))
    assert compare_findings(same, same) is None
    assert compare_findings(b"not json", same) is None
    assert compare_findings(_file(_finding(1)), _file(_finding(1), _finding(1))) == FindingsChange(1, 0, 0)


def test_spec_prints_the_change_of_a_page_edit(tmp_path: Path) -> None:
    """A paragraph added at the top of a guide moves every finding below it: the build says they only moved."""
    page = tmp_path / "kms.md"
    lines = (ROOT / "pages" / "nhn" / "kms__en__api-guide-v1.3.md").read_text(encoding="utf-8").split("\n")
    page.write_text("\n".join(lines), encoding="utf-8")
    command = [sys.executable, "-m", "scraper.cli", "spec", str(page), "--out", str(tmp_path / "out")]
    first = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "findings:" not in first.stdout  # nothing before to compare with
    page.write_text("\n".join([*lines[:3], "", "An added paragraph.", "", *lines[3:]]), encoding="utf-8")
    second = subprocess.run(command, capture_output=True, text=True, check=True)
    (line,) = [text for text in second.stdout.splitlines() if "findings:" in text]
    assert line.startswith("  findings: 0 new, 0 gone, ") and line.endswith(" only moved to other lines"), line
