"""What the commands say and return when the input selects nothing, names nothing or fails part-way: a typo or a
failed page is an error with a clear message, never a silent success."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from scraper.catalog import CatalogError, load_catalog
from scraper.cli import main
from scraper.regenerate import run as regenerate_run
from tests.paths import ROOT

PFS = "scp/000_65c2559a52e6e5c4.txt"
NHN = "nhn/003_source_Storage-Block-Storage_en_public-api.md"
CATALOG = f"""
[[page]]
file = "{PFS}"
url = "https://docs.example/scp/parallel-filestorage/_print"
provider = "scp"
format = "text"
services = ["parallel-filestorage"]

[[page]]
file = "{NHN}"
url = "https://docs.example/nhn/block-storage.md"
provider = "nhn"
format = "markdown"
services = ["block-storage"]
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for rel in (PFS, NHN):
        (tmp_path / "pages" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "pages" / rel, tmp_path / "pages" / rel)
    (tmp_path / "pages" / "catalog.toml").write_text(CATALOG, encoding="utf-8")
    return tmp_path


# --- fetch ---------------------------------------------------------------------------------------------------------


def test_fetch_dry_run_honours_provider_and_service(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    catalog = str(project / "pages" / "catalog.toml")
    assert main(["fetch", "--catalog", catalog, "--dry-run"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert main(["fetch", "--catalog", catalog, "--dry-run", "--provider", "nhn"]) == 0
    assert capsys.readouterr().out == f"{NHN}\thttps://docs.example/nhn/block-storage.md\n"
    assert main(["fetch", "--catalog", catalog, "--dry-run", "--service", "parallel-filestorage"]) == 0
    assert capsys.readouterr().out.startswith(f"{PFS}\t")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--provider", "aws"], "--provider 'aws': no page of "),
        (["--service", "virtualserverr"], "--service 'virtualserverr': no page in "),
        (["--provider", "nhn", "--service", "parallel-filestorage"], "no page of provider 'nhn' in "),
    ],
)
def test_fetch_unknown_provider_or_service_is_an_error(
    project: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    for mode in (["--dry-run"], []):
        assert main(["fetch", "--catalog", str(project / "pages" / "catalog.toml"), *mode, *args]) == 2
        err = capsys.readouterr().err
        assert err.startswith("error: ") and message in err and "(known: " in err


class _NotFound(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def dead_mirror() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NotFound)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_online_regenerate_with_failed_pages_exits_nonzero_after_a_summary(
    project: Path, dead_mirror: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DOCS2CLIENT_BASE_URL", dead_mirror)
    monkeypatch.setenv("CI", "1")
    args = argparse.Namespace(
        catalog=project / "pages" / "catalog.toml",
        spec_dir=project / "spec",
        generated_dir=project / "generated",
        force=False,
        online=True,
        specs_only=True,
        jobs=None,
    )
    assert regenerate_run(args) == 1
    captured = capsys.readouterr()
    # without a terminal: one plain line per page as it finishes, then the summary, then the build
    assert f"failed       {PFS}" in captured.out and f"failed       {NHN}" in captured.out
    assert "pages: 0 unchanged, 0 changed, 0 saved in another format, 2 failed" in captured.out
    assert "rebuilding 2 of 2 services" in captured.out  # the committed snapshots are still built
    assert "error: 2 page(s) failed to fetch" in captured.err
    assert (project / "spec" / "scp" / "parallel-filestorage" / "1.0.yaml").is_file()


# --- catalog and spec ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("file", ["../secrets.txt", "/etc/passwd", "scp/../../x.txt", "C:/x.txt", ""])
def test_catalog_file_must_stay_inside_pages(tmp_path: Path, file: str) -> None:
    catalog = tmp_path / "pages" / "catalog.toml"
    catalog.parent.mkdir()
    catalog.write_text(
        f'[[page]]\nfile = "{file}"\nurl = "https://d/x"\nprovider = "scp"\nformat = "text"\n', encoding="utf-8"
    )
    with pytest.raises(
        CatalogError, match=r"catalog.toml:1: \[\[page\]\] #1 \(.*\): file .* must be a relative path inside"
    ):
        load_catalog(catalog)


def test_spec_on_a_page_with_nothing_in_it_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "notes.txt"
    page.write_text("Meeting notes\nNothing about any API here.\n", encoding="utf-8")
    assert main(["spec", str(page), "--provider", "scp", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert f"{page}: no API operations found (expected a scp API reference page in text format" in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").rglob("*.yaml"))


def test_spec_on_a_missing_file_names_it_without_a_fake_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["spec", str(missing), "--provider", "scp", "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert f"  {missing}: cannot read page file: No such file or directory" in err
    assert f"{missing}:0" not in err


# --- the console script --------------------------------------------------------------------------------------------


def test_console_script_flushes_piped_output_and_keeps_the_exit_code(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``entry`` skips the interpreter's teardown (``os._exit``): what a run printed to a pipe (block-buffered)
    must still arrive whole, and the exit code must be main's, for success and for an error alike."""
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    catalog = str(project / "pages" / "catalog.toml")
    ok = ["fetch", "--catalog", catalog, "--dry-run"]
    bad = ["fetch", "--catalog", catalog, "--dry-run", "--provider", "nope"]
    for args in (ok, bad):
        code = main(args)
        printed = capsys.readouterr()
        run = subprocess.run(
            [sys.executable, "-m", "scraper", *args], capture_output=True, text=True, check=False, env=buffered
        )
        assert (run.returncode, run.stdout, run.stderr) == (code, printed.out, printed.err)
    assert code != 0 and printed.err
