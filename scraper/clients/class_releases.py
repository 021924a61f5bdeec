"""The release that renamed or removed model classes, or methods returning another type, make, listed.

A user imports a package's model classes by name, so a class the new rendering no longer defines breaks their code
whatever caused it: the docs (a schema removed, a component taking an inline schema's name) or a newer generator
(inline classes named by their place instead of numbered). The spec diff cannot see the second kind, and a
code-only regeneration used to be a patch release. Here the models on disk are compared with the new ones
(:mod:`class_renames`): every renamed class keeps its old name as a deprecated alias in the models module until the
next major release (an alias is written only where its name is free), so a renamed class whose alias is written
only adds a name, a minor release at least, as a method renamed with an alias (:mod:`method_renames`); a removed
class, or one renamed where the new module binds its old name, makes the release major (unless it is already). The
changelog entry lists them per API version. A public client method whose
return annotation changed (:mod:`method_returns`: a root model's value returned instead of the model, or a
response the docs retyped) breaks its callers too: a major release, the methods listed per API version. So does any
public signature of the clients a re-rendering changed incompatibly (:mod:`method_signatures`: a method or parameter
removed, a parameter become required, retyped or moved); one it only extended (a new optional keyword, a new method)
is a minor release at least, never a patch: a user upgrading a patch release never meets a new parameter.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from scraper.clients.class_renames import (
    ClassChanges,
    aliases_block,
    class_changes,
    module_aliases,
    without_aliases,
)
from scraper.clients.method_operations import api_version, method_operations
from scraper.clients.method_renames import ALIAS_MARK, method_aliases, renamed_methods, with_method_aliases
from scraper.clients.method_returns import changed_returns
from scraper.clients.method_signatures import SignatureChange, changed_signatures
from scraper.clients.model_fields import FieldChange, ModelRoles, changed_fields, model_roles

if TYPE_CHECKING:
    from scraper.diff.change_scope import ChangeScope

__all__ = ["class_release"]


def _major(version: str) -> int:
    match = re.match(r"(\d+)\.", version)
    return int(match.group(1)) if match else 0


def _major_minor(version: str) -> tuple[int, int]:
    match = re.match(r"(\d+)\.(\d+)\.", version)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def _bound_names(source: str) -> set[str]:
    """The names a module's top level binds (classes, imports, assignments): an alias may take none of them."""
    names: set[str] = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.ImportFrom | ast.Import):
            names.update((a.asname or a.name).split(".")[0] for a in node.names)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def _differing(out: Path, tree: dict[str, bytes], name: str) -> Iterator[tuple[str, str, str]]:
    """(path, text on disk, new text) of each module of ``tree`` named ``name`` whose file on disk reads and differs
    (a new module, or one the user broke, has nothing readable to compare with)."""
    for rel in sorted(r for r in tree if r.endswith(f"/{name}")):
        try:
            old = (out / rel).read_text(encoding="utf-8")
            new = tree[rel].decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if old != new:
            yield rel, old, new


def _compared(
    out: Path, tree: dict[str, bytes], explained: Mapping[str, ChangeScope]
) -> tuple[dict[str, tuple[ClassChanges, str | None, dict[str, str]]], _FieldChanges]:
    """Per models module of ``tree`` whose file on disk differs: its class changes, and the disk's aliases with the
    release that introduced them; and the changes of the fields of the classes both renderings have."""
    found: dict[str, tuple[ClassChanges, str | None, dict[str, str]]] = {}
    fields = _FieldChanges({}, {})
    for rel, old, new in _differing(out, tree, "models.py"):
        if without_aliases(old) == new:
            # only the disk's aliases differ (appended below): every class and each of its fields is as it was
            found[rel] = (class_changes(old, new), *module_aliases(old))
            continue
        try:
            changes = class_changes(old, new)
            client = _client_source(out, tree, rel.removesuffix("models.py") + "client.py")
            read_roles = cache(partial(model_roles, client, new))  # read only when a class changed, then once
            changed = changed_fields(old, new, changes, read_roles)
        except (SyntaxError, ValueError):
            continue  # a module the user broke: nothing to compare with
        release, aliases = module_aliases(old)
        found[rel] = (changes, release, aliases)
        if changed:
            fields.changed[rel] = changed
            scope = explained.get((api_version(client) if client else None) or "")
            if listed := [c for c in changed if not _field_explained(c, read_roles(), scope)]:
                fields.unexplained[rel] = listed
    return found, fields


@dataclass(frozen=True, slots=True)
class _FieldChanges:
    """Per models module: its changed model fields (all count for the release), and those the changelog lists."""

    changed: dict[str, list[FieldChange]]
    unexplained: dict[str, list[FieldChange]]


