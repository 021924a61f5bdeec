"""NHN text reader: the NHN Cloud docs site's text rendering of an API guide -> Document.

Why a reader of its own: the docs site's text rendering loses every Markdown mark. Headings are plain lines, tables
are space-separated words, code fences are gone. What survives is enough to rebuild the same blocks the Markdown
reader produces from the guide's source, so :class:`~scraper.dialects.nhn.NhnDialect` reads both the same way:

* **Tables** are recognised by their header line: a line that cuts into two or more column names of the shared
  table vocabulary (:mod:`scraper.table_vocabulary`, the words the dialect reads Markdown headers by: ``Name Type
  Format Required Description``, ``이름 종류 형식 필수 설명``, ``값 타입 Not Null 설명``, ``Method URI
  Description``, ``Status Name Description``) whose first column names its rows. Each row is cut back into cells
  by the kind of word each column holds: a location (URL/Header/Query/Body...), a data type (the shared type
  vocabulary), a required mark (O, X, Y, N, 필수, 선택, Yes, No...), a method, a path -- left- or right-anchored,
  the cut with the most vocabulary matches winning; a name column takes one word (with its nesting dashes); free
  text columns take what lies between. A cell the cut could not find (an empty cell, which the rendering cannot
  show) reads as the Markdown's empty cell; a word outside its column's vocabulary is a repair on the row; several
  free-text columns side by side cannot be told apart, their text is kept in the first and a repair says so. A line
  that does not start a row continues the previous one (its line breaks kept, as ``<br>`` is in the Markdown);
  - the endpoint table (``Type Region Endpoint``, ``리전 엔드포인트``) whose cells of several lines were flattened:
    ``<type> <region1>``, further region lines, then the endpoint URLs in the same order -- rebuilt as one row per
    type with the regions and URLs newline-joined, as the Markdown cells are;
  - a key-value operation table: ``HTTP Method POST`` then ``Request URL https://...``.

  A table ends at a blank line or at a sample label (``Example``, ``예시``).
* **Code**: a ``METHOD /path`` (or ``METHOD https://...``, ``[GET,POST] /path``, or a method alone over its URL
  alone) line and the header lines under it are one :class:`CodeBlock`; so are an ``HTTP/1.1 200 OK`` line, its
  header lines and the JSON after one blank line; a JSON document (a line starting with ``{``, or ``[`` right after
  a sample label) runs until its brackets balance, blank lines included, and becomes a ``json`` :class:`CodeBlock`;
  an example whose bracket-only lines the rendering dropped (``"header": {`` / ``"isSuccessful": true,``) is one
  too, its brackets rebuilt (:mod:`scraper.readers.bracketless_json`, shared with the pipe reader).
* **Headings** follow the guide's conventions (blank lines are meaningful): the first line is the title (level 1);
  request/response labels (``Request``, ``응답``) are level 3; an operation title (level 2) is the title-like line
  before the operation's description paragraphs and its method line (none for a method line under a sample label
  such as ``[Request Sample]``); a title-like line introducing a table after description sentences
  (``Volume Status``) is level 2; a title-like line right before a level-2 heading is a group (level 1,
  ``Volume``). Title-like = short, not starting lower-case (Korean titles have no case), not ending in sentence
  punctuation. Two blank lines end an operation, so nothing after them is read as part of it.
* Everything else is a :class:`Paragraph`, one per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scraper.document import Block, CodeBlock, Document, Heading, Paragraph, ReaderError, Row, Table
from scraper.readers.bracketless_json import JSON_MEMBER, member_block
from scraper.readers.json_extent import json_extent
from scraper.table_vocabulary import (
    ENDPOINT_COLUMNS,
    FIELD_COLUMN_ROLES,
    INTERFACE_COLUMNS,
    LABEL_LOCATIONS,
    LOCATIONS,
    METHOD_COLUMNS,
    METHOD_HEADER_SPELLING,
    REQUEST_WORDS,
    REQUIRED_FALSE,
    REQUIRED_TRUE,
    RESPONSE_WORDS,
    SAMPLE_WORDS,
    STATUS_COLUMNS,
    URI_COLUMNS,
    compound_parts,
    field_column_role,
)
from scraper.type_vocabulary import read_type

__all__ = ["read"]

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "COPY")
_ONE_METHOD = "|".join(METHODS)
#: ``METHOD /path``; the method may be bracketed, several in one bracket (``[GET,POST] /prometheus/{x}``).
_METHOD_LINE = re.compile(
    rf"^(?:{_ONE_METHOD}|\[\s*(?:{_ONE_METHOD})(?:\s*,\s*(?:{_ONE_METHOD}))*\s*\]) +(?:/|https?://|\{{)\S*$"
)
#: A method alone on its line (perhaps with bracketed header notes: ``POST [Content-Type : ...]``), whose URL is
#: alone on the next line.
_BARE_METHOD_LINE = re.compile(rf"^(?:{_ONE_METHOD})(?:\s*\[[^\[\]]*\])*$")
_URL_LINE = re.compile(r"^(?:/|https?://)\S*$")
_STATUS_LINE = re.compile(r"^HTTP/\d(?:\.\d)? \d{3}\b")
_HEADER_LINE = re.compile(r"^[A-Za-z][A-Za-z0-9-]*: .+$")
#: A sentence starting with a path placeholder (``{zoneId} is the DNS Zone ID``): prose, not a JSON document.
_PLACEHOLDER_START = re.compile(r"^\{[A-Za-z_][\w.-]*\}")
#: A heading's trailing attribute list naming its anchor (``Upload Binary { #upload-binary }``), shown as text.
_ANCHOR_ATTRIBUTE = re.compile(r"\s*\{\s*#[\w-]+\s*\}$")
#: A line opening a JSON array (``[``, ``[{``, ``[["", 13]]``), not a bracketed label (``[Request Sample]``).
_ARRAY_START = re.compile(r'^\[\s*(?:$|[\[{"\d-])')
_CURL_LINE = re.compile(r"^curl\s+-")
_URL = re.compile(r"^https?://\S+$")
_SENTENCE_END = (".", ":", ";", ",", "!", "?", "\u3002", "\uff1a", "\uff1b", "\uff0c", "\uff01", "\uff1f")
_MAX_TITLE_WORDS = 10


@dataclass(slots=True)
class _Item:
    """One block before headings are decided: a table/code block, or a single text line (``text`` set)."""

    line: int
    blanks_before: int
    block: Block | None = None
    text: str | None = None


def page_lines(text: str, page: str) -> list[str]:
    """The lines of an NHN text rendering (BOM and line endings normalised); :class:`ReaderError` if it is empty.
    Shared by this reader and the pipe renderings' (:mod:`scraper.readers.nhn_pipe`)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    if not text.strip():
        raise ReaderError(page, 1, "expected an NHN guide text rendering; the document is empty")
    return lines


