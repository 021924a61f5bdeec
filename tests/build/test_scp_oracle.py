"""The oracle comparison (``tests/build/scp_oracle.py``) reads both sides' spellings of one schema alike."""

from __future__ import annotations

from typing import Any

from tests.build.scp_oracle import flatten, score_service


def _document(schema: dict[str, Any], **extra: Any) -> dict[str, Any]:
    operation = {
        "x-api-version": "1.0",
        "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/M"}}}}},
        **extra,
    }
    return {"paths": {"/v1/things/{thing_id}": {"get": operation}}, "components": {"schemas": {"M": schema}}}


def test_nullable_spellings_compare_equal() -> None:
    """OpenAPI 3.0's ``nullable: true`` (the oracle) and 3.1's ``type: [X, 'null']`` / ``anyOf`` (ours) agree."""
    oracle = _document({"properties": {"size": {"type": "integer", "nullable": True}}, "required": ["size"]})
    ours = _document(
        {
            "type": "object",
            "properties": {"size": {"anyOf": [{"type": "integer"}, {"type": "null"}]}},
            "required": ["size"],
        }
    )
    assert flatten(oracle, {"$ref": "#/components/schemas/M"}) == flatten(ours, {"$ref": "#/components/schemas/M"})
    score = score_service(oracle, {"1.0": ours})
    assert (score.matched, score.fields["matched"], score.differences) == (1, 1, [])


def test_differences_are_named_by_operation_and_field() -> None:
    oracle = _document({"properties": {"size": {"type": "number"}}, "required": ["size"]})
    ours = _document({"type": "object", "properties": {"size": {"type": "string"}, "extra": {"type": "string"}}})
    score = score_service(oracle, {"1.0": ours})
    assert sorted(score.differences) == [
        "response-only-ours\tGET /v1/things/{}\textra",
        "response-required\tGET /v1/things/{}\tsize: ours False oracle True",
        "response-types\tGET /v1/things/{}\tsize: ours [string] oracle [number]",
    ]


def test_nullable_beside_a_lone_all_of_is_read() -> None:
    """``{allOf: [$ref], nullable: true}`` (how the oracle writes a nullable model or enum) is nullable; following the
    ``allOf`` must not drop the ``nullable`` written beside it."""
    oracle = _document(
        {"properties": {"owner": {"allOf": [{"$ref": "#/components/schemas/O"}], "nullable": True}}},
    )
    oracle["components"]["schemas"]["O"] = {"properties": {"name": {"type": "string"}}}
    assert flatten(oracle, {"$ref": "#/components/schemas/M"})["owner"].nullable is True


def test_default_and_constraints_beside_a_lone_all_of_are_compared() -> None:
    """The oracle writes a field's default beside the ``allOf`` of its enum (``{allOf: [$ref VolumeType], default:
    SSD}``) and constraints on the field itself; both are compared, a missing one is a difference."""
    oracle = _document(
        {
            "properties": {
                "volume_type": {"allOf": [{"$ref": "#/components/schemas/V"}], "default": "SSD"},
                "name": {"type": "string", "pattern": "^[a-z]+$", "maxLength": 8},
            }
        },
    )
    oracle["components"]["schemas"]["V"] = {"type": "string", "enum": ["SSD", "HDD"]}
    fields = flatten(oracle, {"$ref": "#/components/schemas/M"})
    assert fields["volume_type"].default == '"SSD"'
    assert fields["name"].constraints == {'pattern="^[a-z]+$"', "maxLength=8"}
    ours = _document(
        {
            "type": "object",
            "properties": {
                "volume_type": {"type": "string", "enum": ["SSD", "HDD"], "default": "SSD"},
                "name": {"type": "string", "maxLength": 8},
            },
        }
    )
    assert score_service(oracle, {"1.0": ours}).differences == [
        'response-constraints\tGET /v1/things/{}\tname: ours [maxLength=8] oracle [maxLength=8,pattern="^[a-z]+$"]'
    ]


def test_a_form_body_is_compared_field_by_field() -> None:
    """A request body documented only as ``multipart/form-data`` is compared as a JSON one would be."""
    oracle = _document({"properties": {}})
    ours = _document({"properties": {}})
    form = {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}
    oracle["paths"]["/v1/things/{thing_id}"]["get"]["requestBody"] = {
        "content": {"multipart/form-data": {"schema": form}}
    }
    ours["paths"]["/v1/things/{thing_id}"]["get"]["requestBody"] = {"content": {"application/json": {"schema": form}}}
    score = score_service(oracle, {"1.0": ours})
    assert (score.fields["oracle"], score.fields["matched"], score.differences) == (1, 1, [])
