"""Which schemes of one security requirement set the same place (``credential_clashes``): header names compare as
HTTP compares them (case-insensitively), query parameter and cookie names exactly; a scheme the client's keywords do
not send never clashes."""

from __future__ import annotations

from scraper.clients.credential_clashes import clash_warnings, credential_target


def _targets(**schemes: tuple[str, str | None]) -> dict[str, tuple[str, str]]:
    found = {name: credential_target(kind, key) for name, (kind, key) in schemes.items()}
    return {name: target for name, target in found.items() if target is not None}


def test_basic_and_bearer_clash_and_so_do_header_keys_of_one_name_in_any_case() -> None:
    targets = _targets(basic=("basic", None), bearer=("bearer", None), a=("header", "X-Key"), b=("header", "x-key"))
    warnings = clash_warnings("s: /security", [["basic", "bearer"], ["a", "b"], ["basic", "a"]], targets)
    assert [w.split(": ")[1] for w in warnings] == ["/security/0", "/security/1"]
    assert "'a' and 'b' both set the X-Key header" in warnings[1]


def test_query_and_cookie_names_compare_exactly_and_across_places_never() -> None:
    targets = _targets(q1=("query", "key"), q2=("query", "Key"), c=("cookie", "key"), h=("header", "key"))
    assert clash_warnings("s: /security", [["q1", "q2", "c", "h"]], targets) == []
    assert len(clash_warnings("s: /security", [["q1", "q1x"], ["q1", "q1"]], {**targets, "q1x": targets["q1"]})) == 2


def test_a_scheme_no_keyword_sends_has_no_target() -> None:
    assert credential_target("scp", None) is None and credential_target(None, "X") is None
    assert credential_target("header", None) is None
