"""Runtime shared by every client package that docs2client generates.

This module is copied verbatim into each generated package as ``<package>/_runtime.py``. It depends only on
``httpx``, ``typing_extensions`` and the standard library, so a generated package has no dependency on docs2client
itself and two generated packages never fight over a shared runtime version.

What lives here, and why it is not generated per operation:

* **Errors** (:class:`ApiError` and one subclass per status class / common status) so callers can ``except
  NotFoundError`` without knowing which operation raised it; every error carries the status, the decoded body and
  the provider's request id, which is what a support ticket needs.
* **Transports** (:class:`SyncTransport`, :class:`AsyncTransport`): base URL joining, default headers, timeouts and
  retries with exponential backoff and full jitter. Only idempotent methods are retried, because replaying a
  ``POST`` after a timeout can create a resource twice. Unless the caller brings its own ``httpx`` client (or a
  proxy is configured in the environment), a request is built once, signed over its exact URL and handed straight
  to the httpx transport, skipping ``httpx.Client``'s per-request merging, redirect and cookie machinery.
* **Auth** as :class:`httpx.Auth` implementations: SCP request signing (:class:`ScpAuth`) and NHN Cloud Keystone
  tokens (:class:`KeystoneAuth`). Secrets are kept out of ``repr()``, log records and exception messages.
* **Servers** (:class:`ServerConfig`): the documented ``{environment}``/``{region}`` combinations are validated
  before a request is sent, because an undocumented combination fails later with an opaque DNS error.
* **Deprecation** (:func:`warn_deprecated`): runtime warnings naming the sunset date and the newest version.
* **Pagination** helpers that turn offset/limit and marker/limit operations into iterators.
"""

from __future__ import annotations

import asyncio
import base64
import datetime as _dt
import email.utils
import hashlib
import hmac
import json as _json
import logging
import random
import re
import sys
import threading
import time
import urllib.request
import warnings
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Iterable,
    Iterator,
    Mapping,
    Sequence,
)
from dataclasses import dataclass, field
from enum import Enum
from types import TracebackType
from typing import Any, NoReturn, Self, TypeVar
from urllib.parse import quote, quote_plus

import httpx

__all__ = [
    "REDACTED",
    "SENSITIVE_HEADERS",
    "ApiDeprecationWarning",
    "ApiError",
    "AsyncTransport",
    "AuthenticationError",
    "BadRequestError",
    "ClientError",
    "ConflictError",
    "InternalServerError",
    "DeadlineExceededError",
    "InsecureUrlWarning",
    "HeaderAuth",
    "KeystoneAuth",
    "LimitExceededError",
    "Limits",
    "NotFoundError",
    "PermissionDeniedError",
    "PlannedVersionError",
    "RateLimitError",
    "RedirectError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "RetryPolicy",
    "ScpAuth",
    "ServerConfig",
    "ServerError",
    "SunsetPassedWarning",
    "SyncTransport",
    "TransportError",
    "aiterate_marker",
    "aiterate_offset",
    "drop_none",
    "error_for",
    "iterate_marker",
    "iterate_offset",
    "parse_retry_after",
    "quote_path_segment",
    "raise_planned",
    "redact_headers",
    "redact_url",
    "scp_signature",
    "warn_deprecated",
]

T = TypeVar("T")

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------------------------------
# Redaction
# --------------------------------------------------------------------------------------------------------------------

#: Header names (lower case) whose values are credentials. They are replaced by :data:`REDACTED` wherever this
#: module renders headers (reprs, log records, error messages).
SENSITIVE_HEADERS: frozenset[str] = frozenset(
    {
        "scp-signature",
        "scp-accesskey",
        "x-auth-token",
        "x-subject-token",
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
    }
)
REDACTED = "<redacted>"


def redact_headers(headers: Mapping[str, str] | httpx.Headers) -> dict[str, str]:
    """Return a plain dict of ``headers`` with credential values replaced by :data:`REDACTED`.

    Use it whenever headers are logged or shown: signatures and tokens are bearer credentials for their lifetime.
    """
    items: Iterable[tuple[str, str]] = headers.multi_items() if isinstance(headers, httpx.Headers) else headers.items()
    return {name: (REDACTED if name.lower() in SENSITIVE_HEADERS else value) for name, value in items}


def redact_url(url: str | httpx.URL) -> str:
    """``url`` without the credentials of its userinfo (``https://user:pass@host/`` -> ``https://<redacted>@host/``).

    Use it whenever a URL is logged or shown; the transports already strip userinfo from the URLs they send.
    """
    text = str(url)
    scheme, sep, rest = text.partition("://")
    if not sep:
        return text
    authority, slash, tail = rest.partition("/")
    if "@" not in authority:
        return text
    return f"{scheme}://{REDACTED}@{authority.rpartition('@')[2]}{slash}{tail}"


def _without_userinfo(url: str) -> tuple[str, httpx.BasicAuth | None]:
    """``url`` with its userinfo removed, and that userinfo as basic auth (what httpx would have sent)."""
    parsed = httpx.URL(url)
    if not parsed.userinfo:
        return url, None
    return redact_url(url).replace(f"{REDACTED}@", "", 1), httpx.BasicAuth(parsed.username, parsed.password)


# --------------------------------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------------------------------

#: Response headers that carry the provider's request id, in the order they are looked up.
REQUEST_ID_HEADERS: tuple[str, ...] = (
    "x-request-id",
    "Scp-Request-Id",
    "X-Openstack-Request-Id",
    "X-Compute-Request-Id",
)

_BODY_EXCERPT = 500


def _decode_body(response: httpx.Response) -> Any:
    """The response body as JSON when it parses, else as text (``None`` when empty)."""
    content = response.content
    if not content:
        return None
    try:
        return _json.loads(content)
    except ValueError:
        return response.text


class ApiError(Exception):
    """The API answered with an error status (>= 400).

    Attributes are plain data, not the :class:`httpx.Response`, so an error can be logged, pickled or kept around
    without holding the signed request (whose headers are credentials).
    """

    status_code: int
    body: Any
    request_id: str | None
    headers: httpx.Headers
    method: str
    url: str
    reason: str
    attempts: int

    def __init__(self, response: httpx.Response, message: str | None = None) -> None:
        self.status_code = response.status_code
        self.reason = response.reason_phrase
        self.body = _decode_body(response)
        self.headers = httpx.Headers(response.headers)
        self.request_id = next((v for h in REQUEST_ID_HEADERS if (v := response.headers.get(h))), None)
        try:
            request = response.request
        except RuntimeError:  # a Response built by hand has no request
            self.method, self.url = "", ""
        else:
            self.method, self.url = request.method, redact_url(request.url)
        self.attempts = 1
        self._message = message
        super().__init__(self._render())

    def _render(self) -> str:
        parts = [f"{self.status_code} {self.reason}".rstrip()]
        if self.method:
            parts.append(f"for {self.method} {self.url}")
        if self.request_id:
            parts.append(f"(request id {self.request_id})")
        text = " ".join(parts)
        if self._message:
            text = f"{self._message}: {text}"
        if self.body is not None:
            body = self.body if isinstance(self.body, str) else _json.dumps(self.body, ensure_ascii=False)
            if len(body) > _BODY_EXCERPT:
                body = body[:_BODY_EXCERPT] + "..."
            text = f"{text}: {body}"
        return text

    def __str__(self) -> str:
        return self._render()

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code}, method={self.method!r}, url={self.url!r}, "
            f"request_id={self.request_id!r})"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # Exceptions pickle through their args; rebuild from the plain attributes instead of the response.
        return (_restore_error, (type(self), self.__dict__.copy()))


