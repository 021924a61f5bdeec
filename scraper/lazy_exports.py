"""A package's public names, imported from their home modules on first use (PEP 562).

Stage packages (``scraper.build``, ``scraper.diff``, ``scraper.regenerate``) export names from several modules, but
most callers need one or two of them: a no-op regeneration only hashes pages, ``make lock`` only edits a lock. Each
package lists ``{name: home module}`` and sets ``__getattr__ = exports_on_first_use(__name__, homes)``; type
checkers read the same names from an ``if TYPE_CHECKING:`` import block beside it.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["exports_on_first_use"]


def exports_on_first_use(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """The module ``__getattr__`` of ``package``: a name in ``homes`` is imported from its home module and kept in
    the package's namespace (the next lookup is a plain attribute); any other name is an AttributeError."""

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home), name)
        setattr(sys.modules[package], name, value)
        return value

    return __getattr__
