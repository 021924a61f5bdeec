"""A small typed model of one client package, built from the OpenAPI documents of one service.

The templates only ever see this model: every identifier in it has been sanitised (``naming``), every piece of doc
text is kept as data for the templates to escape, and every decision (method names, which examples are testable,
which operations are deprecated or planned) is made here, in plain Python that tests can look at.

Works on any OpenAPI 3.0/3.1 document (a Swagger 2.0 one is converted first, ``swagger_conversion``); our ``x-``
extensions (ARCHITECTURE.md, "Spec conventions") only add information (provider, service, version table, sunset
dates, version header, server pairs, source links).
"""

from __future__ import annotations

import builtins
import dataclasses
import functools
import itertools
import json
import keyword
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from scraper import linear_patterns, swagger_conversion
from scraper.clients import (
    discriminated_examples,
    method_suffixes,
    naming,
    open_enums,
    openapi32_reading,
    path_segments,
    refs,
    repeated_names,
    schema_keywords,
    schema_names,
    synthesis,
)
from scraper.clients.accept_header import accept_value
from scraper.clients.annotation_names import annotation_names
from scraper.clients.api_version_params import document_version_value, document_version_warning
from scraper.clients.bearer_alternatives import one_bearer_token, one_token_warning
from scraper.clients.body_encoding import body_encoding
from scraper.clients.client_headers import client_wide_headers
from scraper.clients.credential_clashes import clash_warnings, credential_target
from scraper.clients.discriminated_examples import discriminator_errors
from scraper.clients.discriminated_wrappers import union_components
from scraper.clients.errors import GenerationError
from scraper.clients.html_text import plain_text
from scraper.clients.listing import RAW_JSON, ItemsIR, listing_items, model_attribute
from scraper.clients.misspelled_refs import misspelled_refs
from scraper.clients.next_page_inference import inferred_next_paging
from scraper.clients.paging_inference import inferred_pagination
from scraper.clients.ref_siblings_30 import ignored_ref_siblings
from scraper.clients.render import py_literal, wire_text
from scraper.clients.request_media import offered_media_types
from scraper.clients.response_values import list_items, nullable_components, response_value
from scraper.clients.restated_ref_types import restated_types_beside_refs
from scraper.clients.scalar_all_of import scalar_all_of_in_document
from scraper.clients.schema_cycles import cut_composition_cycles
from scraper.clients.schema_names import RESERVED_CLASSES
from scraper.clients.stream_twins import STREAM_MEDIA, stream_beside, stream_flag, twin_name
from scraper.clients.type_lists_30 import type_lists_in_30_document
from scraper.clients.unchecked_keywords import unchecked_keyword_warnings
from scraper.clients.union_members import union_members
from scraper.clients.untaggable_discriminators import untaggable_discriminators
from scraper.example_verdicts import ExampleVerdicts, checker_salt
from scraper.json_nodes import copy_tree
from scraper.json_pointer import json_pointer, pointer_token
from scraper.linear_patterns import with_linear_patterns
from scraper.route_patterns import route_patterns_in_document
from scraper.spec_input import is_extension
from scraper.tuple_items import tuple_items_in_document
from scraper.url_credentials import redact_url, strip_credentials

__all__ = [
    "ArgumentIR",
    "BodyIR",
    "ExampleCheck",
    "GenerationError",
    "ItemsIR",
    "OperationIR",
    "PackageIR",
    "PaginationIR",
    "ParamIR",
    "ServerIR",
    "ServerVariableIR",
    "VersionIR",
    "VersionRowIR",
    "build_package",
]

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
#: JSON media types: ``application/json``, a ``+json`` suffix, and JSON named inside a vendor type with ``-``
#: (OpenStack Glance's ``application/openstack-images-v2.1-json-patch``); not ``x-ndjson`` (one JSON per line).
_JSON_MEDIA = re.compile(r"^application/(?:[\w.+-]*[+-])?json\b", re.IGNORECASE)
_STATUS_CODE = re.compile(r"[1-5](?:\d\d|XX)|default")
_HEADER_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
#: A header field value (RFC 9110 ``field-value``): visible characters, spaces and tabs, no CR, LF or NUL.
_HEADER_VALUE = re.compile(r"[\t\x20-\x7e\x80-\U0010ffff]*")
_STATUSES = ("CURRENT", "SUPPORTED", "PLANNED", "DEPRECATED")

#: Names a generated method may not take: the client's own attributes and members.
#: Method names a client may not use: its own methods, and the names its class body refers to after the methods are
#: defined (a method ``list`` would shadow the builtin in a later ``-> list[Item]``, ``deprecated`` the decorator).
RESERVED_METHODS = frozenset(
    {"close", "aclose", "self", "mro", "httpx", "deprecated"}
    | {"list", "dict", "set", "frozenset", "tuple", "str", "int", "float", "bool", "bytes", "object", "type"}
)
#: Longest method name taken from an operationId or summary (some specs' summaries are whole paragraphs).
METHOD_NAME_LIMIT = 64
#: Parameter names a generated method may not use for doc parameters (``body`` is the request body).
RESERVED_PARAMS = frozenset({"self", "body", "cls"})
#: Constructor keywords of every client; server variables and client parameters must not clash with them.
CLIENT_KWARGS = frozenset(
    {"self", "base_url", "auth", "timeout", "retry", "limits", "headers", "http_client", "transport"}
    | {"server_overrides"}  # only on clients of a version with operations on servers of their own
)
#: Headers that are the transport's or the auth's business, never a method argument.
TRANSPORT_HEADERS = frozenset({"accept", "content-type", "authorization", "content-length", "user-agent"})
SCP_AUTH_HEADERS = frozenset(
    {"scp-accesskey", "scp-signature", "scp-timestamp", "scp-clienttype", "scp-accountid", "accept-language"}
)
#: Builtins a class name must not shadow in the models module (``list[str]`` must keep meaning the builtin).
_BUILTIN_NAMES = frozenset(n for n in dir(builtins) if n[:1].islower() or n in {"None", "True", "False"})


@dataclass(frozen=True, slots=True)
class ExampleCheck:
    """Whether a documented example is usable in a contract test, and if not, why (a finding or our own check)."""

    value: Any
    problem: str | None = None
    synthesised: bool = False  # generated from the schema (the spec has no example), not documented
    known: bool = True  # the problem is a spec finding (known to fail), not only our own schema check


@dataclass(frozen=True, slots=True)
class WebhookIR:
    """A request the API sends to its users (OpenAPI 3.1's ``webhooks``): no client method calls it, but users parse
    its payload, so the payload has a class, a README row and a contract test of its documented example."""

    name: str  # the key under ``webhooks``
    http_method: str
    summary: str
    description: str
    payload_model: str | None  # None: the payload is not JSON (or not described)
    example: ExampleCheck | None

    @property
    def headline(self) -> str:
        return headline(self.summary, self.description)


@dataclass(slots=True)
class ParamIR:
    wire_name: str
    py_name: str
    location: str  # path | query | header
    required: bool
    annotation: str
    description: str
    example: ExampleCheck | None = None
    client_level: bool = False
    default: Any = None  # the schema's documented default (used for page sizes)
    maximum: int | None = None  # the schema's documented integer maximum (bounds the default page size)
    fixed: bool = False  # a required ``const`` parameter: always sent (its example is the value), never an argument
    style: str = ""  # OpenAPI style; "" is the location's default sent as a plain value; "json": content-encoded
    explode: bool = False
    deprecated: bool = False  # ``deprecated: true``: documented, and a warning when a call passes it
    #: a path value whose slashes separate segments (RFC 6570 reserved expansion, ``{+name}``: a resource name such
    #: as ``projects/p/locations/l``): marked ``x-reservedExpansion`` or ``allowReserved`` (see :func:`_reserved`)
    reserved: bool = False
    #: a client-wide header (``client_headers``): the constructor keyword whose value it sends unless the call passes
    #: one; "" for a method's own parameter
    client_default: str = ""

    @property
    def optional_annotation(self) -> str:
        """The annotation of the parameter as an optional argument (``str | None``)."""
        return _optional(self.annotation)


#: The Python type a request body of each kind takes (``json``: the model class).
BODY_ANNOTATIONS = {
    "form": "Mapping[str, Any]",
    "multipart": "Mapping[str, Any]",
    "binary": "bytes | IO[bytes]",
    "text": "str | bytes",
}
#: What a 2xx response body of each kind returns (``json``: the model class).
RESPONSE_ANNOTATIONS = {
    "text": "str",
    "binary": "bytes",
    "any": "Any",
    "events": "_rt.Stream[_rt.ServerSentEvent]",
    "lines": "_rt.Stream[Any]",
}
#: Body kinds sent as named fields (a mapping): urlencoded forms and multipart.
FIELD_BODIES = frozenset({"form", "multipart"})


@dataclass(slots=True)
class BodyIR:
    model: str  # class name in the version's models module ("" unless kind is json)
    required: bool
    media_type: str
    example: ExampleCheck | None = None
    kind: str = "json"  # json | form | multipart | binary | text
    #: form and multipart bodies: each property's Encoding Object as the runtime takes it (``body_encoding``)
    encoding: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: every documented media type the method may send this body as, ``media_type`` (the default) first
    #: (``request_media.offered_media_types``); several: the method takes ``keyword`` to choose
    media_types: list[str] = field(default_factory=list)
    keyword: str = "content_type"  # the method's argument naming the media type (renamed past a parameter's name)

    @property
    def annotation(self) -> str:
        """The body argument's type: the model (JSON); a form's or multipart's model or, as before models, its
        fields as a mapping (a multipart file with its filename is a tuple no model field takes); raw otherwise."""
        if self.kind == "json":
            return f"_models.{self.model}"
        if self.model:
            return f"_models.{self.model} | {BODY_ANNOTATIONS[self.kind]}"
        return BODY_ANNOTATIONS[self.kind]

    @property
    def choices(self) -> bool:
        """Whether several media types of the body's kind are documented (the caller picks one of them)."""
        return len(self.media_types) > 1

    @property
    def takes_media_type(self) -> bool:
        """Whether the method takes the ``keyword`` naming the media type: several documented types of its kind,
        or raw bytes, whose type only the caller knows (an object store keeps the Content-Type it receives; an
        ``image/*`` body is a PNG or a JPEG), checked at run time by ``request_media_type``."""
        return self.choices or self.kind == "binary"

    @property
    def media_annotation(self) -> str:
        """``Literal["application/json-patch+json", ...]``: the media types the caller may choose; raw bytes any
        string, which the runtime checks against the documented types and ranges (``image/*``)."""
        if self.kind == "binary":
            return "str | None"
        return "Literal[" + ", ".join(py_literal(m) for m in self.media_types) + "]"

    @property
    def binary_media_doc(self) -> str:
        """The docstring's words for a raw-bytes body's media type keyword: its default and the values the runtime
        takes (``application/octet-stream`` and ``*/*`` documented: any media type; else within the documented)."""
        default = "application/octet-stream" if "*" in self.media_type else self.media_type
        essences = {m.split(";", 1)[0].strip().lower() for m in self.media_types}
        if essences & {"*/*", "application/octet-stream"}:
            allowed = "any media type"
        else:
            exact = ", ".join(f"``{m}``" for m in self.media_types if "*" not in m)
            ranges = ", ".join(f"``{m}``" for m in self.media_types if "*" in m)
            allowed = " or ".join(filter(None, [exact, ranges and f"a type within {ranges}"])) + ", else ValueError"
        return f"the media type of the body's bytes, sent as its Content-Type (default ``{default}``; {allowed})"

    @property
    def media_argument(self) -> ArgumentIR:
        """The keyword choosing the media type, defaulting to the type sent when it is not given (raw bytes:
        None, the documented type, a range's ``application/octet-stream``, decided by the runtime)."""
        default = "None" if self.kind == "binary" else py_literal(self.media_type)
        return ArgumentIR(self.keyword, self.media_annotation, default)


@dataclass(slots=True)
class PaginationIR:
    """How to page through a listing, from the operation's ``x-pagination`` (ARCHITECTURE.md, "Spec conventions").

    ``limit`` and ``cursor`` are the operation's own query parameters (the cursor is the offset, the marker, the
    token or Stripe's ``starting_after``; a ``link`` listing has none, its next page is a GET of the link; ``token``,
    ``cursor`` and ``link`` listings have no limit the iterator sets: a page size stays an ordinary argument);
    ``default_limit`` is the page size the iterator asks for unless told otherwise (the documented default, else
    100). ``found`` says where the items are and what they are (decided from the spec once the version's schemas
    are final); ``item_type`` is the element's annotation. ``next_path``: the body field naming the next page
    (token, link) or saying there is one (cursor: ``has_more``), property names outermost first.
    """

    # offset | marker | page (the cursor is a page number, advanced by one: inferred listings only) | token | cursor
    # | link (next_page_inference)
    style: str
    items: str  # wire name of the array property of the 2xx body; "": the body itself is the array (the page)
    limit: ParamIR | None
    cursor: ParamIR | None
    next_marker: str | None  # marker style: wire name of the item field holding the next marker
    default_limit: int
    iter_name: str = ""
    found: ItemsIR = RAW_JSON
    #: the element class datamodel-code-generator gave an ``inline`` element (filled when the models are rendered)
    inline_class: str | None = None
    #: where the spec declares it (``<source>: <pointer>: x-pagination``), for what is found once the schemas are final
    declared_at: str = ""
    #: what the paging was inferred from when the document does not declare it (``paging_inference``); "" if declared
    inferred: str = ""
    #: token, cursor and link styles: the body field naming the next page or saying there is one (see above)
    next_path: tuple[str, ...] = ()
    #: cursor style: the item field the next request's cursor is (Stripe's ``id``)
    cursor_field: str = ""
    #: link style: ``Link`` when the next page is the response's ``Link`` header's ``rel="next"`` (RFC 8288), not a
    #: body field (``next_path`` is then empty)
    next_header: str = ""
    #: token style: the JSON request body field the token is sent in (AWS's JSON protocol), "" when it is the
    #: ``cursor`` query parameter
    body_token: str = ""

    @property
    def from_pageable(self) -> bool:
        """Whether Azure's ``x-ms-pageable`` declares it (the document says where the next link is)."""
        return self.inferred.startswith("x-ms-pageable")

    @property
    def names_next_page(self) -> bool:
        """Whether each page names the next (token, cursor, link: ``iterate_token``, runtime 1.5)."""
        return self.style in ("token", "cursor", "link")

    @property
    def runtime_style(self) -> str:
        """The runtime's iterator that pages it: a page number travels as a marker, the next one given each page; a
        token, a cursor and a next link are each the token the next page is asked with."""
        return "marker" if self.style == "page" else "token" if self.names_next_page else self.style

    @property
    def first_page(self) -> int:
        """Page style: the first page's number, the cursor's documented default (else 1)."""
        default = self.cursor.default if self.cursor is not None else None
        return default if isinstance(default, int) and not isinstance(default, bool) and default >= 0 else 1

    @property
    def reads_body(self) -> bool:
        """Whether the page is the body itself, a bare array (the method returns the list, each item typed)."""
        return self.found.kind == "root"

    @property
    def items_attr(self) -> str | None:
        """The response model's attribute holding the items; None: the items are read from the raw JSON (or are the
        body itself, ``reads_body``)."""
        if self.found.attr is None or (self.found.kind == "inline" and self.inline_class is None):
            return None
        return self.found.attr

    @property
    def item_type(self) -> str:
        """The element annotation: ``_models.<Class>``, a union of classes (the members of a discriminated union,
        ``models.inline_item_classes``), ``dict[str, Any]`` or ``Any``."""
        if self.reads_body:
            return str(self.found.model)
        if self.items_attr is None:
            return "Any"
        if self.found.kind == "model":
            element = self.inline_class or f"_models.{self.found.model}"  # a union of its subclasses (models.py)
            return f"{element} | None" if self.found.nullable else element
        if self.found.kind == "inline":
            return str(self.inline_class)
        return "dict[str, Any]" if self.found.kind == "object" else "Any"

    @property
    def next_marker_attr(self) -> str | None:
        """The element attribute holding the next marker; None: read by its wire name (also from a union's members,
        which need not all declare it)."""
        item = self.item_type
        return self.found.marker_attr if item.startswith("_models.") and " | " not in item else None


@dataclass(frozen=True, slots=True)
class ArgumentIR:
    """One parameter of a generated method's signature (after ``self``); the template writes the ``def``."""

    name: str
    annotation: str
    default: str | None = None  # the default as a Python expression (``None``, ``20``); None: a required argument


def _optional(annotation: str) -> str:
    parts = [p.strip() for p in annotation.split("|")]
    return annotation if "None" in parts else f"{annotation} | None"


@dataclass(slots=True)
class OperationIR:
    operation_id: str
    method_name: str
    http_method: str
    path: str
    summary: str
    description: str
    source_url: str | None
    source_heading: str | None
    params: list[ParamIR]
    body: BodyIR | None
    response_model: str | None
    response_status: str | None
    response_example: ExampleCheck | None
    status: str
    deprecated: bool
    planned: bool
    sunset: str | None
    newest_version: str | None = None
    deprecation_message: str = ""
    pagination: PaginationIR | None = None
    shares_path: bool = False  # an x-operations member: other documented operations use the same method + path
    #: json (response_model) | text | binary | any (JSON without a schema) | events (server-sent events) | lines (JSON
    #: lines: both streamed, see ``STREAM_MEDIA``) | None
    response_kind: str | None = None
    #: The headers the success response documents (name, description), said in the docstring (the values are read
    #: with ``docs2client_runtime.capture_responses``).
    response_headers: list[tuple[str, str]] = field(default_factory=list)
    body_alternatives: list[BodyIR] = field(default_factory=list)  # other media types the request body may use
    server: ServerIR | None = None  # the server the operation (or its path item) documents for itself
    #: the operation's own ``security`` (scheme names of each alternative requirement) where it differs from the
    #: document's; None: the document's applies. ``[]`` (or only empty requirements): no credentials at all
    security: list[list[str]] | None = None
    #: the alternatives the runtime chooses credentials from (scheme names; ``[]``: credentials optional): the
    #: operation's own ``security``, else the document's, else (no requirement stated anywhere) each scheme the
    #: client takes a keyword for, optionally
    requirements: list[list[str]] = field(default_factory=list)
    #: whether its request names the operation to the runtime's ``Credentials`` (the client takes scheme keywords
    #: and the operation is not one without security)
    chooses_credentials: bool = False

    @property
    def authenticated(self) -> bool:
        """Whether the client's auth goes with the request: not when the operation's own ``security`` names no
        scheme (``security: []``, or only the empty requirement ``{}``): the API takes no credentials there."""
        return self.security is None or any(self.security)

    def security_text(self, quote: str) -> str:
        """The operation's own security requirements in words (for its docstring and the README): ``none``, or
        each alternative's schemes (``a`` and ``b``), alternatives joined by ``, or``; empty when it has none."""
        if self.security is None:
            return ""
        alternatives = [
            " and ".join(f"{quote}{name.replace(quote, chr(39))}{quote}" for name in alt) if alt else "none"
            for alt in self.security
        ]
        return ", or ".join(dict.fromkeys(alternatives)) or "none"

    accept: str | None = None  # the Accept header its responses' documented media types give (None: httpx's */*)
    #: the stream the success response also offers beside typed JSON: (media type, kind, Accept), which
    #: ``_stream_twins`` makes a method of (``stream_twins``); None when it offers none
    offered_stream: tuple[str, str, str | None] | None = None
    #: the body property that asks for the stream (``stream_twins.stream_flag``), sent as true by the stream method
    offered_flag: str | None = None
    #: the method that reads this operation's stream (``<name>_stream``), on the method that reads its JSON
    stream_twin: str | None = None
    #: on a stream method: the method reading the same response as JSON, the stream's media type, and the body
    #: flag it sends as true (None: the body goes as the caller built it)
    stream_of: str | None = None
    stream_media: str | None = None
    stream_flag: str | None = None
    #: what the method returns when ``response_model`` is a root model: its value's annotation (``list[_models.Pet]``,
    #: ``response_values``), validated by the root model and returned without it; None: the model itself
    response_value: str | None = None

    @property
    def headline(self) -> str:
        """One line saying what the operation does, for tables: its summary, else the first sentence of its
        description (at most :data:`_HEADLINE_CHARS` characters, cut at a word)."""
        return headline(self.summary, self.description)

    @property
    def returns_root(self) -> bool:
        """Whether the method returns the value its root model holds (the model's ``root``), not the model."""
        return self.response_model is not None and self.response_value is not None

    @property
    def returns(self) -> str:
        """The method's return annotation."""
        if self.response_model and self.response_value is not None:
            return self.response_value
        if self.response_model:
            return f"_models.{self.response_model}"
        return RESPONSE_ANNOTATIONS.get(self.response_kind or "", "None")

    @property
    def streamed(self) -> bool:
        """Whether the response is read as it arrives (a ``Stream`` of events or JSON values)."""
        return self.response_kind in ("events", "lines")

    def returns_in(self, is_async: bool) -> str:
        """The return annotation in the sync or the async client (a stream is an ``AsyncStream`` there)."""
        return self.returns.replace("_rt.Stream[", "_rt.AsyncStream[", 1) if is_async else self.returns

    @property
    def arguments(self) -> list[ParamIR]:
        """The parameters the method takes (not the client's, not the fixed ones)."""
        return [p for p in self.params if not p.client_level and not p.fixed]

    @property
    def path_params(self) -> list[ParamIR]:
        return [p for p in self.arguments if p.location == "path"]

    @property
    def other_params(self) -> list[ParamIR]:
        return [p for p in self.arguments if p.location != "path"]

    @property
    def iter_params(self) -> list[ParamIR]:
        """The iterator's non-path arguments: the method's, without the cursor (the limit becomes the page size)."""
        paging = self.pagination
        return [p for p in self.other_params if paging is None or p is not paging.cursor]

    @property
    def positional(self) -> list[ArgumentIR]:
        """The method's positional arguments: the path parameters, in path order."""
        return [ArgumentIR(p.py_name, p.annotation) for p in self.path_params]

    @property
    def keywords(self) -> list[ArgumentIR]:
        """The method's keyword-only arguments: required parameters, the body, then optional parameters."""
        required = [ArgumentIR(p.py_name, p.annotation) for p in self.other_params if p.required]
        optional = [ArgumentIR(p.py_name, _optional(p.annotation), "None") for p in self.other_params if not p.required]
        body = self.body
        if body is not None and body.required:
            required.append(ArgumentIR("body", body.annotation))
        elif body is not None:
            optional.insert(0, ArgumentIR("body", f"{body.annotation} | None", "None"))
        if body is not None and body.takes_media_type:
            optional.append(body.media_argument)
        return required + optional

    @property
    def iter_keywords(self) -> list[ArgumentIR]:
        """The iterator's keyword-only arguments: the method's without the cursor; the limit is the page size,
        defaulting to the documented one."""
        paging = self.pagination
        assert paging is not None
        required = [
            ArgumentIR(p.py_name, p.annotation) for p in self.iter_params if p.required and p is not paging.limit
        ]
        optional: list[ArgumentIR] = []
        body = self.body
        if body is not None:
            argument = ArgumentIR("body", body.annotation if body.required else f"{body.annotation} | None")
            (required if body.required else optional).append(
                argument if body.required else dataclasses.replace(argument, default="None")
            )
        for p in self.iter_params:
            if paging.limit is not None and p is paging.limit:
                optional.append(ArgumentIR(p.py_name, "int", str(paging.default_limit)))
            elif not p.required:
                optional.append(ArgumentIR(p.py_name, _optional(p.annotation), "None"))
        if body is not None and body.takes_media_type:
            optional.append(body.media_argument)
        return required + optional

    @property
    def fixed_params(self) -> list[ParamIR]:
        """The parameters sent with a constant value (never arguments)."""
        return [p for p in self.params if p.fixed and p.example is not None]

    @property
    def request_test_blocker(self) -> str | None:
        """Why the request contract cannot be exercised (a required value without an example, a path parameter
        whose only value is null: the client refuses None in a path), or None."""
        for p in self.params:
            if p.location == "path" and p.example is not None and p.example.value is None:
                return f"path parameter {p.wire_name!r} has no value a path can carry (its schema admits only null)"
        for p in self.arguments:  # client-level values are supplied to the client constructor by the test
            if p.required and (p.example is None):
                return f"parameter {p.wire_name!r} has no documented example (and none could be made from its schema)"
            if p.example is not None and p.example.problem:
                return f"parameter {p.wire_name!r}: {p.example.problem}"
        if self.body is not None and self.body.required and self.body.example is None:
            return "the request body has no documented example (and none could be made from its schema)"
        body = self.body
        if body is not None and body.kind in FIELD_BODIES and body.example and not isinstance(body.example.value, dict):
            return f"a {body.media_type} body is named fields, and its schema is no object"
        return None


