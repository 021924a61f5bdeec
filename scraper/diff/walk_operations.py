"""Comparing operations: which exist (matched by method and path template, and ``x-operations`` members by
operationId), and for each pair its parameters, request body, responses, servers, security and lifecycle.

Several documented operations on one method + path (``x-operations``, see ARCHITECTURE.md) are compared member by
member: a member is its group's operation with the member's fields over it and the member's parameters added, so
a member added or removed is an operation added or removed, and a group that becomes a plain operation with the
same single operationId (or back) is no change at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from scraper.diff.rules import Side
from scraper.diff.schema import Resolver
from scraper.diff.version_segments import Which, keyed_once
from scraper.diff.walk_document import DocumentWalker, is_deprecated, parse_sunset
from scraper.spec_input import is_extension

__all__ = ["METHODS", "OperationWalker", "path_template"]

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_PATH_PARAM = re.compile(r"\{[^}/]*\}")


def path_template(path: str) -> str:
    """``/v1/volumes/{}`` for ``/v1/volumes/{volume_id}``: how operations are matched across documents (a renamed
    path parameter is still the same operation)."""
    return _PATH_PARAM.sub("{}", path)


ParamKey = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One operation as a client method sees it (an ``x-operations`` member merged over its group)."""

    path: str
    method: str
    op: dict[str, Any]
    item: dict[str, Any]
    member: bool

    @property
    def operation_id(self) -> Any:
        return self.op.get("operationId")

    def label(self, grouped: bool) -> str:
        base = f"{self.method.upper()} {self.path}"
        return f"{base} ({self.operation_id})" if grouped and self.operation_id else base


def _param_id(raw: Any, res: Resolver) -> tuple[str, str] | None:
    param, _ = res.deref(raw)
    if not isinstance(param, dict) or "name" not in param:
        return None
    return str(param.get("in")), str(param["name"])


def _member_op(group: dict[str, Any], member: dict[str, Any], res: Resolver) -> dict[str, Any]:
    """The member's fields over the group's; parameters are the group's plus the member's (member wins). The group's
    ``requestBody`` is only the union of its members' own: a member without one has none, as the client generator
    reads it (``scraper.clients.ir._documented_operations``)."""
    merged = {k: v for k, v in group.items() if k not in ("x-operations", "requestBody")}
    merged.update({k: v for k, v in member.items() if k != "parameters"})
    own = [p for p in member.get("parameters") or [] if _param_id(p, res) is not None]
    own_ids = {_param_id(p, res) for p in own}
    inherited = [p for p in group.get("parameters") or [] if _param_id(p, res) not in own_ids]
    merged["parameters"] = inherited + own
    return merged


def _entries(value: Any) -> dict[str, Any]:
    """The named entries of a map (responses, media types, headers): OpenAPI lets ``x-...`` keys of any value stand
    beside them (``x-foo: 1`` among the responses was a traceback), and an entry that is not an object describes
    nothing to compare."""
    if not isinstance(value, dict):
        return {}
    return {str(k): v for k, v in value.items() if not is_extension(k) and isinstance(v, dict)}


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _endpoints(doc: dict[str, Any], res: Resolver) -> dict[tuple[str, str], list[Endpoint]]:
    found: dict[tuple[str, str], list[Endpoint]] = {}
    for path, raw_item in (doc.get("paths") or {}).items():
        if is_extension(path):  # `x-...` beside the paths is not one (it may be a path item other paths $ref)
            continue
        item, _ = res.deref(raw_item)
        if not isinstance(item, dict):
            continue
        for method in METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            declared = op.get("x-operations")  # our extension: anything in a spec from anyone
            members = [m for m in declared if isinstance(m, dict)] if isinstance(declared, list) else []
            key = (path_template(str(path)), method)
            if members:
                found[key] = [Endpoint(str(path), method, _member_op(op, m, res), item, True) for m in members]
            else:
                found[key] = [Endpoint(str(path), method, op, item, False)]
    return found


