"""The SCP dialect: Samsung Cloud Platform API reference pages -> services, operations and models.

An SCP page (a service page, a section's printable view, or a single operation) is read as a stream of blocks:

* a service overview (``Overview`` after the service name): version table, ``OpenAPI URL``, environment/region list;
* ``APIs`` and ``Models`` sections (when the page has them);
* one *version page* per operation version: a heading titled ``X.Y``, then ``method /path``, ``Description``,
  ``State ACTIVE (STATUS)``, a version table, ``Parameters``, ``Responses``, ``Example HTTP request`` (path, header
  listing, body) and ``Example HTTP response`` (code, body).

The operation title is the version heading's parent heading; pages without one (a single-operation page, an old
service page) take it from the page title or the Description line, and say so in the findings. A version page whose
structure is broken (no method line, two method lines because a heading was lost, no Responses table) raises a
located :class:`DialectError` rather than producing a spec that silently lost or merged operations.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote_plus

from scraper.dialects import DialectError, PageInfo
from scraper.dialects.table_repairs import table_repair_notes
from scraper.doc_values import NO_VALUE, DocValueError, coerce_doc_value, parse_constraints, split_example
from scraper.document import Block, CodeBlock, Document, Heading, Paragraph, Row, Table
from scraper.model import (
    ApiStatus,
    ExampleRequest,
    ExampleResponse,
    Finding,
    Model,
    Operation,
    OperationVersion,
    Parameter,
    RequestBody,
    Response,
    ServerTemplate,
    Service,
    ServiceVersion,
    Source,
)
from scraper.readers.text import HTTP_REASONS
from scraper.schema_grammar import SchemaExpr, SchemaSyntaxError, integer_enums, parse_schema, to_json_schema
from scraper.spec_input import parse_example_json
from scraper.versioning import version_key

__all__ = ["DEPRECATION_SENTENCE", "ScpDialect", "iso_date"]

VERSION = re.compile(r"^\d+\.\d+$")
METHOD_LINE = re.compile(r"^(get|post|put|delete|patch|head|options) (/\S*)$", re.IGNORECASE)
#: The "State" label as the English and Korean pages print it (``State ACTIVE (CURRENT)``, ``상태 ACTIVE (CURRENT)``),
#: on the status's line or alone on the line before it.
STATE_LABELS = ("State", "상태")
STATE = re.compile(r"^(?:(?:State|상태)\s+)?ACTIVE \((CURRENT|SUPPORTED|PLANNED|DEPRECATED)\)$")
RESPONSE_LINE = re.compile(r"^Response (\d{3})$")
HEADER_ITEM = re.compile(r'^"([^"=]+?) = ([^"]*)",?$')
#: ``https://<service>.{region}.{environment}.<domain>``; a global service (IAM, Support) has no ``{region}``.
SERVICE_URL = re.compile(r"^https?://([a-z0-9-]+)(?:\.\{region\})?\.\{environment\}\.[a-z0-9.-]+/?$")
DEPRECATION_SENTENCE = (
    "Deprecated versions with Not Before dates that have arrived or expired are no longer supported. "
    "We recommend using the latest version."
)
#: The sentence as the Korean pages print it.
DEPRECATION_SENTENCE_KO = (
    "Not Before 기간이 도래하거나 만료된 Deprecated 버전은 더 이상 지원하지 않습니다. 최신 버전 사용을 권장합니다."
)
_DEPRECATION_SENTENCES = (DEPRECATION_SENTENCE, DEPRECATION_SENTENCE_KO)
#: A model table without its Default column.
_FIELDS_WITHOUT_DEFAULT = ("Name", "Description", "Schema")
#: First header cell of a version table, English and Korean (``| 버전 | 최소 지원 보장일 |``).
_VERSION_HEADERS = ("Version", "버전")
_LABELS = {
    "Description",
    "Parameters",
    "Responses",
    "Example HTTP request",
    "Request path",
    "Request header",
    "Request body",
    "Example HTTP response",
}
_BOILERPLATE = (
    "This is the multi-page printable view of this section.",
    "Return to the regular view of this page.",
    "이 섹션의 다중 페이지 출력 화면임.",
)
_VERSION_TABLE_STARTS = tuple((h,) for h in _VERSION_HEADERS)
#: The overview's label over the service's endpoint template.
_URL_LABEL = "OpenAPI URL"
#: Where glued constraints start in an example value (``100Minimum : 1``): what precedes is the example.
_CONSTRAINT_SUFFIX = re.compile(r"(?:Pattern|Minimum length|Maximum length|Minimum|Maximum) : ")


def example_constraints(example_text: str | None) -> tuple[str | None, dict[str, Any], str | None]:
    """An ``Example :`` value with its glued constraint lines split off (``20Minimum : 0`` gives ``20`` and
    ``{"minimum": 0}``), the same in model and parameter rows; the third item says why the constraints were not
    read (a constraint given twice, a length not an integer), the example then cut where they start."""
    if example_text is None:
        return None, {}, None
    try:
        example, constraints = parse_constraints(example_text)
    except DocValueError as exc:
        return (
            _CONSTRAINT_SUFFIX.split(example_text, maxsplit=1)[0],
            {},
            f"{exc}; the constraints of this row are not read",
        )
    return example, constraints, None


def _integer_enum_notes(expr: SchemaExpr) -> list[str]:
    """One note per ``enum (...)`` of plain integers in a Schema cell: the page does not say the values' type, the
    values do (:func:`scraper.schema_grammar.is_integer_enum`), so the reading is said."""
    return [f"enum ({', '.join(e.values)}) lists integers only; read as an integer enum" for e in integer_enums(expr)]


_STATUS_ORDER: tuple[ApiStatus, ...] = ("CURRENT", "SUPPORTED", "PLANNED", "DEPRECATED")
#: Statuses whose versions do not stop on a date: a date next to one is not a sunset (for PLANNED, "Not Before"
#: more likely says when it becomes callable), so it never becomes ``x-sunset``.
_UNDATED_STATUSES: frozenset[str] = frozenset({"CURRENT", "PLANNED"})


def _date_not_sunset(status: str, version: str, date: str) -> str:
    return (
        f"{status} version {version} is given the date {date!r}: only DEPRECATED and SUPPORTED versions stop on a"
        " date, so it is not read as a sunset (x-versions keeps it)"
    )


def iso_date(text: str) -> str | None:
    """``20251231`` -> ``2025-12-31``; ``-`` or empty -> None."""
    text = text.strip()
    if re.fullmatch(r"\d{8}", text):
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return None


def _text(block: Block) -> str | None:
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Heading) and block.number is None:
        return block.title
    return None


def _one_line_paragraphs(blocks: list[Block]) -> list[Block]:
    """Each line of a paragraph as a paragraph of its own. SCP's pages are read by their lines (a label, then its
    value: ``State`` / ``ACTIVE (CURRENT)``), as the text renderings show them one line each; the HTML reader keeps a
    ``<br>``-broken paragraph whole (the document model's line break), so its lines are taken apart here. A line
    keeps its paragraph's source line (the model holds no other)."""
    if not any(isinstance(block, Paragraph) and "\n" in block.text for block in blocks):
        return blocks
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph) and "\n" in block.text:
            out.extend(Paragraph(line, block.line) for line in block.text.split("\n") if line)
        else:
            out.append(block)
    return out


