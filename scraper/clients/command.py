"""``docs2client generate``: OpenAPI specs -> client packages on disk.

Without arguments every service under ``spec/<provider>/<service>/`` becomes ``generated/<provider>-<service>/``.
With ``--spec FILE ... --out DIR`` any OpenAPI 3.0/3.1 (or Swagger 2.0) documents (one service, one document per
version) become one package in DIR. Files are written through ``scraper.atomic.write_tree``: unchanged files are not
touched, and only files an earlier run wrote (listed in the folder's manifest) are pruned. A non-empty folder that is
not an earlier output is refused unless ``--force``.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import re
import sys
import time
import tomllib
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scraper.atomic import ForeignFolderError, UnsafePathError, write_atomic, write_tree
from scraper.clients.errors import GenerationError
from scraper.clients.report import PackageReport, grouped_warnings, report_json, summary_line
from scraper.job_count import add_jobs_option

if TYPE_CHECKING:
    from concurrent.futures import Future

    from scraper.clients.formatting import PendingTree, SourceFormatter
    from scraper.clients.package import SourcesInProgress
    from scraper.clients.previous_renders import PreviousRenders
    from scraper.diff.change_scope import ChangeScope

__all__ = [
    "PackageJob",
    "configure",
    "generate_all",
    "generate_service",
    "generate_services",
    "load_findings",
    "load_spec",
    "run",
]


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--spec",
        action="append",
        type=Path,
        metavar="FILE",
        help=(
            "an OpenAPI 3.0/3.1/3.2 or Swagger 2.0 document (YAML or JSON); repeat for the versions of one service"
            " (needs --out)"
        ),
    )
    parser.add_argument("--out", type=Path, metavar="DIR", help="output directory (default: generated/)")
    parser.add_argument(
        "--spec-root",
        type=Path,
        metavar="DIR",
        help=(
            "with --spec: the folder whose files a split document's $refs may read, such as its repository"
            " (default: the document's own folder)"
        ),
    )
    parser.add_argument("--spec-dir", type=Path, default=Path("spec"), help="spec tree to read (default: spec/)")
    parser.add_argument(
        "--package-name",
        help="distribution name (default: <x-provider>-<x-service>, else from info.title and the spec file's name)",
    )
    parser.add_argument(
        "--report",
        type=Path,
        metavar="FILE",
        help="write the generation report (JSON: every package, its operations and every warning) to FILE",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="write into a non-empty folder that is not an earlier output (nothing the tool did not write is deleted)",
    )
    add_jobs_option(parser)


def load_spec(path: Path, warnings: list[str] | None = None, root: Path | None = None) -> dict[str, Any]:
    """Read a YAML or JSON OpenAPI document, its ``$ref``s to other local files bundled in (``ref_bundling``: files
    under ``root``, by default the document's folder); errors name the file and line (see ``scraper.spec_input``),
    and what reading found that loses nothing of the run (a duplicate key) is appended to ``warnings``."""
    from scraper.clients.ref_bundling import BundleError, bundle_document, needs_bundling
    from scraper.spec_input import DocumentError, check_openapi_shape, load_document_file, not_a_document

    try:
        data: dict[str, Any] = load_document_file(path, warnings=warnings)
        if not isinstance(data, dict):
            raise GenerationError(f"{path}: {not_a_document(data)}")
        if needs_bundling(data):  # a document split over files: one document again (files beside it only)
            data = bundle_document(data, path, str(path), warnings=warnings, root=root)
        check_openapi_shape(data, str(path))
    except (DocumentError, BundleError) as exc:
        raise GenerationError(str(exc)) from None
    return data


def _check_loaded(document: Any, path: Path) -> None:
    from scraper.spec_input import DocumentError, check_openapi_shape, check_tree, string_keys

    try:
        if not check_tree(document, str(path)):
            string_keys(document, str(path))
        if isinstance(document, dict):
            check_openapi_shape(document, str(path))
    except DocumentError as exc:
        raise GenerationError(str(exc)) from None


def load_findings(directory: Path) -> list[dict[str, Any]]:
    """``findings.json`` beside the specs: either a list of findings or ``{"findings": [...]}``; absent -> []."""
    path = directory / "findings.json"
    if not path.exists():
        return []
    from scraper.spec_input import DocumentError, load_document_file

    try:
        data = load_document_file(path)
    except DocumentError as exc:
        raise GenerationError(str(exc)) from None
    items = data.get("findings", []) if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise GenerationError(f"{path}: expected a list of findings or an object with 'findings'")
    return [f for f in items if isinstance(f, dict)]


def existing_release(out: Path) -> tuple[str | None, str | None]:
    """The version and CHANGELOG.md of a package already in ``out`` (None, None for a new package).

    A package's version is a release decision (bumped by ``docs2client regenerate`` from the spec changes), so
    re-rendering keeps it rather than re-deriving it from the API version.
    """
    version: str | None = None
    try:
        project = tomllib.loads((out / "pyproject.toml").read_text(encoding="utf-8")).get("project", {})
        version = str(project["version"]) if project.get("version") else None
    except (OSError, tomllib.TOMLDecodeError):
        pass
    try:
        changelog: str | None = (out / "CHANGELOG.md").read_text(encoding="utf-8")
    except OSError:
        changelog = None
    return version, changelog


@dataclass(frozen=True, slots=True)
class PackageJob:
    """One package to render: a service's spec files (one per API version) and where the package goes.

    ``package_version`` and ``changelog`` default to what the package in ``out`` already has; ``specs``, when
    given, are the already loaded documents of ``spec_files``.
    """

    spec_files: Sequence[Path]
    out: Path
    package_name: str | None = None
    findings_dir: Path | None = None
    package_version: str | None = None
    changelog: str | None = None
    specs: Sequence[dict[str, Any]] | None = None
    force: bool = False
    previous: PreviousRenders | None = None
    explained: Mapping[str, ChangeScope] | None = None
    spec_root: Path | None = None  # the tree a split document's references may read (default: its own folder)


def generate_service(
    spec_files: Sequence[Path],
    out: Path,
    *,
    package_name: str | None = None,
    findings_dir: Path | None = None,
    package_version: str | None = None,
    changelog: str | None = None,
    specs: Sequence[dict[str, Any]] | None = None,
    force: bool = False,
) -> list[Path]:
    """Render one package from ``spec_files`` into ``out``; returns the files that changed (see
    :func:`generate_services`)."""
    job = PackageJob(spec_files, out, package_name, findings_dir, package_version, changelog, specs, force)
    return generate_services([job])[0]


#: Packages in flight at once (rendered, or formatting, and not yet written): enough that the workers always have the
#: next package's files queued behind the one being written, few enough that a run over many services holds a few
#: packages' sources in memory instead of all of them.
PACKAGES_IN_FLIGHT = 7


def generate_services(
    jobs: Iterable[PackageJob], reports: list[PackageReport] | None = None, *, workers: int | None = None
) -> list[list[Path]]:
    """Render every job's package and write it; returns each job's changed files, in order.

    Packages stream through one formatter pool: each is handed to it as soon as it is rendered, so black formats
    one package on every core while the next is rendered, and each package is written as soon as it is formatted,
    in order, with at most :data:`PACKAGES_IN_FLIGHT` between rendering and writing (the jobs are taken from
    ``jobs`` only as they are rendered, so a lazy iterable loads each service's specs just in time). When a
    package's rendered code differs from what is in ``out`` but the version would stay the same (a generator
    update, not an API change), it becomes a patch release with a changelog entry saying so: changed code never
    ships under a version that may already be published.

    A package that fails (a :class:`GenerationError`: its specs, its models, code that does not compile) stops the
    run; the packages before it that were already written stay written (each whole, as ``write_tree`` writes), and
    nothing of the failing one or those after it is. ``docs2client regenerate`` records nothing of such a run, so
    the next one renders them all again. ``workers``: the formatter's worker processes (``--jobs``; one per CPU by
    default, 1 for none).
    """
    from concurrent.futures.process import BrokenProcessPool

    from scraper.clients.formatting import SourceFormatter, default_cache

    with SourceFormatter(
        workers=workers, cache=default_cache()
    ) as pool:  # first: its workers start up while this process does
        from scraper.clients.package import start_sources

        try:
            rendering: deque[_PackageInFlight] = deque()  # models still being rendered
            formatting: deque[_PackageInFlight] = deque()  # every file handed to the formatter
            changed: list[list[Path]] = []

            def advance(block: bool) -> None:
                """Move the oldest packages on, in order: finish those whose models are back (all of them when
                ``block``, waiting), then write those whose files are formatted."""
                while rendering and (block or rendering[0].sources.models_ready()):
                    formatting.append(rendering.popleft().finish(reports))
                while formatting and (block or formatting[0].parts.done()):
                    changed.append(formatting.popleft().write())

            waiting = iter(jobs)
            while True:
                while len(rendering) + len(formatting) >= PACKAGES_IN_FLIGHT:  # room first, then the next job
                    # Wait for whichever comes first, the oldest package's formatting or the next models: models
                    # that are back go to the formatter at once, so the workers never idle while this one waits.
                    awaited: set[Future[Any]] = set(formatting[0].parts.pending() if formatting else ())
                    awaited.update(rendering[0].sources.models_pending() if rendering else ())
                    concurrent.futures.wait(awaited, return_when=concurrent.futures.FIRST_COMPLETED)
                    advance(block=False)
                job = next(waiting, None)
                if job is None:
                    break
                rendering.append(_PackageInFlight.start(job, pool, start_sources))
                advance(block=False)
            advance(block=True)
            return changed
        except BrokenProcessPool as exc:  # a worker was killed (out of memory, a signal): say so, in one line
            raise GenerationError(f"a worker process stopped unexpectedly: {exc}") from exc


class _PackageInFlight:
    """One package between rendering and writing (see :func:`generate_services`)."""

    def __init__(
        self,
        job: PackageJob,
        sources: SourcesInProgress,
        parts: _FormattedParts,
        released: str | None,
        version: str | None,
        changelog: str | None,
    ) -> None:
        self.job, self.sources, self.parts = job, sources, parts
        self._released, self._version, self._changelog = released, version, changelog

    @classmethod
    def start(
        cls, job: PackageJob, pool: SourceFormatter, start_sources: Callable[..., SourcesInProgress]
    ) -> _PackageInFlight:
        """Load the job's specs and findings, and start rendering its package (see ``start_sources``)."""
        files = list(job.spec_files) if job.specs is not None else sorted(job.spec_files)
        reading: list[list[str]] = []  # per file, what reading it found (load_spec)
        if job.specs is not None:
            documents = list(job.specs)
            for document, name in zip(documents, files, strict=False):
                _check_loaded(document, name)  # documents handed in were not read by load_spec
        else:
            reading = [[] for _ in files]
            documents = [load_spec(p, found, job.spec_root) for p, found in zip(files, reading, strict=True)]
        findings = load_findings(job.findings_dir) if job.findings_dir is not None else []
        released, kept_changelog = existing_release(job.out)
        version = job.package_version or released
        parts = _FormattedParts(pool)
        sources = start_sources(
            documents,
            package_name=job.package_name,
            findings=findings,
            source_names=[str(p) for p in files],
            package_version=version,
            models=pool.render_models,
            ready=parts.submit,
            previous=job.previous,
            reading_warnings=reading,
        )
        changelog = job.changelog if job.changelog is not None else kept_changelog
        return cls(job, sources, parts, released, version, changelog)

    def finish(self, reports: list[PackageReport] | None) -> _PackageInFlight:
        """Wait for the models and hand the files that needed them to the formatter."""
        rendered = self.sources.finish(reports)
        self.parts.submit({path: data for path, data in rendered.items() if path not in self.parts.paths})
        return self

    def write(self) -> list[Path]:
        """Wait for the formatted files and write the package; returns the files that changed."""
        tree = self.parts.result()
        job = self.job
        changed = _release(job.out, tree, self._released, self._version, self._changelog, job.force, job.explained)
        if job.previous is not None:
            job.previous.record(tree)
        return changed


