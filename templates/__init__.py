"""The client templates and runtime sources, installed as ``scraper.templates`` (see setup.py); data, not code."""
