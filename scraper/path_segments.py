"""Names from doc text that become parts of file paths: service ids, API versions, package names.

A page says which service it documents (``Scp-Api-Version = virtualserver 1.3``) and which versions exist (a
version table row); both end up as folder and file names (``spec/<provider>/<service>/<version>.yaml``). Page text
comes from the internet, so each such name is checked once, where it enters the API model, to be one harmless path
segment: ASCII letters, digits, ``.``, ``_`` and ``-``, starting with a letter or digit, at most 64 characters.
That rules out ``/``, ``\\``, ``..``, absolute paths, drive letters, NUL bytes, whitespace and hidden files.
"""

from __future__ import annotations

import re

from scraper.model import Service

__all__ = ["MAX_SEGMENT", "segment_problem", "service_problems"]

MAX_SEGMENT = 64
_SEGMENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


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
    return None


def service_problems(service: Service) -> list[str]:
    """Every id and version of ``service`` that cannot be a path segment (each message says which and why)."""
    problems = [segment_problem(service.provider, "provider"), segment_problem(service.id, "service id")]
    for entry in service.versions:
        problems.append(segment_problem(entry.version, f"version of {service.id!r}"))
    for op in service.operations:
        for version in op.versions:
            problems.append(segment_problem(version, f"version of {service.id!r} {op.method} {op.path}"))
    return sorted({p for p in problems if p is not None})
