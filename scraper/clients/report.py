"""The generation report: what each generated package holds and every warning about what it could not honour.

``docs2client generate --report FILE`` writes it as JSON; the CLI prints a one-line summary of it. A warning is
anything the spec says that the generated client does not do exactly (an unsupported parameter style, a header name
that is not a token, a reference that leaves the document, ...), so nothing is dropped without a word.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

__all__ = ["PackageReport", "grouped_warnings", "located_warning", "report_json", "subject_count", "summary_line"]

# ``source: location: what``, the location one of the places ``PackageContext.where`` names (``paths//pets/get``)
_LOCATED = re.compile(
    r"(?P<source>.+?): (?P<location>/(?:paths|webhooks|components|servers|security|info)(?:/\S*)?): (?P<what>.+)", re.S
)

#: locations a grouped line names before ``...``: enough to find the pattern, short enough to read
GROUP_LOCATIONS_SHOWN = 3


@dataclass(slots=True)
class PackageReport:
    """One generated package: its names, size and warnings (each ``source: where: what``)."""

    distribution: str
    import_name: str
    versions: list[str]
    operations: int
    contract_tests: int
    warnings: list[str] = field(default_factory=list)


def subject_count(n: int, noun: str, verb: str) -> str:
    """A warning's counted subject, its verb agreeing: ``1 schema writes``, ``2 schemas write`` (the transforms that
    say one warning per kind per document, at the first place with the count)."""
    return f"{n} {noun}{'s' if n > 1 else ''} {verb}{'s' if n == 1 else ''}"


def located_warning(warning: str) -> dict[str, str | None]:
    """``warning`` as ``{"source", "pointer", "message"}``: the document, the JSON pointer into it (None when the
    warning names no place in it) and what was found, so a review or a CI job can filter warnings by place."""
    match = _LOCATED.fullmatch(warning)
    if match is not None:
        return {"source": match["source"], "pointer": match["location"], "message": match["what"]}
    source, separator, message = warning.partition(": ")  # every warning starts with its document's name
    return (
        {"source": source, "pointer": None, "message": message}
        if separator
        else {
            "source": None,
            "pointer": None,
            "message": warning,
        }
    )


def report_json(reports: Sequence[PackageReport]) -> str:
    """The report file's text: ``{"packages": [...], "warnings": n}``, deterministic (sorted keys, trailing newline).

    Each package lists its ``warnings`` as printed lines and, in the same order, as ``located`` objects
    (:func:`located_warning`)."""
    packages = [{**asdict(r), "located": [located_warning(w) for w in r.warnings]} for r in reports]
    data = {"packages": packages, "warnings": sum(len(r.warnings) for r in reports)}
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def summary_line(reports: Sequence[PackageReport]) -> str:
    """``2 package(s), 41 operation(s), 90 contract test(s), 3 warning(s)``: what a run produced, on one line."""
    operations = sum(r.operations for r in reports)
    tests = sum(r.contract_tests for r in reports)
    warnings = sum(len(r.warnings) for r in reports)
    return f"{len(reports)} package(s), {operations} operation(s), {tests} contract test case(s), {warnings} warning(s)"


def grouped_warnings(warnings: Sequence[str]) -> list[str]:
    """The warnings to print, each finding said once: the same words at several locations become one line.

    A document that repeats one mistake in every operation (influxdata's specs: the same header example, 210
    times) buried everything else in the printed list; grouped, it is ``source: what (210 locations: /paths/~1a/get,
    /paths/~1b/get, /paths/~1c/get, ...)``, in the order each finding first appears. The report file keeps every one.
    """
    groups: dict[tuple[str, str], list[str]] = {}
    for warning in warnings:
        match = _LOCATED.fullmatch(warning)
        key = (match["source"], match["what"]) if match else (warning, "")
        groups.setdefault(key, []).append(match["location"] if match else "")
    lines = []
    for (source, what), locations in groups.items():
        if not what:
            lines.append(source)
        elif len(locations) == 1:
            lines.append(f"{source}: {locations[0]}: {what}")
        else:
            shown = ", ".join(locations[:GROUP_LOCATIONS_SHOWN])
            more = ", ..." if len(locations) > GROUP_LOCATIONS_SHOWN else ""
            lines.append(f"{source}: {what} ({len(locations)} locations: {shown}{more})")
    return lines
