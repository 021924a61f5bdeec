"""``# type: ignore[assignment]`` goes exactly where ``mypy --strict`` needs it: an unused ignore is an error too.

mypy checks a redeclared field along the class's MRO, against each class that declares it, and stops once the last
direct base has accepted it; PagerDuty's ``AutomationActionsScriptActionWithTeams(AutomationActionsScriptAction)``
restates the ``Literal["script"]`` its parent already narrowed from the grandparent's enum, so mypy accepts it, but
checked against every ancestor it got an ignore mypy reported as unused (the package failed ``mypy --strict``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from scraper.clients.package import render_package


def _ref(name: str) -> str:
    return f"#/components/schemas/{name}"


def _spec() -> dict[str, Any]:
    def narrowed(base: str, **extra: Any) -> dict[str, Any]:
        own = {"type": "object", "properties": {"kind": {"type": "string", "const": "script"}, **extra}}
        return {"allOf": [{"$ref": f"#/components/schemas/{base}"}, own]}

    schemas = {
        "Kind": {"type": "string", "enum": ["script", "process"]},
        "Action": {"type": "object", "required": ["kind"], "properties": {"kind": {"$ref": _ref("Kind")}}},
        "ScriptAction": narrowed("Action"),
        "ScriptActionWithTeams": narrowed("ScriptAction", teams={"type": "array", "items": {"type": "string"}}),
    }
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": {
        "$ref": "#/components/schemas/ScriptActionWithTeams"}}}}}  # fmt: skip
    return {
        "openapi": "3.1.0",
        "info": {"title": "overrides", "version": "1"},
        "paths": {"/a": {"get": {"operationId": "getAction", "responses": ok}}},
        "components": {"schemas": schemas},
    }


def test_a_field_restated_as_its_parent_narrowed_it_needs_no_ignore(tmp_path: Path) -> None:
    [source] = [v for k, v in render_package([_spec()], source_names=["o.yaml"]).items() if k.endswith("models.py")]
    text = source.decode("utf-8")
    classes = {c.split("(")[0].removeprefix("class "): c for c in text.split("\n\n\n") if c.startswith("class ")}
    assert "# type: ignore[assignment]" in classes["ScriptAction"]  # narrows Kind: mypy rejects it
    assert "# type: ignore" not in classes["ScriptActionWithTeams"]  # restates the parent's Literal: accepted
    module = tmp_path / "models.py"
    module.write_text(text, encoding="utf-8")
    mypy = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(tmp_path / "c")]
    result = subprocess.run([*mypy, str(module)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
