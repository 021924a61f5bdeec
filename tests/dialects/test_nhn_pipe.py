"""The NHN docs site's pipe text rendering (R2: pipe rows, headings dropped) reads into operations: the synthetic
pages of ``tests/fixtures/nhn/pipe`` (see its README for the real pages they mirror)."""

from __future__ import annotations

from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.document import Heading, Table
from scraper.model import Service
from scraper.readers import read_page
from tests.paths import ROOT

PIPE = ROOT / "tests" / "fixtures" / "nhn" / "pipe"


def _read(name: str) -> Service:
    text = (PIPE / name).read_text(encoding="utf-8")
    (service,) = NhnDialect().read(read_page(text, page=name, format="text", provider="nhn"), PageInfo(name))
    return service


def test_labelled_operations_without_headings_split_request_and_response() -> None:
    service = _read("labels-no-leading-pipe.txt")
    assert [(op.method, op.path) for op in service.operations] == [
        ("GET", "/v1.0/appkeys/{appKey}/widgets"),
        ("DELETE", "/v1.0/appkeys/{appKey}/widgets/{widgetId}"),
    ]
    listing = service.operations[0].versions["v1.0"]
    assert {(p.name, p.location, p.required) for p in listing.parameters} >= {
        ("color", "query", True),
        ("page", "query", False),
    }
    assert listing.request_body is None
    (ok,) = [r for r in listing.responses if r.status == "200"]
    assert ok.schema is not None and "widgets" in ok.schema["properties"]
    titles = [f for f in service.findings if f.kind == "title-inferred"]
    assert [f.subject for f in titles] == [f"{op.method} {op.path}" for op in service.operations]


def test_request_and_response_tables_back_to_back_are_told_apart() -> None:
    service = _read("openstack-leading-pipe.txt")
    assert [(op.method, op.path) for op in service.operations] == [
        ("GET", "/v2/{tenantId}/gadgets"),
        ("DELETE", "/v2/{tenantId}/gadgets/{gadgetId}"),
    ]
    listing = service.operations[0].versions["v2"]
    assert {p.name for p in listing.parameters} >= {"tenantId", "limit"}
    assert listing.request_body is None
    (ok,) = [r for r in listing.responses if r.status == "200"]
    assert ok.schema is not None and set(ok.schema["properties"]["gadgets"]["items"]["properties"]) == {"id", "size"}


def test_a_row_broken_after_a_cell_of_several_lines_is_one_row() -> None:
    text = (PIPE / "openstack-leading-pipe.txt").read_text(encoding="utf-8")
    document = read_page(text, page="p.txt", format="text", provider="nhn")
    endpoints = next(b for b in document.blocks if isinstance(b, Table))
    assert endpoints.header == ("Type", "Region", "Endpoint")
    (row,) = endpoints.rows
    assert row.cells[0] == "gadget" and row.cells[2].startswith("https://kr1-api-gadget")
    assert [b.inferred != "" for b in document.blocks if isinstance(b, Heading)] == [True, True, True, True]


def test_the_space_separated_rendering_is_still_read_by_the_nhn_text_reader() -> None:
    text = (ROOT / "pages" / "nhn" / "003_30998dc9651c21a0.txt").read_text(encoding="utf-8")
    document = read_page(text, page="003.txt", format="text", provider="nhn")
    assert not any(isinstance(b, Heading) and b.inferred for b in document.blocks)


def _read_text(text: str) -> Service:
    (service,) = NhnDialect().read(read_page(text, page="p.txt", format="text", provider="nhn"), PageInfo("p.txt"))
    return service


_ENVELOPE_AFTER_CURL = """\
Notification > Gizmo > API Guide
[URL]
| Http method | URI |
|---|---|
| POST | /gizmo/v1/appKeys/{appKey}/files |
[Request body]
| 값 | 타입 | 필수 | 설명 |
|---|---|---|---|
| fileName | String | O | 파일 이름 |
curl -X POST \\
'https://gizmo.example.com/gizmo/v1/appKeys/'"${APP_KEY}"'/files' \\
-d '{
"fileName": "a.csv"
}'
{
"header": {
"isSuccessful": Boolean,
"resultCode": Integer
},
"body": {
"fileId": Integer
}
}
| 값 | 타입 | Not Null | 설명 |
|---|---|---|---|
| header | Object | O | 헤더 영역 |
| - isSuccessful | Boolean | O | 성공 여부 |
| - resultCode | Integer | O | 실패 코드 |
| body | Object | X | 본문 영역 |
| - fileId | Integer | O | 파일 ID |
"""


