"""Tests of the spec diff (scraper/diff): rules, registry, changelog, CLI and the comparison with oasdiff."""
