"""Documents split over files are bundled into one before generating (``scraper.clients.ref_bundling``).

``fixtures/openapi/multifile/api.yaml`` refers to a path item, a schema file and fragments of a shared file (whose
``Error`` collides with the document's own); the corpus test also builds it (ruff, ``mypy --strict``, contract tests).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from scraper.cli import main
from scraper.clients import ref_bundling
from scraper.clients.command import load_spec
from tests import paths

SPEC = paths.FIXTURES / "openapi" / "multifile" / "api.yaml"


def test_every_reference_to_another_file_becomes_a_local_one() -> None:
    doc = load_spec(SPEC)
    assert not ref_bundling.has_external_refs(doc)
    pets = doc["paths"]["/pets"]  # a path item: copied in place
    assert pets["get"]["parameters"] == [{"$ref": "#/components/parameters/Limit"}]
    assert pets["post"]["requestBody"] == {"$ref": "#/components/requestBodies/NewPet"}
    item_schema = pets["get"]["responses"]["200"]["content"]["application/json"]["schema"]["items"]
    get = doc["paths"]["/pets/{petId}"]["get"]
    # one file, one component, whichever file referred to it and by which relative path
    assert (
        item_schema
        == get["responses"]["200"]["content"]["application/json"]["schema"]
        == {"$ref": "#/components/schemas/pet"}
    )
    assert get["responses"]["default"] == {"$ref": "#/components/responses/Problem"}
    schemas = doc["components"]["schemas"]
    assert schemas["pet"]["properties"]["owner"] == {"$ref": "#/components/schemas/Owner"}
    # the shared file's own Error is not this document's: it gets a name of its own
    problem = doc["components"]["responses"]["Problem"]["content"]["application/json"]["schema"]
    assert problem == {"$ref": "#/components/schemas/Error_2"}
    assert schemas["Error"]["properties"] == {"code": {"type": "integer"}}
    assert schemas["Error_2"]["properties"] == {"message": {"type": "string"}}


def test_a_bundled_document_generates(tmp_path: Path) -> None:
    assert main(["generate", "--spec", str(SPEC), "--out", str(tmp_path / "out")]) == 0


def _document(folder: Path, ref: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {"/a": {"get": {"responses": {"200": {"description": "ok", "content": {
            "application/json": {"schema": {"$ref": ref}}}}}}}},
    }  # fmt: skip
    path = folder / "api.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    return path


def _refused(spec: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["generate", "--spec", str(spec), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and not (tmp_path / "out").exists()
    prefix = f"error: {spec}: #/paths/~1a/get/responses/200/content/application~1json/schema: "
    assert err.startswith(prefix), err
    return err.removeprefix(prefix)


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("https://example.com/pet.yaml", "is a URL"),
        ("file:///etc/passwd", "is a URL"),
        ("/etc/passwd", "is an absolute path"),
        ("../outside.yaml", "leaves the document's folder (spec/)"),
        ("sub/../../outside.yaml", "leaves the document's folder (spec/)"),
        # a NUL (written or percent-encoded) was "ValueError: embedded null byte" from Path.resolve, a traceback
        ("pet.yaml\x00", "names no file that can be read (embedded null byte)"),
        ("pet%00.yaml", "names no file that can be read (embedded null byte)"),
    ],
)
def test_references_outside_the_document_folder_are_refused_in_one_line(
    ref: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = _document(tmp_path / "spec", ref)
    (tmp_path / "outside.yaml").write_text("type: string\n", encoding="utf-8")
    (tmp_path / "spec" / "pet.yaml").write_text("type: string\n", encoding="utf-8")
    assert message in _refused(spec, tmp_path, capsys)


def test_a_symlink_out_of_the_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = _document(tmp_path / "spec", "linked.yaml")
    (tmp_path / "secret.yaml").write_text("type: string\n", encoding="utf-8")
    os.symlink(tmp_path / "secret.yaml", tmp_path / "spec" / "linked.yaml")
    assert "leaves the document's folder" in _refused(spec, tmp_path, capsys)


def test_a_chain_of_files_longer_than_the_limit_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ref_bundling, "MAX_FILES", 3)
    spec = _document(tmp_path / "spec", "p0.yaml")
    for i in range(5):
        body = {"type": "object", "properties": {"next": {"$ref": f"p{i + 1}.yaml"}}}
        (tmp_path / "spec" / f"p{i}.yaml").write_text(yaml.safe_dump(body), encoding="utf-8")
    (tmp_path / "spec" / "p5.yaml").write_text("type: string\n", encoding="utf-8")
    assert main(["generate", "--spec", str(spec), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert "more than 3 files; not read" in err and "\n" not in err


def test_files_that_refer_to_each_other_are_bundled_once(tmp_path: Path) -> None:
    spec = _document(tmp_path / "spec", "node.yaml")
    node = {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "node.yaml"}}}}
    (tmp_path / "spec" / "node.yaml").write_text(yaml.safe_dump(node), encoding="utf-8")
    doc = load_spec(spec)
    assert doc["components"]["schemas"]["node"]["properties"]["children"]["items"] == {
        "$ref": "#/components/schemas/node"
    }


@pytest.mark.parametrize("ref", ["missing.yaml", "pet.yaml#/nowhere"])
def test_a_reference_to_nothing_stays_for_the_generator_to_report(ref: str, tmp_path: Path) -> None:
    # as before bundling (test_refs: an external schema reference is a warning and Any), not a refusal
    spec = _document(tmp_path / "spec", ref)
    (tmp_path / "spec" / "pet.yaml").write_text("type: string\n", encoding="utf-8")
    doc = load_spec(spec)
    assert doc["paths"]["/a"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] == {"$ref": ref}


def test_discriminator_mapping_targets_in_other_files_are_bundled_like_refs(tmp_path: Path) -> None:
    """A discriminator's ``mapping`` values are references too, relative to the file that holds them. DigitalOcean
    (digitalocean/openapi ``specification/`` at ``7c1300c4``: domains_create_record.yml,
    models/floating_ip_actions.yml) maps tags to ``models/x.yml#/a`` and, inside that file, to ``#/a``: they were
    left as written, 15 warnings said the targets do not resolve, and the discriminated union lost its mapping."""
    spec = tmp_path / "spec"
    (spec / "models").mkdir(parents=True)
    (spec / "api.yaml").write_text(
        """openapi: 3.0.0
