"""A form body a guide documents by the parts it sends, with no field table and no JSON example.

Certificate Manager v1.0 (until 2023) documented its upload as ``[Request Header]`` over ``Content-Type:multipart/
form-data`` and ``[Request Body]`` over ``file: {file}``; Deploy and Image show the call as ``curl ... -F
'binaryFile=@ojdbc14.jar' -F 'applicationType=server'``; Notification Hub writes the raw message (``Content-Disposition:
form-data; name="file"; filename="file.txt"``). Each names the parts of a form: this module reads them, a part whose
value is a file (``@path``, a ``filename=``, a placeholder naming a file: ``{file}``, ``{파일}``) as a file part, the
others as strings with the value written as their example when it is no placeholder. The dialect decides whether the
request is a form at all (a documented form media type, or curl's ``-F``, which sends multipart/form-data).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from scraper.dialects.curl_commands import curl_command, flag_values
from scraper.document import CodeBlock

__all__ = ["FORM_MEDIA_TYPES", "FormPart", "FormParts", "documented_media_type", "form_parts", "form_schema"]

#: The media types whose body is a form of named parts.
FORM_MEDIA_TYPES = frozenset({"multipart/form-data", "application/x-www-form-urlencoded"})

#: ``name: value`` (or ``name=value``): one part a line; a name is an identifier (a header's dashes are not).
_LINE = re.compile(r"\s*([A-Za-z_][\w.\[\]]*)\s*[:=]\s*(.*?)\s*,?\s*")
#: A raw multipart message's part header: ``Content-Disposition: form-data; name="file"; filename="file.txt"``.
_DISPOSITION = re.compile(
    r"content-disposition\s*:\s*form-data\s*;\s*name\s*=\s*\"?([^\";\s]+)\"?(\s*;\s*filename\s*=)?", re.IGNORECASE
)
#: A header line naming a media type (``Content-Type:multipart/form-data``, ``-H 'content-type: ...'``).
_CONTENT_TYPE = re.compile(r"content-type[\"']?\s*[:=]?\s*[\"']?([a-z]+/[a-z0-9.+-]+)", re.IGNORECASE)
#: A value that stands for something the caller fills in: ``{file}``, ``<file>``, ``${file}``, ``[file]``.
_PLACEHOLDER = re.compile(r"\$?[{<\[]+\s*(.*?)\s*[}>\]]+")
#: Words that make a placeholder (or a placeholder's part name) a file (en, ko, ja, zh).
_FILE_WORDS = re.compile(
    r"file|binary|image|attachment|파일|바이너리|이미지|첨부|ファイル|画像|文件|图片", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class FormPart:
    """One part of a form: its name, whether it is a file, and the value written for it ("" for a placeholder)."""

    name: str
    file: bool
    example: str


@dataclass(frozen=True, slots=True)
class FormParts:
    """The parts one code block lists, the block's line, how it lists them and whether that says multipart."""

    parts: tuple[FormPart, ...]
    line: int
    how: str
    multipart: bool


def _part(name: str, value: str, file_mark: bool = False) -> FormPart:
    value = value.strip().strip("'\"")
    placeholder = _PLACEHOLDER.fullmatch(value)
    if file_mark or value.startswith("@"):
        return FormPart(name, True, "")
    if placeholder is not None or not value:
        words = placeholder.group(1) if placeholder is not None else ""
        return FormPart(name, bool(_FILE_WORDS.search(words or name)), "")
    return FormPart(name, False, value)


def _curl_parts(text: str) -> tuple[FormPart, ...]:
    command = curl_command(text)
    if command is None:
        return ()
    found: list[FormPart] = []
    for _, flag_value in flag_values(command, "-F", "--form", "--form-string"):
        name, sep, value = flag_value.partition("=")
        if sep and re.fullmatch(r"[A-Za-z_][\w.\[\]]*", name):
            # ``files=@a.png;type=image/png``: what follows ``;`` is the part's options, not its value
            found.append(_part(name, value.split(";")[0] if value.startswith("@") else value))
    return tuple(found)


def _message_parts(text: str) -> tuple[FormPart, ...]:
    found: list[FormPart] = []
    lines = text.splitlines()
    for index, line in enumerate(lines):
        match = _DISPOSITION.search(line)
        if match is None:
            continue
        # the value is the first line after the part's headers and the blank line under them
        rest = lines[index + 1 :]
        while rest and rest[0].strip() and ":" in rest[0]:
            rest = rest[1:]
        value = next((v.strip() for v in rest if v.strip()), "")
        value = "" if value.startswith("--") or value.startswith("<") else value
        found.append(_part(match.group(1), value, file_mark=match.group(2) is not None))
    return tuple(found)


def _line_parts(text: str) -> tuple[FormPart, ...]:
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines or len(lines) > 50:
        return ()
    matches = [_LINE.fullmatch(line) for line in lines]
    if not all(matches):
        return ()
    return tuple(_part(m.group(1), m.group(2)) for m in matches if m is not None)


def form_parts(blocks: Sequence[CodeBlock]) -> FormParts | None:
    """The parts the first block that lists a form's parts lists: curl ``-F`` flags, a raw multipart message, or
    ``name: value`` lines (every line one part); None when no block does. Each name once, first kept."""
    for block in blocks:
        text = block.text.strip()
        if text.startswith(("{", "[")):
            continue  # JSON (or a list of it) is a body of its own, read elsewhere
        for reading, how, multipart in (
            (_curl_parts, "curl -F flags", True),
            (_message_parts, "a multipart message's Content-Disposition headers", True),
            (_line_parts, "'name: value' lines", False),
        ):
            parts = reading(text)
            if parts:
                unique = tuple({p.name: p for p in reversed(parts)}.values())[::-1]
                return FormParts(unique, block.line, how, multipart)
    return None


def documented_media_type(blocks: Sequence[CodeBlock]) -> str | None:
    """The media type a ``Content-Type`` line of the blocks names (a request's header block, a URL block that writes
    ``Content-Type: multipart/form-data`` under the declaration), lower case; None when none does."""
    for block in blocks:
        match = _CONTENT_TYPE.search(block.text)
        if match is not None:
            return match.group(1).lower()
    return None


def form_schema(parts: Sequence[FormPart]) -> dict[str, object]:
    """The object schema of a form's parts, inferred (``x-inferred``): a file part is ``format: binary`` and required
    (the call sends it: it is what the operation takes), another part a string with its written value as example
    and not required (nothing says it must be sent)."""
    properties: dict[str, object] = {}
    for part in parts:
        if part.file:
            properties[part.name] = {"type": "string", "format": "binary", "x-inferred": True}
        else:
            properties[part.name] = {
                "type": "string",
                **({"examples": [part.example]} if part.example else {}),
                "x-inferred": True,
            }
    required = [p.name for p in parts if p.file]
    schema: dict[str, object] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    schema["x-inferred"] = True
    return schema
