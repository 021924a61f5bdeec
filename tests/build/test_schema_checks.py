"""Spec validation with the per-schema meta-check remembered (``scraper.build.schema_checks``): a remembered pass
skips only that check, and a schema that fails is reported exactly as openapi-spec-validator reports it."""

from __future__ import annotations

import copy
import datetime
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from scraper.build import schema_checks
from scraper.build.openapi import validate_spec
from scraper.build.schema_checks import SchemaCheckMemo, default_schema_check_memo
from tests.paths import ROOT

DEMO = ROOT / "tests" / "fixtures" / "openapi" / "scp" / "demoserver" / "1.1.yaml"


def _spec() -> dict[str, Any]:
    spec: dict[str, Any] = yaml.safe_load(DEMO.read_text(encoding="utf-8"))
    return spec


def _plain(spec: dict[str, Any]) -> str:
    """What openapi-spec-validator itself reports, formatted as ``validate_spec`` formats it."""
    from openapi_spec_validator import OpenAPIV31SpecValidator

    errors = [
        f"{'/'.join(str(p) for p in e.absolute_path)}: {(e.message.strip().splitlines() or [''])[0]}"
        for e in OpenAPIV31SpecValidator(spec).iter_errors()
    ]
    return "; ".join(errors[:5])


@pytest.fixture
def on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The memo on disk in ``tmp_path``, empty in this process."""
    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", str(tmp_path))
    default_schema_check_memo.cache_clear()
    yield tmp_path
    default_schema_check_memo.cache_clear()


def _rows(folder: Path) -> dict[str, bytes]:
    """The schema-check store's rows (key -> data), read with SQLite itself."""
    with sqlite3.connect(folder / "schema-checks" / "entries.sqlite3") as db:
        return dict(db.execute("SELECT key, data FROM entries"))


def _new_process() -> SchemaCheckMemo:
    """Forget what this process remembered (as a new run would), keeping the disk."""
    default_schema_check_memo.cache_clear()
    return default_schema_check_memo()


def test_an_invalid_schema_deep_in_a_changed_spec_is_reported_after_a_cached_run(on_disk: Path) -> None:
    spec = _spec()
    schemas = len(spec["components"]["schemas"])
    assert validate_spec(spec) == ""
    assert len(_rows(on_disk)) >= schemas
    memo = _new_process()
    assert validate_spec(spec) == ""
    assert memo.misses == 0 and memo.hits >= schemas, "the second run checked remembered schemas again"
    # One property's array items get an impossible type: only that schema changed, the others are remembered.
    bad = copy.deepcopy(spec)
    model = next(s for s in bad["components"]["schemas"].values() if s.get("properties"))
    prop = next(iter(model["properties"]))
    model["properties"][prop]["items"] = {"type": 5}
    memo = _new_process()
    problems = validate_spec(bad)
    assert problems == _plain(bad) != ""
    assert problems.startswith(f"properties/{prop}/items/type: 5 is not valid")
    assert memo.misses >= 1 and memo.hits >= schemas - 1
    # A failure is never remembered: the next run reports it again, the same way.
    _new_process()
    assert validate_spec(bad) == problems


def test_a_damaged_entry_is_checked_again(on_disk: Path) -> None:
    spec = _spec()
    assert validate_spec(spec) == ""
    entries = _rows(on_disk)
    with sqlite3.connect(on_disk / "schema-checks" / "entries.sqlite3") as db:
        db.execute("UPDATE entries SET data = CAST('passeX' AS BLOB)")
    memo = _new_process()
    assert validate_spec(spec) == ""
    assert memo.misses == len(entries), "a damaged entry was taken as a pass"
    assert set(_rows(on_disk).values()) == {b"passed\n"}, "the damaged entries were not rewritten"


def test_caches_off_remember_in_the_process_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    memo = _new_process()
    try:
        assert validate_spec(_spec()) == "" and memo.passed
        misses = memo.misses
        assert validate_spec(_spec()) == "" and memo.misses == misses
        assert not any(tmp_path.rglob("*"))
    finally:
        default_schema_check_memo.cache_clear()


def test_the_key_names_the_content_exactly() -> None:
    key = SchemaCheckMemo.key
    dialect = "https://spec.openapis.org/oas/3.1/dialect/base"
    schema = {"type": "object", "properties": {"a": {"type": "integer", "minimum": 1}}}
    reordered = {"properties": {"a": {"minimum": 1, "type": "integer"}}, "type": "object"}
    assert key(dialect, schema) == key(dialect, reordered) is not None  # key order does not change validity
    assert key(dialect, schema) != key("https://json-schema.org/draft/2020-12/schema", schema)
    assert key(dialect, {"minimum": 1}) != key(dialect, {"minimum": 1.0}) != key(dialect, {"minimum": True})
    # Values JSON cannot name exactly are never remembered.
    for odd in ({1: {"type": "string"}}, {"enum": (1, 2)}, {"default": datetime.date(2025, 1, 1)}, {"x": float("nan")}):
        assert key(dialect, odd) is None


def test_the_validator_keeps_the_libraries_other_checks() -> None:
    """Only the schema keyword validator is replaced; the registry keeps every other openapi-spec-validator check."""
    from openapi_spec_validator import OpenAPIV31SpecValidator

    cls = schema_checks.memoized_spec_validator()
    assert issubclass(cls, OpenAPIV31SpecValidator)
    replaced = {k for k, v in cls.keyword_validators.items() if OpenAPIV31SpecValidator.keyword_validators[k] is not v}
    assert replaced == {"schema"} and set(cls.keyword_validators) == set(OpenAPIV31SpecValidator.keyword_validators)


def test_many_small_entries_are_pruned_at_most_once_a_day(tmp_path: Path) -> None:
    root = tmp_path / "schema-checks"
    memo = SchemaCheckMemo(tmp_path, salt="0" * 16)
    memo.remember("ab" * 32)
    memo.remember("cd" * 32)
    foreign = root / "notes.txt"
    foreign.write_text("not an entry")
    legacy = root / ("1" * 16) / "ef" / ("ef" * 32)  # an entry file of an earlier docs2client
    legacy.parent.mkdir(parents=True)
    legacy.write_bytes(b"passed")
    stale = time.time() - 40 * 24 * 3600
    os.utime(legacy, (stale, stale))

    def age(key: str) -> None:
        with sqlite3.connect(root / "entries.sqlite3") as db:
            db.execute("UPDATE entries SET used = used - 40 WHERE key = ?", (f"{'0' * 16}:{key}",))

    age("ab" * 32)
    assert memo.prune() == 2 and set(_rows(tmp_path)) == {f"{'0' * 16}:{'cd' * 32}"}
    assert not legacy.exists() and foreign.exists()
    age("cd" * 32)
    assert memo.prune() == 0 and len(_rows(tmp_path)) == 1, "pruned again within a day"
    marker = root / "entries.sqlite3.pruned"
    os.utime(marker, (stale, stale))
    assert memo.prune() == 1 and not _rows(tmp_path) and marker.exists() and foreign.exists()
