"""JSON Schema keywords the generated models cannot check (``if``/``then``/``else``, ``not``, ``contains``,
``propertyNames``, ``dependentSchemas``, ``dependentRequired``, ``unevaluatedProperties`` given a schema, ...) are
never dropped without a word: one warning per keyword kind per document, naming the first place (a JSON pointer)
and how many schemas use it, however often the document repeats it. The models really do accept what such a
keyword rejects (checked here), so the warning says what the client does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scraper.clients import ir
from scraper.clients.package import render_package
from tests.clients.package_import import imported


def _doc() -> dict[str, Any]:
    conditional = {
        "type": "object",
        "properties": {"kind": {"type": "string"}},
        "if": {"properties": {"kind": {"const": "x"}}},
        "then": {"required": ["x"]},
        "else": {"required": ["y"]},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Checks", "version": "1.0"},
        "paths": {
            "/things": {
                "get": {
                    "operationId": "listThings",
                    "parameters": [
                        {"name": "tag", "in": "query", "schema": {"type": "string", "not": {"const": "none"}}}
                    ],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Thing": {
                    "type": "object",
                    "properties": {
                        "first": conditional,
                        "second": conditional,
                        "not": {"type": "string"},  # a property named like a keyword is no keyword
                        "scores": {"type": "array", "items": {"type": "integer"}, "contains": {"minimum": 5}},
                        "labels": {
                            "type": "object",
                            "propertyNames": {"pattern": "^[a-z]+$"},
                            "additionalProperties": {"type": "string"},
                        },
                        "pair": {
                            "type": "object",
                            "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
                            "dependentSchemas": {"a": {"required": ["b"]}},
                            "dependentRequired": {"b": ["a"]},
                        },
                        "closed": {"type": "object", "unevaluatedProperties": False},
                    },
                    "example": {"if": 1, "not": 2},  # data, not schema
                }
            }
        },
    }


def test_each_unchecked_keyword_kind_is_one_warning_naming_its_first_place_and_count() -> None:
    warnings = ir.build_package([_doc()], package_name="checks", source_names=["checks.yaml"]).warnings
    unchecked = [w for w in warnings if "not checked by the generated models" in w]
    first = "checks.yaml: /components/schemas/Thing/properties/first"
    assert unchecked == [  # in the order of their first use: the paths come before the components here
        "checks.yaml: /paths/~1things/get/parameters/0/schema: not is not checked by the generated models"
        " (1 schema uses it): a value it rejects is accepted and sent",
        f"{first}: if/then/else is not checked by the generated models (2 schemas use it; this is the first):"
        " a value it rejects is accepted and sent",
        "checks.yaml: /components/schemas/Thing/properties/scores: contains is not checked by the generated models"
        " (1 schema uses it): a value it rejects is accepted and sent",
        "checks.yaml: /components/schemas/Thing/properties/labels: propertyNames is not checked by the generated"
        " models (1 schema uses it): a value it rejects is accepted and sent",
        "checks.yaml: /components/schemas/Thing/properties/pair: dependentSchemas is not checked by the generated"
        " models (1 schema uses it): a value it rejects is accepted and sent",
        "checks.yaml: /components/schemas/Thing/properties/pair: dependentRequired is not checked by the generated"
        " models (1 schema uses it): a value it rejects is accepted and sent",
    ], unchecked


def test_the_models_accept_what_those_keywords_reject(tmp_path: Path) -> None:
    """The warning is true: were a keyword checked one day, this fails and the warning should go."""
    files = render_package([_doc()], package_name="checks")
    for rel, data in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(data)
    with imported(tmp_path, "checks.v1_0") as checks:
        thing = checks.models.Thing.model_validate(
            {
                "first": {"kind": "x"},
                "scores": [1, 2],
                "labels": {"UPPER": "v"},
                "pair": {"a": "only"},
            }
        )
        assert thing.scores == [1, 2]


def test_property_names_listing_a_maps_keys_is_checked_by_the_key_type(tmp_path: Path) -> None:
    # Mastodon's markers (round 17): ``propertyNames: {enum: [home, notifications]}`` beside a schema of values is
    # the models' ``dict[Literal["home", "notifications"], Marker]``: checked, so no warning says it is not
    listed = {
        "type": "object",
        "additionalProperties": {"type": "string"},
        "propertyNames": {"enum": ["home", "notifications"]},
    }
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "Markers", "version": "1"},
        "paths": {},
        "components": {"schemas": {"Markers": listed}},
    }
    [version] = ir.build_package([spec], source_names=["markers.yaml"]).versions
    assert not any("propertyNames" in w for w in version.warnings)
    files = render_package([spec], package_name="markers")
    for rel, data in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(data)
    with imported(tmp_path, "markers.v1") as package:
        markers = package.models.Markers
        assert markers.model_validate({"home": "x"}).root == {"home": "x"}
        try:
            markers.model_validate({"elsewhere": "x"})
        except Exception as exc:  # pydantic's ValidationError: the key type checks
            assert "home" in str(exc)
        else:
            raise AssertionError("a key propertyNames does not list was accepted")
