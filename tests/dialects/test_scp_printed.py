"""SCP readings that pages printed from Samsung's own OpenAPI documents showed wrong (``tests/build/scp_page_printer``
prints them, ``tests/build/scp_print_sweep`` reads them back and compares), each on a short synthetic page of the
shape (``tests/fixtures/scp/printed``, README says where each shape was seen)."""

from __future__ import annotations

from typing import Any

import pytest

from scraper.dialects import PageInfo, dialect_for
from scraper.readers import read_page
from tests.dialects.scp_model_pages import read_models
from tests.paths import FIXTURES

PRINTED = FIXTURES / "scp" / "printed"


def _models(name: str) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The one model page's models by name, and its findings' ``kind: message``."""
    return read_models(PRINTED / name, "gateway")


def test_model_typed_field_with_an_empty_list_default_pipe() -> None:
    """``| tags optional | Tag list | array[Tag] | [] |``: Samsung's documents give a list of models the default
    ``[]`` (vpc, loadbalancer, dns, vpn, gslb ...); ``[]`` is the Default cell, not a description's tail."""
    models, findings = _models("model_list_default_pipe.txt")
    properties = models["GatewayCreateRequest"]["properties"]
    assert properties["tags"]["type"] == "array"
    assert properties["tags"]["items"] == {"$ref": "#/components/schemas/Tag"}
    assert properties["tags"]["default"] == []
    assert properties["tags"]["description"] == "Tag list"
    assert properties["rules"]["items"] == {"$ref": "#/components/schemas/Rule"}
    assert properties["rules"]["default"] == []
    assert properties["labels"]["default"] == {}
    # a model's description that is a model name stays the description, never a default
    assert properties["owner"] == {"$ref": "#/components/schemas/Owner", "description": "Owner"}
    assert not [f for f in findings if f.startswith("broken-row")]


def test_model_typed_field_with_an_empty_list_default_squashed() -> None:
    """The squashed rendering glues the default to the Schema cell: ``array[Tag][]``."""
    models, findings = _models("model_list_default_squashed.txt")
    properties = models["GatewayCreateRequest"]["properties"]
    assert properties["tags"]["items"] == {"$ref": "#/components/schemas/Tag"}
    assert properties["tags"]["default"] == []
    assert properties["rules"]["items"] == {"$ref": "#/components/schemas/Rule"}
    assert properties["owner"]["$ref"] == "#/components/schemas/Owner"
    assert not [f for f in findings if f.startswith("broken-row")]


def test_long_enum_glued_to_its_default_squashed() -> None:
    """``enum (<13 product names>)None``: a squashed row's Schema cell longer than a glued pair was thought to be
    (cachestore's ``product_image_type``, 280 characters) is still split at its closing parenthesis."""
    name = "long_enum_param_squashed.txt"
    text = (PRINTED / name).read_text(encoding="utf-8")
    document = read_page(text, page=name, format="text", provider="scp")
    (service,) = dialect_for("scp").read(document, PageInfo(page=name, url="https://example.invalid/" + name))
    (operation,) = service.operations
    parameters = {p.name: p.schema for p in operation.versions["1.0"].parameters}
    assert len(parameters["storage_class"]["enum"]) == 8
    assert parameters["storage_class"]["type"] == "string"
    assert not [f for f in service.findings if "schema expression" in f.message]


@pytest.mark.parametrize(
    "name,page_format",
    [
        ("constraints_without_example_pipe.txt", "text"),
        ("constraints_without_example_squashed.txt", "text"),
        ("constraints_without_example.html", "html"),
    ],
)
def test_constraints_are_read_in_parameter_rows_and_after_an_empty_example(name: str, page_format: str) -> None:
    """A Description cell's constraint lines follow its ``Example :`` line in parameter rows as in model rows
    (``Page size Example : 20Minimum : 0Maximum : 100``), and follow an empty example too, glued to it in the
    pipe rendering (``Description Example :Maximum length : 1000``): each is the schema's keyword, never part of
    the example or the description (Samsung's documents give 735 such constraints over the 28 services)."""
    text = (PRINTED / name).read_text(encoding="utf-8")
    document = read_page(text, page=name, format=page_format, provider="scp")
    (service,) = dialect_for("scp").read(document, PageInfo(page=name, url="https://example.invalid/" + name))
    (operation,) = service.operations
    parameters = {p.name: p for p in operation.versions["1.0"].parameters}
    assert parameters["size"].schema == {"type": "integer", "minimum": 0, "maximum": 100}
    assert (parameters["size"].example, parameters["size"].description) == (20, "Page size")
    assert parameters["name"].schema == {"type": "string", "pattern": "^[a-z]+$"}
    assert (parameters["name"].has_example, parameters["name"].description) == (False, "Name filter")
    properties = service.models["Gateway"].schema["properties"]
    assert properties["description"] == {"type": "string", "description": "Description", "maxLength": 1000}
    assert properties["name"] == {"type": "string", "minLength": 3, "examples": ["gw"]}
    assert properties["port"] == {"type": "integer", "minimum": 1024}
    assert properties["zone"] == {"type": "string", "pattern": "^(a|b)$"}
