# gongkai — build a government information-disclosure catalog.
#   make html                      build content/ into output/ (sets up .venv on first run)
#   make html CONTENT=DIR OUTPUT=DIR
#   make test                      run all tests (a skipped test fails the run; skips are listed with their reasons)
#   make lint                      ruff check (rules in pyproject.toml)
#   make check                     what an editor runs before committing: errors, advice, counts
#   make serve / make devserver    preview on http://127.0.0.1:8000/ (devserver rebuilds on change)
#   make bench                     build-time figures for generated corpora
#   make bench-mirror              precompression cost, rsync files/bytes after a one-item edit (BENCH_MIRROR_COUNT)
#   make bench-search              search figures: index build, bytes per cold query, recall (BENCH_SEARCH_COUNTS)
#   make import FROM=EXPORT OUT=DIR  import a CMS metadata export (CSV/.xlsx) as a content tree (MAP=… SKIP_BAD=1)
#   make verify-mirror DIR=…       check a mirror copy against its manifest.json (MANIFEST=… to use another)
#   make bundle                    output/ as one zip that works offline from file://, search included (BUNDLE=…)
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

.PHONY: html publish serve devserver test lint check bench bench-search bench-mirror screenshots clean system-deps import verify-mirror bundle

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

lint: $(BIN)/.installed-test
	$(BIN)/ruff check .

check: $(BIN)/.installed-build node_modules/.installed
	$(BIN)/python tools/check.py --content $(CONTENT) --settings $(SETTINGS)

bench: $(BIN)/.installed-build
	$(BIN)/python tools/bench.py

bench-mirror: $(BIN)/.installed-build node_modules/.installed
	$(BIN)/python tools/bench_mirror.py

bench-search: $(BIN)/.installed-build node_modules/.installed
	$(BIN)/python tools/bench_search.py

# Import a county CMS's metadata export; see README "Moving in: importing an existing catalog".
import: $(BIN)/.installed-build
	@test -n "$(FROM)" -a -n "$(OUT)" || { echo "usage: make import FROM=export.csv|.xlsx OUT=DIR [MAP=map.yaml] [SKIP_BAD=1]" >&2; exit 2; }
	$(BIN)/python tools/import_catalog.py "$(FROM)" "$(OUT)" $(if $(MAP),--map "$(MAP)") $(if $(SKIP_BAD),--skip-bad)

DIR ?=
MANIFEST ?=
verify-mirror: $(BIN)/.installed-build
	@test -n "$(DIR)" || { echo "usage: make verify-mirror DIR=mirror-folder [MANIFEST=manifest.json]" >&2; exit 2; }
	$(BIN)/python tools/verify_mirror.py $(DIR) $(if $(MANIFEST),--manifest $(MANIFEST))

BUNDLE ?= $(OUTPUT).zip
bundle: html
	$(BIN)/python tools/bundle.py $(OUTPUT) $(BUNDLE)

SCREENSHOTS ?= /tmp/gongkai-screenshots
screenshots: $(BIN)/.installed-test node_modules/.installed
	$(BIN)/python tools/screenshots.py --out $(SCREENSHOTS)

clean:
	rm -rf $(OUTPUT) $(STAGING) .cache
