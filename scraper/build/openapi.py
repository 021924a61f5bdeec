"""The API model of one service version -> an OpenAPI 3.1 document (and its findings report).

The emitter only renders: every decision (which operations belong to the version, what a schema is) was made
before. It adds the spec conventions documented in ARCHITECTURE.md (``x-api-status``, ``x-sunset``,
``x-doc-version``, ``x-source``, the version table, the version header, server pairs), validates every documented
example against the schema it illustrates (a mismatch becomes an ``example-mismatch`` finding), and serialises
deterministically: insertion order is the document order, so no hash order or set order ever reaches the output.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from scraper.build.operation_ids import operation_id, unique_ids
from scraper.build.shared_schemas import share_repeated_objects
from scraper.example_verdicts import ExampleVerdicts, checker_salt
from scraper.model import Finding, Model, OperationVersion, Parameter, Service
from scraper.versioning import version_key

__all__ = [
    "dump_yaml",
    "emit_spec",
    "findings_json",
    "findings_markdown",
    "operation_id",
    "pagination",
    "schema_refs",
    "validate_spec",
    "version_key",
]

_METHOD_ORDER = {"get": 0, "put": 1, "post": 2, "delete": 3, "patch": 4, "head": 5, "options": 6}
_OPENAPI_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


def schema_refs(value: Any) -> set[str]:
    """Names of the ``#/components/schemas/...`` a schema (or any JSON value) refers to, at any depth."""
    out: set[str] = set()
    _refs(value, out)
    return out


def _refs(value: Any, out: set[str]) -> None:
    if isinstance(value, dict):
        ref = value.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            out.add(ref.rsplit("/", 1)[1])
        for item in value.values():
            _refs(item, out)
    elif isinstance(value, list):
        for item in value:
            _refs(item, out)


def _reachable(roots: set[str], models: dict[str, Model]) -> list[str]:
    seen: set[str] = set()
    stack = sorted(roots)
    while stack:
        name = stack.pop()
        if name in seen or name not in models:
            continue
        seen.add(name)
        found: set[str] = set()
        _refs(models[name].schema, found)
        stack.extend(sorted(found - seen))
    return sorted(seen)


#: Where an example that contradicts its schema is kept: beside the schema, for a reader, and never as ``example``,
#: which generated contract tests and other tools take as a valid instance.
DOCUMENTED_EXAMPLE = "x-documented-example"
#: Marks an operationId no heading gave: named from the operation's method and path, or numbered
#: (:mod:`scraper.build.operation_ids`).
OPERATION_ID_INFERRED = "x-operation-id-inferred"
#: How an example of an operation is named among its rejected ones: ("parameter", "query:limit"), ("request", ""),
#: ("response", "200").
ExampleSlot = tuple[str, str]


def _example_key(rejected: bool) -> str:
    return DOCUMENTED_EXAMPLE if rejected else "example"


def _parameter(param: Parameter, rejected: frozenset[ExampleSlot] = frozenset()) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": param.name,
        "in": param.location,
        "required": param.required or param.location == "path",
    }
    if param.description:
        out["description"] = param.description
    schema = dict(param.schema)
    if param.has_default:
        schema["default"] = param.default
    out["schema"] = schema
    if param.has_example:
        out[_example_key(("parameter", f"{param.location}:{param.name}") in rejected)] = param.example
    for key, value in sorted(param.extensions.items()):
        out[key] = value
    return out


def _resolve(schema: dict[str, Any] | None, models: dict[str, Model]) -> dict[str, Any]:
    seen: set[str] = set()
    while schema and "$ref" in schema:
        name = str(schema["$ref"]).rsplit("/", 1)[-1]
        if name in seen or name not in models:
            return {}
        seen.add(name)
        schema = models[name].schema
    return schema or {}


def _is_array(schema: dict[str, Any]) -> bool:
    kind = schema.get("type")
    return kind == "array" or (isinstance(kind, list) and "array" in kind) or "items" in schema


