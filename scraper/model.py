"""The typed API model: what a dialect reads out of a document, before it becomes OpenAPI.

Kept deliberately small (openapi-python-client style): services, their versions, operations with one entry per
documented version, and models. Schemas are stored as JSON Schema dicts (OpenAPI 3.1 dialect) because that is what
they end up as; everything around them is typed.

Every operation version and model carries a :class:`Source` (page, URL, heading, line) and every doubt a dialect
had is a :class:`Finding`, so nothing a reader or dialect decided is invisible to the user.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "ApiStatus",
    "ExampleRequest",
    "ExampleResponse",
    "Finding",
    "Model",
    "Operation",
    "OperationVersion",
    "Parameter",
    "RequestBody",
    "Response",
    "ServerTemplate",
    "Service",
    "ServiceVersion",
    "Source",
    "anchored_url",
    "heading_anchor",
]

ApiStatus = Literal["CURRENT", "SUPPORTED", "PLANNED", "DEPRECATED"]
Location = Literal["path", "query", "header", "cookie"]

JsonSchema = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Source:
    """Where something was read: page file, its public URL, the heading it sat under, and the line.

    The line is for findings and error messages only. What goes into a spec (:meth:`as_dict`) names the page, the
    URL with the heading's anchor and the heading: provenance that stays put when an unrelated row of the page is
    edited, so a regeneration's diff shows only what changed.
    """

    page: str
    url: str
    heading: str
    line: int

    def as_dict(self) -> dict[str, Any]:
        return {"page": self.page, "url": anchored_url(self.url, self.heading), "heading": self.heading}


def heading_anchor(heading: str) -> str:
    """The fragment a docs site gives a heading, as Hugo (SCP) and GitHub (NHN) both make it: lower case, spaces to
    ``-``, punctuation dropped. An SCP operation heading ``List Servers / 1.1`` is the version subsection of
    ``List Servers``; the anchor is the operation's."""
    title = heading.split(" / ", 1)[0].strip().lower()
    kept = "".join(ch for ch in title if ch.isalnum() or ch in " -_")
    return "-".join(kept.split())


def anchored_url(url: str, heading: str) -> str:
    """``url#anchor`` of ``heading``; a URL that has a fragment already, or an empty one, is kept as it is."""
    anchor = heading_anchor(heading)
    if not url or "#" in url or not anchor:
        return url
    return f"{url}#{anchor}"


@dataclass(frozen=True, slots=True)
class Finding:
    """One doubt, repair or inference, with its location.

    ``kind`` is a stable machine-readable category (e.g. ``inferred-schema``, ``example-mismatch``,
    ``broken-row``, ``capture-conflict``, ``carried-forward``); ``subject`` names the operation or model concerned.
    """

    kind: str
    page: str
    line: int
    subject: str
    message: str
    version: str | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "page": self.page,
            "line": self.line,
            "subject": self.subject,
            "message": self.message,
        }
        if self.version is not None:
            out["version"] = self.version
        return out

    def sort_key(self) -> tuple[str, int, str, str, str, str]:
        return (self.page, self.line, self.kind, self.subject, self.version or "", self.message)


@dataclass(slots=True)
class Parameter:
    name: str
    location: Location
    required: bool
    schema: JsonSchema
    description: str = ""
    example: Any = None
    default: Any = None
    has_example: bool = False
    has_default: bool = False
    line: int = 0
    #: Extra ``x-`` keys for the emitted parameter (e.g. ``x-client-parameter`` for NHN's tenantId).
    extensions: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class RequestBody:
    schema: JsonSchema
    required: bool = True
    description: str = ""
    media_type: str = "application/json"


@dataclass(slots=True)
class Response:
    status: str
    description: str
    schema: JsonSchema | None = None
    line: int = 0
    #: The media type the body is sent in (Data Lake Storage, S3-compatible: ``application/xml``).
    media_type: str = "application/json"
    #: Other media types the same body may come in (Text to Speech: ``audio/wav or audio/mpeg``).
    more_media_types: tuple[str, ...] = ()


@dataclass(slots=True)
class ExampleRequest:
    path: str
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    has_body: bool = False
    line: int = 0


