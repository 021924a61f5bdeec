"""Schemas defined only through themselves: composition cycles, cut before the models are generated.

``A: {allOf: [{$ref: A}, {properties: ...}]}`` (a SwaggerHub spec in oasdiff's lint fixtures), ``A: {oneOf: [{$ref:
A}]}``, or ``A = oneOf[B]``, ``B = oneOf[A]``: a schema that is its own base class or a union of itself says
nothing more than its other members. Pydantic cannot build such a class, and datamodel-code-generator rejects the
whole module ("model inheritance cycle"), so one such schema cost the package. A reference through a property, an
array's items or a map's values is different: that is a recursive model, which is fine and is left alone. Only
references reached through ``allOf`` / ``oneOf`` / ``anyOf`` members (and a bare ``$ref``), with no structure in
between, can close such a cycle.

:func:`cut_composition_cycles` drops, from each schema on such a cycle, the members that lead back into it; what
remains types the schema (nothing left: any value). Each cut is reported, so nothing changes silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scraper.clients.refs import component_name
from scraper.strong_components import strong_components

__all__ = ["cut_composition_cycles"]

_COMPOSITIONS = ("allOf", "oneOf", "anyOf")


def cut_composition_cycles(schemas: dict[str, Any]) -> list[str]:
    """Cut every composition cycle among ``schemas`` (``{name: schema}``, references spelt
    ``#/components/schemas/<name>``) in place; returns one message per schema that was changed."""
    edges = {name: sorted(_composition_targets(schema) & schemas.keys()) for name, schema in schemas.items()}
    messages: list[str] = []
    for component in _cycles(edges):
        members = set(component)
        for name in sorted(component):
            schema = schemas[name]
            cut = _without_members(schema, members)
            if cut == schema:
                continue
            schemas[name] = cut
            back = sorted(set(edges[name]) & members)
            left = "what remains types it" if cut else "nothing remains: any value"
            messages.append(
                f"components.schemas.{name}: its allOf/oneOf/anyOf leads back to itself through "
                f"{', '.join(back)} with nothing in between (no class can be built); those members are dropped, "
                f"{left}"
            )
    return messages


def _composition_targets(schema: Any) -> set[str]:
    """The component names ``schema`` refers to through composition members and bare references only."""
    found: set[str] = set()
    stack: list[Any] = [schema]
    while stack:
        node = stack.pop()
        if not isinstance(node, dict):
            continue
        ref = node.get("$ref")
        name = component_name(ref)
        if name is not None:
            found.add(name)
        for key in _COMPOSITIONS:
            members = node.get(key)
            if isinstance(members, list):
                stack.extend(members)
    return found


def _cycles(edges: dict[str, list[str]]) -> Iterator[list[str]]:
    """The strongly connected components of ``edges`` that hold a cycle (two names or more, or a name that refers
    to itself)."""
    for component in strong_components(edges):
        if len(component) > 1 or component[0] in edges[component[0]]:
            yield component


def _leads_into(node: Any, members: set[str]) -> bool:
    ref = node.get("$ref") if isinstance(node, dict) else None
    return component_name(ref) in members


def _without_members(schema: Any, members: set[str]) -> Any:
    """``schema`` without the composition members (and a bare ``$ref``) that lead into ``members``; a nested
    composition emptied by that is dropped too. Other keywords are kept as they are."""
    if not isinstance(schema, dict):
        return schema
    out = {k: v for k, v in schema.items() if not (k == "$ref" and _leads_into(schema, members))}
    for key in _COMPOSITIONS:
        parts = schema.get(key)
        if not isinstance(parts, list):
            continue
        kept = []
        for part in parts:
            if _leads_into(part, members):
                continue
            trimmed = _without_members(part, members)
            if trimmed or not part:  # a member emptied by the cut goes; one that was empty stays
                kept.append(trimmed)
        if kept:
            out[key] = kept
        else:
            del out[key]
    return out
