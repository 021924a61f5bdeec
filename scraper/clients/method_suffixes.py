"""Method names whose operationIds end with something the method's place already says.

- The API version (``CreateDistribution2018_11_05`` in a document whose ``info.version`` is ``2018-11-05``: botocore
  names CloudFront's operations so, and the APIs-guru conversions keep it). The version is already the module the
  method lives in (``v2018_11_05``), so every method repeating it read ``client.create_distribution2018_11_05(...)``;
  the method is ``create_distribution``. The suffix is matched as the version's letters and digits in order, with or
  without separators (``_``) and a ``v`` before it; a version of one short part (``1``, ``v2``) is not matched, as
  ``get_item1`` or ``list_v2`` more likely name something else.
- The path and the HTTP method, as FastAPI writes every operationId it is not given (``generate_unique_id``: the
  route function's name, then the path with each non-word character as ``_``, then ``_<method>``:
  ``all_recordings_summary_recordings_summary_get`` for ``GET /recordings/summary``, ``redirect__get`` for
  ``GET /``). The method is the function's name (``all_recordings_summary``), as the API's authors wrote it. Only
  an operationId ending with exactly its own operation's path and method is read so.

- The TypeSpec interface an operation is declared in (``BotOperations_updateBot``: TypeSpec's default operationId
  for an operation of ``interface BotOperations`` is ``<interface>_<operation>``; Pachca's document names its 78
  operations so). The interface is how the spec's source is organised, not part of what the operation does: the
  method is ``update_bot``. Read so only when every operationId of the document has that form, with an interface
  named ``<Something>Operations``, so a document whose ``Group_Operation`` ids name resource groups (AutoRest's
  ``VirtualMachines_Start``) keeps them.

Either way the shorter name is used only where no other operation has it or is given it (two FastAPI routers'
``read_item`` keep their whole operationIds), and the generator says once per document how many it shortened.
"""

from __future__ import annotations

import re
from collections import Counter

#: A version needs this many letters and digits, or two parts (``1.0``), to be looked for at a name's end.
_MIN_CHARS = 4
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _version_suffix(version: str) -> re.Pattern[str] | None:
    parts = re.findall(r"[a-z0-9]+", version.lower())
    if parts and re.fullmatch(r"v\d.*", parts[0]):
        parts[0] = parts[0][1:]
    if not parts or not any(c.isdigit() for c in "".join(parts)):
        return None
    if len(parts) < 2 and len(parts[0]) < _MIN_CHARS:
        return None
    return re.compile(r"^(?P<stem>(?:[a-z_][a-z0-9_]*?)?[a-z])_?(?:v_?)?" + "_?".join(map(re.escape, parts)) + r"$")


def version_stems(names: list[str], from_ids: list[bool], version: str) -> list[str | None]:
    """For each of ``names`` (snake_case method names; ``from_ids``: which came from an operationId), the name
    without the API ``version`` at its end, or None when it does not end with it."""
    pattern = _version_suffix(version)
    if pattern is None:
        return [None] * len(names)
    return [
        match.group("stem").rstrip("_") if own and (match := pattern.match(name)) else None
        for name, own in zip(names, from_ids, strict=True)
    ]


def route_stem(operation_id: str, path: str, method: str) -> str | None:
    """The route function's name of a FastAPI-generated ``operation_id`` for ``method path``, else None."""
    suffix = re.sub(r"\W", "_", path) + "_" + method.lower()
    if not operation_id.endswith(suffix) or len(operation_id) == len(suffix):
        return None
    stem = operation_id[: -len(suffix)]
    return stem if _IDENTIFIER.fullmatch(stem) and re.search(r"[A-Za-z]", stem) else None


_INTERFACE_ID = re.compile(r"^[A-Z][A-Za-z0-9]*[a-z0-9]Operations_(?P<operation>[a-z][A-Za-z0-9]*)$")


def interface_stems(operation_ids: list[str | None]) -> list[str | None]:
    """For each operationId (None: the operation has none), the operation's own name when every operationId is
    TypeSpec's ``<Something>Operations_<operation>`` (see the module docstring), else None for all."""
    matches = [_INTERFACE_ID.match(operation_id) if operation_id else None for operation_id in operation_ids]
    if not any(matches) or any(
        operation_id and not match for operation_id, match in zip(operation_ids, matches, strict=True)
    ):
        return [None] * len(operation_ids)
    return [match.group("operation") if match else None for match in matches]


def shorter_where_unique(names: list[str], stems: list[str | None]) -> tuple[list[str], list[int]]:
    """``names`` with each name that has a stem replaced by it, where no other name is or becomes the stem; and the
    indexes of the names replaced."""
    kept = {name for name, stem in zip(names, stems, strict=True) if not stem}
    counts = Counter(stem for stem in stems if stem)
    out, changed = list(names), []
    for i, stem in enumerate(stems):
        if stem and stem not in kept and counts[stem] == 1:
            out[i] = stem
            changed.append(i)
    return out, changed


def drop_version_suffix(names: list[str], from_ids: list[bool], version: str) -> tuple[list[str], list[int]]:
    """``names`` with the API ``version`` taken off the end of each operationId's name that ends with it, where the
    shorter name is no other method's; and the indexes of the names changed."""
    return shorter_where_unique(names, version_stems(names, from_ids, version))
