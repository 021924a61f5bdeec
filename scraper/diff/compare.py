"""Structural comparison of two OpenAPI 3.0/3.1 documents: :func:`compare` returns classified :class:`Change`s.

Operations are matched by method and path *template* (``/v1/images/{image_id}`` matches ``/v1/images/{id}``);
parameters by location and name (path parameters by position); schemas by resolved shape, never by ``$ref`` name, so
moving a model to another component name changes nothing unless its shape changes. Schema pairs are compared once
per (old, new, scope) and memoised, and a pair already being compared higher up the stack is not entered again,
which both keeps recursive schemas finite and makes large specs cheap.

See :mod:`scraper.diff.rules` for the severity decisions.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

from scraper.diff.model import Change, Severity, jsonable
from scraper.diff.rules import Direction, Side, side_severity
from scraper.diff.schema import CONSTRAINTS, NO_DEFAULT, Resolver, Shape
from scraper.versioning import version_key

__all__ = ["compare"]

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_PATH_PARAM = re.compile(r"\{[^}/]*\}")
#: scope -> side of the wire (who reads the value)
Scope = Literal["request", "response", "parameter", "header"]
_SIDE: dict[str, Side] = {"request": "request", "parameter": "request", "response": "response", "header": "response"}


@dataclass(frozen=True, slots=True)
class _Rel:
    """A change relative to a schema root (``suffix`` is appended to the root's location)."""

    kind: str
    severity: Severity
    suffix: str
    message: str
    old: Any
    new: Any


#: the ``rel(kind, severity, message, old=None, new=None, suffix="")`` helper of :meth:`_Comparer._schema_pair`
_Emit = Callable[..., None]


def _fmt(value: Any) -> str:
    return json.dumps(jsonable(value), sort_keys=True, ensure_ascii=False, default=str)


def _iso(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


def _kebab(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


class _Comparer:
    def __init__(self, old: dict[str, Any], new: dict[str, Any], docs: bool) -> None:
        self.old = Resolver(old)
        self.new = Resolver(new)
        self.docs = docs
        self.out: list[Change] = []
        self._memo: dict[tuple[int, int, str], list[_Rel]] = {}
        self._active: set[tuple[int, int, str]] = set()

    def add(
        self,
        kind: str,
        severity: Severity,
        operation: str | None,
        location: str,
        message: str,
        old: Any = None,
        new: Any = None,
    ) -> None:
        self.out.append(Change(kind, severity, operation, location, message, jsonable(old), jsonable(new)))

    def doc_change(self, op: str | None, location: str, field: str, old: Any, new: Any) -> None:
        """A documentation-only difference (reported only when ``docs`` is on)."""
        if self.docs and old != new:
            self.add(f"{_kebab(field)}-changed", "info", op, location, f"{field} changed", old, new)

    # -- schemas ----------------------------------------------------------------------------------------------
    def schema(self, old: Any, new: Any, scope: Scope, op: str | None, location: str) -> None:
        for rel in self._schema(old, new, scope):
            self.add(rel.kind, rel.severity, op, location + rel.suffix, rel.message, rel.old, rel.new)

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
            result = self._schema_pair(o, n, scope)
        finally:
            self._active.discard(key)
        self._memo[key] = result
        return result

    def _schema_pair(self, o: Shape, n: Shape, scope: Scope) -> list[_Rel]:
        side = _SIDE[scope]
        out: list[_Rel] = []

        def rel(
            kind: str, severity: Severity, message: str, old: Any = None, new: Any = None, suffix: str = ""
        ) -> None:
            out.append(_Rel(f"{scope}-{kind}", severity, suffix, message, jsonable(old), jsonable(new)))

        # type
        if o.types != n.types:
            direction = _type_direction(o.types, n.types)
            old_t = sorted(o.types) if o.types is not None else "any"
            new_t = sorted(n.types) if n.types is not None else "any"
            rel(
                "type-changed",
                side_severity(side, direction),
                f"type {direction}: {_fmt(old_t)} -> {_fmt(new_t)}",
                old_t,
                new_t,
            )
            if direction == "changed" and o.types and n.types:
                return out  # a different kind of value: its old structure has nothing to compare against
        if o.format != n.format:
            fdir: Direction = "narrowed" if o.format is None else "widened" if n.format is None else "changed"
            rel("format-changed", side_severity(side, fdir), f"format {o.format} -> {n.format}", o.format, n.format)
        if o.nullable != n.nullable:
            if n.nullable:
                rel(
                    "became-nullable",
                    side_severity(side, "widened"),
                    "became nullable" + (" (readers must handle null)" if side == "response" else ""),
                )
            else:
                rel(
                    "became-not-nullable",
                    side_severity(side, "narrowed"),
                    "no longer nullable" + (" (callers can no longer send null)" if side == "request" else ""),
                )
        self._enum(o, n, side, rel)
        self._constraints(o, n, side, rel)
        self._default(o, n, side, rel)
        if n.deprecated and not o.deprecated:
            rel("deprecated", "deprecation", "marked deprecated")
        elif o.deprecated and not n.deprecated:
            rel("undeprecated", "info", "no longer deprecated")
        if self.docs:
            for field in ("description", "title", "example"):
                if o.docs.get(field) != n.docs.get(field):
                    out.append(
                        _Rel(
                            f"{field}-changed",
                            "info",
                            "",
                            f"{field} changed",
                            jsonable(o.docs.get(field)),
                            jsonable(n.docs.get(field)),
                        )
                    )
        self._properties(o, n, scope, side, out, rel)
        # items / additionalProperties
        if o.items is not None or n.items is not None:
            if o.items is not None and n.items is not None:
                out.extend(_prefix(self._schema(o.items, n.items, scope), "[]"))
            elif n.items is None:
                rel("items-removed", side_severity(side, "widened"), "array item schema removed", suffix="[]")
            else:
                rel("items-added", side_severity(side, "narrowed"), "array item schema added", suffix="[]")
        self._additional(o, n, scope, side, out, rel)
        self._variants(o, n, scope, side, out, rel)
        return out

    def _enum(self, o: Shape, n: Shape, side: Side, rel: _Emit) -> None:
        if o.enum == n.enum:
            return
        if o.enum is None and n.enum is not None:
            rel(
                "enum-added",
                side_severity(side, "narrowed"),
                f"now restricted to {_fmt(list(n.enum))}",
                None,
                list(n.enum),
            )
            return
        if n.enum is None and o.enum is not None:
            note = "" if side == "request" else "; readers may now see any value"
            rel(
                "enum-removed",
                side_severity(side, "widened"),
                f"no longer restricted to {_fmt(list(o.enum))}{note}",
                list(o.enum),
                None,
            )
            return
        assert o.enum is not None and n.enum is not None
        old_keys = {_fmt(v): v for v in o.enum}
        new_keys = {_fmt(v): v for v in n.enum}
        for key in sorted(old_keys.keys() - new_keys.keys()):
            if side == "request":
                rel(
                    "enum-value-removed",
                    "breaking",
                    f"enum value {key} removed (callers sending it are rejected)",
                    old_keys[key],
                    None,
                )
            else:
                rel("enum-value-removed", "non-breaking", f"enum value {key} no longer returned", old_keys[key], None)
        for key in sorted(new_keys.keys() - old_keys.keys()):
            if side == "request":
                rel("enum-value-added", "non-breaking", f"enum value {key} accepted", None, new_keys[key])
            else:
                rel(
                    "enum-value-added",
                    "non-breaking",
                    f"enum value {key} may be returned (strict clients that reject unknown values must be updated)",
                    None,
                    new_keys[key],
                )

    def _constraints(self, o: Shape, n: Shape, side: Side, rel: _Emit) -> None:
        for keyword, sense in CONSTRAINTS.items():
            before = o.constraints.get(keyword)
            after = n.constraints.get(keyword)
            if before == after:
                continue
            direction = _constraint_direction(keyword, sense, before, after)
            verb = {"narrowed": "tightened", "widened": "relaxed", "changed": "changed"}[direction]
            if side == "request":
                severity: Severity = "non-breaking" if direction == "widened" else "breaking"
                note = ""
            else:
                severity = "non-breaking"
                note = " (strict clients that validate responses must be updated)" if direction != "narrowed" else ""
            rel(
                f"{_kebab(keyword)}-{verb}",
                severity,
                f"{keyword} {verb}: {_fmt(before)} -> {_fmt(after)}{note}",
                before,
                after,
            )

    def _default(self, o: Shape, n: Shape, side: Side, rel: _Emit) -> None:
        if o.default is NO_DEFAULT and n.default is NO_DEFAULT:
            return
        if o.default is not NO_DEFAULT and n.default is not NO_DEFAULT and _fmt(o.default) == _fmt(n.default):
            return
        old = None if o.default is NO_DEFAULT else o.default
        new = None if n.default is NO_DEFAULT else n.default
        if o.default is NO_DEFAULT:
            kind, severity, message = "default-added", "non-breaking", f"default {_fmt(new)} added"
        elif n.default is NO_DEFAULT:
            kind, severity, message = "default-removed", "breaking", f"default {_fmt(old)} removed"
        else:
            kind, severity, message = "default-changed", "breaking", f"default {_fmt(old)} -> {_fmt(new)}"
        if side == "response":
            severity = "info"
        elif kind != "default-added":
            message += " (callers that omit the value get another behaviour)"
        rel(kind, severity, message, old, new)

    def _properties(self, o: Shape, n: Shape, scope: Scope, side: Side, out: list[_Rel], rel: _Emit) -> None:
        old_props = _visible(o, side, self.old)
        new_props = _visible(n, side, self.new)
        for name in sorted(old_props.keys() - new_props.keys()):
            if side == "request":
                message = f"property {name} removed (callers that send it may be rejected)"
            else:
                message = f"property {name} removed (readers relying on it break)"
            rel("property-removed", "breaking", message, suffix=f".{name}")
        for name in sorted(new_props.keys() - old_props.keys()):
            if side == "request" and name in n.required:
                rel("property-required-added", "breaking", f"new required property {name}", suffix=f".{name}")
            else:
                rel("property-added", "non-breaking", f"property {name} added", suffix=f".{name}")
        for name in sorted(old_props.keys() & new_props.keys()):
            was, now = name in o.required, name in n.required
            if was != now:
                # Required narrows what a value may be (no more "absent"); optional widens it. A caller must now
                # send it (request: breaking); a reader can no longer rely on it (response: breaking).
                direction: Direction = "narrowed" if now else "widened"
                kind = "property-became-required" if now else "property-became-optional"
                rel(
                    kind,
                    side_severity(side, direction),
                    f"property {name} became {'required' if now else 'optional'}",
                    was,
                    now,
                    suffix=f".{name}",
                )
            out.extend(_prefix(self._schema(old_props[name], new_props[name], scope), f".{name}"))

    def _additional(self, o: Shape, n: Shape, scope: Scope, side: Side, out: list[_Rel], rel: _Emit) -> None:
        a, b = o.additional, n.additional
        if a is None and b is None:
            return
        if isinstance(a, dict) and isinstance(b, dict):
            out.extend(_prefix(self._schema(a, b, scope), "{}"))
            return
        if _fmt(a) == _fmt(b):
            return
        # Absent, true and a schema all allow extra keys; only false forbids them.
        allowed_before, allowed_after = a is not False, b is not False
        if allowed_before == allowed_after:
            rel("additional-properties-changed", "info", "additionalProperties changed", a, b, suffix="{}")
            return
        direction: Direction = "widened" if allowed_after else "narrowed"
        verb = "allowed" if allowed_after else "forbidden"
        severity = side_severity(side, direction) if side == "request" else "non-breaking"
        rel(f"additional-properties-{verb}", severity, f"additional properties {verb}", a, b, suffix="{}")

    def _variants(self, o: Shape, n: Shape, scope: Scope, side: Side, out: list[_Rel], rel: _Emit) -> None:
        if not o.variants and not n.variants:
            return
        old_fp = [self.old.fingerprint(v) for v in o.variants]
        new_fp = [self.new.fingerprint(v) for v in n.variants]
        unmatched_old = [i for i, fp in enumerate(old_fp) if fp not in new_fp]
        unmatched_new = [i for i, fp in enumerate(new_fp) if fp not in old_fp]
        if len(unmatched_old) == len(unmatched_new):
            for i, j in zip(unmatched_old, unmatched_new, strict=True):
                out.extend(_prefix(self._schema(o.variants[i], n.variants[j], scope), f"<{j}>"))
            return
        for i in unmatched_old:
            rel("variant-removed", side_severity(side, "narrowed"), f"alternative #{i} removed", suffix=f"<{i}>")
        for j in unmatched_new:
            rel("variant-added", side_severity(side, "widened"), f"alternative #{j} added", suffix=f"<{j}>")

    # -- document -----------------------------------------------------------------------------------------------
    def run(self, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
        self.info(old.get("info") or {}, new.get("info") or {})
        self.servers(old.get("servers"), new.get("servers"), None, "servers")
        self.security(old.get("security"), new.get("security"), None, "security")
        self.components(old, new)
        old_ops = self.operations(old, self.old)
        new_ops = self.operations(new, self.new)
        for key in sorted(old_ops.keys() - new_ops.keys()):
            path, method, op = old_ops[key]
            label = f"{method.upper()} {path}"
            note = " (it was deprecated)" if op.get("deprecated") is True else ""
            self.add("operation-removed", "breaking", label, "", f"operation removed{note}")
        for key in sorted(new_ops.keys() - old_ops.keys()):
            path, method, _ = new_ops[key]
            self.add("operation-added", "non-breaking", f"{method.upper()} {path}", "", "operation added")
        for key in sorted(old_ops.keys() & new_ops.keys()):
            self.operation(old_ops[key], new_ops[key], old_paths=old.get("paths"), new_paths=new.get("paths"))
        return sorted(self.out, key=_sort_key)

    def info(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        if _iso(old.get("version")) != _iso(new.get("version")):
            self.add(
                "api-version-changed",
                "info",
                None,
                "info.version",
                f"API version {old.get('version')} -> {new.get('version')}",
                old.get("version"),
                new.get("version"),
            )
        self.status(old, new, None, "info")
        self.version_table(old.get("x-versions"), new.get("x-versions"))
        self.version_header(old.get("x-api-version-header"), new.get("x-api-version-header"))
        for field in ("title", "description"):
            self.doc_change(None, f"info.{field}", field, old.get(field), new.get(field))

    def status(self, old: dict[str, Any], new: dict[str, Any], op: str | None, where: str) -> None:
        """``deprecated``, ``x-api-status`` and ``x-sunset`` of an operation (or of ``info`` when ``op`` is None)."""
        prefix = f"{where}." if where else ""
        subject = "operation" if op else "API version"
        if op is not None:
            if new.get("deprecated") is True and old.get("deprecated") is not True:
                self.add(
                    "operation-deprecated",
                    "deprecation",
                    op,
                    f"{prefix}deprecated",
                    "operation deprecated",
                    False,
                    True,
                )
            elif old.get("deprecated") is True and new.get("deprecated") is not True:
                self.add(
                    "operation-undeprecated",
                    "info",
                    op,
                    f"{prefix}deprecated",
                    "operation no longer deprecated",
                    True,
                    False,
                )
        before, after = old.get("x-api-status"), new.get("x-api-status")
        if before != after:
            severity: Severity = "deprecation" if str(after).upper() == "DEPRECATED" else "info"
            kind = "api-status-changed" if op is None else "operation-status-changed"
            self.add(
                kind, severity, op, f"{prefix}x-api-status", f"{subject} status {before} -> {after}", before, after
            )
        self.sunset(_iso(old.get("x-sunset")), _iso(new.get("x-sunset")), op, f"{prefix}x-sunset", subject)

    def sunset(self, before: str | None, after: str | None, op: str | None, location: str, subject: str) -> None:
        if before == after:
            return
        base = "sunset" if op is None else "operation-sunset"
        if before is None:
            self.add(f"{base}-set", "deprecation", op, location, f"{subject} sunset set to {after}", None, after)
        elif after is None:
            self.add(f"{base}-removed", "info", op, location, f"{subject} sunset {before} removed", before, None)
        elif after < before:
            self.add(
                f"{base}-moved-earlier",
                "deprecation",
                op,
                location,
                f"{subject} sunset moved earlier: {before} -> {after}",
                before,
                after,
            )
        else:
            self.add(
                f"{base}-moved-later",
                "info",
                op,
                location,
                f"{subject} sunset moved later: {before} -> {after}",
                before,
                after,
            )

    def version_table(self, old: Any, new: Any) -> None:
        """``info.x-versions``: the service's version table (``[{version, status, date}]``)."""

        def table(value: Any) -> dict[str, dict[str, Any]]:
            rows = value if isinstance(value, list) else []
            return {str(r.get("version")): r for r in rows if isinstance(r, dict) and "version" in r}

        a, b = table(old), table(new)
        if not a and not b:
            return
        for v in sorted(a.keys() - b.keys(), key=version_key):
            self.add(
                "version-unlisted",
                "info",
                None,
                f"info.x-versions[{v}]",
                f"version {v} no longer listed",
                jsonable(a[v]),
                None,
            )
        for v in sorted(b.keys() - a.keys(), key=version_key):
            status = b[v].get("status")
            self.add(
                "version-listed",
                "info",
                None,
                f"info.x-versions[{v}]",
                f"version {v} listed ({status})",
                None,
                jsonable(b[v]),
            )
        for v in sorted(a.keys() & b.keys(), key=version_key):
            s0, s1 = a[v].get("status"), b[v].get("status")
            if s0 != s1:
                severity: Severity = "deprecation" if str(s1).upper() == "DEPRECATED" else "info"
                self.add(
                    "version-status-changed",
                    severity,
                    None,
                    f"info.x-versions[{v}].status",
                    f"version {v} status {s0} -> {s1}",
                    s0,
                    s1,
                )
            d0, d1 = _iso(a[v].get("date")), _iso(b[v].get("date"))
            if d0 != d1:
                severity = "deprecation" if d1 is not None and (d0 is None or d1 < d0) else "info"
                self.add(
                    "version-date-changed",
                    severity,
                    None,
                    f"info.x-versions[{v}].date",
                    f"version {v} date {d0} -> {d1}",
                    d0,
                    d1,
                )

    def version_header(self, old: Any, new: Any) -> None:
        a = old if isinstance(old, dict) else None
        b = new if isinstance(new, dict) else None
        if a == b:
            return
        loc = "info.x-api-version-header"
        if a is None:
            self.add(
                "version-header-added",
                "breaking",
                None,
                loc,
                f"requests must now send {b.get('name')}: {b.get('value')}" if b else "version header added",
                None,
                b,
            )
        elif b is None:
            self.add("version-header-removed", "non-breaking", None, loc, "version header no longer required", a, None)
        elif a.get("name") != b.get("name"):
            self.add(
                "version-header-renamed",
                "breaking",
                None,
                loc,
                f"version header {a.get('name')} -> " f"{b.get('name')}",
                a,
                b,
            )
        else:
            self.add(
                "version-header-value-changed",
                "info",
                None,
                loc,
                f"{b.get('name')} value {a.get('value')!r} -> {b.get('value')!r}",
                a.get("value"),
                b.get("value"),
            )

    def servers(self, old: Any, new: Any, op: str | None, loc: str) -> None:
        a = [s for s in old if isinstance(s, dict)] if isinstance(old, list) else []
        b = [s for s in new if isinstance(s, dict)] if isinstance(new, list) else []
        if not a and not b:
            return
        if len(a) == 1 and len(b) == 1:
            pairs = [(a[0], b[0])]
            if a[0].get("url") != b[0].get("url"):
                self.add(
                    "server-url-changed",
                    "breaking",
                    op,
                    f"{loc}[0].url",
                    f"server URL {a[0].get('url')} -> {b[0].get('url')}",
                    a[0].get("url"),
                    b[0].get("url"),
                )
        else:
            old_urls = {str(s.get("url")): s for s in a}
            new_urls = {str(s.get("url")): s for s in b}
            for url in sorted(old_urls.keys() - new_urls.keys()):
                self.add("server-removed", "breaking", op, loc, f"server {url} removed", url, None)
            for url in sorted(new_urls.keys() - old_urls.keys()):
                self.add("server-added", "non-breaking", op, loc, f"server {url} added", None, url)
            pairs = [(old_urls[u], new_urls[u]) for u in sorted(old_urls.keys() & new_urls.keys())]
        for s0, s1 in pairs:
            where = f"{loc}[{b.index(s1)}]"
            self.server_variables(s0.get("variables") or {}, s1.get("variables") or {}, op, where)
            self.server_pairs(s0.get("x-server-pairs"), s1.get("x-server-pairs"), op, f"{where}.x-server-pairs")

    def server_variables(self, a: dict[str, Any], b: dict[str, Any], op: str | None, where: str) -> None:
        for name in sorted(a.keys() - b.keys()):
            self.add(
                "server-variable-removed",
                "breaking",
                op,
                f"{where}.variables.{name}",
                f"server variable {name} removed",
                name,
                None,
            )
        for name in sorted(b.keys() - a.keys()):
            self.add(
                "server-variable-added",
                "non-breaking",
                op,
                f"{where}.variables.{name}",
                f"server variable {name} added (default {b[name].get('default')!r})",
                None,
                name,
            )
        for name in sorted(a.keys() & b.keys()):
            va, vb = a[name] or {}, b[name] or {}
            vloc = f"{where}.variables.{name}"
            if va.get("default") != vb.get("default"):
                self.add(
                    "server-variable-default-changed",
                    "breaking",
                    op,
                    f"{vloc}.default",
                    f"default {name} {va.get('default')!r} -> {vb.get('default')!r} (requests that do not "
                    "choose it go elsewhere)",
                    va.get("default"),
                    vb.get("default"),
                )
            ea, eb = va.get("enum") or [], vb.get("enum") or []
            for value in sorted(set(map(str, ea)) - set(map(str, eb))):
                self.add(
                    "server-variable-value-removed",
                    "breaking",
                    op,
                    f"{vloc}.enum",
                    f"{name} {value!r} no longer offered",
                    value,
                    None,
                )
            for value in sorted(set(map(str, eb)) - set(map(str, ea))):
                self.add(
                    "server-variable-value-added",
                    "non-breaking",
                    op,
                    f"{vloc}.enum",
                    f"{name} {value!r} added",
                    None,
                    value,
                )

    def server_pairs(self, old: Any, new: Any, op: str | None, loc: str) -> None:
        def keyed(value: Any) -> dict[str, Any]:
            rows = value if isinstance(value, list) else []
            return {_fmt(r): r for r in rows}

        a, b = keyed(old), keyed(new)
        for key in sorted(a.keys() - b.keys()):
            self.add("server-pair-removed", "breaking", op, loc, f"combination {key} removed", a[key], None)
        for key in sorted(b.keys() - a.keys()):
            self.add("server-pair-added", "non-breaking", op, loc, f"combination {key} added", None, b[key])

    def security(self, old: Any, new: Any, op: str | None, loc: str) -> None:
        def schemes(value: Any) -> set[str]:
            if not isinstance(value, list):
                return set()
            return {_fmt(sorted(req)) for req in value if isinstance(req, dict)}

        if old is None and new is None:
            return
        a, b = schemes(old), schemes(new)
        for key in sorted(b - a):
            self.add(
                "security-requirement-added",
                "breaking",
                op,
                loc,
                f"security requirement {key} added",
                None,
                json.loads(key),
            )
        for key in sorted(a - b):
            self.add(
                "security-requirement-removed",
                "non-breaking",
                op,
                loc,
                f"security requirement {key} removed",
                json.loads(key),
                None,
            )

    def components(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Component names removed/added; a removed name whose shape reappears under a new name is a rename.

        Whether a removal breaks anyone shows in the operations that used it, so these are ``info``.
        """
        a = ((old.get("components") or {}).get("schemas")) or {}
        b = ((new.get("components") or {}).get("schemas")) or {}
        removed = sorted(a.keys() - b.keys())
        added = sorted(b.keys() - a.keys())
        if not removed and not added:
            return
        new_by_fp: dict[str, list[str]] = {}
        for name in added:
            new_by_fp.setdefault(self.new.fingerprint(b[name]), []).append(name)
        for name in removed:
            candidates = new_by_fp.get(self.old.fingerprint(a[name]))
            if candidates:
                target = candidates.pop(0)
                added.remove(target)
                self.add(
                    "schema-renamed",
                    "info",
                    None,
                    f"components.schemas.{name}",
                    f"schema {name} renamed to {target} (same shape)",
                    name,
                    target,
                )
            else:
                self.add(
                    "schema-removed", "info", None, f"components.schemas.{name}", f"schema {name} removed", name, None
                )
        for name in added:
            self.add("schema-added", "info", None, f"components.schemas.{name}", f"schema {name} added", None, name)

    # -- operations ---------------------------------------------------------------------------------------------
    def operations(self, doc: dict[str, Any], res: Resolver) -> dict[tuple[str, str], tuple[str, str, dict[str, Any]]]:
        found: dict[tuple[str, str], tuple[str, str, dict[str, Any]]] = {}
        for path, item in (doc.get("paths") or {}).items():
            item, _ = res.deref(item)
            if not isinstance(item, dict):
                continue
            for method in METHODS:
                op = item.get(method)
                if isinstance(op, dict):
                    found[(_PATH_PARAM.sub("{}", str(path)), method)] = (str(path), method, op)
        return found

    def operation(
        self,
        old: tuple[str, str, dict[str, Any]],
        new: tuple[str, str, dict[str, Any]],
        *,
        old_paths: Any,
        new_paths: Any,
    ) -> None:
        old_path, method, a = old
        new_path, _, b = new
        op = f"{method.upper()} {new_path}"
        old_item = self.old.deref(old_paths[old_path])[0]
        new_item = self.new.deref(new_paths[new_path])[0]
        if a.get("operationId") != b.get("operationId"):
            self.add(
                "operation-id-changed",
                "breaking",
                op,
                "operationId",
                f"operationId {a.get('operationId')} -> {b.get('operationId')} (generated method names change)",
                a.get("operationId"),
                b.get("operationId"),
            )
        self.status(a, b, op, "")
        self.parameters(
            self._params(old_item, a, self.old, old_path), self._params(new_item, b, self.new, new_path), op
        )
        self.request_body(a.get("requestBody"), b.get("requestBody"), op)
        self.responses(a.get("responses") or {}, b.get("responses") or {}, op)
        servers_a = a.get("servers", old_item.get("servers"))
        servers_b = b.get("servers", new_item.get("servers"))
        if servers_a is not None or servers_b is not None:
            self.servers(servers_a, servers_b, op, "servers")
        if "security" in a or "security" in b:
            self.security(a.get("security"), b.get("security"), op, "security")
        for field in ("summary", "description"):
            self.doc_change(op, field, field, a.get(field), b.get(field))
        self.doc_change(op, "tags", "tags", a.get("tags"), b.get("tags"))

    def _params(
        self, item: dict[str, Any], op: dict[str, Any], res: Resolver, path: str
    ) -> dict[tuple[str, str], dict[str, Any]]:
        """Path-item and operation parameters by ``(in, key)``; path parameters keyed by position in the path."""
        positions = {m.group(0)[1:-1]: str(i) for i, m in enumerate(_PATH_PARAM.finditer(path))}
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for source in (item.get("parameters"), op.get("parameters")):
            for raw in source or []:
                param, _ = res.deref(raw)
                if not isinstance(param, dict) or "name" not in param:
                    continue
                where, name = str(param.get("in")), str(param["name"])
                if where == "path":
                    key = positions.get(name, name)
                elif where == "header":
                    key = name.lower()
                else:
                    key = name
                found[(where, key)] = param
        return found

    def parameters(
        self, old: dict[tuple[str, str], dict[str, Any]], new: dict[tuple[str, str], dict[str, Any]], op: str
    ) -> None:
        removed = sorted(old.keys() - new.keys())
        added = sorted(new.keys() - old.keys())
        for key in list(removed):  # same name, other location
            match = next((k for k in added if k[1] == key[1] and k[0] != "path" and key[0] != "path"), None)
            if match is not None:
                removed.remove(key)
                added.remove(match)
                name = new[match]["name"]
                self.add(
                    "parameter-location-changed",
                    "breaking",
                    op,
                    f"parameter.{match[0]}.{name}",
                    f"parameter {name} moved from {key[0]} to {match[0]}",
                    key[0],
                    match[0],
                )
                self.parameter(old[key], new[match], op, f"parameter.{match[0]}.{name}")
        for key in removed:
            param = old[key]
            self.add(
                "parameter-removed",
                "breaking",
                op,
                f"parameter.{key[0]}.{param['name']}",
                f"{key[0]} parameter {param['name']} removed (callers that send it may be rejected)",
                param["name"],
                None,
            )
        for key in added:
            param = new[key]
            loc = f"parameter.{key[0]}.{param['name']}"
            if param.get("required") is True:
                self.add(
                    "parameter-required-added",
                    "breaking",
                    op,
                    loc,
                    f"new required {key[0]} parameter {param['name']}",
                    None,
                    param["name"],
                )
            else:
                self.add(
                    "parameter-added",
                    "non-breaking",
                    op,
                    loc,
                    f"optional {key[0]} parameter {param['name']} added",
                    None,
                    param["name"],
                )
        for key in sorted(old.keys() & new.keys()):
            a, b = old[key], new[key]
            loc = f"parameter.{key[0]}.{b['name']}"
            if key[0] == "path" and a["name"] != b["name"]:
                self.add(
                    "path-parameter-renamed",
                    "info",
                    op,
                    loc,
                    f"path parameter {a['name']} renamed to {b['name']}",
                    a["name"],
                    b["name"],
                )
            self.parameter(a, b, op, loc)

    def parameter(self, a: dict[str, Any], b: dict[str, Any], op: str, loc: str) -> None:
        was, now = a.get("required") is True, b.get("required") is True
        if was != now:
            kind = "parameter-became-required" if now else "parameter-became-optional"
            self.add(
                kind,
                "breaking" if now else "non-breaking",
                op,
                loc,
                f"parameter became {'required' if now else 'optional'}",
                was,
                now,
            )
        if b.get("deprecated") is True and a.get("deprecated") is not True:
            self.add("parameter-deprecated", "deprecation", op, loc, "parameter deprecated", False, True)
        for field in ("style", "explode"):
            if a.get(field) != b.get(field):
                self.add(
                    f"parameter-{field}-changed",
                    "breaking",
                    op,
                    loc,
                    f"{field} {a.get(field)} -> {b.get(field)}",
                    a.get(field),
                    b.get(field),
                )
        if "schema" in a or "schema" in b:
            self.schema(a.get("schema", {}), b.get("schema", {}), "parameter", op, loc)
        for field in ("description", "example"):
            self.doc_change(op, loc, field, a.get(field), b.get(field))

    def request_body(self, a_raw: Any, b_raw: Any, op: str) -> None:
        a = self.old.deref(a_raw)[0] if a_raw is not None else None
        b = self.new.deref(b_raw)[0] if b_raw is not None else None
        loc = "request.body"
        if a is None and b is None:
            return
        if a is None:
            assert b is not None
            required = b.get("required") is True
            self.add(
                "request-body-added",
                "breaking" if required else "non-breaking",
                op,
                loc,
                "required request body added" if required else "optional request body added",
            )
            return
        if b is None:
            self.add(
                "request-body-removed",
                "breaking",
                op,
                loc,
                "request body removed (callers that send it may be " "rejected)",
            )
            return
        was, now = a.get("required") is True, b.get("required") is True
        if was != now:
            kind = "request-body-became-required" if now else "request-body-became-optional"
            self.add(
                kind,
                "breaking" if now else "non-breaking",
                op,
                loc,
                f"request body became {'required' if now else 'optional'}",
                was,
                now,
            )
        self.content(a.get("content") or {}, b.get("content") or {}, "request", op, loc)
        self.doc_change(op, loc, "description", a.get("description"), b.get("description"))

    def content(self, a: dict[str, Any], b: dict[str, Any], scope: Scope, op: str, loc: str) -> None:
        side = _SIDE[scope]
        if len(a) == 1 and len(b) == 1:
            pairs = [(next(iter(a)), next(iter(b)))]
            if pairs[0][0] != pairs[0][1]:
                self.add(
                    f"{scope}-media-type-changed",
                    "breaking",
                    op,
                    loc,
                    f"media type {pairs[0][0]} -> {pairs[0][1]}",
                    pairs[0][0],
                    pairs[0][1],
                )
        else:
            for mt in sorted(a.keys() - b.keys()):
                self.add(
                    f"{scope}-media-type-removed", "breaking", op, f"{loc}({mt})", f"media type {mt} removed", mt, None
                )
            for mt in sorted(b.keys() - a.keys()):
                self.add(
                    f"{scope}-media-type-added", "non-breaking", op, f"{loc}({mt})", f"media type {mt} added", None, mt
                )
            pairs = [(mt, mt) for mt in sorted(a.keys() & b.keys())]
        for mt_a, mt_b in pairs:
            where = loc if (len(pairs) == 1 or mt_b == "application/json") else f"{loc}({mt_b})"
            ma, mb = a[mt_a] or {}, b[mt_b] or {}
            sa, sb = ma.get("schema"), mb.get("schema")
            if sa is not None and sb is not None:
                self.schema(sa, sb, scope, op, where)
            elif sa is None and sb is not None:
                self.add(
                    f"{scope}-schema-added", side_severity(side, "narrowed"), op, where, "schema documented", None, None
                )
            elif sa is not None and sb is None:
                self.add(f"{scope}-schema-removed", side_severity(side, "widened"), op, where, "schema removed")
            self.doc_change(op, where, "example", ma.get("example"), mb.get("example"))
            self.doc_change(op, where, "examples", ma.get("examples"), mb.get("examples"))

    def responses(self, a: dict[str, Any], b: dict[str, Any], op: str) -> None:
        codes_a = {str(k): v for k, v in a.items()}
        codes_b = {str(k): v for k, v in b.items()}
        for code in sorted(codes_a.keys() - codes_b.keys()):
            success = code.startswith("2")
            self.add(
                "response-status-removed",
                "breaking" if success else "non-breaking",
                op,
                f"response.{code}",
                f"status {code} no longer documented",
                code,
                None,
            )
        for code in sorted(codes_b.keys() - codes_a.keys()):
            self.add(
                "response-status-added", "non-breaking", op, f"response.{code}", f"status {code} added", None, code
            )
        for code in sorted(codes_a.keys() & codes_b.keys()):
            ra = self.old.deref(codes_a[code])[0] or {}
            rb = self.new.deref(codes_b[code])[0] or {}
            loc = f"response.{code}"
            ca, cb = ra.get("content") or {}, rb.get("content") or {}
            if ca and not cb:
                self.add("response-body-removed", "breaking", op, f"{loc}.body", "response body no longer documented")
            elif cb and not ca:
                self.add("response-body-added", "non-breaking", op, f"{loc}.body", "response body documented")
            elif ca and cb:
                self.content(ca, cb, "response", op, f"{loc}.body")
            self.headers(ra.get("headers") or {}, rb.get("headers") or {}, op, loc)
            self.doc_change(op, loc, "description", ra.get("description"), rb.get("description"))

    def headers(self, a: dict[str, Any], b: dict[str, Any], op: str, loc: str) -> None:
        la = {k.lower(): (k, v) for k, v in a.items()}
        lb = {k.lower(): (k, v) for k, v in b.items()}
        for key in sorted(la.keys() - lb.keys()):
            name = la[key][0]
            self.add("response-header-removed", "breaking", op, f"{loc}.header.{name}", f"header {name} removed")
        for key in sorted(lb.keys() - la.keys()):
            name = lb[key][0]
            self.add("response-header-added", "non-breaking", op, f"{loc}.header.{name}", f"header {name} added")
        for key in sorted(la.keys() & lb.keys()):
            ha = self.old.deref(la[key][1])[0] or {}
            hb = self.new.deref(lb[key][1])[0] or {}
            if "schema" in ha and "schema" in hb:
                self.schema(ha["schema"], hb["schema"], "header", op, f"{loc}.header.{lb[key][0]}")


def _prefix(rels: Iterable[_Rel], prefix: str) -> list[_Rel]:
    return [_Rel(r.kind, r.severity, prefix + r.suffix, r.message, r.old, r.new) for r in rels]


def _visible(shape: Shape, side: Side, res: Resolver) -> dict[str, Any]:
    """Properties that travel on this side: ``readOnly`` ones are never sent, ``writeOnly`` ones never returned."""
    hidden = "read_only" if side == "request" else "write_only"
    return {name: sub for name, sub in shape.properties.items() if not getattr(res.shape(sub), hidden)}


def _covers(types: frozenset[str], t: str) -> bool:
    return t in types or (t == "integer" and "number" in types)


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


def _constraint_direction(keyword: str, sense: int, before: Any, after: Any) -> Direction:
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


def _sort_key(change: Change) -> tuple[Any, ...]:
    if change.operation is None:
        return (0, "", 0, change.location, change.kind, change.message)
    method, _, path = change.operation.partition(" ")
    return (1, path, METHODS.index(method.lower()), change.location, change.kind, change.message)


def compare(old: dict[str, Any], new: dict[str, Any], *, docs: bool = False) -> list[Change]:
    """Every difference between two OpenAPI 3.0/3.1 documents, classified and in a deterministic order.

    Document-level changes (info, servers, components) come first, then operations by path and method, each by
    location. With ``docs=True`` documentation-only differences (summaries, descriptions, examples, tags, titles)
    are reported too, as ``info``; the changelog uses them to decide on a patch release.
    """
    return _Comparer(old, new, docs).run(old, new)
