"""Defaults an NHN guide marks after the value (``15(기본값)``, ``Y (default), N``, ``false: ... (default)``) and
defaults written in a constraint column (``Input allowed | 10 (default)``, ``제약 조건 | 기본값: `0```).

The rows are copied from real guides: E-mail ko/en (``조회 건수 15(기본값)``, ``Use or not: Y (default), N``,
``최상위 카테고리 ID(기본값)``, ``현재 일시(기본값)``), Container Service en (``disable_containers``), Notification
Email ja (``使用有無Y(デフォルト値)、N``), Certificate Manager en v1.3 (the ``Input allowed`` column) and Private CA
ko v2.0 (the ``제약 조건`` column): 488 defaults in 31 of 418 TOAST-DOCS guides were read, none changed or lost.
"""

from __future__ import annotations

from typing import Any

import pytest

from scraper.build import spec_files
from scraper.build.openapi import validate_spec
from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect, _default
from scraper.readers import markdown

_GUIDE = """## Notification > Thing > API Guide

### List things

```
GET /v1/appKeys/{appKey}/things
```

| Name | Type | Required | Description |
|---|---|---|---|
| pageNum | Integer | X | 페이지 번호 1(기본값) |
| pageSize | Integer | X | 조회 건수 15(기본값) |
| useYn | String | X | Use or not: Y (default), N |
| categoryParentId | Integer | X | Parent category ID <br/>Highest-level category ID (default) |
| requestDate | String | X | 발송 일시 (yyyy-MM-dd HH:mm:ss) <br/>현재 일시(기본값) |
| disable_containers | Boolean | X | <li>true: without them</li><li>false: with containers (default)</li> |
| templateType | String | X | Type: DEFAULT (default) |

### List certificates

```
GET /v1/appKeys/{appKey}/certificates
```

| Value | Type | Description | Input allowed |
| --- | --- | --- | --- |
| pageSize | Number | Page size | 10 (default) |
| all | Boolean | Whether to retrieve all | true, false (default) |
| status | String | Certificate status | ALL, EXPIRED, UNEXPIRED (default) |
"""


def _defaults(path: str) -> dict[str, Any]:
    [service] = NhnDialect().read(markdown.read(_GUIDE, "g.md"), PageInfo("g.md", "", ()))
    _, specs = spec_files(service)
    [spec] = specs.values()
    assert validate_spec(spec) == ""
    return {p["name"]: p["schema"].get("default") for p in spec["paths"][path]["get"]["parameters"]}


def test_a_value_marked_as_the_default_after_it_is_the_default() -> None:
    defaults = _defaults("/v1/appKeys/{appKey}/things")
    assert defaults["pageNum"] == 1 and defaults["pageSize"] == 15
    assert defaults["useYn"] == "Y"
    assert defaults["disable_containers"] is False  # the item's value, not the last word of what it means
    # a default described in words is no value; a label or a value before the colon, both strings: not guessed
    assert defaults["categoryParentId"] is None
    assert defaults["requestDate"] is None
    assert defaults["templateType"] is None


def test_a_constraint_column_gives_its_defaults() -> None:
    # Certificate Manager en v1.3: the "Input allowed" column was not read for defaults; its text rendering, which
    # joins the columns into the description, was
    defaults = _defaults("/v1/appKeys/{appKey}/certificates")
    assert defaults == {"pageSize": 10, "all": False, "status": "UNEXPIRED", "appKey": None}


@pytest.mark.parametrize(
    ("description", "kind", "expected"),
    [
        ("使用有無Y(デフォルト値)、N", "string", ("Y", True)),  # glued to the words before it
        ("照会件数15(デフォルト値)", "integer", (15, True)),
        ("템플릿 타입 DEFAULT(기본값), FREEMARKER)", "string", ("DEFAULT", True)),  # a rendering lost the <br>
        ("사용 여부 'Y'(기본값), 'N'", "string", ("Y", True)),
        # the list's line breaks lost: the marked item's own value, the last one before its meaning
        ("true: Retrieve excluding false: Retrieve including containers (default)", "boolean", (False, True)),
        ("x: 1 (default), y: 2 (default)", "integer", (None, False)),  # two values marked: none
        ("Page number 1(default)", "string", ("1", True)),
        ("Page number 1(default)", "boolean", (None, False)),  # not a value of the field's type
    ],
)
def test_marked_defaults_read_as_their_item_says(description: str, kind: str, expected: tuple[Any, bool]) -> None:
    assert _default(description, kind) == expected
