"""Repeated inline objects become one component (``scraper/build/shared_schemas.py``).

Seen in NHN Cloud's guides (RDS for PostgreSQL v1.0: the ``header`` object inline in 93 responses, 93 identical
model classes in the package); the documents here are written for the test.
"""

from __future__ import annotations

import copy
from typing import Any

from scraper.build.openapi import emit_spec
from scraper.build.shared_schemas import share_repeated_objects
from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.readers import read_page

_HEADER = {
    "type": "object",
    "properties": {"isSuccessful": {"type": "boolean"}, "resultCode": {"type": "integer"}},
    "x-inferred": True,
}


def _response(**properties: Any) -> dict[str, Any]:
    schema = {"type": "object", "properties": properties}
    return {"responses": {"200": {"description": "OK", "content": {"application/json": {"schema": schema}}}}}


def _spec(*operations: dict[str, Any], components: dict[str, Any] | None = None) -> dict[str, Any]:
    doc: dict[str, Any] = {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}
    for index, operation in enumerate(operations):
        doc["paths"][f"/p{index}"] = {"get": copy.deepcopy(operation)}
    if components:
        doc["components"] = {"schemas": copy.deepcopy(components)}
    return doc


def _schema(doc: dict[str, Any], index: int) -> dict[str, Any]:
    schema: dict[str, Any] = doc["paths"][f"/p{index}"]["get"]["responses"]["200"]["content"]["application/json"][
        "schema"
    ]
    return schema


def test_an_object_repeated_under_one_property_is_one_component_and_each_place_keeps_its_description() -> None:
    described = dict(_HEADER, description="Result of the call")
    second = _response(header=described, id={"type": "string"})
    doc = _spec(_response(header=_HEADER), second, _response(header=_HEADER))
    doc, shared = share_repeated_objects(doc)
    assert shared == ["Header"]
    assert doc["components"]["schemas"]["Header"] == _HEADER
    assert _schema(doc, 0)["properties"]["header"] == {"$ref": "#/components/schemas/Header"}
    assert _schema(doc, 1)["properties"]["header"] == {
        "$ref": "#/components/schemas/Header",
        "description": "Result of the call",
    }


def test_the_most_common_content_is_shared_and_a_differing_one_stays_as_written() -> None:
    odd = {"type": "object", "properties": {"code": {"type": "string"}}}
    doc = _spec(_response(header=_HEADER), _response(header=odd), _response(header=_HEADER))
    doc, _ = share_repeated_objects(doc)
    assert _schema(doc, 1)["properties"]["header"] == odd
    assert _schema(doc, 2)["properties"]["header"]["$ref"] == "#/components/schemas/Header"


def test_nothing_is_shared_on_a_tie_or_a_single_place() -> None:
    odd = {"type": "object", "properties": {"code": {"type": "string"}}}
    tie = _spec(_response(header=_HEADER), _response(header=odd))
    assert share_repeated_objects(tie) == (tie, [])
    assert "components" not in tie
    once = _spec(_response(header=_HEADER), _response(id={"type": "string"}))
    assert share_repeated_objects(once)[1] == []


def test_a_name_a_component_has_is_used_only_for_the_same_content() -> None:
    other = {"type": "object", "properties": {"code": {"type": "string"}}}
    doc = _spec(_response(header=_HEADER), _response(header=_HEADER), components={"Header": other})
    assert share_repeated_objects(doc)[1] == []
    assert doc["components"]["schemas"] == {"Header": other}
    same = _spec(_response(header=_HEADER), _response(header=_HEADER), components={"header": dict(_HEADER)})
    assert share_repeated_objects(same)[1] == []  # `header` folds to the name `Header` takes: left as it is
    equal = _spec(_response(header=_HEADER), _response(header=_HEADER), components={"Header": dict(_HEADER)})
    equal, shared = share_repeated_objects(equal)
    assert shared == ["Header"]
    assert list(equal["components"]["schemas"]) == ["Header"]
    assert _schema(equal, 1)["properties"]["header"] == {"$ref": "#/components/schemas/Header"}


def test_nested_repeats_go_first_so_their_holders_become_equal_and_shared_too() -> None:
    meta = {"type": "object", "properties": {"total": {"type": "integer"}}}
    data = {"type": "object", "properties": {"meta": meta, "name": {"type": "string"}}}
    doc = _spec(_response(data=data), _response(data=data), _response(meta=meta))
    doc, shared = share_repeated_objects(doc)
    assert shared == ["Meta", "Data"]
    schemas = doc["components"]["schemas"]
    assert schemas["Data"]["properties"]["meta"] == {"$ref": "#/components/schemas/Meta"}
    assert _schema(doc, 2)["properties"]["meta"] == {"$ref": "#/components/schemas/Meta"}


