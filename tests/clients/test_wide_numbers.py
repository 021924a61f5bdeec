"""Integers wider than a double (beyond 2**53) in a spec's examples and bounds.

EVE Online's ESI documents a ``number``/``format: double`` coordinate as ``67796138757472320``: the model holds the
nearest double, which dumps as ``6.779613875747232e+16``, and the contract test's exact comparison with the
documented integer failed (2 of 595 tests). A ``number`` is compared at the precision of the value the model holds;
an ``integer`` keeps every digit; a value synthesised from wide bounds is an exact integer that meets them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from scraper.clients import synthesis
from scraper.clients.package import render_package
from tests import paths
from tests.clients.package_import import contract_cases, run_package_tests

SPEC = paths.FIXTURES / "openapi" / "robust" / "wide-integers-in-number-fields.yaml"


def _written(tmp_path: Path) -> Path:
    doc = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    out = tmp_path / "out"
    for rel, data in render_package([doc], package_name="wide").items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    return out


def test_wide_integers_in_number_fields_pass_their_contract_tests(tmp_path: Path) -> None:
    out = _written(tmp_path)
    cases = contract_cases(out)
    response = {c["name"]: c for c in cases["responses"]}["get_body"]
    assert response["example"]["id"] == 9007199254740993  # the documented digits, every one
    assert response["example"]["position"]["z"] == -59587016159270070
    assert not response.get("xfail")
    result = run_package_tests(out)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "failed" not in result.stdout and " passed" in result.stdout


def test_a_number_compared_at_its_precision_still_fails_on_another_value(tmp_path: Path) -> None:
    """The looser comparison is a double's precision, not a tolerance: a dump one double away still differs."""
    out = _written(tmp_path)
    module = next((out / "tests").glob("test_contract_*.py")).read_text(encoding="utf-8")
    namespace: dict[str, Any] = {}
    exec(compile("from typing import Any\n" + _same_json_source(module), "contract", "exec"), namespace)
    same = namespace["same_json"]
    assert same(6.779613875747232e16, 67796138757472320)
    assert same(-5.958701615927007e16, -59587016159270070)
    assert not same(-5.958701615927008e16, -59587016159270070)
    assert not same(9007199254740992, 9007199254740993)  # an integer the model kept: every digit counts
    assert not same(float(2**1100 // 2**100), 2**1100)  # wider than any double
    assert same({"a": [1.0, {"b": 2.5}]}, {"a": [1, {"b": 2.5}]})
    assert not same({"a": 1}, {"a": 1, "b": None}) and not same([1], [1, 2])


def _same_json_source(module: str) -> str:
    start = module.index("def same_json(")
    end = module.index("\n\n\n", start)
    return module[start:end] + "\n"


def test_values_made_from_wide_bounds_are_exact_integers_inside_them() -> None:
    doc = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    value = synthesis.instance(doc, {"$ref": "#/components/schemas/Range"})
    assert value["counter"] == 9007199254740993 and isinstance(value["counter"], int)
    assert value["stepped"] >= 9007199254740993 and value["stepped"] % 2 == 0 and isinstance(value["stepped"], int)
    assert value["above"] >= 1152921504606846977
    assert value["beyond"] > 1152921504606846976
    assert synthesis.instance(doc, {"type": "number", "minimum": 0.5}) == 1.0  # a double that holds it: as before
    assert synthesis.instance(doc, {"type": "number", "exclusiveMinimum": 1, "maximum": 2}) == 1.5
    assert synthesis.instance(doc, {"type": "number", "exclusiveMinimum": 10**400}) == 10**400 + 1  # no double
    assert synthesis.instance(doc, {"type": "number", "minimum": 10**400, "multipleOf": 3}) % 3 == 0
