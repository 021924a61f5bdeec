"""NHN guides rendered to HTML as documentation sites render them, and a per-operation comparison of what the
Markdown and its HTML rendering read into.

Why: users feed the tool the docs site's HTML page as often as the guide's Markdown, and the two must give the same
spec. The repository holds no site HTML of the NHN guides (only their Markdown), so this module makes it, with the
renderers real sites use, inside a page template with the chrome such sites put around the content:

* ``markdown-it``: markdown-it-py (CommonMark, GFM tables, raw HTML on: GitHub's and VuePress's/Docusaurus's family),
  code highlighted by Pygments into ``<span>`` tokens inside ``<pre><code class="language-json">``, each heading
  given an ``id`` and a leading ``<a class="anchor" href="#id">#</a>`` permalink (VuePress, GitHub), and a table of
  contents of the page's headings beside the article inside ``<main>`` (Docusaurus' ``table-of-contents`` list);
* ``python-markdown`` (only where the ``markdown`` package is installed: it is not a dependency of the project, so
  the suite never needs it): Python-Markdown with ``tables``, ``fenced_code`` and ``toc`` (MkDocs, Sphinx-like):
  ``<pre><code class="language-json">``, a trailing ``<a class="headerlink" href="#id">&para;</a>`` permalink in every
  heading, and Python-Markdown's ``<div class="toc">`` at the top of the article.

Both wrap the article in the same site template: a ``<header>`` with the site's navigation and search, a breadcrumb
trail, a sidebar menu, the page's "edit" link and "TOP" button, and a ``<footer>``.

``python -m tests.dialects.html_rendering [FILES or FOLDERS...]`` prints, per renderer, the operations and fields
that read the same (default: the repository's NHN guides) and the reader's blocks that do, and the operations that
differ with the fields they differ in.

Differences left that are the renderer's, not the reader's (the HTML does not hold what the Markdown reader reads):
GFM drops a row's cells past the header (RDS for PostgreSQL's rows fused on one line, Network Flow Log's and RCS
Bizmessage's extra cells); Pygments strips a code block's leading and trailing blank lines; Python-Markdown reads
``###Picture`` (no space) as a heading, needs a blank line before a list, and renders no fence indented in a list
item, so its HTML says something else than CommonMark's there (CAPTCHA, CloudTrail, CDN ja, RTCS, Mobile Device
Info).
"""

from __future__ import annotations

import argparse
import difflib
import html
import importlib
import importlib.util
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.document import Block, Heading, LocatedError, Paragraph, Table
from scraper.model import Service
from scraper.readers import read_page
from tests.paths import ROOT

__all__ = [
    "FIELDS",
    "RENDERERS",
    "Comparison",
    "compare",
    "compare_blocks",
    "guides",
    "operations",
    "site_page",
]

#: The parts of an operation compared, in the order of :func:`operations`' tuples: what a client is made from first
#: (the first nine), then what the spec says beside it (descriptions, examples, media types, the heading its
#: ``x-source`` links to).
FIELDS = (
    "title",
    "method",
    "path",
    "version",
    "tags",
    "parameters",
    "request body",
    "responses",
    "example",
    "summary",
    "description",
    "parameter details",
    "request body details",
    "response details",
    "request example",
    "source heading",
    "status and extensions",
)
#: The service-wide parts compared, as one more "operation" per guide (named :data:`SERVICE`).
SERVICE_FIELDS = ("service title", "description", "server", "versions", "models", "security")
SERVICE = "(service)"

_HEADING = re.compile(r"<(h[1-6])>(.*?)</\1>", re.DOTALL)
_TAGS = re.compile(r"<[^>]*>")


