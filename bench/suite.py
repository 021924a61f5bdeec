"""The benchmark run: options, the order of the sections, and the command line.

Sections (``--sections``, default all, in this order):

``parse``      readers + dialects throughput on the catalog's pages (in-process)
``regen``      full regeneration into empty temp dirs, then a no-op regeneration (CLI, child processes)
``generate``   one package from one spec: docs2client vs openapi-python-client vs openapi-generator-cli (python)
``opc-all``    openapi-python-client on every spec, for the full-regeneration ratio
``floor``      the tools the targets keep (black, datamodel-code-generator, openapi-spec-validator), alone on this
               run's output: the floors of [1], [4] and [5] (``bench.floor``)
``runtime``    generated clients against a mock transport (ours vs a bare httpx send, openapi-python-client's and
               the openapi-generator client), import times
``diff``       ``docs2client diff`` on the largest spec pair
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.harness import machine_info
from bench.report import render_table, rows_for, write_results

__all__ = ["SECTIONS", "BenchOptions", "main", "run_bench"]

SECTIONS = ("parse", "regen", "generate", "opc-all", "floor", "runtime", "diff")
ROOT = Path(__file__).resolve().parents[1]


@dataclass(slots=True)
class BenchOptions:
    """Inputs and effort of one run; the defaults are the committed pages and specs and a ~5 minute run."""

    root: Path = ROOT
    catalog: Path = ROOT / "pages" / "catalog.toml"
    spec_dir: Path = ROOT / "spec"
    #: The spec for the generator comparison and the runtime section (and its operations to call).
    spec: Path = ROOT / "spec" / "scp" / "baremetal-blockstorage" / "1.3.yaml"
    small_op: str = "showVolume"
    list_op: str = "listVolumes"
    list_size: int = 5000
    #: Repeats of cheap measurements (parse, no-op, imports, diff, client calls) and of expensive ones.
    repeats: int = 5
    heavy_repeats: int = 2
    calls: int = 500
    sections: tuple[str, ...] = SECTIONS
    work: Path | None = None
    out: Path | None = ROOT / "bench" / "results" / "latest.json"
    log: Any = field(default=sys.stderr, repr=False)


def _say(options: BenchOptions, text: str) -> None:
    print(text, file=options.log, flush=True)


def run_bench(options: BenchOptions) -> dict[str, Any]:
    """Run the chosen sections; returns ``{"machine": ..., "options": ..., <section>: ...}``."""
    unknown = sorted(set(options.sections) - set(SECTIONS))
    if unknown:
        raise ValueError(f"unknown section(s) {', '.join(unknown)}; expected some of {', '.join(SECTIONS)}")
    results: dict[str, Any] = {
        "machine": machine_info(options.root),
        "options": {
            "catalog": str(options.catalog),
            "spec_dir": str(options.spec_dir),
            "spec": str(options.spec),
            "list_size": options.list_size,
            "repeats": options.repeats,
            "heavy_repeats": options.heavy_repeats,
            "calls": options.calls,
            "sections": list(options.sections),
        },
        "durations_s": {},
    }
    owned = options.work is None
    work = Path(tempfile.mkdtemp(prefix="docs2client-bench-")) if options.work is None else options.work
    work.mkdir(parents=True, exist_ok=True)
    try:
        _run_sections(options, work, results)
    finally:
        if owned:
            shutil.rmtree(work, ignore_errors=True)
    return results


def _timed(options: BenchOptions, results: dict[str, Any], name: str) -> float:
    _say(options, f"bench: {name} ...")
    return time.perf_counter()


def _run_sections(options: BenchOptions, work: Path, results: dict[str, Any]) -> None:
    from bench import pipeline
    from bench.runtime import client_runtime, clients_python, import_time

    chosen = set(options.sections)
    durations: dict[str, float] = results["durations_s"]
    if "parse" in chosen:
        from bench.parse import parse_throughput

        started = _timed(options, results, "parse")
        results["parse"] = parse_throughput(options.catalog, repeats=options.repeats)
        durations["parse"] = round(time.perf_counter() - started, 2)
    if "regen" in chosen:
        started = _timed(options, results, "regen")
        results["regeneration"] = pipeline.regeneration(
            options.root, options.catalog, work, repeats=options.heavy_repeats, noop_repeats=options.repeats
        )
        generated = work / "regen" / "generated"
        if pipeline.largest_package(generated) is None:
            generated = work / "regen" / "packages-only"
        largest = pipeline.largest_package(generated)
        if largest is not None:
            python, environment = clients_python(work)
            compileall.compile_dir(str(largest), quiet=1)  # as pip install does
            results["import_largest"] = import_time(largest, touch=["Client"], repeats=options.repeats, python=python)
            results["import_largest"]["environment"] = environment
        durations["regen"] = round(time.perf_counter() - started, 2)
    outputs: dict[str, str] = {}
    if "generate" in chosen:
        started = _timed(options, results, "generate")
        results["generators"] = pipeline.generators(options.spec, work, repeats=options.heavy_repeats)
        outputs = results["generators"]["outputs"]
        durations["generate"] = round(time.perf_counter() - started, 2)
    if "opc-all" in chosen:
        started = _timed(options, results, "opc-all")
        results["opc_all"] = pipeline.opc_all_specs(options.spec_dir, work)
        durations["opc-all"] = round(time.perf_counter() - started, 2)
    if "floor" in chosen:
        from bench.floor import floors

        started = _timed(options, results, "floor")
        generated = work / "regen" / "generated"
        ours = outputs.get("docs2client")
        if pipeline.largest_package(generated) is None:
            results["floor"] = {"error": "needs the 'regen' section's generated packages"}
        else:
            package = Path(ours) if ours else None
            results["floor"] = floors(options.spec_dir, generated, options.spec, package)
        durations["floor"] = round(time.perf_counter() - started, 2)
    if "runtime" in chosen:
        started = _timed(options, results, "runtime")
        ours = outputs.get("docs2client")
        ogc = outputs.get("openapi-generator-cli")
        opc = outputs.get("openapi-python-client")
        results["runtime"] = client_runtime(
            options.spec,
            Path(ours) if ours else None,
            Path(ogc) if ogc else None,
            work / "runtime",
            opc=Path(opc) if opc else None,
            small_op=options.small_op,
            list_op=options.list_op,
            list_size=options.list_size,
            calls=options.calls,
            repeats=options.repeats,
        )
        durations["runtime"] = round(time.perf_counter() - started, 2)
    if "diff" in chosen:
        started = _timed(options, results, "diff")
        results["diff"] = pipeline.diff_largest_pair(options.root, options.spec_dir, repeats=options.repeats)
        durations["diff"] = round(time.perf_counter() - started, 2)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description=__doc__.splitlines()[0] if __doc__ else None,
        epilog="sections: " + ", ".join(SECTIONS) + " ('runtime' uses the clients built by 'generate')",
    )
    defaults = BenchOptions()
    parser.add_argument("--sections", default=",".join(SECTIONS), help="comma-separated sections to run")
    parser.add_argument(
        "--quick", action="store_true", help="one repeat, 500 list items, no opc-all or floor: a smoke run"
    )
    parser.add_argument("--repeats", type=int, default=defaults.repeats, help="repeats of cheap measurements")
    parser.add_argument("--heavy-repeats", type=int, default=defaults.heavy_repeats, help="repeats of generations")
    parser.add_argument("--calls", type=int, default=defaults.calls, help="small calls per timing repeat")
    parser.add_argument("--list-size", type=int, default=defaults.list_size, help="items in the large list response")
    parser.add_argument("--catalog", type=Path, default=defaults.catalog, help="page catalog (pages are copied)")
    parser.add_argument("--spec-dir", type=Path, default=defaults.spec_dir, help="specs for opc-all and diff")
    parser.add_argument("--spec", type=Path, default=defaults.spec, help="spec for 'generate' and 'runtime'")
    parser.add_argument("--small-op", default=defaults.small_op, help="operationId of the small call")
    parser.add_argument("--list-op", default=defaults.list_op, help="operationId of the large list call")
    parser.add_argument("--work", type=Path, help="keep the work files here (default: a temp dir, removed)")
    parser.add_argument("--out", type=Path, default=defaults.out, help="JSON results (default: %(default)s)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    sections = tuple(s.strip() for s in args.sections.split(",") if s.strip())
    if args.quick and args.sections == ",".join(SECTIONS):
        sections = tuple(s for s in SECTIONS if s not in ("opc-all", "floor"))
    options = BenchOptions(
        catalog=args.catalog.resolve(),
        spec_dir=args.spec_dir.resolve(),
        spec=args.spec.resolve(),
        small_op=args.small_op,
        list_op=args.list_op,
        list_size=500 if args.quick else args.list_size,
        repeats=1 if args.quick else args.repeats,
        heavy_repeats=1 if args.quick else args.heavy_repeats,
        calls=50 if args.quick else args.calls,
        sections=sections,
        work=args.work.resolve() if args.work else None,
        out=args.out,
    )
    try:
        started = time.perf_counter()
        results = run_bench(options)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    results["durations_s"]["total"] = round(time.perf_counter() - started, 2)
    rows = rows_for(results)
    sys.stdout.write(render_table(rows))
    machine = results.get("machine", {})
    print(
        f"machine: {machine.get('cpu_count')} CPUs, load {machine.get('load_average_at_start')} at start, "
        f"speed probe {machine.get('speed_probe_ms')} ms (sum of 10^7 ints: compare absolute figures across runs by it)"
    )
    if options.out is not None:
        write_results(options.out, results, rows)
        print(f"results written to {options.out}")
    return 0
