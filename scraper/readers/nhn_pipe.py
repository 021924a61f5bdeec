"""NHN pipe text reader: the NHN Cloud docs site's *pipe* text rendering of an API guide -> Document.

Why a reader of its own: besides the rendering :mod:`scraper.readers.nhn_text` reads (headings as plain lines, cells
joined by spaces), docs.nhncloud.com pages are also seen rendered with tables as pipe rows and *every heading
dropped* (``tests/fixtures/nhn/pipe/README.md`` lists the pages): no blank line, no "Request"/"Response" heading,
no operation title; bullet lists are gone too. What survives: the breadcrumb title as the first line (sometimes),
paragraphs one a line, bracket labels (``[URI]``, ``[Response]``), code lines flush left, and tables
(``| Name | Type |`` over ``|---|---|``, or the same without the leading pipe).

Reading it:

* **Tables**: a pipe row over a separator row is a header, and so is a pipe row of column words (two or more,
  every cell header-like: :func:`scraper.readers.cell_lines.header_like`) over another pipe row, as Korean and
  Japanese pages are seen rendered with no separator row (E-mail, API Gateway, Certificate Manager v1.1); each
  following line ending in ``|`` is a row, and a row
  with fewer cells than the header continues on the next line (the site breaks the row after a cell of several
  lines: ``compute | Korea (Pangyo) Region ... |`` then the endpoint URLs). A row of more cells than the header
  keeps the extra text in its last cell, one of fewer is padded with empty cells; both are repairs on the row.
* **Code**: a ``METHOD /path`` line with its header lines, a JSON document (to its balanced bracket), an ``HTTP/1.1``
  status sample and a ``curl`` command are read as :mod:`scraper.readers.nhn_text` reads them; so is an example
  whose bracket-only lines the rendering dropped (:mod:`scraper.readers.bracketless_json` rebuilds them).
* **Headings the rendering dropped are rebuilt** where what remains places them, each marked ``inferred``:

  - the first line, when it is a breadcrumb (``A > B > API Guide``), is the title (level 1; not inferred, it is the
    page's own);
  - each operation declaration (a ``METHOD /path`` block, a one-row ``Method | URI`` table) starts an operation:
    an untitled level-2 heading goes before the label and description lines right above it (back to the previous
    table, code block or response label). A method line under a sample label (``[Request Sample]``) that repeats
    the method declared before it is that operation's sample, not an operation;
  - inside an operation that no response label splits (``[Response]``, ``응답``), a level-3 ``Response`` heading
    goes before the first sign of the response: a sentence saying the response has no body, or a field table with
    no required column after the operation's table that has one (OpenStack-style guides: ``Name | Type | Format |
    Required | Description`` for the request, ``Name | Type | Format | Description`` for the response).

Everything else is a :class:`Paragraph`, one per line.
"""

from __future__ import annotations

import re

from scraper.document import Block, CodeBlock, Document, Heading, Paragraph, Row, Table
from scraper.readers.bracketless_json import JSON_MEMBER, member_block
from scraper.readers.cell_lines import cell_line_table, column_word, header_like, is_cell_line
from scraper.readers.nhn_text import (
    _ARRAY_START,
    _CURL_LINE,
    _HEADER_LINE,
    _MAX_TITLE_WORDS,
    _METHOD_LINE,
    _ONE_METHOD,
    _PLACEHOLDER_START,
    _SENTENCE_END,
    _STATUS_LINE,
    METHODS,
    _bare_method_at,
    _is_sample_label,
    _json_block,
    _method_block,
    page_lines,
)
from scraper.readers.value_lines import value_lines
from scraper.table_vocabulary import (
    COMMON_RESPONSE_SENTENCE,
    LABEL_LOCATIONS,
    LOCATIONS,
    METHOD_COLUMNS,
    REQUEST_WORDS,
    RESPONSE_WORDS,
    SAMPLE_WORDS,
    URI_COLUMNS,
    compound_parts,
    field_column_role,
)

