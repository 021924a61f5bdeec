"""Build output: golden specs, determinism across runs and PYTHONHASHSEED values, atomic change-only writes.

Goldens are small committed copies of two generated specs (``tests/golden/build/scp/...``); a change in the
generated output shows up as a readable diff. ``make goldens`` rewrites them after an intended change.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scraper.atomic import write_tree
from scraper.build import PageInput, build_specs
from tests.conftest import ScpBuild
from tests.goldens import BUILD_GOLDEN_FILES, build_goldens, committed
from tests.paths import ROOT

SUBSET = ["pages/scp/000_65c2559a52e6e5c4.txt", "pages/scp/004_dcbb7d1e887604a7.txt"]


@pytest.mark.parametrize("rel", BUILD_GOLDEN_FILES)
def test_golden(scp_build: ScpBuild, rel: str) -> None:
    produced = build_goldens(scp_build.out)[rel]
    golden = committed("build").get(rel)
    assert golden is not None, f"no golden tests/golden/build/{rel}; run make goldens"
    assert produced.decode("utf-8").splitlines() == golden.decode("utf-8").splitlines()
    assert produced == golden


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_byte_identical_across_hash_seeds(tmp_path: Path) -> None:
    """Two `docs2client spec` runs, PYTHONHASHSEED=1 and =2, run side by side: identical trees."""
    runs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        cmd = [sys.executable, "-m", "scraper", "spec", *SUBSET, "--provider", "scp", "--out", str(out)]
        runs.append((out, subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)))
    trees = []
    for out, proc in runs:
        _stdout, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 0, stderr.decode()
        trees.append(_tree(out))
    assert sorted(trees[0]) == [
        "scp/parallel-filestorage/.docs2client-files",
        "scp/parallel-filestorage/1.0.yaml",
        "scp/parallel-filestorage/FINDINGS.md",
        "scp/parallel-filestorage/findings.json",
        "scp/virtualserver/.docs2client-files",
        "scp/virtualserver/1.0.yaml",
        "scp/virtualserver/1.1.yaml",
        "scp/virtualserver/1.2.yaml",
        "scp/virtualserver/1.3.yaml",
        "scp/virtualserver/FINDINGS.md",
        "scp/virtualserver/findings.json",
    ]
    assert trees[0] == trees[1]


def test_rebuild_changes_nothing_and_keeps_mtimes(tmp_path: Path) -> None:
    page = ROOT / SUBSET[0]
    pages = [PageInput(name=SUBSET[0], path=page, provider="scp", format="text")]
    first = build_specs(pages, tmp_path)
    assert first.errors == [] and first.written
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    content = _tree(tmp_path)
    second = build_specs(pages, tmp_path)
    assert second.errors == []
    assert second.written == []
    assert _tree(tmp_path) == content
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize("crash_at", [1, 2, 3])
def test_crash_mid_write_leaves_whole_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, crash_at: int) -> None:
    old = {f"f{i}.yaml": f"old {i}\n".encode() * 1000 for i in range(4)}
    new = {f"f{i}.yaml": f"new {i}\n".encode() * 2000 for i in range(4)}
    write_tree(tmp_path, old)
    mtime_f0 = (tmp_path / "f0.yaml").stat().st_mtime_ns
    new["f0.yaml"] = old["f0.yaml"]  # unchanged: must not be rewritten (so it never reaches os.replace)
    calls = itertools.count(1)  # files are written several at once: next() on a count is atomic, += is not
    real_replace = os.replace

    def flaky_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if next(calls) == crash_at:
            raise OSError("simulated crash")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", flaky_replace)  # scraper.atomic calls os.replace
    with pytest.raises(OSError, match="simulated crash"):
        write_tree(tmp_path, new)
    monkeypatch.undo()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(old), f"temporary files left behind: {names}"
    changed = ["f1.yaml", "f2.yaml", "f3.yaml"]  # f0 is unchanged
    contents = {name: (tmp_path / name).read_bytes() for name in changed}
    assert all(contents[name] in (old[name], new[name]) for name in changed), "a file was left half-written"
    # the write that crashed left its old file; the others, written at the same time, all went through
    assert sum(contents[name] == new[name] for name in changed) == len(changed) - 1
    assert (tmp_path / "f0.yaml").stat().st_mtime_ns == mtime_f0