def pagination(op: OperationVersion, models: dict[str, Model]) -> dict[str, Any] | None:
    """``x-pagination`` for a listing that takes offset/limit or marker/limit and returns one array of items.

    The convention (named parameters, the one array property of the 2xx body, and for markers the items' ``id``,
    which SCP documents as "the last item's ID from previous request") is read from the operation itself, so a
    client generator can offer an iterator without guessing.
    """
    names = {p.name for p in op.parameters if p.location == "query"}
    style = "offset" if {"offset", "limit"} <= names else "marker" if {"marker", "limit"} <= names else None
    if style is None:
        return None
    success = next((r for r in op.responses if r.status.startswith("2") and r.schema is not None), None)
    body = _resolve(success.schema if success else None, models)
    arrays = [name for name, prop in body.get("properties", {}).items() if _is_array(_resolve(prop, models))]
    if len(arrays) != 1:
        return None
    out: dict[str, Any] = {"style": style, "items": arrays[0], "limit": "limit", style: style}
    if style == "marker":
        items = _resolve(_resolve(body["properties"][arrays[0]], models).get("items"), models)
        if "id" not in items.get("properties", {}):
            return None
        out["next-marker"] = "id"
    return out


def _operation(
    op: OperationVersion,
    op_id: str,
    tags: list[str],
    models: dict[str, Model],
    rejected: frozenset[ExampleSlot] = frozenset(),
) -> dict[str, Any]:
    """The Operation Object of ``op``; its examples named in ``rejected`` (they contradict their schemas) are kept
    under :data:`DOCUMENTED_EXAMPLE` instead of ``example``."""
    out: dict[str, Any] = {"operationId": op_id, "summary": op.summary}
    if op.description:
        out["description"] = op.description
    out["tags"] = tags
    if op.parameters:
        out["parameters"] = [_parameter(p, rejected) for p in op.parameters]
    if op.request_body is not None:
        media: dict[str, Any] = {"schema": op.request_body.schema}
        if op.example_request is not None and op.example_request.has_body:
            media[_example_key(("request", "") in rejected)] = op.example_request.body
        body: dict[str, Any] = {"required": op.request_body.required}
        if op.request_body.description:
            body["description"] = op.request_body.description
        body["content"] = {op.request_body.media_type: media}
        out["requestBody"] = body
    responses: dict[str, Any] = {}
    for response in op.responses:
        entry: dict[str, Any] = {"description": response.description or response.status}
        if response.schema is not None:
            media = {"schema": response.schema}
            ex = op.example_response
            if ex is not None and ex.has_body and ex.status == response.status:
                media[_example_key(("response", response.status) in rejected)] = ex.body
            entry["content"] = {m: dict(media) for m in (response.media_type, *response.more_media_types)}
        responses[response.status] = entry
    if not responses:
        responses["default"] = {"description": "Undocumented response"}
    out["responses"] = responses
    if op.status == "DEPRECATED":
        out["deprecated"] = True
    out["x-api-status"] = op.status
    if op.sunset:
        out["x-sunset"] = op.sunset
    out["x-doc-version"] = op.doc_version or op.version
    paging = pagination(op, models)
    if paging is not None:
        out["x-pagination"] = paging
    out["x-source"] = op.source.as_dict()
    if op.security is not None:
        out["security"] = op.security
    for key, value in sorted(op.extensions.items()):
        out[key] = value
    return out


_MEMBER_KEYS = (
    "operationId",
    "summary",
    "description",
    "parameters",
    "requestBody",
    "responses",
    "deprecated",
    "x-api-status",
    "x-sunset",
    "x-doc-version",
    "x-pagination",
    "x-source",
    "servers",
    "security",
    "x-operation-id-inferred",
)


