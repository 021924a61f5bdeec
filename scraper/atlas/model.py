"""What the atlas shows, read from ``spec/``, the findings and ``generated/``: plain data, no HTML.

Kept apart from rendering so that the tests (and any other view) can check the numbers without parsing pages, and
so that every value a page shows comes from one place. Everything is sorted (providers, services, versions by
:func:`scraper.versioning.version_key`, operations by path and method), so the same inputs give the same site.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scraper.atlas.diffs import VersionDiff, version_diffs
from scraper.clients import naming
from scraper.diff.refs import RefError, parse_document
from scraper.versioning import version_key

__all__ = [
    "STATUSES",
    "Atlas",
    "AtlasError",
    "Finding",
    "OperationCell",
    "OperationRow",
    "Package",
    "Service",
    "SpecVersion",
    "SunsetBar",
    "build_atlas",
    "slug",
]

#: The lifecycle statuses the docs use, in the order the legend lists them.
STATUSES = ("CURRENT", "SUPPORTED", "DEPRECATED", "PLANNED")
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_SLUG = re.compile(r"[^A-Za-z0-9._-]+")
_DEF = re.compile(r"^\s+def (\w+)\(", re.MULTILINE)


class AtlasError(ValueError):
    """Input the atlas cannot use (a spec that does not parse, an unreadable findings file); names the file."""


def slug(text: str) -> str:
    """A file-name-safe form of a provider, service or version (doc text never chooses where a file goes)."""
    cleaned = _SLUG.sub("-", text).strip("-.")
    return cleaned or "x"


@dataclass(frozen=True)
class OperationCell:
    """One documented operation in one API version."""

    status: str
    sunset: str | None
    doc_url: str | None


@dataclass
class OperationRow:
    """One documented operation (an ``x-operations`` member counts as its own) across the service's versions."""

    method: str
    path: str
    operation_id: str
    member_of: str | None  # operationId of the operation whose x-operations list holds this one
    method_name: str | None = None  # the generated client's method, when found in the generated package
    cells: dict[str, OperationCell] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, int, str]:
        return (self.path, _METHODS.index(self.method) if self.method in _METHODS else 99, self.operation_id)


@dataclass(frozen=True)
class SpecVersion:
    """One API version of a service: its own spec's status and sunset, or only the docs' version table's entry."""

    version: str
    status: str
    sunset: str | None
    operations: int | None  # None: listed in the docs' version table but no spec was built for it

    @property
    def has_spec(self) -> bool:
        return self.operations is not None


@dataclass(frozen=True)
class Finding:
    kind: str
    page: str
    line: int
    subject: str
    message: str
    version: str | None
    source_url: str | None


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    import_name: str
    #: the newest CHANGELOG.md section (what the last regeneration changed), without its heading; "" when none
    latest_changes: str = ""


@dataclass(frozen=True)
class SunsetBar:
    """One dated deprecation: a deprecated version, or an operation deprecated on its own (not with its version)."""

    provider: str
    service: str
    version: str
    operation: str | None
    sunset: _dt.date

    @property
    def label(self) -> str:
        what = f"{self.provider} {self.service} {self.version}"
        return f"{what} {self.operation}" if self.operation else what


@dataclass
class Service:
    provider: str
    name: str
    title: str
    versions: list[SpecVersion]
    operations: list[OperationRow]
    findings: list[Finding]
    package: Package | None
    diffs: list[VersionDiff]  # consecutive versions, oldest pair first

    @property
    def spec_versions(self) -> list[SpecVersion]:
        return [v for v in self.versions if v.has_spec]

    @property
    def by_version(self) -> dict[str, SpecVersion]:
        return {v.version: v for v in self.spec_versions}

    @property
    def dir(self) -> str:
        return f"{slug(self.provider)}/{slug(self.name)}"


@dataclass
class Atlas:
    today: _dt.date
    services: list[Service]
    bars: list[SunsetBar]
    errors: list[str]

    @property
    def providers(self) -> list[tuple[str, list[Service]]]:
        names = sorted({s.provider for s in self.services})
        return [(p, [s for s in self.services if s.provider == p]) for p in names]


def build_atlas(spec_dir: Path, generated_dir: Path, *, today: _dt.date) -> Atlas:
    """Every ``spec_dir/<provider>/<service>/`` with at least one readable spec; a bad file (spec, findings,
    package metadata) is reported in ``errors`` (one line naming it) and left out, so one broken file never hides
    the rest of its service or the other services."""
    services: list[Service] = []
    errors: list[str] = []
    for service_dir in sorted(p for p in spec_dir.glob("*/*") if p.is_dir()):
        service = _read_service(service_dir, generated_dir, errors, today)
        if service is not None:
            services.append(service)
    return Atlas(today=today, services=services, bars=_sunset_bars(services), errors=errors)


