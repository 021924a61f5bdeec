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

__all__ = ["UnsafePathError", "safe_relative", "write_atomic", "write_tree"]


class UnsafePathError(ValueError):
    """A file to write would land outside its output folder (``..``, an absolute path, a symlinked folder)."""


def safe_relative(rel: str) -> bool:
    """Whether ``rel`` is a plain relative path: no absolute path, drive, ``..``, ``.``, empty part or backslash."""
    if not rel or "\\" in rel or "\0" in rel or rel.startswith("/"):
        return False
    parts = rel.split("/")
    return all(part not in ("", ".", "..") for part in parts) and ":" not in parts[0]


def _target(root: Path, rel: str) -> Path:
    """``root / rel``, refusing a path that leaves ``root`` by itself or through a symlinked folder inside it."""
    if not safe_relative(rel):
        raise UnsafePathError(f"{root}: refusing to write {rel!r}: not a plain relative path inside the folder")
    folder = root
    for part in rel.split("/")[:-1]:
        folder = folder / part
        if folder.is_symlink():
            raise UnsafePathError(f"{folder}: refusing to write through a symlinked folder inside the output")
    return root / rel


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
    targets = {rel: _target(root, rel) for rel in files}  # every path is checked before anything is written
    changed: list[Path] = []
    for rel in sorted(files):
        target = targets[rel]
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