def operations(services: list[Service]) -> list[tuple[Any, ...]]:
    """Each operation's :data:`FIELDS`, per documented version, in reading order."""
    out: list[tuple[Any, ...]] = []
    for service in services:
        for op in service.operations:
            for version, v in sorted(op.versions.items()):
                params = [(p.name, p.location, p.required, p.schema) for p in v.parameters]
                responses = [(r.status, r.schema) for r in v.responses]
                body = v.request_body.schema if v.request_body else None
                example = v.example_response.body if v.example_response else None
                details = [
                    (p.description, p.example, p.default, p.has_example, p.has_default, p.extensions)
                    for p in v.parameters
                ]
                body_details = (
                    (v.request_body.required, v.request_body.description, v.request_body.media_type)
                    if v.request_body
                    else None
                )
                response_details = [(r.description, r.media_type) for r in v.responses]
                request = v.example_request
                request_example = (request.path, request.headers, request.body, request.has_body) if request else None
                out.append(
                    (
                        op.title,
                        op.method,
                        op.path,
                        version,
                        v.tags,
                        params,
                        body,
                        responses,
                        example,
                        v.summary,
                        v.description,
                        details,
                        body_details,
                        response_details,
                        request_example,
                        v.source.heading,
                        (v.status, v.sunset, v.doc_version, op.variant, v.extensions),
                    )
                )
    return out


def service_fields(services: list[Service]) -> list[Any]:
    """The guide's :data:`SERVICE_FIELDS`, each a list over its services."""
    return [
        [s.title for s in services],
        [s.description for s in services],
        [s.server for s in services],
        [s.versions for s in services],
        [{name: (m.schema, m.inferred, m.source.heading) for name, m in s.models.items()} for s in services],
        [s.security for s in services],
    ]


# --- renderers -----------------------------------------------------------------------------------------------------


def _slug(title_html: str, taken: dict[str, int]) -> str:
    """GitHub's heading id: the text lower-cased, punctuation dropped, spaces as hyphens; repeats numbered."""
    text = html.unescape(_TAGS.sub("", title_html)).strip().lower()
    slug = re.sub(r"[^\w\- ]", "", text).replace(" ", "-") or "section"
    count = taken.get(slug, 0)
    taken[slug] = count + 1
    return slug if count == 0 else f"{slug}-{count}"


def _highlighted(code: str, language: str, _attrs: Any) -> str:
    """Pygments' token spans for a fenced block (markdown-it wraps them in ``<pre><code class="language-...">``)."""
    try:
        lexer = get_lexer_by_name(language.strip()) if language.strip() else None
    except ClassNotFound:
        lexer = None
    if lexer is None:
        return ""  # markdown-it escapes the code itself
    return str(highlight(code, lexer, HtmlFormatter(nowrap=True)))


def _markdown_it(markdown: str) -> tuple[str, str]:
    """(article, table of contents): VuePress/GitHub-style anchors before each heading's text."""
    parser = MarkdownIt("commonmark", {"html": True, "highlight": _highlighted}).enable("table")
    body = parser.render(markdown)
    taken: dict[str, int] = {}
    toc: list[str] = []

    def anchored(match: re.Match[str]) -> str:
        tag, inner = match.group(1), match.group(2)
        slug = _slug(inner, taken)
        toc.append(f'<li class="toc-{tag}"><a href="#{slug}">{_TAGS.sub("", inner)}</a></li>')
        return f'<{tag} id="{slug}"><a class="anchor" href="#{slug}" aria-hidden="true">#</a> {inner}</{tag}>'

    article = _HEADING.sub(anchored, body)
    return article, f'<div class="table-of-contents"><ul>{"".join(toc)}</ul></div>'


_CODE_BLOCK = re.compile(r'<pre><code(?: class="language-([^"]*)")?>(.*?)</code></pre>', re.DOTALL)
_TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
_ICON = (
    '<svg class="octicon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d="M0 0h16"></path></svg>'
)


