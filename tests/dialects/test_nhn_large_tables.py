"""Tables of thousands of rows are read in time linear in their rows (hostile pages, found by
tests/readers/page_fuzz).

The timing tests have the dialect read one operation whose table has ``n`` and then ``4 n`` rows and compare the
CPU time: linear work takes about four times as long, quadratic work sixteen. Before the fixes a 20,000-row table
under an NHN operation took 30 s (a 1 MB page), with the work in the pairs of rows.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from scraper import type_vocabulary
from scraper.dialects import PageInfo
from scraper.dialects.nhn import NhnDialect
from scraper.model import Service
from scraper.readers import markdown


def _cpu_seconds(read: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        read()
        best = min(best, time.process_time() - started)
    return best


def _read(page: str) -> Service:
    [service] = NhnDialect().read(markdown.read(page, "big.md"), PageInfo("big.md"))
    return service


def _assert_linear(page: Callable[[int], str], rows: int) -> None:
    documents = [markdown.read(page(n), "big.md") for n in (rows, 4 * rows)]
    # best of three runs each: one run's CPU time swings with what else the machine runs (caches, the collector)
    times = [
        min(_cpu_seconds(lambda d=d: NhnDialect().read(d, PageInfo("big.md"))) for _ in range(3))  # type: ignore[misc]
        for d in documents
    ]
    assert times[1] < 8 * max(times[0], 0.005), times  # four times the rows: about four times the time, not sixteen


def _operation(request: str, response: str, example: str = "") -> str:
    return (
        "# Thing API\n\n## Things\n\n### Get a thing\n\n```\nGET /v2/things/{thingId}\n```\n\n#### Request\n\n"
        f"{request}\n\n#### Response\n\n{response}\n\n{example}"
    )


def test_thousands_of_url_rows_not_in_the_path_are_read_in_linear_time() -> None:
    """Each URL row not in the path looked for a query row of its name among all the parameters, and each dropped
    one was removed from the list by a scan of it."""

    def page(n: int) -> str:
        rows = "\n".join(f"| p{i} | URL | String | O | parameter {i} |" for i in range(n))
        request = (
            "| Name | Type | Format | Required | Description |\n|---|---|---|---|---|\n"
            f"| thingId | URL | String | O | the thing |\n{rows}"
        )
        return _operation(request, "| Name | Type | Description |\n|---|---|---|\n| id | String | ID |")

    service = _read(page(50))
    [operation] = service.operations
    [version] = operation.versions.values()
    assert {p.location for p in version.parameters if p.name.startswith("p")} == {"query"}
    _assert_linear(page, 1000)


def test_a_response_table_of_thousands_of_fields_beside_an_example_is_read_in_linear_time() -> None:
    """Each documented field the example lacks was compared with every key of the example and every other field
    (looking for a plural / singular pair)."""

    def page(n: int) -> str:
        rows = "\n".join(f"| field{i} | String | field {i} |" for i in range(n))
        response = f"| Name | Type | Description |\n|---|---|---|\n{rows}"
        keys = ", ".join(f'"other{i}": "x"' for i in range(n))
        return _operation("This API does not require a request body.", response, f"```json\n{{{keys}}}\n```\n")

    _assert_linear(page, 800)


def test_words_that_share_too_few_letters_with_a_type_are_not_measured(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every word of a table's cells is looked up as a possible misspelt type, and each unique word was measured
    (edit distance) against every vocabulary word of about its length: a 100,000-row NHN text table read at
    0.04 MB/s. A word sharing too few letters with a type cannot be within its edit limit and is not measured
    (0.15 MB/s); the repairs are the same (every one- and two-letter slip of every type word checked)."""
    calls = []
    real = type_vocabulary.edit_distance

    def counted(a: str, b: str) -> int:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(type_vocabulary, "edit_distance", counted)
    type_vocabulary._near.cache_clear()
    try:
        assert [type_vocabulary._near(word) for word in ("strng", "integr", "boolaen")] == [
            "string",
            "integer",
            "boolean",
        ]
        calls.clear()
        for i in range(1000):
            assert type_vocabulary._near(f"field{i}") is None
    finally:
        type_vocabulary._near.cache_clear()
    assert len(calls) < 100, len(calls)
