"""Operation ids from documentation headings, as a maintainer would write them, and unique within a document.

A guide titles an operation in a sentence (``Create a Container``, ``Deleting a Database``, ``View a list of flow
log loggers``, ``View IPv4 Credential List``); the generated client names its method after the id
(``create_container``). The id is the heading's words in lowerCamelCase, read by rules a reader can check:

- the English articles ``a``, ``an`` and ``the`` are left out as whole words (``Create a Container`` ->
  ``createContainer``), unless nothing else would be left; a capital ``A`` followed by a word that is not
  capitalised, in a heading that is not Title Case, is a name (``Add an A record`` -> ``addARecord``);
- a leading gerund is its verb (``Deleting`` -> ``delete``, ``Modifying`` -> ``modify``, ``Stopping`` -> ``stop``)
  when its stem, its stem plus ``e``, or its stem with a doubled last letter undoubled is one of
  :data:`VERBS`; any other word in ``-ing`` stays (``Routing Table``, ``String``, ``Ping``, ``Logging``);
- ``<verb> list of <things>`` (``View a list of access control rules``, ``Get the list of users``) is ``list
  <things>``, for the verbs of :data:`LISTING_VERBS`;
- a word of capitals, then lower-case letters, then digits (``IPv4``, ``IPv6``, ``OAuth2``) is one word
  (``viewIpv4CredentialList``, not ``viewIPv4...``, which reads back as ``view_i_pv4_...``); capitals with
  digits (``S3``, ``HTTP2``, ``SHA256``) already are.

A heading in Korean, Japanese or Chinese is named by its method and path, as before (:func:`base_id`).

Several operations whose headings give one id are told apart by what differs (:func:`unique_ids`): in (id, path,
method) order the first keeps the id, so adding an operation renames no other; each next one takes the words of
the literal path segments the first's path lacks (``createDbSecurityGroup`` on ``.../db-security-groups/{id}/rules``
-> ``createDbSecurityGroupRules``), else the placeholders it lacks (``listNotificationGroupsById``), else the guide's
group (tag) it is documented under (``listMessagesGeneral`` beside ``Authentication Messages``' ``listMessages``),
else its HTTP method (``copyObjectCopy`` beside ``PUT`` ``copyObject``), else a required parameter the first lacks
(``createManifestObjectMultipart``), each without the words the id already has; only when none of them makes an
unused id is it numbered (``listDbInstances2``), by its place among the operations so titled (the number it had
before, so an id never moves to another operation), with a ``repeated-operation-name`` finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from scraper.model import Finding, OperationVersion

__all__ = ["LISTING_VERBS", "VERBS", "base_id", "heading_words", "operation_id", "unique_ids"]

#: Verbs a guide's heading may start with as a gerund (``Deleting a database``): the base forms a gerund is read
#: back to. A word in ``-ing`` that is no gerund of one of these (``Routing``, ``String``, ``Logging``) stays.
_VERB_WORDS = """
    accept activate add allocate apply approve assign associate attach authenticate back cancel change check clear
    close configure connect copy create deactivate decrypt delete deploy deregister detach disable disassociate
    disconnect download edit enable encrypt execute expand export extend fetch find generate get grant import
    inquire install issue list load lock modify move open pause post promote publish purge put query read reboot
    receive register reject release remove rename renew replace request reset resize restart restore resume
    retrieve revoke rotate run save search send set share sign start stop submit subscribe suspend sync terminate
    test unassign uninstall unlock unregister unsubscribe update upload validate verify view write
