"""NhnDialect on guides written for the tests: structure, schemas, auth, servers, findings and located errors."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from scraper.dialects import DialectError, PageInfo
from scraper.dialects.nhn import DEFAULT_TOKEN_URL, NhnDialect
from scraper.model import Service
from scraper.readers import markdown, nhn_text
from tests import paths

FIXTURES = paths.FIXTURES / "nhn"


def _read(name: str) -> Service:
    path = FIXTURES / name
    reader = markdown if name.endswith(".md") else nhn_text
    [service] = NhnDialect().read(reader.read(path.read_text(encoding="utf-8"), name), PageInfo(name, "https://x/"))
    return service


def _read_md(text: str) -> Service:
    [service] = NhnDialect().read(markdown.read(text, "t.md"), PageInfo("t.md"))
    return service


@pytest.fixture(scope="module")
def demo() -> Service:
    return _read("demo-guide.md")


def test_service_identity_version_servers(demo: Service) -> None:
    assert (demo.provider, demo.id, demo.title) == ("nhn", "demo-server", "Demo Server")
    assert [(v.version, v.status) for v in demo.versions] == [("v3", "CURRENT")]
    assert demo.server is not None
    assert demo.server.url == "https://{region}-api-demo.example.com"
    assert demo.server.pairs == [{"region": "kr1"}, {"region": "kr2"}, {"region": "jp1"}]
    assert "Korea (Pyeongchon) (kr2)" in demo.description
    assert demo.pages == ["demo-guide.md"]


def test_operations_tags_and_sources(demo: Service) -> None:
    assert [(o.method, o.path, o.title) for o in demo.operations] == [
        ("GET", "/v3/{projectId}/servers", "List Servers"),
        ("POST", "/v3/{projectId}/servers", "Create Server"),
        ("DELETE", "/v3/{projectId}/servers/{serverId}", "Delete Server"),
    ]
    first = demo.operations[0].versions["v3"]
    assert first.tags == ["Server"] and first.status == "CURRENT" and first.doc_version == "v3"
    assert first.description == "Return the servers of a project."
    assert (first.source.page, first.source.url, first.source.heading, first.source.line) == (
        "demo-guide.md",
        "https://x/",
        "List Servers",
        18,
    )


def test_token_header_is_security_not_a_parameter(demo: Service) -> None:
    scheme = demo.components_extra["securitySchemes"]["keystoneToken"]
    assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "X-Auth-Token")
    assert scheme["x-token-url"] == DEFAULT_TOKEN_URL
    assert demo.security == [{"keystoneToken": []}]
    assert any(f.kind == "assumed-token-url" for f in demo.findings)
    for op in demo.operations:
        assert all(p.name != "tokenId" for p in op.versions["v3"].parameters)
        assert op.versions["v3"].example_request is not None
        assert op.versions["v3"].example_request.headers == {"X-Auth-Token": "{tokenId}"}


def test_yes_x_marks_enum_from_description_and_default(demo: Service) -> None:
    params = {p.name: p for p in demo.operations[0].versions["v3"].parameters}
    assert params["projectId"].required and params["projectId"].extensions == {"x-client-parameter": True}
    assert params["order"].required is False and params["order"].schema["enum"] == ["asc", "desc"]
    assert params["limit"].schema == {"type": "integer", "default": 50}
    assert params["limit"].has_default and params["limit"].default == 50
    delete = {p.name: p for p in demo.operations[2].versions["v3"].parameters}
    assert delete["serverId"].schema == {"type": "string", "format": "uuid"}
    assert "x-client-parameter" not in delete["serverId"].extensions


def test_arrays_of_objects_nested_arrays_and_status_enum(demo: Service) -> None:
    response = demo.operations[0].versions["v3"].responses[0]
    assert response.status == "200"
    assert response.schema is not None
    servers = response.schema["properties"]["servers"]
    assert servers["type"] == "array"
    item = servers["items"]["properties"]
    assert item["status"]["enum"] == ["ACTIVE", "SHUTOFF", "ERROR"]
    nics = item["nics"]
    assert nics["type"] == "array" and nics["items"]["properties"]["mac"]["type"] == "string"
    assert nics["items"]["properties"]["ips"]["type"] == "array"
    assert nics["items"]["properties"]["ips"]["items"]["type"] == "string"
    assert item["created"] == {"type": "string", "format": "date-time", "description": "Creation time"}


def test_request_body_required_and_keys_with_colons(demo: Service) -> None:
    create = demo.operations[1].versions["v3"]
    assert create.request_body is not None
    schema = create.request_body.schema
    assert schema["required"] == ["server"]
    assert schema["properties"]["server"]["required"] == ["name"]
    assert schema["properties"]["server:hints"]["properties"]["zone"]["type"] == "string"
    assert create.example_request is not None and create.example_request.body["server"]["name"] == "web-1"
    assert any(f.kind == "missing-parent" and "server:hints" in f.message for f in demo.findings)


def test_no_body_response_is_an_inferred_204(demo: Service) -> None:
    delete = demo.operations[2].versions["v3"]
    assert [(r.status, r.schema) for r in delete.responses] == [("204", None)]
    assert delete.request_body is None
    assert any(f.kind == "inferred-status" and f.subject == "Delete Server" for f in demo.findings)


def _normalised(service: Service) -> Any:
    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("line", "page", "source", "pages", "url")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(dataclasses.asdict(service))


def test_text_rendering_and_markdown_give_the_same_model() -> None:
    assert _normalised(_read("demo-guide.txt")) == _normalised(_read("demo-guide.md"))


CONFLICTS = """## Storage > Thing > API v1 Guide

