"""The build's workers (``scraper.build.workers.BuildWorkers``), started before anything is read: their validation
answers are ``validate_spec``'s, a spec that fails stops only its service, reported as the validator words it, and
the pages they read give the services and errors reading them here gives."""

from __future__ import annotations

import copy
import pickle
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
import yaml

import scraper.build.emit
from scraper.build import BuildReport, PageCache, PageInput, build_services
from scraper.build.openapi import validate_spec
from scraper.build.workers import BuildWorkers
from scraper.dialects import DialectError
from scraper.document import ReaderError
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
    with closing(BuildWorkers(workers=2)) as workers:
        answers = workers.validate(jobs)
        assert workers.validate([]) == {}
    assert answers == {label: validate_spec(document) for label, document in jobs}
    assert answers["good"] == "" and answers["bad"].startswith(f"{where}: 5 is not valid") and answers["empty"]
    with closing(BuildWorkers(workers=2)):
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


def _pages(tmp_path: Path) -> list[PageInput]:
    """Two real pages (two services of one provider, one of which infers its endpoint from the other), a page that
    is not UTF-8 (the reader fails) and one with no operation (the dialect fails), both with located errors."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not text")
    prose = tmp_path / "prose.md"
    prose.write_text("# Title\n\nOnly prose.\n", encoding="utf-8")
    seeds = [
        ("scp/000_65c2559a52e6e5c4.txt", ("parallel-filestorage",)),
        ("scp/004_dcbb7d1e887604a7.txt", ("virtualserver",)),
    ]
    pages = [
        PageInput(name=f"pages/{file}", path=ROOT / "pages" / file, provider="scp", format="text", url="u", services=s)
        for file, s in seeds
    ]
    pages.append(PageInput(name="bad.txt", path=bad, provider="scp", format="text", url="u", services=("broken",)))
    pages.append(PageInput(name="prose.md", path=prose, provider="nhn", format="markdown", url="u", services=("x",)))
    return pages


def _summary(report: BuildReport) -> tuple[Any, ...]:
    return (repr(report.services), report.errors, sorted(report.failed_services))


def test_pages_read_by_workers_give_the_services_and_errors_read_here(tmp_path: Path) -> None:
    pages = _pages(tmp_path)
    here = build_services(pages)
    assert here.services, "the fixture reads services"
    assert [e.split(":")[0] for e in here.errors] == ["bad.txt", "prose.md"], here.errors
    with closing(BuildWorkers(workers=2)) as workers:
        assert workers.parallel
        read = build_services(pages, workers=workers)
    assert _summary(read) == _summary(here)
    cache = PageCache(tmp_path / "cache", salt="0" * 16)
    with closing(BuildWorkers(workers=2)) as workers:
        cold = build_services(pages, cache=cache, workers=workers)
        warm = build_services(pages, cache=cache, workers=workers)
    assert _summary(cold) == _summary(warm) == _summary(here)
    assert cache.hits == 2  # the two good pages, remembered when the workers read them


def test_a_located_error_crosses_process_boundaries_whole() -> None:
    for error in (ReaderError("p.txt", 3, "expected a table"), DialectError("p.txt", 0, "no operations")):
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error) and str(again) == str(error)
        assert (again.page, again.line, again.message) == (error.page, error.line, error.message)


def test_meanwhile_runs_once_specs_are_handed_to_the_workers_and_before_their_answers(tmp_path: Path) -> None:
    from scraper.build import build_specs

    order: list[str] = []
    real = BuildWorkers.submit

    def submitting(self: BuildWorkers, jobs: list[tuple[str, dict[str, Any]]]) -> Any:
        order.append("submit")
        pending = real(self, jobs)
        answers = pending.result

        def result() -> dict[str, str]:
            order.append("answers")
            return answers()

        pending.result = result  # type: ignore[method-assign]
        return pending

    pages = _pages(tmp_path)[:2]
    with pytest.MonkeyPatch.context() as patch, closing(BuildWorkers(workers=2)) as workers:
        patch.setattr(BuildWorkers, "submit", submitting)
        report = build_specs(pages, tmp_path / "spec", workers=workers, meanwhile=lambda: order.append("meanwhile"))
    assert not report.errors
    assert order == ["submit", "submit", "meanwhile", "answers", "answers"]
