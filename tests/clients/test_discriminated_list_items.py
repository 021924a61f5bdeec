"""A 2xx response that is an array of an inline discriminated union (FastAPI's ``list[Annotated[A | B,
Field(discriminator=...)]]``, as Letta's ``list_messages_for_step`` and ElevenLabs' ``list_phone_numbers`` have it):
datamodel-code-generator wraps each item in a root model of its own (``ListMessagesResponse1``, the union with its
discriminator), so the root model's list held wrappers while the method said ``list[A | B]``; mypy --strict refused
the client (4 errors in each package). The method now returns each item's value (``[item.root for item in ...]``),
typed ``list[A | B]`` as before. A response whose schema has both ``anyOf`` and ``oneOf`` (ElevenLabs'
``speech_to_text``: three members in one, two in the other) is the generator's ``anyOf`` union; it was the
``oneOf``'s, narrower than what the root model holds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from scraper.clients import ir
from scraper.clients.package import render_package
from tests.clients.package_import import imported, run_package_mypy, write_package


def _member(tag: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["message_type"],
        "properties": {"message_type": {"type": "string", "const": tag}, **extra},
    }


def _spec() -> dict[str, Any]:
    union = {
        "oneOf": [{"$ref": "#/components/schemas/UserMessage"}, {"$ref": "#/components/schemas/SystemMessage"}],
        "discriminator": {
            "propertyName": "message_type",
            "mapping": {
                "user_message": "#/components/schemas/UserMessage",
                "system_message": "#/components/schemas/SystemMessage",
            },
        },
    }

    def ok(schema: dict[str, Any]) -> dict[str, Any]:
        return {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}}

    return {
        "openapi": "3.1.0",
        "info": {"title": "Steps", "version": "1.0"},
        "paths": {
            "/messages": {"get": {"operationId": "list_messages", "responses": ok({"type": "array", "items": union})}},
            "/nested": {
                "get": {
                    "operationId": "list_nested",
                    "responses": ok({"type": "array", "items": {"type": "array", "items": union}}),
                }
            },
            "/by-name": {
                "get": {
                    "operationId": "messages_by_name",
                    "responses": ok({"type": "object", "additionalProperties": union}),
                }
            },
            "/transcribe": {
                "post": {
                    "operationId": "transcribe",
                    "responses": ok(
                        {
                            "anyOf": [
                                {"$ref": "#/components/schemas/UserMessage"},
                                {"$ref": "#/components/schemas/SystemMessage"},
                                {"$ref": "#/components/schemas/Accepted"},
                            ],
                            "oneOf": [
                                {"$ref": "#/components/schemas/UserMessage"},
                                {"$ref": "#/components/schemas/SystemMessage"},
                            ],
                        }
                    ),
                }
            },
        },
        "components": {
            "schemas": {
                "UserMessage": _member("user_message", text={"type": "string"}),
                "SystemMessage": _member("system_message"),
                "Accepted": {
                    "type": "object",
                    "required": ["request_id"],
                    "properties": {"request_id": {"type": "string"}},
                },
            }
        },
    }


def test_the_ir_returns_the_items_values() -> None:
    [version] = ir.build_package([_spec()]).versions
    ops = {op.method_name: op for op in version.operations}
    assert ops["list_messages"].returns == "list[_models.UserMessage | _models.SystemMessage]"
    assert ops["list_messages"].returns_item_roots
    assert ops["list_nested"].returns == "list[list[Any]]"  # nested: not unwrapped, so no narrower than the model
    assert not ops["list_nested"].returns_item_roots
    assert ops["messages_by_name"].returns == "dict[str, Any]"
    assert ops["transcribe"].returns == "_models.UserMessage | _models.SystemMessage | _models.Accepted"


def test_mypy_strict_accepts_the_client_and_the_method_returns_the_members(tmp_path: Path) -> None:
    files = render_package([_spec()], package_name="steps")
    out = write_package(files, tmp_path / "out")
    mypy = run_package_mypy(out, str(out / "steps"), cache=tmp_path / ".mypy")
    assert mypy.returncode == 0, mypy.stdout
    body = b'[{"message_type": "user_message", "text": "hi"}, {"message_type": "system_message"}]'
    with imported(out, "steps") as package:
        transport = httpx.MockTransport(
            lambda request: httpx.Response(200, content=body, headers={"content-type": "application/json"})
        )
        with package.Client(base_url="https://api.test", transport=transport) as client:
            messages = client.list_messages()
    assert [type(m).__name__ for m in messages] == ["UserMessage", "SystemMessage"]
    assert messages[0].text == "hi"  # type: ignore[union-attr]