def _restore_error(cls: type[ApiError], state: dict[str, Any]) -> ApiError:
    error = cls.__new__(cls)
    error.__dict__.update(state)
    Exception.__init__(error, error._render())
    return error


class ClientError(ApiError):
    """A 4xx answer: the request was wrong (retrying it unchanged will not help, except for 429)."""


class ServerError(ApiError):
    """A 5xx answer: the service failed."""


class ResponseValidationError(ApiError):
    """The API answered with success, but the body does not match the documented model (the service and its docs
    disagree). Carries the URL, status, request id and body like every :class:`ApiError`; the pydantic
    ``ValidationError`` with every mismatch is chained as ``__cause__``."""


class BadRequestError(ClientError):
    """400 Bad Request."""


class AuthenticationError(ClientError):
    """401 Unauthorized: missing, wrong or expired credentials."""


class PermissionDeniedError(ClientError):
    """403 Forbidden."""


class NotFoundError(ClientError):
    """404 Not Found."""


class ConflictError(ClientError):
    """409 Conflict."""


class RateLimitError(ClientError):
    """429 Too Many Requests; :attr:`retry_after` is the server's ``Retry-After`` in seconds, when given."""

    retry_after: float | None

    def __init__(self, response: httpx.Response, message: str | None = None) -> None:
        self.retry_after = parse_retry_after(response.headers.get("Retry-After"))
        super().__init__(response, message)


class InternalServerError(ServerError):
    """500 Internal Server Error."""


class RedirectError(ApiError):
    """A 3xx answer that was not followed (the transports follow none unless the caller's httpx client is set to).

    A redirect is not a success: a ``DELETE`` answered with 302 did not delete anything. :attr:`location` is where
    the server pointed.
    """

    location: str | None

    def __init__(self, response: httpx.Response, message: str | None = None) -> None:
        self.location = response.headers.get("Location")
        super().__init__(response, message or f"redirect to {self.location!r} not followed")


_ERRORS_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
    500: InternalServerError,
}


def error_for(response: httpx.Response) -> ApiError:
    """The typed error for an error ``response``: the status's own class, else its status class."""
    status = response.status_code
    cls = _ERRORS_BY_STATUS.get(status)
    if cls is None:
        cls = (
            ClientError
            if 400 <= status < 500
            else ServerError if 500 <= status < 600 else RedirectError if 300 <= status < 400 else ApiError
        )
    return cls(response)


def _is_failure(status: int) -> bool:
    """An answer the transports raise for: an error status, or a redirect left unfollowed (304 is an answer)."""
    return status >= 400 or (300 <= status < 400 and status != 304)


class TransportError(Exception):
    """The request never got an HTTP answer (network error or timeout), after any retries.

    The underlying :class:`httpx.TransportError` is available as :attr:`cause` and as ``__cause__``.
    """

    cause: httpx.TransportError | None

    def __init__(self, cause: httpx.TransportError, *, method: str, url: str, attempts: int) -> None:
        self.cause = cause
        self.method = method
        self.url = redact_url(url)
        self.attempts = attempts
        plural = "s" if attempts != 1 else ""
        detail = str(cause) or type(cause).__name__
        super().__init__(
            f"{method} {self.url} failed after {attempts} attempt{plural}: {type(cause).__name__}: {detail}"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # The cause holds the request (a token request carries the API password): a pickle keeps only the text.
        state = {k: v for k, v in self.__dict__.items() if k != "cause"}
        return (_restore_transport_error, (type(self), str(self), state))


def _restore_transport_error(cls: type[TransportError], message: str, state: dict[str, Any]) -> TransportError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    error.cause = None
    return error


class LimitExceededError(Exception):
    """A call hit one of its :class:`Limits`; the subclass and the message say which."""

    def __init__(self, message: str, *, method: str, url: str) -> None:
        self.method = method
        self.url = redact_url(url)
        super().__init__(f"{method} {self.url}: {message}")


class ResponseTooLargeError(LimitExceededError):
    """The response body (after content decoding) was larger than ``Limits.max_response_bytes``."""


class DeadlineExceededError(LimitExceededError):
    """The call (all attempts, reads and retry waits together) ran longer than ``Limits.deadline`` seconds."""


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
class _Call:
    """One logical call's budget: its limits and the monotonic time its deadline falls at."""

    method: str
    url: str
    limits: Limits
    deadline_at: float | None

    @classmethod
    def start(cls, method: str, url: str, limits: Limits) -> _Call:
        deadline_at = None if limits.deadline is None else time.monotonic() + limits.deadline
        return cls(method, url, limits, deadline_at)

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


def _read_limited(response: httpx.Response, call: _Call) -> None:
    """Read ``response``'s body as :meth:`httpx.Response.read` does, within the call's size and deadline."""
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            size = call.add(size, len(chunk))
            chunks.append(chunk)
    finally:
        response.close()
    response._content = b"".join(chunks)  # what Response.read() stores


async def _aread_limited(response: httpx.Response, call: _Call) -> None:
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in response.aiter_bytes():
            size = call.add(size, len(chunk))
            chunks.append(chunk)
    finally:
        await response.aclose()
    response._content = b"".join(chunks)


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
    the computed delay, capped by ``backoff_max`` so a hostile or confused server cannot park the caller for hours.

    Only ``idempotent_methods`` are retried, on ``statuses`` or on timeouts and connection errors. ``POST`` is not
    in the default set: a timed-out ``POST`` may have been executed, and replaying it could create a second resource.
    """

    max_retries: int = 3
    backoff_base: float = 0.5
    backoff_max: float = 30.0
    jitter: bool = True
    statuses: tuple[int, ...] = (429, 502, 503, 504)
    idempotent_methods: tuple[str, ...] = ("GET", "HEAD", "OPTIONS", "PUT", "DELETE")
    rng: Callable[[], float] = field(default=random.random, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError(f"RetryPolicy.max_retries must be >= 0, got {self.max_retries}")
        if self.backoff_base < 0 or self.backoff_max < 0:
            raise ValueError("RetryPolicy.backoff_base and backoff_max must be >= 0")

    def delay(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to sleep before retry number ``attempt`` (0 for the first retry)."""
        if retry_after is not None:
            return max(0.0, min(self.backoff_max, retry_after))
        ceiling = min(self.backoff_max, self.backoff_base * (2.0 ** min(attempt, 64)))
        return ceiling * self.rng() if self.jitter else ceiling

    def allows(self, method: str) -> bool:
        """Whether requests with ``method`` may be retried at all."""
        return method.upper() in {m.upper() for m in self.idempotent_methods}

    def retries_status(self, method: str, status_code: int) -> bool:
        """Whether an answer with ``status_code`` to a ``method`` request is retried."""
        return self.allows(method) and status_code in self.statuses

    def retries_exception(self, method: str, exc: BaseException) -> bool:
        """Whether a request that raised ``exc`` (a timeout or a failed connection) is retried."""
        return self.allows(method) and isinstance(exc, (httpx.TimeoutException, httpx.ConnectError))


_RETRY_AFTER_STATUSES = (429, 503)


def _retry_delay(policy: RetryPolicy, attempt: int, response: httpx.Response | None) -> float:
    retry_after = None
    if response is not None and response.status_code in _RETRY_AFTER_STATUSES:
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
    return policy.delay(attempt, retry_after)


# --------------------------------------------------------------------------------------------------------------------
# Query parameters
# --------------------------------------------------------------------------------------------------------------------


def _query_value(value: Any) -> str:
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    return str(value)


def drop_none(mapping: Mapping[str, Any] | None) -> dict[str, str | list[str]]:
    """Query parameters ready for httpx: unset (``None``) values omitted, booleans as ``"true"``/``"false"``,
    enums by value, dates in ISO format, lists/tuples as repeated keys (``None`` items dropped).

    ``str(True)`` would send ``True``, which most APIs reject; this is why the helper exists.
    """
    result: dict[str, str | list[str]] = {}
    if not mapping:
        return result
    for key, value in mapping.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple, set, frozenset)):
            items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
            result[key] = [_query_value(item) for item in items if item is not None]
        else:
            result[key] = _query_value(value)
    return result


