"""Multi-file OpenAPI documents bundled into one: every ``$ref`` to another local file becomes a local ``$ref``.

A document split over files (``$ref: ./schemas/pet.yaml`` or ``common.json#/definitions/Error``) is read file by file
and each thing a file holds is copied once into the document: a schema under ``components.schemas`` (2.0:
``definitions``), a parameter, response, request body, header, link or callback under its own section, named after
the fragment's last token (else the file's name), ``_2``, ``_3`` ... on a collision, or under the name the document's
own components give it (``Pet: {$ref: ./schemas/pet.yaml}``); a path item in place (3.0 has no section for them).
References inside a copied part are followed the same way, relative to the file they were in.

Only files inside the directory tree of the document itself are read: a URL, an absolute path, a ``..`` that leaves
the tree, or a symlink out of it is a one-line error naming the file and the pointer; so are more than
:data:`MAX_FILES` files or more than ``spec_input.MAX_BYTES`` of them together. A file that is not there (or a
fragment that points at nothing) leaves its ``$ref`` as written, for the generator to report as it reports any
reference it cannot follow (a schema's: a warning and ``Any``).
"""

from __future__ import annotations

import copy
import itertools
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from scraper.json_pointer import follow_tokens, unescape_token
from scraper.spec_input import MAX_BYTES, DocumentError, check_tree, load_document_file

__all__ = ["MAX_FILES", "BundleError", "bundle_document", "has_external_refs", "needs_bundling"]

#: Most files one document may be split over.
MAX_FILES = 10_000
#: Most path items and ``properties`` maps copied in place (each may hold more references to copy in place).
MAX_IN_PLACE = 10_000
#: Keys whose values are data, never searched for references.
_DATA_KEYS = frozenset({"example", "examples", "default", "enum", "const", "x-example", "x-examples"})
_URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_NAME = re.compile(r"[^A-Za-z0-9._-]+")
#: The 3.x components section a ``$ref`` object goes to, by the key that holds it (the parent's key for lists/maps).
_SECTION_BY_KEY = {"requestBody": "requestBodies"}
_SECTION_BY_PARENT = {
    "parameters": "parameters",
    "responses": "responses",
    "headers": "headers",
    "links": "links",
    "callbacks": "callbacks",
    "examples": "examples",
}
_SWAGGER_SECTIONS = {"schemas": "definitions", "parameters": "parameters", "responses": "responses"}


class BundleError(ValueError):
    """A reference that cannot be bundled; the message is one line naming the document and the pointer."""


def has_external_refs(doc: Any) -> bool:
    """Whether any ``$ref`` of ``doc`` names another file (or URL)."""
    return any(not ref.startswith("#") for _, ref in _refs(doc, (), examples="openapi" in doc))


def needs_bundling(doc: Any) -> bool:
    """Whether :func:`bundle_document` changes ``doc``: a ``$ref`` names another file (or URL), or gives a schema's
    whole ``properties`` map, which no generator reads as a reference (it became a property named "$ref" and the
    map's properties were lost, without a word)."""
    return any(
        not ref.startswith("#") or _properties_map(here) for here, ref in _refs(doc, (), examples="openapi" in doc)
    )


