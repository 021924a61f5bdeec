"""Collision-free names (issue 14 item 4): model classes, version modules and default package names.

The package built from ``fixtures/openapi/names`` is also checked (ruff, mypy --strict, contract tests) by the corpus
test; here the names themselves and the behaviour they protect (the client parses into the component class).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import yaml

from scraper.atomic import write_tree
from scraper.clients import ir, naming
from scraper.clients.package import render_package
from scraper.clients.schema_names import hoist_inline_classes
from tests import paths

SPEC = paths.FIXTURES / "openapi" / "names" / "names.yaml"


def test_component_keeps_its_name_when_an_inline_enum_has_the_same(tmp_path: Path) -> None:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    files = render_package([spec], source_names=[str(SPEC)])
    models = files["names/v0_0_1/models.py"].decode()
    assert "class Role(BaseModel):" in models and "class AccountRole(StrEnum):" in models
    assert "role: AccountRole | None" in models
    for shadow in ("Field", "BaseModel", "Literal", "Any", "None"):
        assert f"\nclass {shadow}(" not in models, shadow
    assert "class EnumModel(StrEnum):" in models  # a component named Enum
    write_tree(tmp_path, files)
    sys.path.insert(0, str(tmp_path))
    try:
        module = importlib.import_module("names.v0_0_1.models")
        role = module.Role.model_validate_json(b'{"name": "r"}')
        assert role.name == "r"
        account = module.Account.model_validate({"role": "admin", "Field": {"x": 1}, "None": {"n": 2}})
        assert account.role == module.AccountRole.ADMIN and account.None_.n == 2
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m == "names" or m.startswith("names.")]:
            del sys.modules[name]


def test_hoisting_names_every_inline_class_by_its_place() -> None:
    schemas: dict[str, Any] = {
        "Server": {"type": "object", "properties": {"type": {"enum": ["a"]}, "state": {"enum": ["b"]}}},
        "State": {"type": "string"},
    }
    hoist_inline_classes(schemas, ir.RESERVED_CLASSES)
    assert schemas["Server"]["properties"]["type"] == {"$ref": "#/components/schemas/ServerType"}
    assert schemas["Server"]["properties"]["state"] == {"$ref": "#/components/schemas/ServerState"}
    assert schemas["ServerState"] == {"enum": ["b"]} and schemas["State"] == {"type": "string"}


def test_version_modules_are_short_and_readable() -> None:
    assert naming.version_module("0.0.1-dev2150") == "v0_0_1"
    assert naming.version_module("2024-05-01") == "v2024_05_01"
    assert naming.version_module("v2") == "v2" and naming.version_module("1.1") == "v1_1"
    assert naming.version_module("latest-preview-of-the-api-for-everyone") == "vlatest_preview_of_the_api_for"
    # a stability channel written into the version (Google's and Kubernetes' API versions) is another API, not a
    # build tag: Gemini's v1beta was the module v1 (whit3rabbit/gemini-openapi-spec, round 11)
    assert [naming.version_module(v) for v in ("v1beta", "v1beta1", "v2alpha", "v1p1beta1", "V3Beta2")] == [
        "v1beta",
        "v1beta1",
        "v2alpha",
        "v1p1beta1",
        "v3beta2",
    ]
    assert naming.version_module("1.0.0-beta.1") == "v1_0_0"  # a separated pre-release tag: still cut


def test_default_package_name_is_unique_per_spec_file() -> None:
    spec = {"openapi": "3.0.3", "info": {"title": "Network Management Client", "version": "1"}, "paths": {}}
    names = {
        ir.build_package([spec], source_names=[f"azure/{stem}.json"]).distribution
        for stem in ("virtualNetwork", "loadBalancer", "publicIpAddress")
    }
    assert names == {
        "network-management-client-virtual",
        "network-management-client-load-balancer",
        "network-management-client-public-ip-address",
    }
    assert ir.build_package([spec], source_names=["openapi.yaml"]).distribution == "network-management-client"
    assert ir.build_package([spec], package_name="My Pkg").distribution == "my-pkg"
    long_title = {**spec, "info": {"title": "word " * 40, "version": "1"}}
    assert len(ir.build_package([long_title]).distribution) <= 50


def test_a_package_named_like_a_module_it_imports_gets_a_distinct_import_name(tmp_path: Path) -> None:
    """A spec with no title, in ``datetime.yaml``: its package ``datetime`` shadowed the standard library's, so
    the models' ``from datetime import datetime`` failed at import."""
    source = paths.FIXTURES / "openapi" / "names" / "untitled" / "datetime.yaml"
    spec = yaml.safe_load(source.read_text(encoding="utf-8"))
    package = ir.build_package([spec], source_names=[str(source)])
    assert (package.distribution, package.import_name) == ("datetime", "datetime_api")
    assert [naming.import_name(n) for n in ("json", "pydantic", "tests", "scp-json")] == [
        "json_api",
        "pydantic_api",
        "tests_api",
        "scp_json",
    ]
    write_tree(tmp_path, render_package([spec], source_names=[str(source)]))
    sys.path.insert(0, str(tmp_path))
    try:
        models = importlib.import_module("datetime_api.v0.models")
        item = models.InventoryItem.model_validate({"releaseDate": "2024-01-01T00:00:00Z"})
        assert item.releaseDate == "2024-01-01T00:00:00Z"
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m.split(".")[0] == "datetime_api"]:
            del sys.modules[name]


