"""``docs2client diff`` of two spec directories or a directory at a git revision: one summary per service and
version, Markdown ready for a pull request, versions added or removed named."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from scraper.cli import main
from tests import paths

DEMO = paths.FIXTURES / "openapi" / "scp" / "demoserver"


def _tree(root: Path) -> Path:
    """``root/spec/scp/demoserver/{1.0,1.1}.yaml`` plus its findings.json (not a spec: skipped)."""
    target = root / "spec" / "scp" / "demoserver"
    shutil.copytree(DEMO, target)
    return root / "spec"


def _make_breaking(spec_dir: Path) -> None:
    path = spec_dir / "scp" / "demoserver" / "1.1.yaml"
    text = path.read_text(encoding="utf-8")
    assert "required: false" in text
    path.write_text(text.replace("required: false", "required: true", 1), encoding="utf-8")


def test_two_directories_one_summary_per_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = _tree(tmp_path / "old"), _tree(tmp_path / "new")
    _make_breaking(new)
    (new / "scp" / "demoserver" / "1.0.yaml").unlink()
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"{old} -> {new}: 2 of 2 specs changed"
    assert "  scp/demoserver/1.0: version removed" in out
    assert "  scp/demoserver/1.1: 1 breaking" in out
    assert main(["diff", str(old), str(new), "--fail-on", "breaking"]) == 1


def test_git_revision_against_the_working_tree_in_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "repo"
    spec = _tree(repo)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "specs"], cwd=repo, check=True)
    _make_breaking(spec)
    monkeypatch.chdir(repo)
    assert main(["diff", "git:HEAD:spec/scp/demoserver", "spec/scp/demoserver", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## Spec changes: `git:HEAD:spec/scp/demoserver` → `spec/scp/demoserver`\n")
    assert "| `1.1` | 1 breaking |" in out
    assert "1 of 2 specs unchanged." in out
    assert "### `1.1`" in out and "#### Breaking changes" in out and "parameter became required" in out

    assert main(["diff", "git:HEAD:spec", "spec"]) == 0  # the whole tree: keys are provider/service/version
    assert "  scp/demoserver/1.1: 1 breaking" in capsys.readouterr().out


def test_a_directory_against_a_file_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = _tree(tmp_path)
    assert main(["diff", str(spec), str(spec / "scp" / "demoserver" / "1.1.yaml")]) == 2
    assert "NEW: expected a directory like the other argument" in capsys.readouterr().err


def test_a_side_that_cannot_be_read_says_why_not_that_it_is_no_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`docs2client diff git:mian:spec spec` (a misspelt branch) and `diff specs spec` (a misspelt folder) said
    "OLD: expected a directory like the other argument", sending a maintainer to look for a file where the branch
    or the folder name was wrong: a side that names nothing readable gets its own error."""
    repo = tmp_path / "repo"
    _tree(repo)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "specs"], cwd=repo, check=True)
    monkeypatch.chdir(repo)
    assert main(["diff", "git:mian:spec", "spec"]) == 2
    err = capsys.readouterr().err
    assert "expected a directory" not in err
    assert err.startswith("docs2client diff: error: OLD: 'git:mian:spec': ") and "mian" in err.split(": ", 3)[-1]
    assert main(["diff", "spec", "specs"]) == 2
    err = capsys.readouterr().err
    assert "expected a directory" not in err
    assert err.startswith("docs2client diff: error: NEW: 'specs' is neither an existing file")
