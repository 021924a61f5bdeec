"""Fields and enum members named ``l``, ``I`` or ``O`` (ruff's E741: they read like digits) keep the spec's name,
with ``# noqa: E741`` where ruff reads it: on the statement's first line. A field whose ``Field(...)`` black splits
over several lines had the comment after its closing parenthesis, which ruff ignores (transitfeeds.com in
APIs-guru: ``Issue.l`` and ``Feed.l`` with long descriptions, 2 ruff errors in the package)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import black

from scraper.clients.formatting import BLACK_LINE_LENGTH
from scraper.clients.package import render_package
from tests.clients.package_import import write_package

BIN = Path(sys.executable).parent


def _spec() -> dict[str, object]:
    long_text = "The line number in the given file associated with the issue, counted from one. " * 2
    return {
        "openapi": "3.0.3",
        "info": {"title": "Feeds", "version": "1.0"},
        "paths": {
            "/issues": {
                "get": {
                    "operationId": "getIssues",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Issue"}}},
                        }
                    },
                }
            }
        },
        "components": {
            "schemas": {
                "Issue": {
                    "type": "object",
                    "required": ["O"],
                    "properties": {
                        "l": {"type": "string", "description": long_text},  # black splits the Field(...) call
                        # fits on its line without the comment, not with it: black would split it after the fact
                        "I": {"type": "string", "description": "x" * 62},
                        "O": {"$ref": "#/components/schemas/Level"},  # a required reference, long description
                        "f": {"type": "string"},
                    },
                },
                "Level": {"type": "string", "enum": ["I", "O", "l", "other"]},
            }
        },
    }


def test_ambiguous_names_keep_their_name_and_ruff_and_black_accept_the_module(tmp_path: Path) -> None:
    files = render_package([_spec()], package_name="feeds")
    models = files["feeds/v1_0/models.py"].decode("utf-8")
    for name in ("l", "I", "O"):
        first = next(line for line in models.splitlines() if line.startswith(f"    {name}: "))
        assert first.endswith("# noqa: E741"), first
    mode = black.Mode(line_length=BLACK_LINE_LENGTH, target_versions={black.mode.TargetVersion.PY311})
    assert black.format_str(models, mode=mode) == models  # black leaves the comments where they are
    out = write_package(files, tmp_path / "out")
    ruff = subprocess.run([str(BIN / "ruff"), "check", "--no-cache", str(out)], capture_output=True, text=True)
    assert ruff.returncode == 0, ruff.stdout
