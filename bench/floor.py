"""The floors of the targets, measured on the run's own output: what the tools issue 17 keeps cost by themselves.

Issue 17 keeps black, datamodel-code-generator and openapi-spec-validator, and asks, for every target that is
missed, what the measured floor is. Whatever docs2client does around those tools, a run has to import them and let
them do their work on its output. That work, spread over every core, is the lowest wall time any design using them
could reach on this machine; and three fresh interpreters importing only what each of a run's processes needs (the
tool's pipeline, black, the models generator) are the lowest peak memory of the current process design.

Everything is measured in child processes with nothing cached:

- ``imports``: CPU time and peak RSS of ``python -c "import ..."`` for each library and for the tool's pipeline,
  beside a bare interpreter's;
- ``work``: in one child, black over every distinct block of the generated tree (a run formats each distinct block
  once: :mod:`scraper.clients.source_blocks`), datamodel-code-generator over every distinct schema set of every
  API version (a run renders each once), the validator over every spec; the same again for the one spec of the
  ``generate`` section and its package.

``python -m bench.floor work --generated DIR --spec-dir DIR --spec FILE --package DIR`` is that child; it prints
JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bench.harness import run_child

__all__ = ["IMPORTS", "floors", "main"]

#: What each process of a run imports, by role: the main process (pages -> specs -> package rendering), a black
#: worker, the models worker, a build worker (validation).
IMPORTS: dict[str, str] = {
    "bare": "pass",
    "tool": "import scraper.regenerate.pipeline, scraper.build.emit, scraper.clients.command, scraper.clients.package",
    "black": "import black",
    "datamodel_code_generator": "import datamodel_code_generator.parser.openapi",
    "openapi_spec_validator": "import openapi_spec_validator",
}


def floors(spec_dir: Path, generated: Path, spec: Path, package: Path | None) -> dict[str, Any]:
    """Import costs and the kept tools' work (see the module docstring); ``{"error": ...}`` when a child fails."""
    imports: dict[str, Any] = {}
    for name, code in IMPORTS.items():
        run = run_child([sys.executable, "-c", code])
        if not run.ok:
            return {"error": f"python -c {code!r} failed: {run.tail()}"}
        imports[name] = {"cpu_s": round(run.cpu_s, 4), "rss_mib": run.maxrss_mib}
    argv = [sys.executable, "-m", "bench.floor", "work", "--generated", str(generated), "--spec-dir", str(spec_dir)]
    argv += ["--spec", str(spec)] + (["--package", str(package)] if package is not None else [])
    run = run_child(argv)
    if not run.ok:
        return {"imports": imports, "error": f"the work child failed: {run.tail()}"}
    return {"imports": imports, "work": json.loads(run.stdout)}


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
    started = time.process_time()
    for unit, name in units.items():
        format_source(name, unit)
    return {"cpu_s": round(time.process_time() - started, 3), "units": len(units), "chars": sum(map(len, units))}


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
    from scraper.clients.models import generator_source
    from scraper.clients.schema_keywords import honoured_schemas

    inputs: dict[str, tuple[dict[str, Any], str]] = {}
    for docs in services.values():
        for version in ir.build_package(docs).versions:
            schemas = honoured_schemas(version.schemas)
            if schemas:
                inputs.setdefault(json.dumps([schemas, version.openapi], default=str), (schemas, version.openapi))
    generator_source({"Warm": {"type": "object"}}, openapi="3.1.0", source_name="warm")
    started = time.process_time()
    for schemas, openapi in inputs.values():
        generator_source(schemas, openapi=openapi, source_name="bench")
    return {"cpu_s": round(time.process_time() - started, 3), "runs": len(inputs)}


def _validator_work(services: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """openapi-spec-validator over every document (the OpenAPI 3.1 validator, as the build uses; no memo)."""
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    documents = [doc for docs in services.values() for doc in docs]
    list(
        OpenAPIV31SpecValidator({"openapi": "3.1.0", "info": {"title": "w", "version": "0"}, "paths": {}}).iter_errors()
    )
    started = time.process_time()
    for doc in documents:
        validator = (
            OpenAPIV31SpecValidator if str(doc.get("openapi", "")).startswith("3.1") else OpenAPIV30SpecValidator
        )
        list(validator(doc).iter_errors())
    return {"cpu_s": round(time.process_time() - started, 3), "specs": len(documents)}


def _work(generated: Path, spec_dir: Path, spec: Path, package: Path | None) -> dict[str, Any]:
    full_specs = _spec_documents(spec_dir.rglob("*.yaml"))
    one_spec = _spec_documents([spec])
    out: dict[str, Any] = {
        "full": {
            "black": _black_work(generated.rglob("*.py")),
            "datamodel_code_generator": _generator_work(full_specs),
            "openapi_spec_validator": _validator_work(full_specs),
        },
        "one": {
            "datamodel_code_generator": _generator_work(one_spec),
            "openapi_spec_validator": _validator_work(one_spec),
        },
    }
    if package is not None:
        out["one"]["black"] = _black_work(package.rglob("*.py"))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.floor", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    work = sub.add_parser("work", help="measure the kept tools' work on a run's output (prints JSON)")
    work.add_argument("--generated", type=Path, required=True, help="the generated packages of a full run")
    work.add_argument("--spec-dir", type=Path, required=True, help="the specs of that run")
    work.add_argument("--spec", type=Path, required=True, help="the one spec of the 'generate' section")
    work.add_argument("--package", type=Path, help="the package docs2client generated from that spec")
    args = parser.parse_args(argv)
    print(json.dumps(_work(args.generated, args.spec_dir, args.spec, args.package)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
