"""``docs2client regenerate``: pages -> specs -> client packages, only for what changed.

What ``make regenerate`` runs. Each service's inputs (its page snapshots, the catalog entry, the tool's own code and
templates, and the locked versions of its dependencies, see :mod:`scraper.regenerate.lockfile`) are hashed; a
service whose hash matches the one recorded in ``spec/.regenerate.json`` is skipped, so a regeneration with nothing
changed costs a few file hashes.
For a service that did change, the new specs are compared with the previously committed ones: the changes go into
the package's ``CHANGELOG.md`` and bump its version (major for breaking, minor for additions, patch for
documentation-only changes; nothing when nothing changed).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path
from typing import Any

import yaml

from scraper.build import build_specs, catalog_pages, default_page_cache, default_spec_memo, print_report
from scraper.build.parsed_specs import default_parsed_specs
from scraper.build.workers import BuildWorkers
from scraper.catalog import CatalogError, load_catalog
from scraper.clients.previous_renders import RenderRecords
from scraper.job_count import spec_workers
from scraper.regenerate.lockfile import LockError
from scraper.regenerate.packages import OldSpecs, package_dir_name, regenerate_packages, spec_bytes
from scraper.regenerate.stamp import (
    STAMP,
    TOOL_ROOT,
    load_stamp,
    package_inputs,
    service_hashes,
    tool_hash,
    write_stamp,
)

__all__ = ["regenerate"]

#: How much YAML of the specs just written the package stage takes from memory instead of parsing the files again
#: (a few large services; a full rebuild parses the rest, so it does not hold every spec at once).
_KEPT_DOCUMENTS_BYTES = 4_000_000


def regenerate(
    *,
    catalog_path: Path,
    spec_dir: Path,
    generated_dir: Path,
    force: bool = False,
    packages: bool = True,
    jobs: int | None = None,
) -> int:
    """Rebuild the specs, then (unless ``packages`` is false) the packages, of the services whose inputs changed
    (every service with ``force``), and record them in the stamp; returns the exit status. ``jobs``: worker
    processes at most (:mod:`scraper.job_count`; one per CPU by default)."""
    try:
        catalog = load_catalog(catalog_path)
    except CatalogError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    pages = catalog_pages(catalog)
    stamp_path = spec_dir / STAMP
    stamp = load_stamp(stamp_path)
    try:
        tool = tool_hash(TOOL_ROOT)
        hashes = service_hashes(pages, tool)
    except LockError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for line in uncatalogued_notes(spec_dir, generated_dir, hashes):
        print(line)
    recorded: dict[str, str] = stamp.get("services", {}) if not force else {}
    stale = [
        key
        for key, digest in hashes.items()
        if recorded.get(key) != digest
        or not (spec_dir / key).is_dir()
        or (packages and not (generated_dir / package_dir_name(key)).is_dir())
    ]
    if not stale:
        print(f"nothing changed: {len(hashes)} services up to date (use --force to rebuild)")
        return 0
    print(f"rebuilding {len(stale)} of {len(hashes)} services: {', '.join(stale)}")
    old_specs: dict[str, OldSpecs] = {key: dict(spec_bytes(spec_dir / key)) for key in stale}
    only = {(key.split("/", 1)[0], key.split("/", 1)[1]) for key in stale}
    # The workers import the validator while the pages are read (they read the pages the cache does not hold, and
    # validate the specs as they are emitted); one per stale service, up to one per CPU (a
    # one-service edit usually changes a spec or two, and a second importing worker would slow the reading down).
    with closing(BuildWorkers(workers=spec_workers(len(stale), jobs))) as workers:
        report = build_specs(
            pages,
            spec_dir,
            only=only,
            cache=default_page_cache(),
            memo=default_spec_memo(),
            keep_documents=_KEPT_DOCUMENTS_BYTES if packages else 0,
            workers=workers,
            parsed=default_parsed_specs(),
            meanwhile=_prepare_packages if packages else None,
        )
    status = print_report(report, spec_dir)
    failed = {f"{p}/{s}" for p, s in report.failed_services}
    documents = report.documents  # the spec documents just written (plain values, no API model)
    del report  # the API models of every rebuilt service: the packages are rendered from the spec files
    built = [key for key in stale if key not in failed and (spec_dir / key).is_dir()]
    # A package is rendered from its service's spec folder and the tool: when neither changed since it was last
    # rendered (a page edit that changes no spec byte), rendering it again would give the same files.
    inputs = {key: package_inputs(spec_dir / key, tool) for key in built}
    rendered: dict[str, str] = stamp.get("packages", {}) if not force else {}
    renders = _render_records(stamp) if not force else {}
    render = [
        key for key in built if rendered.get(key) != inputs[key] or not (generated_dir / package_dir_name(key)).is_dir()
    ]
    if packages and built:
        from scraper.clients.ir import GenerationError

        for key in sorted(set(built) - set(render)):
            print(f"{key}: specs unchanged, package up to date")
        try:
            changed = (
                regenerate_packages(render, spec_dir, generated_dir, old_specs, documents, renders, tool, workers=jobs)
                if render
                else []
            )
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
    write_stamp(
        stamp_path,
        packages={k: rendered[k] for k in sorted(rendered) if k in hashes},
        services={k: recorded[k] for k in sorted(recorded) if k in hashes},
        renders={k: renders[k] for k in sorted(renders) if k in hashes and renders[k]},
    )
    return status


def uncatalogued_notes(spec_dir: Path, generated_dir: Path, catalogued: Iterable[str]) -> list[str]:
    """A note for every service folder of ``spec_dir`` that no catalog page covers any more: the tool deletes
    nothing it was not asked to, so the folder (and its package) stays, and a maintainer who took the pages out
    must hear that it is no longer regenerated rather than commit and publish it unknowingly."""
    known = set(catalogued)
    notes: list[str] = []
    for folder in sorted(spec_dir.glob("*/*")):
        key = f"{folder.parent.name}/{folder.name}"
        if key in known or not folder.is_dir() or not any(folder.glob("*.yaml")):
            continue
        kept = [str(folder)]
        package = generated_dir / package_dir_name(key)
        if package.is_dir():
            kept.append(str(package))
        verb, pronoun = ("are", "them") if len(kept) > 1 else ("is", "it")
        notes.append(
            f"note: {key}: no page of the catalog covers it any more; {' and '.join(kept)} {verb} kept and no longer"
            f" regenerated (delete {pronoun} if the service is gone)"
        )
    return notes


def _prepare_packages() -> None:
    """What the package stage starts with, done while the specs' validation is awaited: importing the client
    generator and the changelog, and compiling the client templates (~0.18 s of a one-operation edit)."""
    import scraper.diff.changelog  # noqa: F401
    from scraper.clients import command, formatting, package  # noqa: F401
    from scraper.clients.render import load_templates

    load_templates()


def _render_records(stamp: dict[str, Any]) -> RenderRecords:
    """The stamp's client-module records (see :mod:`scraper.clients.previous_renders`), only entries of the
    right shape (anything else only means those modules are rendered)."""
    raw = stamp.get("renders")
    if not isinstance(raw, dict):
        return {}
    return {
        key: {path: text for path, text in files.items() if isinstance(path, str) and isinstance(text, str)}
        for key, files in raw.items()
        if isinstance(key, str) and isinstance(files, dict)
    }
