"""Listings whose pages name the next one (a token, a next link, a ``has_more`` cursor), read from their shape.

Most public APIs page neither by offset nor by page number (``paging_inference``) but by what each page returns: a
``nextPageToken`` the next request sends back as ``pageToken`` (Google), ``NextMarker`` as ``Marker`` (AWS), a
``response_metadata.next_cursor`` as ``cursor`` (Slack); a ``nextLink`` URL to GET (Azure's ``x-ms-pageable``,
OData's ``@odata.nextLink``, HAL's ``_links.next``); or Stripe's ``has_more`` with ``starting_after`` = the id of the
last item. A listing is read as paged this way only when all of this holds, so a guess never stands on one name:

- it is a ``GET`` whose 2xx JSON body is an object holding the items: its one array property, or, when it has
  several, its one array of objects (Google's listings add an ``unreachable`` array of strings); for
  ``x-ms-pageable``, the array its ``itemName`` names (default ``value``);
- **token**: exactly one string query parameter is a token parameter of :data:`TOKEN_PAIRS` (names compared without
  case, ``_``, ``-`` and ``$``), and exactly one string (or integer) body field is its pair, at the top level or up to
  two objects down (``paging.cursors.after``); where a pair has several spellings the first found wins; a field
  spelled as the parameter counts only inside an object or when its name says next (a top-level ``marker`` beside
  a ``marker`` parameter may echo the request's, S3-style); a field holding a URL (a URL ``format`` or an
  ``http(s)`` example) is a link, never a token (Pachca's ``cursor`` pairs with ``meta.paginate.next_page``, a
  cursor string; a ``next_page`` URL would not); a token field every page must carry (``required``, not
  nullable) gives no iterator, only a doubt: the runtime ends where no token comes back, and such a listing ends by
  a boolean beside it (``has_next``, ``has_more``: Pachca's ``meta.paginate``) or by nothing documented; two token
  parameters that both pair, or one pair found in two places, is ambiguous;
- **token in the request body**: a ``POST`` (AWS's JSON protocol) whose JSON request body has such a string field
  (``NextToken``), paired with a response body field as a query parameter would be; the iterator sends the token in
  the body (``x-pagination``'s ``token-field``);
- **cursor**: a string ``starting_after`` query parameter, a boolean ``has_more`` beside the items, and items whose
  schema (each member of a union) declares an ``id``;
- **link**: the operation's ``x-ms-pageable`` names its ``nextLinkName`` (declared, not inferred), or exactly one body
  field holds a link: named ``nextLink``, ``@odata.nextLink``, ``nextUrl``, ``nextPageUrl`` or ``nextPageLink`` (at
  the top level or one object down), or ``next`` with a URL ``format`` or inside ``links``, ``_links`` or ``paging``;
  failing those, the 2xx response documents a ``Link`` header (RFC 8288: GitHub's listings, whose body is the bare
  array of items, say ``<...?page=2>; rel="next"`` there) and the body is an array or holds one: the next page is
  the header's ``rel="next"`` link (``x-pagination``'s ``next-header: Link``).

Checked in that order (a document's own ``x-pagination`` and ``paging_inference`` come first): a listing with a token
pair is paged by token even when its body also holds a link. The result is an ``x-pagination`` mapping the IR reads
as it reads ours (styles ``token``, ``cursor`` and ``link``, the next-page field as a ``next`` list of property
names), with ``x-inferred`` saying what it was read from. What looks paged but is ambiguous gets no iterator and a
doubt naming why (the generator's report lists it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from scraper.clients.paging_inference import object_properties, resolved_schema

__all__ = ["LINK_FIELDS", "TOKEN_PAIRS", "NextPaging", "inferred_next_paging"]

#: Token parameter (as compared) -> the body fields returning the next token, most telling first (as compared).
TOKEN_PAIRS: dict[str, tuple[str, ...]] = {
    "pagetoken": ("nextpagetoken",),
    "nextpagetoken": ("nextpagetoken",),
    "nexttoken": ("nexttoken",),
    "startingtoken": ("nexttoken",),
    "continuationtoken": ("nextcontinuationtoken", "continuationtoken"),
    "marker": ("nextmarker", "marker"),
    "cursor": ("nextcursor", "cursor", "nextpage"),  # Pachca: ``cursor`` <- ``meta.paginate.next_page``
    "pagecursor": ("nextpagecursor", "nextcursor"),
    "after": ("after",),
}
#: Body fields holding the next page's URL whatever their schema says (as compared).
LINK_FIELDS = frozenset({"nextlink", "@odata.nextlink", "odata.nextlink", "nexturl", "nextpageurl", "nextpagelink"})
#: Objects whose ``next`` is a link even without a URL ``format`` (as compared).
_LINK_CONTAINERS = frozenset({"links", "_links", "paging"})
_URL_FORMATS = frozenset({"uri", "uri-reference", "url", "iri", "iri-reference"})
_CURSOR_PARAM = "startingafter"


def _key(name: str) -> str:
    return name.lower().replace("_", "").replace("-", "").replace("$", "")


@dataclass(slots=True)
class NextPaging:
    """What :func:`inferred_next_paging` found: an ``x-pagination`` mapping (None: no iterator) and doubts (``why``:
    what looked paged but is ambiguous, for the report)."""

    pagination: dict[str, Any] | None = None
    doubts: list[str] = field(default_factory=list)


def _kinds(schemas: Mapping[str, Any], schema: Any) -> set[str]:
    schema = resolved_schema(schemas, schema)
    if not isinstance(schema, Mapping):
        return set()
    kind = schema.get("type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return {str(k) for k in kind} - {"null"}
    if "items" in schema:
        return {"array"}
    if "properties" in schema:
        return {"object"}
    return set()


def _is_object(schemas: Mapping[str, Any], schema: Any) -> bool:
    resolved = resolved_schema(schemas, schema)
    if not isinstance(resolved, Mapping):
        return False
    if "object" in _kinds(schemas, resolved) or resolved.get("allOf"):
        return True
    options = resolved.get("oneOf") or resolved.get("anyOf")
    return isinstance(options, list) and bool(options) and all(_is_object(schemas, o) for o in options)


def _items_property(schemas: Mapping[str, Any], properties: Mapping[str, Any]) -> tuple[str | None, str]:
    """The body's items array: its one array, else its one array of objects; (None, why) when there is none."""
    arrays = [name for name, schema in properties.items() if "array" in _kinds(schemas, schema)]
    if len(arrays) == 1:
        return arrays[0], ""
    if not arrays:
        return None, "the body has no array of items"
    objects = [name for name in arrays if _is_object(schemas, _array_items(schemas, properties[name]))]
    if len(objects) == 1:
        return objects[0], ""
    return None, f"which of the body's arrays ({', '.join(sorted(arrays))}) holds the items is ambiguous"


