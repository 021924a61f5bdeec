"""NHN Cloud dialect: any NHN API guide (Markdown, HTML or text rendering) -> one :class:`~scraper.model.Service`.

NHN guides share a family resemblance but no template (format-notes §8; the corpus in ``pages/nhn``). The dialect
therefore reads by meaning and never aborts on one odd cell:

* **operations** are wherever the guide declares a method and a path (:mod:`scraper.dialects.operation_lines`: a
  ``METHOD /path`` line, a ``Method | URI`` table, a key-value table, bullets). The heading above the declaration
  that is not a structural heading ("Request", "Version 2.1", "요청") names the operation; its section runs to
  the next heading of the same or a shallower level. Several declarations under one heading are several
  operations;
* **parts**: inside a section, structural headings and label paragraphs (``[Path Parameter]``, ``**Request
  Body**``, ``[Options]``, ``응답``) say whether what follows is request or response, and which location its rows
  have when the table has no location column;
* **field tables** are read by column meaning (:mod:`scraper.dialects.field_tables`) and types by one vocabulary
  with repairs (:mod:`scraper.type_vocabulary`); a row's location comes from its location column, else
  the label above the table, else the path placeholders, else the method (a body-less GET's rows are query);
* **versions** come from each path's ``/vN[.M]/`` segment, else the title's ``vN``; a guide whose paths carry
  several versions gives one API version per family, each saying where it came from (``x-version-source``);
* **auth** as the guide says: a Keystone token (``X-Auth-Token``), a User Access Key token
  (``X-NHN-Authorization: Bearer``), secret-key headers, app keys in the path (client-level parameters). A
  scheme the dialect does not know is a finding, never a guess;
* several documented operations on one method and path (differing by a fixed query string or by their body) stay
  separate operations with a ``variant``; the emitter groups them (``x-operations``, ARCHITECTURE.md).

Every repair, skip and inference is a :class:`~scraper.model.Finding` with the page and line. A page is unreadable
only when it declares no operation at all.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass, field
from typing import Any

from scraper import page_numbers
from scraper.dialects import DialectError, PageInfo, curl_commands
from scraper.dialects.api_lists import api_list_rows
from scraper.dialects.binary_responses import binary_media
from scraper.dialects.endpoint_parts import part_of
from scraper.dialects.example_declarations import base_path, example_lead
from scraper.dialects.field_tables import NO_VALUE, clean_text, read_field_table
from scraper.dialects.field_tables import FieldRow as TableRow
from scraper.dialects.form_bodies import FORM_MEDIA_TYPES, documented_media_type, form_parts, form_schema
from scraper.dialects.labelled_values import labelled_rows
from scraper.dialects.linked_values import (
    CodeSection,
    RowLink,
    code_sections,
    link_agrees,
    names_section,
    row_links,
)
from scraper.dialects.model_tables import MODEL_NAME as _MODEL_NAME
from scraper.dialects.model_tables import caption_name as _caption_name
from scraper.dialects.model_tables import guide_model_tables
from scraper.dialects.name_spelling import near_miss
from scraper.dialects.nhn_schema import FieldRow, FieldTree, TableValues, default_problem, is_generic_number
from scraper.dialects.operation_lines import (
    METHODS as _METHODS,
)
from scraper.dialects.operation_lines import (
    DocumentedPath,
    OperationLine,
    find_operation_lines,
    parse_documented_path,
    summary_names,
)
from scraper.dialects.prose_values import (
    bracketed_values,
    capital_values,
    listed_values,
    named_values,
    one_of_values,
)
from scraper.dialects.repeated_base_path import without_repeated_base_path
from scraper.dialects.slash_values import slash_values
from scraper.dialects.upload_bodies import UploadedFile, uploaded_file
from scraper.dialects.valid_range import merged, read_bounds, read_prose_bounds
from scraper.document import Block, CodeBlock, Document, Heading, Paragraph, Row, Table
from scraper.media_types import repair_media_type
from scraper.model import (
    ApiStatus,
    ExampleRequest,
    ExampleResponse,
    Finding,
    JsonSchema,
    Operation,
    OperationVersion,
    Parameter,
    RequestBody,
    Response,
    ServerTemplate,
    Service,
    ServiceVersion,
    Source,
)
from scraper.page_numbers import numbers_key
from scraper.readers.bracketless_json import rebuilt_json
from scraper.readers.json_extent import JsonStrings, json_extent
from scraper.spec_input import parse_example_json
from scraper.table_vocabulary import (
    COMMON_RESPONSE_SENTENCE,
    ENDPOINT_URL_COLUMNS,
    LABEL_LOCATIONS,
    METHOD_COLUMNS,
    REGION_COLUMNS,
    REQUEST_WORDS,
    RESPONSE_WORDS,
    SAMPLE_WORDS,
    compound_parts,
)
from scraper.type_vocabulary import TypeReading

__all__ = ["DEFAULT_TOKEN_URL", "USER_ACCESS_KEY_TOKEN_URL", "NhnDialect"]

#: NHN Cloud's Keystone identity endpoint (``POST /v2.0/tokens``), used when a guide only links to its identity page.
DEFAULT_TOKEN_URL = "https://api-identity-infrastructure.nhncloudservice.com/v2.0/tokens"
#: Where a User Access Key ID and Secret Access Key are exchanged for a Bearer token (NHN Cloud OAuth2).
USER_ACCESS_KEY_TOKEN_URL = "https://oauth.api.nhncloudservice.com/oauth2/token/create"

_PATH_PARAM = re.compile(r"\{([^{}]+)\}")
_VERSION = re.compile(r"(?<![\w.])v(\d+(?:\.\d+)*)(?![\w])", re.IGNORECASE)
_PATH_VERSION = re.compile(r"^v\d+(?:\.\d+)*$", re.IGNORECASE)
_DEFAULT = re.compile(
    # "default 20" (TOAST-Cloud framework API) only before a number: "default settings apply" names no value
    r"\b(?:Default(?: value)? is|Default(?: value)?[ \t]*[:：]|Default(?: value)?[ \t]+(?=-?\d)|기본값[ \t]*[은는:：]?"
    # "기본: 20" / "基本: 0" (CloudTrail ko, Contact Center ja): the word for default shortened, before a colon only
    r"|デフォルト値?[ \t]*(?:は|:|：)|(?<![\w])(?:기본|基本|既定値)[ \t]*[:：])\s*`?([^\s`,.)、，。）]+)`?",
    re.IGNORECASE,
)
#: A value marked as the default after it, in parentheses: ``15(기본값)``, ``Use or not: Y (default), N``,
#: ``<br/>DEFAULT(デフォルト値)``, ``<li>false: retrieve including containers (default)</li>``.
_DEFAULT_AFTER = re.compile(r"[ \t]*[(（](?:default(?: value)?|기본값|デフォルト値?|既定値?)[)）]", re.IGNORECASE)
#: Where one of a description's items ends: a line break, a list item, a comma or semicolon between two values.
_ITEM_BOUNDARY = re.compile(r"<br\s*/?>|</?li>|\n|,\s|;|、|，", re.IGNORECASE)
_VALUE_TOKEN = r"[`'\"]?([A-Za-z0-9_.+-]+)[`'\"]?"
#: An item that is the value alone, or after a label and a colon (``Y``, ``Use or not: Y``, ``'N'``).
_MARKED_ALONE = re.compile(r"(?:[^:：]*[:：][ \t]*)?" + _VALUE_TOKEN)
#: An item that is the value, then what it means (``false: retrieve including containers``, ``ASC - oldest first``).
_MARKED_KEY = re.compile(_VALUE_TOKEN + r"[ \t]*(?:[:：]|[ \t]-)[ \t]*\S.*")
#: Each value that starts what it means within an item: a text rendering that lost the list's line breaks runs
#: ``true: excluding ... false: including ... (default)`` into one item, whose last value is the marked one.
_ITEM_KEYS = re.compile(r"(?:^|(?<=\s))" + _VALUE_TOKEN + r"[ \t]*(?:[:：]|[ \t]-)[ \t]*\S")
#: A number or a quoted value ending an item after words (``페이지 번호 1``, ``사용 여부 'Y'``), or a value after
#: Korean or Japanese words, glued to them or not (``照会件数15``, ``使用有無Y``: squashed cells;
#: ``템플릿 타입 DEFAULT``: a text rendering that lost the line break between the label and the value).
_MARKED_LAST = re.compile(
    r"(?:.*[^\x00-\x7f]|.*\s)(-?\d+(?:\.\d+)?)|(?:.*[^\x00-\x7f]|.*\s)[`'\"]([A-Za-z0-9_.+-]+)[`'\"]"
    r"|.*[^\x00-\x7f]\s*([A-Za-z0-9_]+)"
)
_TOKEN_URL = re.compile(r"https?://\S*identity\S*/tokens\b")
_GUIDE_WORDS = re.compile(r"\b(public\s+)?API\b.*$|\bv\d[\d.]*\b.*$|가이드.*$|ガイド.*$|\bGuide\b.*$", re.IGNORECASE)
_ANCHOR_ATTR = re.compile(r"\s*\{\s*#[^}]*\}\s*$")
#: A line that is one endpoint URL, alone or after a label naming it (ShortURL: ``API Endpoint: https://...`` in a
#: code block under "Basic information"; ``Domain: ...``, ``도메인: ...``).
_ENDPOINT_LINE = re.compile(
    r"^\s*(?:(?:[\w-]+ )?(?:" + "|".join(ENDPOINT_URL_COLUMNS) + r")\s*[:：]\s*)?(https?://[^\s/`'\")<]+)/?\s*$",
    re.IGNORECASE,
)
_NO_BODY = (
    "does not return a response body",
    "does not require a request body",
    "no response body",
    "응답 본문을 반환하지 않습니다",
    "응답 본문이 없습니다",
    "レスポンス本文を返しません",
    "レスポンス本文はありません",
)
#: First column headers of tables that list no fields and are known not to (statuses, permissions, regions): not
#: reported when skipped.
_NOT_FIELD_TABLES = frozenset(
    [
        "status name",
        "status",
        "상태",
        "permission name",
        "권한",
        "권한명",
        "권한 이름",
        "region",
        "리전",
        "状態",
        "ステータス",
        "ステータス名",
        "権限",
        "権限名",
        "リージョン",
    ]
)
_REASONS = {"200": "OK", "201": "Created", "202": "Accepted", "204": "No Content"}
_BODYLESS = ("GET", "DELETE", "HEAD", "OPTIONS")

#: Words of structural headings and labels: a heading made only of these (and numbers) is a part of an operation,
#: not an operation's title.
_STRUCTURAL = frozenset(
    " ".join(
        (
            "request requests response responses respose parameter parameters param",
            "params example examples sample samples body header headers version",
            "path query string querystring variable variables uri url method http",
            "for curl and field fields result results code codes success successful",
            "failure failed error errors common information info options option",
            "default other return value values description 요청 응답 파라미터 본문 헤더 예시 예제",
            "샘플 경로 변수 쿼리 매개변수 바디 성공 실패 결과 필드 설명 공통 정보 메서드 the of a an in to",
            "permission permissions required 권한 필요 format type status data ex e.g",
            "リクエスト レスポンス パラメータ パラメーター 本文 ヘッダー ヘッダ 例 サンプル パス 変数 クエリ ボディ",
            "成功 失敗 結果 フィールド 説明 共通 情報 メソッド 権限 必要 エラー コード 에러 오류 코드",
            "json xml",  # a media type qualifying a part: "Response(json)", "Request Body (JSON)"
            # Contact Center: "#### Interface Description" over each operation's URL
            "interface 인터페이스 インターフェース インターフェース説明 정의 definition 定義 データ 데이터",
        )
    ).split()
)
_REQUEST_WORDS = REQUEST_WORDS
_RESPONSE_WORDS = RESPONSE_WORDS
_FAILURE_WORDS = {"failure", "failed", "error", "errors", "실패", "에러", "오류", "失敗", "エラー"}

_AUTH_HEADERS = {
    "x-auth-token": "keystoneToken",
    "x-nhn-authorization": "userAccessKeyToken",
    "authorization": "bearerToken",
}
#: A line giving an Authorization value of HTTP basic authentication (``Basic Base64(UserAccessKeyID:
#: SecretAccessKey)``, ``Value: Basic {credentials}``: a value column the description keeps after its header).
_BASIC_VALUE = re.compile(r"\s*(?:[^:\uff1a\n]{1,20}[:\uff1a]\s*)?`?(basic\s+[^\s`][^\n`]*)`?\s*", re.IGNORECASE)


def _server_hosts(server: ServerTemplate | None) -> set[str]:
    """The hosts a service's server may have: its URL with each documented value of its variables put in."""
    if server is None:
        return set()
    urls = [server.url]
    for name, values in server.variables().items():
        urls = [u.replace("{" + name + "}", v) for u in urls for v in values]
    return {m.group(1).lower() for u in urls for m in [re.match(r"https?://([^/{}]+)", u)] if m}


def _written_value(row: TableRow) -> str:
    """What a header row says its value is: its value column (read as the constraint cell) over its description."""
    return "\n".join(text for text in (row.constraint.strip(), row.description) if text)


def _basic_value(value: str) -> str | None:
    """The HTTP basic value a header's cell writes (``Basic Base64(...)``), on a line of its own; None when none."""
    for line in clean_text(value).split("\n"):
        match = _BASIC_VALUE.fullmatch(line)
        if match is not None and not re.match(r"basic\s+(and|or|the|of)\b", match.group(1), re.IGNORECASE):
            return match.group(1).strip()
    return None


_HEADER_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
#: A header value that is a type word, not a value (``"x-tc-app-key": "String"``).
_STRING_WORD = re.compile(r"(?:string|str|문자열|文字列)\b", re.IGNORECASE)
#: A header value that says the header is optional (``String (optional)``, ``선택``, ``任意``).
_OPTIONAL_WORD = re.compile(r"\boptional\b|선택|任意", re.IGNORECASE)
#: A header value that is a placeholder for the caller's own (``{appkey}``, ``<token>``, ``${APP_KEY}``).
_PLACEHOLDER_VALUE = re.compile(r"\$?\{[^{}]*\}|<[^<>]*>|\[[^\[\]]*\]")
#: A header written as a line of a header listing or a JSON object (``X-Secret-Key: {key}``, ``"x-secret-key": "..."``).
_HEADER_ENTRY = re.compile(r"^\s*\"?([A-Za-z][A-Za-z0-9-]*)\"?\s*:\s*\"?(.*?)\"?\s*,?$")
#: Headers that say the body's media type, which the operation's content says: no parameter of their own.
_MEDIA_HEADERS = frozenset({"content-type", "accept", "content-length"})
#: A heading word that names a response (``API Response's Common Data Header``, ``응답``, ``レスポンス``).
_RESPONSE_WORD = re.compile(r"\bresponses?\b|응답|レスポンス|応答", re.IGNORECASE)
#: A heading word that names request headers (``HTTP Header``, ``공통 헤더``, ``共通ヘッダー``).
_HEADER_WORD = re.compile(r"\bheaders?\b|헤더|ヘッダ", re.IGNORECASE)
#: A wildcard closing a name segment (``x-amz-meta-*``): a token character, but the name of a family of headers.
_NAME_WILDCARD = re.compile(r"[-_.]\*+$")
#: A name in the X- extension-header form (``X-TC-APP-KEY``, ``X-Auth-Token``): a request header wherever the row says.
_EXTENSION_HEADER = re.compile(r"X-[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*", re.IGNORECASE)
_SECRET_HEADER = re.compile(r"secret|access-?key|api-?key|x-tc-authentication|app-?key-?secret", re.IGNORECASE)


def _header_entries(text: str, *, any_name: bool) -> list[tuple[str, str, int]] | None:
    """The (name, value, line offset) entries of a code block written as request headers (``X-Auth-Token:
    {token}`` lines, or a JSON object of them, ``{"x-tc-app-key": "String"}``), None when any line of it is no such
    entry (a request line, a body member holding an object). With ``any_name`` false, every name must also be a
    header's by its form (``X-...``) or a credential header's (``Authorization``): a body's keys are never so."""
    entries: list[tuple[str, str, int]] = []
    for offset, line in enumerate(text.split("\n")):
        if line.strip() in ("", "{", "}", "{}"):
            continue
        entry = _HEADER_ENTRY.match(line)
        if entry is None or entry.group(2).strip().startswith(("{", "[")):
            return None
        name = entry.group(1)
        if not any_name and not (_EXTENSION_HEADER.fullmatch(name) or name.lower() in _AUTH_HEADERS):
            return None
        entries.append((name, entry.group(2), offset))
    return entries or None


def _path_placeholders(sections: list[_Section]) -> set[str]:
    """The placeholder names of the declared operations' paths, lower-cased (``{user-access-key-id}``)."""
    return {name.lower() for section in sections for name in re.findall(r"\{([^{}]+)\}", section.path.path)}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _words(text: str) -> list[str]:
    words = [w for w in re.split(r"[^\w.]+", clean_text(text).lower().replace("_", " ")) if w]
    return [part for word in words for part in _compound_parts(word)]


#: Label words of languages that write compounds without spaces (Japanese ``リクエストヘッダ``, ``レスポンス本文``).
_COMPOUND_WORDS = frozenset(
    _STRUCTURAL | set(LABEL_LOCATIONS) | REQUEST_WORDS | RESPONSE_WORDS | SAMPLE_WORDS | _FAILURE_WORDS
)


def _compound_parts(word: str) -> list[str]:
    return compound_parts(word, _COMPOUND_WORDS)


#: A table's number in brackets before its caption (``[표 1-2]``, ``[Table 3]``, ``[表 2-1]``).
_TABLE_NUMBER = re.compile(r"(?:표|table|表)\s*\d+(?:[-.]\d+)*", re.IGNORECASE)


def _is_structural(text: str) -> bool:
    words = _words(text)
    return bool(words) and all(w in _STRUCTURAL or re.fullmatch(r"[\d.]+|v[\d.]+", w) for w in words)


#: A heading that is a note on the operation, not its name (E-mail: "#### [주의]", "#### 광고 메일 전송 시 유의 사항",
#: "#### Caution for Sending Ad Mails", "#### 広告メール送信時の注意事項" between the operation's heading and its URL).
#: "... a Note" / "... the Notes": the note is what the operation acts on (see :func:`_is_note`).
_NOTE_OBJECT = re.compile(r"\b(?:a|an|the|one|new)\s+(?:\w+\s+)?(?:notes?|cautions?)$", re.IGNORECASE)
_NOTE_HEADING = re.compile(
    r"^\[[^\[\]]*\]$|^(cautions?|precautions?|notes?)\b|(cautions?|precautions?|notes?|유의\s*사항|주의\s*사항|주의|"
    r"참고|注意事項|注意|参考)$",
    re.IGNORECASE,
)


#: Words of a caption over a table that lists what one field accepts (``[정렬 옵션 필드 상세정보]``, "Sort fields").
_VALUE_LIST_WORDS = frozenset(
    {"value", "values", "option", "options", "field", "fields", "list", "sort"}
    | {"값", "옵션", "필드", "목록", "종류", "정렬", "値", "オプション", "フィールド", "一覧", "ソート"}
)

#: A heading over an example ("Example of API Call", "Request example", "예시", "例"): it never names an operation.
_EXAMPLE_HEADING = re.compile(r"^(example|sample|예시|예제|샘플|サンプル)|(example|예시|예제|例)$")


def _is_note(title: str) -> bool:
    """Whether a heading titles a note ("[주의]", "Notes", "Usage Cautions"), not an operation on notes: "Send a
    Note" or "Delete the Notes" ends like a note heading, but its article makes "Note" the object of an action."""
    title = title.strip()
    return _NOTE_HEADING.search(title) is not None and _NOTE_OBJECT.search(title) is None


def _example_places(value: Any, prefix: str, places: dict[str, list[str]]) -> None:
    """Every key of the example ``value`` -> the dotted paths it is at (an array's objects are its items: no index)."""
    if isinstance(value, list):
        for item in value:
            _example_places(item, prefix, places)
    elif isinstance(value, dict):
        for key, inner in value.items():
            path = f"{prefix}.{key}" if prefix else str(key)
            if path not in places.setdefault(str(key), []):
                places[str(key)].append(path)
            _example_places(inner, path, places)


def _placeholder_values(written: str, declared: str) -> dict[str, str] | None:
    """The values ``written`` gives the placeholders of ``declared`` when it is that path with example values in
    some placeholders' places (``/appKeys/TEST/device`` for ``/appKeys/{appKey}/device``); None for another path."""
    if written == declared:
        return {}
    ours, theirs = written.split("/"), declared.split("/")
    if len(ours) != len(theirs):
        return None
    values: dict[str, str] = {}
    for segment, template in zip(ours, theirs, strict=True):
        if segment == template:
            continue
        placeholder = re.fullmatch(r"\{([^{}]+)\}", template)
        if placeholder is None or not segment or _PATH_PARAM.search(segment):
            return None
        values[placeholder.group(1)] = segment
    return values


def _sample_label_over(blocks: Sequence[Block], declared: int, index: int) -> str:
    """The sample label (``**[Request Sample]**``, ``[Example]``, ``### 例``) that ``blocks[index]`` is written
    under, between it and the declaration at ``blocks[declared]``; "" when there is none.

    Walked back past what a label introduces: the samples' own captions (``* Search devices named Galaxy``), other
    samples' code and other labels (``[Request]`` under an example heading); a table or a heading ends the walk."""
    for i in range(index - 1, declared, -1):
        block = blocks[i]
        if isinstance(block, Heading):
            title = _heading_title(block)
            return title if _is_sample_label(title) else ""
        if isinstance(block, Table):
            return ""
        if isinstance(block, Paragraph) and _is_sample_label(clean_text(block.text)):
            return clean_text(block.text).strip()
    return ""


def _placeholder_headers(headers: tuple[tuple[str, str], ...]) -> dict[str, tuple[str, str]]:
    """Placeholder -> (header, value) for the header lines written under a request line whose value holds one
    placeholder (``X-NC-APP-KEY: {appKey}``, ``X-NHN-Authorization: Bearer {accessToken}``, ``{{token}}``); a
    placeholder that is itself a header's name, or is in two lines' values, names none (no guess between them)."""
    names = {name.lower() for name, _ in headers}
    found: dict[str, list[tuple[str, str]]] = {}
    for name, value in headers:
        placeholders = set(re.findall(r"\{+\s*([A-Za-z_][\w-]*)\s*\}+", value))
        if len(placeholders) == 1:
            (placeholder,) = placeholders
            found.setdefault(placeholder, []).append((name, value))
    return {p: lines[0] for p, lines in found.items() if len(lines) == 1 and p.lower() not in names}


#: A heading's enumeration (``1. Search``, ``2) Start``, ``1-2. Create``, ``(3) Delete``, ``④ List``): the guide's
#: structure, not the title (``2.0 API`` has no closing mark: a version, kept).
_ENUMERATION = re.compile(r"^(?:\d{1,3}(?:[.-]\d{1,3})*[.)]|\(\d{1,3}\)|[\u2460-\u2473])\s+(?=\S)")


def _heading_title(heading: Heading) -> str:
    title = _ANCHOR_ATTR.sub("", clean_text(heading.title))
    title = re.sub(r"^#+\s*", "", title)  # a broken '### ### Title'
    return _ENUMERATION.sub("", title.strip())


@dataclass(slots=True)
class _Label:
    """What a structural heading or label paragraph says about the blocks after it."""

    part: str | None  # "request" | "response" | "failure" | None (unchanged)
    location: str | None  # "path" | "query" | "header" | "body" | None
    #: The words in parentheses after the label (``Response (Statistics criteria added)``): which way of several the
    #: blocks under it document; "" when none.
    qualifier: str = ""


#: Prose naming the guide's common response (``Common Response Body``, ``#common-response-body``, ``공통 응답``,
#: ``共通レスポンス``), also in the other order (OTP's heading ``## 응답 공통 정보``, response common information).
_COMMON_MENTION = re.compile(
    r"common[- ]response|response common|공통\s*응답|응답\s*공통|共通\s*(?:の\s*)?レスポンス|レスポンス\s*共通",
    re.IGNORECASE,
)


#: A response's whole text naming the common response and nothing else (OTP: ``공통 응답 본문``, common response
#: body): a reference to the body the guide documents once, as "the same as the common response body" is.
_COMMON_ONLY = re.compile(
    r"[\W_]*(?:common[- ]response(?: body)?|공통\s*응답(?:\s*본문)?|共通\s*(?:の\s*)?レスポンス(?:\s*本文)?)[\W_]*",
    re.IGNORECASE,
)


#: Words that call what follows common to every operation (an envelope, common parameters).
_COMMON = re.compile(r"\bcommon\b|공통|共通", re.IGNORECASE)


def _listed_field(table: Table, earlier: Sequence[TableRow], examples: Sequence[str]) -> str | None:
    """The field a table lists the values of, else None: its first column is headed with the last part of the name
    of a nested field documented before it, and the example gives that field one of the table's row names as its
    value (Document Recognizer ID Card: ``keyValues[0].key | String``, then ``| key | value type | description |``
    over ``**name** | string``, ``**residentNumber** | string``, one table per card type, where the example has
    ``"key": "name"``: the keys an entry of ``keyValues`` may carry). Read as fields, such rows were top-level
    response members, duplicates of each other table's."""
    if not table.header or not table.rows:
        return None
    head = clean_text(table.header[0]).strip()
    if not re.fullmatch(r"[A-Za-z_][\w-]*", head):
        return None
    field = next(
        (r.name for r in earlier if r.name != head and re.split(r"[.\[\]]+", r.name.strip("[]."))[-1] == head),
        None,
    )
    if field is None:
        return None
    names = {clean_text(row.cells[0]).strip("*` ") for row in table.rows if row.cells}
    shown = {m.group(1) for text in examples for m in re.finditer(rf'"{re.escape(head)}"\s*:\s*"([^"]*)"', text)}
    return field if names & shown else None


def _names_title(part: _Part, title: str) -> bool:
    """Whether the prose of ``part`` names the operation titled ``title`` (the whole title, as a phrase of its own:
    ``Export 요청, Import 요청이 공통적으로 사용하는 응답입니다`` names ``Export 요청``)."""
    wanted = re.sub(r"\s+", " ", clean_text(title)).strip().lower()
    if len(wanted) < 2:
        return False
    patterns = [re.compile(rf"(?<![\w]){re.escape(wanted)}(?![a-z0-9_])")]
    words = wanted.split(" ")
    if len(words) == 2 and all(re.fullmatch(r"[a-z][a-z0-9-]*", w) for w in words):
        # English coordination sharing the title's noun: "Response commonly used by Export and Import requests"
        # names "Export Request" and "Import Request" (File Crafter en), as the Korean names each in full
        head, noun = (re.escape(w) for w in words)
        other = r"[a-z][a-z0-9-]*"
        joined = r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s)\s*"
        patterns.append(
            re.compile(rf"(?<![\w])(?:(?:{other}{joined})+{head}|{head}(?:{joined}{other})+)\s+{noun}s?(?![a-z0-9_])")
        )
    texts = [re.sub(r"\s+", " ", clean_text(p.text)).lower() for p in part.paragraphs]
    return any(pattern.search(text) for pattern in patterns for text in texts)


def _common_response_part(outside: Sequence[Block]) -> _Part | None:
    """The blocks under the first heading outside any operation that names the common response, to the next heading
    of its level or above, as a response part: its tables (a model's name alone over a table is that table's
    caption, as in an operation) and its examples. None when no heading names it or it holds no table nor example."""
    start = next(
        (i for i, b in enumerate(outside) if isinstance(b, Heading) and _COMMON_MENTION.search(_heading_title(b))),
        None,
    )
    if start is None:
        return None
    level = outside[start].level  # type: ignore[union-attr]
    part, caption = _Part(), ""
    for block in outside[start + 1 :]:
        if isinstance(block, Heading):
            if block.level <= level:
                break
            caption = _heading_title(block)
        elif isinstance(block, Paragraph):
            if _MODEL_NAME.fullmatch(clean_text(block.text)):
                caption = clean_text(block.text)
            part.paragraphs.append(block)
        elif isinstance(block, Table):
            part.tables.append((block, None))
            part.captions[id(block)] = caption
            caption = ""
        elif isinstance(block, CodeBlock):
            part.examples.append(block)
    return part if part.tables or part.examples else None


#: A row name that names the request body itself (``Body``, ``Request body``, ``본문``, ``本文``), not a field of it.
_BODY_WORD = re.compile(r"(?:request[ _-]?)?body|(?:요청\s*)?본문|(?:リクエスト)?(?:本文|ボディ)", re.IGNORECASE)


