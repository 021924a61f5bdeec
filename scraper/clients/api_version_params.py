"""A required ``api-version`` parameter read as the API version the document describes.

Azure's documents (AutoRest's dialect; 1,838 of APIs-guru's 3,116 documents have one) declare on every operation a
required query parameter ``api-version`` of type string, with no default and no enum: its value is the document's
own ``info.version``, which AutoRest's clients send by themselves ("Client API version." the description says, and
every ``x-ms-examples`` entry shows it). Generated literally, every method took a required ``api_version: str``
the caller had to look up and repeat; openapi-python-client does the same. A package here already has one module
per API version, named after ``info.version``, so the version the module stands for is the value: the parameter is
sent as that constant by every method (as a required ``const`` parameter is), and the generator says so once per
document. Only where the schema allows that value: no ``default`` (a documented default is the caller's optional
argument as before), no other ``const``, an ``enum`` holding it, a ``pattern`` it matches.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["API_VERSION_NAMES", "document_version_value", "document_version_warning"]

#: the parameter names read so, compared case-insensitively (AutoRest's ``api-version``, and its spellings)
API_VERSION_NAMES = frozenset({"api-version", "api_version", "apiversion"})


def document_version_value(param: Mapping[str, Any], schema: Mapping[str, Any], version: str) -> str | None:
    """``version`` when ``param`` (with its resolved ``schema``) is a required ``api-version`` query or header
    parameter whose schema allows that value and names no default; None otherwise."""
    name = str(param.get("name", "")).lower()
    if name not in API_VERSION_NAMES or param.get("in") not in ("query", "header") or param.get("required") is not True:
        return None
    if not version or schema.get("type", "string") != "string" or "default" in schema or "const" in schema:
        return None
    enum = schema.get("enum")
    if enum is not None and (not isinstance(enum, list) or version not in enum):
        return None
    pattern = schema.get("pattern")
    if pattern is not None:
        try:
            if not isinstance(pattern, str) or re.search(pattern, version) is None:
                return None
        except re.error:
            return None
    return version


def document_version_warning(places: Sequence[str], wire_name: str, version: str) -> str | None:
    """One warning for the parameters read as the document's version (their places, in document order): at the
    first, with the count; None when there were none."""
    if not places:
        return None
    count = f"{len(places)} operations" if len(places) > 1 else "1 operation"
    return (
        f"{places[0]}: the required {wire_name!r:.80} parameter has no default: sent as the document's version"
        f" {version!r:.80} (info.version) by every method that takes it, as AutoRest's clients do ({count})"
    )
