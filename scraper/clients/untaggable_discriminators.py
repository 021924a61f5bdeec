"""A ``discriminator`` beside a union whose property some member cannot carry as its tag is left out.

The discriminator says the payload's ``propertyName`` holds a tag naming the member: a ``mapping`` key, or (implied)
the member's component name. datamodel-code-generator honours it by writing the tag into each member's class
(``type: Literal["Domain"]``), and the member is a shared component: every other operation returning it then
refuses what the API sends. APIs-guru's ``linode.com/4.5.0`` lists tagged objects as ``{discriminator: {propertyName:
type}, oneOf: [Linode, Domain, Volume, NodeBalancer]}``, but ``Domain.type`` is an enum of its own (``master``,
``slave``) and ``Volume`` has no ``type`` (the tag is the union's sibling one level up): 10 of 654 contract tests
failed. A member without the property (in its ``properties`` or an ``allOf`` part's) or whose property admits none
of its tag values (``enum``, ``const``) makes the discriminator unusable, so it is left out and the union is tried
member by member, as JSON Schema validates it; one warning names the first place and why.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scraper.clients import refs
from scraper.clients.report import subject_count
from scraper.json_nodes import holds_schemas, located_objects
from scraper.json_pointer import json_pointer

__all__ = ["untaggable_discriminators"]

#: How deep ``allOf`` parts are followed for the property (deeper is no real document).
_MAX_PARTS_DEPTH = 16
_MISSING = object()


def untaggable_discriminators(doc: dict[str, Any]) -> list[str]:
    """Leave out, in place, every discriminator of ``doc`` beside a ``oneOf``/``anyOf`` of references that some
    member cannot carry as its tag (see the module docstring); returns one warning, or none."""
    places: list[tuple[str, str]] = []
    for node, where in located_objects(doc, holds_schemas):
        discriminator = node.get("discriminator")
        if not isinstance(discriminator, Mapping) or not isinstance(discriminator.get("propertyName"), str):
            continue
        members = [m for key in ("oneOf", "anyOf") if isinstance(node.get(key), list) for m in node[key]]
        references = [m.get("$ref") if isinstance(m, Mapping) else None for m in members]
        if not members or not all(isinstance(r, str) and r.startswith("#/") for r in references):
            continue  # no union (an allOf parent), or inline members: handled where the models are built
        problem = _first_problem(doc, discriminator, [str(r) for r in references])
        if problem is not None:
            del node["discriminator"]
            places.append((json_pointer(where), f"{discriminator['propertyName']!r}: {problem}"))
    if not places:
        return []
    places.sort()
    first, why = places[0]
    return [
        f"{subject_count(len(places), 'discriminator', 'name')} a property some of its members cannot carry as"
        f" their tag; left out, the union is tried member by member (first: {first}: {why})"
    ]


def _first_problem(doc: Mapping[str, Any], discriminator: Mapping[str, Any], references: list[str]) -> str | None:
    """Why the first member that cannot carry its tag cannot (``Box has no such property``), or None."""
    name = discriminator["propertyName"]
    given = discriminator.get("mapping")
    mapping = given if isinstance(given, Mapping) else {}
    for reference in references:
        member = reference.rsplit("/", 1)[-1]
        tags = {str(k) for k, v in mapping.items() if v in (reference, member)} or {member}
        try:
            prop = _property(doc, {"$ref": reference}, name, 0)
        except refs.RefError:
            return None  # a dangling member is reported where the models are built
        if prop is _MISSING:
            return f"{member} has no such property"
        values = _values(doc, prop)
        if values is not None and not tags & values:
            return f"{member}'s admits none of {', '.join(repr(t) for t in sorted(tags))}"
    return None


def _property(doc: Mapping[str, Any], schema: Any, name: str, depth: int) -> Any:
    """The schema of property ``name`` of ``schema`` (its own or an ``allOf`` part's), or :data:`_MISSING`; a union
    that does not say is taken to have it (``{}``: any value)."""
    schema = refs.follow(doc, schema)
    if not isinstance(schema, Mapping) or depth > _MAX_PARTS_DEPTH:
        return _MISSING
    properties = schema.get("properties")
    if isinstance(properties, Mapping) and name in properties:
        return properties[name]
    parts = schema.get("allOf")
    for part in parts if isinstance(parts, list) else []:
        found = _property(doc, part, name, depth + 1)
        if found is not _MISSING:
            return found
    if "oneOf" in schema or "anyOf" in schema:
        return {}  # a union's members may each have it: not told here, so any value
    return _MISSING


def _values(doc: Mapping[str, Any], prop: Any) -> set[str] | None:
    """The string values a property schema admits when it lists them (``enum``, ``const``); None when any."""
    try:
        prop = refs.follow(doc, prop)
    except refs.RefError:
        return None
    if not isinstance(prop, Mapping):
        return None
    if isinstance(prop.get("enum"), list):
        return {v for v in prop["enum"] if isinstance(v, str)}
    if "const" in prop:
        return {prop["const"]} if isinstance(prop["const"], str) else set()
    return None