def read(text: str, page: str) -> Document:
    """Read one NHN text rendering into a :class:`Document`; :class:`ReaderError` if it has no content."""
    lines = page_lines(text, page)
    items = _items(lines, page, _model_captions(lines))
    document = Document(page=page, end_line=len(lines))
    document.blocks.extend(_decide_headings(items))
    return document


# ------------------------------------------------------------------------------------------------ first pass


def _model_captions(lines: list[str]) -> frozenset[str]:
    """Models the page documents in tables of their own: a line that is one type name (``Alarm``, from the Markdown's
    ``- Alarm <a id="...">``; ``[Result]``) with a table's header on the next non-blank line."""
    models: set[str] = set()
    for index, line in enumerate(lines):
        name = _MODEL_CAPTION.fullmatch(line.strip())
        if name is None:
            continue
        following = next((other.strip() for other in lines[index + 1 : index + 4] if other.strip()), "")
        header = _table_header(following)
        if header is not None and _table_kind(header) == "fields":
            models.add(name.group(1))
    return frozenset(models)


def _items(lines: list[str], page: str, models: frozenset[str] = frozenset()) -> list[_Item]:
    items: list[_Item] = []
    index = 0
    blanks = 0
    while index < len(lines):
        stripped = lines[index].strip()
        if not stripped:
            blanks += 1
            index += 1
            continue
        after_example = bool(items) and _is_sample_label(items[-1].text or "")
        block: Block
        header = _table_header(stripped) or _header_with_usage(stripped, lines, index)
        table_kind = _table_kind(header) if header is not None and not _table_end(lines, index + 1) else None
        key_value = _key_value_operation(lines, index)
        if (stripped.startswith("{") and not _PLACEHOLDER_START.match(stripped)) or (
            stripped.startswith("[") and (after_example or _ARRAY_START.match(stripped))
        ):
            block, index = _json_block(lines, index)
        elif _METHOD_LINE.match(stripped) or _bare_method_at(lines, index):
            block, index = _method_block(lines, index)
        elif _CURL_LINE.match(stripped):
            block, index = _command_block(lines, index)
        elif _STATUS_LINE.match(stripped):
            block, index = _response_block(lines, index)
        elif JSON_MEMBER.match(stripped):
            block, index = member_block(lines, index)
        elif key_value is not None:
            block, index = key_value
        elif header is not None and table_kind == "endpoint":
            block, index = _endpoint_table(lines, index, header)
        elif header is not None and table_kind is not None:
            block, index = _rebuilt_table(lines, index, header, models)
        else:
            items.append(_Item(line=index + 1, blanks_before=blanks, text=stripped))
            blanks = 0
            index += 1
            continue
        items.append(_Item(line=block.line, blanks_before=blanks, block=block))
        blanks = 0
    return items


def _json_block(lines: list[str], start: int) -> tuple[CodeBlock, int]:
    """Lines from ``start`` until the brackets balance (string-aware); the block's own lines if they never do."""
    balanced = json_extent(lines, start)
    if balanced is not None:
        return CodeBlock(text="\n".join(lines[start:balanced]), line=start + 1, language="json"), balanced
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    return CodeBlock(text="\n".join(lines[start:end]), line=start + 1, language="json"), end


def _bare_method_at(lines: list[str], index: int) -> bool:
    """``lines[index]`` is a method alone (``GET``, ``POST [Content-Type : ...]``) over its URL alone."""
    return (
        _BARE_METHOD_LINE.match(lines[index].strip()) is not None
        and index + 1 < len(lines)
        and _URL_LINE.match(lines[index + 1].strip()) is not None
    )


def _method_block(lines: list[str], start: int) -> tuple[CodeBlock, int]:
    """The method line and the header lines under it, also after one blank line (``POST /x``, blank,
    ``Content-Type: application/json``: one fenced block in the Markdown, the blank line kept); a method alone with
    its URL on the next line."""
    end = start + 2 if _bare_method_at(lines, start) else start + 1
    while end < len(lines) and (_HEADER_LINE.match(lines[end].strip()) or _headers_label_at(lines, end)):
        end += 1
    if (
        end == start + 1
        and end + 1 < len(lines)
        and not lines[end].strip()
        and _HEADER_LINE.match(lines[end + 1].strip())
    ):
        end += 2
        while end < len(lines) and _HEADER_LINE.match(lines[end].strip()):
            end += 1
    return CodeBlock(text="\n".join(line.strip() for line in lines[start:end]), line=start + 1), end


def _headers_label_at(lines: list[str], index: int) -> bool:
    """``lines[index]`` is a label of the header lines under it (``HEADER`` between a method line and
    ``Content-Type: ...``, Push): a line of the same fenced block in the Markdown, not a label over the table after
    the block (which would read that table's fields as headers)."""
    return (
        LABEL_LOCATIONS.get(lines[index].strip().lower()) == "header"
        and index + 1 < len(lines)
        and _HEADER_LINE.match(lines[index + 1].strip()) is not None
    )


def _command_block(lines: list[str], start: int) -> tuple[CodeBlock, int]:
    """A ``curl ...`` command and its lines up to the next blank line: a fenced shell sample in the Markdown (its
    query string tells the dialect where parameters go)."""
    end = start + 1
    while end < len(lines) and lines[end].strip():
        end += 1
    return CodeBlock(text="\n".join(line.rstrip() for line in lines[start:end]), line=start + 1), end


def _response_block(lines: list[str], start: int) -> tuple[CodeBlock, int]:
    """``HTTP/1.1 200 OK``, its header lines and the JSON body after a blank line: one sample, as in the Markdown."""
    end = start + 1
    while end < len(lines) and _HEADER_LINE.match(lines[end].strip()):
        end += 1
    text = [line.rstrip() for line in lines[start:end]]
    body = end
    while body < len(lines) and not lines[body].strip():
        body += 1
    if body < len(lines) and lines[body].strip().startswith(("{", "[")) and body - end == 1:
        json_block, after = _json_block(lines, body)
        return CodeBlock(text="\n".join([*text, "", json_block.text]), line=start + 1), after
    return CodeBlock(text="\n".join(text), line=start + 1), end


def _table_end(lines: list[str], index: int) -> bool:
    return index >= len(lines) or not lines[index].strip() or _is_sample_label(lines[index].strip())


def _is_sample_label(text: str) -> bool:
    """``Example``, ``예시``, ``レスポンス例`` (response + example, one compound): the label of the sample after a table
    (it ends the table; a JSON sample follows)."""
    lowered = text.lower()
    if lowered in SAMPLE_WORDS:
        return True
    parts = compound_parts(lowered, _SAMPLE_LABEL_WORDS)
    return len(parts) > 1 and parts[-1] in SAMPLE_WORDS


#: Words a compound sample label is made of (``リクエスト例``, ``レスポンス例``).
_SAMPLE_LABEL_WORDS = SAMPLE_WORDS | REQUEST_WORDS | RESPONSE_WORDS


# ------------------------------------------------------------------------------------------------ tables


