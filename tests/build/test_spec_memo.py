"""The spec memo: a service that finished as when its folder was written is not emitted again, unless the folder's
files were changed since or the tool is another one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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

    def counting(service: scraper.build.emit.Service, dumped: Any = None) -> tuple[dict[str, bytes], dict[str, Any]]:
        emitted.append(service.id)
        return real(service, dumped)

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


def _dumps(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The API versions of the spec documents dumped as YAML from now on."""
    dumped: list[str] = []
    real = scraper.build.emit.dump_yaml

    def counting(spec: dict[str, Any]) -> bytes:
        dumped.append(str(spec["info"]["version"]))
        return real(spec)

    monkeypatch.setattr(scraper.build.emit, "dump_yaml", counting)
    return dumped


def test_an_unchanged_document_of_an_emitted_service_is_not_dumped_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, memo = tmp_path / "spec", SpecMemo(tmp_path / "cache", salt="0" * 16)
    build_specs([PAGE], out, memo=memo)
    written = _files(out)
    dumped, emitted = _dumps(monkeypatch), _emits(monkeypatch)
    findings = out / "scp/parallel-filestorage/FINDINGS.md"
    findings.write_text("edited by hand\n", encoding="utf-8")  # the service is emitted again; its spec is as before
    build_specs([PAGE], out, memo=memo)
    assert emitted == ["parallel-filestorage"] and dumped == [] and _files(out) == written
    spec = out / "scp/parallel-filestorage/1.0.yaml"
    spec.write_bytes(spec.read_bytes().replace(b"openapi: 3.1.0", b"openapi: 3.1.1"))  # the file no longer matches
    build_specs([PAGE], out, memo=memo)
    assert dumped == ["1.0"] and _files(out) == written
    other = SpecMemo(tmp_path / "cache", salt="1" * 16)  # another tool version remembers nothing
    findings.write_text("edited by hand\n", encoding="utf-8")
    build_specs([PAGE], out, memo=other)
    assert dumped == ["1.0", "1.0"] and _files(out) == written


def test_a_document_key_names_the_content_exactly() -> None:
    key = SpecMemo.document_key
    assert key({"a": 1, "b": [True, None, 1.5]}) != key({"b": [True, None, 1.5], "a": 1})  # key order is output
    assert key({"a": 1}) != key({"a": True}) != key({"a": 1.0})
    for odd in ({200: "x"}, {"a": (1, 2)}, {"a": float("nan")}, {"a": b"x"}):
        assert key(odd) is None
