"""OpenAPI documents from anyone: read, parsed and checked before any other code walks them.

``generate`` and ``diff`` take specs that may be hostile. A YAML alias bomb is a few hundred bytes that expand to
billions of nodes the moment something copies or serialises them; a recursive alias makes every walk loop; JSON
nested thousands deep overflows the parser; a ``\\ud800`` escape gives a string that cannot be written back as
UTF-8; ``responses`` written as a list breaks code that expects a mapping. Each becomes one :class:`DocumentError`
naming the file and, where it helps, the place in the document, instead of a traceback (or 14 GB of memory).
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

import yaml

from scraper.json_pointer import json_pointer

__all__ = [
    "BYTE_ORDER_MARKS",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_NODES",
    "DocumentError",
    "check_openapi_shape",
    "check_tree",
    "is_extension",
    "load_document_file",
    "not_a_document",
    "parse_document_text",
    "parse_example_json",
    "read_document_text",
    "string_keys",
]

#: Largest spec file read (the biggest real spec is a few hundred kilobytes).
MAX_BYTES = 64 * 1024 * 1024
#: Deepest nesting of mappings and lists accepted.
MAX_DEPTH = 200
#: Most nodes (mappings, lists and scalars, YAML aliases counted at every use) accepted.
MAX_NODES = 2_000_000

_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # both are safe loaders; libyaml is much faster


class _Loader(_SafeLoader):  # type: ignore[misc]
    """A safe loader that reads plain scalars as YAML 1.2's core schema does (what OpenAPI asks of YAML documents,
    and what a JSON document of the same content gives): ``yes``/``no``/``on``/``off`` stay strings (an enum of
    country codes with ``NO`` was ``False``), ``2023-01-17`` stays a string (it was a ``datetime``, and every
    example a ``format: date`` schema documented failed its own schema), ``12:30`` stays a string (it was the base-60
    integer 750) and ``010`` is ten, not octal eight. Explicit tags that give no JSON value (``!!timestamp``,
    ``!!binary``, ``!!set``, ``!!omap``) give their text, or mapping and list, instead."""

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {}

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        #: (key, line of the value used, lines of the values lost) of every mapping that repeats a key
        self.duplicate_keys: list[tuple[str, int, list[int]]] = []
        self._mappings_checked: set[int] = set()

    def flatten_mapping(self, node: Any) -> None:
        """Note the mapping's repeated keys before its merge keys (``<<``) are resolved: a key that overrides a
        merged one is YAML's way to override it, not a duplicate. Every construction of a mapping comes here first,
        and only this method rewrites a node's pairs."""
        if id(node) not in self._mappings_checked:
            self._mappings_checked.add(id(node))
            self.duplicate_keys.extend(_repeated_keys(node))
        super().flatten_mapping(node)


def _repeated_keys(node: Any) -> list[tuple[str, int, list[int]]]:
    """(key, line of its last value, lines of the earlier ones) of each scalar key written more than once."""
    lines: dict[tuple[str, str], list[int]] = {}
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
            lines.setdefault((key_node.tag, key_node.value), []).append(key_node.start_mark.line + 1)
    return [(key, where[-1], where[:-1]) for (_, key), where in lines.items() if len(where) > 1]


def _construct_int(loader: Any, node: Any) -> int:
    text = str(loader.construct_scalar(node))
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text)


def _construct_text(loader: Any, node: Any) -> str:
    return str(loader.construct_scalar(node))


def _construct_pairs(loader: Any, node: Any) -> list[Any]:
    return [loader.construct_mapping(item) if isinstance(item, yaml.MappingNode) else None for item in node.value]


def _construct_set(loader: Any, node: Any) -> dict[Any, Any]:
    return dict(loader.construct_mapping(node))


for _tag, _pattern, _first in (  # YAML 1.2 core schema (int before float: "12" is both)
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("merge", r"^(?:<<)$", "<"),
):
    _Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
for _tag in ("timestamp", "binary"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _construct_text)
for _tag in ("omap", "pairs"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _construct_pairs)
_Loader.add_constructor("tag:yaml.org,2002:set", _construct_set)


