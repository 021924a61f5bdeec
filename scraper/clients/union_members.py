"""The members of a union annotation, as text: one reading for every rule that compares annotations.

Two rules read generated annotations as unions: the release rules (:mod:`method_signatures`: a parameter whose
union gained members only widened, no caller notices) and the models' post-processing (:mod:`models`: a field's
override must narrow each member its base declared, or mypy wants an ignore). Each had its own splitter, and they
differed: one read ``Optional[A]`` and ``Union[A, B]`` as unions, the other only ``A | B``; the same annotation
could be a union to one rule and a single type to the other.
"""

from __future__ import annotations

import ast

__all__ = ["union_members"]


def union_members(annotation: str) -> set[str]:
    """The top-level members of ``annotation`` read as a union (``A | B``, ``Optional[A]`` is ``A | None``,
    ``Union[A, B]``; anything else is a union of one), each as :func:`ast.unparse` writes it. Raises
    ``SyntaxError`` when the text is no expression (callers reading their own generated code never meet it)."""
    members: set[str] = set()
    stack = [ast.parse(annotation, mode="eval").body]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
            stack += [node.left, node.right]
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "Optional":
            stack += [node.slice, ast.Constant(None)]
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "Union":
            stack += list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
        else:
            members.add(ast.unparse(node))
    return members
