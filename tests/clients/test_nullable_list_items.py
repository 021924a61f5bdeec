"""A listing whose items refer to a component that admits null, in an OpenAPI 3.1 document: 3.0's ``nullable: true``
on the component (anyproto/anytype-heart's ``core/api/docs/openapi.yaml``: ``Type``, the items of
``PaginatedResponse-Type``; the 3.1 rewrite spells each reference to it ``anyOf: [$ref, null]``), or 3.1's own
``anyOf``/``oneOf`` of a reference and the null type. The models held ``list[Type | None]`` while the iterator's page
function said ``list[_models.Type]``: two ``mypy --strict`` errors in the generated client. Now such an item is
the class or None in the iterator as in the models (as a 3.0 document's nullable component already was)."""

from __future__ import annotations

from typing import Any

import pytest

from scraper.clients.package import render_package


def _doc(items: dict[str, Any], kind: dict[str, Any]) -> dict[str, Any]:
    page = {
        "type": "object",
        "properties": {
            "data": {"type": "array", "items": items},
            "pagination": {"type": "object", "properties": {"has_more": {"type": "boolean"}}},
        },
    }
    ok = {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/KindPage"}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Kinds", "version": "1"},
        "paths": {"/kinds": {"get": {
            "operationId": "listKinds",
            "parameters": [{"name": "offset", "in": "query", "schema": {"type": "integer"}},
                           {"name": "limit", "in": "query", "schema": {"type": "integer"}}],
            "responses": {"200": ok},
        }}},
        "components": {"schemas": {"Kind": kind, "KindPage": page}},
    }  # fmt: skip


REF = {"$ref": "#/components/schemas/Kind"}
KIND = {"type": "object", "properties": {"id": {"type": "string"}}}


@pytest.mark.parametrize(
    ("items", "kind"),
    [
        (REF, {**KIND, "nullable": True}),  # 3.0's keyword in a 3.1 document, on the component
        ({"anyOf": [REF, {"type": "null"}]}, KIND),  # 3.1's nullable reference
        ({"oneOf": [{"type": "null"}, REF]}, KIND),
    ],
    ids=["nullable-component", "anyOf-null", "oneOf-null"],
)
def test_an_iterator_over_items_that_may_be_null_yields_the_class_or_none(
    items: dict[str, Any], kind: dict[str, Any]
) -> None:
    files = render_package([_doc(items, kind)], source_names=["kinds.yaml"])
    client = next(v for k, v in files.items() if k.endswith("/client.py"))
    models = next(v for k, v in files.items() if k.endswith("/models.py"))
    client_text = client.decode() if isinstance(client, bytes) else client
    models_text = models.decode() if isinstance(models, bytes) else models
    assert "data: list[Kind | None] | None = None" in models_text
    assert "-> Iterator[_models.Kind | None]:" in client_text
    assert "def _page(_offset: int, _limit: int) -> list[_models.Kind | None]:" in client_text
