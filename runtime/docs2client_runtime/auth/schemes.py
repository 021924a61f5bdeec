"""Credentials per documented security scheme, and which of them each operation's request carries.

An OpenAPI document may define several security schemes (an API key in a header for most operations, HTTP basic
for a token endpoint, a bearer token for some) and give each operation its own alternatives
(``security: [{apiKey: []}, {oauth2: []}]``: either one; ``[{key: [], basic: []}]``: both at once). A generated
client takes one credential per scheme (a keyword argument named after it) and hands them to :class:`Credentials`
with the document's requirements; the transport asks :meth:`Credentials.choose` which to send for each operation:
the credentials of every scheme of the first alternative the client has credentials for, and nothing else. An
alternative without schemes (``{}``) makes the credentials optional: the operation is called without any when the
client has none of the others.

An alternative whose schemes would set the same header, query parameter or cookie (HTTP basic and a bearer token
both set ``Authorization``; two API keys of one header name) cannot be sent in one request: setting both would leave
only the last, and the API would get half of what it asked for without anyone being told. Such an alternative is
never chosen: the next one the client has credentials for goes instead; when there is none, the call raises
:class:`MissingCredentialsError` before sending, naming the schemes and the header (even where the operation's
credentials are optional: credentials the caller gave are never dropped silently), unless an ``auth=`` or
``http_client`` was given, which then sends what the API expects as the caller decided. docs2client warns of such a
requirement when it generates the client, at its JSON pointer.

When the client has credentials for none of the alternatives, the operation cannot succeed: the request is not sent
and :class:`MissingCredentialsError` names the operation, the schemes and the keywords that take them, unless the
client was also given an ``auth=`` (any :class:`httpx.Auth`, which then goes as before) or its own ``http_client``
(whose auth, default headers or event hooks may carry credentials), or an alternative needs a
scheme this runtime cannot send (mutual TLS, a provider's signature): the caller's ``auth=`` or ``http_client`` is
then the only way, and the request goes without a complaint.

A client's default headers (``headers=``) and its credentials follow one rule: a credential the client was given
(a keyword, or ``auth=``) replaces the default header of its name on the requests that carry it, so one header goes,
the explicit one; a credential the default headers already carry (an API key's header, or ``Authorization`` for a
bearer token or HTTP basic) counts as given for a scheme no keyword was given for, so the call is not refused.

Secrets never appear in a repr, a log record or an exception message: the reprs and messages name schemes and
keywords only, and API keys sent in the query are registered with :mod:`~docs2client_runtime.redaction`.
"""

from __future__ import annotations

import base64
from collections.abc import (
    Callable,
    Collection,
    Generator,
    Iterable,
    Mapping,
    Sequence,
)
from dataclasses import dataclass

import httpx

from docs2client_runtime.redaction import sensitive_query_keys

__all__ = [
    "Credentials",
    "MissingCredentialsError",
    "SecurityScheme",
]

#: What a client keyword takes: an API key or a bearer token (a string, or for a token a function returning the
#: current one, called once per request), or a ``(user, password)`` pair for HTTP basic.
Credential = str | Callable[[], str] | tuple[str, str]

#: The kinds of scheme this module sends: an API key in a header, the query or a cookie, HTTP bearer (also what an
#: OAuth 2.0 or OpenID Connect access token is sent as), HTTP basic.
KINDS = frozenset({"header", "query", "cookie", "bearer", "basic"})


class MissingCredentialsError(Exception):
    """An operation requires credentials the client was not given, or only in an alternative whose schemes one
    request cannot carry together (raised before anything is sent)."""


@dataclass(frozen=True, slots=True)
class SecurityScheme:
    """One documented security scheme the client takes a credential for.

    ``name`` is its key in ``components.securitySchemes`` (what an operation's ``security`` names), ``kind`` one of
    :data:`KINDS`, ``key`` the header, query parameter or cookie name of an API key, and ``keyword`` the client's
    keyword argument that takes the credential (named in error messages).
    """

    name: str
    kind: str
    key: str | None = None
    keyword: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"security scheme {self.name!r}: kind must be one of {sorted(KINDS)}, got {self.kind!r}")
        if self.kind in ("header", "query", "cookie") and not self.key:
            raise ValueError(f"security scheme {self.name!r}: an API key needs its {self.kind} name (key=)")


