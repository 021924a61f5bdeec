"""Turning the OLD/NEW arguments of ``docs2client diff`` into OpenAPI documents.

Three spellings, tried in this order:

- ``git:<rev>:<path>``: the file as committed at ``<rev>`` (``git show <rev>:<path>``, run in ``cwd``);
- a path to an existing YAML or JSON file;
- ``<provider>/<service>@<version>``: ``<spec_dir>/<provider>/<service>/<version>.yaml``.

Every failure raises :class:`RefError` naming the argument (``OLD``/``NEW``), what was given and what was expected,
which the command turns into exit status 2.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import yaml

from scraper.spec_input import DocumentError, check_openapi_shape, check_tree

__all__ = ["RefError", "load_document", "parse_document"]

_SPEC_REF = re.compile(r"^(?P<provider>[A-Za-z0-9_.-]+)/(?P<service>[A-Za-z0-9_.-]+)@(?P<version>[A-Za-z0-9_.-]+)$")

try:  # the C loader is several times faster on large specs
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Loader = yaml.SafeLoader


class RefError(Exception):
    """An OLD/NEW argument could not be resolved or parsed; the message names the argument."""


def parse_document(text: str, *, source: str, argument: str) -> dict[str, Any]:
    """Parse YAML/JSON text and check that it is an OpenAPI 3.x document."""
    try:
        data = yaml.load(text, Loader=_Loader)  # a safe loader (CSafeLoader or SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise RefError(f"{argument}: {source}:{where}: not valid YAML/JSON: {problem}") from exc
    except RecursionError:
        raise RefError(f"{argument}: {source}: nested too deeply to parse") from None
    try:
        check_tree(data, source)
        if isinstance(data, dict):
            check_openapi_shape(data, source)
    except DocumentError as exc:
        raise RefError(f"{argument}: {exc}") from None
    if not isinstance(data, dict):
        raise RefError(f"{argument}: {source}: expected an OpenAPI document (a mapping), got {type(data).__name__}")
    version = data.get("openapi")
    if not isinstance(version, str) or not version.startswith("3."):
        raise RefError(f"{argument}: {source}: expected an OpenAPI 3.0/3.1 document ('openapi: 3.x'), got {version!r}")
    return data


def load_document(ref: str, *, argument: str, spec_dir: Path, cwd: Path) -> dict[str, Any]:
    """The OpenAPI document an OLD/NEW argument names (see the module docstring for the spellings)."""
    if ref.startswith("git:"):
        return _from_git(ref, argument=argument, cwd=cwd)
    path = Path(ref) if Path(ref).is_absolute() else cwd / ref
    if path.is_file():
        return _from_file(path, ref, argument)
    match = _SPEC_REF.match(ref)
    if match is not None:
        spec = spec_dir / match["provider"] / match["service"] / f"{match['version']}.yaml"
        if not spec.is_file():
            raise RefError(f"{argument}: {ref!r}: no spec at {spec} (is --spec-dir right? is the version built?)")
        return _from_file(spec, str(spec), argument)
    if path.exists():
        raise RefError(f"{argument}: {ref!r} is not a file")
    raise RefError(
        f"{argument}: {ref!r} is neither an existing file, nor <provider>/<service>@<version>, nor git:<rev>:<path>"
    )


def _from_file(path: Path, shown: str, argument: str) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RefError(f"{argument}: {shown}: cannot read: {exc}") from exc
    return parse_document(text, source=shown, argument=argument)


def _from_git(ref: str, *, argument: str, cwd: Path) -> dict[str, Any]:
    rest = ref[len("git:") :]
    rev, sep, path = rest.partition(":")
    if not sep or not rev or not path:
        raise RefError(
            f"{argument}: {ref!r}: expected git:<rev>:<path>, e.g. git:HEAD~1:spec/scp/virtualserver/1.1.yaml"
        )
    if rev.startswith("-"):
        raise RefError(f"{argument}: {ref!r}: a revision cannot start with '-' (it would be read as a git option)")
    try:
        proc = subprocess.run(
            ["git", "show", "--end-of-options", f"{rev}:{path}"],
            cwd=cwd,
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except OSError as exc:
        raise RefError(f"{argument}: {ref!r}: cannot run git: {exc}") from exc
    if proc.returncode != 0:
        message = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else f"exit status {proc.returncode}"
        raise RefError(f"{argument}: {ref!r}: git show {rev}:{path} failed: {message}")
    return parse_document(proc.stdout, source=ref, argument=argument)
