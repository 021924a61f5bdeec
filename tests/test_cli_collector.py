"""The CLI runs with the cyclic collector tuned for a batch run in its own process only: workers forked meanwhile
get the caller's thresholds and freeze what they inherited and what their initializers import, and the caller gets
its thresholds back once the command returns."""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import os
from collections.abc import Callable

import pytest

import scraper.cli
from scraper.cli import main
from scraper.collector import BATCH_THRESHOLDS


def _thresholds() -> tuple[int, int, int]:
    return gc.get_threshold()


def _run_probe(
    monkeypatch: pytest.MonkeyPatch, in_run: Callable[[], object], in_worker: Callable[[], object]
) -> list[object]:
    """``docs2client probe``, a command that calls ``in_run`` and then ``in_worker`` in a worker it forks; returns
    both results."""
    seen: list[object] = []

    class Probe:
        @staticmethod
        def configure(parser: object) -> None:
            pass

        @staticmethod
        def run(args: object) -> int:
            seen.append(in_run())
            with multiprocessing.get_context("fork").Pool(1) as pool:
                seen.append(pool.apply(in_worker))
            return 0

    monkeypatch.setitem(scraper.cli.COMMANDS, "probe", ("probe_module", "a probe"))
    monkeypatch.setattr(importlib, "import_module", lambda name: Probe)
    assert main(["probe"]) == 0
    return seen


def test_a_command_runs_with_the_batch_thresholds_its_workers_and_caller_do_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = gc.get_threshold()
    assert before != BATCH_THRESHOLDS
    assert _run_probe(monkeypatch, _thresholds, _thresholds) == [BATCH_THRESHOLDS, before]
    assert gc.get_threshold() == before


def _freeze_count() -> int:
    return gc.get_freeze_count()


def test_a_worker_forked_during_a_run_freezes_what_it_inherited_and_the_caller_does_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inherited = [[index] for index in range(1_000)]  # tracked objects the worker inherits
    in_caller, in_worker = _run_probe(monkeypatch, _freeze_count, _freeze_count)
    assert in_caller == 0  # the caller's objects stay collectable
    assert isinstance(in_worker, int) and in_worker >= len(inherited)
    assert gc.get_freeze_count() == 0


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
