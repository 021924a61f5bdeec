"""``python -m scraper.bench`` (what ``make bench`` runs)."""

from scraper.bench.suite import main

raise SystemExit(main())
