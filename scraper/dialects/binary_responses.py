"""A response documented as a file, an image or a sound rather than a JSON body: its media type, and why.

NHN guides document such responses without a field table or a JSON example, so the dialect read them as "no
response body" (204): Deploy's "Download Binary" says ``Content-Type: `application/octet-stream` `` under its
response, Object Storage's "Download an Object" says "Data content of the object is returned to stream", and
CAPTCHA shows the image call as an HTML ``<img src="https://.../keys/{key}/img">`` and the sound call as
``new Audio("https://.../keys/{key}/sound")``. A client of a 204 throws the file away.

The evidence is read in order of strength: a binary media type written in the response's own text; an example that
uses the operation's own URL as the source of an image, a sound or a video; a sentence of the response saying it
returns a file, a stream or an image. A JSON or text media type is never binary; nothing is read from the
operation's name or path words alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["binary_media"]

#: Media types whose body is bytes a client keeps as they are (JSON, XML and text types are read, not kept). ASCII
#: only: a Japanese word glued to a type (``audio/wavまたはaudio/mpeg``, または: or) is no part of it.
_BINARY_TYPE = re.compile(
    r"\b((?:image|audio|video)/[a-z0-9][\w.+-]*"
    r"|application/(?:octet-stream|pdf|zip|gzip|x-gzip|x-tar|x-zip-compressed|vnd\.[\w.-]+(?<!json)(?<!xml)))",
    re.IGNORECASE | re.ASCII,
)
#: An example using a URL as the source of a media element: the element's kind and the URL.
_MEDIA_SOURCE = (
    (re.compile(r"<img\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)", re.IGNORECASE), "image/*", "an image"),
    (
        re.compile(r"<audio\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)|\bnew\s+Audio\(\s*[\"']([^\"']+)", re.IGNORECASE),
        "audio/*",
        "a sound",
    ),
    (re.compile(r"<video\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)", re.IGNORECASE), "video/*", "a video"),
)
#: Sentences of a response saying what comes back is a file or a stream (en, ko, ja).
_RETURNS_FILE = re.compile(
    r"\b(?:returned|returns?|sent|downloads?|responds?)\b[^.]{0,40}?\b(?:to|as|in|a|an|the)?\s*"
    r"(?:binary(?: file)?|file|stream|image file)\b"
    r"|\b(?:binary|file|stream)\b[^.]{0,40}?\b(?:is|are) (?:returned|sent|downloaded)\b"
    r"|(?:파일|바이너리|스트림)(?:을|를|으로|로)?\s*(?:다운로드|반환|응답|전달)"
    r"|(?:ファイル|バイナリ|ストリーム)(?:を|で|として)?\s*(?:ダウンロード|返(?:し|す|却)|レスポンス)",
    re.IGNORECASE,
)
#: The same, saying an image is returned.
_RETURNS_IMAGE = re.compile(
    r"\b(?:returns?|returned|responds? with)\b[^.]{0,20}?\bimage\b(?! (?:id|url|name|key|list|information))"
    r"|이미지(?:를|가)?\s*(?:반환|응답)|画像を返",
    re.IGNORECASE,
)


#: The response is said to be a 204, which has no body.
_NO_CONTENT = re.compile(r"\b204\b|no content\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.。])\s+|\n")
_ABOUT_THE_REQUEST = re.compile(r"\brequests?\b|요청|リクエスト", re.IGNORECASE)


def _path_pattern(path: str) -> re.Pattern[str]:
    """A URL ending in ``path`` (each placeholder any one segment), with any query string."""
    pieces = re.split(r"\{[^}]+\}", path)
    body = "[^/?#\"']+".join(re.escape(p) for p in pieces)
    return re.compile(body + r"/?(?:[?#].*)?$")


#: A ``Content-Type`` header line of a code block (``Content-Type:application/octet-stream``): its value.
_CONTENT_TYPE_LINE = re.compile(r"^\s*content-type\s*:\s*(.+)$", re.IGNORECASE | re.MULTILINE)


def _header_block_types(blocks: Iterable[str]) -> list[str]:
    """The binary media types the ``Content-Type`` lines of the response's own code blocks name: Certificate Manager
    v1.0 (2020) writes the download's response as a ``[Response Header]`` block, ``Content-Type:application/
    octet-stream``, over a PEM text block, with no sentence saying so."""
    found: list[str] = []
    for block in blocks:
        for line in _CONTENT_TYPE_LINE.finditer(block):
            found.extend(m.group(1).lower() for m in _BINARY_TYPE.finditer(line.group(1)))
    return list(dict.fromkeys(found))


def binary_media(
    path: str, prose: str, examples: Iterable[str], headers: Iterable[str] = ()
) -> tuple[tuple[str, ...], str] | None:
    """The media type of a response that is a file (``prose`` the response's own text, ``examples`` the code of the
    operation's section) and what says so; None when nothing does. Where the response names several binary types
    (Text to Speech: ``Content-Type: audio/wav or audio/mpeg``), they are all given, in the order named: the body
    comes in any of them. ``headers``: the code blocks of the response itself, whose ``Content-Type`` lines name its
    media type as its text would."""
    if _NO_CONTENT.search(prose):
        return None
    # a sentence about the request ("For a request, the content type ... must be set to application/octet-stream")
    # says what is sent, not what comes back: a rendering without headings may run it into the response's text
    prose = " ".join(s for s in _SENTENCE_END.split(prose) if not _ABOUT_THE_REQUEST.search(s))
    declared = list(dict.fromkeys(m.group(1).lower() for m in _BINARY_TYPE.finditer(prose)))
    if declared:
        named = ", ".join(declared)
        return tuple(declared), f"the response names the media type{'s' if len(declared) > 1 else ''} {named}"
    declared = _header_block_types(headers)
    if declared:
        named = ", ".join(declared)
        return (
            tuple(declared),
            f"the response's header block names the media type{'s' if len(declared) > 1 else ''} {named}",
        )
    pattern = _path_pattern(path)
    for code in examples:
        for element, media, kind in _MEDIA_SOURCE:
            for match in element.finditer(code):
                url = next(g for g in match.groups() if g)
                if pattern.search(url.split("://", 1)[-1]):
                    return (media,), f"an example uses the operation's URL as the source of {kind} ({url[:80]})"
    image = _RETURNS_IMAGE.search(prose)
    if image:
        return ("image/*",), f"the response says it returns an image ({image.group(0)!r})"
    file = _RETURNS_FILE.search(prose)
    if file:
        return ("application/octet-stream",), f"the response says it returns a file ({file.group(0)!r})"
    return None
