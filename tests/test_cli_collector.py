"""The CLI runs with the cyclic collector tuned for a batch run in its own process only: workers forked meanwhile
get the caller's thresholds, and so does the caller once the command returns."""

from __future__ import annotations

import gc
import importlib
import multiprocessing

import pytest

import scraper.cli
from scraper.cli import main
from scraper.collector import BATCH_THRESHOLDS


def _thresholds() -> tuple[int, int, int]:
    return gc.get_threshold()


def test_a_command_runs_with_the_batch_thresholds_its_workers_and_caller_do_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[tuple[int, int, int]] = []
    in_worker: list[tuple[int, int, int]] = []

    class Probe:
        @staticmethod
        def configure(parser: object) -> None:
            pass

        @staticmethod
        def run(args: object) -> int:
            seen.append(gc.get_threshold())
            with multiprocessing.get_context("fork").Pool(1) as pool:
                in_worker.append(pool.apply(_thresholds))
            return 0

    monkeypatch.setitem(scraper.cli.COMMANDS, "probe", ("probe_module", "a probe"))
    monkeypatch.setattr(importlib, "import_module", lambda name: Probe)
    before = gc.get_threshold()
    assert before != BATCH_THRESHOLDS
    assert main(["probe"]) == 0
    assert seen == [BATCH_THRESHOLDS]
    assert in_worker == [before]
    assert gc.get_threshold() == before
