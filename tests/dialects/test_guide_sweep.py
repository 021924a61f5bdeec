"""The guide sweep (``python -m tests.dialects.guide_sweep``) on committed guides and on pages that are not guides."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.dialects.guide_sweep import main, sweep
from tests.paths import FIXTURES

GUIDES = FIXTURES / "nhn" / "unseen" / "guides"


def test_guides_read_and_garbage_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.md"
    garbage.write_bytes(b"\x00\xff\xfe not a guide \x00" * 100)
    empty = tmp_path / "empty.html"
    empty.write_text("", encoding="utf-8")
    guide = GUIDES / "Security-Groups__ko__public-api.md"
    outcomes = {Path(o.page).name: o for o in sweep([guide, garbage, empty], jobs=2, timeout=120)}
    ok = outcomes[guide.name]
    assert ok.status == "ok" and ok.operations == 10 and ok.versions == 1 and ok.findings > 0
    for name in ("garbage.md", "empty.html"):
        assert outcomes[name].status == "error", outcomes[name]
        assert outcomes[name].message and "Traceback" not in outcomes[name].message


def test_the_command_line_summarises_and_exits_zero_without_tracebacks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "sweep.json"
    assert main([str(GUIDES / "ShortURL__ko__api-guide.md"), "--jobs", "1", "--json", str(report)]) == 0
    out = capsys.readouterr().out
    assert "1 pages: 1 ok, 0 error, 0 traceback, 0 timeout; 3 operations" in out
    assert '"status": "ok"' in report.read_text(encoding="utf-8")
