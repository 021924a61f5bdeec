"""Names from doc text that become parts of file paths: service ids, API versions, package names.

A page says which service it documents (``Scp-Api-Version = virtualserver 1.3``) and which versions exist (a
version table row); both end up as folder and file names (``spec/<provider>/<service>/<version>.yaml``). Page text
comes from the internet, so each such name is checked once, where it enters the API model, to be one harmless path
segment: ASCII letters, digits, ``.``, ``_`` and ``-``, starting with a letter or digit, at most 64 characters.
That rules out ``/``, ``\\``, ``..``, absolute paths, drive letters, NUL bytes, whitespace and hidden files.

The output is a git repository checked out on Windows and macOS too, so a name is also refused when one of those
filesystems would not keep it apart: a Windows device name (``CON``, ``nul``, ``COM1``: ``CON.yaml`` opens the
console), a name ending in ``.`` (Windows drops it), and two versions of one service that differ only in case
(``V1.0.yaml`` and ``v1.0.yaml`` are one file on a case-insensitive filesystem, so one version would silently
replace the other).
"""

from __future__ import annotations

import re

from scraper.model import Service

__all__ = ["MAX_SEGMENT", "segment_problem", "service_problems"]

MAX_SEGMENT = 64
_SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
#: Windows device names, reserved with any extension and in any case (``aux.yaml`` is the device too).
_DEVICE_NAMES = frozenset({"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in "0123456789"})


def segment_problem(value: object, what: str) -> str | None:
    """Why ``value`` cannot be one path segment (a one-line message naming ``what`` it is), or None when it can."""
    if not isinstance(value, str):
        return f"{what} must be a string, got {type(value).__name__}"
    shown = repr(value) if len(value) <= MAX_SEGMENT else f"{value[:MAX_SEGMENT]!r}..."
    if not _SEGMENT.fullmatch(value) or ".." in value:
        return (
            f"{what} {shown} is not a safe name (expected ASCII letters, digits, '.', '_' or '-', "
            "starting with a letter or digit, no '..')"
        )
    if len(value) > MAX_SEGMENT:
        return f"{what} {shown} is longer than {MAX_SEGMENT} characters"
    if value.split(".", 1)[0].lower() in _DEVICE_NAMES or value.endswith("."):
        return f"{what} {shown} is not a file name Windows keeps (a device name such as CON or NUL, or a final '.')"
    return None


def service_problems(service: Service) -> list[str]:
    """Every id and version of ``service`` that cannot be a path segment (each message says which and why)."""
    problems = [segment_problem(service.provider, "provider"), segment_problem(service.id, "service id")]
    for entry in service.versions:
        problems.append(segment_problem(entry.version, f"version of {service.id!r}"))
    for op in service.operations:
        for version in op.versions:
            problems.append(segment_problem(version, f"version of {service.id!r} {op.method} {op.path}"))
    by_case: dict[str, list[str]] = {}
    versions = {e.version for e in service.versions} | {v for op in service.operations for v in op.versions}
    for version in sorted(v for v in versions if isinstance(v, str)):
        by_case.setdefault(version.casefold(), []).append(version)
    for spellings in by_case.values():
        if len(spellings) > 1:
            shown = " and ".join(repr(v) for v in spellings)
            problems.append(
                f"versions of {service.id!r} {shown} differ only in case (one file on a case-insensitive filesystem)"
            )
    return sorted({p for p in problems if p is not None})
