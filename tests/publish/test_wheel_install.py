"""The tool as a user gets it from a wheel: built from the sources, installed into a fresh venv outside the checkout
(with the shared runtime, ``docs2client-runtime``, from its own wheel), ``docs2client spec`` and ``docs2client
generate`` work there (templates travel in the package) and the benchmark code does not ship.

To stay fast the fresh venv has no pip and no dependencies of its own (``lent_venv``): the wheel is installed with
``--no-deps`` by this environment's pip, the dependencies are lent from this environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.paths import ROOT
from tests.publish.lent_venv import lent_venv, pip_install
from tests.runtime import runtime_api

SHIPPED = ("scraper", "templates", "setup.py", "pyproject.toml", "README.md")


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a copy of the sources (a build in the checkout would leave build/ and egg-info)."""
    source = tmp_path_factory.mktemp("source")
    for name in SHIPPED:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("dist")
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    _run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), "."], source, env)
    (built,) = out.glob("docs2client-*.whl")
    return built


def test_wheel_ships_templates_and_no_bench(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = sorted(p.relative_to(ROOT / "templates").as_posix() for p in (ROOT / "templates").rglob("*.j2"))
    assert templates, "no templates found in the checkout"
    for rel in templates:
        assert f"scraper/templates/{rel}" in names, f"{rel} missing from the wheel"
    assert not [n for n in names if n.startswith(("bench/", "scraper/bench/", "tests/", "docs2client_runtime/"))]


def test_installed_wheel_generates_and_builds_specs_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    home = tmp_path / "venv"
    python, _site = lent_venv(home)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(PYTHONDONTWRITEBYTECODE="1", DOCS2CLIENT_CACHE_DIR="off", PIP_CONFIG_FILE=os.devnull)
    # --ignore-installed: the lent environment's editable runtime must neither satisfy nor lose anything
    runtime = runtime_api.build_wheel(runtime_api.runtime_version(), tmp_path / "runtime")
    _run(pip_install(python, "--no-index", "--ignore-installed", str(wheel), str(runtime)), tmp_path, env)
    work = tmp_path / "work"
    work.mkdir()
    where = _run([str(python), "-c", "import scraper; print(scraper.__file__)"], work, env).stdout.strip()
    assert Path(where).is_relative_to(home), f"scraper imported from {where}, not from the installed wheel"

    docs2client = str(home / "bin" / "docs2client")
    page = work / "storage.txt"
    shutil.copy(ROOT / "pages" / "scp" / "000_65c2559a52e6e5c4.txt", page)
    _run([docs2client, "spec", str(page), "--provider", "scp", "--out", str(work / "spec")], work, env)
    specs = sorted((work / "spec" / "scp" / "parallel-filestorage").glob("*.yaml"))
    assert [p.stem for p in specs] == ["1.0"]

    _run([docs2client, "generate", "--spec", str(specs[0]), "--out", str(work / "pkg")], work, env)
    package = work / "pkg" / "scp_parallel_filestorage"
    assert not (package / "_runtime.py").exists()  # a dependency now, not a copy
    assert (package / "v1_0" / "client.py").is_file()
    _run([str(python), "-c", "import scp_parallel_filestorage.v1_0"], work / "pkg", env)
    probe = "import docs2client_runtime as r; print(r.__file__)"
    where = _run([str(python), "-c", probe], work / "pkg", env).stdout.strip()
    assert Path(where).is_relative_to(home), f"docs2client_runtime imported from {where}, not from its wheel"
