"""A long chain of distinct models (``M000.next: M001``, ``M001.next: M002``, ...): pydantic builds a deferred
model's validator on first use and builds every unbuilt model it refers to inline, one recursion per model, so the
first validation of the chain's head raised ``RecursionError`` past ~90 models. The models whose first build would
go deeper than ``BUILD_DEPTH_LIMIT`` are now built at import, references first; a reference cycle too long for
pydantic (its own limit: a cycle is built in one recursion whatever the order) is reported, and no longer stops the
import (datamodel-code-generator's ``model_rebuild()`` lines built it there)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from scraper.cli import main
from scraper.clients import model_build_depth


def _chain(count: int, *, cycle: bool = False) -> dict[str, Any]:
    schemas = {
        f"M{i:03d}": {
            "type": "object",
            "properties": {"name": {"type": "string"}}
            | ({"next": {"$ref": f"#/components/schemas/M{(i + 1) % count:03d}"}} if cycle or i + 1 < count else {}),
        }
        for i in range(count)
    }
    ok = {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/M000"}}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Chain", "version": "1"},
        "paths": {"/m": {"get": {"operationId": "getM", "responses": {"200": ok}}}},
        "components": {"schemas": schemas},
    }


def _generate(tmp_path: Path, doc: dict[str, Any]) -> tuple[Path, list[str]]:
    spec, out, report = tmp_path / "chain.json", tmp_path / "out", tmp_path / "report.json"
    spec.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["generate", "--spec", str(spec), "--out", str(out), "--report", str(report)]) == 0
    warnings: list[str] = json.loads(report.read_text(encoding="utf-8"))["packages"][0]["warnings"]
    return out, warnings


def _first_validation(out: Path) -> subprocess.CompletedProcess[str]:
    code = "from chain.v1 import models as m; print(m.M000.model_validate({'name': 'a', 'next': {'name': 'b'}}))"
    return subprocess.run([sys.executable, "-c", code], cwd=out, capture_output=True, text=True, check=False)


def test_a_chain_of_150_models_validates_at_its_head(tmp_path: Path) -> None:
    out, warnings = _generate(tmp_path, _chain(150))
    result = _first_validation(out)
    assert result.returncode == 0, result.stderr[-800:]  # RecursionError before
    assert "name='a' next=M001(name='b'" in result.stdout
    assert not any("cycle" in w for w in warnings)
    models = (out / "chain" / "v1" / "models.py").read_text(encoding="utf-8")
    assert "M089.model_rebuild()" in models and "M090.model_rebuild()" not in models  # depth 61 and 60
    assert models.index("M089.model_rebuild()") < models.index("M000.model_rebuild()")  # references first


def test_a_long_cycle_imports_and_is_reported(tmp_path: Path) -> None:
    out, warnings = _generate(tmp_path, _chain(model_build_depth.CYCLE_LIMIT + 40, cycle=True))
    result = subprocess.run(
        [sys.executable, "-c", "from chain.v1 import models"], cwd=out, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-800:]  # RecursionError at import before
    assert any("100 models refer to each other in one cycle (M000 and the models it refers to)" in w for w in warnings)


@pytest.mark.parametrize("count", [model_build_depth.CYCLE_LIMIT, 40])
def test_a_cycle_within_the_limit_validates_and_is_not_reported(tmp_path: Path, count: int) -> None:
    out, warnings = _generate(tmp_path, _chain(count, cycle=True))
    result = _first_validation(out)
    assert result.returncode == 0, result.stderr[-800:]
    assert not any("cycle" in w for w in warnings)


def test_a_cycle_counts_its_deepest_walk_not_its_size() -> None:
    """Stripe's 164 models of one cycle validate under the default limit: pydantic builds each once per build, so
    a build goes as deep as the deepest depth-first walk (34 there), not the cycle's size. A hub every member
    refers back to (and that refers to every member) is 2 deep however large."""
    hub = {"H": [f"M{i}" for i in range(100)]} | {f"M{i}": ["H"] for i in range(100)}
    assert model_build_depth.long_cycles(hub) == [] and model_build_depth.prebuilt_models(hub) == []
    ring = {f"M{i}": [f"M{(i + 1) % 100}"] for i in range(100)}
    assert [len(c) for c in model_build_depth.long_cycles(ring)] == [100]


def test_prebuilt_models_are_those_deeper_than_the_limit_references_first() -> None:
    graph = {"A": ["B"], "B": ["C"], "C": ["D", "E"], "D": ["C"], "E": []}
    assert model_build_depth.prebuilt_models(graph, limit=2) == ["C", "D", "B", "A"]  # the cycle C-D counts 2, E 1
    assert model_build_depth.prebuilt_models(graph, limit=5) == []
    assert model_build_depth.long_cycles(graph, limit=1) == [["C", "D"]]
