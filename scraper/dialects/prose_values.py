"""The values a field's description states in prose: ``One of ALL, ACCEPT, or DROP``, ``TCP, HTTP 중 하나``,
``Certificate type (`ROOT`, `INTERMEDIATE`, `LEAF`)``, ``Sent content type<br>[NORMAL, AD, AUTH]``.

NHN guides type most such fields ``String`` and give the values only in the description cell. A request field's
values are what a client may send, so a list the cell states as the whole set is the field's ``enum``; a response
field's are what the guide says the API sends, which a client must never enforce (it would fail a call the API
answered), so the dialect keeps them as documentation only (``x-documented-values``). Either way the reading is a
finding with its line: the values come from words.

Why it is strict: a wrong ``enum`` makes a client refuse a value the API takes. A list is read only where a marker
says it is the whole set (``One of``, ``Either``, Korean ``중 하나``, Japanese ``のいずれか``), where it stands in
parentheses right after the field's own name, or where it is the square-bracketed list that ends a line of the cell
(Notification Hub writes every field's values so), or where it is the whole description (ROLE's generated tables:
``roleApplyPolicyCode | String | No | ALLOW, DENY``), and only when every piece of it is one value (an identifier-like
word, no spaces): ``One of ALL, ACCEPT, or DROP. The default is ALL.`` ends at its sentence, and a list one of
whose pieces is prose (``one of the 'HTTP' or 'MOCK' plugin``) is no list. A text rendering that joins a cell's
lines into one keeps each list whole (it ends at its sentence), so the renderings read alike.
"""

from __future__ import annotations

import re

__all__ = ["VALUE", "bracketed_values", "capital_values", "listed_values", "named_values", "one_of_values"]

#: ``Either ...`` / ``One of ...`` / ``One of: ...`` up to the line's end.
_EITHER = re.compile(r"\b(?:Either|One of:?)\s*(.+)$", re.IGNORECASE | re.MULTILINE)
#: What a line says before "one of" written after the values (Korean ``중 하나``, Japanese ``のいずれか``).
_ONE_OF_BEFORE = re.compile(r"^([^\n]*?)\s*(?:중\s*(?:의\s*)?하나|のいずれか|のうち[、,]?\s*いずれか)", re.MULTILINE)
#: What separates the values of an ``Either`` / ``One of`` list.
_JOINERS = re.compile(r",|、|\bor\b|\band\b|또는|및|または|もしくは")
#: The end of the sentence a list stands in: a full stop after a word (``DROP. The default``; ``DROP . The`` where a
#: text rendering sets code spans off by spaces), not one inside a value (``v1.2``).
_SENTENCE_END = re.compile(r"(?<=[\w`'\"])\s*\.(?=\s|$)|。")
#: A Korean or Japanese label, then a space and the first value (``イメージの可視性 private``).
_LABELLED_FIRST = re.compile(r"[^\x00-\x7f]\s+`?([A-Za-z0-9][\w.:+/-]*)`?$")
#: One value: an identifier-like word (``TERMINATED_HTTPS``, ``pending_delete``, ``v1.2``, ``application/json``).
VALUE = re.compile(r"[A-Za-z0-9][\w.:+/-]*")
#: A word and the parenthesised group right after it (``type (`ROOT`, `LEAF`)``, ``protocol(TCP, UDP)``).
_NAMED_GROUP = re.compile(r"([A-Za-z][A-Za-z0-9_-]*)\s?[(（]([^()（）\n]+)[)）]")
#: The words of a field name written in camel case or with underscores (``listenerProtocol``: listener, protocol).
_NAME_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def one_of_values(description: str, *, strict: bool = False) -> list[str]:
    """The values of an ``Either a or b`` / ``One of: a, b`` / ``one of the following values ...: a, b, or c`` list,
    or of one written before Korean ``중 하나`` / Japanese ``のいずれか``; [] when the description has none.

    ``strict``: only a list every piece of which is a value (else a piece of prose is dropped and the rest read,
    as Enum rows always have been)."""
    match = _EITHER.search(description)
    if match:
        text = match.group(1)
        lead, colon, rest = text.partition(":")
        if colon and rest.strip() and " " in lead.strip():
            text = rest  # "one of the following values can be selected: a, b, or c"
        text = re.sub(r"\([^()]*\)", "", text)  # "asc (ascending order) or desc (descending order)"
        text = _SENTENCE_END.split(text, maxsplit=1)[0]  # "One of ALL, ACCEPT, or DROP. The default is ALL."
        pieces = [v.strip(" `'\".") for v in _JOINERS.split(text)]
        found = [v for v in pieces if v and " " not in v]
        if strict:
            found = _whole_list(pieces)
        if found:
            return found
    for match in _ONE_OF_BEFORE.finditer(description):
        # Korean and Japanese write "one of" after the values: "`TCP`, `HTTP`,`HTTPS` 중 하나", "`shared`/`dedicated`
        # 중 하나", "IP 접근 제어 타입, ALLOW, DENY 중 하나로 설정 가능", "`a`、`b`のいずれか"
        text = re.split(r"[.:：。]\s+", match.group(1))[-1]
        values: list[str] = []
        pieces = re.split(r",|、|또는|または|もしくは|\bor\b", text)
        if len(pieces) == 1:
            pieces = text.split("/")  # "`shared`/`dedicated`"; with commas a "/" is in the value (application/json)
        for value in reversed(pieces):
            value = value.strip(" `'\"")
            if not re.fullmatch(r"[\w.:+/-]+", value) or re.search(r"[^\x00-\x7f]", value):
                # a text rendering joins the cell's label line to its values line ("イメージの可視性 private , shared
                # のいずれか" for "イメージの可視性<br>`private`, `shared`のいずれか"): the first value after the label
                labelled = _LABELLED_FIRST.search(value)
                if labelled:
                    values.insert(0, labelled.group(1))
                break
            values.insert(0, value)
        values = [v for v in values if v.lower() != "null"]  # JSON null: what the examples show says it
        if len(values) >= 2:
            return list(dict.fromkeys(values))
    return []