#: Byte-order marks and what they say (UTF-32's first: its little-endian mark begins with UTF-16's); pages are
#: read by them too (``readers.page_encoding``).
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class DocumentError(ValueError):
    """The document cannot be used; the message names the file and what is wrong with it."""


def load_document_file(path: Path, *, shown: str | None = None, warnings: list[str] | None = None) -> Any:
    """Read and parse ``path`` (JSON when it ends in ``.json``, else YAML), then :func:`check_tree` it; see
    :func:`parse_document_text` for ``warnings``."""
    name = shown or str(path)
    text = read_document_text(path, shown=name)
    return parse_document_text(text, source=name, json_only=path.suffix == ".json", warnings=warnings)


def read_document_text(path: Path, *, shown: str | None = None) -> str:
    """The text of ``path``, at most :data:`MAX_BYTES` of UTF-8: every reader of a spec file (``generate``, ``diff``
    of files and of trees) goes through here, so none reads a file of any size whole into memory first."""
    name = shown or str(path)
    try:
        with path.open("rb") as handle:
            data = _read_capped(handle, MAX_BYTES + 1)
    except OSError as exc:
        raise DocumentError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    if len(data) > MAX_BYTES:
        raise DocumentError(f"{name}: larger than {MAX_BYTES:,} bytes; not read")
    # editors on Windows save JSON and YAML with a byte-order mark; JSON parsers may ignore it (RFC 8259)
    for bom, codec in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise DocumentError(
                    f"{name}: not {codec} as its byte-order mark says ({exc.reason} at byte {exc.start + len(bom)})"
                ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DocumentError(f"{name}:{line}: not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})") from None


def _read_capped(handle: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes of ``handle``, read in chunks: ``read(limit)`` would allocate the whole limit (64 MiB)
    up front for every small file."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = handle.read(min(1 << 20, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def parse_document_text(text: str, *, source: str, json_only: bool = False, warnings: list[str] | None = None) -> Any:
    """Parse YAML (or, with ``json_only``, JSON) text with a safe loader and :func:`check_tree` the result.

    A key a mapping repeats keeps its last value, as every JSON and YAML reader gives it (so the package matches
    what other tools read), and each is a located line in ``warnings``: YAML 1.2 and RFC 8259 want keys unique, and
    the earlier value is lost (a second ``/pets:`` dropped the first's operations without a word). A caller with no
    ``warnings`` list is one that only looks at the document (tests, a findings file)."""
    duplicates: list[str] = []
    try:
        data = _parse_json(text, source, duplicates) if json_only else _parse_yaml(text, source, duplicates)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"{source}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow: its own message spans two lines
        line = text.count("\n", 0, exc.position) + 1
        character = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        raise DocumentError(f"{source}:{line}: not valid YAML/JSON: the character {character} is not allowed") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}:" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DocumentError(f"{source}:{where} not valid YAML/JSON: {_one_line(problem)}") from None
    except RecursionError:
        raise DocumentError(f"{source}: nested too deeply to parse") from None
    except ValueError as exc:  # an integer longer than Python converts (sys.get_int_max_str_digits(), 4300 digits)
        raise DocumentError(_number_problem(text, source) or f"{source}: not valid YAML/JSON: {exc}") from None
    if not check_tree(data, source):
        string_keys(data, source, duplicates)
    if warnings is not None:
        warnings.extend(duplicates)
    return data


def _parse_yaml(text: str, source: str, duplicates: list[str]) -> Any:
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    for key, kept, lost in loader.duplicate_keys:
        earlier = f"the one at line {lost[0]} is" if len(lost) == 1 else f"those at lines {_lines(lost)} are"
        duplicates.append(
            f"{source}: line {kept}: duplicate key {key!r:.80} (keys must be unique); the value at line {kept} is used,"
            f" {earlier} lost"
        )
    return data


def _lines(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:5])) + (", ..." if len(numbers) > 5 else "")


