"""What documentation sites add around a rendered guide is not read as the guide's content.

The shapes are those of the site generators that render Markdown to HTML (see ``tests/dialects/html_rendering.py``):
a heading's permalink (VuePress/GitHub ``<a class="anchor" href="#id">#</a>`` before the text, Python-Markdown's
``toc`` and Sphinx ``<a class="headerlink" href="#id">&para;</a>`` after it, Docusaurus' ``hash-link`` holding a
zero-width space, GitHub's empty anchor holding an ``<svg>`` icon).
"""

from __future__ import annotations

import pytest

from scraper.document import Heading, Paragraph
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
