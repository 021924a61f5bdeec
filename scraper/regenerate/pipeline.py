"""``docs2client regenerate``: pages -> specs -> client packages, only for what changed.

What ``make regenerate`` runs. Each service's inputs (its page snapshots, the catalog entry, the tool's own code and
templates, and the locked versions of its dependencies, see :mod:`scraper.regenerate.lockfile`) are hashed; a
service whose hash matches the one recorded in ``spec/.regenerate.json`` is skipped, so a regeneration with nothing
changed costs a few file hashes.
For a service that did change, the new specs are compared with the previously committed ones: the changes go into
the package's ``CHANGELOG.md`` and bump its version (major for breaking, minor for additions, patch for
documentation-only changes; nothing when nothing changed).

With ``--online`` the catalog's pages are fetched first (``docs2client fetch``); only services whose pages changed
are then rebuilt.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from scraper.atomic import write_atomic
from scraper.build import (
    PageInput,
    build_specs,
    catalog_pages,
    default_page_cache,
    default_spec_memo,
    print_report,
)
from scraper.build.openapi import version_key
from scraper.catalog import CatalogError, load_catalog
from scraper.regenerate.lockfile import LOCK_NAME, LockError, checked_pins
from scraper.source_digest import add_sources, installed_version

__all__ = ["configure", "regenerate", "run"]

STAMP = ".regenerate.json"
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TOOL_DISTRIBUTIONS = (
    "beautifulsoup4",
    "markdown-it-py",
    "pyyaml",
    "jinja2",
    "datamodel-code-generator",
    "black",
    "pydantic",
)


#: Parts of the tool that do not shape specs or packages (a change there must not force a rebuild).
_NOT_OUTPUT_SHAPING = (
    "scraper/fetch",
    "scraper/publish/",
    "scraper/cli.py",
    "scraper/atlas",
    "scraper/iso_date.py",
    "templates/atlas",
)


def _tool_hash(root: Path) -> str:
    digest = hashlib.sha256()
    add_sources(digest, root, ("scraper", "templates"), skip=_NOT_OUTPUT_SHAPING)
    pins = checked_pins(root / LOCK_NAME)
    if pins is None:  # no lock: an installed tool outside a checkout; the versions that shape the output
        pins = {name: installed_version(name) for name in _TOOL_DISTRIBUTIONS}
    for name, version in sorted(pins.items()):
        digest.update(f"{name}=={version}".encode())
    return digest.hexdigest()


def _service_hashes(pages: list[PageInput], tool: str) -> dict[str, str]:
    per_service: dict[str, hashlib._Hash] = {}
    for page in sorted(pages, key=lambda p: p.name):
        try:
            content = page.path.read_bytes()
        except OSError:
            content = b"<missing>"
        for service in page.services:
            digest = per_service.setdefault(f"{page.provider}/{service}", hashlib.sha256(tool.encode()))
            record = [page.name, page.url, page.format, page.covers, page.capture, page.services, page.titles]
            digest.update(json.dumps(record).encode())
            digest.update(hashlib.sha256(content).digest())
    return {key: digest.hexdigest() for key, digest in sorted(per_service.items())}


def _load_stamp(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _spec_bytes(folder: Path) -> dict[str, bytes]:
    """The spec files of a service folder by API version (oldest first); reading is cheap, parsing is not."""
    if not folder.is_dir():
        return {}
    return {path.stem: path.read_bytes() for path in sorted(folder.glob("*.yaml"), key=lambda p: version_key(p.stem))}


def _parse_specs(files: dict[str, bytes]) -> dict[str, dict[str, Any]]:
    specs: dict[str, dict[str, Any]] = {}
    for version, data in files.items():
        loaded = yaml.load(data, Loader=_Loader)
        if isinstance(loaded, dict):
            specs[version] = loaded
    return specs


#: A service's specs before a rebuild, by API version: parsed documents, or the files' bytes (parsed only if the
#: package is rendered and only when they differ from the new spec).
OldSpecs = dict[str, dict[str, Any] | bytes]


def regenerate_packages(
    services: list[str], spec_dir: Path, generated_dir: Path, old_specs: dict[str, OldSpecs]
) -> list[Path]:
    """Render the client package of every ``provider/service`` in ``services`` from ``spec_dir``.

    The package keeps its released version unless its specs changed: then the changes go into ``CHANGELOG.md`` and
    the version is bumped by the largest change. A new package starts at its CURRENT API version with an "Initial
    release" entry. (A code-only change gets its patch release in ``generate_services``.)
    """
    from scraper.clients import naming
    from scraper.clients.command import PackageJob, existing_release, generate_services
    from scraper.diff.changelog import changelog_entry, update_changelog

    jobs: list[PackageJob] = []
    for key in services:
        provider, service = key.split("/", 1)
        service_dir = spec_dir / provider / service
        files = _spec_bytes(service_dir)
        specs = _parse_specs(files)
        if not specs:
            continue
        name = naming.distribution_name(provider, service)
        package_dir = generated_dir / name
        released, changelog = existing_release(package_dir)
        if released is not None:
            old = _old_documents(old_specs.get(key, {}), files, specs)
            version, changelog = _changelog(released, changelog, old, specs)
        else:
            current = next(
                (s for s in specs.values() if s.get("info", {}).get("x-api-status") == "CURRENT"),
                list(specs.values())[-1],
            )
            version = _initial_version(str(current.get("info", {}).get("version", "0")))
            entries = [(v, changelog_entry(None, spec, package_version=version)[0]) for v, spec in specs.items()]
            changelog = update_changelog(None, _combine(version, entries))
        jobs.append(
            PackageJob(
                [service_dir / f"{v}.yaml" for v in specs],
                package_dir,
                package_name=name,
                findings_dir=service_dir,
                package_version=version,
                changelog=changelog,
                specs=list(specs.values()),
            )
        )
    return [path for changed in generate_services(jobs) for path in changed]


def _old_documents(
    old: OldSpecs, files: dict[str, bytes], specs: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """``old`` as documents; a version whose bytes did not change is the new document itself (nothing to compare)."""
    documents: dict[str, dict[str, Any]] = {}
    for version, value in old.items():
        if not isinstance(value, bytes):
            documents[version] = value
        elif files.get(version) == value and version in specs:
            documents[version] = specs[version]
        else:
            documents.update(_parse_specs({version: value}))
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


def _changelog(
    previous: str, changelog: str | None, old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]
) -> tuple[str, str | None]:
    """The package version after comparing every API version's old and new spec, and the updated changelog."""
    from scraper.diff.changelog import bump_version, changelog_entry, update_changelog

    order = {"none": 0, "patch": 1, "minor": 2, "major": 3}
    bump = "none"
    entries: list[tuple[str, str]] = []
    for api_version, spec in new.items():
        if old.get(api_version) is spec:
            continue  # the same file as before: no change to find
        entry, kind = changelog_entry(old.get(api_version), spec, package_version=previous, siblings=new)
        if old.get(api_version) is None:
            kind = "minor"  # a new API version is an addition to the package
        if entry and kind != "none":
            entries.append((api_version, entry))
            if order[kind] > order[bump]:
                bump = kind
    for api_version in old:
        if api_version not in new:
            entries.append((api_version, f"## x\n\nAPI version {api_version} was removed from the docs.\n"))
            bump = "major"
    if bump == "none":
        return previous, changelog
    version = bump_version(previous, bump)  # type: ignore[arg-type]
    return version, update_changelog(changelog, _combine(version, entries))