| Type | Region | Endpoint |
|---|---|---|
| thing | Korea | https://kr1-thing.example.com |

## Thing
### List Things

```
GET /v1/{tenantId}/things
X-Auth-Token: {tokenId}
```

#### Response

| Name | Type | Format | Description |
|---|---|---|---|
| thing | Body | Array | Things |
| thing.ready | Body | Boolean | Ready or not |
| thing.links | Body | Object | Links |
| thing.note | Body | String | Note |

```json
{"things": [{"ready": "false", "links": [{"href": "h"}], "note": null, "extra": 1}]}
```

### Get Thing

```
GET /v1/{tenantId}/things/{thingId}
X-Auth-Token: {tokenId}
```

#### Response

| Name | Type | Format | Description |
|---|---|---|---|
| thing | Body | Object | Thing |
| thing.name | Body | String | Name |
| things.id | Body | UUID | ID |

```json
{"thing": {"name": "n", "id": "0b2f5f2e-8f5e-4a43-9c1e-1f5d1b0e7a11"}}
```
"""


def test_table_example_conflicts_follow_the_example_and_are_findings() -> None:
    service = _read_md(CONFLICTS)
    assert service.server is not None and service.server.url == "https://{region}-thing.example.com"
    listing = service.operations[0].versions["v1"].responses[0].schema
    assert listing is not None
    things = listing["properties"]["things"]
    assert "thing" not in listing["properties"]
    props = things["items"]["properties"]
    assert props["ready"]["type"] == "string" and props["ready"]["enum"] == ["true", "false"]
    assert props["links"]["type"] == "array" and props["links"]["items"]["properties"]["href"]["type"] == "string"
    assert props["note"]["type"] == ["string", "null"]
    assert props["extra"]["x-inferred"] is True
    get = service.operations[1].versions["v1"].responses[0].schema
    assert get is not None and set(get["properties"]) == {"thing"}
    assert get["properties"]["thing"]["properties"]["id"]["format"] == "uuid"
    kinds = [(f.kind, f.subject) for f in service.findings]
    assert kinds.count(("table-example-conflict", "List Things")) == 3
    assert ("table-example-conflict", "Get Thing") in kinds
    assert ("nullable-from-example", "List Things") in kinds
    assert ("undocumented-example-field", "List Things") in kinds
    assert all(f.page == "t.md" and f.line > 0 for f in service.findings)


def test_a_page_without_operations_is_the_only_unreadable_page() -> None:
    with pytest.raises(DialectError) as info:
        _read_md("## Guide\n\nno operations here\n")
    assert info.value.page == "t.md" and info.value.line == 1
    assert "no NHN operation found" in info.value.message and "SCP page" in info.value.message


_OP = "## A > B > API v1 Guide\n### Op\n```\n{method} /v1/x\n```\n#### Request\n\n"
_TABLE = "| Name | Type | Format | Required | Description |\n|---|---|---|---|---|\n"


@pytest.mark.parametrize(
    ("text", "kind", "line"),
    [
        ("# Only text\n\n```\nGET /x\n```\n", "assumed-version", 4),
        ("## A > B > Guide\n### Op\n```\nGET /x/y\n```\n", "assumed-version", 4),
        (_OP.format(method="GET") + _TABLE + "| a | Cookie | String | O | d |\n", "row-repair", 10),
        (_OP.format(method="GET") + _TABLE + "| a | Query | Bitez | O | d |\n", "unknown-type", 10),
        (_OP.format(method="GET") + _TABLE + "| a | Query | Interger | O | d |\n", "row-repair", 10),
        (_OP.format(method="POST") + _TABLE + "| a..b | Body | String | O | d |\n", "row-repair", 10),
        (_OP.format(method="GET") + "| Field | Where |\n|---|---|\n| a | Query |\n", "table-skipped", 8),
        (_OP.format(method="POST") + _TABLE + "| x | Body | O | UUID | d |\n", "row-repair", 10),
    ],
)
def test_unreadable_cells_are_findings_and_reading_goes_on(text: str, kind: str, line: int) -> None:
    service = _read_md(text)
    assert len(service.operations) == 1
    found = [(f.kind, f.line) for f in service.findings]
    assert (kind, line) in found, found
    assert all(f.page == "t.md" and f.line >= 1 for f in service.findings)


def test_repaired_cells_are_read_as_meant() -> None:
    swapped = _read_md(_OP.format(method="POST") + _TABLE + "| x | Body | O | UUID | d |\n")
    body = swapped.operations[0].versions["v1"].request_body
    assert body is not None and body.schema["properties"]["x"]["format"] == "uuid"
    assert body.schema["required"] == ["x"]
    typo = _read_md(_OP.format(method="GET") + _TABLE + "| a | Query | Interger | O | d |\n")
    assert typo.operations[0].versions["v1"].parameters[0].schema == {"type": "integer"}


VALID_RANGE = """## Thing API

