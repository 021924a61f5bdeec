"""The dependency lock (``requirements.lock``) as regeneration sees it.

The generated specs and packages depend on the versions of the libraries that read pages and write code (the
Markdown and HTML parsers, datamodel-code-generator, black, PyYAML...). ``make`` installs exactly the versions the
lock names, so the regeneration hash includes the locked versions: a fresh clone hashes what the committed output
was built with and finds nothing changed, and ``make lock UPGRADE=1`` rebuilds everything once. An environment that
drifted from the lock (a hand-run ``pip install -U black``) would produce different output under the same hash, so
it is refused with the list of differences instead.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from packaging.utils import canonicalize_name

from scraper.atomic import write_atomic

__all__ = ["LOCK_NAME", "LockError", "checked_pins", "drift", "locked_versions", "main", "without_pins"]

LOCK_NAME = "requirements.lock"

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")


class LockError(Exception):
    """The installed environment differs from the lock; the message lists how and says how to fix it."""


def locked_versions(text: str) -> dict[str, str]:
    """``{canonical name: version}`` of every ``name==version`` pin in a pip-compile lock (hashes, comments and
    continuation lines are skipped)."""
    pins: dict[str, str] = {}
    for line in text.splitlines():
        match = _PIN.match(line)
        if match:
            pins[canonicalize_name(match.group(1))] = match.group(2)
    return pins


def _installed(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def _listed_versions() -> dict[str, str]:
    """``{canonical name: version}`` as the ``<name>-<version>.dist-info`` folders on ``sys.path`` spell them (the
    first on the path wins, as for ``importlib.metadata``).

    Every regeneration compares the whole lock (~90 distributions) with what is installed; ``metadata.version``
    finds and parses each one's METADATA file, ~0.5 ms apiece, a third of a no-op regeneration's CPU. One listing
    per path entry gives the same answers where installers name the folder after the version (the wheel format
    does); :func:`drift` asks ``metadata.version`` whenever a listed version is missing or not the locked one, so a
    listing can only confirm a match, never report a difference."""
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:  # not a folder (a zip), gone, unreadable
            continue
        for folder in names:
            if folder.endswith(".dist-info") and "-" in folder:
                name, _, version = folder.removesuffix(".dist-info").partition("-")
                found.setdefault(canonicalize_name(name), version)
    return found


def drift(pins: dict[str, str]) -> list[str]:
    """One line per locked distribution whose installed version is not the locked one (empty: in step)."""
    lines = []
    listed = _listed_versions()
    for name, version in sorted(pins.items()):
        installed = version if listed.get(name) == version else _installed(name)
        if installed != version:
            lines.append(f"{name}: locked {version}, installed {installed or 'nothing'}")
    return lines


def checked_pins(lock: Path) -> dict[str, str] | None:
    """The lock's pins when the environment matches them; None when there is no lock (an installed tool outside a
    checkout). Raises :class:`LockError` naming the lock and the differences otherwise."""
    try:
        text = lock.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    pins = locked_versions(text)
    differences = drift(pins)
    if differences:
        shown = "; ".join(differences[:5]) + (f" (+{len(differences) - 5} more)" if len(differences) > 5 else "")
        raise LockError(
            f"{lock}: the installed packages differ from the lock ({shown}); the output would not match what the "
            f"lock builds. Reinstall from it (`.venv/bin/python -m pip install --require-hashes -r {lock.name}`, or "
            "`make clean-venv regenerate`), or update it with `make lock` if the new versions are meant"
        )
    return pins


def without_pins(text: str, names: set[str]) -> str:
    """The lock without the entries of ``names`` (pin, hash continuation lines and its ``# via`` comments).

    The shared client runtime (``docs2client-runtime``) is a dependency of the tool that lives in this repository
    (``runtime/``), not on an index: ``make lock`` resolves it from a wheel built on the spot, so its dependencies are
    pinned with everything else, then drops its own entry, which ``make`` installs from ``runtime/`` instead
    (pip's ``--require-hashes`` would otherwise demand the hash of a wheel that exists only on the machine that
    locked)."""
    wanted = {canonicalize_name(name) for name in names}
    kept: list[str] = []
    dropping = False
    for line in text.splitlines(keepends=True):
        match = _PIN.match(line)
        if match or (line[:1] not in (" ", "\t") and line.strip()):
            dropping = match is not None and canonicalize_name(match.group(1)) in wanted
        if not dropping:
            kept.append(line)
    return "".join(kept)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m scraper.regenerate.lockfile drop NAME LOCK...`` (``make lock``): remove NAME's entry from each
    LOCK (:func:`without_pins`)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) < 3 or args[0] != "drop":
        print("usage: python -m scraper.regenerate.lockfile drop NAME LOCK...", file=sys.stderr)
        return 2
    for lock in map(Path, args[2:]):
        try:
            text = lock.read_text(encoding="utf-8")
        except OSError as exc:
            print(f"error: {lock}: cannot read the lock ({exc.strerror})", file=sys.stderr)
            return 1
        write_atomic(lock, without_pins(text, {args[1]}).encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
