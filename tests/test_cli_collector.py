"""The CLI runs with the cyclic collector tuned for a batch run, and gives the caller's thresholds back."""

from __future__ import annotations

import gc
import importlib

import pytest

import scraper.cli
from scraper.cli import BATCH_GC_THRESHOLDS, main


def test_a_command_runs_with_the_batch_thresholds_and_restores_the_callers(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, int, int]] = []

    class Probe:
        @staticmethod
        def configure(parser: object) -> None:
            pass

        @staticmethod
        def run(args: object) -> int:
            seen.append(gc.get_threshold())
            return 0

    monkeypatch.setitem(scraper.cli.COMMANDS, "probe", ("probe_module", "a probe"))
    monkeypatch.setattr(importlib, "import_module", lambda name: Probe)
    before = gc.get_threshold()
    assert before != BATCH_GC_THRESHOLDS
    assert main(["probe"]) == 0
    assert seen == [BATCH_GC_THRESHOLDS]
    assert gc.get_threshold() == before
