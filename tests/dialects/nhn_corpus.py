"""The NHN reading corpus as the tests measure it: manifest, disagreements, matching and one build per guide.

``tests/data/nhn_corpus_manifest.tsv`` lists, for each of the 18 guides in ``pages/nhn/``, the operations a person
counted by reading (``METHOD /path``, document order, no host, no query string). The dialect is measured against
that list, so everything here is deliberately independent of the dialect: the emitted OpenAPI documents are read
back as a client generator would read them, and compared as multisets of (method, normalised path).

Counting rules (issue 11, ``/work/notes/X-OPERATIONS.md`` in the project brief, ARCHITECTURE.md):

* every operation of a path item counts once, except a group with an ``x-operations`` list: then each member counts
  once (several documented operations on one method + path);
* methods OpenAPI 3.1 has no field for (Swift's ``COPY``) are read from the path item's ``x-additionalOperations``
  map (``{METHOD: Operation}``, the OpenAPI 3.2 ``additionalOperations`` spelling as an extension; the 3.2 key
  itself is read too);
* a required query parameter whose schema has ``const`` is a fixed query string of the documented path; it is kept
  for display, and dropped (like every query string) for matching, since the manifest has none.

Placeholders are normalised to one token (``{appKey}``, ``{appkey}``, ``${VAR}``, ``{a|b}`` -> ``{}``); literal
segments keep their case (``/appKey/{appKey}`` is not ``/appkeys/{appKey}``).

Run ``python -m tests.dialects.nhn_corpus`` to print the per-guide recall/precision table.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import tomllib
import traceback
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from tests.paths import ROOT

if str(ROOT) not in sys.path:  # when run as a script
    sys.path.insert(0, str(ROOT))

from scraper.build import BuildReport, PageInput, build_services, catalog_pages, spec_files
from scraper.catalog import load_catalog

DATA = ROOT / "tests" / "data"
MANIFEST = DATA / "nhn_corpus_manifest.tsv"
DISAGREEMENTS = DATA / "nhn_corpus_disagreements.toml"
CATALOG = ROOT / "pages" / "catalog.toml"
PAGES = ROOT / "pages"

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
ADDITIONAL_OPERATIONS = ("x-additionalOperations", "additionalOperations")

_PLACEHOLDER = re.compile(r"\$\{[^{}]*\}|\{[^{}]*\}")
_HOST = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/]*")
_OPERATION = re.compile(r"\s*([A-Za-z]+)\s+(\S.*?)\s*")

Key = tuple[str, str]


# -- normalisation and matching ----------------------------------------------------------------------------------


def normalise_path(path: str) -> str:
    """``path`` with host and query string dropped, escapes undone and every placeholder one token ``{}``."""
    path = path.strip().strip("\"'`")
    path = _HOST.sub("", path)
    path = path.split("?", 1)[0]
    path = path.replace("\\|", "|").replace("\\_", "_")
    path = _PLACEHOLDER.sub("{}", path)
    if len(path) > 1:
        path = path.rstrip("/")
    return path


def normalise(method: str, path: str) -> Key:
    return method.strip().upper(), normalise_path(path)


def parse_operation(text: str) -> Key:
    """``"GET /v2.0/vpcs"`` -> the normalised key; a ValueError names what is not ``METHOD /path``."""
    match = _OPERATION.fullmatch(text)
    if match is None or not normalise_path(match.group(2)).startswith("/"):
        raise ValueError(f"expected 'METHOD /path', got {text!r}")
    return normalise(match.group(1), match.group(2))


@dataclass(frozen=True, slots=True)
class MatchResult:
    """The multiset comparison of expected (manifest) and found (emitted) operations."""

    expected: Counter[Key]
    found: Counter[Key]

    @property
    def matched(self) -> int:
        return sum((self.expected & self.found).values())

    @property
    def missing(self) -> Counter[Key]:
        return self.expected - self.found

    @property
    def extra(self) -> Counter[Key]:
        return self.found - self.expected

    @property
    def recall(self) -> float:
        total = sum(self.expected.values())
        return self.matched / total if total else 1.0

    @property
    def precision(self) -> float:
        total = sum(self.found.values())
        return self.matched / total if total else (1.0 if not self.expected else 0.0)


def match_operations(expected: Iterable[Key], found: Iterable[Key]) -> MatchResult:
    return MatchResult(Counter(expected), Counter(found))


# -- the manifest and the disagreements ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    file: str
    repo: str
    path: str
    commit: str
    language: str
    operations: int
    operation_list: tuple[str, ...]
    notes: str

    @property
    def page(self) -> str:
        return f"pages/nhn/{self.file}"


@cache
def manifest() -> tuple[ManifestEntry, ...]:
    with MANIFEST.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return tuple(
        ManifestEntry(
            file=row["file"],
            repo=row["repo"],
            path=row["path"],
            commit=row["commit"],
            language=row["language"],
            operations=int(row["operations"]),
            operation_list=tuple(op.strip() for op in row["operation_list"].split(";") if op.strip()),
            notes=row["notes"],
        )
        for row in rows
    )


def manifest_entry(file: str) -> ManifestEntry:
    for entry in manifest():
        if entry.file == file:
            return entry
    raise LookupError(f"{file}: not a guide of {MANIFEST.relative_to(ROOT)}")


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A manifest count we disagree with after reading the guide: ``change`` is ``add`` or ``remove``."""

    guide: str
    operation: str
    change: str
    reason: str


