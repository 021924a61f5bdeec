"""Contract tests for every operation, even without examples (issue 14 item 5): values synthesised from schemas.

The generator must produce values its own schemas accept (checked with the same OpenAPI validator the generator uses
for documented examples), deterministically, and mark them as synthesised so documented examples stay their own
cases.
"""

from __future__ import annotations

import contextlib
import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from openapi_schema_validator import OAS30Validator, OAS31Validator

from scraper.clients import ir, synthesis
from scraper.clients.package import render_package

COMPONENTS: dict[str, Any] = {
    "schemas": {
        "Node": {
            "type": "object",
            "required": ["id"],
            "properties": {
                "id": {"type": "integer"},
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
            },
        },
        "Named": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "minLength": 20}}},
    }
}

SCHEMAS: list[dict[str, Any]] = [
    {"type": "string", "format": "date-time"},
    {"type": "string", "format": "uuid"},
    {"type": "string", "format": "email"},
    {"type": "string", "minLength": 50, "maxLength": 60},
    {"type": "string", "maxLength": 3},
    {"type": "integer", "minimum": 10, "maximum": 20, "multipleOf": 7},
    {"type": "integer", "exclusiveMinimum": 5},
    {"type": "number", "maximum": 0.25},
    {"type": "integer", "maximum": -3},
    {"type": ["string", "null"]},
    {"type": "array", "minItems": 3, "items": {"type": "boolean"}},
    {"type": "object", "required": ["a", "b"], "properties": {"a": {"enum": ["x", "y"]}}, "minProperties": 3},
    {"allOf": [{"$ref": "#/components/schemas/Named"}, {"type": "object", "properties": {"age": {"type": "integer"}}}]},
    {"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/Node"}]},
    # influxdata: a part that only says which properties the others define must require them, not be a string
    {
        "allOf": [
            {"$ref": "#/components/schemas/Named"},
            {"properties": {"tags": {"type": "array", "items": {"type": "integer"}}}},
            {"required": ["tags"]},
        ]
    },
    {"anyOf": [{"type": "string", "const": "fixed"}, {"type": "integer"}]},
    {"$ref": "#/components/schemas/Node"},
    {"type": "object", "additionalProperties": {"type": "integer"}, "required": ["n"]},
]


@pytest.mark.parametrize("validator", [OAS31Validator, OAS30Validator], ids=["3.1", "3.0"])
@pytest.mark.parametrize("schema", SCHEMAS, ids=lambda s: json.dumps(s)[:60])
def test_synthesised_values_are_valid(schema: dict[str, Any], validator: Any) -> None:
    if validator is OAS30Validator and (isinstance(schema.get("type"), list) or '"null"' in json.dumps(schema)):
        pytest.skip("type lists and the null type are OpenAPI 3.1")
    doc = {"components": COMPONENTS}
    value = synthesis.instance(doc, schema)
    validator({**schema, "components": COMPONENTS}).validate(value)
    assert synthesis.instance(doc, schema) == value  # deterministic


def test_patterns_are_matched_from_their_literal_prefix_or_simple_guesses() -> None:
    assert synthesis.instance({}, {"type": "string", "pattern": "^helloworld.*"}) == "helloworld"
    assert synthesis.instance({}, {"type": "string", "pattern": "^[A-Z]{3}$"}) == "AAA"
    twilio_sid = {"type": "string", "minLength": 34, "maxLength": 34, "pattern": "^MG[0-9a-fA-F]{32}$"}
    assert synthesis.instance({}, twilio_sid) == "MG" + "0" * 32  # spelled out from the regex's parse tree


def test_impossible_schemas_yield_nothing() -> None:
    with pytest.raises(synthesis.Unsatisfiable):
        synthesis.instance({}, False)
    with pytest.raises(synthesis.Unsatisfiable):
        synthesis.instance({}, {"$ref": "#/nowhere"})


def _no_examples_spec() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Bare", "version": "1"},
        "paths": {
            "/nodes/{id}": {
                "put": {
                    "operationId": "putNode",
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 3}},
                        {
                            "name": "when",
                            "in": "query",
                            "required": True,
                            "schema": {"type": "string", "format": "date"},
                        },
                        {
                            "name": "code",
                            "in": "query",
                            "required": True,
                            "schema": {"type": "string", "pattern": "(?=x)y"},
                        },
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Node"}}},
                    },
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Node"}}},
                        }
                    },
                }
            },
            "/names": {
                "post": {
                    "operationId": "addName",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Named"}}},
                    },
                    "responses": {
                        "201": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Named"}}},
                        }
                    },
                }
            },
        },
        "components": COMPONENTS,
    }


