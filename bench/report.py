"""Targets, the printed table and the JSON file: turning section results into verdicts a reader can act on.

A row whose inputs are missing (a section failed or was skipped) says so instead of guessing; a row that misses its
target says ``MISSED`` next to the numbers, so a regression is visible in the table and in ``targets`` of the JSON.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

__all__ = ["Row", "evaluate", "render_table", "rows_for", "write_results"]

Status = Literal["ok", "MISSED", "n/a", "info"]


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the table: a figure of ours, optionally another tool's, their ratio and the verdict."""

    metric: str
    ours: str
    other: str = ""
    ratio: str = ""
    target: str = ""
    status: Status = "info"
    note: str = ""


def _get(data: Any, *path: str) -> Any:
    node: Any = data
    for key in path:
        if not isinstance(node, Mapping) or key not in node:
            return None
        node = node[key]
    return node


def _seconds(value: float | None) -> str:
    if value is None:
        return "-"
    if value < 1e-3:
        return f"{value * 1e6:.0f} us"
    if value < 1:
        return f"{value * 1e3:.1f} ms"
    return f"{value:.2f} s"


def evaluate(
    value: float | None,
    *,
    at_least: float | None = None,
    below: float | None = None,
    at_most: float | None = None,
    above: float | None = None,
) -> Status:
    """``ok`` when ``value`` meets every bound given, ``MISSED`` when it does not, ``n/a`` when there is no value."""
    if value is None:
        return "n/a"
    if at_least is not None and value < at_least:
        return "MISSED"
    if below is not None and value >= below:
        return "MISSED"
    if at_most is not None and value > at_most:
        return "MISSED"
    if above is not None and value <= above:
        return "MISSED"
    return "ok"


def _error_note(*sections: Any) -> str:
    for section in sections:
        error = _get(section, "error") if isinstance(section, Mapping) else None
        if error:
            first = str(error).strip().splitlines()
            return f"error: {first[-1][:100] if first else error}"
    return ""


def _medians_note(runtime: Any, key: str) -> str:
    ours = _get(runtime, "docs2client", key, "median")
    other = _get(runtime, "openapi-generator-cli", key, "median")
    ratio = _get(runtime, f"ratio_{key}_median")
    if ours is None or other is None:
        return ""
    return f"medians {_seconds(ours)} vs {_seconds(other)}" + (f" ({ratio:.2f}x)" if ratio else "")


