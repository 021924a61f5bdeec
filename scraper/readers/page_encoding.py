"""A page's bytes as text: UTF-8, or what the page itself says it is.

Pages are UTF-8 nearly always. The exceptions are pages saved by other tools: a byte-order mark says UTF-16 or
UTF-32 (PowerShell's ``>`` writes UTF-16), and an HTML page saved as its server sent it declares its charset in a
``<meta>`` tag or an XML declaration (``euc-kr`` on older Korean sites). Each is read as it says; nothing is guessed:
bytes that are not UTF-8 and declare nothing are a located error, as before.
"""

from __future__ import annotations

import codecs
import re

from scraper.document import ReaderError
from scraper.spec_input import BYTE_ORDER_MARKS

__all__ = ["decode_page"]

#: ``<meta charset="x">``, ``<meta http-equiv="Content-Type" content="text/html; charset=x">``, ``<?xml ...
#: encoding="x"?>``: where an HTML page declares its charset, within its first bytes (HTML requires the first 1024).
_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9._:-]{1,40})|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})""",
    re.I,
)
_DECLARATION_WINDOW = 4096


def decode_page(raw: bytes, page: str) -> str:
    """``raw`` decoded (a byte-order mark, UTF-8, else a declared charset); raises :class:`ReaderError` naming
    ``page`` and where decoding failed."""
    for bom, codec in BYTE_ORDER_MARKS:
        if raw.startswith(bom):
            return _decode(raw[len(bom) :], codec, page, f"its {codec.upper()} byte-order mark")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = _declared_codec(raw[:_DECLARATION_WINDOW])
        if declared is None or declared == "utf-8":
            raise ReaderError(
                page,
                _line_of(raw, exc.start),
                f"page is not UTF-8 ({exc.reason} at byte {exc.start}) and declares no other charset",
            ) from exc
        return _decode(raw, declared, page, f"its declared charset {declared!r}")


def _declared_codec(head: bytes) -> str | None:
    match = _DECLARED.search(head)
    if match is None:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode(raw: bytes, codec: str, page: str, why: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise ReaderError(page, 0, f"page is not {codec} as {why} says ({exc.reason} at byte {exc.start})") from exc


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1
