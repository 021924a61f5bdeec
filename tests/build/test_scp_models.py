"""Acceptance tests of the SCP Models sections (page 001) as they appear in the built specs.

Every row of every ``| Name | Description | Schema | Default |`` table under an ``N.2 - Models`` heading is read here
with plain regexes, by the row shapes listed in format-notes §5 (mid row, last row with the Default cell dropped,
empty description, ``| ||`` ending, explicit default, broken row), and must come out as one property of that model,
in that service's specs. Schema cells are checked by meaning: instances the expression admits must validate against
the emitted property, instances it excludes must not (plus the literal forms the issue asks for).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.conftest import ScpBuild
from tests.paths import ROOT

PAGE = ROOT / "pages" / "scp" / "001_dc092d8be0253ee9.txt"
PAGE_NAME = "pages/scp/001_dc092d8be0253ee9.txt"

PRIM = r"(?:string|integer|boolean|object|number)"
MODEL = r"[A-Z][A-Za-z0-9_]*[a-z][A-Za-z0-9_]*"
#: what a Schema cell can look like (a shape test only; the meaning is checked separately)
SCHEMA_LIKE = re.compile(rf"{PRIM}(?: \([a-z-]+\))?|array\[.+\]|any of \[.+\]|enum \(.+\)|{MODEL}")
NAME = r"(\S+) (required|optional)"
CONSTRAINTS = {
    "Pattern": "pattern",
    "Minimum length": "minLength",
    "Maximum length": "maxLength",
    "Minimum": "minimum",
    "Maximum": "maximum",
}
CONSTRAINT_SPLIT = re.compile(r"(Pattern|Minimum length|Maximum length|Minimum|Maximum) : ")


@dataclass(frozen=True, slots=True)
class ModelRow:
    service: str
    model: str
    line: int
    field: str
    required: bool
    description: str | None  # None for the broken rows (no Schema cell)
    schema: str | None
    default: str


def _classify(line: str) -> tuple[str, str, str | None, str | None, str]:
    """(field, flag, description, schema, default) of one model row, by the shapes of format-notes §5."""
    shapes = [
        rf"\| {NAME} \| (?P<s>[^|]+) \| \|\|",  # | f req | schema | ||
        rf"\| {NAME} \| (?P<s>[^|]+) \|",  # last row, empty description dropped
        rf"\| {NAME} \| (?P<d>.*) \| (?P<s>[^|]+) \| \|",  # mid row, empty default
        rf"\| {NAME} \| (?P<d>.*) \| (?P<s>[^|]+) \| (?P<v>[^|]+) \|",  # explicit default
        rf"\| {NAME} \| (?P<d>.*) \| (?P<s>[^|]+) \|",  # last row, default dropped
    ]
    for shape in shapes:
        match = re.fullmatch(shape, line)
        if not match or not SCHEMA_LIKE.fullmatch(match.group("s")):
            continue
        groups = match.groupdict()
        if groups.get("v") is not None and re.fullmatch(MODEL, match.group("s")):
            continue  # model-typed fields never have defaults: this is a description ending in a model-ish word
        return match.group(1), match.group(2), groups.get("d") or "", match.group("s"), groups.get("v") or ""
    broken = re.fullmatch(rf"\| {NAME} \| (.*) \|", line)
    assert broken, f"001: unexpected model row {line!r}"
    return broken.group(1), broken.group(2), None, None, ""


@cache
def model_rows() -> tuple[ModelRow, ...]:
    lines = PAGE.read_text(encoding="utf-8").split("\n")
    slugs: dict[str, str] = {}
    section = ""
    for line in lines:
        if match := re.fullmatch(r"(\d+) - .+", line):
            section = match.group(1)
        if match := re.fullmatch(r"https://([a-z0-9-]+)\.\{region\}.*", line):
            slugs[section] = match.group(1)
    rows: list[ModelRow] = []
    for i, line in enumerate(lines):
        heading = re.fullmatch(r"(\d+)\.2\.\d+ - (\S+)", line)
        if not heading:
            continue
        assert lines[i + 1] == "| Name | Description | Schema | Default |", f"001:{i + 2}"
        k = i + 3
        while k < len(lines) and lines[k].startswith("|"):
            field, flag, desc, schema, default = _classify(lines[k])
            rows.append(
                ModelRow(
                    slugs[heading.group(1)], heading.group(2), k + 1, field, flag == "required", desc, schema, default
                )
            )
            k += 1
    return tuple(rows)


def _split_description(desc: str) -> tuple[str, str | None, dict[str, str]]:
    """description text, example text (None when no ``Example :``), constraint texts by JSON Schema keyword."""
    match = re.search(r"(?:^| )Example :(?: |$)", desc)
    if match is None:
        return desc.strip(), None, {}
    text, example = desc[: match.start()], desc[match.end() :]
    parts = CONSTRAINT_SPLIT.split(example)
    constraints = {CONSTRAINTS[parts[i]]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}
    return text.strip(), parts[0].strip(), constraints


@pytest.fixture(scope="module")
def models(scp_build: ScpBuild) -> dict[tuple[str, str], dict[str, Any]]:
    """(service, model) -> the model's schema; a model must be identical in every spec of its service."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for (service, version), spec in scp_build.specs.items():
        for name, schema in spec.get("components", {}).get("schemas", {}).items():
            if schema.get("x-source", {}).get("page") != PAGE_NAME or schema.get("x-inferred"):
                continue
            key = (service, name)
            assert out.setdefault(key, schema) == schema, f"{service} {name} differs in {version}"
    return out


