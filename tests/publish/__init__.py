"""Tests of ``docs2client publish`` (scraper/publish.py) and the tool's own wheel installed into a fresh venv."""
