"""A reference written under a misspelled key (``ref``, ``$Ref``) is read as the ``$ref`` it was meant to be.

JSON Schema ignores a keyword it does not know, so ``{ref: '#/components/schemas/Token'}`` allows any value: the
method returned ``Any`` and the model the document names went unused, without a word (Scalar's example document,
scalar/galaxy ``src/scalar-galaxy-3.1.json``, ``POST /auth/token``'s response). No schema keyword but ``$ref`` is
spelled so, and a property named ``ref`` is a member of ``properties`` (a schema, not a string), so a schema member
that differs from ``$ref`` only by its ``$`` or its case and holds a pointer into the document is a misspelling: it
is read as ``$ref`` when the pointer resolves, and left as written when it does not, one warning per outcome naming
the first place and the count.
"""

from __future__ import annotations

from typing import Any

from scraper.clients import refs
from scraper.clients.report import subject_count
from scraper.json_nodes import holds_schemas, located_objects
from scraper.json_pointer import json_pointer

__all__ = ["misspelled_refs"]


def _misspelled_key(node: dict[str, Any]) -> str | None:
    """The member of ``node`` that spells ``$ref`` wrongly and holds a local pointer, if ``node`` has no ``$ref``."""
    if "$ref" in node:
        return None
    for key, value in node.items():
        if (
            isinstance(key, str)
            and key.lower() in ("ref", "$ref")
            and isinstance(value, str)
            and value.startswith("#/")
        ):
            return key
    return None


def misspelled_refs(doc: dict[str, Any]) -> list[str]:
    """Rename, in place, every misspelled reference key of ``doc`` whose pointer resolves to ``$ref`` (see the module
    docstring); returns the warnings: one for those read as references, one for those that resolve nowhere."""
    read: list[tuple[str, str]] = []
    lost: list[tuple[str, str, str]] = []
    for node, where in located_objects(doc, holds_schemas):
        key = _misspelled_key(node)
        if key is None:
            continue
        pointer = node[key]
        try:
            refs.follow(doc, {"$ref": pointer})
        except refs.RefError:
            lost.append((json_pointer(where), key, pointer))
            continue
        rebuilt = {("$ref" if k == key else k): v for k, v in node.items()}
        node.clear()
        node.update(rebuilt)
        read.append((json_pointer(where), key))
    warnings = []
    if read:
        read.sort()
        keys = ", ".join(repr(k) for k in sorted({k for _, k in read}))
        first, key = read[0]
        whose = "their" if len(read) > 1 else "its"
        warnings.append(
            f"{subject_count(len(read), 'schema', 'write')} {whose} reference under a misspelled key ({keys}),"
            f" which JSON Schema ignores (any value); read as $ref (first: {first}: {key!r})"
        )
    if lost:
        lost.sort()
        first, key, pointer = lost[0]
        warnings.append(
            f"{subject_count(len(lost), 'schema', 'write')} a reference under a misspelled key that resolves nowhere;"
            f" left as written, any value (first: {first}: {key!r}: {pointer!r:.160})"
        )
    return warnings
