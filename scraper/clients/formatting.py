"""Black formatting of generated sources, in worker processes, overlapping with rendering.

Formatting is most of the cost of generating a package (black is pure Python work over megabytes of code), and
rendering is the rest. :class:`SourceFormatter` keeps one process pool for a whole run: the caller renders the next
package while the workers format the previous one, and every file of every package is spread over all cores
(largest first), instead of one package at a time.

A rendered tree maps a relative path to ``str`` (generated text: ``.py`` files are black-formatted, others only
encoded) or ``bytes`` (copied verbatim: the hand-written runtime modules are kept black-formatted in the repository,
which the test suite checks, so they skip the formatter).
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
from collections.abc import Mapping
from concurrent.futures import Future
from functools import cache
from types import TracebackType
from typing import Any, Self

from scraper.clients.ir import GenerationError

__all__ = ["BLACK_LINE_LENGTH", "PendingTree", "SourceFormatter", "format_source"]

BLACK_LINE_LENGTH = 120

#: Files smaller than this are formatted in the calling process: shipping them to a worker costs more than it saves.
_INLINE_BELOW = 4_000


@cache
def _black_mode() -> Any:
    import black

    return black.Mode(line_length=BLACK_LINE_LENGTH, target_versions={black.mode.TargetVersion.PY311})


def format_source(path: str, text: str) -> bytes:
    """``text`` as the bytes of file ``path``: black-formatted when it is Python."""
    if path.endswith(".py"):
        import black

        try:
            text = black.format_str(text, mode=_black_mode())
        except Exception as exc:  # black.InvalidInput and friends: a generator bug; show where
            raise GenerationError(f"generated {path} is not valid Python ({exc}); this is a docs2client bug") from exc
    return text.encode("utf-8")


class PendingTree:
    """A rendered package whose files are still being formatted; :meth:`result` waits for them."""

    def __init__(self, done: dict[str, bytes], pending: dict[str, Future[bytes]], order: list[str]) -> None:
        self._done = done
        self._pending = pending
        self._order = order

    def result(self) -> dict[str, bytes]:
        """Every file's final bytes, in sorted path order (raises the first formatting error)."""
        for path, future in self._pending.items():
            self._done[path] = future.result()
        return {path: self._done[path] for path in self._order}


class SourceFormatter:
    """A pool of formatter processes for one generation run (use as a context manager).

    With one CPU, or where ``fork`` is unavailable (a pool would have to re-import everything per worker), files are
    formatted in the calling process when their tree is submitted.
    """

    def __init__(self, workers: int | None = None) -> None:
        count = workers if workers is not None else (os.cpu_count() or 1)
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        if count > 1 and "fork" in multiprocessing.get_all_start_methods():
            self._pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=count, mp_context=multiprocessing.get_context("fork")
            )

    def submit(self, files: Mapping[str, str | bytes]) -> PendingTree:
        """Start formatting ``files``; returns at once when a pool is running."""
        order = sorted(files)
        done: dict[str, bytes] = {}
        pending: dict[str, Future[bytes]] = {}
        text_files = [(p, t) for p, t in files.items() if isinstance(t, str)]
        for path, text in sorted(text_files, key=lambda item: -len(item[1])):
            if self._pool is not None and path.endswith(".py") and len(text) >= _INLINE_BELOW:
                pending[path] = self._pool.submit(format_source, path, text)
            else:
                done[path] = format_source(path, text)
        for path, data in files.items():
            if isinstance(data, bytes):
                done[path] = data
        return PendingTree(done, pending, order)

    def format(self, files: Mapping[str, str | bytes]) -> dict[str, bytes]:
        """Format ``files`` and wait for them."""
        return self.submit(files).result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
