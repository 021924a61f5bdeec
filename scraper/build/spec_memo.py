"""Spec folders remembered by the finished service they were emitted from, so an unchanged service is not emitted.

Emitting a large service (four API versions of Virtual Server, YAML and findings) costs about half a second, and a
page edit that changes nothing the spec shows (a blank line, a re-fetch) leaves the finished service as it was. The
files :func:`scraper.build.spec_files` writes are a pure function of the finished service and of the tool, so the
service's pickled bytes and the tool's salt (:mod:`scraper.build.page_cache`) are the key, and the entry lists the
sha256 of every file the folder held after writing, its manifest included. A folder whose files still have exactly
those hashes is what emitting would write again: it is left as it is, and not validated again (it was validated when
it was written). Anything else (no entry, another tool, an edited or missing file) emits as usual. Entries live in
``<cache folder>/specs/<salt>/<aa>/<key>``; a damaged entry is a miss.

A service that changed is emitted, but usually only some of its API versions changed, and dumping a large spec as
YAML costs as much as emitting it. So each emitted document is also remembered, by its exact content, with the hash of
the YAML it was dumped to: a version whose document is as before and whose file still has that hash is not dumped
again (its file's bytes are what dumping would give).
"""

from __future__ import annotations

import hashlib
import json
import pickle
from pathlib import Path
from typing import Any

from scraper.build.page_cache import code_salt
from scraper.cache_files import MAX_AGE_S, cache_root, exact_json, prune_entries, read_entry, write_entry
from scraper.model import Service

__all__ = ["SpecMemo", "default_spec_memo"]


class SpecMemo:
    """Which files a service's spec folder holds after emitting a given finished service (see the module docstring)."""

    def __init__(self, directory: Path, salt: str | None = None) -> None:
        self.root = directory / "specs"
        self.directory = self.root / (salt if salt is not None else code_salt())

    @staticmethod
    def key(service: Service) -> str | None:
        """The entry of ``service`` as it is now (finished), or None when it cannot be pickled (then never skipped)."""
        try:
            return hashlib.sha256(pickle.dumps(service, protocol=5)).hexdigest()
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return None

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / key

    def unchanged(self, key: str, folder: Path) -> bool:
        """Whether ``folder`` holds exactly the files recorded for ``key`` (each with its recorded hash)."""
        try:
            data = read_entry(self._path(key))
            recorded = json.loads(data) if data is not None else None
        except (OSError, ValueError):
            return False
        if not isinstance(recorded, dict) or not recorded:
            return False
        for name, digest in recorded.items():
            try:
                if not isinstance(name, str) or hashlib.sha256((folder / name).read_bytes()).hexdigest() != digest:
                    return False
            except OSError:
                return False
        return True

    def remember(self, key: str, folder: Path, names: list[str]) -> None:
        """Record the files ``names`` of ``folder`` as they are now (just written) under ``key``."""
        try:
            recorded = {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in sorted(names)}
        except OSError:
            return
        write_entry(self._path(key), json.dumps(recorded, sort_keys=True).encode())

    @staticmethod
    def document_key(spec: dict[str, Any]) -> str | None:
        """The entry of one emitted spec document, or None when JSON cannot name it exactly (then it is dumped).

        JSON text names the document exactly (types, values, key order) only when it reads back as an equal value:
        no integer keys, tuples, dates or NaN."""
        text = exact_json(spec)
        return None if text is None else hashlib.sha256(f"document\0{text}".encode()).hexdigest()

    def dumped(self, key: str, path: Path) -> bytes | None:
        """The bytes of ``path`` when they are what the document of ``key`` was dumped to when it was last written
        (so dumping it again would give them), else None."""
        try:
            recorded = read_entry(self._path(key))
            current = path.read_bytes()
        except OSError:
            return None
        if recorded is None or recorded.decode("ascii", "replace") != hashlib.sha256(current).hexdigest():
            return None
        return current

    def remember_dump(self, key: str, data: bytes) -> None:
        """Record that the document of ``key`` was dumped to ``data`` (just written)."""
        write_entry(self._path(key), hashlib.sha256(data).hexdigest().encode("ascii"))

    def prune(self, max_age_s: float = MAX_AGE_S) -> int:
        """Remove entries (of any tool version) not used for ``max_age_s`` seconds; returns how many."""
        return prune_entries(self.root, max_age_s)


def default_spec_memo() -> SpecMemo | None:
    """The memo in docs2client's cache folder, or None when caches are off (``DOCS2CLIENT_CACHE_DIR=off``)."""
    root = cache_root()
    return None if root is None else SpecMemo(root)
