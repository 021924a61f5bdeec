"""Pydantic v2 models for one API version, rendered by datamodel-code-generator.

The schemas come from ``ir.VersionIR.schemas``: the document's components under sanitised class names plus the
hoisted inline request/response schemas, so every class the client refers to exists under a known name (checked
after generation). Options chosen for faithful round-trips of documented JSON: ``extra="allow"`` (unknown keys
survive), string formats stay ``str`` (no datetime re-formatting), aliases keep the wire names.
"""

from __future__ import annotations

import ast
import copy
import hashlib
import io
import itertools
import json
import re
import sys
import tokenize
import warnings
from collections.abc import Iterable, Iterator, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from scraper.cache_files import MAX_AGE_S, cache_root, prune_when_due, read_entry, write_entry
from scraper.clients import (
    container_defaults,
    discriminated_wrappers,
    layout,
    model_build_depth,
    regex_engines,
    syntax_nodes,
)
from scraper.clients.errors import GenerationError
from scraper.clients.schema_keywords import (
    honoured_schemas,
    nullable_as_null_type,
    nullable_component_names,
    referenced_union,
)
from scraper.clients.union_members import union_members
from scraper.source_digest import installed_version

__all__ = [
    "ModelsCache",
    "default_models_cache",
    "generator_input",
    "generator_source",
    "inline_item_classes",
    "models_key",
    "render_models",
]

_STRING_FORMATS = (
    *("date-time", "date", "time", "duration", "uuid", "email", "uri", "ipv4", "ipv6", "hostname", "byte"),
    "password",  # not SecretStr: a request model dumps it as "**********", so the client would send asterisks
    # every other string format the generator gives a type of its own: the value is sent and read as written,
    # like the ones above (Ory's format: uuid4 was UUID4, and every synthesised or non-v4 id failed to parse;
    # string+integer and string+decimal would be sent as numbers; ulid needs a package no client depends on)
    *("uuid1", "uuid2", "uuid3", "uuid4", "uuid5", "idn-email", "date-time-local", "time-local"),
    *("timestamp with time zone", "path", "ipv4-network", "ipv6-network", "decimal", "integer", "ulid"),
)


#: A number with a date format is a Unix time (Intercom's applied_at: 1663597223). The generator would make it a
#: datetime, which the client dumps as ISO text: it would send a string where the API takes the number.
_NUMERIC_TIMES = tuple(
    f"{kind}+{fmt}={kind}" for kind in ("integer", "number") for fmt in ("date-time", "date", "time")
)

#: Rendered model modules by (schemas, OpenAPI version), with a placeholder header: API versions of a service often
#: share every schema (datamodel-code-generator is most of a package's rendering time). Bounded; per process.
_RENDERED: dict[str, str] = {}
_HEADER = "@@docs2client-models-header@@"
#: Changes whenever the layout or the meaning of a models cache entry changes.
_CACHE_FORMAT = "docs2client models cache 1"


def render_models(schemas: Mapping[str, Any], *, openapi: str, source_name: str, header: str) -> str:
    """Source of ``models.py`` (black-shaped, black still formats it) defining one class per entry of ``schemas``."""
    honoured, key = prepared_models(schemas, openapi=openapi)
    return render_prepared(honoured, key, openapi=openapi, source_name=source_name, header=header)


def prepared_models(schemas: Mapping[str, Any], *, openapi: str) -> tuple[dict[str, Any], str]:
    """``(the schemas datamodel-code-generator is given, their models_key)``: no generator-specific keywords from
    the spec (they can import modules)."""
    honoured = honoured_schemas(schemas)
    return honoured, models_key(honoured, openapi)


def known_body(key: str) -> str | None:
    """The models of ``key`` (see :func:`prepared_models`) when this process or the models cache has them, else
    None; a caller with a models worker looks here first, so an edit that leaves the schemas alone never waits for
    the worker (nor ships it the schemas)."""
    body = _RENDERED.get(key)
    if body is None:
        cache = default_models_cache()
        body = cache.get(key) if cache is not None else None
        if body is not None:
            _remember(key, body)
    return body


def render_prepared(honoured: Mapping[str, Any], key: str, *, openapi: str, source_name: str, header: str) -> str:
    """:func:`render_models` of schemas :func:`prepared_models` prepared: known, or rendered and remembered."""
    body = known_body(key)
    if body is None:
        body = _render_models(honoured, openapi=openapi, source_name=source_name)
        cache = default_models_cache()
        if cache is not None:
            cache.put(key, body)
            cache.prune()
        _remember(key, body)
    return _with_header(body, source_name, header)


def _remember(key: str, body: str) -> None:
    if len(_RENDERED) >= 64:
        _RENDERED.clear()
    _RENDERED[key] = body


def _with_header(body: str, source_name: str, header: str) -> str:
    if _HEADER not in header:
        return body.replace(_HEADER, header, 1)
    raise GenerationError(f"{source_name}: a models header cannot contain {_HEADER!r}")


def models_key(schemas: Mapping[str, Any], openapi: str) -> str:
    """What a version's models are rendered from (its honoured schemas and OpenAPI version), as a key: a run renders
    each distinct key once. Key order and value types matter to the output: no sort_keys, and non-JSON values keep
    their type."""
    return hashlib.sha256(json.dumps([schemas, openapi], default=_typed).encode()).hexdigest()


def _typed(value: Any) -> list[str]:
    return [type(value).__name__, str(value)]


class ModelsCache:
    """datamodel-code-generator's post-processed output by its exact input, kept between runs.

    An edit of one operation's text re-renders its whole package, but leaves the schemas alone: the models of every
    API version are then exactly what the last run rendered, and rendering them again is most of the package's
    time. Entries live in ``<cache folder>/models/<salt>/<aa>/<key>``; ``key`` is the in-process memo's key (the
    honoured schemas as JSON, key order kept, and the OpenAPI version), ``salt`` names what turns that input into
    source: datamodel-code-generator's and pydantic's versions, Python's, and the code of this module and of the
    layout it shapes lines with. Entries carry a checksum (a torn entry is a miss), and a hit is used only when it
    is what this module writes: imports from the four modules it imports, classes of annotated fields whose only
    calls are pydantic's ``Field``/``ConfigDict``, no other name than those, the module's own classes and builtin
    types (see :func:`_is_model_module`); anything else, an edited entry say, is a miss and is rendered again.
    """

    def __init__(self, directory: Path, salt: str | None = None) -> None:
        self.root = directory / "models"
        self.directory = self.root / (salt if salt is not None else _models_salt())
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / key

    def get(self, key: str) -> str | None:
        """The stored source for ``key``, or None (absent, unreadable, torn, or not a models module)."""
        try:
            data = read_entry(self._path(key))
            source = data.decode("utf-8") if data is not None else None
        except (OSError, UnicodeDecodeError):
            source = None
        if source is None or not _is_model_module(source):
            self.misses += 1
            return None
        self.hits += 1
        return source

    def put(self, key: str, source: str) -> None:
        """Remember ``source`` for ``key`` (a cache that cannot be written only costs time)."""
        write_entry(self._path(key), source.encode("utf-8"))

    def prune(self, max_age_s: float = MAX_AGE_S) -> int:
        """Remove entries (of any salt) not used for ``max_age_s`` seconds, at most once a day; returns how many."""
        return prune_when_due(self.root, max_age_s)

    def holds_entries(self) -> bool:
        """Whether any entry of this salt exists (a run with the same generator has rendered models before)."""
        try:
            return any(folder.is_dir() and any(folder.iterdir()) for folder in self.directory.iterdir())
        except OSError:
            return False


