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
unused id is it numbered (``putAccountContainerObject4``), by its place among the operations so titled (the number it
had before, so an id never moves to another operation), with a ``repeated-operation-name`` finding.

A heading copied onto another operation is a doc error the paths show (RDS for PostgreSQL titles ``GET
/db-instance-groups`` and ``GET /db-instances`` both "List DB Instances"; Container Service titles ``POST
.../workloads/{id}/resume`` "Restart Workload" as ``.../tasks/{taskId}/restart``): when exactly one of the operations
sharing an id has a path whose resource (its last literal segment) is what the heading names (every word of it among
the id's words), that one keeps the id, wherever it sorts, and each other one is named from its own method and path
(:func:`path_name`: the heading's verb, or the one its method implies, and the resource, ``listDbInstanceGroups``; a
last segment that is itself a verb is the action on the resource before it, ``resumeWorkload``), an
``operation-name-from-path`` finding naming both headings; such a name, and a numbered one, is marked
``x-operation-id-inferred: true`` in the spec.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from scraper.model import Finding, OperationVersion

__all__ = [
    "LISTING_VERBS",
    "VERBS",
    "OperationIds",
    "base_id",
    "heading_words",
    "operation_id",
    "path_name",
    "unique_ids",
]

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


#: The verb an operation's method implies when its heading starts with none (a listing when the path ends in a
#: literal segment, a ``get`` when it ends in a placeholder).
_METHOD_VERBS = {"post": "create", "put": "update", "patch": "update", "delete": "delete", "head": "check"}


def _singular(word: str) -> str:
    """``Groups`` -> ``Group``, ``Policies`` -> ``Policy``, ``Boxes`` -> ``Box``; a word in ``ss`` stays."""
    lower = word.lower()
    if len(lower) > 4 and lower.endswith("ies"):
        return word[:-3] + "y"
    if len(lower) > 4 and lower.endswith(("xes", "ches", "shes", "sses")):
        return word[:-2]
    if len(lower) > 3 and lower.endswith("s") and not lower.endswith(("ss", "us")):
        return word[:-1]
    return word


def _common_prefix(paths: Sequence[str]) -> int:
    """How many leading segments every one of ``paths`` shares (``/ncs/v1.0/appkeys/{appKey}``): the API's base,
    which names no resource."""
    split = [[s for s in p.split("/") if s] for p in paths]
    n = 0
    while split and all(len(p) > n + 1 and p[n] == split[0][n] for p in split):
        n += 1
    return n


def _resource(op: OperationVersion, skip: int) -> tuple[list[str], bool, list[str]]:
    """The words of ``op``'s resource (its last literal segment past the API's base, no version segment), whether a
    placeholder follows it (the path addresses one item), and the words of the literal segment before it when a
    placeholder lies between (the parent, ``db-security-groups`` of ``.../{id}/rules``): empty lists when the path
    has no such segment."""
    segments = [s for s in op.path.split("/") if s][skip:]
    literal = [i for i, s in enumerate(segments) if "{" not in s and not _VERSION_SEGMENT.fullmatch(s)]
    if not literal:
        return [], False, []
    last = literal[-1]
    parent: list[str] = []
    if len(literal) > 1 and literal[-2] < last - 1:
        parent = _words(segments[literal[-2]])
    return _words(segments[last]), last < len(segments) - 1, parent


def _agrees(op: OperationVersion, base: str, skip: int) -> bool:
    """Whether ``op``'s resource is what its id names: every word of its last literal segment among the id's."""
    words, _, _ = _resource(op, skip)
    own = {_stem(w) for w in _words(base)}
    return bool(words) and all(_stem(w) in own for w in words)


def path_name(op: OperationVersion, base: str, skip: int = 0) -> str | None:
    """An id for ``op`` from its method and path, for an operation whose heading names another's resource (see the
    module docstring): the heading's leading verb (``base``'s first word when it is one of :data:`VERBS`), else
    the one its method implies, then the resource, singular when a placeholder follows it, after its parent
    (``createDbSecurityGroupRules``); a resource that is itself a verb (``.../workloads/{id}/resume``) is the
    action, on the parent (``resumeWorkload``). ``skip``: the leading segments every operation shares. None when
    the path names no resource."""
    words, one, parent = _resource(op, skip)
    if not words:
        return None
    if one:
        words = [*words[:-1], _singular(words[-1])]
    parent = [*parent[:-1], _singular(parent[-1])] if parent else []
    if words[0].lower() in VERBS and len(words) == 1:
        if not parent:
            segments = [s for s in op.path.split("/") if s][skip:]
            literal = [s for s in segments if "{" not in s and not _VERSION_SEGMENT.fullmatch(s)]
            parent = _words(literal[-2]) if len(literal) > 1 else []
        return operation_id(" ".join([*words, *parent]))
    head = _words(base)[0].lower() if base else ""
    method = op.method.lower()
    verb = (
        head if head in VERBS else _METHOD_VERBS.get(method, ("get" if one else "list") if method == "get" else method)
    )
    return operation_id(" ".join([verb, *parent, *words]))


@dataclass
class OperationIds:
    """Each operation's id (keyed by ``id(op)``), the operations whose id the heading did not give (named from the
    path or numbered: ``x-operation-id-inferred``), and the findings saying why."""

    ids: dict[int, str] = field(default_factory=dict)
    inferred: set[int] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)