def test_a_nullable_reference_named_like_its_component_is_that_component(tmp_path: Path) -> None:
    """``owner: {allOf: [{$ref: Owner}], nullable: true}`` (OpenAPI 3.0's nullable reference) and ``owner: {anyOf:
    [{$ref: Owner}, {type: 'null'}]}`` (3.1's) make no class of their own: datamodel-code-generator types the field
    ``Owner | None``. Hoisting took the property's derived name ``Owner`` for a collision and made a wrapper root
    model (``owner: WOwner | None``, the value at ``w.owner.root``, and ``W(owner=Owner(...))`` refused by mypy)."""
    ref = {"$ref": "#/components/schemas/Owner"}
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "Nullable refs", "version": "1"},
        "paths": {
            "/w": {
                "get": {
                    "operationId": "getW",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/W"}}},
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Owner": {"type": "object", "properties": {"name": {"type": "string"}}},
                "Pet": {"type": "object", "properties": {"kind": {"type": "string"}}},
                "W": {
                    "type": "object",
                    "required": ["owner"],
                    "properties": {
                        "owner": {"allOf": [ref], "nullable": True, "description": "who"},
                        "pet": {"oneOf": [{"$ref": "#/components/schemas/Pet"}, ref]},
                    },
                },
            }
        },
    }
    files = render_package([spec], package_name="nullrefs")
    models = files["nullrefs/v1/models.py"].decode()
    assert 'owner: Owner | None = Field(..., description="who")' in models
    assert "pet: Pet | Owner | None = None" in models
    assert "class WOwner" not in models and "class WPet" not in models
    schemas: dict[str, Any] = {
        "Owner": {"type": "object"},
        "W": {"properties": {"owner": {"anyOf": [ref, {"type": "null"}]}}},
    }
    hoist_inline_classes(schemas, ir.RESERVED_CLASSES)
    assert schemas["W"]["properties"]["owner"] == {"anyOf": [ref, {"type": "null"}]}
    write_tree(tmp_path, files)
    sys.path.insert(0, str(tmp_path))
    try:
        module = importlib.import_module("nullrefs.v1.models")
        assert module.W.model_validate({"owner": {"name": "ann"}}).owner.name == "ann"
        assert module.W.model_validate({"owner": None}).owner is None
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m == "nullrefs" or m.startswith("nullrefs.")]:
            del sys.modules[name]