def _github(markdown: str) -> tuple[str, str]:
    """(article, no table of contents) as GitHub shows a Markdown file: each heading in a ``markdown-heading`` div
    followed by an icon-only permalink, code in ``<div class="highlight highlight-source-json">`` around a bare
    ``<pre>`` (no ``<code>``: the language is only on the wrapper) with a copy button, tables in a
    ``<markdown-accessiblity-table>`` element."""
    body = MarkdownIt("commonmark", {"html": True, "highlight": _highlighted}).enable("table").render(markdown)
    taken: dict[str, int] = {}

    def heading(match: re.Match[str]) -> str:
        tag, inner = match.group(1), match.group(2)
        slug = _slug(inner, taken)
        return (
            f'<div class="markdown-heading" dir="auto"><{tag} tabindex="-1" class="heading-element">{inner}</{tag}>'
            f'<a id="user-content-{slug}" class="anchor" aria-label="Permalink: {_TAGS.sub("", inner)}"'
            f' href="#{slug}">{_ICON}</a></div>'
        )

    def code(match: re.Match[str]) -> str:
        language = match.group(1)
        if language is None:  # GitHub's block without a language: a plain <pre><code>
            wrapper, pre = "snippet-clipboard-content", f'<pre class="notranslate"><code>{match.group(2)}</code></pre>'
        else:
            wrapper, pre = f"highlight highlight-source-{language}", f"<pre>{match.group(2)}</pre>"
        return (
            f'<div class="{wrapper} notranslate position-relative overflow-auto"'
            f' dir="auto">{pre}<div class="zeroclipboard-container position-absolute">'
            f'<clipboard-copy aria-label="Copy" class="ClipboardButton btn" data-copy-feedback="Copied!"'
            f' tabindex="0" role="button">{_ICON}</clipboard-copy></div></div>'
        )

    body = _CODE_BLOCK.sub(code, _HEADING.sub(heading, body))
    body = _TABLE.sub(
        lambda m: f'<markdown-accessiblity-table><table role="table">{m.group(1)}</table>'
        "</markdown-accessiblity-table>",
        body,
    )
    return body, ""


def _docusaurus(markdown: str) -> tuple[str, str]:
    """(article, table of contents) as Docusaurus renders a page: a zero-width-space ``hash-link`` after each
    heading's text, code as Prism's lines (``<span class="token-line">...<br></span>``, no newline characters) in
    a ``language-json`` container with a copy button, and the ``table-of-contents`` list beside the article."""
    body = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    taken: dict[str, int] = {}
    toc: list[str] = []

    def heading(match: re.Match[str]) -> str:
        tag, inner = match.group(1), match.group(2)
        slug = _slug(inner, taken)
        toc.append(f'<li><a href="#{slug}" class="table-of-contents__link">{_TAGS.sub("", inner)}</a></li>')
        return (
            f'<{tag} class="anchor anchorWithStickyNavbar_LWe7" id="{slug}">{inner}<a href="#{slug}"'
            f' class="hash-link" aria-label="Direct link to {slug}" title="Direct link to {slug}">\u200b</a></{tag}>'
        )

    def code(match: re.Match[str]) -> str:
        language = match.group(1) or "text"  # Docusaurus gives a block without a language its default, text
        lines = match.group(2).removesuffix("\n").split("\n")
        spans = "".join(
            f'<span class="token-line"><span class="token plain">{line}</span><br></span>' for line in lines
        )
        return (
            f'<div class="language-{language} codeBlockContainer_Ckt0 theme-code-block"><div class="codeBlockContent_'
            f'biex"><pre tabindex="0" class="prism-code codeBlock_bY9V thin-scrollbar"><code class="codeBlockLines">'
            f'{spans}</code></pre><div class="buttonGroup"><button type="button" aria-label="Copy code to clipboard"'
            f' title="Copy" class="clean-btn"><span aria-hidden="true">{_ICON}</span></button></div></div></div>'
        )

    body = _CODE_BLOCK.sub(code, _HEADING.sub(heading, body))
    return body, f'<div class="tableOfContents_bqdL"><ul class="table-of-contents">{"".join(toc)}</ul></div>'


def _python_markdown(markdown: str) -> tuple[str, str]:
    """(article, table of contents): Python-Markdown's own TOC at the article's top, a pilcrow after each heading."""
    python_markdown = importlib.import_module("markdown")  # optional: measurements only, where it is installed
    converter = python_markdown.Markdown(
        extensions=["tables", "fenced_code", "toc"], extension_configs={"toc": {"permalink": True}}
    )
    article = converter.convert(markdown)
    return f"{converter.toc}{article}", ""


