"""Swagger 2.0 (OpenAPI 2.0) documents converted, in memory, into the OpenAPI 3.0 documents the generator reads.

Much of the public API world is still written in 2.0 (APIs.guru's directory, Kubernetes, Docker, Azure). The
generator works on 3.x only, so a 2.0 document is first checked with openapi-spec-validator's 2.0 validator (bad
input is one line naming the JSON pointer) and then rewritten the way the specification maps one version onto the
other:

- ``definitions``/``parameters``/``responses``/``securityDefinitions`` become ``components`` sections, and every
  ``$ref`` into them is rewritten; a body or form parameter is not a parameter in 3.0, so a ``$ref`` to one is
  resolved and folded into the operation's ``requestBody``;
- ``in: body`` becomes a ``requestBody``, ``in: formData`` parameters one object schema under a form or multipart
  media type; ``consumes``/``produces`` (the operation's over the document's) give the media types of bodies and
  responses; a response's ``schema``, ``headers`` and ``examples`` move under its ``content``;
- ``host``/``basePath``/``schemes`` become ``servers``; ``collectionFormat`` becomes ``style``/``explode``;
  ``type: file`` becomes a binary string; ``x-nullable`` becomes ``nullable``; a 2.0 ``discriminator`` (the property
  name) becomes 3.0's object.

What 3.0 cannot say the same way becomes a warning naming the JSON pointer of the 2.0 document.
"""

from __future__ import annotations

import copy
import functools
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

from scraper.json_nodes import objects
from scraper.route_patterns import route_patterns_in_document
from scraper.swagger_formats import format_misses, only_format_misses
from scraper.swagger_formats import place as complaint_place
from scraper.tuple_items import tuple_items_in_document
from scraper.url_credentials import redact_text

__all__ = ["SwaggerError", "convert_swagger", "is_swagger"]

_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
#: Keywords a 2.0 non-body parameter (or its ``items``, or a header) shares with a JSON schema.
_SCHEMA_KEYWORDS = (
    "type", "format", "items", "default", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
    "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "enum", "multipleOf",
)  # fmt: skip
#: Schema keywords holding one subschema, a mapping of them, or a list of them (2.0's JSON Schema subset + 3.0's).
_ONE_SCHEMA = ("items", "additionalProperties", "not")
_SCHEMA_MAPS = ("properties", "patternProperties")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf")
_FORM = "application/x-www-form-urlencoded"
_MULTIPART = "multipart/form-data"
#: The 3.x Encoding Object style of a form field's 2.0 ``collectionFormat`` (not exploded; ``multi`` is the default).
_FORM_FIELD_STYLES = {"csv": "form", "ssv": "spaceDelimited", "pipes": "pipeDelimited"}
_JSON = "application/json"
#: The sections of a 2.0 document that move under ``components``, and their 3.0 names.
_SECTIONS = {"definitions": "schemas", "parameters": "parameters", "responses": "responses"}
_OAUTH_FLOWS = {"implicit": "implicit", "password": "password", "application": "clientCredentials",
                "accessCode": "authorizationCode"}  # fmt: skip


class SwaggerError(ValueError):
    """The 2.0 document cannot be converted; the message is one line naming the document and the place."""


def is_swagger(doc: Mapping[str, Any]) -> bool:
    """A Swagger/OpenAPI 2.0 document (``swagger: "2.0"``, no ``openapi`` field)."""
    return "openapi" not in doc and "swagger" in doc


def pointer(*parts: Any) -> str:
    """The JSON pointer (RFC 6901) of a place, as a URI fragment: ``#/paths/~1pets/get``."""
    return "#/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def convert_swagger(doc: Mapping[str, Any], source: str) -> tuple[dict[str, Any], list[str]]:
    """The OpenAPI 3.0.3 document equivalent to the 2.0 ``doc``, and a warning (``pointer: what``) per place the
    conversion cannot carry over exactly. Raises :class:`SwaggerError` when ``doc`` is not a valid 2.0 document."""
    if str(doc.get("swagger")) != "2.0":
        raise SwaggerError(f"{source}: 'swagger' is {str(doc.get('swagger'))!r:.40}; expected '2.0' (or OpenAPI 3.x)")
    doc, repairs = _as_written(doc)
    repairs.extend(route_patterns_in_document(doc, prefix="#"))
    repairs.extend(_untyped_parameters(doc))
    repairs.extend(tuple_items_in_document(doc, prefix="#"))
    repairs.extend(_nullable_as_extension(doc))
    repairs.extend(_unknown_schema_keys(doc))
    borrowed = _borrowed_keywords(doc)
    repairs.extend(_validate(doc, source))
    for schema, key, value in borrowed:  # back for the conversion, which keeps them (3.0 reads them)
        schema[key] = value
    if borrowed:
        counts = ", ".join(f"{k} {n}" for k, n in sorted(Counter(key for _, key, _ in borrowed).items()))
        repairs.append(f"#: OpenAPI 3.0's schema keywords in a 2.0 document ({counts}); kept, as 3.0 reads them")
    converted, warnings = _Converter(doc, source).run()
    return converted, [*repairs, *warnings]


