"""A page file whose name does not say its format (``page``, ``page.aspx``) is read in the format its content
shows; a known extension decides alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.cli import main
from scraper.readers import format_by_name, sniff_format
from tests.paths import FIXTURES, PAGES

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