class _FormattedParts:
    """One package's files, handed to the formatter in parts as they are rendered (see ``render_sources``)."""

    def __init__(self, pool: SourceFormatter) -> None:
        self._pool = pool
        self._parts: list[PendingTree] = []
        self.paths: set[str] = set()

    def submit(self, files: dict[str, str | bytes]) -> None:
        if files:
            self.paths.update(files)
            self._parts.append(self._pool.submit(files))

    def done(self) -> bool:
        """Whether every part is formatted (``result`` would not wait)."""
        return not self.pending()

    def pending(self) -> set[Future[list[bytes]]]:
        """The formatting this package still waits for."""
        return {future for part in self._parts for future in part.pending()}

    def result(self) -> dict[str, bytes]:
        """The package's tree, formatted, in path order."""
        tree = {path: data for part in self._parts for path, data in part.result().items()}
        return dict(sorted(tree.items()))


def _release(
    out: Path,
    tree: dict[str, bytes],
    released: str | None,
    version: str | None,
    changelog: str | None,
    force: bool,
    explained: Mapping[str, ChangeScope] | None = None,
) -> list[Path]:
    """Write ``tree`` to ``out``, as a patch release when only the code changed (see :func:`generate_services`),
    as a major one when a public class of the models was renamed or removed, a model field changed incompatibly, a
    public method returns another type or a public client signature changed incompatibly, as a minor one at least
    when a signature or a model was only extended (see
    :mod:`class_releases`; a signature change ``explained`` by the changelog's spec changes is not listed again)."""
    if released is not None and version is not None:
        from scraper.clients.class_releases import class_release

        decided = version
        version, changelog = class_release(out, tree, released, version, changelog, explained)
        if version != decided:  # said beside the release the docs decided (regenerate printed that one)
            print(
                f"{out.name}: release {released} -> {version}"
                " (model classes renamed or removed, model fields changed, methods returning another type, or client"
                " signatures changed;"
                " CHANGELOG.md lists them)"
            )
    unchanged = {rel for rel, data in tree.items() if _same_on_disk(out / rel, data)}  # read once, used twice
    if released is not None and version == released and (changed := _changed_files(out, tree, unchanged)):
        from scraper.diff.changelog import bump_version, update_changelog  # only here: a new package never needs it

        version = bump_version(released, "patch")
        note = f"Regenerated by a newer docs2client: {_what_changed(changed)} changed, the API did not."
        changelog = update_changelog(changelog, f"## {version}\n\n{note}\n")
        pyproject = tree["pyproject.toml"].decode("utf-8")
        stamped = f'version = "{released}"'
        if pyproject.count(stamped) != 1:
            raise GenerationError(f"{out}/pyproject.toml: expected one line {stamped!r} to bump")
        tree["pyproject.toml"] = pyproject.replace(stamped, f'version = "{version}"').encode("utf-8")
    if changelog is not None:
        tree["CHANGELOG.md"] = changelog.encode("utf-8")
    _check_compiles(out, tree, unchanged)
    try:
        return write_tree(out, tree, prune=True, force=force, marker=_PACKAGE_MARKER)
    except (ForeignFolderError, UnsafePathError) as exc:
        raise GenerationError(str(exc)) from exc
    except OSError as exc:  # a read-only or full disk, a file where a folder should be: the user's to fix
        raise GenerationError(f"{exc.filename or out}: cannot write: {exc.strerror or exc}") from exc


