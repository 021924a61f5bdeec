"""Element rows of two indexes of one list that document two shapes of its items.

Guides write a list's fields after an index (``vmList[0].lbIp``); most write ``[0]`` only, and the index says
nothing. Security Monitoring (ja v1.1, POST /vm) writes ``vmList[0].lbIp``, ``vmList[0].vm``, ... for a load
balancer and ``vmList[1].vmId``, ``vmList[1].vmName``, ... for a lone VM, and says under the table to send one or
the other: with the indexes dropped, the two shapes merged into one item requiring every field, which the guide's own
example failed. Here the rows' paths get a segment per shape (``vmList.[0].lbIp``, ``vmList.[1].vmId``) when a
list's indexes document different fields; :class:`~scraper.dialects.nhn_schema.FieldTree` makes such a list's items
one of the shapes. Rows of the list written without an index belong to every shape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["SHAPE_SEGMENT", "ShapedRows", "shape_paths"]

#: The path segment that stands for one shape of a list's items (``[0]``): no documented name reads as it, since
#: the field-table reader takes array marks out of names.
SHAPE_SEGMENT = re.compile(r"\[(\d+)\]")


@dataclass(frozen=True, slots=True)
class ShapedRows:
    """Each row's paths (one, or one per shape for a row every shape shares) and whether it is still an element
    row, plus each list of several shapes: (path, first row's index in the rows, the indexes' field names)."""

    paths: list[list[tuple[str, bool]]]
    lists: list[tuple[str, int, dict[int, list[str]]]]


def _aligned(segments: list[str], indexes: tuple[int | None, ...]) -> list[int | None]:
    """``indexes`` aligned with the end of ``segments`` (a parent put before the row's name has none)."""
    tail = list(indexes[-len(segments) :]) if segments else []
    return [None] * (len(segments) - len(tail)) + tail


def shape_paths(rows: list[tuple[str, tuple[int | None, ...], bool]]) -> ShapedRows | None:
    """The rows' paths with a shape segment after every list whose indexes document different fields, or None when
    no list does. ``rows`` are (dotted path, :attr:`~scraper.dialects.field_tables.FieldRow.indexes`, element)."""
    fields: dict[str, dict[int, list[str]]] = {}
    first: dict[str, int] = {}
    split = [path.split(".") for path, _, _ in rows]
    aligned = [_aligned(segments, indexes) for segments, (_, indexes, _) in zip(split, rows, strict=True)]
    for number, (segments, marks) in enumerate(zip(split, aligned, strict=True)):
        for position, index in enumerate(marks):
            if index is None:
                continue
            array = ".".join(segments[: position + 1])
            first.setdefault(array, number)
            names = fields.setdefault(array, {}).setdefault(index, [])
            if position + 1 < len(segments) and segments[position + 1] not in names:
                names.append(segments[position + 1])
    shaped = {
        array: by_index
        for array, by_index in fields.items()
        if len([names for names in by_index.values() if names]) >= 2
        and len({frozenset(names) for names in by_index.values() if names}) >= 2
    }
    if not shaped:
        return None
    paths: list[list[tuple[str, bool]]] = []
    for (_, _, element), segments, marks in zip(rows, split, aligned, strict=True):
        variants: list[tuple[list[str], bool]] = [([], element)]
        for position, segment in enumerate(segments):
            variants = [([*out, segment], still) for out, still in variants]
            array = ".".join(segments[: position + 1])
            if array not in shaped:
                continue
            last = position + 1 == len(segments)
            if marks[position] is not None:
                # ``vmList[1] | Object`` is the shape's own row, no longer a row of the list's elements
                variants = [([*out, f"[{marks[position]}]"], still and not last) for out, still in variants]
            elif not last:
                indexes = [i for i, names in shaped[array].items() if names]
                variants = [([*out, f"[{i}]"], still) for out, still in variants for i in indexes]
        paths.append([(".".join(out), still) for out, still in variants])
    return ShapedRows(paths, [(array, first[array], shaped[array]) for array in shaped])
