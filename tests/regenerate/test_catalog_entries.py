"""A maintainer's typo in ``pages/catalog.toml`` is one located error per bad entry (file, line, entry, what was
expected), never a traceback, an "internal error" or a silently different catalog.

Seen by editing the real catalog and running ``docs2client regenerate``: ``services = "virtualserver"`` was read
as the services ``v``, ``i``, ``r``, ...; a misspelt key (``servces``) made the service vanish from the run
without a word ("24 services up to date"); ``provider = "spc"`` reached the dialects as "internal error while
reading the page ... this is a docs2client bug"; ``titles = [...]`` was an ``AttributeError`` internal error.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.catalog import PROVIDERS, CatalogError, load_catalog
from scraper.dialects import known_providers

GOOD = """\
# a comment line, so the first entry is not on line 1

[[page]]
file = "scp/a.txt"
url = "https://docs.example/a"
provider = "scp"
format = "text"
services = ["virtualserver"]
covers = "service"
capture = 1

[[page]]
file = "scp/b.txt"
url = "https://docs.example/b"
provider = "scp"
format = "text"
services = ["virtualserver"]
covers = "operation"
capture = 2
"""


def _catalog(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pages" / "catalog.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _second_entry(old: str, new: str) -> str:
    """GOOD with one line of its second entry (line 12 on) replaced."""
    second = GOOD.index("[[page]]", GOOD.index("[[page]]") + 1)
    head, tail = GOOD[:second], GOOD[second:]
    assert old in tail
    return head + tail.replace(old, new, 1)


def test_the_good_catalog_loads(tmp_path: Path) -> None:
    catalog = load_catalog(_catalog(tmp_path, GOOD))
    assert [p.services for p in catalog.pages] == [("virtualserver",), ("virtualserver",)]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'services = ["virtualserver"]',
            'services = "virtualserver"',
            "services must be a list of service ids",
        ),
        ('services = ["virtualserver"]', 'servces = ["virtualserver"]', "unknown key 'servces'"),
        ('provider = "scp"', 'provider = "spc"', "provider must be one of ('nhn', 'scp'), got 'spc'"),
        ("capture = 2", 'capture = "two"', "capture must be a whole number, got 'two'"),
        ("capture = 2", "capture = 2.5", "capture must be a whole number, got 2.5"),
        ("capture = 2", "capture = true", "capture must be a whole number, got True"),
        ('covers = "operation"', 'covers = "operations"', "covers must be one of ('service', 'operation')"),
        ('url = "https://docs.example/b"', "url = 5", "url must be a string, got 5"),
        ('url = "https://docs.example/b"', "", "missing key 'url'"),
        ("capture = 2", 'capture = 2\ntitles = ["Virtual Server"]', "titles must be a table of service = title"),
        ("capture = 2", 'capture = 2\nexpect = "Create Image"', "expect must be a list of strings"),
    ],
)
def test_a_bad_entry_is_one_located_error(tmp_path: Path, old: str, new: str, expected: str) -> None:
    path = _catalog(tmp_path, _second_entry(old, new))
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    message = str(caught.value)
    assert message.count("\n") == 0, message
    # the second [[page]] header is on line 12 of the file
    assert message.startswith(f"{path}:12: [[page]] #2 (scp/b.txt): "), message
    assert expected in message


def test_every_bad_entry_is_named_at_once(tmp_path: Path) -> None:
    """A maintainer fixing the catalog sees every bad entry in one run, not one per run."""
    text = GOOD.replace('provider = "scp"', 'provider = "spc"', 1).replace("capture = 2", 'capture = "two"')
    path = _catalog(tmp_path, text)
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    lines = str(caught.value).splitlines()
    assert lines[0] == f"{path}: 2 bad [[page]] entries (nothing was built or fetched):"
    assert lines[1].startswith(f"  {path}:3: [[page]] #1 (scp/a.txt): provider must be one of")
    assert lines[2].startswith(f"  {path}:12: [[page]] #2 (scp/b.txt): capture must be a whole number")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('page = "scp/a.txt"\n', "'page' must be an array of tables ([[page]] entries)"),
        ("[page]\nfile = 'scp/a.txt'\n", "'page' must be an array of tables ([[page]] entries)"),
        ('[[pages]]\nfile = "scp/a.txt"\n', "unknown top-level key 'pages' (expected [[page]] entries)"),
    ],
)
def test_a_catalog_of_the_wrong_shape_is_one_error(tmp_path: Path, text: str, expected: str) -> None:
    path = _catalog(tmp_path, text)
    with pytest.raises(CatalogError, match=r"^" + str(path).replace("\\", "\\\\") + ": ") as caught:
        load_catalog(path)
    assert expected in str(caught.value)


def test_the_catalog_knows_every_dialect_and_no_other() -> None:
    assert set(PROVIDERS) == set(known_providers())
