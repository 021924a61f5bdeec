"""Where a guide declares an operation, however it writes it, and what its documented path says.

Guides declare an operation's method and path in many ways; each becomes one :class:`OperationLine`:

* a ``METHOD /path`` (or ``METHOD https://host/path``, or ``METHOD "/path?x={x}"``, or ``[GET,POST] /path``: one
  operation per method) line opening a code block or a paragraph -- request headers may follow on the next lines;
  or the method alone on its line (with bracketed header notes: ``POST [Content-Type : ...]``) over the URL alone
  on the next;
* a ``Method | URI`` table (any spelling: ``HTTP Method``, ``Http method | URI``, ``Request URL``) with one row per
  operation; a table of several such rows under one heading is a summary ("API list") and declares nothing;
* a two-column key-value table whose first row may be its header (``| HTTP Method | POST |`` /
  ``| Request URL | https://... |``);
* key-value lines in paragraphs or bullets (``Method of Delivery: POST`` then ``URI: /v2/log``), or a ``URL:``
  bullet over a one-row interface table whose method column (``Call direction``) holds the method.

:func:`parse_documented_path` splits what was written into host, path template and query string, normalising
placeholders (``${VAR}`` -> ``{VAR}``, ``<var>`` -> ``{var}``, ``{a|b|c}`` -> ``{a_b_c}`` with the alternatives kept
as an enum) and reporting every normalisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from scraper.dialects.api_lists import api_list_rows
from scraper.dialects.field_tables import clean_text
from scraper.document import Block, CodeBlock, Paragraph, Table
from scraper.table_vocabulary import METHOD_COLUMNS, METHOD_HEADER_SPELLING, URI_COLUMNS

__all__ = [
    "METHODS",
    "DocumentedPath",
    "OperationLine",
    "find_operation_lines",
    "parse_documented_path",
    "summary_names",
]

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "COPY")
_METHOD = "|".join(METHODS)
#: ``METHOD /path``; the method may be bracketed, and a bracket may hold several (``[GET,POST] /prometheus/{x}``,
#: System Monitoring: one operation each); the line may be an HTTP request line, ending in its protocol version
#: (``PUT /{bucket}/{objectKey} HTTP/1.1``, Data Lake Storage).
_LINE = re.compile(
    rf"^\s*[`'\"]?\s*(?:(?P<method>{_METHOD})|\[\s*(?P<methods>(?:{_METHOD})(?:\s*,\s*(?:{_METHOD}))*)\s*\])[`'\"]?\s+"
    rf"[`'\"]?(?P<path>(?:https?://|/|\{{|\$\{{)[^\s`'\"]*)[`'\"]?(?:[ \t]+HTTP/\d(?:\.\d)?)?\s*$"
)
#: A method alone on its line, perhaps with bracketed header notes (``POST [Content-Type : application/json]``),
#: over the URL alone on the next line (Corporation Search).
_BARE_METHOD = re.compile(rf"^\s*({_METHOD})((?:\s*\[[^\[\]]*\])*)\s*$")
_ALONE_URL = re.compile(r"^\s*[`'\"]?((?:https?://|/)[^\s`'\"]*)[`'\"]?\s*$")
#: ``Method of Delivery: POST``; Korean and Japanese ``전송 방식: POST``, ``転送方式：POST`` (a full-width colon).
_KEY_METHOD = re.compile(
    rf"^\s*(?:[-*]\s*)?(?:http\s+|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]{{1,6}}\s*)?"
    rf"(?:method|메서드|메소드|방식|メソッド|方式)[^:：]*[:：]\s*`?({_METHOD})`?\s*$",
    re.IGNORECASE,
)
#: ... its URL may be written with a space between host and path (``https://{domain}.oc.nhncloud.com /{serviceId}/...``,
#: Contact Center en), which :func:`parse_documented_path` joins with a note.
_KEY_URI = re.compile(
    r"^\s*(?:[-*]\s*)?(?:request\s+)?(?:uri|url|path)\s*[:：]\s*`?((?:https?://[^\s/`]+[ \t]+(?=/))?(?:https?://|/)\S*?)`?\s*$",
    re.I,
)
#: ... beside them, a bullet naming the host alone, without a scheme (Log & Crash Search's Collect Log API:
#: ``Log & Crash: api-logncrash.nhncloudservice.com`` over ``Method of Delivery: POST`` and ``URI: /v2/log``).
_KEY_HOST = re.compile(
    r"^\s*(?:[-*]\s*)?[^:：\n]{1,40}[:：]\s*`?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})`?/?\s*$", re.I
)
#: Korean, Japanese or Chinese letters in a path (not its query): a sentence glued to it, as Japanese writes one with
#: no space (``GET /membersはルート(/)に...``, API Gateway ja), so the line is prose, not a declaration.
_GLUED_PROSE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_METHOD_HEADERS = METHOD_COLUMNS
_URI_HEADERS = URI_COLUMNS


@dataclass(frozen=True, slots=True)
class OperationLine:
    """A declared operation: method, what was written as its path, the line, and the block index it sits in."""

    method: str
    written: str
    line: int
    block: int
    #: Request headers written under a ``METHOD /path`` line (``X-Auth-Token: {tokenId}``).
    headers: tuple[tuple[str, str], ...] = ()
    #: Declared by a one-row method/URI table with more columns (a description): the shape of a one-line
    #: summary, which does not count when the same operation is declared elsewhere.
    summary_like: bool = False
    #: Set when the host was written without a scheme beside a key-value declaration and ``https://`` was assumed:
    #: the host as written.
    bare_host: str = ""


@dataclass(slots=True)
class DocumentedPath:
    host: str
    path: str
    #: Query string items in written order: (name, value); value ``None`` when written as ``{placeholder}``.
    query: list[tuple[str, str | None]] = field(default_factory=list)
    #: Placeholder name -> its alternatives (``{a|b|c}``).
    alternatives: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: Query parameter -> the placeholder its value is written as, when that names something else (``id`` ->
    #: ``volumeId`` of ``?id={volumeId}``): a row may document the parameter by the placeholder's name.
    query_placeholders: dict[str, str] = field(default_factory=dict)

    @property
    def query_text(self) -> str:
        return "&".join(f"{k}={v if v is not None else '{' + k + '}'}" for k, v in self.query)


def _norm(cell: str) -> str:
    return re.sub(r"\s+", " ", clean_text(cell)).strip().strip(":").lower()


def _from_text(text: str, index: int, line: int) -> list[OperationLine]:
    lines = text.split("\n")
    first = next((i for i, ln in enumerate(lines) if ln.strip()), None)
    out: list[OperationLine] = []
    if first is not None:
        match = _LINE.match(lines[first])
        if match and not _GLUED_PROSE.search(match["path"].partition("?")[0]):
            headers: list[tuple[str, str]] = []
            for extra in lines[first + 1 :]:
                header = re.match(r"^\s*([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.+?)\s*$", extra)
                if header:
                    headers.append((header.group(1), header.group(2)))
                elif extra.strip():
                    break
            methods = [match["method"]] if match["method"] else re.split(r"\s*,\s*", match["methods"])
            for method in dict.fromkeys(methods):
                out.append(OperationLine(method, match["path"], line + first, index, tuple(headers)))
            return out
        bare = _BARE_METHOD.match(lines[first])
        second = next((i for i in range(first + 1, len(lines)) if lines[i].strip()), None)
        url = _ALONE_URL.match(lines[second]) if bare and second is not None else None
        if bare and url and second is not None and not _GLUED_PROSE.search(url.group(1).partition("?")[0]):
            notes = [
                (header.group(1), header.group(2))
                for note in re.findall(r"\[([^\[\]]*)\]", bare.group(2))
                for header in [re.fullmatch(r"\s*([A-Za-z][A-Za-z0-9-]*)\s*:\s*(.+?)\s*", note)]
                if header
            ]
            method = bare.group(1).upper()
            out.append(OperationLine(method, url.group(1), line + first, index, tuple(notes)))
            return out
    method = uri = None
    method_line = line
    for offset, raw in enumerate(lines):
        key_method = _KEY_METHOD.match(raw)
        if key_method:
            method, method_line = key_method.group(1).upper(), line + offset
            continue
        key_uri = _KEY_URI.match(raw)
        if key_uri and method:
            uri = key_uri.group(1)
            out.append(OperationLine(method, uri, method_line, index))
            method = None
    return out


def _from_table(table: Table, index: int) -> list[OperationLine]:
    header = [_norm(h) for h in table.header]
    method_col = next(
        (i for i, h in enumerate(header) if h in _METHOD_HEADERS or METHOD_HEADER_SPELLING.fullmatch(h)), None
    )
    uri_col = next((i for i, h in enumerate(header) if h in _URI_HEADERS), None)
    if method_col is not None and uri_col is not None:
        rows = [r for r in table.rows if max(method_col, uri_col) < len(r.cells)]
        found = []
        for row in rows:
            method = clean_text(row.cells[method_col]).upper()
            uri = clean_text(row.cells[uri_col]).split("\n")[0].strip()
            if method in METHODS and (uri.startswith(("/", "http", "{", "${"))):
                found.append(OperationLine(method, uri, row.line, index, summary_like=len(table.header) > 2))
        # Several operations in one table is a summary ("API list"): the operations are declared elsewhere.
        return found if len(found) == 1 else []
    # A key-value table, its first pair possibly in the header row.
    pairs = [(table.header, table.line)] + [(r.cells, r.line) for r in table.rows]
    method_at: tuple[str, int] | None = None
    uri_at: str | None = None
    for cells, line in pairs:
        if len(cells) < 2:
            continue
        key, value = _norm(cells[0]), clean_text(cells[1]).strip()
        if key in _METHOD_HEADERS and value.upper() in METHODS:
            method_at = (value.upper(), line)
        elif key in _URI_HEADERS and value.startswith(("/", "http")):
            uri_at = value.split("\n")[0]
    if method_at and uri_at:
        return [OperationLine(method_at[0], uri_at, method_at[1], index)]
    return []


def _table_method(table: Table) -> str | None:
    """The method in the method column of a one-row table with no URI column (an interface table)."""
    header = [_norm(h) for h in table.header]
    column = next((i for i, h in enumerate(header) if h in _METHOD_HEADERS), None)
    if column is None or len(table.rows) != 1 or column >= len(table.rows[0].cells):
        return None
    method = clean_text(table.rows[0].cells[column]).strip().upper()
    return method if method in METHODS else None


def find_operation_lines(blocks: list[Block]) -> list[OperationLine]:
    """Every operation declaration in ``blocks``, in document order."""
    out: list[OperationLine] = []
    pending: tuple[str, int, int] | None = None  # a "Method: POST" bullet waiting for its "URI: /path" bullet
    url: tuple[str, int, int] | None = None  # a "URL: https://..." bullet waiting for a table that gives the method
    host: tuple[str, int] | None = None  # a "Name: api.example.com" bullet: the host of the key-value lines after it
    for index, block in enumerate(blocks):
        if isinstance(block, CodeBlock | Paragraph):
            found = _from_text(block.text, index, block.line)
            out.extend(found)
            if found:
                pending = url = None
                continue
            if isinstance(block, Paragraph):
                key_method = _KEY_METHOD.match(block.text.split("\n")[-1])
                key_uri = _KEY_URI.match(block.text.split("\n")[0])
                if key_uri and pending is not None and index - pending[2] <= 3:
                    written, bare = key_uri.group(1), ""
                    if host is not None and pending[2] - host[1] <= 3 and written.startswith("/"):
                        written, bare = f"https://{host[0]}{written}", host[0]
                    out.append(OperationLine(pending[0], written, pending[1], pending[2], bare_host=bare))
                    pending = host = None
                elif key_method:
                    pending = (key_method.group(1).upper(), block.line, index)
                elif key_uri:
                    url = (key_uri.group(1), block.line, index)
                elif (key_host := _KEY_HOST.match(block.text.strip())) is not None:
                    host = (key_host.group(1), index)
        elif isinstance(block, Table):
            found = _from_table(block, index)
            if not found and url is not None and index - url[2] <= 3:
                # Contact Center: "- URL: https://{domain}.oc.nhncloud.com/..." over an interface table whose
                # "Call direction" column says POST
                method = _table_method(block)
                if method is not None:
                    found = [OperationLine(method, url[0], url[1], url[2])]
            if found:
                url = None
            out.extend(found)
    declared = {(o.method, parse_documented_path(o.written).path) for o in out if not o.summary_like}
    return [o for o in out if not (o.summary_like and (o.method, parse_documented_path(o.written).path) in declared)]


def summary_names(blocks: list[Block]) -> dict[tuple[str, str], str]:
    """(method, path template) -> the name an API list gives the operation (:func:`.api_lists.api_list_rows`):
    a list declares nothing of what a section declares, but it names what it lists."""
    out: dict[tuple[str, str], str] = {}
    for row in api_list_rows(blocks):
        out.setdefault((row.method, parse_documented_path(row.written).path), row.name)
    return out


#: A query value that names what goes there rather than being it: ``{id}``, ``${ID}``, ``<id>``, placeholders that
#: spell a format (``{YYYY-MM-DDThh:mm:ssZ}``, ``{a|b}``), and values built of them (``{no},{no}``): never fixed.
_QUERY_PLACEHOLDER = re.compile(r"\$?\{[^{}]+\}|<[^<>]+>")
#: A query value that is one placeholder naming a parameter (``{volumeId}``, ``${volumeId}``, ``<volumeId>``).
_LONE_QUERY_PLACEHOLDER = re.compile(r"\$?\{([A-Za-z_][\w.-]*)\}|<([A-Za-z_][\w.-]*)>")

_PLACEHOLDER_FORMS = (
    (re.compile(r"\$\{(\w[\w.-]*)\}"), r"{\1}"),
    (re.compile(r"<(\w[\w.-]*)>"), r"{\1}"),
    (re.compile(r"(?<![{\w]):(\w+)(?=/|$)"), r"{\1}"),
)


def _balance(path: str, notes: list[str]) -> str:
    """Close a placeholder left open at a segment's end (``/{appKey/x`` -> ``/{appKey}/x``), drop stray braces."""
    segments = []
    for segment in path.split("/"):
        fixed = segment
        if fixed.count("{") != fixed.count("}") or re.search(r"\{[^}]*\{|\}[^{]*\}", fixed):
            inner = fixed.replace("{", "").replace("}", "")
            fixed = "{" + inner + "}" if segment.startswith("{") and re.fullmatch(r"[\w.-]+", inner) else inner
            notes.append(f"unbalanced braces in path segment {segment!r}; read as {fixed!r}")
        segments.append(fixed)
    return "/".join(segments)


