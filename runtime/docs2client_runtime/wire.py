"""Values on the wire: query parameters and path segments as the providers' own SDKs send and sign them."""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import (
    Mapping,
)
from enum import Enum
from typing import Any
from urllib.parse import quote

from docs2client_runtime.serialize import iso_text

__all__ = [
    "drop_none",
    "quote_path_segment",
]


# --------------------------------------------------------------------------------------------------------------------
# Query parameters
# --------------------------------------------------------------------------------------------------------------------


def _query_value(value: Any) -> str:
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return iso_text(value)
    return str(value)


def drop_none(mapping: Mapping[str, Any] | None) -> dict[str, str | list[str]]:
    """Query parameters ready for httpx: unset (``None``) values omitted, booleans as ``"true"``/``"false"``,
    enums by value, dates in ISO format, lists/tuples as repeated keys (``None`` items dropped).

    ``str(True)`` would send ``True``, which most APIs reject; this is why the helper exists.
    """
    result: dict[str, str | list[str]] = {}
    if not mapping:
        return result
    for key, value in mapping.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple, set, frozenset)):
            items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
            result[key] = [_query_value(item) for item in items if item is not None]
        else:
            result[key] = _query_value(value)
    return result


# --------------------------------------------------------------------------------------------------------------------
# Path segments
# --------------------------------------------------------------------------------------------------------------------

#: What Go's ``url.PathEscape`` leaves unescaped besides letters, digits and ``-._~`` (RFC 3986 allows ``:`` ``@``
#: ``&`` ``=`` ``+`` ``$`` in a segment and reserves ``/`` ``;`` ``,`` ``?``). SCP's own SDK builds its URLs so, and
#: the signature covers the URL, so a client that encoded ``:`` or ``@`` would sign a different URL than the SDK.
_PATH_SEGMENT_SAFE = "$&+:=@"
#: A segment made only of what ``quote(value, safe=_PATH_SEGMENT_SAFE)`` leaves as it is (ASCII letters, digits,
#: ``_.-~`` and the safe characters above).
_UNESCAPED_SEGMENT = re.compile(r"[A-Za-z0-9_.\-~$&+:=@]+").fullmatch


def quote_path_segment(value: str) -> str:
    """``value`` as one path segment, escaped like Go's ``url.PathEscape``.

    ``.``, ``..`` and the empty string are refused (:class:`ValueError`): URL normalisation resolves them, so
    ``detach_volume("vol-1", "..")`` would otherwise send ``DELETE /v1/volumes/vol-1`` (a different, signed call).
    """
    if value in ("", ".", ".."):
        raise ValueError(f"{value!r} is not a valid path argument: it would change which resource the call targets")
    if _UNESCAPED_SEGMENT(value):  # the usual id: nothing to escape (quote would return it unchanged, slower)
        return value
    return quote(value, safe=_PATH_SEGMENT_SAFE)
