"""YAML documents read as JSON would give them (YAML 1.2's core schema, what OpenAPI asks of YAML), and 3.0's way of
describing a reference (``allOf`` of it and a description) keeping what the reference admits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scraper.cli import main
from scraper.spec_input import parse_document_text
from tests.clients.package_import import contract_cases, run_package_tests

SCALARS = """\
a: [yes, no, on, off, NO, y, true, False, ~, 2023-01-17, 2023-01-17T00:00:00Z, 12:30, 010, 0o17, 0x1f, 1.5, 1e3]
b: !!timestamp 2020-01-01
c: !!binary aGVsbG8=
d: !!set {x, y}
e: !!omap [k: 1, l: 2]
f: &base {x: 1}
g: {<<: *base, y: 2}
200: ok
"""


def test_plain_scalars_are_read_as_yaml_1_2_reads_them() -> None:
    doc = parse_document_text(SCALARS, source="t.yaml")
    assert doc["a"] == [
        *("yes", "no", "on", "off", "NO", "y"),  # YAML 1.1 booleans (Norway's country code was False)
        True, False, None,
        "2023-01-17", "2023-01-17T00:00:00Z",  # were date and datetime objects, no JSON value
        "12:30",  # was 750 (base 60)
        10, 15, 31, 1.5, 1000.0,  # 010 was octal eight
    ]  # fmt: skip
    assert doc["b"] == "2020-01-01" and doc["c"] == "aGVsbG8="
    assert doc["d"] == {"x": None, "y": None} and doc["e"] == [{"k": 1}, {"l": 2}]
    assert doc["g"] == {"x": 1, "y": 2} and doc["200"] == "ok"  # every key is text, as JSON's are
    json.dumps(doc)  # every value is JSON's


SPEC = """\
openapi: 3.0.3
info: {title: Dates, version: "1"}
paths:
  /messages:
    get:
      operationId: listMessages
      parameters:
        - name: since
          in: query
          schema: {type: string, format: date-time}
          example: 2018-11-15T16:00:11Z
        - name: country
          in: query
          schema: {type: string, enum: [NO, SE]}
          example: NO
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Droplet"}
              example: {id: 1, next_backup_window: null, created: 2020-01-01}
components:
  schemas:
    Window:
      type: object
      nullable: true
      properties: {start: {type: string}}
    Droplet:
      type: object
      required: [id, next_backup_window]
      properties:
        id: {type: integer}
        created: {type: string, format: date}
        next_backup_window:
          allOf:
            - $ref: "#/components/schemas/Window"
            - description: The backup window, when backups are on.
"""


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("dates")
    spec = folder / "dates.yaml"
    spec.write_text(SPEC, encoding="utf-8")
    out = folder / "out"
    report = folder / "report.json"
    assert main(["generate", "--spec", str(spec), "--out", str(out), "--report", str(report)]) == 0
    return out, report.read_text(encoding="utf-8")


def test_yaml_dates_and_country_codes_are_the_strings_their_schemas_ask_for(package: tuple[Path, str]) -> None:
    out, report = package
    # before: "parameter 'since' does not match its schema: datetime.datetime(2018, ...) is not of type 'string'"
    assert "does not match its schema" not in report
    [case] = contract_cases(out)["requests"]
    assert case["kwargs"] == {"since": "2018-11-15T16:00:11Z", "country": "NO"}


def test_a_nullable_reference_described_through_allof_admits_null(package: tuple[Path, str]) -> None:
    out, _ = package
    models = next(out.glob("*/v1/models.py")).read_text(encoding="utf-8")
    assert "next_backup_window: Window | None" in models
    result = run_package_tests(out)  # the documented null response parses (it failed: 'valid dictionary')
    assert result.returncode == 0, result.stdout[-2000:]
