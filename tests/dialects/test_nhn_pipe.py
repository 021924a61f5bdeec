"""The NHN docs site's pipe text rendering (R2: pipe rows, headings dropped) reads into operations: the synthetic
pages of ``tests/fixtures/nhn/pipe`` (see its README for the real pages they mirror)."""

from __future__ import annotations

from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.document import Heading, Table
from scraper.model import Service
from scraper.readers import read_page
from tests.paths import ROOT

PIPE = ROOT / "tests" / "fixtures" / "nhn" / "pipe"


def _read(name: str) -> Service:
    text = (PIPE / name).read_text(encoding="utf-8")
    (service,) = NhnDialect().read(read_page(text, page=name, format="text", provider="nhn"), PageInfo(name))
    return service


def test_labelled_operations_without_headings_split_request_and_response() -> None:
    service = _read("labels-no-leading-pipe.txt")
    assert [(op.method, op.path) for op in service.operations] == [
        ("GET", "/v1.0/appkeys/{appKey}/widgets"),
        ("DELETE", "/v1.0/appkeys/{appKey}/widgets/{widgetId}"),
    ]
    listing = service.operations[0].versions["v1.0"]
    assert {(p.name, p.location, p.required) for p in listing.parameters} >= {
        ("color", "query", True),
        ("page", "query", False),
    }
    assert listing.request_body is None
    (ok,) = [r for r in listing.responses if r.status == "200"]
    assert ok.schema is not None and "widgets" in ok.schema["properties"]
    titles = [f for f in service.findings if f.kind == "title-inferred"]
    assert [f.subject for f in titles] == [f"{op.method} {op.path}" for op in service.operations]


def test_request_and_response_tables_back_to_back_are_told_apart() -> None:
    service = _read("openstack-leading-pipe.txt")
    assert [(op.method, op.path) for op in service.operations] == [
        ("GET", "/v2/{tenantId}/gadgets"),
        ("DELETE", "/v2/{tenantId}/gadgets/{gadgetId}"),
    ]
    listing = service.operations[0].versions["v2"]
    assert {p.name for p in listing.parameters} >= {"tenantId", "limit"}
    assert listing.request_body is None
    (ok,) = [r for r in listing.responses if r.status == "200"]
    assert ok.schema is not None and set(ok.schema["properties"]["gadgets"]["items"]["properties"]) == {"id", "size"}


def test_a_row_broken_after_a_cell_of_several_lines_is_one_row() -> None:
    text = (PIPE / "openstack-leading-pipe.txt").read_text(encoding="utf-8")
    document = read_page(text, page="p.txt", format="text", provider="nhn")
    endpoints = next(b for b in document.blocks if isinstance(b, Table))
    assert endpoints.header == ("Type", "Region", "Endpoint")
    (row,) = endpoints.rows
    assert row.cells[0] == "gadget" and row.cells[2].startswith("https://kr1-api-gadget")
    assert [b.inferred != "" for b in document.blocks if isinstance(b, Heading)] == [True, True, True, True]


def test_the_space_separated_rendering_is_still_read_by_the_nhn_text_reader() -> None:
    text = (ROOT / "pages" / "nhn" / "003_30998dc9651c21a0.txt").read_text(encoding="utf-8")
    document = read_page(text, page="003.txt", format="text", provider="nhn")
    assert not any(isinstance(b, Heading) and b.inferred for b in document.blocks)
