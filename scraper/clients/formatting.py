"""Black formatting of generated sources, in worker processes, overlapping with rendering.

Formatting is most of the cost of generating a package (black is pure Python work over megabytes of code), and
rendering is the rest. :class:`SourceFormatter` keeps one process pool for a whole run: the caller renders the next
package while the workers format the previous one, and every file of every package is spread over all cores
(largest first), instead of one package at a time.

A rendered tree maps a relative path to ``str`` (generated text: ``.py`` files are black-formatted, others only
encoded) or ``bytes`` (copied verbatim: the hand-written runtime modules are kept black-formatted in the repository,
which the test suite checks, so they skip the formatter).

:class:`FormatCache` remembers black's output by the hash of its input (and black's version and mode), the way
black and ruff cache their own work: regenerating after a documentation change re-renders a whole package, but
only the files whose generated text changed are formatted again. It lives in ``$DOCS2CLIENT_CACHE_DIR`` (default
``$XDG_CACHE_HOME/docs2client`` or ``~/.cache/docs2client``); ``DOCS2CLIENT_CACHE_DIR=off`` disables it. Entries
carry a checksum of their content, so a torn or edited entry is a miss, never wrong output; entries unused for 30
days are removed.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import importlib.metadata
import multiprocessing
import os
from collections.abc import Mapping
from concurrent.futures import Future
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from scraper.cache_files import MAX_AGE_S, cache_root, prune_entries, read_entry, write_entry
from scraper.clients.ir import GenerationError

__all__ = ["BLACK_LINE_LENGTH", "FormatCache", "PendingTree", "SourceFormatter", "default_cache", "format_source"]

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


class FormatCache:
    """Black's output by input hash, in ``directory/black/<black version and mode>/<aa>/<hash>``.

    Only that layout is ever read or pruned, so pointing ``$DOCS2CLIENT_CACHE_DIR`` at a folder holding other files
    cannot remove them. Directories are created owner-only. A hit is used as is only when it equals the input (the
    rendered text was already black's); otherwise :meth:`accept` checks it is the same program as the input (black's
    own equivalence check), so a tampered entry can cost a re-format but never put code into a package.
    """

    def __init__(self, directory: Path) -> None:
        salt = f"black {importlib.metadata.version('black')} {_black_mode().get_cache_key()}"
        self.root = directory / "black"
        self.directory = self.root / hashlib.sha256(salt.encode()).hexdigest()[:16]
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / key

    def get(self, key: str) -> bytes | None:
        """The stored bytes for input ``key``, or None (absent, unreadable or failing its checksum)."""
        try:
            data = read_entry(self._path(key))
        except OSError:
            data = None
        if data is None:
            self.misses += 1
            return None
        self.hits += 1
        return data

    def lookup(self, text: str, key: str | None = None) -> bytes | None:
        """Black's output for ``text`` (whose :meth:`key` the caller may pass) if cached and trustworthy (see the
        class docstring), else None."""
        data = self.get(key or self.key(text))
        if data is None or data == text.encode("utf-8"):
            return data
        import black

        try:
            black.assert_equivalent(text, data.decode("utf-8"))
        except Exception:  # black's ASTSafetyError, a parse error, undecodable bytes: not usable either way
            self.hits -= 1
            self.misses += 1
            return None
        return data

    def put(self, key: str, data: bytes) -> None:
        """Store ``data`` (write to a temporary file, then rename: readers never see a partial entry)."""
        write_entry(self._path(key), data)

    def prune(self, max_age_s: float = MAX_AGE_S) -> int:
        """Remove entries (of any black version) not used for ``max_age_s`` seconds; returns how many."""
        return prune_entries(self.root, max_age_s)


def default_cache() -> FormatCache | None:
    """The cache in docs2client's cache folder (:func:`scraper.cache_dir.cache_root`; None when disabled)."""
    root = cache_root()
    return None if root is None else FormatCache(root)


class PendingTree:
    """A rendered package whose files are still being formatted; :meth:`result` waits for them."""

    def __init__(
        self,
        done: dict[str, bytes],
        pending: dict[str, tuple[str, Future[bytes]]],
        order: list[str],
        cache: FormatCache | None,
    ) -> None:
        self._done = done
        self._pending = pending
        self._order = order
        self._cache = cache

    def result(self) -> dict[str, bytes]:
        """Every file's final bytes, in sorted path order (raises the first formatting error)."""
        for path, (key, future) in self._pending.items():
            self._done[path] = future.result()
            if self._cache is not None:
                self._cache.put(key, self._done[path])
        self._pending = {}
        return {path: self._done[path] for path in self._order}


class SourceFormatter:
    """A pool of formatter processes for one generation run (use as a context manager).

    With one CPU, or where ``fork`` is unavailable (a pool would have to re-import everything per worker), files are
    formatted in the calling process when their tree is submitted.
    """

    def __init__(self, workers: int | None = None, cache: FormatCache | None = None) -> None:
        count = workers if workers is not None else (os.cpu_count() or 1)
        self.cache = cache
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        if count > 1 and "fork" in multiprocessing.get_all_start_methods():
            self._pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=count, mp_context=multiprocessing.get_context("fork")
            )

    def submit(self, files: Mapping[str, str | bytes]) -> PendingTree:
        """Start formatting ``files``; returns at once when a pool is running."""
        order = sorted(files)
        done: dict[str, bytes] = {}
        pending: dict[str, tuple[str, Future[bytes]]] = {}
        text_files = [(p, t) for p, t in files.items() if isinstance(t, str)]
        for path, text in sorted(text_files, key=lambda item: -len(item[1])):
            if not path.endswith(".py"):
                done[path] = text.encode("utf-8")
                continue
            key = FormatCache.key(text)
            cached = self.cache.lookup(text, key) if self.cache is not None else None
            if cached is not None:
                done[path] = cached
            elif self._pool is not None and len(text) >= _INLINE_BELOW:
                pending[path] = (key, self._pool.submit(format_source, path, text))
            else:
                done[path] = format_source(path, text)
                if self.cache is not None:
                    self.cache.put(key, done[path])
        for path, data in files.items():
            if isinstance(data, bytes):
                done[path] = data
        return PendingTree(done, pending, order, self.cache)

    def format(self, files: Mapping[str, str | bytes]) -> dict[str, bytes]:
        """Format ``files`` and wait for them."""
        return self.submit(files).result()

    def close(self) -> None:
        if self.cache is not None:
            self.cache.prune()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
