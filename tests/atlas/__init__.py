"""Tests of the API atlas (scraper/atlas): the static site, and the site in a headless browser."""
