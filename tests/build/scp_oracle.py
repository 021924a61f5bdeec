"""Our SCP specs measured against Samsung's own OpenAPI documents, operation by operation and field by field.

Samsung's Terraform SDK (github.com/SamsungSDSCloud/terraform-sdk-samsungcloudplatformv2, MIT licence, Copyright (c)
2022 Samsung SDS) ships OpenAPI documents for SCP services under ``library/<service>/1.0/api/openapi.yaml``. They are
not the docs: they come from the services' code and may be newer or older than the published pages, so a
difference is a question to take to the page (``pages/scp/``), which wins. This module only measures; it reads the
oracle documents from a folder given on the command line (never the network, never committed whole):

    python -m tests.build.scp_oracle /tmp/scp-oracle            # table per service
    python -m tests.build.scp_oracle /tmp/scp-oracle --details  # and every difference
    python -m tests.build.scp_oracle /tmp/scp-oracle --spec DIR # another spec/scp tree (e.g. git main's)

``open`` counts the fields the oracle types and ours leaves open (any value): agreement in ``type``, since the page
did not say, but no type either. Differences on fields read from examples (``x-inferred``) are marked
``-inferred``: the page never states required, nullable or format there.

Each oracle file is ``<service>-1.0.yaml`` (or ``<service>.yaml``); every operation carries ``x-api-version``, and
is compared with our ``spec/scp/<service>/<that version>.yaml``. Compared per operation (method + path, placeholders
normalised): parameters by (name, location): required and type; request body and 2xx response schemas flattened
to dotted field paths (``contents[].id``), resolving ``$ref``s, each field: type, required, enum, format, nullable.
Nullability is read the same way on both sides: ``nullable: true`` (OpenAPI 3.0, which the oracle uses inside 3.1
documents), ``type: [X, 'null']`` and an ``anyOf``/``oneOf`` with a ``null`` branch all mean nullable.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tests.paths import ROOT

HTTP_METHODS = ("get", "put", "post", "delete", "patch")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
MAX_DEPTH = 8


@dataclass(frozen=True)
class FieldShape:
    """What one field says about itself, normalised so the two sides' spellings compare."""

    types: frozenset[str]
    nullable: bool
    required: bool
    enum: frozenset[str] | None
    format: str | None
    #: read from examples, not from a Models table (``x-inferred`` on the field or a schema above it): the page
    #: never says required, nullable or format there, so a difference is the inference's, not the reading's
    inferred: bool = False
    #: ``pattern``, ``minLength``, ``maxLength``, ``minimum``, ``maximum`` as ``key=value`` (the page's
    #: ``Pattern :`` ... lines under a field's example)
    constraints: frozenset[str] = frozenset()
    #: the default as JSON, None for none (the page's Default column)
    default: str | None = None


#: what is compared of each field found on both sides
ASPECTS = ("types", "required", "enum", "format", "nullable", "constraints", "default")
CONSTRAINT_KEYWORDS = ("pattern", "minLength", "maxLength", "minimum", "maximum")


@dataclass
class ServiceScore:
    """Counts for one service; ``differences`` lists each mismatch as ``kind<TAB>operation<TAB>what``."""

    ours: int = 0
    oracle: int = 0
    matched: int = 0
    params: Counter[str] = field(default_factory=Counter)
    fields: Counter[str] = field(default_factory=Counter)
    differences: list[str] = field(default_factory=list)


def normalised_path(path: str) -> str:
    """Placeholders named differently on the two sides (``{id}``, ``{server_id}``) are the same segment."""
    return _PLACEHOLDER.sub("{}", path.rstrip("/"))


def resolve(document: Mapping[str, Any], schema: Any, seen: frozenset[str] = frozenset()) -> tuple[Any, frozenset[str]]:
    """Follows local ``$ref``s (and a lone ``allOf`` of one schema) to the schema they name."""
    while isinstance(schema, Mapping):
        if "$ref" in schema and isinstance(schema["$ref"], str):
            ref = schema["$ref"]
            if ref in seen or not ref.startswith("#/"):
                return {}, seen
            seen = seen | {ref}
            target: Any = document
            for part in ref[2:].split("/"):
                target = target.get(part, {}) if isinstance(target, Mapping) else {}
            schema = target
            continue
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1 and "properties" not in schema:
            schema = all_of[0]
            continue
        break
    return schema, seen


