"""The stream readers of ``docs2client_runtime.streams``: lines as chunks arrive, events as the WHATWG HTML standard
parses them (9.2.6), JSON lines, and the per-line size limit."""

from __future__ import annotations

from collections.abc import Iterator

import docs2client_runtime as rt
import httpx
import pytest
from docs2client_runtime.streams import sse_events


def _response(chunks: list[bytes], media_type: str = "text/event-stream") -> httpx.Response:
    def body() -> Iterator[bytes]:
        yield from chunks

    return httpx.Response(
        200,
        headers={"Content-Type": f"{media_type}; charset=utf-8"},
        content=body(),
        request=httpx.Request("GET", "https://api.example/events"),
    )


def test_events_follow_the_standard_field_rules() -> None:
    lines = [
        ": comment",
        "data",  # a field with no colon: data with the empty value
        "",
        "event:update",  # no space after the colon
        "data:  two spaces",  # only the first space goes
        "id: 7",
        "retry: 1x",  # not digits: ignored
        "unknown: x",
        "",
        "id: a\0b",  # NUL: the id is ignored
        "data: third",
        "retry: 500",
        "",
        "",  # a blank line with no data dispatches nothing
        "data: unterminated",  # never ended by a blank line: dropped
    ]
    events = list(sse_events(lines))
    assert events == [
        rt.ServerSentEvent(data=""),
        rt.ServerSentEvent(data=" two spaces", event="update", id="7"),
        rt.ServerSentEvent(data="third", id="7", retry=500),
    ]


def test_line_breaks_split_over_chunks_and_a_byte_order_mark_are_read_as_one() -> None:
    chunks = [b"\xef\xbb\xbfdata: a\r", b"\n\r", b"\ndata: \xc3", b"\xa9t\xc3\xa9\rdata: x\n", b"\n"]
    events = list(rt.Stream.of_events(_response(chunks)))
    assert [e.data for e in events] == ["a", "\u00e9t\u00e9\nx"]


def test_json_lines_skip_blank_lines_and_record_separators() -> None:
    chunks = [b'{"a": 1}\n\n\x1e{"a": ', b"2}\r\n[3, 4]"]
    assert list(rt.Stream.of_json_lines(_response(chunks, "application/x-ndjson"))) == [{"a": 1}, {"a": 2}, [3, 4]]


def test_a_line_past_the_limit_raises_and_closes_the_response() -> None:
    response = _response([b"data: " + b"x" * 50, b"x" * 50, b"\n\n"])
    stream = rt.Stream.of_events(response, rt.Limits(max_response_bytes=64))
    with pytest.raises(rt.ResponseTooLargeError, match="longer than 64 characters"):
        list(stream)
    assert response.is_closed


def test_one_long_line_over_many_short_chunks_is_read_whole() -> None:
    response = _response([b"data: "] + [b"y"] * 20_000 + [b"\n\n"])
    [event] = list(rt.Stream.of_events(response))
    assert event.data == "y" * 20_000


def test_closing_a_stream_before_reading_it_closes_the_response() -> None:
    response = _response([b"data: a\n\n"])
    with rt.Stream.of_events(response) as stream:
        assert "200" in repr(stream) and "/events" in repr(stream)
    assert response.is_closed
