"""The printed generation report: every finding said once, however many operations repeat it."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.cli import main
from scraper.clients.report import grouped_warnings
from tests import paths

SPEC = paths.FIXTURES / "openapi" / "report" / "repeated-header-example.yaml"


def test_a_finding_repeated_across_operations_is_printed_once_with_its_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """influxdata's OSS spec printed one header example's warning 210 times, once per operation."""
    import json

    report = tmp_path / "report.json"
    assert main(["generate", "--spec", str(SPEC), "--out", str(tmp_path / "pkg"), "--report", str(report)]) == 0
    out, err = capsys.readouterr()
    printed = [line for line in err.splitlines() if line.startswith("warning: ")]
    assert len(printed) == 2, printed
    repeated = next(line for line in printed if "Zap-Trace-Span" in line)
    assert repeated.startswith(f"warning: {SPEC}: parameter 'Zap-Trace-Span' (header): ")
    assert repeated.endswith("(4 locations: /paths/~1/get, /paths/~1authorizations/get, /paths/~1buckets/get, ...)")
    assert any(
        line.startswith(f"warning: {SPEC}: /paths/~1buckets~1{{bucketID}}/get: parameter 'limit'") for line in printed
    )
    # the report file and the summary still count every warning
    assert json.loads(report.read_text(encoding="utf-8"))["warnings"] == 5 and "5 warning(s)" in out


def test_warnings_without_a_location_or_said_once_are_printed_as_they_are() -> None:
    warnings = [
        "a.yaml: schema $ref '#/x' points to a schema that components.schemas lacks; typed as Any",
        "a.yaml: /paths/~1pets/get: response status 'ok' is not an HTTP status code, a range (2XX) or 'default'",
        "b.yaml: /paths/~1pets/get: the fragment #a is not sent",
        "b.yaml: /paths/~1dogs/get: the fragment #a is not sent",
        "c.yaml: /paths/~1dogs/get: the fragment #a is not sent",  # another document: its own line
    ]
    assert grouped_warnings(warnings) == [
        warnings[0],
        warnings[1],
        "b.yaml: the fragment #a is not sent (2 locations: /paths/~1pets/get, /paths/~1dogs/get)",
        warnings[4],
    ]


def test_the_report_file_gives_each_warning_its_document_pointer_and_message(tmp_path: Path) -> None:
    """A CI job filters warnings by place: ``located`` holds them as objects, in the order of ``warnings``."""
    import json

    report = tmp_path / "report.json"
    assert main(["generate", "--spec", str(SPEC), "--out", str(tmp_path / "pkg"), "--report", str(report)]) == 0
    (package,) = json.loads(report.read_text(encoding="utf-8"))["packages"]
    assert len(package["located"]) == len(package["warnings"]) == 5
    for text, located in zip(package["warnings"], package["located"], strict=True):
        assert located["source"] == str(SPEC)
        assert located["pointer"] is not None and located["pointer"].startswith("/paths/")
        assert text == f"{located['source']}: {located['pointer']}: {located['message']}"


def test_a_warning_without_a_place_has_no_pointer() -> None:
    from scraper.clients.report import located_warning

    assert located_warning("a.yaml: schema $ref '#/x' points nowhere; typed as Any") == {
        "source": "a.yaml",
        "pointer": None,
        "message": "schema $ref '#/x' points nowhere; typed as Any",
    }
    assert located_warning("/paths/~1a/get") == {"source": None, "pointer": None, "message": "/paths/~1a/get"}