@pytest.fixture(scope="module")
def registries(scp_build: ScpBuild) -> dict[str, Registry[Any]]:
    """service -> a registry holding ``urn:scp:<service>``: the union of the service's component schemas."""
    merged: dict[str, dict[str, Any]] = {}
    for (service, _version), spec in sorted(scp_build.specs.items()):
        merged.setdefault(service, {}).update(spec.get("components", {}).get("schemas", {}))
    return {
        service: Registry().with_resource(
            f"urn:scp:{service}", Resource.from_contents({"components": {"schemas": schemas}}, DRAFT202012)
        )
        for service, schemas in merged.items()
    }


def test_model_rows_counted_independently() -> None:
    rows = model_rows()
    assert len(rows) == 947  # format-notes §5
    assert len({(r.service, r.model) for r in rows}) == 223
    per_service = Counter(service for service, _ in {(r.service, r.model) for r in rows})
    assert per_service == {
        "archivestorage": 39,
        "backup": 60,
        "baremetal-blockstorage": 74,
        "filestorage": 33,
        "parallel-filestorage": 17,
    }
    assert sum(r.required for r in rows) == 590
    assert sum(r.schema is None for r in rows) == 3  # the broken rows 001:15458, 15651, 15845
    assert sum(bool(r.default) for r in rows) == 8


def test_every_model_row_is_a_property(models: dict[tuple[str, str], dict[str, Any]]) -> None:
    by_model: dict[tuple[str, str], list[ModelRow]] = {}
    for row in model_rows():
        by_model.setdefault((row.service, row.model), []).append(row)
    assert sorted(models) == sorted(by_model), "models of 001 missing from (or extra in) their service's specs"
    for key, rows in by_model.items():
        schema = models[key]
        assert list(schema["properties"]) == [r.field for r in rows], key
        assert schema.get("required", []) == [r.field for r in rows if r.required], key
        assert schema["x-source"]["heading"] == key[1]
        assert schema["x-source"]["url"].endswith("#" + key[1].lower())


def test_models_are_scoped_per_service(models: dict[tuple[str, str], dict[str, Any]]) -> None:
    tags = {service: schema for (service, name), schema in models.items() if name == "Tag"}
    assert len(tags) == 4  # format-notes §5: Tag is defined in 4 services
    rows = model_rows()
    for service, schema in tags.items():
        assert list(schema["properties"]) == [r.field for r in rows if (r.service, r.model) == (service, "Tag")]
    bodies = {repr(sorted(s["properties"].items())) for s in tags.values()}
    assert len(bodies) > 1


