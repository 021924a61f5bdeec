"""scraper.json_nodes: every object of a document (following in-place rewrites, entering what descend allows), and
a document's copy."""

from __future__ import annotations

import collections
import copy
import datetime
from typing import Any

from scraper.json_nodes import copy_tree, holds_schemas, located_objects, objects


def test_every_object_through_lists_and_only_the_members_descend_allows() -> None:
    doc: dict[str, Any] = {"a": [{"b": 1}, [{"c": {"d": 2}}]], "example": {"hidden": True}}
    seen = [sorted(node) for node in objects(doc, lambda key: key != "example")]
    assert sorted(seen) == [["a", "example"], ["b"], ["c"], ["d"]]
    assert len(list(objects(doc))) == 5  # every member entered by default


def test_the_walk_follows_what_the_caller_rewrote() -> None:
    doc: dict[str, Any] = {"old": {"x": 1}}
    for node in objects(doc):
        if "old" in node:
            node["new"] = {"replaced": True}
            del node["old"]
    assert doc == {"new": {"replaced": True}}
    assert {"replaced": True} in list(objects(doc))


def test_a_deep_document_does_not_exhaust_the_stack() -> None:
    doc: dict[str, Any] = {}
    node = doc
    for _ in range(5000):
        node["child"] = {}
        node = node["child"]
    assert sum(1 for _ in objects(doc)) == 5001


def test_located_objects_says_where_each_object_is_in_the_same_order() -> None:
    doc: dict[str, Any] = {"a": [{"b": 1}, {"example": {"c": 2}}], "x-d": {"e": 3}}
    assert [node for node, _ in located_objects(doc)] == list(objects(doc))
    assert [where for _, where in located_objects(doc, holds_schemas)] == [(), ("a", 1), ("a", 0)]


def test_copy_tree_copies_every_container_and_keeps_aliases_as_deepcopy_does() -> None:
    shared = {"type": "string", "enum": ["a", "b"]}
    doc = {"paths": {"/x": {"get": {"parameters": [shared, shared]}}}, "when": datetime.date(2026, 12, 2), "n": None}
    copied = copy_tree(doc)
    assert copied == doc == copy.deepcopy(doc)
    first, second = copied["paths"]["/x"]["get"]["parameters"]
    assert first is second  # a YAML alias stays one object, as after copy.deepcopy
    assert first is not shared and first["enum"] is not shared["enum"]
    first["enum"].append("c")
    assert shared["enum"] == ["a", "b"]  # the original is never changed through the copy


def test_copy_tree_leaves_containers_of_other_types_to_deepcopy() -> None:
    inner = collections.OrderedDict(a=[1])
    doc = {"o": inner, "t": ([1],)}
    copied = copy_tree(doc)
    assert copied == doc
    assert copied["o"] is not inner and copied["o"]["a"] is not inner["a"]
    assert copied["t"][0] is not doc["t"][0]
