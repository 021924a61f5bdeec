"""The segment of a path or server URL that spells the document's own API version (``/sms/v2.4/...``,
``/2018-06-18/distribution``, ``https://checkout.example/v40``).

Comparing two versions of an API that carries its version there, every operation's path and the server URL differ
by that segment alone: read as they are, each operation was "removed" and "added" again and the server "changed",
which buried the real changes of a version diff under noise (NHN SMS v2.4 -> v3.0, APIs-guru's CloudFront
2018-06-18 -> 2018-11-05, Adyen Checkout v40 -> v41). A segment spells a version when it equals it, case aside,
with or without a leading ``v`` (``v2.4`` for version ``v2.4`` or ``2.4``; ``v40`` for ``40``).

The walkers only use these keys for what exact matching left unmatched, so a path that kept its segment across
versions is matched as it is, and two documents of one version are never touched.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeVar
from urllib.parse import urlsplit, urlunsplit

__all__ = ["VERSION_SEGMENT", "VersionSegments", "Which", "keyed_once"]

#: what a version segment becomes in a key
VERSION_SEGMENT = "{api-version}"

Which = Literal["old", "new"]
T = TypeVar("T")
_DROP = str.maketrans("", "", ".-_")


def _spellings(version: Any) -> frozenset[str]:
    text = str(version).strip().lower() if version is not None else ""
    if not text or "/" in text:
        return frozenset()
    bare = text[1:] if text[0] == "v" and len(text) > 1 else text
    return frozenset({text, bare, f"v{bare}"})


@dataclass(frozen=True, slots=True)
class VersionSegments:
    """The two documents' versions as path segments; inactive (keys are ``None``) when they are the same version."""

    old: frozenset[str]
    new: frozenset[str]

    @classmethod
    def of(cls, old_version: Any, new_version: Any) -> VersionSegments:
        old, new = _spellings(old_version), _spellings(new_version)
        if not old or not new or old & new:
            return cls(frozenset(), frozenset())
        return cls(old, new)

    def path_key(self, path: str, which: Which) -> tuple[str, str] | None:
        """``path`` with its version segment as :data:`VERSION_SEGMENT`, and the segment as written (``None``: the
        path has no such segment, or the versions are the same)."""
        spellings = self.old if which == "old" else self.new
        if not spellings:
            return None
        segments = path.split("/")
        found = [i for i, segment in enumerate(segments) if segment.lower() in spellings]
        if len(found) != 1:  # none, or ambiguous: leave the path as it is
            return None
        index = found[0]
        written = segments[index]
        segments[index] = VERSION_SEGMENT
        return "/".join(segments), written

    def name_key(self, name: str, which: Which) -> str | None:
        """``name`` (an operationId) with the one place that spells the version, separators as identifiers write
        them (``2018_06_18``, ``20180618``, ``V1_2``), replaced (``None``: none, or ambiguous)."""
        spellings = self.old if which == "old" else self.new
        lowered = name.lower()
        variants = {v for s in spellings for v in (s, s.replace(".", "_").replace("-", "_"), s.translate(_DROP))}
        for variant in sorted(variants, key=len, reverse=True):
            if len(variant) > 1 and lowered.count(variant) == 1:
                at = lowered.index(variant)
                return lowered[:at] + VERSION_SEGMENT + lowered[at + len(variant) :]
        return None

    def url_key(self, url: str, which: Which) -> str | None:
        """``url`` with the version segment of its path replaced, as :meth:`path_key` does (``None``: none)."""
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        keyed = self.path_key(parts.path, which)
        if keyed is None:
            return None
        return urlunsplit((parts.scheme, parts.netloc.lower(), keyed[0], parts.query, parts.fragment))


def keyed_once(keys: Mapping[T, str | None]) -> dict[str, T]:
    """``{key: item}`` for the items whose key no other item shares (``None``: no key): a version match is made
    only where it is certain."""
    seen: dict[str, list[T]] = {}
    for item, key in keys.items():
        if key is not None:
            seen.setdefault(key, []).append(item)
    return {key: items[0] for key, items in seen.items() if len(items) == 1}
