"""Black's layout for the few expression shapes the client template emits (calls, literals, signatures).

Black formats a file that is already in its style in one pass; anything else costs it a second pass (it formats
twice to settle trailing commas), and black is most of a package's generation time. So the templates lay out their
long lines the way black would: a line that fits in 120 columns stays whole; a call splits after its opening
bracket with its arguments on one line, or one per line with a trailing comma when they do not fit; a dict or list
literal that does not fit puts one item per line; a ``def`` splits its parameters the same way.

This is an optimisation, not a replacement: black still formats every generated file, so a shape this module gets
wrong costs time, never correctness. The tests compare these layouts with black's on many inputs.

Templates write code flat, one logical line per line, and pass it through the ``shaped`` filter
(:func:`shape_block`): each line that does not fit is parsed (``ast``) into nodes and laid out; Python never builds the
code text itself. Measured on ``docs2client generate`` of spec/scp/virtualserver (4 versions): without this module
and ``models._black_shape``, black's second passes cost 56-70% more CPU (whole spec tree: 55-69%); output is
identical either way.

Nodes render with :meth:`Node.render` ``(indent, prefix, suffix)``: ``prefix`` and ``suffix`` are the text on the
same line before and after the node (``name=`` and ``,`` for a keyword argument), which count against the width.
"""

from __future__ import annotations

import ast
import functools
import io
import itertools
import re
import tokenize
from collections.abc import Sequence
from dataclasses import dataclass

from scraper.clients.formatting import BLACK_LINE_LENGTH

__all__ = ["LINE_LENGTH", "Call", "Items", "Node", "Raw", "fits", "shape_block", "shape_line", "signature", "statement"]

#: The generator's black line length: a layout is only black's if it measures with the same width.
LINE_LENGTH = BLACK_LINE_LENGTH


def _fits(indent: int, text: str) -> bool:
    return "\n" not in text and indent + len(text) <= LINE_LENGTH


class Node:
    """An expression that black may split."""

    def flat(self) -> str:
        raise NotImplementedError

    def render(self, indent: int, prefix: str = "", suffix: str = "") -> str:
        raise NotImplementedError


@dataclass(frozen=True, slots=True)
class Raw(Node):
    """Text black never splits (a name, a string, a number, an expression that fits anyway)."""

    text: str

    def flat(self) -> str:
        return self.text

    def render(self, indent: int, prefix: str = "", suffix: str = "") -> str:
        return prefix + self.text + suffix


@dataclass(frozen=True, slots=True)
class Items(Node):
    """A dict, list or tuple display: ``opening`` + items + ``closing``; items are (``key: `` prefix, value)."""

    opening: str
    items: Sequence[tuple[str, Node]]
    closing: str

    def flat(self) -> str:
        return self.opening + ", ".join(key + value.flat() for key, value in self.items) + self.closing

    def render(self, indent: int, prefix: str = "", suffix: str = "") -> str:
        flat = prefix + self.flat() + suffix
        if _fits(indent, flat) or not self.items:
            return flat
        pad = " " * (indent + 4)
        lines = [prefix + self.opening]
        lines += [pad + value.render(indent + 4, key, ",") for key, value in self.items]
        lines.append(" " * indent + self.closing + suffix)
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Call(Node):
    """``head(arguments)``; each argument is (``name=`` prefix or ``""``, value)."""

    head: str
    arguments: Sequence[tuple[str, Node]]

    def flat(self) -> str:
        return self.head + "(" + ", ".join(name + value.flat() for name, value in self.arguments) + ")"

    def render(self, indent: int, prefix: str = "", suffix: str = "") -> str:
        flat = prefix + self.flat() + suffix
        if _fits(indent, flat) or not self.arguments:
            return flat
        return _split(indent, prefix + self.head + "(", ")" + suffix, self.arguments)


def _split(indent: int, opening: str, closing: str, parts: Sequence[tuple[str, Node]]) -> str:
    """``opening`` / the parts on one line / ``closing``; or one part per line with a trailing comma (a single part
    that does not fit splits itself instead, with no comma added)."""
    pad = " " * (indent + 4)
    body = ", ".join(name + value.flat() for name, value in parts)
    if _fits(indent + 4, body):
        return "\n".join([opening, pad + body, " " * indent + closing])
    if len(parts) == 1:
        name, value = parts[0]
        return "\n".join([opening, pad + value.render(indent + 4, name, ""), " " * indent + closing])
    lines = [opening] + [pad + value.render(indent + 4, name, ",") for name, value in parts]
    return "\n".join([*lines, " " * indent + closing])