@dataclass(slots=True)
class ExampleResponse:
    status: str
    body: Any = None
    has_body: bool = False
    line: int = 0


@dataclass(slots=True)
class OperationVersion:
    """One documented version of one operation (one SCP "page")."""

    version: str
    method: str
    path: str
    summary: str
    description: str
    status: ApiStatus
    source: Source
    sunset: str | None = None  # ISO date (YYYY-MM-DD) from Not Before / Supported Until
    parameters: list[Parameter] = field(default_factory=list)
    request_body: RequestBody | None = None
    responses: list[Response] = field(default_factory=list)
    example_request: ExampleRequest | None = None
    example_response: ExampleResponse | None = None
    tags: list[str] = field(default_factory=list)
    #: The version of the page this entry was read from; differs from ``version`` when carried forward.
    doc_version: str | None = None
    #: Extra ``x-`` keys for the emitted operation.
    extensions: dict[str, Any] = field(default_factory=dict)
    #: The operation's own security requirements, when not the document's (``[]``: none, as for the endpoint that
    #: issues the token the others require); None: the document's.
    security: list[dict[str, list[str]]] | None = None


@dataclass(slots=True)
class Operation:
    """An operation (method + path) with one entry per documented version, keyed by version string."""

    title: str
    method: str
    path: str
    versions: dict[str, OperationVersion] = field(default_factory=dict)
    #: Tells apart several documented operations on one method and path (a fixed query string such as
    #: ``router:external=true``, or ``#2`` for a second one); empty for the usual one. See ``x-operations``.
    variant: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.method, self.path, self.variant)


@dataclass(slots=True)
class Model:
    name: str
    schema: JsonSchema
    source: Source
    inferred: bool = False


@dataclass(slots=True)
class ServiceVersion:
    version: str
    status: ApiStatus
    date: str | None = None  # ISO date or None ("-")
    #: Where the version came from when no version table gives it (``x-version-source``), e.g. a path segment.
    source: str = ""


@dataclass(slots=True)
class ServerTemplate:
    """``url`` with ``{variable}`` placeholders; ``pairs`` are the documented combinations of variable values."""

    url: str
    pairs: list[dict[str, str]] = field(default_factory=list)
    #: True when the page documents no endpoint and the template was inferred from the provider's other services.
    inferred: bool = False

    def variables(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for pair in self.pairs:
            for name, value in pair.items():
                values = out.setdefault(name, [])
                if value not in values:
                    values.append(value)
        return out

    def as_openapi(self) -> dict[str, Any]:
        """This endpoint as an OpenAPI Server Object (each variable's documented values as its ``enum``, the first
        its default; ``x-server-pairs`` the documented combinations; ``x-inferred`` when guessed)."""
        variables = self.variables()
        server: dict[str, Any] = {"url": self.url}
        if variables:
            server["variables"] = {name: {"default": values[0], "enum": values} for name, values in variables.items()}
        if self.pairs:
            server["x-server-pairs"] = self.pairs
        if self.inferred:
            server["x-inferred"] = True
        return server


@dataclass(slots=True)
class Service:
    """One service of one provider as documented across one or more pages."""

    provider: str
    id: str
    title: str
    versions: list[ServiceVersion] = field(default_factory=list)
    server: ServerTemplate | None = None
    operations: list[Operation] = field(default_factory=list)
    models: dict[str, Model] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    #: Extra top-level OpenAPI content a dialect wants (e.g. securitySchemes for NHN); merged by the emitter.
    components_extra: dict[str, Any] = field(default_factory=dict)
    security: list[dict[str, list[str]]] = field(default_factory=list)
    description: str = ""
    pages: list[str] = field(default_factory=list)
    #: Whether a version without its own page inherits older versions' operations (SCP's version header); False
    #: where the version is part of the path (NHN's /v2.0/ families: an operation belongs to its path's version).
    carry_forward: bool = True

    def operation(self, method: str, path: str, variant: str = "") -> Operation | None:
        for op in self.operations:
            if op.method == method and op.path == path and op.variant == variant:
                return op
        return None
