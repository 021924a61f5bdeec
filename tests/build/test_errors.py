"""Bad input: located errors, the rest still built, non-zero exit with a summary; mutation fuzzing of real pages.

The broken pages are real pages with one structural defect; the fuzzing mutates slices of 001 and 002 (drop,
duplicate, truncate, swap lines) and checks that the text reader and the SCP dialect either read every operation
version the mutated text still shows (a version heading whose next non-blank line is ``method /path``, counted
here with two regexes) or fail with a located ReaderError/DialectError, never another exception, never a hang.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper.build import PageInput, build_services
from scraper.dialects import DialectError, PageInfo
from scraper.dialects.scp import ScpDialect
from scraper.document import ReaderError
from scraper.model import Service
from scraper.readers.text import read
from tests.paths import ROOT
from tests.time_limit import time_limit

PAGES = ROOT / "pages" / "scp"
PAGE_000 = PAGES / "000_65c2559a52e6e5c4.txt"
PAGE_004 = PAGES / "004_dcbb7d1e887604a7.txt"
VERSION_HEADING = re.compile(r"^\d+(?:\.\d+)* - \d+\.\d+$")
METHOD_LINE = re.compile(r"^(get|post|put|delete|patch|head|options) (/\S*)$")


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def _version_headings(lines: list[str]) -> list[int]:
    """0-based indexes of version headings followed (after blank lines) by a method line."""
    out = []
    for i, line in enumerate(lines):
        if VERSION_HEADING.match(line.strip()):
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and METHOD_LINE.match(lines[j].strip()):
                out.append(i)
    return out


def _catalog(tmp_path: Path, broken: str) -> Path:
    """A catalog with a broken copy of 000 (text ``broken``) and the real 004."""
    pages = tmp_path / "pages"
    (pages / "scp").mkdir(parents=True)
    (pages / "scp" / "000_broken.txt").write_text(broken, encoding="utf-8")
    (pages / "scp" / "004.txt").write_bytes(PAGE_004.read_bytes())
    catalog = pages / "catalog.toml"
    catalog.write_text(
        "\n".join(
            [
                "[[page]]",
                'file = "scp/000_broken.txt"',
                'url = "https://example.invalid/000"',
                'provider = "scp"',
                'format = "text"',
                'services = ["parallel-filestorage"]',
                "capture = 1",
                "[[page]]",
                'file = "scp/004.txt"',
                'url = "https://example.invalid/004"',
                'provider = "scp"',
                'format = "text"',
                'services = ["virtualserver"]',
                'covers = "operation"',
                "capture = 2",
                "",
            ]
        ),
        encoding="utf-8",
    )
    return catalog


def test_cli_reports_a_skipped_version_page_as_a_finding_and_builds_everything(tmp_path: Path) -> None:
    lines = _lines(PAGE_000)
    heading = _version_headings(lines)[2]  # the third version page
    broken = lines[: heading + 1] + lines[heading + 2 :]  # its method line is gone
    catalog = _catalog(tmp_path, "\n".join(broken))
    out = tmp_path / "spec"
    proc = subprocess.run(
        [sys.executable, "-m", "scraper", "spec", "--catalog", str(catalog), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    findings = json.loads((out / "scp" / "parallel-filestorage" / "findings.json").read_text(encoding="utf-8"))
    skipped = [f for f in findings["findings"] if f["kind"] == "operation-skipped"]
    assert [(f["page"], f["line"]) for f in skipped] == [("pages/scp/000_broken.txt", heading + 1)]
    assert "method /path" in skipped[0]["message"]
    assert sorted(p.name for p in (out / "scp" / "virtualserver").iterdir()) == [
        ".docs2client-files",
        "1.0.yaml",
        "1.1.yaml",
        "1.2.yaml",
        "1.3.yaml",
        "FINDINGS.md",
        "findings.json",
    ]


def _break_param_location(lines: list[str]) -> tuple[list[str], int]:
    index = next(i for i, line in enumerate(lines) if line.startswith("| path | "))
    return [*lines[:index], "| bogus" + lines[index][len("| path") :], *lines[index + 1 :]], index + 1


def _duplicate_method_line(lines: list[str]) -> tuple[list[str], int]:
    heading = _version_headings(lines)[4]
    return [*lines[: heading + 2], lines[heading + 1], *lines[heading + 2 :]], heading + 3


def _drop_responses_table(lines: list[str]) -> tuple[list[str], int]:
    heading = _version_headings(lines)[1]
    start = next(i for i in range(heading, len(lines)) if lines[i] == "Responses")
    end = start + 1
    while lines[end].startswith("|"):
        end += 1
    return lines[: start + 1] + lines[end:], heading + 1


def _drop_responses_table_and_example(lines: list[str]) -> tuple[list[str], int]:
    dropped, line = _drop_responses_table(lines)
    heading = _version_headings(dropped)[1]
    example = next(i for i in range(heading, len(dropped)) if dropped[i].startswith("Response "))
    end = next((i for i in range(example, len(dropped)) if VERSION_HEADING.match(dropped[i])), len(dropped))
    return dropped[:example] + dropped[end:], line


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (_duplicate_method_line, "expected one method line per version page"),
        (_drop_responses_table_and_example, "expected a Responses table or an example 'Response <code>'"),
    ],
    ids=["two-method-lines", "no-responses-table-nor-example"],
)
def test_broken_version_page_is_a_finding_and_the_rest_is_read(breakage: object, expected: str) -> None:
    assert callable(breakage)
    intact = ScpDialect().read(read("\n".join(_lines(PAGE_000)), "000.txt"), PageInfo("000.txt"))
    lines, line = breakage(_lines(PAGE_000))
    services = ScpDialect().read(read("\n".join(lines), "000_broken.txt"), PageInfo("000_broken.txt"))
    skipped = [f for s in services for f in s.findings if f.kind == "operation-skipped"]
    assert [(f.line, expected in f.message) for f in skipped] == [(line, True)]

    def count(found: list[Service]) -> int:
        return sum(len(op.versions) for s in found for op in s.operations)

    assert count(services) == count(intact) - 1


def test_version_page_without_responses_table_is_read_from_its_example() -> None:
    """A rendering that dropped the Responses table still shows the example response: the page is read with that
    one response and a finding, not skipped."""
    intact = ScpDialect().read(read("\n".join(_lines(PAGE_000)), "000.txt"), PageInfo("000.txt"))
    lines, line = _drop_responses_table(_lines(PAGE_000))
    services = ScpDialect().read(read("\n".join(lines), "000_broken.txt"), PageInfo("000_broken.txt"))
    assert not [f for s in services for f in s.findings if f.kind == "operation-skipped"]
    missing = [f for s in services for f in s.findings if f.kind == "responses-missing"]
    assert len(missing) == 1 and missing[0].line > line
    versions = [v for s in services for op in s.operations for v in op.versions.values()]
    assert len(versions) == sum(len(op.versions) for s in intact for op in s.operations)
    (repaired,) = [v for v in versions if v.source.line == line]
    assert [r.status for r in repaired.responses] == [repaired.example_response.status]


@pytest.mark.parametrize(
    ("breakage", "kind", "expected"),
    [(_break_param_location, ReaderError, "expected a parameter row")],
    ids=["param-location"],
)
def test_broken_page_fails_alone(tmp_path: Path, breakage: object, kind: type[Exception], expected: str) -> None:
    assert callable(breakage)
    lines, line = breakage(_lines(PAGE_000))
    broken = tmp_path / "000_broken.txt"
    broken.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(kind) as raised:
        ScpDialect().read(read("\n".join(lines), "000_broken.txt"), PageInfo("000_broken.txt"))
    assert f"000_broken.txt:{line}: {expected}" in str(raised.value)
    report = build_services(
        [
            PageInput("000_broken.txt", broken, "scp", "text", services=("parallel-filestorage",), capture=1),
            PageInput("004.txt", PAGE_004, "scp", "text", covers="operation", services=("virtualserver",), capture=2),
        ]
    )
    assert report.errors == [str(raised.value)]
    assert report.failed_services == {("scp", "parallel-filestorage")}
    assert [s.id for s in report.services] == ["virtualserver"]
    assert sum(len(op.versions) for op in report.services[0].operations) == 4


# -- mutation fuzzing ------------------------------------------------------------------------------------------------


def _slice(path: Path, start: int, about: int) -> tuple[Path, int, int]:
    """``path`` lines from ``start`` to the last version heading before ``about`` (excluded): whole pages only."""
    lines = _lines(path)
    end = max(i for i in _version_headings(lines) if i < about)
    return path, start, end


SLICES = {
    # Archive Storage overview and its first operations (from 001:388)
    "001": _slice(PAGES / "001_dc092d8be0253ee9.txt", 387, 700),
    # the first virtualserver operations (from 002:117)
    "002": _slice(PAGES / "002_49177f4cbb07641e.txt", 116, 420),
}


mutation = st.tuples(
    st.sampled_from(["drop", "duplicate", "truncate", "swap"]),
    st.integers(min_value=0, max_value=10_000),
    st.integers(min_value=0, max_value=10_000),
)


def _mutate(lines: list[str], steps: list[tuple[str, int, int]]) -> list[str]:
    out = list(lines)
    for op, a, b in steps:
        if not out:
            break
        i, j = a % len(out), b % len(out)
        if op == "drop":
            del out[i]
        elif op == "duplicate":
            out.insert(i, out[i])
        elif op == "truncate":
            out[i] = out[i][: b % (len(out[i]) + 1)]
        else:
            out[i], out[j] = out[j], out[i]
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(which=st.sampled_from(sorted(SLICES)), steps=st.lists(mutation, min_size=1, max_size=4))
def test_mutated_pages_fail_located_or_lose_nothing(which: str, steps: list[tuple[str, int, int]]) -> None:
    path, start, end = SLICES[which]
    lines = _mutate(_lines(path)[start:end], steps)
    text = "\n".join(lines)
    name = f"{which}-mutated.txt"
    try:
        with time_limit(10):
            services = ScpDialect().read(read(text, name), PageInfo(name))
    except (ReaderError, DialectError) as exc:
        assert str(exc).startswith(f"{name}:"), str(exc)
        assert 0 <= exc.line <= len(lines) + 1
        return
    read_versions = sum(len(op.versions) for service in services for op in service.operations)
    skipped = sum(1 for service in services for f in service.findings if f.kind == "operation-skipped")
    assert read_versions + skipped >= len(_version_headings(lines)) >= read_versions


def test_unmutated_slices_read_all_their_versions() -> None:
    for which, (path, start, end) in SLICES.items():
        lines = _lines(path)[start:end]
        name = f"{which}.txt"
        services = ScpDialect().read(read("\n".join(lines), name), PageInfo(name))
        count = sum(len(op.versions) for service in services for op in service.operations)
        assert count == len(_version_headings(lines)) > 5


# -- the OpenAPI validator ------------------------------------------------------------------------------------------


def _minimal_spec() -> dict[str, object]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/v1/things/{id}": {
                "get": {
                    "operationId": "showThing",
                    "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
    }


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda s: s.pop("info"), '"info" is a required property'),
        (lambda s: s["paths"]["/v1/things/{id}"].update({"put": {"operationId": "showThing"}}), "showThing"),
        (lambda s: s["paths"]["/v1/things/{id}"]["get"]["parameters"][0].update({"in": "body"}), "body"),
        (lambda s: s["paths"]["/v1/things/{id}"]["get"]["parameters"].clear(), "id"),
    ],
    ids=["no-info", "duplicate-operation-id", "bad-parameter-location", "undeclared-path-parameter"],
)
def test_validate_spec_rejects_invalid_documents(mutate: Callable[[dict[str, Any]], object], expected: str) -> None:
    """Whatever schema backend openapi-spec-validator picks (jsonschema-rs when installed), a broken document is
    rejected with a message naming the problem, and the unbroken one passes."""
    from openapi_spec_validator.schemas import get_validator_backend

    from scraper.build.openapi import validate_spec

    assert get_validator_backend() == "jsonschema-rs", "jsonschema-rs is a dependency: the fast backend must be used"
    spec: dict[str, Any] = _minimal_spec()
    assert validate_spec(spec) == ""
    mutate(spec)
    problems = validate_spec(spec)
    assert expected in problems.replace("'", '"')
    assert "\n" not in problems, "one line per problem (the backend's instance dump is cut off)"


def test_a_reference_to_nowhere_is_named_without_the_whole_document() -> None:
    # referencing's PointerToNowhere says "... does not exist within {the document}": the error line carried every
    # byte of the spec (a 300 kB line on the console for one dangling reference)
    from scraper.build.openapi import validate_spec

    spec: dict[str, Any] = _minimal_spec()
    spec["info"]["description"] = "x" * 5000
    responses = spec["paths"]["/v1/things/{id}"]["get"]["responses"]
    responses["200"]["content"] = {"application/json": {"schema": {"$ref": "#/components/schemas/Missing"}}}
    problems = validate_spec(spec)
    assert "/components/schemas/Missing" in problems
    assert "xxxx" not in problems and len(problems) < 400