def _raw_body_row(rows: list[FieldRow]) -> FieldRow | None:
    """The one row of a request body that is the body's bytes: a binary row named for the body itself (Data Lake
    Storage ``Body | Binary``), no other row, and no media type written as its type (OCR's ``image |
    multipart/form-data`` is a file part of a form). None otherwise."""
    if len(rows) != 1:
        return None
    row = rows[0]
    binary = row.schema is not None and row.schema.get("format") == "binary"
    multipart = "multipart" in row.written_type.lower()
    return row if binary and not multipart and _BODY_WORD.fullmatch(row.path.strip()) else None


def _split_off_response(request: _Part, line: int) -> _Part:
    """The response a request part holds from ``line`` on, moved out of it: the tables and examples that start at or
    after ``line`` and the paragraphs after it (a GET's response documented under its request heading)."""
    response = _Part()
    for table, location in list(request.tables):
        if table.line >= line:
            request.tables.remove((table, location))
            response.tables.append((table, None))
            response.captions[id(table)] = request.captions.pop(id(table), "")
    response.examples = [block for block in request.examples if block.line >= line]
    request.examples = [block for block in request.examples if block.line < line]
    response.paragraphs = [p for p in request.paragraphs if p.line > line]
    request.paragraphs = [p for p in request.paragraphs if p.line <= line]
    return response


def _response_like(table: Table) -> bool:
    """Whether ``table`` reads as a response's fields: a field table with a location column that places every row
    in the body, and no Required column (a client does not send these fields)."""
    read = read_field_table(table)
    if read is None or "required" in read.roles or "location" not in read.roles or not read.rows:
        return False
    return all(row.location == "body" for row in read.rows)


def _alternative_bodies(rows: list[FieldRow], alternative: dict[int, str]) -> list[tuple[str, list[FieldRow]]]:
    """The request body's rows by the heading each table sits under, when two or more headings each document a body
    and a field is documented under two of them (KakaoTalk Bizmessage 'send a free-form message': ``#### 텍스트형
    발송 요청``, ``#### 이미지형 발송 요청``, ... each a whole body with ``senderKey``, ``chatBubbleType``, ...): the
    guide documents several ways to call, not one body whose fields repeat. Rows under no such heading belong to
    every way. Empty when the body is documented once."""
    groups = _alternative_groups([r.path for r in rows], alternative)
    return [(heading, [rows[i] for i in indexes]) for heading, indexes in groups]


def _alternative_groups(names: list[str], alternative: dict[int, str]) -> list[tuple[str, list[int]]]:
    """The indexes of a body's rows (by their dotted ``names``) grouped by the heading each sits under
    (``alternative``: row index -> heading, "" for none), when two or more headings each document rows and a name
    is documented under two of them; rows under no heading are in every group. Empty when the body is documented
    once. The rule :func:`_alternative_bodies` reads request bodies by, and responses are read by too (Address
    Search: ``#### KR`` and ``#### JP`` under ``### 응답``, each a whole response)."""
    named: dict[str, list[int]] = {}
    shared: list[int] = []
    for index in range(len(names)):
        heading = alternative.get(index, "")
        if heading:
            named.setdefault(heading, []).append(index)
        else:
            shared.append(index)
    if len(named) < 2:
        return []
    seen: Counter[str] = Counter(name for group in named.values() for name in {names[i] for i in group})
    if not any(count > 1 for count in seen.values()):
        return []
    return [(heading, shared + group) for heading, group in named.items()]


@dataclass(frozen=True, slots=True)
class _Nesting:
    """Where a table's top-level rows go in the example: each moved root name -> the dotted path it is read at
    (``erratum`` -> ``body.errata.erratum``, a misspelt ``elaspedTime`` -> ``body.elapsedTime``), the sentence saying
    so, and one sentence per root name that needs its own finding (misspelt, or nowhere in the example)."""

    paths: dict[str, str]
    message: str
    doubts: dict[str, str]

    def moved(self, name: str) -> str:
        """``name`` (dotted) with its root read where the example has it."""
        root, dot, rest = name.partition(".")
        return f"{self.paths[root]}{dot}{rest}" if root in self.paths else name


def _example_nesting(names: list[str], example: dict[str, Any]) -> _Nesting | None:
    """Where the example nests the fields a table lists at the top level, or None when the table and the example
    agree or the example does not settle it. One key holding most of the missing roots (its object, or the objects
    of its list) holds them all; else each missing root found in exactly one nested place of the example (IAP:
    ``appUsingStatus``, ``itemSeq`` for ``result.appUsingStatus``, ``result.itemList[].itemSeq``) is read there, when
    most of them are: a root the example has under another spelling (Spell Checker ``elaspedTime`` where the example
    has ``body.elapsedTime``) is read as that key, one in none or several places stays where the table puts it, and
    each is a doubt of its own rather than a reason to leave the nine others at the wrong level."""
    roots = list(dict.fromkeys(n.split(".")[0] for n in names))
    missing = [r for r in roots if r not in example]
    if not missing or len(missing) * 2 < len(roots):
        return None
    holders = []
    for key, value in example.items():
        inner = value[0] if isinstance(value, list) and value and isinstance(value[0], dict) else value
        if isinstance(inner, dict) and sum(1 for r in missing if r in inner) * 2 > len(missing):
            holders.append(key)
    if len(holders) == 1:
        holder = holders[0]
        inner = example[holder][0] if isinstance(example[holder], list) else example[holder]
        within: dict[str, list[str]] = {}
        _example_places(example[holder], holder, within)
        # a root deeper in the holder's object, at one place only (``userName`` in ``login.credentials``), is read
        # there; the others (in the holder's object, or nowhere in the example) under the holder
        deeper = {r: within[r][0] for r in missing if r not in inner and len(within.get(r, [])) == 1}
        return _Nesting(
            {root: deeper.get(root, f"{holder}.{root}") for root in missing},
            f"the table documents {', '.join(missing[:5])} at the top level but the example nests them under"
            f" {holder!r}; read under {holder!r}"
            + (f" ({', '.join(f'{r} at {p!r}' for r, p in list(deeper.items())[:5])})" if deeper else ""),
            {},
        )
    places: dict[str, list[str]] = {}
    _example_places(example, "", places)
    nested = {key: [p for p in found if "." in p] for key, found in places.items()}
    paths = {root: nested[root][0] for root in missing if len(nested.get(root, [])) == 1}
    if len(paths) * 2 <= len(missing):
        return None
    unplaced = [root for root in missing if root not in paths]
    # a few misspelt names among many placed ones: each compared with the example's keys (a table of thousands of
    # names the example lacks is no table of misspellings, and would cost its length squared)
    spellings = [k for k, at in nested.items() if len(at) == 1 and k not in roots] if len(unplaced) <= 5 else []
    doubts: dict[str, str] = {}
    parents = {p.rsplit(".", 1)[0] for p in paths.values()}
    for root in unplaced:
        found = nested.get(root, [])
        beside = [p for p in found if p.rsplit(".", 1)[0] in parents]
        spelt = None if found else near_miss(root, spellings)
        if len(beside) == 1:
            # Push 'List UIDs of a tag': ``createdDateTime`` is in ``uids.tags`` and ``uids.contacts``; the rows
            # documented beside it (``contactType``, ``contact``) are in ``uids.contacts``
            paths[root] = beside[0]
            doubts[root] = (
                f"the example has {root!r} at {', '.join(repr(p) for p in found)}; read as {beside[0]!r}, where the"
                " example has the other rows the table lists beside it"
            )
        elif spelt is not None:
            paths[root] = nested[spelt][0]
            doubts[root] = (
                f"the table documents {root!r} but the example has {spelt!r} at {nested[spelt][0]!r}, a name it"
                f" nearly spells; read as {nested[spelt][0]!r} (a misspelling in the table or in the example)"
            )
        else:
            seen = "in several places" if found else "nowhere"
            doubts[root] = (
                f"the table documents {root!r} at the top level; the example has it {seen}: left at the top level"
            )
    where = sorted({p.rsplit(".", 1)[0] for p in paths.values()}, key=lambda p: (p.count("."), p))
    placed = [r for r in missing if r in paths]
    return _Nesting(
        paths,
        f"the table lists {', '.join(placed[:5])}{', ...' if len(placed) > 5 else ''} at the top level but the"
        f" example nests them under {', '.join(repr(p) for p in where[:5])}; read where the example has them",
        doubts,
    )


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _title_names_path(title: str, path: str) -> bool:
    """True when a word of ``title`` (three letters or more, plural or not) is a word of ``path``'s literal segments:
    the title names what the operation acts on ("List DB Instances" and ``/db-instances``), where "Data transfer"
    over ``/batchmon/.../scenarios/{scenarioId}`` names a step. A title in a script with no such words names none."""
    literal = re.sub(r"\{[^{}]*\}", " ", path)
    path_words = {_stem(w) for w in re.findall(r"[a-z0-9]{3,}", literal.lower())}
    return any(_stem(w) in path_words for w in re.findall(r"[a-z0-9]{3,}", title.lower()))


#: A label then words in parentheses that qualify it (``Response (Statistics criteria added)``); the parentheses hold
#: more than a version (``Response Body (v2)`` is a label of its own words).
_QUALIFIED_LABEL = re.compile(r"([^()]*\S)\s*\(([^()]*[^\W\d][^()]*)\)")


def _token_issued(service: Service, operation: Operation, schemes: dict[str, Any]) -> str | None:
    """The name of the scheme whose token ``operation`` issues (its method and path, and its host where the guide
    names one, are the scheme's token URL: ``POST /v2.0/tokens``), or None."""
    hosts = _server_hosts(service.server)
    for name, scheme in schemes.items():
        url = scheme.get("x-token-url") or scheme.get("x-token-endpoint")
        found = re.match(r"https?://([^/]+)(/\S*)", url) if isinstance(url, str) else None
        if found is None or (operation.method.upper(), operation.path.rstrip("/")) != (
            "POST",
            found.group(2).rstrip("/"),
        ):
            continue
        if not hosts or found.group(1).lower() in hosts:
            return name
    return None


def _same_case(heading: str, qualifier: str) -> bool:
    """Whether ``heading`` ends with ``qualifier`` in parentheses (``Statistical Event Objects (Statistics criteria:
    Default value)`` under ``Response (Statistics criteria: Default Value)``): the case a qualified label started."""
    match = _QUALIFIED_LABEL.fullmatch(clean_text(heading).strip())
    return bool(qualifier) and match is not None and match.group(2).strip().casefold() == qualifier.casefold()


#: A heading over what changed since the last version: its text is release notes, not a description of the API.
_RELEASE_NOTES_HEADING = re.compile(
    r"what'?s\s+(?:the\s+)?(?:new|dif+e?r+en[cs]e|changed)|change\s*(?:log|history)|release\s+notes?|\bchanges\b"
    r"|변경\s*(?:사항|내역|이력|점)|업데이트\s*(?:내역|사항)|릴리스\s*노트|変更(?:点|履歴)",
    re.IGNORECASE,
)
#: A guide's place in the docs site written as a line (``Data & Analytics > EasyQueue > EasyQueue API v1.0 Guide``).
_BREADCRUMB = re.compile(r"[^>\n]{1,60}(?:\s>\s[^>\n]{1,60}){2,}")


def _code_caption(block: Paragraph, following: Sequence[Block]) -> bool:
    """Whether ``block`` only captions the code block after it: a few words, no sentence (a sample's language in a
    ``<details><summary>Java</summary>``, a tab's name): what the code says is no description of the API."""
    text = clean_text(block.text).strip()
    return (
        bool(following)
        and isinstance(following[0], CodeBlock)
        and len(text.split()) <= 3
        and not re.search(r"[.:;?!。]", text)
    )


def _label(text: str) -> _Label | None:
    """Read a label (``[Path Parameter]``, ``**Request Body**``, ``#### 응답``); None when the text is not one."""
    stripped = clean_text(text).strip()
    if not stripped or len(stripped) > 60 or "\n" in stripped:
        return None
    plain = _plain_label(stripped)
    qualified = _QUALIFIED_LABEL.fullmatch(stripped) if plain is None else None
    if qualified is not None:
        # SMS: "#### Response (Statistics criteria: Default Value)": a label, and the case its blocks document (a
        # label whose parentheses are label words, "Parameter(Query String)", "Response (JSON)", is read whole)
        label = _plain_label(qualified.group(1))
        if label is not None:
            return _Label(label.part, label.location, clean_text(qualified.group(2)).strip())
    return plain


def _plain_label(stripped: str) -> _Label | None:
    """:func:`_label` of a text without the qualifier it reads apart."""
    inner = re.sub(r"^\[(.*)\](.*)$", r"\1 \2", stripped).strip()
    bracketed = stripped.startswith("[")
    head = inner.split("]")[0] if bracketed else inner
    after = re.match(r"^\[([^\[\]]*)\](.*)$", stripped)
    if after is not None and _TABLE_NUMBER.fullmatch(after.group(1).strip()):
        # CAPTCHA: "[표 1-2] CAPTCHA 인증키 발급 response", "[표 1-1] ... Path Parameter" (table 1-2, then its
        # caption): the caption's closing words label the table
        words = after.group(2).split()
        tails = [" ".join(words[-n:]) for n in (2, 1) if len(words) >= n]
        tail = next((t for t in tails if _is_structural(t)), "")
        if tail:
            return _plain_label(f"[{tail}]")
    if after is not None and after.group(2).strip() and not set(_words(after.group(2))) <= _COMPOUND_WORDS:
        # Log & Crash (ja): "[out]成功時は"Success"、失敗時はエラーメッセージ" (an output field's note): the words
        # after the bracket are a sentence, not more of the label; only the bracket's own words label
        head = after.group(1)
    if not bracketed and not _is_structural(head):
        return None
    words = _words(head)
    if not words or (not bracketed and not _is_structural(head)):
        return None
    part = None
    if set(words) & _FAILURE_WORDS:
        part = "failure"
    elif set(words) & _RESPONSE_WORDS:
        part = "response"
    elif set(words) & _REQUEST_WORDS:
        part = "request"
    location = next((LABEL_LOCATIONS[w] for w in words if w in LABEL_LOCATIONS), None)
    if location == "query" and part is None:
        part = "request"
    if location == "path" and part is None:
        part = "request"
    return _Label(part, location)


@dataclass(slots=True)
class _Part:
    """Request or response blocks of one operation, each table with the location its label gave."""

    tables: list[tuple[Table, str | None]] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    examples: list[CodeBlock] = field(default_factory=list)
    #: The example read is a pseudo-JSON schema: it shapes the schema but is not emitted as an example.
    pseudo: bool = False
    #: id of a table -> the label or heading written over it (``[정렬 옵션 필드 상세정보]``), "" when none.
    captions: dict[int, str] = field(default_factory=dict)
    #: id of a table or example -> the heading of the section's own it sits under that is no label (``#### 텍스트형
    #: 발송 요청``, a text-type send request), "" when none: each such heading may document one way to call.
    alternatives: dict[int, str] = field(default_factory=dict)
    #: id of a table -> the body media type a label over it names (``#### Content-Type: multipart/form-data``).
    media: dict[int, str] = field(default_factory=dict)
    #: The example is an XML document: the body its table documents is XML (``application/xml``).
    xml: bool = False
    #: The media type of the ``Content-Type`` header of the curl command the example was read from, "" when none.
    curl_media: str = ""
    #: Code blocks under a header label (``[Response Header]`` over ``Content-Type:application/octet-stream``).
    header_blocks: list[CodeBlock] = field(default_factory=list)
    #: A body row read as its model (``Request Body | request | SearchRequest | Yes``) was marked required: the
    #: body is, whatever its model's fields say (the row itself is replaced by them).
    body_required: bool = False


@dataclass(slots=True)
class _Section:
    heading: Heading | None
    line: OperationLine
    group: str | None
    blocks: list[Block]
    description: list[str]
    variant: str = ""
    path: DocumentedPath = field(default_factory=lambda: DocumentedPath("", "/"))
    #: Another declared operation has the same method and path (they differ by query string or are repeated).
    shares_path: bool = False
    #: The operation written again with example values under a sample label (``[Request Sample]``), with the
    #: index of the block that writes it.
    samples: list[tuple[DocumentedPath, int]] = field(default_factory=list)
    #: Placeholder renames applied to the path (documented name -> name used), for the rows that document them.
    renames: dict[str, str] = field(default_factory=dict)
    #: The operation's name when no heading gives it (an API list's row for an operation declared only in an
    #: example of a call); empty when the heading names it.
    named: str = ""
    #: Declared only by a row of an API list (:meth:`NhnDialect._listed_sections`): nothing but the row documents it.
    listed: bool = False


class NhnDialect:
    """Reads NHN Cloud API guides; see the module docstring for the conventions."""

    provider = "nhn"

    def read(self, document: Document, info: PageInfo) -> list[Service]:
        return [_PageReader(document, info).service()]