def rows_for(results: Mapping[str, Any]) -> list[Row]:
    """The table rows (and target verdicts) for whatever sections ``results`` holds."""
    rows: list[Row] = []
    regen = results.get("regeneration")
    gen = results.get("generators")
    opc_all = results.get("opc_all")
    if regen is not None:
        full = _get(regen, "full", "wall_s", "median")
        opc_total = _get(opc_all, "wall_s_total") if opc_all is not None else None
        ratio = opc_total / full if full and opc_total else None
        rss = _get(regen, "full", "peak_rss_mib")
        rows.append(
            Row(
                "[1] full regeneration (pages -> specs -> packages), cold, wall",
                _seconds(full),
                f"opc x{_get(opc_all, 'specs') or '?'} specs: {_seconds(opc_total)}" if opc_all is not None else "",
                f"{ratio:.2f}x" if ratio else "",
                ">= 3x faster than opc",
                evaluate(ratio, at_least=3.0) if opc_all is not None else "n/a",
                _error_note(_get(regen, "full"), opc_all)
                or (f"cpu {_seconds(_get(regen, 'full', 'cpu_s', 'median'))}, peak RSS {rss} MiB" if rss else "")
                + (f"; opc failed on {len(_get(opc_all, 'failures'))} spec(s)" if _get(opc_all, "failures") else ""),
            )
        )
        warm = _get(regen, "full_warm_cache", "wall_s", "median")
        if warm is not None:
            warm_ratio = opc_total / warm if opc_total else None
            rows.append(
                Row(
                    "  same, warm formatting cache (black skipped for unchanged files)",
                    _seconds(warm),
                    _seconds(opc_total) if opc_total else "",
                    f"{warm_ratio:.2f}x" if warm_ratio else "",
                    status="info",
                    note="the target row above is the cold run",
                )
            )
        tree = _get(regen, "full", "tree_peak_rss_mib")
        if tree is not None or rss is not None:
            rows.append(
                Row(
                    "[5] peak memory of a full regeneration (whole process tree, RSS)",
                    f"{tree} MiB" if tree is not None else "-",
                    target="<= 150 MiB",
                    status=evaluate(tree, at_most=150.0),
                    note=(
                        f"PSS at that moment {_get(regen, 'full', 'tree_pss_at_peak_mib')} MiB; "
                        if tree is not None
                        else "the process tree was not sampled; "
                    )
                    + f"largest single process {rss} MiB",
                )
            )
        one_job = _get(regen, "full_one_job", "tree_peak_rss_mib")
        if one_job is not None or _get(regen, "full_one_job") is not None:
            rows.append(
                Row(
                    "  same, --jobs 1 (every stage in one process), peak RSS",
                    f"{one_job} MiB" if one_job is not None else "-",
                    status="info",
                    note=_error_note(_get(regen, "full_one_job"))
                    or f"wall {_seconds(_get(regen, 'full_one_job', 'wall_s', 'median'))}: the least memory the tool"
                    " regenerates in (one interpreter holding the validator, black and the models generator)",
                )
            )
        one = _get(regen, "one_page_changed", "wall_s", "median")
        if one is not None or _get(regen, "one_page_changed") is not None:
            services = ", ".join(_get(regen, "one_page_changed", "services") or [])
            rows.append(
                Row(
                    "[2] regeneration after one page changes (a trailing newline, warm cache), wall",
                    _seconds(one),
                    target="<= 2 s",
                    status=evaluate(one, at_most=2.0),
                    note=_error_note(_get(regen, "one_page_changed"))
                    or f"{_get(regen, 'one_page_changed', 'page')} -> rebuilds {services}",
                )
            )
        edited = _get(regen, "one_operation_edited", "wall_s", "median")
        if edited is not None or _get(regen, "one_operation_edited") is not None:
            rows.append(
                Row(
                    "[2] regeneration after one operation's text changes (warm cache), wall, median",
                    _seconds(edited),
                    target="<= 2 s",
                    status=evaluate(edited, at_most=2.0),
                    note=_error_note(_get(regen, "one_operation_edited"))
                    or f"{_get(regen, 'one_operation_edited', 'operation')} on "
                    f"{_get(regen, 'one_operation_edited', 'page')}: specs changed "
                    f"{_get(regen, 'one_operation_edited', 'specs_changed')}; runs "
                    + ", ".join(_seconds(r) for r in _get(regen, "one_operation_edited", "wall_s", "runs") or []),
                )
            )
        specs = _get(regen, "specs_only", "wall_s", "median")
        rows.append(
            Row(
                "  of which: specs only (pages -> validated specs), wall",
                _seconds(specs),
                note=_error_note(_get(regen, "specs_only"))
                or (f"cpu {_seconds(_get(regen, 'specs_only', 'cpu_s', 'median'))}" if specs else ""),
            )
        )
        packages = _get(regen, "packages_only", "wall_s", "median")
        if packages is not None or _get(regen, "packages_only") is not None:
            note = _error_note(_get(regen, "packages_only"))
            note = note or (f"cpu {_seconds(_get(regen, 'packages_only', 'cpu_s', 'median'))}" if packages else "")
            rows.append(
                Row("  of which: packages only (docs2client generate, all), wall", _seconds(packages), note=note)
            )
        elif full is not None and specs is not None:
            rows.append(Row("  of which: packages (full - specs only), wall", _seconds(full - specs)))
        noop = _get(regen, "noop", "wall_s", "median")
        verified = _get(regen, "noop", "verified_noop")
        rows.append(
            Row(
                "no-op regeneration (CLI, nothing changed), wall",
                _seconds(noop),
                target="< 0.5 s",
                status=evaluate(noop, below=0.5),
                note=_error_note(_get(regen, "noop"))
                or ("" if verified or noop is None else "did not report a no-op")
                or (
                    "" if _get(regen, "noop", "mode") in (None, "full") else f"on a {_get(regen, 'noop', 'mode')} tree"
                ),
            )
        )
    parse = results.get("parse")
    if parse is not None:
        rows.append(
            Row(
                "parse throughput, readers + dialects, all pages",
                f"{_get(parse, 'mb_per_s')} MB/s",
                note=f"{_get(parse, 'total_bytes')} bytes; slowest page "
                + (min(parse["pages"], key=lambda p: p["mb_per_s"] or 0)["page"] if parse.get("pages") else "-"),
            )
        )
    if gen is not None:
        ours = _get(gen, "docs2client", "wall_s", "median")
        for name, short in (("openapi-python-client", "opc"), ("openapi-generator-cli", "ogc")):
            other = _get(gen, name, "wall_s", "median")
            ratio = _get(gen, f"ratio_{name}")
            target = name == "openapi-python-client"
            rows.append(
                Row(
                    f"{'[4] ' if target else ''}one package from one spec: docs2client vs {short}, wall",
                    _seconds(ours),
                    _seconds(other),
                    f"{ratio:.2f}x" if ratio else "",
                    ">= 1.5x faster than opc" if target else "",
                    evaluate(ratio, at_least=1.5) if target else "info",
                    note=_error_note(_get(gen, "docs2client"), _get(gen, name)) or _warning_note(_get(gen, name)),
                )
            )
    runtime = results.get("runtime")
    if runtime is not None:
        rows.extend(_per_call_rows(runtime))
        for key, label in (("small_call_s", "client per-call overhead (small call)"), ("large_parse_s", "")):
            label = label or f"client large list parse ({_get(runtime, 'large', 'items')} items)"
            ratio = _get(runtime, f"ratio_{key}")
            # Per-call overhead is judged against the floor and opc's client (target 3, above); ogc is information.
            info = key == "small_call_s"
            rows.append(
                Row(
                    f"{label} vs ogc client (best of runs)",
                    _seconds(_get(runtime, "docs2client", key, "min")),
                    _seconds(_get(runtime, "openapi-generator-cli", key, "min")),
                    f"{ratio:.2f}x" if ratio else "",
                    "" if info else ">= 2x better",
                    "info" if info else evaluate(ratio, at_least=2.0),
                    _error_note(runtime, _get(runtime, "docs2client"), _get(runtime, "openapi-generator-cli"))
                    or _medians_note(runtime, key),
                )
            )
        ours_import = _get(runtime, "docs2client", "import", "import_and_client_s", "median")
        other_import = _get(runtime, "openapi-generator-cli", "import", "import_and_client_s", "median")
        ratio = other_import / ours_import if ours_import and other_import else None
        rows.append(
            Row(
                "import + Client, same spec, vs ogc client",
                _seconds(ours_import),
                _seconds(other_import),
                f"{ratio:.2f}x" if ratio else "",
            )
        )
    largest = results.get("import_largest")
    if largest is not None:
        value = _get(largest, "import_and_client_s", "median")
        bare = _seconds(_get(largest, "import_s", "median"))
        rows.append(
            Row(
                f"import + Client of largest package ({_get(largest, 'package')})",
                _seconds(value),
                target="< 0.3 s",
                status=evaluate(value, below=0.3),
                note=_error_note(largest) or f"bare import {bare} (lazy); in {_get(largest, 'environment')}",
            )
        )
    diff = results.get("diff")
    if diff is not None:
        value = _get(diff, "cli", "wall_s", "median")
        old, new = _get(diff, "old"), _get(diff, "new")
        pair = f"{Path(old).parent.name} {Path(old).stem} -> {Path(new).stem}" if old and new else "-"
        rows.append(
            Row(
                f"docs2client diff, largest pair ({pair}), CLI wall",
                _seconds(value),
                target="< 1 s",
                status=evaluate(value, below=1.0),
                note=_error_note(diff, _get(diff, "cli"))
                or f"compare() alone {_seconds(_get(diff, 'compare_s', 'median'))}, {_get(diff, 'changes')} changes",
            )
        )
    floor = results.get("floor")
    if floor is not None:
        rows.extend(_floor_rows(results, floor))
    return rows


