"""Guides of the thirteenth robustness round (``tests/fixtures/nhn/unseen/README.md``, the rows naming this file).

Shapes met on NHN guides no earlier round read (Block Storage's v1.0 API guide, TOAST-Cloud's Appkey page), each on a
short synthetic mirror: a ``METHOD URL`` line written as an example of how to call (under "For instance, ... the
following URL:" or a ``* Example`` bullet), which is no operation of its own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.build import spec_files
from scraper.dialects import DialectError, PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.readers import markdown
from tests.dialects.test_nhn_unseen import UNSEEN, _params, _read


def _kinds(service: object) -> list[str]:
    return [f.kind for f in service.findings]  # type: ignore[attr-defined]


def test_an_example_url_repeating_an_operation_is_no_operation_and_gives_the_base_path() -> None:
    # Block Storage v1.0 (en/ko api-guide.md): "For instance, retrieving block storage must be requested to the
    # following URL:" over ``GET https://api-compute.cloud.toast.com/compute/v1.0/appkeys/{appkey}/volumes?id=...``,
    # the operation every section then declares as ``GET /v1.0/appkeys/{appkey}/volumes``: the example was a fourth
    # operation ("Prerequisites", at /compute/v1.0/...), and the server lost the /compute base path
    service, spec = _read("block-storage-example-url-with-base-path.md")
    assert sorted((m, p) for p, item in spec["paths"].items() for m in item) == [
        ("get", "/v1.0/appkeys/{appkey}/widgets"),
        ("post", "/v1.0/appkeys/{appkey}/widgets"),
    ]
    assert spec["servers"][0]["url"] == "https://api-widget.cloud.toast.com/widget"
    [example] = [f for f in service.findings if f.kind == "example-declaration"]
    assert example.line == 11
    assert "repeats the operation declared on line 22" in example.message
    assert "/widget" in example.message


def test_a_query_placeholder_names_the_row_of_its_parameter() -> None:
    # Block Storage v1.0: ``GET .../volumes?id={volumeId}`` over the row ``volumeId | Query``: the row documents the
    # query parameter ``id`` (whose value is the volume's id); it was a second query parameter ``volumeId`` beside an
    # undocumented ``id``
    service, spec = _read("block-storage-example-url-with-base-path.md")
    params = _params(spec["paths"]["/v1.0/appkeys/{appkey}/widgets"]["get"])
    assert ("widgetId", "query") not in params
    assert params[("id", "query")]["description"].startswith("Widget ID to retrieve")
    assert params[("id", "query")].get("required") is not True
    assert "undocumented-query-param" not in _kinds(service)


def test_a_url_format_example_alone_is_no_operation() -> None:
    # TOAST-Cloud public-api/appkey.md (en, ko): "#### Path Parameter Method" over ``* Example`` and
    # ``POST /v1.0/appkeys/{appKey}/``: the page documents how an app key is sent, no call; the format example was
    # read as one operation (POST /v1.0/appkeys/{appKey}, a 204, no server)
    name = "appkey-url-format-examples.md"
    text = (UNSEEN / name).read_text(encoding="utf-8")
    with pytest.raises(DialectError) as info:
        NhnDialect().read(markdown.read(text, name), PageInfo(name, "", ()))
    message = str(info.value)
    assert "no NHN operation found" in message
    assert "line 16" in message and "example" in message


def test_fixture_rows_name_this_file() -> None:
    readme = (Path(UNSEEN) / "README.md").read_text(encoding="utf-8")
    for name in (
        "block-storage-example-url-with-base-path.md",
        "appkey-url-format-examples.md",
        "compute-v1-labelled-example-values.md",
        "sms-qualified-response-headings.md",
        "deploy-auth-on-one-operation.md",
    ):
        assert f"`{name}` (synthetic; test: `test_nhn_unseen_round13.py`)" in readme


def test_rows_named_by_the_labels_an_example_holds_document_those_members() -> None:
    # Block Storage v1.0, Network VPC, Compute Instance (old) api-guide.md: the example's values are labels,
    # ``"device": "{Device Name}"``, and the table's rows are named by them (``Device Name | Body | String``): the
    # rows became top-level members named "Device Name", "Size", ... beside the example's undocumented members
    service, spec = _read("compute-v1-labelled-example-values.md")
    listed = spec["paths"]["/v1.0/appkeys/{appkey}/gadgets"]["get"]["responses"]["200"]["content"]
    schema = listed["application/json"]["schema"]
    assert sorted(schema["properties"]) == ["gadgets", "header"]
    item = schema["properties"]["gadgets"]["items"]
    assert item["properties"]["size"]["type"] == "integer"
    assert item["properties"]["size"]["description"] == "Size of the gadget (GB)"
    assert item["properties"]["name"]["description"] == "Gadget name"
    device = item["properties"]["attachments"]["items"]["properties"]["device"]
    assert device["description"].startswith("Device name on the attached server")
    assert "x-inferred" not in device
    created = spec["paths"]["/v1.0/appkeys/{appkey}/gadgets"]["post"]["requestBody"]
    body = created["content"]["application/json"]["schema"]
    assert sorted(body["properties"]) == ["gadget"]
    gadget = body["properties"]["gadget"]
    assert gadget["properties"]["size"]["type"] == "integer"
    assert gadget["properties"]["description"]["description"] == "Description of the gadget"
    assert "labelled-example-rows" in _kinds(service)


def test_a_dash_in_an_optional_column_of_o_marks_is_required() -> None:
    # Block Storage / Network VPC v1.0: ``| Name | In | Type | Optional | Description |`` with ``O`` on the optional
    # rows and ``-`` on the others (``Size | Body | Integer | - |``, ``tokenId | Header | String | - |``): the dash
    # is "not optional", but it was read as an empty cell, so every body field was optional
    _, spec = _read("compute-v1-labelled-example-values.md")
    created = spec["paths"]["/v1.0/appkeys/{appkey}/gadgets"]["post"]["requestBody"]
    gadget = created["content"]["application/json"]["schema"]["properties"]["gadget"]
    assert sorted(gadget.get("required", [])) == ["name", "size"]
    _, widgets = _read("block-storage-example-url-with-base-path.md")
    params = _params(widgets["paths"]["/v1.0/appkeys/{appkey}/widgets"]["get"])
    assert params[("id", "query")].get("required") is not True  # marked O: optional


def test_a_query_key_misspelling_its_placeholder_does_not_rename_the_row() -> None:
    # Push v2.3 en (tests/fixtures/nhn/unseen/guides, line 1148): ``...&messagErrorCause={messageErrorCause}`` over
    # the row ``messageErrorCause``: the key misspells the placeholder, which is the parameter's name; the row is
    # not renamed to the misspelling (as ``?id={volumeId}`` renames ``volumeId`` to ``id``)
    _, spec = _read("compute-v1-labelled-example-values.md")
    params = _params(spec["paths"]["/v1.0/appkeys/{appkey}/gadget-errors"]["get"])
    assert params[("gadgetErrorCause", "query")]["description"] == "Cause of the error"


def test_a_response_heading_with_a_qualifier_starts_the_response() -> None:
    # SMS en/api-guide.md (international statistics): "#### Response (Statistics criteria: Default Value)" and the
    # table under "#### Statistical Event Objects (...)": the heading's qualifier hid the label, so the envelope
    # rows and the object's rows (``events.RECEIVED``, ...) were query parameters of the request
    service, spec = _read("sms-qualified-response-headings.md")
    operation = spec["paths"]["/widget/v3.0/appKeys/{appKey}/stats/region"]["get"]
    assert sorted(_params(operation)) == [("appKey", "path"), ("criteria", "query"), ("from", "query")]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    item = schema["properties"]["body"]["properties"]["data"]["items"]
    assert item["properties"]["counts"]["properties"]["ASKED"]["description"] == "Number of requests"
    assert item["properties"]["eventTime"]["description"] == "Display time"
    [qualified] = [f for f in service.findings if f.kind == "qualified-label"]
    assert qualified.line == 26
    assert "Grouping: Default value" in qualified.message


def test_credentials_documented_by_one_operation_are_that_operations_security() -> None:
    # Deploy en/api-guide.md @ 73d1f55: only the new "Run Deployment" documents X-TC-AUTHENTICATION-ID/-SECRET; the
    # binary uploads (v1.0 and the previous version) show none. The headers were the document's security, so the
    # previous version's spec required them on its one operation (a breaking security-requirement-added)
    name = "deploy-auth-on-one-operation.md"
    path = UNSEEN / name
    [service] = NhnDialect().read(markdown.read(path.read_text(encoding="utf-8"), name), PageInfo(name, "", ()))
    assert service.security == []
    assert sorted(service.components_extra["securitySchemes"]) == [
        "tcAuthenticationIdHeader",
        "tcAuthenticationSecretHeader",
    ]
    both = {"tcAuthenticationIdHeader": [], "tcAuthenticationSecretHeader": []}
    secured = {(op.method, op.path): version.security for op in service.operations for version in op.versions.values()}
    assert secured == {
        ("POST", "/api/v1.0/projects/{appKey}/parts"): None,
        ("POST", "/api/part/upload"): None,
        ("POST", "/api/v1.0/projects/{appKey}/assemblies"): [both],
        ("POST", "/api/v2.0/projects/{appKey}/assemblies"): [both],
    }
    scoped = [f for f in service.findings if f.kind == "operation-security"]
    assert [f.line for f in scoped] == [50, 71]
    assert "Run Assembly" in scoped[0].message and "2 other(s) show none" in scoped[0].message
    _, specs = spec_files(service)
    documents = {spec["info"]["version"]: spec for spec in specs.values()}
    assert "security" not in documents["v1"] and "security" not in documents["v1.0"]
    secured = documents["v1.0"]["paths"]["/api/v1.0/projects/{appKey}/assemblies"]["post"]
    assert secured["security"] == [both]
    assert "security" not in documents["v1.0"]["paths"]["/api/v1.0/projects/{appKey}/parts"]["post"]
    # every operation of v2.0 requires the same: the document's requirement, as a guide documenting it once says
    assert documents["v2.0"]["security"] == [both]
    assert "security" not in documents["v2.0"]["paths"]["/api/v2.0/projects/{appKey}/assemblies"]["post"]
