"""The NHN dialect's reading mechanisms, each on a minimal guide written the way a real guide writes it.

Every case here is a convention seen in a real NHN guide (the corpus in ``pages/nhn`` or guides outside it); the
tests pin the mechanism, not one page.
"""

from __future__ import annotations

from typing import Any

import pytest

from scraper.build import spec_files
from scraper.build.openapi import validate_spec
from scraper.dialects import PageInfo
from scraper.dialects.field_tables import read_field_table, required_mark
from scraper.dialects.nhn import NhnDialect
from scraper.dialects.operation_lines import find_operation_lines, parse_documented_path
from scraper.dialects.repeated_base_path import without_repeated_base_path
from scraper.document import Row, Table
from scraper.model import Service
from scraper.readers import markdown
from scraper.type_vocabulary import read_type


def _read(text: str, services: tuple[str, ...] = ()) -> Service:
    [service] = NhnDialect().read(markdown.read(text, "t.md"), PageInfo("t.md", "", services))
    return service


def _specs(service: Service) -> dict[str, dict[str, Any]]:
    _, specs = spec_files(service)
    for name, spec in specs.items():
        assert validate_spec(spec) == "", name
    return specs


def _kinds(service: Service) -> set[str]:
    return {f.kind for f in service.findings}


@pytest.mark.parametrize(
    ("cell", "schema"),
    [
        ("String", {"type": "string"}),
        ("Interger", {"type": "integer"}),
        ("Long", {"type": "integer", "format": "int64"}),
        ("UUID", {"type": "string", "format": "uuid"}),
        ("URI", {"type": "string", "format": "uri"}),
        ("Array[UUID]", {"type": "array", "items": {"type": "string", "format": "uuid"}}),
        ("List:Integer", {"type": "array", "items": {"type": "integer"}}),
        ("Array String", {"type": "array", "items": {"type": "string"}}),
        ("String[]", {"type": "array", "items": {"type": "string"}}),
        ("List<String>", {"type": "array", "items": {"type": "string"}}),
        ("Byte[]", {"type": "string", "format": "binary"}),
        ("문자열", {"type": "string"}),
        ("Datetime", {"type": "string", "format": "date-time"}),
        ("CIDR", {"type": "string", "x-doc-type": "CIDR"}),
    ],
)
def test_type_vocabulary(cell: str, schema: dict[str, Any]) -> None:
    assert read_type(cell).schema == schema


def test_type_repairs_and_unknowns_say_so() -> None:
    assert "repaired" in read_type("Interger").note
    unknown = read_type("Frobnicator thing")
    assert unknown.schema == {} and not unknown.known and "unknown type" in unknown.note


@pytest.mark.parametrize(
    ("mark", "inverted", "expected"),
    [("O", False, True), ("Y", False, True), ("필수", False, True), ("-", False, False), ("N", False, False),
     ("Yes", True, False), ("", True, False), ("false (however, true for X)", False, False)],
)  # fmt: skip
def test_required_marks(mark: str, inverted: bool, expected: bool) -> None:
    assert required_mark(mark, inverted=inverted)[0] is expected


def _table(header: tuple[str, ...], *rows: tuple[str, ...]) -> Table:
    return Table(header=header, rows=tuple(Row(cells=r, line=10 + i) for i, r in enumerate(rows)), line=9)


def test_columns_by_meaning_in_any_language_and_order() -> None:
    korean = read_field_table(_table(("이름", "종류", "형식", "필수", "설명"), ("id", "URL", "UUID", "O", "ID")))
    assert korean is not None and korean.rows[0].location == "path" and korean.rows[0].required is True
    reordered = read_field_table(
        _table(("Name", "In", "Type", "Optional", "Description"), ("q", "Query", "int", "Y", ""))
    )
    assert reordered is not None
    assert (reordered.rows[0].location, reordered.rows[0].type.kind, reordered.rows[0].required) == (
        "query",
        "integer",
        False,
    )
    # "Type" holds the location, "Format" the data type: decided from the values
    nhn = read_field_table(_table(("Name", "Type", "Format", "Description"), ("x", "Body", "String", "d")))
    assert nhn is not None and (nhn.rows[0].location, nhn.rows[0].type.kind) == ("body", "string")
    # dash nesting and array markers become dotted paths
    nested = read_field_table(
        _table(("Value", "Type", "Description"), ("list", "List", ""), ("- name", "String", ""), ("a[0].b", "int", ""))
    )
    assert nested is not None and [r.name for r in nested.rows] == ["list", "list.name", "a.b"]


