"""The HTTP responses behind a block of calls, for what a method's return value leaves out (response headers).

A generated method returns the parsed body; the status line and headers (``Location`` after a create, an
``ETag``, rate-limit and pagination headers) stay on the :class:`httpx.Response`. Rather than a second method per
operation, a caller who needs them asks for the responses of a block of calls::

    with docs2client_runtime.capture_responses() as responses:
        server = client.create_server(body=...)
    location = responses[-1].headers["Location"]

Each call made inside the block appends its final successful response (after any retries; a streamed one still
open). An error answer is not appended: it is raised as an :class:`~docs2client_runtime.errors.ApiError`, which
carries ``status_code`` and ``headers`` itself. The responses are those of this thread, or of this asyncio task and
the tasks it starts inside the block (a :class:`contextvars.ContextVar`); an inner block collects its calls alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import httpx

__all__ = ["capture_responses", "record_response"]

_CAPTURED: ContextVar[list[httpx.Response] | None] = ContextVar("docs2client_runtime_captured", default=None)


@contextmanager
def capture_responses() -> Iterator[list[httpx.Response]]:
    """Collect the response of every call made inside the block (see the module docstring), in call order."""
    captured: list[httpx.Response] = []
    token = _CAPTURED.set(captured)
    try:
        yield captured
    finally:
        _CAPTURED.reset(token)


def record_response(response: httpx.Response) -> httpx.Response:
    """Append ``response`` to the innermost :func:`capture_responses` block's list, if any; returns it (the
    transports call this on every successful response they return)."""
    captured = _CAPTURED.get()
    if captured is not None:
        captured.append(response)
    return response
