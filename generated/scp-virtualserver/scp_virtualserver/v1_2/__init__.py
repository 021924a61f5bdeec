"""Virtual Server API 1.2 (SUPPORTED, sunset 2026-08-31)."""

from __future__ import annotations

from . import models
from .client import API_VERSION, STATUS, AsyncClient, Client

__all__ = ["API_VERSION", "STATUS", "AsyncClient", "Client", "models"]