__all__ = ["is_pipe_rendering", "read"]

#: A separator row: ``|---|:---:|`` or ``---|---|``.
_SEPARATOR = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*(?::?-{3,}:?\s*)?$")
#: Sentences saying an operation's response has no body: the response part starts there.
_NO_RESPONSE_BODY = re.compile(
    r"does not return a response body|no response body|응답 본문을 반환하지 않|응답 본문이 없"
    r"|レスポンス本文を返しません|レスポンス本文はありません",
    re.IGNORECASE,
)
#: A JSON example of the NHN response envelope: ``"header": {`` with ``isSuccessful`` or ``resultCode`` in it.
_ENVELOPE_EXAMPLE = re.compile(r'^\s*[\[{]\s*"header"\s*:\s*\{[^{}]*"(?:isSuccessful|resultCode)"')
#: Sentences saying an operation's request has no body.
_NO_REQUEST_BODY = re.compile(
    r"does not require a request body|요청 본문을 요구하지 않|リクエスト本文を要求しません", re.IGNORECASE
)
_LABEL_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_INFERRED_OPERATION = "the rendering drops headings: an operation starts at its declaration, with the lines above it"
_INFERRED_TITLED = (
    "the rendering keeps headings as plain lines: an operation starts at its declaration, its first line its title"
)
_INFERRED_RESPONSE = "the rendering drops headings: the response starts at {why}"


def is_pipe_rendering(text: str) -> bool:
    """The page has a pipe row over a separator row (a table of the pipe rendering), whichever leading-pipe style,
    a header row of column words over a pipe row (:func:`_separatorless_header`), or a table written one cell a
    line (R3: :mod:`scraper.readers.cell_lines`)."""
    lines = text.split("\n")
    if any(_separatorless_header(lines, index) for index, line in enumerate(lines) if line.rstrip().endswith("|")):
        return True
    return any(
        _SEPARATOR.match(line.strip()) and "|" in lines[index - 1] and not _SEPARATOR.match(lines[index - 1].strip())
        for index, line in enumerate(lines)
        if index > 0 and "-" in line
    ) or any(
        is_cell_line(line) and (index == 0 or not is_cell_line(lines[index - 1])) and cell_line_table(lines, index)
        for index, line in enumerate(lines)
    )


def read(text: str, page: str) -> Document:
    """Read one pipe text rendering into a :class:`Document`; :class:`ReaderError` if it has no content."""
    lines = page_lines(text, page)
    document = Document(page=page, end_line=len(lines))
    blocks = _blocks(lines)
    document.blocks.extend(_with_headings(blocks, titled=any(_is_cell_line_table(b, lines) for b in blocks)))
    return document


# ------------------------------------------------------------------------------------------------ blocks


def _blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    index = 0
    first = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    while index < len(lines):
        stripped = lines[index].strip()
        if not stripped:
            index += 1
            continue
        after_sample = bool(blocks) and isinstance(blocks[-1], Paragraph) and _is_sample(blocks[-1].text)
        block: Block
        if index == first and " > " in stripped and "|" not in stripped:
            block, index = Heading(title=stripped, level=1, line=index + 1), index + 1
        elif index + 1 < len(lines) and "|" in stripped and _SEPARATOR.match(lines[index + 1].strip()):
            block, index = _table(lines, index, index + 2)
        elif _separatorless_header(lines, index):
            block, index = _table(lines, index, index + 1)
        elif (stripped.startswith("{") and not _PLACEHOLDER_START.match(stripped)) or (
            stripped.startswith("[") and (after_sample or _ARRAY_START.match(stripped))
        ):
            block, index = _json_block(lines, index)
        elif is_cell_line(stripped) and (cell_table := cell_line_table(lines, index)) is not None:
            block, index = cell_table.table, cell_table.end
        elif _METHOD_LINE.match(stripped) or _bare_method_at(lines, index):
            block, index = _method_block(lines, index)
        elif JSON_MEMBER.match(stripped):
            block, index = member_block(lines, index)
        elif _CURL_LINE.match(stripped):
            block, index = _command_block(lines, index)
        elif _STATUS_LINE.match(stripped):
            block, index = _response_block(lines, index)
        else:
            block, index = Paragraph(text=stripped, line=index + 1), index + 1
        blocks.append(block)
    return blocks


