"""An SCP API reference page printed from an OpenAPI document, the way docs.e.samsungsdscloud.com prints it.

Samsung's site renders each service's ``_print`` page from the service's OpenAPI document; the Terraform SDK's
copies of those documents (``tests/build/scp_oracle.py`` says where) are the oracle. Printing a page from an
oracle document and reading it back with ``docs2client spec`` measures the SCP dialect on services it was never
built against, with the truth known field by field:

    python -m tests.build.scp_page_printer ORACLE_DIR OUT_DIR [--rendering pipe|squashed|html] [--language en|ko]

writes ``OUT_DIR/<service>-<rendering>[-ko].txt`` (``.html``) for every ``*.yaml`` in ``ORACLE_DIR`` (the service's
slug, used in the host and in ``Scp-Api-Version``, is the file name without a ``-X.Y`` suffix). This module decides
what the page says; how it looks in each rendering and language (the site's two text renderings, its HTML, the
English and Korean pages) is ``tests/build/scp_page_renderings.py``, whose docstring says what it follows.

What the printer follows, from the stored pages (``pages/scp/001`` pipe, ``pages/scp/004`` squashed;
``/work/shared/docs/format-notes.md`` maps them) and excerpts of real ``_print`` pages of other services:

- Service title, ``Overview`` with the two standard sentences, ``Version`` with the overview version table, the
  ``OpenAPI URL`` (``https://<slug>.{region}.{environment}.samsungsdscloud.com``) and the environment/region table;
  then ``1 - APIs``, one ``1.K - <summary>`` per operation (titles sorted, as the site lists them) and one
  ``1.K.1 - X.Y`` version page each; then ``2 - Models``, one ``2.K - <Name>`` table per component schema.
- A version page: ``<method> <path>``, ``Description``, the description, ``State ACTIVE (<x-api-status>)``, the
  deprecation sentence on a DEPRECATED page, the per-page version table, ``Parameters`` + table (body row
  ``| body | body required | Model |``: its empty cells dropped), ``Responses`` + table (Schema ``None``, a model
  name or ``array[Model]``), ``Example HTTP request``, the request path with the required query parameters
  appended, the six ``Request header`` lines, ``Request body`` + JSON, ``Example HTTP response``, ``Response <code>``
  and JSON when the 2xx response has a schema.
- Schema cells in the site's grammar: ``string (date-time)``, ``array[X]``, ``any of [X, null]`` (OpenAPI 3.0's
  ``nullable`` included), ``enum (A, B)``, a ``$ref`` (or a lone ``allOf`` of one) as the model's name.
- Description cells: the description, then `` Example : <value>`` on every non-model field (empty when the
  document has none), values written as Python prints them (``True``, ``['a']``), then the constraints glued
  with no separator (``Pattern : ``, ``Minimum length : ``, ``Maximum length : ``, ``Minimum : ``,
  ``Maximum : ``). Parameter defaults are Python's spelling too (``None`` when there is none); a model row's
  Default is empty unless the document gives one; a model table's last row drops its empty Default cell, and an
  empty Description is dropped there too.
- Pipe rendering: cells joined by `` | ``, JSON with its indentation stripped. Squashed rendering: a blank line
  between blocks, each table row's cells concatenated with no separator except where a cell holds several lines
  (the name and its ``required``/``optional`` flag, the description and its ``Example :`` and constraint lines),
  JSON indented by 4 spaces. HTML: headings, ``<table>``s, ``<br>`` within a cell, chroma-highlighted JSON.

Where the printer is unsure (no stored page shows it), it says so here rather than guess silently:

- Example JSON is built from the fields' own examples; where a field has none the printer writes ``""`` for a
  string (as the real pages do), ``0`` for a number, ``true`` for a boolean, ``{}`` for an object without
  properties. The site's own generator may differ.
- An inline object schema with properties (no ``$ref``) is printed as ``object``: no stored page shows one.
- A schema with no type at all is printed as ``object``; ``oneOf`` is printed as ``any of`` (no page shows
  ``one of``); ``additionalProperties`` is not shown.
- Operations without ``x-api-version`` are printed as version ``1.0``; without ``x-api-status`` as CURRENT.
- A multipart or form request body is printed as a body row of its schema like a JSON one.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from tests.build.scp_page_renderings import LANGUAGES, RENDERINGS, ModelRow, ParameterRow, rendering_for

HTTP_METHODS = ("get", "put", "post", "delete", "patch")
ENVIRONMENTS = (
    ("s", "kr-west1"),
    ("s", "kr-east1"),
    ("g", "kr-south1"),
    ("g", "kr-south2"),
    ("g", "kr-south3"),
    ("e", "kr-west1"),
    ("e", "kr-east1"),
)
HEADER_LINES = (
    '"Scp-Accesskey = 2sd2gg=2agbdSD26svcD",',
    '"Scp-Signature = fsfsdf235f9U35sdgf35Xsf/qgsdgsdg326=sfsdr23rsef=",',
    '"Scp-Timestamp = 1605290625682",',
    '"Scp-ClientType = Openapi",',
)
CONSTRAINTS = (
    ("pattern", "Pattern : "),
    ("minLength", "Minimum length : "),
    ("maxLength", "Maximum length : "),
    ("minimum", "Minimum : "),
    ("maximum", "Maximum : "),
)


class _StringDates(yaml.SafeLoader):
    """A YAML loader that keeps dates as the strings the document wrote (the site prints them as written)."""


_StringDates.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_document(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_StringDates)  # a SafeLoader subclass: no arbitrary objects


class Printer:
    """Prints one service's page from one OpenAPI document."""

    def __init__(
        self, document: Mapping[str, Any], slug: str, title: str, rendering: str, language: str = "en"
    ) -> None:
        self.page = rendering_for(rendering, language, title)
        self.language = LANGUAGES[language]
        self.document = document
        self.slug = slug
        self.title = title

    # -- schema reading ---------------------------------------------------------------------------------------

    def resolve(self, schema: Any, seen: frozenset[str] = frozenset()) -> Any:
        while isinstance(schema, Mapping) and isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            if ref in seen or not ref.startswith("#/"):
                return {}
            seen = seen | {ref}
            target: Any = self.document
            for part in ref[2:].split("/"):
                target = target.get(part, {}) if isinstance(target, Mapping) else {}
            schema = target
        return schema if isinstance(schema, Mapping) else {}

    def model_name(self, schema: Any) -> str | None:
        """The model a schema names: a ``$ref``, or a lone ``allOf`` of one ``$ref``, to an object component."""
        if not isinstance(schema, Mapping):
            return None
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            name = ref.rsplit("/", 1)[1]
            return name if self.is_model(name) else None
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1:
            return self.model_name(all_of[0])
        return None

    def is_model(self, name: str) -> bool:
        """An object component is a model with a table of its own; any other (an enum of strings, an ``anyOf``)
        the site prints inline where it is used (``enum (PERMANENT, TEMPORARY)`` for iam's
        ``AccessKey.access_key_type``, an ``allOf`` of ``AccessKeyTypeEnum``) and lists no model for it (iam's
        ``models/_print`` lists no ``...Enum``)."""
        schema = ((self.document.get("components") or {}).get("schemas") or {}).get(name)
        if not isinstance(schema, Mapping):
            return True
        if "properties" in schema or "allOf" in schema:
            return True
        # an alias the SDK's generator extracted from an inline schema (iam's ``Principal``: an ``anyOf`` of a
        # string and a map; ``Policy_Type_1``: a string or a list) is inline on the site's page
        shaped = any(key in schema for key in ("anyOf", "oneOf", "enum", "items"))
        return schema.get("type", "object") == "object" and not shaped

    def inlined(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        """``schema`` with a reference to a non-model component replaced by the component (its own keys win)."""
        target = schema
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1 and isinstance(all_of[0], Mapping):
            target = all_of[0]
        ref = target.get("$ref")
        if isinstance(ref, str) and self.model_name(target) is None:
            rest = {key: value for key, value in schema.items() if key not in ("$ref", "allOf")}
            return {**self.resolve(target), **rest}
        return schema

    def schema_cell(self, schema: Any) -> str:
        """The site's Schema column for ``schema``."""
        if not isinstance(schema, Mapping):
            return "object"
        schema = self.inlined(schema)
        name = self.model_name(schema)
        nullable = bool(schema.get("nullable"))
        if name is not None:
            return f"any of [{name}, null]" if nullable else name
        for key in ("anyOf", "oneOf"):
            branches = schema.get(key)
            if isinstance(branches, list) and branches:
                return _any_of([self.schema_cell(branch) for branch in branches], nullable)
        declared = schema.get("type")
        types = [str(t) for t in declared] if isinstance(declared, list) else [str(declared)] if declared else []
        if "null" in types:
            types.remove("null")
            nullable = True
        if len(types) > 1:
            cells = [self.schema_cell({**schema, "type": t, "nullable": False}) for t in types]
            return "any of [" + ", ".join(cells + (["null"] if nullable else [])) + "]"
        kind = types[0] if types else ("array" if "items" in schema else "object")
        if isinstance(schema.get("enum"), list):
            values = [value for value in schema["enum"] if value is not None]
            nullable = nullable or len(values) < len(schema["enum"])
            cell = "enum (" + ", ".join(_python(value) for value in values) + ")"
        elif kind == "array":
            cell = f"array[{self.schema_cell(schema.get('items'))}]"
        elif kind in ("string", "integer", "number", "boolean", "object"):
            cell = kind + (f" ({schema['format']})" if schema.get("format") and kind != "object" else "")
        else:
            cell = "object"
        return f"any of [{cell}, null]" if nullable else cell

    def is_model_typed(self, schema: Any) -> bool:
        """A field typed by a model (or a list of one): the site prints no ``Example :`` for it."""
        if not isinstance(schema, Mapping):
            return False
        if self.model_name(schema) is not None:
            return True
        if schema.get("type") == "array":
            return self.is_model_typed(schema.get("items"))
        for key in ("anyOf", "oneOf"):
            branches = schema.get(key)
            if isinstance(branches, list):
                return any(self.is_model_typed(branch) for branch in branches)
        return False

    def description_lines(self, description: str, schema: Any, example: Any, has_example: bool) -> list[str]:
        """The Description cell's lines: text, ``Example : v`` and each constraint (glued in the pipe rendering)."""
        lines = [description.strip()] if description and description.strip() else []
        if self.is_model_typed(schema):
            return lines
        shown = _python(example) if has_example else ""
        lines.append(f"Example : {shown}".rstrip())
        resolved = self.inlined(schema) if isinstance(schema, Mapping) else {}
        for key, label in CONSTRAINTS:
            if key in resolved:
                lines.append(f"{label}{_python(resolved[key])}")
        return lines

    # -- examples ---------------------------------------------------------------------------------------------

    def example(self, schema: Any, depth: int = 0) -> Any:
        schema_map = schema if isinstance(schema, Mapping) else {}
        if "example" in schema_map:
            return schema_map["example"]
        target = self.resolve(schema)
        all_of = target.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1:
            target = self.resolve(all_of[0])
        for key in ("anyOf", "oneOf"):
            branches = target.get(key)
            if isinstance(branches, list):
                for branch in branches:
                    if self.resolve(branch).get("type") != "null":
                        return self.example(branch, depth + 1)
        if depth > 6:
            return {}
        kind = target.get("type")
        kind = next((t for t in kind if t != "null"), None) if isinstance(kind, list) else kind
        if "properties" in target:
            return {name: self.example(child, depth + 1) for name, child in target["properties"].items()}
        if isinstance(target.get("enum"), list) and target["enum"]:
            return target["enum"][0]
        if kind == "array" or "items" in target:
            return [self.example(target.get("items"), depth + 1)]
        if kind in ("integer", "number"):
            return 0
        if kind == "boolean":
            return True
        if kind == "object":
            return {}
        return ""

    # -- page -------------------------------------------------------------------------------------------------

    def operations(self) -> list[tuple[str, str, Mapping[str, Any]]]:
        found = []
        for path, item in (self.document.get("paths") or {}).items():
            if not isinstance(item, Mapping):
                continue
            for method in HTTP_METHODS:
                operation = item.get(method)
                if isinstance(operation, Mapping):
                    shared = [p for p in item.get("parameters") or [] if isinstance(p, Mapping)]
                    operation = {**operation, "parameters": shared + list(operation.get("parameters") or [])}
                    found.append((method, str(path), operation))
        return sorted(found, key=lambda found_op: (_title(*found_op).lower(), found_op[1], found_op[0]))

    def versions(self) -> dict[str, tuple[str, str]]:
        """Every version the operations name, newest first, with its status and Not Before date."""
        seen: dict[str, tuple[str, str]] = {}
        for _, _, operation in self.operations():
            version, status, date = _version_of(operation)
            seen.setdefault(version, (status, date))
        return dict(sorted(seen.items(), key=lambda item: [int(p) for p in item[0].split(".")], reverse=True))

    def models(self) -> list[tuple[str, Any]]:
        schemas = (self.document.get("components") or {}).get("schemas") or {}
        return [(str(name), schema) for name, schema in schemas.items() if self.is_model(str(name))]

    def contents(self) -> list[tuple[str, str]]:
        """The table of contents: every numbered heading the page prints, in page order."""
        entries = [("1", "APIs")]
        for index, (method, path, operation) in enumerate(self.operations(), start=1):
            entries += [(f"1.{index}", _title(method, path, operation)), (f"1.{index}.1", _version_of(operation)[0])]
        if (self.document.get("components") or {}).get("schemas"):
            entries.append(("2", "Models"))
            entries += [(f"2.{index}", name) for index, (name, _) in enumerate(self.models(), start=1)]
        return entries

    def print_page(self) -> str:
        page, words = self.page, self.language
        page.preamble()
        page.title(self.title)
        page.contents(self.contents())
        page.label("Overview", 2)
        page.paragraphs(*(sentence.format(title=self.title) for sentence in words.overview))
        page.label("Version", 2)
        versions = self.versions()
        if any(status == "DEPRECATED" for status, _ in versions.values()):
            page.notice(words.deprecation)
        rows = [[version, status, date] for version, (status, date) in versions.items()]
        page.table(["Version", "Status", words.overview_until], rows)
        page.label("OpenAPI URL", 2)
        page.paragraphs(f"https://{self.slug}.{{region}}.{{environment}}.samsungsdscloud.com")
        page.label("Environment and Region List", 2)
        page.table(["environment", "region"], [[e, r] for e, r in ENVIRONMENTS])
        page.heading("1", "APIs")
        for index, (method, path, operation) in enumerate(self.operations(), start=1):
            self.print_operation(index, method, path, operation)
        if (self.document.get("components") or {}).get("schemas"):
            page.heading("2", "Models")
            for index, (name, schema) in enumerate(self.models(), start=1):
                self.print_model(index, name, schema)
        return page.text()

    def print_operation(self, index: int, method: str, path: str, operation: Mapping[str, Any]) -> None:
        page, words = self.page, self.language
        version, status, date = _version_of(operation)
        page.heading(f"1.{index}", _title(method, path, operation))
        page.heading(f"1.{index}.1", version)
        page.method(method, path)
        page.label("Description", 3)
        description = str(operation.get("description") or operation.get("summary") or "None").strip()
        page.paragraphs(*[line for line in description.splitlines() if line.strip()] or ["None"], together=True)
        page.state(words.state_label, status)
        if status == "DEPRECATED":
            page.notice(words.deprecation)
        page.table(list(words.page_versions_header), [[version, date]])
        parameters = [self.resolve(p) for p in operation.get("parameters") or []]
        rows: list[ParameterRow] = []
        for parameter in parameters:
            schema = parameter.get("schema") or {}
            has_example = "example" in parameter or (isinstance(schema, Mapping) and "example" in schema)
            example = parameter.get("example", schema.get("example") if isinstance(schema, Mapping) else None)
            rows.append(
                ParameterRow(
                    location=str(parameter.get("in")),
                    name=str(parameter.get("name")),
                    flag="required" if parameter.get("required") else "optional",
                    description=self.description_lines(
                        str(parameter.get("description") or ""), schema, example, has_example
                    ),
                    schema=self.schema_cell(schema),
                    default=[_python(schema.get("default")) if isinstance(schema, Mapping) else "None"],
                )
            )
        body = _body_schema(operation)
        if body is not None:
            rows.append(ParameterRow("body", "body", "required", [], self.schema_cell(body), []))
        page.label("Parameters", 3)
        if rows:
            page.parameter_table(rows)
        page.label("Responses", 3)
        response_rows = []
        success: tuple[str, Any] | None = None
        for code, response in (operation.get("responses") or {}).items():
            response = self.resolve(response)
            schema = _json_schema(response)
            cell = self.schema_cell(schema) if schema is not None else "None"
            response_rows.append([str(code), str(response.get("description") or ""), cell])
            if str(code).startswith("2") and success is None:
                success = (str(code), schema)
        page.table(["HTTP Code", "Description", "Schema"], response_rows)
        page.label("Example HTTP request", 3)
        page.strong("Request path")
        required_query = [str(p.get("name")) for p in parameters if p.get("in") == "query" and p.get("required")]
        query = "?" + "&".join(f"{name}={{{name}}}" for name in required_query) if required_query else ""
        page.request_path(path + query)
        page.strong("Request header")
        page.header_lines(
            [
                *HEADER_LINES,
                f'"Accept-Language = {words.accept_language}",',
                f'"Scp-Api-Version = {self.slug} {version}"',
            ]
        )
        if body is not None:
            page.strong("Request body")
            page.json(self.example(body))
        page.label("Example HTTP response", 3)
        if success is not None:
            page.strong(f"Response {success[0]}")
            if success[1] is not None:
                page.json(self.example(success[1]))

    def print_model(self, index: int, name: str, schema: Any) -> None:
        self.page.heading(f"2.{index}", name)
        target = self.resolve(schema)
        all_of = target.get("allOf")
        if isinstance(all_of, list) and "properties" not in target:
            merged: dict[str, Any] = {"properties": {}, "required": []}
            for part in all_of:
                part = self.resolve(part)
                merged["properties"].update(part.get("properties") or {})
                merged["required"] += list(part.get("required") or [])
            target = merged
        required = set(target.get("required") or [])
        rows = []
        for field, child in (target.get("properties") or {}).items():
            child_map = self.inlined(child) if isinstance(child, Mapping) else {}
            default = _python(child_map["default"]) if "default" in child_map else ""
            rows.append(
                ModelRow(
                    name=str(field),
                    flag="required" if field in required else "optional",
                    description=self.description_lines(
                        str(child_map.get("description") or ""), child, child_map.get("example"), "example" in child_map
                    ),
                    schema=self.schema_cell(child),
                    default=[default] if default else [],
                )
            )
        self.page.model_table(rows)


def _any_of(cells: list[str], nullable: bool) -> str:
    """``any of [...]`` of the branches' cells, a nested ``any of`` spliced in and ``null`` once, last: the SDK's
    documents nest what the service's own document wrote flat (``anyOf: [{type: string, nullable: true}, array]``
    for ``any of [string, array[string], null]``)."""
    members: list[str] = []
    for cell in cells:
        inner = _ANY_OF_MEMBERS.fullmatch(cell)
        for member in _split_members(inner.group(1)) if inner else [cell]:
            if member == "null":
                nullable = True
            elif member not in members:
                members.append(member)
    return "any of [" + ", ".join(members + (["null"] if nullable else [])) + "]"


_ANY_OF_MEMBERS = re.compile(r"any of \[(.*)\]")


def _split_members(text: str) -> list[str]:
    """The top-level members of an ``any of`` list (commas inside brackets and parentheses belong to a member)."""
    members, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif char == "," and depth == 0:
            members.append(text[start:index].strip())
            start = index + 1
    members.append(text[start:].strip())
    return members


def _python(value: Any) -> str:
    """A value as the site writes examples and defaults: Python's spelling (``True``, ``None``, ``['a']``)."""
    if isinstance(value, str):
        return value
    return repr(value)


def _title(method: str, path: str, operation: Mapping[str, Any]) -> str:
    return str(operation.get("summary") or operation.get("operationId") or f"{method} {path}").strip()


def _version_of(operation: Mapping[str, Any]) -> tuple[str, str, str]:
    version = str(operation.get("x-api-version") or "1.0")
    status = str(operation.get("x-api-status") or "CURRENT").upper()
    not_before = operation.get("x-not-before")
    date = re.sub(r"\D", "", str(not_before))[:8] if not_before and status != "CURRENT" else "-"
    return version, status, date or "-"


def _json_schema(holder: Mapping[str, Any]) -> Any:
    content = holder.get("content") or {}
    if not isinstance(content, Mapping) or not content:
        return None
    media = content.get("application/json") or next(iter(content.values()))
    return media.get("schema") if isinstance(media, Mapping) else None


def _body_schema(operation: Mapping[str, Any]) -> Any:
    body = operation.get("requestBody")
    return _json_schema(body) if isinstance(body, Mapping) else None


def service_slug(path: Path) -> str:
    return re.sub(r"-\d+\.\d+$", "", path.stem)


def print_page(
    document: Mapping[str, Any],
    slug: str,
    rendering: str = "pipe",
    title: str | None = None,
    language: str = "en",
) -> str:
    """The page for ``document``; the title defaults to the slug (the oracle's ``info.title`` names a suite)."""
    return Printer(document, slug, title or slug, rendering, language).print_page()


def page_name(stem: str, rendering: str, language: str = "en") -> str:
    """``<stem>-<rendering>[-ko].txt`` (``.html`` for the HTML rendering)."""
    suffix = "" if language == "en" else f"-{language}"
    return f"{stem}-{rendering}{suffix}." + ("html" if rendering == "html" else "txt")


def print_folder(oracle: Path, out: Path, rendering: str, language: str = "en") -> Iterator[Path]:
    out.mkdir(parents=True, exist_ok=True)
    for path in sorted(oracle.glob("*.yaml")):
        target = out / page_name(path.stem, rendering, language)
        page = print_page(load_document(path), service_slug(path), rendering, language=language)
        target.write_text(page, encoding="utf-8")
        yield target


def page_options(prog: str, second: str) -> argparse.ArgumentParser:
    """The command line of this printer and of the sweep that reads its pages back: the oracle folder, an output
    folder (``second``), the rendering and the language."""
    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("oracle_dir", type=Path, metavar="ORACLE_DIR")
    parser.add_argument("out_dir", type=Path, metavar=second)
    parser.add_argument("--rendering", choices=RENDERINGS, default="pipe")
    parser.add_argument("--language", choices=LANGUAGES, default="en")
    return parser


def main(argv: list[str]) -> int:
    args = page_options("python -m tests.build.scp_page_printer", "OUT_DIR").parse_args(argv)
    for written in print_folder(args.oracle_dir, args.out_dir, args.rendering, args.language):
        print(written)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
