"""The spec documents a build hands to the package stage (``BuildReport.documents``) are exactly what parsing the
written files gives: same values, same types, same key order, nothing shared; and the package stage takes them
instead of parsing the files again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import scraper.regenerate.packages
from scraper.build import build_specs, catalog_pages
from scraper.build.emit import plain_copy
from scraper.catalog import load_catalog
from tests.build.test_incremental import _project, _regenerate


def _same(a: Any, b: Any, where: str = "") -> None:
    """``a`` and ``b`` equal with the same types and key order everywhere (``==`` alone takes 1 for True)."""
    assert type(a) is type(b), f"{where}: {type(a).__name__} != {type(b).__name__}"
    if isinstance(a, dict):
        assert list(a) == list(b), f"{where}: keys differ"
        for key in a:
            _same(a[key], b[key], f"{where}/{key}")
    elif isinstance(a, list):
        assert len(a) == len(b), f"{where}: lengths differ"
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{where}/{index}")
    else:
        assert a == b, f"{where}: {a!r} != {b!r}"


def _containers(value: Any, seen: dict[int, Any]) -> None:
    if isinstance(value, dict | list):
        assert id(value) not in seen, "a container is shared (parsing never shares one)"
        seen[id(value)] = value
        for item in value.values() if isinstance(value, dict) else value:
            _containers(item, seen)


def count_spec_parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the spec files the package stage parses from now on."""
    parsed: list[int] = []
    real = scraper.regenerate.packages.yaml.load

    def counting(data: Any, Loader: Any) -> Any:
        if isinstance(data, bytes):  # a spec file's bytes (the validator loads its meta-schemas from streams)
            parsed.append(len(data))
        return real(data, Loader=Loader)

    monkeypatch.setattr(scraper.regenerate.packages.yaml, "load", counting)
    return parsed


def test_the_kept_documents_are_what_parsing_the_written_files_gives(tmp_path: Path) -> None:
    project = _project(tmp_path / "project")
    pages = catalog_pages(load_catalog(project / "pages" / "catalog.toml"))
    out = project / "spec"
    report = build_specs(pages, out, keep_documents=10_000_000)
    assert not report.errors and len(report.documents) == 3
    seen: dict[int, Any] = {}
    for key, documents in report.documents.items():
        assert sorted(documents) == sorted(p.name for p in (out / key).glob("*.yaml"))
        for name, (data, document) in documents.items():
            assert (out / key / name).read_bytes() == data
            _same(document, yaml.safe_load(data), f"{key}/{name}")
            _containers(document, seen)
    assert not build_specs(pages, tmp_path / "other", keep_documents=0).documents, "kept beyond the budget"


def test_plain_copy_unshares_and_keeps_types() -> None:
    inner = {"type": "string", "enum": ["a", 1, True, None, 1.5]}
    value = {"a": inner, "b": [inner, inner], 200: "x"}
    copied = plain_copy(value)
    _same(copied, value)
    _containers(copied, {})


def test_the_package_stage_takes_kept_documents_instead_of_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _project(tmp_path / "project")
    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", str(tmp_path / "cache"))
    parsed = count_spec_parses(monkeypatch)
    assert _regenerate(project, monkeypatch) == 0
    assert (project / "generated").is_dir() and parsed == [], "the specs just written were parsed again"
