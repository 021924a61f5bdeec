"""A parameter's documented default is said in its docstring line.

The signature's ``None`` means "not sent", and the server then applies its default; the document says what that is
(Redocly's museum-openapi-example ``openapi.yaml`` at ``2770b2b``: ``page`` default 1, ``limit`` default 10;
bump-sh-examples/train-travel-api the same), and openapi-python-client shows it in the signature. The docstring
said nothing of it, so a user had to read the OpenAPI document to learn how many items a page holds by
default. A scalar default is shown as it is sent.
"""

from __future__ import annotations

from typing import Any

from scraper.clients.package import render_package

SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Defaults", "version": "1"},
    "servers": [{"url": "https://api.defaults.test"}],
    "paths": {
        "/things/{kind}": {
            "get": {
                "operationId": "listThings",
                "parameters": [
                    {"name": "kind", "in": "path", "required": True, "schema": {"type": "string", "default": "all"}},
                    {
                        "name": "page",
                        "in": "query",
                        "description": "Page.",
                        "schema": {"type": "integer", "default": 1},
                    },
                    {"name": "order", "in": "query", "schema": {"type": "string", "default": 'a"b'}},
                    {"name": "deep", "in": "query", "schema": {"type": "boolean", "default": False}},
                    {"name": "none", "in": "query", "schema": {"type": ["string", "null"], "default": None}},
                    {"name": "tags", "in": "query", "schema": {"type": "array", "default": ["a"]}},
                    {"name": "empty", "in": "query", "schema": {"type": "string", "default": ""}},
                    {"name": "X-Trace", "in": "header", "schema": {"type": "string"}},
                ],
                "responses": {"204": {"description": "ok"}},
            }
        }
    },
}


def _docstring_lines() -> list[str]:
    files = render_package([SPEC], package_name="defaults")
    source = files["defaults/v1/client.py"].decode("utf-8")
    start = source.index("def list_things")
    return [line.strip() for line in source[start : source.index('"""', source.index('"""', start) + 3)].splitlines()]


def test_documented_defaults_are_in_the_parameter_lines() -> None:
    lines = _docstring_lines()
    assert "kind: path parameter (``kind``, path)" in lines  # always sent: a path's default is no default
    assert "page: Page. (``page``, query; default ``1``)" in lines
    assert 'order: query parameter (``order``, query; default ``a\\"b``)' in lines  # as sent; the docstring escapes "
    assert "deep: query parameter (``deep``, query; default ``false``)" in lines
    assert "tags: query parameter (``tags``, query)" in lines  # a list: not shown
    assert "empty: query parameter (``empty``, query)" in lines
    assert "none: query parameter (``none``, query)" in lines  # a null default is no default
    assert "x_trace: header parameter (``X-Trace``, header)" in lines
