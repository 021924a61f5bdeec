"""Streamed responses: an operation answering server-sent events or JSON lines returns a ``Stream``.

The generated method used to read the whole body and return it as one ``str`` (events) or ``bytes`` (JSON lines):
nothing arrived before the server closed the response, which for an event stream may be never. Now the IR marks
the operation streamed, the method sends with ``stream=True`` and returns ``_rt.Stream`` (``_rt.AsyncStream``),
and each item is handed over as it arrives. Checked against a real server on 127.0.0.1 that holds the second event
back until the client has taken the first.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from scraper.clients import ir
from scraper.clients.package import render_package
from tests import paths
from tests.clients.held_stream_server import HeldStreamServer, StreamHandler
from tests.clients.package_import import imported, run_package_tests, write_package

SPEC = paths.FIXTURES / "openapi" / "streams" / "streamed-responses.yaml"
MODULE = "chat_s.v1_0"


def _doc() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return doc


def _written(tmp_path: Path) -> Path:
    return write_package(render_package([_doc()], package_name="chat-s"), tmp_path / "out")


class _Handler(StreamHandler):
    """Sends one event (POST) or JSON line (GET), then holds the rest until the test says it has read it:
    ``took_first_early`` tells whether the client handed the first item over before the body ended."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if "fail" in self.path:
            body = b'{"message": "overloaded"}'
            self.send_response(500)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.start_chunked("text/event-stream")
        self.chunk(b': a comment\r\nevent: delta\r\nid: 1\r\ndata: {"text": "Hel"}\r\n\r\n')
        self.hold()
        self.chunk(b'data: {"text": "lo"}\ndata: second line\n\nretry: 20')
        self.chunk(b"00\n\ndata: [DONE]\n\n")
        self.chunk(b"")

    def do_GET(self) -> None:
        self.start_chunked("application/x-ndjson")
        self.chunk(b'{"msg": "one"}\n{"msg"')
        self.hold()
        self.chunk(b': "two"}\n\n{"msg": "three"}')  # no line break after the last line
        self.chunk(b"")


@pytest.fixture
def server() -> Iterator[HeldStreamServer]:
    running = HeldStreamServer(_Handler)
    try:
        yield running
    finally:
        running.close()


def test_the_ir_marks_event_and_json_line_responses_streamed_and_prefers_json_when_offered() -> None:
    version = ir.build_package([_doc()], source_names=["s.yaml"]).versions[0]
    ops = {op.method_name: op for op in version.operations}
    assert (ops["stream_chat"].response_kind, ops["stream_chat"].streamed) == ("events", True)
    assert ops["stream_chat"].returns_in(False) == "_rt.Stream[_rt.ServerSentEvent]"
    assert ops["stream_chat"].returns_in(True) == "_rt.AsyncStream[_rt.ServerSentEvent]"
    assert (ops["tail_logs"].response_kind, ops["tail_logs"].returns) == ("lines", "_rt.Stream[Any]")
    assert ops["both"].response_kind == "json" and not ops["both"].streamed


def test_events_arrive_one_by_one_from_the_sync_client(tmp_path: Path, server: HeldStreamServer) -> None:
    with imported(_written(tmp_path), MODULE) as module, module.Client(base_url=server.url) as client:
        stream = client.stream_chat(body=module.models.StreamChatRequest(prompt="hi"))
        events = []
        with stream:
            for event in stream:
                events.append(event)
                server.first_taken.set()
    assert server.took_first_early is True
    assert [(e.event, e.id, e.data, e.retry) for e in events] == [
        ("delta", "1", '{"text": "Hel"}', None),
        ("message", "1", '{"text": "lo"}\nsecond line', None),
        ("message", "1", "[DONE]", 2000),
    ]
    assert events[0].json() == {"text": "Hel"}


