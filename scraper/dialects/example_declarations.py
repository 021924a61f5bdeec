"""``METHOD URL`` lines a guide writes to show how a call looks, not to declare one.

Why: an NHN guide's introduction often shows one request in full before the reference ("For instance, retrieving
block storage must be requested to the following URL:" over ``GET https://api-compute.cloud.toast.com/compute/v1.0/
appkeys/{appkey}/volumes?id={volumeId}``, Block Storage v1.0), and a page on how credentials are sent shows the
format of a path under ``* Example`` (TOAST-Cloud's Appkey page, ``POST /v1.0/appkeys/{appKey}/``). Read as
declarations, each was one more operation, titled after the introduction's heading; and the full URL, the only
place the guide writes the service's base path (``/compute``), was lost from the server.

This module only recognises the shapes: the lead-in that introduces an example, and the base path an example's URL
puts before an operation's path. The dialect decides what to do with a declaration so introduced (it must also
document nothing of its own: no table, no body, no other code).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from scraper.dialects.field_tables import clean_text
from scraper.document import Block, Heading, Paragraph

#: A sentence that introduces an example: "For instance, ... the following URL:", "For example", "e.g.", Korean
#: "예를 들어", Japanese "例えば"/"たとえば".
_EXAMPLE_SENTENCE = re.compile(r"^(for (instance|example)\b|e\.g\.|예를\s*들어|例えば|たとえば)", re.IGNORECASE)
#: A short label naming an example (``* Example``, ``[예시]``, ``例:``).
_EXAMPLE_LABEL = re.compile(r"\b(sample|example)s?\b|예시|예제|샘플|サンプル|例(?!外)", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{[^{}/]+\}")


def example_lead(blocks: Sequence[Block], index: int) -> str:
    """The text right before ``blocks[index]`` (a declaration) that introduces it as an example, "" when none:
    a paragraph opening with "For instance"/"For example" (or its Korean or Japanese words), or a short label
    (at most 40 characters) naming an example. A heading ends the search: what a heading names is the section's."""
    if index <= 0:
        return ""
    block = blocks[index - 1]
    if isinstance(block, Heading) or not isinstance(block, Paragraph):
        return ""
    text = clean_text(block.text).strip()
    if _EXAMPLE_SENTENCE.match(text):
        return text
    label = text.strip("*[]():： ")
    if 0 < len(label) <= 40 and "\n" not in label and _EXAMPLE_LABEL.search(label):
        return text
    return ""


def base_path(example: str, declared: str) -> str | None:
    """The path an example's URL puts before a declared operation's path (``/compute`` of ``/compute/v1.0/appkeys/
    {appkey}/volumes`` over ``/v1.0/appkeys/{appkey}/volumes``), "" when the two are the same path, None when the
    example does not end with the declared path. A placeholder of either matches any one segment of the other."""
    ours = [s for s in example.split("/") if s]
    theirs = [s for s in declared.split("/") if s]
    if not theirs or len(theirs) > len(ours):
        return None
    tail = ours[len(ours) - len(theirs) :]
    for segment, template in zip(tail, theirs, strict=True):
        if segment != template and not (_PLACEHOLDER.fullmatch(segment) or _PLACEHOLDER.fullmatch(template)):
            return None
    prefix = ours[: len(ours) - len(theirs)]
    if any(_PLACEHOLDER.search(s) for s in prefix):
        return None
    return "/" + "/".join(prefix) if prefix else ""
