"""Comparing what surrounds the operations: ``info`` (version, status, sunset, version table, version header),
servers, security requirements and component names; also the lifecycle (status, sunset, stability) of an
operation, which reads the same fields as ``info``.

Sunsets are judged against ``today`` when the caller gives one (``docs2client diff`` does): a sunset set or moved
to less than ``min_notice_days`` away is ``sunset-too-soon``. Without a date (the changelog, which must be
reproducible) nothing is judged against the clock.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import Any

from scraper.diff.emitter import fmt, iso
from scraper.diff.model import jsonable
from scraper.diff.version_segments import keyed_once
from scraper.diff.walk_schemas import SchemaWalker, stability_change
from scraper.url_credentials import redact_url
from scraper.versioning import version_key

__all__ = ["DocumentWalker", "is_deprecated", "parse_sunset"]


def parse_sunset(value: Any) -> _dt.date | None:
    """An ``x-sunset`` as a date (``2026-05-31``, a YAML date or an RFC 3339 date-time), ``None`` when unreadable."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = str(value).strip()
    for parse in (_dt.date.fromisoformat, lambda t: _dt.datetime.fromisoformat(t.replace("Z", "+00:00")).date()):
        try:
            return parse(text)
        except ValueError:
            continue
    return None


def _shown_url(url: Any) -> Any:
    """A server URL as a change shows it: its credentials (a spec from anyone may hold some) as ``***``."""
    return redact_url(url) if isinstance(url, str) else url


def _mapping(value: Any) -> dict[str, Any]:
    """``value`` if it is a mapping, else an empty one: a spec from anyone may hold anything where OpenAPI puts a
    mapping (``variables: [region]`` was an ``AttributeError`` traceback)."""
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    """``value`` if it is a list, else an empty one (an ``enum: 5`` is no list of values)."""
    return value if isinstance(value, list) else []


def is_deprecated(node: dict[str, Any]) -> bool:
    """``deprecated: true`` or ``x-api-status: DEPRECATED``."""
    return node.get("deprecated") is True or str(node.get("x-api-status")).upper() == "DEPRECATED"


