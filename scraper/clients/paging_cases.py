"""Contract-test cases for the ``iter_`` methods: a paged listing walked over two pages served by a mock transport.

A request case says what one call of the listing sends; a paging case says what its iterator does with what comes
back: the first page holds two items and names the next page (a token, a link, ``has_more``, a ``Link`` header:
whatever the listing's style reads), the second holds one and names none, and the iterator must yield the three
items, ask for the second page with what the first named (the offset advanced by two, the next page number, the
last item's marker or ``id``, the token, the link) and ask nothing more. Both pages are the documented (or
synthesised) response example with its array replaced, so they parse into the response model as the example does.

A listing gets no case when the pages cannot be built from its example without guessing: no usable example (none,
one that does not match its schema, an empty array), a next-page field below an object the example lacks, a token
that is not a string, a marker or cursor field the example item lacks, a cursor sent elsewhere than in the query;
or when its request case does not send (planned, refused).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from scraper.clients.ir import OperationIR, PaginationIR
from scraper.clients.render import wire_text

__all__ = ["NEXT_LINK", "NEXT_TOKEN", "paging_case"]

#: The token the first page names (token style).
NEXT_TOKEN = "contract-page-2"
#: The link the first page names (link style), on the contract tests' own origin (the runtime follows no other).
NEXT_LINK = "https://contract.test/contract-page-2"


def paging_case(op: OperationIR, request: Mapping[str, Any]) -> dict[str, Any] | None:
    """The paging case of ``op``'s iterator, built on its request case ``request``; None when there is none (see the
    module docstring)."""
    pg = op.pagination
    example = op.response_example
    if pg is None or not pg.iter_name or example is None or example.problem or not op.response_model:
        return None
    if request.get("planned") or request.get("refused") or request.get("xfail"):
        return None
    if pg.cursor is not None and pg.cursor.location != "query":
        return None
    pages = _pages(pg, example.value)
    if pages is None:
        return None
    first, last, item = pages
    second = _second_request(pg, item)
    if second is None:
        return None
    kwargs = dict(request["kwargs"])
    if pg.cursor is not None:
        kwargs.pop(pg.cursor.py_name, None)
    if pg.limit is not None:  # the iterator's page size: its own default, or enough for the first page to be short
        kwargs.pop(pg.limit.py_name, None)
        if pg.default_limit < 3:
            kwargs[pg.limit.py_name] = 3
    expect = request["expect"]
    return {
        "name": pg.iter_name,
        "args": request["args"],
        "kwargs": kwargs,
        "body": request["body"],
        "pages": [first, last],
        **({"links": [f'<{NEXT_LINK}>; rel="next"', None]} if pg.next_header else {}),
        "items": 3,
        "expect": {"method": expect["method"], "path": expect["path"], **second},
        "deprecated": request["deprecated"],
        "warn_match": request["warn_match"],
    }


def _pages(pg: PaginationIR, value: Any) -> tuple[Any, Any, Any] | None:
    """The first and the last page made from the response example ``value``, and the item both repeat."""
    if pg.reads_body:
        if not isinstance(value, list) or not value or (pg.names_next_page and not pg.next_header):
            return None
        return [value[0], value[0]], [value[0]], value[0]
    if not isinstance(value, Mapping) or not pg.items:
        return None
    items = value.get(pg.items)
    if not isinstance(items, list) or not items:
        return None
    item = items[0]
    first, last = copy.deepcopy(dict(value)), copy.deepcopy(dict(value))
    first[pg.items], last[pg.items] = [item, item], [item]
    if pg.names_next_page and not pg.next_header and not _name_next(pg, first, last):
        return None
    return first, last, item


def _name_next(pg: PaginationIR, first: dict[str, Any], last: dict[str, Any]) -> bool:
    """Set the field naming the next page (``pg.next_path``) in both pages: the first names one, the last none.
    False when it cannot be set as the example writes it."""
    if not pg.next_path:
        return False
    holders = []
    for page in (first, last):
        holder: Any = page
        for name in pg.next_path[:-1]:
            holder = holder.get(name) if isinstance(holder, Mapping) else None
        if not isinstance(holder, dict):
            return False
        holders.append(holder)
    key = pg.next_path[-1]
    written = holders[0].get(key)
    present = key in holders[0]
    if pg.style == "cursor":
        if written is not None and not isinstance(written, bool):
            return False
        holders[0][key], holders[1][key] = True, False
    elif pg.style == "link" and isinstance(written, Mapping):  # HAL's ``{"href": ...}``: the last page has none
        holders[0][key] = {**written, "href": NEXT_LINK}
        holders[1].pop(key, None)
    elif written is None or isinstance(written, str):
        holders[0][key] = NEXT_LINK if pg.style == "link" else NEXT_TOKEN
        if present:  # the last page names none (an empty string may be shorter than the field allows)
            del holders[1][key]
    else:
        return False
    return True


def _second_request(pg: PaginationIR, item: Any) -> dict[str, Any] | None:
    """What the second request must carry: ``{"url": ...}`` (link style) or the cursor's query parameter and value."""
    if pg.style == "link":
        return {"url": NEXT_LINK}
    if pg.body_token:
        return {"body_token": [pg.body_token, NEXT_TOKEN]}
    if pg.cursor is None:
        return None
    if pg.style == "offset":
        value: Any = 2
    elif pg.style == "page":
        value = pg.first_page + 1
    elif pg.style == "token":
        value = NEXT_TOKEN
    else:
        field = pg.cursor_field if pg.style == "cursor" else pg.next_marker
        value = item.get(field) if isinstance(item, Mapping) and field else None
        if not isinstance(value, str | int) or isinstance(value, bool) or value == "":
            return None
    return {"cursor": [pg.cursor.wire_name, wire_text(value)]}
