"""Guides of the seventeenth robustness round (``tests/fixtures/nhn/unseen/README.md``, the rows naming this file).

Round 17 read 24 TOAST-DOCS guides never swept before (seed 20261717) in all their renderings (Markdown, the site's
HTML, its text renderings: cells joined by spaces, pipe rows, one cell a line) and compared the specs per operation.
Each test here is a shape one rendering read differently from the Markdown, on an excerpt of the real guide
(repository, path and commit in the README's row); the renderings are made from the excerpt as the parity tests
make them.
"""

from __future__ import annotations

from typing import Any

from tests.dialects.test_nhn_pipe_parity import _without_spaces
from tests.dialects.test_nhn_unseen import UNSEEN
from tests.dialects.test_nhn_unseen_round16 import _contracts
from tests.dialects.text_rendering import cell_line_rendering, pipe_rendering, text_rendering

_RDS = "rds-mariadb-ko-status-and-value-lines.md"


def _response_property(contract: tuple[Any, ...], name: str) -> Any:
    _status, schema = next(r for r in contract[3] if r[0].startswith("2"))
    return schema["properties"][name]


def test_a_misspelt_method_column_makes_an_operations_table_in_the_text_rendering() -> None:
    # System Monitoring ja open-metrics-api-guide-gov.md: '#### 使用可能なendpoint' over a 'Metheod | endpoint' list
    # (the method column's header misspelt) of the paths '[GET,POST] /prometheus/{prometheus-api-endpoint}' forwards
    # to. The Markdown dialect reads any 'meth...' word as the method column (a list, not operations); the text
    # reader knew 'method' as written only, so each row was a 'METHOD /path' line: ten operations more.
    markdown = (UNSEEN / "system-monitoring-ja-misspelt-method-column.md").read_text(encoding="utf-8")
    from_markdown = _contracts(markdown, "markdown")
    assert [contract[0][:2] for contract in from_markdown] == [
        ("GET", "/prometheus/{prometheus-api-endpoint}"),
        ("POST", "/prometheus/{prometheus-api-endpoint}"),
    ]
    assert _contracts(text_rendering(markdown), "text") == from_markdown


def test_a_status_table_beside_operations_belongs_to_their_group_at_the_levels_the_text_rendering_gives() -> None:
    # RDS for MariaDB ko api-guide-v4.0-gov.md: '## 작업 정보' > '### 작업 상태' (the job status table) beside
    # '### 작업 정보 상세 보기', whose response's jobStatus is an Enum listing nothing. The dialect took a status
    # table under a heading of level 3 for its sibling operations' group; the text reader rebuilds the headings at
    # levels of its own (the operations' at 2), so the table made a group of its own and jobStatus had no values.
    markdown = (UNSEEN / _RDS).read_text(encoding="utf-8")
    from_markdown = _contracts(markdown, "markdown")
    job = _response_property(from_markdown[0], "jobStatus")
    assert job["enum"][:3] == ["PREPARING", "READY", "RUNNING"]
    from_text = _contracts(text_rendering(markdown), "text")
    assert _response_property(from_text[0], "jobStatus") == job


def test_value_lines_of_a_cell_above_are_no_rows_in_the_text_rendering() -> None:
    # The same guide: 'authorityType | Body | Enum | O | DB 사용자 권한 타입<br/>- `READ`: SELECT 쿼리 ...<br/>-
    # `CRUD`: ...'. The text rendering keeps the cell's lines, and '- READ: SELECT 쿼리 수행 가능한 권한' cut into
    # columns as a row named '- READ:' (a dash-nested field): authorityType became an object of READ, CRUD, DDL.
    # A name cell ending in a colon is a value line, never a field.
    markdown = (UNSEEN / _RDS).read_text(encoding="utf-8")
    from_markdown = _contracts(markdown, "markdown")
    create_user = next(c for c in from_markdown if c[0][:2] == ("POST", "/v4.0/db-instances/{dbInstanceId}/db-users"))
    assert create_user[2]["properties"]["authorityType"]["enum"] == ["READ", "CRUD", "DDL"]
    from_text = _contracts(text_rendering(markdown), "text")
    assert _without_spaces(from_text) == _without_spaces(from_markdown)


