"""docs2client-runtime: the runtime every docs2client-generated client package depends on.

One distribution instead of a copy per package, so two generated packages in one app share one exception hierarchy
(``scp_virtualserver.NotFoundError is scp_backup.NotFoundError``), one retry policy and one set of auth classes, and
a runtime fix ships once. Generated packages depend on a compatible range (``docs2client-runtime>=1.2,<2``).

The public API is every name in ``__all__`` here, which is the union of the modules' ``__all__``; generated code
uses nothing else (docs2client's tests check it), and ``api/<version>.json`` records it per released version, so
a later 1.x keeps every name and signature a package built against 1.0 uses.

Modules by concern:

* :mod:`~docs2client_runtime.errors`: :class:`ApiError` and its subclasses (one per status class / common status).
* :mod:`~docs2client_runtime.retry`: :class:`RetryPolicy` and ``Retry-After`` parsing.
* :mod:`~docs2client_runtime.transport`: :class:`SyncTransport` / :class:`AsyncTransport` (URLs, headers, retries).
* :mod:`~docs2client_runtime.limits`: :class:`Limits` (response size, deadline per call).
* :mod:`~docs2client_runtime.auth`: :class:`ScpAuth`, :class:`KeystoneAuth` (NHN Cloud), :class:`HeaderAuth`,
  :class:`BearerAuth` and :class:`QueryAuth` (the standard OpenAPI schemes), and :class:`Credentials`: one
  credential per documented scheme, each operation's request carrying those its ``security`` asks for.
* :mod:`~docs2client_runtime.servers`: :class:`ServerConfig` (documented server variables and combinations) and
  :class:`ServerRoutes` (operations documented on a server of their own).
* :mod:`~docs2client_runtime.deprecation`: deprecation warnings and planned versions.
* :mod:`~docs2client_runtime.pagination`: offset/limit, marker/limit and next-token (or next-link) iterators.
* :mod:`~docs2client_runtime.capture`: the HTTP responses (status, headers) behind a block of calls.
* :mod:`~docs2client_runtime.streams`: streamed responses (server-sent events, JSON lines) read as they arrive.
* :mod:`~docs2client_runtime.calls` and :mod:`~docs2client_runtime.serialize`: what a generated method body calls
  (path templates, header values, bodies, response models; OpenAPI ``style``/``explode`` serialisation);
  :mod:`~docs2client_runtime.media_types`: the media type a binary body is sent as (the caller's ``content_type=``).
* :mod:`~docs2client_runtime.redaction` and :mod:`~docs2client_runtime.wire`: redaction of credentials; query
  values and path segments as the providers sign them.
"""

from __future__ import annotations

from docs2client_runtime.auth import (
    SCP_HEADER_NAMES,
    BearerAuth,
    Credentials,
    HeaderAuth,
    KeystoneAuth,
    MissingCredentialsError,
    OriginBoundAuth,
    QueryAuth,
    ScpAuth,
    SecurityScheme,
    scp_signature,
)
from docs2client_runtime.calls import (
    LazyModule,
    encode_body,
    format_path,
    header_values,
    json_items,
    json_value,
    next_cursor,
    next_link,
    next_link_header,
    next_marker,
    page_token,
    parse_model,
    request_media_type,
    resolve_base_url,
    wire_value,
)
from docs2client_runtime.capture import (
    capture_responses,
    record_response,
)
from docs2client_runtime.deprecation import (
    ApiDeprecationWarning,
    PlannedVersionError,
    SunsetPassedWarning,
    raise_planned,
    warn_deprecated,
    warn_deprecated_parameter,
)
from docs2client_runtime.errors import (
    REQUEST_ID_HEADERS,
    ApiError,
    AuthenticationError,
    BadRequestError,
    ClientError,
    ConflictError,
    DeadlineExceededError,
    InternalServerError,
    LimitExceededError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RedirectError,
    ResponseTooLargeError,
    ResponseValidationError,
    ServerError,
    TransportError,
    error_for,
)
from docs2client_runtime.limits import (
    Limits,
)
from docs2client_runtime.pagination import (
    aiterate_marker,
    aiterate_offset,
    aiterate_token,
    iterate_marker,
    iterate_offset,
    iterate_token,
)
from docs2client_runtime.redaction import (
    REDACTED,
    SENSITIVE_HEADERS,
    redact_headers,
    redact_url,
)
from docs2client_runtime.retry import (
    RETRY_AFTER_STATUSES,
    RetryPolicy,
    parse_retry_after,
    retry_delay,
)
from docs2client_runtime.serialize import (
    Encoded,
    cookie_header,
    merge_query,
    plain,
    scalar_text,
    simple,
    styled_path,
    styled_query,
)
from docs2client_runtime.servers import (
    ServerConfig,
    ServerRoutes,
)
from docs2client_runtime.streams import (
    AsyncStream,
    EventDecoder,
    JsonLinesDecoder,
    ServerSentEvent,
    Stream,
    json_lines,
    sse_events,
)
from docs2client_runtime.transport import (
    AsyncTransport,
    InsecureUrlWarning,
    RawContent,
    SyncTransport,
)
from docs2client_runtime.wire import (
    drop_none,
    quote_path_segment,
)

#: The runtime's version (its distribution version).
__version__ = "1.6.0"

__all__ = [
    "REDACTED",
    "REQUEST_ID_HEADERS",
    "RETRY_AFTER_STATUSES",
    "SCP_HEADER_NAMES",
    "SENSITIVE_HEADERS",
    "ApiDeprecationWarning",
    "ApiError",
    "AsyncStream",
    "AsyncTransport",
    "AuthenticationError",
    "BadRequestError",
    "BearerAuth",
    "ClientError",
    "ConflictError",
    "Credentials",
    "DeadlineExceededError",
    "Encoded",
    "EventDecoder",
    "HeaderAuth",
    "InsecureUrlWarning",
    "InternalServerError",
    "JsonLinesDecoder",
    "KeystoneAuth",
    "LazyModule",
    "LimitExceededError",
    "Limits",
    "MissingCredentialsError",
    "NotFoundError",
    "OriginBoundAuth",
    "PermissionDeniedError",
    "PlannedVersionError",
    "QueryAuth",
    "RateLimitError",
    "RawContent",
    "RedirectError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "RetryPolicy",
    "ScpAuth",
    "SecurityScheme",
    "ServerConfig",
    "ServerError",
    "ServerRoutes",
    "ServerSentEvent",
    "Stream",
    "SunsetPassedWarning",
    "SyncTransport",
    "TransportError",
    "__version__",
    "aiterate_marker",
    "aiterate_offset",
    "aiterate_token",
    "capture_responses",
    "cookie_header",
    "drop_none",
    "encode_body",
    "error_for",
    "format_path",
    "header_values",
    "iterate_marker",
    "iterate_offset",
    "iterate_token",
    "json_items",
    "json_lines",
    "json_value",
    "merge_query",
    "next_cursor",
    "next_link",
    "next_link_header",
    "next_marker",
    "page_token",
    "parse_model",
    "parse_retry_after",
    "plain",
    "quote_path_segment",
    "raise_planned",
    "record_response",
    "redact_headers",
    "redact_url",
    "request_media_type",
    "resolve_base_url",
    "retry_delay",
    "scalar_text",
    "scp_signature",
    "simple",
    "sse_events",
    "styled_path",
    "styled_query",
    "warn_deprecated",
    "warn_deprecated_parameter",
    "wire_value",
]
