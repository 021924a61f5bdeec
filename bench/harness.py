"""Measurement primitives: child-process runs with their own resource usage, repeats and medians, machine facts.

Every timed tool runs in a fresh child process so that imports (and a JVM's start-up) are counted the same way for
every contender. ``os.wait4`` gives the rusage of exactly that child (and the grandchildren it waited for), so CPU
time and peak RSS are not polluted by the benchmark process itself. Wall time is what a user waits; CPU time is
reported beside it because on a busy machine it is the steadier of the two.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = [
    "ChildRun",
    "Stats",
    "TreeMemory",
    "machine_info",
    "repeat_child",
    "run_child",
    "stats",
    "time_call",
    "tool_version",
]

#: How much of a failing tool's output is kept in the results.
OUTPUT_TAIL = 2000


@dataclass(frozen=True, slots=True)
class ChildRun:
    """One child process: what it cost and how it ended."""

    argv: tuple[str, ...]
    returncode: int
    wall_s: float
    cpu_s: float
    #: Peak resident set size of the child (or of its largest waited-for descendant), in MiB.
    maxrss_mib: float
    stdout: str
    stderr: str
    #: Peak of the summed RSS of the child and all its live descendants (worker pools), sampled, in MiB; and the
    #: summed PSS at that moment (shared pages of forked workers counted once). None where /proc is unavailable.
    tree_rss_mib: float | None = None
    tree_pss_mib: float | None = None

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def tail(self) -> str:
        """The end of the child's output, for error reports (stderr last: its final line usually says why)."""
        text = (self.stdout.strip() + "\n" + self.stderr.strip()).strip()
        return text[-OUTPUT_TAIL:]


@dataclass(frozen=True, slots=True)
class Stats:
    """Summary of repeated measurements of one quantity (seconds unless the name says otherwise)."""

    median: float
    min: float
    max: float
    runs: list[float] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def stats(values: Sequence[float]) -> Stats:
    """Median, min and max of ``values`` (which must not be empty)."""
    if not values:
        raise ValueError("stats() needs at least one value")
    return Stats(median=statistics.median(values), min=min(values), max=max(values), runs=[round(v, 6) for v in values])


def run_child(
    argv: Sequence[str],
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float = 600.0,
) -> ChildRun:
    """Run ``argv`` to completion and measure it with the rusage of that one child.

    Output goes to temporary files rather than pipes so a chatty tool never blocks on a full pipe while we wait.
    """
    import tempfile

    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(list(argv), cwd=cwd, env=dict(env) if env is not None else None, stdout=out, stderr=err)
        deadline = started + timeout
        memory = TreeMemory(proc.pid)
        next_sample = started
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() >= next_sample:
                memory.sample()
                next_sample = time.perf_counter() + TREE_SAMPLE_S
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.002)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    return ChildRun(
        argv=tuple(argv),
        returncode=proc.returncode,
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        maxrss_mib=usage.ru_maxrss / 1024.0,  # Linux reports KiB
        stdout=stdout,
        stderr=stderr,
        tree_rss_mib=memory.peak_rss_mib,
        tree_pss_mib=memory.pss_at_peak_mib,
    )


#: How often :func:`run_child` samples the child's process tree (a scan of /proc costs a few milliseconds of the
#: benchmark's own CPU, which the measured tool shares the machine with; memory peaks last far longer).
TREE_SAMPLE_S = 0.1

_PROC = Path("/proc")


class TreeMemory:
    """Peak memory of a process and all its descendants, by sampling ``/proc``.

    ``ru_maxrss`` only gives the largest single process, so a tool that forks a pool of workers looks as big as its
    biggest process; this sums every live process of the tree at each sample. RSS counts the pages a forked worker
    shares with its parent in both (the conservative figure the memory target uses); PSS splits shared pages among
    their users (what the tree really costs the machine).
    """

    def __init__(self, root: int) -> None:
        self.root = root
        self.peak_rss_mib: float | None = None
        self.pss_at_peak_mib: float | None = None

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        try:
            entries = [e for e in os.listdir(_PROC) if e.isdigit()]
        except OSError:
            return []
        for entry in entries:
            try:
                stat = (_PROC / entry / "stat").read_text()
            except OSError:
                continue  # ended meanwhile
            # pid (comm) state ppid ...: comm may hold spaces and parentheses, so split after its last ")"
            fields = stat[stat.rfind(")") + 2 :].split()
            if len(fields) > 1:
                children.setdefault(int(fields[1]), []).append(int(entry))
        tree, todo = [], [self.root]
        while todo:
            pid = todo.pop()
            tree.append(pid)
            todo.extend(children.get(pid, []))
        return tree

    def sample(self) -> None:
        rss = pss = 0
        for pid in self._tree():
            try:
                text = (_PROC / str(pid) / "smaps_rollup").read_text()
            except OSError:
                continue
            for line in text.splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        if rss and (self.peak_rss_mib is None or rss / 1024 > self.peak_rss_mib):
            self.peak_rss_mib = round(rss / 1024, 1)
            self.pss_at_peak_mib = round(pss / 1024, 1)


