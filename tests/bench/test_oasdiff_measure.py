"""``python -m bench.oasdiff`` on a miniature oasdiff checkout written by the test (none is in the repo)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import yaml

from bench.oasdiff import BEGIN, END, main, measure

RULES_GO = """package checker
func GetAllRules() BackwardCompatibilityRules {
\treturn BackwardCompatibilityRules{
\t\tnewBackwardCompatibilityRule(RequestPropertyRemovedId, WARN, RequestPropertyUpdatedCheck, DirectionRequest, A),
\t\tnewBackwardCompatibilityRule(NewRequiredRequestPropertyId, ERR, RequestPropertyUpdatedCheck, DirectionRequest, A),
\t}
}
"""
CONSTS_GO = """package checker
const (
\tRequestPropertyRemovedId = "request-property-removed"
\tNewRequiredRequestPropertyId = "new-required-request-property"
)
"""
HELPERS_GO = 'package checker_test\nvar (\n\tdeprecationFile = dataFileFn("deprecation")\n)\n'
TEST_GO = """package checker_test

func TestNewRequired(t *testing.T) {
\ts1, err := open("../data/checker/a_base.yaml")
\ts2, err := open("../data/checker/a_revision.yaml")
\td, osm, err := diff.GetWithOperationsSourcesMap(diff.NewConfig(), s1, s2)
\trequireChange(t, errs, checker.NewRequiredRequestPropertyId)
}

func TestRemoved(t *testing.T) {
\ts1, err := open("../data/checker/a_revision.yaml")
\ts2, err := open("../data/checker/a_base.yaml")
\td, osm, err := diff.GetWithOperationsSourcesMap(diff.NewConfig(), s1, s2)
\trequireChange(t, errs, checker.RequestPropertyRemovedId)
}

func TestEditedInCode(t *testing.T) {
\ts1, err := open("../data/checker/a_base.yaml")
\ts2, err := open("../data/checker/a_base.yaml")
\td, osm, err := diff.GetWithOperationsSourcesMap(diff.NewConfig(), s1, s2)
}
"""


def spec(properties: dict[str, object], required: list[str]) -> str:
    schema = {"type": "object", "properties": properties, "required": required}
    op = {
        "requestBody": {"content": {"application/json": {"schema": schema}}},
        "responses": {"200": {"description": "OK"}},
    }
    return yaml.safe_dump({"openapi": "3.0.0", "info": {"title": "T", "version": "1"}, "paths": {"/p": {"post": op}}})


def checkout(root: Path) -> Path:
    (root / "checker").mkdir(parents=True)
    (root / "data" / "checker").mkdir(parents=True)
    (root / "checker" / "rules.go").write_text(RULES_GO)
    (root / "checker" / "check_ids.go").write_text(CONSTS_GO)
    (root / "checker" / "helpers_test.go").write_text(HELPERS_GO)
    (root / "checker" / "check_x_test.go").write_text(TEST_GO)
    (root / "data" / "checker" / "a_base.yaml").write_text(spec({"a": {"type": "string"}}, ["a"]))
    (root / "data" / "checker" / "a_revision.yaml").write_text(
        spec({"a": {"type": "string"}, "b": {"type": "string"}}, ["a", "b"])
    )
    return root


def test_measure_counts_agreements_and_differences(tmp_path: Path) -> None:
    result = measure(checkout(tmp_path / "oasdiff"), _dt.date(2026, 1, 1))
    # new required property: ERR for oasdiff, breaking for us; removed property: WARN for oasdiff, breaking for
    # us, a difference documented in pairs.yaml (RequestPropertyUpdatedCheck); the edited-in-code test is skipped
    assert (result["pairs"], result["agree"], result["documented"], result["other"]) == (2, 1, 1, {})


def test_write_replaces_the_measured_section(tmp_path: Path) -> None:
    root = checkout(tmp_path / "oasdiff")
    doc = tmp_path / "doc.md"
    doc.write_text(f"# x\n{BEGIN}\nold\n{END}\n")
    assert main([str(root), "--today", "2026-01-01", "--write", str(doc)]) == 0
    text = doc.read_text()
    assert "old" not in text and "Measured 2026-01-01 on 2 pairs" in text and "agree on 1 (50%)" in text
    assert main([str(tmp_path / "nowhere")]) == 2
