"""Infer a JSON Schema (OpenAPI 3.1 / Draft 2020-12) from documented example values.

Some SCP pages (Virtual Server, pages 002 and 004) reference ~94 request and response models that no Models
section defines; their only description is the example JSON on the operation pages. :func:`infer_schema` turns every
example of one such model into one schema, merged over all examples, and reports every guess it made as a note.

The examples are hand-written and noisy (format-notes §6, §7 items 3-6, §10.8), so inference runs in two steps:

1. **Noise normalisation.** Documentation noise is recognised, recorded as an ``example-noise`` note naming the
   example site and JSON pointer, and replaced by what it stands for before any type is inferred:

   * a string that parses (``json``, then ``ast.literal_eval``) as a list or object -- ``"['a', 'b']"``,
     ``"[{\\"tag\\": null}]"``, ``"{'k': 'v'}"`` -- is that list or object (always; no API in the corpus documents a
     JSON-in-a-string field, while 52 stringified values contradict their declared array types);
   * ``"true"``/``"false"`` where real booleans are seen at the same path, ``"3"``/``"1.5"`` where real numbers are
     seen, and ``"null"`` wherever no genuine string is seen, are the boolean, number or null they spell;
   * ``""`` is a placeholder (dropped) where the same path shows a non-string type, or where every genuine string at
     that path has one evident format (``created_at: ""`` beside date-times). An ``""`` item in an array of objects
     is dropped. If only ``""`` is ever seen, the type is unknown (``{}``, as for only ``null`` below) and each
     occurrence is noted: the docs' example writer puts ``""`` where it renders no value, whatever the type
     (``metadata: ""`` and ``extra_specs: ""`` are objects, ``limit: ""`` an integer in Samsung's own OpenAPI
     documents), so ``string`` was a guess that made every real response fail to parse.

   A candidate is *not* noise when genuine strings are seen at the same path (``"8.8"`` among version strings stays
   a string), and strings that only look like containers but do not parse (``"[a-z]+"``) stay strings.
   :attr:`Inference.normalised` holds the examples after this step; the schema validates every one of them.

2. **Merging.** Objects get ``properties`` (keys sorted) and ``x-inferred: true``; array ``items`` are merged over
   every element of every example; ``null`` next to one type gives ``type: [T, "null"]``; ``integer`` next to
   ``number`` gives ``number``; genuinely different types give an ``anyOf`` in a fixed order (boolean, integer,
   number, string, array, object, then null) and an ``example-conflict`` note. Formats ``date-time`` (RFC 3339,
   offset required), ``date``, ``uuid`` (canonical 8-4-4-4-12), ``email`` and ``uri`` (absolute, with ``://``) are
   set only when every string at the path matches. A path where only ``null``
   (or only ``[]`` items, or only ``{}``) was seen has an unknown type: it becomes ``{}`` (any value; what a client
   generator turns into ``Any``) with an ``example-gap`` note, rather than a guess.

**Required policy.** Response side: a property is required when every example object at that path has it with a
non-noise value (a dropped placeholder does not count as presence, so a field shown as ``""`` once is optional).
Request side: nothing is required -- an example shows what *can* be sent, never what must be.

The result is deterministic and independent of example order: every set is sorted on output and notes are sorted
by (site, kind, message).
"""

from __future__ import annotations

import ast
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any, Final, Literal

from scraper.json_pointer import json_pointer, pointer_token

__all__ = [
    "CONFLICT",
    "GAP",
    "NOISE",
    "ExampleSite",
    "Inference",
    "InferenceError",
    "infer_schema",
    "json_type",
    "parse_stringified",
]

NOISE: Final = "example-noise"
CONFLICT: Final = "example-conflict"
GAP: Final = "example-gap"

Side = Literal["request", "response"]


@dataclass(frozen=True, order=True)
class ExampleSite:
    """Where an example value was documented: page file, 1-based line of the JSON block, and the model it shows."""

    page: str
    line: int
    subject: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line} ({self.subject})"


