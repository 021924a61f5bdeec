"""``docs2client publish``: build, check and upload the generated client packages.

The shared runtime the packages depend on (``docs2client-runtime``, ``--runtime runtime/``; ``make publish`` passes
it) goes first, the same way but without contract tests (its tests are docs2client's own): a package is only
installable once the runtime version it accepts is on the index, so when the runtime is neither uploaded nor already
there with the same contents, no package is published.

For each ``generated/<package>/`` (a directory with a ``pyproject.toml``), in this order:

0. when uploading, refuse a folder with uncommitted changes (``git status``; ``--allow-dirty`` overrides): a
   release must be what a commit holds;
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

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from scraper.atomic import write_atomic
from scraper.publish.index import distribution_contents, download, index_files, simple_index_url
from scraper.publish.packages import PackageInfo, PackageResult, PackageStatus, PublishError, PublishReport
from scraper.publish.work_tree import uncommitted_files
from scraper.url_credentials import REDACTED, redact_url, split_credentials

__all__ = ["Runner", "publish"]

Runner = Callable[[Sequence[str], Path, dict[str, str]], subprocess.CompletedProcess[str]]


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
        text = text.replace(secret, REDACTED)
    return text


def _run(args: Sequence[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True, check=False)


def _tail(process: subprocess.CompletedProcess[str], lines: int = 15) -> str:
    text = (process.stdout + process.stderr).strip().splitlines()
    return "\n".join(("    " + line).rstrip() for line in text[-lines:])


#: twine's report of an upload the index refused for its credentials (``HTTPError: 403 Forbidden from URL``)
_REFUSED_LOGIN = re.compile(r"HTTPError: 40[13]\b")

#: A fixed build time (1980-01-01, the oldest a zip can hold): the same sources build the same wheel.
_SOURCE_DATE_EPOCH = "315532800"


@dataclass
class _Publisher:
    dist_dir: Path
    repository_url: str | None
    index_url: str | None
    skip_tests: bool
    runner: Runner = _run
    #: upload a folder with uncommitted changes (``--allow-dirty``)
    allow_dirty: bool = False
    #: twine's credentials among the rest of the environment: never in a repr
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ), repr=False)

    def _tail(self, process: subprocess.CompletedProcess[str]) -> str:
        return _scrub(_tail(process), _secrets(self.repository_url, self.index_url, environ=self.env))

    def one(self, package: PackageInfo, *, contract_tests: bool = True) -> PackageResult:
        label = f"{package.name} {package.version}"
        if self.repository_url is not None and not self.allow_dirty:
            changed = uncommitted_files(package.path)
            if changed:
                return PackageResult(
                    package,
                    PackageStatus.REFUSED,
                    f"{package.path} has uncommitted changes ({', '.join(changed)}): an upload must be what a commit"
                    " holds -- commit them (or `git checkout` them), or pass --allow-dirty (make: ALLOW_DIRTY=1)",
                )
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
            if distribution_contents(
                download(listed[built.name], self.env, index_url=self.index_url), built.name
            ) != distribution_contents(data, built.name):
                return PackageResult(
                    package,
                    PackageStatus.REFUSED,
                    f"{built.name} is on {redact_url(self.index_url)} with different contents: version "
                    f"{package.version} was published from other sources, and an index never takes a version twice. "
                    "Run `make regenerate` (it bumps the version of a package whose code changed) and commit",
                )
            identical.add(built.name)
        if identical and len(identical) == len(files):
            return PackageResult(
                package, PackageStatus.SKIPPED, f"already on {redact_url(self.index_url)} with the same contents"
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
        shown = redact_url(self.repository_url)
        upload = self.runner(
            [
                sys.executable,
                "-m",
                "twine",
                "--no-color",  # its output is quoted in the report, not shown on a terminal
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
            message = f"upload to {shown} failed:\n{self._tail(upload)}"
            if _REFUSED_LOGIN.search(upload.stdout + upload.stderr):
                message += (
                    "\nthe index refused the credentials: twine reads them from TWINE_USERNAME and TWINE_PASSWORD,"
                    f" the keyring entry for {shown}, or the URL (user:password@host)"
                )
            return PackageResult(package, PackageStatus.FAILED, message)
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
    allow_dirty: bool = False,
) -> PublishReport:
    """Publish ``runtime`` (the shared runtime distribution), then each package (see the module docstring); one
    package's refusal does not stop the others, but a runtime that could not be published stops them all.

    An upload of a folder that git sees uncommitted changes in is refused unless ``allow_dirty``.
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
        allow_dirty=allow_dirty,
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
