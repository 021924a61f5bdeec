"""The package stage of a regeneration: render the client packages of the rebuilt services, with their changelog.

A package keeps its released version unless its specs changed; the spec diff (:mod:`scraper.diff.changelog`) then
writes the ``CHANGELOG.md`` entry and decides the bump (major for breaking, minor for additions, patch for
documentation-only changes).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from scraper.build.openapi import version_key
from scraper.build.parsed_specs import ParsedSpecs, default_parsed_specs
from scraper.clients.previous_renders import PreviousRenders, RenderRecords

if TYPE_CHECKING:
    from scraper.clients.command import PackageJob
    from scraper.diff.change_scope import ChangeScope

__all__ = ["KnownDocuments", "OldSpecs", "package_dir_name", "regenerate_packages", "spec_bytes"]

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def spec_bytes(folder: Path) -> dict[str, bytes]:
    """The spec files of a service folder by API version (oldest first); reading is cheap, parsing is not."""
    if not folder.is_dir():
        return {}
    return {path.stem: path.read_bytes() for path in sorted(folder.glob("*.yaml"), key=lambda p: version_key(p.stem))}


#: Spec documents already in memory, by file name, with the bytes of the file each was written as (see
#: ``scraper.build.BuildReport.documents``).
KnownDocuments = dict[str, tuple[bytes, dict[str, Any]]]


def _parse_specs(
    files: dict[str, bytes], known: KnownDocuments | None = None, parsed: ParsedSpecs | None = None
) -> dict[str, dict[str, Any]]:
    """The documents of ``files`` (by version); a file whose bytes are those a known document was written as is
    that document (parsing it would give an equal one: the build just wrote it), and one that ``parsed`` remembers
    (written by an earlier run) is not parsed either."""
    specs: dict[str, dict[str, Any]] = {}
    for version, data in files.items():
        written = (known or {}).get(f"{version}.yaml")
        if written is not None and written[0] == data:
            specs[version] = written[1]
            continue
        remembered = parsed.load(data) if parsed is not None else None
        if remembered is not None:
            specs[version] = remembered
            continue
        loaded = yaml.load(data, Loader=_Loader)
        if isinstance(loaded, dict):
            specs[version] = loaded
    return specs


#: A service's specs before a rebuild, by API version: parsed documents, or the files' bytes (parsed only if the
#: package is rendered and only when they differ from the new spec).
OldSpecs = dict[str, dict[str, Any] | bytes]


def regenerate_packages(
    services: list[str],
    spec_dir: Path,
    generated_dir: Path,
    old_specs: dict[str, OldSpecs],
    documents: dict[str, KnownDocuments] | None = None,
    renders: RenderRecords | None = None,
    tool: str | None = None,
    *,
    workers: int | None = None,
) -> list[Path]:
    """Render the client package of every ``provider/service`` in ``services`` from ``spec_dir``.

    The package keeps its released version unless its specs changed: then the changes go into ``CHANGELOG.md`` and
    the version is bumped by the largest change. A new package starts at its CURRENT API version with an "Initial
    release" entry. (A code-only change gets its patch release in ``generate_services``.) ``documents``: the
    spec documents the build just wrote, by ``provider/service`` (taken instead of parsing the files again).
    ``renders``: the client modules recorded by the last regeneration made by tool ``tool`` (see
    :mod:`scraper.clients.previous_renders`); unchanged ones are reused, and it is updated with this run's records.
    Packages are rendered and written one after another (a few in flight, see ``generate_services``), and each
    service's entries of ``documents`` and ``old_specs`` are taken out of them when its package starts, so the
    documents of the services already written are let go. ``workers``: the formatter's worker processes
    (``generate_services``).
    """
    from scraper.clients.command import generate_services

    previous: dict[str, PreviousRenders] = {}
    jobs = _package_jobs(services, spec_dir, generated_dir, old_specs, documents, renders, tool, previous)
    changed = [path for paths in generate_services(jobs, workers=workers) for path in paths]
    if renders is not None:
        renders.update((key, reuse.records) for key, reuse in previous.items())
    return changed


def _package_jobs(
    services: list[str],
    spec_dir: Path,
    generated_dir: Path,
    old_specs: dict[str, OldSpecs],
    documents: dict[str, KnownDocuments] | None,
    renders: RenderRecords | None,
    tool: str | None,
    previous: dict[str, PreviousRenders],
) -> Iterator[PackageJob]:
    """Each service's package job, its specs parsed and its changelog decided only when the job is taken (the
    package stage holds a few services' documents at a time, not every one); ``previous`` receives each job's
    render records as it is made. A service's documents handed in (``documents``) are let go once its job is made."""
    from scraper.clients import naming
    from scraper.clients.command import PackageJob, existing_release
    from scraper.diff.changelog import changelog_entry, update_changelog

    parsed = default_parsed_specs()
    for key in services:
        provider, service = key.split("/", 1)
        service_dir = spec_dir / provider / service
        files = spec_bytes(service_dir)
        specs = _parse_specs(files, (documents or {}).pop(key, None), parsed)
        if not specs:
            continue
        name = naming.distribution_name(provider, service)
        package_dir = generated_dir / name
        released, changelog = existing_release(package_dir)
        explained: dict[str, ChangeScope] = {}  # what of the clients the spec changes reach, by API version
        if released is not None:
            old = _old_documents(old_specs.pop(key, {}), files, specs, parsed)
            version, changelog, kinds, explained = _changelog(released, changelog, old, specs)
            del old
            if version != released:  # the maintainer sees the release a docs change makes, not only its files
                what = ", ".join(f"API {v}: {_KIND_WORDS[kind]}" for v, kind in kinds)
                print(f"{key}: release {released} -> {version} ({what}; {package_dir / 'CHANGELOG.md'} lists them)")
        else:
            current = next(
                (s for s in specs.values() if s.get("info", {}).get("x-api-status") == "CURRENT"),
                list(specs.values())[-1],
            )
            version = _initial_version(str(current.get("info", {}).get("version", "0")))
            entries = [(v, changelog_entry(None, spec, package_version=version)[0]) for v, spec in specs.items()]
            changelog = update_changelog(None, _combine(version, entries))
        if renders is not None and tool is not None:
            previous[key] = PreviousRenders(package_dir, tool, renders.get(key))
        yield PackageJob(
            [service_dir / f"{v}.yaml" for v in specs],
            package_dir,
            package_name=name,
            findings_dir=service_dir,
            package_version=version,
            changelog=changelog,
            specs=list(specs.values()),
            previous=previous.get(key),
            explained=explained,
        )