def group_operation(members: list[dict[str, Any]], group_id: str) -> dict[str, Any]:
    """One OpenAPI operation for several documented operations on one method and path (``x-operations``).

    Plain OpenAPI tools see one operation: the parameters all members share, per media type an ``anyOf`` of the
    members' bodies, the union of their responses. ``x-operations`` keeps every documented operation whole, in
    document order, so a client generator renders one method each (ARCHITECTURE.md, "Several operations on one
    method and path").
    """

    def key(param: dict[str, Any]) -> str:
        return json.dumps(param, sort_keys=True)

    common = [
        p for p in members[0].get("parameters", []) if all(key(p) in map(key, m.get("parameters", [])) for m in members)
    ]
    # Path parameters belong to the path: the group declares each once (the first member's reading wins).
    for member in members:
        for param in member.get("parameters", []):
            if param.get("in") == "path" and not any(
                c.get("in") == "path" and c.get("name") == param.get("name") for c in common
            ):
                common.append(param)
    common_keys = {key(p) for p in common}
    group: dict[str, Any] = {
        "operationId": group_id,
        "summary": " | ".join(dict.fromkeys(str(m.get("summary", "")) for m in members)),
        "tags": members[0].get("tags", []),
    }
    if common:
        group["parameters"] = common
    bodies = [m["requestBody"] for m in members if "requestBody" in m]
    if any(body.get("content") for body in bodies):
        # per media type, in document order: Object Storage's PUT uploads bytes (octet-stream) in three members and
        # sends a JSON manifest in another; under the first member's media type alone the JSON object was filed as
        # bytes. anyOf, not oneOf: members' bodies may overlap (three binary strings), and a value is valid when it
        # is any member's
        by_media: dict[str, list[Any]] = {}
        for body in bodies:
            for media_type, media in body.get("content", {}).items():
                schemas = by_media.setdefault(media_type, [])
                if media.get("schema") not in schemas:
                    schemas.append(media.get("schema"))
        group["requestBody"] = {
            "required": all(b.get("required", False) for b in bodies) and len(bodies) == len(members),
            "content": {
                media_type: {"schema": schemas[0] if len(schemas) == 1 else {"anyOf": schemas}}
                for media_type, schemas in by_media.items()
            },
        }
    responses: dict[str, Any] = {}
    for member in members:
        for status, response in member.get("responses", {}).items():
            responses.setdefault(status, response)
    group["responses"] = responses
    if all(m.get("deprecated") for m in members):
        group["deprecated"] = True
    group["x-api-status"] = members[0].get("x-api-status")
    group["x-source"] = members[0].get("x-source")
    if all("security" in m and m["security"] == members[0]["security"] for m in members):
        group["security"] = members[0]["security"]
    operations = []
    for member in members:
        entry = {k: member[k] for k in _MEMBER_KEYS if k in member}
        own = [p for p in member.get("parameters", []) if key(p) not in common_keys and p.get("in") != "path"]
        if own:
            entry["parameters"] = own
        else:
            entry.pop("parameters", None)
        operations.append(entry)
    group["x-operations"] = operations
    return group


def _info(service: Service, version: str) -> dict[str, Any]:
    entry = next((v for v in service.versions if v.version == version), None)
    info: dict[str, Any] = {"title": f"{service.title} API", "version": version}
    description = service.description or f"{service.title} API, version {version}, generated from its reference pages."
    info["description"] = description
    info["x-provider"] = service.provider
    info["x-service"] = service.id
    if entry is not None:
        info["x-api-status"] = entry.status
        if entry.source:
            info["x-version-source"] = entry.source
        if entry.date and entry.status in ("DEPRECATED", "SUPPORTED"):  # a CURRENT or PLANNED date is no sunset
            info["x-sunset"] = entry.date
    info["x-versions"] = [
        {"version": v.version, "status": v.status, **({"date": v.date} if v.date else {})} for v in service.versions
    ]
    if service.provider == "scp":
        info["x-api-version-header"] = {"name": "Scp-Api-Version", "value": f"{service.id} {version}"}
    info["x-pages"] = list(dict.fromkeys(service.pages))
    return info


def _servers(service: Service) -> list[dict[str, Any]]:
    return [] if service.server is None else [service.server.as_openapi()]


_SCP_SECURITY = {
    "scpSignature": {
        "type": "apiKey",
        "in": "header",
        "name": "Scp-Signature",
        "description": "base64(HMAC-SHA256(secret key, method + URL + timestamp + access key + account id + client "
        "type)), sent with Scp-AccessKey, Scp-Timestamp, Scp-ClientType and Scp-AccountId.",
        "x-signing": "scp-hmac-sha256",
    }
}