# --------------------------------------------------------------------------------------------------------------------
# Path segments
# --------------------------------------------------------------------------------------------------------------------

#: What Go's ``url.PathEscape`` leaves unescaped besides letters, digits and ``-._~`` (RFC 3986 allows ``:`` ``@``
#: ``&`` ``=`` ``+`` ``$`` in a segment and reserves ``/`` ``;`` ``,`` ``?``). SCP's own SDK builds its URLs so, and
#: the signature covers the URL, so a client that encoded ``:`` or ``@`` would sign a different URL than the SDK.
_PATH_SEGMENT_SAFE = "$&+:=@"


def quote_path_segment(value: str) -> str:
    """``value`` as one path segment, escaped like Go's ``url.PathEscape``.

    ``.``, ``..`` and the empty string are refused (:class:`ValueError`): URL normalisation resolves them, so
    ``detach_volume("vol-1", "..")`` would otherwise send ``DELETE /v1/volumes/vol-1`` (a different, signed call).
    """
    if value in ("", ".", ".."):
        raise ValueError(f"{value!r} is not a valid path argument: it would change which resource the call targets")
    return quote(value, safe=_PATH_SEGMENT_SAFE)


# --------------------------------------------------------------------------------------------------------------------
# Transports
# --------------------------------------------------------------------------------------------------------------------

#: httpx's logger: the fast path logs the same ``HTTP Request: ...`` INFO line as :class:`httpx.Client`, so logging
#: configured for httpx keeps working.
_httpx_logger = logging.getLogger("httpx")

_client_headers: list[tuple[str, str, str]] | None = None


def _client_default_headers() -> list[tuple[str, str, str]]:
    """The headers :class:`httpx.Client` adds to every request (``Accept``, ``Accept-Encoding``, ``Connection``,
    ``User-Agent``) as (name, value, lower-case name).

    Read once from a throwaway client (public API; a client given a transport builds no SSL context and reads no
    proxies), so they follow the installed httpx version.
    """
    global _client_headers
    if _client_headers is None:
        with httpx.Client(transport=httpx.BaseTransport()) as client:
            raw = client.headers.raw
        _client_headers = [(n.decode("latin-1"), v.decode("latin-1"), n.decode("latin-1").lower()) for n, v in raw]
    return _client_headers


def _env_proxies() -> bool:
    """Whether ``httpx.Client()`` would send some request through a proxy taken from the environment.

    Mirrors how httpx reads the environment (``urllib.request.getproxies()``: ``http``, ``https`` and ``all``
    proxies, ``NO_PROXY=*`` disabling them all) but ignores host-specific ``NO_PROXY`` entries: a proxy variable that
    might apply is enough to choose the full client path, which then decides per URL exactly as httpx does.
    """
    info = urllib.request.getproxies()
    if "*" in (host.strip() for host in info.get("no", "").split(",")):
        return False
    return any(info.get(scheme) for scheme in ("http", "https", "all"))


def _join_url(base_url: str, path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    if not path:
        return base_url
    return base_url.rstrip("/") + "/" + path.lstrip("/")


def _encode_query(query: Mapping[str, str | list[str]]) -> str:
    """``query`` as httpx encodes ``params=`` (``str(httpx.QueryParams(query))``): ``urllib.parse.urlencode`` over
    the multi-items, so spaces become ``+`` and ``/``, ``+``, ``&``, ``=`` and non-ASCII are percent-encoded, and a
    list repeats its key (an empty list sends nothing)."""
    parts: list[str] = []
    for key, value in query.items():
        name = quote_plus(str(key), "")
        if isinstance(value, list):
            parts.extend(name + "=" + quote_plus(item, "") for item in value)
        else:
            parts.append(name + "=" + quote_plus(value, ""))
    return "&".join(parts)


def _target_url(url: str, query: Mapping[str, str | list[str]]) -> httpx.URL:
    """The URL httpx would send for ``url`` with ``params=query`` (``httpx.Request(..., params=query).url``).

    The query string is appended as text, which parses to the same URL as httpx's ``params=`` handling. A URL that
    already has a query or fragment is left to httpx, whose ``params=`` replaces that query; this keeps the URL
    exactly what :class:`httpx.Client` used to send.
    """
    if "?" in url or "#" in url:
        return httpx.URL(url, params=query)
    if not query:
        return httpx.URL(url)
    return httpx.URL(url + "?" + _encode_query(query))


class RawContent(bytes):
    """An encoded request body travelling where a JSON value would (``request(content=...)``)."""


def _body(json: Any) -> dict[str, Any]:
    """httpx's keyword for the body: ``content`` for encoded bytes, ``json`` for a JSON value."""
    return {"content": bytes(json)} if isinstance(json, RawContent) else {"json": json}


class _FunctionAuth(httpx.Auth):
    """A plain callable used as auth (as :class:`httpx.Client` accepts it): called with the request, sends its
    result."""

    def __init__(self, func: Callable[[httpx.Request], httpx.Request]) -> None:
        self._func = func

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        yield self._func(request)


#: Headers that carry credentials of the origin they were made for (SCP signing included): never sent elsewhere.
_ORIGIN_BOUND_HEADERS = SENSITIVE_HEADERS | frozenset(
    {"scp-accesskey", "scp-signature", "scp-timestamp", "scp-clienttype", "scp-accountid"}
)


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return (url.scheme, url.host, url.port)


def _redirect(request: httpx.Request, response: httpx.Response) -> tuple[httpx.Request, bool] | None:
    """The request a caller's ``follow_redirects=True`` client would send next, and whether it stays on the same
    origin (then it is signed again for its URL; otherwise it goes without credentials). None: not a redirect."""
    location = response.headers.get("Location")
    if not response.is_redirect or location is None:
        return None
    target = request.url.join(location)
    method = request.method
    if (response.status_code == 303 and method != "HEAD") or (response.status_code in (301, 302) and method == "POST"):
        method = "GET"
    same_origin = _origin(target) == _origin(request.url)
    drop = {"host"} | (set() if same_origin else set(_ORIGIN_BOUND_HEADERS))
    if method != request.method:
        drop |= {"content-length", "content-type", "transfer-encoding"}
    headers = [(k, v) for k, v in request.headers.multi_items() if k.lower() not in drop]
    content = request.content if method == request.method else b""
    return httpx.Request(method, target, headers=headers, content=content, extensions=request.extensions), same_origin


def _log_response(request: httpx.Request, response: httpx.Response) -> None:
    if _httpx_logger.isEnabledFor(logging.INFO):
        _httpx_logger.info(
            'HTTP Request: %s %s "%s %d %s"',
            request.method,
            redact_url(request.url),
            response.http_version,
            response.status_code,
            response.reason_phrase,
        )


#: Methods httpx sends ``Content-Length: 0`` with when they have no body, and the headers that prevent it.
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})
_LENGTH_HEADERS = frozenset({"content-length", "transfer-encoding"})

