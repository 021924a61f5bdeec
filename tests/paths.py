"""Where the test suite's inputs live, in one place: the tests sit in folders that mirror the package
(``tests/readers``, ``tests/clients``, ...), so a path worked out from a test file's own location would differ by
folder depth. Every test names these instead."""

from __future__ import annotations

from pathlib import Path

#: the project checkout (pages/, spec/, generated/, templates/ ...)
ROOT = Path(__file__).resolve().parent.parent
#: this suite
TESTS = ROOT / "tests"
#: pages, specs and packages used as inputs (not collected: a fixture package has its own tests)
FIXTURES = TESTS / "fixtures"
#: committed expected outputs, one tree per area (``tests/golden/<area>/...``); ``make goldens`` rewrites them
GOLDEN = TESTS / "golden"
#: the committed documentation pages the specs are built from
PAGES = ROOT / "pages"
