"""Method names whose operationIds end with the API version (``CreateDistribution2018_11_05`` in a document whose
``info.version`` is ``2018-11-05``: botocore names CloudFront's operations so, and the APIs-guru conversions keep
it). The version is already the module the method lives in (``v2018_11_05``), so every method repeating it read
``client.create_distribution2018_11_05(...)``; the method is ``create_distribution``, unless another operation has
that name. The suffix is matched as the version's letters and digits in order, with or without separators (``_``)
and a ``v`` before it; a version of one short part (``1``, ``v2``) is not matched, as ``get_item1`` or ``list_v2``
more likely name something else."""

from __future__ import annotations

import re

#: A version needs this many letters and digits, or two parts (``1.0``), to be looked for at a name's end.
_MIN_CHARS = 4


def _suffix(version: str) -> re.Pattern[str] | None:
    parts = re.findall(r"[a-z0-9]+", version.lower())
    if parts and re.fullmatch(r"v\d.*", parts[0]):
        parts[0] = parts[0][1:]
    if not parts or not any(c.isdigit() for c in "".join(parts)):
        return None
    if len(parts) < 2 and len(parts[0]) < _MIN_CHARS:
        return None
    return re.compile(r"^(?P<stem>(?:[a-z_][a-z0-9_]*?)?[a-z])_?(?:v_?)?" + "_?".join(map(re.escape, parts)) + r"$")


def drop_version_suffix(names: list[str], from_ids: list[bool], version: str) -> tuple[list[str], list[int]]:
    """``names`` (snake_case method names; ``from_ids``: which came from an operationId) with the API ``version``
    taken off the end of each operationId's name that ends with it, where the shorter name is no other method's;
    and the indexes of the names changed."""
    pattern = _suffix(version)
    if pattern is None:
        return names, []
    stems = [
        match.group("stem").rstrip("_") if own and (match := pattern.match(name)) else None
        for name, own in zip(names, from_ids, strict=True)
    ]
    kept = {name for name, stem in zip(names, stems, strict=True) if stem is None}
    counts: dict[str, int] = {}
    for stem in stems:
        if stem is not None:
            counts[stem] = counts.get(stem, 0) + 1
    out, changed = list(names), []
    for i, stem in enumerate(stems):
        if stem is not None and stem not in kept and counts[stem] == 1:
            out[i] = stem
            changed.append(i)
    return out, changed
