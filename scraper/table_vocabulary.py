"""The words API guides use around their tables: column headers, parameter locations, required marks.

Why a module of its own, outside the readers and dialects: the dialects read a table's cells by these words
(:mod:`scraper.dialects.field_tables`), and the NHN text reader (:mod:`scraper.readers.nhn_text`), whose tables
arrive as lines of space-joined words, needs the same words to find a table's header and to cut its rows back into
cells. One vocabulary for both keeps the two paths reading the same tables the same way. English, Korean and
Japanese: NHN publishes each guide in the three languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = [
    "COMMON_RESPONSE_SENTENCE",
    "ENDPOINT_COLUMNS",
    "ENDPOINT_URL_COLUMNS",
    "FIELD_COLUMN_ROLES",
    "INTERFACE_COLUMNS",
    "LABEL_LOCATIONS",
    "LOCATIONS",
    "METHOD_COLUMNS",
    "METHOD_HEADER_SPELLING",
    "REGION_COLUMNS",
    "REQUEST_WORDS",
    "REQUIRED_FALSE",
    "REQUIRED_TRUE",
    "RESPONSE_WORDS",
    "SAMPLE_WORDS",
    "STATUS_COLUMNS",
    "URI_COLUMNS",
    "Role",
    "compound_parts",
    "field_column_role",
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
        "property name",
        "header name",
        "variable",
        "variable name",
        "이름",
        "필드",
        "필드명",
        "파라미터",
        "파라미터명",
        "키",
        "항목",
        "속성",
        "속성명",
        "헤더명",
        "헤더 이름",
        "변수",
        "변수명",
        "요소",
        # Contact Center (ko/ja): "명칭 | 변수 | 데이터 타입 | ..." / "名称 | 変数 | ...", as "Name | Variable" in en
        "명칭",
        "名前",
        "フィールド",
        "フィールド名",
        "パラメータ",
        "パラメーター",
        "パラメータ名",
        "キー",
        "項目",
        "属性",
        "ヘッダー名",
        "ヘッダ名",
        "ヘッダー名前",
        "ヘッダ名前",
        "プロパティ名",
        "変数",
        "名称",
        "パス",
    ),
    "value": ("value", "값", "値", "header value", "헤더 값", "헤더값", "ヘッダ値", "ヘッダー値"),
    "location": (
        "in",
        "location",
        "종류",
        "위치",
        "구분",
        "parameter type",
        "parametertype",  # ROLE v3 (swagger-codegen tables): "ParameterType | Name | Type | Required | Description"
        "param type",
        # Contact Center's parameter tables: "Name | Variable | Data type | Variable type | Required | Description"
        # with path / query in the variable-type column
        "variable type",
        "変数タイプ",
        "paramtype",
        "parameter location",
        "種類",
        "区分",
        "位置",
    ),
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
        "形式",
        "タイプ",
        "型",
        "データ型",
        "データタイプ",
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
        "necessity",
        "必須",
        "必須かどうか",
        "必須有無",
        "必須/任意",
    ),
    "description": (
        "description",
        "desc",
        "설명",
        "비고",
        "note",
        "notes",
        "remarks",
        "comment",
        "내용",
        "details",
        "説明",
        "備考",
        "内容",
    ),
    "default": (
        "default",
        "default value",
        "기본값",
        "기본 값",
        "디폴트",
        "default value(s)",
        "デフォルト値",
        "デフォルト",
        "既定値",
    ),
    "constraint": (
        "valid range",
        "range",
        "유효 범위",
        "유효범위",
        "input allowed",
        # Certificate Manager ko/ja: "값 | 타입 | 설명 | 입력 가능" / "値 | タイプ | 説明 | 入力可能" ("10(default)")
        "입력 가능",
        "입력가능",
        "入力可能",
        "제약 조건",
        "제약조건",
        "최대 길이",
        "max length",
        "length",
        "constraints",
        "constraint",
        "allowed values",
        "허용 값",
        "assignable value",
        "assignable values",
        "할당 가능한 값",
        "割当可能な値",
        "許可値",
        "example",
        "예시",
        "sample",
        "有効範囲",
        "有効な値の範囲",
        "制約",
        "例",
    ),
}.items():
    for _word in _words:
        FIELD_COLUMN_ROLES[_word] = _role

#: Header words a required or description column's header starts with when it is no word of
#: :data:`FIELD_COLUMN_ROLES` itself (``Required(Y/N)``, ``必須か``, ``설명(비고)``).
_ROLE_PREFIXES: tuple[tuple[tuple[str, ...], Role], ...] = (
    (("required", "필수", "必須"), "required"),
    (("description", "설명", "説明"), "description"),
)


def field_column_role(header: str) -> Role | None:
    """The role of a field table's column by its (lower-cased, whitespace-collapsed) header: the vocabulary's word,
    the word before a parenthesised note (``type(length)``), or a required/description word the header starts with
    (``必須か``, "whether required"). One rule for every reader and the dialect, so a header reads the same from
    Markdown, HTML and the text rendering."""
    role = FIELD_COLUMN_ROLES.get(header) or FIELD_COLUMN_ROLES.get(re.sub(r"\(.*\)$", "", header).strip())
    if role is None:
        role = next((r for starts, r in _ROLE_PREFIXES if header.startswith(starts)), None)
    return role


#: A word of a section label (``[Path Parameter]``, ``[URL Parameter]``, ``[Options]``, ``[헤더]``) -> the location
#: of the rows under it. Not :data:`LOCATIONS` (a location *cell*): a label's ``options`` are a query string, and
#: ``variables`` are path variables, where a cell saying ``form`` is a body field.
LABEL_LOCATIONS = {
    "path": "path",
    "경로": "path",
    "variable": "path",
    "variables": "path",
    "url": "path",
    "uri": "path",
    "query": "query",
    "querystring": "query",
    "쿼리": "query",
    "options": "query",
    "option": "query",
    "header": "header",
    "headers": "header",
    "헤더": "header",
    "body": "body",
    "본문": "body",
    "바디": "body",
    "パス": "path",
    "クエリ": "query",
    "ヘッダー": "header",
    "ヘッダ": "header",
    "ボディ": "body",
    "本文": "body",
}

#: A location cell (lower-cased) -> ``path`` / ``query`` / ``header`` / ``body``.
LOCATIONS = {
    "url": "path",
    "uri": "path",
    "path": "path",
    "path variable": "path",
    "path parameter": "path",
    "url path": "path",
    "uri path": "path",
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
    "パス": "path",
    "クエリ": "query",
    "クエリー": "query",
    "ヘッダー": "header",
    "ヘッダ": "header",
    "ボディ": "body",
    "本文": "body",
}
#: Required-column marks meaning required / optional (lower-cased).
REQUIRED_TRUE = {
    "o",
    "y",
    "yes",
    "true",
    "required",
    "필수",
    "○",
    "●",
    "v",
    "√",
    "✓",
    "✔",
    "m",
    "mandatory",
    "예",
    "必須",
    "はい",
}
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
    "任意",
    "オプション",
    "選択",
    "いいえ",
    "なし",
}
#: Headers of the column giving an operation's method / its path in ``Method | URI`` tables.
METHOD_COLUMNS = (
    "method",
    "http method",
    "request method",
    "메서드",
    "메소드",
    "http 메서드",
    "メソッド",
    "httpメソッド",
    # the interface table of Contact Center's guides: "Interface name | Protocol | Call direction | ..." with POST
    "call direction",
    "호출 방향",
    "호출방향",
    "呼び出し方向",
    # Contact Center (ko) Service Details: "인터페이스 명 | 프로토콜 | 호출방식 | ..." (call method)
    "호출 방식",
    "호출방식",
    "呼び出し方式",
    "call method",
)
#: A method column's header as guides misspell it (``Metheod``, System Monitoring ja; ``Methods``): one word starting
#: ``meth``, perhaps after ``http``. Both the Markdown dialect (:mod:`scraper.dialects.operation_lines`) and the NHN
#: text reader read it, so a guide's operations table is one in every rendering.
METHOD_HEADER_SPELLING = re.compile(r"(?:http )?meth\w*")
URI_COLUMNS = (
    "uri",
    "url",
    "path",
    "request url",
    "request uri",
    "endpoint",
    "요청 url",
    "경로",
    "주소",
    "api",
    "リクエストurl",
    "エンドポイント",
)
#: Headers of the other columns of Contact Center's interface table (``Interface name | Protocol | Call direction |
#: Encoding | Result format | Interface description | Access restriction``), whose method column is
#: :data:`METHOD_COLUMNS`' ``call direction``: a reader that must find a header by its words knows them as headers.
INTERFACE_COLUMNS = (
    "interface name",
    "protocol",
    "encoding",
    "result format",
    "interface description",
    "access restriction",
    "인터페이스 명",
    "인터페이스명",
    "프로토콜",
    "인코딩",
    "결과 형식",
    "인터페이스 설명",
    "접근제한 여부",
    "접근 제한 여부",
    "インターフェース名",
    "プロトコル",
    "エンコーディング",
    "エンコード",
    "結果形式",
    "インターフェース説明",
    "アクセス制限",
)
#: A response section's sentence saying the response is the guide's common information (its ``header`` envelope)
#: and nothing else. The NHN dialect reads the response from it; the pipe reader, whose renderings dropped the
#: headings, starts the response at it: one pattern, so the two readings never disagree on which sentences say so.
COMMON_RESPONSE_SENTENCE = re.compile(
    r"responds with (?:the )?common information|content other than (?:the )?header fields"
    r"|공통 정보만 응답|헤더 필드 외의? 내용|共通情報のみ|ヘッダフィールド以外",
    re.IGNORECASE,
)
#: Headers of the first column of status / permission / region lists (a name column that is not a field's).
STATUS_COLUMNS = (
    "status name",
    "status",
    "상태",
    "상태 이름",
    "상태명",
    "permission name",
    "권한",
    "状態",
    "ステータス",
)
#: Headers of an endpoint table's URL column, and of its region column.
ENDPOINT_URL_COLUMNS = (
    "endpoint",
    "domain",
    "url",
    "도메인",
    "엔드포인트",
    "host",
    "address",
    "주소",
    "ドメイン",
    "エンドポイント",
)
REGION_COLUMNS = ("region", "리전", "リージョン")
#: Headers of an endpoint table's columns: the service type, the region, the URL.
ENDPOINT_COLUMNS = ("type", "타입", "タイプ", "environment", "환경", "環境", *REGION_COLUMNS, *ENDPOINT_URL_COLUMNS)
#: Words of the labels that say what follows is a request / a response / a sample.
REQUEST_WORDS = frozenset({"request", "requests", "요청", "options", "option", "querystring", "query", "リクエスト"})
#: ``success`` / ``성공`` / ``成功``: RCS Bizmessage labels its responses ``[성공 예시]`` (success example) beside
#: ``[실패 예시]`` (failure example).
RESPONSE_WORDS = frozenset(
    {
        "response",
        "responses",
        "respose",
        "응답",
        "return",
        "result",
        "results",
        # Contact Center: "#### 결과 데이터" / "#### 結果データ" (result data) over each operation's response table
        "결과",
        "結果",
        "レスポンス",
        "応答",
        "success",
        "successful",
        "성공",
        "成功",
    }
)
SAMPLE_WORDS = frozenset({"example", "examples", "sample", "samples", "예시", "예제", "샘플", "例", "サンプル"})


#: A character of a script that writes compounds without spaces (kana, CJK ideographs, Hangul syllables).
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")


def compound_parts(word: str, vocabulary: Iterable[str]) -> list[str]:
    """``word`` cut into words of ``vocabulary`` when it is a compound of them written without spaces
    (Japanese ``リクエストヘッダ`` = リクエスト + ヘッダ, ``レスポンス例`` = レスポンス + 例), longest words first;
    else ``[word]`` (a compound is cut only when every part of it is a vocabulary word, and only in a script that
    writes compounds so)."""
    if not _CJK.search(word):
        return [word]
    known = sorted({w for w in vocabulary if _CJK.search(w)}, key=len, reverse=True)
    if word in known:
        return [word]
    parts: list[str] = []
    at = 0
    while at < len(word):
        found = next((w for w in known if word.startswith(w, at)), None)
        if found is None:
            return [word]
        parts.append(found)
        at += len(found)
    return parts
