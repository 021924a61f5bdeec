"""Media types as documentation writes them: a misspelt one (``appliction/json``, NHN File Crafter) read as the
media type it misspells, so a JSON body is not sent as an unknown binary type.

Only the parts that have a fixed vocabulary are repaired: the top-level type (IANA's list) and the common subtypes a
request body uses. A part within two edits of exactly one known word (one edit for words of five letters or
fewer) is that word; anything else is kept as written. Every repair is returned with a note for a finding.
"""

from __future__ import annotations

from scraper.type_vocabulary import edit_distance

__all__ = ["repair_media_type"]

_TOP_LEVEL = ("application", "audio", "font", "image", "message", "model", "multipart", "text", "video")
#: Subtypes a request body uses, and real ones close to them that must stay as written (``jsonl`` is JSON Lines).
_SUBTYPES = (
    "json",
    "xml",
    "x-www-form-urlencoded",
    "form-data",
    "octet-stream",
    "plain",
    "html",
    "csv",
    "jsonl",
    "ndjson",
    "x-ndjson",
    "yaml",
    "x-yaml",
    "jwt",
    "zip",
    "gzip",
    "pdf",
    "javascript",
    "x-json",
    "json-seq",
)


def _nearest(word: str, known: tuple[str, ...]) -> str | None:
    if word in known:
        return word
    near = [k for k in known if edit_distance(word, k) <= (1 if len(k) <= 5 else 2)]
    return near[0] if len(near) == 1 else None


def repair_media_type(media: str) -> tuple[str, str | None]:
    """``media`` (``type/subtype``, lower case) with a misspelt type or subtype repaired, and a note saying so
    (None when nothing was repaired)."""
    top, slash, sub = media.partition("/")
    if not slash:
        return media, None
    fixed_top = _nearest(top, _TOP_LEVEL) or top
    suffix = ""
    if "+" in sub:  # a structured syntax suffix (vnd.api+json): only the suffix has a vocabulary
        sub, _, suffix = sub.rpartition("+")
        fixed_suffix = _nearest(suffix, ("json", "xml")) or suffix
        fixed = f"{fixed_top}/{sub}+{fixed_suffix}"
    else:
        fixed = f"{fixed_top}/{_nearest(sub, _SUBTYPES) or sub}"
    if fixed == media:
        return media, None
    return fixed, f"media type {media!r} read as {fixed!r} (a misspelling)"
