"""Pages saved by other tools are read as they say they are encoded (a byte-order mark, a declared charset);
undeclared non-UTF-8 bytes stay a located error."""

from __future__ import annotations

import codecs

import pytest

from scraper.document import ReaderError
from scraper.readers import read_page
from scraper.readers.page_encoding import decode_page
from tests.paths import PAGES

_GUIDE = PAGES / "nhn" / "Traffic-Mirroring__en__public-api.md"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-8"])
def test_a_byte_order_mark_names_the_encoding(codec: str) -> None:
    text = _GUIDE.read_text(encoding="utf-8")
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
        "utf-8": codecs.BOM_UTF8,
    }[codec]
    saved = read_page(bom + text.encode(codec), page="g.md", format="markdown")
    assert saved == read_page(text, page="g.md", format="markdown")


@pytest.mark.parametrize(
    "declaration",
    [b'<meta charset="euc-kr">', b"<meta http-equiv='Content-Type' content='text/html; charset=EUC-KR'>"],
)
def test_an_html_page_declaring_its_charset_is_read_in_it(declaration: bytes) -> None:
    html = "<html><head>{}</head><body><h2>인스턴스 목록 보기</h2><p>GET /v2/{{tenantId}}/servers</p></body></html>"
    raw = html.format(declaration.decode()).encode("euc-kr")
    assert "인스턴스 목록 보기" in decode_page(raw, "p.html")


def test_undeclared_bytes_that_are_not_utf8_are_a_located_error() -> None:
    raw = "line one\nline two\ncaf\u00e9\n".encode("latin-1")
    with pytest.raises(ReaderError, match=r"^p\.md:3: page is not UTF-8 .* declares no other charset"):
        decode_page(raw, "p.md")


def test_bytes_that_contradict_their_declaration_are_a_located_error() -> None:
    raw = b'<meta charset="us-ascii"><p>caf\xc3\xa9 \xff</p>'
    with pytest.raises(ReaderError, match=r"^p\.html: page is not ascii as its declared charset 'ascii' says"):
        decode_page(raw, "p.html")


def test_an_unknown_declared_charset_is_not_guessed() -> None:
    with pytest.raises(ReaderError, match="declares no other charset"):
        decode_page(b'<meta charset="klingon-8">\xff\xfe\xfa', "p.html")
