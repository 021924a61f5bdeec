"""Transports: how a generated client's request travels (URL, headers, auth, retries, limits).

Requests travel through httpx's public API only. With the caller's own client (``http_client``) it builds the
request (``build_request``) and sends it (``send``), so its base headers, cookies, hooks and auth apply. Otherwise the
transport creates its own client (around ``transport`` when one is given, such as :class:`httpx.MockTransport`) and
builds each :class:`httpx.Request` itself, once, from the URL (parsed once per URL and transport), the client's
default headers (``Accept``, ``Accept-Encoding``, ``Connection``, ``User-Agent``), ours and the timeout, skipping
``build_request``'s merging of base URL, parameters and cookies (it sets none). The headers come from an
:class:`httpx.Headers` template normalised once per distinct set of headers; :class:`ScpAuth` signs the exact URL
string and only its signature and timestamp are set on each request. Such a request, signed or needing no auth, goes
straight to the transport (``handle_request``, the transport API); one whose auth runs a flow (:class:`KeystoneAuth`,
:class:`HeaderAuth`, basic auth) goes through the client's ``send``, which drives the flow. With a proxy configured in
the environment every request goes through ``send`` (httpx chooses the proxy per URL).

Retries with exponential backoff and full jitter (:class:`RetryPolicy`): only idempotent methods are retried,
because replaying a ``POST`` after a timeout can create a resource twice.
"""

from __future__ import annotations

import asyncio
import datetime
import logging
import time
import urllib.request
import warnings
from collections.abc import Awaitable, Callable, Mapping, Sequence
from types import TracebackType
from typing import Any, Self
from urllib.parse import quote_plus

import httpx

from docs2client_runtime.auth.nhn import KeystoneAuth
from docs2client_runtime.auth.origins import OriginBoundAuth
from docs2client_runtime.auth.schemes import Credentials, MissingCredentialsError
from docs2client_runtime.auth.scp import SCP_HEADER_NAMES, ScpAuth
from docs2client_runtime.capture import record_response
from docs2client_runtime.errors import TransportError, error_for
from docs2client_runtime.limits import CallBudget, Limits, aread_bounded, read_bounded
from docs2client_runtime.redaction import REDACTED, SENSITIVE_HEADERS, redact_url
from docs2client_runtime.retry import RetryPolicy, retry_delay
from docs2client_runtime.wire import drop_none

__all__ = ["AsyncTransport", "InsecureUrlWarning", "RawContent", "SyncTransport"]

#: One logger for the whole runtime (retries, token issuance), whichever module logs.
logger = logging.getLogger("docs2client_runtime")


def _without_userinfo(url: str) -> tuple[str, httpx.BasicAuth | None]:
    """``url`` with its userinfo removed, and that userinfo as basic auth (what httpx would have sent)."""
    parsed = httpx.URL(url)
    if not parsed.userinfo:
        return url, None
    return redact_url(url).replace(f"{REDACTED}@", "", 1), httpx.BasicAuth(parsed.username, parsed.password)


