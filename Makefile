# Template maintainers' commands. Needs only python3, git and make: everything else is
# installed into .venv from the `dev` group of pyproject.toml.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO := build/demo
DEMO_HOST ?= 127.0.0.1
DEMO_PORT ?= 8000
# Generated projects use an interpreter already on the machine; uv never downloads one.
export UV_PYTHON_DOWNLOADS := never
# Tests run pytest in parallel; "auto" means one worker per core.
WORKERS ?= auto

.DEFAULT_GOAL := install
.PHONY: install test test-fast lint docs docs-serve demo bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# uv comes first (pip of older Pythons cannot read dependency groups), then uv installs the group.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet "$$(grep -o '"uv==[^"]*"' pyproject.toml | tr -d '"')"
	$(BIN)/uv pip install --quiet --python $(BIN)/python --group dev
	touch $@

install: $(STAMP)

test: install
	$(BIN)/pytest -n $(WORKERS) --dist worksteal

test-fast: install
	$(BIN)/pytest -n $(WORKERS) -m "not generated"

lint: install
	$(BIN)/ruff check tests
	$(BIN)/ruff format --check tests
	$(BIN)/mypy

docs: install
	$(BIN)/mkdocs build --strict

docs-serve: install
	$(BIN)/mkdocs serve

demo: install
	$(BIN)/copier copy --defaults --vcs-ref HEAD --overwrite . $(DEMO)
	$(BIN)/uv --directory $(DEMO) sync --python "$$($(BIN)/python tests/interpreters.py --answers $(DEMO)/.copier-answers.yml)"
	@# The tree is shown even when a check fails; the server starts either way.
	-$(BIN)/uv --directory $(DEMO) run --no-sync overseer-app health
	$(BIN)/uv --directory $(DEMO) run --no-sync uvicorn app.components.backend.main:app --host $(DEMO_HOST) --port $(DEMO_PORT)

# Ratios of the engine's single-flight and snapshot cache, measured in one run.
bench: install
	$(BIN)/copier copy --defaults --vcs-ref HEAD --overwrite --quiet . build/bench
	$(BIN)/uv --directory build/bench sync --quiet --python "$$($(BIN)/python tests/interpreters.py --answers build/bench/.copier-answers.yml)"
	cd build/bench && .venv/bin/python ../../bench/engine_bench.py

clean:
	rm -rf build site .pytest_cache .ruff_cache .mypy_cache