def test_documented_paths_are_normalised() -> None:
    path = parse_documented_path("https://kr1-x.example.com/v1.0/appkeys/${APP_KEY}/keys?detail={detail}&type=ALL")
    assert (path.host, path.path) == ("https://kr1-x.example.com", "/v1.0/appkeys/{APP_KEY}/keys")
    assert path.query == [("detail", None), ("type", "ALL")]
    alternatives = parse_documented_path("/v1/{secrets|symmetric-keys}/{keyId}")
    assert alternatives.alternatives == {"secrets_symmetric_keys": ["secrets", "symmetric-keys"]}
    broken = parse_documented_path("/sms/v2.4/appKeys/{appKey/statistics")
    assert broken.path == "/sms/v2.4/appKeys/{appKey}/statistics" and broken.notes


GUIDE = """## Network > Thing > API v2.0 Guide

| Region | Endpoint |
|---|---|
| Korea | https://kr1-thing.example.com |
| Japan | https://jp1-thing.example.com |

**Path Parameter**

| Name | Description |
|---|---|
| appKey | App key from the console |

## Things

### List Things

**[URI]**

| Http metho | URI |
|---|---|
| GET | /v2.0/appkeys/{appKey}/things |

**[QueryString Parameter]**

| Name | Type | Required | Description |
|---|---|---|---|
| limit | Interger | Optional | Max |

#### Response

```json
{"header": {"isSuccessful": true}, "things": [{"id": "a"}]}
```

### List External Things

```
GET /v2.0/appkeys/{appKey}/things?external=true
X-Auth-Token: {tokenId}
```

### Copy Thing

```
COPY /v1/appkeys/{appKey}/things/{thingId}
```

#### Example of Copy Thing

```
COPY /v1/appkeys/{appKey}/things/{thingId}
```
"""


def test_a_guide_written_many_ways_reads_whole() -> None:
    service = _read(GUIDE, ("thing",))
    assert service.id == "thing" and service.title == "Thing"
    assert [(op.method, op.path, op.variant) for op in service.operations] == [
        ("GET", "/v2.0/appkeys/{appKey}/things", ""),
        ("GET", "/v2.0/appkeys/{appKey}/things", "external=true"),
        ("COPY", "/v1/appkeys/{appKey}/things/{thingId}", ""),
    ]
    assert {v.version: v.status for v in service.versions} == {"v2.0": "CURRENT", "v1": "SUPPORTED"}
    listing = service.operations[0].versions["v2.0"]
    limit = next(p for p in listing.parameters if p.name == "limit")
    assert (limit.location, limit.schema) == ("query", {"type": "integer"})
    app_key = next(p for p in listing.parameters if p.name == "appKey")
    assert app_key.description == "App key from the console"  # documented once, in the common part
    assert app_key.extensions.get("x-client-parameter") is True
    assert listing.responses[0].schema is not None and listing.responses[0].schema["x-inferred"] is True
    assert {"row-repair", "example-section", "version-families", "inferred-schema"} <= _kinds(service)
    specs = _specs(service)
    v2 = specs["v2.0.yaml"]
    group = v2["paths"]["/v2.0/appkeys/{appKey}/things"]["get"]
    members = group["x-operations"]
    assert [m["summary"] for m in members] == ["List Things", "List External Things"]
    assert members[1]["parameters"] == [
        {
            "name": "external",
            "in": "query",
            "required": True,
            "description": "Fixed by the documented path (external=true).",
            "schema": {"type": "string", "const": "true"},
        }
    ]
    assert any(p["name"] == "appKey" for p in group["parameters"])
    assert v2["info"]["x-version-source"].startswith("the /v2.0/ path segment")
    assert v2["components"]["securitySchemes"]["keystoneToken"]["name"] == "X-Auth-Token"
    copy = specs["v1.yaml"]["paths"]["/v1/appkeys/{appKey}/things/{thingId}"]
    assert (
        list(copy) == ["x-additionalOperations"] and copy["x-additionalOperations"]["COPY"]["summary"] == "Copy Thing"
    )