_CLOSED_MESSAGE = "Cannot send a request, as the client has been closed."


class InsecureUrlWarning(UserWarning):
    """A client was pointed at a plain ``http://`` URL on another machine (credentials would travel in clear)."""


#: Hosts for which plain http stays on this machine (a local test server or proxy): no warning.
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


class _TransportBase:
    """Configuration shared by the sync and async transports, and the fast path's request building."""

    def __init__(
        self,
        *,
        base_url: str,
        auth: httpx.Auth | None,
        timeout: float | httpx.Timeout,
        retry: RetryPolicy | None,
        headers: Mapping[str, str] | None,
        limits: Limits | None = None,
    ) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must be an http:// or https:// URL, got {redact_url(base_url)!r}")
        # Credentials in the URL become basic auth here, so no URL this transport sends, logs or raises holds them.
        self.base_url, userinfo_auth = _without_userinfo(base_url)
        if self.base_url.startswith("http://") and httpx.URL(self.base_url).host not in _LOOPBACK_HOSTS:
            warnings.warn(
                f"base_url {self.base_url!r} is plain http: requests, signatures and tokens travel unencrypted",
                InsecureUrlWarning,
                stacklevel=3,
            )
        self.auth = auth if auth is not None else userinfo_auth
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self.retry = retry if retry is not None else RetryPolicy()
        self.limits = limits if limits is not None else Limits()
        self.headers: dict[str, str] = dict(headers or {})
        self._closed = False

    def _prepare(
        self, method: str, path: str, params: Mapping[str, Any] | None, headers: Mapping[str, str] | None
    ) -> tuple[str, str, dict[str, str | list[str]], dict[str, str]]:
        merged = dict(self.headers)
        if headers:
            merged.update(headers)
        # Query parameters go out sorted by name, as SCP's Go SDK sends and signs them (``url.Values.Encode``):
        # the server checks the signature over the URL it rebuilds that way, whatever order the call named them in.
        query = dict(sorted(drop_none(params).items()))
        return method.upper(), _join_url(self.base_url, path), query, merged

    def _auth_kwargs(self) -> dict[str, Any]:
        # Without our own auth, fall back to the auth configured on a caller-supplied client.
        return {"auth": self.auth} if self.auth is not None else {}

    def _request_auth(self, url: httpx.URL) -> httpx.Auth | None:
        """The auth flow to drive for a fast-path request, as :class:`httpx.Client` would choose it (``None``: send
        the request as built). Credentials in the URL's userinfo give basic auth when no auth is configured."""
        auth: object = self.auth
        if auth is None:
            if url.userinfo:
                return httpx.BasicAuth(url.username, url.password)
            return None
        if isinstance(auth, httpx.Auth):
            return auth
        if isinstance(auth, tuple):
            return httpx.BasicAuth(*auth)
        if callable(auth):
            return _FunctionAuth(auth)
        raise TypeError(f'Invalid "auth" argument: {auth!r}')

    def _build_request(
        self, method: str, url: str, query: Mapping[str, str | list[str]], headers: Mapping[str, str], json: Any
    ) -> tuple[httpx.Request, httpx.Auth | None]:
        """One :class:`httpx.Request` carrying everything :class:`httpx.Client` would have put on it (its default
        headers, ours, the timeout), plus the auth flow still to drive.

        :class:`ScpAuth` (exactly that class; a subclass may override its flow) signs here, over ``str(url)`` of the
        very URL object the request is built with, so its headers go in at construction and no flow is needed.
        """
        target = _target_url(url, query)
        lowered = {name.lower() for name in headers}
        items = [(name, value) for name, value, low in _client_default_headers() if low not in lowered]
        items.extend(headers.items())
        auth = self._request_auth(target)
        if type(auth) is ScpAuth:
            items = [item for item in items if item[0].lower() not in _SCP_HEADER_NAMES]
            items.extend(auth.signing_headers(method, str(target)))
            auth = None
        extensions = {"timeout": self.timeout.as_dict()}
        if json is not None:
            return httpx.Request(method, target, headers=items, extensions=extensions, **_body(json)), auth
        # No body: build the request from a stream, which skips httpx's content encoding and its second pass over
        # the headers, and add the two headers httpx would have added for an empty body, in its order.
        automatic: list[tuple[str, str]] = []
        if "host" not in lowered and target.host:
            automatic.append(("Host", target.netloc.decode("ascii")))
        if method in _BODY_METHODS and not lowered & _LENGTH_HEADERS:
            automatic.append(("Content-Length", "0"))
        request = httpx.Request(
            method, target, headers=automatic + items, stream=httpx.ByteStream(b""), extensions=extensions
        )
        request.read()  # as httpx does for in-memory content, so request.content is available
        return request, auth

    def _log_retry(self, method: str, url: str, attempt: int, delay: float, reason: str) -> None:
        logger.info(
            "retrying %s %s after %s (retry %d of %d) in %.2fs",
            method,
            redact_url(url),
            reason,
            attempt + 1,
            self.retry.max_retries,
            delay,
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={redact_url(self.base_url)!r}, retry={self.retry!r})"


