"""openapi-spec-validator with its per-schema meta-check remembered by the schema's content.

Validating a spec is the slowest step of building it, and most of that is one check repeated for every schema of
the document: openapi-spec-validator checks each schema against the OAS 3.1 dialect's meta-schema with jsonschema
(pure Python). Schemas rarely change: the versions of a service share most of theirs, and an edit of one operation's
text changes none. The outcome of that check is a pure function of the schema's content, of its dialect and of the
validator libraries, so a schema that passed is remembered under exactly those, in this process (across the
versions of a run) and on disk (across runs, ``<cache folder>/schema-checks/entries.sqlite3``, see
:mod:`scraper.cache_store`, keys prefixed with the salt; ``DOCS2CLIENT_CACHE_DIR=off`` keeps the memo in the
process only). Only passes are
remembered: a schema that fails is checked every time, so its error is reported exactly as without the memo. The
rest of the validation (references, parameters, operation ids, defaults) runs as always.

A remembered pass is trusted: whoever can write the cache folder can make an invalid schema pass this one check
(never put anything into a spec or a package).
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from scraper.cache_files import MAX_AGE_S, cache_root, exact_json, prune_when_due
from scraper.cache_store import EntryStore
from scraper.source_digest import installed_version

__all__ = ["SchemaCheckMemo", "default_schema_check_memo", "memoized_spec_validator"]

#: Changes whenever the layout or the meaning of an entry changes.
_FORMAT = "docs2client schema checks 1"
#: The libraries whose versions decide whether a schema passes the meta-check.
_CHECKING_DISTRIBUTIONS = (
    "openapi-spec-validator",
    "openapi-schema-validator",
    "jsonschema",
    "jsonschema-specifications",
    "referencing",
)
_PASSED = b"passed\n"


def _salt() -> str:
    digest = hashlib.sha256(f"{_FORMAT}\n".encode())
    for name in _CHECKING_DISTRIBUTIONS:
        digest.update(f"{name}=={installed_version(name)}\n".encode())
    return digest.hexdigest()[:16]


class SchemaCheckMemo:
    """The schemas known to pass the meta-check, by content key: in this process, and on disk when ``directory``."""

    def __init__(self, directory: Path | None, salt: str | None = None) -> None:
        self.root = directory / "schema-checks" if directory is not None else None
        self.store = EntryStore(self.root) if self.root is not None else None
        self.prefix = f"{salt or _salt()}:"
        self.passed: set[str] = set()
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(dialect: str, schema: Any) -> str | None:
        """The content key of ``schema`` checked against ``dialect``, or None when the schema is not plain JSON
        (then it is never remembered): JSON text with sorted keys names the content exactly only when it reads back
        as an equal value (no integer keys, tuples, dates or NaN)."""
        text = exact_json(schema, sort_keys=True)
        return None if text is None else hashlib.sha256(f"{dialect}\0{text}".encode()).hexdigest()

    def known(self, key: str) -> bool:
        """Whether the schema of ``key`` passed before (here or, remembered on disk, in an earlier run)."""
        if key in self.passed:
            self.hits += 1
            return True
        found = self.store is not None and self.store.get(self.prefix + key) == _PASSED
        if found:
            self.passed.add(key)
            self.hits += 1
        else:
            self.misses += 1
        return found

    def remember(self, key: str) -> None:
        """Record that the schema of ``key`` passed."""
        self.passed.add(key)
        if self.store is not None:
            self.store.put(self.prefix + key, _PASSED)

    def prune(self, max_age_s: float = MAX_AGE_S) -> int:
        """Remove entries (of any salt) not used for ``max_age_s`` seconds, at most once a day; returns how many
        (rows of the store, and entry files earlier versions wrote)."""
        if self.store is None or self.root is None:
            return 0
        return self.store.prune(max_age_s) + prune_when_due(self.root, max_age_s)


@cache
def default_schema_check_memo() -> SchemaCheckMemo:
    """This process's memo, on disk in docs2client's cache folder unless caches are off (pruned when due)."""
    memo = SchemaCheckMemo(cache_root())
    memo.prune()
    return memo


class _IdSet(list[int]):
    """The validator's "seen" registries (a list it appends to and searches): a set, so a search is not a scan."""

    def __init__(self) -> None:
        super().__init__()
        self._members: set[int] = set()

    def append(self, item: int) -> None:
        self._members.add(item)

    def __contains__(self, item: object) -> bool:
        return item in self._members


@cache
def memoized_spec_validator() -> type[Any]:
    """openapi-spec-validator's OAS 3.1 spec validator whose schema meta-check goes through
    :func:`default_schema_check_memo` (imported on first use: the validator takes half a second to import)."""
    from openapi_spec_validator import OpenAPIV31SpecValidator
    from openapi_spec_validator.validation import keywords

    class MemoizedSchemaValidator(keywords.OpenAPIV31SchemaValidator):
        """The OAS 3.1 schema keyword validator, with passes of its meta-check remembered by content."""

        def __init__(self, registry: Any) -> None:
            super().__init__(registry)
            self.visited_schema_ids = _IdSet()
            self.meta_checked_schema_ids = _IdSet()

        def _validate_schema_meta(self, schema: Any, schema_value: Any) -> Any:
            try:
                dialect = self._get_schema_dialect_id(schema, schema_value)
            except ValueError:
                dialect = None
            key = SchemaCheckMemo.key(dialect, schema_value) if dialect is not None else None
            memo = default_schema_check_memo()
            if key is not None and memo.known(key):
                return None
            error = super()._validate_schema_meta(schema, schema_value)
            if error is None and key is not None:
                memo.remember(key)
            return error

    class MemoizedSpecValidator(OpenAPIV31SpecValidator):
        """openapi-spec-validator's OAS 3.1 validator with :class:`MemoizedSchemaValidator` for schemas."""

        keyword_validators = {  # noqa: RUF012 (the library's own attribute, never mutated)
            **OpenAPIV31SpecValidator.keyword_validators,
            "schema": MemoizedSchemaValidator,
        }

    return MemoizedSpecValidator
