"""The formatter stage: black in a process pool, and the formatting cache (keyed by input, checked on read)."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

import scraper.clients.formatting as formatting
from scraper.clients.formatting import FormatCache, SourceFormatter, default_cache, format_source

UGLY = "def f( a,b ):\n  return {'x':a,'y':b}\n"
PRETTY = b'def f(a, b):\n    return {"x": a, "y": b}\n'


def _sources(count: int) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {f"pkg/m{n}.py": UGLY.replace("f(", f"f{n}(") * 200 for n in range(count)}
    files["README.md"] = "# title\n"
    files["pkg/_runtime.py"] = b"kept  =  'as is'\n"  # verbatim: never formatted
    return files


def test_format_source_formats_python_only() -> None:
    assert format_source("a.py", UGLY) == PRETTY
    assert format_source("a.md", UGLY) == UGLY.encode()


def test_format_source_names_the_file_on_invalid_python() -> None:
    with pytest.raises(formatting.GenerationError, match=r"generated pkg/broken\.py is not valid Python"):
        format_source("pkg/broken.py", "def (:\n")


def _rows(cache: FormatCache) -> dict[str, tuple[bytes, int]]:
    """The store's rows, read with SQLite itself (key -> (data, day last used))."""
    with sqlite3.connect(cache.store.path) as db:
        return {key: (data, used) for key, data, used in db.execute("SELECT key, data, used FROM entries")}


def _age(cache: FormatCache, key: str, days: int) -> None:
    with sqlite3.connect(cache.store.path) as db:
        db.execute("UPDATE entries SET used = used - ? WHERE key = ?", (days, cache.prefix + key))


def test_cache_round_trip(tmp_path: Path) -> None:
    cache = FormatCache(tmp_path)
    key = FormatCache.key(UGLY)
    assert cache.get(key) is None
    cache.put(key, PRETTY)
    assert cache.get(key) == PRETTY
    assert (cache.hits, cache.misses) == (1, 1)
    assert FormatCache(tmp_path).get(key) == PRETTY, "another process (a new cache object) reads it back"
    # one row, keyed by black's version and mode and the input's hash
    assert list(_rows(cache)) == [cache.prefix + key] and cache.prefix.endswith(":")


def test_an_edited_row_never_reaches_the_output(tmp_path: Path) -> None:
    cache = FormatCache(tmp_path)
    cache.put(FormatCache.key(UGLY), PRETTY)
    with sqlite3.connect(cache.store.path) as db:
        db.execute("UPDATE entries SET data = replace(data, 'return', 'yield')")
    assert cache.lookup(UGLY) is None  # not the same program as the input: black runs instead
    assert SourceFormatter(workers=1, cache=cache).format({"m.py": UGLY})["m.py"] == PRETTY


def test_cache_prunes_entries_unused_for_a_month(tmp_path: Path) -> None:
    cache = FormatCache(tmp_path)
    cache.put("a" * 64, b"old")
    cache.put("b" * 64, b"new")
    _age(cache, "a" * 64, 31)
    assert cache.prune() == 1
    assert cache.get("a" * 64) is None and cache.get("b" * 64) == b"new"
    _age(cache, "b" * 64, 31)
    assert cache.prune() == 0, "pruned again within a day"
    marker = cache.root / "entries.sqlite3.pruned"
    stale = time.time() - 31 * 24 * 3600
    os.utime(marker, (stale, stale))
    assert cache.prune() == 1 and marker.exists()


def test_reading_an_entry_marks_it_used(tmp_path: Path) -> None:
    cache = FormatCache(tmp_path)
    cache.put("e" * 64, b"kept")
    _age(cache, "e" * 64, 31)
    assert FormatCache(tmp_path).get("e" * 64) == b"kept"  # read today: not stale any more
    assert cache.prune() == 0 and cache.get("e" * 64) == b"kept"


def test_second_run_formats_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = FormatCache(tmp_path)
    first = SourceFormatter(workers=1, cache=cache).format(_sources(3))
    assert cache.misses == 3 and first["pkg/m0.py"].startswith(b"def f0(a, b):")
    assert first["pkg/_runtime.py"] == b"kept  =  'as is'\n"

    def refuse(path: str, text: str) -> bytes:
        raise AssertionError(f"{path} was formatted again")

    monkeypatch.setattr(formatting, "format_source", refuse)
    again = SourceFormatter(workers=1, cache=cache).format(_sources(3))
    assert again == first and cache.hits == 3


