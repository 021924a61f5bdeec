"""``--jobs N``: how many worker processes a run may start (``regenerate``, ``generate``).

The default, one worker per CPU, is the fastest on a machine the run has to itself. A run sharing its machine (a CI
runner with other jobs, a container with a memory limit) wants fewer: every worker is a Python interpreter holding
its own copy of the libraries it works with (openapi-spec-validator, black, datamodel-code-generator), so a
``--jobs 1`` run, which does all the work in its own process, needs the least memory and takes the longest.
"""

from __future__ import annotations

import argparse
import os

__all__ = ["add_jobs_option", "job_count", "spec_workers"]


def job_count(text: str) -> int:
    """``--jobs``' value: a positive whole number (argparse reports anything else as a one-line usage error)."""
    count = int(text) if text.strip().isdecimal() else 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number of worker processes, got {text!r}")
    return count


def add_jobs_option(parser: argparse.ArgumentParser) -> None:
    """The same ``--jobs`` option on every command that starts workers."""
    parser.add_argument(
        "--jobs",
        type=job_count,
        metavar="N",
        help="worker processes (default: one per CPU); 1 does all the work in this process: least memory, slowest",
    )


def spec_workers(services: int, jobs: int | None) -> int:
    """Page-reading and validating workers for ``services`` stale services: one per service up to ``jobs`` (one
    per CPU by default), none (the work done in the calling process) when ``jobs`` is 1."""
    limit = jobs if jobs is not None else (os.cpu_count() or 1)
    return 0 if limit <= 1 else min(services, limit)
