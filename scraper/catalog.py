"""The page catalog (``pages/catalog.toml``): which pages exist, where they come from, and which capture wins."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Literal, cast

__all__ = ["PROVIDERS", "Catalog", "CatalogError", "PageEntry", "load_catalog"]

Format = Literal["text", "html", "markdown"]
Covers = Literal["service", "operation"]

#: The providers whose pages the tool reads (one dialect each, ``scraper/dialects``).
PROVIDERS = ("nhn", "scp")
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


#: Every key a ``[[page]]`` entry may have: a misspelt one (``servces``) must not silently drop what it says.
_KEYS = ("file", "url", "provider", "format", "services", "covers", "capture", "expect", "titles", "docs")
#: ``[[page]]`` (or ``[[ page ]]``) opening an entry, to name the line a bad entry starts on (tomllib gives none).
_ENTRY_HEADER = re.compile(r"^\s*\[\[\s*page\s*\]\]")


class _EntryError(Exception):
    """One bad value of one entry (its message says what was expected)."""


def _string(raw: dict[str, Any], key: str, default: str | None = None) -> str:
    if key not in raw:
        if default is None:
            raise _EntryError(f"missing key {key!r}")
        return default
    value = raw[key]
    if not isinstance(value, str):
        raise _EntryError(f"{key} must be a string, got {value!r}")
    return value


def _strings(raw: dict[str, Any], key: str, what: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _EntryError(f'{key} must be a list of {what} (["...", ...]), got {value!r}')
    return tuple(value)


def _entry(raw: dict[str, Any], catalog_dir: Path) -> PageEntry:
    """One ``[[page]]`` table as a :class:`PageEntry`, every value checked for its type: TOML's types are what the
    maintainer wrote, so ``services = "x"`` is a mistake to name, not a string to iterate."""
    unknown = sorted(set(raw) - set(_KEYS))
    if unknown:
        raise _EntryError(f"unknown key {unknown[0]!r} (an entry has {', '.join(_KEYS)})")
    file = _string(raw, "file")
    parts = PurePosixPath(file.replace("\\", "/")).parts
    if not file.strip() or file.startswith(("/", "\\")) or ".." in parts or ":" in (parts[0] if parts else ""):
        raise _EntryError(f"file {file!r} must be a relative path inside {catalog_dir}/ (no absolute path, no '..')")
    provider = _string(raw, "provider")
    if provider not in PROVIDERS:
        raise _EntryError(f"provider must be one of {PROVIDERS}, got {provider!r}")
    fmt = _string(raw, "format")
    if fmt not in _FORMATS:
        raise _EntryError(f"format must be one of {_FORMATS}, got {fmt!r}")
    covers = _string(raw, "covers", "service")
    if covers not in _COVERS:
        raise _EntryError(f"covers must be one of {_COVERS}, got {covers!r}")
    capture = raw.get("capture", 1)
    if not isinstance(capture, int) or isinstance(capture, bool):
        raise _EntryError(f"capture must be a whole number, got {capture!r}")
    titles = raw.get("titles", {})
    if not isinstance(titles, dict) or not all(isinstance(v, str) for v in titles.values()):
        raise _EntryError(f'titles must be a table of service = title ({{ service = "Title" }}), got {titles!r}')
    return PageEntry(
        file=file,
        url=_string(raw, "url"),
        docs=_string(raw, "docs", ""),
        provider=provider,
        format=cast(Format, fmt),
        services=_strings(raw, "services", "service ids"),
        covers=cast(Covers, covers),
        capture=capture,
        expect=_strings(raw, "expect", "strings"),
        titles=tuple(sorted((str(k), v) for k, v in titles.items())),
    )


def load_catalog(path: Path) -> Catalog:
    """The catalog at ``path``; a malformed one is a :class:`CatalogError` naming every bad entry with its line, so
    one run shows a maintainer everything to fix (and nothing is built from a catalog half read)."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CatalogError(f"{path}: cannot read catalog: {exc}") from exc
    unknown = sorted(set(data) - {"page"})
    if unknown:
        raise CatalogError(f"{path}: unknown top-level key {unknown[0]!r} (expected [[page]] entries)")
    raws = data.get("page", [])
    if not isinstance(raws, list) or not all(isinstance(raw, dict) for raw in raws):
        raise CatalogError(f"{path}: 'page' must be an array of tables ([[page]] entries)")
    lines = [number for number, line in enumerate(text.splitlines(), start=1) if _ENTRY_HEADER.match(line)]
    pages: list[PageEntry] = []
    problems: list[str] = []
    for index, raw in enumerate(raws, start=1):
        line = f":{lines[index - 1]}" if len(lines) == len(raws) else ""
        named = f" ({raw['file']})" if isinstance(raw.get("file"), str) else ""
        try:
            pages.append(_entry(raw, path.parent))
        except _EntryError as exc:
            problems.append(f"{path}{line}: [[page]] #{index}{named}: {exc}")
    if len(problems) == 1:
        raise CatalogError(problems[0])
    if problems:
        head = f"{path}: {len(problems)} bad [[page]] entries (nothing was built or fetched):"
        raise CatalogError("\n".join([head, *(f"  {problem}" for problem in problems)]))
    return Catalog(path=path, pages=tuple(pages))
