"""Inline objects the docs repeat under one property name become one component, as a spec author would write them.

Guides describe a common part of their bodies again under every operation: NHN Cloud's ``header`` object
(``isSuccessful``, ``resultCode``, ``resultMessage``) stands inline in all 93 responses of RDS for PostgreSQL
v1.0, Block Storage's ``links`` in every listing. Emitted as written, the spec repeats one schema 93 times and the
generated package has 93 identical classes, one per place (``RetrieveBackupListResponseHeader``,
``DeleteBackupResponseHeader``, ...), that a user cannot pass from one call to another. Written by hand, the spec
would have one ``Header`` component that every place refers to.

So, after a version's document is emitted, the inline objects (``type: object`` with ``properties``, outside
``$ref``) at a property place, or as the items of an array property, are grouped by the component name their place
derives (``header`` -> ``Header``, the items of ``links`` -> ``LinksItem``, as the generated classes are named; ASCII
letters and digits only, so doc text never becomes code) and by their content (the place's own ``description``
aside: it stays beside the ``$ref``). The most common content of a name becomes that component
when it stands at two places or more and more often than any other content of that name; the other contents stay
inline (a guide that documents one response's header differently keeps that one as written). A name a component
already has is used only when that component is the same content. Nested groups go first (a ``meta`` inside every
``data``), so the objects holding them become equal and can be shared in turn. Deterministic: the outcome depends
on the document's content only, never on the order of its operations.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

__all__ = ["share_repeated_objects"]

_COMPONENT_PREFIX = "#/components/schemas/"
#: Keywords of a place rather than of the object: kept beside the reference, left out of the content compared.
_PLACE_KEYWORDS = ("description",)


@dataclass(frozen=True, slots=True)
class _Place:
    """An inline object at ``container[key]`` (a property, or the ``items`` of an array property), ``depth``
    schemas deep, and the component name its place derives."""

    container: dict[str, Any]
    key: str
    name: str
    depth: int
    content: str
    #: ``id()`` of every mapping from the document down to ``container``: their content changes with this place's
    ancestors: tuple[int, ...]


@cache
def _component_name(prop: str) -> str | None:
    """``header`` -> ``Header``, ``os-volume_upload_image`` -> ``OsVolumeUploadImage``; None when the property
    has no ASCII letter to start a name with."""
    words = [w for w in re.split(r"[^A-Za-z0-9]+", prop) if w]
    name = "".join(w[0].upper() + w[1:] for w in words)
    return name if name[:1].isalpha() and name.isascii() else None


def _is_inline_object(schema: Any) -> bool:
    return (
        isinstance(schema, dict)
        and "$ref" not in schema
        and schema.get("type") == "object"
        and isinstance(schema.get("properties"), dict)
        and bool(schema["properties"])
    )


def _content(schema: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in schema.items() if k not in _PLACE_KEYWORDS}, sort_keys=True, default=str)


def _places(node: Any) -> list[_Place]:
    """Every inline object at a property place (or as the items of an array property) under ``node``, the deepest
    of a branch after those holding it."""
    found: list[_Place] = []
    _collect(node, 0, (), found)
    return found


def _collect(node: Any, depth: int, ancestors: tuple[int, ...], found: list[_Place]) -> None:
    """:func:`_places` below ``node``, appended to ``found`` (one list for the whole walk: a generator per level
    cost a document of thousands of schemas most of the sharing's time, re-yielding each place at every level)."""
    if isinstance(node, dict):
        here = (*ancestors, id(node))
        properties = node.get("properties")
        for key, value in node.items():
            if key == "properties" and isinstance(properties, dict):
                inside = (*here, id(properties))
                for prop, sub in properties.items():
                    if isinstance(sub, dict | list):
                        _collect(sub, depth + 1, inside, found)
                    name = _component_name(str(prop))
                    if name is None:
                        continue
                    if _is_inline_object(sub):
                        found.append(_Place(properties, str(prop), name, depth, _content(sub), inside))
                    elif isinstance(sub, dict) and sub.get("type") == "array" and _is_inline_object(sub.get("items")):
                        content = _content(sub["items"])
                        found.append(_Place(sub, "items", name + "Item", depth + 1, content, (*inside, id(sub))))
            elif isinstance(value, dict | list) and key not in ("example", "examples", "x-source"):
                _collect(value, depth + 1, here, found)  # (a scalar holds no place: not entered)
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, dict | list):
                _collect(item, depth + 1, ancestors, found)


