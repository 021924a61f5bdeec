"""Duplicate mapping keys in a spec (YAML 1.2 and RFC 8259 say keys are unique): every YAML and JSON parser we use
keeps the last value and drops the earlier one without a word, so a spec that writes ``/pets:`` twice lost its
``get`` silently. Each duplicate is now a warning naming the file, the line (YAML) or the object (JSON) and the key;
the last value is still the one used (what JSON.parse, PyYAML and SnakeYAML with defaults give, so the package
matches what other tools read)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scraper.cli import main
from scraper.spec_input import parse_document_text

FIXTURE = Path(__file__).parents[1] / "fixtures" / "openapi" / "robust" / "yaml-duplicate-keys.yaml"


def test_yaml_duplicate_keys_are_warnings_naming_file_line_and_key() -> None:
    warnings: list[str] = []
    doc = parse_document_text(FIXTURE.read_text(encoding="utf-8"), source="d.yaml", warnings=warnings)
    assert list(doc["paths"]["/pets"]) == ["post"]  # the last value, as every other reader gives it
    assert warnings == [
        "d.yaml: line 13: duplicate key '/pets' (keys must be unique); the value at line 13 is used,"
        " the one at line 4 is lost",
        "d.yaml: line 25: duplicate key 'name' (keys must be unique); the value at line 25 is used,"
        " the one at line 24 is lost",
    ]


def test_merge_keys_are_not_duplicates() -> None:
    warnings: list[str] = []
    doc = parse_document_text("a: &a {x: 1, y: 2}\nb: {<<: *a, x: 3}\n", source="m.yaml", warnings=warnings)
    assert doc["b"] == {"x": 3, "y": 2} and warnings == []


def test_json_duplicate_keys_name_the_object() -> None:
    warnings: list[str] = []
    text = '{"components": {"schemas": {"A": {"type": "string", "type": "integer"}}}, "openapi": "3.1.0"}'
    doc = parse_document_text(text, source="d.json", json_only=True, warnings=warnings)
    assert doc["components"]["schemas"]["A"] == {"type": "integer"}
    assert warnings == [
        "d.json: /components/schemas/A: duplicate key 'type' (keys must be unique); the last value is used,"
        " 1 earlier one is lost"
    ]


def test_generate_reports_duplicate_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.json"
    assert main(["generate", "--spec", str(FIXTURE), "--out", str(tmp_path / "out"), "--report", str(report)]) == 0
    warnings = json.loads(report.read_text(encoding="utf-8"))["packages"][0]["warnings"]
    assert any("yaml-duplicate-keys.yaml: line 13: duplicate key '/pets'" in w for w in warnings), warnings
    assert any("yaml-duplicate-keys.yaml: line 25: duplicate key 'name'" in w for w in warnings), warnings


def test_diff_warns_of_duplicate_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(FIXTURE), str(FIXTURE)]) == 0
    err = capsys.readouterr().err
    assert f"warning: OLD: {FIXTURE}: line 13: duplicate key '/pets'" in err, err
    assert f"warning: NEW: {FIXTURE}: line 25: duplicate key 'name'" in err, err