### List Things

```
GET /v1/things
```

#### Request

| Name | Type | Format | Required | Valid range | Description |
|---|---|---|---|---|---|
| limit | Query | Integer | X | Min. 1, Max. 3,000 | Page size |
| sort | Query | Enum | X | DESC, ASC | Sort order |
| page | Query | Integer | X | - | Page number |

#### Response

| Name | Type | Format | Valid range | Description |
|---|---|---|---|---|
| things | Body | Array | Max. 100 | Things |
| things.name | Body | String | Max. 255 characters | Name |
"""


def test_a_valid_range_column_is_kept_in_the_description() -> None:
    """DNS Plus, EasyQueue, E-mail, PrivateCA, Deploy and Certificate Manager have a valid-range (or 제약 조건,
    Value, Input allowed) column; only its enum lists were read, the rest was dropped without a word. Now its text
    is a line of the description, under the column's own name; an Enum's list is still its enum; '-' adds nothing."""
    [version] = _read_md(VALID_RANGE).operations[0].versions.values()
    params = {p.name: p for p in version.parameters}
    assert params["limit"].description == "Page size\nValid range: Min. 1, Max. 3,000"
    assert params["sort"].schema["enum"] == ["DESC", "ASC"]
    assert params["sort"].description == "Sort order\nValid range: DESC, ASC"
    assert params["page"].description == "Page number"
    [response] = version.responses
    assert response.schema is not None
    things = response.schema["properties"]["things"]
    assert things["description"] == "Things\nValid range: Max. 100"
    assert things["items"]["properties"]["name"]["description"] == "Name\nValid range: Max. 255 characters"


VALID_RANGE_BODY = """## Thing API