class DocumentWalker(SchemaWalker):
    """Document-level comparison on top of :class:`SchemaWalker`."""

    def info(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        if iso(old.get("version")) != iso(new.get("version")):
            self.add("api-version-changed", None, "info.version", old=old.get("version"), new=new.get("version"))
        self.status(old, new, None, "info")
        self.version_table(old.get("x-versions"), new.get("x-versions"))
        self.version_header(old.get("x-api-version-header"), new.get("x-api-version-header"))
        for name in ("title", "description"):
            self.doc_change(None, f"info.{name}", name, old.get(name), new.get(name))

    def status(self, old: dict[str, Any], new: dict[str, Any], op: str | None, where: str) -> None:
        """``deprecated``, ``x-api-status``, ``x-sunset`` and ``x-stability-level`` of an operation (or of
        ``info`` when ``op`` is None)."""
        prefix = f"{where}." if where else ""
        if op is not None:
            if new.get("deprecated") is True and old.get("deprecated") is not True:
                self.add("operation-deprecated", op, f"{prefix}deprecated", old=False, new=True)
            elif old.get("deprecated") is True and new.get("deprecated") is not True:
                self.add("operation-undeprecated", op, f"{prefix}deprecated", old=True, new=False)
            verdict = stability_change(old.get("x-stability-level"), new.get("x-stability-level"))
            if verdict is not None:
                self.add(
                    f"operation-stability-{verdict}",
                    op,
                    f"{prefix}x-stability-level",
                    old=old.get("x-stability-level"),
                    new=new.get("x-stability-level"),
                )
        before, after = old.get("x-api-status"), new.get("x-api-status")
        if before != after:
            rule = "status-deprecated" if str(after).upper() == "DEPRECATED" else "status-changed"
            self.add(
                ("operation-" if op is not None else "api-") + rule, op, f"{prefix}x-api-status", old=before, new=after
            )
        self.sunset(old.get("x-sunset"), new.get("x-sunset"), op, f"{prefix}x-sunset", is_deprecated(new))

    def sunset(
        self, old: Any, new: Any, op: str | None, location: str, deprecated: bool, base: str | None = None
    ) -> None:
        """``x-sunset`` of ``info`` (rules ``sunset-*``), an operation or, with ``base="parameter-"``, a parameter."""
        before, after = iso(old), iso(new)
        if before == after:
            return
        if base is None:
            base = "operation-" if op is not None else ""
        if after is None:
            self.add(f"{base}sunset-{'deleted' if deprecated else 'removed'}", op, location, old=before)
            return
        new_date = parse_sunset(new)
        if new_date is None:
            self.add(f"{base}sunset-invalid", op, location, old=before, new=after)
            return
        old_date = parse_sunset(old) if before is not None else None
        if old_date is not None and new_date > old_date:
            self.add(f"{base}sunset-moved-later", op, location, old=before, new=after)
            return
        if self.today is not None and new_date < self.today + _dt.timedelta(days=self.min_notice_days):
            self.add(
                f"{base}sunset-too-soon",
                op,
                location,
                old=before,
                new=after,
                days=self.min_notice_days,
                today=self.today.isoformat(),
                passed=" (already past)" if new_date < self.today else "",
            )
        elif old_date is None:
            self.add(f"{base}sunset-set", op, location, old=before, new=after)
        else:
            self.add(f"{base}sunset-moved-earlier", op, location, old=before, new=after)

    def version_table(self, old: Any, new: Any) -> None:
        """``info.x-versions``: the service's version table (``[{version, status, date}]``)."""

        def table(value: Any) -> dict[str, dict[str, Any]]:
            rows = value if isinstance(value, list) else []
            return {str(r.get("version")): r for r in rows if isinstance(r, dict) and "version" in r}

        a, b = table(old), table(new)
        if not a and not b:
            return
        for v in sorted(a.keys() - b.keys(), key=version_key):
            self.add("version-unlisted", None, f"info.x-versions[{v}]", old=jsonable(a[v]), version=v)
        for v in sorted(b.keys() - a.keys(), key=version_key):
            self.add(
                "version-listed",
                None,
                f"info.x-versions[{v}]",
                new=jsonable(b[v]),
                version=v,
                status=b[v].get("status"),
            )
        for v in sorted(a.keys() & b.keys(), key=version_key):
            s0, s1 = a[v].get("status"), b[v].get("status")
            if s0 != s1:
                rule = "version-status-deprecated" if str(s1).upper() == "DEPRECATED" else "version-status-changed"
                self.add(rule, None, f"info.x-versions[{v}].status", old=s0, new=s1, version=v)
            d0, d1 = iso(a[v].get("date")), iso(b[v].get("date"))
            if d0 != d1:
                earlier = d1 is not None and (d0 is None or d1 < d0)
                rule = "version-date-moved-earlier" if earlier else "version-date-changed"
                self.add(rule, None, f"info.x-versions[{v}].date", old=d0, new=d1, version=v)

    def version_header(self, old: Any, new: Any) -> None:
        a = old if isinstance(old, dict) else None
        b = new if isinstance(new, dict) else None
        if a == b:
            return
        loc = "info.x-api-version-header"
        if a is None:
            assert b is not None
            self.add("version-header-added", None, loc, new=b, name=b.get("name"), value=b.get("value"))
        elif b is None:
            self.add("version-header-removed", None, loc, old=a)
        elif a.get("name") != b.get("name"):
            self.add("version-header-renamed", None, loc, old=a, new=b, **{"from": a.get("name")}, to=b.get("name"))
        else:
            self.add(
                "version-header-value-changed", None, loc, old=a.get("value"), new=b.get("value"), name=b.get("name")
            )

    def servers(self, old: Any, new: Any, op: str | None, loc: str) -> None:
        a = [s for s in old if isinstance(s, dict)] if isinstance(old, list) else []
        b = [s for s in new if isinstance(s, dict)] if isinstance(new, list) else []
        if not a and not b:
            return
        if len(a) == 1 and len(b) == 1:
            pairs = [(a[0], b[0])]
            if a[0].get("url") != b[0].get("url"):
                old_url, new_url = _shown_url(a[0].get("url")), _shown_url(b[0].get("url"))
                same = self._version_moved(str(a[0].get("url")), str(b[0].get("url")))
                rule = "server-url-version-changed" if same else "server-url-changed"
                self.add(rule, op, f"{loc}[0].url", old=old_url, new=new_url)
        else:
            old_urls = {str(s.get("url")): s for s in a}
            new_urls = {str(s.get("url")): s for s in b}
            gone = sorted(old_urls.keys() - new_urls.keys())
            came = sorted(new_urls.keys() - old_urls.keys())
            pairs = [(old_urls[u], new_urls[u]) for u in sorted(old_urls.keys() & new_urls.keys())]
            for url_a, url_b in self._version_pairs(gone, came):
                gone.remove(url_a)
                came.remove(url_b)
                where = f"{loc}[{b.index(new_urls[url_b])}].url"
                self.add("server-url-version-changed", op, where, old=redact_url(url_a), new=redact_url(url_b))
                pairs.append((old_urls[url_a], new_urls[url_b]))
            for url in gone:
                self.add("server-removed", op, loc, old=redact_url(url))
            for url in came:
                self.add("server-added", op, loc, new=redact_url(url))
        for s0, s1 in pairs:
            where = f"{loc}[{b.index(s1)}]"
            self.server_variables(_mapping(s0.get("variables")), _mapping(s1.get("variables")), op, where)
            self.server_pairs(s0.get("x-server-pairs"), s1.get("x-server-pairs"), op, f"{where}.x-server-pairs")

    def _version_moved(self, old_url: str, new_url: str) -> bool:
        """Whether two server URLs differ only by the segment spelling each document's version."""
        key = self.versions.url_key(old_url, "old")
        return key is not None and key == self.versions.url_key(new_url, "new")

    def _version_pairs(self, gone: list[str], came: list[str]) -> list[tuple[str, str]]:
        """Unmatched server URLs paired where they differ only by the version segment (each key unique a side)."""
        olds = keyed_once({u: self.versions.url_key(u, "old") for u in gone})
        news = keyed_once({u: self.versions.url_key(u, "new") for u in came})
        return [(olds[key], news[key]) for key in sorted(olds.keys() & news.keys())]

    def server_variables(self, a: dict[str, Any], b: dict[str, Any], op: str | None, where: str) -> None:
        for name in sorted(a.keys() - b.keys()):
            self.add("server-variable-removed", op, f"{where}.variables.{name}", old=name, name=name)
        for name in sorted(b.keys() - a.keys()):
            default = _mapping(b[name]).get("default")
            self.add("server-variable-added", op, f"{where}.variables.{name}", new=name, name=name, default=default)
        for name in sorted(a.keys() & b.keys()):
            va, vb = _mapping(a[name]), _mapping(b[name])
            vloc = f"{where}.variables.{name}"
            if va.get("default") != vb.get("default"):
                self.add(
                    "server-variable-default-changed",
                    op,
                    f"{vloc}.default",
                    old=va.get("default"),
                    new=vb.get("default"),
                    name=name,
                )
            ea, eb = _list(va.get("enum")), _list(vb.get("enum"))
            for value in sorted(set(map(str, ea)) - set(map(str, eb))):
                self.add("server-variable-value-removed", op, f"{vloc}.enum", old=value, name=name)
            for value in sorted(set(map(str, eb)) - set(map(str, ea))):
                self.add("server-variable-value-added", op, f"{vloc}.enum", new=value, name=name)

    def server_pairs(self, old: Any, new: Any, op: str | None, loc: str) -> None:
        def keyed(value: Any) -> dict[str, Any]:
            rows = value if isinstance(value, list) else []
            return {fmt(r): r for r in rows}

        a, b = keyed(old), keyed(new)
        for key in sorted(a.keys() - b.keys()):
            self.add("server-pair-removed", op, loc, old=a[key], key=key)
        for key in sorted(b.keys() - a.keys()):
            self.add("server-pair-added", op, loc, new=b[key], key=key)

    def security(self, old: Any, new: Any, op: str | None, loc: str) -> None:
        def schemes(value: Any) -> set[str]:
            if not isinstance(value, list):
                return set()
            return {fmt(sorted(req)) for req in value if isinstance(req, dict)}

        if old is None and new is None:
            return
        # A list of alternatives: any one of them suffices. No alternative at all means no credentials needed.
        a, b = schemes(old), schemes(new)
        for key in sorted(b - a):
            rule = "security-alternative-added" if a else "security-requirement-added"
            self.add(rule, op, loc, new=json.loads(key), key=key)
        for key in sorted(a - b):
            rule = "security-alternative-removed" if b else "security-requirement-removed"
            self.add(rule, op, loc, old=json.loads(key), key=key)

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
                self.add("schema-renamed", None, f"components.schemas.{name}", old=name, new=target)
            else:
                self.add("schema-removed", None, f"components.schemas.{name}", old=name)
        for name in added:
            self.add("schema-added", None, f"components.schemas.{name}", new=name)
