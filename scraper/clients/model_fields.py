"""Model fields a re-rendering changed: what a user's code reads or sets, whatever the spec diff says.

A newer generator can change the fields of a model class while the spec stays the same: a discriminated union in a
list became its members (``list[ToolUnionWrapper]`` -> ``list[Annotated[TextTool | ImageTool, ...]]``), a field's
type gained ``None``, a field left a class. Renamed classes (:mod:`class_renames`) and changed method signatures
(:mod:`method_signatures`) were caught, these were not, and went out as a patch release. Here each class of the
models module on disk is compared with the class the new rendering pairs it with (:class:`ClassChanges`), field by
field, read with :mod:`ast`: the name, the annotation (class names compared through the pairing, so a renamed class
is no retyped field), required or optional and the default, and the alias (the wire name).

Which release a change makes depends on which way the model travels, read from the client module: a class a public
method returns (or that such a class's fields reach) is a response model, one a method takes is a request model; a
class neither reaches (or no client module) is taken as both, the stricter reading. What breaks a caller (major): a
field removed, retyped, narrowed, given another alias or default; a response field widened (``int`` -> ``int |
None``: a reader meets a value it did not handle) or become optional; a new required field or a field become
required of a request model. What only extends it (minor): a new optional field; a request field widened or become
optional; a response field become required or new and required.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from scraper.clients.class_renames import ClassChanges, with_new_class_names
from scraper.clients.client_classes import client_classes
from scraper.clients.method_operations import method_operations
from scraper.clients.union_members import union_members

__all__ = ["FieldChange", "ModelRoles", "changed_fields", "model_roles"]

#: A model class as the client module names it.
_MODEL_NAME = re.compile(r"\b_models\.([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One change of a model field: the class (its new name), the field, what changed in words and whether it
    breaks users (a major release; else minor)."""

    model: str
    field: str
    what: str
    breaking: bool

    def line(self) -> str:
        """The change as a changelog item's text: ```Tool.kind`: annotation `str` -> `int```."""
        return f"`{self.model}.{self.field}`: {self.what}"


@dataclass(frozen=True, slots=True)
class _Field:
    """One field as a user sees it; ``default`` None means required."""

    annotation: str
    node: ast.expr
    default: str | None
    alias: str | None


@dataclass(frozen=True, slots=True)
class ModelRoles:
    """Per class of a models module (new names): the ways it travels (``request``, ``response``) and the operations
    (:func:`method_operations` keys) whose methods reach it."""

    roles: Mapping[str, frozenset[str]]
    operations: Mapping[str, frozenset[str]]

    def of(self, model: str) -> frozenset[str]:
        """``model``'s roles; both when no method reaches it (the stricter reading)."""
        return self.roles.get(model) or frozenset({"request", "response"})


def _classes(source: str) -> dict[str, ast.ClassDef]:
    return {node.name: node for node in ast.parse(source).body if isinstance(node, ast.ClassDef)}


def _mentioned(node: ast.AST, classes: Mapping[str, ast.ClassDef]) -> list[str]:
    found = [(n.lineno, n.col_offset, n.id) for n in ast.walk(node) if isinstance(n, ast.Name) and n.id in classes]
    return [name for _, _, name in sorted(found)]


def _blank(node: ast.expr, classes: Mapping[str, ast.ClassDef]) -> str:
    class _Blank(ast.NodeTransformer):
        def visit_Name(self, name: ast.Name) -> ast.AST:
            return ast.Name("_", name.ctx) if name.id in classes else name

    return ast.dump(_Blank().visit(ast.parse(ast.unparse(node), mode="eval")))


def _default_and_alias(value: ast.expr | None) -> tuple[str | None, str | None]:
    """A field's default as written (None: required) and its alias, from what the annotation is assigned."""
    if value is None:
        return None, None
    if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "Field"):
        return (None if isinstance(value, ast.Constant) and value.value is Ellipsis else ast.unparse(value)), None
    keywords = {k.arg: k.value for k in value.keywords if k.arg is not None}
    default_node = value.args[0] if value.args else keywords.get("default")
    if default_node is None and "default_factory" in keywords:
        default: str | None = f"{ast.unparse(keywords['default_factory'])}()"
    elif default_node is None or (isinstance(default_node, ast.Constant) and default_node.value is Ellipsis):
        default = None
    else:
        default = ast.unparse(default_node)
    alias_node = keywords.get("alias") or keywords.get("validation_alias")
    return default, None if alias_node is None else ast.unparse(alias_node)


