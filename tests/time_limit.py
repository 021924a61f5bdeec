"""A time limit for reading one page in a test: a hang becomes a :class:`TimeoutError` (main thread, POSIX)."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["time_limit"]


@contextmanager
def time_limit(seconds: float, what: str = "reader + dialect") -> Iterator[None]:
    """Raise :class:`TimeoutError` in the block once ``seconds`` have passed."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"{what} took more than {seconds} s (hang?)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
