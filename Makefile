# IMS — the two commands that matter: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export IMS_SHARED_DIR ?= $(abspath ../shared)
PG_URL ?= postgresql://postgres@127.0.0.1:5432/test

.PHONY: demo test test-sqlite test-postgres lint bench fuzz browser clean messages demo-report lock vendor

# A new venv first gets the locked pip: the one Python ships may be too old for hash-checked extras.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --require-hashes -r requirements/pip.txt

# Every install comes from a lock file (requirements/SET.txt: each package, transitive ones included, pinned
# with its PyPI hashes), then the project itself without dependencies and with the build backend the lock
# brought. `make lock` rewrites the lock files from pyproject.toml; a test fails while they disagree.
# The stamp files record what is installed.
INSTALL_LOCKED = $(BIN)/pip install -q --require-hashes -r
INSTALL_SELF = $(BIN)/pip install -q --no-deps --no-build-isolation -e .

$(VENV)/.installed: requirements/base.txt pyproject.toml | $(BIN)/python
	$(INSTALL_LOCKED) requirements/base.txt
	$(INSTALL_SELF)
	touch $@

$(VENV)/.installed-dev: requirements/dev.txt pyproject.toml | $(BIN)/python
	$(INSTALL_LOCKED) requirements/dev.txt
	$(INSTALL_SELF)
	touch $@ $(VENV)/.installed

## lock: re-resolve requirements/*.txt from pyproject.toml against PyPI, keeping the current pins where they
## still fit (LOCK_ARGS=--upgrade takes the newest versions that fit)
lock: $(VENV)/.installed-dev
	$(BIN)/python requirements/lock.py $(LOCK_ARGS)

## demo: set everything up on SQLite (under var/ or $$IMS_DATA_DIR) and serve on http://127.0.0.1:8000
demo: $(VENV)/.installed
	$(BIN)/ims demo

## demo-report: the demo register's 2019 report in all four formats, and its first pages as PNG, in var/report/
# The demo register goes into its own scratch data dir, so that whatever the main demo database holds by now
# does not change the report people look at.
demo-report: REPORT_ENV = env -u IMS_DATABASE_URL IMS_DATA_DIR=$(abspath var/report/data)
demo-report: $(VENV)/.installed
	$(REPORT_ENV) $(BIN)/ims demo --no-serve
	$(REPORT_ENV) $(BIN)/ims report-demo
	@for fmt in docx pdf html md; do \
		$(REPORT_ENV) $(BIN)/ims report --year 2019 --format $$fmt --out var/report/rapportage-2019.$$fmt || exit 1; \
	done
	@if ! command -v pdftoppm >/dev/null; then \
		echo "== installing poppler-utils for pdftoppm"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq poppler-utils >/dev/null; \
	fi
	rm -f var/report/rapportage-2019-*.png
	pdftoppm -png -r 80 -f 1 -l 3 var/report/rapportage-2019.pdf var/report/rapportage-2019
	@ls -1 var/report/rapportage-2019*

## test: lint, then the whole suite on SQLite and on PostgreSQL
test: $(VENV)/.installed-dev browser lint test-sqlite test-postgres

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench fuzz requirements

# The suite runs on every core (pytest-xdist; PYTEST_WORKERS=0 for one process, e.g. to use a debugger).
PYTEST_WORKERS ?= auto
PYTEST := $(BIN)/pytest -n $(PYTEST_WORKERS)

test-sqlite: $(VENV)/.installed-dev
	@echo "== tests on SQLite"
	env -u IMS_DATABASE_URL $(PYTEST)

# Without a reachable PostgreSQL the run is skipped loudly; under CI=true that is a failure.
test-postgres: $(VENV)/.installed-dev
	@if $(BIN)/python -c "import psycopg; psycopg.connect('$(PG_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		echo "== tests on PostgreSQL ($(PG_URL))"; \
		IMS_DATABASE_URL=$(PG_URL) $(PYTEST) -m "not browser"; \
	elif [ "$$CI" = "true" ]; then \
		echo "!! PostgreSQL at $(PG_URL) is not reachable, and CI=true: failing."; exit 1; \
	else \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
		echo "!! SKIPPED: the PostgreSQL test run (no server at $(PG_URL))."; \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
	fi

# The browser tests drive Debian's Chromium through Playwright; install it where it is missing.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		echo "== installing Debian's chromium for the browser tests"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

## bench: benchmarks, written to bench/results.json
bench: $(VENV)/.installed-bench
	$(BIN)/python bench/run.py

$(VENV)/.installed-bench: requirements/bench.txt pyproject.toml | $(BIN)/python
	$(INSTALL_LOCKED) requirements/bench.txt
	$(INSTALL_SELF)
	touch $@ $(VENV)/.installed $(VENV)/.installed-dev

## fuzz: ten minutes of fuzzing (the Hypothesis fuzz tests at length, then atheris per target), in bench/results.json,
## then schemathesis against the API with CONTRACT_EXAMPLES examples per operation
# FUZZ_SECONDS=60 for a quick look; crashes and the growing corpora are kept under var/fuzz/.
FUZZ_SECONDS ?= 600
CONTRACT_EXAMPLES ?= 200
fuzz: $(VENV)/.installed-fuzz
	$(BIN)/python fuzz/run.py --seconds $(FUZZ_SECONDS)
	@echo "== schemathesis against the API's schema, at length (as analyst and as viewer)"
	IMS_CONTRACT_EXAMPLES=$(CONTRACT_EXAMPLES) $(BIN)/pytest -n 0 -q tests/api/test_contract.py

$(VENV)/.installed-fuzz: requirements/fuzz.txt pyproject.toml | $(BIN)/python
	$(INSTALL_LOCKED) requirements/fuzz.txt
	$(INSTALL_SELF)
	touch $@ $(VENV)/.installed $(VENV)/.installed-dev

## vendor: refresh the JavaScript libraries the application serves (src/ims/static/ims/vendor) from package-lock.json
# The built files are committed, so that `make demo` and the tests need no Node.js and nothing is built at run time;
# this target (which needs npm) is for upgrading them: change package.json, run it, commit both.
VENDORED := node_modules/cytoscape/dist/cytoscape.min.js
vendor:
	npm ci --no-audit --no-fund
	cp $(VENDORED) src/ims/static/ims/vendor/

## messages: recompile the translations after editing the .po files
# compilemessages skips a .po older than its .mo, and a merge or checkout leaves the times in any order: touch first.
messages: $(VENV)/.installed-dev
	touch src/ims/locale/*/LC_MESSAGES/*.po
	cd src/ims && ../../$(BIN)/django-admin compilemessages -l en -l nl

clean:
	rm -rf $(VENV) var .pytest_cache
