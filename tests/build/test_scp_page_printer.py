"""The SCP page printer (``tests/build/scp_page_printer.py``) stays honest: small OpenAPI documents written for
this test (not Samsung's) are printed in every rendering (pipe, squashed, HTML) and language (English, Korean),
read back by ``docs2client spec`` and compared with the
document they were printed from, field by field (``tests/build/scp_oracle.py``). A difference is either the
printer's (it prints what the site would not) or the SCP dialect's (it misreads what the site prints)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from scraper.build import PageInput, build_specs
from tests.build.scp_oracle import score_service
from tests.build.scp_page_printer import page_name, print_page

_OK = {"description": "OK"}
_ERRORS = {"401": {"description": "Unauthorized"}, "403": {"description": "Forbidden"}}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _operation(summary: str, responses: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "summary": summary,
        "description": summary + ".",
        "x-api-version": "1.0",
        "x-api-status": "CURRENT",
        "responses": {**responses, **_ERRORS},
        **extra,
    }


WIDGETS: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Widgets", "version": "1"},
    "paths": {
        "/v1/widgets": {
            "get": _operation(
                "List Widgets",
                {"200": _json(_ref("WidgetListResponse"))},
                parameters=[
                    {"name": "region_code", "in": "query", "required": True, "schema": {"type": "string"}},
                    {
                        "name": "limit",
                        "in": "query",
                        "description": "Page size",
                        "schema": {"type": "integer", "nullable": True, "default": 20, "example": 20},
                    },
                    {"name": "state", "in": "query", "schema": {"allOf": [_ref("WidgetState")], "nullable": True}},
                    {
                        "name": "edition",
                        "in": "query",
                        "schema": {"type": "string", "enum": [f"Widget Edition Number {n}" for n in range(12)]},
                    },
                    {
                        "name": "created_since",
                        "in": "query",
                        "schema": {"type": "string", "format": "date-time", "nullable": True},
                    },
                ],
            ),
            "post": _operation(
                "Create Widget",
                {"202": _json(_ref("AsyncResponse"), "Accepted")},
                requestBody={"content": {"application/json": {"schema": _ref("WidgetCreateRequest")}}},
            ),
        },
        "/v1/widgets/{widget_id}": {
            "get": _operation(
                "Show Widget",
                {"200": _json(_ref("Widget"))},
                parameters=[
                    {
                        "name": "widget_id",
                        "in": "path",
                        "required": True,
                        "description": "Widget ID",
                        "schema": {"type": "string", "example": "wd-0001"},
                    }
                ],
            ),
            "delete": _operation(
                "Delete Widget",
                {"204": {"description": "No Content"}},
                parameters=[{"name": "widget_id", "in": "path", "required": True, "schema": {"type": "string"}}],
            ),
        },
    },
    "components": {
        "schemas": {
            "AsyncResponse": {
                "properties": {"request_id": {"type": "string", "description": "Request ID"}},
                "required": ["request_id"],
            },
            "Tag": {
                "properties": {"key": {"type": "string", "example": "env"}, "value": {"type": "string"}},
                "required": ["key", "value"],
            },
            "Widget": {
                "properties": {
                    "created_at": {"type": "string", "format": "date-time", "example": "2025-01-02T03:04:05Z"},
                    "description": {"type": "string", "nullable": True, "description": "Description"},
                    "id": {"type": "string", "example": "wd-0001"},
                    "size": {"type": "integer", "minimum": 1, "maximum": 100, "example": 10},
                    "state": {"allOf": [_ref("WidgetState")], "description": "State", "example": "ACTIVE"},
                    "tags": {"type": "array", "items": _ref("Tag"), "nullable": True},
                },
                "required": ["created_at", "id", "size", "state"],
            },
            "WidgetCreateRequest": {
                "properties": {
                    "enabled": {"type": "boolean", "default": True, "example": True},
                    "name": {
                        "type": "string",
                        "description": "Widget name",
                        "pattern": "^[a-z][a-z0-9-]*$",
                        "maxLength": 30,
                        "example": "wd-a",
                    },
                    "tags": {"type": "array", "items": _ref("Tag"), "default": [], "description": "Tag list"},
                },
                "required": ["name"],
            },
            "WidgetListResponse": {
                "properties": {
                    "count": {"type": "integer", "example": 1},
                    "widgets": {"type": "array", "items": _ref("Widget")},
                },
                "required": ["count", "widgets"],
            },
            "WidgetState": {"type": "string", "enum": ["ACTIVE", "DELETING", "ERROR"]},
        }
    },
}

GADGETS: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Gadgets", "version": "1"},
    "paths": {
        "/v1/gadgets/{gadget_id}/owner": {
            "put": _operation(
                "Set Gadget Owner",
                {"200": _json(_ref("GadgetShowResponse"))},
                parameters=[{"name": "gadget_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                requestBody={"content": {"application/json": {"schema": _ref("OwnerSetRequest")}}},
            )
        }
    },
    "components": {
        "schemas": {
            "Gadget": {
                "properties": {
                    "labels": {"type": "array", "items": {"type": "string"}, "nullable": True, "example": ["a"]},
                    "owner": {"allOf": [_ref("Owner")], "nullable": True},
                    "settings": {"type": "object", "description": "Free-form settings"},
                    "scope": _ref("Scope"),
                    "weight": {"type": "integer", "nullable": True, "example": 3},
                },
                "required": ["labels", "owner"],
            },
            "GadgetShowResponse": {"properties": {"gadget": {"allOf": [_ref("Gadget")]}}, "required": ["gadget"]},
            "Owner": {
                "properties": {"name": {"type": "string", "example": "kim"}, "team": {"type": "string"}},
                "required": ["name"],
            },
            "OwnerSetRequest": {"properties": {"owner": _ref("Owner")}, "required": ["owner"]},
            # an alias of an inline schema (no model of its own: printed where it is used)
            "Scope": {"anyOf": [{"type": "string", "nullable": True}, {"type": "array", "items": {"type": "string"}}]},
        }
    },
}


# a service whose only version is deprecated: the deprecation sentence on the overview and on the version page, a
# Not Before date in both version tables
RELICS: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Relics", "version": "1"},
    "paths": {
        "/v1/relics/{relic_id}": {
            "delete": {
                **_operation(
                    "Delete Relic",
                    {"202": _json(_ref("AsyncResponse"), "Accepted")},
                    parameters=[{"name": "relic_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                ),
                "x-api-status": "DEPRECATED",
                "x-not-before": "2026-05-31",
            }
        }
    },
    "components": {"schemas": {"AsyncResponse": WIDGETS["components"]["schemas"]["AsyncResponse"]}},
}


@pytest.mark.parametrize("language", ["en", "ko"])
@pytest.mark.parametrize("rendering", ["pipe", "squashed", "html"])
@pytest.mark.parametrize("slug,document", [("widgets", WIDGETS), ("gadgets", GADGETS), ("relics", RELICS)])
def test_printed_page_reads_back_as_its_document(
    slug: str, document: dict[str, Any], rendering: str, language: str, tmp_path: Path
) -> None:
    page = tmp_path / page_name(slug, rendering, language)
    page.write_text(print_page(document, slug, rendering, language=language), encoding="utf-8")
    page_format = "html" if rendering == "html" else "text"
    report = build_specs(
        [PageInput(name=page.name, path=page, provider="scp", format=page_format, services=(slug,), covers="service")],
        tmp_path / "spec",
    )
    assert report.errors == []
    specs = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (tmp_path / "spec").rglob("*.yaml")}
    score = score_service(document, specs)
    assert score.differences == []
    assert (score.ours, score.matched) == (score.oracle, score.oracle)
    assert score.fields["matched"] == score.fields["oracle"] > 0
    for path, item in document["paths"].items():
        for method, operation in item.items():
            ours = specs[operation["x-api-version"]]["paths"][path][method]
            # the description and the version's state survive every rendering and language (the Korean
            # deprecation sentence is no description)
            assert ours["description"] == operation["description"]
            deprecated = operation["x-api-status"] == "DEPRECATED"
            assert (ours.get("deprecated", False), ours.get("x-sunset")) == (
                deprecated,
                operation.get("x-not-before") if deprecated else None,
            )
