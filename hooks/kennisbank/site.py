"""Everything the catalogue adds to the site, as files: the table of contents of a build.

The MkDocs hook adds these as generated files; another site generator could write them
to disk just the same::

    for file in site_files(catalogue, Settings(url="https://example.org/kb/", repo_url="...")):
        print(file.path, file.edit)   # "organisaties/njr.md", "catalogue/organisaties/njr.yml"
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kennisbank.contribute_form import form_pages
from kennisbank.explorer import PAGE as EXPLORER_PAGE
from kennisbank.explorer import render_explorer
from kennisbank.exports import CSV_FILE, JSON_FILE, OPEN_DATA_PAGE, catalogue_csv, catalogue_json, render_open_data
from kennisbank.handbook import PAGE as HANDBOOK_PAGE
from kennisbank.handbook import Edition, docs_pages, handbook_page, pdf_files
from kennisbank.model import Catalogue
from kennisbank.moved import redirect_pages
from kennisbank.pages import GLOSSARY_PAGE, Renderer
from kennisbank.share import share_images
from kennisbank.statistics import PAGE as STATISTICS_PAGE
from kennisbank.statistics import render_statistics
from kennisbank.structure import PATH as STRUCTURE_SVG
from kennisbank.structure import structure_svg


LOGO = "assets/logo.svg"   # in the docs folder: the site's logo, also on the share images


@dataclass(frozen=True)
class Settings:
    """What the renderers need to know about the site being built."""

    url: str = ""          # where the site is published (site_url)
    repo_url: str = ""     # the repository contributors send changes to
    today: dt.date = field(default_factory=dt.date.today)
    docs: Path = Path("docs")   # the hand-written pages; the handbook prints some of them
    pdfs: bool = True      # False: the PDFs are empty placeholders (a quick build, as the benchmark's)


@dataclass(frozen=True)
class SiteFile:
    path: str                  # inside the docs folder: "organisaties/njr.md", "catalogus.csv"
    content: str | bytes
    edit: str | None = None    # the file a reader edits to change this page, relative to the project
    # Markup the page's own template writes that the safety check would refuse in catalogue
    # text, as safety.unsafe_html reports it: ("<form>", "<script>"). Anything more is refused.
    trusted: tuple[str, ...] = ()


def site_files(catalogue: Catalogue, settings: Settings, say: Callable[[str], None] = lambda line: None
               ) -> list[SiteFile]:
    files: list[SiteFile] = []
    # 1. A page per entry, an overview per kind, a page per theme, target group and region.
    edit = {entry.path: entry.file for entry in catalogue.entries} | {GLOSSARY_PAGE: "catalogue/begrippen.yml"}
    for path, markdown in Renderer(catalogue, settings.today).pages().items():
        files.append(SiteFile(path, markdown, edit.get(path)))
    # 2. Pages and pictures made from the whole catalogue: explorer, statistics, open data and its downloads.
    files += [
        SiteFile(EXPLORER_PAGE, render_explorer(catalogue, settings.today), trusted=("<form>", "<script>", "<script>")),
        SiteFile(STATISTICS_PAGE, render_statistics(catalogue, settings.today)),
        SiteFile(STRUCTURE_SVG, structure_svg(catalogue)),
        SiteFile(OPEN_DATA_PAGE, render_open_data(catalogue, settings.today)),
        SiteFile(JSON_FILE, catalogue_json(catalogue, settings.url, settings.today)),
        SiteFile(CSV_FILE, catalogue_csv(catalogue, settings.url)),
    ]
    # 3. The share images (og:image), one per part of the site, with the logo of the hand-written pages.
    logo = settings.docs / LOGO
    files += [SiteFile(path, png) for path, png in share_images(logo.read_text(encoding="utf-8") if logo.is_file() else "")]
    # 4. The old addresses of renamed entries, each sending the reader on to the new one.
    files += [SiteFile(path, html) for path, html in redirect_pages(catalogue)]
    # 5. The forms for contributors.
    files += [SiteFile(path, markdown, trusted=("<form>", "<script>"))
              for path, markdown in form_pages(catalogue, settings.repo_url).items()]
    # 6. The PDFs (handbook, worksheets, short versions) and the page that offers them.
    edition = Edition(built=settings.today, site_url=settings.url)
    pdfs = pdf_files(catalogue, edition, docs_pages(settings.docs), render=settings.pdfs, say=say)
    files += [SiteFile(pdf.path, pdf.data) for pdf in pdfs]
    files.append(SiteFile(HANDBOOK_PAGE, handbook_page(pdfs, edition)))
    return files
