# docs2client: the two commands a fresh clone needs are `make regenerate` and `make test`.
# Both create .venv and install the project (with dev extras) on first use.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: regenerate test lint bench publish spec clean-venv

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found (set PYTHON=...)" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

regenerate: $(STAMP)
	$(BIN)/docs2client regenerate $(if $(ONLINE),--online,)

spec: $(STAMP)
	$(BIN)/docs2client spec

GENERATED := $(wildcard generated/*/)

lint: $(STAMP)
	$(BIN)/ruff check scraper bench tests setup.py
	$(BIN)/black --check --quiet scraper bench tests setup.py
	$(BIN)/mypy
	@# the generated packages: ruff and mypy --strict, their tests included (each with its own config)
	$(BIN)/ruff check --no-cache $(GENERATED)
	@for d in $(GENERATED); do \
	  echo "mypy --strict $$d"; \
	  (cd $$d && ../../$(BIN)/mypy --strict $$(basename $$d | tr - _) tests) || exit 1; \
	done

test: $(STAMP) lint
	$(BIN)/python -m pytest -n 2 tests
	@# every generated package's contract tests (request and response contracts, sync and async)
	PYTHONPATH=$(subst $(eval) ,:,$(GENERATED)) $(BIN)/python -m pytest -p no:cacheprovider -n 2 $(addsuffix tests,$(GENERATED))

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python -m bench

publish: $(STAMP)
	$(BIN)/docs2client publish $(if $(REPOSITORY_URL),--repository-url $(REPOSITORY_URL),)

clean-venv:
	rm -rf $(VENV)
