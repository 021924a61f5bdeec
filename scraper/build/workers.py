"""The worker processes of a spec build: they read pages and validate the emitted specs.

Validating with openapi-spec-validator is the slowest step of building a spec, and reading the pages the second: on
a full build the caller would do both alone while the other cores wait. :class:`BuildWorkers` starts its processes
before anything is read (importing the validator takes about half a second, which they spend while the caller
starts up), reads the pages the page cache does not hold (:meth:`BuildWorkers.read`, handed back in catalog order
by :func:`scraper.build.services.build_services`), and validates each service's specs as soon as they are emitted
(:meth:`BuildWorkers.submit`). Validation is kept apart from emitting so that callers decide what to validate (only
specs whose bytes changed) and when.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
from concurrent.futures import Future
from contextlib import closing
from typing import Any

from scraper.build.openapi import validate_spec
from scraper.build.pages import PageInput, services_in
from scraper.collector import freeze_imports
from scraper.model import Service
from scraper.worker_lifetime import end_with_parent

__all__ = ["BuildWorkers", "PendingValidation", "validate_all"]


def validate_all(jobs: list[tuple[str, dict[str, Any]]]) -> dict[str, str]:
    """Validate specs with openapi-spec-validator, in parallel when there are several (it is the slow step)."""
    if len(jobs) <= 1:  # no worker to start: this process validates it
        return {label: validate_spec(spec) for label, spec in jobs}
    _import_validator()  # once here rather than in every worker: forked workers inherit it
    with closing(BuildWorkers(workers=min(len(jobs), os.cpu_count() or 1))) as workers:
        return workers.validate(jobs)


def _import_validator(parent: int | None = None) -> None:
    """Pool initializer: each worker imports the validator once, while the caller (``parent``) is still emitting
    specs (called without ``parent`` in the calling process itself, before a pool forks)."""
    from scraper.build.openapi import _validator

    if parent is not None:
        end_with_parent(parent)

    _validator()
    if parent is not None:
        freeze_imports()


def _done(value: str) -> Future[str]:
    future: Future[str] = Future()
    future.set_result(value)
    return future


class PendingValidation:
    """Validations started by :meth:`BuildWorkers.submit`: :meth:`result` waits for them."""

    def __init__(self, futures: dict[str, Future[str]]) -> None:
        self._futures = futures

    def result(self) -> dict[str, str]:
        """``validate_spec``'s answer by label ("" when valid)."""
        return {label: future.result() for label, future in self._futures.items()}


class BuildWorkers:
    """Worker processes that read pages and validate specs, started (and importing the validator) as soon as this
    is created.

    ``workers`` defaults to one per CPU. With one CPU, or where ``fork`` is unavailable (a worker would re-import
    everything), pages are read and specs validated in the calling process. Answers are the ones
    :func:`scraper.build.pages.services_in` and :func:`scraper.build.openapi.validate_spec` give."""

    def __init__(self, workers: int | None = None) -> None:
        count = workers if workers is not None else (os.cpu_count() or 1)
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        if count >= 1 and (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods():
            self._pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=count,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_import_validator,
                initargs=(os.getpid(),),
            )
            self._pool.submit(int)  # forks the workers now (they import the validator while the caller works)

    @property
    def parallel(self) -> bool:
        """Whether work handed over runs in worker processes (not here and now)."""
        return self._pool is not None

    def read(self, page: PageInput, raw: bytes) -> Future[list[Service]]:
        """What ``raw``, the content of ``page``, reads into (:func:`scraper.build.pages.services_in`), read by a
        worker (here and now without workers); reading errors come out of ``result()``."""
        if self._pool is None:
            done: Future[list[Service]] = Future()
            try:
                done.set_result(services_in(page, raw))
            except Exception as exc:  # handed on as a worker's would be; build_services reports it
                done.set_exception(exc)
            return done
        return self._pool.submit(services_in, page, raw)

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
