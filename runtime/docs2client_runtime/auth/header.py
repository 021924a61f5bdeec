"""Credentials a service takes as plain request headers (NHN Cloud services with app keys and secrets)."""

from __future__ import annotations

from collections.abc import (
    Generator,
    Mapping,
)

import httpx

__all__ = [
    "HeaderAuth",
]


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
