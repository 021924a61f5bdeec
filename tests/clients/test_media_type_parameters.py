"""Request body media types that carry parameters (``multipart/form-data; boundary=...``,
``application/x-www-form-urlencoded; charset=...``, ``text/plain; charset=...``), through real requests.

A boundary written in a spec is never sent: httpx makes each request's boundary, and the Content-Type names it. A
``charset`` is honoured where the body is text the runtime encodes (a form's percent-encoded bytes, a text body):
the bytes are in that charset and the Content-Type says so, so the two never disagree (``text/plain;
charset=ISO-8859-1`` went out with UTF-8 bytes; a form's charset was dropped while its bytes stayed UTF-8).
Fixture: ``tests/fixtures/openapi/media_parameters`` (its README says where each shape was seen).
"""

from __future__ import annotations

import email.parser
import email.policy
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest
import yaml

from scraper.atomic import write_tree
from scraper.clients import ir
from scraper.clients.package import render_package
from tests import paths
from tests.clients.package_import import imported

SPEC = paths.FIXTURES / "openapi" / "media_parameters" / "1.0.yaml"


def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("media-parameters") / "media-parameters"
    write_tree(root, render_package([spec()], source_names=["media_parameters/1.0.yaml"]))
    with imported(root, "media_parameters.v1_0_0") as module:
        yield module


def _sent(api: ModuleType, invoke: Any) -> httpx.Request:
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(204)

    with api.Client(base_url="https://media.test", transport=httpx.MockTransport(handler)) as client:
        invoke(client)
    [request] = requests
    return request


def test_a_documented_boundary_is_never_sent(api: ModuleType) -> None:
    request = _sent(api, lambda c: c.upload_asset(body={"label": "é", "asset": b"\x89PNG"}))
    content_type = request.headers["Content-Type"]
    assert content_type.startswith("multipart/form-data; boundary=") and "spec-boundary" not in content_type
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + request.content
    )
    parts = {part.get_param("name", header="content-disposition"): part for part in message.iter_parts()}
    assert parts["label"].get_payload(decode=True) == "é".encode() and parts["asset"].get_payload(decode=True) == (
        b"\x89PNG"
    )


def test_a_form_charset_is_honoured_in_the_bytes_and_named_in_the_header(api: ModuleType) -> None:
    utf8 = _sent(api, lambda c: c.sign_in(body={"login": "é"}))
    assert utf8.headers["Content-Type"] == "application/x-www-form-urlencoded; charset=utf-8"
    assert utf8.content == b"login=%C3%A9"
    latin = _sent(
        api,
        lambda c: c.sign_in_legacy(
            body={"login": "é"}, content_type="application/x-www-form-urlencoded; charset=ISO-8859-1"
        ),
    )
    assert latin.headers["Content-Type"] == "application/x-www-form-urlencoded; charset=ISO-8859-1"
    assert latin.content == b"login=%E9"
    plain = _sent(api, lambda c: c.sign_in_legacy(body={"login": "é"}))
    assert plain.headers["Content-Type"] == "application/x-www-form-urlencoded" and plain.content == b"login=%C3%A9"


def test_a_value_the_documented_charset_cannot_carry_is_refused_before_sending(api: ModuleType) -> None:
    choice = "application/x-www-form-urlencoded; charset=ISO-8859-1"
    with pytest.raises(ValueError, match=r"form field 'login'.*ISO-8859-1"):
        _sent(api, lambda c: c.sign_in_legacy(body={"login": "한"}, content_type=choice))


def test_a_text_body_is_encoded_in_its_documented_charset(api: ModuleType) -> None:
    request = _sent(api, lambda c: c.add_note(body="café"))
    assert request.headers["Content-Type"] == "text/plain; charset=ISO-8859-1"
    assert request.content == "café".encode("latin-1")
    raw = _sent(api, lambda c: c.add_note(body=b"caf\xe9"))  # bytes are the caller's, sent as they are
    assert raw.content == b"caf\xe9"


def test_a_multipart_type_that_differs_only_by_its_boundary_is_no_second_choice() -> None:
    version = ir.build_package([spec()]).versions[0]
    attach = next(op for op in version.operations if op.method_name == "attach")
    assert attach.body is not None and attach.body.media_types == ["multipart/form-data"]
    assert any("boundary" in w and "attachments" in w for w in version.warnings), version.warnings
