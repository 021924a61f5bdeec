"""``POST`` listings that send their page token in the JSON request body get an ``iter_`` method (AWS's JSON
protocol; ``next_page_inference._body_token``).

APIs-guru's AWS documents (snapshot ``6cc2f82``, e.g. ``amazonaws.com/kinesis/2013-12-02/openapi.yaml``'s
``ListStreams``, ``storagegateway/2013-06-30``'s ``ListGateways``) describe each action as a ``POST`` to
``/#X-Amz-Target=<Service>.<Action>`` whose JSON body carries ``NextToken`` (or ``Marker``) and whose response
returns the next one: a token was only ever looked for among query parameters, so no such listing had an iterator.
Now a string request body field of the token pairs (``NextToken``, ``Marker``, ...) paired with a response field as a
query parameter would be (a same-spelled top-level field only when its name says next: ``Marker`` may echo) makes a
token listing whose iterator sends the token in the body, the rest of ``body`` as the caller gave it. The document
is written for the test in that shape.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scraper.clients import ir
from scraper.clients.package import render_package
from tests.clients.package_import import contract_cases, run_package_tests, write_package


def _action(name: str, output: str) -> dict[str, Any]:
    return {
        "post": {
            "operationId": name,
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}Input"}}},
            },
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{output}"}}},
                }
            },
        }
    }


STREAMS = {"type": "array", "items": {"type": "object", "properties": {"StreamName": {"type": "string"}}}}
SPEC: dict[str, Any] = {
    "openapi": "3.0.0",
    "info": {"title": "Body Tokens", "version": "2013-12-02"},
    "servers": [{"url": "https://kinesis.example"}],
    "paths": {
        "/#X-Amz-Target=Kinesis_20131202.ListStreams": _action("ListStreams", "ListStreamsOutput"),
        "/#X-Amz-Target=StorageGateway_20130630.ListGateways": _action("ListGateways", "ListGatewaysOutput"),
        "/#X-Amz-Target=Kinesis_20131202.PutRecord": _action("PutRecord", "ListStreamsOutput"),
    },
    "components": {
        "schemas": {
            "NextToken": {"type": "string", "minLength": 1},
            "ListStreamsInput": {
                "type": "object",
                "properties": {"Limit": {"type": "integer"}, "NextToken": {"$ref": "#/components/schemas/NextToken"}},
            },
            "ListStreamsOutput": {
                "type": "object",
                "required": ["Streams"],
                "example": {"Streams": [{"StreamName": "s1"}], "NextToken": "t1"},
                "properties": {"Streams": STREAMS, "NextToken": {"$ref": "#/components/schemas/NextToken"}},
            },
            "ListGatewaysInput": {"type": "object", "properties": {"Marker": {"type": "string"}}},
            "ListGatewaysOutput": {
                "type": "object",
                "properties": {"Gateways": STREAMS, "Marker": {"type": "string"}},
            },
            "PutRecordInput": {"type": "object", "properties": {"Data": {"type": "string"}}},
        }
    },
}


def test_a_token_in_the_request_body_pairs_with_the_response_and_an_echo_does_not() -> None:
    version = ir.build_package([SPEC], source_names=["kinesis.yaml"]).versions[0]
    paged = {
        op.method_name: (op.pagination.style, op.pagination.body_token, op.pagination.next_path, op.pagination.cursor)
        for op in version.operations
        if op.pagination is not None
    }
    assert paged == {"list_streams": ("token", "NextToken", ("NextToken",), None)}
    assert any(
        "no iterator: the body's top-level ``Marker`` may name the next page or echo" in w for w in version.warnings
    )


def test_the_iterator_sends_the_token_in_the_body_and_its_contract_test_walks_two_pages(tmp_path: Path) -> None:
    files = render_package([SPEC], source_names=["kinesis.yaml"])
    client = next(v for k, v in files.items() if k.endswith("/client.py"))
    text = client.decode() if isinstance(client, bytes) else client
    assert text.count('_json["NextToken"] = _token') == 2  # sync and async
    root = write_package(files, tmp_path)
    [case] = contract_cases(root)["pages"]
    assert case["name"] == "iter_list_streams" and case["expect"]["body_token"] == ["NextToken", "contract-page-2"]
    assert "NextToken" not in case["pages"][1]  # the last page names none
    done = run_package_tests(root)
    assert done.returncode == 0, done.stdout[-3000:]
