"""Strongly connected components of a reference graph (Tarjan's algorithm), for the passes that look for cycles
among schemas or models.

Iterative rather than recursive: a spec may chain thousands of schemas, deeper than Python's recursion limit.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

__all__ = ["strong_components"]


def strong_components(graph: Mapping[str, Sequence[str]]) -> Iterator[list[str]]:
    """Each strongly connected component of ``graph`` (name -> the names it refers to, every target a key), each
    yielded after every component it refers to (Tarjan's order: references first)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    for root in graph:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            name, position = work.pop()
            if position == 0:
                index[name] = low[name] = len(index)
                stack.append(name)
                on_stack.add(name)
            targets = graph[name]
            if position < len(targets):
                work.append((name, position + 1))
                target = targets[position]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[name] = min(low[name], index[target])
                continue
            if work:  # back in the caller: pass the lowest index up
                caller = work[-1][0]
                low[caller] = min(low[caller], low[name])
            if low[name] == index[name]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == name:
                        break
                yield component
