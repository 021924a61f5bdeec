"""An operation answering typed JSON or a stream (server-sent events, JSON lines) gets both: ``<name>`` returns the
parsed JSON as before, ``<name>_stream`` asks for the stream and returns it as it arrives.

OpenAI's ``createChatCompletion`` and ``createResponse``, Mistral's chat and FIM completions, Together's
completions and Letta's ``send_message`` document ``application/json`` (a schema) beside ``text/event-stream`` on
one 200 response, the stream chosen by a ``stream`` (Letta: ``streaming``) flag in the body; the client offered the
JSON method only (round 8's open 3, round 11's open 2), so the stream could not be read as it came. As Stainless'
``stream=True`` overloads and the vendors' own SDKs' ``*_stream`` methods do, the stream now has a method: the same
arguments, ``Accept`` naming the stream, the body's flag set to true, and a ``Stream`` (``AsyncStream``) back.
Checked against a server on 127.0.0.1 that answers by the ``Accept`` header and the flag, and holds the second item
back until the client has taken the first.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
import yaml

from scraper.clients import ir
from scraper.clients.package import render_package
from tests import paths
from tests.clients.held_stream_server import HeldStreamServer, StreamHandler
from tests.clients.package_import import imported, run_package_mypy, write_package

SPEC = paths.FIXTURES / "openapi" / "streams" / "streamed-responses.yaml"
MODULE = "chat_s.v1_0"


def _doc() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return doc


def _files() -> dict[str, bytes]:
    return render_package([_doc()], package_name="chat-s")


class _Server(HeldStreamServer):
    """Answers ``/complete`` with events when asked for them (``Accept``) with ``stream: true`` in the body, else
    JSON; ``/watch`` with JSON lines when asked, else JSON. A stream's second item waits until the test has taken the
    first; ``requests`` holds each request's ``Accept`` and JSON body."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, Any]] = []
        super().__init__(_Handler)


class _Handler(StreamHandler):
    held: ClassVar[_Server]  # type: ignore[misc]

    def _streamed(self, media_type: str, first: bytes, rest: bytes) -> None:
        self.start_chunked(media_type)
        self.chunk(first)
        self.hold()
        self.chunk(rest)
        self.chunk(b"")

    def _json(self, value: Any) -> None:
        body = json.dumps(value).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        sent = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"null")
        accept = self.headers.get("Accept", "")
        self.held.requests.append((accept, sent))
        if "text/event-stream" in accept and sent.get("stream") is True:
            self._streamed("text/event-stream", b'data: {"text": "Hel"}\n\n', b'data: {"text": "lo"}\n\n')
        else:
            self._json({"text": "Hello"})

    def do_GET(self) -> None:
        accept = self.headers.get("Accept", "")
        self.held.requests.append((accept, None))
        if "application/x-ndjson" in accept:
            self._streamed("application/x-ndjson", b'{"text": "a"}\n', b'{"text": "b"}\n')
        else:
            self._json({"text": "ab"})


@pytest.fixture
def server() -> Iterator[_Server]:
    running = _Server()
    try:
        yield running
    finally:
        running.close()


def test_the_ir_keeps_the_json_method_and_adds_its_stream() -> None:
    package = ir.build_package([_doc()], source_names=["s.yaml"])
    ops = {op.method_name: op for op in package.versions[0].operations}
    json_op, stream_op = ops["complete"], ops["complete_stream"]
    assert (json_op.returns, json_op.accept) == ("_models.Completion", "application/json, application/problem+json")
    assert (stream_op.returns_in(False), stream_op.returns_in(True)) == (
        "_rt.Stream[_rt.ServerSentEvent]",
        "_rt.AsyncStream[_rt.ServerSentEvent]",
    )
    assert stream_op.accept == "text/event-stream, application/problem+json"
    assert (stream_op.stream_of, stream_op.stream_flag, json_op.stream_twin) == (
        "complete",
        "stream",
        "complete_stream",
    )
    assert [a.name for a in stream_op.positional + stream_op.keywords] == [
        a.name for a in json_op.positional + json_op.keywords
    ]
    assert (ops["watch_stream"].response_kind, ops["watch_stream"].stream_flag) == ("lines", None)
    assert ops["both_stream"].accept == "text/event-stream"
    assert "stream_chat_stream" not in ops and "tail_logs_stream" not in ops  # a stream alone is its own method


