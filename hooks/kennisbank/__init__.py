"""The catalogue core: load, validate, model and render, with no MkDocs imports.

Scripts, tests and the MkDocs hooks all go through :func:`load_catalogue`::

    from kennisbank import load_catalogue, render_pages
    catalogue = load_catalogue(Path("catalogue"))   # raises CatalogueError
    pages = render_pages(catalogue)                  # {"organisaties/njr.md": "..."}
"""

from kennisbank.catalogue import load_catalogue
from kennisbank.model import KINDS, Catalogue, Entry, Kind
from kennisbank.pages import render_pages
from kennisbank.problems import CatalogueError, Problem

__all__ = [
    "KINDS",
    "Catalogue",
    "CatalogueError",
    "Entry",
    "Kind",
    "Problem",
    "load_catalogue",
    "render_pages",
]
