"""Tests of ``docs2client regenerate`` (scraper/regenerate.py), the dependency lock and the CLI's behaviour."""
