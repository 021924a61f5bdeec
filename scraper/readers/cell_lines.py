"""Tables written one cell a line (the "R3" text rendering of docs.nhncloud.com pages) -> :class:`Table`.

Why a module of its own: a text rendering of the NHN docs site (``tests/fixtures/nhn/cell-lines/README.md`` lists
where it was seen) writes every table cell on a line of its own, ending in `` |`` (``Interface name |`` /
``Protocol |`` / ... / ``Heading List |`` / ``HTTPS |`` / ``GET |``), an empty cell as a line ``|`` alone, with no
separator row and nothing that ends a row. What a row is has to be read back: the header's cells are the column
words of :mod:`scraper.table_vocabulary` (``Name``, ``Data type``, ``Required``, ``Call direction``, ...), which
gives the column count, and the cells after it are cut into rows of that many cells.

The count is the longest run of header-like cells at the start (the column words, or short words that are no
value: capitalised, and not a type, a location, a method, a required mark, an identifier or a number), no shorter
than its leading column words, that has two or more column words and by which the run's cell count divides; when
no count divides it, the leading column words alone are the header and the last row is padded: a repair on that
row, so a cut that had to be guessed says so. When the rendering dropped an empty cell altogether (no ``|`` line), no
count divides the cells: the rows are then cut where a field name is followed by a type cell
(:func:`_regrouped_rows`), each short row a repair, rather than the table lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scraper.document import Row, Table
from scraper.readers.value_lines import value_lines
from scraper.table_vocabulary import (
    ENDPOINT_COLUMNS,
    INTERFACE_COLUMNS,
    LOCATIONS,
    METHOD_COLUMNS,
    REQUIRED_FALSE,
    REQUIRED_TRUE,
    STATUS_COLUMNS,
    URI_COLUMNS,
    field_column_role,
)
from scraper.type_vocabulary import read_type

__all__ = ["CellLineTable", "cell_line_table", "column_word", "header_like", "is_cell_line"]

#: A field name cell: an identifier, dotted or indexed (``token``, ``message.title``, ``target.uids[]``).
_FIELD_NAME = re.compile(r"[A-Za-z_$][\w.\[\]$-]*")
#: The most columns a header may have: a run longer than this at the start is no header.
_MAX_COLUMNS = 12
_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})
_TYPE_WORDS = frozenset(
    {"string", "integer", "int", "long", "number", "boolean", "object", "array", "list", "map", "date", "float"}
)


@dataclass(frozen=True, slots=True)
class CellLineTable:
    """A table read from cell lines, and the index of the first line after it."""

    table: Table
    end: int


def is_cell_line(line: str) -> bool:
    """A line of one cell: text ending in `` |`` with no other ``|`` in it, or ``|`` alone (an empty cell), or a
    row's first cell opened by a pipe (``| tokenId |``: :func:`_opens_row`)."""
    stripped = line.strip()
    if stripped == "|":
        return True
    return (stripped.endswith(" |") and stripped.count("|") == 1) or _opens_row(stripped)


def _opens_row(line: str) -> bool:
    """``| text |``: the first cell of a row, in the variant whose every row opens with a pipe (Private DNS, en)."""
    stripped = line.strip()
    return stripped.startswith("| ") and stripped.endswith(" |") and stripped.count("|") == 2


def _cell(line: str) -> str:
    """A cell's text; ``VALUE: meaning`` lines the rendering joined by spaces are lines again, as the pipe reader
    gives them (:func:`scraper.readers.value_lines.value_lines`)."""
    return value_lines(line.strip().removeprefix("|").removesuffix("|").strip())


def column_word(cell: str) -> bool:
    """The cell is a column word of :mod:`scraper.table_vocabulary` (``Name``, ``타입``, ``Http method``, ...)."""
    words = " ".join(cell.lower().split())
    return (
        field_column_role(words) is not None
        or words in METHOD_COLUMNS
        or words in URI_COLUMNS
        or words in INTERFACE_COLUMNS
        or words in STATUS_COLUMNS
        or words in ENDPOINT_COLUMNS
    )


def header_like(cell: str) -> bool:
    """A cell that may be a column header: a column word, or a few plain words that read as no value."""
    if column_word(cell):
        return True
    words = cell.split()
    lowered = cell.lower()
    return (
        0 < len(words) <= 4
        and not cell[0].islower()  # a header is capitalised (or in a script without case); "id", "size" are values
        and lowered not in _TYPE_WORDS
        and lowered not in LOCATIONS
        and lowered not in REQUIRED_TRUE
        and lowered not in REQUIRED_FALSE
        and not cell.isupper()  # a constant (``GET``, ``ACTIVE``); a script without case (``입력 가능``) is none
        and not re.search(r"[\d{}/._\[\]:=]|[a-z][A-Z]", cell)
    )


