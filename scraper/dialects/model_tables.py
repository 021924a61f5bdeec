"""Where a guide defines its models: a field table under a heading or a label line that is a model's name.

TOAST-Cloud's framework API (and ROLE v3, Resource Watcher) types a row with a model (``List<RoleBundleProtocol>``,
``[UpdateMemberRoleRequest](#updatememberrolerequest)``) and documents the model's fields in a table under a heading
of that name (``###### RoleBundleProtocol``), once: under the first operation that uses it. The operations after it
name the model with no table of their own, so the dialect reads the model's table wherever the guide put it
(:meth:`scraper.dialects.nhn._Reader._with_models`), from the index this module builds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from scraper.dialects.field_tables import clean_text, read_field_table
from scraper.document import Block, Heading, Paragraph, Table

__all__ = ["MODEL_NAME", "caption_name", "guide_model_tables"]

#: A model's name: an identifier, dotted for a nested class (``SearchUser.Request``).
MODEL_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*")


def caption_name(caption: str) -> str:
    """The name a caption gives its table: without emphasis and brackets (``**UserProtocol**``, ``[Result]``)."""
    text = caption.strip().strip("*").strip()
    bracketed = re.fullmatch(r"\[\s*([^\[\]]+?)\s*\]", text)
    return bracketed.group(1) if bracketed else text


def guide_model_tables(blocks: Sequence[Block], heading_title: Callable[[Heading], str]) -> dict[str, Table]:
    """Each model name of the guide -> the field table (one with a type column) captioned with it (the heading or
    the name-only line right above the table). A name captioning two tables of different fields is left out: which
    one a row means, the guide does not say; the same fields written twice are one model."""
    found: dict[str, Table] = {}
    fields: dict[str, list[str]] = {}
    ambiguous: set[str] = set()
    caption = ""
    for block in blocks:
        if isinstance(block, Heading):
            caption = heading_title(block)
        elif isinstance(block, Paragraph):
            text = clean_text(block.text)
            caption = text if MODEL_NAME.fullmatch(caption_name(text)) else ""
        elif isinstance(block, Table):
            name = caption_name(caption)
            caption = ""
            read = read_field_table(block) if MODEL_NAME.fullmatch(name) else None
            if read is None or not read.rows or not read.has_type_column:
                continue  # a table without types lists codes or values, not a model's fields
            names = [row.name for row in read.rows]
            if name not in found:
                found[name], fields[name] = block, names
            elif fields[name] != names:
                ambiguous.add(name)
    return {name: table for name, table in found.items() if name not in ambiguous}
