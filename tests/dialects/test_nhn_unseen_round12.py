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
    assert _kinds(service).count("form-body") == 2
