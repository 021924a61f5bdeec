"""Request headers an NHN guide writes outside every parameters table (``tests/fixtures/nhn/unseen/README.md``,
``headers-outside-tables.md``): header lines under the request line (Flowline ``X-NHN-APPKEY: {appkey}``, NKS
``OpenStack-API-Version: container-infra latest``) and code blocks under a header label (File Crafter ``- [Header]``
over ``{"x-tc-app-key": "String", ...}``, RCS ``[Header]`` over ``"X-TC-APP-KEY" : String``). Each was lost: only
the credentials among them were read (as security schemes). Now each is a required string header parameter, in
every rendering of the guide, and the credentials stay security schemes.
"""

from __future__ import annotations

from typing import Any

import pytest

from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.model import Service
from scraper.readers import read_page
from tests.dialects.html_rendering import site_page
from tests.dialects.test_nhn_unseen import UNSEEN
from tests.dialects.text_rendering import cell_line_rendering, pipe_rendering, text_rendering

MARKDOWN = (UNSEEN / "headers-outside-tables.md").read_text(encoding="utf-8")


def _service(text: str, format: str) -> Service:
    services = NhnDialect().read(read_page(text, page="g", format=format, provider="nhn"), PageInfo("g"))
    assert len(services) == 1
    return services[0]


def _headers(service: Service) -> dict[tuple[str, str], list[tuple[Any, ...]]]:
    """Per operation, its header parameters: name, required, schema type, example."""
    return {
        (op.method, op.path): sorted(
            (p.name, p.required, p.schema.get("type"), p.example)
            for v in op.versions.values()
            for p in v.parameters
            if p.location == "header"
        )
        for op in service.operations
    }


def _credentials(service: Service) -> list[str]:
    schemes = service.components_extra.get("securitySchemes", {})
    return sorted(scheme.get("name", "") for scheme in schemes.values())


def test_header_lines_and_header_blocks_are_header_parameters() -> None:
    service = _service(MARKDOWN, "markdown")
    assert _headers(service) == {
        # a JSON header block under "- [Header]": the value is a type word, no example
        ("POST", "/file-crafter/v2.0/export/files"): [("x-tc-app-key", True, "string", None)],
        # header entries without braces under "[Header]"
        ("GET", "/rcs/v1.0/messages/sms"): [("X-TC-APP-KEY", True, "string", None)],
        # a header line under the request line with a value: its example; Accept / Content-Type say the media types
        ("GET", "/v1/addon_types"): [("OpenStack-API-Version", True, "string", "container-infra latest")],
        # a placeholder value is no example
        ("POST", "/api/anchor/v1.0/flows/{flow-name}/run"): [("X-NHN-APPKEY", True, "string", None)],
    }
    # the credentials among them stay security schemes, never parameters
    assert [c.lower() for c in _credentials(service)] == ["x-auth-token", "x-secret-key"]
    kinds = [f.kind for f in service.findings if f.kind == "header-outside-table"]
    assert len(kinds) == 4


@pytest.mark.parametrize(
    ("rendering", "format"),
    [
        (lambda md: site_page(md, "markdown-it"), "html"),
        (lambda md: site_page(md, "github"), "html"),
        (lambda md: site_page(md, "docusaurus"), "html"),
        (text_rendering, "text"),
        # the pipe rendering drops the "- [Header]" label: the object of header names alone is still the headers,
        # not the request body (it was: x-tc-app-key and x-secret-key body fields, and no credential)
        (pipe_rendering, "text"),
        (cell_line_rendering, "text"),
    ],
    ids=["markdown-it", "github", "docusaurus", "text", "pipe", "cell-lines"],
)
def test_every_rendering_reads_the_same_headers(rendering: Any, format: str) -> None:
    expected = _service(MARKDOWN, "markdown")
    got = _service(rendering(MARKDOWN), format)
    assert _headers(got) == _headers(expected)
    assert all(_headers(got).values())
    assert _credentials(got) == _credentials(expected)
    bodies = [v.request_body for op in got.operations for v in op.versions.values() if v.request_body is not None]
    assert bodies == []


def test_a_call_example_under_a_header_label_gives_no_headers_of_its_body() -> None:
    # Shape (Gamebase's pipe rendering, headings dropped): a header label over a whole call example, a request line
    # then a JSON body: the block is no header block, so its body's members are no headers (the header line under
    # the call's request line is one)
    page = (
        "### Send\n\n```\nPOST /v1.0/messages\n```\n\n[Request Header]\n\n"
        '```\nPOST https://api.example.com/v1.0/messages\nX-Trace-Id: 88a1ae42\n\n{\n"target" : "UID",\n'
        '"content" : {\n"title": "title"\n}\n}\n```\n'
    )
    expected = [("X-Trace-Id", True, "string", "88a1ae42")]
    assert _headers(_service(page, "markdown")) == {("POST", "/v1.0/messages"): expected}