info: {title: Records, version: '2'}
paths:
  /records:
    $ref: records.yaml
  /actions:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: 'models/actions.yaml#/action'}
      responses: {'204': {description: ok}}
""",
        encoding="utf-8",
    )
    (spec / "records.yaml").write_text(
        """post:
  requestBody:
    content:
      application/json:
        schema:
          anyOf:
            - $ref: 'models/records.yaml#/record_a'
            - $ref: 'models/records.yaml#/record_mx'
          discriminator:
            propertyName: type
            mapping:
              A: 'models/records.yaml#/record_a'
              MX: 'models/records.yaml#/record_mx'
              TXT: Plain
              SRV: 'https://schemas.example/srv.json'
  responses: {'204': {description: ok}}
""",
        encoding="utf-8",
    )
    (spec / "models" / "records.yaml").write_text(
        """record_a: {type: object, required: [type], properties: {type: {type: string}, ip: {type: string}}}
record_mx: {type: object, required: [type], properties: {type: {type: string}, priority: {type: integer}}}
""",
        encoding="utf-8",
    )
    (spec / "models" / "actions.yaml").write_text(
        """action:
  type: object
  required: [type]
  properties: {type: {type: string, enum: [assign, unassign]}}
  discriminator:
    propertyName: type
    mapping: {assign: '#/action_assign', unassign: '#/action_unassign'}
action_assign:
  allOf: [{$ref: '#/action'}, {type: object, properties: {target: {type: integer}}}]
action_unassign:
  allOf: [{$ref: '#/action'}]