def _client_source(out: Path, tree: dict[str, bytes], rel: str) -> str | None:
    """The new client module beside a models module (the one on disk when this rendering writes none)."""
    try:
        return tree[rel].decode("utf-8") if rel in tree else (out / rel).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _field_explained(change: FieldChange, roles: ModelRoles, scope: ChangeScope | None) -> bool:
    """Whether the spec diff's entry lists the change already: it made a release no lower than the field's and
    touched an operation whose methods reach the class (a field the generator alone changed is listed)."""
    if scope is None or scope.bump not in ("minor", "major") or (change.breaking and scope.bump != "major"):
        return False
    return bool(roles.operations.get(change.model, frozenset()) & (scope.operations | scope.responses))


#: Per client module: its public methods returning another type, ``{method: (old type, new type)}``.
_Returns = dict[str, dict[str, tuple[str, str]]]


@dataclass(frozen=True, slots=True)
class _ClientChanges:
    """What the re-rendering changed in the client modules: all of it counts for the release; the ``unexplained``
    parts are what the changelog lists besides the spec diff's entry."""

    returns: _Returns
    signatures: dict[str, list[SignatureChange]]
    unexplained_returns: _Returns
    unexplained_signatures: dict[str, list[SignatureChange]]


def _changed_clients(
    out: Path,
    tree: dict[str, bytes],
    explained: Mapping[str, ChangeScope],
    renamed_classes: Mapping[str, Mapping[str, str]],
) -> _ClientChanges:
    """Per client module of ``tree`` whose file on disk differs: its public methods returning another type, its
    changed public signatures, and those of each the spec diff does not explain (``explained``: what each API
    version's listed spec changes reach; one read of each module, the rules share its parse, ``client_classes``).
    ``renamed_classes``: per models module, its classes the re-rendering renamed, which keep their old names as
    aliases: a method typed by one is not retyped."""
    found = _ClientChanges({}, {}, {}, {})
    for rel, old, new in _differing(out, tree, "client.py"):
        renamed = renamed_classes.get(rel.removesuffix("client.py") + "models.py", {})
        try:
            changed, extended = changed_returns(old, new, renamed), changed_signatures(old, new, renamed)
        except (SyntaxError, ValueError):
            continue  # a module the user broke: nothing to compare with
        scope = explained.get(api_version(new) or api_version(old) or "") if explained else None
        if changed:
            found.returns[rel] = changed
            if listed_returns := _unexplained_returns(changed, old, new, scope):
                found.unexplained_returns[rel] = listed_returns
        if extended:
            found.signatures[rel] = extended
            if listed := _unexplained(extended, old, new, scope):
                found.unexplained_signatures[rel] = listed
    return found


def _unexplained_returns(
    changed: dict[str, tuple[str, str]], old: str, new: str, scope: ChangeScope | None
) -> dict[str, tuple[str, str]]:
    """``changed`` (one client module's methods returning another type) but those whose operation's responses the
    spec diff's entry lists changes of, in a major release (a method returning another type breaks its callers: a
    lesser release means the return type, not the spec, decided it, and the entry must say so)."""
    if scope is None or scope.bump != "major":
        return changed
    before, after = method_operations(old), method_operations(new)
    return {
        method: types
        for method, types in changed.items()
        if not ({before.get(method), after.get(method)} - {None}) & scope.responses
    }


def _unexplained(
    changes: list[SignatureChange], old: str, new: str, scope: ChangeScope | None
) -> list[SignatureChange]:
    """``changes`` (one client module's) but those the spec diff's entry already lists: a method's change where
    the diff lists a change of its operation's request (or of its addition or removal), a constructor's where it
    lists one of servers, security or the version header. Only a change that makes no greater release than the
    spec's is left out (a breaking one only from a major release), so the entry still says what decided it."""
    if scope is None:
        return changes
    before, after = method_operations(old), method_operations(new)

    def listed(change: SignatureChange) -> bool:
        if scope.bump not in ("minor", "major") or (change.breaking and scope.bump != "major"):
            return False
        if change.method == "__init__":
            return scope.constructor
        operations = {before.get(change.method), after.get(change.method)} - {None}
        return bool(operations & scope.operations)

    return [change for change in changes if not listed(change)]


