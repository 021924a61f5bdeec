"""The NHN dialect reads the docs site's HTML (the Markdown rendered to HTML) like the Markdown itself.

``tests/fixtures/html/nhn_block_storage.html`` is lines 1-153 of the committed Markdown guide rendered with
markdown-it-py inside a site template; the same lines read as Markdown must give the same operations.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.model import Service
from scraper.readers import read_page
from tests.dialects.html_rendering import compare
from tests.paths import ROOT

HTML = ROOT / "tests" / "fixtures" / "html" / "nhn_block_storage.html"
MARKDOWN = ROOT / "pages" / "nhn" / "003_source_Storage-Block-Storage_en_public-api.md"


def _operations(services: list[Service]) -> list[tuple[Any, ...]]:
    (service,) = services
    out: list[tuple[Any, ...]] = []
    for op in service.operations:
        for version, v in sorted(op.versions.items()):
            params = [(p.name, p.location, p.required, p.schema) for p in v.parameters]
            responses = [(r.status, r.schema) for r in v.responses]
            body = v.request_body.schema if v.request_body else None
            example = v.example_response.body if v.example_response else None
            out.append((op.title, op.method, op.path, version, v.tags, params, body, responses, example))
    return out


def test_html_rendering_reads_like_the_markdown(tmp_path: Path) -> None:
    lines = MARKDOWN.read_text(encoding="utf-8").split("\n")[:153]
    from_markdown = NhnDialect().read(
        read_page("\n".join(lines), page="guide.md", format="markdown"), PageInfo("guide.md")
    )
    from_html = NhnDialect().read(
        read_page(HTML.read_text(encoding="utf-8"), page="guide.html", format="html"), PageInfo("guide.html")
    )
    markdown_ops, html_ops = _operations(from_markdown), _operations(from_html)
    assert [op[:3] for op in markdown_ops] == [
        ("List Volume Types", "GET", "/v2/{tenantId}/types"),
        ("List Volumes", "GET", "/v2/{tenantId}/volumes"),
    ]
    assert html_ops == markdown_ops
    assert from_html[0].server is not None and from_html[0].server.pairs == from_markdown[0].server.pairs  # type: ignore[union-attr]


#: Guides whose Markdown holds table rows fused on one line (the Markdown reader splits them again; a GFM renderer
#: drops the cells past the header, so the site's HTML has lost those fields): the operations that differ. This is
#: the renderer's loss: the HTML holds no trace of the dropped cells.
_FUSED_ROWS = {"RDS-FOR-POSTGRESQL__en__api-guide-v1.0.md": {"Create DB Instance"}}
_UNSEEN = ROOT / "tests" / "fixtures" / "nhn" / "unseen"
_GUIDES = sorted((ROOT / "pages" / "nhn").glob("*.md")) + sorted(
    p for p in [*_UNSEEN.glob("*.md"), *(_UNSEEN / "guides").glob("*.md")] if p.name != "README.md"
)


@pytest.mark.parametrize("guide", _GUIDES, ids=lambda path: path.name)
def test_every_guide_reads_the_same_from_its_html_rendering(guide: Path) -> None:
    """Each NHN guide (and unseen excerpt) rendered as a docs site renders it (markdown-it-py, GFM tables, raw HTML
    on, Pygments-highlighted code, heading permalinks, a table of contents and the site's chrome:
    :func:`tests.dialects.html_rendering.site_page`) reads into the same operations, parameters, bodies, responses
    and examples as its Markdown source. This found ``</br>`` and ``<ul><li>`` cells read differently by the two
    readers, heading permalinks read into titles, type arguments written as raw tags (``List<Integer>``) lost, and a
    heading line left as text by the renderer (under a raw ``<br/>``)."""
    result = compare(guide, "markdown-it")
    assert not result.error
    assert result.html_operations == result.markdown_operations
    assert set(result.differing) == _FUSED_ROWS.get(guide.name, set())
