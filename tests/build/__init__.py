"""Tests of the spec build (scraper/build): SCP specs, inference, examples, errors, output and goldens."""