def test_json_lines_arrive_one_by_one_from_the_async_client(tmp_path: Path, server: HeldStreamServer) -> None:
    async def read(module: Any) -> list[Any]:
        values = []
        async with module.AsyncClient(base_url=server.url) as client:
            stream = await client.tail_logs(since=3)
            async with stream:
                async for value in stream:
                    values.append(value)
                    server.first_taken.set()
        return values

    with imported(_written(tmp_path), MODULE) as module:
        values = asyncio.run(read(module))
    assert server.took_first_early is True
    assert values == [{"msg": "one"}, {"msg": "two"}, {"msg": "three"}]


def test_an_error_answer_raises_before_any_stream_is_returned(tmp_path: Path, server: HeldStreamServer) -> None:
    import docs2client_runtime as rt

    with (
        imported(_written(tmp_path), MODULE) as module,
        module.Client(base_url=server.url + "/fail", retry=rt.RetryPolicy(max_retries=0)) as client,
        pytest.raises(rt.ServerError) as caught,
    ):
        client.stream_chat(body=module.models.StreamChatRequest(prompt="hi"))
    assert caught.value.status_code == 500 and "overloaded" in str(caught.value.body)


def test_a_line_longer_than_the_size_limit_stops_the_stream(tmp_path: Path, server: HeldStreamServer) -> None:
    import docs2client_runtime as rt

    server.first_taken.set()
    with (
        imported(_written(tmp_path), MODULE) as module,
        module.Client(base_url=server.url, limits=rt.Limits(max_response_bytes=10)) as client,
    ):
        stream = client.tail_logs()
        with pytest.raises(rt.ResponseTooLargeError, match="line of the streamed response"):
            list(stream)
    assert stream.response.is_closed


def test_the_package_of_streamed_operations_passes_its_own_contract_tests(tmp_path: Path) -> None:
    result = run_package_tests(_written(tmp_path))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def test_json_without_a_schema_beside_an_event_stream_is_read_as_the_stream() -> None:
    """Letta's ``retrieve_stream_for_run`` (and 4 more of its operations) answers 200 with ``application/json:
    {schema: {}}`` beside ``text/event-stream``: the JSON documents nothing, the events are the point. The method read
    the body as one JSON value (``-> Any``, ``Accept: application/json``), so a user waited for the whole stream and
    got a parse error; now such an operation streams, with a warning, and asks for the stream. A JSON body with a
    schema beside events (``both`` above) stays JSON."""

    def op(content: dict[str, Any]) -> dict[str, Any]:
        return {"post": {"responses": {"200": {"description": "ok", "content": content}}}}

    doc = {
        "openapi": "3.1.0",
        "info": {"title": "Runs", "version": "1.0"},
        "paths": {
            "/runs/stream": op({"application/json": {"schema": {}}, "text/event-stream": {"description": "events"}}),
            "/runs/lines": op({"application/json": {}, "application/x-ndjson": {"schema": {"type": "object"}}}),
            "/runs/typed": op({"application/json": {"schema": {"type": "object"}}, "text/event-stream": {}}),
        },
    }
    package = ir.build_package([doc], source_names=["runs.yaml"])
    ops = {op.path: op for op in package.versions[0].operations if op.stream_of is None}  # not the typed one's twin
    assert (ops["/runs/stream"].response_kind, ops["/runs/stream"].accept) == ("events", "text/event-stream")
    assert (ops["/runs/lines"].response_kind, ops["/runs/lines"].accept) == ("lines", "application/x-ndjson")
    assert (ops["/runs/typed"].response_kind, ops["/runs/typed"].accept) == ("json", "application/json")
    assert [w for w in package.warnings if "streams" in w] == [
        "runs.yaml: /paths/~1runs~1lines/post: response 200: application/json documents no schema beside "
        "application/x-ndjson; the method streams it",
        "runs.yaml: /paths/~1runs~1stream/post: response 200: application/json documents no schema beside "
        "text/event-stream; the method streams it",
    ]