def _instances(expr: str) -> tuple[list[Any], list[Any], list[str]] | None:
    """(admitted, excluded, referenced models) for a Schema expression, or None when not sampled here."""
    nullable = False
    if match := re.fullmatch(r"any of \[(.+), null\]", expr):
        expr, nullable = match.group(1), True
    samples: dict[str, tuple[list[Any], list[Any]]] = {
        "string": (["text"], [1, True]),
        "integer": ([3], ["3", 1.5]),
        "number": ([1.5], ["1.5"]),
        "boolean": ([True], ["true", 1]),
        "object": ([{}], ["x", []]),
    }
    yes: list[Any]
    no: list[Any]
    refs: list[str] = []
    if match := re.fullmatch(rf"({PRIM})(?: \([a-z-]+\))?", expr):
        yes, no = (list(x) for x in samples[match.group(1)])
    elif match := re.fullmatch(r"enum \(([^()]+)\)", expr):
        values = [v.strip() for v in match.group(1).split(",")]
        yes, no = values, ["NOT_A_MEMBER", 1]
    elif match := re.fullmatch(rf"array\[({PRIM})\]", expr):
        item_yes, item_no = samples[match.group(1)]
        yes, no = [[], item_yes], [[item_no[0]], "x"]
    elif match := re.fullmatch(rf"array\[({MODEL})\]", expr):
        yes, no, refs = [[]], ["x", {}], [match.group(1)]
    elif match := re.fullmatch(MODEL, expr):
        yes, no, refs = [], [], [expr]
    else:
        return None
    (yes if nullable else no).append(None)
    return yes, no, refs


def test_schema_cells_by_meaning(
    models: dict[tuple[str, str], dict[str, Any]], registries: dict[str, Registry[Any]]
) -> None:
    sampled = 0
    for row in model_rows():
        if row.schema is None:
            continue
        prop = models[(row.service, row.model)]["properties"][row.field]
        sample = _instances(row.schema)
        if sample is None:
            continue
        example = _split_description(row.description or "")[1]
        if row.schema == "object" and example and example[0] not in "{[":
            # ``usage_gb | Example : 123.4 | object``: the page contradicts itself, the field takes any value
            assert "type" not in prop, f"001:{row.line} {row.model}.{row.field}"
            continue
        sampled += 1
        yes, no, refs = sample
        where = f"001:{row.line} {row.model}.{row.field} ({row.schema})"
        for name in refs:
            assert f"#/components/schemas/{name}" in repr(prop), where
        # the model's own constraints (pattern, lengths, bounds) are not what is checked here
        plain = {k: v for k, v in prop.items() if k not in ("pattern", "minLength", "maxLength", "minimum", "maximum")}
        validator = Draft202012Validator(_rebase(plain, f"urn:scp:{row.service}"), registry=registries[row.service])
        for instance in yes:
            assert validator.is_valid(instance), f"{where}: should admit {instance!r}"
        for instance in no:
            assert not validator.is_valid(instance), f"{where}: should exclude {instance!r}"
        if fmt := re.search(r"\(([a-z-]+)\)", row.schema):
            assert fmt.group(1) in repr(prop) and prop.get("format", fmt.group(1)) == fmt.group(1), where
    assert sampled >= 900  # 944 parsable rows; a few composite any-of forms are not sampled


def _rebase(schema: Any, uri: str) -> Any:
    """Point local ``#/components/...`` references at the document registered under ``uri``."""
    if isinstance(schema, dict):
        return {
            k: uri + v if k == "$ref" and isinstance(v, str) and v.startswith("#") else _rebase(v, uri)
            for k, v in schema.items()
        }
    if isinstance(schema, list):
        return [_rebase(v, uri) for v in schema]
    return schema


