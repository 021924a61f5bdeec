"""A bounded, deterministic sample of tests/readers/page_fuzz: mutated pages read, or are one located error.

Every small seed page (committed pages and fixtures under 40 kB) with one to three of the harness's mutations that
keep a page small, read by its format's reader and its provider's dialect. Hypothesis draws the cases derandomized
(the same ones on every run) and does not shrink (a failing case is reported as drawn). The long run, and the big
mutations (5 MB lines, 100,000-row tables, 4 MB pages), are run by hand: ``python -m tests.readers.page_fuzz``.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.readers.page_fuzz import BIG, MUTATIONS, Seed, mutate, read_case, seeds

SMALL = [seed for seed in seeds() if seed.path.stat().st_size < 40_000]
SMALL_MUTATIONS = sorted(set(MUTATIONS) - BIG - {"deep"})


@settings(
    max_examples=120,
    derandomize=True,
    database=None,
    deadline=None,
    phases=(Phase.explicit, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    seed=st.sampled_from(SMALL),
    names=st.lists(st.sampled_from(SMALL_MUTATIONS), min_size=1, max_size=3),
    salt=st.integers(0, 2**32),
)
def test_a_mutated_page_reads_or_is_one_located_error(seed: Seed, names: list[str], salt: int) -> None:
    raw = mutate(seed.path.read_bytes(), names, random.Random(salt))
    assert read_case(raw, seed, seconds=20) in ("ok", "located")


def test_the_sample_covers_every_format_and_provider() -> None:
    assert {(seed.format, seed.provider) for seed in SMALL} >= {
        ("text", "scp"),
        ("text", "nhn"),
        ("markdown", "nhn"),
        ("html", "scp"),
        ("html", "nhn"),
    }
