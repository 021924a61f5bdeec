"""Schemas of models that no Models section defines, inferred from the examples that show them (``x-inferred``).

A request or response names a model the page never defines; the examples of every operation version that uses it
are the only evidence of its shape, so they are merged into one schema (:mod:`scraper.inference`) and each such
decision is a finding. A referenced model with no example at all becomes a free-form object, also a finding.
"""

from __future__ import annotations

from typing import Any

from scraper.build.openapi import schema_refs
from scraper.inference import ExampleSite, infer_schema
from scraper.model import Finding, Model, Service, Source
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
        pages = sorted({f"{site.page}:{site.line}" for _, site in found})
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
    for op in service.operations:
        for v in op.versions.values():
            body, example = v.request_body, v.example_request
            placeholder = body is not None and not _refs(body.schema) and not body.schema.get("properties")
            if body is not None and placeholder and example is not None and example.has_body:
                site = ExampleSite(v.source.page, example.line, f"{v.method} {v.path}")
                body.schema = dict(infer_schema([(example.body, site)], side="request").schema)
            response_example = v.example_response
            for response in v.responses:
                # A response a dialect read from the example alone (no Responses table): ``{"x-inferred": True}``
                # stands for "the example body's shape".
                if response.schema != {"x-inferred": True}:
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
