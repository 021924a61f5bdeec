"""Operation titles as summaries and ids: a heading's enumeration is the guide's structure, not the title, and a
title in Korean or Japanese with a Latin word in it does not name the operation by that word alone.

Seen in TOAST-DOCS guides: Autocomplete (``### 1. Search``, ``### 1. Start`` under ``## Full indexing``: ids
``op1Search``), CloudTrail (``### 1. Event 조회(1.0)``: ``op1Event10``), Email (``UID 조회``, ``UID 등록``, ``UID 단건
조회``, ``UID 삭제``: ``uid``, ``uid2``, ``uid3``, ``uid4``); the guide below is written for the test.
"""

from __future__ import annotations

from typing import Any

from scraper.build.openapi import emit_spec
from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.readers import read_page

_GUIDE = """# Demo API

## Indexing

### 1. Search

```
GET /v1.0/appkeys/{appKey}/search
```

#### Response

| Name | Type | Description |
| --- | --- | --- |
| total | Integer | Total |

### 2) Start indexing

```
POST /v1.0/appkeys/{appKey}/indexing
```

#### Response

| Name | Type | Description |
| --- | --- | --- |
| jobId | String | Job |

## UID

### UID 조회

```
GET /v1.0/appkeys/{appKey}/uids/{uid}
```

#### Response

| Name | Type | Description |
| --- | --- | --- |
| uid | String | UID |

### UID 삭제

```
DELETE /v1.0/appkeys/{appKey}/uids/{uid}
```

### 2.0 API migration

```
POST /v2.0/appkeys/{appKey}/migrations
```
"""


def _operations() -> dict[tuple[str, str], dict[str, Any]]:
    document = read_page(_GUIDE, page="demo.md", format="markdown", provider="nhn")
    (service,) = NhnDialect().read(document, PageInfo(page="demo.md", services=("demo",)))
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for version in {v for op in service.operations for v in op.versions}:
        ops = [op.versions[version] for op in service.operations if version in op.versions]
        spec, _ = emit_spec(service, version, ops)
        for path, item in spec["paths"].items():
            for method, operation in item.items():
                out[(method, path)] = operation
    return out


def test_a_headings_enumeration_is_not_part_of_the_title() -> None:
    ops = _operations()
    search = ops[("get", "/v1.0/appkeys/{appKey}/search")]
    assert (search["summary"], search["operationId"]) == ("Search", "search")
    start = ops[("post", "/v1.0/appkeys/{appKey}/indexing")]
    assert (start["summary"], start["operationId"]) == ("Start indexing", "startIndexing")
    # a version at the start of a title is no enumeration
    assert ops[("post", "/v2.0/appkeys/{appKey}/migrations")]["summary"] == "2.0 API migration"


def test_a_korean_title_with_a_latin_word_is_named_by_its_method_and_path() -> None:
    ops = _operations()
    show = ops[("get", "/v1.0/appkeys/{appKey}/uids/{uid}")]
    delete = ops[("delete", "/v1.0/appkeys/{appKey}/uids/{uid}")]
    assert show["summary"] == "UID 조회"
    assert (show["operationId"], delete["operationId"]) == ("getAppKeyUidsUid", "deleteAppKeyUidsUid")
