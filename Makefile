# gongkai — build a government information-disclosure catalog.
#   make html                      build content/ into output/ (sets up .venv on first run)
#   make html CONTENT=DIR OUTPUT=DIR
#   make test                      run all tests
#   make check                     what an editor runs before committing: errors, advice, counts
#   make serve / make devserver    preview on http://127.0.0.1:8000/ (devserver rebuilds on change)
#   make bench                     build-time figures for generated corpora
#   make bench-search              search figures: index build, bytes per cold query, recall (BENCH_SEARCH_COUNTS)
#   make screenshots               PNGs of each page type at 390×844 and 1280×900 (SCREENSHOTS=DIR)

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
CONTENT ?= content
OUTPUT ?= output
SETTINGS ?= pelicanconf.py
PORT ?= 8000
EXTRA_SETTINGS ?=  # more NAME=json-value pairs for pelican --extra-settings
# Pelican writes into a staging folder beside the output; mirror_publish swaps
# it in only when the build succeeded, so a failed build never touches OUTPUT.
OUTPUT_ABS = $(abspath $(OUTPUT))
STAGING = $(dir $(OUTPUT_ABS)).$(notdir $(OUTPUT_ABS)).staging

.PHONY: html publish serve devserver test check bench bench-search screenshots clean system-deps

$(BIN)/.installed-build: requirements.txt Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@# plugins/ (the catalog library and its defaults module) importable by every
	@# program of the virtualenv: pelican, pelicanconf.py, tools and tests.
	$(BIN)/python -c 'import sysconfig, pathlib; pathlib.Path(sysconfig.get_paths()["purelib"], "gongkai.pth").write_text(str(pathlib.Path("plugins").resolve()) + "\n")'
	touch $@

$(BIN)/.installed-test: requirements-test.txt requirements.txt $(BIN)/.installed-build
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# lunr.js (copied into every site) and the test tools, pinned in package-lock.json.
# --ignore-scripts: vnu-jar's postinstall only downloads things we do not need.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

system-deps:
	tools/install-system-deps.sh

html: $(BIN)/.installed-build node_modules/.installed
	$(BIN)/pelican $(CONTENT) --settings $(SETTINGS) --output $(STAGING) --fatal errors \
	  --extra-settings MIRROR_PUBLISH_PATH='"$(OUTPUT_ABS)"' $(EXTRA_SETTINGS)

publish: SETTINGS = publishconf.py
publish: html

serve: $(BIN)/.installed-build
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory $(OUTPUT)

devserver: $(BIN)/.installed-build
	$(BIN)/python tools/devserver.py --content $(CONTENT) --output $(OUTPUT) --settings $(SETTINGS) --port $(PORT)

test: $(BIN)/.installed-test node_modules/.installed system-deps
	$(BIN)/python -m pytest -q tests

check: $(BIN)/.installed-build node_modules/.installed
	$(BIN)/python tools/check.py --content $(CONTENT) --settings $(SETTINGS)

bench: $(BIN)/.installed-build
	$(BIN)/python tools/bench.py

bench-search: $(BIN)/.installed-build node_modules/.installed
	$(BIN)/python tools/bench_search.py

SCREENSHOTS ?= /tmp/gongkai-screenshots
screenshots: $(BIN)/.installed-test node_modules/.installed
	$(BIN)/python tools/screenshots.py --out $(SCREENSHOTS)

clean:
	rm -rf $(OUTPUT) $(STAGING) .cache
