"""Hostile OpenAPI documents through ``generate`` (issue 12, items 4, 8 and 9).

Each test feeds the attack itself: generator-specific keywords that make ``models.py`` import modules, ``$ref``
cycles, deep nesting, undecodable files, YAML alias bombs, a bad ``pattern``, and names that clash in generated code.
The expected result is a package whose files compile and import nothing unexpected, or a clean one-line error
naming the file.
"""

from __future__ import annotations

import ast
from typing import Any

from scraper.clients.package import render_package
from scraper.clients.schema_keywords import honoured_schema


def _spec(schemas: dict[str, Any], *, service: str = "models") -> dict[str, Any]:
    ok = {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Evil", "version": "1.0", "x-provider": "evil", "x-service": service},
        "paths": {"/x": {"get": {"operationId": "getX", "responses": {"200": ok}}}},
        "components": {"schemas": schemas},
    }


def _imported_modules(source: str) -> set[str]:
    tree = ast.parse(source)
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names.add(node.module or "")
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_generator_keywords_cannot_make_models_import_modules() -> None:
    thing = {
        "type": "object",
        "customBasePath": "subprocess.Popen",
        "properties": {
            "a": {"type": "string", "customTypePath": "os.system"},
            "b": {"type": "string", "x-python-type": "shutil.rmtree"},
            "c": {"type": "object", "x-python-import": {"module": "antigravity", "name": "fly"}},
        },
    }
    files = render_package([_spec({"Thing": thing})])
    models = files["evil_models/v1_0/models.py"].decode("utf-8")
    assert _imported_modules(models) <= {"__future__", "typing", "pydantic", "enum"}
    assert "class Thing(BaseModel)" in models


def test_only_local_refs_and_standard_keywords_survive() -> None:
    schema = {
        "type": "object",
        "x-python-type": "os.system",
        "properties": {
            "remote": {"$ref": "http://127.0.0.1:9/evil.yaml"},
            "file": {"$ref": "/etc/passwd"},
            "local": {"$ref": "#/components/schemas/Other", "customTypePath": "os.system"},
            "customTypePath": {"type": "string"},  # a property may be called anything
        },
        "discriminator": {"propertyName": "kind", "mapping": {"a": "#/components/schemas/A", "b": "http://x/y"}},
        "allOf": [{"customBasePath": "subprocess.Popen", "required": ["local"]}],
    }
    assert honoured_schema(schema) == {
        "type": "object",
        "properties": {
            "remote": {},
            "file": {},
            "local": {"$ref": "#/components/schemas/Other"},
            "customTypePath": {"type": "string"},
        },
        "discriminator": {"propertyName": "kind", "mapping": {"a": "#/components/schemas/A"}},
        "allOf": [{"required": ["local"]}],
    }