def _as_written(doc: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """``doc`` with what YAML typed for its writer put back as the text 2.0 requires: mapping keys as strings
    (``200:`` is the integer 200 in YAML), ``swagger: 2.0`` and a numeric ``info.version`` as strings."""

    def keys_as_text(node: Any) -> Any:
        if isinstance(node, dict):
            return {(k if isinstance(k, str) else str(k)): keys_as_text(v) for k, v in node.items()}
        if isinstance(node, list):
            return [keys_as_text(v) for v in node]
        return node

    out: dict[str, Any] = keys_as_text(doc)
    repairs: list[str] = []
    out["swagger"] = "2.0"
    info = out.get("info")
    if isinstance(info, dict) and isinstance(info.get("version"), (int, float)) and info["version"] is not True:
        repairs.append(f"#/info/version: the number {info['version']!r} is read as the version text")
        info["version"] = str(info["version"])
    return out, repairs


#: Values that are data, not schemas or OpenAPI objects: a ``$ref`` key in them is no reference.
_DATA_KEYS = frozenset({"example", "examples", "default", "enum", "x-example", "x-examples"})


def _check_refs(doc: Mapping[str, Any], source: str) -> list[str]:
    """Every ``$ref`` is local (``#/...``) and points at something. Checked before the validator runs, because its
    reference resolver would fetch a URL (or open a file) that a ``$ref`` names. A schema reference into
    ``definitions`` that points at nothing, or to another file or URL (what the bundler leaves is a file that is not
    there: APIs-guru's copies of Azure's network specs name ``./virtualNetwork.json``), is left out, in place, with a
    warning (any value, as a 3.x document's schema reference that cannot be followed is: DocuSign's eSignature spec
    names a ``signHashDocument`` it does not define, and the whole document was refused); any other is an error."""
    warnings: list[str] = []
    stack: list[tuple[Any, tuple[Any, ...]]] = [(doc, ())]
    while stack:
        node, where = stack.pop()
        if isinstance(node, list):
            stack.extend((v, (*where, i)) for i, v in enumerate(node))
            continue
        if not isinstance(node, dict):
            continue
        ref = node.get("$ref")
        if "$ref" in node and where[-1:] != ("properties",):
            if not isinstance(ref, str):
                raise SwaggerError(f"{source}: {pointer(*where, '$ref')}: a $ref must be a string, got {ref!r:.60}")
            in_schema = where[:1] == ("definitions",) or "schema" in where
            if not ref.startswith("#") and in_schema:
                del node["$ref"]  # never followed: what the bundler left is a file that is not there
                warnings.append(
                    f"{pointer(*where)}: $ref {ref!r:.120} is not in this document (a file not beside it, or a URL);"
                    " any value is accepted"
                )
            elif not ref.startswith("#"):
                raise SwaggerError(
                    f"{source}: {pointer(*where)}: $ref {ref!r:.120} refers to another file or URL; not followed"
                    " (generate --spec bundles the files beside the document)"
                )
            elif _pointed(doc, ref) is None and ref.startswith("#/definitions/") and in_schema:
                del node["$ref"]
                warnings.append(f"{pointer(*where)}: $ref {ref!r:.120} points at nothing; any value is accepted")
            elif _pointed(doc, ref) is None:
                raise SwaggerError(f"{source}: {pointer(*where)}: $ref {ref!r:.120} points at nothing")
        stack.extend(
            (v, (*where, k))
            for k, v in node.items()
            # ``default`` is data in a schema, but a response under ``responses``
            if k != "$ref" and (k not in _DATA_KEYS or (k == "default" and where[-1:] == ("responses",)))
        )
    return sorted(warnings)


def _pointed(doc: Any, ref: str) -> Any:
    """What the local ``$ref`` ``#/a/b`` points at in ``doc``, or None."""
    node = doc
    for token in ref[2:].split("/") if ref != "#" else []:
        token = unquote(token).replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict):
            node = node.get(token)
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node


def _validate(doc: dict[str, Any], source: str) -> list[str]:
    """Check ``doc`` against 2.0's schema; returns a warning per key left out (see :func:`_unknown_keys`)."""
    from openapi_spec_validator import OpenAPIV2SpecValidator

    left_out = _check_refs(doc, source)
    try:
        errors = [e for e in OpenAPIV2SpecValidator(doc).iter_errors() if not _tolerated(e)]  # type: ignore[arg-type]
        if errors and (unknown := _unknown_keys(doc, errors)):
            left_out.extend(unknown)
            errors = [e for e in OpenAPIV2SpecValidator(doc).iter_errors() if not _tolerated(e)]  # type: ignore[arg-type]
        repaired: set[str] = set()
        for _ in range(_REPAIR_ROUNDS):
            if not errors or len(repaired) >= _MAX_REPAIRS:
                break
            done = _repair_round(doc, errors, repaired)
            if not done:
                break
            left_out.extend(done)
            errors = [e for e in OpenAPIV2SpecValidator(doc).iter_errors() if not _tolerated(e)]  # type: ignore[arg-type]
        if errors:
            errors, kept_as_written = _without_format_misses(doc, errors)
            left_out.extend(kept_as_written)
    except Exception as exc:  # the validator's own failure on odd input (an unresolvable $ref ...): one line
        message = redact_text(str(exc).splitlines()[0]) if str(exc) else type(exc).__name__
        raise SwaggerError(f"{source}: not a valid Swagger 2.0 document: {message[:200]}") from None
    if not errors:
        return left_out
    error = errors[0]
    path = list(getattr(error, "path", None) or getattr(error, "absolute_path", None) or [])
    message = redact_text(str(getattr(error, "message", None) or error).splitlines()[0])  # it quotes the value
    where = pointer(*path) if path else "#"
    raise SwaggerError(f"{source}: not a valid Swagger 2.0 document at {where}: {message[:200]}")


def _without_format_misses(doc: dict[str, Any], errors: list[Any]) -> tuple[list[Any], list[str]]:
    """``errors`` without the complaints that come down to values missing a format of 2.0's schema (see
    :mod:`scraper.swagger_formats`: kept as written), and one warning per such value."""
    misses = format_misses(doc)
    if not misses:
        return errors, []
    blind = [list(e.absolute_path) for e in _schema_validator().iter_errors(doc) if not _tolerated(e)]
    kept: list[Any] = []
    warnings: dict[tuple[Any, ...], str] = {}
    for error in errors:
        path = list(getattr(error, "path", None) or getattr(error, "absolute_path", None) or [])
        if not only_format_misses(path, blind, misses):
            kept.append(error)
            continue
        for where, (name, value) in misses.items():
            if complaint_place(where)[: len(path)] == complaint_place(path):
                warnings[where] = (
                    f"{pointer(*where)}: {redact_text(value)!r:.100} is not a {name!r} as Swagger 2.0's schema wants;"
                    " kept as written"
                )
    return kept, list(warnings.values())


#: Bounds of the general repair: rounds of validate-then-repair, and places repaired, before the document is refused.
_REPAIR_ROUNDS = 12
_MAX_REPAIRS = 500
#: Mappings whose keys are names the writer chose (an entry is a unit), not keywords of an object.
_NAMED = frozenset({"properties", "patternProperties", "definitions", "headers", "responses", "parameters",
                    "securityDefinitions"})  # fmt: skip
#: Keys never dropped alone: without them the object around is another thing (its parent unit is repaired).
_KEPT_KEYS = frozenset({"$ref", "in", "name", "swagger", "info", "paths", "responses"})