def _is_failure(status: int) -> bool:
    """An answer the transports raise for: an error status, or a redirect left unfollowed (304 is an answer)."""
    return status >= 400 or (300 <= status < 400 and status != 304)


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
    already has a query keeps it, the parameters appended after it (httpx's ``params=`` would replace it, and even
    an empty ``params=`` drops it: a next-page link ``/items?page=2`` would fetch the first page again); a fragment
    is never sent.
    """
    url = url.partition("#")[0]
    if not query:
        return httpx.URL(url)
    if "?" in url:
        return httpx.URL(url + ("" if url.endswith(("?", "&")) else "&") + _encode_query(query))
    return httpx.URL(url + "?" + _encode_query(query))


class _UrlCache:
    """Parsed :class:`httpx.URL` objects by (URL, query), for one transport.

    Parsing and validating a URL is a large part of building a request, and a client calls the same few URLs again
    and again (polling a resource, paging a listing); :class:`httpx.URL` is immutable, so one parsed object serves
    every request to it. Bounded: past :attr:`SIZE` entries the cache starts over.
    """

    SIZE = 512

    def __init__(self) -> None:
        self._urls: dict[tuple[str, str], tuple[httpx.URL, str, str]] = {}

    def get(self, url: str, query: Mapping[str, str | list[str]]) -> tuple[httpx.URL, str, str]:
        """The parsed URL, its text as sent (``str(url)``, what :class:`ScpAuth` signs) and its ``Host`` header
        value (``url.netloc``, as httpx puts it on a request)."""
        key = (url, _encode_query(query) if query else "")
        found = self._urls.get(key)
        if found is None:
            if len(self._urls) >= self.SIZE:
                self._urls.clear()
            target = _target_url(url, query)
            found = self._urls[key] = (target, str(target), target.netloc.decode("ascii"))
        return found


#: The key of a header template: method, whether a JSON/encoded body goes with it, the Host value, the headers of
#: the call and, for :class:`ScpAuth`, what its constant headers depend on.
_TemplateKey = tuple[str, bool, str, tuple[tuple[str, str], ...], tuple[str, ...] | None]


class _HeaderTemplates:
    """A transport's request headers, normalised once per distinct set (:class:`httpx.Headers`), by
    :data:`_TemplateKey`.

    Every call of an operation sends the same headers but for the signature and its timestamp. Building an
    :class:`httpx.Request` from an :class:`httpx.Headers` copies its already normalised list, where a list of
    ``(name, value)`` pairs is encoded, lower-cased and tupled header by header on every request; the two signing
    values are then set in place (their slots are in the template, so the order on the wire does not change).
    Bounded like :class:`_UrlCache`.
    """

    SIZE = 512

    def __init__(self) -> None:
        self._templates: dict[_TemplateKey, httpx.Headers] = {}

    def get(self, key: _TemplateKey) -> httpx.Headers | None:
        return self._templates.get(key)

    def put(self, key: _TemplateKey, items: list[tuple[str, str]]) -> httpx.Headers:
        if len(self._templates) >= self.SIZE:
            self._templates.clear()
        template = self._templates[key] = httpx.Headers(items)
        return template


class RawContent(bytes):
    """An encoded request body travelling where a JSON value would (``request(content=...)``)."""


def _body(json: Any) -> dict[str, Any]:
    """httpx's keyword for the body: ``content`` for encoded bytes, ``json`` for a JSON value."""
    return {"content": bytes(json)} if isinstance(json, RawContent) else {"json": json}


#: Headers that carry credentials of the origin they were made for (SCP signing included): never sent elsewhere.
_ORIGIN_BOUND_HEADERS = SENSITIVE_HEADERS | frozenset(
    {"scp-accesskey", "scp-signature", "scp-timestamp", "scp-clienttype", "scp-accountid"}
)


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return (url.scheme, url.host, url.port)


def _auth_set(before: httpx.Headers, after: httpx.Headers) -> frozenset[str]:
    """The (lower-case) names of the headers an auth flow set on a request: ``HeaderAuth``'s own names
    (``X-Secret-Key``) are credentials no list of well-known names holds."""
    return frozenset(name for name, value in after.items() if before.get(name) != value)


def _redirect(
    request: httpx.Request, response: httpx.Response, credentials: frozenset[str] = frozenset()
) -> tuple[httpx.Request, bool] | None:
    """The request a caller's ``follow_redirects=True`` client would send next, and whether it stays on the same
    origin (then it is signed again for its URL; otherwise it goes without credentials: neither the well-known
    credential headers nor ``credentials``, the ones the auth set). None: not a redirect."""
    location = response.headers.get("Location")
    if not response.is_redirect or location is None:
        return None
    target = request.url.join(location)
    method = request.method
    if (response.status_code == 303 and method != "HEAD") or (response.status_code in (301, 302) and method == "POST"):
        method = "GET"
    same_origin = _origin(target) == _origin(request.url)
    drop = {"host"} | (set() if same_origin else set(_ORIGIN_BOUND_HEADERS) | credentials)
    if method != request.method:
        drop |= {"content-length", "content-type", "transfer-encoding"}
    headers = [(k, v) for k, v in request.headers.multi_items() if k.lower() not in drop]
    content = request.content if method == request.method else b""
    return httpx.Request(method, target, headers=headers, content=content, extensions=request.extensions), same_origin


