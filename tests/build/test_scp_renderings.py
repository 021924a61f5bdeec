"""Every committed SCP page, rendered the other ways the docs site and its copies publish it, gives the same spec.

The repository holds SCP pages only as text renderings (``pages/scp/*.txt``); the docs site itself is Hugo/Docsy
HTML (numbered ``<h1>`` per printable section, ``<table class="table">``, ``<pre><code>``), and copies of it circulate
as Markdown (pipe tables, fenced code). Each test here builds a variant *from the committed page* -- the text reader's
blocks written back as HTML or Markdown, by a transform in this file, never new content -- and requires the same
OpenAPI documents as the committed text gives, and the same findings but for the text reader's own table repairs
(the variants have whole tables, so nothing is repaired there).

The renderings follow ``tests/fixtures/html/scp_storage_print.html`` (Docsy's ``_print`` markup) for HTML, GFM
with ``<br>`` for a line break inside a cell for Markdown, and the real squashed pages (``pages/scp/004``, the
site's ``platform/_print`` and ``management/iam/models/_print``) for text whose cell boundaries were lost. Other
transforms: Models before APIs, the Korean site's labels, version pages oldest first, a version restated as
DEPRECATED / PLANNED / CURRENT with a date.

001 whole (5 services, 348 version pages) is too slow to build twice per variant here; measured once (2026-12-01):
as HTML, as squashed text and as Korean squashed text, the same specs and findings as the committed text.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml

from scraper.build import PageInput, build_specs
from scraper.build.pages import catalog_pages
from scraper.catalog import load_catalog
from scraper.document import Block, Document, Heading, Paragraph, Table
from scraper.readers import read_page
from tests.paths import PAGES

#: The committed SCP pages small enough to build three times in a test (001 is built once per variant below too,
#: but only in the slow parametrisation).
SCP_PAGES = ["000_65c2559a52e6e5c4.txt", "002_49177f4cbb07641e.txt", "004_dcbb7d1e887604a7.txt"]


def _catalog_page(file: str) -> PageInput:
    for page in catalog_pages(load_catalog(PAGES / "catalog.toml")):
        if page.name == f"pages/scp/{file}":
            return page
    raise AssertionError(f"{file} is not in pages/catalog.toml")


def _text_document(file: str) -> Document:
    page = _catalog_page(file)
    return read_page(page.path.read_bytes(), page=page.name, format="text", provider="scp")


# ------------------------------------------------------------------------------------------------------ renderers


def _html_cell(text: str) -> str:
    return "<br>".join(html.escape(line, quote=False) for line in text.split("\n"))


#: The labels Docsy's SCP pages write as ``<h3>`` (tests/fixtures/html/scp_storage_print.html) and as a bold line
_HTML_H3_LABELS = frozenset(
    {"Overview", "Description", "Parameters", "Responses", "Example HTTP request", "Example HTTP response"}
)
_HTML_BOLD_LABEL = re.compile(r"^(?:Request path|Request header|Request body|Response \d{3})$")
_METHOD_PATH = re.compile(r"^(get|post|put|delete|patch) (/\S*)$")
_STATE_LINE = re.compile(r"^(State|상태) (.+)$")


def _html_paragraph(text: str) -> str:
    """A paragraph as the theme marks it up: section labels as headings, sub-labels bold, the method as a badge and
    the path as code, the state as a bold label and a badge."""
    escaped = _html_cell(text)
    if text in _HTML_H3_LABELS:
        return f"<h3>{escaped}</h3>"
    if _HTML_BOLD_LABEL.match(text):
        return f"<p><strong>{escaped}</strong></p>"
    method_path = _METHOD_PATH.match(text)
    if method_path:
        method, path = (html.escape(part, quote=False) for part in method_path.groups())
        return f'<p><span class="badge text-bg-primary">{method}</span> <code>{path}</code></p>'
    state = _STATE_LINE.match(text)
    if state:
        label, badge = (html.escape(part, quote=False) for part in state.groups())
        return f'<p><strong>{label}</strong> <span class="badge text-bg-success">{badge}</span></p>'
    return f"<p>{escaped}</p>"


def as_html(document: Document) -> str:
    """Docsy's printable view: each numbered heading opens a ``td-content`` section with an ``<h1>``; other
    headings are ``<h2>``; tables and code blocks are what the theme writes for Markdown tables and fences."""
    out = ['<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>SCP</title></head><body>']
    out.append('<main role="main"><div class="td-content">')
    for block in document.blocks:
        if isinstance(block, Heading):
            if block.number is not None:
                number = ".".join(str(n) for n in block.number)
                out.append('</div>\n<div class="td-content" style="page-break-before: always">')
                out.append(f"<h1>{html.escape(f'{number} - {block.title}', quote=False)}</h1>")
            else:
                out.append(f"<h2>{html.escape(block.title, quote=False)}</h2>")
        elif isinstance(block, Paragraph):
            out.append(_html_paragraph(block.text))
        elif isinstance(block, Table):
            out.append('<table class="table">\n<thead>\n<tr>')
            out.extend(f"<th>{_html_cell(cell)}</th>" for cell in block.header)
            out.append("</tr>\n</thead>\n<tbody>")
            for row in block.rows:
                out.append("<tr>" + "".join(f"<td>{_html_cell(cell)}</td>" for cell in row.cells) + "</tr>")
            out.append("</tbody>\n</table>")
        else:
            out.append(f'<pre tabindex="0"><code>{html.escape(block.text, quote=False)}\n</code></pre>')
    out.append("</div></main>\n</body></html>\n")
    return "\n".join(out)


_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_\[\]<>#|!~&])")


def _markdown_text(text: str) -> str:
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def _markdown_cell(text: str) -> str:
    return "<br>".join(_markdown_text(line) for line in text.split("\n"))


def as_markdown(document: Document) -> str:
    """GFM: ``#`` headings (numbered ones keep their ``N - Title``), blank-line separated paragraphs, pipe tables with
    a separator cell per column and ``<br>`` for a break inside a cell, fenced code."""
    out: list[str] = []
    for block in document.blocks:
        if isinstance(block, Heading):
            title = block.title
            if block.number is not None:
                title = ".".join(str(n) for n in block.number) + " - " + title
            out.append("#" * min(max(block.level, 1), 6) + " " + _markdown_text(title))
        elif isinstance(block, Paragraph):
            out.append("<br>\n".join(_markdown_text(line) for line in block.text.split("\n")))
        elif isinstance(block, Table):
            lines = ["| " + " | ".join(_markdown_cell(cell) for cell in block.header) + " |"]
            lines.append("|" + "---|" * len(block.header))
            lines.extend("| " + " | ".join(_markdown_cell(cell) for cell in row.cells) + " |" for row in block.rows)
            out.append("\n".join(lines))
        else:
            fence = "````" if "```" in block.text else "```"
            out.append(f"{fence}{block.language or ''}\n{block.text}\n{fence}")
    return "\n\n".join(out) + "\n"


_FLAGGED_NAME = re.compile(r"^(\S+) (required|optional)$")
_EXAMPLE = re.compile(r" (?=Example :)")


def _squashed_cell(text: str) -> list[str]:
    """A cell's lines as the site's HTML shows them: the flag under the name, the example under the description."""
    flagged = _FLAGGED_NAME.match(text)
    if flagged:
        return [flagged.group(1), flagged.group(2)]
    return [part for line in text.split("\n") for part in _EXAMPLE.split(line, maxsplit=1)]


def _squashed_row(cells: tuple[str, ...]) -> str:
    """One table row as the site's text rendering writes it with the cell boundaries lost (``pages/scp/004``:
    ``bodybody`` / ``required`` / blank / ``ImageCreateRequest``): cells run together on a line, a cell of several
    lines breaks it, and the cell after a cell of several lines, or after an empty cell, starts a new line."""
    lines = [""]
    breaks = False
    for cell in cells:
        parts = _squashed_cell(cell)
        if breaks:
            lines.append("")
        lines[-1] += parts[0]
        lines.extend(parts[1:])
        breaks = len(parts) > 1 or cell == ""
    return "\n".join(lines)


def as_squashed_text(document: Document) -> str:
    """The site's other text rendering (``pages/scp/004``, the real ``platform/_print``): blocks one blank line
    apart, ``State`` and its badge on one line, tables with their cell boundaries lost."""
    out: list[str] = []
    blocks = list(document.blocks)
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            number = "" if block.number is None else ".".join(str(n) for n in block.number) + " - "
            out.append(number + block.title)
        elif isinstance(block, Paragraph):
            previous = blocks[index - 1] if index else None
            if isinstance(previous, Paragraph) and previous.text in _STATE_LABELS:
                out[-1] += " " + block.text
            else:
                out.append(block.text)
        elif isinstance(block, Table):
            out.append("\n".join(["".join(block.header)] + [_squashed_row(row.cells) for row in block.rows]))
        else:
            out.append(block.text)
    return "\n\n".join(out) + "\n"


_STATE_LABELS = frozenset({"State", "상태"})


def models_first(document: Document) -> Document:
    """Each service's Models section moved before its APIs section, numbered as the site would number it then
    (``5.2 - Models`` becomes ``5.1``, ``5.1 - APIs`` and every heading under it ``5.2``)."""
    blocks = list(document.blocks)
    starts = {
        block.title: index
        for index, block in enumerate(blocks)
        if isinstance(block, Heading) and block.number is not None and block.title in ("APIs", "Models")
    }
    apis, models = starts["APIs"], starts["Models"]
    assert apis < models, "the committed page lists APIs first"
    depth = len(_number(blocks[apis]))
    end = next(
        (
            index
            for index in range(models + 1, len(blocks))
            if isinstance(blocks[index], Heading) and len(_number(blocks[index]) or (0,) * depth) < depth
        ),
        len(blocks),
    )

    def renumbered(block: Block, position: int) -> Block:
        if not isinstance(block, Heading) or block.number is None or len(block.number) < depth:
            return block
        number = (*block.number[: depth - 1], position, *block.number[depth:])
        return replace(block, number=number)

    reordered = (
        blocks[:apis]
        + [renumbered(block, blocks[apis].number[-1]) for block in blocks[models:end]]  # type: ignore[union-attr]
        + [renumbered(block, blocks[models].number[-1]) for block in blocks[apis:models]]  # type: ignore[union-attr]
        + blocks[end:]
    )
    return Document(page=document.page, blocks=reordered, end_line=document.end_line)


def _number(block: Block) -> tuple[int, ...]:
    return block.number or () if isinstance(block, Heading) else ()


#: The Korean site's labels (``/apireference/...`` without ``/en``, as the real ko ``loadbalancer/_print`` shows):
#: the state line and the per-version table; every other label stays English there
_KOREAN_TABLE_HEADERS = {
    ("Version", "Supported Until"): ("버전", "최소 지원 보장일"),
    ("Version", "Not Before"): ("버전", "최소 지원 보장일"),
}


def korean_labels(document: Document) -> Document:
    blocks: list[Block] = []
    for block in document.blocks:
        if isinstance(block, Paragraph) and block.text == "State":
            block = replace(block, text="상태")
        elif isinstance(block, Table) and block.header in _KOREAN_TABLE_HEADERS:
            block = replace(block, header=_KOREAN_TABLE_HEADERS[block.header])
        blocks.append(block)
    return Document(page=document.page, blocks=blocks, end_line=document.end_line)


_VERSION_TITLE = re.compile(r"^\d+\.\d+$")


def versions_oldest_first(document: Document) -> Document:
    """Each operation's version pages in the other order (``1.1 - 1.1``, ``1.2 - 1.0`` become ``1.1 - 1.0``,
    ``1.2 - 1.1``), each page keeping its blocks: the order a page lists its versions in must not matter."""
    blocks = list(document.blocks)
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if not (isinstance(block, Heading) and block.number and _VERSION_TITLE.match(block.title)):
            out.append(block)
            index += 1
            continue
        # a run of sibling version pages: same parent number, same depth
        parent, depth = block.number[:-1], len(block.number)
        pages: list[list[Block]] = []
        while index < len(blocks):
            head = blocks[index]
            if not (
                isinstance(head, Heading)
                and head.number
                and head.number[:-1] == parent
                and len(head.number) == depth
                and _VERSION_TITLE.match(head.title)
            ):
                break
            end = index + 1
            while end < len(blocks) and not (
                isinstance(blocks[end], Heading) and len(_number(blocks[end]) or (0,) * (depth + 1)) <= depth
            ):
                end += 1
            pages.append(blocks[index:end])
            index = end
        numbers = [page[0].number for page in pages]  # type: ignore[union-attr]
        for number, page in zip(numbers, reversed(pages), strict=True):
            out.append(replace(page[0], number=number))  # type: ignore[type-var]
            out.extend(page[1:])
    return Document(page=document.page, blocks=out, end_line=document.end_line)


# ------------------------------------------------------------------------------------------------------- building


#: where a finding's message names a source line (``page.txt:215``): the variants number their lines differently
_LINE = re.compile(r"(?<=\.txt):\d+")


def _built(page: PageInput, out: Path) -> tuple[dict[str, Any], list[tuple[str, str, str]]]:
    report = build_specs([page], out)
    assert report.errors == []
    specs = {
        str(path.relative_to(out)): yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted(out.rglob("*.yaml"))
    }
    findings = sorted(
        (f.kind, f.subject, _LINE.sub(":N", f.message))
        for service in report.services
        for f in service.findings
        if f.kind != "table-repair"
    )
    return specs, findings


def _variant(file: str, text: str, suffix: str, tmp_path: Path) -> PageInput:
    path = tmp_path / (Path(file).stem + suffix)
    path.write_text(text, encoding="utf-8")
    # the same page name, so x-source and findings name the committed page either way
    return replace(_catalog_page(file), path=path, format={".html": "html", ".md": "markdown"}.get(suffix, "text"))


@pytest.mark.parametrize("file", SCP_PAGES)
@pytest.mark.parametrize("suffix", [".html", ".md", ".squashed.txt"])
def test_committed_page_as_html_and_markdown_gives_the_same_specs(file: str, suffix: str, tmp_path: Path) -> None:
    document = _text_document(file)
    render = {".html": as_html, ".md": as_markdown, ".squashed.txt": as_squashed_text}[suffix]
    expected = _built(_catalog_page(file), tmp_path / "text")
    variant = _built(_variant(file, render(document), suffix, tmp_path), tmp_path / "variant")
    assert variant[0] == expected[0]
    assert variant[1] == expected[1]


#: 001's last section, Parallel File Storage (its lines 18038 to the end: overview, APIs and Models), as a page of
#: its own: the one committed service with a Models section that is small enough to build several times here
SECTION_FILE, SECTION_START = "001_dc092d8be0253ee9.txt", "5 - Parallel File Storage"


def _section_page(tmp_path: Path) -> PageInput:
    lines = (PAGES / "scp" / SECTION_FILE).read_text(encoding="utf-8").split("\n")
    start = lines.index(SECTION_START)
    path = tmp_path / "section.txt"
    path.write_text("\n".join(lines[start:]), encoding="utf-8")
    return replace(_catalog_page(SECTION_FILE), path=path, services=("parallel-filestorage",))


@pytest.mark.parametrize(
    "variant",
    ["html", "markdown", "squashed", "models first", "models first html", "korean squashed", "korean html"],
)
def test_a_service_section_with_models_reads_the_same_in_every_rendering(variant: str, tmp_path: Path) -> None:
    page = _section_page(tmp_path)
    document = read_page(page.path.read_bytes(), page=page.name, format="text", provider="scp")
    if "models first" in variant:
        document = models_first(document)
    if "korean" in variant:
        document = korean_labels(document)
    if variant.endswith("html"):
        text, suffix = as_html(document), ".html"
    elif variant == "markdown":
        text, suffix = as_markdown(document), ".md"
    else:
        text, suffix = as_squashed_text(document), ".txt"
    path = tmp_path / f"variant{suffix}"
    path.write_text(text, encoding="utf-8")
    expected = _built(page, tmp_path / "text")
    variant_page = replace(page, path=path, format={".html": "html", ".md": "markdown"}.get(suffix, "text"))
    got = _built(variant_page, tmp_path / "variant")
    assert got[0] == expected[0]
    assert got[1] == expected[1]


def _restated(text: str, status: str, date: str) -> str:
    """000 with its one version restated: the overview row ``| 1.0 | CURRENT | - |``, each page's ``| 1.0 | - |``
    and ``ACTIVE (CURRENT)`` lines given another status and a date (the site's states, see its API common page)."""
    lines = text.split("\n")
    out = []
    for line in lines:
        if line == "| 1.0 | CURRENT | - |":
            line = f"| 1.0 | {status} | {date} |"
        elif line == "| 1.0 | - |":
            line = f"| 1.0 | {date} |"
        elif line == "ACTIVE (CURRENT)":
            line = f"ACTIVE ({status})"
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize(("status", "sunset"), [("DEPRECATED", "2026-12-31"), ("PLANNED", None), ("CURRENT", None)])
def test_a_version_restated_with_a_status_and_a_date(status: str, sunset: str | None, tmp_path: Path) -> None:
    """A DEPRECATED date is the sunset (spec and every operation); a PLANNED or CURRENT version given a date does not
    stop on it (a PLANNED "Not Before" rather says when it becomes callable), so no x-sunset is written and each
    place the date was read is a date-not-sunset finding (before, the PLANNED version got x-sunset 2026-12-31)."""
    file = "000_65c2559a52e6e5c4.txt"
    text = _restated((PAGES / "scp" / file).read_text(encoding="utf-8"), status, "20261231")
    page = _variant(file, text, ".txt", tmp_path)
    report = build_specs([page], tmp_path / "out")
    assert report.errors == []
    spec = yaml.safe_load((tmp_path / "out" / "scp" / "parallel-filestorage" / "1.0.yaml").read_text(encoding="utf-8"))
    assert spec["info"]["x-api-status"] == status
    assert spec["info"].get("x-sunset") == sunset
    assert spec["info"]["x-versions"] == [{"version": "1.0", "status": status, "date": "2026-12-31"}]
    operations = [op for item in spec["paths"].values() for op in item.values()]
    assert len(operations) == 10
    assert {(op["x-api-status"], op.get("x-sunset"), op.get("deprecated", False)) for op in operations} == {
        (status, sunset, status == "DEPRECATED")
    }
    dates = [f for s in report.services for f in s.findings if f.kind == "date-not-sunset"]
    assert len(dates) == (0 if sunset else 11)  # the overview row and the 10 version pages
    assert all(f.line for f in dates)


def test_version_pages_listed_oldest_first_give_the_same_specs(tmp_path: Path) -> None:
    """pages/scp/002 (Virtual Server: 112 operations, most with a 1.1 and a 1.0 page, newest first) with every
    operation's version pages in the other order."""
    file = "002_49177f4cbb07641e.txt"
    document = versions_oldest_first(_text_document(file))
    expected = _built(_catalog_page(file), tmp_path / "text")
    got = _built(_variant(file, as_markdown(document), ".md", tmp_path), tmp_path / "variant")
    assert got[0] == expected[0]
    assert got[1] == expected[1]
