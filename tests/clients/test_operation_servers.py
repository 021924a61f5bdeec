"""Operations and path items with ``servers`` of their own (Box's upload host, DigitalOcean's inference hosts).

The generated method used to send such a request to the client's base URL (a wrong host: the call failed for every
user) with a generation warning. Now the IR carries the operation's server (its own first, else its path item's,
variables with their defaults), the client sends there unless ``server_overrides=`` names the operation or the
client was given a ``base_url`` that is no documented server (a proxy, a mock), and the README names the host.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from scraper.clients import ir
from scraper.clients.package import render_package
from tests import paths
from tests.clients.package_import import imported, run_package_mypy, run_package_tests, write_package

SPEC = paths.FIXTURES / "openapi" / "robust" / "servers-of-operations.yaml"
MODULE = "hosted_files.v2_0"


def _doc() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return doc


def _written(tmp_path: Path) -> Path:
    return write_package(render_package([_doc()], package_name="hosted-files"), tmp_path / "out")


def test_the_ir_carries_each_operations_own_server_and_warns_only_about_what_is_not_honoured() -> None:
    version = ir.build_package([_doc()], source_names=["s.yaml"]).versions[0]
    servers = {op.method_name: op.server for op in version.operations}
    assert servers["get_file"] is None and servers["get_status"] is None  # the document's own server
    upload, zone, agent = servers["create_upload"], servers["list_uploads"], servers["chat_with_agent"]
    assert upload is not None and upload.template == "https://upload.files.example/v2"  # the path item's
    assert zone is not None and (zone.variables, zone.defaults) == ({"zone": ["a", "b"]}, {"zone": "b"})
    assert zone.default_url == "https://b.uploads.files.example/v2"
    assert agent is not None and agent.defaults == {} and agent.default_url is None  # a placeholder default
    assert [w.split(": ", 2)[0].split(" ")[-1] for w in version.warnings] == [
        "/paths/~1agents~1{agent_id}~1chat/post/servers",
        "/paths/~1agents~1{agent_id}~1chat/post/servers/0/variables/agent_host/default",
    ]
    assert "documents 2 servers; the client sends to the first" in version.warnings[0]
    assert not any("base URL like every operation" in w for w in version.warnings)


def test_the_generated_client_sends_each_operation_to_its_server(tmp_path: Path) -> None:
    out = _written(tmp_path)
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        body: Any = (
            [] if request.url.path.endswith("/uploads") and request.method == "GET" else {"id": "f", "name": "n"}
        )
        return httpx.Response(
            204 if "chat" in request.url.path else 200, json=None if "chat" in request.url.path else body
        )

    with imported(out, MODULE) as module:
        models = module.models
        with module.Client(transport=httpx.MockTransport(record), region="us", bearer="t") as client:
            client.get_file("f1")
            client.create_upload(body=models.File(id="f2", name="x"))
            client.list_uploads(limit=2)
            with pytest.raises(ValueError, match=r"agent_host.*server_overrides=\{'chat_with_agent'"):
                client.chat_with_agent("a1")
        overrides = {
            "chat_with_agent": "https://mine.agents.example",
            "list_uploads": "https://a.uploads.files.example/v2",
        }
        with module.Client(transport=httpx.MockTransport(record), server_overrides=overrides, bearer="t") as client:
            client.chat_with_agent("a1")
            client.list_uploads()
        with module.Client(
            base_url="http://127.0.0.1:9/mock", transport=httpx.MockTransport(record), bearer="t"
        ) as client:
            client.create_upload(body=models.File(id="f2", name="x"))  # a mock or proxy takes every request
        with pytest.raises(ValueError, match="which has no server of its own"):
            module.Client(server_overrides={"get_file": "https://x.example"})
    assert [str(r.url) for r in seen] == [
        "https://api.us.files.example/v2/files/f1",
        "https://upload.files.example/v2/uploads",
        "https://b.uploads.files.example/v2/uploads?limit=2",
        "https://mine.agents.example/agents/a1/chat",
        "https://a.uploads.files.example/v2/uploads",
        "http://127.0.0.1:9/mock/uploads",
    ]
    readme = (out / "README.md").read_text(encoding="utf-8")
    assert "| `create_upload` | `https://upload.files.example/v2` |" in readme
    assert "`POST /uploads` on `https://upload.files.example/v2`" in readme


def test_the_package_passes_its_contract_tests_and_mypy_strict(tmp_path: Path) -> None:
    out = _written(tmp_path)
    result = run_package_tests(out)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "failed" not in result.stdout and " passed" in result.stdout
    mypy = run_package_mypy(out, str(out / "hosted_files"), cache=tmp_path / ".mypy-cache")
    assert mypy.returncode == 0, mypy.stdout[-3000:] + mypy.stderr