@dataclass(slots=True)
class _Overview:
    title: str
    line: int
    versions: list[ServiceVersion] = field(default_factory=list)
    server: ServerTemplate | None = None
    service_id: str | None = None


class ScpDialect:
    """Reads SCP API reference pages. Stateless: one instance can read any number of documents."""

    provider = "scp"

    def read(self, document: Document, info: PageInfo) -> list[Service]:
        return _PageReader(document, info).run()


class _PageReader:
    def __init__(self, document: Document, info: PageInfo) -> None:
        self.doc = document
        self.info = info
        self.blocks = _one_line_paragraphs(document.blocks)
        self.page = info.page
        self.services: dict[str, Service] = {}
        self.findings: list[Finding] = []
        self.titles: dict[tuple[int, ...], str] = {}
        self.overview: _Overview | None = None
        self.models_prefix: tuple[int, ...] | None = None
        self.page_title: str | None = None

    # -- driver -------------------------------------------------------------------------------------------------

    def run(self) -> list[Service]:
        i = 0
        first_heading = next((k for k, b in enumerate(self.blocks) if _is_numbered(b)), len(self.blocks))
        has_overview = any(_text(b) == "Overview" for b in self.blocks[:first_heading])
        self.page_title = None if has_overview else self._page_title(first_heading)
        pending_models: list[tuple[str | None, str, Table, Heading]] = []
        while i < len(self.blocks):
            block = self.blocks[i]
            nxt = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
            if nxt is not None and _text(nxt) == "Overview" and isinstance(block, (Heading, Paragraph)):
                i = self._read_overview(i)
                continue
            if isinstance(block, Heading) and block.number is not None:
                self.titles[block.number] = block.title
                if block.title == "Models":
                    self.models_prefix = block.number
                    i += 1
                    continue
                if block.title == "APIs":
                    self.models_prefix = None
                    i += 1
                    continue
                if VERSION.match(block.title) and nxt is not None and _is_method_line(nxt):
                    i = self._read_version_page(i)
                    continue
                in_models = self.models_prefix is not None and block.number[:-1] == self.models_prefix
                # A heading over a 'Name | Description | Schema' table is a model wherever it sits: a Models page
                # numbers its models from 1 under an unnumbered 'Models' title.
                model_table = isinstance(nxt, Table) and nxt.header[:3] == ("Name", "Description", "Schema")
                if in_models or model_table:
                    if not isinstance(nxt, Table) or nxt.header[:1] != ("Name",):
                        self._finding(
                            "model-skipped",
                            block.line,
                            f"*:{block.title}",
                            f"expected a 'Name | Description | Schema | Default' table for model {block.title};"
                            " the model is not read",
                        )
                        i += 1
                        continue
                    pending_models.append(
                        (self.overview.service_id if self.overview else None, block.title, nxt, block)
                    )
                    i += 2
                    continue
                if VERSION.match(block.title):
                    self._finding(
                        "operation-skipped",
                        block.line,
                        "*",
                        f"expected 'method /path' after version heading '{block.title}'; this version page is not read",
                    )
            i += 1
        for service_id, name, table, heading in pending_models:
            self._read_model(service_id, name, table, heading)
        return self._finish()

    def _page_title(self, first_heading: int) -> str | None:
        for block in reversed(self.blocks[:first_heading]):
            text = _text(block)
            if not text or text.startswith(_BOILERPLATE) or text in _LABELS:
                continue
            if re.match(r"^(?:- )?\d+(?:\.\d+)*: ", text):
                continue  # a table-of-contents entry
            return text
        return None

    def _finish(self) -> list[Service]:
        ops_read = any(s.operations for s in self.services.values())
        models_read = any(s.models for s in self.services.values())
        skipped = [
            f
            for f in self.findings
            if (f.kind == "operation-skipped" and not ops_read)
            or (f.kind == "model-skipped" and not ops_read and not models_read)
        ]
        if skipped:
            # The page declares operations or models but not one could be read: an empty spec would hide that.
            first = min(skipped, key=lambda f: f.line)
            raise DialectError(
                self.page,
                first.line,
                f"{len(skipped)} version page(s) or model(s) found and none could be read; the first: {first.message}",
            )
        services = sorted(self.services.values(), key=lambda s: s.id)
        for service in services:
            service.findings.extend(f for f in self.findings if f.subject.startswith(service.id + ":"))
            service.findings.extend(
                Finding(f.kind, f.page, f.line, f.subject, f.message, f.version)
                for f in self.findings
                if f.subject == "*" or f.subject.startswith("*:")
            )
        return services

    def _service(self, service_id: str, line: int) -> Service:
        if service_id not in self.services:
            overview = self.overview if self.overview and self.overview.service_id == service_id else None
            service = Service(provider="scp", id=service_id, title=overview.title if overview else service_id)
            if overview is not None:
                service.versions = list(overview.versions)
                service.server = overview.server
            service.pages.append(self.page)
            self.services[service_id] = service
        return self.services[service_id]

    def _finding(self, kind: str, line: int, subject: str, message: str, version: str | None = None) -> None:
        self.findings.append(Finding(kind, self.page, line, subject, message, version))

    # -- overview -----------------------------------------------------------------------------------------------

    def _read_overview(self, i: int) -> int:
        head = self.blocks[i]
        title = head.title if isinstance(head, Heading) else _text(head) or ""
        if isinstance(head, Heading) and head.number is not None:
            self.titles[head.number] = title
        overview = _Overview(title=title, line=head.line)
        i += 2
        while i < len(self.blocks) and not _is_numbered(self.blocks[i]):
            block = self.blocks[i]
            if isinstance(block, Table) and block.header[:1] in _VERSION_TABLE_STARTS:
                overview.versions = self._overview_versions(block)
                newest_first = sorted(overview.versions, key=lambda v: version_key(v.version), reverse=True)
                if newest_first != overview.versions:
                    # Some renderings list the oldest version first; the model (and x-versions) is newest first.
                    self._finding(
                        "version-order",
                        block.line,
                        "*",
                        "the version table is not newest first; read as " + ", ".join(v.version for v in newest_first),
                    )
                    overview.versions = newest_first
            elif isinstance(block, Table) and tuple(h.lower() for h in block.header) == ("environment", "region"):
                pairs = [{"environment": r.cells[0], "region": r.cells[1]} for r in block.rows if len(r.cells) == 2]
                for line, note in table_repair_notes(block.rows, lambda row: " ".join(row.cells)):
                    # where a squashed row's environment ends is the reader's guess: each endpoint pair says so
                    self._finding("table-repair", line, "*", note)
                if overview.server is not None:
                    overview.server.pairs = pairs
            elif (
                isinstance(block, Paragraph)
                and block.text.startswith("http")
                and _text(self.blocks[i - 1]) != _URL_LABEL
            ):
                # Only the line under 'OpenAPI URL' is the endpoint: an overview may show other URLs (the common
                # page's 'Example Version Information API Call'), which are not the service's.
                self._finding(
                    "not-an-endpoint",
                    block.line,
                    "*",
                    f"URL {block.text!r} is not under an {_URL_LABEL!r} label; not read as the service's endpoint",
                )
            elif isinstance(block, Paragraph) and block.text.startswith("http"):
                match = SERVICE_URL.match(block.text)
                overview.server = ServerTemplate(url=block.text.rstrip("/"))
                if match:
                    overview.service_id = match.group(1)
                else:
                    self._finding(
                        "unrecognised-server-url",
                        block.line,
                        "*",
                        f"OpenAPI URL {block.text!r} does not "
                        "follow https://<service>.{region}.{environment}.<domain>",
                    )
            i += 1
        if overview.server is not None and overview.server.pairs:
            self._fit_pairs_to_url(overview.server, overview.line)
        if overview.service_id is None:
            fallback = (
                self.info.services[0]
                if len(self.info.services) == 1
                else re.sub(r"[^a-z0-9]+", "", (title or "").lower())
            )
            if not fallback:
                raise DialectError(
                    self.page, overview.line, f"expected an 'OpenAPI URL' line in the overview of {title}"
                )
            overview.service_id = fallback
            self._finding(
                "no-openapi-url",
                overview.line,
                f"{fallback}:*",
                f"the overview of {title} has no 'OpenAPI URL' line; service id {fallback!r} taken from the"
                + (" catalog" if len(self.info.services) == 1 else " title"),
            )
        self.overview = overview
        service = self._service(overview.service_id, overview.line)
        service.title = title
        service.versions = list(overview.versions)
        service.server = overview.server
        if overview.versions and not any(v.status == "DEPRECATED" for v in overview.versions):
            has_sentence = any(
                isinstance(b, Paragraph) and b.text in _DEPRECATION_SENTENCES
                for b in self.blocks[self.blocks.index(head) : i]
            )
            if has_sentence:
                self._finding(
                    "boilerplate",
                    overview.line,
                    f"{service.id}:*",
                    "overview prints the deprecation sentence although no version is deprecated",
                )
        return i

    def _fit_pairs_to_url(self, server: ServerTemplate, line: int) -> None:
        """Keep of the environment/region pairs only the variables the URL has: a global service's URL has no
        ``{region}``, so its endpoints differ by environment only (the page still lists every region)."""
        placeholders = set(re.findall(r"\{([^{}]+)\}", server.url))
        unused = sorted({name for pair in server.pairs for name in pair} - placeholders)
        if not unused:
            return
        fitted: list[dict[str, str]] = []
        for pair in server.pairs:
            kept = {name: value for name, value in pair.items() if name in placeholders}
            if kept and kept not in fitted:
                fitted.append(kept)
        server.pairs = fitted
        self._finding(
            "server-variables",
            line,
            "*",
            f"the OpenAPI URL {server.url} has no {{{'}, {'.join(unused)}}}: the environment and region list is read"
            f" as {len(fitted)} endpoint(s) by {', '.join(sorted(placeholders)) or 'none'}",
        )

    def _overview_versions(self, table: Table) -> list[ServiceVersion]:
        out: list[ServiceVersion] = []
        for row in table.rows:
            cells = row.cells
            if len(cells) == 3:
                version, status, date = cells
            elif len(cells) == 2:
                version, status, date = cells[0], "CURRENT" if cells[1] == "-" else "DEPRECATED", cells[1]
            else:
                self._finding(
                    "version-row-skipped",
                    row.line,
                    "*",
                    f"expected 'Version | Status | Not Before' cells, got {' | '.join(cells)!r}; row skipped",
                )
                continue
            if status not in _STATUS_ORDER:
                close = difflib.get_close_matches(status.strip().upper(), list(_STATUS_ORDER), n=1, cutoff=0.75)
                if not close:
                    self._finding(
                        "version-row-skipped",
                        row.line,
                        "*",
                        f"expected a status ({', '.join(_STATUS_ORDER)}), got {status!r}; row skipped",
                    )
                    continue
                self._finding("status-repaired", row.line, "*", f"status {status!r} read as {close[0]}")
                status = close[0]
            if status in _UNDATED_STATUSES and iso_date(date) is not None:
                self._finding("date-not-sunset", row.line, "*", _date_not_sunset(status, version, date))
            out.append(ServiceVersion(version, status, iso_date(date)))  # type: ignore[arg-type]
        return out

    # -- models -------------------------------------------------------------------------------------------------

    def _read_model(self, service_id: str | None, name: str, table: Table, heading: Heading) -> None:
        if service_id is None and len(self.info.services) == 1:
            # A Models page (``.../models/_print``) has no overview to name its service: the catalog does.
            service_id = self.info.services[0]
            if service_id not in self.services:
                self._finding(
                    "service-from-catalog",
                    heading.line,
                    f"{service_id}:*",
                    "models without a service overview; service taken from the catalog",
                )
        if service_id is None:
            self._finding(
                "model-skipped",
                heading.line,
                f"*:{name}",
                f"model {name} has no service overview naming its service (a Models page: give its service in the"
                ' catalog, services = ["<id>"]); not read',
            )
            return
        service = self._service(service_id, heading.line)
        properties: dict[str, Any] = {}
        required: list[str] = []
        subject = f"{service_id}:{name}"
        # A model table may leave out the Default column (``Name | Description | Schema``, the layout of the
        # swagger2markup renderer these pages come from): its rows have three cells and no default.
        columns = 3 if tuple(table.header) == _FIELDS_WITHOUT_DEFAULT else 4
        for line, note in table_repair_notes(table.rows, _field_label):
            self._finding("table-repair", line, subject, note)
        for row in table.rows:
            if len(row.cells) != columns:
                self._finding(
                    "row-skipped",
                    row.line,
                    subject,
                    f"expected {columns} cells: {' | '.join(table.header[:columns])}, got {len(row.cells)};"
                    " row skipped",
                )
                continue
            name_cell, desc_cell, schema_cell, default_cell = _flat((*row.cells, "")[:4])
            field_name, flag = _split_name(name_cell)
            if flag is None:
                field_name = name_cell.split()[0] if name_cell.split() else ""
                if not field_name:
                    self._finding("row-skipped", row.line, subject, "a model row without a field name; row skipped")
                    continue
                if not desc_cell and not schema_cell and not default_cell:
                    # a bare word with no flag, description or schema (a row cut short) is no field
                    self._finding(
                        "row-skipped",
                        row.line,
                        subject,
                        f"a model row of one word {name_cell!r}: no required/optional flag, description or Schema;"
                        " row skipped",
                    )
                    continue
                flag = "optional"
                self._finding(
                    "row-repair",
                    row.line,
                    subject,
                    f"expected '<field> required|optional', got {name_cell!r}; read as optional {field_name!r}",
                )
            prop = self._field_schema(subject, field_name, desc_cell, schema_cell, default_cell, row.line)
            properties[field_name] = prop
            if flag == "required":
                required.append(field_name)
        schema: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            schema["required"] = required
        source = Source(self.page, self.info.url, name, heading.line)
        if name in service.models:
            self._finding(
                "duplicate-model", heading.line, subject, f"model {name} defined twice; the later one is used"
            )
        service.models[name] = Model(name=name, schema=schema, source=source)

    def _field_schema(
        self, subject: str, field_name: str, desc_cell: str, schema_cell: str, default_cell: str, line: int
    ) -> dict[str, Any]:
        description, example_text = split_example(desc_cell)
        example_text, constraints, problem = example_constraints(example_text)
        if problem:
            self._finding("constraint-skipped", line, subject, f"{field_name}: {problem}")
        if schema_cell:
            try:
                expr = parse_schema(schema_cell)
                schema = to_json_schema(expr)
            except SchemaSyntaxError as exc:
                self._finding("schema-syntax", line, subject, f"{field_name}: {exc}; read as an untyped value")
                schema = {}
            else:
                for enum_note in _integer_enum_notes(expr):
                    self._finding("enum-integer", line, subject, f"{field_name}: {enum_note}")
            if schema == {"type": "object"} and _scalar_example(example_text):
                # SCP's docs print a bare ``object`` for a type their renderer cannot name (a decimal:
                # ``usage_gb | Example : 123.4 | object``); a dict would reject every value the API sends
                schema = {}
                self._finding(
                    "schema-example-conflict",
                    line,
                    subject,
                    f"{field_name}: Schema says object but its example {example_text!r} is not one; left untyped"
                    " (any value)",
                )
        elif example_text:
            schema = {"type": "string", "x-inferred": True}
            self._finding(
                "broken-row",
                line,
                subject,
                f"{field_name}: the row has no Schema or Default cell (text: {desc_cell!r}); "
                "typed as string from its example",
            )
        else:
            schema = {"x-inferred": True}
            self._finding(
                "broken-row",
                line,
                subject,
                f"{field_name}: the row has no Schema or Default cell and no example (text: {desc_cell!r}); "
                "left untyped (any value)",
            )
        schema = dict(schema)
        if description:
            schema = _with(schema, "description", description)
        schema.update(constraints)
        if example_text is not None and example_text != "":
            value, note = coerce_doc_value(example_text, schema)
            if value is not NO_VALUE:
                schema = _with(schema, "examples", [value])
            if note:
                self._finding("example-value", line, subject, f"{field_name}: {note}")
        if default_cell and default_cell != "None":
            value, note = coerce_doc_value(default_cell, schema, role="default")
            if value is not NO_VALUE:
                schema = _with(schema, "default", value)
            if note:
                self._finding("default-value", line, subject, f"{field_name}: {note}")
        return schema

    # -- operation version pages --------------------------------------------------------------------------------

    def _op_title(self, heading: Heading, description: str, method: str, path: str) -> tuple[str, str | None]:
        """The operation's title and, when it had to be inferred, why."""
        assert heading.number is not None
        parent = heading.number[:-1]
        in_models = self.models_prefix is not None and parent[:-1] == self.models_prefix
        if parent and parent in self.titles and not VERSION.match(self.titles[parent]) and not in_models:
            return self.titles[parent], None
        if self.page_title and not parent:
            return self.page_title, "no numbered operation heading; title taken from the page title"
        if description:
            return (
                description.split("\n", 1)[0].rstrip("."),
                "no operation heading; title taken from the Description line",
            )
        return (
            f"{method.upper()} {path}",
            "no operation heading and no Description line; title made from the method and path",
        )

    def _read_version_page(self, i: int) -> int:
        heading = self.blocks[i]
        assert isinstance(heading, Heading)
        end = i + 1
        while end < len(self.blocks) and not _is_numbered(self.blocks[end]):
            end += 1
        page = _VersionPage(self, heading, self.blocks[i + 1 : end])
        try:
            page.parse()
        except DialectError as exc:
            # One unreadable version page costs that page, not the service: the rest of the guide is read.
            self._finding("operation-skipped", exc.line, "*", f"{exc.message}; this version page is not read")
            return end
        service_id = page.service_id()
        if service_id is None:
            if self.overview and self.overview.service_id:
                service_id = self.overview.service_id
            elif len(self.info.services) == 1:
                service_id = self.info.services[0]
                self._finding(
                    "service-from-catalog",
                    heading.line,
                    f"{service_id}:*",
                    "no 'Scp-Api-Version = <service> <version>' request header and no service overview;"
                    " service taken from the catalog",
                )
            else:
                self._finding(
                    "operation-skipped",
                    heading.line,
                    "*",
                    "expected a 'Scp-Api-Version = <service> <version>' request header or a service overview;"
                    " this version page is not read",
                )
                return end
        elif self.overview and self.overview.service_id and self.overview.service_id != service_id:
            self._finding(
                "service-mismatch",
                heading.line,
                f"{self.overview.service_id}:*",
                f"page under {self.overview.service_id} sends Scp-Api-Version for {service_id}",
            )
        service = self._service(service_id, heading.line)
        title, title_note = self._op_title(heading, page.description, page.method, page.path)
        version = heading.title
        subject = f"{service_id}:{page.method.upper()} {page.path}"
        op_extensions: dict[str, Any] = {"x-title-inferred": True} if title_note else {}
        if title_note:
            self._finding("inferred-title", heading.line, subject, f"{title_note}: {title!r}", version)
        op = service.operation(page.method.upper(), page.path)
        if op is None:
            op = Operation(title=title, method=page.method.upper(), path=page.path)
            service.operations.append(op)
        elif op.title != title:
            self._finding(
                "title-mismatch", heading.line, subject, f"title {title!r} differs from {op.title!r}", version
            )
        if version in op.versions:
            self._finding(
                "duplicate-version-page",
                heading.line,
                subject,
                f"version {version} of {subject} is documented twice; the first page is kept",
                version,
            )
            return end
        source = Source(self.page, self.info.url, f"{title} / {version}", heading.line)
        op.versions[version] = page.build(version, title, source)
        op.versions[version].extensions.update(op_extensions)
        for kind, line, message in page.notes:
            self._finding(kind, line, subject, message, version)
        return end