def _old_documents(
    old: OldSpecs, files: dict[str, bytes], specs: dict[str, dict[str, Any]], parsed: ParsedSpecs | None = None
) -> dict[str, dict[str, Any]]:
    """``old`` as documents; a version whose bytes did not change is the new document itself (nothing to compare)."""
    documents: dict[str, dict[str, Any]] = {}
    for version, value in old.items():
        if not isinstance(value, bytes):
            documents[version] = value
        elif files.get(version) == value and version in specs:
            documents[version] = specs[version]
        else:
            documents.update(_parse_specs({version: value}, parsed=parsed))
    return documents


def _initial_version(api_version: str) -> str:
    numbers = [int(n) for n in re.findall(r"\d+", api_version)][:3]
    return ".".join(str(n) for n in [*numbers, 0, 0, 0][:3])


def _combine(version: str, entries: list[tuple[str, str]]) -> str:
    """One ``## <package version>`` section with a ``### API <version>`` subsection per changed API version."""
    lines = [f"## {version}", ""]
    for api_version, entry in entries:
        body = entry.strip().splitlines()[1:]  # drop the entry's own "## x.y.z" heading
        lines.append(f"### API {api_version}")
        lines.extend(("#" + line) if line.startswith("###") else line for line in body)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


#: How the regeneration's output names each kind of API version change (the release it makes is the largest).
_KIND_WORDS = {
    "major": "breaking changes",
    "minor": "additions",
    "patch": "compatible fixes",
    "added": "new API version",
    "removed": "API version removed",
}


def _changelog(
    previous: str, changelog: str | None, old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]
) -> tuple[str, str | None, list[tuple[str, str]], dict[str, ChangeScope]]:
    """The package version after comparing every API version's old and new spec, the updated changelog, the
    kind of change of each API version that changed (a key of :data:`_KIND_WORDS`), and what of the clients each
    changed API version's listed changes reach, by its ``info.version`` (the client side lists no signature change
    again that these explain, :mod:`scraper.diff.change_scope`)."""
    from scraper.diff.change_scope import change_scope
    from scraper.diff.changelog import bump_version, changelog_entry_and_changes, update_changelog

    order = {"none": 0, "patch": 1, "minor": 2, "major": 3}
    bump = "none"
    entries: list[tuple[str, str]] = []
    kinds: list[tuple[str, str]] = []
    scopes: dict[str, ChangeScope] = {}
    for api_version, spec in new.items():
        if old.get(api_version) is spec:
            continue  # the same file as before: no change to find
        entry, kind, changes = changelog_entry_and_changes(
            old.get(api_version), spec, package_version=previous, siblings=new
        )
        if old.get(api_version) is None:
            kind = "minor"  # a new API version is an addition to the package
        if entry and kind != "none":
            entries.append((api_version, entry))
            scopes[str((spec.get("info") or {}).get("version", api_version))] = change_scope(changes, kind)
            kinds.append((api_version, "added" if old.get(api_version) is None else kind))
            if order[kind] > order[bump]:
                bump = kind
    for api_version in old:
        if api_version not in new:
            entries.append((api_version, f"## x\n\nAPI version {api_version} was removed from the docs.\n"))
            kinds.append((api_version, "removed"))
            bump = "major"
    if bump == "none":
        return previous, changelog, [], {}
    version = bump_version(previous, bump)  # type: ignore[arg-type]
    return version, update_changelog(changelog, _combine(version, entries)), kinds, scopes


def package_dir_name(key: str) -> str:
    """The folder under ``generated/`` of service ``provider/service``."""
    from scraper.clients import naming

    provider, service = key.split("/", 1)
    return naming.distribution_name(provider, service)
