"""``docs2client diff``: argument spellings (file, provider/service@version, git:rev:path), formats, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from scraper.cli import main
from tests.paths import ROOT


def spec(**extra_ops: Any) -> dict[str, Any]:
    ops: dict[str, Any] = {"get": {"operationId": "listThings", "responses": {"200": {"description": "OK"}}}}
    ops.update(extra_ops)
    return {"openapi": "3.1.0", "info": {"title": "T", "version": "1.0"}, "paths": {"/v1/things": ops}}


BASE = spec()
ADDED = spec(post={"operationId": "createThing", "responses": {"201": {"description": "Created"}}})
DEPRECATED = spec()
DEPRECATED["paths"]["/v1/things"]["get"]["deprecated"] = True


def write(path: Path, document: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["diff", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "base.yaml", BASE)
    write(tmp_path / "added.yaml", ADDED)
    write(tmp_path / "deprecated.yaml", DEPRECATED)
    return tmp_path


def test_exit_codes_follow_fail_on(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["base.yaml", "added.yaml"], capsys)[0] == 0
    assert run(["base.yaml", "added.yaml", "--fail-on", "breaking"], capsys)[0] == 0
    assert run(["added.yaml", "base.yaml", "--fail-on", "breaking"], capsys)[0] == 1
    assert run(["added.yaml", "base.yaml", "--fail-on", "deprecation"], capsys)[0] == 1
    assert run(["base.yaml", "deprecated.yaml", "--fail-on", "breaking"], capsys)[0] == 0
    assert run(["base.yaml", "deprecated.yaml", "--fail-on", "deprecation"], capsys)[0] == 1
    assert run(["base.yaml", "base.yaml", "--fail-on", "deprecation"], capsys)[0] == 0


def test_text_format(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["added.yaml", "base.yaml"], capsys)
    assert code == 0
    assert out.splitlines() == [
        "added.yaml -> base.yaml: 1 breaking, 0 deprecation, 0 non-breaking, 0 info",
        "",
        "breaking (1)",
        "  POST /v1/things: operation removed [operation-removed]",
    ]


def test_markdown_format(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["base.yaml", "deprecated.yaml", "--format", "markdown"], capsys)
    assert "### Deprecations" in out
    assert "- `GET /v1/things` `deprecated`: operation deprecated" in out


def test_json_format(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["base.yaml", "added.yaml", "--format", "json"], capsys)
    payload = json.loads(out)
    assert payload["summary"] == {"breaking": 0, "deprecation": 0, "non-breaking": 1, "info": 0}
    assert payload["changes"] == [
        {
            "kind": "operation-added",
            "severity": "non-breaking",
            "operation": "POST /v1/things",
            "location": "",
            "message": "operation added",
            "old": None,
            "new": None,
        }
    ]


def test_provider_service_version_refs(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(files / "spec" / "scp" / "thing" / "1.0.yaml", BASE)
    write(files / "other" / "scp" / "thing" / "1.1.yaml", ADDED)
    assert run(["scp/thing@1.0", "added.yaml", "--fail-on", "breaking"], capsys)[0] == 0
    code, out, _ = run(["added.yaml", "scp/thing@1.1", "--spec-dir", "other"], capsys)
    assert code == 0 and "no changes" in out
    code, _, err = run(["scp/thing@9.9", "added.yaml"], capsys)
    assert code == 2
    assert "OLD" in err and "9.9.yaml" in err


def test_two_different_apis_are_said(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A mistyped path compares two services: every operation would read as removed and added, without a word."""
    other = spec()
    other["info"]["title"] = "Another API"
    write(files / "other.yaml", other)
    code, _, err = run(["base.yaml", "other.yaml"], capsys)
    assert code == 0 and "OLD is titled 'T' and NEW 'Another API': are they the same API?" in err
    ours = [spec(), spec()]
    for document, service in zip(ours, ("virtualserver", "backup"), strict=True):
        document["info"].update({"title": "Same title", "x-provider": "scp", "x-service": service})
    write(files / "vs.yaml", ours[0])
    write(files / "backup.yaml", ours[1])
    assert "OLD is 'scp/virtualserver' and NEW is 'scp/backup'" in run(["vs.yaml", "backup.yaml"], capsys)[2]
    assert "warning" not in run(["base.yaml", "added.yaml"], capsys)[2]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("openapi: 3.1.0\npaths: [\n", "line 3"),
        ("- just\n- a list\n", "expected an OpenAPI document (a mapping), got list"),
        ("", "the file is empty (or holds only null): expected an OpenAPI document"),
        ("# only a comment\n", "the file is empty"),
        ("swagger: '2.0'\n", 'not a valid Swagger 2.0 document at #: "info" is a required property'),
    ],
)
def test_bad_input_names_the_argument(
    files: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    (files / "bad.yaml").write_text(content, encoding="utf-8")
    code, out, err = run(["base.yaml", "bad.yaml"], capsys)
    assert code == 2 and out == ""
    assert err.startswith("docs2client diff: error: NEW: bad.yaml")
    assert expected in err


def test_missing_argument_is_named(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["nope.yaml", "base.yaml"], capsys)
    assert code == 2
    assert "OLD: 'nope.yaml'" in err


def _git(repo: Path, *args: str) -> None:
    env = os.environ | {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.test",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.test",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def test_git_refs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    write(repo / "spec" / "api.yaml", ADDED)
    _git(repo, "add", "spec/api.yaml")
    _git(repo, "commit", "-q", "-m", "one")
    write(repo / "spec" / "api.yaml", BASE)
    _git(repo, "commit", "-q", "-am", "two")
    monkeypatch.chdir(repo)
    code, out, _ = run(["git:HEAD~1:spec/api.yaml", "spec/api.yaml", "--fail-on", "breaking"], capsys)
    assert code == 1
    assert "POST /v1/things: operation removed" in out
    code, out, _ = run(["git:HEAD~1:spec/api.yaml", "git:HEAD:spec/api.yaml", "--format", "json"], capsys)
    assert json.loads(out)["summary"]["breaking"] == 1
    code, _, err = run(["git:HEAD~5:spec/api.yaml", "spec/api.yaml"], capsys)
    assert code == 2 and "OLD: 'git:HEAD~5:spec/api.yaml': git show" in err
    code, _, err = run(["spec/api.yaml", "git:HEAD"], capsys)
    assert code == 2 and "NEW" in err and "git:<rev>:<path>" in err


def test_output_is_identical_across_hash_seeds(files: Path) -> None:
    outputs = set()
    for seed in ("0", "1", "12345"):
        proc = subprocess.run(
            [sys.executable, "-m", "scraper.cli", "diff", "added.yaml", "deprecated.yaml", "--format", "json"],
            cwd=files,
            capture_output=True,
            text=True,
            env=os.environ | {"PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)},
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        outputs.add(proc.stdout)
    assert len(outputs) == 1


def test_references_to_other_files_are_named_not_silently_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A multi-file spec (oasdiff's data/ref-chain-example): ``diff`` reads no other file, so a change inside
    ``schemas/pet.yaml`` is invisible; it said "no changes" with nothing else before. Now each side with such a
    reference gets one warning naming the file and the first reference; a local document gets none."""
    with_external = spec()
    with_external["paths"]["/v1/things"]["get"]["responses"]["200"]["content"] = {
        "application/json": {"schema": {"$ref": "./schemas/pet.yaml"}}
    }
    with_external["components"] = {"schemas": {"A": {"$ref": "other.yaml#/B"}, "C": {"$ref": "#/components/x"}}}
    old = write(tmp_path / "old.yaml", with_external)
    new = write(tmp_path / "new.yaml", with_external)
    code, out, err = run([str(old), str(new)], capsys)
    assert code == 0 and "no changes" in out
    warnings = err.strip().splitlines()
    assert len(warnings) == 2 and warnings[0].startswith(f"docs2client diff: warning: OLD: {old}: $ref")
    assert "'./schemas/pet.yaml' and 1 more point(s) outside the document" in warnings[0]
    assert warnings[1].startswith(f"docs2client diff: warning: NEW: {new}:")
    local = write(tmp_path / "local.yaml", BASE)
    assert run([str(local), str(local)], capsys)[2] == ""
