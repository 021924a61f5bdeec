"""How API version strings order: the one rule every stage uses (specs, clients, diff, regenerate)."""

from __future__ import annotations

import re

from scraper.page_numbers import integer

__all__ = ["version_key"]


def version_key(version: str) -> tuple[tuple[tuple[int, int | str], ...], str]:
    """Sort key: ``1.10`` after ``1.9``, ``v2`` after ``v1``, numbers before words (``1.0`` before ``1.0-beta``).

    A leading ``v`` is ignored; the raw string breaks remaining ties, so no two distinct versions compare equal and
    the order never depends on the order they were found in.
    """
    parts = re.findall(r"\d+|[A-Za-z]+", version)
    if parts and parts[0].lower() == "v":
        parts = parts[1:]
    # a run of more digits than ``int`` converts (a page's ``1.999...``) sorts as a word, after the numbers
    return (
        tuple((0, n) if (n := integer(p) if p.isdigit() else None) is not None else (1, p.lower()) for p in parts),
        version,
    )
