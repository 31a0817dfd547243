# Two commands for a fresh clone: `make site` and `make test`. Both install what they need.
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site test test-fast serve validate bijwerken links bench handbook clean

# The pinned packages, then the project itself (editable: the command `kennisbank`, the hooks'
# core package) without touching the pins.
$(STAMP): requirements.txt pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# axe-core for the browser accessibility tests and vnu-jar, the Nu Html Checker (package-lock.json
# pins both). Without npm or the npm registry the browser tests that need them skip and say why; the
# rest still runs. --ignore-scripts: vnu-jar's install script would download a Java from GitHub
# where none is installed; the test uses the system's Java (.ci/run installs it) or skips.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1 && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; then \
	  touch $(NODE_STAMP); \
	else \
	  echo "WARNING: could not install node_modules (npm ci); accessibility and HTML tests will skip." >&2; \
	fi

site: $(STAMP)
	$(VENV)/bin/kennisbank bouw

# Only the PDFs (site/handboek.pdf, site/checklists/<slug>.pdf), without building the site.
handbook: $(STAMP)
	$(VENV)/bin/kennisbank handboek

test: $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest

# The tests that build no site and start no browser: under a minute, on two processes.
test-fast: $(STAMP)
	$(PY) -m pytest -m "not slow" -n 2

serve: $(STAMP)
	$(PY) -m mkdocs serve --livereload

validate: $(STAMP)
	$(VENV)/bin/kennisbank controleer

# After changing a schema or a word list: vocabulaires.schema.json and CONTRIBUTING.md's field list.
bijwerken: $(STAMP)
	$(VENV)/bin/kennisbank bijwerken

# The web addresses in the catalogue: reports (in Dutch) which could not be reached; exit 0
# even without a network. `.venv/bin/kennisbank links --streng` fails on a broken address.
links: $(STAMP)
	$(VENV)/bin/kennisbank links

# Build time at 1,000 and 5,000 synthetic entries against plain MkDocs, validation, rebuild,
# handbook PDF, memory; prints a table and writes bench-results.json. Takes a long while;
# e.g. `make bench BENCH_ARGS="--repeat 2"` for fewer runs.
bench: $(STAMP)
	$(PY) scripts/bench.py $(BENCH_ARGS)

clean:
	rm -rf site site-offline.zip .site-build-* .site-old-* .pytest_cache