class _PageReader:
    def __init__(self, document: Document, info: PageInfo) -> None:
        self.document = document
        self.info = info
        self.page = info.page or document.page
        self.findings: list[Finding] = []
        self.status_tables: dict[str | None, list[tuple[str, Table]]] = {}
        #: Field name -> the value tables a note under them gives to that field (``### DB engine type`` over
        #: ``MYSQL_V8028`` rows, "You can use the value for the dbVersion field of ENUM type").
        self.field_value_tables: dict[str, list[tuple[str, Table]]] = {}
        self._told_value_tables: set[int] = set()
        self.auth_headers: dict[str, tuple[str, int]] = {}  # header name -> (scheme kind, line)
        #: Header name -> where the guide documents it: the index of each operation whose section does (in
        #: ``service.operations``) and its first line there, None for a place outside every operation.
        self._auth_places: dict[str, dict[int | None, int]] = {}
        #: The index of the operation being read, None outside the operations.
        self._reading_operation: int | None = None
        #: Header name -> the value the guide first writes for it (``Basic Base64(...)``), for the scheme's words.
        self._auth_values: dict[str, str] = {}
        #: Rows of field tables outside any operation ("Path Parameter: appKey" in the common information), by
        #: lower-cased name: they document placeholders that operations use without a row of their own.
        self.common_rows: dict[str, TableRow] = {}
        #: Request headers the guide documents once, in a common section, for every operation (GameTalk
        #: ``X-GT-Transaction-Id``): each operation without a row of that name gets it as a parameter.
        self.common_headers: list[TableRow] = []
        #: The guide's common response section (``### Common Response Body``, ``공통 응답``, ``共通レスポンス``) outside
        #: any operation, as a response part; None when the guide has none.
        self.common_response: _Part | None = None
        #: What the row of each parameter said of Required (a path parameter is required whatever it says), by
        #: ``id``; the parameter is kept beside its mark so that an id is never reused while the page is read.
        self._row_required: dict[int, tuple[Parameter, bool | None]] = {}
        #: Parameters whose row says a plain Number (with the type as written), by ``id`` as above: an integer when
        #: what the guide shows of them is (:meth:`_integral_number`).
        self._generic_numbers: dict[int, tuple[Parameter, str]] = {}
        #: For each heading's block index: the index of the last heading of each level before it (see
        #: :meth:`_heading_before`), computed on first use.
        self._headings_before: dict[int, dict[int, int]] | None = None
        #: (method, path) -> the name the guide's API list gives it, read on first use (:meth:`_inferred_title`).
        self._summary: dict[tuple[str, str], str] | None = None
        #: Rows of the guide typed Enum that list values (:meth:`_listed_enum_rows`), read on first use.
        self._enum_rows: list[tuple[str, int, list[str]]] | None = None
        #: The page's sections by anchor and the anchors its table rows link to (:mod:`.linked_values`), read on
        #: first use; the lines of the rows whose codes were said already.
        self._code_links: tuple[dict[str, CodeSection], dict[int, RowLink]] | None = None
        #: How often the page writes each field name, read on first use (:meth:`_spellings`).
        self._name_counts: Counter[str] | None = None
        self._told_code_links: set[int] = set()
        #: Endpoints a part of the guide declares for its own operations (:mod:`.endpoint_parts`): the line of the
        #: declaration and the endpoint.
        self._scoped_endpoints: list[tuple[int, ServerTemplate]] = []
        #: Servers the full URL of an example call gives, with its line (:meth:`_without_example_calls`): the host
        #: and the base path the declarations leave out (Block Storage v1.0's ``.../compute``).
        self._example_servers: list[tuple[int, str]] = []
        #: Declarations read as examples of a format on a page that declares nothing else.
        self._format_examples: list[OperationLine] = []
        #: Every model table of the guide by its name (:func:`.model_tables.guide_model_tables`), read when a part
        #: names a model it does not define.
        self._guide_models: dict[str, Table] | None = None

    def _finding(self, kind: str, line: int, subject: str, message: str) -> None:
        self.findings.append(Finding(kind=kind, page=self.page, line=max(line, 1), subject=subject, message=message))

    def _source(self, heading: str, line: int) -> Source:
        return Source(page=self.page, url=self.info.url, heading=heading, line=line)

    # ------------------------------------------------------------------------------------------ structure

    def service(self) -> Service:
        blocks = self.document.blocks
        lines = [line for line in find_operation_lines(blocks) if not self._whole_url_variable(line)]
        if not lines:
            raise DialectError(
                self.page,
                1,
                "no NHN operation found: expected 'METHOD /path' lines, 'Method | URI' tables or method/URI"
                " key-value rows; is this an SCP page?",
            )
        title_index = next((i for i, b in enumerate(blocks) if isinstance(b, Heading)), None)
        if title_index is not None and title_index > lines[0].block:
            title_index = None
        title = _heading_title(blocks[title_index]) if title_index is not None else ""  # type: ignore[arg-type]
        sections = self._without_examples(self._without_example_calls(self._sections(lines, title_index)))
        sections += self._listed_sections(sections)
        service_id, product = self._identity(title, sections)
        service = Service(provider="nhn", id=service_id, title=product, pages=[self.page], carry_forward=False)
        in_sections = {id(b) for s in sections for b in s.blocks}
        outside = [b for i, b in enumerate(blocks) if id(b) not in in_sections and i != title_index]
        self._status_tables(blocks, sections)
        self._servers_and_description(service, outside, sections)
        versions = self._versions(service, title, sections)
        token_header: dict[str, str] = {}
        self._common_auth(outside, _path_placeholders(sections))
        self._common_headers(outside)
        self.common_response = _common_response_part(outside)
        self._same_shape_paths(sections)
        variants = Counter((s.line.method, s.path.path, s.variant) for s in sections)
        paths = Counter((s.line.method, s.path.path) for s in sections)
        for section in sections:
            section.shares_path = paths[(section.line.method, section.path.path)] > 1
        seen: Counter[tuple[str, str, str]] = Counter()
        built: list[tuple[_Section, Operation]] = []
        for section in sections:
            key = (section.line.method, section.path.path, section.variant)
            seen[key] += 1
            if variants[key] > 1 and seen[key] > 1:
                section.variant = f"{section.variant}#{seen[key]}" if section.variant else f"#{seen[key]}"
            version = versions[id(section)]
            self._reading_operation = len(service.operations)
            built.append((section, self._operation(section, version, token_header)))
            self._reading_operation = None
            service.operations.append(built[-1][1])
        self._bodies_outside_operations(outside, _read_names(service))
        self._duplicate_titles(service)
        self._hosts(service)
        self._scoped_servers(service, built, title_index)
        self._client_parameters(service)
        self._security(service, token_header)
        self._format_drift(service)
        service.findings = sorted(set(self.findings), key=Finding.sort_key)
        return service

    def _whole_url_variable(self, line: OperationLine) -> bool:
        """KakaoTalk Bizmessage 'upload a video (step 2)': ``POST  {uploadInfo.uploadUrl}``, a URL the previous
        call's response gives, on another company's server: a placeholder alone, with no path of this API, is no
        operation of it (it was ``POST /{uploadInfo.uploadUrl}`` on the service's host). A finding says so."""
        written = clean_text(line.written).strip().strip("'\"`")
        if not _LONE_PLACEHOLDER.fullmatch(written):
            return False
        self._finding(
            "url-variable",
            line.line,
            f"{line.method} {written}",
            f"{line.method} {written} calls a URL that is a value given elsewhere (no path of this API); not an"
            " operation of it",
        )
        return True

    def _duplicate_titles(self, service: Service) -> None:
        """Operations of one version that the guide titles alike (Compute Instance: "List additional block storage
        attached to the instance" over ``GET .../os-volume_attachments`` and over ``GET .../os-volume_attachments/
        {volumeId}``): the spec tells their operationIds apart by what differs (:mod:`scraper.build.operation_ids`:
        ``...ByVolumeId``), which the guide did not say, so each repeat is a ``duplicate-title`` finding naming
        both."""
        self._qualify_generic_titles(service)
        first: dict[tuple[str, str], Operation] = {}
        for op in service.operations:
            for version, entry in op.versions.items():
                key = (version, op.title.strip().lower())
                earlier = first.setdefault(key, op)
                if earlier is op or (earlier.method, earlier.path) == (op.method, op.path):
                    continue  # several documented operations on one method and path are x-operations members
                if earlier.versions[version].source.line == entry.source.line:
                    continue  # one section declaring two ways to call it (Swift's COPY, or PUT with X-Copy-From)
                self._finding(
                    "duplicate-title",
                    entry.source.line,
                    op.title,
                    f"{op.method} {op.path} has the title of {earlier.method} {earlier.path} (line"
                    f" {earlier.versions[version].source.line}); its operationId is told apart by what its path, group,"
                    " method or parameters add (a number when nothing does)",
                )

    def _qualify_generic_titles(self, service: Service) -> None:
        """Service Monitoring titles three operations "Data transfer" (ja: "データ転送"), each under the heading that
        names it ("## Create scenario" > "### Data transfer"): a heading several operations share, each under a
        heading of its own, says what step the section documents, not which operation; the heading above does.
        Each such title is read as "<heading above>: <title>", so the operationIds say which operation they are
        (they were ``dataTransfer``, ``dataTransfer2``, ...). Titles shared by operations under one heading
        (Compute Instance's two "List additional block storage ...") or naming a word of the paths stay, as
        ``duplicate-title`` findings."""
        by_title: dict[str, list[Operation]] = {}
        for op in service.operations:
            by_title.setdefault(op.title.strip().lower(), []).append(op)
        for ops in by_title.values():
            places = {(op.method, op.path) for op in ops}
            tags = [next(iter(next(iter(op.versions.values())).tags), "").strip() for op in ops]
            if len(places) < 2 or not all(tags) or len({t.lower() for t in tags}) != len(ops):
                continue
            if any(t.lower() == op.title.strip().lower() for t, op in zip(tags, ops, strict=True)):
                continue
            if any(_title_names_path(op.title, op.path) for op in ops):
                # RDS for PostgreSQL: "List DB Instances" over GET /db-instance-groups and GET /db-instances names
                # what they act on; a slip of the guide, kept (a duplicate-title finding), not a generic step
                continue
            for tag, op in zip(tags, ops, strict=True):
                title = f"{tag}: {op.title.strip()}"
                line = min(entry.source.line for entry in op.versions.values())
                self._finding(
                    "generic-title",
                    line,
                    op.title,
                    f"{len(ops)} operations are titled {op.title.strip()!r}, each under a heading of its own; this"
                    f" one ({op.method} {op.path}) is read as {title!r}",
                )
                op.title = title
                for entry in op.versions.values():
                    entry.summary = title

    def _without_example_calls(self, sections: list[_Section]) -> list[_Section]:
        """Declarations a guide writes as an example of how to call (:mod:`.example_declarations`), taken out.

        A ``METHOD URL`` introduced as an example ("For instance, ... the following URL:", ``* Example``) that
        documents nothing of its own (no table, no body, no other code before the next heading or declaration) is
        an example: of the operation it repeats, when one is declared elsewhere (Block Storage v1.0 writes the
        first operation in full in its introduction), its URL then giving the server's base path (``/compute``)
        that the declarations leave out; of a format, when the page declares nothing else (the Appkey page's
        ``POST /v1.0/appkeys/{appKey}/``): the page then has no operation, and the error says where the example
        is. A lone example beside other operations is kept (a call documented only by its request line)."""
        blocks = self.document.blocks
        index_of = {id(b): i for i, b in enumerate(blocks)}
        leads: dict[int, str] = {}
        for section in sections:
            lead = example_lead(blocks, section.line.block)
            if lead and not self._documents_anything(section, index_of):
                leads[id(section)] = lead
        if not leads:
            return sections
        declared = [s for s in sections if id(s) not in leads]
        kept: list[_Section] = []
        for section in sections:
            if id(section) not in leads:
                kept.append(section)
                continue
            lead = leads[id(section)]
            repeated = next(
                (
                    (other, prefix)
                    for other in declared
                    if other.line.method == section.line.method
                    and (prefix := base_path(section.path.path, other.path.path)) is not None
                ),
                None,
            )
            if repeated is None:
                if declared:
                    kept.append(section)
                else:
                    self._format_examples.append(section.line)
                continue
            other, prefix = repeated
            said = f" Its URL puts {prefix} before the path: the server's base path." if prefix else ""
            if prefix and section.path.host.startswith("http"):
                self._example_servers.append((section.line.line, section.path.host + prefix))
            self._finding(
                "example-declaration",
                section.line.line,
                f"{section.line.method} {section.path.path}",
                f"{section.line.method} {section.path.path} under {lead[:60]!r} repeats the operation declared on line"
                f" {other.line.line} ({other.path.path}) and documents nothing of its own; read as its example, not as"
                f" another operation.{said}",
            )
        if not kept:
            examples = ", ".join(
                f"line {line.line} ({line.method} {line.written.strip()})" for line in self._format_examples
            )
            raise DialectError(
                self.page,
                self._format_examples[0].line,
                "no NHN operation found: the only 'METHOD /path' lines are examples of a format, introduced as an"
                f" example and documented by nothing else: {examples}",
            )
        return kept

    def _documents_anything(self, section: _Section, index_of: dict[int, int]) -> bool:
        """A table or code block follows the section's declaration before the next heading that is not deeper than
        the heading the declaration is written under (any heading when there is none): the declaration documents
        something of its own. (The section's blocks run on past headings its reader takes for parts: the Appkey
        page's ``#### Path Parameter Method`` and its sibling ``#### HTTP Header-based Authentication`` are
        another topic each, not parts of the operation of ``### Appkey``.)"""
        above = next((b for b in reversed(self.document.blocks[: section.line.block]) if isinstance(b, Heading)), None)
        level = above.level if above is not None else 99
        for block in section.blocks:
            if index_of.get(id(block), -1) <= section.line.block:
                continue
            if isinstance(block, Heading) and block.level <= level:
                return False
            if isinstance(block, Table | CodeBlock):
                return True
        return False

    def _without_examples(self, sections: list[_Section]) -> list[_Section]:
        """A section headed "Example of ..." under an operation that declares the same method and path is an example
        of that operation, and so is one that repeats, with example values in its placeholders, an operation the
        guide declares under a heading of its own elsewhere (Gamebase's closing "Support" section shows
        ``GET .../apps/C3JmSctU/maintenances/under-maintenance``); under a heading that declares nothing itself, it
        documents that heading's operation. An example heading never names an operation: an API list's row that
        lists the method and path does, else the heading above."""
        blocks = self.document.blocks
        index_of = {id(b): i for i, b in enumerate(blocks)}
        declared: dict[int, set[tuple[str, str]]] = {}
        for section in sections:
            if section.heading is not None:
                declared.setdefault(id(section.heading), set()).add((section.line.method, section.path.path))
        headed = [
            s for s in sections if s.heading is None or not _EXAMPLE_HEADING.search(_heading_title(s.heading).lower())
        ]
        listed: dict[tuple[str, str], str] | None = None
        out: list[_Section] = []
        for section in sections:
            heading = section.heading
            if heading is None:
                out.append(section)
                continue
            title = _heading_title(heading).lower()
            # the enclosing headings, nearest first: each the nearest heading before the last above its level
            ancestors: list[Heading] = []
            above = self._heading_before(index_of[id(heading)], heading.level)
            while above is not None:
                ancestor = blocks[above]
                assert isinstance(ancestor, Heading)
                ancestors.append(ancestor)
                above = self._heading_before(above, ancestor.level)
            parent = ancestors[0] if ancestors else None
            key = (section.line.method, section.path.path)
            # A heading inside another operation's Request/Response part that repeats that operation's method and
            # path is one of its cases ("Copy Multipart Objects" under "Copy an Object" > "Request"); a sibling
            # operation under a mis-levelled heading is not (no structural heading between them).
            owner = next(
                (
                    a
                    for k, a in enumerate(ancestors)
                    if key in declared.get(id(a), set())
                    and any(_is_structural(_heading_title(b)) for b in ancestors[:k])
                ),
                None,
            )
            if owner is not None:
                self._finding(
                    "sub-case-section",
                    section.line.line,
                    title,
                    f"{section.line.method} {section.path.path} under {_heading_title(heading)!r} repeats the operation"
                    f" of the enclosing {_heading_title(owner)!r}; read as a case of it, not as another operation",
                )
                continue
            if not _EXAMPLE_HEADING.search(title):
                out.append(section)
                continue
            if parent is not None and any(
                method == key[0] and _placeholder_values(key[1], path) is not None
                for method, path in declared.get(id(parent), set())
            ):
                self._finding(
                    "example-section",
                    section.line.line,
                    title,
                    f"{section.line.method} {section.path.path} under an example heading repeats the operation of"
                    f" {_heading_title(parent)!r}; read as its example, not as another operation",
                )
                continue
            other = next(
                (s for s in headed if s.line.method == key[0] and _placeholder_values(key[1], s.path.path) is not None),
                None,
            )
            if other is not None:
                self._finding(
                    "example-section",
                    section.line.line,
                    title,
                    f"{section.line.method} {section.path.path} under an example heading repeats the operation"
                    f" declared on line {other.line.line} ({other.path.path}); read as its example, not as another"
                    " operation",
                )
                continue
            if listed is None:
                listed = summary_names(blocks)
            if key in listed:
                section.named = listed[key]
                self._finding(
                    "example-section",
                    section.line.line,
                    title,
                    f"{section.line.method} {section.path.path} is declared only in an example of a call; named"
                    f" {listed[key]!r} after the API list that lists it",
                )
            elif parent is not None and id(parent) not in declared:
                section.heading = parent
                declared[id(parent)] = {key}
                self._finding(
                    "example-section",
                    section.line.line,
                    title,
                    f"the operation of {_heading_title(parent)!r} is declared only in its example; read from there",
                )
            out.append(section)
        return out

    def _listed_sections(self, sections: list[_Section]) -> list[_Section]:
        """Operations an API list's rows (:func:`.api_lists.api_list_rows`) name that no section declares, each a
        section of its own with no blocks: Gamebase's "Wrapping API" lists (``API | Method | Wrapping URI |
        Leaderboard URI``) are the only place the calls it serves for Leaderboard and Push are written. The row
        gives the name, the method, the path with its placeholders and query string; the other service's path a
        later column writes is the description. A path some section declares (by its shape: placeholder names and
        case aside) is that section's, whatever its query string. Each a ``listed-operation`` finding."""
        blocks = self.document.blocks
        declared = {(s.line.method, _PATH_PARAM.sub("{}", s.path.path).lower()) for s in sections}
        out: list[_Section] = []
        for row in api_list_rows(blocks):
            path = parse_documented_path(row.written)
            if (row.method, _PATH_PARAM.sub("{}", path.path).lower()) in declared:
                continue
            head = next((i for i in range(row.block - 1, -1, -1) if isinstance(blocks[i], Heading)), None)
            group = None
            if head is not None:
                heading = blocks[head]
                assert isinstance(heading, Heading)
                group = self._group_of(head, heading.level) or _heading_title(heading)
            others = [f"{header or 'Also'}: {row.method} {other}" for header, other in row.others]
            for note in path.notes:
                self._finding("path-normalised", row.line, row.written, note)
            self._finding(
                "listed-operation",
                row.line,
                row.name,
                f"{row.method} {path.path} is declared only by a row of an API list (column {row.column!r}); read"
                " from the row alone: its name, path and query placeholders; no body or response is documented"
                + (f" ({'; '.join(others)})" if others else ""),
            )
            out.append(
                _Section(
                    heading=None,
                    line=OperationLine(row.method, row.written, row.line, row.block),
                    group=group,
                    blocks=[],
                    description=others,
                    variant=path.query_text,
                    path=path,
                    named=row.name,
                    listed=True,
                )
            )
        return out

    def _same_shape_paths(self, sections: list[_Section]) -> None:
        """Paths that differ only by placeholder names are one path (OpenAPI forbids both); the first names win."""
        first: dict[str, str] = {}
        for section in sections:
            path = section.path.path
            shape = _PATH_PARAM.sub("{}", path)
            known = first.setdefault(shape, path)
            if known == path:
                continue
            names = iter(_PATH_PARAM.findall(known))
            renamed = _PATH_PARAM.sub(_renamer(names), path)
            self._finding(
                "placeholder-renamed",
                section.line.line,
                section.line.written,
                f"{path} names its placeholders differently from {known} (the same path); read as {renamed}",
            )
            section.renames = dict(zip(_PATH_PARAM.findall(path), _PATH_PARAM.findall(known), strict=True))
            section.path.path = renamed

    def _op_heading(self, index: int) -> int | None:
        """Index of the heading that names the operation declared at block ``index``."""
        blocks = self.document.blocks
        part: int | None = None  # the level of the request part the declaration is under ("#### 요청")
        first = True
        for i in range(index, -1, -1):
            block = blocks[i]
            if not isinstance(block, Heading):
                continue
            if _is_structural(_heading_title(block)):
                label = _label(_heading_title(block))
                if first and label is not None and label.part == "request":
                    part = block.level
                first = False
                continue
            first = False
            if _is_note(_heading_title(block)) or (part is not None and block.level >= part):
                # a note ("#### [주의]") or a sibling of the request part ("#### 조회 가능 메일 발송 상태 코드" beside
                # "#### 요청"): a part of the operation, named by the heading above them
                continue
            return i
        return None

    def _sections(self, lines: list[OperationLine], title_index: int | None) -> list[_Section]:
        blocks = self.document.blocks
        groups: dict[int | None, list[OperationLine]] = {}
        for line in lines:
            groups.setdefault(self._op_heading(line.block), []).append(line)
        heads = [h for h in groups if h is not None]
        sorted_heads = sorted(heads)
        head_set = frozenset(heads)
        sections: list[_Section] = []
        samples: dict[int, list[tuple[DocumentedPath, int]]] = {}
        for head in list(groups):
            groups[head] = self._without_sample_requests(groups[head], samples)
        for head, members in groups.items():
            heading = blocks[head] if head is not None else None
            assert heading is None or isinstance(heading, Heading)
            level = heading.level if heading is not None else 0
            start = head + 1 if head is not None else 0
            later = bisect.bisect_right(sorted_heads, head) if head is not None else 0
            end = sorted_heads[later] if later < len(sorted_heads) else len(blocks)
            for i in range(members[-1].block + 1, end):
                block = blocks[i]
                if (
                    isinstance(block, Heading)
                    and block.level <= level
                    and (
                        not _is_structural(_heading_title(block))
                        # File Crafter: "### 공통 응답" (common response) after the last operation, a sibling of its
                        # heading: the guide's common response, not the last operation's (Import's) own
                        or _COMMON_MENTION.search(_heading_title(block))
                    )
                ):
                    end = i
                    break
            if head is not None and head == title_index and len(heads) > 1:
                self._finding(
                    "operation-under-title",
                    members[0].line,
                    members[0].written,
                    "an operation is declared under the guide title; named after the title",
                )
            pre = blocks[start : members[0].block]
            description = [
                clean_text(b.text)
                for b in pre
                if isinstance(b, Paragraph) and _label(b.text) is None and not b.text.strip().startswith("!!!")
            ]
            owned: list[list[Block]] = []
            for k, member in enumerate(members):
                stop = members[k + 1].block if k + 1 < len(members) else end
                owned.append([b for b in blocks[member.block : stop]])
            for k in range(len(members) - 2, -1, -1):
                if not any(isinstance(b, Table | CodeBlock) for b in owned[k][1:]):
                    owned[k] = owned[k][:1] + [b for b in owned[k + 1][1:]]
            group = self._group_of(head, level, head_set)
            for member, own in zip(members, owned, strict=True):
                path = parse_documented_path(member.written)
                for note in path.notes:
                    self._finding("path-normalised", member.line, member.written, note)
                if member.bare_host:
                    self._finding(
                        "host-without-scheme",
                        member.line,
                        member.written,
                        f"the host {member.bare_host} is written beside the method and URI without a scheme;"
                        " https:// assumed",
                    )
                sections.append(
                    _Section(
                        heading=heading,
                        line=member,
                        group=group,
                        blocks=[b for b in pre if not (isinstance(b, Paragraph) and _label(b.text) is None)] + own,
                        description=description,
                        variant=path.query_text,
                        path=path,
                        samples=samples.get(id(member), []),
                    )
                )
        return sections

    def _without_sample_requests(
        self, members: list[OperationLine], samples: dict[int, list[tuple[DocumentedPath, int]]]
    ) -> list[OperationLine]:
        """Members of one operation's section that are its sample requests, not other operations, taken out.

        A ``METHOD /path`` line under a sample label (``**[Request Sample]**``, ``[요청 예시]``) that repeats the
        method and path of an earlier declaration under the same heading is that operation written with example
        values (``...?transactionId=12345``): its query values become examples of the operation's parameters.
        """
        blocks = self.document.blocks
        kept: list[OperationLine] = []
        kept_paths: list[str] = []  # each kept member's parsed path, parsed once
        for member in members:
            path = parse_documented_path(member.written)
            owner = next(
                (
                    k
                    for k, k_path in zip(reversed(kept), reversed(kept_paths), strict=True)
                    if k.method == member.method and _placeholder_values(path.path, k_path) is not None
                ),
                None,
            )
            label = _sample_label_over(blocks, owner.block, member.block) if owner is not None else ""
            if owner is None or not label:
                kept.append(member)
                kept_paths.append(path.path)
                continue
            samples.setdefault(id(owner), []).append((path, member.block))
            self._finding(
                "sample-request",
                member.line,
                member.written,
                f"{member.method} {path.path} under {label.strip()!r} repeats the operation declared on line"
                f" {owner.line}; read as its sample request, not as another operation",
            )
        return kept

    def _group_of(self, head: int | None, level: int, heads: Set[int] = frozenset()) -> str | None:
        """The heading an operation's section sits under (its tag). Another operation's heading is no group: an
        operation declared under it (Gamebase en line 2218: "##### Example of API Call" declaring Push's
        ``POST .../messages`` under "### Get Subscriptions Status") takes that operation's group ("Push")."""
        if head is None:
            return None
        blocks = self.document.blocks
        first_heading = next((i for i, b in enumerate(blocks) if isinstance(b, Heading)), None)
        found = self._heading_before(head, level)
        while found is not None and found in heads and found != first_heading:  # another operation's: look above it
            found = self._heading_before(found, blocks[found].level)  # type: ignore[union-attr]
        # no heading comes before the first, so when the nearest one is the first there is no other
        return _heading_title(blocks[found]) if found is not None and found != first_heading else None  # type: ignore[arg-type]

    def _heading_before(self, index: int, level: int) -> int | None:
        """The index of the nearest heading before block ``index`` (a heading) whose level is below ``level``. One
        pass over the blocks remembers, at every heading, the last heading of each level: walking back over the
        blocks from each operation's heading was quadratic (a page of 5,000 operations: 26 s of CPU in the
        dialect)."""
        if self._headings_before is None:
            last: dict[int, int] = {}
            self._headings_before = {}
            for i, block in enumerate(self.document.blocks):
                if isinstance(block, Heading):
                    self._headings_before[i] = dict(last)
                    last[block.level] = i
        before = self._headings_before.get(index)
        if before is None:  # not a heading: walk back, as for any block
            for i in range(index - 1, -1, -1):
                block = self.document.blocks[i]
                if isinstance(block, Heading) and block.level < level:
                    return i
            return None
        return max((i for lvl, i in before.items() if lvl < level), default=None)

    def _identity(self, title: str, sections: list[_Section]) -> tuple[str, str]:
        parts = [p.strip() for p in title.split(">") if p.strip()]
        # The product is the last breadcrumb part that is not the guide's own name ("API Guide", "API v1.0 Guide").
        named = [p for p in parts[:-1] if not _GUIDE_WORDS.search(p)] if len(parts) >= 2 else []
        product = named[-1] if named else _GUIDE_WORDS.sub("", parts[-1] if parts else title).strip(" -:")
        if not product:
            # "API v2.0 가이드": the product is named by the first heading that says "<Product> API ..."
            product = next(
                (
                    m.group(1).strip()
                    for b in self.document.blocks
                    if isinstance(b, Heading)
                    for m in [re.match(r"^(.+?)\s+API\b", _heading_title(b))]
                    if m and not _GUIDE_WORDS.fullmatch(m.group(1).strip())
                ),
                "",
            )
        declared = self.info.services
        service_id = declared[0] if len(declared) == 1 else _slug(product)
        if not service_id:
            stem = re.sub(r"\.[a-z]+$", "", self.page.rsplit("/", 1)[-1])
            service_id = _slug(stem.split("__")[0]) or "service"
            self._finding(
                "no-title",
                1,
                service_id,
                f"the guide has no title naming the product; service id {service_id!r} taken from the file name",
            )
        return service_id, product or service_id

    def _versions(self, service: Service, title: str, sections: list[_Section]) -> dict[int, str]:
        """One API version per version family of the paths; see the module docstring."""
        title_match = _VERSION.search(title)
        title_version = f"v{title_match.group(1)}" if title_match else None
        of: dict[int, str] = {}
        families: Counter[str] = Counter()
        sources: dict[str, str] = {}
        for section in sections:
            segment = next((s for s in section.path.path.split("/") if _PATH_VERSION.match(s)), None)
            if segment is not None:
                version = "v" + segment[1:]
                sources.setdefault(version, "path segment")
            elif title_version is not None:
                version = title_version
                sources.setdefault(version, f"guide title {title!r}")
            else:
                version = "v1"
                sources.setdefault(version, "assumed")
                self._finding(
                    "assumed-version",
                    section.line.line,
                    section.line.written,
                    "neither the path nor the guide title names an API version; v1 assumed",
                )
            of[id(section)] = version
            families[version] += 1
        if title_version and title_version not in families and len(families) >= 1:
            self._finding(
                "version-mismatch",
                1,
                service.id,
                f"the title says {title_version} but the paths use {', '.join(sorted(families))}",
            )
        primary = (
            title_version if title_version in families else max(families, key=lambda v: (families[v], numbers_key(v)))
        )
        ordered = sorted(families, key=numbers_key, reverse=True)
        for version in ordered:
            where = sources[version]
            if where == "path segment":
                where = f"the /{version}/ path segment of {families[version]} operation(s)"
            status: ApiStatus = "CURRENT" if version == primary else "SUPPORTED"
            service.versions.append(ServiceVersion(version=version, status=status, source=where))
        if len(families) > 1:
            self._finding(
                "version-families",
                1,
                service.id,
                "the guide documents several API version families ("
                + ", ".join(f"{v}: {families[v]} operation(s)" for v in ordered)
                + f"); one spec each, {primary} is CURRENT (the title's version or the largest family)",
            )
        return of

    # ----------------------------------------------------------------------------------- servers, security

    def _status_tables(self, blocks: list[Block], sections: list[_Section]) -> None:
        section_of: dict[int, _Section] = {}  # heading's id -> its first section
        for each in sections:
            if each.heading is not None:
                section_of.setdefault(id(each.heading), each)
        # the level the operations' headings have (3 in a guide's Markdown, ``###``; a text rendering's headings are
        # rebuilt at levels of their own, the operations' at 2 where the Markdown's are at 3)
        levels = Counter(s.heading.level for s in sections if s.heading is not None)
        operation_level = levels.most_common(1)[0][0] if levels else 3
        group: str | None = None
        heading_title = ""
        for index, block in enumerate(blocks):
            if isinstance(block, Heading):
                heading_title = _heading_title(block)
                section = section_of.get(id(block))
                if section is not None:
                    group = section.group
                elif block.level == operation_level:
                    # RDS: "## Task Information" > "### Task Status" (the table) beside "### List Task Details": the
                    # table belongs to the group its sibling operations are in, not to a group of its own
                    group = self._group_of(index, block.level) or heading_title
                elif block.level < operation_level:
                    group = heading_title
                continue
            if isinstance(block, Table) and block.header:
                first = re.sub(r"\s+", " ", clean_text(block.header[0])).lower()
                if first in ("status name", "status", "상태", "상태 이름", "상태명", "状態", "ステータス"):
                    title = heading_title
                    before = blocks[index - 1] if index else None
                    if isinstance(before, Paragraph) and _TITLE_LINE.fullmatch(clean_text(before.text)):
                        # a text rendering keeps "DB Instance Status" over the table as a line of its own, without
                        # its heading's level: the table's title all the same
                        title = clean_text(before.text)
                    self.status_tables.setdefault(group, []).append((title, block))
                    continue
                named = _field_of_value_note(blocks[index + 1 : index + 4])
                if named is not None:
                    self.field_value_tables.setdefault(named, []).append((heading_title, block))

    def _servers_and_description(self, service: Service, outside: list[Block], sections: list[_Section]) -> None:
        texts: list[str] = []
        # the first operation starts at its heading: a paragraph between the heading and the declaration is that
        # operation's description (DNS Plus' "Retrieves the list of DNS Zones." was the API's too)
        first_op_line = min(s.heading.line if s.heading is not None else s.line.line for s in sections)
        notes = False  # under a heading of what changed ("What's new", "변경 사항"): release notes, not the API
        # the heading the next paragraphs are under, written once before the first of them (bold): "콘솔에서 확인
        # 가능합니다." (can be found in the console) says nothing without "Secret Key" over it
        heading: str | None = None
        for index, block in enumerate(outside):
            if isinstance(block, Heading):
                notes = bool(_RELEASE_NOTES_HEADING.search(clean_text(block.title)))
                heading = clean_text(block.title).strip() or None
            elif (
                isinstance(block, Paragraph)
                and block.line < first_op_line
                and not notes
                and _label(block.text) is None
                and not _code_caption(block, outside[index + 1 : index + 2])
                and not (not texts and _BREADCRUMB.fullmatch(clean_text(block.text).strip()))  # atop the guide
            ):
                if heading is not None:
                    texts.append(f"**{heading}**")
                    heading = None
                texts.append(clean_text(block.text))
            elif isinstance(block, Table):
                declared = self._endpoint_table(service.id, block, texts if service.server is None else [])
                if declared is None:
                    continue
                if service.server is None:
                    service.server = declared
                elif declared.url != service.server.url:
                    self._scoped_endpoints.append((block.line, declared))
        if service.server is None:
            hosts = Counter(s.path.host for s in sections if s.path.host.startswith("http"))
            candidates = self._endpoint_lines(outside, first_op_line, service.id)
            if hosts:
                host, _ = hosts.most_common(1)[0]
                service.server = ServerTemplate(url=host)
                self._finding(
                    "endpoint-from-path",
                    min(s.line.line for s in sections if s.path.host == host),
                    service.id,
                    f"no endpoint table; the server {host} is the host written in the operations' URLs",
                )
            elif self._example_servers:
                line, url = self._example_servers[0]
                service.server = ServerTemplate(url=url)
                self._finding(
                    "endpoint-from-example",
                    line,
                    service.id,
                    f"no endpoint table and no host in the declarations; the server {url} is the host and base path"
                    " of the example call the guide writes in full",
                )
            elif candidates:
                template, codes = _url_template(candidates)
                service.server = ServerTemplate(url=template, pairs=[{"region": c} for c in codes] if codes else [])
                self._finding(
                    "endpoint-from-text",
                    1,
                    service.id,
                    f"no endpoint table; the server {template} is read from the URL(s) written alone in the guide"
                    f" ({', '.join(candidates)}), or after a label naming an endpoint",
                )
        other_hosts = sorted({s.path.host for s in sections if s.path.host.startswith("http")})
        if service.server is not None and len(other_hosts) > 1:
            self._finding(
                "several-hosts",
                1,
                service.id,
                f"operations are written with several hosts ({', '.join(other_hosts)}); the spec's server is "
                f"{service.server.url} and each other host is kept on its operations (servers)",
            )
        if service.server is not None and (
            trimmed := without_repeated_base_path(service.server.url, [s.path.path for s in sections])
        ):
            self._finding(
                "server-path-repeated",
                1,
                service.id,
                f"the endpoint {service.server.url} ends with {trimmed[1]}, which every operation's path starts with;"
                f" the server is {trimmed[0]} (requests would otherwise repeat it)",
            )
            service.server = dataclasses.replace(service.server, url=trimmed[0])
        service.description = "\n\n".join(texts)
        if service.server is None:
            self._finding("no-endpoint", 1, service.id, "the guide has no endpoint table; no servers are emitted")

    def _endpoint_lines(self, outside: list[Block], first_op_line: int, service_id: str) -> list[str]:
        """The endpoint URLs written on lines of their own outside the operations: a URL alone, or after a label
        naming an endpoint (ShortURL: ``API Endpoint: https://...`` under "Basic information", before every
        operation). A labelled endpoint written after some operation is the endpoint of its part of the guide
        (Log & Crash Search: the Log Search API's "Basic Information", after the Collect Log API, which another
        host serves): not the guide's server, said in a ``scoped-endpoint`` finding."""
        urls: list[str] = []
        for block in outside:
            if not isinstance(block, CodeBlock | Paragraph):
                continue
            for raw in clean_text(block.text).split("\n"):
                match = _ENDPOINT_LINE.match(raw)
                if match is None:
                    continue
                if match.group(0).strip() != match.group(1) and block.line > first_op_line:
                    self._scoped_endpoints.append((block.line, ServerTemplate(url=match.group(1))))
                    continue
                urls.append(match.group(1))
        return list(dict.fromkeys(urls))

    def _endpoint_table(self, service_id: str, block: Table, texts: list[str]) -> ServerTemplate | None:
        """The endpoint an endpoint table names (``Region | Endpoint``, ``Environment | URI``), with its regions
        said in ``texts``; None for any other table."""
        header = [re.sub(r"\s+", " ", clean_text(h)).lower() for h in block.header]
        url_col = next((i for i, h in enumerate(header) if any(w in h for w in ENDPOINT_URL_COLUMNS)), None)
        if url_col is None:
            url_col = _uri_endpoint_column(header)
        if url_col is None:
            return None
        region_col = next((i for i, h in enumerate(header) if any(w in h for w in REGION_COLUMNS)), None)
        pairs: list[tuple[str, str]] = []
        for row in block.rows:
            if url_col >= len(row.cells):
                continue
            urls = self._distinct_urls(row.cells[url_col], row.line, service_id)
            regions = (
                [clean_text(r) for r in row.cells[region_col].split("\n") if r.strip()]
                if region_col is not None and region_col < len(row.cells)
                else []
            )
            if regions and len(regions) != len(urls):
                self._finding(
                    "endpoint-table",
                    row.line,
                    service_id,
                    f"{len(regions)} region(s) but {len(urls)} endpoint URL(s); paired in order",
                )
            for i, url in enumerate(urls):
                pairs.append((regions[i] if i < len(regions) else "", url))
        if not pairs:
            return None
        template, codes = _url_template([url for _, url in pairs])
        listing = ", ".join(f"{name} ({code})" if name else code for (name, _), code in zip(pairs, codes, strict=False))
        if listing:
            texts.append(f"Regions: {listing}.")
        if template.startswith("http://"):
            self._finding("plain-http-endpoint", block.line, service_id, f"the endpoint {template} is plain http")
        return ServerTemplate(url=template, pairs=[{"region": c} for c in codes] if codes else [])

    def _distinct_urls(self, cell: str, line: int, service_id: str) -> list[str]:
        """The URLs of an endpoint cell, each once. Floating IP (en): a stray link's target repeats the cell's last
        URLs (``...us1...](https://jp1...<br>https://us1...)``), so six URLs stood beside four regions and no
        region template could be made of them; a URL written again names no other endpoint."""
        urls = [m.group(0).rstrip("/.,)") for m in re.finditer(r"https?://[^\s)<>\]|]+", cell)]
        distinct = list(dict.fromkeys(urls))
        if len(distinct) < len(urls):
            self._finding(
                "endpoint-table",
                line,
                service_id,
                f"the endpoint cell repeats {len(urls) - len(distinct)} of its URL(s) (a stray link's target); each"
                " is read once",
            )
        return distinct

    def _bodies_outside_operations(self, outside: list[Block], read: set[str]) -> None:
        """Push v2.3 'Example of Sending Messages > 7. Rich Messages': a JSON body and the table of its fields
        (``richMessage.buttons``, ...) under a heading of no operation (the Send operation's section ended at the
        sibling heading; none of its rows names the fields or a model that holds them). Which operation's body they
        extend, and where in it, the guide does not say, so they are read into none: a ``body-outside-operations``
        finding names the table, rather than dropping it unsaid. A table naming a field or parameter some operation
        has (a common envelope, ``header.resultCode``; a common path parameter) is read, and said nothing of."""
        titles: dict[int, str] = {}
        has_body, common = False, False
        tables: list[Table] = []
        for block in [*outside, Heading(title="", level=1, line=0)]:
            if isinstance(block, Heading):
                heading = " > ".join(titles[k] for k in sorted(titles))
                for table in tables if has_body and not (common or _COMMON.search(heading)) else []:
                    self._body_outside_operations(table, heading, read)
                titles = {k: v for k, v in titles.items() if k < block.level}
                titles[block.level] = _heading_title(block)
                has_body, common, tables = False, False, []
            elif isinstance(block, CodeBlock) and _has_json_body(block):
                has_body = True
            elif isinstance(block, Paragraph):
                # a label over the table that calls it common (``[Common Data Header of API Response]``): the
                # envelope every operation's response carries, documented once
                common = common or bool(_COMMON.search(clean_text(block.text)))
            elif isinstance(block, Table):
                tables.append(block)

    def _body_outside_operations(self, table: Table, heading: str, read: set[str]) -> None:
        fields = read_field_table(table)
        if fields is None or not fields.has_type_column or not fields.rows:
            return
        if any(re.split(r"[.\[]", row.name)[0] in read for row in fields.rows):
            return
        names = ", ".join(row.name for row in fields.rows[:4]) + (", ..." if len(fields.rows) > 4 else "")
        self._finding(
            "body-outside-operations",
            table.line,
            heading,
            f"the table of fields ({names}) beside a JSON body is in no operation's section, and no operation has"
            " its fields: the guide does not say which operation's body it extends, or where; read into none",
        )

    def _common_auth(self, outside: list[Block], placeholders: set[str]) -> None:
        """Auth headers documented once for the whole guide (a common header table or header listing). A row the
        table places elsewhere (a Path or Query row), or named as a placeholder of the operations' paths (TOAST-Cloud
        framework API's "Common Type" table, ``user-access-key-id | String | 20 characters``, the type of
        ``{user-access-key-id}``), is a parameter's, not a credential header, however key-like its name."""
        for block in outside:
            if isinstance(block, Table):
                table = read_field_table(block)
                if table is None:
                    continue
                for row in table.rows:
                    parameter = row.location not in (None, "header") or row.name.strip().lower() in placeholders
                    if parameter or not self._note_auth_header(row.name, _written_value(row), row.line):
                        self.common_rows.setdefault(row.name.lower(), row)
            elif isinstance(block, CodeBlock):
                for offset, raw in enumerate(block.text.split("\n")):
                    match = _HEADER_ENTRY.match(raw)
                    if match:
                        self._note_auth_header(match.group(1), match.group(2), block.line + offset)

    def _common_headers(self, outside: list[Block]) -> None:
        """The request headers of a table under a heading that calls it common or a header table (GameTalk ``##
        Common > #### HTTP Header``: ``Name | Required | Value`` rows): each a header of every operation. The
        credential (a security scheme), the body's media type (``Content-Type``, ``Accept``: the operation's own
        content says it) and names that are no one header are not; one finding per header."""
        titles: dict[int, str] = {}
        for block in outside:
            if isinstance(block, Heading):
                titles = {k: v for k, v in titles.items() if k < block.level}
                titles[block.level] = _heading_title(block)
                continue
            heading = " > ".join(titles[k] for k in sorted(titles))
            if not isinstance(block, Table) or not (_COMMON.search(heading) and _HEADER_WORD.search(heading)):
                continue
            if _RESPONSE_WORD.search(heading):
                continue  # the response's common header (Certificate Manager ``resultCode``, ...), not a request's
            table = read_field_table(block)
            for row in table.rows if table is not None else []:
                lower = row.name.lower()
                if (
                    not (row.location == "header" or (row.location is None and _EXTENSION_HEADER.fullmatch(row.name)))
                    or lower in _MEDIA_HEADERS
                    or any(lower == name.lower() for name in self.auth_headers)
                    or not _HEADER_TOKEN.fullmatch(row.name)
                    or _NAME_WILDCARD.search(row.name)
                    or any(lower == r.name.lower() for r in self.common_headers)
                ):
                    continue
                self.common_headers.append(row)
                self._finding(
                    "common-header",
                    row.line,
                    heading,
                    f"request header {row.name!r} ({'required' if row.required else 'optional'}) is documented once,"
                    " in the common section; read as a header of every operation that does not document it",
                )

    def _header_from_placeholder(
        self, row: TableRow, placeholder_headers: dict[str, tuple[str, str]], subject: str
    ) -> bool:
        """Notification Hub: ``X-NC-APP-KEY: {appKey}`` / ``X-NHN-Authorization: Bearer {accessToken}`` under the
        request line, and Header rows ``appKey`` / ``accessToken``: a header row named after a placeholder of a
        documented header line (and no header line of its own) documents that header, so the row is renamed to the
        header (its value template kept in the description when it is more than the placeholder). True when the
        row is the value of an auth header, which the security scheme sends: no parameter then."""
        documented = placeholder_headers.get(row.name)
        if documented is None:
            return False
        header, value = documented
        written = f"{header}: {value}"
        if self._note_auth_header(header, value, row.line):
            self._finding(
                "header-from-placeholder",
                row.line,
                subject,
                f"header row {row.name!r} is the placeholder of the documented header line {written!r}: the"
                f" {header} credential, sent by the security scheme; not a parameter",
            )
            return True
        self._finding(
            "header-from-placeholder",
            row.line,
            subject,
            f"header row {row.name!r} is the placeholder of the documented header line {written!r}; read as the"
            f" header {header}",
        )
        if value.strip() != "{" + row.name + "}":
            row.description = "\n".join(t for t in (row.description, f"Sent as '{value}'.") if t)
        row.name = header
        return False

    def _written_headers(
        self,
        section: _Section,
        request: _Part,
        parameters: list[Parameter],
        token_header: dict[str, str],
        subject: str,
    ) -> list[Parameter]:
        """The request headers a guide writes outside every table: lines under the request line (Flowline ``POST
        .../run`` over ``X-NHN-APPKEY: {appkey}``, NKS ``OpenStack-API-Version: container-infra latest``) and the
        entries of a code block under a header label (File Crafter ``- [Header]`` over ``{"x-tc-app-key": "String",
        ...}``, RCS ``[Header]`` over ``"X-TC-APP-KEY" : String``). Each is a string header parameter, required (it
        is written as part of the request) unless its value says optional; its value is the example unless it is a
        placeholder or a type word. A header a table row documents, a credential (a security scheme sends it:
        :meth:`_note_auth_header`) and a media type header (the operation's content says it) give none. One
        ``header-outside-table`` finding per header."""
        written: list[tuple[str, str, int, str]] = [
            (name, value, section.line.line, "the header lines under the request line")
            for name, value in section.line.headers
        ]
        for block in request.header_blocks:
            # a block of header entries only: a call example under a header label (a request line, a body) is none
            for name, value, offset in _header_entries(block.text, any_name=True) or []:
                written.append((name, value, block.line + offset, "the request's header block"))
        have = {p.name.lower() for p in parameters if p.location == "header"}
        credentials = {name.lower() for name in (*self.auth_headers, *token_header)}
        found: list[Parameter] = []
        for name, value, line, place in written:
            lower = name.lower()
            if lower in have or lower in credentials or lower in _MEDIA_HEADERS:
                continue
            if not _HEADER_TOKEN.fullmatch(name) or self._note_auth_header(name, value, line):
                continue
            have.add(lower)
            text = clean_text(value).strip().strip('"').strip()
            optional = bool(_OPTIONAL_WORD.search(text))
            typed = bool(_STRING_WORD.match(text))
            shown = bool(text) and not typed and not optional and not _PLACEHOLDER_VALUE.fullmatch(text)
            schema: dict[str, Any] = {"type": "string"} if typed else {"type": "string", "x-inferred": True}
            found.append(
                Parameter(
                    name,
                    "header",
                    not optional,
                    schema,
                    description=f"Written as '{name}: {text}' with the request." if text else "",
                    example=text if shown else None,
                    has_example=shown,
                    line=line,
                )
            )
            self._finding(
                "header-outside-table",
                line,
                subject,
                f"request header {name!r} is written in {place} ({name}: {text}), in no parameters table; read as"
                f" {'an optional' if optional else 'a required'} string header parameter"
                + ("" if typed else " (its type inferred)"),
            )
        return found

    def _note_auth_header(self, name: str, value: str, line: int) -> bool:
        lower = name.strip().lower()
        kind = _AUTH_HEADERS.get(lower)
        basic = _basic_value(value) if kind == "bearerToken" else None
        if basic is not None:
            # TOAST-Cloud user-access-key-token: ``Authorization | Basic Base64(UserAccessKeyID:SecretAccessKey)``
            kind, value = "basicAuth", basic
        elif kind == "bearerToken" and "bearer" not in value.lower():
            kind = "authorizationHeader"
        if kind is None and _SECRET_HEADER.search(lower) and "-" in lower:
            kind = "apiKeyHeader"
        if kind is None:
            return False
        self.auth_headers.setdefault(name.strip(), (kind, line))
        self._auth_values.setdefault(name.strip(), clean_text(value).strip())
        self._auth_places.setdefault(name.strip(), {}).setdefault(self._reading_operation, line)
        return True

    def _security(self, service: Service, token_header: dict[str, str]) -> None:
        schemes: dict[str, Any] = {}
        requirement: dict[str, list[str]] = {}
        for header_name in token_header:
            self.auth_headers.setdefault(header_name, ("keystoneToken", 1))
        for header_name, (kind, line) in sorted(self.auth_headers.items(), key=lambda kv: kv[0].lower()):
            if kind == "keystoneToken":
                token_url = next(
                    (
                        m.group(0)
                        for b in self.document.blocks
                        if isinstance(b, Paragraph)
                        for m in [_TOKEN_URL.search(b.text)]
                        if m
                    ),
                    None,
                )
                if token_url is None:
                    token_url = DEFAULT_TOKEN_URL
                    self._finding(
                        "assumed-token-url",
                        1,
                        service.id,
                        f"the guide does not name the identity endpoint; the token URL {DEFAULT_TOKEN_URL} is assumed",
                    )
                schemes["keystoneToken"] = {
                    "type": "apiKey",
                    "in": "header",
                    "name": header_name,
                    "description": "Keystone token issued by the NHN Cloud identity service (POST /v2.0/tokens),"
                    f" sent as {header_name}.",
                    "x-token-url": token_url,
                }
                requirement["keystoneToken"] = []
            elif kind == "userAccessKeyToken":
                schemes["userAccessKeyToken"] = {
                    "type": "apiKey",
                    "in": "header",
                    "name": header_name,
                    "description": "'Bearer {token}': a token issued for a User Access Key ID and Secret Access Key"
                    f" (POST {USER_ACCESS_KEY_TOKEN_URL}), sent as {header_name}.",
                    "x-token-endpoint": USER_ACCESS_KEY_TOKEN_URL,
                }
                requirement["userAccessKeyToken"] = []
            elif kind == "basicAuth":
                written = self._auth_values.get(header_name, "")
                schemes["basicAuth"] = {
                    "type": "http",
                    "scheme": "basic",
                    "description": f"HTTP basic authentication, as the guide documents the {header_name} header"
                    f" ({written!r}).",
                }
                requirement["basicAuth"] = []
                self._finding(
                    "auth-header",
                    line,
                    service.id,
                    f"request header {header_name!r} is written {written!r}: HTTP basic authentication (a user and"
                    " a password the client encodes), read as an http basic security scheme",
                )
            else:
                scheme = _scheme_name(header_name)
                schemes[scheme] = {
                    "type": "apiKey",
                    "in": "header",
                    "name": header_name,
                    "description": f"Credential the guide documents as the {header_name} request header.",
                }
                requirement[scheme] = []
                self._finding(
                    "auth-header",
                    line,
                    service.id,
                    f"request header {header_name!r} carries a credential; read as an apiKey security scheme",
                )
        if not schemes:
            text = " ".join(clean_text(b.text) for b in self.document.blocks if isinstance(b, Paragraph)).lower()
            if any(w in text for w in ("token", "secret", "access key", "인증")):
                self._finding(
                    "unrecognised-auth",
                    1,
                    service.id,
                    "the guide speaks of authentication but documents no credential header the dialect knows;"
                    " no security scheme is emitted",
                )
            return
        service.components_extra = {"securitySchemes": schemes}
        scoped = self._operation_security(service, schemes)
        if scoped:
            return
        service.security = [requirement]
        self._token_endpoints(service, schemes, requirement)

    def _operation_security(self, service: Service, schemes: dict[str, Any]) -> bool:
        """Whether the credentials are each documenting operation's own security, not the document's: so when the
        guide documents them only inside operations, and in half of them or fewer (Deploy @ 73d1f55: the new "Run
        Deployment" alone documents X-TC-AUTHENTICATION-ID/-SECRET; as the document's security they were required
        on the binary uploads too, which show none, and on the previous API version's spec). A guide documenting
        them in most operations keeps them for all (an operation that leaves its headers out is more likely
        terse than open)."""
        by_scheme = {
            name: header
            for name, scheme in schemes.items()
            for header in self._auth_places
            if scheme.get("in") == "header" and str(scheme.get("name", "")).lower() == header.lower()
        }
        if len(by_scheme) != len(schemes) or any(None in self._auth_places[h] for h in by_scheme.values()):
            return False  # a credential the guide documents for every call (or one no header carries)
        documenting: dict[int, dict[str, int]] = {}
        for name, header in by_scheme.items():
            for index, line in self._auth_places[header].items():
                if index is not None:
                    documenting.setdefault(index, {})[name] = line
        # the operation that issues a token sends none (TOAST-Cloud's token guides): it shows no omission
        issuing = sum(1 for op in service.operations if _token_issued(service, op, schemes) is not None)
        if not documenting or 2 * len(documenting) > len(service.operations) - issuing:
            return False
        for index, names in sorted(documenting.items()):
            operation = service.operations[index]
            for version in operation.versions.values():
                version.security = [{name: [] for name in sorted(names)}]
            self._finding(
                "operation-security",
                min(names.values()),
                operation.title,
                f"{operation.title} documents the credential header(s) {', '.join(by_scheme[n] for n in names)};"
                f" {len(documenting) - 1} other operation(s) of the guide do,"
                f" {len(service.operations) - len(documenting)} other(s) show none and no common section"
                " documents them: read as this operation's own security, not the document's",
            )
        return True

    def _token_endpoints(self, service: Service, schemes: dict[str, Any], requirement: dict[str, list[str]]) -> None:
        """The operation that issues a scheme's token (``POST /v2.0/tokens``, ``POST /oauth2/token/create``: its
        method and path, and its host where the guide names one) does not require that token: TOAST-Cloud's token
        guides document the token endpoint beside the calls, or the "use the token" example, that send it, and
        the whole document required it, so a client could not ask for a token without one."""
        for operation in service.operations:
            name = _token_issued(service, operation, schemes)
            if name is None:
                continue
            rest = {k: v for k, v in requirement.items() if k != name}
            for version in operation.versions.values():
                version.security = [rest] if rest else []
                self._finding(
                    "token-endpoint",
                    version.source.line,
                    operation.title,
                    f"{operation.method.upper()} {operation.path} issues the {name} token the guide's other"
                    " calls send; it does not require it"
                    + (f" (its security: {', '.join(rest)})" if rest else " (no security)"),
                )

    def _hosts(self, service: Service) -> None:
        """An operation written with a host other than the service's server keeps it as its own server."""
        server = service.server.url if service.server is not None else ""
        pattern = re.compile("^" + re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(server)) + "$") if server else None
        for op in service.operations:
            for entry in op.versions.values():
                host = entry.extensions.pop("x-host", None)
                if host and pattern is not None and not pattern.match(str(host)):
                    entry.extensions["servers"] = [{"url": host}]

    def _scoped_servers(self, service: Service, built: list[tuple[_Section, Operation]], title: int | None) -> None:
        """Each endpoint a part of the guide declares for itself (:mod:`.endpoint_parts`) is the server of the
        operations in that part that name no host of their own; a ``scoped-endpoint`` finding says which."""
        lines = [section.line.line for section, _ in built]
        declared = sorted(self._scoped_endpoints, key=lambda item: item[0])
        skip = self.document.blocks[title] if title is not None else None
        for index, (line, template) in enumerate(declared):
            if service.server is not None and template.url == service.server.url:
                continue  # the guide's own server, written again
            following = declared[index + 1][0] if index + 1 < len(declared) else None
            part = part_of(line, self.document.blocks, lines, following, skip)
            served = [op for section, op in built if part.holds(section.line.line) and not _has_host(section)]
            for op in served:
                for entry in op.versions.values():
                    entry.extensions["servers"] = [template.as_openapi()]
            self._finding(
                "scoped-endpoint",
                line,
                service.id,
                f"the endpoint {template.url} is declared for its part of the guide ({part.describe()}), not for the"
                f" whole guide: it serves the {len(served)} operation(s) there{_titles(served)}",
            )

    def _client_parameters(self, service: Service) -> None:
        """Path parameters every operation shares (the tenant, the app key) are set once on the client."""
        per_op = [
            {p.name for v in op.versions.values() for p in v.parameters if p.location == "path"}
            for op in service.operations
        ]
        shared = set.intersection(*per_op) if len(per_op) >= 2 else {"tenantId"} & (per_op[0] if per_op else set())
        app_keys = {n for names in per_op for n in names if n.lower() in ("appkey", "app_key", "tenantid")}
        for op in service.operations:
            for version in op.versions.values():
                for param in version.parameters:
                    if param.location == "path" and (param.name in shared or param.name in app_keys):
                        param.extensions["x-client-parameter"] = True

    def _format_drift(self, service: Service) -> None:
        seen: dict[tuple[str, str], tuple[str, Parameter]] = {}
        for op in service.operations:
            for version in op.versions.values():
                for param in version.parameters:
                    key = (param.location, param.name)
                    fmt = json.dumps(param.schema.get("format"))
                    if key in seen and seen[key][0] != fmt:
                        self._finding(
                            "format-drift",
                            param.line,
                            op.title,
                            f"{param.location} parameter {param.name!r} has format {param.schema.get('format')} here"
                            f" but {seen[key][1].schema.get('format')} elsewhere; kept as documented",
                        )
                    seen.setdefault(key, (fmt, param))

    # -------------------------------------------------------------------------------------------- operations

    def _parts(self, section: _Section, title: str) -> dict[str, _Part]:
        parts: dict[str, _Part] = {}
        part = "request"
        location: str | None = None
        samples = {id(self.document.blocks[index]) for _path, index in section.samples}
        caption = ""
        media = ""
        alternative, alternative_level = "", 0
        for block in [piece for whole in section.blocks for piece in self._cut_at_label_rows(whole, title)]:
            if block is self.document.blocks[section.line.block]:
                xml = _xml_body(block)
                if xml is not None:
                    # Data Lake Storage DeleteObjects: ``POST /{bucket}?delete HTTP/1.1``, a blank line, then the
                    # XML body: the request's example, which says the body is XML
                    parts.setdefault(part, _Part()).examples.append(xml)
                continue
            if id(block) in samples:
                # a sample request: its request line and headers are not an example body, what follows may be
                body = _sample_body(block)
                if body is not None and location in (None, "body"):
                    parts.setdefault(part, _Part()).examples.append(body)
                continue
            said = (
                _heading_title(block)
                if isinstance(block, Heading)
                else block.text if isinstance(block, Paragraph) and _MEDIA_LABEL.match(block.text) else ""
            )
            named = _MEDIA_LABEL.fullmatch(clean_text(said)) if said else None
            if named is not None and part == "request" and (isinstance(block, Heading) or "type" in said.lower()):
                # Face Liveness: "#### Content-Type: application/json" and "#### Content-Type: multipart/form-data"
                # over a table each, after a [Path Variable] table: the body's fields in that media type
                caption, media, location = named.group(0), named.group(1).lower(), "body"
                continue
            if isinstance(block, Heading):
                caption = _heading_title(block)
                media = ""
                label = _label(caption)
                if label is not None:
                    if label.part is not None and label.part != part:
                        alternative, alternative_level = "", 0  # the request's ways are not the response's
                    part = label.part or part
                    location = label.location
                    if label.qualifier and part in ("request", "response"):
                        # SMS: "#### Response (Statistics criteria: Default Value)", then "... (Statistics criteria
                        # added)": each qualified label starts one way the part is documented
                        alternative, alternative_level = label.qualifier, block.level
                        self._finding(
                            "qualified-label",
                            block.line,
                            title,
                            f"the heading {caption!r} is read as the {part} label, for the case"
                            f" {label.qualifier!r}; the tables and examples under it, and under the headings after"
                            " it that name the same case, document that case",
                        )
                elif _same_case(caption, alternative):
                    # "#### Statistical Event Objects (Statistics criteria added)" after "#### Response (Statistics
                    # criteria added)": more of the same way
                    pass
                elif part in ("request", "response") and (not alternative or block.level <= alternative_level):
                    # a heading below the alternative's (##### under ####) is a note on it, not another way
                    alternative, alternative_level = caption, block.level
                continue
            if isinstance(block, Paragraph):
                label = _label(block.text)
                if label is not None:
                    caption = clean_text(block.text)
                    media = ""
                    if part == "failure" and label.part == "response" and label.location is not None:
                        # Certificate Manager: "#### 失敗レスポンス" (failure response) over "[Response Header]" and
                        # "[Response Body]": the failure's header and body, not the success response's again
                        label = _Label(None, label.location, label.qualifier)
                    if label.part is not None:
                        if label.part != part:
                            alternative, alternative_level = "", 0
                        part = label.part
                    location = label.location
                    if part == "response" and _COMMON_ONLY.fullmatch(caption):
                        # OTP: "### 응답" over "공통 응답 본문" (common response body) alone: the label is what the
                        # response says, that its body is the guide's common one (:meth:`_responses`)
                        parts.setdefault(part, _Part()).paragraphs.append(block)
                    continue
                if _MODEL_NAME.fullmatch(clean_text(block.text)):
                    # a model's name alone over its table (Resource Watcher: ``- Alarm <a id="...">`` under the
                    # body table whose ``alarm`` row is typed ``[Alarm](#...)``): the table's caption
                    caption = clean_text(block.text)
                parts.setdefault(part, _Part()).paragraphs.append(block)
            elif isinstance(block, Table):
                parts.setdefault(part, _Part()).tables.append((block, location))
                parts[part].captions[id(block)] = caption
                parts[part].alternatives[id(block)] = alternative
                if media:
                    parts[part].media[id(block)] = media
                caption = ""
            elif (
                isinstance(block, CodeBlock)
                and location is None
                and part == "request"
                and _header_entries(block.text, any_name=False) is not None
            ):
                # File Crafter's pipe rendering dropped the "- [Header]" label over {"x-tc-app-key": "String",
                # "x-secret-key": "String"}: an object of header names alone is the request's headers, not its body
                parts.setdefault(part, _Part()).header_blocks.append(block)
                self._finding(
                    "header-block",
                    block.line,
                    title,
                    "a request code block whose every entry is a header name (X-... or a credential header) is read"
                    " as the request's headers, not as its body",
                )
            elif isinstance(block, CodeBlock) and location in (None, "body"):
                parts.setdefault(part, _Part()).examples.append(block)
                parts[part].alternatives[id(block)] = alternative
            elif isinstance(block, CodeBlock) and location == "header":
                parts.setdefault(part, _Part()).header_blocks.append(block)
        return parts

    def _cut_at_label_rows(self, block: Block, title: str) -> list[Block]:
        """``block``, or, for a table one of whose rows is a label alone (Word Suggestion: ``| words | Array |
        Required | ... |`` then ``[Response Body]`` on the next line, which Markdown makes a row of the table), the
        table up to that row, the label, and a table of the rows after it (under the same header), with a finding."""
        if not isinstance(block, Table):
            return [block]
        pieces: list[Block] = []
        rows: list[Row] = []
        for row in block.rows:
            text = row.cells[0].strip() if row.cells else ""
            label = _label(text) if text.startswith("[") and not any(c.strip() for c in row.cells[1:]) else None
            if label is None or (label.part is None and label.location is None):
                rows.append(row)
                continue
            self._finding(
                "label-row",
                row.line,
                title,
                f"the label {clean_text(text)!r} is written as a row of the table above it (no blank line between"
                " them); read as a label after the table",
            )
            if rows:
                pieces.append(Table(header=block.header, rows=tuple(rows), line=block.line))
            pieces.append(Paragraph(text=text, line=row.line))
            rows = []
        if not pieces:
            return [block]
        if rows:
            pieces.append(Table(header=block.header, rows=tuple(rows), line=rows[0].line))
        return pieces

    def _alternative_schema(
        self,
        alternatives: list[tuple[str, list[FieldRow]]],
        request: _Part,
        example: Any,
        section: _Section,
        subject: str,
    ) -> JsonSchema:
        """One schema per way the request body is documented, as ``oneOf``, each titled by its heading; the request
        example shapes the one whose heading it sits under."""
        shown = request.alternatives.get(id(request.examples[0]), "") if request.examples else ""
        members: list[JsonSchema] = []
        for name, rows in alternatives:
            tree = FieldTree(rows, page=self.page, subject=subject, findings=self.findings, line=rows[0].line)
            if example is not None and name == shown:
                tree.observe(example)
            members.append({"title": name, **tree.schema(self._enum_resolver(section.group, subject))})
        self._finding(
            "alternative-bodies",
            alternatives[0][1][0].line,
            subject,
            f"the request body is documented {len(alternatives)} ways, each under a heading of its own"
            f" ({', '.join(repr(name) for name, _ in alternatives[:4])}{', ...' if len(alternatives) > 4 else ''}),"
            " with fields in common; read as one of them (oneOf)",
        )
        return {"oneOf": members}

    def _response_under_the_request(self, parts: dict[str, _Part], method: str, title: str) -> None:
        """Security Monitoring (ja): a GET's ``#### リクエスト`` holds its ``[パラメータ]`` table, then the response
        JSON and its ``[フィールド]`` table, and no response heading follows. A GET or HEAD sends no body, so with no
        response part its JSON example, and every table from it on, are the response; the tables above it stay
        the request's parameters."""
        request = parts.get("request")
        if "response" in parts or method not in ("GET", "HEAD") or request is None:
            return
        example: Block | None = next((block for block in request.examples if _has_json_body(block)), None)
        if self._response_table_under_the_request(
            parts, request, method, title, before=example.line if example is not None else None
        ):
            return
        if example is None:
            # Private DNS 'View Private DNS Zone': no response heading and no example; after the parameters, a
            # table of Body rows with no Required column (what a response table looks like): the response
            example = next((table for table, _ in request.tables if _response_like(table)), None)
            if example is None:
                return
        response = parts["response"] = _split_off_response(request, example.line)
        said = (
            "a JSON body and no response section: the example"
            + (f" and the {len(response.tables)} table(s) after it" if response.tables else "")
            if isinstance(example, CodeBlock)
            else f"a table of body fields with no Required column and no response section: the {len(response.tables)}"
            " table(s) from it on"
        )
        self._finding(
            "response-under-request", example.line, title, f"a {method} documents {said} read as the response"
        )

    def _response_table_under_the_request(
        self, parts: dict[str, _Part], request: _Part, method: str, title: str, before: int | None = None
    ) -> bool:
        """Compute (en, the space-joined text rendering): the response heading and the example's bracket-only lines
        are gone, so a GET's ``Request`` section holds its ``Name Type Format Required Description`` parameter table,
        then the response's ``Name Type Format Description`` table of Body rows. A GET or HEAD sends no body: with
        no response part, a field table after one with a required column, itself with none and no row placed
        anywhere but the body, starts the response (as the pipe reader's rule for back-to-back tables,
        :func:`scraper.readers.nhn_pipe._response_start`); it and every block after it are the response. With
        ``before`` (the line of the request part's JSON example, rebuilt from its remaining lines), only a table above
        it counts: the example under the response table is the response's too. Says whether it found one."""
        required_seen = False
        start: Table | None = None
        for table, location in request.tables:
            read = read_field_table(table)
            if read is None or not read.rows:
                continue
            if "required" in read.roles:
                required_seen = True
                continue
            places = {row.location for row in read.rows}
            if before is not None and table.line > before:
                break
            if required_seen and location in (None, "body") and places <= {None, "body"}:
                start = table
                break
        if start is None:
            return False
        response = parts["response"] = _split_off_response(request, start.line)
        self._finding(
            "response-under-request",
            start.line,
            title,
            f"a {method} documents a field table of body rows with no required column after its parameters' table"
            f" with one, and no response section: the {len(response.tables)} table(s) from it on read as the"
            " response",
        )
        return True

    def _request_tables_after_the_response(self, parts: dict[str, _Part], title: str) -> None:
        """Push writes the request's field table after the response example (``##### Request Body`` JSON,
        ``##### Response Body`` JSON, then ``target.type | Required, String | ...``): a table under the response
        whose fields are the request example's keys and none of the response example's documents the request.
        Decided by the examples' keys, so a response table of fields the example nests (``token.deviceId``
        written ``deviceId``) stays where it is."""
        request, response = parts.get("request"), parts.get("response")
        if request is None or response is None or not request.examples or not response.examples:
            return
        # JSON bodies only: a curl command under "##### Example" carries the request's keys in its -d argument
        asked = {k for block in request.examples if _has_json_body(block) for k in _JSON_KEY.findall(block.text)}
        answered = {k for block in response.examples if _has_json_body(block) for k in _JSON_KEY.findall(block.text)}
        if not asked or not answered:
            return
        for table, location in list(response.tables):
            read = read_field_table(table) if location in (None, "body") else None
            if read is None or not read.rows:
                continue
            roots = {r.name.split(".")[0] for r in read.rows}
            segments = {segment for r in read.rows for segment in r.name.split(".")}
            if len(roots & asked) * 2 <= len(roots) or segments & answered:
                continue
            response.tables.remove((table, location))
            request.tables.append((table, None))  # the response label's location is no request location
            request.captions[id(table)] = response.captions.pop(id(table), "")
            self._finding(
                "request-table-placed",
                table.line,
                title,
                f"the table after the response example names the request example's fields"
                f" ({', '.join(sorted(roots & asked)[:4])}, ...) and none of the response's; read as the request's",
            )

    def _operation(self, section: _Section, version: str, token_header: dict[str, str]) -> Operation:
        heading_title = _heading_title(section.heading) if section.heading is not None else ""
        if section.heading is not None and section.heading.inferred and not section.named:
            self._inferred_title(section)
        title = section.named or heading_title or f"{section.line.method} {section.path.path}"
        method, path = section.line.method, section.path.path
        subject = title
        parts = self._parts(section, title)
        self._request_tables_after_the_response(parts, title)
        self._response_under_the_request(parts, section.line.method, title)
        headers = dict(section.line.headers)
        for name, value in headers.items():
            placeholder = re.fullmatch(r"\{(\w+)\}", value.strip())
            if name.lower() == "x-auth-token" and placeholder:
                token_header[name] = placeholder.group(1)
                self._auth_places.setdefault(name, {}).setdefault(self._reading_operation, section.line.line)
            else:
                self._note_auth_header(name, value, section.line.line)
        token_params = {v: k for k, v in token_header.items()}
        placeholder_headers = _placeholder_headers(section.line.headers)
        request = parts.get("request", _Part())
        for block in request.header_blocks:
            # File Crafter: "- [Header]" over {"x-tc-app-key": "String", "x-secret-key": "String"} and no header
            # table: a credential the block names is the operation's, as one a common header block names is the
            # guide's (:meth:`_common_auth`)
            for offset, entry_line in enumerate(block.text.split("\n")):
                written = _HEADER_ENTRY.match(entry_line)
                if written:
                    self._note_auth_header(written.group(1), written.group(2), block.line + offset)
        response = parts.get("response")
        parameters: list[Parameter] = []
        body_rows: list[FieldRow] = []
        placeholders = _PATH_PARAM.findall(path) + list(section.renames)
        placeholder_names = {p.lower() for p in placeholders}
        query_written = {name for name, _value in section.path.query}
        url_query: list[str] = []
        row_alternative: dict[int, str] = {}  # index in body_rows -> the heading its table sits under
        body_media = next(iter(request.media.values()), None)
        for table, label_location, rows in self._with_models(request, subject):
            other_media = request.media.get(id(table))
            if other_media is not None and other_media != body_media:
                # the body documented again in another media type: the first one is the request's body
                self._finding(
                    "alternative-body",
                    table.line,
                    subject,
                    f"the body is documented in {body_media} and again in {other_media} (this table); the"
                    f" {body_media} one is read, this one is not",
                )
                continue
            if self._value_table(rows, request.captions.get(id(table), ""), parameters, body_rows, subject):
                continue
            caption = request.captions.get(id(table), "")
            if (
                rows
                and (parameters or body_rows)
                and label_location is None
                and caption
                and _label(caption) is None
                and all(not r.type_text.strip() and r.location is None for r in rows)
            ):
                # Object Storage 'Copy an Object': "##### Preserve Object Properties" over 'Name | Description'
                # rows X-Delete-At, X-Object-Worm-Retain-Until, X-Object-Meta-{key} after the request's own table:
                # what the copy keeps, not headers to send
                self._finding(
                    "table-skipped",
                    table.line,
                    subject,
                    f"names-and-descriptions table under {caption!r} ({', '.join(r.name for r in rows[:3])}) follows"
                    " the request's own table and gives no type or location: a note on the request, not parameters;"
                    " not read",
                )
                continue
            for row in rows:
                row.name = section.renames.get(row.name, row.name)
                location, explicit = self._location(row, label_location, placeholders, method, "request")
                if (
                    (location == "path" or (location == "body" and not explicit))
                    and row.name in query_written
                    and row.name.lower() not in placeholder_names
                ):
                    # Push: "##### Method, URL" over "GET .../invalid-tokens?pageIndex={pageIndex}&..." and rows
                    # "pageIndex | Optional, Number": a URL's rows document its query string as well as its path;
                    # Gamebase: "POST .../authKeys?authSystem={authSystem}" and a "[Request Parameter]" row
                    # "authSystem" with no location, beside a body that is a JSON array
                    location = "query"
                    url_query.append(row.name)
                if location == "body":
                    bodyless = method in _BODYLESS and not explicit and not any(map(_has_json_body, request.examples))
                    sent = _curl_json_keys(request.examples) if bodyless and method == "DELETE" else set()
                    if _root_name(row.name) in sent:
                        # Word Suggestion 'Delete Word API': the only request example is "curl -X DELETE ...
                        # --data-raw '{"words": [...]}'" over the row "words | Array | Required": the DELETE sends
                        # the row in a JSON body, as the guide's own call does
                        bodyless = False
                        self._finding(
                            "body-from-curl",
                            row.line,
                            subject,
                            f"{row.name!r} has no location; the {method}'s only request example, a curl command,"
                            " sends it as a member of a JSON body: read as a body field",
                        )
                    if bodyless:
                        location = "query"
                        self._finding(
                            "body-row-as-query",
                            row.line,
                            subject,
                            f"{row.name!r} has no location and a {method} takes no body; read as a query parameter",
                        )
                    else:
                        default, has_default = _default(row.default or _described(row), row.type.kind, row.default)
                        row_alternative[len(body_rows)] = request.alternatives.get(id(table), "")
                        body_rows.append(
                            FieldRow(
                                row.name,
                                _declared(row),
                                row.required,
                                row.description,
                                row.line,
                                default,
                                has_default,
                                schema=self._sent_row_schema(row, subject),
                                element=row.element,
                                note=row.constraint_note,
                                written_type=row.type_text,
                                indexes=row.indexes,
                                stated_values=_stated_values(row, sent=True),
                                sent=True,
                            )
                        )
                        continue
                if location == "header":
                    if row.name in token_params:
                        continue
                    if self._header_from_placeholder(row, placeholder_headers, subject):
                        continue
                    if self._note_auth_header(row.name, _written_value(row), row.line):
                        continue
                    if self._method_row(row, method, subject):
                        continue
                    if not _HEADER_TOKEN.fullmatch(row.name) or _NAME_WILDCARD.search(row.name):
                        # ``X-Object-Meta-{Key}``, ``x-amz-meta-*``: a family of headers the caller names
                        self._finding(
                            "header-pattern",
                            row.line,
                            subject,
                            f"header {row.name!r} is not one header name (RFC 9110 token) but a pattern or prose;"
                            " not a parameter"
                            + (f" (documented: {clean_text(row.description)})" if row.description.strip() else ""),
                        )
                        continue
                parameters.append(self._parameter(subject, row, location))
        parameters.extend(self._written_headers(section, request, parameters, token_header, subject))
        if url_query:
            self._finding(
                "url-row-as-query",
                section.line.line,
                subject,
                f"rows placed in the URL or given no location that are no placeholder of the path but are written in"
                f" its query string ({', '.join(url_query)}); read as those query parameters",
            )
        self._query_from_path(section, parameters, subject)
        own_headers = {p.name.lower() for p in parameters if p.location == "header"}
        parameters.extend(
            self._parameter(subject, row, "header")
            for row in self.common_headers
            if row.name.lower() not in own_headers
        )
        for param in parameters:
            self._integral_number(param, subject)
        for param in [p for p in parameters if p.location in ("query", "header") and _is_family(p.name)]:
            parameters.remove(param)
            self._finding(
                "parameter-family",
                param.line,
                subject,
                f"row {param.name!r} documents a family of {param.location} parameters ({param.name}<name>), not one"
                " parameter; not a parameter of its own",
            )
        parameters = self._dedupe_parameters(parameters, subject)
        request_example = self._example(request, subject, "request")
        if not request.pseudo:
            body_rows = self._reroot_body(body_rows, request_example, subject)
        body_names = {r.path.split(".")[0].split("[")[0] for r in body_rows}
        if isinstance(request_example, dict):
            body_names |= set(request_example)
        self._check_path_params(subject, path, parameters, section.line.line, section.path.alternatives, body_names)
        request_body = None
        if body_rows or request_example is not None:
            alternatives = _alternative_bodies(body_rows, row_alternative)
            tree = FieldTree(
                [] if alternatives else body_rows,
                page=self.page,
                subject=subject,
                findings=self.findings,
                line=request.examples[0].line if request.examples else section.line.line,
                spellings=self._spellings,
            )
            if alternatives:
                schema = self._alternative_schema(alternatives, request, request_example, section, subject)
            else:
                if request_example is not None:
                    tree.observe(request_example)
                schema = tree.schema(self._enum_resolver(section.group, subject))
            # a member the body requires, documented or implied (rows read under a wrapper no row documents)
            required = bool(schema.get("required")) or any(r.required for r in body_rows if "." not in r.path)
            required = required or not body_rows or request.body_required
            media = "application/xml" if request.xml else "application/json"
            raw = _raw_body_row(body_rows) if request_example is None and not alternatives else None
            if raw is not None:
                # Data Lake Storage PutObject: "Body | Binary | Y | Object data", the one row of the request body:
                # the body is the object's bytes, not a form with a part named "Body"
                media = "application/octet-stream"
                schema = {**(raw.schema or {}), **({"description": raw.description} if raw.description else {})}
                self._finding(
                    "raw-body",
                    raw.line,
                    subject,
                    f"the request body's one row {raw.path!r} is {raw.written_type or raw.data_type}: the body is"
                    " those bytes (application/octet-stream), not a form with a part of that name",
                )
            elif any(r.schema and r.schema.get("format") == "binary" for r in body_rows):
                media = "multipart/form-data"
            # E-mail 'Upload attachment': ``fileBody | Byte[]`` (a file part) but the curl sends ``-H 'Content-Type:
            # application/json'`` and ``"fileBody": []``: the command says how the body goes when nothing else does
            documented = (
                self._documented_content_type(headers, parameters)
                or body_media
                or documented_media_type(request.header_blocks)
                or request.curl_media
                or None
            )
            if documented is not None:
                documented, repaired = repair_media_type(documented)
                if repaired is not None:
                    self._finding("media-type-repaired", section.line.line, subject, repaired)
            if documented is not None and documented != media:
                self._finding(
                    "body-media-type",
                    section.line.line,
                    subject,
                    f"the request documents Content-Type {documented}; the body is sent as {documented}, not {media}",
                )
                media = documented
            request_body = RequestBody(schema=schema, required=required, media_type=media)
            if method in _BODYLESS and method != "DELETE":
                self._finding("body-on-bodyless", section.line.line, subject, f"a {method} is documented with a body")

        else:
            request_body = self._form_body(request, headers, parameters, section, subject)

        responses, example_response = self._responses(method, subject, response, section, path)
        source = self._source(title, section.heading.line if section.heading is not None else section.line.line)
        entry = OperationVersion(
            version=version,
            method=method,
            path=path,
            summary=title,
            description="\n\n".join(section.description),
            status="CURRENT",
            source=source,
            parameters=parameters,
            request_body=request_body,
            responses=responses,
            example_request=ExampleRequest(
                path=path,
                headers=dict(headers),
                body=None if request.pseudo else request_example,
                has_body=request_example is not None and not request.pseudo,
                line=section.line.line,
            ),
            example_response=example_response,
            tags=[section.group] if section.group else [],
            doc_version=version,
        )
        if section.path.host.startswith("http"):
            entry.extensions["x-host"] = section.path.host
        return Operation(title=title, method=method, path=path, versions={version: entry}, variant=section.variant)

    def _inferred_title(self, section: _Section) -> None:
        """Name an operation whose heading the reader rebuilt (the page lost its headings): after the line the
        reader took for its heading kept as plain text, else the API list that lists it, else its method and path;
        a finding says the title was inferred, and from what."""
        if self._summary is None:
            self._summary = summary_names(self.document.blocks)
        assert section.heading is not None
        listed = self._summary.get((section.line.method, section.path.path), "")
        kept = _heading_title(section.heading)  # a heading the page kept as a plain line (the cell-line rendering)
        section.named = kept or listed or f"{section.line.method} {section.path.path}"
        source = (
            "the plain line the page kept its heading as"
            if kept
            else "the API list that lists it" if listed else "its method and path"
        )
        self._finding(
            "title-inferred",
            section.line.line,
            section.named,
            f"no heading names the operation ({section.heading.inferred}); titled {section.named!r} after {source}",
        )

    def _form_body(
        self, request: _Part, headers: dict[str, str], parameters: list[Parameter], section: _Section, subject: str
    ) -> RequestBody | None:
        """A request with no field table and no JSON example whose body the guide shows as a form's parts
        (:mod:`.form_bodies`: Certificate Manager's ``Content-Type:multipart/form-data`` header block over ``file:
        {file}``, curl's ``-F`` flags): a form body of those parts, inferred, with a finding. Lines of ``name:
        value`` are a form only where the request documents a form media type; curl's ``-F`` sends multipart."""
        found = form_parts(request.examples)
        documented = (
            self._documented_content_type(headers, parameters)
            or next(iter(request.media.values()), None)
            or documented_media_type(request.header_blocks)
            or request.curl_media
            or (documented_media_type(request.examples) if found is not None and found.multipart else None)
        )
        if found is None:
            upload = uploaded_file(request.examples) if documented not in FORM_MEDIA_TYPES else None
            if upload is not None:
                return self._upload_body(upload, documented or documented_media_type(request.examples), subject)
            if documented not in FORM_MEDIA_TYPES:
                return None
            # a form the guide names but whose parts it does not list: still a form, of parts unknown
            self._finding(
                "form-body",
                section.line.line,
                subject,
                f"the request documents Content-Type {documented} but no part of it (no field table, no example);"
                " the body is a form of any parts",
            )
            return RequestBody(schema={"type": "object", "x-inferred": True}, required=True, media_type=documented)
        if documented not in FORM_MEDIA_TYPES:
            if not found.multipart:
                return None
            documented = "multipart/form-data"
        files = [p.name for p in found.parts if p.file]
        if documented == "application/x-www-form-urlencoded" and files:
            documented = "multipart/form-data"  # a file part cannot be sent urlencoded
        self._finding(
            "form-body",
            found.line,
            subject,
            f"no field table or JSON example; the request body is read from {found.how} as a {documented} form of"
            f" {len(found.parts)} part(s): {', '.join(p.name for p in found.parts)}"
            + (f"; file part(s) {', '.join(files)} (format: binary), required" if files else "")
            + "; the other parts strings, optional (inferred)",
        )
        return RequestBody(schema=form_schema(found.parts), required=True, media_type=documented)

    def _upload_body(self, upload: UploadedFile, documented: str | None, subject: str) -> RequestBody:
        """The body of a request whose command uploads a file (:mod:`.upload_bodies`): that file's bytes, a binary
        string of the documented media type (``application/octet-stream`` when none is). A JSON media type says
        the file is a JSON document the guide does not show (``--data-binary @body.json``): any JSON value then."""
        if documented is not None and (documented == "application/json" or documented.endswith("+json")):
            self._finding(
                "raw-body",
                upload.line,
                subject,
                f"no field table or JSON example; the request's command sends the file {upload.name!r}"
                f" ({upload.flag}) as {documented}: a JSON document the guide does not show, any JSON value (inferred)",
            )
            return RequestBody(schema={"x-inferred": True}, required=True, media_type=documented)
        self._finding(
            "raw-body",
            upload.line,
            subject,
            f"no field table or JSON example; the request's command sends the file {upload.name!r} ({upload.flag}):"
            f" the body is a file's bytes ({documented or 'application/octet-stream'}"
            + ("" if documented else ", no other media type documented")
            + "), required (inferred)",
        )
        schema = {"type": "string", "format": "binary", "x-inferred": True}
        return RequestBody(schema=schema, required=True, media_type=documented or "application/octet-stream")

    @staticmethod
    def _documented_content_type(headers: dict[str, str], parameters: list[Parameter]) -> str | None:
        """The body media type the request documents: a ``Content-Type`` written with the declaration
        (``POST [Content-Type : application/x-www-form-urlencoded]``, Corporation Search) or a Content-Type header
        row whose value or description is one media type; None when it names none."""
        written = [v for k, v in headers.items() if k.lower() == "content-type"]
        written += [
            str(text)
            for p in parameters
            if p.location == "header" and p.name.lower() == "content-type"
            for text in (p.example if p.has_example else None, p.description)
            if text
        ]
        for text in written:
            media = re.match(r"^\s*`?([a-z]+/[a-z0-9.+-]+)`?\s*(?:;.*)?$", clean_text(text).lower())
            if media:
                return media.group(1)
        # a value column the row's description keeps as a line of its own, after the column's header (TOAST-Cloud
        # user-access-key-token: ``Content-Type | String | Yes | application/x-www-form-urlencoded`` under
        # ``Value`` -> "Value: application/x-www-form-urlencoded")
        for text in written:
            for line in clean_text(text).lower().split("\n"):
                media = re.fullmatch(r"\s*[^:\uff1a\n]{1,20}[:\uff1a]\s*`?([a-z]+/[a-z0-9.+-]+)`?\s*(?:;.*)?", line)
                if media:
                    return media.group(1)
        return None

    def _method_row(self, row: TableRow, method: str, subject: str) -> bool:
        """Whether a request-header row names the HTTP method (IAP: ``Http Method | POST`` among ``Content-Type``
        and the app key): it says what the declaration says, or contradicts it; either way it is no header."""
        if re.sub(r"\s+", " ", row.name.strip().lower()) not in METHOD_COLUMNS:
            return False
        values = [clean_text(v).strip().upper() for v in (row.description, row.type_text, row.default or "")]
        said = next((v for v in values if v in _METHODS), None)
        if said is None:
            return False
        agreement = "as the declaration does" if said == method else f"but the operation is declared {method}; kept"
        self._finding("method-row", row.line, subject, f"row {row.name!r} names the method {said}, {agreement}")
        return True

    def _value_table(
        self,
        rows: list[TableRow],
        caption: str,
        parameters: list[Parameter],
        body_rows: list[FieldRow],
        subject: str,
    ) -> bool:
        """Whether ``rows`` list the values one documented field takes rather than fields; if so they are added to
        that field's description.

        Mobile Device Info: ``[정렬 옵션 필드 상세정보]`` (details of the sort option's fields) over ``이름 | 설명``
        rows ``deviceModelCode``, ``launchYear``, ... lists what ``sort`` (described as ``정렬 옵션``) accepts; read
        as fields it gave seven query parameters, two of them duplicates. Such a table has names and descriptions
        only (no type, location or required column) and its caption speaks of values, options or fields and names
        a field documented above it, by name or by its description."""
        if not rows or not caption or any(r.type_text or r.required is not None or r.location for r in rows):
            return False
        words = set(_words(caption))
        if not words & _VALUE_LIST_WORDS:
            # "Preserve Object Properties" (Object Storage) names the Object parameter but lists no values of it
            return False
        folded = re.sub(r"\s+", "", caption.lower())
        fields: list[tuple[str, str, Parameter | FieldRow]] = [(p.name, p.description, p) for p in parameters]
        fields += [(r.path, r.description, r) for r in body_rows]
        owner = next(
            (
                target
                for name, description, target in fields
                if name.lower() in words
                or (len(first := re.sub(r"\s+", "", description.split("\n")[0].lower())) >= 2 and first in folded)
            ),
            None,
        )
        if owner is None:
            return False
        values = ", ".join(f"{r.name} ({r.description})" if r.description else r.name for r in rows)
        described = "\n".join(t for t in (owner.description, f"Values: {values}") if t)
        if isinstance(owner, Parameter):
            owner.description, name = described, owner.name
        else:
            body_rows[body_rows.index(owner)] = dataclasses.replace(owner, description=described)
            name = owner.path
        self._finding(
            "value-table",
            rows[0].line,
            subject,
            f"the table under {caption!r} lists the values of {name!r} ({', '.join(r.name for r in rows[:4])}, ...),"
            " not fields; added to its description",
        )
        return True

    def _rows(self, table: Table, subject: str, models: Sequence[str] = ()) -> list[TableRow]:
        """The rows of a field table, each repair a finding; ``models``: the names of the section's model tables,
        whose mention in a type cell is no unknown type (:meth:`_with_models` reads it)."""
        read = read_field_table(table)
        if read is None:
            if table.rows and table.header and len(table.header) >= 2:
                words = " | ".join(clean_text(h) for h in table.header)
                first = re.sub(r"\s+", " ", clean_text(table.header[0])).lower()
                if first not in _NOT_FIELD_TABLES:
                    self._finding(
                        "table-skipped",
                        table.line,
                        subject,
                        f"table with columns {words!r} is not a field table (no name column); not read",
                    )
            return []
        if read.rows and all(re.fullmatch(r"[-+]?\d+", row.name) for row in read.rows):
            # IAP: "[ResultCode]" over "값 | 설명" rows "0 | 성공적으로 완료한 결제 건": values of a code, not fields
            self._finding(
                "table-skipped",
                table.line,
                subject,
                f"table whose names are all numbers ({', '.join(row.name for row in read.rows[:5])}) lists values of"
                " a code, not fields; not read",
            )
            return []
        for line, note in read.notes:
            self._finding("table-repair", line, subject, note)
        for row in read.rows:
            named = _model_reference(row.type_text) if models else None
            type_note = row.type.note
            # a link to a model's heading (``paging | [PagingResponse](#pagingresponse)``) is the model, which
            # :meth:`_with_models` reads; the model's table lists fields, not codes
            modelled = named is not None and named[0] in models
            linked = not modelled and self._linked_codes(row, subject)
            for note in row.notes:
                if (modelled or linked) and note == type_note:
                    continue
                self._finding("row-repair", row.line, subject, f"{row.name}: {note}")
        return read.rows

    def _spellings(self, name: str) -> int:
        """How often the page writes ``name`` as a field: a segment of a table row's first cell or a member name of
        a code block (prose is not counted: ``enabled`` is an English word too)."""
        if self._name_counts is None:
            counts: Counter[str] = Counter()
            for block in self.document.blocks:
                if isinstance(block, Table):
                    for row in block.rows:
                        if row.cells:
                            counts.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", clean_text(row.cells[0])))
                elif isinstance(block, CodeBlock):
                    counts.update(_JSON_KEY.findall(block.text))
            self._name_counts = counts
        return self._name_counts[name]

    def _linked_codes(self, row: TableRow, subject: str) -> bool:
        """Give ``row`` the codes of the section its cells link to (Gamebase: ``storeCode | Enum | [Store code]
        (#store-code)`` over ``### Store Code``'s ``Code | Description`` table; ``osCode | OsCode | [OS code]
        (#os-code)``, a type word naming that section) when the guide says it is an enum (``Enum``, ``Array[Enum]``)
        and lists no values of its own, or its type is the section's title as one name, which read as an undefined
        model; whether it did. A String row linking to codes keeps its type: the guide did not make it an enum."""
        if self._code_links is None:
            self._code_links = (code_sections(self.document.blocks), row_links(self.document.blocks, self.page))
        sections, links = self._code_links
        link = links.get(row.line)
        if link is None:
            return False
        written = re.sub(r"\s+", "", row.type_text).lower()
        listed = re.fullmatch(r"(?:array|list)[\[<(]enum[\]>)]", written) is not None
        own = written == "enum" and bool(
            _constraint_values(row.constraint) or _description_values(row.description, declared_enum=True)
        )
        wants = (written == "enum" and not own) or listed  # an enum whose values only the link gives
        section = sections.get(link.anchor) if not link.page else None
        why = self._unfollowed_link(link, section)
        if why:
            if wants and row.line not in self._told_code_links:
                self._told_code_links.add(row.line)
                self._finding(
                    "link-not-followed",
                    row.line,
                    subject,
                    f"{row.name!r} ({row.type_text}) names its values by a link to {link.target}, {why}; no values"
                    " read from it",
                )
            return False
        assert section is not None
        codes = list(section.codes)
        if written == "enum":
            if own:
                return False
            row.type = TypeReading({"type": "string", "enum": codes}, "string")
        elif listed:
            row.type = TypeReading({"type": "array", "items": {"type": "string", "enum": codes}}, "array")
        elif "x-doc-type" in row.type.schema and names_section(row.type_text, section):
            row.type = TypeReading({"type": "string", "enum": codes}, "string")
        else:
            return False
        anchor = link.anchor
        if row.line not in self._told_code_links:
            self._told_code_links.add(row.line)
            self._finding(
                "enum-from-linked-section",
                row.line,
                subject,
                f"{row.name!r} ({row.type_text}) links to #{anchor}, the section {section.title!r} (line"
                f" {section.line}); read with the codes it lists ({', '.join(codes[:6])}"
                f"{', ...' if len(codes) > 6 else ''})",
            )
        return True

    @staticmethod
    def _unfollowed_link(link: RowLink, section: CodeSection | None) -> str:
        """Why a row's link to a section gives no codes ("" when it gives some): another page's section, an anchor
        naming no heading, a numbered anchor whose section's title is not what the link says, or a section listing
        no codes."""
        if link.page:
            return f"a section of another page ({link.page}), which is not read with this one"
        if section is None:
            return "an anchor no heading of this page has"
        if section.numbered and not link_agrees(link.text, section.title):
            return (
                f"an anchor the docs site numbers, here the section {section.title!r} (line {section.line}), which is"
                f" not what the link says ({link.text!r}): numbered anchors shift as headings are added"
            )
        if not section.codes:
            return f"the section {section.title!r} (line {section.line}), which lists no codes"
        return ""

    def _models_elsewhere(self, tables: list[tuple[Table, str | None]], models: dict[str, Table]) -> dict[str, Table]:
        """The model tables of other sections of the guide that this part's rows (or the models they reach) name
        and the part does not define (TOAST-Cloud framework API: ``###### RoleBundleProtocol`` under the first
        operation returning it, ``List<RoleBundleProtocol>`` in later ones with no table of their own, which read
        as a bare object)."""
        if self._guide_models is None:
            self._guide_models = guide_model_tables(self.document.blocks, _heading_title)
        found: dict[str, Table] = {}
        waiting = [table for table, _ in tables] + list(models.values())
        while waiting:
            read = read_field_table(waiting.pop())
            for row in read.rows if read is not None else ():
                named = _model_reference(row.type_text)
                if named is None or named[0] in models or named[0] in found:
                    continue
                table = self._guide_models.get(named[0])
                items = row.type.schema.get("items")
                undefined = "x-doc-type" in row.type.schema or (isinstance(items, dict) and "x-doc-type" in items)
                if table is not None and undefined:
                    found[named[0]] = table
                    waiting.append(table)
        return found

    def _with_models(
        self, part: _Part, subject: str, skip: Callable[[Table, str | None], bool] = lambda _t, _l: False
    ) -> list[tuple[Table, str | None, list[TableRow]]]:
        """The part's tables with their rows, where a table under a heading that names a type (``##### SearchUser.
        Request``, ``##### CreateUserRequest.UserProtocol``) which a row of another table has as its type (``Request
        Body | SearchUser.Request | SearchUser.Request``, ``users | List<CreateUserRequest.UserProtocol>``) is that
        model: its rows are the fields of each row typed with it (``users.userId``), an object or a list of objects,
        and not fields of their own (ROLE v3: every model's fields were top-level members of one flat body). A body
        row alone in its table whose type is a model is the body itself: the model's fields are the body's.
        Each reading is a ``model-table`` finding; a model reached again inside itself is not expanded. ``skip``:
        tables that document no fields (status codes, headers), left out."""
        tables = [(t, location) for t, location in part.tables if not skip(t, location)]
        captions = {id(t): _caption_name(part.captions.get(id(t), "")) for t, _ in tables}
        candidates: dict[str, Table] = {}
        for table, _ in tables:
            name = captions[id(table)]
            if _MODEL_NAME.fullmatch(name) and name not in candidates and read_field_table(table) is not None:
                candidates[name] = table
        referenced: set[str] = set()
        if candidates:
            for table, _ in tables:
                read = read_field_table(table)
                for row in read.rows if read is not None else ():
                    named = _model_reference(row.type_text)
                    if named is not None and named[0] in candidates and candidates[named[0]] is not table:
                        referenced.add(named[0])
        models = {name: table for name, table in candidates.items() if name in referenced}
        elsewhere = self._models_elsewhere(tables, models)
        models.update(elsewhere)
        rows_of = {id(t): self._rows(t, subject, tuple(models)) for t, _ in tables}
        rows_of.update({id(t): self._rows(t, subject, tuple(models)) for t in elsewhere.values()})
        if not models:
            return [(t, location, rows_of[id(t)]) for t, location in tables]

        def expand(row: TableRow, prefix: str, seen: tuple[str, ...]) -> list[TableRow]:
            named = _model_reference(row.type_text)
            if named is None or named[0] not in models:
                return [dataclasses.replace(row, name=prefix + row.name)] if prefix else [row]
            model, listed = named
            schema: JsonSchema = {"type": "array", "items": {"type": "object"}} if listed else {"type": "object"}
            typed = dataclasses.replace(
                row, name=prefix + row.name, type=TypeReading(schema, "array" if listed else "object")
            )
            if model in seen:
                self._finding(
                    "model-table",
                    row.line,
                    subject,
                    f"{typed.name}: model {model!r} holds itself; read as {typed.type.kind} without its fields",
                )
                return [typed]
            self._finding(
                "model-table",
                row.line,
                subject,
                f"{typed.name}: type {row.type_text.strip()!r} is the table under the heading {model!r} (line"
                f" {models[model].line}); its rows are the fields of {'each element' if listed else 'the object'}",
            )
            out = [typed]
            for child in rows_of[id(models[model])]:
                located = dataclasses.replace(child, location=child.location or row.location)
                out.extend(expand(located, typed.name + ".", (*seen, model)))
            return out

        out: list[tuple[Table, str | None, list[TableRow]]] = []
        for table, location in tables:
            if any(table is models_table for models_table in models.values()):
                continue
            rows = rows_of[id(table)]
            bodies = [r for r in rows if (r.location or location) == "body"]
            expanded: list[TableRow] = []
            for row in rows:
                named = _model_reference(row.type_text)
                if bodies == [row] and named is not None and named[0] in models and not named[1]:
                    model = named[0]
                    self._finding(
                        "model-table",
                        row.line,
                        subject,
                        f"the body {row.name!r} is the model under the heading {model!r} (line"
                        f" {models[model].line}); its rows are the body's fields",
                    )
                    part.body_required = part.body_required or bool(row.required)
                    for child in rows_of[id(models[model])]:
                        located = dataclasses.replace(child, location=child.location or row.location)
                        expanded.extend(expand(located, "", (model,)))
                    continue
                expanded.extend(expand(row, "", ()))
            out.append((table, location, expanded))
        return out

    def _location(
        self, row: TableRow, label: str | None, placeholders: list[str], method: str, part: str
    ) -> tuple[str, bool]:
        """Where a request row goes, and whether the guide said so (a column or label) rather than inferred."""
        if row.location is not None:
            return row.location, True
        if label is not None:
            return label, True
        if any(row.name.lower() == p.lower() for p in placeholders):
            return "path", False
        if row.name.lower().startswith("x-") or row.name.lower() in ("content-type", "accept", "authorization"):
            return "header", False
        return "body", False

    def _query_from_path(self, section: _Section, parameters: list[Parameter], subject: str) -> None:
        """Query items written into the documented path: fixed values are ``const``, placeholders parameters.

        A value is fixed when nothing else documents the parameter, or when the query string is what tells this
        operation from another on the same method and path (``GET /vpcs`` and ``GET /vpcs?router:external=true``).
        When a row documents the parameter and no other operation shares the path, the path shows an example
        request (``...?start=1&size=10`` above a table of ``start``, ``size``): the row stands and the value is its
        example.
        """
        documented = {p.name for p in parameters if p.location == "query"}
        for name, value in section.path.query:
            if value is None and name not in documented and self._query_row_by_placeholder(section, name, parameters):
                documented.add(name)
                continue
            # a row for a family of parameters (``passage.*``) documents each member (``passage.title``)
            family = next((p for p in parameters if p.location == "query" and _in_family(name, p.name)), None)
            if value is not None and family is not None and name not in documented and not section.shares_path:
                example, fits = _typed_value(value, family.schema)
                parameters.append(
                    Parameter(
                        name=name,
                        location="query",
                        required=False,
                        schema=dict(family.schema),
                        description=family.description,
                        example=example if fits else None,
                        has_example=fits,
                        line=family.line,
                    )
                )
                documented.add(name)
                self._finding(
                    "query-example",
                    section.line.line,
                    subject,
                    f"the documented path sets {name}={value}, a member of the parameters {family.name!r}; read as"
                    " an optional parameter with that example",
                )
                continue
            if value is not None and name in documented and not section.shares_path:
                param = next(p for p in parameters if p.location == "query" and p.name == name)
                example, fits = _typed_value(value, param.schema)
                if fits and not param.has_example:
                    param.example, param.has_example = example, True
                self._finding(
                    "query-example",
                    section.line.line,
                    subject,
                    f"the documented path sets {name}={value} and a row documents {name!r}; the value is read as"
                    + (" an example" if fits else " an illustration (it does not fit the row's type)"),
                )
                continue
            if value is not None:
                parameters[:] = [p for p in parameters if not (p.location == "query" and p.name == name)]
                parameters.append(
                    Parameter(
                        name=name,
                        location="query",
                        required=True,
                        schema={"type": "string", "const": value},
                        description=f"Fixed by the documented path ({name}={value}).",
                        line=section.line.line,
                    )
                )
            elif name not in documented:
                documented.add(name)
                parameters.append(
                    Parameter(
                        name=name,
                        location="query",
                        required=False,
                        schema={"type": "string"},
                        line=section.line.line,
                    )
                )
                self._finding(
                    "undocumented-query-param",
                    section.line.line,
                    subject,
                    f"query parameter {name!r} is written in the path but has no row; read as an optional string",
                )

        for sample, _block in section.samples:
            # a value in a placeholder's place (".../appKeys/TEST/device") is that path parameter's example
            for name, value in (_placeholder_values(sample.path, section.path.path) or {}).items():
                found = next((p for p in parameters if p.location == "path" and p.name == name), None)
                if found is not None and not found.has_example:
                    example, fits = _typed_value(value, found.schema)
                    if fits:
                        found.example, found.has_example = example, True
            for name, value in sample.query:
                if value is None:
                    continue
                found = next((p for p in parameters if p.location == "query" and p.name == name), None)
                if found is None:
                    found = Parameter(
                        name=name, location="query", required=False, schema={"type": "string"}, line=section.line.line
                    )
                    parameters.append(found)
                    documented.add(name)
                    self._finding(
                        "undocumented-query-param",
                        section.line.line,
                        subject,
                        f"query parameter {name!r} is in the sample request but has no row; read as an optional"
                        " string",
                    )
                example, fits = _typed_value(value, found.schema)
                if fits and not found.has_example and "const" not in found.schema:
                    found.example, found.has_example = example, True

    def _query_row_by_placeholder(self, section: _Section, name: str, parameters: list[Parameter]) -> bool:
        """Block Storage v1.0: ``GET .../volumes?id={volumeId}`` over the row ``volumeId | Query``. The query
        parameter is ``id``; its value is written as the placeholder ``{volumeId}``, and the row documents it by
        that name (it was a second query parameter ``volumeId`` beside an undocumented ``id``). The row becomes the
        parameter ``id``, said in a finding; a row that names a parameter of its own in the query, or whose name
        the key misspells, is left alone."""
        placeholder = section.path.query_placeholders.get(name)
        if placeholder is None or any(n == placeholder for n, _ in section.path.query):
            return False
        if near_miss(name, [placeholder]) is not None:
            # Push v2.3: ``messagErrorCause={messageErrorCause}``, the key a misspelling of the parameter the
            # placeholder and the row name: not another parameter the row documents
            return False
        row = next((p for p in parameters if p.location == "query" and p.name == placeholder), None)
        if row is None:
            return False
        row.name = name
        self._finding(
            "query-placeholder-row",
            row.line or section.line.line,
            f"{section.line.method} {section.path.path}",
            f"the documented path writes {name}={{{placeholder}}} and the row {placeholder!r} documents its value;"
            f" read as the query parameter {name!r}",
        )
        return True

    def _dedupe_parameters(self, parameters: list[Parameter], subject: str) -> list[Parameter]:
        out: dict[tuple[str, str], Parameter] = {}
        for param in parameters:
            key = (param.location, param.name)
            if key in out:
                kept = out[key]
                if "const" in param.schema and "const" not in kept.schema:
                    out[key] = param
                self._finding(
                    "duplicate-parameter",
                    param.line,
                    subject,
                    f"{param.location} parameter {param.name!r} is documented twice; one is kept",
                )
                continue
            out[key] = param
        return list(out.values())

    def _parameter(self, subject: str, row: TableRow, location: str) -> Parameter:
        schema: dict[str, Any] = dict(row.type.schema) if row.type.known else {"type": "string"}
        if not row.type.known and row.type_text:
            self._finding("unknown-type", row.line, subject, f"{row.name}: {row.type.note}; read as a string")
        kind = row.type.kind
        if (location == "path" and kind == "array") or kind == "object":
            self._finding(
                "non-scalar-parameter",
                row.line,
                subject,
                f"{location} parameter {row.name!r} is typed {row.type_text}; read as a string",
            )
            schema = {"type": "string"}
        elif kind == "array" and "items" not in schema:
            schema["items"] = {"type": "string"}
        declared_enum = row.type_text.strip().lower() == "enum"
        listed = _constraint_values(row.constraint) if declared_enum else []
        numbers = _integer_values(row.constraint) if kind == "integer" and not declared_enum else []
        if not listed and kind == "string" and "enum" not in schema:
            # Security Monitoring: ``regionCode | String | 선택 | KR1 | KR1/KR2``: values written with slashes in the
            # valid-range column, read as a body row's are (:func:`_row_schema`)
            listed = slash_values(clean_text(row.constraint), row.default)
        if listed:
            schema["enum"] = listed
        elif numbers:
            schema["enum"] = numbers
            self._finding(
                "enum-from-range",
                row.line,
                subject,
                f"{location} parameter {row.name!r}: the valid range lists the integers"
                f" {', '.join(map(str, numbers))}; read as its enum",
            )
        elif declared_enum or (kind == "string" and "enum" not in schema):
            values = _description_values(row.description, declared_enum)
            if not values and not declared_enum and "format" not in schema:
                text = clean_text(row.description)
                values = named_values(text, row.name) or bracketed_values(text) or listed_values(text)
            if values:
                schema["enum"] = values
            if values and not declared_enum:
                self._finding(
                    "enum-from-prose",
                    row.line,
                    subject,
                    f"{location} parameter {row.name!r}: the description states its values ({', '.join(values)});"
                    " read as its enum",
                )
        noted = self._field_value_table(row.name) if declared_enum and "enum" not in schema else None
        if noted is not None:
            values = [clean_text(r.cells[0]).strip() for r in noted[1].rows if r.cells]
            schema["enum"] = list(dict.fromkeys(v for v in values if v))
        if declared_enum and "enum" not in schema:
            values = self._values_of_same_name(row.name, row.line, subject)
            if values:
                schema["enum"] = values
        if declared_enum and "enum" not in schema:
            # as a body field's (nhn_schema): the guide says Enum and lists no value a client could check
            self._finding("enum-without-values", row.line, subject, f"{row.name!r} is an Enum but no values are listed")
        if "enum" not in schema:  # the limits a value list would make moot
            schema = merged(schema, read_bounds(row.constraint, row.constraint_label, str(schema.get("type", ""))))
            schema = self._prose_bounds(row, schema, subject) or schema
        default, has_default = _default(row.default or _described(row), kind, row.default)
        problem = default_problem(schema, default) if has_default else None
        if problem is not None:
            self._finding(
                "default-mismatch", row.line, subject, f"{row.name}: default {problem}; the default is dropped"
            )
            default, has_default = None, False
        if has_default:
            schema["default"] = default
        param = Parameter(
            name=row.name,
            location=location,  # type: ignore[arg-type]
            required=True if location == "path" else bool(row.required),
            schema=schema,
            description="\n".join(text for text in (row.description, row.constraint_note) if text),
            default=default,
            has_default=has_default,
            line=row.line,
        )
        self._row_required[id(param)] = (param, row.required)
        if schema.get("type") == "number" and is_generic_number(row.type_text):
            self._generic_numbers[id(param)] = (param, row.type_text)
        return param

    def _sent_row_schema(self, row: TableRow, subject: str) -> JsonSchema | None:
        """A request body row's schema (:func:`_row_schema` with its limits, then :meth:`_prose_bounds`), with an
        ``enum-from-range`` finding where its valid-range column's integers became its enum, as a parameter's do."""
        schema = _row_schema(row, bounds=True)
        numbers = _integer_values(row.constraint) if row.type.kind == "integer" else []
        if schema is not None and numbers and schema.get("enum") == numbers:
            self._finding(
                "enum-from-range",
                row.line,
                subject,
                f"body field {row.name!r}: the valid range lists the integers {', '.join(map(str, numbers))};"
                " read as its enum",
            )
        return self._prose_bounds(row, schema, subject)

    def _prose_bounds(self, row: TableRow, schema: JsonSchema | None, subject: str) -> JsonSchema | None:
        """``schema`` (a sent field's or parameter's) with the bounds the row's description states
        (:func:`~scraper.dialects.valid_range.read_prose_bounds`: ``Port (1-65535)``, ``최대 255자``) when its
        valid-range cell gave none and it lists no values, each reading a finding (the bound comes from words)."""
        if schema is None or "enum" in schema or any(k in schema for k in _BOUND_KEYWORDS):
            return schema
        bounds = read_prose_bounds(clean_text(row.description), str(schema.get("type", "")))
        if not bounds:
            return schema
        self._finding(
            "range-from-prose",
            row.line,
            subject,
            f"{row.name!r}: the description states "
            + ", ".join(f"{k} {v}" for k, v in bounds.items())
            + "; read as the schema's bounds",
        )
        return merged(schema, bounds)

    def _integral_number(self, param: Parameter, subject: str) -> None:
        """A parameter documented as a plain Number (not Float or Double) is an integer when every value the guide
        shows for it (example, default) is one, or when it is a path segment the guide shows no value for (an id or
        key: a client formatting ``12.0`` into the path would ask for another resource); each such reading is a
        finding, since the guide says Number."""
        entry = self._generic_numbers.get(id(param))
        if entry is None or entry[0] is not param or param.schema.get("type") != "number":
            return
        values = [v for v, shown in ((param.example, param.has_example), (param.default, param.has_default)) if shown]
        if values and not all(_is_integral(v) for v in values):
            return
        if not values and param.location != "path":
            return
        param.schema["type"] = "integer"
        if param.has_example:
            param.example = int(param.example)
        if param.has_default:
            param.default = int(param.default)
            param.schema["default"] = param.default
        why = (
            f"every value the guide shows ({', '.join(str(int(v)) for v in values)}) is an integer"
            if values
            else "it is a path segment the guide shows no value for"
        )
        self._finding(
            "number-as-integer",
            param.line,
            subject,
            f"{param.location} parameter {param.name!r} is documented as {entry[1]} and {why}; read as integer",
        )

    def _documented_required(self, param: Parameter) -> bool | None:
        """What the row of ``param`` said of Required; None when no row made it (or the row said nothing)."""
        entry = self._row_required.get(id(param))
        return entry[1] if entry is not None and entry[0] is param else None

    def _check_path_params(
        self,
        subject: str,
        path: str,
        parameters: list[Parameter],
        line: int,
        alternatives: dict[str, list[str]],
        body_names: set[str],
    ) -> None:
        names = _PATH_PARAM.findall(path)
        name_set = set(names)
        lower_names = {n.lower() for n in names}
        documented = [p for p in parameters if p.location == "path"]
        by_lower = {p.name.lower(): p for p in documented}
        stray = [p for p in documented if p.name not in name_set and p.name.lower() not in lower_names]
        # the documented rows' names, kept up to date as rows are renamed below (sets, not scans: a table of
        # thousands of rows under a path of hundreds of placeholders must not cost their product)
        exact = Counter(p.name for p in documented)
        lower = Counter(p.name.lower() for p in documented)

        missing: list[int] = []  # how many placeholders no row names in any case, while no row is renamed

        def unmatched() -> int:
            if not missing:
                missing.append(sum(1 for n in names if lower[n.lower()] <= 0))
            return missing[0]

        def rename(param: Parameter, name: str) -> None:
            missing.clear()
            exact[param.name] -= 1
            lower[param.name.lower()] -= 1
            param.name = name
            exact[name] += 1
            lower[name.lower()] += 1

        for name in names:
            if exact[name] > 0:
                continue
            same = by_lower.get(name.lower())
            if same is not None:
                self._finding(
                    "path-param-case",
                    same.line,
                    subject,
                    f"path parameter row {same.name!r} is written {{{name}}} in the path; read as {name!r}",
                )
                rename(same, name)
                continue
            if len(stray) == 1 and unmatched() == 1:
                param = stray.pop()
                self._finding(
                    "path-param-renamed",
                    param.line,
                    subject,
                    f"path parameter row {param.name!r} is the only one not in the path and {{{name}}} the only"
                    f" placeholder without a row; read as {name!r}",
                )
                rename(param, name)
                continue
            common = self.common_rows.get(name.lower())
            if common is not None:
                parameters.append(self._parameter(subject, dataclasses.replace(common, name=name), "path"))
                self._integral_number(parameters[-1], subject)
                continue
            schema: dict[str, Any] = {"type": "string"}
            if name in alternatives:
                schema["enum"] = alternatives[name]
            else:
                self._finding(
                    "undocumented-path-param",
                    line,
                    subject,
                    f"path placeholder {{{name}}} has no row; read as a string",
                )
            parameters.append(Parameter(name=name, location="path", required=True, schema=schema, line=line))
        in_path = {p.name for p in parameters if p.location == "path"}
        every_row = all(n in in_path for n in names)
        queries = {p.name for p in parameters if p.location == "query"}
        removed: set[int] = set()  # ids of the rows dropped or moved to the end (one rebuild, not a remove each)
        moved: list[Parameter] = []
        for param in list(parameters):
            if param.location == "path" and param.name not in name_set and every_row and param.name not in body_names:
                # every placeholder has its row, so this is no misspelt one, and the body does not hold it: a row
                # under "[URL Parameter]" is a query parameter (URL = path is the usual reading, not the only one)
                if param.name in queries:
                    removed.add(id(param))
                    self._finding(
                        "duplicate-parameter",
                        param.line,
                        subject,
                        f"parameter {param.name!r} is documented in the URL and as a query parameter; the query"
                        " row is kept",
                    )
                    continue
                if _EXTENSION_HEADER.fullmatch(param.name):
                    # "X-TC-APP-KEY | URL" under "Request header": no query parameter is named like a header
                    removed.add(id(param))
                    if not self._note_auth_header(param.name, param.description, param.line):
                        param.location = "header"
                        param.required = bool(self._documented_required(param))
                        moved.append(param)
                    self._finding(
                        "path-param-as-header",
                        param.line,
                        subject,
                        f"parameter {param.name!r} is placed in the URL but is not in {path} nor in the body, and is"
                        " named as an HTTP header (X-...); read as a request header",
                    )
                    continue
                param.location = "query"
                queries.add(param.name)
                param.required = bool(self._documented_required(param))
                self._finding(
                    "path-param-as-query",
                    param.line,
                    subject,
                    f"parameter {param.name!r} is placed in the URL but is not in {path} nor in the body; read as a"
                    " query parameter",
                )
                continue
            if param.location == "path" and param.name not in name_set:
                self._finding(
                    "path-param-not-in-path",
                    param.line,
                    subject,
                    f"path parameter {param.name!r} is not in {path}; dropped",
                )
                removed.add(id(param))
            elif param.location == "path" and self._documented_required(param) is False:
                self._finding(
                    "path-param-optional",
                    param.line,
                    subject,
                    f"path parameter {param.name!r} is marked optional; read as required",
                )
        if removed:
            parameters[:] = [p for p in parameters if id(p) not in removed] + moved

    def _note_xml_example(self, part: _Part, block: CodeBlock, subject: str, what: str) -> None:
        """An example body written in XML (Data Lake Storage, S3-compatible: ``HTTP/1.1 200 OK`` over
        ``<?xml ...?><ListBucketResult>``) is no JSON example: the body is XML (``part.xml``; its media type is
        ``application/xml``, the table's rows its elements), said with a finding."""
        lines = block.text.splitlines()
        for offset, text in enumerate(lines):
            if _XML_START.match(text):
                part.xml = True
                self._finding(
                    "xml-example",
                    block.line + offset,
                    subject,
                    f"the {what} example is XML; the body is application/xml, its table's rows read as its elements"
                    " (not checked against the example)",
                )
                return

    def _example(self, part: _Part, subject: str, what: str) -> Any:
        for block in part.examples:
            text = block.text.strip()
            if _HTTP_MESSAGE.match(text):
                # a whole HTTP message (``HTTP/1.1 200 OK``, headers, then the body): its body is the example
                body = _sample_body(block)
                if body is None:
                    self._note_xml_example(part, block, subject, what)
                    continue
                block, text = body, body.text.strip()
            if block.language not in (None, "json", "javascript", "js", "text") and not text.startswith(("{", "[")):
                if block.language == "xml":
                    self._note_xml_example(part, block, subject, what)
                continue
            if not text.startswith(("{", "[")):
                self._note_xml_example(part, block, subject, what)
                continue
            value, problem, offset = _lenient_json(text)
            if problem is None and block.inferred:
                self._finding(
                    "example-repaired", block.line, subject, f"the {what} example {block.inferred}; read as rebuilt"
                )
            if problem is None:
                if offset.startswith(_PSEUDO):
                    commas = " (its missing commas repaired)" if offset != _PSEUDO else ""
                    self._finding(
                        "pseudo-example",
                        block.line,
                        subject,
                        f"the {what} example writes type names as values; its structure is read{commas}, it is not an"
                        " example",
                    )
                    part.pseudo = True
                elif offset:
                    self._finding(
                        "example-repaired",
                        block.line,
                        subject,
                        f"the {what} example is not strict JSON ({offset}); read after "
                        + (
                            "reading them as ASCII quotes"
                            if offset == _CURLY_QUOTES
                            else (
                                "reading them as spaces"
                                if offset == _ODD_SPACES
                                else (
                                    "repairing them"
                                    if offset.startswith((_CURLY_QUOTES, _ODD_SPACES)) or _UNQUOTED_NAMES in offset
                                    else "inserting them" if offset == _MISSING_COMMAS else "removing it"
                                )
                            )
                        ),
                    )
                return value
            lines = text.split("\n")
            end = json_extent(lines, 0) if problem.startswith("Extra data") else None
            if end is not None and end < len(lines):
                # Corporation Search: the JSON, then "Json데이터를 AES256 암호화 처리후, ..." and the encrypted
                # string in the same code block: the JSON is the example, the rest is prose about it
                value, leading_problem, offset = _lenient_json("\n".join(lines[:end]))
                if leading_problem is None and not offset.startswith(_PSEUDO):
                    after = next(line.strip() for line in lines[end:] if line.strip())
                    self._finding(
                        "example-repaired",
                        block.line + end,
                        subject,
                        f"the {what} example is followed by text in its code block ({after[:40]!r}); the JSON before"
                        " it is read" + (f" ({offset})" if offset else ""),
                    )
                    return value
            self._finding(
                "invalid-example",
                block.line,
                subject,
                f"the {what} example is not JSON ({problem}); not used",
            )
            return None
        return self._curl_example(part, subject) if what == "request" else None

    def _curl_example(self, part: _Part, subject: str) -> Any:
        """DNS Plus (2019): a request whose only example is ``curl ... --data '{ "zone": { "zoneName": ... }}'``,
        under a table listing ``zoneName`` flat: the JSON object the command sends is the request's example (which
        nests the rows under ``zone``). Read only when no example block is JSON, with a finding."""
        for block in part.examples:
            data = curl_commands.json_data(block.text)
            if data is None:
                continue
            value, problem, offset = _lenient_json(data)
            if problem is not None and (rebuilt := _bracketless_data(data)) is not None:
                value, problem, offset = _lenient_json(rebuilt)
                offset = offset or "its bracket-only lines dropped, as a text rendering does; rebuilt"
            if problem is None and not offset.startswith(_PSEUDO) and isinstance(value, dict):
                part.curl_media = curl_commands.content_type(block.text)
                self._finding(
                    "example-from-curl",
                    block.line,
                    subject,
                    "the request's only example is a curl command; the JSON object it sends is read as the example"
                    + (f" ({offset})" if offset else ""),
                )
                return value
        return None

    def _common_responses(
        self, method: str, title: str, common: _Part, section: _Section, path: str, line: int, reason: str
    ) -> tuple[list[Response], ExampleResponse | None] | None:
        """The responses the guide's common response section documents, read for this operation with a
        ``common-response`` finding at ``line`` saying ``reason``; None (and none of that reading's findings) when
        the section reads to no body here, so what the operation's own section says stands."""
        said = len(self.findings)
        read = self._responses(method, title, common, section, path)
        if any(r.schema for r in read[0]):
            self._finding("common-response", line, title, reason)
            return read
        del self.findings[said:]
        return None

    def _responses(
        self, method: str, title: str, part: _Part | None, section: _Section, path: str
    ) -> tuple[list[Response], ExampleResponse | None]:
        line = section.line.line
        if part is None and section.listed:
            # the guide points elsewhere for what it answers (Gamebase: "see the Leaderboard guide"): a 204 would
            # make a client drop the body the API does send; any JSON value keeps it, unchecked
            self._finding(
                "no-response-section",
                line,
                title,
                "listed only: the guide documents no response; a 200 response of any JSON value is assumed",
            )
            return [Response(status="200", description="OK (not documented in this guide)", schema={}, line=line)], None
        common = self.common_response
        if part is None and common is not None and title and _names_title(common, title):
            # File Crafter: "### 공통 응답" says "Export 요청, Import 요청이 공통적으로 사용하는 응답입니다" (the
            # response Export and Import share): an operation it names that documents no response of its own
            # answers it
            read = self._common_responses(
                method,
                title,
                common,
                section,
                path,
                line,
                "no Response section; the guide's common response section names this operation; read as the body"
                " that section documents",
            )
            if read is not None:
                return read
        if part is None:
            self._finding(
                "no-response-section", line, title, "no Response section; a 204 response without a body is assumed"
            )
            return [Response(status="204", description="No Content", line=line)], None
        codes, coded = self._status_codes(part, title)
        success = next((c for c in codes if c.status.startswith("2")), None)
        errors = [c for c in codes if not c.status.startswith("2")]
        rows: list[TableRow] = []
        row_alternative: dict[int, str] = {}
        headers: list[TableRow] = []
        listing_headers: dict[tuple[str, ...], str] = {}
        for table, location, table_rows in self._with_models(part, title, lambda table, _: id(table) in coded):
            header_words = tuple(clean_text(h).strip().lower() for h in table.header)
            listed = _listed_field(table, [*rows, *headers], [b.text for b in part.examples])
            if listed is None and header_words in listing_headers:
                # Document OCR v2.1 ID card: one "key | value type | description" table per card type, the example
                # showing the keys of one card only (resident): a table headed as one found listing a field's values
                # lists that field's values too (the passport's keys were top-level response members)
                listed = listing_headers[header_words]
            if listed is not None:
                listing_headers[header_words] = listed
                names = ", ".join(r.name for r in table_rows[:4]) + (", ..." if len(table_rows) > 4 else "")
                self._finding(
                    "value-listing-table",
                    table.line,
                    title,
                    f"the table headed {clean_text(table.header[0])!r} lists values of the field {listed} ({names}),"
                    " not fields of the response; not read as fields",
                )
                continue
            if location == "header":
                # HTTP headers of the response, or (Word Suggestion) the members of the body's "header" object:
                # which, the example tells (:meth:`_example_rows`)
                headers.extend(table_rows)
                continue
            for row in table_rows:
                if row.location in (None, "body"):
                    row_alternative[len(rows)] = part.alternatives.get(id(table), "")
                    rows.append(row)
                elif row.location == "header":
                    continue
                else:
                    self._finding(
                        "response-row-location",
                        row.line,
                        title,
                        f"response row {row.name!r} has location {row.location}; not part of the body",
                    )
        alternatives = _alternative_groups([r.name for r in rows], row_alternative)
        if alternatives:
            return self._alternative_responses(
                method, title, part, section, (rows, headers), alternatives, success, errors
            )
        example = self._example(part, title, "response")
        rows = self._example_rows(rows, headers, example, title)
        first_line = part.tables[0][0].line if part.tables else part.paragraphs[0].line if part.paragraphs else line
        cases = self._response_cases(part, title) if example is not None else []
        prose = " ".join(clean_text(p.text) for p in part.paragraphs).lower()
        envelope = self._common_envelope()
        if not rows and example is None and envelope and COMMON_RESPONSE_SENTENCE.search(prose):
            # NCR: "This API responds with common information." under the guide's "API Common Response
            # Information" table (header.isSuccessful, ...): the body is that envelope, not nothing
            rows = envelope
            self._finding(
                "common-response",
                first_line,
                title,
                f"the response is the guide's common information ({', '.join(r.name for r in envelope[:4])}); its"
                " body is that envelope",
            )
        if not rows and example is None and "does not require a request body" in prose:
            self._finding(
                "garbled-boilerplate",
                first_line,
                title,
                "the Response section says 'does not require a request body'; read as 'no response body'",
            )
        if not rows and example is None:
            said_no_body = any(s in prose for s in _NO_BODY)
            codes_text = [b.text for b in section.blocks if isinstance(b, CodeBlock)]
            binary = (
                None
                if said_no_body
                else binary_media(path, prose, codes_text, [b.text for b in part.examples + part.header_blocks])
            )
            if binary is not None:
                return self._binary_response(binary, title, first_line, success, errors)
            same = (
                re.search(r"\bsame (?:[\w-]+ ){0,3}?as\b|동일|同じ|同一", prose) or _COMMON_ONLY.fullmatch(prose)
            ) and not said_no_body
            common = self.common_response
            if same and common is not None and common is not part and _COMMON_MENTION.search(prose):
                # Resource Watcher: "참고 : [Common Response Body](#common-response-body)와 동일합니다" (the same as
                # the common response body) under [Response Body]: the body is the one that section documents
                read = self._common_responses(
                    method,
                    title,
                    common,
                    section,
                    path,
                    first_line,
                    "the response is said to be the same as the guide's common response body; read as the body that"
                    " section documents",
                )
                if read is not None:
                    return read
            if same:
                self._finding(
                    "response-in-prose",
                    first_line,
                    title,
                    "the response is given only in prose (" + prose[:80] + "); its body schema is not documented",
                )
                if success is not None:
                    return [success, *errors], None
                self._finding("inferred-status", first_line, title, "NHN documents no status codes; 200 OK assumed")
                return [Response(status="200", description="OK", line=first_line), *errors], None
            if not said_no_body:
                self._finding("no-response-body", first_line, title, "the Response section documents no body")
            if success is not None:
                return [success, *errors], ExampleResponse(status=success.status, line=first_line)
            self._finding(
                "inferred-status",
                first_line,
                title,
                "NHN documents no status codes; 204 No Content assumed (no response body)",
            )
            return [Response(status="204", description="No Content", line=first_line), *errors], ExampleResponse(
                status="204", line=first_line
            )
        status = success.status if success is not None else "200"
        if success is None:
            self._finding(
                "inferred-status",
                first_line,
                title,
                f"NHN documents no status codes; {status} {_REASONS[status]} assumed for a {method} with a response"
                " body",
            )
        schema = self._response_schema(rows, example, part, section, title, first_line, cases)
        if not rows:
            schema["x-inferred"] = True
            self._finding(
                "inferred-schema",
                first_line,
                title,
                "the response has an example but no field table; its schema is inferred from the example",
            )
        example_line = part.examples[0].line if part.examples else first_line
        shown = example is not None and not part.pseudo
        description = success.description if success is not None else _REASONS[status]
        media = "application/xml" if part.xml else "application/json"
        success_response = Response(status, description, schema=schema, line=first_line, media_type=media)
        return [success_response, *errors], (
            ExampleResponse(status=status, body=example if shown else None, has_body=shown, line=example_line)
        )

    def _binary_response(
        self,
        binary: tuple[tuple[str, ...], str],
        title: str,
        line: int,
        success: Response | None,
        errors: list[Response],
    ) -> tuple[list[Response], ExampleResponse | None]:
        """A response that is a file, an image or a sound (:func:`binary_media`): its bytes, of the media type(s)
        the guide gives, in the documented success status (200 when none is)."""
        media, why = binary
        self._finding(
            "binary-response",
            line,
            title,
            f"no field table or JSON example, but {why}: the response body is {' or '.join(media)} bytes",
        )
        status = success.status if success is not None else "200"
        if success is None:
            self._finding("inferred-status", line, title, "NHN documents no status codes; 200 OK assumed for a file")
        description = success.description if success is not None else _REASONS[status]
        schema: dict[str, Any] = {"type": "string", "format": "binary"}
        first, *more = media
        response = Response(
            status, description, schema=schema, line=line, media_type=first, more_media_types=tuple(more)
        )
        return [response, *errors], ExampleResponse(status=status, line=line)

    def _example_rows(self, rows: list[TableRow], headers: list[TableRow], example: Any, title: str) -> list[TableRow]:
        """A response's rows read where its example nests them, with the envelope every response shares
        (``header.isSuccessful``, documented once in the common part, or in the response's own header table:
        ``headers``) where the example has it."""
        if not isinstance(example, dict):
            self._response_headers(headers, title)
            return rows
        if rows:
            rows = self._reroot(rows, example, title)
        roots = {r.name.split(".")[0] for r in rows}
        envelope = example.get("header")
        members = [r for r in headers if isinstance(envelope, dict) and r.name in envelope]
        self._response_headers([r for r in headers if r not in members], title)
        if "header" not in roots and members:
            # Word Suggestion: "[Header]" over isSuccessful, resultCode, resultMessage, the members of the example's
            # "header": {...}: the body's envelope, not HTTP headers (Document Recognizer: beside a [Response
            # Header] table of an HTTP header, Request-Key, which is not one of them)
            headers = members
            rows = rows + [dataclasses.replace(r, name=f"header.{r.name}", location=None) for r in headers]
            roots.add("header")
            self._finding(
                "header-envelope-table",
                headers[0].line,
                title,
                f"the response's header table lists {', '.join(r.name for r in headers[:4])}, the members of the"
                " example's 'header' object; read as that object's fields, not as HTTP headers",
            )
        return rows + [
            r
            for r in self.common_rows.values()
            if r.name.split(".")[0] in example and r.name.split(".")[0] not in roots
        ]

    def _response_headers(self, headers: list[TableRow], title: str) -> None:
        """HTTP headers a response documents (Document Recognizer ID Card: ``[Response Header]`` over
        ``Request-Key``, which the next call sends): the spec models no response headers, so they are said in a
        ``response-headers`` finding rather than dropped unsaid."""
        if headers:
            self._finding(
                "response-headers",
                headers[0].line,
                title,
                f"the response documents HTTP header(s) {', '.join(r.name for r in headers[:6])}; response headers"
                " are not modelled in the spec",
            )

    def _response_cases(self, part: _Part, title: str) -> list[Any]:
        """The examples after the first of a response shown case by case, each example under a heading of its own
        (Gamebase 'Get Simple Launching': ``##### OK`` and ``##### Maintenance``, the only one showing
        ``maintenance``) over one table of the fields of all: what each shows is evidence for the one schema (a
        ``Date`` field shown as a date-time, a null). Said once; none when an example has no heading of its own or
        two share one (the part's examples are then not cases)."""
        named = [(part.alternatives.get(id(block), ""), block) for block in part.examples]
        names = [name for name, _ in named]
        if len(named) < 2 or "" in names or len(set(names)) != len(names):
            return []
        values = [self._example(_Part(examples=[block]), title, "response") for _, block in named[1:]]
        cases = [value for value in values if value is not None]
        if cases:
            self._finding(
                "response-cases",
                part.examples[0].line,
                title,
                f"the response is shown by {len(named)} examples, each under a heading of its own"
                f" ({', '.join(repr(name) for name in names[:4])}{', ...' if len(names) > 4 else ''}), over one"
                " table: each is read as a case of its one schema, the first is its example",
            )
        return cases

    def _response_schema(
        self,
        rows: list[TableRow],
        example: Any,
        part: _Part,
        section: _Section,
        title: str,
        first_line: int,
        cases: Sequence[Any] = (),
    ) -> JsonSchema:
        """The schema of a response body its rows document, reconciled with its example (and with the examples of
        its other cases, :meth:`_response_cases`)."""
        tree = FieldTree(
            [
                FieldRow(
                    r.name,
                    _declared(r),
                    None,
                    r.description,
                    r.line,
                    schema=_row_schema(r),
                    element=r.element,
                    note=r.constraint_note,
                    written_type=r.type_text,
                    indexes=r.indexes,
                    stated_values=_stated_values(r, sent=False),
                )
                for r in rows
            ],
            page=self.page,
            subject=title,
            findings=self.findings,
            line=part.examples[0].line if part.examples else first_line,
            spellings=self._spellings,
        )
        if example is not None:
            tree.observe(example)
            for case in cases:
                tree.observe(case)
        return tree.schema(self._enum_resolver(section.group, title))

    def _alternative_responses(
        self,
        method: str,
        title: str,
        part: _Part,
        section: _Section,
        documented: tuple[list[TableRow], list[TableRow]],
        alternatives: list[tuple[str, list[int]]],
        success: Response | None,
        errors: list[Response],
    ) -> tuple[list[Response], ExampleResponse | None]:
        """A response documented several ways, each under a heading of its own with its own example and table
        (Address Search: ``#### KR`` and ``#### JP``, the response by the country asked for; Network VPC: "When
        there is no **detail** query parameter" and "When the **detail** query parameter is `true`"): one schema
        per way, each reconciled with the example under its heading, as ``anyOf`` (a response may fit two: a
        client accepts any of them), each titled by its heading. The first way's example is the response's.
        ``documented``: the response's body rows and header rows."""
        rows, headers = documented
        first_line = part.tables[0][0].line if part.tables else section.line.line
        members: list[JsonSchema] = []
        shown: tuple[Any, int] | None = None
        xml = False
        for name, indexes in alternatives:
            own = _Part(examples=[b for b in part.examples if part.alternatives.get(id(b), "") in (name, "")])
            example = self._example(own, title, "response")
            xml = xml or own.xml
            way = self._example_rows([rows[i] for i in indexes], headers, example, title)
            members.append({"title": name, **self._response_schema(way, example, own, section, title, first_line)})
            if shown is None and example is not None and not own.pseudo:
                shown = (example, own.examples[0].line)
        self._finding(
            "alternative-responses",
            first_line,
            title,
            f"the response is documented {len(alternatives)} ways, each under a heading of its own"
            f" ({', '.join(repr(name) for name, _ in alternatives[:4])}{', ...' if len(alternatives) > 4 else ''}),"
            " with fields in common; read as any of them (anyOf)",
        )
        status = success.status if success is not None else "200"
        if success is None:
            self._finding(
                "inferred-status",
                first_line,
                title,
                f"NHN documents no status codes; {status} {_REASONS[status]} assumed for a {method} with a response"
                " body",
            )
        description = success.description if success is not None else _REASONS[status]
        media = "application/xml" if xml else "application/json"
        response = Response(status, description, schema={"anyOf": members}, line=first_line, media_type=media)
        example_response = ExampleResponse(
            status=status,
            body=shown[0] if shown is not None else None,
            has_body=shown is not None,
            line=shown[1] if shown is not None else first_line,
        )
        return [response, *errors], example_response

    def _common_envelope(self) -> list[TableRow]:
        """The rows of the envelope every response carries as the guide documents it once, outside any operation
        (``header``, ``header.isSuccessful``, ...): body rows (or rows with no location) of an object that has
        dotted members there."""
        rows = [r for r in self.common_rows.values() if r.location in (None, "body")]
        roots = {r.name.split(".")[0] for r in rows if "." in r.name}
        return [r for r in rows if r.name.split(".")[0] in roots]

    def _status_codes(self, part: _Part, title: str) -> tuple[list[Response], set[int]]:
        """The responses a table of HTTP status codes documents (RTCS ``[Http status code]`` over ``code | 구분 |
        코드명 | 설명`` rows ``200 | 성공 | ACCEPTED | ...``, ``413 | 에러 | Request Entity Too Large | ...``), and the
        ids of those tables: they document statuses, not fields."""
        out: list[Response] = []
        tables: set[int] = set()
        for table, _location in part.tables:
            read = read_field_table(table)
            if read is None or not read.rows or not all(re.fullmatch(r"[1-5]\d\d", r.name) for r in read.rows):
                continue
            tables.add(id(table))
            name = read.roles["name"]
            for raw in table.rows:
                status = clean_text(raw.cells[name]).strip() if name < len(raw.cells) else ""
                if not re.fullmatch(r"[1-5]\d\d", status) or any(r.status == status for r in out):
                    continue
                words = [clean_text(c).strip() for k, c in enumerate(raw.cells) if k != name]
                description = " - ".join(w for w in words if w) or _REASONS.get(status, status)
                out.append(Response(status=status, description=description, line=raw.line))
            self._finding(
                "status-codes",
                table.line,
                title,
                f"a table of HTTP status codes ({', '.join(r.name for r in read.rows)}): read as the responses'"
                " statuses, the body with the first success code",
            )
        if not any(r.status.startswith("2") for r in out):
            # Data Lake Storage: the response written as an HTTP message, ``HTTP/1.1 200 OK`` over its headers
            # (and body): its status line documents the status
            for block in part.examples:
                status_line = _STATUS_LINE.match(block.text.strip())
                if status_line and not any(r.status == status_line["status"] for r in out):
                    reason = status_line["reason"].strip() or _REASONS.get(status_line["status"], "")
                    out.append(Response(status=status_line["status"], description=reason, line=block.line))
        return out, tables

    def _reroot(self, rows: list[TableRow], example: dict[str, Any], title: str) -> list[TableRow]:
        """Rows written without the key the example nests them under (``certificates`` for ``body.certificates``)
        are read under that key when the example makes it unambiguous (:func:`_example_nesting`)."""
        renames = self._labelled_renames([(r.name, r.line) for r in rows], example, title)
        if renames:
            rows = [dataclasses.replace(r, name=renames.get(r.name, r.name)) for r in rows]
        nesting = _example_nesting([r.name for r in rows], example)
        if nesting is None:
            return rows
        self._report_nesting(nesting, [(r.name, r.line) for r in rows], title)
        return [dataclasses.replace(r, name=nesting.moved(r.name)) for r in rows]

    def _labelled_renames(self, rows: list[tuple[str, int]], example: Any, title: str) -> dict[str, str]:
        """Row name -> the member the example labels with it (:mod:`.labelled_values`), said once per table; a
        name that labels several members is a doubt of its own, left as written."""
        found = labelled_rows([name for name, _ in rows], example)
        line_of = dict(rows)
        for name, paths in found.ambiguous.items():
            self._finding(
                "labelled-example-rows",
                line_of[name],
                title,
                f"the row {name!r} names the label {{{name}}} the example holds at {', '.join(paths[:4])}; left as"
                " written (which one it documents is not said)",
            )
        if found.renames:
            first = min(line_of[name] for name in found.renames)
            pairs = ", ".join(f"{name!r} as {path!r}" for name, path in list(found.renames.items())[:6])
            self._finding(
                "labelled-example-rows",
                first,
                title,
                f"the example's values are labels ({{Name}}) and {len(found.renames)} row(s) are named by them; read"
                f" as the members holding them: {pairs}" + (", ..." if len(found.renames) > 6 else ""),
            )
        return found.renames

    def _reroot_body(self, rows: list[FieldRow], example: Any, title: str) -> list[FieldRow]:
        """The request body's rows, as :meth:`_reroot` reads a response's: CDN ja 'Modify service' documents
        ``domain``, ``cacheType``, ... where the example nests them in ``distributions: [{...}]`` (the en guide
        writes ``distributions[0].domain``)."""
        if isinstance(example, dict) and rows:
            renames = self._labelled_renames([(r.path, r.line) for r in rows], example, title)
            if renames:
                rows = [dataclasses.replace(r, path=renames.get(r.path, r.path)) for r in rows]
        nesting = _example_nesting([r.path for r in rows], example) if isinstance(example, dict) and rows else None
        if nesting is None:
            return rows
        self._report_nesting(nesting, [(r.path, r.line) for r in rows], title)
        return [dataclasses.replace(r, path=nesting.moved(r.path)) for r in rows]

    def _report_nesting(self, nesting: _Nesting, rows: list[tuple[str, int]], title: str) -> None:
        """The re-nesting's finding at the table's first row, and each doubt's at the row it is about."""
        self._finding("table-example-conflict", rows[0][1], title, nesting.message)
        for root, message in nesting.doubts.items():
            line = next(line for name, line in rows if name.split(".")[0] == root)
            self._finding("table-example-conflict", line, title, message)

    def _status_table(self, group: str | None, path: str) -> tuple[str, Table] | None:
        """The status table (``### Backup Status`` over ``Status | Description`` rows) whose values an Enum field
        at ``path`` takes, or None. Only a field named as a status (``backupStatus``, ``status``, ``jobStatus``)
        takes one: RDS for MySQL's ``## Backups`` has one status table and its ``backupType``, ``dbVersion`` and
        ``regionCode`` are no backup statuses. The table whose heading names the field (``DB Instance Progress
        Status`` for ``progressStatus``, ``DB Instance Status`` for ``dbInstanceStatus``) first, then the group's one
        table, then the one table whose heading starts with the name of the field's root (``Volume Status`` for
        ``volumes.status``)."""
        *parents, leaf = path.split(".")
        if not _STATUS_NAME.search(leaf):
            return None
        everywhere = [t for ts in self.status_tables.values() for t in ts]
        squashed = _squashed(leaf)
        if squashed != "status":
            # the heading's words before the field's name name what it is the status of: the field's parent or
            # the group (``DB Instance Progress Status`` is not the progressStatus of ``dbSecurityGroups``)
            owners = {"", *(_squashed(p).rstrip("s") for p in [*parents, group or ""])}
            named = [t for t in everywhere if _squashed(t[0]) == squashed]
            named = named or [
                t
                for t in everywhere
                if _squashed(t[0]).endswith(squashed) and _squashed(t[0])[: -len(squashed)].rstrip("s") in owners
            ]
            if len(named) == 1:
                return named[0]
        tables = self.status_tables.get(group) or []
        if len(tables) == 1:
            return tables[0]
        root = _squashed(path.split(".")[0]).rstrip("s")
        tables = [t for t in everywhere if _squashed(t[0]).startswith(root)]
        return tables[0] if len(tables) == 1 else None

    def _field_value_table(self, name: str) -> tuple[str, Table] | None:
        """The one value table whose note gives its values to fields named ``name`` (:func:`_field_of_value_note`),
        said once per table; None when no table, or more than one, names it."""
        noted = self.field_value_tables.get(name, [])
        if len(noted) != 1:
            return None
        heading, table = noted[0]
        if id(table) not in self._told_value_tables:
            self._told_value_tables.add(id(table))
            self._finding(
                "field-value-table",
                table.line,
                heading,
                f"the table's note names the field {name!r}: its first column is the values of every Enum field and"
                " parameter of that name",
            )
        return noted[0]

    def _enum_resolver(self, group: str | None, subject: str) -> Any:
        def resolve(path: str, description: str, line: int) -> list[str] | None:
            listed = _description_values(description, declared_enum=True)
            if listed:
                # the field's own cell lists its values (RDS for PostgreSQL ``dbSecurityGroups.progressStatus``:
                # "- `NONE`: No work in progress<br/>- `CREATING_RULE`: ..."): a status table elsewhere is not its
                return listed
            found = self._field_value_table(path.split(".")[-1]) or self._status_table(group, path)
            if found is not None:
                section, table = found
                values = TableValues()
                for row in table.rows:
                    value = row.cells[0].strip() if row.cells else ""
                    clean = clean_text(value).strip()
                    if clean != value.strip():
                        self._finding(
                            "garbled-text", row.line, section, f"stray markup in status {value!r}; read as {clean!r}"
                        )
                    if clean and clean not in values:
                        values.append(clean)
                return values
            # as a status table's, the row elsewhere may leave out a value this field's example shows
            return TableValues(self._values_of_same_name(path, line, subject))

        return resolve

    def _values_of_same_name(self, name: str, line: int, subject: str) -> list[str]:
        """The values of an Enum field or parameter whose row lists none, taken from the one other row of the guide
        with the same dotted name (else the same last name) that lists them: RDS for MySQL v4.0 lists
        ``backupSchedules.backupWndDuration``'s values on the request row of 'Modify Backup Settings' only, and
        ``eventCategoryType``'s on the query parameter of 'List Events' only, its response rows saying just
        ``Enum``. Said with the line they came from; none when several rows, or rows listing other values, make
        the choice a guess."""
        if self._enum_rows is None:
            self._enum_rows = self._listed_enum_rows()
        name = _ENUM_ROW_INDEX.sub("", name)
        listing = [row for row in self._enum_rows if row[1] != line]
        leaf = name.split(".")[-1]
        found = [row for row in listing if row[0] == name] or [row for row in listing if row[0].split(".")[-1] == leaf]
        if len(found) != 1:
            return []
        source_name, source_line, values = found[0]
        if any(row[2] != values for row in listing if row[0].split(".")[-1] == leaf):
            return []  # another row of the name lists other values: which apply here is a guess
        self._finding(
            "enum-from-other-row",
            line,
            subject,
            f"{name!r} is an Enum whose row lists no values; read with those the row {source_name!r} lists at line"
            f" {source_line} ({', '.join(values)})",
        )
        return list(values)

    def _listed_enum_rows(self) -> list[tuple[str, int, list[str]]]:
        """(dotted name without array marks, line, values) of every row of the guide typed Enum that lists values."""
        rows: list[tuple[str, int, list[str]]] = []
        for block in self.document.blocks:
            read = read_field_table(block) if isinstance(block, Table) else None
            for row in read.rows if read is not None else []:
                if row.type_text.strip().lower() != "enum":
                    continue
                values = _constraint_values(row.constraint) or _description_values(row.description, True)
                if values:
                    rows.append((_ENUM_ROW_INDEX.sub("", row.name.strip()), row.line, values))
        return rows


