"""Every node of a syntax tree, as :func:`ast.walk` visits them, in about half its time.

The models' post-processing (``scraper.clients.models``, ``regex_engines``, ``model_build_depth``) walks each
module's tree and every field annotation several times; :func:`ast.walk` is a chain of three generators per node
(``walk`` -> ``iter_child_nodes`` -> ``iter_fields``) and was a third of that post-processing's CPU. This is the
same breadth-first order, so a pass that keeps the first of several matches finds the same one.
"""

from __future__ import annotations

import ast

__all__ = ["walk"]


def walk(node: ast.AST) -> list[ast.AST]:
    """``node`` and every node below it, in :func:`ast.walk`'s order (breadth first, fields in declaration order)."""
    found: list[ast.AST] = [node]
    append = found.append
    index = 0
    while index < len(found):
        current = found[index]
        index += 1
        for name in current._fields:
            value = getattr(current, name, None)
            if type(value) is list:
                for item in value:
                    if isinstance(item, ast.AST):
                        append(item)
            elif isinstance(value, ast.AST):
                append(value)
    return found
