"""Credentials a service takes as plain request headers (NHN Cloud services with app keys and secrets)."""

from __future__ import annotations

from collections.abc import (
    Generator,
    Mapping,
)

import httpx

from docs2client_runtime.auth.origins import OriginBoundAuth

__all__ = [
    "HeaderAuth",
]


class HeaderAuth(OriginBoundAuth):
    """Credentials a service takes as request headers (``X-Secret-Key``, ``X-TC-AUTHENTICATION-ID`` and
    ``-SECRET``, ``X-NHN-Authorization: Bearer ...``): set on every request to the origins the client's transport
    names (its base URL and the servers of its operations), or used alone, to the origin of the first request; never
    on a request to another origin (a redirect elsewhere does not take them along). The repr names the headers, never
    their values.
    """

    def __init__(self, headers: Mapping[str, str]) -> None:
        if not headers:
            raise ValueError("HeaderAuth needs at least one header")
        super().__init__()
        self._headers = dict(headers)

    def __repr__(self) -> str:
        return f"HeaderAuth({sorted(self._headers)!r})"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.sends_to(request):
            for name, value in self._headers.items():
                request.headers[name] = value
        yield request