def _package_dir_name(key: str) -> str:
    from scraper.clients import naming

    provider, service = key.split("/", 1)
    return naming.distribution_name(provider, service)


def regenerate(
    *,
    catalog_path: Path,
    spec_dir: Path,
    generated_dir: Path,
    force: bool = False,
    packages: bool = True,
) -> int:
    try:
        catalog = load_catalog(catalog_path)
    except CatalogError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    pages = catalog_pages(catalog)
    root = Path(__file__).resolve().parents[2]
    stamp_path = spec_dir / STAMP
    stamp = _load_stamp(stamp_path)
    try:
        tool = _tool_hash(root)
        hashes = _service_hashes(pages, tool)
    except LockError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    recorded: dict[str, str] = stamp.get("services", {}) if not force else {}
    stale = [
        key
        for key, digest in hashes.items()
        if recorded.get(key) != digest
        or not (spec_dir / key).is_dir()
        or (packages and not (generated_dir / _package_dir_name(key)).is_dir())
    ]
    if not stale:
        print(f"nothing changed: {len(hashes)} services up to date (use --force to rebuild)")
        return 0
    print(f"rebuilding {len(stale)} of {len(hashes)} services: {', '.join(stale)}")
    old_specs: dict[str, OldSpecs] = {key: dict(_spec_bytes(spec_dir / key)) for key in stale}
    only = {(key.split("/", 1)[0], key.split("/", 1)[1]) for key in stale}
    report = build_specs(pages, spec_dir, only=only, cache=default_page_cache(), memo=default_spec_memo())
    status = print_report(report, spec_dir)
    failed = {f"{p}/{s}" for p, s in report.failed_services}
    built = [key for key in stale if key not in failed and (spec_dir / key).is_dir()]
    # A package is rendered from its service's spec folder and the tool: when neither changed since it was last
    # rendered (a page edit that changes no spec byte), rendering it again would give the same files.
    inputs = {key: _package_inputs(spec_dir / key, tool) for key in built}
    rendered: dict[str, str] = stamp.get("packages", {}) if not force else {}
    render = [
        key
        for key in built
        if rendered.get(key) != inputs[key] or not (generated_dir / _package_dir_name(key)).is_dir()
    ]
    if packages and built:
        from scraper.clients.ir import GenerationError

        for key in sorted(set(built) - set(render)):
            print(f"{key}: specs unchanged, package up to date")
        try:
            changed = regenerate_packages(render, spec_dir, generated_dir, old_specs) if render else []
        except (GenerationError, ValueError) as exc:
            print(f"error: client generation failed: {exc}", file=sys.stderr)
            return 1
        except yaml.YAMLError as exc:
            print(f"error: a committed spec under {spec_dir} is not valid YAML: {exc}", file=sys.stderr)
            return 2
        print(f"{len(changed)} file(s) changed under {generated_dir}")
        rendered.update((key, inputs[key]) for key in render)
    for key in built:
        recorded[key] = hashes[key]
    new_stamp = {
        "packages": {k: rendered[k] for k in sorted(rendered) if k in hashes},
        "services": {k: recorded[k] for k in sorted(recorded) if k in hashes},
    }
    write_atomic(stamp_path, (json.dumps(new_stamp, indent=2, sort_keys=True) + "\n").encode())
    return status


