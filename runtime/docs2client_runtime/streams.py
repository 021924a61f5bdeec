"""Streamed responses: server-sent events (``text/event-stream``) and JSON lines, read as they arrive.

An operation whose documented success response is a stream returns a :class:`Stream` (an :class:`AsyncStream` from
an ``AsyncClient``) once the response's status and headers are in: an error status has already raised
:class:`~docs2client_runtime.errors.ApiError` by then, as for any call. Iterating it yields each item as the server
sends it; the response is closed when the iteration ends, on :meth:`Stream.close`, or on leaving a ``with`` block.

A stream has no total size or time limit (an event stream may run for hours); each event or line is bounded
instead, by ``Limits.max_response_bytes``, so a server that never ends a line cannot exhaust memory.

Events are parsed as the WHATWG HTML standard says (section 9.2.6): ``data:`` lines joined by newlines,
``event:``, ``id:`` (ignored when it holds NUL), ``retry:`` (digits only), comments (``:``) skipped, an event
dispatched at a blank line and only when it has data.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, Protocol, Self, TypeVar

import httpx

from docs2client_runtime.errors import ResponseTooLargeError
from docs2client_runtime.limits import Limits

__all__ = [
    "AsyncStream",
    "EventDecoder",
    "JsonLinesDecoder",
    "ServerSentEvent",
    "Stream",
    "json_lines",
    "sse_events",
]

T = TypeVar("T")

#: Each event or line of a stream is at most this many characters when ``Limits.max_response_bytes`` is None.
_UNBOUNDED = 1 << 62


@dataclass(frozen=True, slots=True)
class ServerSentEvent:
    """One server-sent event: its ``data`` (the ``data:`` lines joined by newlines), its ``event`` type
    (``message`` when none is given), the last event ``id`` seen, and the ``retry`` delay it asks for (ms)."""

    data: str
    event: str = "message"
    id: str | None = None
    retry: int | None = None

    def json(self) -> Any:
        """``data`` decoded as JSON (most APIs send one JSON document per event)."""
        return json.loads(self.data)


class EventDecoder:
    """The event-stream interpretation of lines, one line at a time (shared by the sync and async streams)."""

    def __init__(self) -> None:
        self._data: list[str] = []
        self._event = ""
        self._last_id: str | None = None
        self._retry: int | None = None

    def feed(self, line: str) -> list[ServerSentEvent]:
        """Take one line (without its line break); the event it completes, if any."""
        if not line:
            if not self._data:
                self._event = ""
                return []
            event = ServerSentEvent("\n".join(self._data), self._event or "message", self._last_id, self._retry)
            self._data, self._event = [], ""
            return [event]
        if line.startswith(":"):
            return []
        field, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if field == "data":
            self._data.append(value)
        elif field == "event":
            self._event = value
        elif field == "id" and "\0" not in value:
            self._last_id = value
        elif field == "retry" and value.isascii() and value.isdigit():
            self._retry = int(value)
        return []


class JsonLinesDecoder:
    """Each non-blank line decoded as JSON (``application/x-ndjson``, ``application/jsonl``; a JSON text
    sequence's record separators are taken as blank)."""

    def feed(self, line: str) -> list[Any]:
        text = line.strip().strip("\x1e").strip()
        return [json.loads(text)] if text else []


def sse_events(lines: Iterable[str]) -> Iterator[ServerSentEvent]:
    """The events of an event stream given as its lines (an unterminated last event is dropped, as a browser
    drops it): for reading a recorded stream."""
    decoder = EventDecoder()
    for line in lines:
        yield from decoder.feed(line)


def json_lines(lines: Iterable[str]) -> Iterator[Any]:
    """Each non-blank line of ``lines`` decoded as JSON."""
    decoder = JsonLinesDecoder()
    for line in lines:
        yield from decoder.feed(line)


class _Decoder(Protocol[T]):
    def feed(self, line: str) -> list[T]: ...


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class _Lines:
    """Splits a response's text into lines as chunks arrive (CRLF, LF or CR ends a line, nothing else), holding at
    most ``limit`` characters of an unfinished line (the parts kept in a list: a long line costs linear time)."""

    def __init__(self, limit: int, response: httpx.Response) -> None:
        self._limit = limit
        self._response = response
        self._parts: list[str] = []
        self._size = 0
        self._after_cr = False
        self._first = True

    def feed(self, chunk: str) -> list[str]:
        if not chunk:
            return []
        if self._first:  # a byte order mark opening the stream is no part of its first line
            self._first = False
            chunk = chunk.removeprefix("\ufeff")
        if self._after_cr and chunk.startswith("\n"):
            chunk = chunk[1:]  # the LF of a CRLF split over two chunks
        self._after_cr = chunk.endswith("\r")
        pieces = _LINE_BREAK.split(chunk)
        if len(pieces) == 1:
            self._hold(chunk)
            return []
        lines = ["".join([*self._parts, pieces[0]]), *pieces[1:-1]]
        self._parts, self._size = [], 0
        self._hold(pieces[-1])
        return lines

    def _hold(self, piece: str) -> None:
        if not piece:
            return
        self._parts.append(piece)
        self._size += len(piece)
        if self._size > self._limit:
            request = self._response.request
            raise ResponseTooLargeError(
                f"a line of the streamed response is longer than {self._limit:,} characters"
                " (Limits.max_response_bytes)",
                method=request.method,
                url=str(request.url),
            )

    def rest(self) -> str:
        """The unfinished last line (no line break after it), or ``""``."""
        return "".join(self._parts)


def _limit(limits: Limits | None) -> int:
    limit = (limits or Limits()).max_response_bytes
    return _UNBOUNDED if limit is None else limit


class _StreamBase(Generic[T]):
    """What both streams hold: the open response, the decoder of its lines, the longest line allowed."""

    def __init__(self, response: httpx.Response, decoder: _Decoder[T], limits: Limits | None = None) -> None:
        self.response = response
        self._decoder = decoder
        self._max_line = _limit(limits)

    def __repr__(self) -> str:
        request = self.response.request
        return f"<{type(self).__name__} {request.method} {request.url.path} {self.response.status_code}>"


class Stream(_StreamBase[T]):
    """The items of a streamed response (see the module docstring); iterate it once."""

    @classmethod
    def of_events(cls, response: httpx.Response, limits: Limits | None = None) -> Stream[ServerSentEvent]:
        """The server-sent events of ``response`` (``text/event-stream``)."""
        return Stream(response, EventDecoder(), limits)

    @classmethod
    def of_json_lines(cls, response: httpx.Response, limits: Limits | None = None) -> Stream[Any]:
        """The JSON values of ``response``, one per line (``application/x-ndjson``, ``application/jsonl``)."""
        return Stream(response, JsonLinesDecoder(), limits)

    def __iter__(self) -> Iterator[T]:
        lines = _Lines(self._max_line, self.response)
        try:
            for chunk in self.response.iter_text():
                for line in lines.feed(chunk):
                    yield from self._decoder.feed(line)
            if lines.rest():  # a last line without a line break (an event is only complete at a blank line)
                yield from self._decoder.feed(lines.rest())
        finally:
            self.response.close()

    def close(self) -> None:
        """Close the response (the server sees the connection end)."""
        self.response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncStream(_StreamBase[T]):
    """The asyncio twin of :class:`Stream`: ``async for`` it, ``async with`` it."""

    @classmethod
    def of_events(cls, response: httpx.Response, limits: Limits | None = None) -> AsyncStream[ServerSentEvent]:
        """The server-sent events of ``response`` (``text/event-stream``)."""
        return AsyncStream(response, EventDecoder(), limits)

    @classmethod
    def of_json_lines(cls, response: httpx.Response, limits: Limits | None = None) -> AsyncStream[Any]:
        """The JSON values of ``response``, one per line (``application/x-ndjson``, ``application/jsonl``)."""
        return AsyncStream(response, JsonLinesDecoder(), limits)

    async def __aiter__(self) -> AsyncIterator[T]:
        lines = _Lines(self._max_line, self.response)
        try:
            async for chunk in self.response.aiter_text():
                for line in lines.feed(chunk):
                    for item in self._decoder.feed(line):
                        yield item
            if lines.rest():
                for item in self._decoder.feed(lines.rest()):
                    yield item
        finally:
            await self.response.aclose()

    async def aclose(self) -> None:
        """Close the response (the server sees the connection end)."""
        await self.response.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
