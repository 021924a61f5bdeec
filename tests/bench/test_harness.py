"""Smoke tests of the benchmark harness (``python -m bench``) on tiny inputs.

These check that each part measures what it says and reports failures and missed targets; they never assert on how
fast anything is (benchmarks are not tests).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator

from bench import main
from bench.harness import repeat_child, run_child, stats, summarize
from bench.parse import parse_throughput
from bench.pipeline import largest_spec_pair
from bench.report import render_table, rows_for
from bench.runtime import _interleaved_per_call, build_payloads, client_runtime, snake
from tests.paths import ROOT

NHN_PAGE = ROOT / "pages" / "nhn" / "003_30998dc9651c21a0.txt"
SMALL_SPEC = ROOT / "spec" / "scp" / "parallel-filestorage" / "1.0.yaml"


def _tiny_catalog(tmp_path: Path) -> Path:
    pages = tmp_path / "pages"
    (pages / "nhn").mkdir(parents=True)
    shutil.copyfile(NHN_PAGE, pages / "nhn" / NHN_PAGE.name)
    catalog = pages / "catalog.toml"
    catalog.write_text(
        f"""[[page]]
file = "nhn/{NHN_PAGE.name}"
url = "https://example.invalid/block-storage"
provider = "nhn"
format = "text"
services = ["block-storage"]
covers = "service"
capture = 1
""",
        encoding="utf-8",
    )
    return catalog


def _spec(version: str, paths: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Tiny", "version": version},
        "paths": paths,
        "components": {
            "schemas": {
                "Volume": {
                    "type": "object",
                    "required": ["id", "size"],
                    "properties": {
                        "id": {"type": "string"},
                        "size": {"type": "integer"},
                        "tags": {"type": "array", "items": {"type": "string"}},
                    },
                }
            }
        },
    }


def _op(operation_id: str, example: Any, schema: dict[str, Any]) -> dict[str, Any]:
    content = {"application/json": {"schema": schema, "example": example}}
    return {"operationId": operation_id, "responses": {"200": {"description": "ok", "content": content}}}


def _tiny_spec_dir(tmp_path: Path) -> Path:
    spec_dir = tmp_path / "spec"
    service = spec_dir / "p" / "tiny"
    service.mkdir(parents=True)
    volume = {"$ref": "#/components/schemas/Volume"}
    show = _op("showVolume", {"id": "v", "size": 1}, volume)
    old = _spec("1.0", {"/volumes/{volume_id}": {"get": show}})
    new = _spec("1.1", {"/volumes/{volume_id}": {"get": show}, "/volumes": {"get": _op("listVolumes", {}, volume)}})
    (service / "1.0.yaml").write_text(yaml.safe_dump(old), encoding="utf-8")
    (service / "1.1.yaml").write_text(yaml.safe_dump(new), encoding="utf-8")
    small = spec_dir / "p" / "small"
    small.mkdir()
    (small / "1.0.yaml").write_text(yaml.safe_dump(_spec("1.0", {})), encoding="utf-8")
    return spec_dir


def test_run_child_reports_the_childs_own_memory_and_exit_status() -> None:
    code = "import sys; b = bytearray(80 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096]); print('done'); sys.exit(3)"
    run = run_child([sys.executable, "-c", code])
    assert run.returncode == 3
    assert not run.ok
    assert run.stdout.strip() == "done"
    assert run.maxrss_mib >= 80
    assert run.cpu_s > 0
    assert run.wall_s > 0


def test_run_child_sums_the_memory_of_the_whole_process_tree() -> None:
    """A tool with a worker pool is as big as all its processes together, not as its biggest one."""
    code = (  # both workers hold 40 MiB at the same time (the barrier), for a second
        "import multiprocessing as mp, time\n"
        "both = mp.get_context('fork').Barrier(2)\n"
        "def hold(_):\n"
        "    b = bytearray(40 * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])\n"
        "    both.wait(timeout=60); time.sleep(1.0); return 1\n"
        "if __name__ == '__main__':\n"
        "    with mp.get_context('fork').Pool(2) as pool: pool.map(hold, [1, 2], chunksize=1)\n"
    )
    run = run_child([sys.executable, "-c", code])
    assert run.ok, run.stderr
    assert run.tree_rss_mib is not None and run.tree_pss_mib is not None
    # one worker is its interpreter plus 40 MiB (about 50): only the sum of both (and the parent) reaches 90; the
    # child's ru_maxrss is no yardstick here (Linux counts a forked child's pre-exec copy of a big parent in it)
    assert run.tree_rss_mib >= 90
    summary = summarize([run])
    assert summary["tree_peak_rss_mib"] == run.tree_rss_mib


def test_repeat_child_stops_at_the_first_failure_and_keeps_its_output() -> None:
    code = "import sys; print('bad input: line 7', file=sys.stderr); sys.exit(2)"
    runs, summary = repeat_child([sys.executable, "-c", code], 3)
    assert len(runs) == 1
    assert "exit status 2" in summary["error"]
    assert "bad input: line 7" in summary["error"]


def test_repeat_child_summarizes_every_run() -> None:
    calls: list[int] = []
    runs, summary = repeat_child([sys.executable, "-c", "pass"], 3, before=lambda: calls.append(1))
    assert len(runs) == 3 and len(calls) == 3
    assert len(summary["wall_s"]["runs"]) == 3
    assert summary["wall_s"]["min"] <= summary["wall_s"]["median"] <= summary["wall_s"]["max"]
    assert summary["peak_rss_mib"] > 0


def test_stats_median_and_bounds() -> None:
    result = stats([3.0, 1.0, 2.0, 10.0])
    assert (result.median, result.min, result.max) == (2.5, 1.0, 10.0)
    with pytest.raises(ValueError):
        stats([])


def test_parse_throughput_on_one_page(tmp_path: Path) -> None:
    result = parse_throughput(_tiny_catalog(tmp_path), repeats=2)
    [page] = result["pages"]
    assert page["page"] == f"pages/nhn/{NHN_PAGE.name}"
    assert page["bytes"] == result["total_bytes"] == NHN_PAGE.stat().st_size
    assert page["operations"] == 12  # the NHN block-storage guide documents 12 operations
    assert len(page["reader_s"]["runs"]) == 2
    assert result["mb_per_s"] > 0


def test_payloads_fit_examples_that_break_their_schema_and_grow_the_list() -> None:
    item_schema = {"$ref": "#/components/schemas/Volume"}
    list_schema = {"type": "object", "properties": {"volumes": {"type": "array", "items": item_schema}}}
    # the documented item has a string size and a dict where a list belongs, as real pages sometimes do
    listing = _op("listVolumes", {"volumes": [{"id": "a", "size": "10", "tags": {"k": "v"}}], "count": 1}, list_schema)
    show = _op("showVolume", {"id": "a", "size": 1}, item_schema)
    spec = _spec("1.0", {"/v/{volume_id}": {"get": show}, "/v": {"get": listing}})
    payloads = build_payloads(spec, "showVolume", "listVolumes", 25)
    body = json.loads(payloads["large"]["body"])
    validator = Draft202012Validator({**list_schema, "components": spec["components"]})
    assert validator.is_valid(body)
    assert len(body["volumes"]) == 25
    assert len({v["id"] for v in body["volumes"]}) == 25
    assert payloads["small"]["kwargs"] == {"volume_id": "bench-volume_id"}
    assert payloads["large"]["method"] == "list_volumes"
    assert json.loads(payloads["small"]["body"]) == {"id": "a", "size": 1}


def test_snake_matches_generated_method_names() -> None:
    assert snake("showVolume") == "show_volume"
    assert snake("listVolumeGroups") == "list_volume_groups"


def test_largest_spec_pair_is_oldest_and_newest_of_the_biggest_service(tmp_path: Path) -> None:
    pair = largest_spec_pair(_tiny_spec_dir(tmp_path))
    assert pair is not None
    assert [p.name for p in pair] == ["1.0.yaml", "1.1.yaml"]
    assert pair[0].parent.name == "tiny"


def test_table_marks_missed_targets_and_missing_figures() -> None:
    results = {
        "regeneration": {
            "full": {"wall_s": {"median": 10.0}},
            "full_warm_cache": {"wall_s": {"median": 5.0}},
            "noop": {"wall_s": {"median": 0.9}},
        },
        "opc_all": {"specs": 17, "wall_s_total": 40.0},
        "diff": {"old": "/s/p/x/1.0.yaml", "new": "/s/p/x/1.3.yaml", "error": "no such file"},
    }
    rows = {row.metric.split(",")[0]: row for row in rows_for(results)}
    assert rows["[1] full regeneration (pages -> specs -> packages)"].status == "ok"
    assert rows["[1] full regeneration (pages -> specs -> packages)"].ratio == "4.00x"
    warm = rows["  same"]  # the warm-cache run is reported, but the verdict belongs to the cold run
    assert warm.ratio == "8.00x" and warm.status == "info"
    assert rows["no-op regeneration (CLI"].status == "MISSED"
    diff_row = next(r for m, r in rows.items() if m.startswith("docs2client diff"))
    assert diff_row.status == "n/a" and "no such file" in diff_row.note
    table = render_table(list(rows.values()))
    generators = {
        "docs2client": {"wall_s": {"median": 2.0}},
        "openapi-python-client": {"error": "exit status 1: bad spec"},
        "openapi-generator-cli": {"wall_s": {"median": 5.0}, "fallback": "retried with --skip-validate-spec"},
        "ratio_openapi-generator-cli": 2.5,
    }
    opc_row, ogc_row = rows_for({"generators": generators})
    assert "bad spec" in opc_row.note and opc_row.ratio == ""
    assert ogc_row.ratio == "2.50x" and "--skip-validate-spec" in ogc_row.note
    assert "MISSED" in table and "900.0 ms" in table


def test_table_has_a_row_with_ratio_and_status_for_every_target_of_issue_17() -> None:
    results = {
        "regeneration": {
            "full": {"wall_s": {"median": 12.0}, "peak_rss_mib": 90.0, "tree_peak_rss_mib": 160.5},
            "full_one_job": {"wall_s": {"median": 20.0}, "tree_peak_rss_mib": 120.5},
            "one_page_changed": {"wall_s": {"median": 1.5}, "page": "p.txt", "services": ["virtualserver"]},
            "noop": {"wall_s": {"median": 0.2}},
        },
        "opc_all": {"specs": 17, "wall_s_total": 48.0},
        "generators": {
            "docs2client": {"wall_s": {"median": 2.0}},
            "openapi-python-client": {"wall_s": {"median": 2.4}},
            "ratio_openapi-python-client": 1.2,
        },
        "runtime": {
            "docs2client": {
                "small_call_s": {"min": 105e-6, "median": 110e-6},
                "floor_small_call_s": {"min": 100e-6, "median": 100e-6},
                "large_parse_s": {"min": 0.03, "median": 0.03},
            },
            "openapi-python-client": {"small_call_s": {"min": 90e-6, "median": 95e-6}},
            "openapi-generator-cli": {
                "small_call_s": {"min": 200e-6, "median": 210e-6},
                "large_parse_s": {"min": 0.09, "median": 0.09},
            },
            "overhead_vs_floor": 1.05,
            "overhead_vs_floor_median": 1.1,
            "ratio_small_call_s_opc": 0.857,
            "ratio_small_call_s": 1.9,
            "ratio_large_parse_s": 3.0,
        },
    }
    rows = {row.metric[:3]: row for row in rows_for(results) if row.metric.startswith("[")}
    assert rows["[1]"].ratio == "4.00x" and rows["[1]"].status == "ok"
    assert rows["[2]"].status == "ok" and rows["[2]"].target == "<= 2 s"
    assert rows["[4]"].ratio == "1.20x" and rows["[4]"].status == "MISSED"
    assert rows["[5]"].ours == "160.5 MiB" and rows["[5]"].status == "MISSED"
    one_job = next(row for row in rows_for(results) if "--jobs 1" in row.metric)
    assert one_job.ours == "120.5 MiB" and one_job.status == "info" and "wall 20.00 s" in one_job.note
    floor, opc = [row for row in rows_for(results) if row.metric.startswith("[3]")]
    assert floor.ratio == "1.05x" and floor.status == "ok" and floor.other == "100 us"
    assert opc.ratio == "0.86x" and opc.status == "MISSED"  # opc's client was faster here
    ogc = next(row for row in rows_for(results) if row.metric.startswith("client per-call overhead"))
    assert ogc.status == "info" and ogc.ratio == "1.90x"  # kept as information
    assert next(r for r in rows_for(results) if "large list" in r.metric).status == "ok"


def test_main_runs_parse_and_diff_sections_and_writes_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "results" / "latest.json"
    argv = ["--sections", "parse,diff", "--repeats", "1", "--out", str(out)]
    argv += ["--catalog", str(_tiny_catalog(tmp_path)), "--spec-dir", str(_tiny_spec_dir(tmp_path))]
    assert main(argv) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["machine"]["cpu_count"] >= 1
    assert data["machine"]["python"] == sys.version.split()[0]
    assert set(data["durations_s"]) == {"parse", "diff", "total"}
    assert data["diff"]["changes"] >= 1  # 1.1 adds an operation
    assert "error" not in data["diff"]["cli"]
    assert [row["metric"][:16] for row in data["table"]] == ["parse throughput", "docs2client diff"]
    assert "docs2client diff" in capsys.readouterr().out


def test_main_rejects_unknown_sections(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--sections", "parse,nonsense", "--out", ""]) == 2
    assert "nonsense" in capsys.readouterr().err


def test_runtime_section_drives_a_generated_client_through_the_mock_transport(tmp_path: Path) -> None:
    generated = tmp_path / "ours"
    done = subprocess.run(
        [sys.executable, "-m", "scraper", "generate", "--spec", str(SMALL_SPEC), "--out", str(generated)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = client_runtime(
        SMALL_SPEC,
        generated,
        None,
        tmp_path / "work",
        small_op="showVolume",
        list_op="listVolumes",
        list_size=20,
        calls=3,
        repeats=1,
    )
    ours = result["docs2client"]
    assert "error" not in ours, ours.get("error")
    assert ours["large_items_parsed"] == 20
    assert ours["small_result_type"]
    assert ours["import"]["package"] == "scp_parallel_filestorage"
    assert "error" in result["openapi-generator-cli"]
    assert "error" in result["openapi-python-client"]
    assert "ratio_small_call_s" not in result
    # the floor: a bare httpx send of the request our call sent, through the same transport, in the same child
    assert ours["floor_small_call_s"]["min"] > 0
    assert result["overhead_vs_floor"] > 0


def test_our_call_and_the_floor_are_timed_in_turns_after_a_warm_up() -> None:
    """Both see the same machine: repeats alternate between the functions (the order rotating), each after warm-up
    calls that are not timed."""
    order: list[str] = []
    fns = {"small": lambda: order.append("small"), "floor": lambda: order.append("floor")}
    timed = _interleaved_per_call(fns, 2, 3)
    warm = 2  # never more warm-up calls than timed ones
    assert order[: 2 * warm] == ["small"] * warm + ["floor"] * warm
    s, f = ["small"] * 2, ["floor"] * 2  # one repeat: two calls of one function
    assert order[2 * warm :] == s + f + f + s + s + f  # repeat 2 starts with the floor, repeat 3 with ours again
    assert [len(timed[name]["runs"]) for name in ("small", "floor")] == [3, 3]
    assert timed["small"]["min"] <= timed["small"]["median"] <= timed["small"]["max"]


def test_regeneration_section_on_a_tiny_catalog(tmp_path: Path) -> None:
    """Cold and warm full runs, the no-op, and one changed page rebuilding just its service, all through the CLI."""
    from bench.pipeline import EDIT_REPEATS, regeneration

    result = regeneration(ROOT, _tiny_catalog(tmp_path), tmp_path / "work", repeats=1, noop_repeats=1)
    assert "error" not in result["full"], result["full"]
    assert result["full"]["packages"]["files"] > 5
    assert result["full_warm_cache"]["wall_s"]["median"] > 0
    assert "error" not in result["full_one_job"], result["full_one_job"]
    assert result["full_one_job"]["tree_peak_rss_mib"] > 0
    assert result["noop"]["verified_noop"]
    changed = result["one_page_changed"]
    assert changed["services"] == ["block-storage"] and changed["rebuilt"], changed
    assert any((tmp_path / "work" / "regen" / "format-cache" / "black").rglob("*")), "the runs filled the cache"
    edited = result["one_operation_edited"]
    assert "error" not in edited, edited
    assert len(edited["wall_s"]["runs"]) == EDIT_REPEATS and edited["specs_changed"], edited
    pages = tmp_path / "work" / "regen" / "pages"
    page = pages / "nhn" / NHN_PAGE.name
    assert page.read_bytes() == NHN_PAGE.read_bytes(), "the edited page is restored"


def _opc_shaped_package(folder: Path) -> None:
    """The layout openapi-python-client 0.29 generates: ``Client(base_url=, httpx_args=)`` in the package and
    ``api/<tag>/<operation>.py`` with ``sync(<path args>, *, client)`` (here parsing into plain dicts)."""
    package = folder / "tiny_api_client"
    (package / "api" / "volumes").mkdir(parents=True)
    (package / "__init__.py").write_text(
        "import httpx\n\n\nclass Client:\n"
        "    def __init__(self, base_url, httpx_args):\n"
        "        self.httpx = httpx.Client(base_url=base_url, **httpx_args)\n",
        encoding="utf-8",
    )
    (package / "api" / "__init__.py").write_text("", encoding="utf-8")
    (package / "api" / "volumes" / "__init__.py").write_text("", encoding="utf-8")
    for name, path in (("show_volume", "/v1/volumes/{volume_id}"), ("list_volumes", "/v1/volumes")):
        argument = "volume_id, *, client" if "{" in path else "*, client"
        url = f'"{path}".format(volume_id=volume_id)' if "{" in path else f'"{path}"'
        (package / "api" / "volumes" / f"{name}.py").write_text(
            f"class Parsed(dict):\n    def __getattr__(self, key):\n        return self[key]\n\n\n"
            f"def sync({argument}):\n    return Parsed(client.httpx.request('GET', {url}).json())\n",
            encoding="utf-8",
        )


def test_runtime_section_drives_an_openapi_python_client_shaped_client(tmp_path: Path) -> None:
    opc = tmp_path / "opc"
    _opc_shaped_package(opc)
    result = client_runtime(
        SMALL_SPEC,
        None,
        None,
        tmp_path / "work",
        opc=opc,
        small_op="showVolume",
        list_op="listVolumes",
        list_size=20,
        calls=3,
        repeats=1,
    )
    measured = result["openapi-python-client"]
    assert "error" not in measured, measured.get("error")
    assert measured["large_items_parsed"] == 20
    assert measured["small_call_s"]["min"] > 0
    assert "floor_small_call_s" not in measured  # the floor is measured beside our client only


def test_a_real_operation_edit_is_its_own_target_row() -> None:
    """The trailing-newline row only exercises the skip path; the edited-operation row is the one that rebuilds."""
    regen = {
        "one_page_changed": {"wall_s": {"median": 1.0}, "page": "p.txt", "services": ["virtualserver"]},
        "one_operation_edited": {
            "wall_s": {"median": 7.5},
            "page": "p.txt",
            "operation": "listVolumes",
            "services": ["virtualserver"],
            "specs_changed": True,
        },
    }
    rows = [row for row in rows_for({"regeneration": regen}) if row.metric.startswith("[2]")]
    assert [row.status for row in rows] == ["ok", "MISSED"]
    assert "listVolumes on p.txt" in rows[1].note and rows[1].ours == "7.50 s"


def test_the_edited_page_changes_one_summary_found_once(tmp_path: Path) -> None:
    from bench.pipeline import _edited_page

    folder = tmp_path / "svc"
    folder.mkdir()
    spec = {
        "paths": {
            "/a": {"get": {"operationId": "listAll", "summary": "List all the things"}},
            "/b": {"get": {"operationId": "getOne", "summary": "Get one thing here"}},
        }
    }
    (folder / "1.0.yaml").write_text(yaml.safe_dump(spec), encoding="utf-8")
    page = "# List all the things\n\nList all the things\n\n# Get one thing here\n"
    edited = _edited_page(page, folder)
    assert edited is not None
    text, operation = edited
    assert operation == "getOne"  # the first summary appears twice on the page: ambiguous, skipped
    assert text == page.replace("Get one thing here", "Get one thing here (edited)")
    assert _edited_page("nothing documented here", folder) is None


def test_floor_rows_give_the_best_ratio_the_kept_tools_allow() -> None:
    """The floors of [1], [4] and [5] from the kept tools' measured cost: CPU spread over the cores, the models
    chain of one spec, and the imports of each stage's processes."""
    imports = {
        "bare": {"cpu_s": 0.02, "rss_mib": 10.0},
        "tool": {"cpu_s": 0.3, "rss_mib": 60.0},
        "black": {"cpu_s": 0.12, "rss_mib": 30.0},
        "datamodel_code_generator": {"cpu_s": 0.42, "rss_mib": 55.0},
        "openapi_spec_validator": {"cpu_s": 0.22, "rss_mib": 40.0},
    }
    work = {
        "full": {
            "black": {"cpu_s": 10.0, "units": 100},
            "datamodel_code_generator": {"cpu_s": 5.0, "runs": 3},
            "openapi_spec_validator": {"cpu_s": 4.4, "specs": 4},
        },
        "one": {
            "black": {"cpu_s": 0.3, "models_cpu_s": 0.1},
            "datamodel_code_generator": {"cpu_s": 0.5},
            "openapi_spec_validator": {"cpu_s": 0.1},
        },
    }
    results = {
        "machine": {"cpu_count": 2},
        "regeneration": {"full": {"wall_s": {"median": 20.0}, "cpu_s": {"median": 36.0}}},
        "opc_all": {"specs": 4, "wall_s_total": 40.0},
        "generators": {
            "openapi-python-client": {"wall_s": {"median": 1.8}},
            "docs2client": {"cpu_s": {"median": 2.0}},
        },
        "floor": {"imports": imports, "work": work},
    }
    rows = {row.metric[:9]: row for row in rows_for(results) if "floor:" in row.metric}
    # [1]: (10 + 5 + 4.4 + imports 0.1 + 0.4 + 0.2) / 2 cores = 10.05 s; opc 40 s -> at best 3.98x
    assert rows["[1] floor"].ours == "10.05 s" and rows["[1] floor"].ratio == "at best 3.98x"
    assert "the run's own CPU beyond them: 15.90 s" in rows["[1] floor"].note
    # [4]: chain 0.02 + 0.4 + 0.5 + black on the models 0.1 = 1.02 s beats (0.02 + 0.1 + 0.4 + 0.3 + 0.5) / 2 = 0.66 s
    assert rows["[4] floor"].ours == "1.02 s" and rows["[4] floor"].ratio == "at best 1.76x"
    assert "black on its models 100.0 ms" in rows["[4] floor"].note
    assert "the run's own CPU beyond them: 680.0 ms" in rows["[4] floor"].note  # 2.0 - 1.32
    # [5]: the specs stage, 60 + 2 validators x 40 = 140 MiB, is under the packages stage's 60 + 30 + 55 = 145 MiB
    assert rows["[5] floor"].ours == "145.0 MiB" and "= 140.0 MiB" in rows["[5] floor"].note
    imports["openapi_spec_validator"]["rss_mib"] = 50.0  # now the specs stage is the larger: 60 + 2 x 50
    assert next(r for r in rows_for(results) if r.metric.startswith("[5] floor")).ours == "160.0 MiB"
    assert all(row.status == "info" for row in rows.values())
    failed = [row for row in rows_for({"floor": {"error": "the work child failed: boom"}}) if "floor" in row.metric]
    assert [row.status for row in failed] == ["n/a"] and "boom" in failed[0].note


