"""Block Storage API v2 (CURRENT)."""

from __future__ import annotations

from . import models
from .client import API_VERSION, STATUS, AsyncClient, Client

__all__ = ["API_VERSION", "STATUS", "AsyncClient", "Client", "models"]
