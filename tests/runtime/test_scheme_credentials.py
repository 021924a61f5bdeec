"""Credentials per security scheme (``docs2client_runtime.auth.schemes``): each operation's request carries exactly
the credentials of the first of its alternatives the client has, none where it needs none, and a one-line error
naming the operation and the keywords when the client has none of what it needs; secrets never in reprs or errors.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from docs2client_runtime import (
    AsyncTransport,
    BearerAuth,
    Credentials,
    MissingCredentialsError,
    SecurityScheme,
    SyncTransport,
)

SCHEMES = [
    SecurityScheme("apiKey", "header", "X-API-Key", keyword="api_key"),
    SecurityScheme("queryKey", "query", "key", keyword="query_key"),
    SecurityScheme("session", "cookie", "sid", keyword="session"),
    SecurityScheme("bearer", "bearer", keyword="bearer"),
    SecurityScheme("basic", "basic", keyword="basic"),
    SecurityScheme("apiKeyAgain", "header", "x-api-key", keyword="api_key_again"),  # the same header, other case
]
OPERATIONS = {
    "token": (("basic",),),
    "either": (("apiKey",), ("bearer",)),
    "both": (("queryKey", "session"),),
    "optional": ((), ("bearer",)),
    "foreign": (("mtls",),),
    "clash": (("basic", "bearer"),),
    "clash_or_key": (("basic", "bearer"), ("apiKey",)),
    "clash_or_none": (("basic", "bearer"), ()),
    "same_header": (("apiKey", "apiKeyAgain"),),
}


def _sent(values: dict[str, Any], operation: str, **transport: Any) -> httpx.Request:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    credentials = Credentials(SCHEMES, values, default=(("apiKey",),), operations=OPERATIONS)
    with SyncTransport(
        base_url="https://api.test",
        transport=httpx.MockTransport(handler),
        credentials=credentials,
        **transport,
    ) as t:
        t.request("GET", "/x", operation=operation, headers={"Cookie": "theme=dark"})
    [request] = seen
    return request


ALL = {
    "apiKey": "K-SECRET",
    "queryKey": "Q-SECRET",
    "session": "S-SECRET",
    "bearer": "B-SECRET",
    "basic": ("user", "P-SECRET"),
}


def test_the_default_requirement_sends_the_header_key_only() -> None:
    request = _sent(ALL, "listing")
    assert request.headers["X-API-Key"] == "K-SECRET"
    assert "Authorization" not in request.headers and "key" not in request.url.params


def test_basic_goes_only_where_it_is_required() -> None:
    request = _sent(ALL, "token")
    assert request.headers["Authorization"] == "Basic dXNlcjpQLVNFQ1JFVA=="
    assert "X-API-Key" not in request.headers


def test_the_first_alternative_the_client_has_wins() -> None:
    assert _sent(ALL, "either").headers["X-API-Key"] == "K-SECRET"
    only_bearer = _sent({"bearer": "B-SECRET"}, "either")
    assert only_bearer.headers["Authorization"] == "Bearer B-SECRET" and "X-API-Key" not in only_bearer.headers


def test_every_scheme_of_an_alternative_goes_together() -> None:
    request = _sent(ALL, "both")
    assert request.url.params["key"] == "Q-SECRET"
    assert request.headers["Cookie"] == "theme=dark; sid=S-SECRET"
    assert "X-API-Key" not in request.headers and "Authorization" not in request.headers


def test_an_optional_requirement_sends_what_the_client_has_or_nothing() -> None:
    assert _sent(ALL, "optional").headers["Authorization"] == "Bearer B-SECRET"
    request = _sent({"apiKey": "K-SECRET"}, "optional")
    assert "Authorization" not in request.headers and "X-API-Key" not in request.headers


def test_a_bearer_token_function_is_called_per_request() -> None:
    tokens = iter(["first", "second"])
    assert _sent({"bearer": lambda: next(tokens)}, "either").headers["Authorization"] == "Bearer first"


def test_missing_credentials_raise_one_line_naming_the_operation_and_keywords_before_sending() -> None:
    with pytest.raises(MissingCredentialsError) as caught:
        _sent({"apiKey": "K-SECRET"}, "both")
    message = str(caught.value)
    assert "\n" not in message and "both" in message
    assert "'queryKey' (query_key=) and 'session' (session=)" in message
    assert "K-SECRET" not in message


def test_an_auth_given_besides_stands_in_and_a_foreign_scheme_never_raises() -> None:
    request = _sent({"apiKey": "K-SECRET"}, "token", auth=BearerAuth("OLD"))
    assert request.headers["Authorization"] == "Bearer OLD" and "X-API-Key" not in request.headers
    assert "Authorization" not in _sent({}, "foreign").headers


def test_a_key_in_the_default_headers_counts_as_given() -> None:
    credentials = Credentials(SCHEMES, {}, default=(("apiKey",),), headers=["x-api-key"])
    assert credentials.choose("anything").missing is None


def test_no_credential_is_shown_in_reprs_or_type_errors() -> None:
    credentials = Credentials(SCHEMES, ALL, default=(("apiKey",),), operations=OPERATIONS)
    shown = repr(credentials) + repr(credentials.choose("both").auth) + repr(credentials.choose("token").auth)
    assert not any(secret in shown for secret in ("K-SECRET", "Q-SECRET", "S-SECRET", "B-SECRET", "P-SECRET"))
    with pytest.raises(TypeError, match=r"^basic= \(security scheme 'basic'\) takes a \(user, password\) pair$"):
        Credentials(SCHEMES, {"basic": "P-SECRET"})
    with pytest.raises(TypeError) as caught:
        Credentials(SCHEMES, {"apiKey": "K-SECRET\r\nX-Evil: 1"})
    assert "SECRET" not in str(caught.value)


def test_a_query_key_is_redacted_in_error_urls() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, json={"message": "no"})

    credentials = Credentials(SCHEMES, {"queryKey": "Q-SECRET", "session": "S"}, operations=OPERATIONS)
    with (
        SyncTransport(
            base_url="https://api.test", transport=httpx.MockTransport(handler), credentials=credentials
        ) as t,
        pytest.raises(Exception) as caught,
    ):
        t.request("GET", "/x", operation="both")
    assert "Q-SECRET" not in str(caught.value) and "Q-SECRET" not in repr(caught.value)


def test_the_async_transport_chooses_the_same_way() -> None:
    seen: list[httpx.Request] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    async def calls() -> None:
        credentials = Credentials(SCHEMES, ALL, default=(("apiKey",),), operations=OPERATIONS)
        async with AsyncTransport(
            base_url="https://api.test", transport=httpx.MockTransport(handler), credentials=credentials
        ) as t:
            await t.request("POST", "/token", operation="token")
            await t.request("GET", "/x", operation="listing")
            await t.request("GET", "/public", operation="listing", authenticated=False)

    asyncio.run(calls())
    assert seen[0].headers["Authorization"].startswith("Basic ") and "X-API-Key" not in seen[0].headers
    assert seen[1].headers["X-API-Key"] == "K-SECRET"
    assert "X-API-Key" not in seen[2].headers


def test_a_redirect_to_another_origin_drops_the_scheme_credentials() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.host == "api.test":
            return httpx.Response(302, headers={"Location": "https://elsewhere.test/x"})
        return httpx.Response(204)

    own = httpx.Client(transport=httpx.MockTransport(handler), follow_redirects=True)
    credentials = Credentials(SCHEMES, ALL, default=(("apiKey",),))
    with SyncTransport(base_url="https://api.test", http_client=own, credentials=credentials) as t:
        t.request("GET", "/x", operation="listing")
    assert seen[0].headers["X-API-Key"] == "K-SECRET" and "X-API-Key" not in seen[1].headers


def test_an_alternative_whose_schemes_set_one_header_is_never_sent_half() -> None:
    """``security: [{basic: [], bearer: []}]``: both schemes set ``Authorization``, and the bearer token silently
    replaced the basic credentials (the last scheme won). One request cannot carry both: the call raises before
    sending, naming the operation, the schemes, their keywords and the header, and never a secret."""
    with pytest.raises(MissingCredentialsError) as caught:
        _sent(ALL, "clash")
    message = str(caught.value)
    assert "\n" not in message and message.startswith("clash ")
    assert "'basic' (basic=) and 'bearer' (bearer=)" in message and "Authorization header" in message
    assert "auth=" in message and not any(secret in message for secret in ("B-SECRET", "P-SECRET", "user"))
    with pytest.raises(MissingCredentialsError, match="X-API-Key header"):
        _sent({"apiKey": "K-SECRET", "apiKeyAgain": "K2-SECRET"}, "same_header")


def test_a_later_alternative_the_client_has_goes_instead_of_a_clashing_one() -> None:
    request = _sent(ALL, "clash_or_key")
    assert request.headers["X-API-Key"] == "K-SECRET" and "Authorization" not in request.headers
    # an optional requirement does not make the given credentials silently go unsent
    with pytest.raises(MissingCredentialsError, match="Authorization header"):
        _sent(ALL, "clash_or_none")
    assert "Authorization" not in _sent({}, "clash_or_none").headers


def test_an_auth_given_besides_sends_a_clashing_alternative_as_the_caller_wants() -> None:
    request = _sent(ALL, "clash", auth=BearerAuth("COMBINED"))
    assert request.headers["Authorization"] == "Bearer COMBINED"
