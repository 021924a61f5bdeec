"""Composition cycles among component schemas (``scraper.clients.schema_cycles``): what is cut and what is kept."""

from __future__ import annotations

from typing import Any

from scraper.clients.schema_cycles import cut_composition_cycles


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def test_members_leading_back_are_cut_and_the_rest_kept() -> None:
    schemas: dict[str, Any] = {
        "Self": {"oneOf": [ref("Self"), ref("Leaf")], "description": "kept"},
        "Nested": {"oneOf": [{"oneOf": [ref("Nested")]}, {}]},  # an emptied member goes, an empty one stays
        "Bare": ref("Alias"),
        "Alias": {"allOf": [ref("Bare")], "title": "t"},
        "Leaf": {"type": "string"},
        "Tree": {"type": "object", "properties": {"kids": {"type": "array", "items": ref("Tree")}}},
        "UsesLoop": {"oneOf": [ref("Bare")]},  # refers into a cycle without being on it: untouched
    }
    untouched = {name: schemas[name] for name in ("Leaf", "Tree", "UsesLoop")}
    messages = cut_composition_cycles(schemas)
    assert schemas["Self"] == {"oneOf": [ref("Leaf")], "description": "kept"}
    assert schemas["Nested"] == {"oneOf": [{}]}
    assert schemas["Bare"] == {} and schemas["Alias"] == {"title": "t"}
    assert {name: schemas[name] for name in untouched} == untouched
    assert sorted(m.split(":")[0] for m in messages) == [
        f"components.schemas.{name}" for name in ("Alias", "Bare", "Nested", "Self")
    ]
    assert all("with nothing in between" in m for m in messages)


def test_a_long_chain_back_to_its_start_needs_no_recursion() -> None:
    count = 5000  # deeper than Python's recursion limit
    schemas: dict[str, Any] = {f"S{i}": {"allOf": [ref(f"S{(i + 1) % count}")]} for i in range(count)}
    assert len(cut_composition_cycles(schemas)) == count
    assert all(schema == {} for schema in schemas.values())


def test_no_cycle_no_change() -> None:
    schemas: dict[str, Any] = {"A": {"allOf": [ref("B")]}, "B": {"oneOf": [ref("C"), {"type": "null"}]}, "C": {}}
    before = repr(schemas)
    assert cut_composition_cycles(schemas) == [] and repr(schemas) == before
