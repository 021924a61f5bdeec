"""The NHN docs site's *cell-line* text rendering (R3: each table cell on a line of its own ending in `` |``, an
empty cell a lone ``|``, no separator row, headings kept as plain lines) reads as the guide's Markdown does: the
synthetic pages of ``tests/fixtures/nhn/cell-lines`` (see its README for the real page they mirror)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from scraper.cli import main
from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.document import Table
from scraper.readers import read_page
from scraper.readers.cell_lines import cell_line_table
from tests.dialects.test_nhn_html import _operations
from tests.paths import ROOT

CELL_LINES = ROOT / "tests" / "fixtures" / "nhn" / "cell-lines"


def _contracts(text: str, page: str, format: str) -> list[tuple[Any, ...]]:
    """Per operation its title, method, path, version, parameters, request body and responses."""
    document = read_page(text, page=page, format=format, provider="nhn")
    return [op[0:4] + op[5:8] for op in _operations(NhnDialect().read(document, PageInfo(page)))]


def test_a_cell_line_page_reads_as_its_markdown() -> None:
    """Contact Center's shape: a ``URL:`` bullet over a one-row interface table (method in ``Call direction``), a
    parameter table with a location column, a result table whose first column is carried down over empty cells,
    the response's JSON under the kept ``Response Body`` line."""
    markdown = (CELL_LINES / "bulletin.md").read_text(encoding="utf-8")
    text = (CELL_LINES / "bulletin-cell-lines.txt").read_text(encoding="utf-8")
    from_markdown = _contracts(markdown, "bulletin.md", "markdown")
    from_text = _contracts(text, "bulletin.txt", "text")
    assert [op[:3] for op in from_text] == [
        ("Category List", "GET", "/{serviceId}/api/v2/bulletin/categories.json"),
        ("Bulletin Detail", "GET", "/{serviceId}/api/v2/bulletin/{bulletinId}.json"),
    ]
    assert from_text == from_markdown


def test_docs2client_spec_reads_a_cell_line_page(tmp_path: Path) -> None:
    """Given on the command line with no provider or format: read as NHN's text, into one spec."""
    out = tmp_path / "out"
    assert main(["spec", str(CELL_LINES / "bulletin-cell-lines.txt"), "--out", str(out)]) == 0
    (spec,) = out.glob("nhn/*/v2.yaml")
    document = yaml.safe_load(spec.read_text(encoding="utf-8"))
    assert set(document["paths"]) == {
        "/{serviceId}/api/v2/bulletin/categories.json",
        "/{serviceId}/api/v2/bulletin/{bulletinId}.json",
    }


def test_the_column_count_comes_from_the_header_words() -> None:
    lines = ["Name |", "Data type |", "Required |", "Description |", "id |", "String |", "O |", "The id |", "|"]
    lines += ["Integer |", "X |", "A count with no name |", "Next paragraph"]
    found = cell_line_table(lines, 0)
    assert found is not None and found.end == 12
    table: Table = found.table
    assert table.header == ("Name", "Data type", "Required", "Description")
    assert [row.cells for row in table.rows] == [
        ("id", "String", "O", "The id"),
        ("", "Integer", "X", "A count with no name"),
    ]
    assert [row.line for row in table.rows] == [5, 9]


def test_cells_that_do_not_fill_the_last_row_are_padded_and_said() -> None:
    lines = ["Name |", "Type |", "Description |", "id |", "String |", "The id |", "size |", "Integer |"]
    found = cell_line_table(lines, 0)
    assert found is not None
    assert found.table.rows[-1].cells == ("size", "Integer", "")
    assert found.table.rows[-1].repairs and "missing cells read as empty" in found.table.rows[-1].repairs[0]


def test_lines_of_plain_words_ending_in_a_pipe_open_no_table() -> None:
    assert cell_line_table(["Some words |", "more words |", "Paragraph"], 0) is None


def test_cell_lines_whose_rows_open_with_a_pipe_are_cut_at_each_opening() -> None:
    """Private DNS (en) seen with each table cell a line and every row's first cell opened by ``|``
    (``| Name |`` / ``Type |`` / ... / ``| tokenId |`` / ``Header |``): the rows are cut where a line opens one."""
    text = (CELL_LINES / "leading-pipe-cells.txt").read_text(encoding="utf-8")
    document = read_page(text, page="p.txt", format="text", provider="nhn")
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert [t.header for t in tables] == [
        ("Type", "Region", "Endpoint"),
        ("Name", "Type", "Format", "Required", "Description"),
        ("Name", "Type", "Format", "Description"),
    ]
    assert [r.cells[0] for r in tables[1].rows] == ["tokenId", "name", "limit"]
    (service,) = NhnDialect().read(document, PageInfo("p.txt"))
    (operation,) = service.operations
    listing = operation.versions["v2.0"]
    assert {(p.name, p.location, p.required) for p in listing.parameters} >= {
        ("name", "query", False),
        ("limit", "query", False),
    }
    (ok,) = [r for r in listing.responses if r.status == "200"]
    assert ok.schema is not None
    assert set(ok.schema["properties"]["zones"]["items"]["properties"]) == {"id", "record_count"}
