"""Names for generated code: every identifier the generator emits comes from here.

Doc text (titles, parameter names, schema names) is untrusted: it may contain keywords, spaces, quotes, control
characters or non-Latin script. These helpers turn it into plain ASCII identifiers and never return anything that is
not a valid, non-keyword Python identifier, so a template can place the result into code without further checks.
"""

from __future__ import annotations

import keyword
import re
import sys
import unicodedata
from collections.abc import Iterable

from scraper.versioning import version_key

__all__ = [
    "dedupe",
    "default_distribution",
    "distribution_name",
    "elide",
    "import_name",
    "is_identifier",
    "pascal_case",
    "safe_identifier",
    "shorten",
    "shorten_phrase",
    "snake_case",
    "version_key",
    "version_module",
]

_APOSTROPHES = "'\u2019\u2018`"
#: A lower-case letter or digit before a capital, and the last capital of an acronym before a capitalised word
#: (``VPCEndpoint``), except a plural acronym's ``s`` (``listAPIs``, ``userIDs``, ``URLsFor``: not ``AP Is``).
_WORD_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])(?![A-Z]s(?![a-z]))")


def _ascii_words(text: str) -> list[str]:
    """Split ``text`` into ASCII alphanumeric words; apostrophes join (``Volume's`` -> ``Volumes``)."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if ch not in _APOSTROPHES)
    folded = folded.encode("ascii", "ignore").decode("ascii")
    folded = _WORD_BOUNDARY.sub(" ", folded)
    return [w for w in re.split(r"[^A-Za-z0-9]+", folded) if w]


def snake_case(text: str) -> str:
    """``"Show Volume's details."`` -> ``show_volumes_details``; ``"CancelArchiving"`` -> ``cancel_archiving``."""
    return "_".join(w.lower() for w in _ascii_words(text))


def pascal_case(text: str) -> str:
    """``"server create-request"`` -> ``ServerCreateRequest``; keeps inner capitals (``VPCEndpoint``)."""
    return "".join(w[:1].upper() + w[1:] for w in _ascii_words(text))


def is_identifier(name: str) -> bool:
    """True when ``name`` is an ASCII Python identifier that is not a keyword (soft keywords are fine)."""
    return name.isascii() and name.isidentifier() and not keyword.iskeyword(name)


def safe_identifier(text: str, *, fallback: str, reserved: Iterable[str] = (), snake: bool = True) -> str:
    """A valid identifier for ``text``: keywords and reserved names get a ``_`` suffix, a leading digit a prefix.

    ``fallback`` is used when nothing ASCII survives (e.g. a Korean-only title). Never starts with ``_``, so
    generated code can keep its own locals and helpers under ``_`` names without clashing.
    """
    name = snake_case(text) if snake else pascal_case(text)
    if not name:
        name = fallback
    if name[0].isdigit():
        name = ("n_" if snake else "N") + name
    reserved_set = set(reserved)
    while keyword.iskeyword(name) or name in reserved_set:
        name += "_"
    assert is_identifier(name), name
    return name


def dedupe(names: Iterable[str], *, taken: Iterable[str] = (), sep: str = "_") -> list[str]:
    """Make ``names`` unique in order: the first keeps its name, later ones get ``<sep>2``, ``<sep>3``, ..."""
    seen = set(taken)
    out: list[str] = []
    for name in names:
        candidate, n = name, 1
        while candidate in seen:
            n += 1
            candidate = f"{name}{sep}{n}"
        seen.add(candidate)
        out.append(candidate)
    return out


#: A stability channel joined to a version's number (``beta`` of ``v1beta``, ``p1beta1`` of ``v1p1beta1``).
_CHANNEL = re.compile(r"(?:p\d+)?(?:alpha|beta)\d*", re.IGNORECASE)


def version_module(version: str) -> str:
    """Subpackage name for an API version: ``1.1`` -> ``v1_1``, ``v2`` -> ``v2``, ``2024-01-01`` -> ``v2024_01_01``.

    A version that starts with numbers keeps at most three of them (``0.0.1-dev2150`` -> ``v0_0_1``: build and
    pre-release tags make unreadable module names; the package dedupes clashes), and a stability channel written
    into it (``v1beta``, ``v2alpha1``, ``v1p1beta1``: Google's and Kubernetes' API versions, each another API than
    ``v1``); any other is cut to 30 characters.
    """
    text = version.encode("ascii", "ignore").decode("ascii").strip()
    numeric = re.match(r"[vV]?(\d+(?:[._-]\d+)*)", text)
    if numeric:
        channel = _CHANNEL.fullmatch(text[numeric.end() :])
        return "v" + "_".join(re.split(r"[._-]", numeric.group(1))[:3]) + (channel.group(0).lower() if channel else "")
    body = "_".join(re.findall(r"[A-Za-z0-9]+", text)).lower()
    if body.startswith("v"):
        body = body[1:].lstrip("_")
    return "v" + (shorten(body, 30) or "0")


#: Spec file names that say nothing about the API (``openapi.yaml``); they never become part of a package name.
_GENERIC_FILE_WORDS = frozenset({"openapi", "swagger", "spec", "specs", "api", "apis", "index", "schema", "v", "json"})


def default_distribution(title: str, source: str | None, limit: int = 50) -> str:
    """The distribution name of a spec that names no provider/service: its title plus the words of its file name
    that the title lacks (``Network Management Client`` in ``virtualNetwork.json`` ->
    ``network-management-client-virtual``), so the many specs of one vendor that share a title get distinct
    packages; capped at ``limit`` characters at a word boundary."""
    words = [w for w in snake_case(title).split("_") if w]
    if source:
        stem = re.split(r"[\\/]", source)[-1].rsplit(".", 1)[0]
        words += [
            w
            for w in snake_case(stem).split("_")
            if w and not w.isdigit() and w not in words + list(_GENERIC_FILE_WORDS)
        ]
    return shorten("_".join(words), limit).replace("_", "-") or "api-client"


#: Longest distribution name made from a spec's words: it names the package folder and the contract tests' files.
MAX_DISTRIBUTION = 64
#: Folder names Windows reserves for devices (``con/`` cannot be created there); an import name gets a ``_``.
_WINDOWS_DEVICES = frozenset({"con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in "0123456789"})


def distribution_name(*parts: str) -> str:
    """PEP 503-normalised distribution name from words: ``("scp", "virtualserver")`` -> ``scp-virtualserver``;
    capped at :data:`MAX_DISTRIBUTION` characters at a word boundary (a spec's ``x-service`` may be any length)."""
    words = [snake_case(p).replace("_", "-") for p in parts]
    name = "-".join(w for w in words if w)
    return shorten(name.replace("-", "_"), MAX_DISTRIBUTION).replace("_", "-") or "api-client"


#: Top-level modules a generated package's code and tests import besides the standard library, and the package's
#: own test folder: a package of one of these names would shadow it.
_TAKEN_MODULES = frozenset(
    {"docs2client_runtime", "httpx", "pydantic", "pydantic_core", "pytest", "typing_extensions", "tests"}
)


def import_name(distribution: str) -> str:
    """Import name for a distribution name: ``scp-virtualserver`` -> ``scp_virtualserver`` (``con`` -> ``con_``,
    a folder Windows can hold).

    A name the standard library or the package's dependencies already use gets ``_api`` (datamodel-code-generator's
    ``datetime.yaml``, no title, made a package ``datetime`` whose ``from datetime import datetime`` found itself)."""
    name = safe_identifier(distribution, fallback="api_client", reserved=_WINDOWS_DEVICES)
    return f"{name}_api" if name in sys.stdlib_module_names or name in _TAKEN_MODULES else name


def elide(name: str, limit: int) -> str:
    """``name`` cut to at most ``limit`` characters by dropping whole words from its middle: the first words (the
    HTTP method, the resource) and the last ones (the action: ``..._purge_draft_table_rows``) say what a method
    does, and ids built from long paths differ mostly at their end, which cutting the end would make collide."""
    if len(name) <= limit:
        return name
    words = [w for w in name.split("_") if w]
    tail: list[str] = []
    while words and len("_".join([words[-1], *tail])) <= limit * 2 // 3:
        tail.insert(0, words.pop())
    head: list[str] = []
    for word in words:
        if len("_".join([*head, word, *tail])) > limit:
            break
        head.append(word)
    if not head or not tail:
        return shorten(name, limit)
    return "_".join([*head, *tail])


def shorten(name: str, limit: int) -> str:
    """``name`` cut to at most ``limit`` characters at a word (``_``) boundary when there is one in reach."""
    if len(name) <= limit:
        return name
    cut = name[:limit]
    head = cut.rsplit("_", 1)[0] if "_" in cut[limit // 2 :] else cut
    return head.rstrip("_") or cut


#: English words a cut sentence must not end with (``..._of_a_video_by``): articles, prepositions, conjunctions.
_DANGLING_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "nor", "but", "if", "as", "at", "by", "for", "from", "in", "into", "of", "on"}
    | {"onto", "to", "with", "without", "via", "per", "than", "that", "which", "whose", "its", "their", "your"}
    | {"is", "are", "be", "when", "where", "while", "whether", "about", "over", "under", "within", "between"}
)


def shorten_phrase(name: str, limit: int) -> str:
    """A sentence's name (from a summary) cut as :func:`shorten` does, then without the words that only lead on.

    A summary longer than ``limit`` cut at a word boundary can stop at a word that introduces what was cut
    (PeerTube's ``Creates a comment in a comment thread by its id of a video by its id`` ->
    ``creates_a_comment_in_a_comment_thread_by_its_id_of_a_video_by``); those trailing words (articles,
    prepositions, conjunctions, ``_DANGLING_WORDS``) go, as a person naming the method would leave them out
    (``..._of_a_video``). A name within ``limit`` is as written; a name made only of such words keeps its cut.
    """
    cut = shorten(name, limit)
    if cut == name:
        return name
    words = cut.split("_")
    if all(word in _DANGLING_WORDS for word in words):
        return cut
    while words[-1] in _DANGLING_WORDS:
        words.pop()
    return "_".join(words)
