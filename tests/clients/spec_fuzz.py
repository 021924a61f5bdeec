"""Mutation fuzzing of OpenAPI input: hostile and malformed specs must never crash, hang, escape or inject code.

``docs2client generate --spec FILE`` and ``docs2client diff OLD NEW`` take specs from anyone. Seeds are the committed
specs (``spec/**/*.yaml``) and the public corpus (``tests/fixtures/openapi/corpus/*``); each case is a seed with one
to three mutations of its tree (a wrong type in any position, nulls everywhere, dangling, cyclic, external, ``..``
and absolute ``$ref``s, hostile names and texts, traversal in path templates, credentials in server URLs, huge
enums and strings, recursion, duplicate operationIds, 2.0/3.0/3.1 features mixed, hostile extension values) and
then, sometimes, of its bytes (truncation, binary garbage, byte-order marks, other encodings, NUL bytes, YAML tags).

A case runs ``generate`` in this process under a time limit, in a folder of its own, and checks:

* exit 0, or exit 1 with one line ``error: <the spec or the output folder>...``; every stderr line is one
  ``warning:`` or ``error:`` line (a hostile newline never starts a line of its own); no traceback, no hang;
* nothing outside the output folder is written, created or deleted (files around the spec, and a secret beside
  each of its parent folders that ``..`` and absolute ``$ref``s aim at, which never reaches the output), and the
  user's files in the output folder (half the cases, with ``--force``) stay as they were;
* a password in a server URL appears nowhere in the output or the messages;
* the package, when one is made, compiles, imports only the modules a package imports, calls nothing dangerous,
  holds no statement a spec text carried (:data:`CODE_MARK` as a name of its own), and imports (every module, in
  a subprocess) without running anything a text carried (:data:`PWNED` file);

and ``diff`` between the seed and the mutation: exit 0, 1 or 2 and no traceback.

``tests/clients/test_spec_fuzz.py`` runs a bounded, derandomized sample in the suite; run it longer by hand::

    python -m tests.clients.spec_fuzz --cases 500 --seed 1      # prints every failure and a summary
    python -m tests.clients.spec_fuzz --case 17 --seed 1        # one case, its spec written to --dump
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import copy
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.paths import ROOT
from tests.time_limit import time_limit

__all__ = ["BYTE_MUTATIONS", "TREE_MUTATIONS", "Case", "Seed", "diff_case", "generate_case", "make_case", "seeds"]

#: an identifier that spec texts carry inside code-looking payloads: it must never become a name in generated code
CODE_MARK = "FUZZ_CODE_MARK"
#: the file a payload's ``os.system`` would create, were a text ever run
PWNED = "FUZZ_PWNED"
#: the password in server URLs: never in the output, never in a message
PASSWORD = "S3cr3tFuzzPassw0rd"
#: the text of the files beside the spec's folders that ``..`` and absolute ``$ref``s aim at
OUTSIDE_SECRET = "OUTSIDE-SECRET-MARK"


@dataclass(frozen=True, slots=True)
class Seed:
    path: Path

    @property
    def name(self) -> str:
        return self.path.name


def seeds() -> list[Seed]:
    """Every committed spec, every document of the public corpus (its ``errors/`` examples left out), the
    security-schemes fixture and the OpenAPI 3.1 fixtures."""
    corpus = ROOT / "tests" / "fixtures" / "openapi" / "corpus"
    found = sorted((ROOT / "spec").rglob("*.yaml"))
    found += sorted(p for p in corpus.iterdir() if p.suffix in (".yaml", ".json"))
    # every standard security scheme and a deprecated parameter (written for docs2client's tests)
    found += sorted((ROOT / "tests" / "fixtures" / "openapi" / "auth").glob("*.yaml"))
    # OpenAPI 3.1's keywords, webhooks and path items in components (written for docs2client's tests)
    found += sorted((ROOT / "tests" / "fixtures" / "openapi" / "openapi31").glob("*.yaml"))
    return [Seed(p) for p in found]


def load_seed(seed: Seed) -> Any:
    text = seed.path.read_text(encoding="utf-8")
    return json.loads(text) if seed.path.suffix == ".json" else yaml.safe_load(text)


# -- walking a tree ---------------------------------------------------------------------------------------------------

Slot = tuple[Any, Any]  # (container, key or index): where a value sits


def _slots(tree: Any, limit: int = 50_000) -> list[Slot]:
    """Every place in ``tree`` that holds a value (breadth first, at most ``limit``)."""
    found: list[Slot] = []
    queue = [tree]
    while queue and len(found) < limit:
        node = queue.pop()
        children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in children:
            found.append((node, key))
            if isinstance(value, dict | list):
                queue.append(value)
    return found


def _slots_named(tree: Any, names: frozenset[str]) -> list[Slot]:
    return [(c, k) for c, k in _slots(tree) if isinstance(c, dict) and k in names]


def _mappings(tree: Any) -> list[dict[Any, Any]]:
    return [tree, *(c[k] for c, k in _slots(tree) if isinstance(c[k], dict))] if isinstance(tree, dict) else []


def _schemas_of(tree: Any) -> dict[Any, Any]:
    """The document's named schemas (created when missing), 2.0 or 3.x."""
    if not isinstance(tree, dict):
        return {}
    if isinstance(tree.get("definitions"), dict):
        return tree["definitions"]  # type: ignore[no-any-return]
    components = tree.setdefault("components", {})
    if not isinstance(components, dict):
        return {}
    schemas = components.setdefault("schemas", {})
    return schemas if isinstance(schemas, dict) else {}


def _operations(tree: Any) -> list[dict[Any, Any]]:
    paths = tree.get("paths") if isinstance(tree, dict) else None
    if not isinstance(paths, dict):
        return []
    methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
    return [
        op
        for item in paths.values()
        if isinstance(item, dict)
        for method, op in item.items()
        if method in methods and isinstance(op, dict)
    ]