def _whole_list(pieces: list[str]) -> list[str]:
    """The values of a list cut at its joiners when every piece is one value and there are two or more (one piece
    of values joined by slashes, ``shared/dedicated``, ``null/DENY/ALLOW``, is cut at them; JSON ``null`` is no
    value a client sends); [] otherwise."""
    pieces = [p for p in pieces if p]
    if len(pieces) == 1 and "/" in pieces[0]:
        pieces = [p.strip(" `'\"") for p in pieces[0].split("/")]
        if len(pieces) == 2 and pieces[0].lower() in _MEDIA_ROOTS:
            return []  # application/json: one value
    if not pieces or not all(p and " " not in p and VALUE.fullmatch(p) for p in pieces):
        return []
    values = [p for p in dict.fromkeys(pieces) if p.lower() != "null"]
    return values if len(values) >= 2 else []


#: The top-level types of media types: ``application/json`` is one value, not two.
_MEDIA_ROOTS = frozenset(("application", "text", "image", "audio", "video", "multipart", "font", "model", "message"))


def named_values(description: str, name: str) -> list[str]:
    """The values listed in parentheses right after the field's own name in its description (Private CA ``type |
    String | Certificate type (`ROOT`, `INTERMEDIATE`, `LEAF`)``, ``protocol(TCP, UDP)``): two or more words in
    capitals, separated by commas; [] otherwise (``Size (GB)``, ``offset (default: 0)``, ``(Y/N)``, and words in
    lower case, as often prose as values: ``Serial number (hexadecimal, colon-separated)``)."""
    segments = [s for s in re.split(r"[.\[\]]+", name) if s.strip()]
    if not segments:
        return []
    leaf = segments[-1].strip()
    words = [w.lower() for w in _NAME_WORDS.findall(leaf)]
    own = {leaf.lower(), *(words[-1:])}
    for match in _NAMED_GROUP.finditer(description):
        if match.group(1).lower() not in own:
            continue
        values = _capital_list(match.group(2))
        if values:
            return values
    return []


#: A word in capitals (``ACTIVE``, ``REVOKED``, ``PENDING_DELETE``).
_CAPITAL_VALUE = re.compile(r"[A-Z][A-Z0-9_]*")
#: A parenthesised group (no nested ones).
_GROUP = re.compile(r"[(（]([^()（）\n]+)[)）]")


