"""Worker processes end with the process that forked them (``scraper.worker_lifetime``).

Before, a ``docs2client generate`` killed with SIGKILL left its formatter and models workers asleep for good (each
holds its own copy of the pool's pipe, so none saw the parent go).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec" / "scp" / "virtualserver" / "1.1.yaml"

linux_with_two_cpus = pytest.mark.skipif(
    not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2, reason="forked worker pools (Linux, 2+ CPUs)"
)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _running(pid: int) -> bool:
    """Whether ``pid`` exists and is not a zombie (an ended process its new parent has not reaped yet)."""
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@linux_with_two_cpus
def test_generate_workers_end_when_the_command_is_killed(tmp_path: Path) -> None:
    env = {**os.environ, "DOCS2CLIENT_CACHE_DIR": str(tmp_path / "cache")}
    argv = [sys.executable, "-m", "scraper", "generate", "--spec", str(SPEC), "--out", str(tmp_path / "out")]
    command = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 30
        while len(workers) < 2 and command.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
            workers = _children(command.pid)
        assert len(workers) >= 2, "the generate command should have forked its worker pool"
        time.sleep(0.3)  # the workers have run their initializers by now (they import black, the generator)
        command.send_signal(signal.SIGKILL)
        command.wait()
        deadline = time.monotonic() + 15
        while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if _running(pid)]
    finally:
        if command.poll() is None:
            command.kill()
        for pid in {*workers, *_children(command.pid)}:  # never leave a process behind, even when this failed
            if _running(pid):
                os.kill(pid, signal.SIGKILL)


def test_a_worker_whose_parent_is_already_gone_exits_at_once() -> None:
    probe = "from scraper.worker_lifetime import end_with_parent\nend_with_parent(-1)\nprint('still running')\n"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.returncode == 0
    assert done.stdout == ""


def test_a_worker_whose_parent_is_alive_goes_on() -> None:
    probe = (
        "import os\nfrom scraper.worker_lifetime import end_with_parent\nend_with_parent(os.getppid())\nprint('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.stdout.strip() == "ok"
