"""Request and response field counts of NHN guides, read by a person, against the specs the pipeline emits.

``tests/data/nhn_field_counts.toml`` holds, per operation of 8 guides (6 with responses), the number of documented
request parameters by location, request body fields (top level and at every depth) and response body fields, with a
note of how each was counted from the Markdown. The spec side counts parameters by ``in`` (a group's and its
x-operations member's merged) and distinct property paths of the body schemas (through ``$ref``, array items and
``allOf``/``anyOf``/``oneOf``), so a reader that loses a row, invents an object or flattens ``a.b`` into one
property named ``"a.b"`` is off by at least one.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from typing import Any

import pytest

from tests.dialects.nhn_corpus import (
    DATA,
    DocumentedOperation,
    documented_operations,
    guide_build,
    parse_operation,
    resolve,
)

COUNTS = tomllib.loads((DATA / "nhn_field_counts.toml").read_text(encoding="utf-8"))
CASES = [(guide, op) for guide in COUNTS["guide"] for op in guide["operation"]]
JSON_TYPES = ("application/json", "application/json-patch+json", "*/*")

Path_ = tuple[str, ...]


def property_paths(
    spec: Mapping[str, Any], schema: Any, prefix: Path_ = (), depth: int = 0, *, documented: bool = False
) -> set[Path_]:
    """Every property of ``schema`` as a path of names, at every depth (array items stand for their array).

    ``documented``: leave out properties marked ``x-inferred`` (added from an example, not from a field table).
    """
    schema = resolve(spec, schema)
    if not isinstance(schema, Mapping) or depth > 20:
        return set()
    out: set[Path_] = set()
    for name, sub in (schema.get("properties") or {}).items():
        if documented and resolve(spec, sub).get("x-inferred") is True:
            continue
        out.add((*prefix, name))
        out |= property_paths(spec, sub, (*prefix, name), depth + 1, documented=documented)
    if "items" in schema:
        out |= property_paths(spec, schema["items"], prefix, depth + 1, documented=documented)
    for key in ("allOf", "anyOf", "oneOf"):
        for alternative in schema.get(key) or []:
            out |= property_paths(spec, alternative, prefix, depth + 1, documented=documented)
    return out


def body_schema(spec: Mapping[str, Any], holder: Any) -> Any:
    """The JSON schema of a requestBody or response (None when it has no JSON content)."""
    holder = resolve(spec, holder)
    content = (holder or {}).get("content") or {}
    for media in JSON_TYPES:
        if media in content:
            return content[media].get("schema")
    json_like = [v for k, v in content.items() if k.endswith("json")]
    return json_like[0].get("schema") if json_like else None


def success_schema(spec: Mapping[str, Any], operation: Mapping[str, Any]) -> Any:
    for status in sorted(operation.get("responses") or {}):
        if str(status).startswith("2"):
            schema = body_schema(spec, operation["responses"][status])
            if schema is not None:
                return schema
    return None


def response_paths(spec: Mapping[str, Any], schema: Any, guide: Mapping[str, Any], *, documented: bool) -> set[Path_]:
    paths = property_paths(spec, schema, documented=documented)
    root = guide.get("response_root")
    if root and (root,) in paths:
        paths = {p[1:] for p in paths if p[0] == root and len(p) > 1}
    common = {tuple(name.split(".")) for name in guide.get("common_response_fields", [])}
    return paths - common


def find_operation(guide: str, documented: str) -> tuple[str, DocumentedOperation]:
    """The emitted operation a manifest-style ``METHOD /path[?fixed=query]`` names (exactly one must match)."""
    build = guide_build(guide)
    assert build.specs, f"{guide}: no spec ({build.crash or (build.report and build.report.errors)})"
    key = parse_operation(documented)
    raw_query = documented.split("?", 1)[1] if "?" in documented else ""
    fixed = tuple(sorted(tuple(part.split("=", 1)) for part in raw_query.split("&") if "=" in part))
    wants_fixed = bool(fixed) and not any("{" in value for _, value in fixed)
    hits = [
        (name, op)
        for name, spec in sorted(build.specs.items())
        for op in documented_operations(name, spec)
        if op.key == key and (op.query == fixed if wants_fixed else not op.query)
    ]
    assert len(hits) == 1, f"{guide}: {documented} matches {len(hits)} emitted operations: {[o.label for _, o in hits]}"
    return hits[0]


@pytest.mark.parametrize(
    ("guide", "case"), CASES, ids=[f"{g['file'].split('__')[0]}:{c['operation']}" for g, c in CASES]
)
def test_field_counts(guide: dict[str, Any], case: dict[str, Any]) -> None:
    name, op = find_operation(guide["file"], case["operation"])
    spec = guide_build(guide["file"]).specs[name]
    operation = op.operation
    auth = {h.lower() for h in guide["auth_headers"]}
    params = [resolve(spec, p) for p in operation.get("parameters", [])]
    by_in = {
        where: sorted(
            p["name"] for p in params if p.get("in") == where and not (where == "header" and p["name"].lower() in auth)
        )
        for where in ("path", "query", "header")
    }
    got: dict[str, Any] = {where: len(names) for where, names in by_in.items()}
    request = property_paths(spec, body_schema(spec, operation.get("requestBody")), documented=True)
    got["request_top"] = sum(1 for p in request if len(p) == 1)
    got["request_fields"] = len(request)
    want = {k: case[k] for k in ("path", "query", "header", "request_top", "request_fields")}
    if "response_fields" in case:
        from_table = case.get("response_source", "table") == "table"
        response = response_paths(spec, success_schema(spec, operation), guide, documented=from_table)
        got["response_top"] = sum(1 for p in response if len(p) == 1)
        got["response_fields"] = len(response)
        want |= {k: case[k] for k in ("response_top", "response_fields")}
    else:
        response = set()
    got = {k: got[k] for k in want}
    assert got == want, (
        f"{guide['file']} {case['operation']} ({name}): spec {got} != read {want}\n"
        f"parameters {by_in}\nrequest {sorted(request)}\nresponse {sorted(response)}\nhow counted: {case['note']}"
    )


def test_auth_headers_are_not_lost() -> None:
    """Auth header rows are left out of the counts because the spec carries them as security: check it does. A
    guide that documents them inside some operations only (CloudTrail: "2.0 and later" need the User Access Key;
    only Event 조회(2.0) shows it) carries them on those operations (``operation-security`` findings), and its other
    operations carry none."""
    for guide in COUNTS["guide"]:
        build = guide_build(guide["file"])
        assert build.specs, f"{guide['file']}: no spec ({build.crash or (build.report and build.report.errors)})"
        scoped = {f.get("subject") for f in build.findings if f.get("kind") == "operation-security"}
        if scoped:
            carried = [
                operation
                for spec in build.specs.values()
                for item in spec.get("paths", {}).values()
                for operation in item.values()
                if isinstance(operation, dict) and operation.get("security", spec.get("security"))
            ]
            assert carried, f"{guide['file']}: operation-security findings but no operation carries security"
            continue
        for name, spec in build.specs.items():
            for path, item in spec.get("paths", {}).items():
                for method, operation in item.items():
                    if not isinstance(operation, dict) or "responses" not in operation:
                        continue
                    security = operation.get("security", spec.get("security"))
                    headers = {
                        p.get("name", "").lower() for p in operation.get("parameters", []) if p.get("in") == "header"
                    }
                    assert security or headers & {
                        h.lower() for h in guide["auth_headers"]
                    }, f"{guide['file']} {name} {method.upper()} {path}: no security requirement and no auth header"


# -- the counting itself ------------------------------------------------------------------------------------------


def test_property_paths_walk_refs_arrays_and_alternatives() -> None:
    spec = {
        "components": {
            "schemas": {"Gw": {"type": "object", "properties": {"id": {}, "vpc": {"properties": {"name": {}}}}}}
        }
    }
    schema = {
        "type": "object",
        "properties": {
            "gateways": {"type": "array", "items": {"$ref": "#/components/schemas/Gw"}},
            "next": {"anyOf": [{"type": "object", "properties": {"page": {}}}, {"type": "null"}]},
        },
    }
    assert property_paths(spec, schema) == {
        ("gateways",),
        ("gateways", "id"),
        ("gateways", "vpc"),
        ("gateways", "vpc", "name"),
        ("next",),
        ("next", "page"),
    }
    # a reader that does not nest dotted rows has more top-level properties: the top count catches it
    flat = {"type": "object", "properties": {"topic": {}, "topic.name": {}, "topic.description": {}}}
    assert sum(1 for p in property_paths({}, flat) if len(p) == 1) == 3
    assert property_paths({}, None) == set()


def test_response_paths_descend_into_the_root_and_drop_the_envelope() -> None:
    guide = {"response_root": "body", "common_response_fields": ["header", "header.resultCode"]}
    wrapped = {
        "properties": {"header": {"properties": {"resultCode": {}}}, "body": {"items": {"properties": {"a": {}}}}}
    }
    assert response_paths({}, wrapped, guide, documented=True) == {("a",)}
    flat = {"properties": {"header": {"properties": {"resultCode": {}}}, "a": {}, "b": {"properties": {"c": {}}}}}
    assert response_paths({}, flat, guide, documented=True) == {("a",), ("b",), ("b", "c")}
    sampled = {"properties": {"a": {}, "id": {"type": "string", "x-inferred": True}}}
    assert response_paths({}, sampled, guide, documented=True) == {("a",)}
    assert response_paths({}, sampled, guide, documented=False) == {("a",), ("id",)}


def test_counts_cover_five_guides_with_responses() -> None:
    with_responses = {g["file"] for g in COUNTS["guide"] if any("response_fields" in op for op in g["operation"])}
    assert len(with_responses) >= 5
    assert len(CASES) >= 20
    for _guide, case in CASES:
        assert case["note"].strip(), case
        parse_operation(case["operation"])
        assert ("response_top" in case) == ("response_fields" in case), case
