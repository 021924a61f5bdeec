"""Comparing two schemas on one side of the wire: types, nullability, enums, constraints, properties, variants.

Schema pairs are compared once per (old, new, scope) and memoised, and a pair already being compared higher up the
stack is not entered again, which both keeps recursive schemas finite and makes large specs cheap. Results are kept
relative to the schema root (rule id, location suffix, values) so that one memoised comparison serves every
operation that uses the same component.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from scraper.diff.emitter import Emitter, fmt
from scraper.diff.model import jsonable
from scraper.diff.property_renames import likely_renames
from scraper.diff.rules import CONSTRAINT_VERBS, SCOPES, Direction, Scope, Side, kebab
from scraper.diff.schema import CONSTRAINTS, NO_DEFAULT, OTHER_KEYWORDS, Resolver, Shape

__all__ = ["STABILITY_LEVELS", "SchemaWalker", "stability_change"]

#: ``x-stability-level`` values, least stable first
STABILITY_LEVELS = ("draft", "alpha", "beta", "stable")


def stability_change(before: Any, after: Any) -> str | None:
    """``decreased``, ``increased`` or ``invalid`` (the new value is not a level) for an ``x-stability-level``
    change; ``None`` when there is nothing to report (equal, removed, or the old value was no level)."""
    if before == after or after is None:
        return None
    if after not in STABILITY_LEVELS:
        return "invalid"
    if before not in STABILITY_LEVELS:
        return None
    return "decreased" if STABILITY_LEVELS.index(after) < STABILITY_LEVELS.index(before) else "increased"


@dataclass(frozen=True, slots=True)
class _Rel:
    """A rule fired relative to a schema root (``suffix`` is appended to the root's location)."""

    rule: str
    suffix: str
    old: Any
    new: Any
    values: dict[str, Any] = field(default_factory=dict)


class _Collector:
    """The rules fired by one schema pair."""

    def __init__(self) -> None:
        self.rels: list[_Rel] = []

    def __call__(self, rule: str, old: Any = None, new: Any = None, suffix: str = "", **values: Any) -> None:
        self.rels.append(_Rel(rule, suffix, jsonable(old), jsonable(new), values))

    def extend(self, rels: Iterable[_Rel], prefix: str) -> None:
        self.rels.extend(_Rel(r.rule, prefix + r.suffix, r.old, r.new, r.values) for r in rels)


class SchemaWalker(Emitter):
    """Schema comparison on top of :class:`Emitter` (the operation walker calls :meth:`schema`)."""

    def _init_schemas(self) -> None:
        self._memo: dict[tuple[int, int, str], list[_Rel]] = {}
        self._active: set[tuple[int, int, str]] = set()

    def schema(self, old: Any, new: Any, scope: Scope, op: str | None, location: str) -> None:
        for rel in self._schema(old, new, scope):
            self.add(rel.rule, op, location + rel.suffix, scope=scope, old=rel.old, new=rel.new, **rel.values)

    def _schema(self, old_node: Any, new_node: Any, scope: Scope) -> list[_Rel]:
        o = self.old.shape(old_node)
        n = self.new.shape(new_node)
        key = (id(o.raw), id(n.raw), scope)
        if key in self._memo:
            return self._memo[key]
        if key in self._active:  # recursion: this pair is being compared further up
            return []
        self._active.add(key)
        try:
            out = _Collector()
            self._schema_pair(o, n, scope, out)
        finally:
            self._active.discard(key)
        self._memo[key] = out.rels
        return out.rels

    def _schema_pair(self, o: Shape, n: Shape, scope: Scope, rel: _Collector) -> None:
        side = SCOPES[scope]
        old_types, new_types = o.types, n.types
        null_only = _NULL_ONLY in (old_types, new_types)
        if null_only:  # what each side accepts, null included: null -> string|null widens
            old_types, new_types = _with_null(o), _with_null(n)
        if old_types != new_types:
            direction = _type_direction(old_types, new_types)
            old_t = sorted(old_types) if old_types is not None else "any"
            new_t = sorted(new_types) if new_types is not None else "any"
            rel(f"type-{direction}", old_t, new_t, before=fmt(old_t), after=fmt(new_t))
            if direction == "changed" and old_types and new_types:
                return  # a different kind of value: its old structure has nothing to compare against
        if o.format != n.format:
            verb = "added" if o.format is None else "removed" if n.format is None else "changed"
            rel(f"format-{verb}", o.format, n.format)
        # a schema of any type accepts null already, and a null-only one was compared by its types above
        if o.nullable != n.nullable and not null_only and _restricted(o) and _restricted(n):
            rel("became-nullable" if n.nullable else "became-not-nullable")
        self._enum(o, n, rel)
        self._extensible_enum(o, n, rel)
        self._constraints(o, n, rel)
        for keyword in OTHER_KEYWORDS:
            before, after = o.raw.get(keyword), n.raw.get(keyword)
            if before is None and after is None:
                continue
            if before is None:
                rel("keyword-added", None, after, keyword=keyword)
            elif after is None:
                rel("keyword-removed", before, None, keyword=keyword)
            elif fmt(before) != fmt(after):
                rel("keyword-changed", before, after, keyword=keyword)
        self._default(o, n, rel)
        if n.deprecated and not o.deprecated:
            rel("deprecated")
        elif o.deprecated and not n.deprecated:
            rel("undeprecated")
        self._stability(o.raw.get("x-stability-level"), n.raw.get("x-stability-level"), rel)
        if self.docs:
            for name in ("description", "title", "example"):
                if o.docs.get(name) != n.docs.get(name):
                    rel(f"{name}-changed", o.docs.get(name), n.docs.get(name))
        self._properties(o, n, scope, side, rel)
        if o.items is not None or n.items is not None:
            if o.items is not None and n.items is not None:
                rel.extend(self._schema(o.items, n.items, scope), "[]")
            elif n.items is None:
                rel("items-removed", suffix="[]")
            else:
                rel("items-added", suffix="[]")
        self._additional(o, n, scope, rel)
        self._variants(o, n, scope, rel)
        self._discriminator(o.raw.get("discriminator"), n.raw.get("discriminator"), rel)

    def _enum(self, o: Shape, n: Shape, rel: _Collector) -> None:
        if o.enum == n.enum:
            return
        if o.enum is None and n.enum is not None:
            rel("enum-added", None, list(n.enum), values=fmt(list(n.enum)))
            return
        if n.enum is None and o.enum is not None:
            rel("enum-removed", list(o.enum), None, values=fmt(list(o.enum)))
            return
        assert o.enum is not None and n.enum is not None
        self._values("enum-value", o.enum, n.enum, rel)

    def _extensible_enum(self, o: Shape, n: Shape, rel: _Collector) -> None:
        a, b = o.raw.get("x-extensible-enum"), n.raw.get("x-extensible-enum")
        if a == b or not (isinstance(a, list) or isinstance(b, list)):
            return
        self._values("extensible-enum-value", a if isinstance(a, list) else [], b if isinstance(b, list) else [], rel)

    @staticmethod
    def _values(base: str, old: Iterable[Any], new: Iterable[Any], rel: _Collector) -> None:
        old_keys = {fmt(v): v for v in old}
        new_keys = {fmt(v): v for v in new}
        for key in sorted(old_keys.keys() - new_keys.keys()):
            rel(f"{base}-removed", old_keys[key], None, value=key)
        for key in sorted(new_keys.keys() - old_keys.keys()):
            rel(f"{base}-added", None, new_keys[key], value=key)

    @staticmethod
    def _constraints(o: Shape, n: Shape, rel: _Collector) -> None:
        for keyword in CONSTRAINT_VERBS:
            before = o.constraints.get(keyword)
            after = n.constraints.get(keyword)
            if before == after:
                continue
            direction = _constraint_direction(keyword, before, after)
            verb = {"narrowed": "tightened", "widened": "relaxed", "changed": "changed"}[direction]
            rel(f"{kebab(keyword)}-{verb}", before, after, before=_bound(before), after=_bound(after))

    @staticmethod
    def _default(o: Shape, n: Shape, rel: _Collector) -> None:
        if o.default is NO_DEFAULT and n.default is NO_DEFAULT:
            return
        if o.default is not NO_DEFAULT and n.default is not NO_DEFAULT and fmt(o.default) == fmt(n.default):
            return
        old = None if o.default is NO_DEFAULT else o.default
        new = None if n.default is NO_DEFAULT else n.default
        if o.default is NO_DEFAULT:
            rule = "default-added"
        elif n.default is NO_DEFAULT:
            rule = "default-removed"
        else:
            rule = "default-changed"
        rel(rule, old, new, before=fmt(old), after=fmt(new))

    @staticmethod
    def _stability(before: Any, after: Any, rel: _Collector) -> None:
        verdict = stability_change(before, after)
        if verdict is not None:
            rel(f"stability-{verdict}", before, after)

    def _properties(self, o: Shape, n: Shape, scope: Scope, side: Side, rel: _Collector) -> None:
        """Properties that travel on this side: ``readOnly`` ones are never sent, ``writeOnly`` ones never returned.

        A property whose visibility changes on this side is reported as that change (``became-read-only``...),
        not as removed or added.
        """
        old_seen = _visible(o, side, self.old)
        new_seen = _visible(n, side, self.new)
        renamed = likely_renames(
            (name for name in old_seen if name not in n.properties),
            (name for name in new_seen if name not in o.properties),
            lambda old, new: not self._schema(old_seen[old], new_seen[new], scope),
        )
        for old_name, new_name in renamed.items():
            suffix = f".{new_name}"
            rel("property-renamed", old_name, new_name, suffix=suffix, name=old_name, new_name=new_name)
            req_was, req_now = old_name in o.required, new_name in n.required
            if req_was != req_now:
                rule = "property-became-required" if req_now else "property-became-optional"
                rel(rule, req_was, req_now, suffix=suffix, name=new_name)
        paired = renamed.keys() | set(renamed.values())
        for name in sorted((o.properties.keys() | n.properties.keys()) - paired):
            was, now = old_seen.get(name), new_seen.get(name)
            suffix = f".{name}"
            if name in o.properties and name in n.properties and (was is None) != (now is None):
                if side == "request":
                    if now is None:
                        rel("property-became-read-only", suffix=suffix, name=name)
                    elif name in n.required:
                        rel("property-required-became-not-read-only", suffix=suffix, name=name)
                    else:
                        rel("property-became-not-read-only", suffix=suffix, name=name)
                else:
                    rel(
                        "property-became-write-only" if now is None else "property-became-not-write-only",
                        suffix=suffix,
                        name=name,
                    )
                continue
            if was is not None and now is None:
                inferred = self.old.shape(was).raw.get("x-inferred") is True  # our reading's mark: from an example
                rel("inferred-property-removed" if inferred else "property-removed", suffix=suffix, name=name)
            elif now is not None and was is None:
                required = side == "request" and name in n.required
                rel("property-required-added" if required else "property-added", suffix=suffix, name=name)
            elif was is not None and now is not None:
                req_was, req_now = name in o.required, name in n.required
                if req_was != req_now:
                    # Required narrows what a value may be (no more "absent"); optional widens it.
                    rule = "property-became-required" if req_now else "property-became-optional"
                    rel(rule, req_was, req_now, suffix=suffix, name=name)
                rel.extend(self._schema(was, now, scope), suffix)

    def _additional(self, o: Shape, n: Shape, scope: Scope, rel: _Collector) -> None:
        a, b = o.additional, n.additional
        if a is None and b is None:
            return
        if isinstance(a, dict) and isinstance(b, dict):
            rel.extend(self._schema(a, b, scope), "{}")
            return
        if fmt(a) == fmt(b):
            return
        # Absent, true and a schema all allow extra keys; only false forbids them.
        allowed_before, allowed_after = a is not False, b is not False
        if allowed_before == allowed_after and isinstance(a, dict) != isinstance(b, dict):
            # A value schema dropped (any value now) or set: the map's values widen or narrow, as `items` do.
            rel(f"additional-properties-schema-{'added' if isinstance(b, dict) else 'removed'}", a, b, suffix="{}")
        elif allowed_before == allowed_after:
            rel("additional-properties-changed", a, b, suffix="{}")
        else:
            rel(f"additional-properties-{'allowed' if allowed_after else 'forbidden'}", a, b, suffix="{}")

    def _variants(self, o: Shape, n: Shape, scope: Scope, rel: _Collector) -> None:
        if not o.variants and not n.variants:
            return
        old_fp = [self.old.fingerprint(v) for v in o.variants]
        new_fp = [self.new.fingerprint(v) for v in n.variants]
        unmatched_old = [i for i, fp in enumerate(old_fp) if fp not in new_fp]
        unmatched_new = [i for i, fp in enumerate(new_fp) if fp not in old_fp]
        if len(unmatched_old) == len(unmatched_new):
            for i, j in zip(unmatched_old, unmatched_new, strict=True):
                rel.extend(self._schema(o.variants[i], n.variants[j], scope), f"<{j}>")
            return
        for i in unmatched_old:
            rel("variant-removed", suffix=f"<{i}>", index=i)
        for j in unmatched_new:
            rel("variant-added", suffix=f"<{j}>", index=j)

    def _discriminator(self, a: Any, b: Any, rel: _Collector) -> None:
        a = a if isinstance(a, dict) else None
        b = b if isinstance(b, dict) else None
        if a is None and b is None:
            return
        if a is None:
            assert b is not None
            rel("discriminator-added", None, b.get("propertyName"), property=b.get("propertyName"))
            return
        if b is None:
            rel("discriminator-removed", a.get("propertyName"), None, property=a.get("propertyName"))
            return
        if a.get("propertyName") != b.get("propertyName"):
            rel("discriminator-property-changed", a.get("propertyName"), b.get("propertyName"))
        ma = a.get("mapping") if isinstance(a.get("mapping"), dict) else {}
        mb = b.get("mapping") if isinstance(b.get("mapping"), dict) else {}
        for value in sorted(ma.keys() - mb.keys()):
            rel("discriminator-mapping-removed", ma[value], None, value=value)
        for value in sorted(mb.keys() - ma.keys()):
            rel("discriminator-mapping-added", None, mb[value], value=value)
        for value in sorted(ma.keys() & mb.keys()):
            if self.old.fingerprint({"$ref": ma[value]}) != self.new.fingerprint({"$ref": mb[value]}):
                rel("discriminator-mapping-changed", ma[value], mb[value], value=value)


def _visible(shape: Shape, side: Side, res: Resolver) -> dict[str, Any]:
    hidden = "read_only" if side == "request" else "write_only"
    return {name: sub for name, sub in shape.properties.items() if not getattr(res.shape(sub), hidden)}


def _covers(types: frozenset[str], t: str) -> bool:
    return t in types or (t == "integer" and "number" in types)


#: The types of a schema that accepts null and nothing else (``type: 'null'``).
_NULL_ONLY = frozenset({"null"})


def _with_null(shape: Shape) -> frozenset[str] | None:
    """The types ``shape`` accepts with null among them when it is nullable (None: any type)."""
    if shape.types is None:
        return None
    return shape.types | _NULL_ONLY if shape.nullable else shape.types


def _restricted(shape: Shape) -> bool:
    """Whether ``shape`` says which values it takes (a type or an enum): otherwise it takes any, null too."""
    return shape.types is not None or shape.enum is not None


def _type_direction(old: frozenset[str] | None, new: frozenset[str] | None) -> Direction:
    if old is None:
        return "narrowed"
    if new is None:
        return "widened"
    if all(_covers(new, t) for t in old):
        return "widened"
    if all(_covers(old, t) for t in new):
        return "narrowed"
    return "changed"


def _constraint_direction(keyword: str, before: Any, after: Any) -> Direction:
    sense = CONSTRAINTS[keyword]
    if before is None or before is False:
        return "narrowed"
    if after is None or after is False:
        return "widened"
    if sense == 0 or isinstance(before, bool) or isinstance(after, bool):
        return "changed" if sense == 0 else ("narrowed" if after else "widened")
    try:
        grew = after > before
    except TypeError:
        return "changed"
    return "widened" if (grew and sense > 0) or (not grew and sense < 0) else "narrowed"


def _bound(value: Any) -> str | None:
    """A constraint's value for a message; ``None`` (no such constraint) is left for the message to word."""
    return None if value is None else fmt(value)
