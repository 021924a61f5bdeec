"""A page file whose name does not say its format (``page``, ``page.aspx``) is read in the format its content
shows; a known extension decides alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.cli import main
from scraper.readers import format_by_name, sniff_format
from tests.paths import FIXTURES, PAGES
from tests.time_limit import time_limit

_EXTENSION_FORMAT = {".md": "markdown", ".txt": "text", ".html": "html"}
_PAGES = sorted(
    p
    for p in [*PAGES.rglob("*"), *(FIXTURES / "html").glob("*"), *(FIXTURES / "nhn").rglob("*")]
    if p.suffix in _EXTENSION_FORMAT
)


@pytest.mark.parametrize("page", _PAGES, ids=lambda p: p.name)
def test_every_committed_page_sniffs_as_its_extension_says(page: Path) -> None:
    assert sniff_format(page.read_bytes()) == _EXTENSION_FORMAT[page.suffix]


def test_scp_text_renderings_keep_pipe_table_separators_and_stay_text() -> None:
    assert sniff_format(b"Version\n| Version | State |\n|---|---|\n| 1.1 | CURRENT |\n") == "text"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\xef\xbb\xbf<!-- saved -->\n<!DOCTYPE html><html>", "html"),
        (b"  <html lang='ko'>", "html"),
        (b"<p>GET /v1/x</p>", "text"),  # a fragment is not a document: no sure sign, read as text
        (b"intro\n## Create Instance\n", "markdown"),
        (b"```json\n{}\n```\n", "markdown"),
        (b"#hashtag is not a heading\n", "text"),
    ],
)
def test_content_signs(head: bytes, expected: str) -> None:
    assert sniff_format(head) == expected


def test_a_known_extension_decides_alone() -> None:
    assert [format_by_name(n) for n in ("a.HTM", "a.markdown", "a.text", "a.aspx", "page")] == [
        "html",
        "markdown",
        "text",
        None,
        None,
    ]


def test_spec_reads_a_page_saved_without_extension_in_its_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = tmp_path / "public-api"
    saved.write_bytes((PAGES / "nhn" / "Traffic-Mirroring__en__public-api.md").read_bytes())
    assert main(["spec", str(saved), "--out", str(tmp_path / "a")]) == 0
    assert f"note: {saved}: read as markdown by its content; NHN Cloud by its marks (" in capsys.readouterr().err
    named = tmp_path / "public-api.md"
    named.write_bytes(saved.read_bytes())
    assert main(["spec", str(named), "--provider", "nhn", "--out", str(tmp_path / "b")]) == 0
    assert "note:" not in capsys.readouterr().err
    specs = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yaml"))
    assert specs and specs == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.yaml"))
    for spec in specs:
        sniffed = (tmp_path / "a" / spec).read_text(encoding="utf-8")
        named_text = (tmp_path / "b" / spec).read_text(encoding="utf-8")
        assert sniffed == named_text.replace(str(named), str(saved))


def test_many_comments_before_the_text_are_sniffed_in_linear_time() -> None:
    """Each comment could end at any later ``-->``, and the regex tried every such grouping before it gave up: 20
    comments before text took 0.15 s, each two more about 3.5 times as long (30: minutes). A page saved without
    an extension and starting with comments hung ``docs2client spec``."""
    with time_limit(5, "sniffing"):
        assert sniff_format(b"<!-- a -->\n" * 5000 + b"Plain text") == "text"
        assert sniff_format(b"<!-- a -->\n" * 5000 + b"<!doctype html><html>") == "html"
    assert sniff_format(b"<!-- a --> x --><html>") == "text"  # a comment ends at its first -->
