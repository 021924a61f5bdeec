"""What a regeneration was made from, and the record of it (``spec/.regenerate.json``, the stamp).

A service is rebuilt when its input hash differs from the stamp's: its pages (bytes and catalog entry), the tool's
own code and templates, and the locked versions of the libraries that shape the output (:mod:`.lockfile`). A package
is rendered again when its spec folder or the tool changed since it was last rendered (its own hash in the stamp).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from scraper.atomic import write_atomic
from scraper.build import PageInput
from scraper.regenerate.lockfile import LOCK_NAME, checked_pins
from scraper.source_digest import add_sources, installed_version

__all__ = ["STAMP", "TOOL_ROOT", "load_stamp", "package_inputs", "service_hashes", "tool_hash", "write_stamp"]

STAMP = ".regenerate.json"
#: The checkout (or installed tree) whose ``scraper/`` and ``templates/`` the tool hash reads.
TOOL_ROOT = Path(__file__).resolve().parents[2]
_TOOL_DISTRIBUTIONS = (
    "beautifulsoup4",
    "markdown-it-py",
    "pyyaml",
    "jinja2",
    "datamodel-code-generator",
    "black",
    "pydantic",
)


#: Parts of the tool that do not shape specs or packages (a change there must not force a rebuild).
_NOT_OUTPUT_SHAPING = (
    "scraper/fetch",
    "scraper/publish/",
    "scraper/cli.py",
    "scraper/collector.py",
    "scraper/atlas",
    "scraper/iso_date.py",
    "templates/atlas",
)


def tool_hash(root: Path) -> str:
    """The tool's code and templates under ``root`` and the library versions; raises
    :class:`~scraper.regenerate.lockfile.LockError` when the environment drifted from the lock."""
    digest = hashlib.sha256()
    add_sources(digest, root, ("scraper", "templates"), skip=_NOT_OUTPUT_SHAPING)
    pins = checked_pins(root / LOCK_NAME)
    if pins is None:  # no lock: an installed tool outside a checkout; the versions that shape the output
        pins = {name: installed_version(name) for name in _TOOL_DISTRIBUTIONS}
    for name, version in sorted(pins.items()):
        digest.update(f"{name}=={version}".encode())
    return digest.hexdigest()


def service_hashes(pages: list[PageInput], tool: str) -> dict[str, str]:
    """``{provider/service: input hash}``: the tool hash and every page the service is read from."""
    per_service: dict[str, hashlib._Hash] = {}
    for page in sorted(pages, key=lambda p: p.name):
        try:
            content = page.path.read_bytes()
        except OSError:
            content = b"<missing>"
        for service in page.services:
            digest = per_service.setdefault(f"{page.provider}/{service}", hashlib.sha256(tool.encode()))
            record = [page.name, page.url, page.format, page.covers, page.capture, page.services, page.titles]
            digest.update(json.dumps(record).encode())
            digest.update(hashlib.sha256(content).digest())
    return {key: digest.hexdigest() for key, digest in sorted(per_service.items())}


def package_inputs(folder: Path, tool: str) -> str:
    """What a service's package is rendered from: the tool, the service's spec folder (the package names its specs by
    the path it was given) and the files in it (specs, findings)."""
    digest = hashlib.sha256(f"{tool}\0{folder.as_posix()}\0".encode())
    for path in sorted(folder.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def load_stamp(path: Path) -> dict[str, Any]:
    """The stamp as recorded; empty when it is missing or unreadable (everything is then rebuilt)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_stamp(
    path: Path,
    *,
    packages: dict[str, str],
    services: dict[str, str],
    renders: dict[str, dict[str, str]] | None = None,
) -> None:
    """Record the package and service hashes, and the client modules' inputs and outputs (see
    :mod:`scraper.clients.previous_renders`); keys sorted, so an unchanged regeneration writes the same bytes."""
    stamp: dict[str, Any] = {"packages": packages, "services": services}
    if renders:
        stamp["renders"] = renders
    write_atomic(path, (json.dumps(stamp, indent=2, sort_keys=True) + "\n").encode())
