"""Tests of ``docs2client publish`` (scraper/publish/) and the tool's own wheel installed into a fresh venv."""
