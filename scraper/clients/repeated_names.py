"""Method names for operations that repeat another's name: the end of their path, not a number.

Documents written for generators that group operations by tag repeat short operationIds across resources (Deepgram:
50 operations named ``list``, ``get``, ``create``, ...), and a number (``list__6``) says nothing of what a method
lists. The first of a name, in (name, path, method) order, keeps it, as before, so adding an operation renames no
other; each repeat takes the shortest end of its path's literal segments that makes a name no operation has
(``list_keys``; ``list_projects_models`` when ``list_models`` is taken). Two operations on one path cannot be told
apart by it: the later keeps the name for ``naming.dedupe`` to number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from scraper.clients import naming

__all__ = ["path_qualified"]


def _literal_segments(path: str) -> list[str]:
    """The path's segments that hold no placeholder (``/v1/projects/{id}/keys`` -> ``v1``, ``projects``, ``keys``)."""
    return [s for s in path.split("/") if s and "{" not in s and "}" not in s]


def path_qualified(
    bases: Sequence[str], paths: Sequence[str], order: Sequence[int], cut: Callable[[str], str]
) -> list[str]:
    """The name of each operation ``order`` lists, in that order: ``bases[i]`` for the first of its name, its base
    qualified by the end of ``paths[i]`` for a repeat (see the module docstring); ``cut`` bounds a name's length."""
    taken = set(bases)  # a qualified name never takes another operation's own name
    claimed: dict[str, str] = {}  # qualified name -> the path it came from
    first: set[str] = set()
    out: list[str] = []
    for i in order:
        base, path = bases[i], paths[i]
        if base not in first:
            first.add(base)
            out.append(base)
            continue
        name = base
        segments = _literal_segments(path)
        for k in range(1, len(segments) + 1):
            words = naming.snake_case(" ".join(segments[-k:]))
            candidate = cut(f"{base.rstrip('_')}_{words}") if words else ""
            if not candidate or candidate == base:
                continue
            if claimed.get(candidate) == path:  # the same path again: only a number tells them apart
                name = candidate
                break
            if candidate not in taken:
                name = candidate
                taken.add(candidate)
                claimed[candidate] = path
                break
        out.append(name)
    return out