def _refs(node: Any, where: tuple[Any, ...], *, examples: bool = True) -> list[tuple[tuple[Any, ...], str]]:
    """Every ``$ref`` in ``node`` (at pointer ``where``) with its place; with ``examples`` (OpenAPI 3.x, not Swagger
    2.0, whose ``examples`` map media types to data) the references in ``examples`` maps too."""
    found: list[tuple[tuple[Any, ...], str]] = []
    stack: list[tuple[Any, tuple[Any, ...]]] = [(node, where)]
    while stack:
        item, here = stack.pop()
        if isinstance(item, list):
            stack.extend((v, (*here, i)) for i, v in enumerate(item))
        elif isinstance(item, dict):
            # under ``properties`` a string ``$ref`` is no property named "$ref" (whose schema would be an object)
            # but the whole map by reference (DigitalOcean: ``properties: {$ref: attributes.yml#/droplet_ids}``)
            if isinstance(item.get("$ref"), str):
                found.append((here, item["$ref"]))
            # a discriminator's mapping values are schema names or references, relative to the file too
            discriminator = item.get("discriminator")
            mapping = discriminator.get("mapping") if isinstance(discriminator, Mapping) else None
            if isinstance(mapping, Mapping) and here[-1:] != ("properties",):
                found.extend(
                    ((*here, "discriminator", "mapping", tag), target)
                    for tag, target in mapping.items()
                    if isinstance(target, str) and _mapping_reference(target)
                )
            # ``default`` is data in a schema, but a response under ``responses`` (and in a map of names, such as
            # ``properties``, every key is a name: Woosmap's property ``default``); an extension (``x-...``) is the
            # vendor's, not OpenAPI's (Spotify's x-spotify-policy refers to a file outside the spec's folder), except
            # where x- names a property, header, example or component, and the x-operations the generator reads
            names = here[-1:] in _NAME_MAPS or (len(here) == 2 and here[0] == "components")
            stack.extend(
                (v, (*here, k))
                for k, v in item.items()
                if k != "$ref"
                and (names or k not in _DATA_KEYS or (k == "default" and here[-1:] == ("responses",)))
                and (names or not _vendor_extension(k))
            )
            # a media type's or parameter's ``examples`` map holds Example Objects, each maybe a reference to one
            # (DigitalOcean keeps them in files beside the responses); what an example holds is data
            named = item.get("examples")
            if examples and isinstance(named, Mapping) and here[-1:] != ("properties",):
                found.extend(
                    ((*here, "examples", name), example["$ref"])
                    for name, example in named.items()
                    if isinstance(example, Mapping) and isinstance(example.get("$ref"), str)
                )
    return found


#: Maps whose keys are names (a property called ``x-rate`` is no extension).
_NAME_MAPS = frozenset(
    (key,)
    for key in (
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "headers", "examples",
        "links", "callbacks", "encoding", "variables", "securitySchemes",
    )
)  # fmt: skip
#: Extensions that hold OpenAPI objects the generator reads (with references to follow).
_STRUCTURAL_EXTENSIONS = frozenset({"x-operations", "x-additionalOperations"})


def _mapping_reference(target: str) -> bool:
    """Whether a discriminator mapping value is a reference (``#/components/schemas/Cat``, ``models/x.yml#/a``,
    ``cat.yaml``) rather than a schema name (``Cat``)."""
    return "#" in target or "/" in target or target.lower().endswith((".yaml", ".yml", ".json"))


def _mapping_target(here: tuple[Any, ...]) -> bool:
    """Whether ``here`` (from :func:`_refs`) is a discriminator mapping value rather than a ``$ref`` object."""
    return here[-3:-1] == ("discriminator", "mapping")


def _vendor_extension(key: Any) -> bool:
    return isinstance(key, str) and key.startswith("x-") and key not in _STRUCTURAL_EXTENSIONS


def pointer(parts: tuple[Any, ...]) -> str:
    return "#/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def bundle_document(
    doc: dict[str, Any], path: Path, source: str, *, warnings: list[str] | None = None, root: Path | None = None
) -> dict[str, Any]:
    """``doc`` (read from ``path``) with every reference to another file replaced by a local one to a copy of what
    it names. Raises :class:`BundleError`. What reading the other files found (a duplicate key) goes to
    ``warnings``. ``root`` is the tree references may read (``generate --spec-root``: a repository whose documents
    share files across folders); by default the document's own folder."""
    return _Bundler(doc, path, source, warnings, root).run()


class _Missing(Exception):
    """The file a reference names is not there, or its fragment points at nothing."""


