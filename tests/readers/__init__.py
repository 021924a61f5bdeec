"""Tests of the page readers (scraper/readers): HTML, Markdown, SCP text and NHN text."""