def signature(indent: int, head: str, parameters: Sequence[str], returns: str) -> str:
    """``{head}(parameters) -> returns:`` as black splits a ``def``: whole; else the parameters on their own line;
    else one per line with a trailing comma."""
    flat = f"{head}({', '.join(parameters)}) -> {returns}:"
    if _fits(indent, flat) or not parameters:
        return flat
    tail = f") -> {returns}:"
    pad = " " * (indent + 4)
    body = ", ".join(parameters)
    if _fits(indent + 4, body):
        return "\n".join([f"{head}(", pad + body, " " * indent + tail])
    return "\n".join([f"{head}(", *(_parameter(indent + 4, p) for p in parameters), " " * indent + tail])


def _parameter(indent: int, parameter: str) -> str:
    """One parameter line of an exploded ``def``; a union annotation too long for it is parenthesized and split
    before each top-level ``|``, as black does."""
    pad = " " * indent
    if _fits(indent, parameter + ","):
        return pad + parameter + ","
    name, colon, rest = parameter.partition(": ")
    annotation, equals, default = rest.partition(" = ")
    members = _top_level_union(annotation)
    if not colon or len(members) < 2:
        return pad + parameter + ","
    inner = " " * (indent + 4)
    lines = [f"{pad}{name}: ("] + [inner + ("| " if i else "") + m for i, m in enumerate(members)]
    return "\n".join([*lines, pad + ")" + (f" = {default}" if equals else "") + ","])


def _top_level_union(annotation: str) -> list[str]:
    """``A | B[C | D] | None`` -> ``["A", "B[C | D]", "None"]``: splits at ``|`` outside brackets and strings (by
    tokens, so a ``|`` or bracket inside a quoted enum value is text); no split when it does not tokenize."""
    try:
        cuts, _ = _cuts(annotation, "|", 0)
    except (tokenize.TokenError, SyntaxError):
        return [annotation]
    bounds = [0, *cuts, len(annotation)]
    return [annotation[a + (1 if i else 0) : b].strip() for i, (a, b) in enumerate(itertools.pairwise(bounds))]


def _cuts(text: str, separator: str, level: int) -> tuple[list[int], int]:
    """Offsets of the ``separator`` tokens at bracket depth ``level`` in one line of code (by tokens, so nothing
    inside a string counts), and with ``level`` > 0 the offset where the first bracket closes (-1: it never does)."""
    cuts: list[int] = []
    depth = 0
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type != tokenize.OP or tok.start[0] != 1:
            continue
        if tok.string in "([{":
            depth += 1
        elif tok.string in ")]}":
            depth -= 1
            if depth == 0 and level > 0:
                return cuts, tok.start[1]
        elif tok.string == separator and depth == level:
            cuts.append(tok.start[1])
    return cuts, -1


def statement(indent: int, lead: str, node: Node) -> str:
    """A simple statement ``lead`` + ``node`` (``return ``, ``x = ``): as :meth:`Node.render`, except that an
    unsplittable right-hand side that does not fit goes in parentheses on its own line when it fits there."""
    text = node.render(indent, lead, "")
    if isinstance(node, Raw) and not _fits(indent, text) and lead and _fits(indent + 4, node.text):
        return "\n".join([lead + "(", " " * (indent + 4) + node.text, " " * indent + ")"])
    return text


# ------------------------------------------------------------------------------------------------ lines of templates


def fits(text: str, indent: int = 0) -> bool:
    """Whether ``text`` stays on one line at ``indent`` (a Jinja test for the templates' own choices)."""
    return _fits(indent, text)


def shape_block(text: str) -> str:
    """Every line of ``text`` (code a template wrote flat, one logical line per line) laid out as black would: the
    ``shaped`` filter. Lines that fit, and lines this module does not know, are left as they are."""
    lines = text.split("\n")
    return "\n".join(shape_line(len(line) - len(line.lstrip(" ")), line.lstrip(" ")) for line in lines)


@functools.lru_cache(maxsize=8192)  # API versions of a service repeat most lines: parse each once
def shape_line(indent: int, text: str) -> str:
    """One flat line at ``indent`` (a simple statement, a decorator, a ``def`` header or a ``name=value,`` argument)
    as black lays it out, indentation included. Code only: templates never pass a line of doc text."""
    pad = " " * indent
    if _fits(indent, text) or not text:
        return pad + text
    try:
        shaped = _shape(indent, text)
    except (SyntaxError, ValueError, tokenize.TokenError):
        shaped = None
    return pad + (text if shaped is None else shaped)