def test_operations_without_examples_get_synthesised_cases() -> None:
    files = render_package([_no_examples_spec()])
    cases = json.loads(files["tests/test_contract_bare_v1.json"])
    requests = {c["name"]: c for c in cases["requests"]}
    # a pattern the generator cannot satisfy: that operation says why instead of getting a wrong case
    assert [o["name"] for o in cases["omitted"]] == ["put_node"]
    assert "parameter 'code' has no documented example" in cases["omitted"][0]["reason"]
    assert requests["add_name"]["body"]["synthesised"] is True
    assert len(requests["add_name"]["body"]["value"]["name"]) >= 20
    assert {c["name"] for c in cases["responses"]} == {"add_name", "put_node"}
    assert all(c["synthesised"] for c in cases["responses"])


def test_documented_examples_are_not_replaced() -> None:
    spec = _no_examples_spec()
    media = spec["paths"]["/names"]["post"]["responses"]["201"]["content"]["application/json"]
    media["example"] = {"name": "a documented name of some length"}
    [op] = [o for o in ir.build_package([spec]).versions[0].operations if o.method_name == "add_name"]
    assert op.response_example is not None and not op.response_example.synthesised
    assert op.response_example.value == {"name": "a documented name of some length"}


@pytest.mark.parametrize(
    "items",
    [
        {"type": "string", "pattern": "^(0|[1-9][0-9]*)$"},
        {"type": "string", "format": "uuid"},
        {"type": "string", "format": "date-time"},
        {"type": "string", "minLength": 34, "maxLength": 34, "pattern": "^MG[0-9a-fA-F]{32}$"},
        {"type": "integer", "minimum": 1, "maximum": 3},
        {"type": "number", "multipleOf": 0.5},
        {"enum": ["a", "b", "c"]},
        {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
    ],
    ids=lambda s: json.dumps(s)[:40],
)
def test_unique_items_are_distinct(items: dict[str, Any]) -> None:
    schema = {"type": "array", "minItems": 3, "uniqueItems": True, "items": items}
    value = synthesis.instance({}, schema, check=lambda v, s: OAS31Validator(s).is_valid(v))
    OAS31Validator(schema).validate(value)
    assert len(value) == 3


def test_too_few_distinct_items_are_unsatisfiable() -> None:
    schema = {"type": "array", "minItems": 3, "uniqueItems": True, "items": {"enum": ["a", "b"]}}
    with pytest.raises(synthesis.Unsatisfiable):
        synthesis.instance({}, schema, check=lambda v, s: OAS31Validator(s).is_valid(v))


@pytest.mark.parametrize("key", ["anyOf", "oneOf"])
def test_untyped_options_narrow_their_parent(key: str) -> None:
    schema = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"a": {"type": "integer"}, "b": {"type": "string"}, "c": {"type": "boolean"}},
        key: [{"required": ["a"]}, {"required": ["b"]}],
    }
    value = synthesis.instance({}, schema, check=lambda v, s: OAS31Validator(s).is_valid(v))
    OAS31Validator(schema).validate(value)
    assert value == {"a": 1, "c": True}


def test_a_union_member_reached_by_itself_carries_its_tag() -> None:
    # Spotify: TrackObject is a member of a discriminated union, and also the item type of a plain list; the
    # generator makes its `type` a required Literal even though the schema leaves it optional
    doc = {
        "components": {
            "schemas": {
                "Track": {"type": "object", "properties": {"type": {"type": "string", "enum": ["track"]}}},
                "Episode": {"type": "object", "properties": {"kind": {"type": "string"}}},
                "Playing": {
                    "oneOf": [{"$ref": "#/components/schemas/Track"}, {"$ref": "#/components/schemas/Episode"}],
                    "discriminator": {"propertyName": "type", "mapping": {"ep": "#/components/schemas/Episode"}},
                },
            }
        }
    }
    deep = synthesis.OPTIONAL_DEPTH  # where optional properties are no longer filled
    assert synthesis.instance(doc, {"$ref": "#/components/schemas/Track"}, deep) == {"type": "track"}
    assert synthesis.instance(doc, {"$ref": "#/components/schemas/Episode"}, deep) == {"type": "ep"}


def test_a_member_whose_enum_lists_several_tags_carries_the_one_its_union_maps_to_it() -> None:
    # Cohere (round 17): both members of a discriminated union declare the tag property with the union's every
    # value (``response_type: {enum: [embeddings_floats, embeddings_by_type]}``); the models narrow each member's
    # field to its own mapping key, so the member reached by itself (``/v2/embed`` returns ``EmbedByTypeResponse``)
    # synthesised with its enum's first value failed to parse (1 of 132 contract tests)
    both = {"type": "string", "enum": ["embeddings_floats", "embeddings_by_type"]}
    doc = {
        "components": {
            "schemas": {
                "Floats": {"type": "object", "required": ["id"], "properties": {"response_type": both, "id": {}}},
                "ByType": {"type": "object", "required": ["id"], "properties": {"response_type": both, "id": {}}},
                "Embedded": {
                    "oneOf": [{"$ref": "#/components/schemas/Floats"}, {"$ref": "#/components/schemas/ByType"}],
                    "discriminator": {
                        "propertyName": "response_type",
                        "mapping": {
                            "embeddings_floats": "#/components/schemas/Floats",
                            "embeddings_by_type": "#/components/schemas/ByType",
                        },
                    },
                },
            }
        }
    }
    for name, tag in (("ByType", "embeddings_by_type"), ("Floats", "embeddings_floats")):
        value = synthesis.instance(doc, {"$ref": f"#/components/schemas/{name}"})
        assert value["response_type"] == tag, name