@dataclass(frozen=True, slots=True)
class _Choice:
    """What :meth:`Credentials.choose` decided for one operation: the auth sending the chosen alternative's
    credentials (None: none to send), and why none could be chosen when the operation requires some."""

    auth: httpx.Auth | None
    missing: str | None = None
    #: an alternative needs a scheme the client takes no keyword for: the caller's own auth may satisfy it
    foreign: bool = False


class _SchemeAuth(httpx.Auth):
    """Sets the credentials of the schemes of one alternative on a request (the transport decides where requests
    may carry credentials: its base URL's and servers' origins only, never a redirect elsewhere)."""

    def __init__(self, parts: Sequence[tuple[SecurityScheme, Credential]]) -> None:
        self._parts = list(parts)

    def __repr__(self) -> str:
        return f"_SchemeAuth({[scheme.name for scheme, _ in self._parts]!r})"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        for scheme, value in self._parts:
            _apply(scheme, value, request)
        yield request


def _apply(scheme: SecurityScheme, value: Credential, request: httpx.Request) -> None:
    """Put one scheme's credential on ``request``."""
    if scheme.kind == "basic":
        user, password = value if isinstance(value, tuple) else ("", "")
        pair = f"{user}:{password}".encode()
        request.headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
        return
    text = value() if callable(value) else value
    if not isinstance(text, str) or not text or any(c in text for c in "\r\n"):
        raise MissingCredentialsError(
            f"the credential for security scheme {scheme.name!r} ({scheme.keyword}=) is empty or not one line of text"
        )
    assert scheme.key is not None or scheme.kind == "bearer"
    if scheme.kind == "bearer":
        request.headers["Authorization"] = f"Bearer {text}"
    elif scheme.kind == "header":
        request.headers[str(scheme.key)] = text
    elif scheme.kind == "query":
        request.url = request.url.copy_merge_params({str(scheme.key): text})
    else:  # cookie: beside the cookies the operation sends as parameters
        cookie = f"{scheme.key}={text}"
        existing = request.headers.get("Cookie")
        request.headers["Cookie"] = f"{existing}; {cookie}" if existing else cookie


def _header(scheme: SecurityScheme) -> str | None:
    """The header a scheme's credential goes in, as the scheme writes it (None: a query parameter or a cookie)."""
    if scheme.kind in ("basic", "bearer"):
        return "Authorization"
    return str(scheme.key) if scheme.kind == "header" else None


def _target(scheme: SecurityScheme) -> str:
    """Where a scheme's credential goes, in words (``Authorization header``): two schemes of one alternative with
    the same target cannot both be sent."""
    header = _header(scheme)
    if header is not None:
        return f"{header} header"
    return f"{scheme.key} {'query parameter' if scheme.kind == 'query' else 'cookie'}"


def _clash(schemes: Sequence[SecurityScheme]) -> tuple[SecurityScheme, SecurityScheme] | None:
    """The first two of ``schemes`` that set the same target, or None."""
    seen: dict[str, SecurityScheme] = {}
    for scheme in schemes:
        target = _target(scheme)
        if scheme.kind in ("basic", "bearer", "header"):
            target = target.lower()  # HTTP header names are case-insensitive; query and cookie names are not
        if target in seen:
            return seen[target], scheme
        seen[target] = scheme
    return None


def _checked(scheme: SecurityScheme, value: object) -> Credential:
    """``value`` when it is a credential of ``scheme``'s kind; a located error otherwise (never showing it)."""
    if scheme.kind == "basic":
        if isinstance(value, tuple | list) and len(value) == 2 and all(isinstance(v, str) for v in value):
            return (value[0], value[1])
        raise TypeError(f"{scheme.keyword}= (security scheme {scheme.name!r}) takes a (user, password) pair")
    if isinstance(value, str) and value and not any(c in value for c in "\r\n"):
        return value
    if scheme.kind == "bearer" and callable(value):
        return value  # type: ignore[return-value]  # a function returning the current token
    expected = "a token (a string, or a function returning one)" if scheme.kind == "bearer" else "an API key string"
    raise TypeError(f"{scheme.keyword}= (security scheme {scheme.name!r}) takes {expected}, on one line")


