"""An array's scalar item with a constraint (Stripe's ``prices: {items: {type: string, maxLength: 5000}}``) becomes
a root model datamodel-code-generator names after the property's singular (``Price``). Defined before the
component ``price``, it took that class name, the component became ``Price1``, and every operation returning a price
was typed as the string root model: Stripe's ``get_prices_price`` contract test failed ('Input should be a valid
string'). Such an item is now hoisted under a name of its own, as an inline object named like a component was."""

from __future__ import annotations

from typing import Any

from scraper.clients.package import render_package


def test_a_constrained_item_named_like_a_component_does_not_take_its_class() -> None:
    ok = {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/price"}}}}
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "Shop", "version": "1"},
        "paths": {"/prices/{id}": {"get": {
            "operationId": "GetPricesPrice",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
            "responses": {"200": ok},
        }}},
        "components": {"schemas": {
            "portal_product": {"type": "object", "properties": {
                "prices": {"type": "array", "items": {"type": "string", "maxLength": 5000}},
            }},
            "price": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
        }},
    }  # fmt: skip
    files = render_package([doc], source_names=["shop.yaml"])
    models = next(v for k, v in files.items() if k.endswith("/models.py"))
    client = next(v for k, v in files.items() if k.endswith("/client.py"))
    models_text = models.decode() if isinstance(models, bytes) else models
    client_text = client.decode() if isinstance(client, bytes) else client
    assert "class Price(BaseModel):" in models_text, models_text  # the component keeps its class
    assert "-> _models.Price:" in client_text


def test_a_constrained_map_value_is_a_class_named_by_its_place_and_the_method_returns_it() -> None:
    """E2B's ``spec/openapi.yml`` (e2b-dev/E2B at ``b802997``): ``AdminTeamRunningSandboxCounts: {type: object,
    additionalProperties: {type: integer, format: int64, minimum: 1}}``, the body of ``GET /admin/teams/sandboxes/
    counts``. The generator made the constrained value a root model named ``AdminTeamRunningSandboxCounts1`` (a
    field's would take the property's name, as an item's took a component's), and the method said it returned
    ``dict[str, int]``: two ``mypy --strict`` errors. Now the value is hoisted as ``<Class>Value`` like an item."""
    ok = {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Counts"}}}}
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "Counts", "version": "1"},
        "paths": {"/counts": {"get": {"operationId": "getCounts", "responses": {"200": ok}}}},
        "components": {"schemas": {
            "Counts": {"type": "object", "additionalProperties": {"type": "integer", "format": "int64", "minimum": 1}},
            "Holder": {"type": "object", "properties": {
                "names": {"type": "object", "additionalProperties": {"type": "string", "pattern": "^[a-z]+$"}},
            }},
            "Names": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
        }},
    }  # fmt: skip
    files = render_package([doc], source_names=["counts.yaml"])
    models = next(v for k, v in files.items() if k.endswith("/models.py"))
    client = next(v for k, v in files.items() if k.endswith("/client.py"))
    models_text = models.decode() if isinstance(models, bytes) else models
    client_text = client.decode() if isinstance(client, bytes) else client
    assert "class CountsValue(RootModel[int]):" in models_text, models_text
    assert "root: dict[str, CountsValue]" in models_text
    assert "names: dict[str, HolderNamesValue] | None = None" in models_text
    assert "class Names(BaseModel):" in models_text  # the component keeps its class
    assert "-> dict[str, _models.CountsValue]:" in client_text
