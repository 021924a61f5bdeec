"""Whether a folder about to be uploaded holds uncommitted changes: a release must be what a commit holds, or
nobody can tell (or rebuild) what the index serves under that version."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

__all__ = ["uncommitted_files"]


def uncommitted_files(folder: Path) -> list[str] | None:
    """The files under ``folder`` (relative to it, sorted) that git sees as changed, staged or untracked and not
    ignored; ``None`` when ``folder`` is not in a git work tree (or git is missing), where there is nothing to
    compare with."""
    git = shutil.which("git")
    if git is None or not folder.is_dir():
        return None
    try:
        inside = subprocess.run(
            [git, "rev-parse", "--show-prefix"], cwd=folder, capture_output=True, text=True, check=False
        )
        if inside.returncode != 0:
            return None
        status = subprocess.run(
            [git, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "."],
            cwd=folder,
            capture_output=True,
            check=False,
        )
    except OSError:
        return None
    if status.returncode != 0:
        return None
    prefix = inside.stdout.strip()
    files: set[str] = set()
    entries = status.stdout.decode("utf-8", "surrogateescape").split("\0")
    skip_next = False
    for entry in entries:
        if skip_next:  # a rename's second path (its source) follows it
            skip_next = False
            continue
        if len(entry) < 4:
            continue
        code, path = entry[:2], entry[3:]
        skip_next = "R" in code or "C" in code
        files.add(path[len(prefix) :] if path.startswith(prefix) else path)
    return sorted(files)
