"""Models whose patterns pydantic's default regex engine refuses get Python's ``re`` (``regex_engine``).

pydantic compiles a string ``pattern`` with Rust's regex crate unless the model's config says ``python-re``.
datamodel-code-generator chooses ``python-re`` from the pattern's text (a lookaround, syntax Rust rejects), which
cannot see a pattern Rust reads but will not build: Unicode ``\\w`` repeated up to 255 times is past Rust's 10 MB
compiled-size limit (APIs-guru's amazonaws.com elastictranscoder 2012-09-25: ``BucketName`` ``^(\\w|\\.|-){1,255}$``),
and the models module failed at import. Each pattern is therefore compiled once here, by pydantic-core itself, and
a class holding one it refuses is given ``regex_engine="python-re"``: the engine the generator already checks
every pattern with (``scraper.schema_patterns``), as the models' other patterns are.
"""

from __future__ import annotations

import ast
from functools import lru_cache

from scraper.clients import syntax_nodes

__all__ = ["python_re_where_rust_refuses", "rust_refuses"]

_ENGINE = 'regex_engine="python-re"'


@lru_cache(maxsize=4096)
def rust_refuses(pattern: str) -> bool:
    """Whether pydantic's default (Rust) engine fails to build ``pattern`` (syntax, size limit ...)."""
    from pydantic_core import SchemaError, SchemaValidator, core_schema

    try:
        SchemaValidator(core_schema.str_schema(pattern=pattern))
    except SchemaError:
        return True
    return False


def _patterns(node: ast.AST) -> list[str]:
    return [
        keyword.value.value
        for call in syntax_nodes.walk(node)
        if isinstance(call, ast.Call)
        for keyword in call.keywords
        if keyword.arg == "pattern" and isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str)
    ]


def _config(cls: ast.ClassDef) -> ast.Call | None:
    for stmt in cls.body:
        if not (isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call)):
            continue
        if any(isinstance(target, ast.Name) and target.id == "model_config" for target in stmt.targets):
            return stmt.value
    return None


def python_re_where_rust_refuses(source: str, tree: ast.Module) -> str:
    """``source`` (a models module, parsed as ``tree``) with ``regex_engine="python-re"`` in the config of every
    class holding a pattern Rust's engine refuses (a config added where the class has none, ``ConfigDict``
    imported where it is not); unchanged when there is none."""
    lines = source.split("\n")
    inserts: list[tuple[int, int, str]] = []  # (line index, column, text), applied from the last
    for cls in (node for node in tree.body if isinstance(node, ast.ClassDef)):
        if not any(rust_refuses(p) for p in _patterns(cls)):
            continue
        config = _config(cls)
        if config is None:
            first = cls.body[0]
            inserts.append((first.lineno - 1, 0, f"    model_config = ConfigDict({_ENGINE})\n"))
        elif not any(keyword.arg == "regex_engine" for keyword in config.keywords):
            row, col = config.func.end_lineno or config.lineno, config.func.end_col_offset or 0
            inserts.append((row - 1, col + 1, f"{_ENGINE}, "))  # after the call's "("
    if not inserts:
        return source
    for row, col, text in sorted(inserts, reverse=True):
        lines[row] = lines[row][:col] + text + lines[row][col:]
    source = "\n".join(lines)
    return source if _imports_config_dict(tree) else _with_config_dict_import(source, tree)


def _imports_config_dict(tree: ast.Module) -> bool:
    return any(
        isinstance(node, ast.ImportFrom) and node.module == "pydantic" and "ConfigDict" in {a.name for a in node.names}
        for node in tree.body
    )


def _with_config_dict_import(source: str, tree: ast.Module) -> str:
    """``source`` importing ``ConfigDict`` from pydantic too (its ``from pydantic import`` rewritten, names sorted)."""
    found = next((n for n in tree.body if isinstance(n, ast.ImportFrom) and n.module == "pydantic"), None)
    lines = source.split("\n")
    if found is None or found.end_lineno is None:
        return source.replace("\nfrom ", "\nfrom pydantic import ConfigDict\nfrom ", 1)
    names = sorted({*(a.name if a.asname is None else f"{a.name} as {a.asname}" for a in found.names), "ConfigDict"})
    lines[found.lineno - 1 : found.end_lineno] = [f"from pydantic import {', '.join(names)}"]
    return "\n".join(lines)