@dataclass(frozen=True, slots=True)
class _Column:
    """One column of a rebuilt table: its header as written, and what its cells hold (:data:`_COLUMN_KINDS`)."""

    title: str
    kind: str
    #: For a type column: the models the page documents in tables of their own (a caption line ``[Result]`` or
    #: ``Alarm`` over a table), which its cells may name (``result Result ...``, ``alarmTargets AlarmTarget[] ...``).
    models: frozenset[str] = frozenset()

    def matches(self, text: str) -> bool:
        return _matches(self.kind, text) or (
            self.kind in ("type", "typed-value") and _LIST_OF_MODEL.sub(r"\1", text) in self.models
        )


#: What a field column's cells hold, by its role (other roles: free text).
_ROLE_KINDS = {"name": "name", "value": "value", "location": "location", "type": "type", "required": "required"}


def _column_kinds() -> dict[str, str]:
    """Column header (lower-cased) -> the kind of word its cells hold, from the shared table vocabulary.

    ``name``: one word (a field, status or key); ``location``/``type``/``required``/``method``/``uri``: words of
    their vocabulary; ``free``: any text. A ``type`` column also takes location words, since NHN's ``Type`` column
    next to ``Format`` holds URL/Header/Query/Body (the dialect decides its role from the values, as in Markdown).
    """
    kinds: dict[str, str] = {}
    for word in ENDPOINT_COLUMNS:
        kinds[word] = "endpoint"
    for word, role in FIELD_COLUMN_ROLES.items():
        kinds[word] = _ROLE_KINDS.get(role, "free")
    for word in STATUS_COLUMNS:
        kinds[word] = "name"
    for word in METHOD_COLUMNS:
        kinds[word] = "method"
    for word in URI_COLUMNS:
        kinds.setdefault(word, "uri")
    for word in INTERFACE_COLUMNS:
        kinds.setdefault(word, "interface")
    return kinds


_COLUMN_KINDS = _column_kinds()


def _known_kind(header: str) -> str | None:
    """The kind of a column by its header (case ignored): the vocabulary's word, or a one-word field column header
    the dialect knows by its start (``必須か``, "whether required"; :func:`scraper.table_vocabulary.field_column_role`).
    One word only: in a header line's words run together (``必須か 有効範囲 説明``) the start says nothing of the
    columns after it. A method column's misspelt header (``Metheod``) is the method column, as the Markdown dialect
    reads it (:data:`scraper.table_vocabulary.METHOD_HEADER_SPELLING`)."""
    lowered = header.lower()
    kind = _COLUMN_KINDS.get(lowered)
    if kind is None and " " not in lowered:
        role = field_column_role(lowered)
        kind = None if role is None else _ROLE_KINDS.get(role, "free")
    if kind is None and " " not in lowered and METHOD_HEADER_SPELLING.fullmatch(lowered):
        kind = "method"
    return kind


_MAX_COLUMN_WORDS = max(len(word.split()) for word in _COLUMN_KINDS)
#: A caption line naming a model: ``Alarm``, ``[Result]``, ``AlarmTarget``.
_MODEL_CAPTION = re.compile(r"\[?\s*([A-Z][A-Za-z0-9_]*)\s*\]?")
#: A type cell naming a model or a list of it (``AlarmTarget[]``, ``List<Alarm>``): the model.
_LIST_OF_MODEL = re.compile(r"^(?:List<)?([A-Za-z][A-Za-z0-9_]*)(?:\[\]|>)?$")
_FIXED_KINDS = ("location", "type", "typed-value", "usage", "required", "method", "uri")
#: A placeholder written as a header's value (``{secretKey}``, ``${x-key-version}``).
_PLACEHOLDER_WORD = re.compile(r"\$?\{[^{}\s]+\}")
#: Keys of several words a key-value row may start with (``HTTP Method``, ``Request URL``): one name cell.
_SEVERAL_WORD_KEYS = frozenset(k for k in (*METHOD_COLUMNS, *URI_COLUMNS) if " " in k)
_MAX_KEY_WORDS = max(len(k.split()) for k in _SEVERAL_WORD_KEYS)
_URI_START = ("/", "http://", "https://", "{", "${")
_NAME_END = (",", ".", ":", ";", ")")
#: A word that may be part of a row's name of two words (``Resource ID``).
_PLAIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
#: Marks of a nested field's depth written before its name (:mod:`scraper.dialects.field_tables` reads them).
_NEST_MARKS = re.compile(r"[-ㄴ└↳+>]+")


def _table_header(text: str) -> list[str] | None:
    """The column headers of a header line: the line cut into known column names, or None. The cut with the fewest
    columns that makes a known table wins (``Value Type Description`` is ``Value | Type | Description``, not
    ``Value Type | Description``, whose first column would not name rows); else the fewest columns."""
    if text.endswith(_SENTENCE_END) or len(text) > 200:
        return None
    words = text.split(" ")
    keys = [w.lower() for w in words]
    cuts: list[list[str]] = []
    for size in range(1, min(_MAX_COLUMN_WORDS, len(words)) + 1):
        first = " ".join(keys[:size])
        rest = _fewest_columns(words[size:])
        if _known_kind(first) is not None and rest is not None:
            cuts.append([" ".join(words[:size]), *rest])
    cuts = [cut for cut in cuts if len(cut) >= 2]
    known = [cut for cut in cuts if _table_kind(cut) is not None]
    return min(known or cuts, key=len, default=None)


def _fewest_columns(words: list[str]) -> list[str] | None:
    """``words`` cut into known column names, fewest columns first (an empty cut for no words); None if none."""
    keys = [w.lower() for w in words]
    best: list[list[str] | None] = [None] * (len(words) + 1)
    best[0] = []
    for end in range(1, len(words) + 1):
        for size in range(1, min(_MAX_COLUMN_WORDS, end) + 1):
            previous = best[end - size]
            if previous is None or _known_kind(" ".join(keys[end - size : end])) is None:
                continue
            candidate = [*previous, " ".join(words[end - size : end])]
            current = best[end]
            if current is None or len(candidate) < len(current):
                best[end] = candidate
    return best[len(words)]


def _header_with_usage(text: str, lines: list[str], index: int) -> list[str] | None:
    """A header line with one word outside the column vocabulary between known columns (Push: ``Field Usage
    Description``), read as a column of types, perhaps with a required mark (``Required, String``, ``-, DateTime
    String``, ``Number``), when the line under it starts a row with such a cell there. The Markdown dialect decides
    that column's role from its cells too (:func:`scraper.dialects.field_tables._usage_column`), so any header word
    for it reads the same; the cells, not the word, vouch for the table."""
    if text.endswith(_SENTENCE_END) or len(text) > 200 or index + 1 >= len(lines):
        return None
    words = text.split(" ")
    for position in range(1, len(words) - 1):
        if _known_kind(words[position]) is not None:
            continue
        before, after = _table_header(" ".join(words[:position])), _fewest_columns(words[position + 1 :])
        if before is None and _known_kind(words[0]) is not None and position == 1:
            before = [words[0]]
        if before is None or not after:
            continue
        header = [*before, words[position], *after]
        if _table_kind(header) != "fields":
            continue
        following = lines[index + 1].strip()
        if following and _is_row_start(following, _columns(header)):
            return header
    return None