@dataclass
class Inference:
    """An inferred schema, one note per guess ``(site, kind, message)``, and the noise-normalised examples."""

    schema: dict[str, Any]
    notes: list[tuple[ExampleSite, str, str]]
    normalised: list[Any] = field(default_factory=list)
    #: the paths (property names, ``None`` for an array's items) where only the placeholder ``""`` was seen, left
    #: open in ``schema``: the caller may know the type from elsewhere (the same field in the service's other models)
    placeholder_only: list[tuple[str | None, ...]] = field(default_factory=list)


class InferenceError(ValueError):
    """An example is not a JSON value (or there is no example). Names the site and the JSON pointer."""


# ---------------------------------------------------------------------------------------------------------------
# value classification

_KIND_ORDER: Final = ("boolean", "integer", "number", "string", "array", "object", "null")

# Candidate kinds: strings that may stand for another type.
_PLACEHOLDER: Final = "placeholder"
_BOOL_STRING: Final = "bool-string"
_INT_STRING: Final = "int-string"
_NUMBER_STRING: Final = "number-string"
_NULL_STRING: Final = "null-string"

_INT_RE: Final = re.compile(r"-?(?:0|[1-9][0-9]*)")
_NUMBER_RE: Final = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+")
_BOOL_STRINGS: Final = {"true": True, "false": False, "True": True, "False": False}

_Path = tuple[str | None, ...]  # object keys; None stands for "any array item"
_Pointer = tuple[str | int, ...]


def _candidate_kind(text: str) -> str | None:
    if text == "":
        return _PLACEHOLDER
    if text in _BOOL_STRINGS:
        return _BOOL_STRING
    if text == "null":
        return _NULL_STRING
    if _INT_RE.fullmatch(text):
        return _INT_STRING
    if _NUMBER_RE.fullmatch(text):
        return _NUMBER_STRING
    return None


def _is_json_value(value: Any, depth: int = 0) -> bool:
    if depth > 200:
        return False
    if value is None or isinstance(value, bool | int | str):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_is_json_value(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_json_value(v, depth + 1) for k, v in value.items())
    return False


@lru_cache(maxsize=4096)
def _parse_stringified_cached(text: str) -> tuple[str, Any] | None:
    stripped = text.strip()
    if len(stripped) < 2 or (stripped[0], stripped[-1]) not in {("[", "]"), ("{", "}")}:
        return None
    try:
        return ("JSON", json.loads(stripped))
    except ValueError:
        pass
    try:
        value = ast.literal_eval(stripped)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    if isinstance(value, list | dict) and _is_json_value(value):
        return ("Python", value)
    return None


def parse_stringified(text: str) -> tuple[str, list[Any] | dict[str, Any]] | None:
    """Parse a string holding a JSON or Python list/object literal; ``(syntax, value)`` or None.

    ``syntax`` is ``"JSON"`` or ``"Python"``. Only lists and objects count; ``"[a-z]+"`` or ``"{name}"`` return None.
    The returned value is a fresh copy (safe to mutate).
    """
    parsed = _parse_stringified_cached(text)
    if parsed is None or not isinstance(parsed[1], list | dict):
        return None
    syntax, value = parsed
    copied: list[Any] | dict[str, Any] = json.loads(json.dumps(value))
    return syntax, copied