def default_models_cache() -> ModelsCache | None:
    """The models cache in docs2client's cache folder, or None when caches are off (``DOCS2CLIENT_CACHE_DIR=off``)."""
    root = cache_root()
    return None if root is None else ModelsCache(root)


def salted_files() -> list[str]:
    """The files of the code that shapes a models module, which the models cache's salt reads: this module, its
    passes and what they import from ``scraper.clients`` (``tests/clients/test_models_cache.py`` holds the list
    to the imports; ``formatting`` gives ``layout`` only black's line length and is left out)."""
    # the worker's second hoist and the 3.0 nullable spelling (see _render_models) shape the output too; render:
    # py_literal rewrites the generator's literals that hold invisible characters (_escaped_invisibles); render
    # imports markdown_headings (its README filter)
    from scraper.clients import (
        annotation_names,
        html_text,
        markdown_headings,
        naming,
        open_enums,
        refs,
        render,
        schema_keywords,
        schema_names,
    )
    from scraper.clients import union_members as union_members_module

    modules = (
        layout, model_build_depth, regex_engines, schema_names, schema_keywords, render, discriminated_wrappers,
        container_defaults, annotation_names, naming, refs, syntax_nodes, union_members_module, open_enums, html_text,
        markdown_headings,
    )  # fmt: skip
    return [__file__, *(str(module.__file__) for module in modules)]


@cache
def _models_salt() -> str:
    """What turns a models cache key into source: the generator, pydantic, Python and our post-processing code."""
    digest = hashlib.sha256(f"{_CACHE_FORMAT}\n{sys.version}\n".encode())
    for name in ("datamodel-code-generator", "pydantic"):
        digest.update(f"{name}=={installed_version(name)}\n".encode())
    from scraper.clients.schema_names import RESERVED_CLASSES

    for module_file in salted_files():
        digest.update(Path(module_file).read_bytes())
    digest.update(" ".join(sorted(RESERVED_CLASSES)).encode())
    return digest.hexdigest()[:16]


#: What a rendered models module may import, call and name besides its own classes (see :func:`_is_model_module`).
_MODEL_IMPORTS = frozenset({"__future__", "enum", "pydantic", "typing"})
_MODEL_CALLS = frozenset({"pydantic.Field", "pydantic.ConfigDict"})
_MODEL_BUILTINS = frozenset({"str", "int", "float", "bool", "bytes", "list", "dict", "set", "tuple", "object"})
_MODEL_NODES = frozenset({
    ast.Module, ast.Expr, ast.Constant, ast.ImportFrom, ast.alias, ast.ClassDef, ast.Assign, ast.AnnAssign, ast.Name,
    ast.Load, ast.Store, ast.Call, ast.keyword, ast.BinOp, ast.BitOr, ast.Subscript, ast.Tuple, ast.List, ast.Dict,
    ast.Attribute, ast.UnaryOp, ast.USub, ast.Pass,
})  # fmt: skip


def _is_model_module(source: str) -> bool:
    """Whether ``source`` is only what :func:`_render_models` writes: model declarations, nothing that runs code.

    A cached entry goes into a package as it is, so an entry edited by someone else must not become code there:
    only imports from ``_MODEL_IMPORTS``, undecorated classes, constants, annotations, and calls of pydantic's
    ``Field``/``ConfigDict`` (under the names it imports them as) are accepted, and only the names the module
    imports or defines and builtin types are referred to."""
    try:
        tree = _module_tree(source)
    except (SyntaxError, ValueError):
        return False
    imported: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            if node.module not in _MODEL_IMPORTS or node.level:
                return False
            imported.update((a.asname or a.name, f"{node.module}.{a.name}") for a in node.names)
        elif isinstance(node, ast.ClassDef):
            if node.decorator_list or node.keywords:
                return False
        elif not isinstance(node, ast.Expr | ast.Assign | ast.AnnAssign):
            return False
    defined = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    callable_names = {name for name, full in imported.items() if full in _MODEL_CALLS}
    known = defined | set(imported) | _MODEL_BUILTINS
    # One pass over the tree; ``typed``: inside an expression pydantic evaluates as a type (a class base or a field
    # annotation), where a string is a forward reference it evaluates as Python, unless inside ``Literal[...]``.
    stack: list[tuple[ast.AST, bool]] = [(tree, False)]
    while stack:
        item, typed = stack.pop()
        kind = type(item)
        if kind not in _MODEL_NODES:
            return False
        if kind is ast.Name:
            if type(item.ctx) is ast.Load and item.id not in known:  # type: ignore[attr-defined]
                return False
        elif kind is ast.Constant:
            if typed and isinstance(item.value, str) and item.value not in known:  # type: ignore[attr-defined]
                return False
        elif kind is ast.Call:
            func = item.func  # type: ignore[attr-defined]
            if type(func) is ast.Attribute and func.attr == "model_rebuild":  # built at import (_built_at_import)
                if item.args or item.keywords or type(func.value) is not ast.Name or func.value.id not in defined:  # type: ignore[attr-defined]
                    return False
                continue
            if type(func) is ast.Subscript and type(func.value) is ast.Name and func.value.id in ("list", "dict"):
                # a container default called through its type (container_defaults): the type, then the display
                stack.append((func, True))
                stack.extend((child, False) for child in (*item.args, *item.keywords))  # type: ignore[attr-defined]
                continue
            if not (type(func) is ast.Name and func.id in callable_names):
                return False
        elif kind is ast.Attribute:
            if item.attr.startswith("_") or type(item.value) is not ast.Name:  # type: ignore[attr-defined]
                return False
        elif kind is ast.ClassDef:
            stack.extend((base, True) for base in item.bases)  # type: ignore[attr-defined]
            stack.extend((stmt, False) for stmt in item.body)  # type: ignore[attr-defined]
            continue
        elif kind is ast.AnnAssign:
            stack.append((item.annotation, True))  # type: ignore[attr-defined]
            stack.extend((child, False) for child in (item.target, item.value) if child is not None)  # type: ignore
            continue
        elif kind is ast.Subscript and typed:
            literal = type(item.value) is ast.Name and item.value.id == "Literal"  # type: ignore[attr-defined]
            stack.append((item.value, True))  # type: ignore[attr-defined]
            parts = item.slice.elts if type(item.slice) is ast.Tuple else []  # type: ignore[attr-defined]
            if type(item.value) is ast.Name and item.value.id == "Annotated" and parts:  # type: ignore[attr-defined]
                # the type, then metadata pydantic reads as values: only ``Field(...)`` calls (discriminated_wrappers)
                if any(type(part) is not ast.Call for part in parts[1:]):
                    return False
                stack.append((parts[0], True))
                stack.extend((part, False) for part in parts[1:])
                continue
            stack.append((item.slice, not literal))  # type: ignore[attr-defined]
            continue
        stack.extend((child, typed) for child in ast.iter_child_nodes(item))
    return True


