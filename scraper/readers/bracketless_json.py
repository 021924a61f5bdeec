"""JSON examples whose bracket-only lines a text rendering dropped, kept together and their brackets rebuilt.

Why a module of its own: both text renderings of docs.nhncloud.com pages (the pipe one, :mod:`scraper.readers.
nhn_pipe`, and the space-joined one, :mod:`scraper.readers.nhn_text`) drop every line of a JSON example that holds
only brackets (``{``, ``}``, ``[``, ``],``) and keep the others flush left::

    "header": {
    "isSuccessful": true,
    "resultMessage": "SUCCESS"
    "items": [
    "id": 1

Read line by line these were paragraphs (``"header": {`` even a ``Header`` label), so the operation had no example
and lost what the example tells (nesting, types). What remains still places the brackets: a line ending in ``{`` or
``[`` opens one; a line without a trailing comma is the last of its object or array; a member line inside an array
opens one of its objects. Where an object closes, the comma of its lost closing line is lost too, so the next line
is read as continuing the innermost container it can (an array's next object when it repeats the first name of the
object just closed). The rebuilt text says so (:attr:`CodeBlock.inferred`); the dialect reports it where it uses it.
A block whose lines do not fit (a quoted item among members, lines past the outermost object, a bracket line kept
after all) is kept as written, with no language: no JSON, said where it would be used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scraper.document import CodeBlock

__all__ = ["JSON_MEMBER", "member_block", "rebuilt_json"]

#: A line of a JSON example whose lines holding only a bracket the rendering dropped: ``"header": {``,
#: ``"resultCode": 0,`` (Certificate Manager v1.1, API Gateway and Push in Korean and Japanese; Compute and
#: Notification Hub in the space-joined rendering).
JSON_MEMBER = re.compile(r'^"[^"]*"\s*:\s*\S')
#: What else such an example keeps on a line: a bracket and its comma, a quoted array item.
_JSON_REMNANT = re.compile(r'^(?:[\[\]{},]+|"[^"]*",?)$')
_ITEM = re.compile(r'^"[^"]*",?$')
_KEY = re.compile(r'^"([^"]*)"\s*:')
INFERRED = (
    "lost its bracket-only lines in this rendering; they are rebuilt from what remains (a line ending in '{' or '['"
    " opens one, a line without a trailing comma ends its object or array)"
)


@dataclass
class _Open:
    """A container the rebuild has open: its closing bracket and the first name of an object (which a next object
    of the same array repeats)."""

    closing: str
    first_key: str | None = None


def member_block(lines: list[str], start: int) -> tuple[CodeBlock, int]:
    """The lines from ``start`` (a :data:`JSON_MEMBER` line) while they are members or remnants of the example:
    one ``json`` code block of the rebuilt example, or the lines as written (no language) if they do not fit."""
    end = start + 1
    while end < len(lines) and (JSON_MEMBER.match(lines[end].strip()) or _JSON_REMNANT.match(lines[end].strip())):
        end += 1
    kept = [line.rstrip() for line in lines[start:end]]
    before = lines[start - 1].strip() if start else ""
    after = lines[end].strip() if end < len(lines) else ""
    # the brackets are there, on the lines around (a curl command's ``-d '{`` whose continuation mark is lost, then
    # ``}'``): not an example that lost them
    bracketed = before.endswith(("{", "[")) or after.startswith(("}", "]"))
    rebuilt = None if bracketed else rebuilt_json([line.strip() for line in kept])
    if rebuilt is None:
        return CodeBlock(text="\n".join(kept), line=start + 1), end
    return CodeBlock(text=rebuilt, line=start + 1, language="json", inferred=INFERRED), end


def rebuilt_json(lines: list[str]) -> str | None:
    """The JSON text of member ``lines`` with the bracket-only lines put back; ``None`` if the lines do not fit."""
    if any(not JSON_MEMBER.match(line) and not _ITEM.match(line) for line in lines):
        return None  # a bracket line kept: the rendering did not drop them all, so trailing commas do not place them
    out = ["{"]
    stack = [_Open("}")]
    for index, line in enumerate(lines):
        if not stack:
            return None  # more lines after the outermost object closed
        key = _KEY.match(line)
        if key is not None and stack[-1].closing == "]":
            out.append("{")
            stack.append(_Open("}", key.group(1)))
        elif key is None and stack[-1].closing == "}":
            return None  # a quoted item where an object's member belongs
        elif key is not None and stack[-1].first_key is None:
            stack[-1].first_key = key.group(1)
        out.append(line)
        if line.endswith(("{", "[")):
            stack.append(_Open("}" if line.endswith("{") else "]"))
            continue
        if line.endswith(","):
            continue
        closed = stack.pop()
        out.append(closed.closing)
        following = lines[index + 1] if index + 1 < len(lines) else None
        while stack and not _continues(stack[-1], closed, following):
            closed = stack.pop()
            out.append(closed.closing)
        if stack:
            out[-1] += ","
    if stack:
        return None  # the last line ends with a comma or opens a container: the example was cut
    return "\n".join(out)


def _continues(container: _Open, closed: _Open, following: str | None) -> bool:
    """The ``following`` line goes on in ``container`` (after ``closed``, the container just closed inside it)."""
    if following is None:
        return False
    key = _KEY.match(following)
    if container.closing == "}":
        return key is not None
    if key is None:
        return True  # a quoted item after an array's object: the array goes on
    return closed.closing == "}" and closed.first_key == key.group(1)
