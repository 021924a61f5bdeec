"""Numbers written in a page's text, as Python numbers only where the conversion is safe.

A page from the internet may write a number of thousands of digits where the dialects read a bound, a default, an
index or a version (``Maximum length : 9999...``, ``vm[9999...]``, ``/v9999.../``). CPython converts at most
``sys.get_int_max_str_digits()`` digits (4300 unless configured) and raises ValueError beyond, which was a traceback
out of ``docs2client spec``; ``float`` turns a long decimal into ``inf``, which no JSON document holds. Such a
number is read as no number: the reader takes the cell as words, as it does any text that is not a value.
"""

from __future__ import annotations

import math
import re

__all__ = ["MAX_DIGITS", "SECTION_NUMBER", "integer", "number", "numbers_key"]

#: The most characters converted to an ``int``: CPython's default limit, which a user may only have raised.
MAX_DIGITS = 4300

_DIGITS = re.compile(r"\d+")

#: A printable view's section number (``1.2.3``) as the readers match it in a heading: parts of at most 9 digits, so a
#: line that starts with a longer number is no numbered heading (and its parts always convert to ``int``).
SECTION_NUMBER = r"\d{1,9}(?:\.\d{1,9})*"


def integer(text: str) -> int | None:
    """``int(text)`` for text the caller matched as an integer; None when it is longer than ``int`` reads."""
    return int(text) if len(text.strip().lstrip("+-")) <= MAX_DIGITS else None


def number(text: str) -> int | float | None:
    """An integer, or a decimal (with a ``.``) as a finite float; None for what neither holds."""
    if "." not in text:
        return integer(text)
    if len(text) > MAX_DIGITS:
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def numbers_key(text: str) -> list[tuple[int, str]]:
    """The runs of digits in ``text`` as a sort key that orders them as numbers (``v10`` after ``v2``), without
    converting any: by the count of digits without leading zeros, then by the digits."""
    return [(len(stripped), stripped) for stripped in (run.lstrip("0") for run in _DIGITS.findall(text))]
