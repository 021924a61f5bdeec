"""Which documented operation each public method of a generated client module calls, and the module's API version.

The release rules compare a package's client modules on disk with the re-rendered ones, method by method; the spec
diff names operations (``GET /v1/volumes/{volume_id}``). To tell a signature change the spec diff already lists
from one a generator change made, a method is matched to its operation by what every generated method's docstring
says of it, the ``METHOD /path`` line its template writes (``templates/client/macros.py.j2``: ```GET /v1/x``
(API version 1.0, CURRENT)``, for ``iter_*`` methods and a body's other media types too), and a module to its API
version by its ``API_VERSION`` constant. Both sides are read so, the old module too: a method the new rendering no
longer has is matched to the operation it called. A method without such a line (an older generator's, a helper)
matches no operation, so its changes are never taken for the spec's.
"""

from __future__ import annotations

import ast
import re

from scraper.clients.client_classes import client_classes
from scraper.diff.change_scope import operation_key

__all__ = ["api_version", "method_operations"]

#: The docstring line naming a method's operation: ````POST /v1/volumes`` (API version 1.0, ...``.
_OPERATION_LINE = re.compile(r"^\s*``([A-Z]+) (/[^`]*)`` \(API version ", re.MULTILINE)
#: The module constant naming its API version, a string literal on one line.
_API_VERSION_LINE = re.compile(
    r"^API_VERSION(?: *: *str)? = (\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*')$", re.MULTILINE
)


def method_operations(source: str) -> dict[str, str]:
    """Public method name -> its operation's key (:func:`scraper.diff.change_scope.operation_key`), over the
    module's client classes; methods whose docstring names no operation are left out."""
    found: dict[str, str] = {}
    for node in client_classes(source):
        for item in node.body:
            if not isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            match = _OPERATION_LINE.search(ast.get_docstring(item, clean=False) or "")
            if match is not None:
                found.setdefault(item.name, operation_key(match.group(1), match.group(2)))
    return found


def api_version(source: str) -> str | None:
    """The module's ``API_VERSION = "..."`` (None when it has no such line; read without parsing the module again,
    which would double the cost of the release rules)."""
    match = _API_VERSION_LINE.search(source)
    if match is None:
        return None
    try:
        value = ast.literal_eval(match.group(1))
    except (SyntaxError, ValueError):
        return None
    return value if isinstance(value, str) else None