def _column_kind(title: str) -> str:
    """The kind of a column's cells by its header: the vocabulary's, or (a word outside it, admitted only by
    :func:`_header_with_usage`) ``usage``."""
    return _known_kind(title) or "usage"


def _table_kind(header: list[str]) -> str | None:
    """``endpoint``, ``fields`` (any table whose first column names its rows) or ``operations``; None otherwise."""
    kinds = [_column_kind(h) for h in header]
    lowered = [h.lower() for h in header]
    if all(h in ENDPOINT_COLUMNS for h in lowered) and lowered[-1] not in ("type", "타입", "region", "리전"):
        return "endpoint"
    # an endpoint table's URL word is a URI column's word too (System Monitoring: ``Method endpoint`` over ``GET
    # /prometheus/api/v1/query`` rows): beside a method column it is the URI column, as in the Markdown's table
    if "method" in kinds and any(
        k == "uri" or (k == "endpoint" and h in URI_COLUMNS) for k, h in zip(kinds, lowered, strict=True)
    ):
        return "operations"
    if "method" in kinds and all(k in ("method", "interface") for k in kinds):
        # Contact Center's interface table (``Interface name Protocol Call direction Encoding ...``): the method in
        # its call-direction column, the URL on a line above it; the Markdown dialect reads the same table
        return "operations"
    if kinds[0] in ("name", "value") or _path_names_rows(kinds):
        return "fields"
    return None


def _path_names_rows(kinds: list[str]) -> bool:
    """Notification Hub: ``Path Type Required Description`` / ``경로 타입 필수 설명`` over body rows
    ``sender.senderPhoneNumber String Y ...``: a first column headed by a path word (a URI column's word in a
    ``Method | Path`` table) names the rows when no method column is beside it and a type or required column
    follows. The Markdown dialect reads such a table's first column as the field name
    (:func:`scraper.dialects.field_tables.read_field_table`, with a finding); the text reads it the same."""
    return kinds[0] == "uri" and "method" not in kinds and any(k in ("type", "required") for k in kinds[1:])


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    #: The word starts a line of the row (a line break inside a cell, or a cell after a cell of several lines).
    starts_line: bool


@dataclass(frozen=True, slots=True)
class _Split:
    """Cells of one row as far as ``_split`` got, with its score (vocabulary matches) and repairs."""

    score: int
    cells: tuple[str, ...]
    repairs: tuple[str, ...]
    matched: int


_NO_SPLIT = _Split(score=-(10**9), cells=(), repairs=(), matched=0)


def _join(words: list[_Word]) -> str:
    out = ""
    for index, word in enumerate(words):
        out += word.text if index == 0 else ("\n" if word.starts_line else " ") + word.text
    return out


def location_of(text: str) -> str | None:
    return LOCATIONS.get(" ".join(text.split()).lower())


def _matches(kind: str, text: str) -> bool:
    if kind == "location":
        return location_of(text) is not None
    if kind == "type":
        # a dash alone is the cell's "nothing here" (Traffic Mirroring ``Other Body - Same as the session view``:
        # no format), as in a required or usage column
        return text == "-" or location_of(text) is not None or read_type(text).known
    if kind == "typed-value":
        # a Value column before a Description column: a type (IAP ``isSuccessful Boolean ...``) or a header's
        # placeholder value (Document Recognizer ``X-Key-Version {x-key-version} ...``)
        return read_type(text).known or bool(_PLACEHOLDER_WORD.fullmatch(text))
    if kind == "usage":
        # a type, perhaps with a required mark (Push's ``Usage`` column: ``Required, String``; ``String`` in a
        # response; ``-``, a dash alone, for neither); the dialect decides the column's role from these cells, as
        # from the Markdown's
        return text == "-" or read_type(text).known
    if kind == "required":
        return text.lower() in REQUIRED_TRUE or text.lower() in REQUIRED_FALSE
    if kind == "method":
        return text in METHODS
    if kind == "uri":
        return text.startswith(_URI_START)
    return False


def _fixed_options(column: _Column, words: list[_Word], start: int) -> list[tuple[int, int, str]]:
    """(words taken, score, repair) for a fixed-vocabulary column starting at ``start``: matches, then doubts."""
    kind = column.kind
    options: list[tuple[int, int, str]] = []
    for size in range(1, {"type": 4, "typed-value": 4, "usage": 5}.get(kind, 3)):
        if start + size > len(words) or any(w.starts_line for w in words[start + 1 : start + size]):
            break
        text = " ".join(w.text for w in words[start : start + size])
        if column.matches(text):
            # a type word read only by repairing its spelling (``Sort`` as ``short``) vouches for the cut less
            # than one read as written: a description's first word must not outweigh the type beside it
            repaired = kind in ("type", "typed-value", "usage") and _spelling_repaired(text)
            options.append((size, 2 if repaired else 3, ""))
    if kind == "usage" and options:
        preferred = _usage_size(words, start, [size for size, _, _ in options])
        options.sort(key=lambda option: option[0] != preferred)
    elif kind in ("type", "typed-value") and len(options) > 1:
        preferred = _refined_type_size(words, start, [size for size, _, _ in options])
        options.sort(key=lambda option: option[0] != preferred)
    if start < len(words):
        # A word outside the vocabulary is one cell; with brackets left open (``Array[[String, Array[String]]]``)
        # the cell runs on to the word that closes them.
        size = 1
        while start + size < len(words) and not words[start + size].starts_line and _open_brackets(words, start, size):
            size += 1
        options.append((size if not _open_brackets(words, start, size) else 1, -2, "not a {kind} word"))
    options.append((0, -1, "missing"))
    return options


def _spelling_repaired(text: str) -> bool:
    """A type cell read only by repairing a word's spelling (``data`` as ``date``), not a location word."""
    return location_of(text) is None and "spelling repaired" in read_type(text).note


def _usage_size(words: list[_Word], start: int, sizes: list[int]) -> int:
    """Which of the readings of a usage cell (``sizes``: words taken) is the cell. Its type is written as qualifiers
    then the type's own name: ``-, DateTime String``, ``Required, Date Time String``, ``Optional, Object Array``. So
    a reading runs on past a qualifier (a type with a format: ``Date``, ``DateTime``) and into a word naming the
    longer reading's type (``String``, ``Array``), and ends otherwise: ``Optional, String`` before ``ID for ...``,
    ``Number`` before ``of tokens``, ``String`` before ``List following ...`` (a longer reading there would take the
    description's first word). The mark is written with a comma (``-, String``): a dash alone is the whole cell."""
    size = sizes[0]
    if words[start].text == "-":
        return size  # a dash alone is the cell (``- Date and time of ...``: no mark, no type)
    for longer in sizes[1:]:
        reading = read_type(" ".join(w.text for w in words[start : start + size]))
        extended = read_type(" ".join(w.text for w in words[start : start + longer]))
        names_type = words[start + longer - 1].text.lower() == extended.kind
        if reading.known and "format" not in reading.schema and not names_type:
            break
        size = longer
    return size


