"""Guides of round 11b (``tests/fixtures/nhn/unseen/README.md``, the rows naming this file).

Shapes of NHN guides no earlier round read (TOAST-Cloud's public-api guides, CS & BBS), each on a short synthetic
mirror.
"""

from __future__ import annotations

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
