"""Where a JSON example ends in a page that lost its code-block markup.

Text renderings keep an example's lines but not the ``<pre>`` around it, so readers find its end by counting
brackets outside strings. Shared by every text reader so they agree on what an example is.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["JsonStrings", "json_extent"]


class JsonStrings:
    """Whether a left-to-right scan of JSON-like text is inside a double-quoted string (backslash escapes honoured).

    One place for the rule that every scan of example text needs (bracket counting here, repairs of an example's
    whitespace in the NHN dialect): what is inside a string is content, never structure.
    """

    __slots__ = ("_escaped", "inside")

    def __init__(self) -> None:
        self.inside = False
        self._escaped = False

    def step(self, char: str) -> bool:
        """Move past ``char``; True when it is structure: outside every string and not a quote opening one."""
        if self.inside:
            if self._escaped:
                self._escaped = False
            elif char == "\\":
                self._escaped = True
            elif char == '"':
                self.inside = False
            return False
        if char == '"':
            self.inside = True
            return False
        return True


def json_extent(lines: Sequence[str], start: int, stop: int | None = None) -> int | None:
    """Index just past the line where the brackets opened at ``lines[start]`` balance, or None if they never do.

    Brackets inside JSON strings (with backslash escapes) do not count. ``stop`` bounds the search (exclusive).
    """
    depth = 0
    strings = JsonStrings()
    end = len(lines) if stop is None else min(stop, len(lines))
    for index in range(start, end):
        for char in lines[index]:
            if not strings.step(char):
                continue
            if char in "{[":
                depth += 1
            elif char in "}]":
                depth -= 1
        if depth <= 0 and not strings.inside:
            return index + 1
    return None
