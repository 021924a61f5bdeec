"""Acceptance of issue 11: every NHN guide of the reading corpus, read through the real pipeline.

For each guide of ``tests/data/nhn_corpus_manifest.tsv`` the page is built as ``docs2client spec`` builds it
(``build_services`` on its catalog entry, then ``spec_files`` for every service and version) and:

* it never raises and never aborts (no build error, at least one service);
* every spec is valid OpenAPI 3.1 (``scraper.build.openapi.validate_spec``);
* every finding names the guide and a line >= 1;
* operation recall against the manifest (multiset of method + normalised path, see ``tests/dialects/nhn_corpus.py``) is
  >= 0.95 per guide and >= 0.97 over the corpus; precision is reported per guide and must be >= 0.9 corpus-wide.

Disagreements with a manifest count live in ``tests/data/nhn_corpus_disagreements.toml`` and are applied here
visibly (the manifest itself is never edited). Each guide is built once per process (``nhn_corpus.guide_build``).
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from scraper.build.openapi import validate_spec
from tests.dialects.nhn_corpus import (
    PAGES,
    Disagreement,
    ManifestEntry,
    build_page,
    catalog_page,
    corpus_totals,
    disagreements,
    documented_operations,
    expected_operations,
    guide_build,
    guide_match,
    manifest,
    manifest_entry,
    match_operations,
    normalise,
    parse_disagreements,
    parse_operation,
    recall_table,
)

GUIDES = [entry.file for entry in manifest()]
GUIDE_RECALL = 0.95
CORPUS_RECALL = 0.97
CORPUS_PRECISION = 0.9


# -- the harness itself -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("get", "/v2.0/vpcs?router:external=true", ("GET", "/v2.0/vpcs")),
        ("GET", "https://api.example.com/ncs/v1.0/appkeys/{appkey}/x", ("GET", "/ncs/v1.0/appkeys/{}/x")),
        ("POST", "/kms/{appkey}/keys/{secrets\\|symmetric-keys}/create", ("POST", "/kms/{}/keys/{}/create")),
        ("PUT", "/v1/${ACCOUNT}/{Container}/{Object}", ("PUT", "/v1/{}/{}/{}")),
        ("GET", '"/advisor/v1.0/appKey/{appKey}/setting"', ("GET", "/advisor/v1.0/appKey/{}/setting")),
        ("DELETE", "/v2.0/x/{a|b|c}/", ("DELETE", "/v2.0/x/{}")),
        ("GET", "/email/v2.1/appKeys/{appKey}/tags?x={y}&z=1", ("GET", "/email/v2.1/appKeys/{}/tags")),
    ],
)
def test_normalise(method: str, path: str, expected: tuple[str, str]) -> None:
    assert normalise(method, path) == expected


def test_normalise_keeps_literal_segments_apart() -> None:
    assert normalise("GET", "/advisor/v1.0/appKey/{appKey}") != normalise("GET", "/advisor/v1.0/appkeys/{appKey}")
    assert normalise("GET", "/v2.0/binary-group/{k}") != normalise("GET", "/v2.0/binary-groups/{k}")
    assert normalise("GET", "/a/{x}") != normalise("POST", "/a/{x}")
    assert normalise("GET", "/a/{x}/b") != normalise("GET", "/a/b/{x}")


@pytest.mark.parametrize("text", ["GET", "/v2.0/vpcs", "GET v2.0/vpcs", "GET https://host.example.com", ""])
def test_parse_operation_rejects_what_is_not_an_operation(text: str) -> None:
    with pytest.raises(ValueError, match="METHOD /path"):
        parse_operation(text)


def test_matching_is_a_multiset_comparison() -> None:
    put = ("PUT", "/v1/{}/{}/{}")
    result = match_operations([put, put, put, ("GET", "/a")], [put, ("GET", "/a"), ("GET", "/b")])
    assert result.matched == 2
    assert result.missing == Counter({put: 2})
    assert result.extra == Counter({("GET", "/b"): 1})
    assert result.recall == pytest.approx(0.5)
    assert result.precision == pytest.approx(2 / 3)
    # a reader that finds nothing has recall 0 and precision 0: it can never pass
    nothing = match_operations([put], [])
    assert (nothing.recall, nothing.precision) == (0.0, 0.0)
    assert match_operations([], []).recall == 1.0


def test_documented_operations_count_members_and_fixed_queries() -> None:
    member = {"operationId": "startServer", "summary": "Start"}
    spec = {
        "components": {"parameters": {"Id": {"name": "id", "in": "path", "required": True, "schema": {}}}},
        "paths": {
            "/v2/servers/{id}/action": {
                "parameters": [{"$ref": "#/components/parameters/Id"}],
                "post": {
                    "operationId": "serverAction",
                    "x-operations": [member, {"operationId": "stopServer", "summary": "Stop"}],
                },
            },
            "/v2.0/vpcs": {
                "get": {
                    "operationId": "listVpcs",
                    "x-operations": [
                        {"operationId": "listVpcs1"},
                        {
                            "operationId": "listExternal",
                            "parameters": [
                                {
                                    "name": "router:external",
                                    "in": "query",
                                    "required": True,
                                    "schema": {"const": "true"},
                                }
                            ],
                        },
                    ],
                }
            },
            "/v1/{a}/{c}/{o}": {
                "put": {"operationId": "upload"},
                "x-additionalOperations": {"COPY": {"operationId": "copy"}},
            },
        },
    }
    ops = documented_operations("s/v2.yaml", spec)
    assert [op.label for op in ops] == [
        "POST /v2/servers/{id}/action",
        "POST /v2/servers/{id}/action",
        "GET /v2.0/vpcs",
        "GET /v2.0/vpcs?router:external=true",
        "PUT /v1/{a}/{c}/{o}",
        "COPY /v1/{a}/{c}/{o}",
    ]
    assert ops[0].operation["operationId"] == "startServer" and ops[0].group is not None
    assert [p["name"] for p in ops[0].operation["parameters"]] == ["id"]
    expected = [parse_operation(t) for t in ("POST /v2/servers/{x}/action", "GET /v2.0/vpcs", "COPY /v1/{A}/{B}/{C}")]
    result = match_operations(expected, [op.key for op in ops])
    assert result.recall == 1.0 and result.precision == pytest.approx(3 / 6)


BLOCK_STORAGE = "003_source_Storage-Block-Storage_en_public-api.md"
#: the METHOD lines of the Block Storage guide (lines 16-879), the guide the dialect was first built against
BLOCK_STORAGE_OPERATIONS = [
    "GET /v2/{tenantId}/types",
    "GET /v2/{tenantId}/volumes",
    "GET /v2/{tenantId}/volumes/detail",
    "GET /v2/{tenantId}/volumes/{volumeId}",
    "POST /v2/{tenantId}/volumes",
    "DELETE /v2/{tenantId}/volumes/{volumeId}",
    "POST /v2/{tenantId}/volumes/{volumeId}/action",
    "GET /v2/{tenantId}/snapshots",
    "GET /v2/{tenantId}/snapshots/detail",
    "GET /v2/{tenantId}/snapshots/{snapshotId}",
    "POST /v2/{tenantId}/snapshots",
    "DELETE /v2/{tenantId}/snapshots/{snapshotId}",
]


def test_harness_measures_a_guide_the_dialect_reads() -> None:
    """The positive control: the same build and read-back give recall 1 on the Block Storage guide."""
    build = build_page(catalog_page(BLOCK_STORAGE))
    assert not build.crash and build.report is not None and not build.report.errors
    result = match_operations(
        [parse_operation(op) for op in BLOCK_STORAGE_OPERATIONS], [op.key for op in build.operations()]
    )
    assert (result.recall, result.precision) == (1.0, 1.0), (result.missing, result.extra)
    assert all(f["page"] == build.page and f["line"] >= 1 for f in build.findings)
    # and it fails when an operation is missing from what was read
    fewer = match_operations(
        [parse_operation(op) for op in BLOCK_STORAGE_OPERATIONS], [op.key for op in build.operations()][1:]
    )
    assert fewer.recall < 1.0 and sum(fewer.missing.values()) == 1


def test_disagreements_are_applied_visibly() -> None:
    entry = ManifestEntry("g.md", "r", "p", "c", "en", 2, ("GET /a", "GET /a"), "")
    changes = parse_disagreements(
        {
            "disagreement": [
                {"guide": "g.md", "operation": "GET /a", "change": "remove", "reason": "documented once, shown twice"},
                {"guide": "g.md", "operation": "POST /b", "change": "add", "reason": "an operation only in prose"},
                {"guide": "other.md", "operation": "POST /c", "change": "add", "reason": "another guide"},
            ]
        }
    )
    assert expected_operations(entry, changes) == [("GET", "/a"), ("POST", "/b")]
    with pytest.raises(ValueError, match="lacks"):
        expected_operations(entry, [Disagreement("g.md", "DELETE /a", "remove", "x")])
    for bad in ({"guide": "g.md", "operation": "GET /a", "change": "drop", "reason": "x"}, {"guide": "g.md"}):
        with pytest.raises(ValueError, match="disagreement #1"):
            parse_disagreements({"disagreement": [bad]})


# -- the data -----------------------------------------------------------------------------------------------------


def test_manifest_is_consistent() -> None:
    assert len(GUIDES) == 18 and len(set(GUIDES)) == 18
    assert sum(entry.operations for entry in manifest()) == 339  # tests/data/nhn_corpus_README.md
    for entry in manifest():
        assert len(entry.operation_list) == entry.operations, entry.file
        assert (PAGES / "nhn" / entry.file).is_file(), entry.file
        for op in entry.operation_list:
            parse_operation(op)
            assert "?" not in op and "://" not in op, f"{entry.file}: {op}"


@pytest.mark.parametrize("guide", GUIDES)
def test_manifest_operations_are_written_in_the_guide(guide: str) -> None:
    """Each counted operation is in the guide's text as method and path (a check on the yardstick, not the tool)."""
    text = (PAGES / "nhn" / guide).read_text(encoding="utf-8")
    written: Counter[tuple[str, str]] = Counter()
    for line in text.split("\n"):
        for match in re.finditer(
            r"\b(GET|POST|PUT|DELETE|PATCH|HEAD|COPY)\b[\s|`\"'\t:]+((?:https?://[^/\s]+)?/[^\s|\"'`]+)", line
        ):
            written[normalise(match.group(1), match.group(2))] += 1
    if guide.startswith("Log-Crash-Search"):  # 'Method of Delivery: POST' and 'URI: /v2/log' are separate bullets
        assert "Method of Delivery: POST" in text and "URI: /v2/log" in text
        written[("POST", "/v2/log")] += 1
    expected = Counter(parse_operation(op) for op in manifest_entry(guide).operation_list)
    assert not expected - written, f"{guide}: counted but not written as METHOD /path: {expected - written}"