def shape(document: Mapping[str, Any], schema: Any, required: bool) -> tuple[FieldShape, Any, frozenset[str]]:
    """The shape of ``schema`` and the non-null schema its children are read from."""
    # ``{allOf: [$ref], nullable: true}``: the oracle's nullable model or enum; resolving drops the sibling
    outer_nullable = isinstance(schema, Mapping) and bool(schema.get("nullable"))
    # and the default and constraints written beside the ``allOf`` (``{allOf: [$ref VolumeType], default: SSD}``)
    outer = schema if isinstance(schema, Mapping) else {}
    schema, seen = resolve(document, schema)
    if not isinstance(schema, Mapping):
        return FieldShape(frozenset(), outer_nullable, required, None, None), {}, seen
    nullable = outer_nullable or bool(schema.get("nullable"))
    types: set[str] = set()
    body: Any = schema
    for key in ("anyOf", "oneOf"):
        branches = schema.get(key)
        if isinstance(branches, list):
            for branch in branches:
                branch, branch_seen = resolve(document, branch, seen)
                if not isinstance(branch, Mapping):
                    continue
                if branch.get("type") == "null":
                    nullable = True
                    continue
                inner = shape(document, branch, required)[0]
                types |= inner.types
                nullable = nullable or inner.nullable
                body, seen = branch, branch_seen
    declared = schema.get("type")
    for name in declared if isinstance(declared, list) else [declared] if declared else []:
        if name == "null":
            nullable = True
        else:
            types.add(str(name))
    if not types and "properties" in schema:
        types.add("object")
    enum = schema.get("enum", body.get("enum") if isinstance(body, Mapping) else None)
    enum_set = frozenset(str(value) for value in enum if value is not None) if isinstance(enum, list) else None
    fmt = schema.get("format") or (body.get("format") if isinstance(body, Mapping) else None)
    constraints = frozenset(
        f"{keyword}={_json(holder[keyword])}"
        for holder in (outer, schema, body)
        if isinstance(holder, Mapping)
        for keyword in CONSTRAINT_KEYWORDS
        if keyword in holder
    )
    default = next(
        (
            _json(holder["default"])
            for holder in (outer, schema, body)
            if isinstance(holder, Mapping) and "default" in holder
        ),
        None,
    )
    found = FieldShape(frozenset(types), nullable, required, enum_set or None, fmt, False, constraints, default)
    return found, body, seen