def _array_items(schemas: Mapping[str, Any], schema: Any) -> Any:
    resolved = resolved_schema(schemas, schema)
    return resolved.get("items") if isinstance(resolved, Mapping) else None


def _fields(schemas: Mapping[str, Any], properties: Mapping[str, Any], depth: int) -> list[tuple[tuple[str, ...], Any]]:
    """Every body field as (path, schema), the top level first, then ``depth`` objects down."""
    found: list[tuple[tuple[str, ...], Any]] = [((name,), schema) for name, schema in properties.items()]
    if depth > 0:
        for name, schema in properties.items():
            inner = object_properties(schemas, schema, 1)  # an object, or an ``allOf`` of objects without a type
            if inner and not _kinds(schemas, schema) - {"object"}:
                found += [((name, *path), value) for path, value in _fields(schemas, inner, depth - 1)]
    return found


def _token_like(schemas: Mapping[str, Any], schema: Any) -> bool:
    kinds = _kinds(schemas, schema)
    return not kinds or (bool(kinds & {"string", "integer"}) and not kinds & {"object", "array", "boolean"})


def _url_valued(schemas: Mapping[str, Any], schema: Any) -> bool:
    """Whether a field holds a URL (a URL ``format``, or an example that is one): the next page's link, which a
    token parameter must not be sent (a ``next_page`` URL beside a ``cursor`` parameter)."""
    resolved = resolved_schema(schemas, schema)
    if not isinstance(resolved, Mapping):
        return False
    if str(resolved.get("format", "")).lower() in _URL_FORMATS:
        return True
    examples = [resolved.get("example"), *(resolved["examples"] if isinstance(resolved.get("examples"), list) else [])]
    return any(isinstance(value, str) and value.lower().startswith(("http://", "https://")) for value in examples)


