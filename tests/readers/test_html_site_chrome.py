"""What documentation sites add around a rendered guide is not read as the guide's content.

The shapes are those of the site generators that render Markdown to HTML (see ``tests/dialects/html_rendering.py``):
a heading's permalink (VuePress/GitHub ``<a class="anchor" href="#id">#</a>`` before the text, Python-Markdown's
``toc`` and Sphinx ``<a class="headerlink" href="#id">&para;</a>`` after it, Docusaurus' ``hash-link`` holding a
zero-width space, GitHub's empty anchor holding an ``<svg>`` icon).
"""

from __future__ import annotations

import pytest

from scraper.document import CodeBlock, Heading, Paragraph, Table
from scraper.readers import read_page


def _blocks(body: str) -> list[object]:
    return read_page(f"<html><body><article>{body}</article></body></html>", page="p.html", format="html").blocks


@pytest.mark.parametrize(
    "heading",
    [
        '<h3 id="list-volumes"><a class="anchor" href="#list-volumes" aria-hidden="true">#</a> List Volumes</h3>',
        '<h3 id="list-volumes">List Volumes<a class="headerlink" href="#list-volumes" title="Permanent link">&para;'
        "</a></h3>",
        '<h3 id="list-volumes">List Volumes<a href="#list-volumes" class="hash-link">\u200b</a></h3>',
        '<h3><a id="user-content-lv" class="anchor" href="#lv"><svg class="octicon"><path d="M0"></path></svg></a>'
        "List Volumes</h3>",
        '<h3 id="lv">List Volumes <a class="header-anchor" href="#lv">\u00a7</a></h3>',
    ],
)
def test_a_headings_permalink_is_not_part_of_its_title(heading: str) -> None:
    assert _blocks(heading) == [Heading("List Volumes", 3, 1)]


def test_a_link_to_a_section_that_has_words_is_text() -> None:
    """Only a symbol-only link is a permalink: ``[see Volumes](#volumes)`` and a footnote mark are the guide's."""
    blocks = _blocks('<h3>Volumes <a href="#note">1</a></h3><p>See <a href="#volumes">Volumes</a>.</p>')
    assert blocks == [Heading("Volumes 1", 3, 1), Paragraph("See Volumes.", 1)]


def test_a_markdown_heading_left_as_text_by_the_renderer_is_a_heading() -> None:
    """TOAST-DOCS/Gamebase ``en/api-guide.md``: a ``<br/>`` line straight over ``#### Get IdP Token``. CommonMark
    opens a raw HTML block at the ``<br/>`` and leaves the heading line in it as text, so the site's HTML shows
    ``#### Get IdP Token``; the Markdown reader repairs the source, and the HTML reader reads the line as the heading
    it is, saying so (``inferred``). A ``#`` line inside a paragraph or code is the text the page writes."""
    blocks = _blocks(
        "<p>Before</p>\n<br/>\n#### Get IdP Token\nloose text\n<p>After</p>\n<p># not a heading</p>\n"
        "<pre><code>## not either</code></pre>"
    )
    assert [type(b).__name__ for b in blocks] == [
        "Paragraph",
        "Heading",
        "Paragraph",
        "Paragraph",
        "Paragraph",
        "CodeBlock",
    ]
    heading = blocks[1]
    assert isinstance(heading, Heading)
    assert (heading.title, heading.level, heading.line) == ("Get IdP Token", 4, 3)
    assert "raw HTML" in heading.inferred
    assert blocks[2] == Paragraph("loose text", 4)
    assert blocks[4] == Paragraph("# not a heading", 6)