def parse_disagreements(data: Mapping[str, Any]) -> tuple[Disagreement, ...]:
    out = []
    for i, raw in enumerate(data.get("disagreement", [])):
        missing = {"guide", "operation", "change", "reason"} - set(raw)
        if missing:
            raise ValueError(f"disagreement #{i + 1}: missing {sorted(missing)}")
        if raw["change"] not in ("add", "remove"):
            raise ValueError(f"disagreement #{i + 1}: change must be 'add' or 'remove', got {raw['change']!r}")
        if not str(raw["reason"]).strip():
            raise ValueError(f"disagreement #{i + 1}: a disagreement needs a reason")
        parse_operation(raw["operation"])
        out.append(Disagreement(raw["guide"], raw["operation"], raw["change"], raw["reason"]))
    return tuple(out)


@cache
def disagreements() -> tuple[Disagreement, ...]:
    return parse_disagreements(tomllib.loads(DISAGREEMENTS.read_text(encoding="utf-8")))


def expected_operations(entry: ManifestEntry, changes: Iterable[Disagreement]) -> list[Key]:
    """The manifest's operations of ``entry`` with our recorded disagreements applied (visibly, never silently)."""
    ops = [parse_operation(op) for op in entry.operation_list]
    for change in changes:
        if change.guide != entry.file:
            continue
        key = parse_operation(change.operation)
        if change.change == "add":
            ops.append(key)
        elif key in ops:
            ops.remove(key)
        else:
            raise ValueError(f"{entry.file}: disagreement removes {change.operation!r}, which the manifest lacks")
    return ops


# -- operations as a spec documents them --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentedOperation:
    """One documented operation read back from an emitted spec (a plain operation or one x-operations member)."""

    spec: str
    method: str
    path: str
    #: fixed query string of the documented path (required ``const`` query parameters), for display
    query: tuple[tuple[str, str], ...]
    #: the operation as a generator sees it: a member merged over its group (member wins, parameters united)
    operation: dict[str, Any] = field(hash=False, compare=False)
    #: the group when this is an x-operations member
    group: dict[str, Any] | None = field(default=None, hash=False, compare=False)
    #: the member itself, as written in the group's x-operations list
    member: dict[str, Any] | None = field(default=None, hash=False, compare=False)

    @property
    def key(self) -> Key:
        return normalise(self.method, self.path)

    @property
    def label(self) -> str:
        query = "&".join(f"{k}={v}" for k, v in self.query)
        return f"{self.method} {self.path}" + (f"?{query}" if query else "")


