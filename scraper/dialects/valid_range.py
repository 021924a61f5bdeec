"""A field table's valid-range or max-length cell as JSON Schema bounds (``maxLength``, ``minimum``, ``maxItems``).

NHN guides state a field's limits in a column of their own: ``Valid range | Max. 200 characters``,
``유효 범위 | 최대 50자``, ``有効範囲 | 最大50個``, ``Valid range | 1~100``, ``Max Length | 100``. The cell is kept
whole as a line of the field's description (:attr:`scraper.dialects.field_tables.FieldRow.constraint_note`); this
module reads the bounds in it, so a client rejects what the guide says the API rejects before sending it.

Why it is strict: a wrong bound makes a client refuse a request the API would take. So a cell is cut into clauses
(``Min. 10 characters, Max. 40 characters, English letters and numbers``) and only a clause that is *wholly* one
known bound is read (``Max. 40 characters``); prose clauses are left to the description. A bound is read only for
a type it can apply to: a length unit (characters, 자, 文字) on a string, an item count (items, 개, 個) on an
array, a bare number or ``A~B`` on an integer or a number. A limit in bytes reads as ``maxLength`` (a string of N
bytes has at most N characters, so the bound never refuses a valid value) and never as ``minLength``. Columns that
hold examples or values (``Example``, ``例``, ``Value``) are not read at all. Bounds that contradict each other
(a minimum above the maximum) are not read; the caller reports them.

Guides without such a column state the limits in the description: ``Port number (1-65535)``, ``Custom response body
(up to 1024 characters)``, ``Min. 1, Max. 255``, ``최대 255자``. :func:`read_prose_bounds` reads them by the same
clauses, each parenthesised group, line and sentence of the description a cell of its own, so a bound is read only
where a whole clause is one (``Enter 1-10 names`` is no clause of its own and stays words), or where one by a
keyword or a tilde ends a clause (``Timeout 30 ~ 120``: a text rendering joins the line it had to the label's).
"""

from __future__ import annotations

import re
from typing import Any

from scraper import page_numbers

__all__ = ["LENGTH_COLUMNS", "RANGE_COLUMNS", "merged", "read_bounds", "read_prose_bounds"]

#: Column headers (lower-cased) that state a field's limits in words or numbers.
RANGE_COLUMNS = frozenset(
    (
        "valid range",
        "range",
        "유효 범위",
        "유효범위",
        "제약 조건",
        "제약조건",
        "constraints",
        "constraint",
        "有効範囲",
        "制約",
    )
)
#: Column headers whose cells are a maximum length (a bare number means characters, or items for a list).
LENGTH_COLUMNS = frozenset(
    ("max length", "최대 길이", "length", "max. length", "maximum length", "最大長", "最大文字数")
)

_CHARACTERS = r"(?:characters?|chars?|letters?|자|글자|文字)"
_BYTES = r"(?:bytes?|바이트|バイト)"
_ITEMS = r"(?:items?|elements?|entries|개|個|件)"
_UNIT = rf"(?P<unit>{_CHARACTERS}|{_BYTES}|{_ITEMS})"
_NUMBER = r"(?P<n>-?\d+(?:\.\d+)?)"
#: ``Max. 200 characters``, ``Maximum: 50``, ``Up to 1,000 characters``, ``최대 50자``, ``最大50文字``.
_MAX = re.compile(rf"(?:max(?:imum)?\.?|up to|최대|最大)\s*[:：]?\s*{_NUMBER}\s*{_UNIT}?", re.IGNORECASE)
#: ``Min. 1``, ``최소 2글자``, ``最小1``.
_MIN = re.compile(rf"(?:min(?:imum)?\.?|최소|最小|最低)\s*[:：]?\s*{_NUMBER}\s*{_UNIT}?", re.IGNORECASE)
#: ``50자 이하``, ``100 characters or less``, ``1000以下`` (at most); ``1자 이상``, ``1以上`` (at least).
_AT_MOST = re.compile(rf"{_NUMBER}\s*{_UNIT}?\s*(?:이하|이내|以下|以内|or less|or fewer|at most)", re.IGNORECASE)
_AT_LEAST = re.compile(rf"{_NUMBER}\s*{_UNIT}?\s*(?:이상|以上|or more|at least)", re.IGNORECASE)
#: ``1~100``, ``0 ～ 86400``, ``100-599``, ``1 – 255자``.
_BETWEEN = re.compile(rf"(?P<low>-?\d+(?:\.\d+)?)\s*[~～〜–-]\s*(?P<high>-?\d+(?:\.\d+)?)\s*{_UNIT}?", re.IGNORECASE)
#: A bare number (a Max Length cell): ``100``, ``40 bytes``, ``50자``.
_BARE = re.compile(rf"{_NUMBER}\s*{_UNIT}?", re.IGNORECASE)
#: Thousands separators (``3,000``) go before the cell is cut at its commas.
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
#: What cuts a cell into clauses. Not ``or``: it joins alternatives (``Min. 10 or (retries+1)*timeout``), and one
#: alternative read as the bound would be a guess.
_CLAUSE_BREAK = re.compile(r"[,，、;；\n]|\band\b|및|그리고")


