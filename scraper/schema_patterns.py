"""``pattern`` keywords from doc text that are not regular expressions.

A page's ``Pattern : ^(FILE|FOLDER$`` is copied into the schema verbatim. Compiled later (when an example is
checked against the schema, or by a generated client's validator), it raised ``re.error`` and stopped the whole
build. Every pattern is therefore compiled once, as it enters a built service, and one that does not compile is
dropped from the schema and reported as a ``bad-pattern`` finding with its page and line.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

__all__ = ["compiled", "pattern_problem", "without_bad_patterns"]


def compiled(pattern: str) -> re.Pattern[str] | str:
    """``pattern`` compiled, or why it does not compile (``re`` syntax, as jsonschema uses).

    Nested 5,000 groups deep it is a RecursionError (an internal error out of ``docs2client generate``, where the
    contract-test synthesiser compiled it with ``except re.error`` only); ``[[a]--b]`` compiles with a FutureWarning,
    which Python printed on the user's terminal as two lines of the tool's source: a pattern the tool only checks
    or matches its own guesses against says nothing to the user about the tool, so the warning is not shown."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            return re.compile(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
        return str(exc) or type(exc).__name__


def pattern_problem(pattern: str) -> str | None:
    """Why ``pattern`` is not a usable regular expression (``re`` syntax, as jsonschema uses), or None."""
    result = compiled(pattern)
    return result if isinstance(result, str) else None


def without_bad_patterns(schema: Any) -> tuple[Any, list[str]]:
    """``schema`` with every ``pattern`` that does not compile removed (a new object only where something was
    removed), and one message per removed pattern."""
    problems: list[str] = []

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            items = [walk(item) for item in node]
            return items if any(a is not b for a, b in zip(items, node, strict=True)) else node
        if not isinstance(node, dict):
            return node
        out = {key: walk(value) for key, value in node.items()}
        pattern = out.get("pattern")
        if isinstance(pattern, str):
            problem = pattern_problem(pattern)
            if problem is not None:
                problems.append(f"pattern {pattern!r} is not a regular expression ({problem}); dropped")
                del out["pattern"]
        changed = len(out) != len(node) or any(out[k] is not node[k] for k in out)
        return out if changed else node

    return walk(schema), problems
