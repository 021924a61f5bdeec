"""What one call may cost (response size, total deadline), whatever the server does, and the bounded body read.

The body is read through httpx's public API only: a response without a content encoding is read by
:meth:`httpx.Response.read` over a stream that counts the bytes as they arrive (no copy); an encoded one (gzip, br,
...) is decoded chunk by chunk with :meth:`httpx.Response.iter_bytes`, counting decoded bytes so a decompression bomb
stops at the limit, and handed on as a new :class:`httpx.Response` holding the decoded body. A response that arrives
already read (from a transport answering from memory, such as :class:`httpx.MockTransport`) has its decoded body
checked against the limit as it is.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import httpx

from docs2client_runtime.errors import DeadlineExceededError, ResponseTooLargeError

__all__ = ["CallBudget", "Limits", "aread_bounded", "read_bounded"]


@dataclass(frozen=True)
class Limits:
    """What one call may cost, whatever the server does.

    ``timeout`` bounds each network operation; a server that drips a byte per second never trips it, so
    ``deadline`` (seconds) bounds the whole call: every attempt, every read and every wait between retries. The
    body is read in chunks and a call whose decoded body grows past ``max_response_bytes`` stops there, so an
    endless or decompression-bomb body cannot exhaust memory. ``None`` turns a limit off.
    """

    max_response_bytes: int | None = 64 * 1024 * 1024
    deadline: float | None = 300.0

    def __post_init__(self) -> None:
        if self.max_response_bytes is not None and self.max_response_bytes < 0:
            raise ValueError(f"Limits.max_response_bytes must be >= 0, got {self.max_response_bytes}")
        if self.deadline is not None and not self.deadline > 0:
            raise ValueError(f"Limits.deadline must be > 0 seconds, got {self.deadline}")


@dataclass
class CallBudget:
    """One logical call's budget: its limits and the monotonic time its deadline falls at."""

    method: str
    url: str
    limits: Limits
    deadline_at: float | None
    #: The caller reads a successful (2xx) answer as a stream (:mod:`docs2client_runtime.streams`): it is handed on
    #: unread, and neither the size limit nor the deadline applies to its body; any other answer is read as usual.
    streamed: bool = False

    @classmethod
    def start(cls, method: str, url: str, limits: Limits, *, streamed: bool = False) -> CallBudget:
        deadline_at = None if limits.deadline is None else time.monotonic() + limits.deadline
        return cls(method, url, limits, deadline_at, streamed)

    def keeps_open(self, response: httpx.Response) -> bool:
        """Whether ``response`` is handed on unread (see ``streamed``)."""
        return self.streamed and 200 <= response.status_code < 300

    def remaining(self) -> float | None:
        return None if self.deadline_at is None else self.deadline_at - time.monotonic()

    def check(self, waiting: float = 0.0) -> None:
        """Raise :class:`DeadlineExceededError` when the deadline has passed (or would, after ``waiting``)."""
        remaining = self.remaining()
        if remaining is not None and remaining - waiting <= 0:
            raise DeadlineExceededError(
                f"deadline of {self.limits.deadline:g}s exceeded (Limits.deadline)", method=self.method, url=self.url
            )

    def timeout(self, timeout: httpx.Timeout) -> httpx.Timeout:
        """``timeout`` with every phase capped at the time left."""
        remaining = self.remaining()
        if remaining is None:
            return timeout
        left = max(remaining, 0.001)
        capped = {k: left if v is None else min(v, left) for k, v in timeout.as_dict().items()}
        return httpx.Timeout(capped["connect"], read=capped["read"], write=capped["write"], pool=capped["pool"])

    def timeout_extension(self, timeout: httpx.Timeout, as_dict: dict[str, float | None]) -> dict[str, float | None]:
        """The ``timeout`` request extension for the next attempt: ``as_dict`` (``timeout.as_dict()``, shared) while
        the time left exceeds every phase, else each phase capped at the time left."""
        remaining = self.remaining()
        if remaining is None:
            return as_dict
        for phase in as_dict.values():
            if phase is None or phase > remaining:
                return self.timeout(timeout).as_dict()
        return as_dict

    def add(self, size: int, received: int) -> int:
        """Account for ``received`` more body bytes on top of ``size``; raise when a limit is passed."""
        size += received
        limit = self.limits.max_response_bytes
        if limit is not None and size > limit:
            raise ResponseTooLargeError(
                f"response body larger than {limit:,} bytes (Limits.max_response_bytes)",
                method=self.method,
                url=self.url,
            )
        self.check()
        return size


