# Two commands for a fresh clone: `make site` and `make test`. Both install what they need.
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site test serve validate clean

$(STAMP): requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

site: $(STAMP)
	$(PY) scripts/build_site.py

test: $(STAMP)
	$(PY) -m pytest

serve: $(STAMP)
	$(PY) -m mkdocs serve --livereload

validate: $(STAMP)
	$(PY) scripts/validate.py

clean:
	rm -rf site .site-build-* .site-old-* .pytest_cache
