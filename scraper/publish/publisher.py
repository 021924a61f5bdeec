"""``docs2client publish``: build, check and upload the generated client packages.

The shared runtime the packages depend on (``docs2client-runtime``, ``--runtime runtime/``; ``make publish`` passes
it) goes first, the same way but without contract tests (its tests are docs2client's own): a package is only
installable once the runtime version it accepts is on the index, so when the runtime is neither uploaded nor already
there with the same contents, no package is published.

For each ``generated/<package>/`` (a directory with a ``pyproject.toml``), in this order:

1. build the sdist and the wheel on a temporary copy (``python -m build --no-isolation``: setuptools comes from this
   environment, so publishing works offline; ``SOURCE_DATE_EPOCH`` fixed, so the same sources give the same files);
2. when an index is configured, compare with what it holds for this version (the PEP 503/691 simple page
   ``<index>/simple/<name>/``): a file that is there with the same contents is skipped with a note (publishing
   twice is not an error, and a re-run after one package changed uploads only that one); a file that is there with
   different contents refuses the package (an index never takes a version twice: regenerate, which bumps the
   version when the code changes, and commit);
3. run its contract tests (``<package>/tests``) and refuse when they fail or are missing (``--skip-tests`` skips
   this), then ``twine check`` the files;
4. upload the files the index does not have with ``twine upload`` to ``--repository-url`` / ``$REPOSITORY_URL``.
   Credentials are twine's own: ``TWINE_USERNAME`` / ``TWINE_PASSWORD`` or the keyring, or in the URL; a URL's
   credentials are never printed (they show as ``***``). Without a repository URL the files stay in ``dist/`` and
   the command prints how to upload them.

Tests and builds run on a temporary copy of the package, so ``generated/`` never collects ``build/``,
``*.egg-info`` or ``__pycache__`` directories.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

import httpx
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from scraper.atomic import write_atomic
from scraper.url_credentials import split_credentials

__all__ = [
    "REPOSITORY_URL_ENV",
    "PackageInfo",
    "PackageResult",
    "PackageStatus",
    "PublishError",
    "PublishReport",
    "configure",
    "discover_packages",
    "distribution_contents",
    "existing_versions",
    "index_files",
    "publish",
    "read_package",
    "redact",
    "run",
    "simple_index_url",
]

REPOSITORY_URL_ENV = "REPOSITORY_URL"
INDEX_URL_ENV = "PUBLISH_INDEX_URL"

Runner = Callable[[Sequence[str], Path, dict[str, str]], subprocess.CompletedProcess[str]]


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
        for r in self.results:  # messages carry redacted URLs only (see redact)
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


def simple_index_url(repository_url: str) -> str:
    """Where to read what an upload URL already holds.

    ``https://upload.pypi.org/legacy/`` -> ``https://pypi.org/simple/`` (same for test.pypi.org); any other URL is
    taken to serve its simple index under ``simple/`` (pypiserver: upload to ``http://host:port/``, read
    ``http://host:port/simple/``). Indexes laid out otherwise (devpi's ``+simple``) need ``--index-url``.
    """
    parts = urlsplit(repository_url)
    if parts.path.rstrip("/").endswith("/legacy"):
        host = {"upload.pypi.org": "pypi.org"}.get(parts.netloc, parts.netloc)
        return urlunsplit((parts.scheme, host, "/simple/", "", ""))
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/") + "/simple/", "", ""))


def redact(url: str) -> str:
    """``url`` with any user name and password replaced by ``***`` (what may be printed of a repository URL)."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit((parts.scheme, "***@" + parts.netloc.rsplit("@", 1)[1], parts.path, parts.query, parts.fragment))


def _secrets(*urls: str | None, environ: Mapping[str, str] | None = None) -> list[str]:
    """The credentials that must never be printed: those in the URLs and twine's password variable."""
    found = [(os.environ if environ is None else environ).get("TWINE_PASSWORD", "")]
    for url in urls:
        parts = urlsplit(url or "")
        found += [
            parts.password or "",
            unquote(parts.password or ""),
            parts.netloc.rsplit("@", 1)[0] if "@" in parts.netloc else "",
        ]
    return sorted({s for s in found if len(s) >= 3}, key=len, reverse=True)


def _scrub(text: str, secrets: Sequence[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, "***")
    return text


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")


def _version_of(filename: str, name: str) -> str | None:
    """The version in a distribution file name of project ``name`` (wheel or sdist), else None."""
    if filename.endswith(".whl"):
        parts = filename[: -len(".whl")].split("-")
        dist, version = parts[0], parts[1] if len(parts) > 1 else ""
    else:
        stem = re.sub(r"\.(tar\.gz|tar\.bz2|zip|tgz)$", "", filename)
        if stem == filename or "-" not in stem:
            return None
        dist, version = stem.rsplit("-", 1)
    if canonicalize_name(dist) != canonicalize_name(name):
        return None
    try:
        return str(Version(version))
    except InvalidVersion:
        return None


def _auth(environ: Mapping[str, str]) -> httpx.BasicAuth | None:
    if environ.get("TWINE_USERNAME") and environ.get("TWINE_PASSWORD"):
        return httpx.BasicAuth(environ["TWINE_USERNAME"], environ["TWINE_PASSWORD"])
    return None


def index_files(
    index_url: str, name: str, *, client: httpx.Client | None = None, environ: Mapping[str, str] | None = None
) -> dict[str, str]:
    """``{file name: download URL}`` of project ``name`` on the index; empty when the project is not there yet."""
    index_url, user, password = split_credentials(index_url)
    url = f"{index_url.rstrip('/')}/{canonicalize_name(name)}/"
    shown = redact(url)
    auth = (
        httpx.BasicAuth(user, password)
        if user is not None and password is not None
        else _auth(os.environ if environ is None else environ)
    )
    own = client is None
    http = client or httpx.Client(timeout=30.0, follow_redirects=True)
    try:
        headers = {"Accept": "application/vnd.pypi.simple.v1+json, text/html;q=0.1"}
        response = http.get(url, headers=headers, auth=auth) if auth else http.get(url, headers=headers)
    except httpx.HTTPError as exc:
        raise PublishError(f"cannot read {shown} to check for existing versions: {type(exc).__name__}") from None
    finally:
        if own:
            http.close()
    if response.status_code == 404:
        return {}
    if response.status_code != 200:
        raise PublishError(
            f"cannot read {shown} to check for existing versions: HTTP {response.status_code} "
            "(give the index's simple URL with --index-url)"
        )
    if "json" in response.headers.get("content-type", ""):
        try:
            listing = json.loads(response.text)
            hrefs = [str(f.get("url") or f.get("filename", "")) for f in listing.get("files", [])]
        except (ValueError, AttributeError, TypeError) as exc:
            raise PublishError(f"cannot read {shown}: the index answered with malformed JSON ({exc})") from exc
    else:
        parser = _Links()
        parser.feed(response.text)
        hrefs = parser.hrefs
    files = {}
    for href in hrefs:
        link = urljoin(url, href.split("#", 1)[0])
        files[unquote(link.rstrip("/").rsplit("/", 1)[-1])] = link
    return files


def existing_versions(index_url: str, name: str, *, client: httpx.Client | None = None) -> set[str]:
    """Versions of ``name`` on the index (normalized PEP 440 strings); empty when the project is not there yet."""
    files = index_files(index_url, name, client=client)
    return {v for v in (_version_of(f, name) for f in files) if v is not None}


def distribution_contents(data: bytes, filename: str) -> dict[str, str]:
    """``{member: sha256}`` of a wheel or sdist: what it installs, whatever the archive's timestamps (an sdist's
    gzip header and member times differ between two builds of the same sources)."""
    out: dict[str, str] = {}
    if filename.endswith(".whl"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                if not info.is_dir():
                    out[info.filename] = hashlib.sha256(archive.read(info)).hexdigest()
        return out
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:*") as archive:
        for member in archive.getmembers():
            extracted = archive.extractfile(member) if member.isfile() else None
            if extracted is not None:
                out[member.name] = hashlib.sha256(extracted.read()).hexdigest()
    return out


def _download(url: str, environ: Mapping[str, str] | None = None) -> bytes:
    auth = _auth(os.environ if environ is None else environ)
    try:
        with httpx.Client(timeout=60.0, follow_redirects=True) as http:
            response = http.get(url, auth=auth) if auth else http.get(url)
    except httpx.HTTPError as exc:
        raise PublishError(f"cannot download {redact(url)}: {type(exc).__name__}") from None
    if response.status_code != 200:
        raise PublishError(f"cannot download {redact(url)}: HTTP {response.status_code}")
    return response.content


def _run(args: Sequence[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, check=False)


def _tail(process: subprocess.CompletedProcess[str], lines: int = 15) -> str:
    text = (process.stdout + process.stderr).strip().splitlines()
    return "\n".join("    " + line for line in text[-lines:])


#: A fixed build time (1980-01-01, the oldest a zip can hold): the same sources build the same wheel.
_SOURCE_DATE_EPOCH = "315532800"


@dataclass
class _Publisher:
    dist_dir: Path
    repository_url: str | None
    index_url: str | None
    skip_tests: bool
    runner: Runner = _run
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))

    def _tail(self, process: subprocess.CompletedProcess[str]) -> str:
        return _scrub(_tail(process), _secrets(self.repository_url, self.index_url, environ=self.env))

    def one(self, package: PackageInfo, *, contract_tests: bool = True) -> PackageResult:
        label = f"{package.name} {package.version}"
        with tempfile.TemporaryDirectory(prefix="docs2client-publish-") as tmp:
            work = Path(tmp) / package.path.name
            shutil.copytree(
                package.path,
                work,
                ignore=shutil.ignore_patterns("build", "dist", "*.egg-info", "__pycache__", ".pytest_cache"),
            )
            env = dict(
                self.env, PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=str(work), SOURCE_DATE_EPOCH=_SOURCE_DATE_EPOCH
            )
            out = Path(tmp) / "dist"
            build = self.runner([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), "."], work, env)
            files = sorted(out.glob("*")) if out.is_dir() else []
            if build.returncode != 0 or len(files) != 2:
                return PackageResult(package, PackageStatus.FAILED, f"building {label} failed:\n{self._tail(build)}")
            on_index = self._compare_with_index(package, files)
            if isinstance(on_index, PackageResult):
                return on_index
            refused = self._contract_tests(package, work, env) if contract_tests else None
            if refused is not None:
                return refused
            check = self.runner([sys.executable, "-m", "twine", "check", "--strict", *map(str, files)], work, env)
            if check.returncode != 0:
                return PackageResult(package, PackageStatus.FAILED, f"twine check failed:\n{self._tail(check)}")
            self.dist_dir.mkdir(parents=True, exist_ok=True)
            kept = []
            for f in files:
                write_atomic(self.dist_dir / f.name, f.read_bytes())
                kept.append(self.dist_dir / f.name)
            if self.repository_url is None:
                return PackageResult(package, PackageStatus.BUILT, "", tuple(kept))
            return self._upload(package, [k for k in kept if k.name not in on_index], work, on_index)

    def _compare_with_index(self, package: PackageInfo, files: list[Path]) -> PackageResult | set[str]:
        """The names of the built files the index holds already with the same contents, or the package's result
        when there is nothing to upload (all identical: skipped) or it must not be (different contents: refused)."""
        if self.index_url is None:
            return set()
        listed = index_files(self.index_url, package.name, environ=self.env)
        identical: set[str] = set()
        for built in files:
            if built.name not in listed:
                continue
            data = built.read_bytes()
            if distribution_contents(_download(listed[built.name], self.env), built.name) != distribution_contents(
                data, built.name
            ):
                return PackageResult(
                    package,
                    PackageStatus.REFUSED,
                    f"{built.name} is on {redact(self.index_url)} with different contents: version "
                    f"{package.version} was published from other sources, and an index never takes a version twice. "
                    "Run `make regenerate` (it bumps the version of a package whose code changed) and commit",
                )
            identical.add(built.name)
        if identical and len(identical) == len(files):
            return PackageResult(
                package, PackageStatus.SKIPPED, f"already on {redact(self.index_url)} with the same contents"
            )
        return identical

    def _contract_tests(self, package: PackageInfo, work: Path, env: dict[str, str]) -> PackageResult | None:
        if self.skip_tests:
            return None
        if not (work / "tests").is_dir():
            return PackageResult(
                package,
                PackageStatus.REFUSED,
                f"no contract tests in {package.path / 'tests'} (use --skip-tests to publish anyway)",
            )
        tests = self.runner(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(work), "tests"], work, env
        )
        if tests.returncode != 0:
            return PackageResult(
                package,
                PackageStatus.REFUSED,
                f"contract tests in {package.path / 'tests'} failed (pytest exit {tests.returncode}):\n"
                + self._tail(tests),
            )
        return None

    def _upload(self, package: PackageInfo, files: list[Path], work: Path, skipped: set[str]) -> PackageResult:
        assert self.repository_url is not None
        shown = redact(self.repository_url)
        upload = self.runner(
            [
                sys.executable,
                "-m",
                "twine",
                "upload",
                "--non-interactive",
                "--disable-progress-bar",
                "--repository-url",
                self.repository_url,
                *(str(f.resolve()) for f in files),
            ],
            work,
            self.env,
        )
        if upload.returncode != 0:
            return PackageResult(package, PackageStatus.FAILED, f"upload to {shown} failed:\n{self._tail(upload)}")
        note = f" ({', '.join(sorted(skipped))} already there with the same contents)" if skipped else ""
        return PackageResult(package, PackageStatus.UPLOADED, f"to {shown}{note}", tuple(files))


