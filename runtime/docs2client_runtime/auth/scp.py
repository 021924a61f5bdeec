"""Samsung Cloud Platform request signing."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from collections.abc import (
    Callable,
    Generator,
)

import httpx

from docs2client_runtime.auth.origins import OriginBoundAuth
from docs2client_runtime.redaction import REDACTED

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
    message = _message(method, url, timestamp, access_key, account_id, client_type)
    digest = hmac.digest(secret_key.encode("utf-8"), message, hashlib.sha256)
    return base64.b64encode(digest).decode("ascii")


def _message(method: str, url: str, timestamp: str, access_key: str, account_id: str, client_type: str) -> bytes:
    """What the SCP signature covers, in its order."""
    return (method.upper() + url + timestamp + access_key + account_id + client_type).encode("utf-8")


#: Lower-case names of the headers :meth:`ScpAuth.signing_headers` returns (they replace caller headers of the same
#: name).
SCP_HEADER_NAMES = frozenset(
    {"scp-accesskey", "scp-signature", "scp-timestamp", "scp-clienttype", "scp-accountid", "accept-language"}
)

__all__ = [
    "SCP_HEADER_NAMES",
    "ScpAuth",
    "scp_signature",
]


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
        #: HMAC-SHA256 keyed with the secret, copied for each signature: keying (OpenSSL context set-up) once, not
        #: per request, is most of a signature's cost. Made on first use, left out of pickles and copies.
        self._keyed: hmac.HMAC | None = None
        #: The origins the signature goes to (see :mod:`docs2client_runtime.auth.origins`): a request elsewhere (a
        #: redirect, an absolute URL) is sent unsigned, so the access key and account id never leave them.
        self._origins = OriginBoundAuth()

    def allow_origins(self, *urls: str) -> None:
        """Sign requests to the origins of ``urls`` from now on, and no other (the transport names its servers)."""
        self._origins.allow_origins(*urls)

    def signing_headers(self, method: str, url: str) -> list[tuple[str, str]]:
        """The signing headers for a ``method`` request to ``url``, with a fresh timestamp.

        ``url`` must be exactly the URL as sent, ``str(request.url)`` (query string included), since the signature
        covers it; the transports build the :class:`httpx.URL` first and sign its string before creating the
        request, so the headers can go in at construction.
        """
        return self._headers(*self._signature(method, url))

    def _headers(self, signature: str, timestamp: str) -> list[tuple[str, str]]:
        """The signing headers, in the order they are sent, with the given signature and timestamp."""
        return [
            ("Scp-AccessKey", self._access_key),
            ("Scp-Signature", signature),
            ("Scp-Timestamp", timestamp),
            ("Scp-ClientType", self.client_type),
            ("Scp-AccountId", self.account_id),
            ("Accept-Language", self.language),
        ]

    def _signature(self, method: str, url: str) -> tuple[str, str]:
        """The signature of a ``method`` request to ``url`` and its fresh timestamp (the transports set just these
        two on a request whose other headers come from a template)."""
        timestamp = str(round(self._clock() * 1000))
        keyed = self._keyed
        if keyed is None:
            keyed = self._keyed = hmac.new(self._secret_key.encode("utf-8"), digestmod=hashlib.sha256)
        mac = keyed.copy()
        mac.update(_message(method, url, timestamp, self._access_key, self.account_id, self.client_type))
        return base64.b64encode(mac.digest()).decode("ascii"), timestamp

    def _constants(self) -> tuple[str, ...]:
        """What the headers of :meth:`signing_headers` other than the signature and timestamp depend on (the
        transports keep one header template per value of it)."""
        return (self._access_key, self.account_id, self.client_type, self.language)

    def sign(self, request: httpx.Request) -> None:
        """Add the signing headers to ``request`` in place (replacing any of the same name)."""
        for name, value in self.signing_headers(request.method, str(request.url)):
            request.headers[name] = value

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self._origins.sends_to(request):
            self.sign(request)
        yield request

    def __getstate__(self) -> dict[str, object]:
        return {**self.__dict__, "_keyed": None}  # an HMAC object neither pickles nor copies

    def __repr__(self) -> str:
        return (
            f"ScpAuth(access_key={REDACTED!r}, secret_key={REDACTED!r}, account_id={self.account_id!r}, "
            f"client_type={self.client_type!r})"
        )