def _cells(text: str) -> list[str]:
    """The cells of one line of a row: each cell ends in ``|``; a leading ``|`` opens the row."""
    body = text.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    return [value_lines(cell.strip()) for cell in body.split("|")]


def _separatorless_header(lines: list[str], index: int) -> bool:
    """A header row with no separator row under it: two or more cells, every one header-like and two or more of
    them column words, over a row of two or more cells. Prose that ends in a pipe is no header (its words are no
    column words), nor is a row of a table under a separator row (the caller is past those)."""
    stripped = lines[index].strip()
    if not stripped.endswith("|") or _SEPARATOR.match(stripped) or index + 1 >= len(lines):
        return False
    following = lines[index + 1].strip()
    if not following.endswith("|") or _SEPARATOR.match(following) or len(_cells(following)) < 2:
        return False
    header = _cells(stripped)
    return (
        len(header) >= 2
        and all(cell and header_like(cell) for cell in header)
        and sum(column_word(cell) for cell in header) >= 2
    )


def _table(lines: list[str], start: int, body: int) -> tuple[Table, int]:
    """The table whose header is the row at ``start`` and whose rows start at ``body`` (after its separator row, or
    right under a header that has none)."""
    header = _cells(lines[start])
    width = len(header)
    rows: list[Row] = []
    index = body
    while index < len(lines):
        stripped = lines[index].strip()
        if not stripped.endswith("|") or (index + 1 < len(lines) and _SEPARATOR.match(lines[index + 1].strip())):
            break
        if _separatorless_header(lines, index):  # the next table, straight after this one
            break
        line = index + 1
        cells = _cells(stripped)
        index += 1
        while len(cells) < width and index < len(lines):
            following = lines[index].strip()
            if not following.endswith("|") or following.startswith("|") or _SEPARATOR.match(following):
                break
            if index + 1 < len(lines) and _SEPARATOR.match(lines[index + 1].strip()):
                break
            cells.extend(_cells(following))
            index += 1
        repairs: tuple[str, ...] = ()
        if len(cells) > width:
            repairs = (f"{len(cells)} cells for {width} columns: the cells past the last column kept in it",)
            cells = [*cells[: width - 1], " | ".join(cells[width - 1 :])]
        elif len(cells) < width:
            repairs = (f"{len(cells)} cells for {width} columns: the missing cells read as empty",)
            cells = cells + [""] * (width - len(cells))
        rows.append(Row(cells=tuple(cells), line=line, repairs=repairs))
    return Table(header=tuple(header), rows=tuple(rows), line=start + 1), index


def _command_block(lines: list[str], start: int) -> tuple[CodeBlock, int]:
    """A ``curl ...`` command: its lines while each ends in a line continuation (``\\``) or a quote is open (E-mail:
    ``-d '{`` and the JSON body to its closing ``}'``); no blank line ends it here."""
    end = start + 1
    while end < len(lines) and lines[end].strip() and not lines[end].rstrip().endswith("|"):
        if not (lines[end - 1].rstrip().endswith("\\") or _quote_open("\n".join(lines[start:end]))):
            break
        end += 1
    if _quote_open("\n".join(lines[start:end])):
        # a quote that never closes (an apostrophe in the body's text): the continuation lines only
        end = start + 1
        while end < len(lines) and lines[end - 1].rstrip().endswith("\\") and lines[end].strip():
            end += 1
    return CodeBlock(text="\n".join(line.rstrip() for line in lines[start:end]), line=start + 1), end


