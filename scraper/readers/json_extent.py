"""Where a JSON example ends in a page that lost its code-block markup.

Text renderings keep an example's lines but not the ``<pre>`` around it, so readers find its end by counting
brackets outside strings. Shared by every text reader so they agree on what an example is.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["json_extent"]


def json_extent(lines: Sequence[str], start: int, stop: int | None = None) -> int | None:
    """Index just past the line where the brackets opened at ``lines[start]`` balance, or None if they never do.

    Brackets inside JSON strings (with backslash escapes) do not count. ``stop`` bounds the search (exclusive).
    """
    depth = 0
    in_string = False
    escaped = False
    end = len(lines) if stop is None else min(stop, len(lines))
    for index in range(start, end):
        for char in lines[index]:
            if in_string:
                if escaped:
                    escaped = False
                elif char == "\\":
                    escaped = True
                elif char == '"':
                    in_string = False
            elif char == '"':
                in_string = True
            elif char in "{[":
                depth += 1
            elif char in "}]":
                depth -= 1
        if depth <= 0 and not in_string:
            return index + 1
    return None
