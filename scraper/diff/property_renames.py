"""Properties one object lost and gained that are most likely one property renamed (``userId`` -> ``userIp``).

Docs are edited by hand: a field's spelling gets fixed (``elaspedTime`` -> ``elapsedTime``), its case changes
(``user_id`` -> ``userId``), a letter is corrected. Read as "property removed" plus "property added", the diff
gives a reviewer two unrelated lines for one edit, and hides that the old spelling is what clients send today.
A pair is taken as a rename only when all of this holds, else both stay removed and added:

- the two names are spelt alike: equal but for case, ``_`` and ``-``; or one edit apart (a letter changed, dropped,
  added, or two swapped; :func:`scraper.type_vocabulary.edit_distance`), both five letters or more (``id``/``ip``,
  ``name``/``same`` are other words), or two edits apart when both are nine letters or more; never a plural of the
  other (``imageId``/``imageIds`` is a list and its item);
- the caller finds their schemas the same (no change between them on this side of the wire);
- each is the other's only such candidate in the object (two lookalikes: no pairing).

The rule it feeds (``property-renamed``) is as breaking as the removal it replaces: code using the old name breaks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from scraper.type_vocabulary import edit_distance

__all__ = ["likely_renames", "spelt_alike"]

#: Names shorter than this are too short to tell a misspelling from another word.
_SHORTEST = 5
#: Names at least this long may be two edits apart (``availabilityZone``/``availablityZone`` and a case change).
_TWO_EDITS = 9


def _folded(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


def _plural_of(one: str, other: str) -> bool:
    short, long = sorted((one.lower(), other.lower()), key=len)
    return long in (short + "s", short + "es")


def spelt_alike(old: str, new: str) -> bool:
    """Whether ``new`` is ``old`` respelt (see the module docstring), not another word."""
    if old == new or _plural_of(old, new):
        return False
    a, b = _folded(old), _folded(new)
    if a == b:
        return bool(a)
    shortest = min(len(a), len(b))
    if shortest < _SHORTEST:
        return False
    limit = 2 if shortest >= _TWO_EDITS else 1
    return abs(len(a) - len(b)) <= limit and edit_distance(a, b) <= limit


def likely_renames(
    removed: Iterable[str], added: Iterable[str], same_schema: Callable[[str, str], bool]
) -> dict[str, str]:
    """``{old name: new name}`` for the removed and added properties of one object that pair one to one (spelt
    alike, ``same_schema(old, new)``, and no second candidate on either side); the rest are left out."""
    removed, added = sorted(set(removed)), sorted(set(added))
    candidates = {old: [new for new in added if spelt_alike(old, new)] for old in removed}
    claimed: dict[str, list[str]] = {}
    for old, news in candidates.items():
        for new in news:
            claimed.setdefault(new, []).append(old)
    pairs: dict[str, str] = {}
    for old, news in candidates.items():
        if len(news) == 1 and len(claimed[news[0]]) == 1 and same_schema(old, news[0]):
            pairs[old] = news[0]
    return pairs
