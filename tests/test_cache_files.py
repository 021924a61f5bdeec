"""Cache entries: written whole, read back only when intact, and a cache that cannot be written costs only time."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from scraper.cache_files import read_entry, write_entry


def test_entry_reads_back_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "ab" / ("ab" + "0" * 62)
    write_entry(path, b"formatted")
    assert read_entry(path) == b"formatted"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def test_entry_folder_removed_between_writes_is_made_again(tmp_path: Path) -> None:
    """The folder is remembered per process; a prune or a cleanup removing it must not stop later writes."""
    path = tmp_path / "cd" / ("cd" + "1" * 62)
    write_entry(path, b"one")
    shutil.rmtree(tmp_path / "cd")
    write_entry(path, b"one")  # the remembered folder is gone: this write fails quietly and forgets it
    write_entry(path, b"two")
    assert read_entry(path) == b"two"


def test_a_temporary_name_held_by_another_writer_is_left_alone(tmp_path: Path) -> None:
    """``O_EXCL``: when the next temporary name exists (a crashed writer with this pid), the entry is not written
    and that file is not removed."""
    import scraper.cache_files as cache_files

    path = tmp_path / "ef" / ("ef" + "2" * 62)
    path.parent.mkdir()
    number = next(cache_files._TEMPORARY) + 1
    held = path.parent / f".entry.{os.getpid()}.{number}"
    held.write_bytes(b"someone else's")
    write_entry(path, b"data")
    assert held.read_bytes() == b"someone else's"
    assert not path.exists()
    write_entry(path, b"data")  # the next number is free
    assert read_entry(path) == b"data"


def test_an_unwritable_cache_costs_only_time(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    write_entry(blocker / "gh" / "entry", b"data")  # its folder cannot be made: no error
    assert blocker.read_bytes() == b""