def emit_spec(
    service: Service, version: str, operations: list[OperationVersion]
) -> tuple[dict[str, Any], list[Finding]]:
    """The OpenAPI document for ``version`` of ``service`` made of ``operations``, and its example findings."""
    spec: dict[str, Any] = {"openapi": "3.1.0", "info": _info(service, version)}
    servers = _servers(service)
    if servers:
        spec["servers"] = servers
    security_schemes: dict[str, Any] = dict(service.components_extra.get("securitySchemes", {}))
    security = list(service.security)
    if service.provider == "scp" and not security_schemes:
        security_schemes = dict(_SCP_SECURITY)
        security = [{"scpSignature": []}]
    if security:
        spec["security"] = security
    ordered = sorted(operations, key=lambda o: (o.path, _METHOD_ORDER.get(o.method.lower(), 9)))
    named = unique_ids(operations, _METHOD_ORDER, service.id)
    ids, id_findings = named.ids, named.findings
    seen_ids = Counter(ids.values())
    tag = service.title
    paths, roots = _paths(service, ordered, ids, Counter(seen_ids), {}, named.inferred)
    # Tags in document order (the order the guide presents its groups), not path order.
    in_document = [op for o in service.operations for op in operations if op.method == o.method and op.path == o.path]
    spec["tags"] = [{"name": t} for t in dict.fromkeys(t for op in in_document for t in (op.tags or [tag]))]
    spec["paths"] = paths
    components: dict[str, Any] = {}
    names = _reachable(roots, service.models)
    if names:
        schemas: dict[str, Any] = {}
        for name in names:
            model = service.models[name]
            schema = dict(model.schema)
            if model.inferred:
                schema["x-inferred"] = True
            schema["x-source"] = model.source.as_dict()
            schemas[name] = schema
        components["schemas"] = schemas
    if security_schemes:
        components["securitySchemes"] = security_schemes
    if components:
        spec["components"] = components
    missing = sorted(roots - set(service.models))
    findings = id_findings + [
        Finding(
            "undefined-model",
            service.pages[0] if service.pages else "",
            0,
            f"{service.id}:{name}",
            "referenced but not defined",
            version,
        )
        for name in missing
    ]
    example_findings, rejected = _check_examples(service, version, ordered, components.get("schemas", {}))
    findings.extend(example_findings)
    if rejected:
        # the same operations again, each example that contradicts its schema kept beside it instead (examples
        # name no model, so the components stay as they are)
        spec["paths"], _ = _paths(service, ordered, ids, Counter(seen_ids), rejected, named.inferred)
    if "security" not in spec:
        spec = _with_hoisted_security(spec)
    spec, _ = share_repeated_objects(spec)
    return spec, findings


def _path_operations(paths: dict[str, Any]) -> list[dict[str, Any]]:
    """Every Operation Object of ``paths``, the ones kept under ``x-additionalOperations`` too."""
    found = [op for item in paths.values() for key, op in item.items() if key in _OPENAPI_METHODS]
    found += [op for item in paths.values() for op in item.get("x-additionalOperations", {}).values()]
    return found


def _with_hoisted_security(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec`` with the security requirement every one of its operations states alike as the document's: a guide
    that documents credentials on only some operations gives them as those operations' own (the dialect's
    ``operation-security``), and a version whose operations are all among them (CloudTrail v2.0) reads as the
    guide would say it once; without this the same version's document would change shape with the other
    versions' operations."""
    operations = _path_operations(spec["paths"])
    first = operations[0].get("security") if operations else None
    if not first or any(op.get("security") != first for op in operations):
        return spec
    for op in operations:
        del op["security"]
    ordered: dict[str, Any] = {}
    for key, value in spec.items():
        if key == "tags" or (key == "paths" and "security" not in ordered):
            ordered["security"] = first
        ordered[key] = value
    return ordered


