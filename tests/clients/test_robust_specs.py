"""What real-world OpenAPI documents do that once stopped ``generate`` or made a broken package (robustness campaign
over public documents: readme.io's oas-examples, Mermade's openapi3-examples, OpenAI, Discord, Apideck, HubSpot,
Intercom, Box and others; later together.ai, Xero, Figma, Typesense and the test specs of datamodel-code-generator and
hey-api's openapi-ts).

Each defect has a minimal reproduction in ``fixtures/openapi/robust/robust.yaml``; the package built from it is also
checked by the corpus test (ruff, ``mypy --strict``, install, contract tests). The rule throughout: a spec that
contradicts itself is repaired where it can be and every repair is a warning; one bad schema or parameter never
stops the package.
"""

from __future__ import annotations

import copy
import json
import string
from pathlib import Path
from typing import Any

import pytest
import yaml

from scraper.atomic import write_tree
from scraper.cli import main
from scraper.clients import cases, ir, models
from scraper.clients.command import load_spec
from scraper.clients.package import render_package
from scraper.clients.union_members import union_members
from tests import paths
from tests.clients.package_import import imported

SPEC = paths.FIXTURES / "openapi" / "robust" / "robust.yaml"


def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def version() -> ir.VersionIR:
    return ir.build_package([spec()], source_names=["robust.yaml"]).versions[0]


def _ops(version: ir.VersionIR) -> dict[str, ir.OperationIR]:
    return {op.method_name: op for op in version.operations}


def test_extension_keys_are_not_paths_statuses_or_components(version: ir.VersionIR) -> None:
    load_spec(SPEC)  # the shape check passes x- keys of any value (a null one in paths was a traceback)
    assert all(not op.path.startswith("x-") for op in version.operations)
    assert not [w for w in version.warnings if "x-responses-extension" in w]
    assert _ops(version)["get_user"].response_model == "User"


def test_a_fragment_is_never_sent(version: ir.VersionIR) -> None:
    ops = _ops(version)
    assert ops["cookies_form_exploded"].path == ops["cookies_form_non_exploded"].path == "/cookies"
    assert sum("the fragment #form" in w for w in version.warnings) == 2


def test_path_parameters_that_disagree_with_the_path_are_repaired_and_reported(version: ir.VersionIR) -> None:
    ops = _ops(version)
    paired = ops["get_user"]  # declared as userId, the path says {id}: the declaration (an integer) fills it
    assert [(p.wire_name, p.annotation) for p in paired.path_params] == [("id", "int")]
    synthesised = ops["get_user_members"]  # {group} and {member} undeclared, 'extra' has no placeholder
    assert [(p.wire_name, p.annotation) for p in synthesised.path_params] == [
        ("id", "str"),
        ("group", "str"),
        ("member", "str"),
    ]
    assert any("'userId' is not in the path; taken as {id}" in w for w in version.warnings)
    assert any("uses {member} but declares no such parameter" in w for w in version.warnings)
    # a declaration with no placeholder is sent in the query, the one other place a URL has for it (APIs-guru's
    # icons8.com: 22 query parameters such as the search's 'term' declared 'in: path'; they were dropped, so
    # the search method could not send its term)
    assert [(p.wire_name, p.location, p.required) for p in synthesised.other_params] == [("extra", "query", True)]
    assert any(
        "'extra' does not appear in the path as {extra}; sent as a query parameter" in w for w in version.warnings
    )
    assert any("needs 'name' and 'in'" in w and "skipped" in w for w in version.warnings)


def test_repeated_operation_ids_and_parameters_are_reported(version: ir.VersionIR) -> None:
    assert {"get_user", "get_user_members"} <= set(_ops(version))
    repeated = "operationId 'getUser' gives method 'get_user'"
    assert any(repeated in w and "'get_user_members'" in w for w in version.warnings)
    assert any("parameter 'verbose' (query) is declared twice" in w for w in version.warnings)
    verbose = next(p for p in _ops(version)["get_user"].params if p.wire_name == "verbose")
    assert verbose.annotation == "bool"  # the last declaration, as the spec's own merge rule would have it


