"""Documents split over files the way real ones are (DigitalOcean's public spec: ~1,500 files, Example Objects and
whole ``properties`` maps in files beside the responses) bundle into one and generate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from scraper.cli import main
from scraper.clients import ref_bundling
from scraper.clients.command import load_spec


def _write(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def _json(schema: Any, **extra: Any) -> dict[str, Any]:
    return {"application/json": {"schema": schema, **extra}}


def _split_document(folder: Path, files: int) -> Path:
    """A document whose one response schema is an object with a property per file, each file a schema of its own."""
    properties = {f"p{i}": {"$ref": f"schemas/s{i}.yaml"} for i in range(files)}
    for i in range(files):
        _write(folder / "schemas" / f"s{i}.yaml", {"type": "string", "description": f"field {i}"})
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "split", "version": "1"},
        "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": _json(
            {"type": "object", "properties": properties})}}}}},
    }  # fmt: skip
    return _write(folder / "api.yaml", doc)


def test_a_document_split_over_more_than_500_files_bundles_every_one(tmp_path: Path) -> None:
    # refused before as "more than 500 files; not read" (DigitalOcean's spec has ~1,500 files): the bytes limit is
    # what bounds the work, the file count only stops a runaway
    doc = load_spec(_split_document(tmp_path / "spec", 600))
    assert not ref_bundling.has_external_refs(doc)
    assert len(doc["components"]["schemas"]) == 600


def test_example_objects_in_other_files_are_bundled_and_their_values_stay_data(tmp_path: Path) -> None:
    folder = tmp_path / "spec"
    # an example value holding "$ref" keys is data: neither followed nor rewritten
    _write(folder / "responses" / "examples.yaml", {"apps": {"value": {"name": "x", "link": {"$ref": "nowhere.yaml"}}}})
    response = {"description": "ok", "content": _json(
        {"type": "object", "properties": {"name": {"type": "string"}}},
        examples={"apps": {"$ref": "examples.yaml#/apps"}})}  # fmt: skip
    _write(folder / "responses" / "list.yaml", response)
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "examples", "version": "1"},
        "paths": {"/apps": {"get": {"operationId": "listApps", "responses": {"200": {"$ref": "responses/list.yaml"}}}}},
    }
    bundled = load_spec(_write(folder / "api.yaml", doc))
    media = bundled["components"]["responses"]["list"]["content"]["application/json"]
    assert media["examples"] == {"apps": {"$ref": "#/components/examples/apps"}}
    assert bundled["components"]["examples"]["apps"] == {"value": {"name": "x", "link": {"$ref": "nowhere.yaml"}}}


def test_a_properties_map_given_by_reference_is_copied_in_place(tmp_path: Path) -> None:
    folder = tmp_path / "spec"
    _write(folder / "attributes.yaml", {"droplet_ids": {"ids": {"type": "array", "items": {"type": "integer"}}}})
    schema = {"type": "object", "properties": {"$ref": "attributes.yaml#/droplet_ids"}, "required": ["ids"]}
    _write(folder / "models" / "remove.yaml", {"properties": {"$ref": "../attributes.yaml#/droplet_ids"}})
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "props", "version": "1"},
        "paths": {"/lb": {"post": {"operationId": "removeDroplets",
            "requestBody": {"content": _json(schema)},
            "responses": {"200": {"description": "ok", "content": _json({"$ref": "models/remove.yaml"})}}}}},
    }  # fmt: skip
    bundled = load_spec(_write(folder / "api.yaml", doc))
    request = bundled["paths"]["/lb"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert request["properties"] == {"ids": {"type": "array", "items": {"type": "integer"}}}
    assert bundled["components"]["schemas"]["remove"]["properties"] == request["properties"]
    out = tmp_path / "out"
    assert main(["generate", "--spec", str(folder / "api.yaml"), "--out", str(out)]) == 0


def test_a_property_named_properties_is_a_schema_not_a_map(tmp_path: Path) -> None:
    folder = tmp_path / "spec"
    _write(folder / "node.yaml", {"type": "object", "properties": {"properties": {"$ref": "node.yaml"}}})
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "node", "version": "1"},
        "paths": {"/n": {"get": {"responses": {"200": {"description": "ok", "content": _json(
            {"$ref": "node.yaml"})}}}}},
    }  # fmt: skip
    bundled = load_spec(_write(folder / "api.yaml", doc))
    assert bundled["components"]["schemas"]["node"]["properties"] == {
        "properties": {"$ref": "#/components/schemas/node"}
    }


def test_properties_maps_that_refer_to_themselves_are_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "spec"
    _write(folder / "loop.yaml", {"props": {"$ref": "loop.yaml#/props"}})
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "loop", "version": "1"},
        "paths": {"/n": {"get": {"responses": {"200": {"description": "ok", "content": _json(
            {"type": "object", "properties": {"$ref": "loop.yaml#/props"}})}}}}},
    }  # fmt: skip
    spec = _write(folder / "api.yaml", doc)
    assert main(["generate", "--spec", str(spec), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and str(spec) in err and "do not end" in err and "/properties" in err


@pytest.mark.parametrize("ref", ["examples.yaml#/apps", "#/components/examples/Nope"])
def test_an_example_that_cannot_be_followed_is_a_located_warning_not_a_stop(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], ref: str
) -> None:
    # it stopped the run with "error: response example: examples: $ref ... points outside this document", naming
    # neither the file nor the operation
    param = {"name": "q", "in": "query", "schema": {"type": "string"}, "examples": {"q": {"$ref": ref}}}
    response = {"description": "ok", "content": _json({"type": "string"}, examples={"one": {"$ref": ref}})}
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "examples", "version": "1"},
        "paths": {"/apps": {"get": {"operationId": "listApps", "parameters": [param], "responses": {"200": response}}}},
    }
    spec = _write(tmp_path / "spec" / "api.yaml", doc)
    assert main(["generate", "--spec", str(spec), "--out", str(tmp_path / "out")]) == 0
    warnings = [line for line in capsys.readouterr().err.splitlines() if "no example used" in line]
    assert len(warnings) == 2 and all(f"{spec}: /paths/~1apps/get" in w for w in warnings), warnings


def test_references_inside_vendor_extensions_are_the_vendors_not_followed(tmp_path: Path) -> None:
    # Spotify's spec: components.x-spotify-policy refers to '../policies.yaml', outside the spec's folder, which
    # refused the whole document ("leaves the document's folder"); x- names of properties and headers are names
    folder = tmp_path / "spec"
    _write(folder / "rate.yaml", {"type": "integer"})
    schema = {"type": "object", "properties": {"x-rate": {"$ref": "rate.yaml"}}}
    response = {"description": "ok", "headers": {"x-request-id": {"schema": {"$ref": "rate.yaml"}}},
                "content": _json(schema), "x-policy": {"$ref": "../policies.yaml"}}  # fmt: skip
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "vendor", "version": "1"},
        "paths": {"/a": {"get": {"operationId": "getA", "responses": {"200": response}}}},
        "components": {"x-spotify-policy": {"policies": {"$ref": "../policies.yaml"}}},
    }
    bundled = load_spec(_write(folder / "api.yaml", doc))
    assert bundled["components"]["x-spotify-policy"] == {"policies": {"$ref": "../policies.yaml"}}
    got = bundled["paths"]["/a"]["get"]["responses"]["200"]
    assert got["content"]["application/json"]["schema"]["properties"]["x-rate"] == {"$ref": "#/components/schemas/rate"}
    assert got["headers"]["x-request-id"]["schema"] == {"$ref": "#/components/schemas/rate"}


def test_a_properties_map_given_by_a_local_reference_keeps_its_properties(tmp_path: Path) -> None:
    # in a one-file document it became a property named "$ref" (Any) and the required ids were lost, silently
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "local", "version": "1"},
        "paths": {"/a": {"get": {"operationId": "getA", "responses": {"200": {"description": "ok", "content": _json(
            {"$ref": "#/components/schemas/A"})}}}}},
        "components": {
            "x-props": {"ids": {"ids": {"type": "array", "items": {"type": "integer"}}}},
            "schemas": {"A": {"type": "object", "required": ["ids"],
                              "properties": {"$ref": "#/components/x-props/ids"}}},
        },
    }  # fmt: skip
    bundled = load_spec(_write(tmp_path / "api.yaml", doc))
    assert bundled["components"]["schemas"]["A"]["properties"] == {
        "ids": {"type": "array", "items": {"type": "integer"}}
    }


def test_an_example_the_validator_cannot_check_is_a_warning_naming_its_operation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the validator fails on a reference to a file that is not there; the warning named no place at all
    schema = {"type": "object", "properties": {"a": {"$ref": "missing.yaml"}}}
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "unchecked", "version": "1"},
        "paths": {"/a": {"get": {"operationId": "getA", "responses": {"200": {"description": "ok", "content": _json(
            schema, example={"a": 1})}}}}},
    }  # fmt: skip
    spec = _write(tmp_path / "api.yaml", doc)
    assert main(["generate", "--spec", str(spec), "--out", str(tmp_path / "out")]) == 0
    [warning] = [line for line in capsys.readouterr().err.splitlines() if "could not be checked" in line]
    assert warning.startswith(f"warning: {spec}: /paths/~1a/get: an example could not be checked")


def test_operations_in_files_of_their_own_stay_operations_not_schemas(tmp_path: Path) -> None:
    # DigitalOcean: paths./v2/account.get: {$ref: resources/account/account_get.yml}; each operation was copied into
    # components.schemas (659 bogus root models, 4,114 classes instead of 1,641) and its x-codeSamples $refs with it
    folder = tmp_path / "spec"
    operation = {"operationId": "getAccount", "x-codeSamples": [{"$ref": "examples/curl.yml"}],
                 "responses": {"200": {"$ref": "responses/account.yml"}}}  # fmt: skip
    _write(folder / "ops" / "account_get.yml", operation)
    _write(folder / "ops" / "responses" / "account.yml", {"description": "ok", "content": _json({"type": "object"})})
    doc = {
        "openapi": "3.1.0",
        "info": {"title": "ops", "version": "1"},
        "paths": {"/v2/account": {"get": {"$ref": "ops/account_get.yml"}}},
        "webhooks": {"accountChanged": {"post": {"$ref": "ops/account_get.yml"}}},
    }
    bundled = load_spec(_write(folder / "api.yaml", doc))
    get = bundled["paths"]["/v2/account"]["get"]
    assert get["operationId"] == "getAccount" and get["x-codeSamples"] == [{"$ref": "examples/curl.yml"}]
    assert get["responses"]["200"] == {"$ref": "#/components/responses/account"}
    assert bundled["webhooks"]["accountChanged"]["post"]["operationId"] == "getAccount"
    assert "schemas" not in bundled["components"]