def _import_cpu(floor: Any, name: str) -> float:
    """CPU seconds of importing ``name`` in a fresh interpreter, beyond the bare interpreter's own start."""
    return max(0.0, (_get(floor, "imports", name, "cpu_s") or 0.0) - (_get(floor, "imports", "bare", "cpu_s") or 0.0))


def _floor_row(metric: str, wall: float, opc: float | None, note: str) -> Row:
    """A floor row: the lowest wall time the kept tools allow, and the best ratio to opc it permits."""
    return Row(
        metric,
        _seconds(wall),
        _seconds(opc) if opc else "",
        f"at best {opc / wall:.2f}x" if opc and wall else "",
        status="info",
        note=note,
    )


def _floor_rows(results: Mapping[str, Any], floor: Any) -> list[Row]:
    """What the kept tools cost by themselves on this run's output (``bench.floor``): the wall time no design using
    them could beat on this machine's cores, for [1] and [4], and the memory of each stage's processes' imports for [5].
    """
    if _get(floor, "error"):
        return [Row("floors of the targets (the kept tools' own cost)", "-", status="n/a", note=_error_note(floor))]
    cores = _get(results, "machine", "cpu_count") or 1
    rows: list[Row] = []
    tools = ("black", "datamodel_code_generator", "openapi_spec_validator")
    imports = sum(_import_cpu(floor, name) for name in tools)
    full = {name: _get(floor, "work", "full", name, "cpu_s") for name in tools}
    opc_total = _get(results, "opc_all", "wall_s_total")
    if all(value is not None for value in full.values()):
        cpu = sum(v for v in full.values() if v is not None) + imports
        wall = cpu / cores
        ours = _get(results, "regeneration", "full", "cpu_s", "median")
        rows.append(
            _floor_row(
                f"[1] floor: the kept tools' CPU on this run's output / {cores} cores",
                wall,
                opc_total,
                f"black {_seconds(full['black'])} ({_get(floor, 'work', 'full', 'black', 'units')} distinct "
                f"blocks), datamodel-code-generator {_seconds(full['datamodel_code_generator'])} "
                f"({_get(floor, 'work', 'full', 'datamodel_code_generator', 'runs')} schema sets), "
                f"openapi-spec-validator {_seconds(full['openapi_spec_validator'])} "
                f"({_get(floor, 'work', 'full', 'openapi_spec_validator', 'specs')} specs), imports {_seconds(imports)}"
                + (f"; the run's own CPU beyond them: {_seconds(ours - cpu)}" if ours is not None else ""),
            )
        )
    # ``generate`` does not run openapi-spec-validator: black and the models generator only
    packaging = ("black", "datamodel_code_generator")
    one = {name: _get(floor, "work", "one", name, "cpu_s") for name in packaging}
    opc_one = _get(results, "generators", "openapi-python-client", "wall_s", "median")
    if all(value is not None for value in one.values()):
        bare = _get(floor, "imports", "bare", "cpu_s") or 0.0
        # the models are formatted after the generator wrote them (black is imported meanwhile, elsewhere)
        models_black = _get(floor, "work", "one", "black", "models_cpu_s") or 0.0
        chain = (
            bare + _import_cpu(floor, "datamodel_code_generator") + (one["datamodel_code_generator"] or 0.0)
        ) + models_black
        package_imports = sum(_import_cpu(floor, name) for name in packaging)
        kept = bare + package_imports + sum(v for v in one.values() if v is not None)
        spread = kept / cores
        wall = max(chain, spread)
        ours_one = _get(results, "generators", "docs2client", "cpu_s", "median")
        rows.append(
            _floor_row(
                "[4] floor: black and the models generator on one spec (models chain, or their CPU / cores)",
                wall,
                opc_one,
                f"chain: interpreter {_seconds(bare)} + datamodel-code-generator import "
                f"{_seconds(_import_cpu(floor, 'datamodel_code_generator'))} and run "
                f"{_seconds(one['datamodel_code_generator'])} + black on its models {_seconds(models_black)} = "
                f"{_seconds(chain)}; all / {cores} cores: {_seconds(spread)} (black {_seconds(one['black'])})"
                + (f"; the run's own CPU beyond them: {_seconds(ours_one - kept)}" if ours_one is not None else ""),
            )
        )
    names = ("tool", "black", "datamodel_code_generator", "openapi_spec_validator")
    memory = {name: _get(floor, "imports", name, "rss_mib") for name in names}
    if all(value is not None for value in memory.values()):
        tool, black, models, validator = (float(memory[name]) for name in names)
        specs_stage = tool + cores * validator  # a validating worker per core while the pages are read
        packages_stage = tool + black + models
        rows.append(
            Row(
                "[5] floor: each stage's processes importing only what each needs (no data), summed RSS",
                f"{max(specs_stage, packages_stage):.1f} MiB",
                target="",
                status="info",
                note=f"specs: main (the tool's pipeline) {tool} MiB + {cores} validator workers x {validator} MiB = "
                f"{specs_stage:.1f} MiB; packages: main + black worker {black} MiB + models worker "
                f"(datamodel-code-generator) {models} MiB = {packages_stage:.1f} MiB; a bare interpreter "
                f"{_get(floor, 'imports', 'bare', 'rss_mib')} MiB",
            )
        )
    return rows