def test_required_properties_beside_an_all_of_are_filled_from_its_parts(tmp_path: Path) -> None:
    """``required`` next to ``allOf`` (not inside a part) named properties no synthesised value had (APIs-guru's
    rebilly.com 2.1: a ``Token`` parsed as its ``password`` member missed ``username``, its contract test failed);
    each now gets a value from the part that defines it."""
    from scraper.cli import main
    from scraper.spec_input import load_document_file
    from tests.clients.package_import import run_package_tests
    from tests.paths import FIXTURES

    spec = FIXTURES / "openapi" / "robust" / "synthesis-required-beside-allof.yaml"
    doc = load_document_file(spec)
    assert synthesis.instance(doc, {"$ref": "#/components/schemas/Plain"}) == {"count": 3}
    token = synthesis.instance(doc, {"$ref": "#/components/schemas/Token"})
    assert token["mode"] == "password" and {"username", "password"} <= token.keys()
    assert main(["generate", "--spec", str(spec), "--out", str(tmp_path / "out")]) == 0
    run = run_package_tests(tmp_path / "out")
    assert run.returncode == 0, run.stdout[-3000:]


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "array", "items": {"type": "string"}, "minItems": 10**9},
        {"type": "array", "items": {"type": "string"}, "minItems": 10**40},
        {"type": "array", "items": {"type": "integer"}, "minItems": 10**40, "uniqueItems": True},
        {"type": "string", "minLength": 10**9},
        {"type": "object", "minProperties": 10**8},
    ],
)
def test_sizes_beyond_what_a_contract_test_sends_are_unsatisfiable(schema: dict[str, Any]) -> None:
    # a spec from anyone may ask for a billion items (the generator hung, then ran out of memory) or 10**40 (an
    # OverflowError traceback): no contract test sends that, so the operation gets no synthesised case
    with pytest.raises(synthesis.Unsatisfiable, match="more than"):
        synthesis.instance({}, schema)


@pytest.mark.parametrize("key", ["minItems", "minLength", "minProperties"])
def test_a_size_up_to_the_limit_is_still_met(key: str) -> None:
    kind = {"minItems": "array", "minLength": "string", "minProperties": "object"}[key]
    value = synthesis.instance({}, {"type": kind, key: synthesis.MAX_SIZE})
    assert len(value) == synthesis.MAX_SIZE


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "integer", "minimum": float("inf")},
        {"type": "integer", "maximum": float("-inf")},
        {"type": "integer", "exclusiveMinimum": float("inf")},
        {"type": "integer", "multipleOf": float("inf")},
        {"type": "integer", "minimum": float("nan")},
        {"type": "array", "items": {"type": "string"}, "minItems": "5"},
        {"type": "array", "items": {"type": "string"}, "minItems": 1e308},
        {"type": "string", "minLength": 1e308},
        {"type": "object", "minProperties": float("inf")},
        {"type": "array", "items": {"type": "string"}, "maxItems": [1]},
        {"type": "array", "items": {"type": "string"}, "maxItems": float("nan")},
        {"type": "string", "minLength": '"""'},
        {"type": "object", "required": 5},
        {"allOf": [{"required": 5}, {"type": "object"}]},
        {"type": "object", "required": ["p"], "properties": {"p": {"type": "object", "required": True}}},
    ],
)
def test_a_keyword_of_the_wrong_shape_constrains_nothing(schema: dict[str, Any]) -> None:
    # YAML's .inf and .nan, a count as a string, ``required: 5``: the models drop such a keyword
    # (schema_keywords._value_fits), and the synthesised value ignores it too instead of a TypeError, ValueError or
    # OverflowError traceback out of ``docs2client generate``
    with contextlib.suppress(synthesis.Unsatisfiable):
        synthesis.instance({}, schema, check=lambda value, schema: True)


@pytest.mark.parametrize("depth", [300, 5000])
def test_a_pattern_nested_deeper_than_the_regex_parser_goes_is_no_traceback(depth: int) -> None:
    # 5,000 groups: re.compile raised RecursionError, an internal error out of ``docs2client generate``
    schema = {"type": "string", "pattern": "(" * depth + "a" + ")" * depth}
    with contextlib.suppress(synthesis.Unsatisfiable):
        synthesis.instance({}, schema)


@pytest.mark.parametrize("pattern", ["[[a]--b]", "[a-z&&b]", "[a||b]"])
def test_a_pattern_python_warns_about_prints_nothing(pattern: str) -> None:
    # re's FutureWarning about set syntax was printed on the user's terminal as two lines of the tool's own source
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        synthesis.instance({}, {"type": "string", "pattern": pattern})
