"""The SQLite entry store behind the formatting and schema-check caches: entries survive processes, many processes
write at once, and a store that cannot be used costs time, never an error."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import stat
from pathlib import Path

import pytest

from scraper.cache_store import STORE_FILE, EntryStore


def test_round_trip_replace_and_a_new_process_reads_it(tmp_path: Path) -> None:
    store = EntryStore(tmp_path / "c")
    assert store.get("k") is None
    store.put("k", b"one")
    store.put("k", b"two")
    assert store.get("k") == b"two"
    store.close()
    assert EntryStore(tmp_path / "c").get("k") == b"two"
    assert stat.S_IMODE((tmp_path / "c").stat().st_mode) == 0o700


def test_a_file_that_is_not_a_database_is_no_error_and_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / STORE_FILE).write_bytes(b"not a database " * 100)
    store = EntryStore(folder)
    store.put("k", b"data")  # nothing written, nothing raised
    assert store.get("k") is None
    assert store.prune() == 0
    assert (folder / STORE_FILE).read_bytes() == b"not a database " * 100


def test_a_folder_that_cannot_be_made_is_no_error(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("a file where the folder would go")
    store = EntryStore(tmp_path / "blocker" / "c")
    store.put("k", b"data")
    assert store.get("k") is None


def _write_many(store: EntryStore, worker: int) -> None:
    for n in range(200):
        store.put(f"{worker}-{n}", f"{worker}:{n}".encode() * 50)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_forked_workers_write_at_once_through_a_connection_their_parent_opened(tmp_path: Path) -> None:
    """The parent has the store open when it forks (as a run's main process may): each worker opens its own
    connection, both write at once, and the parent, still using its own connection, reads every entry."""
    store = EntryStore(tmp_path / "c")
    store.put("parent", b"before")
    fork = multiprocessing.get_context("fork")
    workers = [fork.Process(target=_write_many, args=(store, w)) for w in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    assert store.get("parent") == b"before"
    assert all(store.get(f"{w}-{n}") == f"{w}:{n}".encode() * 50 for w in range(2) for n in range(200))


def test_pickles_without_its_connection(tmp_path: Path) -> None:
    store = EntryStore(tmp_path / "c")
    store.put("k", b"v")
    copy = pickle.loads(pickle.dumps(store))
    assert copy.get("k") == b"v" and copy.path == store.path
    assert copy._connection is not store._connection


def test_unwritable_store_only_costs_time(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes read-only folders")
    folder = tmp_path / "c"
    EntryStore(folder).put("k", b"v")
    folder.chmod(0o500)
    (folder / STORE_FILE).chmod(0o400)
    try:
        store = EntryStore(folder)
        store.put("k2", b"v2")
        assert store.get("k2") is None
    finally:
        folder.chmod(0o700)