def test_floor_work_child_measures_each_kept_tool_on_real_output(tmp_path: Path) -> None:
    """The child that measures the kept tools: black over a generated package's distinct blocks, the models
    generator over its specs' schema sets, the validator over the specs; JSON on stdout."""
    package = ROOT / "generated" / "scp-parallel-filestorage"
    for specs in (SMALL_SPEC.parent, SMALL_SPEC):
        run = subprocess.run(
            [sys.executable, "-m", "bench.floor", "work", "--specs", str(specs), "--generated", str(package)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        work = json.loads(run.stdout)
        assert work["black"]["units"] >= len(list(package.rglob("*.py"))) and work["black"]["cpu_s"] > 0
        assert 0 < work["black"]["models_cpu_s"] < work["black"]["cpu_s"]
        assert work["datamodel_code_generator"]["runs"] >= 1
        documents = len(list(SMALL_SPEC.parent.glob("*.yaml"))) if specs.is_dir() else 1
        assert work["openapi_spec_validator"]["specs"] == documents


def test_import_costs_are_the_childs_own_not_the_forking_benchmarks() -> None:
    """A child's rusage peak also counts the pages it shared with the benchmark between fork and exec; the import
    floor reads the exec'd interpreter's own peak, so a bare interpreter is smaller than this test process and an
    interpreter that imports more is larger."""
    import resource

    from bench.floor import import_costs

    costs = import_costs({"bare": "pass", "ballast": "ballast = bytearray(64 * 1024 * 1024)"})
    own_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert costs["bare"]["rss_mib"] < min(own_mib, 40)
    assert costs["ballast"]["rss_mib"] > costs["bare"]["rss_mib"] + 60
    assert "error" in import_costs({"broken": "import no_such_module_here"})