@lru_cache(maxsize=2)
def _module_tree(source: str) -> ast.Module:
    """``source`` parsed, shared by the post-processing passes, which only read the tree: most passes leave the
    text as it was, and the next one would parse the same models module again (about 10 parses per module, three
    quarters of the post-processing's CPU)."""
    return ast.parse(source)


def _render_models(schemas: Mapping[str, Any], *, openapi: str, source_name: str) -> str:
    hoisted = generator_input(schemas, openapi=openapi)
    if not hoisted:
        return f'"""{_HEADER}"""\n\nfrom __future__ import annotations\n\n__all__: list[str] = []\n'
    result = generator_source(hoisted, openapi=openapi, source_name=source_name)
    # datamodel-code-generator output made ruff- and mypy --strict-clean, then shaped as black writes it
    source = _plain_constrained_types(_pep604_unions(_builtin_generics(_field_calls(result))))
    source = _bare_generics(_unquoted(_mismatched_defaults(_settable_roots(source))))
    source = _sort_imports(discriminated_wrappers.unwrapped_discriminated_items(source, _module_tree(source), hoisted))
    source = container_defaults.typed_container_defaults(source, _module_tree(source))
    source = _defer_build(_ambiguous_names(_narrowed_fields(_escaped_invisibles(source))))
    source = _black_shape(regex_engines.python_re_where_rust_refuses(source, _module_tree(source)))
    source = _built_at_import(source)
    _check_classes(source, hoisted, source_name)
    return source


def generator_input(schemas: Mapping[str, Any], *, openapi: str) -> dict[str, Any]:
    """``schemas`` as datamodel-code-generator is given them: a copy with every inline schema it would make a class
    of hoisted under a name from its place (``schema_names``: the IR has done so already; schemas from elsewhere,
    the benchmark's say, get the same names), and OpenAPI 3.0's ``nullable`` spelt as JSON Schema's null type
    (which the generator honours on required fields too)."""
    from scraper.clients.schema_names import RESERVED_CLASSES, hoist_inline_classes

    hoisted: dict[str, Any] = copy.deepcopy(dict(schemas))
    hoist_inline_classes(hoisted, RESERVED_CLASSES)
    hoisted = {name: referenced_union(hoisted, schema) for name, schema in hoisted.items()}
    if openapi.startswith("3.0"):
        nullable = nullable_component_names(hoisted)
        hoisted = {
            name: nullable_as_null_type(schema, nullable_components=nullable) for name, schema in hoisted.items()
        }
    return hoisted


#: Property names pydantic refuses as field names that datamodel-code-generator leaves as they are: each becomes
#: its Python name with the property name as the alias.
_PYDANTIC_RESERVED_FIELDS = {"Config": "Config_"}
#: pydantic's protected namespaces: a field named ``model_dump...`` or ``model_validate...`` is a UserWarning at every
#: import of the models (``Field 'model_dump_' ... conflicts with protected namespace``), an error under ``-W error``;
#: the generator's own rename (``model_dump_``) stays inside the namespace.
_PROTECTED_PREFIXES = ("model_dump", "model_validate")


def _field_aliases(schemas: Mapping[str, Any]) -> dict[str, str]:
    """Property name -> field name for the names pydantic refuses or warns about, found anywhere in ``schemas``:
    ``Config``, and ``field_<name>`` for a name in a protected namespace (the property name stays its alias)."""
    aliases = dict(_PYDANTIC_RESERVED_FIELDS)
    stack: list[Any] = [schemas]
    while stack:
        node = stack.pop()
        if isinstance(node, Mapping):
            properties = node.get("properties")
            if isinstance(properties, Mapping):
                aliases.update(
                    (name, f"field_{name}")
                    for name in properties
                    if isinstance(name, str) and name.startswith(_PROTECTED_PREFIXES)
                )
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return aliases


def generator_source(schemas: Mapping[str, Any], *, openapi: str, source_name: str) -> str:
    """datamodel-code-generator's own output for ``schemas`` (non-empty, as :func:`generator_input` gives them),
    before this module's post-processing (public for the benchmark, which measures the generator's share of a
    run)."""
    header = _HEADER
    from datamodel_code_generator import generate
    from datamodel_code_generator.enums import DataModelType, InputFileType
    from datamodel_code_generator.format import PythonVersion

    openapi_version = openapi if openapi.startswith("3.") else "3.1.0"
    document = {
        "openapi": openapi_version,
        "info": {"title": "models", "version": "0"},
        "paths": {},
        "components": {"schemas": dict(schemas)},
    }
    try:
        with warnings.catch_warnings():
            # Unknown string formats (e.g. "numeric-string") are plain str here; that is the intended mapping.
            warnings.simplefilter("ignore", UserWarning)
            result = generate(
                document,
                input_file_type=InputFileType.OpenAPI,
                output_model_type=DataModelType.PydanticV2BaseModel,
                target_python_version=PythonVersion.PY_311,
                disable_timestamp=True,
                use_standard_collections=True,
                use_union_operator=True,
                extra_fields="allow",
                use_double_quotes=True,
                field_constraints=True,
                keep_model_order=False,
                type_mappings=[*(f"{fmt}=string" for fmt in _STRING_FORMATS), *_NUMERIC_TIMES],
                capitalise_enum_members=True,
                # pydantic v1's class-config name: a field called ``Config`` beside the ``model_config`` the models
                # carry is "Config and model_config cannot be used together" at import (Docker Engine's
                # LogConfig.Config); the generator already renames ``model_config`` and ``model_*`` itself
                aliases=_field_aliases(schemas),
                set_default_enum_member=True,
                formatters=[],
                custom_file_header=f'"""{header}"""',
            )
    except Exception as exc:  # datamodel-code-generator raises many types; name the document either way
        raise GenerationError(f"{source_name}: datamodel-code-generator failed on components.schemas: {exc}") from exc
    if not isinstance(result, str):
        raise GenerationError(f"{source_name}: datamodel-code-generator returned several modules; expected one")
    return result


def _field_calls(source: str) -> str:
    """Every ``Field(...)`` call uses pydantic's ``Field`` under the name the module imports it as.

    When a model has a property named ``Field``, datamodel-code-generator imports ``Field as Field_aliased`` but
    still writes bare ``Field(...)`` in root models, which is a NameError at import. Rewritten token by token, so
    the property itself and text in strings are untouched."""
    alias = re.search(r"^from pydantic import .*\bField as (\w+)", source, re.MULTILINE)
    if alias is None:
        return source
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    lines = source.split("\n")
    edits = [
        tok.start
        for tok, following in itertools.pairwise(tokens)
        if tok.type == tokenize.NAME and tok.string == "Field" and following.string == "("
    ]
    for row, col in sorted(edits, reverse=True):
        line = lines[row - 1]
        lines[row - 1] = line[:col] + alias.group(1) + line[col + len("Field") :]
    return "\n".join(lines)


