"""Sections 1, 3 and 5: our pipeline and the other generators, each in child processes, on copies of the inputs.

Nothing here writes to the working tree: pages are copied into the work directory and every output goes there.
"""

from __future__ import annotations

import os
import shutil
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from bench.harness import ChildRun, repeat_child, run_child, summarize, time_call

if TYPE_CHECKING:
    from scraper.catalog import PageEntry

__all__ = [
    "diff_largest_pair",
    "generators",
    "largest_package",
    "largest_spec_pair",
    "opc_all_specs",
    "regeneration",
    "spec_files",
]


#: Flags that make a generator accept a spec it rejects (openapi-generator validates strictly by default).
_FALLBACK_FLAGS: dict[str, list[str]] = {"openapi-generator-cli": ["--skip-validate-spec"]}


def _ours(*args: str) -> list[str]:
    return [sys.executable, "-m", "scraper", *args]


def _tool(name: str) -> str | None:
    """A console script installed beside this interpreter (the venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def _tool_env() -> dict[str, str]:
    """PATH with the venv's bin first: openapi-python-client needs ruff for its formatting step (ours uses black)."""
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def _reset(*folders: Path) -> None:
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def _byte_compile(*packages: str) -> None:
    """Write the bytecode of our own ``packages`` (their ``__pycache__``, git-ignored), as ``pip install`` does."""
    import compileall
    import importlib.util

    for name in packages:
        found = importlib.util.find_spec(name)
        for folder in (found.submodule_search_locations or []) if found is not None else []:
            compileall.compile_dir(folder, quiet=1)
    from scraper.template_files import compile_all

    compile_all()  # the templates too, as `make`'s install step leaves them


def spec_files(spec_dir: Path) -> list[Path]:
    """Every ``<provider>/<service>/<version>.yaml`` under ``spec_dir``, sorted."""
    return sorted(spec_dir.glob("*/*/*.yaml"))


