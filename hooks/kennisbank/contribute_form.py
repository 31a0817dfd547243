"""The contributor form pages (/bijdragen/): one page per kind, generated from its schema.

Each page holds a plain HTML form (labels, hints, choices from the word lists)
and, as JSON, the field list the browser script docs/assets/bijdragen.js needs to
turn the answers into a YAML file and open GitHub's "new file" page::

    pages = form_pages(catalogue, "https://github.com/org/repo")
    pages["bijdragen/index.md"]      # the organisation form
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from markupsafe import Markup

from kennisbank.fields import Field
from kennisbank.kinds import KINDS_BY_FOLDER
from kennisbank.model import Catalogue
from kennisbank.scaffold import modeline
from kennisbank.templates import environment, front_matter

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


def form_fields(catalogue: Catalogue, folder: str) -> list[Field]:
    """The fields the form asks for."""
    return [f for f in catalogue.schema.fields[folder]
            if f.name not in SKIPPED and not (folder == "bronnen" and f.name == "bronnen")]


def form_data(catalogue: Catalogue, folder: str, repo_url: str) -> dict:
    """Everything bijdragen.js needs, as plain data."""
    kind = KINDS_BY_FOLDER[folder]
    return {
        "folder": folder,
        "singular": kind.singular,
        "title_field": kind.title_field,
        "modeline": modeline(folder),
        "repo_url": repo_url.rstrip("/"),
        "taken": sorted(entry.slug for entry in catalogue.entries),
        "fields": [f.as_dict() for f in form_fields(catalogue, folder)],
    }


def _options(catalogue: Catalogue) -> dict[str, list[tuple[str, str]]]:
    """Existing entries per folder as (slug, title), for reference fields."""
    return {folder: sorted(((e.slug, e.title) for e in catalogue.of_kind(folder)), key=lambda o: o[1].lower())
            for folder in KINDS_BY_FOLDER}


def form_pages(catalogue: Catalogue, repo_url: str) -> dict[str, str]:
    env = environment(html=True)
    pages = {}
    options = _options(catalogue)
    for page in FORM_PAGES:
        # Inside <script type="application/json"> only "</" could end the element early.
        data_json = json.dumps(form_data(catalogue, page.folder, repo_url), ensure_ascii=False).replace("</", "<\\/")
        pages[page.path] = env.get_template("bijdragen.md.j2").render(
            page=page, pages=FORM_PAGES, kind=KINDS_BY_FOLDER[page.folder], fields=form_fields(catalogue, page.folder),
            options=options, data_json=data_json, repo_url=repo_url.rstrip("/"),
            front_matter=Markup(front_matter(title=page.title, description=f"Voeg zelf een "
                                f"{KINDS_BY_FOLDER[page.folder].singular} toe aan de kennisbank.")),
        )
    return pages
