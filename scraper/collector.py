"""Python's cyclic garbage collector tuned for a docs2client run: thresholds in the main process, frozen workers.

A run builds large trees of small objects that live until it ends (page documents, API models, specs, the IR).
With the default thresholds (700, 10, 10) the collector keeps walking them, a full collection every 70,000
allocations, and finds almost nothing: nearly all of it is still in use, and what is dropped is freed by reference
counting. Collecting less often in the main process, as mypy and other compilers do, measured ~8-10% of the wall
time of a one-operation regeneration (~0.17 s) at no cost in memory.

Worker processes forked meanwhile get Python's defaults back: datamodel-code-generator leaves cyclic garbage, and
with the batch thresholds the workers of a full regeneration held ~35 MiB more at the peak, for no measurable gain.
A worker's collector also walked what it never frees: every full collection went over the objects it inherited at
the fork (the parent's pages and specs) and the libraries its initializer imported (black, datamodel-code-generator,
the validator), all alive until the worker exits. A worker freezes both (``gc.freeze``: moved out of the
collector's generations in one step, no object touched): at the fork, and again once its imports are done
(:func:`freeze_imports`). Measured with ``gc.callbacks`` over a cold full regeneration (2 cores, loaded machine):
the formatting and models workers spent ~6.2 s of their ~33 s of CPU in the collector before, ~3.9 s after, with
the same peak memory. (Pausing the collector for each black call saved ~1.4 s more but held ~21 MiB more at the
peak: the garbage of a call waited for its end.)
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["BATCH_THRESHOLDS", "batch_collector", "freeze_imports"]

#: The main process's thresholds during a run.
BATCH_THRESHOLDS = (100_000, 50, 100)


class _Run:
    """Whether a run has the batch thresholds set in this process, and the thresholds it started with."""

    active = False
    previous: tuple[int, int, int] = gc.get_threshold()


def _forked() -> None:
    """In a child forked during a run (a worker): the thresholds the run started with, and what it inherited out of
    the collector's reach (the parent's objects stay alive in the worker until it exits)."""
    if _Run.active:
        gc.set_threshold(*_Run.previous)
        _Run.active = False
        gc.freeze()


os.register_at_fork(after_in_child=_forked)


@contextmanager
def batch_collector() -> Iterator[None]:
    """Run the body with :data:`BATCH_THRESHOLDS` in this process (not in workers forked meanwhile); the previous
    thresholds are restored on the way out (``docs2client``'s ``main`` also runs inside test processes)."""
    if _Run.active:  # nested (a command calling main): the outer run already set them
        yield
        return
    _Run.previous = gc.get_threshold()
    gc.set_threshold(*BATCH_THRESHOLDS)
    _Run.active = True
    try:
        yield
    finally:
        _Run.active = False
        gc.set_threshold(*_Run.previous)


def freeze_imports() -> None:
    """In a worker, once its initializer has imported its libraries: everything alive now stays alive until the
    worker exits (modules, the parent's objects), so it is moved out of the collector's walks (see above)."""
    gc.freeze()
