"""A number of thousands of digits in a page is read as no number, never a traceback out of ``docs2client spec``.

CPython converts at most 4300 digits to an ``int`` (``sys.get_int_max_str_digits``); beyond that ``int()`` raises
ValueError. The page-value fuzz (mutating the numbers and cells of the committed pages and fixtures) put such
numbers where a page is read for a bound, an index, a default and a version; each is one test below, on the
synthetic fixtures (``tests/fixtures/nhn/demo-guide.md``, ``tests/fixtures/scp/unseen/access_policy_models_pipe.txt``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.cli import main
from scraper.doc_values import DocValueError, parse_constraints
from scraper.page_numbers import MAX_DIGITS, integer, number, numbers_key
from tests.paths import FIXTURES

HUGE = "9" * 5000
NHN_GUIDE = FIXTURES / "nhn" / "demo-guide.md"
SCP_MODELS = FIXTURES / "scp" / "unseen" / "access_policy_models_pipe.txt"


def _spec(tmp_path: Path, page: Path, old: str, new: str, provider: str, capsys: pytest.CaptureFixture[str]) -> str:
    text = page.read_text(encoding="utf-8")
    assert old in text
    mutated = tmp_path / page.name
    mutated.write_text(text.replace(old, new, 1), encoding="utf-8")
    code = main(["spec", str(mutated), "--provider", provider, "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code in (0, 1), err[-600:]
    assert "internal error" not in err and "Traceback" not in err, err[-600:]
    return err


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Default is 50", f"Default is {HUGE}"),  # a parameter's default
        ("Page size", f"Page size<br>1~{HUGE}"),  # a valid range
        ("| servers.nics.mac |", f"| servers.nics[{HUGE}].mac |"),  # an index in a dotted field name
        ("GET /v3/{projectId}/servers", f"GET /v{HUGE}/{{projectId}}/servers"),  # a version family in a path
    ],
    ids=["default", "valid-range", "index", "path-version"],
)
def test_a_huge_number_in_an_nhn_guide(tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str) -> None:
    _spec(tmp_path, NHN_GUIDE, old, new, "nhn", capsys)


def test_a_huge_length_in_an_scp_model_example(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _spec(tmp_path, SCP_MODELS, "Maximum length : 64", f"Maximum length : {HUGE}", "scp", capsys)
    with pytest.raises(DocValueError, match="Maximum length is a number of 5000 characters"):
        parse_constraints(f"samplePattern : ^[a-z]+$Maximum length : {HUGE}")


def test_integers_within_what_int_reads() -> None:
    assert integer("42") == 42 and integer("-7") == -7 and integer("1" * MAX_DIGITS) == int("1" * MAX_DIGITS)
    assert integer("1" * (MAX_DIGITS + 1)) is None


def test_numbers_are_finite() -> None:
    assert number("2.5") == 2.5 and number("3") == 3
    assert number("1" + "0" * 400 + ".5") is None  # float() would give inf, which no JSON document holds
    assert number(HUGE) is None


def test_numbers_key_orders_as_numbers_without_converting() -> None:
    versions = ["v2.0", "v10.0", "v1.5", f"v{HUGE}", "v010.1"]
    assert sorted(versions, key=numbers_key) == ["v1.5", "v2.0", "v10.0", "v010.1", f"v{HUGE}"]


@pytest.mark.parametrize(
    "fixture",
    ["traffic_splitter_pipe_ko.txt", "image_vault_apis_pipe.txt", "ticket_desk_lost_headings.txt"],
)
def test_a_huge_section_number_in_an_scp_page(tmp_path: Path, capsys: pytest.CaptureFixture[str], fixture: str) -> None:
    # "1.1 - Title" numbers the printable view's headings; "1.<5000 digits> - Title" is no numbered heading
    page = FIXTURES / "scp" / "unseen" / fixture
    old = next(line for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("1.1"))
    _spec(tmp_path, page, old, old.replace("1.1", f"1.{HUGE}", 1), "scp", capsys)