def repeat_child(
    argv: Sequence[str],
    repeats: int,
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    before: Callable[[], object] | None = None,
) -> tuple[list[ChildRun], dict[str, Any]]:
    """Run ``argv`` ``repeats`` times (``before`` resets state before each run); stop at the first failure.

    Returns the runs and a summary: wall/cpu ``Stats`` and the peak RSS over all runs, or ``error`` with the
    failing run's output.
    """
    runs: list[ChildRun] = []
    for _ in range(max(1, repeats)):
        if before is not None:
            before()
        run = run_child(argv, cwd=cwd, env=env)
        runs.append(run)
        if not run.ok:
            return runs, {"error": f"exit status {run.returncode}: {run.tail()}", "argv": list(argv)}
    return runs, summarize(runs)


def summarize(runs: Sequence[ChildRun]) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "wall_s": stats([r.wall_s for r in runs]).as_dict(),
        "cpu_s": stats([r.cpu_s for r in runs]).as_dict(),
        "peak_rss_mib": round(max(r.maxrss_mib for r in runs), 1),
    }
    trees = [r for r in runs if r.tree_rss_mib is not None]
    if trees:
        peak = max(trees, key=lambda r: r.tree_rss_mib or 0.0)
        summary["tree_peak_rss_mib"] = peak.tree_rss_mib
        summary["tree_pss_at_peak_mib"] = peak.tree_pss_mib
    return summary


def time_call(fn: Callable[[], object], repeats: int, *, number: int = 1) -> Stats:
    """Median over ``repeats`` of the time of ``number`` calls of ``fn``, per call."""
    results: list[float] = []
    for _ in range(max(1, repeats)):
        started = time.perf_counter()
        for _ in range(number):
            fn()
        results.append((time.perf_counter() - started) / number)
    return stats(results)


def tool_version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def _command_output(argv: Sequence[str], cwd: Path | None = None) -> str | None:
    try:
        done = subprocess.run(list(argv), cwd=cwd, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    text = (done.stdout or done.stderr).strip()
    return text.splitlines()[0] if text and done.returncode == 0 else None


def speed_probe_ms() -> float:
    """Milliseconds this interpreter takes to sum ten million integers (best of 3): a yardstick for comparing the
    absolute figures of runs on different (or differently loaded) machines; ratios within one run need none."""
    best = min(time_once(lambda: sum(range(10_000_000))) for _ in range(3))
    return round(best * 1000, 1)


def time_once(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def machine_info(root: Path) -> dict[str, Any]:
    """What a reader needs to compare two result files: machine, interpreter, tool versions and git commit."""
    commit = _command_output(["git", "rev-parse", "HEAD"], cwd=root)
    # Uncommitted changes other than earlier results (which the bench itself rewrites).
    dirty = _command_output(
        ["git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench/results"], cwd=root
    )
    try:
        load: list[float] | None = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = None
    return {
        "cpu_count": os.cpu_count(),
        "machine": platform.machine(),
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "load_average_at_start": load,
        "speed_probe_ms": speed_probe_ms(),
        "git_commit": commit,
        "git_dirty": bool(dirty),
        "java": _command_output(["java", "-version"]),
        "tools": {
            name: tool_version(name)
            for name in (
                "docs2client",
                "openapi-python-client",
                "openapi-generator-cli",
                "datamodel-code-generator",
                "black",
                "ruff",
                "pydantic",
                "httpx",
                "urllib3",
                "openapi-spec-validator",
            )
        },
    }
