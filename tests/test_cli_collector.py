"""The CLI runs with the cyclic collector tuned for a batch run in its own process only: workers forked meanwhile
get the caller's thresholds and freeze what they inherited and what their initializers import, and the caller gets
its thresholds back once the command returns."""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import os

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


def _freeze_count() -> int:
    return gc.get_freeze_count()


def test_a_worker_forked_during_a_run_freezes_what_it_inherited_and_the_caller_does_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inherited = [[index] for index in range(1_000)]  # tracked objects the worker inherits
    in_worker: list[int] = []

    class Probe:
        @staticmethod
        def configure(parser: object) -> None:
            pass

        @staticmethod
        def run(args: object) -> int:
            with multiprocessing.get_context("fork").Pool(1) as pool:
                in_worker.append(pool.apply(_freeze_count))
            return 0

    monkeypatch.setitem(scraper.cli.COMMANDS, "probe", ("probe_module", "a probe"))
    monkeypatch.setattr(importlib, "import_module", lambda name: Probe)
    assert gc.get_freeze_count() == 0
    assert main(["probe"]) == 0
    assert in_worker and in_worker[0] >= len(inherited)
    assert gc.get_freeze_count() == 0  # the caller's objects stay collectable


def _initialized_freeze_count(initializer: str) -> int:
    """In a child forked outside a run: what ``initializer`` leaves frozen (nothing was before it ran)."""
    assert gc.get_freeze_count() == 0
    module, name = initializer.rsplit(".", 1)
    getattr(importlib.import_module(module), name)(os.getppid())
    return gc.get_freeze_count()


@pytest.mark.parametrize(
    "initializer",
    [
        "scraper.clients.formatting._import_black",
        "scraper.clients.formatting._import_models",
        "scraper.build.workers._import_validator",
    ],
)
def test_a_worker_initializer_freezes_what_it_imported(initializer: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCS2CLIENT_CACHE_DIR", "off")  # no models cache: the models worker imports its generator
    with multiprocessing.get_context("fork").Pool(1) as pool:
        frozen = pool.apply(_initialized_freeze_count, (initializer,))
    assert frozen > 0