def unique_ids(operations: Sequence[OperationVersion], method_order: dict[str, int], service_id: str) -> OperationIds:
    """Each operation's id, unique within ``operations`` (see the module docstring), with an
    ``operation-name-from-path`` finding for each named from its path instead of its heading and a
    ``repeated-operation-name`` finding for each that only a number tells apart."""
    bases = {id(op): base_id(op) for op in operations}
    taken = set(bases.values())
    skip = _common_prefix([op.path for op in operations])
    ordered = sorted(operations, key=lambda o: (bases[id(o)], o.path, method_order.get(o.method.lower(), 9)))
    by_base: dict[str, list[OperationVersion]] = {}
    for op in ordered:
        by_base.setdefault(bases[id(op)], []).append(op)
    # the operation keeping a shared id: the one whose path is what the heading names, when exactly one is; the
    # others are then named from their paths
    named_by_path: set[str] = set()
    keepers: dict[str, OperationVersion] = {}
    for base, group in by_base.items():
        agreeing = [op for op in group if _agrees(op, base, skip)] if len(group) > 1 else []
        if len(agreeing) == 1:
            named_by_path.add(base)
        keepers[base] = agreeing[0] if len(agreeing) == 1 else group[0]
    seen: dict[str, int] = {}
    result = OperationIds()
    for op in ordered:
        base = bases[id(op)]
        seen[base] = seen.get(base, 0) + 1
        first = keepers[base]
        if first is op:
            result.ids[id(op)] = base
            continue
        own = {_stem(w) for w in _words(base)}
        name = ""
        if base in named_by_path:
            candidate = path_name(op, base, skip)
            if candidate and candidate not in taken:
                name = candidate
                result.inferred.add(id(op))
                resource = "/".join(s for s in op.path.split("/") if s and "{" not in s).rsplit("/", 1)[-1]
                result.findings.append(
                    Finding(
                        "operation-name-from-path",
                        op.source.page,
                        op.source.line,
                        f"{service_id}:{op.method} {op.path}",
                        f"the heading {op.summary!r} gives operationId {base!r}, as the heading {first.summary!r} of"
                        f" {first.method} {first.path} (line {first.source.line}) does; that path's resource is what"
                        f" the heading names and {resource!r} is not (the heading looks copied), so"
                        f" {first.method} {first.path} keeps {base!r} and this one is named from its method and"
                        f" path: {name!r} (inferred)",
                        op.version,
                    )
                )
        if not name:
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
            result.inferred.add(id(op))
            result.findings.append(
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
        result.ids[id(op)] = name
    return result
