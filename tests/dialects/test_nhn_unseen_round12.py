"""Guides of the twelfth robustness round (``tests/fixtures/nhn/unseen/README.md``, the rows naming this file).

Three shapes the earlier rounds left open, each on a short synthetic mirror: a multipart upload documented only by a
``Content-Type`` header block and ``name: value`` lines (Certificate Manager v1.0), ...
"""

from __future__ import annotations

from typing import Any

from scraper.model import Service
from tests.dialects.test_nhn_unseen import _read


def _kinds(service: Service) -> list[str]:
    return [f.kind for f in service.findings]


def _body(operation: dict[str, Any]) -> tuple[str, dict[str, Any], bool]:
    body = operation["requestBody"]
    [(media, content)] = body["content"].items()
    return media, content["schema"], bool(body.get("required"))


def test_a_form_body_written_as_name_value_lines_is_a_multipart_body() -> None:
    # Certificate Manager v1.0 (until 2023): ``[Request Header]`` over ``Content-Type:multipart/form-data`` and
    # ``[Request Body]`` over ``file: {file}``, no table, no JSON: the upload had no request body at all, silently
    service, spec = _read("certificate-form-lines-upload.md")
    upload = spec["paths"]["/keystore/v1.0/appkeys/{appKey}/keys/{keyName}/files"]["post"]
    media, schema, required = _body(upload)
    assert media == "multipart/form-data"
    assert required
    assert schema["type"] == "object"
    assert schema["properties"]["file"] == {"type": "string", "format": "binary", "x-inferred": True}
    assert schema["properties"]["comment"]["type"] == "string"
    assert schema["properties"]["comment"]["examples"] == ["rotated"]
    assert schema["required"] == ["file"]
    assert any(f.kind == "form-body" and f.line == 34 for f in service.findings)


