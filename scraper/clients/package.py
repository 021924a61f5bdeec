"""``render_package``: the OpenAPI documents of one service -> the whole client package, in memory.

Returns ``relative path -> bytes`` so the caller decides where (and whether) to write; ``scraper.atomic.write_tree``
then rewrites only files whose bytes changed. Everything is deterministic: inputs are sorted, no timestamps, black
formats every Python file.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from typing import Any

from scraper.clients import cases, ir
from scraper.clients.credential_clashes import credential_target, refused_with_every_keyword
from scraper.clients.formatting import SourceFormatter
from scraper.clients.ir import AuthSchemeIR, GenerationError, OperationIR, PackageIR, PaginationIR, VersionIR
from scraper.clients.models import inline_item_classes, long_cycle_warnings
from scraper.clients.paging_cases import paging_case
from scraper.clients.previous_renders import PreviousRenders
from scraper.clients.render import render
from scraper.clients.report import PackageReport

__all__ = ["GenerationError", "SourcesInProgress", "render_package", "render_sources", "start_sources"]

RUNTIME_EXPORTS = (
    "ApiDeprecationWarning",
    "ApiError",
    "AuthenticationError",
    "BadRequestError",
    "BearerAuth",
    "ClientError",
    "ConflictError",
    "HeaderAuth",
    "InternalServerError",
    "KeystoneAuth",
    "NotFoundError",
    "PermissionDeniedError",
    "PlannedVersionError",
    "QueryAuth",
    "RateLimitError",
    "ResponseValidationError",
    "RetryPolicy",
    "ScpAuth",
    "ServerConfig",
    "ServerError",
    "SunsetPassedWarning",
    "TransportError",
)


def render_package(
    specs: Sequence[Mapping[str, Any]],
    *,
    package_name: str | None = None,
    findings: Sequence[Mapping[str, Any]] = (),
    source_names: Sequence[str] | None = None,
    package_version: str | None = None,
) -> dict[str, bytes]:
    """The package tree for one service, one document per API version, formatted (in this process).

    ``package_name`` overrides the distribution name (default ``<x-provider>-<x-service>``, or from
    ``info.title``); ``findings`` are the spec's findings (``findings.json``), used as the reasons for examples
    that do not match their schemas; ``source_names`` name the documents in error messages (file paths).
    """
    sources = render_sources(
        specs,
        package_name=package_name,
        findings=findings,
        source_names=source_names,
        package_version=package_version,
    )
    return SourceFormatter(workers=1).format(sources)


#: Renders one version's models (``scraper.clients.models.render_models``'s arguments) -> a future of their source.
ModelsRenderer = Callable[..., "Future[str]"]
#: Receives files as soon as they are final (disjoint parts of the tree), so formatting starts before the rest renders.
ReadyFiles = Callable[[dict[str, str | bytes]], None]


def render_sources(
    specs: Sequence[Mapping[str, Any]],
    *,
    package_name: str | None = None,
    findings: Sequence[Mapping[str, Any]] = (),
    source_names: Sequence[str] | None = None,
    package_version: str | None = None,
    reports: list[PackageReport] | None = None,
    models: ModelsRenderer | None = None,
    ready: ReadyFiles | None = None,
) -> dict[str, str | bytes]:
    """Like :func:`render_package`, before formatting: generated text as ``str``, verbatim copies as ``bytes``
    (hand :func:`SourceFormatter.submit` the result). ``reports``, when given, receives the package's
    :class:`PackageReport` (its size and every warning).

    ``models`` renders the versions' models elsewhere (``SourceFormatter.render_models``: datamodel-code-generator
    in a worker) while this renders every file that does not need them; ``ready`` is handed those files at once and
    the rest when they are done. Only a client whose listing items are an inline schema waits for its models (its
    element class is the name datamodel-code-generator chose). Either way the files are the same.
    """
    return start_sources(
        specs,
        package_name=package_name,
        findings=findings,
        source_names=source_names,
        package_version=package_version,
        models=models,
        ready=ready,
    ).finish(reports)


def start_sources(
    specs: Sequence[Mapping[str, Any]],
    *,
    package_name: str | None = None,
    findings: Sequence[Mapping[str, Any]] = (),
    source_names: Sequence[str] | None = None,
    package_version: str | None = None,
    models: ModelsRenderer | None = None,
    ready: ReadyFiles | None = None,
    previous: PreviousRenders | None = None,
    reading_warnings: Sequence[Sequence[str]] = (),
) -> SourcesInProgress:
    """The first half of :func:`render_sources`: the models are handed to ``models`` and every file that does not
    need them is rendered (and handed to ``ready``); :meth:`SourcesInProgress.finish` waits for the models. A run
    over many packages starts several before finishing any (``command.generate_services``), so
    datamodel-code-generator works through their models while this process renders the next package instead of
    waiting for each one's.

    ``previous``, when given, supplies client modules whose input is unchanged since the last regeneration (see
    :mod:`scraper.clients.previous_renders`); they are handed on as final bytes. ``reading_warnings``: see
    :func:`ir.build_package`."""
    pkg = ir.build_package(
        specs,
        package_name=package_name,
        findings=findings,
        source_names=source_names,
        package_version=package_version,
        reading_warnings=reading_warnings,
    )
    root = pkg.import_name
    pending = [
        (
            v,
            (models or SourceFormatter(workers=1).render_models)(
                v.schemas,
                openapi=v.openapi,
                source_name=v.source_name,
                header=f"Models of {_oneline(v.title).removesuffix(' API')} API {_oneline(v.version)} "
                "(generated by docs2client; do not edit).",
            ),
        )
        for v in pkg.versions
    ]
    # The clients first (most of black's work, so the formatter starts on them while the rest renders), except one
    # whose listing items are an inline schema: it waits for its models.
    clients = {
        f"{root}/{v.module}/client.py": _client(f"{root}/{v.module}/client.py", v, previous)
        for v in pkg.versions
        if not _inline_listings(v)
    }
    if ready is not None:
        ready(dict(clients))
    files: dict[str, str | bytes] = {}
    files["pyproject.toml"] = render("client/pyproject.toml.j2", pkg=pkg)
    files["README.md"] = render("client/README.md.j2", pkg=pkg)
    # The sdist carries the contract tests with their JSON cases (and the changelog), so they run from it too.
    files["MANIFEST.in"] = "include CHANGELOG.md\nrecursive-include tests *.py *.json\n"
    files[f"{root}/py.typed"] = ""
    files[f"{root}/__init__.py"] = render(
        "client/package_init.py.j2",
        pkg=pkg,
        exports=sorted(
            {"AsyncClient", "Client", "models", "deprecations", "CURRENT_VERSION", "VERSIONS", *RUNTIME_EXPORTS}
            | {v.module for v in pkg.versions}
        ),
        runtime_exports=RUNTIME_EXPORTS,
    )
    tests = 0
    files[f"{root}/deprecations.py"] = render("client/deprecations.py.j2", pkg=pkg)
    for v in pkg.versions:
        files[f"{root}/{v.module}/__init__.py"] = render("client/version_init.py.j2", v=v)
        stem = f"tests/test_contract_{root}_{v.module}"
        files[f"{stem}.py"], files[f"{stem}.json"] = _render_tests(pkg, v)
        cases = json.loads(files[f"{stem}.json"])
        tests += len(cases["requests"]) + len(cases["responses"]) + len(cases.get("webhooks", []))
        tests += len(cases.get("pages", []))
    if ready is not None:
        ready(dict(files))
    files.update(clients)
    return SourcesInProgress(pkg, pending, files, tests, ready, previous)


class SourcesInProgress:
    """A package whose models are being rendered elsewhere (see :func:`start_sources`)."""

    def __init__(
        self,
        pkg: PackageIR,
        pending: list[tuple[VersionIR, Future[str]]],
        files: dict[str, str | bytes],
        tests: int,
        ready: ReadyFiles | None,
        previous: PreviousRenders | None = None,
    ) -> None:
        self._pkg, self._pending, self._files, self._tests, self._ready = pkg, pending, files, tests, ready
        self._previous = previous

    def models_ready(self) -> bool:
        """Whether every version's models are rendered (:meth:`finish` would not wait for them)."""
        return not self.models_pending()

    def models_pending(self) -> set[Future[str]]:
        """The models :meth:`finish` would wait for."""
        return {future for _, future in self._pending if not future.done()}

    def finish(self, reports: list[PackageReport] | None = None) -> dict[str, str | bytes]:
        """Every file of the package (waiting for its models); the files not yet handed to ``ready`` go to it now.
        ``reports``, when given, receives the package's :class:`PackageReport`."""
        pkg, files = self._pkg, self._files
        late: dict[str, str | bytes] = {}
        for v, models_source in self._pending:
            base = f"{pkg.import_name}/{v.module}"
            late[f"{base}/models.py"] = source = models_source.result()
            v.warnings.extend(w for w in long_cycle_warnings(source) if w not in v.warnings)
            if _inline_listings(v) or _model_listings(v):
                _name_inline_items(v, source)
                late[f"{base}/client.py"] = _client(f"{base}/client.py", v, self._previous)
        if self._ready is not None:
            self._ready(late)
        files.update(late)
        if reports is not None:
            reports.append(
                PackageReport(
                    distribution=pkg.distribution,
                    import_name=pkg.import_name,
                    versions=[v.version for v in pkg.versions],
                    operations=sum(len(v.operations) for v in pkg.versions),
                    contract_tests=self._tests,
                    warnings=pkg.warnings,
                )
            )
        return files