class SyncTransport(_TransportBase):
    """Sends requests with httpx, retrying as :class:`RetryPolicy` allows, raising :class:`ApiError` on >= 400.

    Pass ``http_client`` to reuse a configured :class:`httpx.Client` (it is not closed by :meth:`close`), or
    ``transport`` to plug in an :class:`httpx.BaseTransport` (for example :class:`httpx.MockTransport` in tests).
    ``sleep`` is injectable so tests can record backoff delays instead of waiting.

    How a request travels:

    * With ``http_client``, through ``http_client.build_request`` and ``http_client.send(request, auth=...)``, so
      the client's base headers, proxies, TLS settings, event hooks, cookies and redirect policy all apply.
    * Otherwise on the fast path: the URL (query string included) is built once, :class:`ScpAuth` signs that exact
      string, one :class:`httpx.Request` is constructed with every header (httpx's default ``Accept``,
      ``Accept-Encoding``, ``Connection`` and ``User-Agent`` included) and the timeout, and it goes straight to
      the transport's ``handle_request``; any other :class:`httpx.Auth` (such as :class:`KeystoneAuth`) has its
      ``sync_auth_flow`` driven here, as :class:`httpx.Client` would. The transport is ``transport`` or, when none
      is given, an :class:`httpx.HTTPTransport` with httpx's defaults (which honours ``SSL_CERT_FILE`` /
      ``SSL_CERT_DIR``).
    * Proxies from the environment: httpx has no public API to ask a client which transport serves a URL, so when
      ``urllib.request.getproxies()`` names an ``http``/``https``/``all`` proxy (and ``NO_PROXY`` is not ``*``)
      and no ``transport`` is given, the transport creates an :class:`httpx.Client` and sends every request through
      it, exactly as before (slower, but with httpx's own per-host proxy and ``NO_PROXY`` rules).

    Redirects are not followed (httpx's default): an API client should not silently re-send a request elsewhere,
    and an unfollowed 3xx is a :class:`RedirectError`, not a success. A caller's own client with
    ``follow_redirects=True`` follows them, signed again on the same origin and without any credential header
    (``Scp-*`` signing, ``X-Auth-Token``, ``Authorization``, cookies) on a hop to another origin. The fast path
    keeps no cookie jar, so a ``Set-Cookie`` answer is not replayed on later calls.
    """

    def __init__(
        self,
        *,
        base_url: str,
        auth: httpx.Auth | None = None,
        timeout: float | httpx.Timeout = 30.0,
        retry: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        limits: Limits | None = None,
    ) -> None:
        super().__init__(base_url=base_url, auth=auth, timeout=timeout, retry=retry, headers=headers, limits=limits)
        if http_client is not None and transport is not None:
            raise ValueError("pass either http_client or transport, not both")
        self._owns_client = http_client is None
        self._client: httpx.Client | None = http_client
        self._transport: httpx.BaseTransport | None = transport
        if http_client is None and transport is None:
            if _env_proxies():
                self._client = httpx.Client()
            else:
                self._transport = httpx.HTTPTransport()
        self._sleep = sleep

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        content: bytes | None = None,
    ) -> httpx.Response:
        """Send one logical request; returns the (read) response, raises :class:`ApiError` or
        :class:`TransportError` once retries are exhausted. ``content`` is an already encoded body (multipart, form,
        binary, text; its ``Content-Type`` comes in ``headers``), sent instead of ``json``."""
        json = json if content is None else RawContent(content)
        method, url, query, merged = self._prepare(method, path, params, headers)
        call = _Call.start(method, url, self.limits)
        attempt = 0
        while True:
            try:
                response = self._send(method, url, query, merged, json, call)
            except httpx.TransportError as exc:
                if attempt < self.retry.max_retries and self.retry.retries_exception(method, exc):
                    delay = self.retry.delay(attempt)
                    call.check(delay)
                    self._log_retry(method, url, attempt, delay, type(exc).__name__)
                    self._sleep(delay)
                    attempt += 1
                    continue
                call.check()  # a read cut short by the capped timeout is the deadline, not the network
                raise TransportError(exc, method=method, url=url, attempts=attempt + 1) from exc
            if not _is_failure(response.status_code):
                return response
            if attempt < self.retry.max_retries and self.retry.retries_status(method, response.status_code):
                delay = _retry_delay(self.retry, attempt, response)
                call.check(delay)
                self._log_retry(method, url, attempt, delay, f"HTTP {response.status_code}")
                response.close()
                self._sleep(delay)
                attempt += 1
                continue
            error = error_for(response)
            error.attempts = attempt + 1
            raise error

    def _send(
        self,
        method: str,
        url: str,
        query: dict[str, str | list[str]],
        headers: dict[str, str],
        json: Any,
        call: _Call,
    ) -> httpx.Response:
        """One attempt: the read response (auth flow included)."""
        call.check()
        transport = self._transport
        if transport is None:
            assert self._client is not None
            request = self._client.build_request(
                method, url, params=query, headers=headers, timeout=call.timeout(self.timeout), **_body(json)
            )
            client = self._client
            response = client.send(request, stream=True, follow_redirects=False, **self._auth_kwargs())
            for _ in range(client.max_redirects if client.follow_redirects else 0):
                hop = _redirect(request, response)
                if hop is None:
                    break
                response.close()
                request, same_origin = hop
                call.check()
                hop_auth = self._auth_kwargs() if same_origin else {"auth": None}
                response = client.send(request, stream=True, follow_redirects=False, **hop_auth)
            _read_limited(response, call)
            return response
        if self._closed:
            raise RuntimeError(_CLOSED_MESSAGE)
        request, auth = self._build_request(method, url, query, headers, json)
        if auth is None:
            return self._send_single(transport, request, call)
        return self._send_with_auth(transport, request, auth, call)

    def _send_single(self, transport: httpx.BaseTransport, request: httpx.Request, call: _Call) -> httpx.Response:
        start = time.perf_counter()
        request.extensions["timeout"] = call.timeout(self.timeout).as_dict()
        try:
            response = transport.handle_request(request)
            response.request = request
            _read_limited(response, call)
        except httpx.RequestError as exc:
            exc.request = request
            raise
        response.elapsed = _dt.timedelta(seconds=time.perf_counter() - start)
        _log_response(request, response)
        return response

    def _send_with_auth(
        self, transport: httpx.BaseTransport, request: httpx.Request, auth: httpx.Auth, call: _Call
    ) -> httpx.Response:
        """Drive ``auth.sync_auth_flow`` as :class:`httpx.Client` does: send each request it yields, hand it the
        response, and return the response it does not follow up."""
        flow = auth.sync_auth_flow(request)
        history: list[httpx.Response] = []
        try:
            request = next(flow)
            while True:
                response = self._send_single(transport, request, call)
                response.history = list(history)
                try:
                    request = flow.send(response)
                except StopIteration:
                    return response
                except BaseException:
                    response.close()
                    raise
                history.append(response)
        finally:
            flow.close()

    def close(self) -> None:
        """Close the underlying client or transport if this transport created it (or was given ``transport``)."""
        if self._owns_client and not self._closed:
            if self._client is not None:
                self._client.close()
            elif self._transport is not None:
                self._transport.close()
        self._closed = True

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncTransport(_TransportBase):
    """The asyncio twin of :class:`SyncTransport`: ``http_client`` is an :class:`httpx.AsyncClient`, the fast path
    sends through ``handle_async_request`` of ``transport`` or of an :class:`httpx.AsyncHTTPTransport`, and the
    same proxy, redirect and cookie rules apply."""

    def __init__(
        self,
        *,
        base_url: str,
        auth: httpx.Auth | None = None,
        timeout: float | httpx.Timeout = 30.0,
        retry: RetryPolicy | None = None,
        headers: Mapping[str, str] | None = None,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        limits: Limits | None = None,
    ) -> None:
        super().__init__(base_url=base_url, auth=auth, timeout=timeout, retry=retry, headers=headers, limits=limits)
        if http_client is not None and transport is not None:
            raise ValueError("pass either http_client or transport, not both")
        self._owns_client = http_client is None
        self._client: httpx.AsyncClient | None = http_client
        self._transport: httpx.AsyncBaseTransport | None = transport
        if http_client is None and transport is None:
            if _env_proxies():
                self._client = httpx.AsyncClient()
            else:
                self._transport = httpx.AsyncHTTPTransport()
        self._sleep = sleep

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        json: Any = None,
        content: bytes | None = None,
    ) -> httpx.Response:
        """Send one logical request; see :meth:`SyncTransport.request`."""
        json = json if content is None else RawContent(content)
        method, url, query, merged = self._prepare(method, path, params, headers)
        call = _Call.start(method, url, self.limits)
        attempt = 0
        while True:
            try:
                response = await self._send_within_deadline(method, url, query, merged, json, call)
            except httpx.TransportError as exc:
                if attempt < self.retry.max_retries and self.retry.retries_exception(method, exc):
                    delay = self.retry.delay(attempt)
                    call.check(delay)
                    self._log_retry(method, url, attempt, delay, type(exc).__name__)
                    await self._sleep(delay)
                    attempt += 1
                    continue
                call.check()
                raise TransportError(exc, method=method, url=url, attempts=attempt + 1) from exc
            if not _is_failure(response.status_code):
                return response
            if attempt < self.retry.max_retries and self.retry.retries_status(method, response.status_code):
                delay = _retry_delay(self.retry, attempt, response)
                call.check(delay)
                self._log_retry(method, url, attempt, delay, f"HTTP {response.status_code}")
                await response.aclose()
                await self._sleep(delay)
                attempt += 1
                continue
            error = error_for(response)
            error.attempts = attempt + 1
            raise error

    async def _send_within_deadline(
        self,
        method: str,
        url: str,
        query: dict[str, str | list[str]],
        headers: dict[str, str],
        json: Any,
        call: _Call,
    ) -> httpx.Response:
        """One attempt, cancelled when the call's deadline passes (also while the headers trickle in)."""
        call.check()
        remaining = call.remaining()
        if remaining is None:
            return await self._send(method, url, query, headers, json, call)
        try:
            async with asyncio.timeout(remaining):
                return await self._send(method, url, query, headers, json, call)
        except TimeoutError:
            call.check()
            raise

    async def _send(
        self,
        method: str,
        url: str,
        query: dict[str, str | list[str]],
        headers: dict[str, str],
        json: Any,
        call: _Call,
    ) -> httpx.Response:
        """One attempt: the read response (auth flow included)."""
        transport = self._transport
        if transport is None:
            assert self._client is not None
            request = self._client.build_request(
                method, url, params=query, headers=headers, timeout=call.timeout(self.timeout), **_body(json)
            )
            client = self._client
            response = await client.send(request, stream=True, follow_redirects=False, **self._auth_kwargs())
            for _ in range(client.max_redirects if client.follow_redirects else 0):
                hop = _redirect(request, response)
                if hop is None:
                    break
                await response.aclose()
                request, same_origin = hop
                call.check()
                hop_auth = self._auth_kwargs() if same_origin else {"auth": None}
                response = await client.send(request, stream=True, follow_redirects=False, **hop_auth)
            await _aread_limited(response, call)
            return response
        if self._closed:
            raise RuntimeError(_CLOSED_MESSAGE)
        request, auth = self._build_request(method, url, query, headers, json)
        if auth is None:
            return await self._send_single(transport, request, call)
        return await self._send_with_auth(transport, request, auth, call)

    async def _send_single(
        self, transport: httpx.AsyncBaseTransport, request: httpx.Request, call: _Call
    ) -> httpx.Response:
        start = time.perf_counter()
        request.extensions["timeout"] = call.timeout(self.timeout).as_dict()
        try:
            response = await transport.handle_async_request(request)
            response.request = request
            await _aread_limited(response, call)
        except httpx.RequestError as exc:
            exc.request = request
            raise
        response.elapsed = _dt.timedelta(seconds=time.perf_counter() - start)
        _log_response(request, response)
        return response

    async def _send_with_auth(
        self, transport: httpx.AsyncBaseTransport, request: httpx.Request, auth: httpx.Auth, call: _Call
    ) -> httpx.Response:
        """Drive ``auth.async_auth_flow`` as :class:`httpx.AsyncClient` does."""
        flow = auth.async_auth_flow(request)
        history: list[httpx.Response] = []
        try:
            request = await flow.__anext__()
            while True:
                response = await self._send_single(transport, request, call)
                response.history = list(history)
                try:
                    request = await flow.asend(response)
                except StopAsyncIteration:
                    return response
                except BaseException:
                    await response.aclose()
                    raise
                history.append(response)
        finally:
            await flow.aclose()

    async def aclose(self) -> None:
        """Close the underlying client or transport if this transport created it (or was given ``transport``)."""
        if self._owns_client and not self._closed:
            if self._client is not None:
                await self._client.aclose()
            elif self._transport is not None:
                await self._transport.aclose()
        self._closed = True

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()


