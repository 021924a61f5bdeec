"""How a printed SCP page is written out: the site's two text renderings (pipe, squashed) and its HTML, in English
or Korean. ``tests/build/scp_page_printer.py`` decides what the page says; a rendering decides only how it looks.

What each rendering follows, from stored pages (``pages/scp/001`` pipe, ``pages/scp/004`` squashed,
``tests/fixtures/html/scp_storage_print.html`` and ``scp_single_operation_print.html`` HTML;
``/work/shared/docs/format-notes.md`` maps the text ones) and excerpts of real ``_print`` pages:

- HTML (the Docsy print view): a ``pageinfo`` box with the preamble, the page title as ``<h1 class="title">``,
  every numbered heading (``1 - APIs``, ``1.3 - Create Widget``, ``1.3.1 - 1.0``, ``2.4 - Widget``) as an
  ``<h1 id="pg-...">`` opening a ``<div class="td-content">`` of its own; the overview's labels as ``<h2>``, a
  version page's as ``<h3>``; ``<p><strong>State</strong> <span class="badge">ACTIVE (X)</span></p>``; the
  deprecation sentence in an ``alert`` box; the method as a badge beside the ``<code>`` path; tables with
  ``<thead>``/``<tbody>``, a cell's lines joined by ``<br>``, the required/optional flag in ``<em>``; the request
  path in ``<p><code>``, the request header in ``<pre><code>``, JSON in Hugo's chroma-highlighted
  ``<div class="highlight"><pre><code class="language-json">`` (one ``<span class="line">`` per line, 2-space
  indentation, quotes as ``&#34;``); ``Request path`` / ``Request header`` / ``Request body`` / ``Response N`` as
  ``<p><strong>`` labels. Every table row keeps all its cells (the text renderings' dropped cells are the text
  conversion's). Around the content, the site's chrome as the stored pages have it: navigation bar, sidebar,
  in-page table of contents, and after the content a feedback box (``<h2>Feedback: ...``), a footer, scripts.
- Korean (the ``/apireference/...`` pages without ``/en/``): the preamble, the two overview sentences, the
  deprecation sentence, the ``상태`` label and the per-page version table's header (``버전 | 최소 지원 보장일``) are
  Korean and the request header says ``Accept-Language = ko-KR``; the section labels (``Overview``, ``Version``,
  ``Description``, ``Parameters``, ...), the overview version table (``Version | Status | Supported Until``) and
  every column header stay English, as the Korean ``dns``, ``support``, ``platform`` and ``scf`` ``_print``
  excerpts show. Descriptions are the document's (Samsung's documents are English; the Korean pages' descriptions
  are Korean, which changes no field the comparison reads).

Where no stored page shows a shape, the renderings say what they do rather than guess silently:

- No stored HTML page numbers its headings at any level but ``<h1>``, so every numbered heading is an ``<h1>``
  (``HtmlRendering(heading_levels="depth")`` writes ``<h1>``..``<h5>`` by the number's depth instead: the SCP
  dialect reads headings by their numbers, and the 28 oracle documents read the same either way);
  no stored page shows the Korean ``Return to the regular view`` line, so it stays English (as the Korean squashed
  synthetic page in ``tests/fixtures/scp/unseen`` has it).
- No stored Korean page shows a DEPRECATED version page's own deprecation sentence; the Korean sentence is printed
  there as the English pages print theirs.
- The table of contents (``- 1.2.1: 1.0`` lines in the pipe rendering, nested ``<ul>`` in HTML, as
  ``pages/scp/001`` and the stored HTML show) lists every numbered heading; no squashed page shows one (the
  Korean and English squashed excerpts go from the title straight to the first heading), so it prints none.
- The HTML ``id`` of a numbered heading is ``pg-`` and a digest of its text (the site's is a digest of the page's
  path, which a printed page does not have).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass
from typing import Any

#: the labels a constraint line starts with (glued onto the text before it in the pipe rendering)
CONSTRAINT_LABELS = ("Pattern : ", "Minimum length : ", "Maximum length : ", "Minimum : ", "Maximum : ")


@dataclass(frozen=True)
class Language:
    """The words a page prints in one language; everything else on an SCP page is English in both."""

    code: str
    preamble: str
    return_line: str
    overview: tuple[str, str]  # two sentences, ``{title}`` standing for the service's title
    deprecation: str
    state_label: str
    page_versions_header: tuple[str, str]
    overview_until: str
    accept_language: str


ENGLISH = Language(
    code="en",
    preamble="This is the multi-page printable view of this section. Click here to print.",
    return_line="Return to the regular view of this page.",
    overview=(
        "Provides an Application Programming Interface (API) that supports programmatic use of IaaS/PaaS products"
        " provided by SCP.",
        "This guide provides a brief description of {title} service and how to call API. The API is provided as a"
        " RESTful API, and it responds in JSON format.",
    ),
    deprecation=(
        "Deprecated versions with Not Before dates that have arrived or expired are no longer supported. "
        "We recommend using the latest version."
    ),
    state_label="State",
    page_versions_header=("Version", "Not Before"),
    overview_until="Not Before",
    accept_language="en-US",
)

# The Korean words as the synthetic Korean pages of tests/fixtures/scp/unseen (make_pages.py) already spell them.
KOREAN = Language(
    code="ko",
    preamble="이 섹션의 다중 페이지 출력 화면임. 여기를 클릭하여 프린트.",
    return_line="Return to the regular view of this page.",
    overview=(
        "SCP에서 제공하는 IaaS/PaaS 상품을 프로그램적으로 이용할 수 있도록 지원하는 응용 프로그램 인터페이스"
        "(Application Programming Interface, API)를 제공합니다.",
        "본 가이드는 {title} 서비스에 대한 간략한 설명 및 API를 호출하는 방법을 제공합니다. API는 RESTful API"
        " 방식으로 제공되며, JSON 형식으로 응답합니다.",
    ),
    deprecation=(
        "Not Before 기간이 도래하거나 만료된 Deprecated 버전은 더 이상 지원하지 않습니다. 최신 버전 사용을 권장합니다."
    ),
    state_label="상태",
    page_versions_header=("버전", "최소 지원 보장일"),
    overview_until="Supported Until",
    accept_language="ko-KR",
)

LANGUAGES = {language.code: language for language in (ENGLISH, KOREAN)}
RENDERINGS = ("pipe", "squashed", "html")


@dataclass(frozen=True)
class ParameterRow:
    location: str
    name: str
    flag: str
    description: list[str]
    schema: str
    default: list[str]

    @property
    def body(self) -> bool:
        return self.location == "body"


@dataclass(frozen=True)
class ModelRow:
    name: str
    flag: str
    description: list[str]
    schema: str
    default: list[str]


class PageRendering:
    """What a rendering is told, element by element, in page order; ``text()`` is the page."""

    def preamble(self) -> None:
        raise NotImplementedError

    def title(self, text: str) -> None:
        raise NotImplementedError

    def contents(self, entries: list[tuple[str, str]]) -> None:
        """The table of contents under the page title: every numbered heading's number and title."""
        raise NotImplementedError

    def heading(self, number: str, title: str) -> None:
        """A numbered heading (``1.3.1 - 1.0``)."""
        raise NotImplementedError

    def label(self, text: str, level: int) -> None:
        """A section label: 2 in the overview (``Version``), 3 on a version page (``Parameters``)."""
        raise NotImplementedError

    def paragraphs(self, *lines: str, together: bool = False) -> None:
        """Paragraphs, one a line; ``together``: one text block (a Description's lines, no blank line between
        them in the squashed rendering)."""
        raise NotImplementedError

    def notice(self, text: str) -> None:
        """The deprecation sentence."""
        raise NotImplementedError

    def method(self, method: str, path: str) -> None:
        raise NotImplementedError

    def state(self, label: str, status: str) -> None:
        raise NotImplementedError

    def strong(self, text: str) -> None:
        """A bold label on a line of its own (``Request path``, ``Response 200``)."""
        raise NotImplementedError

    def request_path(self, path: str) -> None:
        raise NotImplementedError

    def header_lines(self, lines: list[str]) -> None:
        raise NotImplementedError

    def json(self, value: Any) -> None:
        raise NotImplementedError

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        """A table of one-line cells (versions, regions, responses)."""
        raise NotImplementedError

    def parameter_table(self, rows: list[ParameterRow]) -> None:
        raise NotImplementedError

    def model_table(self, rows: list[ModelRow]) -> None:
        raise NotImplementedError

    def text(self) -> str:
        raise NotImplementedError


