"""Acceptance tests of the SCP specs (issue #2): page accounting, validity, examples, versions and deprecation.

Expectations come from the page text itself, read here with a few plain regexes independent of the reader and the
dialect (a version page is a ``N.M - X.Y`` heading line whose next non-blank line is ``method /path``), and from the
figures of ``/work/shared/docs/format-notes.md`` (computed by an independent script), never from the build output.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.conftest import ScpBuild
from tests.paths import ROOT

PAGES = ROOT / "pages" / "scp"
VERSION_HEADING = re.compile(r"^\d+(?:\.\d+)* - (\d+\.\d+)$")
ANY_HEADING = re.compile(r"^\d+(?:\.\d+)* - .+$")
METHOD_LINE = re.compile(r"^(get|post|put|delete|patch) (/\S*)$")
STATE = re.compile(r"ACTIVE \((CURRENT|SUPPORTED|PLANNED|DEPRECATED)\)$")
DATE_ROW = re.compile(r"\| (\d+\.\d+) \| (-|\d{8}) \|")  # | 1.0 | 20251231 |
DATE_SQUASHED = re.compile(r"(\d+\.\d+?)(-|\d{8})")  # 004: 1.220260831
API_VERSION = re.compile(r'"Scp-Api-Version = (\S+) (\S+)"')

#: format-notes §0 / §9: op-version pages per file
PAGES_PER_FILE = {"000": 10, "001": 348, "002": 222, "004": 4}
#: the issue's list of service versions
SERVICE_VERSIONS = {
    "archivestorage": ["1.0", "1.1"],
    "backup": ["1.0", "1.1", "1.2"],
    "baremetal-blockstorage": ["1.0", "1.1", "1.2", "1.3"],
    "filestorage": ["1.0", "1.1"],
    "parallel-filestorage": ["1.0"],
    "virtualserver": ["1.0", "1.1", "1.2", "1.3"],
}
ALL_SPECS = [(service, version) for service, versions in SERVICE_VERSIONS.items() for version in versions]


@dataclass(slots=True)
class VersionPage:
    """One op-version page as the plain text shows it."""

    page: str  # "pages/scp/<file>"
    line: int  # the version heading
    version: str
    method: str
    path: str
    service: str = ""
    status: str = ""
    date: str = ""  # "-" or YYYYMMDD
    request_line: int = 0  # the example request path line
    response_line: int = 0  # the "Response NNN" line
    param_lines: dict[str, int] = field(default_factory=dict)


def _next_nonblank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


@cache
def version_pages(file_name: str) -> tuple[VersionPage, ...]:
    lines = (PAGES / file_name).read_text(encoding="utf-8").split("\n")
    out: list[VersionPage] = []
    for i, line in enumerate(lines):
        heading = VERSION_HEADING.match(line)
        if not heading:
            continue
        j = _next_nonblank(lines, i + 1)
        method = METHOD_LINE.match(lines[j]) if j < len(lines) else None
        if not method:
            continue
        version = heading.group(1)
        rec = VersionPage(f"pages/scp/{file_name}", i + 1, version, method.group(1).upper(), method.group(2))
        k = j + 1
        while k < len(lines) and not ANY_HEADING.match(lines[k]):
            text = lines[k].strip()
            if (m := STATE.search(text)) and not rec.status:
                rec.status = m.group(1)
            elif (m := DATE_ROW.fullmatch(text) or DATE_SQUASHED.fullmatch(text)) and m.group(1) == version:
                rec.date = rec.date or m.group(2)
            elif m := API_VERSION.search(text):
                rec.service = m.group(1)
            elif text == "Request path":
                rec.request_line = _next_nonblank(lines, k + 1) + 1
            elif m := re.fullmatch(r"Response (\d{3})", text):
                rec.response_line = k + 1
            elif m := re.match(r"^\| (?:path|query) \| (\S+) (?:required|optional) \|", text):
                rec.param_lines[m.group(1)] = k + 1
            k += 1
        out.append(rec)
    return tuple(out)


def all_version_pages() -> list[VersionPage]:
    return [rec for path in sorted(PAGES.glob("*.txt")) for rec in version_pages(path.name)]


@cache
def _pages_by_operation() -> dict[tuple[str, str, str, str, str], VersionPage]:
    """Version pages by (page, service, version, method, path): how a spec's ``x-source`` (page, URL and heading,
    no line) leads back to the page it was read from. The key must be unique within a page for that to work."""
    index: dict[tuple[str, str, str, str, str], VersionPage] = {}
    for rec in all_version_pages():
        key = (rec.page, rec.service, rec.version, rec.method, rec.path)
        assert key not in index, f"{rec.page}:{rec.line} documents {key[1:]} twice"
        index[key] = rec
    return index


def page_of(op: dict[str, Any], service: str, method: str, path: str) -> VersionPage | None:
    """The version page an operation of ``service`` was read from (None: its x-source names no such page)."""
    source = op["x-source"]
    rec = _pages_by_operation().get((source["page"], service, op["x-doc-version"], method, path))
    return rec


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(method.upper(), path, op) for path, item in spec["paths"].items() for method, op in item.items()]


def _own(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """Operations read from a page of this very version (not carried-forward copies)."""
    return [(m, p, op) for m, p, op in _operations(spec) if op["x-doc-version"] == spec["info"]["version"]]


# -- 1. page accounting -------------------------------------------------------------------------------------------


def test_version_pages_counted_independently() -> None:
    counts = {path.name[:3]: len(version_pages(path.name)) for path in sorted(PAGES.glob("*.txt"))}
    assert counts == PAGES_PER_FILE
    assert sum(counts.values()) == 584
    # every page names its service (Scp-Api-Version) and its status; those are what the accounting relies on
    assert all(rec.service and rec.status and rec.date for rec in all_version_pages())


def test_every_version_page_is_in_exactly_one_spec_or_superseded(scp_build: ScpBuild) -> None:
    pages = {(rec.page, rec.line): rec for rec in all_version_pages()}
    places: dict[tuple[str, int], list[str]] = {}
    for (service, version), spec in scp_build.specs.items():
        for method, path, op in _own(spec):
            rec = page_of(op, service, method, path)
            assert rec is not None, f"{service} {version} {method} {path}: x-source {op['x-source']} is no version page"
            places.setdefault((rec.page, rec.line), []).append(f"spec {service} {version}")
    for service, payload in scp_build.findings.items():
        for finding in payload["findings"]:
            if finding["kind"] != "superseded":
                continue
            key = (finding["page"], finding["line"])
            places.setdefault(key, []).append(f"superseded in {service}")
            rec = pages.get(key)
            assert rec is not None, f"superseded finding {key} is no version page"
            assert (rec.service, rec.version) == (service, finding["version"])
            assert finding["subject"] == f"{rec.method} {rec.path}"
    missing = sorted(set(pages) - set(places))
    twice = {key: where for key, where in places.items() if len(where) > 1}
    assert not missing, f"{len(missing)} version pages in no spec and not superseded, e.g. {missing[:5]}"
    assert not twice, f"pages accounted more than once: {dict(list(twice.items())[:5])}"
    assert len(places) == 584


# -- 2. the service versions exist and validate --------------------------------------------------------------------


def test_all_scp_service_versions_are_built(scp_build: ScpBuild) -> None:
    assert scp_build.report.errors == []
    assert sorted(scp_build.specs) == sorted(ALL_SPECS)
    for (service, version), spec in scp_build.specs.items():
        info = spec["info"]
        assert spec["openapi"] == "3.1.0"
        assert (info["x-provider"], info["x-service"], info["version"]) == ("scp", service, version)
        assert info["x-api-version-header"] == {"name": "Scp-Api-Version", "value": f"{service} {version}"}
        assert [v["version"] for v in info["x-versions"]] == sorted(SERVICE_VERSIONS[service], reverse=True)


@pytest.mark.parametrize(("service", "version"), ALL_SPECS, ids=[f"{s}-{v}" for s, v in ALL_SPECS])
def test_spec_validates(scp_build: ScpBuild, service: str, version: str) -> None:
    from openapi_spec_validator import OpenAPIV31SpecValidator

    spec = scp_build.specs[(service, version)]
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in OpenAPIV31SpecValidator(spec).iter_errors()
    ]
    assert errors == []


# -- 4. examples against their schemas ------------------------------------------------------------------------------


def _pointer(parts: list[str | int]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


#: The oracle's date formats: jsonschema's own (RFC 3339 through rfc3339-validator), not the build's reading of them.
_DATE_FORMATS = FormatChecker(formats=("date-time", "date"))
assert _DATE_FORMATS.conforms("2024-05-01T10:00:00Z", "date-time") and not _DATE_FORMATS.conforms(
    "2024-05-01T10:00:00", "date-time"
)


def _example_failures(
    spec: dict[str, Any], service: str, key: str = "x-documented-example"
) -> set[tuple[str, int, str, str, str, str]]:
    """(page, line, subject, version, what, instance pointer) for every validation error of a documented example
    kept under ``key`` (``example``: the ones emitted as examples, which must all validate)."""
    registry: Registry[Any] = Registry().with_resource(
        "urn:spec", Resource.from_contents(spec, default_specification=DRAFT202012)
    )
    version = spec["info"]["version"]
    out: set[tuple[str, int, str, str, str, str]] = set()

    def check(instance: Any, where: list[str | int], page: str, line: int, subject: str, what: str) -> None:
        validator = Draft202012Validator(
            {"$ref": "urn:spec#" + _pointer(where)}, registry=registry, format_checker=_DATE_FORMATS
        )
        for error in validator.iter_errors(instance):
            out.add((page, line, subject, version, what, _pointer(list(error.absolute_path))))

    for method, path, op in _own(spec):
        rec = page_of(op, service, method, path)
        assert rec is not None
        subject = f"{service}:{method} {path}"
        base: list[str | int] = ["paths", path, method.lower()]
        for index, param in enumerate(op.get("parameters", [])):
            if key in param:
                line = rec.param_lines[param["name"]]
                check(param[key], [*base, "parameters", index, "schema"], rec.page, line, subject, "parameter")
        for media_type, media in op.get("requestBody", {}).get("content", {}).items():
            if key in media:
                where = [*base, "requestBody", "content", media_type, "schema"]
                check(media[key], where, rec.page, rec.request_line, subject, "request")
        for code, response in op["responses"].items():
            for media_type, media in response.get("content", {}).items():
                if key in media:
                    where = [*base, "responses", code, "content", media_type, "schema"]
                    check(media[key], where, rec.page, rec.response_line, subject, "response")
    return out


@pytest.fixture(scope="module")
def example_check(scp_build: ScpBuild) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    """(failures found here, example-mismatch findings), both as (page, line, subject, version, pointer)."""
    failures: set[tuple[Any, ...]] = set()
    for (service, _version), spec in scp_build.specs.items():
        failures |= _example_failures(spec, service)
        # an example that contradicts its schema is kept beside it, never emitted as the example
        assert _example_failures(spec, service, "example") == set()
    findings: set[tuple[Any, ...]] = set()
    for payload in scp_build.findings.values():
        for f in payload["findings"]:
            if f["kind"] == "example-mismatch":
                match = re.search(r" at (\S*): ", f["message"])
                assert match, f"example-mismatch message names no instance path: {f['message']!r}"
                pointer = "" if match.group(1) == "/" else match.group(1)
                findings.add((f["page"], f["line"], f["subject"], f["version"], pointer))
    return failures, findings


def test_every_failing_example_is_a_finding_and_every_finding_a_failure(
    example_check: tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]],
) -> None:
    failures, findings = example_check
    found = {(page, line, subject, version, pointer) for page, line, subject, version, _what, pointer in failures}
    assert found, "no example fails at all: the documented 001 violations are gone"
    assert sorted(found - findings)[:10] == [], "examples that fail validation without an example-mismatch finding"
    assert sorted(findings - found)[:10] == [], "example-mismatch findings for examples that validate"


def test_page_001_example_violation_totals(
    example_check: tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]],
) -> None:
    failures, _ = example_check
    counts = Counter(what for page, *_rest, what, _pointer in failures if page.endswith("/001_dc092d8be0253ee9.txt"))
    # 107 before a bare ``object`` Schema cell with a scalar example was read as untyped (usage_gb in 3 versions,
    # the snapshot sizes of baremetal-blockstorage in 4: their examples are numbers and strings, never objects)
    # 92 before date-time was asserted: 24 responses show created_at as '2024-07-30T04:54:33.219373', no timezone
    assert counts["response"] == 116
    assert counts["request"] == 5


# -- 5. versions, deprecation, carry-forward ------------------------------------------------------------------------


def _overview_versions(file_name: str) -> dict[str, list[dict[str, str]]]:
    """service slug -> version table rows of the service overviews in a page (plain-text reading)."""
    lines = (PAGES / file_name).read_text(encoding="utf-8").split("\n")
    out: dict[str, list[dict[str, str]]] = {}
    rows: list[dict[str, str]] = []
    for line in lines:
        row = re.fullmatch(r"\| (\d+\.\d+) \| (CURRENT|DEPRECATED|SUPPORTED|PLANNED) \| (-|\d{8}) \|", line)
        if row:
            entry = {"version": row.group(1), "status": row.group(2)}
            if row.group(3) != "-":
                date = row.group(3)
                entry["date"] = f"{date[:4]}-{date[4:6]}-{date[6:]}"
            rows.append(entry)
        slug = re.fullmatch(r"https://([a-z0-9-]+)\.\{region\}\.\{environment\}\.samsungsdscloud\.com", line)
        if slug:
            out[slug.group(1)] = rows
            rows = []
    return out


def test_version_tables_follow_the_overviews(scp_build: ScpBuild) -> None:
    tables = _overview_versions("001_dc092d8be0253ee9.txt")  # 001 is the later capture of every service it has
    assert sorted(tables) == sorted(s for s in SERVICE_VERSIONS if s != "virtualserver")
    for (service, version), spec in scp_build.specs.items():
        info = spec["info"]
        if service in tables:
            assert info["x-versions"] == tables[service]
        entry = next(v for v in info["x-versions"] if v["version"] == version)
        assert info["x-api-status"] == entry["status"]
        assert info.get("x-sunset") == entry.get("date")


def _iso(date: str) -> str | None:
    return None if date == "-" else f"{date[:4]}-{date[4:6]}-{date[6:]}"


def test_status_sunset_and_deprecated_follow_each_page(scp_build: ScpBuild) -> None:
    checked = Counter[str]()
    for (service, version), spec in scp_build.specs.items():
        for method, path, op in _operations(spec):
            assert op.get("deprecated", False) is (op["x-api-status"] == "DEPRECATED"), f"{version} {method} {path}"
            if op["x-doc-version"] != version:
                continue
            rec = page_of(op, service, method, path)
            assert rec is not None
            assert op["x-api-status"] == rec.status, f"{rec.page}:{rec.line}"
            assert op.get("x-sunset") == _iso(rec.date), f"{rec.page}:{rec.line}"
            checked[rec.status] += 1
    # format-notes §2.3: 333 DEPRECATED, 250 CURRENT, 1 SUPPORTED; 12 pages are superseded (000, 002 Create Image)
    assert sum(checked.values()) == 584 - 12
    assert checked["SUPPORTED"] == 1


def test_carried_forward_operations(scp_build: ScpBuild) -> None:
    specs = scp_build.specs
    for (service, version), spec in specs.items():
        info = spec["info"]
        for method, path, op in _operations(spec):
            if op["x-doc-version"] == version:
                continue
            # a carried copy comes from the newest older page, which was CURRENT or SUPPORTED
            doc_version = op["x-doc-version"]
            assert _vkey(doc_version) < _vkey(version)
            origin = specs[(service, doc_version)]["paths"][path][method.lower()]
            assert origin["x-doc-version"] == doc_version
            assert origin["x-api-status"] in ("CURRENT", "SUPPORTED")
            assert op["x-source"] == origin["x-source"]
            assert op["x-api-status"] == info["x-api-status"]
            newer_pages = [v for v in SERVICE_VERSIONS[service] if _vkey(doc_version) < _vkey(v) < _vkey(version)]
            for between in newer_pages:
                assert specs[(service, between)]["paths"][path][method.lower()]["x-doc-version"] == doc_version

    own_11 = {(m, p) for m, p, op in _own(specs[("virtualserver", "1.1")]) if op["x-api-status"] == "CURRENT"}
    assert len(own_11) == 109  # 002's 110 CURRENT 1.1 pages minus Create Image, replaced by 004 (DEPRECATED there)
    for target in ("1.2", "1.3"):
        ops = {(m, p): op for m, p, op in _operations(specs[("virtualserver", target)])}
        assert set(ops) == own_11 | {("POST", "/v1/images")}
        assert all(ops[key]["x-doc-version"] == "1.1" for key in own_11)
        image = ops[("POST", "/v1/images")]
        assert image["x-doc-version"] == target
        assert image["x-source"]["page"] == "pages/scp/004_dcbb7d1e887604a7.txt"


def test_security_group_attach_detach_only_in_1_0(scp_build: ScpBuild) -> None:
    titles = {"Attach Virtual Server Security Group", "Detach Virtual Server Security Group"}
    for version in SERVICE_VERSIONS["virtualserver"]:
        summaries = {op["summary"] for _m, _p, op in _operations(scp_build.specs[("virtualserver", version)])}
        assert (titles <= summaries) is (version == "1.0"), version
        assert not (titles & summaries) or version == "1.0"


def test_create_image_1_3_from_page_004(scp_build: ScpBuild) -> None:
    spec = scp_build.specs[("virtualserver", "1.3")]
    op = spec["paths"]["/v1/images"]["post"]
    assert op["x-source"]["page"] == "pages/scp/004_dcbb7d1e887604a7.txt"
    rec = page_of(op, "virtualserver", "POST", "/v1/images")
    assert rec is not None and rec.line == 7  # "1 - 1.3" (format-notes §1.3)
    assert "line" not in op["x-source"]  # provenance without line numbers (they stay in the findings)
    assert op["x-source"]["heading"] == "Create Image / 1.3"
    assert op["x-source"]["url"].endswith("#create-image")  # the operation's anchor on the page
    assert op["summary"] == "Create Image"
    ref = op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    assert ref == "#/components/schemas/ImageShowResponseV1Dot2"
    model = spec["components"]["schemas"]["ImageShowResponseV1Dot2"]
    assert "scp_gpu_driver" in model["properties"]
    old = scp_build.specs[("virtualserver", "1.1")]["paths"]["/v1/images"]["post"]
    assert old["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/ImageShowResponse")
    assert "scp_gpu_driver" not in scp_build.specs[("virtualserver", "1.1")]["components"]["schemas"][
        "ImageShowResponse"
    ].get("properties", {})


def _vkey(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _suffix_version(name: str) -> str | None:
    match = re.search(r"V?(\d+)Dot(\d+)$", name)
    return f"{match.group(1)}.{match.group(2)}" if match else None


def test_version_suffixed_models_are_kept_and_used_from_their_version_on(scp_build: ScpBuild) -> None:
    text = (PAGES / "001_dc092d8be0253ee9.txt").read_text(encoding="utf-8")
    defined = set(re.findall(r"^\d+\.2\.\d+ - (\w+?V?\d+Dot\d+)$", text, flags=re.MULTILINE))
    assert len(defined) == 20  # format-notes §5
    in_specs = {name for spec in scp_build.specs.values() for name in spec.get("components", {}).get("schemas", {})}
    assert defined <= in_specs
    for (service, version), spec in scp_build.specs.items():
        for method, path, op in _own(spec):
            for name in re.findall(r"#/components/schemas/(\w+)", repr(op)):
                suffix = _suffix_version(name)
                if suffix is not None:
                    assert _vkey(version) >= _vkey(suffix), f"{service} {version} {method} {path}"