def _is_encoded(response: httpx.Response) -> bool:
    if "content-encoding" not in response.headers:
        return False
    encoding = response.headers.get("content-encoding")
    return encoding is not None and encoding.strip().lower() not in ("", "identity")


class _BoundedStream(httpx.SyncByteStream):
    """The response's own stream, counting bytes against the call's budget as :meth:`httpx.Response.read` pulls."""

    def __init__(self, stream: httpx.SyncByteStream, call: CallBudget) -> None:
        self._stream = stream
        self._call = call

    def __iter__(self) -> Iterator[bytes]:
        size = 0
        for chunk in self._stream:
            size = self._call.add(size, len(chunk))
            yield chunk

    def close(self) -> None:
        self._stream.close()


class _AsyncBoundedStream(httpx.AsyncByteStream):
    def __init__(self, stream: httpx.AsyncByteStream, call: CallBudget) -> None:
        self._stream = stream
        self._call = call

    async def __aiter__(self) -> AsyncIterator[bytes]:
        size = 0
        async for chunk in self._stream:
            size = self._call.add(size, len(chunk))
            yield chunk

    async def aclose(self) -> None:
        await self._stream.aclose()


def _decoded(response: httpx.Response, body: bytes) -> httpx.Response:
    """A read response equal to ``response`` whose (already decoded) body is ``body``: built without the
    ``Content-Encoding`` header so nothing decodes twice, then given the original headers back."""
    headers = [(name, value) for name, value in response.headers.multi_items() if name.lower() != "content-encoding"]
    fresh = httpx.Response(
        response.status_code,
        headers=headers,
        stream=httpx.ByteStream(body),
        request=response.request,
        extensions=response.extensions,
        history=response.history,
        default_encoding=response.default_encoding,
    )
    fresh.read()
    fresh.headers = response.headers
    with contextlib.suppress(RuntimeError):  # a response that came read (a mock transport's) was never timed
        fresh.elapsed = response.elapsed
    return fresh


def _read_already(response: httpx.Response, call: CallBudget) -> bool:
    """Whether ``response`` came already read (a transport that answers from memory, such as
    :class:`httpx.MockTransport`, reads the body when it builds the response): its decoded body is then checked
    against the size limit as it is, with no stream to wrap and nothing left to decode."""
    if not response.is_stream_consumed:  # a response from the network: read it through the bounded stream
        return False
    try:
        content = response.content
    except httpx.ResponseNotRead:  # consumed without being read: reading fails as httpx says
        return False
    limit = call.limits.max_response_bytes
    if limit is not None and len(content) > limit:
        call.add(0, len(content))  # raises ResponseTooLargeError
    return True


def read_bounded(response: httpx.Response, call: CallBudget) -> httpx.Response:
    """``response`` read in full within the call's size limit and deadline (a streamed response from
    ``httpx.Client.send(..., stream=True)``); returns the read response (``response`` itself unless encoded), or
    ``response`` unread when the call streams it (:meth:`CallBudget.keeps_open`)."""
    if call.keeps_open(response) or _read_already(response, call):
        return response
    if not _is_encoded(response):
        stream = response.stream
        assert isinstance(stream, httpx.SyncByteStream)
        response.stream = _BoundedStream(stream, call)
        try:
            response.read()
        finally:
            response.close()
        return response
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            size = call.add(size, len(chunk))
            chunks.append(chunk)
    finally:
        response.close()
    return _decoded(response, b"".join(chunks))


async def aread_bounded(response: httpx.Response, call: CallBudget) -> httpx.Response:
    """Async :func:`read_bounded`."""
    if call.keeps_open(response) or _read_already(response, call):
        return response
    if not _is_encoded(response):
        stream = response.stream
        assert isinstance(stream, httpx.AsyncByteStream)
        response.stream = _AsyncBoundedStream(stream, call)
        try:
            await response.aread()
        finally:
            await response.aclose()
        return response
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in response.aiter_bytes():
            size = call.add(size, len(chunk))
            chunks.append(chunk)
    finally:
        await response.aclose()
    return _decoded(response, b"".join(chunks))
