"""Atomic, change-only file output.

Everything a command writes is rendered in memory first; only then are files written, each through a temporary
file in the same directory and ``os.replace``. So a crash or a bad page never leaves a half-written file, and a file
whose content did not change is not touched (its mtime stays, which keeps ``make`` and git quiet).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

__all__ = [
    "MANIFEST",
    "MAX_NAME_BYTES",
    "ForeignFolderError",
    "UnsafePathError",
    "safe_relative",
    "write_atomic",
    "write_tree",
]

#: The list of files a regenerated-whole folder holds from the tool (see :func:`write_tree`).
MANIFEST = ".docs2client-files"


#: Files of one tree written at the same time. Each write ends in ``fsync``, which waits for the disk with the GIL
#: released, so a package's hundreds of files cost a few disk waits instead of one each.
_WRITERS = 8


class ForeignFolderError(ValueError):
    """A folder to regenerate holds files but was not written by the tool: writing could clobber someone's work."""


class UnsafePathError(ValueError):
    """A file to write would land outside its output folder (``..``, an absolute path, a symlinked folder)."""


def safe_relative(rel: str) -> bool:
    """Whether ``rel`` is a plain relative path: no absolute path, drive, ``..``, ``.``, empty part or backslash."""
    if not rel or "\\" in rel or "\0" in rel or rel.startswith("/"):
        return False
    parts = rel.split("/")
    return all(part not in ("", ".", "..") for part in parts) and ":" not in parts[0]


#: Longest file or folder name most filesystems take (NAME_MAX on Linux and macOS, 255 UTF-16 units on NTFS).
MAX_NAME_BYTES = 255


def _target(root: Path, rel: str) -> Path:
    """``root / rel``, refusing a path that leaves ``root`` by itself or through a symlinked folder inside it, or
    that has a name no filesystem takes (names come from specs: a 300-character ``x-service`` failed with
    ``ENAMETOOLONG`` halfway through writing a package)."""
    if not safe_relative(rel):
        raise UnsafePathError(f"{root}: refusing to write {rel!r}: not a plain relative path inside the folder")
    long_name = next((part for part in rel.split("/") if len(part.encode("utf-8")) > MAX_NAME_BYTES), None)
    if long_name is not None:
        raise UnsafePathError(
            f"{root}: refusing to write {rel[:80]!r}...: the name {long_name[:40]!r}... is longer than "
            f"{MAX_NAME_BYTES} bytes"
        )
    folder = root
    for part in rel.split("/")[:-1]:
        folder = folder / part
        if folder.is_symlink():
            raise UnsafePathError(f"{folder}: refusing to write through a symlinked folder inside the output")
    return root / rel


def _umask() -> int:
    """The process umask (read by setting it and putting it back: there is no other portable way)."""
    current = os.umask(0o022)
    os.umask(current)
    return current


def _mode_for(path: Path) -> int:
    """The mode a replaced file keeps, or for a new file ``0666`` less the umask (as ``open()`` creates files)."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        return 0o666 & ~_umask()


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
        os.fchmod(fd, _mode_for(path))  # mkstemp makes 0600; an output file gets what open() would have given it
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def write_tree(
    root: Path,
    files: Mapping[str, bytes],
    *,
    prune: bool = False,
    force: bool = False,
    marker: tuple[str, bytes] | None = None,
) -> list[Path]:
    """Write every ``relative path -> content`` under ``root``; return the paths that changed.

    With ``prune``, ``root`` is one output regenerated whole: the files it wrote are listed in ``root/MANIFEST``,
    and only files in the previous manifest that are no longer rendered are removed, so files the tool did not
    create are never deleted. A non-empty folder without a manifest is refused (:class:`ForeignFolderError`)
    unless ``force`` is given or it holds ``marker`` (a file name and the bytes it starts with) of an output
    written before manifests existed; such a folder is adopted without deleting anything.
    """
    targets = {rel: _target(root, rel) for rel in files}  # every path is checked before anything is written
    previous = _read_manifest(root) if prune else None
    if prune and previous is None and not force and _holds_files(root) and not _marked(root, marker):
        raise ForeignFolderError(
            f"{root}: folder is not empty and is not an output of docs2client (no {MANIFEST}); refusing to write "
            "into it (--force writes anyway; files the tool did not write are never deleted)"
        )
    order = sorted(files)
    changed = [targets[rel] for rel, wrote in zip(order, _write_all(targets, files, order), strict=True) if wrote]
    if prune:
        for rel in sorted((previous or set()) - set(files)):
            try:
                stale = _target(root, rel)
            except UnsafePathError:
                continue  # a tampered manifest entry: nothing outside the folder is ever removed
            if stale.is_file() or stale.is_symlink():
                stale.unlink()
                changed.append(stale)
        write_atomic(root / MANIFEST, _manifest_bytes(files))
    return changed


def _write_all(targets: Mapping[str, Path], files: Mapping[str, bytes], order: list[str]) -> list[bool]:
    """:func:`write_atomic` of every file in ``order``, several at once; whether each one changed, in order. The
    first error is raised once every write has ended (each one is atomic on its own, as before)."""
    if len(order) <= 1:
        return [write_atomic(targets[rel], files[rel]) for rel in order]
    # submit + result, not map: map's iterator cancels the writes not yet started when one fails, so which files
    # were written would depend on thread timing
    with ThreadPoolExecutor(max_workers=min(_WRITERS, len(order))) as pool:
        futures = [pool.submit(write_atomic, targets[rel], files[rel]) for rel in order]
    return [future.result() for future in futures]


def _read_manifest(root: Path) -> set[str] | None:
    try:
        text = (root / MANIFEST).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return {line for line in text.splitlines() if line and not line.startswith("#")}


def _manifest_bytes(files: Mapping[str, bytes]) -> bytes:
    lines = [
        "# Files written by docs2client; only these are ever removed when the folder is regenerated.",
        *sorted(files),
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _holds_files(root: Path) -> bool:
    """Whether ``root`` has any file outside tool caches (``__pycache__`` and dot-folders)."""
    if not root.is_dir():
        return False
    for existing in root.rglob("*"):
        parts = existing.relative_to(root).parts
        if any(part == "__pycache__" or part.startswith(".") for part in parts[:-1]):
            continue
        if existing.is_file() or existing.is_symlink():
            return True
    return False


def _marked(root: Path, marker: tuple[str, bytes] | None) -> bool:
    if marker is None:
        return False
    name, prefix = marker
    try:
        with (root / name).open("rb") as handle:
            return handle.read(len(prefix)) == prefix
    except OSError:
        return False