def _client(path: str, v: VersionIR, previous: PreviousRenders | None) -> str | bytes:
    """Client module ``path`` of version ``v``: rendered (from ``v`` alone), or the unchanged bytes of the last
    regeneration when ``previous`` has them."""
    reused = previous.reuse(path, v) if previous is not None else None
    return reused if reused is not None else render("client/client.py.j2", v=v)


def _oneline(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9 ._()-]+", "", text)[:80]


def _inline_listings(v: VersionIR) -> list[PaginationIR]:
    """The version's listings whose element schema is inline (their element class is named by the models)."""
    return [
        op.pagination
        for op in v.operations
        if op.pagination is not None and op.pagination.found.kind == "inline" and op.pagination.found.attr
    ]


def _model_listings(v: VersionIR) -> list[PaginationIR]:
    """The version's listings whose element is a referenced class with a discriminator (``ItemsIR.owner`` declares
    the array): their element annotation is read from the rendered models too."""
    return [
        op.pagination
        for op in v.operations
        if op.pagination is not None
        and op.pagination.found.kind == "model"
        and op.pagination.found.attr
        and op.pagination.found.owner
        and op.pagination.found.polymorphic
    ]


def _name_inline_items(v: VersionIR, models_source: str) -> None:
    """Give each listing whose element schema is inline the class datamodel-code-generator named for it, and each
    whose referenced element class the models hold as a discriminated union of its subclasses (Azure's
    ``AlertRule`` -> ``FusionAlertRule | ScheduledAlertRule``) that union."""
    inline = _inline_listings(v)
    modelled = _model_listings(v)
    wanted = {(str(pg.found.model), str(pg.found.attr)) for pg in inline}
    wanted |= {(str(pg.found.owner), str(pg.found.attr)) for pg in modelled}
    names = inline_item_classes(models_source, wanted)
    for pg in inline:
        pg.inline_class = names.get((str(pg.found.model), str(pg.found.attr)))
    for pg in modelled:
        rendered = names.get((str(pg.found.owner), str(pg.found.attr)))
        if rendered is not None and " | " in rendered:
            pg.inline_class = rendered