def class_release(
    out: Path,
    tree: dict[str, bytes],
    released: str,
    version: str,
    changelog: str | None,
    explained: Mapping[str, ChangeScope] | None = None,
) -> tuple[str, str | None]:
    """The package ``version`` and ``changelog`` once the models' renamed and removed classes count; ``tree``'s
    models modules get their deprecated aliases (carried from disk within one major release, or new).
    ``explained``: what the spec changes the changelog's entry lists reach, by API version
    (:mod:`scraper.diff.change_scope`); the client signature changes they explain count for the release but are not
    listed again."""
    from scraper.diff.changelog import bump_version, update_changelog

    compared, fields = _compared(out, tree, explained or {})
    renamed = _alias_renamed_methods(out, tree, version)
    listed_classes = {
        rel: changes
        for rel, (changes, _, aliases) in compared.items()
        if changes.removed or set(changes.renamed) - set(aliases)
    }
    # the names each new models module binds (one parse each): an alias may take none of them
    bound = {rel: _bound_names(tree[rel].decode("utf-8")) for rel in compared}
    # a class removed, or renamed where its old name cannot stay as an alias (the new module binds it), breaks an
    # import; a class renamed with its alias written only adds a name, as a method renamed with an alias does
    breaking = {
        rel: changes
        for rel, changes in listed_classes.items()
        if changes.removed or (set(changes.renamed) - set(compared[rel][2])) & bound[rel]
    }
    aliased = {
        rel: {old: new for old, new in changes.renamed.items() if old not in bound[rel]}
        for rel, (changes, _, _) in compared.items()
    }
    clients = _changed_clients(out, tree, explained or {}, aliased)
    returns, signatures, unexplained = clients.returns, clients.signatures, clients.unexplained_signatures
    signatures_break = any(change.breaking for changes in signatures.values() for change in changes)
    fields_break = any(change.breaking for changes in fields.changed.values() for change in changes)
    new_version = version
    if (breaking or returns or signatures_break or fields_break) and _major(version) <= _major(released):
        new_version = bump_version(released, "major")
    elif (signatures or fields.changed or listed_classes) and _major_minor(version) <= _major_minor(released):
        # a patch at most
        new_version = bump_version(released, "minor")
    if new_version != version:
        _mark_method_aliases(tree, renamed, version, new_version)
    for rel, (changes, release, aliases) in compared.items():
        source = tree[rel].decode("utf-8")
        free = bound[rel]
        if breaking:
            kept = {old: new for old, new in changes.renamed.items() if old not in aliases and old not in free}
            block = aliases_block(kept, new_version)
        else:  # the aliases of the current major release stay until the next one, beside this release's new ones
            same_major = release is not None and _major(release) == _major(new_version)
            kept = {
                old: new
                for old, new in changes.renamed.items()
                if old not in free and (old not in aliases or same_major)
            }
            block = aliases_block(kept, release if same_major and release is not None else new_version)
        if block:
            tree[rel] = (source.rstrip("\n") + "\n" + block).encode("utf-8")
    listed = clients.unexplained_returns or unexplained or fields.unexplained or renamed or listed_classes
    if not breaking and not listed and new_version == version:
        return version, changelog
    parts = (
        _section(listed_classes, compared, bool(breaking)),
        _fields_section(fields.unexplained),
        _returns_section(clients.unexplained_returns),
        _signatures_section(unexplained),
        _renamed_methods_section(renamed),
    )
    section = "\n".join(part for part in parts if part)
    if version == released:
        signature_words = "client signatures changed" if signatures_break else "client signatures were extended"
        what = " and ".join(
            words
            for words, found in (
                ("model classes were renamed", listed_classes),
                ("model fields changed" if fields_break else "model fields were extended", fields.changed),
                ("methods return other types", returns),
                (signature_words, signatures),
                ("methods were renamed", renamed),
            )
            if found
        )
        note = f"Regenerated by a newer docs2client: {what}, the API did not change."
        changelog = update_changelog(changelog, f"## {new_version}\n\n{note}\n\n{section}")
    else:
        changelog = _amended(changelog or "", version, new_version, section)
    pyproject = tree.get("pyproject.toml")
    if pyproject is not None and new_version != version:
        text = pyproject.decode("utf-8").replace(f'version = "{version}"', f'version = "{new_version}"', 1)
        tree["pyproject.toml"] = text.encode("utf-8")
    return new_version, changelog


def _alias_renamed_methods(out: Path, tree: dict[str, bytes], version: str) -> dict[str, dict[str, str]]:
    """Per client module of ``tree`` whose file on disk differs: the methods this rendering renamed (old -> new,
    :mod:`method_renames`). Each gets its old names as deprecated aliases in ``tree`` (marked with ``version``),
    with the aliases of the disk's module carried while in the same major release (one whose method was renamed
    again follows it)."""
    found: dict[str, dict[str, str]] = {}
    for rel, old, new in _differing(out, tree, "client.py"):
        try:
            renames = renamed_methods(old, new)
            release, carried = method_aliases(old)
        except (SyntaxError, ValueError):
            continue  # a module the user broke: nothing to compare with
        aliases: dict[str, str] = {}
        if release is not None and _major(release) == _major(version):
            # a target the new module no longer defines is left out by with_method_aliases, as a taken name is
            aliases.update((alias, renames.get(target, target)) for alias, target in carried.items())
        aliases.update(renames)
        if not aliases:
            continue
        text = with_method_aliases(new, aliases, release if carried and release is not None else version)
        tree[rel] = text.encode("utf-8")
        if renames:
            found[rel] = renames
    return found


