"""A worker process ends when the process that forked it does.

The tool's worker pools (``build.workers.BuildWorkers``, ``clients.formatting.SourceFormatter``) fork their workers,
and a forked worker holds its own copy of the pool's pipe ends, so it never sees the pipe close when its parent is
killed (``kill -9``, an out-of-memory kill, a CI job's timeout): it slept on, holding 50-100 MiB, for good. Each
worker therefore asks the kernel (Linux's ``PR_SET_PDEATHSIG``) for SIGTERM when its parent ends, and ends at
once if the parent is already gone by the time it asks. Elsewhere (no ``prctl``) a worker keeps the old behaviour.

The signal comes when the *thread* that forked the worker ends: the pools fork all their workers at once, from the
thread that creates them, and are shut down by that thread (``with`` blocks), so that is the process's lifetime.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

__all__ = ["end_with_parent"]

#: ``<linux/prctl.h>``: deliver a signal to this process when its parent ends.
_PR_SET_PDEATHSIG = 1


def end_with_parent(parent: int) -> None:
    """In a worker forked by process ``parent``: be sent SIGTERM when ``parent`` ends (Linux); exit now if it has
    already ended (the worker was re-parented before it could ask)."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
        except (OSError, AttributeError):  # no libc symbol to call: keep the default
            pass
    if os.getppid() != parent:
        os._exit(0)