def _match(
    old: list[Endpoint], new: list[Endpoint]
) -> tuple[list[tuple[Endpoint, Endpoint]], list[Endpoint], list[Endpoint]]:
    """Pairs by operationId, then by summary, then the single remaining one on each side; the rest unmatched."""
    pairs: list[tuple[Endpoint, Endpoint]] = []
    rest_old, rest_new = list(old), list(new)
    for field in ("operationId", "summary"):
        for a in list(rest_old):
            value = a.op.get(field)
            b = next((e for e in rest_new if value is not None and e.op.get(field) == value), None)
            if b is not None:
                pairs.append((a, b))
                rest_old.remove(a)
                rest_new.remove(b)
    if len(rest_old) == 1 and len(rest_new) == 1:
        pairs.append((rest_old.pop(), rest_new.pop()))
    return pairs, rest_old, rest_new


def _heading_derived(op: dict[str, Any]) -> bool:
    """Whether an operation's id was read from its documented heading: an operation of a spec docs2client read from
    pages names the heading in its ``x-source`` (ARCHITECTURE.md's spec conventions)."""
    source = op.get("x-source")
    return isinstance(source, dict) and isinstance(source.get("heading"), str) and bool(source["heading"])


def _path_problem(endpoint: Endpoint, res: Resolver) -> str | None:
    """What is wrong between the path template and the declared path parameters (``None``: nothing)."""
    template = [m.group(0)[1:-1] for m in _PATH_PARAM.finditer(endpoint.path)]
    declared = set()
    for source in (endpoint.item.get("parameters"), endpoint.op.get("parameters")):
        for raw in source or []:
            ident = _param_id(raw, res)
            if ident is not None and ident[0] == "path":
                declared.add(ident[1])
    problems = [f"parameter {name} is not in the path" for name in sorted(declared - set(template))]
    problems += [f"{{{name}}} has no parameter" for name in template if name not in declared]
    return "; ".join(problems) or None


def _key(endpoint: Endpoint) -> tuple[str, str]:
    return path_template(endpoint.path), endpoint.method


def _held_ids(endpoints: dict[tuple[str, str], list[Endpoint]]) -> set[tuple[str, tuple[str, str]]]:
    return {(ep.operation_id, _key(ep)) for eps in endpoints.values() for ep in eps if isinstance(ep.operation_id, str)}


