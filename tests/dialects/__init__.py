"""Tests of the dialects (scraper/dialects): SCP schema cells and documented values, the NHN guides and corpus."""
