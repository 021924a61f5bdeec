"""The client classes of a generated client module, parsed once for the release rules that read them.

``method_returns`` (return types) and ``method_signatures`` (parameters) both compare a package's client modules on
disk with the re-rendered ones; each module is a few hundred kB, and parsing it was most of their cost (a one
operation edit of virtualserver re-read four modules, old and new, twice). The release rules ask for the old and
the new text of one module in turn, so the last two parses are kept.
"""

from __future__ import annotations

import ast
from functools import lru_cache

__all__ = ["CLIENT_CLASSES", "client_classes"]

#: The classes of a generated client module whose methods users call.
CLIENT_CLASSES = ("Client", "AsyncClient")


@lru_cache(maxsize=2)
def client_classes(source: str) -> tuple[ast.ClassDef, ...]:
    """The top-level :data:`CLIENT_CLASSES` of ``source``, in module order (the trees are shared: read them only).
    Raises ``SyntaxError``/``ValueError`` as :func:`ast.parse` does."""
    return tuple(
        node for node in ast.parse(source).body if isinstance(node, ast.ClassDef) and node.name in CLIENT_CLASSES
    )
