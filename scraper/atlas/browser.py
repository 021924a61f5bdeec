"""Headless Chromium, for the atlas's screenshot and for the tests that open the site in a real browser.

Each run gets a fresh profile folder and the flags that keep Chromium from reaching out (no background networking,
sync, extensions or first-run pages), so looking at the site never touches the network and never depends on a
previous run. ``--no-sandbox`` because CI runs as root, where Chromium's sandbox refuses to start.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

__all__ = ["BrowserError", "chromium", "dump_dom", "screenshot"]

_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
)


class BrowserError(RuntimeError):
    """No Chromium to run, or it failed; the message says which and what to install."""


def chromium() -> str:
    """The path of a Chromium-like browser on PATH."""
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserError("no chromium on PATH: install it (Debian: apt-get install -y chromium)")


def _run(url: str, extra: list[str], timeout: float) -> str:
    with tempfile.TemporaryDirectory(prefix="atlas-chromium-") as profile:
        command = [chromium(), *_FLAGS, f"--user-data-dir={profile}", *extra, url]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise BrowserError(f"chromium did not finish {url} within {timeout:.0f} s") from None
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-3:]
        raise BrowserError(f"chromium exited with {done.returncode} on {url}: {' | '.join(tail)}")
    return done.stdout


def dump_dom(url: str, *, timeout: float = 30) -> str:
    """The page's DOM after loading and layout, as Chromium serialises it."""
    return _run(url, ["--dump-dom"], timeout)


def screenshot(url: str, out: Path, *, width: int = 1280, height: int = 1400, timeout: float = 30) -> None:
    """A PNG of the page's top ``width`` x ``height`` pixels at ``out``."""
    out = out.resolve()
    _run(url, [f"--screenshot={out}", f"--window-size={width},{height}"], timeout)
    if not out.is_file():
        raise BrowserError(f"chromium wrote no screenshot at {out}")