# --------------------------------------------------------------------------------------------------------------------
# Auth: SCP request signing
# --------------------------------------------------------------------------------------------------------------------


def scp_signature(
    secret_key: str,
    *,
    method: str,
    url: str,
    timestamp: str,
    access_key: str,
    account_id: str,
    client_type: str = "Openapi",
) -> str:
    """``base64(HMAC-SHA256(secret_key, METHOD + url + timestamp + access_key + account_id + client_type))``.

    ``url`` is the full URL as sent: path segments escaped like Go's ``url.PathEscape`` (see
    :func:`quote_path_segment`) and the query sorted by name and escaped like Go's ``url.Values.Encode``, which is
    how the transports build every URL.
    """
    message = method.upper() + url + timestamp + access_key + account_id + client_type
    digest = hmac.digest(secret_key.encode("utf-8"), message.encode("utf-8"), hashlib.sha256)
    return base64.b64encode(digest).decode("ascii")


#: Lower-case names of the headers :meth:`ScpAuth.signing_headers` returns (they replace caller headers of the same
#: name).
_SCP_HEADER_NAMES = frozenset(
    {"scp-accesskey", "scp-signature", "scp-timestamp", "scp-clienttype", "scp-accountid", "accept-language"}
)


class ScpAuth(httpx.Auth):
    """Samsung Cloud Platform request signing.

    Every request (including each retry, so the timestamp stays fresh) gets ``Scp-AccessKey``, ``Scp-Signature``,
    ``Scp-Timestamp`` (Unix milliseconds), ``Scp-ClientType``, ``Scp-AccountId`` and ``Accept-Language``. The
    signature covers the method, the full URL exactly as sent (query string included), the timestamp, the access key,
    the account id and the client type. ``clock`` returns Unix seconds and is injectable for tests.
    """

    def __init__(
        self,
        access_key: str,
        secret_key: str,
        account_id: str,
        *,
        client_type: str = "Openapi",
        language: str = "en-US",
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not access_key or not secret_key:
            raise ValueError("ScpAuth needs a non-empty access key and secret key")
        self._access_key = access_key
        self._secret_key = secret_key
        self.account_id = account_id
        self.client_type = client_type
        self.language = language
        self._clock = clock

    def signing_headers(self, method: str, url: str) -> list[tuple[str, str]]:
        """The signing headers for a ``method`` request to ``url``, with a fresh timestamp.

        ``url`` must be exactly the URL as sent, ``str(request.url)`` (query string included), since the signature
        covers it; the transports build the :class:`httpx.URL` first and sign its string before creating the
        request, so the headers can go in at construction.
        """
        timestamp = str(round(self._clock() * 1000))
        signature = scp_signature(
            self._secret_key,
            method=method,
            url=url,
            timestamp=timestamp,
            access_key=self._access_key,
            account_id=self.account_id,
            client_type=self.client_type,
        )
        return [
            ("Scp-AccessKey", self._access_key),
            ("Scp-Signature", signature),
            ("Scp-Timestamp", timestamp),
            ("Scp-ClientType", self.client_type),
            ("Scp-AccountId", self.account_id),
            ("Accept-Language", self.language),
        ]

    def sign(self, request: httpx.Request) -> None:
        """Add the signing headers to ``request`` in place (replacing any of the same name)."""
        for name, value in self.signing_headers(request.method, str(request.url)):
            request.headers[name] = value

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        self.sign(request)
        yield request

    def __repr__(self) -> str:
        return (
            f"ScpAuth(access_key={REDACTED!r}, secret_key={REDACTED!r}, account_id={self.account_id!r}, "
            f"client_type={self.client_type!r})"
        )


# --------------------------------------------------------------------------------------------------------------------
# Auth: NHN Cloud Keystone tokens
# --------------------------------------------------------------------------------------------------------------------


def _parse_iso_datetime(value: str) -> _dt.datetime:
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    parsed = _dt.datetime.fromisoformat(text)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=_dt.UTC)


