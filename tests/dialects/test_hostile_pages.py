"""Hostile page text must not reach outside the output folder (issue 12, item 1), nor stop a page.

Each test is the attack itself: a real SCP page with its version header or version table rewritten to name a path
outside the output. The expected result is a located error, the service skipped, and nothing written or pruned
outside ``--out`` (a victim folder with a file in it stays exactly as it was).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scraper.atomic import UnsafePathError, write_tree
from scraper.cli import main
from scraper.path_segments import segment_problem
from tests.paths import ROOT

PAGES = ROOT / "pages" / "scp"
PAGE_000 = PAGES / "000_65c2559a52e6e5c4.txt"
PAGE_004 = PAGES / "004_dcbb7d1e887604a7.txt"


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _victim(tmp_path: Path) -> Path:
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "keep.txt").write_text("mine\n", encoding="utf-8")
    return victim


def _spec(tmp_path: Path, page_text: str, name: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    page = work / name
    page.write_text(page_text, encoding="utf-8")
    code = main(["spec", str(page), "--provider", "scp", "--out", str(work / "out")])
    return code, capsys.readouterr().err


def _outside(tmp_path: Path) -> set[str]:
    """Every file under tmp_path that is not the page, the output or the victim's own file."""
    return {
        str(p.relative_to(tmp_path))
        for p in tmp_path.rglob("*")
        if p.is_file() and not str(p.relative_to(tmp_path)).startswith(("work/out/", "work/page"))
    } - {"victim/keep.txt"}


