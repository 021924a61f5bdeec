"""HTML reader: Docsy printable views and Markdown-rendered pages -> Document blocks.

The SCP fixture is a Docsy printable-view page built from ``pages/scp/001_dc092d8be0253ee9.txt`` lines 1-8 and
388-746 (the text rendering of the same section), so most expectations here are taken from that text rendering,
not from the HTML: the reader has to recover from the HTML what the text rendering shows.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper.dialects import PageInfo
from scraper.dialects.scp import ScpDialect
from scraper.document import CodeBlock, Document, Heading, Paragraph, ReaderError, Table
from scraper.readers import read_page
from scraper.readers.html import read
from tests import paths
from tests.paths import ROOT

FIXTURES = paths.FIXTURES / "html"
SCP_HTML = FIXTURES / "scp_storage_print.html"
NHN_HTML = FIXTURES / "nhn_block_storage.html"
SCP_TEXT = ROOT / "pages" / "scp" / "001_dc092d8be0253ee9.txt"

NUMBERED = re.compile(r"^(\d+(?:\.\d+)*) - (.+)$")


def _scp_text_lines() -> list[str]:
    """The text-rendering lines the SCP fixture reproduces (1-8: banner, title, TOC; 388-746: Archive Storage)."""
    lines = SCP_TEXT.read_text(encoding="utf-8").split("\n")
    return lines[0:8] + lines[387:746]


def _source_line(source: str, needle: str, start: int = 1) -> int:
    """1-based number of the first source line at or after ``start`` containing ``needle``."""
    for number, line in enumerate(source.split("\n"), start=1):
        if number >= start and needle in line:
            return number
    raise AssertionError(f"{needle!r} not in fixture")


def _text(doc: Document) -> list[str]:
    """Every piece of text the document holds, for "this never shows up" checks."""
    out: list[str] = []
    for block in doc:
        if isinstance(block, Heading):
            out.append(block.title)
        elif isinstance(block, (Paragraph, CodeBlock)):
            out.append(block.text)
        else:
            out.extend(block.header)
            out.extend(cell for row in block.rows for cell in row.cells)
    return out


@pytest.fixture(scope="module")
def scp_source() -> str:
    return SCP_HTML.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def scp(scp_source: str) -> Document:
    return read(scp_source, "tests/fixtures/html/scp_storage_print.html")


@pytest.fixture(scope="module")
def nhn() -> Document:
    return read(NHN_HTML.read_text(encoding="utf-8"), "nhn.html")


# --- SCP printable view ----------------------------------------------------------------------------------------------


def test_numbered_headings_match_the_text_rendering(scp: Document) -> None:
    expected = []
    for line in _scp_text_lines():
        match = NUMBERED.match(line)
        if match:
            number = tuple(int(part) for part in match.group(1).split("."))
            expected.append((number, match.group(2), len(number)))
    got = [(b.number, b.title, b.level) for b in scp if isinstance(b, Heading) and b.number is not None]
    assert len(expected) == 14  # 1, 1.1, four operations, eight versions
    assert got == expected


def test_unnumbered_headings_keep_tag_level(scp: Document) -> None:
    plain = [(b.title, b.level) for b in scp if isinstance(b, Heading) and b.number is None]
    assert plain[:5] == [
        ("Storage", 1),
        ("Overview", 2),
        ("Version", 2),
        ("OpenAPI URL", 2),
        ("Environment and Region List", 2),
    ]
    assert ("Description", 3) in plain and ("Example HTTP response", 3) in plain
    # every version page has the five h3 labels
    assert sum(1 for title, _ in plain if title == "Parameters") == 8


def test_heading_lines_are_source_lines(scp: Document, scp_source: str) -> None:
    for block in scp:
        if isinstance(block, Heading) and block.number is not None:
            dotted = ".".join(str(n) for n in block.number)
            assert block.line == _source_line(scp_source, f">{dotted} - {block.title}</h1>")
    assert scp.end_line == len(scp_source.rstrip("\n").split("\n"))


def test_tables_match_the_text_rendering(scp: Document) -> None:
    """Every pipe table of the text rendering, in order, is one HTML table with the same cells.

    The text rendering drops empty cells (the body row reads ``| body | body required | Model |``); in the HTML they
    are there, so the comparison ignores empty cells.
    """
    expected: list[list[list[str]]] = []
    current: list[list[str]] | None = None
    for line in _scp_text_lines():
        if line.startswith("|"):
            if current is None:
                current = []
                expected.append(current)
            if not line.startswith("|---"):
                current.append([cell.strip() for cell in line.strip()[1:-1].split(" | ")])
        else:
            current = None
    tables = [b for b in scp if isinstance(b, Table)]
    assert len(tables) == len(expected) == 2 + 8 * 3
    for table, rows in zip(tables, expected, strict=True):
        assert list(table.header) == rows[0]
        # the text rendering shows a cell's <br> as a space
        assert [[" ".join(c.split()) for c in row.cells if c] for row in table.rows] == rows[1:]


def test_parameter_table_details(scp: Document, scp_source: str) -> None:
    params = next(b for b in scp if isinstance(b, Table) and b.header[:2] == ("Type", "Name"))
    assert params.header == ("Type", "Name", "Description", "Schema", "Default")
    first = params.rows[0]
    # <br> inside a cell is a line break (as the Markdown reader reads it); <em>required</em> is plain text
    assert first.cells == (
        "query",
        "id required",
        "Archiving History ID\nExample : EXE-8f35b491-a060-453b-b825-e78440ca46de",
        "string",
        "None",
    )
    assert first.repairs == ()
    assert params.line == _source_line(scp_source, "<th>Type</th>") - 3
    assert first.line == _source_line(scp_source, "<td>Archiving History ID<br>")
    body_row = next(r for b in scp if isinstance(b, Table) for r in b.rows if r.cells[0] == "body")
    assert body_row.cells == ("body", "body required", "", "ArchivingPolicyCreateRequest", "")


def test_code_blocks(scp: Document, scp_source: str) -> None:
    codes = [b for b in scp if isinstance(b, CodeBlock)]
    headers = [c for c in codes if c.language is None]
    assert len(headers) == 8
    assert headers[0].text.split("\n") == [
        '"Scp-Accesskey = 2sd2gg=2agbdSD26svcD",',
        '"Scp-Signature = fsfsdf235f9U35sdgf35Xsf/qgsdgsdg326=sfsdr23rsef=",',
        '"Scp-Timestamp = 1605290625682",',
        '"Scp-ClientType = Openapi",',
        '"Accept-Language = en-US",',
        '"Scp-Api-Version = archivestorage 1.1"',
    ]
    assert headers[0].line == _source_line(scp_source, "<pre tabindex")
    # JSON blocks: Chroma-highlighted, &#34; entities, newline kept per line; same values as the text rendering
    text_json: list[object] = []
    lines = _scp_text_lines()
    index = 0
    while index < len(lines):
        if lines[index] == "{":
            end, depth = index, 0
            while True:
                depth += sum(lines[end].count(c) for c in "{[") - sum(lines[end].count(c) for c in "}]")
                if depth == 0:
                    break
                end += 1
            text_json.append(json.loads("\n".join(lines[index : end + 1])))
            index = end
        index += 1
    json_blocks = [c for c in codes if c.language == "json"]
    assert [json.loads(c.text) for c in json_blocks] == text_json
    assert json_blocks[0].text.startswith('{\n  "archiving_source_bucket_name": "obs-bucket-name",\n')
    assert not json_blocks[0].text.endswith("\n")
    assert json_blocks[0].line == _source_line(scp_source, 'data-lang="json"')


def test_paragraphs(scp: Document) -> None:
    texts = [b.text for b in scp if isinstance(b, Paragraph)]
    assert texts[0] == "This is the multi-page printable view of this section. Click here to print."
    assert "1.1.3: CreateArchivingPolicy" in texts  # the printable view's own TOC is content
    assert "put /v1/archiving-histories/cancel-archiving" in texts
    assert "State ACTIVE (DEPRECATED)" in texts
    assert "/v1/archiving-histories/cancel-archiving?id={id}&bucket_id={bucket_id}" in texts  # &amp;
    assert "Request body" in texts and "Response 201" in texts
    deprecation = [t for t in texts if t.startswith("Deprecated versions with Not Before dates")]
    assert len(deprecation) == 5  # the overview + four DEPRECATED pages; loose text in an alert <div>


def test_loose_text_line(scp: Document, scp_source: str) -> None:
    first = next(b for b in scp if isinstance(b, Paragraph) and b.text.startswith("Deprecated versions"))
    assert first.line == _source_line(scp_source, "Deprecated versions with Not Before dates")


def test_chrome_is_skipped(scp: Document, nhn: Document) -> None:
    text = "\n".join(_text(scp))
    for chrome in (
        "Sidebar:",
        "TOC:",
        "Breadcrumb:",
        "Footer:",
        "Feedback",
        "Edit this page",
        "Script text",
        "한국어",
        "Search this site",
        "Samsung Cloud Platform",
        "margin-top",
    ):
        assert chrome not in text
    nhn_text = "\n".join(_text(nhn))
    for chrome in ("NHN Cloud Docs", "한국어", "API v2 Guide</a>", "All rights reserved", "dataLayer", "Overview"):
        assert chrome not in nhn_text


def _operations(services: list[Any]) -> list[tuple[Any, ...]]:
    """What a dialect read, without source lines and page names (those differ between the two renderings)."""
    out: list[tuple[Any, ...]] = []
    for service in services:
        for op in service.operations:
            versions: dict[str, dict[str, Any]] = {}
            for version, op_version in op.versions.items():
                data = dataclasses.asdict(op_version)
                data.pop("source")
                for item in data["parameters"] + data["responses"]:
                    item.pop("line")
                for example in ("example_request", "example_response"):
                    if data[example] is not None:
                        data[example].pop("line")
                versions[version] = data
            out.append(
                (service.id, service.title, service.versions, service.server, op.title, op.method, op.path, versions)
            )
    return out


def test_scp_dialect_reads_html_and_text_alike(scp_source: str, tmp_path: Path) -> None:
    text_page = tmp_path / "storage.txt"
    text_page.write_text("\n".join(_scp_text_lines()), encoding="utf-8")
    from_text = ScpDialect().read(
        read_page(text_page.read_bytes(), page=str(text_page), format="text", provider="scp"), PageInfo(str(text_page))
    )
    from_html = ScpDialect().read(
        read_page(scp_source, page="storage.html", format="html", provider="scp"), PageInfo("storage.html")
    )
    text_ops, html_ops = _operations(from_text), _operations(from_html)
    assert [op[4:7] for op in text_ops] == [
        ("CancelArchiving", "PUT", "/v1/archiving-histories/cancel-archiving"),
        ("CancelRecovery", "PUT", "/v1/recovery-histories/cancel-recovery"),
        ("CreateArchivingPolicy", "POST", "/v1/archiving-policies"),
        ("CreateBucket", "POST", "/v1/buckets"),
    ]
    assert html_ops == text_ops
    # The text rendering dropped the body rows' empty cells (the text reader restores them and says so); the HTML
    # has them, so the HTML reading has no repairs and otherwise the same findings.
    html_findings = [(f.kind, f.subject, f.message) for s in from_html for f in s.findings]
    text_findings = [(f.kind, f.subject, f.message) for s in from_text for f in s.findings]
    assert sum(1 for kind, _, _ in text_findings if kind == "table-repair") == 4
    assert html_findings == [item for item in text_findings if item[0] != "table-repair"]


def test_scp_dialect_reads_a_label_broken_from_its_value_by_br(scp_source: str) -> None:
    """``<p>Cancel a specific archiving<br><strong>State</strong><br>ACTIVE (CURRENT)</p>``: one paragraph of three
    lines in the document model; the SCP dialect reads a paragraph line by line, as the text rendering shows it, so
    the description and the State are read as from separate paragraphs."""
    broken = scp_source.replace("<strong>State</strong> <span", "<strong>State</strong><br><span").replace(
        "</p>\n<p><strong>State</strong>", "<br><strong>State</strong>"
    )
    assert broken.count("<br><strong>State</strong><br>") > 4

    def read(source: str) -> list[tuple[Any, ...]]:
        document = read_page(source, page="storage.html", format="html", provider="scp")
        return _operations(ScpDialect().read(document, PageInfo("storage.html")))

    assert read(broken) == read(scp_source)


def test_scp_dialect_single_operation_page_title_from_html(tmp_path: Path) -> None:
    """Docsy's printable view of one operation (004:1-108): the operation title is only the page's <h1 class=title>."""
    text_page = tmp_path / "createimage.txt"
    text_lines = (ROOT / "pages" / "scp" / "004_dcbb7d1e887604a7.txt").read_text(encoding="utf-8").split("\n")[:108]
    text_page.write_text("\n".join(text_lines), encoding="utf-8")
    from_text = ScpDialect().read(
        read_page(text_page.read_bytes(), page="createimage.txt", format="text", provider="scp"), PageInfo("t")
    )
    html = (FIXTURES / "scp_single_operation_print.html").read_text(encoding="utf-8")
    from_html = ScpDialect().read(read_page(html, page="createimage.html", format="html"), PageInfo("h"))
    assert _operations(from_html) == _operations(from_text)
    assert [op[4:7] for op in _operations(from_html)] == [("Create Image", "POST", "/v1/images")]
    html_findings = [(f.kind, f.message) for s in from_html for f in s.findings]
    text_findings = [(f.kind, f.message) for s in from_text for f in s.findings]
    assert html_findings == [item for item in text_findings if item[0] != "table-repair"]
    assert html_findings == [
        ("inferred-title", "no numbered operation heading; title taken from the page title: 'Create Image'")
    ]


# --- NHN (Markdown rendered to HTML) ---------------------------------------------------------------------------------


def test_nhn_page(nhn: Document) -> None:
    blocks = nhn.blocks
    assert blocks[0] == Heading("Storage > Block Storage > API v2 Guide", 2, 15, None)  # &gt;
    op = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.title == "List Volume Types")
    assert blocks[op] == Heading("List Volume Types", 3, blocks[op].line, None)
    code = blocks[op + 1]
    assert isinstance(code, CodeBlock)
    assert code.text == "GET /v2/{tenantId}/types\nX-Auth-Token: {tokenId}"
    assert code.language is None
    assert blocks[op + 2] == Heading("Request", 4, blocks[op + 2].line, None)
    request = blocks[op + 4]
    assert isinstance(request, Table)
    assert request.header == ("Name", "Type", "Format", "Required", "Description")
    assert [row.cells[:2] for row in request.rows] == [("tenantId", "URL"), ("tokenId", "Header")]
    endpoint = next(b for b in blocks if isinstance(b, Table))
    assert endpoint.rows[0].cells[1] == "Korea (Pangyo)\nJapan"
    assert endpoint.rows[0].cells[2].split("\n") == [
        "https://kr1-api-block-storage.infrastructure.cloud.toast.com",
        "https://jp1-api-block-storage.infrastructure.cloud.toast.com",
    ]


def test_nhn_details_summary_then_example(nhn: Document) -> None:
    summaries = [i for i, b in enumerate(nhn.blocks) if isinstance(b, Paragraph) and b.text == "Example"]
    assert len(summaries) == 2
    for index in summaries:
        example = nhn.blocks[index + 1]
        assert isinstance(example, CodeBlock) and example.language == "json"
        assert isinstance(json.loads(example.text), dict)
    first = nhn.blocks[summaries[0] + 1]
    assert isinstance(first, CodeBlock)
    assert json.loads(first.text)["volume_types"][0]["name"] == "General SSD"


def test_nhn_sort_parameter_with_br_and_code(nhn: Document) -> None:
    table = next(b for b in nhn if isinstance(b, Table) and any(r.cells[0] == "sort" for r in b.rows))
    sort = next(r for r in table.rows if r.cells[0] == "sort")
    assert sort.cells[4] == (
        "Name of volume field for sorting\nDescribed in the< key >[: < direction > ] format\n"
        "e.g.) name:asc, created_at:desc"
    )


# --- small documents -------------------------------------------------------------------------------------------------


def _blocks(html: str) -> list[object]:
    return list(read(html, "t.html"))


def test_br_breaks_a_line_within_its_paragraph() -> None:
    """A ``<br>`` is a line break inside one paragraph (``\\n`` in its text, empty lines dropped), as the Markdown
    reader reads ``<br>`` and a hard break: a guide's description reads the same from its Markdown and its HTML.
    (Until the NHN HTML parity sweep each line was a paragraph of its own, and a description read from the HTML
    held a paragraph break, ``\\n\\n``, where the Markdown's held a line break.)"""
    assert _blocks("<body><p>State<br>\nACTIVE (CURRENT)<br/><br>\n\n<em>third</em></p><p>next</p></body>") == [
        Paragraph("State\nACTIVE (CURRENT)\nthird", 1),
        Paragraph("next", 4),
    ]
    assert _blocks("<body><ul><li>one<br>two</li><li><br>three</li></ul></body>") == [
        Paragraph("one\ntwo", 1),
        Paragraph("three", 1),
    ]
    # text loose in a container is in no paragraph: each <br> line is one, as the Markdown reader reads raw HTML
    # blocks (Object Storage: "<br>" / "The script below ..." / "" / "<br/>" / "ex) https://example.com/")
    assert _blocks("<body><div>The script<br>\n\n<br/>\nex) x<p>p1<br>p2</p>tail</div></body>") == [
        Paragraph("The script", 1),
        Paragraph("ex) x", 4),
        Paragraph("p1\np2", 4),
        Paragraph("tail", 4),
    ]


def test_list_items_nested_lists_and_definitions() -> None:
    html = (
        "<main><ul>\n<li>one <a>link</a>\n<ul><li>nested</li></ul>\ntail</li>\n</ul>"
        "<dl><dt>term</dt><dd>def</dd></dl></main>"
    )
    assert _blocks(html) == [
        Paragraph("one link", 2),
        Paragraph("nested", 3),
        Paragraph("tail", 4),
        Paragraph("term", 5),
        Paragraph("def", 5),
    ]


def test_blockquote_and_strong_label() -> None:
    assert _blocks("<body><blockquote>quoted\ntext</blockquote><p><strong>Parameters</strong></p></body>") == [
        Paragraph("quoted text", 1),
        Paragraph("Parameters", 2),
    ]


def test_entities_korean_and_curly_quote() -> None:
    html = (
        "<body><h2>Tom&#39;s &amp; Jerry&rsquo;s</h2>\n"
        "<table><tr><th>Name</th><th>Description</th></tr>\n"
        "<tr><td>server_backup_agent_ip <em>optional</em></td>"
        "<td>Server’s Backup Agent IP&nbsp;Example : 11.22.33.44</td></tr>\n"
        "<tr><td>x</td><td>백업 Region 관계 목록</td></tr></table></body>"
    )
    blocks = _blocks(html)
    assert blocks[0] == Heading("Tom's & Jerry’s", 2, 1, None)
    table = blocks[1]
    assert isinstance(table, Table)
    assert table.header == ("Name", "Description")
    assert table.rows[0].cells == ("server_backup_agent_ip optional", "Server’s Backup Agent IP Example : 11.22.33.44")
    assert table.rows[1].cells == ("x", "백업 Region 관계 목록")
    assert [row.line for row in table.rows] == [3, 4]


def test_colspan_and_short_rows() -> None:
    html = (
        "<body><table><thead><tr><th>A</th><th colspan='2'>B</th><th>D</th></tr></thead><tbody>"
        "<tr><td colspan=3>wide</td><td>d</td></tr>"
        "<tr><td>a</td><td colspan='x'>b</td></tr>"
        "</tbody></table></body>"
    )
    (table,) = _blocks(html)
    assert isinstance(table, Table)
    assert table.header == ("A", "B", "", "D")
    assert table.rows[0].cells == ("wide", "", "", "d")
    assert table.rows[0].repairs == ()
    assert table.rows[1].cells == ("a", "b", "", "")
    assert table.rows[1].repairs == ("padded 2 missing cell(s) with empty text to the header's 4 columns",)


def test_table_header_forms_and_nested_tables() -> None:
    html = (
        "<body><table><tr><th>H1</th><th>H2</th></tr><tr><td>a</td><td><table><tr><td>in</td></tr></table></td></tr>"
        "</table>\n<table><tr><td>x</td><td>y</td></tr></table></body>"
    )
    first, second = _blocks(html)
    assert isinstance(first, Table) and isinstance(second, Table)
    assert first.header == ("H1", "H2")
    assert [row.cells for row in first.rows] == [("a", "in")]
    assert second.header == ()
    assert [row.cells for row in second.rows] == [("x", "y")]
    assert second.line == 2


def test_pre_text_language_and_line_numbers() -> None:
    html = (
        "<body>\n<pre data-lang='http'>\nPOST /v1/x HTTP/1.1\n  Host: a&lt;b\n\n</pre>\n"
        '<pre class="chroma"><code class="language-json"><span class="line"><span class="ln">1</span>'
        '<span class="cl">{"a":\n</span></span><span class="line"><span class="ln">2</span><span class="cl">1}\n'
        "</span></span></code></pre>\n<pre>a<br>b</pre>\n<pre>   \n</pre></body>"
    )
    blocks = _blocks(html)
    assert blocks == [
        CodeBlock("POST /v1/x HTTP/1.1\n  Host: a<b\n", 2, "http"),  # the blank last line is the code's
        CodeBlock('{"a":\n1}', 7, "json"),
        CodeBlock("a\nb", 10, None),
    ]


def test_details_summary() -> None:
    html = (
        "<article><details>\n<summary><b>Example</b> request</summary>\n<p>inner</p><pre>{}</pre></details></article>"
    )
    assert _blocks(html) == [Paragraph("Example request", 2), Paragraph("inner", 3), CodeBlock("{}", 3, None)]


def test_content_root_preference() -> None:
    # <main> wins over the rest of <body>
    assert _blocks("<body><p>outside</p><main><p>inside</p></main></body>") == [Paragraph("inside", 1)]
    # without <main>, every outermost .td-content, in order
    html = (
        "<body><p>x</p><div class='td-content'><h1>1 - A</h1></div><div class='td-content'><h1>2 - B</h1></div></body>"
    )
    assert _blocks(html) == [Heading("A", 1, 1, (1,)), Heading("B", 1, 1, (2,))]
    # a fragment without <body> is read as a whole
    assert _blocks("<h3>List Volumes</h3>\n<p>text</p>") == [Heading("List Volumes", 3, 1, None), Paragraph("text", 2)]


def test_article_header_is_content_site_header_is_not() -> None:
    html = (
        "<body><header><nav><a>Home</a></nav><h1>Site</h1></header><header class='banner'><p>logo</p></header>"
        "<article><header><h1>Block Storage API</h1></header><p>body</p><footer>foot</footer></article></body>"
    )
    assert _blocks(html) == [Heading("Block Storage API", 1, 1, None), Paragraph("body", 1)]


def test_comments_and_cdata_are_not_text() -> None:
    assert _blocks("<body><p>a<!-- hidden -->b</p><![CDATA[x]]><p>c</p></body>") == [
        Paragraph("ab", 1),
        Paragraph("c", 1),
    ]


def test_numbered_heading_needs_the_exact_shape() -> None:
    blocks = _blocks("<body><h2>1.2 -  Two  spaces</h2><h2>1.2- No space</h2><h3>1. - dot</h3><h4></h4></body>")
    assert blocks == [
        Heading("Two spaces", 2, 1, (1, 2)),  # whitespace is normalised first
        Heading("1.2- No space", 2, 1, None),
        Heading("1. - dot", 3, 1, None),
    ]


def test_deeply_nested_unclosed_elements() -> None:
    doc = read("<body>" + "<li>x\n" * 3000 + "</body>", "deep.html")
    assert len(doc) == 3000
    assert doc.blocks[-1] == Paragraph("x", 3000)


def test_crlf_and_bom() -> None:
    doc = read("\ufeff<body>\r\n<p>a</p>\r\n<p>b</p>\r\n</body>\r\n", "crlf.html")
    assert doc.blocks == [Paragraph("a", 2), Paragraph("b", 3)]
    assert doc.end_line == 4


def test_read_page_routes_html(scp_source: str) -> None:
    doc = read_page(scp_source.encode("utf-8"), page="p.html", format="html", provider="scp")
    assert isinstance(doc.blocks[0], Paragraph)
    assert len(doc) == len(read(scp_source, "p.html"))


@pytest.mark.parametrize(
    ("html", "line", "expected"),
    [
        ("", 1, "empty"),
        ("  \n\t\n", 1, "empty"),
        ("just some text, no markup", 1, "expected HTML markup"),
        ("<body>\n<nav><p>menu</p></nav>\n<script>x()</script></body>", 1, "found none"),
        ("<html>\n<body>\n\n</body></html>", 2, "found none"),
    ],
)
def test_errors_name_page_line_and_expectation(html: str, line: int, expected: str) -> None:
    with pytest.raises(ReaderError) as info:
        read(html, "pages/x.html")
    assert info.value.page == "pages/x.html"
    assert info.value.line == line
    assert expected in info.value.message
    assert str(info.value).startswith(f"pages/x.html:{line}: ")


# --- robustness ------------------------------------------------------------------------------------------------------

_TAG = re.compile(r"<[^<>]*>")


@st.composite
def _mutated(draw: st.DrawFn) -> str:
    text = SCP_HTML.read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["truncate", "drop-tags", "duplicate-lines", "insert", "delete-span"]))
        if kind == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
        elif kind == "drop-tags":
            tags = list(_TAG.finditer(text))
            if tags:
                chosen = sorted(set(draw(st.lists(st.integers(0, len(tags) - 1), max_size=40))), reverse=True)
                for index in chosen:
                    match = tags[index]
                    text = text[: match.start()] + text[match.end() :]
        elif kind == "duplicate-lines":
            lines = text.split("\n")
            start = draw(st.integers(0, max(0, len(lines) - 1)))
            count = draw(st.integers(1, 30))
            lines[start:start] = lines[start : start + count] * draw(st.integers(1, 5))
            text = "\n".join(lines)
        elif kind == "insert":
            position = draw(st.integers(0, len(text)))
            junk = draw(
                st.sampled_from(
                    ["<", ">", "&", "</", "<!", "<![CDATA[", "<!--", "<?", "&#", "&#x110000;", "\x00", "\r"]
                )
                | st.text(max_size=8)
            )
            text = text[:position] + junk + text[position:]
        else:
            start = draw(st.integers(0, len(text)))
            text = text[:start] + text[start + draw(st.integers(0, 2000)) :]
    return text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(_mutated())
