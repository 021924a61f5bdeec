"""The page manifest (``pages/manifest.json``): what was fetched, from where, and the validators to re-ask with.

One record per snapshot file (keyed by the file's path relative to ``pages/``): the source URL, the server's
``ETag`` and ``Last-Modified`` (so the next fetch can be a conditional request that costs a 304), the sha256 and size
of the snapshot as written, and when it was fetched (``null`` for snapshots committed by hand). The JSON is written
deterministically (sorted keys, indent 2, trailing newline) so an unchanged fetch leaves the file byte-identical.

Validators are only trusted while the snapshot on disk still has the recorded sha256: a hand-edited or corrupted
snapshot must be downloaded whole, never confirmed by a 304.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from scraper.atomic import write_atomic
from scraper.catalog import Catalog

__all__ = [
    "MANIFEST_NAME",
    "Manifest",
    "ManifestError",
    "ManifestRecord",
    "load_manifest",
    "manifest_from_snapshots",
    "sha256_hex",
    "write_manifest",
]

MANIFEST_NAME = "manifest.json"
_FORMAT_VERSION = 1


class ManifestError(Exception):
    """The manifest file is malformed; the message names the file and the record."""


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True, slots=True)
class ManifestRecord:
    url: str
    sha256: str
    size: int
    etag: str | None = None
    last_modified: str | None = None
    #: ISO 8601 UTC timestamp of the download that produced this content; None for hand-committed snapshots.
    fetched_at: str | None = None

    def matches(self, data: bytes) -> bool:
        return self.size == len(data) and self.sha256 == sha256_hex(data)

    @property
    def has_validators(self) -> bool:
        return bool(self.etag or self.last_modified)


@dataclass(frozen=True, slots=True)
class Manifest:
    """Records by snapshot file (relative to the pages directory)."""

    pages: Mapping[str, ManifestRecord]

    def get(self, file: str) -> ManifestRecord | None:
        return self.pages.get(file)

    def updated(self, changes: Mapping[str, ManifestRecord]) -> Manifest:
        merged = dict(self.pages)
        merged.update(changes)
        return Manifest(pages=merged)

    def records_for_url(self, url: str) -> list[tuple[str, ManifestRecord]]:
        return [(file, rec) for file, rec in sorted(self.pages.items()) if rec.url == url]

    def to_json(self) -> bytes:
        body: dict[str, Any] = {
            "version": _FORMAT_VERSION,
            "pages": {file: asdict(rec) for file, rec in sorted(self.pages.items())},
        }
        return (json.dumps(body, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def _record(path: Path, file: str, raw: object) -> ManifestRecord:
    where = f"{path}: pages[{file!r}]"
    if not isinstance(raw, dict):
        raise ManifestError(f"{where}: expected an object, got {type(raw).__name__}")
    try:
        url, sha, size = raw["url"], raw["sha256"], raw["size"]
    except KeyError as exc:
        raise ManifestError(f"{where}: missing key {exc.args[0]!r}") from exc
    if not isinstance(url, str) or not isinstance(sha, str) or not isinstance(size, int):
        raise ManifestError(f"{where}: url and sha256 must be strings and size an integer")
    optional: dict[str, str | None] = {}
    for key in ("etag", "last_modified", "fetched_at"):
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            raise ManifestError(f"{where}: {key} must be a string or null, got {value!r}")
        optional[key] = value
    return ManifestRecord(url=url, sha256=sha, size=size, **optional)


def load_manifest(path: Path) -> Manifest:
    """Read a manifest; a missing file is an empty manifest (the first fetch creates it)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Manifest(pages={})
    except OSError as exc:
        raise ManifestError(f"{path}: cannot read manifest: {exc}") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ManifestError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("pages"), dict):
        raise ManifestError(f'{path}: expected an object with a "pages" object')
    if data.get("version") != _FORMAT_VERSION:
        raise ManifestError(f"{path}: unsupported manifest version {data.get('version')!r}; expected {_FORMAT_VERSION}")
    return Manifest(pages={file: _record(path, file, raw) for file, raw in data["pages"].items()})


def write_manifest(path: Path, manifest: Manifest) -> bool:
    """Write atomically; returns False when the file already had this content."""
    return write_atomic(path, manifest.to_json())


def manifest_from_snapshots(
    catalog: Catalog, previous: Manifest | None = None, *, extra: Iterable[str] = ()
) -> Manifest:
    """A manifest describing the snapshots on disk (no network).

    Records whose sha256 still matches keep their validators and ``fetched_at``; anything else gets a fresh record
    without validators (the next fetch downloads it whole). ``extra`` names further files (relative to the pages
    directory) to keep, such as HTML snapshots saved beside a text rendering; they keep their recorded URL.
    """
    old = previous.pages if previous is not None else {}
    pages: dict[str, ManifestRecord] = {}
    wanted: dict[str, str] = {entry.file: entry.url for entry in catalog.pages}
    for file in extra:
        if file in old:
            wanted.setdefault(file, old[file].url)
    for file, url in sorted(wanted.items()):
        path = catalog.pages_dir / file
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            continue
        prev = old.get(file)
        if prev is not None and prev.matches(data):
            pages[file] = replace(prev, url=url)
        else:
            pages[file] = ManifestRecord(url=url, sha256=sha256_hex(data), size=len(data))
    return Manifest(pages=pages)