def test_pool_gives_the_same_bytes_and_fills_the_cache(tmp_path: Path) -> None:
    serial = SourceFormatter(workers=1).format(_sources(4))
    cache = FormatCache(tmp_path)
    with SourceFormatter(workers=2, cache=cache) as pool:
        pending = pool.submit(_sources(4))
        assert pending.result() == serial
    assert len(_rows(cache)) == 4, "the workers' entries (each written by a forked process) are all there"


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a pool needs two CPUs")
def test_the_models_worker_formats_only_a_backlog_worth_importing_black() -> None:
    """A small package's last file goes to the idle formatting worker alone (the models worker would import black
    first, ~0.15 s, to format half of it); a large backlog is shared with it. Either way the bytes are black's."""
    small = {"pkg/small.py": UGLY}
    large = {f"pkg/m{n}.py": UGLY.replace("f(", f"f{n}(") * 800 for n in range(8)}  # ~250 KB waiting at once
    with SourceFormatter(workers=2) as pool:
        assert pool.format(small) == {"pkg/small.py": PRETTY}
        assert not pool._models_formats
        formatted = pool.format(large)
        assert pool._models_formats
    assert formatted == SourceFormatter(workers=1).format(large)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a pool needs two CPUs")
def test_batches_wait_for_a_free_worker_instead_of_queuing_behind_a_busy_one() -> None:
    """Formatting batches are handed to a worker only when it has room (two each: one running, one in its pipe);
    the rest wait in the caller, so whichever worker frees first takes the next. The bytes are black's."""
    files = {f"pkg/m{n}.py": UGLY.replace("f(", f"f{n}(") * 400 for n in range(12)}
    with SourceFormatter(workers=2) as pool:
        pending = pool.submit(files)
        held = sum(len(batches) for batches in pool._in_flight.values())
        assert pool._queue and held <= 4  # 12 files: most wait, at most two per worker were handed over
        formatted = pending.result()
        assert not pool._queue
    assert formatted == SourceFormatter(workers=1).format(files)


def test_default_cache_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", "off")
    assert default_cache() is None
    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", str(tmp_path / "c"))
    chosen = default_cache()
    assert chosen is not None and chosen.root == tmp_path / "c" / "black"
    monkeypatch.delenv("DOCS2CLIENT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    chosen = default_cache()
    assert chosen is not None and chosen.root == tmp_path / "xdg" / "docs2client" / "black"


def test_prune_leaves_files_that_are_not_cache_entries(tmp_path: Path) -> None:
    """``$DOCS2CLIENT_CACHE_DIR`` may name a folder with other things in it (~/.cache): only entries are pruned."""
    cache = FormatCache(tmp_path)
    cache.put("c" * 64, b"entry")
    legacy = cache.root / ("0" * 16)  # where docs2client wrote entry files before the store
    strangers = [tmp_path / "pip" / "http" / "wheel", cache.root / "notes" / "aa" / "readme", legacy / "aa" / "x"]
    stale = time.time() - 60 * 24 * 3600
    for path in [*strangers, legacy / "cc" / ("c" * 64)]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"keep me")
        os.utime(path, (stale, stale))
    assert cache.prune() == 1, "only the old entry file goes (the store's row is fresh)"
    assert all(path.read_bytes() == b"keep me" for path in strangers)
    assert not (legacy / "cc" / ("c" * 64)).exists() and cache.get("c" * 64) == b"entry"


def test_a_tampered_entry_never_reaches_the_output(tmp_path: Path) -> None:
    """An entry whose checksum is right but whose code differs from the input is not used: black runs instead."""
    cache = FormatCache(tmp_path)
    cache.put(FormatCache.key(UGLY), b"import os\nos.system('id')\n")
    assert cache.lookup(UGLY) is None
    out = SourceFormatter(workers=1, cache=cache).format({"m.py": UGLY})
    assert out["m.py"] == PRETTY
    assert cache.lookup(UGLY) == PRETTY  # the real output replaced the bad entry


def test_cache_directories_are_private(tmp_path: Path) -> None:
    cache = FormatCache(tmp_path)
    cache.put("d" * 64, b"x")
    assert cache.root.stat().st_mode & 0o077 == 0
