"""The page catalog (``pages/catalog.toml``): which pages exist, where they come from, and which capture wins."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

__all__ = ["Catalog", "CatalogError", "PageEntry", "load_catalog"]

Format = Literal["text", "html", "markdown"]
Covers = Literal["service", "operation"]

_FORMATS = ("text", "html", "markdown")
_COVERS = ("service", "operation")


class CatalogError(Exception):
    """The catalog file is malformed; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class PageEntry:
    file: str
    url: str
    provider: str
    format: Format
    services: tuple[str, ...]
    covers: Covers
    capture: int
    #: Expected headings or title text a fetched page must contain (used by fetch to reject wrong pages).
    expect: tuple[str, ...] = ()
    #: Service titles for pages that never name their service (e.g. an "APIs" section of one service).
    titles: tuple[tuple[str, str], ...] = ()
    #: The page a reader opens (docs site), when ``url`` is a raw source (a Markdown file at a pinned commit): specs
    #: link to it, fetch downloads ``url``.
    docs: str = ""

    def path(self, pages_dir: Path) -> Path:
        return pages_dir / self.file


@dataclass(frozen=True, slots=True)
class Catalog:
    path: Path
    pages: tuple[PageEntry, ...]

    @property
    def pages_dir(self) -> Path:
        return self.path.parent

    def for_provider(self, provider: str) -> list[PageEntry]:
        return [p for p in self.pages if p.provider == provider]

    def in_capture_order(self) -> list[PageEntry]:
        """Pages oldest capture first; ties keep file order so the result is deterministic."""
        return sorted(self.pages, key=lambda p: (p.capture, p.file))


def load_catalog(path: Path) -> Catalog:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CatalogError(f"{path}: cannot read catalog: {exc}") from exc
    pages: list[PageEntry] = []
    for index, raw in enumerate(data.get("page", []), start=1):
        where = f"{path}: [[page]] #{index}"
        try:
            fmt = raw["format"]
            covers = raw.get("covers", "service")
            if fmt not in _FORMATS:
                raise CatalogError(f"{where}: format must be one of {_FORMATS}, got {fmt!r}")
            if covers not in _COVERS:
                raise CatalogError(f"{where}: covers must be one of {_COVERS}, got {covers!r}")
            file = str(raw["file"])
            parts = PurePosixPath(file.replace("\\", "/")).parts
            if not file.strip() or file.startswith(("/", "\\")) or ".." in parts or ":" in (parts[0] if parts else ""):
                raise CatalogError(
                    f"{where}: file {file!r} must be a relative path inside {path.parent}/ (no absolute path, no '..')"
                )
            pages.append(
                PageEntry(
                    file=file,
                    url=str(raw["url"]),
                    docs=str(raw.get("docs", "")),
                    provider=str(raw["provider"]),
                    format=fmt,
                    services=tuple(str(s) for s in raw.get("services", [])),
                    covers=covers,
                    capture=int(raw.get("capture", 1)),
                    expect=tuple(str(s) for s in raw.get("expect", [])),
                    titles=tuple(sorted((str(k), str(v)) for k, v in raw.get("titles", {}).items())),
                )
            )
        except KeyError as exc:
            raise CatalogError(f"{where}: missing key {exc.args[0]!r}") from exc
    return Catalog(path=path, pages=tuple(pages))
