"""A bounded, deterministic sample of tests/clients/spec_fuzz: mutated specs generate a package that compiles,
imports and carries no spec text as code, or are one located error; the diff against the seed never crashes.

Every small seed (committed specs and corpus documents under 20 kB) with one to three of the harness's tree mutations
that keep a document small, and sometimes one byte mutation. Hypothesis draws the cases derandomized (the same ones
on every run) and does not shrink (a failing case is reported as drawn). The long run, with the huge strings and
enums, is run by hand: ``python -m tests.clients.spec_fuzz``.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.clients.spec_fuzz import (
    BIG,
    BYTE_MUTATIONS,
    TREE_MUTATIONS,
    Seed,
    diff_case,
    generate_case,
    make_case,
    seeds,
)

SMALL = [seed for seed in seeds() if seed.path.stat().st_size < 20_000]
SMALL_MUTATIONS = sorted(set(TREE_MUTATIONS) - BIG)


@settings(
    max_examples=30,
    derandomize=True,
    database=None,
    deadline=None,
    phases=(Phase.explicit, Phase.generate),
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    seed=st.sampled_from(SMALL),
    names=st.lists(st.sampled_from(SMALL_MUTATIONS), min_size=1, max_size=3),
    byte_names=st.lists(st.sampled_from(sorted(BYTE_MUTATIONS)), max_size=1),
    salt=st.integers(0, 2**32),
)
def test_a_mutated_spec_generates_a_safe_package_or_is_one_located_error(
    seed: Seed, names: list[str], byte_names: list[str], salt: int
) -> None:
    case = make_case(seed, names, byte_names, random.Random(salt))
    with tempfile.TemporaryDirectory() as folder:
        assert generate_case(
            case, Path(folder), seconds=30, imports=salt % 4 == 0
        )  # a quarter: ~1 s each in ("ok", "error")
    with tempfile.TemporaryDirectory() as folder:
        assert diff_case(case, Path(folder), seconds=30) in ("same", "changes", "error")


def test_the_sample_covers_yaml_json_and_swagger_2_seeds() -> None:
    suffixes = {seed.path.suffix for seed in SMALL}
    assert suffixes == {".yaml", ".json"}
    assert any(b"swagger:" in seed.path.read_bytes() or b'"swagger"' in seed.path.read_bytes() for seed in SMALL)
    assert len(SMALL) >= 20
