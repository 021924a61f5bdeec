"""The runtime's API records and the versions generated packages accept, for the runtime compatibility tests.

``runtime/api/<X.Y>.json`` (written by ``runtime/api/record.py``) is the public API of each released runtime
version; the accepted range is the ``docs2client-runtime`` requirement every generated ``pyproject.toml`` carries.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from io import BytesIO
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from tests.paths import ROOT

RUNTIME = ROOT / "runtime"

__all__ = [
    "ROOT",
    "RUNTIME",
    "accepted_requirement",
    "accepted_versions",
    "build_wheel",
    "lowest_accepted",
    "package_requirement",
    "recorded",
    "recorder",
    "release_commit",
    "runtime_source",
    "runtime_version",
    "versions_to_test",
]


@functools.cache
def recorder() -> ModuleType:
    """``runtime/api/record.py`` as a module (a script, not part of any package)."""
    spec = importlib.util.spec_from_file_location("runtime_api_record", RUNTIME / "api" / "record.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def runtime_version() -> str:
    """The version in ``runtime/pyproject.toml`` (what ``make publish`` would release)."""
    match = re.search(r'^version = "([^"]+)"', (RUNTIME / "pyproject.toml").read_text(encoding="utf-8"), re.M)
    assert match, "runtime/pyproject.toml has no version"
    return match.group(1)


def _floor(requirement: Requirement) -> Version:
    return min((Version(spec.version) for spec in requirement.specifier if spec.operator == ">="), default=Version("0"))


def accepted_requirement() -> Requirement:
    """The broadest runtime requirement of the generated packages (from the pyproject template, which asks for a
    higher floor only of packages using newer runtime names, see ``PackageIR.runtime_floor``)."""
    template = (ROOT / "templates" / "client" / "pyproject.toml.j2").read_text(encoding="utf-8")
    lines = re.findall(r'^\s*"(docs2client-runtime[^"]*)",', template, re.M)
    assert lines, "the pyproject template names no docs2client-runtime requirement"
    return min((Requirement(line) for line in lines), key=_floor)


def package_requirement(pyproject: bytes) -> Requirement:
    """The runtime requirement one generated package's ``pyproject.toml`` states."""
    (line,) = re.findall(rb'^\s*"(docs2client-runtime[^"]*)",', pyproject, re.M)
    return Requirement(line.decode())


def lowest_accepted(requirement: Requirement) -> str:
    """The oldest recorded runtime version ``requirement`` accepts."""
    versions = [v for v in recorded() if requirement.specifier.contains(v, prereleases=False)]
    assert versions, f"no recorded runtime version satisfies {requirement}"
    return min(versions, key=Version)


def recorded() -> dict[str, dict[str, Any]]:
    """Every recorded runtime API, by its full version (``"1.0.0"``)."""
    records = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((RUNTIME / "api").glob("*.json"))]
    return {record["version"]: record for record in records}


def accepted_versions() -> list[str]:
    """The recorded versions inside the accepted range, oldest first."""
    specifier = accepted_requirement().specifier
    return sorted((v for v in recorded() if specifier.contains(v, prereleases=False)), key=Version)


def versions_to_test() -> list[str]:
    """The lowest and the newest accepted version (one entry while only one version is released)."""
    versions = accepted_versions()
    return sorted({versions[0], versions[-1]}, key=Version) if versions else []


def _git(*args: str, root: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)


def _version_at(commit: str, root: Path = ROOT) -> str | None:
    """The version in ``runtime/pyproject.toml`` at ``commit`` (None when it has none)."""
    shown = _git("show", f"{commit}:runtime/pyproject.toml", root=root)
    match = re.search(rb'^version = "([^"]+)"', shown.stdout, re.M) if shown.returncode == 0 else None
    return match.group(1).decode() if match else None


def release_commit(version: str, root: Path = ROOT) -> str | None:
    """The commit ``version`` of the runtime was released from, read from the history alone (a plain ``git clone``
    has no tags): the last commit whose ``runtime/pyproject.toml`` still says ``version``, i.e. the parent of the
    commit that changed it to the next version (the runtime's sources may change after a version bump, until the
    next). None when the history holds no such version (a shallow clone, or a version never committed)."""
    listed = _git("log", "--format=%H", "--", "runtime/pyproject.toml", root=root)
    commits = listed.stdout.decode().split() if listed.returncode == 0 else []  # newest first
    newer: str | None = None  # the commit after the one looked at, in the file's history
    for commit in commits:
        if _version_at(commit, root) == version:
            if newer is not None:
                parent = _git("rev-parse", "--verify", "-q", f"{newer}^1", root=root).stdout.decode().strip()
                if parent and _version_at(parent, root) == version:
                    return parent
            return commit
        newer = commit
    return None


def runtime_source(version: str, into: Path) -> Path:
    """A copy of the runtime's sources at ``version``: ``runtime/`` itself for the version being developed, else the
    commit that released it (:func:`release_commit`), else the ``runtime-v<version>`` git tag that ``make publish``
    users are asked to set on each release."""
    into.mkdir(parents=True, exist_ok=True)
    target = into / "runtime"
    if version == runtime_version():
        shutil.copytree(RUNTIME, target, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "api"))
        return target
    tag = f"runtime-v{version}"
    source = release_commit(version) or tag
    done = _git("archive", "--format=tar", source, "runtime")
    if done.returncode != 0:
        shallow = _git("rev-parse", "--is-shallow-repository").stdout.decode().strip() == "true"
        if shallow:  # a CI checkout cut at depth 1 holds no older release: nothing to build it from, no defect
            pytest.skip(f"runtime {version}: this clone is shallow and holds no commit of that release")
        pytest.fail(
            f"runtime {version} is recorded in runtime/api but neither the history (runtime/pyproject.toml) nor a "
            f"git tag {tag!r} has it to build from"
        )
    with tarfile.open(fileobj=BytesIO(done.stdout)) as archive:
        archive.extractall(into, filter="data")
    return target


def build_wheel(version: str, into: Path) -> Path:
    """A docs2client-runtime wheel of ``version`` (see :func:`runtime_source`), built without network into ``into``."""
    source = runtime_source(version, into / "source")
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    out = into / "dist"
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), "."],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"building runtime {version} failed:\n{done.stdout}\n{done.stderr}"
    (wheel,) = out.glob("docs2client_runtime-*.whl")
    return wheel