def _ref_prefix(tree: Any) -> str:
    return "#/definitions/" if isinstance(tree, dict) and "definitions" in tree else "#/components/schemas/"


# -- hostile values ---------------------------------------------------------------------------------------------------

HOSTILE_TEXTS = [
    f'"""; import os; os.system("touch {PWNED}"); {CODE_MARK} = 1; """',
    f"'''\n{CODE_MARK} = __import__('os').system('touch {PWNED}')\n'''",
    f'"\nimport os\nos.system("touch {PWNED}")\n{CODE_MARK} = "',
    f'\\"""\\\\"""\\N{{LATIN SMALL LETTER A}}\\N{{bogus}}\\x00\\u0000 {CODE_MARK}',
    "\\N{",
    "\x00nul\x00",
    "\ud800 lone surrogate",
    "\u202e bidi \u2066 \u2028 line sep \x85 \x0c \x1b[31m",
    "{{ config }} {% raw %} {# x #} ${x} %(x)s {0}",
    f"`{CODE_MARK}` ```python\nimport os\n```",
    f"</script><script>{CODE_MARK}</script>",
    "\r\n\r\nX-Injected: 1",
    "# comment\n",
    "\\",
    "'",
    '"',
    "",
]

HOSTILE_NAMES = [
    "class",
    "def",
    "None",
    "True",
    "import",
    "lambda",
    "async",
    "await",
    "match",
    "type",
    "self",
    "cls",
    "__init__",
    "__class__",
    "__dict__",
    "__import__",
    "__builtins__",
    "__future__",
    "_",
    "__",
    "1abc",
    "123",
    "0",
    "-",
    "..",
    ".",
    "a.b",
    "a/b",
    "a\\b",
    'a"b',
    "a'b",
    '"""',
    "'''",
    "a\nb",
    "a b",
    " ",
    "",
    "\t",
    "ｃｌａｓｓ",  # fullwidth: NFKC-normalises to a keyword
    "ѕelf",  # Cyrillic dze
    "é",
    "名前",
    "a\u200bb",
    "httpx",
    "pydantic",
    "typing",
    "os",
    "sys",
    "json",
    "enum",
    "docs2client_runtime",
    "Client",
    "AsyncClient",
    "BaseModel",
    "Field",
    "models",
    "client",
    "Optional",
    "Any",
    "List",
    "str",
    "int",
    "dict",
    "x" * 300,
    "\x00",
    "\ud800",
    "$ref",
    "#",
    "{x}",
    "%",
    "../../escape",
    "/tmp/absolute",
    "C:\\evil",
    "1.0/../../x",
    "~",
    "NUL",
    "con",
]


def _collisions(rng: random.Random) -> list[str]:
    base = rng.choice(["foo bar", "item id", "user", "class", "type"])
    words = base.split()
    return [
        base,
        "_".join(words),
        "-".join(words),
        "".join(w.title() for w in words),
        words[0] + "".join(w.title() for w in words[1:]),
        "_".join(words).upper(),
        "__" + "_".join(words) + "__",
        base + "_",
        base + "_2",
        base + "!",
    ]


def _wrong_value(rng: random.Random) -> Any:
    return rng.choice(
        [
            None,
            [],
            {},
            0,
            -1,
            1.5,
            1e308,
            float("inf") if rng.random() < 0.1 else 2**70,
            True,
            False,
            "",
            "x",
            ["a", 1, None],
            [{}],
            {"a": 1},
            {"$ref": "#/nope"},
            {"type": "object"},
            rng.choice(HOSTILE_TEXTS),
        ]
    )


def _deep_value(rng: random.Random) -> Any:
    value: Any = rng.choice(["x", 1, None])
    for _ in range(rng.choice([50, 150, 190, 400])):
        value = [value] if rng.random() < 0.5 else {"a": value}
    return value


HOSTILE_REFS = [
    "#/components/schemas/DoesNotExist",
    "#/definitions/DoesNotExist",
    "#/components/schemas/",
    "#/components/schemas",
    "#/components",
    "#/paths",
    "#",
    "",
    "#/",
    "#/components/schemas/a~1b",
    "#/components/schemas/a~2b",
    "#/components/schemas/%ZZ",
    "#/components/schemas/%2e%2e",
    "#/info/title",
    "#/paths/~1x/get",
    "http://127.0.0.1:9/evil.yaml#/x",
    "https://example.invalid/spec.json",
    "file:///etc/passwd",
    "/etc/passwd",
    "/etc/hostname#/x",
    "../secret.yaml",
    "../../secret.yaml#/openapi",
    "../../../secret.yaml",
    "../../../../../../../../etc/passwd",
    "./../secret.yaml",
    "other.yaml#/components/schemas/X",
    "nope.json",
    "secret.yaml",
    "\x00",
    "C:\\Windows\\win.ini",
    "//example.invalid/x",
]


# -- tree mutations: (tree, random) -> tree ----------------------------------------------------------------------------

TreeMutation = Callable[[Any, random.Random], Any]


def _wrong_type(tree: Any, rng: random.Random) -> Any:
    slots = _slots(tree)
    for _ in range(rng.randint(1, 5)):
        if slots:
            container, key = rng.choice(slots)
            container[key] = _wrong_value(rng)
    return tree


