"""MkDocs hook for the contributor form pages (/bijdragen/): adds them as generated pages.

The pages come from kennisbank.contribute_form, from the schemas and the catalogue that
catalogue_hooks.py loaded (config.extra["_catalogue"]); this hook only hands them to MkDocs.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from kennisbank.contribute_form import form_pages

CATALOGUE = "catalogue"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent / CATALOGUE
    for path, markdown in form_pages(root, config.extra["_catalogue"], config.repo_url or "").items():
        files.append(File.generated(config, path, content=markdown))
    return files
