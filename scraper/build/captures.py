"""Several captures of one service: a later page replaces what the earlier one covered.

Pages are read oldest capture first; a later page replaces what the earlier one covered:

* a page that ``covers = "service"`` replaces the whole service (operations missing from it are gone);
* a page that ``covers = "operation"`` replaces only the operations it documents.

A whole-service page documents a *part* of the service when it has only models (SCP's ``<service>/models/_print``)
or only operations (``<service>/apis/_print``): it replaces that part, and the other part of the earlier capture
stays (a ``capture-part`` finding says so), so an APIs page and a Models page of one service make one service.
A whole-service page that documents neither (an overview: version table and endpoint) updates those and keeps the
rest, with the same finding.

Every difference between two captures is a ``capture-conflict`` finding, and every page of the older capture that
was replaced is a ``superseded`` finding, so each documented operation-version page ends up either in exactly one
spec or in the findings.
"""

from __future__ import annotations

from typing import Any

from scraper.model import Finding, Operation, OperationVersion, Service, ServiceVersion
from scraper.versioning import version_key

__all__ = ["merge_capture"]


def _op_signature(op: OperationVersion) -> dict[str, Any]:
    """What two captures of one operation version are compared on (everything but provenance)."""
    return {
        "summary": op.summary,
        "description": op.description,
        "status": op.status,
        "sunset": op.sunset,
        "parameters": [
            (p.name, p.location, p.required, p.schema, p.example, p.default, p.description) for p in op.parameters
        ],
        "request body": op.request_body.schema if op.request_body else None,
        "responses": [(r.status, r.schema) for r in op.responses],
        "request example": op.example_request.body if op.example_request else None,
        "response example": op.example_response.body if op.example_response else None,
    }


def _compare_captures(old: Operation, new: Operation, new_page: str, subject: str) -> list[Finding]:
    findings: list[Finding] = []
    for version in sorted(set(old.versions) | set(new.versions), key=version_key):
        before, after = old.versions.get(version), new.versions.get(version)
        if before is None and after is not None:
            findings.append(
                Finding(
                    "capture-conflict",
                    after.source.page,
                    after.source.line,
                    subject,
                    f"version {version} is new in the later capture",
                    version,
                )
            )
        elif after is None and before is not None:
            findings.append(
                Finding(
                    "capture-conflict",
                    new_page,
                    0,
                    subject,
                    f"version {version} ({before.source.page}:{before.source.line}) is absent from the later "
                    "capture",
                    version,
                )
            )
        elif before is not None and after is not None:
            a, b = _op_signature(before), _op_signature(after)
            inferred = "x-title-inferred" in before.extensions or "x-title-inferred" in after.extensions
            changed = [key for key in a if a[key] != b[key] and not (key == "summary" and inferred)]
            if changed:
                findings.append(
                    Finding(
                        "capture-conflict",
                        after.source.page,
                        after.source.line,
                        subject,
                        f"differs from {before.source.page}:{before.source.line} in: {', '.join(changed)}",
                        version,
                    )
                )
    return findings


def _superseded(op: Operation, by: str) -> list[Finding]:
    return [
        Finding(
            "superseded",
            v.source.page,
            v.source.line,
            f"{v.method} {v.path}",
            f"page replaced by the later capture {by}",
            version,
        )
        for version, v in sorted(op.versions.items(), key=lambda kv: version_key(kv[0]))
    ]


def _merge_versions(old: list[ServiceVersion], new: list[ServiceVersion], service: Service, page: str) -> list[Finding]:
    """Set ``service.versions`` to the old table updated by the new one; returns the conflicts found."""
    table = {v.version: v for v in old}
    conflicts: list[Finding] = []
    for entry in new:
        before = table.get(entry.version)
        if before is not None and (before.status, before.date) != (entry.status, entry.date):
            conflicts.append(
                Finding(
                    "capture-conflict",
                    page,
                    0,
                    f"{service.id}:*",
                    f"version {entry.version}: {before.status} {before.date or '-'} in the earlier capture, "
                    f"{entry.status} {entry.date or '-'} in the later one (the later is used)",
                    entry.version,
                )
            )
        table[entry.version] = entry
    service.versions = sorted(table.values(), key=lambda v: version_key(v.version), reverse=True)
    return conflicts


def _part_finding(later: Service, page: str, part: str, kept: int) -> Finding:
    other = "operations" if part == "models" else "models"
    return Finding(
        "capture-part",
        page,
        0,
        f"{later.id}:*",
        f"the whole-service capture {page} documents {part} only: it replaces the {part}, and the {kept} {other} of"
        " the earlier capture are kept",
    )


