"""Which public classes of a models module a new rendering renamed or removed, and deprecated aliases for them.

A release's version must say what it breaks: a class that a user imports by name and that is gone (its schema
renamed, or named by a newer generator: ``Volume9`` became ``ServerVolume``) is a breaking change, even when the
API did not change. The old and the new module are matched from the names both define (components keep theirs):
a field declared by matched classes refers to matched classes, so the class names in its two annotations pair up
position by position (``Server.volume: Volume9 | None`` and ``ServerVolume | None``), and so on down every class
reached. What is not reached was removed.

A renamed class can keep its old name for one major release as an alias (``Volume9 = ServerVolume``), written
after the classes under :data:`ALIAS_MARK`; an alias is only written where its name is free in the new module.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = [
    "ALIAS_MARK",
    "ClassChanges",
    "aliases_block",
    "class_changes",
    "module_aliases",
    "with_new_class_names",
    "without_aliases",
]

#: The comment line above the deprecated aliases of a models module; the major release that renamed them follows.
ALIAS_MARK = "# docs2client: deprecated names, renamed in "
_ALIAS_LINE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*) = ([A-Za-z_][A-Za-z0-9_]*)$")


@dataclass
class ClassChanges:
    """Old public name -> new class (``renamed``), old public names with no class in the new module (``removed``),
    and old class -> every new class that is one of its places (``split``, only where that is not the class
    itself)."""

    renamed: dict[str, str] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    split: dict[str, list[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.renamed or self.removed)


def _classes(source: str) -> dict[str, ast.ClassDef]:
    tree = ast.parse(source)
    return {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}


def module_aliases(source: str) -> tuple[str | None, dict[str, str]]:
    """The deprecated aliases a models module carries (name -> class) and the release that introduced them."""
    release: str | None = None
    aliases: dict[str, str] = {}
    inside = False
    for line in source.splitlines():
        if line.startswith(ALIAS_MARK):
            release, inside = line.removeprefix(ALIAS_MARK).split()[0].rstrip(":;,"), True
            continue
        match = _ALIAS_LINE.match(line)
        if inside and match:
            aliases[match.group(1)] = match.group(2)
        elif inside and line.strip() and not line.startswith("#"):
            inside = False
    return release, aliases


def _names(annotation: ast.AST, classes: Mapping[str, ast.ClassDef]) -> list[str]:
    """The module's class names an annotation or base mentions, in source order."""
    found = [(n.lineno, n.col_offset, n.id) for n in ast.walk(annotation) if isinstance(n, ast.Name)]
    return [name for _, _, name in sorted(found) if name in classes]


def _references(node: ast.ClassDef, classes: Mapping[str, ast.ClassDef]) -> dict[str, list[str]]:
    """Each field's (and the bases', under ``""``; an assignment's, under ``=<target>``) class names."""
    out = {"": [name for base in node.bases for name in _names(base, classes)]}
    for stmt in node.body:
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            out[stmt.target.id] = _names(stmt.annotation, classes)
        elif isinstance(stmt, ast.Assign):  # ``__annotations__ = {"__pydantic_extra__": dict[str, Value]}``
            out["=" + ast.unparse(stmt.targets[0])] = _names(stmt.value, classes)
    return out


def _follow(
    pairs: list[tuple[str, str]], old: Mapping[str, ast.ClassDef], new: Mapping[str, ast.ClassDef], start: int = 0
) -> None:
    """Extend ``pairs`` (new class, old class) through the fields of each pair from ``start`` on: the class names
    of a field's two annotations pair up position by position."""
    paired_new, paired_old = {n for n, _ in pairs}, {o for _, o in pairs}
    queue = list(pairs[start:])
    while queue:
        new_name, old_name = queue.pop(0)
        old_refs, new_refs = _references(old[old_name], old), _references(new[new_name], new)
        for attr, after in new_refs.items():
            before = old_refs.get(attr)
            if before is None or len(after) != len(before):
                continue
            for b, a in zip(after, before, strict=True):
                if b not in paired_new or a not in paired_old:  # one side new: a rename, a split or a merge
                    paired_new.add(b)
                    paired_old.add(a)
                    pairs.append((b, a))
                    queue.append((b, a))