@dataclass(frozen=True, slots=True)
class ServerVariableIR:
    """A documented server variable as a constructor keyword of the clients."""

    py_name: str  # the keyword argument
    variable: str  # the ``{variable}`` of the URL template


@dataclass(frozen=True, slots=True)
class AuthSchemeIR:
    """One documented security scheme (``components.securitySchemes``) and how a client sends its credentials."""

    name: str  # its key in components.securitySchemes
    kind: str | None  # a kind of ``VersionIR.auth``; None: no runtime auth fits (pass any ``httpx.Auth``)
    key: str | None  # an apiKey's header, query parameter or cookie name
    what: str  # what the API takes, in words ("HTTP bearer token", "API key in the query parameter api_key")
    #: the clients' keyword argument taking this scheme's credential (None: the scheme goes through ``auth=``, as
    #: a provider's signing or token scheme, or one no standard credential sends)
    keyword: str | None = None
    #: OpenAPI 3.1's ``mutualTLS``: a TLS client certificate, which the HTTP client presents (no ``httpx.Auth`` can)
    tls: bool = False

    @property
    def annotation(self) -> str:
        """The type of :attr:`keyword`: an API key, a token (or a function returning the current one), a pair."""
        if self.kind == "basic":
            return "tuple[str, str] | None"
        return "str | Callable[[], str] | None" if self.kind == "bearer" else "str | None"

    @property
    def example(self) -> str:
        """A placeholder of what :attr:`keyword` takes, for the README (``basic_auth=("user", "password")``)."""
        return {"basic": '("user", "password")', "bearer": '"<token>"'}.get(self.kind or "", '"..."')


@dataclass(frozen=True, slots=True)
class ServerIR:
    """The documented server of one API version (``servers[0]`` and ``x-server-pairs``)."""

    template: str  # URL with ``{variable}`` placeholders
    variables: dict[str, list[str]]  # variable -> allowed values (the enum, else the default; empty: any value)
    defaults: dict[str, str]
    pairs: list[dict[str, str]]  # the documented combinations
    keywords: list[ServerVariableIR]

    @property
    def default_url(self) -> str | None:
        """The URL with every variable at its default; None when one has none (the caller must choose)."""
        if any(name not in self.defaults for name in _SERVER_PLACEHOLDER.findall(self.template)):
            return None
        return _SERVER_PLACEHOLDER.sub(lambda m: self.defaults[m.group(1)], self.template)


@dataclass(frozen=True, slots=True)
class VersionRowIR:
    """One row of a service's documented version table (newest first in ``PackageIR.version_table``)."""

    version: str
    status: str
    date: str | None  # sunset or release date, as documented


@dataclass(slots=True)
class VersionIR:
    version: str
    module: str
    status: str
    sunset: str | None
    header: tuple[str, str] | None
    server: ServerIR | None  # None: no server is documented (the caller passes base_url)
    client_params: list[ParamIR]
    operations: list[OperationIR]
    schemas: dict[str, Any]  # components.schemas with sanitised names and hoisted inline schemas
    openapi: str
    source_name: str
    auth: str | None  # "scp" | "keystone" | "header" (apiKey headers only) | None
    title: str
    description: str
    warnings: list[str] = field(default_factory=list)  # what the spec says that this client does not honour
    #: header names of the spec's apiKey-in-header schemes, for ``HeaderAuth`` (auth == "header")
    auth_header_names: list[str] = field(default_factory=list)
    #: every documented security scheme, with the client argument that sends its credentials
    auth_schemes: list[AuthSchemeIR] = field(default_factory=list)
    #: the document's security alternatives (scheme names; ``[]``: optional), as ``OperationIR.requirements``
    default_requirements: list[list[str]] = field(default_factory=list)
    #: whether no ``security`` is stated anywhere, so :attr:`default_requirements` is each keyword scheme, optional
    requirements_inferred: bool = False
    #: header parameters every operation requires alike, set once on the client (``client_headers``), one per name
    client_headers: list[ParamIR] = field(default_factory=list)
    #: the document's ``externalDocs.url`` (an http(s) URL without credentials), else None
    docs_url: str | None = None
    #: the requests the API sends to its users (OpenAPI 3.1 ``webhooks``), by name then method
    webhooks: list[WebhookIR] = field(default_factory=list)
    #: the document's other http(s) servers, ``(URL, description)``: the README lists them for ``base_url=``
    other_servers: list[tuple[str, str]] = field(default_factory=list)
    #: the document's servers of another scheme (``wss://``), which no request of the client can go to
    uncallable_servers: list[str] = field(default_factory=list)

    @property
    def union_components(self) -> list[str]:
        """Components that are a discriminated union other schemas refer to: root models wherever they are used
        (``discriminated_wrappers.union_components``; an inline union holds its member, a component its class)."""
        return union_components(self.schemas)

    @property
    def api_title(self) -> str:
        """The title docstrings name the API by: ``info.title``, ending in `` API``."""
        return self.title if self.title.endswith(" API") else f"{self.title} API"

    @property
    def credential_schemes(self) -> list[AuthSchemeIR]:
        """The schemes the clients take a keyword argument for (the runtime's ``SecurityScheme`` constants)."""
        return [s for s in self.auth_schemes if s.keyword is not None]

    @property
    def operation_security(self) -> dict[str, list[list[str]]]:
        """The operations whose requirements differ from the document's, by method name (``OPERATION_SECURITY``;
        one with ``security: []`` sends no credentials at all, so it needs no entry)."""
        return {
            op.method_name: op.requirements
            for op in self.operations
            if op.authenticated and op.requirements != self.default_requirements
        }

    @property
    def operation_servers(self) -> list[tuple[str, ServerIR]]:
        """The operations with a server of their own, by method name: the generated ``OPERATION_SERVERS``."""
        return [(op.method_name, op.server) for op in self.operations if op.server is not None]

    @property
    def version_headers(self) -> dict[str, str]:
        """The headers selecting this version, sent on every request."""
        return dict([self.header]) if self.header else {}

    @property
    def typing_names(self) -> list[str]:
        """What the client module imports from ``typing`` (isort order: constants, then classes)."""
        annotations = [p.annotation for op in self.operations for p in op.arguments]
        annotations += [p.annotation for p in self.client_params]
        annotations += [op.body.annotation for op in self.operations if op.body is not None]
        annotations += [op.body.media_annotation for op in self.operations if op.body is not None and op.body.choices]
        annotations += [op.returns for op in self.operations]
        annotations += [op.pagination.item_type for op in self.operations if op.pagination is not None]
        annotations += [
            "Any"
            for op in self.operations
            if op.pagination and op.pagination.items_attr is None and not op.pagination.reads_body
        ]
        used = frozenset().union(*map(annotation_names, annotations))  # names, not words in enum values
        names = [name for name in ("Any", "Literal") if name in used]
        constants = ["IO", "TYPE_CHECKING"] if "IO" in used else ["TYPE_CHECKING"]
        return [*constants, *names, "Self"]

    @property
    def uses_dates(self) -> bool:
        """Whether an argument is typed with a date or datetime (the module then imports ``datetime as _dt``)."""
        params = [p for op in self.operations for p in op.params] + self.client_params
        return any(re.search(r"\b_dt\.", p.annotation) for p in params)

    @property
    def paged(self) -> bool:
        """Whether any operation has an iterator (the module then imports ``Iterator`` and ``AsyncIterator``)."""
        return any(op.pagination for op in self.operations)

    @property
    def any_deprecated(self) -> bool:
        return any(op.deprecated for op in self.operations)

    @property
    def abc_names(self) -> list[str]:
        """What the client module imports from ``collections.abc``: ``Mapping`` always, the iterators when paged,
        ``Callable`` when a bearer credential may be a function returning the current token."""
        names = {"Mapping"} | ({"AsyncIterator", "Iterator"} if self.paged else set())
        names |= {"Callable"} if any(s.kind == "bearer" for s in self.credential_schemes) else set()
        return sorted(names)

    @property
    def uses_serialize(self) -> bool:
        """Whether a parameter needs more than its plain value on the wire (``_serialize``)."""
        return any(p.style for op in self.operations for p in op.params)


#: A table's one-line description of an operation is at most this long (see ``OperationIR.headline``).
_HEADLINE_CHARS = 100
#: Where a description's first sentence ends: a full stop (or ! ?) before a space.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def headline(summary: str, description: str) -> str:
    """One line saying what an operation or webhook does, for tables: its summary, else the first sentence of its
    description (at most :data:`_HEADLINE_CHARS` characters, cut at a word)."""
    if summary.strip():
        return summary
    text = " ".join(description.split())
    sentence = _SENTENCE_END.split(text, maxsplit=1)[0]
    if len(sentence) <= _HEADLINE_CHARS:
        return sentence
    return sentence[:_HEADLINE_CHARS].rsplit(" ", 1)[0].rstrip(",;:") + "…"