class _Bundler:
    def __init__(
        self, doc: dict[str, Any], path: Path, source: str, warnings: list[str] | None, root: Path | None = None
    ) -> None:
        self.doc = copy.deepcopy(doc)
        self.warnings = warnings
        self.root_file = path.absolute().parent.resolve() / path.name
        self.root = self.root_file.parent if root is None else root.absolute().resolve()
        self.chosen_root = root is not None
        self.source = source
        if not self.root_file.parent.is_relative_to(self.root):
            raise BundleError(f"{source}: the document is not inside --spec-root {root}; expected a folder holding it")
        self.swagger = "openapi" not in doc and "swagger" in doc
        self.files: dict[Path, Any] = {self.root_file: self.doc}
        self.bytes = 0
        self.copies = 0  # path items and properties maps copied in place
        self.placed: dict[tuple[Path, str], str] = {}  # (file, fragment) -> local $ref
        self.owners: dict[str, tuple[Path, str]] = {}  # local $ref -> (file, fragment) it holds

    def run(self) -> dict[str, Any]:
        # (node holding refs, its pointer in the bundled document, the file its refs are relative to)
        self.expand_whole_maps()
        work: list[tuple[Any, tuple[Any, ...], Path]] = [(self.doc, (), self.root_file)]
        work += self.named_files()
        while work:
            node, where, file = work.pop()
            for here, ref in _refs(node, where, examples=not self.swagger):
                mapped = _mapping_target(here)  # a mapping value: its holder is the mapping, keyed by the tag
                holder = _at(self.doc, here[:-1] if mapped else here)
                if not isinstance(holder, dict):
                    continue
                if ref.startswith("#") and file == self.root_file and not _properties_map(here):
                    continue
                try:
                    local, new = self.place(ref, file, here)
                except BundleError:
                    if not mapped:
                        raise
                    continue  # a mapping value that is a URL or leaves the folder: as written (generate warns)
                except _Missing:
                    # a file or fragment that is not there: the $ref stays, and the generator treats it as it
                    # treats any reference it cannot follow (a schema: a warning and Any; elsewhere its error)
                    continue
                if mapped:
                    if local is not None:
                        holder[here[-1]] = local
                        if new is not None:
                            work.append((new[0], new[2], new[1]))
                    continue
                if local is None:  # copied in place (a path item, an operation), its own refs followed from there
                    self.copies += 1
                    if self.copies > MAX_IN_PLACE:
                        raise self.fail(here, f"$ref {ref!r:.120}: references copied in place do not end (a cycle?)")
                    target = {k: v for k, v in holder.items() if k != "$ref"}
                    holder.clear()
                    holder.update(copy.deepcopy(new[0]) if isinstance(new[0], dict) else {})
                    holder.update(target)
                    work.append((holder, here, new[1]))
                    continue
                holder["$ref"] = local
                if new is not None and new[2][-2:-1] != ("examples",):  # an example is data: no refs in it
                    work.append((new[0], new[2], new[1]))
        try:
            check_tree(self.doc, self.source)
        except DocumentError as exc:
            raise BundleError(str(exc)) from None
        return self.doc

    def expand_whole_maps(self) -> None:
        """A whole map of the document kept in a file of its own (Woosmap: ``paths: {$ref: ./paths/_index.yml}``,
        ``components: {schemas: {$ref: ./schemas/_index.yml}}``; OpenAPI has no such reference, split-file tools
        resolve it) read in place, before anything else, with its references rewritten relative to the document, as
        if written in it: its entries are then the document's own paths and named components. It was copied into
        ``components.schemas`` as one schema and the document refused (``/paths/$ref must be a mapping``)."""
        places: list[tuple[Any, ...]] = [("paths",), ("webhooks",), ("components",)]
        if self.swagger:
            places += [("definitions",), ("parameters",), ("responses",), ("securityDefinitions",)]
        index = 0
        while index < len(places):
            where = places[index]
            index += 1
            holder = self.doc.get(where[0]) if len(where) == 1 else _child(self.doc.get(where[0]), where[1])
            if not isinstance(holder, dict):
                continue
            ref = holder.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                self.expand_in_place(holder, ref, where)
            if where == ("components",):  # then each of its sections
                places += [("components", key) for key in holder if isinstance(key, str) and key != "$ref"]

    def expand_in_place(self, holder: dict[str, Any], ref: str, where: tuple[Any, ...]) -> None:
        file_part, _, fragment = ref.partition("#")
        target_file = self.resolve(file_part, self.root_file, ref, where)
        try:
            found = self.target(target_file, fragment, ref, where)
        except _Missing:
            return  # as written: the generator names the place
        if not isinstance(found, dict):
            return
        copied = copy.deepcopy(found)
        self.rebase(copied, target_file)
        siblings = {k: v for k, v in holder.items() if k != "$ref"}
        holder.clear()
        holder.update(copied)
        holder.update(siblings)

    def rebase(self, node: Any, file: Path) -> None:
        """Every reference in ``node`` (read from ``file``) rewritten relative to the document: a local one
        (``#/...``) names ``file``; a URL or an absolute path stays as written, for :meth:`resolve` to refuse."""
        base = self.root_file.parent
        for here, ref in _refs(node, (), examples=not self.swagger):
            file_part, hashed, fragment = ref.partition("#")
            text = unquote(file_part)
            if _URL_SCHEME.match(text) or text.startswith(("/", "\\")):
                continue
            named = file if not file_part else (file.parent / text)
            rebased = Path(os.path.relpath(named, base)).as_posix() + (hashed + fragment)
            if _mapping_target(here):
                _at(node, here[:-1])[here[-1]] = rebased
            else:
                _at(node, here)["$ref"] = rebased

    def named_files(self) -> list[tuple[Any, tuple[Any, ...], Path]]:
        """The document's own components that are a whole reference to another file's part
        (``ClusterCreateResponse: {$ref: ./schemas/cluster-create-response.yaml}``, Redocly's split layout) take that
        part under their name, so every other reference to the file is one to the name the document gives it (it
        was copied under the file's name, and the documented name became an alias the models wrapped and numbered
        past). The first component naming a part takes it; another naming the same part stays a reference to it.
        Returns the parts placed, for their own references to be followed (relative to their files)."""
        placed: list[tuple[Any, tuple[Any, ...], Path]] = []
        for parts in self.named_sections():
            section = _at(self.doc, parts)
            for name, entry in list(section.items()) if isinstance(section, dict) else []:
                ref = entry.get("$ref") if isinstance(entry, dict) and len(entry) == 1 else None
                if not isinstance(ref, str) or ref.startswith("#") or not ref.partition("#")[0]:
                    continue
                here = (*parts, name)
                file_part, _, fragment = ref.partition("#")
                target_file = self.resolve(file_part, self.root_file, ref, here)
                if (target_file, fragment) in self.placed:
                    continue  # a second name for a part already placed: the loop makes it a reference to it
                try:
                    value = self.target(target_file, fragment, ref, here)
                except _Missing:
                    continue  # as written, for the generator to report
                section[name] = copy.deepcopy(value)
                self.placed[(target_file, fragment)] = pointer(here)
                placed.append((section[name], here, target_file))
        return placed

    def named_sections(self) -> list[tuple[str, ...]]:
        """Where the document names its reusable parts: each ``components`` section (2.0: ``definitions``,
        ``parameters``, ``responses``), path items (copied in place) and vendor extensions (``x-...``) excepted."""
        if self.swagger:
            return [(key,) for key in ("definitions", "parameters", "responses") if isinstance(self.doc.get(key), dict)]
        components = self.doc.get("components")
        if not isinstance(components, dict):
            return []
        return [
            ("components", key)
            for key, value in components.items()
            if isinstance(value, dict) and key != "pathItems" and not _vendor_extension(key)
        ]

    def fail(self, here: tuple[Any, ...], message: str) -> BundleError:
        return BundleError(f"{self.source}: {pointer(here)}: {message}")

    def place(self, ref: str, file: Path, here: tuple[Any, ...]) -> tuple[str | None, Any]:
        """The local ``$ref`` that replaces ``ref`` (None for a path item, copied in place) and, when its target
        was placed just now, ``(target, its file, its pointer)`` for its own references to be followed."""
        file_part, _, fragment = ref.partition("#")
        target_file = self.resolve(file_part, file, ref, here) if file_part else file
        key = (target_file, fragment)
        section = self.section(here)
        if section is None:
            return None, (self.target(target_file, fragment, ref, here), target_file)
        if key in self.placed:
            return self.placed[key], None
        if target_file == self.root_file and fragment.startswith("/"):
            return "#" + fragment, None  # an external file's reference back into the document itself
        value = self.target(target_file, fragment, ref, here)
        parts = self.section_path(section)
        container = self.doc
        for part in parts:
            container = container.setdefault(part, {})
            if not isinstance(container, dict):
                raise self.fail(parts, "is not a mapping; the referenced files cannot be bundled into it")
        base = _NAME.sub("_", unquote(fragment.rstrip("/").rsplit("/", 1)[-1]) if fragment.strip("/") else "")
        base = base or _NAME.sub("_", target_file.stem) or "Part"
        name, n = base, 1
        while name in container:
            n += 1
            name = f"{base}_{n}"
        container[name] = copy.deepcopy(value)
        local = pointer((*parts, name))
        self.placed[key] = local
        return local, (container[name], target_file, (*parts, name))

    def section(self, here: tuple[Any, ...]) -> str | None:
        """The components section a ``$ref`` object at ``here`` belongs in; None for what is copied in place
        (:func:`_in_place`)."""
        if _in_place(here):
            return None
        if len(here) == 3 and here[0] == "components":
            return str(here[1])
        if self.swagger and len(here) == 2 and here[0] in ("definitions", "parameters", "responses"):
            return {"definitions": "schemas"}.get(str(here[0]), str(here[0]))
        if here and here[-1] in _SECTION_BY_KEY:
            return _SECTION_BY_KEY[str(here[-1])]
        if len(here) >= 2 and here[-2] in _SECTION_BY_PARENT and (len(here) < 3 or here[-3] != "properties"):
            return _SECTION_BY_PARENT[str(here[-2])]
        return "schemas"

    def section_path(self, section: str) -> tuple[str, ...]:
        if self.swagger:
            return (_SWAGGER_SECTIONS.get(section, "definitions"),)
        return ("components", section)

    def resolve(self, file_part: str, file: Path, ref: str, here: tuple[Any, ...]) -> Path:
        text = unquote(file_part)
        if _URL_SCHEME.match(text) or text.startswith("//"):
            raise self.fail(here, f"$ref {ref!r:.120} is a URL; only files beside the document are read")
        if text.startswith(("/", "\\")):
            raise self.fail(here, f"$ref {ref!r:.120} is an absolute path; only files beside the document are read")
        try:
            target = (file.parent / text).resolve()
        except (OSError, ValueError) as exc:  # a NUL in the name (%00), a symbolic link loop: no file to read
            raise self.fail(here, f"$ref {ref!r:.120} names no file that can be read ({exc})") from None
        if not target.is_relative_to(self.root):
            raise self.fail(
                here,
                f"$ref {ref!r:.120} leaves "
                + (
                    f"--spec-root ({self.root.name}/); only files in it are read"
                    if self.chosen_root
                    else f"the document's folder ({self.root.name}/); only files in it are read (--spec-root DIR"
                    " reads a wider tree, such as the repository's)"
                ),
            )
        return target

    def target(self, file: Path, fragment: str, ref: str, here: tuple[Any, ...]) -> Any:
        if file not in self.files:
            if len(self.files) >= MAX_FILES:
                raise self.fail(here, f"$ref {ref!r:.120}: more than {MAX_FILES} files; not read")
            try:
                size = file.stat().st_size
            except OSError as exc:
                raise _Missing from exc
            self.bytes += size
            if self.bytes > MAX_BYTES:
                raise self.fail(here, f"$ref {ref!r:.120}: the files together exceed {MAX_BYTES:,} bytes; not read")
            try:
                self.files[file] = load_document_file(
                    file, shown=f"{self.source}: {file.relative_to(self.root)}", warnings=self.warnings
                )
            except DocumentError as exc:
                raise BundleError(str(exc)) from None
        tokens = fragment.lstrip("/").split("/") if fragment.strip("/") else []
        try:
            return follow_tokens(self.files[file], (unescape_token(unquote(token)) for token in tokens))
        except LookupError:
            raise _Missing from None