def test_mutations_only_raise_reader_error(html: str) -> None:
    try:
        doc = read(html, "mutated.html")
    except ReaderError as error:
        assert error.page == "mutated.html"
        assert error.line >= 1
        return
    assert len(doc) > 0
    for block in doc:
        assert 1 <= block.line <= doc.end_line
        if isinstance(block, Table):
            assert all(1 <= row.line <= doc.end_line for row in block.rows)


def test_paragraph_line_is_the_element_start() -> None:
    html = "<body><p>\n  <code>put</code>\n  <code>/v1/x</code>\n</p>\n<ul><li>\n\n<a>item</a></li></ul></body>"
    assert _blocks(html) == [Paragraph("put /v1/x", 1), Paragraph("item", 5)]


def test_block_elements_inside_cells_and_headings_are_separated() -> None:
    """Block elements inside a cell are lines of their own (a browser shows them so, and the Markdown reader reads
    the same cell written in a guide so); a heading stays one line."""
    html = "<body><h2><span>Create</span><div>Bucket</div></h2><table><tr><td><p>a</p><p>b</p></td></tr></table></body>"
    heading, table = _blocks(html)
    assert heading == Heading("Create Bucket", 2, 1, None)
    assert isinstance(table, Table) and table.rows[0].cells == ("a\nb",)


