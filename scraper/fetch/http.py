"""Polite HTTP: a per-host rate limit and retries with exponential backoff.

Retries follow the generated clients' own policy (``docs2client_runtime.RetryPolicy``, ``retry_delay`` and
``parse_retry_after``): one semantics for when to retry and how long to wait, configured for a crawler by
:func:`fetch_retry_policy` (every transport error retried, no jitter, a ``Retry-After`` longer than
``max_retry_after`` not waited for). Both the limiter and the retries take their clock and their sleep as arguments,
so tests can check the delays that would be slept without sleeping them (and without asserting on wall-clock time).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

import httpx
from docs2client_runtime.retry import RetryPolicy, parse_retry_after, retry_delay

__all__ = [
    "DownloadFailed",
    "HostRateLimiter",
    "Response",
    "RetryPolicy",
    "Sleep",
    "download",
    "fetch_retry_policy",
    "parse_retry_after",
]

Sleep = Callable[[float], Awaitable[None]]
Clock = Callable[[], float]

#: statuses worth asking again: rate limited, and server-side trouble that is usually temporary
_RETRY_STATUSES = (408, 425, 429, 500, 502, 503, 504)


class DownloadFailed(Exception):
    """No usable answer after all attempts; the message says what happened last."""

    def __init__(self, message: str, attempts: int) -> None:
        super().__init__(message)
        self.attempts = attempts


@dataclass(frozen=True, slots=True)
class Response:
    """The parts of an HTTP answer fetch needs (the body already read in full)."""

    status: int
    reason: str
    headers: Mapping[str, str]
    body: bytes
    attempts: int

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def fetch_retry_policy(
    retries: int = 4, *, backoff: float = 1.0, backoff_max: float = 60.0, max_retry_after: float = 300.0
) -> RetryPolicy:
    """The runtime's :class:`RetryPolicy` set up for fetching pages: ``retries`` after the first attempt, waiting
    ``backoff``, ``2*backoff``, ``4*backoff``, ... (capped at ``backoff_max``, no jitter: one crawler, not a fleet),
    on timeouts, broken connections and truncated bodies (every :class:`httpx.TransportError`: a GET is safe to
    repeat) and on 408, 425, 429 and 5xx but 501; a ``Retry-After`` (with 429 or 503) up to ``max_retry_after``
    seconds is waited in full, a longer one fails the page, which keeps its snapshot."""
    return RetryPolicy(
        max_retries=retries,
        backoff_base=backoff,
        backoff_max=backoff_max,
        jitter=False,
        statuses=_RETRY_STATUSES,
        idempotent_methods=("GET",),
        max_retry_after=max_retry_after,
        retry_errors=(httpx.TransportError,),
    )


class HostRateLimiter:
    """At most ``rate`` requests per second to each host (a minimum interval between request starts).

    Each caller reserves the next free slot under a lock and then sleeps outside it until its slot, so waiting
    callers neither busy-loop nor hold up requests to other hosts.
    """

    def __init__(self, rate: float | None, *, sleep: Sleep = asyncio.sleep, clock: Clock = time.monotonic) -> None:
        if rate is not None and rate < 0:
            raise ValueError(f"rate must be positive or None (unlimited), got {rate}")
        self._interval = 1.0 / rate if rate else 0.0
        self._sleep = sleep
        self._clock = clock
        self._next: dict[str, float] = {}
        self._lock = asyncio.Lock()

    async def acquire(self, host: str) -> float:
        """Wait for ``host``'s next slot; returns the delay waited (0 when none)."""
        if not self._interval:
            return 0.0
        async with self._lock:
            now = self._clock()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + self._interval
        wait = start - now
        if wait > 0:
            await self._sleep(wait)
        return wait


#: Redirects followed per download, all on the page's own host.
MAX_REDIRECTS = 5
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


def _same_site(origin: httpx.URL, target: httpx.URL) -> bool:
    """Whether a redirect from ``origin`` to ``target`` stays on the page's host (an http -> https upgrade is fine)."""
    if target.host != origin.host:
        return False
    if target.scheme == origin.scheme:
        return target.port == origin.port
    return origin.scheme == "http" and target.scheme == "https"


