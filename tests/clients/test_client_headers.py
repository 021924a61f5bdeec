"""A header every operation requires, with one schema and no security scheme, is set once on the client.

Listen Notes documents its API key as a required ``X-ListenAPI-Key`` header parameter of every operation (round 11's
open 3); every generated method then took ``x_listen_api_key=``, as openapi-python-client's does. Stainless' and
the vendors' SDKs take such a credential once, on the client. Now the constructor takes it (optional) and every
method keeps the keyword as an optional override, so a call written for the old signature still works; the package
README says the header was inferred client-wide. Checked against a server on 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml

from scraper.clients import ir
from scraper.clients.package import render_package
from tests import paths
from tests.clients.local_json_server import QuietHandler, send_json, serving
from tests.clients.package_import import imported, run_package_mypy, write_package

SPEC = paths.FIXTURES / "openapi" / "client_headers" / "podcasts.yaml"


def _doc() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return doc


def test_the_ir_lifts_a_header_every_operation_requires() -> None:
    version = ir.build_package([_doc()], source_names=["podcasts.yaml"]).versions[0]
    assert [(p.wire_name, p.client_default) for p in version.client_headers] == [("X-Podcast-Key", "x_podcast_key")]
    ops = {op.method_name: op for op in version.operations}
    for op in ops.values():
        keywords = {a.name: a for a in op.keywords}
        assert (keywords["x_podcast_key"].annotation, keywords["x_podcast_key"].default) == ("str | None", "None")
    assert "x_trace" in {a.name for a in ops["search"].keywords}
    assert [p.wire_name for p in version.client_headers] == ["X-Podcast-Key"]  # X-Trace: one operation, optional


@pytest.mark.parametrize(
    "change",
    [
        "one operation does not send it",
        "one operation has it optional",
        "another schema",
        "a security scheme covers it",
        "one operation only",
    ],
)
def test_what_is_not_client_wide_stays_each_methods_own(change: str) -> None:
    doc = _doc()
    search = doc["paths"]["/search"]["get"]
    if change == "one operation does not send it":
        search["parameters"] = search["parameters"][:1]
    elif change == "one operation has it optional":
        search["parameters"][1]["required"] = False
    elif change == "another schema":
        search["parameters"][1]["schema"] = {"type": "integer"}
    elif change == "a security scheme covers it":
        doc["components"]["securitySchemes"] = {"key": {"type": "apiKey", "in": "header", "name": "X-Podcast-Key"}}
    else:
        del doc["paths"]["/search"]
    version = ir.build_package([doc], source_names=["podcasts.yaml"]).versions[0]
    assert version.client_headers == []


class _Handler(QuietHandler):
    seen: ClassVar[list[str | None]] = []

    def do_GET(self) -> None:
        type(self).seen.append(self.headers.get("X-Podcast-Key"))
        send_json(self, {"id": "e1"} if self.path.startswith("/episodes") else [{"id": "e1"}])


@pytest.fixture
def server() -> Iterator[str]:
    with serving(_Handler) as url:
        yield url


def test_set_once_on_the_client_overridden_per_call(tmp_path: Path, server: str) -> None:
    files = render_package([_doc()], package_name="podcasts")
    readme = files["README.md"].decode()
    assert "X-Podcast-Key" in readme and "x_podcast_key=" in readme and "inferred" in readme
    out = write_package(files, tmp_path / "out")
    _Handler.seen = []
    with imported(out, "podcasts.v2_0") as module:
        with module.Client(base_url=server, x_podcast_key="k-client") as client:
            assert client.get_episode("e1").id == "e1"
            client.search(q="cats", x_podcast_key="k-call")
        with module.Client(base_url=server) as bare:  # the old way: every call passes it
            bare.get_episode("e1", x_podcast_key="k-old")
    assert _Handler.seen == ["k-client", "k-call", "k-old"]
    mypy = run_package_mypy(out, "podcasts", cache=tmp_path / ".mypy")
    assert mypy.returncode == 0, mypy.stdout