def _check_compiles(out: Path, tree: dict[str, bytes], unchanged: set[str]) -> None:
    """Every generated Python file that is about to be written compiles (a name clash the generator missed, say a
    duplicate argument, is an error naming the file and line, and nothing of the package is written).

    A file whose bytes are already those in ``out`` (``unchanged``) is not written, so compiling it could stop
    nothing; skipping it keeps the check proportional to what changed (a one-operation edit compiles one client,
    not every module).
    """
    for rel, data in sorted(tree.items()):
        if not rel.endswith(".py") or rel in unchanged:
            continue
        try:
            compile(data, f"{out}/{rel}", "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as exc:
            line = getattr(exc, "lineno", None) or 0
            message = getattr(exc, "msg", None) or str(exc)
            raise GenerationError(f"{out}/{rel}:{line}: generated code does not compile: {message}") from None


def _same_on_disk(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a regular file holding exactly ``data`` (a size check first: most differing files
    differ in size, and reading is then skipped)."""
    try:
        return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


#: How a package folder written before output manifests existed is recognised (see ``scraper.atomic.write_tree``).
_PACKAGE_MARKER = ("pyproject.toml", b"# Generated by docs2client")


_RELEASE_FILES = frozenset({"pyproject.toml", "CHANGELOG.md"})
#: The line of ``pyproject.toml`` a release rewrites (everything else in it is the package's metadata).
_VERSION_LINE = re.compile(rb'^version = "[^"\n]*"$', re.MULTILINE)


def _changed_files(package_dir: Path, tree: dict[str, bytes], unchanged: set[str]) -> list[str]:
    """The rendered files that change the package: new or different from ``package_dir``'s, the changelog never,
    ``pyproject.toml`` when anything but its version line differs (a dependency floor raised for the runtime the
    code now needs is a change of the distribution: the index refuses the same version with other contents).

    ``unchanged``: the files that hold their rendered bytes already. Nothing when there is no package folder (a
    new package); files on disk that the generator does not render (build leftovers, ``*.egg-info``) do not count.
    """
    if not package_dir.is_dir():
        return []
    changed = [rel for rel in sorted(tree) if rel not in _RELEASE_FILES and rel not in unchanged]
    if "pyproject.toml" in tree and "pyproject.toml" not in unchanged:
        try:
            before = (package_dir / "pyproject.toml").read_bytes()
        except OSError:
            before = None
        if before is not None and _VERSION_LINE.sub(b"", before) != _VERSION_LINE.sub(b"", tree["pyproject.toml"]):
            changed.append("pyproject.toml")
    return changed


def _what_changed(changed: list[str]) -> str:
    """The parts of a package a code-only release changed, for its changelog entry ("client code and README")."""
    parts: list[str] = []
    for rel in changed:
        if rel.startswith("tests/"):
            part = "contract tests"
        elif rel.endswith(".py") or rel.endswith(".typed"):
            part = "client code"
        elif rel == "README.md":
            part = "README"
        else:
            part = "packaging files"
        if part not in parts:
            parts.append(part)
    order = ["client code", "contract tests", "README", "packaging files"]
    named = sorted(parts, key=order.index)
    return " and ".join([", ".join(named[:-1]), named[-1]]) if len(named) > 1 else (named or ["client code"])[0]


def generate_all(
    spec_dir: Path,
    out_dir: Path,
    *,
    verbose: bool = False,
    reports: list[PackageReport] | None = None,
    workers: int | None = None,
) -> dict[str, list[Path]]:
    """Every ``<spec_dir>/<provider>/<service>/*.yaml`` -> ``<out_dir>/<provider>-<service>/`` (``workers``: as
    :func:`generate_services`)."""
    from scraper.clients import naming

    jobs: list[PackageJob] = []
    for service_dir in sorted(p for p in spec_dir.glob("*/*") if p.is_dir()):
        spec_files = sorted(service_dir.glob("*.yaml"))
        if not spec_files:
            continue
        name = naming.distribution_name(service_dir.parent.name, service_dir.name)
        jobs.append(PackageJob(spec_files, out_dir / name, package_name=name, findings_dir=service_dir))
    result = dict(
        zip([str(job.package_name) for job in jobs], generate_services(jobs, reports, workers=workers), strict=True)
    )
    if verbose:
        for job in jobs:
            name = str(job.package_name)
            print(f"{name}: {len(result[name])} file(s) changed ({len(job.spec_files)} version(s))")
    return result


#: Warnings printed before "see --report"; the report file always has all of them.
PRINTED_WARNINGS = 20


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    reports: list[PackageReport] = []
    try:
        if args.spec:
            if args.out is None:
                print("error: --spec needs --out DIR", file=sys.stderr)
                return 2
            findings_dir = args.spec[0].parent
            job = PackageJob(
                args.spec, args.out, args.package_name, findings_dir, force=args.force, spec_root=args.spec_root
            )
            changed = generate_services([job], reports, workers=args.jobs)[0]
            print(f"{args.out}: {len(changed)} file(s) changed")
        else:
            results = generate_all(
                args.spec_dir, args.out or Path("generated"), verbose=True, reports=reports, workers=args.jobs
            )
            if not results:
                print(f"error: no specs found under {args.spec_dir}/<provider>/<service>/*.yaml", file=sys.stderr)
                return 1
    except GenerationError as exc:  # one line whatever a library put in it (pydantic's errors span several)
        print(f"error: {' '.join(str(exc).split())}", file=sys.stderr)
        return 1
    warnings = grouped_warnings([w for r in reports for w in r.warnings])
    for warning in warnings[:PRINTED_WARNINGS]:
        print(f"warning: {warning}", file=sys.stderr)
    if len(warnings) > PRINTED_WARNINGS:
        print(f"warning: ... and {len(warnings) - PRINTED_WARNINGS} more findings (see --report)", file=sys.stderr)
    if args.report is not None:
        write_atomic(args.report, report_json(reports).encode("utf-8"))
    print(f"{summary_line(reports)}; done in {time.perf_counter() - started:.1f}s")
    return 0
