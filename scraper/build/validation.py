"""OpenAPI validation of emitted specs with openapi-spec-validator: the slowest step of building a spec.

Kept apart from emitting so that callers can decide what to validate (only specs whose bytes changed) and when.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from scraper.build.openapi import validate_spec

__all__ = ["validate_all"]


def validate_all(jobs: list[tuple[str, dict[str, Any]]]) -> dict[str, str]:
    """Validate specs with openapi-spec-validator, in parallel when there are several (it is the slow step)."""
    if not jobs:
        return {}
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers <= 1:
        return {label: validate_spec(spec) for label, spec in jobs}
    # Import the validator (~0.6 s) once here rather than in every worker: forked workers inherit it.
    import openapi_spec_validator  # noqa: F401

    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = pool.map(validate_spec, [spec for _, spec in jobs], chunksize=1)
        return {label: problems for (label, _), problems in zip(jobs, results, strict=True)}
