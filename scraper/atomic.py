"""Atomic, change-only file output.

Everything a command writes is rendered in memory first; only then are files written, each through a temporary
file in the same directory and ``os.replace``. So a crash or a bad page never leaves a half-written file, and a file
whose content did not change is not touched (its mtime stays, which keeps ``make`` and git quiet).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

__all__ = ["write_atomic", "write_tree"]


def write_atomic(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically. Returns False (and writes nothing) when the content is unchanged."""
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def write_tree(root: Path, files: Mapping[str, bytes], *, prune: bool = False) -> list[Path]:
    """Write every ``relative path -> content`` under ``root``; return the paths that changed.

    With ``prune``, files under ``root`` that are not in ``files`` are removed (after all writes succeeded), so a
    directory that is regenerated whole never keeps stale files. Caches that tools leave beside the files
    (``__pycache__``, dot-directories such as ``.mypy_cache``) are not output and are left alone.
    """
    changed: list[Path] = []
    for rel in sorted(files):
        target = root / rel
        if write_atomic(target, files[rel]):
            changed.append(target)
    if prune and root.exists():
        keep = {(root / rel).resolve() for rel in files}
        for existing in sorted(root.rglob("*")):
            parts = existing.relative_to(root).parts
            if any(part == "__pycache__" or part.startswith(".") for part in parts[:-1]):
                continue
            if existing.is_file() and existing.resolve() not in keep:
                existing.unlink()
                changed.append(existing)
    return changed