def test_a_page_without_any_declaration_names_what_was_expected() -> None:
    from scraper.dialects import DialectError

    with pytest.raises(DialectError, match="no NHN operation found"):
        _read("## Guide\n\n| Method | URI |\n|---|---|\n| GET | /a |\n| POST | /b |\n")  # a summary table only


def test_auth_as_the_guide_says() -> None:
    bearer = _read(
        "## A > B > API v1 Guide\n\n| Name | Type | Description |\n|---|---|---|\n"
        "| X-NHN-Authorization | String | Bearer {token} |\n\n### Op\n\n```\nGET /v1/x\n```\n"
    )
    schemes = bearer.components_extra["securitySchemes"]
    assert list(schemes) == ["userAccessKeyToken"] and "x-token-url" not in schemes["userAccessKeyToken"]
    secret = _read(
        "## A > B > API v1 Guide\n\n### Op\n\n```\nGET /v1/x\n```\n\n[Header]\n\n"
        "| Value | Type | Required | Description |\n|---|---|---|---|\n| X-Secret-Key | String | O | key |\n"
    )
    assert list(secret.components_extra["securitySchemes"]) == ["secretKeyHeader"]
    assert secret.operations[0].versions["v1"].parameters == []
    prose = _read("## A > B > API v1 Guide\n\nCalls need a token.\n\n### Op\n\n```\nGET /v1/x\n```\n")
    assert "unrecognised-auth" in _kinds(prose) and not prose.components_extra


def test_pseudo_json_shapes_the_schema_but_is_not_an_example() -> None:
    service = _read(
        "## A > B > API v1 Guide\n\n### Op\n\n```\nGET /v1/x\n```\n\n#### Response\n\n"
        '```\n{\n  "header": {\n    "resultCode": Integer,\n    "ok": boolean\n  }\n}\n```\n'
    )
    entry = service.operations[0].versions["v1"]
    schema = entry.responses[0].schema
    assert schema is not None
    header = schema["properties"]["header"]["properties"]
    assert header["resultCode"]["type"] == "integer" and header["ok"]["type"] == "boolean"
    assert entry.example_response is not None and not entry.example_response.has_body
    assert "pseudo-example" in _kinds(service)


def test_operations_are_found_however_declared() -> None:
    blocks = markdown.read(
        "# T\n\n> - Method of Delivery: POST\n>     - URI: /v2/log\n\n"
        "| HTTP Method | PUT |\n|---|---|\n| Request URL | https://h.example.com/v1/a |\n\n"
        'GET "/v1/b?x={x}"\n',
        "t.md",
    ).blocks
    found = [(o.method, o.written) for o in find_operation_lines(blocks)]
    assert found == [("POST", "/v2/log"), ("PUT", "https://h.example.com/v1/a"), ("GET", "/v1/b?x={x}")]


def test_the_text_under_the_first_operations_heading_is_its_own_not_the_apis() -> None:
    """DNS Plus writes each operation's description between its heading and its ``Method | URI`` table: the first
    one ("Retrieves the list of DNS Zones.") was also read as the whole API's description."""
    guide = """## Network > Zones > API Guide

Zones keep records.

## Zone API

### Query Zone

- Retrieves the list of zones.

| Method | URI |
|---|---|
| GET | https://zones.api.example.com/zones/v1.0/zones |

#### Response

| Name | Type | Description |
|---|---|---|
| zoneId | String | Zone ID |
"""
    service = _read(guide)
    assert service.description == "Zones keep records."
    [operation] = service.operations
    [version] = operation.versions.values()
    assert "Retrieves the list of zones." in (version.description or "")