def test_joined_value_lines_of_a_cell_are_lines_again_in_the_cell_line_and_pipe_renderings() -> None:
    # The same guide: 'DB 사용자 권한 타입<br/>- `READ`: ...<br/>- `CRUD`: ...' and 'DB 포트<br/>- 최솟값: `3306`<br/>-
    # 최댓값: `43306`' (minimum, maximum). Both renderings that write a cell on one line join its lines by spaces
    # ('DB 사용자 권한 타입 - READ : ... - CRUD : ...'); the pipe reader cut value lines of a Latin word apart again,
    # the cell-line reader none (authorityType an Enum without values), and neither a labelled line of another script
    # ('- 최솟값: 3306'), whose bounds and defaults the dialect reads from their own lines.
    markdown = (UNSEEN / _RDS).read_text(encoding="utf-8")
    from_markdown = _contracts(markdown, "markdown")
    create_user = next(c for c in from_markdown if c[0][:2] == ("POST", "/v4.0/db-instances/{dbInstanceId}/db-users"))
    assert create_user[2]["properties"]["authorityType"]["enum"] == ["READ", "CRUD", "DDL"]
    # the job status table's heading is lost in these renderings (the pipe rendering drops headings, the cell-line
    # one keeps them as lines without levels): jobStatus's values are an open gap of theirs, left out here
    expected = _without_spaces(from_markdown[1:])
    for rendering in (cell_line_rendering(markdown), pipe_rendering(markdown)):
        assert _without_spaces(_contracts(rendering, "text")[1:]) == expected


def test_a_quoted_map_key_of_two_words_stays_in_the_name_cell_of_the_text_rendering() -> None:
    # Compute Instance ko public-api.md: 'server.addresses."Network 이름".addr | Body | String | ...', a map's key
    # written as a quoted placeholder of two words. The Markdown reads addresses as a map of port lists; the text
    # reader cut the name after 'server.addresses."Network' and read '이름".addr' into the location column, so the
    # rows made a property '"Network' and the map was inferred from the example's key (vpc2) instead.
    markdown = (UNSEEN / "compute-instance-ko-quoted-map-key.md").read_text(encoding="utf-8")
    from_markdown = _contracts(markdown, "markdown")
    addresses = _response_property(from_markdown[0], "server")["properties"]["addresses"]
    assert addresses["type"] == "object" and "additionalProperties" in addresses
    from_text = _contracts(text_rendering(markdown), "text")
    assert _response_property(from_text[0], "server")["properties"]["addresses"] == addresses


_CERTIFICATES = "certificate-manager-ja-failure-response-and-input-column.md"


def test_a_response_label_under_a_failure_heading_documents_the_failure() -> None:
    # Certificate Manager ja api-guide-v1.2.md (by-hand check): '#### 成功レスポンス' (success response) gives
    # 'Content-Type:application/octet-stream' and a PEM body; '#### 失敗レスポンス' (failure response) then labels
    # its header and body '[Response Header]' / '[Response Body]', which put the reading back in the success
    # response: the failure's JSON became the 200's body, and a client parsed a certificate file as JSON.
    markdown = (UNSEEN / _CERTIFICATES).read_text(encoding="utf-8")
    download = _contracts(markdown, "markdown")[1]
    assert download[0][:2] == ("GET", "/certmanager/v1.2/appkeys/{appKey}/certificates/{certificateName}/files")
    status, schema = next(r for r in download[3] if r[0].startswith("2"))
    assert (status, schema) == ("200", {"type": "string", "format": "binary"})
    # the text rendering keeps the headings as lines: it reads the same (the pipe rendering drops them, and with
    # them the only word saying the second response is the failure's)
    assert _contracts(text_rendering(markdown), "text")[1] == download


def test_an_input_allowed_column_in_korean_or_japanese_gives_the_defaults() -> None:
    # The same guide: '値 | タイプ | 説明 | 入力可能' ("input allowed"; ko '입력 가능') over 'pageSize | Number |
    # ページサイズ | 10(デフォルト)'. The English guide's 'Input allowed' column is a constraint column, whose
    # '10 (default)' is read as the default and its integers type the parameter; the Korean and Japanese headers
    # were no column words, so no default was read.
    markdown = (UNSEEN / _CERTIFICATES).read_text(encoding="utf-8")
    listing = _contracts(markdown, "markdown")[0]
    defaults = {name: schema.get("default") for name, location, _, schema in listing[1] if location == "query"}
    assert defaults == {"pageSize": 10, "pageNum": 1, "all": False, "status": "UNEXPIRED"}


def test_slash_joined_values_of_a_valid_range_cell_are_a_parameters_values() -> None:
    # Security Monitoring ko api-guide-v1.0.md (by-hand check): 'regionCode | String | 선택 | KR1 | KR1/KR2 | ...'
    # in a request table whose GET reads it as a query parameter. A body row's valid range of slash-joined words is
    # its values (the POST's regionCode: KR1, KR2); the parameter, read by another path, took none.
    markdown = (UNSEEN / "security-monitoring-ko-slash-values-parameter.md").read_text(encoding="utf-8")
    listing = _contracts(markdown, "markdown")[0]
    region = next(schema for name, location, _, schema in listing[1] if name == "regionCode")
    assert region == {"type": "string", "enum": ["KR1", "KR2"], "default": "KR1"}
