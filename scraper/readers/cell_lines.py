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
row, so a cut that had to be guessed says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scraper.document import Row, Table
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

__all__ = ["CellLineTable", "cell_line_table", "is_cell_line"]

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
    """A line of one cell: text ending in `` |`` with no other ``|`` in it, or ``|`` alone (an empty cell)."""
    stripped = line.strip()
    if stripped == "|":
        return True
    return stripped.endswith(" |") and stripped.count("|") == 1


def _cell(line: str) -> str:
    return line.strip().removesuffix("|").strip()


def _column_word(cell: str) -> bool:
    words = " ".join(cell.lower().split())
    return (
        field_column_role(words) is not None
        or words in METHOD_COLUMNS
        or words in URI_COLUMNS
        or words in INTERFACE_COLUMNS
        or words in STATUS_COLUMNS
        or words in ENDPOINT_COLUMNS
    )


def _header_like(cell: str) -> bool:
    """A cell that may be a column header: a column word, or a few plain words that read as no value."""
    if _column_word(cell):
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
        and cell.upper() != cell
        and not re.search(r"[\d{}/._\[\]:=]|[a-z][A-Z]", cell)
    )


def cell_line_table(lines: list[str], start: int) -> CellLineTable | None:
    """The table whose cell lines start at ``start``, or None when they open no table (no header of two or more
    column words)."""
    end = start
    while end < len(lines) and is_cell_line(lines[end]):
        end += 1
    cells = [_cell(line) for line in lines[start:end]]
    header_like = 0
    while header_like < min(len(cells), _MAX_COLUMNS) and cells[header_like] and _header_like(cells[header_like]):
        header_like += 1
    column_words = 0
    while column_words < len(cells) and cells[column_words] and _column_word(cells[column_words]):
        column_words += 1
    # the header: its leading column words at least, the header-like cells after them at most
    counts = [k for k in range(header_like, max(column_words, 2) - 1, -1) if len(cells) % k == 0 and len(cells) > k]
    counts = [k for k in counts if sum(_column_word(c) for c in cells[:k]) >= 2]
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