def test_schema_cells_literal_forms(models: dict[tuple[str, str], dict[str, Any]]) -> None:
    seen = Counter[str]()
    for row in model_rows():
        if row.schema is None:
            continue
        prop = models[(row.service, row.model)]["properties"][row.field]
        where = f"001:{row.line} {row.schema}"
        if match := re.fullmatch(rf"any of \[({PRIM}), null\]", row.schema):
            assert prop["type"] == [match.group(1), "null"], where
            seen["any of [prim, null]"] += 1
        elif row.schema == "string (date-time)":
            assert (prop["type"], prop["format"]) == ("string", "date-time"), where
            seen["string (date-time)"] += 1
        elif row.schema == "any of [string (date-time), null]":
            assert (prop["type"], prop["format"]) == (["string", "null"], "date-time"), where
            seen["any of [string (date-time), null]"] += 1
        elif match := re.fullmatch(rf"array\[({MODEL})\]", row.schema):
            assert prop["type"] == "array" and prop["items"] == {
                "$ref": f"#/components/schemas/{match.group(1)}"
            }, where
            seen["array[M]"] += 1
        elif match := re.fullmatch(r"enum \(([^()]+)\)", row.schema):
            assert prop["enum"] == [v.strip() for v in match.group(1).split(",")], where
            seen["enum"] += 1
        elif re.fullmatch(MODEL, row.schema):
            assert prop["$ref"] == f"#/components/schemas/{row.schema}", where
            seen["M"] += 1
    # format-notes §5 counts: any of [string|integer|boolean, null] 142+32+13, string (date-time) 37, its nullable 14,
    # array[M] 45, M 35
    assert seen["any of [prim, null]"] == 187
    assert seen["string (date-time)"] == 37
    assert seen["any of [string (date-time), null]"] == 14
    assert seen["array[M]"] == 45
    assert seen["M"] == 35


def test_descriptions_examples_defaults(models: dict[tuple[str, str], dict[str, Any]]) -> None:
    literal_examples = 0
    for row in model_rows():
        if row.description is None:
            continue
        prop = models[(row.service, row.model)]["properties"][row.field]
        where = f"001:{row.line} {row.model}.{row.field}"
        text, example, _ = _split_description(row.description)
        assert prop.get("description", "") == text, where
        if example:
            assert "examples" in prop and len(prop["examples"]) == 1, where
            value = prop["examples"][0]
            kind = prop.get("type")
            kinds = kind if isinstance(kind, list) else [kind]
            if "enum" not in prop and kinds[0] == "string" and not example.startswith(("[", "{")):
                if example not in ("True", "False", "None") and " | " not in example:  # alternatives: doc_values
                    assert value == example, where
                    literal_examples += 1
            elif kinds[0] == "integer" and re.fullmatch(r"-?\d+", example):
                assert value == int(example), where
                literal_examples += 1
            elif kinds[0] == "boolean" and example in ("True", "False", "true", "false"):
                assert value is (example.lower() == "true"), where
                literal_examples += 1
        else:
            assert "examples" not in prop, where
        expected_default: Any = {"True": True, "False": False}.get(row.default, row.default)
        if row.default and re.fullmatch(r"\d+", row.default):
            expected_default = int(row.default)
        if row.default:
            assert prop.get("default") == expected_default, where
        else:
            assert "default" not in prop, where
    assert literal_examples > 600


def test_constraints(models: dict[tuple[str, str], dict[str, Any]]) -> None:
    expected_totals = Counter[str]()
    for row in model_rows():
        if row.description is None:
            continue
        _, _, constraints = _split_description(row.description)
        prop = models[(row.service, row.model)]["properties"][row.field]
        for key, text in constraints.items():
            expected_totals[key] += 1
            wanted: Any = text if key == "pattern" else int(text)
            assert prop.get(key) == wanted, f"001:{row.line} {row.field} {key}"
    assert expected_totals == {"pattern": 20, "minLength": 1, "maxLength": 4, "minimum": 4, "maximum": 4}
    in_specs = Counter(
        key
        for schema in models.values()
        for prop in schema["properties"].values()
        for key in expected_totals
        if key in prop
    )
    assert in_specs == expected_totals
