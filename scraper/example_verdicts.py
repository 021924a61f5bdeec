"""Verdicts of example checks, remembered by the content they depend on, so a rebuild checks only what changed.

Both stages check documented examples against their schemas: the spec build (:mod:`scraper.build.examples`, each
mismatch becomes a finding) and the package IR (:mod:`scraper.clients.ir`, each mismatch marks a contract test).
A service's versions hold over a thousand examples, and an edit of one operation's text changes none of them, yet
every rebuild checked them all again and imported the validators to do it (a quarter of a second of an edit).

A verdict is a pure function of the example, of its schema, of the components the schema refers to (followed
transitively), of the checker (its code and its libraries' versions, the *salt*) and of the checker's *flavor*
(OpenAPI 3.0 or 3.1 semantics). The key is a sha256 over exactly those, as JSON with key order kept (a validator's
first error can depend on it). A value that is not plain JSON (a date, an integer key, NaN) or a schema whose
references leave ``#/components/`` has no key and is checked every time.

Verdicts are kept in one file per *group* (an API version of a service, as one checker sees it) in
``<cache folder>/example-verdicts/<salt>/<aa>/<sha256 of the group>`` (see :mod:`scraper.cache_files`: checksummed,
written atomically, pruned when unused for 30 days; ``DOCS2CLIENT_CACHE_DIR=off`` turns them off). A group's file
is rewritten only when its set of verdicts changed, and then holds only the verdicts used in that run, so it never
grows with edits.

A remembered verdict is trusted: whoever can write the cache folder can change which examples are reported as
mismatches and with which message (text in findings and contract-test data, never code). Callers check the shape
of what they read back; a verdict of the wrong shape is a miss.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from scraper.cache_files import MAX_AGE_S, cache_root, exact_json, prune_when_due, read_entry, write_entry
from scraper.source_digest import installed_version

__all__ = ["ExampleVerdicts", "checker_salt"]

#: Changes whenever the layout or the meaning of a verdicts file changes.
_FORMAT = "docs2client example verdicts 1"
_FOLDER = "example-verdicts"
_COMPONENTS = "#/components/"
#: Keywords whose value points elsewhere in the document (a dynamic reference that does not name a component, say
#: ``#meta``, makes the schema unkeyable: what it reaches is not in the key).
_REFERENCING = ("$ref", "$dynamicRef", "$recursiveRef")


def checker_salt(code_files: tuple[str, ...], distributions: tuple[str, ...]) -> str:
    """What turns a key into a verdict: the checking code (its files' bytes) and its libraries' versions."""
    digest = hashlib.sha256(f"{_FORMAT}\n".encode())
    for name in distributions:
        digest.update(f"{name}=={installed_version(name)}\n".encode())
    for path in code_files:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]


def _refs(node: Any) -> Iterator[str]:
    """Every ``$ref`` string in ``node`` (recursively)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for keyword in _REFERENCING:
                ref = item.get(keyword)
                if isinstance(ref, str):
                    yield ref
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


class ExampleVerdicts:
    """The remembered verdicts of one group of example checks (see the module docstring).

    ``components`` is the document's ``components`` mapping (section -> name -> object) that the checked schemas
    refer into; it must not change while this object is in use (each component's text is read once).
    """

    def __init__(self, path: Path | None, components: Mapping[str, Any], flavor: str) -> None:
        self._path = path
        self._components = components
        self._flavor = flavor
        self._old: dict[str, Any] = self._load(path) if path is not None else {}
        self._used: dict[str, Any] = {}
        self._component_digests: dict[str, tuple[str, tuple[str, ...]] | None] = {}
        self._closures: dict[frozenset[str], str | None] = {}
        self.hits = 0
        self.misses = 0

    @classmethod
    def open(cls, salt: str, group: str, components: Mapping[str, Any], flavor: str) -> ExampleVerdicts:
        """The verdicts of ``group`` for the checker of ``salt``, from docs2client's cache folder (none when caches
        are off). Prunes verdicts files unused for 30 days, at most once a day."""
        root = cache_root()
        if root is None:
            return cls(None, components, flavor)
        folder = root / _FOLDER
        prune_when_due(folder, MAX_AGE_S)  # a stat of its marker, unless a day has passed
        name = hashlib.sha256(group.encode("utf-8", "surrogatepass")).hexdigest()
        return cls(folder / salt / name[:2] / name, components, flavor)

    @staticmethod
    def _load(path: Path) -> dict[str, Any]:
        try:
            data = read_entry(path)
            loaded = json.loads(data) if data is not None else None
        except (OSError, ValueError, RecursionError):
            return {}
        return loaded if isinstance(loaded, dict) else {}

    def _component(self, ref: str) -> tuple[str, tuple[str, ...]] | None:
        """The digest of the component ``ref`` names and the references in it; None when it cannot be keyed."""
        if ref in self._component_digests:
            return self._component_digests[ref]
        found: tuple[str, tuple[str, ...]] | None = None
        parts = ref[len(_COMPONENTS) :].split("/")
        if ref.startswith(_COMPONENTS) and len(parts) >= 2:
            section, name = (p.replace("~1", "/").replace("~0", "~") for p in parts[:2])
            holder = self._components.get(section)
            target = holder.get(name) if isinstance(holder, Mapping) else None
            text = exact_json(target) if target is not None else None
            if text is not None:
                digest = hashlib.sha256(f"{section}/{name}\0{text}".encode("utf-8", "surrogatepass")).hexdigest()
                found = (digest, tuple(sorted(set(_refs(target)))))
        self._component_digests[ref] = found
        return found

    def _closure(self, refs: frozenset[str]) -> str | None:
        """One digest of every component ``refs`` reach, or None when one of them cannot be keyed."""
        if refs in self._closures:
            return self._closures[refs]
        seen: dict[str, str] = {}
        todo = list(refs)
        result: str | None = None
        while todo:
            ref = todo.pop()
            if ref in seen:
                continue
            component = self._component(ref)
            if component is None:
                break
            seen[ref] = component[0]
            todo.extend(r for r in component[1] if r not in seen)
        else:
            result = hashlib.sha256("\n".join(seen[r] for r in sorted(seen)).encode()).hexdigest()
        self._closures[refs] = result
        return result

    def key(self, instance: Any, schema: Any) -> str | None:
        """The key of checking ``instance`` against ``schema`` in this group's components, or None (not keyable)."""
        schema_text = exact_json(schema)
        instance_text = exact_json(instance) if schema_text is not None else None
        if instance_text is None or schema_text is None:
            return None
        closure = self._closure(frozenset(_refs(schema)))
        if closure is None:
            return None
        text = f"{self._flavor}\0{closure}\0{schema_text}\0{instance_text}"
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str) -> tuple[bool, Any]:
        """``(True, verdict)`` when ``key`` was checked before, else ``(False, None)``."""
        if key in self._used:
            return True, self._used[key]
        if key in self._old:
            self.hits += 1
            self._used[key] = self._old[key]
            return True, self._old[key]
        self.misses += 1
        return False, None

    def put(self, key: str, verdict: Any) -> None:
        """Remember ``verdict`` (plain JSON) for ``key``."""
        self._used[key] = verdict

    def save(self) -> None:
        """Write the verdicts used in this run, when they differ from the file's (a cache that cannot be written
        only costs time)."""
        if self._path is None or self._used == self._old:
            return
        text = json.dumps(self._used, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        write_entry(self._path, text.encode("utf-8", "surrogatepass"))
