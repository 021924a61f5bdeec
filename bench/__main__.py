"""``python -m bench`` (what ``make bench`` runs)."""

from bench.suite import main

raise SystemExit(main())
