"""Read pages remembered between runs, so that one changed page costs one page's reading.

Reading a page (reader + dialect) is most of what building one service's specs costs, and every build reads every
page of the catalog: a service's spec depends on its provider's other services (an inferred endpoint), so an
incremental build must see them all to give the bytes a full one gives. The services a page reads into are a pure
function of the page's bytes, of what the catalog says about it, and of the tool's code, so they are kept under a
key made of exactly those; a page whose bytes did not change is not read again.

Entries live in ``<cache folder>/pages/<salt>/<aa>/<key>`` (see :mod:`scraper.cache_dir`; ``off`` disables the
cache). The salt is the tool's source code, the versions of the libraries that read pages and the Python version,
so any change to the tool starts a fresh cache. An entry is a checksum line and a pickle of the API model that only
the model's own classes may appear in (anything else is refused, so an edited entry cannot run code). A torn,
edited or unreadable entry is reported as a warning and the page is read again; it never stops a build.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import pickle
import sys
from pathlib import Path
from typing import Any

from scraper import model
from scraper.build.pages import PageInput, page_bytes, services_in
from scraper.cache_files import MAX_AGE_S, cache_root, prune_entries, read_entry, write_entry
from scraper.model import Service
from scraper.source_digest import add_sources, installed_version

__all__ = ["PageCache", "code_salt", "default_page_cache"]

#: Changes whenever the layout or the encoding of an entry changes.
_FORMAT = "docs2client page cache 1"
#: The libraries whose versions shape what a page reads into (readers and dialects).
_READING_DISTRIBUTIONS = ("beautifulsoup4", "soupsieve", "markdown-it-py", "mdurl", "pyyaml", "jsonschema")
_PICKLE_PROTOCOL = 5

#: The classes an entry may contain: the API model's dataclasses, nothing else.
_MODEL_CLASSES: dict[str, type] = {
    name: value for name, value in vars(model).items() if isinstance(value, type) and dataclasses.is_dataclass(value)
}


class _ModelUnpickler(pickle.Unpickler):
    """Rebuilds API model objects and plain values only: any other class or function in an entry is an error."""

    def find_class(self, module: str, name: str) -> Any:
        if module == model.__name__ and name in _MODEL_CLASSES:
            return _MODEL_CLASSES[name]
        raise pickle.UnpicklingError(f"{module}.{name} is not part of the API model")


class _UnusableEntry(Exception):
    """An entry that exists but cannot be used; the message says why."""


def _decode(path: Path) -> list[Service]:
    """The services in entry ``path`` (FileNotFoundError when there is none, :class:`_UnusableEntry` when it is
    unreadable, torn, edited or not a list of services)."""
    try:
        data = read_entry(path)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise _UnusableEntry(exc.strerror or type(exc).__name__) from None
    if data is None:
        raise _UnusableEntry("its checksum does not match: torn or edited")
    try:
        services = _ModelUnpickler(io.BytesIO(data)).load()
    except Exception as exc:  # whatever stops the entry from being rebuilt: it is only a cache
        raise _UnusableEntry(f"{type(exc).__name__}: {exc}") from None
    if not (isinstance(services, list) and all(isinstance(s, Service) for s in services)):
        raise _UnusableEntry("it does not hold a list of services")
    return services


def code_salt(package: Path | None = None) -> str:
    """What the tool reading a page is: its code (the ``scraper`` package), the reading libraries' versions, Python's
    version."""
    digest = hashlib.sha256(f"{_FORMAT}\n{sys.version}\n".encode())
    package = package or Path(model.__file__).resolve().parent
    add_sources(digest, package.parent, (package.name,))
    for name in _READING_DISTRIBUTIONS:
        digest.update(f"{name}=={installed_version(name)}\n".encode())
    return digest.hexdigest()[:16]


class PageCache:
    """What pages read into, by page content, catalog entry and tool version (see the module docstring)."""

    def __init__(self, directory: Path, salt: str | None = None) -> None:
        self.root = directory / "pages"
        self.directory = self.root / (salt if salt is not None else code_salt())
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(page: PageInput, raw: bytes) -> str:
        """The entry of ``page`` whose file holds ``raw``: everything about the page but where the file lies."""
        entry = {f.name: getattr(page, f.name) for f in dataclasses.fields(page) if f.name != "path"}
        digest = hashlib.sha256(json.dumps(entry, sort_keys=True).encode())
        digest.update(b"\0")
        digest.update(raw)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / key

    def load(self, key: str, page: str) -> list[Service] | None:
        """The services stored under ``key``, or None (absent; an unusable entry is also reported on stderr)."""
        path = self._path(key)
        try:
            services = _decode(path)
        except FileNotFoundError:
            services = None
        except _UnusableEntry as exc:
            print(f"warning: {path}: page cache entry unusable ({exc}); reading {page} again", file=sys.stderr)
            services = None
        if services is None:
            self.misses += 1
        else:
            self.hits += 1
        return services

    def read(self, page: PageInput) -> list[Service]:
        """What ``page`` reads into: remembered when its bytes, catalog entry and the tool are unchanged, else read
        (and remembered). Raises what reading raises (ReaderError, DialectError); failures are not remembered."""
        raw = page_bytes(page)
        key = self.key(page, raw)
        services = self.load(key, page.name)
        if services is None:
            services = services_in(page, raw)
            self.store(key, services)
        return services

    def store(self, key: str, services: list[Service]) -> None:
        """Remember ``services`` under ``key``; call it before anything changes them (the build merges and finishes
        services in place)."""
        try:
            data = pickle.dumps(services, protocol=_PICKLE_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return  # a value the model does not promise (a dialect's bug, not this cache's): just not remembered
        write_entry(self._path(key), data)

    def prune(self, max_age_s: float = MAX_AGE_S) -> int:
        """Remove entries (of any tool version) not used for ``max_age_s`` seconds; returns how many."""
        return prune_entries(self.root, max_age_s)


def default_page_cache() -> PageCache | None:
    """The page cache in docs2client's cache folder, or None when caches are off (``DOCS2CLIENT_CACHE_DIR=off``)."""
    root = cache_root()
    return None if root is None else PageCache(root)
