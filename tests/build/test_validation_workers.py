"""Validation in workers started before the specs are emitted (``scraper.build.validation.ValidationWorkers``): the
answers are ``validate_spec``'s, and a spec that fails stops only its service, reported as the validator words it."""

from __future__ import annotations

import copy
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
import yaml

import scraper.build.emit
from scraper.build.openapi import validate_spec
from scraper.build.validation import ValidationWorkers
from tests.build.test_incremental import _project, _regenerate
from tests.paths import ROOT

DEMO = ROOT / "tests" / "fixtures" / "openapi" / "scp" / "demoserver" / "1.1.yaml"


def _broken(spec: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """``spec`` with one property's array items of an impossible type, and the path of that keyword."""
    bad = copy.deepcopy(spec)
    model = next(s for s in bad["components"]["schemas"].values() if s.get("properties"))
    prop = next(iter(model["properties"]))
    model["properties"][prop]["items"] = {"type": 5}
    return bad, f"properties/{prop}/items/type"


def test_workers_answer_as_validate_spec_does() -> None:
    spec = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    bad, where = _broken(spec)
    jobs = [("good", spec), ("bad", bad), ("empty", {"openapi": "3.1.0"})]
    with closing(ValidationWorkers(workers=2)) as workers:
        answers = workers.validate(jobs)
        assert workers.validate([]) == {}
    assert answers == {label: validate_spec(document) for label, document in jobs}
    assert answers["good"] == "" and answers["bad"].startswith(f"{where}: 5 is not valid") and answers["empty"]
    with closing(ValidationWorkers(workers=2)):
        pass  # started and closed with nothing to do


def test_a_spec_that_fails_validation_stops_only_its_service(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path / "project")
    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", str(tmp_path / "cache"))
    real = scraper.build.emit.emit_spec
    broken: list[str] = []

    def emit(service: Any, version: str, ops: Any) -> Any:
        spec, findings = real(service, version, ops)
        if service.id == "twin-storage":
            spec, where = _broken(spec)
            broken.append(f"spec/scp/twin-storage/{version}.yaml: {validate_spec(spec)}")
            assert where in broken[-1]
        return spec, findings

    monkeypatch.setattr(scraper.build.emit, "emit_spec", emit)
    assert _regenerate(project, monkeypatch) == 1
    err = capsys.readouterr().err
    assert broken and all(f"  {line}\n" in err for line in broken), err
    assert not (project / "spec" / "scp" / "twin-storage").exists()
    assert (project / "spec" / "scp" / "parallel-filestorage" / "1.0.yaml").is_file()
    assert (project / "generated" / "scp-parallel-filestorage").is_dir()
    assert not (project / "generated" / "scp-twin-storage").exists()
