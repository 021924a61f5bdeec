"""Which operation versions make up one API version of a service: the carry-forward policy.

An SCP API version selects operations by header, so a version without its own page for an operation still serves
it: the operation is carried forward unchanged from its newest older page when that page is CURRENT or SUPPORTED
(a DEPRECATED or PLANNED page is not promised to the newer version). Each carried operation is a finding. Services
whose versions are part of the path (NHN's ``/v2.0/``) set ``carry_forward`` False: nothing is carried.
"""

from __future__ import annotations

import copy

from scraper.model import Finding, OperationVersion, Service
from scraper.versioning import version_key

__all__ = ["operations_for"]


def operations_for(service: Service, version: str) -> tuple[list[OperationVersion], list[Finding]]:
    """The operation versions that make up API ``version`` of ``service``, with carry-forward findings."""
    out: list[OperationVersion] = []
    findings: list[Finding] = []
    status_of = {v.version: v for v in service.versions}
    for op in service.operations:
        if version in op.versions:
            out.append(op.versions[version])
            continue
        older = [v for v in op.versions if version_key(v) < version_key(version)]
        if not older or not service.carry_forward:
            continue
        newest = max(older, key=version_key)
        page = op.versions[newest]
        if page.status not in ("CURRENT", "SUPPORTED"):
            continue
        carried = copy.deepcopy(page)
        carried.version = version
        carried.doc_version = newest
        target = status_of.get(version)
        if target is not None:
            carried.status = target.status
            carried.sunset = target.date
        out.append(carried)
        findings.append(
            Finding(
                "carried-forward",
                page.source.page,
                page.source.line,
                f"{service.id}:{op.method} {op.path}",
                f"no page for {version}; carried forward unchanged from the {newest} page ({page.status})",
                version,
            )
        )
    return out, findings
