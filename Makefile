# The two commands of the README: `make run` (set up + launch) and `make test` (set up + whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Qt Linguist sources (committed) -> compiled catalogs that vod_app/app.py loads (build/, not committed).
TS := $(wildcard resources/translations/*.ts)
QM := $(patsubst resources/translations/%.ts,build/translations/%.qm,$(TS))

.PHONY: run test setup setup-test translations ts lint bench screenshots clean bundle deb setup-package

run: setup translations
	$(PY) -m vod_app

# Both catalog engines: SQLite, and PostgreSQL in a throwaway cluster the test session starts (tests/
# pg_cluster.py) where Debian's server is installed; without it the session says once that only
# SQLite ran (with CI set, that fails the run).
test: setup-test translations
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
	$(PY) -m pip install -q -e '.[test,bench,postgresql]'
	touch $(STAMP)
	$(MAKE) --no-print-directory translations

translations: $(QM)

build/translations/%.qm: resources/translations/%.ts | $(STAMP)
	@mkdir -p $(@D)
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

# After changing user-visible strings: refresh the .ts sources from every tr()/translate() in vod_app
# (then translate the new entries; tests/ui/test_translations.py fails while any is unfinished).
TR_SOURCES = $(shell grep -rlw -e tr -e translate vod_app --include='*.py')
ts: $(STAMP)
	$(VENV)/bin/pyside6-lupdate $(TR_SOURCES) -no-obsolete -ts resources/translations/vod_app_fr.ts resources/translations/vod_app_es.ts
	$(VENV)/bin/pyside6-lupdate $(TR_SOURCES) -no-obsolete -pluralonly -ts resources/translations/vod_app_en.ts

lint: $(STAMP)
	$(VENV)/bin/ruff check vod_app tests $(wildcard bench)

bench: setup-test
	$(PY) -m bench

# The README's pictures: the screenshot test under Xvfb, writing into docs/screenshots (a plain test
# run writes into a temporary folder).
screenshots: setup-test translations
	VOD_APP_SCREENSHOTS_DIR=$(CURDIR)/docs/screenshots $(PY) -m pytest -q -p no:cacheprovider tests/ui/test_screenshots.py
	bash tests/ui/walkthrough.sh docs/screenshots/walkthrough

# The Debian package (docs/packaging.md): a PyInstaller bundle in dist/vod-app, then dist/vod-app_*.deb.
# PyInstaller comes from the `packaging` extra (not a runtime dependency); Debian's tools from apt.
PYI_WORK ?= build/pyinstaller
setup-package: setup
	bash packaging/system-deps.sh package
	$(PY) -m pip install -q -e '.[packaging]'

bundle: setup-package translations
	rm -rf dist/vod-app
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath $(PYI_WORK) packaging/vod-app.spec

deb: bundle
	PYTHON=$(PY) bash packaging/build-deb.sh dist/vod-app dist

clean:
	rm -rf $(VENV) build dist *.egg-info
