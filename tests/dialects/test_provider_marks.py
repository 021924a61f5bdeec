"""A page given without ``--provider`` is read by the dialect its marks name; a page whose marks say nothing, or
say both providers, is a located error and the other pages are still built."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from scraper.cli import main
from scraper.dialects.provider_marks import DOMINANCE, recognise_provider
from scraper.document import ReaderError
from tests.paths import FIXTURES, PAGES


def _catalog_providers() -> list[tuple[Path, str]]:
    catalog = tomllib.loads((PAGES / "catalog.toml").read_text(encoding="utf-8"))
    return [(PAGES / entry["file"], entry["provider"]) for entry in catalog["page"]]


_UNSEEN_NHN = sorted((FIXTURES / "nhn" / "unseen" / "guides").glob("*.md"))


@pytest.mark.parametrize(
    ("page", "provider"),
    [*_catalog_providers(), *((guide, "nhn") for guide in _UNSEEN_NHN)],
    ids=lambda value: value.name if isinstance(value, Path) else value,
)
def test_every_committed_page_is_recognised_as_its_provider(page: Path, provider: str) -> None:
    verdict = recognise_provider(page.name, page.read_bytes())
    assert verdict.provider == provider
    assert verdict.marks and all(count > 0 for count in verdict.marks.values())


def test_marks_are_counted_in_html_as_in_text() -> None:
    html = b"<table><tr><td><code>Scp-Api-Version: virtualserver 1.1</code></td></tr></table>"
    assert recognise_provider("p.html", html).marks == {"Scp-Api-Version": 1}
    assert recognise_provider("p.md", b"| Host | `https://api-dns.nhncloudservice.com` |").provider == "nhn"


def test_a_page_without_marks_has_no_verdict_by_marks() -> None:
    assert recognise_provider("notes.md", b"# Notes\n\nGET /v1/things\n") is None


def test_words_that_merely_contain_a_mark_do_not_count() -> None:
    assert recognise_provider("p.md", b"Toaster API (NHNX build): GET /v1/toasters\n") is None


def test_both_providers_in_similar_numbers_is_ambiguous_and_says_what_it_found() -> None:
    raw = b"NHN Cloud and Samsung Cloud Platform compared: nhncloud.com vs samsungsdscloud.com\n"
    with pytest.raises(ReaderError) as caught:
        recognise_provider("compare.md", raw)
    message = str(caught.value)
    assert "marks of both" in message and "samsungsdscloud x1" in message and "nhncloud x1" in message
    assert message.endswith("pass --provider")


def test_a_stray_mention_of_the_other_provider_does_not_change_the_verdict() -> None:
    raw = b"Samsung Cloud Platform\n" + b"Scp-Api-Version: vpc 1.0\n" * (DOMINANCE - 1) + b"(unlike NHN)\n"
    assert recognise_provider("p.txt", raw).provider == "scp"
    tied = b"Scp-Api-Version: vpc 1.0\n" * (DOMINANCE - 1) + b"(unlike NHN)\n"
    with pytest.raises(ReaderError, match="marks of both"):
        recognise_provider("p.txt", tied)


def test_spec_without_provider_builds_the_recognised_pages_and_reports_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    guide = PAGES / "nhn" / "Traffic-Mirroring__en__public-api.md"
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\nNothing about any API here.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["spec", str(guide), str(notes), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"note: {guide}: read as NHN Cloud by its marks (" in err
    assert f"  {notes}: cannot tell the provider: the page carries no provider's marks (" in err
    assert "and neither provider's dialect finds an operation in it; pass --provider" in err
    built = {p.relative_to(out).parts[:2] for p in out.rglob("*.yaml")}
    assert [provider for provider, _ in built] == ["nhn"]  # the guide's one service, read by the NHN dialect


def test_an_explicit_provider_skips_the_marks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    guide = PAGES / "nhn" / "Traffic-Mirroring__en__public-api.md"
    assert main(["spec", str(guide), "--provider", "nhn", "--out", str(tmp_path / "out")]) == 0
    assert "note:" not in capsys.readouterr().err


def test_a_page_without_marks_is_read_by_the_one_dialect_that_finds_operations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (PAGES / "nhn" / "Traffic-Mirroring__en__public-api.md").read_text(encoding="utf-8")
    unmarked = re.sub(r"nhncloud|NHN|toast", "cloud", text, flags=re.IGNORECASE)
    page = tmp_path / "mirroring.md"
    page.write_text(unmarked, encoding="utf-8")
    assert recognise_provider(page.name, page.read_bytes()) is None
    assert main(["spec", str(page), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert f"note: {page}: read as NHN Cloud: no marks, and only its dialect finds operations (15)" in err
    assert {p.relative_to(tmp_path / "out").parts[0] for p in (tmp_path / "out").rglob("*.yaml")} == {"nhn"}


def test_a_dialect_bug_while_telling_the_provider_is_one_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Telling the provider of an unmarked page reads it with each dialect; an exception other than a located error
    (a reader or dialect bug, such as the RecursionError a page cut inside a raw HTML table gave) ended
    ``docs2client spec`` with a traceback, and the other pages were not built."""
    from scraper.build import command

    def broken(page: object, raw: bytes) -> list[object]:
        raise RecursionError("maximum recursion depth exceeded")

    unmarked = tmp_path / "unmarked.md"
    unmarked.write_text("# Things\n\nGET /v1/things\n", encoding="utf-8")
    guide = PAGES / "nhn" / "Traffic-Mirroring__en__public-api.md"
    real = command.services_in
    monkeypatch.setattr(
        command, "services_in", lambda page, raw: broken(page, raw) if page.path == unmarked else real(page, raw)
    )
    out = tmp_path / "out"
    assert main(["spec", str(unmarked), str(guide), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{unmarked}:1: internal error while reading the page as" in err and "RecursionError" in err
    assert "Traceback" not in err and list(out.rglob("*.yaml"))
