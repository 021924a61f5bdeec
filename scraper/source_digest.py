"""Fingerprints of the tool itself: its source files and the versions of the libraries it runs on.

Whatever is remembered between runs (the regenerate stamp, the page cache) must be forgotten when the code that made
it changes; both hash the same way, here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

__all__ = ["SOURCE_SUFFIXES", "add_sources", "installed_version"]

#: What the tool is made of: stray files in a working copy (editor backups, merge leftovers) must not change a hash,
#: or a clean clone would not regenerate to "nothing changed".
SOURCE_SUFFIXES = (".py", ".j2")


def add_sources(digest: hashlib._Hash, root: Path, folders: Sequence[str], *, skip: tuple[str, ...] = ()) -> None:
    """Feed every source file under ``root/<folder>`` (path and bytes, sorted) into ``digest``, except paths
    (relative to ``root``, POSIX) that start with one of ``skip``."""
    for folder in folders:
        for path in sorted((root / folder).rglob("*")):
            rel = path.relative_to(root).as_posix()
            if rel.startswith(skip):
                continue
            if path.suffix in SOURCE_SUFFIXES and "__pycache__" not in path.parts and path.is_file():
                digest.update(rel.encode())
                digest.update(path.read_bytes())


def installed_version(name: str) -> str:
    """The installed version of distribution ``name``, or ``missing``."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "missing"