def _unquoted(source: str) -> str:
    """Forward references inside field annotations without quotes (``from __future__ import annotations`` makes
    them unnecessary, and ruff's UP037 flags them); class bases keep theirs (they are evaluated)."""
    tree = _module_tree(source)
    classes = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    lines = source.split("\n")
    edits: list[tuple[int, int, int, str]] = []
    for node in syntax_nodes.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        for stmt in node.body:
            if not isinstance(stmt, ast.AnnAssign):
                continue
            # Values inside Literal[...] are data, even when one reads like a class (a discriminator's default
            # value is its schema's name: pet_type: Literal["Cat"] in class Cat)
            literal_values = {
                id(value)
                for sub in syntax_nodes.walk(stmt.annotation)
                if isinstance(sub, ast.Subscript) and isinstance(sub.value, ast.Name) and sub.value.id == "Literal"
                for value in syntax_nodes.walk(sub.slice)
            }
            for sub in syntax_nodes.walk(stmt.annotation):
                # class names only, on one line
                if (
                    isinstance(sub, ast.Constant)
                    and sub.value in classes
                    and sub.lineno == sub.end_lineno
                    and id(sub) not in literal_values
                ):
                    edits.append((sub.lineno, sub.col_offset, sub.end_col_offset or 0, str(sub.value)))
    return _replace_spans(lines, edits)


def _replace_spans(lines: list[str], edits: list[tuple[int, int, int, str]]) -> str:
    """``lines`` with each (1-based row, start, end, text) span replaced; offsets in UTF-8 bytes, as ``ast`` counts."""
    for row, start, end, text in sorted(edits, reverse=True):
        raw = lines[row - 1].encode("utf-8")
        lines[row - 1] = (raw[:start] + text.encode("utf-8") + raw[end:]).decode("utf-8")
    return "\n".join(lines)


def _narrowed_fields(source: str) -> str:
    """Inheritance that is valid pydantic but that mypy rejects, marked for it:

    - a field that an ``allOf`` child redeclares with a type that does not fit a base's (an inherited enum cut
      down to one value, ``list[Booking]`` for ``list[dict[str, Any]]``) gets ``# type: ignore[assignment]``;
    - a class whose bases declare one field with different types (``allOf`` of two schemas that both have a
      ``scope``) gets ``# type: ignore[misc]`` on its ``class`` line, unless it redeclares the field itself.

    An ignore mypy does not need is an error under ``--strict`` too, so only what mypy rejects is marked: a
    narrower Literal, an enum of a str or int base (``StrEnum``), a subclass, ``Any`` all fit."""
    tree = _module_tree(source)
    classes = {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}

    def definitions(name: str, seen: frozenset[str]) -> dict[str, list[tuple[str, str]]]:
        """Each field ``name`` and its ancestors declare: ``(declaring class, annotation)``, the class's own first,
        then each base's in order; mypy checks an override against every one of them, not only the nearest."""
        node = classes.get(name)
        if node is None or name in seen:
            return {}
        out: dict[str, list[tuple[str, str]]] = {}
        for stmt in node.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                out.setdefault(stmt.target.id, []).append((name, ast.unparse(stmt.annotation)))
        for base in node.bases:
            if isinstance(base, ast.Name):
                for field_name, found in definitions(base.id, seen | {name}).items():
                    known = out.setdefault(field_name, [])
                    known += [d for d in found if d not in known]
        return out

    ancestors = _ancestors(classes)
    declared = {
        name: {
            stmt.target.id: ast.unparse(stmt.annotation)
            for stmt in node.body
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
        }
        for name, node in classes.items()
    }
    rows: list[tuple[int, str]] = []
    for node in classes.values():
        base_fields = [definitions(base.id, frozenset()) for base in node.bases if isinstance(base, ast.Name)]
        mro = _mro(node.name, classes)
        last_base = node.bases[-1].id if node.bases and isinstance(node.bases[-1], ast.Name) else None
        own: set[str] = set()
        for stmt in node.body:
            if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
                own.add(stmt.target.id)
                parts = union_members(ast.unparse(stmt.annotation))
                # as mypy checks an override: along the MRO, each class that declares the field, until one rejects
                # it or the last direct base accepted it (PagerDuty's WithTeams(ScriptAction) restates the Literal
                # its parent narrowed already: checked against the grandparent's enum too, it got an unused ignore)
                for ancestor in mro[1:]:
                    before = declared.get(ancestor, {}).get(stmt.target.id)
                    if before is None:
                        continue
                    if not all(_narrows(p, union_members(before), ancestors) for p in parts):
                        rows.append((stmt.end_lineno or stmt.lineno, "assignment"))
                        break
                    if ancestor == last_base:
                        break
        # the bases' nearest declarations of each inherited field must agree, unless one declaring class derives
        # from the other (its declaration overrides the other's and was checked where it was made)
        nearest: dict[str, list[tuple[str, str]]] = {}
        for b in base_fields:
            for field_name, found in b.items():
                if field_name not in own and found[0] not in nearest.setdefault(field_name, []):
                    nearest[field_name].append(found[0])
        if any(_conflicting(found, ancestors) for found in nearest.values()):
            rows.append((node.lineno, "misc"))  # mypy: the bases' definitions must be the same type
    lines = source.split("\n")
    for row, code in sorted(set(rows)):
        lines[row - 1] += f"  # type: ignore[{code}]"
    return "\n".join(lines)


def _mro(name: str, classes: Mapping[str, ast.ClassDef]) -> list[str]:
    """The method resolution order of class ``name`` over the module's classes (C3, as Python and mypy compute it;
    bases defined elsewhere, ``BaseModel``, end it). A hierarchy C3 cannot order (Python would refuse the module)
    falls back to every ancestor depth first."""

    def linearise(current: str, seen: frozenset[str]) -> list[str]:
        node = classes.get(current)
        if node is None or current in seen:
            return [current]
        bases = [b.id for b in node.bases if isinstance(b, ast.Name)]
        sequences = [linearise(b, seen | {current}) for b in bases] + [bases]
        order = [current]
        while any(sequences):
            for sequence in (s for s in sequences if s):
                head = sequence[0]
                if not any(head in s[1:] for s in sequences):
                    break
            else:
                return order + [b for s in sequences for b in s if b not in order]
            order.append(head)
            sequences = [s[1:] if s and s[0] == head else s for s in sequences]
        return order

    return linearise(name, frozenset())


def _conflicting(declared: list[tuple[str, str]], ancestors: Mapping[str, set[str]]) -> bool:
    """Whether two of a field's ``(declaring class, annotation)`` differ in type while neither class derives from
    the other (``C3Combined(C3First, C3Second)``: C3Second overrides the field of C3Root, which C3First inherits)."""
    return any(
        union_members(a) != union_members(b) and x not in ancestors.get(y, set()) and y not in ancestors.get(x, set())
        for i, (x, a) in enumerate(declared)
        for y, b in declared[i + 1 :]
    )


#: Names ruff's E741 calls ambiguous (``l``, ``I``, ``O`` read like digits): enum members and fields keep the name the
#: spec gives them (``I = "I"``, a one-letter code), with the rule silenced on that line.
_AMBIGUOUS = frozenset({"l", "I", "O"})