def publish(
    packages: Sequence[PackageInfo],
    *,
    repository_url: str | None = None,
    index_url: str | None = None,
    dist_dir: Path = Path("dist"),
    skip_tests: bool = False,
    runner: Runner | None = None,
    runtime: PackageInfo | None = None,
) -> PublishReport:
    """Publish ``runtime`` (the shared runtime distribution), then each package (see the module docstring); one
    package's refusal does not stop the others, but a runtime that could not be published stops them all.

    ``index_url`` defaults to :func:`simple_index_url` of ``repository_url``; with neither, nothing is uploaded.
    Credentials in ``repository_url`` go to twine through its environment (``TWINE_USERNAME``/``TWINE_PASSWORD``),
    never on a command line (visible to every user of the machine) or in a message.
    """
    env = dict(os.environ)
    if repository_url:
        repository_url, username, password = split_credentials(repository_url)
        if username is not None:
            env["TWINE_USERNAME"] = username
        if password is not None:
            env["TWINE_PASSWORD"] = password
    if index_url is None and repository_url:
        index_url = simple_index_url(repository_url)
    dist_dir = dist_dir.resolve()  # the builds and uploads run in a temporary directory
    publisher = _Publisher(
        dist_dir=dist_dir,
        repository_url=repository_url,
        index_url=index_url,
        skip_tests=skip_tests,
        runner=runner or _run,
        env=env,
    )
    results: list[PackageResult] = []
    if runtime is not None:
        try:
            first = publisher.one(runtime, contract_tests=False)
        except PublishError as exc:
            first = PackageResult(runtime, PackageStatus.FAILED, str(exc))
        results.append(first)
        if first.status not in (PackageStatus.BUILT, PackageStatus.UPLOADED, PackageStatus.SKIPPED):
            reason = f"not published: the runtime it depends on ({runtime.name} {runtime.version}) was not"
            results += [PackageResult(package, PackageStatus.REFUSED, reason) for package in packages]
            return PublishReport(results=tuple(results), repository_url=repository_url, dist_dir=dist_dir)
    for package in packages:
        try:
            results.append(publisher.one(package))
        except PublishError as exc:
            results.append(PackageResult(package, PackageStatus.FAILED, str(exc)))
    return PublishReport(results=tuple(results), repository_url=repository_url, dist_dir=dist_dir)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--generated", type=Path, default=Path("generated"), help="packages root (%(default)s)")
    parser.add_argument("--package", action="append", default=[], help="only this package (repeatable)")
    parser.add_argument(
        "--runtime", type=Path, help="publish this docs2client-runtime folder first (make publish: runtime/)"
    )
    parser.add_argument("--repository-url", help=f"upload URL (default: ${REPOSITORY_URL_ENV}; none = build only)")
    parser.add_argument(
        "--index-url", help=f"simple index to check for existing versions (default: derived; ${INDEX_URL_ENV})"
    )
    parser.add_argument("--dist", type=Path, default=Path("dist"), help="where the files go (%(default)s)")
    parser.add_argument("--skip-tests", action="store_true", help="do not run the contract tests first")


def run(args: argparse.Namespace) -> int:
    try:
        packages = discover_packages(args.generated, args.package)
        runtime = read_package(args.runtime) if args.runtime is not None else None
    except PublishError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not packages:
        print(f"error: no packages in {args.generated}/ (run `make regenerate` first)", file=sys.stderr)
        return 2
    report = publish(
        packages,
        repository_url=args.repository_url or os.environ.get(REPOSITORY_URL_ENV) or None,
        index_url=args.index_url or os.environ.get(INDEX_URL_ENV) or None,
        dist_dir=args.dist,
        skip_tests=args.skip_tests,
        runtime=runtime,
    )
    for line in report.summary_lines():
        print(line)
    return 0 if report.ok else 1