def _not_an_echo(param: str, path: tuple[str, ...]) -> bool:
    """Whether a body field may return the next token rather than echo the one sent: a field spelled as the
    parameter (``marker`` for ``marker``) only inside an object (``paging.cursors.after``) or when its name says
    next (AWS's ``NextToken`` for ``NextToken``); a top-level ``marker`` may be the request's own, which would
    end the listing after its first page."""
    return _key(path[-1]) != _key(param) or len(path) > 1 or _key(param).startswith("next")


def _token(
    schemas: Mapping[str, Any], query: Iterable[tuple[str, str]], fields: list[tuple[tuple[str, ...], Any]]
) -> tuple[tuple[str, tuple[str, ...]] | None, str]:
    """(token parameter, the body field returning it) or (None, why when ambiguous)."""
    pairs: list[tuple[str, tuple[str, ...]]] = []
    echoes: list[str] = []
    for name, kind in query:
        spellings = TOKEN_PAIRS.get(_key(name))
        if spellings is None or kind != "string":
            continue
        for spelling in spellings:
            paths = [
                path
                for path, schema in fields
                if _key(path[-1]) == spelling
                and _token_like(schemas, schema)
                and not _url_valued(schemas, schema)
                and _not_an_echo(name, path)
            ]
            if len(paths) > 1:
                found = ", ".join(".".join(p) for p in paths)
                return None, f"the token parameter ``{name}`` pairs with several body fields ({found})"
            if paths:
                pairs.append((name, paths[0]))
                break
            if any(_key(path[-1]) == spelling and not _not_an_echo(name, path) for path, _ in fields):
                echoes.append(name)
    if len(pairs) > 1:
        named = ", ".join(f"``{name}``" for name, _ in pairs)
        return None, f"several token parameters ({named}) pair with body fields"
    if not pairs and echoes:
        return None, (
            f"the body's top-level ``{echoes[0]}`` may name the next page or echo the request's ``{echoes[0]}`` "
            "(S3-style); not followed"
        )
    return (pairs[0] if pairs else None), ""


def _link(schemas: Mapping[str, Any], fields: list[tuple[tuple[str, ...], Any]]) -> tuple[tuple[str, ...] | None, str]:
    """The body field holding the next page's URL, or (None, why when ambiguous)."""
    links: list[tuple[str, ...]] = []
    for path, schema in fields:
        key = _key(path[-1])
        if len(path) <= 2 and key in LINK_FIELDS and _token_like(schemas, schema):
            links.append(path)
        elif key == "next" and len(path) <= 2:
            resolved = resolved_schema(schemas, schema)
            url_format = isinstance(resolved, Mapping) and str(resolved.get("format", "")).lower() in _URL_FORMATS
            contained = len(path) == 2 and path[0].lower() in _LINK_CONTAINERS
            href = "href" in object_properties(schemas, schema, 1)
            if (url_format and _token_like(schemas, schema)) or (contained and (_token_like(schemas, schema) or href)):
                links.append(path)
    if len(links) > 1:
        return None, f"several body fields hold a next link ({', '.join('.'.join(p) for p in links)})"
    return (links[0] if links else None), ""


#: Boolean body fields saying whether another page follows (as compared).
_MORE_FLAGS = frozenset({"hasmore", "hasnext", "hasnextpage", "more", "hasmoreitems"})


