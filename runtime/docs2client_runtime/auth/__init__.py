"""Auth per provider, as :class:`httpx.Auth` implementations: SCP signing, NHN Cloud Keystone tokens, plain headers,
and the standard OpenAPI schemes (bearer tokens, API keys in the query; credentials per documented scheme, chosen per
operation: :mod:`~docs2client_runtime.auth.schemes`).

Secrets are kept out of ``repr()``, log records and exception messages.
"""

from docs2client_runtime.auth.header import HeaderAuth
from docs2client_runtime.auth.nhn import KeystoneAuth
from docs2client_runtime.auth.origins import OriginBoundAuth
from docs2client_runtime.auth.schemes import Credentials, MissingCredentialsError, SecurityScheme
from docs2client_runtime.auth.scp import SCP_HEADER_NAMES, ScpAuth, scp_signature
from docs2client_runtime.auth.token import BearerAuth, QueryAuth

__all__ = [
    "SCP_HEADER_NAMES",
    "BearerAuth",
    "Credentials",
    "HeaderAuth",
    "KeystoneAuth",
    "MissingCredentialsError",
    "OriginBoundAuth",
    "QueryAuth",
    "ScpAuth",
    "SecurityScheme",
    "scp_signature",
]