def _fold(name: str) -> str:
    return name.lower()


@dataclass(frozen=True, slots=True)
class _Group:
    """The places of one component name, and those of them that share its most common content."""

    name: str
    places: list[_Place]
    chosen: list[_Place]


def _groups(spec: dict[str, Any], schemas: dict[str, Any]) -> list[_Group]:
    """The groups to share now, the deepest first (a group's depth is its deepest chosen place's), then by name."""
    by_name: dict[str, list[_Place]] = {}
    for place in _places({"paths": spec.get("paths"), "schemas": schemas}):
        by_name.setdefault(place.name, []).append(place)
    taken = {_fold(n): n for n in schemas}
    found: list[tuple[int, str, _Group]] = []
    for name, places in by_name.items():
        counts = Counter(p.content for p in places).most_common(2)
        content, count = counts[0]
        if count < 2 or (len(counts) > 1 and counts[1][1] == count):
            continue
        existing = taken.get(_fold(name))
        if existing is not None and (existing != name or _content(schemas[name]) != content):
            continue
        chosen = [p for p in places if p.content == content]
        found.append((-max(p.depth for p in chosen), name, _Group(name, places, chosen)))
    return [group for _, _, group in sorted(found, key=lambda item: item[:2])]


def share_repeated_objects(spec: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """``spec`` (an OpenAPI document) with each repeated inline object a component (see the module docstring), and
    the names of the components it added or referred to, in the order chosen. ``spec`` itself is left as it is (its
    schemas are often the service's own models, which every other version is emitted from): the rewrite is made on
    a copy, and only when there is something to share."""
    if not _groups(spec, dict(spec.get("components", {}).get("schemas", {}))):
        return spec, []
    from scraper.build.emit import plain_copy  # emit imports this module's caller

    spec = plain_copy(spec)
    schemas: dict[str, Any] = dict(spec.get("components", {}).get("schemas", {}))
    shared: list[str] = []
    # Rounds: the groups found in one walk are shared in order, each unless an earlier one of the round changed
    # one of its objects (shared something inside it: its content is no longer what the walk saw); the next round's
    # walk sees them as they are now. One walk per round, not per group: a guide repeats dozens of objects.
    while groups := _groups(spec, schemas):
        changed: set[int] = set()
        for group in groups:
            if any(id(p.container[p.key]) in changed for p in group.places):
                continue
            first = group.chosen[0].container[group.chosen[0].key]
            if group.name not in schemas:
                schemas[group.name] = {k: v for k, v in first.items() if k not in _PLACE_KEYWORDS}
            for place in group.chosen:
                inline = place.container[place.key]
                ref: dict[str, Any] = {"$ref": _COMPONENT_PREFIX + group.name}
                ref.update((k, inline[k]) for k in _PLACE_KEYWORDS if k in inline)
                place.container[place.key] = ref
                changed.update(place.ancestors)
            shared.append(group.name)
    components = spec.setdefault("components", {})
    # components in the order they were (documented models first), the shared ones after, by name
    ordered = dict(components.get("schemas", {}))
    ordered.update((n, schemas[n]) for n in sorted(schemas) if n not in ordered)
    rest = {k: v for k, v in components.items() if k != "schemas"}
    spec["components"] = {"schemas": ordered, **rest}
    return spec, shared
