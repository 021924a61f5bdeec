"""Field tables read by the meaning of their columns, not by position or spelling.

API guides document parameters and body fields in tables whose headers vary from guide to guide and language to
language: ``Name | Type | Format | Required | Description`` (where *Type* is the location), ``Name | In | Type |
Optional | Description``, ``이름 | 종류 | 형식 | 필수 | 설명``, ``값 | 타입 | Not Null | 설명``, ``Value | Type |
Description | Input allowed``, ``Name | Type | Valid range | Required | Default | Description``. This module gives
each column a *role* (name, location, type, required, description, default, constraint) from header synonyms in
English and Korean (:mod:`scraper.table_vocabulary`, shared with the NHN text reader), and decides an ambiguous
column ("Type" next to "Format") from its values.

Rows are read one by one and never abort: a row that is short, has swapped cells or an unknown mark is repaired when
the repair is unambiguous and every repair is a note on the row, which the dialect reports as a finding with the
row's line. Nested fields written with leading dashes (``- name``, ``-- name``) or array markers
(``recordList[0].name``) become dotted paths (``recordList.name``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from scraper.document import Table
from scraper.page_numbers import integer
from scraper.table_vocabulary import (
    FIELD_COLUMN_ROLES,
    LOCATIONS,
    REQUIRED_FALSE,
    REQUIRED_TRUE,
    Role,
    field_column_role,
)
from scraper.type_vocabulary import TypeReading, is_type_word, read_type

__all__ = [
    "NO_VALUE",
    "FieldRow",
    "FieldTable",
    "Role",
    "clean_text",
    "location_of",
    "read_field_table",
    "required_mark",
]

#: A required mark that depends on something: ``조건부`` (conditional), ``O(선택적 필수)`` (selectively required:
#: one of several fields must be given, RCS Bizmessage), ``△``.
_CONDITIONAL = re.compile(r"조건부|선택적|conditional|however|depend|if\b|when\b|일 경우|경우|^[△▲]$", re.IGNORECASE)
#: HTML markup guides put in cells; only real tag names, so a placeholder such as ``<key>`` stays text.
_TAG = re.compile(
    r"</?(?:br|p|span|a|b|i|strong|em|code|ul|ol|li|div|sup|sub|font|u|s|img|table|tr|td|th|thead|tbody|pre|hr"
    r"|details|summary|blockquote|del|ins|small|mark|kbd|center)\b[^>]*>",
    re.IGNORECASE,
)
_ARRAY_MARK = re.compile(r"\[\s*\d*\s*\]")
#: An array mark closing a field name (``boxes[0]``, ``ids[]``): the row documents the array's elements.
_ELEMENT_MARK = re.compile(r"\[\s*\d*\s*\]\s*$")
_NEST_PREFIX = re.compile(r"^(?P<marks>(?:[-ㄴ└↳+>]\s*)+)(?=\S)")
#: A map's entry written as an index by a placeholder label (API Gateway ``headers[{HeaderName}]``,
#: ``body[{ContentType}]``; ``tags[<tag name>]``, ``labels["key"]``): the label is a key of the map, not a number.
_KEYED_ENTRY = re.compile(r"\[\s*(\{[^{}\[\]]+\}|<[^<>\[\]]+>|\"[^\"\[\]]+\")\s*\]")


@lru_cache(maxsize=8192)
def clean_text(cell: str) -> str:
    """Cell text without HTML tags, Markdown escapes and emphasis; ``<br>`` becomes a newline (remembered: a cell
    is cleaned once per column-role question asked of it, and a guide repeats its headers and type words)."""
    text = re.sub(r"<br\s*/?>|</br>", "\n", cell, flags=re.IGNORECASE)
    text = _TAG.sub("", text)
    text = text.replace("\\_", "_").replace("\\|", "|").replace("\\*", "*").replace("**", "").replace("`", "")
    text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def _norm(cell: str) -> str:
    return re.sub(r"\s+", " ", clean_text(cell)).strip().strip("*:").strip().lower()


def location_of(cell: str) -> str | None:
    """``path``/``query``/``header``/``body`` when the cell names a parameter location, else None."""
    return LOCATIONS.get(_norm(cell))


def required_mark(cell: str, *, inverted: bool = False, dash_required: bool = False) -> tuple[bool | None, str]:
    """Read a Required cell: (required, note). ``inverted`` for an "Optional" column. None when unreadable.

    ``dash_required``: the Optional column marks its optional rows ``O`` and the others ``-`` (Block Storage and
    Network VPC v1.0: ``tokenId | Header | String | - |``, ``volumeId | Query | String | O | ... if absent, all``),
    so a dash there is "not optional": required. Elsewhere a dash is an empty cell: optional."""
    mark = _norm(cell)
    if mark == "-" and dash_required:
        return True, ""
    if mark in REQUIRED_TRUE:
        return (not inverted if mark not in ("", "-") else False), ""
    if mark in REQUIRED_FALSE:
        return (inverted if mark not in ("", "-") else False), ""
    first = re.split(r"[\s(,]", mark, maxsplit=1)[0]
    if _CONDITIONAL.search(mark):
        return False, f"conditionally required ({clean_text(cell)!r}); read as optional"
    if first in REQUIRED_TRUE or first in REQUIRED_FALSE:
        value = first in REQUIRED_TRUE
        return (value != inverted), f"required mark {clean_text(cell)!r} read as {'required' if value else 'optional'}"
    return None, f"unknown required mark {clean_text(cell)!r}; read as optional"


#: A cell that says there is no value (a Default or valid-range cell): empty, a dash, N/A, none, 없음 (none),
#: 해당 없음 (n/a), なし (none); surrounding spaces allowed.
NO_VALUE = re.compile(r"\s*(|[-\u2010-\u2015\u2212]+|n/a|none|없음|해당\s*없음|なし)\s*", re.IGNORECASE)


@dataclass(slots=True)
class FieldRow:
    """One row of a field table, read by column meaning."""

    name: str
    location: str | None
    type_text: str
    type: TypeReading
    required: bool | None
    description: str
    line: int
    default: str | None = None
    constraint: str = ""
    notes: list[str] = field(default_factory=list)
    #: The name ends in an array mark (``resourcePathList[0]``, ``boxes[0]``): the row documents the elements of
    #: the array the name without the mark is, not a second field of that name.
    element: bool = False
    #: The header of the column ``constraint`` came from (``Valid range``, ``제약 조건``, ``최대 길이``, ``例``).
    constraint_label: str = ""
    #: The index written after each of the name's last segments (``vmList[1].vmId``: ``(1, None)``), aligned with
    #: the name's end (a parent put before the name adds none): rows of two indexes of one list may document two
    #: shapes of its items (:class:`scraper.dialects.nhn_schema.FieldTree`).
    indexes: tuple[int | None, ...] = ()

    @property
    def constraint_note(self) -> str:
        """The constraint cell as a line for the description (``Valid range: Min. 1, Max. 3,000``), so what the
        column says is kept even where no schema keyword reads it; empty when the cell says nothing or the
        description already holds it."""
        text = self.constraint.strip()
        if NO_VALUE.fullmatch(text) or text in self.description:
            return ""
        return f"{self.constraint_label}: {text}" if self.constraint_label else text


@dataclass(slots=True)
class FieldTable:
    roles: dict[Role, int]
    rows: list[FieldRow]
    line: int
    #: (line, message) about the table as a whole (ambiguous columns, rows skipped).
    notes: list[tuple[int, str]] = field(default_factory=list)
    has_type_column: bool = True


def _roles(table: Table) -> tuple[dict[Role, int], list[str], bool]:
    """Role of each column. Returns (role -> column, notes, inverted-required)."""
    header = [_norm(h) for h in table.header]
    candidates: dict[Role, list[int]] = {}
    inverted = False
    for index, text in enumerate(header):
        role = field_column_role(text)
        if role is None:
            continue
        if role == "required" and text == "optional":
            inverted = True
        candidates.setdefault(role, []).append(index)
    notes: list[str] = []
    roles: dict[Role, int] = {}
    types = candidates.get("type", [])
    locations = candidates.get("location", [])
    # A "Type" column holding Header/Query/URL/Body is the location; decide from the values, not the spelling.
    for column in list(types):
        values = [clean_text(r.cells[column]) for r in table.rows if column < len(r.cells) and r.cells[column].strip()]
        located = sum(1 for v in values if location_of(v))
        if values and located * 2 > len(values) and not locations:
            locations = [column]
            types = [c for c in types if c != column]
    if not locations and types:
        # In a table with a type column, a column under a header of no known role ("Category", "Kind") that holds
        # Header/Query/URL/Body is the location, whatever its header says; the first column too when another is
        # the name (TOAST-Cloud framework API: ``Category | Name | Type | Required | Description``).
        claimed = {c for columns in candidates.values() for c in columns}
        for column in range(0 if candidates.get("name") else 1, len(header)):
            if column in claimed:
                continue
            values = [
                clean_text(r.cells[column]) for r in table.rows if column < len(r.cells) and r.cells[column].strip()
            ]
            if values and sum(1 for v in values if location_of(v)) * 2 > len(values):
                locations = [column]
                notes.append(f"column {table.header[column]!r} holds parameter locations; read as the location")
                break
    if len(types) > 1 and not locations:
        # Two type-like columns and no location column: NHN's "Type | Format" where Type is the location even
        # when no value reads as one (a misspelt location); the column without type words is the location.
        words = {
            column: sum(1 for r in table.rows if column < len(r.cells) and is_type_word(clean_text(r.cells[column])))
            for column in types
        }
        wordless = [c for c in types if words[c] == 0]
        if len(wordless) == 1 and any(words[c] for c in types):
            locations = wordless
            types = [c for c in types if c not in wordless]
    if len(types) > 1:
        scores = []
        for column in types:
            values = [clean_text(r.cells[column]) for r in table.rows if column < len(r.cells)]
            scores.append((sum(1 for v in values if is_type_word(v)), -column, column))
        best = max(scores)[2]
        for column in types:
            if column != best:
                candidates.setdefault("constraint", []).append(column)
        types = [best]
    if types:
        roles["type"] = types[0]
    if locations:
        roles["location"] = locations[0]
    for role in ("name", "required", "description", "default", "constraint"):
        if candidates.get(role):
            roles[role] = candidates[role][0]
    if len(candidates.get("description", [])) > 1:
        # RCS: "설명 | 비고" with "광고 발송 여부 | 기본값: false": a second description column (a note, remarks,
        # 備考) is a line of the description, where its defaults are read as a description's are; the text
        # rendering, which joins the two cells, reads them the same
        roles["note"] = candidates["description"][1]
    _name_column_of_types(table, roles, candidates, notes)
    names = candidates.get("name", [])
    if len(names) > 1:
        # Contact Center: "Name | Variable | Data type | ..." with "Service ID | serviceId": the field's name is the
        # column of identifiers, not the one of words
        def identifiers(column: int) -> int:
            cells = [clean_text(r.cells[column]).strip() for r in table.rows if column < len(r.cells)]
            return sum(1 for c in cells if re.fullmatch(r"[A-Za-z_$][\w.\[\]$-]*", c))

        best = max(names, key=lambda c: (identifiers(c), -c))
        if best != names[0] and identifiers(best) > identifiers(names[0]):
            roles["name"] = best
            notes.append(f"column {table.header[best]!r} holds the field names; read as the name")
            first = [clean_text(r.cells[names[0]]).strip() if names[0] < len(r.cells) else "" for r in table.rows]
            if any(first) and "" in first and identifiers(names[0]) == sum(1 for c in first if c):
                # Contact Center: "Name | Variable" rows "result.contents | ticketId", then "| subject", ...,
                # "result | total": the Name column holds each field's parent, written once and carried down
                roles["parent"] = names[0]
                notes.append(
                    f"column {table.header[names[0]]!r} holds the fields' parent, written once over blank cells;"
                    " read as the prefix of the names below it"
                )
    value_columns = candidates.get("value", [])
    if value_columns:
        column = value_columns[0]
        values = [clean_text(r.cells[column]) for r in table.rows if column < len(r.cells) and r.cells[column].strip()]
        typed = sum(1 for v in values if is_type_word(v))
        if "type" not in roles and "name" in roles and values and typed * 2 > len(values):
            # IAP: "Property name | Value | Description" with Boolean, Integer, String under Value
            roles["type"] = column
            notes.append(f"column {table.header[column]!r} holds types; read as the type")
        elif "name" not in roles and column == 0:
            roles["name"] = column
        elif "description" not in roles:
            roles["description"] = column
        elif "constraint" not in roles:
            roles["constraint"] = column
    if "type" not in roles and "name" in roles:
        _usage_column(table, roles, candidates, notes)
    if (
        "name" not in roles
        and header
        and header[0] not in FIELD_COLUMN_ROLES
        and ("type" in roles or "location" in roles)
    ):
        roles["name"] = 0
        notes.append(f"first column {table.header[0]!r} read as the field name")
    return roles, notes, inverted


def _name_column_of_types(
    table: Table, roles: dict[Role, int], candidates: dict[Role, list[int]], notes: list[str]
) -> None:
    """Network-VPC and Compute-Instance (2020): ``이름 | 종류 | 속성 | 설명`` rows ``networks.status | Body | Enum``.
    속성 (attribute) names the field in some guides and types it in others; beside another name column, one whose
    cells are mostly type words is the type column (a type word is an identifier too, so the choice between two
    name columns by identifiers took it for the names, and every field was called ``Array``, ``Enum``, ``String``)."""
    names = candidates.get("name", [])
    if "type" in roles or len(names) < 2:
        return
    for column in names:
        values = [clean_text(r.cells[column]) for r in table.rows if column < len(r.cells) and r.cells[column].strip()]
        if values and sum(1 for v in values if is_type_word(v)) * 2 > len(values):
            roles["type"] = column
            candidates["name"] = [c for c in names if c != column]
            if roles.get("name") == column:
                roles["name"] = candidates["name"][0]
            notes.append(f"column {table.header[column]!r} holds types; read as the type")
            return


def _usage_column(table: Table, roles: dict[Role, int], candidates: dict[Role, list[int]], notes: list[str]) -> None:
    """Push: ``Field | Usage | Description`` rows ``pageIndex | Optional, Number | ...``: a column under a header of
    no known role whose cells are mostly a required mark and a type (``Required, String``; ``-, DateTime String``
    in a response) is the type column, and its marks say which fields are required. Decided by the cells, as a
    "Type" column holding locations is, so any header word for it reads the same."""
    claimed = {c for columns in candidates.values() for c in columns} | set(roles.values())
    for column in range(len(table.header)):
        if column in claimed:
            continue
        values = [clean_text(r.cells[column]) for r in table.rows if column < len(r.cells) and r.cells[column].strip()]
        readings = [read_type(v) for v in values]
        marked = sum(1 for r in readings if r.known and r.mark)
        if values and marked * 2 > len(values):
            roles["type"] = column
            roles["usage"] = column
            notes.append(
                f"column {table.header[column]!r} holds a required mark and a type in each cell"
                " ('Required, String'); read as both"
            )
            return


def is_field_table(table: Table) -> bool:
    roles, _, _ = _roles(table)
    return "name" in roles and bool({"type", "location", "description", "required"} & roles.keys())


def _dashes_contrast_marks(table: Table, column: int) -> bool:
    """The column holds both ``-`` and a mark that means yes (``O``, ``Y``): the dash is the other answer."""
    marks = {_norm(row.cells[column]) for row in table.rows if column < len(row.cells)}
    return "-" in marks and any(m in REQUIRED_TRUE and m not in ("", "-") for m in marks)


def read_field_table(table: Table) -> FieldTable | None:
    """Read ``table`` as a field table, or None when its columns are not those of one."""
    roles, header_notes, inverted = _roles(table)
    if "name" not in roles or not ({"type", "location", "description", "required"} & roles.keys()):
        return None
    out = FieldTable(roles=roles, rows=[], line=table.line, has_type_column="type" in roles)
    out.notes.extend((table.line, note) for note in header_notes)
    dash_required = inverted and _dashes_contrast_marks(table, roles["required"])
    if dash_required:
        out.notes.append(
            (table.line, "the Optional column marks optional rows 'O' and the others '-': a '-' is read as required")
        )
    width = len(table.header)
    depth_stack: list[str] = []
    parent_column, carried = roles.get("parent"), ""
    for row in table.rows:
        cells = [c for c in row.cells]
        notes = list(row.repairs)
        if len(cells) > width:
            extra = [c for c in cells[width:] if c.strip()]
            cells = cells[:width]
            if extra:
                target = roles.get("description", width - 1)
                cells[target] = " ".join([cells[target], *extra]).strip()
                notes.append(f"{len(extra)} cell(s) beyond the header joined to the {table.header[target]!r} column")
        short = len(cells) < width
        cells += [""] * (width - len(cells))
        if all(not clean_text(c) for c in cells):
            out.notes.extend((row.line, f"row skipped: {note}") for note in notes)
            continue
        if all(set(clean_text(c)) <= set("-: ") for c in cells):
            continue
        read = _read_row(cells, roles, table, inverted, short, notes)
        if read is None and _nameless_body_row(cells, roles):
            # Object Storage 'Upload an Object': ``- | Body | Binary | O | Data content of the object``: the row
            # documents the body itself (the object's bytes), which has no name; skipped, the upload lost its body
            cells[roles["name"]] = "Body"
            notes.append("a row without a field name in the body location documents the body itself; named 'Body'")
            read = _read_row(cells, roles, table, inverted, short, notes)
        if read is None:
            out.notes.append(
                (row.line, f"row without a field name skipped: {' | '.join(clean_text(c) for c in cells)}")
            )
            continue
        name, nested_depth, element, indexes = read
        if parent_column is not None:
            carried = clean_text(cells[parent_column]).strip() or carried
            name = f"{carried}.{name}" if carried else name
        if nested_depth is not None:
            del depth_stack[nested_depth:]
            parent = ".".join(depth_stack)
            depth_stack.append(name.split(".")[-1])
            if parent:
                name = f"{parent}.{name}"
        else:
            depth_stack = [name]
        out.rows.append(_row(name, cells, roles, inverted, row.line, notes, table.header, dash_required))
        out.rows[-1].element = element
        out.rows[-1].indexes = indexes
    return out


def _nameless_body_row(cells: list[str], roles: dict[Role, int]) -> bool:
    """Whether a row names no field (its name cell empty or a dash) and its location column says the body."""
    location = roles.get("location")
    name = clean_text(cells[roles["name"]]).strip()
    return location is not None and set(name) <= set("-–— ") and location_of(clean_text(cells[location])) == "body"


def _omitted_cell(cells: list[str], roles: dict[Role, int]) -> int | None:
    """The column whose cell a row left out, its last cell empty (TOAST-Cloud partner API: ``orgName | String | Y |
    Organization name`` under ``Name | Category | Type | Required | Description``): the one column before the type
    column holding no name, type or required mark such that, with an empty cell put there, the type column holds a
    type word and the required column a required mark, where as written it does not; None when no column or
    several do."""
    type_col, req_col = roles.get("type"), roles.get("required")
    if type_col is None or req_col is None or clean_text(cells[-1]) or is_type_word(clean_text(cells[type_col])):
        return None
    needed = {roles[r] for r in ("name", "type", "required") if r in roles}
    fits = [
        column
        for column in range(1, type_col)
        if column not in needed
        for shifted in [[*cells[:column], "", *cells[column:-1]]]
        if is_type_word(clean_text(shifted[type_col])) and required_mark(clean_text(shifted[req_col]))[0] is not None
    ]
    return fits[0] if len(fits) == 1 else None


def _read_row(
    cells: list[str], roles: dict[Role, int], table: Table, inverted: bool, short: bool, notes: list[str]
) -> tuple[str, int | None, bool, tuple[int | None, ...]] | None:
    """Repair the row's cells in place; returns (field name, nesting depth from dash prefixes or None, whether the
    name ends in an array mark, the index after each segment: :attr:`FieldRow.indexes`)."""
    type_col, req_col, loc_col, desc_col = (roles.get(r) for r in ("type", "required", "location", "description"))
    omitted = _omitted_cell(cells, roles)
    if omitted is not None:
        cells[:] = [*cells[:omitted], "", *cells[omitted:-1]]
        notes.append(
            f"the row leaves out its {table.header[omitted]!r} cell: its other cells fit the columns after it"
            " (a type, a required mark); read so"
        )
    if type_col is not None and req_col is not None:
        type_cell, req_cell = clean_text(cells[type_col]), clean_text(cells[req_col])
        if not read_type(type_cell).known and required_mark(type_cell)[0] is not None and is_type_word(req_cell):
            cells[type_col], cells[req_col] = cells[req_col], cells[type_col]
            notes.append(f"type {req_cell!r} and required mark {type_cell!r} are in each other's columns; swapped")
    if loc_col is not None and type_col is not None:
        loc_cell, type_cell = clean_text(cells[loc_col]), clean_text(cells[type_col])
        if loc_cell and location_of(loc_cell) is None and is_type_word(loc_cell):
            notes.append(f"the location column holds the type {loc_cell!r}; type read from it, location from context")
            if not is_type_word(type_cell):
                cells[type_col] = loc_cell
            cells[loc_col] = ""
    if req_col is not None and desc_col is not None and req_col < desc_col:
        req_cell, desc_cell = clean_text(cells[req_col]), clean_text(cells[desc_col])
        if required_mark(req_cell)[0] is None and not desc_cell and len(req_cell) > 3:
            cells[desc_col], cells[req_col] = cells[req_col], ""
            notes.append("the row is one cell short: the description sits in the required column; moved")
    elif short:
        notes.append("the row has fewer cells than the header; missing cells read as empty")
    raw_name = cells[roles["name"]]
    name = clean_text(raw_name).split("\n")[0].strip()
    depth: int | None = None
    prefix = _NEST_PREFIX.match(name)
    if prefix:
        marks = prefix.group("marks")
        depth = max(1, sum(1 for ch in marks if not ch.isspace()))
        name = name[prefix.end() :].strip()
    keyed = _KEYED_ENTRY.sub(r".\1", name)
    if keyed != name:
        # read as the dotted placeholder segment other guides write (``metadata.{Metadata Key}``), which the body
        # reader makes the map's value schema
        notes.append(f"field name {name!r} indexes a map by a placeholder label; read as {keyed!r}")
        name = keyed
    element = bool(_ELEMENT_MARK.search(name))
    indexes = tuple(_segment_index(segment) for segment in name.split(".") if segment.strip())
    unmarked = _ARRAY_MARK.sub("", name)
    name = re.sub(r"\.{2,}", ".", unmarked).strip(". ")
    if name != unmarked:
        notes.append(f"field name {unmarked!r} has empty path segments; read as {name!r}")
    if name.endswith("*") and len(name) > 1 and not re.search(r"[-_./]\*+$", name):
        # a required mark (``name*``); ``x-amz-meta-*`` is a family of names, kept whole for the caller to say so
        name = name.rstrip("*").strip()
    if not name or set(name) <= set("-*"):
        return None
    if re.search(r"\s", name):
        notes.append(f"field name {name!r} contains spaces; kept as documented")
    if len(indexes) != name.count(".") + 1 or not any(i is not None for i in indexes):
        indexes = ()
    return name, depth, element, indexes


def _segment_index(segment: str) -> int | None:
    """The number in the array mark closing a name's segment (``vm[1]``: 1), None without one or with ``[]``."""
    mark = re.search(r"\[\s*(\d+)\s*\]\s*$", segment)
    return integer(mark.group(1)) if mark else None


