"""Client methods a re-rendering renamed, and the deprecated aliases that keep the old names callable.

A method is named after its operation's ``operationId``, which a page reading derives from the operation's heading:
when the docs retitle an operation (``Get Volume`` -> ``Show Volume``), the method ``get_volume`` becomes
``show_volume`` and every caller of the old name breaks, although the API did not change. The release rules
compare the client modules on disk with the re-rendered ones; here a method the new rendering no longer defines is
paired with the new method that calls the same operation (the ``METHOD /path`` line of both docstrings,
:mod:`method_operations`): one removed and one added method of an operation are a rename, and so are its other
methods that differ by the same words (``iter_get_volumes`` -> ``iter_show_volumes``), one to one; several documented
operations on one method and path (``x-operations`` members: Object Storage's ``upload_an_object`` and
``create_a_manifest_object`` on one ``PUT``) are paired by their docstrings' summary line and their parameters'
names, which a retitling leaves as they were, where each side has one method so marked (the last one left on both
sides paired too). A method more or fewer on one side, or a removed method whose operation no new method calls, is
no rename.

Each client class then keeps the old name as an alias of the new method (``get_volume = show_volume``), under a
comment naming the release that renamed it, until the next major release, as a renamed model class keeps its
name (:mod:`class_renames`). The signature rules (:mod:`method_signatures`) read an alias as its target's signature,
so a rename with an alias only adds a method.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping

from scraper.clients.client_classes import client_classes
from scraper.clients.method_operations import method_operations

__all__ = ["ALIAS_MARK", "class_aliases", "method_aliases", "renamed_methods", "with_method_aliases"]

#: The comment above a client class's deprecated method aliases; the release that renamed them follows.
ALIAS_MARK = "# Deprecated aliases of renamed methods, since "
_MARK_LINE = re.compile(r"^    " + re.escape(ALIAS_MARK) + r"(\S+?); removed in the next major release$", re.MULTILINE)


def class_aliases(node: ast.ClassDef) -> dict[str, str]:
    """The ``alias = method`` lines of a client class (a public name bound to one of the class's own methods)."""
    methods = {item.name for item in node.body if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)}
    return {
        item.targets[0].id: item.value.id
        for item in node.body
        if isinstance(item, ast.Assign)
        and len(item.targets) == 1
        and isinstance(item.targets[0], ast.Name)
        and not item.targets[0].id.startswith("_")
        and isinstance(item.value, ast.Name)
        and item.value.id in methods
    }


def method_aliases(source: str) -> tuple[str | None, dict[str, str]]:
    """The deprecated method aliases a client module carries (old name -> method, those of its ``Client``) and the
    release that introduced them (None when it carries none)."""
    found: dict[str, str] = {}
    for node in client_classes(source):
        for alias, target in class_aliases(node).items():
            found.setdefault(alias, target)
    match = _MARK_LINE.search(source)
    return (match.group(1) if match else None), found


def _public_names(source: str) -> set[str]:
    names: set[str] = set()
    for node in client_classes(source):
        names.update(item.name for item in node.body if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef))
        names.update(class_aliases(node))
    return {name for name in names if not name.startswith("_")}


def renamed_methods(old: str, new: str) -> dict[str, str]:
    """Old public method name -> the new method calling the same operation, for the methods of client module
    ``old`` that ``new`` no longer defines (see the module docstring for the pairing)."""
    before, after = method_operations(old), method_operations(new)
    old_names, new_names = _public_names(old), _public_names(new)
    removed: dict[str, list[str]] = {}
    added: dict[str, list[str]] = {}
    for name, operation in before.items():
        if name not in new_names:
            removed.setdefault(operation, []).append(name)
    for name, operation in after.items():
        if name not in old_names:
            added.setdefault(operation, []).append(name)
    renames: dict[str, str] = {}
    marks: tuple[dict[str, str], dict[str, str]] | None = None
    for operation, gone in removed.items():
        new_ones = sorted(added.get(operation, []))
        if not new_ones:
            continue
        if len(gone) != len(new_ones):
            continue  # a method more or fewer: which is which is a guess
        if len(gone) == 1:
            renames[gone[0]] = new_ones[0]
            continue
        # the operation's main method is the shortest name; its other methods carry the same words, each
        stem_old, stem_new = min(gone, key=lambda n: (len(n), n)), min(new_ones, key=lambda n: (len(n), n))
        pairs = {name: name.replace(stem_old, stem_new, 1) for name in gone if stem_old in name}
        if len(pairs) == len(gone) and sorted(pairs.values()) == new_ones:
            renames.update(pairs)
            continue
        # several documented operations on one method and path (x-operations members): each is told by its
        # summary and its parameters' names, which a retitling leaves as they were
        marks = marks or (_method_marks(old), _method_marks(new))
        renames.update(_paired_by_marks(gone, new_ones, marks[0], marks[1]))
    return dict(sorted(renames.items()))


