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