def _repair_round(doc: dict[str, Any], errors: list[Any], repaired: set[str]) -> list[str]:
    """Repair, in place, the smallest place each of the validator's ``errors`` points at (the general fallback
    behind the specific repairs: Azure's, APIs.guru's and vendors' old 2.0 documents carry many small errors, and
    one refused the whole document). A complaint with a path is located again with the 2.0 JSON schema's own
    validator, whose errors keep the alternatives of a ``oneOf`` (the spec validator's do not), so a bad header
    repairs the header, not the response; one without a path (a ``default`` its type refuses) is located by the
    schema object the complaint carries. ``repaired`` holds the pointers repaired in earlier rounds: a place that
    fails again is left to its parent unit. Returns one warning per repair; none when nothing could be located
    (the caller refuses the document with the first error)."""
    from jsonschema.exceptions import best_match

    found: list[Any] = []
    if any(list(getattr(e, "path", None) or []) for e in errors):
        for error in _schema_validator().iter_errors(doc):
            best = best_match([error])
            if not (_tolerated(error) or _tolerated(best)):
                found.append(best)
    warnings: list[str] = []
    for error in found:
        if len(repaired) < _MAX_REPAIRS and (done := _repair_at(doc, error, repaired)):
            warnings.append(done)
    for error in errors:
        pathless = not list(getattr(error, "path", None) or []) and len(repaired) < _MAX_REPAIRS
        if pathless and (done := _repair_default(doc, error, repaired)):
            warnings.append(done)
    return warnings


@functools.cache
def _schema_validator() -> Any:
    """The 2.0 JSON schema's own draft 4 validator: its errors keep the alternatives of a ``oneOf`` (``context``),
    which ``best_match`` follows to the deepest one (the spec validator's proxy leaves them unusable there)."""
    from jsonschema import Draft4Validator
    from openapi_spec_validator.schemas import schema_v2

    return Draft4Validator(schema_v2)


def _said(error: Any) -> str:
    """The validator's complaint on one line, credentials redacted (it quotes the value)."""
    text = str(getattr(error, "message", None) or error).splitlines()
    return redact_text(text[0] if text else type(error).__name__)[:160]


def _repair_at(doc: dict[str, Any], error: Any, repaired: set[str]) -> str | None:
    """Repair the smallest unit around ``error``'s path: a single key, a header, a parameter (its minimal valid
    form first, then left out), a response (a missing description added, else left out), a schema (any value).
    Never the document, ``paths`` or a path item: an error there (or none located) returns None."""
    path = list(error.absolute_path)
    message = _said(error)
    if re.search(r"is not one of \['body'\]$", message):  # the body form's enum: best_match's pick of a oneOf
        message = "the parameter matches none of 2.0's parameter forms"
    missing = re.match(r"^'([^']+)' is a required property$", message)
    if isinstance(error.context, list):
        for sub in error.context:
            if not missing and (hit := re.match(r"^'description' is a required property$", _said(sub))):
                missing, message = hit, _said(sub)
    for end in range(len(path), 0, -1):
        here = path[:end]
        if here[0] == "paths" and end <= 2:
            return None
        parent = _node_at(doc, here[:-1])
        key = here[-1]
        if isinstance(parent, dict) and str(key) in parent:
            key = str(key)
        elif not (isinstance(parent, list) and isinstance(key, int) and 0 <= key < len(parent)):
            continue
        where = pointer(*here)
        if where in repaired:
            continue
        owner = here[-2] if end >= 2 else None
        if key == "type" and end >= 3 and here[-3] == "headers":
            continue  # a header without its type is no header: the header is the unit
        node = parent[key]
        if (owner in _NAMED and isinstance(parent, dict)) or (owner == "parameters" and isinstance(parent, list)):
            action = _repair_entry(doc, here, parent, key, str(owner), missing is not None)
        elif isinstance(parent, list):
            if owner not in ("allOf", "items", "tags"):
                continue
            action = "the schema is any value" if owner != "tags" else "left out"
            if owner == "tags":
                del parent[key]
            else:
                parent[key] = {}
        elif key in ("schema", "items", "additionalProperties") and isinstance(node, dict) and node:
            parent[key] = {}
            action = "the schema is any value"
        elif key not in _KEPT_KEYS and end >= 2:  # a key of the document itself (host, ...) is the document's
            del parent[key]
            action = "the key is left out"
        else:
            continue
        repaired.add(where)
        return f"{where}: {message}; {action}"
    return None


def _repair_entry(doc: dict[str, Any], here: list[Any], parent: Any, key: Any, owner: str, no_description: bool) -> str:
    """Repair the named entry ``parent[key]`` (a parameter, response, header, schema, security scheme)."""
    node = parent[key]
    top = len(here) == 2  # the document's own parameters/responses: what a $ref names
    if owner == "parameters" and isinstance(node, dict) and node.get("in") in ("query", "header", "path", "formData"):
        minimal = {k: node[k] for k in ("name", "in", "description") if isinstance(node.get(k), str)}
        minimal["type"] = "string"
        if node.get("in") == "path" or node.get("required") is True:
            minimal["required"] = True
        if minimal != node and "name" in minimal:
            parent[key] = minimal
            return "taken as a string parameter (its other keywords left out)"
    if owner == "responses" and isinstance(node, dict) and no_description and "description" not in node:
        node["description"] = ""
        return "an empty description is given"
    if owner in ("properties", "patternProperties", "definitions"):
        parent[key] = {}
        return "the schema is any value"
    if owner == "responses" and not top and len(parent) == 1:
        parent[key] = {"description": ""}
        return "the response is left without content"
    if top and owner in ("parameters", "responses"):
        _drop_refs(doc, f"#/{owner}/{str(key).replace('~', '~0').replace('/', '~1')}")
    del parent[key]
    return "left out"


def _drop_refs(doc: Any, ref: str) -> None:
    """Remove, in place, every parameter list entry and response that is only a ``$ref`` to ``ref``."""
    if isinstance(doc, dict):
        for name in [k for k, v in doc.items() if isinstance(v, dict) and v == {"$ref": ref}]:
            del doc[name]
        for value in doc.values():
            _drop_refs(value, ref)
    elif isinstance(doc, list):
        doc[:] = [v for v in doc if v != {"$ref": ref}]
        for value in doc:
            _drop_refs(value, ref)


def _repair_default(doc: dict[str, Any], error: Any, repaired: set[str]) -> str | None:
    """Leave out a ``default`` its own type or enum refuses (the complaint names no path: it carries the parameter,
    header or schema object, found here by identity)."""
    schema = getattr(error, "schema", None)
    if not isinstance(schema, dict) or "default" not in schema or schema["default"] != error.instance:
        return None
    stack: list[tuple[Any, tuple[Any, ...]]] = [(doc, ())]
    while stack:
        node, where = stack.pop()
        if node is schema:
            del node["default"]
            repaired.add(pointer(*where, "default"))
            return f"{pointer(*where, 'default')}: {_said(error)}; the default is left out"
        if isinstance(node, dict):
            stack.extend((v, (*where, k)) for k, v in node.items() if k not in _DATA_KEYS)
        elif isinstance(node, list):
            stack.extend((v, (*where, i)) for i, v in enumerate(node))
    return None


