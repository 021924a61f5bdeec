"""Walking a parsed JSON/YAML document for its objects, the one loop several in-place rewrites share."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from copy import deepcopy
from typing import Any

__all__ = ["copy_tree", "holds_schemas", "located_objects", "objects"]


def copy_tree(doc: Any) -> Any:
    """``doc`` with every ``dict`` and ``list`` in it copied, as ``copy.deepcopy`` copies a parsed document, about
    four times faster: a container reached twice (a YAML alias) is copied once and reached twice in the copy too,
    values of any other type are shared (a parsed document's scalars are immutable), and containers of other types
    are left to ``copy.deepcopy``. Recursive, one frame per level (``copy.deepcopy`` takes three): callers bound
    the depth first (``scraper.spec_input.check_tree``)."""
    copies: dict[int, Any] = {}

    def copy(node: Any) -> Any:
        kind = type(node)
        if kind is dict:
            done = copies.get(id(node))
            if done is not None:
                return done
            mapping: dict[Any, Any] = {}
            copies[id(node)] = mapping
            for key, value in node.items():
                mapping[key] = copy(value)
            return mapping
        if kind is list:
            done = copies.get(id(node))
            if done is not None:
                return done
            items: list[Any] = []
            copies[id(node)] = items
            for value in node:
                items.append(copy(value))
            return items
        if kind in (str, int, float, bool) or node is None:
            return node
        return deepcopy(node)

    return copy(doc)


#: What a walk enters: everything else is a leaf, never yielded.
_CONTAINERS = (dict, list)


def objects(doc: Any, descend: Callable[[Any], bool] = lambda key: True) -> Iterator[dict[str, Any]]:
    """Every object (``dict``) in ``doc``, lists walked through, depth first (last member first).

    An object's members are read only when the walk resumes after yielding it, so the caller may rewrite it in place
    (rename a key, replace a ``$ref``) and the walk follows what it became. ``descend(key)`` says which members'
    values to enter (not data keys such as ``example``, say). Iterative: a deep document cannot exhaust the stack.
    """
    stack: list[Any] = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(item for item in node if isinstance(item, _CONTAINERS))
        elif isinstance(node, dict):
            yield node
            # only containers are stacked: a scalar is never yielded (a document is mostly scalars)
            stack.extend(value for key, value in node.items() if isinstance(value, _CONTAINERS) and descend(key))


def located_objects(
    doc: Any, descend: Callable[[Any], bool] = lambda key: True
) -> Iterator[tuple[dict[str, Any], tuple[Any, ...]]]:
    """:func:`objects` with where each is: ``(object, path)``, the path the keys and list indexes from ``doc`` to it
    (for a JSON pointer in a warning). The same order, and the same freedom to rewrite the object yielded."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(doc, ())]
    while stack:
        node, where = stack.pop()
        if isinstance(node, list):
            stack.extend((item, (*where, i)) for i, item in enumerate(node) if isinstance(item, _CONTAINERS))
        elif isinstance(node, dict):
            yield node, where
            stack.extend(
                (value, (*where, key)) for key, value in node.items() if isinstance(value, _CONTAINERS) and descend(key)
            )


#: Members whose values are data, not schemas (examples, defaults, values): a schema rewrite never enters them.
_DATA_KEYS = frozenset({"example", "examples", "default", "enum", "const"})


def holds_schemas(key: Any) -> bool:
    """Whether a schema member's value may hold schemas: not data (:data:`_DATA_KEYS`) nor an ``x-`` extension;
    ``descend`` for a walk of a document's schemas."""
    return isinstance(key, str) and key not in _DATA_KEYS and not key.startswith("x-")