def _without_body(error: ApiError) -> ApiError:
    """``error`` with its body and headers withheld: an identity endpoint's answer holds the token (or echoes the
    credentials), which must not reach a message, a log or a pickle."""
    error.body = REDACTED
    error.headers = httpx.Headers(redact_headers(error.headers))
    error.args = (error._render(),)
    return error


class HeaderAuth(httpx.Auth):
    """Credentials a service takes as request headers (``X-Secret-Key``, ``X-TC-AUTHENTICATION-ID`` and
    ``-SECRET``, ``X-NHN-Authorization: Bearer ...``): set on every request to the origin of the first request, and
    never on a request to another origin (a redirect elsewhere does not take them along). The repr names the headers,
    never their values.
    """

    def __init__(self, headers: Mapping[str, str]) -> None:
        if not headers:
            raise ValueError("HeaderAuth needs at least one header")
        self._headers = dict(headers)
        self._origin: tuple[str, str, int | None] | None = None

    def __repr__(self) -> str:
        return f"HeaderAuth({sorted(self._headers)!r})"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        origin = (request.url.scheme, request.url.host, request.url.port)
        if self._origin is None:
            self._origin = origin
        if origin == self._origin:
            for name, value in self._headers.items():
                request.headers[name] = value
        yield request


class KeystoneAuth(httpx.Auth):
    """NHN Cloud (OpenStack Keystone v2) token auth.

    The first request issues a token with ``POST identity_url`` (tenant id, username and API password), and the
    token is sent as ``X-Auth-Token`` until ``expires`` minus ``margin`` seconds (``clock`` returns Unix seconds).
    When the API answers 401 the token is re-issued once and the request replayed once; a second 401 is returned to
    the caller (the transport raises :class:`AuthenticationError`). A failed token request raises the identity
    endpoint's :class:`ApiError`. Token issuance is serialised by a lock (a :class:`threading.Lock` for sync
    clients, an :class:`asyncio.Lock` for async ones), so concurrent requests share one token and a burst of 401s
    triggers a single re-issue. Use one instance per event loop on the async path.

    Both flows are written out (rather than a shared ``auth_flow``) because each needs its own kind of lock, and
    they read the token response themselves, so ``requires_response_body`` is not needed.
    """

    def __init__(
        self,
        identity_url: str,
        tenant_id: str,
        username: str,
        api_password: str,
        *,
        clock: Callable[[], float] = time.time,
        margin: float = 60.0,
        allow_http: bool = False,
    ) -> None:
        if not identity_url.startswith("https://") and not (allow_http and identity_url.startswith("http://")):
            raise ValueError(
                f"identity_url {redact_url(identity_url)!r} is not https: the API password would travel in clear "
                "text (pass allow_http=True for a local test endpoint)"
            )
        self.identity_url = identity_url
        self.tenant_id = tenant_id
        self.username = username
        self._api_password = api_password
        self._clock = clock
        self.margin = margin
        self._token: str | None = None
        self._expires_at = 0.0
        self._sync_lock = threading.Lock()
        self._async_lock: asyncio.Lock | None = None
        #: How many tokens this object has issued (useful for monitoring and tests).
        self.tokens_issued = 0

    # -- token bookkeeping ---------------------------------------------------------------------------------------

    def _current_token(self) -> str | None:
        if self._token is not None and self._clock() < self._expires_at - self.margin:
            return self._token
        return None

    def _token_request(self) -> httpx.Request:
        body = {
            "auth": {
                "tenantId": self.tenant_id,
                "passwordCredentials": {"username": self.username, "password": self._api_password},
            }
        }
        return httpx.Request("POST", self.identity_url, json=body, headers={"Accept": "application/json"})

    def _store(self, response: httpx.Response) -> str:
        if response.status_code >= 400:
            raise _without_body(error_for(response))
        try:
            token = response.json()["access"]["token"]
            token_id = token["id"]
            expires = _parse_iso_datetime(token["expires"]).timestamp()
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise _without_body(
                ApiError(
                    response,
                    f"identity response lacks a valid access.token.id / access.token.expires ({type(exc).__name__})",
                )
            ) from None
        if not isinstance(token_id, str) or not token_id:
            raise _without_body(ApiError(response, "identity response has an empty access.token.id"))
        self._token = token_id
        self._expires_at = expires
        self.tokens_issued += 1
        logger.debug("issued Keystone token for tenant %s, expires %s", self.tenant_id, token["expires"])
        return token_id

    # -- flows ---------------------------------------------------------------------------------------------------

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        with self._sync_lock:
            token = self._current_token()
            if token is None:
                token_response = yield self._token_request()
                token_response.read()
                token = self._store(token_response)
        request.headers["X-Auth-Token"] = token
        response = yield request
        if response.status_code != 401:
            return
        with self._sync_lock:
            if self._token == token:  # nobody replaced the rejected token meanwhile
                token_response = yield self._token_request()
                token_response.read()
                self._store(token_response)
            token = self._token
        assert token is not None
        request.headers["X-Auth-Token"] = token
        yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if self._async_lock is None:
            self._async_lock = asyncio.Lock()
        lock = self._async_lock
        async with lock:
            token = self._current_token()
            if token is None:
                token_response = yield self._token_request()
                await token_response.aread()
                token = self._store(token_response)
        request.headers["X-Auth-Token"] = token
        response = yield request
        if response.status_code != 401:
            return
        async with lock:
            if self._token == token:
                token_response = yield self._token_request()
                await token_response.aread()
                self._store(token_response)
            token = self._token
        assert token is not None
        request.headers["X-Auth-Token"] = token
        yield request

    def __repr__(self) -> str:
        return (
            f"KeystoneAuth(identity_url={self.identity_url!r}, tenant_id={self.tenant_id!r}, "
            f"username={self.username!r}, api_password={REDACTED!r})"
        )


# --------------------------------------------------------------------------------------------------------------------
# Servers
# --------------------------------------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_SAFE_VALUE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")


