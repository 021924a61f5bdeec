"""``make bench``: how fast docs2client gets from documentation pages to a working client, next to the alternatives.

A benchmark, not a test: it prints a table and writes ``bench/results/latest.json`` (machine, tool versions, git
commit and every raw figure), so runs on different machines or commits can be compared. Each contender is measured
in the same run, mostly in fresh child processes, and every target that is missed is reported as ``MISSED``.

Public API::

    main(argv=None) -> int                       # python -m bench [--quick] [--sections ...]
    run_bench(options: BenchOptions) -> dict     # all sections, results as a JSON-able dict
"""

from bench.suite import SECTIONS, BenchOptions, main, run_bench

__all__ = ["SECTIONS", "BenchOptions", "main", "run_bench"]
