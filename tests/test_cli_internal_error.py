"""A bug of docs2client ends the run with one located line and exit status 70, never a traceback (bad input has its
own one-line errors); ``DOCS2CLIENT_TRACEBACK=1`` shows the traceback for whoever fixes it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from scraper.cli import INTERNAL_ERROR
from tests.paths import ROOT

# A command whose run() fails as a bug would (an exception no reader or generator catches), with a secret in its
# message, run through the console script's entry point exactly as `docs2client` runs.
_SCRIPT = """
import sys, types
import scraper.cli as cli
broken = types.ModuleType("broken_command")
broken.configure = lambda parser: None
def run(args):
    raise KeyError("https://user:hunter2@example.test/x was not expected")
broken.run = run
sys.modules["broken_command"] = broken
cli.COMMANDS["broken"] = ("broken_command", "fails as a bug would")
sys.argv = ["docs2client", "broken"]
cli.entry()
"""


def _run(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _SCRIPT],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **env},
        check=False,
    )


def test_a_bug_is_one_line_without_credentials(tmp_path: Path) -> None:
    run = _run(tmp_path)
    assert run.returncode == INTERNAL_ERROR
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in run.stderr
    assert lines[0].startswith("error: internal error (KeyError: ") and "docs2client bug" in lines[0]
    assert "hunter2" not in run.stderr and "example.test" in run.stderr


def test_the_traceback_on_request(tmp_path: Path) -> None:
    run = _run(tmp_path, DOCS2CLIENT_TRACEBACK="1")
    assert run.returncode == 1 and "Traceback (most recent call last)" in run.stderr