def _node_at(doc: Any, path: list[Any]) -> Any:
    """The node at ``path`` in ``doc`` (a key the validator gives as a number is tried as text too), or None."""
    node = doc
    for part in path:
        if isinstance(node, dict):
            node = node.get(part, node.get(str(part)))
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            return None
    return node


def _nullable_as_extension(doc: dict[str, Any]) -> list[str]:
    """Rename, in place, OpenAPI 3.0's ``nullable: true|false`` in a 2.0 document's schemas to ``x-nullable``, the
    2.0 extension that says the same and that the conversion reads: SendGrid's 2.0 spec writes ``nullable`` 3.0's
    way, and 2.0's schema allows no such key, so the validator refused the whole document ('not valid under any of
    the given schemas' on the body parameter). Returns one warning with the count."""
    count = 0
    for node in objects(doc, lambda key: key not in _DATA_KEYS and not str(key).startswith("x-")):
        if isinstance(node.get("nullable"), bool) and "x-nullable" not in node:
            node["x-nullable"] = node.pop("nullable")
            count += 1
    if not count:
        return []
    return [f"#: 'nullable' (OpenAPI 3.0's keyword) in {count} schema(s) of a 2.0 document; read as x-nullable"]


#: The Schema Object's keys in 2.0, and OpenAPI 3.0's that a 2.0 document may borrow (kept: the converted 3.0
#: document reads them, though 2.0's validator may still refuse them).
_SCHEMA_KEYS = frozenset({
    "$ref", "format", "title", "description", "default", "multipleOf", "maximum", "exclusiveMaximum", "minimum",
    "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxProperties",
    "minProperties", "required", "enum", "additionalProperties", "type", "items", "allOf", "properties",
    "discriminator", "readOnly", "xml", "externalDocs", "example",
    "oneOf", "anyOf", "not", "nullable", "writeOnly", "deprecated",
})  # fmt: skip


#: Schema keywords of OpenAPI 3.0 that 2.0 lacks and that 2.0 documents borrow (SendGrid's anyOf).
_BORROWED = ("oneOf", "anyOf", "not", "writeOnly", "deprecated")


def _borrowed_keywords(doc: dict[str, Any]) -> list[tuple[dict[str, Any], str, Any]]:
    """Take, in place, the 3.0 keywords out of ``doc``'s schemas for 2.0's validator, which refuses them; returns
    (schema, key, value) of each, to put back after validating (the converted 3.0 document keeps them)."""
    taken: list[tuple[dict[str, Any], str, Any]] = []
    schemas: list[Any] = (
        list((doc.get("definitions") or {}).values()) if isinstance(doc.get("definitions"), dict) else []
    )
    schemas.extend(schema for _, schema in _parameter_and_response_schemas(doc))
    while schemas:
        schema = schemas.pop()
        if not isinstance(schema, dict):
            continue
        for key in _BORROWED:
            if key in schema:
                value = schema.pop(key)
                taken.append((schema, key, value))
                schemas.extend(value if isinstance(value, list) else [value])
        if isinstance(schema.get("properties"), dict):
            schemas.extend(schema["properties"].values())
        schemas.extend(schema.get(key) for key in ("items", "additionalProperties"))
        if isinstance(schema.get("allOf"), list):
            schemas.extend(schema["allOf"])
    return taken


def _unknown_schema_keys(doc: dict[str, Any]) -> list[str]:
    """Leave out, in place, the keys of 2.0 schemas that no version of OpenAPI defines and that are no ``x-``
    extension (SendGrid's ``desc`` beside ``description``), with a warning each: nothing reads them, and 2.0's
    schema allows no other keys, so the validator refused the whole document (as 'not valid under any of the given
    schemas' on the parameter, naming no key)."""
    schemas: list[tuple[Any, tuple[Any, ...]]] = []
    for name, schema in (doc.get("definitions") or {}).items() if isinstance(doc.get("definitions"), dict) else ():
        schemas.append((schema, ("definitions", name)))
    for place, value in _parameter_and_response_schemas(doc):
        schemas.append((value, place))
    warnings: list[str] = []
    while schemas:
        schema, where = schemas.pop()
        if not isinstance(schema, dict) or "$ref" in schema:
            continue
        for name in [k for k in schema if isinstance(k, str) and k not in _SCHEMA_KEYS and not k.startswith("x-")]:
            del schema[name]
            warnings.append(f"{pointer(*where, name)}: not a schema keyword (nor an x- extension); left out")
        if isinstance(schema.get("properties"), dict):
            schemas.extend((v, (*where, "properties", k)) for k, v in schema["properties"].items())
        for one in ("items", "additionalProperties", "not"):
            schemas.append((schema.get(one), (*where, one)))
        for many in ("allOf", "oneOf", "anyOf"):
            if isinstance(schema.get(many), list):
                schemas.extend((v, (*where, many, i)) for i, v in enumerate(schema[many]))
    return sorted(warnings)


def _parameter_and_response_schemas(doc: dict[str, Any]) -> list[tuple[tuple[Any, ...], Any]]:
    """(pointer, schema) of every body parameter's and response's ``schema`` in ``doc``'s paths and its
    top-level ``parameters`` and ``responses``."""
    found: list[tuple[tuple[Any, ...], Any]] = []

    def take(where: tuple[Any, ...], params: Any, responses: Any) -> None:
        entries = params.items() if isinstance(params, dict) else enumerate(params) if isinstance(params, list) else ()
        for key, param in entries:
            if isinstance(param, dict) and "schema" in param:
                found.append(((*where, "parameters", key, "schema"), param["schema"]))
        for code, response in responses.items() if isinstance(responses, dict) else ():
            if isinstance(response, dict) and "schema" in response:
                found.append(((*where, "responses", code, "schema"), response["schema"]))

    take((), doc.get("parameters"), doc.get("responses"))
    paths = doc.get("paths")
    for route, item in paths.items() if isinstance(paths, dict) else ():
        if isinstance(item, dict):
            take(("paths", route), item.get("parameters"), None)
            for method, op in item.items():
                if method in _METHODS and isinstance(op, dict):
                    take(("paths", route, method), op.get("parameters"), op.get("responses"))
    return found


