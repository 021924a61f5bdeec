"""Hostile SCP text renderings (found by tests/readers/page_fuzz): read in time linear in the page."""

from __future__ import annotations

import gc
import time

from scraper.readers.text import read, split_schema_default
from tests.paths import FIXTURES

SQUASHED = FIXTURES / "scp" / "unseen" / "traffic_splitter_squashed_ko.txt"
EXAMPLE = "Example : 3f1c0a9e2b7d4c55a1e0f4b2c6d8e901\n"


def _cpu_seconds(text: str) -> float:
    """The least CPU time of three reads (a collection of the garbage of earlier tests can land in any one)."""
    best = float("inf")
    for _ in range(3):
        gc.collect()
        started = time.process_time()
        read(text, "squashed.txt")
        best = min(best, time.process_time() - started)
    return best


def test_a_long_last_line_of_a_squashed_row_is_read_in_linear_time() -> None:
    """The last line of a squashed row is split where a Schema cell (and a Default) could be glued to it: every split
    point of the line was tried, and for each every prefix of the tail parsed as a schema. A 72 kB line of tags in
    an 84 kB page (a page cut and spliced) took over two minutes; 3,600 characters took 10 s (900: 0.45 s)."""
    page = SQUASHED.read_text(encoding="utf-8")
    assert EXAMPLE in page

    def spliced(n: int) -> str:  # the page cut after a long line of tags: the row's last line
        return page[: page.index(EXAMPLE) + len(EXAMPLE)] + "<b>" * n

    small, large = (_cpu_seconds(spliced(n)) for n in (300, 1200))
    assert large < 8 * max(small, 0.01), (small, large)  # four times the line: about four times the time


def test_a_schema_and_default_are_split_only_in_a_cell_of_plausible_length() -> None:
    assert split_schema_default("any of [array[string], null]None") == ("any of [array[string], null]", "None")
    assert split_schema_default("string" + "x" * 5000) is None


def test_a_long_compound_schema_is_split_at_a_closing_bracket() -> None:
    """A compound Schema cell longer than the exhaustive split tries (an enum of long names) is split where it can
    end, after a closing parenthesis or bracket, tried from the right; a long line of no schema is still none."""
    values = ", ".join(f"Product Tier {n} Enterprise Edition" for n in range(12))
    assert split_schema_default(f"enum ({values})None") == (f"enum ({values})", "None")
    assert split_schema_default(f"any of [enum ({values}), null]None") == (f"any of [enum ({values}), null]", "None")
    assert split_schema_default(f"array[enum ({values})][]") == (f"array[enum ({values})]", "[]")
    assert split_schema_default("enum (" + "x)" * 5000) is None
