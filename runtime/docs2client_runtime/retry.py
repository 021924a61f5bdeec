"""Retry policy and ``Retry-After`` parsing, shared by the generated clients' transports and docs2client's fetch."""

from __future__ import annotations

import datetime as _dt
import email.utils
import random
import time
from collections.abc import (
    Callable,
)
from dataclasses import dataclass, field

import httpx

__all__ = [
    "RETRY_AFTER_STATUSES",
    "RetryPolicy",
    "parse_retry_after",
    "retry_delay",
]


# --------------------------------------------------------------------------------------------------------------------
# Retries
# --------------------------------------------------------------------------------------------------------------------


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait according to a ``Retry-After`` header (delta-seconds or HTTP date), ``None`` if unusable.

    A date in the past gives ``0.0``. ``now`` (Unix seconds) defaults to :func:`time.time`.
    """
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return seconds if seconds >= 0 and seconds == seconds and seconds != float("inf") else None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.UTC)
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)


@dataclass(frozen=True)
class RetryPolicy:
    """When and how long to wait before retrying a request.

    ``max_retries`` counts retries, so a request is sent at most ``max_retries + 1`` times. Attempt ``n`` (0-based)
    waits ``min(backoff_max, backoff_base * 2**n)``, drawn uniformly from ``[0, that]`` when ``jitter`` is on ("full
    jitter": clients that failed together do not retry together). A ``Retry-After`` given with 429 or 503 replaces
    the computed delay, capped by ``backoff_max`` so a hostile or confused server cannot park the caller for hours;
    with ``max_retry_after`` set, a ``Retry-After`` up to that many seconds is waited in full and a longer one is not
    waited for at all (the answer is raised at once: waiting longer than the caller accepts helps nobody).

    Only ``idempotent_methods`` are retried, on ``statuses`` or on timeouts and connection errors. ``POST`` is not
    in the default set: a timed-out ``POST`` may have been executed, and replaying it could create a second resource.
    ``retry_errors`` are the exceptions retried (default: timeouts and failed connections; a body cut short is not
    retried, since the request reached the server).
    """

    max_retries: int = 3
    backoff_base: float = 0.5
    backoff_max: float = 30.0
    jitter: bool = True
    statuses: tuple[int, ...] = (429, 502, 503, 504)
    idempotent_methods: tuple[str, ...] = ("GET", "HEAD", "OPTIONS", "PUT", "DELETE")
    rng: Callable[[], float] = field(default=random.random, repr=False, compare=False)
    max_retry_after: float | None = None
    retry_errors: tuple[type[BaseException], ...] = (httpx.TimeoutException, httpx.ConnectError)

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError(f"RetryPolicy.max_retries must be >= 0, got {self.max_retries}")
        if self.backoff_base < 0 or self.backoff_max < 0:
            raise ValueError("RetryPolicy.backoff_base and backoff_max must be >= 0")

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to sleep before retry number ``attempt`` (0 for the first retry)."""
        if retry_after is not None:
            cap = self.backoff_max if self.max_retry_after is None else self.max_retry_after
            return max(0.0, min(cap, retry_after))
        ceiling = min(self.backoff_max, self.backoff_base * (2.0 ** min(attempt, 64)))
        return ceiling * self.rng() if self.jitter else ceiling

    def allows(self, method: str) -> bool:
        """Whether requests with ``method`` may be retried at all."""
        return method.upper() in {m.upper() for m in self.idempotent_methods}

    def retries_status(self, method: str, status_code: int) -> bool:
        """Whether an answer with ``status_code`` to a ``method`` request is retried."""
        return self.allows(method) and status_code in self.statuses

    def retries_exception(self, method: str, exc: BaseException) -> bool:
        """Whether a request that raised ``exc`` (one of ``retry_errors``) is retried."""
        return self.allows(method) and isinstance(exc, self.retry_errors)


#: The statuses whose ``Retry-After`` header is honoured (RFC 9110 defines it for 503 and 3xx, RFC 6585 for 429).
RETRY_AFTER_STATUSES = (429, 503)


def retry_delay(
    policy: RetryPolicy, attempt: int, status_code: int | httpx.Response, retry_after: str | None = None
) -> float | None:
    """Seconds to wait before retry number ``attempt`` (0-based) after an answer with ``status_code`` and the
    ``Retry-After`` header value ``retry_after``; ``None`` when the server asks for a longer wait than
    ``policy.max_retry_after`` (then do not retry). An :class:`httpx.Response` may stand for both."""
    if isinstance(status_code, httpx.Response):
        retry_after = status_code.headers.get("Retry-After")
        status_code = status_code.status_code
    seconds = parse_retry_after(retry_after) if status_code in RETRY_AFTER_STATUSES else None
    if seconds is not None and policy.max_retry_after is not None and seconds > policy.max_retry_after:
        return None
    return policy.delay(attempt, seconds)
