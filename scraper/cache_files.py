"""The files of docs2client's caches: where they live, how an entry is written, read back and expired.

Caches remember work between runs (black's output, what a page reads into). They live in ``$DOCS2CLIENT_CACHE_DIR``
(``off`` disables every cache), else ``$XDG_CACHE_HOME/docs2client`` or ``~/.cache/docs2client``, each in its own
subfolder as ``<cache>/<salt>/<aa>/<key>``: ``salt`` names the tool version that wrote the entries, ``key`` is a
sha256 of the entry's inputs. Only that layout is ever read or pruned, so pointing the variable at a folder holding
other files cannot remove them. An entry starts with a checksum line of its content, so a torn or edited entry is
noticed, never used; folders are created owner-only; a cache that cannot be written only costs time.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import os
import re
import time
from pathlib import Path
from typing import Any

__all__ = [
    "CACHE_ENV",
    "MAX_AGE_S",
    "cache_root",
    "exact_json",
    "prune_entries",
    "prune_when_due",
    "read_entry",
    "write_entry",
]

CACHE_ENV = "DOCS2CLIENT_CACHE_DIR"
#: Entries unused for this long are removed by :func:`prune_entries`.
MAX_AGE_S = 30 * 24 * 3600

_HEX16 = re.compile(r"[0-9a-f]{16}")
_HEX2 = re.compile(r"[0-9a-f]{2}")
_HEX64 = re.compile(r"[0-9a-f]{64}")


def cache_root() -> Path | None:
    """The cache folder, or None when ``$DOCS2CLIENT_CACHE_DIR`` is ``off`` (or ``0``, ``none``, ``false``)."""
    configured = os.environ.get(CACHE_ENV, "").strip()
    if configured.lower() in ("off", "0", "none", "false"):
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "docs2client"


def exact_json(value: Any, *, sort_keys: bool = False) -> str | None:
    """``value`` as JSON text when that text names it exactly, else None (then it has no cache key).

    JSON text names a value exactly only when it reads back as an equal value: no integer keys, tuples, dates or
    NaN. Key order is kept unless ``sort_keys`` (for checks whose outcome does not depend on it)."""
    try:
        text = json.dumps(value, sort_keys=sort_keys, ensure_ascii=False, allow_nan=False)
        same = json.loads(text) == value
    except (TypeError, ValueError, RecursionError):
        return None
    return text if same else None


def read_entry(path: Path) -> bytes | None:
    """The content of entry ``path``, or None when it fails its checksum; raises OSError when it cannot be read
    (FileNotFoundError: no such entry). A good entry is marked as used, so :func:`prune_entries` keeps it."""
    raw = path.read_bytes()
    checksum, _, data = raw.partition(b"\n")
    if checksum.decode("ascii", "replace") != hashlib.sha256(data).hexdigest():
        return None
    with contextlib.suppress(OSError):
        os.utime(path)
    return data


#: Folders this process has made or found (an entry's folder is made once per process, not once per entry).
_FOLDERS: set[Path] = set()
#: Numbers this process gives its temporary entry files (unique with the process id; ``O_EXCL`` checks it).
_TEMPORARY = itertools.count()


def write_entry(path: Path, data: bytes) -> None:
    """Store ``data`` as entry ``path`` (temporary file, then rename: readers never see a partial entry).

    A cold run writes thousands of entries (one per formatted block), so this is kept to four system calls: the
    folder is made once per process and the temporary name is this process's next number (``mkstemp`` draws random
    names; with ``O_EXCL`` a name another writer holds is an error, and the entry is simply not written).
    """
    tmp: Path | None = None  # set once this call has created it (never another writer's file)
    try:
        folder = path.parent
        if folder not in _FOLDERS:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            _FOLDERS.add(folder)
        name = folder / f".entry.{os.getpid()}.{next(_TEMPORARY)}"
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        tmp = name
        with os.fdopen(fd, "wb") as handle:
            handle.write(hashlib.sha256(data).hexdigest().encode("ascii") + b"\n" + data)
        os.replace(tmp, path)
    except OSError:
        _FOLDERS.discard(path.parent)  # removed meanwhile (a prune, a test's tmp dir): made again next time
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        # a cache that cannot be written only costs time


def prune_entries(root: Path, max_age_s: float = MAX_AGE_S) -> int:
    """Remove the entries under ``root`` (``<salt>/<aa>/<key>``, any salt) not used for ``max_age_s`` seconds;
    returns how many. Only files named like entries, in that layout, are considered."""
    removed = 0
    cutoff = time.time() - max_age_s
    for entry in root.glob("*/*/*"):
        salt, shard, name = entry.parent.parent.name, entry.parent.name, entry.name
        if not (
            _HEX16.fullmatch(salt) and _HEX2.fullmatch(shard) and (_HEX64.fullmatch(name) or name.startswith(".entry."))
        ):
            continue
        try:
            if entry.is_file() and entry.stat().st_mtime < cutoff:
                entry.unlink()
                removed += 1
        except OSError:
            pass
    return removed


#: How often :func:`prune_when_due` prunes a cache.
PRUNE_EVERY_S = 24 * 3600


def prune_when_due(root: Path, max_age_s: float = MAX_AGE_S) -> int:
    """:func:`prune_entries` at most once a day per cache: for caches with many small entries, where pruning on
    every run (a stat of each entry) would cost more than the entries save. ``root/.pruned`` records the last time
    (it is not in the entries' layout, so pruning never removes it)."""
    marker = root / ".pruned"
    try:
        if time.time() - marker.stat().st_mtime < PRUNE_EVERY_S:
            return 0
    except OSError:
        pass
    removed = prune_entries(root, max_age_s)
    try:
        root.mkdir(mode=0o700, parents=True, exist_ok=True)
        marker.touch()
    except OSError:
        pass
    return removed