def _refined_type_size(words: list[_Word], start: int, sizes: list[int]) -> int:
    """Which of the readings of a type cell (``sizes``: words taken, shortest first) is the cell: the longest that
    continues the shortest with an ``of`` clause and reads, as written, the same kind of value, saying more of it
    (Kubernetes ``List of object``: a list of objects, where ``List`` alone would leave ``of object`` to the
    description); a reading that needed a repair, or one of another kind, is never preferred so."""
    first = read_type(" ".join(w.text for w in words[start : start + sizes[0]]))
    chosen = sizes[0]
    if start + sizes[0] >= len(words) or words[start + sizes[0]].text.lower() != "of":
        return chosen  # only a type's ``of`` clause extends it (``Array`` before ``List of volume ...`` does not)
    for longer in sizes[1:]:
        reading = read_type(" ".join(w.text for w in words[start : start + longer]))
        if reading.known and not reading.note and reading.kind == first.kind and reading.schema != first.schema:
            chosen = longer
    return chosen


def _open_brackets(words: list[_Word], start: int, size: int) -> bool:
    text = " ".join(w.text for w in words[start : start + size])
    return any(text.count(o) > text.count(c) for o, c in ("[]", "()", "<>", "{}"))


#: How many words a quoted segment of a name may span (``servers.addresses."Network 이름".addr``: two).
_MAX_QUOTED_NAME_WORDS = 4


def _quoted_name_size(words: list[_Word], start: int, size: int) -> int:
    """The words a name cell takes when its last word opens a double-quoted segment it does not close: up to the
    word that closes it, on the same line (Compute Instance: ``servers.addresses."Network 이름".addr Body String``, a
    map's key written as a quoted placeholder of two words, which the Markdown cell holds whole). ``size`` when no
    word closes it within :data:`_MAX_QUOTED_NAME_WORDS`."""
    if " ".join(w.text for w in words[start : start + size]).count('"') % 2 == 0:
        return size
    for end in range(start + size + 1, min(start + size + _MAX_QUOTED_NAME_WORDS, len(words)) + 1):
        if words[end - 1].starts_line:
            break
        if words[end - 1].text.count('"') % 2 == 1:
            return end - start if end < len(words) else size
    return size


def _split(words: list[_Word], columns: list[_Column]) -> _Split:
    """Cut a row's words into the columns: vocabulary columns take a word of their vocabulary, ``name`` one word,
    free columns what lies between (several free columns side by side cannot be told apart: their text goes to the
    first, a repair says so). The cut with the most vocabulary matches wins, ties to the first found."""
    memo: dict[tuple[int, int], _Split] = {}

    def best(column: int, start: int) -> _Split:
        key = (column, start)
        if key in memo:
            return memo[key]
        result = _NO_SPLIT
        if column == len(columns):
            result = _Split(0, (), (), 0) if start == len(words) else _NO_SPLIT
        elif columns[column].kind == "name":
            # One word, with the nesting marks written before it (``- name``, ``ㄴ name``) as the Markdown cell has.
            size = 1
            while start + size < len(words) and _NEST_MARKS.fullmatch(words[start + size - 1].text):
                size += 1
            size = _quoted_name_size(words, start, size)
            # ...or a key of several words the vocabulary knows (``Http Method POST`` in a ``Key Value`` table:
            # the key is ``Http Method``, not ``Http``)
            size = next(
                (
                    n
                    for n in range(_MAX_KEY_WORDS, 1, -1)
                    if start + n < len(words)
                    and " ".join(w.text for w in words[start : start + n]).lower() in _SEVERAL_WORD_KEYS
                ),
                size,
            )
            # A nesting mark alone may also be the whole name (Compute Image: ``- | Body | Binary | O | ...``, the
            # body itself): the cut with more vocabulary matches decides, ties to the marked name.
            sizes = [size, 1] if size > 1 and _bare_mark_name(words, start, columns, column) else [size]
            if column + 1 < len(columns) and columns[column + 1].kind == "name":
                # Contact Center's ``Name | Variable | ...``: a row nested under the one above leaves its Name cell
                # empty, which the site drops (``parent Integer Parent category ID``); tried last, so it is taken
                # only when it matches more of the row than a name there does
                sizes = [*sizes, 0]
            for size in sizes if start < len(words) else []:
                rest = best(column + 1, start + size)
                if rest is not _NO_SPLIT and rest.score > result.score:
                    name = " ".join(w.text for w in words[start : start + size])
                    result = _Split(rest.score, (name, *rest.cells), rest.repairs, rest.matched)
            if sizes[0] == 1 and 1 not in sizes[1:] and _two_word_name(words, start, columns, column):
                rest = best(column + 1, start + 2)
                if rest is not _NO_SPLIT and rest.matched > result.matched:
                    name = " ".join(w.text for w in words[start : start + 2])
                    result = _Split(rest.score, (name, *rest.cells), rest.repairs, rest.matched)
        elif columns[column].kind in _FIXED_KINDS:
            kind, title = columns[column].kind, columns[column].title
            for size, score, doubt in _fixed_options(columns[column], words, start):
                rest = best(column + 1, start + size)
                if rest is _NO_SPLIT or rest.score + score <= result.score:
                    continue
                cell = " ".join(w.text for w in words[start : start + size])
                # A cell cut as empty reads as the Markdown's empty cell would (the site drops empty cells, so the
                # text cannot tell them apart): no repair. A word outside the column's vocabulary is a doubt.
                doubts: tuple[str, ...] = ()
                if doubt and doubt != "missing":
                    doubts = (f"{cell!r} in the {title!r} column is {doubt.format(kind=kind)}; kept as written",)
                matched = rest.matched + (0 if doubt else 1)
                result = _Split(rest.score + score, (cell, *rest.cells), (*doubts, *rest.repairs), matched)
        else:
            group = column
            while group < len(columns) and columns[group].kind not in _FIXED_KINDS and columns[group].kind != "name":
                group += 1
            following = columns[group] if group < len(columns) else None
            ends = [
                end
                for end in range(start, len(words) + 1)
                if end == len(words) or (following is not None and following.matches(words[end].text))
            ]
            for end in ends:
                taken = words[start:end]
                if end < len(words) and any(w.starts_line for w in taken[1:]) and not words[end].starts_line:
                    # The site starts a cell after a cell of several lines on a new line (003's endpoint table):
                    # a cell of several lines followed, on its last line, by another is no cut the site makes.
                    continue
                rest = best(group, end)
                score = (-1 if _fixed_word(_join(taken), columns) else 1) if taken else 0
                if rest is _NO_SPLIT or rest.score + score <= result.score:
                    continue
                keeper = _keeper(columns[column:group])
                cells = tuple(_join(taken) if i == keeper else "" for i in range(group - column))
                joined: tuple[str, ...] = ()
                if taken and group - column > 1:
                    titles = ", ".join(repr(c.title) for c in columns[column:group])
                    joined = (
                        f"the columns {titles} are joined in the text rendering; their text is kept in"
                        f" {columns[column + keeper].title!r}",
                    )
                result = _Split(rest.score + score, (*cells, *rest.cells), (*joined, *rest.repairs), rest.matched)
        memo[key] = result
        return result

    return best(0, 0)


