"""``docs2client diff`` of two spec trees: what a pull request changes, one summary per service and version.

OLD and NEW are directories (``spec``, ``spec/scp/virtualserver``, a copy elsewhere) or the same at a git revision
(``git:main:spec``). Every ``*.yaml`` below them that is an OpenAPI document is paired with its counterpart by its
path relative to the root given (``scp/virtualserver/1.1``); a version on one side only is reported as added or
removed. The comparison itself is :func:`scraper.diff.compare.compare`, one pair at a time.
"""

from __future__ import annotations

import datetime as _dt
import json
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scraper.diff.compare import compare
from scraper.diff.explain import explain
from scraper.diff.model import Change, Severity
from scraper.diff.refs import RefError, parse_document
from scraper.diff.render import SEVERITY_HEADINGS, Format, markdown_items, render_text, summary
from scraper.spec_input import DocumentError, read_document_text

__all__ = ["TreeDiff", "compare_trees", "is_tree", "load_tree", "render_tree"]


@dataclass(frozen=True, slots=True)
class TreeDiff:
    """One spec (``key`` = its path below the root, without ``.yaml``) and what changed in it."""

    key: str
    status: str  # "changed", "added", "removed", "unchanged"
    changes: tuple[Change, ...] = ()


def _git(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", check=False)
    except OSError as exc:
        raise RefError(f"cannot run git: {exc}") from exc


def _split_git(ref: str) -> tuple[str, str]:
    rev, sep, path = ref[len("git:") :].partition(":")
    return (rev, path.strip("/")) if sep and rev else ("", "")


def is_tree(ref: str, *, cwd: Path) -> bool:
    """Whether OLD/NEW names a directory, or a tree at a git revision (``git:REV:spec``)."""
    if ref.startswith("git:"):
        rev, path = _split_git(ref)
        if not rev:
            return False
        kind = _git(["cat-file", "-t", f"{rev}:{path}"], cwd)
        return kind.returncode == 0 and kind.stdout.strip() == "tree"
    local = Path(ref) if Path(ref).is_absolute() else cwd / ref
    return local.is_dir()


def load_tree(ref: str, *, argument: str, cwd: Path) -> dict[str, dict[str, Any]]:
    """``{relative key: document}`` of every OpenAPI YAML below a directory or git tree (other YAML is skipped)."""
    texts: dict[str, str] = {}
    if ref.startswith("git:"):
        rev, root = _split_git(ref)
        listed = _git(["ls-tree", "-r", "--name-only", f"{rev}:{root}" if root else f"{rev}:"], cwd)
        if listed.returncode != 0:
            raise RefError(f"{argument}: {ref!r}: git ls-tree failed: {listed.stderr.strip() or listed.returncode}")
        for name in sorted(n for n in listed.stdout.splitlines() if n.endswith(".yaml")):
            shown = _git(["show", f"{rev}:{root}/{name}" if root else f"{rev}:{name}"], cwd)
            if shown.returncode != 0:
                raise RefError(f"{argument}: {ref!r}: git show of {name} failed: {shown.stderr.strip()}")
            texts[name] = shown.stdout
    else:
        base = Path(ref) if Path(ref).is_absolute() else cwd / ref
        for path in sorted(base.rglob("*.yaml")):
            try:
                texts[path.relative_to(base).as_posix()] = read_document_text(path)  # size cap, located errors
            except DocumentError as exc:
                raise RefError(f"{argument}: {exc}") from None
    documents = {}
    for name, text in texts.items():
        if "openapi:" not in text:
            continue  # not a spec (e.g. a config file beside the specs)
        documents[name[: -len(".yaml")]] = parse_document(text, source=f"{ref}/{name}", argument=argument)
    return documents


def compare_trees(
    old: dict[str, dict[str, Any]],
    new: dict[str, dict[str, Any]],
    *,
    docs: bool,
    today: _dt.date | None = None,
    severities: Mapping[str, Severity] | None = None,
) -> list[TreeDiff]:
    """Each spec of either tree against its counterpart (``compare`` with the same options as for two files)."""
    out = []
    for key in sorted(old.keys() | new.keys()):
        if key not in new:
            out.append(TreeDiff(key, "removed"))
        elif key not in old:
            out.append(TreeDiff(key, "added"))
        else:
            parent, _, version = key.rpartition("/")
            siblings = {k.rpartition("/")[2]: doc for k, doc in new.items() if k.rpartition("/")[0] == parent}
            found = compare(old[key], new[key], docs=docs, today=today, severities=severities)
            changes = tuple(explain(found, version=version, siblings=siblings))
            out.append(TreeDiff(key, "changed" if changes else "unchanged", changes))
    return out


def _counts(diff: TreeDiff) -> str:
    if diff.status in ("added", "removed"):
        return f"version {diff.status}"
    if not diff.changes:
        return "no changes"
    return ", ".join(f"{n} {severity}" for severity, n in summary(diff.changes).items() if n)


def render_tree(diffs: Sequence[TreeDiff], fmt: Format, *, old_label: str, new_label: str) -> str:
    """One summary line per service and version, then the changes of each changed one."""
    if fmt == "json":
        payload = {
            "old": old_label,
            "new": new_label,
            "specs": [
                {
                    "spec": d.key,
                    "status": d.status,
                    "summary": summary(d.changes),
                    "changes": [c.as_dict() for c in d.changes],
                }
                for d in diffs
            ],
        }
        return json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n"
    changed = [d for d in diffs if d.status != "unchanged"]
    if fmt == "markdown":
        lines = [f"## Spec changes: `{old_label}` → `{new_label}`", ""]
        if not changed:
            return "\n".join([*lines, f"No changes in {len(diffs)} specs."]) + "\n"
        lines += ["| spec | summary |", "|---|---|"]
        lines += [f"| `{d.key}` | {_counts(d)} |" for d in changed]
        lines.append(f"\n{len(diffs) - len(changed)} of {len(diffs)} specs unchanged.")
        for diff in (d for d in changed if d.changes):
            lines += ["", f"### `{diff.key}`"]
            for severity, heading in SEVERITY_HEADINGS.items():
                group = [c for c in diff.changes if c.severity == severity]
                if group:
                    lines += ["", f"#### {heading}", ""]
                    lines += markdown_items(group)
        return "\n".join(lines) + "\n"
    lines = [f"{old_label} -> {new_label}: {len(changed)} of {len(diffs)} specs changed"]
    lines += [f"  {d.key}: {_counts(d)}" for d in changed]
    for diff in (d for d in changed if d.changes):
        lines += ["", render_text(diff.changes, old_label=f"{diff.key} (old)", new_label="new").rstrip()]
    return "\n".join(lines) + "\n"
