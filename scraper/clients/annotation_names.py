"""The names a rendered type annotation uses, read as Python reads it.

The client module imports from ``typing`` what its annotations name (``Any``, ``Literal``, ``IO``). An annotation
holds a spec's enum values as string literals (``Literal["All", "Any", "Public"]``), so a search for the word
``Any`` in its text finds documentation values too and imports a name nothing uses (ruff's F401). Parsing the
annotation keeps a literal's text out of the names.
"""

from __future__ import annotations

import ast
import functools
import re

_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_STRING = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'")


@functools.lru_cache(maxsize=4096)
def annotation_names(annotation: str) -> frozenset[str]:
    """Every bare name the annotation refers to (``_models.Pet | None`` -> ``{_models, None}`` as names go:
    ``None`` is a constant, so ``{_models}``); its string literals name nothing."""
    try:
        tree = ast.parse(annotation, mode="eval")
    except SyntaxError:  # not an expression (never rendered so): the words outside its quoted strings
        return frozenset(_WORD.findall(_STRING.sub(" ", annotation)))
    return frozenset(node.id for node in ast.walk(tree) if isinstance(node, ast.Name))
