"""The ``discriminator`` keyword for the example check: an object is also checked against the schema its tag maps to.

OpenAPI's validators leave ``discriminator`` unimplemented (openapi-schema-validator: it validates nothing), so an
example passed against a parent's own properties while the generated model dispatches on the tag to the member the
mapping names and refuses it (Okta's ``LogStream``: ``type: aws_eventbridge`` -> ``LogStreamAws``, whose required
``settings`` and ``pattern`` the example missed); the contract test expecting the example to parse then failed.
This keyword validates the instance against the mapped schema as well, so such an example is reported as a mismatch
and kept out of the tests. A member that extends its parent through ``allOf`` reaches the parent's discriminator
again with the same instance: a member already being checked for that instance is not entered twice. The whole
example is not dispatched (:func:`from_root`): a body or response that is the parent itself is its own class (the
models dispatch where a field or an item refers to the parent), which takes any member's values as extra fields.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

__all__ = ["discriminator_errors", "from_root"]

#: (instance id, target) pairs being checked now: the parent reached again through a member's ``allOf``.
_ENTERED: set[tuple[int, str]] = set()
#: ids of the whole examples being checked now (:func:`from_root`).
_ROOTS: set[int] = set()


def from_root(example: Any, errors: Iterator[Any]) -> Iterator[Any]:
    """``errors`` (the validator's, for ``example``) with ``example`` itself never dispatched on its tag."""
    _ROOTS.add(id(example))
    try:
        yield from errors
    finally:
        _ROOTS.discard(id(example))


def discriminator_errors(validator: Any, discriminator: Any, instance: Any, schema: Mapping[str, Any]) -> Iterator[Any]:
    """The errors of ``instance`` against the schema ``discriminator.mapping`` names for its tag value (none when it
    has no tag, names no mapped value, or the mapping is no mapping); a jsonschema keyword function."""
    if not isinstance(discriminator, Mapping) or not isinstance(instance, dict) or id(instance) in _ROOTS:
        return
    name, mapping = discriminator.get("propertyName"), discriminator.get("mapping")
    if not isinstance(name, str) or not isinstance(mapping, Mapping):
        return
    tag = instance.get(name)
    target = mapping.get(tag) if isinstance(tag, str) else None
    if not isinstance(target, str) or not target.startswith("#"):
        return  # no tag, an unmapped value, or a mapping to another file: the union's own check decides
    key = (id(instance), target)
    if key in _ENTERED:
        return
    _ENTERED.add(key)
    try:
        yield from validator.descend(instance, {"$ref": target})
    finally:
        _ENTERED.discard(key)