def _method_marks(source: str) -> dict[str, str]:
    """Public method name -> its docstring's first line and its parameters' names and kinds (the first client class
    that defines it), what tells apart the methods of one method and path."""
    found: dict[str, str] = {}
    for node in client_classes(source):
        for item in node.body:
            if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and not item.name.startswith("_"):
                summary = (ast.get_docstring(item) or "").split("\n", 1)[0]
                args = item.args
                names = [a.arg for a in (*args.posonlyargs, *args.args)], [a.arg for a in args.kwonlyargs]
                found.setdefault(item.name, f"{summary}\0{names}")
    return found


def _paired_by_marks(
    gone: list[str], new_ones: list[str], old_marks: Mapping[str, str], new_marks: Mapping[str, str]
) -> dict[str, str]:
    """The removed and added methods of one operation whose marks (:func:`_method_marks`) are equal and each side's
    only one; the last one left on both sides paired too (none when more are left: a guess)."""
    pairs: dict[str, str] = {}
    for name in gone:
        mark = old_marks.get(name)
        same_old = [n for n in gone if old_marks.get(n) == mark]
        same_new = [n for n in new_ones if new_marks.get(n) == mark]
        if mark is not None and len(same_old) == 1 and len(same_new) == 1:
            pairs[name] = same_new[0]
    left_old = [n for n in gone if n not in pairs]
    left_new = [n for n in new_ones if n not in pairs.values()]
    if len(left_old) == 1 and len(left_new) == 1:
        pairs[left_old[0]] = left_new[0]
    return pairs


#: After an alias of a deprecated method: the alias names the method in the class body, which a type checker reports
#: as a use of it (mypy's ``deprecated`` code, which the packages' README asks users to enable); a caller of the alias
#: still gets the method's warning at run time. ``unused-ignore``: no error either where the code is off.
_DEPRECATED_TARGET = "  # type: ignore[deprecated, unused-ignore]"


def _deprecates(decorator: ast.expr) -> bool:
    """Whether ``decorator`` is ``@deprecated(...)`` (``typing_extensions.deprecated``, as the client writes it)."""
    called = decorator.func if isinstance(decorator, ast.Call) else decorator
    return (isinstance(called, ast.Name) and called.id == "deprecated") or (
        isinstance(called, ast.Attribute) and called.attr == "deprecated"
    )


def with_method_aliases(source: str, aliases: Mapping[str, str], release: str) -> str:
    """``source`` with ``aliases`` (old name -> method) written at the end of each client class that defines the
    method and where the old name is free, under :data:`ALIAS_MARK` (black's layout: one blank line before)."""
    if not aliases:
        return source
    lines = source.split("\n")
    for node in sorted(client_classes(source), key=lambda n: n.lineno, reverse=True):
        taken = {
            target.id
            for item in node.body
            for target in (
                item.targets
                if isinstance(item, ast.Assign)
                else [item.target] if isinstance(item, ast.AnnAssign) else []
            )
            if isinstance(target, ast.Name)
        }
        functions = [item for item in node.body if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef)]
        methods = {item.name for item in functions}
        deprecated = {item.name for item in functions if any(map(_deprecates, item.decorator_list))}
        kept = [
            f"    {old} = {target}" + (_DEPRECATED_TARGET if target in deprecated else "")
            for old, target in aliases.items()
            if target in methods and old not in methods and old not in taken
        ]
        if not kept or node.end_lineno is None:
            continue
        block = ["", f"    {ALIAS_MARK}{release}; removed in the next major release", *kept]
        lines[node.end_lineno : node.end_lineno] = block
    return "\n".join(lines)
