"""The regenerate stage (``docs2client regenerate``); see :mod:`scraper.regenerate.pipeline`.

Names are imported on first use, so that ``python -m scraper.regenerate.lockfile`` (``make lock``) loads neither
the build nor the client generator.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - for type checkers and readers; at run time see __getattr__
    from scraper.regenerate.pipeline import configure, regenerate, regenerate_packages, run

__all__ = ["configure", "regenerate", "regenerate_packages", "run"]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'scraper.regenerate' has no attribute {name!r}")
    return getattr(importlib.import_module("scraper.regenerate.pipeline"), name)