def _capital_list(group: str) -> list[str]:
    """The words of a parenthesised group when it is two or more words in capitals separated by commas, else []."""
    pieces = [p.strip().strip("`'\"").strip() for p in re.split(r"[,、]", group)]
    if len(pieces) >= 2 and all(_CAPITAL_VALUE.fullmatch(p) for p in pieces):
        return list(dict.fromkeys(pieces))
    return []


def capital_values(description: str) -> list[str]:
    """The words in capitals a parenthesised group lists after any label (Private CA ko ``인증서 상태(`ACTIVE`,
    `INACTIVE`, `REVOKED`)``, where the label is the name's translation): two or more, nothing else in the group.
    Read for what a field documents only, never as an ``enum``: the label may not be the field's."""
    for match in _GROUP.finditer(description):
        values = _capital_list(match.group(1))
        if values:
            return values
    return []


#: A square-bracketed list ending a line of a description (Notification Hub: ``Sent content type<br>Default:
#: NORMAL<br>[NORMAL, AD, AUTH]``; ko ``[NORMAL(일반), AD(광고), AUTH(인증)]``, each value glossed).
_BRACKETED_LIST = re.compile(r"(?:^|\s)\[([^\[\]\n]+)\]\s*$", re.MULTILINE)
#: One value of a bracketed list: a word in capitals, optionally glossed in parentheses (``NORMAL(일반)``).
_GLOSSED_CAPITAL = re.compile(r"`?([A-Z][A-Z0-9_]*)`?\s*(?:[(（][^()（）]*[)）])?")


def bracketed_values(description: str) -> list[str]:
    """The values of the square-bracketed list that ends a line of ``description`` (Notification Hub
    ``Message channel<br>[SMS, ALIMTALK, EMAIL, RCS, PUSH]``, ``[NORMAL(일반), AD(광고), AUTH(인증)]``): two or more
    words in capitals separated by commas, each optionally glossed in parentheses, nothing else in the brackets, or
    words in any case when the list is the whole description (``[xls, xlsx, csv, json]``); [] otherwise
    (``[Request Body]``, ``[0, 100]``, ``[a-z]``, a bracketed sentence). A text rendering that joins the cell's lines
    keeps the list at the end of the joined line, so the renderings read alike."""
    for match in _BRACKETED_LIST.finditer(description):
        pieces = [p.strip() for p in re.split(r"[,、]", match.group(1))]
        found = [_GLOSSED_CAPITAL.fullmatch(p) for p in pieces]
        if len(pieces) >= 2 and all(found):
            return list(dict.fromkeys(m.group(1) for m in found if m))
        whole = description[match.start() : match.end()].strip() == description.strip()
        words = [p.strip("`'\"") for p in pieces]
        if whole and len(words) >= 2 and all(_LOWER_VALUE.fullmatch(w) for w in words):
            # File Crafter: "exportedFile.extension | String | Not Null | O | [xls, xlsx, csv, json]": a list that
            # is the whole description is the values in any case
            return list(dict.fromkeys(words))
    return []


#: A value of a bracketed list that is a whole description: a word starting with a letter (``xls``, ``csv``).
_LOWER_VALUE = re.compile(r"[A-Za-z][\w.+-]*")


#: A description that is only words in capitals separated by commas (ROLE: ``ALLOW, DENY``).
_WHOLE_CAPITAL_LIST = re.compile(r"\s*`?[A-Z][A-Z0-9_]*`?(?:\s*[,、]\s*`?[A-Z][A-Z0-9_]*`?)+\s*")


def listed_values(description: str) -> list[str]:
    """The values of a description that is nothing but two or more words in capitals separated by commas (ROLE v3's
    generated tables: ``attributeDataTypeCode | String | Yes | STRING, NUMERIC, DAY_OF_WEEK, ...``, ``ALLOW,
    DENY``); [] when the description says anything else (``ID of the user``, ``Y, N or empty``)."""
    if not _WHOLE_CAPITAL_LIST.fullmatch(description):
        return []
    values = [p.strip().strip("`") for p in re.split(r"[,、]", description)]
    return list(dict.fromkeys(values))