def _package_inputs(folder: Path, tool: str) -> str:
    """What a service's package is rendered from: the tool, the service's spec folder (the package names its specs by
    the path it was given) and the files in it (specs, findings)."""
    digest = hashlib.sha256(f"{tool}\0{folder.as_posix()}\0".encode())
    for path in sorted(folder.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--catalog", type=Path, default=Path("pages/catalog.toml"), help="page catalog")
    parser.add_argument("--spec-dir", type=Path, default=Path("spec"), help="where specs go (default: spec)")
    parser.add_argument("--generated-dir", type=Path, default=Path("generated"), help="where packages go")
    parser.add_argument("--force", action="store_true", help="rebuild every service even if its inputs are unchanged")
    parser.add_argument("--online", action="store_true", help="fetch the catalog's pages first (docs2client fetch)")
    parser.add_argument("--specs-only", action="store_true", help="build specs but not client packages")


def run(args: argparse.Namespace) -> int:
    failed_pages = 0
    if args.online:
        from scraper.fetch.command import fetch_with_progress
        from scraper.fetch.core import FetchOptions
        from scraper.fetch.urls import base_url_from_env

        try:
            catalog = load_catalog(args.catalog)
        except CatalogError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        report = fetch_with_progress(catalog, None, None, FetchOptions(base_url=base_url_from_env(None)))
        for line in report.summary_lines():
            print(line)
        failed_pages = len(report.failed)
        # Services whose pages changed now hash differently, so only they are rebuilt below.
    status = regenerate(
        catalog_path=args.catalog,
        spec_dir=args.spec_dir,
        generated_dir=args.generated_dir,
        force=args.force,
        packages=not args.specs_only,
    )
    if failed_pages:
        # after the summary and the rebuild of what did arrive: the run still failed
        print(f"error: {failed_pages} page(s) failed to fetch; their committed snapshots were used", file=sys.stderr)
        return max(status, 1)
    return status