def test_a_response_under_no_label_after_a_curl_call_is_the_response() -> None:
    """E-mail (ko): the ``cURL`` and ``응답`` headings are dropped; the call's quoted JSON body is part of the
    command, and the envelope table (``header`` over ``- isSuccessful``, its required column ``Not Null``) and the
    JSON above it are the response."""
    (operation,) = _read_text(_ENVELOPE_AFTER_CURL).operations
    version = operation.versions["v1"]
    assert version.request_body is not None
    assert set(version.request_body.schema["properties"]) == {"fileName"}
    (ok,) = [r for r in version.responses if r.status == "200"]
    assert ok.schema is not None and set(ok.schema["properties"]) == {"header", "body"}
    assert "fileId" in ok.schema["properties"]["body"]["properties"]


_NO_REQUEST_BODY_LOCATED = """\
GET /v1.0/gadget-versions
| Permission Name | Description |
|---|---|
| Gadget:Version.List | List versions |
This API does not require a request body.
| Name | Type | Format | Description |
|---|---|---|---|
| versions | Body | Array | Version list |
| versions.name | Body | String | Version name |
"""


def test_after_no_request_body_a_table_of_body_rows_without_required_column_is_the_response() -> None:
    """RDS: a GET's one field table, its ``Type`` column all ``Body``, after "does not require a request body"."""
    (operation,) = _read_text(_NO_REQUEST_BODY_LOCATED).operations
    version = operation.versions["v1.0"]
    assert version.request_body is None
    (ok,) = [r for r in version.responses if r.status == "200"]
    assert ok.schema is not None and "versions" in ok.schema["properties"]


_OPTION_EXAMPLES_BEFORE_RESPONSE_LABEL = """\
[URI]
| Method | URI |
|---|---|
| PUT | https://api-gizmo.example.com/gizmo/v2.0/appkeys/{appkey}/jobs/{jobId} |
[Request Body]
curl -X PUT 'https://api-gizmo.example.com/gizmo/v2.0/appkeys/{appKey}/jobs/j1' \\
--data '{"data": [{"kind": "spin",
"option": {"speed": 3}}]}'
[Data Option]
{
"kind": "spin",
"option": {"speed": 3}
}
{
"kind": "stop",
"option": {"gentle": true}
}
[Response Body]
{
"header": {"isSuccessful": true},
"job": {"jobId": "j1"}
}
"""


def test_a_response_label_further_on_outranks_a_json_example_after_the_call() -> None:
    """Image: after the ``curl`` call, examples of the request's options (their bullet captions dropped) come before
    ``[Response Body]``: they are not the response."""
    (operation,) = _read_text(_OPTION_EXAMPLES_BEFORE_RESPONSE_LABEL).operations
    (ok,) = [r for r in operation.versions["v2.0"].responses if r.status == "200"]
    assert ok.schema is not None and set(ok.schema["properties"]) == {"header", "job"}


_VALUE_LINES_IN_CELLS = """\
GET /v1.0/gadgets
| Name | Type | Format | Required | Description |
|---|---|---|---|---|
| kind | Query | Enum | O | Kind to list - ALL : All - SMALL : Small ones - LARGE_ONE : Large ones |
| note | Query | String | X | Free text - see the guide: a note - nothing more |
This API does not require a request body.
| Name | Type | Format | Description |
|---|---|---|---|
| gadgets.state | Body | Enum | State BUILDING : Being built READY : Ready to use |
"""


