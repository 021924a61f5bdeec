"""An endpoint whose path the operations' paths repeat: the server keeps only what they leave out.

A guide's endpoint table may give the URL a client calls with the first segments of every path already in it:
Object Storage's ``https://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_*****`` (the account masked) over
operations documented as ``/v1/{Account}/{Container}``. Taken as the server as written, every request went to
``.../v1/AUTH_*****/v1/AUTH_.../...``. When every operation's path starts with the segments the endpoint's path ends
with (a literal segment equal, a path's ``{placeholder}`` standing for the endpoint's written or masked value, at
least one literal equal so two placeholders never decide it), those segments are left out of the server: the paths
say them.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

__all__ = ["without_repeated_base_path"]


def _segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def _same(endpoint: str, documented: str) -> bool | None:
    """True when the segments are equal literals, None when the path's is a placeholder (any value), else False."""
    if documented.startswith("{") and documented.endswith("}"):
        return None
    return endpoint == documented


def without_repeated_base_path(url: str, paths: Sequence[str]) -> tuple[str, str] | None:
    """``(the server URL without the repeated segments, those segments as a path)`` when every one of ``paths``
    starts with the segments ``url``'s path ends with (see the module docstring), else None."""
    split = urlsplit(url)
    if not paths or split.query or split.fragment:
        return None
    tail = _segments(split.path)
    documented = [_segments(path) for path in paths]
    for count in range(len(tail), 0, -1):
        repeated = tail[-count:]
        verdicts = [
            [_same(value, segments[index]) for index, value in enumerate(repeated)]
            for segments in documented
            if len(segments) >= count
        ]
        if len(verdicts) != len(documented) or any(False in each for each in verdicts):
            continue
        if not all(True in each for each in verdicts):
            continue  # placeholders alone: not evidence enough
        kept = "/".join(tail[:-count])
        base = f"{split.scheme}://{split.netloc}" + (f"/{kept}" if kept else "")
        return base, "/" + "/".join(repeated)
    return None