def _without_stray_bars(text: str, written: str, notes: list[str]) -> str:
    """SMS v2.3 (2020) and v3.0 (2022): ``POST /sms/v3.0/appKeys/{appKey}/requests/sendNos|`` in a code block, a table
    cell's bar left behind: no API path ends in ``|``, so the bars at the end are dropped and said. (A ``|`` inside
    braces is a choice of values, ``{a|b}``, read below; one at the end is outside any.)"""
    stripped = text.rstrip("|").rstrip()
    if stripped != text and stripped:
        notes.append(f"stray '|' after the path in {written!r}; dropped")
        return stripped
    return text


def parse_documented_path(written: str) -> DocumentedPath:
    """Split a written path or URL into host, path template and query; see the module docstring."""
    text = clean_text(written).strip().strip("'\"`")
    notes: list[str] = []
    host = ""
    match = re.match(r"^(https?://[^/\s]+)([ \t]+(?=/))?(.*)$", text)
    if match:
        host, text = match.group(1), match.group(3) or "/"
        if match.group(2):
            notes.append(f"space between host and path in {written!r}; joined")
    elif text.startswith("{") and "}" in text and not text.startswith("{/"):
        end = text.index("}")
        if "/" in text[end:]:
            rest = text[end + 1 :]
            if rest.startswith("/"):
                host, text = text[: end + 1], rest
    text = _without_stray_bars(text, written, notes)
    path, _, query = text.partition("?")
    path = unquote(path) if "%7B" in path or "%7D" in path else path
    for pattern, replacement in _PLACEHOLDER_FORMS:
        new = pattern.sub(replacement, path)
        if new != path:
            notes.append(f"placeholder written as {pattern.pattern!r} in {written!r}; read as {{name}}")
            path = new
    alternatives: dict[str, list[str]] = {}

    def alternative(m: re.Match[str]) -> str:
        options = [o.strip() for o in m.group(1).split("|") if o.strip()]
        name = "_".join(re.sub(r"\W+", "_", o).strip("_") for o in options)[:40] or "choice"
        alternatives[name] = options
        return "{" + name + "}"

    path = re.sub(r"\{([^{}]*\|[^{}]*)\}", alternative, path)
    path = _balance(path, notes)
    path = re.sub(r"/{2,}", "/", path)
    if len(path) > 1:
        path = path.rstrip("/")
    if not path.startswith("/"):
        path = "/" + path
    items: list[tuple[str, str | None]] = []
    placeholders: dict[str, str] = {}
    for part in query.split("&"):
        if not part:
            continue
        name, _, value = part.partition("=")
        items.append((name, None if (not value or _QUERY_PLACEHOLDER.search(value)) else value))
        named = _LONE_QUERY_PLACEHOLDER.fullmatch(value.strip())
        placeholder = (named.group(1) or named.group(2)) if named is not None else ""
        if placeholder and placeholder != name:
            placeholders[name] = placeholder
    return DocumentedPath(
        host=host, path=path, query=items, alternatives=alternatives, notes=notes, query_placeholders=placeholders
    )
