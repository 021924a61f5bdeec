"""The one exception hierarchy of every docs2client-generated package.

An app that uses several generated packages catches ``NotFoundError`` once: every package raises these same
classes. Attributes are plain data (no :class:`httpx.Response`), so errors log, pickle and travel safely.
"""

from __future__ import annotations

import json as _json
from typing import Any

import httpx

from docs2client_runtime.redaction import REDACTED, redact_headers, redact_url
from docs2client_runtime.retry import parse_retry_after

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

__all__ = [
    "REQUEST_ID_HEADERS",
    "ApiError",
    "AuthenticationError",
    "BadRequestError",
    "ClientError",
    "ConflictError",
    "DeadlineExceededError",
    "InternalServerError",
    "LimitExceededError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RedirectError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ServerError",
    "TransportError",
    "error_for",
]


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


def _without_body(error: ApiError) -> ApiError:
    """``error`` with its body and headers withheld: an identity endpoint's answer holds the token (or echoes the
    credentials), which must not reach a message, a log or a pickle."""
    error.body = REDACTED
    error.headers = httpx.Headers(redact_headers(error.headers))
    error.args = (error._render(),)
    return error