def test_mypy_strict_accepts_both_methods_and_the_docs_say_which_is_which(tmp_path: Path) -> None:
    files = _files()
    out = write_package(files, tmp_path / "out")
    mypy = run_package_mypy(out, "chat_s", cache=tmp_path / ".mypy")
    assert mypy.returncode == 0, mypy.stdout
    client = files["chat_s/v1_0/client.py"].decode()
    assert "``complete_stream`` reads the same response as server-sent events" in " ".join(client.split())
    assert (
        "The streamed form of ``complete``: asks for ``text/event-stream`` and sends ``stream`` as true in the body"
        in " ".join(client.split())
    )
    readme = " ".join(files["README.md"].decode().split())
    assert "| `complete` | `complete_stream` | server-sent events | `stream` set to true |" in readme
    assert "| `watch` | `watch_stream` | JSON lines | - |" in readme


def test_the_sync_client_reads_json_from_one_method_and_events_as_they_arrive_from_the_other(
    tmp_path: Path, server: _Server
) -> None:
    with (
        imported(write_package(_files(), tmp_path / "out"), MODULE) as module,
        module.Client(base_url=server.url) as client,
    ):
        whole = client.complete(body=module.models.CompletionRequest(prompt="hi"))
        texts = []
        with client.complete_stream(body=module.models.CompletionRequest(prompt="hi", stream=False)) as stream:
            for event in stream:
                texts.append(event.json()["text"])
                server.first_taken.set()
    assert whole.text == "Hello"
    assert texts == ["Hel", "lo"] and server.took_first_early is True
    assert server.requests == [
        ("application/json, application/problem+json", {"prompt": "hi"}),
        ("text/event-stream, application/problem+json", {"prompt": "hi", "stream": True}),
    ]


def test_the_async_client_streams_json_lines_and_events(tmp_path: Path, server: _Server) -> None:
    async def read(module: Any) -> tuple[Any, list[Any], list[str]]:
        async with module.AsyncClient(base_url=server.url) as client:
            whole = await client.watch()
            values = []
            async with await client.watch_stream() as lines:
                async for value in lines:
                    values.append(value)
                    server.first_taken.set()
            async with await client.complete_stream(body=module.models.CompletionRequest(prompt="hi")) as events:
                texts = [event.json()["text"] async for event in events]
        return whole, values, texts

    with imported(write_package(_files(), tmp_path / "out"), MODULE) as module:
        whole, values, texts = asyncio.run(read(module))
    assert whole.text == "ab" and values == [{"text": "a"}, {"text": "b"}] and texts == ["Hel", "lo"]
    assert server.took_first_early is True
    assert [accept for accept, _ in server.requests] == [
        "application/json",
        "application/x-ndjson",
        "text/event-stream, application/problem+json",
    ]


def _twin_doc(operations: dict[str, str]) -> dict[str, Any]:
    """A document whose operations (path -> operationId) each answer JSON or events, or JSON or JSON lines."""
    paths_: dict[str, Any] = {}
    for path, operation_id in operations.items():
        stream = "application/x-ndjson" if "lines" in path else "text/event-stream"
        content = {"application/json": {"schema": {"type": "object"}}, stream: {"schema": {"type": "string"}}}
        paths_[path] = {
            "post": {"operationId": operation_id, "responses": {"200": {"description": "ok", "content": content}}}
        }
    return {"openapi": "3.1.0", "info": {"title": "t", "version": "1.0"}, "paths": paths_}


def test_the_twin_of_a_method_named_stream_is_named_by_what_it_streams() -> None:
    # ``chat_stream`` answering JSON or events had ``chat_stream_stream``; an operation whose name is its twin's
    # (``send`` beside ``send_stream``) numbered the twin silently
    doc = _twin_doc({"/chat": "chatStream", "/lines": "tailStream", "/send": "send", "/send-stream": "sendStream"})
    package = ir.build_package([doc], source_names=["s.yaml"])
    warnings = package.warnings
    ops = {op.method_name: op for op in package.versions[0].operations}
    assert ops["chat_stream"].stream_twin == "chat_stream_events"
    assert ops["tail_stream"].stream_twin == "tail_stream_lines"
    assert "chat_stream_stream" not in ops and "tail_stream_stream" not in ops
    # ``send_stream`` is an operation's own name: the twin of ``send`` is numbered, and the numbering is said
    assert ops["send"].stream_twin == "send_stream_2" and ops["send_stream"].stream_twin == "send_stream_events"
    assert any("'send_stream'" in w and "'send_stream_2'" in w for w in warnings), warnings