#: httpx's logger: a request sent through the transport API directly logs the same ``HTTP Request: ...`` INFO line as
#: :class:`httpx.Client`, so logging configured for httpx keeps working.
_httpx_logger = logging.getLogger("httpx")

_CLOSED_MESSAGE = "Cannot send a request, as the client has been closed."


def _env_proxies() -> bool:
    """Whether ``httpx.Client()`` would send some request through a proxy taken from the environment.

    Mirrors how httpx reads the environment (``urllib.request.getproxies()``: ``http``, ``https`` and ``all``
    proxies, ``NO_PROXY=*`` disabling them all) but ignores host-specific ``NO_PROXY`` entries: a proxy variable that
    might apply is enough to send every request through ``httpx.Client.send``, which decides per URL as httpx does.
    """
    info = urllib.request.getproxies()
    if "*" in (host.strip() for host in info.get("no", "").split(",")):
        return False
    return any(info.get(scheme) for scheme in ("http", "https", "all"))


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
#: The body of every request without one (a :class:`httpx.ByteStream` is immutable and can be read again).
_EMPTY = httpx.ByteStream(b"")


class InsecureUrlWarning(UserWarning):
    """A client was pointed at a plain ``http://`` URL on another machine (credentials would travel in clear)."""


#: Hosts for which plain http stays on this machine (a local test server or proxy): no warning.
_LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def _warn_plain_http(what: str, url: str) -> None:
    if url.startswith("http://") and httpx.URL(url).host not in _LOOPBACK_HOSTS:
        warnings.warn(
            f"{what} {url!r} is plain http: requests, signatures and tokens travel unencrypted",
            InsecureUrlWarning,
            stacklevel=4,
        )


