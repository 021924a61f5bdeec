"""Operations that repeat an operationId are told apart by their paths, not by numbers.

Documents written for SDK generators that group operations by tag repeat short operationIds across resources:
Deepgram's (deepgram/deepgram-api-specs ``openapi.yml`` at ``4ba987c``) has 50 operations named ``list``, ``get``,
``create``, ``update`` and ``delete``; the methods came out ``list_``, ``list__6`` ... ``list__10``, ``get_5``,
which say nothing of what they list (and a reserved name's ``_`` doubled the underscore). Now the first in (name,
path, method) order keeps the plain name, as before (adding an operation renames no other), and each repeat
takes the shortest end of its path's literal segments that no other method has (``list_keys``,
``list_projects_models`` beside ``/v1/models``'s ``list_models``); only two operations on one path still need a
number.
"""

from __future__ import annotations

from typing import Any

from scraper.clients import ir


def _op(operation_id: str) -> dict[str, Any]:
    return {"operationId": operation_id, "responses": {"204": {"description": "ok"}}}


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Repeats", "version": "1"},
    "paths": {
        "/v1/agent/think/models": {"get": _op("list")},
        "/v1/models": {"get": _op("list")},
        "/v1/projects/{project_id}/models": {"get": _op("list")},
        "/v1/projects/{project_id}/keys": {"get": _op("list"), "post": _op("create")},
        "/v1/projects/{project_id}/keys/{key_id}": {"get": _op("get"), "delete": _op("get")},
        "/v1/projects/{project_id}/agent-variables/{variable_id}": {"get": _op("get")},
        "/v1/projects/{project_id}": {"get": _op("get")},
    },
}


def test_repeated_operation_ids_take_the_end_of_their_path() -> None:
    pkg = ir.build_package([SPEC], source_names=["repeats.yaml"])
    names = {f"{op.http_method} {op.path}": op.method_name for op in pkg.versions[0].operations}
    assert names == {
        "GET /v1/agent/think/models": "list_",
        "GET /v1/models": "list_models",
        "GET /v1/projects/{project_id}/models": "list_projects_models",
        "GET /v1/projects/{project_id}/keys": "list_keys",
        "POST /v1/projects/{project_id}/keys": "create",
        "GET /v1/projects/{project_id}": "get",
        "GET /v1/projects/{project_id}/agent-variables/{variable_id}": "get_agent_variables",
        "DELETE /v1/projects/{project_id}/keys/{key_id}": "get_keys",
        "GET /v1/projects/{project_id}/keys/{key_id}": "get_keys_2",
    }
    warned = [w for w in pkg.warnings if "which another operation has" in w]
    assert len(warned) == 6
    assert any("operationId 'list' gives method 'list_'" in w and "this one is 'list_keys'" in w for w in warned)
