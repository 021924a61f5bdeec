"""A list or map default of an optional field, written with its type so that mypy reads it as the field's.

datamodel-code-generator writes ``response_types: list[Literal["code"]] | None = Field(["code"], ...)``. mypy infers
``Field``'s argument from the assignment's type only when that is not a union: beside ``None`` it infers the display
alone, ``list[str]`` (``[[1]]``: ``list[list[int]]``), which an invariant ``list`` of the field's items refuses, so
mypy --strict failed the models (Polar's ``OAuth2Client.response_types``). The default becomes
``Field(list[Literal["code"]](["code"]), ...)``: the same list at run time, typed as the field is. Only where the
type names builtins and ``Literal``: a class in it may be defined further down the module, and a default, unlike an
annotation, is evaluated when the class is built.
"""

from __future__ import annotations

import ast

from scraper.clients.annotation_names import annotation_names
from scraper.clients.union_members import union_members

__all__ = ["typed_container_defaults"]

#: Names a default's type may use: evaluated where the class is built, they must exist before any model does.
_BUILT_IN = frozenset({"list", "dict", "Literal", "str", "int", "float", "bool", "Any"})
#: The display a container default is written as, by the generic it must be typed as.
_DISPLAYS: dict[type[ast.expr], str] = {ast.List: "list[", ast.Dict: "dict["}


def typed_container_defaults(source: str, tree: ast.Module) -> str:
    """``source`` (parsed as ``tree``) with each optional field's ``Field([...])``/``Field({...})`` default called
    through the field's one list or dict type (:mod:`scraper.clients.container_defaults`)."""
    edits: list[tuple[int, int, str]] = []  # (1-based row, UTF-8 column, text inserted)
    for node in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        for stmt in node.body:
            if not (isinstance(stmt, ast.AnnAssign) and isinstance(stmt.value, ast.Call) and stmt.value.args):
                continue
            default = stmt.value.args[0]
            prefix = _DISPLAYS.get(type(default))
            parts = union_members(ast.unparse(stmt.annotation))
            if prefix is None or "None" not in parts:
                continue  # without None mypy infers the default from the field's type itself
            typed = [p for p in parts if p.startswith(prefix)]
            if len(typed) != 1 or not annotation_names(typed[0]) <= _BUILT_IN:
                continue
            edits.append((default.lineno, default.col_offset, f"{typed[0]}("))
            edits.append((default.end_lineno or default.lineno, default.end_col_offset or 0, ")"))
    if not edits:
        return source
    lines = source.split("\n")
    for row, column, text in sorted(edits, reverse=True):
        raw = lines[row - 1].encode("utf-8")  # ast counts columns in UTF-8 bytes
        lines[row - 1] = (raw[:column] + text.encode("utf-8") + raw[column:]).decode("utf-8")
    return "\n".join(lines)
