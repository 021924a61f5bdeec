"""OpenAPI validation of emitted specs with openapi-spec-validator: the slowest step of building a spec.

Kept apart from emitting so that callers can decide what to validate (only specs whose bytes changed) and when.
:class:`ValidationWorkers` starts its worker processes before the specs are emitted: importing the validator takes
about half a second, which they spend while the caller reads pages and emits, instead of after.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
from concurrent.futures import Future
from contextlib import closing
from typing import Any

from scraper.build.openapi import validate_spec

__all__ = ["PendingValidation", "ValidationWorkers", "validate_all"]


def validate_all(jobs: list[tuple[str, dict[str, Any]]]) -> dict[str, str]:
    """Validate specs with openapi-spec-validator, in parallel when there are several (it is the slow step)."""
    if len(jobs) <= 1:  # no worker to start: this process validates it
        return {label: validate_spec(spec) for label, spec in jobs}
    _import_validator()  # once here rather than in every worker: forked workers inherit it
    with closing(ValidationWorkers(workers=min(len(jobs), os.cpu_count() or 1))) as workers:
        return workers.validate(jobs)


def _import_validator() -> None:
    """Pool initializer: each worker imports the validator once, while the caller is still emitting specs."""
    from scraper.build.openapi import _validator

    _validator()


def _done(value: str) -> Future[str]:
    future: Future[str] = Future()
    future.set_result(value)
    return future


class PendingValidation:
    """Validations started by :meth:`ValidationWorkers.submit`: :meth:`result` waits for them."""

    def __init__(self, futures: dict[str, Future[str]]) -> None:
        self._futures = futures

    def result(self) -> dict[str, str]:
        """``validate_spec``'s answer by label ("" when valid)."""
        return {label: future.result() for label, future in self._futures.items()}


class ValidationWorkers:
    """Worker processes that validate specs, started (and importing the validator) as soon as this is created.

    ``workers`` defaults to one per CPU. With one CPU, or where ``fork`` is unavailable (a worker would re-import
    everything), specs are validated in the calling process. Results are the ones
    :func:`scraper.build.openapi.validate_spec` gives, by label."""

    def __init__(self, workers: int | None = None) -> None:
        count = workers if workers is not None else (os.cpu_count() or 1)
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        if count >= 1 and (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods():
            self._pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=count, mp_context=multiprocessing.get_context("fork"), initializer=_import_validator
            )
            self._pool.submit(int)  # forks the workers now (they import the validator while the caller works)

    def validate(self, jobs: list[tuple[str, dict[str, Any]]]) -> dict[str, str]:
        """``validate_spec``'s answer for every ``(label, spec)`` of ``jobs``, by label ("" when valid)."""
        return self.submit(jobs).result()

    def submit(self, jobs: list[tuple[str, dict[str, Any]]]) -> PendingValidation:
        """Start validating ``jobs`` and return at once (without workers: validate them now). A build submits each
        service's specs as soon as they are emitted, so the workers validate while the next service is emitted."""
        if self._pool is None or not jobs:
            return PendingValidation({label: _done(validate_spec(spec)) for label, spec in jobs})
        return PendingValidation({label: self._pool.submit(validate_spec, spec) for label, spec in jobs})

    def close(self) -> None:
        """Stop the workers (use the object with ``contextlib.closing``)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
