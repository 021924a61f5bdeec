"""Table rows named by the labels an example holds in place of values.

Why: NHN's compute v1.0 guides (Block Storage, Network VPC, Compute Instance's old guide) write an example whose
values are labels, ``"device": "{Device Name}"``, ``"size": "{Size}"``, and name the table's rows by those labels
(``Device Name | Body | String``), not by the members. Read by their names, the rows were top-level members called
"Device Name" and "Size" beside the example's members, which stayed undocumented and were typed from the labels
(``size`` a string where the row says Integer). A row is the member whose value is its label.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

#: A value that is a label: one pair of braces around words (``{Device Name}``, ``{Size}``).
_LABEL = re.compile(r"\{\s*([A-Za-z][^{}]*?)\s*\}")


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass(slots=True)
class LabelledRows:
    """What the rows' names say about the example: each row named by one member's label, and the rest."""

    #: Row name -> the dotted path of the member whose value is its label (arrays passed through: ``gadgets.size``).
    renames: dict[str, str] = field(default_factory=dict)
    #: Row names that label several members (a doubt: left as written).
    ambiguous: dict[str, list[str]] = field(default_factory=dict)


def _walk(value: Any, path: str, labels: dict[str, list[str]]) -> None:
    if isinstance(value, dict):
        for name, member in value.items():
            where = f"{path}.{name}" if path else str(name)
            if isinstance(member, str):
                match = _LABEL.fullmatch(member.strip())
                if match is not None:
                    found = labels.setdefault(_key(match.group(1)), [])
                    if where not in found:
                        found.append(where)
            else:
                _walk(member, where, labels)
    elif isinstance(value, list):
        for item in value:
            _walk(item, path, labels)


def labelled_rows(names: Sequence[str], example: Any) -> LabelledRows:
    """The rows among ``names`` that the example's labels name. A row whose name (or its first part) is a top-level
    key of the example is the member of that name, whatever the labels say; a label no row names changes
    nothing."""
    labels: dict[str, list[str]] = {}
    _walk(example, "", labels)
    top = set(example) if isinstance(example, dict) else set()
    out = LabelledRows()
    for name in names:
        if name.split(".")[0] in top:
            continue
        paths = labels.get(_key(name))
        if not paths:
            continue
        if len(paths) > 1:
            out.ambiguous[name] = paths
            continue
        out.renames[name] = paths[0]
    return out
