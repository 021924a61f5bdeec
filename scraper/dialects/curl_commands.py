"""curl commands in a guide's code blocks: the one place that knows how curl's flags and their values are written.

NHN Cloud guides often show a request only as a curl command: DNS Plus sends its JSON with ``-d '{...}'`` and names
its media type with ``-H 'Content-Type: ...'``, Deploy and Image send forms with ``-F 'name=@file'``, Object Storage
uploads with ``-T file``, Private CA with ``--data-binary @request.der``. The dialect's readers (the JSON example in
:mod:`scraper.dialects.nhn`, :mod:`~scraper.dialects.form_bodies`, :mod:`~scraper.dialects.upload_bodies`) each take
one thing from a command; how a flag's value is written (quoted or bare, after a space or ``=``, the command split
over lines with ``\\``) is read here, once.

Guides are not shells: quotes are often unbalanced or typographic and a JSON body may hold quotes of its own, so a
command is not tokenised whole (``shlex`` would refuse most of them); each flag's value is read where it stands.
"""

from __future__ import annotations

import re

__all__ = ["content_type", "curl_command", "flag_values", "json_data"]

#: A flag's value after it: quoted (``'...'`` or ``"..."``, possibly empty) or bare, after spaces or ``=``.
_VALUE = r"(?:\s*=\s*|\s*)(?:(?P<quote>['\"])(?P<quoted>.*?)(?P=quote)|(?P<bare>\S+))"

#: ``-d``/``--data*`` whose value is a JSON object: from its brace to the end of the text (the JSON in a guide may
#: hold a quote of the command's kind, so the closing quote is found from the end: see :func:`json_data`).
_JSON_DATA = re.compile(r"(?:^|\s)(?:-d|--data(?:-raw|-binary|-ascii)?)(?:\s+|=)'(\{.*)", re.DOTALL)
#: ``-H 'Content-Type: type/subtype'`` (``--header`` too): the media type.
_CONTENT_TYPE = re.compile(r"(?:-H|--header)\s+[\"']content-type\s*:\s*([a-z]+/[a-z0-9.+-]+)", re.IGNORECASE)


def curl_command(text: str) -> str | None:
    """``text`` as one line of flags (continuation lines joined) when it holds a curl command, else None."""
    if not re.search(r"\bcurl\b", text):
        return None
    return text.replace("\\\n", " ")


def flag_values(command: str, *flags: str) -> list[tuple[str, str]]:
    """``(flag, value)`` for every occurrence of one of ``flags`` (``-F``, ``--form``...) in ``command``, in order;
    a quoted value without its quotes."""
    alternatives = "|".join(re.escape(flag) for flag in sorted(flags, key=len, reverse=True))
    pattern = re.compile(rf"(?:^|\s)(?P<flag>{alternatives}){_VALUE}")
    return [(m["flag"], m["quoted"] if m["quote"] else (m["bare"] or "")) for m in pattern.finditer(command)]


def content_type(text: str) -> str:
    """The media type of the command's ``Content-Type`` header, lower case; "" when it names none."""
    header = _CONTENT_TYPE.search(text)
    return header.group(1).lower() if header else ""


def json_data(text: str) -> str | None:
    """The text of the JSON object a curl command sends as its data (``-d '{...}'``), or None when ``text`` is no
    curl command (it must start with ``curl``: a JSON example that mentions curl is not one) or sends none."""
    if not text.lstrip().startswith("curl"):
        return None
    match = _JSON_DATA.search(text)
    if match is None:
        return None
    data = match.group(1).strip()
    return data[: data.rfind("}") + 1]  # the closing quote and what follows (other options) are no JSON
