"""Black formatting of generated sources, in worker processes, overlapping with rendering.

Formatting is most of the cost of generating a package (black is pure Python work over megabytes of code), and
rendering is the rest. :class:`SourceFormatter` keeps one process pool for a whole run: the caller renders the next
package while the workers format the previous one, and every file of every package is spread over all cores
(largest first), instead of one package at a time. Files are formatted block by block
(:mod:`scraper.clients.source_blocks`: the result is black's for the whole file), so a method that several API
versions share is formatted once per run, and a file where one operation changed costs one block on the next run.

A rendered tree maps a relative path to ``str`` (generated text: ``.py`` files are black-formatted, others only
encoded) or ``bytes`` (copied verbatim: the hand-written runtime modules are kept black-formatted in the repository,
which the test suite checks, so they skip the formatter).

:class:`FormatCache` remembers black's output by the hash of its input (and black's version and mode), the way
black and ruff cache their own work: regenerating after a documentation change re-renders a whole package, but
only the files whose generated text changed are formatted again. It lives in ``$DOCS2CLIENT_CACHE_DIR`` (default
``$XDG_CACHE_HOME/docs2client`` or ``~/.cache/docs2client``); ``DOCS2CLIENT_CACHE_DIR=off`` disables it. Entries
are rows of one SQLite file (:mod:`scraper.cache_store`: thousands of entry files cost ~5% of a cold run), never
torn; an edited one is caught by :meth:`FormatCache.lookup`, never wrong output; entries unused for 30 days are
removed.
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import importlib
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar

from scraper.cache_files import MAX_AGE_S, cache_root, prune_when_due
from scraper.cache_store import EntryStore
from scraper.clients.errors import GenerationError
from scraper.clients.source_blocks import MEMBER_HEADER, Block, split_blocks
from scraper.collector import freeze_imports
from scraper.worker_lifetime import end_with_parent

__all__ = [
    "BLACK_LINE_LENGTH",
    "FormatCache",
    "PendingTree",
    "SourceFormatter",
    "black_salt",
    "default_cache",
    "format_source",
    "run_now",
]

BLACK_LINE_LENGTH = 120

_T = TypeVar("_T")


@cache
def _black_mode() -> Any:
    import black

    return black.Mode(line_length=BLACK_LINE_LENGTH, target_versions={black.mode.TargetVersion.PY311})


def black_salt() -> str:
    """What the cache's entries depend on besides their input: black's version and mode (imports black, so a pool
    computes it in a worker, which imports black anyway, and the calling process never does on a cold run)."""
    import importlib.metadata

    return f"black {importlib.metadata.version('black')} {_black_mode().get_cache_key()}"


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
    """Black's output by input hash, in ``directory/black/entries.sqlite3`` (:class:`scraper.cache_store.EntryStore`),
    each key prefixed with the black version and mode it was formatted by.

    A hit is used as is only when it equals the input (the rendered text was already black's); otherwise
    :meth:`lookup` checks it is the same program as the input (black's own equivalence check), so a tampered entry
    can cost a re-format but never put code into a package. Entries written as files by earlier docs2client
    versions (``black/<salt>/<aa>/<hash>``) are no longer read; :meth:`prune` removes them once unused for a month,
    as before (and nothing else in the folder).
    """

    def __init__(self, directory: Path) -> None:
        self.root = directory / "black"
        self.store = EntryStore(self.root)
        self._prefix: str | None = None
        self._salt: Future[str] | None = None
        self.hits = 0
        self.misses = 0

    def salt_from(self, salt: Future[str]) -> None:
        """Take :func:`black_salt` from ``salt`` (a worker's answer) when the cache is first used."""
        if self._prefix is None:
            self._salt = salt

    @property
    def prefix(self) -> str:
        """What every key of this black version and mode starts with."""
        if self._prefix is None:
            salt = self._salt.result() if self._salt is not None else black_salt()
            self._prefix = hashlib.sha256(salt.encode()).hexdigest()[:16] + ":"
            self._salt = None
        return self._prefix

    def __getstate__(self) -> dict[str, Any]:
        """Workers get the resolved prefix (a pending salt cannot be pickled)."""
        state = dict(self.__dict__)
        state["_prefix"], state["_salt"] = self.prefix, None
        return state

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def get(self, key: str) -> bytes | None:
        """The stored bytes for input ``key``, or None."""
        data = self.store.get(self.prefix + key)
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
        """Store ``data`` as black's output for input ``key``."""
        self.store.put(self.prefix + key, data)

    def prune(self, max_age_s: float = MAX_AGE_S) -> int:
        """Remove entries (of any black version) not used for ``max_age_s`` seconds, at most once a day; returns
        how many (rows of the store, and entry files earlier versions wrote)."""
        return self.store.prune(max_age_s) + prune_when_due(self.root, max_age_s)


def default_cache() -> FormatCache | None:
    """The cache in docs2client's cache folder (:func:`scraper.cache_dir.cache_root`; None when disabled)."""
    root = cache_root()
    return None if root is None else FormatCache(root)


#: A unit's output: its bytes, or where they will be (a batch's future and the unit's index in that batch).
_Ref = bytes | tuple["Future[list[bytes]]", int]

#: Formatting waiting (characters) above which the models worker, done with the models, imports black and helps: about
#: half a second of black's work, three times what the import costs.
_MODELS_WORKER_FORMATS_ABOVE = 150_000
#: Files below this size are not cut into blocks (a cut saves nothing there).
_SPLIT_ABOVE = 8_000
#: Units are shipped to the workers in batches of about this many characters (fewer round trips than one per block).
_BATCH_CHARS = 64_000
#: ... and of at least this many (a file is cut into one batch per worker, but not into crumbs).
_MIN_BATCH_CHARS = 8_000


def _import_black(parent: int) -> None:
    """Pool initializer: each worker imports black once, while the caller (``parent``) is still rendering."""
    end_with_parent(parent)
    import black  # noqa: F401

    freeze_imports()


def _import_models(parent: int) -> None:
    """The models worker's initializer: datamodel-code-generator only (the caller needs the models soonest; black
    is imported when the worker first formats, after the models).

    Only on a cold run, though: when the models cache holds entries of this generator, most models of a run are
    hits (an edit changes text, rarely schemas), and importing datamodel-code-generator up front (~0.4 s of CPU)
    would only compete with the caller for a core; a miss then imports it when it comes."""
    end_with_parent(parent)
    from scraper.clients.models import default_models_cache

    cache = default_models_cache()
    if cache is not None and cache.holds_entries():
        return
    for name in ("datamodel_code_generator", "datamodel_code_generator.parser.openapi"):
        importlib.import_module(name)
    freeze_imports()


def run_now(function: Callable[..., _T], *args: Any) -> Future[_T]:
    """``function(*args)`` here and now, as a finished future: a :class:`GenerationError` it raises comes out of
    ``result()``, as it would from a worker."""
    done: Future[_T] = Future()
    try:
        done.set_result(function(*args))
    except GenerationError as exc:
        done.set_exception(exc)
    return done


def _render_models(honoured: Mapping[str, Any], key: str, openapi: str, source_name: str, header: str) -> str:
    from scraper.clients.models import render_prepared

    return render_prepared(honoured, key, openapi=openapi, source_name=source_name, header=header)


def _format_units(path: str, texts: list[str], cache: FormatCache | None) -> list[bytes]:
    """Format a batch of black inputs (in a worker) and store each in the cache."""
    out = []
    for text in texts:
        data = format_source(path, text)
        if cache is not None:
            cache.put(FormatCache.key(text), data)
        out.append(data)
    return out


@dataclass(frozen=True, slots=True)
class _FilePlan:
    """How one file's bytes are put together: its blocks' outputs (a method block without its stand-in class
    header) joined by the blank lines that were between them."""

    path: str
    text: str
    key: str
    parts: list[tuple[str, _Ref, bool]]


@dataclass(frozen=True, slots=True)
class _Batch:
    """Black inputs of one file waiting for a worker, and the future their outputs will be set on."""

    path: str
    texts: list[str]
    slot: Future[list[bytes]]
    chars: int


def _resolve(ref: _Ref) -> bytes:
    if isinstance(ref, bytes):
        return ref
    future, index = ref
    return future.result()[index]


class PendingTree:
    """A rendered package whose files are still being formatted; :meth:`result` waits for them."""

    def __init__(
        self,
        done: dict[str, bytes],
        plans: list[_FilePlan],
        order: list[str],
        cache: FormatCache | None,
    ) -> None:
        self._done = done
        self._plans = plans
        self._order = order
        self._cache = cache

    def pending(self) -> set[Future[list[bytes]]]:
        """The batches :meth:`result` would wait for (none: it would not wait for a worker)."""
        return {
            ref[0]
            for plan in self._plans
            for _, ref, _ in plan.parts
            if not isinstance(ref, bytes) and not ref[0].done()
        }

    def result(self) -> dict[str, bytes]:
        """Every file's final bytes, in sorted path order (raises the first formatting error)."""
        for plan in self._plans:
            self._done[plan.path] = _assemble(plan)
            if self._cache is not None and len(plan.parts) > 1:
                self._cache.put(plan.key, self._done[plan.path])  # the next run finds the whole file at once
        self._plans = []
        return {path: self._done[path] for path in self._order}


def _assemble(plan: _FilePlan) -> bytes:
    """The file from its formatted blocks; any surprise (an error, black moving a block's stand-in header) means
    formatting the file whole instead, so the result is always black's own for the file."""
    pieces: list[bytes] = []
    try:
        for gap, ref, member in plan.parts:
            data = _resolve(ref)
            if member:
                header = MEMBER_HEADER.encode()
                if not data.startswith(header) or data[len(header) : len(header) + 1] in (b"\n", b""):
                    return format_source(plan.path, plan.text)
                data = data[len(header) :]
            pieces.append(gap.encode() + data)
    except GenerationError:
        return format_source(plan.path, plan.text)  # the error again, with the file's own line numbers
    return b"".join(pieces)


class SourceFormatter:
    """The worker processes of one generation run (use as a context manager): black, and datamodel-code-generator.

    Each file is cut into blocks (:mod:`scraper.clients.source_blocks`); a block seen before in this run, or found
    in the cache, is not formatted again, and the rest go to the workers in batches. The workers start at once and
    import their libraries while the caller starts up and builds the IR, so on a cold run the calling process never
    imports black or datamodel-code-generator: one worker renders the models (:meth:`render_models`: the calling
    process renders the client meanwhile) and formats when it has no models to render, the others format. That is
    one worker per core in all.

    With one CPU, or where ``fork`` is unavailable (a pool would have to re-import everything per worker), files are
    formatted and models rendered in the calling process when they are submitted.
    """

    def __init__(self, workers: int | None = None, cache: FormatCache | None = None) -> None:
        count = workers if workers is not None else (os.cpu_count() or 1)
        self.cache = cache
        self._units: dict[str, _Ref] = {}
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._models_pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._models_pending: list[Future[str]] = []
        self._models_formats = False
        # Formatting batches wait here until a worker is free (see _dispatch): a batch is never bound to a busy
        # worker while another sits idle. Worker futures land on the pools' threads, hence the lock.
        self._queue: deque[_Batch] = deque()
        self._queued_chars = 0
        self._in_flight: dict[int, list[tuple[Future[list[bytes]], int]]] = {}  # batches and their sizes, by pool
        self._lock = threading.RLock()
        self._workers = count
        if count > 1 and "fork" in multiprocessing.get_all_start_methods():
            fork = multiprocessing.get_context("fork")
            self._models_pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=1, mp_context=fork, initializer=_import_models, initargs=(os.getpid(),)
            )
            self._models_pool.submit(int)  # forks the worker now (it imports its libraries while the caller works)
            self._pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=count - 1, mp_context=fork, initializer=_import_black, initargs=(os.getpid(),)
            )
            salt = self._pool.submit(black_salt)  # also forks the workers now
            if cache is not None:
                cache.salt_from(salt)

    def render_models(self, schemas: Mapping[str, Any], *, openapi: str, source_name: str, header: str) -> Future[str]:
        """:func:`scraper.clients.models.render_models` in the models worker (here and now without one); its errors
        (a :class:`GenerationError` naming the document) come back from the future's ``result()``."""
        from scraper.clients.models import known_body, prepared_models

        honoured, key = prepared_models(schemas, openapi=openapi)
        if self._models_pool is None or known_body(key) is not None:
            # rendered here, or known here (in this run, or the models cache): no round trip to the worker
            return run_now(_render_models, honoured, key, openapi, source_name, header)
        future = self._models_pool.submit(_render_models, honoured, key, openapi, source_name, header)
        with self._lock:
            self._models_pending.append(future)
        future.add_done_callback(lambda _: self._dispatch())  # the models worker may take formatting now
        return future

    def _capacities(self) -> list[tuple[concurrent.futures.ProcessPoolExecutor, int]]:
        """The pools taking formatting now, with how many batches each may hold at once (two per worker: one
        running, one waiting in its pipe): the formatting workers, and the models worker while it has no models to
        render, once it formats at all.

        It starts formatting only when the work waiting (queued, plus what the formatting workers hold) is worth
        importing black for (~0.15 s): a small package's models, the last file of a run, are formatted sooner by the
        idle formatting worker alone than split with a worker that must first import black."""
        self._models_pending = [f for f in self._models_pending if not f.done()]
        pools = [(self._pool, 2 * (self._workers - 1))] if self._pool is not None else []
        if self._models_pool is not None and not self._models_pending:
            if not self._models_formats and self._queued_chars + self._held(self._pool) >= _MODELS_WORKER_FORMATS_ABOVE:
                self._models_formats = True
            if self._models_formats or self._pool is None:
                pools.append((self._models_pool, 2))
        return pools

    def _held(self, pool: concurrent.futures.ProcessPoolExecutor | None) -> int:
        """Characters handed to ``pool`` and not formatted yet."""
        if pool is None:
            return 0
        running = [(f, n) for f, n in self._in_flight.get(id(pool), []) if not f.done()]
        self._in_flight[id(pool)] = running
        return sum(n for _, n in running)

    def _dispatch(self) -> None:
        """Hand queued batches, oldest first, to the pools with room (the least loaded first); called whenever a
        batch is queued, a batch is formatted or a worker's models are done."""
        with self._lock:
            while self._queue:
                pools = self._capacities()
                for pool, _ in pools:
                    self._held(pool)  # drops the batches that came back
                free = [
                    (len(self._in_flight.get(id(pool), [])) / room, index, pool)
                    for index, (pool, room) in enumerate(pools)
                    if len(self._in_flight.get(id(pool), [])) < room
                ]
                if not free:
                    return
                pool = min(free, key=lambda entry: entry[:2])[2]
                batch = self._queue.popleft()
                self._queued_chars -= batch.chars
                try:
                    running = pool.submit(_format_units, batch.path, batch.texts, self.cache)
                except RuntimeError as exc:  # the pool was shut down (the run is ending on an error)
                    batch.slot.set_exception(exc)
                    continue
                self._in_flight.setdefault(id(pool), []).append((running, batch.chars))
                running.add_done_callback(partial(self._landed, batch.slot))

    def _landed(self, slot: Future[list[bytes]], running: Future[list[bytes]]) -> None:
        """A batch came back from a worker: pass its outcome on, and give the freed worker the next batch."""
        if running.cancelled():  # the pool is shutting down: so is the run
            slot.cancel()
            return
        error = running.exception()
        if error is not None:
            slot.set_exception(error)
        else:
            slot.set_result(running.result())
        self._dispatch()

    def _unit(self, text: str, batch: dict[str, int], *, looked_up: bool = False) -> _Ref | int:
        """``text``'s output if known (this run or, unless ``looked_up`` already, the cache), else its index in
        ``batch`` (added if new)."""
        key = FormatCache.key(text)
        known = self._units.get(key)
        if known is None and text not in batch and self.cache is not None and not looked_up:
            known = self.cache.lookup(text, key)
            if known is not None:
                self._units[key] = known
        if known is not None:
            return known
        return batch.setdefault(text, len(batch))

    def submit(self, files: Mapping[str, str | bytes]) -> PendingTree:
        """Start formatting ``files``; returns at once when a pool is running."""
        order = sorted(files)
        done: dict[str, bytes] = {}
        plans: list[_FilePlan] = []
        for path, data in files.items():
            if isinstance(data, bytes):
                done[path] = data
            elif not path.endswith(".py"):
                done[path] = data.encode("utf-8")
        python = [(p, t) for p, t in files.items() if isinstance(t, str) and p.endswith(".py")]
        for path, text in sorted(python, key=lambda item: -len(item[1])):
            key = FormatCache.key(text)
            whole = self._units.get(key)
            if whole is None and self.cache is not None:
                whole = self.cache.lookup(text, key)
            if whole is not None:
                plans.append(_FilePlan(path, text, key, [("", whole, False)]))
                continue
            blocks = split_blocks(text) if len(text) > _SPLIT_ABOVE else [("", Block(text, False))]
            batch: dict[str, int] = {}
            slots = []
            for gap, block in blocks:
                unit = MEMBER_HEADER + block.text if block.member else block.text
                slots.append((gap, self._unit(unit, batch, looked_up=unit == text), block.member))
            refs = self._run(path, list(batch))
            for unit, index in batch.items():
                self._units[FormatCache.key(unit)] = refs[index]
            parts = [(gap, refs[slot] if isinstance(slot, int) else slot, member) for gap, slot, member in slots]
            if len(parts) == 1:
                self._units[key] = parts[0][1]
            plans.append(_FilePlan(path, text, key, parts))
        return PendingTree(done, plans, order, self.cache)

    def _run(self, path: str, texts: list[str]) -> list[_Ref]:
        """Format ``texts`` (black inputs of file ``path``): queued in batches for the workers (see
        :meth:`_dispatch`), else here and now. A file is cut into a batch per worker at least (so the last file of a
        run, the models, is not one worker's alone)."""
        if self._pool is None and self._models_pool is None:
            return list(_format_units(path, texts, self.cache))
        share = -(-sum(len(t) for t in texts) // max(1, self._workers))
        limit = min(_BATCH_CHARS, max(_MIN_BATCH_CHARS, share))
        refs: list[_Ref] = []
        start = 0
        with self._lock:
            while start < len(texts):
                end, size = start, 0
                while end < len(texts) and (end == start or size + len(texts[end]) <= limit):
                    size += len(texts[end])
                    end += 1
                slot: Future[list[bytes]] = Future()
                self._queue.append(_Batch(path, texts[start:end], slot, size))
                self._queued_chars += size
                refs.extend((slot, index) for index in range(end - start))
                start = end
        self._dispatch()
        return refs

    def format(self, files: Mapping[str, str | bytes]) -> dict[str, bytes]:
        """Format ``files`` and wait for them."""
        return self.submit(files).result()

    def close(self) -> None:
        with self._lock:
            for batch in self._queue:  # never handed to a worker (the run ended on an error): nobody waits forever
                batch.slot.cancel()
            self._queue.clear()
        if self.cache is not None:
            self.cache.prune()
        for pool in (self._pool, self._models_pool):
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        self._pool = self._models_pool = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