def test_end_tag_br_breaks_a_cell_as_browsers_do() -> None:
    """``</br>`` (NHN guides write it in cells) is a line break in HTML's parsing rules; ``html.parser`` alone
    drops it and glued the lines (TOAST-DOCS Compute-Image: an Enum's values were lost)."""
    html = "<body><table><tr><th>a</th></tr><tr><td>Type</br><code>add</code>: Add</BR >x</td></tr></table></body>"
    [table] = _blocks(html)
    assert isinstance(table, Table) and table.rows[0].cells == ("Type\nadd: Add\nx",)


def test_list_items_in_a_cell_are_lines_in_both_readers() -> None:
    """``Status<ul><li>A</li><li>B</li></ul>`` in a guide's cell: one line per item whether the Markdown source or
    its HTML rendering is read (the Markdown reader glued them into ``StatusAB``)."""
    from scraper.readers import markdown

    cell = "Status<ul><li>Pending: waiting</li><li>Running</li></ul>"
    source = f"| Name | Description |\n|---|---|\n| status | {cell} |\n"
    [md_table] = [b for b in markdown.read(source, "g.md").blocks if isinstance(b, Table)]
    html = f"<body><table><tr><th>Name</th><th>Description</th></tr><tr><td>status</td><td>{cell}</td></tr></table>"
    [html_table] = _blocks(html + "</body>")
    assert isinstance(html_table, Table)
    assert md_table.rows[0].cells == html_table.rows[0].cells == ("status", "Status\nPending: waiting\nRunning")