def read_bounds(cell: str, label: str, kind: str) -> dict[str, int | float]:
    """The JSON Schema bounds ``cell`` states for a field of JSON type ``kind``, read from a column headed
    ``label``; ``{}`` when the column is not a limits column, the type takes no bounds or no clause is one."""
    header = re.sub(r"\s+", " ", label).strip().strip("*:").strip().lower()
    length_column = header in LENGTH_COLUMNS
    if not length_column and header not in RANGE_COLUMNS:
        return {}
    if kind not in ("string", "array", "integer", "number"):
        return {}
    text = _THOUSANDS.sub("", cell.replace("\u00a0", " "))
    low: int | float | None = None
    high: int | float | None = None
    for clause in (c.strip().rstrip(".").strip() for c in _CLAUSE_BREAK.split(text)):
        if not clause:
            continue
        read = _clause(clause, length_column)
        if read is None:
            continue
        unit, clause_low, clause_high = read
        if not _fits(unit, kind):
            continue
        if kind != "number" and any(isinstance(n, float) for n in (clause_low, clause_high)):
            continue  # a decimal is no length, count or integer
        if unit == "bytes":
            clause_low = None  # N bytes may be fewer than N characters: only the upper bound is certain
        if clause_low is not None:
            if low is not None and low != clause_low:
                return {}  # two different minimums: the cell contradicts itself
            low = clause_low
        if clause_high is not None:
            if high is not None and high != clause_high:
                return {}
            high = clause_high
    if low is not None and high is not None and low > high:
        return {}
    if kind in ("string", "array") and ((low is not None and low < 0) or (high is not None and high < 0)):
        return {}
    names = {"string": ("minLength", "maxLength"), "array": ("minItems", "maxItems")}.get(kind, ("minimum", "maximum"))
    bounds: dict[str, int | float] = {}
    if low is not None:
        bounds[names[0]] = low
    if high is not None:
        bounds[names[1]] = high
    return bounds


def _clause(clause: str, length_column: bool) -> tuple[str, int | float | None, int | float | None] | None:
    """``(unit, low, high)`` when ``clause`` is wholly one bound (unit ``characters``, ``bytes``, ``items`` or ``""``
    for none), else None."""
    for pattern, side in ((_MAX, "high"), (_MIN, "low"), (_AT_MOST, "high"), (_AT_LEAST, "low")):
        match = pattern.fullmatch(clause)
        if match:
            number = page_numbers.number(match["n"])
            if number is None:
                return None
            return (_unit(match["unit"]), None, number) if side == "high" else (_unit(match["unit"]), number, None)
    match = _BETWEEN.fullmatch(clause)
    if match:
        low, high = page_numbers.number(match["low"]), page_numbers.number(match["high"])
        return (_unit(match["unit"]), low, high) if low is not None and high is not None else None
    if length_column:
        match = _BARE.fullmatch(clause)
        if match:
            number = page_numbers.number(match["n"])
            return (_unit(match["unit"]) or "length", None, number) if number is not None else None
    return None


