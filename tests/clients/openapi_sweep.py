"""A sweep of ``docs2client generate`` over OpenAPI documents that are not committed (an any-OpenAPI round).

``python -m tests.clients.openapi_sweep LIST WORK [--jobs N] [--timeout S]``: ``LIST`` holds one document a line
(``path`` or ``path<TAB>spec-root``; ``#`` starts a comment); each document's package is written to
``WORK/<document stem>``, then checked as a user would: ``generate`` (within ``--timeout`` seconds), ``ruff check``,
``mypy --strict`` with the package's own configuration, the import of every module, and the package's contract tests
(``pytest``). One TSV row per document goes to stdout (the check results, the contract tests' pass/fail counts, the
package's ``iter_`` methods and the paging cases its contract tests walk, and the seconds each step took), then a
total per check; the output of a failed step is kept in ``WORK/<stem>.log``. Nothing here reads the network; the
documents are the caller's (round notes in ``tests/fixtures/openapi/robust/README.md`` say where each round's came
from).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

BIN = Path(sys.executable).parent
CHECKS = ("generate", "ruff", "mypy", "import", "tests")


@dataclass
class SweepRow:
    """What one document's package did in each check (``None``: the check did not run)."""

    document: str
    results: dict[str, bool | None] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    passed: int = 0
    failed: int = 0
    #: the package's ``iter_`` methods (the synchronous client's) and the paging cases its contract tests walk
    iterators: int = 0
    paging_cases: int = 0

    def line(self) -> str:
        marks = ["-" if self.results.get(c) is None else ("ok" if self.results[c] else "FAIL") for c in CHECKS]
        times = " ".join(f"{c}={self.seconds[c]:.1f}" for c in CHECKS if c in self.seconds)
        counts = [f"{self.passed}/{self.passed + self.failed}", f"{self.iterators}/{self.paging_cases}"]
        return "\t".join([self.document, *marks, *counts, times])


def _step(cmd: list[str], cwd: Path, timeout: float, env: dict[str, str] | None = None) -> tuple[bool, str, float]:
    start = time.monotonic()
    try:
        done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False, env=env)
    except subprocess.TimeoutExpired:
        return False, f"timed out after {timeout:.0f} s: {' '.join(cmd)}", time.monotonic() - start
    return done.returncode == 0, done.stdout + done.stderr, time.monotonic() - start


def _import_program(package: str) -> str:
    return (
        "import importlib, pkgutil\n"
        f"root = importlib.import_module({package!r})\n"
        "for m in pkgutil.walk_packages(root.__path__, root.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
    )


def _paging_counts(package: Path, tests: Path) -> tuple[int, int]:
    """The ``iter_`` methods of the package's synchronous clients and the paging cases of its contract tests."""
    sources = [path.read_text(encoding="utf-8") for path in package.glob("*/client.py")]
    iterators = sum(len(re.findall(r"^    def iter_", source, re.M)) for source in sources)
    cases = 0
    for path in tests.glob("*.json"):
        with contextlib.suppress(ValueError, OSError):
            cases += len(json.loads(path.read_text(encoding="utf-8")).get("pages", []))
    return iterators, cases


def sweep_document(document: Path, spec_root: Path | None, work: Path, timeout: float) -> SweepRow:
    """Generate and check the package of one document."""
    row = SweepRow(document.name)
    out = work / document.stem
    log = work / f"{document.stem}.log"
    cmd = [str(BIN / "docs2client"), "generate", "--spec", str(document), "--out", str(out), "--force", "--jobs", "1"]
    if spec_root is not None:
        cmd += ["--spec-root", str(spec_root)]
    logs: list[str] = []
    ok, text, row.seconds["generate"] = _step(cmd, work, timeout)
    row.results["generate"] = ok and (out / "pyproject.toml").is_file()
    logs.append(f"== generate\n{text}")
    if row.results["generate"]:
        package = next(p.name for p in out.iterdir() if (p / "py.typed").is_file())
        row.iterators, row.paging_cases = _paging_counts(out / package, out / "tests")
        env = {**os.environ, "PYTHONPATH": str(out), "MYPYPATH": str(out), "MYPY_CACHE_DIR": str(out / ".mypy_cache")}
        steps = {
            "ruff": [str(BIN / "ruff"), "check", "--no-cache", "."],
            "mypy": [sys.executable, "-m", "mypy", "--config-file", "pyproject.toml", package],
            "import": [sys.executable, "-c", _import_program(package)],
            "tests": [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", "tests"],
        }
        for check, step in steps.items():
            ok, text, row.seconds[check] = _step(step, out, timeout * 3, env)
            row.results[check] = ok
            if not ok:
                logs.append(f"== {check}\n{text[-20000:]}")
            if check == "tests":
                counts = dict((k, int(n)) for n, k in re.findall(r"(\d+) (passed|failed|error)", text))
                row.passed = counts.get("passed", 0)
                row.failed = counts.get("failed", 0) + counts.get("error", 0)
    log.write_text("\n".join(logs), encoding="utf-8")
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("list", type=Path)
    parser.add_argument("work", type=Path)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args(argv)
    entries: list[tuple[Path, Path | None]] = []
    for line in args.list.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            path, _, root = line.partition("\t")
            entries.append((Path(path), Path(root) if root else None))
    args.work.mkdir(parents=True, exist_ok=True)
    print("\t".join(["document", *CHECKS, "contract tests", "iterators/paging cases", "seconds"]), flush=True)
    rows: list[SweepRow] = []
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for row in pool.map(lambda e: sweep_document(e[0], e[1], args.work, args.timeout), entries):
            print(row.line(), flush=True)
            rows.append(row)
    totals = [f"{sum(1 for r in rows if r.results.get(c))}/{len(rows)}" for c in CHECKS]
    tests = f"{sum(r.passed for r in rows)}/{sum(r.passed + r.failed for r in rows)}"
    paging = f"{sum(r.iterators for r in rows)}/{sum(r.paging_cases for r in rows)}"
    print("\t".join(["total", *totals, tests, paging]))
    return 0 if all(all(r.results.get(c) for c in CHECKS) for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