_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace", "query"})


def _in_place(here: tuple[Any, ...]) -> bool:
    """Whether a ``$ref`` at ``here`` is copied in place rather than into a components section: a path item
    (``/paths/~1a``, a webhook, a callback's expression), an operation (``/paths/~1a/get``: DigitalOcean keeps each
    in a file of its own, and one in ``components.schemas`` became a model) or a schema's ``properties`` map."""
    top = len(here) >= 2 and here[0] in ("paths", "webhooks")
    return (
        (top and len(here) == 2)
        or (top and len(here) == 3 and here[2] in _METHODS)
        or (len(here) >= 3 and here[-3] == "callbacks")
        or _properties_map(here)
    )


def _properties_map(here: tuple[Any, ...]) -> bool:
    """Whether ``here`` is a schema's ``properties`` map (``.../properties``), not a property named "properties"
    (``.../properties/properties``): the trailing ``properties`` tokens alternate between the two."""
    trailing = len(here) - len(tuple(itertools.dropwhile(lambda p: p == "properties", reversed(here))))
    return trailing % 2 == 1


def _child(node: Any, key: str) -> Any:
    return node.get(key) if isinstance(node, dict) else None


def _at(doc: Any, where: tuple[Any, ...]) -> Any:
    node = doc
    for part in where:
        node = node[part]
    return node
