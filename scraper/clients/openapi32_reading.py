"""OpenAPI 3.2 documents read as the OpenAPI 3.1 documents the generator works on, plus a warning per 3.2 feature the
generated client does not honour.

OpenAPI 3.2 (September 2025; ``versions/3.2.0.md`` of OAI/OpenAPI-Specification) keeps 3.1's Schema Object (JSON
Schema 2020-12) and adds, among other things:

- the ``query`` method on a path item and ``additionalOperations`` for any other method: the first becomes an entry
  of the second, which the generator already calls with its own HTTP method;
- ``in: querystring``, a parameter that is the whole query string: a client without it would send requests the API
  does not expect, so each operation with one is left out (a warning), not the document;
- ``itemSchema``/``itemEncoding``/``prefixEncoding`` for streamed sequential media types: the content is read whole
  and untyped (a warning);
- ``components.mediaTypes``, Media Type Objects a ``content`` entry may ``$ref``: copied in place;
- an Example Object's ``dataValue``: used as its ``value``;
- ``$self``, the document's own URI for resolving references: not needed for a document whose references are local
  (a warning); a discriminator's ``defaultMapping``: not honoured (a warning).

Tags' ``parent``/``kind``/``summary``, a server's ``name``, a response's ``summary``, OAuth's device flow and XML's
``nodeType`` are documentation or authentication detail the generator does not read either way.
"""

from __future__ import annotations

import copy
import re
from typing import Any

__all__ = ["is_openapi_32", "read_as_31"]

#: The OpenAPI version the document is read as.
READ_AS = "3.1.1"
_STREAM_KEYS = ("itemSchema", "itemEncoding", "prefixEncoding")
_DATA_KEYS = frozenset({"example", "examples", "default", "enum", "const"})


def is_openapi_32(doc: dict[str, Any]) -> bool:
    return bool(re.match(r"^3\.2\.\d+", str(doc.get("openapi", ""))))


def pointer(*parts: Any) -> str:
    return "#/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def read_as_31(doc: dict[str, Any]) -> list[str]:
    """Rewrite the 3.2 ``doc`` in place into a 3.1 one; a warning (``pointer: what``) per feature not honoured."""
    warnings = [f"#/openapi: an OpenAPI {str(doc['openapi'])[:20]} document; read with OpenAPI 3.1's rules"]
    if "$self" in doc:
        warnings.append("#/$self: the document's own URI is not used; its references are resolved within it")
        del doc["$self"]
    doc["openapi"] = READ_AS
    components = doc.get("components") if isinstance(doc.get("components"), dict) else {}
    media_types = components.pop("mediaTypes", None) if isinstance(components, dict) else None
    _walk(doc, (), media_types if isinstance(media_types, dict) else {}, warnings)
    for route, item in list((doc.get("paths") or {}).items()) if isinstance(doc.get("paths"), dict) else []:
        if not isinstance(item, dict):
            continue
        if isinstance(item.get("query"), dict):
            others = item.setdefault("additionalOperations", {})
            if isinstance(others, dict) and not any(str(k).upper() == "QUERY" for k in others):
                others["QUERY"] = item.pop("query")  # the generator calls it with its own method
        shared = _querystring(doc, item.get("parameters"))
        left_out: list[tuple[str, dict[str, Any], str]] = []
        for method, op in item.items():
            if method in _METHODS and isinstance(op, dict) and (shared or _querystring(doc, op.get("parameters"))):
                left_out.append((pointer("paths", route, method), item, method))
        extra: dict[str, Any] = (
            item["additionalOperations"] if isinstance(item.get("additionalOperations"), dict) else {}
        )
        for method, op in extra.items():
            if isinstance(op, dict) and (shared or _querystring(doc, op.get("parameters"))):
                left_out.append((pointer("paths", route, "additionalOperations", method), extra, method))
        for where, container, method in left_out:
            warnings.append(
                f"{where}: a parameter 'in: querystring' (the whole query string) is not supported; the operation"
                " is left out"
            )
            del container[method]
        if shared:
            item["parameters"] = [p for p in item["parameters"] if not _querystring(doc, [p])]
    return warnings


_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _querystring(doc: dict[str, Any], params: Any) -> bool:
    for param in params if isinstance(params, list) else []:
        target = param
        if isinstance(param, dict) and isinstance(param.get("$ref"), str) and param["$ref"].startswith("#/"):
            target = doc
            for token in param["$ref"][2:].split("/"):
                token = token.replace("~1", "/").replace("~0", "~")
                target = target.get(token) if isinstance(target, dict) else None
        if isinstance(target, dict) and target.get("in") == "querystring":
            return True
    return False


def _walk(node: Any, where: tuple[Any, ...], media_types: dict[str, Any], warnings: list[str]) -> None:
    stack: list[tuple[Any, tuple[Any, ...]]] = [(node, where)]
    while stack:
        item, here = stack.pop()
        if isinstance(item, list):
            stack.extend((v, (*here, i)) for i, v in enumerate(item))
            continue
        if not isinstance(item, dict):
            continue
        if here[-1:] == ("content",):
            for media, entry in list(item.items()):
                ref = entry.get("$ref") if isinstance(entry, dict) else None
                if isinstance(ref, str) and ref.startswith("#/components/mediaTypes/"):
                    name = ref.removeprefix("#/components/mediaTypes/").replace("~1", "/").replace("~0", "~")
                    if isinstance(media_types.get(name), dict):
                        item[media] = entry = copy.deepcopy(media_types[name])
                    else:
                        warnings.append(f"{pointer(*here, media)}: $ref {ref!r:.80} points at nothing; left out")
                        del item[media]
                        continue
                if isinstance(entry, dict) and any(k in entry for k in _STREAM_KEYS):
                    warnings.append(
                        f"{pointer(*here, media)}: itemSchema (a stream of items) is not honoured; the content is"
                        " read whole" + ("" if "schema" in entry else ", untyped")
                    )
                    for key in _STREAM_KEYS:
                        entry.pop(key, None)
        if "dataValue" in item and "value" not in item and here[-2:-1] == ("examples",):
            item["value"] = item["dataValue"]  # an Example Object's value as data (3.2)
        discriminator = item.get("discriminator")
        if isinstance(discriminator, dict) and "defaultMapping" in discriminator:
            warnings.append(
                f"{pointer(*here, 'discriminator', 'defaultMapping')}: a discriminator's default mapping is not"
                " honoured; a value no mapping names does not parse"
            )
            discriminator.pop("defaultMapping")
        stack.extend((v, (*here, k)) for k, v in item.items() if k not in _DATA_KEYS or k == "examples")