def _quote_open(command: str) -> bool:
    """A single- or double-quoted string of the shell command is still open at its end."""
    quote = ""
    for char in command:
        if quote and char == quote:
            quote = ""
        elif not quote and char in "'\"":
            quote = char
    return bool(quote)


def _response_block(lines: list[str], start: int) -> tuple[CodeBlock, int]:
    """``HTTP/1.1 200 OK``, its header lines and the JSON body right under them (no blank line between here)."""
    end = start + 1
    while end < len(lines) and _HEADER_LINE.match(lines[end].strip()):
        end += 1
    text = [line.rstrip() for line in lines[start:end]]
    if end < len(lines) and lines[end].strip().startswith(("{", "[")):
        json_block, after = _json_block(lines, end)
        return CodeBlock(text="\n".join([*text, "", json_block.text]), line=start + 1), after
    return CodeBlock(text="\n".join(text), line=start + 1), end


# ------------------------------------------------------------------------------------------------ headings


def _label_words(text: str) -> list[str]:
    inner = text.strip().strip("*").strip()
    bracket = re.match(r"^\[([^\[\]]*)\]", inner)
    if bracket is not None:
        inner = bracket.group(1)
    words: list[str] = []
    for word in _LABEL_WORD.findall(inner.lower()):
        words.extend(compound_parts(word, REQUEST_WORDS | RESPONSE_WORDS | SAMPLE_WORDS | set(LABEL_LOCATIONS)))
    return words


def _label_part(text: str) -> str | None:
    """``response``, ``request`` or ``sample`` for a label line (``[Response]``, ``[Success: Response Body]``,
    ``Request Parameter``, ``[Request Sample]``), None for any other line."""
    stripped = text.strip()
    if not stripped or len(stripped) > 60:
        return None
    bracketed = stripped.startswith("[") and "]" in stripped
    words = _label_words(stripped)
    known = REQUEST_WORDS | RESPONSE_WORDS | SAMPLE_WORDS | set(LABEL_LOCATIONS) | {"body", "parameter", "parameters"}
    if not words or (not bracketed and not set(words) <= known | {"success", "failure", "header", "headers"}):
        return None
    if set(words) & SAMPLE_WORDS:
        return "sample"
    if set(words) & RESPONSE_WORDS:
        return "response"
    if set(words) & known:
        return "request"
    return None


def _says_response(text: str) -> bool:
    """A sentence that says what an operation responds (no body, the common information): its response's own."""
    return bool(_NO_RESPONSE_BODY.search(text) or COMMON_RESPONSE_SENTENCE.search(text))


def _is_sample(text: str) -> bool:
    return _is_sample_label(text.strip()) or _label_part(text) == "sample"


def _method_of(block: Block) -> str | None:
    """The method an operation declaration declares: a ``METHOD /path`` block or a one-row ``Method | URI`` table."""
    if isinstance(block, CodeBlock):
        first = block.text.split("\n", 1)[0].strip()
        if _METHOD_LINE.match(first) or _bare_method_at(block.text.split("\n"), 0):
            found = re.search(rf"\b(?:{_ONE_METHOD})\b", first)
            return found.group(0) if found else None
        return None
    if (
        isinstance(block, Table)
        and len(block.header) == 2
        and block.header[0].lower() in METHOD_COLUMNS
        and block.header[1].strip().upper() in METHODS
    ):
        # a key-value table: ``HTTP Method | POST`` over ``Request URL | https://...``
        return block.header[1].strip().upper()
    if isinstance(block, Table) and len(block.rows) == 1:
        header = [h.lower() for h in block.header]
        if any(h in METHOD_COLUMNS for h in header) and any(h in URI_COLUMNS for h in header):
            column = next(i for i, h in enumerate(header) if h in METHOD_COLUMNS)
            return block.rows[0].cells[column].strip().upper() or None
    return None


