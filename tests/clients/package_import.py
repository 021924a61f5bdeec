"""Importing a package the generator just wrote, for tests that call it in-process."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any


@contextmanager
def imported(root: Path, module: str) -> Iterator[ModuleType]:
    """``module`` (e.g. ``scp_pagingdemo.v1_0``) imported from the package written to ``root``; afterwards the
    package is removed from ``sys.modules`` and ``sys.path``, so another test can build one of the same name."""
    package = module.split(".")[0]
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module(module)
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]


def write_package(files: dict[str, bytes], out: Path) -> Path:
    """The rendered package ``files`` (relative path -> bytes) written under ``out``; returns ``out``."""
    for rel, data in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    return out


def contract_cases(root: Path) -> dict[str, Any]:
    """The contract-test cases of the one API version of the package written to ``root`` (its tests' JSON file)."""
    [path] = (root / "tests").glob("*.json")
    cases: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return cases


def run_package_tests(root: Path) -> subprocess.CompletedProcess[str]:
    """The package written to ``root`` runs its own contract tests (in a child interpreter: its modules are not
    this suite's); the caller asserts on the outcome."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )


def run_package_mypy(root: Path, *targets: str, cache: Path) -> subprocess.CompletedProcess[str]:
    """``mypy`` with the package's own configuration (``root/pyproject.toml``: ``--strict``) over ``targets``
    (paths or module names, relative to ``root``), its cache in ``cache``; the caller asserts on the outcome."""
    env = {**os.environ, "MYPYPATH": str(root), "MYPY_CACHE_DIR": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", str(root / "pyproject.toml"), *targets],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=root,
    )
