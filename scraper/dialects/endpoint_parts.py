"""The part of a guide an endpoint declaration serves, when a guide's parts are served by different hosts.

NHN guides document several APIs of one product on one page, each part opening with its own endpoint: AppGuard's
``## NHN AppGuard Public API`` and ``## Integrity Verification API Guide`` each have an ``[API Domain]`` table naming
another host; Log & Crash Search's Log Search API writes ``API Endpoint: https://api-lncs-search...`` under its
"Basic Information", after the Collect Log API that another host serves. Such an endpoint serves the operations of
its part only.

A part is found from the headings alone (readers give every format the same headings): it begins at the shallowest
heading between the operation before the declaration and the declaration (the heading that opened the part: the
``##`` over "Basic Information"), and ends at the next heading as shallow or shallower. A declaration with no heading
since the operation before it serves up to the next declaration.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from scraper.document import Block, Heading

__all__ = ["Part", "part_of"]


@dataclass(frozen=True, slots=True)
class Part:
    """Lines ``first`` up to (not including) ``end`` of a page: what one endpoint declaration serves."""

    first: int
    end: int

    def holds(self, line: int) -> bool:
        return self.first <= line < self.end

    def describe(self) -> str:
        return f"lines {self.first}-{self.end - 1}" if self.end < _END else f"lines {self.first} to the end"


#: A line after every line of any page.
_END = 1 << 62


def part_of(
    declaration: int,
    blocks: Sequence[Block],
    operation_lines: Sequence[int],
    next_declaration: int | None = None,
    skip: Block | None = None,
) -> Part:
    """The part served by the endpoint declared at line ``declaration``: see the module docstring. ``skip`` is the
    page's title heading (over the whole guide, never a part's)."""
    before = max((line for line in operation_lines if line < declaration), default=0)
    headings = [b for b in blocks if isinstance(b, Heading) and b is not skip]
    opening = [h for h in headings if before < h.line <= declaration]
    if not opening:
        return Part(declaration, next_declaration if next_declaration is not None else _END)
    level = min(h.level for h in opening)
    first = next(h.line for h in opening if h.level == level)
    end = next((h.line for h in headings if h.line > declaration and h.level <= level), _END)
    return Part(first, end)