def _unit(word: str | None) -> str:
    if not word:
        return ""
    for name, pattern in (("characters", _CHARACTERS), ("bytes", _BYTES), ("items", _ITEMS)):
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return name
    return ""


def _fits(unit: str, kind: str) -> bool:
    """Whether a bound in ``unit`` applies to a field of JSON type ``kind`` (``length``: a Max Length column's bare
    number, a length of strings or a count of items; ``""``: a bare number, a value of numbers or a count of items
    (``List | Min. 1, Max. 3,000``))."""
    if kind == "string":
        return unit in ("characters", "bytes", "length")
    if kind == "array":
        return unit in ("items", "length", "")
    return unit == ""


def merged(schema: dict[str, Any], bounds: dict[str, int | float]) -> dict[str, Any]:
    """``schema`` with ``bounds`` added where it states none of its own (a copy)."""
    return {**schema, **{k: v for k, v in bounds.items() if k not in schema}}


#: A parenthesised group of a description (``(1-65535)``, ``(up to 1024 characters)``).
_GROUP = re.compile(r"[(（]([^()（）]*)[)）]")
#: The end of a sentence, not the point of an abbreviated bound (``Max. 255``, ``Min. 1``).
_SENTENCE = re.compile(r"(?<!\bmax)(?<!\bmin)(?<!\bmaximum)(?<!\bminimum)[.。]\s+|。", re.IGNORECASE)
#: A label before a limit (``Range: 1~100``, ``Valid range: ...``, ``범위: ...``, ``Length: ...``).
_LIMIT_LABEL = re.compile(
    r"^\s*(?:valid range|range|length|max length|유효 범위|범위|길이|有効範囲|範囲)\s*[:：]\s*", re.IGNORECASE
)

#: A bound by a keyword or a tilde at the end of a clause of words (``... timeout 30 ~ 120``, ``이름 최대 255자``).
_ANY_UNIT = rf"(?:{_CHARACTERS}|{_BYTES}|{_ITEMS})"
_TRAILING_BOUND = re.compile(
    rf"\s((?:max(?:imum)?\.?|up to|최대|最大|min(?:imum)?\.?|최소|最小)\s*[:：]?\s*\d+(?:\.\d+)?\s*{_ANY_UNIT}?"
    rf"|\d+(?:\.\d+)?\s*[~～〜]\s*\d+(?:\.\d+)?\s*{_ANY_UNIT}?)$",
    re.IGNORECASE,
)


def read_prose_bounds(description: str, kind: str) -> dict[str, int | float]:
    """The JSON Schema bounds a field's description states (:func:`read_bounds` over each parenthesised group, line
    and sentence of it, a limit label before one dropped); ``{}`` when none, or when two parts state different
    ones."""
    text = _THOUSANDS.sub("", description.replace("\u00a0", " "))  # before the commas cut it: "up to 1,000"
    parts = [m.group(1) for m in _GROUP.finditer(text)]
    for line in _GROUP.sub(" ", text).splitlines():
        parts.extend(_SENTENCE.split(line))
    candidates = []
    for part in parts:
        part = _LIMIT_LABEL.sub("", part.strip())
        candidates.append(part)
        # a bound that ends a clause of words, as a text rendering that joins a cell's lines leaves one
        # ("Initialization container execution timeout (seconds) 30 ~ 120"): only a keyword's or a tilde's
        candidates.extend(m.group(1) for c in _CLAUSE_BREAK.split(part) if (m := _TRAILING_BOUND.search(c.strip())))
    found: dict[str, int | float] = {}
    for candidate in candidates:
        bounds = read_bounds(candidate, "valid range", kind)
        for key, value in bounds.items():
            if found.get(key, value) != value:
                return {}
            found[key] = value
    low = found.get("minimum", found.get("minLength", found.get("minItems")))
    high = found.get("maximum", found.get("maxLength", found.get("maxItems")))
    if low is not None and high is not None and low > high:
        return {}
    return found