def _fields(name: str, classes: Mapping[str, ast.ClassDef], seen: frozenset[str] = frozenset()) -> dict[str, _Field]:
    """The fields of class ``name``, its bases' in the module first (a field moved to a base is no change)."""
    node = classes[name]
    found: dict[str, _Field] = {}
    for base in node.bases:
        if isinstance(base, ast.Name) and base.id in classes and base.id not in seen:
            found.update(_fields(base.id, classes, seen | {name}))
    for stmt in node.body:
        if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
            if ast.unparse(stmt.annotation).startswith("ClassVar"):
                continue
            default, alias = _default_and_alias(stmt.value)
            found[stmt.target.id] = _Field(ast.unparse(stmt.annotation), stmt.annotation, default, alias)
    return found


def model_roles(client_source: str | None, models_source: str) -> ModelRoles:
    """Which way each class of ``models_source`` travels, from the public methods of ``client_source`` (a
    parameter's annotation: request; a return annotation: response) and the classes their fields reach."""
    classes = _classes(models_source)
    roles: dict[str, set[str]] = {}
    operations: dict[str, set[str]] = {}
    if client_source is not None:
        by_method = method_operations(client_source)
        for node in client_classes(client_source):
            for item in node.body:
                if not isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) or item.name.startswith("_"):
                    continue
                arguments = [*item.args.posonlyargs, *item.args.args, *item.args.kwonlyargs]
                sides = [("request", a.annotation) for a in arguments] + [("response", item.returns)]
                for role, annotation in sides:
                    if annotation is None:
                        continue
                    for model in _MODEL_NAME.findall(ast.unparse(annotation)):
                        _reach(model, role, by_method.get(item.name), classes, roles, operations)
    return ModelRoles({k: frozenset(v) for k, v in roles.items()}, {k: frozenset(v) for k, v in operations.items()})


def _reach(
    start: str,
    role: str,
    operation: str | None,
    classes: Mapping[str, ast.ClassDef],
    roles: dict[str, set[str]],
    operations: dict[str, set[str]],
) -> None:
    """Mark ``start`` and every class its fields and bases reach as travelling ``role`` for ``operation``."""
    stack = [start]
    while stack:
        name = stack.pop()
        if name not in classes:
            continue
        known = roles.setdefault(name, set())
        ops = operations.setdefault(name, set())
        if role in known and (operation is None or operation in ops):
            continue
        known.add(role)
        if operation is not None:
            ops.add(operation)
        stack.extend(_mentioned(classes[name], classes))


def _targets(changes: ClassChanges, name: str, new: Mapping[str, ast.ClassDef]) -> list[str]:
    """The new classes old class ``name`` is (none when it was removed)."""
    if name in changes.split:
        return changes.split[name]
    return [name] if name in new else []


def _same_annotation(old: _Field, new: _Field, changes: ClassChanges, sides: _Sides) -> bool:
    """Whether the two annotations are one type once the classes are paired (``list[Volume9]`` is
    ``list[ServerVolumesItem]`` when the re-rendering renamed that class)."""
    if old.annotation == new.annotation:  # a name that now means another class is a rename, reported as such
        return True
    before, after = _mentioned(old.node, sides.old), _mentioned(new.node, sides.new)
    if len(before) != len(after) or _blank(old.node, sides.old) != _blank(new.node, sides.new):
        return False
    return all(b in _targets(changes, a, sides.new) for a, b in zip(before, after, strict=True))


def _renamed_text(annotation: str, changes: ClassChanges) -> str:
    """``annotation`` with each renamed class written by its new name (to compare union members)."""
    tree = ast.parse(annotation, mode="eval")
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in changes.renamed:
            node.id = changes.renamed[node.id]
    return ast.unparse(tree)


def _widened(old: _Field, new: _Field, changes: ClassChanges) -> bool:
    """Whether the new annotation is the old one with more union members (``int`` -> ``int | None``)."""
    try:
        return union_members(_renamed_text(old.annotation, changes)) < union_members(new.annotation)
    except SyntaxError:
        return False


@dataclass(frozen=True, slots=True)
class _Sides:
    """The classes of the old and the new models module."""

    old: Mapping[str, ast.ClassDef]
    new: Mapping[str, ast.ClassDef]


