"""The spec memo: a service that finished as when its folder was written is not emitted again, unless the folder's
files were changed since or the tool is another one."""

from __future__ import annotations

from pathlib import Path

import pytest

import scraper.build.emit
from scraper.build import PageInput, SpecMemo, build_specs
from tests.paths import PAGES

PAGE = PageInput(
    name="pages/scp/000_65c2559a52e6e5c4.txt",
    path=PAGES / "scp/000_65c2559a52e6e5c4.txt",
    provider="scp",
    format="text",
    url="https://docs.example/pfs",
    services=("parallel-filestorage",),
)


def _emits(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The services emitted from now on."""
    emitted: list[str] = []
    real = scraper.build.emit.spec_files

    def counting(service: scraper.build.emit.Service) -> tuple[dict[str, bytes], dict[str, dict[str, object]]]:
        emitted.append(service.id)
        return real(service)

    monkeypatch.setattr(scraper.build.emit, "spec_files", counting)
    return emitted


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_an_unchanged_service_is_not_emitted_again_unless_its_files_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, memo = tmp_path / "spec", SpecMemo(tmp_path / "cache", salt="0" * 16)
    assert not build_specs([PAGE], out, memo=memo).errors
    written = _files(out)
    emitted = _emits(monkeypatch)

    report = build_specs([PAGE], out, memo=memo)
    assert not report.errors and report.written == [] and emitted == []
    assert [s.id for s in report.services] == ["parallel-filestorage"]

    spec = out / "scp/parallel-filestorage/1.0.yaml"
    spec.write_bytes(spec.read_bytes() + b"# edited by hand\n")
    report = build_specs([PAGE], out, memo=memo)
    assert emitted == ["parallel-filestorage"] and report.written == [spec]
    assert _files(out) == written

    (out / "scp/parallel-filestorage/findings.json").unlink()
    build_specs([PAGE], out, memo=memo)
    assert emitted == ["parallel-filestorage"] * 2 and _files(out) == written

    build_specs([PAGE], out, memo=SpecMemo(tmp_path / "cache", salt="1" * 16))  # another tool version
    assert emitted == ["parallel-filestorage"] * 3 and _files(out) == written


def test_a_changed_service_is_emitted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out, memo = tmp_path / "spec", SpecMemo(tmp_path / "cache", salt="0" * 16)
    build_specs([PAGE], out, memo=memo)
    page = tmp_path / "000.txt"
    page.write_text(PAGE.path.read_text(encoding="utf-8").replace("Create volume", "Create a new volume"), "utf-8")
    emitted = _emits(monkeypatch)
    report = build_specs([_moved(page)], out, memo=memo)
    assert emitted == ["parallel-filestorage"] and out / "scp/parallel-filestorage/1.0.yaml" in report.written
    assert "Create a new volume" in (out / "scp/parallel-filestorage/1.0.yaml").read_text(encoding="utf-8")


def _moved(path: Path) -> PageInput:
    return PageInput(
        name=PAGE.name, path=path, provider=PAGE.provider, format=PAGE.format, url=PAGE.url, services=PAGE.services
    )