### Create Thing

```
POST /v1/things
```

#### Request

| Name | Type | Required | 유효 범위 | Description |
|---|---|---|---|---|
| name | String | O | 최대 50자 | Name |
| tags | List | X | 최대 10개 | Tags |
| size | Integer | X | 1~100 | Size |
| kind | Enum | X | SMALL, LARGE | Kind |
| note | String | X | 없음 | Note |

#### Response

| Name | Type | Valid range | Description |
|---|---|---|---|
| thing.name | String | Max. 50 characters | Name |
"""


def test_a_valid_range_column_bounds_what_a_client_sends() -> None:
    """The limits a valid-range column states become schema bounds for parameters and request fields (a client
    refuses what the guide says the API refuses); a response field keeps them as words only (a client must not
    fail a call the API answered), and a column that says nothing or lists an Enum's values adds no bound."""
    [version] = _read_md(VALID_RANGE).operations[0].versions.values()
    params = {p.name: p for p in version.parameters}
    assert params["limit"].schema == {"type": "integer", "minimum": 1, "maximum": 3000}
    assert params["sort"].schema == {"type": "string", "enum": ["DESC", "ASC"]}
    assert params["page"].schema == {"type": "integer"}
    [response] = version.responses
    assert response.schema is not None
    assert "maxItems" not in response.schema["properties"]["things"]
    assert "maxLength" not in response.schema["properties"]["things"]["items"]["properties"]["name"]

    [version] = _read_md(VALID_RANGE_BODY).operations[0].versions.values()
    assert version.request_body is not None
    fields = version.request_body.schema["properties"]
    assert fields["name"]["maxLength"] == 50 and "minLength" not in fields["name"]
    assert fields["tags"]["maxItems"] == 10
    assert (fields["size"]["minimum"], fields["size"]["maximum"]) == (1, 100)
    assert fields["kind"]["enum"] == ["SMALL", "LARGE"] and "maxLength" not in fields["kind"]
    assert fields["note"] == {"type": "string", "description": "Note"}
    [response] = version.responses
    assert response.schema is not None
    assert "maxLength" not in response.schema["properties"]["thing"]["properties"]["name"]


class _CountingBlocks(list):  # type: ignore[type-arg]
    """A document's blocks, counting every block looked up by index or slice (iteration is not counted)."""

    looked_up = 0

    def __getitem__(self, key: Any) -> Any:
        found = super().__getitem__(key)
        _CountingBlocks.looked_up += len(found) if isinstance(key, slice) else 1
        return found


def test_a_page_of_many_operations_is_read_in_linear_work() -> None:
    """A page of 5,000 operations took 26 s of CPU in the dialect (2,500: 4.7 s; 1,000: 1.0 s): the group of each
    operation and the headings enclosing each section were found by walking back over every block before it, and
    each section looked for the next heading among all of them. Blocks looked up are counted, not time."""
    operation = (
        "### Get thing {i}\n\n```\nGET /v2/things{i}\n```\n\n#### Request\n\nThis API does not require a request"
        " body.\n\n#### Response\n\n| Name | Type | Attribute | Description |\n|---|---|---|---|\n"
        "| id{i} | Body | String | ID |\n\n"
    )
    counts = []
    for operations in (200, 800):
        document = markdown.read(
            "# Thing API\n\n## Things\n\n" + "".join(operation.format(i=i) for i in range(operations)), "t.md"
        )
        document.blocks = _CountingBlocks(document.blocks)
        _CountingBlocks.looked_up = 0
        [service] = NhnDialect().read(document, PageInfo("t.md"))
        assert len(service.operations) == operations
        counts.append(_CountingBlocks.looked_up)
    assert counts[1] < 6 * counts[0], counts  # four times the operations: about four times the work, not sixteen
