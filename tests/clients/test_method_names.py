"""Operation method names never shadow what the client class body refers to after them.

NHN E-mail v2.0 has an operation whose operationId is ``list``: as method ``Client.list`` it shadowed the builtin in
every later annotation of the class (``wheres: list[str] | None``), and mypy --strict rejected the package ("Function
... is not valid as a type"); a method ``deprecated`` would shadow the decorator the later methods use at import.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from scraper.atomic import write_tree
from scraper.clients import ir
from scraper.clients.package import render_package


def _get(operation_id: str, *, deprecated: bool = False) -> dict[str, Any]:
    return {
        "operationId": operation_id,
        "deprecated": deprecated,
        "parameters": [
            {"name": "wheres", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
        ],
        "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}},
    }


_SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Mail", "version": "v2.0", "x-provider": "nhn", "x-service": "mail"},
    "servers": [{"url": "https://mail.example.com"}],
    "paths": {
        "/a": {"get": _get("list")},
        "/b": {"get": _get("deprecated")},
        "/c": {"get": _get("zzz_later", deprecated=True)},
        "/d": {"get": _get("str")},
    },
}


def test_builtin_and_decorator_names_get_a_suffix() -> None:
    [version] = ir.build_package([_SPEC], source_names=["v2.0.yaml"]).versions
    assert sorted(op.method_name for op in version.operations) == ["deprecated_", "list_", "str_", "zzz_later"]


@pytest.mark.slow
def test_the_package_type_checks(tmp_path: Path) -> None:
    root = tmp_path / "nhn-mail"
    write_tree(root, render_package([_SPEC], source_names=["v2.0.yaml"]))
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "nhn_mail"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:]