def _parse_json(text: str, source: str, duplicates: list[str]) -> Any:
    repeated: dict[int, tuple[dict[str, Any], dict[str, int]]] = {}  # id(object) -> (object, key -> values lost)

    def mapping(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj = dict(pairs)
        if len(obj) < len(pairs):  # rare: only then are the keys counted
            counts = Counter(key for key, _ in pairs)
            repeated[id(obj)] = (obj, {key: n - 1 for key, n in counts.items() if n > 1})
        return obj

    data = json.loads(text, object_pairs_hook=mapping)
    if repeated:
        for where, lost in _pointers_of(data, repeated):
            for key, count in lost.items():
                earlier = "1 earlier one is" if count == 1 else f"{count} earlier ones are"
                duplicates.append(
                    f"{source}: {_where(where)}: duplicate key {key!r:.80} (keys must be unique); the last value is"
                    f" used, {earlier} lost"
                )
    return data


def _pointers_of(
    data: Any, objects: dict[int, tuple[dict[str, Any], dict[str, int]]]
) -> list[tuple[tuple[Any, ...], dict[str, int]]]:
    """(path, keys lost) of each of ``objects`` in ``data``, in document order (JSON has no aliases: each object is
    at one place)."""
    found: list[tuple[tuple[Any, ...], dict[str, int]]] = []
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack and len(found) < len(objects):
        node, path = stack.pop()
        if isinstance(node, dict):
            if id(node) in objects:
                found.append((path, objects[id(node)][1]))
            stack.extend((value, (*path, key)) for key, value in reversed(node.items()))
        elif isinstance(node, list):
            stack.extend((value, (*path, i)) for i, value in reversed(list(enumerate(node))))
    return found


def _one_line(problem: str) -> str:
    """A parser's message on one line: an error is one line naming the file, whatever the parser wrote."""
    return " ".join(problem.split())


def _key_text(key: Any) -> str:
    """How a key that is not a string reads as JSON text (YAML ``true:``, ``null:``, ``200:``, ``1.5:``)."""
    return json.dumps(key) if isinstance(key, bool | int | float) or key is None else str(key)


def string_keys(data: Any, source: str, duplicates: list[str] | None = None) -> None:
    """Make every mapping key of ``data`` a string, as JSON text gives it (``200`` -> ``"200"``, ``true`` ->
    ``"true"``, ``null`` -> ``"null"``).

    An OpenAPI document is JSON: its keys are strings. YAML reads ``200:`` as a number, ``true:`` as a boolean and
    ``~:`` as null, and everything that walks the document (names, sorting, ``.lower()`` on a media type) expects
    text: an ``int`` key was an ``AttributeError`` traceback in the generator, a ``bool`` beside ``str`` keys a
    ``TypeError`` in the diff's sorting. Two keys that read as one text (``200:`` and ``"200":``) are a duplicate
    key: with a ``duplicates`` list, the later value is kept and a warning naming the place goes there (as a key
    written twice, see :func:`parse_document_text`); without one, an error naming the place. Changed in place;
    ``check_tree`` has already ruled out cycles and bounded the size."""
    seen: set[int] = set()
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, dict):
            if not all(isinstance(key, str) for key in node):
                items = list(node.items())
                node.clear()
                for key, value in items:
                    text = _key_text(key)
                    if text in node:
                        clash = (
                            f"{source}: {_where((*path, text))}: the key {key!r:.40} reads as {text!r:.40},"
                            " which the mapping already has"
                        )
                        if duplicates is None:
                            raise DocumentError(clash)
                        duplicates.append(f"{clash} (keys must be unique); the later value is used, the earlier lost")
                    node[text] = value
            stack.extend((value, (*path, key) if len(path) < 12 else path) for key, value in node.items())
        elif isinstance(node, list):
            stack.extend((value, (*path, i) if len(path) < 12 else path) for i, value in enumerate(node))


def parse_example_json(text: str) -> Any:
    """A JSON example from a page, held to the limits of a spec (:func:`check_tree`); every way it cannot be used is
    a :class:`json.JSONDecodeError`, which the dialects already turn into an ``invalid-json`` finding.

    ``json.loads`` alone raises ``RecursionError`` on ``[[[[...`` and ``ValueError`` on an integer of more than
    4300 digits, and returns lone surrogates and nesting that later recursive passes cannot walk: each of those
    stopped the whole page as an internal error.
    """
    try:
        value = json.loads(text)
    except RecursionError:
        raise json.JSONDecodeError("nested too deeply to parse", text, 0) from None
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # an integer longer than Python converts
        digits = _long_integer(text)
        raise json.JSONDecodeError(str(exc).split(";")[0], text, digits.start() if digits else 0) from None
    try:
        check_tree(value, "example")
    except DocumentError as exc:
        raise json.JSONDecodeError(str(exc).removeprefix("example: "), text, 0) from None
    return value