def _declarations(blocks: list[Block]) -> list[int]:
    """Indexes of the blocks that declare an operation; a sample of the previous declaration is none."""
    found: list[int] = []
    for index, block in enumerate(blocks):
        method = _method_of(block) or _interface_method(blocks, index)
        if method is None:
            continue
        if found and isinstance(block, CodeBlock) and _is_sample_request(blocks, found[-1], index):
            continue
        found.append(index)
    return found


#: A ``URL: https://...`` line (a bullet in the page: ``- URL: ...``, ``- URL(Dev): ...``).
_URL_LINE = re.compile(r"^(?:[-*\u2022]\s*)?(?:URL|URI)\b[^:：]{0,20}[:：]\s*\S", re.IGNORECASE)


def _interface_method(blocks: list[Block], index: int) -> str | None:
    """The method of a one-row interface table with no URI column whose method column (``Call direction``) holds
    it, under a ``URL:`` line at most three blocks above (Contact Center), as the dialect reads that declaration."""
    table = blocks[index]
    if not isinstance(table, Table) or len(table.rows) != 1:
        return None
    header = [" ".join(h.lower().split()) for h in table.header]
    column = next((i for i, h in enumerate(header) if h in METHOD_COLUMNS), None)
    if column is None or column >= len(table.rows[0].cells):
        return None
    method = table.rows[0].cells[column].strip().upper()
    above = blocks[max(0, index - 3) : index]
    if method in METHODS and any(isinstance(b, Paragraph) and _URL_LINE.match(b.text.strip()) for b in above):
        return method
    return None


def _path_of(block: Block) -> str:
    if isinstance(block, CodeBlock):
        words = block.text.split("\n", 1)[0].split()
        return words[-1] if words else ""
    if isinstance(block, Table):
        return next((c for r in block.rows for c in r.cells if c.startswith(("/", "http"))), "")
    return ""


def _is_sample_request(blocks: list[Block], declared: int, index: int) -> bool:
    """The method line at ``index`` is the operation declared at ``declared`` written again under a sample label
    (``[Request Sample]``, with only caption lines between): the same method, and its path the declared one with
    values for the placeholders."""
    back = index - 1
    while back > declared and isinstance(blocks[back], Paragraph) and not _is_sample(blocks[back].text):  # type: ignore[union-attr]
        back -= 1
    if back <= declared or not isinstance(blocks[back], Paragraph):
        return False
    if _method_of(blocks[declared]) != _method_of(blocks[index]):
        return False
    declared_path = re.sub(r"^https?://[^/]+", "", _path_of(blocks[declared]).split("?")[0])
    written = re.sub(r"^https?://[^/]+", "", _path_of(blocks[index]).split("?")[0])
    pattern = "".join(
        "[^/]+" if part.startswith("{") else re.escape(part) for part in re.split(r"(\{[^{}]*\})", declared_path)
    )
    return re.fullmatch(pattern, written) is not None


def _operation_start(blocks: list[Block], declaration: int, floor: int) -> int:
    """Where the operation declared at ``declaration`` starts: back over the lines above it to the previous table,
    code block or response label (whose own lines, up to the first request label, stay with it)."""
    start = declaration
    while start - 1 > floor and isinstance(blocks[start - 1], Paragraph):
        text = blocks[start - 1].text  # type: ignore[union-attr]
        if _label_part(text) in ("response", "sample") or _says_response(text):
            break  # the previous operation's response (a label, or a sentence saying what it responds)
        start -= 1
    if start < declaration and start - 1 > floor and isinstance(blocks[start - 1], Paragraph):
        # under a response label with nothing else yet: its sentences are its own, the operation starts at the first
        # request label
        first_label = next(
            (
                i
                for i in range(start, declaration)
                if isinstance(blocks[i], Paragraph) and _label_part(blocks[i].text) == "request"  # type: ignore[union-attr]
            ),
            declaration,
        )
        start = first_label
    return start


