"""Generated Python source cut into blocks that black formats one at a time, each distinct block once per run.

Black formats one logical line at a time; what connects lines is only the number of blank lines between them (and
that depends on the lines just before). So a file can be cut between two definitions, each piece formatted on its
own, and the pieces joined with the blank lines that were between them, provided the blank lines are what black
itself puts there. The cuts are only made where that is certain:

- before a top-level ``def`` / ``class`` (with its decorators) that follows another ``def`` / ``class`` after
  exactly two blank lines, and
- before a method of a top-level class that follows another method after exactly one blank line,

never next to a comment (black moves blank lines around comments) and never inside a string (the statements come
from ``ast``). A method is formatted inside a stand-in class header, so it keeps its indentation and therefore its
line breaks. Whatever does not fit these rules stays in the block before it, so an unusual file is simply one
block: formatted whole, as before.

Why bother: the versions of an API share most of their operations and models, so most blocks of a package appear
in several files (virtualserver's four versions are most of the generated code), and black is most of the cost of
generating a package. ``tests/clients/test_source_blocks.py`` checks that the joined result is byte for byte what
black makes of the whole file.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

__all__ = ["MEMBER_HEADER", "Block", "join_blocks", "split_blocks"]

#: The stand-in class a method is formatted in (black then sees it at its real depth).
MEMBER_HEADER = "class _:\n"

_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


@dataclass(frozen=True, slots=True)
class Block:
    """A run of whole lines of a file; ``member`` when it is a method of a top-level class (4-space indented)."""

    text: str
    member: bool


def _start(node: ast.stmt) -> int:
    """First line (1-based) of ``node``, its decorators included."""
    decorators: list[ast.expr] = getattr(node, "decorator_list", [])
    return min([node.lineno, *(d.lineno for d in decorators)])


def _gap_is(lines: list[str], end: int, start: int, blank: int) -> bool:
    """Lines ``end+1 .. start-1`` (1-based) are exactly ``blank`` empty lines."""
    return start - end - 1 == blank and all(lines[i] == "\n" for i in range(end, start - 1))


def split_blocks(text: str) -> list[tuple[str, Block]]:
    """``text`` as ``(gap, block)`` pairs: the blank lines before each block (empty for the first) and the block.

    ``"".join(gap + block.text ...)`` is ``text`` again. One block when the file has no safe cut (or does not parse:
    black then reports the error for the whole file).
    """
    if not text.endswith("\n") or "\r" in text or "\f" in text:
        return [("", Block(text, False))]
    try:
        module = ast.parse(text)
    except (SyntaxError, ValueError):
        return [("", Block(text, False))]
    lines = text.splitlines(keepends=True)
    if len(lines) != text.count("\n"):  # a line break ast and str.splitlines disagree about (\v, \x1c, U+2028 ...)
        return [("", Block(text, False))]
    cuts: list[tuple[int, int, bool]] = []  # (first line of the block, blank lines before it, member)
    body = module.body
    for index, node in enumerate(body):
        previous = body[index - 1] if index else None
        if (
            previous is not None
            and isinstance(node, _DEFINITIONS)
            and isinstance(previous, _DEFINITIONS)
            and node.col_offset == 0
            and previous.end_lineno is not None
            and _gap_is(lines, previous.end_lineno, _start(node), 2)
        ):
            cuts.append((_start(node), 2, False))
        if isinstance(node, ast.ClassDef) and node.col_offset == 0 and _ends_at_cut(body, index, lines):
            for member_index in range(1, len(node.body)):
                method, before = node.body[member_index], node.body[member_index - 1]
                if (
                    isinstance(method, _FUNCTIONS)
                    and isinstance(before, _FUNCTIONS)
                    and method.col_offset == 4
                    and before.end_lineno is not None
                    and _gap_is(lines, before.end_lineno, _start(method), 1)
                ):
                    cuts.append((_start(method), 1, True))
    return _cut(lines, cuts)


def _ends_at_cut(body: list[ast.stmt], index: int, lines: list[str]) -> bool:
    """The class ``body[index]`` is the last statement, or the next one starts a top-level block: its last method
    block then holds nothing after the class."""
    node = body[index]
    if node.end_lineno is None:
        return False
    if index + 1 == len(body):
        return all(line == "\n" for line in lines[node.end_lineno :])
    following = body[index + 1]
    return isinstance(following, _DEFINITIONS) and _gap_is(lines, node.end_lineno, _start(following), 2)


def _cut(lines: list[str], cuts: list[tuple[int, int, bool]]) -> list[tuple[str, Block]]:
    out: list[tuple[str, Block]] = []
    start, gap, member = 1, 0, False
    for line, blank, is_member in sorted(cuts):
        out.append(("\n" * gap, Block("".join(lines[start - 1 : line - 1 - blank]), member)))
        start, gap, member = line, blank, is_member
    out.append(("\n" * gap, Block("".join(lines[start - 1 :]), member)))
    return out


def join_blocks(gaps: list[str], formatted: list[str]) -> str:
    """The file from its gaps and its blocks as black formatted them."""
    return "".join(gap + block for gap, block in zip(gaps, formatted, strict=True))