def _number_problem(text: str, source: str) -> str | None:
    """Where ``text`` holds an integer too long for Python to convert (a located message), or None."""
    digits = _long_integer(text)
    if digits is None:
        return None
    line = text.count("\n", 0, digits.start()) + 1
    return f"{source}:{line}: a number of {len(digits[0]):,} digits; at most {sys.get_int_max_str_digits():,} are read"


def _long_integer(text: str) -> re.Match[str] | None:
    """The first run of more digits than Python converts to an ``int`` (``sys.get_int_max_str_digits()``)."""
    limit = sys.get_int_max_str_digits()
    return re.search(rf"\d{{{limit + 1},}}", text) if limit else None


def check_tree(data: Any, source: str) -> bool:
    """Refuse a parsed document that is cyclic, deeper than :data:`MAX_DEPTH`, larger than :data:`MAX_NODES`
    once aliases are expanded, or holds a string that is not valid Unicode (a lone surrogate); returns whether
    every mapping key is a string (YAML's may not be: see :func:`string_keys`)."""
    all_text_keys = True
    count = 0
    on_path: set[int] = set()
    # (node, depth, path) to enter; (None, -1, id) to leave a container
    stack: list[tuple[Any, int, Any]] = [(data, 0, ())]
    while stack:
        node, depth, path = stack.pop()
        if depth < 0:
            on_path.discard(path)
            continue
        count += 1
        if count > MAX_NODES:
            raise DocumentError(f"{source}: more than {MAX_NODES:,} nodes once YAML aliases are expanded; not used")
        if isinstance(node, str):
            _check_text(node, source, path)
            continue
        if not isinstance(node, (dict, list)):
            continue
        if depth >= MAX_DEPTH:
            raise DocumentError(f"{source}: nested deeper than {MAX_DEPTH} levels at {_where(path)}")
        if id(node) in on_path:
            raise DocumentError(f"{source}: a YAML alias refers to itself at {_where(path)} (a cyclic document)")
        on_path.add(id(node))
        stack.append((None, -1, id(node)))
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            if isinstance(key, str):
                _check_text(key, source, path)
            else:
                all_text_keys = False
            stack.append((value, depth + 1, (*path, key) if len(path) < 12 else path))
    return all_text_keys


def _check_text(text: str, source: str, path: tuple[Any, ...]) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = text[exc.start]
        raise DocumentError(f"{source}: invalid Unicode (lone surrogate U+{ord(bad):04X}) at {_where(path)}") from None


def _where(path: tuple[Any, ...]) -> str:
    return json_pointer(str(p)[:40] for p in path) or "the top level"


_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def check_openapi_shape(doc: dict[str, Any], source: str) -> None:
    """The containers generate and diff walk have the types OpenAPI gives them (``paths`` a mapping, each
    operation's ``responses`` a mapping, ``parameters`` a list, ...); the first that does not is the error."""
    _expect(doc.get("info", {}), dict, source, ("info",))
    paths = _expect(doc.get("paths", {}), dict, source, ("paths",))
    for route, raw_item in paths.items():
        if is_extension(route):  # Paths, Responses and Components objects may carry x- keys of any value
            continue
        item = _expect(raw_item, dict, source, ("paths", route))
        _expect(item.get("parameters", []), list, source, ("paths", route, "parameters"))
        for method in _METHODS:
            if method not in item:
                continue
            where = ("paths", route, method)
            op = _expect(item[method], dict, source, where)
            _expect(op.get("parameters", []), list, source, (*where, "parameters"))
            _expect(op.get("responses", {}), dict, source, (*where, "responses"))
            for code, response in (op.get("responses") or {}).items():
                if not is_extension(code):
                    _expect(response, dict, source, (*where, "responses", code))
            if "requestBody" in op:
                _expect(op["requestBody"], dict, source, (*where, "requestBody"))
    components = _expect(doc.get("components", {}), dict, source, ("components",))
    for section, value in components.items():
        if not is_extension(section):
            _expect(value, dict, source, ("components", section))
    _expect(doc.get("servers", []), list, source, ("servers",))
    _check_schema_keywords(doc, source)


