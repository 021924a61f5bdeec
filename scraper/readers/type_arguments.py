"""A generic type's argument written as a raw tag (``List<Integer>``, ``List<UserRoleRelationProtocol>``), shared by
the Markdown reader and the HTML reader.

Why: guides write a field's type in a table cell as ``List<Integer>``. CommonMark reads ``<Integer>`` as raw HTML,
so the site's HTML holds an element a browser hides, and a reader of either rendering would see only ``List``.
Glued to a generic type's name, such a tag is the type's argument the author wrote: the Markdown reader keeps it
as text, and the HTML reader escapes it before parsing (on the source, so its case is kept:
``UserRoleRelationProtocol`` names a model table), so both renderings give the same cell. A tag that is markup
where it stands (``list<br>``, ``List<code>``) is never an argument.
"""

from __future__ import annotations

import re

from scraper.readers.block_tags import BLOCK_TAGS

__all__ = ["GENERIC_TYPE", "TYPE_ARGUMENT", "escape_type_arguments", "is_type_argument"]

#: A start tag with a bare name (``<UserRoleRelationProtocol>``, ``<String>``).
TYPE_ARGUMENT = re.compile(r"^<([A-Za-z][A-Za-z0-9_.]*)>$")
#: The end of a generic type's name, which a type argument is glued to.
GENERIC_TYPE = re.compile(r"\b(?:List|Array|Set|Map|Optional|Collection)$", re.IGNORECASE)

#: Elements that format text where they stand: after ``List`` they are markup, not an argument.
_MARKUP_TAGS = BLOCK_TAGS | frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "del", "dfn", "em", "font", "i", "img", "ins", "kbd",
        "mark", "pre", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "table", "tt", "u",
        "var", "wbr",
    }
)  # fmt: skip

_GLUED_ARGUMENT = re.compile(r"\b(List|Array|Set|Map|Optional|Collection)<([A-Za-z][A-Za-z0-9_.]*)>", re.IGNORECASE)


def is_type_argument(tag: str, before: str) -> bool:
    """Whether the raw tag ``tag`` (``<Integer>``), coming straight after the text ``before``, is a type argument."""
    match = TYPE_ARGUMENT.match(tag)
    return match is not None and match.group(1).lower() not in _MARKUP_TAGS and GENERIC_TYPE.search(before) is not None


def escape_type_arguments(html: str) -> str:
    """``html`` with every type argument glued to a generic type's name written as text (``List&lt;Integer&gt;``)."""

    def escaped(match: re.Match[str]) -> str:
        if match.group(2).lower() in _MARKUP_TAGS:
            return match.group(0)
        return f"{match.group(1)}&lt;{match.group(2)}&gt;"

    return _GLUED_ARGUMENT.sub(escaped, html)
