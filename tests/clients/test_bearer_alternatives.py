"""Several bearer-token schemes in one Security Requirement Object (``bearer_alternatives``).

Google's discovery-converted documents name two OAuth 2.0 schemes, one per flow of the same authorization server,
together in every operation's requirement (``{Oauth2: [scope], Oauth2c: [scope]}``). Both send an access token as
``Authorization: Bearer``, which one request carries once: the requirement can only be met by one token, so it is
read as either scheme's token, with one warning per document. Before, the client refused every such call with
``MissingCredentialsError`` (credentials for both were required, and then they clashed), and every contract test of
the operation failed (all six Google documents of round 12's sample).
"""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType

import httpx
import pytest
import yaml

from scraper.atomic import write_tree
from scraper.clients import ir
from scraper.clients.bearer_alternatives import one_bearer_token
from scraper.clients.package import render_package
from tests.clients.package_import import imported
from tests.paths import FIXTURES

SPEC = FIXTURES / "openapi" / "robust" / "zz-one-token-two-oauth2-schemes.yaml"


def test_an_alternative_naming_several_bearer_schemes_becomes_one_alternative_per_token() -> None:
    bearer = {"a", "b", "c"}
    assert one_bearer_token([["a", "b"]], bearer) == [["a"], ["b"]]
    assert one_bearer_token([["a", "key", "b"], ["c"]], bearer) == [["a", "key"], ["key", "b"], ["c"]]
    assert one_bearer_token([["a", "b"], ["b"]], bearer) == [["a"], ["b"]]  # no alternative twice
    assert one_bearer_token([["a", "basic"], []], bearer) == [["a", "basic"], []]  # one token: unchanged
    assert one_bearer_token([["a", "a"]], bearer) == [["a", "a"]]


def _doc() -> dict[str, object]:
    loaded = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_operations_take_either_token_and_one_warning_says_so() -> None:
    package = ir.build_package([_doc()], source_names=[str(SPEC)])
    [version] = package.versions
    by_name = {op.method_name: op for op in version.operations}
    assert by_name["things_get"].requirements == [["ImplicitFlow"], ["CodeFlow"]]
    assert by_name["things_delete"].requirements == [["ImplicitFlow", "Key"], ["CodeFlow", "Key"]]
    said = [w for w in version.warnings if "bearer token" in w]
    assert len(said) == 1, version.warnings
    assert "/paths/~1things~1{thing}/get/security/0" in said[0] and "2 requirements" in said[0]
    assert not any("MissingCredentialsError" in w for w in version.warnings), version.warnings


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("pair") / "token-pair"
    write_tree(root, render_package([_doc()], package_name="token-pair"))
    with imported(root, "token_pair.v1") as module:
        yield module


def _sent(api: ModuleType, **credentials: str) -> httpx.Request:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"name": "x"})

    with api.Client(transport=httpx.MockTransport(handler), **credentials) as client:
        client.things_get(thing="t")
    [request] = seen
    return request


@pytest.mark.parametrize(
    ("given", "sent"),
    [({"implicit_flow": "i"}, "i"), ({"code_flow": "c"}, "c"), ({"implicit_flow": "i", "code_flow": "c"}, "i")],
)
def test_the_call_sends_the_one_token_the_client_has(api: ModuleType, given: dict[str, str], sent: str) -> None:
    assert _sent(api, **given).headers["Authorization"] == f"Bearer {sent}"


def test_docstrings_name_either_scheme_where_the_operation_differs_from_the_document(api: ModuleType) -> None:
    assert "Authentication" not in (api.Client.things_get.__doc__ or "")  # now the document's own alternatives
    doc = " ".join((api.Client.things_delete.__doc__ or "").split())
    assert "Authentication: ``ImplicitFlow`` and ``Key``, or ``CodeFlow`` and ``Key``" in doc, doc
