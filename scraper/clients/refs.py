"""Local ``$ref`` resolution in an OpenAPI document: JSON pointers, chains of references, cycles.

Specs written by others reference everything: parameters, request bodies, responses, headers, examples, path items
and schemas, sometimes through several hops and sometimes into another operation (``#/paths/~1pets/get/...``). The
generator follows every *local* reference (``#/...``) before it builds its model; a reference that leaves the
document (another file, a URL) or points nowhere is an error naming where it was found, and a chain that loops
back on itself is reported as a cycle instead of recursing forever.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scraper.json_nodes import objects

__all__ = [
    "SCHEMAS",
    "RefError",
    "component_name",
    "direct_pointers",
    "follow",
    "pointer_tokens",
    "resolve_pointer",
    "schema_ref",
]

#: Keys beside a ``$ref`` that describe rather than constrain: they override the target's.
ANNOTATIONS = frozenset({"summary", "description", "title", "deprecated", "readOnly", "writeOnly", "example"})
#: More hops than any sane document uses; a longer chain is reported rather than followed.
MAX_HOPS = 64
#: Where a document keeps its named schemas; in the models' schema set (``VersionIR.schemas``) every reference is
#: ``SCHEMAS + <Class>``.
SCHEMAS = "#/components/schemas/"


def schema_ref(name: str) -> str:
    """The reference to component ``name``, escaped as a JSON pointer token (``a/b`` -> ``a~1b``; a class name of
    the models' set needs none)."""
    return SCHEMAS + name.replace("~", "~0").replace("/", "~1")


def component_name(reference: Any) -> str | None:
    """The component a ``#/components/schemas/<name>`` reference names, as spelt (one pointer token, not unescaped:
    the models' set names classes, which never need escaping); None for anything else (not a string, another
    pointer, a pointer into a component)."""
    if isinstance(reference, str) and reference.startswith(SCHEMAS):
        name = reference[len(SCHEMAS) :]
        if name and "/" not in name:
            return name
    return None


class RefError(ValueError):
    """A ``$ref`` that cannot be followed: external, dangling or cyclic (the message says which and where)."""


def pointer_tokens(ref: str) -> list[str]:
    """``#/components/schemas/a~1b`` -> ``["components", "schemas", "a/b"]`` (RFC 6901 unescaping, ``%xx`` too)."""
    from urllib.parse import unquote

    if not ref.startswith("#"):
        raise RefError(
            f"$ref {ref!r} points outside this document, at no file beside it (generate --spec bundles the files"
            " in the document's folder; URLs are not read)"
        )
    fragment = unquote(ref[1:])
    if fragment == "":
        return []
    if not fragment.startswith("/"):
        raise RefError(f"$ref {ref!r} is not a JSON pointer (expected '#/...')")
    return [t.replace("~1", "/").replace("~0", "~") for t in fragment[1:].split("/")]


def resolve_pointer(doc: Mapping[str, Any], ref: str) -> Any:
    """The value ``ref`` points to in ``doc``; :class:`RefError` when any step is missing."""
    node: Any = doc
    for token in pointer_tokens(ref):
        if isinstance(node, Mapping) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise RefError(f"$ref {ref!r} does not resolve (no {token!r})")
    return node


def direct_pointers(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """Every local ``$ref`` (and discriminator mapping value) of ``doc`` whose pointer passes through another
    ``$ref`` object (PagerDuty's ``.../allOf/0/properties/data`` where ``allOf/0`` is a reference) rewritten, in place,
    to the pointer of what it names when read through those references, as bundlers built on json-schema-ref-parser
    write and read them; RFC 6901 reads the document as written, so no part of the generator (models, examples,
    parameters) resolved them. Returns ``(as written, rewritten)`` pairs; a pointer that resolves as written, or not
    even through references, is left alone (reported where it is used)."""
    rewritten: list[tuple[str, str]] = []
    for node in objects(doc, lambda key: key not in _DATA_KEYS):
        # a $ref, and a discriminator's mapping values (references too; PagerDuty's is one such pointer)
        discriminator = node.get("discriminator")
        mapping = discriminator.get("mapping") if isinstance(discriminator, dict) else None
        holders = [(node, "$ref")] + ([(mapping, tag) for tag in mapping] if isinstance(mapping, dict) else [])
        for holder, key in holders:
            ref = holder.get(key)
            if isinstance(ref, str) and ref.startswith("#/"):
                direct = _direct_pointer(doc, ref)
                if direct is not None:
                    holder[key] = direct
                    rewritten.append((ref, direct))
    return rewritten


#: Keys whose values are data, never searched for references.
_DATA_KEYS = frozenset({"$ref", "example", "default", "enum", "const"})


def _direct_pointer(doc: Mapping[str, Any], ref: str) -> str | None:
    try:
        resolve_pointer(doc, ref)
        return None  # resolves as written
    except RefError:
        pass
    try:
        tokens = _read_through(doc, pointer_tokens(ref), 0)
    except RefError:
        return None
    return "#/" + "/".join(t.replace("~", "~0").replace("/", "~1") for t in tokens)


def _read_through(doc: Mapping[str, Any], tokens: list[str], hops: int) -> list[str]:
    """The tokens, as written in ``doc``, of the place ``tokens`` reach when a step missing from a ``$ref`` object is
    taken from what that reference points to."""
    node: Any = doc
    here: list[str] = []
    for token in tokens:
        while (
            isinstance(node, Mapping)
            and token not in node
            and isinstance(node.get("$ref"), str)
            and str(node["$ref"]).startswith("#")
        ):
            if hops >= MAX_HOPS:
                raise RefError(f"a pointer passes through more than {MAX_HOPS} references")
            hops += 1
            here = _read_through(doc, pointer_tokens(str(node["$ref"])), hops)
            node = resolve_pointer(doc, "#/" + "/".join(t.replace("~", "~0").replace("/", "~1") for t in here))
        if isinstance(node, Mapping) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            raise RefError(f"no {token!r}")
        here.append(token)
    return here


def follow(doc: Mapping[str, Any], node: Any) -> Any:
    """``node`` with its ``$ref`` chain followed to the first object that is not a reference.

    Annotation siblings of a ``$ref`` (``description``, ``summary``, ``title``, ...: OpenAPI 3.1 lets them
    override) are kept over the target's; structural siblings (``properties``, ``required``, ...) never replace
    the target's. A chain that comes back to a reference it already followed raises :class:`RefError` (a cycle).
    """
    overrides: dict[str, Any] = {}
    seen: list[str] = []
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        ref = str(node["$ref"])
        if ref in seen or len(seen) >= MAX_HOPS:
            raise RefError(f"$ref cycle: {' -> '.join([*seen, ref])}")
        seen.append(ref)
        for key, value in node.items():
            if key in ANNOTATIONS:
                overrides.setdefault(key, value)
        node = resolve_pointer(doc, ref)
    if overrides and isinstance(node, Mapping):
        return {**node, **overrides}
    return node
