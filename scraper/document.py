"""The document model every reader produces and every dialect reads.

Pandoc-style: whatever the page format (HTML, Markdown, a saved text rendering), a reader turns it into one flat,
ordered list of blocks. Each block remembers the 1-based source line it came from, so any doubt a dialect raises
can name the page and line. Dialects never look at raw text or HTML, only at these blocks.

Blocks:

* :class:`Heading` -- ``number`` is the dotted section number when the page numbers its headings (SCP printable
  views: ``1.2.3 - Title``), else ``None``; ``level`` is the nesting depth (number length, or the HTML/Markdown level).
  ``inferred`` is empty for a heading the page writes; a reader that rebuilds a heading the page lost (the NHN docs
  site's pipe text rendering drops them all) says there why it placed one, so the dialect reports what it names
  from it as inferred.
* :class:`Paragraph` -- one paragraph (for text renderings, one line).
* :class:`Table` -- a header and rows of cells. ``repairs`` records what the reader had to do to recover the cells
  (joined broken rows, split squashed cells, restored dropped cells), so the dialect can put it in the findings.
* :class:`CodeBlock` -- verbatim text (JSON examples, request header listings), with an optional language.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = [
    "Block",
    "CodeBlock",
    "Document",
    "Heading",
    "LocatedError",
    "Paragraph",
    "ReaderError",
    "Row",
    "Table",
]


class LocatedError(Exception):
    """An error about a place in a page: ``str()`` is ``page:line: message`` so the user can jump to it, or
    ``page: message`` for line 0 (the page as a whole, e.g. a file that cannot be read: no fake ``:0`` line)."""

    def __init__(self, page: str, line: int, message: str) -> None:
        super().__init__(f"{page}:{line}: {message}" if line > 0 else f"{page}: {message}")
        self.page = page
        self.line = line
        self.message = message

    def __reduce__(self) -> tuple[type[LocatedError], tuple[str, int, str]]:
        """Pickled by its parts (a page read in a worker process hands its error back to the build)."""
        return type(self), (self.page, self.line, self.message)


class ReaderError(LocatedError):
    """A page could not be read. Always names the page, the line and what was expected."""


@dataclass(frozen=True, slots=True)
class Heading:
    title: str
    level: int
    line: int
    number: tuple[int, ...] | None = None
    inferred: str = ""


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[str, ...]
    line: int
    #: Human-readable notes on how this row was recovered (empty when it was read as written) where the recovery
    #: involved a guess: each is a doubt about this row, reported at its line.
    repairs: tuple[str, ...] = ()
    #: Repairs a reader's vocabulary makes certain, worded the same on every row they touch (a squashed row split at
    #: its location word, a dropped empty trailing cell restored): a dialect reports each once per table, naming the
    #: rows, so the same routine repair repeated per row does not bury the doubts of ``repairs``.
    routine: tuple[str, ...] = ()
    #: Per cell, the anchor of the same page its first link names (``[Store code](#store-code)``: ``store-code``),
    #: ``""`` for a cell without one; empty when no cell links in the page or the reader keeps no links (text
    #: renderings). A dialect follows it to the section that holds what the cell only names (a code's values).
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    line: int


@dataclass(frozen=True, slots=True)
class CodeBlock:
    text: str
    line: int
    language: str | None = None
    #: Empty for code the page writes; what a reader rebuilt and how (a JSON example whose bracket lines a text
    #: rendering dropped: :mod:`scraper.readers.bracketless_json`), for the dialect to report where it uses it.
    inferred: str = ""


Block = Heading | Paragraph | Table | CodeBlock


@dataclass(slots=True)
class Document:
    """One page as a sequence of blocks.

    ``page`` is the page's name as given to the reader (usually its path relative to the project), used in every
    error and finding. ``end_line`` is the last line of the source, so a finding can point past the last block.
    """

    page: str
    blocks: list[Block] = field(default_factory=list)
    end_line: int = 0

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)

    def __len__(self) -> int:
        return len(self.blocks)
