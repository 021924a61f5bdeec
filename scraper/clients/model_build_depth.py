"""How deep pydantic recurses to build a generated model's validator, and the order that keeps it shallow.

Every generated model is ``defer_build``: its validator is built on first use. Building a model whose field types are
models not yet built builds theirs inline, one nested call chain per reference (about 11 Python frames a model in
pydantic 2.x), so validating the head of a chain of ~90 distinct models (``M0.next: M1``, ``M1.next: M2``, ...)
raised ``RecursionError`` in the generated package. A model whose references are already built reuses their
validators, so building the chain's models tail first, each on top of the last, never goes deeper than one model.

:func:`prebuilt_models` names the models whose first build would go deeper than :data:`BUILD_DEPTH_LIMIT`, in the
order to build them at import (references first); the models module then builds exactly those at import
(``Model.model_rebuild()``) and leaves every other model deferred. Models that refer to each other in a cycle are
built together in one recursion whatever the order (pydantic's own limit), as deep as its deepest depth-first walk:
:func:`long_cycles` names the cycles too deep for that, which the generator reports.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from scraper.clients import syntax_nodes
from scraper.strong_components import strong_components

__all__ = ["BUILD_DEPTH_LIMIT", "CYCLE_LIMIT", "long_cycles", "model_references", "prebuilt_models"]

#: Most models one first build may recurse through; deeper ones are built at import, references first. Two thirds
#: of where Python's default recursion limit (1000) stops pydantic (~90), leaving room for the caller's own stack.
BUILD_DEPTH_LIMIT = 60
#: Models in one reference cycle above which its first build may exceed Python's recursion limit.
CYCLE_LIMIT = 60

_NOT_MODELS = frozenset({"Enum", "StrEnum", "IntEnum", "str", "int"})


def model_references(tree: ast.Module) -> dict[str, list[str]]:
    """``{model class: the module's model classes its bases and field annotations name}``, in module order (enum
    classes are not models: pydantic builds nothing for them)."""
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    models: set[str] = set()
    for node in classes:  # a class is a model when a base is BaseModel, RootModel[...] or a model
        for base in node.bases:
            head = base.value if isinstance(base, ast.Subscript) else base
            if isinstance(head, ast.Name) and (head.id in ("BaseModel", "RootModel") or head.id in models):
                models.add(node.name)
    graph: dict[str, list[str]] = {}
    for node in classes:
        if node.name not in models:
            continue
        parts: list[ast.AST] = list(node.bases)
        parts.extend(stmt.annotation for stmt in node.body if isinstance(stmt, ast.AnnAssign))
        names = [n.id for part in parts for n in syntax_nodes.walk(part) if isinstance(n, ast.Name) and n.id in models]
        graph[node.name] = list(dict.fromkeys(names))  # in field order, as pydantic builds them
    return graph


def prebuilt_models(graph: dict[str, list[str]], limit: int = BUILD_DEPTH_LIMIT) -> list[str]:
    """The models whose first build would recurse through more than ``limit`` unbuilt models, references first:
    built at import in this order, each finds what it refers to built (a cycle's members count all together)."""
    depth: dict[str, int] = {}
    doomed: set[str] = set()  # on or above a cycle too long to build: building it at import would stop the import
    order: list[str] = []
    for component in strong_components(graph):  # references before the models that name them
        members = set(component)
        targets = {t for name in component for t in graph[name] if t not in members}
        below = max((depth[t] for t in targets), default=0)
        inner = _cycle_depth(graph, component)
        for name in component:
            depth[name] = below + inner  # an upper bound: a build visits each model once, so often less deep
        if inner > CYCLE_LIMIT or targets & doomed:
            doomed.update(component)
        elif below + inner > limit and any(_build_depth(graph, name) > limit for name in component):
            order.extend(sorted(component))
    # a model above the limit sees its deep references built; the rest it builds inline, at most ``limit`` deep
    return order


def long_cycles(graph: dict[str, list[str]], limit: int = CYCLE_LIMIT) -> list[list[str]]:
    """The groups of models that refer to each other whose first build may recurse through more than ``limit`` of
    them (each sorted), largest first."""
    found = [sorted(c) for c in strong_components(graph) if _cycle_depth(graph, c) > limit]
    return sorted(found, key=lambda c: (-len(c), c))


def _build_depth(graph: dict[str, list[str]], root: str, members: set[str] | None = None) -> int:
    """How many unbuilt models a first build of ``root`` recurses through: pydantic's walk, depth first in field
    order, each model once (Stripe's models: at most ~50, though the longest chain of references is far longer;
    building those at import cost 3.6 s more per import for nothing). With ``members``, the walk stays among them."""

    def targets(name: str) -> Iterator[str]:
        return iter(graph[name] if members is None else [t for t in graph[name] if t in members])

    seen = {root}
    stack = [targets(root)]
    deepest = 0
    while stack:
        deepest = max(deepest, len(stack))
        target = next(stack[-1], None)
        if target is None:
            stack.pop()
        elif target not in seen:
            seen.add(target)
            stack.append(targets(target))
    return deepest


#: Largest cycle whose build depth is measured (each member's depth-first walk); a larger one counts its size.
_MEASURED_CYCLE = 2_000


def _cycle_depth(graph: dict[str, list[str]], component: list[str]) -> int:
    """How many of a cycle's models one first build recurses through at most: pydantic builds each model once per
    build, depth first in field order, so it is the deepest depth-first walk from any member (Stripe's 164 models
    of one cycle: 34; a ring of 150: 150). Its size for a cycle larger than :data:`_MEASURED_CYCLE`."""
    if len(component) == 1 or len(component) > _MEASURED_CYCLE:
        return len(component)
    members = set(component)
    return max(_build_depth(graph, root, members) for root in component)
