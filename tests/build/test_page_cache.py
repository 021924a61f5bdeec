"""The page cache: a hit gives what reading gives, anything that shapes a page's reading is in its key, and a bad
entry is a warning and a fresh read, never a traceback or code run."""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

import pytest

from scraper.build import PageCache, PageInput, build_specs
from scraper.build.page_cache import code_salt
from scraper.build.pages import read_services
from tests.paths import PAGES

PFS = PAGES / "scp/000_65c2559a52e6e5c4.txt"


def _page(path: Path = PFS, **changes: object) -> PageInput:
    fields: dict[str, object] = {
        "name": "pages/scp/000.txt",
        "path": path,
        "provider": "scp",
        "format": "text",
        "url": "https://docs.example/pfs",
        "services": ("parallel-filestorage",),
    }
    fields.update(changes)
    return PageInput(**fields)  # type: ignore[arg-type]


def _entries(cache: PageCache) -> list[Path]:
    return sorted(p for p in cache.directory.rglob("*") if p.is_file())


def test_a_hit_gives_what_reading_gives(tmp_path: Path) -> None:
    cache = PageCache(tmp_path, salt="0" * 16)
    first = cache.read(_page())
    assert (cache.hits, cache.misses) == (0, 1) and len(_entries(cache)) == 1
    again = PageCache(tmp_path, salt="0" * 16).read(_page())
    assert again == first == read_services(_page())
    assert again[0] is not first[0]  # a fresh copy: the build changes services in place


@pytest.mark.parametrize(
    "change",
    [
        {"url": "https://docs.example/other"},
        {"name": "pages/scp/renamed.txt"},
        {"services": ("parallel-filestorage", "twin")},
        {"format": "markdown"},
    ],
)
def test_what_the_catalog_says_about_a_page_is_part_of_its_key(change: dict[str, object]) -> None:
    raw = PFS.read_bytes()
    assert PageCache.key(_page(), raw) != PageCache.key(_page(**change), raw)
    assert PageCache.key(_page(), raw) == PageCache.key(_page(path=Path("/elsewhere/000.txt")), raw)
    assert PageCache.key(_page(), raw) != PageCache.key(_page(), raw + b"\n")


def test_another_tool_version_does_not_see_the_entries_of_this_one(tmp_path: Path) -> None:
    PageCache(tmp_path, salt="0" * 16).read(_page())
    other = PageCache(tmp_path, salt="1" * 16)
    other.read(_page())
    assert (other.hits, other.misses) == (0, 1)


def test_the_salt_follows_the_tool_source(tmp_path: Path) -> None:
    package = tmp_path / "scraper"
    package.mkdir()
    (package / "model.py").write_text("x = 1\n", encoding="utf-8")
    before = code_salt(package)
    assert code_salt(package) == before
    (package / "model.py").write_text("x = 2\n", encoding="utf-8")
    changed = code_salt(package)
    assert changed != before
    (package / "notes.txt").write_text("not source\n", encoding="utf-8")
    assert code_salt(package) == changed


def _rewrite(entry: Path, data: bytes, *, checksum: bool = True) -> None:
    digest = hashlib.sha256(data).hexdigest() if checksum else "0" * 64
    entry.write_bytes(digest.encode() + b"\n" + data)


class _Boom:
    """Would run ``os.system`` when unpickled by a plain unpickler."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch pwned",))


@pytest.mark.parametrize(
    "damage",
    ["torn", "checksum ok, not a pickle", "foreign class", "not services", "unreadable"],
)
def test_a_bad_entry_is_a_warning_and_the_page_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    monkeypatch.chdir(tmp_path)
    cache = PageCache(tmp_path / "cache", salt="0" * 16)
    expected = cache.read(_page())
    (entry,) = _entries(cache)
    if damage == "torn":
        entry.write_bytes(entry.read_bytes()[:-100])
    elif damage == "checksum ok, not a pickle":
        _rewrite(entry, b"\x80\x05garbage")
    elif damage == "foreign class":
        _rewrite(entry, pickle.dumps(_Boom(), protocol=5))
    elif damage == "not services":
        _rewrite(entry, pickle.dumps({"a": 1}, protocol=5))
    else:
        entry.unlink()
        entry.mkdir()  # reading it fails with IsADirectoryError
    again = PageCache(tmp_path / "cache", salt="0" * 16)
    assert again.read(_page()) == expected
    assert (again.hits, again.misses) == (0, 1)
    err = capsys.readouterr().err
    assert f"warning: {entry}: page cache entry unusable" in err and "reading pages/scp/000.txt again" in err
    assert "Traceback" not in err
    assert not (tmp_path / "pwned").exists()


def test_a_build_with_a_cache_writes_the_same_specs(tmp_path: Path) -> None:
    page = _page(name="pages/scp/000_65c2559a52e6e5c4.txt")
    cache = PageCache(tmp_path / "cache", salt="0" * 16)
    cold = build_specs([page], tmp_path / "cold", cache=cache)
    warm = build_specs([page], tmp_path / "warm", cache=PageCache(tmp_path / "cache", salt="0" * 16))
    assert not cold.errors and not warm.errors
    files = sorted(p.relative_to(tmp_path / "cold") for p in (tmp_path / "cold").rglob("*") if p.is_file())
    assert files and all((tmp_path / "cold" / f).read_bytes() == (tmp_path / "warm" / f).read_bytes() for f in files)