def _two_word_name(words: list[_Word], start: int, columns: list[_Column], column: int) -> bool:
    """Whether a name of two words (Network Flow Log ``Resource ID | Query | String | - | ...``) may be tried: the
    second word is on the line, and both are plain words of no vocabulary column. A name is one word in
    every other table, so the two-word cut is taken only when it matches more vocabulary columns than the one-word
    cut does (:func:`_split`): ``Resource`` leaves ``ID`` where a location should be, ``Resource ID`` does not."""
    if start + 2 >= len(words) or words[start + 1].starts_line or column + 1 >= len(columns):
        return False
    if column > 0 and columns[column - 1].kind == "name":
        return False  # the identifier beside a human name (Contact Center's ``Name | Variable``) is one word
    pair = [w.text for w in words[start : start + 2]]
    # each word a plain word that no vocabulary column takes: not a description's continuation ("For True, ...",
    # "Optional DNS Zone status list", where "Optional" is a required mark)
    fixed = [c for c in columns if c.kind in _FIXED_KINDS]
    return all(_PLAIN_WORD.fullmatch(word) and not any(c.matches(word) for c in fixed) for word in pair)


def _fixed_word(cell: str, columns: list[_Column]) -> bool:
    """A free cell that is one word of another column's vocabulary (``Optional``, ``List``): the site drops empty
    cells, so such a word standing alone between columns is that column's cell (Image: ``realtimeService boolean
    Optional true ...`` has an empty Valid range, a Required ``Optional`` and a Default ``true``, not a Valid range
    ``Optional`` and a Required ``true``; ``String List Optional`` is a type ``String List``). A dash is no such
    word: it is any column's mark of "nothing here" (``Integer - X``: a Max length ``-``)."""
    return (
        " " not in cell
        and any(ch.isalnum() for ch in cell)
        and any(c.kind in _FIXED_KINDS and _matches(c.kind, cell) for c in columns)
    )


def _bare_mark_name(words: list[_Word], start: int, columns: list[_Column], column: int) -> bool:
    """A nesting mark that may be a name by itself: the word after it is the next column's word as written (a
    location ``Body``), not one read by repairing its spelling (``- data Collection``: ``data`` is a field nested
    by the dash, not a type ``date``)."""
    if not _NEST_MARKS.fullmatch(words[start].text) or column + 1 >= len(columns) or start + 1 >= len(words):
        return False
    following, word = columns[column + 1], words[start + 1].text
    if not following.matches(word):
        return False
    return following.kind not in ("type", "typed-value", "usage") or "spelling repaired" not in read_type(word).note


def _keeper(columns: list[_Column]) -> int:
    """Which of several free-text columns side by side keeps their joined text: the description column if there is
    one (a default or note read from a description would be a wrong value; a description holding a default's text
    loses nothing), else the first."""
    return next((i for i, c in enumerate(columns) if FIELD_COLUMN_ROLES.get(c.title.lower()) == "description"), 0)


def _words(lines: list[str]) -> list[_Word]:
    return [_Word(text=word, starts_line=position == 0) for line in lines for position, word in enumerate(line.split())]


def _is_row_start(line: str, columns: list[_Column]) -> bool:
    """A line starts a row when it cuts into the columns with at most one vocabulary column unmatched (none when
    there is only one) and its first word can be a name; other lines continue the row above."""
    words = _words([line])
    if not words or words[0].text.endswith(_NAME_END) or not _name_start(words[0].text):
        return False
    fixed = sum(1 for c in columns if c.kind in _FIXED_KINDS)
    split = _split(words, columns)
    if split is _NO_SPLIT or split.cells[0].endswith(_NAME_END):
        # a name cell ending in a colon is a value line of a list in the cell above, its dash taken for nesting
        # (RDS: ``- READ: SELECT 쿼리 수행 가능한 권한`` under ``dbUsers.authorityType Body Enum ...``), never a field
        return False
    # A type word read only by repairing its spelling (``data`` as ``date``) does not vouch for a row: a sentence
    # continuing the cell above (``Search data of the previous cycle``) would otherwise start a phantom row.
    repaired = sum(
        1
        for column, cell in zip(columns, split.cells, strict=False)
        if column.kind in ("type", "typed-value", "usage")
        and cell
        and location_of(cell) is None
        and "spelling repaired" in read_type(cell).note
    )
    matched = split.matched - repaired
    if matched == 1 and _typeless_prose(split, columns):
        return False
    return fixed == 0 or (matched >= 1 and matched >= fixed - 1)


#: How many lines a row whose free cell spans lines may take before the cell after it (``page 조회할 페이지 번호`` /
#: ``Default 값: 0`` / ``No``).
_MAX_ROW_LINES = 4


def _row_with_marks_below(lines: list[str], index: int, columns: list[_Column]) -> int:
    """How many lines, from ``lines[index]``, make one row whose vocabulary cells come on a line of their own after a
    cell of several lines (0 if none). The site starts a cell after a cell of several lines on a new line (003), so
    in ``Key Value Required`` a row reads ``page 조회할 페이지 번호`` / ``Default 값: 0`` / ``No``: no single line has
    the Required word, yet the lines together are a row. The last line must hold vocabulary cells only (it starts
    no row itself), and no line between may start a row."""
    fixed = [c for c in columns if c.kind in _FIXED_KINDS]
    if not fixed:
        return 0
    for end in range(index + 2, min(index + 1 + _MAX_ROW_LINES, len(lines)) + 1):
        if _table_end(lines, end - 1) or (end - 1 > index and _is_row_start(lines[end - 1].strip(), columns)):
            return 0
        last = lines[end - 1].strip().split()
        if not all(any(_matches(c.kind, word) for c in fixed) for word in last):
            continue
        group = [line.strip() for line in lines[index:end]]
        words = _words(group)
        if not words or not _name_start(words[0].text) or words[0].text.endswith(_NAME_END):
            return 0
        split = _split(words, columns)
        if split is _NO_SPLIT or split.matched < max(1, len(fixed) - 1) or split.cells[0].endswith(_NAME_END):
            continue
        # the last line is the row's trailing vocabulary cells, cut as such (not the end of a free cell: ``- IPV4:
        # IPv4`` / ``- IPV6: IPv6`` continue a description)
        filled = [i for i, cell in enumerate(split.cells) if cell]
        tail = next((i for i in filled if " ".join(split.cells[j] for j in filled if j >= i) == " ".join(last)), None)
        if tail is not None and all(columns[i].kind in _FIXED_KINDS for i in filled if i >= tail):
            return end - index
    return 0


