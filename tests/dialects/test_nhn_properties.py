"""Property tests: mutated NHN Markdown guides only ever produce a Document/Service or a located error.

Lines are dropped, duplicated, truncated and swapped at random; whatever the result, the Markdown reader and the
NHN dialect must either read it or raise :class:`ReaderError`/:class:`DialectError` -- never another exception,
and never hang (each example runs under a hypothesis deadline).
"""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper.dialects import DialectError, PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.document import ReaderError
from scraper.readers import markdown, nhn_text
from tests import paths

BASES = [
    (paths.FIXTURES / "nhn/demo-guide.md").read_text(encoding="utf-8").split("\n"),
    (paths.PAGES / "nhn/003_source_Storage-Block-Storage_en_public-api.md").read_text(encoding="utf-8").split("\n"),
]
TEXT_BASE = (paths.PAGES / "nhn/003_30998dc9651c21a0.txt").read_text(encoding="utf-8").split("\n")

_INSERTS = ["```", "}```", "|", "| a |", "|---|", "<br>", "#", "GET /v2/x", "{", "Example", ""]
_mutation = st.one_of(
    st.tuples(st.just("drop"), st.integers(0, 10_000)),
    st.tuples(st.just("duplicate"), st.integers(0, 10_000)),
    st.tuples(st.just("truncate"), st.integers(0, 10_000), st.integers(0, 200)),
    st.tuples(st.just("swap"), st.integers(0, 10_000), st.integers(0, 10_000)),
    st.tuples(st.just("insert"), st.integers(0, 10_000), st.sampled_from(_INSERTS)),
)  # fmt: skip


def _mutate(lines: list[str], mutations: list[tuple[object, ...]]) -> str:
    lines = list(lines)
    for mutation in mutations:
        if not lines:
            break
        kind = mutation[0]
        at = int(str(mutation[1])) % len(lines)
        if kind == "drop":
            del lines[at]
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "truncate":
            lines[at] = lines[at][: int(str(mutation[2]))]
        elif kind == "swap":
            other = int(str(mutation[2])) % len(lines)
            lines[at], lines[other] = lines[other], lines[at]
        else:
            lines.insert(at, str(mutation[2]))
    return "\n".join(lines)


def _read_md(text: str) -> None:
    try:
        document = markdown.read(text, "mutated.md")
        NhnDialect().read(document, PageInfo("mutated.md"))
    except (ReaderError, DialectError) as exc:
        assert exc.page == "mutated.md" and exc.line >= 0 and exc.message


_SETTINGS = settings(
    max_examples=60, deadline=timedelta(seconds=5), derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


@_SETTINGS
@given(base=st.sampled_from(range(len(BASES))), mutations=st.lists(_mutation, min_size=1, max_size=12))
def test_mutated_markdown_reads_or_fails_with_a_located_error(base: int, mutations: list[tuple[object, ...]]) -> None:
    _read_md(_mutate(BASES[base], mutations))


@_SETTINGS
@given(mutations=st.lists(_mutation, min_size=1, max_size=12))
def test_mutated_text_rendering_reads_or_fails_with_a_located_error(mutations: list[tuple[object, ...]]) -> None:
    text = _mutate(TEXT_BASE, mutations)
    try:
        NhnDialect().read(nhn_text.read(text, "mutated.txt"), PageInfo("mutated.txt"))
    except (ReaderError, DialectError) as exc:
        assert exc.page == "mutated.txt" and exc.message


@_SETTINGS
@given(text=st.text(alphabet=st.sampled_from(list("#|-`{}[]\n <>/abGETX:.0123")), max_size=400))
def test_arbitrary_markdown_like_text_reads_or_fails_with_a_located_error(text: str) -> None:
    _read_md(text)
