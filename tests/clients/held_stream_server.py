"""A real HTTP server on 127.0.0.1 for the streamed-response tests: it sends a stream's first item, then holds the
rest until the test has taken that item, so a test can tell a client that hands items over as they arrive from one
that waits for the whole body."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

__all__ = ["HeldStreamServer", "StreamHandler"]


class StreamHandler(BaseHTTPRequestHandler):
    """A request handler writing chunked bodies; ``held`` is the server it belongs to (set per server)."""

    protocol_version = "HTTP/1.1"
    held: ClassVar[HeldStreamServer]

    def log_message(self, *args: Any) -> None:
        pass

    def chunk(self, data: bytes) -> None:
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def start_chunked(self, media_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", media_type)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

    def hold(self) -> None:
        """Wait (up to 10 s) until the test has taken the first item; ``held.took_first_early`` says whether it
        did before the body ended."""
        self.held.took_first_early = self.held.first_taken.wait(10)


class HeldStreamServer:
    """Serves ``handler`` (a :class:`StreamHandler`) on a free port of 127.0.0.1 until :meth:`close`."""

    def __init__(self, handler: type[StreamHandler]) -> None:
        self.first_taken = threading.Event()
        self.took_first_early: bool | None = None
        bound = type(handler.__name__, (handler,), {"held": self})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), bound)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.first_taken.set()
        self.httpd.shutdown()
        self.httpd.server_close()