def _shape(node: ast.ClassDef, classes: Mapping[str, ast.ClassDef]) -> str:
    """The class's body with the module's class names (its own among them) left out: what stays when it is renamed
    and so are the classes it refers to."""
    names = set(classes)

    class _Blank(ast.NodeTransformer):
        def visit_Name(self, name: ast.Name) -> ast.AST:
            return ast.Name("_", name.ctx) if name.id in names else name

    body = [_Blank().visit(ast.parse(ast.unparse(stmt)).body[0]) for stmt in node.body]
    bases = [_Blank().visit(ast.parse(ast.unparse(base), mode="eval")) for base in node.bases]
    return ast.dump(ast.Module(body=body, type_ignores=[])) + "|" + "|".join(ast.dump(b) for b in bases)


def _same_shapes(
    pairs: list[tuple[str, str]], old: Mapping[str, ast.ClassDef], new: Mapping[str, ast.ClassDef]
) -> list[tuple[str, str]]:
    """(new, old) for the unmatched classes whose shape exactly one unmatched class on each side has."""
    paired_new, paired_old = {n for n, _ in pairs}, {o for _, o in pairs}
    olds: dict[str, list[str]] = {}
    for name in old:
        if name not in paired_old:
            olds.setdefault(_shape(old[name], old), []).append(name)
    news: dict[str, list[str]] = {}
    for name in new:
        if name not in paired_new:
            news.setdefault(_shape(new[name], new), []).append(name)
    return [(n[0], olds[shape][0]) for shape, n in news.items() if len(n) == 1 and len(olds.get(shape, [])) == 1]


def _renamed_prefixes(
    pairs: list[tuple[str, str]], old: Mapping[str, ast.ClassDef], new: Mapping[str, ast.ClassDef]
) -> list[tuple[str, str]]:
    """(new, old) for unmatched classes whose names differ as a matched pair's do: ``Uid3ResponseBody`` ->
    ``GetAppKeyUidsUidResponseBody`` renames the prefix ``Uid3``, so ``Uid3Response`` is
    ``GetAppKeyUidsUidResponse`` when that class is unmatched and has its shape."""
    prefixes: dict[str, str] = {}
    for new_name, old_name in pairs:
        cut = len(old_name)
        while cut > 0 and new_name.endswith(old_name[cut - 1 :]):
            cut -= 1
        while cut < len(old_name) and not old_name[cut].isupper():  # the common part starts a word
            cut += 1
        if 0 < cut < len(old_name) and new_name != old_name:
            prefixes.setdefault(old_name[:cut], new_name[: len(new_name) - (len(old_name) - cut)])
    paired_new, paired_old = {n for n, _ in pairs}, {o for _, o in pairs}
    found: list[tuple[str, str]] = []
    for name in old:
        if name in paired_old:
            continue
        for before, after in sorted(prefixes.items(), key=lambda item: -len(item[0])):
            candidate = after + name[len(before) :]
            if (
                name.startswith(before)
                and name[len(before) : len(before) + 1].isupper()
                and candidate in new
                and candidate not in paired_new
                and _shape(new[candidate], new) == _shape(old[name], old)
            ):
                found.append((candidate, name))
                paired_new.add(candidate)
                break
    return found


_CLASS_WORD = re.compile(r"[A-Z][a-z0-9]*|[a-z0-9]+")


def _common_end(a: str, b: str) -> int:
    """How many words (``DeletingADatabaseResponse``: Deleting, A, Database, Response) two class names end in."""
    words_a, words_b = _CLASS_WORD.findall(a), _CLASS_WORD.findall(b)
    count = 0
    while count < min(len(words_a), len(words_b)) and words_a[-1 - count] == words_b[-1 - count]:
        count += 1
    return count


def _shared_ends(
    pairs: list[tuple[str, str]], old: Mapping[str, ast.ClassDef], new: Mapping[str, ast.ClassDef]
) -> list[tuple[str, str]]:
    """(new, old) for unmatched classes of one shape that several classes on a side have (``DeletingAUserResponse``,
    ``DeletingADatabaseResponse``: each a job id), paired by the end of their names, where a retitled operation
    leaves it (``DeleteDatabaseResponse``): each old one with the new one whose name ends in the most words alike,
    two at least, when each is the other's only best."""
    paired_new, paired_old = {n for n, _ in pairs}, {o for _, o in pairs}
    olds: dict[str, list[str]] = {}
    for name in old:
        if name not in paired_old:
            olds.setdefault(_shape(old[name], old), []).append(name)
    found: list[tuple[str, str]] = []
    news: dict[str, list[str]] = {}
    for name in new:
        if name not in paired_new:
            news.setdefault(_shape(new[name], new), []).append(name)

    def best(name: str, among: list[str]) -> str | None:
        scores = {other: _common_end(name, other) for other in among}
        top = max(scores.values(), default=0)
        winners = [other for other, score in scores.items() if score == top]
        return winners[0] if top >= 2 and len(winners) == 1 else None

    for shape, new_names in news.items():
        old_names = olds.get(shape, [])
        for old_name in old_names:
            match = best(old_name, new_names)
            if match is not None and best(match, old_names) == old_name:
                found.append((match, old_name))
    return found