def _ambiguous_names(source: str) -> str:
    """Class-body assignments to an ambiguous name get ``# noqa: E741`` on their first line, where ruff reads it.

    A comment at the end of a one-line ``l: str = Field(...)`` is not where it stays: when black splits the call
    (the line too long, or too long with the comment), the comment goes after the closing parenthesis, a line ruff
    does not read for the name. Black keeps a comment that follows an opening parenthesis in place, so a call's
    arguments go on lines of their own below ``Field(  # noqa: E741`` (black joins nothing back)."""
    tree = _module_tree(source)
    marked: list[ast.stmt] = []
    for node in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        for stmt in node.body:
            targets = (
                stmt.targets
                if isinstance(stmt, ast.Assign)
                else [stmt.target] if isinstance(stmt, ast.AnnAssign) else []
            )
            if any(isinstance(t, ast.Name) and t.id in _AMBIGUOUS for t in targets):
                marked.append(stmt)
    lines = source.split("\n")
    for stmt in sorted(marked, key=lambda s: s.lineno, reverse=True):  # bottom up: rows above keep their numbers
        first, last = stmt.lineno - 1, (stmt.end_lineno or stmt.lineno) - 1
        value = getattr(stmt, "value", None)
        if lines[first].rstrip().endswith(("(", "[", "{")):
            lines[first] = lines[first].rstrip() + "  # noqa: E741"
        elif isinstance(value, ast.Call) and (value.args or value.keywords) and value.func.end_lineno == stmt.lineno:
            lines[first : last + 1] = _call_opened(lines, stmt, value)
        else:
            lines[last] += "  # noqa: E741"
    return "\n".join(lines)


def _call_opened(lines: list[str], stmt: ast.stmt, call: ast.Call) -> list[str]:
    """The lines of ``stmt`` with ``call``'s arguments below its opening parenthesis, which carries the comment.

    Column offsets are UTF-8 byte offsets (a description with non-ASCII text before the name's line ends)."""
    first, last = stmt.lineno - 1, (stmt.end_lineno or stmt.lineno) - 1
    head = lines[first].encode("utf-8")
    opened = head.index(b"(", call.func.end_col_offset or 0) + 1
    end = lines[last].encode("utf-8")
    closing = (call.end_col_offset or len(end)) - 1  # the call's ")"
    middle = [head[opened:], *(line.encode("utf-8") for line in lines[first + 1 : last])]
    body = [*middle, end[:closing]] if last > first else [head[opened:closing]]
    indent = head[: len(head) - len(head.lstrip())].decode("utf-8")
    arguments = b"\n".join(body).decode("utf-8").strip()
    tail = end[closing:].decode("utf-8")
    return [head[:opened].decode("utf-8") + "  # noqa: E741", f"{indent}    {arguments}", f"{indent}{tail}"]


#: Builtin types the standard library's enum bases derive from (a StrEnum member is a str to mypy).
_ENUM_BASES = {"StrEnum": "str", "IntEnum": "int"}


def _ancestors(classes: Mapping[str, ast.ClassDef]) -> dict[str, set[str]]:
    """Every class's base names, transitively (``StrEnum`` counting as ``str``)."""
    out: dict[str, set[str]] = {}

    def walk(name: str, seen: frozenset[str]) -> set[str]:
        if name in out:
            return out[name]
        node = classes.get(name)
        found: set[str] = set()
        for base in node.bases if node is not None and name not in seen else []:
            if isinstance(base, ast.Name):
                found |= {base.id, _ENUM_BASES.get(base.id, base.id)} | walk(base.id, seen | {name})
        out[name] = found
        return found

    for name in classes:
        walk(name, frozenset())
    return out


#: The builtin type a Literal value belongs to, as mypy sees it (True is an int too).
_LITERAL_TYPES: dict[type, tuple[str, ...]] = {str: ("str",), int: ("int", "float"), bool: ("bool", "int", "float")}


def _narrows(part: str, base_parts: set[str], ancestors: Mapping[str, set[str]] | None = None) -> bool:
    """Whether ``part`` (one member of a field's new union) fits one of the inherited field's union members:
    the same type, ``Any``, a subclass (``ancestors``: class -> its bases, transitively), or a ``Literal[...]``
    whose values are all of an inherited builtin type or one of its literal values, or members of an inherited
    enum (``Literal[Kind.A]`` for ``Kind``)."""
    if part in base_parts or "Any" in base_parts or (ancestors or {}).get(part, set()) & base_parts:
        return True
    if any(_generic_fits(part, base) for base in base_parts):
        return True
    values = _literal_values(part)
    if values is None:
        return False
    inherited = {ast.unparse(v) for base in base_parts for v in _literal_values(base) or []}
    for value in values:
        if ast.unparse(value) in inherited:
            continue
        if isinstance(value, ast.Constant) and any(
            name in base_parts for name in _LITERAL_TYPES.get(type(value.value), ())
        ):
            continue
        if isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name) and value.value.id in base_parts:
            continue
        return False
    return True


def _generic_fits(part: str, base: str) -> bool:
    """``dict[str, dict[str, Any]]`` for ``dict[str, Any]``: the same generic whose arguments are the base's or
    where the base has ``Any`` (``list[Booking]`` for ``list[dict[str, Any]]`` does not fit)."""
    new, old = ast.parse(part, mode="eval").body, ast.parse(base, mode="eval").body
    if not (isinstance(new, ast.Subscript) and isinstance(old, ast.Subscript)):
        return False
    if ast.unparse(new.value) != ast.unparse(old.value) or ast.unparse(old.value) == "Literal":
        return False
    new_args = new.slice.elts if isinstance(new.slice, ast.Tuple) else [new.slice]
    old_args = old.slice.elts if isinstance(old.slice, ast.Tuple) else [old.slice]
    return len(new_args) == len(old_args) and all(
        ast.unparse(o) in ("Any", ast.unparse(n)) for n, o in zip(new_args, old_args, strict=True)
    )


def _literal_values(annotation: str) -> list[ast.expr] | None:
    """The values of ``Literal[a, b]``; None when ``annotation`` is no Literal."""
    node = ast.parse(annotation, mode="eval").body
    if not (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "Literal"):
        return None
    return list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]


_BARE = {"list": "list[Any]", "dict": "dict[str, Any]"}


def _type_expression_nodes(tree: ast.Module) -> Iterator[ast.AST]:
    """Every node of the module's class bases and field annotations (where the generator's types are written)."""
    for node in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        roots: list[ast.expr] = list(node.bases)
        roots += [s.annotation for s in node.body if isinstance(s, ast.AnnAssign)]
        for root in roots:
            yield from syntax_nodes.walk(root)


def _bare_generics(source: str) -> str:
    """``list``/``dict`` without type arguments in class bases and field annotations (datamodel-code-generator
    writes ``RootModel[list]`` for an array whose items refer back to it) as ``list[Any]``/``dict[str, Any]``, which
    ``mypy --strict`` accepts."""
    tree = _module_tree(source)
    subscripted = {id(n.value) for n in syntax_nodes.walk(tree) if isinstance(n, ast.Subscript)}
    edits: list[tuple[int, int, int, str]] = []
    for sub in _type_expression_nodes(tree):
        if isinstance(sub, ast.Name) and sub.id in _BARE and id(sub) not in subscripted:
            edits.append((sub.lineno, sub.col_offset, sub.end_col_offset or 0, _BARE[sub.id]))
    if not edits:
        return source
    source = _replace_spans(source.split("\n"), edits)
    if not re.search(r"^from typing import .*\bAny\b", source, re.MULTILINE):
        source = re.sub(
            r"^(from __future__ import annotations\n)",
            r"\1\nfrom typing import Any\n",
            source,
            count=1,
            flags=re.MULTILINE,
        )
    return source


