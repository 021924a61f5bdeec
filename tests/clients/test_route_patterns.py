"""Path placeholders that carry a route pattern (``{api_ver:\\d+}``), read as the plain placeholder.

Web frameworks write a route's pattern into its placeholder (Pyramid/Cornice ``{name:regex}``, Spring
``{id:\\d+}``, JAX-RS ``{id: [0-9]+}``), and documents generated from the routes keep it: APIs-guru's
``mozilla.com/kinto/1.22`` (snapshot ``6cc2f82``) has ``/{prefix}/{api_ver:\\d+}/.../{metrics:.*}`` with parameters
named ``api_ver:\\d+``; ``clever-cloud.com/1.0.0`` has JAX-RS's ``/products/instances/{type: [^-]+}-{version}``.
Swagger 2.0's validator reads the placeholder's name as ``api_ver`` and refused the whole
document ("Path parameter 'api_ver' ... was not resolved"); a 3.x document made a method argument ``api_ver_d``
and a path template holding the regex. Now the placeholder is ``{api_ver}``, a parameter named after the whole
placeholder text is that name, and each placeholder is one warning quoting the pattern the client does not check.
"""

from __future__ import annotations

from typing import Any

import yaml

from scraper.clients import ir
from tests import paths

FIXTURE = paths.FIXTURES / "openapi" / "robust" / "route-patterns-in-placeholders.yaml"


def _operations(doc: dict[str, Any], name: str) -> tuple[dict[str, ir.OperationIR], list[str]]:
    pkg = ir.build_package([doc], source_names=[name])
    return {op.method_name: op for op in pkg.versions[0].operations}, pkg.warnings


def test_a_swagger_document_with_route_patterns_is_read_with_plain_placeholders() -> None:
    ops, warnings = _operations(yaml.safe_load(FIXTURE.read_text(encoding="utf-8")), "routes.yaml")
    assert ops["get_list"].path == "/{prefix}/{api_ver}/lists/{rest}"
    assert [p.py_name for p in ops["get_list"].path_params] == ["prefix", "api_ver", "rest"]
    assert ops["delete_item"].path == "/items/{id}"
    assert [p.wire_name for p in ops["delete_item"].path_params] == ["id"]
    patterns = [w for w in warnings if "route pattern" in w]
    assert len(patterns) == 3, warnings
    assert any(w.startswith("routes.yaml: #/paths/~1{prefix}~1{api_ver:\\d+}") and "'\\\\d+'" in w for w in patterns)
    assert any("{id: [0-9]+}" in w and "read as {id}" in w for w in patterns)


def test_a_3x_document_with_route_patterns_is_read_the_same_way() -> None:
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "Routes", "version": "1"},
        "paths": {
            "/v{api_ver:\\d+}/things/{name}": {
                "get": {
                    "operationId": "getThing",
                    "parameters": [
                        {"in": "path", "name": "api_ver:\\d+", "required": True, "schema": {"type": "string"}},
                        {"in": "path", "name": "name", "required": True, "schema": {"type": "string"}},
                    ],
                    "responses": {"204": {"description": "ok"}},
                }
            },
            "/plain/{a}": {
                "get": {
                    "operationId": "getPlain",
                    "parameters": [{"in": "path", "name": "a", "required": True, "schema": {"type": "string"}}],
                    "responses": {"204": {"description": "ok"}},
                }
            },
        },
    }
    ops, warnings = _operations(doc, "routes30.yaml")
    assert ops["get_thing"].path == "/v{api_ver}/things/{name}"
    assert [p.py_name for p in ops["get_thing"].path_params] == ["api_ver", "name"]
    assert ops["get_plain"].path == "/plain/{a}"
    assert [w for w in warnings if "route pattern" in w] == [
        "routes30.yaml: /paths/~1v{api_ver:\\d+}~1things~1{name}: placeholder {api_ver:\\d+} carries a route"
        " pattern ('\\\\d+'), which the client does not check; read as {api_ver}"
    ]