def _unending_token(schemas: Mapping[str, Any], properties: Mapping[str, Any], path: tuple[str, ...]) -> str | None:
    """Why a token listing cannot be followed when its token field is required and not nullable (every page carries
    one, the last too, so the runtime, which ends where no token comes back, would walk past the end): a boolean
    beside it says where the listing ends (Pachca: ``meta.paginate: {next_page, has_next}``), or nothing does. None
    when the token may be left out or null."""
    holder: Any = {"properties": properties}
    for name in path[:-1]:
        holder = resolved_schema(schemas, object_properties(schemas, holder, 0).get(name))
    if not isinstance(holder, Mapping):
        return None
    required = holder.get("required")
    siblings = object_properties(schemas, holder, 0)
    token = resolved_schema(schemas, siblings.get(path[-1]))
    nullable = isinstance(token, Mapping) and _nullable(token)
    if not isinstance(required, list) or path[-1] not in required or nullable:
        return None
    flags = [n for n, schema in siblings.items() if _key(n) in _MORE_FLAGS and "boolean" in _kinds(schemas, schema)]
    if flags:
        end = ".".join((*path[:-1], flags[0]))
        return (
            f"every page carries the token (required); the listing ends where ``{end}`` is false, which a token"
            " iterator does not read; not followed"
        )
    return "every page carries the token (required, not nullable); nothing says where the listing ends; not followed"


def _nullable(schema: Mapping[str, Any]) -> bool:
    """Whether ``schema`` allows null: 3.0's ``nullable``, a type list with ``null``, a union with the null type."""
    kind = schema.get("type")
    options = schema.get("anyOf") or schema.get("oneOf")
    return (
        schema.get("nullable") is True
        or kind == "null"
        or (isinstance(kind, list) and "null" in kind)
        or (isinstance(options, list) and any(isinstance(o, Mapping) and o.get("type") == "null" for o in options))
    )


def _has_id(schemas: Mapping[str, Any], schema: Any, depth: int = 0) -> bool:
    resolved = resolved_schema(schemas, schema)
    if depth > 4 or not isinstance(resolved, Mapping):
        return False
    if "id" in object_properties(schemas, resolved, 1):
        return True
    options = resolved.get("oneOf") or resolved.get("anyOf")
    return isinstance(options, list) and bool(options) and all(_has_id(schemas, o, depth + 1) for o in options)


def _pageable(op: Mapping[str, Any]) -> tuple[str | None, str | None, str]:
    """(nextLinkName, itemName) of an ``x-ms-pageable`` operation, or (None, None, why it is not followed)."""
    declared = op.get("x-ms-pageable")
    if not isinstance(declared, Mapping):
        return None, None, ""
    link = declared.get("nextLinkName")
    item = declared.get("itemName", "value")
    if link is None:
        return None, None, ""  # every item in one response: nothing to page
    if not isinstance(link, str) or not link or not isinstance(item, str) or not item:
        return None, None, f"x-ms-pageable is {dict(declared)!r:.80}: nextLinkName and itemName must be names"
    return link, item, ""


def _body_token(schemas: Mapping[str, Any], request_body: Any, body: Any) -> NextPaging:
    """A ``POST`` listing that sends its token in the JSON request body (AWS's JSON protocol: ``ListStreams`` sends
    ``NextToken`` and gets the next ``NextToken`` back): a string request body field of :data:`TOKEN_PAIRS` pairs
    with a response body field as a token query parameter would (:func:`_token`, echoes and ambiguity included)."""
    sent = object_properties(schemas, request_body, 0)
    fields_sent = [
        (name, "string" if _kinds(schemas, schema) == {"string"} else "other") for name, schema in sent.items()
    ]
    properties = object_properties(schemas, body, 0)
    token, why = _token(schemas, fields_sent, _fields(schemas, properties, 2))
    if token is None:
        return NextPaging(doubts=[why] if why else [])
    items, why = _items_property(schemas, properties)
    if items is None:
        return NextPaging(doubts=[f"looks paged, but {why}"])
    name, path = token
    text = f"request body field ``{name}`` and response body field ``{'.'.join(path)}``, the body's array ``{items}``"
    return NextPaging({"style": "token", "items": items, "token-field": name, "next": list(path), "x-inferred": text})


def _header_link(schemas: Mapping[str, Any], body: Any, properties: Mapping[str, Any]) -> NextPaging:
    """A listing paged by its ``Link`` response header (RFC 8288 ``rel="next"``, GitHub's): the body is the array
    of items, or an object holding one (:func:`_items_property`)."""
    text = "2xx response's ``Link`` header (``rel=next``) and the body"
    if "array" in _kinds(schemas, body):
        return NextPaging({"style": "link", "items": "", "next-header": "Link", "x-inferred": f"{text}, an array"})
    items, why = _items_property(schemas, properties) if properties else (None, "")
    if items is None:  # no array: no listing; several: which one pages is ambiguous
        return NextPaging(doubts=[f"a ``Link`` header, but {why}"] if "ambiguous" in why else [])
    return NextPaging(
        {"style": "link", "items": items, "next-header": "Link", "x-inferred": f"{text}'s array ``{items}``"}
    )


