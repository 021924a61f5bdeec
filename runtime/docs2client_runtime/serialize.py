"""Parameter serialisation by the OpenAPI ``style``/``explode`` rules (docs2client).

OpenAPI 3 says how a parameter value travels in each location: path (``simple``, ``label``, ``matrix``), query
(``form``, ``spaceDelimited``, ``pipeDelimited``, ``deepObject``), header (``simple``) and cookie (``form``), with
``explode`` deciding whether arrays and objects are spread over several names. The generated clients call these
functions only for parameters whose spec asks for more than the plain default, so the common case stays a plain
mapping. docs2client imports this same module to compute the contract tests' expected requests.

Standard library only.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

__all__ = [
    "Encoded",
    "cookie_header",
    "form_field",
    "iso_text",
    "merge_query",
    "scalar_text",
    "simple",
    "styled_path",
    "styled_query",
]


class Encoded(str):
    """A path segment that is already percent-encoded (``format_path`` inserts it as is)."""

    __slots__ = ()


def plain(value: Any) -> Any:
    """Enums by value, pydantic models as their JSON-ready dict (aliases, unset fields left out)."""
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        return dump(mode="json", by_alias=True, exclude_none=True)
    return getattr(value, "value", value)


def iso_text(value: _dt.date | _dt.time) -> str:
    """A date as ``YYYY-MM-DD``, a datetime as RFC 3339 (``2024-05-06T07:08:09+09:00``), a time as ISO 8601: what
    OpenAPI's ``date`` and ``date-time`` formats mean on the wire.

    A naive datetime (no ``tzinfo``) is refused with a :class:`ValueError`: RFC 3339 needs an offset, and any offset
    supplied here (UTC, the machine's zone) would be a guess that moves the instant by hours where it is wrong;
    ``datetime.now(datetime.timezone.utc)`` or ``.astimezone()`` says which one is meant."""
    if isinstance(value, _dt.datetime) and value.utcoffset() is None:
        raise ValueError(
            f"datetime {value.isoformat()} has no timezone: an RFC 3339 date-time needs one "
            "(pass tzinfo, e.g. datetime.timezone.utc, or call .astimezone())"
        )
    return value.isoformat()


def scalar_text(value: Any) -> str:
    """One scalar as text: booleans as ``true``/``false``, enums by value, dates in ISO format, None as empty."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.date | _dt.time):
        return iso_text(value)
    return str(value)


def _pairs(value: Mapping[str, Any]) -> list[tuple[str, str]]:
    return [(str(k), scalar_text(v)) for k, v in value.items() if v is not None]


def _values(value: Any) -> list[str]:
    return [scalar_text(v) for v in value if v is not None]


def simple(value: Any, explode: bool = False) -> str | None:
    """``simple`` style (headers, default for paths), unencoded: ``a,b``; objects ``k,v,k2,v2`` or exploded
    ``k=v,k2=v2``. None stays None (an unset optional header)."""
    value = plain(value)
    if value is None:
        return None
    if isinstance(value, Mapping):
        sep = "=" if explode else ","
        return ",".join(f"{k}{sep}{v}" for k, v in _pairs(value))
    if isinstance(value, list | tuple):
        return ",".join(_values(value))
    return scalar_text(value)


def styled_path(name: str, value: Any, style: str, explode: bool) -> Encoded:
    """A path parameter's percent-encoded text in ``simple``, ``label`` (``.a.b``) or ``matrix`` (``;id=a``) style.

    ``None`` is refused: it would otherwise become the text ``None`` in the URL."""
    value = plain(value)
    if value is None:
        raise ValueError(f"path parameter {name!r} must not be None")

    def q(text: str) -> str:
        return quote(text, safe="")

    if isinstance(value, Mapping):
        pairs = [(q(k), q(v)) for k, v in _pairs(value)]
        if style == "matrix":
            if explode:
                return Encoded("".join(f";{k}={v}" for k, v in pairs))
            return Encoded(f";{q(name)}=" + ",".join(f"{k},{v}" for k, v in pairs))
        items = [f"{k}={v}" for k, v in pairs] if explode else [x for kv in pairs for x in kv]
    elif isinstance(value, list | tuple):
        items = [q(v) for v in _values(value)]
        if style == "matrix":
            if explode:
                return Encoded("".join(f";{q(name)}={v}" for v in items))
            return Encoded(f";{q(name)}=" + ",".join(items))
    else:
        text = q(scalar_text(value))
        if style == "matrix":
            return Encoded(f";{q(name)}={text}")
        return Encoded(f".{text}" if style == "label" else text)
    if style == "label":
        return Encoded("." + ("." if explode else ",").join(items))
    return Encoded(",".join(items))


_DELIMITERS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}


