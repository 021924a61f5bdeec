"""Record the public API of docs2client-runtime: ``python runtime/api/record.py`` writes ``runtime/api/<X.Y>.json``.

Run it when a runtime version is released (after changing ``version`` in ``runtime/pyproject.toml``). The record
lists every public name (each module's ``__all__``, the package's re-exports included) with its kind and, for
functions and classes, the parameters (name, kind, whether it has a default) and public members. docs2client's tests
compare the current runtime with every recorded version in the range the generated packages accept: a name or a
parameter may be added (with a default), never removed, so a package built against 1.0 keeps working with any 1.x.

The same functions (:func:`public_api`, :func:`incompatibilities`) are what the tests use; standard library only.
"""

from __future__ import annotations

import importlib
import inspect
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
PACKAGE = "docs2client_runtime"
#: the runtime's modules, in the order they are recorded
MODULES = (
    "",
    "auth",
    "auth.header",
    "auth.nhn",
    "auth.schemes",
    "auth.scp",
    "calls",
    "capture",
    "deprecation",
    "errors",
    "limits",
    "media_types",
    "pagination",
    "redaction",
    "retry",
    "serialize",
    "servers",
    "streams",
    "transport",
    "wire",
)


def _parameters(func: Any) -> list[str] | None:
    """The parameters as ``"name KIND"`` strings, ``=`` appended when it has a default (``"limit KEYWORD_ONLY="``)."""
    try:
        signature = inspect.signature(func)
    except (TypeError, ValueError):
        return None
    return [
        f"{p.name} {p.kind.name}{'=' if p.default is not inspect.Parameter.empty else ''}"
        for p in signature.parameters.values()
    ]


def _split(parameter: str) -> tuple[str, str, bool]:
    name, kind = parameter.split(" ")
    return name, kind.rstrip("="), kind.endswith("=")


def _entry(value: Any) -> dict[str, Any]:
    if isinstance(value, ModuleType):
        return {"kind": "module"}
    if inspect.isclass(value):
        members: dict[str, Any] = {}
        for name, member in sorted(vars(value).items()):
            if name.startswith("_"):
                continue
            if isinstance(member, staticmethod | classmethod):
                members[name] = {"kind": "method", "parameters": _parameters(member.__func__)}
            elif inspect.isfunction(member):
                members[name] = {"kind": "method", "parameters": _parameters(member)}
            elif isinstance(member, property):
                members[name] = {"kind": "property"}
        # dataclass fields and annotated attributes are part of the API too (``RetryPolicy.max_retries``)
        for name in sorted(getattr(value, "__annotations__", {})):
            if not name.startswith("_"):
                members.setdefault(name, {"kind": "attribute"})
        return {"kind": "class", "parameters": _parameters(value), "members": members}
    if callable(value):
        return {"kind": "function", "parameters": _parameters(value)}
    return {"kind": "value"}


def public_api(package: str = PACKAGE) -> dict[str, Any]:
    """``{"version": ..., "names": {qualified name: entry}}`` of the importable runtime."""
    root = importlib.import_module(package)
    names: dict[str, Any] = {}
    for suffix in MODULES:
        qualified = f"{package}.{suffix}" if suffix else package
        module = importlib.import_module(qualified)
        for name in module.__all__:
            names[f"{qualified}.{name}"] = _entry(getattr(module, name))
    return {"version": root.__version__, "names": names}


def _parameter_problems(where: str, recorded: list[str] | None, now: list[str] | None) -> list[str]:
    if recorded is None or now is None:
        return []
    old = [_split(p) for p in recorded]
    new = [_split(p) for p in now]
    current = {name: (kind, default) for name, kind, default in new}
    problems = []
    for name, kind, default in old:
        if name not in current:
            problems.append(f"{where}: parameter {name!r} removed")
        elif current[name][0] != kind:
            problems.append(f"{where}: parameter {name!r} changed from {kind} to {current[name][0]}")
        elif default and not current[name][1]:
            problems.append(f"{where}: parameter {name!r} lost its default")
    known = {name for name, _, _ in old}
    for name, kind, default in new:
        if name not in known and not default and kind not in ("VAR_POSITIONAL", "VAR_KEYWORD"):
            problems.append(f"{where}: new parameter {name!r} has no default")
    return problems


def incompatibilities(recorded: dict[str, Any], current: dict[str, Any]) -> list[str]:
    """What a package written against ``recorded`` would miss in ``current`` (empty: compatible)."""
    problems: list[str] = []
    for name, old in recorded["names"].items():
        new = current["names"].get(name)
        if new is None:
            problems.append(f"{name}: removed")
            continue
        if new["kind"] != old["kind"]:
            problems.append(f"{name}: was a {old['kind']}, now a {new['kind']}")
            continue
        problems += _parameter_problems(name, old.get("parameters"), new.get("parameters"))
        for member, entry in old.get("members", {}).items():
            now = new.get("members", {}).get(member)
            if now is None:
                problems.append(f"{name}.{member}: removed")
            elif entry.get("parameters") is not None:
                problems += _parameter_problems(f"{name}.{member}", entry["parameters"], now.get("parameters"))
    return problems


def main() -> int:
    api = public_api()
    major, minor = api["version"].split(".")[:2]
    target = HERE / f"{major}.{minor}.json"
    target.write_text(json.dumps(api, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {target} ({len(api['names'])} names)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
