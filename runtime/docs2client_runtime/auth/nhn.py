"""NHN Cloud (OpenStack Keystone v2) token auth."""

from __future__ import annotations

import asyncio
import datetime as _dt
import logging
import threading
import time
from collections.abc import (
    AsyncGenerator,
    Callable,
    Generator,
)

import httpx

from docs2client_runtime.auth.origins import OriginBoundAuth
from docs2client_runtime.errors import ApiError, _without_body, error_for
from docs2client_runtime.redaction import REDACTED, redact_url

__all__ = [
    "KeystoneAuth",
]


#: One logger for the whole runtime (retries, token issuance), whichever module logs.
logger = logging.getLogger("docs2client_runtime")

# --------------------------------------------------------------------------------------------------------------------
# Auth: NHN Cloud Keystone tokens
# --------------------------------------------------------------------------------------------------------------------


def _parse_iso_datetime(value: str) -> _dt.datetime:
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    parsed = _dt.datetime.fromisoformat(text)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=_dt.UTC)


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
        #: The origins the token goes to (see :mod:`docs2client_runtime.auth.origins`): a request elsewhere (a
        #: redirect, an absolute URL) is sent without it.
        self._origins = OriginBoundAuth()

    def allow_origins(self, *urls: str) -> None:
        """Send the token to the origins of ``urls`` from now on, and no other (the transport names its servers)."""
        self._origins.allow_origins(*urls)

    # -- token bookkeeping ---------------------------------------------------------------------------------------

    def _current_token(self) -> str | None:
        if self._token is not None and self._clock() < self._expires_at - self.margin:
            return self._token
        return None

    def _token_request(self, request: httpx.Request) -> httpx.Request:
        """The token request, with the timeout of the API ``request`` that needs the token (a token request
        without one could hang the call)."""
        body = {
            "auth": {
                "tenantId": self.tenant_id,
                "passwordCredentials": {"username": self.username, "password": self._api_password},
            }
        }
        extensions = {"timeout": request.extensions["timeout"]} if "timeout" in request.extensions else {}
        return httpx.Request(
            "POST", self.identity_url, json=body, headers={"Accept": "application/json"}, extensions=extensions
        )

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
        if not self._origins.sends_to(request):
            yield request
            return
        with self._sync_lock:
            token = self._current_token()
            if token is None:
                token_response = yield self._token_request(request)
                token_response.read()
                token = self._store(token_response)
        request.headers["X-Auth-Token"] = token
        response = yield request
        if response.status_code != 401:
            return
        with self._sync_lock:
            if self._token == token:  # nobody replaced the rejected token meanwhile
                token_response = yield self._token_request(request)
                token_response.read()
                self._store(token_response)
            token = self._token
        assert token is not None
        request.headers["X-Auth-Token"] = token
        yield request

    async def async_auth_flow(self, request: httpx.Request) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if not self._origins.sends_to(request):
            yield request
            return
        if self._async_lock is None:
            self._async_lock = asyncio.Lock()
        lock = self._async_lock
        async with lock:
            token = self._current_token()
            if token is None:
                token_response = yield self._token_request(request)
                await token_response.aread()
                token = self._store(token_response)
        request.headers["X-Auth-Token"] = token
        response = yield request
        if response.status_code != 401:
            return
        async with lock:
            if self._token == token:
                token_response = yield self._token_request(request)
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
