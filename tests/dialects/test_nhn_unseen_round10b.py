"""Guides of the tenth robustness round, batch b (``tests/fixtures/nhn/unseen/README.md``, the rows naming this file).

Each test is one defect found by reading NHN guides the dialect had never seen (Autocomplete, Text to Speech, OTP,
Transit Hub, NAT Gateway, Network ACL, Vehicle Plate Recognizer), on a short synthetic mirror of the shape: what the
guide writes, what the reader made of it, and what a client needs instead.
"""

from __future__ import annotations

from typing import Any

from scraper.model import Service
from tests.dialects.test_nhn_unseen import _read


def _kinds(service: Service) -> list[str]:
    return [f.kind for f in service.findings]


def _params(operation: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(p["name"], p["in"]): p for p in operation.get("parameters", [])}


def test_an_environment_uri_table_is_the_endpoint() -> None:
    # Autocomplete: ``## Common`` > ``| Environment | URI |`` over ``| REAL | https://kr1-autocomplete...``
    # (ko 환경, ja 環境): a URI column was no endpoint column, so the spec had no servers ("no-endpoint")
    service, spec = _read("suggest-environment-uri-table.md")
    assert "no-endpoint" not in _kinds(service)
    [server] = spec["servers"]
    assert server["url"] == "https://{region}-suggest.api.nhncloudservice.com"
    assert server["variables"]["region"]["default"] == "kr1"


def test_a_required_mark_closing_the_description_is_read_where_no_column_holds_one() -> None:
    # Autocomplete: ``Parameter Information`` as ``Name | Description`` rows ``count | Number of results (required)``,
    # ``query | Query (required)``: every query parameter was optional
    service, spec = _read("suggest-environment-uri-table.md")
    params = _params(spec["paths"]["/suggest/v1.0/appkeys/{appKey}/lookup"]["get"])
    assert params[("limit", "query")]["required"] is True
    assert params[("term", "query")]["required"] is True
    assert params[("lang", "query")]["required"] is False
    assert "row-repair" in _kinds(service)


def test_a_response_given_as_the_common_response_body_is_that_body() -> None:
    # OTP (ko, and en/ja which keep the Korean text): ``### 응답`` holding only ``공통 응답 본문`` (common response
    # body) after ``## 응답 공통 정보`` documented the ``header`` envelope: read as no Response section, a 204
    service, spec = _read("key-service-ko-common-response-body.md")
    responses = spec["paths"]["/keys/v1.0/appkeys/{appKey}/keys/{keyId}/check"]["get"]["responses"]
    assert list(responses) == ["200"]
    schema = responses["200"]["content"]["application/json"]["schema"]
    header = schema["properties"]["header"]
    assert header["properties"]["resultCode"]["type"] == "integer"
    assert header["properties"]["successful"]["type"] == "boolean"
    assert "no-response-section" not in _kinds(service)
    assert "common-response" in _kinds(service)


def _speech_body(spec: dict[str, Any]) -> dict[str, Any]:
    body = spec["paths"]["/v1.0/appkeys/{appKey}/speech"]["post"]["requestBody"]
    schema: dict[str, Any] = body["content"]["application/json"]["schema"]
    return schema


def test_values_separated_by_slashes_in_a_valid_range_cell_are_the_strings_values() -> None:
    # Text to Speech: ``fileType | String | Optional | MP3 | MP3/WAV``, ``language | ... | KO/EN/JA/ZH``: the values a
    # String field takes, written with slashes, were read as nothing (only quoted lists were values)
    _, spec = _read("speech-slash-values-and-media-types.md")
    properties = _speech_body(spec)["properties"]
    assert properties["format"]["enum"] == ["MP3", "WAV"]
    assert properties["format"]["default"] == "MP3"
    assert properties["voice"]["enum"] == ["HIGH", "LOW", "MID"]
    # a date pattern written with slashes is no list of values
    assert "enum" not in properties["day"]
    assert properties["rate"]["minimum"] == 0.5


def test_up_to_n_characters_is_a_maximum_length() -> None:
    # Text to Speech: ``inputText | String | Required | | Up to 1,000 characters``: the bound was left in words
    _, spec = _read("speech-slash-values-and-media-types.md")
    assert _speech_body(spec)["properties"]["text"]["maxLength"] == 2000


def test_a_file_response_in_one_of_two_media_types_offers_both() -> None:
    # Text to Speech: ``Content-Type: audio/wav or audio/mpeg`` (by the request's fileType, whose default is MP3):
    # the response was audio/wav only, so a client accepting that type refused the default answer
    service, spec = _read("speech-slash-values-and-media-types.md")
    content = spec["paths"]["/v1.0/appkeys/{appKey}/speech"]["post"]["responses"]["200"]["content"]
    assert list(content) == ["audio/wav", "audio/mpeg"]
    assert all(media["schema"] == {"type": "string", "format": "binary"} for media in content.values())
    assert any("audio/wav, audio/mpeg" in f.message for f in service.findings if f.kind == "binary-response")


def test_media_types_joined_by_a_japanese_word_are_each_a_media_type() -> None:
    # Text to Speech (ja): ``Content-Type: audio/wavまたはaudio/mpeg`` (または, or, with no spaces): a subtype ran on
    # through the Japanese letters, and the response's media type was 'audio/wavまたはaudio'
    _, spec = _read("speech-ja-glued-media-types.md")
    content = spec["paths"]["/v1.0/appkeys/{appKey}/speech"]["post"]["responses"]["200"]["content"]
    assert list(content) == ["audio/wav", "audio/mpeg"]
