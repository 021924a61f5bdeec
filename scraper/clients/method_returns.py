"""Public client methods whose return type a re-rendering changed: a breaking change to every caller.

A method that returned a root model and now returns the value it holds (``_models.ListPetsResponse`` ->
``list[_models.Pet]``) breaks each caller's ``.root``; a response schema the docs changed does the same. The spec
diff sees only the second kind, so the generated client modules on disk are compared with the new ones, by each
public method's return annotation as written (``class_releases`` makes the release major and lists them).
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

from scraper.clients.class_renames import with_new_class_names
from scraper.clients.client_classes import client_classes

__all__ = ["changed_returns"]


def _returns(source: str) -> dict[str, str]:
    """Public method name -> its return annotation, over the module's client classes (the first class that has the
    method gives it: the asynchronous client returns what the synchronous one does)."""
    found: dict[str, str] = {}
    for node in client_classes(source):
        methods = [item for item in node.body if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)]
        for method in methods:
            if not method.name.startswith("_") and method.returns is not None:
                found.setdefault(method.name, ast.unparse(method.returns))
    return found


def changed_returns(old: str, new: str, renamed: Mapping[str, str] | None = None) -> dict[str, tuple[str, str]]:
    """Method name -> (old, new) return annotation, for each public method both modules define whose return
    annotation differs (a method added or removed is the spec diff's to report); ``renamed``: the model classes the
    re-rendering renamed (old name -> new, each kept as an alias), no other type where only the name changed."""
    before, after = _returns(old), _returns(new)
    return {
        name: (before[name], after[name])
        for name in sorted(before.keys() & after.keys())
        if with_new_class_names(before[name], renamed or {}) != after[name]
    }
