"""The words API guides use around their tables: column headers, parameter locations, required marks.

Why a module of its own, outside the readers and dialects: the dialects read a table's cells by these words
(:mod:`scraper.dialects.field_tables`), and the NHN text reader (:mod:`scraper.readers.nhn_text`), whose tables
arrive as lines of space-joined words, needs the same words to find a table's header and to cut its rows back into
cells. One vocabulary for both keeps the two paths reading the same tables the same way.
"""

from __future__ import annotations

__all__ = [
    "ENDPOINT_COLUMNS",
    "FIELD_COLUMN_ROLES",
    "LOCATIONS",
    "METHOD_COLUMNS",
    "REQUEST_WORDS",
    "REQUIRED_FALSE",
    "REQUIRED_TRUE",
    "RESPONSE_WORDS",
    "SAMPLE_WORDS",
    "STATUS_COLUMNS",
    "URI_COLUMNS",
    "Role",
]

Role = str  # "name" | "location" | "type" | "required" | "description" | "default" | "constraint" | "value"

#: Field table column header (lower-cased, spaces single) -> the column's role.
FIELD_COLUMN_ROLES: dict[str, Role] = {}
for _role, _words in {
    "name": (
        "name",
        "field",
        "field name",
        "fieldname",
        "parameter",
        "parameter name",
        "param",
        "param name",
        "key",
        "property",
        "attribute name",
        "이름",
        "필드",
        "필드명",
        "파라미터",
        "파라미터명",
        "키",
        "항목",
        "속성",
        "속성명",
        "변수",
        "변수명",
        "요소",
    ),
    "value": ("value", "값"),
    "location": ("in", "location", "종류", "위치", "구분", "parameter type", "param type", "parameter location"),
    "type": (
        "type",
        "data type",
        "datatype",
        "format",
        "attribute",
        "attributes",
        "형식",
        "타입",
        "자료형",
        "데이터 타입",
        "데이터타입",
        "유형",
        "value type",
    ),
    "required": (
        "required",
        "mandatory",
        "필수",
        "필수 여부",
        "필수여부",
        "required/optional",
        "not null",
        "optional",
        "required?",
        "requirement",
    ),
    "description": ("description", "desc", "설명", "비고", "note", "notes", "remarks", "comment", "내용", "details"),
    "default": ("default", "default value", "기본값", "기본 값", "디폴트", "default value(s)"),
    "constraint": (
        "valid range",
        "range",
        "유효 범위",
        "유효범위",
        "input allowed",
        "제약 조건",
        "제약조건",
        "최대 길이",
        "max length",
        "length",
        "constraints",
        "constraint",
        "allowed values",
        "허용 값",
        "example",
        "예시",
        "sample",
    ),
}.items():
    for _word in _words:
        FIELD_COLUMN_ROLES[_word] = _role

#: A location cell (lower-cased) -> ``path`` / ``query`` / ``header`` / ``body``.
LOCATIONS = {
    "url": "path",
    "uri": "path",
    "path": "path",
    "path variable": "path",
    "path parameter": "path",
    "경로": "path",
    "query": "query",
    "query string": "query",
    "querystring": "query",
    "query parameter": "query",
    "쿼리": "query",
    "header": "header",
    "헤더": "header",
    "body": "body",
    "request body": "body",
    "바디": "body",
    "본문": "body",
    "form": "body",
    "formdata": "body",
    "form data": "body",
    "multipart": "body",
}
#: Required-column marks meaning required / optional (lower-cased).
REQUIRED_TRUE = {"o", "y", "yes", "true", "required", "필수", "○", "●", "v", "√", "✓", "✔", "m", "mandatory", "예"}
REQUIRED_FALSE = {
    "",
    "-",
    "x",
    "n",
    "no",
    "false",
    "optional",
    "선택",
    "✕",
    "×",
    "none",
    "아니오",
    "opt",
    "option",
    "옵션",
    "선택 사항",
}
#: Headers of the column giving an operation's method / its path in ``Method | URI`` tables.
METHOD_COLUMNS = ("method", "http method", "request method", "메서드", "메소드", "http 메서드")
URI_COLUMNS = ("uri", "url", "path", "request url", "request uri", "endpoint", "요청 url", "경로", "주소", "api")
#: Headers of the first column of status / permission / region lists (a name column that is not a field's).
STATUS_COLUMNS = ("status name", "status", "상태", "상태 이름", "상태명", "permission name", "권한")
#: Headers of an endpoint table's columns: the service type, the region, the URL.
ENDPOINT_COLUMNS = (
    "type",
    "타입",
    "region",
    "리전",
    "environment",
    "환경",
    "endpoint",
    "domain",
    "url",
    "도메인",
    "엔드포인트",
    "host",
    "address",
    "주소",
)
#: Words of the labels that say what follows is a request / a response / a sample.
REQUEST_WORDS = frozenset({"request", "requests", "요청", "options", "option", "querystring", "query"})
RESPONSE_WORDS = frozenset({"response", "responses", "respose", "응답", "return", "result", "results"})
SAMPLE_WORDS = frozenset({"example", "examples", "sample", "samples", "예시", "예제", "샘플"})
