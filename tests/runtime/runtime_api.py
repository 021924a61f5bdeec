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
    "recorded",
    "recorder",
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


def accepted_requirement() -> Requirement:
    """The runtime requirement of the generated packages (from the pyproject template)."""
    template = (ROOT / "templates" / "client" / "pyproject.toml.j2").read_text(encoding="utf-8")
    (line,) = re.findall(r'^\s*"(docs2client-runtime[^"]*)",', template, re.M)
    return Requirement(line)


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


def runtime_source(version: str, into: Path) -> Path:
    """A copy of the runtime's sources at ``version``: ``runtime/`` itself for the version being developed, else the
    ``runtime-v<version>`` git tag that ``make publish`` users are asked to set on each release."""
    into.mkdir(parents=True, exist_ok=True)
    target = into / "runtime"
    if version == runtime_version():
        shutil.copytree(RUNTIME, target, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "api"))
        return target
    tag = f"runtime-v{version}"
    done = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", tag, "runtime"], capture_output=True, check=False
    )
    if done.returncode != 0:
        pytest.fail(f"runtime {version} is recorded in runtime/api but git has no tag {tag!r} to build it from")
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
