"""The text and Markdown renderings fold a change that many operations share into one entry; JSON keeps them all.

A version's status or sunset is repeated on every one of its operations (SCP specs carry them per operation), so a
diff between two versions of a 100-operation service listed the same line 100 times and buried the one real change.
"""

from __future__ import annotations

import json

import pytest
import yaml

from scraper.cli import main
from scraper.diff.compare import compare
from scraper.diff.model import Change
from scraper.diff.render import FOLD_AT, TEXT_LISTS, fold, render_json, render_markdown, render_text
from tests.paths import ROOT


def _status(op: str) -> Change:
    return Change(
        "operation-status-changed", "info", op, "x-api-status", "operation status SUPPORTED -> CURRENT", "A", "B"
    )


OPS = [f"GET /v1/things/{n}" for n in range(FOLD_AT + 2)]


def test_shared_change_is_one_entry_at_its_first_place() -> None:
    other = Change("api-version-changed", "info", None, "info.version", "API version 1 -> 2", "1", "2")
    lone = Change("operation-removed", "info", "DELETE /v1/x", "", "operation removed")
    group = [_status(OPS[0]), other, *(_status(op) for op in OPS[1:]), lone]
    items = fold(group)
    assert len(items) == 3
    assert items[1] is other and items[2] is lone
    folded = items[0]
    assert not isinstance(folded, Change)
    assert folded.operations == OPS


def test_fewer_than_fold_at_stay_separate() -> None:
    group = [_status(op) for op in OPS[: FOLD_AT - 1]]
    assert fold(group) == group
    text = render_text(group)
    assert text.count("operation status SUPPORTED -> CURRENT") == FOLD_AT - 1


def test_text_lists_every_operation_once_and_never_cuts_one() -> None:
    long_ops = [f"POST /v1/{'segment/' * 6}{n}/action" for n in range(TEXT_LISTS)]
    text = render_text([_status(op) for op in long_ops])
    assert text.count("operation status SUPPORTED -> CURRENT") == 1
    assert f"{TEXT_LISTS} operations, x-api-status: operation status SUPPORTED -> CURRENT" in text
    listed = [line for line in text.splitlines()[4:]]
    assert all(len(line) <= 120 for line in listed)
    named = [part.strip() for line in listed for part in line.split(",") if part.strip()]
    assert named == long_ops  # each whole (method and path together), in order


def test_text_names_the_first_operations_and_counts_the_rest() -> None:
    ops = [f"GET /v1/items/{n}" for n in range(TEXT_LISTS + 5)]
    text = render_text([_status(op) for op in ops])
    named = [part.strip() for line in text.splitlines()[4:] for part in line.split(",") if part.strip()]
    assert named[:-1] == ops[: TEXT_LISTS - 1]
    assert named[-1] == "and 6 more (--format markdown or json lists them all)"


def test_markdown_folds_into_details_and_json_keeps_each_change() -> None:
    group = [_status(op) for op in OPS]
    markdown = render_markdown(group)
    assert f"- {len(OPS)} operations, `x-api-status`: operation status SUPPORTED -> CURRENT" in markdown
    assert markdown.count("<details>") == 1 and markdown.count("</details>") == 1
    assert all(f"`{op}`" in markdown for op in OPS)
    payload = json.loads(render_json(group))
    assert [c["operation"] for c in payload["changes"]] == OPS


def test_two_versions_of_a_real_service_read_in_a_few_lines() -> None:
    spec = ROOT / "spec" / "scp" / "virtualserver"
    old, new = (yaml.safe_load((spec / name).read_text(encoding="utf-8")) for name in ("1.1.yaml", "1.2.yaml"))
    changes = compare(old, new)
    text = render_text(changes)
    assert len(changes) > 200  # one per operation and per fact
    assert len(text.splitlines()) < len(changes) // 5
    assert "property scp_gpu_driver added" in text  # the one real change is still there, on its own line


def test_cli_output_is_folded(capsys: pytest.CaptureFixture[str]) -> None:
    spec = ROOT / "spec" / "scp" / "virtualserver"
    assert main(["diff", str(spec / "1.2.yaml"), str(spec / "1.3.yaml"), "--format", "markdown"]) == 0
    text = capsys.readouterr().out
    assert text.count("operation status SUPPORTED -> CURRENT") == 1
    assert "<details><summary>the 110 operations</summary>" in text
