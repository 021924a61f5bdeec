"""Pages -> services -> per-version OpenAPI specs: the ``docs2client spec`` command.

This is where several captures of one service meet. Pages are read oldest capture first; a later page replaces what
the earlier one covered:

* a page that ``covers = "service"`` replaces the whole service (operations missing from it are gone);
* a page that ``covers = "operation"`` replaces only the operations it documents.

Every difference between two captures is a ``capture-conflict`` finding, and every page of the older capture that
was replaced is a ``superseded`` finding, so each documented operation-version page ends up either in exactly one
spec or in the findings.

Then, per service: models that no Models section defines are inferred from the examples (``x-inferred``), the
operation set of each API version is resolved (an operation without a page for version V is carried forward from
its newest older page when that page is CURRENT or SUPPORTED), and each version is emitted and validated. One bad
page stops only the services it documents; the command exits non-zero with a summary of located errors.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scraper.atomic import ForeignFolderError, UnsafePathError, write_tree
from scraper.catalog import Catalog, CatalogError, PageEntry, load_catalog
from scraper.dialects import DialectError, PageInfo, dialect_for
from scraper.document import ReaderError
from scraper.inference import ExampleSite, InferenceError, infer_schema
from scraper.model import (
    Finding,
    Model,
    Operation,
    OperationVersion,
    ServerTemplate,
    Service,
    ServiceVersion,
    Source,
)
from scraper.openapi import dump_yaml, emit_spec, findings_json, findings_markdown, schema_refs, validate_spec
from scraper.path_segments import service_problems
from scraper.readers import guess_format, read_page
from scraper.schema_patterns import without_bad_patterns
from scraper.versioning import version_key

__all__ = [
    "BuildReport",
    "PageInput",
    "build_services",
    "build_specs",
    "catalog_pages",
    "configure",
    "merge_capture",
    "operations_for",
    "print_report",
    "run",
    "spec_files",
]


@dataclass(frozen=True, slots=True)
class PageInput:
    """A page to read: ``name`` is how findings and ``x-source`` refer to it (a path relative to the project)."""

    name: str
    path: Path
    provider: str
    format: str
    url: str = ""
    covers: str = "service"
    capture: int = 1
    services: tuple[str, ...] = ()
    titles: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_entry(cls, entry: PageEntry, pages_dir: Path) -> PageInput:
        return cls(
            name=f"pages/{entry.file}",
            path=entry.path(pages_dir),
            provider=entry.provider,
            format=entry.format,
            url=entry.docs or entry.url,
            covers=entry.covers,
            capture=entry.capture,
            services=entry.services,
            titles=entry.titles,
        )


@dataclass(slots=True)
class BuildReport:
    services: list[Service] = field(default_factory=list)
    #: Located errors, one per page (or service) that could not be built.
    errors: list[str] = field(default_factory=list)
    #: (provider, service id) of services that could not be built because a page covering them failed.
    failed_services: set[tuple[str, str]] = field(default_factory=set)
    written: list[Path] = field(default_factory=list)


# -- reading and merging captures -------------------------------------------------------------------------------


#: Largest page read (the biggest real page is well under 1 MB; a 51 MB page took 2.7 GB and minutes to read).
MAX_PAGE_BYTES = 16 * 1024 * 1024


def _read(page: PageInput) -> list[Service]:
    try:
        with page.path.open("rb") as handle:
            raw = handle.read(MAX_PAGE_BYTES + 1)
    except OSError as exc:
        raise ReaderError(page.name, 0, f"cannot read page file: {exc.strerror}") from exc
    if len(raw) > MAX_PAGE_BYTES:
        raise ReaderError(
            page.name, 0, f"page is larger than {MAX_PAGE_BYTES // (1024 * 1024)} MiB; expected one API reference page"
        )
    document = read_page(raw, page=page.name, format=page.format, provider=page.provider)
    return dialect_for(page.provider).read(document, PageInfo(page.name, page.url, page.services))


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


def merge_capture(base: Service, later: Service, covers: str, page: str) -> Service:
    """Apply a later capture of a service to an earlier one (see the module docstring)."""
    findings = list(base.findings)
    if covers == "service":
        # The earlier capture's own doubts were about pages that are no longer used; what stays is how the two
        # captures differ and which pages were superseded.
        findings = [f for f in findings if f.kind in ("capture-conflict", "superseded")]
        merged = later
        for op in base.operations:
            subject = f"{base.id}:{op.method} {op.path}"
            new = later.operation(op.method, op.path, op.variant)
            if new is None:
                first = min(op.versions.values(), key=lambda v: v.source.line)
                findings.append(
                    Finding(
                        "capture-conflict",
                        first.source.page,
                        first.source.line,
                        subject,
                        f"operation is gone from the later whole-service capture {page}",
                    )
                )
            else:
                findings.extend(_compare_captures(op, new, page, subject))
            findings.extend(_superseded(op, page))
        for op in later.operations:
            if base.operation(op.method, op.path, op.variant) is None:
                first = min(op.versions.values(), key=lambda v: v.source.line)
                findings.append(
                    Finding(
                        "capture-conflict",
                        first.source.page,
                        first.source.line,
                        f"{base.id}:{op.method} {op.path}",
                        "operation is new in the later capture",
                    )
                )
        if not later.server and base.server:
            merged.server = base.server
        merged.findings = findings + later.findings
        merged.pages = base.pages + later.pages
        return merged
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


def build_services(pages: list[PageInput]) -> BuildReport:
    """Read every page (oldest capture first) and merge captures into one Service per (provider, id)."""
    report = BuildReport()
    services: dict[tuple[str, str], Service] = {}
    for page in sorted(pages, key=lambda p: (p.capture, p.name)):
        try:
            read = _read(page)
        except (ReaderError, DialectError) as exc:
            report.errors.append(str(exc))
            for service_id in page.services:
                report.failed_services.add((page.provider, service_id))
            continue
        except Exception as exc:
            report.errors.append(
                f"{page.name}:1: internal error while reading the page ({type(exc).__name__}: {exc}); the page is"
                " skipped -- this is a docs2client bug, please report it with the page"
            )
            for service_id in page.services:
                report.failed_services.add((page.provider, service_id))
            continue
        if not read and not page.services:
            report.errors.append(
                f"{page.name}: no API operations found (expected a {page.provider} API reference page in "
                f"{page.format} format; is --provider or --format right?)"
            )
        read = _safe_services(page, read, report)
        if page.services:
            declared = set(page.services)
            found = {s.id for s in read}
            if found != declared:
                report.errors.append(
                    f"{page.name}: catalog says the page covers {sorted(declared)}, "
                    f"the page documents {sorted(found)}"
                )
                # What the page documents is in doubt, so nothing it covers (or claims to) is rewritten.
                report.failed_services.update((page.provider, service_id) for service_id in declared | found)
        for service in read:
            _drop_bad_patterns(service)
            _flag_plain_http(service, page.name)
            key = (service.provider, service.id)
            if key in services:
                services[key] = merge_capture(services[key], service, page.covers, page.name)
            else:
                services[key] = service
    _infer_servers(services)
    _catalog_titles(services, pages)
    capture = {p.name: p.capture for p in pages}
    for key in sorted(services):
        if key in report.failed_services:
            continue
        service = services[key]
        try:
            _finish_service(service, capture)
        except InferenceError as exc:
            report.errors.append(f"{service.provider}/{service.id}: {exc}")
            report.failed_services.add(key)
            continue
        report.services.append(service)
    return report


def _flag_plain_http(service: Service, page: str) -> None:
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


def _drop_bad_patterns(service: Service) -> None:
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


def _safe_services(page: PageInput, read: list[Service], report: BuildReport) -> list[Service]:
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


def _catalog_titles(services: dict[tuple[str, str], Service], pages: list[PageInput]) -> None:
    """A service whose pages never name it (its title is still its id) takes the title the catalog gives."""
    for page in pages:
        for service_id, title in page.titles:
            service = services.get((page.provider, service_id))
            if service is None or service.title != service.id:
                continue
            service.title = title
            service.findings.append(
                Finding(
                    "catalog-title",
                    page.name,
                    0,
                    f"{service.id}:*",
                    f"the pages never name the service; title {title!r} taken from pages/catalog.toml",
                )
            )


def _infer_servers(services: dict[tuple[str, str], Service]) -> None:
    """Give a service whose pages document no endpoint the template its provider's other services all share.

    SCP endpoints are ``https://<service id>.{region}.{environment}.<domain>``; when every documented SCP service
    follows that with the same environment/region pairs, a service without an overview (Virtual Server's APIs
    section) gets the same shape, marked ``x-inferred`` and reported.
    """
    by_provider: dict[str, list[Service]] = {}
    for (provider, _), service in sorted(services.items()):
        by_provider.setdefault(provider, []).append(service)
    for provider, members in by_provider.items():
        documented = [s for s in members if s.server is not None and not s.server.inferred]
        shapes = {
            (s.server.url.replace(s.id, "{service}", 1), json.dumps(s.server.pairs, sort_keys=True))
            for s in documented
            if s.server is not None and s.id in s.server.url
        }
        for service in members:
            if service.server is not None:
                continue
            if len(documented) < 2 or len(shapes) != 1:
                service.findings.append(
                    Finding(
                        "missing-server",
                        service.pages[0] if service.pages else "",
                        1,
                        f"{service.id}:*",
                        "no endpoint documented and none can be inferred; the spec has no servers",
                    )
                )
                continue
            template, pairs = next(iter(shapes))
            service.server = ServerTemplate(template.replace("{service}", service.id), json.loads(pairs), True)
            service.findings.append(
                Finding(
                    "inferred-server",
                    service.pages[0] if service.pages else "",
                    0,
                    f"{service.id}:*",
                    f"no endpoint documented; {service.server.url} with the environment/region pairs that all "
                    f"{len(documented)} documented {provider} services share",
                )
            )


# -- per-service finishing: version table, inferred models, per-version operation sets ---------------------------


def _derive_versions(service: Service, capture: dict[str, int]) -> None:
    """A service with no overview table gets its version table from its operation pages.

    A version's status and date are a fact about the whole service, so the latest capture that documents the
    version decides (``capture`` maps page names to capture order); among its pages the most common reading wins.
    Pages of older captures that say otherwise are reported.
    """
    seen: dict[str, list[OperationVersion]] = {}
    for op in service.operations:
        for version, v in op.versions.items():
            seen.setdefault(version, []).append(v)
    known = {v.version for v in service.versions}
    added = False
    for version in sorted(seen, key=version_key, reverse=True):
        if version in known:
            continue
        pages = seen[version]
        latest = max(capture.get(v.source.page, 0) for v in pages)
        counts = Counter((v.status, v.sunset) for v in pages if capture.get(v.source.page, 0) == latest)
        (status, date), _ = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        service.versions.append(ServiceVersion(version, status, date))  # type: ignore[arg-type]
        added = True
        where = sorted({v.source.page for v in pages if capture.get(v.source.page, 0) == latest})
        service.findings.append(
            Finding(
                "derived-version",
                where[0],
                0,
                f"{service.id}:*",
                f"version {version} is not in a version table; status {status} {date or '-'} taken from its "
                f"operation pages in {', '.join(where)}",
                version,
            )
        )
        older = Counter((v.source.page, v.status, v.sunset) for v in pages if (v.status, v.sunset) != (status, date))
        for (page, other_status, other_date), count in sorted(older.items()):
            service.findings.append(
                Finding(
                    "capture-conflict",
                    page,
                    0,
                    f"{service.id}:*",
                    f"version {version}: {count} page(s) of this capture say {other_status} {other_date or '-'}; "
                    f"the later capture {', '.join(where)} says {status} {date or '-'} (used for the version table)",
                    version,
                )
            )
    if added:
        service.versions.sort(key=lambda v: version_key(v.version), reverse=True)


def _refs(schema: Any) -> list[str]:
    return sorted(schema_refs(schema))


def _infer_models(service: Service) -> None:
    examples: dict[str, list[tuple[Any, ExampleSite]]] = {}
    sides: dict[str, str] = {}
    sources: dict[str, Source] = {}
    for op in service.operations:
        for _version, v in sorted(op.versions.items(), key=lambda kv: version_key(kv[0])):
            if v.request_body is not None:
                for name in _refs(v.request_body.schema):
                    sides.setdefault(name, "request")
                    sources.setdefault(name, v.source)
                    if name not in service.models and v.example_request and v.example_request.has_body:
                        site = ExampleSite(v.source.page, v.example_request.line, name)
                        examples.setdefault(name, []).append((v.example_request.body, site))
            for response in v.responses:
                for name in _refs(response.schema):
                    sides.setdefault(name, "response")
                    sources.setdefault(name, v.source)
                    ex = v.example_response
                    if name not in service.models and ex and ex.has_body and ex.status == response.status:
                        examples.setdefault(name, []).append((ex.body, ExampleSite(v.source.page, ex.line, name)))
    for name in sorted(sides):
        if name in service.models:
            continue
        found = examples.get(name, [])
        source = sources[name]
        if not found:
            service.models[name] = Model(name, {"type": "object", "x-inferred": True}, source, inferred=True)
            service.findings.append(
                Finding(
                    "undefined-model",
                    source.page,
                    source.line,
                    f"{service.id}:{name}",
                    "model is referenced but neither defined nor shown in any example; " "typed as a free-form object",
                )
            )
            continue
        inference = infer_schema(found, side=sides[name])  # type: ignore[arg-type]
        schema = dict(inference.schema)
        schema["x-inferred"] = True
        service.models[name] = Model(name, schema, source, inferred=True)
        pages = sorted({f"{site.page}:{site.line}" for _, site in found})
        service.findings.append(
            Finding(
                "inferred-schema",
                source.page,
                source.line,
                f"{service.id}:{name}",
                f"no Models section defines {name}; schema inferred from {len(found)} "
                f"example(s): {', '.join(pages[:5])}{' ...' if len(pages) > 5 else ''}",
            )
        )
        for site, kind, message in inference.notes:
            service.findings.append(Finding(kind, site.page, site.line, f"{service.id}:{name}", message))
    for op in service.operations:
        for v in op.versions.values():
            body, example = v.request_body, v.example_request
            placeholder = body is not None and not _refs(body.schema) and not body.schema.get("properties")
            if body is not None and placeholder and example is not None and example.has_body:
                site = ExampleSite(v.source.page, example.line, f"{v.method} {v.path}")
                body.schema = dict(infer_schema([(example.body, site)], side="request").schema)


def _finish_service(service: Service, capture: dict[str, int]) -> None:
    _derive_versions(service, capture)
    _infer_models(service)


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


# -- writing -----------------------------------------------------------------------------------------------------


def spec_files(service: Service) -> tuple[dict[str, bytes], dict[str, dict[str, Any]]]:
    """Render every version of ``service`` plus its findings.

    Returns the files (relative to the service directory) and the spec documents by file name, for validation.
    """
    files: dict[str, bytes] = {}
    specs: dict[str, dict[str, Any]] = {}
    findings = list(service.findings)
    for entry in service.versions:
        ops, carried = operations_for(service, entry.version)
        findings.extend(carried)
        spec, example_findings = emit_spec(service, entry.version, ops)
        findings.extend(example_findings)
        name = f"{entry.version}.yaml"
        files[name] = dump_yaml(spec)
        specs[name] = spec
    unique = sorted(set(findings), key=lambda f: f.sort_key())
    files["findings.json"] = findings_json(service, unique)
    files["FINDINGS.md"] = findings_markdown(service, unique)
    return files, specs


def _validate_all(jobs: list[tuple[str, dict[str, Any]]]) -> dict[str, str]:
    """Validate specs with openapi-spec-validator, in parallel when there are several (it is the slow step)."""
    if not jobs:
        return {}
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers <= 1 or len(jobs) < 3:
        return {label: validate_spec(spec) for label, spec in jobs}
    # Import the validator (~0.6 s) once here rather than in every worker: forked workers inherit it.
    import openapi_spec_validator  # noqa: F401

    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = pool.map(validate_spec, [spec for _, spec in jobs], chunksize=1)
        return {label: problems for (label, _), problems in zip(jobs, results, strict=True)}


#: How a spec folder written before output manifests existed is recognised (see ``scraper.atomic.write_tree``).
_SPEC_MARKER = ("FINDINGS.md", b"# Findings: ")


def build_specs(pages: list[PageInput], out: Path, *, only: set[tuple[str, str]] | None = None) -> BuildReport:
    """Build and write ``out/<provider>/<service>/...`` for every service the pages document (or ``only`` those).

    All pages are read even when ``only`` names a few services: a service's spec can depend on its provider's other
    services (an inferred endpoint), so an incremental build must give the same bytes as a full one.

    All of a service's files are rendered and validated in memory before any is written, so a failing service
    keeps its previous spec untouched. A spec whose bytes equal the file already on disk is not validated again:
    it was validated when it was written.
    """
    report = build_services(pages)
    if only is not None:
        report.services = [s for s in report.services if (s.provider, s.id) in only]
    rendered: list[tuple[Service, dict[str, bytes]]] = []
    jobs: list[tuple[str, dict[str, Any]]] = []
    for service in report.services:
        files, specs = spec_files(service)
        rendered.append((service, files))
        folder = out / service.provider / service.id
        for name, spec in specs.items():
            target = folder / name
            if not (target.exists() and target.read_bytes() == files[name]):
                jobs.append((f"{service.provider}/{service.id}/{name}", spec))
    problems = _validate_all(jobs)
    for service, files in rendered:
        prefix = f"{service.provider}/{service.id}/"
        errors = [
            f"{out}/{label}: {text}" for label, text in sorted(problems.items()) if label.startswith(prefix) and text
        ]
        if errors:
            report.errors.extend(errors)
            report.failed_services.add((service.provider, service.id))
            continue
        try:
            folder = out / service.provider / service.id
            report.written.extend(write_tree(folder, files, prune=True, marker=_SPEC_MARKER))
        except (UnsafePathError, ForeignFolderError) as exc:
            report.errors.append(str(exc))
            report.failed_services.add((service.provider, service.id))
    return report


# -- CLI ---------------------------------------------------------------------------------------------------------


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("pages", nargs="*", type=Path, help="page files to read instead of the catalog")
    parser.add_argument("--provider", choices=("scp", "nhn"), help="provider of the given pages (required with PAGE)")
    parser.add_argument("--format", choices=("text", "html", "markdown"), help="page format (default: from the name)")
    parser.add_argument("--catalog", type=Path, default=Path("pages/catalog.toml"), help="page catalog")
    parser.add_argument("--out", type=Path, default=Path("spec"), help="output directory (default: spec)")


def catalog_pages(catalog: Catalog) -> list[PageInput]:
    return [PageInput.from_entry(entry, catalog.pages_dir) for entry in catalog.pages]


def run(args: argparse.Namespace) -> int:
    if args.pages:
        if not args.provider:
            print("error: --provider is required when pages are given", file=sys.stderr)
            return 2
        pages = [
            PageInput(
                name=str(p), path=p, provider=args.provider, format=args.format or guess_format(p.name), capture=i
            )
            for i, p in enumerate(args.pages, start=1)
        ]
    else:
        try:
            pages = catalog_pages(load_catalog(args.catalog))
        except CatalogError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    report = build_specs(pages, args.out)
    return print_report(report, args.out)


def print_report(report: BuildReport, out: Path) -> int:
    for service in report.services:
        if (service.provider, service.id) in report.failed_services:
            continue
        versions = ", ".join(v.version for v in service.versions)
        ops = len(service.operations)
        print(
            f"{service.provider}/{service.id}: {ops} operations, versions {versions}, "
            f"{len(service.findings)} findings"
        )
    changed = len(report.written)
    print(f"{changed} file(s) changed under {out}")
    if report.errors:
        print(f"\n{len(report.errors)} error(s); the services they affect were not rewritten:", file=sys.stderr)
        for error in report.errors:
            print(f"  {error}", file=sys.stderr)
        failed = ", ".join(f"{p}/{s}" for p, s in sorted(report.failed_services))
        if failed:
            print(f"  not built: {failed}", file=sys.stderr)
        return 1
    return 0
