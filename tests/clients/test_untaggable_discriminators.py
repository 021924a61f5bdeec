"""A discriminator whose property some member cannot carry as its tag is left out, so the members keep their types.

APIs-guru's ``linode.com/4.5.0`` lists tagged objects as ``{discriminator: {propertyName: type}, oneOf: [Linode,
Domain, Volume, NodeBalancer]}`` with no mapping: the implied tags are the component names, but ``Domain.type`` is an
enum of its own (``master``, ``slave``) and ``Volume`` has no ``type`` at all (the tag is a sibling of the union, one
level up). datamodel-code-generator wrote ``type: Literal["Domain"]`` into the component every domain operation
returns, so 10 of 654 contract tests failed (``Input should be 'Domain'``). A member that lacks the property, or whose
property admits none of its tag values (``enum``/``const``), makes the discriminator unusable: it is left out (the
union is tried member by member, as JSON Schema validates it), with a warning naming the place and the member.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scraper.cli import main
from scraper.clients.untaggable_discriminators import untaggable_discriminators
from tests.clients.package_import import run_package_tests

FIXTURE = Path(__file__).parents[1] / "fixtures" / "openapi" / "robust" / "zz-untaggable-discriminator.yaml"
PREFIX = "#/components/schemas/"


def _doc(union: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "components": {
            "schemas": {
                "Cat": {"type": "object", "properties": {"kind": {"type": "string"}}},
                "Dog": {"allOf": [{"$ref": PREFIX + "Pet"}]},
                "Pet": {"type": "object", "properties": {"kind": {"type": "string"}}},
                "Zone": {"type": "object", "properties": {"kind": {"enum": ["primary", "secondary"]}}},
                "Box": {"type": "object", "properties": {"size": {"type": "integer"}}},
                "Union": union,
            }
        },
    }


def _union(*members: str, mapping: dict[str, str] | None = None) -> dict[str, Any]:
    discriminator: dict[str, Any] = {"propertyName": "kind"}
    if mapping is not None:
        discriminator["mapping"] = mapping
    return {"oneOf": [{"$ref": PREFIX + m} for m in members], "discriminator": discriminator}


def test_a_discriminator_every_member_can_carry_is_kept() -> None:
    doc = _doc(_union("Cat", "Dog"))  # Dog has the property through its allOf part
    assert untaggable_discriminators(doc) == []
    mapped = _doc(_union("Cat", "Zone", mapping={"cat": PREFIX + "Cat", "primary": PREFIX + "Zone"}))
    assert untaggable_discriminators(mapped) == []
    assert "discriminator" in mapped["components"]["schemas"]["Union"]


def test_a_member_without_the_property_or_with_other_values_drops_the_discriminator() -> None:
    doc = _doc(_union("Cat", "Box", "Zone"))
    warnings = untaggable_discriminators(doc)
    assert "discriminator" not in doc["components"]["schemas"]["Union"]
    assert doc["components"]["schemas"]["Union"]["oneOf"][1] == {"$ref": PREFIX + "Box"}
    assert warnings == [
        "1 discriminator names a property some of its members cannot carry as their tag; left out, the union is"
        " tried member by member (first: /components/schemas/Union: 'kind': Box has no such property)"
    ]
    zone = _doc(_union("Cat", "Zone"))
    assert untaggable_discriminators(zone) == [
        "1 discriminator names a property some of its members cannot carry as their tag; left out, the union is"
        " tried member by member (first: /components/schemas/Union: 'kind': Zone's admits none of 'Zone')"
    ]


def test_the_shared_component_keeps_its_own_values(tmp_path: Path) -> None:
    out, report = tmp_path / "out", tmp_path / "report.json"
    assert main(["generate", "--spec", str(FIXTURE), "--out", str(out), "--report", str(report)]) == 0
    warnings = json.loads(report.read_text(encoding="utf-8"))["packages"][0]["warnings"]
    assert any("cannot carry as their tag" in w for w in warnings), warnings
    models = next(out.glob("*/v1/models.py")).read_text(encoding="utf-8")
    assert 'Literal["Domain"]' not in models, models
    result = run_package_tests(out)
    assert result.returncode == 0, result.stdout[-2000:]