def test_an_endpoint_whose_path_the_operations_repeat_is_the_server_without_it() -> None:
    """Object Storage's endpoint table gives ``https://kr1-api-object-storage.nhncloudservice.com/v1/AUTH_*****`` (the
    account masked) over operations documented as ``/v1/{Account}/...``: requests went to ``/v1/AUTH_*****/v1/...``.
    The sample code's captions (``<summary>Java</summary>`` over a code block) are no description either."""
    guide = """## Storage > Files > API Guide

Files keep bytes.

| Region | Endpoint |
| --- | --- |
| Korea (Pangyo) Region | https://kr1-api-files.example.com/v1/AUTH_\\*\\*\\*\\*\\* |

<details>
<summary>Java</summary>

```java
String token = "...";
```

</details>

## Container API

### List Containers

```
GET /v1/{Account}
```

| Name | Type | Description |
|---|---|---|
| Account | URL | Storage account |
"""
    service = _read(guide)
    assert service.server is not None and service.server.url == "https://{region}-api-files.example.com"
    assert "server-path-repeated" in _kinds(service)
    assert service.description == "Files keep bytes.\n\nRegions: Korea (Pangyo) Region (kr1)."  # no "Java"
    [spec] = _specs(service).values()
    assert list(spec["paths"]) == ["/v1/{Account}"]


@pytest.mark.parametrize(
    ("url", "paths", "expected"),
    [
        ("https://h.test/v2.0", ["/v2.0/networks", "/v2.0/ports"], ("https://h.test", "/v2.0")),
        ("https://h.test/api/v1/AUTH_x", ["/v1/{account}", "/v1/{account}/c"], ("https://h.test/api", "/v1/AUTH_x")),
        # one path does not repeat it: the endpoint stays
        ("https://h.test/v2.0", ["/v2.0/networks", "/v3/ports"], None),
        # placeholders alone are no evidence (Block Storage's ``/compute`` over ``/{tenantId}/...``)
        ("https://h.test/compute", ["/{tenantId}/volumes"], None),
        ("https://h.test", ["/v1/x"], None),
    ],
)
def test_repeated_base_path(url: str, paths: list[str], expected: tuple[str, str] | None) -> None:
    assert without_repeated_base_path(url, paths) == expected


def test_a_breadcrumb_line_and_release_notes_are_no_description() -> None:
    """EasyQueue and Private CA write their place in the docs site as a bold line under the title; Alimtalk v2.3
    lists its changes under "What's the diffrence" (sic): neither describes the API."""
    guide = """# Zones API v1.0 Guide

**Network > Zones > Zones API v1.0 Guide**

## What's the diffrence
1. The zone query API gained a field.

## Common Information

Zones keep records.

## Zone API

### Query Zone

| Method | URI |
|---|---|
| GET | https://zones.api.example.com/zones/v1.0/zones |
"""
    assert _read(guide).description == "**Common Information**\n\nZones keep records."


def test_the_heading_over_description_paragraphs_is_kept_with_them() -> None:
    """E-mail ko v2.1: "콘솔에서 확인 가능합니다." (can be found in the console) under "### Secret Key" was a
    description line of its own, saying nothing without its heading; a heading with no paragraph under it (the
    endpoint table's "API Domain") is not written."""
    guide = """## Notification > Mail > API v2.1 Guide

### API Domain

| Environment | Domain |
|---|---|
| Real | https://mail.api.example.com |

### Secret Key

You can find it in the console.

Send it in the X-Secret-Key header.

## Send Mail

### Send a Mail

| Http method | URI |
|---|---|
| POST | /mail/v2.1/appKeys/{appKey}/mails |
"""
    assert _read(guide).description == (
        "**Secret Key**\n\nYou can find it in the console.\n\nSend it in the X-Secret-Key header."
    )


def test_an_enum_list_ends_where_from_among_begins() -> None:
    """Compute Image ja: ``public``, ``private``、``shared``の中から1つの値のみ選択可能 ("choose one from among"):
    the last value was read as ``sharedの中から1つの値のみ選択可能``."""
    guide = """## Compute > Image > API ガイド

### イメージリスト照会

```
GET /v2/images
```

| 名前 | 種類 | 形式 | 必須 | 説明 |
|---|---|---|---|---|
| visibility | Query | Enum | - | 表示<br>`public`, `private`、`shared`の中から1つの値のみ選択可能 |
"""
    [spec] = _specs(_read(guide)).values()
    [parameter] = spec["paths"]["/v2/images"]["get"]["parameters"]
    assert parameter["schema"]["enum"] == ["public", "private", "shared"]
