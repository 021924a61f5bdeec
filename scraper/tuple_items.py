"""Schemas that write ``items`` as a list (JSON Schema draft 4's tuple form), read as JSON Schema reads them.

OpenAPI 2.0 and 3.0 allow only one schema under ``items``; 3.1 spells tuples ``prefixItems``. Real documents still
write the list: Slack's Web API spec puts ``items: [{$ref: objs_message}, {type: 'null'}]`` on 30 schemas that
have no ``type: array`` (it means 'one of these'). Swagger 2.0's validator refused the whole document, and the
3.x path typed such a property ``list[Message | None]``, so a message object in a response failed to parse.

JSON Schema's reading: a list under ``items`` constrains only the elements of an array. A schema that says it is
an array (``type: array``) keeps them as what any element may be (``anyOf`` of the list, a little looser than the
tuple's positions); one that does not say so constrains nothing with them, so any value is valid there and the
list is left out. Each rewrite is a warning naming the schema's JSON pointer and saying what ``oneOf`` would
have said.
"""

from __future__ import annotations

from typing import Any

from scraper.json_nodes import holds_schemas, located_objects
from scraper.json_pointer import json_pointer

__all__ = ["tuple_items_in_document"]


def tuple_items_in_document(doc: dict[str, Any], *, prefix: str = "") -> list[str]:
    """Rewrite, in place, every schema of ``doc`` whose ``items`` is a list (see the module docstring); returns a
    warning per schema (``prefix`` + its JSON pointer: ``#`` for a 2.0 document's messages)."""
    warnings: list[str] = []
    for node, where in located_objects(doc, holds_schemas):
        items = node.get("items")
        if isinstance(items, list):
            kind = node.get("type")
            place = prefix + json_pointer(str(p) for p in where)
            if kind == "array" or (isinstance(kind, list) and "array" in kind):
                node["items"] = items[0] if len(items) == 1 else {"anyOf": items} if items else {}
                warnings.append(
                    f"{place}: 'items' is a list (draft 4's tuple form, not OpenAPI's); each element is read as"
                    " any of its schemas"
                )
            else:
                del node["items"]
                warnings.append(
                    f"{place}: 'items' is a list (draft 4's tuple form, not OpenAPI's) on a schema that is not an"
                    " array: it constrains nothing there, so any value is valid (for one of these schemas, oneOf"
                    " says so)"
                )
    return sorted(warnings)
