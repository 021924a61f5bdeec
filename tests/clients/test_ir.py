"""The package IR is complete before rendering: listings' items, servers and the version table come from the spec.

These tests build the IR only (``ir.build_package``); nothing is rendered, so whatever they check was decided from
the OpenAPI document, not read back from generated code.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest

from scraper.clients import ir, listing
from scraper.clients.ir import ItemsIR, ServerIR, ServerVariableIR, VersionRowIR


def _listing_spec(list_schema: dict[str, Any], *, marker: bool = False) -> dict[str, Any]:
    """One paged listing ``GET /things`` whose 200 body is ``ThingList`` = ``{things: <list_schema>}``."""
    paging: dict[str, Any] = {"style": "marker" if marker else "offset", "items": "things", "limit": "limit"}
    if marker:
        paging |= {"marker": "marker", "next-marker": "id"}
    else:
        paging["offset"] = "offset"
    cursor = "marker" if marker else "offset"
    cursor_type = "string" if marker else "integer"
    return {
        "openapi": "3.1.0",
        "info": {"title": "Things", "version": "1.0", "x-provider": "scp", "x-service": "things"},
        "paths": {
            "/things": {
                "get": {
                    "operationId": "listThings",
                    "parameters": [
                        {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 25}},
                        {"name": cursor, "in": "query", "schema": {"type": cursor_type}},
                    ],
                    "responses": {
                        "200": {
                            "description": "OK",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingList"}}},
                        }
                    },
                    "x-pagination": paging,
                }
            }
        },
        "components": {
            "schemas": {
                "ThingList": {"type": "object", "properties": {"things": list_schema}},
                "Thing": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}},
            }
        },
    }


def _paging(spec: dict[str, Any]) -> ir.PaginationIR:
    pkg = ir.build_package([spec])
    (op,) = pkg.versions[0].operations
    assert op.pagination is not None
    return op.pagination


def test_items_that_refer_to_a_component_are_that_class() -> None:
    paging = _paging(_listing_spec({"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}, marker=True))
    assert paging.found == ItemsIR(attr="things", kind="model", model="Thing", marker_attr="id")
    assert paging.items_attr == "things"
    assert paging.item_type == "_models.Thing"
    assert paging.next_marker_attr == "id"
    assert paging.default_limit == 25


def test_inline_items_are_a_class_named_by_their_place() -> None:
    """An inline element schema is hoisted under the name of its place before the models are rendered
    (``schema_names``), so the IR knows its class; a class only the models module names (``inline``) would be read
    back from it, and until then the listing reads raw JSON (never a guessed class name)."""
    inline = {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}}}
    paging = _paging(_listing_spec(inline))
    assert paging.found == ItemsIR(attr="things", kind="model", model="ThingListThingsItem")
    assert (paging.items_attr, paging.item_type) == ("things", "_models.ThingListThingsItem")
    paging.found = ItemsIR(attr="things", kind="inline", model="ThingList")
    assert (paging.items_attr, paging.item_type) == (None, "Any")
    paging.inline_class = "_models.Thing2"
    assert (paging.items_attr, paging.item_type) == ("things", "_models.Thing2")


@pytest.mark.parametrize(
    ("list_schema", "expected"),
    [
        ({"type": "array", "items": {"type": "object"}}, ItemsIR(attr="things", kind="object")),
        ({"type": ["array", "null"], "items": {"type": "string"}}, ItemsIR(attr="things", kind="any")),
        ({"type": "array"}, ItemsIR(attr="things", kind="any")),
        ({"type": "object", "properties": {"a": {"type": "string"}}}, listing.RAW_JSON),  # not an array
        ({"$ref": "#/components/schemas/Thing"}, listing.RAW_JSON),  # a class, not a list field
    ],
)
def test_items_without_a_class(list_schema: dict[str, Any], expected: ItemsIR) -> None:
    assert _paging(_listing_spec(list_schema)).found == expected


def test_a_missing_array_is_read_from_the_raw_json() -> None:
    spec = _listing_spec({"type": "array", "items": {"$ref": "#/components/schemas/Thing"}})
    spec["paths"]["/things"]["get"]["x-pagination"]["items"] = "elsewhere"
    paging = _paging(spec)
    assert paging.found == listing.RAW_JSON
    assert (paging.items_attr, paging.item_type) == (None, "Any")


def test_an_array_inherited_through_all_of_is_found() -> None:
    spec = _listing_spec({"type": "array", "items": {"$ref": "#/components/schemas/Thing"}})
    schemas = spec["components"]["schemas"]
    schemas["Page"] = {"allOf": [{"$ref": "#/components/schemas/ThingList"}, {"properties": {"total": {}}}]}
    spec["paths"]["/things"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] = {
        "$ref": "#/components/schemas/Page"
    }
    assert _paging(spec).found == ItemsIR(attr="things", kind="model", model="Thing")


@pytest.mark.parametrize("wire", ["class", "thing-list", "_things", "json", "model_config", "list"])
def test_an_array_the_models_rename_is_read_from_the_raw_json(wire: str) -> None:
    """datamodel-code-generator renames these fields (``class_``, ``thing_list``, ``field_things``, ``json_``):
    the IR never guesses the new name."""
    spec = _listing_spec({"type": "array", "items": {"$ref": "#/components/schemas/Thing"}})
    schemas = spec["components"]["schemas"]
    schemas["ThingList"]["properties"] = {wire: schemas["ThingList"]["properties"]["things"]}
    spec["paths"]["/things"]["get"]["x-pagination"]["items"] = wire
    assert listing.model_attribute(wire) is None
    assert _paging(spec).found == listing.RAW_JSON


def test_the_base_model_names_are_pydantics() -> None:
    """``BASE_MODEL_NAMES`` stands in for ``dir(pydantic.BaseModel)`` (no pydantic import in the package stage): it
    must list exactly the attributes a plain field name could shadow in the installed pydantic."""
    from pydantic import BaseModel

    plain = {name for name in dir(BaseModel) if name[:1].isalpha() and not name.startswith("model_")}
    assert plain == listing.BASE_MODEL_NAMES


def test_a_renamed_marker_field_reads_the_listing_as_json() -> None:
    spec = _listing_spec({"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}, marker=True)
    spec["paths"]["/things"]["get"]["x-pagination"]["next-marker"] = "next-id"
    assert _paging(spec).found == listing.RAW_JSON


def test_servers_are_a_dataclass() -> None:
    spec = _listing_spec({"type": "array"})
    spec["servers"] = [
        {
            "url": "https://{region}.example.com/{base_url}",
            "variables": {"region": {"default": "kr", "enum": ["kr", "us"]}, "base_url": {"default": "v1"}},
            "x-server-pairs": [{"region": "kr", "base_url": "v1"}],
        }
    ]
    version = ir.build_package([spec]).versions[0]
    assert version.server == ServerIR(
        template="https://{region}.example.com/{base_url}",
        variables={"region": ["kr", "us"], "base_url": ["v1"]},
        defaults={"region": "kr", "base_url": "v1"},
        pairs=[{"region": "kr", "base_url": "v1"}],
        # ``base_url`` is a constructor keyword of every client: the variable's argument is renamed
        keywords=[ServerVariableIR("region", "region"), ServerVariableIR("base_url_", "base_url")],
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        version.server.template = "https://elsewhere"  # type: ignore[misc]
    spec.pop("servers")
    assert ir.build_package([spec]).versions[0].server is None


def test_version_table_rows() -> None:
    old = _listing_spec({"type": "array"})
    old["info"] |= {
        "x-api-status": "DEPRECATED",
        "x-sunset": "2026-01-31",
        "x-versions": [{"version": "0.9", "status": "DEPRECATED", "date": "2025-01-01"}],
    }
    new = copy.deepcopy(old)
    new["info"] = {**old["info"], "version": "2.0", "x-api-status": "CURRENT"}
    del new["info"]["x-sunset"]
    pkg = ir.build_package([new, old])
    assert pkg.version_table == [
        VersionRowIR(version="2.0", status="CURRENT", date=None),
        VersionRowIR(version="1.0", status="DEPRECATED", date="2026-01-31"),
        VersionRowIR(version="0.9", status="DEPRECATED", date="2025-01-01"),
    ]
    assert pkg.current == "2.0"
    assert pkg.version_modules == {"1.0": "v1_0", "2.0": "v2_0"}


def test_an_inline_element_gets_the_class_the_models_module_defines() -> None:
    """End to end: the iterator yields the class datamodel-code-generator generated for the inline element."""
    from scraper.clients.package import render_sources

    inline = {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}}}
    spec = _listing_spec(inline, marker=True)
    del spec["components"]["schemas"]["Thing"]
    files = render_sources([spec])
    models, client = str(files["scp_things/v1_0/models.py"]), str(files["scp_things/v1_0/client.py"])
    assert "\nclass ThingListThingsItem(BaseModel):" in models
    assert "def iter_list_things(self, *, limit: int = 25) -> Iterator[_models.ThingListThingsItem]:" in client
    assert "_items = _body.things or []" in client
    assert '_support.next_marker(_items, _limit, "id", "id")' in client