def _read_service(service_dir: Path, generated_dir: Path, errors: list[str], today: _dt.date) -> Service | None:
    provider, name = service_dir.parent.name, service_dir.name
    documents: dict[str, dict[str, Any]] = {}
    for spec_path in sorted(service_dir.glob("*.yaml")):
        try:
            doc = parse_document(spec_path.read_text(encoding="utf-8"), source=str(spec_path), argument="spec")
        except (RefError, OSError, UnicodeDecodeError) as exc:
            errors.append(f"{spec_path}: skipped: {exc}")
            continue
        info = doc.get("info")
        version = str((info.get("version") if isinstance(info, dict) else None) or spec_path.stem)
        documents[version] = doc
    if not documents:
        return None
    ordered = sorted(documents, key=version_key)
    newest = documents[ordered[-1]]
    info = newest.get("info") or {}
    try:
        package = _read_package(generated_dir / f"{provider}-{name}")
    except AtlasError as exc:  # the service is still shown, without its package
        errors.append(str(exc))
        package = None
    rows = _operation_rows(documents, package, generated_dir / f"{provider}-{name}")
    try:
        findings = _read_findings(service_dir / "findings.json", _page_urls(documents))
    except AtlasError as exc:  # the service is still shown, without its findings
        errors.append(str(exc))
        findings = []
    return Service(
        provider=provider,
        name=name,
        title=str(info.get("title") or name),
        versions=_versions(documents),
        operations=rows,
        findings=findings,
        package=package,
        diffs=version_diffs(documents, today=today),
    )


def _text(value: Any) -> str | None:
    """A status or date as text (YAML may have read a date as a ``datetime.date``)."""
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, _dt.date) else str(value)


def _versions(documents: dict[str, dict[str, Any]]) -> list[SpecVersion]:
    """The spec files' versions with their own status and sunset, plus versions only the docs' table lists."""
    found: dict[str, SpecVersion] = {}
    for version, doc in documents.items():
        info = doc.get("info") or {}
        found[version] = SpecVersion(
            version=version,
            status=_text(info.get("x-api-status")) or "CURRENT",
            sunset=_text(info.get("x-sunset")),
            operations=sum(1 for _ in _documented_operations(doc)),
        )
    table = (documents[max(documents, key=version_key)].get("info") or {}).get("x-versions") or []
    for entry in table if isinstance(table, list) else []:
        if isinstance(entry, dict) and entry.get("version") is not None and str(entry["version"]) not in found:
            version = str(entry["version"])
            found[version] = SpecVersion(
                version, _text(entry.get("status")) or "CURRENT", _text(entry.get("date")), None
            )
    return [found[v] for v in sorted(found, key=version_key)]


def _documented_operations(doc: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any], str | None]]:
    """``(method, path, operation, member_of)`` for every documented operation, ``x-operations`` members included
    (each member is its own documented call and its own generated method)."""
    paths = doc.get("paths")
    for path, item in paths.items() if isinstance(paths, dict) else ():
        if not isinstance(item, dict):
            continue
        for method in _METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            members = op.get("x-operations")
            if isinstance(members, list) and members:
                parent = str(op.get("operationId") or f"{method.upper()} {path}")
                for member in members:
                    if isinstance(member, dict):
                        yield method, str(path), {**op, **member}, parent
            else:
                yield method, str(path), op, None


def _safe_url(value: Any) -> str | None:
    """An ``x-source.url`` fit for a link: http(s) only (doc text must not smuggle ``javascript:`` into a page)."""
    if isinstance(value, str) and re.match(r"https?://[^\s\"'<>]+$", value):
        return value
    return None


def _operation_rows(
    documents: dict[str, dict[str, Any]], package: Package | None, package_dir: Path
) -> list[OperationRow]:
    rows: dict[tuple[str, str, str], OperationRow] = {}
    for version in sorted(documents, key=version_key):
        info = documents[version].get("info") or {}
        methods = _client_methods(package, package_dir, version)
        for method, path, op, member_of in _documented_operations(documents[version]):
            operation_id = str(op.get("operationId") or f"{method.upper()} {path}")
            row = rows.setdefault((method, path, operation_id), OperationRow(method, path, operation_id, member_of))
            source = op.get("x-source")
            status = _text(op.get("x-api-status")) or ("DEPRECATED" if op.get("deprecated") else None)
            row.cells[version] = OperationCell(
                status=status or _text(info.get("x-api-status")) or "CURRENT",
                sunset=_text(op.get("x-sunset")),
                doc_url=_safe_url(source.get("url")) if isinstance(source, dict) else None,
            )
            name = _method_name(operation_id)
            if name in methods:
                row.method_name = name
    return sorted(rows.values(), key=lambda r: r.key)


