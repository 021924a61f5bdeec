"""Enums that admit more than their members: open ones (AutoRest's ``x-ms-enum: {modelAsString: true}``) and ones
that list ``null`` among their values.

Azure's documents list the values an enum has today and mark with ``modelAsString: true`` that the service may add
more ("the enum is modelled as a string": AutoRest's own clients take and return any string, the known values as
constants). A closed class would reject every value a later server version returns (a response that validated
yesterday fails today) and every value a caller needs before the document lists it. So such a schema is typed as
its known values or any string: a model field ``Kind | str`` (the ``StrEnum`` class stays, its members equal their
values), a parameter ``Literal[...] | str``. ``modelAsString: false`` or no ``x-ms-enum`` keeps the enum closed,
as the document says.

A string enum whose values include ``null`` (``type: [string, 'null'], enum: [MON, ..., null]``, Samsung's SCP
documents) became a plain ``Enum`` with a ``NONE_TYPE_NONE = None`` member: its members were no strings
(``StartDay.MON != "MON"``), unlike every other string enum's. It is the enum of its strings or None: a ``StrEnum``
and ``| None``.

Both are written ``anyOf: [the enum of its strings, {type: string} and/or {type: 'null'}]`` for the models. A named
component keeps its class (the enum of its strings); each reference to it gets the same extra members, so it does
not become a wrapper class a user has to unwrap.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["closed_component", "extra_members", "is_open_enum", "widened", "widened_reference"]

#: Keywords that describe the value rather than constrain it: on the widened schema's outside, so the field keeps
#: its description, default and read/write flags.
_ANNOTATIONS = ("title", "description", "default", "readOnly", "writeOnly", "deprecated")


def _strings(schema: Mapping[str, Any]) -> list[str] | None:
    """The values of ``schema``'s ``enum`` other than null when there is one at least and all are strings."""
    enum = schema.get("enum")
    if not isinstance(enum, list):
        return None
    values = [v for v in enum if v is not None]
    return values if values and all(isinstance(v, str) for v in values) else None


def is_open_enum(schema: Any) -> bool:
    """Whether ``schema`` is an enum of strings whose ``x-ms-enum`` says ``modelAsString: true``."""
    if not isinstance(schema, Mapping):
        return False
    extension = schema.get("x-ms-enum")
    return isinstance(extension, Mapping) and extension.get("modelAsString") is True and _strings(schema) is not None


def extra_members(schema: Any) -> list[dict[str, Any]]:
    """What ``schema`` (a raw or honoured schema) admits beside the members of its string enum: any string (an open
    enum), ``null`` (listed among its values); none for any other schema."""
    if not isinstance(schema, Mapping) or _strings(schema) is None:
        return []
    extra: list[dict[str, Any]] = [{"type": "string"}] if is_open_enum(schema) else []
    if None in schema["enum"]:
        extra.append({"type": "null"})
    return extra


def _closed(honoured: Mapping[str, Any]) -> dict[str, Any]:
    """The enum of its strings inside a widened one: ``honoured`` without null, ``nullable`` or the annotations."""
    out = {k: v for k, v in honoured.items() if k not in _ANNOTATIONS and k != "nullable"}
    out["enum"] = [v for v in honoured["enum"] if v is not None]
    out.setdefault("type", "string")  # its values are strings
    kinds = out.get("type")
    if isinstance(kinds, list):
        rest = [k for k in kinds if k != "null"]
        out["type"] = rest[0] if len(rest) == 1 else rest
    return out


def widened(honoured: Mapping[str, Any], extra: list[dict[str, Any]]) -> dict[str, Any]:
    """An honoured enum schema as ``anyOf: [the enum of its strings, *extra]``, its annotations outside."""
    out: dict[str, Any] = {"anyOf": [_closed(honoured), *extra]}
    out.update((k, honoured[k]) for k in _ANNOTATIONS if k in honoured)
    return out


def closed_component(honoured_widened: Mapping[str, Any]) -> dict[str, Any]:
    """A named component's own schema from its :func:`widened` form: the enum of its strings, with annotations."""
    closed = dict(honoured_widened["anyOf"][0])
    closed.update((k, v) for k, v in honoured_widened.items() if k != "anyOf" and not (k == "default" and v is None))
    return closed


def widened_reference(ref: Mapping[str, Any], extra: list[dict[str, Any]]) -> dict[str, Any]:
    """A reference to a widened enum component: its class, or what else the component admits; what the reference
    says beside ``$ref`` (its description, default) stays outside, on the field."""
    out: dict[str, Any] = {"anyOf": [{k: v for k, v in ref.items() if k not in _ANNOTATIONS}, *extra]}
    out.update((k, ref[k]) for k in _ANNOTATIONS if k in ref)
    return out