def test_curl_form_flags_are_the_parts_of_a_multipart_body() -> None:
    # Deploy v2.1 / Image (curl ``-F 'binaryFile=@ojdbc14.jar'``): a request whose only body is the curl command's
    # ``-F`` flags sends multipart/form-data, a ``@file`` value a file part
    service, spec = _read("certificate-form-lines-upload.md")
    label = spec["paths"]["/keystore/v1.0/appkeys/{appKey}/keys/{keyName}/labels"]["post"]
    media, schema, _ = _body(label)
    assert media == "multipart/form-data"
    assert sorted(schema["properties"]) == ["image", "label"]
    assert schema["properties"]["image"]["format"] == "binary"
    assert schema["properties"]["label"]["examples"] == ["blue"]
    assert _kinds(service).count("form-body") == 3  # one per form body of the page


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(method, path, summary) of every documented operation, the members of an ``x-operations`` group each."""
    found = []
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            for member in operation.get("x-operations", [operation]):
                found.append((method, path, member["summary"]))
    return sorted(found)


def test_the_rows_of_a_wrapping_api_list_declared_nowhere_else_are_operations() -> None:
    # Gamebase (en/ko/ja api-guide.md): "## Leaderboard" and "## Push" each list the other service's calls Gamebase
    # serves in one ``API | Method | Wrapping URI | Leaderboard URI`` table (13 and 20 rows), declared nowhere else:
    # a list "declares nothing", so only the one call an "Example of API Call" repeats was read (2 of 33)
    service, spec = _read("gamebase-wrapping-api-lists.md")
    scores = "/tcgb-scores/v1.3/apps/{appId}/boards/{board}"
    notice = "/tcgb-notice/v1.3/apps/{appId}"
    assert _operations(spec) == sorted(
        [
            ("delete", f"{notice}/tags/{{tagId}}", "Tag > Delete"),
            ("get", f"{scores}/user-count", "Count users"),
            ("get", f"{scores}/users", "One user's score"),
            ("get", f"{scores}/users", "Scores in a range"),
            ("get", f"{notice}/messages", "Message > View"),
            ("get", "/tcgb-member/v1.3/apps/{appId}/members/{userId}", "Get Member"),
            ("post", f"{scores}/users/{{userId}}/score", "Set a score"),
            ("post", f"{notice}/messages", "Message > Send"),
            ("put", f"{notice}/tags/{{tagId}}", "Tag > Modify"),
        ]
    )
    score = spec["paths"][f"{scores}/users/{{userId}}/score"]["post"]
    assert {(p["name"], p["in"]) for p in score["parameters"]} >= {("board", "path"), ("userId", "path")}
    assert "/scores/v2.0/appkeys/{appKey}/boards/{board}/users/{userId}/score" in score["description"]
    ranged = next(
        m for m in spec["paths"][f"{scores}/users"]["get"]["x-operations"] if m["summary"] == "Scores in a range"
    )
    assert {p["name"] for p in ranged["parameters"]} == {"start", "size"}
    # the second column is the wrapped service's path, never an operation of this API
    assert not any(path.startswith(("/scores/", "/notice/")) for path in spec["paths"])
    listed = [f for f in service.findings if f.kind == "listed-operation"]
    assert len(listed) == 7
    assert all("Wrapping URI" in f.message for f in listed)


def test_links_to_code_sections_of_the_same_page_written_as_its_path_are_followed() -> None:
    # API Gateway v1.0/v2.0 (en, ko, ja): ``pluginType | Enum | See [Resource Plugin Type Enum Code](./enum-code/
    # #resource-plugin-type)``, ``pluginConfigJson | Object | See [...](./api-guide-v2.0/#resource-plugin)``: links
    # to a section written as a path to a page (the guide's own, or the enum-code page), which the readers dropped
    # (only ``#anchor`` was a link to a section), so 56 Enum fields of v2.0 en had no values and no finding said why
    service, spec = _read("api-gateway-code-links.md")
    fields = spec["paths"]["/v2.0/stages"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    properties = fields["properties"]
    assert properties["pluginType"]["enum"] == ["CORS", "MOCK"]
    # ko: the docs site numbers the anchors of headings with no ASCII letters (``#_1``): followed when the section's
    # title is what the link says
    assert properties["dataType"]["enum"] == ["STRING", "INTEGER"]
    linked = [f for f in service.findings if f.kind == "enum-from-linked-section"]
    assert sorted(f.line for f in linked) == [27, 28]


def test_a_link_the_reader_cannot_follow_is_a_finding_naming_it() -> None:
    # another page's section (``./enum-code/#api-gateway-region``), and a numbered anchor whose section's title is
    # not what the link says (``[기간 단위 코드](#_1)`` over ``### 데이터 타입``): no values, and a finding saying which
    # link was not followed and why
    service, spec = _read("api-gateway-code-links.md")
    properties = spec["paths"]["/v2.0/stages"]["post"]["requestBody"]["content"]["application/json"]["schema"][
        "properties"
    ]
    assert "enum" not in properties["regionCode"] and "enum" not in properties["unitCode"]
    unfollowed = {f.line: f.message for f in service.findings if f.kind == "link-not-followed"}
    assert sorted(unfollowed) == [26, 29]
    assert "./enum-code/#api-gateway-region" in unfollowed[26] and "another page" in unfollowed[26]
    assert "데이터 타입" in unfollowed[29]


def test_a_documented_multipart_request_with_no_parts_still_has_a_multipart_body() -> None:
    # Alimtalk / RCS write ``Content-Type: multipart/form-data`` under the declaration; a guide that says no more
    # still sends a form: a body of unknown parts (any object), not no body at all, with a finding
    service, spec = _read("certificate-form-lines-upload.md")
    replace = spec["paths"]["/keystore/v1.0/appkeys/{appKey}/keys/{keyName}/files"]["put"]
    media, schema, _ = _body(replace)
    assert media == "multipart/form-data"
    assert schema["type"] == "object" and "properties" not in schema
    assert any(f.kind == "form-body" and "no part" in f.message for f in service.findings)


def test_bodies_documented_as_the_bytes_of_a_file_are_binary_bodies() -> None:
    # Object Storage ``- | Body | Binary | O | Data content of the object`` (a nameless row: skipped, the upload had
    # no body), Image ``--data-binary 'path/to/imageFile/@sample.png'`` under ``Content-Type:application/octet-
    # stream``, Private CA ``--data-binary @ocsp-request.der`` under ``application/ocsp-request``, Object Storage's
    # segments ``-T large_obj.img.00``: no table, no JSON: the requests had no body a client could send
    service, spec = _read("binary-upload-bodies.md")
    paths = spec["paths"]
    expected = {
        ("/files/v1.0/{Account}/{Container}/{Object}", "put"): "application/octet-stream",
        ("/files/v1.0/appkeys/{appKey}/pictures", "put"): "application/octet-stream",
        ("/files/v1.0/appkeys/{appKey}/stores/{storeId}/ocsp", "post"): "application/ocsp-request",
        ("/files/v1.0/{Account}/{Container}/{Object}/{Count}", "put"): "application/octet-stream",
    }
    for (path, method), media in expected.items():
        body_media, schema, required = _body(paths[path][method])
        assert (body_media, schema["type"], schema["format"], required) == (media, "string", "binary", True), path
    assert _body(paths["/files/v1.0/{Account}/{Container}/{Object}"]["put"])[1]["description"] == (
        "Data content of the object to create"
    )
    raw = [f for f in service.findings if f.kind == "raw-body"]
    assert [f.line for f in raw][:4] == [23, 45, 93, 115]  # the row, then each command's code block
    assert "'ocsp-request.der' (--data-binary)" in raw[2].message and "(-T)" in raw[3].message


def test_a_json_body_sent_with_data_binary_is_no_file_upload() -> None:
    # ``--data-binary '{"to": "dev@example.com", ...}'``: the ``@`` of an address is no file
    _, spec = _read("binary-upload-bodies.md")
    media, schema, _ = _body(spec["paths"]["/files/v1.0/appkeys/{appKey}/notes"]["post"])
    assert media == "application/json" and set(schema["properties"]) == {"to", "text"}


def test_a_heading_that_sends_a_note_names_its_operation_and_is_no_note() -> None:
    # "### Send a Note" ends like a note heading ("Notes", "[Note]"): it was skipped as one, and the operation under
    # it was named after the heading above ("Upload a Segment"), two operations with one name
    _, spec = _read("binary-upload-bodies.md")
    assert spec["paths"]["/files/v1.0/appkeys/{appKey}/notes"]["post"]["summary"] == "Send a Note"


def test_a_json_file_uploaded_with_data_binary_is_a_json_body_of_any_value() -> None:
    # ``-H 'Content-Type: application/json' --data-binary @records.json``: JSON the guide does not show, not bytes
    # sent as application/octet-stream (which a JSON API refuses)
    service, spec = _read("binary-upload-bodies.md")
    body = spec["paths"]["/files/v1.0/appkeys/{appKey}/records"]["post"]["requestBody"]
    assert body["required"] is True and list(body["content"]) == ["application/json"]
    assert "type" not in body["content"]["application/json"]["schema"]
    assert any("'records.json'" in f.message and "any JSON value" in f.message for f in service.findings)