def _method_name(operation_id: str) -> str:
    """The name the generator gives an operation's method when nothing collides (scraper.clients.ir's rule);
    it is shown only when the generated client really defines it."""
    return naming.shorten(naming.safe_identifier(operation_id, fallback="operation"), 64)


def _client_methods(package: Package | None, package_dir: Path, version: str) -> set[str]:
    if package is None:
        return set()
    client = package_dir / package.import_name / naming.version_module(version) / "client.py"
    try:
        return set(_DEF.findall(client.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError):
        return set()


def _read_package(package_dir: Path) -> Package | None:
    """Name and version from a generated package's ``pyproject.toml`` (None when the package was not generated)."""
    path = package_dir / "pyproject.toml"
    try:
        project = tomllib.loads(path.read_text(encoding="utf-8")).get("project") or {}
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise AtlasError(f"{path}: expected a readable pyproject.toml: {exc}") from None
    name, version = project.get("name"), project.get("version")
    if not isinstance(name, str) or not isinstance(version, str):
        raise AtlasError(f"{path}: [project] needs a name and a version")
    return Package(name, version, naming.import_name(name), _latest_changes(package_dir / "CHANGELOG.md", version))


def _latest_changes(path: Path, version: str) -> str:
    """The CHANGELOG section headed by the package's current version (written by ``make regenerate`` from the
    spec diff), or "" when the changelog has none."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    try:
        start = lines.index(f"## {version}") + 1
    except ValueError:
        return ""
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
    return "\n".join(lines[start:end]).strip()


def _page_urls(documents: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Page file -> its published URL (without the section anchor), from the specs' ``x-source`` entries."""
    urls: dict[str, str] = {}
    for version in sorted(documents, key=version_key):
        for _, _, op, _ in _documented_operations(documents[version]):
            source = op.get("x-source")
            if isinstance(source, dict) and isinstance(source.get("page"), str):
                url = _safe_url(source.get("url"))
                if url is not None:
                    urls.setdefault(source["page"], url.split("#", 1)[0])
    return urls


def _read_findings(path: Path, page_urls: dict[str, str]) -> list[Finding]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AtlasError(f"{path}: expected a findings JSON file: {exc}") from None
    items = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise AtlasError(f"{path}: expected an object with a 'findings' list")
    findings = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("kind"), str):
            raise AtlasError(f"{path}: findings[{i}]: expected an object with a 'kind'")
        page = str(item.get("page") or "")
        line = item.get("line")
        findings.append(
            Finding(
                kind=item["kind"],
                page=page,
                line=line if isinstance(line, int) else 0,
                subject=str(item.get("subject") or ""),
                message=str(item.get("message") or ""),
                version=_text(item.get("version")),
                source_url=page_urls.get(page),
            )
        )
    return sorted(findings, key=lambda f: (f.kind, f.page, f.line, f.subject, f.message))


def _parse_date(text: str | None) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _sunset_bars(services: list[Service]) -> list[SunsetBar]:
    """One bar per dated deprecation: each deprecated version with a sunset, and each deprecated operation whose
    sunset is not simply its deprecated version's (those are already the version's bar)."""
    bars: list[SunsetBar] = []
    for service in services:
        by_version = service.by_version
        for spec in service.spec_versions:
            sunset = _parse_date(spec.sunset)
            if spec.status == "DEPRECATED" and sunset is not None:
                bars.append(SunsetBar(service.provider, service.name, spec.version, None, sunset))
        for row in service.operations:
            for version, cell in row.cells.items():
                sunset = _parse_date(cell.sunset)
                own = by_version[version]
                if cell.status != "DEPRECATED" or sunset is None:
                    continue
                if own.status == "DEPRECATED" and own.sunset == cell.sunset:
                    continue
                bars.append(SunsetBar(service.provider, service.name, version, row.operation_id, sunset))
    return sorted(bars, key=lambda b: (b.sunset, b.provider, b.service, version_key(b.version), b.operation or ""))
