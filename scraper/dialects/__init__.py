"""Dialects: read a provider's documentation conventions out of a :class:`~scraper.document.Document`.

A dialect never sees raw text or HTML. It returns the services the page documents, as the typed API model, with
every doubt recorded as a finding. Merging several captures of one service is not a dialect's job (see
``scraper.build``).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Protocol

from scraper.document import Document, LocatedError
from scraper.model import Service

__all__ = ["Dialect", "DialectError", "PageInfo", "dialect_for"]


class DialectError(LocatedError):
    """The page is readable but does not follow the dialect's structure. Names page, line and expectation."""


@dataclass(frozen=True, slots=True)
class PageInfo:
    """What a dialect knows about the page besides its content: its name (for provenance) and public URL."""

    page: str
    url: str = ""
    #: Service ids the catalog says the page covers; a dialect that cannot name its service otherwise uses them.
    services: tuple[str, ...] = ()


class Dialect(Protocol):
    provider: str

    def read(self, document: Document, info: PageInfo) -> list[Service]: ...


_DIALECTS = {"scp": ("scraper.dialects.scp", "ScpDialect"), "nhn": ("scraper.dialects.nhn", "NhnDialect")}


def known_providers() -> tuple[str, ...]:
    """The providers a dialect reads (the catalog accepts these only)."""
    return tuple(sorted(_DIALECTS))


def dialect_for(provider: str) -> Dialect:
    try:
        module_name, class_name = _DIALECTS[provider]
    except KeyError:
        raise ValueError(f"unknown provider {provider!r}; expected one of {', '.join(sorted(_DIALECTS))}") from None
    dialect: Dialect = getattr(importlib.import_module(module_name), class_name)()
    return dialect
