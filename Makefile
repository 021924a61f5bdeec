# docs2client: the two commands a fresh clone needs are `make regenerate` and `make test`.
# Both create .venv on first use and install exactly what requirements.lock says (versions and file hashes, checked
# by pip), then the project itself. `make lock` updates the lock from pyproject.toml (UPGRADE=1: newest of all).

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := requirements.lock
BENCH_LOCK := bench/requirements.lock
# pip-compile's options for both locks: hashes for every file, pip and setuptools pinned too, and no index or
# find-links lines (the lock names packages and hashes, not the machine's mirrors)
COMPILE := CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe \
	--strip-extras --no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade,)

.PHONY: regenerate test lint bench publish spec lock clean-venv atlas atlas-screenshot goldens

$(STAMP): $(LOCK) pyproject.toml setup.py runtime/pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "error: $(PYTHON) not found (set PYTHON=...)" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	@# the project itself: editable, its dependencies already there, built with the locked setuptools
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@# the shared runtime the generated packages import (docs2client-runtime): editable, so tests see runtime/;
	@# compat mode puts runtime/ on sys.path through a .pth file, which mypy follows (an import hook it would not)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation --config-settings editable_mode=compat -e runtime
	@# the templates compiled once (kept in templates/__pycache__, as pip byte-compiles modules; see template_files)
	$(BIN)/python -m scraper.template_files
	touch $(STAMP)

# The shared runtime (runtime/) is no index's: it is resolved from a wheel built here (so its dependencies are
# pinned), then its own entry is dropped from both locks; $(STAMP) installs it from runtime/.
lock: $(STAMP)
	@rm -rf .lock-wheels && $(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation -w .lock-wheels ./runtime
	$(COMPILE) --find-links .lock-wheels --extra dev -o $(LOCK) pyproject.toml
	$(COMPILE) --find-links .lock-wheels --extra dev --extra bench --constraint $(LOCK) -o $(BENCH_LOCK) pyproject.toml
	$(BIN)/python -m scraper.regenerate.lockfile drop docs2client-runtime $(LOCK) $(BENCH_LOCK)
	@rm -rf .lock-wheels runtime/build

regenerate: $(STAMP)
	$(BIN)/docs2client regenerate $(if $(ONLINE),--online,) $(if $(JOBS),--jobs $(JOBS),)

spec: $(STAMP)
	$(BIN)/docs2client spec

GENERATED := $(wildcard generated/*/)

lint: $(STAMP)
	$(BIN)/ruff check scraper bench tests setup.py runtime
	$(BIN)/black --check --quiet scraper bench tests setup.py runtime
	$(BIN)/mypy
	@# the generated packages: ruff and mypy --strict, their tests included (each with its own config). One cache
	@# for all: the packages share pydantic, httpx and the runtime's shape, so each run after the first checks only
	@# its own modules (mypy re-checks any module whose source differs from the cached one).
	$(BIN)/ruff check --no-cache $(GENERATED)
	@for d in $(GENERATED); do \
	  echo "mypy --strict $$d"; \
	  (cd $$d && ../../$(BIN)/mypy --strict --cache-dir ../../.mypy_cache/generated $$(basename $$d | tr - _) tests) \
	    || exit 1; \
	done

test: $(STAMP) lint
	$(BIN)/python -m pytest -n 2 tests
	@# every generated package's contract tests (request and response contracts, sync and async)
	PYTHONPATH=$(subst $(eval) ,:,$(GENERATED)) $(BIN)/python -m pytest -p no:cacheprovider -n 2 $(addsuffix tests,$(GENERATED))

# The tests' goldens (tests/golden/<area>/), rewritten from the same functions the tests compare against: run after an
# intended output change and review the diff. On an unchanged tree it changes nothing.
goldens: $(STAMP)
	$(BIN)/python -m tests.goldens

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(BENCH_LOCK)
	$(BIN)/python -m bench

# REPOSITORY_URL reaches the tool through the environment, so make never echoes it (a URL may carry credentials);
# the credentials are twine's: TWINE_USERNAME / TWINE_PASSWORD, or the keyring (see README).
# The shared runtime (runtime/, docs2client-runtime) is published first: no package goes up unless it is there.
# PACKAGES="a b" publishes only those packages; DIST=DIR keeps the files there instead of dist/; ALLOW_DIRTY=1
# uploads folders with uncommitted changes (refused otherwise).
export REPOSITORY_URL
publish: $(STAMP)
	$(BIN)/docs2client publish --runtime runtime $(foreach p,$(PACKAGES),--package $(p)) $(if $(DIST),--dist $(DIST),) $(if $(ALLOW_DIRTY),--allow-dirty,)

# The API atlas: a static HTML site of every service, version, deprecation and finding (TODAY=YYYY-MM-DD fixes the
# date it marks). `make atlas-screenshot` refreshes docs/atlas.png with headless Chromium (apt-get install chromium).
ATLAS_OUT ?= site
atlas: $(STAMP)
	$(BIN)/docs2client atlas --out $(ATLAS_OUT) $(if $(TODAY),--today $(TODAY),)

atlas-screenshot: $(STAMP)
	$(BIN)/python -m scraper.atlas.screenshot docs/atlas.png $(if $(TODAY),--today $(TODAY),)

clean-venv:
	rm -rf $(VENV)