#: An array mark in a row's dotted name (``servers[].name``, ``vmList[0].vmId``): rows of one field with and
#: without it are the same field.
_ENUM_ROW_INDEX = re.compile(r"\[\d*\]")
#: A note under a table saying its values are those of a named field (en, ko, ja): the field's name.
_FIELD_VALUE_NOTE = re.compile(
    r"\bvalues?\b[^.]{0,30}?\bfor (?:the )?[`'\"]?(?P<en>[A-Za-z_][A-Za-z0-9_]*)[`'\"]? field\b"
    r"|[`'\"]?(?P<ko>[A-Za-z_][A-Za-z0-9_]*)[`'\"]?\s*필드(?:에 대해|에 대한|의)[^.]{0,20}?값"
    r"|[`'\"]?(?P<ja>[A-Za-z_][A-Za-z0-9_]*)[`'\"]?\s*フィールド(?:に対して|の)[^。]{0,20}?値",
    re.IGNORECASE,
)


def _field_of_value_note(following: list[Block]) -> str | None:
    """The field the note under a table gives the table's values to (RDS for MySQL's ``DB engine type`` table,
    "You can use the value for the dbVersion field of ENUM type"), read from the paragraphs before the next heading,
    table or example; None when none names one."""
    for block in following:
        if not isinstance(block, Paragraph):
            return None
        match = _FIELD_VALUE_NOTE.search(clean_text(block.text))
        if match:
            return match.group("en") or match.group("ko") or match.group("ja")
    return None