def test_a_heading_line_a_renderer_read_into_a_table_is_a_heading() -> None:
    """TOAST-DOCS/Deploy ``en/api-guide-v2.1.md``: a ``##### Sample Request For cURL`` line straight under a table.
    GFM ends the table at the heading; Python-Markdown's ``tables`` (MkDocs) continues it over the line, so the
    site's HTML has a last row ``##### Sample Request For cURL`` with every other cell empty, which read as a query
    parameter of that name. It is the heading, marked inferred; the rows above stay the table."""
    blocks = _blocks(
        "<table>\n<thead><tr><th>Name</th><th>Type</th></tr></thead>\n<tbody>\n"
        "<tr><td>artifactName</td><td>String</td></tr>\n"
        "<tr><td>##### Sample Request For cURL</td><td></td></tr>\n"
        "<tr><td>a line under it</td><td></td></tr>\n"
        "</tbody></table>\n<pre><code>curl</code></pre>"
    )
    assert [type(b).__name__ for b in blocks] == ["Table", "Heading", "Paragraph", "CodeBlock"]
    table, heading, paragraph = blocks[:3]
    assert isinstance(table, Table) and [row.cells for row in table.rows] == [("artifactName", "String")]
    assert isinstance(heading, Heading)
    assert (heading.title, heading.level, heading.line) == ("Sample Request For cURL", 5, 5)
    assert "table" in heading.inferred
    assert paragraph == Paragraph("a line under it", 6)


def test_a_row_holding_a_hash_among_other_cells_is_a_row() -> None:
    blocks = _blocks("<table><tr><th>Name</th><th>Type</th></tr><tr><td># count</td><td>Integer</td></tr></table>")
    assert len(blocks) == 1 and isinstance(blocks[0], Table) and blocks[0].rows[0].cells == ("# count", "Integer")


def test_an_images_alt_text_is_its_text_as_in_the_markdown() -> None:
    """``![그림 1 Server Address](...png)`` (TOAST-DOCS/Leaderboard ``en/api-guide.md``): the Markdown reader reads
    the alt text, so the HTML reader reads ``<img alt>`` as that text too, in running text and in cells."""
    blocks = _blocks(
        '<p><img src="a.png" alt="그림 1 Server Address"></p>\n<p>see <img src="i.png" alt="icon"> here<img src="x">'
        '</p>\n<table><tr><th>Name</th></tr><tr><td><img alt="flag"> on</td></tr></table>'
    )
    assert blocks[:2] == [Paragraph("그림 1 Server Address", 1), Paragraph("see icon here", 2)]
    assert isinstance(blocks[2], Table) and blocks[2].rows[0].cells == ("flag on",)


@pytest.mark.parametrize(
    "toc",
    [
        '<div class="toc"><ul><li><a href="#volume">Volume</a><ul><li><a href="#list">List Volumes</a></li></ul>'
        "</li></ul></div>",  # Python-Markdown's toc extension, MkDocs
        '<ul class="table-of-contents"><li><a href="#list">List Volumes</a></li></ul>',  # Docusaurus, VuePress
        '<div class="tableOfContents_bqdL"><ul><li><a href="#list">List Volumes</a></li></ul></div>',  # Docusaurus
        '<ul id="markdown-toc"><li><a href="#list">List Volumes</a></li></ul>',  # Jekyll's kramdown
        '<div class="md-toc"><ol><li><a href="#list">List Volumes</a></li></ol></div>',
    ],
)
def test_a_generated_table_of_contents_is_not_content(toc: str) -> None:
    """A site's table of contents repeats the headings as a list of links; read as content it became the service's
    description (every heading title, from a Python-Markdown rendering of Block Storage's guide)."""
    assert _blocks(f"{toc}<h2>Volume</h2><p>Text</p>") == [Heading("Volume", 2, 1), Paragraph("Text", 1)]


def test_a_word_holding_toc_is_not_a_table_of_contents() -> None:
    blocks = _blocks('<div class="protocol"><p>TCP</p></div><div class="stock-list"><p>Items</p></div>')
    assert blocks == [Paragraph("TCP", 1), Paragraph("Items", 1)]