def _has_required_column(table: Table) -> bool:
    return any(field_column_role(" ".join(h.lower().split())) == "required" for h in table.header)


def _is_field_table(table: Table) -> bool:
    roles = {field_column_role(" ".join(h.lower().split())) for h in table.header}
    return bool(roles & {"name", "value"}) and bool(roles & {"type", "description"})


def _is_envelope_table(table: Table) -> bool:
    """The NHN response envelope's table: ``header.isSuccessful`` and ``header.resultCode`` rows, dotted or nested by
    dashes (``header`` over ``- isSuccessful``: E-mail, Alimtalk)."""
    names: set[str] = set()
    parent = ""
    for row in table.rows:
        cell = row.cells[0].strip().lower() if row.cells else ""
        nested = cell.lstrip("-").strip()
        if cell.startswith("-") and parent:
            names.add(f"{parent}.{nested}")
        else:
            parent = nested
            names.add(nested)
    return bool({"header.issuccessful", "header.resultcode"} & names)


def _locations(table: Table) -> set[str]:
    """The locations a field table's location column names (``path``, ``query``, ``header``, ``body``); empty when
    it has none."""
    for column in range(len(table.header)):
        cells = [r.cells[column].strip().lower() for r in table.rows if column < len(r.cells) and r.cells[column]]
        if cells and sum(cell in LOCATIONS for cell in cells) * 2 > len(cells):
            return {LOCATIONS[cell] for cell in cells if cell in LOCATIONS}
    return set()


def _has_location_column(table: Table) -> bool:
    """A column of locations (``URL``, ``Header``, ``Query``, ``Body``), by its cells: its header may say ``Type``
    (OpenStack-style guides, whose ``Format`` column holds the type)."""
    for column in range(len(table.header)):
        cells = [r.cells[column].strip().lower() for r in table.rows if column < len(r.cells) and r.cells[column]]
        if cells and sum(cell in LOCATIONS for cell in cells) * 2 > len(cells):
            return True
    return False


def _response_start(blocks: list[Block], declaration: int, end: int) -> tuple[int, str] | None:
    """Where the response of the operation declared at ``declaration`` starts when no label says so, and why; None
    when nothing shows it. The signs, first found first: a sentence saying the response has no body; a second field
    table with a location column (one such table holds all of a request's rows: Container Service, Compute); a
    field table without a required column after one with it (OpenStack-style guides); a JSON example under no label
    after the request's sample (E-mail: ``[예시 1]`` with its ``curl`` call, then the response's JSON); the NHN
    response envelope's table (``header.isSuccessful``); after a sentence saying the request has no body, a field
    table with neither a location nor a required column (RDS: a GET's one table is its response's)."""
    labelled_response = any(
        isinstance(block, Paragraph) and _label_part(block.text) == "response"
        for block in blocks[declaration + 1 : end]
    )
    required_seen = located_seen = sample_seen = no_request_body = False
    for index in range(declaration + 1, end):
        block = blocks[index]
        previous = blocks[index - 1]
        if isinstance(block, Paragraph):
            if _label_part(block.text) == "response":
                return None  # the page says where the response starts
            if _NO_RESPONSE_BODY.search(block.text):
                return index, "the sentence saying it has no body"
            if COMMON_RESPONSE_SENTENCE.search(block.text):
                return index, "the sentence saying it responds with the common information"
            no_request_body = no_request_body or _NO_REQUEST_BODY.search(block.text) is not None
        elif isinstance(block, Table) and _is_field_table(block):
            if _is_envelope_table(block):
                return index, "the field table of the response envelope (header.isSuccessful, header.resultCode)"
            if no_request_body and not _has_required_column(block) and _locations(block) <= {"body"}:
                return index, "the first field table with no required column nor request location after the sentence"
            if _has_location_column(block):
                if located_seen:
                    return index, "the operation's second field table with a location column"
                located_seen = True
            if _has_required_column(block):
                required_seen = True
            elif required_seen:
                return index, "the first field table without a required column after one with it"
        elif isinstance(block, CodeBlock):
            labelled = isinstance(previous, Paragraph) and _label_part(previous.text) is not None
            if _CURL_LINE.match(block.text.lstrip()) or (labelled and _is_sample(previous.text)):  # type: ignore[union-attr]
                sample_seen = True  # a call written out is a sample of the request, labelled or not
            elif not labelled and _ENVELOPE_EXAMPLE.match(block.text):
                return index, "the JSON example of the response envelope (header.isSuccessful, header.resultCode)"
            elif sample_seen and not labelled and not labelled_response and block.text.lstrip().startswith(("{", "[")):
                # (the weakest sign: a response label further on says where the response starts, Image's examples
                # of request options under no label come before it)
                return index, "the first JSON example under no label after the request's sample"
    return None


