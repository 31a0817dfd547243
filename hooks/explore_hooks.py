"""MkDocs hooks for readers who look things up: the explorer, statistics and open data.

on_files adds the generated pages (/verkennen/, /statistieken/, /open-data/) and
the downloads catalogus.json and catalogus.csv, as generated files, so MkDocs
copies them and checks links to them. The work is done in the core
(kennisbank.explorer, kennisbank.statistics, kennisbank.exports).
Runs after catalogue_hooks.py, which stored the loaded Catalogue in config.extra.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from kennisbank.explorer import PAGE as EXPLORER_PAGE
from kennisbank.explorer import render_explorer
from kennisbank.exports import (CSV_FILE, JSON_FILE, OPEN_DATA_PAGE, catalogue_csv, catalogue_json, records,
                                render_open_data)
from kennisbank.statistics import PAGE as STATISTICS_PAGE
from kennisbank.statistics import render_statistics

CATALOGUE = "catalogue"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    catalogue = config.extra["_catalogue"]
    root = Path(config.config_file_path).parent / CATALOGUE
    site_url = config.site_url or ""
    items = records(catalogue, root, site_url)   # made once for the explorer and both downloads
    generated = {
        EXPLORER_PAGE: render_explorer(catalogue, root, exported=items),
        STATISTICS_PAGE: render_statistics(catalogue),
        OPEN_DATA_PAGE: render_open_data(catalogue, root),
        JSON_FILE: catalogue_json(catalogue, root, site_url, items=items),
        CSV_FILE: catalogue_csv(catalogue, root, site_url, items=items),
    }
    for path, content in generated.items():
        file = File.generated(config, path, content=content)
        file.edit_uri = None  # made from the whole catalogue: there is no one file to edit
        files.append(file)
    return files
