"""Public client signatures a re-rendering changed: what a caller's code sees, whatever the spec diff says.

A newer generator can change a package's public API while every spec stays the same: the clients of apiKey
documents gained one credential keyword per security scheme on ``Client(...)``, and that went out as a patch
release. A user upgrading a patch release must never meet a new public parameter, let alone a new required one, so
the generated client modules on disk are compared with the new ones, signature by signature, read with :mod:`ast`
as :mod:`method_returns` reads return annotations: the ``Client`` and ``AsyncClient`` constructors and every public
method (a name without a leading underscore, or a dunder such as ``__enter__``), each parameter's name, kind,
whether it is required, its annotation and its default as written.

What breaks a caller (major): a public method removed or turned from a coroutine into a function (or back); a
parameter removed, become required, added as required, retyped (a union that gained members only widens it: minor),
given another default (callers that omit it get another behaviour, as the spec diff rates a changed default), made
keyword-only or positional-only; the positions of positional parameters changed. What only extends the API (minor):
a public method added; an optional parameter added where no positional caller sees it; a required parameter become
optional; a keyword-only one that may now be passed by position too. Docstrings and bodies are no API. Return
annotations are :mod:`method_returns`' to report.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass

from scraper.clients.class_renames import with_new_class_names
from scraper.clients.client_classes import CLIENT_CLASSES, client_classes
from scraper.clients.method_renames import class_aliases
from scraper.clients.union_members import union_members

__all__ = ["SignatureChange", "changed_signatures"]

#: The classes of a generated client module whose methods users call.


@dataclass(frozen=True, slots=True)
class SignatureChange:
    """One change of a public signature: the member (``constructor`` or a method name, prefixed by its class when
    only one of the two clients changed), what changed in words, whether it breaks callers, and the method's name
    in the module (``__init__`` for the constructor; what :mod:`method_operations` matches to an operation)."""

    member: str
    what: str
    breaking: bool
    method: str = ""

    def line(self) -> str:
        """The change as a changelog item's text: ``constructor: new optional keyword `bearer```."""
        return f"{self.member}: {self.what}"


@dataclass(frozen=True, slots=True)
class _Parameter:
    """One parameter as a caller sees it; ``default`` None means required."""

    name: str
    kind: str  # "positional-only", "positional", "keyword-only", "*", "**"
    annotation: str | None
    default: str | None

    @property
    def positional(self) -> bool:
        return self.kind in ("positional-only", "positional")

    @property
    def shown(self) -> str:
        """How the changelog names it: ``x``, ``*args``, ``**kwargs``."""
        prefix = self.kind if self.kind in ("*", "**") else ""
        return f"`{prefix}{self.name}`"


@dataclass(frozen=True, slots=True)
class _Method:
    coroutine: bool
    parameters: tuple[_Parameter, ...]


#: A parameter kind as the changelog says it.
_KIND_WORDS = {
    "positional-only": "positional-only",
    "positional": "positional",
    "keyword-only": "keyword",
    "*": "variadic",
    "**": "variadic keyword",
}


def _public(name: str) -> bool:
    return not name.startswith("_") or (name.startswith("__") and name.endswith("__"))


def _text(node: ast.expr | None) -> str | None:
    return None if node is None else ast.unparse(node)


def _parameters(arguments: ast.arguments) -> tuple[_Parameter, ...]:
    """The parameters of a method, ``self`` left out, in the order a caller writes them."""
    positional = [*arguments.posonlyargs, *arguments.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(arguments.defaults)) + list(arguments.defaults)
    found: list[_Parameter] = []
    for index, (arg, default) in enumerate(zip(positional, defaults, strict=True)):
        kind = "positional-only" if index < len(arguments.posonlyargs) else "positional"
        found.append(_Parameter(arg.arg, kind, _text(arg.annotation), _text(default)))
    if arguments.vararg is not None:
        found.append(_Parameter(arguments.vararg.arg, "*", _text(arguments.vararg.annotation), "()"))
    for arg, kw_default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True):
        found.append(_Parameter(arg.arg, "keyword-only", _text(arg.annotation), _text(kw_default)))
    if arguments.kwarg is not None:
        found.append(_Parameter(arguments.kwarg.arg, "**", _text(arguments.kwarg.annotation), "{}"))
    return tuple(found[1:] if found and found[0].positional else found)  # the instance (``self``)


def _methods(source: str) -> dict[str, dict[str, _Method]]:
    """Client class -> public method name -> its signature, over the module's client classes."""
    found: dict[str, dict[str, _Method]] = {}
    for node in client_classes(source):
        methods = found.setdefault(node.name, {})
        defined: dict[str, _Method] = {}
        for item in node.body:
            if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                defined[item.name] = _Method(isinstance(item, ast.AsyncFunctionDef), _parameters(item.args))
                if _public(item.name):
                    methods[item.name] = defined[item.name]
        # a renamed method's deprecated alias (``get_volume = show_volume``) is called as its target is
        for alias, target in class_aliases(node).items():
            methods.setdefault(alias, defined[target])
    return found


