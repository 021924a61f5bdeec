"""What ``publish`` works on and reports: the packages under ``generated/`` (name and version read from each
``pyproject.toml``) and, per package, what became of it."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

__all__ = [
    "PackageInfo",
    "PackageResult",
    "PackageStatus",
    "PublishError",
    "PublishReport",
    "discover_packages",
    "read_package",
]


class PublishError(Exception):
    """A package cannot be published; the message names the package and the reason."""


@dataclass(frozen=True, slots=True)
class PackageInfo:
    path: Path
    name: str
    version: str


class PackageStatus(StrEnum):
    #: built and checked into the dist directory; no index configured
    BUILT = "built"
    UPLOADED = "uploaded"
    #: the index holds this version's files already, with the same contents: nothing to do
    SKIPPED = "skipped"
    #: deliberately not published: the version is on the index with other contents, or the contract tests fail
    REFUSED = "refused"
    #: something went wrong (build error, twine check, index unreachable, upload rejected)
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class PackageResult:
    package: PackageInfo
    status: PackageStatus
    message: str = ""
    files: tuple[Path, ...] = ()


@dataclass(frozen=True, slots=True)
class PublishReport:
    results: tuple[PackageResult, ...]
    repository_url: str | None
    dist_dir: Path

    @property
    def ok(self) -> bool:
        return all(
            r.status in (PackageStatus.BUILT, PackageStatus.UPLOADED, PackageStatus.SKIPPED) for r in self.results
        )

    def summary_lines(self) -> list[str]:
        lines = []
        for r in self.results:  # messages carry redacted URLs only (see scraper.url_credentials.redact_url)
            head = f"{r.status.value:<9} {r.package.name} {r.package.version}"
            lines.append(f"{head}: {r.message}" if r.message else head)
            lines.extend(f"          {f}" for f in r.files)
        built = [f for r in self.results if r.status is PackageStatus.BUILT for f in r.files]
        if built and self.repository_url is None:
            lines.append(
                f"no index configured: the files are in {self.dist_dir}/. Upload them with\n"
                f"  REPOSITORY_URL=https://upload.pypi.org/legacy/ make publish\n"
                f"or directly: twine upload --repository-url URL {' '.join(str(f) for f in built)}"
            )
        return lines


def read_package(path: Path) -> PackageInfo:
    pyproject = path / "pyproject.toml"
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise PublishError(f"{pyproject}: cannot read: {exc}") from exc
    project = data.get("project", {})
    name, version = project.get("name"), project.get("version")
    if not isinstance(name, str) or not isinstance(version, str):
        raise PublishError(f"{pyproject}: [project] needs a static name and version (got {name!r}, {version!r})")
    try:
        Version(version)
    except InvalidVersion as exc:
        raise PublishError(f"{pyproject}: [project] version {version!r} is not a PEP 440 version") from exc
    return PackageInfo(path=path, name=name, version=version)


def discover_packages(generated: Path, only: Sequence[str] = ()) -> list[PackageInfo]:
    """The packages under ``generated`` (sorted by directory), optionally only those named (directory or project)."""
    found = [read_package(p.parent) for p in sorted(generated.glob("*/pyproject.toml"))]
    if not only:
        return found
    wanted = {canonicalize_name(n) for n in only}
    chosen = [p for p in found if canonicalize_name(p.name) in wanted or canonicalize_name(p.path.name) in wanted]
    known = {canonicalize_name(p.name) for p in chosen} | {canonicalize_name(p.path.name) for p in chosen}
    missing = sorted(wanted - known)
    if missing:
        raise PublishError(f"no generated package named {', '.join(missing)} in {generated}/")
    return chosen
