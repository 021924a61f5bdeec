"""Path parameter values the generated client refuses to send, and a value of the same schema it sends instead.

The runtime refuses an empty, ``.`` or ``..`` path segment (``docs2client_runtime.wire.quote_path_segment``): URL
normalisation resolves them, so the call would reach another resource. A contract test must therefore never pass
one, even when the schema allows it (an ``enum`` starting with ``''``) or the document shows it as the example.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from scraper.clients import synthesis
from scraper.clients.render import wire_text

__all__ = ["REFUSED", "carried_value", "has_refused_part", "is_refused"]

#: The segments the runtime refuses (see the module docstring).
REFUSED = frozenset({"", ".", ".."})


def _segment_text(value: Any) -> str:
    """``value`` as the ``simple`` style (a path's default) puts it in the path, before percent-encoding."""
    if isinstance(value, list):
        return ",".join(wire_text(item) for item in value)
    if isinstance(value, dict):
        return ",".join(f"{key},{wire_text(item)}" for key, item in value.items())
    return wire_text(value)


def is_refused(value: Any) -> bool:
    """Whether the client refuses ``value`` as a plain (``simple`` style) path argument."""
    return value is not None and _segment_text(value) in REFUSED


def has_refused_part(value: Any) -> bool:
    """Whether a reserved-expansion path value (its slashes separating segments) has a part the runtime refuses."""
    return value is not None and any(part in REFUSED for part in _segment_text(value).split("/"))


def carried_value(
    doc: Mapping[str, Any], schema: Any, start: Any, check: Callable[[Any, Any], bool]
) -> tuple[bool, Any]:
    """``(True, value)``: the first of ``start`` and the values near it (the schema's other ``enum`` members, a
    string with a digit appended, ...) that ``check`` accepts for ``schema`` and a path can carry; ``(False,
    None)`` when there is none."""
    for candidate in [start, *synthesis.variants(doc, schema, start)]:
        if not is_refused(candidate) and candidate is not None and check(candidate, schema):
            return True, candidate
    return False, None
