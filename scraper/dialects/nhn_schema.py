"""NHN dotted field tables -> JSON Schema, reconciled with the example JSON.

NHN guides describe a body as rows of dotted paths (``volume.attachments.server_id``) with a data type each; a row
of type ``Array`` makes its children describe the array's items. The tables and the examples disagree in a few
recurring ways, and where the example is unambiguous its reading wins (it is what the API actually returned):

* a root key misspelt in the table (``snapshot.*`` rows for a ``snapshots`` key, ``volumes.id`` under ``volume``)
  -- renamed or merged into the singular/plural key the example has;
* ``Object`` fields whose example is an array (``attachments``, ``links``) -- read as arrays whose items are the
  documented children (or, with none documented, inferred from the example items);
* ``Boolean`` fields whose example is the string ``"true"``/``"false"`` -- read as that string enum;
* ``null`` example values -- the field is nullable;
* example keys the table does not list -- added as inferred (``x-inferred``) properties of documented objects.

Every such decision is a :class:`~scraper.model.Finding`. Objects documented without children are free-form maps
(``metadata``, ``extra_specs``) and stay ``{"type": "object"}``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from scraper.dialects.item_shapes import SHAPE_SEGMENT, shape_paths
from scraper.dialects.name_spelling import near_miss
from scraper.inference import json_type
from scraper.model import Finding, JsonSchema
from scraper.type_vocabulary import is_type_word, read_type

__all__ = ["FieldRow", "FieldTree", "infer_schema", "primitive_schema"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
#: The keywords of a list row's own schema kept when the list is built from its element rows.
_ARRAY_BOUNDS = ("minItems", "maxItems", "uniqueItems")

EnumResolver = Callable[[str, str, int], list[str] | None]


#: JSON types of a single value (what an example shows where a list was documented).
_SCALAR_KINDS = frozenset({"string", "integer", "number", "boolean"})


class TableValues(list[str]):
    """Enum values a resolver read from a table elsewhere in the guide (RDS: ``### DB Instance Progress Status``
    over ``Status | Description`` rows), not from the field's own cells: a value the field's example shows beyond
    them is one more value (RDS for PostgreSQL's examples show ``"progressStatus": "NONE"``, which the table leaves
    out), so a client does not reject what the guide says the API returns."""


def primitive_schema(data_type: str) -> JsonSchema:
    """The schema of a documented type word (:mod:`~scraper.type_vocabulary`); an unknown or empty word is
    an unconstrained schema."""
    reading = read_type(data_type)
    return dict(reading.schema) if reading.known else {}


def infer_schema(values: list[Any]) -> JsonSchema:
    """A schema every value validates against (union of observed JSON types; objects merged by key). A value seen
    only as ``null`` (``"reason": null``, Pipeline; ``"stationId": null``, NAS) says the field may be null, not what
    it is otherwise: its type is left open (``type: 'null'`` made a client reject every response filling it in), as
    :mod:`scraper.inference` leaves it."""
    types = sorted({json_type(v) for v in values})
    if not types or types == ["null"]:
        return {}
    schema: JsonSchema = {"type": types[0] if len(types) == 1 else types}
    objects = [v for v in values if isinstance(v, dict)]
    if objects:
        keys: list[str] = []
        for obj in objects:
            keys.extend(k for k in obj if k not in keys)
        schema["properties"] = {k: infer_schema([o[k] for o in objects if k in o]) for k in keys}
    arrays = [v for v in values if isinstance(v, list)]
    if arrays:
        items = [item for array in arrays for item in array]
        if items:
            schema["items"] = infer_schema(items)
    return schema


def _plural_partners(name: str) -> list[str]:
    """The names that are ``name``'s plural or singular (``id``: ``ids``, ``ides``; ``boxes``: ``boxe``, ``box``), in
    a fixed order: looked up by name, so reconciling a table of n fields with an example stays linear in n."""
    partners = [name + "s", name + "es"]
    if name.endswith("s"):
        partners.append(name[:-1])
    if name.endswith("es"):
        partners.append(name[:-2])
    return partners


@dataclass(frozen=True, slots=True)
class FieldRow:
    path: str
    data_type: str
    required: bool | None
    description: str
    line: int
    default: Any = None
    has_default: bool = False
    #: The schema the type cell reads as (``Array[UUID]`` -> array of uuid strings); None: from ``data_type``.
    schema: JsonSchema | None = None
    #: The row documents the elements of the array ``path`` names (written ``path[0]``), not the array itself.
    element: bool = False
    #: A line the description gets once the schema is read (the row's valid-range or constraint cell).
    note: str = ""
    #: The type cell as written (``Number``, ``Float``): ``data_type`` is what it reads as.
    written_type: str = ""
    #: The index after each of the path's last segments (:attr:`scraper.dialects.field_tables.FieldRow.indexes`).
    indexes: tuple[int | None, ...] = ()
    #: The values the description states as the whole set (:mod:`scraper.dialects.prose_values`): a sent field's
    #: ``enum``, a received field's ``x-documented-values`` (a client never refuses what the API answered).
    stated_values: tuple[str, ...] = ()
    #: The row documents what a client sends (a request's field), not what it receives.
    sent: bool = False


@dataclass(slots=True)
class _Field:
    name: str
    data_type: str
    required: bool | None
    description: str
    line: int
    default: Any = None
    has_default: bool = False
    schema: JsonSchema | None = None
    implicit: bool = False
    note: str = ""
    written_type: str = ""
    children: dict[str, _Field] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)
    strings: set[str] = field(default_factory=set)
    item_values: list[Any] = field(default_factory=list)
    extra: dict[str, list[Any]] = field(default_factory=dict)
    reconciled: bool = False
    #: The children are shapes of the items (``[0]``, ``[1]``: :mod:`scraper.dialects.item_shapes`), not fields.
    shapes: bool = False
    #: A key of the example -> the child it misspells the name of (:meth:`FieldTree._reconcile`).
    aliases: dict[str, str] = field(default_factory=dict)
    stated_values: tuple[str, ...] = ()
    sent: bool = False


def _shape_of(node: _Field, item: dict[str, Any]) -> _Field:
    """The item shape of ``node`` an example item is one of: the one documenting most of its keys, then the one
    with the fewest fields it lacks, then the first."""
    shapes = [child for name, child in node.children.items() if SHAPE_SEGMENT.fullmatch(name)]
    return max(
        shapes or [node],
        key=lambda s: (sum(1 for k in item if k in s.children), -sum(1 for k in s.children if k not in item)),
    )


#: A field name that stands for the keys of a map (``{WORKER_NODEGROUP_NAME}``, ``"Network Name"``, ``<name>``).
MAP_KEY = re.compile(r"\$?\{[^{}]+\}|\"[^\"]+\"|<[^<>]+>")


#: A row naming a map's key or value between hashes, as the template placeholder it stands for (``#key#``).
_HASHED_NAME = re.compile(r"#[^#\s]+#")


def _hashed_pair(node: _Field) -> tuple[_Field, _Field] | None:
    """SMS and E-mail (2018-2022): ``templateParameter | Object`` over exactly two rows ``#key# | String`` and
    ``#value# | Object``: the key and the value of each entry of a map (of replacement keys), not two members.
    Returns (key row, value row), or None when ``node`` has other children or no such pair."""
    children = list(node.children.values())
    if len(children) == 2 and all(_HASHED_NAME.fullmatch(c.name) for c in children):
        return children[0], children[1]
    return None


def _map_key(node: _Field) -> _Field | None:
    """The child of ``node`` that documents the values of a map (Compute Instance ``servers.addresses."Network
    Name"``, NKS ``nodegroup.node_status.{WORKER_NODEGROUP_NAME}``, the value row of a ``#key#``/``#value#``
    pair), or None."""
    pair = _hashed_pair(node)
    if pair is not None:
        return pair[1]
    return next((child for name, child in node.children.items() if MAP_KEY.fullmatch(name)), None)


class FieldTree:
    """The fields of one body table; :meth:`observe` an example, then :meth:`schema`."""

    def __init__(
        self,
        rows: list[FieldRow],
        *,
        page: str,
        subject: str,
        findings: list[Finding],
        line: int = 0,
        spellings: Callable[[str], int] | None = None,
    ) -> None:
        """``spellings``: how often the page writes a field name (its rows and its examples' keys), to tell which of
        a row's name and the example key it nearly spells is the misspelling; without it neither is chosen."""
        self.spellings = spellings
        self.page = page
        self.subject = subject
        self.findings = findings
        self._offsetless: list[str] = []
        self.root = _Field(
            name="", data_type="Object", required=True, description="", line=rows[0].line if rows else line
        )
        for row in self._shaped(rows):
            self._add(row)
        self._require_implied(self.root)

    def _require_implied(self, node: _Field) -> None:
        """A parent no row documents is required when a row under it is (Compute identity ``POST /v2.0/tokens``:
        required ``tenantId``, ``passwordCredentials`` read under the example's ``auth``, which has no row): the
        required member cannot be sent without it. Said in its missing-parent finding."""
        for child in node.children.values():
            self._require_implied(child)
            if child.implicit and child.required is None and any(c.required for c in child.children.values()):
                child.required = True

    def _shaped(self, rows: list[FieldRow]) -> list[FieldRow]:
        """``rows`` with a segment per item shape where a list's indexes document different fields
        (:func:`~scraper.dialects.item_shapes.shape_paths`), each such list a finding."""
        shaped = shape_paths([(r.path, r.indexes, r.element) for r in rows])
        if shaped is None:
            return rows
        for array, first, by_index in shaped.lists:
            written = "; ".join(f"{array}[{i}]: {', '.join(names)}" for i, names in by_index.items() if names)
            self._finding(
                "alternative-items",
                rows[first].line,
                f"the rows of {array!r} document different fields under different indexes ({written}); read as"
                " items of one of these shapes, not one item with all of them",
            )
        return [
            dataclasses.replace(row, path=path, element=element)
            for row, variants in zip(rows, shaped.paths, strict=True)
            for path, element in variants
        ]

    def _finding(self, kind: str, line: int, message: str) -> None:
        self.findings.append(Finding(kind=kind, page=self.page, line=line, subject=self.subject, message=message))

    def _add(self, row: FieldRow) -> None:
        segments = [s for s in row.path.split(".") if s]
        if not segments:
            self._finding("bad-field-name", row.line, f"field name {row.path!r} is not a dotted path; row skipped")
            return
        node = self.root
        for segment in segments[:-1]:
            child = node.children.get(segment)
            if child is None:
                shape = bool(SHAPE_SEGMENT.fullmatch(segment))
                child = _Field(segment, "Object", True if shape else None, "", row.line, implicit=not shape)
                node.children[segment] = child
                node.shapes = node.shapes or shape
            node = child
        name = segments[-1]
        if SHAPE_SEGMENT.fullmatch(name):
            node.shapes = True
        existing = node.children.get(name)
        if row.element and row.data_type.lower() != "array":
            self._add_element(node, name, existing, row)
            return
        if existing is not None and not existing.implicit:
            self._finding("duplicate-field", row.line, f"field {row.path!r} is documented twice; the first row is kept")
            return
        new = _Field(
            name,
            row.data_type,
            row.required,
            row.description,
            row.line,
            row.default,
            row.has_default,
            row.schema,
            note=row.note,
            written_type=row.written_type,
            stated_values=row.stated_values,
            sent=row.sent,
        )
        if existing is not None:
            new.children = existing.children
        node.children[name] = new

    def _add_element(self, node: _Field, name: str, array: _Field | None, row: FieldRow) -> None:
        """A ``list[0]`` row: what the elements of ``list`` are. Guides write it after the ``list`` row (``List``,
        then ``list[0] | Object``, then ``list[0].field`` rows), so it is no second row of ``list``; an element type
        other than Object becomes the array's item type, and with no ``list`` row of its own ``list`` is an array.
        (A ``list[] | List<String>`` row types the array itself and is read as the row of ``list``.)"""
        items = (
            {}
            if row.data_type.lower() == "object"
            else (dict(row.schema) if row.schema is not None else primitive_schema(row.data_type))
        )
        if array is None or array.implicit:
            array_node = _Field(name, "array", row.required, row.description, row.line)
            if array is not None:
                array_node.children = array.children
            node.children[name] = array_node
            self._finding(
                "element-row",
                row.line,
                f"{row.path + '[]'!r} documents the elements of {row.path!r}, which has no row of its own;"
                f" {row.path!r} read as an array" + (f" of {row.data_type}" if items else ""),
            )
            array = array_node
        elif array.data_type.lower() != "array":
            self._finding(
                "element-row",
                row.line,
                f"{row.path!r} is documented as {array.data_type} but a {row.path + '[]'!r} row documents its"
                " elements; read as an array",
            )
            array.data_type = "array"
        if items and not (array.schema and isinstance(array.schema.get("items"), dict)):
            array.schema = {"type": "array", "items": items}

    # ------------------------------------------------------------------------------------------- observing

    def observe(self, example: Any) -> None:
        """Record what the example shows for each field (and repair key mismatches it makes unambiguous)."""
        self._observe_field(self.root, example, "")

    def _observe_field(self, node: _Field, value: Any, path: str) -> None:
        node.seen.add(json_type(value))
        if isinstance(value, str):
            node.strings.add(value)
        if isinstance(value, dict):
            self._observe_object(node, value, path, node.extra)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict) and node.shapes:
                    shape = _shape_of(node, item)
                    self._observe_object(shape, item, f"{path}{shape.name}", shape.extra)
                elif isinstance(item, dict) and node.children:
                    self._observe_object(node, item, path, node.extra)
                else:
                    node.item_values.append(item)

    def _observe_object(self, node: _Field, value: dict[str, Any], path: str, extra: dict[str, list[Any]]) -> None:
        if not node.reconciled and node.children:
            self._reconcile(node, value, path)
            node.reconciled = True
        keys = _map_key(node)
        for key, item in value.items():
            child = node.children.get(key)
            if child is None and key in node.aliases:
                child = node.children.get(node.aliases[key])
            if child is None and keys is not None and (not keys.children or isinstance(item, (dict, list))):
                # a key of the map the table documents with a placeholder ("Network Name": "vpc2"); a scalar where
                # the map's values have fields is no such key (E-mail: "total": {"SENT": 120} under rows
                # "total.{statsCriteriaValue}.SENT"), so it stays an undocumented field of its own
                child = keys
            if child is not None:
                self._observe_field(child, item, f"{path}.{key}" if path else key)
            else:
                extra.setdefault(key, []).append(item)

    def _reconcile(self, node: _Field, value: dict[str, Any], path: str) -> None:
        if node.shapes:
            return
        if _hashed_pair(node) is not None:
            return
        missing = [name for name in node.children if name not in value and not MAP_KEY.fullmatch(name)]
        # a few misspelt names among placed ones (a table of thousands of names the example lacks is no table of
        # misspellings, and comparing each with every key would cost its length squared)
        spelling = self.spellings is not None and len(missing) <= 5
        self._type_word_name(node, value, path, missing)
        missing = [name for name in missing if name in node.children]
        for name in missing:
            child = node.children[name]
            full = f"{path}.{name}" if path else name
            partners = _plural_partners(name)
            renames = [k for k in partners if k in value and k not in node.children]
            merges = [k for k in partners if k in node.children and k in value]
            if len(renames) == 1:
                target = renames[0]
                node.children = {(target if k == name else k): v for k, v in node.children.items()}
                child.name = target
                child.implicit = False
                self._finding(
                    "table-example-conflict",
                    child.line,
                    f"the table documents {full!r} but the example has {target!r}; read as {target!r}",
                )
            elif (
                spelling
                and not renames
                and not merges
                and not child.implicit
                and (spelt := self._spelt(name, node, value))
            ):
                # Gamebase 'Get Member': ``memberInfo.usmCountryCode`` where the example's ``memberInfo`` has
                # ``usimCountryCode``: one field, typed twice (the row's name never sent, the key undescribed). The
                # spelling the page writes more often is the field's (E-mail: the table's ``dsnCode`` 13 times, the
                # example's ``dnsCode`` once); as often, neither is chosen
                assert self.spellings is not None
                ours, theirs = self.spellings(name), self.spellings(spelt)
                if theirs > ours:
                    node.children = {(spelt if k == name else k): v for k, v in node.children.items()}
                    child.name = spelt
                    read = spelt
                elif ours > theirs:
                    node.aliases[spelt] = name
                    read = name
                else:
                    self._finding(
                        "table-example-conflict",
                        child.line,
                        f"the table documents {full!r} but the example has {spelt!r}, which it nearly spells; the"
                        f" page writes each {ours} time(s), so which is the slip is not known: both are kept",
                    )
                    continue
                self._finding(
                    "table-example-conflict",
                    child.line,
                    f"the table documents {full!r} but the example has {spelt!r}, which it nearly spells; read as"
                    f" {read!r}, the spelling the page writes more often ({max(ours, theirs)} times, the other"
                    f" {min(ours, theirs)})",
                )
            elif len(merges) == 1 and child.implicit:
                target_node = node.children[merges[0]]
                for key, grandchild in child.children.items():
                    target_node.children.setdefault(key, grandchild)
                del node.children[name]
                moved = ", ".join(f"{full}.{k}" for k in child.children)
                self._finding(
                    "table-example-conflict",
                    child.line,
                    f"the table documents {moved} under {name!r} but the example nests them under {merges[0]!r};"
                    f" read under {merges[0]!r}",
                )

    def _type_word_name(self, node: _Field, value: dict[str, Any], path: str, missing: list[str]) -> None:
        """A row named by a type word (TOAST-Cloud framework API en: ``String | String | No | Account's status``,
        where the ko guide has ``status``: the translation replaced the name) documents the example's key no row
        has, when there is exactly one such row and one such key, and the key's value is of the row's type; the
        row is renamed to the key. Two such rows or keys: which is which the page does not say; left as written."""
        words = [name for name in missing if is_type_word(name) and not node.children[name].children]
        keys = [key for key in value if key not in node.children and key not in node.aliases]
        if len(words) != 1 or len(keys) != 1:
            return
        [name], [key] = words, keys
        child = node.children[name]
        declared = (child.schema or {}).get("type") or primitive_schema(child.data_type).get("type")
        shown = json_type(value[key])
        if shown == "null" or not declared or (declared != shown and {declared, shown} != {"number", "integer"}):
            return
        node.children = {(key if k == name else k): v for k, v in node.children.items()}
        child.name = key
        full = f"{path}.{name}" if path else name
        self._finding(
            "table-example-conflict",
            child.line,
            f"the table documents {full!r}, a type word, not a field's name; the example's one key no row documents"
            f" there is {key!r}, a {shown} as the row says: read as {key!r}",
        )

    @staticmethod
    def _spelt(name: str, node: _Field, value: dict[str, Any]) -> str | None:
        """The one key of the example object, documented by no row of it, that the row ``name`` misspells."""
        return near_miss(name, [key for key in value if key not in node.children])

    # -------------------------------------------------------------------------------------------- schemas

    def schema(self, enum_values: EnumResolver) -> JsonSchema:
        nullable: list[str] = []
        self._offsetless = []
        schema = self._object_schema(self.root, "", enum_values, nullable, with_extra=True)
        if self._offsetless:
            self._finding(
                "example-format",
                self.root.line,
                "date-time example values have no UTC offset (RFC 3339 requires one); format kept: "
                + ", ".join(self._offsetless),
            )
        if nullable:
            self._finding(
                "nullable-from-example",
                self.root.line,
                "fields shown as null in the example are read as nullable: " + ", ".join(nullable),
            )
        self._report_implicit(self.root, "")
        return schema

    def _report_implicit(self, node: _Field, path: str) -> None:
        for name, child in node.children.items():
            full = f"{path}.{name}" if path else name
            if child.implicit:
                needed = [name for name, c in child.children.items() if c.required][:3] if child.required else []
                self._finding(
                    "missing-parent",
                    child.line,
                    f"{full!r} has children but no row of its own; read as Object"
                    + (f", required since its members {', '.join(map(repr, needed))} are" if needed else ""),
                )
            self._report_implicit(child, full)

    def _object_schema(
        self, node: _Field, path: str, enums: EnumResolver, nullable: list[str], *, with_extra: bool
    ) -> JsonSchema:
        schema: JsonSchema = {"type": "object"}
        properties: dict[str, JsonSchema] = {}
        required: list[str] = []
        keys = _map_key(node)
        pair = _hashed_pair(node)
        for name, child in node.children.items():
            full = f"{path}.{name}" if path else name
            if pair is not None and child is pair[0]:
                self._finding(
                    "map-key",
                    child.line,
                    f"{full!r} and {pair[1].name!r} are the key and the value of each entry of {path or 'the body'!r};"
                    " read as a map of such values",
                )
                continue
            shown = child.seen - {"null"}
            scalars = bool(shown) and "object" not in shown
            if child is keys and child.data_type.lower() == "object" and not child.children and (pair or scalars):
                # E-mail: ``#value# | Object`` whose examples show ``"key": "value"``: Java's Object, any value (a
                # client checking for an object would refuse the strings the guide sends); API Gateway's
                # ``headers[{HeaderName}] | Object`` shown as ``"test1": "test1"`` alike
                schema["additionalProperties"] = {"description": child.description} if child.description else {}
                if pair is None:
                    self._finding(
                        "map-key",
                        child.line,
                        f"{full!r} names the keys of a map, not a field; its values are documented as Object and"
                        f" shown as {', '.join(sorted(shown))}: read as any value",
                    )
                continue
            if child is keys:
                schema["additionalProperties"] = self._field_schema(child, full, enums, nullable)
                if pair is not None:
                    continue  # said with the key row
                self._finding(
                    "map-key",
                    child.line,
                    f"{full!r} names the keys of a map, not a field; read as the schema of each of its values",
                )
                continue
            properties[name] = self._field_schema(child, full, enums, nullable)
            if child.required:
                required.append(name)
        if with_extra and node.extra:
            for key, values in node.extra.items():
                full = f"{path}.{key}" if path else key
                inferred = infer_schema(values)
                inferred["x-inferred"] = True
                properties[key] = inferred
                self._finding(
                    "undocumented-example-field",
                    node.line,
                    f"the example has {full!r}, which the table does not document; schema inferred from the example",
                )
        if properties:
            schema["properties"] = properties
        if required:
            schema["required"] = required
        return schema

    def _shapes_schema(self, node: _Field, path: str, enums: EnumResolver, nullable: list[str]) -> JsonSchema:
        """The items of a list of several shapes: ``oneOf`` them when each requires a field no other has (an item
        written in one shape fails the others), else ``anyOf`` (an item may fit two)."""
        shapes = {name: child for name, child in node.children.items() if SHAPE_SEGMENT.fullmatch(name)}
        schemas = [
            self._object_schema(child, f"{path}{name}", enums, nullable, with_extra=True)
            for name, child in shapes.items()
        ]
        for schema, child in zip(schemas, shapes.values(), strict=True):
            if child.description:
                schema["description"] = child.description
        owned = [set(s.get("properties", {})) for s in schemas]
        told_apart = all(
            set(s.get("required", [])) - set().union(*(o for j, o in enumerate(owned) if j != i))
            for i, s in enumerate(schemas)
        )
        return {"oneOf" if told_apart else "anyOf": schemas}

    def _field_schema(self, node: _Field, path: str, enums: EnumResolver, nullable: list[str]) -> JsonSchema:
        declared = node.data_type.lower()
        non_null = node.seen - {"null"}
        is_array = declared == "array" or node.shapes
        if not is_array and "array" in non_null:
            is_array = True
            self._finding(
                "table-example-conflict",
                node.line,
                f"{path!r} is documented as {node.data_type} but the example is an array; read as an array",
            )
        elif declared == "array" and non_null == {"object"}:
            is_array = False
            self._finding(
                "table-example-conflict",
                node.line,
                f"{path!r} is documented as Array but the example is an object; read as an object",
            )
        scalar = ""
        if declared == "array" and not node.children and not node.shapes and len(non_null) == 1:
            [only] = non_null
            if only in _SCALAR_KINDS:
                # Private DNS: ``rrset.records.content | Array`` where every example shows ``"content":
                # "192.168.59.9"`` (and the other operations' rows say String): the example is what is sent
                is_array, scalar = False, only
                self._finding(
                    "table-example-conflict",
                    node.line,
                    f"{path!r} is documented as Array but the example is a {only}; read as a {only}",
                )
        schema: JsonSchema
        if is_array:
            schema = {"type": "array"}
            if node.shapes:
                schema["items"] = self._shapes_schema(node, path, enums, nullable)
            elif node.children:
                schema["items"] = self._object_schema(node, path, enums, nullable, with_extra=True)
            elif node.schema is not None and isinstance(node.schema.get("items"), dict):
                schema["items"] = dict(node.schema["items"])
            elif node.item_values:
                items = infer_schema(node.item_values)
                items["x-inferred"] = True
                schema["items"] = items
            if node.schema is not None:  # the row's own bounds on the list (a valid-range column's item counts)
                schema.update({k: node.schema[k] for k in _ARRAY_BOUNDS if k in node.schema})
        elif node.children or declared == "object" or (declared == "array" and non_null == {"object"}):
            # a model the guide names and never defines (``stats | WidgetStatistics``): what the example shows of
            # it is all there is; a plain ``Object`` may be a map whose example keys are no fields, and keeps none
            named = node.schema is not None and "x-doc-type" in node.schema and not node.children
            schema = self._object_schema(node, path, enums, nullable, with_extra=bool(node.children) or named)
            values = node.schema.get("additionalProperties") if node.schema is not None else None
            if (
                isinstance(values, dict)
                and values != {"type": "object"}
                and "additionalProperties" not in schema
                and "properties" not in schema
            ):
                # Gamebase: ``result | Map<String, String> | IdP ID is the key, and Gamebase userId is the value``:
                # the row's type says what each value is, which a bare object lost. ``Map<String, Object>`` is
                # Java's map of anything (E-mail's ``searchParameter`` shows strings, numbers, null): no constraint
                schema["additionalProperties"] = dict(values)
        elif scalar:
            schema = {"type": scalar}
        else:
            schema = dict(node.schema) if node.schema is not None else primitive_schema(node.data_type)
            if not schema and non_null == {"object"} and node.extra:
                # TOAST-Cloud framework API: ``header | [Common response](#Response)``, a type no reader knows, over
                # ``"header": {"isSuccessful": true, ...}``: the object the example shows, its members with it (a bare
                # object would lose what the guide shows of them)
                schema = {"type": "object", "properties": {}, "x-inferred": True}
                for key, values in node.extra.items():
                    schema["properties"][key] = infer_schema(values)
                self._finding(
                    "type-from-example",
                    node.line,
                    f"{path!r} has no readable type; read from the example, an object of"
                    f" {', '.join(map(repr, node.extra))}",
                )
            elif not schema and non_null:
                kinds = sorted(non_null)
                schema = {"type": kinds[0] if len(kinds) == 1 else kinds, "x-inferred": True}
                self._finding("type-from-example", node.line, f"{path!r} has no readable type; read from the example")
            if declared == "enum" and "enum" not in schema:
                values = enums(path, node.description, node.line)
                if values:
                    schema["enum"] = list(values)
                    shown = sorted(v for v in node.strings if v not in values)
                    if isinstance(values, TableValues) and shown:
                        schema["enum"] += shown
                        self._finding(
                            "table-example-conflict",
                            node.line,
                            f"{path!r} takes the values of a table elsewhere in the guide, which does not list"
                            f" {', '.join(map(repr, shown))} that the example shows; read as one more value",
                        )
                else:
                    self._finding("enum-without-values", node.line, f"{path!r} is an Enum but no values are listed")
            if declared == "boolean" and non_null == {"string"} and node.strings <= {"true", "false"}:
                schema = {"type": "string", "enum": ["true", "false"]}
                self._finding(
                    "table-example-conflict",
                    node.line,
                    f"{path!r} is documented as Boolean but the example is the string"
                    f" {sorted(node.strings)[0]!r}; read as a 'true'/'false' string",
                )
            elif schema.get("format") == "date-time" and any(not _RFC3339.match(v) for v in node.strings):
                self._offsetless.append(path)
            elif schema.get("format") == "date" and any(not _DATE.match(v) for v in node.strings):
                # Deploy: "createDate | Date" shown as "2025-01-01T00:00:00+09:00"; a client parsing it as a date
                # would reject every response
                if all(_RFC3339.match(v) for v in node.strings):
                    schema["format"] = "date-time"
                    read = "read as a date-time"
                else:
                    del schema["format"]
                    read = "read as a string without a format"
                self._finding(
                    "table-example-conflict",
                    node.line,
                    f"{path!r} is documented as a date but the example shows"
                    f" {sorted(v for v in node.strings if not _DATE.match(v))[0]!r}; {read}",
                )
            elif schema.get("type") == "number" and non_null == {"integer"} and is_generic_number(node.written_type):
                # Deploy, Certificate Manager: "id | Number" shown as 1, "totalCount | Number" as 2: a client
                # maintainer wants an int (a float id prints as 1.0); the guide's word is kept in the finding
                schema["type"] = "integer"
                self._finding(
                    "number-as-integer",
                    node.line,
                    f"{path!r} is documented as {node.written_type} and every example shows an integer; read as"
                    " integer",
                )
            elif non_null and not _compatible(schema, non_null):
                self._finding(
                    "example-type-mismatch",
                    node.line,
                    f"{path!r} is documented as {node.data_type} but the example shows {', '.join(sorted(non_null))}",
                )
        if node.stated_values and schema.get("type") == "string" and "enum" not in schema:
            self._stated_values(node, path, schema)
        description = "\n".join(text for text in (node.description, node.note) if text)
        if description:
            schema["description"] = description
        if node.has_default:
            problem = default_problem(schema, node.default)
            if problem is None:
                schema["default"] = node.default
            else:
                self._finding("default-mismatch", node.line, f"{path!r}: default {problem}; the default is dropped")
        if "null" in node.seen:
            nullable.append(path)
            base = schema.get("type")
            if isinstance(base, str):
                schema["type"] = [base, "null"]
            if "enum" in schema and None not in schema["enum"]:
                schema["enum"] = [*schema["enum"], None]
        return schema

    def _stated_values(self, node: _Field, path: str, schema: JsonSchema) -> None:
        """The values ``node``'s description states as its whole set: a sent field's ``enum`` unless its example or
        default shows another value (then the words are not the whole set), a received field's
        ``x-documented-values``; ``schema`` is changed in place."""
        values = list(node.stated_values)
        listed = ", ".join(values)
        if not node.sent:
            schema["x-documented-values"] = values
            return
        shown = sorted(node.strings - set(values))
        if node.has_default and isinstance(node.default, str) and node.default not in values:
            shown.append(node.default)
        if shown:
            self._finding(
                "enum-from-prose",
                node.line,
                f"{path!r}: the description lists the values {listed}, but the guide shows"
                f" {', '.join(map(repr, shown))}; not read as its enum",
            )
            return
        schema["enum"] = values
        self._finding(
            "enum-from-prose", node.line, f"{path!r}: the description states its values ({listed}); read as its enum"
        )


