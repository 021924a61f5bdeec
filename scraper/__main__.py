from scraper.cli import entry

entry()