def cell_line_table(lines: list[str], start: int) -> CellLineTable | None:
    """The table whose cell lines start at ``start``, or None when they open no table (no header of two or more
    column words)."""
    end = start
    while end < len(lines) and is_cell_line(lines[end]):
        end += 1
    if _opens_row(lines[start]):
        return _opened_rows_table(lines, start, end)
    cells = [_cell(line) for line in lines[start:end]]
    leading_header_like = 0
    while (
        leading_header_like < min(len(cells), _MAX_COLUMNS)
        and cells[leading_header_like]
        and header_like(cells[leading_header_like])
    ):
        leading_header_like += 1
    column_words = 0
    while column_words < len(cells) and cells[column_words] and column_word(cells[column_words]):
        column_words += 1
    # the header: its leading column words at least, the header-like cells after them at most
    counts = [
        k for k in range(leading_header_like, max(column_words, 2) - 1, -1) if len(cells) % k == 0 and len(cells) > k
    ]
    counts = [k for k in counts if sum(column_word(c) for c in cells[:k]) >= 2]
    if not counts:
        counts = _header_before_a_named_row(cells, column_words)
    if not counts:
        regrouped = _regrouped_rows(cells, leading_header_like, start)
        if regrouped is not None:
            header = tuple(cells[:leading_header_like])
            return CellLineTable(Table(header=header, rows=regrouped, line=start + 1), end)
    width = counts[0] if counts else column_words
    if width < 2 or len(cells) <= width:
        return None
    rows: list[Row] = []
    for first in range(width, len(cells), width):
        row = cells[first : first + width]
        repairs: tuple[str, ...] = ()
        if len(row) < width:
            repairs = (
                f"{len(row)} cells for {width} columns: the table's cells do not divide into rows of its header's"
                " width; the missing cells read as empty",
            )
            row = row + [""] * (width - len(row))
        rows.append(Row(cells=tuple(row), line=start + first + 1, repairs=repairs))
    return CellLineTable(Table(header=tuple(cells[:width]), rows=tuple(rows), line=start + 1), end)


def _header_before_a_named_row(cells: list[str], column_words: int) -> list[int]:
    """Widths for a header whose first row is named by a column word (Image ja: ``名前 |`` ... ``説明 |`` over
    ``path |`` / ``String |`` / ...: ``path`` is a URI column's word), when the run of column words, that row's
    name with it, divides no rows: the narrower header ending before that name, if the cells then divide into rows
    and the name reads as a field's (an identifier starting in lower case, as no header word of this vocabulary is
    written) over a cell that is no column word."""
    widths: list[int] = []
    for width in range(column_words - 1, 1, -1):
        name = cells[width]
        if (
            len(cells) % width == 0
            and len(cells) > width + 1
            and all(column_word(cell) for cell in cells[:width])
            and _FIELD_NAME.fullmatch(name)
            and name[0].islower()
            and not column_word(cells[width + 1])
        ):
            widths.append(width)
    return widths


def _regrouped_rows(cells: list[str], width: int, start: int) -> tuple[Row, ...] | None:
    """Push (ko): ``Field |`` / ``Usage |`` / ``Description |`` over rows ``token |`` / ``Required, String |`` /
    ``...``, where a row with an empty description lost that cell altogether (no ``|`` line), so the cells do not
    divide into rows of the header's width. The rows are still recognisable: each starts with a field name (an
    identifier) followed by a type cell (``String``, ``Required, String``). Cut there, every row is one name, one
    type and what follows up to the next name; a row of fewer cells than the header is padded with empty cells,
    a repair on that row. None unless every row so cut fits the header and most are whole: then the cells are
    not such rows, and the table is read as before."""
    header = cells[:width]
    body = cells[width:]
    if width < 2 or sum(column_word(cell) for cell in header) < 2 or len(body) < 2:
        return None
    starts = [
        index
        for index in range(len(body) - 1)
        if _FIELD_NAME.fullmatch(body[index]) and body[index + 1] and read_type(body[index + 1]).known
    ]
    if not starts or starts[0] != 0:
        return None
    bounds = list(zip(starts, [*starts[1:], len(body)], strict=True))
    if any(not 2 <= after - first <= width for first, after in bounds):
        return None
    if sum(after - first == width for first, after in bounds) * 2 < len(bounds):
        return None
    rows: list[Row] = []
    for first, after in bounds:
        row = body[first:after]
        repairs: tuple[str, ...] = ()
        if len(row) < width:
            repairs = (
                f"{len(row)} cells for {width} columns: the rendering dropped an empty cell (no '|' line for it);"
                " the row recognised by its name and type cells, the missing cells read as empty",
            )
            row = row + [""] * (width - len(row))
        rows.append(Row(cells=tuple(row), line=start + width + first + 1, repairs=repairs))
    return tuple(rows)


def _opened_rows_table(lines: list[str], start: int, end: int) -> CellLineTable | None:
    """Cell lines whose every row opens with a pipe (``| Name |`` / ``Type |`` / ``| tokenId |`` / ``Header |``):
    a row is the cells from one opening line to the next, the first row the header (two or more column words).

    A row of more cells than the header keeps the extra text in its last cell, one of fewer is padded with empty
    cells; both are repairs on the row, as in the pipe rendering's tables."""
    openings = [index for index in range(start, end) if _opens_row(lines[index])]
    bounds = list(zip(openings, [*openings[1:], end], strict=True))
    header = [_cell(line) for line in lines[bounds[0][0] : bounds[0][1]]]
    width = len(header)
    if width < 2 or width > _MAX_COLUMNS or sum(column_word(cell) for cell in header) < 2 or len(bounds) < 2:
        return None
    rows: list[Row] = []
    for first, after in bounds[1:]:
        row = [_cell(line) for line in lines[first:after]]
        repairs: tuple[str, ...] = ()
        if len(row) > width:
            repairs = (f"{len(row)} cells for {width} columns: the cells past the last column kept in it",)
            row = [*row[: width - 1], " ".join(row[width - 1 :])]
        elif len(row) < width:
            repairs = (f"{len(row)} cells for {width} columns: the missing cells read as empty",)
            row = row + [""] * (width - len(row))
        rows.append(Row(cells=tuple(row), line=first + 1, repairs=repairs))
    return CellLineTable(Table(header=tuple(header), rows=tuple(rows), line=start + 1), end)