def _mark_method_aliases(
    tree: dict[str, bytes], renamed: Mapping[str, dict[str, str]], version: str, new_version: str
) -> None:
    """The aliases :func:`_alias_renamed_methods` marked with the release the docs decided name the one the release
    rules made it."""
    for rel in renamed:
        text = tree[rel].decode("utf-8")
        old_mark, new_mark = f"{ALIAS_MARK}{version};", f"{ALIAS_MARK}{new_version};"
        tree[rel] = text.replace(old_mark, new_mark).encode("utf-8")


def _renamed_methods_section(renamed: Mapping[str, dict[str, str]]) -> str:
    """The changelog's list of renamed client methods, per API version module ("" when none)."""
    if not renamed:
        return ""
    lines = ["### Methods renamed", ""]
    lines.append("The old names stay callable as deprecated aliases until the next major release.")
    lines.append("")
    for rel, renames in renamed.items():
        module = rel.rsplit("/", 2)[-2]
        pairs = ", ".join(f"`{old}` -> `{new}`" for old, new in renames.items())
        lines.append(f"- `{module}`: {pairs}")
    return "\n".join(lines) + "\n"


def _section(
    listed: dict[str, ClassChanges],
    compared: dict[str, tuple[ClassChanges, str | None, dict[str, str]]],
    major: bool,
) -> str:
    """The changelog's list of renamed and removed classes, per API version module ("" when none); ``major``: the
    release drops the deprecated aliases of the last one (a minor one keeps them)."""
    if not listed:
        return ""
    lines = ["### Model classes renamed or removed", ""]
    lines.append("The old names of renamed classes stay importable as deprecated aliases until the next major release.")
    lines.append("")
    for rel, changes in listed.items():
        aliases = compared[rel][2]
        module = rel.rsplit("/", 2)[-2]
        renamed = [f"`{old}` -> `{new}`" for old, new in changes.renamed.items() if old not in aliases]
        if renamed:
            lines.append(f"- `{module}`: renamed {', '.join(renamed)}")
        if changes.removed:
            lines.append(f"- `{module}`: removed {', '.join(f'`{name}`' for name in changes.removed)}")
        dropped = [f"`{old}`" for old in changes.renamed if old in aliases]
        if dropped and major:
            lines.append(f"- `{module}`: deprecated aliases removed {', '.join(dropped)}")
    return "\n".join(lines) + "\n"


def _fields_section(fields: dict[str, list[FieldChange]]) -> str:
    """The changelog's list of changed model fields, per API version module ("" when none)."""
    if not fields:
        return ""
    lines = ["### Model fields changed", ""]
    for rel, changes in fields.items():
        module = rel.rsplit("/", 2)[-2]
        lines.extend(f"- `{module}`: {c.line()}{' (breaking)' if c.breaking else ''}" for c in changes)
    return "\n".join(lines) + "\n"


def _returns_section(returns: dict[str, dict[str, tuple[str, str]]]) -> str:
    """The changelog's list of methods returning another type, per API version module ("" when none)."""
    if not returns:
        return ""
    lines = ["### Methods returning another type", ""]
    for rel, changed in returns.items():
        module = rel.rsplit("/", 2)[-2]
        lines.extend(f"- `{module}`: `{name}` returns `{new}` (was `{old}`)" for name, (old, new) in changed.items())
    return "\n".join(lines) + "\n"


def _signatures_section(signatures: dict[str, list[SignatureChange]]) -> str:
    """The changelog's list of changed client signatures, per API version module ("" when none)."""
    if not signatures:
        return ""
    lines = ["### Client signatures changed", ""]
    for rel, changes in signatures.items():
        module = rel.rsplit("/", 2)[-2]
        lines.extend(f"- `{module}`: {c.line()}{' (breaking)' if c.breaking else ''}" for c in changes)
    return "\n".join(lines) + "\n"


def _amended(changelog: str, version: str, new_version: str, section: str) -> str:
    """``changelog`` with its ``## version`` entry renamed ``## new_version`` and ``section`` added to it."""
    heading = f"## {version}\n"
    start = changelog.find(heading)
    if start < 0:
        from scraper.diff.changelog import update_changelog

        return update_changelog(changelog, f"## {new_version}\n\n{section}")
    end = changelog.find("\n## ", start + len(heading))
    end = len(changelog) if end < 0 else end + 1
    entry = changelog[start:end].rstrip("\n").replace(heading, f"## {new_version}\n", 1)
    return changelog[:start] + entry + "\n\n" + section + ("\n" if end < len(changelog) else "") + changelog[end:]