#: An http(s) URL fit for package metadata: a host without userinfo, no whitespace or control characters.
_WEB_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:[/?#][^\s@\x00-\x1f\x7f]*)?")

#: A ``{variable}`` of a server URL template, as the runtime's ``ServerConfig`` reads it.
_SERVER_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")

#: The runtime's auth class for each kind of ``VersionIR.auth`` (``basic`` is httpx's own ``BasicAuth``).
AUTH_CLASSES = {
    "scp": "ScpAuth",
    "keystone": "KeystoneAuth",
    "header": "HeaderAuth",
    "cookie": "HeaderAuth",
    "bearer": "BearerAuth",
    "query": "QueryAuth",
}
#: Which kind the README's example shows when versions differ: the provider's own first, then the usual ones.
_AUTH_PREFERENCE = ("scp", "keystone", "header", "bearer", "query", "cookie", "basic")


@dataclass(slots=True)
class PackageIR:
    distribution: str
    import_name: str
    provider: str | None
    service: str
    title: str
    description: str
    package_version: str
    versions: list[VersionIR]  # oldest first
    current: str  # version string
    version_table: list[VersionRowIR]

    @property
    def warnings(self) -> list[str]:
        """Every version's warnings, each prefixed with its document (``source: where: what``)."""
        return [f"{v.source_name}: {w}" for v in self.versions for w in v.warnings]

    @property
    def current_version(self) -> VersionIR:
        return next(v for v in self.versions if v.version == self.current)

    @property
    def current_label(self) -> str:
        """The current version as the README's section headings name it: a version that is only a number
        (Adyen's ``40``) as ``version 40``, since ``## Operations (40)`` reads as a count; any other as written
        (``v2.3``, ``1.3``, ``2018-11-05``)."""
        return f"version {self.current}" if self.current.isdigit() else self.current

    @property
    def runtime_floor(self) -> str:
        """The lowest docs2client-runtime the package works with: 1.6 when a listing's next page is its ``Link``
        header's (``next_link_header``), 1.5 when a listing's pages name the next one (``iterate_token``,
        ``page_token``, ``next_link``, ``next_cursor``), else 1.4 (what every package needed)."""
        paged = [op.pagination for v in self.versions for op in v.operations if op.pagination is not None]
        if any(paging.next_header for paging in paged):
            return "1.6"  # ``next_link_header``
        return "1.5" if any(paging.names_next_page for paging in paged) else "1.4"

    @property
    def inferred_listings(self) -> list[tuple[VersionIR, OperationIR]]:
        """(version, operation) of every listing whose paging docs2client inferred (or read from ``x-ms-pageable``)."""
        return [(v, op) for v in self.versions for op in v.operations if op.pagination and op.pagination.inferred]

    @property
    def lifecycle_operations(self) -> list[tuple[VersionIR, OperationIR]]:
        """(version, operation) of every deprecated or planned operation, oldest version first."""
        return [(v, op) for v in self.versions for op in v.operations if op.deprecated or op.planned]

    @property
    def version_modules(self) -> dict[str, str]:
        """API version -> subpackage name, oldest first."""
        return {v.version: v.module for v in self.versions}

    @property
    def auth_kind(self) -> str | None:
        """The kind of credentials the README's example passes (see :data:`_AUTH_PREFERENCE`)."""
        kinds = {v.auth for v in self.versions}
        return next((k for k in _AUTH_PREFERENCE if k in kinds), None)

    @property
    def auth_class(self) -> str | None:
        """The runtime auth class the README imports for :attr:`auth_kind` (None for none, or httpx's own)."""
        return AUTH_CLASSES.get(self.auth_kind or "")

    @property
    def auth_header_names(self) -> list[str]:
        return sorted({h for v in self.versions for h in v.auth_header_names})

    @property
    def auth_key_names(self) -> list[str]:
        """The API-key names the example's ``QueryAuth`` / cookie ``HeaderAuth`` sets (of the :attr:`auth_kind`)."""
        kind = self.auth_kind
        return sorted({s.key for v in self.versions for s in v.auth_schemes if s.kind == kind and s.key})

    @property
    def auth_schemes(self) -> list[AuthSchemeIR]:
        """The current version's documented security schemes, for the README's table."""
        return self.current_version.auth_schemes

    @property
    def example_credentials(self) -> list[tuple[str, str]]:
        """(keyword, placeholder) the README's example passes: the schemes of the first alternative most of the
        current version's operations state (of keyword schemes only), else its first keyword scheme; none when the
        provider's own auth (SCP signing, Keystone) is the client's, or no scheme has a keyword."""
        version = self.current_version
        if self.auth_kind in ("scp", "keystone") or not version.credential_schemes:
            return []
        by_name = {s.name: s for s in version.credential_schemes}
        firsts = [
            tuple(alternative)
            for op in version.operations
            if op.authenticated
            for alternative in op.requirements[:1]
            if alternative and all(name in by_name for name in alternative)
        ]
        if not firsts:
            return [(str(version.credential_schemes[0].keyword), version.credential_schemes[0].example)]
        common = max(dict.fromkeys(firsts), key=firsts.count)  # the first alternative most operations state
        return [(str(by_name[n].keyword), by_name[n].example) for n in common]

    @property
    def client_args(self) -> list[str]:
        """The current version's required client-level arguments (the README's example passes them)."""
        return sorted({p.py_name for p in self.current_version.client_params if p.required})

    @property
    def version_header(self) -> str | None:
        """The name of the header selecting the version, when the provider uses one."""
        return next((v.header[0] for v in self.versions if v.header), None)

    @property
    def reference_url(self) -> str | None:
        """Where the API's documentation is, for the package's project URLs: the current document's
        ``externalDocs``, else the page most of its operations were read from (without the ``#anchor``)."""
        version = self.current_version
        if version.docs_url:
            return version.docs_url
        pages = [url.split("#", 1)[0] for op in version.operations if (url := _web_url(op.source_url))]
        return max(pages, key=pages.count) if pages else None

    @property
    def default_base_url(self) -> str | None:
        """Where the current version's clients send requests when given neither ``base_url`` nor server variables
        (the README says so): the documented server with its defaults, when they fill every placeholder and are
        one of the documented combinations; else None (the caller must choose)."""
        server = self.current_version.server
        if server is None:
            return None
        placeholders = _SERVER_PLACEHOLDER.findall(server.template)
        if any(name not in server.defaults for name in placeholders):
            return None
        if server.pairs and not any(all(server.defaults.get(k) == v for k, v in p.items()) for p in server.pairs):
            return None
        return _SERVER_PLACEHOLDER.sub(lambda m: server.defaults[m.group(1)], server.template)

    @property
    def server_keywords(self) -> list[str]:
        """The current version's server variables as client keywords (``region``, ``environment``...)."""
        server = self.current_version.server
        return [k.py_name for k in server.keywords] if server is not None else []


@dataclass(slots=True)
class _Ctx:
    """Per-document context: its name (for error messages), components, findings and model-name bookkeeping."""

    source_name: str
    doc: dict[str, Any]
    findings: list[dict[str, Any]]
    version: str
    class_names: dict[str, str] = field(default_factory=dict)  # component name -> class name
    schemas: dict[str, Any] = field(default_factory=dict)
    ref_classes: dict[str, str] = field(default_factory=dict)  # non-component schema pointer -> its class
    aliases_followed: set[str] = field(default_factory=set)  # pure-alias pointers of the chain being followed
    missing_schemas: set[str] = field(default_factory=set)  # components.schemas names referred to but absent
    warnings: list[str] = field(default_factory=list)
    verdicts: ExampleVerdicts | None = None  # example checks remembered by content (see _validation_error)
    components_typed: Any = None  # the components as the models read them, for example checks (see _checked_error)
    operation: str = ""  # ``source: /paths/...`` of the operation being built, for messages that have no other place
    #: each operation's ``callbacks`` (its method name, the callbacks map, where it is), built after the operations
    callbacks: list[tuple[str, Any, str]] = field(default_factory=list)
    #: the ``$ref``s of the document's error responses (see :func:`_error_schemas`), read on first need
    error_refs: frozenset[str] | None = None
    #: where each keyword scheme's credential goes (see :func:`_credential_targets`), read on first need
    credential_targets: dict[str, tuple[str, str]] | None = None
    #: requirements naming several bearer-token schemes, read as one token of any (pointer, the schemes named)
    one_token_places: list[tuple[str, list[str]]] = field(default_factory=list)
    #: required ``api-version`` parameters sent as the document's version (where, wire name), in document order
    version_param_places: list[tuple[str, str]] = field(default_factory=list)
    #: the schemes the clients take a bearer token for (HTTP bearer, OAuth 2.0, OpenID Connect), read on first need
    bearer_schemes: frozenset[str] | None = None

    def warn(self, message: str) -> None:
        """Record something the spec says that the generated client does not honour (the report lists it)."""
        message = message.removeprefix(f"{self.source_name}: ")  # the report names the document itself
        if message not in self.warnings:
            self.warnings.append(message)

    def where(self, *path: str) -> str:
        """``source: /json/pointer`` (RFC 6901: a path ``/a/{b}`` is ``/paths/~1a~1{b}``)."""
        return f"{self.source_name}: {json_pointer(path)}"


def build_package(
    specs: Sequence[Mapping[str, Any]],
    *,
    package_name: str | None = None,
    findings: Sequence[Mapping[str, Any]] = (),
    source_names: Sequence[str] | None = None,
    package_version: str | None = None,
    reading_warnings: Sequence[Sequence[str]] = (),
) -> PackageIR:
    """The package model of one service from its OpenAPI documents (one per API version).

    ``package_version`` is the distribution version; by default it is derived from the CURRENT API version, but a
    regeneration keeps the released version and bumps it by what changed (see ``scraper.regenerate``).
    ``reading_warnings`` are, per document, what reading its file found (``source: ...`` lines, e.g. a duplicate
    key): they head that version's warnings.
    """
    if not specs:
        raise GenerationError("render_package: no OpenAPI documents given")
    names = list(source_names) if source_names is not None else [f"spec[{i}]" for i in range(len(specs))]
    docs = [copy_tree(dict(s)) for s in specs]
    repairs = {name: _check_document(doc, name) for doc, name in zip(docs, names, strict=True)}
    for name, found in zip(names, reading_warnings, strict=False):
        repairs[name][:0] = [w.removeprefix(f"{name}: ") for w in found]
    infos = [doc["info"] for doc in docs]
    provider = _str_or_none(infos[0].get("x-provider"))
    service = _str_or_none(infos[0].get("x-service")) or naming.snake_case(str(infos[0].get("title", ""))) or "api"
    for doc, name in zip(docs, names, strict=True):
        other = _str_or_none(doc["info"].get("x-service")) or service
        if other != service and doc["info"].get("x-service") is not None:
            raise GenerationError(f"{name}: info.x-service is {other!r}, but the first document is {service!r}")
    distribution = naming.distribution_name(package_name) if package_name else None
    if distribution is None and provider is None and infos[0].get("x-service") is None:
        distribution = naming.default_distribution(
            str(infos[0].get("title") or ""), source_names[0] if source_names else None
        )
    if distribution is None:
        distribution = naming.distribution_name(*(p for p in (provider, service) if p))
    versions_seen: dict[str, str] = {}
    for doc, name in zip(docs, names, strict=True):
        v = str(doc["info"]["version"])
        if v in versions_seen:
            raise GenerationError(f"{name}: info.version {v!r} is also the version of {versions_seen[v]}")
        versions_seen[v] = name
    table = _version_table(docs)
    statuses = {row.version: row.status for row in table}
    order = sorted(range(len(docs)), key=lambda i: naming.version_key(str(docs[i]["info"]["version"])))
    versions = [_build_version(docs[i], names[i], findings, statuses) for i in order]
    for vi in versions:
        vi.warnings[:0] = repairs.get(vi.source_name, [])
    modules = naming.dedupe([vi.module for vi in versions])
    for vi, m in zip(versions, modules, strict=True):
        vi.module = m
    current = _current_version(versions)
    _link_deprecations(versions)
    newest_info = docs[order[-1]]["info"]
    title = str(newest_info.get("title") or service)
    return PackageIR(
        distribution=distribution,
        import_name=naming.import_name(distribution),
        provider=provider,
        service=service,
        title=title,
        description=plain_text(str(newest_info.get("description") or "")),
        package_version=package_version or _package_version(current),
        versions=versions,
        current=current,
        version_table=table,
    )


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


#: The API version a document without ``info.version`` is given.
_MISSING_VERSION = "0"


def _check_document(doc: dict[str, Any], name: str) -> list[str]:
    """Convert a Swagger 2.0 document to OpenAPI 3.0 (``swagger_conversion``) and read a 3.2 one as 3.1
    (``openapi32_reading``); refuse what is not an OpenAPI 3.0/3.1/3.2 document; repair, in place, what only lacks a
    value (``info`` or its ``version``, an empty ``paths``); returns a warning per conversion and repair."""
    repairs: list[str] = []
    if swagger_conversion.is_swagger(doc):
        try:
            converted, repairs = swagger_conversion.convert_swagger(doc, name)
        except swagger_conversion.SwaggerError as exc:
            raise GenerationError(str(exc)) from None
        doc.clear()
        doc.update(converted)
    if "openapi" not in doc:
        raise GenerationError(f"{name}: no 'openapi' field; expected an OpenAPI 3.0.x, 3.1.x or 3.2.x document")
    if openapi32_reading.is_openapi_32(doc):
        repairs.extend(openapi32_reading.read_as_31(doc))
    repairs.extend(tuple_items_in_document(doc))
    repairs.extend(route_patterns_in_document(doc))
    version = str(doc["openapi"])
    if not re.match(r"^3\.[01]\.\d+", version):
        raise GenerationError(
            f"{name}: 'openapi' is {version!r:.40}; expected an OpenAPI 3.0.x, 3.1.x or 3.2.x document"
        )
    if version.startswith("3.0") and (count := type_lists_in_30_document(doc)):
        schemas = f"{count} schema{'s' if count > 1 else ''}"
        repairs.append(
            f"an OpenAPI 3.0 document with JSON Schema's type lists ({schemas}); read as 3.0 says them: [T, 'null']"
            " as T and nullable, several types as anyOf"
        )
    repairs.extend(misspelled_refs(doc))
    if version.startswith("3.0"):
        repairs.extend(ignored_ref_siblings(doc))
    restated_types_beside_refs(doc)  # the same as the target's: nothing to report, the reference says it all
    repairs.extend(scalar_all_of_in_document(doc))
    if version.startswith("3.1") and (count := schema_keywords.null_types_in_document(doc)):
        repairs.append(
            f"an OpenAPI 3.1 document with OpenAPI 3.0's 'nullable: true' ({count} times); honoured as JSON Schema's"
            " null type (type: [T, 'null']), as its writer meant"
        )
    if through := refs.direct_pointers(doc):
        written, direct = through[0]
        repairs.append(
            f"{len(through)} $ref pointer{'s' if len(through) > 1 else ''} pass{'es' if len(through) == 1 else ''}"
            f" through another $ref, which a JSON pointer does not follow (RFC 6901); read through it as JSON Schema"
            f" bundlers write them ({written!r:.160} as {direct!r:.160})"
        )
    repairs.extend(untaggable_discriminators(doc))  # after the pointers above are read through
    # after the rewrites above: they walk the whole document, and one that took ``info`` for a schema (an ``info``
    # written as a $ref, in a 3.0 document whose $ref siblings are dropped) would drop the version put here
    info = doc.get("info")
    if info is None:
        info = doc["info"] = {}
    if not isinstance(info, dict):
        raise GenerationError(f"{name}: 'info' is a {type(info).__name__}; expected a mapping with the API's version")
    if info.get("version") is None or str(info["version"]).strip() == "":
        # required by OpenAPI, missing in real documents (oasdiff's fixtures); one placeholder version still gives a
        # package, and the warning says how to name it
        info["version"] = _MISSING_VERSION
        repairs.append(f"info.version is missing; the API version is taken as {_MISSING_VERSION!r} (set it to name it)")
    if doc.get("paths", {}) is None:
        doc["paths"] = {}  # `paths:` with nothing under it: no operations
    if not isinstance(doc.get("paths", {}), dict):
        raise GenerationError(f"{name}: 'paths' must be a mapping of path -> path item")
    return repairs


def _version_table(docs: Sequence[Mapping[str, Any]]) -> list[VersionRowIR]:
    """The service's version table, newest first: ``info.x-versions`` when present, else one row per document."""
    rows: dict[str, dict[str, Any]] = {}
    for doc in docs:
        for row in _version_rows(doc["info"]):
            if "version" in row:
                rows.setdefault(str(row["version"]), {**row, "version": str(row["version"])})
    newest = max((str(d["info"]["version"]) for d in docs), key=naming.version_key)
    for doc in docs:
        info = doc["info"]
        v = str(info["version"])
        status = info.get("x-api-status") or rows.get(v, {}).get("status")
        if status is None:
            status = "CURRENT" if v == newest else "SUPPORTED"
        row = rows.setdefault(v, {"version": v, "status": status, "date": info.get("x-sunset")})
        row["status"] = str(status)
        if info.get("x-sunset"):
            row["date"] = str(info["x-sunset"])
    out = [
        VersionRowIR(version=r["version"], status=str(r.get("status", "SUPPORTED")), date=_str_or_none(r.get("date")))
        for r in rows.values()
    ]
    return sorted(out, key=lambda r: naming.version_key(r.version), reverse=True)


def _version_rows(info: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The rows of ``info.x-versions`` that are mappings (a spec from anyone may hold anything there: a row whose
    ``version`` was a list reached the version sort as a list, a TypeError)."""
    rows = info.get("x-versions")
    return [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else []


def _current_version(versions: Sequence[VersionIR]) -> str:
    for wanted in ("CURRENT", "SUPPORTED", "DEPRECATED"):
        matching = [v for v in versions if v.status == wanted]
        if matching:
            return matching[-1].version
    return versions[-1].version


def _package_version(api_version: str) -> str:
    numbers = [int(n) for n in re.findall(r"\d+", api_version)][:3]
    while len(numbers) < 3:
        numbers.append(0)
    return ".".join(str(n) for n in numbers)


def _build_version(
    doc: dict[str, Any], source_name: str, findings: Sequence[Mapping[str, Any]], statuses: Mapping[str, str]
) -> VersionIR:
    info = doc["info"]
    version = str(info["version"])
    status = str(statuses.get(version, "CURRENT"))
    if status not in _STATUSES:
        status = "SUPPORTED"
    ctx = _Ctx(source_name=source_name, doc=doc, findings=[dict(f) for f in findings], version=version)
    components = doc.get("components")
    ctx.verdicts = ExampleVerdicts.open(
        _verdicts_salt(),
        f"ir\0{source_name}",
        components if isinstance(components, dict) else {},
        "3.0" if str(doc.get("openapi", "")).startswith("3.0") else "3.1",
    )
    _collect_component_names(ctx)
    for message in unchecked_keyword_warnings(doc):
        ctx.warn(message)
    header = _version_header(ctx, info)
    _check_security_schemes(ctx)
    sunset = _str_or_none(info.get("x-sunset"))
    if sunset is None and status == "DEPRECATED":
        sunset = next((r.get("date") for r in _version_rows(info) if str(r.get("version")) == version), None)
    operations = _build_operations(ctx, status, sunset)
    webhooks = _build_webhooks(ctx) + _build_callbacks(ctx)
    ctx.verdicts.save()
    skip_headers = _auth_headers(doc) | ({header[0].lower()} if header else set())
    for op in operations:
        op.params = [p for p in op.params if not (p.location == "header" and p.wire_name.lower() in skip_headers)]
        if op.body is not None:  # named past the parameters the method keeps, not a dropped ``Content-Type`` header
            op.body.keyword = _media_keyword(op.params)
    server = _server(ctx, doc)
    client_params = _client_params(operations, taken={k.py_name for k in server.keywords} if server else set())
    auth_schemes = _auth_schemes(
        doc, taken=[k.py_name for k in (server.keywords if server else [])] + [p.py_name for p in client_params]
    )
    client_headers = _client_headers(
        operations,
        taken=[k.py_name for k in (server.keywords if server else [])]
        + [p.py_name for p in client_params]
        + [str(s.keyword) for s in auth_schemes if s.keyword is not None],
    )
    default_requirements, requirements_inferred = _default_requirements(ctx, auth_schemes)
    if (said := one_token_warning(ctx.one_token_places)) is not None:
        ctx.warn(said)
    places = ctx.version_param_places
    if (said := document_version_warning([w for w, _ in places], places[0][1] if places else "", version)) is not None:
        ctx.warn(said)
    keyworded = any(s.keyword is not None for s in auth_schemes)
    for op in operations:
        op.requirements = op.security if op.security is not None else default_requirements
        op.chooses_credentials = keyworded and op.authenticated
    _drop_credential_params(ctx, operations)
    schema_names.hoist_inline_classes(ctx.schemas, RESERVED_CLASSES)
    for message in cut_composition_cycles(ctx.schemas):
        ctx.warn(message)
    nullable = nullable_components(ctx.schemas, openapi=str(doc["openapi"]))
    for op in operations:  # the schemas are final now (hoisting rewrote some items into classes of their own)
        if op.response_model is not None:
            op.response_value = response_value(ctx.schemas, op.response_model, nullable=nullable)
        if op.pagination is not None and op.response_model is not None:
            _find_items(ctx, op, op.pagination, op.response_model, nullable)
    return VersionIR(
        version=version,
        module=naming.version_module(version),
        status=status,
        sunset=sunset,
        header=header,
        server=server,
        other_servers=_other_servers(doc, server),
        uncallable_servers=_uncallable_servers(doc),
        client_params=client_params,
        client_headers=client_headers,
        operations=operations,
        schemas=ctx.schemas,
        openapi=str(doc["openapi"]),
        source_name=source_name,
        auth=_auth_kind(doc),
        auth_header_names=_api_key_headers(doc),
        auth_schemes=auth_schemes,
        default_requirements=default_requirements,
        requirements_inferred=requirements_inferred,
        docs_url=_web_url(
            (doc.get("externalDocs") or {}).get("url") if isinstance(doc.get("externalDocs"), dict) else None
        ),
        title=str(info.get("title") or ""),
        description=plain_text(str(info.get("description") or "")),
        warnings=ctx.warnings,
        webhooks=webhooks,
    )


def _version_header(ctx: _Ctx, info: Mapping[str, Any]) -> tuple[str, str] | None:
    """``x-api-version-header`` (``{name, value}``): the header every request of this version sends. A name that is
    not an HTTP token or a value with control characters (RFC 9110) is a warning naming the pointer; none is sent."""
    raw = info.get("x-api-version-header")
    if raw is None:
        return None
    where = ctx.where("info", "x-api-version-header")
    if not isinstance(raw, dict) or not raw.get("name") or raw.get("value") is None:
        ctx.warn(f"{where}: expected a mapping with 'name' and 'value'; got {raw!r:.80}; no version header is sent")
        return None
    name, value = raw["name"], raw["value"]
    if not isinstance(name, str) or not _HEADER_TOKEN.fullmatch(name):
        ctx.warn(f"{where}/name: {name!r:.80} is not an HTTP header name (RFC 9110 token); no version header is sent")
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool) or not _HEADER_VALUE.fullmatch(str(value)):
        ctx.warn(
            f"{where}/value: {value!r:.80} is not an HTTP header value (visible characters and spaces);"
            " no version header is sent"
        )
        return None
    return (name, str(value))


def _security_schemes(doc: Mapping[str, Any]) -> dict[str, Any]:
    schemes = (doc.get("components") or {}).get("securitySchemes") or {}
    return schemes if isinstance(schemes, dict) else {}


def _web_url(value: Any) -> str | None:
    """``value`` when it is an http(s) URL with a host, no credentials and no whitespace (it is written into package
    metadata); else None."""
    if not isinstance(value, str) or not _WEB_URL.fullmatch(value):
        return None
    return value


def _auth_kind(doc: Mapping[str, Any]) -> str | None:
    """The kind of credentials the clients of ``doc`` take (see ``VersionIR.auth``): the provider's signing or token
    scheme, else the kind of the first usable scheme of the requirements the document states first (its ``security``,
    else its operations' in order, else every scheme), apiKey headers together as ``header``."""
    schemes = _security_schemes(doc)
    if "scpSignature" in schemes or any(
        isinstance(s, dict) and s.get("x-signing") == "scp-hmac-sha256" for s in schemes.values()
    ):
        return "scp"
    if "keystoneToken" in schemes or any(isinstance(s, dict) and s.get("x-token-url") for s in schemes.values()):
        return "keystone"
    for requirement in _stated_requirements(doc):
        kinds = [kind for name in requirement if (kind := _scheme_kind(schemes.get(name))) is not None]
        if kinds:
            return kinds[0]
    return None


def _stated_requirements(doc: Mapping[str, Any]) -> Iterator[list[str]]:
    """Scheme names of each security requirement, in the order the document states them: its top-level
    ``security``, then each operation's, then every scheme on its own."""

    def names(requirements: Any) -> Iterator[list[str]]:
        for requirement in requirements if isinstance(requirements, list) else []:
            if isinstance(requirement, dict):
                yield [str(name) for name in requirement]

    yield from names(doc.get("security"))
    for item in (doc.get("paths") or {}).values() if isinstance(doc.get("paths"), dict) else []:
        for operation in item.values() if isinstance(item, dict) else []:
            if isinstance(operation, dict):
                yield from names(operation.get("security"))
    yield from ([str(name)] for name in _security_schemes(doc))


def _scheme_kind(scheme: Any) -> str | None:
    """The runtime auth kind that sends the credentials of one security scheme, or None (none fits)."""
    if not isinstance(scheme, dict):
        return None
    kind = scheme.get("type")
    if kind == "apiKey":
        if _api_key_name(scheme) is None:
            return None
        return {"header": "header", "query": "query", "cookie": "cookie"}.get(str(scheme.get("in")))
    if kind == "http":
        return {"bearer": "bearer", "basic": "basic"}.get(str(scheme.get("scheme") or "").lower())
    if kind in ("oauth2", "openIdConnect"):
        return "bearer"  # the client sends the access token; getting one is the OAuth client's business
    return None


#: The kinds of scheme the runtime's ``Credentials`` sends from a client keyword (``SecurityScheme.kind``).
_KEYWORD_KINDS = frozenset({"header", "query", "cookie", "bearer", "basic"})


def _auth_schemes(doc: Mapping[str, Any], *, taken: Sequence[str] = ()) -> list[AuthSchemeIR]:
    """Every security scheme of ``doc``, in its order, with what it takes in words (for the README) and the client
    keyword taking its credential (a standard scheme's; named after the scheme, clear of the other constructor
    keywords and of ``taken``: the server variables' and client parameters' names)."""
    out = []
    for name, scheme in _security_schemes(doc).items():
        if not isinstance(scheme, dict):
            continue
        kind = _scheme_kind(scheme)
        if name == "scpSignature" or scheme.get("x-signing") == "scp-hmac-sha256":
            kind, what = "scp", "SCP request signature (HMAC-SHA256 of the request, with an access and a secret key)"
        elif name == "keystoneToken" or scheme.get("x-token-url"):
            kind, what = "keystone", "Keystone token (issued for a tenant, user and API password)"
        else:
            what = _scheme_words(scheme)
        key = _api_key_name(scheme) if scheme.get("type") == "apiKey" else None
        tls = scheme.get("type") == "mutualTLS"
        out.append(AuthSchemeIR(name=str(name), kind=kind, key=key, what=what, tls=tls))
    keyworded = [a for a in out if a.kind in _KEYWORD_KINDS]
    keywords = naming.dedupe(
        [naming.safe_identifier(a.name, fallback="credential", reserved=CLIENT_KWARGS) for a in keyworded],
        taken=taken,
    )
    chosen = {id(a): keyword for a, keyword in zip(keyworded, keywords, strict=True)}
    return [dataclasses.replace(a, keyword=chosen[id(a)]) if id(a) in chosen else a for a in out]


def _default_requirements(ctx: _Ctx, schemes: Sequence[AuthSchemeIR]) -> tuple[list[list[str]], bool]:
    """The document's ``security`` alternatives, and whether they are inferred: a document that states none (only
    defines schemes) gets each scheme the clients take a keyword for, optionally (a credential the user gives is
    sent; none is required). A requirement naming a scheme the document does not define is a warning: no client
    credential satisfies it."""
    stated = _security_requirements(ctx.doc.get("security"))
    _check_requirement_names(ctx, ctx.where("security"), stated)
    stated = _one_token(ctx, ctx.where("security"), stated)
    for message in clash_warnings(ctx.where("security"), stated or [], _credential_targets(ctx)):
        ctx.warn(message)
    if stated is not None:
        return stated, False
    return [[s.name] for s in schemes if s.keyword is not None] + [[]], True


def _check_requirement_names(ctx: _Ctx, where: str, requirements: list[list[str]] | None) -> None:
    """Warn about each scheme a ``security`` list names that ``components.securitySchemes`` does not define."""
    defined = _security_schemes(ctx.doc)
    for name in dict.fromkeys(n for alternative in requirements or [] for n in alternative):
        if name not in defined:
            ctx.warn(
                f"{where}: {name!r:.80} is no scheme of components/securitySchemes; an alternative naming it is"
                " satisfied by auth= only"
            )


def _scheme_words(scheme: Mapping[str, Any]) -> str:
    """What one standard security scheme asks for, in a few words."""
    kind = scheme.get("type")
    if kind == "apiKey":
        where = {"header": "header", "query": "query parameter", "cookie": "cookie"}.get(str(scheme.get("in")), "?")
        name = _api_key_name(scheme)  # never the raw name: it may be anything (see _check_security_schemes)
        return f"API key in the {where} {name}" if name else "API key whose name is not an HTTP token (skipped)"
    if kind == "http":
        words = {"bearer": "HTTP bearer token (Authorization: Bearer ...)", "basic": "HTTP basic (user and password)"}
        return words.get(str(scheme.get("scheme") or "").lower(), f"HTTP {scheme.get('scheme') or '?'} authentication")
    if kind == "oauth2":
        flows = scheme.get("flows")
        flows = flows if isinstance(flows, dict) else {}
        urls = [
            f"{flow}: {(spec.get('tokenUrl') or spec.get('authorizationUrl'))}"
            for flow, spec in flows.items()
            if isinstance(spec, dict) and (spec.get("tokenUrl") or spec.get("authorizationUrl"))
        ]
        return "OAuth 2.0 access token" + (f" ({'; '.join(urls)})" if urls else "")
    if kind == "openIdConnect":
        return f"OpenID Connect access token ({scheme.get('openIdConnectUrl')})"
    if kind == "mutualTLS":  # OpenAPI 3.1: a TLS client certificate, which no httpx.Auth can present
        return "mutual TLS (a client certificate, which the HTTP client presents)"
    named = kind if isinstance(kind, str) and _HEADER_TOKEN.fullmatch(kind) else "a scheme of no known type"
    return f"{named} (not sent by this client: pass your own httpx.Auth)"


def _api_key_name(scheme: Any) -> str | None:
    """The name of an apiKey scheme when it is an HTTP token (RFC 9110; cookie names are tokens too, RFC 6265, and a
    query key is held to the same); None for any other scheme or name."""
    if not isinstance(scheme, dict) or scheme.get("type") != "apiKey":
        return None
    name = scheme.get("name")
    return name if isinstance(name, str) and _HEADER_TOKEN.fullmatch(name) else None


def _check_security_schemes(ctx: _Ctx) -> None:
    """A security scheme that is not a mapping, or an apiKey scheme whose name is not an HTTP token, is skipped with
    a warning naming its pointer: the name would be sent as a header, cookie or query key, and is written into the
    client's docs."""
    for key, scheme in _security_schemes(ctx.doc).items():
        if not isinstance(scheme, dict):
            ctx.warn(
                f"{ctx.where('components', 'securitySchemes', str(key))}: expected a security scheme (a mapping),"
                f" got {type(scheme).__name__}; it is skipped"
            )
        elif scheme.get("type") == "apiKey" and _api_key_name(scheme) is None:
            ctx.warn(
                f"{ctx.where('components', 'securitySchemes', str(key), 'name')}: {scheme.get('name')!r:.80} is not"
                " an HTTP token (RFC 9110); the apiKey scheme is skipped"
            )


def _api_key_headers(doc: Mapping[str, Any]) -> list[str]:
    """Header names of the apiKey-in-header schemes (credentials a ``HeaderAuth`` sets); a scheme whose name is not
    an HTTP token is left out (:func:`_check_security_schemes` warns)."""
    return sorted(
        name
        for scheme in _security_schemes(doc).values()
        if (name := _api_key_name(scheme)) is not None and scheme.get("in") == "header"
    )


def _auth_headers(doc: Mapping[str, Any]) -> set[str]:
    out = set(TRANSPORT_HEADERS)
    out.update(name.lower() for name in _api_key_headers(doc))
    if _auth_kind(doc) == "scp":
        out |= SCP_AUTH_HEADERS
    return out


def _server(ctx: _Ctx, doc: Mapping[str, Any]) -> ServerIR | None:
    """``servers[0]`` as the client's endpoint choice. A URL variable the document does not define, or defines
    without the required ``default`` (``https://{domain}.oc.nhncloud.com`` where the guide names no domain), is one
    the caller must choose: no default (the client then asks for it, or for ``base_url``), any DNS-safe value unless
    an ``enum`` lists them, and a warning."""
    servers = doc.get("servers") or []
    if not servers or not isinstance(servers[0], dict) or not servers[0].get("url"):
        return None
    callable_servers: list[tuple[int, Mapping[str, Any], str]] = []
    for index, server, url in _documented_servers(doc):
        if not _other_scheme(url):
            callable_servers.append((index, server, url))
        else:
            ctx.warn(
                f"{ctx.where('servers', str(index), 'url')}: {redact_url(url)!r:.100} is not an http(s) URL, which"
                " this HTTP client cannot call; not the client's default (pass base_url=)"
            )
    if not callable_servers:
        return None
    index, server, url = callable_servers[0]
    public = next(((i, s, u) for i, s, u in callable_servers if _loopback(u) is False), None)
    if _loopback(url) and public is not None:
        # a development server listed first (the writer's own machine) is no API's address: the client would send
        # every request, credentials included, to whatever listens on the user's localhost
        ctx.warn(
            f"{ctx.where('servers', str(index), 'url')}: {redact_url(url)!r:.100} is a loopback address (the writer's"
            f" own machine); the client's default is /servers/{public[0]},"
            f" {redact_url(public[2])!r:.100} (pass base_url= for the other)"
        )
        index, server, url = public
    return _server_entry(ctx, server, ("servers", str(index)))


def _documented_servers(doc: Mapping[str, Any]) -> list[tuple[int, Mapping[str, Any], str]]:
    """``(index, Server Object, URL)`` of each entry of the document's ``servers`` that has a URL."""
    servers = doc.get("servers")
    found = []
    for index, server in enumerate(servers if isinstance(servers, list) else []):
        url = str(server.get("url") or "") if isinstance(server, dict) else ""
        if url:
            found.append((index, server, url))
    return found


def _other_servers(doc: Mapping[str, Any], chosen: ServerIR | None) -> list[tuple[str, str]]:
    """The document's http(s) servers besides the client's default, as ``(URL, description)``, in the document's
    order and each URL once: staging, another region, the sandbox (1Claw documents its production and a "Shroud"
    server after a development one; only the default was said anywhere). A caller passes one as ``base_url=``.
    Credentials in a URL are left out (never written into a README)."""
    found: dict[str, str] = {}
    for _, server, url in _documented_servers(doc):
        if _other_scheme(url):
            continue
        url = strip_credentials(url)
        if (chosen is not None and url == chosen.template) or url in found:
            continue
        description = server.get("description")
        found[url] = " ".join(description.split()) if isinstance(description, str) else ""
    return list(found.items())


def _uncallable_servers(doc: Mapping[str, Any]) -> list[str]:
    """The document's server URLs of a scheme other than http(s) (Qovery's gateway: ``wss://...`` only), each once,
    credentials left out: the README says the API documents no server this client can call, not none at all."""
    urls = [url for _, _, url in _documented_servers(doc) if _other_scheme(url)]
    return list(dict.fromkeys(strip_credentials(url) for url in urls))


def _loopback(url: str) -> bool | None:
    """Whether ``url`` names a loopback host (``localhost``, ``127.0.0.1``, ``[::1]``, ``0.0.0.0``); None when it names
    no host (a relative URL) or a templated one (``{host}``), which say nothing either way."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    if not host or "{" in parts.netloc:
        return None
    return host in ("localhost", "127.0.0.1", "::1", "0.0.0.0") or host.endswith(".localhost")


def _other_scheme(url: str) -> bool:
    """Whether ``url`` names a scheme other than http(s) (``wss://``, ``ftp://``): no request of this client's can
    go there. A relative URL (``/api/v1``) is read against where the document was served, as OpenAPI says; a host
    and port without a scheme (``localhost:8080``) is no scheme either."""
    return bool(re.match(r"[A-Za-z][A-Za-z0-9+.-]*:(?!\d)", url)) and not url.lower().startswith(
        ("http://", "https://")
    )


def _server_entry(
    ctx: _Ctx, server: Mapping[str, Any], at: tuple[str, ...], choose: str = "callers pass {name}= or base_url="
) -> ServerIR:
    """One Server Object (at pointer tokens ``at``) as a ``ServerIR``: the document's first, or an operation's own.
    A variable default that is itself a placeholder (DigitalOcean's agent host ``{your-agent-url}``) is no value:
    read as no default, said in a warning."""
    url = str(server["url"])
    if strip_credentials(url) != url:  # a password in a spec would be written into the client and its README
        url = strip_credentials(url)
        ctx.warn(
            f"{ctx.where(*at, 'url')}: the URL carries credentials (user name or password); they are left"
            " out of the client (give them as the API's authentication)"
        )
    placeholders = re.findall(r"\{([^{}]+)\}", url)
    variables: dict[str, list[str]] = {}
    defaults: dict[str, str] = {}
    raw_vars = server.get("variables") or {}
    if not isinstance(raw_vars, dict):
        raise GenerationError(
            f"{ctx.where(*at, 'variables')}: expected a mapping of name -> server variable;"
            f" got {type(raw_vars).__name__}"
        )
    for name in placeholders:
        spec = raw_vars.get(name)
        spec = spec if isinstance(spec, dict) else {}
        enum = spec.get("enum")
        values = [str(v) for v in enum] if isinstance(enum, list) else []
        default = spec.get("default")
        if default is not None and _is_placeholder(str(default)):
            ctx.warn(
                f"{ctx.where(*at, 'variables', name, 'default')}: {str(default)!r:.80} is a placeholder, not a value:"
                f" the client has no default for {name}; {choose.format(name=name)}"
            )
        elif default is not None:
            defaults[name] = str(default)
            values = values or [defaults[name]]
        else:
            defined = "defines no default" if spec else "is not defined"
            ctx.warn(
                f"{ctx.where(*at, 'variables', name)} {defined} (the URL uses {{{name}}}): the client has"
                f" no default for it; {choose.format(name=name)}"
            )
        variables.setdefault(name, values)
    pairs = _server_pairs(ctx, server.get("x-server-pairs"), at)
    py_names = naming.dedupe(
        [naming.safe_identifier(n, fallback="server_variable", reserved=CLIENT_KWARGS) for n in variables]
    )
    keywords = [ServerVariableIR(py_name, variable) for py_name, variable in zip(py_names, variables, strict=True)]
    return ServerIR(template=url, variables=variables, defaults=defaults, pairs=pairs, keywords=keywords)


def _is_placeholder(value: str) -> bool:
    """Whether a server variable's default stands for a value the reader fills in (``{your-agent-url}``,
    ``<region>``, ``your region``) rather than being one."""
    return bool(re.search(r"[{}<>\s]", value))


def _server_pairs(ctx: _Ctx, raw: Any, at: tuple[str, ...] = ("servers", "0")) -> list[dict[str, str]]:
    """``servers[0].x-server-pairs`` (our extension): the combinations of server variable values that exist, a list
    of ``{variable: value}`` mappings with string or number values. Anything else is a warning naming the pointer
    and no pairs (every combination allowed), never a value's ``repr`` taken as a server name."""
    if raw is None:
        return []
    if isinstance(raw, list) and all(
        isinstance(pair, dict)
        and all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in pair.values())
        for pair in raw
    ):
        return [{str(k): str(v) for k, v in pair.items()} for pair in raw]
    ctx.warn(
        f"{ctx.where(*at, 'x-server-pairs')}: expected a list of mappings of server variable -> string;"
        f" got {raw!r:.80}; ignored"
    )
    return []


# ---------------------------------------------------------------------------------------------------------- schemas


def _collect_component_names(ctx: _Ctx) -> None:
    """Give every component schema a class name (sanitised, unique) and copy it into ``ctx.schemas``."""
    raw = ((ctx.doc.get("components") or {}).get("schemas")) or {}
    if not isinstance(raw, dict):
        raise GenerationError(f"{ctx.where('components', 'schemas')}: expected a mapping of name -> schema")
    names = sorted(raw)
    classes = naming.dedupe([_class_name(n) for n in names], sep="")
    ctx.class_names = dict(zip(names, classes, strict=True))
    implied = _implied_mappings(raw)
    if implied is not raw:  # the examples' synthesis reads the document: it sees the same tag values as the models
        components = ctx.doc.get("components") or {}
        ctx.doc = {**ctx.doc, "components": {**components, "schemas": implied}}
        raw = implied
    for name, cls in ctx.class_names.items():
        ctx.schemas[cls] = _rewrite_refs(ctx, raw[name])


def _implied_mappings(schemas: dict[str, Any]) -> dict[str, Any]:
    """``schemas`` with each component's ``discriminator`` mapping spelt out: OpenAPI implies a member's tag value
    is its component name (``account``), but the models are generated from renamed classes (``Account``), so an
    implied value would become the class name and every instance the API sends with ``type: account`` would fail
    to parse (Bitbucket's 2.0 spec: 60 of 330 contract tests). Members are the ``oneOf``/``anyOf`` references beside
    the discriminator, else the schemas whose ``allOf`` refers to it; a member an explicit mapping already names
    keeps its explicit value."""
    prefix = "#/components/schemas/"
    children: dict[str, list[str]] = {}
    for name, schema in schemas.items():
        parts = schema.get("allOf") if isinstance(schema, dict) else None
        for part in parts if isinstance(parts, list) else []:
            ref = part.get("$ref") if isinstance(part, dict) else None
            if isinstance(ref, str) and ref.startswith(prefix) and ref[len(prefix) :] in schemas:
                children.setdefault(ref[len(prefix) :], []).append(name)
    out: dict[str, Any] | None = None
    for name, schema in schemas.items():
        discriminator = schema.get("discriminator") if isinstance(schema, dict) else None
        if not isinstance(discriminator, dict) or not isinstance(discriminator.get("propertyName"), str):
            continue
        union = [m.get("$ref") for key in ("oneOf", "anyOf") for m in schema.get(key) or [] if isinstance(m, dict)]
        members = [r[len(prefix) :] for r in union if isinstance(r, str) and r.startswith(prefix)]
        if not union:
            members = children.get(name, [])
        given = discriminator.get("mapping")
        mapping: dict[str, Any] = given if isinstance(given, dict) else {}
        named = {v[len(prefix) :] if isinstance(v, str) and v.startswith(prefix) else v for v in mapping.values()}
        implied = {m: prefix + m for m in members if m not in named and m not in mapping and m in schemas}
        if implied:
            out = dict(schemas) if out is None else out
            out[name] = {**schema, "discriminator": {**discriminator, "mapping": {**mapping, **implied}}}
    return schemas if out is None else out


def _class_name(text: str) -> str:
    """A model class name for ``text``: PascalCase; a name the models module imports (``Field``, ``Enum``, ...) or a
    keyword gets a ``Model`` suffix (datamodel-code-generator would rename or shadow it)."""
    name = naming.safe_identifier(text, fallback="Model", snake=False)
    bare = name.rstrip("_")
    if bare in RESERVED_CLASSES or keyword.iskeyword(bare) or bare in _BUILTIN_NAMES:
        return bare + "Model"
    return name


#: Schema keywords whose value maps names (of properties, definitions) to subschemas: a name is never a keyword
#: (a property may be called ``$ref`` or ``example``, as in Okta's user schema).
_NAMED_SUBSCHEMAS = frozenset({"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"})
#: Schema keywords whose value is data, copied as it is (a ``{"$ref": ...}`` in a default is a value, not a reference).
_DATA_KEYWORDS = frozenset({"enum", "const", "default"})


def _rewrite_refs(ctx: _Ctx, node: Any) -> Any:
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                out[key] = _ref_target(ctx, value)
            elif key == "$ref":
                ctx.warn(f"schema $ref {value!r:.60} is not a string (a JSON pointer); ignored")
            elif key == "discriminator" and isinstance(value, dict) and isinstance(value.get("mapping"), dict):
                # tag values stay as written; each target becomes the class it was renamed to, as a $ref does
                mapping = {
                    k: _ref_target(ctx, v if "#" in v or "/" in v else f"#/components/schemas/{v}")  # a bare name
                    for k, v in value["mapping"].items()
                    if isinstance(v, str) and v
                }
                out[key] = {
                    **_rewrite_refs(ctx, {k: v for k, v in value.items() if k != "mapping"}),
                    "mapping": mapping,
                }
            elif key == "example" or key == "examples":
                continue  # examples are data, not model structure; they stay out of the models module
            elif key in _DATA_KEYWORDS:
                out[key] = value
            elif key in _NAMED_SUBSCHEMAS and isinstance(value, dict):
                out[key] = {name: _rewrite_refs(ctx, sub) for name, sub in value.items()}
            else:
                out[key] = _rewrite_refs(ctx, value)
        return out
    if isinstance(node, list):
        return [_rewrite_refs(ctx, v) for v in node]
    return node


def _ref_target(ctx: _Ctx, ref: str) -> str:
    """The ``#/components/schemas/<Class>`` a schema ``$ref`` becomes in the models' schema set.

    A component keeps its class; any other local pointer (into another schema's properties, a response, a path)
    becomes a class of its own, hoisted once per pointer (registered before its body is rewritten, so a schema
    that refers back to itself terminates). A reference that leaves the document or points nowhere (a missing
    component, a pointer that does not resolve, a ``$ref`` that is not a string) is a warning and an ``Any``: one
    bad schema does not stop the package."""
    prefix = "#/components/schemas/"
    token = ref[len(prefix) :]
    if ref.startswith(prefix) and "/" not in token:
        name = _unescape_pointer(token)
        if name in ctx.class_names:
            return prefix + ctx.class_names[name]
    if ref in ctx.ref_classes:
        return prefix + ctx.ref_classes[ref]
    if ref.startswith(prefix) and "/" not in token:
        ctx.warn(f"schema $ref {ref!r} points to a schema that components.schemas lacks; typed as Any")
        ctx.missing_schemas.add(_unescape_pointer(token))
        target: Any = {}
    else:
        try:
            target = refs.resolve_pointer(ctx.doc, ref)
        except refs.RefError as exc:
            # one schema that cannot be followed does not stop the package: it is anything, and reported
            reason = (
                "points outside the document" if not ref.startswith("#") else str(exc).removeprefix(f"$ref {ref!r} ")
            )
            ctx.warn(f"schema $ref {ref!r} {reason}; typed as Any")
            target = {}
    if isinstance(target, dict) and isinstance(target.get("$ref"), str) and len(target) == 1:
        if ref in ctx.aliases_followed:  # a chain of pure aliases that comes back to itself describes nothing
            raise GenerationError(f"{ctx.source_name}: $ref cycle through {ref!r}")
        ctx.aliases_followed.add(ref)  # only while this chain is followed: the next use of the alias is no cycle
        try:
            resolved = _ref_target(ctx, str(target["$ref"]))
        finally:
            ctx.aliases_followed.discard(ref)
        ctx.ref_classes[ref] = resolved.removeprefix(prefix)
        return resolved
    hint = naming.pascal_case(refs.pointer_tokens(ref)[-1] if ref.startswith("#/") else "") or "Model"
    name = naming.dedupe(
        [_class_name(hint)],
        taken=set(ctx.schemas) | set(ctx.class_names.values()) | RESERVED_CLASSES,
        sep="",
    )[0]
    ctx.ref_classes[ref] = name
    ctx.schemas[name] = {}
    ctx.schemas[name] = _rewrite_refs(ctx, target if isinstance(target, dict | bool) else {})
    return prefix + name


def _unescape_pointer(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _resolve(ctx: _Ctx, node: Any) -> Any:
    """Follow a schema's ``$ref`` chain (in the original document); ``{}`` (anything) when it cannot be followed."""
    try:
        node = refs.follow(ctx.doc, node)
    except refs.RefError:
        return {}
    return node if isinstance(node, dict) else {}


def _follow(ctx: _Ctx, node: Any, where: str) -> Any:
    """A parameter, request body, response, example or path item with its ``$ref`` chain followed; an error that
    names where the reference was found when it cannot be."""
    try:
        return refs.follow(ctx.doc, node)
    except refs.RefError as exc:
        raise GenerationError(f"{where}: {exc}") from exc


def _model_for(ctx: _Ctx, schema: Any, hoist_name: str) -> str:
    """Class name for a body/response schema: the referenced component, or a hoisted copy of an inline schema."""
    if isinstance(schema, dict) and set(schema) <= {"$ref", "description", "summary"} and "$ref" in schema:
        target = _ref_target(ctx, str(schema["$ref"]))
        if not _is_enum_class(ctx.schemas.get(target.rsplit("/", 1)[1])):
            return target.rsplit("/", 1)[1]
        return _hoisted(ctx, {"$ref": target}, hoist_name)
    rewritten = _rewrite_refs(ctx, schema if isinstance(schema, dict) else {})
    if _is_enum_class(rewritten):
        values = _hoisted(ctx, rewritten, f"{hoist_name}Value")
        return _hoisted(ctx, {"$ref": f"#/components/schemas/{values}"}, hoist_name)
    return _hoisted(ctx, rewritten, hoist_name)


def _hoisted(ctx: _Ctx, schema: dict[str, Any], hoist_name: str) -> str:
    """``schema`` under ``hoist_name``, numbered when taken: never a component's name, nor the name
    datamodel-code-generator gives one of a component's inline union members (:func:`_member_number_taken`)."""
    name, n = hoist_name, 1
    while name in ctx.schemas or name in RESERVED_CLASSES or _member_number_taken(ctx, name):
        n += 1
        name = f"{hoist_name}{n}"
    ctx.schemas[name] = schema
    return name


def _member_number_taken(ctx: _Ctx, name: str) -> bool:
    """Whether ``name`` is ``<Class><n>`` for a class whose ``anyOf``/``oneOf`` has an inline member ``n``:
    datamodel-code-generator names such members so (Intercom's ``create_contact_request``: three members that only
    say which property is required, ``CreateContactRequest1`` .. ``3``); a hoisted class of that name was renamed by
    it (``CreateContactRequest21``) and the method's annotation named the member instead."""
    digits = re.search(r"[1-9]\d*$", name)
    if digits is None:
        return False
    owner = ctx.schemas.get(name[: digits.start()])
    if not isinstance(owner, dict):
        return False
    members = [m for key in ("anyOf", "oneOf") for m in owner.get(key) or [] if isinstance(m, dict) and "$ref" not in m]
    return int(digits.group()) <= len(members)


def _is_enum_class(schema: Any) -> bool:
    """Whether the generator makes ``schema`` an ``Enum`` class, which has no ``model_validate`` nor
    ``model_dump``: as a body or a response it is wrapped in a root model of its own (Meilisearch's settings
    endpoints take and return a bare enum component; the client called ``model_dump`` on the enum member)."""
    return (
        isinstance(schema, dict)
        and isinstance(schema.get("enum"), list)
        and bool(schema["enum"])
        and not {"properties", "allOf", "oneOf", "anyOf"} & set(schema)
    )


# ------------------------------------------------------------------------------------------------------- operations


def _own_server(ctx: _Ctx, item: Mapping[str, Any], *where: str) -> ServerIR | None:
    """The server a path item or operation documents for itself (an upload host, another API prefix): its first
    ``servers`` entry, which the client sends the operation's requests to (variables at their defaults; what needs
    a value is the caller's ``server_overrides=``). None when it documents none, or the document's own first server.
    What is not honoured is a warning naming its pointer: servers after the first, a URL of another scheme, and no
    document-level server (then a client always has a ``base_url=``, which takes every request)."""
    servers = item.get("servers")
    if servers is None:
        return None
    at = (*where, "servers")
    if not isinstance(servers, list) or not servers or not isinstance(servers[0], dict) or not servers[0].get("url"):
        ctx.warn(f"{ctx.where(*at)}: expected a list of Server Objects with a url; ignored (sent to the base URL)")
        return None
    first = servers[0]
    url = str(first["url"])
    documented = ctx.doc.get("servers")
    main = documented[0] if isinstance(documented, list) and documented and isinstance(documented[0], dict) else {}
    if url == main.get("url"):
        return None
    shown = f"{redact_url(url)!r:.100}"
    if _other_scheme(url):
        ctx.warn(f"{ctx.where(*at, '0', 'url')}: {shown} is not an http(s) URL; ignored (sent to the base URL)")
        return None
    if len(servers) > 1:
        ctx.warn(
            f"{ctx.where(*at)}: documents {len(servers)} servers; the client sends to the first, {shown} (another:"
            " server_overrides=)"
        )
    if not main.get("url"):
        ctx.warn(
            f"{ctx.where(*at, '0', 'url')}: the document names no server of its own, so a client is given base_url=,"
            f" which takes this request too; it goes to {shown} only through server_overrides="
        )
    return _server_entry(ctx, first, (*where, "servers", "0"), "callers pass server_overrides= for its operations")


def _named_by_stems(
    ctx: _Ctx,
    raw_ops: Sequence[tuple[str, str, dict[str, Any], Any, Any]],
    whole: list[str],
    stems: Sequence[str | None],
    kind: str,
    after: str,
) -> list[str]:
    """``whole`` with each method name that has a stem (a shorter name its operationId implies) named by it, where no
    other method has or is given that name (``method_suffixes.shorter_where_unique``); one warning says how many
    operationIds are of ``kind`` (``{id}``: the first one's) and that their methods are named after the ``after``."""
    names = [naming.safe_identifier(stem, fallback="") or None if stem else None for stem in stems]
    whole, shortened = method_suffixes.shorter_where_unique(whole, names)
    if shortened:
        first = raw_ops[shortened[0]]
        ctx.warn(
            f"{ctx.where('paths', first[0], first[1])}: {len(shortened)} operationId(s) are"
            f" {kind.format(id=repr(str(first[2].get('operationId'))))}; their methods are named after the {after}"
            f" ({whole[shortened[0]]!r})"
        )
    return whole


def _build_operations(ctx: _Ctx, version_status: str, version_sunset: str | None) -> list[OperationIR]:
    raw_ops: list[tuple[str, str, dict[str, Any], list[Any], bool]] = []
    servers: list[ServerIR | None] = []  # each raw operation's own server
    paths = ctx.doc.get("paths") or {}
    # x- keys of the Paths Object are extensions, not paths (str(): a YAML key may be a number)
    for documented_path in sorted((p for p in paths if not is_extension(p)), key=str):
        item = _follow(ctx, paths[documented_path], ctx.where("paths", str(documented_path)))
        documented_path = str(documented_path)
        if not isinstance(item, dict):
            raise GenerationError(f"{ctx.where('paths', documented_path)}: expected a path item mapping")
        path, fixed_query = _split_fixed_query(ctx, documented_path)
        shared = [*(item.get("parameters") or []), *fixed_query]
        _warn_duplicate_params(ctx, ctx.where("paths", documented_path, "parameters"), item.get("parameters") or [])
        item_server = _own_server(ctx, item, "paths", documented_path)
        for method, raw_op in _path_operations(ctx, documented_path, item):
            op = _follow(ctx, raw_op, ctx.where("paths", documented_path, method))
            if isinstance(op, dict):
                where = ctx.where("paths", documented_path, method)
                op_server = _own_server(ctx, op, "paths", documented_path, method) if "servers" in op else item_server
                members = _documented_operations(where, op)
                for declared in [op, *(op.get("x-operations") or [])]:  # each list as written (members: their own)
                    _warn_duplicate_params(ctx, where, declared.get("parameters") or [])
                for member in members:
                    raw_ops.append((path, method, member, shared, member is not op))
                    servers.append(op_server)
    # Method names: from the operationId (snake_case), else the summary, else method + path, capped at
    # METHOD_NAME_LIMIT characters; in (name, path, method) order the first keeps a repeated name, the others take
    # the end of their path (repeated_names.py), else _2, _3, so adding an operation never renames an unrelated one.
    sources, whole = [], []
    for path, method, op, _, _ in raw_ops:
        candidates = (str(op.get("operationId") or ""), plain_text(str(op.get("summary") or "")), f"{method} {path}")
        index, text = next(((i, c) for i, c in enumerate(candidates) if naming.snake_case(c)), (2, method))
        sources.append(index)
        whole.append(naming.safe_identifier(text, fallback=method))
    # FastAPI's generated operationIds (function, path, method) name the method after the function, and an
    # operationId ending with the API version (the module's name) leaves it out (method_suffixes.py)
    route_stems = [
        method_suffixes.route_stem(str(op.get("operationId")), path, method) if index == 0 else None
        for index, (path, method, op, _, _) in zip(sources, raw_ops, strict=True)
    ]
    whole = _named_by_stems(
        ctx,
        raw_ops,
        whole,
        route_stems,
        "FastAPI's generated ones (the function's name, then the path and the HTTP method: {id})",
        "function",
    )
    # TypeSpec's interface-qualified operationIds (``BotOperations_updateBot``) name the method after the operation
    interface_stems = method_suffixes.interface_stems(
        [
            str(op.get("operationId")) if index == 0 else None
            for index, (_, _, op, _, _) in zip(sources, raw_ops, strict=True)
        ]
    )
    whole = _named_by_stems(
        ctx, raw_ops, whole, interface_stems, "TypeSpec's interface-qualified ones ({id})", "operation"
    )
    version = str(ctx.doc["info"]["version"])
    whole, unversioned = method_suffixes.drop_version_suffix(whole, [index == 0 for index in sources], version)
    if unversioned:
        first = raw_ops[unversioned[0]]
        ctx.warn(
            f"{ctx.where('paths', first[0], first[1])}: {len(unversioned)} operationId(s) end with the API version"
            f" {version!r} (e.g. {str(first[2].get('operationId'))!r}); their methods leave it out"
            f" ({whole[unversioned[0]]!r}): the version is the module's name"
        )
    bases = []
    for index, base in zip(sources, whole, strict=True):
        # an id (operationId, method + path) differs from its neighbours at its end: its middle goes; a summary is
        # a sentence, read from its start, never ending on a word that leads on (``..._of_a_video_by``) (chosen by
        # where the name came from: an operationId equal to its summary is still an id)
        cut = naming.shorten_phrase if index == 1 else naming.elide
        base = cut(base, METHOD_NAME_LIMIT)
        if base in RESERVED_METHODS:
            base += "_"
        bases.append(base)
    order = sorted(range(len(raw_ops)), key=lambda i: (bases[i], raw_ops[i][0], raw_ops[i][1]))
    qualified = repeated_names.path_qualified(
        bases, [raw_ops[i][0] for i in range(len(raw_ops))], order, lambda n: naming.elide(n, METHOD_NAME_LIMIT)
    )
    unique = naming.dedupe(qualified)
    method_names = dict(zip(order, unique, strict=True))
    for i, (path, method, op, _, _) in enumerate(raw_ops):
        if method_names[i] != bases[i]:  # a repeated operationId (or two that read alike): said, not hidden
            named = f"operationId {str(op['operationId'])!r}" if op.get("operationId") else "the name"
            ctx.warn(
                f"{ctx.where('paths', path, method)}: {named} gives method {bases[i]!r}, which another operation"
                f" has; this one is {method_names[i]!r}"
            )
    result = []
    for i, (path, method, op, shared, is_member) in enumerate(raw_ops):
        built = _build_operation(ctx, path, method, op, shared, method_names[i], version_status, version_sunset)
        built.shares_path = is_member
        built.server = servers[i]
        result.append(built)
        if op.get("callbacks") is not None:
            ctx.callbacks.append((method_names[i], op["callbacks"], ctx.where("paths", path, method, "callbacks")))
    result += _body_variants(result)
    result += _stream_twins(ctx, result)
    result.sort(key=lambda o: o.method_name)
    # Iterator names: iter_<method>, deduplicated against every method name (and each other) in method-name order.
    paged = [o for o in result if o.pagination is not None]
    iter_names = naming.dedupe([f"iter_{o.method_name}" for o in paged], taken={o.method_name for o in result})
    for o, name in zip(paged, iter_names, strict=True):
        assert o.pagination is not None
        o.pagination.iter_name = name
    return result


def _build_webhooks(ctx: _Ctx) -> list[WebhookIR]:
    """Each webhook's requests (a path item, or a reference to one in ``components.pathItems``): the class its JSON
    payload parses into (an inline schema hoisted as ``<Name>Webhook``) and its example, documented or made from the
    schema. A webhook that is no path item is a warning; one bad webhook never stops the package."""
    hooks = ctx.doc.get("webhooks")
    if not isinstance(hooks, dict):
        if hooks is not None:
            ctx.warn(f"{ctx.where('webhooks')}: expected a mapping of webhook names to path items; ignored")
        return []
    out = []
    for key in sorted((n for n in hooks if not is_extension(n)), key=str):
        name = str(key)  # a YAML key may be a number
        stem = naming.pascal_case(name) or "Sent"
        out += _sent_requests(ctx, hooks[key], name, (stem, "Webhook"), ("webhooks", name))
    return out


def _build_callbacks(ctx: _Ctx) -> list[WebhookIR]:
    """Each operation's callbacks (``callbacks: {name: {expression: path item}}``, a callback maybe a reference into
    ``components.callbacks``): requests the API sends to a URL the caller gave, built as webhooks are, named
    ``<method>.<callback>`` and their inline payloads hoisted as ``<Callback>Callback``."""
    out = []
    for method_name, callbacks, where in ctx.callbacks:
        if not isinstance(callbacks, dict):
            ctx.warn(f"{where}: expected a mapping of callback names to callbacks; ignored")
            continue
        for key in sorted((n for n in callbacks if not is_extension(n)), key=str):
            name = str(key)
            try:
                callback = _follow(ctx, callbacks[key], f"{where}/{name}")
            except GenerationError as exc:
                ctx.warn(f"{exc}; this callback has no payload class")
                continue
            if not isinstance(callback, dict):
                ctx.warn(f"{where}/{name}: expected a mapping of expressions to path items; ignored")
                continue
            hoist = (naming.pascal_case(name) or "Sent", "Callback")
            for expression in sorted((e for e in callback if not is_extension(e)), key=str):
                here = f"{where}/{name}/{str(expression).replace('~', '~0').replace('/', '~1')}"
                out += _sent_requests(ctx, callback[expression], f"{method_name}.{name}", hoist, here)
    return out


def _sent_requests(
    ctx: _Ctx, raw_item: Any, name: str, hoist: tuple[str, str], place: tuple[str, ...] | str
) -> list[WebhookIR]:
    """The requests of one path item the API sends (a webhook or a callback), one per method; an inline payload is
    hoisted as ``stem + suffix`` (``stem + Method + suffix`` when the item has several methods); ``place`` is its
    pointer (tokens, or a ``source: /pointer`` text already made)."""
    where = ctx.where(*place) if isinstance(place, tuple) else place
    try:
        item = _follow(ctx, raw_item, where)
    except GenerationError as exc:
        ctx.warn(f"{exc}; this {'webhook' if isinstance(place, tuple) else 'callback'} has no payload class")
        return []
    if not isinstance(item, dict):
        ctx.warn(f"{where}: expected a path item mapping; got {type(item).__name__}; ignored")
        return []
    methods = [m for m in HTTP_METHODS if isinstance(item.get(m), dict)]
    out = []
    for method in methods:
        op = item[method]
        stem, suffix = hoist
        hoist_name = f"{stem}{suffix}" if len(methods) == 1 else f"{stem}{method.capitalize()}{suffix}"
        model, example = _webhook_payload(ctx, op, hoist_name, f"{where}/{method}")
        out.append(
            WebhookIR(
                name=name,
                http_method=method.upper(),
                summary=plain_text(str(op.get("summary") or "")),
                description=plain_text(str(op.get("description") or "")),
                payload_model=model,
                example=example,
            )
        )
    return out


def _webhook_payload(
    ctx: _Ctx, op: dict[str, Any], hoist_name: str, where: str
) -> tuple[str | None, ExampleCheck | None]:
    """The class of a webhook request's JSON payload and the example its contract test parses (None, None when the
    payload is not JSON or has no schema)."""
    try:
        body = _follow(ctx, op.get("requestBody"), f"{where}: requestBody")
    except GenerationError as exc:
        ctx.warn(f"{exc}; this webhook has no payload class")
        return None, None
    if not isinstance(body, dict):
        return None, None
    for _, kind, content in _media_choices(body.get("content")):
        schema = content.get("schema")
        if kind != "json" or not schema:
            continue
        ctx.operation = where
        model = _model_for(ctx, schema, hoist_name)
        labels = {str(op.get("operationId") or ""), str(op.get("summary") or "")} - {""}
        example = _example(ctx, content, schema, labels, "webhook payload", json_text=True, where=where)
        if example is None:
            example = _synthesise(ctx, schema, f"{where}: webhook payload")
        return model, example
    return None, None


def _warn_duplicate_params(ctx: _Ctx, where: str, declared: list[Any]) -> None:
    """A parameter list that names one (name, location) twice is invalid OpenAPI; the last one is used (as the
    merge in ``_build_params`` does), and the repeat is reported rather than dropped silently."""
    seen: set[tuple[str, str]] = set()
    for raw in declared:
        try:
            param = refs.follow(ctx.doc, raw)
        except refs.RefError:
            continue  # reported where the parameter is resolved
        if not isinstance(param, dict) or "name" not in param or "in" not in param:
            continue
        key = (str(param["name"]), str(param["in"]))
        if key in seen:
            ctx.warn(f"{where}: parameter {key[0]!r} ({key[1]}) is declared twice; the last declaration is used")
        seen.add(key)


def _path_operations(ctx: _Ctx, path: str, item: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """(method, operation) of a path item: the OpenAPI methods, then the methods OpenAPI 3.1 lacks (WebDAV's
    ``COPY``) kept under ``x-additionalOperations`` or OpenAPI 3.2's ``additionalOperations``."""
    out = [(method, item.get(method)) for method in HTTP_METHODS if method in item]
    for key in ("additionalOperations", "x-additionalOperations"):
        extra = item.get(key)
        if not isinstance(extra, dict):
            continue
        for name, op in sorted(extra.items()):
            if _HEADER_TOKEN.fullmatch(str(name)) and str(name).lower() not in HTTP_METHODS:
                out.append((str(name).lower(), op))
            else:
                ctx.warn(f"{ctx.where('paths', path, key)}: method {str(name)!r} is not an extra HTTP method; skipped")
    return out


def _body_variants(operations: Sequence[OperationIR]) -> list[OperationIR]:
    """One more method per other media type a request body may use (``upload_form``, ``upload_multipart``): the
    main method takes JSON when offered, and the others are offered explicitly rather than dropped."""
    taken = {o.method_name for o in operations}
    out = []
    for op in operations:
        for alternative in op.body_alternatives:
            name = naming.dedupe([f"{op.method_name}_{alternative.kind}"], taken=taken)[0]
            taken.add(name)
            variant = dataclasses.replace(op, method_name=name, body=alternative, pagination=None, body_alternatives=[])
            out.append(variant)
    return out


def _stream_twins(ctx: _Ctx, operations: Sequence[OperationIR]) -> list[OperationIR]:
    """One more method per operation whose typed JSON response may come as a stream instead (``stream_twins``):
    ``<name>_stream``, the same arguments, asking for the stream and returning it as it arrives; the JSON method
    keeps its name, signature and return type. A method already named ``..._stream`` gets ``..._stream_events`` (or
    ``_lines``, what it streams) rather than ``..._stream_stream``; a name another method has is numbered as a
    repeated operation's is (``send_stream_2``), with a warning."""
    taken = {o.method_name for o in operations}
    out = []
    for op in operations:
        if op.offered_stream is None:
            continue
        media, kind, accept = op.offered_stream
        wanted = twin_name(op.method_name, kind)
        name = naming.dedupe([wanted], taken=taken)[0]
        if name != wanted:
            ctx.warn(
                f"{ctx.where('paths', op.path, op.http_method.lower())}: the stream method of {op.method_name!r}"
                f" would be {wanted!r}, which another method has; it is {name!r}"
            )
        taken.add(name)
        op.stream_twin = name
        twin = dataclasses.replace(
            op,
            method_name=name,
            response_model=None,
            response_kind=kind,
            response_example=None,
            accept=accept,
            pagination=None,
            body_alternatives=[],
            offered_stream=None,
            offered_flag=None,
            stream_twin=None,
            stream_of=op.method_name,
            stream_media=media,
            stream_flag=op.offered_flag if op.body is not None and op.body.kind == "json" else None,
        )
        out.append(twin)
    return out


#: The group's fields a member never inherits: they say which documented operation this is.
_MEMBER_IDENTITY = ("operationId", "summary", "description", "x-source", "externalDocs")
#: ... nor what the group holds only as the union of its members' own: a member without a body sends none (Object
#: Storage's Copy an Object beside three uploads took their bytes as an optional body it does not have).
_MEMBER_OWN = ("requestBody",)


def _documented_operations(where: str, op: dict[str, Any]) -> list[dict[str, Any]]:
    """The documented operations of one method + path: the operation itself, or its ``x-operations`` members.

    Several documented operations may share a method and path (ARCHITECTURE.md, "Spec conventions",
    ``x-operations``): each member is an Operation Object fragment over the group; member fields win, parameters
    are the group's plus the member's (the member's win on the same name and location, see ``_build_params``)."""
    members = op.get("x-operations")
    if members is None:
        return [op]
    if not isinstance(members, list) or not members:
        raise GenerationError(f"{where}: x-operations must be a non-empty list of operations; got {members!r:.80}")
    group = {k: v for k, v in op.items() if k != "x-operations" and k not in _MEMBER_IDENTITY + _MEMBER_OWN}
    out = []
    for i, member in enumerate(members):
        if not isinstance(member, dict) or not (member.get("operationId") or member.get("summary")):
            raise GenerationError(
                f"{where}: x-operations[{i}] must be an operation with an operationId; got {member!r:.80}"
            )
        _check_member_shape(member, f"{where}/x-operations/{i}")
        merged = {**group, **member}
        merged["parameters"] = [*(group.get("parameters") or []), *(member.get("parameters") or [])]
        out.append(merged)
    return out


def _check_member_shape(member: dict[str, Any], where: str) -> None:
    """An ``x-operations`` member's containers have the types an operation's have (``responses`` a mapping of
    mappings, ``parameters`` a list, ``requestBody`` a mapping): ``spec_input.check_openapi_shape`` checks the
    document's own operations, and a member is one too (``responses: true`` was an ``AttributeError`` traceback)."""
    for key, kind in (("responses", dict), ("parameters", list), ("requestBody", dict)):
        value = member.get(key)
        if value is not None and not isinstance(value, kind):
            expected = "a mapping" if kind is dict else "a list"
            raise GenerationError(f"{where}/{key} must be {expected}, got {type(value).__name__}")
    for code, response in (member.get("responses") or {}).items():
        if not is_extension(code) and not isinstance(response, dict):
            raise GenerationError(
                f"{where}/responses/{pointer_token(code)} must be a mapping, got {type(response).__name__}"
            )


def _split_fixed_query(ctx: _Ctx, documented_path: str) -> tuple[str, list[dict[str, Any]]]:
    """``/vpcs?router:external=true`` -> ``/vpcs`` and a required ``const`` query parameter per fixed pair.

    A fixed query string is part of what the documented operation sends, so the client always sends it and never
    asks for it (the same representation the x-operations contract uses). A fragment (``/cookies#form``, how some
    documents give one URL several operations) is never sent to a server: it is dropped, with a warning."""
    documented_path, hashed, fragment = documented_path.partition("#")
    if hashed:
        ctx.warn(f"{ctx.where('paths', documented_path + hashed + fragment)}: the fragment #{fragment} is not sent")
    path, sep, query = documented_path.partition("?")
    if not sep:
        return documented_path, []
    params = []
    for pair in (p for p in query.split("&") if p):
        name, _, value = pair.partition("=")
        placeholder = re.fullmatch(r"\{([^{}]+)\}", value)
        if placeholder:  # ``term={term}``: an argument, which the declaration named like the placeholder fills
            params.append(
                {
                    "name": unquote(name),
                    "in": "query",
                    "required": True,
                    "schema": {"type": "string"},
                    _QUERY_PLACEHOLDER: placeholder.group(1),
                }
            )
            continue
        params.append(
            {
                "name": unquote(name),
                "in": "query",
                "required": True,
                "schema": {"type": "string", "const": unquote(value)},
            }
        )
    return path, params


#: Marks a query parameter that a ``name={placeholder}`` pair in a documented path's query string stands for; the
#: value is the placeholder's name, which a declaration (written ``in: path``) may fill (``_repair_path_params``).
_QUERY_PLACEHOLDER = "x-docs2client-query-placeholder"


def _build_operation(
    ctx: _Ctx,
    path: str,
    method: str,
    op: dict[str, Any],
    shared: list[Any],
    method_name: str,
    version_status: str,
    version_sunset: str | None,
) -> OperationIR:
    where = ctx.where("paths", path, method)
    ctx.operation = where  # what a validator failure names (see _checked_error)
    operation_id = str(op.get("operationId") or method_name)
    summary = plain_text(str(op.get("summary") or ""))
    labels = {operation_id, summary, f"{method.upper()} {path}", method_name}
    params = _build_params(ctx, where, path, shared, op.get("parameters") or [], labels)
    pascal = naming.pascal_case(method_name) or "Operation"
    bodies: list[BodyIR] = []
    request_body = _follow(ctx, op.get("requestBody"), f"{where}: requestBody")
    if isinstance(request_body, dict):
        required = bool(request_body.get("required", False))
        raw_content = request_body.get("content")
        documented: dict[str, Any] = raw_content if isinstance(raw_content, dict) else {}
        for media, kind, content in _media_choices(documented):
            schema = content.get("schema") or {}
            hoist_name = f"{pascal}{kind.title() if bodies else ''}Request"
            typed = kind == "json" or (kind in FIELD_BODIES and _names_fields(ctx, schema))
            model = _model_for(ctx, schema, hoist_name) if typed else ""
            checked = schema if kind in ("json", "form", "multipart") else {}  # raw content: any example is fine
            example = _example(ctx, content, checked, labels, "request body", json_text=kind == "json", where=where)
            if example is None and required:
                example = _synthesise(
                    ctx, checked if kind != "binary" else {"type": "string"}, f"{where}: request body"
                )
            if kind in FIELD_BODIES and example is not None and not isinstance(example.value, dict):
                # hey-api's test spec: a form body whose schema is an array of strings; fields need names, so
                # no value of it can be sent, and the method takes a mapping
                ctx.warn(f"{where}: request body: {media} sends named fields, but its schema is no object")
            encoding = body_encoding(content, kind, f"{where}/requestBody/content/{pointer_token(media)}", ctx.warn)
            offered = offered_media_types(documented, media, _media_kind, where, ctx.warn)
            bodies.append(
                BodyIR(
                    model=model,
                    required=required,
                    media_type=media,
                    example=example,
                    kind=kind,
                    encoding=encoding,
                    media_types=offered,
                    keyword=_media_keyword(params),
                )
            )
    body = bodies[0] if bodies else None
    response_model = response_status = response_kind = response_content = None
    response_headers: list[tuple[str, str]] = []
    response_example = None
    responses = {code: r for code, r in (op.get("responses") or {}).items() if not is_extension(code)}
    for status in sorted(str(s) for s in responses):
        if not _STATUS_CODE.fullmatch(status):
            ctx.warn(f"{where}: response status {status!r} is not an HTTP status code, a range (2XX) or 'default'")
    successes = sorted(s for s in map(str, responses) if s.startswith("2"))
    if not successes and "default" in responses and not _is_error_response(ctx, responses["default"]):
        successes = ["default"]  # no 2xx documented: ``default`` answers every status, the successes included
    for status in successes:
        resp = responses.get(status) if status in responses else responses.get(int(status))
        resp = _follow(ctx, resp, f"{where}: responses/{status}")
        if not isinstance(resp, dict):
            continue
        response_status = status
        response_headers = _response_headers(ctx, resp, f"{where}: responses/{status}")
        response_content = resp.get("content")
        choices = _read_choices(response_content)
        if choices and choices != _media_choices(resp.get("content")):
            ctx.warn(
                f"{where}: response {status}: {_media_choices(resp.get('content'))[0][0]} documents no schema beside "
                f"{choices[0][0]}; the method streams it"
            )
        if choices:
            media, response_kind, content = choices[0]
            streamed = STREAM_MEDIA.get(media.split(";")[0].strip().lower())
            if streamed is not None:
                response_kind = streamed  # read as it arrives; the documented schema is each item's, said in words
            elif response_kind in ("multipart", "form"):
                response_kind = "binary"  # returned as the raw content for the caller to decode
            if response_kind == "binary" and _structured_wildcard(ctx, media, content.get("schema")):
                response_kind = "json"
            if response_kind == "json" and content.get("schema"):
                response_model = _model_for(ctx, content["schema"], f"{pascal}Response")
                response_example = _example(
                    ctx, content, content["schema"], labels, "response example", json_text=True, where=where
                )
                if response_example is None:
                    response_example = _synthesise(ctx, content["schema"], f"{where}: response {status}")
            elif response_kind == "json":
                response_kind = "any"
        break
    accept = accept_value(_read_media_types(ctx, where, responses))
    offered_stream = offered_flag = None
    beside = stream_beside(response_content) if response_model is not None else None
    if beside is not None:  # typed JSON or a stream: the stream gets a method of its own (_stream_twins)
        stream_accept = accept_value(_read_media_types(ctx, where, responses, stream=(str(response_status), beside[0])))
        offered_stream = (beside[0], beside[1], stream_accept)
        if body is not None and body.kind == "json" and body.model is not None:
            offered_flag = stream_flag(ctx.schemas, ctx.schemas.get(body.model))
    op_status = str(op.get("x-api-status") or "").upper()
    planned = version_status == "PLANNED" or op_status == "PLANNED"
    deprecated = bool(op.get("deprecated")) or op_status == "DEPRECATED" or version_status == "DEPRECATED"
    status = "PLANNED" if planned else "DEPRECATED" if deprecated else (op_status or version_status)
    sunset = _str_or_none(op.get("x-sunset")) or (version_sunset if version_status == "DEPRECATED" else None)
    raw_source = op.get("x-source")
    source: dict[str, Any] = raw_source if isinstance(raw_source, dict) else {}
    raw_docs = op.get("externalDocs")
    external: dict[str, Any] = raw_docs if isinstance(raw_docs, dict) else {}
    source_url = _str_or_none(source.get("url")) or _str_or_none(external.get("url"))
    pagination = _pagination(where, op, params, response_model) if "x-pagination" in op else None
    if pagination is None and response_model is not None and response_kind == "json":
        query = [p for p in params if p.location == "query" and not p.client_level]
        inferred = inferred_pagination(
            method, [(p.wire_name, _integer(p.annotation)) for p in query], ctx.schemas.get(response_model), ctx.schemas
        )
        if inferred is not None:  # offset/limit or page/per_page: a doubt worth a look, as the others are
            ctx.warn(
                f"{where}: paged by {inferred['style']}, inferred from {inferred['x-inferred']}: its iterator"
                " follows the pages"
            )
        else:
            found = inferred_next_paging(
                method,
                op,
                [(p.wire_name, _scalar_kind(p.annotation)) for p in query],
                ctx.schemas.get(response_model),
                ctx.schemas,
                link_header=any(name.lower() == "link" for name, _ in response_headers),
                request_body=ctx.schemas.get(body.model) if body is not None and body.kind == "json" else None,
            )
            for doubt in found.doubts:
                ctx.warn(f"{where}: no iterator: {doubt}")
            inferred = found.pagination
            if inferred is not None:
                how = inferred["x-inferred"]
                told = f"as its {how} declares" if how.startswith("x-ms-pageable") else f"inferred from {how}"
                ctx.warn(f"{where}: paged by {inferred['style']}, {told}: its iterator follows the pages")
        if inferred is not None:
            pagination = _pagination(where, {"x-pagination": inferred}, params, response_model)
            pagination.inferred = inferred["x-inferred"]
    return OperationIR(
        operation_id=operation_id,
        method_name=method_name,
        http_method=method.upper(),
        path=path,
        summary=summary,
        description=plain_text(str(op.get("description") or "")),
        source_url=source_url,
        source_heading=_str_or_none(source.get("heading")),
        params=params,
        body=body,
        response_model=response_model,
        response_status=response_status,
        response_kind=response_kind,
        response_headers=response_headers,
        body_alternatives=bodies[1:],
        response_example=response_example,
        status=status,
        deprecated=deprecated and not planned,
        planned=planned,
        sunset=sunset,
        pagination=pagination,
        security=_operation_security(ctx, where, op),
        accept=accept,
        offered_stream=offered_stream,
        offered_flag=offered_flag,
    )


def _security_requirements(requirements: Any) -> list[list[str]] | None:
    """Scheme names of each Security Requirement Object of a ``security`` list; None when it is no list."""
    if not isinstance(requirements, list):
        return None
    return [[str(name) for name in requirement] for requirement in requirements if isinstance(requirement, dict)]


def _operation_security(ctx: _Ctx, where: str, op: Mapping[str, Any]) -> list[list[str]] | None:
    """The operation's own ``security`` (OpenAPI "Operation Object": it replaces the document's), or None when it
    states none or the same as the document. A ``security`` that is no list is ignored with a warning."""
    if "security" not in op:
        return None
    own = _security_requirements(op["security"])
    if own is None:
        ctx.warn(f"{where}: security: expected a list of security requirements; the document's applies")
        return None
    _check_requirement_names(ctx, f"{where}: security", own)
    own = _one_token(ctx, f"{where}/security", own) or []
    documented = _security_requirements(ctx.doc.get("security"))
    if own == _one_token(ctx, None, documented):
        return None  # the document's requirement: warned of at /security
    for message in clash_warnings(f"{where}/security", own, _credential_targets(ctx)):
        ctx.warn(message)
    return own


def _one_token(ctx: _Ctx, where: str | None, requirements: list[list[str]] | None) -> list[list[str]] | None:
    """``requirements`` with an alternative naming several bearer-token schemes read as one token of any of them
    (:mod:`~scraper.clients.bearer_alternatives`); each such alternative recorded at ``where`` (None: not recorded,
    the document's list read again for a comparison)."""
    if requirements is None:
        return None
    if ctx.bearer_schemes is None:
        ctx.bearer_schemes = frozenset(s.name for s in _auth_schemes(ctx.doc) if s.kind == "bearer")
    if where is not None:
        for index, alternative in enumerate(requirements):
            named = list(dict.fromkeys(n for n in alternative if n in ctx.bearer_schemes))
            if len(named) > 1:
                ctx.one_token_places.append((f"{where}/{index}", named))
    return one_bearer_token(requirements, ctx.bearer_schemes)


def _drop_credential_params(ctx: _Ctx, operations: Sequence[OperationIR]) -> None:
    """Leave out the query and cookie parameters that are a credential the operation always sends: one spelled as an
    apiKey scheme's (``in: query, name: key``) where every alternative of the operation's security names a scheme
    sending it. The client's credential replaces such a parameter on the wire (and without one the call is refused
    before sending), so its argument could never be sent; header parameters of an apiKey scheme's name are left out
    already (``_auth_headers``). One warning per parameter name, with the count and the first place."""
    targets = _credential_targets(ctx)
    dropped: dict[tuple[str, str], list[str]] = {}
    for op in operations:
        if not op.authenticated or not op.requirements:
            continue
        always: set[str] | None = None
        for alternative in op.requirements:
            sent = {targets[name][0] for name in alternative if name in targets}
            always = sent if always is None else always & sent
        if not always:
            continue
        kept = []
        for p in op.params:
            if p.location in ("query", "cookie") and f"{p.location}:{p.wire_name}" in always:
                dropped.setdefault((p.location, p.wire_name), []).append(
                    ctx.where("paths", op.path, op.http_method.lower())
                )
            else:
                kept.append(p)
        op.params = kept
    for (location, name), places in sorted(dropped.items()):
        count = f" (and {len(places) - 1} more operations)" if len(places) > 1 else ""
        ctx.warn(
            f"{places[0]}: the {location} parameter ``{name}``{count} is the credential of an apiKey security scheme"
            " the operation always sends (the client's credential replaces it): it is no argument of the method"
        )


def _credential_targets(ctx: _Ctx) -> dict[str, tuple[str, str]]:
    """Scheme name -> where the client's keyword credential of it goes (:func:`credential_target`), for the schemes
    the clients take a keyword for (as :func:`_auth_schemes` decides: never a provider's signature or token)."""
    if ctx.credential_targets is None:
        ctx.credential_targets = {
            scheme.name: target
            for scheme in _auth_schemes(ctx.doc)
            if scheme.kind in _KEYWORD_KINDS and (target := credential_target(scheme.kind, scheme.key)) is not None
        }
    return ctx.credential_targets


def _read_media_types(
    ctx: _Ctx, where: str, responses: Mapping[Any, Any], *, stream: tuple[str, str] | None = None
) -> list[str]:
    """The media types the client reads from each documented response, in status order: the kind the first of
    :func:`_media_choices` is read as, every media type of that kind in document order (Text to Speech's ``audio/wav``
    and ``audio/mpeg`` are both bytes to the method); a response without content adds none. ``stream``: (status,
    media type) read instead of that response's JSON, for the method that streams it (``_stream_twins``)."""
    media_types: list[str] = []
    for status in sorted(responses, key=str):
        if stream is not None and str(status) == stream[0]:
            media_types.append(stream[1])
            continue
        response = _follow(ctx, responses[status], f"{where}: responses/{status}")
        content = response.get("content") if isinstance(response, dict) else None
        choices = _read_choices(content)
        if choices and isinstance(content, dict):
            media, kind, _ = choices[0]
            if media.split(";")[0].strip().lower() in STREAM_MEDIA:  # a stream read instead of its kind's first
                media_types.append(media)
                continue
            media_types.extend(media for media in content if _media_kind(media) == kind)
    return media_types


def _integer(annotation: str) -> bool:
    """Whether a parameter's annotation is ``int`` (``int | None`` too)."""
    try:
        return union_members(annotation) - {"None"} == {"int"}
    except SyntaxError:
        return False


def _scalar_kind(annotation: str) -> str:
    """``string``, ``integer`` or ``other``: what a parameter's annotation (``str | None`` too) takes."""
    try:
        members = union_members(annotation) - {"None"}
    except SyntaxError:
        return "other"
    return "string" if members == {"str"} else "integer" if members == {"int"} else "other"


_PAGING_STYLES = ("offset", "marker", "page", "token", "cursor", "link")


def _pagination(
    where: str, op: Mapping[str, Any], params: Sequence[ParamIR], response_model: str | None
) -> PaginationIR:
    """``x-pagination`` checked against the operation: the named parameters exist as query parameters and the
    2xx response has a JSON body. Anything else is an error naming the operation (the extension is ours, so a
    malformed one is a bug in the spec, not something to guess around)."""
    raw = op["x-pagination"]
    here = f"{where}: x-pagination"
    if not isinstance(raw, dict):
        raise GenerationError(f"{here}: expected a mapping {{style, items, limit, offset|marker}}; got {raw!r:.80}")
    style = raw.get("style")
    if style not in _PAGING_STYLES:
        raise GenerationError(f"{here}.style is {style!r}; expected one of {', '.join(map(repr, _PAGING_STYLES))}")
    items = raw.get("items", "")
    if not isinstance(items, str):  # absent or "": the body itself is the page, checked once the schemas are final
        raise GenerationError(f"{here}.items is {items!r}; expected the name of the array property of the 2xx body")
    if response_model is None:
        raise GenerationError(f"{here}: the operation has no 2xx JSON response body to take {items!r} from")
    query = {p.wire_name: p for p in params if p.location == "query" and not p.client_level}

    def param(key: str) -> ParamIR:
        name = raw.get(key)
        if not isinstance(name, str) or name not in query:
            raise GenerationError(
                f"{here}.{key} is {name!r}; expected the name of one of the operation's query parameters "
                f"({', '.join(sorted(query)) or 'none'})"
            )
        return query[name]

    if style in ("token", "cursor", "link"):
        return _next_page_pagination(here, raw, style, items, param)
    limit = param("limit")
    cursor = param(style)
    if limit is cursor:
        raise GenerationError(f"{here}: limit and {style} name the same parameter {limit.wire_name!r}")
    next_marker = None
    if style == "marker":
        next_marker = raw.get("next-marker")
        if not isinstance(next_marker, str) or not next_marker:
            raise GenerationError(
                f"{here}.next-marker is {next_marker!r}; expected the item field whose value is the next marker"
            )
    default = limit.default
    if not (isinstance(default, int) and not isinstance(default, bool) and default > 0):
        # 100, or the documented maximum when lower: a server may refuse a page size above it
        default = min(100, limit.maximum) if limit.maximum is not None and limit.maximum >= 1 else 100
    return PaginationIR(
        style=style,
        items=items,
        limit=limit,
        cursor=cursor,
        next_marker=next_marker,
        default_limit=default,
        declared_at=here,
    )


def _next_page_pagination(
    here: str, raw: Mapping[str, Any], style: str, items: str, param: Callable[[str], ParamIR]
) -> PaginationIR:
    """A listing whose pages name the next one (``next_page_inference``): ``next``, the body field naming it (a list
    of property names, or one name); ``token``/``cursor``, the query parameter asking for it; ``cursor-field``, the
    item field a cursor is (default ``id``)."""
    header = raw.get("next-header", "")
    if header and (style != "link" or not isinstance(header, str) or header.lower() != "link"):
        raise GenerationError(f"{here}.next-header is {header!r}; only a link listing's ``Link`` header is read")
    path = raw.get("next", [] if header else None)
    path = [path] if isinstance(path, str) else path
    if not isinstance(path, list) or not all(isinstance(name, str) and name for name in path) or not (path or header):
        raise GenerationError(f"{here}.next is {raw.get('next')!r}; expected the body field naming the next page")
    field = raw.get("token-field")
    if field is not None and (style != "token" or not isinstance(field, str) or not field or "token" in raw):
        raise GenerationError(f"{here}.token-field is {field!r}; expected the request body field of a token listing")
    cursor = param(style) if style != "link" and field is None else None
    cursor_field = raw.get("cursor-field", "id")
    if style == "cursor" and not (isinstance(cursor_field, str) and cursor_field):
        raise GenerationError(f"{here}.cursor-field is {cursor_field!r}; expected the item field the cursor is")
    if not items and not header:  # a body naming the next page is an object; a Link header's may be the array
        raise GenerationError(f"{here}.items is missing; expected the name of the array property of the 2xx body")
    return PaginationIR(
        style=style,
        items=items,
        limit=None,
        cursor=cursor,
        next_marker=None,
        default_limit=0,
        declared_at=here,
        next_path=tuple(path),
        cursor_field=str(cursor_field) if style == "cursor" else "",
        next_header="Link" if header else "",
        body_token=str(field or ""),
    )


def _find_items(
    ctx: _Ctx, op: OperationIR, paging: PaginationIR, response_model: str, nullable: frozenset[str] | None = None
) -> None:
    """Where a listing's items are, once the schemas are final: the body itself when it is an array (GitHub's
    listings, the petstore's ``GET /pets``; ``x-pagination.items`` then names nothing), else the array property
    ``items`` names (:func:`listing_items`). A body that is neither is an error naming the declaration."""
    element = list_items(op.response_value)
    if element is not None:
        if paging.items:
            ctx.warn(
                f"{paging.declared_at}.items is {paging.items!r}, but the 2xx body is itself an array: "
                "the iterator yields the body's items"
            )
        marker = model_attribute(paging.next_marker) if paging.next_marker is not None else None
        paging.found = ItemsIR(attr=None, kind="root", model=element, marker_attr=marker)
        return
    if not paging.items:
        raise GenerationError(
            f"{paging.declared_at}.items is missing; expected the name of the array property of the 2xx body "
            "(only a body that is itself an array needs none)"
        )
    found = listing_items(ctx.schemas, response_model, paging.items, paging.next_marker)
    if found.kind == "model" and nullable is not None and found.model in nullable:
        found = dataclasses.replace(found, nullable=True)  # DigitalOcean's kernels: items of a nullable component
    paging.found = found


def _media_keyword(params: list[ParamIR]) -> str:
    """The name of a method's media type keyword: ``content_type``, or the next free ``content_type_<n>`` when a
    parameter's Python name is that (a query ``contentType``); the docstring names each."""
    return naming.dedupe(["content_type"], taken={p.py_name for p in params})[0]


def _media_kind(media: str) -> str:
    """How a body of this media type travels: json, form, multipart, text (``text/*``, XML, YAML: Kubernetes'
    ``application/apply-patch+yaml`` is text the caller writes) or binary."""
    lowered = media.lower()
    if _JSON_MEDIA.match(lowered):
        return "json"
    if lowered.startswith("multipart/"):
        return "multipart"
    if lowered.startswith("application/x-www-form-urlencoded"):
        return "form"
    if lowered.startswith("text/") or re.match(r"^application/(?:[\w.+-]*\+)?(?:xml|yaml)\b", lowered):
        return "text"
    if re.match(r"^application/x-yaml\b", lowered):
        return "text"
    return "binary"


def _names_fields(ctx: _Ctx, schema: Any, depth: int = 0) -> bool:
    """Whether a form or multipart body's schema is an object with properties (itself or through ``allOf``, a few
    levels deep: a cycle ends), so datamodel-code-generator makes a model of its fields the method can take; a
    schema-less body stays a mapping."""
    resolved = _resolve(ctx, schema)
    kinds = resolved.get("type", "object")
    if kinds != "object" and not (isinstance(kinds, list) and "object" in kinds):
        return False
    if isinstance(resolved.get("properties"), dict) and resolved["properties"]:
        return True
    members = resolved.get("allOf")
    return depth < 8 and isinstance(members, list) and any(_names_fields(ctx, m, depth + 1) for m in members)


def _is_error_response(ctx: _Ctx, response: Any) -> bool:
    """Whether a ``default`` response is the document's error shape: its JSON schema is a ``$ref`` the document
    also gives a 4xx/5xx response, or the ``default`` of an operation that documents its successes (an operation
    with only ``default: Error`` succeeds with something undocumented, often an empty 204, which that model would
    refuse)."""
    if ctx.error_refs is None:
        ctx.error_refs = _error_refs(ctx)
    return bool(_response_refs(ctx, response) & ctx.error_refs)


def _error_refs(ctx: _Ctx) -> frozenset[str]:
    found: set[str] = set()
    paths = ctx.doc.get("paths")
    for item in paths.values() if isinstance(paths, dict) else []:
        for op in item.values() if isinstance(item, dict) else []:
            responses = op.get("responses") if isinstance(op, dict) else None
            if not isinstance(responses, dict):
                continue
            succeeds = any(str(status).startswith("2") for status in responses)
            for status, response in responses.items():
                if str(status)[:1] in ("4", "5") or (str(status) == "default" and succeeds):
                    found |= _response_refs(ctx, response)
    return frozenset(found)


def _response_refs(ctx: _Ctx, response: Any) -> set[str]:
    """The schema ``$ref``s a response's JSON media types name directly (the response itself followed)."""
    try:
        response = refs.follow(ctx.doc, response)
    except refs.RefError:
        return set()
    content = response.get("content") if isinstance(response, dict) else None
    if not isinstance(content, dict):
        return set()
    schemas = [media.get("schema") for media in content.values() if isinstance(media, dict)]
    return {schema["$ref"] for schema in schemas if isinstance(schema, dict) and isinstance(schema.get("$ref"), str)}


def _structured_wildcard(ctx: _Ctx, media: str, schema: Any) -> bool:
    """Whether a response under a wildcard media type (``*/*``, ``application/*``) is JSON: its schema is a
    structure, not a string. springdoc-openapi documents every Spring endpoint's response as ``*/*`` with the
    model's schema; a JSON parser is what reads that model (a binary or text string stays the raw content)."""
    if media.split(";")[0].strip().lower() not in ("*/*", "application/*") or not isinstance(schema, dict):
        return False
    resolved = _resolve(ctx, schema)
    kinds = resolved.get("type")
    return bool(resolved) and kinds != "string" and not (isinstance(kinds, list) and "string" in kinds)


def _response_headers(ctx: _Ctx, response: Mapping[str, Any], where: str) -> list[tuple[str, str]]:
    """The headers a response documents: (name, its description's first line), in document order; references
    followed, ``Content-Type`` left out (OpenAPI says it is ignored there)."""
    headers = response.get("headers")
    out: list[tuple[str, str]] = []
    for name, header in headers.items() if isinstance(headers, dict) else []:
        if not isinstance(name, str) or is_extension(name) or name.lower() == "content-type":
            continue
        followed = _follow(ctx, header, f"{where}: headers/{name}")
        described = followed.get("description") if isinstance(followed, dict) else None
        text = described.strip().split("\n")[0].strip() if isinstance(described, str) else ""
        out.append((name, text))
    return out


def _media_choices(content: Any) -> list[tuple[str, str, dict[str, Any]]]:
    """``(media type, kind, media object)`` per offered media type, JSON first, then in document order sorted by
    kind (form, multipart, text, binary) so the choice is stable; one entry per kind."""
    if not isinstance(content, dict):
        return []
    order = {"json": 0, "form": 1, "multipart": 2, "text": 3, "binary": 4}
    seen: set[str] = set()
    out = []
    for media in sorted(content, key=lambda m: (order[_media_kind(m)], m)):
        kind = _media_kind(media)
        if kind in seen:
            continue
        seen.add(kind)
        out.append((media, kind, content[media] if isinstance(content[media], dict) else {}))
    return out


def _read_choices(content: Any) -> list[tuple[str, str, dict[str, Any]]]:
    """:func:`_media_choices` in the order the method reads them: JSON first, except that a JSON body documenting
    nothing (no schema, or ``{}``) beside an event stream or JSON lines gives way to the stream (Letta's
    ``/v1/runs/{run_id}/stream``: ``application/json: {schema: {}}`` and ``text/event-stream``); the stream is then
    each item's, as for an operation that offers only the stream."""
    choices = _media_choices(content)
    streams = [
        (media, kind, item)
        for media, kind, item in (
            (m, _media_kind(m), c if isinstance(c, dict) else {})
            for m, c in (content.items() if isinstance(content, dict) else ())
        )
        if media.split(";")[0].strip().lower() in STREAM_MEDIA
    ]
    if not (choices and streams and choices[0][1] == "json") or choices[0][2].get("schema") not in (None, {}):
        return choices
    return [streams[0], *(c for c in choices if c[0] != streams[0][0])]


def _build_params(
    ctx: _Ctx, where: str, path: str, shared: list[Any], own: list[Any], labels: set[str]
) -> list[ParamIR]:
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for raw in [*shared, *own]:
        param = _resolve_param(ctx, raw, where)
        if param is None:
            continue
        merged[(str(param["name"]), str(param["in"]))] = param
    _repair_path_params(ctx, where, path, merged)
    ordered = sorted(
        merged.values(),
        key=lambda p: ({"path": 0, "query": 1, "header": 2, "cookie": 3}[p["in"]], not p.get("required")),
    )
    path_order = re.findall(r"\{([^{}]+)\}", path)
    ordered.sort(key=lambda p: path_order.index(p["name"]) if p["in"] == "path" else len(path_order))
    py_names = naming.dedupe(
        [naming.safe_identifier(str(p["name"]), fallback="param", reserved=RESERVED_PARAMS) for p in ordered]
    )
    out = []
    for param, py_name in zip(ordered, py_names, strict=True):
        here = f"{where}: parameter {param['name']!r} ({param['in']})"
        style, explode, schema = _param_style(ctx, here, param)
        required = bool(param.get("required")) or param["in"] == "path"
        fixed = required and "const" in schema
        example = None
        what = f"parameter {param['name']!r}"
        if fixed:
            example = ExampleCheck(schema["const"])
        elif required and not param.get("x-client-parameter") and (only := _only_value(ctx, schema)) is not None:
            # a required parameter whose enum has one value is that value (AWS's X-Amz-Target: one per operation):
            # sent always, as a const is, rather than an argument every call must repeat
            fixed, example = True, ExampleCheck(only[0])
        elif (version := document_version_value(param, _resolve(ctx, schema), ctx.version)) is not None:
            fixed, example = True, ExampleCheck(version)
            ctx.version_param_places.append((here.split(": parameter ")[0], str(param["name"])))
        elif param.get("example") is not None:  # example: null is how some generators write "none" (_example)
            example = _check_value(ctx, param["example"], schema, labels, what)
        elif isinstance(param.get("examples"), dict) and param["examples"]:
            example = _example(ctx, param, schema, labels, what, where=here)
        elif schema.get("example") is not None:
            example = _check_value(ctx, schema["example"], schema, labels, what)
        elif required and not param.get("x-client-parameter"):
            example = _synthesise(ctx, schema, here)
        if example is not None and example.problem and isinstance(example.value, str | int | float):
            wire_value = _wire_value(ctx, example.value, schema)
            if wire_value is not example.value:  # the documented text is what the client sends for this value
                example = _check_value(ctx, wire_value, schema, labels, what)
        if example is not None and example.problem and not param.get("x-client-parameter"):
            example = _instead_of_invalid(ctx, schema, here, example, required)
        reserved = _reserved(ctx, param, style, schema)
        if reserved and example is not None and path_segments.has_refused_part(example.value):
            refused = f"{example.value!r} has an empty, '.' or '..' part, which the client refuses"
            ctx.warn(f"{here}: {refused}; no request contract test")
            example = ExampleCheck(example.value, problem=refused)
        elif param["in"] == "path" and style in ("", "simple") and example is not None:
            example = _carried_path_value(ctx, schema, here, example)
        annotation = _annotation(ctx, schema)
        if param["in"] == "path":  # None would become the text "None" in the URL
            annotation = " | ".join(a for a in (x.strip() for x in annotation.split("|")) if a != "None") or "Any"
        _check_default(ctx, here, schema)
        if param["in"] == "path" and param.get("required") is not True:
            ctx.warn(f"{here}: a path parameter is always required (the spec says required: {param.get('required')})")
        out.append(
            ParamIR(
                wire_name=str(param["name"]),
                py_name=py_name,
                location=str(param["in"]),
                required=required,
                annotation=annotation,
                description=plain_text(str(param.get("description") or "")),
                example=example,
                client_level=bool(param.get("x-client-parameter")),
                default=_resolve(ctx, schema).get("default") if isinstance(schema, dict) else None,
                maximum=_integer_maximum(_resolve(ctx, schema)) if isinstance(schema, dict) else None,
                fixed=fixed,
                style=style,
                explode=explode,
                deprecated=param.get("deprecated") is True,
                reserved=reserved,
            )
        )
    return out


def _reserved(ctx: _Ctx, param: Mapping[str, Any], style: str, schema: Any) -> bool:
    """Whether a path parameter's value is sent with its slashes as segment separators: a plain string marked
    ``x-reservedExpansion: true`` (what Google's discovery-to-OpenAPI conversion writes for RFC 6570's ``{+name}``)
    or ``allowReserved: true`` (which OpenAPI defines for query parameters only; on a path parameter the author's
    meaning is the same). Only ``/`` is kept: every other character is escaped as in any path segment, which a
    server decodes alike, and each part is checked as a segment (never empty, ``.`` or ``..``)."""
    if (
        param["in"] != "path"
        or style != ""
        or not (param.get("x-reservedExpansion") is True or param.get("allowReserved") is True)
    ):
        return False
    kind = _resolve(ctx, schema).get("type", "string") if isinstance(schema, dict) else "string"
    return kind == "string"


def _integer_maximum(schema: Any) -> int | None:
    """The largest integer a schema allows, when it says (``maximum``, or ``exclusiveMaximum`` as a number)."""
    if not isinstance(schema, dict):
        return None
    bounds = []
    maximum, exclusive = schema.get("maximum"), schema.get("exclusiveMaximum")
    if isinstance(maximum, int | float) and not isinstance(maximum, bool):
        bounds.append(math.floor(maximum) - (1 if exclusive is True and maximum == math.floor(maximum) else 0))
    if isinstance(exclusive, int | float) and not isinstance(exclusive, bool):
        bounds.append(math.ceil(exclusive) - 1)
    return min(bounds) if bounds else None


def _repair_path_params(ctx: _Ctx, where: str, path: str, merged: dict[tuple[str, str], dict[str, Any]]) -> None:
    """Make the declared path parameters and the path's ``{placeholders}`` agree, reporting every repair.

    Documents often disagree with their own paths: a placeholder renamed in the path but not in the parameter
    list, or not declared at all. When as many placeholders lack a declaration as declared path parameters lack
    a placeholder, they are paired in order (the declaration, with its schema, fills the placeholder); otherwise
    each undeclared placeholder becomes a required string parameter and each unplaced declaration goes to the
    query: under a ``key={placeholder}`` pair of the documented query string named like it, else under its own name
    (the one other place in the URL; dropped when the query already has one of that name)."""
    placeholders = list(dict.fromkeys(re.findall(r"\{([^{}]+)\}", path)))
    undeclared = [name for name in placeholders if (name, "path") not in merged]
    unplaced = [name for name, location in merged if location == "path" and name not in placeholders]
    templated = {str(p[_QUERY_PLACEHOLDER]): key for key, p in merged.items() if _QUERY_PLACEHOLDER in p}
    for key in templated.values():  # a copy without the mark: the path item's other operations share the original
        merged[key] = {k: v for k, v in merged[key].items() if k != _QUERY_PLACEHOLDER}
    if undeclared and len(undeclared) == len(unplaced) and not set(unplaced) & set(templated):
        for placeholder, declared in zip(undeclared, unplaced, strict=True):
            ctx.warn(f"{where}: path parameter {declared!r} is not in the path; taken as {{{placeholder}}}")
            merged[(placeholder, "path")] = {**merged.pop((declared, "path")), "name": placeholder}
        unplaced = []
        undeclared = []
    for placeholder in undeclared:
        ctx.warn(f"{where}: the path uses {{{placeholder}}} but declares no such parameter; sent as a string")
        merged[(placeholder, "path")] = {
            "name": placeholder,
            "in": "path",
            "required": True,
            "schema": {"type": "string"},
        }
    for declared in unplaced:
        param = merged.pop((declared, "path"))
        if declared in templated:
            key = templated.pop(declared)
            ctx.warn(
                f"{where}: path parameter {declared!r} is the query string's {key[0]}={{{declared}}}; sent as the"
                f" query parameter {key[0]!r}"
            )
            merged[key] = {**param, "name": key[0], "in": "query"}
            continue
        if (declared, "query") in merged:
            ctx.warn(f"{where}: path parameter {declared!r} does not appear in the path as {{{declared}}}; skipped")
            continue
        # the one other place a URL has for it: documents that declare a query parameter 'in: path' (icons8's
        # search 'term') mean the query, and dropping it left the method unable to send it
        ctx.warn(
            f"{where}: path parameter {declared!r} does not appear in the path as {{{declared}}}; sent as a query"
            " parameter"
        )
        merged[(declared, "query")] = {**param, "in": "query"}
    for placeholder, key in templated.items():
        ctx.warn(
            f"{where}: the query string's {key[0]}={{{placeholder}}} declares no such parameter; a required string"
        )


#: Styles each location allows (OpenAPI 3.x, "Style Values"); the first is the location's default.
_STYLES = {
    "path": ("simple", "label", "matrix"),
    "query": ("form", "spaceDelimited", "pipeDelimited", "deepObject"),
    "header": ("simple",),
    "cookie": ("form",),
}


def _param_style(ctx: _Ctx, where: str, param: Mapping[str, Any]) -> tuple[str, bool, dict[str, Any]]:
    """``(style, explode, schema)`` of a parameter: style ``""`` when a plain value sent the default way does it
    (scalars, form-exploded arrays), ``"json"`` for a ``content: application/json`` parameter. A style the location
    does not allow is a warning and the default."""
    location = str(param["in"])
    raw_schema = param.get("schema")
    schema: dict[str, Any] = raw_schema if isinstance(raw_schema, dict) else {}
    content = param.get("content")
    if not raw_schema and isinstance(content, dict) and content:
        media = sorted(content)[0]
        media_schema = content[media].get("schema") if isinstance(content[media], dict) else None
        schema = media_schema if isinstance(media_schema, dict) else {}
        if _JSON_MEDIA.match(media) and location == "query":
            return "json", False, schema
        ctx.warn(f"{where}: content {media!r} is sent as plain text")
        return "", False, schema
    allowed = _STYLES[location]
    style = str(param.get("style") or allowed[0])
    if style not in allowed:
        ctx.warn(f"{where}: style {style!r} is not allowed here; sent as {allowed[0]!r}")
        style = allowed[0]
    explode = bool(param.get("explode", style == "form"))
    if param.get("allowReserved") and location != "path":  # a path's: see _reserved
        ctx.warn(f"{where}: allowReserved is not honoured; reserved characters are percent-encoded")
    kind = _resolve(ctx, schema).get("type")
    kinds = set(kind) if isinstance(kind, list) else {kind}
    if location == "query":  # the transport sends scalars as is and lists as repeated keys (form, exploded)
        default_way = style == "form" and "object" not in kinds and (explode or "array" not in kinds)
    elif location == "cookie":
        default_way = False  # cookies travel in one Cookie header
    else:  # path and header values go through the simple-style helpers, which join lists (and objects) with commas
        default_way = style == "simple" and not (explode and "object" in kinds)
    return ("" if default_way else style), explode, schema


def _check_default(ctx: _Ctx, where: str, schema: Mapping[str, Any]) -> None:
    """A documented default that does not match its own schema is reported (the client does not send defaults)."""
    if "default" in schema and _validation_error(ctx, schema["default"], dict(schema)) is not None:
        ctx.warn(f"{where}: default {schema['default']!r:.60} does not match its schema; ignored")


def _resolve_param(ctx: _Ctx, raw: Any, where: str) -> dict[str, Any] | None:
    raw = _follow(ctx, raw, f"{where}: parameter")
    if not isinstance(raw, dict) or "name" not in raw or "in" not in raw:
        ctx.warn(f"{where}: a parameter needs 'name' and 'in'; got {raw!r:.80}; skipped")
        return None
    if str(raw["name"]) == "":  # sent as '?=value' (or an empty header/cookie name): no server reads that
        ctx.warn(f"{where}: a {raw['in']!s:.20} parameter with an empty name; skipped")
        return None
    if raw["in"] not in ("path", "query", "header", "cookie"):
        ctx.warn(f"{where}: parameter {str(raw['name'])!r} has unknown location {raw['in']!r}; skipped")
        return None
    if raw["in"] == "header" and not _HEADER_TOKEN.fullmatch(str(raw["name"])):
        ctx.warn(f"{where}: header parameter {str(raw['name'])!r} is not a valid HTTP header name; skipped")
        return None
    return raw


def _only_value(ctx: _Ctx, schema: Any) -> tuple[str | int | bool] | None:
    """``(value,)`` when ``schema`` admits one value only: an ``enum`` of one string, integer or boolean (not
    nullable, no ``x-ms-enum`` saying the set is open); else None."""
    resolved = _resolve(ctx, schema) if isinstance(schema, dict) and "$ref" in schema else schema
    if not isinstance(resolved, dict) or resolved.get("nullable") is True or open_enums.is_open_enum(resolved):
        return None
    enum = resolved.get("enum")
    if isinstance(enum, list) and len(enum) == 1 and isinstance(enum[0], str | int | bool):
        return (enum[0],)
    return None


_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}
#: A string parameter of these formats also takes the date or datetime it means (the runtime writes ISO 8601,
#: ``docs2client_runtime.serialize.iso_text``); the text is still taken, so existing calls keep working.
_DATE_FORMATS = {"date": "_dt.date", "date-time": "_dt.datetime"}


def _annotation(ctx: _Ctx, schema: Any, depth: int = 0) -> str:
    """A Python type for a parameter schema, built only from safe tokens and quoted (``py_literal``) enum values."""
    if depth > 8:
        return "Any"
    schema = _resolve(ctx, schema) if isinstance(schema, dict) and "$ref" in schema else schema
    if not isinstance(schema, dict) or not schema:
        return "Any"
    nullable = bool(schema.get("nullable"))
    enum = schema.get("enum")
    if isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum):
        text = "Literal[" + ", ".join(py_literal(v) for v in enum) + "]"
        if open_enums.is_open_enum(schema):
            text += " | str"  # Azure's modelAsString: the known values or any string
        return f"{text} | None" if nullable else text
    for key in ("anyOf", "oneOf"):
        if isinstance(schema.get(key), list):
            parts = _unique(_annotation(ctx, s, depth + 1) for s in schema[key])
            return "Any" if "Any" in parts else " | ".join(parts)
    types = schema.get("type")
    type_list = types if isinstance(types, list) else [types] if types else []
    parts = []
    for t in type_list:
        if t == "array":
            parts.append(f"list[{_annotation(ctx, schema.get('items') or {}, depth + 1)}]")
        elif t == "object":
            parts.append("dict[str, Any]")
        elif t == "string" and isinstance(fmt := schema.get("format"), str) and fmt in _DATE_FORMATS:
            parts.extend((_DATE_FORMATS[fmt], "str"))
        elif t in _SCALARS:
            parts.append(_SCALARS[t])
    if not parts:
        return "Any"
    if nullable and "None" not in parts:
        parts.append("None")
    return " | ".join(_unique(parts))


def _unique(items: Any) -> list[str]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def _client_params(operations: Sequence[OperationIR], *, taken: set[str]) -> list[ParamIR]:
    """Parameters marked ``x-client-parameter`` become constructor arguments, one per wire name; ``taken`` are
    the server variables' argument names (a parameter also called ``region`` becomes ``region_2``)."""
    seen: dict[str, ParamIR] = {}
    for op in operations:
        for p in op.params:
            if p.client_level and p.wire_name not in seen:
                seen[p.wire_name] = p
    params = sorted(seen.values(), key=lambda p: p.wire_name)
    names = naming.dedupe(
        [naming.safe_identifier(p.wire_name, fallback="param", reserved=CLIENT_KWARGS) for p in params], taken=taken
    )
    for p, n in zip(params, names, strict=True):
        p.py_name = n
    for op in operations:
        for p in op.params:
            if p.client_level:
                p.py_name = seen[p.wire_name].py_name
    return params


def _client_headers(operations: Sequence[OperationIR], *, taken: Sequence[str]) -> list[ParamIR]:
    """The header parameters that are the client's (``client_headers``): each becomes an optional constructor
    keyword (its method argument's name unless the constructor has that one: ``taken`` and the constructor's own),
    and every method's parameter of that name an optional override of it. One parameter per header, in name order."""
    documented = {(op.http_method, op.path, op.operation_id): op for op in operations}  # not twins, not variants
    lifted = client_wide_headers(documented.values())
    first: dict[str, ParamIR] = {}
    for op in operations:
        for p in op.params:
            if p.location == "header" and p.wire_name.lower() in lifted:
                first.setdefault(p.wire_name.lower(), p)
    chosen = [first[name] for name in lifted]
    names = naming.dedupe([p.py_name for p in chosen], taken=[*taken, *CLIENT_KWARGS])
    keyword = {p.wire_name.lower(): name for p, name in zip(chosen, names, strict=True)}
    for op in operations:
        for p in op.params:
            if p.location == "header" and p.wire_name.lower() in keyword:
                p.required, p.client_default = False, keyword[p.wire_name.lower()]
    return chosen


# --------------------------------------------------------------------------------------------------------- examples


def _example(
    ctx: _Ctx,
    content: Mapping[str, Any],
    schema: Any,
    labels: set[str],
    what: str,
    *,
    json_text: bool = False,
    where: str = "",
) -> ExampleCheck | None:
    """The documented example of a media type or parameter, checked; None without one. ``example: null`` counts as
    none: generators write it on every schema they have no example for (HubSpot), and a null body or field where
    null is invalid only made the contract test an expected failure."""
    if content.get("example") is not None:
        value = content["example"]
    elif isinstance(content.get("examples"), dict) and content["examples"]:
        name = sorted(content["examples"])[0]
        try:
            first = refs.follow(ctx.doc, content["examples"][name])
        except refs.RefError as exc:  # an example is documentation: without it the operation is still generated
            ctx.warn(f"{where}: {what}: examples/{name}: {exc}; no example used")
            return None
        if not isinstance(first, dict) or "value" not in first:
            return None
        value = first["value"]
    else:
        return None
    if json_text and isinstance(value, str) and _structured(ctx, schema):
        try:
            decoded = json.loads(value)
        except (ValueError, RecursionError):  # not JSON, or nested deeper than the parser goes
            decoded = None
        if isinstance(decoded, dict | list):  # pasted JSON text where a JSON object or array is meant
            ctx.warn(f"{where}: {what} is JSON text in a string; decoded")
            value = decoded
    return _check_value(ctx, value, schema, labels, what)


def _structured(ctx: _Ctx, schema: Any) -> bool:
    """Whether a body schema describes an object or array (what its generated model parses), stated or implied."""
    resolved = _resolve(ctx, schema)
    kind = resolved.get("type")
    return kind in ("object", "array") or (kind is None and ("properties" in resolved or "items" in resolved))


def _synthesise(ctx: _Ctx, schema: Any, where: str) -> ExampleCheck | None:
    """A schema-valid value for a contract test where the spec documents none; None when none can be made."""
    try:
        value = synthesis.instance(ctx.doc, schema, check=lambda v, s: _validation_error(ctx, v, s) is None)
    except synthesis.Unsatisfiable:
        return None
    error = _validation_error(ctx, value, schema)
    if error is not None and "is valid under each of" in error:
        # oneOf options that overlap for every value: no value can be valid, the schema is what is wrong
        ctx.warn(f"{where}: oneOf options overlap, no value matches exactly one; synthesised anyway ({error:.120})")
    elif error is not None:
        return None
    return ExampleCheck(value, synthesised=True)


_WIRE_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")
_WIRE_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")


def _wire_value(ctx: _Ctx, text: str | int | float, schema: Any) -> Any:
    """The boolean or number whose wire text (what the client sends for it) is exactly ``text``, when the
    parameter's schema takes one and no string; else ``text`` itself. A parameter is text on the wire and
    documents write its example so (Twilio: ``example: 'true'`` for a boolean). The other way round, a scalar shown
    for a string parameter (Box: ``batch_id: 123``) is its wire text, the same on the wire."""
    kind = _resolve(ctx, schema).get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    if not isinstance(text, str):
        return wire_text(text) if kinds == ["string"] else text
    if "string" in kinds:
        return text
    candidates: list[Any] = []
    if "boolean" in kinds and text in ("true", "false"):
        candidates.append(text == "true")
    if ("integer" in kinds or "number" in kinds) and _WIRE_INTEGER.fullmatch(text):
        candidates.append(int(text))
    elif "number" in kinds and _WIRE_NUMBER.fullmatch(text):
        candidates.append(float(text))
    return next((c for c in candidates if wire_text(c) == text), text)


def _instead_of_invalid(
    ctx: _Ctx, schema: Any, where: str, example: ExampleCheck, required: bool
) -> ExampleCheck | None:
    """What the contract test sends for a parameter whose documented example its schema rejects: a synthesised
    value, else (an optional parameter) nothing, so one wrong example does not cost the operation its request case;
    a required parameter without a valid value keeps the example (the case is omitted, saying why)."""
    synthesised = _synthesise(ctx, schema, where)
    if synthesised is None and required:
        return example
    instead = "a synthesised value" if synthesised is not None else "no value"
    ctx.warn(f"{where}: {example.problem:.200}; the contract test sends {instead}")
    return synthesised


def _carried_path_value(ctx: _Ctx, schema: Any, where: str, example: ExampleCheck) -> ExampleCheck:
    """``example`` when a path can carry it; else, with a warning, a value of the schema that it can (the runtime
    refuses an empty, ``.`` or ``..`` segment, so a contract test sending one fails), or the example marked as
    having no such value (the operation then has no request case, and says why)."""
    if not path_segments.is_refused(example.value):
        return example
    synthesised = _synthesise(ctx, schema, where)
    start = synthesised.value if synthesised is not None else example.value
    found, value = path_segments.carried_value(
        ctx.doc, schema, start, check=lambda v, s: _validation_error(ctx, v, s) is None
    )
    refused = f"{example.value!r} cannot be sent in a path (the client refuses an empty, '.' or '..' segment)"
    if not found:
        ctx.warn(f"{where}: {refused}, nor can any other value its schema gives; no request contract test")
        return ExampleCheck(example.value, problem=f"{refused}, nor can any other value its schema gives")
    ctx.warn(f"{where}: {refused}; the contract test sends {value!r}")
    return ExampleCheck(value, synthesised=True)


def _check_value(ctx: _Ctx, value: Any, schema: Any, labels: set[str], what: str) -> ExampleCheck:
    """Validate an example against its schema; a mismatch carries the spec's finding when one names it."""
    error = _validation_error(ctx, value, schema)
    if error is None:
        return ExampleCheck(value)
    finding = _finding_for(ctx, labels, what)
    if finding is not None:
        # A request body the model repairs on the way in is sent without complaint (the test compares what is sent
        # with the model's dump), so the test is not certain to fail; a response must dump back to the example,
        # which a repaired value never does.
        repaired = what == "request body" and _coerced_by_models(ctx, value, schema)
        return ExampleCheck(value, problem=finding, known=not repaired)
    # our own check only: the model may still accept it (pydantic is more lenient than the schema), so not strict
    return ExampleCheck(value, problem=f"{what} does not match its schema: {error}", known=False)


@functools.cache
def _verdicts_salt() -> str:
    """What decides an example's verdict besides its content: this module's code and the validator's versions."""
    return checker_salt(
        (__file__, schema_keywords.__file__, discriminated_examples.__file__, linear_patterns.__file__),
        ("openapi-schema-validator", "jsonschema", "referencing", "pydantic-core"),
    )


def _validation_error(ctx: _Ctx, value: Any, schema: Any) -> str | None:
    """Why ``value`` does not match ``schema`` (the validator's best error), or None; remembered by content in
    ``ctx.verdicts`` (an edit of one operation checks only its own examples again, and an edit that changes none
    does not import the validator)."""
    if not isinstance(schema, dict):
        return None
    key = ctx.verdicts.key(value, schema) if ctx.verdicts is not None else None
    if key is not None and ctx.verdicts is not None:
        known, verdict = ctx.verdicts.get(key)
        if known and (verdict is None or isinstance(verdict, str)):
            return verdict
    checked, error = _checked_error(ctx, value, schema)
    if key is not None and ctx.verdicts is not None and checked:
        ctx.verdicts.put(key, error)
    return error


def _checked_error(ctx: _Ctx, value: Any, schema: dict[str, Any]) -> tuple[bool, str | None]:
    """``(checked, error)``: ``checked`` is False when the validator itself failed (a warning, reported again every
    run, so never remembered)."""
    from jsonschema.exceptions import best_match

    try:
        error = best_match(_example_errors(ctx, value, schema))
    except Exception as exc:  # the validator's own failure (an odd schema, an external ref) is not the example's
        here = f"{ctx.operation}: " if ctx.operation else ""
        ctx.warn(f"{here}an example could not be checked against its schema ({type(exc).__name__}); used as is")
        return False, None
    if error is None:
        return True, None
    location = "".join(f"[{p!r}]" for p in error.absolute_path)
    return True, f"{error.message[:200]}" + (f" (at {location})" if location else "")


def _example_errors(ctx: _Ctx, value: Any, schema: dict[str, Any]) -> Iterator[Any]:
    """The validator's errors for ``value`` against ``schema`` (in the version's document, as the models read it)."""
    openapi_30 = str(ctx.doc.get("openapi", "")).startswith("3.0")
    root = dict(schema_keywords.objects_typed(schema, null_type=not openapi_30))
    root["components"] = _components_as_models_read(ctx, null_type=not openapi_30)
    if ctx.missing_schemas and isinstance(root["components"], dict):  # anything, as the models type them
        present = root["components"].get("schemas")
        known = present if isinstance(present, dict) else {}
        root["components"] = {**root["components"], "schemas": {**{n: {} for n in ctx.missing_schemas}, **known}}
    root["paths"] = ctx.doc.get("paths") or {}  # local pointers into operations resolve too
    validator_cls = with_linear_patterns(_OAS30_WITH_NULL() if openapi_30 else _OAS31_DISCRIMINATED())
    return discriminated_examples.from_root(value, validator_cls(root).iter_errors(value))


@functools.cache
def _OAS31_DISCRIMINATED() -> Any:
    """The 3.1 validator with the ``discriminator`` keyword the models dispatch on (``discriminated_examples``).

    Built on jsonschema's Draft 2020-12 validator, which openapi-schema-validator's ``OAS31Validator`` extends with
    only what an instance check here does not use: ``pattern`` (replaced again by ``with_linear_patterns``), no-op
    annotation keywords (``example``, ``xml``, ``externalDocs``, ``description``; jsonschema ignores unknown
    keywords anyway) and a format checker (formats are not asserted: no checker is passed). Importing
    openapi-schema-validator costs ~0.15 s of a cold one-package run (it loads pydantic-settings for its own
    settings), on the path before the models can start."""
    from jsonschema.validators import Draft202012Validator, extend

    return extend(Draft202012Validator, validators={"discriminator": discriminator_errors})


@functools.cache
def _OAS30_WITH_NULL() -> Any:
    """The 3.0 validator that also knows JSON Schema's ``null`` type, as the models read it (``{type: 'null'}`` in
    a 3.0 document is ``None``: Slack's ``anyOf [X, {type: 'null'}]``); without it every example that met one went
    unchecked (``UndefinedTypeCheck``).

    ``allOf`` is JSON Schema's own: openapi-schema-validator's, beside a ``discriminator``, checks the instance
    against the schema the tag maps to instead, and an ``allOf`` parent's members extend it through ``allOf``, so it
    went from parent to member to parent until ``RecursionError`` (every example of Azure's polymorphic
    definitions: SecurityInsights' ``AlertRule``/``FusionAlertRule``), or, for a tag value naming no schema, called
    the example a mismatch. The ``discriminator`` keyword (``discriminated_examples``) still dispatches, once per
    instance and member."""
    from jsonschema.validators import Draft4Validator, extend
    from openapi_schema_validator import OAS30Validator

    checker = OAS30Validator.TYPE_CHECKER.redefine("null", lambda _checker, instance: instance is None)
    keywords = {"discriminator": discriminator_errors, "allOf": Draft4Validator.VALIDATORS["allOf"]}
    return extend(OAS30Validator, validators=keywords, type_checker=checker)


#: The key a :func:`_coerced_by_models` verdict is remembered under: the schema wrapped in it, so it never meets a
#: plain verdict of the same example and schema.
_COERCED_CHECK = "x-docs2client-coerced-by-models"

#: Strings pydantic's lax mode reads as booleans.
_BOOLEAN_WORDS = frozenset({"0", "1", "true", "false", "yes", "no", "on", "off", "t", "f", "y", "n"})


def _coerced_by_models(ctx: _Ctx, value: Any, schema: Any) -> bool:
    """Whether every way ``value`` misses ``schema`` is a type the generated models repair on the way in (pydantic's
    lax mode: ``1`` for a boolean, ``2.0`` or ``"2"`` for an integer, ``"1.5"`` for a number), so the model accepts
    the example the schema rejects: a request contract test strictly expecting it to fail passed, and failed the
    package's tests (NHN Compute Instance's ``"delete_on_termination": 1``). Any other kind of error, or a validator
    failure, says no."""
    if not isinstance(schema, dict):
        return False
    # remembered beside the plain verdicts (the same store, a key of its own): a regeneration whose edit touches no
    # example then never imports the validator (~0.3 s) for the one request body whose finding names its mismatch
    key = ctx.verdicts.key(value, {_COERCED_CHECK: schema}) if ctx.verdicts is not None else None
    if key is not None and ctx.verdicts is not None:
        known, verdict = ctx.verdicts.get(key)
        if known and isinstance(verdict, bool):
            return verdict
    try:
        errors = list(itertools.islice(_example_errors(ctx, value, schema), 50))
    except Exception:  # the validator's own failure: nothing is known to be repaired (reported, so not remembered)
        return False
    coerced = bool(errors) and all(_repaired_type(error) for error in errors)
    if key is not None and ctx.verdicts is not None:
        ctx.verdicts.put(key, coerced)
    return coerced


def _repaired_type(error: Any) -> bool:
    if error.validator != "type":
        return False
    expected = error.validator_value
    types = [expected] if isinstance(expected, str) else list(expected) if isinstance(expected, list) else []
    instance = error.instance
    if isinstance(instance, bool):
        return False
    for kind in types:
        if kind == "boolean" and (
            instance in (0, 1) or (isinstance(instance, str) and instance.lower() in _BOOLEAN_WORDS)
        ):
            return True
        if kind == "integer" and (
            (isinstance(instance, float) and instance.is_integer())
            or (isinstance(instance, str) and re.fullmatch(r"[+-]?\d+", instance) is not None)
        ):
            return True
        if (
            kind == "number"
            and isinstance(instance, str)
            and re.fullmatch(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?", instance)
        ):
            return True
    return False


def _components_as_models_read(ctx: _Ctx, *, null_type: bool) -> Any:
    """The document's components with every schema through :func:`schema_keywords.objects_typed`, made once per
    document (every example check of the version uses them)."""
    if ctx.components_typed is None:
        components = ctx.doc.get("components") or {}
        schemas = components.get("schemas") if isinstance(components, dict) else None
        if isinstance(schemas, dict):
            components = {
                **components,
                "schemas": {name: schema_keywords.objects_typed(s, null_type=null_type) for name, s in schemas.items()},
            }
        ctx.components_typed = components
    return ctx.components_typed


def _finding_for(ctx: _Ctx, labels: set[str], what: str) -> str | None:
    """The spec's own findings about this example: kind mentions ``example``, the subject names the operation
    (operationId, summary or ``METHOD /path``, optionally prefixed ``<service>:``), the version matches, and the
    message names the same part (request body / response / parameter) when it says which."""
    kind_word = "response" if what.startswith("response") else "request" if what.startswith("request") else "param"
    candidates = []
    for f in ctx.findings:
        if "mismatch" not in str(f.get("kind", "")) or "example" not in str(f.get("kind", "")):
            continue
        if f.get("version") is not None and str(f["version"]) != ctx.version:
            continue
        subject = str(f.get("subject", ""))
        if subject not in labels and subject.split(":", 1)[-1] not in labels:
            continue
        candidates.append(f)
    preferred = [f for f in candidates if kind_word in str(f.get("message", "")).lower()]
    chosen = preferred or candidates
    if not chosen:
        return None
    # The page, not the line: a test's data must not change when an unrelated row of the page moves.
    texts = [f"{f.get('kind')}: {f.get('message')} ({f.get('page')})" for f in chosen[:3]]
    more = f" (+{len(chosen) - 3} more)" if len(chosen) > 3 else ""
    return "; ".join(texts) + more


# ------------------------------------------------------------------------------------------------------ deprecation


def _op_key(op: OperationIR) -> str:
    return op.operation_id


def _link_deprecations(versions: Sequence[VersionIR]) -> None:
    """Fill ``newest_version`` (newest callable, non-deprecated version with the operation) and the message."""
    for version in versions:
        for op in version.operations:
            if not op.deprecated:
                continue
            newest = None
            for other in reversed(versions):
                if other.status in ("PLANNED", "DEPRECATED"):
                    continue
                match = next(
                    (
                        o
                        for o in other.operations
                        if (
                            _op_key(o) == _op_key(op)
                            or (
                                (o.http_method, o.path) == (op.http_method, op.path)
                                and not (o.shares_path or op.shares_path)
                            )
                        )
                        and not o.deprecated
                        and not o.planned
                    ),
                    None,
                )
                if match is not None:
                    newest = other.version
                    break
            op.newest_version = newest
            message = f"{op.summary or op.operation_id} is deprecated in API version {version.version}"
            if op.sunset:
                message += f" (sunset {op.sunset})"
            message += f"; use API version {newest}" if newest else "; no newer version has it"
            op.deprecation_message = message