def _is_cell_line_table(block: Block, lines: list[str]) -> bool:
    """A table the page wrote one cell a line (R3, whose headings are kept as plain lines)."""
    first = lines[block.line - 1].strip().removeprefix("|")
    return isinstance(block, Table) and is_cell_line(lines[block.line - 1]) and "|" not in first[:-1]


def _title_line(block: Block) -> str | None:
    """A line that reads as a heading kept as plain text: short, no sentence, no label, no ``key: value``."""
    if not isinstance(block, Paragraph):
        return None
    text = block.text.strip()
    if (
        not text
        or len(text.split()) > _MAX_TITLE_WORDS
        or text.endswith(_SENTENCE_END)
        or _label_part(text) is not None
        or _URL_LINE.match(text)
        or text.startswith(("-", "*", "\u2022", "[", "{"))
        or ": " in text
    ):
        return None
    return text


def _with_headings(blocks: list[Block], *, titled: bool = False) -> list[Block]:
    """``blocks`` with the headings the rendering dropped rebuilt. ``titled``: the page keeps its headings as plain
    lines (R3), so an operation's first line, when it reads as a heading, is the operation's title."""
    declarations = _declarations(blocks)
    inserts: dict[int, list[Heading]] = {}
    floor = next((i for i, b in enumerate(blocks) if isinstance(b, Heading)), -1)
    starts: list[int] = []
    titles: set[int] = set()
    for number, declaration in enumerate(declarations):
        previous = declarations[number - 1] if number else floor
        start = _operation_start(blocks, declaration, previous)
        starts.append(start)
        line = blocks[start].line
        title = _title_line(blocks[start]) if titled and start < declaration else None
        if title is not None:
            titles.add(start)
            heading = Heading(title=title, level=2, line=line, inferred=_INFERRED_TITLED)
        else:
            heading = Heading(title="", level=2, line=line, inferred=_INFERRED_OPERATION)
        inserts.setdefault(start, []).append(heading)
    for number, declaration in enumerate(declarations):
        end = starts[number + 1] if number + 1 < len(starts) else len(blocks)
        response = _response_start(blocks, declaration, end)
        if response is not None:
            index, why = response
            if (
                isinstance(blocks[index], Table)
                and isinstance(blocks[index - 1], CodeBlock)
                and index - 1 > declaration
            ):
                before = blocks[index - 2]
                if not (isinstance(before, Paragraph) and _label_part(before.text) is not None):
                    index -= 1  # the response's example, under no label, right above its table
            heading = Heading(
                title="Response", level=3, line=blocks[index].line, inferred=_INFERRED_RESPONSE.format(why=why)
            )
            inserts.setdefault(index, []).append(heading)
    out: list[Block] = []
    for index, block in enumerate(blocks):
        out.extend(inserts.get(index, []))
        if index not in titles:
            out.append(block)
    return out
