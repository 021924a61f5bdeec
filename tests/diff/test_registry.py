"""The rule registry: every rule is exercised by a test, every reported kind is registered, the README's table is
generated from it, and ``--severity FILE`` overrides it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scraper.cli import main
from scraper.diff.compare import compare
from scraper.diff.emitter import Emitter
from scraper.diff.model import SEVERITIES
from scraper.diff.overrides import OverrideError, parse_overrides
from scraper.diff.rules import RULES, rule_for_kind
from scraper.diff.rules_table import rewrite
from tests.diff.diff_docs import S, body_doc, obj
from tests.paths import ROOT, TESTS

#: the modules that hold the rule tests (pairs of hand-written documents)
RULE_TESTS = [
    "test_compare.py",
    "test_document_rules.py",
    "test_lifecycle.py",
    "test_real_shapes.py",
    "test_schema_rules.py",
    "test_xoperations.py",
    "test_oasdiff.py",
]


def test_every_registered_rule_is_exercised_by_a_rule_test(tmp_path: Path) -> None:
    record = tmp_path / "rules.txt"
    env = dict(os.environ, DIFF_RULES_RECORD=str(record), PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "tests.diff.diff_rule_recorder",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:xdist",
        ]
        + [str(TESTS / "diff" / name) for name in RULE_TESTS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    seen = set(record.read_text(encoding="utf-8").split())
    assert seen <= RULES.keys()
    assert sorted(RULES.keys() - seen) == []


def test_an_unregistered_rule_id_cannot_be_reported() -> None:
    emitter = Emitter({}, {}, docs=False, today=None, min_notice_days=90, overrides={})
    with pytest.raises(KeyError):
        emitter.add("property-vanished", None, "")


def test_every_kind_reported_on_the_projects_specs_is_registered() -> None:
    spec = ROOT / "spec" / "scp" / "virtualserver"
    old, new = (yaml.safe_load((spec / f"{v}.yaml").read_text(encoding="utf-8")) for v in ("1.0", "1.3"))
    changes = compare(old, new, docs=True) + compare(new, old, docs=True)
    assert len(changes) > 50
    for change in changes:
        rule = rule_for_kind(change.kind)
        assert rule is not None, change.kind
        assert change.severity in SEVERITIES


def test_registry_entries_are_complete() -> None:
    for rule in RULES.values():
        assert rule.family and rule.message and rule.rationale.endswith("."), rule.id
        assert rule.request is not None or rule.response is not None, rule.id
        assert rule_for_kind(rule.id if not rule.scoped else f"request-{rule.id}") is rule or rule.request is None


def test_readme_table_is_generated_from_the_registry() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert rewrite(readme, source="README.md") == readme, "run: python -m scraper.diff.rules_table README.md"
    for rule in RULES.values():
        assert (f"`<scope>-{rule.id}`" if rule.scoped else f"`{rule.id}`") in readme


def test_rules_table_command_rewrites_and_checks(tmp_path: Path) -> None:
    from scraper.diff.rules_table import BEGIN, END
    from scraper.diff.rules_table import main as table_main

    doc = tmp_path / "README.md"
    doc.write_text(f"# T\n\n{BEGIN}\nstale\n{END}\n\nafter\n", encoding="utf-8")
    assert table_main([str(doc), "--check"]) == 1
    assert "stale" in doc.read_text(encoding="utf-8")
    assert table_main([str(doc)]) == 0
    text = doc.read_text(encoding="utf-8")
    assert "stale" not in text and "| `operation-removed` |" in text and text.endswith(f"{END}\n\nafter\n")
    assert table_main([str(doc), "--check"]) == 0
    (tmp_path / "plain.md").write_text("no markers\n", encoding="utf-8")
    assert table_main([str(tmp_path / "plain.md")]) == 2


def test_overrides_by_rule_id_and_by_kind() -> None:
    old, new = obj({"a": S, "b": S}), obj({"a": S})
    request = (body_doc(old, "request"), body_doc(new, "request"))
    response = (body_doc(old, "response"), body_doc(new, "response"))
    by_rule = {"property-removed": "non-breaking"}
    assert [c.severity for c in compare(*request, severities=by_rule)] == ["non-breaking"]
    assert [c.severity for c in compare(*response, severities=by_rule)] == ["non-breaking"]
    by_kind = {"response-property-removed": "info", "property-removed": "deprecation"}
    assert [c.severity for c in compare(*request, severities=by_kind)] == ["deprecation"]
    assert [c.severity for c in compare(*response, severities=by_kind)] == ["info"]  # the kind wins


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("property-vanished breaking\n", "rules.txt:1: unknown rule id 'property-vanished'"),
        ("# comment\n\noperation-removed fatal\n", "rules.txt:3: severity 'fatal': expected one of"),
        ("operation-removed\n", "rules.txt:1: expected '<rule id> <severity>'"),
    ],
)
def test_override_file_errors_name_file_and_line(text: str, error: str) -> None:
    with pytest.raises(OverrideError, match=error):
        parse_overrides(text, source="rules.txt")


def test_severity_option_changes_the_exit_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    for name, schema in (("old.yaml", obj({"a": S, "b": S})), ("new.yaml", obj({"a": S}))):
        (tmp_path / name).write_text(yaml.safe_dump(body_doc(schema, "request")), encoding="utf-8")
    (tmp_path / "levels.txt").write_text("request-property-removed non-breaking  # we tolerate it\n", encoding="utf-8")
    assert main(["diff", "old.yaml", "new.yaml", "--fail-on", "breaking"]) == 1
    assert main(["diff", "old.yaml", "new.yaml", "--fail-on", "breaking", "--severity", "levels.txt"]) == 0
    capsys.readouterr()
    (tmp_path / "bad.txt").write_text("no-such-rule info\n", encoding="utf-8")
    assert main(["diff", "old.yaml", "new.yaml", "--severity", "bad.txt"]) == 2
    assert "bad.txt:1: unknown rule id 'no-such-rule'" in capsys.readouterr().err
    assert main(["diff", "old.yaml", "new.yaml", "--severity", "missing.txt"]) == 2
    assert "missing.txt: cannot read" in capsys.readouterr().err


def test_today_option_rejects_a_bad_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(body_doc(S, "request")), encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["diff", "a.yaml", "a.yaml", "--today", "31.12.2026"])
    assert exc.value.code == 2
    assert "--today: expected a date YYYY-MM-DD, got '31.12.2026'" in capsys.readouterr().err