@dataclass(frozen=True)
class ServerConfig:
    """A server URL template with its variables and the combinations the documentation lists.

    ``variables`` maps each variable to its allowed values (empty: any DNS-safe value), ``defaults`` gives the value
    used when the caller does not choose one, and ``pairs`` lists the documented combinations (for example
    ``{"environment": "s", "region": "kr-west1"}``); when ``pairs`` is empty every combination is allowed.
    """

    template: str
    variables: dict[str, list[str]] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    pairs: list[dict[str, str]] = field(default_factory=list)

    @classmethod
    def from_openapi(cls, server: Mapping[str, Any]) -> ServerConfig:
        """Build from an OpenAPI ``servers[]`` entry (``url``, ``variables`` with ``enum``/``default``, and the
        docs2client extension ``x-server-pairs``)."""
        variables: dict[str, list[str]] = {}
        defaults: dict[str, str] = {}
        for name, spec in (server.get("variables") or {}).items():
            variables[name] = [str(v) for v in spec.get("enum") or []]
            if spec.get("default") is not None:
                defaults[name] = str(spec["default"])
        pairs = [{str(k): str(v) for k, v in pair.items()} for pair in server.get("x-server-pairs") or []]
        return cls(template=str(server["url"]), variables=variables, defaults=defaults, pairs=pairs)

    @property
    def placeholders(self) -> list[str]:
        """Variable names in the template, in order of appearance."""
        return list(dict.fromkeys(_PLACEHOLDER.findall(self.template)))

    def _describe_pairs(self) -> str:
        return "; ".join(", ".join(f"{k}={v}" for k, v in sorted(p.items())) for p in self.pairs)

    def _is_documented(self, values: Mapping[str, str]) -> bool:
        return any(all(values.get(k) == v for k, v in pair.items()) for pair in self.pairs)

    def resolve(self, **values: str | None) -> dict[str, str]:
        """The full variable assignment for ``values`` (``None`` means "not chosen").

        Unchosen variables take their defaults; if that does not give a documented pair but exactly one documented
        pair agrees with the chosen values, the rest is filled from that pair (choosing ``region="kr-east1"`` is
        enough when only one environment has that region). Raises :class:`ValueError` otherwise.
        """
        known = set(self.variables) | set(self.placeholders)
        chosen = {k: v for k, v in values.items() if v is not None}
        for name, value in chosen.items():
            if name not in known:
                raise ValueError(f"unknown server variable {name!r}; expected one of {sorted(known)}")
            allowed = self.variables.get(name) or []
            if allowed and value not in allowed:
                hint = f"; documented combinations: {self._describe_pairs()}" if self.pairs else ""
                raise ValueError(f"{name}={value!r} is not documented; expected one of {allowed}{hint}")
            if not allowed and not _SAFE_VALUE.fullmatch(value):
                raise ValueError(f"{name}={value!r} is not a valid host or path segment")
        resolved = {**self.defaults, **chosen}
        if self.pairs and not self._is_documented(resolved):
            matching = [p for p in self.pairs if all(p.get(k, v) == v for k, v in chosen.items())]
            if len(matching) != 1:
                wanted = ", ".join(f"{k}={v}" for k, v in sorted(resolved.items()))
                raise ValueError(
                    f"server variables {wanted} are not a documented combination; "
                    f"documented combinations: {self._describe_pairs()}"
                )
            resolved = {**self.defaults, **matching[0], **chosen}
        missing = [name for name in self.placeholders if name not in resolved]
        if missing:
            raise ValueError(f"server URL {self.template!r} needs a value for {', '.join(missing)}")
        return resolved

    def url(self, **values: str | None) -> str:
        """The base URL for ``values`` (see :meth:`resolve`); raises :class:`ValueError` naming the documented
        combinations when the choice is not one of them."""
        resolved = self.resolve(**values)
        return _PLACEHOLDER.sub(lambda m: resolved[m.group(1)], self.template)


# --------------------------------------------------------------------------------------------------------------------
# Versions and deprecation
# --------------------------------------------------------------------------------------------------------------------


class ApiDeprecationWarning(DeprecationWarning):
    """A deprecated API version or operation was called.

    Like every :class:`DeprecationWarning` it is shown by default only when triggered from ``__main__`` (PEP 565)
    and in test runners; libraries see it when they opt in. The attributes say what to migrate to.
    """

    def __init__(
        self,
        message: str,
        *,
        operation: str = "",
        version: str = "",
        sunset: str | None = None,
        newest: str | None = None,
    ) -> None:
        super().__init__(message)
        self.operation = operation
        self.version = version
        self.sunset = sunset
        self.newest = newest


class SunsetPassedWarning(ApiDeprecationWarning):
    """A version whose sunset date has passed was called: the provider may already reject it.

    Shown by default everywhere. It stays a :class:`DeprecationWarning` subclass (so ``-W error::DeprecationWarning``
    and filters on :class:`ApiDeprecationWarning` still catch it), and because Python's default filters ignore
    DeprecationWarning outside ``__main__``, importing this module installs a ``"default"`` filter for this class
    (shown once per call site, like warnings in ``__main__``). That filter is skipped when the interpreter was
    started with ``-W`` options or ``PYTHONWARNINGS``, so an explicit configuration is respected; code can silence
    it after import with ``warnings.filterwarnings("ignore", category=SunsetPassedWarning)``.
    """


if not sys.warnoptions:
    warnings.filterwarnings("default", category=SunsetPassedWarning)


class PlannedVersionError(RuntimeError):
    """A PLANNED API version is documented but not yet callable."""


def _parse_date(value: str) -> _dt.date | None:
    text = value.strip()
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    try:
        return _dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def warn_deprecated(
    operation: str,
    version: str,
    sunset: str | None,
    newest: str | None,
    *,
    stacklevel: int = 3,
    today: _dt.date | None = None,
) -> None:
    """Warn that ``operation`` of API ``version`` is deprecated, naming the sunset date and the newest version.

    ``sunset`` is an ISO date (``YYYY-MM-DD`` or ``YYYYMMDD``). From the sunset date on (the documented "Not
    Before" date, after which the provider may remove the version) the warning is a :class:`SunsetPassedWarning`.
    ``stacklevel=3`` attributes the warning to the caller of the generated method that calls this function.
    """
    when = _parse_date(sunset) if sunset else None
    current = today if today is not None else _dt.date.today()
    passed = when is not None and current >= when
    if newest and newest != version:
        advice = f"use version {newest}, the newest version with this operation"
    else:
        advice = "no newer version of this operation is documented"
    if passed:
        message = (
            f"{operation} (API version {version}) is deprecated and its sunset date {sunset} has passed; "
            f"the provider may reject it; {advice}"
        )
        category: type[ApiDeprecationWarning] = SunsetPassedWarning
    else:
        end = f"it may stop working after {sunset}" if sunset else "no sunset date is documented"
        message = f"{operation} (API version {version}) is deprecated; {end}; {advice}"
        category = ApiDeprecationWarning
    warning = category(message, operation=operation, version=version, sunset=sunset, newest=newest)
    warnings.warn(warning, stacklevel=stacklevel)


def raise_planned(operation: str, version: str, *, newest: str | None = None) -> NoReturn:
    """Raise :class:`PlannedVersionError` for ``operation`` of a PLANNED ``version``."""
    hint = f"; use version {newest}" if newest else ""
    raise PlannedVersionError(f"{operation} (API version {version}) is PLANNED: documented but not callable yet{hint}")


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
