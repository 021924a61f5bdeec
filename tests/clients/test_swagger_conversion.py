"""Swagger 2.0 documents are converted to OpenAPI 3.0 before generating (``scraper.swagger_conversion``).

``fixtures/openapi/swagger2/features.yaml`` holds one of each thing the conversion rewrites; the corpus test also
builds it (ruff, ``mypy --strict``, install, contract tests), with readme.io's and hey-api's 2.0 documents.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from scraper.cli import main
from scraper.clients import ir
from scraper.swagger_conversion import SwaggerError, convert_swagger
from tests import paths

SPEC = paths.FIXTURES / "openapi" / "swagger2" / "features.yaml"


def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def converted() -> tuple[dict[str, Any], list[str]]:
    return convert_swagger(spec(), "features.yaml")


def test_document_sections_move_under_components_and_servers(converted: tuple[dict[str, Any], list[str]]) -> None:
    doc, _ = converted
    assert doc["openapi"] == "3.0.3" and doc["info"]["version"] == "1.2"  # YAML's number 1.2, as written
    assert [s["url"] for s in doc["servers"]] == ["https://api.example.com/v1", "http://api.example.com/v1"]
    components = doc["components"]
    assert set(components["schemas"]) == {"Error", "Pet", "Tag"}
    assert components["schemas"]["Pet"]["properties"]["tags"]["items"] == {"$ref": "#/components/schemas/Tag"}
    assert components["schemas"]["Pet"]["discriminator"] == {"propertyName": "kind"}  # 2.0: the property name
    assert components["schemas"]["Pet"]["properties"]["nickname"] == {"type": "string", "nullable": True}
    assert set(components["parameters"]) == {"limit"}  # a body parameter is no 3.0 parameter
    assert components["parameters"]["limit"]["schema"] == {"type": "integer", "default": 20}
    assert components["responses"]["NotFound"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"
    }
    schemes = components["securitySchemes"]
    assert schemes["key"] == {"type": "apiKey", "name": "X-Key", "in": "header"}
    assert schemes["oauth"]["flows"]["authorizationCode"]["tokenUrl"] == "https://example.com/token"


def test_bodies_media_types_and_parameter_styles(converted: tuple[dict[str, Any], list[str]]) -> None:
    paths_ = converted[0]["paths"]
    assert paths_["/pets"]["parameters"] == [{"$ref": "#/components/parameters/limit"}]
    listed = {p["name"]: p for p in paths_["/pets"]["get"]["parameters"]}
    assert (listed["tags"]["style"], listed["tags"]["explode"]) == ("pipeDelimited", False)
    assert (listed["ids"]["style"], listed["ids"]["explode"]) == ("form", True)  # multi
    ok = paths_["/pets"]["get"]["responses"]["200"]
    assert ok["headers"]["X-Total"] == {"schema": {"type": "integer"}, "description": "how many there are"}
    assert ok["content"]["application/json"]["example"] == [{"kind": "cat", "name": "Tom"}]
    added = paths_["/pets"]["post"]
    # the body parameter's $ref is followed; the operation's consumes overrides the document's
    assert set(added["requestBody"]["content"]) == {"application/json", "application/xml"}
    assert added["requestBody"]["required"] is True
    assert added["responses"]["404"] == {"$ref": "#/components/responses/NotFound"}
    # a $ref into the 2.0 layout is copied in place; what it holds is rewritten in turn
    assert added["responses"]["201"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Pet"}
    photo = paths_["/pets/{petId}/photo"]["post"]
    form = photo["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert form["properties"]["file"] == {"type": "string", "format": "binary"} and form["required"] == ["file"]
    assert list(photo["responses"]["200"]["content"]) == ["text/plain"]  # the operation's produces
    renamed = paths_["/pets/{petId}/name"]["put"]["requestBody"]["content"]
    assert list(renamed) == ["application/x-www-form-urlencoded"]


def test_what_3_0_cannot_say_is_a_warning_naming_the_pointer(converted: tuple[dict[str, Any], list[str]]) -> None:
    warnings = converted[1]
    assert "#/paths/~1pets/get/parameters/2/collectionFormat: collectionFormat 'tsv' in header" in "\n".join(warnings)
    assert any(w.startswith("#/paths/~1pets/get/responses/200/examples/text~1csv: ") for w in warnings)
    assert any(w.startswith("#/paths/~1pets/post/responses/201/schema: $ref '#/paths/") for w in warnings)
    assert not any("schemes" in w for w in warnings)  # the operation's https is the server's


def test_a_swagger_document_generates_a_package_with_the_warnings(tmp_path: Path) -> None:
    pkg = ir.build_package([spec()], source_names=["features.yaml"])
    version = pkg.versions[0]
    ops = {op.method_name: op for op in version.operations}
    assert set(ops) == {"list_pets", "add_pet", "add_pet_text", "upload_photo", "rename_pet"}  # XML: its own method
    assert ops["upload_photo"].body is not None and ops["upload_photo"].body.kind == "multipart"
    assert ops["rename_pet"].body is not None and ops["rename_pet"].body.kind == "form"
    assert any("a Swagger 2.0 document; converted" in w for w in version.warnings)
    assert main(["generate", "--spec", str(SPEC), "--out", str(tmp_path / "out")]) == 0


def _refused(document: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    source = tmp_path / "api.yaml"
    source.write_text(yaml.safe_dump(document), encoding="utf-8")
    assert main(["generate", "--spec", str(source), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and not (tmp_path / "out").exists()
    return err.removeprefix(f"error: {source}: ")


def test_an_invalid_swagger_document_is_one_line_naming_the_pointer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = spec()
    doc["paths"]["/pets"]["get"]["parameters"][0]["type"] = "strin"  # repaired: a string parameter
    del doc["info"]["title"]  # the document's info: never repaired or left out
    err = _refused(doc, tmp_path, capsys)
    assert err.startswith('not a valid Swagger 2.0 document at #/info: "title" is a required property')


REPAIRS = paths.FIXTURES / "openapi" / "robust" / "swagger2-repairs.yaml"


def test_each_validator_complaint_repairs_its_smallest_place_with_a_warning() -> None:
    """Each of these refused the whole document (Azure's, APIs.guru's and vendors' 2.0 documents carry such
    errors): now the smallest place is repaired or left out, with a warning naming its pointer."""
    from scraper.spec_input import load_document_file

    converted, warnings = convert_swagger(load_document_file(REPAIRS), "s.yaml")
    post = converted["paths"]["/notes"]["post"]
    form = post["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
    assert form["properties"]["meta"] == {"type": "string"}
    assert post["parameters"][0] == {"name": "count", "in": "query", "schema": {"type": "integer"}}
    assert post["responses"]["200"]["description"] == ""
    assert post["responses"]["201"]["headers"] == {"X-Id": {"schema": {"type": "string"}}}
    assert converted["components"]["schemas"]["Note"]["properties"]["id"] == {"type": "string"}
    expected = [
        "#/paths/~1notes/post/parameters/1: the parameter matches none of 2.0's parameter forms; taken as a string",
        "#/paths/~1notes/post/responses/200: 'description' is a required property; an empty description is given",
        "#/paths/~1notes/post/responses/201/headers/X-Rate: 'decimal' is not one of ['string', 'number',",
        "#/definitions/Note/properties/id/required: True is not of type 'array'; the key is left out",
        "#/paths/~1notes/post/parameters/2/default: 'many' is not of type 'integer'; the default is left out",
    ]
    for start in expected:
        assert sum(w.startswith(start) for w in warnings) == 1, start
    assert len([w for w in warnings if "; " in w and "swagger" not in w]) == len(expected)


def test_a_repaired_swagger_document_generates_and_diffs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--spec", str(REPAIRS), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "#/definitions/Note/properties/id/required" in err
    package = next(p for p in (tmp_path / "out").iterdir() if (p / "__init__.py").exists())
    import subprocess
    import sys

    compiled = subprocess.run([sys.executable, "-c", f"import {package.name}"], cwd=tmp_path / "out", check=False)
    assert compiled.returncode == 0
    capsys.readouterr()
    assert main(["diff", str(REPAIRS), str(REPAIRS)]) == 0
    err = capsys.readouterr().err  # the repairs are said by diff too (five per side, then a count)
    for side in ("OLD", "NEW"):
        said = [line for line in err.splitlines() if line.startswith(f"docs2client diff: warning: {side}: ")]
        assert len(said) == 6 and "#/definitions/Note/properties/id/required" in "".join(said)
        assert said[-1].endswith(
            "1 more places of the Swagger 2.0 conversion (docs2client generate --spec FILE" " --report lists them all)"
        )


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("./shared.json#/definitions/Tag", "refers to another file or URL"),
        ("https://example.com/shared.json#/definitions/Tag", "refers to another file or URL"),
        ("definitions/Tag", "refers to another file or URL"),
        ("#/parameters/Missing", "points at nothing"),
    ],
)
def test_references_are_checked_before_the_validator_could_fetch_them(ref: str, message: str) -> None:
    # ``generate --spec`` bundles the files beside a document first (test_ref_bundling); a document handed in
    # without its files still never reaches the validator's resolver, which would fetch the URL: a schema's
    # reference is left out (any value, as in a 3.x document), any other is an error
    doc = spec()
    doc["definitions"]["Pet"]["properties"]["tags"]["items"] = {"$ref": ref}
    if message == "points at nothing":
        with pytest.raises(SwaggerError) as raised:
            convert_swagger(doc, "features.yaml")
        assert str(raised.value).startswith(
            f"features.yaml: #/definitions/Pet/properties/tags/items: $ref {ref!r} {message}"
        )
    else:
        converted, warnings = convert_swagger(doc, "features.yaml")
        assert converted["components"]["schemas"]["Pet"]["properties"]["tags"]["items"] == {}
        assert f"#/definitions/Pet/properties/tags/items: $ref {ref!r} is not in this document" in "\n".join(warnings)
    doc = spec()
    doc["paths"]["/pets"]["post"]["responses"]["default"] = {"$ref": ref}  # a response, not a schema's default
    with pytest.raises(SwaggerError, match="#/paths/~1pets/post/responses/default: "):
        convert_swagger(doc, "features.yaml")


def test_a_schema_reference_to_a_missing_definition_is_any_value_with_a_warning() -> None:
    """As in a 3.x document (it was an error: DocuSign's eSignature spec was refused whole); a response's
    reference to nothing is still an error."""
    doc = spec()
    doc["definitions"]["Pet"]["properties"]["tags"]["items"] = {"$ref": "#/definitions/Missing"}
    converted, warnings = convert_swagger(doc, "features.yaml")
    assert converted["components"]["schemas"]["Pet"]["properties"]["tags"]["items"] == {}
    assert (
        "#/definitions/Pet/properties/tags/items: $ref '#/definitions/Missing' points at nothing; any value"
        " is accepted" in warnings
    )
    doc = spec()
    doc["paths"]["/pets"]["post"]["responses"]["default"] = {"$ref": "#/definitions/Missing"}
    with pytest.raises(SwaggerError, match=r"#/paths/~1pets/post/responses/default: .* points at nothing"):
        convert_swagger(doc, "features.yaml")


def test_a_null_default_of_an_x_nullable_schema_is_valid() -> None:
    # Docker Engine's swagger.yaml (moby/moby api/swagger.yaml, ClusterInfo... Peers): default: null, x-nullable
    doc = spec()
    doc["definitions"]["Pet"]["properties"]["nickname"]["default"] = None
    converted, _ = convert_swagger(doc, "features.yaml")
    assert converted["components"]["schemas"]["Pet"]["properties"]["nickname"]["default"] is None
    without = copy.deepcopy(doc)
    del without["definitions"]["Pet"]["properties"]["nickname"]["x-nullable"]
    converted, warnings = convert_swagger(without, "features.yaml")  # a null its type refuses: left out
    assert "default" not in converted["components"]["schemas"]["Pet"]["properties"]["nickname"]
    assert any(
        w.startswith("#/definitions/Pet/properties/nickname/default: None for not nullable; the default is left out")
        for w in warnings
    )


def test_only_swagger_2_0_is_converted() -> None:
    with pytest.raises(SwaggerError, match=r"'swagger' is '1\.2'; expected '2\.0'"):
        convert_swagger({"swagger": "1.2", "info": {}, "paths": {}}, "old.yaml")


def test_a_file_response_without_produces_is_bytes_and_x_ms_paths_are_reported() -> None:
    doc = spec()
    del doc["produces"]
    doc["paths"]["/pets/{petId}/photo"]["get"] = {
        "operationId": "getPhoto",
        "parameters": [{"name": "petId", "in": "path", "required": True, "type": "integer"}],
        "responses": {"200": {"description": "the photo", "schema": {"type": "file"}}},
    }
    # Azure's specs (azure-rest-api-specs) keep paths that differ by a query string under x-ms-paths
    doc["x-ms-paths"] = {"/pets?op=export": {"post": {"responses": {"200": {"description": "ok"}}}}}
    converted, warnings = convert_swagger(doc, "features.yaml")
    content = converted["paths"]["/pets/{petId}/photo"]["get"]["responses"]["200"]["content"]
    assert content == {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
    assert any(w.startswith("#/x-ms-paths: AutoRest's x-ms-paths (1 paths") for w in warnings)


def test_keys_swagger_2_does_not_define_are_left_out_with_a_warning() -> None:
    """NYTimes' 2.0 specs carry ``info.logo``: 2.0's schema allows only its own keys and ``x-`` ones there, and the
    validator's complaint refused the whole document, though the converter never reads such a key."""
    from scraper.spec_input import load_document_file

    spec = Path(__file__).parents[1] / "fixtures" / "openapi" / "robust" / "swagger2-unknown-keys.yaml"
    converted, warnings = convert_swagger(load_document_file(spec), "s.yaml")
    assert "logo" not in converted["info"] and converted["tags"] == [{"name": "lists"}]
    assert "#/info/logo: not a Swagger 2.0 key (nor an x- extension); left out" in warnings
    assert "#/tags/0/color: not a Swagger 2.0 key (nor an x- extension); left out" in warnings
    assert list(converted["paths"]) == ["/lists.json", "/rooms"]


def test_a_parameter_without_type_is_a_string_with_a_warning() -> None:
    """DocuSign's Rooms spec leaves ``type`` out of query parameters: the validator refused the whole document."""
    from scraper.spec_input import load_document_file

    spec = Path(__file__).parents[1] / "fixtures" / "openapi" / "robust" / "swagger2-unknown-keys.yaml"
    converted, warnings = convert_swagger(load_document_file(spec), "s.yaml")
    [param] = converted["paths"]["/rooms"]["get"]["parameters"]
    assert param["schema"] == {"type": "string"}
    assert "#/paths/~1rooms/get/parameters/0: a query parameter with no type; taken as string" in warnings


def test_keywords_a_2_0_document_borrows_from_3_0_are_read_not_refused() -> None:
    """SendGrid's 2.0 spec: each of these stopped the whole document at 2.0's validator."""
    from scraper.spec_input import load_document_file

    spec = Path(__file__).parents[1] / "fixtures" / "openapi" / "robust" / "swagger2-borrowed-keys.yaml"
    converted, warnings = convert_swagger(load_document_file(spec), "s.yaml")
    body = converted["paths"]["/alerts"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["properties"]["email_to"] == {"type": "string", "nullable": True}
    assert body["properties"]["link_id"] == {"type": "integer"}
    assert body["properties"]["mapping"]["items"] == {"anyOf": [{"type": "string"}, {"type": "integer"}]}
    assert "#: 'nullable' (OpenAPI 3.0's keyword) in 1 schema(s) of a 2.0 document; read as x-nullable" in warnings
    assert "#: OpenAPI 3.0's schema keywords in a 2.0 document (anyOf 1); kept, as 3.0 reads them" in warnings
    pointer = "#/paths/~1alerts/post/parameters/0/schema/properties/link_id/desc"
    assert f"{pointer}: not a schema keyword (nor an x- extension); left out" in warnings
    # DocuSign's eSignature spec: a schema reference to a definition it lacks refused the whole document
    assert (
        "#/paths/~1alerts~1{id}/post/responses/200/schema: $ref '#/definitions/signHashDocument' points at nothing;"
        " any value is accepted" in warnings
    )


FORMAT_MISSES = paths.FIXTURES / "openapi" / "robust" / "swagger2-format-misses.yaml"


def test_values_that_miss_a_format_of_2_0s_schema_are_kept_with_a_warning() -> None:
    """openapi-spec-validator checks formats through jsonschema-rs (a relative OAuth URL is no 'uri', ``{,2}`` no
    'regex'), the general repair located nothing for them, and the whole document was refused (APIs-guru's
    dracoon.team, ijenko.net, reloadly.com, prss.org). OpenAPI 3 reads a relative URL against the server, the
    client checks patterns with Python's ``re``: the values are kept as written, one warning each."""
    from scraper.spec_input import load_document_file

    converted, warnings = convert_swagger(load_document_file(FORMAT_MISSES), "s.yaml")
    schemes = converted["components"]["securitySchemes"]
    assert schemes["relativeOAuth"]["flows"]["authorizationCode"] == {
        "authorizationUrl": "/oauth/authorize",
        "tokenUrl": "/oauth/token",
        "scopes": {"all": "every operation"},
    }
    assert schemes["emptyOAuth"]["type"] == "oauth2"
    assert converted["components"]["parameters"]["selector"]["schema"]["pattern"] == r"^(?:\*|[a-z]{,2}[0-9-_]+)$"
    expected = {
        "#/securityDefinitions/relativeOAuth/authorizationUrl: '/oauth/authorize' is not a 'uri'",
        "#/securityDefinitions/relativeOAuth/tokenUrl: '/oauth/token' is not a 'uri'",
        "#/securityDefinitions/emptyOAuth/authorizationUrl: '' is not a 'uri'",
        "#/securityDefinitions/emptyOAuth/tokenUrl: '' is not a 'uri'",
        r"#/parameters/selector/pattern: '^(?:\\*|[a-z]{,2}[0-9-_]+)$' is not a 'regex'",
        "#/definitions/Widget/properties/code/pattern: '^[A-Z]{,3}$' is not a 'regex'",
        "#/paths/~1widgets/get/responses/202/schema/externalDocs/url: '/docs/queue.html' is not a 'uri'",
    }
    said = {w.split(" as Swagger 2.0", 1)[0] for w in warnings if "as Swagger 2.0's schema wants" in w}
    assert said == expected, warnings


def test_a_document_with_format_misses_generates_a_working_package(tmp_path: Path) -> None:
    from tests.clients.package_import import imported, run_package_tests

    out = tmp_path / "out"
    assert main(["generate", "--spec", str(FORMAT_MISSES), "--out", str(out)]) == 0
    with imported(out, "format_misses_swagger2.v1_0.models") as module:
        assert module.Widget.model_validate({"id": "w-1", "code": "AB"}).code == "AB"
    run = run_package_tests(out)
    assert run.returncode == 0, run.stdout[-2000:]


def test_a_schema_reference_to_a_file_that_is_not_there_is_any_value_with_a_warning(tmp_path: Path) -> None:
    """The bundler leaves a reference to a missing file as written, for the generator to report as a 3.x
    document's (a warning, ``Any``); the 2.0 conversion refused the whole document (225 of APIs-guru's 2,013
    Azure documents name files such as ``./virtualNetwork.json`` that are not published beside them)."""
    spec = paths.FIXTURES / "openapi" / "robust" / "swagger2-missing-file-refs.yaml"
    out = tmp_path / "out"
    assert main(["generate", "--spec", str(spec), "--out", str(out), "--report", str(tmp_path / "r.json")]) == 0
    warnings = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["packages"][0]["warnings"]
    for where, ref in [
        ("#/definitions/Group/properties/subnets/items", "./virtualNetwork.json#/definitions/Subnet"),
        ("#/definitions/Group/properties/tap", "./networkInterface.json#/definitions/Tap"),
    ]:
        assert sum(f": {where}: $ref {ref!r} is not in this document" in w for w in warnings) == 1, warnings
    from tests.clients.package_import import run_package_tests

    run = run_package_tests(out)
    assert run.returncode == 0, run.stdout[-2000:]


def test_form_field_collection_formats_become_encodings() -> None:
    """A 2.0 ``formData`` array's explicit ``collectionFormat`` (csv, ssv, pipes) is the 3.x form body's
    ``encoding.<field>`` style (OpenAPI 3.1 "Encoding Object"), so ``a,b`` is sent, not ``tags=a&tags=b``;
    ``multi`` is the form default; ``tsv`` and a multipart body keep the warning."""

    def form(fields: list[dict[str, Any]], consumes: str) -> dict[str, Any]:
        return {
            "swagger": "2.0",
            "info": {"title": "Forms", "version": "1"},
            "paths": {
                "/f": {
                    "post": {
                        "consumes": [consumes],
                        "parameters": [
                            {"in": "formData", "type": "array", "items": {"type": "string"}, **f} for f in fields
                        ],
                        "responses": {"204": {"description": "ok"}},
                    }
                }
            },
        }

    fields = [
        {"name": "c", "collectionFormat": "csv"},
        {"name": "s", "collectionFormat": "ssv"},
        {"name": "p", "collectionFormat": "pipes"},
        {"name": "m", "collectionFormat": "multi"},
        {"name": "t", "collectionFormat": "tsv"},
    ]
    doc, warnings = convert_swagger(form(fields, "application/x-www-form-urlencoded"), "forms.yaml")
    media = doc["paths"]["/f"]["post"]["requestBody"]["content"]["application/x-www-form-urlencoded"]
    assert media["encoding"] == {
        "c": {"style": "form", "explode": False},
        "s": {"style": "spaceDelimited", "explode": False},
        "p": {"style": "pipeDelimited", "explode": False},
    }
    assert [w for w in warnings if "collectionFormat" in w] == [
        "#/paths/~1f/post/parameters/4: collectionFormat 'tsv' of a form field is not honoured; the values"
        " are sent as repeated fields"
    ]
    doc, warnings = convert_swagger(form(fields[:1], "multipart/form-data"), "forms.yaml")
    assert "encoding" not in doc["paths"]["/f"]["post"]["requestBody"]["content"]["multipart/form-data"]
    assert any("collectionFormat 'csv' of a form field is not honoured" in w for w in warnings)
