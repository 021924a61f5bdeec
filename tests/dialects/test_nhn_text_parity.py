"""Every NHN guide reads the same from the docs site's text rendering as from its Markdown source, or differs exactly
as recorded below.

The repository holds the site's text rendering of one guide only (003); the others are rendered by
:mod:`tests.dialects.text_rendering`, an emulation calibrated against 003. The comparison is of what a client is
made from: the operations (method, path, version) must be the same list, and per operation the parameters (name,
location, required, schema), the request body schema and the response schemas must be equal. An operation still
differing is listed in :data:`_TEXT_DIFFERS` with why: what the text rendering genuinely cannot carry, or an open gap
of the text reader (to be closed, and then removed from the table: the test fails when a listed operation reads the
same, so the table cannot go stale). Titles, tags and example bodies are not compared here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.readers import read_page
from tests.dialects.test_nhn_html import _operations
from tests.dialects.text_rendering import text_rendering
from tests.paths import ROOT

_GUIDES = sorted((ROOT / "pages" / "nhn").glob("*.md")) + sorted(
    (ROOT / "tests" / "fixtures" / "nhn" / "unseen" / "guides").glob("*.md")
)

#: Guides whose operation lists differ between the two readings: (why, Markdown count, text count).
_OPERATION_LISTS_DIFFER = {
    "Storage-Object-Storage__en__api-guide.md": (
        "'Copy Multipart Objects' is a sub-heading (#####) under 'Copy an Object' (####) with its own COPY and PUT"
        " samples: the Markdown reads them as part of that operation, the text (which does not carry heading levels)"
        " as two operations of their own; the other operations: open (the text reads a 2-field body on the upload"
        " operations)",
        17,
        19,
    ),
}

#: Guide -> (why, the operations whose parameters, body or responses differ between the two readings).
_TYPE_ARGUMENT = (
    "a type's argument written as a raw tag ('List<Integer>', 'List<String>'): the Markdown reader keeps it, the site"
    " renders an element a browser hides, so its text says 'List' (the HTML reader reads the tag back from the page's"
    " source: scraper/readers/type_arguments.py; the text rendering holds no trace of it)"
)
_TEXT_DIFFERS: dict[str, tuple[str, frozenset[str]]] = {
    "E-mail__ko__api-guide.md": (_TYPE_ARGUMENT, frozenset(["템플릿 등록", "템플릿 수정"])),
    "ShortURL__ko__api-guide.md": (_TYPE_ARGUMENT, frozenset(["생성"])),
    "Deploy__en__api-guide-v2.1.md": (
        "the Description and Value columns side by side are joined in the text rendering (the site joins cells by"
        " spaces), so the field descriptions also hold the Value column's text",
        frozenset(
            [
                "Execute Deployment",
                "List Artifacts",
                "List Binaries",
                "List Binary Groups",
                "List Deployment History",
                "List Scenarios",
                "List Server Groups",
                "Upload Binary",
            ]
        ),
    ),
    "EasyQueue__en__public-api.md": (
        "'View a Topic List': the Default and Description columns side by side are joined in the text rendering, so"
        " the defaults stay in the descriptions; 'Edit a Topic': the cell continuation 'The number of partitions can"
        " only be increased' reads as a row (a name followed by a type word), indistinguishable in the text from a"
        " field 'The' of type number whose Required cell is empty",
        frozenset(["Edit a Topic", "View a Topic List"]),
    ),
    "Internet-Gateway__en__public-api.md": (
        "a row whose Format and Required cells are swapped in the source ('internetgateway.external_network_id | Body"
        " | O | UUID'): the Markdown keeps the cells' positions (and the dialect reads them by value), the text cuts a"
        " row by the column order and finds none (no type where Format is, no mark where Required is), so the line"
        " continues the row above",
        frozenset(["Create an Internet gateway"]),
    ),
    "Log-Crash-Search__en__api-guide.md": (
        "an empty Required cell between the Description and Note columns: the site drops empty cells, so the text"
        " cannot tell where the description ends and the note begins (kept in the description)",
        frozenset(["Scroll Start API", "Search API"]),
    ),
    "Network-DNSPLUS__en__api-guide.md": (
        "the Default and Description columns side by side are joined in the text rendering (the site joins cells"
        " by spaces and drops empty ones), so defaults and descriptions cannot be told apart: the text is kept in the"
        " description and the defaults are lost",
        frozenset(
            [
                "Bulk Create Record Sets",
                "Create GSLB",
                "Create Health Check",
                "Create Pool",
                "Create Record Set",
                "Query DNS Zone",
                "Query GSLB",
                "Query Health Check",
                "Query Pool",
                "Query Record Set",
                "Update GSLB",
                "Update Health Check",
                "Update Pool",
            ]
        ),
    ),
    "PrivateCA__ko__api-guide-v2.0.md": (
        "the 설명 and 제약 조건 columns side by side are joined in the text rendering, so descriptions differ"
        " (the defaults the 제약 조건 column gives, '기본값: `0`', are read from both)",
        frozenset(["인증서(발급자) 발급", "저장소 생성", "템플릿 생성", "템플릿으로 인증서 발급"]),
    ),
    "RDS-FOR-POSTGRESQL__en__api-guide-v1.0.md": (
        "'Create DB Instance': rows fused on one Markdown line, which a GFM renderer (so the site) drops"
        " (test_nhn_html._FUSED_ROWS); 'Get high availability information': open: a description's list line '- If"
        " set to -1, ...' in a 'Name Type Description' response table reads as a row of a field nested by the dash"
        " (with one vocabulary column, one type-like word starts a row; a value line, '- IPV4: IPv4', no longer does:"
        " a name cell ending in a colon is none); 'List DB Instance Details': its top-level progressStatus takes the"
        " 'DB Instance Progress Status' table by the group its heading gives ('## DB Instance'), which the"
        " rendering's lines without levels do not give",
        frozenset(
            [
                "Create DB Instance",
                "Get high availability information",
                "List DB Instance Details",
            ]
        ),
    ),
    "Cloud-Search__en__api-v2.0-guide.md": (
        "'1. View stat': an HTML table cell with rowspan (kind's two values) renders as a row of its own, read as a"
        " parameter; '1. View the index log', '1. Search': the operation's title is found as the nearest title-like"
        " line ('URI Information'), so the parameters come in another order (open: the title walk does not know"
        " structural labels)",
        frozenset(["Search", "View stat", "View the index log"]),
    ),
    "Security-Groups__ko__public-api.md": (
        "'보안 그룹 보기': a 예시 (example) column beside 설명 (as the ja guide's): the text joins them, so the example"
        " values land in the descriptions; the three rule operations: open: a description's continuation line"
        " 'IPv4 또는 IPv6' starts a row (name 'IPv4', '또는' kept as a doubtful location, a format 'IPv6': one"
        " vocabulary match is enough in a 4-column table), read as a field 'IPv4' (refusing rows with a doubtful"
        " vocabulary cell would also refuse real rows with an unknown type, E-mail's '- data Collection')",
        frozenset(["보안 규칙 목록 보기", "보안 규칙 보기", "보안 규칙 생성하기", "보안 그룹 보기"]),
    ),
    "Corporations-Search__ko__api-guide.md": (
        "'String [Y,N]' in the type cell: the text cuts '[Y,N]' into the description",
        frozenset(["거래처 휴/페업 요청 결과데이터 받기"]),
    ),
    "AppGuard__ja__api-guide.md": (
        "the デフォルト値 and 有効範囲 columns side by side ('0 | 0, 1') are joined in the text rendering: the"
        " default is lost",
        frozenset(["異常行為の検知状況照会"]),
    ),
    "Document-Recognizer__ja__api-guide-v2.0.md": (
        "open: the body tables' headers end in a column of this guide only ('暗号化説明', '暗号化するかどうか'),"
        " which the text reader does not know, so their rows read as prose (no body); the responses differ with"
        " them",
        frozenset(["クレジットカードAPI", "身分証分析API", "身分証真偽確認API"]),
    ),
    "Face-Liveness__ja__api-guide.md": (
        "empty 必須かどうか / デフォルト値 cells and the 例 column beside 説明: the site drops empty cells and joins"
        " the rest, so defaults, the valid range's values and examples land in the descriptions",
        frozenset(["顔スプーフィング検出API"]),
    ),
    "Log-Crash-Search__ja__api-guide.md": (
        "as the en guide: an empty Required cell between the Description and Note columns cannot be seen in the text",
        frozenset(["Scroll Start API", "Search API"]),
    ),
    "Security-Groups__ja__public-api.md": (
        "a 例 (example) column beside 説明 in a response table: the text joins them, so the example values land"
        " in the descriptions (the ko guide's four differing operations read the same here but this one)",
        frozenset(["セキュリティグループ表示"]),
    ),
    "CDN__ja__api-guide-v2.0.md": (
        "the デフォルト値, 有効範囲 and 説明 columns side by side are joined in the text rendering (the site joins"
        " cells by spaces and drops empty ones): defaults and valid ranges ('最大255文字', '0~2,147,483,647') stay in"
        " the descriptions, so the defaults and length/range limits the Markdown reads are lost; '要請' (the last"
        " operation): the '## コールバックレスポンス' section after it is a heading above the operation's level in the"
        " Markdown, which ends it, where the text does not carry heading levels and reads the callback response"
        " tables into its response",
        frozenset(
            [
                "Auth Token作成",
                "キャッシュ再配布(Purge) - ALL(全体ファイルタイプ)",
                "キャッシュ再配布(Purge) - ITEM(特定ファイルタイプ)",
                "サービス作成",
                "サービス修正",
                "サービス照会",
                "新規証明書の発行",
                "要請",
            ]
        ),
    ),
    "Image__en__api-guide.md": (
        "the Valid range, Required and Default cells are often empty between Type and Description: the site drops"
        " empty cells and joins the rest by spaces, so a default ('1', 'false', 'name:asc') or a valid range ('Max."
        " 50 characters') beside the description cannot be told from its first words: kept in the description, the"
        " defaults and length limits the Markdown reads are lost",
        frozenset(
            [
                "Create and Modify an Image Operation",
                "Delete an Image Operation",
                "List Files in a Folder",
                "List Image Operations",
                "Multiple Deletion (asynchronous)",
                "Single Deletion (synchronous)",
                "Upload Multiple Files",
                "Upload a File",
            ]
        ),
    ),
    "Push__en__api-guide-v2.3.md": (
        "'Send': the sections after it ('### Common Messages', '### Example of Sending Messages' with its '####"
        " 7. Rich Messages' body table) are headings of the Send operation's level in the Markdown, so they end it;"
        " the text does not carry heading levels, and reads the rich-message table into Send's body (where the"
        " Markdown reading names the table in a 'body-outside-operations' finding: no row of Send names its fields)",
        frozenset(["Send"]),
    ),
    "RCS-Bizmessage__ko__api-guide.md": (
        "the 설명 and 비고 columns side by side: the Markdown reads the note as a line of the description, the text"
        " rendering joins the two cells by a space ('광고 발송 여부 기본값: false'), so the descriptions differ in a"
        " space for a line break (the defaults the notes give read the same)",
        frozenset(["LMS 타입 발송", "MMS 타입 발송", "SMS 타입 발송", "Template 타입 발송"]),
    ),
    "ResourceWatcher__ko__api-guide.md": (
        "'3.1. Event 목록 조회': a 'Key Value' header table (no vocabulary column) whose Value cell has line breaks"
        " ('언어 코드' / '...' / 'Default 값: ko'): every line of such a table reads as 'name value', so the text"
        " cannot tell the continuation 'Default 값: ko' from a header named 'Default'",
        frozenset(["Event 목록 조회"]),
    ),
    "Service-Monitoring__en__api-guide.md": (
        "open: the field tables' header 'Value Type Corresponding scenarioType Assignable Value Necessity Default"
        " Description' has a column of two words outside the column vocabulary ('Corresponding scenarioType';"
        " 'Necessity' is a required word now); the text reader admits one unknown one-word column only (a usage"
        " column, vouched for by its cells), so these lines are no table header and the request/response tables read"
        " as prose (the types come from the examples only)",
        frozenset(
            [
                "Create scenario: Data transfer",
                "Delete registered scenario",
                "Query registered scenario",
                "Scenario Modification: Data transfer",
            ]
        ),
    ),
    "Alimtalk__ko__friendtalkupgrade-api-guide.md": (
        "open: the two operations whose bodies are documented under headings of their own ('#### 텍스트형 발송"
        " 요청', '#### 이미지형 발송 요청', ...): the Markdown reads one alternative body per heading (oneOf), the"
        " text, where those headings are plain lines inside the operation (the text reader makes no heading there,"
        " lest it cut the operation), reads the tables as one merged body",
        frozenset(["메시지 자유형 발송 요청", "템플릿 등록"]),
    ),
    "Mobile-Device-Info__en__api-guide.md": (
        "an empty 유효 범위 cell between 기본값 and 설명: the site drops empty cells, so the text cannot tell which"
        " column 'pageNum | Integer | 선택 | 1' holds its '1' in (the defaults are lost)",
        frozenset(["디바이스 검색"]),
    ),
}


def _read(guide: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    markdown = guide.read_text(encoding="utf-8")
    from_markdown = NhnDialect().read(read_page(markdown, page=guide.name, format="markdown"), PageInfo("g.md"))
    text = text_rendering(markdown)
    from_text = NhnDialect().read(read_page(text, page="g.txt", format="text", provider="nhn"), PageInfo("g.txt"))
    return _operations(from_markdown), _operations(from_text)


def _contract(operation: tuple[Any, ...]) -> tuple[Any, ...]:
    """What a client is made from: method, path, version, parameters, request body, responses."""
    return operation[1:4], operation[5], operation[6], operation[7]


@pytest.mark.parametrize("guide", _GUIDES, ids=lambda path: path.name)
def test_every_guide_reads_the_same_from_its_text_rendering(guide: Path) -> None:
    from_markdown, from_text = _read(guide)
    if guide.name in _OPERATION_LISTS_DIFFER:
        _, markdown_count, text_count = _OPERATION_LISTS_DIFFER[guide.name]
        assert (len(from_markdown), len(from_text)) == (markdown_count, text_count)
        return
    assert [op[1:4] for op in from_text] == [op[1:4] for op in from_markdown]
    differing = {md[0] for md, txt in zip(from_markdown, from_text, strict=True) if _contract(md) != _contract(txt)}
    assert differing == _TEXT_DIFFERS.get(guide.name, ("", frozenset()))[1]


def test_the_emulated_rendering_of_003_is_the_sites() -> None:
    """The emulation gives the site's own text rendering of 003, but for the page's trailing ``TOP`` link."""
    markdown = (ROOT / "pages" / "nhn" / "003_source_Storage-Block-Storage_en_public-api.md").read_text(
        encoding="utf-8"
    )
    site = (ROOT / "pages" / "nhn" / "003_30998dc9651c21a0.txt").read_text(encoding="utf-8")
    assert site.rstrip().removesuffix("TOP").rstrip() + "\n" == text_rendering(markdown)


#: Operations (of all guides whose operation lists agree) that read the same from the rendering whose code blocks
#: lost their bracket-only lines as from the Markdown: 104 of 587 before the reader rebuilt such examples
#: (:mod:`scraper.readers.bracketless_json`), 384 after; with the bracket lines kept, 483. The floor only rises.
_SAME_WITHOUT_BRACKET_LINES = 384


def test_a_rendering_that_drops_bracket_only_lines_reads_as_the_markdown_for_most_operations() -> None:
    same = 0
    for guide in _GUIDES:
        markdown = guide.read_text(encoding="utf-8")
        from_markdown = _operations(
            NhnDialect().read(read_page(markdown, page=guide.name, format="markdown"), PageInfo("g.md"))
        )
        text = text_rendering(markdown, drop_brackets=True)
        from_text = _operations(
            NhnDialect().read(read_page(text, page="g.txt", format="text", provider="nhn"), PageInfo("g.txt"))
        )
        if [op[1:4] for op in from_text] == [op[1:4] for op in from_markdown]:
            same += sum(_contract(md) == _contract(txt) for md, txt in zip(from_markdown, from_text, strict=True))
    assert same >= _SAME_WITHOUT_BRACKET_LINES