class _TransportBase:
    """Configuration shared by the sync and async transports, and the request building for their own client."""

    def __init__(
        self,
        *,
        base_url: str,
        auth: httpx.Auth | None,
        timeout: float | httpx.Timeout,
        retry: RetryPolicy | None,
        headers: Mapping[str, str] | None,
        limits: Limits | None = None,
        servers: Sequence[str] = (),
        credentials: Credentials | None = None,
    ) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must be an http:// or https:// URL, got {redact_url(base_url)!r}")
        # Credentials in the URL become basic auth here, so no URL this transport sends, logs or raises holds them.
        self.base_url, userinfo_auth = _without_userinfo(base_url)
        _warn_plain_http("base_url", self.base_url)
        for server in servers:
            if not isinstance(server, str) or not server.startswith(("http://", "https://")):
                raise ValueError(f"servers must be http:// or https:// URLs, got {redact_url(str(server))!r}")
            if httpx.URL(server).userinfo:
                raise ValueError(f"server {redact_url(server)!r} carries credentials; give them as auth=")
            _warn_plain_http("server", server)
        #: The other base URLs (operations' own servers) a request may name with ``server=``.
        self.servers: tuple[str, ...] = tuple(dict.fromkeys(servers))
        #: The origins that receive credentials: the base URL's and the servers'; a request elsewhere goes without.
        self._origins = {_origin(httpx.URL(url)) for url in (self.base_url, *self.servers)}
        self.auth = auth if auth is not None else userinfo_auth
        if isinstance(self.auth, OriginBoundAuth | ScpAuth | KeystoneAuth):
            self.auth.allow_origins(self.base_url, *self.servers)
        #: The credentials per security scheme (a generated client's scheme keywords), chosen per operation.
        self.credentials = credentials
        self.timeout = timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        self.retry = retry if retry is not None else RetryPolicy()
        self.limits = limits if limits is not None else Limits()
        self.headers: dict[str, str] = dict(headers or {})
        # The timeout as a request carries it, shared by every request while no deadline is near (see CallBudget).
        self._timeout_extension = self.timeout.as_dict()
        self._urls = _UrlCache()
        self._templates = _HeaderTemplates()
        #: The default headers of the client this transport created, as (name, value, lower-case name); None when
        #: the caller brought their own client (it then builds its requests itself).
        self._client_headers: list[tuple[str, str, str]] | None = None

    def _use_own_client(self, client: httpx.Client | httpx.AsyncClient) -> None:
        # ``raw`` keeps the names as httpx spells them on the wire (``multi_items`` lower-cases them).
        raw = [(name.decode("latin-1"), value.decode("latin-1")) for name, value in client.headers.raw]
        self._client_headers = [(name, value, name.lower()) for name, value in raw]

    def _prepare(
        self,
        method: str,
        path: str,
        params: Mapping[str, Any] | None,
        headers: Mapping[str, str] | None,
        server: str | None = None,
        accept: str | None = None,
    ) -> tuple[str, str, dict[str, str | list[str]], dict[str, str]]:
        if server is not None and server not in self.servers and server != self.base_url:
            raise ValueError(
                f"server {redact_url(server)!r} is not one this transport was built with (base_url or servers=)"
            )
        # Without headers of the call, the transport's own go as they are (nothing downstream changes them).
        merged = {**self.headers, **headers} if headers else self.headers
        if accept is not None and not self._accept_chosen(merged):
            merged = {**merged, "Accept": accept}
        # Query parameters go out sorted by name, as SCP's Go SDK sends and signs them (``url.Values.Encode``):
        # the server checks the signature over the URL it rebuilds that way, whatever order the call named them in.
        query = dict(sorted(drop_none(params).items())) if params else {}
        return method.upper(), _join_url(server or self.base_url, path), query, merged

    def _accept_chosen(self, headers: Mapping[str, str]) -> bool:
        """Whether the caller chose an ``Accept`` header (the call's, ``headers=``, or a client of their own whose
        ``Accept`` is not httpx's ``*/*``): it then wins over the operation's documented media types."""
        if any(name.lower() == "accept" for name in headers):
            return True
        client: httpx.Client | httpx.AsyncClient | None = getattr(self, "_client", None)
        return self._client_headers is None and client is not None and client.headers.get("Accept", "*/*") != "*/*"

    def _auth_kwargs(
        self, url: httpx.URL, authenticated: bool = True, scheme_auth: httpx.Auth | None = None
    ) -> dict[str, Any]:
        # A request to an origin that is neither the base URL's nor a server's (an absolute URL given as the path),
        # or of an operation documented without security, goes without credentials. Otherwise the credentials chosen
        # for its operation's security go, else our own auth, else the auth of a caller-supplied client.
        if not authenticated or _origin(url) not in self._origins:
            return {"auth": None}
        auth = scheme_auth if scheme_auth is not None else self.auth
        return {"auth": auth} if auth is not None else {}

    def _scheme_auth(self, operation: str | None, authenticated: bool, fallback: bool) -> httpx.Auth | None:
        """The auth sending the credentials :class:`Credentials` chooses for ``operation`` (None: none of them;
        ``auth=`` or a caller client's auth then goes as before). When the operation requires credentials the client
        has for none of its alternatives, and no ``auth=`` or caller client (``fallback``) could stand in, nothing is
        sent: a :class:`MissingCredentialsError` names the operation and the keywords that take what it needs."""
        if self.credentials is None or operation is None or not authenticated:
            return None
        choice = self.credentials.choose(operation)
        if choice.missing is not None and not choice.foreign and not fallback:
            raise MissingCredentialsError(choice.missing)
        return choice.auth

    def _build_request(
        self,
        client_headers: list[tuple[str, str, str]],
        method: str,
        url: str,
        query: Mapping[str, str | list[str]],
        headers: Mapping[str, str],
        json: Any,
        call: CallBudget,
        authenticated: bool = True,
        scheme_auth: httpx.Auth | None = None,
    ) -> tuple[httpx.Request, Any]:
        """One :class:`httpx.Request` carrying what ``build_request`` of our own client would have put on it (its
        default headers, ours, the timeout), and the auth to send it with.

        :class:`ScpAuth` (exactly that class; a subclass may override its flow) signs here, over ``str(url)`` of the
        very URL object the request is built with, so its headers go in at construction and no auth flow runs. The
        headers come from a template (see :class:`_HeaderTemplates`), built once per distinct set of headers.
        ``authenticated=False`` (an operation documented with ``security: []``): no auth at all, nor signature.
        ``scheme_auth``: the credentials chosen for the operation's security, sent instead of ``auth``.
        """
        target, sent_url, host = self._urls.get(url, query)
        # credentials only for the base URL's and the servers' origins (never an absolute URL given as the path)
        chosen = scheme_auth if scheme_auth is not None else self.auth
        auth: Any = chosen if authenticated and _origin(target) in self._origins else None
        signer = auth if type(auth) is ScpAuth else None
        body = json is not None
        try:
            key: _TemplateKey = (method, body, host, tuple(headers.items()), signer._constants() if signer else None)
            template = self._templates.get(key)
        except TypeError:  # an unhashable header value: httpx says what is wrong with it
            key, template = None, None  # type: ignore[assignment]
        if template is None:
            items = self._header_items(client_headers, method, host, headers, body, signer)
            template = self._templates.put(key, items) if key is not None else httpx.Headers(items)
        extensions = {"timeout": call.timeout_extension(self.timeout, self._timeout_extension)}
        if body:
            request = httpx.Request(method, target, headers=template, extensions=extensions, **_body(json))
        else:
            # No body: built from an empty stream, which skips httpx's body encoding and its second pass over the
            # headers (the template holds the two headers httpx would add for an empty body, where httpx puts them).
            request = httpx.Request(method, target, headers=template, stream=_EMPTY, extensions=extensions)
            request.read()  # as httpx does for in-memory content, so request.content is available
        if signer is not None:
            signature, timestamp = signer._signature(method, sent_url)
            request.headers["Scp-Signature"] = signature
            request.headers["Scp-Timestamp"] = timestamp
            auth = None
        return request, auth

    @staticmethod
    def _header_items(
        client_headers: list[tuple[str, str, str]],
        method: str,
        host: str,
        headers: Mapping[str, str],
        body: bool,
        signer: ScpAuth | None,
    ) -> list[tuple[str, str]]:
        """The headers of a request in the order httpx would send them: ``Host`` and an empty body's
        ``Content-Length`` first (for a body httpx adds them itself), the client's defaults not overridden, ours,
        then the signing headers (the signature and timestamp are set on every request)."""
        lowered = {name.lower() for name in headers}
        items = [(name, value) for name, value, low in client_headers if low not in lowered]
        items.extend(headers.items())
        if signer is not None:
            items = [item for item in items if item[0].lower() not in SCP_HEADER_NAMES]
            items.extend(signer._headers("", ""))  # the signature's and timestamp's slots
        if body:
            return items
        automatic: list[tuple[str, str]] = []
        if "host" not in lowered:
            automatic.append(("Host", host))
        if method in _BODY_METHODS and not lowered & _LENGTH_HEADERS:
            automatic.append(("Content-Length", "0"))
        return automatic + items

    def _wait_after_error(
        self, exc: httpx.TransportError, method: str, url: str, attempt: int, call: CallBudget
    ) -> float:
        """Seconds to wait before retrying attempt ``attempt`` (0-based) that raised ``exc``; raises
        :class:`TransportError` when it is not retried (or :class:`DeadlineExceededError`: a read cut short by the
        capped timeout is the deadline, not the network)."""
        if attempt < self.retry.max_retries and self.retry.retries_exception(method, exc):
            delay = self.retry.delay(attempt)
            call.check(delay)
            self._log_retry(method, url, attempt, delay, type(exc).__name__)
            return delay
        call.check()
        raise TransportError(exc, method=method, url=url, attempts=attempt + 1) from exc

    def _wait_after_answer(
        self, response: httpx.Response, method: str, url: str, attempt: int, call: CallBudget
    ) -> float:
        """Seconds to wait before retrying attempt ``attempt`` answered with the failure ``response``; raises its
        :class:`ApiError` when it is not retried."""
        if attempt < self.retry.max_retries and self.retry.retries_status(method, response.status_code):
            wait = retry_delay(self.retry, attempt, response)
            if wait is not None:
                call.check(wait)
                self._log_retry(method, url, attempt, wait, f"HTTP {response.status_code}")
                return wait
        error = error_for(response)
        error.attempts = attempt + 1
        raise error

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
    ``sleep`` is injectable so tests can record backoff delays instead of waiting. ``servers`` names the other base
    URLs a request may go to (``request(..., server=)``: operations documented on a server of their own); the auth's
    credentials go to their origins and the base URL's, and to no other (an absolute URL given as the path, or a
    redirect, gets none).

    How a request travels:

    * With ``http_client``, through ``http_client.build_request`` and ``http_client.send(request, auth=...)``, so
      the client's base headers, proxies, TLS settings, event hooks, cookies and redirect policy all apply.
    * Otherwise through an :class:`httpx.Client` this transport creates around ``transport`` (with
      ``trust_env=False``, so an environment proxy never takes a request away from it), or around an
      :class:`httpx.HTTPTransport` with httpx's defaults (which honours ``SSL_CERT_FILE`` / ``SSL_CERT_DIR``). The
      request is built once (see the module docstring); signed by :class:`ScpAuth` or without auth it goes to the
      transport's ``handle_request``, any other :class:`httpx.Auth` (such as :class:`KeystoneAuth`) runs its flow
      inside the client's ``send``. When ``urllib.request.getproxies()`` names an ``http``/``https``/``all`` proxy
      (and ``NO_PROXY`` is not ``*``) and no ``transport`` is given, the client is a plain ``httpx.Client()`` and
      every request goes through its ``send``, with httpx's own per-host proxy and ``NO_PROXY`` rules.

    Redirects are not followed (httpx's default): an API client should not silently re-send a request elsewhere,
    and an unfollowed 3xx is a :class:`RedirectError`, not a success. A caller's own client with
    ``follow_redirects=True`` follows them, signed again on the same origin and without any credential header
    (``Scp-*`` signing, ``X-Auth-Token``, ``Authorization``, cookies) on a hop to another origin. The transport's own
    client never sends cookies, so a ``Set-Cookie`` answer is not replayed on later calls.
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
        servers: Sequence[str] = (),
        credentials: Credentials | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            auth=auth,
            timeout=timeout,
            retry=retry,
            headers=headers,
            limits=limits,
            servers=servers,
            credentials=credentials,
        )
        if http_client is not None and transport is not None:
            raise ValueError("pass either http_client or transport, not both")
        self._owns_client = http_client is None
        #: The transport a signed or unauthenticated request goes to directly (see :meth:`_send_direct`).
        self._direct: httpx.BaseTransport | None = None
        if http_client is None:
            if transport is None and not _env_proxies():
                transport = httpx.HTTPTransport()
            if transport is None:  # a proxy from the environment: httpx picks the transport per URL
                http_client = httpx.Client()
            else:
                http_client = httpx.Client(transport=transport, trust_env=False)
                self._direct = transport
            self._use_own_client(http_client)
        self._client: httpx.Client = http_client
        #: whether something besides the scheme credentials may satisfy an operation: ``auth=``, or a caller's own
        #: client (its auth, default headers or event hooks may carry credentials this transport cannot see)
        self._fallback = self.auth is not None or not self._owns_client
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
        server: str | None = None,
        authenticated: bool = True,
        accept: str | None = None,
        stream: bool = False,
        operation: str | None = None,
    ) -> httpx.Response:
        """Send one logical request; returns the (read) response, raises :class:`ApiError` or
        :class:`TransportError` once retries are exhausted. ``content`` is an already encoded body (multipart, form,
        binary, text; its ``Content-Type`` comes in ``headers``), sent instead of ``json``. ``server`` sends it to
        one of the ``servers`` the transport was built with (an operation's own server) instead of ``base_url``.
        ``authenticated=False`` sends it without any credentials (neither this transport's ``auth`` nor a caller
        client's): the operation is documented with ``security: []``, so the API takes none there.
        ``accept`` is the ``Accept`` header the operation documents, sent unless the caller chose one.
        ``stream=True`` returns a successful (2xx) response unread, for :mod:`docs2client_runtime.streams` to read
        as it arrives (the caller closes it); an error answer is read and raised as always.
        ``operation`` (a generated method's name) picks the credentials its documented security asks for from the
        transport's ``credentials`` (see :class:`Credentials`); a :class:`MissingCredentialsError` is raised before
        anything is sent when the client has none it accepts."""
        scheme_auth = self._scheme_auth(operation, authenticated, self._fallback)
        json = json if content is None else RawContent(content)
        method, url, query, merged = self._prepare(method, path, params, headers, server, accept)
        call = CallBudget.start(method, url, self.limits, streamed=stream)
        attempt = 0
        while True:
            try:
                response = self._send(method, url, query, merged, json, call, authenticated, scheme_auth)
            except httpx.TransportError as exc:
                self._sleep(self._wait_after_error(exc, method, url, attempt, call))
                attempt += 1
                continue
            if not _is_failure(response.status_code):
                return record_response(response)
            wait = self._wait_after_answer(response, method, url, attempt, call)
            response.close()
            self._sleep(wait)
            attempt += 1

    def _send(
        self,
        method: str,
        url: str,
        query: dict[str, str | list[str]],
        headers: dict[str, str],
        json: Any,
        call: CallBudget,
        authenticated: bool = True,
        scheme_auth: httpx.Auth | None = None,
    ) -> httpx.Response:
        """One attempt: the read response (auth flow included)."""
        call.check()
        client = self._client
        if self._client_headers is not None:
            request, auth = self._build_request(
                self._client_headers, method, url, query, headers, json, call, authenticated, scheme_auth
            )
            if auth is None and self._direct is not None and not request.url.userinfo:
                return self._send_direct(self._direct, request, call)
            response = client.send(request, stream=True, follow_redirects=False, auth=auth)
            return read_bounded(response, call)
        # the URL with its own query kept (httpx's ``params=`` would replace it, see _target_url)
        request = client.build_request(
            method, _target_url(url, query), headers=headers, timeout=call.timeout(self.timeout), **_body(json)
        )
        unauthenticated = request.headers.copy()
        response = client.send(
            request, stream=True, follow_redirects=False, **self._auth_kwargs(request.url, authenticated, scheme_auth)
        )
        credentials = _auth_set(unauthenticated, request.headers)  # the auth flow set them on ``request``
        for _ in range(client.max_redirects if client.follow_redirects else 0):
            hop = _redirect(request, response, credentials)
            if hop is None:
                break
            response.close()
            request, same_origin = hop
            call.check()
            hop_auth = self._auth_kwargs(request.url, authenticated, scheme_auth) if same_origin else {"auth": None}
            response = client.send(request, stream=True, follow_redirects=False, **hop_auth)
        return read_bounded(response, call)

    def _send_direct(self, transport: httpx.BaseTransport, request: httpx.Request, call: CallBudget) -> httpx.Response:
        """``request`` through the transport API (:meth:`httpx.BaseTransport.handle_request`), for a request that
        needs no auth flow (signed at build, or none) on this transport's own client: what
        :meth:`httpx.Client.send` would add there has nothing to do (no cookie is ever sent, no event hook, no
        redirect followed, one transport), and skipping it is a third of a call's cost. The response gets what
        ``send`` gives it: its request, its elapsed time, the ``HTTP Request:`` line on the ``httpx`` logger."""
        if self._client.is_closed:
            raise RuntimeError(_CLOSED_MESSAGE)
        started = time.perf_counter()
        try:
            response = transport.handle_request(request)
            response.request = request
            response = read_bounded(response, call)
        except httpx.RequestError as exc:  # as from send: the error names its request
            exc.request = request
            raise
        response.elapsed = datetime.timedelta(seconds=time.perf_counter() - started)
        _log_response(request, response)
        return response

    def close(self) -> None:
        """Close the underlying client (and so the transport) if this transport created it."""
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncTransport(_TransportBase):
    """The asyncio twin of :class:`SyncTransport`: ``http_client`` is an :class:`httpx.AsyncClient`, ``transport``
    an :class:`httpx.AsyncBaseTransport`, and the same proxy, redirect and cookie rules apply."""

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
        servers: Sequence[str] = (),
        credentials: Credentials | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            auth=auth,
            timeout=timeout,
            retry=retry,
            headers=headers,
            limits=limits,
            servers=servers,
            credentials=credentials,
        )
        if http_client is not None and transport is not None:
            raise ValueError("pass either http_client or transport, not both")
        self._owns_client = http_client is None
        self._direct: httpx.AsyncBaseTransport | None = None
        if http_client is None:
            if transport is None and not _env_proxies():
                transport = httpx.AsyncHTTPTransport()
            if transport is None:
                http_client = httpx.AsyncClient()
            else:
                http_client = httpx.AsyncClient(transport=transport, trust_env=False)
                self._direct = transport
            self._use_own_client(http_client)
        self._client: httpx.AsyncClient = http_client
        self._fallback = self.auth is not None or not self._owns_client
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
        server: str | None = None,
        authenticated: bool = True,
        accept: str | None = None,
        stream: bool = False,
        operation: str | None = None,
    ) -> httpx.Response:
        """Send one logical request; see :meth:`SyncTransport.request`."""
        scheme_auth = self._scheme_auth(operation, authenticated, self._fallback)
        json = json if content is None else RawContent(content)
        method, url, query, merged = self._prepare(method, path, params, headers, server, accept)
        call = CallBudget.start(method, url, self.limits, streamed=stream)
        attempt = 0
        while True:
            try:
                response = await self._send_within_deadline(
                    method, url, query, merged, json, call, authenticated, scheme_auth
                )
            except httpx.TransportError as exc:
                await self._sleep(self._wait_after_error(exc, method, url, attempt, call))
                attempt += 1
                continue
            if not _is_failure(response.status_code):
                return record_response(response)
            wait = self._wait_after_answer(response, method, url, attempt, call)
            await response.aclose()
            await self._sleep(wait)
            attempt += 1

    async def _send_within_deadline(
        self,
        method: str,
        url: str,
        query: dict[str, str | list[str]],
        headers: dict[str, str],
        json: Any,
        call: CallBudget,
        authenticated: bool = True,
        scheme_auth: httpx.Auth | None = None,
    ) -> httpx.Response:
        """One attempt, cancelled when the call's deadline passes (also while the headers trickle in)."""
        call.check()
        remaining = call.remaining()
        if remaining is None:
            return await self._send(method, url, query, headers, json, call, authenticated, scheme_auth)
        try:
            async with asyncio.timeout(remaining):
                return await self._send(method, url, query, headers, json, call, authenticated, scheme_auth)
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
        call: CallBudget,
        authenticated: bool = True,
        scheme_auth: httpx.Auth | None = None,
    ) -> httpx.Response:
        """One attempt: the read response (auth flow included)."""
        client = self._client
        if self._client_headers is not None:
            request, auth = self._build_request(
                self._client_headers, method, url, query, headers, json, call, authenticated, scheme_auth
            )
            if auth is None and self._direct is not None and not request.url.userinfo:
                return await self._send_direct(self._direct, request, call)
            response = await client.send(request, stream=True, follow_redirects=False, auth=auth)
            return await aread_bounded(response, call)
        # the URL with its own query kept (httpx's ``params=`` would replace it, see _target_url)
        request = client.build_request(
            method, _target_url(url, query), headers=headers, timeout=call.timeout(self.timeout), **_body(json)
        )
        unauthenticated = request.headers.copy()
        response = await client.send(
            request, stream=True, follow_redirects=False, **self._auth_kwargs(request.url, authenticated, scheme_auth)
        )
        credentials = _auth_set(unauthenticated, request.headers)  # the auth flow set them on ``request``
        for _ in range(client.max_redirects if client.follow_redirects else 0):
            hop = _redirect(request, response, credentials)
            if hop is None:
                break
            await response.aclose()
            request, same_origin = hop
            call.check()
            hop_auth = self._auth_kwargs(request.url, authenticated, scheme_auth) if same_origin else {"auth": None}
            response = await client.send(request, stream=True, follow_redirects=False, **hop_auth)
        return await aread_bounded(response, call)

    async def _send_direct(
        self, transport: httpx.AsyncBaseTransport, request: httpx.Request, call: CallBudget
    ) -> httpx.Response:
        """Async :meth:`SyncTransport._send_direct`."""
        if self._client.is_closed:
            raise RuntimeError(_CLOSED_MESSAGE)
        started = time.perf_counter()
        try:
            response = await transport.handle_async_request(request)
            response.request = request
            response = await aread_bounded(response, call)
        except httpx.RequestError as exc:
            exc.request = request
            raise
        response.elapsed = datetime.timedelta(seconds=time.perf_counter() - started)
        _log_response(request, response)
        return response

    async def aclose(self) -> None:
        """Close the underlying client (and so the transport) if this transport created it."""
        if self._owns_client:
            await self._client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
