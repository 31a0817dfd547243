"""The catalogue core: load, validate, model and render, with no MkDocs imports.

Scripts, tests and the MkDocs hooks all go through :func:`load_catalogue`::

    from kennisbank import load_catalogue
    catalogue = load_catalogue(Path("catalogue"))   # raises CatalogueError
    catalogue.of_kind("organisaties")[0].title
"""

from kennisbank.kinds import KINDS, Kind
from kennisbank.loader import load_catalogue
from kennisbank.model import Catalogue, Entry
from kennisbank.problems import CatalogueError, Problem

__all__ = ["KINDS", "Catalogue", "CatalogueError", "Entry", "Kind", "Problem", "load_catalogue"]