"""
VERBS = frozenset(_VERB_WORDS.split())

#: Verbs of ``<verb> list of <things>``, which reads ``list <things>``.
LISTING_VERBS = frozenset({"view", "get", "retrieve", "query", "check", "show", "see", "read", "fetch", "search"})

_ARTICLES = frozenset({"a", "an", "the"})
#: A word of capitals, then lower-case letters, then digits: one word (``IPv4``, ``OAuth2``).
_MIXED_ACRONYM = re.compile(r"[A-Z]{2,}[a-z]+[0-9]+")
#: Letters of the scripts a guide's titles are written in besides Latin: Hangul, kana, CJK ideographs.
_NON_LATIN_TITLE = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_VERSION_SEGMENT = re.compile(r"v\d+(\.\d+)*")


def _camel_parts(word: str) -> list[str]:
    """``CancelArchiving`` -> ``Cancel``, ``Archiving``; ``IPv4`` stays whole."""
    if _MIXED_ACRONYM.fullmatch(word):
        return [word]
    return re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+|[0-9]+", word) or [word]


def operation_id(title: str) -> str:
    """lowerCamelCase identifier from words: ``Show Volume's details`` -> ``showVolumesDetails``, ``View IPv4
    list`` -> ``viewIpv4List``."""
    cleaned = re.sub(r"['’]", "", title)
    words = re.findall(r"[A-Za-z0-9]+", cleaned)
    if not words:
        return "operation"
    parts: list[str] = []
    for word in words:
        # split CamelCase words (CancelArchiving) so the result is consistently camel-cased
        parts.extend(_camel_parts(word))
    head, *tail = parts
    ident = head.lower() + "".join(p[:1].upper() + p[1:].lower() for p in tail)
    return ident if not ident[0].isdigit() else f"op{ident}"


def _verb_of_gerund(word: str) -> str | None:
    """The verb a gerund is (``deleting`` -> ``delete``, ``stopping`` -> ``stop``, ``modifying`` -> ``modify``), or
    None when ``word`` is no gerund of one of :data:`VERBS`."""
    lower = word.lower()
    if not lower.endswith("ing") or len(lower) < 5:
        return None
    stem = lower[:-3]
    candidates = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        candidates.append(stem[:-1])
    return next((c for c in candidates if c in VERBS), None)


def _is_article(words: Sequence[str], i: int, title_case: bool) -> bool:
    word = words[i]
    if word.lower() not in _ARTICLES or i == len(words) - 1:
        return False
    # "Add an A record": a capital A among lower-case words is a name
    return not (word == "A" and not title_case)


def heading_words(title: str) -> list[str]:
    """The words of an operation's heading its id is made of (see the module docstring): articles left out, a
    leading gerund its verb, ``<verb> list of <things>`` as ``list <things>``."""
    cleaned = re.sub(r"['’]", "", title)
    words = re.findall(r"[A-Za-z0-9]+", cleaned)
    lettered = [w for w in words if w[:1].isalpha() and w.lower() not in _ARTICLES]
    title_case = bool(lettered) and all(w[:1].isupper() for w in lettered)
    kept = [w for i, w in enumerate(words) if not _is_article(words, i, title_case)]
    if not kept:
        return words
    verb = _verb_of_gerund(kept[0])
    if verb is not None and len(kept) > 1:
        kept[0] = verb.capitalize() if kept[0][:1].isupper() else verb
    if len(kept) > 3 and kept[0].lower() in LISTING_VERBS and kept[1].lower() == "list" and kept[2].lower() == "of":
        kept = [kept[1], *kept[3:]]
    return kept


def base_id(op: OperationVersion) -> str:
    """The operation's id before de-duplication: from its title's words (:func:`heading_words`), or -- when the
    title is Korean, Japanese or Chinese (its Latin words alone would name it: ``UID 조회``, ``UID 삭제`` were
    ``uid``, ``uid2``) or has no Latin words -- from its method and path, so ids stay stable when other operations
    come and go."""
    if re.search(r"[A-Za-z0-9]", op.summary) and not _NON_LATIN_TITLE.search(op.summary):
        return operation_id(" ".join(heading_words(op.summary)))
    words = [s.strip("{}") for s in op.path.split("/") if s and not _VERSION_SEGMENT.fullmatch(s)]
    return operation_id(" ".join([op.method.lower(), *words[-3:]]))


def _stem(word: str) -> str:
    """A word as compared with the id's words: lower case, a plural's ``s`` off (``groups`` ~ ``group``)."""
    lower = word.lower()
    return lower[:-1] if len(lower) > 3 and lower.endswith("s") and not lower.endswith("ss") else lower


def _words(text: str) -> list[str]:
    parts: list[str] = []
    for word in re.findall(r"[A-Za-z0-9]+", text):
        parts.extend(_camel_parts(word))
    return parts


def _qualifiers(op: OperationVersion, first: OperationVersion, own: set[str]) -> Iterator[list[str]]:
    """Words that tell ``op`` apart from ``first``, which has its id (``own``: the id's words, as :func:`_stem`
    gives them): the literal path segments and the placeholders ``first``'s path lacks, each from the path's end,
    the guide's group (tag) when another, its HTTP method when it differs, then the required parameters ``first``
    lacks, without the words of ``own``."""
    segments = [s for s in op.path.split("/") if s]
    theirs = {s for s in first.path.split("/") if s}
    literal = [s for s in segments if "{" not in s and s not in theirs and not _VERSION_SEGMENT.fullmatch(s)]
    for k in range(1, len(literal) + 1):
        yield [w for w in _words(" ".join(literal[-k:])) if _stem(w) not in own]
    held = [s.strip("{}") for s in segments if "{" in s and s not in theirs]
    for k in range(1, len(held) + 1):
        words = [w for w in _words(" ".join(held[-k:])) if _stem(w) not in own]
        yield ["By", *words] if words else []
    theirs_tags = {t.strip().lower() for t in first.tags}
    for tag in op.tags:
        if tag.strip().lower() not in theirs_tags:
            yield [w for w in _words(tag) if _stem(w) not in own]
    if op.method.lower() != first.method.lower():
        yield [op.method.capitalize()]
    others = {(p.location, p.name) for p in first.parameters}
    for param in op.parameters:
        if param.required and param.location != "path" and (param.location, param.name) not in others:
            yield [w for w in _words(param.name) if _stem(w) not in own]


def unique_ids(
    operations: Sequence[OperationVersion], method_order: dict[str, int], service_id: str
) -> tuple[dict[int, str], list[Finding]]:
    """Each operation's id (keyed by ``id(op)``), unique within ``operations`` (see the module docstring), and a
    ``repeated-operation-name`` finding for each that only a number tells apart."""
    bases = {id(op): base_id(op) for op in operations}
    taken = set(bases.values())
    firsts: dict[str, OperationVersion] = {}
    seen: dict[str, int] = {}
    ids: dict[int, str] = {}
    findings: list[Finding] = []
    ordered = sorted(operations, key=lambda o: (bases[id(o)], o.path, method_order.get(o.method.lower(), 9)))
    for op in ordered:
        base = bases[id(op)]
        seen[base] = seen.get(base, 0) + 1
        first = firsts.setdefault(base, op)
        if first is op:
            ids[id(op)] = base
            continue
        own = {_stem(w) for w in _words(base)}
        name = ""
        for words in _qualifiers(op, first, own):
            if not words:
                continue
            candidate = base + "".join(w[:1].upper() + w[1:].lower() for w in words)
            if candidate not in taken:
                name = candidate
                break
        if not name:
            n = seen[base]  # its place among the operations so titled: the number it had before qualifiers
            while f"{base}{n}" in taken:
                n += 1
            name = f"{base}{n}"
            findings.append(
                Finding(
                    "repeated-operation-name",
                    op.source.page,
                    op.source.line,
                    f"{service_id}:{op.method} {op.path}",
                    f"the heading {op.summary!r} gives operationId {base!r}, as {first.method} {first.path}'s does,"
                    f" and neither its path, its method nor its parameters tell them apart: {name!r}",
                    op.version,
                )
            )
        taken.add(name)
        ids[id(op)] = name
    return ids, findings