PARAMETER_HEADER = ["Type", "Name", "Description", "Schema", "Default"]
MODEL_HEADER = ["Name", "Description", "Schema", "Default"]


class TextRendering(PageRendering):
    """The site's text renderings: ``pipe`` (pipe tables, JSON unindented, one block a line) and ``squashed``
    (a blank line between blocks, a row's cells concatenated, JSON indented by 4)."""

    def __init__(self, language: Language, squashed: bool) -> None:
        self.language = language
        self.squashed = squashed
        self.blocks: list[list[str]] = []

    def block(self, *lines: str) -> None:
        self.blocks.append(list(lines))

    def preamble(self) -> None:
        self.block(self.language.preamble)
        if self.squashed:
            self.block(self.language.return_line)

    def title(self, text: str) -> None:
        self.block(text)

    def contents(self, entries: list[tuple[str, str]]) -> None:
        if not self.squashed:  # no squashed page shows one
            self.block(*[f"- {number}: {title}" for number, title in entries])

    def heading(self, number: str, title: str) -> None:
        self.block(f"{number} - {title}")

    def label(self, text: str, level: int) -> None:
        self.block(text)

    def paragraphs(self, *lines: str, together: bool = False) -> None:
        for block in [list(lines)] if together else [[line] for line in lines]:
            self.block(*block)

    def notice(self, text: str) -> None:
        self.block(text)

    def method(self, method: str, path: str) -> None:
        self.block(f"{method} {path}")

    def state(self, label: str, status: str) -> None:
        self.block(f"{label} ACTIVE ({status})")

    def strong(self, text: str) -> None:
        self.block(text)

    def request_path(self, path: str) -> None:
        self.block(path)

    def header_lines(self, lines: list[str]) -> None:
        self.block(*lines)

    def json(self, value: Any) -> None:
        lines = json.dumps(value, indent=4, ensure_ascii=False).splitlines()
        self.block(*(lines if self.squashed else [line.lstrip() for line in lines]))

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        if self.squashed:
            self.block("".join(header), *["".join(row) for row in rows])
            return
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        self.block(*lines, *["| " + " | ".join(row) + " |" for row in rows])

    def parameter_table(self, rows: list[ParameterRow]) -> None:
        if not self.squashed:
            lines = ["| " + " | ".join(PARAMETER_HEADER) + " |", "|" + "---|" * len(PARAMETER_HEADER)]
            for row in rows:
                cells = [row.location, f"{row.name} {row.flag}"]
                if not row.body:
                    cells += [pipe_description(row.description), row.schema, " ".join(row.default)]
                else:
                    cells.append(row.schema)
                lines.append("| " + " | ".join(cells) + " |")
            self.block(*lines)
            return
        lines = ["".join(PARAMETER_HEADER)]
        for row in rows:
            lines += [row.location + row.name, row.flag, *(row.description or [""]), row.schema + "".join(row.default)]
        self.block(*lines)

    def model_table(self, rows: list[ModelRow]) -> None:
        if self.squashed:
            lines = ["".join(MODEL_HEADER)]
            for row in rows:
                lines += [row.name, row.flag, *(row.description or [""]), row.schema + "".join(row.default)]
            self.block(*lines)
            return
        lines = ["| " + " | ".join(MODEL_HEADER) + " |", "|" + "---|" * len(MODEL_HEADER)]
        for position, row in enumerate(rows):
            description = [pipe_description(row.description)] if row.description else []
            cells = [f"{row.name} {row.flag}", *description, row.schema]
            last = position == len(rows) - 1
            if row.default:
                cells.append(row.default[0])
            elif not last:
                cells.append("")
            line = "| " + " | ".join(cells) + " |"
            if not row.description and not last and not row.default:
                line = line[:-2] + "||"  # the site's mid-row spelling: `| f req | schema | ||`
            lines.append(line.replace("|  |", "| |"))
        self.block(*lines)

    def text(self) -> str:
        separator = "\n\n" if self.squashed else "\n"
        return separator.join("\n".join(block) for block in self.blocks) + "\n"