def test_long_operation_ids_that_differ_at_their_end_keep_distinct_method_names() -> None:
    doc = copy.deepcopy(spec())
    base = "post-/cms/v3/hubdb/tables/{tableIdOrName}/rows/draft/batch/"
    for action in ("purge_purgeDraftTableRows", "replace_replaceDraftTableRows", "update_updateDraftTableRows"):
        doc["paths"][f"/batch/{action}"] = {
            "post": {"operationId": base + action, "responses": {"204": {"description": "none"}}}
        }
    version = ir.build_package([doc]).versions[0]
    names = sorted(op.method_name for op in version.operations if op.path.startswith("/batch/"))
    # cutting the end made all three post_cms_v3_hubdb_tables_table_id_or_name_rows_draft_batch(_2, _3)
    assert names == [
        "post_cms_v3_hubdb_draft_batch_purge_purge_draft_table_rows",
        "post_cms_v3_hubdb_draft_batch_update_update_draft_table_rows",
        "post_cms_v3_hubdb_tables_batch_replace_replace_draft_table_rows",
    ]
    assert all(len(name) <= ir.METHOD_NAME_LIMIT for name in names)
    assert not any("which another operation has" in w and "/batch/" in w for w in version.warnings)


def test_schema_references_that_cannot_be_followed_are_any_with_a_warning(version: ir.VersionIR) -> None:
    kennels = version.schemas["ListKennelsResponse"]["properties"]
    for name in ("legacy", "broken"):
        target = kennels[name]["$ref"].removeprefix("#/components/schemas/")
        assert version.schemas[target] == {}, name
    assert "$ref" not in kennels["weird"]
    assert any(
        "'#/components/schemas/Missing' points to a schema that components.schemas lacks" in w for w in version.warnings
    )
    assert any("'#/components/responses/Nope/schema' does not resolve" in w for w in version.warnings)
    assert any("$ref 7 is not a string" in w for w in version.warnings)


def test_properties_named_like_keywords_are_fields(version: ir.VersionIR) -> None:
    user = version.schemas["User"]
    assert user["properties"] == {"name": {"type": "string"}, "$ref": {"type": "string"}, "example": {"type": "string"}}
    assert user["default"] == {"$ref": "#/components/schemas/Nowhere"}  # data: neither followed nor reported
    assert not any("Nowhere" in w or ("is not a string" in w and "type" in w) for w in version.warnings)
    source = render_package([spec()], source_names=["robust.yaml"])["robustness_robust/v1_0/models.py"].decode("utf-8")
    assert 'field_ref: str | None = Field(None, alias="$ref")' in source and "example: str | None = None" in source


def test_null_examples_are_none_and_json_text_examples_are_decoded(version: ir.VersionIR) -> None:
    op = _ops(version)["create_token"]
    assert op.body is not None and op.body.example is not None
    assert op.body.example.value == {"client_id": "contract-test"} and op.body.example.problem is None  # was None
    assert op.response_example is not None and op.response_example.value == {"token": "abc"}  # was the text
    assert any("~1tokens/post: response example is JSON text in a string; decoded" in w for w in version.warnings)


def test_a_reference_to_a_reference_may_be_used_twice(version: ir.VersionIR) -> None:
    # was "$ref cycle through ..." on the second use of the same pointer
    assert version.schemas["ListKennelsResponse"]["properties"]["owner"] == {"$ref": "#/components/schemas/User"}
    assert _ops(version)["get_user_members"].response_model == "User"


