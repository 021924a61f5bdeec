"""A valid-range cell listing a string field's values with slashes (``MP3/WAV``, ``KO/EN/JA/ZH``) as those values.

Text to Speech writes ``fileType | String | Optional | MP3 | MP3/WAV``: the column states what the field accepts, as
other guides do with commas on an Enum (``GET, POST, PUT``) or with quoted values on a string (``"weak",
"balanced"``). Slashes also write other things, so the cell is read only when it is wholly identifier-like words
joined by slashes and none of them: a media type (``application/json``, one value), a date pattern (``yyyy/MM/dd``),
``N/A`` or ``and/or``; and when the field has a default, the default must be one of the words (else the cell is not
the list it looks like and stays words in the description).
"""

from __future__ import annotations

import re

__all__ = ["slash_values"]

#: Words joined by slashes: ``MP3/WAV``, ``HIGH / LOW / MID``.
_SLASHED = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.+-]*(?:\s*/\s*[A-Za-z0-9][A-Za-z0-9_.+-]*)+")
#: The top-level types of media types: ``application/json`` is one value, not two.
_MEDIA_ROOTS = frozenset(("application", "text", "image", "audio", "video", "multipart", "font", "model", "message"))
#: Letters of date and time patterns (``yyyy/MM/dd``, ``HH/mm``).
_DATE_PART = re.compile(r"[yMdDHhmsSa]+")
#: Slashed words that are no values.
_NOT_VALUES = frozenset(("n/a", "and/or", "y/n/a", "none/n/a"))


def slash_values(cell: str, default: str | None = None) -> list[str]:
    """The values ``cell`` lists with slashes, in order and once each, or [] when it is no such list."""
    text = cell.strip().strip("`").strip()
    if not _SLASHED.fullmatch(text) or re.sub(r"\s+", "", text).lower() in _NOT_VALUES:
        return []
    values = [v.strip() for v in text.split("/")]
    if len(values) == 2 and values[0].lower() in _MEDIA_ROOTS:
        return []
    if all(_DATE_PART.fullmatch(v) for v in values):
        return []
    listed = list(dict.fromkeys(values))
    if default is not None and default.strip() and default.strip() not in listed:
        return []
    return listed