def pipe_description(lines: list[str]) -> str:
    """A Description cell in the pipe rendering: ``text Example : v`` with the constraints glued on (the site puts
    each on a line of its own, which the text rendering joins with nothing: ``Example : 10Maximum : 20``)."""
    text = ""
    for line in lines:
        glued = line.startswith(CONSTRAINT_LABELS)
        text += line if glued or not text else " " + line
    return text


class HtmlRendering(PageRendering):
    """The site's HTML print view (Hugo, Docsy theme), as the stored HTML pages show it."""

    def __init__(self, language: Language, page_title: str, heading_levels: str = "flat") -> None:
        self.language = language
        self.heading_levels = heading_levels
        self.lines: list[str] = [
            "<!doctype html>",
            f'<html lang="{language.code}">',
            "<head>",
            '<meta charset="utf-8">',
            f"<title>{_escape(page_title)} | Samsung Cloud Platform</title>",
            "</head>",
            "<body>",
            *_SITE_TOP,
            '<main class="col-12 col-md-9 col-xl-8 ps-md-5" role="main">',
            '<div class="td-content">',
        ]

    def preamble(self) -> None:
        self.lines += [
            '<div class="pageinfo pageinfo-primary d-print-none">',
            f"<p>{_escape(self.language.preamble)}</p>",
            f"<p>{_escape(self.language.return_line)}</p>",
            "</div>",
        ]

    def title(self, text: str) -> None:
        self.lines.append(f'<h1 class="title">{_escape(text)}</h1>')

    def contents(self, entries: list[tuple[str, str]]) -> None:
        depth = 0
        for number, title in entries:
            level = number.count(".") + 1
            self.lines += ["<ul>"] * (level - depth) + ["</ul>"] * (depth - level)
            depth = level
            link = f'<a href="#{_anchor(number, title)}">{_escape(title)}</a>'
            self.lines.append(f"<li>{_escape(number)}: {link}</li>")
        self.lines += ["</ul>"] * depth

    def heading(self, number: str, title: str) -> None:
        text = f"{number} - {title}"
        level = 1 if self.heading_levels == "flat" else min(number.count(".") + 1, 5)
        self.lines += [
            "</div>",
            '<div class="td-content" style="page-break-before: always">',
            f'<h{level} id="{_anchor(number, title)}">{_escape(text)}</h{level}>',
        ]

    def label(self, text: str, level: int) -> None:
        anchor = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
        self.lines.append(f'<h{level} id="{anchor}">{_escape(text)}</h{level}>')

    def paragraphs(self, *lines: str, together: bool = False) -> None:
        self.lines += [f"<p>{_escape(line)}</p>" for line in lines]

    def notice(self, text: str) -> None:
        self.lines += ['<div class="alert alert-warning" role="alert">', _escape(text), "</div>"]

    def method(self, method: str, path: str) -> None:
        badge = f'<span class="badge text-bg-primary">{_escape(method)}</span>'
        self.lines.append(f"<p>{badge} <code>{_escape(path)}</code></p>")

    def state(self, label: str, status: str) -> None:
        badge = f'<span class="badge text-bg-success">ACTIVE ({_escape(status)})</span>'
        self.lines.append(f"<p><strong>{_escape(label)}</strong> {badge}</p>")

    def strong(self, text: str) -> None:
        self.lines.append(f"<p><strong>{_escape(text)}</strong></p>")

    def request_path(self, path: str) -> None:
        self.lines.append(f"<p><code>{_escape(path)}</code></p>")

    def header_lines(self, lines: list[str]) -> None:
        self.lines.append('<pre tabindex="0"><code>' + _escape("\n".join(lines)) + "\n</code></pre>")

    def json(self, value: Any) -> None:
        lines = json.dumps(value, indent=2, ensure_ascii=False).splitlines()
        spans = "".join(f'<span class="line"><span class="cl">{chroma_json(line)}\n</span></span>' for line in lines)
        self.lines.append(
            '<div class="highlight"><pre tabindex="0" class="chroma"><code class="language-json" data-lang="json">'
            + spans
            + "</code></pre></div>"
        )

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        self.html_table(header, [[_escape(cell) for cell in row] for row in rows])

    def html_table(self, header: list[str], rows: list[list[str]]) -> None:
        self.lines += ['<table class="table">', "<thead>", "<tr>"]
        self.lines += [f"<th>{_escape(cell)}</th>" for cell in header]
        self.lines += ["</tr>", "</thead>", "<tbody>"]
        self.lines += ["<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows]
        self.lines += ["</tbody>", "</table>"]

    def parameter_table(self, rows: list[ParameterRow]) -> None:
        cells = [
            [
                _escape(row.location),
                f"{_escape(row.name)} <em>{row.flag}</em>",
                _cell_lines(row.description),
                _escape(row.schema),
                _cell_lines(row.default),
            ]
            for row in rows
        ]
        self.html_table(PARAMETER_HEADER, cells)

    def model_table(self, rows: list[ModelRow]) -> None:
        cells = [
            [
                f"{_escape(row.name)} <em>{row.flag}</em>",
                _cell_lines(row.description),
                _escape(row.schema),
                _cell_lines(row.default),
            ]
            for row in rows
        ]
        self.html_table(MODEL_HEADER, cells)

    def text(self) -> str:
        return "\n".join([*self.lines, "</div>", *_SITE_BOTTOM, "</body>", "</html>"]) + "\n"


#: the site's chrome around the printed content, as the stored HTML pages have it: navigation bar, sidebar, the
#: in-page table of contents, breadcrumbs; after it a feedback box (an ``<h2>`` the print view hides), a footer and
#: scripts. None of it is the page's content, and the reader must leave all of it out.
_SITE_TOP = (
    '<header><nav class="td-navbar js-navbar-scroll" data-bs-theme="dark">',
    '<a class="navbar-brand" href="/"><span class="navbar-brand__name">Samsung Cloud Platform</span></a>',
    '<ul class="navbar-nav"><li class="nav-item"><a class="nav-link" href="/apireference/">API Reference</a></li>',
    '<li class="nav-item"><a class="nav-link" href="/ko/">한국어</a></li></ul>',
    "</nav></header>",
    '<div class="container-fluid td-outer"><div class="td-main"><div class="row flex-xl-nowrap">',
    '<aside class="col-12 col-md-3 col-xl-2 td-sidebar d-print-none"><nav class="td-sidebar-nav">',
    '<ul><li><a href="/apireference/" class="td-sidebar-link">API Reference</a></li></ul>',
    "</nav></aside>",
    '<aside class="d-none d-xl-block col-xl-2 td-sidebar-toc d-print-none"><div class="td-toc">',
    '<nav id="TableOfContents"><ul><li><a href="#overview">Overview</a></li></ul></nav>',
    "</div></aside>",
)
_SITE_BOTTOM = (
    '<div class="d-print-none">',
    '<h2 class="feedback--title">Feedback: was this page helpful?</h2>',
    '<button class="btn btn-primary mb-4 feedback--answer feedback--answer-yes">Yes</button>',
    "</div>",
    "</main>",
    "</div></div></div>",
    '<footer class="td-footer row d-print-none"><div class="container-fluid"><small>&copy; Samsung SDS.</small>'
    "</div></footer>",
    '<script src="/js/main.min.js"></script>',
)


def _anchor(number: str, title: str) -> str:
    """A numbered heading's ``id``, which its table-of-contents entry links to."""
    text = f"{number} - {title}"
    return "pg-" + hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def _cell_lines(lines: list[str]) -> str:
    return "<br>".join(_escape(line) for line in lines)


_JSON_TOKEN = re.compile(
    r'(?P<string>"(?:[^"\\]|\\.)*")(?P<key>\s*:)?|(?P<number>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)'
    r"|(?P<keyword>true|false|null)|(?P<punct>[{}\[\],:])|(?P<space>\s+)"
)


def chroma_json(line: str) -> str:
    """One line of indented JSON as Hugo's chroma highlighter marks it up (``nt`` keys, ``s2`` strings, ``mi``/
    ``mf`` numbers, ``kc`` keywords, ``p`` punctuation; quotes as ``&#34;``)."""
    out: list[str] = []
    position = 0
    for match in _JSON_TOKEN.finditer(line):
        if match.start() != position:  # not JSON as json.dumps writes it: kept as text
            out.append(_code_text(line[position : match.start()]))
        position = match.end()
        if match.group("string") is not None:
            kind = "nt" if match.group("key") else "s2"
            out.append(f'<span class="{kind}">{_code_text(match.group("string"))}</span>')
            if match.group("key"):
                out.append('<span class="p">:</span>')
        elif match.group("number") is not None:
            kind = "mi" if re.fullmatch(r"-?\d+", match.group("number")) else "mf"
            out.append(f'<span class="{kind}">{match.group("number")}</span>')
        elif match.group("keyword") is not None:
            out.append(f'<span class="kc">{match.group("keyword")}</span>')
        elif match.group("punct") is not None:
            out.append(f'<span class="p">{match.group("punct")}</span>')
        else:
            out.append(match.group("space"))
    out.append(_code_text(line[position:]))
    return "".join(out)


def _code_text(text: str) -> str:
    return html.escape(text, quote=False).replace('"', "&#34;")


def rendering_for(rendering: str, language: str, page_title: str) -> PageRendering:
    """The rendering named, in the language named; a ValueError names what is allowed."""
    if rendering not in RENDERINGS:
        raise ValueError(f"rendering must be one of {', '.join(RENDERINGS)}, not {rendering!r}")
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    if rendering == "html":
        return HtmlRendering(LANGUAGES[language], page_title)
    return TextRendering(LANGUAGES[language], squashed=rendering == "squashed")
