"""Reader for saved text renderings of API reference pages (SCP printable views as text).

A text rendering has lost most of the page's structure, so this reader recovers it from line shapes:

* ``1.2.3 - Title`` -> :class:`Heading` with its number; TOC lines ``- 1.2: Title`` stay paragraphs.
* lines starting with ``|`` -> a pipe :class:`Table`. Cells are split only at pipes that are separators (next to a
  space, a line end or another pipe), so regex patterns such as ``^(A|B)$`` survive. Rows broken over two lines are
  joined, and for the tables whose header we know (see :data:`KNOWN_TABLES`) rows with too many cells (unescaped
  ``|`` in a description) or too few (dropped empty cells) are re-cut right-anchored using the schema grammar.
* a squashed table (the HTML cells were concatenated without separators, e.g. ``VersionNot Before`` then ``1.3-``)
  is recognised by its concatenated header and split back with the known vocabularies: HTTP reason phrases,
  parameter locations, 8-digit dates and ``required``/``optional``. A one-line description that ran into the
  Schema cell (``SnapshotSnapshotResponse``) is split before the schema when the tail names only models the page's
  headings name, or starts like a primitive or compound schema (``Tagsarray[Tag]``).
* a line starting with ``{`` or ``[`` starts a JSON :class:`CodeBlock` that ends where the brackets balance;
  consecutive ``"Name = value",`` lines form a header-listing code block.
* any other non-blank line is a :class:`Paragraph`.

Every repair is recorded on the row, so the dialect can report it: ``Row.routine`` for the ones a vocabulary makes
certain (worded alike on every row, reported once per table), ``Row.repairs`` for the ones that involved a guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus

from scraper.document import Block, CodeBlock, Document, Heading, Paragraph, ReaderError, Row, Table
from scraper.page_numbers import SECTION_NUMBER
from scraper.readers.json_extent import json_extent
from scraper.schema_grammar import SchemaSyntaxError, parse_schema

__all__ = ["HTTP_REASONS", "KNOWN_TABLES", "LOCATIONS", "read", "split_pipe_row"]

HEADING = re.compile(rf"^({SECTION_NUMBER}) - (.+)$")
HEADER_LINE = re.compile(r'^"[^"=]+ = [^"]*",?$')
SEPARATOR = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+$")

#: HTTP status code -> reason phrase, used to split squashed Responses rows (``400Bad RequestNone``).
HTTP_REASONS: dict[str, str] = {
    "200": "OK",
    "201": "Created",
    "202": "Accepted",
    "204": "No Content",
    "301": "Moved Permanently",
    "302": "Found",
    "304": "Not Modified",
    "400": "Bad Request",
    "401": "Unauthorized",
    "403": "Forbidden",
    "404": "Not Found",
    "405": "Method Not Allowed",
    "409": "Conflict",
    "410": "Gone",
    "412": "Precondition Failed",
    "413": "Payload Too Large",
    "415": "Unsupported Media Type",
    "422": "Unprocessable Entity",
    "429": "Too Many Requests",
    "500": "Internal Server Error",
    "501": "Not Implemented",
    "502": "Bad Gateway",
    "503": "Service Unavailable",
    "504": "Gateway Timeout",
}


def _reasons(code: str) -> list[str]:
    """The reason phrases a page may print for ``code``: SCP's, then the standard library's (which names some codes
    differently, e.g. 413), longest first so ``Not Found`` wins over a shorter prefix."""
    phrases = [HTTP_REASONS[code]] if code in HTTP_REASONS else []
    try:
        standard = HTTPStatus(int(code)).phrase
    except ValueError:
        standard = ""
    if standard and standard not in phrases:
        phrases.append(standard)
    return sorted(phrases, key=len, reverse=True)


LOCATIONS = ("formData", "header", "query", "path", "body")
STATUSES = ("CURRENT", "SUPPORTED", "PLANNED", "DEPRECATED")

PARAMS = ("Type", "Name", "Description", "Schema", "Default")
FIELDS = ("Name", "Description", "Schema", "Default")
RESPONSES = ("HTTP Code", "Description", "Schema")

#: Tables whose column grammar we know; anything else is read as written.
KNOWN_TABLES: tuple[tuple[str, ...], ...] = (
    PARAMS,
    FIELDS,
    RESPONSES,
    ("Version", "Not Before"),
    ("Version", "Supported Until"),
    ("Version", "Status", "Not Before"),
    ("Version", "Status", "Supported Until"),
    ("environment", "region"),
    # the Korean pages' per-page version table (``| 버전 | 최소 지원 보장일 |``, squashed ``버전최소 지원 보장일``)
    ("버전", "최소 지원 보장일"),
)
#: First header cell of a version table (English, Korean).
VERSION_HEADERS = ("Version", "버전")
#: A Models table without its Default column (swagger2markup's own layout): read as a Models table whose Default
#: cells are all empty, so every later step sees one shape.
FIELDS_WITHOUT_DEFAULT = ("Name", "Description", "Schema")
_SQUASHED = {"".join(header): header for header in KNOWN_TABLES} | {"".join(FIELDS_WITHOUT_DEFAULT): FIELDS}


def split_pipe_row(line: str) -> list[str]:
    """Split a ``| a | b |`` line into cells, treating only separator pipes as cell boundaries.

    A pipe is a separator when a space, the line edge or another pipe is next to it; a pipe between two other
    characters (``^(ACTIVE|INACTIVE)$``) is cell content.
    """
    text = line.strip()
    cuts: list[int] = []
    for i, char in enumerate(text):
        if char != "|":
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before in " |" or after in " |":
            cuts.append(i)
    cells: list[str] = []
    start = 0
    for cut in cuts:
        cells.append(text[start:cut].strip())
        start = cut + 1
    cells.append(text[start:].strip())
    if text.startswith("|"):
        cells = cells[1:]
    if text.endswith("|") and cells:
        cells = cells[:-1]
    return cells


@dataclass(slots=True)
class _Repairs:
    """How one row was recovered: ``routine`` repairs the vocabulary makes certain (worded the same on every row, so
    a dialect reports them once per table), ``doubts`` the ones that involved a guess (reported per row)."""

    routine: list[str] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)

    @classmethod
    def certain(cls, note: str) -> _Repairs:
        return cls(routine=[note])

    @classmethod
    def doubt(cls, note: str) -> _Repairs:
        return cls(doubts=[note])


def _is_schema(text: str) -> bool:
    try:
        parse_schema(text)
    except SchemaSyntaxError:
        return False
    return True


def _plausible_default(value: str, schema_text: str) -> bool:
    """Could ``value`` be a documented default for ``schema_text``? A model-typed field's default can only be a
    collection literal of its kind: ``[]`` for a list of models (Samsung's documents give ``tags`` the default
    ``[]`` in vpc, loadbalancer, dns, vpn ...), ``{}`` for a model; never a word, which is what tells
    ``Resource | Resource`` (a description and a Schema cell) from ``boolean | True``."""
    if value in ("", "None"):
        return True
    try:
        expr = parse_schema(schema_text)
    except SchemaSyntaxError:
        return False
    if not expr.model_names():
        return True
    branches = expr.items if expr.kind == "anyof" else (expr,)
    kinds = {branch.kind for branch in branches if not (branch.kind == "prim" and branch.name == "null")}
    if kinds == {"array"}:
        return value.startswith("[") and value.endswith("]")
    if kinds == {"model"}:
        return value.startswith("{") and value.endswith("}")
    return False


def _recut_fields(cells: list[str]) -> tuple[list[str], _Repairs]:
    """Re-cut a Models row ``name | description | schema | default`` right-anchored; returns cells and repairs.

    Candidates for the Schema cell are tried from the right: second to last (the Default cell is there), last (the
    trailing empty Default cell was dropped, as on every table's last row), third to last (a ``| ||`` ending). The
    schema must parse, and a default must be plausible for it (model-typed fields never have defaults), which is what
    tells ``boolean | True`` from ``Resource | Resource``.
    """
    name, rest = cells[0], cells[1:]
    n = len(rest)
    for k in (n - 2, n - 1, n - 3):
        if k < 0 or not _is_schema(rest[k]):
            continue
        tail = rest[k + 1 :]
        filled = [t for t in tail if t]
        if len(filled) > 1 or (filled and not _plausible_default(filled[0], rest[k])):
            continue
        if len(tail) == 2 and filled:
            continue
        desc = " | ".join(rest[:k])
        repairs = _Repairs()
        if k == 0:
            # a one-word description that parses as a model name would read the same: a guess
            repairs.doubts.append("empty Description cell was dropped; restored")
        elif k > 1:
            repairs.doubts.append(f"{k} description cells re-joined at ' | ' (unescaped pipe)")
        if not tail:
            # every text rendering drops a row's empty last cell: with the Schema cell found, certain
            repairs.routine.append("trailing empty Default cell was dropped; restored")
        elif len(tail) == 2:
            repairs.doubts.append("row ends '| ||': an extra empty cell ignored")
        return [name, desc, rest[k], filled[0] if filled else ""], repairs
    return [name, " | ".join(rest), "", ""], _Repairs.doubt(
        "no cell parses as a Schema expression; whole row read as description"
    )


def _recut_params(cells: list[str]) -> tuple[list[str], _Repairs]:
    """Re-cut a Parameters row ``type | name | description | schema | default`` right-anchored."""
    if cells and cells[0] == "body":
        while len(cells) > 3 and not cells[-1]:
            cells = cells[:-1]
    if len(cells) == 3 and cells[0] == "body":
        # a body row has no description or default on any SCP page: the rendering dropped both empty cells
        return [cells[0], cells[1], "", cells[2], ""], _Repairs.certain(
            "body row: empty Description and Default cells restored"
        )
    if len(cells) == 5:
        return cells, _Repairs()
    if len(cells) > 5:
        desc = " | ".join(cells[2:-2])
        return [cells[0], cells[1], desc, cells[-2], cells[-1]], _Repairs.doubt(
            f"{len(cells)} cells for 5 columns: description re-joined at ' | ' (schema and default right-anchored)"
        )
    padded = cells + [""] * (5 - len(cells))
    return padded, _Repairs.doubt(f"{len(cells)} cells for 5 columns; missing cells read as empty")


def _normalise_row(header: tuple[str, ...], cells: list[str]) -> tuple[list[str], _Repairs]:
    if header == PARAMS:
        return _recut_params(cells)
    if header == FIELDS and len(cells) >= 1:
        return _recut_fields(cells)
    if len(cells) == len(header) or header not in KNOWN_TABLES:
        return cells, _Repairs()
    if len(cells) > len(header):
        keep = len(header) - 1
        return [*cells[:keep], " | ".join(cells[keep:])], _Repairs.doubt(
            f"{len(cells)} cells for {len(header)} columns"
        )
    return cells + [""] * (len(header) - len(cells)), _Repairs.doubt(f"{len(cells)} cells for {len(header)} columns")


class _Lines:
    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.i = 0
        #: the titles of the page's numbered headings: the models the page defines are among them
        self.titles = frozenset(m.group(2).strip() for m in map(HEADING.match, self.lines) if m)

    def __bool__(self) -> bool:
        return self.i < len(self.lines)

    @property
    def lineno(self) -> int:
        return self.i + 1

    def peek(self, offset: int = 0) -> str | None:
        j = self.i + offset
        return self.lines[j] if j < len(self.lines) else None


def _starts_row(line: str, header: tuple[str, ...]) -> bool:
    if header == PARAMS:
        cells = split_pipe_row(line)
        return bool(cells) and cells[0] in LOCATIONS
    return True


def _read_pipe_table(src: _Lines, page: str) -> Table:
    start = src.lineno
    header = tuple(split_pipe_row(src.lines[src.i]))
    no_default = header == FIELDS_WITHOUT_DEFAULT
    if no_default:
        header = FIELDS
    src.i += 1
    while src and SEPARATOR.match(src.lines[src.i].strip() or "x"):
        src.i += 1
    rows: list[Row] = []
    while src and src.lines[src.i].startswith("|") and not SEPARATOR.match(src.lines[src.i].strip()):
        line_no = src.lineno
        line = src.lines[src.i]
        src.i += 1
        joined = [line_no]
        # A row broken over two lines: the continuation does not start a new row of this table.
        while src and src.lines[src.i].startswith("|") and not _starts_row(src.lines[src.i], header):
            if header != PARAMS:
                break
            line = line.rstrip().rstrip("|").rstrip() + " | " + src.lines[src.i].lstrip("| ").rstrip()
            if not line.endswith("|"):
                line += " |"
            joined.append(src.lineno)
            src.i += 1
        if header == PARAMS and not _starts_row(line, header):
            raise ReaderError(page, line_no, f"expected a parameter row starting with one of {', '.join(LOCATIONS)}")
        cells, repairs = _normalise_row(header, split_pipe_row(line) + ([""] if no_default else []))
        if len(joined) > 1:
            # the continuation starts with no location word, so it cannot be a row of its own: certain
            repairs.routine.insert(0, f"row broken over {len(joined)} lines; joined")
        rows.append(Row(tuple(cells), line_no, tuple(repairs.doubts), tuple(repairs.routine)))
    return Table(header, tuple(rows), start)


def _split_squashed(header: tuple[str, ...], line: str) -> tuple[list[str], _Repairs] | None:
    """Split one squashed data line of a known table; None when the vocabularies do not explain it. A split by a
    vocabulary that leaves one reading (a version and a date, a known reason phrase before a schema) is routine."""
    if header[0] in VERSION_HEADERS:
        has_status = "Status" in header
        status_alt = "|".join(STATUSES)
        pattern = rf"^(\d+\.\d+)({status_alt})?(-|\d{{8}})$" if has_status else r"^(\d+\.\d+)(-|\d{8})$"
        match = re.match(pattern, line)
        if not match:
            return None
        cells = [g for g in match.groups() if g is not None]
        if len(cells) != len(header):
            return None
        return cells, _Repairs.certain("squashed row split by the version / 8-digit date rule")
    if header == RESPONSES:
        code = line[:3]
        if not code.isdigit():
            return None
        for reason in _reasons(code):
            schema = line[3 + len(reason) :]
            if line[3:].startswith(reason) and _is_schema(schema):
                return [code, reason, schema], _Repairs.certain(
                    "squashed row split with the HTTP reason-phrase vocabulary"
                )
        if line.endswith("None") and len(line) > 7:
            # a reason phrase this vocabulary lacks: only a row without a schema splits unambiguously
            return [code, line[3:-4], "None"], _Repairs.doubt(
                "squashed row split before its 'None' schema (reason phrase unknown)"
            )
        return _split_at_schema_start(code, line[3:])
    if header == ("environment", "region"):
        # ``skr-west1``: the environment is the token before a region name shaped ``<area>-<place><n>``.
        match = _SQUASHED_ENVIRONMENT.match(line)
        if not match:
            return None
        # where the environment ends is the pattern's choice (``skr-west1``: s + kr-west1), a guess
        return [match.group(1), match.group(2)], _Repairs.doubt(
            "squashed row split before the region name (<area>-<place><n>)"
        )
    return None


#: The longest Description and Schema cells glued together that :func:`_split_at_schema_start` tries every split
#: of (each try parses the rest); a longer line is no Responses row.
_LONGEST_GLUED_RESPONSE = 300
#: A line of a squashed Responses table: a status code, then the glued cells or nothing.
_RESPONSE_ROW_START = re.compile(r"^\d{3}(?!\d)")


def _split_at_schema_start(code: str, rest: str) -> tuple[list[str], _Repairs] | None:
    """Split ``rest`` (a squashed Responses row after its code) whose reason phrase is a service's own (``TLD list as
    a stringstring``, ``Address Info JSONDomainAddressResponse``, ``OK(Created)DomainShowResponse``, seen in
    Samsung's OpenAPI documents for dns, iam and cloudmonitoring) where its Schema cell starts.

    The split is a place where the rest is a schema expression and the phrase before it is not empty and does not end
    in a space (cells are glued without one). Schema words (``string``, ``array[``) start in one place only; a model
    name may start at several capitals (``JSONDomain...``, ``NDomain...``, ``Domain...``), so the first start of a
    CamelCase word is taken (a capital after a non-capital, or the last capital of a run before a small letter),
    and the note says the phrase was unknown and how many places could start the schema. None when no place does."""
    if len(rest) > _LONGEST_GLUED_RESPONSE:
        return None
    places = [
        p for p in range(1, len(rest)) if not rest[p - 1].isspace() and not rest[p].isspace() and _is_schema(rest[p:])
    ]
    if not places:
        return None
    words = [
        p
        for p in places
        if rest[p].isupper() and (not rest[p - 1].isupper() or (p + 1 < len(rest) and rest[p + 1].islower()))
    ]
    place = (words or places)[0]
    note = "squashed row split where its Schema cell starts (reason phrase unknown"
    if len(places) > 1:
        note += f"; {len(places)} places could start the schema, the first CamelCase word taken"
    return [code, rest[:place], rest[place:]], _Repairs.doubt(note + ")")


#: The environment takes all it can and leaves the region its shortest area (two letters: ``kr-west1``), so
#: ``skr-west1`` is s + kr-west1 and ``devkr-west1`` dev + kr-west1 (a lazy environment would cut d + evkr-west1).
_SQUASHED_ENVIRONMENT = re.compile(r"^([a-z0-9]+)([a-z]{2,}-[a-z]+-?\d+)$")
_FLAGS = ("required", "optional")
#: Lines that end a squashed table: the labels that follow Parameters / a model table on SCP pages.
_SQUASHED_TABLE_ENDS = ("Responses", "Example HTTP request", "Request path", "HTTP CodeDescriptionSchema")
#: Constraint lines of a squashed model row, glued to the example as the pipe rendering prints them.
_CONSTRAINT_LINE = re.compile(r"^(?:Pattern|Minimum length|Maximum length|Minimum|Maximum) : ")


#: The longest Schema cell with its Default glued to it that is split by trying every prefix
#: (``any of [array[string], null]None``: 35); a longer one only where a compound cell can end
#: (:func:`_split_long_compound`: a 72 kB line of a cut page took minutes to try every split of).
_LONGEST_GLUED_SCHEMA = 200


def split_schema_default(text: str) -> tuple[str, str] | None:
    """Split a Schema cell glued to its Default cell (``integerNone``, ``any of [integer, null]20``,
    ``stringapplication/json``): the longest prefix that parses as a schema expression and leaves a plausible
    default. A bare model name ending in ``None`` (``FooNone``) is read as ``Foo`` + ``None`` when ``Foo`` parses.
    None when no prefix parses."""
    text = text.strip()
    longest: tuple[str, str] | None = None
    if len(text) > _LONGEST_GLUED_SCHEMA:
        return _split_long_compound(text)
    for k in range(len(text), 0, -1):
        schema, rest = text[:k].rstrip(), text[k:].strip()
        if not (schema and _is_schema(schema) and _plausible_default(rest, schema)):
            continue
        if longest is None:
            longest = (schema, rest)
            if rest == "None" or not (schema.endswith("None") and parse_schema(schema).is_model):
                return longest  # the longest split is the answer unless it swallowed a ``None`` default
        elif rest == "None":
            return schema, rest  # ``FooNone``: the longest split leaving ``None`` as the default
    return longest


#: How many closing brackets of a long compound Schema cell are tried as its end, from the right: a Default glued
#: to it is one short word or literal (``None``, ``[]``), so the end is among the last few.
_LONG_COMPOUND_ENDS = 8


def _split_long_compound(text: str) -> tuple[str, str] | None:
    """A Schema cell longer than every prefix is tried for (an ``enum`` of long names: cachestore's 13 product
    names, 280 characters) ends after a closing parenthesis or bracket: those few ends are tried, from the right,
    so the work stays linear in the line (a cut page's 72 kB line of tags is no schema, quickly)."""
    if not text.startswith(("enum (", "array[", "any of [")):
        return None
    ends = [index + 1 for index in range(len(text) - 1, -1, -1) if text[index] in ")]"][:_LONG_COMPOUND_ENDS]
    for end in ends:
        schema, rest = text[:end], text[end:].strip()
        if _is_schema(schema) and _plausible_default(rest, schema):
            return schema, rest
    return None


def _next_nonblank(src: _Lines, j: int) -> int:
    while j < len(src.lines) and not src.lines[j].strip():
        j += 1
    return j


def _squashed_row_start(src: _Lines, j: int, header: tuple[str, ...]) -> str | None:
    """The first cell of a squashed row starting at line ``j`` (``querylimit``, a model field name), when the next
    non-blank line is ``required``/``optional``; None otherwise."""
    line = src.lines[j].strip()
    k = _next_nonblank(src, j + 1)
    if k >= len(src.lines) or src.lines[k].strip() not in _FLAGS or not line or " " in line:
        return None
    if header == PARAMS and not any(line.startswith(loc) and len(line) > len(loc) for loc in LOCATIONS):
        return None
    return line


def _squashed_values(src: _Lines, header: tuple[str, ...]) -> list[str]:
    """The non-blank lines of one squashed row after its flag line, up to the next row, label or heading."""
    values: list[str] = []
    while src:
        nxt = src.lines[src.i].strip()
        if not nxt:
            src.i += 1
            continue
        if HEADING.match(nxt) or nxt in _SQUASHED_TABLE_ENDS or _squashed_row_start(src, src.i, header):
            break
        values.append(nxt)
        src.i += 1
    return values


def _squashed_cells(values: list[str]) -> tuple[str, str, str, str | None]:
    """(description, schema, default, repair) from the value lines of a squashed row: the last line is the Schema
    cell with the Default glued to it, or (one cell per line) the last two are Schema and Default."""
    one_per_line = (
        len(values) >= 2 and _is_schema(values[-2]) and _plausible_default(values[-1], values[-2]) and values[-1] != ""
    )
    # ``string`` / ``None`` on two lines: the last line alone would parse too (``None`` is a schema expression)
    if one_per_line and not parse_schema(values[-2]).is_model:
        return " ".join(values[:-2]), values[-2], values[-1], None
    if values:
        glued = split_schema_default(values[-1])
        if glued is not None:
            return " ".join(values[:-1]), glued[0], glued[1], None
    if one_per_line:
        return " ".join(values[:-2]), values[-2], values[-1], None
    return " ".join(values), "", "", "no line parses as a Schema expression; the row's text is read as its description"


#: How a Schema cell that is not a model name starts (the primitives and the grammar's compound forms).
_SCHEMA_STARTS = ("string", "integer", "number", "boolean", "object", "null", "array[", "any of [", "enum (")


def _split_glued_description(line: str, titles: frozenset[str]) -> tuple[str, str, str] | None:
    """A description of one line with no ``Example :`` line under it runs into the Schema cell in the squashed
    rendering (``Snapshot`` + ``SnapshotResponse`` -> ``SnapshotSnapshotResponse``, ``Tags`` +
    ``array[Tag]``): (description, schema, default) split before the longest tail that is a schema expression, which
    either names only models the page defines (its headings) or starts like a primitive or compound schema. None when
    no tail is such evidence."""
    # First the longest tail that is a Schema cell alone (model rows have no default: ``...detacharray[string]``
    # is ``array[string]``, not ``object`` with the default ``id to detacharray[string]``), then one with a Default
    # glued to it (parameter rows: ``stringNone``), a default being one word.
    for with_default in (False, True):
        for k in range(max(1, len(line) - _LONGEST_GLUED_SCHEMA), len(line)):
            prefix, tail = line[:k].strip(), line[k:]
            if not prefix or not tail[:1].isalpha():
                continue
            split = split_schema_default(tail) if with_default else ((tail, "") if _is_schema(tail) else None)
            if split is None or split[0] != tail[: len(split[0])] or (with_default and not split[1]):
                continue
            if any(char.isspace() for char in split[1]):
                continue
            names = parse_schema(split[0]).model_names()
            if (names and set(names) <= titles) or (not names and tail.startswith(_SCHEMA_STARTS)):
                return prefix, split[0], split[1]
    return None


def _squashed_cells_on_page(values: list[str], titles: frozenset[str]) -> tuple[str, str, str, str | None]:
    """:func:`_squashed_cells`, and when its Schema cell is no schema, or a model the page does not define, the last
    line read as a description glued to the Schema cell when that split is evidenced (with a repair note)."""
    desc, schema, default, note = _squashed_cells(values)
    undefined_model = bool(schema) and _is_schema(schema) and parse_schema(schema).is_model and schema not in titles
    if values and (note is not None or undefined_model):
        glued = _split_glued_description(values[-1], titles)
        if glued is not None:
            before = " ".join([*values[:-1], glued[0]])
            return (
                before,
                glued[1],
                glued[2],
                (f"description and Schema cell run together ({values[-1]!r}); split before {glued[1]!r}"),
            )
    return desc, schema, default, note


def _read_squashed_table(src: _Lines, page: str, header: tuple[str, ...]) -> Table:
    start = src.lineno
    src.i += 1
    rows: list[Row] = []
    if header in (PARAMS, FIELDS):
        # Rows are spread over lines: the first cell (``<location><name>`` or the field name), ``required`` or
        # ``optional``, then the description, ``Example : v``, constraint lines, and the Schema cell with the
        # Default glued to it; empty cells became blank lines. The table ends at the next label or heading.
        while src:
            j = _next_nonblank(src, src.i)
            if j >= len(src.lines):
                src.i = j
                break
            first = _squashed_row_start(src, j, header)
            if first is None:
                break
            row_line = j + 1
            src.i = _next_nonblank(src, j + 1)
            flag = src.lines[src.i].strip()
            src.i += 1
            values = _squashed_values(src, header)
            repairs = _Repairs.certain("squashed row split with the location vocabulary and line breaks")
            if header == PARAMS:
                location = next(loc for loc in LOCATIONS if first.startswith(loc) and len(first) > len(loc))
                name = first[len(location) :]
                if location == "body":
                    cells = [location, f"{name} {flag}", " ".join(values[:-1]), values[-1] if values else "", ""]
                else:
                    desc, schema, default, note = _squashed_cells_on_page(values, src.titles)
                    cells = [location, f"{name} {flag}", desc, schema, default]
                    repairs.doubts += [note] if note else []
            else:
                repairs = _Repairs.certain("squashed model row split at its required/optional line and line breaks")
                example = next((k for k, v in enumerate(values) if v.startswith("Example :")), None)
                if example is not None:
                    # constraint lines are glued to the example value, as the pipe rendering prints them
                    tail = len(values) - 1
                    while example + 1 < tail and _CONSTRAINT_LINE.match(values[example + 1]):
                        values[example] += values.pop(example + 1)
                        tail -= 1
                desc, schema, default, note = _squashed_cells_on_page(values, src.titles)
                cells = [f"{first} {flag}", desc, schema, default]
                repairs.doubts += [note] if note else []
            rows.append(Row(tuple(cells), row_line, tuple(repairs.doubts), tuple(repairs.routine)))
        return Table(header, tuple(rows), start)
    while src:
        line = src.lines[src.i].strip()
        if not line:
            break
        split = _split_squashed(header, line)
        if split is None and header == RESPONSES and _RESPONSE_ROW_START.match(line):
            # a row that starts with a status code but does not split keeps its place: the dialect reports it as a
            # skipped row, and the rows after it are still read
            split = [line], _Repairs.doubt("squashed row not split: no reason phrase and Schema cell explain it")
        if split is None:
            break
        rows.append(Row(tuple(split[0]), src.lineno, tuple(split[1].doubts), tuple(split[1].routine)))
        src.i += 1
    return Table(header, tuple(rows), start)


def _read_json(src: _Lines, page: str) -> CodeBlock:
    """A JSON example: up to the line where its brackets balance, or, when they never do (a cut-short page), up
    to the next heading line, which an example never contains."""
    start = src.lineno
    first = src.i
    stop = next((k for k in range(first + 1, len(src.lines)) if HEADING.match(src.lines[k])), len(src.lines))
    end = json_extent(src.lines, first, stop) or stop
    src.i = end
    return CodeBlock("\n".join(src.lines[first:end]), start, "json")


def _read_headers(src: _Lines) -> CodeBlock:
    start = src.lineno
    collected: list[str] = []
    while src and HEADER_LINE.match(src.lines[src.i].strip()):
        collected.append(src.lines[src.i].strip())
        src.i += 1
    return CodeBlock("\n".join(collected), start, "http-headers")


def read(text: str, page: str) -> Document:
    """Read a text rendering into a :class:`Document`."""
    if "\x00" in text:
        raise ReaderError(page, text[: text.index("\x00")].count("\n") + 1, "expected text, found a NUL byte")
    src = _Lines(text.replace("\r\n", "\n"))
    blocks: list[Block] = []
    handlers: list[tuple[Callable[[str], bool], Callable[[], Block]]] = [
        (lambda s: s.startswith("|"), lambda: _read_pipe_table(src, page)),
        (
            lambda s: s.strip() in _SQUASHED,
            lambda: _read_squashed_table(src, page, _SQUASHED[src.lines[src.i].strip()]),
        ),
        (lambda s: s.lstrip().startswith(("{", "[")), lambda: _read_json(src, page)),
        (lambda s: bool(HEADER_LINE.match(s.strip())), lambda: _read_headers(src)),
    ]
    while src:
        line = src.lines[src.i]
        if not line.strip():
            src.i += 1
            continue
        match = HEADING.match(line.strip())
        if match:
            number = tuple(int(part) for part in match.group(1).split("."))
            blocks.append(Heading(match.group(2).strip(), len(number), src.lineno, number))
            src.i += 1
            continue
        for test, handle in handlers:
            if test(line):
                blocks.append(handle())
                break
        else:
            blocks.append(Paragraph(line.strip(), src.lineno))
            src.i += 1
    return Document(page=page, blocks=blocks, end_line=len(src.lines))
