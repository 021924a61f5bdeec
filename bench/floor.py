"""The floors of the targets, measured on the run's own output: what the tools issue 17 keeps cost by themselves.

Issue 17 keeps black, datamodel-code-generator and openapi-spec-validator, and asks, for every target that is
missed, what the measured floor is. Whatever docs2client does around those tools, a run has to import them and let
them do their work on its output. That work, spread over every core, is the lowest wall time any design using them
could reach on this machine; and three fresh interpreters importing only what each of a run's processes needs (the
tool's pipeline, black, the models generator) are the lowest peak memory of the current process design.

Everything is measured in child processes with nothing cached:

- ``imports``: CPU time and peak RSS of ``python -c "import ..."`` for each library and for the tool's pipeline,
  beside a bare interpreter's;
- ``work``: in a child, black over every distinct block of the generated tree (a run formats each distinct block
  once: :mod:`scraper.clients.source_blocks`), datamodel-code-generator over every distinct schema set of every
  API version (a run renders each once), the validator over every spec; the same again for the one spec of the
  ``generate`` section and its package. The validator runs as the build runs it, each distinct schema's meta-check
  once (``scraper.build.schema_checks``, caches off: nothing remembered from another run); without that memo it would
  check the schemas that the versions of a service share again for every version.

``python -m bench.floor work --specs PATH [--generated DIR]`` is that child (one for the full run, one for the one
spec, so neither finds the other's schemas already checked); it prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bench.harness import run_child

__all__ = ["IMPORTS", "floors", "import_costs", "main"]

#: What each process of a run imports, by role: the main process (pages -> specs -> package rendering), a black
#: worker, the models worker, a build worker (validation).
IMPORTS: dict[str, str] = {
    "bare": "pass",
    "tool": "import scraper.regenerate.pipeline, scraper.build.emit, scraper.clients.command, scraper.clients.package",
    "black": "import black",
    "datamodel_code_generator": "import datamodel_code_generator.parser.openapi",
    "openapi_spec_validator": "import openapi_spec_validator",
}


#: Printed by each import child: its own peak RSS in KiB (``VmHWM``: the exec'd program's alone; the rusage of a
#: child also counts the benchmark's pages it had between fork and exec).
_PEAK_RSS = (
    "import pathlib\n"
    "status = pathlib.Path('/proc/self/status')\n"
    "lines = status.read_text().splitlines() if status.exists() else []\n"
    "print(next((line.split()[1] for line in lines if line.startswith('VmHWM:')), ''))"
)


def import_costs(imports: dict[str, str] = IMPORTS) -> dict[str, Any]:
    """CPU seconds and peak RSS (MiB) of a fresh interpreter running each of ``imports``; ``{"error": ...}`` when
    one fails."""
    costs: dict[str, Any] = {}
    for name, code in imports.items():
        run = run_child([sys.executable, "-c", f"{code}\n{_PEAK_RSS}"])
        if not run.ok:
            return {"error": f"python -c {code!r} failed: {run.tail()}"}
        peak = run.stdout.strip()
        costs[name] = {"cpu_s": round(run.cpu_s, 4), "rss_mib": round(int(peak) / 1024, 1) if peak else None}
    return costs


def floors(spec_dir: Path, generated: Path, spec: Path, package: Path | None) -> dict[str, Any]:
    """Import costs and the kept tools' work (see the module docstring); ``{"error": ...}`` when a child fails."""
    imports = import_costs()
    if "error" in imports:
        return imports
    work: dict[str, Any] = {}
    for name, specs, tree in (("full", spec_dir, generated), ("one", spec, package)):
        argv = [sys.executable, "-m", "bench.floor", "work", "--specs", str(specs)]
        argv += ["--generated", str(tree)] if tree is not None else []
        run = run_child(argv, env={**os.environ, "DOCS2CLIENT_CACHE_DIR": "off"})
        if not run.ok:
            return {"imports": imports, "error": f"the {name} work child failed: {run.tail()}"}
        work[name] = json.loads(run.stdout)
    return {"imports": imports, "work": work}


