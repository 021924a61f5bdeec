"""Every page of some folders through ``docs2client spec``, as a user would run it, with a summary of what broke.

``python -m tests.dialects.guide_sweep DIR... [--jobs N] [--timeout S] [--json FILE]`` reads each page file
(``*.md``, ``*.html``, ``*.htm``, ``*.txt``, found recursively; the provider is told by the page's own marks) with
``docs2client spec PAGE --out TMP`` in a child process, and reports per page: the operations and API versions of
the specs it wrote, its findings, its wall time, and whether it ended in a traceback, a timeout or a one-line error.
The exit status is 1 when any page gave a traceback or ran out of time (a bug by the project's rules: bad input is
a one-line error, one page never stops the others), else 0.

Use it on documentation the tool was not built against (e.g. every guide of the TOAST-DOCS repositories checked out
side by side) before and after a change to the readers or dialects: a guide that now reads fewer operations, or
more findings, is where to look. The test suite runs it on the committed unseen guides
(``tests/dialects/test_guide_sweep.py``); it never downloads anything.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = ["PAGE_SUFFIXES", "PageOutcome", "main", "sweep", "sweep_page"]

PAGE_SUFFIXES = (".md", ".html", ".htm", ".txt")
_HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


@dataclass(frozen=True, slots=True)
class PageOutcome:
    """What ``docs2client spec`` made of one page."""

    page: str
    status: str  # "ok" | "error" (a located one-line error, the tool's answer to bad input) | "traceback" (a
    # traceback or the tool's "internal error" line: a bug either way) | "timeout"
    operations: int
    versions: int
    findings: int
    seconds: float
    message: str  # the error line, the traceback's last line, or ""


def _count_operations(spec: dict[str, Any]) -> int:
    count = 0
    for item in (spec.get("paths") or {}).values():
        if not isinstance(item, dict):
            continue
        for method, operation in item.items():
            if method in _HTTP_METHODS and isinstance(operation, dict):
                members = operation.get("x-operations")
                count += len(members) if isinstance(members, list) and members else 1
        extra = item.get("x-additionalOperations")
        count += len(extra) if isinstance(extra, dict) else 0
    return count


def sweep_page(page: Path, *, timeout: float = 120.0) -> PageOutcome:
    """Run ``docs2client spec page`` in a child process and read back what it wrote."""
    with tempfile.TemporaryDirectory(prefix="sweep-") as scratch:
        out = Path(scratch) / "spec"
        argv = [sys.executable, "-m", "scraper", "spec", str(page), "--out", str(out)]
        started = time.perf_counter()
        try:
            run = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return PageOutcome(str(page), "timeout", 0, 0, 0, timeout, f"more than {timeout:g} s")
        seconds = round(time.perf_counter() - started, 3)
        specs = sorted(out.glob("*/*/*.yaml"))
        operations = sum(_count_operations(yaml.safe_load(p.read_text(encoding="utf-8")) or {}) for p in specs)
        findings = 0
        for path in out.glob("*/*/findings.json"):
            findings += len(json.loads(path.read_text(encoding="utf-8")).get("findings", []))
        lines = [line for line in run.stderr.splitlines() if line.strip()]
        if "Traceback (most recent call last)" in run.stderr or "error: internal error" in run.stderr:
            return PageOutcome(str(page), "traceback", operations, len(specs), findings, seconds, lines[-1])
        if run.returncode != 0 or not specs:
            message = next((line.strip() for line in reversed(lines) if line.strip()), f"exit {run.returncode}")
            return PageOutcome(str(page), "error", operations, len(specs), findings, seconds, message)
        return PageOutcome(str(page), "ok", operations, len(specs), findings, seconds, "")


def sweep(pages: list[Path], *, jobs: int = 2, timeout: float = 120.0) -> list[PageOutcome]:
    """:func:`sweep_page` over ``pages``, ``jobs`` at a time; outcomes in the order of ``pages``."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(lambda page: sweep_page(page, timeout=timeout), pages))


def _pages(folders: list[Path]) -> list[Path]:
    found: set[Path] = set()
    for folder in folders:
        if folder.is_file():
            found.add(folder)
            continue
        found.update(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)
    return sorted(p for p in found if not any(part.startswith(".") for part in p.parts))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.dialects.guide_sweep", description=__doc__.split("\n")[0])
    parser.add_argument("folders", nargs="+", type=Path, help="page files or folders holding them")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="pages read at once")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds one page may take")
    parser.add_argument("--json", type=Path, help="also write every outcome to this file")
    args = parser.parse_args(argv)
    pages = _pages(args.folders)
    outcomes = sweep(pages, jobs=args.jobs, timeout=args.timeout)
    for o in outcomes:
        detail = f"  {o.message}" if o.message else ""
        counts = f"{o.operations:4} ops {o.versions:2} specs {o.findings:4} findings {o.seconds:6.2f}s"
        print(f"{o.status:9} {counts}  {o.page}{detail}")
    counts = {status: sum(o.status == status for o in outcomes) for status in ("ok", "error", "traceback", "timeout")}
    print(
        f"{len(outcomes)} pages: "
        + ", ".join(f"{n} {status}" for status, n in counts.items())
        + f"; {sum(o.operations for o in outcomes)} operations; slowest "
        + (f"{max(o.seconds for o in outcomes):.2f}s" if outcomes else "-")
    )
    if args.json is not None:
        args.json.write_text(json.dumps([asdict(o) for o in outcomes], indent=1) + "\n", encoding="utf-8")
    return 1 if counts["traceback"] or counts["timeout"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
