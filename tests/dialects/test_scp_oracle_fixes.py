"""SCP readings the oracle comparison (``tests/build/scp_oracle.py``) showed wrong, each on an excerpt of the page
(``tests/fixtures/scp/oracle``): what the page itself says decides, the oracle only pointed at the row."""

from __future__ import annotations

from typing import Any

from tests.dialects.scp_model_pages import read_models
from tests.paths import FIXTURES

ORACLE = FIXTURES / "scp" / "oracle"


def _models(name: str) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The one model page's models by name, and its findings' ``kind: message``."""
    return read_models(ORACLE / name, "backup")


def test_bare_object_with_a_scalar_example_is_untyped() -> None:
    """``usage_gb | Example : 123.4 | object``: the docs' ``object`` is a decimal they cannot name; typed as a dict
    every response would fail to parse, so the field takes any value and the conflict is a finding."""
    models, findings = _models("object_with_scalar_example.txt")
    properties = models["BackupRestoreTargetResponse"]["properties"]
    for field in ("usage_gb", "snapshot_size_mb"):
        assert "type" not in properties[field], field
        assert any(f.startswith(f"schema-example-conflict: {field}:") for f in findings), field
    assert properties["usage_gb"]["examples"] == [123.4]
    # no example, or an object example: the Schema cell stands
    assert properties["volume_group"]["type"] == "object"
    assert properties["options"]["type"] == "object"
