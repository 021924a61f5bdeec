"""Patterns pydantic's default engine (Rust's regex) reads but refuses to compile run on Python's ``re``.

APIs-guru's amazonaws.com elastictranscoder 2012-09-25: ``BucketName`` with ``^(\\w|\\.|-){1,255}$`` (Unicode ``\\w``
255 times) exceeds Rust's compiled size limit; the generated models module failed at import.
"""

from __future__ import annotations

import re
from pathlib import Path

from scraper.cli import main
from tests import paths
from tests.clients.package_import import imported, run_package_tests

SPEC = paths.FIXTURES / "openapi" / "robust" / "rust-regex-size-limit.yaml"


def test_a_pattern_too_large_for_rust_runs_on_python_re(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["generate", "--spec", str(SPEC), "--out", str(out)]) == 0
    [models] = out.glob("*/v*/models.py")
    source = models.read_text(encoding="utf-8")
    for name in ("BucketName", "Pipeline"):
        body = re.search(rf"^class {name}\(.*?(?=^class |\Z)", source, re.MULTILINE | re.DOTALL)
        assert body is not None and 'regex_engine="python-re"' in body.group(0), name
    with imported(out, f"{models.parent.parent.name}.{models.parent.name}.models") as module:
        assert module.BucketName.model_validate("media.example").root == "media.example"
        assert module.Pipeline.model_validate({"label": "a b"}).label == "a b"
    run = run_package_tests(out)
    assert run.returncode == 0, run.stdout[-2000:]
