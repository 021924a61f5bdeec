"""NHN Cloud dialect: an NHN API guide (Markdown, HTML or text rendering) -> one :class:`~scraper.model.Service`.

The conventions it reads (format-notes §8):

* the first heading is the guide title, usually a breadcrumb ``Storage > Block Storage > API v2 Guide``: the
  product before the last ``>`` names the service (``block-storage``), ``v2`` in the title is the API version
  (cross-checked with the ``/v2/`` path prefix);
* an operation is a heading whose section holds a ``METHOD /path`` line (with ``X-Auth-Token: {tokenId}`` under it);
  its paragraphs before that line are the description; headings shallower than operations are groups (tags);
* ``Request``/``Response`` sub-headings hold a field table (``Name | Type | Format|Attribute(s) | [Required] |
  Description`` -- *Type is the location*, Format the data type) and an example JSON after ``Example``;
* ``Status Name | Description`` tables (``Volume Status``) give the values of the group's ``Enum`` fields;
* a ``Type | Region | Endpoint`` table gives the servers, one URL per region.

Auth is a Keystone token sent as ``X-Auth-Token``: the header row it names (``tokenId``) becomes the
``keystoneToken`` security scheme, not a parameter. Path parameters every operation shares (``tenantId``) are
client-level values (``x-client-parameter``). NHN documents no status codes; the ones used are inferred and say so.
Body tables become schemas via :mod:`scraper.dialects.nhn_schema`, which also reconciles them with the examples.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from scraper.dialects import DialectError, PageInfo
from scraper.dialects.nhn_schema import TYPES, FieldRow, FieldTree, primitive_schema
from scraper.document import Block, CodeBlock, Document, Heading, Paragraph, Table
from scraper.model import (
    ExampleRequest,
    ExampleResponse,
    Finding,
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

__all__ = ["DEFAULT_TOKEN_URL", "NhnDialect"]

#: NHN Cloud's Keystone identity endpoint (``POST /v2.0/tokens``), used when a guide only links to its identity page.
DEFAULT_TOKEN_URL = "https://api-identity-infrastructure.nhncloudservice.com/v2.0/tokens"

_METHOD_LINE = re.compile(r"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(/\S*)\s*$", re.IGNORECASE)
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.+)$")
_PLACEHOLDER = re.compile(r"^\{(\w+)\}$")
_PATH_PARAM = re.compile(r"\{(\w+)\}")
_VERSION = re.compile(r"\bv(\d+(?:\.\d+)*)\b", re.IGNORECASE)
_PATH_VERSION = re.compile(r"^/(v\d+(?:\.\d+)*)/")
_DEFAULT = re.compile(r"\bDefault is\s+`?([^\s`,.]+)`?", re.IGNORECASE)
_EITHER = re.compile(r"\b(?:Either|One of:?)\s*(.+)$", re.IGNORECASE | re.MULTILINE)
_TOKEN_URL = re.compile(r"https?://\S*identity\S*/tokens\b")
_LOCATIONS = {"url": "path", "path": "path", "query": "query", "header": "header", "body": "body"}
_REQUIRED = {"o": True, "yes": True, "y": True, "required": True, "true": True}
_OPTIONAL = {"-": False, "x": False, "no": False, "n": False, "optional": False, "false": False, "": False}
_NO_BODY = ("does not return a response body", "does not require a request body", "no response body")
_REASONS = {"200": "OK", "201": "Created", "202": "Accepted", "204": "No Content"}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _first_line(block: Block) -> str:
    text = block.text if isinstance(block, CodeBlock | Paragraph) else ""
    return text.strip().split("\n", 1)[0].strip()


def _method_of(block: Block) -> re.Match[str] | None:
    return _METHOD_LINE.match(_first_line(block)) if isinstance(block, CodeBlock | Paragraph) else None


def _norm_header(cell: str) -> str:
    return re.sub(r"\s+", " ", cell).strip().lower()


@dataclass(slots=True)
class _Op:
    heading: Heading
    blocks: list[Block] = field(default_factory=list)
    group: str | None = None


@dataclass(slots=True)
class _Part:
    """Request or Response section of an operation."""

    tables: list[Table] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    examples: list[CodeBlock] = field(default_factory=list)


class NhnDialect:
    """Reads NHN Cloud API guides; see the module docstring for the conventions."""

    provider = "nhn"

    def read(self, document: Document, info: PageInfo) -> list[Service]:
        return [_PageReader(document, info).service()]


class _PageReader:
    def __init__(self, document: Document, info: PageInfo) -> None:
        self.document = document
        self.info = info
        self.page = info.page or document.page
        self.findings: list[Finding] = []

    def _finding(self, kind: str, line: int, subject: str, message: str) -> None:
        self.findings.append(Finding(kind=kind, page=self.page, line=line, subject=subject, message=message))

    def _source(self, heading: str, line: int) -> Source:
        return Source(page=self.page, url=self.info.url, heading=heading, line=line)

    # ------------------------------------------------------------------------------------------ structure

    def service(self) -> Service:
        blocks = self.document.blocks
        headings = [(i, b) for i, b in enumerate(blocks) if isinstance(b, Heading)]
        if not headings:
            raise DialectError(
                self.page, 1, "expected an NHN API guide: a title heading followed by operation headings"
            )
        op_indexes = [i for i, h in headings if self._section_has_method(i)]
        if not op_indexes:
            raise DialectError(
                self.page, headings[0][1].line, "expected at least one operation: a heading with a 'METHOD /path' line"
            )
        op_level = min(blocks_heading_level(blocks, i) for i in op_indexes)
        title_index, title = headings[0]
        if title_index in op_indexes:
            raise DialectError(self.page, title.line, "expected the guide title heading before the first operation")
        service_id, product, version = self._identity(title, [blocks[i] for i in op_indexes])

        ops: list[_Op] = []
        group: str | None = None
        status_tables: dict[str | None, list[tuple[str, Table]]] = {}
        intro: list[Block] = []
        current: _Op | None = None
        section_title = title.title
        for index, block in enumerate(blocks):
            if index == title_index:
                continue
            if isinstance(block, Heading):
                if index in op_indexes:
                    current = _Op(heading=block, group=group)
                    ops.append(current)
                    continue
                if block.level < op_level:
                    group, current = block.title.strip(), None
                    section_title = block.title
                    continue
                if block.level == op_level:
                    current, section_title = None, block.title
                    continue
            if current is not None:
                current.blocks.append(block)
            elif (
                isinstance(block, Table) and block.header and _norm_header(block.header[0]) in ("status name", "status")
            ):
                status_tables.setdefault(group, []).append((section_title, block))
            elif group is None:
                intro.append(block)

        service = Service(provider="nhn", id=service_id, title=product, pages=[self.page])
        service.versions = [ServiceVersion(version=version, status="CURRENT")]
        self._servers_and_description(service, intro)
        self.status_tables = status_tables
        token_header: dict[str, str] = {}
        for op in ops:
            service.operations.append(self._operation(op, version, token_header))
        self._client_parameters(service)
        self._security(service, intro, token_header)
        self._format_drift(service)
        service.findings = sorted(set(self.findings), key=Finding.sort_key)
        return service

    def _section_has_method(self, heading_index: int) -> bool:
        for block in self.document.blocks[heading_index + 1 :]:
            if isinstance(block, Heading):
                return False
            if _method_of(block):
                return True
        return False

    def _identity(self, title: Heading, op_headings: list[Block]) -> tuple[str, str, str]:
        parts = [p.strip() for p in title.title.split(">") if p.strip()]
        guide = parts[-1] if parts else title.title
        product = parts[-2] if len(parts) >= 2 else re.sub(r"\bAPI\b.*$", "", guide).strip()
        service_id = _slug(product)
        if not service_id:
            raise DialectError(
                self.page,
                title.line,
                "expected a guide title naming the product, e.g. 'Storage > Block Storage > API v2 Guide'",
            )
        paths = []
        for heading in op_headings:
            assert isinstance(heading, Heading)
            index = self.document.blocks.index(heading)
            for block in self.document.blocks[index + 1 :]:
                match = _method_of(block)
                if match:
                    paths.append(match.group(2))
                    break
        prefixes = sorted({m.group(1) for p in paths if (m := _PATH_VERSION.match(p))})
        found = _VERSION.search(guide)
        if found:
            version = f"v{found.group(1)}"
            if prefixes and prefixes != [version]:
                self._finding(
                    "version-mismatch",
                    title.line,
                    service_id,
                    f"title says {version} but paths use {', '.join(prefixes)}",
                )
        elif len(prefixes) == 1:
            version = prefixes[0]
        else:
            raise DialectError(
                self.page,
                title.line,
                "expected an API version in the title ('API v2 Guide') or a common '/vN/' path prefix",
            )
        return service_id, product, version

    # ----------------------------------------------------------------------------------- servers, security

    def _servers_and_description(self, service: Service, intro: list[Block]) -> None:
        texts: list[str] = []
        for block in intro:
            if isinstance(block, Paragraph):
                texts.append(block.text)
            elif isinstance(block, Table) and any(_norm_header(h) == "endpoint" for h in block.header):
                header = [_norm_header(h) for h in block.header]
                region_col, url_col = header.index("region") if "region" in header else None, header.index("endpoint")
                pairs: list[tuple[str, str]] = []
                for row in block.rows:
                    urls = (
                        [u.strip() for u in row.cells[url_col].split("\n") if u.strip()]
                        if url_col < len(row.cells)
                        else []
                    )
                    regions = (
                        [r.strip() for r in row.cells[region_col].split("\n") if r.strip()]
                        if region_col is not None and region_col < len(row.cells)
                        else []
                    )
                    if len(regions) != len(urls):
                        self._finding(
                            "endpoint-table",
                            row.line,
                            service.id,
                            f"{len(regions)} region(s) but {len(urls)} endpoint URL(s); paired in order",
                        )
                    for i, url in enumerate(urls):
                        pairs.append((regions[i] if i < len(regions) else "", url))
                if not pairs:
                    raise DialectError(self.page, block.line, "expected endpoint URLs in the 'Endpoint' column")
                template, codes = _url_template([url for _, url in pairs])
                service.server = ServerTemplate(url=template, pairs=[{"region": c} for c in codes] if codes else [])
                listing = ", ".join(
                    f"{name} ({code})" if name else code for (name, _), code in zip(pairs, codes or [], strict=False)
                )
                if listing:
                    texts.append(f"Regions: {listing}.")
        service.description = "\n\n".join(texts)
        if service.server is None:
            self._finding("no-endpoint", 1, service.id, "the guide has no endpoint table; no servers are emitted")

    def _security(self, service: Service, intro: list[Block], token_header: dict[str, str]) -> None:
        if not token_header:
            return
        header_name = sorted(token_header)[0]
        token_url = next(
            (
                m.group(0)
                for b in self.document.blocks
                if isinstance(b, Paragraph)
                for m in [_TOKEN_URL.search(b.text)]
                if m
            ),
            None,
        )
        if token_url is None:
            token_url = DEFAULT_TOKEN_URL
            self._finding(
                "assumed-token-url",
                1,
                service.id,
                f"the guide does not name the identity endpoint; the token URL {DEFAULT_TOKEN_URL} is assumed",
            )
        service.components_extra = {
            "securitySchemes": {
                "keystoneToken": {
                    "type": "apiKey",
                    "in": "header",
                    "name": header_name,
                    "description": "Keystone token issued by the NHN Cloud identity service (POST /v2.0/tokens),"
                    f" sent as {header_name}.",
                    "x-token-url": token_url,
                }
            }
        }
        service.security = [{"keystoneToken": []}]

    def _client_parameters(self, service: Service) -> None:
        """Path parameters every operation shares (the tenant) are set once on the client, not per call."""
        per_op = [
            {p.name for v in op.versions.values() for p in v.parameters if p.location == "path"}
            for op in service.operations
        ]
        shared = set.intersection(*per_op) if len(per_op) >= 2 else {"tenantId"} & (per_op[0] if per_op else set())
        for op in service.operations:
            for version in op.versions.values():
                for param in version.parameters:
                    if param.location == "path" and param.name in shared:
                        param.extensions["x-client-parameter"] = True

    def _format_drift(self, service: Service) -> None:
        seen: dict[tuple[str, str], tuple[str, Parameter]] = {}
        for op in service.operations:
            for version in op.versions.values():
                for param in version.parameters:
                    key = (param.location, param.name)
                    fmt = json.dumps(param.schema.get("format"))
                    if key in seen and seen[key][0] != fmt:
                        self._finding(
                            "format-drift",
                            param.line,
                            op.title,
                            f"{param.location} parameter {param.name!r} has format {param.schema.get('format')} here"
                            f" but {seen[key][1].schema.get('format')} elsewhere; kept as documented",
                        )
                    seen.setdefault(key, (fmt, param))

    # -------------------------------------------------------------------------------------------- operations

    def _operation(self, op: _Op, version: str, token_header: dict[str, str]) -> Operation:
        title = op.heading.title.strip()
        description: list[str] = []
        method = path = ""
        method_line = op.heading.line
        headers: dict[str, str] = {}
        parts: dict[str, _Part] = {}
        part: _Part | None = None
        for block in op.blocks:
            match = _method_of(block) if not method else None
            if match:
                method, path = match.group(1).upper(), match.group(2)
                method_line = block.line
                for extra in _text_of(block).split("\n")[1:]:
                    header = _HEADER_LINE.match(extra.strip())
                    if header:
                        headers[header.group(1)] = header.group(2).strip()
                continue
            if isinstance(block, Heading):
                key = block.title.strip().lower()
                if key in ("request", "response"):
                    part = parts.setdefault(key, _Part())
                continue
            if not method:
                if isinstance(block, Paragraph):
                    description.append(block.text)
                continue
            target = part
            if target is None:
                target = parts.setdefault(
                    "request" if not isinstance(block, Table) or _has_required(block) else "response", _Part()
                )
            if isinstance(block, Table):
                target.tables.append(block)
            elif isinstance(block, Paragraph):
                target.paragraphs.append(block)
            elif isinstance(block, CodeBlock):
                target.examples.append(block)
        assert method, "operations are chosen by their method line"

        token_params = {m.group(1): name for name, value in headers.items() if (m := _PLACEHOLDER.match(value))}
        for param_name, header_name in token_params.items():
            if header_name.lower() == "x-auth-token":
                token_header[header_name] = param_name
        request = parts.get("request", _Part())
        response = parts.get("response")
        parameters: list[Parameter] = []
        body_rows: list[FieldRow] = []
        for table in request.tables:
            for row in self._rows(table, title):
                name, location, data_type, required, desc, line = row
                if location == "body":
                    default, has_default = _default(desc, data_type)
                    body_rows.append(FieldRow(name, data_type, required, desc, line, default, has_default))
                    continue
                if location == "header" and name in token_params:
                    continue
                parameters.append(self._parameter(title, name, location, data_type, required, desc, line))
        self._check_path_params(title, path, parameters, method_line)

        request_example = self._example(request, title, "request")
        request_body = None
        if body_rows or request_example is not None:
            tree = FieldTree(body_rows, page=self.page, subject=title, findings=self.findings)
            if request_example is not None:
                tree.observe(request_example)
            schema = tree.schema(self._enum_resolver(op.group))
            required = any(r.required for r in body_rows if "." not in r.path) or not body_rows
            request_body = RequestBody(schema=schema, required=required)

        responses, example_response = self._responses(method, title, response, op)
        source = self._source(title, op.heading.line)
        entry = OperationVersion(
            version=version,
            method=method,
            path=path,
            summary=title,
            description="\n\n".join(description),
            status="CURRENT",
            source=source,
            parameters=parameters,
            request_body=request_body,
            responses=responses,
            example_request=ExampleRequest(
                path=path,
                headers=dict(headers),
                body=request_example,
                has_body=request_example is not None,
                line=method_line,
            ),
            example_response=example_response,
            tags=[op.group] if op.group else [],
            doc_version=version,
        )
        return Operation(title=title, method=method, path=path, versions={version: entry})

    def _rows(self, table: Table, subject: str) -> list[tuple[str, str, str, bool | None, str, int]]:
        header = [_norm_header(h) for h in table.header]
        try:
            name_col = header.index("name")
            loc_col = header.index("type")
        except ValueError:
            raise DialectError(
                self.page, table.line, "expected a field table header 'Name | Type | Format | [Required |] Description'"
            ) from None
        type_col = next((i for i, h in enumerate(header) if h in ("format", "attribute", "attributes")), None)
        if type_col is None:
            raise DialectError(
                self.page, table.line, "expected a 'Format' (or 'Attribute(s)') column with the data type"
            )
        req_col = header.index("required") if "required" in header else None
        desc_col = header.index("description") if "description" in header else None
        out: list[tuple[str, str, str, bool | None, str, int]] = []
        for row in table.rows:
            for repair in row.repairs:
                self._finding("reader-repair", row.line, subject, repair)
            cells = list(row.cells) + [""] * (len(header) - len(row.cells))
            name = cells[name_col].strip().strip("`").strip()
            if not name:
                raise DialectError(self.page, row.line, "expected a field name in the 'Name' column")
            location = _LOCATIONS.get(cells[loc_col].strip().lower())
            if location is None:
                raise DialectError(
                    self.page,
                    row.line,
                    f"expected a location URL, Query, Header or Body in the 'Type' column, got {cells[loc_col]!r}",
                )
            data_type = cells[type_col].strip()
            if data_type.lower() not in TYPES:
                raise DialectError(
                    self.page,
                    row.line,
                    f"expected a data type ({', '.join(sorted(t.capitalize() for t in TYPES))}) in the"
                    f" '{table.header[type_col]}' column, got {data_type!r}",
                )
            required: bool | None = None
            if req_col is not None:
                mark = cells[req_col].strip().lower()
                if mark in _REQUIRED:
                    required = True
                elif mark in _OPTIONAL:
                    required = False
                else:
                    required = False
                    self._finding(
                        "unknown-required-mark", row.line, subject, f"required mark {cells[req_col]!r} read as optional"
                    )
            desc = cells[desc_col].strip() if desc_col is not None else ""
            out.append((name, location, data_type, required, desc, row.line))
        return out

    def _parameter(
        self, subject: str, name: str, location: str, data_type: str, required: bool | None, desc: str, line: int
    ) -> Parameter:
        if location in ("query", "header") and data_type.lower() in ("object", "array"):
            raise DialectError(
                self.page, line, f"expected a scalar type for {location} parameter {name!r}, got {data_type}"
            )
        schema = primitive_schema(data_type)
        if data_type.lower() == "enum":
            values = _description_values(desc)
            if values:
                schema["enum"] = values
        if location == "path" and required is False:
            self._finding(
                "path-param-optional", line, subject, f"path parameter {name!r} is marked optional; read as required"
            )
        default, has_default = _default(desc, data_type)
        param = Parameter(
            name=name,
            location="path" if location == "path" else "query" if location == "query" else "header",
            required=True if location == "path" else bool(required),
            schema=schema,
            description=desc,
            default=default,
            has_default=has_default,
            line=line,
        )
        if has_default:
            schema["default"] = default
        return param

    def _check_path_params(self, subject: str, path: str, parameters: list[Parameter], line: int) -> None:
        names = _PATH_PARAM.findall(path)
        documented = {p.name for p in parameters if p.location == "path"}
        for name in names:
            if name not in documented:
                self._finding(
                    "undocumented-path-param",
                    line,
                    subject,
                    f"path placeholder {{{name}}} has no row; read as a string",
                )
                parameters.append(
                    Parameter(name=name, location="path", required=True, schema={"type": "string"}, line=line)
                )
        for param in parameters:
            if param.location == "path" and param.name not in names:
                self._finding(
                    "path-param-not-in-path", param.line, subject, f"path parameter {param.name!r} is not in {path}"
                )

    def _example(self, part: _Part, subject: str, what: str) -> Any:
        for block in part.examples:
            if block.language not in (None, "json") and not block.text.lstrip().startswith(("{", "[")):
                continue
            try:
                return json.loads(block.text)
            except json.JSONDecodeError as exc:
                self._finding(
                    "invalid-example",
                    block.line + exc.lineno - 1,
                    subject,
                    f"the {what} example is not JSON ({exc.msg})",
                )
                return None
        return None

    def _responses(
        self, method: str, title: str, part: _Part | None, op: _Op
    ) -> tuple[list[Response], ExampleResponse | None]:
        line = op.heading.line
        if part is None:
            self._finding(
                "no-response-section", line, title, "no Response section; a 204 response without a body is assumed"
            )
            return [Response(status="204", description="No Content", line=line)], None
        rows = [r for table in part.tables for r in self._rows(table, title)]
        example = self._example(part, title, "response")
        first_line = part.tables[0].line if part.tables else part.paragraphs[0].line if part.paragraphs else line
        for paragraph in part.paragraphs:
            text = paragraph.text.lower()
            if "does not require a request body" in text and not rows and example is None:
                self._finding(
                    "garbled-boilerplate",
                    paragraph.line,
                    title,
                    "the Response section says 'does not require a request body'; read as 'no response body'",
                )
        if not rows and example is None:
            if not any(s in p.text.lower() for p in part.paragraphs for s in _NO_BODY):
                self._finding("no-response-body", first_line, title, "the Response section documents no body")
            self._finding(
                "inferred-status",
                first_line,
                title,
                "NHN documents no status codes; 204 No Content assumed (no response body)",
            )
            return [Response(status="204", description="No Content", line=first_line)], ExampleResponse(
                status="204", line=first_line
            )
        status = "200"
        self._finding(
            "inferred-status",
            first_line,
            title,
            f"NHN documents no status codes; {status} {_REASONS[status]} assumed for a {method} with a response body",
        )
        tree = FieldTree(
            [FieldRow(n, t, None, d, ln) for n, loc, t, _, d, ln in rows if loc == "body"],
            page=self.page,
            subject=title,
            findings=self.findings,
        )
        if example is not None:
            tree.observe(example)
        schema = tree.schema(self._enum_resolver(op.group))
        example_line = part.examples[0].line if part.examples else first_line
        return [Response(status=status, description=_REASONS[status], schema=schema, line=first_line)], ExampleResponse(
            status=status, body=example, has_body=example is not None, line=example_line
        )

    def _enum_resolver(self, group: str | None) -> Any:
        def resolve(path: str, description: str) -> list[str] | None:
            tables = self.status_tables.get(group) or []
            if len(tables) != 1:
                root = path.split(".")[0].rstrip("s").lower()
                tables = [
                    t for ts in self.status_tables.values() for t in ts if t[0].lower().startswith(root)
                ] or tables
            if len(tables) == 1:
                section, table = tables[0]
                values: list[str] = []
                for row in table.rows:
                    value = row.cells[0].strip() if row.cells else ""
                    clean = value.strip("`").strip()
                    if clean != value:
                        self._finding(
                            "garbled-text", row.line, section, f"stray backtick in status {value!r}; read as {clean!r}"
                        )
                    if clean and clean not in values:
                        values.append(clean)
                return values
            return _description_values(description)

        return resolve


def blocks_heading_level(blocks: list[Block], index: int) -> int:
    block = blocks[index]
    assert isinstance(block, Heading)
    return block.level


def _text_of(block: Block) -> str:
    return block.text if isinstance(block, CodeBlock | Paragraph) else ""


def _has_required(table: Table) -> bool:
    return any(_norm_header(h) == "required" for h in table.header)


def _default(description: str, data_type: str) -> tuple[Any, bool]:
    match = _DEFAULT.search(description)
    if not match:
        return None, False
    raw = match.group(1)
    kind = data_type.lower()
    if kind == "integer" and re.fullmatch(r"-?\d+", raw):
        return int(raw), True
    if kind == "boolean" and raw.lower() in ("true", "false"):
        return raw.lower() == "true", True
    if kind in ("string", "enum"):
        return raw, True
    return None, False


def _description_values(description: str) -> list[str]:
    match = _EITHER.search(description)
    if not match:
        return []
    values = [v.strip(" `'\".") for v in re.split(r",|\bor\b", match.group(1))]
    return [v for v in values if v and " " not in v]


def _url_template(urls: list[str]) -> tuple[str, list[str]]:
    """One URL with a ``{region}`` placeholder where the documented URLs differ, and each URL's value there."""
    if len(urls) == 1:
        match = re.match(r"^(https?://)([a-z]{2,}\d+)(-.*)$", urls[0])
        if match:
            return f"{match.group(1)}{{region}}{match.group(3)}", [match.group(2)]
        return urls[0], []
    prefix = 0
    shortest = min(len(u) for u in urls)
    while prefix < shortest and len({u[prefix] for u in urls}) == 1:
        prefix += 1
    suffix = 0
    while suffix < shortest - prefix and len({u[len(u) - 1 - suffix] for u in urls}) == 1:
        suffix += 1
    separators = "/.-:"
    while prefix > 0 and urls[0][prefix - 1] not in separators:
        prefix -= 1
    while suffix > 0 and urls[0][len(urls[0]) - suffix] not in separators:
        suffix -= 1
    codes = [u[prefix : len(u) - suffix] for u in urls]
    if len(set(codes)) != len(codes) or any(not c for c in codes):
        return urls[0], []
    return urls[0][:prefix] + "{region}" + urls[0][len(urls[0]) - suffix :], codes