def test_names_are_ascii_identifiers_from_the_property_and_other_names_are_left_inline() -> None:
    doc = _spec(
        _response(**{"os-volume_upload image": _HEADER, "응답": dict(_HEADER, title="x")}),
        _response(**{"os-volume_upload image": _HEADER, "응답": dict(_HEADER, title="x")}),
    )
    doc, shared = share_repeated_objects(doc)
    assert shared == ["OsVolumeUploadImage"]
    assert _schema(doc, 0)["properties"]["응답"]["type"] == "object"


def test_the_items_of_an_array_property_are_shared_as_its_item() -> None:
    # Block Storage: every listing's ``links: [{href, rel}]``
    link = {"type": "object", "properties": {"href": {"type": "string"}, "rel": {"type": "string"}}}
    links = {"type": "array", "items": link, "description": "Paging links"}
    doc, shared = share_repeated_objects(_spec(_response(links=links), _response(links=links)))
    assert shared == ["LinksItem"]
    assert doc["components"]["schemas"]["LinksItem"] == link
    assert _schema(doc, 1)["properties"]["links"] == {
        "type": "array",
        "items": {"$ref": "#/components/schemas/LinksItem"},
        "description": "Paging links",
    }


def test_the_outcome_does_not_depend_on_the_order_of_operations() -> None:
    odd = {"type": "object", "properties": {"code": {"type": "string"}}}
    ops = [_response(header=_HEADER), _response(header=odd), _response(header=_HEADER), _response(header=odd)]
    ops.append(_response(header=_HEADER))
    forward, backward = _spec(*ops), _spec(*reversed(ops))
    assert share_repeated_objects(forward)[0]["components"] == share_repeated_objects(backward)[0]["components"]


def test_the_document_given_is_left_as_it_is() -> None:
    # the schemas of an emitted document are often the service's own models, shared by every version emitted
    # from them: rewriting them in place left the next version a reference to a component it did not have
    model = {"type": "object", "properties": {"header": copy.deepcopy(_HEADER)}}
    doc = _spec(_response(header=_HEADER), _response(header=_HEADER))
    doc["paths"]["/p0"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] = model
    before = copy.deepcopy(doc)
    shared, names = share_repeated_objects(doc)
    assert names == ["Header"]
    assert doc == before
    assert model["properties"]["header"] == _HEADER
    assert shared["paths"]["/p0"]["get"]["responses"]["200"]["content"]["application/json"]["schema"] is not model


_GUIDE = """# Demo API

## Servers

### List servers

```
GET /v1.0/appkeys/{appKey}/servers
```

#### Response

```json
{
  "header": {"isSuccessful": true, "resultCode": 0, "resultMessage": "SUCCESS"},
  "servers": [{"id": "a"}]
}
```

| Name | Type | Description |
| --- | --- | --- |
| header | Object | Header |
| header.isSuccessful | Boolean | Whether it succeeded |
| header.resultCode | Integer | Result code |
| header.resultMessage | String | Result message |
| servers | Array | Servers |
| servers.id | String | Server ID |

### Get server

```
GET /v1.0/appkeys/{appKey}/servers/{serverId}
```

#### Response

```json
{
  "header": {"isSuccessful": true, "resultCode": 0, "resultMessage": "SUCCESS"},
  "server": {"id": "a"}
}
```

| Name | Type | Description |
| --- | --- | --- |
| header | Object | Header |
| header.isSuccessful | Boolean | Whether it succeeded |
| header.resultCode | Integer | Result code |
| header.resultMessage | String | Result message |
| server | Object | Server |
| server.id | String | Server ID |
"""


def test_a_guide_that_repeats_its_response_header_gets_one_header_component() -> None:
    document = read_page(_GUIDE, page="demo.md", format="markdown", provider="nhn")
    (service,) = NhnDialect().read(document, PageInfo(page="demo.md", services=("demo",)))
    (version,) = {v for op in service.operations for v in op.versions}
    spec, _ = emit_spec(service, version, [op.versions[version] for op in service.operations])
    header = spec["components"]["schemas"]["Header"]
    assert set(header["properties"]) == {"isSuccessful", "resultCode", "resultMessage"}
    for path in spec["paths"].values():
        body = path["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert body["properties"]["header"]["$ref"] == "#/components/schemas/Header"
