"""Local ``$ref`` resolution (issue 14 item 1): every kind of reference a spec may use becomes what it points to.

The package built from ``fixtures/openapi/refs`` is also checked (ruff, mypy --strict, contract tests) by the corpus
test (``tests/clients/test_corpus.py``); these tests look at the model the generator builds and at the errors.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from scraper.clients import ir, refs
from scraper.clients.ir import GenerationError
from tests import paths

SPEC = paths.FIXTURES / "openapi" / "refs" / "1.0.yaml"


def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return loaded


def operations(doc: dict[str, Any]) -> dict[str, ir.OperationIR]:
    """Operations by ``METHOD path``."""
    return {f"{op.http_method} {op.path}": op for op in ir.build_package([doc]).versions[0].operations}


def test_referenced_bodies_responses_parameters_and_examples_are_used() -> None:
    ops = operations(spec())
    get, put = ops["GET /trees/{treeId}"], ops["PUT /trees/{treeId}"]
    assert [(p.wire_name, p.location) for p in get.params] == [("treeId", "path"), ("depth", "query")]
    assert get.response_model == "Tree" and get.response_status == "200"
    assert get.response_example is not None and get.response_example.value["label"] == "root"
    assert put.body is not None and put.body.model == "Tree" and put.body.required
    assert put.body.example is not None and put.body.example.problem is None
    assert put.response_model == "Tree"  # through a chain of two response references


def test_path_item_reference_gets_its_own_methods() -> None:
    ops = operations(spec())
    copy_get, copy_put = ops["GET /tree-copies/{treeId}"], ops["PUT /tree-copies/{treeId}"]
    assert copy_get.response_model == "Tree" and copy_put.body is not None
    # the copies sort first, so they keep the plain names and the originals take the end of their path
    assert (copy_get.method_name, ops["GET /trees/{treeId}"].method_name) == ("get_tree", "get_tree_trees")


def test_schema_pointers_into_schemas_and_operations_become_classes() -> None:
    version = ir.build_package([spec()]).versions[0]
    labels = version.schemas["ListLabelsResponse"]["properties"]
    assert labels["labels"]["items"] == {"$ref": "#/components/schemas/Label"}
    assert version.schemas["Label"] == {"type": "string"}
    assert labels["owner"] == {"$ref": "#/components/schemas/XOwnerSchema"}
    assert version.schemas["XOwnerSchema"]["properties"] == {"name": {"type": "string"}}
    # the recursive component keeps referring to itself
    assert version.schemas["Tree"]["properties"]["children"]["items"] == {"$ref": "#/components/schemas/Tree"}


def test_reference_cycle_is_a_located_error() -> None:
    doc = spec()
    doc["components"]["responses"]["TreeResponse"] = {"$ref": "#/components/responses/TreeAlias"}
    with pytest.raises(GenerationError, match=r"paths/.*/get: responses/200: \$ref cycle"):
        ir.build_package([doc], source_names=["zoo.yaml"])


def test_dangling_reference_is_a_located_error() -> None:
    doc = spec()
    doc["paths"]["/trees/{treeId}"]["put"]["requestBody"] = {"$ref": "#/components/requestBodies/Nope"}
    with pytest.raises(GenerationError, match=r"zoo.yaml: /paths/~1tree-copies~1\{treeId\}/put: requestBody: .*'Nope'"):
        ir.build_package([doc], source_names=["zoo.yaml"])


def test_external_schema_reference_is_a_warning_and_any() -> None:
    doc = copy.deepcopy(spec())
    doc["components"]["schemas"]["Tree"]["properties"]["meta"] = {"$ref": "common.yaml#/Meta"}
    pkg = ir.build_package([doc], source_names=["zoo.yaml"])
    assert any("common.yaml#/Meta" in w and w.startswith("zoo.yaml: ") for w in pkg.warnings)


@pytest.mark.parametrize(
    ("ref", "tokens"),
    [("#/components/schemas/a~1b", ["components", "schemas", "a/b"]), ("#/x/~0y%20z", ["x", "~y z"]), ("#", [])],
)
def test_pointer_tokens(ref: str, tokens: list[str]) -> None:
    assert refs.pointer_tokens(ref) == tokens


def test_follow_keeps_sibling_overrides_and_detects_cycles() -> None:
    doc = {"a": {"$ref": "#/b", "description": "mine"}, "b": {"description": "theirs", "x": 1}, "c": {"$ref": "#/c"}}
    assert refs.follow(doc, doc["a"]) == {"description": "mine", "x": 1}
    with pytest.raises(refs.RefError, match="cycle"):
        refs.follow(doc, doc["c"])


def test_cli_report_lists_every_warning_and_prints_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from scraper.cli import main

    doc = spec()
    doc["components"]["schemas"]["Tree"]["properties"]["meta"] = {"$ref": "common.yaml#/Meta"}
    source = tmp_path / "zoo.yaml"
    source.write_text(yaml.safe_dump(doc), encoding="utf-8")
    report = tmp_path / "out" / "report.json"
    assert main(["generate", "--spec", str(source), "--out", str(tmp_path / "pkg"), "--report", str(report)]) == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    [package] = data["packages"]
    assert package["distribution"] == "reference-zoo" and package["operations"] == 5
    # the external reference, and the operationIds the path-item reference repeats (get_tree_trees, replace_tree_trees)
    assert data["warnings"] == len(package["warnings"]) == 3
    assert "common.yaml#/Meta" in package["warnings"][0]
    assert sum("which another operation has" in w for w in package["warnings"]) == 2
    out, err = capsys.readouterr()
    assert "1 package(s), 5 operation(s)" in out and "3 warning(s)" in out
    assert f"warning: {source}: " in err


def test_a_multi_file_document_is_one_line_naming_the_file_and_how_to_bundle_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """DigitalOcean's public spec keeps every path item in its own file (``$ref: resources/...yml``)."""
    from scraper.cli import main

    doc = spec()
    doc["paths"]["/droplets"] = {"$ref": "resources/droplets/droplets_list.yml"}
    source = tmp_path / "public.yaml"
    source.write_text(yaml.safe_dump(doc), encoding="utf-8")
    assert main(["generate", "--spec", str(source), "--out", str(tmp_path / "pkg")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {source}: ") and "\n" not in err and "Traceback" not in err
    assert "'resources/droplets/droplets_list.yml' points outside this document" in err and "bundle" in err


@pytest.mark.parametrize(
    ("reference", "name"),
    [
        ("#/components/schemas/Pet", "Pet"),
        ("#/components/schemas/Pet/properties/id", None),  # into a component, not a component
        ("#/components/responses/Pet", None),
        ("#/components/schemas/", None),
        (["#/components/schemas/Pet"], None),
        (None, None),
    ],
)
def test_component_name_names_only_a_whole_component(reference: object, name: str | None) -> None:
    assert refs.component_name(reference) == name


@pytest.mark.parametrize("name", ["Pet", "a/b", "x~y", "~1"])
def test_schema_ref_is_a_pointer_that_resolves_to_its_component(name: str) -> None:
    doc = {"components": {"schemas": {name: {"title": name}}}}
    assert refs.resolve_pointer(doc, refs.schema_ref(name)) == {"title": name}


def test_a_pointer_through_another_ref_is_followed_with_a_warning() -> None:
    """PagerDuty's REST spec (PagerDuty/api-schema ``reference/REST/openapiv3.json`` at ``91a06fb``) maps a
    discriminator tag to ``.../items/allOf/0/properties/data/oneOf/0`` where ``allOf/0`` is itself a ``$ref``:
    RFC 6901 reads the document as written, so the pointer ended nowhere and the schema was ``Any``. Bundlers built
    on json-schema-ref-parser write such pointers and follow the inner reference; so does the generator now, and
    says so."""
    doc: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "Through", "version": "1"},
        "paths": {
            "/fields": {
                "get": {
                    "operationId": "getField",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Field/allOf/0/properties/options"},
                                    "example": {"value": "prod"},
                                }
                            },
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Field": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"type": "object"}]},
                "Tagged": {  # a mapping value is a reference too (PagerDuty's pointer is one)
                    "oneOf": [{"$ref": "#/components/schemas/Base"}],
                    "discriminator": {
                        "propertyName": "kind",
                        "mapping": {"base": "#/components/schemas/Field/allOf/0/properties/options"},
                    },
                },
                "Base": {
                    "type": "object",
                    "properties": {
                        "options": {
                            "type": "object",
                            "required": ["value"],
                            "properties": {"value": {"type": "string"}},
                        }
                    },
                },
            }
        },
    }
    version = ir.build_package([doc], source_names=["through.yaml"]).versions[0]
    assert not [w for w in version.warnings if "typed as Any" in w]
    [warning] = [w for w in version.warnings if "through another $ref" in w]
    assert warning.startswith("2 $ref pointers pass through")
    assert "as '#/components/schemas/Base/properties/options'" in warning
    [op] = version.operations
    assert op.response_model is not None and version.schemas[op.response_model]["required"] == ["value"]
    assert op.response_example is not None and op.response_example.problem is None  # the validator reads it too
    with pytest.raises(refs.RefError):  # RFC 6901 as written: the strict reading is unchanged
        refs.resolve_pointer(doc, "#/components/schemas/Field/allOf/0/properties/options")
    cyclic: dict[str, Any] = {"a": {"$ref": "#/a/b"}, "c": {"$ref": "#/a/b/x"}}
    assert refs.direct_pointers(cyclic) == []  # a reference into itself: left for its user to report