# ------------------------------------------------------------------------------------------------------------- tests


def _render_tests(pkg: PackageIR, v: VersionIR) -> tuple[str, str]:
    """The contract test module of one version and its cases (JSON): the module is the same code for every
    version; the documented examples are data, so black never formats them and a docs change reads as a JSON diff."""
    requests: list[dict[str, Any]] = []
    omitted: list[dict[str, Any]] = []
    responses: list[dict[str, Any]] = []
    pages: list[dict[str, Any]] = []
    client_values = {
        p.wire_name: p.example.value if p.example is not None else "contract-test" for p in v.client_params
    }
    for op in v.operations:
        blocker = op.request_test_blocker
        if blocker is not None:
            omitted.append({"name": op.method_name, "reason": blocker})
        else:
            requests.append(_request_case(v, op, client_values))
            page_case = paging_case(op, requests[-1])
            if page_case is not None:
                pages.append(page_case)
        if op.response_model and op.response_example is not None:
            case = {
                "name": op.method_name,
                "model": op.response_model,
                "example": op.response_example.value,
                "xfail": op.response_example.problem,
            }
            if op.response_example.synthesised:
                case["synthesised"] = True
            if not op.response_example.known:
                case["xfail_strict"] = False
            responses.append(case)
    methods_per_hook = Counter(hook.name for hook in v.webhooks)
    webhooks = [
        {
            "name": hook.name if methods_per_hook[hook.name] == 1 else f"{hook.name} {hook.http_method}",
            "model": hook.payload_model,
            "example": hook.example.value,
            "xfail": hook.example.problem,
            **({"synthesised": True} if hook.example.synthesised else {}),
            **({"xfail_strict": False} if not hook.example.known else {}),
        }
        for hook in v.webhooks
        if hook.payload_model and hook.example is not None
    ]
    data = {
        "base_url": "https://contract.test",
        "version_headers": v.version_headers,
        "client": {
            **{p.py_name: client_values[p.wire_name] for p in v.client_params},
            **{str(s.keyword): _contract_credential(s) for s in v.credential_schemes},
        },
        **_credential_query(v),
        "requests": requests,
        "omitted": omitted,
        "responses": responses,
        **({"webhooks": webhooks} if webhooks else {}),
        **({"pages": pages} if pages else {}),
    }
    module = render(
        "client/test_contract.py.j2",
        pkg=pkg,
        v=v,
        has_requests=bool(requests),
        has_omitted=bool(omitted),
        has_refused=any(case.get("refused") for case in requests),
        has_empty_parts=any(_empty_parts(case["body"]) for case in requests),
        has_responses=bool(responses),
        has_webhooks=bool(webhooks),
        has_pages=bool(pages),
        # the form check lays the fields out by the Encoding Object; without form bodies it is never reached
        has_form_bodies=any(op.body is not None and op.body.kind == "form" for op in v.operations),
    )
    return module, json.dumps(data, indent=2, ensure_ascii=False, default=_json_scalar) + "\n"