def inferred_next_paging(
    http_method: str,
    op: Mapping[str, Any],
    query: Iterable[tuple[str, str]],
    body: Any,
    schemas: Mapping[str, Any],
    link_header: bool = False,
    request_body: Any = None,
) -> NextPaging:
    """The ``x-pagination`` of a listing whose pages name the next one (see the module docstring), with doubts.
    ``query``: the operation's query parameters as (wire name, ``string``/``integer``/``other``); ``body``: the 2xx
    JSON body's schema; ``schemas``: the models' schema set, which its references name; ``link_header``: whether
    the 2xx response documents a ``Link`` header; ``request_body``: the JSON request body's schema."""
    query = list(query)
    link_name, item_name, why = _pageable(op)
    if http_method.lower() == "post" and request_body is not None and not (link_name or why):
        return _body_token(schemas, request_body, body)
    if http_method.lower() != "get":
        return (
            NextPaging(doubts=[f"x-ms-pageable on a {http_method.upper()}: only a GET's next link is followed"])
            if (link_name or why)
            else NextPaging()
        )
    if why:
        return NextPaging(doubts=[why])
    if isinstance(op.get("x-ms-pageable"), Mapping) and link_name is None:
        return NextPaging()  # ``nextLinkName: null``: the document says every item comes in one response
    properties = object_properties(schemas, body, 0)
    if link_name is not None and item_name is not None:
        if "array" not in _kinds(schemas, properties.get(item_name)):
            return NextPaging(doubts=[f"x-ms-pageable's itemName {item_name!r} is no array of the 2xx body"])
        return NextPaging(
            {"style": "link", "items": item_name, "next": [link_name], "x-inferred": f"x-ms-pageable ({link_name})"}
        )
    fields = _fields(schemas, properties, 2)
    token, why = _token(schemas, query, fields)
    if why:
        return NextPaging(doubts=[why])
    cursor = next((name for name, kind in query if _key(name) == _CURSOR_PARAM and kind == "string"), None)
    more = next((path for path, schema in fields[: len(properties)] if _key(path[0]) == "hasmore"), None)
    link, why_link = _link(schemas, fields) if token is None else (None, "")
    if token is None and link is None and (cursor is None or more is None):
        if link_header and not why_link:
            return _header_link(schemas, body, properties)
        return NextPaging(doubts=[why_link] if why_link else [])
    items, why = _items_property(schemas, properties)
    if items is None:
        return NextPaging(doubts=[f"looks paged, but {why}"])
    if token is not None:
        name, path = token
        unending = _unending_token(schemas, properties, path)
        if unending is not None:
            return NextPaging(doubts=[f"query parameter ``{name}`` and body field ``{'.'.join(path)}``: {unending}"])
        text = f"query parameter ``{name}`` and body field ``{'.'.join(path)}``, the body's array ``{items}``"
        return NextPaging({"style": "token", "items": items, "token": name, "next": list(path), "x-inferred": text})
    if cursor is not None and more is not None and "boolean" in _kinds(schemas, properties[more[0]]):
        if not _has_id(schemas, _array_items(schemas, properties[items])):
            return NextPaging(doubts=[f"``{cursor}`` and ``{more[0]}``, but the items of ``{items}`` declare no id"])
        text = f"query parameter ``{cursor}``, body field ``{more[0]}`` and the ``id`` of the body's array ``{items}``"
        pagination = {"style": "cursor", "items": items, "cursor": cursor, "next": [more[0]], "cursor-field": "id"}
        return NextPaging({**pagination, "x-inferred": text})
    if link is not None:
        text = f"body field ``{'.'.join(link)}`` (a link) and the body's array ``{items}``"
        return NextPaging({"style": "link", "items": items, "next": list(link), "x-inferred": text})
    return NextPaging(doubts=[why_link] if why_link else [])
