"""Property test of issue 11: a damaged corpus guide still gives specs plus findings, and damage stays local.

A corpus guide is mutated the ways real guides are broken (delete a line or a table row, swap two rows, duplicate a
row, garble a cell with random text, empty a cell, drop a ``|``) and read through the real pipeline. Then:

* reading never raises, and never fails, except with the documented "no NHN operation found" error when every
  operation of the guide sat in a mutated section;
* every service gives its spec documents and findings, and each finding the mutation caused (one the unmutated
  guide does not have) names the page and a line >= 1;
* only operations whose *section* contains a mutated line may change. An operation's section starts at its heading
  (``OperationVersion.source.line``) and runs to the next operation's heading or the next heading of the same or a
  higher level, whichever comes first. Operations outside the touched sections are compared before and after, at
  the model level (``Service.operations``: every field, with the line numbers of the mutated page mapped back to the
  original's) and in the emitted operations (``x-source`` stripped, schema references inlined: which repeated
  objects the build shares as components depends on every place, so that may change; an x-operations member by
  itself).

Mutations are made only inside operation sections and never on a heading or code fence line: a heading or fence
changes the document's structure for everything after it, which no reader can keep local. The one emitted-level
exemption: an operation that shares its method + path with a touched one may be regrouped into (or out of) an
x-operations group, so it is compared at the model level only.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.dialects.nhn_corpus import (
    GuideBuild,
    build_page,
    catalog_page,
    documented_operations,
    guide_build,
    inlined,
    manifest,
)

CORPUS = [entry.file for entry in manifest()]
BLOCK_STORAGE = "003_source_Storage-Block-Storage_en_public-api.md"
NO_OPERATION = "no NHN operation found"

_HEADING = re.compile(r" {0,3}(#{1,6})(?:\s|$)")
_FENCE = re.compile(r" {0,3}(```|~~~)")
_GARBLE = st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=12)

#: no shrinking: it would rebuild a guide hundreds of times; a failing example is reported as generated (1-3 steps)
_SETTINGS = dict(
    phases=(Phase.explicit, Phase.generate),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# -- sections of the original guide --------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, slots=True)
class Sections:
    """Operation sections of a guide: (start, end) line ranges (1-based, inclusive), by start line."""

    lines: tuple[str, ...]
    ranges: dict[int, tuple[int, int]]
    #: lines that may be mutated: inside a section, not a heading, not a code fence
    candidates: tuple[int, ...]
    #: the candidates that are table rows
    rows: tuple[int, ...]

    def touched(self, lines: set[int]) -> set[int]:
        """Start lines of the sections containing any of ``lines``."""
        return {start for start, (a, b) in self.ranges.items() if any(a <= n <= b for n in lines)}


def _structure(lines: list[str]) -> tuple[dict[int, int], set[int]]:
    """Heading levels by line number, and code fence lines (headings inside fenced code are not headings)."""
    headings: dict[int, int] = {}
    fences: set[int] = set()
    fence: str | None = None
    for number, line in enumerate(lines, 1):
        if match := _FENCE.match(line):
            fences.add(number)
            if fence is None:
                fence = match.group(1)
            elif line.strip().startswith(fence):
                fence = None
            continue
        if fence is None and (match := _HEADING.match(line)):
            headings[number] = len(match.group(1))
    return headings, fences


def operation_starts(build: GuideBuild) -> set[int]:
    assert build.report is not None
    return {
        version.source.line
        for service in build.report.services
        for op in service.operations
        for version in op.versions.values()
        if version.source.page == build.page
    }


def sections(lines: list[str], starts: set[int]) -> Sections:
    headings, fences = _structure(lines)
    ordered = sorted(starts)
    ranges: dict[int, tuple[int, int]] = {}
    for i, start in enumerate(ordered):
        above = [n for n in headings if n <= start]
        level = headings[max(above)] if above else 6
        limit = ordered[i + 1] - 1 if i + 1 < len(ordered) else len(lines)
        closing = [n for n, lv in headings.items() if start < n <= limit and lv <= level]
        ranges[start] = (start, (min(closing) - 1) if closing else limit)
    inside = sorted({n for a, b in ranges.values() for n in range(a, b + 1)} - set(headings) - fences)
    rows = tuple(n for n in inside if lines[n - 1].lstrip().startswith("|"))
    return Sections(tuple(lines), ranges, tuple(inside), rows)


# -- mutations -----------------------------------------------------------------------------------------------------

Entry = tuple[int, str]  # (original line number, text)


def _cells(row: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the cells between unescaped pipes of a table row."""
    pipes = [m.start() for m in re.finditer(r"(?<!\\)\|", row)]
    return [(a + 1, b) for a, b in itertools.pairwise(pipes)]