def _merge_part(base: Service, later: Service, page: str, part: str, findings: list[Finding]) -> Service:
    """``later`` documents only the models of a service ``base`` has operations for: its models replace the models,
    everything else of ``base`` stays."""
    for name in sorted(set(base.models) - set(later.models)):
        model = base.models[name]
        findings.append(
            Finding(
                "capture-conflict",
                model.source.page,
                model.source.line,
                f"{base.id}:{name}",
                f"model is gone from the later capture {page}",
            )
        )
    base.models = dict(later.models)
    base.findings = findings + later.findings + [_part_finding(later, page, part, len(base.operations))]
    base.pages = base.pages + later.pages
    if not base.server and later.server:
        base.server = later.server
    return base


def _merge_overview(base: Service, later: Service, page: str, findings: list[Finding]) -> Service:
    """``later`` is an overview page alone (a version table, an endpoint; a re-fetch that brought the service's
    landing page instead of its reference): it updates the version table and the endpoint, and the operations and
    models of ``base`` stay. Replacing the service with it would leave a service of no operation, whose specs are
    then not written at all."""
    conflicts = _merge_versions(base.versions, later.versions, base, page) if later.versions else []
    if later.server is not None and base.server is not None and later.server != base.server:
        conflicts.append(
            Finding(
                "capture-conflict",
                page,
                0,
                f"{base.id}:*",
                f"the endpoint {later.server.url} of the later capture replaces {base.server.url}",
            )
        )
    if later.server is not None:
        base.server = later.server
    kept = f"{len(base.operations)} operations and {len(base.models)} models"
    overview = Finding(
        "capture-part",
        page,
        0,
        f"{later.id}:*",
        f"the whole-service capture {page} documents neither operations nor models (an overview page): it updates"
        f" the version table and the endpoint, and the {kept} of the earlier capture are kept",
    )
    base.findings = findings + later.findings + conflicts + [overview]
    base.pages = base.pages + later.pages
    return base


def merge_capture(base: Service, later: Service, covers: str, page: str) -> Service:
    """Apply a later capture of a service to an earlier one (see the module docstring)."""
    findings = list(base.findings)
    if covers == "service" and base.operations and not later.operations and later.models:
        return _merge_part(base, later, page, "models", findings)
    if covers == "service" and (base.operations or base.models) and not later.operations and not later.models:
        return _merge_overview(base, later, page, findings)
    if covers == "service":
        merged = _replace_service(base, later, page, findings)
        if base.models and later.operations and not later.models:
            # an APIs-only page: the models of the earlier capture (a Models page) stay
            merged.models = dict(base.models)
            merged.findings.append(_part_finding(later, page, "operations", len(base.models)))
        return merged
    return _replace_operations(base, later, page, findings)


def _operation_conflict(op: Operation, subject: str, message: str) -> Finding:
    """A ``capture-conflict`` about ``op``, placed at its first documented version."""
    first = min(op.versions.values(), key=lambda v: v.source.line)
    return Finding("capture-conflict", first.source.page, first.source.line, subject, message)


def _replace_service(base: Service, later: Service, page: str, findings: list[Finding]) -> Service:
    """``later`` replaces ``base`` whole; every difference is a finding."""
    # The earlier capture's own doubts were about pages that are no longer used; what stays is how the two
    # captures differ and which pages were superseded.
    findings = [f for f in findings if f.kind in ("capture-conflict", "superseded")]
    merged = later
    for op in base.operations:
        subject = f"{base.id}:{op.method} {op.path}"
        new = later.operation(op.method, op.path, op.variant)
        if new is None:
            findings.append(
                _operation_conflict(op, subject, f"operation is gone from the later whole-service capture {page}")
            )
        else:
            findings.extend(_compare_captures(op, new, page, subject))
        findings.extend(_superseded(op, page))
    for op in later.operations:
        if base.operation(op.method, op.path, op.variant) is None:
            findings.append(
                _operation_conflict(op, f"{base.id}:{op.method} {op.path}", "operation is new in the later capture")
            )
    if not later.server and base.server:
        merged.server = base.server
    merged.findings = findings + later.findings
    merged.pages = base.pages + later.pages
    return merged


def _replace_operations(base: Service, later: Service, page: str, findings: list[Finding]) -> Service:
    """``later`` replaces the operations (and models) it documents in ``base``."""
    merged = base
    for op in later.operations:
        subject = f"{base.id}:{op.method} {op.path}"
        old = base.operation(op.method, op.path, op.variant)
        if old is None:
            base.operations.append(op)
            findings.append(Finding("capture-conflict", page, 0, subject, "operation is new in the later capture"))
            continue
        findings.extend(_compare_captures(old, op, page, subject))
        findings.extend(_superseded(old, page))
        base.operations[base.operations.index(old)] = op
    for name, model in later.models.items():
        base.models[name] = model
    version_conflicts = _merge_versions(base.versions, later.versions, merged, page)
    merged.findings = findings + later.findings + version_conflicts
    merged.pages = base.pages + later.pages
    return merged