def _builtin_generics(source: str) -> str:
    """``Dict[...]``/``List[...]`` (datamodel-code-generator's typed ``__pydantic_extra__``) as the builtins."""
    source = re.sub(r"\bDict\[", "dict[", re.sub(r"\bList\[", "list[", source))
    return re.sub(
        r"^from typing import (.*)$",
        lambda m: "from typing import " + ", ".join(n for n in m.group(1).split(", ") if n not in ("Dict", "List")),
        source,
        count=1,
        flags=re.MULTILINE,
    ).replace("from typing import \n", "")


def _defer_build(source: str) -> str:
    """Every model builds its validator on first use, not at import (pydantic's ``defer_build``).

    A package version has up to a few hundred models and a program uses a handful; building them all at import
    costs more than the rest of the import together.
    """
    return source.replace("model_config = ConfigDict(\n", "model_config = ConfigDict(\n        defer_build=True,\n")


#: The comment line a models module carries for a cycle of models too long for pydantic to build (see
#: :func:`long_cycle_warnings`).
LONG_CYCLE_MARK = "# docs2client: long cycle: "


def _built_at_import(source: str) -> str:
    """The models whose first build would recurse too deep are built at import, references first, and every other
    model stays deferred (``model_build_depth``); a cycle too long for pydantic is marked for the report.

    datamodel-code-generator ends a module with ``X.model_rebuild()`` for every model of a reference cycle; with
    ``defer_build`` they only built those models at import, and one cycle of 150 models stopped the import with
    ``RecursionError``. They are replaced by the calls this needs (usually none)."""
    tree = _module_tree(source)
    rebuilt = [
        node
        for node in tree.body
        if isinstance(node, ast.Expr)
        and isinstance(node.value, ast.Call)
        and isinstance(node.value.func, ast.Attribute)
        and node.value.func.attr == "model_rebuild"
    ]
    graph = model_build_depth.model_references(tree)
    built = model_build_depth.prebuilt_models(graph)
    cycles = model_build_depth.long_cycles(graph)
    if not rebuilt and not built and not cycles:
        return source
    lines = source.splitlines(keepends=True)
    for node in reversed(rebuilt):
        del lines[node.lineno - 1 : node.end_lineno]
    text = "".join(lines).rstrip("\n") + "\n"
    if built:
        text += "\n\n# built at import, references first: a first build of these goes deeper than pydantic can\n"
        text += "".join(f"{name}.model_rebuild()\n" for name in built)
    for cycle in cycles:
        text += f"{LONG_CYCLE_MARK}{len(cycle)} models, {cycle[0]} the first\n"
    return text


def long_cycle_warnings(source: str) -> list[str]:
    """The report's warnings for the cycles :func:`_built_at_import` marked in a models module."""
    found: list[str] = []
    for line in source.splitlines():
        if line.startswith(LONG_CYCLE_MARK):
            count, _, first = line.removeprefix(LONG_CYCLE_MARK).removesuffix(" the first").split(" ", 2)
            found.append(
                f"/components/schemas: {count} models refer to each other in one cycle ({first} and the models"
                " it refers to); pydantic builds a cycle's validators"
                " in one recursion, so the first validation of one of them (or of a model that refers to one) may"
                " stop with RecursionError under Python's default recursion limit (sys.setrecursionlimit raises it)"
            )
    return found


def _escaped_invisibles(source: str) -> str:
    """Every string literal with its invisible characters written as escapes (same value).

    datamodel-code-generator writes an enum value or a default from a spec as it is: a bidi control (U+202E) makes
    the module read differently from what runs ("Trojan Source"), and U+2028, U+0085 or a form feed end a line in
    editors and for ``str.splitlines`` but not for Python. The templates escape them (``render.py_literal``); this
    does the same for the generator's literals. A one-line literal is written again by ``py_literal``; a
    multi-line one (a docstring) keeps its line breaks and has the other invisible characters escaped.
    """
    if source.replace("\n", "").isprintable():  # the common case, checked in one pass in C
        return source
    from scraper.clients.render import py_literal

    starts = list(itertools.accumulate((len(line) + 1 for line in source.split("\n")), initial=0))
    edits: list[tuple[int, int, str]] = []
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        text = tok.string
        prefix = text[: len(text) - len(text.lstrip("rRuUbBfF"))].lower()
        if tok.type != tokenize.STRING or text.replace("\n", "").isprintable() or "f" in prefix or "b" in prefix:
            continue
        if tok.start[0] == tok.end[0] or "r" in prefix:
            replacement = py_literal(ast.literal_eval(text))
        else:
            replacement = "".join(
                ch if ch == "\n" or ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text
            )
        edits.append((starts[tok.start[0] - 1] + tok.start[1], starts[tok.end[0] - 1] + tok.end[1], replacement))
    for start, end, replacement in reversed(edits):
        source = source[:start] + replacement + source[end:]
    return source


def _black_shape(source: str) -> str:
    """Quotes and long field lines as black writes them, so black formats the module in one pass (see
    ``scraper.clients.layout``; black still formats it, so anything missed here only costs time)."""
    # 0-based lines inside multi-line strings (documentation text, left as it is), from the tree the previous pass
    # parsed; tokenizing the module (pure Python) cost more than the rest of this pass, and is only needed when a
    # single-quoted literal may be there to requote
    in_strings: set[int] = set()
    for node in syntax_nodes.walk(_module_tree(source)):
        if isinstance(node, (ast.Constant, ast.JoinedStr)) and (node.end_lineno or node.lineno) > node.lineno:
            in_strings.update(range(node.lineno - 1, node.end_lineno or node.lineno))
    if "'" in source:
        source = _double_quotes(source, list(tokenize.generate_tokens(io.StringIO(source).readline)))
    return _wrap_long_fields(source, in_strings).rstrip("\n") + "\n"


def _double_quotes(source: str, tokens: list[tokenize.TokenInfo]) -> str:
    """``'text'`` -> ``"text"`` for one-line string literals without quote characters inside (what black does;
    others are left to black)."""
    edits: dict[int, list[tuple[int, int, str]]] = {}  # 0-based line -> (start col, end col, replacement)
    for tok in tokens:
        text = tok.string
        if tok.type == tokenize.STRING and len(text) >= 2 and text[0] == "'" and text[-1] == "'" and text[:3] != "'''":
            body = text[1:-1]
            if '"' not in body and "'" not in body and tok.start[0] == tok.end[0]:
                edits.setdefault(tok.start[0] - 1, []).append((tok.start[1], tok.end[1], f'"{body}"'))
    # Lines as tokenize counts them (only "\n" ends a line; str.splitlines would also split at U+2028 in strings).
    lines = source.split("\n")
    for number, changes in edits.items():
        for start, end, text in sorted(changes, reverse=True):
            lines[number] = lines[number][:start] + text + lines[number][end:]
    return "\n".join(lines)


