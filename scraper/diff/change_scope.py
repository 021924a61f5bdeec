"""What part of a client one API version's spec changes reach: the operations they touch and the constructor.

A package's changelog lists the spec diff's changes, and then the public client signatures the re-rendering changed
(:mod:`scraper.clients.class_releases`): when an operation gains a required parameter both said it, once as the
spec's ``new required query parameter`` and again as the method's ``new required keyword parameter``. The client
side cannot read the spec diff's lines, so the diff hands it this: which operations (``GET /v1/volumes/{}``, path
placeholders blanked, as the diff matches operations) a change of the request side reached, and whether a change
reached what the constructor takes (servers, security, the version header). A signature change there is explained;
any other (a generator change) is not, and is still listed. Changes of docs only (``info``) and of responses are no
part of a signature, so they explain none. A listed change of an operation's responses explains, in the same way, a
method of that operation returning another type (``responses``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from scraper.diff.model import Change
from scraper.diff.walk_operations import path_template

__all__ = ["ChangeScope", "change_scope", "operation_key"]

#: Document-level locations whose changes reach the constructor's parameters (server variables, credentials).
_CONSTRUCTOR_LOCATIONS = ("servers", "security", "info.x-api-version-header")


def operation_key(method: str, path: str) -> str:
    """``GET /v1/volumes/{}``: how an operation is named on both sides (path placeholders blanked, since a renamed
    path parameter is still the same operation to the diff)."""
    return f"{method.upper()} {path_template(path)}"


@dataclass(frozen=True, slots=True)
class ChangeScope:
    """The client surface one API version's spec changes reach, and the release they make (``major``, ...)."""

    operations: frozenset[str]
    constructor: bool
    bump: str
    #: The operations whose responses a listed change (not docs only) reached.
    responses: frozenset[str] = frozenset()


def _reaches_signatures(change: Change) -> bool:
    return change.severity != "info" and not change.location.startswith("response")


def change_scope(changes: Iterable[Change], bump: str) -> ChangeScope:
    """The scope of ``changes`` (one API version's spec diff), which made release ``bump``."""
    operations: set[str] = set()
    responses: set[str] = set()
    constructor = False
    for change in changes:
        if change.severity == "info":
            continue
        if change.operation is None:
            constructor = constructor or change.location.startswith(_CONSTRUCTOR_LOCATIONS)
            continue
        method, _, rest = change.operation.partition(" ")
        path = rest.split(" (", 1)[0]  # an x-operations member is labelled ``GET /path (operationId)``
        (operations if _reaches_signatures(change) else responses).add(operation_key(method, path))
    return ChangeScope(frozenset(operations), constructor, bump, frozenset(responses))