#: Type words that say "a number" without saying which kind (``Number``, ``숫자``); ``Float``, ``Double`` and
#: ``Decimal`` say a fraction is possible.
_GENERIC_NUMBER_WORDS = frozenset({"number", "numeric", "num", "숫자", "數字", "数値", "数字"})


def is_generic_number(type_text: str) -> bool:
    """Whether a type cell says only "a number" (``Number``), which guides write for ids and counts alike."""
    return type_text.strip().lower() in _GENERIC_NUMBER_WORDS


def default_problem(schema: JsonSchema, value: Any) -> str | None:
    """Why ``value`` cannot be the ``default`` of ``schema`` (OpenAPI validators check it), or None when it can.

    Checked as openapi-spec-validator checks it (JSON Schema 2020-12 with format assertion), so a default the
    guide gives that the schema rejects (``N/A`` for a date-time, a value outside the enum) never makes the whole
    document invalid.
    """
    from jsonschema import Draft202012Validator

    from scraper.linear_patterns import with_linear_patterns

    checked = {k: v for k, v in schema.items() if k != "default" and not k.startswith("x-")}
    validator = with_linear_patterns(Draft202012Validator)(checked, format_checker=Draft202012Validator.FORMAT_CHECKER)
    error = next(iter(validator.iter_errors(value)), None)
    return None if error is None else error.message


def _compatible(schema: JsonSchema, seen: set[str]) -> bool:
    allowed = schema.get("type")
    allowed_set = {allowed} if isinstance(allowed, str) else set(allowed or [])
    if "number" in allowed_set:
        allowed_set.add("integer")
    return seen <= allowed_set
