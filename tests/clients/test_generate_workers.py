"""``docs2client generate`` with its worker processes: the models render in a worker while the client renders here.

The package must be byte for byte what the in-process path gives (including a version whose listing items are an
inline schema, whose client waits for the models); a datamodel-code-generator failure in the worker must read as it
does in-process; a worker that dies must be a one-line error, not a traceback or a hang; and on a cold run the
calling process must not import black or datamodel-code-generator (the workers do: that is where the time goes).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from scraper.clients.command import generate_service
from scraper.clients.package import render_package
from scraper.clients.report import PackageReport
from tests.paths import FIXTURES, ROOT

OPENAPI = FIXTURES / "openapi"
PAGING = OPENAPI / "paging" / "1.0.yaml"  # a listing whose items are an inline schema
PETSTORE = OPENAPI / "petstore-3.0.yaml"


@pytest.fixture
def two_workers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A pool even on a one-core runner, and an empty formatting cache (cold, as the bench measures)."""
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", str(tmp_path / "cache"))


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".docs2client")
    }


@pytest.mark.parametrize("spec", [PAGING, PETSTORE], ids=["inline-listing", "petstore"])
def test_package_from_the_workers_is_the_in_process_package(spec: Path, tmp_path: Path, two_workers: None) -> None:
    document = yaml.safe_load(spec.read_text(encoding="utf-8"))
    reports: list[PackageReport] = []
    generate_service([spec], tmp_path / "pkg", findings_dir=spec.parent)
    from scraper.clients.command import PackageJob, generate_services

    generate_services([PackageJob([spec], tmp_path / "again", findings_dir=spec.parent)], reports)
    expected = render_package([document], source_names=[str(spec)])
    written = _files(tmp_path / "pkg")
    assert written == {path: data for path, data in expected.items()}
    assert _files(tmp_path / "again") == written
    assert reports and reports[0].operations > 0


def _failing_generate(*args: Any, **kwargs: Any) -> Any:
    raise ValueError("boom in the generator")


def _dying_generate(*args: Any, **kwargs: Any) -> Any:
    os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's OOM killer would


def _generate_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str], generate: Any, cores: int
) -> tuple[int, str]:
    """Run ``docs2client generate`` on the petstore with datamodel-code-generator replaced (before the workers
    fork, so they see it too) and the models memo empty; returns the exit status and stderr."""
    import datamodel_code_generator

    import scraper.clients.models as models_module
    from scraper.cli import main

    monkeypatch.setattr(datamodel_code_generator, "generate", generate)
    monkeypatch.setattr(models_module, "_RENDERED", {})
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", str(tmp_path / f"cache{cores}"))
    out = tmp_path / f"out{cores}"
    code = main(["generate", "--spec", str(PETSTORE), "--out", str(out)])
    assert not out.exists()  # nothing of the package is written
    return code, capsys.readouterr().err


def test_a_models_failure_in_the_worker_is_the_in_process_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, pooled = _generate_error(monkeypatch, tmp_path, capsys, _failing_generate, cores=2)
    in_process = _generate_error(monkeypatch, tmp_path, capsys, _failing_generate, cores=1)
    expected = f"error: {PETSTORE}: datamodel-code-generator failed on components.schemas: boom in the generator\n"
    assert (code, pooled) == (1, expected)
    assert in_process == (1, expected)


def test_a_dead_worker_is_a_one_line_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = _generate_error(monkeypatch, tmp_path, capsys, _dying_generate, cores=2)
    assert code == 1
    assert err.startswith("error: a worker process stopped unexpectedly: ") and err.count("\n") == 1, err


def test_a_cold_generate_imports_neither_black_nor_the_models_generator_here(tmp_path: Path) -> None:
    probe = (
        "import os, sys\n"
        "os.cpu_count = lambda: 2\n"
        "from scraper.cli import main\n"
        f"assert main(['generate', '--spec', {str(PETSTORE)!r}, '--out', {str(tmp_path / 'out')!r}]) == 0\n"
        "print(sorted(m for m in ('black', 'datamodel_code_generator', 'httpx') if m in sys.modules))\n"
    )
    env = {**os.environ, "DOCS2CLIENT_CACHE_DIR": str(tmp_path / "cache")}
    run = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert run.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "out" / "pyproject.toml").is_file()


def test_packages_stream_through_a_bounded_window(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run over many services takes a job only when fewer than PACKAGES_IN_FLIGHT packages are between rendering
    and writing, and writes them in order: it holds a few packages' documents and sources, not every one's. The
    packages are the ones a run over each job alone writes."""
    import scraper.clients.command as command

    events: list[str] = []
    written = command._release

    def release(out: Path, *args: Any) -> list[Path]:
        events.append(f"write {out.name}")
        return written(out, *args)

    monkeypatch.setattr(command, "_release", release)
    names = [f"svc{n}" for n in range(command.PACKAGES_IN_FLIGHT + 3)]
    for name in names:
        spec = {
            "openapi": "3.1.0",
            "info": {"title": name, "version": "1.0", "x-provider": "p", "x-service": name},
            "paths": {"/x": {"get": {"operationId": "getX", "responses": {"204": {"description": "none"}}}}},
        }
        (tmp_path / f"{name}.json").write_text(json.dumps(spec), encoding="utf-8")

    def jobs() -> Iterator[command.PackageJob]:
        for name in names:
            events.append(f"take {name}")
            yield command.PackageJob([tmp_path / f"{name}.json"], tmp_path / "out" / name)

    command.generate_services(jobs())
    assert [e for e in events if e.startswith("write")] == [f"write {name}" for name in names]
    for index, event in enumerate(events):
        if event.startswith("take"):
            taken = sum(e.startswith("take") for e in events[:index])  # taken before this one...
            done = sum(e.startswith("write") for e in events[:index])  # ... and written
            assert taken - done < command.PACKAGES_IN_FLIGHT, (event, events[:index])  # this one makes it full
    alone = tmp_path / "alone"
    command.generate_services([command.PackageJob([tmp_path / f"{names[-1]}.json"], alone)])
    streamed = tmp_path / "out" / names[-1]
    assert {p.relative_to(alone): p.read_bytes() for p in alone.rglob("*") if p.is_file()} == {
        p.relative_to(streamed): p.read_bytes() for p in streamed.rglob("*") if p.is_file()
    }