def _black_work(files: Iterable[Path]) -> dict[str, Any]:
    """black over each distinct formatting unit of ``files``, as a run cuts them (CPU seconds, units, characters)."""
    from scraper.clients.formatting import _SPLIT_ABOVE, format_source
    from scraper.clients.source_blocks import MEMBER_HEADER, Block, split_blocks

    units: dict[str, str] = {}
    for path in sorted(files):
        text = path.read_text(encoding="utf-8")
        blocks = split_blocks(text) if len(text) > _SPLIT_ABOVE else [("", Block(text, False))]
        for _, block in blocks:
            unit = MEMBER_HEADER + block.text if block.member else block.text
            units.setdefault(unit, path.name)
    format_source("warm.py", "x = 1\n")  # black's lazy set-up belongs to its import, measured apart
    spent = {"models": 0.0, "other": 0.0}
    for unit, name in units.items():
        started = time.process_time()
        format_source(name, unit)
        spent["models" if name == "models.py" else "other"] += time.process_time() - started
    return {
        "cpu_s": round(sum(spent.values()), 3),
        # the models modules: formatted only once the models generator has written them (the [4] chain)
        "models_cpu_s": round(spent["models"], 3),
        "units": len(units),
        "chars": sum(map(len, units)),
    }


def _spec_documents(paths: Iterable[Path]) -> dict[str, list[dict[str, Any]]]:
    """The spec documents under their service folder (one service: all its API versions)."""
    from scraper.clients.command import load_spec

    services: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(paths):
        services.setdefault(str(path.parent), []).append(load_spec(path))
    return services


def _generator_work(services: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """datamodel-code-generator (no post-processing) over each distinct schema set of every API version."""
    from scraper.clients import ir
    from scraper.clients.models import generator_input, generator_source, models_key
    from scraper.clients.schema_keywords import honoured_schemas

    inputs: dict[str, tuple[dict[str, Any], str]] = {}
    for docs in services.values():
        for version in ir.build_package(docs).versions:
            schemas = honoured_schemas(version.schemas)
            key = models_key(schemas, version.openapi)
            if schemas and key not in inputs:
                inputs[key] = (generator_input(schemas, openapi=version.openapi), version.openapi)
    generator_source({"Warm": {"type": "object"}}, openapi="3.1.0", source_name="warm")
    started = time.process_time()
    for schemas, openapi in inputs.values():
        generator_source(schemas, openapi=openapi, source_name="bench")
    return {"cpu_s": round(time.process_time() - started, 3), "runs": len(inputs)}


def _validator_work(services: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """openapi-spec-validator over every document as the build runs it (``validate_spec``: each distinct schema's
    meta-check once per process; the child runs with caches off, so nothing is remembered from another run)."""
    from scraper.build.openapi import validate_spec

    documents = [doc for docs in services.values() for doc in docs]
    validate_spec({"openapi": "3.1.0", "info": {"title": "warm", "version": "0"}, "paths": {}})
    started = time.process_time()
    for doc in documents:
        validate_spec(doc)
    return {"cpu_s": round(time.process_time() - started, 3), "specs": len(documents)}


def _work(specs: Path, generated: Path | None) -> dict[str, Any]:
    documents = _spec_documents(specs.rglob("*.yaml") if specs.is_dir() else [specs])
    out: dict[str, Any] = {
        "datamodel_code_generator": _generator_work(documents),
        "openapi_spec_validator": _validator_work(documents),
    }
    if generated is not None:
        out["black"] = _black_work(generated.rglob("*.py"))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.floor", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    work = sub.add_parser("work", help="measure the kept tools' work on a run's output (prints JSON)")
    work.add_argument("--specs", type=Path, required=True, help="a spec, or a folder of them (one per API version)")
    work.add_argument("--generated", type=Path, help="the packages generated from them")
    args = parser.parse_args(argv)
    print(json.dumps(_work(args.specs, args.generated)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