#: Keywords whose value is one subschema, a mapping of subschemas, or a list of them (JSON Schema 2020-12 + 3.0).
_ONE_SCHEMA = ("not", "items", "additionalProperties", "contains", "propertyNames", "if", "then", "else",
               "unevaluatedItems", "unevaluatedProperties", "additionalItems")  # fmt: skip
_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
#: Values that are data, not schemas or OpenAPI objects: never searched for a ``schema`` key.
_DATA_KEYS = frozenset({"example", "examples", "default", "enum", "const"})


def _check_schema_keywords(doc: dict[str, Any], source: str) -> None:
    """Every schema's ``type`` is a string or a list of strings, and its subschema keywords hold schemas in the
    containers JSON Schema gives them (``properties`` a mapping, ``allOf`` a list, ...): the generator and the
    diff look these up without asking (``type: {a: 1}`` was a ``TypeError: unhashable type`` traceback). A
    schema is the value of a ``schema`` key (parameters, media types, headers) or of ``components.schemas``."""
    stack: list[tuple[Any, tuple[Any, ...], bool]] = [(doc, (), False)]  # (node, where, is a schema)
    while stack:
        node, where, is_schema = stack.pop()
        if not isinstance(node, dict):
            if isinstance(node, list) and not is_schema:
                stack.extend((item, (*where, i), False) for i, item in enumerate(node))
            continue
        if not is_schema:
            for key, value in node.items():
                if isinstance(key, str) and key not in _DATA_KEYS and not is_extension(key):
                    schema = key == "schema" or (key == "schemas" and where == ("components",))
                    if key == "schemas" and schema:
                        stack.extend(
                            (v, (*where, "schemas", k), True)
                            for k, v in _expect(value, dict, source, (*where, "schemas")).items()
                        )
                    else:
                        stack.append((value, (*where, key), schema))
            continue
        kind = node.get("type")
        if kind is not None and not (
            isinstance(kind, str) or (isinstance(kind, list) and all(isinstance(k, str) for k in kind))
        ):
            raise DocumentError(
                f"{source}: {_where((*where, 'type'))} must be a string or a list of strings, got {kind!r:.60}"
            )
        for key in _ONE_SCHEMA:
            value = node.get(key)
            if isinstance(value, dict):
                stack.append((value, (*where, key), True))
            elif isinstance(value, list) and key == "items":  # draft 4 tuple items (OpenAPI 3.0 forbids; seen)
                stack.extend((v, (*where, "items", i), True) for i, v in enumerate(value))
        for key in _SCHEMA_MAPS:
            if key in node:
                mapping = _expect(node[key], dict, source, (*where, key))
                stack.extend((v, (*where, key, k), True) for k, v in mapping.items())
        for key in _SCHEMA_LISTS:
            if key in node:
                items = _expect(node[key], list, source, (*where, key))
                stack.extend((v, (*where, key, i), True) for i, v in enumerate(items))


def not_a_document(data: Any) -> str:
    """Why ``data``, a parsed file that is not a mapping, is no OpenAPI document, in the words of an error line."""
    if data is None:
        return "the file is empty (or holds only null): expected an OpenAPI document"
    return f"expected an OpenAPI document (a mapping), got {type(data).__name__}"


def is_extension(key: Any) -> bool:
    """A specification extension key (``x-...``): OpenAPI lets it hold any value, and the Paths, Responses and
    Components objects may carry them beside their entries (so they are neither checked nor read as entries)."""
    return isinstance(key, str) and key.startswith("x-")


def _expect(value: Any, kind: type, source: str, where: tuple[Any, ...]) -> Any:
    if value is None:
        return kind()
    if not isinstance(value, kind):
        expected = "a mapping" if kind is dict else "a list"
        raise DocumentError(f"{source}: {_where(where)} must be {expected}, got {type(value).__name__}")
    return value
