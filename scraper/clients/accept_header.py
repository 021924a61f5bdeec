"""The ``Accept`` header an operation's requests send: the media types it documents for its responses.

httpx sends ``Accept: */*``, so an API that negotiates (JSON or XML, JSON or HTML error pages) may answer in a form
the client cannot parse. The generated method reads one media type from each response (JSON first, see
``ir._media_choices``); those, in the order of the responses, are what it asks for. A ``*/*`` among them, or no
documented body at all, leaves httpx's ``*/*``: the document then says anything may come. A documented value that
is not a media range (``type/subtype``, HTTP tokens) leaves ``*/*`` too: doc text never becomes a header it was not
checked to be.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["accept_value"]

#: ``type/subtype`` of RFC 9110 tokens (a media range's ``*`` is a token character).
_MEDIA_RANGE = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+")


def accept_value(media_types: Iterable[str]) -> str | None:
    """``application/json, application/problem+json`` for the media types the responses are read as (parameters
    such as ``charset`` left out, each named once), or None when httpx's ``*/*`` should stay."""
    ranges: list[str] = []
    for media in media_types:
        bare = media.split(";", 1)[0].strip().lower()
        if bare == "*/*" or not _MEDIA_RANGE.fullmatch(bare):
            return None
        if bare not in ranges:
            ranges.append(bare)
    return ", ".join(ranges) or None
