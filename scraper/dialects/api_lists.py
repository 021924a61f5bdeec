"""The rows of a guide's API lists: tables of several operations, each row a name, a method and a path.

An API list (``API | Method | Wrapping URI | Leaderboard URI``, Gamebase; ``| Message | Send | POST | ... |`` with
the group written once over blank cells) names the operations a guide documents. Usually each is declared again in
a section of its own, and the list only names it; Gamebase's "Wrapping API" lists are the only place the calls it
serves for other services are written (Leaderboard, Push: 33 operations). This module reads the rows; the dialect
decides what they declare (:meth:`scraper.dialects.nhn.NhnDialect._listed_sections`). Each row's path is the first
cell right of the method that is a path or URL; paths in later cells (``Leaderboard URI``) are what the operation
stands for elsewhere, kept with their column's header.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from scraper.dialects.field_tables import clean_text
from scraper.document import Block, Table
from scraper.table_vocabulary import METHOD_COLUMNS

__all__ = ["ListedRow", "api_list_rows"]

_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "COPY"})


@dataclass(frozen=True, slots=True)
class ListedRow:
    """One operation an API list names."""

    method: str
    #: The path (or URL) as the row writes it.
    written: str
    #: The name: the nearest text cell left of the method, after the group a first column carries down.
    name: str
    line: int
    #: Index of the list's table among the page's blocks.
    block: int
    #: Header of the column the path is in (``Wrapping URI``).
    column: str
    #: (header, path) of the row's later path columns (``Leaderboard URI``, what the operation wraps).
    others: tuple[tuple[str, str], ...] = ()


def _norm(cell: str) -> str:
    return re.sub(r"\s+", " ", clean_text(cell)).strip().strip(":").lower()


def _is_path(cell: str) -> bool:
    return cell.startswith(("/", "http"))


def api_list_rows(blocks: Sequence[Block]) -> list[ListedRow]:
    """Every row of every API list: a table of two rows or more with a method column that is not the first (the
    name is left of it). A name's first line only (``Get factor info<br>- Get factor info`` lists the wrapped
    service's names below); a row without a method, a path or a name is no operation."""
    out: list[ListedRow] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Table) or len(block.rows) < 2:
            continue
        header = [_norm(h) for h in block.header]
        method_col = next((i for i, h in enumerate(header) if h in METHOD_COLUMNS), None)
        if method_col is None or method_col == 0:
            continue
        group = ""
        for row in block.rows:
            cells = [clean_text(c).split("\n")[0].strip() for c in row.cells]
            if len(cells) <= method_col or cells[method_col].upper() not in _METHODS:
                continue
            paths = [i for i in range(method_col + 1, len(cells)) if _is_path(cells[i])]
            name_col = next((i for i in range(method_col - 1, -1, -1) if cells[i]), None)
            if not paths or name_col is None:
                continue
            if name_col > 0 and method_col > 1:
                group = cells[0] or group
            name = cells[name_col].strip(" -")
            if name_col > 0 and group:
                name = f"{group} > {name}"
            if not name:
                continue
            titles = [clean_text(h).strip() for h in block.header]
            out.append(
                ListedRow(
                    method=cells[method_col].upper(),
                    written=cells[paths[0]],
                    name=name,
                    line=row.line,
                    block=index,
                    column=titles[paths[0]] if paths[0] < len(titles) else "",
                    others=tuple((titles[i] if i < len(titles) else "", cells[i]) for i in paths[1:]),
                )
            )
    return out
