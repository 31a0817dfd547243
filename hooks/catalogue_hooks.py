"""MkDocs hooks: translate build events into calls on the catalogue core (hooks/kennisbank).

on_config loads and validates the catalogue, on_files adds the generated pages.
MkDocs keeps this module loaded during `mkdocs serve`, so state lives on the
config object of the current build, never in module globals.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from kennisbank import KINDS, CatalogueError, load_catalogue, render_pages

CATALOGUE = "catalogue"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        catalogue = load_catalogue(root / CATALOGUE)
    except CatalogueError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        raise Abort(f"De catalogus heeft {len(error.problems)} fout(en). De site is niet gebouwd; "
                    f"herstel de fouten hierboven en probeer het opnieuw.") from None
    for warning in catalogue.warnings:   # printed, not logged: a logged warning would fail --strict
        print(warning, file=sys.stderr)
    config.extra["_catalogue"] = catalogue
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    catalogue = config.extra["_catalogue"]
    for path, markdown in render_pages(catalogue).items():
        file = File.generated(config, path, content=markdown)
        folder, _, name = path.rpartition("/")
        # The edit button opens the YAML file; edit_uri points into docs/, hence "../".
        if name != "index.md" and folder in {kind.folder for kind in KINDS}:
            file.edit_uri = f"../{CATALOGUE}/{folder}/{name.removesuffix('.md')}.yml"
        files.append(file)
    return files
