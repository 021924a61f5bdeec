"""A document server that is no http(s) URL (``wss://``) is not the client's default: an HTTP client cannot call it.

Qovery's WebSocket gateway (Qovery/qovery-openapi-spec ``websocket/websocket-openapi.yaml`` at ``651aed5``)
documents ``servers: [{url: wss://ws.qovery.com}]``. The package took it as its default base URL without a word, so
every call raised httpx's ``UnsupportedProtocol`` at run time. Operation-level servers of another scheme were
already ignored with a warning; the document's own servers now are too: the first http(s) (or relative) one is the
default, and when there is none the client asks for ``base_url=``, as for a document with no server.
"""

from __future__ import annotations

from typing import Any

from scraper.clients import ir


def _doc(*urls: str) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Gateway", "version": "1"},
        "servers": [{"url": url} for url in urls],
        "paths": {"/logs": {"get": {"operationId": "getLogs", "responses": {"204": {"description": "none"}}}}},
    }


def test_a_websocket_server_is_no_default_base_url() -> None:
    version = ir.build_package([_doc("wss://ws.gateway.test")], source_names=["gw.yaml"]).versions[0]
    assert version.server is None
    assert [w for w in version.warnings if "/servers/0/url" in w] == [
        "/servers/0/url: 'wss://ws.gateway.test' is not an http(s) URL, which this HTTP client cannot call; not the"
        " client's default (pass base_url=)"
    ]


def test_the_first_http_server_is_the_default() -> None:
    built = ir.build_package([_doc("wss://ws.gateway.test", "https://api.gateway.test")], source_names=["gw.yaml"])
    version = built.versions[0]
    assert version.server is not None and version.server.template == "https://api.gateway.test"
    assert any("'wss://ws.gateway.test' is not an http(s) URL" in w for w in version.warnings)
    relative = ir.build_package([_doc("/api/v1")], source_names=["gw.yaml"]).versions[0]
    assert relative.server is not None and relative.server.template == "/api/v1"
    assert not [w for w in relative.warnings if "http(s)" in w]
    hosted = ir.build_package([_doc("localhost:8080/api")], source_names=["gw.yaml"]).versions[0]
    assert hosted.server is not None and not [w for w in hosted.warnings if "http(s)" in w]


def test_a_loopback_server_listed_first_gives_way_to_the_api_s_own() -> None:
    """1Claw's spec (1clawAI/1claw-openapi-spec ``openapi.yaml`` at ``5c3bdbc``) lists ``http://localhost:8443``
    ("Development") before ``https://api.1claw.xyz`` ("Production"): the client's default was the writer's own
    machine, over plain http, bearer token included. The first server that is not a loopback host is the default
    now, with a warning; a document whose servers are all loopback keeps its first."""
    docs = [_doc("http://localhost:8443", "https://api.gateway.test"), _doc("http://127.0.0.1:3000/v1")]
    mixed, local = (ir.build_package([doc], source_names=["gw.yaml"]).versions[0] for doc in docs)
    assert mixed.server is not None and mixed.server.template == "https://api.gateway.test"
    assert [w for w in mixed.warnings if "loopback" in w] == [
        "/servers/0/url: 'http://localhost:8443' is a loopback address (the writer's own machine); the client's"
        " default is /servers/1, 'https://api.gateway.test' (pass base_url= for the other)"
    ]
    assert local.server is not None and local.server.template == "http://127.0.0.1:3000/v1"
    assert not [w for w in local.warnings if "loopback" in w]
