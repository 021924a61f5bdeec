"""The smaller items of issue 12 (item 10): git options through ``diff``, symlinks, file modes, plain http, huge
pages. Each test is the attack or the bad input itself."""

from __future__ import annotations

import os
import stat
import subprocess
import warnings
from pathlib import Path

import pytest

from scraper.atomic import write_tree
from scraper.build import MAX_PAGE_BYTES, PageInput, build_services
from scraper.cli import main
from tests.conftest import runtime_support
from tests.paths import ROOT

PAGE_000 = ROOT / "pages" / "scp" / "000_65c2559a52e6e5c4.txt"
PAGE_004 = ROOT / "pages" / "scp" / "004_dcbb7d1e887604a7.txt"


@pytest.mark.parametrize("rev", ["--output=OUT", "-p", "--output"])
def test_diff_refuses_a_revision_that_is_a_git_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, rev: str
) -> None:
    monkeypatch.chdir(tmp_path)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    target = tmp_path / "OUT"
    ref = f"git:{rev.replace('OUT', str(target))}:HEAD"
    assert main(["diff", ref, ref]) == 2
    assert "cannot start with '-'" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == [".git"]  # git wrote no OUT:HEAD


def test_written_files_follow_the_umask(tmp_path: Path) -> None:
    modes = {}
    for umask in (0o022, 0o077, 0o002):
        previous = os.umask(umask)
        try:
            write_tree(tmp_path / oct(umask), {"a/b.txt": b"x"})
        finally:
            os.umask(previous)
        modes[umask] = stat.S_IMODE((tmp_path / oct(umask) / "a" / "b.txt").stat().st_mode)
    assert modes == {0o022: 0o644, 0o077: 0o600, 0o002: 0o664}


def test_a_rewritten_file_keeps_its_mode(tmp_path: Path) -> None:
    write_tree(tmp_path, {"run.sh": b"1"})
    (tmp_path / "run.sh").chmod(0o750)
    write_tree(tmp_path, {"run.sh": b"2"})
    assert stat.S_IMODE((tmp_path / "run.sh").stat().st_mode) == 0o750


def test_a_plain_http_endpoint_in_the_docs_is_a_finding(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    text = PAGE_000.read_text(encoding="utf-8").replace("https://parallel-filestorage.", "http://parallel-filestorage.")
    page.write_text(text, encoding="utf-8")
    report = build_services([PageInput(name="page.txt", path=page, provider="scp", format="text")])
    (service,) = report.services
    found = [f for f in service.findings if f.kind == "insecure-server"]
    assert len(found) == 1 and "is plain http" in found[0].message and found[0].page == "page.txt"


def test_the_client_warns_about_plain_http_but_not_on_this_machine() -> None:
    rt = runtime_support().load_runtime()
    with pytest.warns(rt.InsecureUrlWarning, match="plain http"):
        rt.SyncTransport(base_url="http://api.example.com").close()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        rt.SyncTransport(base_url="http://127.0.0.1:9/").close()
        rt.SyncTransport(base_url="https://api.example.com").close()


def test_a_huge_page_is_a_clean_error_and_the_other_pages_are_built(tmp_path: Path) -> None:
    huge = tmp_path / "huge.html"
    with huge.open("wb") as handle:
        handle.truncate(MAX_PAGE_BYTES + 1)
    pages = [
        PageInput(name="huge.html", path=huge, provider="scp", format="html", capture=1),
        PageInput(name="004.txt", path=PAGE_004, provider="scp", format="text", capture=2),
    ]
    report = build_services(pages)
    assert report.errors == ["huge.html: page is larger than 16 MiB; expected one API reference page"]
    assert [s.id for s in report.services] == ["virtualserver"]