def _uri_endpoint_column(header: list[str]) -> int | None:
    """The ``URI`` column of an endpoint table that names its hosts so (Autocomplete: ``Environment | URI`` over
    ``REAL | https://kr1-autocomplete.api.nhncloudservice.com``; ko 환경, ja 環境), or None. A ``Method | URI`` table
    is an operation's, never an endpoint table, so a table with a method column has none."""
    if any(h in METHOD_COLUMNS for h in header):
        return None
    return next((i for i, h in enumerate(header) if h == "uri"), None)


def _renamer(names: Iterator[str]) -> Callable[[re.Match[str]], str]:
    return lambda _match: "{" + next(names) + "}"


def _row_schema(row: TableRow, *, bounds: bool = False) -> JsonSchema | None:
    """The schema a field row's type cell reads as (None when it reads as nothing), with the values its
    valid-range column lists for a field typed Enum (``GET, POST, PUT``; ``{pluginCode} CORS, SET_REQUEST_HEADER``):
    the column is the guide's statement of what the field accepts, so it is read before the description is.

    ``bounds``: also the limits the column states (``Max. 200 characters``: :mod:`scraper.dialects.valid_range`)
    and the integers it lists, for what a client sends. A response field keeps them as words only: a client that
    refused a response longer than the guide says, or another value, would fail a call the API answered."""
    if not row.type.known:
        return None
    listed = _constraint_values(row.constraint) if _declared(row) == "enum" else []
    if not listed and row.type.kind == "string" and _QUOTED_LIST.fullmatch(clean_text(row.constraint)):
        # Face Liveness: ``spoofingCondition | string | ... | "weak", "balanced", "strict"``: quoted values, listed
        listed = list(dict.fromkeys(re.findall(r'"([^"]+)"', clean_text(row.constraint))))
    if not listed and row.type.kind == "string":
        # Text to Speech: ``fileType | String | Optional | MP3 | MP3/WAV``: values written with slashes
        listed = slash_values(clean_text(row.constraint), row.default)
    if listed:
        return {**row.type.schema, "enum": listed}
    # integers listed for an Integer field (AppGuard ``os | Integer | ... | 1, 2``) restrict what a client sends;
    # a received field's stay words (its note): a client must not fail a call the API answered with another value
    numbers = _integer_values(row.constraint) if row.type.kind == "integer" and bounds else []
    if numbers:
        return {**row.type.schema, "enum": numbers}
    if bounds:
        return merged(row.type.schema, read_bounds(row.constraint, row.constraint_label, row.type.kind))
    return row.type.schema


