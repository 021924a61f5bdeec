"""JSON Schema's type lists in an OpenAPI 3.0 document, spelt as 3.0 spells them.

3.0's schema ``type`` is one string (``nullable: true`` says a value may be null). A document converted from
Swagger 2.0 or written by a tool that emits 3.1's spelling still writes ``type: [string, 'null']`` (Slack's Web
API spec, 32 times): the models read it, but the 3.0 example validator failed on every example that met one
(``TypeError: unhashable type: 'list'``), so the spec's own examples went unchecked and two of them failed the
package's contract tests. The rewrite says the same in 3.0: ``[T, 'null']`` is ``T`` and ``nullable``, several
types are ``anyOf`` of each. A bare ``type: 'null'`` is left as it is: the models read it as ``None`` (a union
member ``X | None``), and the example check knows it (``ir._example_errors``).
"""

from __future__ import annotations

from typing import Any

from scraper.json_nodes import objects

__all__ = ["type_lists_in_30_document"]

_DATA_KEYS = frozenset({"example", "examples", "default", "enum", "const"})


def type_lists_in_30_document(doc: dict[str, Any]) -> int:
    """Rewrite, in place, every schema of the 3.0 ``doc`` whose ``type`` is a list (see the module docstring);
    returns how many were rewritten."""
    count = 0
    for node in objects(doc, lambda key: isinstance(key, str) and key not in _DATA_KEYS and not key.startswith("x-")):
        kind = node.get("type")
        if isinstance(kind, list) and all(isinstance(k, str) for k in kind):
            count += 1
            kinds = kind
            others = list(dict.fromkeys(k for k in kinds if k != "null"))
            del node["type"]
            if "null" in kinds:
                node["nullable"] = True
            if len(others) == 1:
                node["type"] = others[0]
            elif others and "anyOf" in node:  # its own anyOf stays; both must hold
                node["allOf"] = [*node.get("allOf", []), {"anyOf": [{"type": k} for k in others]}]
            elif others:
                node["anyOf"] = [{"type": k} for k in others]
    return count