""",
        encoding="utf-8",
    )
    doc = load_spec(spec / "api.yaml")
    body = doc["paths"]["/records"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["discriminator"]["mapping"] == {
        "A": "#/components/schemas/record_a",
        "MX": "#/components/schemas/record_mx",
        "TXT": "Plain",  # a schema name, not a reference: as written
        "SRV": "https://schemas.example/srv.json",  # a URL: as written (a $ref's URL refuses the document)
    }
    assert [option["$ref"] for option in body["anyOf"]] == list(body["discriminator"]["mapping"].values())[:2]
    action = doc["components"]["schemas"]["action"]
    assert action["discriminator"]["mapping"] == {
        "assign": "#/components/schemas/action_assign",
        "unassign": "#/components/schemas/action_unassign",
    }
    assert doc["components"]["schemas"]["action_assign"]["allOf"][0] == {"$ref": "#/components/schemas/action"}


def test_whole_sections_kept_in_files_of_their_own_are_read_in_place(tmp_path: Path) -> None:
    """Woosmap's split layout (woosmap/openapi-specification ``specification/index.yml`` at ``503af04``, round 17):
    ``paths: {$ref: ./paths/_index.yml}``, ``components: {schemas: {$ref: ./schemas/_index.yml}}``, each index
    listing entries that refer to files relative to the index's own folder. OpenAPI has no reference for a whole
    Paths Object or components section (split-file tools resolve one); the whole paths file was copied into
    ``components.schemas`` as one schema and the document refused (``/paths/$ref must be a mapping``). Now such a
    map is read in place, its references rewritten relative to the document, and its entries named as written."""
    spec = tmp_path / "spec"
    for folder in ("paths/stores", "schemas"):
        (spec / folder).mkdir(parents=True)
    (spec / "index.yml").write_text(
        "openapi: 3.0.3\ninfo: {title: Stores, version: '1'}\n"
        "paths: {$ref: './paths/_index.yml'}\n"
        "components:\n  schemas: {$ref: './schemas/_index.yml'}\n",
        encoding="utf-8",
    )
    (spec / "paths" / "_index.yml").write_text(
        "/stores/{id}:\n  get: {operationId: getStore, $ref: './stores/get.yml'}\n", encoding="utf-8"
    )
    (spec / "paths" / "stores" / "get.yml").write_text(
        "parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"
        "responses:\n  '200':\n    description: ok\n"
        "    content: {application/json: {schema: {$ref: '../../schemas/Store.yml'}}}\n",
        encoding="utf-8",
    )
    (spec / "schemas" / "_index.yml").write_text(
        "Store: {$ref: './Store.yml'}\nPeriod: {$ref: './Period.yml'}\n", encoding="utf-8"
    )
    (spec / "schemas" / "Store.yml").write_text(
        # a property named like a data keyword (``default``) refers to a file too
        "type: object\nproperties:\n  default: {type: array, items: {$ref: './Period.yml'}}\n  name: {type: string}\n",
        encoding="utf-8",
    )
    (spec / "schemas" / "Period.yml").write_text(
        "type: object\nproperties: {start: {type: string}}\n", encoding="utf-8"
    )
    doc = load_spec(spec / "index.yml")
    assert not ref_bundling.has_external_refs(doc)
    get = doc["paths"]["/stores/{id}"]["get"]
    assert get["operationId"] == "getStore"
    assert get["responses"]["200"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Store"}
    schemas = doc["components"]["schemas"]
    assert sorted(schemas) == ["Period", "Store"]  # named as the index names them, each once
    assert schemas["Store"]["properties"]["default"]["items"] == {"$ref": "#/components/schemas/Period"}


def test_a_property_named_like_a_data_keyword_keeps_its_reference(tmp_path: Path) -> None:
    # ``default``, ``example``, ``enum`` are data in a schema, but names in a ``properties`` map: the reference of
    # a property so named was never followed (the property was ``Any``, with a warning)
    spec = _document(tmp_path / "spec", "holder.yaml")
    holder = {
        "type": "object",
        "properties": {name: {"$ref": "period.yaml"} for name in ("default", "example", "enum")},
        "default": {"$ref": "not-a-reference-but-data.yaml"},
    }
    (tmp_path / "spec" / "holder.yaml").write_text(yaml.safe_dump(holder), encoding="utf-8")
    (tmp_path / "spec" / "period.yaml").write_text("type: string\n", encoding="utf-8")
    doc = load_spec(spec)
    bundled = doc["components"]["schemas"]["holder"]
    assert all(v == {"$ref": "#/components/schemas/period"} for v in bundled["properties"].values())
    assert bundled["default"] == {"$ref": "not-a-reference-but-data.yaml"}  # a schema's default is data
