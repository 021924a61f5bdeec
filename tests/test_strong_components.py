"""Tarjan's strongly connected components, shared by the schema-cycle and model-build passes."""

from __future__ import annotations

from scraper.strong_components import strong_components


def test_components_come_after_what_they_refer_to() -> None:
    graph = {"a": ["b"], "b": ["c", "a"], "c": ["d"], "d": [], "e": ["e"], "f": ["a"]}
    components = [sorted(c) for c in strong_components(graph)]
    assert sorted(map(tuple, components)) == [("a", "b"), ("c",), ("d",), ("e",), ("f",)]
    order = {name: i for i, c in enumerate(components) for name in c}
    for name, targets in graph.items():
        for target in targets:
            assert order[target] <= order[name]  # a reference is yielded no later than the name referring to it


def test_a_chain_deeper_than_the_recursion_limit() -> None:
    chain = {f"m{i}": [f"m{i + 1}"] for i in range(5000)} | {"m5000": ["m0"]}
    (component,) = strong_components(chain)
    assert len(component) == 5001