def test_value_lines_a_cell_lost_to_spaces_are_lines_again() -> None:
    """RDS: ``type<br/>- `MASTER`: Master<br/>- ...`` is one line in the rendering (``type - MASTER : Master - ...``)
    and without bullets (``Status BACKING_UP : Backing up COMPLETED : ...``): the value lines are cut apart again,
    so an Enum field reads its values as from the Markdown; prose with one dash is left alone."""
    (operation,) = _read_text(_VALUE_LINES_IN_CELLS).operations
    version = operation.versions["v1.0"]
    kind = next(p for p in version.parameters if p.name == "kind")
    assert kind.schema.get("enum") == ["ALL", "SMALL", "LARGE_ONE"]
    note = next(p for p in version.parameters if p.name == "note")
    assert "enum" not in note.schema and note.description == "Free text - see the guide: a note - nothing more"
    (ok,) = [r for r in version.responses if r.status == "200"]
    assert ok.schema is not None
    state = ok.schema["properties"]["gadgets"]["properties"]["state"]
    assert state.get("enum") == ["BUILDING", "READY"]


_COMMON_INFORMATION_ONLY = """\
Returns 200 OK for all API requests.
| Name | Type | Format | Description |
|---|---|---|---|
| header | Body | Object | API response information |
| header.isSuccessful | Body | Boolean | true: normal |
| header.resultCode | Body | Integer | 200: normal |
Deletes a gadget.
DELETE /gdg/v1.0/appkeys/{appKey}/gadgets/{gadgetId}
x-nhn-authorization: {token}
This API does not require a request body.
| Name | Type | Format | Required | Description |
|---|---|---|---|---|
| appKey | URL | String | O | Service Appkey |
| gadgetId | URL | String | O | Gadget ID |
This API only responds with common information.
Spins a gadget.
POST /gdg/v1.0/appkeys/{appKey}/gadgets/{gadgetId}/spin
x-nhn-authorization: {token}
This API does not require a request body.
| Name | Type | Format | Required | Description |
|---|---|---|---|---|
| appKey | URL | String | O | Service Appkey |
| gadgetId | URL | String | O | Gadget ID |
{
"header" : {
"isSuccessful" : true,
"resultCode": 0
}
}
"""


def test_a_response_of_common_information_or_of_the_envelope_example_is_the_response() -> None:
    """Container Service: "This API only responds with common information." ends the operation (it is not the next
    one's description) and is its response: the envelope the guide documents before the first operation. Push: a
    JSON example of the envelope alone under no label is the response's."""
    deleting, spinning = _read_text(_COMMON_INFORMATION_ONLY).operations
    for operation in (deleting, spinning):
        (ok,) = [r for r in operation.versions["v1.0"].responses if r.status == "200"]
        assert ok.schema is not None and "header" in ok.schema["properties"], operation.path
        assert operation.versions["v1.0"].request_body is None
    assert "common information" not in (spinning.versions["v1.0"].description or "")


def test_pipe_rows_with_no_separator_row_are_tables() -> None:
    """Korean/Japanese pages of the docs site seen rendered with pipe rows but no ``---|---|`` line under the
    header (E-mail, API Gateway, Certificate Manager v1.1): the header is a row of column words, the rows follow."""
    service = _read("no-separator-ko.txt")
    assert [(op.method, op.path) for op in service.operations] == [
        ("POST", "/memo/v1.0/appKeys/{appKey}/notes"),
        ("GET", "/memo/v1.0/appKeys/{appKey}/notes"),
    ]
    create = service.operations[0].versions["v1.0"]
    assert [(p.name, p.location) for p in create.parameters] == [("appKey", "path")]
    assert create.request_body is not None
    schema = create.request_body.schema
    assert set(schema["properties"]) == {"title", "body", "labelList"}
    assert schema["required"] == ["title"]
    assert set(schema["properties"]["labelList"]["items"]["properties"]) == {"labelName"}
    listing = service.operations[1].versions["v1.0"]
    (size,) = [p for p in listing.parameters if p.name == "pageSize"]
    assert size.location == "query" and size.schema.get("type") in ("number", "integer")


def test_a_separatorless_header_needs_column_words() -> None:
    """Prose lines that happen to end in a pipe open no table: the header must be column words."""
    text = "Widget guide > API\nGET /v1/widgets\nsee the list | or the other |\nwidget one | widget two |\n"
    document = read_page(text, page="p.txt", format="text", provider="nhn")
    assert not any(isinstance(b, Table) for b in document.blocks)
