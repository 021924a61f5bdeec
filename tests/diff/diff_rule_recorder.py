"""A pytest plugin for ``tests/diff/test_registry.py``: records the id of every rule the diff reports while the
rule tests run, and writes them (one per line) to the file named by ``$DIFF_RULES_RECORD`` at the end."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from scraper.diff.emitter import Emitter

_seen: set[str] = set()


def pytest_configure(config: pytest.Config) -> None:
    original = Emitter.add

    def recording_add(self: Emitter, rule_id: str, *args: Any, **kwargs: Any) -> None:
        _seen.add(rule_id)
        original(self, rule_id, *args, **kwargs)

    Emitter.add = recording_add  # type: ignore[method-assign]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    Path(os.environ["DIFF_RULES_RECORD"]).write_text("\n".join(sorted(_seen)) + "\n", encoding="utf-8")