def _row(
    name: str,
    cells: list[str],
    roles: dict[Role, int],
    inverted: bool,
    line: int,
    notes: list[str],
    header: Sequence[str],
    dash_required: bool = False,
) -> FieldRow:
    def cell(role: Role) -> str:
        index = roles.get(role)
        return clean_text(cells[index]) if index is not None else ""

    type_text = cell("type")
    reading = read_type(type_text) if "type" in roles else TypeReading({}, "", known=False)
    if "type" in roles and reading.note and not ("usage" in roles and reading.mark):
        # a usage column's mark is its convention, said once for the table; only other readings are notes
        notes.append(reading.note)
    location = None
    if "location" in roles:
        location = location_of(cell("location"))
        if location is None and cell("location"):
            notes.append(
                f"location {cell('location')!r} is not one of URL/Path, Query, Header, Body; read from context"
            )
    required: bool | None = None
    if "required" in roles:
        required, note = required_mark(cell("required"), inverted=inverted, dash_required=dash_required)
        if note:
            notes.append(note)
    if reading.mark not in ("", "-") and (required is None or not cell("required").strip()):
        required = reading.mark.lower() in ("required", "mandatory", "필수", "必須")
    if required is None and "required" not in roles:
        required = _description_mark(cell("description"), notes)
    default = cell("default") or None
    return FieldRow(
        name=name,
        location=location,
        type_text=type_text,
        type=reading,
        required=required,
        description="\n".join(text for text in (cell("description"), cell("note")) if text),
        line=line,
        default=default,
        constraint=cell("constraint"),
        notes=notes,
        constraint_label=clean_text(header[roles["constraint"]]).strip() if "constraint" in roles else "",
    )


#: A required mark closing a description in parentheses (``Number of results (required)``, ``(필수)``, ``(必須)``;
#: ``(optional)``, ``(선택)``, ``(任意)``).
_DESCRIPTION_MARK = re.compile(
    r"[(（]\s*(?P<mark>required|mandatory|필수|必須|optional|선택|옵션|任意|オプション)\s*[)）]\s*$", re.IGNORECASE
)


def _description_mark(description: str, notes: list[str]) -> bool | None:
    """Whether a row of a table with no required column is required, by the mark its description ends with
    (Autocomplete: ``Name | Description`` rows ``count | Number of results (required)``); None when it has none."""
    match = _DESCRIPTION_MARK.search(description)
    if match is None:
        return None
    required = match.group("mark").lower() in ("required", "mandatory", "필수", "必須")
    notes.append(
        f"no required column; {match.group(0).strip()!r} in the description read as"
        f" {'required' if required else 'optional'}"
    )
    return required


def header_words(header: Sequence[str]) -> list[str]:
    return [_norm(h) for h in header]
