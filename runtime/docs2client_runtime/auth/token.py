"""Credentials of the standard OpenAPI security schemes: a bearer token (``http`` ``bearer``, ``oauth2``,
``openIdConnect``) and an API key sent as a query parameter (``apiKey`` ``in: query``).

An API key in a header or a cookie is :class:`~docs2client_runtime.auth.header.HeaderAuth`; HTTP basic is
:class:`httpx.BasicAuth`. Like every auth of the runtime, these set their credentials only on requests to the origins
the client's transport names (its base URL and its operations' own servers), or used alone, to the origin of the
first request (:class:`~docs2client_runtime.auth.origins.OriginBoundAuth`); a redirect elsewhere never carries them,
and their reprs never show a secret.
"""

from __future__ import annotations

from collections.abc import (
    Callable,
    Generator,
    Mapping,
)

import httpx

from docs2client_runtime.auth.origins import OriginBoundAuth
from docs2client_runtime.redaction import sensitive_query_keys

__all__ = [
    "BearerAuth",
    "QueryAuth",
]


class BearerAuth(OriginBoundAuth):
    """``Authorization: Bearer <token>`` on every request to the origins it is bound to.

    ``token`` is the token itself or a function returning the current one (called once per request, so a token that
    an OAuth 2.0 client refreshes elsewhere is always the latest). This client does not run OAuth flows: get the
    token from the API's token URL (its README names it) with the library of your choice.
    """

    def __init__(self, token: str | Callable[[], str]) -> None:
        if not callable(token) and not (isinstance(token, str) and token):
            raise ValueError("BearerAuth needs a token (a non-empty string or a function returning one)")
        super().__init__()
        self._token = token

    def __repr__(self) -> str:
        return "BearerAuth(<token>)"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.sends_to(request):
            token = self._token() if callable(self._token) else self._token
            if not isinstance(token, str) or not token or any(c in token for c in "\r\n"):
                raise ValueError("BearerAuth: the token function returned no usable token")
            request.headers["Authorization"] = f"Bearer {token}"
        yield request


class QueryAuth(OriginBoundAuth):
    """API keys the service takes as query parameters (``?api_key=...``), added to every request to the origins
    it is bound to.

    Keys in URLs end up in server and proxy logs, so prefer a header when the API offers one. This runtime never
    shows them: the parameter names are registered with :mod:`~docs2client_runtime.redaction`, so URLs in errors
    and log records carry ``<redacted>`` in their place.
    """

    def __init__(self, params: Mapping[str, str]) -> None:
        if not params:
            raise ValueError("QueryAuth needs at least one parameter")
        super().__init__()
        self._params = {str(name): str(value) for name, value in params.items()}
        sensitive_query_keys.update(self._params)

    def __repr__(self) -> str:
        return f"QueryAuth({sorted(self._params)!r})"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.sends_to(request):
            request.url = request.url.copy_merge_params(self._params)
        yield request
