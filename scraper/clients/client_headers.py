"""Header parameters that are the client's, not each method's: one every operation requires, alike, unsecured.

Listen Notes documents its API key as no security scheme but a required ``X-ListenAPI-Key`` header parameter of
every operation; each method then took ``x_listen_api_key=``, as openapi-python-client's clients do, and a user
passed the key on every call. Stainless' SDKs and the vendors' own take such a value once, on the client. A header
parameter is read as the client's when every documented operation of the version requires it (by its name, in any
case), each with the same annotation, none deprecated, no security scheme sets it (those are dropped before, as
credentials), and the version has two operations or more (with one, nothing is repeated). The constructor then takes
it as an optional keyword, and each method keeps its keyword, optional now, as an override: a call written for the
old signature works as before (a required keyword become optional is no breaking change). It is an inference, so the
package README lists it; nothing is decided from a header's name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

__all__ = ["client_wide_headers"]


class _Param(Protocol):
    wire_name: str
    location: str
    required: bool
    annotation: str
    client_level: bool
    fixed: bool
    deprecated: bool


class _Operation(Protocol):
    @property
    def params(self) -> Sequence[_Param]: ...


def client_wide_headers(operations: Iterable[_Operation]) -> list[str]:
    """The lower-cased names of the header parameters that are the client's (see the module docstring), sorted."""
    counted = 0
    common: dict[str, str] | None = None  # lower-cased name -> annotation, for the headers every operation requires
    for op in operations:
        counted += 1
        own = {
            p.wire_name.lower(): p.annotation
            for p in op.params
            if p.location == "header" and p.required and not (p.client_level or p.fixed or p.deprecated)
        }
        common = own if common is None else {k: v for k, v in common.items() if own.get(k) == v}
        if not common:
            return []
    return sorted(common or {}) if counted >= 2 else []
