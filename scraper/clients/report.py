"""The generation report: what each generated package holds and every warning about what it could not honour.

``docs2client generate --report FILE`` writes it as JSON; the CLI prints a one-line summary of it. A warning is
anything the spec says that the generated client does not do exactly (an unsupported parameter style, a header name
that is not a token, a reference that leaves the document, ...), so nothing is dropped without a word.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

__all__ = ["PackageReport", "report_json", "summary_line"]


@dataclass(slots=True)
class PackageReport:
    """One generated package: its names, size and warnings (each ``source: where: what``)."""

    distribution: str
    import_name: str
    versions: list[str]
    operations: int
    contract_tests: int
    warnings: list[str] = field(default_factory=list)


def report_json(reports: Sequence[PackageReport]) -> str:
    """The report file's text: ``{"packages": [...], "warnings": n}``, deterministic (sorted keys, trailing newline)."""
    data = {"packages": [asdict(r) for r in reports], "warnings": sum(len(r.warnings) for r in reports)}
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def summary_line(reports: Sequence[PackageReport]) -> str:
    """``2 package(s), 41 operation(s), 90 contract test(s), 3 warning(s)``: what a run produced, on one line."""
    operations = sum(r.operations for r in reports)
    tests = sum(r.contract_tests for r in reports)
    warnings = sum(len(r.warnings) for r in reports)
    return f"{len(reports)} package(s), {operations} operation(s), {tests} contract test case(s), {warnings} warning(s)"
