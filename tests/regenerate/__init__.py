"""Tests of ``docs2client regenerate`` (scraper/regenerate/), the dependency lock and the CLI's behaviour."""