def _stated_values(row: TableRow, *, sent: bool) -> tuple[str, ...]:
    """The values a String row's description states as the whole set (:mod:`scraper.dialects.prose_values`): an
    ``Either`` / ``One of`` / ``중 하나`` list every piece of which is a value, or a list in parentheses right after
    the field's own name, the square-bracketed list ending a line (``Message channel<br>[SMS, EMAIL, PUSH]``) or a
    description that is only such words (``ALLOW, DENY``);
    for a received field, which only documents them, also words in capitals in parentheses after a label
    (``인증서 상태(`ACTIVE`, `INACTIVE`)``). () for a row typed otherwise (an Enum row reads its
    description more widely) or with a format."""
    if _declared(row) != "string" or "format" in row.type.schema or not row.description:
        return ()
    text = clean_text(row.description)
    values = (
        one_of_values(text, strict=True)
        or named_values(text, row.name)
        or bracketed_values(text)
        or listed_values(text)
    )
    return tuple(values or ([] if sent else capital_values(text)))


def _constraint_values(constraint: str) -> list[str]:
    """The values a valid-range cell lists (``GET, POST, PUT``, ``JWT``, ``{pluginCode} CORS, ...``), or [] when it
    is prose (``최대 50자``, ``없음``, ``Min:1, Max: 20``) rather than a list of values."""
    text = re.sub(r"^\s*\{[^{}]*\}\s*", "", clean_text(constraint))
    values = [v.strip(" `'\"") for v in re.split(r",|\bor\b|또는|\n", text)]
    values = [v for v in values if v]
    if not values or not all(_ENUM_VALUE.fullmatch(v) for v in values):
        return []
    if any(v.lower() in _NOT_CONSTRAINT_VALUES for v in values):
        return []
    return list(dict.fromkeys(values))


