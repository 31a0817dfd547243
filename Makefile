# Two commands for a fresh clone: `make site` and `make test`. Both install what they need.
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site test serve validate links bench handbook clean

$(STAMP): requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

# axe-core for the browser accessibility tests (package-lock.json pins it). Without npm
# or the npm registry the browser tests that need it skip and say why; the rest still runs.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1 && npm ci --no-audit --no-fund --loglevel=error; then \
	  touch $(NODE_STAMP); \
	else \
	  echo "WARNING: could not install node_modules (npm ci); accessibility tests will skip." >&2; \
	fi

site: $(STAMP)
	$(PY) scripts/build_site.py

# Only the PDFs (site/handboek.pdf, site/checklists/<slug>.pdf), without building the site.
handbook: $(STAMP)
	$(PY) scripts/handbook.py

test: $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest

serve: $(STAMP)
	$(PY) -m mkdocs serve --livereload

validate: $(STAMP)
	$(PY) scripts/validate.py

# The web addresses in the catalogue: reports (in Dutch) which could not be reached; exit 0
# even without a network. `$(PY) scripts/links.py --strict` fails on a broken address.
links: $(STAMP)
	$(PY) scripts/links.py

# Build time at 1,000 and 5,000 synthetic entries against plain MkDocs, validation, rebuild,
# handbook PDF, memory; prints a table and writes bench-results.json. Takes a long while;
# e.g. `make bench BENCH_ARGS="--repeat 2"` for fewer runs.
bench: $(STAMP)
	$(PY) scripts/bench.py $(BENCH_ARGS)

clean:
	rm -rf site site-offline.zip .site-build-* .site-old-* .pytest_cache
