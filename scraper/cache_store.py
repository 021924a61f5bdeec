"""A cache's entries in one SQLite file, for caches of thousands of small entries written from several processes.

A cold regeneration writes one entry per formatted block (~4,000) and per schema that passed the meta-check (~650).
As one file each (:func:`scraper.cache_files.write_entry`: a temporary file, then a rename) they cost ~0.65 ms of
CPU apiece with two workers writing into the same folders at once, ~5% of the run's CPU; a row of one SQLite file
in write-ahead-log mode costs ~0.05 ms, and reading one back ~0.01 ms instead of an open, a read and a timestamp
update. (SQLite is in the standard library; its own documentation recommends it over many small files.)

``<folder>/entries.sqlite3`` holds ``(key, data, used)`` rows. The caller's key already names the entry's inputs
and the tool version that wrote it (a salt), so one file serves every version and an old version's rows simply age
out: rows unused for :data:`~scraper.cache_files.MAX_AGE_S` are deleted, at most once a day. The folder is created
owner-only. SQLite keeps a row whole (no torn entries), and many processes may read and write the file at once.

A cache that cannot be used only costs time: any SQLite error (a file that is not a database, a locked or read-only
folder, a full disk) makes this process's store answer "no entry" and write nothing, never an error. Entries are not
trusted: as with files, whoever can write the folder can write rows, and each cache checks what it reads back
(``FormatCache.lookup`` compares black's output with its input; the schema-check memo documents its trust).

Every process opens its own connection (a connection is never used across a ``fork``), so a store may be handed to
worker processes; it pickles without its connection.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scraper.cache_files import MAX_AGE_S

if TYPE_CHECKING:
    import sqlite3

__all__ = ["STORE_FILE", "EntryStore"]

#: The file of a store inside its folder.
STORE_FILE = "entries.sqlite3"
#: How long a writer waits for another process's write to finish before giving up on its own (then: not written).
_BUSY_TIMEOUT_S = 10.0
#: A day: how often rows are pruned, and the unit of their ``used`` mark (updated at most once a day per row).
_DAY_S = 24 * 3600

_SCHEMA = "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, data BLOB NOT NULL, used INTEGER NOT NULL)"


#: Connections a forked worker inherited from its parent: kept referenced, never closed or used in the worker
#: (closing one there could check the parent's write-ahead log in under it; SQLite forbids carrying a connection
#: across ``fork``). Workers leave with ``os._exit``, so they are never finalised either.
_INHERITED: list[Any] = []


def _today() -> int:
    return int(time.time() // _DAY_S)


class EntryStore:
    """Entries by key in ``folder/entries.sqlite3`` (see the module docstring)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / STORE_FILE
        self._connection: sqlite3.Connection | None = None
        self._pid = -1  # the process the connection belongs to
        self._broken = False
        self._lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (to a worker) without its connection, its lock or what it has read."""
        return {"folder": self.folder, "path": self.path, "_broken": self._broken}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["folder"])  # type: ignore[misc]
        self._broken = state["_broken"]

    def _open(self) -> sqlite3.Connection | None:
        """This process's connection (opened, and the table made, on first use), or None when the store is broken."""
        if self._broken:
            return None
        if self._connection is not None and self._pid == os.getpid():
            return self._connection
        try:
            import sqlite3

            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            connection = sqlite3.connect(
                self.path, timeout=_BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
            try:
                # write-ahead log: readers never block the writer; NORMAL: a commit is not synced to disk (a crash
                # may lose the last entries, never corrupt the file: what a cache can afford)
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
                connection.execute(_SCHEMA)
            except BaseException:
                connection.close()
                raise
        except Exception:  # sqlite3.Error, OSError, no sqlite3 module: this process goes without the cache
            self._broken = True
            return None
        if self._connection is not None:  # the parent's, inherited by this forked worker: never closed here
            _INHERITED.append(self._connection)
        self._connection, self._pid = connection, os.getpid()
        return connection

    def _failed(self) -> None:
        """An SQLite error mid-run: the rest of this run goes without the store."""
        self._broken = True
        self._drop()

    def _drop(self) -> None:
        """Close this process's connection (one inherited from a parent is only set aside, see ``_INHERITED``)."""
        connection, self._connection = self._connection, None
        if connection is None:
            return
        if self._pid != os.getpid():
            _INHERITED.append(connection)
            return
        with contextlib.suppress(Exception):  # sqlite3.Error: already unusable
            connection.close()

    def get(self, key: str) -> bytes | None:
        """The data stored under ``key``, or None (no such entry, or the store cannot be read)."""
        with self._lock:
            connection = self._open()
            if connection is None:
                return None
            try:
                row = connection.execute("SELECT data, used FROM entries WHERE key = ?", (key,)).fetchone()
            except Exception:  # sqlite3.Error
                self._failed()
                return None
            if row is None:
                return None
            data, used = row
            if not isinstance(data, bytes):
                return None
            if used != _today():  # the first read of the day marks the entry used (so pruning keeps it)
                with contextlib.suppress(Exception):  # sqlite3.Error: a read-only or locked store still answers
                    connection.execute("UPDATE entries SET used = ? WHERE key = ?", (_today(), key))
            return data

    def put(self, key: str, data: bytes) -> None:
        """Store ``data`` under ``key`` (replacing what was there); nothing happens when the store cannot be
        written."""
        with self._lock:
            connection = self._open()
            if connection is None:
                return
            try:
                connection.execute(
                    "INSERT OR REPLACE INTO entries (key, data, used) VALUES (?, ?, ?)", (key, data, _today())
                )
            except Exception:  # sqlite3.Error (a full disk, a lock held past the timeout)
                self._failed()

    def prune(self, max_age_s: float = MAX_AGE_S) -> int:
        """Delete the entries not used for ``max_age_s`` seconds, at most once a day (``folder/entries.sqlite3.pruned``
        records when); returns how many."""
        marker = self.folder / f"{STORE_FILE}.pruned"
        try:
            if time.time() - marker.stat().st_mtime < _DAY_S:
                return 0
        except OSError:
            pass
        removed = 0
        with self._lock:
            connection = self._open()
            if connection is None:
                return 0
            try:
                cutoff = int((time.time() - max_age_s) // _DAY_S)
                removed = connection.execute("DELETE FROM entries WHERE used < ?", (cutoff,)).rowcount
            except Exception:  # sqlite3.Error
                self._failed()
                return 0
        with contextlib.suppress(OSError):
            marker.touch()
        return max(removed, 0)

    def close(self) -> None:
        """Close this process's connection (the next use opens it again)."""
        with self._lock:
            self._drop()
