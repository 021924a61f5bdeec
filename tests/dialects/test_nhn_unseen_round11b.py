"""Guides of round 11b (``tests/fixtures/nhn/unseen/README.md``, the rows naming this file).

Shapes of NHN guides no earlier round read (TOAST-Cloud's public-api guides, CS & BBS), each on a short synthetic
mirror.
"""

from __future__ import annotations

from typing import Any

from tests.dialects.test_nhn_unseen import _kinds, _read


def test_a_common_type_row_named_like_a_key_is_a_path_placeholder_not_a_credential() -> None:
    # TOAST-Cloud en/public-api/framework-api.md: "#### Common Type" lists the path placeholders' types
    # (``user-access-key-id | String | 20 characters``) beside the common ``x-nhn-authorization`` header table; the
    # row was read as a second credential header every one of the 71 operations required
    service, spec = _read("framework-common-type-placeholders.md")
    schemes = spec["components"]["securitySchemes"]
    assert [s["name"] for s in schemes.values()] == ["x-nhn-authorization"]
    assert spec["security"] == [{name: []} for name in schemes]
    assert "auth-header" not in _kinds(service)


def test_a_pseudo_example_missing_commas_is_still_the_response_structure() -> None:
    # CS & BBS en/ko/ja api-guide.md (FAQ list and single FAQ, inquiry): a response written with type names as values
    # (``"isSuccessful": boolean``) and a comma missing at a line's end was "not JSON; not used", so each GET had no
    # response body and a 204 assumed
    service, spec = _read("cs-bbs-pseudo-example-missing-comma.md")
    operation = spec["paths"]["/api/v1/services/{serviceCode}/questions"]["get"]
    assert list(operation["responses"]) == ["200"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["properties"]["header"]["properties"]["isSuccessful"]["type"] == "boolean"
    item = schema["properties"]["body"]["properties"]["list"]["items"]
    assert sorted(item["properties"]) == ["open", "questionCode", "title"]
    assert item["properties"]["open"]["type"] == "boolean"
    assert "invalid-example" not in _kinds(service)
    assert "pseudo-example" in _kinds(service)


def _response(spec: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    schema: dict[str, Any] = spec["paths"][path][method]["responses"]["200"]["content"]["application/json"]["schema"]
    return schema


def test_a_field_of_an_unknown_type_whose_example_is_an_object_has_the_examples_members() -> None:
    # TOAST-Cloud framework-api.md: ``header | [Common response](#Response) | Yes`` in 70 responses (a type no
    # reader knows), the example showing ``"header": {"isSuccessful": true, ...}``: the field was a bare object,
    # its members lost although the example shows them
    service, spec = _read("framework-linked-type-object-example.md")
    header = _response(spec, "/v1/widgets", "post")["properties"]["header"]
    assert header["type"] == "object" and header["x-inferred"] is True
    assert {k: v["type"] for k, v in header["properties"].items()} == {
        "isSuccessful": "boolean",
        "resultCode": "integer",
        "resultMessage": "string",
    }
    assert any(f.kind == "type-from-example" and f.line == 42 for f in service.findings)


def test_a_model_the_guide_never_defines_has_the_members_its_example_shows() -> None:
    # the same shape with a model name no heading of the guide has (``stats | WidgetStatistics``): read as a bare
    # object, the example's members dropped; each is now an inferred member with its finding
    service, spec = _read("framework-linked-type-object-example.md")
    stats = _response(spec, "/v1/widgets/count", "get")["properties"]["stats"]
    assert stats["type"] == "object"
    assert stats["description"] == "Counts"
    assert {k: (v["type"], v["x-inferred"]) for k, v in stats["properties"].items()} == {
        "total": ("integer", True),
        "hidden": ("boolean", True),
    }
    told = [f.message for f in service.findings if f.kind == "undocumented-example-field" and f.line == 64]
    assert len(told) == 2


def test_a_model_defined_under_another_operation_is_that_models_table() -> None:
    # TOAST-Cloud framework-api.md: ``###### RoleBundleProtocol`` is defined once, under the first operation that
    # returns it; later operations name it (``List<RoleBundleProtocol>``, ``[UpdateMemberRoleRequest](#...)``) with
    # no table of their own: "names a model the guide does not define; read as an object" (44 rows in en), a bare
    # object where the guide documents every field
    service, spec = _read("framework-model-defined-in-another-section.md")
    role = _response(spec, "/v1/projects/{project-id}/roles", "get")["properties"]["roles"]["items"]
    assert sorted(role["properties"]) == ["conditions", "roleId"]
    condition = role["properties"]["conditions"]["items"]
    assert condition["properties"]["attributeId"]["description"] == "Condition attribute ID"
    body = spec["paths"]["/v1/projects/{project-id}/roles"]["put"]["requestBody"]["content"]["application/json"]
    assert sorted(body["schema"]["properties"]) == ["conditions", "roleId"]
    assert body["schema"]["required"] == ["roleId"]
    assert not [f for f in service.findings if "does not define" in f.message]
    assert any(f.kind == "model-table" and f.line == 69 and "(line 31)" in f.message for f in service.findings)


def test_a_link_to_a_model_table_is_the_model_not_a_list_of_codes() -> None:
    # TOAST-Cloud framework-api.md: ``paging | [PagingResponse](#pagingresponse)`` (13 rows in en) links to the
    # model's heading; the link reading took the model's table for a code list and said "read with the codes it
    # lists (Integer, Long)", its Type column, while the model reading gave the object: a finding that was false
    service, spec = _read("framework-model-defined-in-another-section.md")
    paging = _response(spec, "/v1/projects/{project-id}/roles", "get")["properties"]["paging"]
    assert sorted(paging["properties"]) == ["page", "totalCount"]
    assert "enum-from-linked-section" not in _kinds(service)


def test_a_location_column_first_in_the_table_is_the_location() -> None:
    # TOAST-Cloud framework-api.md: ``Category | Name | Type | Required | Description`` with ``Path`` and ``Request
    # Body`` in the first column (other operations head it ``In``): the location column was looked for after the
    # first column only, so each row had no location and the DELETE's body model became query parameters
    # ``request`` and ``request.groupIds``
    service, spec = _read("framework-category-first-column.md")
    operation = spec["paths"]["/v1/organizations/{org-id}/widget-groups"]["delete"]
    assert [(p["name"], p["in"]) for p in operation["parameters"]] == [("org-id", "path")]
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body["properties"]["groupIds"]["items"]["type"] == "string"
    assert body["required"] == ["groupIds"]
    assert "body-row-as-query" not in _kinds(service)


def test_a_content_type_rows_value_column_is_the_bodys_media_type() -> None:
    # TOAST-Cloud en/public-api/user-access-key-token.md: ``Category | Name | Type | Required | Value | Description``
    # with ``Header | Content-Type | String | Yes | application/x-www-form-urlencoded``: the Value cell went to the
    # description as "Value: application/x-www-form-urlencoded", which no longer read as one media type, so the
    # token endpoints' form bodies were sent as JSON
    _, spec = _read("oauth-value-column-form-body.md")
    body = spec["paths"]["/oauth2/token/revoke"]["post"]["requestBody"]
    assert list(body["content"]) == ["application/x-www-form-urlencoded"]
    assert body["content"]["application/x-www-form-urlencoded"]["schema"]["required"] == ["token"]


def test_an_authorization_header_written_basic_is_http_basic() -> None:
    # TOAST-Cloud en/public-api/user-access-key-token.md: ``Header | Authorization | String | Yes | Basic
    # Base64(UserAccessKeyID:SecretAccessKey)``: read as an API key sent verbatim, so a client had to Base64-encode
    # the pair and write "Basic " itself; it is HTTP basic authentication, which clients take as a user and password
    service, spec = _read("oauth-basic-authorization-row.md")
    assert spec["components"]["securitySchemes"] == {
        "basicAuth": {
            "type": "http",
            "scheme": "basic",
            "description": "HTTP basic authentication, as the guide documents the Authorization header"
            " ('Basic Base64(UserAccessKeyID:SecretAccessKey)').",
        }
    }
    assert spec["security"] == [{"basicAuth": []}]
    assert any(f.kind == "auth-header" and "HTTP basic" in f.message for f in service.findings)


def test_an_english_default_written_without_a_colon_is_the_default() -> None:
    # TOAST-Cloud en/public-api/framework-api.md: ``limit | Integer | No | Number of displays per page, default 20``
    # (13 rows) and ``Items per page<br>Default 20``: the ko guide's ``기본값 20`` was read as the default, the en
    # guide's "default 20" was not (only "default: 20" and "default is 20" were)
    _, spec = _read("framework-default-without-colon.md")
    parameters = {p["name"]: p["schema"] for p in spec["paths"]["/v1/widgets"]["get"]["parameters"]}
    assert parameters["limit"].get("default") == 20
    assert parameters["page"].get("default") == 1
    assert "default" not in parameters["order"]  # words, not a value


def test_a_row_named_by_a_type_word_documents_the_one_key_the_example_adds() -> None:
    # TOAST-Cloud en/public-api/framework-api.md (the ko guide has ``status``, ``enable``, ``type``): the English
    # translation wrote ``String | String | No | Account's status`` (11 rows): a field named "String" beside the
    # example's undocumented "status". Where the example has exactly one key no row documents and its value has the
    # row's type, the row documents it; two type-word rows and two keys stay as written
    service, spec = _read("framework-type-word-as-field-name.md")
    member = _response(spec, "/v1/members/{member-uuid}", "get")["properties"]["member"]
    assert sorted(member["properties"]) == ["memberName", "mfa", "status"]
    assert member["properties"]["status"]["description"] == "Account's status"
    assert "x-inferred" not in member["properties"]["status"]
    mfa = member["properties"]["mfa"]
    assert sorted(mfa["properties"]) == ["Integer", "String", "enable", "type"]  # ambiguous: kept, told
    told = [f for f in service.findings if f.kind == "table-example-conflict" and "type word" in f.message]
    assert [f.line for f in told] == [30]


def test_a_required_body_row_read_as_its_model_keeps_the_body_required() -> None:
    # TOAST-Cloud framework-api.md: ``Request Body | request | SearchOrgMembersRequest | Yes`` over a model whose
    # fields are all optional: the row's Yes was lost with the row (its fields replace it), so the body was optional
    # and a client could send the POST with no body at all
    _, spec = _read("framework-required-body-model.md")
    body = spec["paths"]["/v1/widgets/search"]["post"]["requestBody"]
    assert body["required"] is True
    assert sorted(body["content"]["application/json"]["schema"]["properties"]) == ["limit", "names"]


def test_a_row_one_cell_short_is_read_with_the_cell_it_leaves_out() -> None:
    # TOAST-Cloud en/public-api/partner-api.md: the request body table ``Name | Category | Type | Required |
    # Description`` with the row ``orgName | String | Y | Organization name``: the Category cell left out, padded at
    # the end, so the type was "Y" (any value) and the required mark lost: an optional body of one untyped field
    service, spec = _read("partner-row-without-category-cell.md")
    body = spec["paths"]["/v1/partners/{partnerId}/organizations"]["post"]["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    assert schema["properties"]["orgName"]["type"] == "string"
    assert schema["properties"]["orgName"]["description"] == "Organization name (up to 120 characters)"
    assert schema["required"] == ["orgName"]
    assert body["required"] is True
    assert any(f.kind == "row-repair" and "'Category'" in f.message and f.line == 29 for f in service.findings)


def test_the_operation_that_issues_the_token_does_not_require_it() -> None:
    # TOAST-Cloud en/public-api/iaas-token.md (``POST /v2.0/tokens``) and user-access-key-token.md (``POST
    # /oauth2/token/create``): the guide's other calls, or its "Use the token" section, send X-Auth-Token /
    # X-NHN-Authorization, so the whole document required the token, the token endpoint included: a client could
    # not ask for a token without already having one
    service, spec = _read("iaas-token-endpoint-security.md")
    assert spec["security"] == [{"keystoneToken": []}]
    assert spec["paths"]["/v2.0/tokens"]["post"]["security"] == []
    assert "security" not in spec["paths"]["/v2.0/tenants"]["get"]
    assert any(f.kind == "token-endpoint" and f.line == 3 for f in service.findings)
