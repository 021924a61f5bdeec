"""Services -> spec files on disk: every API version emitted, validated, and written only when all are valid.

All of a service's files are rendered and validated in memory before any is written, so a failing service keeps its
previous spec untouched; a spec whose bytes equal the file on disk is not validated again (it was validated when it
was written).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from scraper.atomic import MANIFEST, ForeignFolderError, UnsafePathError, write_tree
from scraper.build.carry_forward import operations_for
from scraper.build.findings_change import compare_findings
from scraper.build.openapi import dump_yaml, emit_spec, findings_json, findings_markdown
from scraper.build.page_cache import PageCache
from scraper.build.pages import PageInput
from scraper.build.parsed_specs import ParsedSpecs
from scraper.build.report import BuildReport
from scraper.build.services import build_services
from scraper.build.spec_memo import SpecMemo
from scraper.build.workers import BuildWorkers, PendingValidation, validate_all
from scraper.model import Service

__all__ = ["SPEC_MARKER", "build_specs", "plain_copy", "spec_files"]


def spec_files(
    service: Service, dumped: Callable[[str, dict[str, Any]], bytes | None] | None = None
) -> tuple[dict[str, bytes], dict[str, dict[str, Any]]]:
    """Render every version of ``service`` plus its findings.

    Returns the files (relative to the service directory) and the spec documents by file name, for validation.
    ``dumped(name, spec)``: the YAML of ``spec`` when already known (None: it is dumped).
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
        known = dumped(name, spec) if dumped is not None else None
        files[name] = known if known is not None else dump_yaml(spec)
        specs[name] = spec
    unique = sorted(set(findings), key=lambda f: f.sort_key())
    files["findings.json"] = findings_json(service, unique)
    files["FINDINGS.md"] = findings_markdown(service, unique)
    return files, specs


def _dumped_from(memo: SpecMemo, folder: Path, dumped: dict[str, str]) -> Callable[[str, dict[str, Any]], bytes | None]:
    """``spec_files``' ``dumped`` from ``memo`` (see :mod:`scraper.build.spec_memo`): a file of ``folder`` whose
    document is unchanged; the key of each document it does not know goes into ``dumped`` (to remember once
    written)."""

    def known(name: str, spec: dict[str, Any]) -> bytes | None:
        key = memo.document_key(spec)
        data = memo.dumped(key, folder / name) if key is not None else None
        if data is None and key is not None:
            dumped[name] = key
        return data

    return known


def plain_copy(value: Any) -> Any:
    """``value`` with every dict and list copied, none shared: what parsing its YAML gives (``dump_yaml`` writes a
    container reached twice twice, and represents only plain types, each read back as the same type and value)."""
    kind = type(value)
    if kind is dict:
        return {key: plain_copy(item) for key, item in value.items()}
    if kind is list:
        return [plain_copy(item) for item in value]
    return value


#: How a spec folder written before output manifests existed is recognised (see ``scraper.atomic.write_tree``).
SPEC_MARKER = ("FINDINGS.md", b"# Findings: ")


def build_specs(
    pages: list[PageInput],
    out: Path,
    *,
    only: set[tuple[str, str]] | None = None,
    cache: PageCache | None = None,
    memo: SpecMemo | None = None,
    keep_documents: int = 0,
    workers: BuildWorkers | None = None,
    parsed: ParsedSpecs | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> BuildReport:
    """Build and write ``out/<provider>/<service>/...`` for every service the pages document (or ``only`` those).

    All pages are read (or recalled from ``cache``) even when ``only`` names a few services: a service's spec can
    depend on its provider's other services (an inferred endpoint), so an incremental build must give the same bytes
    as a full one (see :func:`scraper.build.build_services`).

    All of a service's files are rendered and validated in memory before any is written, so a failing service
    keeps its previous spec untouched. A spec whose bytes equal the file already on disk is not validated again:
    it was validated when it was written. With a ``memo``, a service that finished exactly as when its folder was
    last written is not even emitted (:mod:`scraper.build.spec_memo`).

    The documents of the folders written are kept in ``report.documents`` (so the package stage need not parse
    what was just written), up to ``keep_documents`` bytes of YAML: a one-service edit keeps them all, a full
    rebuild does not hold every spec in memory. ``workers``: started by the caller before this call, they read the
    pages the cache does not hold and validate each service's specs as soon as they are emitted
    (:mod:`scraper.build.workers`); by default pages are read here and specs validated as :func:`validate_all` does.
    ``parsed``: where each spec written is remembered as what parsing it gives (:mod:`scraper.build.parsed_specs`).
    ``meanwhile``: called once every spec is handed to the ``workers``, before waiting for their answers (work the
    caller would do next anyway, done while this process would only wait).
    """
    report = build_services(pages, only=only, cache=cache, workers=workers)
    rendered: list[tuple[Service, dict[str, bytes], str | None, dict[str, str]]] = []
    jobs: list[tuple[str, dict[str, Any]]] = []
    specs_of: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}
    pending: list[PendingValidation] = []
    kept = 0
    for service in report.services:
        folder = out / service.provider / service.id
        key = memo.key(service) if memo is not None else None
        if memo is not None and key is not None and memo.unchanged(key, folder):
            continue  # the files emitting would write are the ones on disk
        document_keys: dict[str, str] = {}  # name -> memo key of a document that was dumped
        files, specs = spec_files(service, _dumped_from(memo, folder, document_keys) if memo is not None else None)
        rendered.append((service, files, key, document_keys))
        size = sum(len(files[name]) for name in specs)
        if kept + size <= keep_documents:  # only these are held until written; a full rebuild holds few
            kept += size
            specs_of[service.provider, service.id] = specs
        changed = [
            (f"{service.provider}/{service.id}/{name}", spec)
            for name, spec in specs.items()
            if not ((folder / name).exists() and (folder / name).read_bytes() == files[name])
        ]
        jobs.extend(changed)
        if workers is not None:  # validated by the workers while the next service is emitted
            pending.append(workers.submit(changed))
    if meanwhile is not None and pending:
        meanwhile()
    problems = (
        {k: v for part in pending for k, v in part.result().items()} if workers is not None else validate_all(jobs)
    )
    for service, files, key, document_keys in rendered:
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
            previous = folder / "findings.json"
            old_findings = previous.read_bytes() if previous.is_file() and not previous.is_symlink() else None
            report.written.extend(write_tree(folder, files, prune=True, marker=SPEC_MARKER))
            change = compare_findings(old_findings, files["findings.json"]) if old_findings is not None else None
            if change is not None:
                report.findings_changes[prefix.rstrip("/")] = change
            kept_specs = specs_of.get((service.provider, service.id))
            if kept_specs is not None:
                report.documents[f"{service.provider}/{service.id}"] = {
                    name: (files[name], plain_copy(spec)) for name, spec in kept_specs.items()
                }
            if memo is not None and key is not None:
                memo.remember(key, folder, [*files, MANIFEST])
            if memo is not None:
                for name, document_key in document_keys.items():
                    memo.remember_dump(document_key, files[name])
            if parsed is not None:
                for label, spec in jobs:
                    if label.startswith(prefix):  # a spec file whose bytes changed: the next run's old spec
                        parsed.store(files[label[len(prefix) :]], spec)
        except (UnsafePathError, ForeignFolderError) as exc:
            report.errors.append(str(exc))
            report.failed_services.add((service.provider, service.id))
    if memo is not None and rendered:
        memo.prune()
    if parsed is not None and jobs:
        parsed.prune()
    return report