class OperationWalker(DocumentWalker):
    """Operation-level comparison on top of :class:`DocumentWalker`."""

    held_ids: tuple[set[tuple[str, tuple[str, str]]], set[tuple[str, tuple[str, str]]]] = (set(), set())

    def operations(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        old_eps = _endpoints(old, self.old)
        new_eps = _endpoints(new, self.new)
        # every (operationId, endpoint) of each side, keyed as the endpoints are before version re-keying
        self.held_ids = (_held_ids(old_eps), _held_ids(new_eps))
        self._match_version_paths(old_eps, new_eps)
        for key in sorted(old_eps.keys() | new_eps.keys()):
            a, b = old_eps.get(key, []), new_eps.get(key, [])
            grouped = any(e.member for e in (*a, *b))
            pairs, removed, added = _match(a, b)
            for ep in removed:
                self.operation_removed(ep, ep.label(grouped))
            for ep in added:
                self.add("operation-added", ep.label(grouped), "")
            for ea, eb in pairs:
                self.operation(ea, eb, eb.label(grouped))

    def _match_version_paths(
        self, old_eps: dict[tuple[str, str], list[Endpoint]], new_eps: dict[tuple[str, str], list[Endpoint]]
    ) -> None:
        """Re-key the old operations whose path differs from a new one's only by the segment spelling each
        document's version (:mod:`~scraper.diff.version_segments`), so they are compared as the same operations;
        one ``path-version-changed`` per pair of spellings says so. Only what exact matching left unmatched."""
        olds = keyed_once({k: self._version_key(k, "old") for k in old_eps if k not in new_eps})
        news = keyed_once({k: self._version_key(k, "new") for k in new_eps if k not in old_eps})
        moved: dict[tuple[str, str], int] = {}
        for key in sorted(olds.keys() & news.keys()):
            old_key, new_key = olds[key], news[key]
            old_eps[new_key] = old_eps.pop(old_key)
            spelled = (self._version_written(old_key, "old"), self._version_written(new_key, "new"))
            moved[spelled] = moved.get(spelled, 0) + 1
        for (was, now), count in sorted(moved.items()):
            self.add("path-version-changed", None, "paths", old=was, new=now, count=count)

    def _reassigned(self, id_a: Any, id_b: Any, key_a: tuple[str, str], key_b: tuple[str, str]) -> str | None:
        """The id of a changed pair that another operation holds on the other side (the old id named by another
        operation of the new document, or the new id by another of the old), else None: a method of that name
        then calls another endpoint (``operation-id-reassigned``)."""
        old_ids, new_ids = self.held_ids
        if isinstance(id_a, str) and any(i == id_a and k != key_a for i, k in new_ids):
            return id_a
        if isinstance(id_b, str) and any(i == id_b and k != key_b for i, k in old_ids):
            return id_b
        return None

    def _version_moved_id(self, old_id: str, new_id: str) -> bool:
        key = self.versions.name_key(old_id, "old")
        return key is not None and key == self.versions.name_key(new_id, "new")

    def _version_key(self, key: tuple[str, str], which: Which) -> str | None:
        keyed = self.versions.path_key(key[0], which)
        return None if keyed is None else f"{key[1]} {keyed[0]}"

    def _version_written(self, key: tuple[str, str], which: Which) -> str:
        keyed = self.versions.path_key(key[0], which)
        return "" if keyed is None else keyed[1]

    def operation_removed(self, ep: Endpoint, label: str) -> None:
        op = ep.op
        sunset = op.get("x-sunset")
        if op.get("x-stability-level") in ("draft", "alpha"):
            self.add("operation-removed-unstable", label, "", stability=op.get("x-stability-level"))
        elif not is_deprecated(op):
            self.add("operation-removed", label, "")
        elif sunset is None:
            self.add("operation-removed-deprecated", label, "")
        else:
            date = parse_sunset(sunset)
            passed = date is not None and self.today is not None and date <= self.today
            rule = "operation-removed-after-sunset" if passed else "operation-removed-before-sunset"
            self.add(rule, label, "", old=str(sunset), sunset=str(sunset), as_of=self.as_of())

    def operation(self, ea: Endpoint, eb: Endpoint, op: str) -> None:
        a, b = ea.op, eb.op
        id_a, id_b = a.get("operationId"), b.get("operationId")
        if id_a != id_b:
            versioned = isinstance(id_a, str) and isinstance(id_b, str) and self._version_moved_id(id_a, id_b)
            rule = "operation-id-version-changed" if versioned else "operation-id-changed"
            if not versioned and _heading_derived(a) and _heading_derived(b):
                rule = "operation-id-rederived"
            moved = self._reassigned(id_a, id_b, _key(ea), _key(eb))
            if moved is not None:
                rule = "operation-id-reassigned"
            self.add(rule, op, "operationId", old=id_a, new=id_b, moved=moved)
        self.status(a, b, op, "")
        problem_a, problem_b = _path_problem(ea, self.old), _path_problem(eb, self.new)
        if problem_b is not None and problem_b != problem_a:
            self.add("path-parameter-mismatch", op, "parameter.path", new=problem_b, problem=problem_b)
        elif problem_a is not None and problem_b is None:
            self.add("path-parameter-mismatch-fixed", op, "parameter.path", old=problem_a, problem=problem_a)
        with_path = problem_a == problem_b  # a mismatch that changed is reported once, above, and nothing else
        self.parameters(self._params(ea, self.old, with_path), self._params(eb, self.new, with_path), op)
        self.request_body(a.get("requestBody"), b.get("requestBody"), op)
        self.responses(a.get("responses") or {}, b.get("responses") or {}, op)
        servers_a = a.get("servers", ea.item.get("servers"))
        servers_b = b.get("servers", eb.item.get("servers"))
        if servers_a is not None or servers_b is not None:
            self.servers(servers_a, servers_b, op, "servers")
        if "security" in a or "security" in b:
            self.security(a.get("security"), b.get("security"), op, "security")
        for name in ("summary", "description", "tags"):
            self.doc_change(op, name, name, a.get(name), b.get(name))

    @staticmethod
    def _params(ep: Endpoint, res: Resolver, with_path: bool) -> dict[ParamKey, dict[str, Any]]:
        """Path-item and operation parameters by ``(in, key)``; path parameters keyed by position in the path."""
        positions = {m.group(0)[1:-1]: str(i) for i, m in enumerate(_PATH_PARAM.finditer(ep.path))}
        found: dict[ParamKey, dict[str, Any]] = {}
        for source in (ep.item.get("parameters"), ep.op.get("parameters")):
            for raw in source or []:
                param, _ = res.deref(raw)
                if not isinstance(param, dict) or "name" not in param:
                    continue
                where, name = str(param.get("in")), str(param["name"])
                if where == "path":
                    if not with_path:
                        continue
                    key = positions.get(name, name)
                elif where == "header":
                    key = name.lower()
                else:
                    key = name
                found[(where, key)] = param
        return found

    def parameters(self, old: dict[ParamKey, dict[str, Any]], new: dict[ParamKey, dict[str, Any]], op: str) -> None:
        removed = sorted(old.keys() - new.keys())
        added = sorted(new.keys() - old.keys())
        for key in list(removed):  # same name, other location
            match = next((k for k in added if k[1] == key[1] and k[0] != "path" and key[0] != "path"), None)
            if match is not None:
                removed.remove(key)
                added.remove(match)
                name = new[match]["name"]
                loc = f"parameter.{match[0]}.{name}"
                self.add("parameter-location-changed", op, loc, old=key[0], new=match[0], name=name)
                self.parameter(old[key], new[match], op, loc)
        for key in removed:
            self.parameter_removed(old[key], key[0], op)
        for key in added:
            name = new[key]["name"]
            rule = "parameter-required-added" if new[key].get("required") is True else "parameter-added"
            self.add(rule, op, f"parameter.{key[0]}.{name}", new=name, name=name, where=key[0])
        for key in sorted(old.keys() & new.keys()):
            a, b = old[key], new[key]
            loc = f"parameter.{key[0]}.{b['name']}"
            if key[0] == "path" and a["name"] != b["name"]:
                self.add("path-parameter-renamed", op, loc, old=a["name"], new=b["name"])
            self.parameter(a, b, op, loc)

    def parameter_removed(self, param: dict[str, Any], where: str, op: str) -> None:
        """Like an operation's removal: breaking, unless it ends a deprecation whose sunset (if any) has passed."""
        name, sunset = param["name"], param.get("x-sunset")
        rule = "parameter-removed"
        if param.get("deprecated") is True:
            date = parse_sunset(sunset) if sunset is not None else None
            passed = sunset is None or (date is not None and self.today is not None and date <= self.today)
            rule = "parameter-removed-deprecated" if passed else "parameter-removed-before-sunset"
        values = {"name": name, "where": where, "sunset": str(sunset), "as_of": self.as_of()}
        self.add(rule, op, f"parameter.{where}.{name}", old=name, **values)

    def parameter(self, a: dict[str, Any], b: dict[str, Any], op: str, loc: str) -> None:
        was, now = a.get("required") is True, b.get("required") is True
        if was != now:
            self.add("parameter-became-required" if now else "parameter-became-optional", op, loc, old=was, new=now)
        if b.get("deprecated") is True and a.get("deprecated") is not True:
            self.add("parameter-deprecated", op, loc, old=False, new=True)
        deprecated = b.get("deprecated") is True
        self.sunset(a.get("x-sunset"), b.get("x-sunset"), op, f"{loc}.x-sunset", deprecated, base="parameter-")
        for name in ("style", "explode"):
            if a.get(name) != b.get(name):
                self.add(f"parameter-{name}-changed", op, loc, old=a.get(name), new=b.get(name))
        if "schema" in a or "schema" in b:
            self.schema(a.get("schema", {}), b.get("schema", {}), "parameter", op, loc)
        for name in ("description", "example"):
            self.doc_change(op, loc, name, a.get(name), b.get(name))

    def request_body(self, a_raw: Any, b_raw: Any, op: str) -> None:
        a = self.old.deref(a_raw)[0] if a_raw is not None else None
        b = self.new.deref(b_raw)[0] if b_raw is not None else None
        loc = "request.body"
        if a is None and b is None:
            return
        if a is None:
            assert b is not None
            self.add("request-body-required-added" if b.get("required") is True else "request-body-added", op, loc)
            return
        if b is None:
            self.add("request-body-removed", op, loc)
            return
        was, now = a.get("required") is True, b.get("required") is True
        if was != now:
            rule = "request-body-became-required" if now else "request-body-became-optional"
            self.add(rule, op, loc, old=was, new=now)
        self.content(a.get("content") or {}, b.get("content") or {}, "request", op, loc)
        self.doc_change(op, loc, "description", a.get("description"), b.get("description"))

    def content(self, a: dict[str, Any], b: dict[str, Any], scope: Side, op: str, loc: str) -> None:
        """Media types of a body; ``scope`` is ``request`` or ``response`` (the body's schema scope)."""
        a, b = _entries(a), _entries(b)
        if len(a) == 1 and len(b) == 1:
            pairs = [(next(iter(a)), next(iter(b)))]
            if pairs[0][0] != pairs[0][1]:
                self.add("media-type-changed", op, loc, scope=scope, old=pairs[0][0], new=pairs[0][1])
        else:
            for mt in sorted(a.keys() - b.keys()):
                self.add("media-type-removed", op, f"{loc}({mt})", scope=scope, old=mt)
            for mt in sorted(b.keys() - a.keys()):
                self.add("media-type-added", op, f"{loc}({mt})", scope=scope, new=mt)
            pairs = [(mt, mt) for mt in sorted(a.keys() & b.keys())]
        for mt_a, mt_b in pairs:
            where = loc if (len(pairs) == 1 or mt_b == "application/json") else f"{loc}({mt_b})"
            ma, mb = a[mt_a] or {}, b[mt_b] or {}
            sa, sb = ma.get("schema"), mb.get("schema")
            if sa is not None and sb is not None:
                self.schema(sa, sb, scope, op, where)
            elif sa is None and sb is not None:
                self.add("body-schema-added", op, where, scope=scope)
            elif sa is not None and sb is None:
                self.add("body-schema-removed", op, where, scope=scope)
            self.doc_change(op, where, "example", ma.get("example"), mb.get("example"))
            self.doc_change(op, where, "examples", ma.get("examples"), mb.get("examples"))

    def responses(self, a: dict[str, Any], b: dict[str, Any], op: str) -> None:
        codes_a, codes_b = _entries(a), _entries(b)
        for code in sorted(codes_a.keys() - codes_b.keys()):
            rule = "response-success-status-removed" if code.startswith("2") else "response-status-removed"
            self.add(rule, op, f"response.{code}", old=code, code=code)
        for code in sorted(codes_b.keys() - codes_a.keys()):
            self.add("response-status-added", op, f"response.{code}", new=code, code=code)
        for code in sorted(codes_a.keys() & codes_b.keys()):
            ra = _object(self.old.deref(codes_a[code])[0])
            rb = _object(self.new.deref(codes_b[code])[0])
            loc = f"response.{code}"
            ca, cb = ra.get("content") or {}, rb.get("content") or {}
            if ca and not cb:
                self.add("response-body-removed", op, f"{loc}.body")
            elif cb and not ca:
                self.add("response-body-added", op, f"{loc}.body")
            elif ca and cb:
                self.content(ca, cb, "response", op, f"{loc}.body")
            self.headers(ra.get("headers") or {}, rb.get("headers") or {}, op, loc)
            self.doc_change(op, loc, "description", ra.get("description"), rb.get("description"))

    def headers(self, a: dict[str, Any], b: dict[str, Any], op: str, loc: str) -> None:
        la = {k.lower(): (k, v) for k, v in _entries(a).items()}
        lb = {k.lower(): (k, v) for k, v in _entries(b).items()}
        for key in sorted(la.keys() - lb.keys()):
            name = la[key][0]
            self.add("response-header-removed", op, f"{loc}.header.{name}", name=name)
        for key in sorted(lb.keys() - la.keys()):
            name = lb[key][0]
            self.add("response-header-added", op, f"{loc}.header.{name}", name=name)
        for key in sorted(la.keys() & lb.keys()):
            ha = _object(self.old.deref(la[key][1])[0])
            hb = _object(self.new.deref(lb[key][1])[0])
            was, now = ha.get("required") is True, hb.get("required") is True
            if was != now:
                rule = "response-header-became-required" if now else "response-header-became-optional"
                self.add(rule, op, f"{loc}.header.{lb[key][0]}", old=was, new=now, name=lb[key][0])
            if "schema" in ha and "schema" in hb:
                self.schema(ha["schema"], hb["schema"], "header", op, f"{loc}.header.{lb[key][0]}")
