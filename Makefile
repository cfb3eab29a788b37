# Every target sets itself up: a virtualenv in .venv with the package and its test tools.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: help migrate test test-fast lint format check sql downgrade stop bench bench-scale clean golden-sql

## List the targets with what each does.
help:
	@awk '/^## /{doc=substr($$0,4)} /^[a-z-]+:/{if(doc){sub(":.*","",$$1); printf "  %-12s %s\n",$$1,doc}; doc=""}' $(MAKEFILE_LIST)

# Silent, and to stderr: `make sql > chain.sql` must hold SQL only, even on the run that installs.
$(INSTALLED): pyproject.toml
	@echo "setting up $(VENV)" >&2
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) >&2
	@$(BIN)/python -m pip install -qq --disable-pip-version-check -e '.[test]' >&2
	@touch $@

## Upgrade the database (DATABASE_URL, else the embedded one in ./.pgdata) to head.
migrate: $(INSTALLED)
	$(BIN)/hitlai-schema migrate

## Run the whole test suite against real PostgreSQL servers.
test: $(INSTALLED)
	$(BIN)/python -m pytest

## The tests that need no PostgreSQL server (pytest -m "not db").
test-fast: $(INSTALLED)
	$(BIN)/python -m pytest -m "not db"

## Rewrite the code as ruff formats it and fix what ruff can fix.
format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## Lint, format and strict type checks; CI runs this before the tests.
lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --strict

## Upgrade to head, then fail if the models and the database differ.
check: migrate
	$(BIN)/alembic check

## Print the SQL of the whole chain without touching any database.
sql: $(INSTALLED)
	@$(BIN)/alembic upgrade head --sql

## Undo every revision.
downgrade: $(INSTALLED)
	$(BIN)/alembic downgrade base

## Stop the embedded PostgreSQL that `make migrate` left running in ./.pgdata.
stop: $(INSTALLED)
	$(BIN)/hitlai-schema stop

## Measure lock stalls, upgrade speed, start-up and ingestion against their targets; writes BENCHMARKS.md.
bench: $(INSTALLED)
	$(BIN)/python benchmarks/run.py

## click_events at 10 million rows (SIZE=...), plain against partitioned: ingestion curve, retention, reads,
## alembic check with partitions; writes its section of BENCHMARKS.md. Takes 20 minutes or more.
bench-scale: $(INSTALLED)
	$(BIN)/python benchmarks/scale.py $(if $(SIZE),--size $(SIZE))

## Rewrite the pinned SQL of every revision (tests/data/sql/) after an intended change.
golden-sql: $(INSTALLED)
	$(BIN)/python -m tests.support.golden_sql

## Remove the virtualenv and caches.
clean:
	rm -rf $(VENV) .pytest_cache src/*.egg-info