def _with(schema: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    """Add ``key`` to a schema; a bare ``$ref`` gets wrapped (3.1 allows siblings, but keep refs clean)."""
    if "$ref" in schema and key in ("default",):
        return {"allOf": [schema], key: value}
    out = dict(schema)
    out[key] = value
    return out


def _scalar_example(example_text: str | None) -> bool:
    """Whether a row's ``Example :`` text is a scalar value (not an object or array, not null), which a bare
    ``object`` Schema cell then contradicts."""
    text = (example_text or "").strip()
    return bool(text) and text not in ("None", "null") and not text.startswith(("{", "["))


def _flat(cells: tuple[str, ...]) -> tuple[str, ...]:
    """Cells with line breaks and whitespace runs as single spaces: SCP's pages break cells with ``<br>`` for
    layout only (their text renderings show a space there)."""
    return tuple(" ".join(cell.split()) for cell in cells)


def _field_label(row: Row) -> str:
    """The field a model row documents, as its repair findings name it (the name cell without its flag)."""
    name_cell = " ".join(row.cells[0].split()) if row.cells else ""
    field_name, flag = _split_name(name_cell)
    return field_name if flag is not None else (name_cell.split() or [""])[0]


def _split_name(cell: str) -> tuple[str, str | None]:
    parts = cell.rsplit(" ", 1)
    if len(parts) == 2 and parts[1] in ("required", "optional"):
        return parts[0].strip(), parts[1]
    return cell.strip(), None


def _is_numbered(block: Block) -> bool:
    return isinstance(block, Heading) and block.number is not None


def _is_method_line(block: Block) -> bool:
    text = _text(block)
    return bool(text and METHOD_LINE.match(text))


class _VersionPage:
    """The blocks of one operation version page, parsed in document order."""

    def __init__(self, reader: _PageReader, heading: Heading, blocks: list[Block]) -> None:
        self.reader = reader
        self.page = reader.page
        self.heading = heading
        self.blocks = blocks
        self.method = ""
        self.path = ""
        self.description = ""
        self.status: ApiStatus | None = None
        self.date_text: str | None = None
        self.params_table: Table | None = None
        self.responses_table: Table | None = None
        self.example_path: str | None = None
        self.example_path_line = 0
        self.example_headers: dict[str, str] = {}
        self.request_body: CodeBlock | None = None
        self.request_body_label = 0
        self.response_code: str | None = None
        self.response_line = 0
        self.response_body: CodeBlock | None = None
        self.has_deprecation_sentence = False
        self.labels: dict[str, int] = {}
        self.notes: list[tuple[str, int, str]] = []

    def fail(self, line: int, message: str) -> DialectError:
        return DialectError(
            self.page, line, f"{message} (in version page '{self.heading.title}' at line {self.heading.line})"
        )

    def parse(self) -> None:
        seen: dict[str, int] = {}
        label: str | None = None

        def once(key: str, line: int) -> None:
            if key in seen:
                raise self.fail(
                    line,
                    f"expected one {key} per version page, found a second one (first at line {seen[key]}); "
                    "a version heading may be missing",
                )
            seen[key] = line

        for block in self.blocks:
            text = _text(block)
            if text is not None and METHOD_LINE.match(text):
                once("method line", block.line)
                match = METHOD_LINE.match(text)
                assert match
                self.method, self.path = match.group(1).lower(), match.group(2)
                label = None
            elif text is not None and text in _LABELS:
                once(text, block.line)
                self.labels[text] = block.line
                label = text
            elif text is not None and (STATE.match(text) or text in STATE_LABELS):
                if text not in STATE_LABELS:
                    once("State", block.line)
                    match = STATE.match(text)
                    assert match
                    self.status = match.group(1)  # type: ignore[assignment]
                label = "State" if text in STATE_LABELS else None
            elif text in _DEPRECATION_SENTENCES:
                self.has_deprecation_sentence = True
            elif text is not None and RESPONSE_LINE.match(text):
                once("Response code", block.line)
                match = RESPONSE_LINE.match(text)
                assert match
                self.response_code = match.group(1)
                self.response_line = block.line
                label = "Response"
            elif label == "Description" and text is not None:
                # A description can run over several paragraphs (bullet lists): they all belong to it, up to the
                # State line or the next label.
                self.description = f"{self.description}\n{text}" if self.description else text
                if text == "None" and self.description == "None":
                    self.description = ""
                    self.notes.append(("empty-description", block.line, "the Description reads 'None': no description"))
            elif label == "Request path" and text is not None:
                self.example_path = text
                self.example_path_line = block.line
                label = "after path"
            elif isinstance(block, Table):
                label = self._table(block, label, once)
            elif isinstance(block, CodeBlock):
                label = self._code(block, label, once)
            elif text is not None:
                self.notes.append(
                    ("unrecognised-text", block.line, f"text not part of the SCP page structure: {text!r}")
                )
        if not self.method:
            raise self.fail(self.heading.line, "expected 'method /path' as the first line of the version page")
        if self.responses_table is None and self.response_code is None:
            raise self.fail(self.heading.line, "expected a Responses table or an example 'Response <code>'")
        if self.status is None:
            raise self.fail(self.heading.line, "expected a 'State ACTIVE (STATUS)' line")

    def _table(self, table: Table, label: str | None, once: Any) -> str | None:
        header = table.header
        if header[:1] in _VERSION_TABLE_STARTS:
            once("version table", table.line)
            rows = [r for r in table.rows if len(r.cells) >= 2]
            if not rows:
                # an empty per-page table (a rendering that lost its row): the date comes from the service's table
                self.notes.append(("version-table-empty", table.line, "the version table has no 'version | date' row"))
                return None
            if len(rows) > 1:
                mine = [r for r in rows if r.cells[0] == self.heading.title]
                self.notes.append(
                    (
                        "version-table-rows",
                        table.line,
                        f"{len(rows)} rows in the page's version table; "
                        + ("the row of this page's version is read" if mine else "the first row is read"),
                    )
                )
                rows = mine or rows
            version, date = rows[0].cells[0], rows[0].cells[-1]
            if version != self.heading.title:
                self.notes.append(
                    ("version-mismatch", table.line, f"version table says {version}, heading says {self.heading.title}")
                )
            self.date_text = date
            return None
        if label == "Parameters" and header[:2] == ("Type", "Name"):
            self.params_table = table
            return None
        if label == "Responses" and header[:1] == ("HTTP Code",):
            self.responses_table = table
            return None
        # A table the page structure does not place (one inside a description, a header of another language):
        # the table is reported and left out, the rest of the version page is read.
        self.notes.append(
            (
                "table-skipped",
                table.line,
                f"a table with columns {' | '.join(header)!r} where the page structure has none (expected one after"
                " Parameters or Responses); not read",
            )
        )
        return label

    def _code(self, block: CodeBlock, label: str | None, once: Any) -> str | None:
        if block.language == "http-headers" or (block.text.lstrip().startswith('"') and " = " in block.text):
            once("request header listing", block.line)
            for raw in block.text.splitlines():
                match = HEADER_ITEM.match(raw.strip())
                if match:
                    self.example_headers[match.group(1).strip()] = match.group(2).strip()
            return label
        if label == "Request body":
            once("request body example", block.line)
            self.request_body = block
            return None
        if label == "Response":
            once("response body example", block.line)
            self.response_body = block
            return None
        self.notes.append(
            (
                "code-skipped",
                block.line,
                "a code block where the page structure has none (expected one after 'Request body' or"
                " 'Response <code>'); not read",
            )
        )
        return label

    def service_id(self) -> str | None:
        value = self.example_headers.get("Scp-Api-Version")
        if not value:
            return None
        parts = value.split()
        if len(parts) == 2 and parts[1] != self.heading.title:
            self.notes.append(
                (
                    "version-mismatch",
                    self.heading.line,
                    f"Scp-Api-Version example says {parts[1]}, heading says {self.heading.title}",
                )
            )
        return parts[0] if parts else None

    # -- building the OperationVersion --------------------------------------------------------------------------

    def build(self, version: str, title: str, source: Source) -> OperationVersion:
        assert self.status is not None
        op = OperationVersion(
            version=version,
            method=self.method.upper(),
            path=self.path,
            summary=title,
            description=self.description,
            status=self.status,
            source=source,
            sunset=iso_date(self.date_text or ""),
            doc_version=version,
        )
        if self.status in _UNDATED_STATUSES and op.sunset is not None:
            self.notes.append(
                ("date-not-sunset", self.heading.line, _date_not_sunset(self.status, version, self.date_text or ""))
            )
            op.sunset = None
        if self.status in ("DEPRECATED", "SUPPORTED") and op.sunset is None:
            overview = self.reader.overview
            listed = next((v for v in overview.versions if v.version == version), None) if overview else None
            if self.date_text is None and listed is not None and listed.date is not None:
                # No per-page version table (a rendering that dropped it): the service's version table has the date.
                op.sunset = listed.date
                self.notes.append(
                    (
                        "date-from-overview",
                        self.heading.line,
                        f"{self.status} page without a version table; Not Before {listed.date} taken from the"
                        " service's version table",
                    )
                )
            else:
                self.notes.append(("missing-date", self.heading.line, f"{self.status} page without a Not Before date"))
        if self.status == "DEPRECATED" and not self.has_deprecation_sentence:
            self.notes.append(
                (
                    "boilerplate",
                    self.heading.line,
                    "DEPRECATED page without the deprecation sentence (status read " "from the State line)",
                )
            )
        body_schema: dict[str, Any] | None = None
        if self.params_table is not None:
            self.notes.extend(("table-repair", line, note) for line, note in table_repair_notes(self.params_table.rows))
            for row in self.params_table.rows:
                param, body = self._param(row.cells, row.line)
                if body is not None:
                    body_schema = body
                elif param is not None:
                    op.parameters.append(param)
        if self.responses_table is None:
            self._responses_from_example(op, "no Responses table")
        skipped_rows = 0
        if self.responses_table is not None:
            self.notes.extend(
                ("table-repair", line, note) for line, note in table_repair_notes(self.responses_table.rows)
            )
        for row in self.responses_table.rows if self.responses_table is not None else ():
            if len(row.cells) != 3 or not re.fullmatch(r"\d{3}", row.cells[0]):
                skipped_rows += 1
                self.notes.append(
                    (
                        "row-skipped",
                        row.line,
                        f"expected 'HTTP code | Description | Schema' in the Responses table, got"
                        f" {' | '.join(row.cells)!r}; row skipped",
                    )
                )
                continue
            schema = None if row.cells[2] in ("None", "") else self._schema(row.cells[2], row.line, "response schema")
            op.responses.append(Response(row.cells[0], row.cells[1], schema, row.line))
        if (
            skipped_rows
            and self.response_code is not None
            and self.response_code not in {r.status for r in op.responses}
        ):
            # a row that could not be read may be the success the example shows: take its code from the example, as
            # when the whole table is dropped, rather than leave the operation without it
            self._responses_from_example(
                op, f"{skipped_rows} row(s) of the Responses table could not be read and none gives its code"
            )
        op.responses.sort(key=lambda r: r.status)
        request_example = self._json(self.request_body, "request body")
        if body_schema is not None:
            op.request_body = RequestBody(schema=body_schema)
        elif self.request_body is not None:
            op.request_body = RequestBody(schema={}, required=False)
            self.notes.append(
                (
                    "example-without-parameter",
                    self.request_body.line,
                    "request body example but no body parameter; " "the body schema is inferred from the example",
                )
            )
        if body_schema is not None and self.request_body is None:
            body_name = str(body_schema.get("$ref", "")).rsplit("/", 1)[-1] or "(inline schema)"
            self.notes.append(
                ("missing-example", self.heading.line, f"body parameter {body_name} has no request body example")
            )
        op.example_request = ExampleRequest(
            path=self.example_path or "",
            headers=dict(self.example_headers),
            body=request_example,
            has_body=self.request_body is not None and request_example is not None,
            line=self.example_path_line,
        )
        if self.response_code is not None:
            response_example = self._json(self.response_body, "response body")
            op.example_response = ExampleResponse(
                status=self.response_code,
                body=response_example,
                has_body=self.response_body is not None and response_example is not None,
                line=self.response_line,
            )
            if self.response_code not in {r.status for r in op.responses}:
                self.notes.append(
                    ("example-status", self.response_line, f"example response {self.response_code} is not in the table")
                )
        self._declare_path_parameters(op)
        self._check_path_template(op)
        return op

    def _responses_from_example(self, op: OperationVersion, why: str) -> None:
        """No Responses table (a rendering that dropped it), or rows of it that could not be read (``why``): the
        example response's code is a documented response; its schema is inferred from the example body by the build
        (``x-inferred``)."""
        assert self.response_code is not None
        has_body = self.response_body is not None
        schema: dict[str, Any] | None = {"x-inferred": True} if has_body else None
        op.responses.append(
            Response(self.response_code, HTTP_REASONS.get(self.response_code, ""), schema, self.response_line)
        )
        where = self.labels.get("Responses", self.heading.line)
        self.notes.append(
            (
                "responses-missing",
                where,
                f"{why}; response {self.response_code} taken from the example response"
                + (" (schema inferred from its body)" if has_body else " (no body)")
                + ("; other status codes are not documented" if self.responses_table is None else ""),
            )
        )

    def _declare_path_parameters(self, op: OperationVersion) -> None:
        """Every ``{name}`` of the path is a parameter. One no Parameters row declares (a rendering that dropped the
        table) is added as a required string, marked ``x-inferred``; so are the required query parameters the
        example request path shows when there is no Parameters table at all."""
        declared = {(p.location, p.name) for p in op.parameters}
        inferred: list[tuple[str, str]] = [
            ("path", name)
            for name in dict.fromkeys(re.findall(r"\{([^{}]+)\}", op.path))
            if ("path", name) not in declared
        ]
        if self.params_table is None and self.example_path:
            query = self.example_path.partition("?")[2]
            names = dict.fromkeys(unquote_plus(part.split("=", 1)[0]) for part in query.split("&"))
            # a name the example repeats (?id=1&id=2) is one parameter
            inferred += [("query", name) for name in names if name and ("query", name) not in declared]
        for location, name in inferred:
            op.parameters.append(
                Parameter(
                    name=name,
                    location=location,  # type: ignore[arg-type]
                    required=True,
                    schema={"type": "string", "x-inferred": True},
                    description="",
                    line=self.heading.line,
                )
            )
            source = "the path" if location == "path" else "the example request path"
            self.notes.append(
                (
                    "inferred-parameter",
                    self.labels.get("Parameters", self.heading.line),
                    f"{location} parameter {name} is in {source} but no Parameters row declares it;"
                    " added as a required string (x-inferred)",
                )
            )

    def _json(self, block: CodeBlock | None, what: str) -> Any:
        if block is None:
            return None
        try:
            return parse_example_json(block.text)  # depth, size of numbers, Unicode: an invalid-json finding
        except json.JSONDecodeError as exc:
            self.notes.append(
                ("invalid-json", block.line + exc.lineno - 1, f"{what} example is not valid JSON: {exc.msg}")
            )
            return None

    def _schema(self, text: str, line: int, what: str) -> dict[str, Any]:
        try:
            expr = parse_schema(text)
        except SchemaSyntaxError as exc:
            self.notes.append(("schema-syntax", line, f"{what}: {exc}; read as an untyped value"))
            return {}
        self.notes.extend(("enum-integer", line, f"{what}: {note}") for note in _integer_enum_notes(expr))
        return to_json_schema(expr)

    def _param(self, cells: tuple[str, ...], line: int) -> tuple[Parameter | None, dict[str, Any] | None]:
        """A Parameters row: the parameter, or (for the body row) the request body's schema."""
        if len(cells) != 5:
            self.notes.append(
                (
                    "row-skipped",
                    line,
                    f"expected 'Type | Name | Description | Schema | Default' cells, got {len(cells)}; row skipped",
                )
            )
            return None, None
        location, name_cell, desc_cell, schema_cell, default_cell = _flat(cells)
        name, flag = _split_name(name_cell)
        if flag is None:
            name = name_cell.split()[0] if name_cell.split() else ""
            if not name:
                self.notes.append(("row-skipped", line, "a parameter row without a name; row skipped"))
                return None, None
            flag = "optional"
            self.notes.append(
                (
                    "row-repair",
                    line,
                    f"expected '<name> required|optional', got {name_cell!r}; read as optional {name!r}",
                )
            )
        if location == "body":
            try:
                expr = parse_schema(schema_cell)
            except SchemaSyntaxError as exc:
                self.notes.append(
                    ("schema-syntax", line, f"body parameter: {exc}; the body schema is inferred from the example")
                )
                return None, {}
            if not expr.is_model:
                self.notes.append(
                    ("body-schema", line, f"the body parameter's schema is {schema_cell!r}, not a model name")
                )
                return None, to_json_schema(expr)
            return None, {"$ref": f"#/components/schemas/{expr.name}"}
        if location == "header" and "_" in name:
            # SCP names a header parameter like a variable (``content_type``) and gives the header itself as the
            # description (``Content-Type``): an HTTP header named ``content_type`` is not that header.
            wire_name = split_example(desc_cell)[0]
            if re.fullmatch(r"[A-Za-z0-9-]+", wire_name) and wire_name.replace("-", "_").lower() == name.lower():
                self.notes.append(
                    (
                        "header-name",
                        line,
                        f"header parameter {name}: its description names the header {wire_name!r}; read as"
                        f" {wire_name!r} ({name!r} is not an HTTP header of that name)",
                    )
                )
                name = wire_name
        if location == "header" and name.lower() in ("accept", "content-type", "authorization"):
            self.notes.append(
                (
                    "ignored-header",
                    line,
                    f"header parameter {name}: OpenAPI tools ignore a parameter of this name (the client sets the"
                    " header itself); kept as documented",
                )
            )
        if location not in ("path", "query", "header", "cookie"):
            self.notes.append(("unsupported-location", line, f"parameter {name} in {location!r} read as query"))
            location = "query"
        schema = self._schema(schema_cell, line, f"parameter {name}")
        description, example_text = split_example(desc_cell)
        # a parameter row's constraint lines follow its example as a model row's do (``Example : 20Minimum : 0``)
        example_text, constraints, problem = example_constraints(example_text)
        if problem:
            self.notes.append(("constraint-skipped", line, f"parameter {name}: {problem}"))
        if constraints:
            schema = {**schema, **constraints}
        param = Parameter(
            name=name,
            location=location,  # type: ignore[arg-type]
            required=flag == "required" or location == "path",
            schema=schema,
            description=description,
            line=line,
        )
        if example_text:
            value, note = coerce_doc_value(example_text, schema)
            if value is not NO_VALUE:
                param.example, param.has_example = value, True
            if note:
                self.notes.append(("example-value", line, f"parameter {name}: {note}"))
        if default_cell and default_cell != "None":
            value, note = coerce_doc_value(default_cell, schema, role="default")
            if value is not NO_VALUE:
                param.default, param.has_default = value, True
            if note:
                self.notes.append(("default-value", line, f"parameter {name}: {note}"))
        elif not default_cell:
            self.notes.append(("empty-default", line, f"parameter {name}: empty Default cell (read as no default)"))
        return param, None

    def _check_path_template(self, op: OperationVersion) -> None:
        if not self.example_path:
            self.notes.append(("missing-example", self.heading.line, "no example request path"))
            return
        path, _, query = self.example_path.partition("?")
        if path != op.path:
            self.notes.append(
                ("example-path", self.example_path_line, f"example path {path!r} differs from {op.path!r}")
            )
        documented = [p.name for p in op.parameters if p.location == "query" and p.required]
        shown = [part.split("=", 1)[0] for part in query.split("&") if part]
        if shown != documented:
            self.notes.append(
                (
                    "example-path",
                    self.example_path_line,
                    f"example query {shown} differs from the required query parameters {documented}",
                )
            )
