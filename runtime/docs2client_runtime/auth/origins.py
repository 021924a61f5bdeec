"""Which origins an auth handler sends its credentials to: the ones a transport names, else the first request's.

A generated client sends most requests to its base URL, but an operation may document a server of its own (an upload
host); the transport then names every origin its requests go to (:meth:`OriginBoundAuth.allow_origins`), and the
credentials go to those origins only. Used on its own (an ``httpx.Client(auth=...)``), a handler binds to the origin
of the first request it sees, as before. Either way a redirect or a URL elsewhere never receives the credentials.
"""

from __future__ import annotations

import threading

import httpx

__all__ = [
    "OriginBoundAuth",
]

_Origin = tuple[str, str, int | None]


def _origin(url: httpx.URL) -> _Origin:
    return (url.scheme, url.host, url.port)


class OriginBoundAuth(httpx.Auth):
    """Base of the runtime's header, bearer and query credentials: :meth:`sends_to` says whether a request's origin
    (scheme, host, port; a default port counts as none) may receive them.

    The allowed origins are the union of every :meth:`allow_origins` call (one auth shared by two clients serves
    both of their servers); before any, the origin of the first request is the only one.
    """

    def __init__(self) -> None:
        self._allowed: set[_Origin] = set()
        self._first: _Origin | None = None
        self._lock = threading.Lock()

    def allow_origins(self, *urls: str) -> None:
        """Send the credentials to the origins of ``urls`` (http or https URLs) from now on, and to no other."""
        origins = set()
        for url in urls:
            parsed = httpx.URL(url)
            if parsed.scheme not in ("http", "https") or not parsed.host:
                raise ValueError(f"allow_origins takes http(s) URLs; got a URL without scheme or host: {url!r:.80}")
            origins.add(_origin(parsed))
        with self._lock:
            self._allowed |= origins

    def sends_to(self, request: httpx.Request) -> bool:
        """Whether ``request`` goes to an origin that may receive the credentials."""
        origin = _origin(request.url)
        with self._lock:
            if self._allowed:
                return origin in self._allowed
            if self._first is None:
                self._first = origin
            return origin == self._first

    def __getstate__(self) -> dict[str, object]:
        return {
            key: value for key, value in self.__dict__.items() if key != "_lock"
        }  # a lock neither pickles nor copies

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()
