"""OpenAPI 3.1's ``mutualTLS`` security scheme: a TLS client certificate, which the HTTP client presents.

Round 14's probe of 3.1-only features: the package README told users of such a scheme to "pass your own httpx.Auth"
(no ``httpx.Auth`` can present a certificate: TLS is the HTTP client's); it now says what the scheme is and shows
``http_client=httpx.Client(cert=...)``, and a call is sent without any ``auth=`` (the certificate is not the
client's to check). The document is written for the test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from scraper.clients.package import render_package
from tests.clients.package_import import imported, write_package

DOC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Tls", "version": "1.0"},
    "servers": [{"url": "https://api.example.com"}],
    "components": {"securitySchemes": {"clientCert": {"type": "mutualTLS"}}},
    "security": [{"clientCert": []}],
    "paths": {"/ping": {"get": {"operationId": "ping", "responses": {"204": {"description": "fine"}}}}},
}


def test_the_readme_says_the_http_client_presents_the_certificate_and_calls_go_out(tmp_path: Path) -> None:
    root = write_package(render_package([DOC], package_name="tls"), tmp_path / "tls")
    readme = (root / "README.md").read_text(encoding="utf-8")
    [row] = [line for line in readme.splitlines() if line.startswith("| `clientCert` |")]
    assert "mutual TLS" in row and "`http_client=httpx.Client(cert=(certificate_file, key_file))`" in row, row
    assert "httpx.Auth" not in row
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    with imported(root, "tls.v1_0") as api, api.Client(transport=httpx.MockTransport(handler)) as client:
        client.ping()
    assert [str(r.url) for r in seen] == ["https://api.example.com/ping"]