def _typeless_prose(split: _Split, columns: list[_Column]) -> bool:
    """The cut has no type where a type column follows the name, and a free cell of several words before its one
    match: a sentence continuing the cell above, one of whose words happens to be a required mark (Image:
    ``Creates an operation file with the option you want``: ``option``), not a row whose type cell is empty."""
    if len(columns) < 3 or columns[1].kind not in ("type", "usage") or split.cells[1]:
        return False
    first_match = next(
        (i for i, (c, cell) in enumerate(zip(columns, split.cells, strict=False)) if c.kind in _FIXED_KINDS and cell),
        len(columns),
    )
    return any(
        columns[i].kind == "free" and len(split.cells[i].split()) > 2
        for i in range(2, min(first_match, len(split.cells)))
    )


_BULLETS = frozenset("•·▪◦●○■□※")


def _name_start(word: str) -> bool:
    """A row's first word can be a name unless it starts with a bullet or note mark (``• PreparingRebalance ...``
    continues a list in the cell above; ``※ ...`` is a note)."""
    return word[0] not in _BULLETS


def _columns(header: list[str], models: frozenset[str] = frozenset()) -> list[_Column]:
    """The columns of a rebuilt table, by their headers."""
    columns = [_Column(title, _column_kind(title)) for title in header]
    if columns[0].kind in ("endpoint", "value") or _path_names_rows([c.kind for c in columns]):
        columns[0] = _Column(columns[0].title, "name")
    # A value column past the first holds free text (``Name | Type | Value``), as an endpoint column does here;
    # followed by a description column it holds the types (IAP: ``Property name | Value | Description`` rows
    # ``isSuccessful Boolean true or false``), which the Markdown dialect reads as such.
    columns = [
        (
            c
            if c.kind not in ("endpoint", "value")
            else _Column(c.title, "typed-value" if _description_after(columns, i) else "free")
        )
        for i, c in enumerate(columns)
    ]
    return [_Column(c.title, c.kind, models) if c.kind in ("type", "typed-value") else c for c in columns]


def _rebuilt_table(
    lines: list[str], start: int, header: list[str], models: frozenset[str] = frozenset()
) -> tuple[Table, int]:
    """Rows cut by the column vocabularies (:func:`_split`); lines that do not start a row continue the one above
    (their line breaks kept, as ``<br>`` is in the Markdown); a line before any row is an empty row whose repair
    says why, so reading goes on and the dialect reports it."""
    columns = _columns(header, models)
    groups: list[tuple[int, list[str]]] = []
    skipped: list[Row] = []
    index = start + 1
    while not _table_end(lines, index):
        stripped = lines[index].strip()
        taken = 0 if _is_row_start(stripped, columns) else _row_with_marks_below(lines, index, columns)
        if _is_row_start(stripped, columns):
            groups.append((index + 1, [stripped]))
        elif taken:
            groups.append((index + 1, [line.strip() for line in lines[index : index + taken]]))
            index += taken
            continue
        elif groups:
            groups[-1][1].append(stripped)
        else:
            skipped.append(
                Row(cells=(), line=index + 1, repairs=(f"{stripped[:60]!r} is not a row of the table {header}",))
            )
        index += 1
    rows: list[Row] = []
    for line, group in groups:
        split = _split(_words(group), columns)
        if split is _NO_SPLIT:
            # No cut takes every word (no free column to hold the rest): the last column keeps the rest.
            words = _words(group)
            cells = [w.text for w in words[: len(columns) - 1]] + [_join(words[len(columns) - 1 :])]
            rows.append(
                Row(
                    cells=tuple(cells),
                    line=line,
                    repairs=("the row has more words than columns; the last column keeps the rest",),
                )
            )
            continue
        rows.append(Row(cells=split.cells, line=line, repairs=split.repairs))
    return Table(header=tuple(header), rows=(*skipped, *rows), line=start + 1), index


def _description_after(columns: list[_Column], index: int) -> bool:
    """Whether a column past the first is a value column with a description column right after it."""
    return (
        index > 0
        and columns[index].kind == "value"
        and index + 1 < len(columns)
        and FIELD_COLUMN_ROLES.get(columns[index + 1].title.lower()) == "description"
    )


def _key_value_operation(lines: list[str], start: int) -> tuple[Table, int] | None:
    """``HTTP Method POST`` then ``Request URL https://...``: a two-column key-value table whose first row is its
    header in the Markdown (``| HTTP Method | POST |`` / ``| Request URL | ... |``); rebuilt the same."""
    if start + 1 >= len(lines):
        return None
    first, second = lines[start].strip().rsplit(" ", 1), lines[start + 1].strip().rsplit(" ", 1)
    if len(first) != 2 or len(second) != 2:
        return None
    if first[0].lower() not in METHOD_COLUMNS or first[1] not in METHODS:
        return None
    if second[0].lower() not in URI_COLUMNS or not second[1].startswith(_URI_START):
        return None
    table = Table(
        header=(first[0], first[1]), rows=(Row(cells=(second[0], second[1]), line=start + 2),), line=start + 1
    )
    return table, start + 2


def _endpoint_table(lines: list[str], start: int, header: list[str]) -> tuple[Table, int]:
    """Endpoint tables whose cells of several lines were flattened: ``[<type>] <region1>``, further region lines,
    then the URLs in the same order (a URL may also end a region's line); a new row starts at text after URLs."""
    groups: list[tuple[list[str], list[str], int]] = []
    index = start + 1
    while not _table_end(lines, index):
        words = lines[index].split()
        cut = next((i for i, w in enumerate(words) if _URL.match(w)), len(words))
        text, urls = " ".join(words[:cut]), words[cut:]
        if text and (not groups or groups[-1][1]):
            groups.append(([text], [], index + 1))
        elif text:
            groups[-1][0].append(text)
        elif not groups:
            groups.append(([], [], index + 1))
        groups[-1][1].extend(urls)
        index += 1
    rows: list[Row] = []
    typed = len(header) >= 3
    for texts, urls, line in groups:
        if typed and texts:
            kind, _, region = texts[0].partition(" ")
            regions = ([region.strip()] if region.strip() else []) + texts[1:]
            cells: tuple[str, ...] = (kind, "\n".join(regions), "\n".join(urls))
        else:
            cells = ("\n".join(texts), "\n".join(urls))
        rows.append(Row(cells=cells, line=line))
    return Table(header=tuple(header), rows=tuple(rows), line=start + 1), index


# ----------------------------------------------------------------------------------------------- second pass


def _title_like(text: str) -> bool:
    return (
        not text.endswith(_SENTENCE_END)
        and len(text.split()) <= _MAX_TITLE_WORDS
        and not text[0].islower()
        and (text[0].isalnum())
        and "{" not in _ANCHOR_ATTRIBUTE.sub("", text)
        and not _is_sample_label(text)
    )


