"""Tests of the client package generator (scraper/clients): IR, rendering, names, formatting, quality gates."""
