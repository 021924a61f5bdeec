"""Pagination: offset/limit and marker/limit listings as (async) iterators."""

from __future__ import annotations

from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Iterator,
    Sequence,
)
from typing import TypeVar

__all__ = [
    "aiterate_marker",
    "aiterate_offset",
    "iterate_marker",
    "iterate_offset",
]


T = TypeVar("T")

# --------------------------------------------------------------------------------------------------------------------
# Pagination
# --------------------------------------------------------------------------------------------------------------------


def _check_limit(limit: int) -> None:
    if limit < 1:
        raise ValueError(f"page limit must be >= 1, got {limit}")


def iterate_offset(fetch: Callable[[int, int], Sequence[T]], *, limit: int = 100, start: int = 0) -> Iterator[T]:
    """Items of an offset/limit listing: calls ``fetch(offset, limit)`` until a page is shorter than ``limit``."""
    _check_limit(limit)
    offset = start
    while True:
        page = fetch(offset, limit)
        yield from page
        if len(page) < limit:
            return
        offset += len(page)


def iterate_marker(
    fetch: Callable[[str | None, int], tuple[Sequence[T], str | None]], *, limit: int = 100
) -> Iterator[T]:
    """Items of a marker/limit listing: calls ``fetch(marker, limit)`` (first with ``None``) and follows the
    returned next marker until it is ``None`` or a page is empty. A marker that does not advance raises
    :class:`RuntimeError` instead of looping forever."""
    _check_limit(limit)
    marker: str | None = None
    seen: set[str] = set()
    while True:
        page, next_marker = fetch(marker, limit)
        yield from page
        if next_marker is None or not page:
            return
        if next_marker in seen:
            raise RuntimeError(f"pagination marker {next_marker!r} repeated; stopping to avoid an endless loop")
        seen.add(next_marker)
        marker = next_marker


async def aiterate_offset(
    fetch: Callable[[int, int], Awaitable[Sequence[T]]], *, limit: int = 100, start: int = 0
) -> AsyncIterator[T]:
    """Async :func:`iterate_offset`."""
    _check_limit(limit)
    offset = start
    while True:
        page = await fetch(offset, limit)
        for item in page:
            yield item
        if len(page) < limit:
            return
        offset += len(page)


async def aiterate_marker(
    fetch: Callable[[str | None, int], Awaitable[tuple[Sequence[T], str | None]]], *, limit: int = 100
) -> AsyncIterator[T]:
    """Async :func:`iterate_marker`."""
    _check_limit(limit)
    marker: str | None = None
    seen: set[str] = set()
    while True:
        page, next_marker = await fetch(marker, limit)
        for item in page:
            yield item
        if next_marker is None or not page:
            return
        if next_marker in seen:
            raise RuntimeError(f"pagination marker {next_marker!r} repeated; stopping to avoid an endless loop")
        seen.add(next_marker)
        marker = next_marker
