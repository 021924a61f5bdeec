"""Schemas of models that no Models section defines, inferred from the examples that show them (``x-inferred``).

A request or response names a model the page never defines; the examples of every operation version that uses it
are the only evidence of its shape, so they are merged into one schema (:mod:`scraper.inference`) and each such
decision is a finding. A referenced model with no example at all becomes a free-form object, also a finding.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from scraper.build.openapi import schema_refs
from scraper.inference import ExampleSite, infer_schema
from scraper.model import Finding, Model, Operation, OperationVersion, Response, Service, Source
from scraper.versioning import version_key

__all__ = ["infer_models"]


def _refs(schema: Any) -> list[str]:
    return sorted(schema_refs(schema))


def infer_models(service: Service) -> None:
    examples: dict[str, list[tuple[Any, ExampleSite]]] = {}
    sides: dict[str, str] = {}
    sources: dict[str, Source] = {}
    for op in service.operations:
        for _version, v in sorted(op.versions.items(), key=lambda kv: version_key(kv[0])):
            if v.request_body is not None:
                for name in _refs(v.request_body.schema):
                    sides.setdefault(name, "request")
                    sources.setdefault(name, v.source)
                    if name not in service.models and v.example_request and v.example_request.has_body:
                        site = ExampleSite(v.source.page, v.example_request.line, name)
                        examples.setdefault(name, []).append((v.example_request.body, site))
            for response in v.responses:
                for name in _refs(response.schema):
                    sides.setdefault(name, "response")
                    sources.setdefault(name, v.source)
                    ex = v.example_response
                    if name not in service.models and ex and ex.has_body and ex.status == response.status:
                        examples.setdefault(name, []).append((ex.body, ExampleSite(v.source.page, ex.line, name)))
    # A defined model's field may name a model no Models section defines either (a typo in a Schema cell, a Models
    # section cut short): the spec would hold a $ref to nowhere. It becomes a free-form object like any other
    # undefined model, with the same finding, named at the model that refers to it.
    for model in sorted(service.models.values(), key=lambda m: m.name):
        for name in _refs(model.schema):
            if name not in service.models:
                sides.setdefault(name, "response")
                sources.setdefault(name, model.source)
    placeholders: dict[str, list[tuple[str | None, ...]]] = {}
    for name in sorted(sides):
        if name in service.models:
            continue
        found = examples.get(name, [])
        source = sources[name]
        if not found:
            service.models[name] = Model(name, {"type": "object", "x-inferred": True}, source, inferred=True)
            service.findings.append(
                Finding(
                    "undefined-model",
                    source.page,
                    source.line,
                    f"{service.id}:{name}",
                    "model is referenced but neither defined nor shown in any example; " "typed as a free-form object",
                )
            )
            continue
        inference = infer_schema(found, side=sides[name])  # type: ignore[arg-type]
        schema = dict(inference.schema)
        schema["x-inferred"] = True
        service.models[name] = Model(name, schema, source, inferred=True)
        # in page order, by line number (as text, line 10210 sorted before line 561)
        pages = [f"{page}:{line}" for page, line in sorted({(site.page, site.line) for _, site in found})]
        service.findings.append(
            Finding(
                "inferred-schema",
                source.page,
                source.line,
                f"{service.id}:{name}",
                f"no Models section defines {name}; schema inferred from {len(found)} "
                f"example(s): {', '.join(pages[:5])}{' ...' if len(pages) > 5 else ''}",
            )
        )
        for site, kind, message in inference.notes:
            service.findings.append(Finding(kind, site.page, site.line, f"{service.id}:{name}", message))
        if inference.placeholder_only:
            placeholders[name] = inference.placeholder_only
    _type_placeholders(service, placeholders)
    for op in service.operations:
        for v in op.versions.values():
            body, example = v.request_body, v.example_request
            placeholder = body is not None and not _refs(body.schema) and not body.schema.get("properties")
            if body is not None and placeholder and example is not None and example.has_body:
                site = ExampleSite(v.source.page, example.line, f"{v.method} {v.path}")
                body.schema = dict(infer_schema([(example.body, site)], side="request").schema)
            response_example = v.example_response
            for response in list(v.responses):
                # A response a dialect read from the example alone (no Responses table): ``{"x-inferred": True}``
                # stands for "the example body's shape".
                if response.schema != {"x-inferred": True}:
                    continue
                if _from_other_version(service, op, v, response):
                    continue
                if (
                    response_example is not None
                    and response_example.has_body
                    and response_example.status == response.status
                ):
                    site = ExampleSite(v.source.page, response_example.line, f"{v.method} {v.path}")
                    inferred = dict(infer_schema([(response_example.body, site)], side="response").schema)
                    inferred["x-inferred"] = True
                    response.schema = inferred
                else:
                    response.schema = None


def _from_other_version(service: Service, op: Operation, v: OperationVersion, response: Response) -> bool:
    """Give ``response`` (read from ``v``'s example alone: its Responses table was dropped) the model another
    version of ``op`` documents for the same code, when ``v``'s example validates against it; with it, when the
    table gave ``v`` nothing else, that version's other rows (400, 401...). The nearest version is tried first (the
    newer of two as near). True when reused; each decision, reused or not, is a finding naming the version."""
    example = v.example_response
    if example is None or not example.has_body or example.status != response.status:
        return False
    ordered = sorted(op.versions.values(), key=lambda o: version_key(o.version))
    here = ordered.index(v)
    others = sorted((o for o in ordered if o is not v), key=lambda o: (abs(ordered.index(o) - here), -ordered.index(o)))
    subject = f"{service.id}:{v.method} {v.path}"
    refused: list[str] = []
    for other in others:
        documented = next((r for r in other.responses if r.status == response.status), None)
        if documented is None or documented.schema is None or documented.schema.get("x-inferred") is True:
            continue
        names = _refs(documented.schema)
        if not names or any(name not in service.models or service.models[name].inferred for name in names):
            continue  # only a model the pages define is better evidence than the example
        from scraper.build.examples import check_example

        components = {name: model.schema for name, model in service.models.items()}
        issues = check_example(example.body, documented.schema, components)
        if issues:
            refused.append(f"{other.version} ({', '.join(names)}: {issues[0]})")
            continue
        response.schema = dict(documented.schema)
        response.description = response.description or documented.description
        added: list[Response] = []
        if len(v.responses) == 1:
            added = [
                replace(r, line=response.line, schema=dict(r.schema) if r.schema is not None else None)
                for r in other.responses
                if r.status != response.status
            ]
            v.responses.extend(added)
            v.responses.sort(key=lambda r: r.status)
        rows = f"; its rows {', '.join(r.status for r in added)} kept" if added else ""
        service.findings.append(
            Finding(
                "response-from-version",
                v.source.page,
                response.line,
                subject,
                f"no Responses table: response {response.status} is {', '.join(names)} as version {other.version}"
                f" documents it (the example validates against it){rows}",
                v.version,
            )
        )
        return True
    if refused:
        service.findings.append(
            Finding(
                "response-from-version",
                v.source.page,
                response.line,
                subject,
                f"no Responses table: the example contradicts the model of response {response.status} in version"
                f" {'; '.join(refused)}; not reused, the schema is inferred from the example",
                v.version,
            )
        )
    return False


#: The schemas a placeholder-only field can take from its namesakes: one scalar type, with its format if any.
_SCALAR_TYPES = frozenset({"string", "integer", "number", "boolean"})


def _type_placeholders(service: Service, placeholders: dict[str, list[tuple[str | None, ...]]]) -> None:
    """A field the examples only ever show as ``""`` (left open by the inference) takes the one scalar type its
    namesakes have everywhere else in the service, when they all agree: ``limit: ""`` in Virtual Server's volume
    quota sets is the ``limit: 20`` of its compute quota sets, ``created_at: ""`` the date-time every other model
    shows. Objects are not carried over (a ``metadata`` object's shape is another model's); a name with no
    namesake, or namesakes that disagree, stays open. Each typing is a finding."""
    if not placeholders:
        return
    namesakes: dict[str, set[tuple[str, str | None]]] = {}
    for model in service.models.values():
        _collect_scalars(model.schema, namesakes, 0)
    for name, paths in sorted(placeholders.items()):
        model = service.models[name]
        for path in paths:
            field_name = path[-1] if path else None
            if not isinstance(field_name, str) or len(namesakes.get(field_name, ())) != 1:
                continue
            parent = _schema_at(model.schema, path[:-1])
            properties = parent.get("properties") if parent is not None else None
            if not isinstance(properties, dict) or properties.get(field_name) != {}:
                continue
            ((kind, fmt),) = namesakes[field_name]
            if kind not in _SCALAR_TYPES:
                continue
            properties[field_name] = {"type": kind, **({"format": fmt} if fmt else {})}
            pointer = "".join("/" + ("*" if part is None else part) for part in path)
            service.findings.append(
                Finding(
                    "placeholder-typed",
                    model.source.page,
                    model.source.line,
                    f"{service.id}:{name}",
                    f'{pointer}: only the placeholder "" is shown; typed {kind}'
                    f"{f' ({fmt})' if fmt else ''} as {field_name!r} is in every other model of the service",
                )
            )


def _collect_scalars(schema: Any, namesakes: dict[str, set[tuple[str, str | None]]], depth: int) -> None:
    """Every property's scalar type (``type``, without ``null``, and ``format``) by property name, nested ones too."""
    if not isinstance(schema, dict) or depth > 32:
        return
    properties = schema.get("properties")
    if isinstance(properties, dict):
        for key, child in properties.items():
            if isinstance(child, dict):
                kind = child.get("type")
                kinds = [k for k in kind if k != "null"] if isinstance(kind, list) else [kind]
                if len(kinds) == 1 and kinds[0] in _SCALAR_TYPES:
                    namesakes.setdefault(key, set()).add((kinds[0], child.get("format")))
                elif child.get("type") in ("object", "array") or "$ref" in child:
                    namesakes.setdefault(key, set()).add(("other", None))
            _collect_scalars(child, namesakes, depth + 1)
    _collect_scalars(schema.get("items"), namesakes, depth + 1)
    for part in schema.get("anyOf") or []:
        _collect_scalars(part, namesakes, depth + 1)


def _schema_at(schema: Any, path: tuple[str | None, ...]) -> dict[str, Any] | None:
    """The object schema at ``path`` (property names, ``None`` for items) in an inferred schema, or None."""
    for part in path:
        if not isinstance(schema, dict):
            return None
        if part is None:
            schema = schema.get("items")
        else:
            properties = schema.get("properties")
            schema = properties.get(part) if isinstance(properties, dict) else None
    return schema if isinstance(schema, dict) else None
