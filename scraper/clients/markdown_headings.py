"""A document's Markdown description placed inside the package README, its headings nested under the README's own.

An ``info.description`` is often a whole guide with top-level headings of its own (PeerTube's ``# Introduction``,
``# Authentication``, ``# Errors``). Copied as written between the README's title (``#``) and its ``## Install``,
``## Use``, ``## Authentication`` sections, those headings became the README's outline: ``## Install`` read as a
part of the document's ``# Errors``, and two ``Authentication`` sections stood side by side at different levels.

:func:`nested_headings` moves every heading of the description down by the same number of levels, so that its
shallowest heading is at ``level`` (the README uses 3, below its own ``##`` sections) and the description's own
outline is kept. ATX headings (``# Title``, up to three spaces of indent) and setext ones (a line underlined with
``===`` or ``---``) are both read; a line inside a fenced code block (a shell comment, ``# not a heading``) and a
``---`` rule after a blank line are not headings. A heading pushed past level 6, which Markdown does not have,
stays at 6.
"""

from __future__ import annotations

import re

__all__ = ["nested_headings"]

_ATX = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)(.*)$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _headings(lines: list[str]) -> dict[int, tuple[int, str]]:
    """Line index -> (level, text) of each heading; a setext heading is keyed by its text line (its rule follows)."""
    found: dict[int, tuple[int, str]] = {}
    fence = ""
    for index, line in enumerate(lines):
        opened = _FENCE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = ""
            continue
        if opened:
            fence = opened.group(1)
            continue
        atx = _ATX.match(line)
        if atx:
            text = re.sub(r"[ \t]+#+[ \t]*$|^[ \t]*#+[ \t]*$", "", atx.group(3)).strip()
            found[index] = (len(atx.group(2)), text)
            continue
        rule = _SETEXT.match(line)
        previous = lines[index - 1] if index else ""
        if rule and previous.strip() and index - 1 not in found and not _FENCE.match(previous):
            found[index - 1] = (1 if rule.group(1)[0] == "=" else 2, previous.strip())
    return found


def nested_headings(text: str, level: int) -> str:
    """``text`` with its headings moved down so that the shallowest is at ``level`` (ATX form); else as written."""
    lines = text.split("\n")
    found = _headings(lines)
    if not found:
        return text
    shift = level - min(depth for depth, _ in found.values())
    if shift <= 0:
        return text
    out: list[str] = []
    skip_rule = False
    for index, line in enumerate(lines):
        if skip_rule:
            skip_rule = False
            continue
        if index in found:
            depth, heading = found[index]
            out.append(f"{'#' * min(6, depth + shift)} {heading}".rstrip())
            skip_rule = not _ATX.match(line)  # a setext heading: its rule line goes with it
            continue
        out.append(line)
    return "\n".join(out)