def _untyped_parameters(doc: dict[str, Any]) -> list[str]:
    """Give a non-body parameter without ``type`` (2.0 requires one) the type ``string``, in place, with a warning
    each: DocuSign's Rooms spec leaves it out of query parameters whose description lists their values, and the
    validator refused the whole document; on the wire such a value is text whatever it means."""
    lists: list[tuple[tuple[Any, ...], Any]] = [(("parameters",), doc.get("parameters"))]
    paths = doc.get("paths")
    for route, item in (paths.items() if isinstance(paths, dict) else ()):
        if not isinstance(item, dict):
            continue
        lists.append((("paths", route, "parameters"), item.get("parameters")))
        lists.extend((("paths", route, m, "parameters"), op.get("parameters")) for m, op in item.items()
                     if m in _METHODS and isinstance(op, dict))  # fmt: skip
    warnings: list[str] = []
    for where, params in lists:
        entries = params.items() if isinstance(params, dict) else enumerate(params) if isinstance(params, list) else ()
        for key, param in entries:
            untyped = isinstance(param, dict) and not {"$ref", "type", "schema"} & param.keys()
            if untyped and param.get("in") in ("query", "header", "path", "formData"):
                param["type"] = "string"
                warnings.append(f"{pointer(*where, key)}: a {param['in']} parameter with no type; taken as string")
    return warnings


_UNEXPECTED = re.compile(r"^Additional properties are not allowed \((.*) (?:was|were) unexpected\)")


def _unknown_keys(doc: dict[str, Any], errors: list[Any]) -> list[str]:
    """Remove, in place, the keys 2.0 does not define where its schema allows no others (a key that is not an
    ``x-`` extension: NYTimes' ``info.logo``), and say which: the converter reads only the keys 2.0 defines, so
    such a key changes nothing but made the whole document invalid. Returns one warning per key removed."""
    warnings: list[str] = []
    for error in errors:
        # the validator's error carries the document's root as instance and schema, a copy: the message names
        # the keys and the path the object they are in
        unexpected = _UNEXPECTED.search(str(getattr(error, "message", "")))
        target: Any = doc
        path = list(getattr(error, "path", None) or [])
        for part in path:
            inside = isinstance(target, dict) and part in target
            inside = inside or (isinstance(target, list) and isinstance(part, int) and 0 <= part < len(target))
            target = target[part] if inside else None
        if unexpected is None or not isinstance(target, dict):
            continue
        for key in re.findall(r"'((?:[^'\\]|\\.)*)'", unexpected[1]):
            if key in target and not key.startswith("x-"):
                del target[key]
                warnings.append(f"{pointer(*path, key)}: not a Swagger 2.0 key (nor an x- extension); left out")
    return warnings


def _tolerated(error: Any) -> bool:
    """A complaint of the validator about what 2.0 (or its common extensions) allows: ``default: null`` in a schema
    marked ``x-nullable: true`` (2.0 has no null; the extension, Docker's, go-swagger's, AutoRest's, says the writer
    allows one, and the conversion keeps it), ``type: file`` in a response's schema, which 2.0 allows there but
    the validator checks against JSON Schema's types, a repeated operationId and a value that misses its format
    (what the generator reports for 3.x documents too, as a warning)."""
    message = str(getattr(error, "message", ""))
    if message.startswith("Operation ID ") and message.endswith(" is not unique"):
        return True  # the generator names each repeat and renames it (as for a 3.x document): SendGrid's
    if re.search(r" is not a '[\w-]+'$", message):
        return True  # a default or example that misses its format ('' for a date): the example checks report it
    schema = getattr(error, "schema", None)
    instance = getattr(error, "instance", 0)
    if instance is None and isinstance(schema, dict) and schema.get("x-nullable") is True:
        return True
    return instance == "file" and list(getattr(error, "path", None) or [])[-1:] == ["type"]


