"""A documented example checked against a backtracking ``pattern`` takes linear time, not exponential.

``^(a+)+$`` against forty ``a`` and a ``!`` makes Python's ``re`` backtrack 2**40 times: the example check of
``docs2client generate`` hung on it (found by the keyword x value probes of generate, timeout at 20 s). Patterns are
matched by the Rust engine the generated models use (pydantic's default), which is linear; a pattern only Python's
engine takes (a lookaround, a back reference) is still matched by it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scraper.cli import main
from scraper.doc_values import coerce_doc_value
from scraper.linear_patterns import pattern_matches
from tests.time_limit import time_limit

EVIL = "a" * 40 + "!"


def _spec(pattern: str, example: str) -> dict[str, object]:
    body = {"type": "object", "properties": {"a": {"type": "string", "pattern": pattern, "example": example}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1.0"},
        "paths": {
            "/x": {
                "post": {
                    "operationId": "doIt",
                    "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/B"}}}},
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
        "components": {"schemas": {"B": body}},
    }


def test_generate_checks_an_example_against_a_backtracking_pattern_in_linear_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "redos.json"
    spec.write_text(json.dumps(_spec("^(a+)+$", EVIL)), encoding="utf-8")
    with time_limit(30, "generate"):
        code = main(["generate", "--spec", str(spec), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 0, err


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("^(a+)+$", EVIL, False),
        ("^(a|aa)+$", "a" * 50 + "b", False),
        ("^(a+)+$", "aaaa", True),
        ("b", "abc", True),  # unanchored, as JSON Schema's pattern is
        ("^[0-9]{3}$", "123", True),
        ("(?=a)a", "a", True),  # a lookahead: Python's engine
        (r"(a)\1", "aa", True),  # a back reference: Python's engine
    ],
)
def test_pattern_matches(pattern: str, text: str, expected: bool) -> None:
    with time_limit(5, "pattern"):
        assert pattern_matches(pattern, text) is expected


def test_a_page_example_is_checked_against_a_backtracking_pattern_in_linear_time() -> None:
    # an SCP page's "Example : aaaa...!Pattern : ^(a+)+$": building pages/scp/001 with one such cell went from a
    # hang (over 60 s) to its usual 12 s
    with time_limit(10, "doc value"):
        _value, problem = coerce_doc_value(EVIL, {"type": "string", "pattern": "^(a+)+$"})
    assert problem is not None and "does not match" in problem