def _tree_size(folder: Path) -> dict[str, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return {"files": len(files), "bytes": sum(p.stat().st_size for p in files)}


def regeneration(root: Path, catalog: Path, work: Path, *, repeats: int, noop_repeats: int) -> dict[str, Any]:
    """Through the CLI: specs only, full regeneration (empty spec/ and generated/, empty formatting cache), the
    same with the formatting cache the full run left, the cold one again in one process (``--jobs 1``), no-op,
    packages only.

    The specs-only run (once) splits a slow full regeneration into its two stages. If the full regeneration fails,
    the no-op is still measured, on a specs-only tree, and the package stage is measured alone
    (``docs2client generate`` over that tree), so the table still has the figures a fix needs.
    """
    # Our modules byte-compiled as `pip install` leaves them, as for the generator row (under PYTHONDONTWRITEBYTECODE
    # every run would otherwise compile the tool's modules again, ~0.1 s that no installed copy pays).
    _byte_compile("scraper", "templates", "docs2client_runtime")
    ws = work / "regen"
    pages = ws / "pages"
    _reset(ws)
    shutil.copytree(catalog.parent, pages)
    spec_dir, generated = ws / "spec", ws / "generated"
    base = ["regenerate", "--catalog", str(pages / catalog.name), "--spec-dir", str(spec_dir)]
    base += ["--generated-dir", str(generated)]
    clean = partial(_reset, spec_dir, generated)
    # Cold runs start with an empty formatting cache (each repeat); the warm run then reuses the last cold run's.
    cache = ws / "format-cache"
    env = {**os.environ, "DOCS2CLIENT_CACHE_DIR": str(cache)}
    cold = partial(_reset, spec_dir, generated, cache)
    result: dict[str, Any] = {"workspace": str(ws)}
    _, result["specs_only"] = repeat_child(_ours(*base, "--force", "--specs-only"), 1, cwd=root, before=clean)
    _, full = repeat_child(_ours(*base, "--force"), repeats, cwd=root, env=env, before=cold)
    result["full"] = full
    if "error" not in full:
        _, result["full_warm_cache"] = repeat_child(_ours(*base, "--force"), 1, cwd=root, env=env, before=clean)
        # The same cold run in one process (``--jobs 1``): the least memory the tool can regenerate in, and its wall.
        argv = _ours(*base, "--force", "--jobs", "1")
        _, result["full_one_job"] = repeat_child(argv, 1, cwd=root, env=env, before=cold)
    noop_argv, mode = _ours(*base), "full"
    if "error" not in full:
        full["specs"] = _tree_size(spec_dir)
        full["packages"] = _tree_size(generated)
    elif "error" not in result["specs_only"]:
        clean()
        run_child(_ours(*base, "--force", "--specs-only"), cwd=root)
        noop_argv, mode = _ours(*base, "--specs-only"), "specs-only (the full regeneration failed)"
    else:
        return result
    runs, noop = repeat_child(noop_argv, noop_repeats, cwd=root)
    noop["verified_noop"] = all("nothing changed" in r.stdout for r in runs)
    noop["mode"] = mode
    result["noop"] = noop
    if "error" not in full:
        result["one_page_changed"] = _one_page_changed(root, pages / catalog.name, base, env)
        result["one_operation_edited"] = _one_operation_edited(root, pages / catalog.name, spec_dir, base, env)
    if "error" not in full:
        return result  # the package stage is then the full run minus the specs-only run; no need to pay for it twice
    packages_dir = ws / "packages-only"
    argv = _ours("generate", "--spec-dir", str(spec_dir), "--out", str(packages_dir))
    _, result["packages_only"] = repeat_child(argv, 1, cwd=root, before=partial(_reset, packages_dir))
    return result


def _largest_single_service_page(catalog: Path) -> tuple[PageEntry, Path] | None:
    """The largest page that documents a single service (the everyday edit: one service rebuilds), and its path."""
    from scraper.catalog import load_catalog

    pages = load_catalog(catalog)
    single = [p for p in pages.pages if len(p.services) == 1]
    if not single:
        return None
    page = max(single, key=lambda p: (p.path(pages.pages_dir).stat().st_size, p.file))
    return page, page.path(pages.pages_dir)


def _regenerate_with(
    path: Path, changed: bytes, root: Path, base: list[str], env: dict[str, str]
) -> tuple[list[ChildRun], dict[str, Any]]:
    """One ``docs2client regenerate`` (warm cache) with ``path`` holding ``changed``; the page is restored after."""
    original = path.read_bytes()
    try:
        return repeat_child(_ours(*base), 1, cwd=root, env=env, before=partial(path.write_bytes, changed))
    finally:
        path.write_bytes(original)


def _one_page_changed(root: Path, catalog: Path, base: list[str], env: dict[str, str]) -> dict[str, Any]:
    """The everyday case: the largest page that documents a single service changes (here: a trailing newline, as
    a re-fetch may bring), and ``docs2client regenerate`` rebuilds that service with the formatting cache warm."""
    found = _largest_single_service_page(catalog)
    if found is None:
        return {"error": "no page documents a single service"}
    page, path = found
    runs, one = _regenerate_with(path, path.read_bytes() + b"\n", root, base, env)
    one["page"] = page.file
    one["services"] = list(page.services)
    one["rebuilt"] = bool(runs) and f"rebuilding {len(page.services)} of" in runs[-1].stdout
    return one


def _edited_page(page_text: str, spec_folder: Path, mark: str = " (edited)") -> tuple[str, str] | None:
    """``(edited page, operationId)``: the page with one operation's documented text changed, ``mark`` appended to
    it (the first operation, in spec order, whose description or else summary appears on the page exactly once), or
    None."""
    for spec in sorted(spec_folder.glob("*.yaml")):
        document = yaml.safe_load(spec.read_text(encoding="utf-8")) or {}
        for item in (document.get("paths") or {}).values():
            for operation in (item or {}).values():
                if not isinstance(operation, dict):
                    continue
                for key in ("description", "summary"):
                    text = operation.get(key)
                    if isinstance(text, str) and len(text) > 8 and page_text.count(text) == 1:
                        return page_text.replace(text, text + mark), str(operation.get("operationId"))
    return None


#: Edits measured for the one-operation row: one sample on a shared VM is at the mercy of its neighbours.
EDIT_REPEATS = 3


def _one_operation_edited(
    root: Path, catalog: Path, spec_dir: Path, base: list[str], env: dict[str, str]
) -> dict[str, Any]:
    """The everyday case the target is about: one operation's documented text changes on the largest page that
    documents a single service (its description gets a word more), so its specs change in every API version that
    has the operation, and ``docs2client regenerate`` rebuilds, validates and formats that service (warm cache).

    Measured :data:`EDIT_REPEATS` times, each a different word (so no run finds the edited page in the page cache
    from the one before), each from the unedited state (the page restored and regenerated, unmeasured, between
    them); the row takes the median."""
    found = _largest_single_service_page(catalog)
    if found is None:
        return {"error": "no page documents a single service"}
    page, path = found
    original = path.read_bytes()
    folder = spec_dir / page.provider / page.services[0]
    runs: list[ChildRun] = []
    operation = ""
    try:
        for index in range(EDIT_REPEATS):
            edit = _edited_page(original.decode("utf-8", "replace"), folder, f" (edited {index + 1})")
            if edit is None:
                return {
                    "error": f"no operation description or summary of {page.services[0]} appears once on {page.file}"
                }
            operation = edit[1]
            path.write_bytes(edit[0].encode("utf-8"))
            run = run_child(_ours(*base), cwd=root, env=env)
            runs.append(run)
            path.write_bytes(original)
            if not run.ok or not run_child(_ours(*base), cwd=root, env=env).ok:
                return {"error": f"exit status {run.returncode}: {run.tail()}", "argv": _ours(*base)}
    finally:
        path.write_bytes(original)
    one = summarize(runs)
    one["page"], one["operation"], one["services"] = page.file, operation, list(page.services)
    one["specs_changed"] = all("0 file(s) changed under spec" not in run.stdout for run in runs)
    return one


def largest_package(generated: Path) -> Path | None:
    """The generated package with the most Python source (the worst case for import time)."""
    packages = [p for p in generated.iterdir() if p.is_dir()] if generated.is_dir() else []
    if not packages:
        return None
    return max(packages, key=lambda p: (sum(f.stat().st_size for f in p.rglob("*.py")), p.name))


def _warnings(run: ChildRun) -> str | None:
    text = run.stdout + run.stderr
    return run.tail() if "warning" in text.lower() else None


def generators(spec: Path, work: Path, *, repeats: int) -> dict[str, Any]:
    """One package from one spec: ours, openapi-python-client and openapi-generator-cli (python), same run."""
    out = work / "gen"
    results: dict[str, Any] = {"spec": str(spec), "outputs": {}}
    contenders: dict[str, tuple[list[str] | None, dict[str, str] | None]] = {}
    # Cold: an empty formatting cache on every repeat (openapi-python-client has none), and our modules
    # byte-compiled as `pip install` leaves them (theirs are; PYTHONDONTWRITEBYTECODE would leave ours as source).
    cache = work / "gen-cache"
    _byte_compile("scraper", "templates", "docs2client_runtime")
    contenders["docs2client"] = (
        _ours("generate", "--spec", str(spec), "--out", str(out / "docs2client")),
        {**os.environ, "DOCS2CLIENT_CACHE_DIR": str(cache)},
    )
    opc = _tool("openapi-python-client")
    contenders["openapi-python-client"] = (
        (
            [opc, "generate", "--path", str(spec), "--output-path", str(out / "openapi-python-client"), "--overwrite"]
            if opc
            else None
        ),
        _tool_env(),
    )
    ogc = _tool("openapi-generator-cli")
    contenders["openapi-generator-cli"] = (
        [ogc, "generate", "-g", "python", "-i", str(spec), "-o", str(out / "openapi-generator-cli")] if ogc else None,
        _tool_env(),
    )
    for name, (argv, env) in contenders.items():
        target = out / name
        if argv is None:
            results[name] = {"error": f"{name} is not installed (pip install {name})"}
            continue
        runs, summary = repeat_child(argv, repeats, env=env, before=partial(_reset, target, cache))
        fallback = _FALLBACK_FLAGS.get(name)
        if "error" in summary and fallback:
            # The tool refused our spec: record why, then measure it with the flag that makes it accept the spec.
            refused = summary["error"]
            runs, summary = repeat_child([*argv, *fallback], repeats, env=env, before=partial(_reset, target))
            summary["refused_spec"] = refused
            summary["fallback"] = f"retried with {' '.join(fallback)}"
        if "error" not in summary:
            summary["output"] = _tree_size(target)
            warning = _warnings(runs[-1])
            if warning:
                summary["warnings"] = warning
            results["outputs"][name] = str(target)
        results[name] = summary
    ours = results["docs2client"]
    for name in ("openapi-python-client", "openapi-generator-cli"):
        other = results[name]
        if "error" not in ours and "error" not in other:
            results[f"ratio_{name}"] = round(other["wall_s"]["median"] / ours["wall_s"]["median"], 3)
    return results


def opc_all_specs(spec_dir: Path, work: Path) -> dict[str, Any]:
    """openapi-python-client generating a package for every spec, one after another (once: it is the slow one)."""
    opc = _tool("openapi-python-client")
    if opc is None:
        return {"error": "openapi-python-client is not installed (pip install openapi-python-client)"}
    out = work / "opc-all"
    _reset(out)
    runs: list[ChildRun] = []
    failures: dict[str, str] = {}
    warnings: dict[str, str] = {}
    for spec in spec_files(spec_dir):
        label = "/".join(spec.relative_to(spec_dir).parts)
        target = out / label.replace("/", "-").removesuffix(".yaml")
        argv = [opc, "generate", "--path", str(spec), "--output-path", str(target), "--overwrite"]
        run = run_child(argv, env=_tool_env())
        runs.append(run)
        if not run.ok:
            failures[label] = run.tail()
        elif _warnings(run):
            warnings[label] = run.tail()
    if not runs:
        return {"error": f"no specs under {spec_dir}"}
    summary = summarize(runs)
    return {
        "specs": len(runs),
        "wall_s_total": round(sum(r.wall_s for r in runs), 3),
        "cpu_s_total": round(sum(r.cpu_s for r in runs), 3),
        "peak_rss_mib": summary["peak_rss_mib"],
        "per_spec_wall_s": summary["wall_s"],
        "failures": failures,
        "warnings": warnings,
    }


def largest_spec_pair(spec_dir: Path) -> tuple[Path, Path] | None:
    """Oldest and newest version of the service whose specs are largest in total (at least two versions)."""
    from scraper.build.openapi import version_key

    best: tuple[int, Path, Path] | None = None
    for service in sorted(p for p in spec_dir.glob("*/*") if p.is_dir()):
        versions = sorted(service.glob("*.yaml"), key=lambda p: version_key(p.stem))
        if len(versions) < 2:
            continue
        size = sum(p.stat().st_size for p in versions)
        if best is None or size > best[0]:
            best = (size, versions[0], versions[-1])
    return (best[1], best[2]) if best else None


def diff_largest_pair(root: Path, spec_dir: Path, *, repeats: int) -> dict[str, Any]:
    """``docs2client diff OLD NEW`` through the CLI (what a user waits for) and ``compare`` alone, in-process."""
    pair = largest_spec_pair(spec_dir)
    if pair is None:
        return {"error": f"no service under {spec_dir} has two spec versions"}
    old, new = pair
    runs, cli = repeat_child(_ours("diff", str(old), str(new)), repeats, cwd=root)
    result: dict[str, Any] = {"old": str(old), "new": str(new), "cli": cli}
    from scraper.diff import compare

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    old_doc = yaml.load(old.read_text(encoding="utf-8"), Loader=loader)
    new_doc = yaml.load(new.read_text(encoding="utf-8"), Loader=loader)
    changes = compare(old_doc, new_doc)
    result["changes"] = len(changes)
    result["compare_s"] = time_call(lambda: compare(old_doc, new_doc), repeats).as_dict()
    if runs and "error" not in cli:
        result["cli"]["output_lines"] = runs[-1].stdout.count("\n")
    return result
