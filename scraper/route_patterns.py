"""Path placeholders that carry their route's pattern (``{api_ver:\\d+}``), read as the plain placeholder.

Web frameworks write a route's pattern into its placeholder (Pyramid and Cornice ``{name:regex}``, Spring
``{id:\\d+}``, JAX-RS ``{id: [0-9]+}``), and documents generated from the routes keep it, often with the parameter
named after the whole placeholder text (APIs-guru's mozilla.com/kinto: ``{api_ver:\\d+}``, parameter
``api_ver:\\d+``). OpenAPI's path templating has no patterns: Swagger 2.0's validator reads such a placeholder as
``api_ver`` and refused the document because no parameter had that name, and a 3.x document made a method
argument ``api_ver_d``. The placeholder is rewritten to ``{api_ver}``, a path parameter named after the whole
placeholder text gets that name, and each placeholder is a warning quoting the pattern (the client checks none).
A pattern holding braces (``\\d{3}``) is not recognised and stays as written.
"""

from __future__ import annotations

import re
from typing import Any

from scraper.json_pointer import json_pointer

__all__ = ["route_patterns_in_document"]

#: ``{name:pattern}`` (spaces allowed around both, as JAX-RS writes them); no braces inside the pattern.
_ROUTE_PLACEHOLDER = re.compile(r"\{\s*([A-Za-z_][\w.-]*)\s*:\s*([^{}]*?)\s*\}")
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query")


def route_patterns_in_document(doc: dict[str, Any], *, prefix: str = "") -> list[str]:
    """Rewrite, in place, every path of ``doc`` whose placeholders carry a route pattern, and the path parameters
    named after such a placeholder (see the module docstring); a warning per placeholder (``prefix`` + the path's
    JSON pointer: ``#`` for a 2.0 document's messages). A rewrite that would give a path the document already has is
    left out, with a warning."""
    paths = doc.get("paths")
    if not isinstance(paths, dict) or not any(_ROUTE_PLACEHOLDER.search(str(p)) for p in paths):
        return []
    warnings: list[str] = []
    rewritten: dict[Any, Any] = {}
    for path, item in paths.items():
        text = str(path)
        plain = _ROUTE_PLACEHOLDER.sub(lambda m: "{" + m.group(1) + "}", text)
        where = prefix + json_pointer(["paths", path])
        if plain == text:
            rewritten[path] = item
            continue
        if plain in paths or plain in rewritten:
            warnings.append(f"{where}: route patterns in placeholders; kept as written ({plain} is another path)")
            rewritten[path] = item
            continue
        for match in _ROUTE_PLACEHOLDER.finditer(text):
            name, pattern = match.group(1), match.group(2)
            warnings.append(
                f"{where}: placeholder {match.group(0)} carries a route pattern ({pattern!r}), which the client does"
                f" not check; read as {{{name}}}"
            )
            _rename_parameters(item, match.group(0)[1:-1], name)
        rewritten[plain] = item
    doc["paths"] = rewritten
    return warnings


def _rename_parameters(item: Any, written: str, name: str) -> None:
    """Path parameters of a path item and its operations named ``written`` (the placeholder's text, with or without
    the spaces around it) are named ``name``."""
    if not isinstance(item, dict):
        return
    holders = [item, *(item.get(m) for m in _METHODS)]
    for holder in holders:
        params = holder.get("parameters") if isinstance(holder, dict) else None
        for param in params if isinstance(params, list) else []:
            if (
                isinstance(param, dict)
                and param.get("in") == "path"
                and isinstance(param.get("name"), str)
                and param["name"].strip() in (written, written.strip())
            ):
                param["name"] = name
