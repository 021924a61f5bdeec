"""Tests of ``docs2client fetch`` (scraper/fetch) against local servers."""