KNOWN_KEYS = frozenset(
    [
        "openapi",
        "swagger",
        "info",
        "title",
        "version",
        "paths",
        "components",
        "schemas",
        "properties",
        "parameters",
        "responses",
        "requestBody",
        "content",
        "items",
        "allOf",
        "oneOf",
        "anyOf",
        "not",
        "enum",
        "required",
        "servers",
        "url",
        "variables",
        "default",
        "security",
        "securitySchemes",
        "tags",
        "type",
        "format",
        "in",
        "name",
        "operationId",
        "$ref",
        "discriminator",
        "propertyName",
        "mapping",
        "additionalProperties",
        "example",
        "examples",
        "headers",
        "style",
        "explode",
        "nullable",
        "const",
        "callbacks",
        "links",
        "webhooks",
        "schema",
        "description",
        "summary",
        "definitions",
        "consumes",
        "produces",
        "basePath",
        "host",
        "schemes",
        "flows",
        "scopes",
        "tokenUrl",
        "deprecated",
        "minimum",
        "maximum",
        "maxLength",
        "pattern",
        "readOnly",
        "x-provider",
        "x-service",
        "x-versions",
        "x-api-status",
        "x-server-pairs",
        "x-client-parameter",
        "x-operations",
        "x-sunset",
        "x-api-version-header",
        "x-pagination",
        "x-nullable",
        "x-extensible-enum",
        "x-stability-level",
        "x-source",
        "x-example",
    ]
)


def _wrong_type_known(tree: Any, rng: random.Random) -> Any:
    slots = _slots_named(tree, KNOWN_KEYS)
    for _ in range(rng.randint(1, 4)):
        if slots:
            container, key = rng.choice(slots)
            container[key] = _wrong_value(rng)
    return tree


def _nulls(tree: Any, rng: random.Random) -> Any:
    share = rng.choice([0.01, 0.05, 0.2])
    for container, key in _slots(tree):
        if rng.random() < share:
            container[key] = None
    return tree


def _hostile_keys(tree: Any, rng: random.Random) -> Any:
    """Mapping keys that are numbers, booleans or null (YAML allows them; JSON turns them into strings)."""
    mappings = [m for m in _mappings(tree) if m]
    for _ in range(rng.randint(1, 5)):
        if mappings:
            mapping = rng.choice(mappings)
            key = rng.choice(list(mapping))
            mapping[rng.choice([1, 0, -2, 1.5, True, False, None, "1", "null"])] = mapping.pop(key)
    return tree


def _huge(tree: Any, rng: random.Random) -> Any:
    slots = _slots_named(tree, frozenset({"description", "title", "name", "operationId", "default", "example"}))
    if slots:
        container, key = rng.choice(slots)
        container[key] = rng.choice(["x", "é", "a b", "\n"]) * rng.choice([10_000, 1_000_000])
    return tree


def _huge_enum(tree: Any, rng: random.Random) -> Any:
    size = rng.choice([1_000, 30_000])
    kind = rng.randrange(4)
    values: list[Any] = (
        [f"value-{i}" for i in range(size)]
        if kind == 0
        else list(range(size)) if kind == 1 else [rng.choice(HOSTILE_NAMES + HOSTILE_TEXTS) for _ in range(200)]
    )
    if kind == 3:
        values = [None, 1, "a", 1.5, True, [], {}, "a"]
    schema = {"type": rng.choice(["string", "integer", ["string", "null"], None]), "enum": values}
    _schemas_of(tree)["HugeEnum"] = schema
    _use_schema(tree, "HugeEnum", rng)
    return tree


def _deep(tree: Any, rng: random.Random) -> Any:
    """Deep values where values go: examples, defaults, extensions (not chains of models)."""
    mappings = _mappings(tree)
    for _ in range(rng.randint(1, 3)):
        if mappings:
            rng.choice(mappings)[rng.choice(["example", "default", "x-deep", "examples", "const"])] = _deep_value(rng)
    return tree


def _use_schema(tree: Any, name: str, rng: random.Random) -> None:
    """Make an operation's response (and maybe a parameter) use the named schema."""
    ops = _operations(tree)
    if not ops:
        return
    op = rng.choice(ops)
    ref = {"$ref": _ref_prefix(tree) + name}
    responses = op.setdefault("responses", {})
    if isinstance(responses, dict):
        if "definitions" in tree:
            responses["200"] = {"description": "ok", "schema": ref}
        else:
            responses["200"] = {"description": "ok", "content": {"application/json": {"schema": ref}}}
    if rng.random() < 0.3 and "definitions" not in tree:
        params = op.setdefault("parameters", [])
        if isinstance(params, list):
            params.append({"name": "fuzzed", "in": "query", "schema": ref})


def _refs(tree: Any, rng: random.Random) -> Any:
    refs = _slots_named(tree, frozenset({"$ref"}))
    schemas = _schemas_of(tree)
    for _ in range(rng.randint(1, 4)):
        hostile = rng.choice([*HOSTILE_REFS, rng.choice(HOSTILE_REFS).replace("components/schemas", "definitions")])
        if refs and rng.random() < 0.7:
            container, key = rng.choice(refs)
            container[key] = hostile
        else:
            schemas["Dangling"] = {"$ref": hostile}
            _use_schema(tree, "Dangling", rng)
    if rng.random() < 0.2:  # a $ref that is not a string, and one beside other keys
        schemas["NotAString"] = {"$ref": _wrong_value(rng), "type": "string", "description": "beside"}
        _use_schema(tree, "NotAString", rng)
    return tree


