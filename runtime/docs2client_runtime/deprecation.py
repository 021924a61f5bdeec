"""Deprecated and planned API versions: warnings naming the sunset date and the newest version."""

from __future__ import annotations

import datetime as _dt
import re
import sys
import warnings
from typing import NoReturn

__all__ = [
    "ApiDeprecationWarning",
    "PlannedVersionError",
    "SunsetPassedWarning",
    "raise_planned",
    "warn_deprecated",
    "warn_deprecated_parameter",
]


# --------------------------------------------------------------------------------------------------------------------
# Versions and deprecation
# --------------------------------------------------------------------------------------------------------------------


class ApiDeprecationWarning(DeprecationWarning):
    """A deprecated API version or operation was called.

    Like every :class:`DeprecationWarning` it is shown by default only when triggered from ``__main__`` (PEP 565)
    and in test runners; libraries see it when they opt in. The attributes say what to migrate to.
    """

    def __init__(
        self,
        message: str,
        *,
        operation: str = "",
        version: str = "",
        sunset: str | None = None,
        newest: str | None = None,
    ) -> None:
        super().__init__(message)
        self.operation = operation
        self.version = version
        self.sunset = sunset
        self.newest = newest


class SunsetPassedWarning(ApiDeprecationWarning):
    """A version whose sunset date has passed was called: the provider may already reject it.

    Shown by default everywhere. It stays a :class:`DeprecationWarning` subclass (so ``-W error::DeprecationWarning``
    and filters on :class:`ApiDeprecationWarning` still catch it), and because Python's default filters ignore
    DeprecationWarning outside ``__main__``, importing this module installs a ``"default"`` filter for this class
    (shown once per call site, like warnings in ``__main__``). That filter is skipped when the interpreter was
    started with ``-W`` options or ``PYTHONWARNINGS``, so an explicit configuration is respected; code can silence
    it after import with ``warnings.filterwarnings("ignore", category=SunsetPassedWarning)``.
    """


if not sys.warnoptions:
    warnings.filterwarnings("default", category=SunsetPassedWarning)


class PlannedVersionError(RuntimeError):
    """A PLANNED API version is documented but not yet callable."""


def _parse_date(value: str) -> _dt.date | None:
    text = value.strip()
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    try:
        return _dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def warn_deprecated(
    operation: str,
    version: str,
    sunset: str | None,
    newest: str | None,
    *,
    stacklevel: int = 3,
    today: _dt.date | None = None,
) -> None:
    """Warn that ``operation`` of API ``version`` is deprecated, naming the sunset date and the newest version.

    ``sunset`` is an ISO date (``YYYY-MM-DD`` or ``YYYYMMDD``). From the sunset date on (the documented "Not
    Before" date, after which the provider may remove the version) the warning is a :class:`SunsetPassedWarning`.
    ``stacklevel=3`` attributes the warning to the caller of the generated method that calls this function.
    """
    when = _parse_date(sunset) if sunset else None
    current = today if today is not None else _dt.date.today()
    passed = when is not None and current >= when
    if newest and newest != version:
        advice = f"use version {newest}, the newest version with this operation"
    else:
        advice = "no newer version of this operation is documented"
    if passed:
        message = (
            f"{operation} (API version {version}) is deprecated and its sunset date {sunset} has passed; "
            f"the provider may reject it; {advice}"
        )
        category: type[ApiDeprecationWarning] = SunsetPassedWarning
    else:
        end = f"it may stop working after {sunset}" if sunset else "no sunset date is documented"
        message = f"{operation} (API version {version}) is deprecated; {end}; {advice}"
        category = ApiDeprecationWarning
    warning = category(message, operation=operation, version=version, sunset=sunset, newest=newest)
    warnings.warn(warning, stacklevel=stacklevel)


def warn_deprecated_parameter(operation: str, parameter: str, version: str, *, stacklevel: int = 3) -> None:
    """Warn that a call of ``operation`` (API ``version``) passed ``parameter``, which the API documents as
    deprecated (an :class:`ApiDeprecationWarning` naming both, attributed to the caller of the generated method)."""
    message = f"{operation}: parameter {parameter!r} (API version {version}) is deprecated; stop passing it"
    warnings.warn(ApiDeprecationWarning(message, operation=operation, version=version), stacklevel=stacklevel)


def raise_planned(operation: str, version: str, *, newest: str | None = None) -> NoReturn:
    """Raise :class:`PlannedVersionError` for ``operation`` of a PLANNED ``version``."""
    hint = f"; use version {newest}" if newest else ""
    raise PlannedVersionError(f"{operation} (API version {version}) is PLANNED: documented but not callable yet{hint}")