def _empty_parts(body: Mapping[str, Any] | None) -> bool:
    """Whether a request case's multipart example has a field no part carries (null, or an empty list)."""
    if not body or body.get("kind") != "multipart" or not isinstance(body.get("value"), Mapping):
        return False
    return any(value is None or value == [] for value in body["value"].values())


def _json_scalar(value: Any) -> str:
    """Dates and other YAML scalars in examples: their text (as the client sends them)."""
    return str(value)


def _contract_credential(scheme: AuthSchemeIR) -> str | list[str]:
    """A stand-in credential the contract tests give the client for ``scheme`` (each operation then sends what its
    security asks for, instead of raising ``MissingCredentialsError``); a basic pair is a JSON list."""
    return ["contract-user", "contract-password"] if scheme.kind == "basic" else f"contract-{scheme.keyword}"


def _credential_query(v: VersionIR) -> dict[str, list[str]]:
    """The query parameters credentials are sent in (the contract tests leave them out of the documented query)."""
    keys = sorted({str(s.key) for s in v.credential_schemes if s.kind == "query"})
    return {"credential_query": keys} if keys else {}


def _request_case(v: VersionIR, op: OperationIR, client_values: Mapping[str, Any]) -> dict[str, Any]:
    values = {p.wire_name: p.example.value for p in op.params if p.example is not None and not p.client_level}
    body = xfail = None
    strict = True
    if op.body is not None and op.body.example is not None:
        body = {"model": op.body.model, "value": op.body.example.value}
        if op.stream_flag is not None and isinstance(op.body.example.value, dict):  # a stream method sets its flag
            body["value"] = {**op.body.example.value, op.stream_flag: True}
        if op.body.kind != "json":  # how the test passes the value and reads the request back
            value = op.body.example.value
            if op.body.kind in ("binary", "text") and not isinstance(value, str):
                # a structure shown for a raw body (a JSON example under a vendor or misspelt media type): the text
                # the caller would send is its JSON
                value = json.dumps(value, ensure_ascii=False, default=_json_scalar)
            body = {"kind": op.body.kind, "media_type": op.body.media_type, "value": value}
            if op.body.encoding:
                body["encoding"] = op.body.encoding
        if op.body.example.synthesised:  # not documented: the model's own dump is what must be sent
            body["synthesised"] = True
        if op.body.kind == "json":  # a model checks the value; a form, multipart or raw body is sent as given
            xfail = op.body.example.problem
            strict = op.body.example.known
    case = cases.request_case(v, op, values, client_values, body, xfail)
    targets = {s.name: t for s in v.credential_schemes if (t := credential_target(s.kind, s.key)) is not None}
    if op.chooses_credentials and refused_with_every_keyword(op.requirements, targets):
        case["refused"] = True  # every alternative the keywords could send sets one header twice: nothing goes
    if xfail and not strict:
        case["xfail_strict"] = False
    return case
