"""Open string enums: AutoRest's ``x-ms-enum: {modelAsString: true}``.

Azure's documents list the values an enum has today and mark with ``modelAsString: true`` that the service may add
more ("the enum is modelled as a string": AutoRest's own clients take and return any string, the known values as
constants). A closed class would reject every value a later server version returns (a response that validated
yesterday fails today) and every value a caller needs before the document lists it. So such a schema is typed as
its known values or any string: a model field ``Kind | str`` (the ``StrEnum`` class stays, its members equal their
values), a parameter ``Literal[...] | str``. ``modelAsString: false`` or no ``x-ms-enum`` keeps the enum closed,
as the document says. A named component that is an open enum keeps its class; each reference to it is opened
(``anyOf: [{$ref}, {type: string}]``), so it does not become a wrapper class a user has to unwrap.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["closed_part", "is_open_enum", "opened", "opened_reference"]

#: Keywords that describe the value rather than constrain it: on the open schema's outside, so the field keeps its
#: description, default and read/write flags.
_ANNOTATIONS = ("title", "description", "default", "readOnly", "writeOnly", "deprecated", "nullable")


def is_open_enum(schema: Any) -> bool:
    """Whether ``schema`` is an enum of strings whose ``x-ms-enum`` says ``modelAsString: true``."""
    if not isinstance(schema, Mapping):
        return False
    extension, enum = schema.get("x-ms-enum"), schema.get("enum")
    return (
        isinstance(extension, Mapping)
        and extension.get("modelAsString") is True
        and isinstance(enum, list)
        and bool(enum)
        and all(isinstance(v, str) for v in enum)
    )


def closed_part(honoured: Mapping[str, Any]) -> dict[str, Any]:
    """The closed enum inside an open one: ``honoured`` (its honoured keywords) without the annotations."""
    return {k: v for k, v in honoured.items() if k not in _ANNOTATIONS}


def opened(honoured: Mapping[str, Any]) -> dict[str, Any]:
    """An honoured open enum schema as ``anyOf: [the known values, any string]``, its annotations outside."""
    out: dict[str, Any] = {"anyOf": [closed_part(honoured), {"type": "string"}]}
    out.update((k, honoured[k]) for k in _ANNOTATIONS if k in honoured)
    return out


def opened_reference(ref: Mapping[str, Any]) -> dict[str, Any]:
    """A reference to an open enum component, opened: its known values (the component's class) or any string."""
    return {"anyOf": [dict(ref), {"type": "string"}]}