def _recursion(tree: Any, rng: random.Random) -> Any:
    prefix = _ref_prefix(tree)
    schemas = _schemas_of(tree)
    kind = rng.randrange(6)
    if kind == 0:
        schemas["Self"] = {"$ref": prefix + "Self"}
    elif kind == 1:
        schemas["Self"] = {"type": "object", "properties": {"me": {"$ref": prefix + "Self"}}, "required": ["me"]}
    elif kind == 2:
        schemas["Self"] = {"type": "array", "items": {"$ref": prefix + "Self"}}
    elif kind == 3:
        schemas["Self"] = {"type": "object", "additionalProperties": {"$ref": prefix + "Self"}}
    elif kind == 4:
        schemas["Self"] = {"oneOf": [{"$ref": prefix + "Other"}, {"type": "string"}]}
        schemas["Other"] = {"anyOf": [{"$ref": prefix + "Self"}], "not": {"$ref": prefix + "Other"}}
    else:
        schemas["Self"] = {"$ref": prefix + "Other"}
        schemas["Other"] = {"$ref": prefix + "Self"}
    _use_schema(tree, "Self", rng)
    if rng.random() < 0.3 and isinstance(tree, dict):  # a parameter and a response that refer to themselves
        components = tree.get("components")
        if isinstance(components, dict):
            components["parameters"] = {"P": {"$ref": "#/components/parameters/P"}}
            components["responses"] = {"R": {"$ref": "#/components/responses/R"}}
            for op in _operations(tree)[:1]:
                op["parameters"] = [{"$ref": "#/components/parameters/P"}]
                op["responses"] = {"200": {"$ref": "#/components/responses/R"}}
    return tree


def _rename(mapping: dict[Any, Any], old: Any, new: Any) -> None:
    mapping[new] = mapping.pop(old)


def _names(tree: Any, rng: random.Random) -> Any:
    """Hostile names for schemas, properties, parameters, operationIds, tags, security schemes and variables."""
    for _ in range(rng.randint(1, 6)):
        name = rng.choice(HOSTILE_NAMES)
        kind = rng.randrange(7)
        schemas = _schemas_of(tree)
        if kind == 0 and schemas:
            old = rng.choice(list(schemas))
            _rename(schemas, old, name)  # its $refs dangle now, unless renamed too
            if rng.random() < 0.7:
                for container, key in _slots_named(tree, frozenset({"$ref"})):
                    if container[key] == _ref_prefix(tree) + str(old):
                        container[key] = _ref_prefix(tree) + name.replace("~", "~0").replace("/", "~1")
        elif kind == 1:
            props = [m["properties"] for m in _mappings(tree) if isinstance(m.get("properties"), dict)]
            if props:
                chosen = rng.choice(props)
                if chosen:
                    _rename(chosen, rng.choice(list(chosen)), name)
                else:
                    chosen[name] = {"type": "string"}
        elif kind == 2:
            params = [m for m in _mappings(tree) if "in" in m and "name" in m]
            if params:
                rng.choice(params)["name"] = name
        elif kind == 3:
            ops = _operations(tree)
            if ops:
                rng.choice(ops)["operationId"] = name
        elif kind == 4:
            ops = _operations(tree)
            if ops:
                rng.choice(ops)["tags"] = [name]
        elif kind == 5 and isinstance(tree, dict) and rng.random() < 0.5:  # what package and module names come from
            info = tree.setdefault("info", {})
            if isinstance(info, dict):
                info[rng.choice(["title", "version", "x-provider", "x-service"])] = name
        elif kind == 5 and isinstance(tree, dict):
            components = tree.get("components")
            if isinstance(components, dict):
                schemes = components.setdefault("securitySchemes", {})
                if isinstance(schemes, dict):
                    schemes[name] = {"type": "apiKey", "in": "header", "name": "X-Key"}
                    tree["security"] = [{name: []}]
        elif isinstance(tree, dict):
            tree["servers"] = [{"url": f"https://{{{name}}}.example.test", "variables": {name: {"default": "a"}}}]
    return tree


def _colliding_names(tree: Any, rng: random.Random) -> Any:
    """Names that become one identifier once made Python names."""
    names = _collisions(rng)
    kind = rng.randrange(4)
    schemas = _schemas_of(tree)
    if kind == 0:
        for name in names:
            schemas[name] = {"type": "object", "properties": {"v": {"type": "string"}}}
            _use_schema(tree, name, rng)
    elif kind == 1:
        schemas["Colliding"] = {"type": "object", "properties": {n: {"type": "string"} for n in names}}
        _use_schema(tree, "Colliding", rng)
    elif kind == 2:
        ops = _operations(tree)
        if ops:
            op = rng.choice(ops)
            params = [{"name": n, "in": "query", "schema": {"type": "string"}} for n in names]
            params += [{"name": n, "in": "header", "schema": {"type": "string"}} for n in names[:3]]
            op["parameters"] = params
    else:
        for op, name in zip(_operations(tree), names, strict=False):
            op["operationId"] = name
    return tree


def _texts(tree: Any, rng: random.Random) -> Any:
    """Code-looking and undecodable texts in descriptions, examples, defaults, enums, patterns, formats, titles."""
    keys = frozenset({"description", "summary", "title", "example", "default", "pattern", "format", "x-example"})
    slots = _slots_named(tree, keys)
    for _ in range(rng.randint(1, 8)):
        text = rng.choice(HOSTILE_TEXTS)
        if slots and rng.random() < 0.6:
            container, key = rng.choice(slots)
            container[key] = text
        else:
            schemas = [m for m in _mappings(tree) if m.get("type") in ("string", "integer", "object")]
            if schemas:
                schema = rng.choice(schemas)
                field = rng.choice(["description", "default", "enum", "example", "title", "const", "examples"])
                schema[field] = [text, rng.choice(HOSTILE_TEXTS)] if field in ("enum", "examples") else text
    if isinstance(tree, dict) and isinstance(tree.get("info"), dict) and rng.random() < 0.3:
        tree["info"][rng.choice(["title", "description", "version"])] = rng.choice(HOSTILE_TEXTS)
    return tree