class Credentials:
    """The credentials a client was given, by scheme name, and the requirements of its operations.

    ``schemes`` are the schemes the client takes keywords for; ``values`` the keywords' values by scheme name (None:
    not given); ``default`` the document's alternatives (each a sequence of scheme names; an empty one: optional),
    ``operations`` an operation's own alternatives where they differ, by operation (method) name. ``headers`` are
    the client's default headers: a credential already among them (an API key's header, ``Authorization`` for a
    bearer token or basic) counts as given for a scheme no keyword was given for (it goes with every request
    anyway). A credential that is given replaces the default header of its name on the requests that carry it:
    one header goes, the explicit one.
    """

    def __init__(
        self,
        schemes: Sequence[SecurityScheme],
        values: Mapping[str, object],
        *,
        default: Sequence[Sequence[str]] = (),
        operations: Mapping[str, Sequence[Sequence[str]]] | None = None,
        headers: Iterable[str] = (),
    ) -> None:
        self._schemes = {scheme.name: scheme for scheme in schemes}
        self._values: dict[str, Credential] = {}
        for name, value in values.items():
            scheme = self._schemes.get(name)
            if scheme is None:
                raise ValueError(f"no security scheme {name!r} among {sorted(self._schemes)}")
            if value is not None:
                self._values[name] = _checked(scheme, value)
                if scheme.kind == "query":
                    sensitive_query_keys.add(str(scheme.key))
        present = {name.lower() for name in headers}
        #: schemes whose credential the default headers already carry (an API key header, or ``Authorization`` for
        #: a bearer token or a basic pair) and no keyword gives: satisfied, nothing to add
        self._in_headers = {
            s.name
            for s in schemes
            if s.name not in self._values and (header := _header(s)) is not None and header.lower() in present
        }
        self._default = tuple(tuple(alt) for alt in default)
        self._operations = {op: tuple(tuple(alt) for alt in alts) for op, alts in (operations or {}).items()}
        self._chosen: dict[str, _Choice] = {}

    def __repr__(self) -> str:
        return f"Credentials(given={sorted(self._values)!r})"

    @property
    def given(self) -> bool:
        """Whether the client was given a credential for any scheme."""
        return bool(self._values)

    def requirements(self, operation: str) -> tuple[tuple[str, ...], ...]:
        """The alternatives of ``operation``: its own, else the document's."""
        return self._operations.get(operation, self._default)

    def choose(self, operation: str) -> _Choice:
        """What a request of ``operation`` carries (decided once per operation: the credentials do not change)."""
        choice = self._chosen.get(operation)
        if choice is None:
            choice = self._chosen[operation] = self._decide(operation)
        return choice

    def _decide(self, operation: str) -> _Choice:
        alternatives = self.requirements(operation)
        clashing: tuple[SecurityScheme, SecurityScheme] | None = None
        for alternative in alternatives:
            if alternative and all(n in self._values or n in self._in_headers for n in alternative):
                parts = [(self._schemes[n], self._values[n]) for n in alternative if n in self._values]
                clash = _clash([scheme for scheme, _ in parts])
                if clash is None:
                    return _Choice(_SchemeAuth(parts) if parts else None)
                clashing = clashing or clash  # never sent half: the next alternative, else an error
        if clashing is not None:
            return _Choice(None, self._clashing(operation, *clashing))
        if not alternatives or any(not alternative for alternative in alternatives):
            return _Choice(None)  # no requirement, or an optional one
        foreign = any(n not in self._schemes for alternative in alternatives for n in alternative)
        return _Choice(None, self._missing(operation, alternatives), foreign)

    @staticmethod
    def _clashing(operation: str, first: SecurityScheme, second: SecurityScheme) -> str:
        """One line: the operation, the two schemes one request cannot carry, and what to do instead."""
        return (
            f"{operation} needs {first.name!r} ({first.keyword}=) and {second.name!r} ({second.keyword}=) in one"
            f" request, but both set the {_target(first)}, which carries one of them: pass auth= (an httpx.Auth"
            " sending what the API expects) instead"
        )

    def _missing(self, operation: str, alternatives: Collection[Sequence[str]]) -> str:
        """One line: the operation, its alternatives and the keywords that would satisfy them."""
        words = []
        for alternative in alternatives:
            named = [
                f"{n!r} ({self._schemes[n].keyword}=)" if n in self._schemes else f"{n!r} (auth=)" for n in alternative
            ]
            words.append(" and ".join(named))
        return f"{operation} needs credentials for {' or '.join(words)}; the client was given none of them"