def _integer_values(constraint: str) -> list[int]:
    """The integers a valid-range cell lists for an Integer field (AppGuard ``os | Integer | 必須 | - | 1, 2``,
    ``targetType | Integer | 任意 | 0 | 0, 1``): two or more integers separated by commas and nothing else; [] for
    anything else (``1~100``, ``최대 50``, ``0, 1 (default 0)``)."""
    text = clean_text(constraint).strip()
    if not re.fullmatch(r"[-+]?\d+(?:\s*[,、]\s*[-+]?\d+)+", text):
        return []
    return list(dict.fromkeys(int(v) for v in re.split(r"\s*[,、]\s*", text)))


#: The schema keywords of a value's limits (any one of them means the guide's own column stated some).
_BOUND_KEYWORDS = ("minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems")
#: A valid-range cell that is only quoted values separated by commas (``"weak", "balanced", "strict"``).
_QUOTED_LIST = re.compile(r'\s*"[^"\n]+"(?:\s*[,\u3001]\s*"[^"\n]+")+\s*')
#: One value of a valid-range list: an identifier-like word (``TERMINATED_HTTPS``, ``application/json``, ``v1.2``).
_ENUM_VALUE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.+/-]*")
#: Words a valid-range cell holds that are no value (``none``, ``N/A``, ``-``).
_NOT_CONSTRAINT_VALUES = frozenset(("none", "n/a", "na", "null", "any", "all", "unlimited", "no"))