def _traversal(tree: Any, rng: random.Random) -> Any:
    paths = tree.get("paths") if isinstance(tree, dict) else None
    if not isinstance(paths, dict):
        return tree
    template = rng.choice(
        ["/x/{../../x}", "/{..}", "/../../etc/{p}", "/x/{p}/../{q}", "/{a/b}", "/{}", "/{{x}}", "x/{p}", "", "/x/{p"]
    )
    params = [
        {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
        for name in ["../../x", "..", "p", "q", "a/b", ""]
    ]
    op = {"operationId": "traverse", "parameters": rng.sample(params, 2), "responses": {"200": {"description": "ok"}}}
    paths[template] = {"get": op}
    return tree


def _server_credentials(tree: Any, rng: random.Random) -> Any:
    if not isinstance(tree, dict):
        return tree
    url = rng.choice(
        [
            f"https://admin:{PASSWORD}@api.example.test/v1",
            f"https://{PASSWORD}@api.example.test",
            f"https://user:{PASSWORD}@{{region}}.example.test",
            f"http://u:{PASSWORD}@127.0.0.1:8080",
        ]
    )
    if "swagger" in tree and rng.random() < 0.5:
        tree["host"] = f"admin:{PASSWORD}@api.example.test"
    else:
        server: dict[str, Any] = {"url": url}
        if "{region}" in url:
            server["variables"] = {"region": {"default": "kr", "enum": ["kr", "jp"]}}
        tree["servers"] = [server, *(tree.get("servers") or [] if isinstance(tree.get("servers"), list) else [])]
    return tree


def _duplicate_operation_ids(tree: Any, rng: random.Random) -> Any:
    ops = _operations(tree)
    if len(ops) >= 2:
        name = rng.choice([str(ops[0].get("operationId", "same")), "same", "get"])
        for op in rng.sample(ops, rng.randint(2, len(ops))):
            op["operationId"] = name
    return tree


def _version_mix(tree: Any, rng: random.Random) -> Any:
    if not isinstance(tree, dict):
        return tree
    choice = rng.randrange(5)
    if choice == 0:
        tree.pop("openapi", None)
        tree["swagger"] = "2.0"
    elif choice == 1:
        tree["openapi"] = rng.choice(["3.0.0", "3.1.0", "3.2.0", "2.0", "4.0.0", "3", 3.1, "", None])
    elif choice == 2:
        tree["swagger"] = "2.0"  # both
    schemas = _schemas_of(tree)
    schemas["Mixed"] = {
        "type": rng.choice([["string", "null"], "file", ["object", "array"], "null"]),
        "nullable": rng.choice([True, "yes"]),
        "x-nullable": True,
        "exclusiveMinimum": rng.choice([True, 5]),
        "examples": rng.choice([["a"], {"a": {"value": 1}}]),
        "const": "c",
        "prefixItems": [{"type": "string"}],
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$defs": {"d": {"type": "string"}},
        "unevaluatedProperties": False,
        "contentMediaType": "image/png",
    }
    _use_schema(tree, "Mixed", rng)
    if rng.random() < 0.5:
        tree["definitions"] = {"Old": {"type": "object"}}
        tree["consumes"] = ["application/json"]
        for op in _operations(tree)[:2]:
            op["parameters"] = [{"name": "body", "in": "body", "schema": {"$ref": "#/definitions/Old"}}]
            op["consumes"] = ["multipart/form-data"]
    if rng.random() < 0.3:
        tree["webhooks"] = {"hook": {"post": {"responses": {"200": {"description": "ok"}}}}}
    return tree


EXTENSIONS = [
    "x-provider",
    "x-service",
    "x-versions",
    "x-api-status",
    "x-sunset",
    "x-api-version-header",
    "x-server-pairs",
    "x-operations",
    "x-pagination",
    "x-stability-level",
    "x-doc-version",
    "x-signing",
    "x-token-url",
]


def _extensions(tree: Any, rng: random.Random) -> Any:
    """The extensions the generator reads, anywhere and of any type."""
    mappings = _mappings(tree)
    info = tree.get("info") if isinstance(tree, dict) else None
    for _ in range(rng.randint(1, 5)):
        target = info if isinstance(info, dict) and rng.random() < 0.5 else rng.choice(mappings) if mappings else None
        if target is not None:
            value = rng.choice([_wrong_value(rng), rng.choice(HOSTILE_NAMES), [rng.choice(HOSTILE_NAMES), {}]])
            target[rng.choice(EXTENSIONS)] = value
    for op in _operations(tree):
        if rng.random() < 0.2:
            op[rng.choice(["x-operations", "x-pagination", "x-sunset", "deprecated"])] = _wrong_value(rng)
    return tree


#: JSON Schema keywords read as numbers, and values a YAML document may give them
_NUMBER_KEYWORDS = ["minItems", "maxItems", "minLength", "maxLength", "minProperties", "maxProperties", "minimum"]
_EDGE_NUMBERS: list[Any] = [10**9, 10**40, 1e308, float("nan"), float("inf"), float("-inf"), "9" * 5000, -1, 1.5]


def _edge_numbers(tree: Any, rng: random.Random) -> Any:
    """Size and bound keywords inserted into schemas with numbers no contract test can meet (``minItems: 1e9``),
    that overflow (``10**40``, ``1e308``), that JSON has not (``.nan``, ``.inf``) or of the wrong type."""
    schemas = [m for m in _mappings(tree) if "type" in m or "properties" in m]
    for _ in range(rng.randint(1, 4)):
        if schemas:
            rng.choice(schemas)[rng.choice(_NUMBER_KEYWORDS)] = rng.choice(_EDGE_NUMBERS)
    return tree


def _shuffle_types(tree: Any, rng: random.Random) -> Any:
    """Schema keywords with values of the right type but wrong meaning: unknown types, formats, styles, methods."""
    for mapping in _mappings(tree):
        if rng.random() < 0.05:
            if "type" in mapping:
                mapping["type"] = rng.choice(["strin", "file", "any", "null", ["null"], [], "Object", "integer "])
            if "in" in mapping:
                mapping["in"] = rng.choice(["body", "formData", "querystring", "cookie", "Path", "matrix", ""])
            if "style" in mapping:
                mapping["style"] = rng.choice(["deepObject", "matrix", "label", "bogus", "pipeDelimited"])
            if "format" in mapping:
                mapping["format"] = rng.choice(["binary", "byte", "date-time", "uuid", "int128", "bogus", "email"])
    paths = tree.get("paths") if isinstance(tree, dict) else None
    if isinstance(paths, dict) and paths:
        item = paths[rng.choice(list(paths))]
        if isinstance(item, dict) and item:
            method = rng.choice(list(item))
            item[rng.choice(["GET", "query", "connect", "x-get", "parameters", "servers", "$ref"])] = item.pop(method)
    return tree


TREE_MUTATIONS: dict[str, TreeMutation] = {
    "wrong-type": _wrong_type,
    "wrong-type-known": _wrong_type_known,
    "nulls": _nulls,
    "hostile-keys": _hostile_keys,
    "huge": _huge,
    "huge-enum": _huge_enum,
    "deep": _deep,
    "refs": _refs,
    "recursion": _recursion,
    "names": _names,
    "colliding-names": _colliding_names,
    "texts": _texts,
    "traversal": _traversal,
    "server-credentials": _server_credentials,
    "duplicate-operation-ids": _duplicate_operation_ids,
    "version-mix": _version_mix,
    "extensions": _extensions,
    "shuffle-types": _shuffle_types,
    "edge-numbers": _edge_numbers,
}
#: mutations that make documents of megabytes or many thousand models: the slow cases
BIG = frozenset({"huge", "huge-enum"})


# -- byte mutations: (bytes, random) -> bytes -------------------------------------------------------------------------

ByteMutation = Callable[[bytes, random.Random], bytes]


def _truncate(raw: bytes, rng: random.Random) -> bytes:
    return raw[: rng.randrange(len(raw) + 1)]


def _garbage(raw: bytes, rng: random.Random) -> bytes:
    return bytes(rng.randrange(256) for _ in range(rng.choice([0, 1, 100, 10_000])))


def _bom(raw: bytes, rng: random.Random) -> bytes:
    return (
        rng.choice([b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00"]) + raw
    )


def _encoding(raw: bytes, rng: random.Random) -> bytes:
    text = raw.decode("utf-8", "replace")
    encoding = rng.choice(["utf-16", "utf-16-le", "utf-32", "latin-1", "cp949", "shift_jis", "utf-8-sig"])
    return text.encode(encoding, "replace")


def _flip(raw: bytes, rng: random.Random) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 20)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def _nul(raw: bytes, rng: random.Random) -> bytes:
    at = rng.randrange(len(raw) + 1)
    return raw[:at] + rng.choice([b"\x00", b"\x00" * 100, b"\xed\xa0\x80", b"\xc3", b"\x1b"]) + raw[at:]


def _yaml_tags(raw: bytes, rng: random.Random) -> bytes:
    snippet = rng.choice(
        [
            f'x-tag: !!python/object/apply:os.system ["touch {PWNED}"]\n'.encode(),
            b"x-tag: !!python/name:os.system\n",
            b"x-tag: !custom {a: 1}\n",
            b"x-tag: !!binary aGVsbG8=\n",
            b"x-tag: !!set {a, b}\n",
            b"x-tag: !!timestamp 2001-12-14\n",
            b"x-merge: {<<: [{a: 1}, {b: 2}]}\n",
            b"x-anchor: &a {b: *a}\n",
            b"%YAML 1.1\n---\n",
            b"---\n---\n",
            b"...\n",
            b"\t- tab\n",
        ]
    )
    return snippet + raw if snippet.startswith(b"%") or snippet.startswith(b"-") else raw + b"\n" + snippet


BYTE_MUTATIONS: dict[str, ByteMutation] = {
    "truncate": _truncate,
    "garbage": _garbage,
    "bom": _bom,
    "encoding": _encoding,
    "flip": _flip,
    "nul": _nul,
    "yaml-tags": _yaml_tags,
}


# -- a case -----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Case:
    seed: Seed
    mutations: list[str]
    file_name: str
    raw: bytes


def _dump(tree: Any, as_json: bool) -> bytes:
    if as_json:
        try:
            return json.dumps(tree, ensure_ascii=True, allow_nan=True).encode("utf-8")
        except (TypeError, ValueError):  # keys JSON cannot hold
            pass
    try:
        return yaml.safe_dump(tree, allow_unicode=False, sort_keys=False, width=1_000_000).encode("utf-8")
    except RecursionError:  # deeper than PyYAML's emitter goes: JSON is YAML too (a seed's dates as their text)
        return json.dumps(tree, ensure_ascii=True, default=str).encode("utf-8")


def make_case(seed: Seed, tree_names: list[str], byte_names: list[str], rng: random.Random) -> Case:
    """``seed`` with its tree and bytes mutated, written as JSON or YAML (as its file's name says)."""
    tree = copy.deepcopy(load_seed(seed))
    for name in tree_names:
        tree = TREE_MUTATIONS[name](tree, rng)
    as_json = rng.random() < 0.5
    raw = _dump(tree, as_json)
    for name in byte_names:
        raw = BYTE_MUTATIONS[name](raw, rng)
    name = seed.path.stem + (".json" if as_json else ".yaml")
    return Case(seed, tree_names + byte_names, name, raw)


def draw_case(pool: list[Seed], rng: random.Random, names: list[str] | None = None) -> Case:
    tree_names = [n for n in (names or TREE_MUTATIONS) if n in TREE_MUTATIONS]
    byte_names = [n for n in (names or BYTE_MUTATIONS) if n in BYTE_MUTATIONS]
    seed = rng.choice(pool)
    first = rng.choice(tree_names) if tree_names else None
    chosen = [first] if first in BIG else [] if first is None else [first]
    if first not in BIG and tree_names:
        small = [n for n in tree_names if n not in BIG and n != first]
        chosen += rng.sample(small, min(len(small), rng.randint(0, 2)))
    bytes_chosen = rng.sample(byte_names, 1) if byte_names and (not tree_names or rng.random() < 0.15) else []
    return make_case(seed, chosen, bytes_chosen, rng)


# -- running a case: the invariants ----------------------------------------------------------------------------------


def _snapshot(folder: Path, skip: Path) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        if path == skip or skip in path.parents:
            continue
        found[str(path.relative_to(folder))] = path.read_bytes() if path.is_file() else b"<dir>"
    return found


@dataclass(frozen=True, slots=True)
class Layout:
    """Where a case runs: the spec three folders deep, the output beside it, and secrets in every folder above."""

    root: Path
    spec: Path
    out: Path

    @classmethod
    def make(cls, root: Path, case: Case) -> Layout:
        spec_dir = root / "a" / "b" / "specs"
        spec_dir.mkdir(parents=True)
        for folder in (root, root / "a", root / "a" / "b"):
            (folder / "secret.yaml").write_text(f"openapi: {OUTSIDE_SECRET}\n", encoding="utf-8")
            (folder / "keep.txt").write_text("not the tool's\n", encoding="utf-8")
        (spec_dir / "notes.txt").write_text("beside the spec\n", encoding="utf-8")
        spec = spec_dir / case.file_name
        spec.write_bytes(case.raw)
        out = root / "a" / "b" / "out"
        if len(case.raw) % 2:  # half the cases write into a folder holding the user's files (with --force)
            for rel in USER_FILES:
                (out / rel).parent.mkdir(parents=True, exist_ok=True)
                (out / rel).write_text("the user's\n", encoding="utf-8")
        return cls(root, spec, out)


#: files of the user's in the output folder (``--force``): never deleted or changed, whatever the spec
USER_FILES = ("user-notes.txt", "tests/test_user.py", "README.local.md")


#: the modules a generated package may import (its own package aside)
ALLOWED_IMPORTS = frozenset(
    [
        "__future__",
        "asyncio",
        "collections",
        "contextlib",
        "dataclasses",
        "datetime",
        "decimal",
        "docs2client_runtime",
        "enum",
        "httpx",
        "importlib",
        "ipaddress",
        "json",
        "pathlib",
        "pydantic",
        "pytest",
        "types",
        "typing",
        "typing_extensions",
        "urllib",
        "uuid",
        "re",
        "base64",
    ]
)
#: names a generated package never calls
FORBIDDEN_CALLS = frozenset(
    [
        "eval",
        "exec",
        "__import__",
        "compile",
        "open",
        "system",
        "popen",
        "Popen",
        "breakpoint",
        "input",
        "exit",
        "remove",
        "rmtree",
        "unlink",
    ]
)


def check_sources(out: Path) -> None:
    """Every Python file under ``out`` parses, imports only :data:`ALLOWED_IMPORTS` and its own package, calls
    nothing in :data:`FORBIDDEN_CALLS`, and never has :data:`CODE_MARK` as a name of its own (the payloads'
    assignment, ``FUZZ_CODE_MARK = 1``, run as code)."""
    own = {p.parent.name for p in out.glob("*/__init__.py")}
    for path in sorted(out.rglob("*.py")):
        if str(path.relative_to(out)) in USER_FILES:
            continue
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source, str(path))
        for node in ast.walk(tree):
            where = f"{path.relative_to(out)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Import | ast.ImportFrom):
                modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and node.level:
                    continue
                for module in modules:
                    root = module.split(".")[0]
                    assert root in ALLOWED_IMPORTS or root in own, f"{where}: imports {module}"
            elif isinstance(node, ast.Call):
                func = node.func
                called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                assert called not in FORBIDDEN_CALLS, f"{where}: calls {called}"
            identifier = (
                node.id
                if isinstance(node, ast.Name)
                else (
                    node.attr
                    if isinstance(node, ast.Attribute)
                    else (
                        node.name
                        if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef)
                        else node.arg if isinstance(node, ast.arg | ast.keyword) and node.arg else ""
                    )
                )
            )
            # a name made from a text (an enum member from its value) holds the mark inside a longer name; the mark
            # alone is the payload's own assignment, run as code
            assert identifier != CODE_MARK, f"{where}: spec text became code ({identifier})"