def test_absolute_service_id_in_the_version_header(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    victim = _victim(tmp_path)
    text = PAGE_004.read_text(encoding="utf-8").replace("virtualserver 1.3", f"{victim} 1.3", 1)
    code, err = _spec(tmp_path, text, "page.txt", capsys)
    assert code == 1
    assert "page.txt:" in err and "service id" in err and "not a safe name" in err
    assert _tree(victim) == {"keep.txt": b"mine\n"}
    assert _outside(tmp_path) == set()


def test_relative_service_id_in_the_version_header(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _victim(tmp_path)
    text = PAGE_004.read_text(encoding="utf-8").replace("virtualserver 1.3", "../../victim 1.3", 1)
    code, err = _spec(tmp_path, text, "page.txt", capsys)
    assert code == 1 and "'../../victim'" in err
    assert _outside(tmp_path) == set()
    assert _tree(tmp_path / "victim") == {"keep.txt": b"mine\n"}


def test_version_row_naming_a_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _victim(tmp_path)
    text = PAGE_000.read_text(encoding="utf-8").replace(
        "| 1.0 | CURRENT | - |", "| ../../../victim/evil | CURRENT | - |"
    )
    assert "../victim/evil" in text
    code, err = _spec(tmp_path, text, "page.txt", capsys)
    assert code == 1
    assert re.search(
        r"page\.txt:\d+: version of 'parallel-filestorage' '\.\./\.\./\.\./victim/evil' is not a safe name", err
    )
    assert "the service is skipped" in err and "not built: scp/parallel-filestorage" in err
    assert _outside(tmp_path) == set()


def test_versions_differing_only_in_case_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``V1.0.yaml`` and ``v1.0.yaml`` are one file on a case-insensitive filesystem: one version would replace
    the other when the output is checked out on macOS or Windows."""
    text = PAGE_000.read_text(encoding="utf-8").replace(
        "| 1.0 | CURRENT | - |", "| V1.0 | CURRENT | - |\n| v1.0 | DEPRECATED | 2026-01-01 |"
    )
    text = text.replace("parallel-filestorage 1.0", "parallel-filestorage V1.0", 1)
    text = text.replace("parallel-filestorage 1.0", "parallel-filestorage v1.0")
    code, err = _spec(tmp_path, text, "page.txt", capsys)
    assert code == 1
    assert re.search(r"page\.txt:\d+: versions of 'parallel-filestorage' 'V1\.0' and 'v1\.0' differ only in case", err)
    assert "not built: scp/parallel-filestorage" in err and _outside(tmp_path) == set()


def test_catalog_coverage_error_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The catalog says the page covers a service, the page names another: neither is written."""
    pages = tmp_path / "pages"
    (pages / "scp").mkdir(parents=True)
    text = PAGE_004.read_text(encoding="utf-8").replace("virtualserver", "othersvc")
    (pages / "scp" / "004.txt").write_text(text, encoding="utf-8")
    (pages / "catalog.toml").write_text(
        '[[page]]\nfile = "scp/004.txt"\nurl = "https://example.invalid/004"\nprovider = "scp"\nformat = "text"\n'
        'services = ["virtualserver"]\ncapture = 1\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code = main(["spec", "--catalog", str(pages / "catalog.toml"), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and "catalog says the page covers ['virtualserver']" in err
    assert not out.exists() or _tree(out) == {}


def test_a_catalog_page_that_lost_its_operations_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A page the catalog says covers a service, now without one operation (a docs rewrite, a captured error
    page): the error says no operations were found, not that the page "documents []"."""
    pages = tmp_path / "pages"
    (pages / "scp").mkdir(parents=True)
    (pages / "scp" / "004.txt").write_text("Virtual Server\n\nThis page has moved.\n", encoding="utf-8")
    (pages / "catalog.toml").write_text(
        '[[page]]\nfile = "scp/004.txt"\nurl = "https://example.invalid/004"\nprovider = "scp"\nformat = "text"\n'
        'services = ["virtualserver"]\ncapture = 1\n',
        encoding="utf-8",
    )
    code = main(["spec", "--catalog", str(pages / "catalog.toml"), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1 and "no API operations were found" in err and "documents []" not in err, err


#: names Windows would not keep as file names: device names (with any extension, in any case), a final "."
WINDOWS_UNKEPT = ["CON", "nul", "Aux.1", "com1", "LPT9.yaml", "v1."]


@pytest.mark.parametrize(
    "name",
    [
        "..",
        ".",
        "",
        "a/b",
        "/abs",
        "a\\b",
        "x" * 65,
        ".hidden",
        "-opt",
        "a..b",
        "nul\0",
        "é",
        " a",
        "1.3 ",
        *WINDOWS_UNKEPT,
    ],
)
def test_unsafe_segments_are_refused(name: str) -> None:
    assert segment_problem(name, "version") is not None


@pytest.mark.parametrize("name", ["1.0", "v2", "parallel-filestorage", "block_storage", "2024-01-01"])
def test_ordinary_segments_are_accepted(name: str) -> None:
    assert segment_problem(name, "version") is None


@pytest.mark.parametrize("rel", ["../x", "/etc/x", "a/../../x", "a//b", "./a", "C:/x", "a\\..\\x"])
def test_write_tree_refuses_paths_leaving_the_folder(tmp_path: Path, rel: str) -> None:
    with pytest.raises(UnsafePathError):
        write_tree(tmp_path / "out", {"ok.txt": b"1", rel: b"2"})
    assert not (tmp_path / "out").exists()  # checked before anything is written


def test_write_tree_refuses_a_name_no_filesystem_takes(tmp_path: Path) -> None:
    with pytest.raises(UnsafePathError, match="longer than 255 bytes"):
        write_tree(tmp_path / "out", {"ok.txt": b"1", "pkg/" + "é" * 128 + ".py": b"2"})
    assert not (tmp_path / "out").exists()  # checked before anything is written


def test_write_tree_refuses_a_symlinked_folder_inside_the_output(tmp_path: Path) -> None:
    victim = _victim(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "pkg").symlink_to(victim, target_is_directory=True)
    with pytest.raises(UnsafePathError, match="symlinked folder"):
        write_tree(out, {"pkg/keep.txt": b"overwritten"})
    assert _tree(victim) == {"keep.txt": b"mine\n"}


#: JSON examples that ``json.loads`` cannot turn into a usable value: ValueError (an integer of more than 4300
#: digits), RecursionError, a lone surrogate, nesting deeper than any spec may be
UNUSABLE_EXAMPLES = ["9" * 5000, "[" * 100_000 + "]" * 100_000, '"\\ud800"', "[" * 300 + "]" * 300]


@pytest.mark.parametrize("value", UNUSABLE_EXAMPLES, ids=["long-int", "deep", "surrogate", "deeper-than-specs"])
@pytest.mark.parametrize(
    ("page", "provider", "example", "kind"),
    [
        (PAGE_000, "scp", '"id": "40htrre5b-eww25-ff2b-a426-6afefas65a3b",', "invalid-json"),
        (ROOT / "pages" / "nhn" / "EasyQueue__en__public-api.md", "nhn", '"totalCount": 1,', "invalid-example"),
    ],
    ids=["scp", "nhn"],
)
def test_an_unusable_json_example_is_a_finding_and_the_page_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], page: Path, provider: str, example: str, kind: str, value: str
) -> None:
    """Such an example stopped the whole page as an 'internal error ... docs2client bug'."""
    text = page.read_text(encoding="utf-8").replace(example, example.split(":")[0] + f": {value},", 1)
    (tmp_path / page.name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["spec", str(tmp_path / page.name), "--provider", provider, "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    findings = [json.loads(p.read_text(encoding="utf-8")) for p in out.rglob("findings.json")]
    assert kind in {f["kind"] for doc in findings for f in doc["findings"]}