def _compare(
    old: _Field, new: _Field, roles: frozenset[str], changes: ClassChanges, sides: _Sides
) -> list[tuple[str, bool]]:
    """What changed of one field both classes declare, as (words, breaking)."""
    found: list[tuple[str, bool]] = []
    response, request = "response" in roles, "request" in roles
    if not _same_annotation(old, new, changes, sides):
        if _widened(old, new, changes):
            found.append((f"accepts more: `{old.annotation}` -> `{new.annotation}`", response))
        else:
            found.append((f"annotation `{old.annotation}` -> `{new.annotation}`", True))
    if old.default is not None and new.default is None:
        found.append(("is required now", request))
    elif old.default is None and new.default is not None:
        found.append((f"is optional now (default `{new.default}`)", response))
    elif old.default is not None and with_new_class_names(old.default, changes.renamed) != new.default:
        found.append((f"default `{old.default}` -> `{new.default}`", True))
    if old.alias != new.alias:
        found.append((f"alias `{old.alias}` -> `{new.alias}` (its name in JSON)", True))
    return found


def _segments(source: str, classes: Mapping[str, ast.ClassDef]) -> dict[str, str]:
    """Each class's source text (comparing texts first skips the classes a re-rendering left as they were)."""
    lines = source.splitlines()
    return {name: "\n".join(lines[node.lineno - 1 : node.end_lineno]) for name, node in classes.items()}


def _unchanged(name: str, sides: _Sides, texts: tuple[dict[str, str], dict[str, str]]) -> bool:
    """Whether class ``name`` and the module's bases it inherits from read the same in both modules."""
    seen: set[str] = set()
    stack = [name]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        if current not in sides.old or texts[0].get(current) != texts[1].get(current):
            return False
        stack.extend(b.id for b in sides.new[current].bases if isinstance(b, ast.Name) and b.id in sides.new)
    return True


def _enum_members(node: ast.ClassDef) -> dict[str, str] | None:
    """An enum class's members (name -> value as written), or None when ``node`` is no enum (no base named
    ``...Enum``): a user writes ``Kind.VM``, so a member is public API as a field is."""
    bases = [ast.unparse(base) for base in node.bases]
    if not any(base.rsplit(".", 1)[-1].endswith("Enum") for base in bases):
        return None
    return {
        stmt.targets[0].id: ast.unparse(stmt.value)
        for stmt in node.body
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name)
    }


def _member_changes(name: str, old: ast.ClassDef, new: ast.ClassDef) -> list[FieldChange]:
    """An enum's members removed (code naming them breaks) or added (an extension), by name."""
    before, after = _enum_members(old), _enum_members(new)
    if before is None or after is None:
        return []
    removed = [FieldChange(name, member, "enum member removed", True) for member in before if member not in after]
    added = [FieldChange(name, member, "new enum member", False) for member in after if member not in before]
    return removed + added


def changed_fields(
    old_source: str, new_source: str, changes: ClassChanges, read_roles: Callable[[], ModelRoles]
) -> list[FieldChange]:
    """Every change of a field of a class both models modules have (through ``changes``' pairing), in the new
    module's class order; ``read_roles``: which way each new class travels (:func:`model_roles`), called only when
    a class changed (reading the client module costs as much as comparing the models)."""
    sides = _Sides(_classes(old_source), _classes(new_source))
    texts = (_segments(old_source, sides.old), _segments(new_source, sides.new))
    olds: dict[str, list[str]] = {}
    for name in sides.old:
        for target in _targets(changes, name, sides.new):
            olds.setdefault(target, []).append(name)
    found: list[FieldChange] = []
    roles: ModelRoles | None = None
    for new_name in sides.new:
        for old_name in sorted(olds.get(new_name, [])):
            if old_name == new_name and _unchanged(new_name, sides, texts):
                continue
            found.extend(_member_changes(new_name, sides.old[old_name], sides.new[new_name]))
            before, after = _fields(old_name, sides.old), _fields(new_name, sides.new)
            roles = roles or read_roles()
            travels = roles.of(new_name)
            for field, field_old in before.items():
                if field not in after:
                    found.append(FieldChange(new_name, field, "removed", True))
                    continue
                for words, breaking in _compare(field_old, after[field], travels, changes, sides):
                    found.append(FieldChange(new_name, field, words, breaking))
            for field, field_new in after.items():
                if field in before:
                    continue
                if field_new.default is None:
                    found.append(FieldChange(new_name, field, "new required field", "request" in travels))
                else:
                    found.append(FieldChange(new_name, field, "new optional field", False))
    return list(dict.fromkeys(found))
