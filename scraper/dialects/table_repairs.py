"""A table's row repairs as findings: routine repairs once per table, guessed ones once per row.

A squashed or broken text rendering repairs every row of a table the same certain way (``Row.routine``: a row split
at its location word, a dropped empty trailing cell restored). Reported per row, one 40-row page gave 40 identical
findings that buried the repairs a maintainer must check (``Row.repairs``: a description re-joined at a pipe, a
schema split at an unknown reason phrase). So each routine repair becomes one finding per table, at its first row,
naming how many rows it covers and their lines, and each guessed repair keeps a finding at its own row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from scraper.document import Row

__all__ = ["RepairNote", "row_lines", "table_repair_notes"]

#: (line, message) of one finding about a table's repairs.
RepairNote = tuple[int, str]


def row_lines(indexes: Sequence[int], rows: Sequence[Row]) -> str:
    """The lines of the rows at ``indexes`` (ascending) of a table, runs of consecutive rows as ``first-last``:
    ``62-82`` names five rows in a row, ``62, 72-82`` says the row at line 67 is not among them."""
    runs: list[list[int]] = []
    for index in indexes:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return ", ".join(
        str(rows[run[0]].line) if len(run) == 1 else f"{rows[run[0]].line}-{rows[run[-1]].line}" for run in runs
    )


def table_repair_notes(rows: Sequence[Row], label: Callable[[Row], str] | None = None) -> list[RepairNote]:
    """Findings for the repairs of a table's ``rows``, in the order of the rows: each routine repair once, at the
    first row it touched (``12 rows, lines 120-160: <repair>``; one row: the repair alone), and one finding per row
    repaired by a guess, at its line, saying its guesses and then its routine repairs (so a doubtful row's whole
    story is in one place, and the routine count covers only rows with nothing to check). ``label`` names a row in
    a per-row message (a model field: ``tags: <repair>``)."""
    covered: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        for note in row.routine if not row.repairs else ():
            covered.setdefault(note, []).append(index)
    # repairs made on the same rows are one finding (a row broken over two lines that was a body row)
    together: dict[tuple[int, ...], list[str]] = {}
    for note, touched in covered.items():
        together.setdefault(tuple(touched), []).append(note)
    notes: list[tuple[int, int, RepairNote]] = []
    for order, (indexes, said) in enumerate(together.items()):
        first, told = rows[indexes[0]], "; ".join(said)
        if len(indexes) == 1:
            message = f"{label(first)}: {told}" if label is not None else told
        else:
            message = f"{len(indexes)} rows, lines {row_lines(indexes, rows)}: {told}"
        notes.append((indexes[0], order, (first.line, message)))
    for index, row in enumerate(rows):
        if row.repairs:
            told = "; ".join((*row.repairs, *row.routine))
            notes.append((index, len(together), (row.line, f"{label(row)}: {told}" if label is not None else told)))
    return [note for _, _, note in sorted(notes, key=lambda item: (item[0], item[1]))]
