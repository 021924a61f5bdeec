"""Guides of the tenth robustness round, batch c (``tests/fixtures/nhn/unseen/README.md``, the rows naming this file).

Each test is one defect found by reading NHN guides the dialect had never read in these parts (Gamebase server API
v1.0, v1.2 and v1.3, en/ko/ja; the other repositories of the batch, Compute-GPU, Compute-Instance-Template,
Network-Interface, Peering-Gateway, Storage-Backup, Vaccine, Cloud-Access and Real-Time-Multiplayer, publish no
API guide with an HTTP operation), on a short synthetic mirror of the shape: what the guide writes, what the reader
made of it, and what a client needs instead.
"""

from __future__ import annotations

from typing import Any

from scraper.model import Service
from tests.dialects.test_nhn_unseen import _read


def _kinds(service: Service) -> list[str]:
    return [f.kind for f in service.findings]


def _params(operation: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(p["name"], p["in"]): p for p in operation.get("parameters", [])}


_PLAYER = "/arcade-hub/v2.1/apps/{appId}/players/{playerId}"


def test_an_enum_whose_description_links_to_a_code_section_takes_its_values() -> None:
    # Gamebase: ``storeCode | Enum | true | [Store code](#store-code)``, ``member.valid | Enum | [User status]
    # (#member-valid-code)``, ``eventLogType``: the values are in the table (or bullet list) of the section the link
    # names (``## Others`` > ``### Store Code``), so every one was an Enum without values
    service, spec = _read("gamebase-linked-code-sections.md")
    operation = spec["paths"][_PLAYER]["get"]
    params = _params(operation)
    assert params[("shop", "query")]["schema"]["enum"] == ["PLAY", "APPSHOP", "STEAMY"]
    player = operation["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["player"]
    fields = player["properties"]
    assert fields["state"]["enum"] == ["A", "W", "S"]
    assert fields["loginKind"]["enum"] == ["guest", "mail", "phone"]
    # a String field linking to the section keeps its type: the guide did not call it an enum
    assert "enum" not in fields["shop"]
    # a section without values gives none, and the finding stays
    assert "enum" not in fields["tier"]
    enumless = [f.message for f in service.findings if f.kind == "enum-without-values"]
    assert len(enumless) == 1 and "tier" in enumless[0]
    linked = [f for f in service.findings if f.kind == "enum-from-linked-section"]
    assert len(linked) == 4 and all("#" in f.message for f in linked)


def test_a_type_naming_a_code_section_is_a_string_of_its_codes() -> None:
    # Gamebase: ``osCode | OsCode | true | [OS code](#os-code)`` over ``### OS Code`` (a Code | Description table):
    # 'names a model the guide does not define; read as an object', then a non-scalar query parameter as a string
    service, spec = _read("gamebase-linked-code-sections.md")
    params = _params(spec["paths"][_PLAYER]["get"])
    schema = params[("platform", "query")]["schema"]
    assert schema == {"type": "string", "enum": ["DROID", "APPLE", "BROWSER"]}
    kinds = _kinds(service)
    assert "non-scalar-parameter" not in kinds
    assert not any(f.kind == "row-repair" and "PlatformCode" in f.message for f in service.findings)


def test_values_in_the_last_sentence_of_an_enum_description_are_its_values() -> None:
    # Gamebase: ``banTypeCode | Enum | Type of the ban. TEMPORARY or PERMANENT`` (ko "이용 정지 타입. TEMPORARY or
    # PERMANENT", ja "利用停止タイプ。 TEMPORARY or PERMANENT"): a sentence, then the values; none were read
    _, spec = _read("gamebase-linked-code-sections.md")
    params = _params(spec["paths"][_PLAYER]["get"])
    assert params[("sort", "query")]["schema"]["enum"] == ["ASC", "DESC"]


def test_the_html_reader_keeps_the_anchor_a_cell_links_to_as_the_markdown_reader_does() -> None:
    # the docs site's HTML rendering of the same row: ``<a href="#shop-code">Shop code</a>``
    from scraper.readers import html, markdown

    page = "| Name | Type | Value |\n| --- | --- | --- |\n| shop | Enum | [Shop code](#shop-code) |\n"
    [md_table] = markdown.read(page, "g.md").blocks
    rendered = (
        "<table><thead><tr><th>Name</th><th>Type</th><th>Value</th></tr></thead><tbody><tr><td>shop</td>"
        '<td>Enum</td><td><a href="#shop-code">Shop code</a></td></tr></tbody></table>'
    )
    [html_table] = html.read(rendered, "g.html").blocks
    for table in (md_table, html_table):
        assert table.rows[0].anchors == ("", "", "shop-code")  # type: ignore[union-attr]


def test_every_example_of_a_response_shown_case_by_case_informs_its_one_schema() -> None:
    # Gamebase 'Get Simple Launching': ``**[Response Body]**`` > ``##### OK`` (an example) and ``##### Maintenance``
    # (another, the only one showing ``maintenance``), then one table with ``maintenance.beginDate | Date | ... ISO
    # 8601``: the second example was never read, so the Date stayed a date, which every maintenance answer
    # ("2018-05-23T10:44:00+09:00") fails in a client, and ``url: null`` was not nullable
    service, spec = _read("gamebase-response-cases-one-table.md")
    response = spec["paths"]["/arcade-hub/v2.1/apps/{appId}/launch"]["get"]["responses"]["200"]
    schema = response["content"]["application/json"]["schema"]
    closure = schema["properties"]["launch"]["properties"]["closure"]["properties"]
    assert closure["from"]["format"] == "date-time" and closure["until"]["format"] == "date-time"
    assert "null" in closure["page"]["type"]
    cases = [f for f in service.findings if f.kind == "response-cases"]
    assert len(cases) == 1 and "'Open'" in cases[0].message and "'Closed'" in cases[0].message
    # the first case stays the response's example
    assert response["content"]["application/json"]["example"]["launch"]["state"]["code"] == 200


def test_a_row_without_a_link_takes_no_codes_from_a_heading_without_an_anchor() -> None:
    # the pipe text renderings give headings they rebuild no title (and "### ※" has no word): a row that links
    # nowhere was looked up under the empty anchor, found such a section and failed (KeyError) on 26 guides
    from scraper.dialects import PageInfo
    from scraper.dialects.nhn import NhnDialect
    from scraper.readers import markdown

    page = (
        "# Hub API\n\n## Things\n\n### Get Things\n\n```\nGET /v1/things\n```\n\n#### Request\n\n"
        "| Name | Type | Required | Description |\n| --- | --- | --- | --- |\n| kind | Enum | Optional | Kind |\n\n"
        "### ※\n\n| Code | Description |\n| --- | --- |\n| A | a |\n| B | b |\n"
    )
    [service] = NhnDialect().read(markdown.read(page, "g.md"), PageInfo("g.md"))
    [parameter] = [p for v in service.operations[0].versions.values() for p in v.parameters if p.name == "kind"]
    assert "enum" not in parameter.schema
    assert "enum-without-values" in _kinds(service)


def test_a_field_typed_as_a_map_keeps_the_type_of_its_values() -> None:
    # Gamebase 'Get UserId Information with IdP Id': ``result | Map<String, String> | ... IdP ID is the key, and
    # Gamebase userId is the value``: read as a bare object, the string values lost (a client's model of it was a
    # dict of anything). ``idPProfile | Map<String, Object>`` is Java's map of any value (E-mail's
    # ``searchParameter | Map<String, Object>`` shows strings, numbers and null): it stays unconstrained
    _, spec = _read("gamebase-map-typed-fields.md")
    operation = spec["paths"]["/arcade-hub/v2.1/apps/{appId}/logins/{loginKind}/players"]["post"]
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]["properties"]
    assert schema["found"]["additionalProperties"] == {"type": "string"}
    assert "properties" not in schema["found"]
    assert "additionalProperties" not in schema["profile"] and "properties" not in schema["profile"]


