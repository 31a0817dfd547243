"""MkDocs hooks for trainers who print: the /handboek/ page and the PDFs.

on_files adds handboek/index.md (the handbook as a print view) and reserves
handboek.pdf and checklists/<slug>.pdf, so links to them pass the strict build;
on_post_build renders those PDFs with WeasyPrint into the built site. A PDF that
fails stops the build (scripts/build_site.py then keeps the old site/).
The work is done in the core (kennisbank.handbook). Runs after catalogue_hooks.py.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from kennisbank.handbook import PAGE, Edition, HandbookError, git_version, handbook_page, pdf_paths, write_pdfs

# PDFs by the hash of their HTML: the offline build and `mkdocs serve` reuse them.
CACHE = Path(tempfile.gettempdir()) / "kennisbank-pdf-cache"
log = logging.getLogger("mkdocs.hooks.handbook")
# Set once per process by on_startup. Under `mkdocs serve` every edit changes the HTML, and
# rendering the PDFs again would add many seconds to each rebuild at a large catalogue.
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def _edition(config: MkDocsConfig) -> Edition:
    return Edition(version=git_version(Path(config.config_file_path).parent), site_url=config.site_url or "")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    catalogue = config.extra["_catalogue"]
    page = File.generated(config, PAGE, content="")  # content follows, once its URL is known
    page.edit_uri = None  # made from the whole catalogue: there is no one file to edit

    def page_url(entry) -> str:
        target = files.get_file_from_path(entry.path)
        return get_relative_url(target.url, page.url) if target else ""

    page.content_string = handbook_page(catalogue, _edition(config), page_url)
    files.append(page)
    for path in pdf_paths(catalogue):
        placeholder = File.generated(config, path, content=b"")  # replaced in on_post_build
        placeholder.edit_uri = None
        files.append(placeholder)
    return files


def on_post_build(config: MkDocsConfig) -> None:
    if _serving or os.environ.get("KENNISBANK_PDF") == "0":  # KENNISBANK_PDF=0: scripts/bench.py
        log.info("De PDF's worden nu niet gemaakt (mkdocs serve of KENNISBANK_PDF=0); 'make site' maakt ze wel.")
        return
    try:
        write_pdfs(config.extra["_catalogue"], Path(config.site_dir), _edition(config),
                   say=lambda line: print(line, flush=True), cache=CACHE)
    except HandbookError as error:
        raise Abort(f"Het handboek (PDF) is niet gemaakt: {error}") from None
    except Exception as error:  # WeasyPrint or the file system; the site must not go out without its PDFs
        raise Abort(f"Het handboek (PDF) is niet gemaakt: {type(error).__name__}: {error}") from None
