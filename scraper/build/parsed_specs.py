"""What parsing a spec file gives, remembered by the file's bytes: a spec one run writes is not parsed by the next.

A regeneration after an edit compares each changed spec with the file it replaces (the package's changelog), and
parsing a large spec's YAML costs a few hundred milliseconds, more than the rest of that comparison. The document a
file parses into is a pure function of its bytes (and of the YAML library), so it is kept under the sha256 of the
bytes: stored when the build writes a spec (the emitted document is what parsing the written bytes gives, see
``scraper.build.emit.plain_copy``) and when a file is parsed. Entries live in
``<cache folder>/parsed-specs/<salt>/<aa>/<key>`` (``DOCS2CLIENT_CACHE_DIR=off`` disables them); an entry is a
checksum line and a pickle of plain values only (dicts, lists, strings, numbers, booleans, None): any class or
function in it is refused, so an edited entry is a miss and the file is parsed, never code run.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sys
from pathlib import Path
from typing import Any

from scraper.cache_files import MAX_AGE_S, cache_root, prune_when_due, read_entry, write_entry
from scraper.source_digest import installed_version

__all__ = ["ParsedSpecs", "default_parsed_specs"]

#: Changes whenever the layout or the encoding of an entry changes.
_FORMAT = "docs2client parsed specs 1"


class _PlainUnpickler(pickle.Unpickler):
    """Plain values only: a class or function named in an entry is an error."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} is not a plain value")


def _salt() -> str:
    text = f"{_FORMAT}\n{sys.version}\npyyaml=={installed_version('pyyaml')}\n"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class ParsedSpecs:
    """Spec documents by the bytes of the file they were parsed from (see the module docstring)."""

    def __init__(self, directory: Path, salt: str | None = None) -> None:
        self.root = directory / "parsed-specs"
        self.directory = self.root / (salt or _salt())
        self.hits = 0
        self.misses = 0

    def _path(self, data: bytes) -> Path:
        key = hashlib.sha256(data).hexdigest()
        return self.directory / key[:2] / key

    def load(self, data: bytes) -> dict[str, Any] | None:
        """The document the file holding ``data`` parses into, if remembered, else None."""
        try:
            stored = read_entry(self._path(data))
            document = _PlainUnpickler(io.BytesIO(stored)).load() if stored is not None else None
        except Exception:  # absent, unreadable, torn or not plain values: only a cache
            document = None
        if not isinstance(document, dict):
            self.misses += 1
            return None
        self.hits += 1
        return document

    def store(self, data: bytes, document: dict[str, Any]) -> None:
        """Remember that the file holding ``data`` parses into ``document`` (which shares no dict or list)."""
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=5)
        pickler.fast = True  # no memo: a container reached twice is written twice, as parsing YAML gives it
        try:
            pickler.dump(document)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError, ValueError):
            return
        write_entry(self._path(data), buffer.getvalue())

    def prune(self, max_age_s: float = MAX_AGE_S) -> int:
        """Remove entries (of any salt) not used for ``max_age_s`` seconds, at most once a day; returns how many."""
        return prune_when_due(self.root, max_age_s)


def default_parsed_specs() -> ParsedSpecs | None:
    """The cache in docs2client's cache folder, or None when caches are off (``DOCS2CLIENT_CACHE_DIR=off``)."""
    root = cache_root()
    return None if root is None else ParsedSpecs(root)
