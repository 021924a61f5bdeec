"""Pagination: offset/limit, marker/limit and next-token listings as (async) iterators.

When has a listing ended? A page shorter than the page size asked for usually means the last page, but a server may
also cap its pages below what was asked (``limit=100`` answered with 25 items a page) without saying so; stopping
at the first short page would then drop the rest silently. So a listing ends at an empty page, or at a page shorter
than an earlier one (the server's own page size is known by then); a first page shorter than ``limit`` costs one
more request, which comes back empty (or the same page again, from a server that ignores the cursor: also the end).

A listing whose pages say where the next one is (a ``nextPageToken``, a ``nextLink`` URL, Stripe's ``has_more`` with
the last item's id) ends when a page names none: :func:`iterate_token`, whose pages may be short or even empty while
a token follows (a filtered Google listing sends empty pages with a token).
"""

from __future__ import annotations

from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Iterator,
    Sequence,
)
from typing import Generic, TypeVar

__all__ = [
    "aiterate_marker",
    "aiterate_offset",
    "aiterate_token",
    "iterate_marker",
    "iterate_offset",
    "iterate_token",
]


T = TypeVar("T")

# --------------------------------------------------------------------------------------------------------------------
# Pagination
# --------------------------------------------------------------------------------------------------------------------


def _check_limit(limit: int) -> None:
    if limit < 1:
        raise ValueError(f"page limit must be >= 1, got {limit}")


class _Listing(Generic[T]):
    """What the pages of one listing have shown so far, to tell the last one (see the module's docstring)."""

    def __init__(self, limit: int) -> None:
        _check_limit(limit)
        self.limit = limit
        self.longest = 0
        self.previous: list[T] | None = None

    def new_items(self, page: Sequence[T]) -> bool:
        """Whether ``page`` holds items to yield: False for an empty page or a repeat of a short previous page (a
        server that ignores the cursor). A repeat of a full page raises :class:`RuntimeError`: following it would
        never end."""
        items = list(page)
        if not items:
            return False
        if items == self.previous:
            if len(items) < self.limit:
                return False
            raise RuntimeError("the server sent the same page again; stopping to avoid an endless loop")
        self.previous = items
        return True

    def last(self, page: Sequence[T]) -> bool:
        """Whether ``page`` (just yielded) is the last: shorter than both ``limit`` and an earlier page."""
        ended = len(page) < self.limit and len(page) < self.longest
        self.longest = max(self.longest, len(page))
        return ended


def iterate_offset(fetch: Callable[[int, int], Sequence[T]], *, limit: int = 100, start: int = 0) -> Iterator[T]:
    """Items of an offset/limit listing: calls ``fetch(offset, limit)`` until the listing has ended (an empty page,
    or a page shorter than ``limit`` and than an earlier page)."""
    listing: _Listing[T] = _Listing(limit)
    offset = start
    while True:
        page = fetch(offset, limit)
        if not listing.new_items(page):
            return
        yield from page
        if listing.last(page):
            return
        offset += len(page)


def iterate_marker(
    fetch: Callable[[str | None, int], tuple[Sequence[T], str | None]], *, limit: int = 100
) -> Iterator[T]:
    """Items of a marker/limit listing: calls ``fetch(marker, limit)`` (first with ``None``) and follows the
    returned next marker until it is ``None`` or the listing has ended (as :func:`iterate_offset` tells). A marker
    that does not advance raises :class:`RuntimeError` instead of looping forever."""
    listing: _Listing[T] = _Listing(limit)
    marker: str | None = None
    seen: set[str] = set()
    while True:
        page, next_marker = fetch(marker, limit)
        if not listing.new_items(page):
            return
        yield from page
        if next_marker is None or listing.last(page):
            return
        if next_marker in seen:
            raise RuntimeError(f"pagination marker {next_marker!r} repeated; stopping to avoid an endless loop")
        seen.add(next_marker)
        marker = next_marker


async def aiterate_offset(
    fetch: Callable[[int, int], Awaitable[Sequence[T]]], *, limit: int = 100, start: int = 0
) -> AsyncIterator[T]:
    """Async :func:`iterate_offset`."""
    listing: _Listing[T] = _Listing(limit)
    offset = start
    while True:
        page = await fetch(offset, limit)
        if not listing.new_items(page):
            return
        for item in page:
            yield item
        if listing.last(page):
            return
        offset += len(page)


async def aiterate_marker(
    fetch: Callable[[str | None, int], Awaitable[tuple[Sequence[T], str | None]]], *, limit: int = 100
) -> AsyncIterator[T]:
    """Async :func:`iterate_marker`."""
    listing: _Listing[T] = _Listing(limit)
    marker: str | None = None
    seen: set[str] = set()
    while True:
        page, next_marker = await fetch(marker, limit)
        if not listing.new_items(page):
            return
        for item in page:
            yield item
        if next_marker is None or listing.last(page):
            return
        if next_marker in seen:
            raise RuntimeError(f"pagination marker {next_marker!r} repeated; stopping to avoid an endless loop")
        seen.add(next_marker)
        marker = next_marker


def _next_token(token: str | None, seen: set[str]) -> str | None:
    """The token to ask the next page with (None: the listing has ended); one already sent raises
    :class:`RuntimeError`: following it would never end."""
    if token is None or token == "":
        return None
    if token in seen:
        raise RuntimeError(f"pagination token {token!r:.80} repeated; stopping to avoid an endless loop")
    seen.add(token)
    return token


def iterate_token(fetch: Callable[[str | None], tuple[Sequence[T], str | None]]) -> Iterator[T]:
    """Items of a listing whose pages name the next one: calls ``fetch(None)``, then ``fetch(token)`` with the token
    (or next link, or cursor) the previous page returned, until a page returns None or ``""``. Pages may be short or
    empty while a token follows; a token that comes back again raises :class:`RuntimeError`."""
    seen: set[str] = set()
    token: str | None = None
    while True:
        page, returned = fetch(token)
        yield from page
        token = _next_token(returned, seen)
        if token is None:
            return


async def aiterate_token(
    fetch: Callable[[str | None], Awaitable[tuple[Sequence[T], str | None]]],
) -> AsyncIterator[T]:
    """Async :func:`iterate_token`."""
    seen: set[str] = set()
    token: str | None = None
    while True:
        page, returned = await fetch(token)
        for item in page:
            yield item
        token = _next_token(returned, seen)
        if token is None:
            return