def _label_words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", text.lower()) if w]


def _is_label(text: str) -> bool:
    """A bracketed label line (``[Request Sample]``, ``[Path Variable]``): a part of an operation, never a title."""
    return text.startswith("[") and "]" in text


def _is_method(item: _Item) -> bool:
    if not isinstance(item.block, CodeBlock):
        return False
    first = item.block.text.split("\n", 1)[0]
    return bool(_METHOD_LINE.match(first)) or _bare_method_at(item.block.text.split("\n"), 0)


def _methods_of(item: _Item) -> set[str]:
    """The methods a method line or a Method/URI table declares."""
    if isinstance(item.block, CodeBlock):
        return set(re.findall(rf"\b(?:{_ONE_METHOD})\b", item.block.text.split("\n", 1)[0]))
    if isinstance(item.block, Table):
        return {c.strip().upper() for r in item.block.rows for c in r.cells if c.strip().upper() in METHODS}
    return set()


def _repeats_under_sample_label(items: list[_Item], index: int, samples: set[int], levels: dict[int, int]) -> bool:
    """The method line at ``items[index]`` is a sample of the operation declared before it: a sample label
    (``[요청 샘플]``, ``[Example]``, ``例``) is over it with only captions, labels and other samples between (Mobile
    Device Info: ``[요청 샘플]``, then a caption line and a ``GET ...?deviceModelCode=...`` block per sample), and the
    declaration before that label, under no other operation's title, has the same method. ``samples``: the method
    lines before ``index`` found to be samples; ``levels``: the headings decided so far. The dialect then decides, by
    the path, whether it repeats the operation."""
    labelled = False
    for back in range(index - 1, -1, -1):
        item = items[back]
        if back in samples:
            continue  # an earlier sample of the same list: the declaration is further back
        if _is_method(item) or _is_operations_table(item):
            return labelled and bool(_methods_of(item) & _methods_of(items[index]))
        text = item.text or ""
        if _is_sample_label(text) or (_is_label(text) and set(_label_words(text)) & SAMPLE_WORDS):
            labelled = True
        elif not labelled and item.block is not None:
            return False  # a table or an example before any sample label: this line starts a part of its own
        if item.blanks_before >= 2 or levels.get(back) == 2:
            return False
    return False


def _is_operations_table(item: _Item) -> bool:
    """A ``Method URI`` table of one row (or a key-value ``HTTP Method`` table): it places an operation, as a method
    line does. A table of several operations is a summary of the guide, not an operation."""
    if not isinstance(item.block, Table) or len(item.block.rows) != 1:
        return False
    header = [h.lower() for h in item.block.header]
    return any(h in METHOD_COLUMNS or h in METHODS_LOWER for h in header) and (
        any(h in URI_COLUMNS for h in header) or any(c.startswith(_URI_START) for r in item.block.rows for c in r.cells)
    )


METHODS_LOWER = frozenset(m.lower() for m in METHODS)


def _referenced_models(items: list[_Item]) -> frozenset[str]:
    """Model names a table's cell names as a type (``header | Header | 응답 헤더``; ``AlarmTarget[]``,
    ``List<Alarm>``): a line saying such a name alone over a table is that model's caption."""
    names: set[str] = set()
    for item in items:
        if isinstance(item.block, Table):
            for row in item.block.rows:
                for cell in row.cells[1:]:
                    match = _LIST_OF_MODEL.match(cell.strip())
                    if match and match.group(1)[:1].isupper() and not read_type(match.group(1)).known:
                        names.add(match.group(1))
    return frozenset(names)


def _decide_headings(items: list[_Item]) -> list[Block]:
    levels: dict[int, int] = {}  # item index -> heading level
    samples: set[int] = set()  # method lines that are samples of the operation declared before them
    if items and items[0].text is not None:
        levels[0] = 1
    for index, item in enumerate(items):
        if (item.text or "").lower() in REQUEST_WORDS | RESPONSE_WORDS:
            levels[index] = 3
    # Operation titles: walk back from each method line over the text lines of this operation (stopping at a
    # table/code block, a heading already decided, or a line after two blank lines -- the start of a section).
    # A Method/URI table places an operation as a method line does. Either may sit under the request label
    # (``Request`` / ``[URI]`` / the table), so the walk back passes over a request label to reach the title.
    for index, item in enumerate(items):
        table = _is_operations_table(item)
        if not _is_method(item) and not table:
            continue
        sample = not table and _repeats_under_sample_label(items, index, samples, levels)
        if sample:
            samples.add(index)
        run: list[int] = []
        back = index - 1
        while back >= 0 and items[back].text is not None:
            if back in levels:
                if not (levels[back] == 3 and (items[back].text or "").lower() in REQUEST_WORDS):
                    break
                back -= 1
                continue
            run.append(back)
            if items[back].blanks_before >= 2:
                break
            back -= 1
        if not run:
            continue
        # run is nearest-first: skip description sentences; the first title-like line is the title. A method line
        # right under a sample label (``[Request Sample]``) is a sample, not an operation: no title for it.
        if _is_label(items[run[0]].text or "") and set(_label_words(items[run[0]].text or "")) & SAMPLE_WORDS:
            continue
        if sample:
            continue
        title = next((i for i in run if _title_like(items[i].text or "")), None)
        if title is not None:
            levels[title] = 2
    # Section titles introducing a table outside operations (status lists): level 2. Inside an operation (from its
    # method line or Method/URI table to the next operation title or two blank lines) a title-like line before a
    # table is a caption of the operation's own part (``A record set`` above that record type's fields), not a
    # section: a heading there would cut the operation.
    inside = False
    referenced = _referenced_models(items)
    for index, item in enumerate(items):
        if item.blanks_before >= 2 or levels.get(index) == 2:
            inside = False
        if _is_method(item) or _is_operations_table(item):
            inside = True
        if inside or index in levels or item.text is None or not _title_like(item.text):
            continue
        if item.text in referenced:
            # a model's caption (``Header`` over its fields, named by a type cell ``header Header ...`` above): a
            # bullet in the Markdown (``- Header <a id=...>``), which the dialect reads as the table's caption; a
            # heading here would end the section the model belongs to (the guide's common response)
            continue
        after = index + 1
        while after < len(items) and (items[after].text or "").endswith(_SENTENCE_END):
            after += 1
        if after < len(items) and isinstance(items[after].block, Table) and after - index <= 3:
            levels[index] = 2
    # Groups: a title-like line right before a level-2 heading.
    for index, item in enumerate(items):
        if index in levels or item.text is None or not _title_like(item.text):
            continue
        if levels.get(index + 1) == 2:
            levels[index] = 1
    blocks: list[Block] = []
    for index, item in enumerate(items):
        if item.block is not None:
            blocks.append(item.block)
        elif index in levels:
            blocks.append(Heading(title=item.text or "", level=levels[index], line=item.line))
        else:
            blocks.append(Paragraph(text=item.text or "", line=item.line))
    return blocks
