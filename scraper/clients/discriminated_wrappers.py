"""A discriminated union inside a list or a map holds its members, not the generator's wrapper models.

datamodel-code-generator writes an inline ``oneOf``/``anyOf`` with a ``discriminator`` as the field's own type when
it is the field (``latest: A | B = Field(..., discriminator="type")``), but as an array's item (and anywhere deeper:
a list of lists, a map of lists, a member beside ``null``) it writes a root model class of its own and refers to
that (``class Messages(RootModel[A | B]): root: A | B = Field(..., discriminator="type")``, ``messages:
list[Messages]``): the user reading ``inbox.messages[0].text`` found a wrapper, its member one ``.root`` further, and
the wrapper's name is the generator's, numbered when taken (Mistral's ``ModelList.data: list[Data1]``). Letta,
ElevenLabs, OpenAI and Mistral hold 16 to 21 such fields each; Mistral's ``ChatModerationRequest.input`` is a list of
lists, Polar's ``CheckoutProductsCreate.prices`` a map of lists.

Each reference to such a wrapper (a class the generator named, not a component or a hoisted schema, whose one
statement is a required ``root`` with a ``discriminator``) in a field's annotation or a root model's base becomes
the union itself with its discriminator, ``list[Annotated[A | B, Field(discriminator="type")]]``, as pydantic
documents discriminated unions in containers: the same validation (the tag picks the member), and the list holds
the members. The wrapper classes stay defined (a public name a user may import; removing one is a major release),
unused. A component that is a discriminated union (``$ref: Pet``) stays the class it is, wherever it is referred to.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from scraper.clients.refs import component_name

__all__ = ["union_components", "unwrapped_discriminated_items"]


@dataclass(frozen=True)
class _Wrapper:
    """What stands for one wrapper class: in an annotation, and in a class base (evaluated at class creation, so
    written as the wrapper's own base writes the union, forward references quoted as the generator quoted them)."""

    annotation: str
    base: str


def unwrapped_discriminated_items(source: str, tree: ast.Module, components: Collection[str]) -> str:
    """``source`` (parsed as ``tree``) with every reference to a generator's discriminated-union wrapper replaced by
    the annotated union (module docstring), ``Annotated`` imported; unchanged when it has none. ``components``:
    the class names the generator was given (components and hoisted schemas), never wrappers of its own naming."""
    wrappers = dict(_wrappers(source, tree, components))
    if not wrappers:
        return source
    edits: list[tuple[int, int, int, str]] = []  # (1-based row, UTF-8 start, end, text)
    for node in (n for n in tree.body if isinstance(n, ast.ClassDef) and n.name not in wrappers):
        for base in node.bases:
            edits += _references(base, wrappers, in_base=True)
        for stmt in node.body:
            if isinstance(stmt, ast.AnnAssign):
                edits += _references(stmt.annotation, wrappers, in_base=False)
    if not edits:
        return source
    lines = source.split("\n")
    for row, start, end, text in sorted(edits, reverse=True):
        raw = lines[row - 1].encode("utf-8")
        lines[row - 1] = (raw[:start] + text.encode("utf-8") + raw[end:]).decode("utf-8")
    return _annotated_imported("\n".join(lines), tree)


def _wrappers(source: str, tree: ast.Module, components: Collection[str]) -> Iterator[tuple[str, _Wrapper]]:
    """Each wrapper class the generator named, with the text that replaces a reference to it."""
    for node in tree.body:
        if not isinstance(node, ast.ClassDef) or node.name in components or len(node.bases) != 1:
            continue
        base = node.bases[0]
        if not (isinstance(base, ast.Subscript) and isinstance(base.value, ast.Name) and base.value.id == "RootModel"):
            continue
        statements = [s for s in node.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
        if len(statements) != 1:
            continue
        [stmt] = statements
        call = stmt.value if isinstance(stmt, ast.AnnAssign) else None
        if not (
            isinstance(stmt, ast.AnnAssign)
            and isinstance(stmt.target, ast.Name)
            and stmt.target.id == "root"
            and isinstance(call, ast.Call)
            and len(call.args) == 1
            and isinstance(call.args[0], ast.Constant)
            and call.args[0].value is Ellipsis  # required: a wrapper with a default is no plain union
            and any(k.arg == "discriminator" for k in call.keywords)
            and all(k.arg is not None for k in call.keywords)
        ):
            continue
        parts = [ast.get_source_segment(source, part) for part in (stmt.annotation, base.slice, call.func)]
        keywords = [ast.get_source_segment(source, k) for k in call.keywords]
        if any(p is None for p in [*parts, *keywords]):
            continue
        annotation, union, field = (str(p) for p in parts)
        marker = f"{field}({', '.join(str(k) for k in keywords)})"
        yield node.name, _Wrapper(f"Annotated[{annotation}, {marker}]", f"Annotated[{union}, {marker}]")


def _references(expr: ast.expr, wrappers: dict[str, _Wrapper], *, in_base: bool) -> Iterator[tuple[int, int, int, str]]:
    """The edits replacing each wrapper named in ``expr`` (names on one line; a string is never a reference)."""
    for sub in ast.walk(expr):
        if isinstance(sub, ast.Name) and sub.id in wrappers and sub.end_col_offset is not None:
            wrapper = wrappers[sub.id]
            yield sub.lineno, sub.col_offset, sub.end_col_offset, wrapper.base if in_base else wrapper.annotation


def _docstring(node: ast.stmt) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)


def _annotated_imported(source: str, tree: ast.Module) -> str:
    """``source`` importing ``typing.Annotated`` (a line after the future import; the models' import sorting joins
    it to the module's other ``typing`` names)."""
    if any(
        isinstance(node, ast.ImportFrom) and node.module == "typing" and alias.name == "Annotated" and not alias.asname
        for node in tree.body
        for alias in (node.names if isinstance(node, ast.ImportFrom) else [])
    ):
        return source
    lines = source.split("\n")
    future = [n for n in tree.body[:2] if isinstance(n, ast.ImportFrom) and n.module == "__future__"]
    leading = [n for n in tree.body[:2] if _docstring(n)] + future
    at = (leading[-1].end_lineno or 0) if leading else 0
    return "\n".join([*lines[:at], "from typing import Annotated", *lines[at:]])


def union_components(schemas: Mapping[str, Any]) -> list[str]:
    """The components that are a discriminated union and that another schema refers to, in order: the places where
    a user still meets a root model (the member is its ``.root``), which the package README names."""
    referred: set[str] = set()
    stack: list[Any] = list(schemas.values())
    while stack:
        node = stack.pop()
        if isinstance(node, Mapping):
            ref = node.get("$ref")
            name = component_name(ref) if isinstance(ref, str) else None
            if name is not None:
                referred.add(name)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return [
        name
        for name, schema in schemas.items()
        if name in referred
        and isinstance(schema, Mapping)
        and isinstance(schema.get("discriminator"), Mapping)
        and any(isinstance(schema.get(key), list) and schema[key] for key in ("oneOf", "anyOf"))
        and not ({"properties", "allOf"} & set(schema))
    ]
