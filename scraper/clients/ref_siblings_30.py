"""Keywords beside a ``$ref`` in an OpenAPI 3.0 document (or a converted Swagger 2.0 one) are ignored, as 3.0 says.

OpenAPI 3.0's Reference Object "cannot be extended with additional properties and any properties added SHALL be
ignored" (Swagger 2.0 says the same); only 3.1 applies a reference's siblings (JSON Schema 2020-12). Documents
written by hand or by code generators still put shape keywords there: APIs-guru's ``je-apis.com/2.0.0.0`` writes
``{$ref: System.Decimal, description: Decimal, items: {$ref: System.Decimal}}`` for every money field, and
datamodel-code-generator read the ``items`` as an array (``list[SystemDecimal]``), so the documented responses failed
to parse; a ``type`` beside a reference to an object made a copy of the target under the field's name. The shape
keywords are left out, with one warning naming the first place; annotations that change no value's shape
(``description``, ``readOnly``, ``nullable``, ``default``, ``example``, ``x-`` extensions, ...) stay, as generators
commonly honour them.
"""

from __future__ import annotations

from typing import Any

from scraper.clients.report import subject_count
from scraper.json_nodes import holds_schemas, located_objects
from scraper.json_pointer import json_pointer

__all__ = ["ignored_ref_siblings"]

#: Members beside a ``$ref`` that describe the value without changing its shape: kept.
_ANNOTATIONS = frozenset(
    {
        "$ref",
        "description",
        "summary",
        "title",
        "example",
        "examples",
        "default",
        "deprecated",
        "readOnly",
        "writeOnly",
        "nullable",
        "externalDocs",
        "xml",
        "discriminator",
    }
)


def ignored_ref_siblings(doc: dict[str, Any]) -> list[str]:
    """Leave out, in place, every member beside a ``$ref`` (a string) of the 3.0 ``doc`` that is no annotation (see
    the module docstring); returns one warning saying how many schemas and where the first is, or none."""
    places: list[tuple[str, list[str]]] = []
    for node, where in located_objects(doc, holds_schemas):
        if not isinstance(node.get("$ref"), str):
            continue  # no reference (or a property named $ref under `properties`)
        dropped = [key for key in node if isinstance(key, str) and key not in _ANNOTATIONS and not key.startswith("x-")]
        for key in dropped:
            del node[key]
        if dropped:
            places.append((json_pointer(where), dropped))
    if not places:
        return []
    places.sort()
    first, keys = places[0]
    return [
        f"{subject_count(len(places), 'schema', 'write')} keywords beside a $ref, which OpenAPI 3.0 and Swagger 2.0"
        f" ignore; left out (first: {first}: {', '.join(keys)})"
    ]
