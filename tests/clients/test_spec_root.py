"""``generate --spec-root DIR`` reads the files a split document refers to anywhere under DIR, not only beside it.

Alchemy's docs-openapi-specs (``data/v1.yaml`` at ``68f7e52b``) refers to ``../nft/nfts.yaml#/components/schemas/
ownedContractv3``: the files of one repository share their schemas across folders. The bundler reads only the
document's own folder (a reference must not read what the user did not hand over), so the document was refused, with
no way to say "this repository is mine". ``--spec-root`` names the tree that may be read; the refusal says so, and a
reference leaving that tree is still refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.cli import main

API = """\
openapi: 3.1.0
info: {title: Shared, version: "1"}
servers: [{url: "https://shared.test"}]
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200":
          description: the pets
          content:
            application/json:
              schema: {$ref: "../common/schemas.yaml#/components/schemas/Pet"}
"""
COMMON = """\
components:
  schemas:
    Pet:
      type: object
      properties:
        name: {type: string, examples: [Rex]}
"""


def _tree(tmp_path: Path) -> Path:
    (tmp_path / "repo" / "api").mkdir(parents=True)
    (tmp_path / "repo" / "common").mkdir()
    (tmp_path / "repo" / "api" / "openapi.yaml").write_text(API, encoding="utf-8")
    (tmp_path / "repo" / "common" / "schemas.yaml").write_text(COMMON, encoding="utf-8")
    return tmp_path / "repo"


def test_a_reference_out_of_the_folder_is_refused_naming_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _tree(tmp_path)
    assert main(["generate", "--spec", str(repo / "api" / "openapi.yaml"), "--out", str(tmp_path / "out")]) != 0
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "leaves the document's folder (api/)" in line and "--spec-root" in line, line


def test_the_spec_root_lets_the_document_read_its_repository(tmp_path: Path) -> None:
    repo, out = _tree(tmp_path), tmp_path / "out"
    args = ["generate", "--spec", str(repo / "api" / "openapi.yaml"), "--out", str(out), "--spec-root", str(repo)]
    assert main(args) == 0
    models = next(out.glob("*/v1/models.py")).read_text(encoding="utf-8")
    assert "class Pet(BaseModel):" in models


def test_a_reference_leaving_the_spec_root_is_still_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = _tree(tmp_path)
    args = ["generate", "--spec", str(repo / "api" / "openapi.yaml"), "--out", str(tmp_path / "out")]
    assert main([*args, "--spec-root", str(repo / "api")]) != 0
    assert "leaves" in capsys.readouterr().err
    assert main([*args, "--spec-root", str(repo / "common")]) != 0  # the document itself is outside
    assert "is not inside --spec-root" in capsys.readouterr().err