class _Converter:
    def __init__(self, doc: Mapping[str, Any], source: str) -> None:
        self.doc = doc
        self.source = source
        self.warnings: list[str] = []
        self.inlining: set[str] = set()
        self.server_scheme = ""  # the scheme of the first server (the one the client uses), once servers() ran
        self.consumes = _media_list(doc.get("consumes"))
        self.produces = _media_list(doc.get("produces"))

    def warn(self, where: str, message: str) -> None:
        text = f"{where}: {message}"
        if text not in self.warnings:
            self.warnings.append(text)

    def run(self) -> tuple[dict[str, Any], list[str]]:
        doc = self.doc
        out: dict[str, Any] = {"openapi": "3.0.3", "info": copy.deepcopy(doc.get("info") or {})}
        self.warn("#/swagger", "a Swagger 2.0 document; converted to OpenAPI 3.0 before generating")
        servers = self.servers()
        if servers:
            out["servers"] = servers
        for key in ("tags", "externalDocs", "security"):
            if key in doc:
                out[key] = self.refs(copy.deepcopy(doc[key]))
        for key, value in doc.items():
            if isinstance(key, str) and key.startswith("x-"):
                out[key] = copy.deepcopy(value)
        components: dict[str, Any] = {}
        schemas = {
            str(name): self.schema(schema, ("definitions", name)) for name, schema in _items(doc.get("definitions"))
        }
        parameters = {}
        for name, param in _items(doc.get("parameters")):
            if isinstance(param, dict) and param.get("in") not in ("body", "formData"):
                parameters[str(name)] = self.parameter(param, ("parameters", name))
        responses = {
            str(name): self.response(response, ("responses", name), self.produces)
            for name, response in _items(doc.get("responses"))
        }
        schemes = {
            str(name): self.security_scheme(scheme, ("securityDefinitions", name))
            for name, scheme in _items(doc.get("securityDefinitions"))
        }
        _discriminator_mappings(schemas)
        for section, value in (("schemas", schemas), ("parameters", parameters), ("responses", responses),
                               ("securitySchemes", schemes)):  # fmt: skip
            if value:
                components[section] = value
        out["paths"] = self.paths()
        if isinstance(doc.get("x-ms-paths"), dict) and doc["x-ms-paths"]:
            self.warn(
                "#/x-ms-paths",
                f"AutoRest's x-ms-paths ({len(doc['x-ms-paths'])} paths that differ by a query string) are not"
                " read; their operations are left out",
            )
        if components:
            out["components"] = components
        return out, self.warnings

    # ------------------------------------------------------------------------------------------------ document
    def servers(self) -> list[dict[str, Any]]:
        host = self.doc.get("host")
        base = str(self.doc.get("basePath") or "")
        if base and not base.startswith("/"):
            base = "/" + base
        if not host:
            # no host: the API is served where the document is; a relative server URL says the same in 3.0
            return [{"url": base}] if base and base != "/" else []
        schemes = [str(s) for s in self.doc.get("schemes") or [] if str(s) in ("http", "https", "ws", "wss")]
        if not schemes:
            schemes = ["https"]
            self.warn("#/schemes", "no schemes given; https is assumed for the server URL")
        ordered = sorted(dict.fromkeys(schemes), key=lambda s: (s not in ("https", "wss"), schemes.index(s)))
        self.server_scheme = ordered[0]
        return [{"url": f"{scheme}://{host}{base.rstrip('/')}"} for scheme in ordered]

    def security_scheme(self, raw: Any, where: tuple[Any, ...]) -> dict[str, Any]:
        scheme = dict(raw) if isinstance(raw, dict) else {}
        extensions = {k: v for k, v in scheme.items() if isinstance(k, str) and k.startswith("x-")}
        kind = scheme.get("type")
        out: dict[str, Any]
        if kind == "basic":
            out = {"type": "http", "scheme": "basic"}
        elif kind == "apiKey":
            out = {"type": "apiKey", "name": scheme.get("name"), "in": scheme.get("in")}
        elif kind == "oauth2":
            flow_name = _OAUTH_FLOWS.get(str(scheme.get("flow")), "implicit")
            flow: dict[str, Any] = {"scopes": dict(scheme.get("scopes") or {})}
            if "authorizationUrl" in scheme:
                flow["authorizationUrl"] = scheme["authorizationUrl"]
            if "tokenUrl" in scheme:
                flow["tokenUrl"] = scheme["tokenUrl"]
            out = {"type": "oauth2", "flows": {flow_name: flow}}
        else:
            self.warn(pointer(*where), f"security scheme type {kind!r:.40} is not one of Swagger 2.0's; kept as is")
            out = dict(scheme)
        if "description" in scheme:
            out["description"] = scheme["description"]
        return {**out, **extensions}

    def paths(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for route, raw_item in _items(self.doc.get("paths")):
            if route.startswith("x-") or not isinstance(raw_item, dict):
                out[route] = copy.deepcopy(raw_item)
                continue
            item: dict[str, Any] = {}
            shared = list(raw_item.get("parameters") or [])
            for key, value in raw_item.items():
                if key in _METHODS and isinstance(value, dict):
                    item[key] = self.operation(value, ("paths", route, key), shared, raw_item)
                elif key == "$ref":
                    self.warn(pointer("paths", route, "$ref"), "a path item $ref is not followed; the path is left out")
                elif key != "parameters":
                    item[key] = copy.deepcopy(value)
            kept = [
                self.parameter(p, ("paths", route, "parameters", i))
                for i, p in enumerate(shared)
                if self.located(p) not in ("body", "formData")
            ]
            if kept:
                item["parameters"] = kept
            out[route] = item
        return out

    def located(self, raw: Any) -> str:
        """Where a parameter (or a ``$ref`` to one in the document's ``parameters``) goes: ``in``."""
        target = self.target(raw)
        return str(target.get("in")) if isinstance(target, dict) else ""

    def target(self, raw: Any) -> Any:
        """``raw`` itself, or what its local ``$ref`` (into the 2.0 document) points at."""
        seen = 0
        while isinstance(raw, dict) and isinstance(raw.get("$ref"), str) and raw["$ref"].startswith("#/"):
            seen += 1
            if seen > 20:
                raise SwaggerError(f"{self.source}: {raw['$ref']}: a $ref cycle")
            node = _pointed(self.doc, raw["$ref"])
            if node is None:
                raise SwaggerError(f"{self.source}: $ref {raw['$ref']!r:.120} points at nothing")
            raw = node
        return raw

    # ----------------------------------------------------------------------------------------------- operations
    def operation(
        self, op: dict[str, Any], where: tuple[Any, ...], shared: list[Any], path_item: dict[str, Any]
    ) -> dict[str, Any]:
        out: dict[str, Any] = {}
        consumes = _media_list(op["consumes"]) if "consumes" in op else self.consumes
        produces = _media_list(op["produces"]) if "produces" in op else self.produces
        own = list(op.get("parameters") or [])
        # the operation's parameters override the path item's of the same name and location
        own_keys = {(t.get("name"), t.get("in")) for t in map(self.target, own) if isinstance(t, dict)}
        body_params: list[tuple[dict[str, Any], tuple[Any, ...]]] = []
        form_params: list[tuple[dict[str, Any], tuple[Any, ...]]] = []
        params: list[Any] = []
        candidates = [(p, (*where[:2], "parameters", i), True) for i, p in enumerate(shared)]
        candidates += [(p, (*where, "parameters", i), False) for i, p in enumerate(own)]
        for raw, here, from_path in candidates:
            target = self.target(raw)
            if not isinstance(target, dict):
                continue
            located = target.get("in")
            if from_path and (target.get("name"), located) in own_keys:
                continue
            if located == "body":
                body_params.append((target, here))
            elif located == "formData":
                form_params.append((target, here))
            elif not from_path:
                params.append(self.parameter(raw, here))
        for key, value in op.items():
            if key in ("parameters", "responses", "consumes", "produces", "schemes"):
                continue
            out[key] = self.refs(copy.deepcopy(value)) if key == "security" else copy.deepcopy(value)
        if "schemes" in op and self.server_scheme and self.server_scheme not in _media_list(op["schemes"]):
            self.warn(pointer(*where, "schemes"), "an operation's own schemes are not honoured; the servers are used")
        if params:
            out["parameters"] = params
        body = self.request_body(body_params, form_params, consumes, where)
        if body is not None:
            out["requestBody"] = body
        responses: dict[str, Any] = {}
        for code, response in _items(op.get("responses")):
            if code.startswith("x-"):
                responses[code] = copy.deepcopy(response)
            else:
                responses[code] = self.response(response, (*where, "responses", code), produces)
        out["responses"] = responses
        del path_item  # the path item's other keys are copied by paths()
        return out

    def request_body(
        self,
        body_params: list[tuple[dict[str, Any], tuple[Any, ...]]],
        form_params: list[tuple[dict[str, Any], tuple[Any, ...]]],
        consumes: list[str],
        where: tuple[Any, ...],
    ) -> dict[str, Any] | None:
        if body_params:
            param, here = body_params[0]
            if len(body_params) > 1:
                self.warn(pointer(*where), "more than one body parameter; only the first is sent")
            if form_params:
                self.warn(pointer(*form_params[0][1]), "formData parameters beside a body parameter are not sent")
            media = [m for m in consumes if m not in (_FORM, _MULTIPART)] or consumes or [_JSON]
            schema = self.schema(param.get("schema") or {}, (*here, "schema"))
            out: dict[str, Any] = {"content": {m: {"schema": copy.deepcopy(schema)} for m in media}}
            if param.get("description"):
                out["description"] = param["description"]
            if param.get("required"):
                out["required"] = True
            if param.get("name"):
                out["x-codegen-request-body-name"] = param["name"]
            return out
        if not form_params:
            return None
        properties: dict[str, Any] = {}
        required: list[str] = []
        has_file = False
        formats: list[tuple[str, Any, tuple[Any, ...]]] = []  # (field, collectionFormat, where) of array fields
        for param, here in form_params:
            name = str(param.get("name"))
            schema = self.parameter_schema(param, here)
            if param.get("type") == "file":
                has_file = True
            if param.get("description"):
                schema["description"] = param["description"]
            properties[name] = schema
            if param.get("required"):
                required.append(name)
            fmt = param.get("collectionFormat")
            if param.get("type") == "array" and fmt not in (None, "multi"):
                formats.append((name, fmt, here))
        media = [m for m in consumes if m in (_FORM, _MULTIPART)]
        if has_file and _MULTIPART not in media:
            media = [_MULTIPART]
        if not media:
            media = [_MULTIPART if _MULTIPART in consumes or has_file else _FORM]
        # a urlencoded body says a field's collectionFormat as its Encoding Object's style (OpenAPI 3.x); a
        # multipart body sends an array one part per item, whatever the format
        encoding: dict[str, Any] = {}
        for name, fmt, here in formats:
            style = _FORM_FIELD_STYLES.get(str(fmt))
            if style is not None and media == [_FORM]:
                encoding[name] = {"style": style, "explode": False}
            else:
                self.warn(
                    pointer(*here),
                    f"collectionFormat {fmt!r:.20} of a form field is not honoured; the values are sent as"
                    " repeated fields",
                )
        schema = {"type": "object", "properties": properties}
        if required:
            schema["required"] = required
        content: dict[str, Any] = {m: {"schema": copy.deepcopy(schema)} for m in media}
        if encoding:
            content[_FORM]["encoding"] = encoding
        return {"content": content, **({"required": True} if required else {})}

    def response(self, raw: Any, where: tuple[Any, ...], produces: list[str]) -> Any:
        if not isinstance(raw, dict):
            return raw
        if isinstance(raw.get("$ref"), str):
            return {"$ref": self.ref(raw["$ref"], where)}
        out: dict[str, Any] = {"description": str(raw.get("description") or "")}
        media = produces or [_JSON]
        examples: dict[str, Any] = raw["examples"] if isinstance(raw.get("examples"), dict) else {}
        if "schema" in raw:
            schema = self.schema(raw["schema"], (*where, "schema"))
            if not produces and isinstance(raw["schema"], dict) and raw["schema"].get("type") == "file":
                media = ["application/octet-stream"]  # a file said without its media type: bytes, not JSON
            out["content"] = {m: {"schema": copy.deepcopy(schema)} for m in media}
            for mime, example in examples.items():
                if mime in out["content"]:
                    out["content"][mime]["example"] = copy.deepcopy(example)
                else:
                    self.warn(pointer(*where, "examples", mime), "an example of a media type the operation does"
                              " not produce; left out")  # fmt: skip
        elif examples:
            self.warn(pointer(*where, "examples"), "examples of a response without a schema; left out")
        headers = {}
        for name, header in _items(raw.get("headers")):
            if isinstance(header, dict):
                converted: dict[str, Any] = {"schema": self.parameter_schema(header, (*where, "headers", name))}
                if header.get("description"):
                    converted["description"] = header["description"]
                headers[name] = converted
        if headers:
            out["headers"] = headers
        for key, value in raw.items():
            if isinstance(key, str) and key.startswith("x-"):
                out[key] = copy.deepcopy(value)
        return out

    # ----------------------------------------------------------------------------------------------- parameters
    def parameter(self, raw: Any, where: tuple[Any, ...]) -> Any:
        if not isinstance(raw, dict):
            return raw
        if isinstance(raw.get("$ref"), str):
            return {"$ref": self.ref(raw["$ref"], where)}
        out: dict[str, Any] = {}
        for key in ("name", "in", "description", "required", "allowEmptyValue"):
            if key in raw:
                out[key] = copy.deepcopy(raw[key])
        for key, value in raw.items():
            if isinstance(key, str) and key.startswith("x-") and key not in ("x-nullable", "x-example"):
                out[key] = copy.deepcopy(value)
        if "x-example" in raw:
            out["example"] = copy.deepcopy(raw["x-example"])
        out["schema"] = self.parameter_schema(raw, where)
        if raw.get("type") == "array":
            fmt = str(raw.get("collectionFormat") or "csv")
            location = raw.get("in")
            if fmt == "multi":
                if location in ("query", "formData"):
                    out["style"], out["explode"] = "form", True
                else:
                    self.warn(pointer(*where, "collectionFormat"), f"'multi' is not allowed in {location}; sent as csv")
                    out["style"], out["explode"] = "simple", False
            elif fmt == "csv":
                out["style"], out["explode"] = ("form", False) if location == "query" else ("simple", False)
            elif fmt in ("ssv", "pipes") and location == "query":
                out["style"], out["explode"] = ("spaceDelimited" if fmt == "ssv" else "pipeDelimited"), False
            else:
                self.warn(
                    pointer(*where, "collectionFormat"),
                    f"collectionFormat {fmt!r:.20} in {location} has no OpenAPI 3 style; the values are sent"
                    " comma-separated",
                )
                out["style"], out["explode"] = ("form", False) if location == "query" else ("simple", False)
        return out

    def parameter_schema(self, raw: Mapping[str, Any], where: tuple[Any, ...]) -> dict[str, Any]:
        """The schema of a non-body parameter, a header or ``items``: its schema keywords, ``file`` as binary."""
        schema: dict[str, Any] = {}
        for key in _SCHEMA_KEYWORDS:
            if key in raw:
                schema[key] = copy.deepcopy(raw[key])
        if schema.get("type") == "file":
            schema["type"], schema["format"] = "string", "binary"
        if isinstance(schema.get("items"), dict):
            items = schema["items"]
            if items.get("collectionFormat") not in (None, "csv", "multi"):
                self.warn(pointer(*where, "items", "collectionFormat"), "a nested collectionFormat is not honoured")
            schema["items"] = self.parameter_schema(items, (*where, "items"))
        if raw.get("x-nullable") is True:
            schema["nullable"] = True
        if "enum" in schema and isinstance(raw.get("x-ms-enum"), dict):
            # AutoRest reads a parameter's x-ms-enum as its values' (modelAsString: an open set); it says what the
            # schema admits, so it goes with the schema (the parameter keeps its copy)
            schema["x-ms-enum"] = copy.deepcopy(raw["x-ms-enum"])
        return schema

    # -------------------------------------------------------------------------------------------------- schemas
    def schema(self, raw: Any, where: tuple[Any, ...]) -> Any:
        """A 2.0 schema as 3.0 writes it; subschemas converted too, every ``$ref`` rewritten."""
        if not isinstance(raw, dict):
            return copy.deepcopy(raw)
        out: dict[str, Any] = {}
        for key, value in raw.items():
            if key == "$ref" and isinstance(value, str) and _into_layout(value):
                return self.inlined(value, where)
            if key == "$ref" and isinstance(value, str):
                out[key] = self.ref(value, where)
            elif key in _ONE_SCHEMA and isinstance(value, (dict, list)):
                out[key] = (
                    self.schema(value, (*where, key))
                    if isinstance(value, dict)
                    else [self.schema(v, (*where, key, i)) for i, v in enumerate(value)]
                )
            elif key in _SCHEMA_MAPS and isinstance(value, dict):
                out[key] = {k: self.schema(v, (*where, key, k)) for k, v in value.items()}
            elif key in _SCHEMA_LISTS and isinstance(value, list):
                out[key] = [self.schema(v, (*where, key, i)) for i, v in enumerate(value)]
            elif key == "x-nullable":
                if value is True:
                    out["nullable"] = True
            elif key == "discriminator" and isinstance(value, str):
                out[key] = {"propertyName": value}
            elif key == "type" and value == "file":
                out["type"], out["format"] = "string", "binary"
            elif key == "format" and raw.get("type") == "file":
                continue
            else:
                out[key] = copy.deepcopy(value)
        return out

    def inlined(self, ref: str, where: tuple[Any, ...]) -> Any:
        """The schema a ``$ref`` into the 2.0 layout (``#/paths/~1pets/get/responses/200/schema``) points at, copied
        in place: that place has no 3.0 counterpart to point at."""
        if ref in self.inlining:
            raise SwaggerError(f"{self.source}: {pointer(*where)}: $ref {ref!r:.120} refers to itself")
        self.warn(pointer(*where), f"$ref {ref!r:.80} points into the Swagger 2.0 layout; its schema is copied here")
        self.inlining.add(ref)
        try:
            return self.schema(_pointed(self.doc, ref), where)  # a $ref there is converted (rewritten) in turn
        finally:
            self.inlining.discard(ref)

    def ref(self, ref: str, where: tuple[Any, ...]) -> str:
        """A 2.0 ``$ref`` as a 3.0 one: ``#/definitions/X`` -> ``#/components/schemas/X`` (and the other sections)."""
        if not ref.startswith("#/"):
            return ref  # an external reference: the generator refuses it with its own message
        head, _, rest = ref[2:].partition("/")
        if head in _SECTIONS and rest:
            return f"#/components/{_SECTIONS[head]}/{rest}"
        if head == "securityDefinitions" and rest:
            return f"#/components/securitySchemes/{rest}"
        self.warn(pointer(*where), f"$ref {ref!r:.80} points into the Swagger 2.0 layout; kept as written")
        return ref

    def refs(self, node: Any) -> Any:
        """``node`` with every ``$ref`` string rewritten (for values copied whole: security, tags)."""
        if isinstance(node, dict):
            return {
                k: (self.ref(v, ()) if k == "$ref" and isinstance(v, str) else self.refs(v)) for k, v in node.items()
            }
        if isinstance(node, list):
            return [self.refs(v) for v in node]
        return node


def _into_layout(ref: str) -> bool:
    """A local ``$ref`` to a place other than the sections that move under ``components``."""
    head, _, rest = ref[2:].partition("/")
    return ref.startswith("#/") and not (head in (*_SECTIONS, "securityDefinitions") and rest)


def _discriminator_mappings(schemas: dict[str, Any]) -> None:
    """Give, in place, each discriminator whose descendants state AutoRest's ``x-ms-discriminator-value`` a 3.0
    ``mapping``: that value, else (AutoRest's default) the descendant's name, to the descendant.

    A 2.0 discriminator maps a tag value to the definition of that name only; Azure's documents name the value
    apart (``FusionAlertRule``: ``x-ms-discriminator-value: Fusion``, the value its ``kind`` enum lists and the
    service sends), so without the mapping every descendant was tagged with its schema's name, which the tag's own
    enum rejects. A descendant is a definition whose ``allOf`` refers to the discriminator's schema, or to a
    descendant of it that has no discriminator of its own."""
    prefix = "#/components/schemas/"

    def parents(schema: Any) -> list[str]:
        parts = schema.get("allOf") if isinstance(schema, dict) else None
        refs = [p.get("$ref") for p in parts if isinstance(p, dict)] if isinstance(parts, list) else []
        names = [unquote(r[len(prefix) :]).replace("~1", "/").replace("~0", "~") for r in refs if isinstance(r, str)]
        return [n for n in names if n in schemas and isinstance(schemas[n], dict)]

    def holder(name: str, seen: frozenset[str]) -> str | None:
        for parent in parents(schemas[name]):
            if parent in seen:
                continue
            if isinstance(schemas[parent].get("discriminator"), dict):
                return parent
            found = holder(parent, seen | {parent})
            if found is not None:
                return found
        return None

    descendants: dict[str, list[str]] = {}
    for name, schema in schemas.items():
        if isinstance(schema, dict):
            found = holder(name, frozenset({name}))
            if found is not None:
                descendants.setdefault(found, []).append(name)
    for parent, names in descendants.items():
        if not any(isinstance(schemas[n].get("x-ms-discriminator-value"), str) for n in names):
            continue
        discriminator = schemas[parent]["discriminator"]
        mapping = discriminator.setdefault("mapping", {})
        if not isinstance(mapping, dict):
            continue
        for name in names:
            value = schemas[name].get("x-ms-discriminator-value")
            tag = value if isinstance(value, str) else name
            mapping.setdefault(tag, prefix + name.replace("~", "~0").replace("/", "~1"))


def _items(value: Any) -> list[tuple[str, Any]]:
    return [(str(k), v) for k, v in value.items()] if isinstance(value, dict) else []


def _media_list(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return list(dict.fromkeys(str(v).strip() for v in value if isinstance(v, str) and v.strip()))