def json_type(value: Any) -> str:
    """The JSON Schema type name of a decoded JSON value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _pointer(pointer: _Pointer) -> str:
    return json_pointer(pointer) or "/"


def _short(text: str, limit: int = 60) -> str:
    shown = json.dumps(text, ensure_ascii=False)
    return shown if len(shown) <= limit else shown[: limit - 4] + '..."'


# ---------------------------------------------------------------------------------------------------------------
# formats

# RFC 3339 date-time: seconds and an offset are mandatory. Naive ISO 8601 times (NHN's "2019-10-10T06:34:33.000000")
# get no format: JSON Schema's date-time is RFC 3339, and generators map it to timezone-aware types
# (datamodel-code-generator: AwareDatetime), which would reject every naive value at runtime.
_DATE_TIME_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})")
_DATE_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_UUID_RE: Final = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_EMAIL_RE: Final = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+"
)
_URI_RE: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s/?#]+[^\s]*")


def _is_date_time(text: str) -> bool:
    if not _DATE_TIME_RE.fullmatch(text):
        return False
    try:
        datetime.fromisoformat(text.upper())
    except ValueError:
        return False
    return True


def _is_date(text: str) -> bool:
    if not _DATE_RE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


_FORMATS: Final = (
    ("date-time", _is_date_time),
    ("date", _is_date),
    ("uuid", lambda s: _UUID_RE.fullmatch(s) is not None),
)
#: ``email`` and ``uri`` are recognised but not emitted: generated clients would turn them into ``EmailStr`` (an extra
#: dependency) and ``AnyUrl`` (which rewrites the value), a poor trade for a format guessed from a handful of examples.
_UNEMITTED_FORMATS: Final = (
    ("email", lambda s: _EMAIL_RE.fullmatch(s) is not None),
    ("uri", lambda s: _URI_RE.fullmatch(s) is not None),
)


def _evident_format(strings: set[str]) -> str | None:
    """The one format every string matches, or None (also for an empty set)."""
    if not strings:
        return None
    for name, matches in _FORMATS:
        if all(matches(s) for s in strings):
            return name
    return None


# ---------------------------------------------------------------------------------------------------------------
# step 1: noise normalisation


@dataclass
class _PathStats:
    kinds: set[str] = field(default_factory=set)  # genuine JSON kinds seen
    strings: set[str] = field(default_factory=set)  # genuine (non-candidate) strings
    candidates: dict[str, set[str]] = field(default_factory=dict)  # candidate kind -> strings seen


def _collect(value: Any, path: _Path, pointer: _Pointer, site: ExampleSite, stats: dict[_Path, _PathStats]) -> None:
    if isinstance(value, str):
        parsed = _parse_stringified_cached(value)
        if parsed is not None:
            _collect(parsed[1], path, pointer, site, stats)
            return
    entry = stats.setdefault(path, _PathStats())
    if isinstance(value, str):
        kind = _candidate_kind(value)
        if kind is None:
            entry.kinds.add("string")
            entry.strings.add(value)
        else:
            entry.candidates.setdefault(kind, set()).add(value)
        return
    if not _is_scalar_or_container(value):
        raise InferenceError(f"{site}: {_pointer(pointer)}: {type(value).__name__} is not a JSON value")
    entry.kinds.add(json_type(value))
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise InferenceError(f"{site}: {_pointer(pointer)}: object key {key!r} is not a string")
            _collect(item, (*path, key), (*pointer, key), site, stats)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _collect(item, (*path, None), (*pointer, index), site, stats)


def _is_scalar_or_container(value: Any) -> bool:
    if value is None or isinstance(value, bool | int | list | dict):
        return True
    if isinstance(value, float):
        return math.isfinite(value)
    return False


@dataclass(frozen=True)
class _Decision:
    """For one path: which candidate kinds are noise, and whether ``""`` is the only thing ever seen."""

    noise: frozenset[str]
    placeholder_only: bool


def _decide(stats: _PathStats) -> _Decision:
    genuine_string = "string" in stats.kinds
    noise: set[str] = set()
    effective = set(stats.kinds)
    effective_strings = set(stats.strings)
    meanings = {_BOOL_STRING: "boolean", _INT_STRING: "integer", _NUMBER_STRING: "number", _NULL_STRING: "null"}
    for kind in (_BOOL_STRING, _INT_STRING, _NUMBER_STRING, _NULL_STRING):
        if kind not in stats.candidates:
            continue
        if kind == _BOOL_STRING:
            is_noise = "boolean" in stats.kinds
        elif kind in (_INT_STRING, _NUMBER_STRING):
            is_noise = bool(stats.kinds & {"integer", "number"})
        else:
            is_noise = True
        if is_noise and not genuine_string:
            noise.add(kind)
            effective.add(meanings[kind])
        else:
            effective.add("string")
            effective_strings |= stats.candidates[kind]
    placeholder_only = False
    if _PLACEHOLDER in stats.candidates:
        if "string" in effective:
            if _evident_format(effective_strings) is not None:
                noise.add(_PLACEHOLDER)
        elif effective - {"null"}:
            noise.add(_PLACEHOLDER)
        else:
            placeholder_only = True
    return _Decision(frozenset(noise), placeholder_only)


class _Drop:
    """Marker for a value removed by normalisation (a placeholder)."""


_DROP: Final = _Drop()

_Note = tuple[ExampleSite, str, str]


def _normalise(
    value: Any, path: _Path, pointer: _Pointer, site: ExampleSite, decisions: dict[_Path, _Decision], notes: list[_Note]
) -> Any:
    where = _pointer(pointer)
    if isinstance(value, str):
        parsed = _parse_stringified_cached(value)
        if parsed is not None:
            syntax, inner = parsed
            what = "list" if isinstance(inner, list) else "object"
            notes.append((site, NOISE, f"{where}: stringified {syntax} {what} {_short(value)} read as a {what}"))
            return _normalise(inner, path, pointer, site, decisions, notes)
        kind = _candidate_kind(value)
        if kind is None:
            return value
        decision = decisions[path]
        if kind not in decision.noise:
            if kind == _PLACEHOLDER and decision.placeholder_only:
                notes.append((site, NOISE, f'{where}: placeholder "" is the only value seen; type unknown, left open'))
            return value
        if kind == _PLACEHOLDER:
            if path and path[-1] is None:
                notes.append((site, NOISE, f'{where}: placeholder "" array item dropped'))
            else:
                notes.append((site, NOISE, f'{where}: placeholder "" dropped (other examples show another type)'))
            return _DROP
        replacement: Any
        if kind == _BOOL_STRING:
            replacement = _BOOL_STRINGS[value]
        elif kind == _INT_STRING:
            replacement = int(value)
        elif kind == _NUMBER_STRING:
            replacement = float(value)
        else:
            replacement = None
        notes.append((site, NOISE, f"{where}: string {_short(value)} read as {json.dumps(replacement)}"))
        return replacement
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            normalised = _normalise(item, (*path, key), (*pointer, key), site, decisions, notes)
            if normalised is not _DROP:
                out[key] = normalised
        return out
    if isinstance(value, list):
        items = [_normalise(item, (*path, None), (*pointer, i), site, decisions, notes) for i, item in enumerate(value)]
        return [item for item in items if item is not _DROP]
    return value


# ---------------------------------------------------------------------------------------------------------------
# step 2: merging


@dataclass
class _Node:
    kinds: dict[str, ExampleSite] = field(default_factory=dict)  # kind -> first site (smallest) it was seen at
    strings: set[str] = field(default_factory=set)
    objects: int = 0
    key_counts: dict[str, int] = field(default_factory=dict)
    props: dict[str, _Node] = field(default_factory=dict)
    items: _Node | None = None

    def see(self, kind: str, site: ExampleSite) -> None:
        known = self.kinds.get(kind)
        if known is None or site < known:
            self.kinds[kind] = site


def _merge(node: _Node, value: Any, site: ExampleSite) -> None:
    node.see(json_type(value), site)
    if isinstance(value, str):
        node.strings.add(value)
    elif isinstance(value, dict):
        node.objects += 1
        for key, item in value.items():
            node.key_counts[key] = node.key_counts.get(key, 0) + 1
            _merge(node.props.setdefault(key, _Node()), item, site)
    elif isinstance(value, list):
        for item in value:
            if node.items is None:
                node.items = _Node()
            _merge(node.items, item, site)


def _schema_for(node: _Node, pointer: str, side: Side, notes: list[_Note], gap_site: ExampleSite) -> dict[str, Any]:
    kinds = set(node.kinds)
    nullable = "null" in kinds
    concrete = kinds - {"null"}
    if {"integer", "number"} <= concrete:
        concrete.discard("integer")
    if not concrete:
        if nullable:
            notes.append((node.kinds["null"], GAP, f"{pointer}: only null seen; type unknown, left open"))
        return {}
    if concrete == {"string"} and node.strings == {""}:
        return {}  # only the placeholder "" (noted where it was normalised): what it stands for is unknown
    parts: list[dict[str, Any]] = []
    for kind in _KIND_ORDER:
        if kind not in concrete:
            continue
        part: dict[str, Any] = {"type": kind}
        site = node.kinds.get(kind) or node.kinds.get("integer") or gap_site
        if kind == "string":
            fmt = _evident_format(node.strings)
            if fmt is not None:
                part["format"] = fmt
        elif kind == "array":
            child = "/" if pointer == "/" else pointer + "/"
            if node.items is None:
                notes.append((site, GAP, f"{pointer}: only empty arrays seen; item type unknown"))
                part["items"] = {}
            else:
                part["items"] = _schema_for(node.items, child + "*", side, notes, site)
        elif kind == "object":
            prefix = "" if pointer == "/" else pointer
            if node.props:
                part["properties"] = {
                    key: _schema_for(node.props[key], f"{prefix}/{_escape(key)}", side, notes, site)
                    for key in sorted(node.props)
                }
            else:
                notes.append((site, GAP, f"{pointer}: only empty objects seen; properties unknown"))
            if side == "response":
                required = sorted(k for k, n in node.key_counts.items() if n == node.objects)
                if required:
                    part["required"] = required
            part["x-inferred"] = True
        parts.append(part)
    if len(parts) == 1:
        only = parts[0]
        if nullable:
            only["type"] = [only["type"], "null"]
        return only
    seen = ", ".join(f"{kind} ({node.kinds.get(kind) or node.kinds['integer']})" for kind in _sorted_kinds(concrete))
    first = min(node.kinds[k] for k in node.kinds)
    notes.append((first, CONFLICT, f"{pointer}: different types in the examples: {seen}; kept all as anyOf"))
    if nullable:
        parts.append({"type": "null"})
    return {"anyOf": parts}


def _escape(key: str) -> str:
    return pointer_token(key)


def _sorted_kinds(kinds: set[str]) -> list[str]:
    return [kind for kind in _KIND_ORDER if kind in kinds]


# ---------------------------------------------------------------------------------------------------------------
# public entry point


def infer_schema(examples: Sequence[tuple[Any, ExampleSite]], *, side: Side) -> Inference:
    """Infer one schema from all ``(value, site)`` examples of one model; see the module docstring for the rules.

    Raises :class:`InferenceError` when there is no example or a value is not JSON (names the site and pointer).
    """
    if side not in ("request", "response"):
        raise InferenceError(f"side must be 'request' or 'response', not {side!r}")
    if not examples:
        raise InferenceError("infer_schema needs at least one example value")
    stats: dict[_Path, _PathStats] = {}
    for value, site in examples:
        _collect(value, (), (), site, stats)
    decisions = {path: _decide(entry) for path, entry in stats.items()}
    notes: list[_Note] = []
    normalised: list[Any] = []
    root = _Node()
    for value, site in examples:
        clean = _normalise(value, (), (), site, decisions, notes)
        if clean is _DROP:
            continue
        normalised.append(clean)
        _merge(root, clean, site)
    first_site = min(site for _, site in examples)
    schema = _schema_for(root, "/", side, notes, first_site)
    schema["x-inferred"] = True
    notes.sort()
    placeholder_only = sorted(
        (path for path, decision in decisions.items() if decision.placeholder_only),
        key=lambda path: [str(part) for part in path],
    )
    return Inference(schema=schema, notes=notes, normalised=normalised, placeholder_only=placeholder_only)