def _paths(
    service: Service,
    ordered: list[OperationVersion],
    ids: dict[int, str],
    seen_ids: Counter[str],
    rejected: dict[int, set[ExampleSlot]],
    inferred_ids: set[int],
) -> tuple[dict[str, Any], set[str]]:
    """The Paths Object of ``ordered`` and the model names it refers to; ``rejected`` names, by operation, the
    examples that contradict their schemas; ``inferred_ids``, the operations whose operationId no heading gave
    (``x-operation-id-inferred``)."""
    paths: dict[str, Any] = {}
    roots: set[str] = set()
    tag = service.title
    shared: dict[tuple[str, str], list[OperationVersion]] = {}
    for op in ordered:
        shared.setdefault((op.path, op.method.lower()), []).append(op)
    for (path, method), members in shared.items():
        item = paths.setdefault(path, {})
        rendered = [
            _operation(op, ids[id(op)], op.tags or [tag], service.models, frozenset(rejected.get(id(op), ())))
            for op in members
        ]
        for op, out in zip(members, rendered, strict=True):
            if id(op) in inferred_ids:
                out[OPERATION_ID_INFERRED] = True
        if len(rendered) == 1:
            item[method] = rendered[0]
        else:
            base = operation_id(" ".join([method, *[s for s in path.split("/") if s and "{" not in s][-2:]]))
            seen_ids[base] += 1
            group_id = f"{base}Group" if seen_ids[base] == 1 else f"{base}Group{seen_ids[base]}"
            item[method] = group_operation(rendered, group_id)
        _refs(item[method], roots)
        if method not in _OPENAPI_METHODS:
            # OpenAPI 3.1 has no COPY (Swift): kept whole as 3.2's additionalOperations would, under an x- key.
            item.setdefault("x-additionalOperations", {})[method.upper()] = item.pop(method)
    return paths, roots


def _check_examples(
    service: Service, version: str, operations: list[OperationVersion], schemas: dict[str, Any]
) -> tuple[list[Finding], dict[int, set[ExampleSlot]]]:
    """``example-mismatch`` findings for the examples of ``operations`` that contradict their schemas, and those
    examples by operation (``id``), so the document keeps them out of ``example``. A carried-forward copy is
    checked too (its example must not be emitted either) but reported only in its own version."""
    verdicts = ExampleVerdicts.open(_verdicts_salt(), f"build\0{service.id}\0{version}", {"schemas": schemas}, "")
    findings: list[Finding] = []
    rejected: dict[int, set[ExampleSlot]] = {}
    for op in operations:
        own = not (op.doc_version and op.doc_version != version)
        subject = f"{service.id}:{op.method} {op.path}"

        def report(
            slot: ExampleSlot,
            what: str,
            line: int,
            instance: Any,
            schema: dict[str, Any],
            op: OperationVersion = op,
            subject: str = subject,
            own: bool = own,
        ) -> None:
            issues = _example_issues(verdicts, instance, schema, schemas)
            if issues:
                rejected.setdefault(id(op), set()).add(slot)
            for path, message in issues if own else ():
                findings.append(
                    Finding(
                        "example-mismatch",
                        op.source.page,
                        line,
                        subject,
                        f"{what} at {path or '/'}: {message}; not emitted as the example ({DOCUMENTED_EXAMPLE})",
                        version,
                    )
                )

        for param in op.parameters:
            if param.has_example:
                slot = ("parameter", f"{param.location}:{param.name}")
                report(slot, f"example of parameter {param.name}", param.line, param.example, param.schema)
        if op.request_body is not None and op.example_request is not None and op.example_request.has_body:
            report(
                ("request", ""),
                "request body example",
                op.example_request.line,
                op.example_request.body,
                op.request_body.schema,
            )
        ex = op.example_response
        if ex is not None and ex.has_body:
            schema = next((r.schema for r in op.responses if r.status == ex.status and r.schema is not None), None)
            if schema is not None:
                report(("response", ex.status), f"response {ex.status} example", ex.line, ex.body, schema)
    verdicts.save()
    return findings, rejected


@functools.cache
def _verdicts_salt() -> str:
    """What decides an example's issues besides its content: the checker's code and its libraries' versions."""
    checker = Path(__file__).with_name("examples.py")  # not imported: a run whose verdicts are all known never does
    patterns = Path(__file__).parent.parent / "linear_patterns.py"  # how it matches ``pattern``
    return checker_salt(
        (str(checker), str(patterns)), ("jsonschema", "jsonschema-specifications", "referencing", "pydantic-core")
    )