def _wrap_long_fields(source: str, in_strings: set[int]) -> str:
    """Class-body lines ``name: T = Field(...)`` longer than the line length, split as black splits the call
    (never a line of ``in_strings``, the lines inside multi-line strings)."""
    lines = source.split("\n")
    for number, line in enumerate(lines):
        if len(line) <= layout.LINE_LENGTH or not line.startswith("    ") or line.startswith("     "):
            continue
        if number in in_strings or _has_comment(line):
            continue  # the split is rebuilt from the syntax tree, which has no comments; black leaves such lines
        try:
            statement = ast.parse(line.strip()).body[0]
        except SyntaxError:
            continue
        if not (isinstance(statement, ast.AnnAssign) and isinstance(statement.value, ast.Call)):
            continue
        call = statement.value
        text = line.strip()
        head = ast.get_source_segment(text, call.func)
        parts = [("", ast.get_source_segment(text, a)) for a in call.args]
        parts += [(f"{k.arg}=", ast.get_source_segment(text, k.value)) for k in call.keywords if k.arg is not None]
        if (
            head is None
            or any(segment is None for _, segment in parts)
            or len(parts) != len(call.args) + len(call.keywords)
        ):
            continue
        prefix = text.encode("utf-8")[: call.col_offset].decode("utf-8")  # col_offset counts UTF-8 bytes
        node = layout.Call(head, [(name, layout.Raw(str(segment))) for name, segment in parts])
        lines[number] = "    " + layout.statement(4, prefix, node)
    return "\n".join(lines)


def _has_comment(line: str) -> bool:
    """Whether one line of code ends in a comment (``# type: ignore[...]``); a ``#`` inside a string is none."""
    if "#" not in line:
        return False
    try:
        return any(tok.type == tokenize.COMMENT for tok in tokenize.generate_tokens(io.StringIO(line).readline))
    except (tokenize.TokenError, SyntaxError):
        return True  # not a line of its own (inside brackets): leave it to black


def _check_classes(source: str, schemas: Mapping[str, Any], source_name: str) -> None:
    tree = _module_tree(source)
    defined = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    defined |= {
        t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets if isinstance(t, ast.Name)
    }
    defined |= {
        node.target.id for node in tree.body if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
    }
    missing = sorted(set(schemas) - defined)
    if missing:
        raise GenerationError(f"{source_name}: datamodel-code-generator did not emit classes for {missing}")


#: Modules whose imported names the rewrites may leave unused (``Union`` after :func:`_pep604_unions`, ``constr``
#: after :func:`_plain_constrained_types`): such names are dropped from the import block.
_PRUNED_IMPORTS = frozenset({"typing", "pydantic"})


def _pep604_unions(source: str) -> str:
    """``Union[A, B]``/``Optional[A]`` in class bases and field annotations as ``A | B``/``A | None`` (ruff's UP007
    flags them; datamodel-code-generator writes them around a quoted forward reference of a recursive root model).

    Innermost first, one line at a time. A class base is evaluated at import: ``"A" | B`` would raise there, so a
    base whose union has a bare string member keeps ``Union``."""
    for _ in range(8):  # nesting depth of unions worth rewriting
        tree = _module_tree(source)
        edits: list[tuple[int, int, int, str]] = []
        for node in (n for n in tree.body if isinstance(n, ast.ClassDef)):
            roots = [(base, True) for base in node.bases]
            roots += [(s.annotation, False) for s in node.body if isinstance(s, ast.AnnAssign)]
            for root, evaluated in roots:
                for sub in syntax_nodes.walk(root):
                    text = _union_text(source, sub, evaluated)
                    if text is not None and isinstance(sub, ast.expr):
                        edits.append((sub.lineno, sub.col_offset, sub.end_col_offset or 0, text))
        if not edits:
            return source
        source = _replace_spans(source.split("\n"), edits)
    return source


def _union_text(source: str, node: ast.AST, evaluated: bool) -> str | None:
    """``node`` as a ``|`` union when it is an innermost one-line ``Union[...]``/``Optional[...]``, else None."""
    if not (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name)):
        return None
    if node.value.id not in ("Union", "Optional") or node.lineno != node.end_lineno:
        return None
    members = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
    nested = any(
        isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name) and n.value.id in ("Union", "Optional")
        for member in members
        for n in syntax_nodes.walk(member)
    )
    if nested or (evaluated and any(isinstance(m, ast.Constant) and isinstance(m.value, str) for m in members)):
        return None
    texts = [ast.get_source_segment(source, m) for m in members]
    if any(t is None for t in texts):
        return None
    if node.value.id == "Optional":
        texts.append("None")
    return " | ".join(str(t) for t in texts)


#: pydantic's constrained-type functions and the type each constrains. datamodel-code-generator writes them where a
#: Field cannot carry the constraint (a dict key from ``propertyNames``); a call is no type to mypy.
_CONSTRAINED_TYPES = {"constr": "str", "conint": "int", "confloat": "float", "conbytes": "bytes"}


def _plain_constrained_types(source: str) -> str:
    """``constr(max_length=64)`` in class bases and annotations as ``str`` (and so on): the type checks under
    ``mypy --strict``; the constraint, on a dict key, is not checked by the client (a key too long is kept)."""
    tree = _module_tree(source)
    edits: list[tuple[int, int, int, str]] = []
    for sub in _type_expression_nodes(tree):
        if (
            isinstance(sub, ast.Call)
            and isinstance(sub.func, ast.Name)
            and sub.func.id in _CONSTRAINED_TYPES
            and sub.lineno == sub.end_lineno
        ):
            edits.append((sub.lineno, sub.col_offset, sub.end_col_offset or 0, _CONSTRAINED_TYPES[sub.func.id]))
    return _replace_spans(source.split("\n"), edits) if edits else source


#: The builtin types a constant default fits, as mypy sees it.
_DEFAULT_FITS: dict[type, frozenset[str]] = {
    str: frozenset({"str"}),
    int: frozenset({"int", "float"}),
    float: frozenset({"float"}),
    bool: frozenset({"bool", "int", "float"}),
}


def _mismatched_defaults(source: str) -> str:
    """A ``Field`` default of another type than its field, which mypy rejects and pydantic never checks, is dropped.

    A root model's (``root: int = Field("auto")``: the generator gives each ``anyOf`` branch the whole schema's
    default, which belongs to one branch) becomes ``...``. An optional field's becomes ``None``: a default the
    generator could not make a member of the field's enum is written as the bare string (Elasticsearch's
    ``version_type: VersionType | None = "'internal'"``, a default quoted twice beside an allOf reference). An enum
    member is dropped the same way where the field's type is not that enum; an optional field whose default is None
    but whose type lacks it gets ``| None``."""
    tree = _module_tree(source)
    edits: list[tuple[int, int, int, str]] = []
    for node in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        for stmt in node.body:
            if not (isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)) or stmt.value is None:
                continue
            root = stmt.target.id == "root"
            if isinstance(stmt.value, ast.Call):
                if not stmt.value.args:
                    continue
                default = stmt.value.args[0]
            elif root:
                continue
            else:
                default = stmt.value
            parts = union_members(ast.unparse(stmt.annotation))
            if isinstance(default, ast.Attribute) and isinstance(default.value, ast.Name):
                # An enum member (``Granularity.SEGMENT``) the generator gave every oneOf branch, the array one too
                # (together.ai's ``timestamp_granularities``: a string or a list of them, default ``segment``)
                if (root or "None" in parts) and not parts & {default.value.id, "Any"}:
                    edits.append(
                        (default.lineno, default.col_offset, default.end_col_offset or 0, "..." if root else "None")
                    )
                continue
            if not isinstance(default, ast.Constant) or default.value is ... or default.lineno != default.end_lineno:
                continue
            fits = _DEFAULT_FITS.get(type(default.value), frozenset({"None"}) if default.value is None else frozenset())
            annotation = stmt.annotation
            if default.value is None and not root and not parts & {"None", "Any"}:
                # An optional property whose schema is a ``const`` other than a string (``ratio: {const: 1.5}``,
                # datamodel-code-generator's own fixtures) is written ``ratio: float = None``: None it may be.
                if annotation.lineno == annotation.end_lineno:
                    edits.append(
                        (annotation.lineno, annotation.end_col_offset or 0, annotation.end_col_offset or 0, " | None")
                    )
                continue
            literal = any(ast.unparse(default) in {ast.unparse(v) for v in _literal_values(p) or []} for p in parts)
            if fits & parts or "Any" in parts or literal or not (root or "None" in parts):
                continue
            edits.append((default.lineno, default.col_offset, default.end_col_offset or 0, "..." if root else "None"))
    return _replace_spans(source.split("\n"), edits) if edits else source