_IMPORT_ALL = """
import importlib, pathlib, sys
root = pathlib.Path.cwd()
for init in sorted(root.glob("*/**/__init__.py")):
    package = ".".join(init.parent.relative_to(root).parts)
    importlib.import_module(package)
    for module in sorted(init.parent.glob("*.py")):
        if module.stem != "__init__":
            importlib.import_module(package + "." + module.stem)
"""


def check_imports(out: Path, seconds: float) -> None:
    """Every module of the package imports in a fresh interpreter, and no text of the spec ran."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(out)}
    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL], cwd=out, env=env, capture_output=True, text=True, timeout=seconds
    )
    assert done.returncode == 0, f"the package does not import: {done.stderr[-800:]}"


def _all_text(folder: Path) -> Iterator[tuple[Path, bytes]]:
    for path in folder.rglob("*"):
        if path.is_file():
            yield path, path.read_bytes()


def generate_case(case: Case, folder: Path, *, seconds: float = 60.0, imports: bool = True) -> str:
    """Run ``docs2client generate`` on ``case`` in ``folder`` (in this process) and check the invariants (see the
    module's docstring): "ok" (a package) or "error" (one located error); raises :class:`AssertionError` or
    :class:`TimeoutError` when an invariant does not hold."""
    from scraper.cli import main

    layout = Layout.make(folder, case)
    before = _snapshot(folder, layout.out)
    out, err = io.StringIO(), io.StringIO()
    with time_limit(seconds, "generate"), contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = main(["generate", "--spec", str(layout.spec), "--out", str(layout.out), "--force"])
    messages = err.getvalue()
    assert "Traceback" not in messages and "internal error" not in messages, messages[-800:]
    assert code in (0, 1), f"exit {code}: {messages[-800:]}"
    for line in messages.splitlines():
        assert line.startswith(("warning: ", "error: ")), f"a message line of its own: {line[:300]!r}"
    if code == 1:
        assert messages.count("\n") == 1, f"more than one error line: {messages[-800:]}"
        assert messages.startswith((f"error: {layout.spec}", f"error: {layout.out}")), messages[:300]
    assert _snapshot(folder, layout.out) == before, "a file outside the output folder changed, appeared or went"
    for rel in USER_FILES if (layout.out / USER_FILES[0]).exists() or len(case.raw) % 2 else ():
        assert (layout.out / rel).read_text(encoding="utf-8") == "the user's\n", f"the user's {rel} changed or went"
    for text, what in [(messages, "stderr"), (out.getvalue(), "stdout")]:
        assert PASSWORD not in text and OUTSIDE_SECRET not in text, f"a secret in {what}"
    leaks = [
        str(p.relative_to(layout.out))
        for p, data in _all_text(layout.out)
        if PASSWORD.encode() in data or OUTSIDE_SECRET.encode() in data
    ]
    assert not leaks, f"a secret written to {leaks}"
    if code == 1:
        written = [p for p in layout.out.rglob("*") if p.is_file()] if layout.out.exists() else []
        assert all(str(p.relative_to(layout.out)) in USER_FILES for p in written), "an error, yet files were written"
        return "error"
    check_sources(layout.out)
    if imports:
        check_imports(layout.out, seconds)
    assert not list(folder.rglob(PWNED)) and not Path(PWNED).exists(), "a spec text ran"
    assert not Path("/tmp/absolute").exists(), "an absolute name from the spec was written to"
    return "ok"


def diff_case(case: Case, folder: Path, *, seconds: float = 60.0) -> str:
    """``docs2client diff`` of the seed and the mutation (in this process): "same", "changes" or "error"; raises
    when it shows a traceback, exits otherwise, or hangs."""
    from scraper.cli import main

    spec = folder / ("diff-" + case.file_name)
    spec.write_bytes(case.raw)
    out, err = io.StringIO(), io.StringIO()
    with time_limit(seconds, "diff"), contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        code = main(["diff", str(case.seed.path), str(spec)])
    messages = err.getvalue()
    assert "Traceback" not in messages and "internal error" not in messages, messages[-800:]
    assert code in (0, 1, 2), f"exit {code}: {messages[-800:]}"
    assert PASSWORD not in messages + out.getvalue(), "a server URL's password in the diff's report"
    if code == 2:
        assert str(spec) in messages, f"an error that does not name the file: {messages[-300:]}"
        return "error"
    return "changes" if out.getvalue().strip() and "no changes" not in out.getvalue() else "same"


def _main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--only", help="comma-separated mutation names")
    parser.add_argument("--no-imports", action="store_true", help="skip importing each package in a subprocess")
    parser.add_argument("--diff-only", action="store_true", help="run only the diff (many more cases a minute)")
    parser.add_argument("--max-size", type=int, default=0, help="only seeds up to this many bytes (0: all)")
    parser.add_argument("--case", type=int, help="run this case only, and write its spec to --dump")
    parser.add_argument("--dump", type=Path, default=Path("/tmp/spec-fuzz-case"))
    args = parser.parse_args(argv)
    pool = [s for s in seeds() if not args.max_size or s.path.stat().st_size <= args.max_size]
    names = args.only.split(",") if args.only else None
    outcomes: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    for number in [args.case] if args.case is not None else range(args.cases):
        rng = random.Random(f"{args.seed}-{number}")
        case = draw_case(pool, rng, names)
        if args.case is not None:
            args.dump.mkdir(exist_ok=True)
            (args.dump / case.file_name).write_bytes(case.raw)
            print(f"{args.dump / case.file_name}: {case.seed.path.relative_to(ROOT)} {case.mutations}")
        started = time.perf_counter()
        for kind in ("diff",) if args.diff_only else ("generate", "diff"):
            try:
                with tempfile.TemporaryDirectory() as folder:
                    if kind == "generate":
                        outcome = generate_case(case, Path(folder), seconds=args.seconds, imports=not args.no_imports)
                    else:
                        outcome = diff_case(case, Path(folder), seconds=args.seconds)
                outcomes[f"{kind}:{outcome}"] += 1
            except BaseException as exc:
                if isinstance(exc, KeyboardInterrupt):
                    raise
                where = traceback.extract_tb(exc.__traceback__)[-1]
                key = f"{kind} {type(exc).__name__} at {Path(where.filename).name}:{where.lineno}"
                if isinstance(exc, AssertionError):
                    key += " " + str(exc).split(":")[0][:60]
                failures[key] += 1
                outcomes[f"{kind}:FAIL"] += 1
                if failures[key] == 1:
                    print(f"case {number} {case.seed.name} {case.mutations}: {key}: {str(exc)[:300]}", flush=True)
        elapsed = time.perf_counter() - started
        if elapsed > 20:
            print(f"case {number} {case.seed.name} {case.mutations}: slow {elapsed:.1f} s", flush=True)
    print(dict(sorted(outcomes.items())))
    for key, count in failures.most_common():
        print(f"{count:6d}  {key}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(_main())