def class_changes(old_source: str, new_source: str) -> ClassChanges:
    """The classes (and deprecated aliases) of ``old_source`` that ``new_source`` renamed or removed.

    One old class may become several (an older generator gave identical inline schemas one shared class; each
    place now has its own): ``renamed`` names the first, :attr:`ClassChanges.split` all of them. Several old
    classes may become one (the spec now shares one component for an object the docs repeat): each is renamed to
    it."""
    if without_aliases(old_source) == new_source:
        # the everyday case: the models did not change, only the disk's aliases are not appended yet (one parse,
        # not the pairing's): every class is itself, and the aliases are carried as after a pairing
        return _with_aliases(ClassChanges(), old_source, new_source, set(_classes(new_source)))
    old, new = _classes(old_source), _classes(new_source)
    pairs = [(name, name) for name in new if name in old]  # (new class, the old class it is), in the order found
    _follow(pairs, old, new)
    # Classes still unmatched are paired when one of each has the same shape, no other does: a top-level class
    # named after its operation follows the operation's new id (``Uid3Response`` -> ``GetAppKeyUidsUidResponse``),
    # and the classes its fields reach follow it; several of one shape are paired by the end of their names.
    while seeds := (
        _same_shapes(pairs, old, new) or _renamed_prefixes(pairs, old, new) or _shared_ends(pairs, old, new)
    ):
        pairs.extend(seeds)
        _follow(pairs, old, new, start=len(pairs) - len(seeds))
    changes = ClassChanges()
    for new_name, old_name in pairs:
        changes.split.setdefault(old_name, []).append(new_name)
    for name in old:
        targets = changes.split.get(name, [])
        if not targets:
            changes.removed.append(name)
        elif name not in targets:
            changes.renamed[name] = targets[0]
    changes.split = {name: targets for name, targets in changes.split.items() if targets != [name]}
    return _with_aliases(changes, old_source, new_source, set(new))


def _with_aliases(changes: ClassChanges, old_source: str, new_source: str, new: set[str]) -> ClassChanges:
    """``changes`` with the old module's deprecated aliases carried: an alias whose name the new module takes
    (``new``: its classes; or an alias of its own) goes; the others follow their class: renamed with it, kept
    while it stays, removed with it."""
    _, aliases = module_aliases(old_source)
    new_aliases = module_aliases(new_source)[1]
    for alias, target in aliases.items():
        if alias in new or alias in new_aliases:
            continue
        if target in changes.renamed:
            changes.renamed[alias] = changes.renamed[target]
        elif target in new:
            changes.renamed[alias] = target
        else:
            changes.removed.append(alias)
    return changes


def with_new_class_names(text: str, renamed: Mapping[str, str]) -> str:
    """An annotation or default as written (``_models.OldName | None``, ``OldEnum.ALL``) with each class of
    ``renamed`` (old name -> new) written by its new name, a bare name or a module's attribute alike, so an old and a
    new rendering compare equal where only the class's name changed (text that is no expression is as written)."""
    if not renamed:
        return text
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError:
        return text
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in renamed:
            node.id = renamed[node.id]
        elif isinstance(node, ast.Attribute) and node.attr in renamed and isinstance(node.value, ast.Name):
            node.attr = renamed[node.attr]
    return ast.unparse(tree)


def aliases_block(aliases: Mapping[str, str], release: str) -> str:
    """The lines that keep ``aliases`` (old name -> class) importable, marked as renamed in ``release``."""
    if not aliases:
        return ""
    lines = [f"{ALIAS_MARK}{release}; removed in the next major release", *(f"{a} = {t}" for a, t in aliases.items())]
    return "\n\n" + "\n".join(lines) + "\n"


def without_aliases(source: str) -> str:
    """``source`` as rendered, before :func:`aliases_block` was appended to it."""
    start = source.find("\n\n\n" + ALIAS_MARK)
    return source if start < 0 else source[:start] + "\n"