def resolve(spec: Mapping[str, Any], value: Any) -> Any:
    """``value`` with a local ``$ref`` followed (repeatedly); anything else unchanged."""
    seen = 0
    while isinstance(value, Mapping) and isinstance(value.get("$ref"), str) and value["$ref"].startswith("#/"):
        target: Any = spec
        for part in value["$ref"][2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        value = target
        seen += 1
        if seen > 50:
            raise ValueError(f"$ref cycle at {value!r}")
    return value


def inlined(spec: Mapping[str, Any], value: Any, seen: frozenset[str] = frozenset()) -> Any:
    """``value`` with every local schema ``$ref`` replaced by its target (the keywords beside the reference, a
    place's description, kept), a recursive one left as it is: what the docs wrote at each place, whether the build
    shared a repeated object as a component (``scraper/build/shared_schemas.py``) or not."""
    if isinstance(value, list):
        return [inlined(spec, item, seen) for item in value]
    if not isinstance(value, Mapping):
        return value
    ref = value.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/components/schemas/") and ref not in seen:
        target = resolve(spec, {"$ref": ref})
        merged = {**target, **{k: v for k, v in value.items() if k != "$ref"}}
        return inlined(spec, merged, seen | {ref})
    return {key: inlined(spec, item, seen) for key, item in value.items()}


def _parameters(spec: Mapping[str, Any], *lists: Any) -> list[dict[str, Any]]:
    """Parameter lists united in order; a later parameter with the same name and ``in`` replaces an earlier one."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for params in lists:
        for param in params or []:
            param = resolve(spec, param)
            merged[(param.get("name", ""), param.get("in", ""))] = param
    return list(merged.values())


def _fixed_query(params: list[dict[str, Any]], spec: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    out = []
    for param in params:
        schema = resolve(spec, param.get("schema") or {})
        if param.get("in") == "query" and param.get("required") and isinstance(schema, Mapping) and "const" in schema:
            value = schema["const"]
            out.append((str(param.get("name")), json.dumps(value) if isinstance(value, bool) else str(value)))
    return tuple(sorted(out))


def documented_operations(spec_name: str, spec: Mapping[str, Any]) -> list[DocumentedOperation]:
    """Every documented operation of ``spec`` in path order (x-operations members one each)."""
    out: list[DocumentedOperation] = []
    for path, item in (spec.get("paths") or {}).items():
        item = resolve(spec, item)
        path_params = item.get("parameters") or []
        entries: list[tuple[str, Any]] = [(m.upper(), item[m]) for m in HTTP_METHODS if m in item]
        for key in ADDITIONAL_OPERATIONS:
            entries += [(str(m).upper(), op) for m, op in (item.get(key) or {}).items()]
        for method, op in entries:
            members = op.get("x-operations")
            if not members:
                params = _parameters(spec, path_params, op.get("parameters"))
                effective = {**op, "parameters": params}
                out.append(DocumentedOperation(spec_name, method, path, _fixed_query(params, spec), effective))
                continue
            base = {k: v for k, v in op.items() if k != "x-operations"}
            for member in members:
                params = _parameters(spec, path_params, op.get("parameters"), member.get("parameters"))
                effective = {**base, **member, "parameters": params}
                query = _fixed_query(params, spec)
                out.append(DocumentedOperation(spec_name, method, path, query, effective, op, member))
    return out


# -- one build per guide ------------------------------------------------------------------------------------------


@dataclass(slots=True)
class GuideBuild:
    """What the real pipeline made of one guide: the services' spec documents and findings, or the exception."""

    file: str
    page: str
    report: BuildReport | None = None
    #: set when the pipeline raised (a bug: user input must never raise)
    crash: str = ""
    #: "<service>/<version>.yaml" -> OpenAPI document
    specs: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: the findings.json entries of every service the guide gave
    findings: list[dict[str, Any]] = field(default_factory=list)

    def operations(self) -> list[DocumentedOperation]:
        return [op for name, spec in sorted(self.specs.items()) for op in documented_operations(name, spec)]


@cache
def catalog_page(file: str) -> PageInput:
    name = f"pages/nhn/{file}"
    pages = [p for p in catalog_pages(load_catalog(CATALOG)) if p.name == name]
    if len(pages) != 1:
        raise LookupError(f"{name}: expected exactly one [[page]] entry in pages/catalog.toml, found {len(pages)}")
    return pages[0]


def build_page(page: PageInput) -> GuideBuild:
    """Read one page through the real pipeline (build_services, then spec_files for every service and version)."""
    out = GuideBuild(file=Path(page.name).name, page=page.name)
    try:
        out.report = build_services([page])
        for service in out.report.services:
            files, specs = spec_files(service)
            for name, spec in specs.items():
                out.specs[f"{service.id}/{name}"] = spec
            out.findings.extend(json.loads(files["findings.json"]).get("findings", []))
    except Exception as exc:
        out.crash = f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"
    return out


@cache
def guide_build(file: str) -> GuideBuild:
    return build_page(catalog_page(file))


def guide_match(file: str) -> MatchResult:
    entry = manifest_entry(file)
    found = [op.key for op in guide_build(file).operations()]
    return match_operations(expected_operations(entry, disagreements()), found)


def recall_table(files: Iterable[str]) -> str:
    """The per-guide table (expected, found, matched, recall, precision) with the corpus totals."""
    lines = [f"{'guide':48} {'exp':>4} {'found':>5} {'match':>5} {'recall':>6} {'prec':>6}"]
    totals = [0, 0, 0]
    for file in files:
        result = guide_match(file)
        row = [sum(result.expected.values()), sum(result.found.values()), result.matched]
        totals = [a + b for a, b in zip(totals, row, strict=True)]
        lines.append(f"{file:48} {row[0]:4} {row[1]:5} {row[2]:5} {result.recall:6.3f} {result.precision:6.3f}")
    recall = totals[2] / totals[0] if totals[0] else 1.0
    precision = totals[2] / totals[1] if totals[1] else 0.0
    lines.append(f"{'corpus':48} {totals[0]:4} {totals[1]:5} {totals[2]:5} {recall:6.3f} {precision:6.3f}")
    return "\n".join(lines)


def corpus_totals(files: Iterable[str]) -> tuple[int, int, int]:
    """(expected, found, matched) summed over ``files``."""
    expected = found = matched = 0
    for file in files:
        result = guide_match(file)
        expected += sum(result.expected.values())
        found += sum(result.found.values())
        matched += result.matched
    return expected, found, matched


if __name__ == "__main__":
    print(recall_table(entry.file for entry in manifest()))
