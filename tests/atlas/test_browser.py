"""The atlas opened in a real headless Chromium, served from 127.0.0.1 by a server started here.

Chromium comes from the system packages: when it is missing, the ``chromium`` fixture installs it with apt-get
(running ``apt-get update`` only if the install fails) and fails with the reason when it cannot; the test is never
skipped, so a CI without a browser shows up as a failure, not as a silent pass.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from scraper.atlas import browser
from scraper.cli import main
from tests.atlas.atlas_site import bars, dated_deprecations, matrix_cells, read_page, spec_versions
from tests.paths import ROOT

TODAY = "2026-06-15"
_APT_ENV = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
_INSTALL = ["apt-get", "install", "-y", "-o", "DPkg::Lock::Timeout=300", "chromium"]


def _apt(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, env=_APT_ENV, timeout=900, check=False)


@pytest.fixture(scope="session")
def chromium() -> str:
    """The path of Chromium, installed from Debian's packages first when it is missing."""
    found = shutil.which("chromium")
    if found:
        return found
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        pytest.fail(
            "chromium is missing and cannot be installed here (needs apt-get as root): apt-get install chromium"
        )
    done = _apt(_INSTALL)
    if done.returncode != 0:
        update = _apt(["apt-get", "update"])
        done = _apt(_INSTALL) if update.returncode == 0 else update
    found = shutil.which("chromium")
    if done.returncode != 0 or not found:
        tail = " | ".join((done.stderr or done.stdout).strip().splitlines()[-3:])
        pytest.fail(f"could not install chromium with apt-get (exit {done.returncode}): {tail}")
    return found


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The atlas of the committed specs, served on 127.0.0.1; yields the base URL."""
    site = tmp_path_factory.mktemp("atlas-served") / "site"
    assert (
        main(
            [
                "atlas",
                "--out",
                str(site),
                "--spec-dir",
                str(ROOT / "spec"),
                "--today",
                TODAY,
                "--generated-dir",
                str(ROOT / "generated"),
            ]
        )
        == 0
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_home_page_in_chromium_shows_every_service_version_and_sunset(chromium: str, served_site: str) -> None:
    dom = browser.dump_dom(served_site + "index.html")
    home = read_page(dom)
    assert "<svg" in dom and 'class="today"' in dom  # the inline timeline survived parsing, with today marked
    assert matrix_cells(home) == {(f"{p}/{s}", v) for p, s, v in spec_versions(ROOT / "spec")}
    assert sorted(b["data-sunset"] for b in bars(home)) == sorted(s for *_, s in dated_deprecations(ROOT / "spec"))


def test_service_and_findings_pages_render_in_chromium(chromium: str, served_site: str) -> None:
    service = read_page(browser.dump_dom(served_site + "scp/virtualserver/index.html"))
    headers = [attrs.get("scope") for tag, attrs in service.elements if tag == "th"]
    assert headers.count("row") >= 112 and "col" in headers  # one row header per operation
    # the kind filter is plain HTML: following a kind's link opens that kind's <details> and no other
    findings = read_page(browser.dump_dom(served_site + "scp/virtualserver/findings.html#findings-table-repair"))
    details = {attrs["id"]: "open" in attrs for tag, attrs in findings.elements if tag == "details"}
    assert len(details) >= 10
    assert [kind for kind, is_open in details.items() if is_open] == ["kind-table-repair"]


def test_no_link_inside_the_site_is_a_404(served_site: str) -> None:
    """Every page reachable from the home page, fetched from the server the browser used: nothing missing."""
    seen: set[str] = set()
    queue = [served_site + "index.html"]
    failures = []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url, timeout=10) as response:  # our own server on 127.0.0.1
                body = response.read()
        except urllib.error.HTTPError as exc:
            failures.append((url, exc.code))
            continue
        if url.endswith(".html"):
            for link in read_page(body.decode("utf-8")).links:
                target = urljoin(url, link).split("#", 1)[0]
                if urlsplit(target).netloc == urlsplit(served_site).netloc:
                    queue.append(target)
    assert failures == []
    assert len(seen) > 60  # home, css, and every service's pages were reached


def test_screenshot_of_the_home_page(chromium: str, served_site: str, tmp_path: Path) -> None:
    out = tmp_path / "atlas.png"
    browser.screenshot(served_site + "index.html", out, height=800)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000
