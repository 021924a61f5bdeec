"""Inline schemas get class names from where they are (``<Parent><Property>``), stable under edits elsewhere.

datamodel-code-generator numbered inline classes that derive the same name (``Volume``, ``Volume1``, ...
``Volume9``, 458 such classes in generated/): the names said nothing, and a docs change that added an inline
schema of the same name earlier in a spec renumbered every later one, renaming public classes it never touched.
The specs below are synthetic mirrors of the shapes seen in spec/scp/virtualserver (``volumes`` inside servers,
server create requests and volume listings) and spec/nhn/container-service (``ports``/``volumes`` in each of
several container templates).
"""

from __future__ import annotations

import ast
import copy
from typing import Any

from scraper.clients import ir
from scraper.clients.package import render_package
from scraper.clients.schema_names import hoist_inline_classes

_S = {"type": "string"}


def _obj(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties}


def _spec(schemas: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Inline Names", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    }


_BASE: dict[str, Any] = {
    "Server": _obj(name=_S, volume=_obj(id=_S), status={"type": "string", "enum": ["ACTIVE", "ERROR"]}),
    "Disk": _obj(volume=_obj(size={"type": "integer"}), status={"type": "string", "enum": ["ATTACHED"]}),
    "VolumeList": _obj(volumes={"type": "array", "items": _obj(volumeId=_S, attachments=_obj(server=_S))}),
    "ServerVolume": _obj(kind=_S),  # a component already named like Server.volume's contextual name
}


def _classes(schemas: dict[str, Any]) -> dict[str, ast.ClassDef]:
    files = render_package([_spec(copy.deepcopy(schemas))])
    models = next(data for path, data in files.items() if path.endswith("/models.py")).decode()
    tree = ast.parse(models)
    return {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}


def _field_types(classes: dict[str, ast.ClassDef]) -> dict[tuple[str, str], str]:
    return {
        (name, stmt.target.id): ast.unparse(stmt.annotation)
        for name, node in classes.items()
        for stmt in node.body
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
    }


def test_an_inline_schema_added_earlier_renames_no_existing_class() -> None:
    before = _classes(_BASE)
    # a docs change: a new component, first in the document, with inline schemas named like the others
    added = {"Aaa": _obj(volume=_obj(flag={"type": "boolean"}), status={"enum": ["X"]}), **_BASE}
    after = _classes(added)
    assert set(before) <= set(after), sorted(set(before) - set(after))
    old_fields, new_fields = _field_types(before), _field_types(after)
    assert old_fields == {key: new_fields.get(key) for key in old_fields}
    assert sorted(set(after) - set(before)) == ["Aaa", "AaaStatus", "AaaVolume"]


def test_inline_classes_are_named_by_parent_and_property() -> None:
    fields = _field_types(_classes(_BASE))
    assert fields[("Server", "status")] == "ServerStatus | None"
    assert fields[("Disk", "volume")] == "DiskVolume | None"
    assert fields[("VolumeList", "volumes")] == "list[VolumeListVolumesItem] | None"
    assert fields[("VolumeListVolumesItem", "attachments")] == "VolumeListVolumesItemAttachments | None"
    # the component keeps its name; the inline schema that would take it gets the next free one
    assert fields[("Server", "volume")] == "ServerVolume2 | None"
    assert fields[("ServerVolume", "kind")] == "str | None"


def test_no_class_is_numbered_by_the_generator() -> None:
    classes = _classes(_BASE)
    assert not [name for name in classes if name[-1].isdigit() and name != "ServerVolume2"]


def test_hoisting_is_deterministic_and_names_are_identifiers() -> None:
    schemas = {
        "Thing": _obj(**{"상태": {"enum": ["a"]}, "class": _obj(x=_S), "2nd-part": {"enum": ["b"]}}),
        "Pet": {"oneOf": [_obj(cat=_S), _obj(dog=_S), {"type": "null"}]},
        "Tags": {"type": "array", "items": {"type": "array", "items": _obj(key=_S)}},
    }
    first, second = copy.deepcopy(schemas), copy.deepcopy(schemas)
    hoist_inline_classes(first, ir.RESERVED_CLASSES)
    hoist_inline_classes(second, ir.RESERVED_CLASSES)
    assert first == second
    assert list(first) == [
        *schemas,
        "ThingValue",
        "ThingClass",
        "Thing2ndPart",
        "PetOption1",
        "PetOption2",
        "TagsItemItem",
    ]
    assert all(name.isidentifier() and name.isascii() for name in first)
    assert first["Pet"]["oneOf"][2] == {"type": "null"}
