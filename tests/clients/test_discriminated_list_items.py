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
            "/threads": {
                "get": {
                    "operationId": "threads_by_name",
                    "responses": ok({"type": "object", "additionalProperties": {"type": "array", "items": union}}),
                }
            },
            "/inbox": {"get": {"operationId": "get_inbox", "responses": ok({"$ref": "#/components/schemas/Inbox"})}},
            # a paged listing whose page holds the union (Mistral's ``list_models``: ``ModelList.data``)
            "/pages": {
                "get": {
                    "operationId": "list_pages",
                    "parameters": [
                        {"name": "offset", "in": "query", "schema": {"type": "integer"}},
                        {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                    ],
                    "x-pagination": {"style": "offset", "items": "data", "limit": "limit", "offset": "offset"},
                    "responses": ok({"type": "object", "properties": {"data": {"type": "array", "items": union}}}),
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
                # a model's fields holding the union (Letta's ``policy``, Mistral's ``ModelList.data``: a list;
                # Mistral's ``ChatModerationRequest.input``: a list of lists; Polar's ``CheckoutProductsCreate
                # .prices``: a map of lists; an ``anyOf`` with null, Letta's optional unions)
                "Inbox": {
                    "type": "object",
                    "properties": {
                        "latest": union,
                        "messages": {"type": "array", "items": union},
                        "pages": {"type": "array", "items": {"type": "array", "items": union}},
                        "by_sender": {"type": "object", "additionalProperties": union},
                        "threads": {"type": "object", "additionalProperties": {"type": "array", "items": union}},
                        "pinned": {"anyOf": [union, {"type": "null"}]},
                        "saved": {"type": "array", "items": {"$ref": "#/components/schemas/Message"}},
                    },
                },
                # a component that is the union (Mistral's ``ContentChunk``): its class, wherever it is used
                "Message": union,
                "SystemMessage": _member("system_message"),
                "Accepted": {
                    "type": "object",
                    "required": ["request_id"],
                    "properties": {"request_id": {"type": "string"}},
                },
            }
        },
    }


_MEMBERS = "_models.UserMessage | _models.SystemMessage"


def test_the_ir_returns_the_members_as_deep_as_the_shape_goes() -> None:
    [version] = ir.build_package([_spec()]).versions
    ops = {op.method_name: op.returns for op in version.operations}
    assert ops["list_messages"] == f"list[{_MEMBERS}]"
    assert ops["list_nested"] == f"list[list[{_MEMBERS}]]"
    assert ops["messages_by_name"] == f"dict[str, {_MEMBERS}]"
    assert ops["threads_by_name"] == f"dict[str, list[{_MEMBERS}]]"
    assert ops["transcribe"] == "_models.UserMessage | _models.SystemMessage | _models.Accepted"


def test_a_listing_yields_the_members_and_the_readme_says_where_a_root_stays() -> None:
    files = render_package([_spec()], package_name="steps")
    client = files["steps/v1_0/client.py"].decode()
    assert f"Iterator[{_MEMBERS}]" in client
    readme = " ".join(files["README.md"].decode().split())
    assert (
        "A field holding one of several models picked by a tag (a discriminated union) holds the model itself,"
        " in a list or a map too; a component that is such a union is a class of its own wherever it is used:"
        " `models.Message` (its model is `.root`)."
    ) in readme


_BODIES = {
    "/messages": [{"message_type": "user_message", "text": "hi"}, {"message_type": "system_message"}],
    "/pages": {"data": [{"message_type": "system_message"}]},
    "/nested": [[{"message_type": "user_message", "text": "hi"}], [{"message_type": "system_message"}]],
    "/by-name": {"ann": {"message_type": "user_message", "text": "hi"}, "sys": {"message_type": "system_message"}},
    "/threads": {"ann": [{"message_type": "user_message", "text": "hi"}, {"message_type": "system_message"}]},
    "/inbox": {
        "latest": {"message_type": "user_message", "text": "hi"},
        "messages": [{"message_type": "user_message", "text": "hi"}],
        "pages": [[{"message_type": "system_message"}]],
        "by_sender": {"ann": {"message_type": "user_message", "text": "hi"}},
        "threads": {"ann": [{"message_type": "system_message"}]},
        "pinned": {"message_type": "user_message", "text": "hi"},
        "saved": [{"message_type": "system_message"}],
    },
}


def _names(value: Any) -> Any:
    """``value`` with each model replaced by its class name, lists and maps kept: what the user is handed."""
    if isinstance(value, list):
        return [_names(v) for v in value]
    if isinstance(value, dict):
        return {k: _names(v) for k, v in value.items()}
    return type(value).__name__


def test_mypy_strict_accepts_the_client_and_every_place_holds_the_members(tmp_path: Path) -> None:
    files = render_package([_spec()], package_name="steps")
    out = write_package(files, tmp_path / "out")
    mypy = run_package_mypy(out, str(out / "steps"), cache=tmp_path / ".mypy")
    assert mypy.returncode == 0, mypy.stdout
    with imported(out, "steps") as package:
        transport = httpx.MockTransport(lambda request: httpx.Response(200, json=_BODIES[request.url.path]))
        with package.Client(base_url="https://api.test", transport=transport) as client:
            messages = client.list_messages()
            nested = client.list_nested()
            by_name = client.messages_by_name()
            threads = client.threads_by_name()
            inbox = client.get_inbox()
            paged = list(client.iter_list_pages())
        # and a body the user builds from the members validates the same way
        built = package.models.Inbox(messages=[package.models.SystemMessage(message_type="system_message")])
    assert _names(messages) == ["UserMessage", "SystemMessage"]
    assert messages[0].text == "hi"  # type: ignore[union-attr]
    assert _names(nested) == [["UserMessage"], ["SystemMessage"]]
    assert _names(by_name) == {"ann": "UserMessage", "sys": "SystemMessage"}
    assert _names(threads) == {"ann": ["UserMessage", "SystemMessage"]}
    fields = ("latest", "messages", "pages", "by_sender", "threads", "pinned")
    assert {name: _names(getattr(inbox, name)) for name in fields} == {
        "latest": "UserMessage",
        "messages": ["UserMessage"],
        "pages": [["SystemMessage"]],
        "by_sender": {"ann": "UserMessage"},
        "threads": {"ann": ["SystemMessage"]},
        "pinned": "UserMessage",
    }
    assert _names(inbox.saved) == ["Message"]  # a component: the class its name says (the README says so)
    assert _names(paged) == ["SystemMessage"]
    assert _names(built.messages) == ["SystemMessage"]
    assert built.model_dump(exclude_none=True) == {"messages": [{"message_type": "system_message"}]}
