"""Shared helpers for the runtime tests: the runtime under test (``docs2client_runtime``) and a scripted HTTP server.

The runtime is its own distribution (``runtime/``), installed into the tool's venv. The server is a real
``http.server`` on 127.0.0.1 in a background thread; each test scripts what it answers and inspects what it
received. This module holds no tests itself.
"""

from __future__ import annotations

import importlib
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

from tests.paths import ROOT

RUNTIME_PATH = ROOT / "runtime" / "docs2client_runtime"


def load_runtime() -> ModuleType:
    """The runtime package (every public name at its top level)."""
    return importlib.import_module("docs2client_runtime")


@dataclass
class Recorded:
    """One request as the server saw it (header names as sent, lookups via :meth:`header`)."""

    method: str
    path: str
    query: str
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Reply:
    """What the server answers; ``delay`` seconds are waited first (to provoke client timeouts)."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


Handler = Callable[[Recorded], Reply]


def sequence(*replies: Reply) -> Handler:
    """A handler answering ``replies`` in order, then repeating the last one."""
    remaining = list(replies)
    lock = threading.Lock()

    def handle(_: Recorded) -> Reply:
        with lock:
            return remaining.pop(0) if len(remaining) > 1 else remaining[0]

    return handle


class LocalServer:
    """A threaded HTTP/1.1 server on 127.0.0.1 answering every request through ``handler``."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[Recorded] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        server = self

        class _RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                recorded = Recorded(self.command, parts.path, parts.query, list(self.headers.items()), body)
                with server._lock:
                    server.requests.append(recorded)
                reply = server.handler(recorded)
                if reply.delay and server._stopping.wait(reply.delay):
                    return
                if isinstance(reply.body, bytes):
                    payload, ctype = reply.body, "application/octet-stream"
                elif isinstance(reply.body, str):
                    payload, ctype = reply.body.encode(), "text/plain; charset=utf-8"
                elif reply.body is None:
                    payload, ctype = b"", "application/json"
                else:
                    payload, ctype = json.dumps(reply.body).encode(), "application/json"
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(payload)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(payload)
                except OSError:  # the client gave up (timeout) and closed the connection
                    pass

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _serve

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _RequestHandler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def hits(self, method: str | None = None, path: str | None = None) -> int:
        with self._lock:
            return sum(
                1 for r in self.requests if (method is None or r.method == method) and (path is None or r.path == path)
            )

    def start(self) -> LocalServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@contextmanager
def serve(handler: Handler) -> Iterator[LocalServer]:
    """Run a :class:`LocalServer` for the duration of the ``with`` block."""
    server = LocalServer(handler).start()
    try:
        yield server
    finally:
        server.stop()


def closed_port_url() -> str:
    """An http URL on 127.0.0.1 where nothing listens (connections are refused)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