def test_single_operation_printable_view() -> None:
    source = (FIXTURES / "scp_single_operation_print.html").read_text(encoding="utf-8")
    doc = read(source, "createimage.html")
    assert doc.blocks[:4] == [
        # a <p> starts on the line of its start tag, even when its text is on the next line
        Paragraph(
            "This is the multi-page printable view of this section. Click here to print.",
            _source_line(source, "This is the multi-page") - 1,
        ),
        Paragraph("Return to the regular view of this page.", _source_line(source, "</p><p>")),
        Heading("Create Image", 1, _source_line(source, '<h1 class="title">'), None),
        Heading("1.3", 1, _source_line(source, ">1 - 1.3</h1>"), (1,)),
    ]
    body = next(r for b in doc if isinstance(b, Table) for r in b.rows if r.cells[0] == "body")
    assert body.cells == ("body", "body required", "", "ImageCreateRequest", "")
    response = [b for b in doc if isinstance(b, CodeBlock)][-1]
    assert json.loads(response.text)["volumes"].startswith('[{"tag": null')


def test_content_roots_are_found_in_one_walk_not_four_css_selections(monkeypatch: pytest.MonkeyPatch) -> None:
    """Four ``select`` calls (main, .td-content, article, body), each a CSS match of every tag, were a third of the
    time a 100,000-row table took to read; one walk over the tags finds the same roots, in document order."""
    from bs4.element import Tag

    def no_select(self: Tag, *args: object, **kwargs: object) -> object:
        raise AssertionError("the content roots are found without CSS selections")

    monkeypatch.setattr(Tag, "select", no_select)
    page = (
        "<html><body><nav>menu</nav><div class='x td-content'><h2>First</h2><p>one</p></div>"
        "<div class='td-content'><h2>Second</h2><div class='td-content'><p>inner</p></div></div></body></html>"
    )
    doc = read(page, "p.html")
    assert [b.title for b in doc.blocks if isinstance(b, Heading)] == ["First", "Second"]
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == ["one", "inner"]
    assert "menu" not in json.dumps([dataclasses.asdict(b) for b in doc.blocks])
