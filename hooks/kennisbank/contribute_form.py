"""The form pages "Organisatie of voorbeeld toevoegen": one page per kind, generated from its schema.

Each page holds a plain HTML form (labels, hints, choices from the vocabularies)
and, as JSON, the field list the browser script docs/assets/bijdragen.js needs to
turn the answers into a YAML file and open GitHub's "new file" page::

    pages = form_pages(Path("catalogue"), catalogue, "https://github.com/org/repo")
    pages["bijdragen/index.md"]      # the organisation form
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from kennisbank.fields import Field, kind_fields, kinds_fields
from kennisbank.model import KINDS_BY_FOLDER, Catalogue, Kind
from kennisbank.pages import front_matter
from kennisbank.scaffold import modeline

TEMPLATES = Path(__file__).parent / "templates"
# Fields the form leaves to the editors: links between entries need knowledge of the whole catalogue.
SKIPPED = {"gerelateerd"}


@dataclass(frozen=True)
class FormPage:
    folder: str
    path: str          # page in the docs folder
    title: str


FORM_PAGES = (
    FormPage("organisaties", "bijdragen/index.md", "Organisatie of voorbeeld toevoegen"),
    FormPage("voorbeelden", "bijdragen/voorbeeld.md", "Goed voorbeeld toevoegen"),
    FormPage("bronnen", "bijdragen/bron.md", "Bron toevoegen"),
)


def form_fields(root: Path, folder: str, fields: tuple[Field, ...] | None = None) -> list[Field]:
    """The fields the form asks for; `fields`: kind_fields(root, folder), when the caller has them."""
    return [f for f in (kind_fields(root, folder) if fields is None else fields)
            if f.name not in SKIPPED and not (folder == "bronnen" and f.name == "bronnen")]


def form_data(root: Path, catalogue: Catalogue, folder: str, repo_url: str,
              fields: list[Field] | None = None) -> dict:
    """Everything bijdragen.js needs, as plain data; `fields`: form_fields(root, folder), when known."""
    kind: Kind = KINDS_BY_FOLDER[folder]
    return {
        "folder": folder,
        "singular": kind.singular,
        "title_field": kind.title_field,
        "modeline": modeline(folder),
        "repo_url": repo_url.rstrip("/"),
        "taken": sorted(entry.slug for entry in catalogue.entries),
        "fields": [f.as_dict() for f in (form_fields(root, folder) if fields is None else fields)],
    }


def _options(catalogue: Catalogue) -> dict[str, list[tuple[str, str]]]:
    """Existing entries per folder as (slug, title), for reference fields."""
    return {folder: sorted(((e.slug, e.title) for e in catalogue.of_kind(folder)), key=lambda o: o[1].lower())
            for folder in KINDS_BY_FOLDER}


def form_pages(root: Path, catalogue: Catalogue, repo_url: str) -> dict[str, str]:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True, autoescape=True)
    pages = {}
    options = _options(catalogue)
    by_kind = kinds_fields(root, dict(catalogue.vocabularies))   # the schemas read once, not twice per page
    for page in FORM_PAGES:
        fields = form_fields(root, page.folder, by_kind[page.folder])
        data = form_data(root, catalogue, page.folder, repo_url, fields)
        # Inside <script type="application/json"> only "</" could end the element early.
        data_json = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        pages[page.path] = env.get_template("bijdragen.md.j2").render(
            page=page, pages=FORM_PAGES, kind=KINDS_BY_FOLDER[page.folder], fields=fields,
            options=options, data_json=data_json, repo_url=repo_url.rstrip("/"),
            front_matter=Markup(front_matter(title=page.title, description=f"Voeg zelf een "
                                f"{KINDS_BY_FOLDER[page.folder].singular} toe aan de kennisbank.")),
        )
    return pages