def test_a_row_and_the_example_key_it_nearly_spells_are_one_field_spelt_as_the_page_spells_it_more() -> None:
    # Gamebase 'Get Member': ``memberInfo.usmCountryCode | String | Country code of user USIM`` where the example's
    # ``memberInfo`` has ``"usimCountryCode"``: the response had both, the row's name typed and described, the
    # example's key inferred. The page's other rows and examples tell which is the slip (E-mail: the table's
    # ``dsnCode`` 13 times, one example's ``dnsCode`` once; RDS for PostgreSQL ``isEnabled`` 8, ``isEnable`` 1);
    # when they do not (Gamebase writes each once), both stay, and the finding says so
    service, spec = _read("gamebase-misspelt-nested-row.md")
    operation = spec["paths"]["/arcade-hub/v2.1/apps/{appId}/players/{playerId}/device"]["get"]
    device = operation["responses"]["200"]["content"]["application/json"]["schema"]["properties"]["device"]
    fields = device["properties"]
    # the example's spelling, which the other operation writes too; the table's, which the other table writes too
    assert list(fields) == ["deviceCountry", "simCardCountry", "language", "screenSize", "screenSise"]
    assert fields["simCardCountry"]["description"] == "Country of the SIM card"
    assert fields["language"]["description"] == "Language of the device"
    assert fields["screenSise"].get("x-inferred") is True
    conflicts = [f.message for f in service.findings if f.kind == "table-example-conflict"]
    assert any("'device.simCrdCountry'" in m and "read as 'simCardCountry'" in m for m in conflicts)
    assert any("'device.language'" in m and "read as 'language'" in m for m in conflicts)
    assert any("'device.screenSize'" in m and "both are kept" in m for m in conflicts)
