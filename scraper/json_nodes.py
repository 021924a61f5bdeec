"""Walking a parsed JSON/YAML document for its objects, the one loop several in-place rewrites share."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["objects"]


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
            stack.extend(node)
        elif isinstance(node, dict):
            yield node
            stack.extend(value for key, value in node.items() if descend(key))
