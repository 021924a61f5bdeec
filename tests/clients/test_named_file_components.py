"""A split document whose own ``components`` name each file (``ClusterCreateResponse: {$ref:
./components/schemas/cluster-create-response.yaml}``, Redocly's split layout) while its paths and responses refer to
the files themselves (``$ref: '../schemas/cluster-create-response.yaml'``): the bundler placed each file's content
under a name of its own (the file's, ``cluster-create-response``) and left the documented name an alias of it, so the
models had ``ClusterCreateResponse2`` (the file, numbered past the alias's class) and ``ClusterCreateResponse``, a
root model wrapping it, and every method returned the numbered class (exalsius/exalsius-api-spec, 22 of its
components). A file the document's components name is now placed under that name."""

from __future__ import annotations

from pathlib import Path

import yaml

from scraper.clients import ir
from scraper.clients.command import load_spec


def _write(folder: Path, files: dict[str, object]) -> Path:
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
    return folder / "openapi.yaml"


def _ok(ref: str) -> dict[str, object]:
    return {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": ref}}}}}


def _split(folder: Path) -> Path:
    return _write(
        folder,
        {
            "openapi.yaml": {
                "openapi": "3.1.0",
                "info": {"title": "Clusters", "version": "1.0"},
                "paths": {"/clusters": {"$ref": "./paths/clusters.yaml"}},
                "components": {
                    "schemas": {
                        "ClusterCreateResponse": {"$ref": "./components/schemas/cluster-create-response.yaml"},
                        "Node": {"$ref": "./components/schemas/node.yaml"},
                        "NodeAlias": {"$ref": "./components/schemas/node.yaml"},  # a second name: an alias
                    },
                    "responses": {"Created": {"$ref": "./components/responses/created.yaml"}},
                },
            },
            "paths/clusters.yaml": {
                "post": {
                    "operationId": "create_cluster",
                    "responses": {"201": {"$ref": "../components/responses/created.yaml"}},
                },
                "get": {"operationId": "list_nodes", "responses": _ok("../components/schemas/node.yaml")},
            },
            "components/responses/created.yaml": {
                "description": "created",
                "content": {"application/json": {"schema": {"$ref": "../schemas/cluster-create-response.yaml"}}},
            },
            "components/schemas/cluster-create-response.yaml": {
                "type": "object",
                "required": ["cluster_id"],
                "properties": {
                    "cluster_id": {"type": "string"},
                    "nodes": {"type": "array", "items": {"$ref": "./node.yaml"}},
                },
            },
            "components/schemas/node.yaml": {"type": "object", "properties": {"name": {"type": "string"}}},
        },
    )


def test_a_file_the_components_name_is_placed_under_that_name(tmp_path: Path) -> None:
    doc = load_spec(_split(tmp_path))
    schemas = doc["components"]["schemas"]
    assert set(schemas) == {"ClusterCreateResponse", "Node", "NodeAlias"}
    assert schemas["ClusterCreateResponse"]["properties"]["nodes"]["items"] == {"$ref": "#/components/schemas/Node"}
    assert schemas["NodeAlias"] == {"$ref": "#/components/schemas/Node"}
    assert set(doc["components"]["responses"]) == {"Created"}
    created = doc["components"]["responses"]["Created"]["content"]["application/json"]["schema"]
    assert created == {"$ref": "#/components/schemas/ClusterCreateResponse"}
    assert doc["paths"]["/clusters"]["post"]["responses"]["201"] == {"$ref": "#/components/responses/Created"}


def test_the_methods_return_the_documented_names(tmp_path: Path) -> None:
    [version] = ir.build_package([load_spec(_split(tmp_path))]).versions
    returns = {op.method_name: op.returns for op in version.operations}
    assert returns == {"create_cluster": "_models.ClusterCreateResponse", "list_nodes": "_models.Node"}
