# The two commands of the README: `make run` (set up + launch) and `make test` (set up + whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test setup setup-test lint bench screenshots clean

run: setup
	$(PY) -m vod_app

test: setup-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

setup:
	bash packaging/system-deps.sh run
	$(MAKE) --no-print-directory $(STAMP)

setup-test:
	bash packaging/system-deps.sh test
	$(MAKE) --no-print-directory $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,bench]'
	touch $(STAMP)

lint: $(STAMP)
	$(VENV)/bin/ruff check vod_app tests $(wildcard bench)

bench: setup-test
	$(PY) -m bench

clean:
	rm -rf $(VENV) build *.egg-info
