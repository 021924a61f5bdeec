"""scraper.json_nodes.objects: every object of a document, following in-place rewrites, entering what descend allows."""

from __future__ import annotations

from typing import Any

from scraper.json_nodes import holds_schemas, located_objects, objects


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