async def _get_once(client: httpx.AsyncClient, url: httpx.URL, headers: Mapping[str, str], max_bytes: int) -> Response:
    async with client.stream("GET", url, headers=dict(headers), follow_redirects=False) as raw:
        chunks: list[bytes] = []
        size = 0
        async for chunk in raw.aiter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise DownloadFailed(f"body larger than {max_bytes:,} bytes; not a documentation page", 1)
            chunks.append(chunk)
        return Response(
            status=raw.status_code,
            reason=raw.reason_phrase,
            headers={k.lower(): v for k, v in raw.headers.items()},
            body=b"".join(chunks),
            attempts=1,
        )


async def _get(client: httpx.AsyncClient, url: str, headers: Mapping[str, str], max_bytes: int) -> Response:
    """GET ``url``, following at most :data:`MAX_REDIRECTS` redirects, none of them to another host: a page that
    moved off its site is a failure to look at, not a page to snapshot."""
    origin = current = httpx.URL(url)
    for _ in range(MAX_REDIRECTS + 1):
        response = await _get_once(client, current, headers, max_bytes)
        location = response.header("location")
        if response.status not in _REDIRECT_STATUSES or not location:
            return response
        target = current.join(location)
        if not _same_site(origin, target):
            where = f"{target.scheme}://{target.netloc.decode('ascii', 'replace')}"
            raise DownloadFailed(f"HTTP {response.status} redirect off the page's site (to {where}); not followed", 1)
        current = target
    raise DownloadFailed(f"more than {MAX_REDIRECTS} redirects", 1)


async def _get_within(
    client: httpx.AsyncClient, url: str, headers: Mapping[str, str], max_bytes: int, deadline: float | None
) -> Response:
    """:func:`_get`, given up after ``deadline`` seconds in all (the read timeout alone never ends a server that
    drips a byte at a time)."""
    if deadline is None:
        return await _get(client, url, headers, max_bytes)
    try:
        async with asyncio.timeout(deadline):
            return await _get(client, url, headers, max_bytes)
    except TimeoutError:
        raise DownloadFailed(f"took longer than the {deadline:g}s deadline per download; not retried", 1) from None


async def download(
    client: httpx.AsyncClient,
    url: str,
    *,
    headers: Mapping[str, str],
    policy: RetryPolicy,
    limiter: HostRateLimiter,
    sleep: Sleep = asyncio.sleep,
    max_bytes: int = 64 * 1024 * 1024,
    deadline: float | None = 120.0,
) -> Response:
    """GET ``url``, retrying timeouts, broken connections (including truncated bodies), 429 and 5xx.

    Returns the first other answer (200, 304, 404, ...); raises :class:`DownloadFailed` when the retries run out,
    on a redirect to another host, a body over ``max_bytes`` or an attempt longer than ``deadline`` seconds.
    A 429 or 503 with Retry-After waits that long instead of the backoff delay (see :func:`fetch_retry_policy`).
    """
    host = urlsplit(url).netloc
    attempt = 0
    while True:
        attempt += 1
        await limiter.acquire(host)
        status: int | None = None
        retry_after: str | None = None
        try:
            raw = await _get_within(client, url, headers, max_bytes, deadline)
        except httpx.TransportError as exc:
            if isinstance(exc, httpx.TimeoutException):
                problem = f"timed out ({type(exc).__name__})"
            else:
                problem = f"connection failed: {exc or type(exc).__name__}"
            if not policy.retries_exception("GET", exc):
                raise DownloadFailed(f"{problem}; not retried", attempt) from exc
        except DownloadFailed as exc:
            raise DownloadFailed(str(exc), attempt) from exc
        else:
            if not policy.retries_status("GET", raw.status):
                return replace(raw, attempts=attempt)
            problem = f"HTTP {raw.status} {raw.reason}".rstrip()
            status, retry_after = raw.status, raw.header("retry-after")
        if attempt > policy.max_retries:
            raise DownloadFailed(f"{problem}; gave up after {attempt} attempts", attempt)
        wait = policy.delay(attempt - 1) if status is None else retry_delay(policy, attempt - 1, status, retry_after)
        if wait is None:
            asked = parse_retry_after(retry_after) or 0.0
            raise DownloadFailed(
                f"{problem} with Retry-After {asked:.0f}s, longer than the {policy.max_retry_after or 0:.0f}s limit",
                attempt,
            )
        await sleep(wait)
