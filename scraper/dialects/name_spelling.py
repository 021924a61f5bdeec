"""Near-miss field names: a table's name that misspells one key of the example (``elaspedTime``, ``elapsedTime``).

A guide's field table and its example are typed by hand, separately; when a row's name is nowhere in the example and
exactly one of the example's keys is that name with a letter or two swapped, dropped or doubled, the row documents
that key. Reading it so is a repair the caller reports; two candidates, or none close enough, are no repair.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = ["near_miss"]

#: How alike (difflib's ratio) a misspelling and the key it misspells are at least: ``elaspedTime``/``elapsedTime``
#: 0.91, ``proccesingTime``/``processingTime`` 0.93; ``length``/``lengths`` 0.92 is a plural, which callers check
#: first; ``type``/``time`` 0.5 and ``userId``/``userIds`` are not taken (too short, or a plural).
_SIMILARITY = 0.85
#: Names shorter than this are too short to tell a misspelling from another word (``id``/``ip``, ``name``/``same``).
_SHORTEST = 5


def near_miss(name: str, candidates: Iterable[str]) -> str | None:
    """The one candidate ``name`` misspells, or None: same letters but for a swap, a dropped or a doubled one (ratio
    at least 0.85, both five letters or more), not a plural or singular of it, and no second candidate as close."""
    if len(name) < _SHORTEST:
        return None
    close = [
        candidate
        for candidate in dict.fromkeys(candidates)
        if candidate != name
        and len(candidate) >= _SHORTEST
        and not _plural_of(name, candidate)
        and difflib.SequenceMatcher(None, name.lower(), candidate.lower()).ratio() >= _SIMILARITY
    ]
    return close[0] if len(close) == 1 else None


def _plural_of(one: str, other: str) -> bool:
    """True when one name is the other with ``s``/``es`` added: a list and its item, not a misspelling."""
    short, long = sorted((one.lower(), other.lower()), key=len)
    return long in (short + "s", short + "es")