def mutate(entries: list[Entry], mutation: tuple[Any, ...]) -> set[int]:
    """Apply one mutation in place; returns the original line numbers it touched (empty when it did nothing)."""
    kind, target = mutation[0], mutation[1]
    at = next((i for i, (orig, _) in enumerate(entries) if orig == target), None)
    if at is None:
        return set()
    orig, text = entries[at]
    if kind == "delete":
        del entries[at]
    elif kind == "duplicate":
        entries.insert(at + 1, (orig, text))
    elif kind == "swap":
        other = next((i for i, (o, _) in enumerate(entries) if o == mutation[2]), None)
        if other is None or other == at:
            return set()
        entries[at], entries[other] = (orig, entries[other][1]), (entries[other][0], text)
        return {orig, entries[other][0]}
    elif kind == "drop-pipe":
        pipes = [m.start() for m in re.finditer(r"\|", text)]
        if not pipes:
            return set()
        cut = pipes[mutation[2] % len(pipes)]
        entries[at] = (orig, text[:cut] + text[cut + 1 :])
    else:  # "garble" / "empty" a cell
        cells = _cells(text)
        if not cells:
            return set()
        a, b = cells[mutation[2] % len(cells)]
        entries[at] = (orig, text[:a] + (f" {mutation[3]} " if kind == "garble" else " ") + text[b:])
    return {orig}


@st.composite
def mutations(draw: st.DrawFn, found: Sections) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for _ in range(draw(st.integers(1, 3))):
        rows = found.rows or found.candidates
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "garble", "empty", "drop-pipe"]))
        if kind == "delete":
            out.append(("delete", draw(st.sampled_from(found.candidates))))
        elif kind == "duplicate":
            out.append(("duplicate", draw(st.sampled_from(rows))))
        elif kind == "swap":
            out.append(("swap", draw(st.sampled_from(rows)), draw(st.sampled_from(rows))))
        elif kind == "drop-pipe":
            out.append(("drop-pipe", draw(st.sampled_from(rows)), draw(st.integers(0, 20))))
        else:
            out.append((kind, draw(st.sampled_from(rows)), draw(st.integers(0, 20)), draw(_GARBLE)))
    return out


# -- comparison ----------------------------------------------------------------------------------------------------


