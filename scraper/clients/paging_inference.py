"""Paged listings of documents that do not say they page: offset/limit and page/per_page, read from their shape.

Our specs mark a paged listing with ``x-pagination`` (ARCHITECTURE.md); a third-party document has no such mark, so
its listings got no ``iter_*`` method: Scalar Galaxy's ``GET /planets`` takes ``limit`` and ``offset`` and answers
``{data: [...], meta: {total, next}}``, and a user paged it by hand. A listing is read as paged only when all of
this holds, so a guess never stands on a name alone:

- the operation is a ``GET`` with two integer query parameters, a cursor and a page size, by their names (compared
  without case, ``_`` and ``-``): ``offset`` or ``skip`` with ``limit``, ``per_page``, ``page_size`` or ``size``
  (offset style: the offset advances by the items received); or ``page`` or ``page_number`` with the same sizes
  (page style: the page number advances by one, from the parameter's documented default, else 1);
- its 2xx JSON body is an object with exactly one array property (the items), references and ``allOf`` parts
  followed;
- and that body says there is more: a ``total`` (``total``, ``total_count``, ``total_items``, ``total_results``), a
  count of pages (``pages``, ``total_pages``, ``page_count``, ``num_pages``, ``last_page``: OpenFEC's 84 listings
  answer ``{results: [...], pagination: {count, page, pages, per_page}}``) or a next marker (``next``,
  ``next_page``, ``next_url``, ``next_offset``, ``has_more``, ``has_next``), beside the items or one object down
  (``meta.next``, ``pagination.total``).

The result is an ``x-pagination`` mapping the IR reads as it reads ours, with ``x-inferred`` saying what it was
inferred from (the iterator's docstring and the package README say so); a document's own ``x-pagination`` always
wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from scraper.clients.refs import component_name

__all__ = ["inferred_pagination", "object_properties", "resolved_schema"]

#: Cursor parameter names per style, and page size names, as compared (lower case, no ``_`` or ``-``).
_CURSORS = {"offset": ("offset", "skip"), "page": ("page", "pagenumber")}
_SIZES = ("limit", "perpage", "pagesize", "size")
#: Body properties saying there is more to fetch, as compared.
_MORE = frozenset(
    {"total", "totalcount", "totalitems", "totalresults", "next", "nextpage", "nexturl", "nextoffset"}
    | {"hasmore", "hasnext"}
    | {"pages", "totalpages", "pagecount", "numpages", "lastpage"}  # how many pages (OpenFEC's ``pagination.pages``)
)
#: How deep ``allOf`` parts and references are followed.
_MAX_DEPTH = 8


def _key(name: str) -> str:
    return name.lower().replace("_", "").replace("-", "")


def inferred_pagination(
    http_method: str, query: Iterable[tuple[str, bool]], body: Any, schemas: Mapping[str, Any]
) -> dict[str, str] | None:
    """The ``x-pagination`` of a listing that pages without saying so (see the module docstring), or None.
    ``query``: the operation's query parameters as (wire name, whether its values are integers); ``body``: the 2xx
    JSON body's schema; ``schemas``: the models' schema set, which its references name."""
    if http_method.lower() != "get":
        return None
    integers = {_key(name): name for name, integer in query if integer}
    size = next((integers[k] for k in _SIZES if k in integers), None)
    if size is None:
        return None
    for style, names in _CURSORS.items():
        cursor = next((integers[k] for k in names if k in integers), None)
        if cursor is None or cursor == size:
            continue
        properties = object_properties(schemas, body, 0)
        arrays = [name for name, schema in properties.items() if _is_array(schemas, schema)]
        if len(arrays) != 1:
            return None
        more = _more_marker(schemas, properties)
        if more is None:
            return None
        return {
            "style": style,
            "items": arrays[0],
            "limit": size,
            style: cursor,
            "x-inferred": (
                f"query parameters ``{cursor}`` and ``{size}``, the body's array ``{arrays[0]}`` and ``{more}``"
            ),
        }
    return None


def _more_marker(schemas: Mapping[str, Any], properties: Mapping[str, Any]) -> str | None:
    """The path of the body's total or next marker (``total``, ``meta.next``), or None."""
    for name in properties:
        if _key(name) in _MORE:
            return name
    for name, schema in properties.items():
        for inner in object_properties(schemas, schema, 1):
            if _key(inner) in _MORE:
                return f"{name}.{inner}"
    return None


def resolved_schema(schemas: Mapping[str, Any], schema: Any) -> Any:
    name = component_name(schema.get("$ref")) if isinstance(schema, Mapping) else None
    return schemas.get(name) if name is not None else schema


def _is_array(schemas: Mapping[str, Any], schema: Any) -> bool:
    schema = resolved_schema(schemas, schema)
    if not isinstance(schema, Mapping):
        return False
    kind = schema.get("type")
    return kind == "array" or (isinstance(kind, list) and "array" in kind) or ("items" in schema and kind is None)


def object_properties(schemas: Mapping[str, Any], schema: Any, depth: int) -> dict[str, Any]:
    """The properties an object schema declares itself and through its ``allOf`` parts, references followed."""
    schema = resolved_schema(schemas, schema)
    if depth > _MAX_DEPTH or not isinstance(schema, Mapping):
        return {}
    found: dict[str, Any] = {}
    parts = schema.get("allOf")
    for part in parts if isinstance(parts, list) else []:  # a hostile document's ``allOf: 5`` is no composition
        found.update(object_properties(schemas, part, depth + 1))
    own = schema.get("properties")
    if isinstance(own, Mapping):
        found.update((str(name), value) for name, value in own.items())
    return found
