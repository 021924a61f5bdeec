"""RDS for PostgreSQL API v3.0 (SUPPORTED)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .client import API_VERSION, STATUS, AsyncClient, Client

if TYPE_CHECKING:
    from . import models

__all__ = ["API_VERSION", "STATUS", "AsyncClient", "Client", "models"]


def __getattr__(name: str) -> Any:
    """``models`` is imported on first access (PEP 562): the client works without building every model first."""
    if name == "models":
        return importlib.import_module(f"{__name__}.models")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