#: Renderer name -> Markdown to (article HTML, table of contents HTML or "").
RENDERERS: dict[str, Callable[[str], tuple[str, str]]] = {
    "markdown-it": _markdown_it,
    "github": _github,
    "docusaurus": _docusaurus,
}
if importlib.util.find_spec("markdown") is not None:
    RENDERERS["python-markdown"] = _python_markdown

_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>API Guide - NHN Cloud User Guide</title>
<link rel="stylesheet" href="/static/css/docs.css">
<script>window.dataLayer = window.dataLayer || [];</script>
</head>
<body>
<header id="header" class="gnb">
<div class="logo"><a href="/en/">NHN Cloud Docs</a></div>
<nav class="gnb-menu"><a href="/en/Compute/">Compute</a> <a href="/ko/">한국어</a></nav>
<form class="search" action="/search"><input type="search" name="q" placeholder="Search"><button>Search</button></form>
</header>
<div id="container">
<aside class="lnb"><ul>
<li><a href="overview/">Overview</a></li>
<li class="active"><a href="api-guide/">API Guide</a></li>
<li><a href="release-notes/">Release Notes</a></li>
</ul></aside>
<main class="content">
<nav class="breadcrumb" aria-label="breadcrumb"><ol><li><a href="/en/">Home</a></li><li>API Guide</li></ol></nav>
<div class="doc-wrap">
<article class="markdown-body">
{article}
</article>
{toc}
</div>
<div class="page-tools d-print-none"><a class="edit-link" href="https://github.com/TOAST-DOCS/">Edit this page</a></div>
<a href="#header" class="btn-top">TOP</a>
</main>
</div>
<footer class="footer"><p>&copy; NHN Cloud Corp. All rights reserved.</p></footer>
<script src="/static/js/docs.js"></script>
</body>
</html>
"""


def site_page(markdown: str, renderer: str) -> str:
    """``markdown`` rendered by ``renderer`` (a key of :data:`RENDERERS`) inside the site template."""
    article, toc = RENDERERS[renderer](markdown)
    return _TEMPLATE.replace("{article}", article).replace("{toc}", toc)


# --- comparison ----------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Comparison:
    """One guide read from its Markdown and from one HTML rendering."""

    guide: str
    renderer: str
    markdown_operations: int
    html_operations: int
    #: operations compared (matched by position when both lists have the same method, path and version order)
    compared: int = 0
    same: int = 0
    fields: int = 0
    fields_same: int = 0
    #: title -> the fields that differ
    differing: dict[str, list[str]] = field(default_factory=dict)
    error: str = ""

    @property
    def lists_agree(self) -> bool:
        return not self.error and self.compared == self.markdown_operations == self.html_operations


def _read(text: str, page: str, format: str) -> tuple[list[tuple[Any, ...]], list[Any]]:
    services = NhnDialect().read(read_page(text, page=page, format=format), PageInfo(page))
    return operations(services), service_fields(services)


def compare(guide: Path, renderer: str) -> Comparison:
    """Read ``guide`` and its rendering by ``renderer``; the operations and fields that read the same."""
    markdown = guide.read_text(encoding="utf-8")
    try:
        from_markdown, markdown_service = _read(markdown, guide.name, "markdown")
    except LocatedError:
        from_markdown, markdown_service = [], []  # an excerpt without operations: its HTML must give none either
    try:
        from_html, html_service = _read(site_page(markdown, renderer), guide.stem + ".html", "html")
    except LocatedError as exc:
        if not from_markdown:
            return Comparison(guide.name, renderer, 0, 0)
        return Comparison(guide.name, renderer, len(from_markdown), 0, error=str(exc))
    result = Comparison(guide.name, renderer, len(from_markdown), len(from_html))
    result.fields += len(SERVICE_FIELDS)
    differing_service = [
        name for name, a, b in zip(SERVICE_FIELDS, markdown_service, html_service, strict=True) if a != b
    ]
    result.fields_same += len(SERVICE_FIELDS) - len(differing_service)
    if differing_service:
        result.differing[SERVICE] = differing_service
    if [op[1:4] for op in from_markdown] != [op[1:4] for op in from_html]:
        # operations added or lost: compare those that match by method, path and version, each used once
        unmatched = list(from_html)
        pairs = []
        for md in from_markdown:
            match = next((h for h in unmatched if h[1:4] == md[1:4]), None)
            if match is not None:
                unmatched.remove(match)
                pairs.append((md, match))
            else:
                result.differing[md[0]] = ["missing"]
        result.fields += len(FIELDS) * (len(from_markdown) - len(pairs))
    else:
        pairs = list(zip(from_markdown, from_html, strict=True))
    for md, ht in pairs:
        result.compared += 1
        result.fields += len(FIELDS)
        differing = [name for name, a, b in zip(FIELDS, md, ht, strict=True) if a != b]
        result.fields_same += len(FIELDS) - len(differing)
        if differing:
            result.differing[md[0]] = differing
        else:
            result.same += 1
    return result


def _block_key(block: Block) -> tuple[Any, ...]:
    """A block as the dialects see it, without its line (a code block without a language counts as ``text``)."""
    if isinstance(block, Heading):
        return ("heading", block.level, block.title)
    if isinstance(block, Paragraph):
        return ("paragraph", block.text)
    if isinstance(block, Table):
        return ("table", block.header, tuple(row.cells for row in block.rows))
    return ("code", block.language or "text", block.text)


def compare_blocks(guide: Path, renderer: str) -> tuple[int, int]:
    """(blocks of the Markdown reading found in the same order in the HTML reading, blocks of the Markdown
    reading): the reader-level parity under the spec's, which finds differences no operation shows yet."""
    markdown = guide.read_text(encoding="utf-8")
    ours = [_block_key(b) for b in read_page(markdown, page=guide.name, format="markdown").blocks]
    theirs = [_block_key(b) for b in read_page(site_page(markdown, renderer), page="g.html", format="html").blocks]
    matcher = difflib.SequenceMatcher(a=ours, b=theirs, autojunk=False)
    return sum(match.size for match in matcher.get_matching_blocks()), len(ours)