def _per_call_rows(runtime: Any) -> list[Row]:
    """Target 3: our small call over the floor of an httpx client (a bare ``Client.send`` of the same prebuilt
    request through the same transport), and against openapi-python-client's httpx-based client."""
    ours = _get(runtime, "docs2client", "small_call_s", "min")
    floor = _get(runtime, "docs2client", "floor_small_call_s", "min")
    overhead = _get(runtime, "overhead_vs_floor")
    opc = _get(runtime, "openapi-python-client", "small_call_s", "min")
    opc_ratio = _get(runtime, "ratio_small_call_s_opc")
    median_ours = _get(runtime, "docs2client", "small_call_s", "median")
    floor_note = _compare_note(
        median_ours, _get(runtime, "docs2client", "floor_small_call_s", "median"), runtime, "overhead_vs_floor_median"
    )
    opc_note = _compare_note(
        median_ours,
        _get(runtime, "openapi-python-client", "small_call_s", "median"),
        runtime,
        "ratio_small_call_s_opc_median",
    )
    return [
        Row(
            "[3] client per-call overhead (small call) vs bare httpx send (best of runs)",
            _seconds(ours),
            _seconds(floor),
            f"{overhead:.2f}x" if overhead else "",
            "<= 1.10x the floor",
            evaluate(overhead, at_most=1.10),
            _error_note(runtime, _get(runtime, "docs2client"))
            or (floor_note + "; ratio = ours / floor, lower is better" if floor_note else ""),
        ),
        Row(
            "[3] client per-call overhead (small call) vs opc client (best of runs)",
            _seconds(ours),
            _seconds(opc),
            f"{opc_ratio:.2f}x" if opc_ratio else "",
            "lower than opc (> 1x)",
            evaluate(opc_ratio, above=1.0),
            _error_note(_get(runtime, "openapi-python-client")) or opc_note,
        ),
    ]


