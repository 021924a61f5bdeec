"""One vocabulary for the data types API guides write in their tables, mapped to JSON Schema.

Guides spell types every way a person can: ``String``, ``Interger`` (a typo), ``Long``, ``UUID``, ``URI``,
``Datetime``, ``Array[UUID]``, ``List:Integer``, ``Array String``, ``String[]``, ``OidInfo[]``, ``String(hh:mm)``,
``CIDR``, ``Map``, ``Byte[]``, Korean ``문자열``, even the media type ``multipart/form-data`` for a file part.
:func:`read_type` reads one cell and says what it did:

* a spelling in the vocabulary maps to its schema;
* a near miss (one or two letters off a known word of four letters or more) is repaired and the repair reported;
* a list/array spelling with an item type gives ``{"type": "array", "items": ...}``;
* anything else is an unconstrained schema (``{}``) and reported as unknown -- never a guess, never an abort.

The reading is pure (no findings list here): the dialect turns :attr:`TypeReading.note` into a finding with the
page and line it knows.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

__all__ = ["TypeReading", "edit_distance", "is_type_word", "read_type"]

JsonSchema = dict[str, Any]

#: Canonical type word -> JSON Schema. Keys are compared after lower-casing and removing spaces, '-' and '_'.
_VOCABULARY: dict[str, JsonSchema] = {
    "string": {"type": "string"},
    "str": {"type": "string"},
    "text": {"type": "string"},
    "char": {"type": "string"},
    "varchar": {"type": "string"},
    "문자열": {"type": "string"},
    "문자": {"type": "string"},
    "文字列": {"type": "string"},
    "uuid": {"type": "string", "format": "uuid"},
    "uri": {"type": "string", "format": "uri"},
    "url": {"type": "string", "format": "uri"},
    "email": {"type": "string", "format": "email"},
    "date": {"type": "string", "format": "date"},
    "datetime": {"type": "string", "format": "date-time"},
    "timestamp": {"type": "string", "format": "date-time"},
    "time": {"type": "string"},
    "cidr": {"type": "string", "x-doc-type": "CIDR"},
    "ip": {"type": "string", "x-doc-type": "IP"},
    "ipv4": {"type": "string", "format": "ipv4"},
    "ipv6": {"type": "string", "format": "ipv6"},
    "base64": {"type": "string", "contentEncoding": "base64"},
    "binary": {"type": "string", "format": "binary"},
    "file": {"type": "string", "format": "binary"},
    "multipartfile": {"type": "string", "format": "binary"},
    "byte": {"type": "string", "format": "binary"},
    "bytes": {"type": "string", "format": "binary"},
    "integer": {"type": "integer"},
    "int": {"type": "integer"},
    "int32": {"type": "integer", "format": "int32"},
    "short": {"type": "integer"},
    "정수": {"type": "integer"},
    "整数": {"type": "integer"},
    "long": {"type": "integer", "format": "int64"},
    "int64": {"type": "integer", "format": "int64"},
    "biginteger": {"type": "integer"},
    "number": {"type": "number"},
    "numeric": {"type": "number"},
    "float": {"type": "number"},
    "double": {"type": "number"},
    "decimal": {"type": "number"},
    "bigdecimal": {"type": "number"},
    "숫자": {"type": "number"},
    "数値": {"type": "number"},
    "boolean": {"type": "boolean"},
    "bool": {"type": "boolean"},
    "불린": {"type": "boolean"},
    "真偽値": {"type": "boolean"},
    "enum": {"type": "string"},
    "object": {"type": "object"},
    "obj": {"type": "object"},
    "map": {"type": "object"},
    "json": {"type": "object"},
    "jsonobject": {"type": "object"},
    "dict": {"type": "object"},
    "객체": {"type": "object"},
    "オブジェクト": {"type": "object"},
    "array": {"type": "array"},
    "list": {"type": "array"},
    "set": {"type": "array"},
    "jsonarray": {"type": "array"},
    "배열": {"type": "array"},
    "配列": {"type": "array"},
    "any": {},
}
_LETTERS = {word: Counter(word) for word in _VOCABULARY}

#: Words that name a list/array container (``List:Integer``, ``Array String``, ``Set<Long>``).
_CONTAINERS = ("array", "list", "set")
_KEY = re.compile(r"[\s_\-]+")
_SUFFIX_ARRAY = re.compile(r"^(?P<item>.+?)\s*(\[\s*\]|\s+(?:list|array))$", re.IGNORECASE)
_PREFIX_ARRAY = re.compile(
    r"^(?P<outer>array|list|set)\s*(?:\[(?P<a>[^\]]*)\]|<(?P<b>[^>]*)>|\((?P<c>[^)]*)\)|:\s*(?P<d>.+)|\s+(?:of\s+)?(?P<e>.+))$",
    re.IGNORECASE,
)
_QUALIFIER = re.compile(r"^(?P<base>[^()]+?)\s*\((?P<qualifier>[^()]*)\)$")
#: ``Map<String, String>``, ``Dictionary<string, int>``: an object whose values are of the last type.
_MAP_OF = re.compile(
    r"^(?:(?:object|json)\s+)?(?:map|hashmap|dict|dictionary)\s*(?:<\s*[^,<>]+,\s*(?P<value>[^<>]+?)\s*>"
    r"|\[\s*[^\[\]]+\s*\]\s*(?P<go>\S+))$",
    re.IGNORECASE,
)
#: A required mark written into the type cell: ``optional, Integer``, ``required, String``, ``String, 필수``.
#: Push's ``Field | Usage | Description`` tables write ``Required, String`` for a parameter and ``-, DateTime String``
#: for a response field, where the dash says the mark does not apply.
_WITH_MARK = re.compile(
    r"^(?:(?P<before>required|optional|mandatory|필수|선택|必須|任意|-)\s*[,/]\s*(?P<type1>.+)"
    r"|(?P<type2>.+?)\s*[,/]\s*(?P<after>required|optional|mandatory|필수|선택|必須|任意))$",
    re.IGNORECASE,
)
#: A format word before ``String`` (``DateTime String``, Push's response tables): the string in that format.
_FORMATTED_STRING = re.compile(r"^(?P<format>.+?)\s+string$", re.IGNORECASE)
_TITLE_CASE_MODEL = re.compile(r"^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$")
#: The multipart media type written as a field's type (``image | multipart/form-data | Image file``; Korean guides
#: often with an en dash, ``multipart/form–data``): the field is a file part of a multipart body.
_MULTIPART_TYPE = re.compile(r"^multipart\s*/\s*form[\s_\-\u2010-\u2015]*data$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TypeReading:
    """What a type cell says: ``schema`` (a fresh dict), ``kind`` (``array``, ``object``, ``string``, ...).

    ``note`` is set when the reading is not literal (a repaired spelling, an unknown type, a model name); ``known``
    is False when the cell could not be read as a type at all.
    """

    schema: JsonSchema = field(default_factory=dict)
    kind: str = ""
    note: str = ""
    known: bool = True
    #: A required mark the cell carried besides the type (``optional, Integer`` -> ``optional``).
    mark: str = ""


def _key(word: str) -> str:
    return _KEY.sub("", word.strip().lower())


@lru_cache(maxsize=4096)
def _near(word: str) -> str | None:
    """The vocabulary word ``word`` is a one- or two-letter slip of, when exactly one is that close (remembered: a
    guide repeats its few type spellings in hundreds of rows, and each look-up measures every vocabulary word)."""
    if len(word) < 4 or not word.isascii():
        return None
    best: list[str] = []
    letters = Counter(word)
    for known in _VOCABULARY:
        limit = 1 if len(known) <= 5 else 2
        if len(known) < 4 or abs(len(known) - len(word)) > limit:
            continue
        # each edit changes at most one letter of the shared ones (a transposition none): a word sharing too few
        # letters is not measured (every word of a table's cells is looked up, most of them no type at all)
        if max(len(word), len(known)) - (letters & _LETTERS[known]).total() > limit:
            continue
        if edit_distance(word, known) <= limit:
            best.append(known)
    return best[0] if len(best) == 1 else None


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance with adjacent transpositions (optimal string alignment)."""
    rows = [list(range(len(b) + 1))]
    for i, ca in enumerate(a, start=1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _kind(schema: JsonSchema) -> str:
    kind = schema.get("type")
    return kind if isinstance(kind, str) else ""


def _word(cell: str, *, repair: bool = True) -> TypeReading | None:
    key = _key(cell)
    if key in _VOCABULARY:
        schema = dict(_VOCABULARY[key])
        return TypeReading(schema, _kind(schema))
    near = _near(key) if repair else None
    if near is not None:
        schema = dict(_VOCABULARY[near])
        return TypeReading(schema, _kind(schema), note=f"type {cell.strip()!r} read as {near!r} (spelling repaired)")
    return None


def is_type_word(cell: str) -> bool:
    """True when ``cell`` reads as a data type without repairs (used to tell type columns from others)."""
    reading = read_type(cell)
    return reading.known and not reading.note


def read_type(cell: str) -> TypeReading:
    """Read one type cell; see the module docstring."""
    text = re.sub(r"</?(?:br|p|span|b|i|strong|em|code|sup|sub|font|u)\b[^>]*>", " ", cell, flags=re.IGNORECASE)
    text = text.replace("`", "").replace("\\", "").strip()
    # a Japanese or full-width comma between a map's key and value types (``Map<String、String>``)
    text = re.sub(r"\s+", " ", text.replace("\u3001", ", ").replace("\uff0c", ", "))
    if not text:
        return TypeReading({}, "", note="no data type given; read as any value", known=False)
    direct = _word(text, repair=False)
    if direct is not None:
        return direct
    if _MULTIPART_TYPE.match(text):
        return TypeReading(
            {"type": "string", "format": "binary"},
            "string",
            note=f"type {text!r} is the media type of the request; read as a file part (binary)",
        )
    marked = _WITH_MARK.match(text)
    if marked:
        # before the array spellings: ``Required, Array`` and ``Optional, String Array`` end as arrays do
        unmarked = read_type(marked.group("type1") or marked.group("type2"))
        if unmarked.known:
            mark = marked.group("before") or marked.group("after")
            note = f"type cell {text!r} also says {mark!r}; read as {unmarked.kind or 'any value'}"
            return TypeReading(unmarked.schema, unmarked.kind, note=note, mark=mark)
    formatted = _FORMATTED_STRING.match(text)
    if formatted:
        # ``DateTime String``, ``Time String``: a string, in the format the words before it name
        head = _word(formatted.group("format"), repair=False)
        if head is not None and head.schema.get("type") == "string":
            return head
    prefix = _PREFIX_ARRAY.match(text)
    if prefix:
        inner = next(g for g in prefix.group("a", "b", "c", "d", "e") if g is not None).strip()
        return _array_of(text, inner)
    suffix = _SUFFIX_ARRAY.match(text)
    if suffix:
        return _array_of(text, suffix.group("item").strip())
    mapping = _MAP_OF.match(text)
    if mapping:
        # Map<String, V>; Go's map[string]V, also after the JSON kind ("Object map[string]string": NCR)
        value = read_type(mapping.group("value") or mapping.group("go"))
        schema: JsonSchema = {"type": "object"}
        if value.known and value.schema:
            schema["additionalProperties"] = value.schema
        return TypeReading(schema, "object", note=value.note)
    qualified = _QUALIFIER.match(text)
    if qualified:
        base = _word(qualified.group("base"))
        if base is not None:
            schema = dict(base.schema)
            note = base.note
            qualifier = qualified.group("qualifier").strip()
            if qualifier and schema.get("type") == "string" and "format" not in schema:
                schema["x-doc-format"] = qualifier
            return TypeReading(schema, base.kind, note=note)
    if "/" in text or " or " in text.lower():
        parts = [p.strip() for p in re.split(r"/|\bor\b", text, flags=re.IGNORECASE) if p.strip()]
        readings = [_word(p) for p in parts]
        if len(parts) >= 2 and all(r is not None for r in readings):
            types = sorted({r.kind for r in readings if r is not None and r.kind})
            schema = {"type": types[0] if len(types) == 1 else types} if types else {}
            return TypeReading(schema, types[0] if len(types) == 1 else "", note=f"type {text!r} read as {types}")
    repaired = _word(text)
    if repaired is not None:
        return repaired
    if _TITLE_CASE_MODEL.match(text) and len(text) > 3:
        return TypeReading(
            {"type": "object", "x-doc-type": text},
            "object",
            note=f"type {text!r} names a model the guide does not define; read as an object",
        )
    return TypeReading({}, "", note=f"unknown type {text!r}; read as any value", known=False)


def _array_of(text: str, inner: str) -> TypeReading:
    if not inner:
        return TypeReading({"type": "array"}, "array")
    if _key(inner) == "byte":
        return TypeReading({"type": "string", "format": "binary"}, "string")
    item = read_type(inner)
    schema: JsonSchema = {"type": "array"}
    if item.schema:
        schema["items"] = item.schema
    note = item.note if item.note else ""
    return TypeReading(schema, "array", note=note)