def _declared(row: TableRow) -> str:
    """The declared kind FieldTree works with: ``enum`` when the guide says Enum, else the schema's type."""
    return "enum" if row.type_text.strip().lower() == "enum" else row.type.kind


def _scheme_name(header: str) -> str:
    words = [w for w in re.split(r"[^A-Za-z0-9]+", header) if w and w.lower() != "x"]
    return (words[0].lower() + "".join(w.capitalize() for w in words[1:]) if words else "apiKey") + "Header"


#: Type words written where a pseudo-JSON "example" puts values (``"resultCode": Integer``) -> a value of that type.
_PSEUDO_VALUES = {
    "string": '"string"',
    "str": '"string"',
    "integer": "0",
    "int": "0",
    "long": "0",
    "number": "0",
    "double": "0.5",
    "float": "0.5",
    "boolean": "true",
    "bool": "true",
    "object": "{}",
    "array": "[]",
    "list": "[]",
    "date": '"date"',
    "datetime": '"date-time"',
}
_PSEUDO_VALUE = re.compile(r"(:\s*|\[\s*|,\s*)([A-Za-z][A-Za-z]*)(?=\s*[,}\]\n])")


def _lenient_json(text: str) -> tuple[Any, str | None, str]:
    """Parse JSON; failing that, retry without ``//`` comments, ``...`` lines and trailing commas, then with type
    words in value position read as values of that type (a pseudo-JSON schema: structure only, not an example)."""
    try:
        return parse_example_json(text), None, ""
    except json.JSONDecodeError as exc:
        first_error = f"{exc.msg} at line {exc.lineno}"
    spaced = _plain_spaces(text)
    if spaced != text:
        try:
            return parse_example_json(spaced), None, _ODD_SPACES
        except json.JSONDecodeError:
            pass
    straight = _straight_quotes(spaced)
    if straight != spaced:
        try:
            repairs = _CURLY_QUOTES if spaced == text else f"{_ODD_SPACES}; {_CURLY_QUOTES}"
            return parse_example_json(straight), None, repairs
        except json.JSONDecodeError:
            pass
    quotes = "".join(
        f"{note}; " for note, done in ((_ODD_SPACES, spaced != text), (_CURLY_QUOTES, straight != spaced)) if done
    )
    cleaned = re.sub(r"(^|[\s,{\[])//[^\n]*", r"\1", straight)
    cleaned = re.sub(r"^\s*(\.\.\.|…)\s*,?\s*$", "", cleaned, flags=re.MULTILINE)
    cleaned = _without_ellipsis_elements(cleaned)
    cleaned = re.sub(r",\s*([}\]])", r"\1", cleaned)
    if cleaned != straight:
        try:
            return parse_example_json(cleaned), None, quotes + "comments, ellipses or trailing commas"
        except json.JSONDecodeError:
            pass
    # a member or element that ends its line and is followed by another with no comma between them
    commas = _with_missing_commas(cleaned)
    if commas != cleaned:
        try:
            return parse_example_json(commas), None, quotes + _MISSING_COMMAS
        except json.JSONDecodeError:
            pass
    # Word Suggestion: ``serviceUseStatusCode: "ENABLE"``, a member name without quotes (as JavaScript writes it)
    named = _UNQUOTED_NAME.sub(_quoted_name, cleaned)
    if named != cleaned:
        with_commas = _with_missing_commas(named)
        try:
            note = _UNQUOTED_NAMES + (f"; {_MISSING_COMMAS}" if with_commas != named else "")
            return parse_example_json(with_commas), None, quotes + note
        except json.JSONDecodeError:
            pass
    # an object written inside braces of its own with no key (NKS: ``"health_status_reason": {\n {"api": "ok"}\n}``)
    unwrapped = _DOUBLE_BRACES.sub(r"\1\2", commas)
    if unwrapped != commas:
        try:
            return parse_example_json(unwrapped), None, quotes + _DOUBLED_BRACES
        except json.JSONDecodeError:
            pass
    if commas != text:
        # say what is still wrong once the repairable slips are repaired (the first error may be one of them)
        try:
            parse_example_json(commas)
        except json.JSONDecodeError as exc:
            near = re.sub(r"\s+", " ", commas[max(0, exc.pos - 20) : exc.pos + 20]).strip()
            first_error += f"; after repairing comments and commas still: {exc.msg.removesuffix(' at')} near {near!r}"

    def typed(match: re.Match[str]) -> str:
        word = match.group(2)
        value = _PSEUDO_VALUES.get(word.lower())
        return match.group(1) + value if value is not None and word not in ("true", "false", "null") else match.group(0)

    # a list type written ``List:String`` / ``List<String>`` is a list of that type; a type word as a key
    # (``"templateParameter": { String: String }``) is a map's key
    listed = re.sub(r"(:\s*)(?:List|Array)\s*(?::|<)\s*([A-Za-z]+)\s*>?(?=\s*[,}\]\n])", r"\1[\2]", cleaned)
    keyed = re.sub(r"([{,]\s*)([A-Za-z]+)(\s*:)", _pseudo_key, listed)
    pseudo = _PSEUDO_VALUE.sub(typed, keyed)
    if pseudo != cleaned:
        try:
            return parse_example_json(pseudo), None, _PSEUDO
        except json.JSONDecodeError:
            pass
        # CS & BBS: ``"isSuccessful": boolean`` then ``"resultCode": int`` on the next line, no comma between: the
        # comma a type word's line lacks is repaired as a value's is, once the words are values
        with_commas = _with_missing_commas(pseudo)
        if with_commas != pseudo:
            try:
                return parse_example_json(with_commas), None, f"{_PSEUDO}; {_MISSING_COMMAS}"
            except json.JSONDecodeError:
                pass
    return None, first_error, ""


def _with_missing_commas(text: str) -> str:
    """``text`` with a comma after each member or element that ends its line and is followed by another."""
    return re.sub(r'("|\d|\]|\}|\btrue|\bfalse|\bnull)([ \t]*\r?\n\s*)(?=["{\[])', r"\1,\2", text)


_PSEUDO = "type names in value position (a pseudo-JSON schema)"
#: An ellipsis written as a list's element on the line of its other elements (``[ String, ... ]``, ``[...]``).
_ELLIPSIS_ELEMENT = re.compile(r"([\[,])\s*(?:\.\.\.|…)\s*(?=[\]}])")


def _without_ellipsis_elements(text: str) -> str:
    """``text`` without the ellipses that stand for more elements of a list written on one line (Address Search:
    ``"roadAddressDetailList": [ String, ... ]``); an ellipsis inside a string is its content and stays. The comma
    left before the closing bracket is removed with the other trailing commas."""
    strings = JsonStrings()
    structural = [strings.step(char) for char in text]

    def drop(match: re.Match[str]) -> str:
        return match.group(1) if structural[match.start()] else match.group(0)

    return _ELLIPSIS_ELEMENT.sub(drop, text)


def _pseudo_key(match: re.Match[str]) -> str:
    """An unquoted type word as a key of a pseudo-JSON schema (``{ String: String }``): a quoted key; other words
    stay (they make the text no JSON, as written)."""
    word = match.group(2)
    return f'{match.group(1)}"key"{match.group(3)}' if word.lower() in _PSEUDO_VALUES else match.group(0)


_CURLY_QUOTES = "strings in typographic quotes (“ ”)"
_ODD_SPACES = "no-break or ideographic spaces as indentation"
_ODD_SPACE_CHARS = "\u00a0\u3000\u2002\u2003\u2009\ufeff"


def _plain_spaces(text: str) -> str:
    """``text`` with the no-break and ideographic spaces outside its strings made plain spaces (Contact Center indents
    its examples with U+00A0, which JSON does not take as whitespace)."""
    strings = JsonStrings()
    return "".join(" " if strings.step(char) and char in _ODD_SPACE_CHARS else char for char in text)


def _straight_quotes(text: str) -> str:
    """``text`` with typographic quotes that delimit strings (``“reqDate” : “2015-12-10”``, Corporation Search)
    made ASCII quotes; those inside an ASCII-quoted string are its content and stay."""
    out: list[str] = []
    in_ascii = in_curly = escaped = False
    for char in text:
        if in_ascii:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_ascii = False
        elif in_curly:
            if char == "”":
                char, in_curly = '"', False
            elif char == '"':
                char = '\\"'
        elif char == '"':
            in_ascii = True
        elif char == "“":
            char, in_curly = '"', True
        out.append(char)
    return "".join(out)


_MISSING_COMMAS = "missing commas between members"
_UNQUOTED_NAMES = "member names without quotes"
#: A member name without quotes at the start of its line (``serviceUseStatusCode: "ENABLE"``).
_UNQUOTED_NAME = re.compile(r"^([ \t]*)([A-Za-z_][\w-]*)([ \t]*:)", re.MULTILINE)


def _quoted_name(match: re.Match[str]) -> str:
    """The member name quoted; a type word (``String: String``, a pseudo-JSON map's key) stays as written."""
    if match.group(2).lower() in _PSEUDO_VALUES:
        return match.group(0)
    return f'{match.group(1)}"{match.group(2)}"{match.group(3)}'


_DOUBLED_BRACES = "an object inside a second pair of braces with no key"
#: ``: {`` then, alone in it, an object of scalars: the inner object is the value.
_DOUBLE_BRACES = re.compile(r"(:\s*)\{\s*(\{[^{}\[\]]*\})\s*\}")


#: A default cell holding one value and a note in parentheses after it (``false (stop execution)``).
_NOTED_VALUE = re.compile(r"(\S+)\s*[(（][^()（）]*[)）]")


def _default(description: str, kind: str, cell: str | None = None) -> tuple[Any, bool]:
    raw: str | None = None
    if cell:
        raw = cell.strip().strip("`'\"")
        noted = _NOTED_VALUE.fullmatch(raw)
        if noted is not None and kind in ("integer", "number", "boolean"):
            # a value with a note in parentheses after it (Deploy: ``false (stop execution)``, ``0 (no limit)``):
            # the value; a string's cell stays whole, its parentheses may be part of the value
            raw = noted.group(1)
    else:
        match = _DEFAULT.search(description)
        # the default is a value only when the clause ends there ("(default: 100)", "Default is asc.", a number
        # and its unit: "The default is 10 minutes."), not "default: 5 minutes before current" or "Default:
        # Original DB instance value", which describe one in words
        unit = r"([ \t]+[^\s,.;:()\[\]]+)?" if match and re.fullmatch(r"-?\d+(\.\d+)?", match.group(1)) else ""
        # a comma ends the clause only before a space or the end: "name:ASC,date:DESC" is one value with commas in it
        if match and re.match(unit + r"[ \t]*($|,(?!\S)|[\n.;:)\]、，。）]|\()", description[match.end() :]):
            raw = match.group(1)
        elif match is None:
            raw = _marked_default(description, kind)
    if raw is None or NO_VALUE.fullmatch(raw):
        return None, False
    if kind in ("integer", "number") and re.fullmatch(r"-?\d+(\.\d+)?" if kind == "number" else r"-?\d+", raw):
        value = page_numbers.number(raw)  # None: more digits than a number holds, no value
        return value, value is not None
    if kind == "boolean" and raw.lower() in ("true", "false"):
        return raw.lower() == "true", True
    if kind == "string":
        return raw, True
    return None, False


def _described(row: TableRow) -> str:
    """A row's description and its constraint cell, where a default may be written (``Input allowed``: ``true, false
    (default)``), as one text: what a text rendering that runs the cells together gives as the description."""
    return "\n".join(text for text in (row.description, row.constraint) if text)


def _marked_default(description: str, kind: str) -> str | None:
    """The value a description marks as the default after it (``조회 건수 15(기본값)``, ``Y (default), N``,
    ``false: retrieve including containers (default)``); None when the marked item is words (``Highest-level category
    ID (default)``, ``현재 일시(기본값)``: a default described, not given), when it may be read two ways that both fit
    ``kind`` (``Type: DEFAULT``: a label and a value, or a value and what it means), or when two items are marked
    with different values."""
    fits = {
        "integer": re.compile(r"-?\d+"),
        "number": re.compile(r"-?\d+(?:\.\d+)?"),
        "boolean": re.compile(r"true|false", re.IGNORECASE),
    }.get(kind, re.compile(r".+"))
    found: set[str] = set()
    for marker in _DEFAULT_AFTER.finditer(description):
        boundaries = list(_ITEM_BOUNDARY.finditer(description, 0, marker.start()))
        item = description[boundaries[-1].end() if boundaries else 0 : marker.start()].strip()
        readings = [m for m in (_MARKED_ALONE.fullmatch(item), _MARKED_LAST.fullmatch(item)) if m is not None]
        candidates = {next(group for group in m.groups() if group is not None) for m in readings}
        if _MARKED_KEY.fullmatch(item):
            candidates.add(list(_ITEM_KEYS.finditer(item))[-1].group(1))
        fitting = {value for value in candidates if fits.fullmatch(value)}
        if len(fitting) != 1:
            return None
        found |= fitting
    return found.pop() if len(found) == 1 else None


_SAMPLE_LABEL = re.compile(r"\b(sample|example)s?\b|예시|예제|샘플|サンプル|例(?!外)", re.IGNORECASE)


#: The first line of an XML document or element (``<?xml version="1.0"?>``, ``<ListBucketResult>``).
_XML_START = re.compile(r"^\s*<(?:\?xml\b|[A-Za-z][\w.-]*(?:\s[^<>]*)?>)")
#: The status line of an HTTP response written out whole (``HTTP/1.1 200 OK``).
_STATUS_LINE = re.compile(r"^HTTP/\d(?:\.\d)?[ \t]+(?P<status>[1-5]\d\d)\b(?P<reason>[^\n]*)")
#: The first line of an HTTP message written out whole: a status line or a request line.
_HTTP_MESSAGE = re.compile(r"^(HTTP/\d(\.\d)?\s+\d{3}\b|(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\S+)")


def _bracketless_data(data: str) -> str | None:
    """A curl command's JSON data as a text rendering leaves it, bracket-only lines dropped (``"receiverList": [{``
    kept, its ``}, {`` and ``}]`` lost), with its brackets put back as :func:`~scraper.readers.bracketless_json.
    rebuilt_json` puts back an example's; None when the lines do not fit. The Markdown's intact data never gets
    here: it parses as it is."""
    lines = []
    for line in data.splitlines():
        text = line.strip()
        if re.fullmatch(r"[\[\]{},\s]*", text):
            continue  # a bracket line the rendering kept (``-d '{``'s brace, ``}, {`` between two items)
        lines.append(re.sub(r"\[\s*\{$", "[", text))  # an item's object opens by its first member, as there
    return rebuilt_json(lines) if lines else None


def _curl_json_keys(examples: list[CodeBlock]) -> set[str]:
    """The top-level keys of the JSON objects the curl commands among ``examples`` send as their data (empty when
    none does, or the data, repaired as an example is, is no JSON object): what a request whose only example is a
    curl command sends in its body."""
    keys: set[str] = set()
    for block in examples:
        data = curl_commands.json_data(block.text)
        if data is None:
            continue
        value, _, _ = _lenient_json(data)  # ko writes the list's members without their comma
        if isinstance(value, dict):
            keys |= {str(k) for k in value}
    return keys


def _root_name(name: str) -> str:
    """A row's top-level member name (``words`` of ``words[0]`` or ``words.text``)."""
    return name.split(".")[0].split("[")[0]


def _has_json_body(block: CodeBlock) -> bool:
    """The block is (or ends in) a JSON body: not a curl command or a request line alone."""
    text = block.text.strip()
    return text.startswith(("{", "[")) or (_HTTP_MESSAGE.match(text) is not None and _sample_body(block) is not None)


def _sample_body(block: Block) -> CodeBlock | None:
    """The JSON body of a sample request written as HTTP (request line, headers, blank line, body), if any."""
    if not isinstance(block, CodeBlock):
        return None
    lines = block.text.splitlines()
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("{", "[")):
            return CodeBlock(text="\n".join(lines[i:]), line=block.line + i, language="json")
    return None


def _xml_body(block: Block) -> CodeBlock | None:
    """The XML body of a request written as HTTP (request line, headers, blank line, ``<?xml ...?>``), if any."""
    if not isinstance(block, CodeBlock):
        return None
    lines = block.text.splitlines()
    for i, line in enumerate(lines[1:], start=1):
        if not lines[i - 1].strip() and _XML_START.match(line):
            return CodeBlock(text="\n".join(lines[i:]), line=block.line + i, language="xml")
    return None


def _is_sample_label(text: str) -> bool:
    """A short label that introduces a sample (``**[Request Sample]**``, ``Request example:``, ``[요청 예시]``)."""
    text = text.strip()
    return 0 < len(text) <= 60 and "\n" not in text and _SAMPLE_LABEL.search(text) is not None


def _is_family(row: str) -> bool:
    """``row`` names a family of parameters (``passage.*``, read ``passage.`` when the ``*`` was emphasis)."""
    return row.removesuffix("*").endswith(".") and len(row.removesuffix("*")) > 1


def _in_family(name: str, row: str) -> bool:
    """``row`` documents a family of parameters that ``name`` (``passage.title``) belongs to."""
    prefix = row.removesuffix("*")
    return _is_family(row) and len(name) > len(prefix) and name.startswith(prefix)


def _is_integral(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer()


def _typed_value(text: str, schema: dict[str, Any]) -> tuple[Any, bool]:
    """``text`` (a value written in a URL) as a value of ``schema``'s type, and whether it is one."""
    kind = schema.get("type")
    kinds = set(kind) if isinstance(kind, list) else {kind}
    if "integer" in kinds and re.fullmatch(r"-?\d+", text) and page_numbers.integer(text) is not None:
        return int(text), True
    if "number" in kinds and re.fullmatch(r"-?\d+(\.\d+)?", text) and page_numbers.number(text) is not None:
        return page_numbers.number(text), True
    if "boolean" in kinds and text.lower() in ("true", "false"):
        return text.lower() == "true", True
    if "string" in kinds or kind is None:
        enum = schema.get("enum")
        return text, not isinstance(enum, list) or text in enum
    return text, False


#: A group in parentheses (no nested ones) in a description.
_PARENTHESES = re.compile(r"[(（]([^()（）]+)[)）]")
#: One value of a parenthesised list: a bare word in capitals or a capitalised word (``OS``, ``Windows``), or a
#: quoted value, alone or before a colon and its meaning (``"M": 주요정보통신기반시설``).
_PARENTHESISED_VALUE = re.compile(r"([A-Z][\w.+-]*)|[\"'`]([\w.+-]+)[\"'`](?:\s*[:：].*)?")


def _description_values(description: str, declared_enum: bool = False) -> list[str]:
    """The values a description lists for an enum, or [] when it lists none.

    ``Either a or b`` / ``One of: a, b`` / ``one of the following values ...: a, b, or c`` always; for a field the
    guide types Enum also a list of ``VALUE: meaning`` lines (``- STANDALONE: Standalone``) and one line of values
    joined by commas, ``or`` or ``또는`` (``ingress 또는 egress``; Japanese ``ingressまたはegress``,
    ``ingress、egress``).
    """
    listed = one_of_values(description)
    if listed:
        return listed
    if not declared_enum:
        return []
    listed = bracketed_values(description)
    if listed:
        return listed
    lines = [line for line in description.splitlines() if line.strip()]
    # Gamebase: "Y：正常なユーザー<br>D：退会したユーザー<br>..." (every line a value): the first line is a value too,
    # where "Description: ..." alone on the first line over value lines is not
    every_line = len(lines) >= 2 and all(_VALUE_LINE.match(line) for line in lines)
    listed = [
        m.group(1)
        for m in _VALUE_LINE.finditer(description)
        if m.group(1).lower().rstrip("s") not in _NOT_VALUES
        and (m.start() > 0 or every_line or _BULLET.match(m.group(0)))
    ]
    if listed:
        return list(dict.fromkeys(listed))
    bare = _BARE_VALUE_LINE.findall(description)
    if len(bare) >= 2:
        # RDS for MySQL: "TLS Option<br/>- NONE<br />- SSL<br />- X509": the values alone, one a bullet line
        return list(dict.fromkeys(bare))
    after_title = [_LONE_VALUE_LINE.fullmatch(line) for line in lines[1:]]
    if len(after_title) >= 2 and all(after_title):
        # Network-VPC (2020): "네트워크 상태<br>**ACTIVE**<br>**DOWN**<br>**BUILD**": a title, then a value a line
        return list(dict.fromkeys(m.group(1) for m in after_title if m))
    for group in _PARENTHESES.finditer(description):
        # Server Security Check: "점검 종류(OS, WAS)", "(Windows, Linux)", "취약 레벨(\"H\", \"M\", \"L\")" and
        # "점검 기준(\"M\": 주요정보통신기반시설, \"F\": 전자금융기반시설)": the values in parentheses after the label,
        # each alone or quoted before its meaning
        pieces = [p.strip() for p in re.split(r",|、", group.group(1))]
        values = [m.group(1) or m.group(2) for m in map(_PARENTHESISED_VALUE.fullmatch, pieces) if m]
        if len(values) >= 2 and len(values) == len(pieces):
            return list(dict.fromkeys(values))
    for line in description.splitlines()[1:] or description.splitlines():
        # Compute Image ja: "`public`, `private`、`shared`の中から1つの値のみ選択可能": the list ends where "from among"
        # begins (の中から / のうち / 중에서), glued to the last value
        line = _AMONG.split(line, maxsplit=1)[0]
        values = [v.strip(" '\".") for v in re.split(r",|、|/|\bor\b|또는|または|もしくは", line)]
        if len(values) >= 2 and all(v and re.fullmatch(r"[\w.:+-]+", v) for v in values):
            return values
    for line in description.splitlines():
        # Gamebase: "Type of the ban. TEMPORARY or PERMANENT" (ko "이용 정지 타입. ...", ja "利用停止タイプ。 ..."):
        # a sentence naming the field, then its values as the line's last sentence
        sentences = re.split(r"\.\s+|。\s*", line.strip())
        if len(sentences) < 2:
            continue
        values = [v.strip(" '\"`") for v in re.split(r",|、|/|\bor\b|또는|または|もしくは", sentences[-1])]
        if len(values) >= 2 and all(v and re.fullmatch(r"[\w.:+-]+", v) for v in values):
            return values
    return []


#: Where a Korean or Japanese sentence says "(choose) from among" the values written before it.
_AMONG = re.compile(r"の中から|の中で|のうち|\s*중에서")
#: A line that reads as a title (a few words, no sentence punctuation): ``DB Instance Progress Status``.
_TITLE_LINE = re.compile(r"[^\n.:;!?。：]{1,60}")
#: A field name that names a status or state (``backupStatus``, ``status``, ``progress_state``).
_STATUS_NAME = re.compile(r"status|state|상태|状態|ステータス", re.IGNORECASE)


def _squashed(text: str) -> str:
    """``text`` lower-cased without spaces, dashes and underscores: ``DB Instance Status`` and ``dbInstanceStatus``
    alike as ``dbinstancestatus``."""
    return re.sub(r"[\s_\-`*]+", "", clean_text(text)).lower()


#: A declared target that is one placeholder and nothing else (``{uploadInfo.uploadUrl}``): a whole URL.
_LONE_PLACEHOLDER = re.compile(r"\{[^{}/\s]+\}")
#: A member name in an example's text, read whether or not the example parses.
_JSON_KEY = re.compile(r'"([^"\\\n]+)"\s*:')
#: A heading or label that names the body's media type (``Content-Type: application/json``, ``multipart/form-data``).
_MEDIA_LABEL = re.compile(
    r"(?:content[- ]type\s*[:\uff1a]?\s*)?((?:application|multipart|text)/[\w.+-]+)", re.IGNORECASE
)
#: A link to a heading or anchor of the same page (``[AlarmTarget[]](#post-alarm-request-alarm-target)``): its text.
_ANCHOR_LINK = re.compile(r"^\[(.+)\]\(#[^()\s]*\)$")
_LIST_OF = re.compile(r"(?:List|Array|Set)\s*<\s*(.+?)\s*>|(.+?)\s*\[\s*\]", re.IGNORECASE)


def _read_names(service: Service) -> set[str]:
    """The names of every operation's parameters and of the fields of its bodies and responses."""
    names: set[str] = set()
    for operation in service.operations:
        for version in operation.versions.values():
            names.update(p.name for p in version.parameters)
            schemas = [r.schema for r in version.responses]
            schemas.append(version.request_body.schema if version.request_body else None)
            for schema in schemas:
                names.update(_field_names(schema))
    return names


def _field_names(schema: JsonSchema | None) -> set[str]:
    """The property names of an object schema at any depth (its properties', an array's items', each ``oneOf``
    member's): a common envelope's table lists ``resultCode`` where the responses nest it in ``header``."""
    if not isinstance(schema, dict):
        return set()
    properties = schema.get("properties", {})
    names = set(properties)
    for member in [schema.get("items"), *schema.get("oneOf", []), *properties.values()]:
        names |= _field_names(member)
    return names


def _model_reference(type_text: str) -> tuple[str, bool] | None:
    """The model a type cell names (``SearchUser.Request``; ``List<UserProtocol>``, ``UserProtocol[]``: a list of
    it), with whether it is a list of it; None when the cell is no name."""
    text = clean_text(type_text).replace("&lt;", "<").replace("&gt;", ">").replace("*", "").replace("`", "").strip()
    text = _ANCHOR_LINK.sub(r"\1", text).strip()
    listed = _LIST_OF.fullmatch(text)
    name = next(g for g in listed.groups() if g is not None).strip() if listed else text
    if not _MODEL_NAME.fullmatch(name):
        return None
    return name, listed is not None


#: ``VALUE: meaning`` on a line of its own, bulleted or not (the enum's values listed one per line).
_VALUE_LINE = re.compile(r"^\s*(?:[-*\u2022]\s*)?([A-Za-z0-9][\w.+-]*)\s*[:\uff1a]\s*\S", re.MULTILINE)
_BULLET = re.compile(r"^\s*[-*\u2022]")
#: A bullet line that is one value and nothing else (``- SSL``, ``- `X509```).
_BARE_VALUE_LINE = re.compile(r"^\s*[-*\u2022]\s*`?([A-Za-z0-9][\w.+-]*)`?\s*$", re.MULTILINE)
#: A line that is one value and nothing else, bold or in backticks or bare (``**ACTIVE**``, ```DOWN```).
_LONE_VALUE_LINE = re.compile(r"\s*(?:\*\*|`)?([A-Za-z0-9][\w.+-]*)(?:\*\*|`)?\s*")
#: Words that start a ``Word: text`` line without being a value.
_NOT_VALUES = frozenset(("default", "example", "e.g", "note", "format", "range", "min", "max", "ex", "see"))


def _has_host(section: _Section) -> bool:
    return section.path.host.startswith("http")


def _titles(operations: list[Operation]) -> str:
    """`` (first title, second, third, ...)`` for a finding, or nothing when there is none."""
    if not operations:
        return ""
    return f" ({', '.join(op.title for op in operations[:3])}{', ...' if len(operations) > 3 else ''})"


def _url_template(urls: list[str]) -> tuple[str, list[str]]:
    """One URL with a ``{region}`` placeholder where the documented URLs differ, and each URL's value there."""
    if len(urls) == 1 or len(set(urls)) == 1:
        match = re.match(r"^(https?://)([a-z]{2,}\d+)(-.*)$", urls[0])
        if match:
            return f"{match.group(1)}{{region}}{match.group(3)}", [match.group(2)]
        return urls[0], []
    prefix = 0
    shortest = min(len(u) for u in urls)
    while prefix < shortest and len({u[prefix] for u in urls}) == 1:
        prefix += 1
    suffix = 0
    while suffix < shortest - prefix and len({u[len(u) - 1 - suffix] for u in urls}) == 1:
        suffix += 1
    separators = "/.-:"
    while prefix > 0 and urls[0][prefix - 1] not in separators:
        prefix -= 1
    while suffix > 0 and urls[0][len(urls[0]) - suffix] not in separators:
        suffix -= 1
    codes = [u[prefix : len(u) - suffix] for u in urls]
    if len(set(codes)) != len(codes) or any(not c for c in codes):
        return urls[0], []
    return urls[0][:prefix] + "{region}" + urls[0][len(urls[0]) - suffix :], codes
