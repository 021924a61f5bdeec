"""Tests of the benchmark harness (bench/) on tiny inputs: smoke tests, no timings asserted."""
