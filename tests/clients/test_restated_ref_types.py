"""A ``$ref`` beside a ``type`` that only restates its target's type is the reference, not a copy of the target.

OpenAPI 3.1 documents generated from code write ``{type: [string], $ref: EventType}`` (exa-labs/openapi-spec
``exa-websets-spec.yaml`` at ``57d9178``: ``CreateWebhookParameters.events.items``, and 60 more). datamodel-code-
generator read the sibling as a new schema and copied the enum into a class named after the field (``Event`` for
``events``), which took the name of the component ``Event`` (a discriminated union of 17 events): the response
model ``Event`` became that enum, mypy refused ``parse_model(Event, ...)``, and its contract test failed. Without the
class collision a user still got a copy (``Kind``) where ``EventType`` was meant, so ``kind=EventType.A`` failed
mypy. A ``type`` that says the same as the target's is left out; one that says more (``null``) or else is kept.
"""

from __future__ import annotations

from typing import Any

from scraper.clients.package import render_package

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Ev", "version": "1"},
    "servers": [{"url": "https://ev.test"}],
    "paths": {
        "/hooks": {
            "post": {
                "operationId": "createHook",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Hook"}}},
                },
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Event"}}},
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "EventType": {"type": "string", "enum": ["a.created", "a.deleted"]},
            "Owner": {"type": ["object"], "properties": {"id": {"type": "string"}}},
            "Hook": {
                "type": "object",
                "required": ["events"],
                "properties": {
                    "events": {
                        "type": "array",
                        "items": {"type": ["string"], "$ref": "#/components/schemas/EventType"},
                    },
                    "kind": {"type": "string", "$ref": "#/components/schemas/EventType"},
                    "owner": {"type": "object", "$ref": "#/components/schemas/Owner"},
                    "other": {"type": ["string", "null"], "$ref": "#/components/schemas/EventType"},
                },
            },
            "Event": {
                "oneOf": [
                    {"type": "object", "required": ["type"], "properties": {"type": {"const": "a.created"}}},
                    {"type": "object", "required": ["type"], "properties": {"type": {"const": "a.deleted"}}},
                ],
                "discriminator": {"propertyName": "type"},
            },
        }
    },
}


def test_a_restated_type_beside_a_ref_keeps_the_reference() -> None:
    source = render_package([SPEC], package_name="ev")["ev/v1/models.py"].decode("utf-8")
    assert "    events: list[EventType]\n" in source
    assert "    kind: EventType | None = None\n" in source
    assert "    owner: Owner | None = None\n" in source
    assert "class Event(RootModel[" in source
    assert "class Kind(" not in source and "class Event1(" not in source