def test_disagreements_name_manifest_guides() -> None:
    for change in disagreements():
        entry = manifest_entry(change.guide)  # LookupError when the guide is not in the manifest
        expected_operations(entry, [change])


# -- the guides ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_reads_without_abort(guide: str) -> None:
    build = guide_build(guide)
    assert not build.crash, f"{guide}: the pipeline raised\n{build.crash}"
    assert build.report is not None and not build.report.errors, f"{guide}: {build.report and build.report.errors}"
    assert build.report.services and build.specs, f"{guide}: no service"


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_specs_are_valid_openapi(guide: str) -> None:
    build = guide_build(guide)
    assert build.specs, f"{guide}: no spec to validate ({build.crash or (build.report and build.report.errors)})"
    for name, spec in sorted(build.specs.items()):
        assert spec.get("openapi", "").startswith("3.1"), f"{guide} {name}"
        problems = validate_spec(spec)
        assert not problems, f"{guide} {name}: {problems}"


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_findings_are_located(guide: str) -> None:
    build = guide_build(guide)
    assert build.report is not None and build.report.services, f"{guide}: no service, so no findings to check"
    bad = [
        f for f in build.findings if f.get("page") != build.page or not isinstance(f.get("line"), int) or f["line"] < 1
    ]
    assert not bad, f"{guide}: findings without page {build.page} and line >= 1: {bad[:5]}"


@pytest.mark.parametrize("guide", GUIDES)
def test_guide_operation_recall(guide: str) -> None:
    result = guide_match(guide)
    assert result.recall >= GUIDE_RECALL, (
        f"{guide}: recall {result.recall:.3f} < {GUIDE_RECALL} "
        f"(missing {sorted(result.missing.elements())}; extra {sorted(result.extra.elements())})"
    )


def test_corpus_recall_and_precision() -> None:
    table = recall_table(GUIDES)
    print("\n" + table)
    expected, found, matched = corpus_totals(GUIDES)
    assert expected == 339 + sum(1 if d.change == "add" else -1 for d in disagreements())
    recall = matched / expected
    precision = matched / found if found else 0.0
    assert recall >= CORPUS_RECALL, f"corpus recall {recall:.3f} < {CORPUS_RECALL}\n{table}"
    assert precision >= CORPUS_PRECISION, f"corpus precision {precision:.3f} < {CORPUS_PRECISION}\n{table}"
