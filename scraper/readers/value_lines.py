"""A table cell whose ``VALUE: meaning`` lines a text rendering joined by spaces, cut into those lines again.

Why a module of its own: both renderings that write a cell on one line, the pipe rendering
(:mod:`scraper.readers.nhn_pipe`) and the one-cell-a-line rendering (:mod:`scraper.readers.cell_lines`), write a
cell's ``<br>`` as a space and set its code spans off by spaces, so RDS's ``role type<br/>- `MASTER`: Master<br/>-
`FAILED_MASTER`: ...`` reads ``role type - MASTER : Master - FAILED_MASTER : ...``. The dialect reads an Enum's
values from such lines (one a line, as the Markdown and the HTML give them); both readers put the line breaks back
the same way.
"""

from __future__ import annotations

import re

__all__ = ["value_lines"]

#: Where a bulleted value line starts in a cell joined to one line (`` - MASTER : Master``, or a labelled line in any
#: script: `` - 기본값: 3 - 최솟값: 1``, default and minimum), and where an unbulleted one of a constant does
#: (`` BACKING_UP : Backing up``).
_BULLETED_VALUE = re.compile(r"\s+(?=[-*\u2022]\s*[^\W_][\w.+-]*\s*[:\uff1a]\s)")
_CONSTANT_VALUE = re.compile(r"\s+(?=[A-Z][A-Z0-9_]*\s*[:\uff1a]\s)")


def value_lines(cell: str) -> str:
    """``cell`` with its joined ``VALUE: meaning`` lines cut apart again.

    Cut where two or more bulleted ``- value :`` items (a value or a label of one word in any script: ``- 기본값: 3 -
    최솟값: 1``, whose default the dialect reads from its own line), or two or more ``CONSTANT :`` items (capitals,
    digits, ``_``) start (``Status BACKING_UP : ... COMPLETED : ...``); only line breaks are put back, the words are the
    cell's."""
    for pattern in (_BULLETED_VALUE, _CONSTANT_VALUE):
        if len(pattern.findall(cell)) >= 2:
            return "\n".join(part.strip() for part in pattern.split(cell) if part.strip())
    return cell