def test_a_dangling_component_reference_in_a_real_document_shape(tmp_path: Path) -> None:
    doc = copy.deepcopy(spec())
    doc["paths"]["/pets"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] = {
        "$ref": "#/components/schemas/HubDbTableRowV3Wrapper"
    }
    version = ir.build_package([doc], source_names=["hubdb.json"]).versions[0]
    assert _ops(version)["list_pets"].response_model == "HubDbTableRowV3Wrapper"
    assert version.schemas["HubDbTableRowV3Wrapper"] == {}


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"swagger": "1.2", "info": {"title": "t", "version": "1"}, "paths": {}}, "'swagger' is '1.2'; expected"),
        ({"info": {"title": "t", "version": "1"}, "paths": {}}, "no 'openapi' field"),
    ],
)
def test_documents_that_are_not_openapi_3_say_what_they_are(
    document: dict[str, Any], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "api.yaml"
    source.write_text(yaml.safe_dump(document), encoding="utf-8")
    assert main(["generate", "--spec", str(source), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {source}: {message}") and "\n" not in err
    assert not (tmp_path / "out").exists()


def test_discriminator_values_named_like_classes_stay_strings_and_need_no_ignore() -> None:
    source = render_package([spec()], source_names=["robust.yaml"])["robustness_robust/v1_0/models.py"].decode("utf-8")
    assert 'pet_type: Literal["Cat"]\n' in source and 'pet_type: Literal["Dog"]\n' in source  # was Literal[Cat]


def test_inline_array_items_named_after_a_component_do_not_take_its_name() -> None:
    source = render_package([spec()], source_names=["robust.yaml"])["robustness_robust/v1_0/models.py"].decode("utf-8")
    project = source[source.index("class Project(BaseModel):") :].split("\n\n\n")[0]
    assert "created_at: int" in project and "role" not in project  # was the inline item class (id, role)
    assert "projects: list[InviteProjectsItem] | None" in source


def test_generator_output_that_fails_ruff_or_mypy_is_rewritten() -> None:
    source = render_package([spec()], source_names=["robust.yaml"])["robustness_robust/v1_0/models.py"].decode("utf-8")
    # a recursive union keeps its quoted forward reference in the (evaluated) base, without Union (ruff UP007)
    assert 'class ErrorDetails(RootModel[dict[str, "ErrorDetails"] | InnerErrors]):' in source
    assert "Union" not in source and "constr" not in source  # dict[constr(max_length=64), ...] is no type
    assert "RootModel[dict[str, str | float | bool] | None]" in source
    assert "root: int = Field(..., ge=1)" in source  # was Field("auto", ge=1): the string branch's default


def test_inheritance_mypy_accepts_is_not_marked_and_what_it_rejects_is() -> None:
    source = render_package([spec()], source_names=["robust.yaml"])["robustness_robust/v1_0/models.py"].decode("utf-8")
    lines = source.splitlines()
    assert (
        "    provider: CallFactorProvider | None = None" in lines
    )  # a StrEnum narrows str: an ignore was unused-ignore
    # two bases declare scope with different types: mypy's [misc] on the class line
    assert "class DirectRequest(OtpRequest, MfaRequest):  # type: ignore[misc]" in lines
    assert '    I = "I"  # noqa: E741' in lines and '    O = "O"  # noqa: E741' in lines  # E741: ambiguous names, kept


def test_a_password_is_a_plain_string_sent_as_written(version: ir.VersionIR) -> None:
    source = render_package([spec()], source_names=["robust.yaml"])["robustness_robust/v1_0/models.py"].decode("utf-8")
    assert "    password: str\n" in source and "SecretStr" not in source  # SecretStr dumps as "**********"


def test_required_nullable_fields_and_unix_times_parse_what_the_api_sends(version: ir.VersionIR) -> None:
    source = render_package([spec()], source_names=["robust.yaml"])["robustness_robust/v1_0/models.py"].decode("utf-8")
    contact = source[source.index("class Contact(BaseModel):") :].split("\n\n\n")[0]
    assert "    phone: str | None\n" in contact  # was phone: str, and a null in a response failed to parse
    assert "    applied_at: int | None = None" in contact  # was AwareDatetime, sent back as ISO text
    assert "    release: ContactRelease | None" in contact.splitlines()  # an inline object, required and nullable
    assert "    user: ContactUser | None" in contact.splitlines()  # the same, hoisted: the reference keeps nullable
    example = _ops(version)["get_contact"].response_example
    assert example is not None and example.problem is not None and "company" in example.problem
    # the dangling Gone is anything to the example check too (it stopped the validator: every example unchecked)
    assert not any("could not be checked" in w and "Referencing" in w for w in version.warnings)


def test_a_long_narrowing_field_keeps_its_type_ignore() -> None:
    source = render_package([spec()], source_names=["robust.yaml"])["robustness_robust/v1_0/models.py"].decode("utf-8")
    [line] = [line for line in source.splitlines() if "data: list[Dog]" in line]
    assert line.endswith("# type: ignore[assignment]"), line  # the wrapped line had lost it


@pytest.mark.parametrize(
    ("annotation", "inherited", "narrows"),
    [
        ('Literal["Cat"]', "str", True),
        ("Literal[1, 2]", "int | None", True),
        ("Literal[True]", "bool", True),
        ("Literal[Kind.A]", "Kind | None", True),
        ('Literal["a"]', 'Literal["a", "b"]', True),
        ("list[Dog]", "list[dict[str, Any]]", False),
        ("dict[str, dict[str, Any]]", "dict[str, Any] | None", True),
        ("Provider", "str", False),  # without the module's classes; with them a StrEnum fits (test below)
        ("Kind1", "Kind", False),
        ('Literal["a"]', "int", False),
    ],
)
def test_which_overrides_mypy_accepts(annotation: str, inherited: str, narrows: bool) -> None:
    parts = union_members(inherited)
    assert all(models._narrows(part, parts) for part in union_members(annotation)) is narrows


def test_expected_paths_escape_an_argument_as_the_client_does() -> None:
    from docs2client_runtime.wire import quote_path_segment

    for char in string.printable + "é한":
        value = f"a{char}b"
        assert cases.path_segment(value) == quote_path_segment(value), repr(char)


def test_expected_paths_encode_literal_text_as_httpx_sends_it() -> None:
    import httpx

    # a query, a fragment or a placeholder is no literal text; control characters are refused by httpx itself
    chars = [c for c in string.printable + "é한" if c not in "?#{}" and c.isprintable()]
    id_param = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "Literal", "version": "1"},
        "paths": {
            f"/a{c}b/{{id}}": {"get": {"operationId": f"op{i}", "parameters": [id_param], "responses": {"204": {}}}}
            for i, c in enumerate(chars)
        },
    }
    version = ir.build_package([doc]).versions[0]
    assert len(version.operations) == len(chars)
    for op in version.operations:
        case = cases.request_case(version, op, {"id": "7"}, {}, None)
        sent = httpx.URL("https://h" + op.path.replace("{id}", "7")).raw_path.decode()
        assert case["expect"]["path"] == sent, op.path  # was the raw text: /a b/7 for /a%20b/7


def test_a_deeply_nested_json_text_example_is_left_as_text_not_a_traceback() -> None:
    doc = copy.deepcopy(spec())
    body = {"content": {"application/json": {"schema": {"type": "object"}, "example": "[" * 100_000}}}
    doc["paths"]["/deep"] = {"post": {"requestBody": body, "responses": {"204": {"description": "none"}}}}
    version = ir.build_package([doc]).versions[0]
    assert any(op.path == "/deep" for op in version.operations)


def test_an_operation_id_equal_to_its_summary_is_cut_as_an_id() -> None:
    """The cut depends on where the name came from, not on its text: an id loses its middle even when the summary
    says the same."""
    doc = copy.deepcopy(spec())
    base = "post-/cms/v3/hubdb/tables/{tableIdOrName}/rows/draft/batch/"
    for action in ("purge_purgeDraftTableRows", "replace_replaceDraftTableRows"):
        op_id = base + action
        doc["paths"][f"/same/{action}"] = {
            "post": {"operationId": op_id, "summary": op_id, "responses": {"204": {"description": "none"}}}
        }
    version = ir.build_package([doc]).versions[0]
    names = sorted(op.method_name for op in version.operations if op.path.startswith("/same/"))
    assert len(set(names)) == 2 and not any(name.endswith("_2") for name in names), names


def _request_cases() -> tuple[dict[str, Any], dict[str, str]]:
    files = render_package([spec()])
    [name] = [n for n in files if n.startswith("tests/") and n.endswith(".json")]
    data = json.loads(files[name])
    return {c["name"]: c for c in data["requests"]}, {o["name"]: o["reason"] for o in data["omitted"]}


def test_unique_items_of_a_minimum_count_are_synthesised_distinct() -> None:
    """Discord's bulk delete: two or more unique snowflakes (the same item twice was no value at all)."""
    requests, omitted = _request_cases()
    assert "bulk_delete_messages" not in omitted
    messages = requests["bulk_delete_messages"]["body"]["value"]["messages"]
    assert len(messages) == 2 and len(set(messages)) == 2


def test_options_that_only_require_a_property_narrow_the_object_around_them() -> None:
    """OpenAI's file batches: ``anyOf: [{required: [file_ids]}, {required: [files]}]`` beside the properties (each
    option was synthesised as a string); with ``oneOf`` the value names exactly one of them."""
    requests, omitted = _request_cases()
    assert not {"create_file_batch", "create_exclusive_batch"} & omitted.keys()
    assert "file_ids" in requests["create_file_batch"]["body"]["value"]
    exclusive = requests["create_exclusive_batch"]["body"]["value"]
    assert "file_ids" in exclusive and "files" not in exclusive


def test_a_parameter_example_its_schema_rejects_is_replaced_not_a_lost_case(version: ir.VersionIR) -> None:
    """Box's search: an optional parameter's wrong example omitted the whole request case; now the test sends a
    synthesised value instead (a required one too), and says so."""
    requests, omitted = _request_cases()
    assert "search" not in omitted
    sent = requests["search"]
    assert "user_content" in json.dumps(sent) and "everything" not in json.dumps(sent)
    assert sum("the contract test sends a synthesised value" in w for w in version.warnings) == 2


def test_schemas_defined_only_through_themselves_lose_that_member_not_the_package(version: ir.VersionIR) -> None:
    """``DeviceView: {allOf: [DeviceView, {properties}]}`` and ``LoopA = oneOf[LoopB]``, ``LoopB = anyOf[LoopA, null]``:
    datamodel-code-generator rejected the whole module ("model inheritance cycle"); the members that lead back are
    dropped, each with a warning, and a recursive model through a property (ErrorDetails) is left alone."""
    assert version.schemas["DeviceView"] == {
        "type": "object",
        "allOf": [{"type": "object", "properties": {"id": {"type": "string"}, "IPAddress": {"type": "string"}}}],
    }
    assert version.schemas["LoopA"] == {} and version.schemas["LoopB"] == {"anyOf": [{"type": "null"}]}
    cut = sorted(w.split(":")[0] for w in version.warnings if "leads back to itself" in w)
    assert cut == ["components.schemas.DeviceView", "components.schemas.LoopA", "components.schemas.LoopB"]
    assert not any("ErrorDetails" in w for w in version.warnings)
    source = models.render_models(version.schemas, openapi=version.openapi, source_name="robust.yaml", header="")
    assert "class DeviceView(BaseModel)" in source and "IPAddress" in source and "class ErrorDetails(" in source


def test_object_keywords_on_a_string_leave_it_a_string(version: ir.VersionIR) -> None:
    """``label: {type: string, properties: {...}, required: [...]}``: the properties constrain nothing (JSON Schema
    applies them to objects only), but the generator made ``label`` a model class and every documented string
    failed the contract test."""
    source = models.render_models(version.schemas, openapi=version.openapi, source_name="robust.yaml", header="")
    assert "label: str | None = None" in source and "class Label(" not in source
    assert "kind: str | None = Field(None, max_length=20)" in source  # array keywords too (was a list of Precision)


def test_keywords_whose_value_has_the_wrong_shape_are_dropped_not_fatal() -> None:
    source = render_package([spec()], source_names=["robust.yaml"])["robustness_robust/v1_0/models.py"].decode("utf-8")
    envelope = source[source.index("class MappingEnvelope(BaseModel):") :].split("\n\n\n")[0]
    assert "content: Company | None = None" in envelope  # `required: true` beside the $ref stopped the package
    assert "note: str | None = None" in envelope  # maxLength "255", description 7, nullable "yes": dropped


def test_an_enum_body_or_response_is_wrapped_in_a_root_model(version: ir.VersionIR) -> None:
    ops = _ops(version)
    put, get = ops["put_precision"], ops["get_precision"]
    source = render_package([spec()], source_names=["robust.yaml"])["robustness_robust/v1_0/models.py"].decode("utf-8")
    assert "class Precision(StrEnum):" in source  # the component keeps its enum class, for fields and users
    assert put.body is not None
    for name in {put.response_model, get.response_model, put.body.model}:
        assert name is not None and name != "Precision"  # an Enum has no model_validate nor model_dump
        assert f"class {name}(RootModel[" in source, name


def test_every_string_format_is_a_str_and_a_deprecated_root_model_parses() -> None:
    source = render_package([spec()], source_names=["robust.yaml"])["robustness_robust/v1_0/models.py"].decode("utf-8")
    assert "class EventId(RootModel[str]):" in source and "UUID4" not in source  # uuid4 took only UUID version 4
    roots = [c for c in source.split("\n\n\n") if "(RootModel[" in c and ("EventVersion" in c or "Token(" in c)]
    assert len(roots) == 2 and not [c for c in roots if "deprecated" in c]  # a deprecated root could not be set
    # Plaid's deprecated ``allOf`` of one reference: the field is deprecated, the class it refers to is not
    assert "    token: Token | None = Field(None, deprecated=True)" in source


def test_a_reference_to_a_nullable_component_admits_null() -> None:
    source = render_package([spec()], source_names=["robust.yaml"])["robustness_robust/v1_0/models.py"].decode("utf-8")
    item = source[source.index("class Item(BaseModel):") :].split("\n\n\n")[0]
    assert "    error: ItemError | None" in item.splitlines()  # required: null when there is none


def test_a_default_its_own_schema_rejects_is_no_default() -> None:
    source = render_package([spec()], source_names=["robust.yaml"])["robustness_robust/v1_0/models.py"].decode("utf-8")
    item = source[source.index("class Item(BaseModel):") :].split("\n\n\n")[0]
    assert "    flags: list[str] | None = Field(None, min_length=1)" in item.splitlines()  # was [], validated
    assert "medium" not in item  # every Item without flags failed to parse


def test_a_default_that_is_no_member_of_the_fields_enum_is_dropped() -> None:
    source = render_package([spec()], source_names=["robust.yaml"])["robustness_robust/v1_0/models.py"].decode("utf-8")
    item = source[source.index("class Item(BaseModel):") :].split("\n\n\n")[0]
    assert "    ranking: Precision | None = None" in item.splitlines()  # was = "'byWord'": mypy rejected it
    greeting = source[source.index("class Greeting(") :].split("\n\n\n")[0]
    assert '"héllo wörld"' in greeting and "deprecated" not in greeting  # cut by bytes, as ast counts


def test_a_class_that_is_one_allof_reference_to_a_union_or_enum_keeps_its_branches() -> None:
    source = render_package([spec()], source_names=["robust.yaml"])["robustness_robust/v1_0/models.py"].decode("utf-8")
    classes = {c.split("(")[0].removeprefix("class "): c for c in source.split("\n\n\n") if c.startswith("class ")}
    assert classes["MeasureFrom"].startswith("class MeasureFrom(RootModel[MeasurePreset | str]):")  # lost date-time
    assert '    measureFrom: MeasureFrom | None = Field(None, description="from when")' in classes["Item"]
    assert classes["PresetAlias"].startswith("class PresetAlias(RootModel[MeasurePreset]):")


def test_a_discriminator_beside_inline_members_is_dropped_and_the_union_still_parses(tmp_path: Path) -> None:
    """together.ai's ``ExecuteResponse``: the generator wrote placeholder tags for the inline members, so the
    documented example (``type: stdout``) failed; members are now told apart as JSON Schema does, one by one."""
    files = render_package([spec()], source_names=["robust.yaml"])
    source = files["robustness_robust/v1_0/models.py"].decode("utf-8")
    classes = {c.split("(")[0].removeprefix("class "): c for c in source.split("\n\n\n") if c.startswith("class ")}
    members = "ExecuteResponseOutputsItemOption1 | ExecuteResponseOutputsItemOption2"
    assert f"    outputs: list[{members}]" in classes["ExecuteResponse"].splitlines()
    assert "datamodel-code-generator-#" not in source
    write_tree(tmp_path, files)
    with imported(tmp_path, "robustness_robust.v1_0.models") as module:
        outputs = [{"type": "stdout", "data": "hi"}, {"type": "error", "data": "x"}]
        parsed = module.ExecuteResponse.model_validate({"outputs": outputs})
    assert [type(o).__name__ for o in parsed.outputs] == members.split(" | ")


def test_defaults_that_fit_no_branch_or_lack_none_are_typed_as_mypy_needs() -> None:
    source = render_package([spec()], source_names=["robust.yaml"])["robustness_robust/v1_0/models.py"].decode("utf-8")
    classes = {c.split("(")[0].removeprefix("class "): c for c in source.split("\n\n\n") if c.startswith("class ")}
    transcription = classes["Transcription"].splitlines()
    # an optional const other than a string was `ratio: float = None` (mypy: None is no float)
    assert "    ratio: float | None = None" in transcription
    assert "    choices: list[int | str] | None = None" in transcription
    # a uint64 const: Literal[18000000000000000000] (mypy: "cannot contain arbitrary expressions"), now bounds
    big = "18000000000000000000"
    assert f"    serial: int | None = Field(None, ge={big}, le={big})" in transcription
    # together.ai: the string branch's default enum member was given to the list branch too (mypy: no list)
    granularities = classes["TranscriptionTimestampGranularitiesOption2"]
    assert "    root: list[TranscriptionTimestampGranularitiesOption2Item] = Field(..., max_length=2)" in granularities


def test_items_given_as_a_list_are_synthesised_as_the_model_reads_them() -> None:
    """``items: [{$ref: Pet}]`` (Draft 4's tuple form): the model is ``list[Pet]``, the contract test's response
    was a list of strings, so the package failed its own test."""
    files = render_package([spec()])
    [name] = [n for n in files if n.startswith("tests/") and n.endswith(".json")]
    responses = {c["name"]: c for c in json.loads(files[name])["responses"]}
    [company] = responses["list_companies"]["example"]
    assert isinstance(company, dict)


def test_a_form_body_whose_schema_is_no_object_is_reported_and_not_sent(version: ir.VersionIR) -> None:
    """The method takes a mapping of fields; the contract test sent the synthesised list, which no form encodes
    (``'list' object has no attribute 'items'`` in the package's own test)."""
    requests, omitted = _request_cases()
    assert "put_form_list" not in requests
    assert "application/x-www-form-urlencoded body is named fields" in omitted["put_form_list"]
    assert any("~1form-lists/put: request body: application/x-www-form-urlencoded" in w for w in version.warnings)


def test_an_override_is_checked_against_every_ancestor_and_a_diamond_side_that_overrides_is_no_conflict() -> None:
    """``C3Combined(C3First, C3Second)``: C3Second's ``value: int`` overrides C3Root's, which C3First inherits, so
    mypy accepts the class (the ignore was unused); C3Derived's ``value: int`` narrows C3Root's ``str | None``,
    which mypy checks too (the ignore was missing)."""
    source = render_package([spec()], source_names=["robust.yaml"])["robustness_robust/v1_0/models.py"].decode("utf-8")
    classes = {c.split("(")[0].removeprefix("class "): c for c in source.split("\n\n\n") if c.startswith("class ")}
    assert classes["C3Combined"].startswith("class C3Combined(C3First, C3Second):\n")
    derived = classes["C3Derived"].splitlines()
    assert any(line.startswith("    value: int") and line.endswith("# type: ignore[assignment]") for line in derived)


def test_a_property_named_config_is_a_field_pydantic_accepts(tmp_path: Path) -> None:
    """Docker Engine's ``LogConfig.Config``: a field named ``Config`` beside ``model_config`` was pydantic's
    "Config and model_config cannot be used together" when the models module was imported."""
    files = render_package([spec()], source_names=["robust.yaml"])
    source = files["robustness_robust/v1_0/models.py"].decode("utf-8")
    assert '    Config_: dict[str, str] | None = Field(None, alias="Config")' in source
    write_tree(tmp_path, files)
    with imported(tmp_path, "robustness_robust.v1_0.models") as module:
        parsed = module.LogConfig.model_validate({"Type": "json-file", "Config": {"max-size": "10m"}})
    assert parsed.Config_ == {"max-size": "10m"}


def test_a_server_of_its_own_is_honoured_and_never_carries_its_credentials() -> None:
    """Path items and operations may document their own server (an upload host): the operation is sent there
    (tests/clients/test_operation_servers.py), with the URL's credentials left out and said in a warning."""
    doc = {
        "openapi": "3.0.3",
        "info": {"title": "Files", "version": "1"},
        "servers": [{"url": "https://api.files.test"}],
        "paths": {
            "/files": {
                "servers": [{"url": "https://user:s3cret@upload.files.test"}],
                "post": {"operationId": "upload", "responses": {"204": {"description": "ok"}}},
            },
            "/meta": {
                "get": {
                    "operationId": "meta",
                    "servers": [{"url": "https://meta.files.test/v2"}],
                    "responses": {"204": {"description": "ok"}},
                }
            },
            "/same": {
                "get": {
                    "operationId": "same",
                    "servers": [{"url": "https://api.files.test"}],  # the document's own: nothing to say
                    "responses": {"204": {"description": "ok"}},
                }
            },
        },
    }
    package = ir.build_package([doc], source_names=["files.yaml"])
    servers = {op.method_name: op.server for op in package.versions[0].operations}
    assert servers["same"] is None
    assert [servers[name].template for name in ("upload", "meta")] == [  # type: ignore[union-attr]
        "https://upload.files.test",
        "https://meta.files.test/v2",
    ]
    assert [w.split(": the URL")[0] for w in package.warnings] == ["files.yaml: /paths/~1files/servers/0/url"]
    assert "s3cret" not in "".join(package.warnings)


def test_a_discriminators_implied_tags_are_component_names_and_each_child_carries_its_own(tmp_path: Path) -> None:
    """OpenAPI implies a child's tag value is its component name. The models are made from renamed classes, so the
    implied value became the class name (``Literal["Account"]``: every ``type: account`` the API sends failed), an
    explicit mapping's targets were not renamed either, and a child built alone took its parent's first child's tag
    (``type: page`` in Account's contract case). Bitbucket's 2.0 spec: 60 of 330 contract tests failed."""
    source = paths.FIXTURES / "openapi" / "robust" / "tags-implied-by-discriminator.yaml"
    doc = yaml.safe_load(source.read_text(encoding="utf-8"))
    out = tmp_path / "out"
    for rel, data in render_package([doc], package_name="disc").items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
    models = (out / "disc" / "v1" / "models.py").read_text(encoding="utf-8")
    for name in ("page", "account", "subscription"):
        assert f'type: Literal["{name}"]' in models
    cases = json.loads(next((out / "tests").glob("*.json")).read_text(encoding="utf-8"))
    assert '"type": "account"' in json.dumps(cases) and '"type": "page"' not in json.dumps(cases)
    with imported(out, "disc.v1") as disc:
        account = disc.models.Account.model_validate({"type": "account", "username": "u"})
        assert account.type == "account"
    explicit = copy.deepcopy(doc)  # an explicit mapping's targets follow the renamed classes too
    explicit["components"]["schemas"]["object"]["discriminator"]["mapping"] = {"acct": "#/components/schemas/account"}
    models = render_package([explicit], package_name="disc")["disc/v1/models.py"].decode("utf-8")
    assert 'type: Literal["acct"]' in models and 'type: Literal["page"]' in models