def _example_issues(
    verdicts: ExampleVerdicts, instance: Any, schema: dict[str, Any], schemas: dict[str, Any]
) -> list[tuple[str, str]]:
    """``(path, message)`` of every problem of ``instance`` against ``schema``, remembered by content (a rebuild
    checks only the examples whose inputs changed, and imports the validator only then)."""
    key = verdicts.key(instance, schema)
    if key is not None:
        known, verdict = verdicts.get(key)
        if known and isinstance(verdict, list) and all(_is_issue(item) for item in verdict):
            return [(str(path), str(message)) for path, message in verdict]
    from scraper.build.examples import check_example

    issues = [(issue.path, issue.message) for issue in check_example(instance, schema, schemas)]
    if key is not None:
        verdicts.put(key, [list(issue) for issue in issues])
    return issues


def _is_issue(item: Any) -> bool:
    return isinstance(item, list) and len(item) == 2 and all(isinstance(part, str) for part in item)


def _validator() -> Any:
    # openapi-spec-validator's OAS 3.1 validator, its per-schema meta-check remembered by content
    from scraper.build.schema_checks import memoized_spec_validator

    return memoized_spec_validator()


def validate_spec(spec: dict[str, Any]) -> str:
    """Empty string when ``spec`` is a valid OpenAPI 3.1 document, else the first few errors."""
    from referencing.exceptions import Unresolvable  # a $ref to nowhere is the validator's PointerToNowhere

    validator = _validator()(spec)
    # The first line of each message: the jsonschema-rs backend appends the failing schema and instance to it.
    try:
        errors = [
            f"{'/'.join(str(p) for p in e.absolute_path)}: {(e.message.strip().splitlines() or [''])[0]}"
            for e in validator.iter_errors()
        ]
    except (ValueError, TypeError, KeyError, RecursionError, Unresolvable) as exc:  # the validator gave up
        return f"the validator could not read the document ({type(exc).__name__}: {_gist(exc)})"
    return "; ".join(errors[:5])


#: The longest part of an exception's message an error line quotes.
_GIST_CHARS = 200


def _gist(exc: BaseException) -> str:
    """The first line of ``exc``'s message, without the document some libraries append to it (``referencing``'s
    PointerToNowhere says "... does not exist within {the whole document}"), at most :data:`_GIST_CHARS` long."""
    text = (str(exc).strip().splitlines() or [""])[0]
    text = text.split(" within {", 1)[0]
    return text if len(text) <= _GIST_CHARS else text[: _GIST_CHARS - 3] + "..."


_BaseDumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter, 4x faster, same bytes


class _Dumper(_BaseDumper):  # type: ignore[misc]
    """Block style, no aliases (the same dict reached twice is written twice, never as &id001)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str_representer(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str_representer)


def dump_yaml(spec: dict[str, Any]) -> bytes:
    text = yaml.dump(spec, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100000, default_flow_style=False)
    return text.encode("utf-8")


def findings_json(service: Service, findings: list[Finding]) -> bytes:
    payload = {
        "provider": service.provider,
        "service": service.id,
        "counts": dict(sorted(Counter(f.kind for f in findings).items())),
        "findings": [f.as_dict() for f in findings],
    }
    return (json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


def findings_markdown(service: Service, findings: list[Finding]) -> bytes:
    lines = [f"# Findings: {service.provider}/{service.id}", ""]
    lines.append(
        "Every doubt, repair and inference made while reading the pages, with its page and line. "
        "`findings.json` holds the same list for tools."
    )
    lines.append("")
    counts = Counter(f.kind for f in findings)
    lines.append("| kind | count |")
    lines.append("|---|---|")
    lines.extend(f"| {kind} | {count} |" for kind, count in sorted(counts.items()))
    for kind in sorted(counts):
        lines.extend(["", f"## {kind}", ""])
        for f in findings:
            if f.kind != kind:
                continue
            version = f" [{f.version}]" if f.version else ""
            message = f.message.replace("|", "\\|").replace("\n", " ")
            lines.append(f"- `{f.page}:{f.line}` {f.subject}{version}: {message}")
    return ("\n".join(lines) + "\n").encode("utf-8")