def styled_query(name: str, value: Any, style: str, explode: bool) -> dict[str, list[str]]:
    """A query parameter as ``{name: [values]}`` in ``form``, ``spaceDelimited``, ``pipeDelimited`` or
    ``deepObject`` style (``json``: the value JSON-encoded, for parameters described by ``content``); ``{}`` when
    unset."""
    if value is None:
        return {}
    value = plain(value)
    if style == "json":
        return {name: [json.dumps(value, separators=(",", ":"), ensure_ascii=False)]}
    if isinstance(value, Mapping):
        if style == "deepObject":  # members that are objects or arrays nest: ``name[key][key]``, ``name[key][0]``
            nested: dict[str, list[str]] = {}
            for key, text in _deep_pairs(name, value):
                nested.setdefault(key, []).append(text)
            return nested
        pairs = _pairs(value)
        if explode:
            return {k: [v] for k, v in pairs}
        delimiter = _DELIMITERS.get(style, ",")
        return {name: [delimiter.join(x for kv in pairs for x in kv)]}
    if isinstance(value, list | tuple):
        values = _values(value)
        if explode:
            return {name: values}
        return {name: [_DELIMITERS.get(style, ",").join(values)]} if values else {}
    return {name: [scalar_text(value)]}


def _json_text(value: Any) -> str:
    return json.dumps(plain(value), separators=(",", ":"), ensure_ascii=False)


def _flat(value: Any) -> Any:
    """``value`` with members that are themselves objects or arrays as JSON text: the ``form``, ``spaceDelimited``
    and ``pipeDelimited`` styles define one level only, and the text of a nested value must not be Python's."""
    value = plain(value)
    if isinstance(value, Mapping):
        return {k: _json_text(v) if isinstance(plain(v), Mapping | list | tuple) else v for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_text(v) if isinstance(plain(v), Mapping | list | tuple) else v for v in value]
    return value


def _deep_pairs(name: str, value: Any) -> list[tuple[str, str]]:
    """``deepObject`` at any depth: ``name[key]``, array items as ``name[0]`` (OpenAPI defines one level of
    objects; the bracket nesting below it is the convention query and form decoders read, ``a[b][0][c]``)."""
    value = plain(value)
    if isinstance(value, Mapping):
        return [pair for k, v in value.items() if v is not None for pair in _deep_pairs(f"{name}[{k}]", v)]
    if isinstance(value, list | tuple):
        return [pair for i, v in enumerate(value) if v is not None for pair in _deep_pairs(f"{name}[{i}]", v)]
    return [(name, scalar_text(value))]


def form_field(name: str, value: Any, encoding: Mapping[str, Any] | None = None) -> list[tuple[str, str]]:
    """One property of an ``application/x-www-form-urlencoded`` body as (name, value) pairs, by its Encoding
    Object (OpenAPI 3.1): ``style`` (default ``form``) and ``explode`` (default true for ``form``) as for a query
    parameter, so by default an object's members are fields of their own and an array repeats the name;
    ``deepObject`` nests (``address[city]``). An encoding with a ``contentType`` and neither ``style`` nor
    ``explode`` sends the value as that type: JSON text for a JSON type, else its text."""
    encoding = encoding or {}
    value = plain(value)
    if value is None:
        return []
    style, explode = encoding.get("style"), encoding.get("explode")
    content_type = str(encoding.get("contentType") or "")
    if style is None and explode is None and content_type:
        if isinstance(value, Mapping | list | tuple) or "json" in content_type.split(";")[0].lower():
            return [(name, _json_text(value))]
        return [(name, scalar_text(value))]
    style = str(style or "form")
    explode = bool(explode) if explode is not None else style == "form"
    if not isinstance(value, Mapping | list | tuple):
        return [(name, scalar_text(value))]
    if style == "deepObject":
        return _deep_pairs(name, value)
    return [(k, v) for k, values in styled_query(name, _flat(value), style, explode).items() for v in values]


def merge_query(plain: Mapping[str, Any], *styled: Mapping[str, list[str]]) -> dict[str, Any]:
    """The query of one request: the plain parameters, then each styled one's names and values; a name two
    parameters produce (exploded objects may share property names) is sent with the values of both."""
    merged: dict[str, Any] = dict(plain)
    for part in styled:
        for name, values in part.items():
            before = merged.get(name)
            if before is None:
                merged[name] = list(values)
            else:
                merged[name] = [*(before if isinstance(before, list | tuple) else [before]), *values]
    return merged


def cookie_header(values: Mapping[str, Any]) -> dict[str, str]:
    """Cookie parameters (``form`` style) as one ``Cookie`` header; ``{}`` when none is set."""
    parts = [f"{name}={simple(value)}" for name, value in values.items() if value is not None]
    return {"Cookie": "; ".join(parts)} if parts else {}
