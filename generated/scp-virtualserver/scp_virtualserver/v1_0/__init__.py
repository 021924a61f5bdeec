"""Virtual Server API 1.0 (DEPRECATED, sunset 2025-12-31).

This version is DEPRECATED: every method warns (``ApiDeprecationWarning``, or ``SunsetPassedWarning`` after the
sunset date) and type checkers flag the calls.
"""

from __future__ import annotations

from . import models
from .client import API_VERSION, STATUS, AsyncClient, Client

__all__ = ["API_VERSION", "STATUS", "AsyncClient", "Client", "models"]
