"""A ``discriminator`` on an ``allOf`` parent is kept only when every value its tag may take names a schema.

datamodel-code-generator types a reference to such a parent as the union of the schemas that extend it. PagerDuty's
``Restriction`` (``type``: ``daily_restriction`` or ``weekly_restriction``; one child, ``WeeklyRestriction``, and no
mapping) became ``list[WeeklyRestriction]``, and the spec's own example, a daily restriction, failed the package's
contract test ("start_day_of_week: Field required").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scraper.cli import main
from scraper.clients.schema_keywords import honoured_schemas
from tests.clients.package_import import run_package_tests

R = "#/components/schemas/"


def _schemas(mapping: dict[str, str] | None = None) -> dict[str, Any]:
    discriminator: dict[str, Any] = {"propertyName": "type"}
    if mapping is not None:
        discriminator["mapping"] = mapping
    tag = {"type": "string", "enum": ["daily_restriction", "weekly_restriction"]}
    return {
        "Restriction": {"type": "object", "discriminator": discriminator, "required": ["type", "start"],
                        "properties": {"type": tag, "start": {"type": "string"}}},
        "WeeklyRestriction": {"allOf": [{"$ref": R + "Restriction"}, {
            "type": "object", "required": ["day"], "properties": {"day": {"type": "integer"}}}]},
        "Layer": {"type": "object", "properties": {"restrictions": {"type": "array",
                                                                    "items": {"$ref": R + "Restriction"}}}},
    }  # fmt: skip


def test_a_discriminator_that_leaves_tag_values_to_no_schema_is_dropped() -> None:
    assert "discriminator" not in honoured_schemas(_schemas())["Restriction"]
    # part of the values mapped is not enough either
    assert (
        "discriminator"
        not in honoured_schemas(_schemas({"weekly_restriction": R + "WeeklyRestriction"}))["Restriction"]
    )


def test_a_discriminator_whose_mapping_covers_its_tag_is_kept() -> None:
    mapping = {"weekly_restriction": R + "WeeklyRestriction", "daily_restriction": R + "Restriction"}
    assert honoured_schemas(_schemas(mapping))["Restriction"]["discriminator"]["mapping"] == mapping


def test_a_reference_to_the_parent_takes_every_instance_the_spec_documents(tmp_path: Path) -> None:
    example = {"restrictions": [{"type": "daily_restriction", "start": "09:00"},
                                {"type": "weekly_restriction", "start": "09:00", "day": 1}]}  # fmt: skip
    content = {"application/json": {"schema": {"$ref": R + "Layer"}, "example": example}}
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "schedules", "version": "1"},
        "paths": {"/layers": {"get": {"operationId": "getLayer", "responses": {
            "200": {"description": "ok", "content": content}}}}},
        "components": {"schemas": _schemas()},
    }  # fmt: skip
    path = tmp_path / "schedules.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["generate", "--spec", str(path), "--out", str(out)]) == 0
    models = next(out.glob("*/v1/models.py")).read_text(encoding="utf-8")
    assert "restrictions: list[Restriction] | None" in models
    result = run_package_tests(out)
    assert result.returncode == 0, result.stdout[-2000:]