def _json(value: Any) -> str:
    """A value as compared: JSON with sorted keys, numbers as the number they are (``1.0`` is ``1``)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def flatten(
    document: Mapping[str, Any], schema: Any, prefix: str = "", depth: int = 0, inferred: bool = False
) -> dict[str, FieldShape]:
    """Every field under ``schema`` by its dotted path (``[]`` for an array's items)."""
    fields: dict[str, FieldShape] = {}
    if depth > MAX_DEPTH:
        return fields
    resolved, _ = resolve(document, schema)
    inferred = inferred or (isinstance(resolved, Mapping) and resolved.get("x-inferred") is True)
    _, body, _ = shape(document, schema, True)
    if not isinstance(body, Mapping):
        return fields
    inferred = inferred or body.get("x-inferred") is True
    if body.get("type") == "array" or "items" in body:
        return flatten(document, body.get("items"), prefix + "[]", depth + 1, inferred)
    required = set(body.get("required") or [])
    for name, child in (body.get("properties") or {}).items():
        path = f"{prefix}.{name}" if prefix else str(name)
        child_shape = shape(document, child, name in required)[0]
        child_inferred = inferred or (isinstance(child, Mapping) and child.get("x-inferred") is True)
        fields[path] = dataclasses.replace(child_shape, inferred=child_inferred)
        fields.update(flatten(document, child, path, depth + 1, inferred))
    return fields


def operations(document: Mapping[str, Any]) -> Iterator[tuple[str, str, Mapping[str, Any]]]:
    """(``METHOD /path``, its version, operation) for every operation, ``x-operations`` members included."""
    for path, item in (document.get("paths") or {}).items():
        if not isinstance(item, Mapping):
            continue
        for method in HTTP_METHODS:
            operation = item.get(method)
            if not isinstance(operation, Mapping):
                continue
            key = f"{method.upper()} {normalised_path(path)}"
            yield key, str(operation.get("x-api-version", "")), operation


def body_schema(operation: Mapping[str, Any]) -> Any:
    """The JSON body's schema, else the first media type's (a multipart form's fields are fields too: iam's
    ``POST /v1/saml-providers``; the page prints one body row whatever the media type)."""
    content = (operation.get("requestBody") or {}).get("content") or {}
    if not isinstance(content, Mapping) or not content:
        return None
    media = content.get("application/json") or next(iter(content.values()))
    return media.get("schema") if isinstance(media, Mapping) else None


def response_schema(operation: Mapping[str, Any]) -> Any:
    for code, response in sorted((operation.get("responses") or {}).items()):
        if str(code).startswith("2") and isinstance(response, Mapping):
            content = response.get("content") or {}
            return (content.get("application/json") or {}).get("schema")
    return None


def parameters(document: Mapping[str, Any], operation: Mapping[str, Any]) -> dict[tuple[str, str], FieldShape]:
    """Path and query parameters (headers differ by design: we send the version header, the oracle a token)."""
    found: dict[tuple[str, str], FieldShape] = {}
    for parameter in operation.get("parameters") or []:
        parameter, _ = resolve(document, parameter)
        if not isinstance(parameter, Mapping) or parameter.get("in") not in ("path", "query"):
            continue
        found[(str(parameter.get("name")), str(parameter["in"]))] = shape(
            document, parameter.get("schema"), bool(parameter.get("required"))
        )[0]
    return found


def compare_fields(
    score: ServiceScore,
    counter: Counter[str],
    key: str,
    where: str,
    ours: Mapping[Any, FieldShape],
    oracle: Mapping[Any, FieldShape],
) -> None:
    """Counts one pair of field maps into ``counter`` and records each difference."""
    counter["oracle"] += len(oracle)
    counter["ours"] += len(ours)
    for name in sorted(set(ours) - set(oracle), key=str):
        score.differences.append(f"{where}-only-ours\t{key}\t{name}")
    for name, theirs in sorted(oracle.items(), key=lambda item: str(item[0])):
        mine = ours.get(name)
        if mine is None:
            score.differences.append(f"{where}-only-oracle\t{key}\t{name}")
            continue
        counter["matched"] += 1
        for aspect in ASPECTS:
            a, b = getattr(mine, aspect), getattr(theirs, aspect)
            if aspect == "types" and (not a or not b or (a == {"number"} and b == {"integer"})):
                counter[f"{aspect}-agree"] += 1  # untyped on one side, or a wider number: not a disagreement
                counter["types-open"] += 1 if not a and b else 0  # but counted: the page left it open
                continue
            if a == b:
                counter[f"{aspect}-agree"] += 1
            else:
                kind = f"{where}-{aspect}" + ("-inferred" if mine.inferred else "")
                score.differences.append(f"{kind}\t{key}\t{name}: ours {_show(a)} oracle {_show(b)}")


def _show(value: Any) -> str:
    if isinstance(value, frozenset):
        return "[" + ",".join(sorted(value)) + "]"
    return str(value)


def score_service(oracle: Mapping[str, Any], ours_by_version: Mapping[str, Mapping[str, Any]]) -> ServiceScore:
    score = ServiceScore()
    ours_ops: dict[str, dict[str, tuple[Mapping[str, Any], Mapping[str, Any]]]] = {}
    for version, document in ours_by_version.items():
        ours_ops[version] = {key: (document, operation) for key, _, operation in operations(document)}
    versions = {version for _, version, _ in operations(oracle)}
    score.ours = sum(len(ours_ops.get(version, {})) for version in versions)
    for key, version, operation in operations(oracle):
        score.oracle += 1
        found = ours_ops.get(version, {}).get(key)
        if found is None:
            score.differences.append(f"operation-only-oracle\t{key}\t{version}")
            continue
        score.matched += 1
        document, ours = found
        compare_fields(score, score.params, key, "param", parameters(document, ours), parameters(oracle, operation))
        for where, pick in (("request", body_schema), ("response", response_schema)):
            compare_fields(
                score,
                score.fields,
                key,
                where,
                flatten(document, pick(ours)),
                flatten(oracle, pick(operation)),
            )
    oracle_keys = {(version, key) for key, version, _ in operations(oracle)}
    for version in versions:
        for key in ours_ops.get(version, {}):
            if (version, key) not in oracle_keys:
                score.differences.append(f"operation-only-ours\t{key}\t{version}")
    return score


def load(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def oracle_files(folder: Path, spec_root: Path) -> Iterator[tuple[str, Path]]:
    """(service, oracle file) for every oracle document of a service we have specs for."""
    for path in sorted(folder.glob("*.yaml")):
        service = re.sub(r"-\d+\.\d+$", "", path.stem)
        if (spec_root / service).is_dir() and re.search(r"-\d+\.\d+$", path.stem):
            yield service, path


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def report(folder: Path, spec_root: Path, details: bool) -> str:
    header = (
        "service                  ops ours/oracle/matched  params o/m   fields o/m    type   req    enum   fmt    null"
        "  open"
    )
    lines = [header]
    all_differences: list[str] = []
    for service, path in oracle_files(folder, spec_root):
        ours = {file.stem: load(file) for file in sorted((spec_root / service).glob("*.yaml"))}
        score = score_service(load(path), ours)
        f = score.fields
        compared = f["matched"] + score.params["matched"]  # each aspect's share is over params and fields together
        lines.append(
            f"{service:24} {score.ours:4}/{score.oracle:4}/{score.matched:4}"
            f"          {score.params['oracle']:4}/{score.params['matched']:4}"
            f"  {f['oracle']:5}/{f['matched']:5}"
            + "".join(
                " " + _percent(f[aspect + "-agree"] + score.params[aspect + "-agree"], compared)
                for aspect in ("types", "required", "enum", "format", "nullable")
            )
            + f" {f['types-open'] + score.params['types-open']:5}"
        )
        all_differences.extend(f"{service}\t{line}" for line in score.differences)
    kinds = Counter(line.split("\t")[1] for line in all_differences)
    lines.append("differences: " + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())))
    if details:
        lines.extend(all_differences)
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print("usage: python -m tests.build.scp_oracle ORACLE_DIR [--details] [--spec DIR]", file=sys.stderr)
        return 2
    spec_root = Path(argv[argv.index("--spec") + 1]) if "--spec" in argv[:-1] else ROOT / "spec" / "scp"
    print(report(Path(argv[0]), spec_root, "--details" in argv))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
