"""An operation whose success response is typed JSON or a stream: which stream, and which body flag asks for it.

OpenAI's ``createChatCompletion``, Mistral's and Together's completions and Letta's ``send_message`` document one
200 response as ``application/json`` (a schema) or ``text/event-stream``, the server choosing by a boolean in the
request body (``stream``; Letta: ``streaming``). The method reads the JSON (its return type stays what it was); the
IR adds a second one, ``<name>_stream`` (:func:`twin_name`), for the stream (``ir._stream_twins``): the same
arguments, ``Accept`` naming the stream, and, when the body has such a flag, the flag sent as true, since with
``Accept`` alone these servers still answer JSON. Stainless' clients choose by ``stream=True`` overloads, the
vendors' own SDKs by a ``*_stream`` method; a second method keeps every existing signature and return type as they
were.

Decided from the document only: the stream is the response's first streamed media type in document order (the
same table as an operation that only streams); the flag is a top-level property of the JSON body's schema named
``stream`` or ``streaming`` that allows ``true``, the names these APIs use, never a guess at another name (a body
without one is sent as the caller built it, which the method's docstring says).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scraper.clients.refs import component_name

__all__ = ["STREAM_MEDIA", "stream_beside", "stream_flag", "twin_name"]

#: Streamed response media types (read as they arrive, :mod:`docs2client_runtime.streams`) -> response kind: server-sent
#: events, and JSON values one per line (newline-delimited JSON, JSON Lines, JSON text sequences).
STREAM_MEDIA = {
    "text/event-stream": "events",
    "application/x-ndjson": "lines",
    "application/ndjson": "lines",
    "application/jsonl": "lines",
    "application/x-jsonlines": "lines",
    "application/jsonlines": "lines",
    "application/json-seq": "lines",
}
#: Body properties that switch such an operation to its stream, in the order looked for.
FLAG_NAMES = ("stream", "streaming")
#: How deep ``allOf`` parts and references are followed to find the body's properties.
_MAX_DEPTH = 8


def twin_name(method: str, kind: str) -> str:
    """The stream method's name for JSON method ``method``: ``<method>_stream``, but for a method whose name already
    says stream (``chat_stream``: its operationId did) the kind it streams, ``chat_stream_events`` or
    ``chat_stream_lines``, never ``chat_stream_stream``. (A name another method has is numbered by the IR.)"""
    return f"{method}_{kind}" if method == "stream" or method.endswith("_stream") else f"{method}_stream"


def stream_beside(content: Any) -> tuple[str, str] | None:
    """The first streamed media type of a response's ``content`` (as written) and its kind (``events`` or
    ``lines``), or None when it documents none."""
    if not isinstance(content, Mapping):
        return None
    for media in content:
        kind = STREAM_MEDIA.get(str(media).split(";")[0].strip().lower())
        if kind is not None:
            return str(media), kind
    return None


def stream_flag(schemas: Mapping[str, Any], schema: Any) -> str | None:
    """The wire name of the JSON body's property that asks for the stream (see the module docstring), or None.
    ``schemas``: the models' schema set, which a ``$ref`` in ``schema`` (the body's) names."""
    properties = _properties(schemas, schema, 0)
    return next((name for name in FLAG_NAMES if name in properties and _allows_true(properties[name])), None)


def _resolved(schemas: Mapping[str, Any], schema: Any) -> Any:
    name = component_name(schema.get("$ref")) if isinstance(schema, Mapping) else None
    return schemas.get(name) if name is not None else schema


def _properties(schemas: Mapping[str, Any], schema: Any, depth: int) -> dict[str, Any]:
    """The properties ``schema`` declares itself and through its ``allOf`` parts, references followed."""
    schema = _resolved(schemas, schema)
    if depth > _MAX_DEPTH or not isinstance(schema, Mapping):
        return {}
    found: dict[str, Any] = {}
    for part in schema.get("allOf") or []:
        found.update(_properties(schemas, part, depth + 1))
    own = schema.get("properties")
    if isinstance(own, Mapping):
        found.update((str(name), value) for name, value in own.items())
    return found


def _allows_true(schema: Any, depth: int = 0) -> bool:
    """Whether ``schema`` is a boolean (alone, beside null, or as a member of a union) whose values include true."""
    if depth > _MAX_DEPTH or not isinstance(schema, Mapping):
        return False
    if "const" in schema or "enum" in schema:
        values = [schema["const"]] if "const" in schema else schema["enum"]
        return isinstance(values, list) and True in [v for v in values if isinstance(v, bool)]
    kinds = schema.get("type")
    if kinds == "boolean" or (isinstance(kinds, list) and "boolean" in kinds):
        return True
    members = [m for key in ("anyOf", "oneOf") if isinstance(schema.get(key), list) for m in schema[key]]
    return any(_allows_true(m, depth + 1) for m in members)
