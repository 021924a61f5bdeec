"""OpenAPI 3.1's ``webhooks``: the requests an API sends to its users. A client calls none of them, but its users
parse their payloads: a document that declared only webhooks made a package with nothing in it and not a word
said (its payload schemas were classes only when they happened to be components, an inline one was lost)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import yaml

from scraper.clients import ir
from scraper.clients.package import render_package
from tests import paths
from tests.clients.package_import import contract_cases, imported, run_package_tests

FIXTURES = paths.FIXTURES / "openapi" / "openapi31"


def _doc(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))
    return loaded


def _written(tmp_path: Path, doc: dict[str, Any], name: str) -> Path:
    out = tmp_path / name
    for rel, data in render_package([doc], package_name=name).items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    return out


def test_a_document_of_webhooks_only_gives_their_payload_models_readme_and_contract_tests(tmp_path: Path) -> None:
    doc = _doc("webhooks-only.yaml")
    version = ir.build_package([doc], source_names=["hooks.yaml"]).versions[0]
    assert version.operations == []
    [hook] = version.webhooks
    assert (hook.name, hook.http_method, hook.payload_model) == ("parcelDelivered", "POST", "Delivery")
    out = _written(tmp_path, doc, "hooks")
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "## Webhooks (1.0.0)" in readme and "| `parcelDelivered` | `POST` | `models.Delivery` |" in readme
    cases = contract_cases(out)
    assert cases["webhooks"] == [
        {
            "name": "parcelDelivered",
            "model": "Delivery",
            "example": doc["webhooks"]["parcelDelivered"]["post"]["requestBody"]["content"]["application/json"][
                "example"
            ],
            "xfail": None,
        }
    ]
    result = run_package_tests(out)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "1 passed" in result.stdout


def test_an_inline_payload_becomes_a_model_and_a_path_item_reference_is_followed(tmp_path: Path) -> None:
    doc = _doc("keywords.yaml")
    inline = copy.deepcopy(doc)
    inline["webhooks"]["labelPrinted"] = {
        "put": {
            "summary": "A label was printed",
            "requestBody": {
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "object",
                            "required": ["shipment_id"],
                            "properties": {"shipment_id": {"type": "string"}, "printer": {"type": ["string", "null"]}},
                        }
                    }
                }
            },
            "responses": {"200": {"description": "ok"}},
        }
    }
    version = ir.build_package([inline], source_names=["parcels.yaml"]).versions[0]
    hooks = {h.name: h for h in version.webhooks}
    assert hooks["shipmentUpdated"].payload_model == "Event"  # components/pathItems/ShipmentEvent
    assert hooks["labelPrinted"].http_method == "PUT"
    model = hooks["labelPrinted"].payload_model
    assert model is not None and model in version.schemas
    assert hooks["labelPrinted"].example is not None and hooks["labelPrinted"].example.synthesised
    out = _written(tmp_path, inline, "parcels")
    with imported(out, "parcels.v2024_06_01") as parcels:
        parsed = getattr(parcels.models, model).model_validate_json(json.dumps({"shipment_id": "shp_1"}))
        assert parsed.shipment_id == "shp_1"
    result = run_package_tests(out)
    assert result.returncode == 0, result.stdout[-3000:]


def test_a_webhook_that_is_not_a_path_item_is_a_warning() -> None:
    doc = _doc("webhooks-only.yaml")
    doc["webhooks"]["broken"] = ["post"]
    doc["webhooks"]["dangling"] = {"$ref": "#/components/pathItems/Missing"}
    doc["webhooks"]["x-vendor"] = {"note": "an extension, not a webhook"}
    version = ir.build_package([doc], source_names=["hooks.yaml"]).versions[0]
    assert [h.name for h in version.webhooks] == ["parcelDelivered"]
    assert any("/webhooks/broken: expected a path item mapping" in w for w in version.warnings)
    assert any("/webhooks/dangling" in w and "Missing" in w for w in version.warnings)
    assert not any("x-vendor" in w for w in version.warnings)


def test_an_operations_callbacks_are_payload_classes_too(tmp_path: Path) -> None:
    """A callback (OpenAPI 3.0/3.1 ``callbacks`` of an operation, maybe a reference into ``components.callbacks``)
    is a request the API sends as webhooks are, to a URL the caller gave: its payload gets a class, a README row
    naming the operation that registers it, and a contract test. They were dropped without a word."""
    doc: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "Subscriptions", "version": "1"},
        "paths": {
            "/subscriptions": {
                "post": {
                    "operationId": "createSubscription",
                    "parameters": [
                        {"name": "callbackUrl", "in": "query", "required": True, "schema": {"type": "string"}}
                    ],
                    "responses": {"201": {"description": "subscribed"}},
                    "callbacks": {
                        "onData": {
                            "{$request.query.callbackUrl}/data": {
                                "post": {
                                    "summary": "New data",
                                    "requestBody": {
                                        "content": {
                                            "application/json": {
                                                "schema": {
                                                    "type": "object",
                                                    "required": ["timestamp"],
                                                    "properties": {"timestamp": {"type": "string"}},
                                                },
                                                "example": {"timestamp": "2024-06-01T10:00:00Z"},
                                            }
                                        }
                                    },
                                    "responses": {"202": {"description": "received"}},
                                }
                            }
                        },
                        "onClose": {"$ref": "#/components/callbacks/Closed"},
                    },
                }
            }
        },
        "components": {
            "callbacks": {
                "Closed": {
                    "{$request.query.callbackUrl}/closed": {
                        "put": {
                            "requestBody": {
                                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Closed"}}}
                            },
                            "responses": {"200": {"description": "ok"}},
                        }
                    }
                }
            },
            "schemas": {"Closed": {"type": "object", "properties": {"reason": {"type": "string"}}}},
        },
    }
    version = ir.build_package([doc], source_names=["subs.yaml"]).versions[0]
    hooks = {h.name: h for h in version.webhooks}
    assert set(hooks) == {"create_subscription.onClose", "create_subscription.onData"}
    assert hooks["create_subscription.onClose"].payload_model == "Closed"
    assert hooks["create_subscription.onClose"].http_method == "PUT"
    data = hooks["create_subscription.onData"]
    assert data.payload_model == "OnDataCallback" and data.example is not None and not data.example.synthesised
    out = _written(tmp_path, doc, "subs")
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "| `create_subscription.onData` | `POST` | `models.OnDataCallback` | New data |" in readme
    result = run_package_tests(out)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "test_webhook_payload[create_subscription.onData]" not in result.stdout  # passed quietly