_DEF = re.compile(r"(?:async )?def \w+\(")


def _shape(indent: int, text: str) -> str | None:
    if _DEF.match(text) and text.endswith(":"):
        return _def_header(indent, text)
    if text.startswith("@"):
        node, _ = _only_expression(text[1:])
        return node.render(indent, "@")
    if text.endswith(","):  # one argument of a call the template keeps exploded
        call = ast.parse("_(" + text[:-1] + ")", mode="eval").body
        source = "_(" + text[:-1] + ")"
        assert isinstance(call, ast.Call)
        arguments = _arguments(source.encode("utf-8"), call)
        if len(arguments) != 1:
            return None
        prefix, argument = arguments[0]
        return argument.render(indent, prefix, ",")
    tree = ast.parse(text)
    if len(tree.body) != 1:
        return None
    stmt = tree.body[0]
    value = stmt.value if isinstance(stmt, ast.Assign | ast.AnnAssign | ast.Return | ast.Expr) else None
    if isinstance(value, ast.Await):
        value = value.value
    if isinstance(value, ast.Tuple) and value.elts and _segment_start(text, value) != "(":
        value = value.elts[-1]  # ``return a, f(...)``: black splits the last bracket
    if value is None or _byte_end(value) != len(text.encode("utf-8")):
        return None
    lead = text.encode("utf-8")[: value.col_offset].decode("utf-8")
    return statement(indent, lead, _node(text.encode("utf-8"), value))


def _segment_start(text: str, node: ast.expr) -> str:
    return text.encode("utf-8")[node.col_offset : node.col_offset + 1].decode("utf-8", "replace")


def _byte_end(node: ast.expr) -> int:
    return node.end_col_offset if node.end_col_offset is not None and node.end_lineno == 1 else -1


def _only_expression(text: str) -> tuple[Node, str]:
    expression = ast.parse(text, mode="eval").body
    return _node(text.encode("utf-8"), expression), text


def _segment(source: bytes, node: ast.expr) -> str:
    """The text of ``node`` in one line of code (``ast`` offsets count UTF-8 bytes)."""
    if node.lineno != 1 or node.end_lineno != 1 or node.end_col_offset is None:
        raise ValueError("not a one-line expression")
    return source[node.col_offset : node.end_col_offset].decode("utf-8")


def _node(source: bytes, node: ast.expr) -> Node:
    """The layout node of an expression of ``source`` (one line): calls, dicts and lists split; the rest is text."""
    if isinstance(node, ast.Call):
        return Call(_segment(source, node.func), _arguments(source, node))
    if isinstance(node, ast.Dict):
        entries = [
            (("**" if key is None else _segment(source, key) + ": "), _node(source, value))
            for key, value in zip(node.keys, node.values, strict=True)
        ]
        return Items("{", entries, "}")
    if isinstance(node, ast.List):
        return Items("[", [("", _node(source, item)) for item in node.elts], "]")
    return Raw(_segment(source, node))


def _arguments(source: bytes, call: ast.Call) -> list[tuple[str, Node]]:
    """(``name=``, ``*``, ``**`` or ``""``, value) of each argument, in source order."""
    parts: list[tuple[tuple[int, int], str, ast.expr]] = []
    for argument in call.args:
        if isinstance(argument, ast.Starred):
            parts.append(((argument.lineno, argument.col_offset), "*", argument.value))
        else:
            parts.append(((argument.lineno, argument.col_offset), "", argument))
    for keyword in call.keywords:
        prefix = "**" if keyword.arg is None else keyword.arg + "="
        parts.append(((keyword.lineno, keyword.col_offset), prefix, keyword.value))
    return [(prefix, _node(source, value)) for _, prefix, value in sorted(parts, key=lambda part: part[0])]


def _def_header(indent: int, text: str) -> str | None:
    """``[async ]def name(parameters) -> returns:`` split as black splits it (see :func:`signature`)."""
    opening = text.index("(")
    cuts, closing = _cuts(text[opening:], ",", 1)
    cuts, closing = [opening + cut for cut in cuts], opening + closing if closing >= 0 else -1
    tail = text[closing + 1 :] if closing > 0 else ""
    if not (tail.startswith(" -> ") and tail.endswith(":")):
        return None
    bounds = [opening, *cuts, closing]
    parameters = [text[a + 1 : b].strip() for a, b in itertools.pairwise(bounds)]
    parameters = [p for p in parameters if p]
    return signature(indent, text[:opening], parameters, tail[len(" -> ") : -1])