def test_markdown_a_renderer_left_as_text_under_a_br_is_read_as_markdown() -> None:
    """A lone ``<br>`` line straight over a quote or a table (TOAST-DOCS/IAP ``ko/api-guide.md``: ``<br/>`` over
    ``> [참고]``): CommonMark opens a raw HTML block at the ``<br>`` that runs to the next blank line, so the site's
    HTML shows the Markdown as text (``> [참고] > ...``, a table as ``| a | b |`` lines). The Markdown reader repairs
    the source; the HTML reader reads such text as the Markdown it is, so both give the same blocks."""
    html = (
        "<p>Intro</p>\n<br/>\n> [Note]  \n> old API is deprecated\n<p>After</p>\n"
        "<br>\n| Name | Type |\n| --- | --- |\n| id | String |\n<p>End</p>\n"
        "<div>- plain text<br>\n- not after a br</div>"
    )
    blocks = _blocks(html)
    assert blocks[:3] == [Paragraph("Intro", 1), Paragraph("[Note]\nold API is deprecated", 3), Paragraph("After", 5)]
    table = blocks[3]
    assert isinstance(table, Table) and table.header == ("Name", "Type") and table.line == 7
    assert [row.cells for row in table.rows] == [("id", "String")] and table.rows[0].line == 9
    assert blocks[4:] == [Paragraph("End", 10), Paragraph("- plain text", 11), Paragraph("- not after a br", 12)]


@pytest.mark.parametrize(
    "code",
    [
        '<div class="highlight highlight-source-json notranslate"><pre>{"a": 1}</pre></div>',  # GitHub
        '<div class="highlight-json notranslate"><div class="highlight"><pre>{"a": 1}</pre></div></div>',  # Sphinx
        '<div class="language-json codeBlockContainer"><div class="codeBlockContent"><pre class="prism-code">'
        '<code class="codeBlockLines"><span class="token-line">{"a": 1}<br></span></code></pre></div></div>',
        '<div class="highlight"><pre class="chroma"><code data-lang="json">{"a": 1}</code></pre></div>',  # Hugo
    ],
)
def test_a_code_blocks_language_is_read_from_its_wrapper(code: str) -> None:
    """Sites put the language on an element around the ``<pre>`` (GitHub, Sphinx, Docusaurus) rather than on it or
    its ``<code>``; the dialect reads an XML or JSON body by it, so it is read from there too."""
    assert _blocks(code) == [CodeBlock('{"a": 1}', 1, "json")]


def test_a_language_further_out_than_the_code_blocks_wrapper_is_not_its_language() -> None:
    assert _blocks('<div class="language-json"><section><div><div><pre>x</pre></div></div></section></div>') == [
        CodeBlock("x", 1, None)
    ]


def test_a_code_blocks_blank_lines_are_kept_as_the_markdown_reader_keeps_them() -> None:
    """A fence whose code opens or ends with a blank line (RDS, Alimtalk, kms guides): markdown-it writes
    ``<pre><code>\\n{...}\\n\\n</code></pre>``. Only a line break straight after ``<pre>`` is dropped (HTML's rule)
    and the last line's own line break; the blank lines are the code's, as the Markdown reader reads them."""
    assert _blocks('<pre><code class="language-json">\n{\n}\n\n</code></pre><pre>\nx\n</pre>') == [
        CodeBlock("\n{\n}\n", 1, "json"),
        CodeBlock("x", 5, None),
    ]


@pytest.mark.parametrize(
    "button",
    [
        '<a href="#header" class="btn-top">TOP</a>',
        '<a href="#top">Back to top</a>',
        '<a class="back-to-top" href="#">↑</a>',
        '<a href="#wrap">맨 위로</a>',
        '<p><a href="#page" class="scroll-top">ページの先頭へ</a></p>',
    ],
)
def test_a_back_to_top_button_is_not_content(button: str) -> None:
    # a site's "TOP" button after the article read as a paragraph ``TOP`` after the last operation's response (OTP's
    # "공통 응답 본문" alone, a reference to the common response, no longer stood alone)
    assert _blocks(f"<p>공통 응답 본문</p>{button}") == [Paragraph("공통 응답 본문", 1)]


def test_a_link_to_a_section_named_like_top_is_text() -> None:
    blocks = _blocks('<p>See <a href="#top-sellers">Top sellers</a>.</p>')
    assert blocks == [Paragraph("See Top sellers.", 1)]
