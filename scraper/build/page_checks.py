"""Checks every page's services pass before they are merged: path-safe ids, usable patterns, secure endpoints.

They run on each page's output, whatever the dialect, so a page cannot name a folder outside the output, a ``pattern``
that is not a regular expression never reaches a spec, and a plain-http endpoint is always reported.
"""

from __future__ import annotations

from typing import Any

from scraper.build.pages import PageInput
from scraper.build.report import BuildReport
from scraper.model import Finding, Service
from scraper.path_segments import service_problems
from scraper.schema_patterns import without_bad_patterns

__all__ = ["drop_bad_patterns", "flag_plain_http", "safe_services"]


def flag_plain_http(service: Service, page: str) -> None:
    """A documented endpoint over plain ``http`` would send signatures and tokens in clear text: say so."""
    if service.server is not None and service.server.url.lower().startswith("http://"):
        service.findings.append(
            Finding(
                "insecure-server",
                page,
                0,
                f"{service.id}:*",
                f"the documented endpoint {service.server.url} is plain http: requests, signatures and tokens "
                "would travel unencrypted (the generated client warns when it is used)",
            )
        )


def drop_bad_patterns(service: Service) -> None:
    """Remove ``pattern``s that are not regular expressions from every schema of ``service`` (each a finding)."""

    def clean(schema: Any, page: str, line: int, subject: str, version: str | None = None) -> Any:
        cleaned, problems = without_bad_patterns(schema)
        for problem in problems:
            service.findings.append(Finding("bad-pattern", page, line, subject, problem, version))
        return cleaned

    for name, model in service.models.items():
        model.schema = clean(model.schema, model.source.page, model.source.line, f"{service.id}:{name}")
    for op in service.operations:
        for version, v in op.versions.items():
            subject = f"{service.id}:{v.method} {v.path}"
            for p in v.parameters:
                p.schema = clean(p.schema, v.source.page, p.line or v.source.line, subject, version)
            if v.request_body is not None:
                v.request_body.schema = clean(v.request_body.schema, v.source.page, v.source.line, subject, version)
            for r in v.responses:
                if r.schema is not None:
                    r.schema = clean(r.schema, v.source.page, r.line or v.source.line, subject, version)


def safe_services(page: PageInput, read: list[Service], report: BuildReport) -> list[Service]:
    """``read`` without the services whose id or versions cannot be path segments (each is an error, not built).

    Every dialect's output passes here, so a page cannot name a folder outside the output (``../../x``, an absolute
    path) through any provider's conventions.
    """
    safe: list[Service] = []
    for service in read:
        problems = service_problems(service)
        if not problems:
            safe.append(service)
            continue
        lines = [v.source.line for op in service.operations for v in op.versions.values()]
        line = min(lines) if lines else 0
        report.errors.append(f"{page.name}:{line}: {'; '.join(problems)}; the service is skipped")
        report.failed_services.add((service.provider, service.id))
    return safe
