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