def guides(paths: Iterable[Path]) -> list[Path]:
    """The Markdown files among ``paths`` (folders: their ``*.md``, not recursive; README.md left out)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.glob("*.md") if p.name != "README.md"))
        elif path.suffix == ".md":
            found.append(path)
    return found


def _default_guides() -> list[Path]:
    unseen = ROOT / "tests" / "fixtures" / "nhn" / "unseen"
    return guides([ROOT / "pages" / "nhn", unseen / "guides", unseen])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.dialects.html_rendering", description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="Markdown guides or folders of them")
    parser.add_argument("--quiet", action="store_true", help="totals only")
    args = parser.parse_args(argv)
    selected = guides(args.paths) if args.paths else _default_guides()
    for renderer in RENDERERS:
        totals = [0, 0, 0, 0, 0, 0]  # operations same, operations (Markdown), fields same, fields, blocks same, blocks
        for guide in selected:
            result = compare(guide, renderer)
            blocks_same, blocks = compare_blocks(guide, renderer)
            totals[4] += blocks_same
            totals[5] += blocks
            totals[0] += result.same
            totals[1] += result.markdown_operations
            totals[2] += result.fields_same
            totals[3] += result.fields
            if args.quiet or (not result.differing and result.lists_agree):
                continue
            print(f"{renderer} {guide.name}: {result.markdown_operations} md / {result.html_operations} html ops")
            if result.error:
                print(f"    error: {result.error}")
            for title, names in result.differing.items():
                print(f"    {title}: {', '.join(names)}")
        print(
            f"{renderer}: {len(selected)} guides, operations equal {totals[0]}/{totals[1]},"
            f" fields equal {totals[2]}/{totals[3]}, reader blocks equal {totals[4]}/{totals[5]}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