def _settable_roots(source: str) -> str:
    """A root model's ``root`` without ``deprecated=``: the generator marks the root of a deprecated schema that is
    not an object (a component, or a property it makes a class of) deprecated, and pydantic then refuses to set it,
    so no value parsed (PayPal's event_version, Plaid's deprecated access_token and funds source properties)."""
    tree = _module_tree(source)
    text = source.encode("utf-8")  # ast counts columns in UTF-8 bytes
    offsets = [0]
    for line in text.split(b"\n"):
        offsets.append(offsets[-1] + len(line) + 1)
    cuts: list[tuple[int, int]] = []
    for node in (n for n in tree.body if isinstance(n, ast.ClassDef)):
        for stmt in node.body:
            if not (isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)):
                continue
            if stmt.target.id != "root" or not isinstance(stmt.value, ast.Call):
                continue
            arguments: list[ast.expr | ast.keyword] = [*stmt.value.args, *stmt.value.keywords]
            for previous, keyword in zip([None, *arguments], arguments, strict=False):
                if isinstance(keyword, ast.keyword) and keyword.arg == "deprecated" and previous is not None:
                    start = offsets[(previous.end_lineno or 1) - 1] + (previous.end_col_offset or 0)
                    cuts.append((start, offsets[(keyword.end_lineno or 1) - 1] + (keyword.end_col_offset or 0)))
    for start, end in sorted(cuts, reverse=True):
        text = text[:start] + text[end:]
    return text.decode("utf-8")


def _sort_imports(source: str) -> str:
    """Rewrite the leading import block in isort order (future, stdlib, third party), as ruff's ``I`` rules want."""
    tree = _module_tree(source)
    imports = []
    for node in tree.body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            imports.append(node)
        elif imports:
            break
    if not imports:
        return source
    lines = source.split("\n")
    first, last = imports[0].lineno - 1, (imports[-1].end_lineno or imports[-1].lineno)
    groups: dict[int, list[str]] = {0: [], 1: [], 2: []}
    used = {n.id for n in syntax_nodes.walk(tree) if isinstance(n, ast.Name)}  # what the rewrites above left in use
    # a module's names in one line, however many lines imported them (a rewrite may add its own: ``Annotated``)
    plain_names: dict[str, set[str]] = {}
    for node in imports:
        if isinstance(node, ast.ImportFrom):
            plain_names.setdefault(node.module or "", set()).update(a.name for a in node.names if a.asname is None)
    for node in imports:
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            plain = sorted(n for n in plain_names.pop(module, ()) if module not in _PRUNED_IMPORTS or n in used)
            # ``x as y`` on lines of their own (ruff's isort default: as-imports are not combined)
            texts = [f"from {module} import {', '.join(plain)}"] if plain else []
            texts += sorted(f"from {module} import {a.name} as {a.asname}" for a in node.names if a.asname)
        else:
            module = node.names[0].name
            texts = ["import " + ", ".join(a.name for a in node.names)]
        top = module.split(".")[0]
        group = 0 if module == "__future__" else 1 if top in sys.stdlib_module_names else 2
        groups[group].extend(texts)
    block: list[str] = []
    for key in (0, 1, 2):
        entries = sorted(set(groups[key]), key=lambda t: (t.startswith("from "), t.split()[1].lower(), t))
        if entries:
            if block:
                block.append("")
            block.extend(entries)
    return "\n".join([*lines[:first], *block, *lines[last:]])


def inline_item_classes(source: str, arrays: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The element annotation of each list field ``(class, attribute)`` of ``arrays`` whose element schema is inline.

    The one thing the client takes from the generated models: datamodel-code-generator names the class of an inline
    array element itself (``servers`` -> ``Server``, ``Server2`` when that is taken), from every other name it gives
    in the module, so the name cannot be known before it runs. Everything else about a listing is decided from the
    spec (``scraper.clients.listing``). Values: ``"_models.<Class>"``, a discriminated union's members
    (``"_models.A | _models.B"``, ``discriminated_wrappers``), ``"dict[str, Any]"`` or ``"Any"``; a field
    that is not a list is left out (the listing then reads the raw JSON).
    """
    wanted = set(arrays)
    if not wanted:
        return {}
    owners = {owner for owner, _ in wanted}
    tree = _module_tree(source)
    classes = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    found: dict[tuple[str, str], str] = {}
    for node in tree.body:
        if not (isinstance(node, ast.ClassDef) and node.name in owners):
            continue
        for stmt in node.body:
            if not (isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)):
                continue
            key = (node.name, stmt.target.id)
            annotation = _strip_optional(stmt.annotation)
            if key not in wanted or not (
                isinstance(annotation, ast.Subscript)
                and isinstance(annotation.value, ast.Name)
                and annotation.value.id == "list"
            ):
                continue
            element = annotation.slice
            members = _class_union(_strip_optional(element), classes)  # a discriminated union: ``Annotated[A | B]``
            if isinstance(element, ast.Name) and element.id in classes:
                found[key] = f"_models.{element.id}"
            elif members:
                found[key] = " | ".join(f"_models.{name}" for name in members)
            else:
                found[key] = "dict[str, Any]" if ast.unparse(element) == "dict[str, Any]" else "Any"
    return found


def _class_union(node: ast.expr, classes: set[str]) -> list[str]:
    """The classes of ``node`` when it is a union of the module's classes only (``A | B``), else empty."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        left, right = _class_union(node.left, classes), _class_union(node.right, classes)
        return [*left, *right] if left and right else []
    return [node.id] if isinstance(node, ast.Name) and node.id in classes else []


def _strip_optional(node: ast.expr) -> ast.expr:
    """``X | None`` and ``Annotated[X, ...]`` -> ``X``."""
    if (
        isinstance(node, ast.Subscript)
        and isinstance(node.value, ast.Name)
        and node.value.id == "Annotated"
        and isinstance(node.slice, ast.Tuple)
        and node.slice.elts
    ):
        return _strip_optional(node.slice.elts[0])
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        if isinstance(node.right, ast.Constant) and node.right.value is None:
            return _strip_optional(node.left)
        if isinstance(node.left, ast.Constant) and node.left.value is None:
            return _strip_optional(node.right)
    return node
