"""What parsing a spec file gives, remembered by its bytes (``scraper.build.parsed_specs``): exactly the parsed
document, a damaged or foreign entry is a miss, and an edit's regeneration parses no spec at all."""

from __future__ import annotations

import datetime
import hashlib
import io
import os
import pickle
from pathlib import Path
from typing import Any

import pytest
import yaml

from scraper.build import build_specs, catalog_pages
from scraper.build.parsed_specs import ParsedSpecs
from scraper.catalog import load_catalog
from tests.build.test_incremental import PFS, _project, _regenerate
from tests.build.test_kept_documents import _same, count_spec_parses


def test_a_written_spec_is_remembered_as_what_parsing_it_gives(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    pages = catalog_pages(load_catalog(project / "pages" / "catalog.toml"))
    parsed = ParsedSpecs(tmp_path / "cache")
    assert not build_specs(pages, project / "spec", parsed=parsed).errors
    files = sorted((project / "spec").glob("*/*/*.yaml"))
    assert len(files) == 6
    for path in files:
        data = path.read_bytes()
        remembered = parsed.load(data)
        assert remembered is not None, path
        _same(remembered, yaml.safe_load(data), path.name)
    assert parsed.load(files[0].read_bytes() + b"# edited\n") is None


def _entry(parsed: ParsedSpecs, data: bytes) -> Path:
    key = hashlib.sha256(data).hexdigest()
    return parsed.directory / key[:2] / key


def _store_raw(path: Path, payload: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)


class _Runs:
    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (os.getenv, ("HOME",))  # a call on load: what an edited entry must never get


def test_a_damaged_or_foreign_entry_is_a_miss(tmp_path: Path) -> None:
    parsed = ParsedSpecs(tmp_path, salt="0" * 16)
    data = b"openapi: 3.1.0\n"
    parsed.store(data, {"openapi": "3.1.0"})
    assert parsed.load(data) == {"openapi": "3.1.0"}
    entry = _entry(parsed, data)
    entry.write_bytes(entry.read_bytes()[:-3])  # torn
    assert parsed.load(data) is None
    for value in ({"x": _Runs()}, {"when": datetime.date(2025, 1, 1)}, ["not", "a", "document"]):
        buffer = io.BytesIO()
        pickle.Pickler(buffer, protocol=5).dump(value)
        _store_raw(entry, buffer.getvalue())
        assert parsed.load(data) is None, value
    assert ParsedSpecs(tmp_path, salt="1" * 16).load(data) is None  # another YAML library or Python


def test_shared_containers_are_stored_unshared(tmp_path: Path) -> None:
    parsed = ParsedSpecs(tmp_path, salt="0" * 16)
    inner = {"type": "string"}
    parsed.store(b"x", {"a": inner, "b": inner})
    loaded = parsed.load(b"x")
    assert loaded == {"a": inner, "b": inner} and loaded["a"] is not loaded["b"]


def test_an_edits_regeneration_parses_no_spec(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path / "project")
    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", str(tmp_path / "cache"))
    assert _regenerate(project, monkeypatch) == 0
    page = project / "pages" / PFS
    text = page.read_text(encoding="utf-8")
    assert text.count("Create volume") >= 1
    page.write_text(text.replace("Create volume", "Create a new volume"), encoding="utf-8")
    parsed = count_spec_parses(monkeypatch)
    assert _regenerate(project, monkeypatch) == 0
    changelog = (project / "generated" / "scp-parallel-filestorage" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert parsed == [], "a spec was parsed (the old one for the changelog, or a new one)"
    assert changelog.count("\n## ") >= 2, "the edit got no changelog entry"