def _compare_note(ours: float | None, other: float | None, runtime: Any, ratio_key: str) -> str:
    """``medians X vs Y (R)`` for a row judged on the best runs."""
    if ours is None or other is None:
        return ""
    ratio = _get(runtime, ratio_key)
    return f"medians {_seconds(ours)} vs {_seconds(other)}" + (f" ({ratio:.2f}x)" if ratio else "")


def _warning_note(section: Any) -> str:
    if not isinstance(section, Mapping):
        return ""
    if section.get("fallback"):
        return f"refused our spec, {section['fallback']} (see JSON)"
    return "warnings (see JSON)" if section.get("warnings") else ""


def render_table(rows: Sequence[Row]) -> str:
    """A plain-text table (no colour codes, so it reads the same in a log file)."""
    headers = ("metric", "docs2client", "other", "ratio", "target", "status")
    cells = [headers] + [(r.metric, r.ours, r.other, r.ratio, r.target, r.status) for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    notes = [f"  {r.metric}: {r.note}" for r in rows if r.note]
    return "\n".join(lines + (["", "notes:", *notes] if notes else [])) + "\n"


def write_results(path: Path, results: Mapping[str, Any], rows: Sequence[Row]) -> None:
    """Write the machine-readable copy: every section's raw figures plus the table rows and verdicts."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {**results, "table": [asdict(r) for r in rows]}
    payload["missed"] = [r.metric for r in rows if r.status == "MISSED"]
    path.write_text(json.dumps(payload, indent=2, sort_keys=True) + "\n", encoding="utf-8")