def _compare_parameter(old: _Parameter, new: _Parameter) -> list[tuple[str, bool]]:
    """What changed of one parameter both signatures take, as (words, breaking)."""
    found: list[tuple[str, bool]] = []
    name = old.shown
    if old.kind != new.kind:
        widened = (old.kind, new.kind) in (("keyword-only", "positional"), ("positional-only", "positional"))
        found.append((f"{name} is {new.kind} now (was {old.kind})", not widened))
    if old.default is not None and new.default is None:
        found.append((f"{name} is required now", True))
    elif old.default is None and new.default is not None:
        found.append((f"{name} is optional now (default `{new.default}`)", False))
    elif old.default != new.default:
        found.append((f"{name} default `{old.default}` -> `{new.default}` (callers that omit it get another)", True))
    if old.annotation != new.annotation:
        if _widens(old.annotation, new.annotation):  # every value a caller passed is still accepted
            found.append((f"{name} accepts more: `{old.annotation}` -> `{new.annotation}`", False))
        else:
            found.append((f"{name} annotation `{old.annotation}` -> `{new.annotation}`", True))
    return found


def _widens(old: str | None, new: str | None) -> bool:
    """Whether annotation ``new`` is ``old`` with more union members (``Mapping[str, Any]`` ->
    ``_models.Form | Mapping[str, Any]``): a parameter's type widened, which no caller's code notices. Only the
    members as written are compared (a member replaced by a wider type is still reported as a change)."""
    if old is None or new is None:
        return new is None  # an annotation dropped accepts anything
    try:
        return union_members(old) < union_members(new)
    except SyntaxError:  # text that is no expression: only an equal one would be no change
        return False


def _compare_method(old: _Method, new: _Method) -> list[tuple[str, bool]]:
    """What changed of one method both modules define, as (words, breaking)."""
    found: list[tuple[str, bool]] = []
    if old.coroutine != new.coroutine:
        found.append(("is a coroutine now" if new.coroutine else "is no coroutine now", True))
    before = {p.name: p for p in old.parameters}
    after = {p.name: p for p in new.parameters}
    old_order = [p.name for p in old.parameters if p.positional]
    new_order = [p.name for p in new.parameters if p.positional]
    if any(i >= len(new_order) or new_order[i] != name for i, name in enumerate(old_order) if name in new_order):
        found.append((f"positional order ({', '.join(old_order)}) -> ({', '.join(new_order)})", True))
    for parameter in old.parameters:
        if parameter.name not in after:
            found.append((f"parameter {parameter.shown} removed", True))
        else:
            found.extend(_compare_parameter(parameter, after[parameter.name]))
    for parameter in new.parameters:
        if parameter.name in before:
            continue
        if parameter.default is None:
            found.append((f"new required {_KIND_WORDS[parameter.kind]} parameter {parameter.shown}", True))
        else:
            # an optional positional one that moved others is the order's change above, already breaking
            found.append((f"new optional {_KIND_WORDS[parameter.kind]} parameter {parameter.shown}", False))
    return found


def _member(name: str) -> str:
    return "constructor" if name == "__init__" else f"`{name}`"


def _class_changes(old: dict[str, _Method], new: dict[str, _Method]) -> list[tuple[str, str, bool, str]]:
    """(member, words, breaking, method name) for one client class."""
    found: list[tuple[str, str, bool, str]] = []
    for name in sorted(old.keys() | new.keys()):
        if name not in new:
            found.append((_member(name), "removed", True, name))
        elif name not in old:
            found.append((_member(name), "new method", False, name))
        else:
            changed = _compare_method(old[name], new[name])
            found.extend((_member(name), words, breaking, name) for words, breaking in changed)
    return found


def _with_new_names(
    methods: dict[str, dict[str, _Method]], renamed: Mapping[str, str]
) -> dict[str, dict[str, _Method]]:
    """``methods`` with each renamed model class written by its new name in annotations and defaults."""
    if not renamed:
        return methods

    def written(text: str | None) -> str | None:
        return None if text is None else with_new_class_names(text, renamed)

    return {
        cls: {
            name: _Method(
                method.coroutine,
                tuple(_Parameter(p.name, p.kind, written(p.annotation), written(p.default)) for p in method.parameters),
            )
            for name, method in members.items()
        }
        for cls, members in methods.items()
    }


def changed_signatures(old: str, new: str, renamed: Mapping[str, str] | None = None) -> list[SignatureChange]:
    """Every change of a public signature of the client classes from ``old`` to ``new`` (module sources); a change
    both clients make is listed once, one only ``AsyncClient`` (or ``Client``) makes is prefixed with its class.
    ``renamed``: the model classes the re-rendering renamed (old name -> new, each kept as an alias), read by their
    new names in the old module, so a parameter typed by a renamed class is no retyped parameter."""
    before, after = _with_new_names(_methods(old), renamed or {}), _methods(new)
    per_class = {cls: _class_changes(before.get(cls, {}), after.get(cls, {})) for cls in CLIENT_CLASSES}
    shared = set(per_class["Client"]) & set(per_class["AsyncClient"])
    changes: list[SignatureChange] = []
    for cls in CLIENT_CLASSES:
        for member, words, breaking, method in per_class[cls]:
            if (member, words, breaking, method) in shared:
                if cls == "Client":
                    changes.append(SignatureChange(member, words, breaking, method))
                continue
            changes.append(SignatureChange(f"{cls} {member}", words, breaking, method))
    return changes