def _map_lines(value: Any, origin: list[int]) -> Any:
    """``value`` with every ``line`` number of the mutated page replaced by the original page's line number."""
    if isinstance(value, dict):
        return {
            k: (
                origin[v - 1] if k == "line" and isinstance(v, int) and 1 <= v <= len(origin) else _map_lines(v, origin)
            )
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [_map_lines(v, origin) for v in value]
    return value


def _strip_sources(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_sources(v) for k, v in value.items() if k != "x-source"}
    if isinstance(value, list):
        return [_strip_sources(v) for v in value]
    return value


def _lines(value: Any) -> set[int]:
    """Every ``line`` number anywhere in ``value`` (the places of the page an operation was read from)."""
    if isinstance(value, dict):
        own = {v for k, v in value.items() if k == "line" and isinstance(v, int)}
        return own.union(*(_lines(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_lines(v) for v in value))
    return set()


def model_operations(build: GuideBuild, origin: list[int]) -> dict[tuple[Any, ...], Any]:
    """(start line, method, path, version, n) -> the operation version with its lines mapped to the original's.

    ``n`` numbers operations with the same start, method, path and version (variants under one heading).
    """
    assert build.report is not None
    out: dict[tuple[Any, ...], Any] = {}
    for service in build.report.services:
        for op in service.operations:
            for version, entry in op.versions.items():
                value = _map_lines(dataclasses.asdict(entry), origin)
                value["service"] = service.id
                key: tuple[Any, ...] = (value["source"]["line"], entry.method, entry.path, version, 0)
                while key in out:
                    key = (*key[:4], key[4] + 1)
                out[key] = value
    return out


def emitted_operations(build: GuideBuild, origin: list[int]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """((spec, method, path, fixed query, start line), operation without x-source) per operation or member."""
    # Specs name an operation's heading, not its line (provenance stays put when other rows move); the model knows
    # the line, so an emitted operation is located through the model entry with its method, path and title.
    lines: dict[tuple[str, str, str], list[int]] = {}
    for service in build.report.services if build.report is not None else []:
        for model_op in service.operations:
            for entry in model_op.versions.values():
                lines.setdefault((entry.method, entry.path, entry.summary), []).append(entry.source.line)
    for name, spec in sorted(build.specs.items()):
        for op in documented_operations(name, spec):
            raw = op.member if op.member is not None else op.operation
            found = lines.get((op.method.upper(), op.path, str(raw.get("summary", ""))), [0])
            line = found.pop(0) if len(found) > 1 else found[0]
            start = origin[line - 1] if 1 <= line <= len(origin) else line
            yield (name, op.method, op.path, op.query, start), _strip_sources(inlined(spec, raw))


def _diff(before: dict[str, Any], after: dict[str, Any]) -> str:
    """The top-level keys that differ, with both values (shortened), for the failure message."""
    keys = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    return "; ".join(f"{k}: {str(before.get(k))[:150]} -> {str(after.get(k))[:150]}" for k in keys)


def check_mutation(file: str, found: Sections, steps: list[tuple[Any, ...]]) -> None:
    base = guide_build(file)
    entries: list[Entry] = list(enumerate(found.lines, 1))
    changed: set[int] = set()
    for step in steps:
        changed |= mutate(entries, step)
    touched = found.touched(changed)
    origin = [orig for orig, _ in entries]
    page = catalog_page(file)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / file
        path.write_text("\n".join(text for _, text in entries), encoding="utf-8")
        after = build_page(dataclasses.replace(page, path=path))
    where = f"{file} after {steps} (touched sections {sorted(touched)})"
    assert not after.crash, f"{where}: raised\n{after.crash}"
    assert after.report is not None
    if after.report.errors:
        assert touched == set(found.ranges), f"{where}: reading failed: {after.report.errors}"
        assert all(NO_OPERATION in e for e in after.report.errors), f"{where}: {after.report.errors}"
        return
    assert after.report.services and after.specs, f"{where}: no spec"

    identity = list(range(1, len(found.lines) + 1))
    lines_touched = {n for start in touched for n in range(found.ranges[start][0], found.ranges[start][1] + 1)}
    before_model, after_model = model_operations(base, identity), model_operations(after, origin)
    # an operation is touched when anything in it was read from a touched section (a member of a group, a row);
    # an operation sharing method + path with a touched one may be regrouped with it
    moved = {k for k, v in (before_model | after_model).items() if _lines(v) & lines_touched}
    shared = {(k[1], k[2]) for k in moved}
    for key, value in before_model.items():
        if key in moved or (key[1], key[2]) in shared:
            continue
        assert key in after_model, f"{where}: untouched operation {key} is gone"
        assert (
            after_model[key] == value
        ), f"{where}: untouched operation {key} changed: {_diff(value, after_model[key])}"
    new = [
        key for key in after_model.keys() - before_model.keys() if key not in moved and (key[1], key[2]) not in shared
    ]
    assert not new, f"{where}: operations appeared outside the touched sections: {new}"

    before_ops = dict(emitted_operations(base, identity))
    after_ops = dict(emitted_operations(after, origin))
    regrouped = {(k[0], k[1], k[2]) for k in before_ops.keys() | after_ops.keys() if k[4] in lines_touched}
    regrouped |= {(k[0], k[1], k[2]) for k in before_ops.keys() | after_ops.keys() if (k[1], k[2]) in shared}
    for key, value in before_ops.items():
        if (key[0], key[1], key[2]) in regrouped:
            continue
        assert key in after_ops, f"{where}: untouched emitted operation {key} is gone"
        assert (
            after_ops[key] == value
        ), f"{where}: untouched emitted operation {key} changed: {_diff(value, after_ops[key])}"

    # the findings the mutation caused are located (the unmutated guides' findings: tests/dialects/test_nhn_corpus.py)
    known = Counter((f["kind"], f["subject"], f["message"]) for f in base.findings)
    caused = []
    for finding in after.findings:
        key = (finding.get("kind"), finding.get("subject"), finding.get("message"))
        if known[key] > 0:
            known[key] -= 1
        else:
            caused.append(finding)
    bad = [f for f in caused if f.get("page") != page.name or not isinstance(f.get("line"), int) or f["line"] < 1]
    assert not bad, f"{where}: findings the mutation caused without page and line: {bad[:3]}"


def _base_sections(file: str) -> Sections:
    build = guide_build(file)
    assert not build.crash, f"{file}: the unmutated guide raised\n{build.crash}"
    assert build.report is not None and build.report.services, f"{file}: the unmutated guide gives no service"
    lines = (Path(catalog_page(file).path)).read_text(encoding="utf-8").split("\n")
    found = sections(lines, operation_starts(build))
    assert found.candidates, f"{file}: no line inside an operation section"
    return found


# -- the properties ------------------------------------------------------------------------------------------------


@settings(max_examples=45, **_SETTINGS)
@given(data=st.data())
def test_mutated_corpus_guides_give_specs_and_local_changes(data: st.DataObject) -> None:
    file = data.draw(st.sampled_from(CORPUS), label="guide")
    found = _base_sections(file)
    check_mutation(file, found, data.draw(mutations(found), label="mutations"))


@settings(max_examples=15, **_SETTINGS)
@given(data=st.data())
def test_mutated_block_storage_guide_gives_specs_and_local_changes(data: st.DataObject) -> None:
    """The same property on the guide the dialect was first built against."""
    found = _base_sections(BLOCK_STORAGE)
    check_mutation(BLOCK_STORAGE, found, data.draw(mutations(found), label="mutations"))


# -- the machinery -------------------------------------------------------------------------------------------------

_GUIDE = """## Service > API v2 Guide
intro
### List things
```
GET /v2/things
```
| Name | Type |
|---|---|
| a | Query |
### Get a thing
text
| Name | Type |
|---|---|
| id | URL |
## Appendix
| code | meaning |
"""


def test_sections_end_at_the_next_operation_or_a_higher_heading() -> None:
    lines = _GUIDE.split("\n")
    found = sections(lines, {3, 10})
    assert found.ranges == {3: (3, 9), 10: (10, 14)}
    assert 4 not in found.candidates and 6 not in found.candidates  # code fences
    assert 3 not in found.candidates and 10 not in found.candidates  # headings
    assert found.rows == (7, 8, 9, 12, 13, 14)
    assert found.touched({9, 12}) == {3, 10} and found.touched({16}) == set()


def test_mutations_keep_the_original_line_numbers() -> None:
    entries: list[Entry] = list(enumerate(["| a | b |", "| c | d |", "x"], 1))
    assert mutate(entries, ("duplicate", 1)) == {1}
    assert [o for o, _ in entries] == [1, 1, 2, 3]
    assert mutate(entries, ("swap", 2, 3)) == {2, 3}
    assert entries[2:] == [(2, "x"), (3, "| c | d |")]
    assert mutate(entries, ("garble", 3, 1, "Ω")) == {3}
    assert entries[3] == (3, "| c | Ω |")
    assert mutate(entries, ("drop-pipe", 3, 0)) == {3}
    assert entries[3] == (3, " c | Ω |")
    assert mutate(entries, ("delete", 2)) == {2}
    assert [o for o, _ in entries] == [1, 1, 3]
    assert mutate(entries, ("delete", 2)) == set()  # already gone


def test_comparison_catches_a_change_outside_the_touched_sections() -> None:
    """check_mutation must be able to fail: a change it is not told about alters an untouched operation."""
    found = _base_sections(BLOCK_STORAGE)
    first, last = min(found.ranges), max(found.ranges)
    # a nested response field of the first operation (volume_types.name, line 33) is renamed
    row = next(
        n for n in found.rows if n <= found.ranges[first][1] and found.lines[n - 1].startswith("| volume_types.n")
    )
    lines = list(found.lines)
    lines[row - 1] = lines[row - 1].replace("volume_types.name", "volume_types.renamed_field")
    tampered = dataclasses.replace(found, lines=tuple(lines))
    prose = next(
        n for n in found.candidates if n not in found.rows and found.ranges[last][0] <= n <= found.ranges[last][1]
    )
    check_mutation(BLOCK_STORAGE, found, [("delete", prose)])  # the honest version of the same step passes
    try:
        check_mutation(BLOCK_STORAGE, tampered, [("delete", prose)])
    except AssertionError as exc:
        assert "untouched" in str(exc), exc
    else:
        raise AssertionError("an untouched operation changed and check_mutation did not notice")
