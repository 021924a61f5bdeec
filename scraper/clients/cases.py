"""Contract-test cases: the request an operation must send for given argument values, as plain JSON data.

The expected path, query, headers and cookies are computed with the same serialisation the generated packages call
(``docs2client_runtime.serialize``), so the cases follow the spec's ``style``/``explode`` rules exactly as the
client does; that module's own behaviour is pinned by the OpenAPI style table in the tests.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote

from scraper.clients.ir import OperationIR, ParamIR, VersionIR
from scraper.clients.render import wire_text

__all__ = ["PATH_SEGMENT_SAFE", "path_segment", "request_case", "serializer"]


@cache
def serializer() -> ModuleType:
    """``docs2client_runtime.serialize``: the same serialisation the generated clients call, so the contract
    tests' expected requests follow it.

    The module's own file, loaded without the package's ``__init__`` (which imports the whole runtime and httpx,
    a tenth of a second of ``docs2client generate`` for a module that needs only the standard library); the
    module that ``import docs2client_runtime.serialize`` gives when the runtime is already imported.
    """
    if "docs2client_runtime.serialize" in sys.modules:
        return sys.modules["docs2client_runtime.serialize"]
    package = importlib.util.find_spec("docs2client_runtime")  # finds the package without running it
    if package is None or not package.submodule_search_locations:
        from docs2client_runtime import serialize

        return serialize
    path = Path(next(iter(package.submodule_search_locations))) / "serialize.py"
    spec = importlib.util.spec_from_file_location("_docs2client_runtime_serialize", path)
    if spec is None or spec.loader is None:  # pragma: no cover - a file that exists always has a loader
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except ImportError:  # the module came to import its siblings (relatively): then the package it is
        from docs2client_runtime import serialize

        return serialize
    return module


#: What a plain path argument keeps unescaped besides letters, digits and ``-._~``: the runtime's
#: ``docs2client_runtime.wire.quote_path_segment`` escapes a segment as Go's ``url.PathEscape`` does (``ft:a+b@c``
#: goes out as it is), and the expected path must be what the client sends (a test pins the two together).
PATH_SEGMENT_SAFE = "$&+:=@"


#: What httpx leaves unescaped in the literal text of a request path (a documented path with a space or a brace
#: in it goes out percent-encoded; ``%`` is kept as written).
_LITERAL_SAFE = "/:@!$&'()*+,;=-._~%[]|^\\"


def path_segment(value: Any) -> str:
    """A plain (unstyled) path argument as the generated client puts it in the URL."""
    return quote(wire_text(value), safe=PATH_SEGMENT_SAFE)


def _path_text(p: ParamIR, value: Any) -> str:
    wire = serializer()
    if p.reserved and isinstance(value, str):  # a resource name: its slashes separate segments
        return "/".join(path_segment(part) for part in value.split("/"))
    if p.style or isinstance(value, dict | list):
        return str(wire.styled_path(p.wire_name, value, p.style or "simple", p.explode if p.style else False))
    return path_segment(value)


def _query_pairs(p: ParamIR, value: Any) -> list[tuple[str, str]]:
    if p.style:
        styled: dict[str, list[str]] = serializer().styled_query(p.wire_name, value, p.style, p.explode)
        return [(k, v) for k, values in styled.items() for v in values]
    values = value if isinstance(value, list) else [value]
    return [(p.wire_name, wire_text(x)) for x in values if x is not None]


def _header_text(p: ParamIR, value: Any) -> str:
    if p.style or isinstance(value, dict | list):
        return str(serializer().simple(value, p.explode if p.style else False))
    return wire_text(value)


def request_case(
    v: VersionIR,
    op: OperationIR,
    values: Mapping[str, Any],
    client_values: Mapping[str, Any],
    body: dict[str, Any] | None,
    xfail: str | None = None,
) -> dict[str, Any]:
    """The case calling ``op`` with ``values`` (wire name -> value, for every parameter that has one; fixed ones
    included) and ``body`` (``{"model", "value"}`` or None), and what the request must then look like; ``xfail``
    is why the case is known to fail (an example that does not match its schema)."""
    args = [values[p.wire_name] for p in op.path_params if p.wire_name in values]
    kwargs = {p.py_name: values[p.wire_name] for p in op.other_params if p.wire_name in values}
    query: list[tuple[str, str]] = []
    headers: dict[str, str] = {}
    cookies: dict[str, Any] = {}
    path_values: dict[str, str] = {}
    for p in op.params:
        if p.client_level:
            value = client_values[p.wire_name]
        elif p.wire_name in values:
            value = values[p.wire_name]
        else:
            continue
        if value is None:
            continue
        if p.location == "path":
            path_values[p.wire_name] = _path_text(p, value)
        elif p.location == "query":
            query += _query_pairs(p, value)
        elif p.location == "header":
            headers[p.wire_name] = _header_text(p, value)
        elif p.location == "cookie":
            cookies[p.wire_name] = value
    headers.update(serializer().cookie_header(cookies))
    if op.accept is not None and not any(name.lower() == "accept" for name in headers):
        headers["Accept"] = op.accept  # the documented media types, unless a documented Accept parameter is sent
    parts = re.split(r"\{([^{}]+)\}", op.path)  # literal text at even positions, placeholders at odd ones
    path = "".join(path_values[part] if i % 2 else quote(part, safe=_LITERAL_SAFE) for i, part in enumerate(parts))
    return {
        "name": op.method_name,
        "args": args,
        "kwargs": kwargs,
        "body": body,
        "expect": {
            "method": op.http_method,
            "path": path,
            "query": query,
            "headers": headers,
            "body": body is not None,  # the JSON sent is the example body itself
        },
        "deprecated": op.deprecated,
        "planned": op.planned,
        "warn_match": re.escape(op.sunset or v.version),
        "xfail": xfail,
    }
