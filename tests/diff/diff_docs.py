"""Builders of small hand-written OpenAPI documents for the diff tests (one operation, one body, one parameter)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

from scraper.diff.compare import compare

Triple = tuple[str, str, str]  # (kind, severity, location)

S: dict[str, Any] = {"type": "string"}
I: dict[str, Any] = {"type": "integer"}  # noqa: E741
OP = "GET /v1/things/{thing_id}"


def doc(paths: dict[str, Any] | None = None, schemas: dict[str, Any] | None = None, **info: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "T", "version": "1.0", **info},
        "paths": paths or {},
    }
    if schemas:
        document["components"] = {"schemas": schemas}
    return document


def obj(props: dict[str, Any], required: list[str] | None = None, **extra: Any) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": props, **extra}
    if required:
        schema["required"] = required
    return schema


def body_doc(schema: Any, side: str, schemas: dict[str, Any] | None = None, openapi: str = "3.1.0") -> dict[str, Any]:
    """One ``POST /v1/things`` whose request body (side="request") or 200 response (side="response") is ``schema``."""
    op: dict[str, Any] = {"operationId": "createThing", "responses": {"200": {"description": "OK"}}}
    content = {"application/json": {"schema": schema}}
    if side == "request":
        op["requestBody"] = {"required": True, "content": content}
    else:
        op["responses"]["200"]["content"] = content
    document = doc({"/v1/things": {"post": op}}, schemas)
    document["openapi"] = openapi
    return document


def op_doc(**op: Any) -> dict[str, Any]:
    """One ``GET /v1/things/{thing_id}`` with ``op``'s fields."""
    base: dict[str, Any] = {
        "operationId": "getThing",
        "parameters": [param("thing_id", "path", True)],
        "responses": {"200": {"description": "OK"}},
    }
    return doc({"/v1/things/{thing_id}": {"get": base | op}})


def param(name: str, where: str = "query", required: bool = False, **schema: Any) -> dict[str, Any]:
    return {"name": name, "in": where, "required": required, "schema": schema or {"type": "string"}}


def triples(old: dict[str, Any], new: dict[str, Any], **kwargs: Any) -> list[Triple]:
    return [(c.kind, c.severity, c.location) for c in compare(old, new, **kwargs)]


def kinds(
    old: dict[str, Any], new: dict[str, Any], today: _dt.date | None = None, **kwargs: Any
) -> list[tuple[str, str]]:
    return [(c.kind, c.severity) for c in compare(old, new, today=today, **kwargs)]
