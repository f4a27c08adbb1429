# tradecheck — the project's DAG. `make help` lists the targets.
# Two commands on a fresh machine: `make report` and `make test`.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export SOURCE_DATE_EPOCH ?= 1764374400
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg

.DEFAULT_GOAL := help
.PHONY: help setup fonts data report test test-fast bench lint format clean distclean

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-10s\033[0m %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	@# strip notebook outputs on every `git add` (the tests also fail on committed outputs)
	@if [ -d .git ]; then $(VENV)/bin/nbstripout --install || true; fi
	@# run `make lint`'s checks on the staged files before each commit (.pre-commit-config.yaml)
	@if [ -d .git ]; then $(VENV)/bin/pre-commit install || true; fi
	touch $(STAMP)

setup: $(STAMP) fonts ## create .venv and install everything (pinned by constraints.txt)

fonts: ## install the CJK font the charts and the PDF need (Debian fonts-noto-cjk), if missing
	@bash scripts/ensure_fonts.sh

data: setup ## raw files in data/raw -> data/processed (Parquet + manifest)
	$(VENV)/bin/tradecheck build

report: data ## build the default PDF report under reports/
	$(VENV)/bin/tradecheck report

test: setup ## run the whole test suite (notebooks, report, Dask included)
	$(PY) -m pytest -n 2 --dist loadgroup

test-fast: setup ## the tests without the slow ones
	$(PY) -m pytest -n 2 -m "not slow"

bench: setup ## run the benchmarks and print one table of ratios
	$(PY) benchmarks/run_all.py

LINT_PATHS := src tests benchmarks scripts

lint: setup ## ruff check, ruff format --check and mypy (the same checks as .pre-commit-config.yaml)
	$(VENV)/bin/ruff check $(LINT_PATHS)
	$(VENV)/bin/ruff format --check $(LINT_PATHS)
	$(VENV)/bin/mypy src/tradecheck

format: setup ## apply ruff's safe fixes and the formatter to the code
	$(VENV)/bin/ruff check --fix $(LINT_PATHS)
	$(VENV)/bin/ruff format $(LINT_PATHS)

clean: ## remove built data and reports (never data/raw)
	rm -rf data/processed/* reports/*.pdf build .pytest_cache
	touch data/processed/.gitkeep

distclean: clean ## also remove the virtual environment
	rm -rf $(VENV)
