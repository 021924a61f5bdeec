"""Hostile and malformed HTML (found by tests/readers/page_fuzz): read in time linear in the page, never a traceback."""

from __future__ import annotations

import gc
import time

import pytest

from scraper.document import Heading
from scraper.readers import html


def _cpu_seconds(text: str) -> float:
    """The least CPU time of three reads (a collection of the garbage of earlier tests can land in any one)."""
    best = float("inf")
    for _ in range(3):
        gc.collect()
        started = time.process_time()
        html.read(text, "deep.html")
        best = min(best, time.process_time() - started)
    return best


def test_headers_nested_thousands_deep_are_read_in_linear_time() -> None:
    """Whether a <header> is chrome (it holds a <nav>, or no heading) was found by searching its subtree, once for
    each nested header: 8,000 nested headers (56 kB) took over a minute. Now one walk decides them all."""
    page = "<html><body>{}<h2>Title</h2></body></html>"
    small, large = (_cpu_seconds(page.format("<header>" * n)) for n in (500, 2000))
    assert large < 8 * max(small, 0.005), (small, large)  # four times the depth: about four times the time
    [heading] = html.read(page.format("<header>" * 50), "deep.html").blocks
    assert isinstance(heading, Heading) and heading.title == "Title"


def test_a_header_is_chrome_when_it_holds_a_nav_or_no_heading() -> None:
    page = (
        "<html><body><header><nav>menu</nav><h1>Site</h1></header><header><p>logo</p></header>"
        "<header><h1>Title</h1></header><p>Body.</p></body></html>"
    )
    blocks = html.read(page, "chrome.html").blocks
    assert [getattr(b, "title", getattr(b, "text", None)) for b in blocks] == ["Title", "Body."]


def test_many_void_elements_are_looked_up_by_count_not_in_a_growing_list() -> None:
    """html.parser's builder looked every end tag up in a list of the void elements (``<br>``, ``<img>``) seen so
    far: a page of n line breaks and n paragraphs cost n x n (an NHN guide repeated to 4 MB: 10.6 s, 8 MB: 35 s).
    The work is counted, not timed: after 24,000 void elements and 24,000 end tags the builder's pending list holds
    no name (every lookup is a count), and what it answers is what the list would."""
    page = "<html><body>{}</body></html>"
    seen: list[object] = []
    original = html._Parser.__init__

    def remember(self: html._Parser, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)
        seen.append(self.already_closed_empty_element)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(html._Parser, "__init__", remember)
        html.read(page.format("<br>" * 24000 + "<b>x</b>" * 24000), "many.html")
    [pending] = seen
    assert isinstance(pending, html._PendingVoidTags)
    assert list.__len__(pending) == 0  # nothing for a lookup to walk
    assert "br" in pending and "img" not in pending  # 24,000 line breaks wait for an end tag that never comes
    pending.append("img")
    assert "img" in pending
    pending.remove("img")
    assert "img" not in pending
    blocks = html.read(page.format("<p>a<br>b</p><p>c<img src=x>d</p>"), "void.html").blocks
    assert [getattr(b, "text", None) for b in blocks] == ["a\nb", "cd"]
